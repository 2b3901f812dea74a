"""The outlet's own side on a claim it calls false (``claims.framing``), on sentences written for these tests
and parsed with the real spaCy model: a falsity word on the cue adds an outlet-voice claim of the same
content taking the other side; a neutral or distancing cue adds none."""

from __future__ import annotations

import pytest

from storyline.records import Article, Claim
from storyline.stages.claims import extract_claims, outlet_voice_claims, stance_of
from storyline.stages.nlp import parse_articles


def claims_of(text: str) -> list[Claim]:
    parsed = next(parse_articles([Article(id="t", text=text)]))
    return outlet_voice_claims(parsed, extract_claims(parsed, ()), ())


def framed(claims: list[Claim]) -> list[Claim]:
    return [claim for claim in claims if claim.id.startswith("t:f")]


@pytest.mark.parametrize(
    "text",
    [
        "At the rally the mayor erroneously suggested that the inspector was born in Portugal.",
        "Anna Berg, a spokeswoman for the mayor, repeated the charge, wrongly suggesting the inspector "
        "belongs to a group that organises the protests.",
        "The governor falsely claimed that the bridge had been closed for a decade.",
        # derision says the claim is false too
        "The councillor has absurdly claimed that the real owner of the quarry is the bishop.",
        "Now that the mayor has ridiculously claimed that the flood was planned by the water board, he has "
        "some explaining to do.",
        "The councillor repeated his absurd claim that the quarry had been sold to the bishop.",
    ],
)
def test_a_falsity_word_on_the_cue_gives_the_outlet_the_other_side(text: str) -> None:
    claims = claims_of(text)
    outlet = framed(claims)
    assert len(outlet) == 1, [(c.id, c.cue, c.text) for c in claims]
    span = (outlet[0].start, outlet[0].end)
    reported = [c for c in claims if not c.outlet_voice and (c.start, c.end) == span]
    assert reported, [(c.id, c.cue, c.text) for c in claims]
    assert outlet[0].outlet_voice and outlet[0].speaker_text is None
    assert stance_of(reported[0]) == "affirm" and stance_of(outlet[0]) == "deny"


def test_a_false_denial_has_the_outlet_affirm() -> None:
    claims = claims_of("The minister falsely denied that the ministry had paid the consultants.")
    outlet = framed(claims)
    assert len(outlet) == 1, [(c.id, c.cue, c.text) for c in claims]
    assert stance_of(outlet[0]) == "affirm"


@pytest.mark.parametrize(
    "text",
    [
        # neutral or distancing reporting verbs take no side
        "The governor claimed that the bridge had been closed for a decade.",
        "Prosecutors alleged that the company had misled its customers for years.",
        "The mayor insisted that the inspector was biased against the city council.",
        # a word of derision on something else than the cue: a degree ("ridiculously high"), not a verdict
        "The mayor said that the rents in the old town were ridiculously high for young families.",
        # a content the speaker puts negated: what the outlet holds is not the sentence's words
        "The governor falsely claimed that the bridge had never been closed for repairs.",
    ],
)
def test_no_outlet_side_without_a_falsity_word_or_on_a_negated_content(text: str) -> None:
    claims = claims_of(text)
    assert not framed(claims), [(c.id, c.cue, c.text) for c in claims]


def test_a_suggestion_called_false_was_put_forward_unless_the_content_hedges() -> None:
    put = claims_of("At the rally the mayor erroneously suggested that the inspector was born in Portugal.")
    assert [c.modality for c in put if not c.outlet_voice] == ["asserted"]
    hedged = claims_of("At the rally the mayor wrongly suggested that the inspector may have been bribed.")
    assert [c.modality for c in hedged if not c.outlet_voice] == ["hedged"]
    assert [stance_of(c) for c in framed(hedged)] == ["deny"]


def test_a_fact_the_person_ignored_is_the_outlets_statement() -> None:
    claims = claims_of("He continually ignored the fact that the inspector was an American, born in Ohio.")
    stated = [(c.outlet_voice, c.text) for c in claims]
    assert stated == [(True, "the inspector was an American, born in Ohio")]
    acknowledged = claims_of("The mayor acknowledged the fact that the inspector was born in Ohio.")
    assert any(c.speaker_text == "The mayor" for c in acknowledged), [(c.cue, c.text) for c in acknowledged]


def test_a_falsity_word_inside_another_speakers_content_is_not_the_outlets() -> None:
    text = "The farmer has alleged that the mayor falsely claimed that the bridge had been closed."
    claims = claims_of(text)
    assert not framed(claims), [(c.id, c.cue, c.speaker_text, c.text) for c in claims]
