"""The Brief as a Python object: its one-line repr and the speakers contract of its positions."""

from __future__ import annotations

from factories import make_article, make_position, make_question, make_story
from report_sample import build_brief

from storyline.records import Brief, Entity
from storyline.report import validate_brief


def _brief_with_speakers(*speakers: str) -> Brief:
    question = make_question("Did it happen?", make_position("c1", speakers=speakers, stance="affirm"))
    return Brief(
        articles=(make_article("x " * 5000),),
        entities=(Entity("nis", "National Intelligence Service", "ORG"),),
        stories=(make_story(["a"], questions=(question,)),),
    )


def test_repr_is_one_short_line() -> None:
    brief = build_brief()
    text = repr(brief)
    assert text == "<Brief: 3 articles, 3 entities, 8 claims, 2 stories, 2 skipped>"
    assert brief.articles[0].text[:20] not in text
    assert "\n" not in repr(_brief_with_speakers("nis"))


def test_markdown_repr_agrees_with_repr() -> None:
    assert build_brief()._repr_markdown_() == (
        "**Storyline brief**: 3 articles, 3 entities, 8 claims, 2 stories, 2 skipped"
    )


def test_position_speakers_hold_entity_ids_only() -> None:
    position = _brief_with_speakers("nis", "a senior official", "nis").stories[0].questions[0].positions[0]
    assert position.speakers == ("nis", "nis")  # ids as the ledger listed them
    assert position.speaker_texts == ("a senior official",)


def test_split_leaves_resolved_positions_untouched() -> None:
    brief = _brief_with_speakers("nis")
    again = Brief(articles=brief.articles, entities=brief.entities, stories=brief.stories)
    assert again.stories[0] is brief.stories[0]
    assert brief.stories[0].questions[0].positions[0].speaker_texts == ()


def test_speaker_texts_are_in_the_json_contract() -> None:
    data = _brief_with_speakers("nis", "Moscow").to_dict()
    validate_brief(data)
    position = data["stories"][0]["questions"][0]["positions"][0]
    assert (position["speakers"], position["speaker_texts"]) == (["nis"], ["Moscow"])
