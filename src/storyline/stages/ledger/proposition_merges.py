"""A second, group-level pass over a story's propositions: two groups merged when they agree as groups.

Keyed links (``ledger.proposition_links``) pair two statements, and average linkage decides the groups: a
single link rarely pulls two clusters together, and statements keyed by other verbs ("hacked", "engineered",
"was behind") never meet at all. This pass reads each group whole (a singleton too) and merges two groups
(``merged_groups``) only when every group-level signal agrees:

- one subject: a resolved entity named before the main verb in both groups, or one common noun heading
  both groups' subjects ("a federal judge", ``PropositionKey.subject_noun``), and no two subjects that
  conflict (``subjects_conflict``); two groups of one predicate class (lexicon ``propositions``: "was
  biased" / "had an inherent conflict of interest") need only an entity some member of each names as its
  subject (``one_class_subject``): the class says what one subject phrase misread would not;
- what is said is alike: the centroids of the groups' masked contents (``ledger.propositions
  .masked_content``: who, how much and which side masked out) at a MiniLM cosine of at least
  ``LedgerSettings.group_merge_cosine``, or ``group_class_merge_cosine`` for two groups of one predicate
  class; without an encoder nothing is merged (word overlap already made the groups);
- no side conflict (``sides_conflict``): no predicate class against its opposite ("biased" / "impartial":
  merged, one side would read inverted) and no speaker affirming in one group what he denies in the other;
- another source: the two groups together have two speakers at least (a question needs two sources), or
  they are one resolved speaker's statements of one subject entity in one predicate class or stem
  (``one_voice_alike``), at a higher cosine (``LedgerSettings.one_voice_merge_cosine``): one voice's
  restatements make one single-source question (``ledger.single_voice``), carried by every outlet quoting
  a form of it.

Two groups merge only when each is the other's most alike candidate (``mutual_best``), so a chain of
weak resemblances does not grow one question out of many."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from storyline.config import LedgerSettings
from storyline.embeddings import Embedder
from storyline.stages.claims import stance_of
from storyline.stages.ledger.blocking import join_groups
from storyline.stages.ledger.grouping import TOKEN_MARK, speaker_key
from storyline.stages.ledger.proposition_predicates import FRAME_CLASS, predicate_classes
from storyline.stages.ledger.proposition_stems import predicate_stems, text_predicate_stems
from storyline.stages.ledger.propositions import PropositionKey, subject_noun
from storyline.stages.ledger.statements import Statement

Pair = tuple[int, int]
OPPOSITE = ", opposite"  # how ``proposition_predicates`` names a class's opposite ("fair, opposite")


@dataclass(frozen=True, slots=True)
class GroupEvidence:
    """What a group of statements asserts of whom, read from its members' keys, and who says it."""

    subjects: frozenset[str]  # resolved entities ("@id") named as a member's subject
    subject_nouns: frozenset[str]  # the common nouns heading members' subjects ("judge")
    objects: frozenset[str]  # resolved entities named by a member after its subject
    classes: frozenset[str]  # the predicate classes of its members' predicates
    sides: frozenset[tuple[str, str]]  # (speaker, stance) of each member
    members: tuple[int, ...]  # statement indices
    named: frozenset[str] = frozenset()  # resolved entities any member names as its subject
    predicates: frozenset[str] = frozenset()  # the stems its members' keys predicate ("bias", "conflict")
    voices: frozenset[str] = frozenset()  # the resolved speakers (entity ids) of its quoted members


def group_evidence(
    members: Sequence[int], keys: Sequence[PropositionKey | None], statements: Sequence[Statement]
) -> GroupEvidence:
    """The evidence of the group of statements ``members`` (indices into ``keys`` and ``statements``)."""
    held = [key for key in (keys[index] for index in members) if key is not None]
    named = [frozenset(token for token in key.subject if token.startswith(TOKEN_MARK)) for key in held]
    # the subject every member naming one names: an entity inside one member's subject phrase ("Trump's
    # criticism of the judge, Gonzalo Curiel") is no subject of the group
    subjects = frozenset.intersection(*[one for one in named if one]) if any(named) else frozenset()
    objects = {token for key in held for token in key.arguments - key.subject if token.startswith(TOKEN_MARK)}
    return GroupEvidence(
        subjects,
        frozenset(key.subject_noun for key in held if key.subject_noun),
        frozenset(objects),
        predicate_classes(frozenset(predicate for key in held for predicate in key.predicates)),
        frozenset(
            (speaker_key(statements[index].claim), stance_of(statements[index].claim)) for index in members
        ),
        tuple(members),
        frozenset().union(*named),
        frozenset(predicate for key in held for predicate in key.predicates),
        frozenset(
            speaker
            for speaker, claim in ((statements[i].claim.speaker, statements[i].claim) for i in members)
            if speaker and not claim.outlet_voice
        ),
    )


def one_subject(first: GroupEvidence, second: GroupEvidence) -> bool:
    """Whether the groups share a resolved subject entity, or a common noun heading their subjects and an
    entity named after it ("the information … in emails of her server"): a noun alone is too common. The
    entity may stand before the verb in one group, in a modifier of the noun the subject reads as the whole
    subject ("a Mexican-American judge in a case involving Trump University was biased" beside "the federal
    judge had an inherent conflict of interest in the Trump University cases", PolNeAR curiel)."""
    one_noun = first.subject_nouns & second.subject_nouns and _entities(first) & _entities(second)
    return bool(first.subjects & second.subjects or one_noun)


def _entities(group: GroupEvidence) -> frozenset[str]:
    """The resolved entities the group's members name, as their subject or after it."""
    return group.objects | group.named


def shared_class(first: GroupEvidence, second: GroupEvidence) -> bool:
    """Whether the groups share a predicate class, not the frame verbs' (two requests of one person may
    ask two things) nor an opposite (``sides_conflict`` keeps those apart)."""
    shared = first.classes & second.classes
    return any(name != FRAME_CLASS and not name.endswith(OPPOSITE) for name in shared)


def one_class_subject(first: GroupEvidence, second: GroupEvidence) -> bool:
    """Whether the groups share a predicate class (``shared_class``) and an entity some member of each names
    as its subject. The group's subject is the entity every member naming one names (``group_evidence``),
    so one member whose subject phrase the entities stage misread ("the federal judge" resolved to a photo
    credit's name) leaves the group none; beside a class both share, any member's subject is enough
    (PolNeAR curiel-trump-university: the judge "was biased" and "had an inherent conflict of interest")."""
    return shared_class(first, second) and bool(first.named & second.named)


def subjects_conflict(first: GroupEvidence, second: GroupEvidence) -> bool:
    """Whether both groups name a subject and the two share none ("Seoul" / "North Korea")."""
    return bool(first.subjects and second.subjects and not first.subjects & second.subjects)


def sides_conflict(first: GroupEvidence, second: GroupEvidence) -> bool:
    """Whether merged the groups would put a side wrong: a predicate class in one and its opposite in the
    other (the side is read from negation, so "impartial" beside "biased" would stand inverted), or one
    speaker affirming in one what he denies in the other (one voice on both sides asks nothing)."""
    opposite = {name + OPPOSITE for name in first.classes} & second.classes
    opposite |= {name + OPPOSITE for name in second.classes} & first.classes
    stances: dict[str, set[str]] = {}
    for speaker, stance in first.sides | second.sides:
        stances.setdefault(speaker, set()).add(stance)
    both_ways = any({"affirm", "deny"} <= held for held in stances.values())
    return bool(opposite) or both_ways


def another_source(first: GroupEvidence, second: GroupEvidence) -> bool:
    """Whether the two groups together hold two speakers at least: a question needs two sources."""
    return len({speaker for speaker, _stance in first.sides | second.sides}) >= 2


def one_voice_alike(first: GroupEvidence, second: GroupEvidence) -> bool:
    """Whether the two groups are one resolved speaker's statements of one thing: every quoted member of
    both his (``another_source`` fails), a predicate class or stem they share, and one resolved subject
    entity, every member's (``GroupEvidence.subjects``) or, beside a shared class, some member's of each
    (``one_class_subject``); never a common noun alone ("a federal judge"). One voice repeating a charge in
    other words ("the judge was biased", "Curiel had an inherent conflict of interest"), each outlet quoting
    another form, is one single-source question carried by them all (``ledger.single_voice``), not one
    question per wording; the cosine it needs is higher (``merge_floor``)."""
    voice = {speaker for speaker, _stance in first.sides | second.sides}
    resolved = len(voice) == 1 and voice <= first.voices & second.voices
    alike = shared_class(first, second) or bool(first.predicates & second.predicates)
    subject = bool(first.subjects & second.subjects) or one_class_subject(first, second)
    return resolved and alike and subject


def merge_candidates(evidence: Sequence[GroupEvidence]) -> list[Pair]:
    """Pairs of groups (i < j) of one subject, no conflict of subjects or sides, two sources between them
    or one voice's statements of one thing (``one_voice_alike``)."""
    return [
        (i, j)
        for i, first in enumerate(evidence)
        for j in range(i + 1, len(evidence))
        if (one_subject(first, evidence[j]) or one_class_subject(first, evidence[j]))
        and not subjects_conflict(first, evidence[j])
        and (another_source(first, evidence[j]) or one_voice_alike(first, evidence[j]))
        and not sides_conflict(first, evidence[j])
    ]


@dataclass(frozen=True, slots=True)
class MergeDraft:
    """A story's groups read as evidence, and the candidate pairs the encoder is left to decide."""

    evidence: tuple[GroupEvidence, ...]
    pairs: tuple[Pair, ...]

    def of_one_class(self) -> MergeDraft:
        """The draft with only the candidate pairs of one predicate class (``shared_class``): a later round
        of the pass (``ledger.proposition_questions``) merges no pair on a subject alone, so no chain of
        merges grows a question of one person's statements on several things."""
        pairs = (pair for pair in self.pairs if shared_class(self.evidence[pair[0]], self.evidence[pair[1]]))
        return MergeDraft(self.evidence, tuple(pairs))

    def members(self) -> list[int]:
        """The statement indices of every group in a candidate pair, sorted: whose texts are embedded."""
        groups = {group for pair in self.pairs for group in pair}
        return sorted(index for group in groups for index in self.evidence[group].members)


def merge_draft(groups: Sequence[Sequence[Statement]], keys: Sequence[PropositionKey | None]) -> MergeDraft:
    """The evidence of ``groups`` (their statements, in order, being those ``keys`` are of) and their
    candidate pairs (``merge_candidates``)."""
    statements = [statement for group in groups for statement in group]
    evidence, offset = [], 0
    for group in groups:
        evidence.append(group_evidence(range(offset, offset + len(group)), keys, statements))
        offset += len(group)
    return MergeDraft(tuple(evidence), tuple(merge_candidates(evidence)))


def centroid_cosines(
    evidence: Sequence[GroupEvidence], pairs: Sequence[Pair], vectors: Callable[[int], np.ndarray]
) -> dict[Pair, float]:
    """The cosine of the two groups' centroids (mean of their members' unit vectors, ``vectors``: statement
    index → its masked content's vector) for each pair."""
    centroids: dict[int, np.ndarray] = {}
    for group in sorted({group for pair in pairs for group in pair}):
        mean = np.mean([vectors(index) for index in evidence[group].members], axis=0)
        centroids[group] = mean / (np.linalg.norm(mean) or 1.0)
    return {(i, j): float(centroids[i] @ centroids[j]) for i, j in pairs}


def merged_groups(
    groups: list[list[Statement]],
    draft: MergeDraft,
    texts: Sequence[str],
    embedder: Embedder | None,
    settings: LedgerSettings,
) -> list[list[Statement]]:
    """``groups`` with two candidate groups of ``draft`` merged when each is the other's most alike and their
    centroids' cosine reaches ``settings.group_merge_cosine`` (``group_class_merge_cosine`` for two groups
    of one predicate class); ``texts``: the masked contents of ``draft.members()``, in order. Each pair is
    scored by its cosine's margin over its own floor, so "most alike" weighs the class's lower floor too.
    Unchanged without an encoder."""
    if embedder is None or not draft.pairs:
        return groups
    members = draft.members()
    row = {index: position for position, index in enumerate(members)}
    embedded = embedder(texts)
    cosine = centroid_cosines(draft.evidence, draft.pairs, lambda index: embedded[row[index]])
    evidence = draft.evidence
    margins = {
        (i, j): value - merge_floor(evidence[i], evidence[j], settings) for (i, j), value in cosine.items()
    }
    links = mutual_best(margins, 0.0)
    merged = join_groups([[g] for g in range(len(groups))], links)
    return [[statement for g in indices for statement in groups[g]] for indices in sorted(merged)]


def merge_floor(first: GroupEvidence, second: GroupEvidence, settings: LedgerSettings) -> float:
    """The centroid cosine two candidate groups must reach: one voice's (``one_voice_alike``) at least two
    sources' of no shared class, two sources' of one predicate class the lowest."""
    if not another_source(first, second):
        return settings.one_voice_merge_cosine
    if shared_class(first, second):
        return settings.group_class_merge_cosine
    return settings.group_merge_cosine


def mutual_best(scores: Mapping[Pair, float], floor: float) -> list[Pair]:
    """The pairs (i < j) scoring at least ``floor`` whose two groups are each other's best: a group most
    like several others pulls none of them in, so no chain of resemblances grows one question of many."""
    best: dict[int, tuple[float, int]] = {}
    for (i, j), score in sorted(scores.items()):
        for one, other in ((i, j), (j, i)):
            if score >= floor and score > best.get(one, (-1.0, 0))[0]:
                best[one] = (score, other)
    mutual = [(one, other) for one, (_score, other) in best.items() if best[other][1] == one]
    return sorted(pair for pair in mutual if pair[0] < pair[1])


def unrelated_apart(
    groups: list[list[Statement]], keys: Mapping[int, PropositionKey | None]
) -> list[list[Statement]]:
    """``groups`` each split into the parts whose members assert one thing of one subject
    (``asserts_alike``), chained: a member sharing neither a predicate nor a subject with any other member
    of its group stands apart. Words and entities alone make a group (``ledger.statements``), so two
    statements sharing a name or a vague word ("changes", "people", "as well as") stood as one question:
    Trump's remark that Crimea wanted to join Russia corroborated by his line on a taco tweet, a denial
    that an investigation concerned a department set against the department's work on a request
    (issue #14). ``keys``: each statement's key, by ``id`` of the statement."""
    return [part for group in groups for part in _alike_parts(group, keys)]


def _alike_parts(group: list[Statement], keys: Mapping[int, PropositionKey | None]) -> list[list[Statement]]:
    """The group's members joined along pairs that assert alike (``asserts_alike``), in order."""
    if len(group) < 2:
        return [group]
    read = [keys.get(id(member)) or _subject_only(member) for member in group]
    links = [
        (i, j)
        for i, first in enumerate(group)
        for j in range(i + 1, len(group))
        if asserts_alike(first, read[i], group[j], read[j])
    ]
    parts = join_groups([[i] for i in range(len(group))], links)
    return [[group[i] for i in sorted(part)] for part in sorted(parts, key=min)]


def asserts_alike(
    first: Statement, first_key: PropositionKey | None, second: Statement, second_key: PropositionKey | None
) -> bool:
    """Whether two statements may be one proposition: a predicate of each among the other's words or one
    predicate class, or one subject (a resolved entity or the common noun heading both: "the judge").
    Judged only when both keys read a subject: without one ("there is no plan to use soldiers", "she
    denied it", a key missing or a content standing for another's words: "the accusation") nothing says
    of whom the statement is, and the words that made the group are all there is."""
    if not (_subject_read(first_key) and _subject_read(second_key)) or first.antecedent or second.antecedent:
        return True
    assert first_key is not None and second_key is not None  # a key without one reads no subject
    first_asserts, second_asserts = _asserted(first_key), _asserted(second_key)
    first_stems = predicate_stems(first.words) | text_predicate_stems(first.claim.text)
    second_stems = predicate_stems(second.words) | text_predicate_stems(second.claim.text)
    predicate = bool(first_asserts & second_stems or second_asserts & first_stems)
    one_class = bool(predicate_classes(first_asserts) & predicate_classes(second_asserts))
    noun = bool(first_key.subject_noun) and first_key.subject_noun == second_key.subject_noun
    return predicate or one_class or noun or bool(first_key.subject & second_key.subject)


def _subject_only(member: Statement) -> PropositionKey | None:
    """A key of no predicate for a statement whose predicate was not read ("had nothing to do with"): the
    noun heading its subject, so that it is still judged of whom it speaks; None without a verb."""
    verbs = member.claim.finite_verbs
    if not verbs:
        return None
    return PropositionKey(frozenset(), frozenset(), frozenset(), subject_noun(member.claim.text, verbs[0]))


def _subject_read(key: PropositionKey | None) -> bool:
    """Whether the key names its subject: a resolved entity before the verb or a common noun heading it."""
    return key is not None and bool(key.subject or key.subject_noun)


def _asserted(key: PropositionKey) -> frozenset[str]:
    """The key's predicates but its subject's own noun: "the people who were offended were people we
    wanted to offend" predicates nothing of its subject by naming it again, and "people" of any other
    statement would meet it. The noun is compared as a predicate stem too ("people" → "@personnel")."""
    noun = key.subject_noun
    return key.predicates - {noun} - predicate_stems(frozenset({noun})) if noun else key.predicates
