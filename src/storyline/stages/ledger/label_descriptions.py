"""Which organisation or place a label's bare definite description stands for: "Does the network pay …?"
names CNN, or keeps its words.

A label is a claim's words asked of every source, out of the article that told which body "the network" or
"the super PAC" is; in a story where two networks stand (CNN and Fox News), the analyst cannot tell which
is asked of (issue #14: reviewers called such labels misleading). A bare "the <head>" whose head is an
organisation's or a place's common noun (``lexicons/descriptions.toml``) is replaced by the name the
claim's own article ties to that head nearest before the description: a name ending in an organisation's
head ("Our Principles PAC" for "the super PAC", "the Clinton Foundation" for "the foundation"), or an
apposition ("Mannatech, the company", "the cable network CNN", "the city of St. Paul"). Failing those, an
organisation's description opening the content of its own voice's speech ("Zucker said the network does
not pay …", Zucker speaking for CNN) is that organisation. The entities stage's resolution of descriptions
is not read: it gave "the network" to CNN's sister network HLN, named once after the claim. Two names as
near, another name for the head between the nearest and the description, or none: the description stays
(precision: never a wrong name), and the question is asked in its words as before.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from storyline.lexicons import load_lexicon
from storyline.records import Claim
from storyline.stages.ledger.grouping import EntitySpans, ledger_lexicon
from storyline.stages.timeline import SENTENCE_END

if TYPE_CHECKING:  # voices builds on modules that import this one
    from storyline.stages.ledger.voices import Voices

# A possessive ending after a head ("the company's Web site"): the label keeps it after the name.
POSSESSIVE = re.compile(r"['’]s\b")
# Words an apposition's head may be modified by before it ("the cable news network CNN"): at most this many.
MODIFIERS = r"(?:[a-z][\w-]*\s+){0,3}"


@dataclass(frozen=True, slots=True)
class Heads:
    """The description heads of the lexicon: organisations' and places', longest first, and the pattern of
    a bare definite description in a label: "the" and a head, not followed by a name or "of" that already
    says which ("the network CNN", "the city of St. Paul")."""

    organisations: tuple[str, ...]
    places: tuple[str, ...]
    pattern: re.Pattern[str]


@cache
def description_heads() -> Heads:
    data = load_lexicon("descriptions")
    organisations = tuple(sorted(data["organisations"], key=len, reverse=True))
    places = tuple(sorted(data["places"], key=len, reverse=True))
    alternatives = "|".join(re.escape(head) for head in (*organisations, *places))
    return Heads(organisations, places, re.compile(rf"\b[Tt]he ({alternatives})\b(?!-|\s+(?:of\b|[A-Z]))"))


@dataclass(frozen=True, slots=True)
class Candidate:
    """A name the article ties to a head: where, and its words as the article writes them."""

    start: int
    end: int
    name: str


def described_named(
    label: str, claim: Claim, text: str, spans: EntitySpans, voices: Voices, names: Mapping[str, str]
) -> str:
    """``label`` (worded from ``claim``, of the article ``text``) with its first bare description of an
    organisation or place named where the article says which (the module's rules); else unchanged."""
    heads = description_heads()
    found = heads.pattern.search(label)
    if found is None:
        return label
    head = found.group(1)
    described = re.search(rf"\b[Tt]he {re.escape(head)}\b", claim.text)
    if described is None:
        return label
    at = claim.start + described.start()
    mentions = [
        (start, end) for start, end, _ in spans.get(claim.article, []) if text[start : start + 1].isupper()
    ]
    name = _nearest_name(text, at, head, mentions, head in heads.places)
    if name is None and head not in heads.places and not described.start():
        name = _voice_spoken_for(claim, text, at, voices, names)
    if name is None:
        return label
    if label[found.start()].isupper() and name.startswith("the "):
        name = "T" + name[1:]
    return label[: found.start()] + name + label[found.end() :]


def _nearest_name(
    text: str, at: int, head: str, mentions: Sequence[tuple[int, int]], place: bool
) -> str | None:
    """The name tied to ``head`` nearest before ``at``: None when none is, when the nearest sentence ties two
    names to it, or when another name tied to it anywhere in the article is written between the nearest and
    ``at`` (CNN named, then Fox News, then "the network")."""
    candidates = _candidates(text, head, mentions, place)
    before = [candidate for candidate in candidates if candidate.end <= at]
    if not before:
        return None
    nearest = max(before, key=lambda candidate: candidate.start)
    sentence = _sentence_start(text, nearest.start)
    if any(not _same(c.name, nearest.name) and c.start >= sentence for c in before):
        return None
    between = text[nearest.end : at]
    others = {_bare(c.name) for c in candidates if not _same(c.name, nearest.name)}
    if any(re.search(rf"\b{re.escape(other)}\b", between) for other in others):
        return None
    # named as the article names it in full ("Our Principles PAC", later "Principles Pac"), with "the" where
    # the article writes it so ("toward Clinton Foundation donors", else "the Clinton Foundation")
    forms = [_bare(c.name) for c in before if _same(c.name, nearest.name)]
    full = max(forms, key=len)
    return ("the " if any(c.name == f"the {full}" for c in before) else "") + full


def _candidates(text: str, head: str, mentions: Sequence[tuple[int, int]], place: bool) -> list[Candidate]:
    """Every name the article ties to ``head``: a mention ending in it (an organisation's only), a mention
    in apposition before or after it."""
    found = []
    head_words = head.lower().split()
    for start, end in mentions:
        words = text[start:end].split()
        own = [word for word in words if word.lower() not in {"the", *head_words}]
        if not own:
            continue  # "the network", "Super PAC": the description itself, no name
        ends_in_head = not place and words[-1].lower() == head_words[-1] and _whole_name(text, start, end)
        apposed = re.match(rf",\s+the\s+{MODIFIERS}{re.escape(head)}\b(?!['’])", text[end:])
        after = re.search(
            rf"\bthe\s+{MODIFIERS}{re.escape(head)}\s+(?:of\s+)?$", text[max(0, start - 60) : start]
        )
        if ends_in_head or apposed or after:
            the = text[max(0, start - 4) : start].lower() == "the "
            found.append(Candidate(start, end, ("the " if the and ends_in_head else "") + text[start:end]))
    return found


def _whole_name(text: str, start: int, end: int) -> bool:
    """Whether a mention ending in a head is a name of its own: not the end of a coordinated name ("the Bill,
    Hillary and Chelsea Clinton Foundation" cut to its last conjunct), nor a headline's Title Case words
    ("Trump's Firing Of Campaign Manager": a capitalised small word inside, or a capitalised word after)."""
    if re.search(r"(?:,|\band|&)\s*$", text[max(0, start - 5) : start]):
        return False
    if re.match(r"\s+[A-Z]", text[end:]):
        return False
    stopwords = ledger_lexicon().stopwords
    return not any(word[:1].isupper() and word.lower() in stopwords for word in text[start:end].split()[1:])


def _voice_spoken_for(
    claim: Claim, text: str, at: int, voices: Voices, names: Mapping[str, str]
) -> str | None:
    """The organisation whose voice the claim's speaker is, when the description opens the content of that
    speech and the article names the organisation before it: a body's president or spokesperson calls it
    "the network" or "the company"."""
    organisation = voices.people.get(claim.speaker or "")
    if organisation is None or organisation in voices.places:
        return None
    name = names.get(organisation)
    if not name or re.search(rf"\b{re.escape(name)}\b", text[:at]) is None:
        return None
    return name


def _bare(name: str) -> str:
    return name.removeprefix("the ")


def _same(first: str, second: str) -> bool:
    """Whether two names the article ties to a head are one body's: one is the other's ending, whatever
    the case ("Our Principles PAC", "Principles Pac")."""
    first, second = _bare(first).lower(), _bare(second).lower()
    return first.endswith(second) or second.endswith(first)


def _sentence_start(text: str, at: int) -> int:
    return max((boundary.end() for boundary in SENTENCE_END.finditer(text, 0, at)), default=0)
