"""Actor rarity in a small collection (issue #14): reports of one decision meet by the names they share."""

import dataclasses
import math

import numpy as np

from storyline.config import DEFAULT_SETTINGS
from storyline.stages.stories.evidence import ActorCounts, events_agree
from storyline.stages.stories.index import StoryIndex
from storyline.stages.stories.profile import ArticleProfile, GroupProfile

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
    story_of = place(SETTINGS.actor_rarity_min_collection)  # 10, as measured (config)
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


def test_a_reaction_naming_its_own_people_still_reports_the_decision_it_shares_names_with() -> None:
    # A reaction reports its own act ("blasted", no trigger of the decision's) and names a dozen people of its
    # own, who drown the two names it shares with the decision; none of them could be shared by any story.
    decision = dataclasses.replace(
        reaction("decision", "odile varga", "kestrel mining", "mayor tobin"),
        vector=np.array([1.0, 0.0], dtype=np.float32),
        triggers=frozenset({"fine"}),
    )
    own_people = [f"voice {number}" for number in range(12)]
    blast = dataclasses.replace(
        reaction("senator", "odile varga", "kestrel mining", *own_people),
        vector=np.array([0.5, np.sqrt(0.75)], dtype=np.float32),  # cosine 0.5: too far to agree by itself
        triggers=frozenset({"blast"}),
    )
    counts = ActorCounts(SETTINGS, SETTINGS.actor_rarity_min_collection)
    counts.count(decision.actors)
    group = GroupProfile.founded_by(decision)
    group.add(decision, 0.0)
    assert not events_agree(blast, group, counts)
    assert events_agree(blast, group, counts, unshared=counts.unseen(blast.actors))
    other_event = dataclasses.replace(blast, actors=frozenset({"lindqvist", *own_people}))
    assert not events_agree(other_event, group, counts, unshared=counts.unseen(other_event.actors))
