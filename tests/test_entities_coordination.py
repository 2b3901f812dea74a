"""Organisation names with a coordination inside them (``entities.coordination``) — on sentences written
for the tests, run through the real parse."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from storyline.records import Mention
from storyline.stages.entities.coordination import (
    acronyms_given_in_brackets,
    organisations_joined_over_trade_words,
    organisations_over_portfolio_lists,
)
from storyline.stages.entities.lexicon import entity_lexicon
from tests.test_entities_mentions import mentions_of


def organisation_names(found: list[Mention]) -> set[str]:
    return {m.text for m in found if m.label == "ORG" and m.refers_to is None}


def test_a_name_coordinated_inside_is_one_name_when_its_acronym_spells_all_of_it() -> None:
    """Issue #17: the small model tags "Ceramic Works" of "Ruse Glass and Ceramic Works" an organisation and
    "Ruse Glass" a person."""
    found = mentions_of(
        "Hundreds of employees at the state-owned Ruse Glass and Ceramic Works walked out on Friday, "
        "demanding pay. The RGCW said the dispute would be settled within a week."
    )
    assert "Ruse Glass and Ceramic Works" in organisation_names(found)
    assert not {"Ceramic Works", "Ruse Glass"} & {m.text for m in found}


def test_two_names_side_by_side_stay_two_without_an_acronym_spelling_both() -> None:
    found = mentions_of("Engineers from Siemens and General Electric inspected the turbine on Friday.")
    assert "Siemens and General Electric" not in {m.text for m in found}


def test_a_ministry_name_continues_over_its_list_of_portfolios() -> None:
    """Issue #17: "Ministry of Labour, Migration and Employment" was cut at the comma into two bodies."""
    found = mentions_of(
        "The Ministry of Labour, Migration and Employment said it had sent inspectors to the plant. "
        "The ministry did not say when they would report."
    )
    assert "Ministry of Labour, Migration and Employment" in organisation_names(found)
    ministry = next(m for m in found if m.text == "The ministry")
    assert ministry.refers_to == "Ministry of Labour, Migration and Employment"


def test_a_ministry_listed_beside_other_bodies_keeps_its_own_name() -> None:
    """The parse attaches "Oxfam" to the ministry, not to its portfolio: a list of actors, not portfolios."""
    found = mentions_of("The Ministry of Health, Oxfam and Unicef sent aid to the flooded villages.")
    assert not any(m.text.startswith("Ministry of Health,") for m in found)


def parsed_ministry(second: str, second_entity: str) -> Doc:
    """ "The Ministry of Forests and <second> spoke.", parsed by hand as the small model parses it: the
    second word a conjunct of "Forests", the organisation tag stopping before the "and"."""
    return Doc(
        spacy.blank("en").vocab,
        words=["The", "Ministry", "of", "Forests", "and", second, "spoke", "."],
        heads=[1, 6, 1, 2, 3, 3, 6, 6],
        deps=["det", "nsubj", "prep", "pobj", "cc", "conj", "ROOT", "punct"],
        ents=["O", "B-ORG", "I-ORG", "I-ORG", "O", second_entity, "O", "O"],
    )


def test_a_ministry_name_cut_at_its_and_continues_over_an_untagged_second_portfolio() -> None:
    """Issue #17: "Ministry of Oceans |and Fisheries" — but a second word the model tagged is an actor."""
    for second, entity, expected in (
        ("Wildlife", "O", "Ministry of Forests and Wildlife"),
        ("Oxfam", "B-NORP", "Ministry of Forests"),
    ):
        doc = parsed_ministry(second, entity)
        cut = Mention("a", 4, 23, doc.text[4:23], "ORG")
        (found,) = organisations_over_portfolio_lists(doc, [cut], entity_lexicon())
        assert found.text == expected


def test_a_company_name_cut_at_the_and_between_two_trade_words_is_one_name() -> None:
    """Issue #17: the small model cuts "Aigaion Shipping and Ports" into "Aigaion Shipping" (a person, in one
    report) and "Ports"; a trade word alone names no one. Two companies side by side stay two."""
    text = "Korfez bid for Aigaion Shipping and Ports, the port operator, and for Velmora and Ports."
    names = [
        Mention("a", 15, 31, "Aigaion Shipping", "PERSON"),
        Mention("a", 36, 41, "Ports", "ORG"),
        Mention("a", 70, 77, "Velmora", "ORG"),
        Mention("a", 82, 87, "Ports", "ORG"),
    ]
    joined = organisations_joined_over_trade_words(text, names, entity_lexicon())
    assert [(m.text, m.label) for m in joined] == [
        ("Aigaion Shipping and Ports", "ORG"),
        ("Velmora", "ORG"),
        ("Ports", "ORG"),
    ]


def test_an_untagged_acronym_in_brackets_after_the_name_it_spells_stands_for_that_name() -> None:
    """Issue #17: "(OSRC)" after "Open Sea Rescue Collective" was no mention at all, there or later."""
    text = (
        "The Harbour Volunteer Rescue Network (HVRN) relayed the call. The HVRN said the boat was overloaded."
    )
    name = "Harbour Volunteer Rescue Network"
    found = acronyms_given_in_brackets(text, [Mention("a", 4, 4 + len(name), name, "ORG")], entity_lexicon())
    acronyms = [m for m in found if m.text == "HVRN"]
    assert [text[m.start : m.end] for m in acronyms] == ["HVRN", "HVRN"]
    assert {m.refers_to for m in acronyms} == {name}


def test_a_bracketed_acronym_that_does_not_spell_the_name_before_it_is_left_alone() -> None:
    text = "The Harbour Volunteer Rescue Network (XQZT) said it relayed the call on Sunday."
    name = "Harbour Volunteer Rescue Network"
    names = [Mention("a", 4, 4 + len(name), name, "ORG")]
    assert acronyms_given_in_brackets(text, names, entity_lexicon()) == names


def test_a_body_named_for_its_fields_goes_on_over_a_second_field_the_model_tagged_apart() -> None:
    """Issue #17 (generalise java-eruption): the small model cuts a centre's, an institute's or a bureau's
    name at its "and" or comma and tags the fields after it an organisation of their own."""
    found = mentions_of(
        "The Institute for Seismology and Coastal Hazard Research issued a tsunami warning on Monday. "
        "Agents of the Bureau of Alcohol, Tobacco, Firearms and Explosives searched the house."
    )
    names = organisation_names(found)
    assert {"Institute for Seismology and Coastal Hazard Research"} <= names
    assert "Bureau of Alcohol, Tobacco, Firearms and Explosives" in names
    assert "Coastal Hazard Research" not in {m.text for m in found}


def test_a_ministry_beside_a_named_organisation_stays_two_bodies() -> None:
    """Parsed exactly as a second field is ("Amnesty International" a conjunct of "Health"): the name the
    lexicon knows is an organisation of its own."""
    found = mentions_of(
        "The Ministry of Health and Amnesty International criticised the prison law on Monday."
    )
    assert {"Ministry of Health", "Amnesty International"} <= organisation_names(found)


def parsed_centre(second: list[str], text_after: list[str]) -> Doc:
    """ "The Centre for Forests and <second> spoke. <text_after>", parsed by hand as the small model parses
    it: the last word of <second> a conjunct of "Forests", the others its compounds, <second> tagged an
    organisation of its own."""
    words = ["The", "Centre", "for", "Forests", "and", *second, "spoke", ".", *text_after]
    last, verb = 4 + len(second), 5 + len(second)
    heads = [1, verb, 1, 2, 3] + [last] * (len(second) - 1) + [3, verb, verb]
    heads += [len(words) - 1] * len(text_after)
    deps = ["det", "nsubj", "prep", "pobj", "cc"] + ["compound"] * (len(second) - 1) + ["conj", "ROOT"]
    deps += ["punct"] + ["dep"] * len(text_after)
    ents = ["O", "B-ORG", "I-ORG", "I-ORG", "O", "B-ORG"] + ["I-ORG"] * (len(second) - 1)
    ents += ["O"] * (2 + len(text_after))
    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, ents=ents)


def test_a_second_half_is_a_field_only_when_it_reads_as_no_body_of_its_own() -> None:
    """Fields the name covers join it; a second half ending in an organisation's head word, or written
    elsewhere in the article on its own, is a body beside the centre."""
    for second, text_after, expected in (
        (["Soil", "Science"], [], "Centre for Forests and Soil Science"),
        (["Soil", "Council"], [], "Centre for Forests"),
        (["Soil", "Science"], ["Soil", "Science", "agreed", "."], "Centre for Forests"),
    ):
        doc = parsed_centre(second, text_after)
        second_start = len("The Centre for Forests and ")
        cut = Mention("a", 4, 22, doc.text[4:22], "ORG")
        tagged = Mention("a", second_start, second_start + len(" ".join(second)), " ".join(second), "ORG")
        found = organisations_over_portfolio_lists(doc, [cut, tagged], entity_lexicon())
        assert found[0].text == expected
