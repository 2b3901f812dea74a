"""The one exception bad input raises; the CLI prints it as one line and counts it."""

from __future__ import annotations


class StorylineInputError(Exception):
    """Input a user supplied that Storyline cannot use: names the file (and line) and the problem."""

    def __init__(self, path: str, reason: str, line: int | None = None) -> None:
        self.path = path
        self.reason = reason
        self.line = line
        where = f"{path}:{line}" if line is not None else path
        super().__init__(f"{where}: {reason}")
