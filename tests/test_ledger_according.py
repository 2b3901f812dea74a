"""An outlet's figure credited by "according to …" right after it (``ledger.according``)."""

from __future__ import annotations

from storyline.stages.ledger.according import credited_by_tally
from storyline.stages.ledger.grouping import EntitySpans
from tests.factories import make_article, make_claim, make_quantity, span_of


def _credited(
    text: str, content: str, counter: str, counters: frozenset[str]
) -> tuple[str | None, str | None]:
    article = make_article(text)
    quantity = make_quantity("105,000 farmers", 105000, within=text)
    claim = make_claim(content, article=article, cue="", quantities=(quantity,))
    start, end = span_of(text, counter)
    spans: EntitySpans = {"a": [(start, end, "e-fund")]}
    credited = credited_by_tally(claim, spans, counters, text)
    return credited.speaker, credited.speaker_text


def test_a_figure_according_to_a_counters_tally_is_the_counters() -> None:
    text = "It has helped 105,000 farmers, according to the foundation's tally."
    content = "It has helped 105,000 farmers"
    assert _credited(text, content, "the foundation", frozenset({"e-fund"})) == ("e-fund", "the foundation")
    plain = "It has helped 105,000 farmers, according to the foundation."
    assert _credited(plain, content, "the foundation", frozenset({"e-fund"}))[0] == "e-fund"


def test_no_counter_no_count_noun_no_credit() -> None:
    content = "It has helped 105,000 farmers"
    tally = "It has helped 105,000 farmers, according to the foundation's tally."
    # a place or an entity that is no counter
    assert _credited(tally, content, "the foundation", frozenset()) == (None, None)
    # the foundation's critics are not the foundation
    critics = "It has helped 105,000 farmers, according to the foundation's critics."
    assert _credited(critics, content, "the foundation", frozenset({"e-fund"})) == (None, None)
    # "according to" not right after the figure's clause
    later = "It has helped 105,000 farmers in a year when, according to the foundation's tally, rain fell."
    assert _credited(later, content, "the foundation", frozenset({"e-fund"})) == (None, None)
