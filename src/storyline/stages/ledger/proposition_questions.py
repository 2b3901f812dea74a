"""A story's proposition questions: its claims outside measured things grouped into propositions and asked.

Apart from ``ledger.positions`` (which runs the phases and orders the questions) and from the measured
questions (``ledger.measured_questions``) because propositions are grouped in four rounds of the encoder
(``group_propositions`` pauses for it, a generator that ``positions`` delegates to) and asked from a worded
clause and the sides taken on it, not from figures.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Generator, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from storyline.embeddings import Embedder
from storyline.records import Claim, Position, Question
from storyline.stages.claims import stance_of
from storyline.stages.entities import country_ids, government_country_ids
from storyline.stages.ledger.anaphora import (
    RESPONSE_MODALITIES,
    answered_group,
    context_span,
    context_text,
    names_no_subject,
    topic_words,
)
from storyline.stages.ledger.blocking import join_groups
from storyline.stages.ledger.embedding import ContentVectors
from storyline.stages.ledger.evidence import figures_affirming, label_states_a_clause, speaking_sources
from storyline.stages.ledger.grouping import (
    content_words,
    entities_within,
    rarity_weights,
    speaker_key,
)
from storyline.stages.ledger.labels import (
    asks_something,
    central_order,
    label_claim,
    proposition_label,
    title_case,
)
from storyline.stages.ledger.measures import Measure
from storyline.stages.ledger.proposition_links import KeyedDraft, finish_keyed, keyed_draft
from storyline.stages.ledger.proposition_merges import merge_draft, merged_groups, unrelated_apart
from storyline.stages.ledger.proposition_predicates import stated_predicates
from storyline.stages.ledger.proposition_pronouns import named_in_story
from storyline.stages.ledger.propositions import (
    PropositionKey,
    demonym_countries,
    masked_content,
    proposition_key,
)
from storyline.stages.ledger.sides import make_position, make_question, stance_positions
from storyline.stages.ledger.single_voice import single_voice_question, worth_alone
from storyline.stages.ledger.statements import (
    Statement,
    group_statements,
    join_keyed_outlet_voice,
    join_outlet_voice,
    join_same_span,
    shares_an_entity,
    statement_reference,
)
from storyline.stages.ledger.story_reading import StoryReading, sourcing

# The grouping of a story's propositions run around the encoder: it yields the masked contents its keyed
# links need embedded next, is sent an encoder of them (None: link by words), and returns the groups.
PropositionSteps = Generator[list[str], Embedder | None, list[list[Statement]]]


@dataclass(frozen=True, slots=True)
class Unmeasured:
    """The claims of no measured thing, sorted by how they join a question."""

    # by measured group index, the claims that name one of its claims ("the figure")
    attached: dict[int, list[Claim]]
    statements: list[Statement]  # propositions' items, each may seed one
    unplaced: list[Claim]  # responses naming no subject: placed by context
    # outlet-voice claims by id, with their words: they join a proposition only when alike enough, never
    # seed one
    narration: dict[str, frozenset[str]]


def sort_unmeasured(reading: StoryReading, groups: Sequence[Sequence[Measure]]) -> Unmeasured:
    """Each claim outside the measured ``groups`` sorted (``Unmeasured``); a reference ("the accusation")
    reads as what it refers to."""
    group_of_claim = {m.claim.id: index for index, group in enumerate(groups) for m in group}
    mentioned = reading.mentioned
    attached: dict[int, list[Claim]] = {}
    statements: list[Statement] = []
    unplaced: list[Claim] = []
    narration: dict[str, frozenset[str]] = {}
    for claim in reading.claims:
        if claim.id in group_of_claim:
            continue
        target = reading.antecedent.get(claim.id)
        if target in group_of_claim:
            attached.setdefault(group_of_claim[target], []).append(claim)
            continue
        words = content_words(claim.text) | mentioned[claim.id]
        if claim.outlet_voice:
            narration[claim.id] = words
            continue
        if target and statement_reference(claim) == "bare":  # "the accusation" stands for what came before
            words = content_words(reading.claim_by_id[target].text) | mentioned[target] | mentioned[claim.id]
        elif names_no_subject(claim):
            unplaced.append(claim)
            continue
        else:
            target = None
        response = claim.modality in RESPONSE_MODALITIES
        statements.append(Statement(claim, words, antecedent=target, response=response))
    return Unmeasured(attached, statements, unplaced, narration)


def group_propositions(
    reading: StoryReading, unmeasured: Unmeasured, vectors: ContentVectors
) -> PropositionSteps:
    """The statements grouped into propositions, responses placed by context and the outlet's narration
    joined, paused for the encoder (``PropositionSteps``)."""
    settings = reading.context.settings
    statements = unmeasured.statements
    narration = unmeasured.narration
    outlet_claims = [reading.claim_by_id[claim_id] for claim_id in narration]
    keyed_claims = [s.claim for s in statements] + outlet_claims
    keys = _keys(keyed_claims, reading)
    draft = _keyed(keyed_claims, keys, reading)
    # Four rounds of the encoder, each embedding only what is read: the links between statements, the
    # groups a group-level merge may join (``ledger.proposition_merges``), the links of an outlet's
    # claim that no proposition took by its words to a statement (no link between two outlet claims is
    # read: on 600 PolNeAR texts those and the placed claims' were a quarter of the texts), then those of
    # a claim said once to a group of several sources (``_keyed_once_joined``).
    between = draft.restricted(lambda pair: pair[1] < len(statements))
    statement_keyed = finish_keyed(between, (yield between.to_embed()), settings)
    groups = group_statements(statements, settings, vectors, statement_keyed)
    groups = yield from _merged(groups, statements, keys, reading)
    groups = unrelated_apart(groups, {id(statement): keys[i] for i, statement in enumerate(statements)})
    _place_by_context(unmeasured.unplaced, groups, reading)
    unjoined = join_same_span(outlet_claims, narration, groups)
    join_outlet_voice(unjoined, narration, groups, settings.outlet_voice_similarity)
    placed = {statement.claim.id for group in groups for statement in group}
    to_outlet = draft.restricted(
        lambda pair: pair[0] < len(statements) <= pair[1] and keyed_claims[pair[1]].id not in placed
    )
    outlet_keyed = finish_keyed(to_outlet, (yield to_outlet.to_embed()), settings)
    outlet_links = [(i, j - len(statements)) for i, j in outlet_keyed]
    join_keyed_outlet_voice(statements, outlet_claims, outlet_links, narration, groups)
    candidates = [*between.linked, *between.left]
    groups = _said_once_joined(groups, statements, candidates, reading)
    # a fourth round: a claim said once and a group of several sources, one voice's, with one entity
    said_once = [len(group) == 1 and _said_once(group, reading) for group in groups]
    weighed = [speaking_sources([s.claim for s in group], reading.context.origin) >= 2 for group in groups]
    group_of = _group_of(groups, statements)
    shared = [
        pair
        for pair in candidates
        if {pair[0], pair[1]} <= group_of.keys()
        and any(said_once[group_of[a]] and weighed[group_of[b]] for a, b in (pair, pair[::-1]))
        and speaker_key(statements[pair[0]].claim) == speaker_key(statements[pair[1]].claim)
        and shares_an_entity(statements[pair[0]], statements[pair[1]])
    ]
    texts = {index: between.texts[index] for pair in shared for index in pair}
    encoder = yield sorted(set(texts.values()))
    alike = _alike_pairs(shared, texts, encoder, settings.keyed_class_cosine_floor)
    return _keyed_once_joined(groups, statements, alike, said_once, weighed)


def _group_of(groups: Sequence[Sequence[Statement]], statements: Sequence[Statement]) -> dict[int, int]:
    """Statement index (in ``statements``) → the index of the group holding it."""
    index_of = {id(statement): index for index, statement in enumerate(statements)}
    return {index_of[id(s)]: g for g, group in enumerate(groups) for s in group if id(s) in index_of}


def _alike_pairs(
    pairs: Sequence[tuple[int, int]], texts: Mapping[int, str], encoder: Embedder | None, floor: float
) -> list[tuple[int, int]]:
    """The ``pairs`` whose masked contents (``texts``) the encoder finds at least ``floor`` alike (none
    without an encoder: a join past average linkage wants the encoder's word)."""
    if encoder is None or not texts:
        return []
    order = sorted(texts)
    vectors = dict(zip(order, encoder([texts[index] for index in order]), strict=True))
    return [pair for pair in pairs if float(np.dot(vectors[pair[0]], vectors[pair[1]])) >= floor]


def _keyed_once_joined(
    groups: list[list[Statement]],
    statements: Sequence[Statement],
    alike: Collection[tuple[int, int]],
    said_once: Sequence[bool],
    weighed: Sequence[bool],
) -> list[list[Statement]]:
    """``groups`` with each claim one voice says once (a group of one statement, ``said_once``: no
    question, ``ledger.single_voice``) joined to the group of several sources (``weighed``) where that voice
    already speaks, when its ``alike`` pairs (statement indices of one proposition key, a shared entity and
    masked contents alike: ``_alike_pairs``) to that voice's statements reach that group alone. Average
    linkage weighs one link against every member of a larger group, so a voice's third wording of a
    question it already weighs in stayed out of the ledger (PolNeAR curiel-trump-university, issue #14:
    Ryan's "Trump line 'racist'" beside his two statements of it). Only the same voice: it adds no source,
    so no status moves; another voice's claim reached the seeds' weighed question of North Korea's troops
    from "Seoul to send its scouts" (tests/test_ledger.py)."""
    group_of = _group_of(groups, statements)
    target: dict[int, int] = {}
    for g, group in enumerate(groups):
        if len(group) != 1 or not said_once[g]:
            continue
        reached = {
            group_of[other]
            for pair in alike
            for mine, other in (pair, pair[::-1])
            if group_of.get(mine) == g
            and other in group_of
            and weighed[group_of[other]]
            and speaker_key(statements[mine].claim) == speaker_key(statements[other].claim)
        }
        if len(reached) == 1:
            target[g] = reached.pop()
    if not target:
        return groups
    merged = sorted(join_groups([[g] for g in range(len(groups))], sorted(target.items())))
    return [[statement for g in members for statement in groups[g]] for members in merged]


def _said_once_joined(
    groups: list[list[Statement]],
    statements: Sequence[Statement],
    candidates: Sequence[tuple[int, int]],
    reading: StoryReading,
) -> list[list[Statement]]:
    """``groups`` with each group one voice says once (alone, no question: ``ledger.single_voice``) joined
    to the group whose affirmation it most often contests (``_contests``) along the key candidates
    (statement index pairs of one predicate and agreeing arguments, ``ledger.propositions``, before the
    encoder's gate). Each side of one question, each in its own group, was lost: the denial as the story's
    body (PolNeAR classified-emails: Feinstein's "it has never made sense to me that Clinton can be held
    responsible" beside Issa's "her judgment is in question"). On the development stories: together 72 ->
    74/711, statuses 27 -> 28/70, no pair of other questions joined; with a lone affirmation joining too and
    no shared entity, 4 pairs of other questions joined (fbi-no-charges), the demo's P 0.847 -> 0.841."""
    index_of = {id(statement): index for index, statement in enumerate(statements)}
    group_of = {index_of[id(s)]: g for g, group in enumerate(groups) for s in group if id(s) in index_of}
    target: dict[int, int] = {}
    for g, group in enumerate(groups):
        if not _said_once(group, reading):
            continue
        links = Counter(
            group_of[other]
            for pair in candidates
            for mine, other in (pair, pair[::-1])
            if group_of.get(mine) == g
            and group_of.get(other, g) != g
            and _contests(statements[mine], statements[other])
        )
        if links:
            target[g] = max(links, key=lambda h: (links[h], -h))
    if not target:
        return groups
    merged = sorted(join_groups([[g] for g in range(len(groups))], sorted(target.items())))
    return [[statement for g in members for statement in groups[g]] for members in merged]


def _contests(said_once: Statement, other: Statement) -> bool:
    """Whether a statement one voice says once denies (or will not confirm) what ``other`` affirms, another
    speaker saying it of one resolved entity. Only a denial joins: an affirmation joined to the doubts of a
    group rewords its question and stands before the figures that affirmed it (the seeds' question of
    North Korean soldiers in the war took "Seoul to send its scouts"). A shared name alone ("~clinton") is
    not enough: "the Justice Department would not prosecute Clinton" and "several people have been
    prosecuted" share it."""
    sides = stance_of(said_once.claim) != "affirm" and stance_of(other.claim) == "affirm"
    other_voice = speaker_key(said_once.claim) != speaker_key(other.claim)
    return sides and shares_an_entity(said_once, other) and other_voice


def _said_once(group: Sequence[Statement], reading: StoryReading) -> bool:
    """Whether one voice says the group's proposition once: alone, no question (``ledger.single_voice``)."""
    claims = [statement.claim for statement in group]
    one_voice = speaking_sources(claims, reading.context.origin) < 2
    return one_voice and not worth_alone(claims, reading.context.settings)


def _without_self_contradiction(group: Sequence[Statement]) -> list[Statement]:
    """``group`` without the affirming claims of a speaker who also denies its proposition in one article:
    a denial is read from words ("France is no longer France"), an affirmation only from their absence, so
    the speaker's other claim that merely joins the group ("France had lost its identity") is the misread,
    and kept it would stand him on both sides beside the other voices. Across articles a speaker may change
    his mind: kept."""
    denying = {
        (statement.claim.article, statement.claim.speaker)
        for statement in group
        if statement.claim.speaker and stance_of(statement.claim) == "deny"
    }
    return [
        statement
        for statement in group
        if stance_of(statement.claim) != "affirm"
        or (statement.claim.article, statement.claim.speaker) not in denying
    ]


def proposition_question(
    reading: StoryReading, group: Sequence[Statement], measure_groups: Sequence[Sequence[Measure]]
) -> tuple[Question, bool] | None:
    """The question of one proposition and whether one voice alone holds it (``ledger.single_voice``);
    None when it is the story's body or asks nothing. ``measure_groups``: the story's measured things,
    whose figures may affirm what no one quoted does."""
    context = reading.context
    group_claims = [statement.claim for statement in group]
    one_voice = speaking_sources(group_claims, context.origin) < 2
    if not one_voice:  # one voice on both sides asks nothing at all (below)
        group = _without_self_contradiction(group)
        group_claims = [statement.claim for statement in group]
        one_voice = speaking_sources(group_claims, context.origin) < 2
    if one_voice and not worth_alone(group_claims, context.settings):
        return None  # one voice, said once: the story's body, not a question of it (``ledger.single_voice``)
    order = affirming_first(group_claims, central_order([s.words for s in group]))
    label = _worded(group_claims, order, reading)
    if label is None:
        return None  # "Is it true that from his perspective?", "… that Clinton to win?" are no questions
    positions = stance_positions(group_claims, context)
    if one_voice:
        if len(positions) > 1:
            return None  # one voice on both sides of a thing: a misread, or two things
    elif not any(stance_of(claim) == "affirm" for claim in group_claims if not claim.outlet_voice):
        positions = _affirmed_by_figures(reading, group, positions, measure_groups)
    sources = sourcing(group_claims, reading)
    question = make_question(
        reading.story,
        "p:" + ",".join(sorted(claim.id for claim in group_claims)),
        label,
        None,
        positions,
        sources.relayed,
        sources.supporting,
        context.names,
        context.origin,
        relayers=sources.relayers,
    )
    if one_voice:
        return single_voice_question(question, context.names), True
    return question, False


def _affirmed_by_figures(
    reading: StoryReading,
    group: Sequence[Statement],
    positions: list[Position],
    measure_groups: Sequence[Sequence[Measure]],
) -> list[Position]:
    """No one quoted affirms: those who give a figure for it do (an outlet's narration beside them)."""
    settings = reading.context.settings
    quoted = [statement for statement in group if not statement.claim.outlet_voice]
    figures = figures_affirming(quoted, measure_groups, settings.figure_affirms_min_share)
    if not figures:
        return positions
    narrated = [s.claim for s in group if s.claim.outlet_voice and stance_of(s.claim) == "affirm"]
    others = [p for p in positions if p.stance != "affirm"]
    return [make_position(figures + narrated, reading.context, None, "affirm"), *others]


def _place_by_context(
    responses: Sequence[Claim], groups: list[list[Statement]], reading: StoryReading
) -> None:
    """Each response naming no subject joins the proposition its article was discussing (see
    ``ledger.anaphora``); with no proposition in the story, it stands alone."""
    context = reading.context
    weight = rarity_weights([statement.words for group in groups for statement in group])
    for claim in responses:
        article = context.by_id[claim.article]
        start, end = context_span(claim, article)
        words = content_words(context_text(claim, article)) | entities_within(
            reading.spans, claim.article, start, end
        )
        chosen = answered_group(claim, words, groups, weight, context.settings)
        placed = Statement(claim, topic_words(claim), antecedent=None, response=True)
        if chosen is None:
            groups.append([placed])
        else:
            groups[chosen].append(placed)


def _keys(claims: Sequence[Claim], reading: StoryReading) -> list[PropositionKey | None]:
    """Each claim's proposition key (``ledger.propositions``), people named by ``reading.persons``, a
    country whose demonym modifies a noun of the content among the arguments (``demonym_countries``), which
    a class pair must share. PolNeAR development stories, round 20: with only the demonyms before the verb
    among the arguments, no pair gained; with those also among the subject, the same figures as without, so
    the subject is left as the entities name it (a disjoint subject is a conflict). Nor is a pronoun subject
    resolved: "I" of a quotation read as its speaker, "he"/"she" of reported speech as the speaker when the
    sentence names no other person, changed no figure (round 20)."""
    countries = country_ids(reading.context.names)
    governed = government_country_ids(reading.context.names, countries)
    return [
        proposition_key(
            claim,
            reading.mentioned[claim.id] | demonym_countries(claim.text, countries),
            reading.persons,
            _subject(claim, reading, governed),
        )
        for claim in claims
    ]


def _masked(claim: Claim, reading: StoryReading) -> str:
    """The claim's content with the story's entity mentions, numbers and negations masked."""
    spans = reading.spans.get(claim.article, [])
    return masked_content(claim, [(start, end) for start, end, _id in spans])


def _keyed(
    claims: Sequence[Claim], keys: Sequence[PropositionKey | None], reading: StoryReading
) -> KeyedDraft:
    """Pairs of claims of one proposition key (``keys``), before the encoder links those their words leave
    in doubt. The predicates a claim states beyond its words join them ("step down": resign; "denounced |
    the remarks": condemn; ``stated_predicates``)."""
    words = [
        content_words(claim.text) | reading.mentioned[claim.id] | stated_predicates(claim) for claim in claims
    ]
    return keyed_draft(claims, keys, words, lambda claim: _masked(claim, reading), reading.context.settings)


def _merged(
    groups: list[list[Statement]],
    statements: Sequence[Statement],
    keys: Sequence[PropositionKey | None],
    reading: StoryReading,
) -> Generator[list[str], Embedder | None, list[list[Statement]]]:
    """``groups`` after the group-level pass (``ledger.proposition_merges``), paused for the encoder of the
    masked contents of the candidate groups' statements. ``keys``: of ``statements``, in order. Repeated
    while groups merge, a later round only between groups of one predicate class (``MergeDraft
    .of_one_class``): a merged group is read whole, so a group whose second source only the merged one holds
    meets it then (PolNeAR curiel, named_subjects on: the Times' statement of Trump's bias charge, his alone,
    joins the HuffPost's three forms once two of those merged; together 17 -> 22/450)."""
    index_of = {id(statement): index for index, statement in enumerate(statements)}
    later = False
    while True:
        flat = [statement for group in groups for statement in group]
        draft = merge_draft(groups, [keys[index_of[id(statement)]] for statement in flat])
        draft = draft.of_one_class() if later else draft
        texts = [_masked(flat[index].claim, reading) for index in draft.members()]
        merged = merged_groups(groups, draft, texts, (yield texts), reading.context.settings)
        if len(merged) == len(groups):
            return merged
        groups, later = merged, True


def _worded(claims: Sequence[Claim], order: list[int], reading: StoryReading) -> str | None:
    """A proposition's label, worded from ``order`` (most central first) when its label states a clause
    and names whom its pronouns stand for (``ledger.proposition_pronouns``), else from the most central
    claim whose label does alone ("there's no precedent for prosecuting …" opens with a contraction; "there
    is precedent for prosecution", beside it, asks the question); None when no claim's does. Another claim
    words the label only when every claim is a clause: a fragment at the centre ("top secret", "Clinton to
    win Monday's debate") mostly gathered claims about other things. A label whose pronoun names no one
    ("Would he make an exception?") is no question: the analyst cannot tell whom it asks of (issue #14,
    precision first); on the development stories and the demo every such label was named once reported
    speech's opening pronoun read as its speaker, so none was left to drop."""
    every_clause = all(claim.finite_verbs for claim in claims)
    # a headline's Title Case words a label last (``labels.title_case``)
    singles = sorted(order, key=lambda index: title_case(claims[index].text)) if every_clause else []
    for chosen in (order, *([index] for index in singles)):
        if asks_something(claims, chosen) and label_states_a_clause(claims, chosen):
            label = proposition_label(claims, chosen)
            named = named_in_story(label, label_claim(claims, chosen), reading)
            if named is not None:
                return named
    return None


def affirming_first(claims: Sequence[Claim], order: list[int]) -> list[int]:
    """``order`` with the affirming claims first (stable) when the claims take both sides: the label states
    what the affirming side affirms. Worded from a denial ("Is it true that she neither sent nor received
    emails marked classified?"), a question whose "affirm" is the finding that she did reads inverted."""
    affirming = {index for index in order if stance_of(claims[index]) == "affirm"}
    if not affirming or len(affirming) == len(order):
        return order
    return sorted(order, key=lambda index: index not in affirming)


def _subject(claim: Claim, reading: StoryReading, governed: Mapping[str, str]) -> frozenset[str]:
    """The entities of the content named before its first finite verb (none without one), a country's
    government with its country (``governed``: "the Russian government was behind the release" and "Russia
    engineered the release" share a subject; issue #14, PolNeAR dnc-email-leak)."""
    if not claim.finite_verbs:
        return frozenset()
    named = entities_within(reading.spans, claim.article, claim.start, claim.start + claim.finite_verbs[0])
    return named | {governed[entity] for entity in named if entity in governed}
