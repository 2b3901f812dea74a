"""NER spans repaired before they become mentions (``stages/entities/repair.py``), on spans and parses
built by hand so that a test does not hinge on what a model version tags."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from storyline.records import Mention
from storyline.stages.entities.lexicon import entity_lexicon
from storyline.stages.entities.repair import (
    acronyms_after_organisation_words,
    introduced_as,
    introduced_as_any,
    is_titled_name,
    names_joined_after_legal_form,
    names_joined_after_title,
    organisations_by_introduction,
    organisations_cut_at_a_preposition,
    organisations_without_trailing_place,
    people_by_title,
    people_in_apposition,
    split_joined_names,
    split_parenthesised_acronyms,
    trim_glued_words,
    without_portfolio_words,
)


def test_two_names_joined_by_a_hyphen_are_two_actors_when_each_is_named_alone() -> None:
    found = [
        Mention("a", 0, 6, "Boeing", "ORG"),
        Mention("a", 10, 19, "Air Force", "ORG"),
        Mention("a", 30, 46, "Boeing-Air Force", "ORG"),
        Mention("a", 50, 61, "Rolls-Royce", "ORG"),
    ]
    split = split_joined_names(found)
    assert [(m.start, m.end, m.text) for m in split[2:4]] == [(30, 36, "Boeing"), (37, 46, "Air Force")]
    assert split[4].text == "Rolls-Royce"


def test_an_organisation_run_on_into_its_bracketed_acronym_is_the_name_then_the_acronym() -> None:
    text = "the Independent Union of Coal Miners (IUCM) and Nordic Mining (NM and the PRC (China"
    spans = [
        ("Independent Union of Coal Miners (IUCM", "ORG"),
        ("Nordic Mining (NM", "ORG"),
        ("PRC (China", "GPE"),
    ]
    found = [
        Mention("a", text.index(name), text.index(name) + len(name), name, label) for name, label in spans
    ]
    split = split_parenthesised_acronyms(found)
    assert [(m.text, m.refers_to) for m in split] == [
        ("Independent Union of Coal Miners", None),
        ("IUCM", "Independent Union of Coal Miners"),
        ("Nordic Mining", None),
        ("NM", "Nordic Mining"),
        ("PRC (China", None),
    ]
    assert all(text[m.start : m.end] == m.text for m in split)


def test_a_romanised_russian_acronym_keeps_its_digraph_and_is_split_from_its_long_form() -> None:
    """Issue #17: "KChS" (a Cyrillic letter written "Ch") is an acronym as "IUCM" is; "(Ph" is none."""
    text = "the Board of Mountain Rescue and Avalanche Safety (GSKChP) and the Rescue Academy (Ph"
    spans = ["Board of Mountain Rescue and Avalanche Safety (GSKChP", "Rescue Academy (Ph"]
    found = [Mention("a", text.index(name), text.index(name) + len(name), name, "ORG") for name in spans]
    assert [(m.text, m.refers_to) for m in split_parenthesised_acronyms(found)] == [
        ("Board of Mountain Rescue and Avalanche Safety", None),
        ("GSKChP", "Board of Mountain Rescue and Avalanche Safety"),
        ("Rescue Academy (Ph", None),
    ]


def parsed(tokens: str) -> Doc:
    """A parse built by hand from "word/POS/dep/head/entity" tokens: the rule under test hinges on dependency
    labels, not on a model's guess."""
    fields = [token.split("/") for token in tokens.split()]
    return Doc(
        spacy.blank("en").vocab,
        words=[word for word, *_ in fields],
        pos=[pos for _, pos, *_ in fields],
        deps=[dep for _, _, dep, *_ in fields],
        heads=[int(head) for *_, head, _ in fields],
        ents=[entity for *_, entity in fields],
    )


APPOSITIONS = [
    # "Askhat Shaimerdenov, the general director, spoke": a title in apposition after the name.
    (
        "Askhat/PROPN/compound/1/O Shaimerdenov/PROPN/nsubj/7/O ,/PUNCT/punct/1/O the/DET/det/5/O "
        "general/ADJ/amod/5/O director/NOUN/appos/1/O ,/PUNCT/punct/1/O spoke/VERB/ROOT/7/O",
        ["Askhat Shaimerdenov"],
    ),
    # "its director general, Aida Nurlanova": the name in apposition to a title (with a compound title).
    (
        "its/PRON/poss/2/O director/NOUN/compound/2/O general/NOUN/ROOT/2/O ,/PUNCT/punct/2/O "
        "Aida/PROPN/compound/5/O Nurlanova/PROPN/appos/2/O",
        ["Aida Nurlanova"],
    ),
    # The same shape with no title word ("Karaganda Region, the coal basin") is no person.
    (
        "Karaganda/PROPN/compound/1/O Region/PROPN/ROOT/1/O ,/PUNCT/punct/1/O the/DET/det/5/O "
        "coal/NOUN/compound/5/O basin/NOUN/appos/1/O",
        [],
    ),
    # A name the model tagged a place, in apposition to a title, is a person ...
    (
        "The/DET/det/1/O governor/NOUN/nsubj/1/O ,/PUNCT/punct/1/O Bolat/PROPN/compound/4/B-GPE "
        "Jounoussov/PROPN/appos/1/I-GPE",
        ["Bolat Jounoussov"],
    ),
    # ... but one it tagged an organisation is left to it ("the leader of the coalition, Civic Platform").
    (
        "Nordic/PROPN/compound/1/B-ORG Mining/PROPN/ROOT/1/I-ORG ,/PUNCT/punct/1/O the/DET/det/5/O "
        "operator/NOUN/compound/5/O chief/NOUN/appos/1/O",
        [],
    ),
]


@pytest.mark.parametrize(("tokens", "people"), APPOSITIONS)
def test_proper_nouns_in_apposition_with_a_title_are_a_person(tokens: str, people: list[str]) -> None:
    doc = parsed(tokens)
    tagged = [Mention("a", e.start_char, e.end_char, e.text, e.label_) for e in doc.ents]
    found = people_in_apposition(doc, "a", tagged, entity_lexicon())
    assert [m.text for m in found if m.label == "PERSON"] == people
    assert sorted(m.text for m in found) == sorted(people + [m.text for m in tagged if m.label == "ORG"])
    assert all(doc.text[m.start : m.end] == m.text for m in found)


@pytest.mark.parametrize(
    ("tokens", "people"),
    [
        # issue #17 (generalise tbilisi-doping): the title right before the name tagged an organisation
        (
            "The/DET/det/2/O sports/NOUN/compound/2/O minister/NOUN/nsubj/7/O ,/PUNCT/punct/2/O "
            "Tamar/PROPN/compound/5/B-ORG Beridze/PROPN/appos/2/I-ORG ,/PUNCT/punct/2/O said/VERB/ROOT/7/O",
            ["Tamar Beridze"],
        ),
        # issue #17 (generalise recall): the title's portfolio after "of" between it and the comma
        (
            "The/DET/det/1/O Minister/PROPN/nsubj/8/O of/ADP/prep/1/O Health/PROPN/pobj/2/O "
            ",/PUNCT/punct/1/O Tamar/PROPN/compound/6/B-ORG Beridze/PROPN/appos/1/I-ORG ,/PUNCT/punct/1/O "
            "said/VERB/ROOT/8/O",
            ["Tamar Beridze"],
        ),
        # "of" a place after no title: no holder named
        (
            "The/DET/det/1/O capital/NOUN/nsubj/8/O of/ADP/prep/1/O Kalimaro/PROPN/pobj/2/O "
            ",/PUNCT/punct/1/O Tamar/PROPN/compound/6/B-ORG Beridze/PROPN/appos/1/I-ORG ,/PUNCT/punct/1/O "
            "said/VERB/ROOT/8/O",
            [],
        ),
        # a word of the name heads an organisation's name: left to the model
        (
            "The/DET/det/2/O sports/NOUN/compound/2/O minister/NOUN/nsubj/7/O ,/PUNCT/punct/2/O "
            "Tamar/PROPN/compound/5/B-ORG Federation/PROPN/appos/2/I-ORG ,/PUNCT/punct/2/O "
            "said/VERB/ROOT/7/O",
            [],
        ),
        # issue #17 (generalise shipwreck): a title only a person holds, in apposition after the name
        (
            "Tomasz/PROPN/compound/1/B-ORG Wierzbicki/PROPN/nsubj/7/I-ORG ,/PUNCT/punct/1/O a/DET/det/4/O "
            "spokesman/NOUN/appos/1/O for/ADP/prep/4/O Frontex/PROPN/pobj/5/B-ORG said/VERB/ROOT/7/O",
            ["Tomasz Wierzbicki"],
        ),
        # a title a body may hold ("Civic Platform, the leader of the coalition"): left to the model
        (
            "Civic/PROPN/compound/1/B-ORG Platform/PROPN/nsubj/7/I-ORG ,/PUNCT/punct/1/O the/DET/det/4/O "
            "leader/NOUN/appos/1/O of/ADP/prep/4/O Frontex/PROPN/pobj/5/B-ORG said/VERB/ROOT/7/O",
            [],
        ),
    ],
)
def test_a_name_tagged_an_organisation_right_after_a_title_and_comma_is_a_person(
    tokens: str, people: list[str]
) -> None:
    doc = parsed(tokens)
    tagged = [Mention("a", e.start_char, e.end_char, e.text, e.label_) for e in doc.ents]
    found = people_in_apposition(doc, "a", tagged, entity_lexicon())
    assert [m.text for m in found if m.label == "PERSON"] == people
    assert len(found) == len(tagged)


def title_of_place_then_name(title: str, name: str) -> str:
    """ "The <title> of Kalimaro, <name>, said", parsed as the small model parses it: the name (tagged a
    place, as the first) in apposition with the place, not with the title."""
    first, last = name.split()
    return (
        f"The/DET/det/1/O {title}/NOUN/nsubj/8/O of/ADP/prep/1/O Kalimaro/PROPN/pobj/2/B-GPE "
        f",/PUNCT/punct/3/O {first}/PROPN/compound/6/B-GPE {last}/PROPN/appos/3/I-GPE ,/PUNCT/punct/1/O "
        "said/VERB/ROOT/8/O"
    )


@pytest.mark.parametrize(
    ("title", "name", "people"),
    [
        # issue #17 (generalise java-eruption): "The regent of Sumberarum, Gatot Haryanto," tagged a place
        ("regent", "Budi Santoso", ["Budi Santoso"]),
        ("mayor", "Budi Santoso", ["Budi Santoso"]),
        # a place qualifying the place ("The mayor of Springfield, New Jersey, said") stays a place
        ("mayor", "New Jersey", []),
        ("governor", "North Kalimaro", []),
        # no title before the place: "The capital of Kalimaro, Budi Santoso," names no holder
        ("capital", "Budi Santoso", []),
    ],
)
def test_a_name_in_apposition_with_the_place_a_title_is_of_is_the_titles_holder(
    title: str, name: str, people: list[str]
) -> None:
    doc = parsed(title_of_place_then_name(title, name))
    tagged = [Mention("a", e.start_char, e.end_char, e.text, e.label_) for e in doc.ents]
    found = people_in_apposition(doc, "a", tagged, entity_lexicon())
    assert [m.text for m in found if m.label == "PERSON"] == people
    assert [m.text for m in found if m.label == "GPE"] == ["Kalimaro", *([] if people else [name])]


def test_a_name_the_article_writes_as_a_place_elsewhere_stays_a_place_after_a_title_of_place() -> None:
    tokens = title_of_place_then_name("mayor", "Budi Santoso")
    tokens += " in/ADP/prep/8/O Budi/PROPN/compound/11/O Santoso/PROPN/pobj/9/O"
    doc = parsed(tokens)
    tagged = [Mention("a", e.start_char, e.end_char, e.text, e.label_) for e in doc.ents]
    found = people_in_apposition(doc, "a", tagged, entity_lexicon())
    assert not [m for m in found if m.label == "PERSON"]


def test_an_untagged_acronym_right_after_an_organisation_word_is_that_organisation() -> None:
    words = [
        "the",
        "union",
        "IUCM",
        "and",
        "the",
        "UNION",
        "SAYS",
        ",",
        "not",
        "the",
        "NSA",
        "or",
        "it",
        "OK",
    ]
    ents = ["O"] * 10 + ["B-ORG"] + ["O"] * 3
    doc = Doc(spacy.blank("en").vocab, words=words, ents=ents)
    found = acronyms_after_organisation_words(doc, "a", [], entity_lexicon())
    assert [(m.text, m.label, doc.text[m.start : m.end]) for m in found] == [("IUCM", "ORG", "IUCM")]


def _mentions_of(doc: Doc, spans: list[tuple[str, str]]) -> list[Mention]:
    """Mentions of the given (surface, label) pairs, at their first place in the text."""
    return [
        Mention("a", doc.text.index(surface), doc.text.index(surface) + len(surface), surface, label)
        for surface, label in spans
    ]


@pytest.mark.parametrize(
    ("words", "acronym"),
    [
        (["the", "Varna", "Water", "Board", "(", "VVK", ")", "said"], "VVK"),
        (
            ["the", "Varna", "Water", "Board", ",", "known", "by", "its", "initials", "VVK", ",", "said"],
            "VVK",
        ),
        (["the", "Varna", "Water", "Board", ",", "known", "as", "VVK", ",", "said"], "VVK"),
    ],
)
def test_an_acronym_given_as_an_organisations_short_name_stands_for_it(
    words: list[str], acronym: str
) -> None:
    doc = Doc(
        spacy.blank("en").vocab,
        words=words,
        sent_starts=[True] + [False] * (len(words) - 1),
        ents=["O"] * len(words),
    )
    board = _mentions_of(doc, [("Varna Water Board", "ORG")])
    found = acronyms_after_organisation_words(doc, "a", board, entity_lexicon())
    assert [(m.text, m.refers_to) for m in found] == [
        ("Varna Water Board", None),
        (acronym, "Varna Water Board"),
    ]


def test_an_acronym_in_brackets_after_no_organisation_or_after_another_sentence_stands_for_nothing() -> None:
    words = ["Varna", "Water", "Board", "met", ".", "Its", "initials", "VVK", "and", "Petrov", "(", "MP", ")"]
    starts = [True, False, False, False, False, True] + [False] * 7
    doc = Doc(spacy.blank("en").vocab, words=words, sent_starts=starts, ents=["O"] * len(words))
    named = _mentions_of(doc, [("Varna Water Board", "ORG"), ("Petrov", "PERSON")])
    found = acronyms_after_organisation_words(doc, "a", named, entity_lexicon())
    assert [m.text for m in found if m.refers_to is not None] == []


def test_a_portfolio_word_before_a_ministers_title_is_no_organisation() -> None:
    doc = Doc(
        spacy.blank("en").vocab, words=["Interior", "Minister", "Sara", "Lind", "met", "Kremlin", "spokesman"]
    )
    names = [
        Mention("a", 0, 8, "Interior", "ORG"),
        Mention("a", doc[5].idx, doc[5].idx + 7, "Kremlin", "ORG"),
    ]
    assert [m.text for m in without_portfolio_words(doc, names, entity_lexicon())] == ["Kremlin"]
    # A word the article also names on its own is an actor even before a minister's title.
    again = [*names, Mention("a", 0, 8, "Interior", "ORG")]
    assert "Interior" in {m.text for m in without_portfolio_words(doc, again, entity_lexicon())}


def test_title_words_and_a_title_tail_glued_onto_an_organisation_are_trimmed() -> None:
    names = [
        Mention("a", 0, 16, "Boeing Executive", "ORG"),
        Mention("a", 20, 29, "Air Force", "ORG"),
        Mention("a", 40, 80, "Air Force for Acquisition Darleen Druyun", "ORG"),
        Mention("a", 90, 105, "Bank of America", "ORG"),
    ]
    trimmed = trim_glued_words(names, entity_lexicon())
    assert [(m.text, m.end) for m in trimmed] == [
        ("Boeing", 6),
        ("Air Force", 29),
        ("Air Force", 49),
        ("Bank of America", 105),
    ]


def test_a_name_right_after_a_persons_title_is_a_person() -> None:
    doc = Doc(
        spacy.blank("en").vocab,
        words=["Opposition", "councillor", "Kari", "Lunde", "met", "Halvik", "Transit"],
    )
    names = [
        Mention("a", doc[2].idx, doc[3].idx + 5, "Kari Lunde", "ORG"),
        Mention("a", doc[5].idx, doc[6].idx + 7, "Halvik Transit", "ORG"),
    ]
    assert [m.label for m in people_by_title(doc, names, entity_lexicon())] == ["PERSON", "ORG"]


def test_two_one_word_names_cut_apart_after_a_title_are_one_person() -> None:
    doc = Doc(
        spacy.blank("en").vocab,
        words=["Governor", "Mira", "Halvorsen", "met", "Oslo", "Ronda", "Lake", "officials"],
    )
    names = [
        Mention("a", doc[1].idx, doc[1].idx + 4, "Mira", "GPE"),
        Mention("a", doc[2].idx, doc[2].idx + 9, "Halvorsen", "ORG"),
        # a place and a name side by side, but after no title: left as they are
        Mention("a", doc[4].idx, doc[4].idx + 4, "Oslo", "GPE"),
        Mention("a", doc[5].idx, doc[6].idx + 4, "Ronda Lake", "LOC"),
    ]
    joined = names_joined_after_title(doc, names, entity_lexicon())
    assert [(m.text, m.label) for m in joined] == [
        ("Mira Halvorsen", "PERSON"),
        ("Oslo", "GPE"),
        ("Ronda Lake", "LOC"),
    ]


def test_a_titled_name_is_two_or_three_capitalised_words_after_a_title_word() -> None:
    doc = Doc(
        spacy.blank("en").vocab, words=["Regional", "governor", "Nino", "Halvik", "and", "Nordic", "Halvik"]
    )
    assert is_titled_name(doc[2:4], entity_lexicon())
    assert not is_titled_name(doc[5:7], entity_lexicon())  # after "and", no title
    assert not is_titled_name(doc[2:3], entity_lexicon())  # one word


@pytest.mark.parametrize(
    ("text", "introduced"),
    [
        ("A group calling itself Frost Owl said it was behind the attack.", True),
        ("The hacking group Frost Owl posted the records.", True),
        ("Officials blamed Frost Owl, a hacking group linked to Karvia.", True),
        ("Frost Owl met the group of officials on Monday.", False),
        ("Samples posted by the Frost Owl group were checked.", True),
        ("Officials said Frost Owl group members had fled.", False),
        # the phrase after the comma is the next clause's subject, not an apposition naming Frost Owl
        ("Since the raid on Frost Owl, the hacking group has gone quiet.", False),
        ("Since the raid on Frost Owl, the group said nothing.", False),
    ],
)
def test_a_name_introduced_as_a_group_is_an_organisation(text: str, introduced: bool) -> None:
    start = text.index("Frost Owl")
    name = Mention("a", start, start + 9, "Frost Owl", "PERSON")
    (found,) = organisations_by_introduction(text, [name], entity_lexicon())
    assert introduced_as(text, name, "group") is introduced
    assert found.label == ("ORG" if introduced else "PERSON")


def test_a_name_a_kind_word_of_civic_bodies_introduces_is_an_organisation_wherever_repeated() -> None:
    """Issue #17: "the opposition Free City bloc", whose name the small model tags a place."""
    text = "Voters backed the opposition Free City bloc. Free City won 40 seats."
    first, second = text.index("Free City"), text.rindex("Free City")
    names = [
        Mention("a", first, first + 9, "Free City", "LOC"),
        Mention("a", second, second + 9, "Free City", "LOC"),
    ]
    assert [m.label for m in organisations_by_introduction(text, names, entity_lexicon())] == ["ORG", "ORG"]


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("The director of the mining company, Rudi Hartawan, denied it.", "PERSON"),
        ("A spokesman for the firm, Rudi Hartawan, denied it.", "PERSON"),
        ("The head of its logistics company, Rudi Hartawan, denied it.", "PERSON"),
        ("Shares of the mining company, Rudi Hartawan, fell.", "ORG"),
    ],
)
def test_a_name_after_a_title_of_a_body_is_the_title_holder_not_the_body(text: str, label: str) -> None:
    """Issue #17 (generalise java-eruption): "The director of the mining company, X", the person the small
    model tags, was read as the company introduced by its word. Sentences written for this test."""
    start = text.index("Rudi Hartawan")
    name = Mention("a", start, start + len("Rudi Hartawan"), "Rudi Hartawan", "PERSON")
    (found,) = organisations_by_introduction(text, [name], entity_lexicon())
    assert found.label == label


@pytest.mark.parametrize(
    "text",
    [
        "A group calling itself Frost Owl said it was behind the attack.",
        "Officials blamed Frost Owl, a hacking group linked to Karvia.",
        "Officials blamed Frost Owl, a logistics firm linked to Karvia.",
        "Samples posted by the Frost Owl company were checked.",
        "The company known as Frost Owl posted the records.",
        "Frost Owl met the group of officials on Monday.",
        "Officials blamed Frost Owl, the agency's representative.",
    ],
)
def test_introduced_by_any_head_is_introduced_by_one_of_them(text: str) -> None:
    """The heads tried at once give what trying each head alone gives."""
    start = text.index("Frost Owl")
    name = Mention("a", start, start + 9, "Frost Owl", "PERSON")
    heads = entity_lexicon().generic_org_heads
    assert introduced_as_any(text, name, heads) is any(introduced_as(text, name, head) for head in heads)
    assert introduced_as_any(text, name, frozenset()) is False


def test_an_organisation_cut_in_two_at_for_the_is_one_name_unless_the_article_uses_the_first_part_alone() -> (
    None
):
    text = "The Northern Office for the Relief of Villages met the Air Force of Halvik."
    first, second = text.index("Northern Office"), text.index("Relief")
    air, halvik = text.index("Air Force"), text.index("Halvik")
    names = [
        Mention("a", first, first + 15, "Northern Office", "ORG"),
        Mention("a", second, second + 18, "Relief of Villages", "ORG"),
        Mention("a", air, air + 9, "Air Force", "ORG"),  # no organisation word at its end
        Mention("a", halvik, halvik + 6, "Halvik", "ORG"),
    ]
    joined = organisations_cut_at_a_preposition(text, names, entity_lexicon())
    assert [m.text for m in joined] == ["Northern Office for the Relief of Villages", "Air Force", "Halvik"]
    assert all(text[m.start : m.end] == m.text for m in joined)
    named_alone = [*names, Mention("a", 90, 105, "Northern Office", "ORG")]
    assert len(organisations_cut_at_a_preposition(text, named_alone, entity_lexicon())) == 5


def test_the_place_an_organisation_sits_in_is_no_part_of_its_name() -> None:
    """Issue #17: "the Ministry of Health in Tashkent", tagged as one organisation, is the Ministry of
    Health; a known capital or a place the article tags elsewhere is cut, an unknown capitalised word kept."""
    text = "The Ministry of Finance in Bishkek and the Institute of Physics in Vorlund spoke in Vorlund."
    doc = Doc(spacy.blank("en").vocab, words=[*text[:-1].split(), "."])
    doc.ents = [doc.char_span(text.rindex("Vorlund"), len(text) - 1, label="GPE")]

    def organisation(name: str) -> Mention:
        start = text.index(name)
        return Mention("a", start, start + len(name), name, "ORG")

    glued = [organisation("Ministry of Finance in Bishkek"), organisation("Institute of Physics in Vorlund")]
    found = organisations_without_trailing_place(doc, glued, entity_lexicon())
    assert [m.text for m in found] == ["Ministry of Finance", "Institute of Physics"]
    assert all(text[m.start : m.end] == m.text for m in found)
    unknown = Mention("a", 0, 29, "Institute of Physics in Ostby", "ORG")
    assert organisations_without_trailing_place(doc, [unknown], entity_lexicon()) == [unknown]


def test_a_name_after_a_leading_legal_form_is_that_companys_with_the_form() -> None:
    """ "PT Sinar Jaya Abadi": the small model tags "PT" apart and the rest a person, or leaves "PT" out;
    either way the name with its form is an organisation. A name after no such form is left as it is."""
    text = "The firm PT Sinar Jaya Abadi said so. PT Mega Tirta denied it. Analyst Suharti Wirya spoke."
    tagged = [
        ("PT", "ORG"),
        ("Sinar Jaya Abadi", "PERSON"),
        ("Mega Tirta", "PERSON"),
        ("Suharti Wirya", "PERSON"),
    ]
    found = [
        Mention("a", text.find(name), text.find(name) + len(name), name, label) for name, label in tagged
    ]
    joined = names_joined_after_legal_form(text, found, entity_lexicon())
    assert [(m.text, m.label) for m in joined] == [
        ("PT Sinar Jaya Abadi", "ORG"),
        ("PT Mega Tirta", "ORG"),
        ("Suharti Wirya", "PERSON"),
    ]
    assert all(text[m.start : m.end] == m.text for m in joined)
