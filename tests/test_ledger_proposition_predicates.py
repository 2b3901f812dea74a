"""A content's predicates read into stems (``ledger.proposition_predicates``), on sentences written for them.

The claims are built by ``test_ledger_propositions.claim``, with their finite verbs set by hand.
"""

from __future__ import annotations

import pytest
from factories import make_claim
from test_ledger_propositions import claim

from storyline.lexicons import load_lexicon
from storyline.stages.ledger.grouping import content_words
from storyline.stages.ledger.proposition_links import keyed_candidates
from storyline.stages.ledger.proposition_predicates import (
    phrasal_predicates,
    predicate_classes,
    predicates_of,
    stated_predicates,
)
from storyline.stages.ledger.proposition_stems import nominal_stems, predicate_stem, predicate_stems
from storyline.stages.ledger.propositions import proposition_key


def test_the_predicate_is_the_main_verb_with_light_verbs_negation_and_modality_taken_out() -> None:
    assert predicates_of(claim("the ministry would not prosecute the envoy", "prosecute")) == {"prosecut"}
    assert predicates_of(claim("the envoy was extremely careless with the cables", "was")) == {"careless"}
    assert predicates_of(claim("the agency decided not to recommend charges", "decided")) == {"recommend"}
    assert predicates_of(claim("there’s no precedent for such a prosecution", "’s")) == {"precedent"}
    assert predicates_of(claim("he made a mistake in the background check", "made")) == {"mistak"}
    # each top-level clause gives its predicate
    both = claim("she did not send the cables and she never signed the order", "send", "signed")
    assert predicates_of(both) == {"send", "sign"}


def test_after_a_light_verb_the_noun_phrase_head_is_a_predicate_beside_its_first_word() -> None:
    # head-final: the noun heads what is had, the adjective before it is kept ("a phony contest" asks
    # whether it is phony)
    conflict = claim("the arbiter had an inherent conflict of interest in the case", "had")
    assert predicates_of(conflict) == {"inherent", "conflict"}
    assert predicates_of(claim("the port had a net loss of 9 million", "had")) == {"net", "loss"}
    assert predicates_of(claim("it was a phony contest", "was")) == {"phony", "contest"}
    # the run ends at a participle opening a modifier, a coordinator, a name or a function word
    assert predicates_of(claim("the union has a new ad attacking the mayor", "has")) == {"new"}
    assert predicates_of(claim("he is a liar and Lester Holt needs to check him", "is")) == {"liar"}
    assert predicates_of(claim("the envoy was extremely careless with the cables", "was")) == {"careless"}
    assert predicates_of(claim("the vote was a mistake, voters say", "was")) == {"mistak"}
    # no article, no noun phrase: a verb's complement is no head of it
    assert predicates_of(claim("the agency decided not to recommend charges", "decided")) == {"recommend"}


def test_a_copular_idiom_is_a_predicate_though_its_noun_alone_says_nothing() -> None:
    # "question" alone is vacuous ("the question is…"); "in question" says the thing is doubted
    doubted = claim("her integrity is in question after the audit", "is")
    assert predicates_of(doubted) == {"question"}
    assert predicates_of(claim("that is the question", "is")) == frozenset()
    assert predicates_of(claim("the harbour deal is at risk", "is")) == {"risk"}


def test_a_predicate_coordinated_with_the_finite_verb_is_a_predicate_too() -> None:
    # the parse gives "sent" as the clause's finite verb; "received" is asserted as much
    assert predicates_of(claim("she neither sent nor received cables marked secret", "sent")) == {
        "send",
        "receiv",
    }
    assert predicates_of(claim("the envoy was careless and reckless", "was")) == {"careless", "reckless"}
    # a coordinated noun phrase is no second predicate
    assert predicates_of(claim("the envoy sent cables and letters", "sent")) == {"send"}
    # nor a name opening the next clause, nor a negation ("moving and nothing will move")
    assert predicates_of(claim("he is a liar and Lester Holt needs to check him", "is")) == {"liar"}
    assert predicates_of(claim("the barges are moving and nothing will stop them", "moving")) == {"move"}


def test_a_nominalisation_states_the_predicate_of_its_verb() -> None:
    assert "recommend" in nominal_stems("recommendation")
    assert predicate_stem("recommended") in predicate_stems(frozenset({"recommendation"}))
    assert predicate_stem("prosecuted") in predicate_stems(frozenset({"prosecution"}))
    # after a light verb the noun is the predicate, and names its verb's stem too
    made = predicates_of(claim("the agency has not made a determination", "made"))
    assert predicate_stem("determined") in made
    # a verb is never read as a nominalisation ("mention" is no "ment")
    assert predicates_of(claim("the minister did mention the cables", "mention")) == {"mention"}


def test_a_verb_of_will_or_refusal_is_keyed_by_its_complement_as_the_question_it_answers() -> None:
    # "won't", "has refused to": the polarity is the side's, the verb the key
    wont = claim("the mayor won't publish the audit while the inquiry runs", "publish", id="a")
    refused = claim("the mayor has refused to publish the audit", "refused", id="b")
    keys = [proposition_key(c, frozenset(), {}) for c in (wont, refused)]
    assert {key.predicates for key in keys if key} == {frozenset({"publish"})}
    words = [content_words(c.text) for c in (wont, refused)]
    assert keyed_candidates(keys, words) == [(0, 1)]
    # a verb of will heading its object, not a complement, keeps the object's predicate as a light verb does
    assert predicates_of(claim("the council declined the offer", "declined")) == {"offer"}


def test_a_verb_of_saying_or_thinking_is_keyed_by_the_clause_it_reports() -> None:
    assert predicates_of(claim("I think that the tender is being rigged", "think")) == {"rig"}
    # the reported clause's predicate, with its noun phrase's head ("a very unfair count")
    unfair = claim("I think it's going to be a very unfair count", "think")
    assert predicates_of(unfair) == {"unfair", "count"}
    # an abbreviation's full stop does not end the reported clause
    said = claim("most voters said Mr. Dane should resign before May", "said")
    assert predicates_of(said) == {"resign"}
    # a possessive "'s" is no verb; without an auxiliary the clause's verb is not told from a noun
    assert predicates_of(claim("he thought the mayor's cables contained secrets", "thought")) == frozenset()
    assert predicates_of(claim("I think so", "think")) == frozenset()


def test_a_content_opening_on_its_verb_or_holding_a_clause_is_keyed_without_a_finite_verb() -> None:
    # the complement of a cue ("wants | to publish the audit", "called for | scrapping the levy")
    assert predicates_of(claim("to publish the audit", *())) == {"publish"}
    assert predicates_of(claim("scrapping the levy on ferries", *())) == {"scrap"}
    # a noun phrase holding a clause: "cited the inquiry as the reason | he's not publishing it"
    assert predicates_of(claim("the inquiry as the reason he's not publishing the audit", *())) == {"publish"}
    # a free relative names no predicate; "being" opens no clause; a headline's clause has its subject first
    assert predicates_of(claim("to do what every mayor has done", *())) == frozenset()
    assert predicates_of(claim("the board for being sore losers", *())) == frozenset()
    assert predicates_of(claim("nothing new in the audit", *())) == frozenset()


def test_a_negation_of_manner_is_passed_over_to_the_predicate() -> None:
    assert predicates_of(claim("inquiries are in no way affected by publicity", "are")) == {"affect"}


@pytest.mark.parametrize(
    ("name", "opposite"),
    [
        (name, word)
        for name, words in load_lexicon("propositions")["predicate_class_opposites"].items()
        for word in words
    ],
)
def test_an_opposite_of_a_class_is_no_class_pair_with_its_other_members(name: str, opposite: str) -> None:
    """Each row of ``predicate_class_opposites``: a word of its class that answers the class's question
    the other way, so a pair of it and another member would take inverted sides; it is a class of its own."""
    members = load_lexicon("propositions")["predicate_classes"][name]
    assert opposite in members
    others = [
        word
        for word in members
        if word not in load_lexicon("propositions")["predicate_class_opposites"][name]
    ]
    opposite_class = predicate_classes(frozenset({predicate_stem(opposite)}))
    assert opposite_class and all(
        not opposite_class & predicate_classes(frozenset({predicate_stem(word)})) for word in others
    )


def test_an_evidential_verb_is_keyed_by_the_clause_it_reports_when_one_is_found() -> None:
    # "the losses mean he may not have paid": what the evidence shows is the clause's predicate, as with a
    # verb of saying; without an auxiliary or modal in reach the clause's verb is not told from a noun, and
    # the evidential verb stays the key (one that no pair shares: ``keyed_candidates``)
    meant = claim("the losses mean the port may not have paid its dues for years", "mean")
    assert predicates_of(meant) == {predicate_stem("paid")}
    shows = claim("the audit shows no clerk leaked the ledger", "shows")
    assert predicates_of(shows) == {predicate_stem("show")}


def test_a_judgement_of_an_extraposed_clause_is_keyed_by_the_clause() -> None:
    # "it was unfortunate that …", "it has never made sense to me that …": the clause is what is asserted
    sorry = claim("it was unfortunate that my remarks have been misconstrued as an attack", "was")
    assert predicates_of(sorry) == {predicate_stem("misconstrued")}
    sense = claim("It should have been common sense that the school was fraudulent", "been")
    # the adjective of a quality states its noun too ("fraudulent" of fraud: ``nominal_stems``)
    assert predicates_of(sense) == {predicate_stem("fraudulent"), predicate_stem("fraud")}
    assert predicates_of(claim("it is unclear whether the mayor will resign", "is")) == {"resign"}
    # a subject of its own, or no clause after the judgement: the judgement stays the predicate
    assert predicates_of(claim("the levy is necessary to keep the port open", "is")) == {"necessary"}
    assert predicates_of(claim("it is clear", "is")) == {"clear"}


def test_a_predicate_that_says_nothing_is_keyed_by_the_clause_it_frames() -> None:
    # "questioning whether …", "the question is whether …": the clause states what is asked
    asking = claim("he was simply questioning whether he was receiving a fair hearing", "questioning")
    assert predicates_of(asking) == {predicate_stem("receiving")}
    whether = claim("the question is whether the mayor will resign", "is")
    assert predicates_of(whether) == {"resign"}
    # an object pronoun before a secondary predicate is passed over
    assert predicates_of(claim("that makes me smart", "makes")) == {"smart"}
    # no clause: still nothing
    assert predicates_of(claim("that is the question", "is")) == frozenset()


def test_a_phrasal_verb_is_keyed_by_the_verb_it_states() -> None:
    # "step down" is resigning, in any form of the verb; "called for" is a demand (a frame verb)
    assert predicates_of(claim("the mayor should step down", "should")) == {"resign"}
    assert predicates_of(claim("the mayor stepped down on Friday", "stepped")) == {"resign"}
    assert predicates_of(claim("the union called for the mayor to resign", "called")) == {"demand"}
    # without its particle the verb is itself: "called the mayor a liar" asks nothing of resigning
    assert predicates_of(claim("the union called the mayor a liar", "called")) == {"call"}
    # the content words lose the order that makes the phrase: its verb is given beside them
    assert phrasal_predicates("for that alone he should step down") == {"resign"}
    assert phrasal_predicates("the union called on the mayor to go") == {"urge"}
    assert phrasal_predicates("the mayor stepped onto the stage") == frozenset()


def test_a_light_verbs_phrase_is_keyed_by_the_verb_it_states() -> None:
    # "made public" is releasing, after the light verb or as its complement; "come clean" disclosing
    assert predicates_of(claim("the ministry made public the cables", "made")) == {"releas"}
    assert predicates_of(claim("the cables were made public on Friday", "were")) == {"releas"}
    assert predicates_of(claim("he has refused to come clean about the loans", "has")) == {"releas"}
    # without its particle the light verb passes to its complement as before
    assert predicates_of(claim("the ministry made a mistake", "made")) == {"mistak"}
    texts = ["the ministry made public the cables", "the ministry disclosed the cables"]
    keys = [proposition_key(claim(texts[0], "made"), frozenset(), {})]
    keys.append(proposition_key(claim(texts[1], "disclosed"), frozenset(), {}))
    words = [content_words(text) | phrasal_predicates(text) for text in texts]
    assert keyed_candidates(keys, words) == [(0, 1)]


def test_a_resignation_called_for_meets_the_resignation_demanded() -> None:
    texts = ["the union called for the mayor to resign", "the mayor should step down now"]
    keys = [proposition_key(claim(texts[0], "called"), frozenset(), {})]
    keys.append(proposition_key(claim(texts[1], "should"), frozenset(), {}))
    words = [content_words(text) | phrasal_predicates(text) for text in texts]
    assert keyed_candidates(keys, words) == [(0, 1)]


def test_an_accusation_or_a_hindrance_is_keyed_by_the_act_it_names_beside_its_verb() -> None:
    behind = claim("the ministry has not accused Ruritania of being behind the leak", "accused")
    assert predicates_of(behind) == {predicate_stem("accused"), "behind"}
    blamed = claim("the mayor blamed the union for the strike", "blamed")
    assert predicates_of(blamed) == {predicate_stem("blamed"), predicate_stem("strike")}
    charged = claim("the envoy was charged with lying to the council", "was")
    assert predicates_of(charged) == {predicate_stem("charged"), predicate_stem("lying")}
    # no preposition of the charge: the verb alone; "in charge of" charges nothing
    assert predicates_of(claim("she accused him.", "accused")) == {predicate_stem("accused")}
    assert predicates_of(claim("the envoy is in charge of the port", "is")) == {predicate_stem("charge")}
    # what hinders an act is said of the act: "nothing prevents her from releasing them" asks of releasing
    prevents = claim("the audit should not prevent her from releasing the accounts", "should")
    assert predicates_of(prevents) == {predicate_stem("prevent"), predicate_stem("releasing")}
    barred = claim("the court barred the agency from publishing the files", "barred")
    assert predicates_of(barred) == {predicate_stem("barred"), predicate_stem("publishing")}


def test_before_to_a_word_of_permission_or_obligation_leaves_the_predicate_to_the_infinitive() -> None:
    free = claim("the mayor is free to disclose the audit even while it runs", "is")
    assert predicates_of(free) == {predicate_stem("disclose")}
    right = claim("the union had no right to criticize him", "had")
    assert predicates_of(right) == {predicate_stem("criticize")}
    # not before "to": the word is the predicate ("the right call" asks whether it was right)
    assert predicate_stem("right") in predicates_of(claim("that was the right call", "was"))
    # disclosing a document is releasing it: one synonym set
    assert predicate_stem("disclosed") == predicate_stem("released")


def test_after_a_light_verb_a_partitive_leaves_the_predicate_to_the_noun_it_takes_a_part_of() -> None:
    sacrifices = claim("the mayor has made a lot of sacrifices for the city", "has")
    sacrificed = claim("the mayor sacrificed for the city", "sacrificed")
    assert predicates_of(sacrifices) == predicates_of(sacrificed)
    assert predicate_stem("union") in predicates_of(claim("the envoy is part of a union of rebels", "is"))
    # not before "of": the word is the predicate as any other
    assert predicate_stem("bit") in predicates_of(claim("the envoy was a bit player", "was"))


def test_an_exemplar_noun_leaves_the_predicate_to_the_noun_phrase_it_is_a_case_of() -> None:
    # "the textbook definition of a corrupt deal" says the deal was corrupt: the key meets "was corrupt"
    defined = claim("the mayor's contract was the textbook definition of a corrupt deal", "was")
    plain = claim("the mayor's contract was corrupt", "was")
    assert predicate_stem("corrupt") in predicates_of(defined) & predicates_of(plain)
    assert predicate_stem("definition") not in predicates_of(defined)
    # up to two lower-case modifiers before it are passed over with it; a name is none
    example = claim("the vote was a very clear example of fraud", "was")
    assert predicates_of(example) == {predicate_stem("fraud")}
    # a partitive's modifier too ("a small number of"): the noun it takes a part of is what is asserted
    assert predicates_of(claim("the envoy has made a small number of visits", "has")) == {
        predicate_stem("visits")
    }
    # not before "of": the word is the predicate as any other
    assert predicate_stem("example") in predicates_of(claim("the vote was an example to others", "was"))


def test_a_content_with_no_verb_is_keyed_by_a_cue_of_censure_that_takes_it_for_object() -> None:
    denounced = make_claim("the mayor's remarks", cue="have since denounced", finite_verbs=())
    condemned = make_claim("the remarks of the mayor", cue="condemned", finite_verbs=())
    # one synonym set: the two outlets pass one judgement on the remarks
    assert predicates_of(denounced) == predicates_of(condemned) == {predicate_stem("condemn")}
    # given beside the content's words, for a pair to meet the predicate (``keyed_candidates``)
    assert stated_predicates(denounced) == {predicate_stem("condemn")}
    # another cue says nothing of its object; a content with a verb keeps its own predicate
    assert predicates_of(make_claim("high ratings", cue="pointing to", finite_verbs=())) == frozenset()
    clause = make_claim("the remarks were wrong", cue="condemned", finite_verbs=(12,))
    assert predicates_of(clause) == {"wrong"}
    assert stated_predicates(clause) == frozenset()


def test_after_a_copula_and_a_preposition_the_predicate_is_the_head_of_its_object() -> None:
    # a name modifying the object says of whom, the head says what: not "foundation", nor "find" from it
    donors = claim("half of her meetings were with Harlow Foundation donors", "were")
    assert predicates_of(donors) == {"donor"}
    assert predicates_of(claim("her meetings were with foundation donors", "were")) == {"donor"}
    # a name ending the complement stays its predicate
    assert predicates_of(claim("the coach said he is Mexican", "is")) == {"mexican"}


def test_full_of_leaves_the_predicate_to_its_noun() -> None:
    schedule = claim("her schedule was full of meetings with donors", "was")
    assert predicates_of(schedule) >= {"meet"}
    assert "full" not in predicates_of(schedule)
