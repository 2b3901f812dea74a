"""Score the language stage on the demo corpus gold: document language accuracy and foreign fragments.

A predicted fragment matches a gold one when their spans overlap in the cleaned text (the gold names the
fragment's surface; where it stands comes from finding it in the text) and the languages agree. Only
ingest, clean and language run.

    python eval/language.py
    python eval/language.py --corpus generalise [--held-out]   # tests/data/generalise (see its README)
"""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from eval.clean import cleaned_demo_corpus
from eval.common import (
    DEMO,
    GENERALISE,
    Scores,
    corpus_options,
    generalise_gold,
    gold_articles,
    overlaps,
    require_gold,
)
from storyline.records import Article, Brief
from storyline.stages.language import detect_languages


def languages_of_demo_corpus(demo: Path = DEMO, *, use_metadata: bool = False) -> Brief:
    """The demo corpus cleaned and language-tagged. The language a file's metadata gives is dropped unless
    ``use_metadata``, so that detection itself is scored."""
    articles = []
    for article in cleaned_demo_corpus(demo).articles:
        given = article if use_metadata else _without_language(article)
        articles.append(detect_languages(given))
    return Brief(articles=tuple(articles))


def _without_language(article: Article) -> Article:
    return replace(article, language=None)


def score_language(brief: Brief, gold: list[dict[str, Any]]) -> dict[str, Scores]:
    """Document language accuracy (as precision = recall) and foreign-fragment precision/recall."""
    documents = correct = 0
    true_positives = predicted = expected = 0
    matched_predictions = 0
    for entry, article in gold_articles(brief, gold):
        if "language" in entry:
            documents += 1
            correct += article.language == entry["language"]
        gold_spans = [
            (span, fragment["language"])
            for fragment in entry.get("foreign_fragments", [])
            for span in _find(article.text, fragment["text"])[:1]
        ]
        expected += len(entry.get("foreign_fragments", []))
        predicted += len(article.foreign_fragments)
        true_positives += sum(
            any(
                overlaps(span, (f.start, f.end)) and f.language == language for f in article.foreign_fragments
            )
            for span, language in gold_spans
        )
        matched_predictions += sum(
            any(overlaps(span, (f.start, f.end)) and f.language == language for span, language in gold_spans)
            for f in article.foreign_fragments
        )
    accuracy = correct / documents if documents else 0.0
    return {
        "document language (accuracy)": Scores(accuracy, accuracy),
        "foreign fragments (overlap)": Scores(
            matched_predictions / predicted if predicted else 0.0,
            true_positives / expected if expected else 0.0,
        ),
    }


def _find(text: str, surface: str) -> list[tuple[int, int]]:
    """Where a gold fragment stands; brackets or quotes the gold kept around it are allowed to differ."""
    for candidate in (surface, surface.strip('[]()“”„"«» ')):
        start = text.find(candidate)
        if candidate and start >= 0:
            return [(start, start + len(candidate))]
    return []


def main() -> None:
    options = corpus_options(__doc__)
    if options.corpus == "generalise":
        gold = generalise_gold(held_out=options.held_out)
        brief = languages_of_demo_corpus(GENERALISE)
    else:
        gold = require_gold()
        brief = languages_of_demo_corpus()
    print(f"language on {options.corpus} ({len(gold_articles(brief, gold))} annotated articles)")
    for name, score in score_language(brief, gold).items():
        print(score.line(name))
    print("(no public corpus here annotates foreign fragments: no published figure to compare)")


if __name__ == "__main__":
    main()
