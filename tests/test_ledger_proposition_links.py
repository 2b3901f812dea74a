"""Which proposition keys link two statements (``ledger.proposition_links``): the candidates, the pairs of
one predicate class and their floors, the encoder's pass, on sentences written for them.

The claims are built by ``test_ledger_propositions.claim``, with their finite verbs set by hand.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pytest
from test_ledger_propositions import SETTINGS, claim

from storyline.embeddings import Embedder, load_embedder
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
from storyline.stages.ledger.proposition_predicates import predicate_classes
from storyline.stages.ledger.proposition_stems import predicate_stem
from storyline.stages.ledger.propositions import PropositionKey, proposition_key


def keyed_links(
    claims: list[Claim], keys: list[PropositionKey], words: list[frozenset[str]], embedder: Embedder | None
) -> dict[Pair, float]:
    """The keyed links of one story's ``claims`` as ``ledger.proposition_questions`` makes them: the draft,
    then ``embedder`` (or the lexical floor without one) on the pairs it leaves."""
    draft = keyed_draft(claims, keys, words, lambda c: c.text, SETTINGS)
    return finish_keyed(draft, embedder, SETTINGS)


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


def test_breaking_in_and_standing_behind_it_are_one_class_when_one_country_is_named() -> None:
    moldova = frozenset({"@md"})
    keys = _keys(
        [
            ("Moldovan intelligence services hacked the ministry", "hacked", moldova),
            ("Moldova engineered the release of the files", "engineered", moldova),
            ("the Moldovan government was behind the leak", "was", moldova),
            ("Ukraine was behind the leak", "was", frozenset({"@ua"})),  # another country
        ]
    )
    assert class_candidates(keys) == [(0, 1), (0, 2), (1, 2)]


# "ousted", "fired", "pushed out": whether he was removed from a post; "attacked me from the stage", "had
# no right to criticize him", "lashed out at": whether he attacked in words. A phrasal verb states its class's
# verb ("push out" → oust), so it pairs with that verb by one predicate, not as a class pair.
REMOVALS = [
    ("the board ousted Aldo Ferri as chairman", "ousted"),
    ("Aldo Ferri was fired on Monday", "was"),
    ("Aldo Ferri was pushed out by the board", "was"),
]
VERBAL_ATTACKS = [
    ("Aldo Ferri viciously attacked the mayor from the stage", "attacked"),
    ("Aldo Ferri had no right to criticize the mayor", "had"),
    ("Aldo Ferri lashed out at the mayor", "lashed"),
]


@pytest.mark.parametrize(
    ("one_man", "another_man", "stray"),
    [
        (REMOVALS, ("Nils Berg was sacked last year", "was"), ("the guard fired two shots", "fired")),
        (
            VERBAL_ATTACKS,
            ("Nils Berg slammed the mayor", "slammed"),
            ("the troops attacked at dawn", "attacked"),
        ),
    ],
)
def test_removals_and_verbal_attacks_are_classes_paired_only_on_one_person(
    one_man: list[tuple[str, str]], another_man: tuple[str, str], stray: tuple[str, str]
) -> None:
    aldo, nils = frozenset({"@aldo"}), frozenset({"@nils"})
    keys = _keys([(text, verb, aldo) for text, verb in one_man] + [(*another_man, nils)])
    assert class_candidates(keys) == [(0, 1), (1, 2)]  # not (0, 2): one predicate; not Nils Berg
    # a use of a class word in another sense names no one, and no class pair is made of it
    assert class_candidates(_keys([(*one_man[1], aldo), (*stray, frozenset())])) == []


def test_a_hater_of_a_party_is_partial_to_it() -> None:
    club = frozenset({"@club"})
    keys = _keys(
        [
            ("the referee is a hater of the Rovers", "is", club),
            ("the referee was biased against the Rovers", "was", club),
            ("the referee was impartial toward the Rovers", "was", club),  # the opposite: a class apart
        ]
    )
    assert class_candidates(keys) == [(0, 1)]


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
