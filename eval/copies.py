"""Score the copies stage on the demo corpus gold: copy-edge precision/recall/F1 per kind and overall.

An edge is (copy article, original, kind); the original is an article (named by its file) or a credited
outlet. Near-duplicate edges are compared without direction (which of two near-identical texts came first
is not always knowable); syndication and translation edges with it.

``--corpus polnear``: wire copy on PolNeAR train and dev, each split separately (never test). The gold is
``metadata.tsv``'s ``wire`` field: an agency (AP, UPI, AFP, Reuters/reuters) marks wire copy; ``None``
marks an article that is not; ``NA`` is every West Journal article and only those (the field was not filled
for that publisher), so NA articles are neither: they are left out of both shares and their count of
flagged articles is printed beside. An article counts as flagged when it carries a ``wire`` credit, or a
copy edge (syndicated or near-duplicate) joins it to an article that does. Only ingest, clean and copies
run: no parse, and no language detection (the slowest step by far; without it no translation edge is
sought, and translations are not wire copy).

    python eval/copies.py [--corpus polnear [--split train|dev]]
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from eval.common import SHARED_DATA, Scores, demo_brief, gold_articles, require_gold
from storyline.records import Article, Brief
from storyline.stages.clean import clean_article
from storyline.stages.copies import find_copies
from storyline.stages.ingest.inputs import article_from_plain_text

KINDS = ("near-duplicate", "syndicated", "translation")
POLNEAR = SHARED_DATA / "polnear"
# The held-out compartment is never read.
POLNEAR_SPLITS = ("train", "dev")
NOT_ANNOTATED = "NA"
NOT_WIRE = "None"
WIRE_LINK_KINDS = frozenset({"syndicated", "near-duplicate"})


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


# --- PolNeAR wire copy ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class WireFigures:
    """Counts of one split: wire-marked articles and those flagged, the others (gold ``None``) and those
    flagged, the not-annotated (``NA``) and those flagged; the names of the misses and false alarms."""

    wire: int
    wire_flagged: int
    others: int
    others_flagged: int
    not_annotated: int
    not_annotated_flagged: int
    credited: int
    linked_only: int
    missed: tuple[str, ...]
    false_alarms: tuple[str, ...]

    @property
    def wire_share(self) -> float:
        return self.wire_flagged / self.wire if self.wire else 0.0

    @property
    def others_share(self) -> float:
        return self.others_flagged / self.others if self.others else 0.0


def polnear_rows(split: str, root: Path = POLNEAR) -> list[dict[str, str]]:
    """The metadata rows of one split (train or dev only)."""
    if split not in POLNEAR_SPLITS:
        raise ValueError(f"only {POLNEAR_SPLITS} are read, not {split!r}")
    with (root / "metadata.tsv").open(encoding="utf-8", newline="") as handle:
        return [row for row in csv.DictReader(handle, delimiter="\t") if row["compartment"] == split]


def polnear_articles(split: str, root: Path = POLNEAR) -> list[tuple[dict[str, str], Article]]:
    """Each row with its text read as a .txt file is (headline split off), with publisher and date, and
    cleaned."""
    pairs = []
    for row in polnear_rows(split, root):
        path = root / split / "text" / f"{row['filename']}.txt"
        read = article_from_plain_text(path.read_text(encoding="utf-8"), source=str(path))
        article = Article(
            id=row["filename"],
            text=read.text,
            path=str(path),
            title=read.title,
            outlet=row["publisher"],
            published=row["publication_date"] or None,
        )
        pairs.append((row, clean_article(article)))
    return pairs


def flagged_as_wire(articles: Sequence[Article]) -> tuple[set[str], set[str]]:
    """(ids carrying a wire credit, ids joined by a copy edge to one that does)."""
    credited = {article.id for article in articles if any(c.kind == "wire" for c in article.credits)}
    ids = {article.id for article in articles}
    linked = set()
    for edge in find_copies(articles):
        if edge.kind not in WIRE_LINK_KINDS or edge.of not in ids:
            continue  # an edge to a credited outlet's name is the credit itself, counted above
        for one, other in ((edge.article, edge.of), (edge.of, edge.article)):
            if other in credited and one not in credited:
                linked.add(one)
    return credited, linked


def score_polnear_wire(split: str, root: Path = POLNEAR) -> WireFigures:
    pairs = polnear_articles(split, root)
    credited, linked = flagged_as_wire([article for _row, article in pairs])
    flagged = credited | linked
    groups: dict[str, list[str]] = {"wire": [], NOT_WIRE: [], NOT_ANNOTATED: []}
    for row, _article in pairs:
        label = row["wire"] if row["wire"] in (NOT_WIRE, NOT_ANNOTATED) else "wire"
        groups[label].append(row["filename"])
    return WireFigures(
        wire=len(groups["wire"]),
        wire_flagged=sum(name in flagged for name in groups["wire"]),
        others=len(groups[NOT_WIRE]),
        others_flagged=sum(name in flagged for name in groups[NOT_WIRE]),
        not_annotated=len(groups[NOT_ANNOTATED]),
        not_annotated_flagged=sum(name in flagged for name in groups[NOT_ANNOTATED]),
        credited=len(credited),
        linked_only=len(linked),
        missed=tuple(name for name in groups["wire"] if name not in flagged),
        false_alarms=tuple(name for name in groups[NOT_WIRE] + groups[NOT_ANNOTATED] if name in flagged),
    )


def pooled(scored: Sequence[WireFigures]) -> WireFigures:
    """The figures of several splits together."""
    return WireFigures(
        wire=sum(f.wire for f in scored),
        wire_flagged=sum(f.wire_flagged for f in scored),
        others=sum(f.others for f in scored),
        others_flagged=sum(f.others_flagged for f in scored),
        not_annotated=sum(f.not_annotated for f in scored),
        not_annotated_flagged=sum(f.not_annotated_flagged for f in scored),
        credited=sum(f.credited for f in scored),
        linked_only=sum(f.linked_only for f in scored),
        missed=tuple(name for f in scored for name in f.missed),
        false_alarms=tuple(name for f in scored for name in f.false_alarms),
    )


def _wire_line(name: str, figures: WireFigures) -> str:
    return (
        f"{name:<9} wire-marked flagged {figures.wire_share:6.3f} ({figures.wire_flagged}/{figures.wire})"
        f"   others flagged {figures.others_share:6.3f} ({figures.others_flagged}/{figures.others})"
        f"   NA flagged {figures.not_annotated_flagged}/{figures.not_annotated}"
        f"   [credited {figures.credited}, linked only {figures.linked_only}]"
    )


def main_polnear(splits: Sequence[str] = POLNEAR_SPLITS) -> None:
    if not (POLNEAR / "metadata.tsv").is_file():
        print(f"PolNeAR is absent under {POLNEAR}: nothing to score")
        raise SystemExit(0)
    print("wire copy on PolNeAR (gold: metadata.tsv `wire`; NA = not annotated, left out of both shares)")
    scored = []
    for split in splits:
        figures = score_polnear_wire(split)
        scored.append(figures)
        print(_wire_line(split, figures))
        for name in figures.missed:
            print(f"       missed      {name}")
        for name in figures.false_alarms:
            print(f"       false alarm {name}")
    if len(scored) > 1:
        print(_wire_line("+".join(splits), pooled(scored)))
    print("(published comparison: none; PolNeAR publishes no wire-copy detection figure)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--corpus", choices=("polnear",), help="score wire copy on a public corpus")
    parser.add_argument("--split", choices=POLNEAR_SPLITS, help="one PolNeAR split only (default: both)")
    arguments = parser.parse_args()
    if arguments.corpus == "polnear":
        main_polnear((arguments.split,) if arguments.split else POLNEAR_SPLITS)
        return
    gold = require_gold()
    print(f"copies on the demo corpus ({len(gold)} annotated articles)")
    for name, score in score_copies(demo_brief(), gold).items():
        print(score.line(name))


if __name__ == "__main__":
    main()
