"""A person's name with a quoted nickname inside it (``stages/entities/nicknames.py``)."""

from storyline.records import Mention
from storyline.stages.entities.nicknames import names_with_quoted_nicknames


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
