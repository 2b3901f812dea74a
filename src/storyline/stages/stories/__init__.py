"""The stories stage: articles clustered into stories, in one batch or one article at a time.

Contract: ``cluster_stories(analyses, entities, settings) -> list[Story]`` for a batch;
``StoryIndex`` with ``place_articles(index, analyses, embedder) -> Iterator[StoryUpdate]`` for a store that
grows; ``list_stories(...)`` for the listing the CLI prints.
Inside: ``cluster`` (profiles and the batch/incremental entry points), ``index`` (the placing index),
``profile`` (what an article is compared by), ``scoring`` (the join score), ``evidence`` (specific actors
and time windows: what makes two reports one event), ``centroids`` (nearest-story search).
"""

from storyline.stages.stories.cluster import cluster_stories, list_stories, place_articles
from storyline.stages.stories.index import StoryIndex, StoryUpdate

__all__ = ["StoryIndex", "StoryUpdate", "cluster_stories", "list_stories", "place_articles"]
