"""Statements keyed by predicate and arguments (``ledger.propositions``), on sentences written for them.

The finite-verb offsets a claim carries come from the worker's parse (``claims.finite``); here they are set
by hand at the verb, as that parse places them (the verb, not its auxiliary).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pytest
from factories import make_article, make_claim

from storyline.config import DEFAULT_SETTINGS
from storyline.embeddings import Embedder, load_embedder
from storyline.lexicons import load_lexicon
from storyline.records import Claim
from storyline.stages.ledger.grouping import content_words, rarity_weights, similarity
from storyline.stages.ledger.proposition_links import (
    KeyedDraft,
    Pair,
    class_candidates,
    finish_keyed,
    frames_a_claim,
    keyed_candidates,
    keyed_draft,
    lowered_floors,
)
from storyline.stages.ledger.proposition_predicates import (
    nominal_stems,
    predicate_classes,
    predicate_stem,
    predicate_stems,
    predicates_of,
)
from storyline.stages.ledger.propositions import (
    PropositionKey,
    demonstrative_subject,
    masked_content,
    proposition_key,
    subject_noun,
)
from storyline.stages.ledger.statements import (
    Statement,
    group_statements,
    join_keyed_outlet_voice,
    join_outlet_voice,
    join_same_span,
)

SETTINGS = DEFAULT_SETTINGS.ledger


def keyed_links(
    claims: list[Claim], keys: list[PropositionKey], words: list[frozenset[str]], embedder: Embedder | None
) -> dict[Pair, float]:
    """The keyed links of one story's ``claims`` as ``ledger.proposition_questions`` makes them: the draft,
    then ``embedder`` (or the lexical floor without one) on the pairs it leaves."""
    draft = keyed_draft(claims, keys, words, lambda c: c.text, SETTINGS)
    return finish_keyed(draft, embedder, SETTINGS)


def claim(text: str, *verbs: str, id: str = "c1") -> Claim:
    """A claim whose content's top-level finite verbs are the first occurrences of ``verbs``."""
    return make_claim(text, id=id, speaker_text="Someone", finite_verbs=tuple(text.index(v) for v in verbs))


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
    assert predicates_of(claim("the barges are moving and nothing will stop them", "moving")) == {"mov"}


def test_a_nominalisation_states_the_predicate_of_its_verb() -> None:
    assert "recommend" in nominal_stems("recommendation")
    assert predicate_stem("recommended") in predicate_stems(frozenset({"recommendation"}))
    assert predicate_stem("prosecuted") in predicate_stems(frozenset({"prosecution"}))
    # after a light verb the noun is the predicate, and names its verb's stem too
    made = predicates_of(claim("the agency has not made a determination", "made"))
    assert predicate_stem("determined") in made
    # a verb is never read as a nominalisation ("mention" is no "ment")
    assert predicates_of(claim("the minister did mention the cables", "mention")) == {"mention"}


def test_synonyms_of_one_set_meet_on_one_stem() -> None:
    assert predicate_stem("indicted") == predicate_stem("prosecute")
    assert predicate_stem("probed") == predicate_stem("investigating")
    assert predicate_stem("indictment") != predicate_stem(
        "prosecute"
    )  # the noun meets it as a nominalisation
    assert predicate_stem("prosecute") in nominal_stems("indictment")


def test_a_content_without_a_finite_verb_or_saying_nothing_has_no_key() -> None:
    assert predicates_of(claim("the envoy to resign", *())) == frozenset()
    assert predicates_of(claim("I think so", "think")) == frozenset()  # a vacuous predicate
    assert proposition_key(claim("the envoy to resign", *()), frozenset(), {}) is None


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


def test_a_stem_ending_in_s_meets_its_predicate_among_the_content_words() -> None:
    # "releasing" stems to "releas": stemmed again it lost its "s" and met no "he won't release them"
    assert predicate_stem("release") in predicate_stems(content_words("nothing stops his releasing them"))
    assert predicate_stem("discussed") in predicate_stems(content_words("they are discussing the levy"))


def test_inflections_and_irregular_forms_meet_on_one_stem() -> None:
    assert predicate_stem("prosecuted") == predicate_stem("prosecute") == predicate_stem("prosecuting")
    assert predicate_stem("sent") == predicate_stem("send")
    assert predicate_stem("met") == predicate_stem("meets")
    assert predicate_stem("carelessness") == predicate_stem("careless")


def test_arguments_are_entity_ids_and_name_last_words() -> None:
    key = proposition_key(claim("Clinton was careless", "was"), frozenset({"@e1"}), {"e1": "Hillary Clinton"})
    assert key == PropositionKey(frozenset({"careless"}), frozenset({"@e1", "~clinton"}))


def test_two_subjects_that_name_different_entities_conflict_whatever_else_they_share() -> None:
    words = [
        content_words("Seoul may send troops to Ukraine after North Korea"),
        content_words("North Korea had decided to send troops to Ukraine"),
        content_words("North Korea sent troops to Ukraine"),
    ]
    arguments = frozenset({"@seoul", "@nk", "@ukraine"})
    keys = [
        PropositionKey(frozenset({"send"}), arguments, subject=frozenset({"@seoul"})),
        PropositionKey(frozenset({"send"}), frozenset({"@nk", "@ukraine"}), subject=frozenset({"@nk"})),
        PropositionKey(frozenset({"send"}), frozenset({"@nk", "@ukraine"}), subject=frozenset({"@nk"})),
    ]
    assert keyed_candidates(keys, words) == [(1, 2)]


def test_candidates_need_a_shared_predicate_and_arguments_that_do_not_conflict() -> None:
    words = [
        content_words("Clinton was careless with the cables"),
        content_words("Hillary Clinton was very careless in handling cables"),
        content_words("she was careless in handling the cables"),
        content_words("Trump was careless with his words"),
        content_words("Clinton was tired after the flight"),
    ]
    keys = [
        PropositionKey(frozenset({"careless"}), frozenset({"@a", "~clinton"})),
        PropositionKey(frozenset({"careless"}), frozenset({"@b", "~clinton"})),  # another id, one surname
        PropositionKey(frozenset({"careless"}), frozenset()),  # "she": names no one
        PropositionKey(frozenset({"careless"}), frozenset({"@t", "~trump"})),
        PropositionKey(frozenset({"tired"}), frozenset({"@a", "~clinton"})),
    ]
    pairs = keyed_candidates(keys, words)
    assert (0, 1) in pairs and (0, 2) in pairs and (1, 2) in pairs
    assert (0, 3) not in pairs and (1, 3) not in pairs  # Clinton's carelessness is not Trump's
    assert not any(4 in pair for pair in pairs)  # another predicate
    assert keyed_candidates([None, None], words[:2]) == []


def test_a_request_is_keyed_by_what_it_asks_for_and_a_finding_is_not() -> None:
    texts = [
        "the union asked the mayor to audit the harbour accounts",
        "the mayor should audit the harbour accounts",
        "the union asked for a meeting with the mayor",
        "inspectors found accounts the harbour failed to audit",
    ]
    words = [content_words(text) for text in texts]
    keys = [
        proposition_key(claim(texts[0], "asked"), frozenset(), {}),
        proposition_key(claim(texts[1], "audit"), frozenset(), {}),
        proposition_key(claim(texts[2], "asked"), frozenset(), {}),
        proposition_key(claim(texts[3], "found"), frozenset(), {}),
    ]
    assert keys[0] is not None and frames_a_claim(keys[0])
    pairs = keyed_candidates(keys, words)
    assert (0, 1) in pairs  # the request names the auditing its other states
    assert (1, 2) not in pairs  # a request for something else
    # a finding's complement may say the opposite ("failed to audit"), whose polarity is not read
    assert keys[3] is not None and not frames_a_claim(keys[3])
    assert (1, 3) not in pairs


def _keys(texts_and_verbs: list[tuple[str, str, frozenset[str]]]) -> list[PropositionKey | None]:
    """Keys of claims written for a test: (content, its finite verb, the "@id" entities it names)."""
    return [proposition_key(claim(text, verb), named, {}) for text, verb, named in texts_and_verbs]


def test_other_predicates_of_one_class_are_candidates_only_when_they_name_one_entity() -> None:
    ostrava, brno = frozenset({"@ostrava"}), frozenset({"@brno"})
    keys = _keys(
        [
            ("Ostrava's council vote was rigged", "was", ostrava),
            ("the Ostrava council vote was a phony contest", "was", ostrava),
            ("it was a phony contest", "was", frozenset()),  # names no one: a class is looser
            ("the Brno council vote was fair", "was", brno),  # another vote
            ("Ostrava's council vote was delayed", "was", ostrava),  # a predicate of no class
            ("the Ostrava council vote was rigged again", "was", ostrava),  # one predicate: not a class pair
        ]
    )
    assert predicate_classes(frozenset({predicate_stem("rigged")})) == predicate_classes(
        frozenset({predicate_stem("phony")})
    )
    assert class_candidates(keys) == [(0, 1), (1, 5)]  # not (0, 5): one predicate
    words = [content_words(text) for text in ("vote rigged", "vote phony contest")]
    assert keyed_candidates(keys[:2], words) == [(0, 1)]  # the class pairs are keyed candidates too


@pytest.mark.parametrize(
    ("text", "verb", "noun"),
    [
        ("a regional referee was partial", "was", "referee"),
        ("the referee handling the final was biased", "was", "referee"),  # a participle opens a modifier
        ("a Spanish-born referee in the cup final was hostile", "was", "referee"),
        ("the city's chief referee, a former player, was biased", "was", "referee"),
        ("Okafor was biased", "was", ""),  # a name: an entity's, read as an argument
        ("he was biased", "was", ""),  # a pronoun
        ("whether the referee was biased", "was", ""),  # no subject run: a complementiser first
    ],
)
def test_the_subject_noun_is_the_head_of_the_run_opening_the_subject(text: str, verb: str, noun: str) -> None:
    assert subject_noun(text, text.index(f" {verb}") + 1) == noun


def test_other_predicates_of_one_class_are_candidates_when_one_common_noun_heads_both_subjects() -> None:
    keys = _keys(
        [
            ("a regional referee was biased", "was", frozenset()),
            ("the referee handling the final was partial", "was", frozenset()),
            ("the linesman was partial", "was", frozenset()),  # another noun
            ("he was partial", "was", frozenset()),  # a pronoun is not enough for a class
            ("the referee from Lagos was partial", "was", frozenset({"@lagos"})),
            ("the referee from Accra was partial", "was", frozenset({"@accra"})),
        ]
    )
    # not (0, 2) nor (0, 3); (0, 4) and (0, 5): one names no entity; (4, 5) is one predicate, no class pair
    assert class_candidates(keys) == [(0, 1), (0, 4), (0, 5)]
    floors = lowered_floors([(0, 1), (0, 2)], keys, SETTINGS)
    assert floors == {(0, 1): SETTINGS.keyed_class_cosine_floor}


@pytest.mark.parametrize(
    ("text", "verb", "act"),
    [
        ("And that was reckless", "was", True),
        ("but this is a disgrace", "is", True),
        ("that decision was reckless", "was", False),  # a determiner: the noun says what
        ("Okafor was reckless", "was", False),
        ("he was reckless", "was", False),
    ],
)
def test_a_bare_demonstrative_subject_is_an_act(text: str, verb: str, act: bool) -> None:
    assert demonstrative_subject(text, text.index(f" {verb}") + 1) is act


def test_a_statement_of_an_act_and_one_of_a_named_person_are_no_candidates() -> None:
    words = [content_words("Okafor had been reckless with him"), content_words("And that was reckless")]
    persons = {"okafor": "Chidi Okafor"}
    keys = [
        proposition_key(
            claim("Okafor had been reckless with him", "had"),
            frozenset({"@okafor"}),
            persons,
            frozenset({"@okafor"}),
        ),
        proposition_key(claim("And that was reckless", "was"), frozenset(), persons),
        proposition_key(claim("he was reckless", "was"), frozenset(), persons),
    ]
    assert keys[1] is not None and keys[1].subject_act
    # not (0, 1); "he" names no one, so it conflicts with neither (the rule reads named people only)
    assert keyed_candidates(keys, [*words, content_words("he was reckless")]) == [(0, 2), (1, 2)]


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


def test_the_frame_verbs_are_one_class_a_request_and_an_expectation_of_one_person() -> None:
    mayor = frozenset({"@mayor", "@union"})
    keys = _keys(
        [
            ("the union asked the mayor to audit the harbour accounts", "asked", mayor),
            ("the union expects the mayor to open the harbour books", "expects", mayor),
        ]
    )
    assert class_candidates(keys) == [(0, 1)]


def test_only_a_class_pair_naming_one_entity_gets_the_class_floor() -> None:
    ostrava = frozenset({"@ostrava"})
    keys = _keys(
        [
            ("Ostrava's council vote was rigged", "was", ostrava),
            ("the Ostrava council vote was a phony contest", "was", ostrava),
            ("it was a phony contest", "was", frozenset()),
            ("the Ostrava council vote was rigged again", "was", ostrava),
        ]
    )
    floors = lowered_floors([(0, 1), (0, 2), (0, 3)], keys, SETTINGS)
    assert floors == {(0, 1): SETTINGS.keyed_class_cosine_floor}


def test_a_pair_left_to_the_encoder_is_linked_at_its_own_floor() -> None:
    # two pairs whose masked contents are equally alike (cosine 0.55, between the floors): the pair of one
    # predicate class is linked at its lower floor, the other is not at the default one
    assert SETTINGS.keyed_class_cosine_floor < 0.55 < SETTINGS.keyed_cosine_floor
    angle = np.arccos(0.55)
    vectors = {"a": [1.0, 0.0], "b": [float(np.cos(angle)), float(np.sin(angle))]}
    texts = {0: "a", 1: "b", 2: "a", 3: "b"}
    draft = KeyedDraft(frozenset(), ((0, 1), (2, 3)), {}, texts, {(0, 1): SETTINGS.keyed_class_cosine_floor})

    def embedder(batch: Sequence[str]) -> np.ndarray:  # a stand-in encoder with vectors set by hand
        return np.array([vectors[text] for text in batch])

    assert finish_keyed(draft, embedder, SETTINGS) == {(0, 1): SETTINGS.keyed_link_score}


def test_the_masked_content_keeps_what_is_said_not_of_whom_how_much_or_which_side() -> None:
    text = "Clinton did not send 300 classified emails"
    masked = masked_content(make_claim(text, id="c"), [(0, 7)])
    assert masked == "someone did send some classified emails"


def test_without_an_encoder_a_candidate_links_only_when_its_words_are_alike_enough() -> None:
    claims = [
        claim("the envoy was careless with the secret cables", "was", id="a"),
        claim("the envoy was careless in handling secret cables", "was", id="b"),
        claim("the envoy was careless", "was", id="c"),
        claim("a driver was careless on the motorway near the harbour bridge at night", "was", id="d"),
    ]
    keys = [PropositionKey(frozenset({"careless"}), frozenset()) for _ in claims]
    words = [content_words(c.text) for c in claims]
    links = keyed_links(claims, keys, words, None)
    assert links.get((0, 1)) == SETTINGS.keyed_link_score
    assert (0, 3) not in links and (1, 3) not in links  # one predicate, little else in common


def test_a_keyed_pair_joins_one_proposition_that_word_overlap_alone_leaves_apart() -> None:
    first = claim("Clinton was extremely careless with classified material", "was", id="a")
    second = claim("Crooked Hillary and her team were careless in handling sensitive data", "were", id="b")
    statements = [Statement(c, content_words(c.text), antecedent=None) for c in (first, second)]
    apart = group_statements(statements, SETTINGS)
    joined = group_statements(statements, SETTINGS, keyed={(0, 1): SETTINGS.keyed_link_score})
    assert len(apart) == 2 and len(joined) == 1


def test_statements_asserting_other_predicates_stay_apart_however_many_words_they_share() -> None:
    drop = claim("it will drop another batch of cables next week to get the releases back on track", "drop")
    take = claim("it would take two months to get the releases back on track", "take", id="c2")
    statements = [Statement(c, content_words(c.text), antecedent=None) for c in (drop, take)]
    weight = rarity_weights([s.words for s in statements])
    assert similarity(statements[0].words, statements[1].words, weight) >= SETTINGS.proposition_similarity
    assert len(group_statements(statements, SETTINGS)) == 2
    # one predicate, however inflected ("cancelled" through the lemma table), still groups on its words
    ferry = "the night ferry to the islands was cancelled because of the storm"
    cancelled = [claim(ferry, "was", id=f"f{n}") for n in (1, 2)]
    alike = [Statement(c, content_words(c.text), antecedent=None) for c in cancelled]
    assert len(group_statements(alike, SETTINGS)) == 1


def test_predicates_of_one_class_are_not_other_predicates_when_statements_are_grouped() -> None:
    # "was biased" and "had a conflict of interest" answer whether an arbiter is partial (class
    # ``partiality``): the words they share count, as they would for one predicate
    biased = claim("the port arbiter was biased against the union because of his heritage", "was", id="a")
    conflict = claim(
        "the port arbiter had a conflict of interest against the union because of his heritage", "had"
    )
    assert predicate_classes(predicates_of(biased)) & predicate_classes(predicates_of(conflict))
    statements = [Statement(c, content_words(c.text), antecedent=None) for c in (biased, conflict)]
    weight = rarity_weights([s.words for s in statements])
    assert similarity(statements[0].words, statements[1].words, weight) >= SETTINGS.proposition_similarity
    assert len(group_statements(statements, SETTINGS)) == 1
    # a predicate of no class is another predicate: as many shared words leave them apart
    delayed = claim("the port arbiter was delayed against the union because of his heritage", "was", id="c")
    other = [Statement(c, content_words(c.text), antecedent=None) for c in (delayed, conflict)]
    assert len(group_statements(other, SETTINGS)) == 2


@pytest.mark.skipif(load_embedder() is None, reason="no sentence encoder installed")
def test_with_the_encoder_paraphrases_link_and_other_claims_on_one_predicate_do_not() -> None:
    claims = [
        claim("the minister was careless with secret documents", "was", id="a"),
        claim("the minister was careless in handling classified papers", "was", id="b"),
        claim("the driver was careless on the icy motorway", "was", id="c"),
    ]
    keys = [PropositionKey(frozenset({"careless"}), frozenset()) for _ in claims]
    words = [content_words(c.text) for c in claims]
    weight = rarity_weights(words)
    assert similarity(words[0], words[1], weight) < SETTINGS.proposition_similarity  # words alone: apart
    links = keyed_links(claims, keys, words, load_embedder())
    assert (0, 1) in links
    assert (0, 2) not in links and (1, 2) not in links


def test_an_outlet_voice_claim_joins_the_proposition_it_is_keyed_to_and_only_once() -> None:
    speaker = claim("the director would not recommend charges against the envoy", "recommend", id="a")
    other = claim("the ministry summoned the ambassador", "summoned", id="b")
    statements = [Statement(c, content_words(c.text), antecedent=None) for c in (speaker, other)]
    groups = [[statements[0]], [statements[1]]]
    narrated = make_claim("The director decided against recommending charges", id="v", cue="")
    words = {"v": content_words(narrated.text)}
    join_keyed_outlet_voice(statements, [narrated], [(0, 0), (1, 0)], words, groups)
    assert [s.claim.id for s in groups[0]] == ["a", "v"] and [s.claim.id for s in groups[1]] == ["b"]


def test_an_outlet_voice_claim_inside_a_claims_content_does_not_join_it_as_a_second_voice() -> None:
    text = "The commissioner says an internal review shows no clerk leaked the filings."
    article = make_article(text)
    review = make_claim(
        "an internal review shows no clerk leaked the filings",
        article=article,
        id="a",
        cue="says",
        speaker_text="The commissioner",
        finite_verbs=(19,),
    )
    nested = make_claim("no clerk leaked the filings", article=article, id="v", cue="", finite_verbs=(9,))
    groups = [[Statement(review, content_words(review.text), antecedent=None)]]
    words = {"v": content_words(nested.text)}
    join_outlet_voice([nested], words, groups, SETTINGS.outlet_voice_similarity)
    join_keyed_outlet_voice(groups[0], [nested], [(0, 0)], words, groups)
    assert [s.claim.id for s in groups[0]] == ["a"]


def test_the_outlets_side_on_a_reported_contents_very_span_joins_it() -> None:
    # "the mayor wrongly suggested the inspector is part of a group …": the outlet denies the same words
    text = "The mayor wrongly suggested the inspector is part of a group organising the protests."
    article = make_article(text)
    content = "the inspector is part of a group organising the protests"
    reported = make_claim(content, article=article, id="c", cue="suggested", speaker_text="The mayor")
    outlet = make_claim(content, article=article, id="f", cue="", modality="denied")
    other = make_claim("The mayor wrongly suggested", article=article, id="v", cue="")
    groups = [[Statement(reported, content_words(content), antecedent=None)]]
    words = {c.id: content_words(c.text) for c in (outlet, other)}
    assert [c.id for c in join_same_span([outlet, other], words, groups)] == ["v"]
    assert [s.claim.id for s in groups[0]] == ["c", "f"]


def narration(text: str, verb: str, id: str) -> Claim:
    """An outlet-voice claim (no speaker, no cue) whose top-level finite verb is the first ``verb``."""
    return make_claim(text, id=id, cue="", finite_verbs=(text.index(verb),))


def test_an_outlet_voice_claim_alike_in_names_but_not_in_predicate_stays_out() -> None:
    decision = claim("the harbour board would not fine the ferry company", "fine", id="a")
    groups = [[Statement(decision, content_words(decision.text), antecedent=None)]]
    # the same board and company, but another thing said of them: no side of the decision
    unrelated = narration(
        "The harbour board, run by the city, is unlikely to act on the ferry company", "is", "v"
    )
    # the decision itself, in the outlet's words
    restated = narration("The harbour board chose to fine the ferry company after all", "chose", "w")
    words = {c.id: content_words(c.text) for c in (unrelated, restated)}
    weight = rarity_weights([groups[0][0].words, *words.values()])
    assert unrelated.outlet_voice and restated.outlet_voice
    assert similarity(words["v"], groups[0][0].words, weight) >= SETTINGS.outlet_voice_similarity
    join_outlet_voice([unrelated, restated], words, groups, SETTINGS.outlet_voice_similarity)
    assert [s.claim.id for s in groups[0]] == ["a", "w"]


def test_sharing_only_an_evidential_verb_is_no_shared_predicate() -> None:
    # what a review or a revelation "shows" lies in its complement: two findings are not one question by it
    words = [
        content_words("the audit shows no clerk leaked the ledger of the Mayor"),
        content_words("the leaks about the Mayor show the need for reform"),
        content_words("the audit of the Mayor shows no clerk leaked it"),
    ]
    keys = [
        PropositionKey(frozenset({predicate_stem("show"), predicate_stem("leak")}), frozenset({"@m"})),
        PropositionKey(frozenset({predicate_stem("show")}), frozenset({"@m"})),
        PropositionKey(frozenset({predicate_stem("show"), predicate_stem("leak")}), frozenset({"@m"})),
    ]
    pairs = keyed_candidates(keys, words)
    assert (0, 2) in pairs  # one finding: "leaked" shared
    assert (0, 1) not in pairs and (1, 2) not in pairs


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
    assert predicates_of(sense) == {predicate_stem("fraudulent")}
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
