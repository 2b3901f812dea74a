"""Names an apposition gives as another name of an organisation (``stages/entities/known_as.py``)."""

from __future__ import annotations

from storyline.records import Mention
from storyline.stages.entities.known_as import names_known_as


def _at(text: str, surface: str, label: str, refers_to: str | None = None) -> Mention:
    start = text.index(surface)
    return Mention("a", start, start + len(surface), surface, label, refers_to)


def test_a_name_an_organisation_is_known_as_stands_for_it_whatever_its_tag() -> None:
    text = "The agency, known in Swedish as Sjofartsverket, said the ferry had been checked."
    head = _at(text, "The agency", "ORG", refers_to="Swedish Maritime Administration")
    name = _at(text, "Sjofartsverket", "GPE")
    assert names_known_as(text, [name, head])[1] == Mention(
        "a", name.start, name.end, "Sjofartsverket", "ORG", refers_to="Swedish Maritime Administration"
    )
    named_head = "The Harbour Board (also known as Satamalautakunta) met."
    board = _at(named_head, "The Harbour Board", "ORG")
    assert names_known_as(named_head, [board, _at(named_head, "Satamalautakunta", "ORG")])[1].refers_to == (
        "The Harbour Board"
    )


def test_a_person_before_the_phrase_or_a_verb_called_links_nothing() -> None:
    person = "Ana Kovac, known as Pirana, said the union would strike."
    found = [_at(person, "Ana Kovac", "PERSON"), _at(person, "Pirana", "ORG")]
    assert names_known_as(person, found) == found
    verb = "The union, called Monday for talks with Ferrocarril, agreed."
    found = [_at(verb, "The union", "ORG", refers_to="Rail Union"), _at(verb, "Monday", "ORG")]
    assert names_known_as(verb, found) == found
