"""Which quantity labels ask nothing of their figures (``ledger.measured_questions``)."""

from __future__ import annotations

from factories import make_claim, make_quantity

from storyline.stages.ledger.measured_questions import _asks_nothing, is_dimension
from storyline.stages.ledger.measures import make_measures


def _feet(content: str) -> list:
    feet = make_quantity("about 10 feet", 10, within=content, unit="foot")
    return make_measures(make_claim(content, cue="", quantities=(feet,)), frozenset())


def test_one_sentences_dimension_of_an_unnamed_thing_asks_nothing() -> None:
    # issue #14 (PolNeAR mexico-visit-wall): a radar's reach stood as "How many feet into the ground?"
    group = _feet("The device shoots radar waves about 10 feet into the ground.")
    assert is_dimension("foot") and not is_dimension("personnel")
    assert _asks_nothing("How many feet into the ground?", True, group, 1)
    # a label that names what reached the figure asks something; so do two sentences' figures
    assert not _asks_nothing("How many feet did the radar waves reach into the ground?", True, group, 1)
    assert not _asks_nothing("How many feet into the ground?", True, group, 2)
