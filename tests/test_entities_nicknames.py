"""A person's name with a quoted nickname inside it (``stages/entities/nicknames.py``)."""

from storyline.records import Mention
from storyline.stages.entities.nicknames import (
    names_after_abbreviated_given_names,
    names_with_quoted_nicknames,
)


def tagged(text: str, *spans: tuple[str, str]) -> list[Mention]:
    """Mentions of the given (surface, label) pairs at their first occurrence in ``text``."""
    return [Mention("a", text.index(s), text.index(s) + len(s), s, label) for s, label in spans]


def test_a_name_cut_at_its_quoted_nickname_is_one_mention_of_the_name_without_it() -> None:
    text = 'Ivo "Ivica" Marić, the head of the dockers, spoke. Later Marić left.'
    found = names_with_quoted_nicknames(text, tagged(text, ('Ivo "Ivica', "PERSON"), ("Marić", "PERSON")))
    assert [(m.text, m.refers_to) for m in found] == [('Ivo "Ivica" Marić', "Ivo Marić")]


def test_a_quoted_word_between_names_that_are_no_person_is_left_alone() -> None:
    text = 'Sava Beton "Premium" Line sells cement; Ana Kos said "Yes" Monday.'
    names = tagged(text, ("Sava Beton", "ORG"), ("Ana Kos", "PERSON"))
    assert names_with_quoted_nicknames(text, names) == names


def test_a_nickname_before_a_middle_initial_and_a_surname_with_particles_is_one_name() -> None:
    text = 'Mayor Carlos "Caloy" M. de la Torre opened the market. De la Torre said stalls were free.'
    names = tagged(text, ('Carlos "Caloy" M', "PERSON"), ("de la Torre", "PERSON"))
    found = names_with_quoted_nicknames(text, names)
    assert [(m.text, m.refers_to) for m in found] == [
        ('Carlos "Caloy" M. de la Torre', "Carlos M. de la Torre")
    ]
    text = 'Senator Ana "Annie" van der Berg voted no.'
    found = names_with_quoted_nicknames(text, tagged(text, ('Ana "Annie', "PERSON")))
    assert [(m.text, m.refers_to) for m in found] == [('Ana "Annie" van der Berg', "Ana van der Berg")]


def test_an_abbreviated_given_name_joins_the_name_after_it_written_out() -> None:
    text = "The head of the relief office, Ma. Luisa Fernandez, spoke. Later Ma. Luisa Fernandez left."
    first = tagged(text, ("Ma", "PERSON"))  # the small model tagged the abbreviation alone
    found = names_after_abbreviated_given_names(text, first)
    assert [(m.text, m.refers_to) for m in found] == [("Ma. Luisa Fernandez", "Maria Luisa Fernandez")]
    at = text.rindex("Luisa Fernandez")
    second = [Mention("a", at, at + 15, "Luisa Fernandez", "PERSON")]  # ... or the name after it
    assert [m.refers_to for m in names_after_abbreviated_given_names(text, second)] == [
        "Maria Luisa Fernandez"
    ]


def test_a_name_after_a_word_and_a_full_stop_that_is_no_given_name_is_left_alone() -> None:
    text = "He met Ms. Luisa Fernandez and Mr. Pablo Ramos."
    names = tagged(text, ("Luisa Fernandez", "PERSON"), ("Pablo Ramos", "PERSON"))
    assert names_after_abbreviated_given_names(text, names) == names
    text = "Its founder Jack Ma. Luisa Fernandez spoke. Investors cheered Ma. Alibaba Group shares rose."
    names = tagged(text, ("Jack Ma", "PERSON"), ("Luisa Fernandez", "PERSON"))
    names.append(Mention("a", text.rindex("Ma."), text.rindex("Ma.") + 2, "Ma", "PERSON"))  # his surname
    assert names_after_abbreviated_given_names(text, names) == names
