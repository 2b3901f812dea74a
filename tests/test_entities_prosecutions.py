"""The prosecution a story names by its court (``stages/entities/prosecutions.py``), on sentences written for
the tests (issue #17, generalise sfax-bank-fraud)."""

from __future__ import annotations

from test_entities_company_bodies import refers
from test_entities_mentions import mentions_of

from storyline.records import ROLE_LABEL
from storyline.stages.entities.lexicon import entity_lexicon
from storyline.stages.entities.prosecutions import is_prosecution_description, named_as_prosecution


def test_the_prosecution_of_a_court_named_so_is_that_court_however_the_report_calls_it() -> None:
    found = mentions_of(
        'The Economic Crimes Chamber in Lyon opened an investigation on Monday. "Two people were held," '
        "said Paul Garnier, spokesman for the financial prosecutor's office of the Economic Crimes Chamber. "
        "The prosecution has frozen 20 accounts. Financial prosecutors also seized two cars, the financial "
        "prosecutor's office said."
    )
    assert refers(found, "The prosecution") == "Economic Crimes Chamber"
    assert refers(found, "Financial prosecutors") == "Economic Crimes Chamber"
    assert refers(found, "the financial prosecutor's office") == "Economic Crimes Chamber"


def test_the_prosecution_is_no_ones_where_the_report_ties_it_to_two_courts_or_none() -> None:
    two = mentions_of(
        "Prosecutors at the Economic Crimes Chamber charged one man. Prosecutors at the Northern Appeals "
        "Court charged another. The prosecution said it would appeal."
    )
    assert refers(two, "The prosecution") is None
    none = mentions_of("The Economic Crimes Chamber opened a case. The prosecution said it would appeal.")
    assert refers(none, "The prosecution") is None
    assert any(m.text == "The prosecution" and m.label == ROLE_LABEL for m in none)


def test_some_of_a_bodys_prosecutors_are_people_not_its_office() -> None:
    found = mentions_of(
        "Prosecutors at the Economic Crimes Chamber charged one man. Many prosecutors were on leave, and "
        "three prosecutors resigned."
    )
    assert refers(found, "Prosecutors") == "Economic Crimes Chamber"
    assert not any(m.text in {"Many prosecutors", "three prosecutors"} for m in found)


def test_a_qualified_prosecution_is_the_story_body_whose_names_hold_its_qualifier() -> None:
    lexicon = entity_lexicon()
    chamber = {"economic crimes chamber", "prosecutor office"}
    assert is_prosecution_description("Financial prosecutors", lexicon)
    assert not is_prosecution_description("the prosecutor", lexicon)
    assert named_as_prosecution(chamber, ["prosecutor", "office"], lexicon)
    assert named_as_prosecution(chamber, ["economic", "prosecutors"], lexicon)
    assert named_as_prosecution(chamber, ["french", "prosecutors"], lexicon)  # a country's
    assert named_as_prosecution(chamber, ["public", "prosecutor", "office"], lexicon)
    assert not named_as_prosecution(chamber, ["military", "prosecutors"], lexicon)
    # a body no report tied to a prosecution is no prosecution, whatever its words
    assert not named_as_prosecution({"economic crimes chamber"}, ["economic", "prosecutors"], lexicon)
