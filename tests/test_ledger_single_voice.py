"""Propositions one voice answers (``ledger.single_voice``), on sentences written for these tests: kept as
single-source questions when carried twice, listed below every question two sources take part in."""

from __future__ import annotations

import dataclasses
from typing import Any

from factories import make_article, make_claim, make_position, make_quantity, make_question, make_story

from storyline.config import DEFAULT_SETTINGS
from storyline.records import Claim
from storyline.stages.ledger import build_ledger
from storyline.stages.ledger.counted import Measure
from storyline.stages.ledger.sides import Context
from storyline.stages.ledger.single_voice import (
    one_voice_figure,
    one_voice_figure_label,
    single_voice_question,
    worth_alone,
)

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


def test_no_question_for_one_voices_quip() -> None:
    quip = "the eastern bridge is like a lorry with the dumbest driver ever"
    texts = [f"The harbour minister said {quip}.", f"On Friday the harbour minister said again {quip}."]
    pair = [
        dataclasses.replace(
            make_claim(quip, article=make_article(text, id=f"a{n}"), id=f"c{n}"),
            speaker="e-minister",
            finite_verbs=(quip.index(" is ") + 1,),
        )
        for n, text in enumerate(texts, 1)
    ]
    assert not worth_alone(pair, SETTINGS)
    # the same voice's checkable statement, carried twice, is worth its question
    content = "the eastern bridge will reopen to lorries in May"
    assert worth_alone(
        [voiced(content, BRIDGE, "a1", "c1"), voiced(content, BRIDGE_AGAIN, "a2", "c2")], SETTINGS
    )


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


def _figure(text: str, figure: str, value: float, speaker: str | None = "e-mayor", **fields: Any) -> Measure:
    """``figure``, a sum in dollars, in a claim whose content is ``text``, the whole of article "a", stated
    by ``speaker`` in a finite clause."""
    quantity = make_quantity(figure, value, within=text, unit="USD")
    claim = make_claim(text, quantities=(quantity,), speaker=speaker, finite_verbs=(0,), **fields)
    return Measure(claim, quantity, "USD", frozenset(), frozenset(), None, False)


def _asked(label: str, measure: Measure) -> str | None:
    texts = {"a": measure.claim.text}
    return one_voice_figure(label, [measure], Context({}, {}, SETTINGS, {"e-mayor": "Ana Ruiz"}, texts))


def test_one_named_voices_sum_is_asked_with_what_it_is_for() -> None:
    # issue #14 (PolNeAR mexico-visit-wall): the outlet's own "$120 million for a tunnel-detection project"
    provided = "the council provided about $120 million for a flood barrier on the river, the paper said"
    outlet = _figure(provided, "$120 million", 1.2e8, speaker=None, cue="")  # the outlet's own
    asked = "How much money did the council provide for a flood barrier on the river?"
    assert _asked("How much money did the council provide?", outlet) == asked
    assert _asked(asked, outlet) == asked  # the phrase is not asked twice
    # a pronoun subject, no named voice, a projection ("would"), no verb: not asked alone
    assert _asked("How much money did they provide?", outlet) is None
    assert (
        _asked("How much money did the council provide?", _figure(provided, "$120 million", 1.2e8, None))
        is None
    )
    projected = _figure("the council would provide $120 million", "$120 million", 1.2e8)
    assert _asked("How much money did the council provide?", projected) is None
    assert _asked("How much money?", outlet) is None
    off = Context({}, {}, dataclasses.replace(SETTINGS, single_voice_figures=False), {}, {"a": provided})
    assert one_voice_figure("How much money did the council provide?", [outlet], off) is None


def test_a_he_or_she_subject_of_one_voices_figure_is_the_speaker() -> None:
    # issue #14 (PolNeAR dnc-email-leak): "He said he's raised about $100,000 in the 72 hours since …"
    raised = _figure("she has raised about $100,000 since the flood", "about $100,000", 1e5)
    names = {"e-mayor": "Ana Ruiz"}
    label = "How much money did she raise?"
    assert one_voice_figure_label(label, [raised], names) == "How much money did Ana Ruiz raise?"
    assert one_voice_figure_label(label, [raised], {}) == label  # an unresolved speaker: left as it is
    unsaid = _figure("she has raised about $100,000 since the flood", "about $100,000", 1e5, speaker=None)
    assert one_voice_figure_label(label, [unsaid], names) == label
    they = "How much money did they raise?"
    assert one_voice_figure_label(they, [raised], names) == they  # "they" is seldom the speaker alone
