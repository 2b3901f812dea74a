"""The story index's nearest-neighbour table: one row a story, its unit centroid and its days.

Finding the stories an article is closest to is one matrix-vector product over live stories (never over
articles), masked to the stories within the time window. Rows are allocated by doubling, so a growing
store pays amortised O(1) per new story; a story merged away keeps its row, retired, so that it can come
back to it if the merge is undone.
"""

from __future__ import annotations

from datetime import date

import numpy as np

from storyline.embeddings import Vectors

INITIAL_ROWS = 64


class CentroidTable:
    """Rows of story centroids (float32, contiguous) with first and last day ordinals and a live flag."""

    def __init__(self) -> None:
        self._story_at: list[str | None] = []
        # Columns are set by the first centroid seen (the model's dimensions).
        self._centroids = np.zeros((INITIAL_ROWS, 0), dtype=np.float32)
        self._days = np.full((INITIAL_ROWS, 2), np.nan)  # first and last day ordinal (NaN: unknown)
        self._alive = np.zeros(INITIAL_ROWS, dtype=bool)

    def __len__(self) -> int:
        return len(self._story_at)

    def new_row(self) -> int:
        row = len(self._story_at)
        if row == len(self._alive):
            self._centroids = np.vstack([self._centroids, np.zeros_like(self._centroids)])
            self._days = np.vstack([self._days, np.full_like(self._days, np.nan)])
            self._alive = np.concatenate([self._alive, np.zeros_like(self._alive)])
        self._story_at.append(None)
        return row

    def set_row(
        self, row: int, story_id: str, centroid: Vectors | None, first: date | None, last: date | None
    ) -> None:
        """Row ``row`` holds live story ``story_id`` with this centroid and these days."""
        self._story_at[row] = story_id
        self._alive[row] = True
        if centroid is not None:
            if self._centroids.shape[1] != len(centroid):
                self._centroids = np.zeros((len(self._alive), len(centroid)), dtype=np.float32)
            self._centroids[row] = centroid
        self._days[row] = (first.toordinal() if first else np.nan, last.toordinal() if last else np.nan)

    def retire(self, row: int) -> None:
        self._story_at[row] = None
        self._alive[row] = False

    def nearest(self, vector: Vectors, published: date | None, window_days: int, count: int) -> list[str]:
        """Up to ``count`` live stories closest to ``vector``, among those within ``window_days`` of
        ``published`` (every story when the day is unknown; a story without days is always in)."""
        rows = len(self._story_at)
        if not rows or self._centroids.shape[1] != len(vector):
            return []
        similarity = self._centroids[:rows] @ vector
        usable = self._alive[:rows].copy()
        if published is not None:
            day = published.toordinal()
            first, last = self._days[:rows, 0], self._days[:rows, 1]
            # NaN comparisons are False, so stories without dates stay usable.
            usable &= ~((day < first - window_days) | (day > last + window_days))
        similarity = np.where(usable, similarity, -np.inf)
        count = min(count, rows)
        nearest = np.argpartition(-similarity, count - 1)[:count]
        found = [self._story_at[int(row)] for row in nearest if np.isfinite(similarity[row])]
        return [story_id for story_id in found if story_id is not None]
