"""Organisations named with a lower-case kind word after the name: "the Open Ballot civic initiative", "the
opposition Free City bloc".

The small English model tags such a name a place ("Free City") or nothing at all ("Open Ballot"): the kind
word that says what the name is stands in lower case outside any span it draws. The article's wording says
it: "the" (and at most one lower-case word: "the opposition …"), a run of capitalised words, at most two
lower-case words, then a kind word of ``introduced_org_kinds`` — and no capitalised word after it, which the
kind word would introduce instead ("the civic initiative Open Ballot"). As with "the Solidarity trade union"
(``repair.introduced_as``), the name is the capitalised run: other reports drop the kind word ("as much as
Free City"), and "the bloc" then stands for the name so introduced (``descriptions``). Here the names the
model left untagged are added; a name it tagged as something else is relabelled by
``repair.organisations_by_introduction``, which reads the same introduction.
Hand-written over the text: the pattern is one of wording and case, which the small model's parse of an
unknown name does not give more reliably (issue #17, generalise gyumri-recount).
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc

from storyline.records import Mention
from storyline.stages.entities.lexicon import EntityLexicon, fold_name

__all__ = ["introduced_by_kind", "organisations_named_by_kind"]

# How far around a name its introduction ("the opposition … bloc") is looked for.
INTRODUCTION_CHARS = 40
# One capitalised word of a name, hyphenated parts capitalised too ("Free", "Nor-Ost"; not "Kremlin-backed").
NAME_WORD = r"[A-Z][\w'’]*(?:-[A-Z][\w'’]*)*"


@lru_cache(maxsize=4)
def _introduction(kinds: frozenset[str]) -> re.Pattern[str]:
    """ "the [word] Name Words [one or two words] kind", compiled once for the lexicon's kind words."""
    kind = "(?:" + "|".join(re.escape(word) for word in sorted(kinds)) + ")"
    return re.compile(
        rf"(?<![\w-])(?:[Tt]he|THE)\s+(?:[a-z][a-z-]*\s+)?"
        rf"(?P<name>{NAME_WORD}(?:[ ]{NAME_WORD})*)\s+(?:[a-z][a-z-]*\s+){{0,2}}{kind}\b(?!\s+[A-Z])"
    )


def introduced_by_kind(text: str, name: Mention, kinds: frozenset[str]) -> bool:
    """Whether the article introduces the name with one of ``kinds`` after it ("the opposition Free City
    bloc"). Read on the sentence around the name only: the pattern needs "the" shortly before it."""
    if not kinds:
        return False
    window_start = max(0, name.start - INTRODUCTION_CHARS)
    window = text[window_start : name.end + INTRODUCTION_CHARS]
    return any(
        match.span("name") == (name.start - window_start, name.end - window_start)
        for match in _introduction(kinds).finditer(window)
    )


def organisations_named_by_kind(
    doc: Doc, article_id: str, names: list[Mention], lexicon: EntityLexicon
) -> list[Mention]:
    """The article's names plus an organisation for each capitalised run its kind word introduces that the
    small model tagged as nothing, or tagged together with the kind word under a label no actor has ("the
    Vorlund Renewal bloc" as a work of art); a run it tagged otherwise (a person, a place, a nationality:
    "the Soviet bloc") is left to its tag, and so is a country the lexicon knows."""
    text = doc.text
    found = []
    for match in _introduction(lexicon.introduced_org_kinds).finditer(text):
        start, end = match.span("name")
        tagged = [(m.start, m.end) for m in names] + [
            (ent.start_char, ent.end_char)
            for ent in doc.ents
            if not (match.start() <= ent.start_char <= start and ent.end_char == match.end())
        ]
        if fold_name(match.group("name")) in lexicon.countries:
            continue
        if not any(start < other_end and other_start < end for other_start, other_end in tagged):
            found.append(Mention(article_id, start, end, match.group("name"), "ORG"))
    return sorted(names + found, key=lambda mention: (mention.start, mention.end))
