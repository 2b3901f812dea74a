"""Organisations named with a lower-case kind word after the name (``stages/entities/kinds.py``): each kind
word of ``introduced_org_kinds`` on a sentence written for the test, through the whole mentions stage, and
the pattern on texts tokenised by hand so that it does not hinge on what a model version tags."""

from __future__ import annotations

import pytest
import spacy
from test_entities_mentions import by_text, mentions_of

from storyline.records import Mention
from storyline.stages.entities.kinds import introduced_by_kind, organisations_named_by_kind
from storyline.stages.entities.lexicon import entity_lexicon

# One sentence per kind word of the lexicon, naming a body the small model knows nothing of, then the name.
KIND_SENTENCES = {
    "bloc": (
        "The opposition Vorlund Renewal bloc filed 40 complaints. The bloc said the count was wrong.",
        "Vorlund Renewal",
    ),
    "initiative": (
        "The Honest Tally civic initiative sent 300 observers. The initiative said turnout was low.",
        "Honest Tally",
    ),
}


def test_every_kind_word_of_the_lexicon_has_a_sentence() -> None:
    assert set(KIND_SENTENCES) == entity_lexicon().introduced_org_kinds


@pytest.mark.parametrize("kind", sorted(KIND_SENTENCES))
def test_a_name_its_kind_word_introduces_is_an_organisation_that_the_kind_word_then_stands_for(
    kind: str,
) -> None:
    text, name = KIND_SENTENCES[kind]
    found = mentions_of(text)
    assert by_text(found, name).label == "ORG"
    assert by_text(found, f"The {kind}").refers_to == name


def test_a_name_a_kind_word_introduced_is_found_again_where_the_article_repeats_it() -> None:
    text, name = KIND_SENTENCES["bloc"]
    found = mentions_of(f"{text} The mayor's party spent more than {name} did.")
    assert [m.label for m in found if m.text == name] == ["ORG", "ORG"]


@pytest.mark.parametrize("kind", sorted(KIND_SENTENCES))
def test_a_kind_word_no_name_introduced_stands_for_nothing(kind: str) -> None:
    """ "The initiative" alone is as often a plan as a body: no description, no role left for the story."""
    found = mentions_of(f"The {kind} was announced on Monday, and the mayor welcomed the {kind} on Tuesday.")
    assert not [m for m in found if kind in m.text.lower()]


def test_an_untagged_capitalised_run_before_a_kind_word_is_an_organisation() -> None:
    """Also one the model tagged together with the kind word as no actor ("Vorlund Renewal bloc", a work
    of art); not a run it tagged otherwise (even as a nationality), nor a country, nor a run the kind word
    does not end ("the civic initiative Fair Vote" introduces the name after it), nor a hyphenated word."""
    text = (
        "The Open Count initiative met the civic initiative Fair Vote, the Soviet bloc, the France bloc, "
        "the Kremlin-backed initiative and the Vorlund Renewal bloc."
    )
    doc = spacy.blank("en")(text)
    soviet, vorlund = text.index("Soviet"), text.index("Vorlund")
    doc.ents = [
        doc.char_span(soviet, soviet + 6, label="NORP"),
        doc.char_span(vorlund, vorlund + 20, label="WORK_OF_ART"),
    ]
    found = organisations_named_by_kind(doc, "a", [], entity_lexicon())
    assert [(m.text, m.label) for m in found] == [("Open Count", "ORG"), ("Vorlund Renewal", "ORG")]
    assert all(text[m.start : m.end] == m.text for m in found)


@pytest.mark.parametrize(
    ("text", "introduced"),
    [
        ("It joined the opposition Free City bloc on Monday.", True),
        ("It joined the Free City civic bloc on Monday.", True),
        ("It joined the Free City bloc's list.", True),
        ("It joined Free City bloc leaders on Monday.", False),  # no "the": a modifier of "leaders"
        ("It joined the Free City bloc Unity list.", False),  # the word introduces the name after it
        ("Free City met the bloc on Monday.", False),
    ],
)
def test_introduced_by_a_kind_word(text: str, introduced: bool) -> None:
    start = text.index("Free City")
    name = Mention("a", start, start + 9, "Free City", "LOC")
    assert introduced_by_kind(text, name, frozenset({"bloc"})) is introduced
    assert introduced_by_kind(text, name, frozenset()) is False


def test_a_description_repeating_a_kind_phrase_stands_for_the_name_before_that_phrase() -> None:
    """Issue #17: "the territorial commission" after "the Shirak territorial electoral commission", whose
    name the small model tags a person; the one-word "the commission" is left to names holding the word."""
    found = mentions_of(
        "The Korvath Unity Party won the vote. Officials said the Korvath territorial electoral commission "
        "would recount the ballots. The territorial commission began the work on Monday, and the commission "
        "in the capital waited."
    )
    assert by_text(found, "The territorial commission").refers_to == "Korvath"
    assert by_text(found, "the commission").refers_to is None


def test_a_kind_phrase_needs_the_name_to_modify_its_head() -> None:
    """ "The Ministry of the Interior took its online services": the words follow the name, which is the
    subject of a verb, not a modifier of "services"."""
    found = mentions_of(
        "The Ministry of the Interior took its online services offline. The online services returned."
    )
    assert not [m for m in found if m.text == "The online services" and m.refers_to]
