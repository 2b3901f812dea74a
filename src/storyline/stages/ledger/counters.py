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
from storyline.stages.ledger.grouping import WORD, EntitySpans, mentions_within
from storyline.stages.ledger.kinds import SENTENCE_END


@dataclass(frozen=True, slots=True)
class CounterLexicon:
    verbs: frozenset[str]  # verbs of counting ("counted", "recorded")
    between: frozenset[str]  # words that may stand between the counter and the verb ("had", "so far")
    estimate_verbs: frozenset[str]  # verbs setting an estimate "at" a figure ("put the toll at 17")
    pointing_back: frozenset[str]  # pronoun subjects naming the counter just named ("It put the spill at")
    possessives: frozenset[str]  # possessives before a noun of counting ("Its estimates have risen")
    count_nouns: frozenset[str]
    saying_verbs: frozenset[str]  # verbs a pronoun's counter gives a figure with ("it had said that 14 …")
    figure_words: frozenset[str]  # words of a content naming only a figure told before ("the new figure")


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
        saying_verbs=frozenset(data["saying_verbs"]),
        figure_words=frozenset(data["figure_words"]),
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
    is that counter's too (``_continued``, among the article's ``article_claims``). So is a sentence whose
    figure a pronoun gives after a saying verb ("…; on Tuesday evening it had said that 14 people had lost
    their lives": ``_said_by_pronoun``), and one whose figure the next sentence credits to a counter ("…
    the number of dead has risen to 14. The ministry announced the new figure on Tuesday evening":
    ``_credited_after``). Any other claim is returned as it is."""
    if not claim.outlet_voice or not claim.quantities:
        return claim
    first_figure = min(quantity.start for quantity in claim.quantities)
    for start, end, entity in spans.get(claim.article, []):
        if entity not in counters or not claim.start <= start < end <= first_figure:
            continue
        if _counts(claim.text[end - claim.start : first_figure - claim.start]):
            return spoken_by(claim, entity, start, end, claim.text[start - claim.start : end - claim.start])
    if not text:
        return claim
    for read in (_counted_before, _said_by_pronoun):
        pointed = read(claim, spans, counters, text)
        if pointed is not claim:
            return pointed
    credited = _credited_after(claim, counters, text, article_claims)
    return credited if credited is not claim else _continued(claim, spans, counters, text, article_claims)


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
    return spoken_by(
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
    return spoken_by(claim, entity, start, end, text[start:end])


def _said_by_pronoun(claim: Claim, spans: EntitySpans, counters: frozenset[str], text: str) -> Claim:
    """The claim as the count of the counter named last before a pronoun that gives its first figure with
    a saying verb, in the same sentence or the one before: "The ministry did not publish a new death toll
    on Wednesday; on Tuesday evening it had said that 14 people had lost their lives" (the generalise train
    story's French translation, where the claims stage leaves an "it" unresolved and the outlet's voice
    held the ministry's figure). Only auxiliaries (``between``) stand between the pronoun and the verb, and
    at most "that" between the verb and the figure's words."""
    lexicon = counter_lexicon()
    first_figure = min(quantity.start for quantity in claim.quantities)
    opened = max((match.end() for match in SENTENCE_END.finditer(text, claim.start, first_figure)), default=0)
    words = [
        (m.start(), m.group().lower()) for m in WORD.finditer(text, max(opened, claim.start), first_figure)
    ]
    said = next((index for index, (_, word) in enumerate(words) if word in lexicon.saying_verbs), None)
    if said is None or said == 0 or [word for _, word in words[said + 1 :]] not in ([], ["that"]):
        return claim
    pronoun = next((i for i in range(said - 1, -1, -1) if words[i][1] not in lexicon.between), None)
    if pronoun is None or words[pronoun][1] not in lexicon.pointing_back:
        return claim
    return _named_last(claim, spans, counters, text, words[pronoun][0])


def _named_last(claim: Claim, spans: EntitySpans, counters: frozenset[str], text: str, before: int) -> Claim:
    """The claim spoken by the counter the article names last before ``before``, from the sentence before
    the claim's on; the claim as it is when none is named there."""
    opened = _previous_sentence_start(text, claim.start)
    within = mentions_within(spans, claim.article, opened, before)
    named = [mention for mention in within if mention[2] in counters]
    if not named:
        return claim
    start, end, entity = max(named)
    return spoken_by(claim, entity, start, end, text[start:end])


def _credited_after(
    claim: Claim, counters: frozenset[str], text: str, article_claims: Sequence[Claim]
) -> Claim:
    """The claim as the count of the counter whose claim in the very next sentence names only a figure told
    before ("… the number of dead has risen to 14. The Ministry of Emergency Situations announced the new
    figure on Tuesday evening": the generalise train story's German translation, whose 14 stood as the
    outlet's own): a content of a noun of counting and ``figure_words`` alone."""
    lexicon = counter_lexicon()
    for other in article_claims:
        if other.outlet_voice or other.speaker not in counters or other.start <= claim.end:
            continue
        sentence_start = max((m.end() for m in SENTENCE_END.finditer(text, 0, other.start)), default=0)
        if text[claim.end : sentence_start].strip(" .\n") or other.speaker_start is None:
            continue
        words = [word.lower() for word in WORD.findall(other.text)]
        if (
            words
            and set(words) <= lexicon.figure_words | lexicon.count_nouns
            and set(words) & lexicon.count_nouns
        ):
            return spoken_by(
                claim,
                other.speaker or "",
                other.speaker_start,
                other.speaker_end or 0,
                other.speaker_text or "",
            )
    return claim


def spoken_by(claim: Claim, entity: str, start: int, end: int, surface: str) -> Claim:
    """``claim`` with ``entity`` as its speaker, named by ``surface`` at ``start``–``end`` of the article."""
    return replace(claim, speaker=entity, speaker_text=surface, speaker_start=start, speaker_end=end)
