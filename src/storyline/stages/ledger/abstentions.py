"""Spans of time an event was avoided or not done: "avoid paying taxes for the next 18 years".

A duration is context to the ledger ("after two days of rain"), so "could have allowed him to avoid paying
taxes for the next 18 years" and "may not have paid federal income taxes for nearly two decades" were two
propositions, or none (PolNeAR trump-taxes). When a duration follows "for" after a verb that a word of
avoiding (``[abstentions]`` of the ledger lexicon) or a negation governs, the duration is the span of that
event not done, and it answers "For how many years without paying …?": its kind is the event's verb
(``ABSTAINED`` + lemma), and figures of one such kind are one question (``ledger.measures`` keys them
as counts of one kind). Decades and centuries are read in years, so "nearly two decades" meets "18 years".
Only an event two claims of a story give a span for is measured (``answered_twice``): one speaker's "had not
slept for two days" stays a proposition.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from functools import cache

from storyline.lexicons import load_lexicon
from storyline.records import Claim, Quantity
from storyline.stages.ledger.counted import CLAUSE_BREAK, Measure
from storyline.stages.ledger.dated import figure_day
from storyline.stages.ledger.grouping import content_words, part_around
from storyline.stages.ledger.plurals import plural
from storyline.stages.nlp import load_nlp
from storyline.stages.quantities import number_type

ABSTAINED = "without:"  # the kind of the span of an event not done: "without:pay"
# Words a cue or negation may stand before "for" at most ("avoid paying federal income taxes for": four).
EVENT_REACH = 10
# Units read in years, and how many years each holds.
IN_YEARS = {"decade": 10.0, "century": 100.0}
YEAR = "year"
# A word, with a contracted negation kept whole ("hasn't", "hasn’t").
TOKEN = re.compile(r"[^\W\d_]+(?:['’]t)?|\d[\d,.]*")


@cache
def _lexicon() -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    data = load_lexicon("ledger")
    table = data["abstentions"]
    return (
        frozenset(table["cues"]),
        frozenset(data["negations"]),
        frozenset([*table["skipped"], *data["auxiliaries"], *data["subjectless_openers"]]),
        frozenset(table["between"]),
    )


def _is_negation(word: str, negations: frozenset[str]) -> bool:
    return word in negations or word.endswith(("n't", "n’t"))


def abstained_event(claim: Claim, quantity: Quantity) -> tuple[str, list[str]] | None:
    """The verb of the event a duration is the span of, not done, and the words after it up to "for"
    ("avoid paying federal taxes for 18 years" → "paying", [federal, taxes]); None when the duration
    follows no "for", or no cue or negation governs a verb before it within its clause."""
    cues, negations, skipped, between = _lexicon()
    start, _ = part_around(claim.text, CLAUSE_BREAK, quantity.start - claim.start, quantity.end - claim.start)
    words = TOKEN.findall(claim.text[start : quantity.start - claim.start])
    lowered = [word.lower() for word in words]
    index = len(lowered) - 1
    while index >= 0 and lowered[index] in between:
        index -= 1
    if index < 0 or lowered[index] != "for":
        return None
    marks = [
        i
        for i in range(max(0, index - EVENT_REACH), index)
        if lowered[i] in cues or _is_negation(lowered[i], negations)
    ]
    if not marks:
        return None
    verb = marks[-1] + 1
    while verb < index and lowered[verb] in skipped:
        verb += 1
    if verb >= index:
        return None
    return lowered[verb], words[verb + 1 : index]


def _lemma(verb: str, rest: Sequence[str]) -> str | None:
    """The verb's lemma, read in its phrase ("paid federal taxes" → "pay"); None when it is no verb
    ("without power for three days")."""
    token = load_nlp()(" ".join([verb, *rest]))[0]
    return token.lemma_.lower() if token.pos_ in {"VERB", "AUX"} else None


def abstention_measures(
    claim: Claim, extra_words: frozenset[str], published: str | None = None, text: str | None = None
) -> list[Measure]:
    """The claim's durations that are spans of an event not done, as ledger items (module doc)."""
    measures = []
    for quantity in claim.quantities:
        if number_type(quantity) != "duration":
            continue
        event = abstained_event(claim, quantity)
        lemma = _lemma(*event) if event is not None else None
        if lemma is None:
            continue
        unit = quantity.unit.lower().removesuffix("s")
        if unit in IN_YEARS:
            quantity = replace(quantity, value=quantity.value * IN_YEARS[unit], unit=YEAR)
            unit = YEAR
        start, end = part_around(
            claim.text, CLAUSE_BREAK, quantity.start - claim.start, quantity.end - claim.start
        )
        measures.append(
            Measure(
                claim=claim,
                quantity=quantity,
                unit=unit,
                words=content_words(claim.text[start:end]) | extra_words,
                qualifiers=frozenset(),
                kind=ABSTAINED + lemma,
                changing=False,
                day=figure_day(claim, quantity, published, text),
            )
        )
    return measures


def answered_twice(measures: Sequence[Measure]) -> list[Measure]:
    """The measures, less the spans of an event not done that only one claim of the story gives."""
    claims: dict[str, set[str]] = {}
    for measure in measures:
        if measure.kind is not None and measure.kind.startswith(ABSTAINED):
            claims.setdefault(measure.kind, set()).add(measure.claim.id)
    return [
        m for m in measures if m.kind is None or not m.kind.startswith(ABSTAINED) or len(claims[m.kind]) > 1
    ]


def abstention_label(measure: Measure, subject: str | None = None) -> str:
    """ "For how many years did Donald Trump go without paying federal income taxes?": the span asked of its
    event, and of whom when the ``subject`` is known."""
    event = abstained_event(measure.claim, measure.quantity)
    lemma = measure.kind.removeprefix(ABSTAINED) if measure.kind else ""
    rest = [word for word in event[1] if word[:1].isalnum()] if event is not None else []
    went = f" did {subject} go" if subject else ""
    return " ".join([f"For how many {plural(measure.unit)}{went} without {_gerund(lemma)}", *rest]) + "?"


def _gerund(lemma: str) -> str:
    """ "pay" → "paying", "file" → "filing", "tie" → "tying", "see" → "seeing"."""
    if lemma.endswith("ie"):
        return lemma[:-2] + "ying"
    if lemma.endswith("e") and not lemma.endswith("ee"):
        return lemma[:-1] + "ing"
    return lemma + "ing"
