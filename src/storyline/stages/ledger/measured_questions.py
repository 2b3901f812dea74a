"""A story's measured questions: its figures grouped into measured things, each asked as a question.

Apart from ``ledger.positions`` (which runs the phases and orders the questions) and from the propositions
(``ledger.proposition_questions``) because a measured thing is asked from its figures' unit, values and
label, and dropped for reasons of its own (a goal, a change read as two values, another event's toll, a label
that asks nothing or does not say what it asks: ``ledger.label_gate``); the propositions only read its groups
to find who affirms by counting.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from functools import cache

from storyline.lexicons import load_lexicon
from storyline.records import Claim, Question
from storyline.stages.claims import stance_of
from storyline.stages.ledger.abstentions import (
    ABSTAINED,
    abstention_label,
    abstention_measures,
    answered_twice,
)
from storyline.stages.ledger.background import told_as_background
from storyline.stages.ledger.embedding import ContentVectors
from storyline.stages.ledger.evidence import names_a_predicate, read_label_predicates, speaking_sources
from storyline.stages.ledger.grouping import ledger_lexicon
from storyline.stages.ledger.kinds import names_outbreak
from storyline.stages.ledger.label_gate import (
    asks_a_voiced_count,
    names_several_things,
    parse_gated_sentences,
    says_what_is_asked,
)
from storyline.stages.ledger.label_predicates import with_predicate
from storyline.stages.ledger.labels import central_order, speaker_relative
from storyline.stages.ledger.losses import LOSS, loss_label, mark_losses, person_before, person_name
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
from storyline.stages.ledger.non_counts import held_jointly
from storyline.stages.ledger.proposition_pronouns import named_in_story
from storyline.stages.ledger.quantity_labels import (
    NAMED_MONEY_OPENER,
    comparative_first,
    figure_words,
    quantity_label,
    says_what_it_sums,
    share_label,
)
from storyline.stages.ledger.question_ids import measured_keys
from storyline.stages.ledger.relays import relay_outlet_figures
from storyline.stages.ledger.sides import Context, make_question, stance_positions, value_positions
from storyline.stages.ledger.single_voice import one_voice_figure, one_voice_figure_label
from storyline.stages.ledger.story_reading import StoryReading, sourcing
from storyline.stages.ledger.tallies import according_to, split_tallies, tally_directions

# Kinds of count that are an event's toll (``lexicons/ledger.toml`` ``[count_kinds]``): one article's toll
# that no other article of the story counts is mostly another event's, told as background (an earlier
# bombing's dead and injured, recalled in a column on the FBI's record: PolNeAR fbi-no-charges, two of its
# five false or misleading top-20 questions).
TOLL_KINDS = frozenset({"dead", "injured", "missing"})

# A measured thing's figures, most central first, its label before its predicate, and whether it informs.
Labelled = tuple[list[int], str, bool]


def story_measures(reading: StoryReading) -> list[Measure]:
    """The figures of every claim that is not a reference to another ("the accusation")."""
    by_id = reading.context.by_id
    outbreak = {article_id for article_id, article in by_id.items() if names_outbreak(article.text)}
    measures = [
        measure
        for claim in reading.claims
        if claim.id not in reading.antecedent
        for measure in make_measures(
            claim,
            reading.mentioned[claim.id],
            reading.spans,
            by_id[claim.article].published,
            claim.article in outbreak,
            by_id[claim.article].text,
        )
        # the span of an event not done ("avoid paying taxes for 18 years", ``ledger.abstentions``)
        + abstention_measures(
            claim, reading.mentioned[claim.id], by_id[claim.article].published, by_id[claim.article].text
        )
    ]
    # a coordination's figure ("Bush, Kasich and Christie collected 7 percent") is no one holder's value
    measures = [m for m in measures if not held_jointly(m.claim, m.quantity, reading.spans, reading.persons)]
    measures = answered_twice(measures)
    # "41 hospitals and clinics" counts the story's facilities (``ledger.counted``); a sum lost is a loss of
    # its holder (``ledger.losses``)
    return mark_losses(under_umbrellas(measures), reading.spans, reading.persons)


def measured_things(
    reading: StoryReading, measures: Sequence[Measure], vectors: ContentVectors
) -> list[list[Measure]]:
    """The figures grouped into measured things, a source's tallies apart and an outlet's restated figures
    given to their source."""
    context = reading.context
    settings = context.settings
    groups = group_measures(unify_holders(measures, context.names), settings, vectors, context.voices)
    # several sources each counting one thing, each count moving: a question per source (``ledger.tallies``)
    if settings.tallies_by_source:
        groups = split_tallies(groups, context.by_id, context.names, settings.series_tolerance)
    # an outlet restating a source's figure in its own voice relays that source (``ledger.relays``)
    tolerance = settings.same_speaker_tolerance
    return [relay_outlet_figures(group, context.voices, tolerance) for group in groups]


def label_measured_things(reading: StoryReading, groups: Sequence[Sequence[Measure]]) -> list[Labelled]:
    """Each measured thing's figures in order and its label before its predicate (``_labelled``), the
    sentences its label rules will parse asked for ahead (``label_gate.parse_gated_sentences``): parsed on
    the first read, with every story's asked for before it (``positions.build_ledgers``)."""
    labelled = [_labelled(group) for group in groups]
    read_label_predicates([text for _, text, _ in labelled])  # tagged in one batch, not one by one
    parse_gated_sentences(groups, [order for order, _, _ in labelled], reading.context.texts)
    return labelled


def measured_questions(
    reading: StoryReading,
    measures: Sequence[Measure],
    groups: Sequence[Sequence[Measure]],
    attached: Mapping[int, list[Claim]],
    labelled: Sequence[Labelled],
) -> tuple[list[Question], set[str]]:
    """The questions of the measured things that ask something, and the ids of those whose evidence is
    doubtful (``_evident``). ``attached``: by group index, the claims that name a group's claim
    ("the figure"); ``labelled``: ``label_measured_things`` of the groups."""
    toll_articles = {m.claim.article for m in measures if m.kind in TOLL_KINDS}
    questions = []
    doubtful: set[str] = set()  # listed after every question with clear evidence (``_evident``)
    keys = measured_keys(groups)  # one claim's figures in two measured things: two ids (``question_ids``)
    for index, group in enumerate(groups):
        extra = attached.get(index, [])
        asked = _measured_question(reading, group, extra, labelled[index], toll_articles, keys[index])
        if asked is None:
            continue
        question, evident = asked
        questions.append(question)
        if not evident:
            doubtful.add(question.id)
    return questions, doubtful


def _measured_question(
    reading: StoryReading,
    group: Sequence[Measure],
    extra: Sequence[Claim],
    labelled: Labelled,
    toll_articles: set[str],
    key: str,
) -> tuple[Question, bool] | None:
    """The question of one measured thing (its id from ``key``: ``question_ids.measured_keys``) and whether
    its evidence is clear (``_evident``); None when it asks nothing: a goal, a change, another event's toll
    or a label that says nothing."""
    context = reading.context
    answering = [m for m in group if stance_of(m.claim, negation_denies=False) == "affirm"]
    doubting = [m.claim for m in group if stance_of(m.claim, negation_denies=False) != "affirm"] + list(extra)
    positions = value_positions(answering, context) + stance_positions(
        doubting, context, frozenset({"affirm"})
    )
    group_claims = list({claim.id: claim for claim in [m.claim for m in group] + list(extra)}.values())
    if group[0].kind == TARGET or (len(group_claims) == 1 and len(positions) > 1):
        return None  # a goal is no count; one sentence's two values are a change ("from 58 to 55 percent")
    if group[0].kind in TOLL_KINDS and len(context.by_id) > 1 and toll_articles == {group_claims[0].article}:
        return None  # a toll only one article of several gives: another event's, as background
    if told_as_background(group, context.texts):
        return None  # "following two attacks in July": the sentence dates itself by another event
    unit = group[0].unit
    text, informative = _measured_label(group, labelled, reading)
    # one named voice's figure whose label says who did what with it: its own question, listed last
    alone = None if informative or len(group_claims) > 1 else one_voice_figure(text, group, context)
    if alone is not None:
        text = alone
    elif _asks_nothing(text, informative, group, len(group_claims)):
        return None
    if len(group_claims) == 1 and speaker_relative(text):
        # "How many people a year already to gun violence did we lose?": one sentence's figure asked in its
        # speaker's voice cannot say who "we" are, as a proposition cannot (``labels.asks_something``);
        # several sentences' figures keep their question, worded from one without the pronoun if any does
        return None
    if not says_what_is_asked(text, group, labelled[0], context.texts):
        return None  # a figure whose label cannot say what is asked stays a claim (``ledger.label_gate``)
    text = comparative_first(text)
    # a pronoun the label kept from its claim ("How many events did she hold?") is named from the story's
    # people as a proposition's is; where no one can be named the figure is still asked in its words
    text = named_in_story(text, group[labelled[0][0]].claim, reading) or text
    sources = sourcing(group_claims, reading)
    question = make_question(
        reading.story,
        key,
        text,
        unit,
        positions,
        sources.relayed,
        sources.supporting,
        context.names,
        context.origin,
        all(is_lower_bound(m.quantity) for m in answering),
        tally_directions(answering, context.voices),  # a tally, or one count seen moving: maybe a series
        context.settings,
        sources.relayers,
    )
    if names_several_things(text, group, question):
        return None  # one source's two figures a bare noun cannot tell apart (``ledger.label_gate``)
    return question, alone is None and _evident(group, group_claims, text, context)


def _measured_label(group: Sequence[Measure], labelled: Labelled, reading: StoryReading) -> tuple[str, bool]:
    """The label of a measured thing with its predicate, its year when a former event's, whose share or
    loss it is, of whom a span not done is (``_subject``) and whose figures, and whether it informs."""
    context = reading.context
    order, text, informative = labelled
    text = with_predicate(text, [(m.claim, m.quantity) for m in group], order, context.texts)
    # an amount the parse named by its noun with whose it is ("How much was the budget deficit Ruritania was
    # facing?", ``label_money``) says what it asks; a bare "How much was the fine?" still says nobody's
    informative = informative or (text.startswith(NAMED_MONEY_OPENER) and names_a_predicate(text))
    holder, kind = group[0].holder, group[0].kind or ""
    if kind.startswith(ABSTAINED):
        text, informative = abstention_label(group[order[0]], _subject(group, reading)), True
    if holder is not None and kind == LOSS:
        text, informative = loss_label(holder, context.names), True
    text = _of_former_year(text, group)
    if holder is not None and kind != LOSS:
        text, informative = share_label(holder, context.names), True
    if group[0].source is not None:
        text = according_to(text, group[0].source)
    if context.settings.single_voice_figures:
        text = one_voice_figure_label(text, group, context.names)
    return text, informative


def _subject(group: Sequence[Measure], reading: StoryReading) -> str | None:
    """The person most of a group's claims name before their figure ("Trump may not have paid … for nearly
    two decades"), by name; None when none names one."""
    named = Counter(
        person
        for m in group
        if (person := person_before(m.claim, m.quantity.start, reading.spans, reading.persons)) is not None
    )
    return person_name(named.most_common(1)[0][0], reading.context.names) if named else None


def _asks_nothing(text: str, informative: bool, group: Sequence[Measure], claim_count: int) -> bool:
    """A label that asks nothing of its figures. One claim's count asks something when its label says what
    was done to the counted thing and a resolved speaker says it (``label_gate.asks_a_voiced_count``)."""
    uninformative_unit = group[0].unit in ledger_lexicon().uninformative_units
    voiced = claim_count == 1 and not uninformative_unit and asks_a_voiced_count(text, group)
    one_figure_asks_nothing = claim_count < 2 and not voiced
    if not informative and (one_figure_asks_nothing or not text.startswith("How many") or uninformative_unit):
        return True  # "How many emails?" from one figure, "What share?", "How many things?" ask nothing
    if claim_count < 2 and is_dimension(group[0].unit) and not names_a_predicate(text):
        return True  # "How many feet into the ground?": one sentence's dimension of a thing it does not name
    # "How many percentage point since Monday's debate?": whose change, of what?
    return uninformative_unit and not names_a_predicate(text)


@cache
def _dimension_units() -> frozenset[str]:
    return frozenset(load_lexicon("ledger")["dimension_units"])


def is_dimension(unit: str) -> bool:
    """Whether a unit measures a dimension (length, depth, weight: ``ledger.toml`` ``dimension_units``)."""
    return unit.lower() in _dimension_units()


def _labelled(group: Sequence[Measure]) -> Labelled:
    """A measured thing's figures, most central first, and its label before its predicate (the labels whose
    verbs ``with_predicate`` asks about are tagged together first: ``evidence.read_label_predicates``)."""
    order = central_order([m.words for m in group], [m.claim.id for m in group])
    # a figure whose words name their speaker ("we recovered") asks in the speaker's voice: "How many bodies
    # so far did we recover?" does not say who "we" are (the generalise bridge story, issue #14); the most
    # central figure worded without such a pronoun makes the label, when one does
    if len(group) > 1:
        # a sum or share is asked from the most central figure whose own words say what it is: "unless he
        # is paid $5 million" asked "How much money?", which dropped the question (issue #14, PolNeAR
        # trump-debate-demands), where "if CNN donated 5 million dollars to charity" says it
        order.sort(key=lambda i: not says_what_it_sums(group[i].unit, group[i].claim, group[i].quantity))
        order.sort(key=lambda i: speaker_relative(figure_words(group[i].claim, group[i].quantity)))
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
    if label.startswith(NAMED_MONEY_OPENER):
        # "How much was the 1995 loss that he may have used …?": at the end the year would read as the
        # relative clause's ("… used to avoid paying in 1995")
        return label.replace(NAMED_MONEY_OPENER, f"{NAMED_MONEY_OPENER} {year}", 1)
    return f"{label.removesuffix('?')} in {year}?"


def _evident(group: Sequence[Measure], claims: Sequence[Claim], label: str, context: Context) -> bool:
    """Two speaking sources, a poll share of a named candidate, or a label naming what happened to the
    counted thing: "How many additional emails?" from one voice is doubtful (``ledger.evidence``) and is
    listed last, below the story's core (kept: its figure is still the story's)."""
    if group[0].holder is not None or speaking_sources(claims, context.origin) > 1:
        return True
    return names_a_predicate(label)
