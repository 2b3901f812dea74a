"""A person's name with a quoted nickname inside it: Ivo "Ivica" Marić.

The small model cuts such a name at its quote marks ('Ivo "Ivica' one person, "Marić" another) or takes it
whole; either way the nickname keeps the mention apart from the person's other mentions. The name and its
quoted nickname become one mention standing for the name without the nickname ("Ivo Marić"). Issue #17,
generalise drina-bridge: a union's chairman named with his nickname once. Hand-written: a plain pattern of
capitalised words, after the small model's tags.
"""

from __future__ import annotations

import re

from storyline.records import Mention

__all__ = ["names_with_quoted_nicknames"]

# Given names, a one-word nickname in straight or curly quotes, a surname: each word capitalised (checked
# apart, so that letters with diacritics count).
NICKNAMED = re.compile(
    r"(?P<given>[^\W\d_][\w.'-]*(?: [^\W\d_][\w.'-]*){0,2}) [\"“‘](?P<nick>[^\W\d_][\w-]*)[\"”’] "
    r"(?P<surname>[^\W\d_][\w'-]*)"
)


def names_with_quoted_nicknames(text: str, names: list[Mention]) -> list[Mention]:
    """``names`` with each person's name holding a quoted nickname as one mention of the name without it;
    the mentions of its parts go, their role kept."""
    result = list(names)
    for name in names:
        match = NICKNAMED.match(text, name.start) if name.label == "PERSON" else None
        words = [*match["given"].split(), match["nick"], match["surname"]] if match else []
        if match is None or not all(word[0].isupper() for word in words) or name not in result:
            continue
        start, end = match.span()
        inside = [m for m in result if start <= m.start < end and m.end <= end]
        role = next((m.role for m in inside if m.role), None)
        joined = Mention(
            name.article, start, end, text[start:end], "PERSON", f"{match['given']} {match['surname']}", role
        )
        result = [m for m in result if m not in inside] + [joined]
    return sorted(result, key=lambda m: (m.start, m.end))
