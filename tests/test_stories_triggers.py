"""The lead's event trigger lemmas, and what they do to a join (issue #15: one event per story)."""

import dataclasses

import numpy as np
import pytest
from factories import make_article

from storyline import pipeline
from storyline.config import DEFAULT_SETTINGS
from storyline.records import Article
from storyline.stages.nlp import parse_articles
from storyline.stages.stories import event_triggers
from storyline.stages.stories.cluster import ArticleProfile, StoryIndex, story_id


def triggers_of(text: str) -> tuple[str, ...]:
    return event_triggers(next(parse_articles([Article(id="t", text=text)])))


def test_the_event_verb_and_its_event_noun_are_triggers() -> None:
    triggers = triggers_of("A powerful earthquake struck the island of Valmora on Sunday.")
    assert {"strike", "earthquake"} <= set(triggers)
    assert "valmora" not in triggers  # a proper noun is an actor or a place, not the event


def test_a_reporting_verb_gives_way_to_the_event_it_reports() -> None:
    triggers = triggers_of("Police said a man was arrested in Oskel after the robbery of a jewellery store.")
    assert "arrest" in triggers and "say" not in triggers


def test_a_light_verb_gives_way_to_its_event_noun() -> None:
    triggers = triggers_of("The police made an arrest in the Draava valley on Monday.")
    assert "arrest" in triggers and "make" not in triggers


def test_only_the_lead_is_read() -> None:
    lead = "A flood swept through the Draava valley. Rescuers searched for villagers."
    triggers = triggers_of(lead + " Officials recalled that a wildfire burned the valley in 2019.")
    assert "flood" in triggers and "wildfire" not in triggers and "burn" not in triggers


def test_the_analysis_carries_the_triggers() -> None:
    (analysis,) = pipeline.run_article_stages([make_article("An earthquake struck Valmora on Sunday.")])
    assert "earthquake" in analysis.triggers


def unit(*values: float) -> np.ndarray:
    vector = np.asarray(values, dtype=np.float32)
    return vector / np.linalg.norm(vector)


def quake_profile(
    article_id: str, vector: np.ndarray, triggers: set[str], actors: frozenset[str] = frozenset({"valmora"})
) -> ArticleProfile:
    return ArticleProfile(
        article_id=article_id,
        title=article_id,
        published=None,
        actors=actors,
        words=frozenset({"island"}),
        vector=vector,
        triggers=frozenset(triggers),
    )


def test_an_article_of_another_event_scores_lower_by_the_event_penalty() -> None:
    """Same place, same kind of text, but a flood against a story of an earthquake: the score falls by the
    penalty, unless the embedding is close enough to say it is the same event, the article names most of
    the story's rare actors, or a side has no triggers."""
    settings = DEFAULT_SETTINGS.stories
    index = StoryIndex(settings)
    for number in range(4):  # other stories, so that the story's actors are rare in the collection
        index.add(quake_profile(f"other-{number}", unit(0, 0, 1), {"vote"}, frozenset({f"mayor {number}"})))
    story_actors = frozenset({"valmora", "ana petrova", "ilir basha", "oskel", "draava", "kesport"})
    index.add(quake_profile("quake", unit(1, 0, 0), {"earthquake", "strike"}, story_actors))
    story = index._stories[story_id("quake")].profile
    apart = unit(1, 1.5, 0)  # cosine 0.55 to the story: the embedding alone does not say "same event"
    assert float(apart @ unit(1, 0, 0)) < settings.same_event_trigger_cosine
    same = quake_profile("aftershock", apart, {"earthquake", "rattle"})
    other = quake_profile("flood", apart, {"flood", "sweep"})
    unknown = quake_profile("unknown", apart, set())
    penalty = settings.other_event_penalty
    assert penalty > 0
    assert index._score(same, story) - index._score(other, story) == pytest.approx(penalty)
    assert index._score(unknown, story) == pytest.approx(index._score(same, story))
    close, close_same = (dataclasses.replace(p, vector=unit(1, 0.1, 0)) for p in (other, same))
    assert index._score(close, story) == pytest.approx(index._score(close_same, story))
    # Most of the story's rare actors again: a follow-up of one developing event, told in new words.
    follow_up = dataclasses.replace(other, actors=story_actors)
    same_follow_up = dataclasses.replace(same, actors=follow_up.actors)
    assert index._score(follow_up, story) == pytest.approx(index._score(same_follow_up, story))
