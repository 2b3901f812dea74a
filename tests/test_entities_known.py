"""Organisations the lexicon knows by several names (``entities.known``)."""

from __future__ import annotations

from storyline.records import Article, Mention
from storyline.stages.entities.known import described_known_organisation
from storyline.stages.entities.mentions import extract_mentions
from storyline.stages.entities.resolve import resolve_entities
from storyline.stages.nlp import parse_articles


def test_a_listed_name_is_an_organisation_whatever_ner_tagged_inside_it() -> None:
    """The small model tags "Without Borders" of "Doctors Without Borders" a person (issue #17)."""
    text = "Doctors Without Borders (MSF), which runs a clinic in Velsund, said it was treating 80 patients."
    (parsed,) = parse_articles([Article(id="a", text=text)])
    found = {m.text: m.label for m in extract_mentions(parsed)}
    assert found["Doctors Without Borders"] == "ORG"
    assert "Without Borders" not in found


def test_the_names_of_one_listed_organisation_in_several_languages_are_one_entity() -> None:
    names = [("a", "Doctors Without Borders"), ("b", "Médecins Sans Frontières"), ("c", "MSF")]
    mentions = [Mention(article, 0, len(text), text, "ORG") for article, text in names]
    other = Mention("c", 20, 43, "Reporters Without Borders", "ORG")
    entities = resolve_entities([*mentions, other])
    assert {frozenset(m.text for m in e.mentions) for e in entities} == {
        frozenset(text for _, text in names),
        frozenset({"Reporters Without Borders"}),
    }


def test_a_listed_acronym_counts_only_written_as_an_acronym() -> None:
    """ "PAM" is the World Food Programme in French; "Pam" is a given name."""
    found = resolve_entities(
        [
            Mention("a", 0, 20, "World Food Programme", "ORG"),
            Mention("a", 30, 33, "PAM", "ORG"),
            Mention("b", 0, 3, "Pam", "PERSON"),
        ]
    )
    assert {frozenset(m.text for m in e.mentions) for e in found} == {
        frozenset({"World Food Programme", "PAM"}),
        frozenset({"Pam"}),
    }


def test_the_lower_case_news_names_of_a_listed_organisation_are_its_names() -> None:
    """Issue #17: news writes "the UN refugee agency" and "the EU border agency" for UNHCR and Frontex."""
    names = [("a", "UNHCR"), ("b", "UN refugee agency"), ("c", "Frontex"), ("d", "EU border agency")]
    mentions = [Mention(article, 0, len(text), text, "ORG") for article, text in names]
    entities = resolve_entities(mentions)
    assert {frozenset(m.text for m in e.mentions) for e in entities} == {
        frozenset({"UNHCR", "UN refugee agency"}),
        frozenset({"Frontex", "EU border agency"}),
    }


def _org(text: str, surface: str) -> Mention:
    start = text.index(surface)
    return Mention("a", start, start + len(surface), surface, "ORG")


def test_the_alliance_after_nato_is_nato_unless_a_named_body_holds_the_word() -> None:
    """Issue #17, generalise cable: "NATO said … the alliance would step up patrols"; "the alliance" after
    a "Green Alliance" is that alliance, and "the bloc" needs the EU named before it."""
    text = "A NATO spokesman said in Brussels that the alliance would act. The bloc met."
    nato = _org(text, "NATO")
    found = described_known_organisation("the alliance", text.index("the alliance"), [nato])
    assert found == nato
    assert described_known_organisation("The bloc", text.index("The bloc"), [nato]) is None
    local = "The Green Alliance and NATO disagreed; the alliance said so."
    named = [_org(local, "The Green Alliance"), _org(local, "NATO")]
    assert described_known_organisation("the alliance", local.index("the alliance"), named) is None


def test_the_alliance_in_a_report_naming_nato_is_a_mention_of_nato() -> None:
    text = "The ships were escorted on Monday. NATO said in a statement that the alliance would send more."
    (parsed,) = parse_articles([Article(id="a", text=text)])
    found = {(m.text, m.refers_to) for m in extract_mentions(parsed)}
    assert ("the alliance", "NATO") in found
