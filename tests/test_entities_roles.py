"""Role nouns an article gives its own people (``stages/entities/roles.py``) and the descriptions they
resolve (``stages/entities/descriptions.py``), on sentences written for the tests (issue #17)."""

from __future__ import annotations

import pytest
from test_entities_mentions import mentions_of

from storyline.lexicons import load_lexicon
from storyline.records import Mention


def person_of(found: list[Mention], surface: str) -> str | None:
    """The person a description stands for; None where it is no person's mention (or no mention)."""
    matches = [m for m in found if m.text == surface]
    return next((m.refers_to for m in matches if m.label == "PERSON"), None)


def test_a_role_noun_given_in_apposition_names_its_one_holder_later() -> None:
    found = mentions_of(
        "The main defendant, Walter Brill, denied the charges on Monday. "
        "Dana Kirk testified for the prosecution. Later the defendant said he was innocent."
    )
    assert person_of(found, "the defendant") == "Walter Brill"
    # the phrase giving the role in apposition is that person's mention, as the gold marks "Its owner, X"
    # and "X, the commander of …" (issue #17, kalat-hostages)
    assert person_of(found, "The main defendant") == "Walter Brill"


def test_a_trial_verb_makes_its_passive_subject_the_defendant() -> None:
    found = mentions_of(
        "Kubat Osmonov was sentenced on Monday to nine years in prison. "
        "The presiding judge, Aida Bekova, read the verdict. The defendant said nothing."
    )
    assert person_of(found, "The defendant") == "Kubat Osmonov"


def test_who_heads_gives_the_role_its_possessor_phrase_names() -> None:
    found = mentions_of(
        "Aida Bekova, who heads the Velsund association, met Walter Brill on Monday. "
        "The association's head said the fund was empty."
    )
    assert person_of(found, "The association's head") == "Aida Bekova"


def test_the_copula_gives_a_role_and_its_own_phrase_is_no_reference() -> None:
    found = mentions_of(
        "Walter Brill is the owner of the Velsund farm. Dana Kirk, a neighbour, visited him on Monday. "
        "The owner said the farm would close."
    )
    assert person_of(found, "The owner") == "Walter Brill"
    assert person_of(found, "the owner") is None


def test_a_role_two_people_hold_resolves_to_neither() -> None:
    found = mentions_of("Walter Brill and Dana Kirk were sentenced on Monday. The defendant said nothing.")
    assert person_of(found, "The defendant") is None


def test_plural_generic_and_unheld_roles_resolve_to_no_one() -> None:
    found = mentions_of(
        "The defendant said nothing on Monday. Walter Brill was sentenced on Tuesday. "
        "Defendants have the right to appeal."
    )
    assert person_of(found, "The defendant") is None  # written before anyone was given the role
    assert person_of(found, "Defendants") is None


def test_a_description_in_apposition_with_a_name_is_that_names_not_a_verbs_holder() -> None:
    found = mentions_of(
        "Mavjuda Yusufova, who chairs the strike committee, spoke at the gate. "
        "Its chairman, Nuriddin Valiev, said the union would negotiate."
    )
    assert person_of(found, "Its chairman") != "Mavjuda Yusufova"


def test_the_head_of_a_body_of_people_is_one_of_them() -> None:
    active = mentions_of(
        "The talks are led by Walter Brill, who heads a council of 11 elders. The elder said talks resume."
    )
    assert person_of(active, "The elder") == "Walter Brill"
    passive = mentions_of("The council of 11 elders is led by Walter Brill, 74. The elder said talks resume.")
    assert person_of(passive, "The elder") == "Walter Brill"
    things = mentions_of("Walter Brill, who heads a convoy of 30 trucks, arrived. The truck said nothing.")
    assert person_of(things, "The truck") is None


def test_a_role_holding_an_organisation_before_the_name_is_that_persons() -> None:
    """Issue #17, kalat-hostages: "The owner of the operator <company>, Hadschi <name>" (the parse hangs
    the name on the company's) and "The commander of the <body> …, General <name>" (a title the name
    leaves out) are the named person's."""
    found = mentions_of(
        "The count is disputed. The owner of the shipping line Velsund Bulk Lines, Haji Arvid Holm, insists "
        "on 131 passengers. The commander of the Karsk Border Corps in the north, General Tomas Berg, said "
        "his men were ready."
    )
    # each description spans the body of its office (``entities.offices``)
    assert person_of(found, "The owner of the shipping line Velsund Bulk Lines") == "Arvid Holm"
    assert person_of(found, "The commander of the Karsk Border Corps") == "Tomas Berg"


def test_a_name_after_a_common_noun_of_a_body_keeps_that_noun() -> None:
    """ "the Free City bloc of the challenger X": X is the challenger, never "the bloc"."""
    found = mentions_of(
        "Most complaints come from the opposition Free City bloc of the challenger Anahit Hovhannisyan. The "
        "bloc also said that employees had been called."
    )
    assert person_of(found, "The bloc") is None


@pytest.mark.parametrize("body", sorted(load_lexicon("entities")["described_people"]["people_bodies"]))
def test_each_body_of_people_makes_its_head_one_of_its_members(body: str) -> None:
    """Every row of ``people_bodies`` (lexicons/entities.toml): the head of such a body of elders is then
    "the elder", as the rule was written for the jirga."""
    found = mentions_of(
        f"The talks are led by Walter Brill, who heads a {body} of 11 elders. The elder said talks resume."
    )
    assert person_of(found, "The elder") == "Walter Brill"


def test_a_role_noun_the_parse_hangs_on_a_name_is_that_persons() -> None:
    """Issue #17, kutaisi-museum-heist: "through its loss adjuster Mikheil Beridze" gives him the role."""
    found = mentions_of(
        "Karsk Insurance, through its loss adjuster Arne Lid, maintains its estimate of 4 million kroner."
    )
    assert person_of(found, "its loss adjuster") == "Arne Lid"
