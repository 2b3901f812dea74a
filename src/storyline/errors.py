"""The failures a user can act on, as one small tree: ``StorylineError`` → input, store, configuration.

Each names where the problem is (a file and line, a store, a setting) and what it is, in one line. The CLI
prints any of them as ``storyline: <message>`` and exits non-zero; the server answers with an RFC 9457
problem whose status the kind picks. Anything else is a programming error and is left to propagate.
"""

from __future__ import annotations


class StorylineError(Exception):
    """A failure a user can act on: ``where`` names the file, store or setting, ``reason`` the problem."""

    def __init__(self, where: str, reason: str) -> None:
        self.reason = reason
        super().__init__(f"{where}: {reason}")


class StorylineInputError(StorylineError):
    """Input a user supplied that Storyline cannot use: names the file (and line) and the problem."""

    def __init__(self, path: str, reason: str, line: int | None = None) -> None:
        self.path = path
        self.line = line
        super().__init__(f"{path}:{line}" if line is not None else path, reason)


class StorylineStoreError(StorylineError):
    """A store that cannot be opened, read or written: not a Storyline database, read-only, disk full."""

    def __init__(self, location: str, reason: str) -> None:
        self.location = location  # the store's path, or its URL without the password
        super().__init__(location, reason)


class StorylineConfigurationError(StorylineError):
    """A setting Storyline cannot run with: an engine whose packages are missing, a scheduler it cannot
    reach, a database driver not installed, a value out of range."""

    def __init__(self, setting: str, reason: str) -> None:
        self.setting = setting
        super().__init__(setting, reason)


def unknown_story(story_id: str) -> StorylineInputError:
    """The error for a story id the store does not hold (the CLI's ``--story``, exports)."""
    return StorylineInputError(story_id, "no such story in the store (see `storyline stories --db …`)")
