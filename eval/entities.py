"""Score the entities stage on the demo corpus gold: mention detection, B³ and pairwise merge quality.

Every occurrence of a gold surface form in an article is a gold mention with the gold entity key; the
system's cluster for it is the entity whose mention overlaps it (a mention the system missed becomes a
cluster of its own, so misses cost recall, as in B³ over the gold mention set).

    python eval/entities.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from eval.common import (
    Scores,
    b_cubed,
    demo_brief,
    gold_articles,
    occurrences,
    overlaps,
    pairwise,
    require_gold,
)
from storyline.records import Brief


def score_entities(brief: Brief, gold: list[dict[str, object]]) -> dict[str, Scores]:
    """Mention detection (overlap), B³ and pairwise merge scores over the gold mentions."""
    system_spans: dict[str, list[tuple[tuple[int, int], str]]] = {}
    for entity in brief.entities:
        for mention in entity.mentions:
            system_spans.setdefault(mention.article, []).append(((mention.start, mention.end), entity.id))
    gold_cluster: dict[tuple[str, int, int], str] = {}
    predicted_cluster: dict[tuple[str, int, int], str] = {}
    found = 0
    for entry, article in gold_articles(brief, gold):
        mentions = entry.get("mentions", {})
        assert isinstance(mentions, dict)
        for surface, key in mentions.items():
            for span in occurrences(article.text, surface):
                item = (article.id, *span)
                gold_cluster[item] = key
                hits = [
                    entity_id
                    for system_span, entity_id in system_spans.get(article.id, [])
                    if overlaps(span, system_span)
                ]
                predicted_cluster[item] = hits[0] if hits else f"missed:{item}"
                found += bool(hits)
    system_total = sum(len(spans) for spans in system_spans.values())
    matched_system = sum(
        1
        for article_id, spans in system_spans.items()
        for span, _ in spans
        if any(item[0] == article_id and overlaps(span, item[1:]) for item in gold_cluster)
    )
    return {
        "mention detection": Scores(
            matched_system / system_total if system_total else 0.0,
            found / len(gold_cluster) if gold_cluster else 0.0,
        ),
        "B3 (gold mentions)": b_cubed(gold_cluster, predicted_cluster),
        "pairwise merges": pairwise(gold_cluster, predicted_cluster),
    }


def main() -> None:
    gold = require_gold()
    scores = score_entities(demo_brief(), gold)
    print(f"entities on the demo corpus ({len(gold)} annotated articles)")
    for name, score in scores.items():
        print(score.line(name))
    print("(mention-detection precision counts unannotated places as errors: the gold marks actors only)")


if __name__ == "__main__":
    main()
