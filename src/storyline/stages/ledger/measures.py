"""Which figures of a story answer the same question (a *measured thing*): the quantity half of grouping.

A measured thing is "how many North Korean soldiers are sent?": the quantities of one unit class are
clustered with complete linkage, so a figure joins a group only when it is compatible with every figure
already there. Figures are incompatible when the content says they count different things: different
kinds of count ("38 dead" vs "140 missing"), different narrowing words before the counted noun with
different values ("1,500 special forces" vs "12,000 soldiers"), or one speaker giving two values in one
article without a word of change ("11,000 in training … 2,600 to Kursk"). Among compatible figures, the
most similar contents merge first (shared content words weighted by rarity, shared entities, equal
values). Words, entities and the overlap score come from ``ledger.grouping``. A source's count seen moving
one way on three days or more is one count, however far it moved (``join_paths``: 46 stations left to
recount, then 31, 12 and 3).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import cache

from storyline.config import LedgerSettings
from storyline.lexicons import load_lexicon
from storyline.stages.ledger.abstentions import ABSTAINED
from storyline.stages.ledger.blocking import candidate_pairs, complete_linkage
from storyline.stages.ledger.counted import (
    INCREMENT,
    ON_DAY,
    TARGET,
    Measure,
    former_year,
    is_lower_bound,
    is_vague,
    make_measures,
    under_umbrellas,
    unify_holders,
)
from storyline.stages.ledger.embedding import ContentVectors
from storyline.stages.ledger.grouping import NO_VECTORS, WORD, rarity_weights, similarity, speaker_key
from storyline.stages.ledger.kinds import is_bare_figure
from storyline.stages.ledger.losses import LOSS, YEAR_MARK, years_agree
from storyline.stages.ledger.plurals import is_plural_of
from storyline.stages.ledger.series import moving
from storyline.stages.ledger.sources import NO_VOICES, Voices, voice_of
from storyline.stages.quantities import number_type

# what the ledger stage reads from here: a figure as an item (``ledger.counted``), and the grouping
__all__ = [
    "INCREMENT",
    "TARGET",
    "Measure",
    "drop_one_modifier",
    "drop_unsaid_qualifiers",
    "former_year",
    "group_measures",
    "is_lower_bound",
    "is_vague",
    "join_paths",
    "make_measures",
    "path_direction",
    "split_outliers",
    "under_umbrellas",
    "unify_holders",
]

# Distances for complete linkage lie in [0, 1); pairs never compared are at the unknown distance, so a
# cluster whose members were not all compared joins nothing (``LedgerSettings.measure_similarity`` sets the
# cut: a figure that matches no question with confidence stays its own).
UNKNOWN_DISTANCE = 0.999
# A floor said of an exact figure rounds it down by less than this share ("more than 1.3 million": 1.34
# million); a floor far below the figure ("more than 100" beside 1,340) is no rounding of it.
FLOOR_ROUNDING = 0.1
# Figures merged for sharing their counted noun alone must lie within this ratio of each other.
MAGNITUDE_SPREAD = 10.0
# A value further than this ratio from its group's median counts something else (``split_outliers``),
# unless it lies within this many units of it: among a handful a ratio says nothing (a fire's active
# fronts falling from 7 to 5 to 3 to one, the generalise wildfire story, are one count).
OUTLIER_RATIO = 4.0
OUTLIER_MIN_GAP = 10.0
# A source's values on this many days or more, moving one way, are its count seen moving (``one_path``),
# however far apart: on two days only, 55,000 pages and then 1,100 may count two things.
PATH_DAYS = 3


def _compatible(first: Measure, second: Measure) -> bool:
    """Could two figures answer one question? Not when the content says they count different things."""
    return _signatures_compatible(_signature(first), _signature(second))


def _same_voice_conflict(first: Measure, second: Measure) -> bool:
    """One speaker, one article, two values of one day, no word of change: two different measures, not a
    dispute. An outlet giving one candidate's share in its own voice is the exception: it reports one poll
    after another ("Reuters/Ipsos shows 43 percent … the Real Clear Politics average 47.3 percent"); so are
    values the words date to different days ("four remain missing, down from 11 on Wednesday": a count
    and its earlier value, ``ledger.dated``)."""
    return (
        first.claim.article == second.claim.article
        and first.day == second.day
        and speaker_key(first.claim) == speaker_key(second.claim)
        and first.quantity.value != second.quantity.value
        and not (first.changing or second.changing)
        and not (first.holder is not None and first.kind != LOSS and first.claim.outlet_voice)
    )


def _oddness(measure: Measure, group: Sequence[Measure]) -> float:
    """How far a figure lies (in orders of magnitude) from the median of the group's other figures."""
    others = sorted(m.quantity.value for m in group if m is not measure and m.quantity.value > 0)
    if not others or measure.quantity.value <= 0:
        return 0.0
    return abs(math.log10(measure.quantity.value) - math.log10(others[len(others) // 2]))


def split_same_voice(group: list[Measure]) -> list[list[Measure]]:
    """Take out of a group the figure that makes a speaker contradict themself within one article: of the
    two, the one further from the group's other figures ("11,000 in training" stays with 10,000 and
    12,000; "2,600 to Kursk" from the same speaker becomes its own question). Only figures of one speaker
    in one article can conflict, so the search runs per (article, speaker)."""
    kept, removed = list(group), list[Measure]()
    while True:
        conflict = _first_same_voice_conflict(kept)
        if conflict is None:
            return [kept] + [[measure] for measure in removed]
        odd = _rounded_floor(*conflict) or max(conflict, key=lambda m: _oddness(m, kept))
        kept = [m for m in kept if m.quantity.value != odd.quantity.value or m.claim.id != odd.claim.id]
        removed.append(odd)


def _rounded_floor(first: Measure, second: Measure) -> Measure | None:
    """Of one voice's two figures, a floor the other figure meets within ``FLOOR_ROUNDING``: the exact
    figure said loosely ("more than 1.3 million animals have died …, raising its count to 1.34 million
    head"), so the exact one is the count's value (in the generalise dzud story the oddness rule took the
    exact latest toll out and left its rounded floor); None when neither is such a floor."""
    for floor, exact in ((first, second), (second, first)):
        low, value = floor.quantity.value, exact.quantity.value
        floored = is_lower_bound(floor.quantity) and not is_lower_bound(exact.quantity)
        if floored and low < value <= low * (1 + FLOOR_ROUNDING):
            return floor
    return None


def _first_same_voice_conflict(measures: Sequence[Measure]) -> tuple[Measure, Measure] | None:
    voices: dict[tuple[str, str], list[Measure]] = {}
    for measure in measures:
        voices.setdefault((measure.claim.article, speaker_key(measure.claim)), []).append(measure)
    for same_voice in voices.values():
        values = {m.quantity.value for m in same_voice}
        if len(values) < 2:
            continue
        for i, first in enumerate(same_voice):
            for second in same_voice[i + 1 :]:
                if _same_voice_conflict(first, second):
                    return first, second
    return None


Signature = tuple[str, str | None, frozenset[str], str | None, float]


def _signature(measure: Measure) -> Signature:
    """What decides whether a figure can share a question with another (see ``_compatible``)."""
    return (measure.unit, measure.kind, measure.qualifiers, measure.holder, measure.quantity.value)


def _signatures_compatible(first: Signature, second: Signature) -> bool:
    """``_compatible`` on signatures: one check per distinct signature pair, not per pair of figures."""
    unit, kind, qualifiers, holder, value = first
    other_unit, other_kind, other_qualifiers, other_holder, other_value = second
    if unit != other_unit or holder != other_holder:
        return False  # shares of two candidates, or of a candidate and of anything else, never meet
    if holder is not None:
        return years_agree(qualifiers, other_qualifiers)  # a loss of 1995 is no loss of 2005
    same_value = value == other_value
    if qualifiers != other_qualifiers and any(q.startswith(ON_DAY) for q in qualifiers | other_qualifiers):
        return False  # one day's increment ("six more bodies overnight") is no other day's, equal or not
    if kind != other_kind and (not same_value or (kind and other_kind)):
        return False
    return same_value or qualifiers == other_qualifiers


def _pair_score(first: Measure, second: Measure, weight: dict[str, float], equal_value_bonus: float) -> float:
    score = similarity(first.words, second.words, weight)
    return score + equal_value_bonus * (first.quantity.value == second.quantity.value)


def group_measures(
    measures: Sequence[Measure],
    settings: LedgerSettings,
    vectors: ContentVectors = NO_VECTORS,
    voices: Voices = NO_VOICES,
) -> list[list[Measure]]:
    """Measures of one story → groups about one measured thing each (complete linkage, see module doc).

    Candidates come from ``ledger.blocking``: figures sharing a content word or entity, and figures of one
    value (the equal-value bonus). Two clusters join only when every cross pair is compatible and alike
    enough; sharing a unit alone never merges figures ("$2 million raised" and "$5 million spent").
    ``voices``: who speaks as an organisation, so that one source's wordings of its count are read together
    (``drop_one_modifier``)."""
    if not measures:
        return []
    measures = drop_one_modifier(drop_unsaid_qualifiers(measures), voices)
    weight = rarity_weights([measure.words for measure in measures])
    tokens = [measure.words | {f"={measure.unit}:{measure.quantity.value:g}"} for measure in measures]
    distances = {}
    for first, second in candidate_pairs(tokens, weight):
        if _compatible(measures[first], measures[second]):
            score = _pair_score(measures[first], measures[second], weight, settings.equal_value_bonus)
            score = vectors.blend(score, measures[first].claim, measures[second].claim)
            distances[first, second] = max(0.0, 1.0 - min(score, 1.0)) * 0.999
    clusters = complete_linkage(
        len(measures),
        distances,
        UNKNOWN_DISTANCE,
        1.0 - settings.measure_similarity,
        lambda index: _signature(measures[index]),
        _signatures_compatible,
    )
    # outliers leave their cluster before same-event merging too: "12 people had been killed" clustered
    # with the "more than 200" a 1991 quake killed would otherwise stay apart from the toll's later 19 and 23
    clusters = [part for cluster in clusters for part in _split_outlier_indexes(measures, cluster)]
    groups = [[measures[i] for i in sorted(cluster)] for cluster in _merge_same_event(measures, clusters)]
    split = [part for group in groups for split in split_outliers(group) for part in split_same_voice(split)]
    return join_paths(split, voices)


def drop_unsaid_qualifiers(measures: Sequence[Measure]) -> list[Measure]:
    """The figures with the narrowing words their own source leaves out of the same count dropped: where
    one source gives one value of a tally as "1,460 herder families" and again as "1,460 families", the
    word "herder" narrows nothing in that source's count of families, so its "390 families" later is a value
    of the same count (in the generalise dzud story the families cut off split in two by that word, and the
    ministry's "3,850 herder households" stood apart from the Red Cross's 6,200 households, a contest no
    question showed). Only the words the source itself drops, for one noun and kind of count; markers such
    as an increment stay."""
    said: dict[tuple[str, str, str | None, float], set[frozenset[str]]] = {}
    for m in measures:
        said.setdefault((speaker_key(m.claim), m.unit, m.kind, m.quantity.value), set()).add(m.qualifiers)
    unsaid: dict[tuple[str, str, str | None], set[str]] = {}
    for (speaker, unit, kind, _), wordings in said.items():
        for fuller in wordings:
            for shorter in wordings:
                if shorter < fuller:
                    dropped = {word for word in fuller - shorter if not word.startswith("+")}
                    unsaid.setdefault((speaker, unit, kind), set()).update(dropped)
    if not unsaid:
        return list(measures)
    return [
        replace(m, qualifiers=m.qualifiers - unsaid[key])
        if (key := (speaker_key(m.claim), m.unit, m.kind)) in unsaid
        else m
        for m in measures
    ]


def _words_of(measure: Measure) -> frozenset[str]:
    """A figure's narrowing words, less the marks (an increment, an agent, a former event: "+...")."""
    return frozenset(q for q in measure.qualifiers if not q.startswith("+"))


def drop_one_modifier(measures: Sequence[Measure], voices: Voices = NO_VOICES) -> list[Measure]:
    """The one modifier a source gives its counted noun in some figures and leaves out in others ("46
    polling stations", "31 stations") dropped from that source's figures of the noun, when no figure of the
    story gives the noun another modifier: the source counts one thing written two ways (in the generalise
    election story the commission's stations still to recount split in two by "polling", its latest value
    apart from the earlier ones). ``drop_unsaid_qualifiers`` reads one value's wordings; this one reads
    the source's count across its values, so it asks more of the story: where another figure counts
    "mobile stations", "polling" may tell the source's two counts apart, and nothing is dropped. A source
    is the organisation its speaker speaks as (``ledger.sources.voice_of``: a chairman, "election
    officials"). Only a modifier of the noun itself: a figure whose words end in another noun than its
    unit's ("some thirty metres" read as a count of the dead) modifies nothing of it. Marks such as an
    increment stay."""
    story_wordings: dict[str, set[frozenset[str]]] = {}
    source_wordings: dict[tuple[str, str, str | None], set[frozenset[str]]] = {}
    unheaded: set[tuple[str, str, str | None]] = set()
    for m in measures:
        key = (_source(m, voices), m.unit, m.kind)
        story_wordings.setdefault(m.unit, set()).add(_words_of(m))
        source_wordings.setdefault(key, set()).add(_words_of(m))
        if _words_of(m) and not _ends_in_unit(m):
            unheaded.add(key)
    dropped: dict[tuple[str, str, str | None], frozenset[str]] = {}
    for key, wordings in source_wordings.items():
        modifiers = wordings - {frozenset()}
        one = frozenset() in wordings and len(modifiers) == 1 and key not in unheaded
        if one and story_wordings[key[1]] <= wordings:
            dropped[key] = next(iter(modifiers))
    if not dropped:
        return list(measures)
    return [
        replace(m, qualifiers=m.qualifiers - dropped[key])
        if (key := (_source(m, voices), m.unit, m.kind)) in dropped
        else m
        for m in measures
    ]


def _ends_in_unit(measure: Measure) -> bool:
    """Whether the figure's words end in its unit's noun ("46 polling stations": station), or in its number
    (a bare figure, whose words its clause lent it)."""
    text = measure.quantity.text
    words = WORD.findall(text.lower())
    return is_bare_figure(text) or (bool(words) and is_plural_of(words[-1], measure.unit))


def _source(measure: Measure, voices: Voices) -> str:
    """Whose count a figure is: the organisation its speaker speaks as, else the speaker (``speaker_key``)."""
    claim = measure.claim
    return (None if claim.outlet_voice else voice_of(claim, voices)) or speaker_key(claim)


def split_outliers(group: list[Measure]) -> list[list[Measure]]:
    """Take out of a group the values more than ``OUTLIER_RATIO`` from its median: sources disputing one
    figure give figures of one size (10,000 / 11,000 / 12,000 troops; 24 to 61 ships), while 1,100 pages
    released beside 55,000 pages in all count two things that share words. Each outlying value stays a
    question of its own, with every claim giving it (``join_paths`` joins again a value its source's count
    moved to)."""
    values = sorted(m.quantity.value for m in group if m.quantity.value > 0)
    if len(set(values)) < 2:
        return [group]
    median = values[len(values) // 2]
    outlying: dict[float, list[Measure]] = {}
    kept = []
    for measure in group:
        value = measure.quantity.value
        far = value > 0 and max(value / median, median / value) > OUTLIER_RATIO
        far = far and abs(value - median) > OUTLIER_MIN_GAP
        if far and not _moved_from(measure, group):
            outlying.setdefault(value, []).append(measure)
        else:
            kept.append(measure)
    return [kept, *outlying.values()] if kept else [group]


def _moved_from(measure: Measure, group: Sequence[Measure]) -> bool:
    """Whether the figure's own sentence gives the group another value of an earlier day ("four people
    remain missing, down from 11 on Wednesday", ``ledger.dated``): the count moved there, so however far
    it moved (a count of the missing falling from 24 to 4), the figure is a value of the same count."""
    return any(
        other.claim.id == measure.claim.id
        and other.quantity.value != measure.quantity.value
        and other.day is not None
        and measure.day is not None
        and other.day < measure.day
        for other in group
    )


def join_paths(groups: Sequence[list[Measure]], voices: Voices = NO_VOICES) -> list[list[Measure]]:
    """The groups with a group of the same count (``_event_key``) joined to an earlier one when the two
    are one source's count seen moving (``one_path``): grouping by size and by words keeps apart a count
    that moved far ("46 polling stations" to recount on Monday, "only 3" on Thursday, the generalise
    election story), and the outlier split takes such a value out again."""
    joined: list[list[Measure]] = []
    # each kept group by its one event key and source, so a group is checked only against its own
    by_count: dict[tuple[EventKey, str], list[list[Measure]]] = {}
    for group in groups:
        count = _one_count(group, voices)
        same = by_count.get(count, []) if count is not None else []
        target = next((kept for kept in same if one_path([*kept, *group], voices)), None)
        if target is not None:
            target.extend(group)
            continue
        joined.append(list(group))
        if count is not None:
            by_count.setdefault(count, []).append(joined[-1])
    return joined


def _one_count(group: Sequence[Measure], voices: Voices) -> tuple[EventKey, str] | None:
    """The one event key (``_event_key``) and the one source of a group's figures; None when they have
    several, or no key."""
    keys = {_event_key(measure) for measure in group}
    sources = {_source(measure, voices) for measure in group}
    key = keys.pop() if len(keys) == 1 else None
    return (key, sources.pop()) if key is not None and len(sources) == 1 else None


def one_path(measures: Sequence[Measure], voices: Voices = NO_VOICES) -> bool:
    """Whether the figures are one source's count seen moving one way on ``PATH_DAYS`` days or more, a
    new value each day: however far it moves (46 stations left to recount, then 31, 12 and 3), it is one
    count, not a figure of another size counting something else. A value repeating one of an earlier day
    (a recap of the count) is no new value; an undated figure is left out; two new values on one day are
    two counts (46 stations to recount out of 94), no path."""
    return path_direction(measures, voices) is not None


def path_direction(measures: Sequence[Measure], voices: Voices = NO_VOICES) -> str | None:
    """The way the figures move when they are one source's count seen moving (``one_path``), else None."""
    if len({_source(m, voices) for m in measures}) != 1:
        return None
    seen: set[float] = set()
    path: list[tuple[date, float]] = []
    for day in sorted({m.day for m in measures if m.day is not None}):
        new = {m.quantity.value for m in measures if m.day == day} - seen
        if len(new) > 1:
            return None
        seen |= new
        path.extend((day, value) for value in new)
    return moving(path) if len(path) >= PATH_DAYS else None


def _split_outlier_indexes(measures: Sequence[Measure], cluster: list[int]) -> list[list[int]]:
    """``split_outliers`` on a cluster of indexes into ``measures``."""
    index_of = {id(measures[i]): i for i in cluster}
    return [[index_of[id(m)] for m in part] for part in split_outliers([measures[i] for i in cluster])]


def _merge_same_event(measures: Sequence[Measure], clusters: list[list[int]]) -> list[list[int]]:
    """Clusters whose figures all count one thing (one counted noun class, kind of count and narrowing
    words: "11,000 troops", "12,000 troops") are one question even without a word in common. Money and
    shares never merge so: a dollar or a percent says nothing of what is measured, and on PolNeAR such a
    merge gathered 13 unrelated dollar figures into one "contested" question; a share merges so only
    when its wording names whose share it is (``ledger.shares``: two polls' figures for one candidate).
    (Counts that share only their noun still merge: the demo's ship and troop counts need it, PolNeAR's
    email counts suffer; unless, naming no kind, they tell different things of it: ``_told_apart``.)"""
    by_key: dict[EventKey, list[_SameKey]] = {}
    merged: list[list[int]] = []
    for cluster in sorted(clusters, key=min):
        # a figure of no kind of count rides with the kind its equal value joined ("no contact with 31 men"
        # beside "31 missing"): the cluster's key is that of its figures naming a kind, when any does
        kinded = [i for i in cluster if measures[i].kind] or cluster
        keys = {_event_key(measures[i]) for i in kinded}
        key = next(iter(keys))
        if len(keys) > 1 or key is None:
            merged.append(cluster)
            continue
        # the first group of the same key this cluster fits in magnitude with ("5,500 pages" and "55,000
        # pages" are two groups; "54,000 pages" then joins the second, not a group of its own); each group
        # keeps its smallest and largest positive value, so the check does not walk its members
        low, high = _value_range(measures, cluster)
        words, verbs = _telling(measures, cluster, key[0])
        same_key = by_key.setdefault(key, [])
        fitting = [
            group
            for group in same_key
            if _one_magnitude(min(group.bounds[0], low), max(group.bounds[1], high))
            and not (key[1] is None and _told_apart((words, verbs), (group.words, group.verbs)))
        ]
        # of the groups it fits, the one most alike in words ("the true number is 17,500" goes with "the
        # number of depositors who lost their savings", not with the depositors repaid)
        if fitting:
            group = max(fitting, key=lambda group: len(group.words & words))
            group.members.extend(cluster)
            group.bounds[:] = [min(group.bounds[0], low), max(group.bounds[1], high)]
            group.words |= words
            group.verbs |= verbs
        else:
            same_key.append(_SameKey(list(cluster), [low, high], set(words), set(verbs)))
            merged.append(same_key[-1].members)
    return merged


@dataclass
class _SameKey:
    """A group of clusters of one event key (``_merge_same_event``): its figures' indexes, smallest and
    largest value, the content words of its figures but the counted noun, and its predicates' verbs."""

    members: list[int]
    bounds: list[float]
    words: set[str]
    verbs: set[str]


def _telling(measures: Sequence[Measure], cluster: Sequence[int], noun: str) -> tuple[set[str], set[str]]:
    """The content words of a cluster's figures but their counted noun, and the verbs of its figures'
    predicates (``predicate_verb``)."""
    words = {word for i in cluster for word in measures[i].words if word != noun}
    verbs = {predicate_verb(measures[i].quantity.predicate or "") for i in cluster}
    return words, verbs - {""}


def _told_apart(first: tuple[set[str], set[str]], second: tuple[set[str], set[str]]) -> bool:
    """Whether two clusters sharing only their counted noun tell different things of it: each names a
    predicate, no verb in common, and no other word ("2,140 depositors had been repaid from seized assets"
    beside "11,800 depositors lost their savings": in the generalise trial story the count of repaid
    depositors and the contest over those who lost their savings were one question; issue #17). Asked only
    of figures naming no kind of count: a kind says what happened to what is counted, whatever the verb
    (the demo's "71 bodies had been identified" is the toll of the dead "confirmed" elsewhere)."""
    (words, verbs), (other_words, other_verbs) = first, second
    return bool(verbs) and bool(other_verbs) and not verbs & other_verbs and not words & other_words


def predicate_verb(predicate: str) -> str:
    """The verb of a figure's predicate (``Quantity.predicate``), lower case: "had been repaid from seized
    assets" → "repaid", "did the police arrest" → "arrest"; "" for none."""
    words = predicate.lower().split()
    if words[:1] == ["did"]:
        return words[-1]
    skipped = _before_verb()
    return next((word for word in words if word not in skipped), "")


@cache
def _before_verb() -> frozenset[str]:
    """Words a predicate may open on before its verb: auxiliaries, "been", adverbs of time ("had so far
    been"), as the ledger lexicon lists them for labels and counters."""
    lexicon = load_lexicon("ledger")
    return frozenset(
        [*lexicon["auxiliaries"], *lexicon["subjectless_openers"], *lexicon["counters"]["between"]]
    )


EventKey = tuple[str, str | None, frozenset[str], str | None]


def _event_key(measure: Measure) -> EventKey | None:
    """What a figure counts when that alone makes it answer one question: a count's noun class, kind and
    narrowing words, as a span of an event not done's (``ledger.abstentions``); a share's or a loss's holder.
    None for other money and shares of no one."""
    if measure.holder is not None:
        years = frozenset(q for q in measure.qualifiers if q.startswith(YEAR_MARK))
        return (measure.unit, None, years, measure.holder)
    if number_type(measure.quantity) == "count" or (measure.kind or "").startswith(ABSTAINED):
        return (measure.unit, measure.kind, measure.qualifiers, None)
    return None


def _value_range(measures: Sequence[Measure], indexes: Sequence[int]) -> tuple[float, float]:
    """Smallest and largest positive value of the figures (inf, 0 when none is positive)."""
    values = [measures[i].quantity.value for i in indexes if measures[i].quantity.value > 0]
    return (min(values), max(values)) if values else (math.inf, 0.0)


def _one_magnitude(low: float, high: float) -> bool:
    """Figures for one thing lie within an order of magnitude of each other (24 to 61 ships, 10,000 to
    12,000 troops); 18 emails beside 31,000 count different things that share a noun."""
    return high <= MAGNITUDE_SPREAD * low or low == math.inf
