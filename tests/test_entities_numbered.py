"""Institutions named by their number (``entities.numbered``): "Correctional Colony No. 19"."""

from __future__ import annotations

from storyline.records import Mention
from storyline.stages.entities.numbered import numbered_institution_mentions
from tests.test_entities_mentions import mentions_of


def test_a_numbered_institution_is_an_organisation_without_the_sentence_opening_word() -> None:
    text = "At Correctional Colony No. 19 and Prison No 2, and in School #5, a colony of ants."
    found = numbered_institution_mentions(text, "a", [Mention("a", 0, 2, "At", "ORG")])
    assert [(m.text, m.label) for m in found if m.text != "At"] == [
        ("Correctional Colony No. 19", "ORG"),
        ("Prison No 2", "ORG"),
        ("School #5", "ORG"),
    ]


def test_a_kind_word_without_a_number_is_no_name() -> None:
    names = [Mention("a", 0, 3, "The", "ORG")]
    assert numbered_institution_mentions("The Colony said no. 19 men fled.", "a", names) == names


def test_the_colony_refers_back_to_the_numbered_colony() -> None:
    """Issue #17, jalal-abad-escape: NER tags "19" a number, so "the colony" had nothing to refer to."""
    text = "Inmates rioted at Correctional Colony No. 19 on Sunday. Guards said the colony held 1,140 men."
    antecedents = {m.refers_to for m in mentions_of(text) if m.text == "the colony"}
    assert antecedents == {"Correctional Colony No. 19"}
