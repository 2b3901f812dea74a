"""The group-level pass over a story's propositions (``ledger.proposition_merges``), on groups of sentences
written for it. Keys are set by hand (subject, arguments) as ``ledger.propositions`` reads them; the encoder
is a stand-in that gives each masked content a vector by hand, so the test reads the rule, not MiniLM.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

import numpy as np
from factories import make_claim

from storyline.config import LedgerSettings
from storyline.embeddings import Vectors
from storyline.stages.ledger.proposition_merges import (
    GroupEvidence,
    MergeDraft,
    merge_candidates,
    merge_draft,
    merge_floor,
    merged_groups,
    mutual_best,
    one_voice_alike,
    sides_conflict,
    unrelated_apart,
)
from storyline.stages.ledger.proposition_stems import predicate_stem
from storyline.stages.ledger.propositions import PropositionKey
from storyline.stages.ledger.statements import Statement

SETTINGS = LedgerSettings()


def statement(text: str, speaker: str, id: str) -> Statement:
    claim = make_claim(text, id=id, speaker_text=speaker)
    return Statement(claim, frozenset(text.lower().split()), antecedent=None)


def key(subject: Sequence[str], others: Sequence[str] = (), predicate: str = "say") -> PropositionKey:
    """A key of one predicate (a stem, as ``predicates_of`` reads it) said of ``subject``."""
    return PropositionKey(frozenset({predicate}), frozenset([*subject, *others]), frozenset(subject))


def evidence(
    subjects: Sequence[str] = (),
    sides: Sequence[tuple[str, str]] = (("a", "affirm"),),
    classes: Sequence[str] = (),
    nouns: Sequence[str] = (),
    objects: Sequence[str] = (),
) -> GroupEvidence:
    return GroupEvidence(
        frozenset(subjects), frozenset(nouns), frozenset(objects), frozenset(classes), frozenset(sides), (0,)
    )


class Vectorised:
    """An encoder of known texts: each text's unit vector as given."""

    def __init__(self, vectors: Mapping[str, Sequence[float]]) -> None:
        self._vectors = {text: np.asarray(vector, dtype=np.float32) for text, vector in vectors.items()}

    def __call__(self, texts: Sequence[str]) -> Vectors:
        rows = [self._vectors[text] / np.linalg.norm(self._vectors[text]) for text in texts]
        return np.stack(rows) if rows else np.zeros((0, 3), dtype=np.float32)


def test_two_groups_of_one_subject_and_two_speakers_alike_as_groups_merge() -> None:
    groups = [
        [statement("the minister's plan was reckless", "Okafor", "a")],
        [statement("the minister should withdraw the plan", "Adeyemi", "b")],
    ]
    keys = [key(["@minister"]), key(["@minister"])]
    draft = merge_draft(groups, keys)
    assert draft.pairs == ((0, 1),)
    texts = ["plan reckless", "withdraw plan"]
    alike = Vectorised({"plan reckless": [1.0, 0.2, 0.0], "withdraw plan": [1.0, 0.0, 0.2]})
    merged = merged_groups(groups, draft, texts, alike, SETTINGS)
    assert [[s.claim.id for s in group] for group in merged] == [["a", "b"]]
    apart = Vectorised({"plan reckless": [1.0, 0.0, 0.0], "withdraw plan": [0.0, 1.0, 0.0]})
    assert merged_groups(groups, draft, texts, apart, SETTINGS) == groups
    assert merged_groups(groups, draft, texts, None, SETTINGS) == groups  # no encoder: no merge


def test_the_subject_of_a_group_is_the_one_every_member_naming_a_subject_names() -> None:
    # "the minister's attack on the governor" names the governor inside its subject phrase; alone it may be
    # either's, but beside "the minister should apologise" the group's subject is the minister alone
    groups = [
        [statement("the minister's attack on the governor was unfair", "Okafor", "a")],
        [statement("the governor had failed the city", "Adeyemi", "b")],
    ]
    keys = [key(["@minister", "@governor"]), key(["@governor"])]
    assert merge_draft(groups, keys).pairs == ((0, 1),)
    groups[0].append(statement("the minister should apologise", "Bello", "c"))
    keys = [key(["@minister", "@governor"]), key(["@minister"]), key(["@governor"])]
    assert merge_draft(groups, keys).pairs == ()


def test_a_common_subject_noun_needs_an_entity_named_after_it_too() -> None:
    one_noun = evidence(nouns=["judg"], sides=[("a", "affirm")])
    other = evidence(nouns=["judg"], sides=[("b", "affirm")])
    assert merge_candidates([one_noun, other]) == []
    with_object = evidence(nouns=["judg"], objects=["@university"], sides=[("a", "affirm")])
    also = evidence(nouns=["judg"], objects=["@university"], sides=[("b", "affirm")])
    assert merge_candidates([with_object, also]) == [(0, 1)]


def test_the_entity_after_a_common_subject_noun_may_be_inside_the_other_groups_subject() -> None:
    # "the arbiter in a case involving the union was biased" reads the union inside its subject phrase;
    # "the arbiter had a conflict of interest in the union's case" names it after the verb
    after_verb = evidence(nouns=["arbit"], objects=["@union"], sides=[("a", "affirm")])
    in_subject = evidence(["@union"], [("b", "affirm")], nouns=["arbit"])
    in_subject = replace(in_subject, named=frozenset({"@union"}))
    assert merge_candidates([after_verb, in_subject]) == [(0, 1)]
    elsewhere = replace(in_subject, subjects=frozenset({"@port"}), named=frozenset({"@port"}))
    assert merge_candidates([after_verb, elsewhere]) == []


def test_a_later_round_reads_only_pairs_of_one_predicate_class() -> None:
    biased = evidence(["@arbiter"], classes=["partiality"])
    conflict = evidence(["@arbiter"], [("b", "affirm")], classes=["partiality"])
    slow = evidence(["@arbiter"], [("c", "affirm")], classes=["delay"])
    draft = MergeDraft((biased, conflict, slow), ((0, 1), (0, 2), (1, 2)))
    assert draft.of_one_class().pairs == ((0, 1),)


def test_one_voice_alone_or_a_side_conflict_keeps_two_groups_apart() -> None:
    same_voice = [evidence(["@m"], [("a", "affirm")]), evidence(["@m"], [("a", "affirm")])]
    assert merge_candidates(same_voice) == []  # a question needs two sources
    both_ways = [evidence(["@m"], [("a", "affirm")]), evidence(["@m"], [("a", "deny"), ("b", "affirm")])]
    assert sides_conflict(*both_ways) and merge_candidates(both_ways) == []
    opposite = [evidence(["@m"], classes=["fair"]), evidence(["@m"], [("b", "affirm")], ["fair, opposite"])]
    assert sides_conflict(*opposite) and merge_candidates(opposite) == []


def test_only_groups_that_are_each_others_most_alike_merge() -> None:
    scores = {(0, 1): 0.7, (1, 2): 0.8, (0, 2): 0.65}
    assert mutual_best(scores, 0.6) == [(1, 2)]  # 0's best is 1, whose best is 2: 0 stays apart
    assert mutual_best(scores, 0.85) == []


def test_groups_of_one_predicate_class_need_only_a_subject_some_member_names() -> None:
    # the second group's subject is misread in one member ("@photo"): no subject every member names, but
    # beside the class both share ("biased" / "conflict", partiality) the arbiter some member names is enough
    groups = [
        [statement("the arbiter was biased against the union", "Okafor", "a")],
        [
            statement("the arbiter had a conflict of interest", "Adeyemi", "b"),
            statement("the federal arbiter had a conflict of interest", "Bello", "c"),
        ],
    ]
    keys = [key(["@arbiter"], predicate=predicate_stem("biased")), key(["@arbiter"], predicate="conflict")]
    keys.append(key(["@photo"], predicate="conflict"))
    draft = merge_draft(groups, keys)
    assert draft.pairs == ((0, 1),)
    texts = ["arbiter biased", "arbiter conflict", "federal arbiter conflict"]
    # centroid cosine about 0.55: under the merge floor, over the class's
    vectors = {texts[0]: [1.0, 0.9, 0.0], texts[1]: [1.0, 0.0, 0.9], texts[2]: [1.0, 0.0, 0.9]}
    merged = merged_groups(groups, draft, texts, Vectorised(vectors), SETTINGS)
    assert [[s.claim.id for s in group] for group in merged] == [["a", "b", "c"]]
    # of no class: the misread member leaves the second group no subject, and nothing merges
    plain = [key(["@arbiter"], predicate="slow"), key(["@arbiter"]), key(["@photo"])]
    assert merge_draft(groups, plain).pairs == ()


def test_a_class_subject_is_not_read_for_requests_nor_opposites() -> None:
    request = evidence(classes=["frame"], sides=[("a", "affirm")])
    also = evidence(classes=["frame"], sides=[("b", "affirm")])
    request, also = (replace(one, named=frozenset({"@mayor"})) for one in (request, also))
    assert merge_candidates([request, also]) == []  # two requests of one person may ask two things
    partial = replace(request, classes=frozenset({"partiality"}))
    assert merge_candidates([partial, replace(also, classes=frozenset({"partiality"}))]) == [(0, 1)]
    impartial = replace(also, classes=frozenset({"partiality, opposite"}))
    assert merge_candidates([partial, impartial]) == []


def voiced(
    subjects: Sequence[str],
    speaker: str = "@okafor",
    classes: Sequence[str] = (),
    predicates: Sequence[str] = (),
) -> GroupEvidence:
    """A group of one resolved speaker's affirmations (``GroupEvidence.voices``)."""
    one = evidence(subjects, [(speaker, "affirm")], classes)
    return replace(one, predicates=frozenset(predicates), voices=frozenset({speaker}))


def test_one_resolved_voice_restating_one_thing_of_one_subject_is_a_candidate() -> None:
    # "the arbiter was biased" / "the arbiter had a conflict of interest": one speaker, one class, one subject
    biased = voiced(["@arbiter"], classes=["partiality"], predicates=["bias"])
    conflict = voiced(["@arbiter"], classes=["partiality"], predicates=["conflict"])
    assert one_voice_alike(biased, conflict) and merge_candidates([biased, conflict]) == [(0, 1)]
    # "the arbiter delayed the ruling" / "the arbiter delayed the hearing": one stem, no class
    delayed = [voiced(["@arbiter"], predicates=["delay"]), voiced(["@arbiter"], predicates=["delay", "rul"])]
    assert merge_candidates(delayed) == [(0, 1)]


def test_one_voice_needs_a_resolved_speaker_one_subject_entity_and_one_predicate() -> None:
    biased = voiced(["@arbiter"], classes=["partiality"], predicates=["bias"])
    slow = voiced(["@arbiter"], predicates=["slow"])  # another thing said of the arbiter
    assert merge_candidates([biased, slow]) == []
    other = voiced(["@mayor"], classes=["partiality"], predicates=["bias"])  # of another subject
    assert merge_candidates([biased, other]) == []
    unresolved = replace(biased, voices=frozenset())  # "he", an unresolved speaker as written
    assert not one_voice_alike(unresolved, unresolved)
    # a common subject noun alone ("a federal arbiter") is no subject entity for one voice
    nouns = [replace(voiced([], predicates=["bias"]), subject_nouns=frozenset({"arbit"})) for _ in range(2)]
    assert not one_voice_alike(*nouns)
    # another voice's group is weighed by the two-source rules, not these
    assert one_voice_alike(biased, biased)
    assert not one_voice_alike(biased, voiced(["@arbiter"], "@bello", ["partiality"], ["bias"]))


def test_one_voice_merges_only_at_its_own_higher_floor() -> None:
    groups = [
        [statement("the arbiter was biased against the union", "Okafor", "a")],
        [statement("the arbiter had a conflict of interest", "Okafor", "b")],
    ]
    groups = [[replace(s, claim=replace(s.claim, speaker="@okafor")) for s in group] for group in groups]
    keys = [key(["@arbiter"], predicate=predicate_stem("biased")), key(["@arbiter"], predicate="conflict")]
    draft = merge_draft(groups, keys)
    texts = ["arbiter biased", "arbiter conflict"]
    # "bias" and "conflict" are of one class (partiality): a candidate of one voice
    assert draft.pairs == ((0, 1),)
    # centroid cosine about 0.55: over the class floor of two sources, under one voice's
    middling = {texts[0]: [1.0, 0.9, 0.0], texts[1]: [1.0, 0.0, 0.9]}
    assert merged_groups(groups, draft, texts, Vectorised(middling), SETTINGS) == groups
    close = {texts[0]: [1.0, 0.3, 0.0], texts[1]: [1.0, 0.0, 0.3]}
    merged = merged_groups(groups, draft, texts, Vectorised(close), SETTINGS)
    assert [[s.claim.id for s in group] for group in merged] == [["a", "b"]]
    assert merge_floor(draft.evidence[0], draft.evidence[1], SETTINGS) == SETTINGS.one_voice_merge_cosine


# --- a group split into the parts that assert one thing of one subject (``unrelated_apart``) -------------


def keyed(
    text: str, id: str, predicates: Sequence[str], subject: Sequence[str] = (), noun: str = ""
) -> tuple[Statement, PropositionKey]:
    """A statement of ``text`` and its key: ``predicates`` (stems) said of ``subject`` (entities named
    before the verb) or of a subject headed by ``noun``; every entity of the text among its arguments."""
    entities = frozenset(word for word in text.split() if word.startswith("@"))
    key = PropositionKey(frozenset(predicates), entities, frozenset(subject), noun)
    return statement(text, "someone", id), key


def split(*members: tuple[Statement, PropositionKey]) -> list[list[str]]:
    groups = [[one for one, _key in members]]
    keys = {id(one): key for one, key in members}
    return [[one.claim.id for one in part] for part in unrelated_apart(groups, keys)]


def test_a_member_sharing_only_a_name_with_the_group_stands_apart() -> None:
    working = keyed("the @ministry was reviewing the permit", "c1", ["review"], ["@ministry"], "ministry")
    denial = keyed("the inquiry had nothing to do with the @ministry", "c2", ["do"], noun="inquiry")
    assert split(working, denial) == [["c1"], ["c2"]]


def test_a_shared_predicate_or_subject_keeps_members_together_along_a_chain() -> None:
    resigned = keyed("the mayor resigned on friday", "c1", ["resign"], noun="mayor")
    quit_post = keyed("the deputy says she resigned too", "c2", ["resign"], noun="deputy")
    fired = keyed("the deputy was fired", "c3", ["fire"], noun="deputy")
    assert split(resigned, quit_post, fired) == [["c1", "c2", "c3"]]


def test_a_member_whose_subject_is_not_read_is_not_judged() -> None:
    no_plan = keyed("there is no plan to close the port", "c1", ["close"])
    discussed = keyed("the council never discussed the plan", "c2", ["discuss"], noun="council")
    assert split(no_plan, discussed) == [["c1", "c2"]]


def test_a_predicate_that_only_names_its_own_subject_again_meets_nothing() -> None:
    backed = keyed("a majority of voters backed the tax", "c1", ["back"], noun="majority")
    wanted = keyed("the voters who left were voters we wanted to lose", "c2", ["voter"], noun="voter")
    assert split(backed, wanted) == [["c1"], ["c2"]]


def test_a_member_of_no_key_is_judged_by_the_noun_heading_its_subject() -> None:
    working, working_key = keyed("the @ministry was reviewing the permit", "c1", ["review"], ["@ministry"])
    text = "the inquiry had nothing to do with the @ministry"
    unread = Statement(make_claim(text, id="c2", finite_verbs=(text.index("had"),)), frozenset(), None)
    groups = [[working, unread]]
    parts = unrelated_apart(groups, {id(working): working_key, id(unread): None})
    assert [[one.claim.id for one in part] for part in parts] == [["c1"], ["c2"]]
    pronoun = "she had nothing to do with it"
    unheaded = Statement(
        make_claim(pronoun, id="c3", finite_verbs=(pronoun.index("had"),)), frozenset(), None
    )
    assert len(unrelated_apart([[working, unheaded]], {id(working): working_key})) == 1
