"""An operator's name run on into the maker of its craft (entities.craft), on sentences written for the
tests."""

from __future__ import annotations

from storyline.records import Mention
from storyline.stages.entities.craft import organisations_without_trailing_maker


def found(text: str, *names: str) -> list[str]:
    mentions = [Mention("a", text.index(n), text.index(n) + len(n), n, "ORG") for n in names]
    trimmed = organisations_without_trailing_maker(text, mentions)
    assert all(text[m.start : m.end] == m.text for m in trimmed)
    return [m.text for m in trimmed]


def test_an_operator_named_alone_elsewhere_loses_the_maker_before_a_model_number() -> None:
    text = "The Steppe Airways Boeing 737 hit a hangar. A spokesman for Steppe Airways said no one was hurt."
    assert found(text, "Steppe Airways Boeing") == ["Steppe Airways"]
    text = "An Ilyich Avia Tupolev Tu-154 landed hard. Ilyich Avia said the crew had reported a fault."
    assert found(text, "Ilyich Avia Tupolev") == ["Ilyich Avia"]


def test_a_name_not_named_shorter_or_not_before_a_model_number_stays_whole() -> None:
    """ "Royal Dutch Shell 2024" has no shorter name in the report; "Bank of Georgia" no model number."""
    text = "Royal Dutch Shell 2024 results beat forecasts; the Bank of Georgia said the same."
    assert found(text, "Royal Dutch Shell", "Bank of Georgia") == ["Royal Dutch Shell", "Bank of Georgia"]
