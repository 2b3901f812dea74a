"""Which proposition keys link two statements: the rules pairing claims of one predicate or one class.

Two statements are linked (``keyed_draft``, ``finish_keyed``) only when every signal agrees: a predicate of
each is among the other's content words (the same predicate, said with any word order or inflection), their
arguments do not conflict (they share an entity, or one names none: "she"), and their contents — with
entities, numbers and negations masked (``ledger.propositions.masked_content``), so that the embedding
compares what is said of someone rather than who, and "would not prosecute" meets "would prosecute" — are
alike: the MiniLM cosine when an encoder is installed, else the lexical overlap, each at its own threshold. A
linked pair scores as alike as a proposition needs (``LedgerSettings.keyed_link_score``); average linkage
still decides the groups, so one link does not pull a whole cluster in. A statement that matches nothing
with confidence stays its own proposition.

Two outlets may also answer one question with other predicates ("it's a phony system" / "the system is
being rigged"): predicates of one class (lexicon ``propositions``, the frame verbs one more) are candidates
too (``class_candidates``), only when their arguments share an entity or one common noun heads both
subjects ("a federal judge", ``subject_noun``), at a cosine floor of their own (``lowered_floors``); a
class's opposites ("impartial" of "biased") are a class of their own, the side being read from negation.

The keys themselves are read in ``ledger.propositions``; this module only compares them, so a rule about
when two statements are one proposition is changed here alone."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from storyline.config import LedgerSettings
from storyline.embeddings import Embedder
from storyline.records import Claim
from storyline.stages.ledger.blocking import posting_lists
from storyline.stages.ledger.grouping import rarity_weights, similarity
from storyline.stages.ledger.proposition_predicates import predicate_classes
from storyline.stages.ledger.proposition_stems import predicate_stems, proposition_words
from storyline.stages.ledger.propositions import PropositionKey

Pair = tuple[int, int]
# Statements one predicate may link: a predicate held by more says little about any two of them.
MAX_SHARING = 30


def _arguments_agree(first: PropositionKey, second: PropositionKey) -> bool:
    """Their subjects, when both name one, share an entity ("Seoul may send troops" is not "North Korea
    sent troops", though both name North Korea); and their arguments share an entity, or one names none
    (a pronoun subject): two disjoint sets of names conflict."""
    if first.subject and second.subject and not first.subject & second.subject:
        return False
    if _act_and_person(first, second) or _act_and_person(second, first):
        return False
    return bool(first.arguments & second.arguments) or not first.arguments or not second.arguments


def _act_and_person(first: PropositionKey, second: PropositionKey) -> bool:
    """Whether ``first``'s subject is a demonstrative (an act: "that was unfair") and ``second``'s names a
    person ("~surname", ``proposition_key``): "Khan had been unfair to him" is said of a person, "that was
    unfair" of what was done; linked, a condemnation of one man's words stood as corroborating his own
    complaint (PolNeAR khan-family, issue #14)."""
    return first.subject_act and any(token.startswith("~") for token in second.subject)


def frames_a_claim(key: PropositionKey) -> bool:
    """Whether every predicate of the key is a frame verb ("asked … to", "expects … to", lexicon
    ``propositions``): what the statement asks lies in the complement, whose verb the parse does not
    give as top-level, so the key cannot name it."""
    return key.predicates <= proposition_words().frame_verbs


def keyed_candidates(keys: Sequence[PropositionKey | None], words: Sequence[frozenset[str]]) -> list[Pair]:
    """Pairs (i < j) where a predicate of each appears among the other's content words (one predicate,
    said with any word order or inflection), their arguments agreeing. A statement framing a claim
    (``frames_a_claim``) is met by the other's predicate among its words alone: "the campaign expects the
    moderator to fact-check him" and "the moderator needs to fact-check him" ask one thing. Both ways, not
    one: with a predicate of one among the other's words enough, the PolNeAR development stories (round 15,
    eval/ledger.py --corpus polnear --skip-held-out) went together 49 -> 47/118, apart 250/251 -> 314/320.
    An evidential verb ("the review shows no one released them", "revelations show the need for reform") is
    no shared predicate: what each asserts lies in its complement, which the key does not read. With them,
    the pairs of one predicate class (``class_candidates``)."""
    stems = [predicate_stems(item) for item in words]
    holders = posting_lists(stems)
    evidential = proposition_words().evidential
    pairs: set[Pair] = set()
    for index, key in enumerate(keys):
        for predicate in key.predicates - evidential if key else ():
            sharing = holders.get(predicate, [])
            if len(sharing) > MAX_SHARING:
                continue
            for other in sharing:
                other_key = keys[other]
                if other == index or other_key is None or key is None:
                    continue
                met = bool((other_key.predicates - evidential) & stems[index]) or frames_a_claim(other_key)
                if _arguments_agree(key, other_key) and met:
                    pairs.add((min(index, other), max(index, other)))
    return sorted(pairs | set(class_candidates(keys)))


def class_candidates(keys: Sequence[PropositionKey | None]) -> list[Pair]:
    """Pairs (i < j) whose predicates differ but fall in one predicate class (lexicon ``propositions``:
    "it's a phony system", "the system is being rigged") and whose arguments name one entity, or whose
    subjects are headed by one common noun (``subject_noun``): a class is looser than one predicate, so a
    pronoun on either side ("she", "it") is not enough."""
    classes = [predicate_classes(key.predicates) if key else frozenset() for key in keys]
    pairs: set[Pair] = set()
    for members in posting_lists(classes).values():
        if len(members) > MAX_SHARING:
            continue
        for position, index in enumerate(members):
            for other in members[position + 1 :]:
                first, second = keys[index], keys[other]
                if first and second and _same_arguments(first, second):
                    pairs.add((index, other))
    return sorted(pairs)


def _same_arguments(first: PropositionKey, second: PropositionKey) -> bool:
    """Other predicates of one class, both naming an entity they share or both headed by one common noun
    ("a federal judge was biased" / "the judge handling the lawsuits can't be impartial": the noun is the
    argument the writers chose not to name), their arguments not conflicting."""
    shared = first.arguments & second.arguments
    one_noun = bool(first.subject_noun) and first.subject_noun == second.subject_noun
    other = not first.predicates & second.predicates
    return (bool(shared) or one_noun) and other and _arguments_agree(first, second)


def lowered_floors(
    pairs: Sequence[Pair], keys: Sequence[PropositionKey | None], settings: LedgerSettings
) -> dict[Pair, float]:
    """The cosine floor of each pair of one predicate class, no shared predicate and a shared entity
    (``class_candidates``): ``keyed_class_cosine_floor``; the other pairs keep ``keyed_cosine_floor``."""
    floors = {}
    for i, j in pairs:
        first, second = keys[i], keys[j]
        if not (first and second and _same_arguments(first, second)):
            continue
        if predicate_classes(first.predicates) & predicate_classes(second.predicates):
            floors[(i, j)] = settings.keyed_class_cosine_floor
    return floors


@dataclass(frozen=True, slots=True)
class KeyedDraft:
    """A story's keyed links before the encoder has its say: the pairs already linked, the candidate pairs
    left to the embedding cosine or the lexical floor, and the masked content of each of their claims."""

    linked: frozenset[Pair]
    left: tuple[Pair, ...]
    lexical: Mapping[Pair, float]
    texts: Mapping[int, str]
    floors: Mapping[Pair, float] = field(default_factory=dict)  # left pairs' own floors (``lowered_floors``)

    def to_embed(self) -> list[str]:
        """The masked contents the encoder is asked for, in claim order (none when no pair is left)."""
        return [self.texts[index] for index in sorted({index for pair in self.left for index in pair})]

    def restricted(self, wanted: Callable[[Pair], bool]) -> KeyedDraft:
        """Only the ``wanted`` pairs: a caller that reads some links only in some cases embeds no more."""
        linked = frozenset(pair for pair in self.linked if wanted(pair))
        left = tuple(pair for pair in self.left if wanted(pair))
        return KeyedDraft(linked, left, self.lexical, self.texts, self.floors)


def keyed_draft(
    claims: Sequence[Claim],
    keys: Sequence[PropositionKey | None],
    words: Sequence[frozenset[str]],
    masked: Callable[[Claim], str],
    settings: LedgerSettings,
) -> KeyedDraft:
    """Candidate pairs (``keyed_candidates``) up to the encoder: a pair alike in words as a proposition needs
    (``proposition_similarity``) or masked to one text is linked at once; the rest are left to
    ``finish_keyed``. A caller linking many stories embeds every story's ``to_embed`` in one call
    (``ledger.positions.build_ledgers``), and only the pairs left: on generated news, embedding every
    candidate cost a fifth of the analysis."""
    pairs = keyed_candidates(keys, words)
    if not pairs:
        return KeyedDraft(frozenset(), (), {}, {})
    weight = rarity_weights(words)
    lexical = {(i, j): similarity(words[i], words[j], weight) for i, j in pairs}
    texts = {index: masked(claims[index]) for pair in pairs for index in pair}
    linked = {pair for pair in pairs if lexical[pair] >= settings.proposition_similarity}
    linked |= {(i, j) for i, j in pairs if texts[i] == texts[j]}
    left = tuple(pair for pair in pairs if pair not in linked)
    return KeyedDraft(frozenset(linked), left, lexical, texts, lowered_floors(left, keys, settings))


def finish_keyed(draft: KeyedDraft, embedder: Embedder | None, settings: LedgerSettings) -> dict[Pair, float]:
    """The links of ``draft``, each scored ``settings.keyed_link_score``: its pairs left linked by the cosine
    of ``embedder``'s vectors of their masked contents, or without an embedder by weighted word overlap at
    the lexical floor."""
    linked = set(draft.linked)
    if embedder is None:
        linked |= {pair for pair in draft.left if draft.lexical[pair] >= settings.keyed_lexical_floor}
    elif draft.left:
        members = sorted({index for pair in draft.left for index in pair})
        row = {index: position for position, index in enumerate(members)}
        vectors = embedder(draft.to_embed())
        cosine = {(i, j): float(np.dot(vectors[row[i]], vectors[row[j]])) for i, j in draft.left}
        floor = settings.keyed_cosine_floor
        linked |= {pair for pair in draft.left if cosine[pair] >= draft.floors.get(pair, floor)}
    return {pair: settings.keyed_link_score for pair in sorted(linked)}
