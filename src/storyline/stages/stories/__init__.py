"""The stories stage: articles clustered into stories, in one batch or one article at a time.

Contract: ``event_triggers(parsed) -> tuple[str, ...]`` per article, in the parse stages (the lemmas of the
events its lead reports); ``cluster_stories(analyses, entities, settings) -> list[Story]`` for a batch;
``StoryIndex`` with ``place_articles(index, analyses, embedder) -> Iterator[StoryUpdate]`` for a store that
grows; ``shown_stories(...)`` for the level a user sees (developing stories over the event stories);
``list_stories(...)``, ``find_story(...)`` and ``event_story_ids(...)`` for listing and finding them.
Inside: ``cluster`` (profiles and the batch/incremental entry points), ``names`` (the actor keys an article
is placed by and which of them are rare), ``dates`` (when it was published, the years it is of),
``listing`` (stored stories as rows), ``index`` (the placing index),
``state`` (the index's live stories, provisional parts and updates),
``profile`` (what an article is compared by), ``scoring`` (the join score), ``evidence`` (specific actors,
event triggers and time windows: what makes two reports one event), ``centroids`` (nearest-story search),
``triggers`` (the lead's event lemmas, and the event keys an article is compared by).
"""

from storyline.stages.stories.cluster import cluster_stories, place_articles
from storyline.stages.stories.developing import developing_stories, shown_stories
from storyline.stages.stories.index import StoryIndex, StoryUpdate
from storyline.stages.stories.listing import event_story_ids, find_story, list_stories, live_tracks
from storyline.stages.stories.triggers import event_triggers

__all__ = [
    "StoryIndex",
    "StoryUpdate",
    "cluster_stories",
    "developing_stories",
    "event_story_ids",
    "event_triggers",
    "find_story",
    "list_stories",
    "live_tracks",
    "place_articles",
    "shown_stories",
]
