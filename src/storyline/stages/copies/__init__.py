"""The copies stage (cross-article): which articles copy which, so that independent sources can be counted.

Contract: ``find_copies(articles, settings) -> list[CopyEdge]`` and ``origins(articles, edges) ->
dict[article id, id of its independent source]``.
Inside: ``detect`` (near-duplicates by MinHash/LSH, credited syndication), ``passages`` (shared wire
passages), ``translation`` (uncredited translations anchored on numbers and names).
"""

from storyline.stages.copies.detect import find_copies, origins

__all__ = ["find_copies", "origins"]
