"""Claims no side can be read from stay claims and take no position (``ledger.unreadable``), and figures told
as background are no question (``ledger.background``), and "the allegations" takes no content from a sentence
that only tells of them (``ledger.story_reading``): precision before recall (issue #14)."""

from __future__ import annotations

from factories import make_article, make_claim, make_quantity, make_story

from storyline.config import DEFAULT_SETTINGS
from storyline.stages.ledger.background import told_as_background
from storyline.stages.ledger.counted import Measure
from storyline.stages.ledger.story_reading import read_story
from storyline.stages.ledger.unreadable import (
    addressed_to_hearer,
    ascribed,
    judges_unnamed_antecedent,
    left_unsaid,
    opens_on_relative_pronoun,
    quotes_anothers_words,
    side_unreadable,
    solicits_views,
    someone_unnamed,
    unnamed_set_speaker,
)


def test_a_speaker_named_only_as_an_unnamed_set_takes_no_side() -> None:
    assert unnamed_set_speaker(make_claim("the mayor should resign", cue="argue", speaker_text="those"))
    assert unnamed_set_speaker(make_claim("the dam will hold", cue="say", speaker_text="Some"))
    # a resolved speaker, a personal pronoun and a named group are speakers the reader can weigh
    assert not unnamed_set_speaker(
        make_claim("the dam will hold", cue="say", speaker_text="some", speaker="e-engineers")
    )
    assert not unnamed_set_speaker(make_claim("the dam will hold", cue="said", speaker_text="he"))
    assert not unnamed_set_speaker(make_claim("the dam will hold", cue="said", speaker_text="engineers"))


def test_a_content_that_is_a_relative_clause_takes_no_side() -> None:
    # issue #14 (PolNeAR police-shootings): "his hands, which he said were at his side" affirmed a question
    # about a video of an officer's gun
    assert opens_on_relative_pronoun(make_claim("which he said were locked at the time"))
    assert opens_on_relative_pronoun(make_claim("who the police said had left the valley"))
    assert side_unreadable(make_claim("which he said were locked at the time"))
    # a content naming its own subject, or one opening with "what", takes a side
    assert not opens_on_relative_pronoun(make_claim("the gates were locked at the time"))
    assert not opens_on_relative_pronoun(make_claim("what the engineers saw was a crack"))


def test_a_content_whose_subject_is_a_bare_demonstrative_takes_no_side() -> None:
    assert judges_unnamed_antecedent(make_claim("And that was reckless and cruel."))
    assert judges_unnamed_antecedent(make_claim("this is a disgrace"))
    assert judges_unnamed_antecedent(make_claim("That's not how a mayor behaves"))
    # a demonstrative before a noun, or a content that names what it judges, says what it is about
    assert not judges_unnamed_antecedent(make_claim("that bridge was never inspected"))
    assert not judges_unnamed_antecedent(make_claim("the mayor was reckless"))
    assert not judges_unnamed_antecedent(make_claim("the report said that was untrue"))


def test_the_outlet_retelling_what_someone_meant_is_no_second_source() -> None:
    retold = make_claim("He implied the inspectors were bribed.", cue="")
    assert ascribed(retold) and side_unreadable(retold)
    # with its cue, "implied" is the person's position (PolNeAR's gold reads it so)
    assert not ascribed(make_claim("the inspectors were bribed", cue="implied", speaker_text="He"))
    assert not ascribed(make_claim("He inspected the dam twice.", cue=""))


def test_what_a_speaker_did_not_even_suggest_is_no_doubt_of_it() -> None:
    unsaid = make_claim("the mayor would run again", cue="even suggesting", modality="unconfirmed")
    assert left_unsaid(unsaid) and side_unreadable(unsaid)
    # a speaker who could not confirm a thing doubts it; one who suggested it affirms it
    assert not left_unsaid(make_claim("the mayor would run again", cue="confirm", modality="unconfirmed"))
    assert not left_unsaid(make_claim("the mayor would run again", cue="suggested"))


def test_words_said_to_a_named_hearer_take_no_side() -> None:
    spoken_to = make_claim("Mr. Lee, you're a doctor", cue="say", speaker_text="they")
    assert addressed_to_hearer(spoken_to) and side_unreadable(spoken_to)
    assert addressed_to_hearer(make_claim("Madam Mayor, your plan will fail"))
    # a name that opens a sentence before its own clause, or a date, calls no one
    assert not addressed_to_hearer(make_claim("Mr. Lee, who is a doctor, treated them"))
    assert not addressed_to_hearer(make_claim("In 2016, you could buy a house there"))
    assert not addressed_to_hearer(make_claim("Mr. Lee is a doctor"))


def test_asking_others_for_their_views_takes_no_side() -> None:
    # issue #14 (PolNeAR mexico-visit-wall): a page of readers' comments opens by telling what it asked
    assert solicits_views(make_claim("We asked our readers their thoughts on the new stadium deal."))
    assert solicits_views(make_claim("The council invited residents' views on the plan"))
    assert side_unreadable(make_claim("We asked our followers for their opinions about the merger"))
    # asking someone to act, or asking a question of fact, states a side the ledger can read
    assert not solicits_views(make_claim("the mayor asked the council to approve the deal"))
    assert not solicits_views(make_claim("the reporters asked whether the dam would hold, and he said yes"))
    assert not solicits_views(make_claim("she shared her thoughts on the deal after she was asked"))


def test_the_ledger_reads_no_side_from_an_unreadable_claim() -> None:
    # the critic's "that was unfair" shares "unfair" with the mayor's complaint, but judges something else
    text = "The mayor said the council had been unfair to him. Ms. Reyes said: And that was unfair."
    article = make_article(text, id="a")
    claims = [
        make_claim("the council had been unfair to him", article=article, id="c1", speaker_text="The mayor"),
        make_claim("And that was unfair.", article=article, id="c2", speaker_text="Ms. Reyes"),
    ]
    reading = read_story(make_story([article]), claims, [article], [], [], DEFAULT_SETTINGS.ledger, None)
    assert [claim.id for claim in reading.claims] == ["c1"]


def _measure(text: str, figure: str, value: float, unit: str, cue: str = "") -> Measure:
    quantity = make_quantity(figure, value, within=text, unit=unit)
    claim = make_claim(text, id="c1", quantities=(quantity,), cue=cue)
    return Measure(claim, quantity, unit, frozenset(), frozenset(), None, False)


def _background(measure: Measure) -> bool:
    return told_as_background([measure], {"a": measure.claim.text})


def test_a_figure_the_sentence_dates_itself_by_is_background() -> None:
    after = "The minister has faced sharp questions following three deadly floods in May."
    assert _background(_measure(after, "three deadly floods", 3, "flood"))
    # the same figure as what the sentence asserts is the story's
    asserted = "Three deadly floods struck the valley in May."
    assert not _background(_measure(asserted, "Three deadly floods", 3, "flood"))


def test_a_figure_that_places_a_person_in_a_set_is_background() -> None:
    text = "Ana Ruiz, whose brother was one of six miners trapped in the 2019 collapse, spoke on Monday."
    assert _background(_measure(text, "six miners", 6, "miner"))


def test_a_background_reading_needs_one_claim_in_the_outlets_voice() -> None:
    text = "The minister has faced sharp questions following three deadly floods in May."
    # a speaker's figure is a position of theirs, whatever its syntax
    assert not _background(_measure(text, "three deadly floods", 3, "flood", cue="said"))


def _antecedents(text: str, first: str, first_speaker: str | None) -> dict[str, str]:
    article = make_article(text, id="a")
    claims = [
        make_claim(
            first, article=article, id="c1", cue="said" if first_speaker else "", speaker_text=first_speaker
        ),
        make_claim("the allegations had no substance", article=article, id="c2", speaker_text="His lawyer"),
    ]
    reading = read_story(make_story([article]), claims, [article], [], [], DEFAULT_SETTINGS.ledger, None)
    return reading.antecedent


def test_the_allegations_stand_for_the_claim_that_makes_them_not_one_that_tells_of_them() -> None:
    made = "A contractor said the mayor took bribes. His lawyer said the allegations had no substance."
    assert _antecedents(made, "the mayor took bribes", "A contractor") == {"c2": "c1"}
    # a speaker's own response before the reference is the same response: it stays the antecedent
    same = (
        "His lawyer said the mayor never took a bribe and the allegations were invented. "
        "He said the allegations had no substance."
    )
    assert _antecedents(
        same, "the mayor never took a bribe and the allegations were invented", "His lawyer"
    ) == {"c2": "c1"}
    told = (
        "The bribery allegations were raised during the campaign by his rivals. "
        "His lawyer said the allegations had no substance."
    )
    assert (
        _antecedents(told, "The bribery allegations were raised during the campaign by his rivals.", None)
        == {}
    )


def test_he_or_she_told_by_several_people_names_no_one_the_ledger_can_name() -> None:
    # issue #14 (PolNeAR manafort-shake-up): "he" (a man named before) was credited to Trump
    content = "he will be part of efforts to prepare the candidate for the debate"
    assert someone_unnamed(
        make_claim(content, cue="according to", speaker_text="three people briefed on the discussions")
    )
    assert side_unreadable(make_claim(content, cue="said", speaker_text="campaign officials"))
    # one speaker's "he" is most often the speaker; a named subject is no pronoun
    assert not someone_unnamed(make_claim(content, cue="said", speaker_text="the adviser"))
    assert not someone_unnamed(
        make_claim("the adviser will be part of efforts", cue="said", speaker_text="three people")
    )


def test_the_outlet_quoting_someones_words_after_a_possessive_does_not_state_them() -> None:
    # issue #14 (PolNeAR second-amendment-isis-founder): a headline mentioning a claim stood as affirming it
    for headline in (
        "Council blames press for the mayor's 'the dam was never at risk' gaffe.",
        "Engineers mock the mayor’s “safest dam in Europe” boast",
        "Critics seize on Lee's ‘the levee will hold’ promise after the flood",
    ):
        mention = make_claim(headline, cue="")
        assert quotes_anothers_words(mention) and side_unreadable(mention)
    # must not: a speaker's own words, a one-word label, a possessive with no quotation, a quotation with none
    assert not quotes_anothers_words(make_claim("the mayor's 'the dam was never at risk' gaffe", cue="said"))
    assert not quotes_anothers_words(make_claim("The mayor's 'rigged' claim is false.", cue=""))
    assert not quotes_anothers_words(make_claim("The mayor's dam was never inspected.", cue=""))
    assert not quotes_anothers_words(
        make_claim("The dam was 'never at risk,' the mayor's office said.", cue="")
    )
    assert not quotes_anothers_words(
        make_claim("It's 'a disgrace', the paper wrote in its editorial.", cue="")
    )
