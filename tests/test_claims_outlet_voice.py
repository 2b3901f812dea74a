"""Outlet-voice claims (``claims.outlet_voice``), on sentences written for these tests and parsed with the
real spaCy model: an announcement of the announcer's own coming act is the outlet's report of it."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc, Span

from storyline.records import Article, Claim
from storyline.stages.claims import extract_claims, outlet_voice_claims
from storyline.stages.claims.outlet_voice import _is_statement
from storyline.stages.nlp import parse_articles


def claims_of(text: str) -> list[Claim]:
    parsed = next(parse_articles([Article(id="t", text=text)]))
    return outlet_voice_claims(parsed, extract_claims(parsed, ()), ())


@pytest.mark.parametrize(
    "text",
    [
        "Council Chair Anna Berg announced Sunday she will resign her post after the budget vote.",
        "Mayor Tom Reed announced that he would not seek a third term.",
    ],
)
def test_an_announcement_of_ones_own_coming_act_is_the_outlets_report(text: str) -> None:
    claims = claims_of(text)
    assert len(claims) == 1 and claims[0].outlet_voice, claims
    assert claims[0].text.startswith(("she will", "he would")) and claims[0].via_text


def test_an_announcement_about_someone_else_stays_the_announcers() -> None:
    text = "On Tuesday, Director Tom Reed announced that the mayor would be careless with the funds."
    claims = claims_of(text)
    assert [(claim.speaker_text, claim.cue) for claim in claims] == [("Director Tom Reed", "announced")]


def test_a_transcripts_capitalised_leads_are_speakers_a_lone_dateline_is_not() -> None:
    transcript = (
        '"BRENNAN: Let us start with the vote. And she has accepted that invitation.\n\n'
        '"ORTIZ: Well, look, the voters have an important choice to make on Tuesday.\n\n'
        '"BRENNAN: But the council said the count would be fair and quick.\n\n'
        '"ORTIZ: The council has been wrong about the count for three years now.'
    )
    leads = [claim.speaker_text for claim in claims_of(transcript) if claim.cue == ":"]
    assert leads == ["BRENNAN", "ORTIZ", "BRENNAN", "ORTIZ"]
    dateline = claims_of("WASHINGTON: The senator said the bill would pass on Monday.")
    assert not [claim for claim in dateline if claim.cue == ":"], dateline


@pytest.mark.parametrize(
    "text",
    [
        "Everyone in town can see it. He knows this bridge scheme will hurt the families who live nearby.",
        "Mayors of both parties have understood that it is necessary to show their budgets to the voters.",
    ],
)
def test_the_clause_under_a_factive_verb_is_the_outlets(text: str) -> None:
    clauses = ("this bridge", "it is necessary")
    factive = [claim for claim in claims_of(text) if claim.text.startswith(clauses)]
    assert factive and all(claim.outlet_voice for claim in factive), claims_of(text)


@pytest.mark.parametrize(
    "text",
    [
        "The mayor does not know whether the bridge will close in May.",
        "With the records we would know exactly what repairs the bridge will need in May.",
        "“The mayor knows the bridge will close in May,” Anna Berg said.",
    ],
)
def test_an_embedded_question_or_a_quoted_factive_is_no_outlet_statement(text: str) -> None:
    assert not any(claim.outlet_voice and "bridge will" in claim.text for claim in claims_of(text))


def test_a_quoted_title_in_narration_leaves_the_sentence_to_the_outlet_other_quotations_do_not() -> None:
    titled = "The senator, who hosts the weekly show “Ask the Senate,” lost his temper over the budget cuts."
    assert [(claim.outlet_voice, claim.text) for claim in claims_of(titled)] == [(True, titled)]
    # words in quotation marks that are no title are someone's, and the outlet does not state them
    quoted = "The senator, who called the plan “a disgrace,” lost his temper over the budget cuts."
    assert not any(claim.outlet_voice for claim in claims_of(quoted))


def test_a_scare_quoted_word_leaves_the_sentence_to_the_outlet() -> None:
    # one lower-case word the writer holds at a distance; the sentence is still the writer's
    scare = "The ferry company sold “premium” cabins that were no larger than the others on the deck."
    assert [(claim.outlet_voice, claim.text) for claim in claims_of(scare)] == [(True, scare)]
    # a quoted phrase is someone's words: no outlet claim
    for quoted in ("“very large premium”", "“roomy and quiet”"):
        text = f"The ferry company sold {quoted} cabins that were no larger than the others on the deck."
        assert not any(claim.outlet_voice for claim in claims_of(text))


def test_a_titled_work_that_tells_something_is_no_fact_of_the_outlets() -> None:
    text = "The new spot, titled “Fair Share,” features a report that the senator paid no tax for years."
    assert not any(claim.outlet_voice for claim in claims_of(text))


def test_a_quotation_mark_opening_the_next_sentence_leaves_the_narration_a_statement() -> None:
    # the parser ends the narration on the mark that opens the quotation after it
    narration = "Border agents have worked with the local police to develop informants along the river."
    text = f"{narration} ''But you never know what is down there,'' said Dana Cole, a former official."
    assert (True, narration) in [(claim.outlet_voice, claim.text) for claim in claims_of(text)]


def _tagged(words: list[str], tags: list[str], heads: list[int], deps: list[str]) -> Span:
    """A hand-tagged sentence: the tagger's misreading of a past tense as a participle depends on context."""
    return Doc(spacy.blank("en").vocab, words=words, tags=tags, heads=heads, deps=deps)[:]


def test_a_root_participle_with_a_subject_and_no_auxiliary_is_a_misread_past_tense() -> None:
    words = ["The", "charity", "then", "paid", "two", "million", "dollars", "to", "the", "firms", "."]
    tags = ["DT", "NN", "RB", "VBN", "CD", "CD", "NNS", "IN", "DT", "NNS", "."]
    heads = [1, 3, 3, 3, 5, 6, 3, 3, 9, 7, 3]
    deps = ["det", "nsubj", "advmod", "ROOT", "compound", "nummod", "dobj", "prep", "det", "pobj", "punct"]
    sentence = _tagged(words, tags, heads, deps)
    assert _is_statement(sentence, sentence.text)
    # with an auxiliary the participle is no past tense, and no finite verb is left
    passive = _tagged(
        ["The", "charity", "was", "paid", "two", "million", "dollars", "by", "the", "firms", "."],
        [*tags[:2], "XX", *tags[3:]],
        heads,
        [*deps[:2], "auxpass", *deps[3:]],
    )
    assert not _is_statement(passive, passive.text)


def test_a_participle_phrase_with_no_subject_is_no_statement() -> None:
    # a caption-like fragment: no subject, no finite verb
    assert not claims_of("Pictured above at the rally in Phoenix on a hot and windy evening.")
