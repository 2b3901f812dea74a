"""The copies stage: which articles are copies of others, and so which sources are independent.

- near-duplicates: MinHash over word 5-shingles with LSH candidate search (datasketch), so the cost grows
  with the number of articles, not with its square; the copy is the later article (publication date, then
  input order), ``of`` the earlier one;
- syndication: a credit line ("Source: X", "Via X") makes the article a copy of the credited outlet;
- shared wire passages (``copies.passages``): articles of different outlets sharing a run of identical
  prose, though not near-duplicates overall → ``syndicated`` from the earlier (or wire-crediting) one;
- translation: an article carrying a left-over fragment in another language and a credit is a translation
  of the credited outlet's article (or of the outlet, when its article is not in the corpus); without a
  credit, an article in another language whose numbers and names match another's (``copies.translation``).
``origins`` turns the edges into one origin per article, which is what "independent sources" counts.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from typing import Any

from datasketch import MinHash, MinHashLSH
from scipy.cluster.hierarchy import DisjointSet

from storyline.config import DEFAULT_SETTINGS, CopiesSettings
from storyline.records import Article, CopyEdge
from storyline.stages.copies.passages import find_shared_passages
from storyline.stages.copies.translation import find_translations

SHINGLE_WORDS = 5
NUM_PERMUTATIONS = 128
WORD = re.compile(r"\w+")
# Numbers and capitalised names: what a translation keeps from its original.
ANCHOR = re.compile(r"\b(?:\d[\d,.]*\d|\d|[A-Z][\w-]+)\b")
SYNDICATION_CREDIT_KINDS = frozenset({"source", "via", "wire", "according-to"})


def _shingles(text: str) -> set[bytes]:
    words = WORD.findall(text.lower())
    if len(words) < SHINGLE_WORDS:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[i : i + SHINGLE_WORDS]).encode() for i in range(len(words) - SHINGLE_WORDS + 1)}


@cache
def signature_permutations() -> tuple[str, Any]:
    """The scheme and permutation parameters of every signature: datasketch draws them from its fixed seed
    for each new MinHash (a random generator built each time: ~0.2 ms an article, 0.15 s of the serial
    tail's CPU per 1,000 articles); drawn once, they are shared, as datasketch's own copies share them."""
    model = MinHash(num_perm=NUM_PERMUTATIONS)
    return model.scheme, model.permutations


def _minhash(text: str) -> MinHash:
    scheme, permutations = signature_permutations()
    signature = MinHash(num_perm=NUM_PERMUTATIONS, permutations=permutations, scheme=scheme)
    signature.update_batch(list(_shingles(text)))
    return signature


def _order_key(article: Article, position: int) -> tuple[str, int]:
    # Undated articles sort after dated ones; input order breaks ties.
    return (article.published or "9999", position)


def find_near_duplicates(articles: Sequence[Article], threshold: float) -> list[CopyEdge]:
    """Pairs of articles whose shingle sets overlap above ``threshold`` (estimated Jaccard)."""
    index = MinHashLSH(threshold=threshold, num_perm=NUM_PERMUTATIONS)
    signatures: dict[str, MinHash] = {}
    order = {article.id: _order_key(article, position) for position, article in enumerate(articles)}
    edges = []
    for article in articles:
        if not article.text.strip() or article.id in signatures:
            continue
        signature = _minhash(article.text)
        for other_id in index.query(signature):
            score = round(signature.jaccard(signatures[other_id]), 3)
            if score < threshold:
                continue
            copy, original = sorted((article.id, other_id), key=order.__getitem__, reverse=True)
            edges.append(CopyEdge(article=copy, of=original, kind="near-duplicate", score=score))
        index.insert(article.id, signature)
        signatures[article.id] = signature
    return edges


def _normalise_outlet(name: str) -> str:
    return " ".join(WORD.findall(name.lower()))


def find_credited_copies(articles: Sequence[Article]) -> list[CopyEdge]:
    """Syndication and translation edges from credit lines.

    A credit names an outlet, so the syndication edge points at the outlet's name (``origins`` joins it
    with any corpus article of that outlet). An article that also carries a left-over foreign fragment is
    a translation: of the credited outlet's article when the corpus holds one, else of the outlet.
    """
    by_outlet: dict[str, list[Article]] = {}
    for candidate in articles:
        if candidate.outlet:
            by_outlet.setdefault(_normalise_outlet(candidate.outlet), []).append(candidate)
    edges = []
    for article in articles:
        for credit in article.credits:
            credited = _normalise_outlet(credit.outlet)
            if credit.kind not in SYNDICATION_CREDIT_KINDS or credited == _normalise_outlet(
                article.outlet or ""
            ):
                continue
            edges.append(CopyEdge(article=article.id, of=credit.outlet, kind="syndicated", score=1.0))
            if article.foreign_fragments:
                originals = [other for other in by_outlet.get(credited, []) if other.id != article.id]
                original = _closest(article, originals).id if originals else credit.outlet
                edges.append(CopyEdge(article=article.id, of=original, kind="translation", score=1.0))
    return edges


def _closest(article: Article, candidates: Sequence[Article]) -> Article:
    """The candidate sharing most numbers and capitalised words with ``article``: anchors that survive
    translation, unlike the words around them."""
    anchors = set(ANCHOR.findall(article.text))
    return max(candidates, key=lambda candidate: len(anchors & set(ANCHOR.findall(candidate.text))))


def find_copies(
    articles: Sequence[Article], settings: CopiesSettings = DEFAULT_SETTINGS.copies
) -> list[CopyEdge]:
    """Every copy relation in the collection: near-duplicates and credited copies first; then shared wire
    passages and uncredited translations for the pairs those did not already join."""
    edges = find_near_duplicates(articles, settings.near_duplicate_threshold) + find_credited_copies(articles)
    order = {article.id: _order_key(article, position) for position, article in enumerate(articles)}
    joined = {frozenset((edge.article, edge.of)) for edge in edges}
    edges += find_shared_passages(articles, order, joined, settings)
    translated = {frozenset((edge.article, edge.of)) for edge in edges if edge.kind == "translation"}
    edges += find_translations(articles, order, translated, settings)
    return edges


def origins(articles: Sequence[Article], edges: Sequence[CopyEdge]) -> dict[str, str]:
    """Article id → its originating source: copies collapse onto what they copy, transitively.

    An article with no copy edge originates at its own outlet (or itself when the outlet is unknown): an
    outlet repeating itself in two articles is not independent confirmation, so both count once.
    """
    sources = DisjointSet()
    for article in articles:
        sources.add(article.id)
        if article.outlet:
            _join(sources, article.id, "outlet:" + _normalise_outlet(article.outlet))
    article_ids = {article.id for article in articles}
    for edge in edges:
        if edge.article in article_ids:
            target = edge.of if edge.of in article_ids else "outlet:" + _normalise_outlet(edge.of)
            _join(sources, edge.article, target)
    return {article.id: sources[article.id] for article in articles}


def _join(sources: DisjointSet, first: str, second: str) -> None:
    sources.add(second)
    sources.merge(first, second)
