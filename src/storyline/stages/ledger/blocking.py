"""Candidate pairs and sparse agglomerative clustering, so grouping a story's claims is not quadratic.

Comparing every claim of a story with every other one costs n² comparisons and an n² distance matrix; a
story followed for months holds thousands of claims. Two claims can only be alike when they share a
content word or an entity, so an inverted index over those tokens proposes the candidates. A token carried
by very many claims ("attack" in a story about an attack) says little and would bring back the n²; it is
skipped once its posting list passes ``MAX_POSTING``, and each claim keeps at most ``MAX_CANDIDATES``
partners, those sharing the most rarity weight. Clustering then runs over the candidate pairs only: pairs
never proposed count as unlike (similarity 0), which is what the dense matrices held for them anyway when
they shared no token.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Hashable, Mapping, Sequence
from typing import TypeVar

from scipy.cluster.hierarchy import DisjointSet

MAX_POSTING = 100
MAX_CANDIDATES = 20

Pair = tuple[int, int]
Kind = TypeVar("Kind", bound=Hashable)


def posting_lists(token_sets: Sequence[frozenset[str]]) -> dict[str, list[int]]:
    """Token → the indices of the items holding it, in order (an inverted index)."""
    postings: dict[str, list[int]] = {}
    for index, tokens in enumerate(token_sets):
        for token in tokens:
            postings.setdefault(token, []).append(index)
    return postings


def candidate_pairs(
    token_sets: Sequence[frozenset[str]],
    weight: Mapping[str, float],
    max_posting: int = MAX_POSTING,
    max_candidates: int = MAX_CANDIDATES,
) -> set[Pair]:
    """Pairs (i < j) of items sharing a token, at most ``max_candidates`` partners per item (most shared
    rarity weight first); tokens held by more than ``max_posting`` items are not used to propose pairs."""
    postings = posting_lists(token_sets)
    pairs: set[Pair] = set()
    for index, tokens in enumerate(token_sets):
        shared: dict[int, float] = {}
        # in sorted order: summed in a set's hash order, a partner's weight rounds by PYTHONHASHSEED, and
        # ``nlargest`` ranks near-equal partners by it
        for token in sorted(tokens):
            holders = postings[token]
            if len(holders) > max_posting:
                continue
            for other in holders:
                if other != index:
                    shared[other] = shared.get(other, 0.0) + weight.get(token, 1.0)
        best = heapq.nlargest(max_candidates, shared.items(), key=lambda item: (item[1], -item[0]))
        pairs.update((min(index, other), max(index, other)) for other, _weight in best)
    return pairs


class _Clusters:
    """Members of each live cluster and, per pair of clusters, the sum, count and maximum of the known
    pair values between them (merged small into large, so the bookkeeping stays near-linear)."""

    def __init__(
        self, size: int, values: Mapping[Pair, float], kinds: Callable[[int], Hashable] | None = None
    ) -> None:
        self.members: dict[int, list[int]] = {index: [index] for index in range(size)}
        # Distinct kinds of member per cluster, for compatibility checks that do not walk every member.
        self.kinds: dict[int, set[Hashable]] = {i: {kinds(i)} for i in range(size)} if kinds else {}
        self.links: dict[int, dict[int, list[float]]] = {index: {} for index in range(size)}
        for (first, second), value in values.items():
            link = [value, 1.0, value]  # one list shared by both directions
            self.links[first][second] = self.links[second][first] = link
        self.last_kept = 0

    def merge(self, keep: int, gone: int) -> None:
        if len(self.members[keep]) < len(self.members[gone]):
            keep, gone = gone, keep
        self.members[keep].extend(self.members.pop(gone))
        if self.kinds:
            self.kinds[keep] |= self.kinds.pop(gone)
        for other, (total, count, largest) in self.links.pop(gone).items():
            del self.links[other][gone]
            if other == keep:
                continue
            link = self.links[keep].setdefault(other, [0.0, 0.0, largest])
            link[0] += total
            link[1] += count
            link[2] = max(link[2], largest)
            self.links[other][keep] = link
        self.last_kept = keep


def average_linkage(size: int, similarities: Mapping[Pair, float], threshold: float) -> list[list[int]]:
    """Average-linkage clusters whose mean pairwise similarity is at least ``threshold`` (pairs not given
    count as 0), as scipy's dense average linkage cut at ``1 - threshold`` would give."""
    clusters = _Clusters(size, similarities)
    heap = [(-value, first, second) for (first, second), value in similarities.items()]
    heapq.heapify(heap)
    while heap:
        negative, first, second = heapq.heappop(heap)
        if first not in clusters.members or second not in clusters.members:
            continue
        total, _count, _largest = clusters.links[first][second]
        mean = total / (len(clusters.members[first]) * len(clusters.members[second]))
        if mean < -negative - 1e-12:  # stale: the clusters grew since this entry was pushed
            heapq.heappush(heap, (-mean, first, second))
            continue
        if mean < threshold:
            break
        clusters.merge(first, second)
        kept = clusters.last_kept
        for other, (other_total, _c, _l) in clusters.links[kept].items():
            other_mean = other_total / (len(clusters.members[kept]) * len(clusters.members[other]))
            heapq.heappush(heap, (-other_mean, kept, other))
    return list(clusters.members.values())


def complete_linkage(
    size: int,
    distances: Mapping[Pair, float],
    unknown_distance: float,
    cut: float,
    kind_of: Callable[[int], Kind],
    compatible: Callable[[Kind, Kind], bool],
) -> list[list[int]]:
    """Complete-linkage clusters over known pair distances, pairs not given at ``unknown_distance``; two
    clusters join only when every kind of member in one is ``compatible`` with every kind in the other
    and their distance (the largest cross distance) is below ``cut``. Clusters sharing no known pair are
    left for the caller."""
    clusters = _Clusters(size, distances, kind_of)

    def can_join(first: int, second: int) -> bool:
        kinds = clusters.kinds
        return all(compatible(a, b) for a in kinds[first] for b in kinds[second])  # type: ignore[arg-type]

    def distance(first: int, second: int) -> float:
        _total, count, largest = clusters.links[first][second]
        whole = len(clusters.members[first]) * len(clusters.members[second])
        return largest if count >= whole else max(largest, unknown_distance)

    heap = [(value, first, second) for (first, second), value in distances.items()]
    heapq.heapify(heap)
    while heap:
        value, first, second = heapq.heappop(heap)
        if first not in clusters.members or second not in clusters.members:
            continue
        current = distance(first, second)
        if current > value + 1e-12:
            heapq.heappush(heap, (current, first, second))
            continue
        if current >= cut or not can_join(first, second):
            continue
        clusters.merge(first, second)
        kept = clusters.last_kept
        for other in clusters.links[kept]:
            heapq.heappush(heap, (distance(kept, other), kept, other))
    return list(clusters.members.values())


def join_groups(groups: Sequence[Sequence[int]], pairs: Sequence[Pair]) -> list[list[int]]:
    """Groups merged along ``pairs`` of item indices (union–find)."""
    sets = DisjointSet(index for group in groups for index in group)
    for group in groups:
        for index in group[1:]:
            sets.merge(group[0], index)
    for first, second in pairs:
        sets.merge(first, second)
    return [sorted(subset) for subset in sets.subsets()]
