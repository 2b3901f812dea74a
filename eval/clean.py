"""Score the clean stage on gold: which lines it removes, and which credits it records.

Removed lines are compared per article as multisets of normalised lines (markup and spacing set aside: the
gold names lines as they stand in the raw file, while ingest has already turned Markdown and HTML into
text). Credits are compared as (kind, outlet) pairs per article. Only ingest and clean run, so the scores
do not depend on the later stages.

On the generalisation stories (``--corpus generalise``) only the articles whose gold has a ``removed`` field
are scored (the stories written before the clean stage was scored there annotate no lines); the lines
removed from the others are counted and, with ``--errors``, listed, since any of them is article text lost.
Per-story lines, then the pooled one. ``--held-out`` scores the held-out story (``GENERALISE_HELD_OUT``)
alone.

    python eval/clean.py [--corpus demo|generalise] [--held-out] [--errors]
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from eval.common import (
    DEMO,
    Scores,
    corpus_options,
    generalise_articles,
    generalise_gold,
    gold_articles,
    require_gold,
)
from storyline.records import Article, Brief
from storyline.stages.clean import clean_article
from storyline.stages.ingest.inputs import iter_inputs

# Markdown link targets and emphasis/quote marks: present in the raw file the gold was written from,
# gone once ingest has read the file.
_LINK_TARGET = re.compile(r"\]\([^)]*\)")
_MARKUP = re.compile(r"[*_>#\[\]`]")
# A Markdown list item's bullet ("- Rail freight volumes climb…"): ingest keeps the item, not the bullet.
_LIST_BULLET = re.compile(r"^\s*[-+*]\s+")


def cleaned_demo_corpus(demo: Path = DEMO) -> Brief:
    """The demo corpus read by ingest and cleaned (no other stage), as a brief holding only articles."""
    return cleaned_brief([demo])


def cleaned_brief(paths: Sequence[Path]) -> Brief:
    """The articles of ``paths`` read by ingest and cleaned (no other stage), as a brief."""
    articles = [clean_article(item) for item in iter_inputs(list(paths)) if isinstance(item, Article)]
    return Brief(articles=tuple(articles))


def cleaned_generalise_stories(gold: Sequence[dict[str, Any]]) -> Brief:
    """The generalisation stories' articles that ``gold`` names, read by ingest and cleaned."""
    named = {entry["file"] for entry in gold}
    return cleaned_brief([path for path in generalise_articles() if path.name in named])


def normalise_line(line: str) -> str:
    unbulleted = _LIST_BULLET.sub("", line)
    return " ".join(_MARKUP.sub(" ", _LINK_TARGET.sub("]", unbulleted)).split()).casefold()


def score_clean(
    brief: Brief, gold: list[dict[str, Any]], errors: list[str] | None = None
) -> dict[str, Scores]:
    """Line-level precision/recall of removed lines, and of recorded credits; with ``errors``, each line
    removed wrongly or kept wrongly and each credit wrong or missed is appended to it."""
    return {name: Scores.from_counts(*counts) for name, counts in count_clean(brief, gold, errors).items()}


def count_clean(
    brief: Brief, gold: list[dict[str, Any]], errors: list[str] | None = None
) -> dict[str, list[int]]:
    """Right, predicted and expected removed lines and credits (what ``score_clean`` scores)."""
    line_counts = [0, 0, 0]  # true positives, predicted, expected
    credit_counts = [0, 0, 0]
    for entry, article in gold_articles(brief, gold):
        expected_lines = Counter(normalise_line(line) for line in entry.get("removed", []))
        predicted_lines = Counter(normalise_line(removed.text) for removed in article.removed)
        _add(line_counts, expected_lines, predicted_lines)
        expected_credits = Counter((c["kind"], c["outlet"].casefold()) for c in entry.get("credits", []))
        predicted_credits = Counter((c.kind, c.outlet.casefold()) for c in article.credits)
        _add(credit_counts, expected_credits, predicted_credits)
        if errors is not None:
            errors += _differences(entry["file"], "line", expected_lines, predicted_lines)
            errors += _differences(entry["file"], "credit", expected_credits, predicted_credits)
    return {"removed lines": line_counts, "credits (kind, outlet)": credit_counts}


def _add(counts: list[int], expected: Counter[Any], predicted: Counter[Any]) -> None:
    counts[0] += sum((expected & predicted).values())
    counts[1] += sum(predicted.values())
    counts[2] += sum(expected.values())


def _differences(file: str, what: str, expected: Counter[Any], predicted: Counter[Any]) -> list[str]:
    wrong = [f"{file}: {what} removed wrongly: {item}" for item in (predicted - expected).elements()]
    return wrong + [f"{file}: {what} kept wrongly: {item}" for item in (expected - predicted).elements()]


def annotated(gold: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """The gold entries that annotate the clean stage (a ``removed`` field, empty when nothing goes)."""
    return [entry for entry in gold if "removed" in entry]


def unannotated_removals(brief: Brief, gold: Sequence[dict[str, Any]]) -> list[str]:
    """The lines removed from articles whose gold annotates no clean output: article text lost unless each
    is boilerplate the annotators did not mark."""
    return [
        f"{entry['file']}: removed from an unannotated article ({line.reason}): {line.text}"
        for entry, article in gold_articles(brief, [e for e in gold if "removed" not in e])
        for line in article.removed
    ]


def report_generalise(held_out: bool, show_errors: bool) -> None:
    gold = generalise_gold(held_out=held_out)
    brief = cleaned_generalise_stories(gold)
    scored = annotated(gold)
    print(f"clean on the generalisation stories ({len(scored)} annotated articles of {len(gold)})")
    for story in sorted({entry["story"] for entry in scored}):
        counts = count_clean(brief, [entry for entry in scored if entry["story"] == story])
        # counts, not F1: a story may have no credit at all, and 0/0 right is no error
        print(
            f"{story}: "
            + "; ".join(f"{name} {c[0]} right of {c[1]} ({c[2]} in gold)" for name, c in counts.items())
        )
    errors: list[str] = []
    for name, score in score_clean(brief, scored, errors).items():
        print(score.line(f"pooled {name}"))
    lost = unannotated_removals(brief, gold)
    print(f"lines removed from the {len(gold) - len(scored)} unannotated articles: {len(lost)}")
    for error in errors + lost if show_errors else []:
        print(error)


def main() -> None:
    options = corpus_options(__doc__, errors_help="print lines and credits removed wrongly or kept wrongly")
    if options.corpus == "generalise":
        report_generalise(options.held_out, options.errors)
        return
    gold = require_gold()
    brief = cleaned_demo_corpus()
    print(f"clean on the demo corpus ({len(gold_articles(brief, gold))} annotated articles)")
    errors: list[str] = []
    for name, score in score_clean(brief, gold, errors).items():
        print(score.line(name))
    for error in errors if options.errors else []:
        print(error)
    print("(no public corpus annotates boilerplate lines in extracted text: no published figure to compare)")


if __name__ == "__main__":
    main()
