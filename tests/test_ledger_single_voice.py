"""Propositions one voice answers (``ledger.single_voice``), on sentences written for these tests: kept as
single-source questions when carried twice, listed below every question two sources take part in."""

from __future__ import annotations

import dataclasses

from factories import make_article, make_claim, make_position, make_question, make_story

from storyline.config import DEFAULT_SETTINGS
from storyline.records import Claim
from storyline.stages.ledger import build_ledger
from storyline.stages.ledger.single_voice import single_voice_question, worth_alone

SETTINGS = DEFAULT_SETTINGS.ledger
BRIDGE = "The harbour minister said the eastern bridge will reopen to lorries in May after the repairs."
BRIDGE_AGAIN = (
    "On Friday the harbour minister said again that the eastern bridge will reopen to lorries in May."
)
FERRY = "The port authority said the night ferry to the islands was cancelled because of the storm."
FERRY_TOO = "The coast guard said the night ferry to the islands was cancelled because of the storm."


def voiced(text: str, article_text: str, article: str, claim_id: str, after: int = 0) -> Claim:
    """The minister's claim (an entity id) whose content is ``text``, a clause, in ``article``."""
    claim = make_claim(text, article=make_article(article_text, id=article), id=claim_id, after=after)
    return dataclasses.replace(claim, speaker="e-minister", finite_verbs=(text.index(" will ") + 1,))


def test_one_voice_carried_by_two_articles_or_two_sentences_is_worth_a_question() -> None:
    content = "the eastern bridge will reopen to lorries in May"
    first = voiced(content, BRIDGE, "a1", "c1")
    assert not worth_alone([first], SETTINGS)  # said once: the story's body, not a question
    assert worth_alone([first, voiced(content, BRIDGE_AGAIN, "a2", "c2")], SETTINGS)
    text = BRIDGE + " " + BRIDGE_AGAIN
    second = voiced(content, text, "a1", "c2", after=len(BRIDGE))
    assert worth_alone([first, second], SETTINGS)


def test_nested_claims_of_one_sentence_count_once() -> None:
    outer = voiced("the eastern bridge will reopen to lorries in May", BRIDGE, "a1", "c1")
    inner = dataclasses.replace(outer, id="c2", start=outer.start + 4, end=outer.end - 7)
    assert not worth_alone([outer, inner], SETTINGS)


def test_no_question_for_an_unnamed_voice_or_a_phrase() -> None:
    content = "the eastern bridge will reopen to lorries in May"
    pair = [voiced(content, BRIDGE, "a1", "c1"), voiced(content, BRIDGE_AGAIN, "a2", "c2")]
    unnamed = [dataclasses.replace(claim, speaker=None, speaker_text="he") for claim in pair]
    assert not worth_alone(unnamed, SETTINGS)
    phrases = [dataclasses.replace(claim, finite_verbs=()) for claim in pair]
    assert not worth_alone(phrases, SETTINGS)


def test_no_question_for_one_voice_on_both_sides() -> None:
    articles = [make_article(BRIDGE, id="a1", outlet="Daily"), make_article(BRIDGE_AGAIN, id="a2")]
    content = "the eastern bridge will reopen to lorries in May"
    affirms = voiced(content, BRIDGE, "a1", "c1")
    denies = dataclasses.replace(voiced(content, BRIDGE_AGAIN, "a2", "c2"), modality="denied")
    assert build_ledger(make_story(articles), [affirms, denies], articles, [], []) == ()
    kept = build_ledger(
        make_story(articles), [affirms, dataclasses.replace(denies, modality="asserted")], articles, [], []
    )
    assert len(kept) == 1  # the same voice on one side, twice: its question


def test_the_reason_names_the_voice_and_the_outlets() -> None:
    question = make_question(
        "Will the eastern bridge reopen?",
        make_position("c1", "c2", speakers=("e-minister",), outlets=("Daily", "Courier"), stance="affirm"),
        status="corroborated",
    )
    alone = single_voice_question(question, {"e-minister": "Ana Ruiz"})
    assert alone.status == "single-source"
    assert alone.status_reason == "one source (Ana Ruiz), carried by Daily and Courier"


def test_the_ledger_keeps_one_voice_below_a_question_two_sources_answer() -> None:
    articles = [
        make_article(BRIDGE + "\n" + FERRY, id="a1", outlet="Daily"),
        make_article(BRIDGE_AGAIN + "\n" + FERRY_TOO, id="a2", outlet="Courier"),
    ]
    bridge = "the eastern bridge will reopen to lorries in May"
    ferry = "the night ferry to the islands was cancelled because of the storm"
    claims = [
        voiced(bridge, articles[0].text, "a1", "c1"),
        dataclasses.replace(voiced(bridge, articles[1].text, "a2", "c2")),
        dataclasses.replace(
            make_claim(ferry, article=articles[0], id="c3"),
            speaker="e-port",
            finite_verbs=(ferry.index(" was"),),
        ),
        dataclasses.replace(
            make_claim(ferry, article=articles[1], id="c4"),
            speaker="e-coast",
            finite_verbs=(ferry.index(" was"),),
        ),
    ]
    questions = build_ledger(make_story(articles), claims, articles, [], [])
    held = [{claim for position in q.positions for claim in position.claims} for q in questions]
    assert held == [{"c3", "c4"}, {"c1", "c2"}]  # the two-source question first
    assert questions[0].status == "corroborated"
    assert questions[1].status == "single-source"
    assert questions[1].status_reason == "one source (e-minister), carried by Daily and Courier"
