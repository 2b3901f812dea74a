"""The modality rules of ``claims.modality`` on sentences written for these tests, parsed with the real
spaCy model: what the cue decides, what the content's main clause decides, and the stance the ledger reads.
"""

from __future__ import annotations

import pytest
from factories import make_claim

from storyline.records import Article, Claim, Modality
from storyline.stages.claims import extract_claims, outlet_voice_claims, stance_of
from storyline.stages.claims.modality import MODALITY_STRENGTH, stronger
from storyline.stages.nlp import parse_articles


def claims_of(text: str) -> list[Claim]:
    parsed = next(parse_articles([Article(id="t", text=text)]))
    return extract_claims(parsed, ())


def outlet_claim(text: str) -> Claim:
    parsed = next(parse_articles([Article(id="t", text=text)]))
    claims = outlet_voice_claims(parsed, extract_claims(parsed, ()), ())
    assert len(claims) == 1 and claims[0].outlet_voice, [(c.cue, c.text) for c in claims]
    return claims[0]


def claim_with_cue(text: str, cue: str) -> Claim:
    matching = [claim for claim in claims_of(text) if claim.cue == cue]
    assert len(matching) == 1, [(claim.cue, claim.text) for claim in claims_of(text)]
    return matching[0]


# --- decided by the cue -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "cue", "modality"),
    [
        # a denial noun (denials.toml "nouns"); another noun cue leaves the content to decide
        ("The ministry issued a denial that its troops had crossed the border.", "denial", "denied"),
        ("The ministry's claim that its troops had crossed the border came late.", "claim", "asserted"),
        # a refusal: to comment refuses the content, to confirm leaves it open
        (
            "A spokesman declined to comment on reports that troops had crossed the border.",
            "declined to comment",
            "denied",
        ),
        (
            "A spokesman declined to confirm that troops had crossed the border.",
            "declined to confirm",
            "unconfirmed",
        ),
        # a negated confirm verb, and a negated subject
        ("Officials could not confirm that the convoy had arrived.", "could not confirm", "unconfirmed"),
        ("No official confirmed that the convoy had arrived.", "confirmed", "unconfirmed"),
        # a denial verb, a label that denies, a hedging cue
        ("The ministry denied that its troops had crossed the border.", "denied", "denied"),
        ("The Kremlin called the reports a hoax.", "called the reports a hoax", "denied"),
        ("The minister suggested that the army sent soldiers to the border.", "suggested", "hedged"),
        # a hedge adverb passing on what unnamed others say
        ("The video allegedly shows soldiers crossing the river.", "allegedly", "hedged"),
    ],
)
def test_the_cue_decides(text: str, cue: str, modality: Modality) -> None:
    assert claim_with_cue(text, cue).modality == modality


def test_a_hedge_adverb_claim_has_no_speaker() -> None:
    claim = claim_with_cue("The video allegedly shows soldiers crossing the river.", "allegedly")
    assert claim.speaker_text is None


# --- decided by the content's main clause -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        ("The minister said the army sent soldiers to the border.", "asserted"),
        # a plain negation states a fact; "no such" and "baseless" answer a claim
        ("The general said that the army would not intervene.", "asserted"),
        ("The ministry said that no such plan had been discussed.", "denied"),
        ("The embassy said the claims were baseless.", "denied"),
        ("The ministry said there was no evidence that the plan existed.", "unconfirmed"),
        # a hedge adverb in the content, or on the cue
        ("The mayor said the dam had possibly failed overnight.", "hedged"),
        ("The mayor reportedly said the dam had failed overnight.", "hedged"),
        # a negated modal says what did not happen: no hedge; with the perfect it weighs what was
        ("The spokesman said he could not comment on the matter.", "asserted"),
        ("The mayor said the owner may not have paid any tax on the land for years.", "hedged"),
        # a deontic or negated modal of permission is no hedge
        ("The mayor said the governor may not run again.", "asserted"),
        ("The mayor said the governor should release his records.", "asserted"),
        # a modal in a clause of purpose or result weighs what the act was for, not the act
        ("Two guards said the owner locked the gate so he could keep the visitors out.", "asserted"),
        ("Two guards said the owner locked the gate so that the visitors might stay out.", "asserted"),
        ("The guards said the owner locked the gate in order that no one might enter.", "asserted"),
        ("The mayor said the river rose so fast that it could reach the roofs.", "asserted"),
        # must not: a modal of the main clause still hedges, a purpose clause after it or not
        ("Two guards said the owner could have locked the gate so the visitors stayed out.", "hedged"),
        ("Two guards said the owner might lock the gate so that the visitors stay out.", "hedged"),
    ],
)
def test_the_content_decides(text: str, modality: Modality) -> None:
    assert claim_with_cue(text, "said").modality == modality


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        # the main predicate under an epistemic modal, negated or not, or a hedge adverb or frame
        ("The owner may have used the loss to avoid paying taxes for a decade.", "hedged"),
        ("The deal could have allowed the firm to avoid paying any tax for years.", "hedged"),
        ("The owner perhaps paid no income tax on the land for many years.", "hedged"),
        ("It is possible that the owner paid no income tax for many years.", "hedged"),
        # a verb of inference passes to its clause
        ("The losses mean the owner may not have paid any income tax for two decades.", "hedged"),
        ("The losses mean the owner paid no income tax for two decades.", "asserted"),
        # deontic modals, negated or not, are no hedge
        ("The governor should release his tax returns before the vote.", "asserted"),
        ("Under the state constitution, the governor may not run again after two terms.", "asserted"),
        # a modal in a later or subordinate clause is not the sentence's
        ("The owner has done nothing to dispel the rumour, and in fact may be fuelling it.", "asserted"),
        ("The delay raises questions about what the owner might be hiding from the voters.", "asserted"),
    ],
)
def test_the_main_predicate_decides_an_outlet_voice_claim(text: str, modality: Modality) -> None:
    assert outlet_claim(text).modality == modality


# --- two routes, one claim ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("first", "second", "kept"),
    [
        ("asserted", "denied", "denied"),
        ("hedged", "unconfirmed", "unconfirmed"),
        ("denied", "unconfirmed", "denied"),
        (None, "hedged", "hedged"),
        ("hedged", None, "hedged"),
    ],
)
def test_the_stronger_modality_wins(first: Modality | None, second: Modality | None, kept: Modality) -> None:
    assert stronger(first, second) == kept == stronger(second, first)


def test_every_modality_has_a_strength() -> None:
    assert sorted(MODALITY_STRENGTH, key=MODALITY_STRENGTH.__getitem__) == [
        "asserted",
        "hedged",
        "unconfirmed",
        "denied",
    ]


# --- stance, as the ledger reads it -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "cue", "stance"),
    [
        ("The minister said the army sent soldiers to the border.", "said", "affirm"),
        # a negated main clause takes the deny side; an idiom with "not" does not
        ("The minister said the army did not send soldiers to the border.", "said", "deny"),
        ("The minister said he would not rule out sending troops to the border.", "said", "affirm"),
        ("The ministry denied that its troops had crossed the border.", "denied", "deny"),
        ("Officials could not confirm that the convoy had arrived.", "could not confirm", "unconfirmed"),
        ("The mayor said the dam had possibly failed overnight.", "said", "affirm"),
        # a negation in a clause of cause is not the main clause's; one before "because" still is
        ("TV said that aircraft stayed grounded because there was not enough fuel.", "said", "affirm"),
        ("The mayor said the dam did not fail because of the rain.", "said", "deny"),
    ],
)
def test_stance_of_a_claim(text: str, cue: str, stance: str) -> None:
    assert stance_of(claim_with_cue(text, cue)) == stance


def test_a_negated_figure_still_answers_with_its_value() -> None:
    claim = claim_with_cue("The minister said the army did not send soldiers to the border.", "said")
    assert claim.modality == "asserted"
    assert stance_of(claim, negation_denies=False) == "affirm"


@pytest.mark.parametrize(
    ("text", "stance"),
    [
        # a sentence's end inside a closing quote mark still ends the main clause: the remark after it is
        # the speaker's own, not a negation of what they quote
        ("the crew ‘were careless with the cargo all week.’ Not good!", "affirm"),
        ('the crew "were careless with the cargo all week." Not good!', "affirm"),
        ("the crew ‘did not secure the cargo.’ Not good!", "deny"),
        # a comparative or an "only" reading holds a negation word but affirms
        ("there are cheaper but no less urgent reasons to repair the bridge", "affirm"),
        ("the mayor has been nothing but honest with the council", "affirm"),
        ("the flood was nothing short of a disaster for the valley", "affirm"),
        ("the buyer was none other than the port's own chairman", "affirm"),
        ("the ferry carried no fewer passengers than the year before", "affirm"),
        ("the two plans couldn't be more different", "affirm"),
        # litotes: a negated negative adjective affirms; a negated plain one still denies
        ("it is not uncommon for the river to flood in spring", "affirm"),
        ("it was not unprecedented for the board to overrule its chairman", "affirm"),
        ("the vote on the dam was not unanimous", "deny"),
        # whole words only: "no lessons" is a plain negation
        ("no lessons were drawn from the first collapse", "deny"),
        # must not: the plain denials stay denials
        ("there is no evidence that the dam was inspected", "deny"),
        ("the report about the dam is not true", "deny"),
        ("the engineer never said that the dam was safe", "deny"),
        # after a verb of prevention and its "from" comes a clause of its own: its negation is not the
        # main clause's
        ("the audit keeps the council from publishing figures that were never checked", "affirm"),
        ("the storm stopped the crews from reaching villages that had no power", "affirm"),
        # a negated subject denies the prevention, the question such a claim answers
        ("none of the objections should prevent the council from publishing the audit", "deny"),
        ("the audit does not prevent the council from publishing the figures", "deny"),
        # a negation after the verb, with no "from", is a plain negation
        ("the company kept no records of the inspection", "deny"),
        # a "No" set off at the start answers the question put to the speaker; the clause after it is what
        # the speaker states
        ("No, I meant the engineer is responsible for the collapse", "affirm"),
        ("No. The dam was inspected every spring", "affirm"),
        ("no, no, the ferry was carrying too many passengers", "affirm"),
        # must not: a negation after the "No", a "No." alone and "no one" stay denials
        ("No, the dam was never inspected", "deny"),
        ("No.", "deny"),
        ("no one inspected the dam that spring", "deny"),
        # a negated word of doubt or denial makes the thing certain: the speaker affirms it
        ("There is no question about it", "affirm"),
        ("There’s no question the ferry left late", "affirm"),
        ("there is no question that the harbour was dredged too late", "affirm"),
        ("there's no denying the ferry was overloaded", "affirm"),
        ("make no mistake, the levee was built on sand", "affirm"),
        ("it is no secret that the council wanted the pier sold", "affirm"),
        ("the pier will without question be rebuilt", "affirm"),
        ("there is no doubt the levee failed first", "affirm"),
        # must not: "no question of" refuses, and the same nouns negated plainly still deny
        ("there is no question of the council selling the pier", "deny"),
        ("no question was put to the engineer about the levee", "deny"),
        ("there was no secret deal over the pier", "deny"),
        ("there was no mistake in the levee survey", "deny"),
    ],
)
def test_a_negation_word_outside_the_main_clause_or_in_an_idiom_affirms(text: str, stance: str) -> None:
    assert stance_of(make_claim(text, cue="said", speaker_text="The engineer")) == stance


@pytest.mark.parametrize(
    ("text", "stance"),
    [
        # issue #14 (PolNeAR police-shootings): "the videos do not show whether …" denied what a video shows;
        # a negated verb before "whether" leaves the thing open
        ("the photographs do not show whether the gate was locked", "unconfirmed"),
        ("the inspectors would not say whether the dam was safe", "unconfirmed"),
        ("the log doesn't show whether the gate was locked", "unconfirmed"),
        # and "Maybe I can … say, look, this is not who we are" stood Clinton on both sides of her own wish:
        # the negation is in the words the speaker could say to someone
        ("Maybe I can, by going to the valley, say, look, this is not a safe dam", "affirm"),
        ("we could tell them: this is not the end of the ferry", "affirm"),
        # must not: the speaker's own denial, prefaced, and a plain negation before the saying, still deny
        ("as I said, this is not a safe dam", "deny"),
        ("I want to say, this is not a safe dam", "deny"),
        ("I can not say, look, the dam is safe", "deny"),
        ("the photographs do not show the gate", "deny"),
        # issue #14 (PolNeAR khan-family): a negation in an indirect question after a later verb is the
        # question's; the main clause is affirmed ("unfairly" is a judgement, no negation)
        ("the mayor unfairly had blamed the engineers and asked why the council hadn't acted", "affirm"),
        ("the ferry left early and the captain wondered whether the crew had not been told", "affirm"),
        # must not: a negation before the indirect question, or a "why" after "is", still denies
        ("the mayor never asked why the council had acted", "deny"),
        ("that is why the ferry did not leave", "deny"),
        ("that's why the ferry did not leave", "deny"),
        ("the council did not explain why the dam failed", "deny"),
    ],
)
def test_a_negation_leaving_a_thing_open_or_said_to_someone_denies_nothing(text: str, stance: str) -> None:
    assert stance_of(make_claim(text, cue="said", speaker_text="The engineer")) == stance


@pytest.mark.parametrize(
    ("text", "stance"),
    [
        # issue #14 (PolNeAR manafort-shake-up): the full stop of a title or an initial ends no clause; read
        # as a sentence end, "Mr. X was not …" had "mr" for its main clause and affirmed
        ("Mr. Ortega was not told about the flood", "deny"),
        ("Sen. Alvarez has never visited the dam", "deny"),
        ("the U.S. engineers did not inspect the levee", "deny"),
        ("the mayor, Dr. J. Ruiz, did not sign the order", "deny"),
        # must not: a real sentence end, a time's full stop included, still ends the main clause
        ("the ferry left at 5 p.m. It did not come back", "affirm"),
        ("the dam held. Nobody was hurt", "affirm"),
        # a negation in a relative clause set off by commas or dashes is the relative clause's
        ("Mr. Ortega, who does not know the valley, blamed the engineers", "affirm"),
        ("the levee, which was never inspected, held through the storm", "affirm"),
        ("the crew - none of them warned - stayed aboard", "affirm"),
        ("the engineer who built it - a man who never visited - was not paid", "deny"),
        ("the council praised the mayor, who had not been told", "affirm"),
        # must not: a "which" ending the clause may stand for the whole clause, and a restrictive relative
        # clause (no comma) stays in the main clause
        ("they asked the council to repair the dam, which it has not done", "deny"),
        ("the crews who did not evacuate were rescued", "deny"),
        # a tag question asks the hearer to agree; it negates nothing
        ("the ferry was overloaded, wasn't it?", "affirm"),
        ("you saw the crack, did you not?", "affirm"),
        ("the ferry wasn't overloaded, was it?", "deny"),
        # the "not" of a noun's infinitive is the noun's, and so is that of a purpose
        ("the board defended its decision not to close the bridge", "affirm"),
        ("the mayor kept his pledge not to raise the ferry fares", "affirm"),
        ("the crews worked at night so as not to block the road", "affirm"),
        # must not: a verb's negated infinitive still denies
        ("the board decided not to close the bridge", "deny"),
        # a spaced hyphen or two hyphens end the clause as a dash does, and a contrast may follow a quote
        ("the council should publish the audit now -- not after the vote", "affirm"),
        ('the mayor "backs the dam fully," while the council did not', "affirm"),
    ],
)
def test_a_negation_in_a_relative_clause_tag_or_infinitive_denies_nothing(text: str, stance: str) -> None:
    assert stance_of(make_claim(text, cue="said", speaker_text="The engineer")) == stance
