"""A person's name with a quoted nickname inside it: Ivo "Ivica" Marić.

The small model cuts such a name at its quote marks ('Ivo "Ivica' one person, "Marić" another) or takes it
whole; either way the nickname keeps the mention apart from the person's other mentions. The name and its
quoted nickname become one mention standing for the name without the nickname ("Ivo Marić"). Issue #17,
generalise drina-bridge: a union's chairman named with his nickname once. The nickname may be followed by
middle initials and a surname of several words opening with particles (Benigno "Ninoy" S. de la Paz: the
model kept 'Benigno "Ninoy" S' and lost the governor's title and surname; generalise storm). Hand-written: a
plain pattern of capitalised words, after the small model's tags.
"""

from __future__ import annotations

import itertools
import re
from functools import lru_cache

from storyline.lexicons import load_lexicon
from storyline.records import Mention

__all__ = ["names_after_abbreviated_given_names", "names_with_quoted_nicknames"]


@lru_cache(maxsize=1)
def _nicknamed() -> re.Pattern[str]:
    """Given names, a one-word nickname in straight or curly quotes, middle initials ("R."), a surname with
    its particles ("Dela Cruz", "de la Torre": ``surname_particles`` of ``lexicons/entities.toml``): each
    word capitalised but the particles (checked apart, so that letters with diacritics count)."""
    particles = "|".join(sorted(load_lexicon("entities")["surname_particles"], key=len, reverse=True))
    return re.compile(
        r"(?P<given>[^\W\d_][\w.'-]*(?: [^\W\d_][\w.'-]*){0,2}) [\"“‘](?P<nick>[^\W\d_][\w-]*)[\"”’] "
        r"(?:(?P<middle>[^\W\d_]\.(?: ?[^\W\d_]\.)*) )?"
        rf"(?P<surname>(?:(?i:{particles}) )*[^\W\d_][\w'-]*)"
    )


def names_with_quoted_nicknames(text: str, names: list[Mention]) -> list[Mention]:
    """``names`` with each person's name holding a quoted nickname as one mention of the name without it;
    the mentions of its parts go, their role kept."""
    result = list(names)
    for name in names:
        match = _nicknamed().match(text, name.start) if name.label == "PERSON" else None
        words = [*match["given"].split(), match["nick"], match["surname"].split()[-1]] if match else []
        if match is None or not all(word[0].isupper() for word in words) or name not in result:
            continue
        start, end = match.span()
        inside = [m for m in result if start <= m.start < end and m.end <= end]
        role = next((m.role for m in inside if m.role), None)
        joined = Mention(name.article, start, end, text[start:end], "PERSON", _without_nickname(match), role)
        result = [m for m in result if m not in inside] + [joined]
    return sorted(result, key=lambda m: (m.start, m.end))


def _without_nickname(match: re.Match[str]) -> str:
    """ "Benigno S. de la Paz" of 'Benigno "Ninoy" S. de la Paz'."""
    return " ".join(part for part in (match["given"], match["middle"], match["surname"]) if part)


# An abbreviated given name right before a name: "Ma. " of "Ma. Teresa Reyes" (the word and its dot).
ABBREVIATED_GIVEN = re.compile(r"\b([^\W\d_]{2,4}\.) $")
# The name after an abbreviated given name the small model tagged alone ("Ma" of "Ma. Teresa Reyes"): its
# words (the capitalised ones that open it count, from two to three).
NAME_AFTER = re.compile(r"\. ([^\W\d_][\w-]*(?: [^\W\d_][\w-]*){1,2})")


def names_after_abbreviated_given_names(text: str, names: list[Mention]) -> list[Mention]:
    """``names`` with a person's name after an abbreviated given name ("Ma. Teresa Reyes",
    ``given_name_abbreviations``) as one mention of the name with the given name written out ("Maria Teresa
    Reyes"), whether the small model tagged the name, the abbreviation alone or both; a mention of the
    abbreviation alone goes, its role kept. Generalise storm: "Ma" became a person of its own, holding the
    spokeswoman's title, and the name after it was tagged nowhere."""
    given_names = load_lexicon("entities")["given_name_abbreviations"]
    result = list(names)
    for name in names:
        span = _abbreviated_name_span(text, name, names, given_names) if name.label == "PERSON" else None
        if span is None or name not in result:
            continue
        start, end, given = span
        inside = [m for m in result if start <= m.start < end and m.end <= end]
        role = next((m.role for m in inside if m.role), None)
        rest = text[start:end].split(" ", 1)[1]
        joined = Mention(name.article, start, end, text[start:end], "PERSON", f"{given} {rest}", role)
        result = [m for m in result if m not in inside] + [joined]
    return sorted(result, key=lambda m: (m.start, m.end))


def _abbreviated_name_span(
    text: str, name: Mention, names: list[Mention], given_names: dict[str, str]
) -> tuple[int, int, str] | None:
    """The span of the name with its abbreviated given name, and that given name written out; None when the
    name has none. A lone "Ma" is the abbreviation only before two capitalised words that are no other
    name, in an article where no person's name ends in it ("Jack Ma": then it is his surname)."""
    before = ABBREVIATED_GIVEN.search(text, max(0, name.start - 6), name.start)
    if (
        before is not None
        and before[1].lower() in given_names
        and name.text[:1].isupper()
        and not any(m.start < before.start(1) < m.end for m in names)  # "Jack Ma. Luisa Reyes": his surname
    ):
        return before.start(1), name.end, given_names[before[1].lower()]
    given = given_names.get(f"{name.text.lower()}.")
    after = NAME_AFTER.match(text, name.end)
    words = list(itertools.takewhile(lambda w: w[0].isupper(), after[1].split())) if after else []
    if given is None or after is None or len(words) < 2:
        return None
    end = after.start(1) + len(" ".join(words))
    if any(m.label != "PERSON" and m.start < end and name.end < m.end for m in names) or any(
        m.label == "PERSON" and m.text.endswith(f" {name.text}") for m in names
    ):
        return None
    return name.start, end, given
