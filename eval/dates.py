"""Scores the dates stage: time-expression recognition (strict and relaxed P/R/F1) and value accuracy.

Corpora:
- TempEval-3 training data (TBAQ-cleaned: TimeBank + AQUAINT) from ``../shared/data/tempeval3``, with each
  document's creation time (DCT) as the publication date, values compared in TimeML's notation (``value``).
  Scored against every TIMEX3, and against time points only (DATE and TIME). Rules were developed on
  TimeBank; AQUAINT was kept unseen to measure how they carry over (``--subset``).
- The demo corpus gold ``times`` (``tests/data/gold/*.json`` over ``examples/demo/``), with the gold
  ``published`` date as the base: time points only, their ``date`` against the gold ``date``.
- Publication-date inference on the demo corpus: against the gold ``published`` of the articles whose
  metadata gives none (the sidecar leaves three out on purpose), and of every article with its date
  withheld.
- With ``--corpus generalise`` (issue #17, dates that generalise), and nothing else: the gold ``times`` of
  the generalisation stories (``tests/data/generalise/gold``), scored as the demo gold (time points, their
  ``date``, the gold ``published`` as the base), one line per gold story and a pooled one. Only gold files
  with a ``times`` field count (an empty list counts: what is found there is wrong); the development
  stories, or with ``--held-out`` the held-out story alone (score it rarely, never tune on it).

The matching and the scores are in ``eval/timex_metrics.py``; this script reads the corpora, runs the
stage and prints.

    python eval/dates.py [--limit N] [--subset timebank|aquaint] [--tempeval-only] [--errors]
    python eval/dates.py --corpus generalise [--errors]    # tests/data/generalise: development stories
    python eval/dates.py --corpus generalise --held-out    # ... its held-out story (score it rarely)
"""

from __future__ import annotations

import argparse
import calendar
import json
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import Element

from defusedxml import ElementTree

from eval.common import GENERALISE, add_corpus_options, generalise_gold
from eval.timex_metrics import GoldTime, TimexScores, add_scores, overlaps, score_document, value_matches
from storyline.records import Article, ParsedArticle, TimeExpr
from storyline.stages import clean, ingest
from storyline.stages.dates.expressions import find_time_expressions
from storyline.stages.dates.publication import infer_publication_date
from storyline.stages.nlp import load_nlp

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
TEMPEVAL_DIR = SHARED / "data" / "tempeval3" / "TBAQ-cleaned"
GOLD_DIR = REPO / "tests" / "data" / "gold"
DEMO_DIR = REPO / "examples" / "demo"
POINT_TYPES = frozenset({"DATE", "TIME"})

# TempEval-3 Task A on its test (platinum) set — UzZaman et al., SemEval 2013, results table; a different
# split from the training documents scored here, so a guide, not a like-for-like comparison.
PUBLISHED_TEMPEVAL3 = {
    "HeidelTime (best value F1)": {"strict F1": 0.8134, "relaxed F1": 0.9030, "value F1": 0.7761},
}


@dataclass(frozen=True, slots=True)
class Document:
    name: str
    text: str
    published: str | None
    gold: tuple[GoldTime, ...]
    metadata_published: str | None = None  # the date ingest found in the article's metadata, if any


def run_stage(documents: Sequence[Document]) -> Iterator[tuple[Document, list[TimeExpr]]]:
    """The dates stage over documents, parsed in batches with the shared spaCy pipeline."""
    nlp = load_nlp()
    pairs = ((document.text, document) for document in documents)
    for doc, document in nlp.pipe(pairs, as_tuples=True, batch_size=16):
        article = Article(id=document.name, text=document.text, published=document.published)
        yield document, find_time_expressions(ParsedArticle(article=article, doc=doc))


# --- TempEval-3 -----------------------------------------------------------------------------------------


def read_timeml(path: Path) -> Document:
    """A TimeML file's TEXT as plain text, its TIMEX3 spans as offsets into it, and its DCT's day."""
    root = ElementTree.parse(path).getroot()
    dct = root.find("DCT/TIMEX3")
    text_element = root.find("TEXT")
    if text_element is None:
        raise ValueError(f"{path}: no TEXT element")
    pieces: list[str] = []
    gold: list[GoldTime] = []

    def walk(element: Element) -> None:
        start = sum(map(len, pieces))
        pieces.append(element.text or "")
        for child in element:
            walk(child)
            pieces.append(child.tail or "")
        if element.tag == "TIMEX3":
            end = start + len("".join(element.itertext()))
            gold.append(GoldTime(start, end, element.get("value"), element.get("type", "DATE")))

    walk(text_element)
    published = (dct.get("value") or "")[:10] if dct is not None else None
    return Document(path.stem, "".join(pieces), published or None, tuple(sorted(gold, key=lambda g: g.start)))


# TBAQ's two halves: rules are developed on TimeBank, and AQUAINT is kept unseen to measure how they carry
# over to text they were not tuned on.
SUBSETS = ("AQUAINT", "TimeBank")


def tempeval_paths(data_dir: Path = TEMPEVAL_DIR, subsets: Sequence[str] = SUBSETS) -> list[Path]:
    return [path for subset in subsets for path in sorted((data_dir / subset).glob("*.tml"))]


def score_tempeval(
    limit: int | None = None,
    data_dir: Path = TEMPEVAL_DIR,
    subsets: Sequence[str] = SUBSETS,
    errors: list[str] | None = None,
) -> dict[str, TimexScores] | None:
    """Scores over the first ``limit`` TempEval-3 documents of ``subsets`` (AQUAINT, then TimeBank, by name):
    "all" against every TIMEX3, "points" against DATE and TIME only. None when the data is absent."""
    paths = tempeval_paths(data_dir, subsets)[:limit]
    if not paths:
        return None
    all_types, points = [], []
    for document, found in run_stage([read_timeml(path) for path in paths]):
        all_types.append(score_document(found, document.gold))
        if errors is not None:
            errors += value_errors(document, found)
        point_gold = [g for g in document.gold if g.type in POINT_TYPES]
        other_gold = [g for g in document.gold if g.type not in POINT_TYPES]
        points.append(score_document(found, point_gold, ignored=other_gold))
    return {"all": add_scores(all_types), "points": add_scores(points)}


def value_errors(
    document: Document,
    found: Sequence[TimeExpr],
    value_of: Callable[[TimeExpr], str | None] = lambda expression: expression.value,
    unmatched_too: bool = False,
) -> list[str]:
    """A line for each found expression matched (first overlap in text order, as the scores match) to a
    gold TIMEX3 of another value: document, creation day, our text and value, gold text, type and value,
    and the sentence-sized context before, to sort the errors by cause. With ``unmatched_too``, also a line
    for each found expression no gold overlaps ("spurious") and each gold one nothing found overlaps
    ("missed")."""
    unmatched, lines = list(document.gold), []
    for expression in found:
        span = (expression.start, expression.end)
        gold = next((g for g in unmatched if overlaps(*span, g.start, g.end)), None)
        if gold is None:
            if unmatched_too:
                lines.append(
                    f"{document.name}\tspurious {expression.text!r} -> {value_of(expression)}\t"
                    f"…{_context_before(document, expression.start)}"
                )
            continue
        unmatched.remove(gold)
        if not value_matches(value_of(expression), gold.value):
            lines.append(
                f"{document.name}\tDCT {document.published}\t{expression.text!r} -> {value_of(expression)}\t"
                f"gold {document.text[gold.start : gold.end]!r} {gold.type} {gold.value}\t"
                f"…{_context_before(document, expression.start)}"
            )
    if unmatched_too:
        lines += [
            f"{document.name}\tmissed {document.text[g.start : g.end]!r} {g.value}\t"
            f"…{_context_before(document, g.start)}"
            for g in unmatched
        ]
    return lines


def _context_before(document: Document, start: int) -> str:
    return " ".join(document.text[max(0, start - 80) : start].split())


# --- gold times: the demo corpus and the generalisation stories ----------------------------------------


def read_article(path: Path, index: int = 1) -> Article | None:
    """The article as the pipeline analyses it: ingest (with the folder's sidecar), then clean; ``index``
    picks an item of a feed, 1-based. None when the file or the item is missing."""
    if not path.exists():
        return None
    articles = [item for item in ingest.iter_inputs([path]) if isinstance(item, Article)]
    return clean.clean_article(articles[index - 1]) if len(articles) >= index else None


def gold_document(name: str, record: dict[str, Any], article: Article) -> Document:
    """A gold record's times located by surface in its analysed article's text (every occurrence unless
    ``occurrence`` names one), with the gold ``published`` as the base the stage reads them against."""
    text = article.text
    gold = []
    for time in record.get("times", []):
        starts = occurrences(text, time["text"])
        if "occurrence" in time:
            starts = starts[time["occurrence"] - 1 : time["occurrence"]]
        gold += [GoldTime(start, start + len(time["text"]), time.get("date")) for start in starts]
    # "Wednesday" also occurs inside the gold "Wednesday morning": that occurrence is not a second time
    outermost = [g for g in gold if not any(o != g and o.start <= g.start and g.end <= o.end for o in gold)]
    return Document(name, text, record.get("published"), tuple(outermost), article.published)


def read_demo_document(gold_path: Path, demo_dir: Path) -> Document | None:
    """A demo article and its gold times; None when its file is missing."""
    record = json.loads(gold_path.read_text(encoding="utf-8"))
    article = read_article(demo_dir / record.get("file", gold_path.stem + ".txt"), record.get("index", 1))
    return None if article is None else gold_document(gold_path.stem, record, article)


def occurrences(text: str, surface: str) -> list[int]:
    starts, position = [], text.find(surface)
    while surface and position >= 0:
        starts.append(position)
        position = text.find(surface, position + 1)
    return starts


def read_demo_documents(gold_dir: Path = GOLD_DIR, demo_dir: Path = DEMO_DIR) -> list[Document]:
    return [
        document
        for path in sorted(gold_dir.glob("*.json"))
        if not path.name.startswith("_") and (document := read_demo_document(path, demo_dir)) is not None
    ]


def score_times(documents: Sequence[Document]) -> list[tuple[Document, TimexScores]]:
    """Each document's time points against its gold times, their ``date`` against the gold ``date``."""
    return [
        (
            document,
            score_document(time_points(found), document.gold, value_of=lambda expression: expression.date),
        )
        for document, found in run_stage(documents)
    ]


def score_demo(gold_dir: Path = GOLD_DIR, demo_dir: Path = DEMO_DIR) -> TimexScores | None:
    """Scores against the demo corpus gold; None when there is no gold file with its article."""
    documents = read_demo_documents(gold_dir, demo_dir)
    if not documents:
        return None
    return add_scores(scores for _, scores in score_times(documents))


def read_generalise_documents(held_out: bool, folder: Path = GENERALISE) -> list[tuple[str, Document]]:
    """The generalisation stories' articles whose gold has a ``times`` field (an empty list counts: what is
    found there is all wrong), each with its gold story key: the development stories, or the held-out
    story alone. Only those articles are read."""
    pairs = []
    for record in generalise_gold(held_out=held_out, folder=folder):
        if "times" not in record:
            continue
        article = read_article(folder / record["file"], record.get("index", 1))
        if article is not None:
            pairs.append((record["story"], gold_document(Path(record["file"]).stem, record, article)))
    return pairs


def score_generalise(held_out: bool, folder: Path = GENERALISE) -> dict[str, TimexScores]:
    """Scores per gold story (sorted by key) over the articles with gold times; empty when there are none."""
    pairs = read_generalise_documents(held_out, folder)
    story_of = {document.name: story for story, document in pairs}
    per_story: dict[str, list[TimexScores]] = {}
    for document, scores in score_times([document for _, document in pairs]):
        per_story.setdefault(story_of[document.name], []).append(scores)
    return {story: add_scores(per_story[story]) for story in sorted(per_story)}


def generalise_errors(held_out: bool, folder: Path = GENERALISE) -> list[str]:
    """The time points found with a wrong ``date``, found where the gold has none, or missed."""
    documents = [document for _, document in read_generalise_documents(held_out, folder)]
    return [
        line
        for document, found in run_stage(documents)
        for line in value_errors(
            document, time_points(found), value_of=lambda expression: expression.date, unmatched_too=True
        )
    ]


def time_points(found: Sequence[TimeExpr]) -> list[TimeExpr]:
    """The expressions the demo gold annotates: the times a timeline can place, with their ``date``. Its
    gold leaves out durations, frequencies and references ("for a week", "every day", "now")."""
    return [t for t in found if t.type in POINT_TYPES and not (t.value or "").endswith("_REF")]


# --- publication dates ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PublicationScores:
    """Inferred publication dates against the true ones. A yearless inference ("--10-18") is right when
    month and day are; ``year_known`` counts the inferences that also state the year."""

    articles: int
    inferred: int  # a date was inferred (the rest stay unknown, honestly)
    exact: int  # the inferred day is the true one (year included where the inference states it)
    within_week: int  # at most 7 days before or after the true day
    in_window: int  # a window was inferred and the true date lies in it
    not_after: int  # an inferred date is not later than the true one (of ``inferred``)
    year_known: int

    def rate(self, count: int) -> float:
        return count / self.articles if self.articles else 0.0


def infer_publication(documents: Sequence[Document]) -> Iterator[tuple[Document, Article]]:
    """The inferred publication date of each document, its date withheld."""
    nlp = load_nlp()
    pairs = ((document.text, document) for document in documents)
    for doc, document in nlp.pipe(pairs, as_tuples=True, batch_size=16):
        article = Article(id=document.name, text=document.text)
        yield document, infer_publication_date(ParsedArticle(article=article, doc=doc))


def score_publication(documents: Sequence[Document]) -> PublicationScores:
    counts = dict.fromkeys(("inferred", "exact", "within_week", "in_window", "not_after", "year_known"), 0)
    for document, article in infer_publication([d for d in documents if d.published]):
        assert document.published is not None
        true_day = date.fromisoformat(document.published[:10])
        guess = placed_on(article.published, true_day)
        if article.published_window:
            first, last = article.published_window.split("/")
            start, end = placed_on(first, true_day), placed_on(last, true_day, last_day=True)
            counts["in_window"] += (start is None or start <= true_day) and (end is None or true_day <= end)
        if guess is None:
            continue
        counts["inferred"] += 1
        counts["exact"] += guess == true_day
        counts["within_week"] += abs((guess - true_day).days) <= 7
        counts["not_after"] += guess <= true_day
        counts["year_known"] += not (article.published or "").startswith("--")
    return PublicationScores(len([d for d in documents if d.published]), **counts)


def placed_on(value: str | None, true_day: date, last_day: bool = False) -> date | None:
    """An inferred value as a day to compare with ``true_day``: a yearless one in the true day's year, a
    month by its first (or last) day; None for an open end or no value."""
    if not value or value == "..":
        return None
    if value.startswith("--"):
        value = f"{true_day.year:04d}{value[1:]}"
    if len(value) == len("2024-10-18"):
        return date.fromisoformat(value)
    year, month = int(value[:4]), int(value[5:7])
    return date(year, month, calendar.monthrange(year, month)[1] if last_day else 1)


# --- report ---------------------------------------------------------------------------------------------


def format_scores(name: str, scores: TimexScores) -> str:
    strict, relaxed = scores.strict, scores.relaxed
    return (
        f"{name:<28} docs {scores.documents:>3}  gold {scores.gold:>5}  found {scores.system:>5}\n"
        f"{'':<28} strict  P {strict[0]:.3f} R {strict[1]:.3f} F1 {strict[2]:.3f}\n"
        f"{'':<28} relaxed P {relaxed[0]:.3f} R {relaxed[1]:.3f} F1 {relaxed[2]:.3f}\n"
        f"{'':<28} value accuracy {scores.value_accuracy:.3f}  value F1 {scores.value_f1:.3f}"
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--limit", type=int, default=None, help="score only the first N TempEval-3 documents")
    parser.add_argument(
        "--subset", choices=[s.lower() for s in SUBSETS], default=None, help="score one half of TBAQ only"
    )
    parser.add_argument(
        "--tempeval-only", action="store_true", help="skip the demo corpus and publication dates"
    )
    parser.add_argument(
        "--errors",
        action="store_true",
        help="list the TempEval-3 expressions found with a wrong value; with --corpus generalise, the "
        "generalisation stories' wrong, spurious and missed times",
    )
    add_corpus_options(parser)
    args = parser.parse_args(argv)
    if args.corpus == "generalise":
        return report_generalise(args.held_out, errors=args.errors)
    if args.held_out:
        parser.error("--held-out scores the generalisation corpus: give --corpus generalise")

    subsets = [s for s in SUBSETS if args.subset in (None, s.lower())]
    errors: list[str] | None = [] if args.errors else None
    tempeval = score_tempeval(args.limit, subsets=subsets, errors=errors)
    print("\n".join(errors or []))
    if tempeval is None:
        print(f"TempEval-3: skipped, no data at {TEMPEVAL_DIR}")
    else:
        print(format_scores("TempEval-3, every TIMEX3", tempeval["all"]))
        print(format_scores("TempEval-3, DATE+TIME only", tempeval["points"]))
        for system, figures in PUBLISHED_TEMPEVAL3.items():
            shown = "  ".join(f"{metric} {value:.3f}" for metric, value in figures.items())
            print(f"published, TE3 test set: {system}: {shown}")
    if args.tempeval_only:
        return 0
    demo = score_demo()
    if demo is None:
        print(f"Demo corpus: skipped, no gold times in {GOLD_DIR} with articles in {DEMO_DIR}")
    else:
        print(format_scores("Demo corpus gold times", demo))
    documents = read_demo_documents()
    print(
        format_publication(
            "Publication dates, metadata-less", [d for d in documents if not d.metadata_published]
        )
    )
    print(format_publication("Publication dates, all withheld", documents))
    return 0


def report_generalise(held_out: bool, folder: Path = GENERALISE, errors: bool = False) -> int:
    """Prints a line per gold story and the pooled scores; says so when no gold file has times yet. With
    ``errors``, first a line per wrong, spurious or missed time."""
    part = "held-out" if held_out else "dev"
    if errors:
        print("\n".join(generalise_errors(held_out, folder)))
    scores = score_generalise(held_out, folder)
    if not scores:
        print(f"Generalisation {part}: no gold file in {folder / 'gold'} has `times` yet: nothing to score")
        return 0
    for story, story_scores in scores.items():
        print(format_line(story, story_scores))
    print(format_scores(f"Generalisation {part}, pooled", add_scores(scores.values())))
    return 0


def format_line(name: str, scores: TimexScores) -> str:
    return (
        f"{name:<28} docs {scores.documents:>3}  gold {scores.gold:>5}  found {scores.system:>5}  "
        f"strict F1 {scores.strict[2]:.3f}  relaxed F1 {scores.relaxed[2]:.3f}  "
        f"value accuracy {scores.value_accuracy:.3f}"
    )


def format_publication(name: str, documents: Sequence[Document]) -> str:
    scores = score_publication(documents)
    counts = (
        f"articles {scores.articles:>3}  dated {scores.inferred:>3}  year known {scores.year_known:>3}  "
        f"dated not after the true date {scores.not_after:>3}"
    )
    rates = (
        f"exact {scores.rate(scores.exact):.3f}  within 7 days {scores.rate(scores.within_week):.3f}  "
        f"true date in the window {scores.rate(scores.in_window):.3f}"
    )
    return f"{name:<34} {counts}\n{'':<34} {rates}"


if __name__ == "__main__":
    sys.exit(main())
