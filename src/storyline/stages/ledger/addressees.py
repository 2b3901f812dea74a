"""Who is no source of a claim though the parse names them its speaker (lexicon ``ledger`` ``[addressees]``).

- an addressee or target: an entity the speaker's words name only after "to", "against", "before" … ("The
  GOP's complaint to the D.C. Court of Appeals' Board on Professional Responsibility says …") receives the
  claim, it does not make it: the speaker is the words before the marker, unresolved;
- a document ("the complaint", "the letter", "the spot") is the voice of whoever an earlier attribution of
  its article said filed it: "The RNC is filing a complaint …, claiming that Mills had a conflict of
  interest. The GOP's complaint … says Mills violated professional conduct standards" is the RNC twice;
- a time expression is never a speaker: "A court document filed Thursday says that …" parsed with
  "Thursday" as its speaker has no speaker the parse can name (``_without_time_speaker``). In PolNeAR's
  lewandowski-fields-battery story "Thursday" stood as a source that could not confirm the dropped charge.

In PolNeAR's trump-taxes story the RNC's complaint stood corroborated by the RNC and the board it was filed
with (issue #14). Applied before the voices of ``ledger.voices``, where a position's speakers are listed and
a question's sources counted.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cache

from storyline.lexicons import load_lexicon
from storyline.records import Claim
from storyline.stages.ledger.grouping import ledger_lexicon

_WORD = re.compile(r"[^\W\d_]+")
SENTENCE_END = re.compile(r"[.!?\n]")
# characters after an attribution's cue that may still name its document ("said | in a written statement")
ATTRIBUTION_TAIL = 40
DEFINITE_DETERMINERS = frozenset({"the", "this", "that", "its", "their", "his", "her"})


@dataclass(frozen=True, slots=True)
class AddresseeLexicon:
    markers: re.Pattern[str]  # the first marker of an addressee in a speaker's words
    documents: frozenset[str]


@cache
def addressee_lexicon() -> AddresseeLexicon:
    data = load_lexicon("ledger")["addressees"]
    markers = sorted(data["addressee_markers"], key=len, reverse=True)
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(m) for m in markers) + r")\b", re.I)
    return AddresseeLexicon(pattern, frozenset(data["documents"]))


def _content_words(text: str) -> set[str]:
    stopwords = ledger_lexicon().stopwords
    return {word for word in _WORD.findall(text.lower()) if word not in stopwords}


def as_filed(claims: Sequence[Claim], texts: Mapping[str, str], names: Mapping[str, str]) -> list[Claim]:
    """The claims with an addressee speaker cut to the words before its marker, and a document speaker
    replaced by whoever an earlier claim of the same claims and article says filed it."""
    cut = [_without_addressee(_without_time_speaker(claim), names) for claim in claims]
    return [_filer(claim, cut, texts) for claim in cut]


@cache
def time_words() -> frozenset[str]:
    """Words that only tell when (``[time_expressions]``: weekdays, days relative to today, parts of the day,
    calendar units and the words shifting them, with ``[addressees] time_links``). Month names are left
    out: "May", "June" also name people."""
    times = load_lexicon("time_expressions")
    words = [
        *times["weekdays"],
        *times["relative_days"],
        *times["units"],
        *times["shifts"],
        *times["lists"]["parts_of_day"],
        *load_lexicon("ledger")["addressees"]["time_links"],
    ]
    return frozenset(words)


def _without_time_speaker(claim: Claim) -> Claim:
    """The claim with no speaker when its speaker's words are a time expression only ("Thursday", "Last
    night", "Earlier this week"): the parse took the sentence's when for its who."""
    words = _WORD.findall((claim.speaker_text or "").lower())
    if claim.speaker or not words or not set(words) <= time_words():
        return claim
    return replace(claim, speaker_text=None, speaker_start=None, speaker_end=None)


def _without_addressee(claim: Claim, names: Mapping[str, str]) -> Claim:
    """The claim with its speaker unresolved when the entity is named only after an addressee marker (the
    speaker's words may stop inside the name: "… complaint to the D.C. Court of Appeals")."""
    said_by = claim.speaker_text or ""
    marker = addressee_lexicon().markers.search(said_by)
    name = names.get(claim.speaker or "", "")
    if marker is None or not name or marker.start() == 0:
        return claim
    head, tail = _content_words(said_by[: marker.start()]), _content_words(said_by[marker.end() :])
    named = _content_words(name)
    if head & named or not named & tail:
        return claim
    return replace(claim, speaker=None, speaker_text=said_by[: marker.start()].strip())


def _filer(claim: Claim, claims: Sequence[Claim], texts: Mapping[str, str]) -> Claim:
    """A document speaker as the speaker of the nearest earlier claim of its article whose attribution
    (from its speaker to its content) names that document."""
    said_by = (claim.speaker_text or "").lower().replace("’", "'")
    head = said_by.split("'s ")[-1].split()
    documents = addressee_lexicon().documents
    document = next((word for word in head[:2] if word in documents), None)
    text = texts.get(claim.article)
    if claim.speaker or document is None or text is None:
        return claim
    earlier = [
        other
        for other in claims
        if other.article == claim.article and other.end <= claim.start and other.speaker_text
        if document in _WORD.findall(_attribution_words(other, text).lower())
    ]
    if not earlier:
        return claim
    filer = max(earlier, key=lambda other: other.end)
    return replace(claim, speaker=filer.speaker, speaker_text=filer.speaker_text)


def issued_documents(claims: Sequence[Claim], texts: Mapping[str, str]) -> list[Claim]:
    """The story's claims with a document speaker ("the statement said") replaced by whoever the nearest
    earlier attribution of its article, among all the story's claims, says issued it (``_filer``): "Fox News
    said in a statement" answers a question the later quote of the statement does not, so a position's own
    claims rarely hold it (PolNeAR trump-debate-demands listed "the statement" as a speaker, issue #14).
    Only a definite document refers back: "A Sept. 15, 2011 email shows …" is another email than the one
    "An email from Neera Tanden" was, and stays as written."""
    return [_filer(claim, claims, texts) if _definite(claim.speaker_text) else claim for claim in claims]


def _definite(words: str | None) -> bool:
    """Whether speaker words open with a definite determiner or an owner ("the statement", "its memo", "the
    party's complaint"): a description of a thing already named."""
    first = (words or "").lower().replace("’", "'").split(maxsplit=1)[:1]
    return bool(first) and (first[0] in DEFINITE_DETERMINERS or first[0].endswith("'s"))


def _attribution_words(claim: Claim, text: str) -> str:
    """The words of the claim's attribution: from its speaker (or cue) to its content, or, for an attribution
    after its content ("…,” Fox News said in a statement."), from its speaker or cue to the sentence's end."""
    start = _attribution_start(claim)
    if start < claim.start:
        return text[start : claim.start]
    end = claim.cue_end if claim.speaker_end is None else max(claim.cue_end, claim.speaker_end)
    stop = SENTENCE_END.search(text, end, end + ATTRIBUTION_TAIL)
    return text[start : stop.start() if stop else end + ATTRIBUTION_TAIL]


def _attribution_start(claim: Claim) -> int:
    """Where the claim's attribution opens: its speaker, or its cue when that comes first or none is known."""
    return claim.cue_start if claim.speaker_start is None else min(claim.speaker_start, claim.cue_start)
