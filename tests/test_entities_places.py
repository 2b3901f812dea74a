"""Names tagged a person or an organisation that the article writes as places (entities.places), on
sentences written for the tests; the NER labels are given by hand so that each test reads one rule."""

from __future__ import annotations

import re

from storyline.records import Article, Mention
from storyline.stages.entities.lexicon import entity_lexicon
from storyline.stages.entities.places import after_dateline, places_by_context, tagged_place_keys
from storyline.stages.entities.resolve import resolve_entities
from storyline.stages.nlp import parse_articles


def labels_after(text: str, tagged: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """(surface, label) of each hand-tagged name (every occurrence of the surface) after the rule."""
    (parsed,) = parse_articles([Article(id="a", text=text)])
    occurrences = [
        Mention("a", match.start(), match.end(), surface, label)
        for surface, label in tagged
        for match in re.finditer(rf"(?<!\w){re.escape(surface)}(?!\w)", text)
    ]
    # an occurrence inside a longer tagged name is that name's ("Limni" of "Limni and Rovies")
    names = sorted(
        (
            m
            for m in occurrences
            if not any(o.start <= m.start and m.end <= o.end and o != m for o in occurrences)
        ),
        key=lambda mention: mention.start,
    )
    found = places_by_context(parsed.doc, text, names, entity_lexicon())
    return [(mention.text, mention.label) for mention in found]


def test_a_dateline_opening_a_paragraph_is_a_place_an_acronym_in_a_sentence_is_not() -> None:
    text = "KARDZHALI, Bulgaria - An earthen dam burst on Monday.\nNATO said it would send engineers."
    assert labels_after(text, [("KARDZHALI", "ORG"), ("NATO", "ORG")]) == [
        ("KARDZHALI", "GPE"),
        ("NATO", "ORG"),
    ]


def test_a_name_before_a_place_noun_or_after_one_and_of_is_a_place() -> None:
    text = (
        "Bolat Zhunusov, the governor of the Karaganda region, spoke. The village of Biser was hit in 2012."
    )
    assert labels_after(text, [("Karaganda", "ORG"), ("Biser", "PERSON")]) == [
        ("Karaganda", "GPE"),
        ("Biser", "GPE"),
    ]


def test_an_office_and_of_does_not_make_a_place() -> None:
    assert labels_after("The mayor of Mantoudi said the road was closed.", [("Mantoudi", "ORG")]) == [
        ("Mantoudi", "ORG")
    ]


def test_a_preposition_makes_a_place_only_of_a_name_the_article_writes_as_one() -> None:
    text = (
        "The mine lies outside the town of Chakhtinsk. Temperatures in Chakhtinsk fell to minus 18 degrees. "
        "Shares in Airbus rose on Monday."
    )
    assert labels_after(text, [("Chakhtinsk", "ORG"), ("Airbus", "ORG")]) == [
        ("Chakhtinsk", "GPE"),
        ("Chakhtinsk", "GPE"),
        ("Airbus", "ORG"),
    ]


def test_a_place_ending_makes_a_place_of_a_name_the_article_writes_after_prepositions_only() -> None:
    text = (
        "Volunteers came from Korvinsk overnight. Temperatures in Korvinsk fell. Ferries sail to Brennsund. "
        "A letter went to Musk. Talks were held in Dalstad, and Dalstad said it would reply."
    )
    tagged = [("Korvinsk", "ORG"), ("Brennsund", "ORG"), ("Musk", "PERSON"), ("Dalstad", "ORG")]
    assert labels_after(text, tagged) == [
        ("Korvinsk", "GPE"),
        ("Korvinsk", "GPE"),
        ("Brennsund", "GPE"),
        ("Musk", "PERSON"),  # -sk after a vowel or r/l/m only: surnames end in -usk
        ("Dalstad", "ORG"),  # also written as an actor in the article
        ("Dalstad", "ORG"),
    ]


def test_a_name_after_an_adjective_only_places_take_is_a_place() -> None:
    text = "Cases were reported in neighbouring Maysan and in the southern Gobi. Western Union said nothing."
    tagged = [("Maysan", "ORG"), ("Gobi", "PERSON"), ("Western Union", "ORG")]
    assert labels_after(text, tagged) == [("Maysan", "GPE"), ("Gobi", "GPE"), ("Western Union", "ORG")]


def test_a_seat_of_government_speaking_is_left_to_the_lexicon() -> None:
    text = "The village of Moscow is small."
    (parsed,) = parse_articles([Article(id="a", text=text)])
    speaking = Mention("a", 15, 21, "Moscow", "ORG", refers_to="Government of Russia")
    assert places_by_context(parsed.doc, text, [speaking], entity_lexicon()) == [speaking]


def test_a_story_tagging_a_name_a_place_somewhere_reads_it_as_a_place_unless_an_organisation_more_often() -> (
    None
):
    keyed = [("racha", Mention("a", i, i + 5, "Racha", "PERSON")) for i in range(0, 70, 10)]
    keyed += [("racha", Mention("b", i, i + 5, "Racha", "GPE")) for i in range(0, 30, 10)]
    keyed += [("airbus", Mention("a", i, i + 6, "Airbus", "ORG")) for i in range(100, 130, 10)]
    keyed += [("airbus", Mention("b", 100, 106, "Airbus", "GPE"))]
    assert tagged_place_keys(keyed) == {"racha"}


def test_a_village_tagged_a_person_in_one_report_and_a_place_in_another_is_one_place() -> None:
    found = resolve_entities(
        [
            Mention("a", 0, 5, "Racha", "PERSON"),
            Mention("a", 20, 30, "Tamaz Lomidze", "PERSON"),
            Mention("a", 40, 70, "Emergency Management Service", "ORG"),
            Mention("b", 0, 5, "Racha", "GPE"),
            Mention("b", 20, 30, "Tamaz Lomidze", "PERSON"),
            Mention("b", 40, 70, "Emergency Management Service", "ORG"),
        ]
    )
    assert sorted((entity.name, entity.type, len(entity.mentions)) for entity in found) == [
        ("Emergency Management Service", "ORG", 2),
        ("Racha", "GPE", 2),
        ("Tamaz Lomidze", "PERSON", 2),
    ]


def test_a_surname_of_the_story_stays_a_person_where_ner_also_tags_it_a_place() -> None:
    found = resolve_entities(
        [
            Mention("a", 0, 13, "Tamaz Lomidze", "PERSON"),
            Mention("a", 20, 27, "Lomidze", "PERSON"),
            Mention("b", 20, 27, "Lomidze", "GPE"),
        ]
    )
    assert [(entity.name, entity.type) for entity in found] == [("Tamaz Lomidze", "PERSON")]


def test_a_place_based_name_is_the_place_and_places_joined_by_and_are_places() -> None:
    text = (
        "The tanker is owned by Busan-based Haedong. Limni burned first. The road between Limni and Rovies "
        "closed. Fire reached Rovies. Limni and Rovies burned."
    )
    tagged = [("Busan-based", "PERSON"), ("Limni", "GPE"), ("Rovies", "GPE"), ("Limni and Rovies", "ORG")]
    assert labels_after(text, tagged) == [
        ("Busan", "GPE"),
        ("Limni", "GPE"),
        ("Limni and Rovies", "GPE"),
        ("Rovies", "GPE"),
        ("Limni and Rovies", "ORG"),  # no preposition puts it as a place
    ]


def test_a_capital_tagged_an_organisation_after_a_place_preposition_is_no_government() -> None:
    from storyline.stages.entities.mentions import _standing_for

    text = "The minister told reporters in Ulaanbaatar that Ulaanbaatar would pay."
    (parsed,) = parse_articles([Article(id="a", text=text)])
    after_in, subject = (m.start() for m in re.finditer("Ulaanbaatar", text))
    place = _standing_for(
        parsed.doc, text, Mention("a", after_in, after_in + 11, "Ulaanbaatar", "ORG"), entity_lexicon()
    )
    government = _standing_for(
        parsed.doc, text, Mention("a", subject, subject + 11, "Ulaanbaatar", "ORG"), entity_lexicon()
    )
    assert place.refers_to is None and government.refers_to == "Government of Mongolia"


def test_a_capital_ending_a_name_tagged_a_person_is_no_surname() -> None:
    """ "Electric Yerevan", a protest movement the small model tags a person, does not make "Yerevan" one."""
    found = resolve_entities(
        [Mention("a", 0, 16, "Electric Yerevan", "PERSON"), Mention("a", 30, 37, "Yerevan", "PERSON")]
    )
    assert sorted((entity.name, entity.type) for entity in found) == [
        ("Electric Yerevan", "PERSON"),
        ("Yerevan", "GPE"),
    ]


def test_a_dateline_run_into_a_name_is_cut_at_its_dash_only_where_it_opens_the_line() -> None:
    """Issue #17: "GYUMRI, Armenia - Gyumri's incumbent mayor", tagged one organisation from "Armenia" on,
    starts at "Gyumri"; a dash between spaces elsewhere ("Wal - Mart" of a tokenised text) is kept."""
    text = "Headline\nGYUMRI, Armenia - Gyumri's incumbent mayor held on.\nShares of Wal - Mart rose."
    start = text.index("Armenia")
    assert text[after_dateline(text, start, start + 17) :].startswith("Gyumri's")
    walmart = text.index("Wal")
    assert after_dateline(text, walmart, walmart + 10) == walmart


def test_a_capital_after_a_place_preposition_is_a_place_though_named_once() -> None:
    """Issue #17: "said in Bishkek" tagged an organisation took "the company" of the next clause; the
    capital as a speaker ("Bishkek rejected it") is left to the seats-of-government rule."""
    text = "The ferry operator rejected the claim, he said in Bishkek. Bishkek rejected the report."
    assert labels_after(text, [("Bishkek", "ORG")]) == [("Bishkek", "GPE"), ("Bishkek", "ORG")]
