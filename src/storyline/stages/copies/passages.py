"""Shared wire passages: two articles from different outlets carrying the same run of reporter's prose.

A newsroom that runs wire copy often rewrites the top and adds its own paragraphs, so the two articles are
not near-duplicates overall, yet several consecutive sentences are the same word for word. That shared run
is the evidence: independent reporters of one event share names, numbers and quotes, but not two
consecutive sentences of their own wording.

Method (never all pairs):
- words are lower-cased tokens; words inside quotation marks are left out and break runs, since quoting
  the same speaker is what independent reports do;
- every article's word 8-grams are hashed; one hash in ``SAMPLE_EVERY`` (chosen by value, so the same
  8-grams are sampled in every article) goes into an inverted index; hashes carried by more than
  ``CopiesSettings.common_feature_cap`` articles (a footer the clean stage missed, a stock sentence) are
  boilerplate and skipped, so no posting list is long;
- pairs sharing at least ``MIN_SAMPLED_SHARED`` sampled hashes are verified exactly on all their 8-grams.
"""

from __future__ import annotations

import re
import zlib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from storyline.config import CopiesSettings
from storyline.records import Article, CopyEdge

# How many shared grams and how long a run make a passage is the stage's setting
# (``config.CopiesSettings.passage_min_shared_grams`` and ``passage_min_run_words``), with the reasoning.
GRAM_WORDS = 8
# Indexing one gram in four keeps the index a quarter the size; a 25-gram passage then shares ~6 sampled
# grams, so asking for 3 finds it with near certainty while pairs sharing a phrase or two are not verified.
SAMPLE_EVERY = 4
MIN_SAMPLED_SHARED = 3
WORD = re.compile(r"\w+")
QUOTED = re.compile(r"[\"“”„«»].*?[\"“”„«»]", re.DOTALL)
WIRE_CREDIT_KINDS = frozenset({"wire", "source", "via"})


@dataclass(frozen=True, slots=True)
class _Grams:
    """One article's hashed 8-grams, in order (None where a quote breaks the run)."""

    sequence: tuple[int | None, ...]
    hashes: frozenset[int]


def _prose_words(text: str) -> list[str | None]:
    """Lower-cased words with each quoted passage replaced by one None (a run breaker)."""
    words: list[str | None] = []
    last = 0
    for quote in QUOTED.finditer(text):
        words.extend(word.lower() for word in WORD.findall(text[last : quote.start()]))
        words.append(None)
        last = quote.end()
    words.extend(word.lower() for word in WORD.findall(text[last:]))
    return words


def article_grams(text: str) -> _Grams:
    words = _prose_words(text)
    sequence: list[int | None] = []
    for i in range(len(words) - GRAM_WORDS + 1):
        window = words[i : i + GRAM_WORDS]
        if any(word is None for word in window):
            sequence.append(None)
            continue
        sequence.append(zlib.crc32(" ".join(window).encode()))  # type: ignore[arg-type]
    return _Grams(tuple(sequence), frozenset(h for h in sequence if h is not None))


def shared_passage(first: _Grams, second: _Grams) -> tuple[int, int]:
    """(shared 8-grams, longest unbroken shared run in words) of two articles."""
    shared = first.hashes & second.hashes
    longest = run = 0
    for gram in first.sequence:
        run = run + 1 if gram is not None and gram in shared else 0
        longest = max(longest, run)
    return len(shared), longest + GRAM_WORDS - 1 if longest else 0


def _candidate_pairs(grams: Sequence[_Grams], common_cap: int) -> list[tuple[int, int]]:
    postings: dict[int, list[int]] = {}
    for index, article in enumerate(grams):
        for gram in article.hashes:
            if gram % SAMPLE_EVERY == 0:
                postings.setdefault(gram, []).append(index)
    counts: Counter[tuple[int, int]] = Counter()
    for holders in postings.values():
        if len(holders) < 2 or len(holders) > common_cap:
            continue
        for i, first in enumerate(holders):
            for second in holders[i + 1 :]:
                counts[first, second] += 1
    return sorted(pair for pair, count in counts.items() if count >= MIN_SAMPLED_SHARED)


def _credits_wire(article: Article) -> bool:
    return any(credit.kind in WIRE_CREDIT_KINDS for credit in article.credits)


def _same_outlet(first: Article, second: Article) -> bool:
    return bool(first.outlet and second.outlet and first.outlet.lower() == second.outlet.lower())


def find_shared_passages(
    articles: Sequence[Article],
    order: dict[str, tuple[str, int]],
    skip: set[frozenset[str]],
    settings: CopiesSettings,
) -> list[CopyEdge]:
    """``syndicated`` edges for articles of different outlets sharing a wire passage.

    The copy is the later article (``order``), unless exactly one of the two credits a wire or another
    outlet: that one carries the wire's text as published, so the other points at it. ``skip`` holds pairs
    already joined (near-duplicates). The score is the share of the shorter article's grams in common."""
    grams = [article_grams(article.text) for article in articles]
    edges = []
    for i, j in _candidate_pairs(grams, settings.common_feature_cap):
        first, second = articles[i], articles[j]
        if first.id == second.id or _same_outlet(first, second) or frozenset((first.id, second.id)) in skip:
            continue
        shared, run = shared_passage(grams[i], grams[j])
        if shared < settings.passage_min_shared_grams or run < settings.passage_min_run_words:
            continue
        if _credits_wire(first) != _credits_wire(second):
            original, copy = (first, second) if _credits_wire(first) else (second, first)
        else:
            copy, original = sorted((first, second), key=lambda a: order[a.id], reverse=True)
        score = round(shared / max(1, min(len(grams[i].hashes), len(grams[j].hashes))), 3)
        edges.append(CopyEdge(article=copy.id, of=original.id, kind="syndicated", score=score))
    return edges
