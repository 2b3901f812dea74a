"""The title written with a person's name as a mention of that person (``stages/entities/references.py``),
on sentences written for the tests."""

from __future__ import annotations

from test_entities_mentions import by_text, mentions_of

from storyline.records import Mention
from storyline.stages.entities.lexicon import entity_lexicon
from storyline.stages.entities.references import title_mentions
from storyline.stages.entities.resolve import resolve_entities


def person(start: int, text: str, refers_to: str | None = None) -> Mention:
    return Mention("a", start, start + len(text), text, "PERSON", refers_to)


def test_a_title_before_a_name_is_a_mention_of_the_person_not_of_the_company_in_it() -> None:
    found = mentions_of("Nordlake Airlines chief executive Dana Whitfield said the route would reopen.")
    # the title runs back over the body written before it (``entities.offices``); the body keeps its mention
    title = by_text(found, "Nordlake Airlines chief executive")
    assert (title.label, title.refers_to, title.role) == ("PERSON", "Dana Whitfield", title.text)
    assert by_text(found, "Nordlake Airlines").label == "ORG"
    (whitfield,) = [e for e in resolve_entities(found) if e.name == "Dana Whitfield"]
    assert any(m.text == "Nordlake Airlines chief executive" for m in whitfield.mentions)
    (nordlake,) = [e for e in resolve_entities(found) if e.name == "Nordlake Airlines"]
    assert [m.text for m in nordlake.mentions] == ["Nordlake Airlines"]
    assert whitfield.aliases == ()  # a title is no other spelling of the name


def test_the_title_part_is_cut_around_names_and_trimmed_of_dangling_words() -> None:
    text = "Dana Whitfield, the chief executive of Velmora Robotics, said so."
    name = person(0, "Dana Whitfield")
    company = Mention("a", 38, 54, "Velmora Robotics", "ORG")
    title_span = (16, 54)  # "the chief executive of Velmora Robotics"
    (title,) = title_mentions(text, [(name, title_span)], [name, company], entity_lexicon())
    assert (title.text, title.refers_to) == ("the chief executive", "Dana Whitfield")
    # A title wholly inside a mention already there (a description found first) adds nothing.
    description = Mention("a", 16, 35, "the chief executive", "PERSON", "Dana Whitfield")
    assert title_mentions(text, [(name, title_span)], [name, company, description], entity_lexicon()) == []
