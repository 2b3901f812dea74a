"""Tests for the sides a ledger question's claims take (``ledger.sides``)."""

import dataclasses

from factories import make_claim

from storyline.stages.ledger.sides import side_of, spurns_an_offer


def test_rejecting_an_offer_is_no_denial_that_it_was_made() -> None:
    def rejection(text: str, cue: str = "rejected") -> bool:
        return spurns_an_offer(make_claim(text, cue=cue, modality="denied", speaker_text="The governor"))

    # what was put forward, spurned: the offer is taken for granted, nobody's words denied
    assert rejection("the senator's offer to fund a new bridge")
    assert rejection("Senator Ada Morrow's proposal", cue="flatly rejected")
    assert rejection("the plan", cue="turned down")
    assert rejection("the idea of a second count", cue="dismissed")
    # a claim after the noun, or a clause for content, is still denied
    assert not rejection("the idea that she had misled voters")
    assert not rejection("reports she was warned about the plan")
    assert not rejection("claims that the offer was ever made")
    # a denial by another verb, or an asserted content, is no rejection
    assert not rejection("the senator's offer to fund a new bridge", cue="denied")
    assert not spurns_an_offer(make_claim("the senator's offer", cue="rejected", modality="asserted"))


def test_a_spurned_offer_takes_the_affirm_side() -> None:
    spurned = make_claim("the senator's offer to fund a new bridge", cue="rejected", modality="denied")
    denial = make_claim("the senator made any offer", cue="denied", modality="denied")
    assert side_of(spurned) == "affirm"
    assert side_of(denial) == "deny"


def test_a_silence_on_another_thing_is_no_side() -> None:
    from storyline.stages.ledger.sides import silent_on_another_thing

    said = make_claim("council staff were phoning “every hour.", cue="said", speaker_text="Mayor Ruiz")
    unsaid = make_claim(
        "asking the city for a loan", cue="did not at any point mention", modality="unconfirmed"
    )
    assert silent_on_another_thing(unsaid, [said])
    who = make_claim("who made the phone calls", cue="never said", modality="unconfirmed")
    assert not silent_on_another_thing(who, [said])  # the calls again: a silence on the same thing
    # a non-confirmation proper ("could not confirm") is no silence, whatever it shares
    doubt = make_claim("a loan request", cue="could not confirm", modality="unconfirmed")
    assert not silent_on_another_thing(doubt, [said])


def test_a_silence_on_another_thing_takes_no_side() -> None:
    from storyline.stages.ledger.sides import _silent_elsewhere

    said = make_claim("council staff were phoning “every hour.", id="c1", cue="said")
    unsaid = make_claim("asking for a loan", id="c2", cue="did not mention", modality="unconfirmed")
    assert _silent_elsewhere([said, unsaid]) == {"c2"}
    assert _silent_elsewhere([unsaid]) == set()  # nothing else said: kept rather than no position at all


def test_a_quoted_fragment_inside_another_speakers_words_takes_no_side() -> None:
    from storyline.stages.ledger.sides import _quoted_fragments

    text = "Ruiz said the council clerks were shouting “all night long.”"
    outer = make_claim(text[10:], id="c1", cue="said", speaker_text="Ruiz")
    inner = make_claim(text[44:59], id="c2", cue="shouting", speaker_text="the council clerks")
    outer = dataclasses.replace(outer, start=10, end=len(text), cue_start=5, cue_end=9, finite_verbs=(35,))
    inner = dataclasses.replace(inner, start=44, end=59, cue_start=35, cue_end=43, finite_verbs=())
    assert _quoted_fragments([outer, inner]) == {"c2"}
    # a nested claim with a verb of its own ("the clerks said they were tired") still speaks
    assert _quoted_fragments([outer, dataclasses.replace(inner, finite_verbs=(50,))]) == set()
    # verbs unknown: kept
    assert _quoted_fragments([outer, dataclasses.replace(inner, finite_verbs=None)]) == set()
