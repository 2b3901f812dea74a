"""Which claim words a proposition's label, and claims whose speaker is named in their own words, on
sentences written for these tests."""

from __future__ import annotations

import dataclasses

from factories import make_article, make_claim, make_story, span_of

from storyline.records import Claim
from storyline.stages.ledger import build_ledger
from storyline.stages.ledger.evidence import speaker_named_within, voiced_claims

TEXT = (
    "The senator said there's no precedent for prosecuting a case like this one.\n"
    "Two lawmakers argue that there is precedent for prosecution.\n"
)


def clause(text: str, claim_id: str, speaker: str, verb: str) -> Claim:
    """A claim of ``speaker`` whose content ``text`` is a clause with the finite verb ``verb``."""
    article = make_article(TEXT)
    claim = make_claim(text, article=article, id=claim_id, cue="said" if claim_id == "c1" else "argue")
    return dataclasses.replace(claim, speaker=speaker, finite_verbs=(text.index(verb),))


def test_a_label_is_worded_from_another_claim_when_the_central_one_opens_with_a_contraction() -> None:
    denial = clause("there's no precedent for prosecuting a case like this one", "c1", "e-senator", "'s")
    affirmation = clause("there is precedent for prosecution", "c2", "e-lawmakers", "is")
    (question,) = build_ledger(make_story(["a"]), [denial, affirmation], [make_article(TEXT)], [], [])
    assert question.question == "Is there precedent for prosecution?"
    assert {claim for position in question.positions for claim in position.claims} == {"c1", "c2"}


def test_a_fragment_never_words_the_label_of_claims_about_other_things() -> None:
    denial = clause("there's no precedent for prosecuting a case like this one", "c1", "e-senator", "'s")
    fragment = clause("there is precedent for prosecution", "c2", "e-lawmakers", "is")
    fragment = dataclasses.replace(fragment, finite_verbs=())
    assert build_ledger(make_story(["a"]), [denial, fragment], [make_article(TEXT)], [], []) == ()


def test_a_speaker_named_inside_their_own_claim_is_a_misread() -> None:
    text = "While Rivera spoke, he said there is no case against Ortiz."
    claim = make_claim("there is no case against Ortiz", article=make_article(text), cue="said")
    ortiz = span_of(text, "Ortiz")
    spans = {"a": [(*ortiz, "e-ortiz"), (*span_of(text, "Rivera"), "e-rivera")]}
    persons = {"e-ortiz": "Ortiz", "e-rivera": "Rivera"}
    assert speaker_named_within(dataclasses.replace(claim, speaker="e-ortiz"), spans, persons)
    assert not speaker_named_within(dataclasses.replace(claim, speaker="e-rivera"), spans, persons)
    assert not speaker_named_within(claim, spans, persons)  # no resolved speaker: nothing to misread
    # a country names itself ("Moscow denied that Russian troops …"): only people are held to it
    assert not speaker_named_within(dataclasses.replace(claim, speaker="e-ortiz"), spans, {})


def test_words_without_a_speaker_inside_a_speakers_claim_are_that_speakers() -> None:
    text = (
        "Ruiz said there is no belief that the bridge would reopen in May.\n"
        "Ruiz rejected reports that the bridge had cracked.\n"
    )
    article = make_article(text)
    outer = make_claim(
        "there is no belief that the bridge would reopen in May", article=article, speaker_text="Ruiz"
    )
    inner = make_claim("the bridge would reopen in May", article=article, id="c2", cue="belief")
    answered = make_claim(
        "reports that the bridge had cracked", article=article, id="c3", cue="rejected", speaker_text="Ruiz"
    )
    reported = make_claim("the bridge had cracked", article=article, id="c4", cue="reports")
    kept = voiced_claims([outer, inner, answered, reported])
    # the unattributed "the bridge would reopen" is Ruiz's words under "no belief"; the reports Ruiz
    # rejects are the side answered, and stay
    assert [claim.id for claim in kept] == ["c1", "c3", "c4"]
    elsewhere = dataclasses.replace(inner, article="b")
    assert voiced_claims([outer, elsewhere]) == [outer, elsewhere]


def test_a_channel_whose_content_runs_over_a_quotations_attribution_is_no_voice() -> None:
    # issue #14 (PolNeAR second-amendment-isis-founder): the transcript stood against the host's own words
    text = "“The bridge is safe. It will reopen in May,” Ruiz said, according to a recording of the meeting."
    article = make_article(text)
    own = make_claim("The bridge is safe. It will reopen in May", article=article, speaker_text="Ruiz")
    channel = make_claim(
        "It will reopen in May,” Ruiz said",
        article=article,
        id="c2",
        cue="according to",
        speaker_text="a recording of the meeting",
    )
    assert voiced_claims([own, channel]) == [own]
    # must not: a channel telling its own content, and one whose content stops before the attribution
    told = make_claim(
        "The bridge is safe",
        article=make_article("The bridge is safe, according to a recording."),
        id="c3",
        cue="according to",
        speaker_text="a recording",
    )
    assert voiced_claims([told]) == [told]
    before = dataclasses.replace(channel, end=channel.start + len("It will reopen in May"))
    assert voiced_claims([own, before]) == [own, before]
