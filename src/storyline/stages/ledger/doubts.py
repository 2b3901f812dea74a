"""What a claim's own words set against what it states: a rider that it is not confirmed, and a concession
its speaker goes on to answer (read on the claim's text: the ledger has the Claim record only).

- ``doubting_rider``: a figure or a statement reported with a rider that no one has confirmed it ("it copied
  3 million records, a claim the ministry says it has found no evidence for", "… killed 30 soldiers, which
  could not be independently verified"). News English appends such an appositive to a claim the outlet
  passes on but cannot stand behind: the claim rests on its speaker, and the report itself says it is
  unconfirmed (``ledger.status``).
- ``rebutted_concession``: a hedged concession answered in the next sentence ("there may be some
  out-of-the-loop generals who are beating their chest. But those who are involved are pretty
  confident …"): conceding with a hedge and then answering with "But" is arguing against the thing, so the
  speaker takes the deny side (``ledger.sides``), not the side the conceded words seem to affirm.
- ``anonymous_relay``: a speaker who is an unnamed source that spoke to another party ("Another intelligence
  source speaking to Fox News", "sources told CNN"): the outlet passes on someone else's anonymous report,
  which it has not confirmed itself, so a claim resting on such voices alone is unconfirmed
  (``ledger.status``).
"""

from __future__ import annotations

import re
from functools import cache

from storyline.lexicons import load_lexicon
from storyline.records import Claim
from storyline.stages.claims import denies_confirmation
from storyline.stages.ledger.grouping import ledger_lexicon

_WORDS = re.compile(r"[^\W\d_]+(?:['’]t)?", re.UNICODE)
# A rider's start: ", which …" or ", a claim …" (an article, at most one modifier, a statement noun).
_RIDER_START = re.compile(r",\s+(?=which\b|(?:a|an|the)\s+(?:[^\W\d_]+\s+)?[^\W\d_]+\b)", re.IGNORECASE)
# The sentence boundary a rebuttal opens after ("… beating their chest. But those who …").
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’']?\s+")
# The sentence openers that answer what came before (a concession's "But …"); the content's own contrast
# marks ("while", "although") subordinate rather than answer, so they are not among them.
REBUTTAL_OPENERS = frozenset({"but", "however", "yet"})
NOT_ASSERTING = frozenset({"hedged"})


def doubting_rider(text: str) -> str | None:
    """The rider of ``text`` saying that what it states is not confirmed, None when it has none: after a
    comma, "which …" or a statement noun in apposition ("a claim", "a figure", "the assertion"), with a
    negation and a confirming word ("no evidence", "could not be verified") or a word of non-confirmation
    ("unverified", "unconfirmed")."""
    for match in _RIDER_START.finditer(text):
        rider = text[match.end() :].strip().rstrip(".;:")
        words = [word.lower().replace("’", "'") for word in _WORDS.findall(rider)]
        if not words or not (words[0] == "which" or ledger_lexicon().statement_nouns & set(words[1:3])):
            continue
        if denies_confirmation(words):
            return rider
    return None


def rebutted_concession(claim: Claim) -> bool:
    """Whether the claim concedes with a hedge what a later sentence of it answers with "But", "However" or
    "Yet": the speaker argues against the thing conceded."""
    if claim.modality not in NOT_ASSERTING:
        return False
    later = _SENTENCE_END.split(claim.text.strip())[1:]
    return any(
        (words := _WORDS.findall(sentence)) and words[0].lower() in REBUTTAL_OPENERS for sentence in later
    )


@cache
def _anonymous_relay_pattern() -> re.Pattern[str]:
    """A source noun, an optional "who" and a relay verb ("speaking", "told"), then "to" and a capitalised
    party ("Fox News", "the AP"), or the end of the words when the party was cut from them (``kept_to``)."""
    table = load_lexicon("ledger")["anonymous_relays"]
    nouns = "|".join(map(re.escape, table["source_nouns"]))
    verbs = "|".join(map(re.escape, table["relay_verbs"]))
    # the nouns, verbs and "to" ignore case; the party spoken to must be a name, so its first letter does not
    return re.compile(
        rf"(?i:\b(?:{nouns})\s+(?:who\s+)?(?:{verbs}))(?:(?P<party>(?i:\s+(?:to\s+)?(?:the\s+)?)(?=[A-Z]))|\s*$)"
    )


def anonymous_relay(claim: Claim) -> bool:
    """Whether the claim's speaker is an unnamed source that spoke to another party (module doc). The party
    may have been cut from the speaker's words already: an entity named after "to" is the claim's addressee,
    not its speaker (``ledger.addressees``), so "source speaking to Fox News" reads "source speaking"; the
    speaker's span, longer than its words, tells that something was cut."""
    words = claim.speaker_text or ""
    match = _anonymous_relay_pattern().search(words)
    if match is None or match["party"] is not None:
        return match is not None
    return (claim.speaker_end or 0) - (claim.speaker_start or 0) > len(words)
