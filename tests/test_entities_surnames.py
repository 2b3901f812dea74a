"""Two people who share a surname are two entities, however their articles write the surname alone (issue
#17): a lone surname joins the full name its own article gives, and never bridges two full names of one
surname; written where no full name is, it joins the one person of that surname, and neither of two.

Sentences written for these tests; names tagged by hand, as the small model tags them. Each case runs with
the articles as separate stories (scopes, ``entities.scopes``) and, sharing two other actors, as one."""

from __future__ import annotations

import pytest

from storyline.records import Entity, Mention
from storyline.stages.entities.names import surname_particles_joined
from storyline.stages.entities.resolve import resolve_entities
from tests.factories import make_article, make_mention

# Two other actors every article names, which makes the articles one story (one resolution scope).
SHARED = " Emmanuel Macron visited the Renault plant at Flins."
SHARED_NAMES = [("Emmanuel Macron", "PERSON"), ("Renault", "ORG")]


def article(id: str, text: str, names: list[tuple[str, str]], one_story: bool) -> list[Mention]:
    """The mentions of ``names`` (surface, label), each found after the one before it in ``text``."""
    if one_story:
        text, names = text + SHARED, names + SHARED_NAMES
    record = make_article(text, id=id)
    found: list[Mention] = []
    for surface, label in names:
        after = found[-1].end if found else 0
        found.append(make_mention(surface, label, article=record, after=after))
    return found


def person(entities: list[Entity], name: str) -> list[tuple[str, str]]:
    entity = next(e for e in entities if e.name == name)
    return [(m.article, m.text) for m in entity.mentions]


def holding(entities: list[Entity], article_id: str, text: str) -> Entity:
    return next(e for e in entities if any((m.article, m.text) == (article_id, text) for m in e.mentions))


NURSE = "Lena Moreau, a nurse in Lyon, said the ward would close. Moreau said staff had not been told."
MAYOR = "Paul Moreau, the mayor of Tours, denied the report. Moreau said the budget was sound."
UNREACHED = "Moreau could not be reached for comment on Friday."


@pytest.mark.parametrize("one_story", [False, True])
def test_two_people_of_one_surname_in_two_articles_stay_two_beside_an_article_naming_neither(
    one_story: bool,
) -> None:
    found = resolve_entities(
        article("a", NURSE, [("Lena Moreau", "PERSON"), ("Moreau", "PERSON")], one_story)
        + article("b", MAYOR, [("Paul Moreau", "PERSON"), ("Moreau", "PERSON")], one_story)
        + article("c", UNREACHED, [("Moreau", "PERSON")], one_story)
    )
    assert person(found, "Lena Moreau") == [("a", "Lena Moreau"), ("a", "Moreau")]
    assert person(found, "Paul Moreau") == [("b", "Paul Moreau"), ("b", "Moreau")]
    assert holding(found, "c", "Moreau").name == "Moreau"


@pytest.mark.parametrize("one_story", [False, True])
def test_a_couple_named_in_one_article_stay_two_and_its_lone_surname_joins_neither(one_story: bool) -> None:
    couple = (
        "Paul Moreau and Lena Moreau run the bakery on Rue Nationale. Mr Moreau said the rent had doubled."
    )
    found = resolve_entities(
        article(
            "a",
            couple,
            [("Paul Moreau", "PERSON"), ("Lena Moreau", "PERSON"), ("Moreau", "PERSON")],
            one_story,
        )
        + article("b", MAYOR, [("Paul Moreau", "PERSON"), ("Moreau", "PERSON")], one_story)
        + article("c", NURSE, [("Lena Moreau", "PERSON"), ("Moreau", "PERSON")], one_story)
    )
    assert person(found, "Paul Moreau") == [("a", "Paul Moreau"), ("b", "Paul Moreau"), ("b", "Moreau")]
    assert person(found, "Lena Moreau") == [("a", "Lena Moreau"), ("c", "Lena Moreau"), ("c", "Moreau")]
    assert holding(found, "a", "Moreau").name == "Moreau"


@pytest.mark.parametrize("one_story", [False, True])
def test_a_father_and_son_of_one_korean_surname_stay_two(one_story: bool) -> None:
    """A Korean surname is the first word of the name: "Kim" alone is each article's own Kim."""
    father = "Kim Jong Il inspected the dam in 1998. Kim praised the engineers."
    son = "Kim Jong Un opened the new hospital on Tuesday. Kim thanked the soldiers who built it."
    found = resolve_entities(
        article("a", father, [("Kim Jong Il", "PERSON"), ("Kim", "PERSON")], one_story)
        + article("b", son, [("Kim Jong Un", "PERSON"), ("Kim", "PERSON")], one_story)
        + article("c", "Kim did not attend the parade.", [("Kim", "PERSON")], one_story)
    )
    assert person(found, "Kim Jong Il") == [("a", "Kim Jong Il"), ("a", "Kim")]
    assert person(found, "Kim Jong Un") == [("b", "Kim Jong Un"), ("b", "Kim")]
    assert holding(found, "c", "Kim").name == "Kim"


@pytest.mark.parametrize("one_story", [False, True])
def test_a_lone_surname_with_no_full_name_in_its_article_joins_the_one_person_of_that_surname(
    one_story: bool,
) -> None:
    found = resolve_entities(
        article("a", NURSE, [("Lena Moreau", "PERSON"), ("Moreau", "PERSON")], one_story)
        + article("c", UNREACHED, [("Moreau", "PERSON")], one_story)
    )
    assert person(found, "Lena Moreau") == [("a", "Lena Moreau"), ("a", "Moreau"), ("c", "Moreau")]


def test_two_stories_each_with_a_person_of_one_surname_are_not_joined_by_their_lone_surnames() -> None:
    """Each story writes "Moreau" alone in an article of its own, which its story's person takes; across
    the stories those lone surnames are one name, yet they never make the two people one."""
    ward = "Lena Moreau said the Hospices Civils would close the ward, and Moreau blamed Jean Dupont."
    ward_later = "Moreau met Jean Dupont of the Hospices Civils on Monday."
    budget = "Paul Moreau, the mayor, said Tours Habitat and Anne Petit had agreed. Moreau signed it."
    budget_later = "Anne Petit of Tours Habitat said Moreau had signed the budget."
    found = resolve_entities(
        article(
            "a",
            ward,
            [
                ("Lena Moreau", "PERSON"),
                ("Hospices Civils", "ORG"),
                ("Moreau", "PERSON"),
                ("Jean Dupont", "PERSON"),
            ],
            one_story=False,
        )
        + article(
            "c",
            ward_later,
            [("Moreau", "PERSON"), ("Jean Dupont", "PERSON"), ("Hospices Civils", "ORG")],
            one_story=False,
        )
        + article(
            "b",
            budget,
            [
                ("Paul Moreau", "PERSON"),
                ("Tours Habitat", "ORG"),
                ("Anne Petit", "PERSON"),
                ("Moreau", "PERSON"),
            ],
            one_story=False,
        )
        + article(
            "d",
            budget_later,
            [("Anne Petit", "PERSON"), ("Tours Habitat", "ORG"), ("Moreau", "PERSON")],
            one_story=False,
        )
    )
    assert person(found, "Lena Moreau") == [("a", "Lena Moreau"), ("a", "Moreau"), ("c", "Moreau")]
    assert person(found, "Paul Moreau") == [("b", "Paul Moreau"), ("b", "Moreau"), ("d", "Moreau")]


@pytest.mark.parametrize("one_story", [False, True])
def test_a_surname_with_its_particles_joined_is_the_same_persons(one_story: bool) -> None:
    """Issue #17, generalise recall: "Marijke Van der Straeten" in one article, "Mariske Vanderstraeten" in
    the next (a given-name variant too); a lone "da Costa" beside "Costa" is left to the surname rules."""
    first = article(
        "a1",
        "Marijke Van der Straeten said the plant would close. Van der Straeten spoke on Monday.",
        [("Marijke Van der Straeten", "PERSON"), ("Van der Straeten", "PERSON")],
        one_story,
    )
    second = article(
        "a2",
        "The minister, Mariske Vanderstraeten, said the plant would close.",
        [("Mariske Vanderstraeten", "PERSON")],
        one_story,
    )
    entities = resolve_entities(first + second)
    assert holding(entities, "a1", "Marijke Van der Straeten") is holding(
        entities, "a2", "Mariske Vanderstraeten"
    )
    assert holding(entities, "a1", "Van der Straeten") is holding(entities, "a2", "Mariske Vanderstraeten")


def test_particles_join_a_surname_only_where_the_scope_writes_it_as_one_word() -> None:
    assert surname_particles_joined(["sofie van den bossche", "sophie vandenbossche", "van den bossche"]) == {
        "sofie van den bossche": "sofie vandenbossche",
        "van den bossche": "vandenbossche",
    }
    assert surname_particles_joined(["lula da silva", "silva", "anna de la cruz"]) == {}
