"""Whose count an outlet's own sentence tells (``counted_by``), so that a count it relays is the counter's.

"On Tuesday the ministry had counted 41 facilities back online" (the generalise cyberattack story, issue
#17), "the fire service put the burned area at 3,500 hectares" and, pointing back to the counter the sentence
before names, "Its estimates have risen every day: 3,500 hectares on Monday…" (the generalise fire story,
whose fire-service series was credited to the wire that recapped it): the counter is the claim's speaker,
one source with the counter's own claims (``ledger.sources``), not a second source beside them. Verbs and
words are ``[counters]`` of ``lexicons/ledger.toml``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache

from storyline.lexicons import load_lexicon
from storyline.records import Claim
from storyline.stages.ledger.grouping import WORD, EntitySpans
from storyline.stages.ledger.kinds import SENTENCE_END


@dataclass(frozen=True, slots=True)
class CounterLexicon:
    verbs: frozenset[str]  # verbs of counting ("counted", "recorded")
    between: frozenset[str]  # words that may stand between the counter and the verb ("had", "so far")
    estimate_verbs: frozenset[str]  # verbs setting an estimate "at" a figure ("put the toll at 17")
    pointing_back: frozenset[str]  # pronoun subjects naming the counter just named ("It put the spill at")
    possessives: frozenset[str]  # possessives before a noun of counting ("Its estimates have risen")
    count_nouns: frozenset[str]


@cache
def counter_lexicon() -> CounterLexicon:
    data = load_lexicon("ledger")["counters"]
    return CounterLexicon(
        verbs=frozenset(data["verbs"]),
        between=frozenset(data["between"]),
        estimate_verbs=frozenset(data["estimate_verbs"]),
        pointing_back=frozenset(data["pointing_back"]),
        possessives=frozenset(data["possessives"]),
        count_nouns=frozenset(data["count_nouns"]),
    )


def counted_by(
    claim: Claim,
    spans: EntitySpans,
    counters: frozenset[str],
    text: str = "",
    article_claims: Sequence[Claim] = (),
) -> Claim:
    """An outlet's own sentence telling a count as a counter's ("the ministry had counted 41 …", "the fire
    service put the burned area at 3,500 hectares"): the claim with that counter as its speaker, an entity
    of ``counters`` (organisations and people) named right before a verb of counting or of estimate
    (``[counters]``), every figure of the content after the verb. A sentence opening with a pronoun or a
    possessive that points back ("It put the spill at …", "Its estimates have risen …") takes the counter
    the article's ``text`` names last before it, in the sentence before. A sentence naming no counter that
    goes on with a figure of the thing a counter's claim in the sentence before counts ("… with only 12
    stations still waiting, according to the commission. On Tuesday there were still 31 stations pending.")
    is that counter's too (``_continued``, among the article's ``article_claims``). Any other claim is
    returned as it is."""
    if not claim.outlet_voice or not claim.quantities:
        return claim
    first_figure = min(quantity.start for quantity in claim.quantities)
    for start, end, entity in spans.get(claim.article, []):
        if entity not in counters or not claim.start <= start < end <= first_figure:
            continue
        if _counts(claim.text[end - claim.start : first_figure - claim.start]):
            return _spoken_by(claim, entity, start, end, claim.text[start - claim.start : end - claim.start])
    if not text:
        return claim
    pointed = _counted_before(claim, spans, counters, text)
    return pointed if pointed is not claim else _continued(claim, spans, counters, text, article_claims)


def _previous_sentence_start(text: str, start: int) -> int:
    before = text[:start].rstrip()[:-1]  # up to the previous sentence's closing stop
    return max((match.end() for match in SENTENCE_END.finditer(before)), default=0)


def _continued(
    claim: Claim, spans: EntitySpans, counters: frozenset[str], text: str, article_claims: Sequence[Claim]
) -> Claim:
    """The claim as the count of the one counter whose claim ends in the sentence right before it and
    counts the same thing (a figure of one unit), when the claim's own words before its first figure name
    no counter and it opens a sentence."""
    first_figure = min(quantity.start for quantity in claim.quantities)
    if not text[claim.start : claim.start + 1].isupper() or any(
        entity in counters and claim.start <= start < first_figure
        for start, _, entity in spans.get(claim.article, [])
    ):
        return claim
    opened = _previous_sentence_start(text, claim.start)
    units = {quantity.unit for quantity in claim.quantities if quantity.unit}
    sources = {
        other
        for other in article_claims
        if not other.outlet_voice
        and other.speaker in counters
        and opened < other.end <= claim.start
        and units & {quantity.unit for quantity in other.quantities}
    }
    speakers = {other.speaker for other in sources}
    if len(speakers) != 1:
        return claim
    source = min(sources, key=lambda other: other.start)
    if source.speaker_start is None or source.speaker_end is None or source.speaker is None:
        return claim
    return _spoken_by(
        claim, source.speaker, source.speaker_start, source.speaker_end, source.speaker_text or ""
    )


def _counts(words_before_figure: str) -> bool:
    """Whether the words between a counter and the first figure tell a count: a verb of counting after
    auxiliaries only, or a verb of estimate with "at" after it ("had put the burned area at")."""
    lexicon = counter_lexicon()
    words = [word.lower() for word in WORD.findall(words_before_figure)]
    verb = next((i for i, word in enumerate(words) if word in lexicon.verbs | lexicon.estimate_verbs), None)
    if verb is None or not set(words[:verb]) <= lexicon.between:
        return False
    return words[verb] in lexicon.verbs or "at" in words[verb + 1 :]


def _counted_before(claim: Claim, spans: EntitySpans, counters: frozenset[str], text: str) -> Claim:
    """The claim as the count of the counter named last in the sentence before it, when its first words
    point back to that counter ("It put the spill at …", "Its estimates …")."""
    lexicon = counter_lexicon()
    first_figure = min(quantity.start for quantity in claim.quantities)
    words = [word.lower() for word in WORD.findall(text[claim.start : first_figure])]
    pronoun = len(words) > 1 and words[0] in lexicon.pointing_back and _counts(" ".join(words[1:]))
    possessive = len(words) > 1 and words[0] in lexicon.possessives and words[1] in lexicon.count_nouns
    if not (pronoun or possessive) or not text[claim.start : claim.start + 1].isupper():
        return claim
    opened = _previous_sentence_start(text, claim.start)
    named = [
        (start, end, entity)
        for start, end, entity in spans.get(claim.article, [])
        if entity in counters and opened <= start < end <= claim.start
    ]
    if not named:
        return claim
    start, end, entity = max(named)
    return _spoken_by(claim, entity, start, end, text[start:end])


def _spoken_by(claim: Claim, entity: str, start: int, end: int, surface: str) -> Claim:
    return replace(claim, speaker=entity, speaker_text=surface, speaker_start=start, speaker_end=end)
