"""Government phrases that name one country (``stages/entities/governments.py``), on sentences written for
the tests: each resolves to "Government of <country>", the entity "the Kremlin said" already stands for."""

from __future__ import annotations

from test_entities_mentions import mentions_of

from storyline.records import Mention
from storyline.stages.entities.resolve import resolve_entities


def governments(text: str) -> dict[str, str | None]:
    return {
        m.text: m.refers_to for m in mentions_of(text) if (m.refers_to or "").startswith("Government of ")
    }


def test_a_demonym_possessive_or_of_phrase_names_the_government() -> None:
    assert governments("The Ukrainian government said the talks would resume on Monday.") == {
        "The Ukrainian government": "Government of Ukraine"
    }
    found = governments(
        "The government of Lithuania summoned the ambassador. Lithuanian authorities said more."
    )
    assert found == {
        "The government": "Government of Lithuania",
        "Lithuanian authorities": "Government of Lithuania",
    }
    # The possessor's name stays the place; the phrase after it is the government.
    assert governments("Russia's government denied the report.") == {"government": "Government of Russia"}
    assert governments("South Korean officials met their counterparts.") == {
        "South Korean officials": "Government of South Korea"
    }


def test_a_government_phrase_joins_the_metonymy_of_its_capital() -> None:
    found: list[Mention] = mentions_of(
        "Russia's government denied the report, and the Kremlin called it a provocation."
    )
    (government,) = [e for e in resolve_entities(found) if e.name.startswith("Government of")]
    assert {m.text for m in government.mentions} == {"government", "Kremlin"}


def test_a_bare_or_foreign_qualified_phrase_stays_unresolved() -> None:
    # Which government "the government" is, neither the phrase nor the article says: no country named.
    assert governments("The government said the dam was safe. The authorities said nothing.") == {}
    # A US state is no country ("Indiana" shares a stem with "India" but is no demonym); a company's or a
    # person's officials are not a government.
    assert governments("Indiana officials disagreed. Boeing officials were silent.") == {}
    assert governments("The Biden administration said it would respond.") == {}


def test_a_bare_government_is_the_one_its_sentence_or_article_names() -> None:
    """Issue #17 (generalise thessaloniki-bid, tbilisi-doping, kalat-hostages): "the government" is the
    government of the country its sentence names, else of the government phrase named before, else of the
    country the article names most; not a lower level's ("the provincial government") and, where two
    countries are named as often, no one's."""
    found = governments(
        "A Turkish group bid for the port on Monday. In Athens, the minister said the government would wait."
    )
    assert found == {"the government": "Government of Greece"}
    found = governments(
        "Gunmen took 17 passengers in Pakistan. Both the government and the insurgents talked. The "
        "provincial government said nothing."
    )
    assert found == {"the government": "Government of Pakistan"}
    assert governments("Poland and Bulgaria signed. Later the government said it would pay.") == {}


def test_a_dateline_the_parse_runs_into_a_government_phrase_is_no_part_of_it() -> None:
    """Issue #17: "YEREVAN, Oct 15 - Armenian election officials said" gave the mention "Oct 15 - Armenian
    election officials"; a dash between spaces ends the dateline, a hyphen inside a word does not."""
    found = governments(
        "YEREVAN, Oct 15 - Armenian election officials said on Thursday that counting went on."
    )
    assert found == {"Armenian election officials": "Government of Armenia"}


def test_a_demonym_not_sharing_its_countrys_stem_names_the_government() -> None:
    """Issue #17, generalise thessaloniki-bid: "Greek" shares no stem with "Greece" (irregular_demonyms)."""
    assert governments("The Greek government maintains a prudent distance.") == {
        "The Greek government": "Government of Greece"
    }


def test_a_capital_in_a_dateline_is_the_place_filed_from_not_its_government() -> None:
    found = mentions_of("ATHENS, Dec 3 - Korvex Industries raised its offer. Athens said nothing more.")
    assert all(m.refers_to is None for m in found if m.start == 0)
    assert [m.refers_to for m in found if m.text == "Athens"] == ["Government of Greece"]


def test_a_seat_stands_for_the_one_body_seated_there_that_its_article_names() -> None:
    """ "if Brussels blocks the deal" beside "the European Commission" is the Commission (seats_of_bodies);
    without one of its bodies named, Brussels acting stays Belgium's government."""
    named = mentions_of(
        "Korvex needs clearance from the European Commission. Brussels blocked a similar deal in 2019."
    )
    assert [m.refers_to for m in named if m.text == "Brussels"] == ["European Commission"]
    alone = mentions_of("Korvex needs clearance from regulators. Brussels blocked a similar deal in 2019.")
    assert [m.refers_to for m in alone if m.text == "Brussels"] == ["Government of Belgium"]


def test_a_governments_entity_is_read_as_its_country_by_the_contract() -> None:
    """Issue #14, PolNeAR dnc-email-leak: what a statement says of "the Russian government" it says of
    Russia for the ledger's subject; a government of a country the story does not name, or of none the
    lexicon knows, maps to nothing, and neither does a person or the country itself."""
    from storyline.stages.entities import country_ids, government_country_ids

    names = {
        "ru": "Russia",
        "ru-gov": "Government of Russia",
        "ru-gov-2": "the Russian government",
        "us-gov": "American government",
        "nowhere": "Government of Atlantis",
        "putin": "Vladimir Putin",
    }
    assert government_country_ids(names, country_ids(names)) == {"ru-gov": "ru", "ru-gov-2": "ru"}
