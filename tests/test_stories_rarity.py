"""Actor rarity in a small collection (issue #14): reports of one decision meet by the names they share."""

import dataclasses
import math

from storyline.config import DEFAULT_SETTINGS
from storyline.stages.stories.evidence import ActorCounts
from storyline.stages.stories.index import StoryIndex
from storyline.stages.stories.profile import ArticleProfile

SETTINGS = DEFAULT_SETTINGS.stories


def reaction(article_id: str, *actors: str) -> ArticleProfile:
    """A profile without an embedding or lead words: the lexical score is the actor overlap alone."""
    return ArticleProfile(
        article_id=article_id, title=article_id, published=None, actors=frozenset(actors), words=frozenset()
    )


# Four reactions to one regulator's decision not to fine a mine, each quoting a different voice, and one
# report of another event: a handful of articles, the size of a user's folder or of one ledger gold story.
REACTIONS = [
    reaction("mayor", "odile varga", "kestrel mining", "mayor tobin"),
    reaction("union", "odile varga", "kestrel mining", "miners union"),
    reaction("senator", "odile varga", "kestrel mining", "senator halloway"),
    reaction("editorial", "odile varga", "kestrel mining", "harbour gazette"),
]
OTHER_EVENT = reaction("ferry", "lindqvist", "port of aldmere")


def place(min_collection: int) -> dict[str, str]:
    index = StoryIndex(dataclasses.replace(SETTINGS, actor_rarity_min_collection=min_collection))
    return {profile.article_id: index.add(profile).story.id for profile in [*REACTIONS, OTHER_EVENT]}


def test_reactions_to_one_decision_form_one_story_in_a_small_collection_with_the_floor() -> None:
    # the floor is off by default (config: it surfaced misleading ledger questions); at 10, as measured
    story_of = place(10)
    assert len({story_of[profile.article_id] for profile in REACTIONS}) == 1
    assert story_of["ferry"] != story_of["mayor"]


def test_without_the_floor_names_every_article_shares_weigh_nothing() -> None:
    # The behaviour the floor corrects: read against four articles, "odile varga" in all of them is log 1.
    story_of = place(0)
    assert len({story_of[profile.article_id] for profile in REACTIONS}) == len(REACTIONS)


def test_rarity_reads_a_small_collection_against_the_floor_and_a_large_one_as_it_is() -> None:
    small = ActorCounts(SETTINGS, min_collection=10)
    for _ in range(6):
        small.count({"odile varga"})
    assert math.isclose(small.rarity("odile varga"), math.log(10 / 6))
    plain = ActorCounts(SETTINGS)
    for _ in range(6):
        plain.count({"odile varga"})
    assert plain.rarity("odile varga") == 0.0
    for _ in range(34):
        small.count({"lindqvist"})
        plain.count({"lindqvist"})
    # past the floor the floor changes nothing: log(40 / 6) either way
    assert math.isclose(small.rarity("odile varga"), math.log(40 / 6))
    assert small.rarity("odile varga") == plain.rarity("odile varga")
