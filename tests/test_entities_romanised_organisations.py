"""One organisation's name romanised by several outlets (``stages/entities/romanised_organisations.py``):
names read as one through the letter tables merge where a shared acronym or a shared story says they
are one body; names that differ in a kind word, a word count, or have nothing but their letters stay apart.
All names here are invented."""

from test_entities_organisations import entity_by_mention, grouped, same_entity

from storyline.records import Mention
from storyline.stages.entities.resolve import resolve_entities
from storyline.stages.entities.romanised_organisations import read_as_one_name


def test_names_read_word_by_word_through_the_romanisation_tables_are_one_name() -> None:
    assert read_as_one_name("altyn zhol kazakhstan", "altyn schol kasachstan")  # German
    assert read_as_one_name("altyn zhol kazakhstan", "altyn jol kazakhstan")  # French
    assert read_as_one_name("kyzyl zhurek energo", "kysyl schurek energo")
    # function words do not count: "of the" on one side only
    assert read_as_one_name("bank of kyzyl zhurek", "bank kysyl schurek")


def test_names_differing_in_a_kind_word_a_portfolio_or_their_length_are_not_one_name() -> None:
    assert not read_as_one_name("ministry of health", "ministry of energy")
    assert not read_as_one_name("altyn zhol kazakhstan", "altyn zhol")
    assert not read_as_one_name("altyn zhol kazakhstan", "altyn zhol kazakhstan")  # one key: nothing to merge
    # "mayor" and "major" share a reading, but a title word must be the same word in both
    assert not read_as_one_name("velsund mayor office", "velsund major office")
    assert not read_as_one_name("kyzyl zhurek 2", "kyzyl zhurek 3")


def story(
    article: str, company: str, people: tuple[str, ...] = ("Dana Orlova", "Marat Beisenov")
) -> list[tuple[str, str, str]]:
    """One report of an invented strike story: the company and the people it names (by default two people
    every report of the story names)."""
    return [(article, company, "ORG"), *((article, person, "PERSON") for person in people)]


def test_romanised_names_of_one_story_merge() -> None:
    found = grouped(*story("a", "Altyn Zhol Kazakhstan"), *story("b", "Altyn Schol Kasachstan"))
    assert same_entity(found, "Altyn Zhol Kazakhstan", "Altyn Schol Kasachstan")


def test_romanised_names_of_unrelated_reports_stay_apart() -> None:
    first = story("a", "Altyn Zhol Kazakhstan", ("Dana Orlova",))
    found = grouped(*first, *story("b", "Altyn Schol Kasachstan", ("Pavel Zorin",)))
    assert not same_entity(found, "Altyn Zhol Kazakhstan", "Altyn Schol Kasachstan")


def test_a_one_word_name_is_not_merged_by_its_letters_and_story_alone() -> None:
    found = grouped(*story("a", "Zhulduz"), *story("b", "Schulduz"))
    assert not same_entity(found, "Zhulduz", "Schulduz")


def test_two_bodies_of_one_kind_in_one_story_stay_apart() -> None:
    found = grouped(*story("a", "Ministry of Health"), *story("b", "Ministry of Energy"))
    assert not same_entity(found, "Ministry of Health", "Ministry of Energy")


def defining(article: str, long_form: str, acronym: str) -> list[Mention]:
    """A long form at the opening of an article, then the acronym it defines in brackets."""
    after = len(long_form) + 2
    return [
        Mention(article, 0, len(long_form), long_form, "ORG"),
        Mention(article, after, after + len(acronym), acronym, "ORG", refers_to=long_form),
    ]


def test_long_forms_defining_one_acronym_romanised_two_ways_are_one_organisation() -> None:
    """Unrelated reports (no shared actor) each define "AZK" for their spelling of the company: the acronym
    is the sign they are one body, and the bare acronym joins it."""
    bare = Mention("c", 0, 3, "AZK", "ORG")
    zhol = defining("a", "Altyn Zhol Kazakhstan", "AZK")
    by_mention = entity_by_mention(
        resolve_entities([*zhol, *defining("b", "Altyn Schol Kasachstan", "AZK"), bare])
    )
    assert by_mention[("a", 0)] == by_mention[("b", 0)] == by_mention[("c", 0)]
    # one acronym defined for two bodies that do not read alike: the bare acronym stays itself
    by_mention = entity_by_mention(
        resolve_entities([*zhol, *defining("b", "Kyzyl Zhurek Kredit", "AZK"), bare])
    )
    assert by_mention[("a", 0)] != by_mention[("b", 0)]
    assert by_mention[("c", 0)] not in {by_mention[("a", 0)], by_mention[("b", 0)]}
