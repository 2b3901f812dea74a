"""Score ingest's HTML main-text extraction on the ScrapingHub article-extraction benchmark.

    python eval/ingest.py [--limit N]

Data: ``../shared/data/article-extraction/`` (``html/<id>.html.gz`` and ``ground-truth.json`` with each
page's ``articleBody``). The benchmark's metric, re-implemented here from its description: text → ``\\w+``
tokens → 4-token shingles (with counts); per page, true/false positives and false negatives are shares of
that page's shingles; precision and recall are averaged over pages (a page with nothing predicted has no
precision, one with nothing true no recall) and F1 is taken from the two means.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import statistics
import time
from collections import Counter
from pathlib import Path

from storyline.stages.ingest.formats import extract_html

DATA_DIR = Path(__file__).resolve().parents[2] / "shared" / "data" / "article-extraction"
SHINGLE_SIZE = 4
_TOKEN = re.compile(r"\w+")
# From the benchmark's README, as listed in shared/data/README.md.
PUBLISHED_F1 = {
    "rs_trafilatura": 0.970,
    "trafilatura 2.0.0": 0.958,
    "newspaper4k": 0.949,
    "news-please": 0.948,
    "full-page baseline": 0.665,
}


def shingle_counts(text: str) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN.findall(text)
    # A text shorter than one shingle still counts as one (shorter) shingle, as in the benchmark.
    starts = range(max(1, len(tokens) - SHINGLE_SIZE + 1))
    return Counter(shingle for i in starts if (shingle := tuple(tokens[i : i + SHINGLE_SIZE])))


def page_match(true_text: str, predicted_text: str) -> tuple[float, float, float]:
    """(tp, fp, fn) of one page as shares of all its shingles, so long pages weigh no more than short."""
    true_shingles = shingle_counts(true_text)
    predicted_shingles = shingle_counts(predicted_text)
    tp = sum((true_shingles & predicted_shingles).values())
    fp = sum((predicted_shingles - true_shingles).values())
    fn = sum((true_shingles - predicted_shingles).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def scores_from_matches(matches: list[tuple[float, float, float]]) -> dict[str, float]:
    precisions = [_ratio(tp, fp, fn, tp + fp) for tp, fp, fn in matches if tp + fp > 0]
    recalls = [_ratio(tp, fp, fn, tp + fn) for tp, fp, fn in matches if tp + fn > 0]
    precision = statistics.mean(precisions) if precisions else 0.0
    recall = statistics.mean(recalls) if recalls else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}


def _ratio(tp: float, fp: float, fn: float, denominator: float) -> float:
    if fp == fn == 0:  # both texts empty, or identical: a perfect page
        return 1.0
    return tp / denominator if denominator else 0.0


def score_article_extraction(limit: int | None = None) -> dict[str, float]:
    """Precision, recall, F1 and page count on the first ``limit`` pages (sorted ids; all when None).
    Raises FileNotFoundError when the corpus is absent."""
    ground_truth = json.loads((DATA_DIR / "ground-truth.json").read_text(encoding="utf-8"))
    page_ids = sorted(ground_truth)[:limit]
    matches = []
    for page_id in page_ids:
        html = gzip.decompress((DATA_DIR / "html" / f"{page_id}.html.gz").read_bytes())
        fields = extract_html(html, url=ground_truth[page_id].get("url"))
        predicted = fields.text if fields else ""
        matches.append(page_match(ground_truth[page_id].get("articleBody") or "", predicted))
    return {**scores_from_matches(matches), "pages": float(len(page_ids))}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="score only the first N pages")
    limit = parser.parse_args().limit
    if not (DATA_DIR / "ground-truth.json").is_file():
        print(f"article-extraction corpus not found at {DATA_DIR}; skipped.")
        return
    started = time.perf_counter()
    scores = score_article_extraction(limit)
    elapsed = time.perf_counter() - started
    print(f"ScrapingHub article-extraction benchmark, {scores['pages']:.0f} pages ({elapsed:.1f} s)")
    print(f"{'extractor':<30} {'precision':>9} {'recall':>7} {'F1':>6}")
    print(
        f"{'storyline ingest':<30} {scores['precision']:>9.3f} {scores['recall']:>7.3f} {scores['f1']:>6.3f}"
    )
    for name, f1 in PUBLISHED_F1.items():
        print(f"{name + ' (published)':<30} {'':>9} {'':>7} {f1:>6.3f}")
    if limit is not None:
        print("(published figures are on all 181 pages)")


if __name__ == "__main__":
    main()
