"""Question ids unique within a story and stable across runs (``ledger.question_ids``)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from factories import make_article, make_claim, make_quantity, make_question, make_story

from storyline.records import Article, Claim
from storyline.stages.ledger import build_ledger
from storyline.stages.ledger.question_ids import DuplicateQuestionIdError, check_unique_ids, question_id

TALLY = "the council counted 310 ballots by noon and rejected 42 ballots as spoiled"
COUNTS = (("310 ballots", 310, "did the council count"), ("42 ballots", 42, "did the council reject"))


def _report(article_id: str, outlet: str, speaker: str, figures=COUNTS) -> tuple[Article, Claim]:
    """One outlet's article whose ``speaker`` says ``TALLY``: one claim, two figures of one unit."""
    text = f"{speaker} said {TALLY}."
    article = make_article(text, id=article_id, outlet=outlet)
    quantities = tuple(
        replace(make_quantity(figure, value, within=text, unit="ballot"), predicate=predicate)
        for figure, value, predicate in figures
    )
    claim = make_claim(
        TALLY, article=article, id=f"c-{article_id}", speaker_text=speaker, quantities=quantities
    )
    return article, replace(claim, speaker=f"e-{article_id}", finite_verbs=(TALLY.index(" ") + 1,))


def _ids(reports: list[tuple[Article, Claim]]) -> dict[str, str]:
    """Question label -> id of the story of ``reports``."""
    articles = [article for article, _ in reports]
    claims = [claim for _, claim in reports]
    questions = build_ledger(make_story(articles), claims, articles, [], [])
    return {question.question: question.id for question in questions}


def test_one_claims_two_counts_of_one_unit_are_two_ids() -> None:
    # two outlets each give both counts in one sentence: both measured things hold the same two claims and
    # the same unit, and once shared one id (PolNeAR clinton-clinches, "71 short" and the 2,383 needed)
    reports = [_report("a1", "Daily", "The clerk"), _report("a2", "Herald", "The registrar")]
    ids = _ids(reports)
    assert len(ids) == 2
    assert len(set(ids.values())) == 2
    # stable: another run, and the same records given in another order, give each question its id
    assert _ids(reports) == ids
    assert _ids(reports[::-1]) == ids


def test_a_measured_thing_no_other_shares_keeps_its_id() -> None:
    # ids already stored (analysts' corrections, the server's snapshots) find their question again: a key
    # that tells its question apart is unit and claims alone, as before
    reports = [
        _report("a1", "Daily", "The clerk", COUNTS[:1]),
        _report("a2", "Herald", "The registrar", COUNTS[:1]),
    ]
    assert set(_ids(reports).values()) == {question_id("s", "ballot:c-a1,c-a2")}


def test_a_shared_id_is_an_error_naming_both_questions() -> None:
    counted = make_question("How many ballots did the council count?", id="q-1")
    rejected = make_question("How many ballots did the council reject?", id="q-1")
    check_unique_ids("s", [counted, replace(rejected, id="q-2")])
    with pytest.raises(DuplicateQuestionIdError, match=r"count.*reject.*q-1"):
        check_unique_ids("s", [counted, rejected])
