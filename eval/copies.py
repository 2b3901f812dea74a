"""Score the copies stage on the demo corpus gold: copy-edge precision/recall/F1 per kind and overall.

An edge is (copy article, original, kind); the original is an article (named by its file) or a credited
outlet. Near-duplicate edges are compared without direction (which of two near-identical texts came first
is not always knowable); syndication and translation edges with it.

    python eval/copies.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from eval.common import Scores, demo_brief, gold_articles, require_gold
from storyline.records import Brief

KINDS = ("near-duplicate", "syndicated", "translation")


def _edge(copy: str, original: str, kind: str) -> tuple[str, str, str]:
    if kind == "near-duplicate":
        copy, original = sorted((copy, original))
    return (copy, original.lower(), kind)


def score_copies(brief: Brief, gold: list[dict[str, object]]) -> dict[str, Scores]:
    pairs = gold_articles(brief, gold)
    name_of = {article.id: _label(entry) for entry, article in pairs}
    expected = set()
    for entry, _article in pairs:
        copies = entry.get("copies", [])
        assert isinstance(copies, list)
        for copy in copies:
            expected.add(_edge(_label(entry), copy["of"], copy["kind"]))
    predicted = {
        _edge(name_of[edge.article], name_of.get(edge.of, edge.of), edge.kind)
        for edge in brief.copies
        if edge.article in name_of
    }
    scores = {}
    for kind in (*KINDS, None):
        want = {edge for edge in expected if kind is None or edge[2] == kind}
        got = {edge for edge in predicted if kind is None or edge[2] == kind}
        scores[kind or "all copy edges"] = Scores.from_counts(len(want & got), len(got), len(want))
    return scores


def _label(entry: object) -> str:
    assert isinstance(entry, dict)
    return str(entry["file"]) + (f"#{entry['index']}" if "index" in entry else "")


def main() -> None:
    gold = require_gold()
    print(f"copies on the demo corpus ({len(gold)} annotated articles)")
    for name, score in score_copies(demo_brief(), gold).items():
        print(score.line(name))


if __name__ == "__main__":
    main()
