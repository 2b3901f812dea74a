"""Question corrections judge the status again (``storyline.corrections.questions``): merging two
questions of one speaker's values on successive dates gives a series, not a contest with themself; two
speakers' values stay contested. Briefs built by hand, no store."""

from __future__ import annotations

from storyline.corrections import Correction, apply_corrections
from storyline.records import Brief, Entity, Question
from tests.factories import make_article, make_claim, make_position, make_question, make_story

TEXT = "The governor said 38 people died. On Tuesday the governor said 44 people had died."


def _merged(first_speaker: str, second_speaker: str) -> Question:
    article = make_article(TEXT, id="a1")
    first = make_claim("38 people died", article=article, id="c1", speaker=first_speaker)
    second = make_claim("44 people had died", article=article, id="c2", speaker=second_speaker)
    early = make_position("c1", speakers=(first_speaker,), value=38.0, earliest="2026-05-10")
    late = make_position("c2", speakers=(second_speaker,), value=44.0, earliest="2026-05-11")
    questions = (
        make_question("How many people died?", early, id="q1", unit="people"),
        make_question("How many people had died?", late, id="q2", unit="people"),
    )
    people = tuple(
        Entity(id=speaker, name=speaker.title(), type="PERSON") for speaker in {first_speaker, second_speaker}
    )
    brief = Brief(
        articles=(article,),
        entities=people,
        claims=(first, second),
        stories=(make_story([article], questions=questions),),
    )
    merge = Correction(kind="merge-questions", targets=("q1", "q2"))
    corrected = apply_corrections(brief, [merge])
    assert corrected.corrections[0].applied, corrected.corrections[0].summary
    (question,) = corrected.stories[0].questions
    return question


def test_one_speakers_values_on_two_days_merge_into_a_series() -> None:
    question = _merged("governor", "governor")
    assert question.status == "series"
    assert "latest 44" in question.status_reason


def test_two_speakers_values_merge_into_a_contest() -> None:
    question = _merged("governor", "mayor")
    assert question.status == "contested"
