"""Which claims of a story state one proposition ("was the ministry warned?"): grouping's statements half.

Claims without a usable quantity are clustered by content similarity (average linkage over rarity-weighted
word and entity overlap, on the candidate pairs of ``ledger.blocking``); a denial whose content is only
"the accusation" takes the content of the claim just before it in the article; each response (denial,
non-confirmation) joins the group of the statement it is most like. Two statements that each assert a
predicate the other does not mention, naming no entity in common, are not alike whatever words they share
(``ledger.propositions``: a question is keyed by what is asserted); nor, whatever entity they share, when
either denies a norm, what ought to be: it denies no other predicate's event ("she does not believe the
Khans should be immune from criticism" stood as the denial that Khan had attacked Trump unfairly, PolNeAR
khan-family, issue #14). A proposition is weighed when at
least two independent sources take part; one voice's is kept only as a single-source question
(``ledger.single_voice``). The outlet's own statements never seed a group (their long sentences
share words with anything): one joins a group only when it is as alike as a claim of the group
(``join_outlet_voice``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from types import MappingProxyType

from storyline.config import LedgerSettings
from storyline.lexicons import load_lexicon
from storyline.records import Claim
from storyline.stages.claims import stance_of
from storyline.stages.ledger.blocking import average_linkage, candidate_pairs, join_groups
from storyline.stages.ledger.embedding import ContentVectors
from storyline.stages.ledger.grouping import (
    NO_VECTORS,
    TOKEN_MARK,
    WORD,
    ledger_lexicon,
    rarity_weights,
    similarity,
)
from storyline.stages.ledger.proposition_predicates import predicate_classes, predicates_of
from storyline.stages.ledger.proposition_stems import predicate_stems, text_predicate_stems


@dataclass(frozen=True, slots=True)
class Statement:
    """A claim as a proposition item: its content words and entities (an antecedent's, when anaphoric)."""

    claim: Claim
    words: frozenset[str]
    antecedent: str | None  # the claim id whose content a bare "the accusation" stands for
    response: bool = False  # a denial or non-confirmation of something said before


def statement_reference(claim: Claim) -> str | None:
    """ "bare" for a content that only names a statement ("the accusation", "the group's claims"), "headed"
    for one headed by such a noun ("the information that had transpired from Kyiv"), else None."""
    lexicon = ledger_lexicon()
    words = [word.lower() for word in WORD.findall(claim.text)]
    meaningful = [word for word in words if word not in lexicon.stopwords]
    if len(meaningful) <= 3 and any(word in lexicon.statement_nouns for word in words):
        return "bare"
    if meaningful and meaningful[0] in lexicon.statement_nouns:
        return "headed"
    return None


def group_statements(
    statements: Sequence[Statement],
    settings: LedgerSettings,
    vectors: ContentVectors = NO_VECTORS,
    keyed: Mapping[tuple[int, int], float] = MappingProxyType({}),
) -> list[list[Statement]]:
    """Propositions: statements whose contents are alike (average linkage over weighted Jaccard, on the
    candidate pairs of ``ledger.blocking``, a pair of one proposition key scoring at least its ``keyed``
    score: ``ledger.proposition_links``); then each response (denial, non-confirmation) joins the group of the
    statement it is most like."""
    if not statements:
        return []
    weight = rarity_weights([statement.words for statement in statements])
    position = {statement.claim.id: index for index, statement in enumerate(statements)}
    pairs = candidate_pairs([statement.words for statement in statements], weight) | set(keyed)
    for index, statement in enumerate(statements):
        if statement.antecedent in position:
            other = position[statement.antecedent]
            pairs.add((min(index, other), max(index, other)))
    scores: dict[tuple[int, int], float] = {}
    predicates = [predicates_of(statement.claim) for statement in statements]
    stems = [predicate_stems(s.words) | text_predicate_stems(s.claim.text) for s in statements]
    normative = [not s.response and _negated_norm(s.claim) for s in statements]
    for i, j in pairs:
        first, second = statements[i], statements[j]
        linked = first.antecedent == second.claim.id or second.antecedent == first.claim.id
        score = vectors.blend(similarity(first.words, second.words, weight), first.claim, second.claim)
        # a negated norm denies no other predicate's event: a shared entity does not link them
        shared = shares_an_entity(first, second) and not (normative[i] or normative[j])
        if _other_predicates(predicates[i], predicates[j], stems[i], stems[j]) and not (
            first.response or second.response or shared
        ):
            score = 0.0
        if first.response and second.response:
            score = min(1.0, score * settings.response_kinship)
        scores[i, j] = 1.0 if linked else max(score, keyed.get((i, j), 0.0))
    clusters = average_linkage(len(statements), scores, settings.proposition_similarity)
    nearest: dict[int, tuple[float, int]] = {}
    for (i, j), score in scores.items():
        for one, other in ((i, j), (j, i)):
            if statements[one].response and score > nearest.get(one, (-1.0, 0))[0]:
                nearest[one] = (score, other)
    links = [(one, other) for one, (score, other) in nearest.items() if score >= settings.response_similarity]
    return [[statements[i] for i in group] for group in join_groups(clusters, links)]


def _other_predicates(
    first: frozenset[str], second: frozenset[str], first_stems: frozenset[str], second_stems: frozenset[str]
) -> bool:
    """Whether two statements each assert a predicate the other does not even mention: "it will drop
    another batch next week to get back on track" and "it would take two months to get the releases back
    on track" share words, not what they assert (issue 14: a question is keyed by what is asked). Predicates
    of one class (lexicon ``propositions``: "was biased", "had a conflict of interest") are not other ones."""
    if predicate_classes(first) & predicate_classes(second):
        return False
    return bool(first and second) and not (first & second_stems or second & first_stems)


def _negated_norm(claim: Claim) -> bool:
    """Whether the claim negates a norm, what ought to be ("she does not believe they should be immune from
    criticism", "the mayor should not resign"): a modal of ``deontic_modals`` (lexicon ``ledger``) and a
    negation that denies."""
    words = {word.lower() for word in WORD.findall(claim.text)}
    return bool(words & _deontic_modals()) and stance_of(claim) == "deny"


@cache
def _deontic_modals() -> frozenset[str]:
    return frozenset(load_lexicon("ledger")["deontic_modals"])


def shares_an_entity(first: Statement, second: Statement) -> bool:
    """Whether two statements name one resolved entity ("@id": a surname alone is no such entity)."""
    return any(word.startswith(TOKEN_MARK) for word in first.words & second.words)


def join_same_span(
    claims: Sequence[Claim], words: dict[str, frozenset[str]], groups: list[list[Statement]]
) -> list[Claim]:
    """Each outlet-voice claim of the very span of an attributed statement joins that statement's group; the
    others are returned. Only the outlet's own side on a content it reports shares a reported content's
    span ("Trump erroneously suggested Curiel was from Mexico": ``claims.framing``); its words are the
    statement's, and a predicate the ledger cannot read ("is part of a group") must not keep the outlet's
    side from the very claim it answers."""
    group_of = {
        (statement.claim.article, statement.claim.start, statement.claim.end): index
        for index, group in enumerate(groups)
        for statement in group
        if not statement.claim.outlet_voice
    }
    rest: list[Claim] = []
    for claim in claims:
        index = group_of.get((claim.article, claim.start, claim.end))
        if index is None:
            rest.append(claim)
        else:
            groups[index].append(Statement(claim, words[claim.id], antecedent=None))
    return rest


def join_outlet_voice(
    claims: Sequence[Claim],
    words: dict[str, frozenset[str]],
    groups: list[list[Statement]],
    min_similarity: float,
) -> None:
    """Each outlet-voice claim joins the proposition whose closest member it is most like, when at least
    ``min_similarity`` alike (weighted Jaccard) and of one predicate with it (``shares_predicate``); else it
    stays out of the ledger's propositions."""
    members = [statement.words for group in groups for statement in group]
    weight = rarity_weights(members + [words[claim.id] for claim in claims])
    groups_with = _groups_by_word(groups)
    predicates = _Predicates()
    for claim in claims:
        best, chosen = min_similarity, None
        for index in _groups_sharing_a_word(words[claim.id], groups_with, len(groups), min_similarity):
            group = groups[index]
            alike = [
                statement
                for statement in group
                if shares_predicate(claim, words[claim.id], statement, predicates)
                and not restates(claim, statement.claim)
            ]
            if not alike:
                continue
            score = max(similarity(words[claim.id], statement.words, weight) for statement in alike)
            if score >= best:
                best, chosen = score, index
        if chosen is not None:
            groups[chosen].append(Statement(claim, words[claim.id], antecedent=None))
            for word in words[claim.id]:
                groups_with.setdefault(word, set()).add(chosen)


def restates(outlet_claim: Claim, claim: Claim) -> bool:
    """Whether the outlet-voice claim lies inside the content of ``claim`` (one article): the complement of
    the claim's own verb ("the commissioner says | a review shows | no one leaked the filings"), the same
    words of the same source, not the outlet stating it again. Joined to it, a proposition of one sentence
    stood as two sources (PolNeAR trump-taxes, issue #14). The complement follows the verb reporting it, so
    it starts after the content does."""
    inside = claim.start < outlet_claim.start < outlet_claim.end <= claim.end
    return outlet_claim.article == claim.article and inside


def _groups_by_word(groups: Sequence[Sequence[Statement]]) -> dict[str, set[int]]:
    """Word → the indices of the groups a statement of which holds it."""
    holding: dict[str, set[int]] = {}
    for index, group in enumerate(groups):
        for statement in group:
            for word in statement.words:
                holding.setdefault(word, set()).add(index)
    return holding


def _groups_sharing_a_word(
    claim_words: frozenset[str], groups_with: Mapping[str, set[int]], group_count: int, min_similarity: float
) -> list[int]:
    """The groups worth scoring for an outlet-voice claim, in order: a group none of whose statements shares
    a word with it scores 0 and cannot reach a positive ``min_similarity``. Scoring every statement of every
    group took 6.4 s of the 60 s of CPU of the cross-article stages over the 923 PolNeAR texts."""
    if min_similarity <= 0:
        return list(range(group_count))
    return sorted(set().union(*(groups_with.get(word, set()) for word in claim_words)))


class _Predicates:
    """Each claim's predicates and each set of words' predicate stems, computed once for a story's outlet
    claims: every outlet claim is checked against each statement of the groups it shares a word with, and
    stemming those statements again for each claim took 7.3 s of the ledger's 24 s of CPU over 300 PolNeAR
    texts (``benchmarks/profile_main.py``), all of it in the serial tail after the last article."""

    def __init__(self) -> None:
        self._of_claim: dict[str, frozenset[str]] = {}
        self._of_words: dict[frozenset[str], frozenset[str]] = {}

    def of_claim(self, claim: Claim) -> frozenset[str]:
        if claim.id not in self._of_claim:
            self._of_claim[claim.id] = predicates_of(claim)
        return self._of_claim[claim.id]

    def stems(self, words: frozenset[str]) -> frozenset[str]:
        if words not in self._of_words:
            self._of_words[words] = predicate_stems(words)
        return self._of_words[words]


def shares_predicate(
    claim: Claim, words: frozenset[str], statement: Statement, predicates: _Predicates | None = None
) -> bool:
    """Whether a predicate of either is among the other's content words (``proposition_predicates``). An
    outlet's long sentence shares names with anything in its story: "the Justice Department is unlikely to
    act on the referral" shares the department and Clinton with "the Justice Department would not prosecute
    Clinton", not what is said of them (PolNeAR fbi-no-charges: that narration stood as the affirming side
    of Lynch's decision). ``predicates``: what was already worked out for this story's claims."""
    known = predicates or _Predicates()
    return bool(
        known.of_claim(claim) & known.stems(statement.words)
        or known.of_claim(statement.claim) & known.stems(words)
    )


def join_keyed_outlet_voice(
    statements: Sequence[Statement],
    claims: Sequence[Claim],
    links: Sequence[tuple[int, int]],
    words: dict[str, frozenset[str]],
    groups: list[list[Statement]],
) -> None:
    """Each outlet-voice claim still outside every proposition joins the group of the first statement it
    shares a proposition key with (``links``: statement index, outlet claim index; ``ledger.propositions``).
    "Comey decided not to recommend indicting Clinton", in the outlet's voice, and "he wouldn't recommend
    prosecuting her" share few words but one predicate and its argument."""
    group_of = {id(statement): index for index, group in enumerate(groups) for statement in group}
    placed = {statement.claim.id for group in groups for statement in group}
    for statement_index, claim_index in links:
        claim = claims[claim_index]
        group = group_of.get(id(statements[statement_index]))
        if claim.id in placed or group is None or restates(claim, statements[statement_index].claim):
            continue
        groups[group].append(Statement(claim, words[claim.id], antecedent=None))
        placed.add(claim.id)
