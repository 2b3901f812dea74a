"""A person named with their organisation in one ORG span (``stages/entities/affiliations.py``): split
where the article shows the first part is a person; one organisation's name of that shape stays whole.
All names here are invented."""

from storyline.records import Mention
from storyline.stages.entities.affiliations import people_of_their_organisations
from storyline.stages.entities.lexicon import entity_lexicon


def spans(names: list[Mention]) -> set[tuple[str, str, int, int]]:
    return {(m.text, m.label, m.start, m.end) for m in names}


def test_a_person_the_article_names_alone_is_split_from_the_organisation_after_of() -> None:
    text = "Mira Velkova of the State Audit Office"
    names = [Mention("a", 100, 100 + len(text), text, "ORG"), Mention("a", 300, 307, "Velkova", "PERSON")]
    found = spans(people_of_their_organisations(names, entity_lexicon()))
    assert ("Mira Velkova", "PERSON", 100, 112) in found
    assert ("State Audit Office", "ORG", 120, 138) in found
    assert ("Velkova", "PERSON", 300, 307) in found
    assert not any(label == "ORG" and text.startswith("Mira") for text, label, _, _ in found)


def test_a_name_opening_with_a_known_given_name_is_a_person_without_other_mentions() -> None:
    text = "Olena Darchuk of the Grain Traders Association"
    found = spans(people_of_their_organisations([Mention("a", 0, len(text), text, "ORG")], entity_lexicon()))
    assert ("Olena Darchuk", "PERSON", 0, 13) in found
    assert ("Grain Traders Association", "ORG", 21, len(text)) in found


def test_names_of_one_organisation_with_of_stay_whole() -> None:
    names = [
        Mention("a", 0, 17, "Bank of Velsundia", "ORG"),  # one word before "of"
        Mention("a", 20, 46, "Royal Savings Bank of Kord", "ORG"),  # a kind word before "of"
        Mention("a", 50, 75, "Velsund Dockers of Marrow", "ORG"),  # never called a person
        Mention("a", 80, 87, "Marrow", "PERSON"),
        Mention("a", 90, 98, "Dockers", "ORG"),
    ]
    assert people_of_their_organisations(names, entity_lexicon()) == names


def test_a_title_before_of_is_no_person() -> None:
    text = "Deputy Director of the State Audit Office"
    names = [Mention("a", 0, len(text), text, "ORG"), Mention("a", 60, 68, "Director", "PERSON")]
    assert people_of_their_organisations(names, entity_lexicon()) == names
