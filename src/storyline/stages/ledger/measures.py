"""Which figures of a story answer the same question (a *measured thing*): the quantity half of grouping.

A measured thing is "how many North Korean soldiers are sent?": the quantities of one unit class are
clustered with complete linkage, so a figure joins a group only when it is compatible with every figure
already there. Figures are incompatible when the content says they count different things: different
kinds of count ("38 dead" vs "140 missing"), different narrowing words before the counted noun with
different values ("1,500 special forces" vs "12,000 soldiers"), or one speaker giving two values in one
article without a word of change ("11,000 in training … 2,600 to Kursk"). Among compatible figures, the
most similar contents merge first (shared content words weighted by rarity, shared entities, equal
values). Words, entities and the overlap score come from ``ledger.grouping``. A source's count seen moving
one way on three days or more is one count, however far it moved (``ledger.paths``: 46 stations left to
recount, then 31, 12 and 3).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache

from storyline.config import LedgerSettings
from storyline.lexicons import load_lexicon
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
    told_as_now,
    under_umbrellas,
    unify_holders,
)
from storyline.stages.ledger.embedding import ContentVectors
from storyline.stages.ledger.grouping import (
    NO_VECTORS,
    TOKEN_MARK,
    rarity_weights,
    similarity,
    speaker_key,
    stem,
)
from storyline.stages.ledger.kinds import PAST_EVENT
from storyline.stages.ledger.losses import LOSS, years_agree
from storyline.stages.ledger.modifiers import drop_one_modifier, drop_unsaid_qualifiers
from storyline.stages.ledger.paths import EventKey, event_key, join_paths
from storyline.stages.ledger.place_questions import split_place_parts
from storyline.stages.ledger.voices import NO_VOICES, Voices

# what the ledger stage reads from here: a figure as an item (``ledger.counted``), and the grouping
__all__ = [
    "INCREMENT",
    "TARGET",
    "Measure",
    "former_year",
    "group_measures",
    "is_lower_bound",
    "is_vague",
    "make_measures",
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


def _two_sums(first: Measure, second: Measure) -> bool:
    """Two sums however alike their words (issue #14, PolNeAR trump-debate-demands): paid by two payers
    ("if CNN donated $5 million" and "that Fox News contribute $5 million", ``ledger.figure_asides``), or
    one value said by one voice of one article as a floor and exactly ("a $1 million Iowa buy" and "has
    already spent over $1 million"), which no speaker does of one sum."""
    if first.payer is not None and second.payer is not None and first.payer != second.payer:
        return True
    return (
        first.quantity.value == second.quantity.value
        and first.claim.article == second.claim.article
        and speaker_key(first.claim) == speaker_key(second.claim)
        and is_lower_bound(first.quantity) != is_lower_bound(second.quantity)
    )


def _then_and_now(first: Measure, second: Measure) -> bool:
    """A former event's figure and a figure told as of now (``told_as_now``) count two things, however
    equal their values: "In 2019, 12 people died in a similar accident" is no value of "12 people have now
    died" (the generalise cable story's 2023 incident, "two data cables", took the operators' "two cables
    had now been confirmed damaged" as its own). A former event's figure restated without a word of now
    (the same year's figure told again in another sentence) may still join it."""
    return any(
        PAST_EVENT in past.qualifiers and PAST_EVENT not in now.qualifiers and told_as_now(now)
        for past, now in ((first, second), (second, first))
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
    (``ledger.modifiers``)."""
    if not measures:
        return []
    measures = drop_one_modifier(drop_unsaid_qualifiers(measures), voices)
    weight = rarity_weights([measure.words for measure in measures])
    tokens = [measure.words | {f"={measure.unit}:{measure.quantity.value:g}"} for measure in measures]
    distances = {}
    passages = passage_values(measures)
    for first, second in candidate_pairs(tokens, weight):
        if (
            _compatible(measures[first], measures[second])
            and not told_apart_beside(measures[first], measures[second], passages)
            and not _two_sums(measures[first], measures[second])
            and not _then_and_now(measures[first], measures[second])
        ):
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
    clusters = _join_contrasted(measures, _merge_same_event(measures, clusters))
    groups = [[measures[i] for i in sorted(cluster)] for cluster in clusters]
    split = [part for group in groups for split in split_outliers(group) for part in split_same_voice(split)]
    # one source's count of a place beside its whole is another question (``ledger.place_questions``)
    return [part for group in join_paths(split, voices) for part in split_place_parts(group)]


# By claim, the (unit, value, day) of each figure it gives with no word of change.
PassageValues = dict[str, set[tuple[str, float, date | None]]]


def passage_values(measures: Sequence[Measure]) -> PassageValues:
    """The values each claim gives beside each other (``told_apart_beside``)."""
    passages: PassageValues = {}
    for measure in measures:
        if not measure.changing:
            passages.setdefault(measure.claim.id, set()).add(_passage_key(measure, measure.day))
    return passages


def _passage_key(measure: Measure, day: date | None) -> tuple[str, float, date | None]:
    return measure.unit, measure.quantity.value, day


def told_apart_beside(first: Measure, second: Measure, passages: PassageValues) -> bool:
    """Whether one figure's own sentence gives the other's value, in its unit and on its day, beside it as
    a second thing: "20 states are solidly Republican, 14 solidly Democratic. The remaining 16 are
    competitive" sets 16 apart from 20, so another sentence's "the 20 states that Gallup classifies as
    Republican" restates that 20, no rival answer to how many states are competitive (issue #14, PolNeAR
    iowa-caucus-results: a contest no one held). A sentence telling a change ("up from 20") sets nothing
    apart: its values are one count's."""
    if first.quantity.value == second.quantity.value or first.unit != second.unit:
        return False
    return any(
        {_passage_key(one, one.day), _passage_key(other, one.day)} <= passages.get(one.claim.id, set())
        for one, other in ((first, second), (second, first))
    )


def split_outliers(group: list[Measure]) -> list[list[Measure]]:
    """Take out of a group the values more than ``OUTLIER_RATIO`` from its median: sources disputing one
    figure give figures of one size (10,000 / 11,000 / 12,000 troops; 24 to 61 ships), while 1,100 pages
    released beside 55,000 pages in all count two things that share words. Each outlying value stays a
    question of its own, with every claim giving it (``ledger.paths`` joins again a value its source's count
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
        keys = {event_key(measures[i]) for i in kinded}
        key = next(iter(keys))
        if len(keys) > 1 or key is None:
            merged.append(cluster)
            continue
        # the first group of the same key this cluster fits in magnitude with ("5,500 pages" and "55,000
        # pages" are two groups; "54,000 pages" then joins the second, not a group of its own); each group
        # keeps its smallest and largest positive value, so the check does not walk its members
        low, high = _value_range(measures, cluster)
        words, verbs = _telling(measures, cluster, key[0])
        articles = {measures[i].claim.article for i in cluster}
        speakers = {speaker_key(measures[i].claim) for i in cluster}
        same_key = by_key.setdefault(key, [])
        fitting = [
            group
            for group in same_key
            if _one_magnitude(min(group.bounds[0], low), max(group.bounds[1], high))
            and not (key[1] is None and _told_apart((words, verbs), (group.words, group.verbs)))
            and not (
                key[1] is None
                and _counted_twice(
                    key[0], (articles, speakers, words), (group.articles, group.speakers, group.words)
                )
            )
        ]
        # of the groups it fits, the one most alike in words ("the true number is 17,500" goes with "the
        # number of depositors who lost their savings", not with the depositors repaid)
        if fitting:
            group = max(fitting, key=lambda group: len(group.words & words))
            group.members.extend(cluster)
            group.bounds[:] = [min(group.bounds[0], low), max(group.bounds[1], high)]
            group.words |= words
            group.verbs |= verbs
            group.articles |= articles
            group.speakers |= speakers
        else:
            same_key.append(
                _SameKey(list(cluster), [low, high], set(words), set(verbs), set(articles), set(speakers))
            )
            merged.append(same_key[-1].members)
    return merged


def _join_contrasted(measures: Sequence[Measure], clusters: list[list[int]]) -> list[list[int]]:
    """A cluster naming no kind of count joins the kinded cluster a figure of it is set against: two
    sources' figures for one counted noun, said side by side in one article ("the airline says 47
    passengers boarded; the border service says 56 passengers were registered at its permit check", "the
    company speaks of 286 passengers aboard, while the union says there were about 340") are two positions
    on one question, though only one of them names what happened to what is counted (the generalise crash
    and train stories showed two questions; issue #17). Side by side: claims of different speakers with no
    more than ``CONTRAST_GAP`` characters between them, their figures of one unit, narrowing words and
    counted noun (or the later one's noun left unsaid, "about 340"), different values, in one magnitude."""
    owner = {i: n for n, cluster in enumerate(clusters) for i in cluster}
    kinded = {n for n, cluster in enumerate(clusters) if any(measures[i].kind for i in cluster)}
    by_article: dict[str, list[int]] = {}
    for j in owner:
        if owner[j] in kinded:
            by_article.setdefault(measures[j].claim.article, []).append(j)
    moves: dict[int, int] = {}
    for n, cluster in enumerate(clusters):
        if n in kinded or any(event_key(measures[i]) is None for i in cluster):
            continue
        targets = {
            owner[j]
            for i in cluster
            for j in by_article.get(measures[i].claim.article, [])
            if _contrasted(measures[i], measures[j])
        }
        if len(targets) == 1:
            target = targets.pop()
            low, high = _value_range(measures, [*clusters[target], *cluster])
            if _one_magnitude(low, high):
                moves[n] = target
    if not moves:
        return clusters
    joined = [list(cluster) for cluster in clusters]
    for source, target in moves.items():
        joined[target].extend(clusters[source])
    return [cluster for n, cluster in enumerate(joined) if n not in moves]


# Characters at most between two claims set side by side ("…; the border service says …", "…, while …").
CONTRAST_GAP = 30


def _contrasted(first: Measure, second: Measure) -> bool:
    """Whether two figures are two sources' values set side by side (``_join_contrasted``)."""
    one, other = first.claim, second.claim
    if one.article != other.article or speaker_key(one) == speaker_key(other):
        return False
    if first.unit != second.unit or first.qualifiers != second.qualifiers:
        return False
    if first.quantity.value == second.quantity.value or first.changing or second.changing:
        return False
    earlier, later = (first, second) if one.start <= other.start else (second, first)
    if not 0 <= later.claim.start - earlier.claim.end <= CONTRAST_GAP:
        return False
    noun = _counted_noun(earlier)
    # the later figure may leave the noun unsaid ("…, while the union says there were about 340"), when
    # it names no kind of its own and is its claim's one figure: "86 survivors …; 19 were recovered dead"
    # or "…; 19 bodies on Tuesday, 27 on Wednesday" tell another thing of others
    later_noun = _counted_noun(later)
    elided = later_noun is None and later.kind is None and len(later.claim.quantities) == 1
    return noun is not None and (later_noun == noun or elided)


def _counted_noun(measure: Measure) -> str | None:
    """The last word of a figure's text when it is a word ("47 passengers": "passengers"), else None
    ("about 340": the noun left unsaid)."""
    words = measure.quantity.text.lower().split()
    last = words[-1] if words else ""
    return stem(last) if last.isalpha() else None


@dataclass
class _SameKey:
    """A group of clusters of one event key (``_merge_same_event``): its figures' indexes, smallest and
    largest value, the content words of its figures but the counted noun, its predicates' verbs, and the
    articles its figures are in and their speakers (``speaker_key``)."""

    members: list[int]
    bounds: list[float]
    words: set[str]
    verbs: set[str]
    articles: set[str]
    speakers: set[str]


def _telling(measures: Sequence[Measure], cluster: Sequence[int], noun: str) -> tuple[set[str], set[str]]:
    """The content words of a cluster's figures but their counted noun, and the verbs of its figures'
    predicates (``predicate_verb``). The words are stems (``grouping.stem``): the stems of the noun's
    singular and plural are left out too, or "samples" ("sampl", where "sample" stays whole) made any two
    clusters of samples share a word and never be told apart (the generalise doping story's samples
    destroyed joined those re-analysed; issue #17). A unit class's mark ("@personnel") stays a word they
    share: left out too, the demo ledger's grouping recall fell from 0.531 to 0.474."""
    stems = {stem(noun), stem(f"{noun}s")}
    counted = {noun} | {word for word in stems if not word.startswith(TOKEN_MARK)}
    words = {word for i in cluster for word in measures[i].words if word not in counted}
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


def _counted_twice(
    unit: str, first: tuple[set[str], set[str], set[str]], second: tuple[set[str], set[str], set[str]]
) -> bool:
    """Whether two clusters of one counted noun, naming no kind of count, are one article's two counts:
    all their figures in that article, told by different voices (one voice's recap of a count by day,
    "seven deaths on Monday, 11 on Tuesday", gives bare figures whose words share nothing: the generalise
    cholera story), and no word in common but the noun's unit class. One article
    disputing its own count sets the values side by side (``_join_contrasted``) or says what is counted
    in the same words; "his rallies in the state drew more than 160,000 people" and "we will have spoken
    to a quarter-of-a-million people in California, face to face" (PolNeAR clinton-clinches-sanders-
    holdout, one USA Today article) count two things, and joined, the exact 250,000 meeting the floor
    read as a second source agreeing (issue #14)."""
    (articles, speakers, words), (other_articles, other_speakers, other_words) = first, second
    if len(articles | other_articles) != 1 or speakers & other_speakers:
        return False
    return not (words & other_words) - {TOKEN_MARK + unit}


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


def _value_range(measures: Sequence[Measure], indexes: Sequence[int]) -> tuple[float, float]:
    """Smallest and largest positive value of the figures (inf, 0 when none is positive)."""
    values = [measures[i].quantity.value for i in indexes if measures[i].quantity.value > 0]
    return (min(values), max(values)) if values else (math.inf, 0.0)


def _one_magnitude(low: float, high: float) -> bool:
    """Figures for one thing lie within an order of magnitude of each other (24 to 61 ships, 10,000 to
    12,000 troops); 18 emails beside 31,000 count different things that share a noun."""
    return high <= MAGNITUDE_SPREAD * low or low == math.inf
