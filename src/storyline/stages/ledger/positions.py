"""The ledger stage: a story's claims turned into questions, positions and a status per question.

``ledger.measures`` and ``ledger.statements`` decide which claims answer the same question (a measured
thing, or a proposition; ``ledger.propositions`` links statements of one predicate and its arguments); this
module builds each group into a question and orders a story's questions by salience: those two sources
weigh first, then doubtful measured things, then one voice's propositions (``ledger.single_voice``). The
positions of a question, who holds them and its status are ``ledger.sides``.
"""

from __future__ import annotations

from collections.abc import Generator, Mapping, Sequence
from dataclasses import dataclass

from storyline.config import DEFAULT_SETTINGS, LedgerSettings
from storyline.embeddings import EmbeddedTexts, Embedder, load_embedder
from storyline.records import (
    Article,
    Claim,
    CopyEdge,
    Entity,
    Question,
    Story,
)
from storyline.stages.claims import stance_of
from storyline.stages.copies import origins
from storyline.stages.ledger.anaphora import (
    RESPONSE_MODALITIES,
    answered_group,
    context_span,
    context_text,
    names_no_subject,
    topic_words,
)
from storyline.stages.ledger.counters import counted_by
from storyline.stages.ledger.embedding import embed_claims
from storyline.stages.ledger.evidence import (
    figures_affirming,
    is_question,
    label_states_a_clause,
    names_a_predicate,
    read_label_predicates,
    speaker_lost,
    speaker_named_within,
    speaking_sources,
    voiced_claims,
)
from storyline.stages.ledger.grouping import (
    EntitySpans,
    content_words,
    entities_within,
    entity_spans,
    entity_words,
    ledger_lexicon,
    rarity_weights,
)
from storyline.stages.ledger.kinds import names_outbreak
from storyline.stages.ledger.label_predicates import with_predicate
from storyline.stages.ledger.labels import asks_something, central_order, proposition_label
from storyline.stages.ledger.measures import (
    TARGET,
    Measure,
    former_year,
    group_measures,
    is_lower_bound,
    make_measures,
    under_umbrellas,
    unify_holders,
)
from storyline.stages.ledger.propositions import (
    KeyedDraft,
    finish_keyed,
    keyed_draft,
    masked_content,
    proposition_key,
)
from storyline.stages.ledger.quantity_labels import quantity_label, share_label
from storyline.stages.ledger.relays import as_relayed, known_as, only_relaying, relay_outlet_figures
from storyline.stages.ledger.sides import (
    Context,
    make_position,
    make_question,
    stance_positions,
    value_positions,
)
from storyline.stages.ledger.single_voice import single_voice_question, worth_alone
from storyline.stages.ledger.sources import as_voices, corroborators, organisation_voices
from storyline.stages.ledger.statements import (
    Statement,
    group_statements,
    join_keyed_outlet_voice,
    join_outlet_voice,
    statement_reference,
)
from storyline.stages.ledger.tallies import according_to, split_tallies, tally_directions

# Kinds of count that are an event's toll (``lexicons/ledger.toml`` ``[count_kinds]``): one article's toll
# that no other article of the story counts is mostly another event's, told as background (an earlier
# bombing's dead and injured, recalled in a column on the FBI's record: PolNeAR fbi-no-charges, two of its
# five false or misleading top-20 questions).
TOLL_KINDS = frozenset({"dead", "injured", "missing"})
# Who can be a counter an outlet's sentence names (``counters.counted_by``): not a place ("Uzbekistan has
# reconnected …" tells what a government did, which the entities stage may type as a place or not).
COUNTER_TYPES = frozenset({"ORG", "PERSON"})


def _story_claims(story: Story, claims: Sequence[Claim]) -> list[Claim]:
    order = {article_id: index for index, article_id in enumerate(story.articles)}
    return sorted(
        # acts ("voted to strike", Claim.kind) are shown with the claims but are no positions on a question
        (claim for claim in claims if claim.article in order and claim.kind == "statement"),
        key=lambda c: (order[c.article], c.start),
    )


def _antecedents(claims: Sequence[Claim]) -> dict[str, str]:
    """Claim id of a content naming a statement ("the accusation") → the last claim before it in its article
    that is not itself such a reference (what it refers to)."""
    found: dict[str, str] = {}
    previous: Claim | None = None
    for claim in claims:
        if previous is not None and previous.article != claim.article:
            previous = None
        if statement_reference(claim):
            if previous is not None:
                found[claim.id] = previous.id
        else:
            previous = claim
    return found


def _place_by_context(
    responses: Sequence[Claim],
    groups: list[list[Statement]],
    context: Context,
    spans: EntitySpans,
) -> None:
    """Each response naming no subject joins the proposition its article was discussing (see
    ``ledger.anaphora``); with no proposition in the story, it stands alone."""
    weight = rarity_weights([statement.words for group in groups for statement in group])
    for claim in responses:
        article = context.by_id[claim.article]
        start, end = context_span(claim, article)
        words = content_words(context_text(claim, article)) | entities_within(
            spans, claim.article, start, end
        )
        chosen = answered_group(claim, words, groups, weight, context.settings)
        placed = Statement(claim, topic_words(claim), antecedent=None, response=True)
        if chosen is None:
            groups.append([placed])
        else:
            groups[chosen].append(placed)


@dataclass(frozen=True, slots=True)
class StoryRecords:
    """What the ledger reads of one story: its claims, articles, copy edges and entities."""

    story: Story
    claims: Sequence[Claim]
    articles: Sequence[Article]
    copies: Sequence[CopyEdge]
    entities: Sequence[Entity]


# A story's ledger run in steps around the encoder (``_ledger_steps``): each time it yields the masked
# contents its keyed links need embedded next, it is sent an encoder of them (None: link by words); then it
# returns its questions.
LedgerSteps = Generator[list[str], Embedder | None, tuple[Question, ...]]


def build_ledger(
    story: Story,
    claims: Sequence[Claim],
    articles: Sequence[Article],
    copies: Sequence[CopyEdge],
    entities: Sequence[Entity],
    settings: LedgerSettings = DEFAULT_SETTINGS.ledger,
    spans: EntitySpans | None = None,
) -> tuple[Question, ...]:
    """The questions of one story, each with its positions and status, most carried first. With
    ``settings.embeddings`` and an installed encoder, content embeddings join the grouping scores.
    ``spans``: the mentions of every entity by article (``entity_spans``), when the caller indexed them
    once for all its stories; built from ``entities`` otherwise (walking every mention of each, all
    articles, so per story it made the stage quadratic in the collection)."""
    (questions,) = build_ledgers([StoryRecords(story, claims, articles, copies, entities)], settings, spans)
    return questions


def build_ledgers(
    stories: Sequence[StoryRecords],
    settings: LedgerSettings = DEFAULT_SETTINGS.ledger,
    spans: EntitySpans | None = None,
) -> list[tuple[Question, ...]]:
    """``build_ledger`` of each story, every story's keyed links embedded together: each round of the
    stories' steps (``LedgerSteps``) is one encoder call over the texts they ask for that were not embedded
    before. ``spans``: as ``build_ledger``'s, for every story."""
    steps = [
        _ledger_steps(r.story, r.claims, r.articles, r.copies, r.entities, settings, spans) for r in stories
    ]
    wanted: dict[int, list[str]] = {index: next(step) for index, step in enumerate(steps)}
    ledgers: dict[int, tuple[Question, ...]] = {}
    embedded = EmbeddedTexts()
    while wanted:
        texts = [text for story_texts in wanted.values() for text in story_texts]
        encoder = load_embedder() if texts and settings.keyed_embeddings else None
        if encoder is not None:
            embedded.add(encoder, texts)
        for index in list(wanted):
            try:
                wanted[index] = steps[index].send(None if encoder is None else embedded)
            except StopIteration as finished:
                ledgers[index] = finished.value
                del wanted[index]
    return [ledgers[index] for index in range(len(steps))]


def _ledger_steps(
    story: Story,
    claims: Sequence[Claim],
    articles: Sequence[Article],
    copies: Sequence[CopyEdge],
    entities: Sequence[Entity],
    settings: LedgerSettings,
    spans: EntitySpans | None,
) -> LedgerSteps:
    """``build_ledger``'s work, paused twice for the encoder (``LedgerSteps``)."""
    spans = entity_spans(entities) if spans is None else spans
    persons = {entity.id: entity.name for entity in entities if entity.type == "PERSON"}
    in_story = set(story.articles)
    by_id = {article.id: article for article in articles if article.id in in_story}
    # a quoted question asserts nothing (``ledger.evidence``)
    story_claims = [
        claim
        for claim in _story_claims(story, claims)
        if not is_question(claim, by_id.get(claim.article))
        and not speaker_lost(claim)
        and not speaker_named_within(claim, spans, persons)
    ]
    story_claims = voiced_claims(story_claims)
    # an outlet's sentence telling what an organisation counted gives that counter's figures
    counters = frozenset(entity.id for entity in entities if entity.type in COUNTER_TYPES)
    story_claims = [counted_by(c, spans, counters, by_id[c.article].text) for c in story_claims]
    names = {entity.id: entity.name for entity in entities}
    texts = {article_id: article.text for article_id, article in by_id.items()}
    # a spokesperson or director is their organisation's voice, one source with it (``ledger.sources``);
    # grouping still tells them apart (one speaker's two values are read as two things, ``ledger.measures``)
    voices = organisation_voices(entities)
    origin = origins(list(by_id.values()), copies)
    context = Context(by_id, origin, settings, names, texts, voices, known_as(entities))
    mentioned = entity_words(story_claims, spans)
    antecedent = _antecedents(story_claims)
    claim_by_id = {claim.id: claim for claim in story_claims}

    outbreak = {article_id for article_id, article in by_id.items() if names_outbreak(article.text)}
    measures = [
        measure
        for claim in story_claims
        if claim.id not in antecedent
        for measure in make_measures(
            claim,
            mentioned[claim.id],
            spans,
            by_id[claim.article].published,
            claim.article in outbreak,
            by_id[claim.article].text,
        )
    ]
    # "41 hospitals and clinics" counts the story's facilities (``ledger.counted``)
    measures = under_umbrellas(measures)
    vectors = embed_claims(story_claims, load_embedder() if settings.embeddings else None, settings)
    measure_groups = group_measures(unify_holders(measures, names), settings, vectors)
    # several sources each counting one thing, each count moving: a question per source (``ledger.tallies``)
    if settings.tallies_by_source:
        measure_groups = split_tallies(measure_groups, by_id, names, settings.series_tolerance)
    # an outlet restating a source's figure in its own voice relays that source (``ledger.relays``)
    tolerance = settings.same_speaker_tolerance
    measure_groups = [relay_outlet_figures(group, voices, tolerance) for group in measure_groups]
    group_of_claim = {m.claim.id: index for index, group in enumerate(measure_groups) for m in group}
    toll_articles = {m.claim.article for m in measures if m.kind in TOLL_KINDS}
    attached: dict[int, list[Claim]] = {}
    statements = []
    unplaced: list[Claim] = []  # responses naming no subject: placed by what the article said before them
    narration: dict[str, frozenset[str]] = {}  # outlet-voice claims outside measured things, by id
    for claim in story_claims:
        if claim.id in group_of_claim:
            continue
        target = antecedent.get(claim.id)
        if target in group_of_claim:
            attached.setdefault(group_of_claim[target], []).append(claim)
            continue
        words = content_words(claim.text) | mentioned[claim.id]
        if claim.outlet_voice:
            narration[claim.id] = words  # joins a proposition only when alike enough, never seeds one
            continue
        if target and statement_reference(claim) == "bare":  # "the accusation" stands for what came before
            words = content_words(claim_by_id[target].text) | mentioned[target] | mentioned[claim.id]
        elif names_no_subject(claim):
            unplaced.append(claim)
            continue
        else:
            target = None
        response = claim.modality in RESPONSE_MODALITIES
        statements.append(Statement(claim, words, antecedent=target, response=response))

    labelled = [_labelled(group) for group in measure_groups]
    read_label_predicates([text for _, text, _ in labelled])  # tagged in one batch, not one by one
    questions = []
    doubtful: set[str] = set()  # listed after every question with clear evidence (``_evident``)
    alone: set[str] = set()  # one voice's propositions, listed last (``ledger.single_voice``)
    for index, group in enumerate(measure_groups):
        extra = attached.get(index, [])
        answering = [m for m in group if stance_of(m.claim, negation_denies=False) == "affirm"]
        doubting = [m.claim for m in group if stance_of(m.claim, negation_denies=False) != "affirm"] + extra
        positions = value_positions(answering, context) + stance_positions(
            doubting, context, frozenset({"affirm"})
        )
        group_claims = list({claim.id: claim for claim in [m.claim for m in group] + extra}.values())
        if group[0].kind == TARGET or (len(group_claims) == 1 and len(positions) > 1):
            continue  # a goal is no count; one sentence's two values are a change ("from 58 to 55 percent")
        if group[0].kind in TOLL_KINDS and len(by_id) > 1 and toll_articles == {group_claims[0].article}:
            continue  # a toll only one article of several gives: another event's, as background
        unit = group[0].unit
        key = f"{unit}:" + ",".join(sorted({m.claim.id for m in group}))
        order, text, informative = labelled[index]
        text = with_predicate(text, [(m.claim, m.quantity) for m in group], order, context.texts)
        text = _of_former_year(text, group)
        if group[0].holder is not None:
            text, informative = share_label(group[0].holder, names), True
        if group[0].source is not None:
            text = according_to(text, group[0].source)
        if not informative and (
            len(group_claims) < 2
            or not text.startswith("How many")
            or unit in ledger_lexicon().uninformative_units
        ):
            continue  # "How many emails?" from one figure, "What share?", "How many things?" ask nothing
        if unit in ledger_lexicon().uninformative_units and not names_a_predicate(text):
            continue  # "How many percentage point since Monday's debate?": whose change, of what?
        voiced = as_voices(group_claims, voices)
        relayed = as_relayed(voiced, context.texts, context.known)
        supporting = corroborators(relayed, mentioned, context.origin)
        floors = all(is_lower_bound(m.quantity) for m in answering)
        directions = tally_directions(answering)  # only a tally of a kind of count is read as a series
        question = make_question(
            story,
            key,
            text,
            unit,
            positions,
            relayed,
            supporting,
            names,
            context.origin,
            floors,
            directions,
            context.settings,
            only_relaying(voiced, relayed),
        )
        questions.append(question)
        if not _evident(group, group_claims, text, context):
            doubtful.add(question.id)

    outlet_claims = [claim_by_id[claim_id] for claim_id in narration]
    keyed_claims = [s.claim for s in statements] + outlet_claims
    draft = _keyed(keyed_claims, mentioned, spans, persons, settings)
    # Two rounds of the encoder, each embedding only links that are read: those between statements, then
    # those of an outlet's claim that no proposition took by its words to a statement (no link between two
    # outlet claims is read: on 600 PolNeAR texts those and the placed claims' were a quarter of the texts).
    between = draft.restricted(lambda pair: pair[1] < len(statements))
    statement_keyed = finish_keyed(between, (yield between.to_embed()), settings)
    statement_groups = group_statements(statements, settings, vectors, statement_keyed)
    _place_by_context(unplaced, statement_groups, context, spans)
    join_outlet_voice(outlet_claims, narration, statement_groups, settings.outlet_voice_similarity)
    placed = {statement.claim.id for group in statement_groups for statement in group}
    to_outlet = draft.restricted(
        lambda pair: pair[0] < len(statements) <= pair[1] and keyed_claims[pair[1]].id not in placed
    )
    outlet_keyed = finish_keyed(to_outlet, (yield to_outlet.to_embed()), settings)
    outlet_links = [(i, j - len(statements)) for i, j in outlet_keyed]
    join_keyed_outlet_voice(statements, outlet_claims, outlet_links, narration, statement_groups)
    for statement_group in statement_groups:
        group_claims = [statement.claim for statement in statement_group]
        one_voice = speaking_sources(group_claims, context.origin) < 2
        if one_voice and not worth_alone(group_claims, settings):
            continue  # one voice, said once: the story's body, not a question of it (``ledger.single_voice``)
        order = _affirming_first(group_claims, central_order([s.words for s in statement_group]))
        worded = _worded(group_claims, order)
        if worded is None:
            continue  # "Is it true that from his perspective?", "… that Clinton to win?" are no questions
        label = proposition_label(group_claims, worded)
        positions = stance_positions(group_claims, context)
        if one_voice:
            if len(positions) > 1:
                continue  # one voice on both sides of a thing: a misread, or two things
        elif not any(stance_of(claim) == "affirm" for claim in group_claims if not claim.outlet_voice):
            # no one quoted affirms: those who give a figure for it do (an outlet's narration beside them)
            quoted = [statement for statement in statement_group if not statement.claim.outlet_voice]
            figures = figures_affirming(quoted, measure_groups, settings.figure_affirms_min_share)
            if figures:
                narrated = [c for c in group_claims if c.outlet_voice and stance_of(c) == "affirm"]
                others = [p for p in positions if p.stance != "affirm"]
                positions = [make_position(figures + narrated, context, None, "affirm"), *others]
        key = "p:" + ",".join(sorted(claim.id for claim in group_claims))
        voiced = as_voices(group_claims, voices)
        relayed = as_relayed(voiced, context.texts, context.known)
        supporting = corroborators(relayed, mentioned, context.origin)
        question = make_question(
            story,
            key,
            label,
            None,
            positions,
            relayed,
            supporting,
            names,
            context.origin,
            relayers=only_relaying(voiced, relayed),
        )
        if one_voice:
            question = single_voice_question(question, names)
            alone.add(question.id)
        questions.append(question)
    # one voice's propositions last, then doubtful measures, each tier by salience
    tier = {**dict.fromkeys(doubtful, 1), **dict.fromkeys(alone, 0)}
    questions.sort(key=lambda question: (tier.get(question.id, 2), *_salience(question)), reverse=True)
    return tuple(questions)


def _keyed(
    claims: Sequence[Claim],
    mentioned: dict[str, frozenset[str]],
    spans: EntitySpans,
    persons: Mapping[str, str],
    settings: LedgerSettings,
) -> KeyedDraft:
    """Pairs of claims of one proposition key (``ledger.propositions``), before the encoder links those
    their words leave in doubt; ``persons``: the names of the people among the entities."""
    keys = [proposition_key(claim, mentioned[claim.id], persons, _subject(claim, spans)) for claim in claims]

    def masked(claim: Claim) -> str:
        return masked_content(claim, [(start, end) for start, end, _id in spans.get(claim.article, [])])

    words = [content_words(claim.text) | mentioned[claim.id] for claim in claims]
    return keyed_draft(claims, keys, words, masked, settings)


def _worded(claims: Sequence[Claim], order: list[int]) -> list[int] | None:
    """The claims to word a proposition's label from: ``order`` (most central first) when its label states
    a clause, else the most central claim that does alone ("there's no precedent for prosecuting …" opens
    with a contraction; "there is precedent for prosecution", beside it, asks the question); None when no
    claim does. Another claim words the label only when every claim is a clause: a fragment at the centre
    ("top secret", "Clinton to win Monday's debate") mostly gathered claims about other things."""
    every_clause = all(claim.finite_verbs for claim in claims)
    for chosen in (order, *([index] for index in order if every_clause)):
        if asks_something(claims, chosen) and label_states_a_clause(claims, chosen):
            return chosen
    return None


def _affirming_first(claims: Sequence[Claim], order: list[int]) -> list[int]:
    """``order`` with the affirming claims first (stable) when the claims take both sides: the label states
    what the affirming side affirms. Worded from a denial ("Is it true that she neither sent nor received
    emails marked classified?"), a question whose "affirm" is the finding that she did reads inverted."""
    affirming = {index for index in order if stance_of(claims[index]) == "affirm"}
    if not affirming or len(affirming) == len(order):
        return order
    return sorted(order, key=lambda index: index not in affirming)


def _subject(claim: Claim, spans: EntitySpans) -> frozenset[str]:
    """The entities of the content named before its first finite verb (none without one)."""
    if not claim.finite_verbs:
        return frozenset()
    return entities_within(spans, claim.article, claim.start, claim.start + claim.finite_verbs[0])


def _labelled(group: Sequence[Measure]) -> tuple[list[int], str, bool]:
    """A measured thing's figures, most central first, and its label before its predicate (the labels whose
    verbs ``with_predicate`` asks about are tagged together first: ``evidence.read_label_predicates``)."""
    order = central_order([m.words for m in group])
    several_days = len({m.day for m in group if m.day is not None}) > 1
    text, informative = quantity_label(
        group[0].unit, [(m.claim, m.quantity) for m in group], order, several_days
    )
    return order, text, informative


def _of_former_year(label: str, group: Sequence[Measure]) -> str:
    """The label of a former event's figures asks of its year ("… went up in flames in 2021?"), lest it
    read as this story's (``counted.former_year``)."""
    year = former_year(group)
    if year is None or str(year) in label:
        return label
    return f"{label.removesuffix('?')} in {year}?"


def _evident(group: Sequence[Measure], claims: Sequence[Claim], label: str, context: Context) -> bool:
    """Two speaking sources, a poll share of a named candidate, or a label naming what happened to the
    counted thing: "How many additional emails?" from one voice is doubtful (``ledger.evidence``) and is
    listed last, below the story's core (kept: its figure is still the story's)."""
    if group[0].holder is not None or speaking_sources(claims, context.origin) > 1:
        return True
    return names_a_predicate(label)


def _salience(question: Question) -> tuple[int, int, int, int]:
    """Independent sources, then outlets carrying it, speakers and claims: the top of a story is its core
    (a count every outlet restates from one agency, one source since relays count once, outranks one
    outlet's figure that quotes two people)."""
    return (
        sum(p.independent_sources for p in question.positions),
        len({outlet for p in question.positions for outlet in p.outlets}),
        len({speaker for p in question.positions for speaker in p.speakers}),
        sum(len(p.claims) for p in question.positions),
    )
