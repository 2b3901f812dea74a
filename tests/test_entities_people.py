"""Whole and short forms of a person's name in one article (``stages/entities/people.py``), on mentions
built by hand: which tags the small model gives a Mongolian name varies from text to text."""

from __future__ import annotations

from storyline.records import Entity, Mention
from storyline.stages.entities.lexicon import entity_lexicon
from storyline.stages.entities.people import patronymic_names
from storyline.stages.entities.resolve import resolve_entities
from tests.factories import make_article, make_mention

TEXT = (
    "Lkhagvyn Sarangerel, the deputy governor, toured Brooklyn Heights, Roslyn Harbor "
    "and the Brooklyn Museum. "
    "Governor Tumuriin Ganzorig spoke. Kathryn Moss Fund staff and Batyn Erdene waited."
)


def tagged(surface: str, label: str) -> Mention:
    start = TEXT.index(surface)
    return Mention("a", start, start + len(surface), surface, label)


def people(names: list[Mention]) -> set[str]:
    return {m.text for m in patronymic_names(TEXT, names, entity_lexicon()) if m.label == "PERSON"}


def test_a_patronymic_and_a_given_name_of_which_one_word_is_tagged_are_one_persons_name() -> None:
    """Issue #17: "Lkhagvyn" tagged an organisation, "Ganzorig" (after a title) a person of its own."""
    found = people([tagged("Lkhagvyn", "ORG"), tagged("Ganzorig", "PERSON")])
    assert found == {"Lkhagvyn Sarangerel", "Tumuriin Ganzorig"}


def test_a_two_word_name_tagged_whole_or_not_at_all_or_without_a_patronymic_is_left_alone() -> None:
    names = [
        tagged("Brooklyn Heights", "GPE"),  # an English "-yn": NER saw a place
        tagged("Brooklyn Museum", "ORG"),  # and here an organisation's name
        tagged("Kathryn Moss Fund", "ORG"),  # three capitalised words: no patronymic name
        tagged("Moss", "ORG"),
        tagged("Roslyn", "GPE"),  # a part tagged a place
    ]
    # "Batyn Erdene" is untagged: left to the collection (recovery), which knows other articles' names.
    assert people(names) == set()
    assert patronymic_names(TEXT, names, entity_lexicon()) == names


def names_in(article_id: str, text: str, names: list[tuple[str, str]]) -> list[Mention]:
    """The mentions of ``names`` (surface, label), each found after the one before it in ``text``."""
    record = make_article(text, id=article_id)
    found: list[Mention] = []
    for surface, label in names:
        found.append(make_mention(surface, label, article=record, after=found[-1].end if found else 0))
    return found


def entity_texts(entities: list[Entity]) -> set[frozenset[tuple[str, str]]]:
    return {frozenset((m.article, m.text) for m in entity.mentions) for entity in entities}


def test_a_lone_given_name_is_the_one_person_its_article_names_in_full_with_it() -> None:
    """Issue #17 (generalise java-eruption): an Indonesian name shortened to its first word, tagged a
    person of its own or an organisation. Sentences written for this test."""
    rescue = names_in(
        "a",
        "Wahyu Kurniawan, who leads the rescue teams, said the road was cut. 'We wait,' Wahyu said. "
        "Sri Lestari, a nurse, counted the wounded. Lestari said beds were short.",
        [
            ("Wahyu Kurniawan", "PERSON"),
            ("Wahyu", "PERSON"),
            ("Sri Lestari", "PERSON"),
            ("Lestari", "PERSON"),
        ],
    )
    found = entity_texts(resolve_entities(rescue))
    assert frozenset({("a", "Wahyu Kurniawan"), ("a", "Wahyu")}) in found


def test_a_lone_word_before_the_full_name_it_opens_is_a_name_of_its_own() -> None:
    """News names a person in full before it shortens the name: "Oscar" (an award, tagged a person) before
    "their son, Oscar Maximillian" is not the son (ECB+ topic 2). Sentences written for this test."""
    award = names_in(
        "a",
        "The actor hopes for an Oscar next year. He already has an Oscar at home: his son, Oscar Lund.",
        [("Oscar", "PERSON"), ("Oscar", "PERSON"), ("Oscar Lund", "PERSON")],
    )
    found = entity_texts(resolve_entities(award))
    assert not any(("a", "Oscar") in entity and ("a", "Oscar Lund") in entity for entity in found)


def test_a_lone_given_name_two_full_names_open_with_or_a_surname_of_the_scope_joins_no_one() -> None:
    father_and_son = names_in(
        "a",
        "Rudy Hartono met Rudy Hartono Jr. at the port. Rudy said the ship was late.",
        [("Rudy Hartono", "PERSON"), ("Rudy Hartono Jr.", "PERSON"), ("Rudy", "PERSON")],
    )
    surname = names_in(
        "b",
        "Ford Crawford met Gerald Ford. Ford said the talks went well.",
        [("Ford Crawford", "PERSON"), ("Gerald Ford", "PERSON"), ("Ford", "PERSON")],
    )
    # a company the small model tags a person, its first word tagged alone an organisation or a person
    # that is also a word later in another name of the article
    companies = names_in(
        "c",
        "Halvorsen Marine won the tender. Halvorsen said the hulls were ready. Kessler Aircraft and "
        "Vance Kessler bid too. Kessler said the price was fair.",
        [
            ("Halvorsen Marine", "PERSON"),
            ("Halvorsen", "ORG"),
            ("Kessler Aircraft", "PERSON"),
            ("Vance Kessler", "ORG"),
            ("Kessler", "PERSON"),
        ],
    )
    found = entity_texts(resolve_entities(father_and_son + surname + companies))
    assert frozenset({("a", "Rudy")}) in found
    assert frozenset({("b", "Ford Crawford")}) in found
    assert not any({("c", "Halvorsen"), ("c", "Halvorsen Marine")} <= entity for entity in found)
    assert not any({("c", "Kessler"), ("c", "Kessler Aircraft")} <= entity for entity in found)
