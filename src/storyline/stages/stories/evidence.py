"""What says two reports are of one event: specific shared actors and compatible time, not a shared beat.

``ActorCounts`` knows how many articles so far name each actor, which makes an actor common (named in a
large share of the collection: "Trump" in an election month, "Russia" in a war corpus), specific (rare
enough to tell events apart) and gives the rarity weights of actor overlap. The time tests are hard
constraints where both sides are dated; an undated article may not bridge two stories unless the year its
text states fits both (issue #15: undated articles once merged events years apart). ``events_agree`` says
whether an article's lead reports the story's event (its trigger lemmas, ``stories.triggers``); the index
lowers the score of one that does not, rather than forbidding it, because a developing event's reports
name its acts in many words.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Set
from datetime import date

from storyline.config import StoriesSettings
from storyline.stages.stories.profile import ArticleProfile, GroupProfile


class ActorCounts:
    """Articles seen so far and, per actor key, how many of them name it. The story index keeps a second
    one for lead words, whose rarity weighs the lead-word overlap the same way (``stories.scoring``).

    ``min_collection``: the collection size rarities are read against while fewer articles have been seen.
    In a handful of articles every name they all carry would weigh nothing (log 1), as if it were "Trump"
    in an election month, and the reports of one decision could never meet by the names they share; a
    floor reads a name six of six articles carry as fairly common, not as the beat."""

    def __init__(self, settings: StoriesSettings, min_collection: int = 0) -> None:
        self.settings = settings
        self.min_collection = min_collection
        self.articles = 0
        self.naming: Counter[str] = Counter()
        # Rarities at the current counts, computed once per key: placing one article scores it against
        # ~30 candidate stories with the same words (1.4 M rarity calls for 200 PolNeAR articles, most of
        # the placement's CPU in the main process). Valid while ``articles`` is unchanged: every change of
        # the counts (``count``, the index restoring stored stories) adds articles too, so ``articles`` alone
        # says when the cache is stale (``_current_rarities``).
        self._rarities: dict[str, float] = {}
        self._rarities_at = 0

    def count(self, actors: Iterable[str]) -> None:
        self.articles += 1
        self.naming.update(actors)

    def is_common(self, actor: str) -> bool:
        return (
            self.articles >= self.settings.min_articles_for_share
            and self.naming[actor] > self.settings.max_actor_share * self.articles
        )

    def rarity(self, actor: str) -> float:
        """log(articles / articles naming the actor) over the collection so far, capped: "Trump" in an
        election month weighs nothing, a name one other article carries weighs most, and a name no other
        article carries (often a misread one) weighs no more than that. Below ``min_collection`` articles,
        the share is read against that many."""
        share = max(self.articles, self.min_collection, 1) / max(self.naming[actor], 1)
        return min(max(math.log(share), 0.0), self.settings.actor_rarity_cap)

    def unseen(self, actors: Iterable[str]) -> frozenset[str]:
        """The keys no article counted so far names."""
        return frozenset(actor for actor in actors if not self.naming[actor])

    def is_specific(self, actor: str) -> bool:
        if self.articles < self.settings.min_articles_for_share:
            return True  # too few articles to tell a specific actor from a common one
        return self.rarity(actor) >= self.settings.specific_actor_rarity

    def weighted_jaccard(self, first: Set[str], second: Set[str]) -> float:
        rarities = self._current_rarities()
        # the same sums in the same order as with ``rarity`` itself: cached values, not a new formula
        union = sum(rarities[key] if key in rarities else self._remember(key) for key in first | second)
        return sum(rarities[key] for key in first & second) / union if union else 0.0

    def _current_rarities(self) -> dict[str, float]:
        if self._rarities_at != self.articles:
            self._rarities.clear()
            self._rarities_at = self.articles
        return self._rarities

    def _remember(self, key: str) -> float:
        found = self._rarities[key] = self.rarity(key)
        return found


def same_event_evidence(profile: ArticleProfile, group: GroupProfile, actors: ActorCounts) -> bool:
    """An article reports a story's event only when they share a specific actor (rare in the collection so
    far) or say nearly the same thing (a very high cosine): the same frame or beat is not enough. When
    either side names no one, the score alone decides."""
    core_actors = group.core(group.actors)
    if profile.vector is None or not profile.actors or not core_actors:
        return True  # the lexical score is itself actor overlap; with no names, no names can differ
    if any(actors.is_specific(actor) for actor in profile.actors & core_actors):
        return True
    centroid = group.centroid()
    return centroid is not None and float(centroid @ profile.vector) >= actors.settings.same_event_cosine


def events_agree(
    profile: ArticleProfile, group: GroupProfile, actors: ActorCounts, unshared: Set[str] = frozenset()
) -> bool:
    """Whether an article's lead reports an event the story's members report: a trigger lemma in common
    with what a quarter of them report ("earthquake", "arrest"), an embedding close enough to the story's
    to say so itself ("captured" and "arrested" share no lemma), or most of the story's rare actors (a
    developing event's follow-ups report new acts of the same people), or, with ``unshared`` left out (the
    names of the article no earlier article carries: no story could share them), a higher share of them
    (issue #14: a reaction naming its own dozen people drowned the three it shares). Shared actors and place
    alone join two events of one island, or a fundraising report and an FBI letter of one campaign; their
    event words differ. A side whose lead gave no trigger (a headline without a verb, a store older than
    schema 6) passes."""
    settings = actors.settings
    group_triggers = group.core(group.triggers)
    if not profile.triggers or not group_triggers or not profile.triggers.isdisjoint(group_triggers):
        return True
    centroid = group.centroid()
    cosine = None if centroid is None or profile.vector is None else float(centroid @ profile.vector)
    if cosine is not None and cosine >= _trigger_cosine(profile, group, settings):
        return True
    core_actors = group.core(group.actors)
    if actors.weighted_jaccard(profile.actors, core_actors) >= settings.same_event_actor_overlap:
        return True
    shared_overlap = actors.weighted_jaccard(profile.actors - unshared, core_actors)
    return shared_overlap >= settings.same_event_shared_actor_overlap


def shared_subject(profile: ArticleProfile, group: GroupProfile, actors: ActorCounts) -> bool:
    """Whether an article and a story, both dated within ``salient_actor_days``, are about one rare actor:
    one of the article's salient actors (``stories.names.salient_actors``: named most, by an unfamiliar
    name) that the story's members are about too (its core) and that is specific in the collection so far.
    The reports of a story that runs for weeks (a judge's ruling, the candidate's attacks on him, the
    reactions) each lead with their own act in their own words, and the event test kept them apart while
    the rare person they were all about was the evidence (issue #14: PolNeAR's Curiel reports). Undated
    reports never pass: time is half of the evidence."""
    return _dated_near(profile, group, actors.settings) and _specific_subject(profile.salient, group, actors)


def names_subject(profile: ArticleProfile, group: GroupProfile, actors: ActorCounts) -> bool:
    """Whether an article, dated within ``salient_actor_days`` of a story, names a rare actor the story is
    about more than in passing (``ArticleProfile.repeated``), though its own salient actors are others. A
    reaction is about its reactors: a senator's and a speaker's rebukes of the candidate's attacks on a
    judge name the senator and the speaker most and the judge twice, and three reports about the judge
    were their story (issue #14: PolNeAR's curiel-trump-university reports in 3 stories). A report that
    names the person once, in a closing line of background, is not of the story (PolNeAR 2016-09: a
    Charlotte shooting report recalls the Tulsa victim whose death Clinton's remarks were about)."""
    return _dated_near(profile, group, actors.settings) and _specific_subject(profile.repeated, group, actors)


def about_subject(profile: ArticleProfile, group: GroupProfile, actors: ActorCounts) -> bool:
    """Whether an article is about a rare actor the story's members are about, whenever it came: a story
    of one rare person does not go quiet (``quiet_days``) while reports about that person
    come."""
    return _specific_subject(profile.salient, group, actors)


def _trigger_cosine(profile: ArticleProfile, group: GroupProfile, settings: StoriesSettings) -> float:
    """The cosine at which an article's embedding says it reports the story's event in other words: higher
    (``quiet_trigger_cosine``) when both sides are dated and the article comes more than
    ``quiet_story_days`` from the story's nearest member. Reports of one event in other words come within
    days; one that comes after a silence and names none of the story's acts is of the same beat, which the
    embedding cannot tell from the same event (issue #15: a primary campaign's delegate fights, endorsements
    and rallies two weeks apart)."""
    days, group_days = profile.days(), group.days()
    if (
        days is not None
        and group_days is not None
        and quiet_days(days, group_days) > settings.quiet_story_days
    ):
        return settings.quiet_trigger_cosine
    return settings.same_event_trigger_cosine


def far_from_busy_days(
    days: tuple[date, date] | None, group: GroupProfile, settings: StoriesSettings
) -> bool:
    """Whether an article (or another group), dated, comes more than ``busy_story_days`` from the days a
    story's reports cluster on (``GroupProfile.busy_days``): a story's first or last report says little of
    when its event happened — a preview a week before, one late report that joined — while its busiest days
    do. False when either side is undated, the story's days were not counted, or its busiest days hold fewer
    than ``busy_min_reports`` reports (a story of a report or two, or a few spread over a week, has no busy
    days to judge by)."""
    if not settings.busy_story_days or days is None:
        return False
    busy = group.busy_days(settings.busy_window_days)
    if busy is None or quiet_days(days, busy) <= settings.busy_story_days:
        return False
    held = sum(count for day, count in group.day_counts.items() if busy[0] <= day <= busy[1])
    return held >= settings.busy_min_reports


def quiet_days(days: tuple[date, date], group_days: tuple[date, date]) -> int:
    """The days between an article (or another group) and a story's nearest member: after its last, before
    its first, 0 within its span."""
    return max((days[0] - group_days[1]).days, (group_days[0] - days[1]).days, 0)


def _dated_near(profile: ArticleProfile, group: GroupProfile, settings: StoriesSettings) -> bool:
    """Whether both sides are dated and the article comes within ``salient_actor_days`` of the story."""
    days = profile.days()
    if days is None or group.first is None or group.last is None:
        return False
    window = settings.salient_actor_days
    return (group.first - days[1]).days <= window and (days[0] - group.last).days <= window


def _specific_subject(keys: Set[str], group: GroupProfile, actors: ActorCounts) -> bool:
    """Whether one of ``keys`` is a salient actor of the story's core, specific in the collection so far."""
    return any(actors.is_specific(actor) for actor in keys & group.core(group.salient))


def in_window(group: GroupProfile, days: tuple[date, date] | None, settings: StoriesSettings) -> bool:
    """Whether days (an article's, or another group's first and last) come within the window of the
    group's: a hard test when both sides are dated; an undated side passes, and is kept from bridging
    stories by ``may_merge`` instead."""
    if days is None or group.first is None or group.last is None:
        return True
    window = settings.window_days
    return (group.first - days[1]).days <= window and (days[0] - group.last).days <= window


def years_fit(first: Set[int], second: Set[int], settings: StoriesSettings) -> bool:
    """Whether two sets of years come within ``max_year_gap`` of each other (or either is empty)."""
    if not first or not second:
        return True
    return min(abs(a - b) for a in first for b in second) <= settings.max_year_gap


def may_merge(
    profile: ArticleProfile, first: GroupProfile, second: GroupProfile, settings: StoriesSettings
) -> bool:
    """A bridging article merges two stories only when their days fit one window and their years agree.
    One without a full or month date passes every time test, so it could join events years apart: it
    bridges only when the year its text states fits both stories, or when nothing on either side says
    when (no date, no year: no time evidence to break)."""
    first_days, second_days = first.days(), second.days()
    if first_days is not None and not in_window(second, first_days, settings):
        return False
    first_years, second_years = _years(first.core(first.words)), _years(second.core(second.words))
    if not years_fit(first_years, second_years, settings):
        return False
    if profile.days() is not None:
        return True
    article_years = _years(profile.words)
    if article_years:
        return years_fit(article_years, first_years | second_years, settings)
    return not (first_days or second_days or first_years or second_years)


def _years(words: Iterable[str]) -> set[int]:
    """The years among profile words (``stories.dates.year_words``: the year an article places itself in)."""
    return {int(word) for word in words if word.isdigit()}
