"""Score the clean stage on the demo corpus gold: which lines it removes, and which credits it records.

Removed lines are compared per article as multisets of normalised lines (markup and spacing set aside: the
gold names lines as they stand in the raw file, while ingest has already turned Markdown and HTML into
text). Credits are compared as (kind, outlet) pairs per article. Only ingest and clean run, so the scores
do not depend on the later stages.

    python eval/clean.py
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from eval.common import DEMO, Scores, gold_articles, require_gold
from storyline.records import Article, Brief
from storyline.stages.clean import clean_article
from storyline.stages.ingest.inputs import iter_inputs

# Markdown link targets and emphasis/quote marks: present in the raw file the gold was written from,
# gone once ingest has read the file.
_LINK_TARGET = re.compile(r"\]\([^)]*\)")
_MARKUP = re.compile(r"[*_>#\[\]`]")


def cleaned_demo_corpus(demo: Path = DEMO) -> Brief:
    """The demo corpus read by ingest and cleaned (no other stage), as a brief holding only articles."""
    articles = [clean_article(item) for item in iter_inputs([demo]) if isinstance(item, Article)]
    return Brief(articles=tuple(articles))


def normalise_line(line: str) -> str:
    return " ".join(_MARKUP.sub(" ", _LINK_TARGET.sub("]", line)).split()).casefold()


def score_clean(brief: Brief, gold: list[dict[str, Any]]) -> dict[str, Scores]:
    """Line-level precision/recall of removed lines, and of recorded credits."""
    line_counts = [0, 0, 0]  # true positives, predicted, expected
    credit_counts = [0, 0, 0]
    for entry, article in gold_articles(brief, gold):
        expected_lines = Counter(normalise_line(line) for line in entry.get("removed", []))
        predicted_lines = Counter(normalise_line(removed.text) for removed in article.removed)
        _add(line_counts, expected_lines, predicted_lines)
        expected_credits = Counter((c["kind"], c["outlet"].casefold()) for c in entry.get("credits", []))
        predicted_credits = Counter((c.kind, c.outlet.casefold()) for c in article.credits)
        _add(credit_counts, expected_credits, predicted_credits)
    return {
        "removed lines": Scores.from_counts(*line_counts),
        "credits (kind, outlet)": Scores.from_counts(*credit_counts),
    }


def _add(counts: list[int], expected: Counter[Any], predicted: Counter[Any]) -> None:
    counts[0] += sum((expected & predicted).values())
    counts[1] += sum(predicted.values())
    counts[2] += sum(expected.values())


def main() -> None:
    gold = require_gold()
    brief = cleaned_demo_corpus()
    print(f"clean on the demo corpus ({len(gold_articles(brief, gold))} annotated articles)")
    for name, score in score_clean(brief, gold).items():
        print(score.line(name))
    print("(no public corpus annotates boilerplate lines in extracted text: no published figure to compare)")


if __name__ == "__main__":
    main()
