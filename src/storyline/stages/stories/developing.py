"""Developing stories: the event stories of one incident, joined by the rare name they share within days.

The story index clusters by event (issue #15: tuned to PolNeAR's hand-labelled events): each report joins
the story whose event its lead reports. An analyst's story is wider: a shooting, then the candidates'
responses, the experts' rebuke of one response, the gunman's employer, the President's answer, each lead
reporting its own act in its own words, all within days, most naming the gunman (issue #14: PolNeAR's
orlando-shooting-response reports were six stories). This second level joins two event stories when a
report of one is about a rare person (``names.salient_actors``: among its most named, by an unfamiliar
name) whom a report of the other names more than in passing (``names.rare_subjects``: twice at least), the
name specific in the collection, while the joined story stays within ``developing_story_days``: a
bound on the whole span, not a window per join, so that no chain of joins gathers a month (the first
wave's complaint). Two event stories both about one rare person (a headline naming him counts:
``names.headline_subjects``) may span ``developing_subject_days``, a week: a firing and the look back at it
four days on. The event stories themselves are unchanged (the store keeps them, and ``eval/stories.py``
scores them against PolNeAR's events); the brief, its ledger and timeline, the listing and every look-up by
id read the developing ones when ``developing_stories`` is on (``shown_stories``). A developing story takes
its largest event story's id (the earliest of equals): deterministic, and changed only when a larger event
story joins; the id of an event story it joined still finds it (``listing.event_story_ids``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from storyline.config import DEFAULT_SETTINGS, StoriesSettings
from storyline.records import ArticleAnalysis, Entity, Story
from storyline.stages.stories.evidence import ActorCounts
from storyline.stages.stories.names import (
    actor_keys,
    headline_mentions,
    headline_subjects,
    mention_entities,
    rare_subjects,
    salient_actors,
)


@dataclass
class _Developing:
    """Event stories joined so far, with their span and the rare subjects their reports name."""

    stories: list[Story]
    first: date
    last: date
    salient: set[str] = field(default_factory=set)
    named: set[str] = field(default_factory=set)

    def span_with(self, first: date, last: date) -> int:
        return (max(self.last, last) - min(self.first, first)).days


@dataclass
class _Subjects:
    """The developing stories so far by the rare people their reports are about and name: an event story
    joins one naming whom it is about, or about whom it names."""

    about: defaultdict[str, list[_Developing]] = field(default_factory=lambda: defaultdict(list))
    naming: defaultdict[str, list[_Developing]] = field(default_factory=lambda: defaultdict(list))

    def candidates(self, salient: set[str], named: set[str]) -> list[_Developing]:
        found = [group for key in sorted(named) for group in self.about.get(key, ())]
        return found + [group for key in sorted(salient) for group in self.naming.get(key, ())]

    def shared_subject(self, salient: set[str]) -> list[_Developing]:
        """The developing stories about a rare person the event story is about too."""
        return [group for key in sorted(salient) for group in self.about.get(key, ())]

    def add(self, group: _Developing, salient: set[str], named: set[str]) -> None:
        for key in salient - group.salient:
            self.about[key].append(group)
        for key in named - group.named:
            self.naming[key].append(group)
        group.salient |= salient
        group.named |= named


def developing_stories(
    stories: Sequence[Story],
    analyses: Iterable[ArticleAnalysis],
    entities: Sequence[Entity] = (),
    settings: StoriesSettings = DEFAULT_SETTINGS.stories,
) -> list[Story]:
    """The event stories joined into developing stories (the earliest event story's first within each; the
    largest one's id, title and representative kept). Undated stories stay as they are: time is half the
    evidence. The stories of a batch and of a store alike: both come here through ``pipeline.build_brief``,
    with the entities resolved over every article."""
    counts, salient_of, named_of = _rare_names(analyses, mention_entities(entities), settings)
    groups: list[_Developing] = []
    subjects = _Subjects()
    dated = [story for story in stories if story.first_date and story.last_date]
    undated = [story for story in stories if not (story.first_date and story.last_date)]
    for story in sorted(dated, key=lambda story: (story.first_date or "", story.id)):
        first, last = date.fromisoformat(story.first_date or ""), date.fromisoformat(story.last_date or "")
        salient = _specific(story.articles, salient_of, counts)
        named = _specific(story.articles, named_of, counts)
        joined = _joinable(subjects.candidates(salient, named), first, last, settings.developing_story_days)
        if joined is None:
            about_both = subjects.shared_subject(salient)
            joined = _joinable(about_both, first, last, settings.developing_subject_days)
        if joined is None:
            joined = _Developing([], first, last)
            groups.append(joined)
        joined.stories.append(story)
        joined.first, joined.last = min(joined.first, first), max(joined.last, last)
        subjects.add(joined, salient, named)
    # in the order the event stories came (the stories stage's order): with no join, the same list
    place = {story.id: index for index, story in enumerate(stories)}
    shown = [(min(place[story.id] for story in group.stories), _as_story(group.stories)) for group in groups]
    shown += [(place[story.id], story) for story in undated]
    return [story for _, story in sorted(shown, key=lambda placed: placed[0])]


def shown_stories(
    stories: Sequence[Story],
    analyses: Sequence[ArticleAnalysis],
    entities: Sequence[Entity] = (),
    settings: StoriesSettings = DEFAULT_SETTINGS.stories,
) -> list[Story]:
    """The stories a user sees over the event stories: the developing ones when ``developing_stories`` is
    on. The brief (``pipeline.build_brief``) and one story's brief by id (``pipeline.story_brief``) both
    come through here, so the level a listing shows and the level a lookup finds cannot drift apart."""
    if not settings.developing_stories:
        return list(stories)
    return developing_stories(stories, analyses, entities, settings)


def _rare_names(
    analyses: Iterable[ArticleAnalysis],
    entity_of: Mapping[tuple[str, int, int], str],
    settings: StoriesSettings,
) -> tuple[ActorCounts, dict[str, frozenset[str]], dict[str, frozenset[str]]]:
    """Read once per report: the collection's actor counts (which names are specific to a story, not of
    the beat), and by article id the rare people it is about (``salient_actors``) and names twice
    (``rare_subjects``)."""
    counts = ActorCounts(settings, settings.actor_rarity_min_collection)
    salient_of: dict[str, frozenset[str]] = {}
    named_of: dict[str, frozenset[str]] = {}
    for analysis in analyses:
        counts.count(actor_keys(headline_mentions(analysis, settings), entity_of, settings))
        salient_of[analysis.article.id] = salient_actors(analysis, entity_of, settings) | (
            headline_subjects(analysis, entity_of, settings) if settings.headline_subjects else frozenset()
        )
        named_of[analysis.article.id] = rare_subjects(analysis, entity_of, settings)
    return counts, salient_of, named_of


def _specific(
    articles: Iterable[str], keys_of: Mapping[str, frozenset[str]], counts: ActorCounts
) -> set[str]:
    """The keys of any of ``articles`` that are specific in the collection (not a name of the beat)."""
    return {key for article in articles for key in keys_of.get(article, ()) if counts.is_specific(key)}


def _joinable(candidates: Iterable[_Developing], first: date, last: date, days: int) -> _Developing | None:
    """The earliest of the developing stories sharing a rare subject that the event story can join within
    a span of ``days``."""
    fitting = [group for group in candidates if group.span_with(first, last) <= days]
    return min(fitting, key=lambda group: (group.first, group.stories[0].id), default=None)


def _as_story(stories: list[Story]) -> Story:
    """One story of event stories: the largest one's id, title and representative, all their articles."""
    if len(stories) == 1:
        return stories[0]
    lead = max(stories, key=lambda story: len(story.articles))
    firsts = [story.first_date for story in stories if story.first_date]
    lasts = [story.last_date for story in stories if story.last_date]
    return Story(
        id=lead.id,
        title=lead.title,
        articles=tuple(article for story in stories for article in story.articles),
        representative=lead.representative,
        first_date=min(firsts, default=None),
        last_date=max(lasts, default=None),
    )
