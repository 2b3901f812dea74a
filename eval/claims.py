"""Score the claims stage.

- ``--corpus``: PolNeAR dev (``../shared/data/polnear/dev``): source, cue and content spans of attributions,
  or with ``--split train --offset N --limit M`` a slice of train (rules are tuned on train articles 0–149;
  dev is the reported figure, a train slice beyond 150 a check that the tuning generalises),
  exact-match and overlap P/R/F1, beside the published figures. Articles with several annotators' files are
  scored against the alphabetically first annotator's file (the annotator codes are opaque ids, so this is
  an arbitrary but fixed choice). Every claim is scored, statements and acts alike (``Claim.kind``):
  PolNeAR annotates both ("said the deal was dead", "voted to strike").
- default: the demo corpus gold (``tests/data/gold/*.json`` over ``examples/demo/``): claim P/R/F1 (a claim
  matches a gold one when its content covers at least half of the gold content and the speakers overlap),
  and on matched claims quantity value/unit accuracy and modality accuracy. The demo gold marks statements
  only (its cues are "said", "denied", "claimed" …), so acts are left out of the demo scores.

  ``--errors`` (train only) prints each predicted content that overlaps a gold one with other boundaries.

    python eval/claims.py [--corpus [--split dev|train] [--offset N] [--errors]] [--limit N]
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from eval.common import DEMO, SHARED_DATA, Scores, gold_articles, load_gold, occurrences
from storyline.records import Article, Brief, Claim
from storyline.stages.claims.extract import extract_claims
from storyline.stages.nlp import parse_articles

POLNEAR_DEV = SHARED_DATA / "polnear" / "dev"
ANNOTATOR_SUFFIX = re.compile(r"_[0-9a-f]{4}\.ann$")
# PolNeAR spans keep a leading "that" and quote marks and punctuation at the edges; ours do not. Exact match
# is scored after trimming both the same way, so it measures boundaries, not conventions.
EDGE_CHARS = " \t\n\"'“”‘’«»„,.;:–—-"
LEADING_THAT = re.compile(r"(?i)that\s+")
ROLES = ("source", "cue", "content")
MIN_GOLD_COVERAGE = 0.5

# From /work/shared/data/README.md (PolNeAR README; NewsClaims README). Not like-for-like: agreement is
# between annotators, and the NewsClaims figures are PolNeAR-trained models scored on another corpus.
PUBLISHED_POLNEAR = {
    "PolNeAR human agreement (attribution-wise)": 0.923,
    "PolNeAR-trained, NewsClaims claim-span F1": 0.523,
    "PolNeAR-trained, NewsClaims claimer F1": 0.423,
}

Fragments = tuple[tuple[int, int], ...]


@dataclass(frozen=True, slots=True)
class AttributionSpans:
    """One attribution's spans; a role may be empty (an attribution without a source)."""

    source: Fragments
    cue: Fragments
    content: Fragments

    def role(self, name: str) -> Fragments:
        spans: Fragments = getattr(self, name)
        return spans


@dataclass(frozen=True, slots=True)
class PolnearDocument:
    name: str
    annotator: str
    text: str
    attributions: tuple[AttributionSpans, ...]


# --- PolNeAR --------------------------------------------------------------------------------------------


def load_polnear(
    directory: Path = POLNEAR_DEV, limit: int | None = None, offset: int = 0
) -> list[PolnearDocument]:
    """The documents of a PolNeAR split, one annotator file each (the first in sorted order), from the
    ``offset``-th article on."""
    chosen: dict[str, Path] = {}
    for path in sorted((directory / "attributions").glob("*.ann")):
        chosen.setdefault(ANNOTATOR_SUFFIX.sub("", path.name), path)
    documents = []
    stop = None if limit is None else offset + limit
    for name, path in sorted(chosen.items())[offset:stop]:
        text = (directory / "text" / f"{name}.txt").read_text(encoding="utf-8")
        annotator = path.name[-len("xxxx.ann") : -len(".ann")]
        documents.append(PolnearDocument(name, annotator, text, tuple(_read_brat(path))))
    return documents


def _read_brat(path: Path) -> Iterable[AttributionSpans]:
    """Brat standoff: ``T`` lines hold labelled spans ("Content 315 448;463 553"), ``E`` lines tie a cue,
    a content and (maybe) a source into one attribution."""
    spans: dict[str, Fragments] = {}
    events: list[list[str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        fields = line.split("\t")
        if line.startswith("T") and len(fields) >= 2:
            offsets = fields[1].split(" ", 1)[1]
            spans[fields[0]] = tuple(
                (int(start), int(end)) for start, end in (part.split() for part in offsets.split(";"))
            )
        elif line.startswith("E") and len(fields) >= 2:
            events.append(fields[1].split())
    for arguments in events:
        roles = dict(argument.split(":", 1) for argument in arguments[1:])
        yield AttributionSpans(
            source=spans.get(roles.get("Source", ""), ()),
            cue=spans.get(roles.get("Cue", ""), ()),
            content=spans.get(roles.get("Content", ""), ()),
        )


def predicted_spans(claims: Sequence[Claim]) -> list[AttributionSpans]:
    """Our claims as PolNeAR attributions, one per cue: claims sharing a cue are one attribution whose source
    spans all the speakers ("neither X nor Y") and whose content is all the contents, as fragments (PolNeAR
    keeps "“A,” he said. “B.”" as one attribution with a content in two parts; we give each part a claim)."""
    grouped: dict[tuple[int, int], list[Claim]] = {}
    for claim in claims:
        grouped.setdefault((claim.cue_start, claim.cue_end), []).append(claim)
    attributions = []
    for (cue_start, cue_end), members in grouped.items():
        speakers = [
            (c.speaker_start, c.speaker_end)
            for c in members
            if c.speaker_start is not None and c.speaker_end is not None
        ]
        source = ((min(s for s, _ in speakers), max(e for _, e in speakers)),) if speakers else ()
        content = tuple(sorted({(c.start, c.end) for c in members}))
        attributions.append(AttributionSpans(source, ((cue_start, cue_end),), content))
    return attributions


def _trimmed(text: str, fragments: Fragments) -> tuple[int, int]:
    """The envelope of the fragments without edge punctuation, quote marks or a leading "that"."""
    start, end = min(s for s, _ in fragments), max(e for _, e in fragments)
    while start < end and text[start] in EDGE_CHARS:
        start += 1
    while end > start and text[end - 1] in EDGE_CHARS:
        end -= 1
    match = LEADING_THAT.match(text, start, end)
    if match is None:
        return start, end
    start = match.end()
    while start < end and text[start] in EDGE_CHARS:  # 'that “…': the quote mark after the "that" too
        start += 1
    return start, end


def _overlap(first: Fragments, second: Fragments) -> bool:
    return any(a < d and c < b for a, b in first for c, d in second)


def _match_count(text: str, predicted: list[Fragments], gold: list[Fragments], exact: bool) -> int:
    """One-to-one greedy matches between predicted and gold spans."""
    unmatched = list(gold)
    found = 0
    for spans in predicted:
        for candidate in unmatched:
            same = _trimmed(text, spans) == _trimmed(text, candidate) if exact else _overlap(spans, candidate)
            if same:
                unmatched.remove(candidate)
                found += 1
                break
    return found


def score_polnear(documents: Sequence[PolnearDocument], errors: bool = False) -> dict[str, Scores]:
    """Exact and overlap P/R/F1 per role, and attributions whose cue and content both overlap gold's;
    with ``errors``, print each content that overlaps a gold content but has other boundaries."""
    counts = {f"{role} {kind}": [0, 0, 0] for role in ROLES for kind in ("exact", "overlap")}
    counts["attribution (cue + content overlap)"] = [0, 0, 0]
    articles = [Article(id=f"polnear-{document.name}", text=document.text) for document in documents]
    for document, parsed in zip(documents, parse_articles(articles), strict=True):
        predicted = predicted_spans(extract_claims(parsed, (), resolve_pronouns=False))
        if errors:
            print_boundary_errors(document, predicted)
        for role in ROLES:
            predicted_role = [a.role(role) for a in predicted if a.role(role)]
            gold_role = [a.role(role) for a in document.attributions if a.role(role)]
            for kind in ("exact", "overlap"):
                tally = counts[f"{role} {kind}"]
                tally[0] += _match_count(document.text, predicted_role, gold_role, exact=kind == "exact")
                tally[1] += len(predicted_role)
                tally[2] += len(gold_role)
        tally = counts["attribution (cue + content overlap)"]
        tally[0] += _attribution_matches(predicted, list(document.attributions))
        tally[1] += len(predicted)
        tally[2] += len(document.attributions)
    return {name: Scores.from_counts(*tally) for name, tally in counts.items()}


def print_boundary_errors(document: PolnearDocument, predicted: list[AttributionSpans]) -> None:
    """Each predicted content that overlaps gold but differs from every gold content once trimmed, beside
    the gold content it overlaps most: the material for classifying boundary errors (tune on train only)."""
    text = document.text
    gold = [attribution.content for attribution in document.attributions if attribution.content]
    for attribution in predicted:
        mine = _trimmed(text, attribution.content)
        overlapping = [spans for spans in gold if _overlap(attribution.content, spans)]
        if not overlapping or any(_trimmed(text, spans) == mine for spans in gold):
            continue
        best = _trimmed(text, max(overlapping, key=lambda spans: _shared(mine, _trimmed(text, spans))))
        cue = attribution.cue[0]
        print(f"--- {document.name} cue {text[cue[0] : cue[1]]!r}")
        print(f"  ours: {text[mine[0] : mine[1]]!r}")
        print(f"  gold: {text[best[0] : best[1]]!r}")


def _shared(first: tuple[int, int], second: tuple[int, int]) -> int:
    return min(first[1], second[1]) - max(first[0], second[0])


def _attribution_matches(predicted: list[AttributionSpans], gold: list[AttributionSpans]) -> int:
    unmatched = list(gold)
    found = 0
    for attribution in predicted:
        for candidate in unmatched:
            if _overlap(attribution.cue, candidate.cue) and _overlap(attribution.content, candidate.content):
                unmatched.remove(candidate)
                found += 1
                break
    return found


# --- demo corpus ------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DemoScores:
    claims: Scores
    matched: int
    quantity_value_accuracy: float
    quantity_unit_accuracy: float
    quantities_scored: int
    modality_accuracy: float


def analyse_demo() -> Brief | None:
    """The demo corpus through the real per-article stages (ingest → clean → language → nlp → claims),
    as a brief holding articles and claims only; None when the pipeline or the corpus is missing."""
    try:
        from storyline.pipeline import run_article_stages
        from storyline.stages.ingest.inputs import iter_inputs
    except ImportError as missing:
        print(f"demo corpus skipped: the pipeline is not complete yet ({missing})")
        return None
    if not DEMO.is_dir():
        print(f"demo corpus skipped: {DEMO} is absent")
        return None
    articles = (item for item in iter_inputs([DEMO]) if isinstance(item, Article))
    analyses = list(run_article_stages(articles))
    return Brief(
        articles=tuple(a.article for a in analyses),
        claims=tuple(claim for a in analyses for claim in a.claims),
    )


def score_demo(brief: Brief, gold: Sequence[dict[str, Any]]) -> DemoScores:
    by_article: dict[str, list[Claim]] = {}
    for claim in brief.claims:
        # an article's own statements are no attributions (claims.outlet_voice); the gold marks no acts
        if not claim.outlet_voice and claim.kind == "statement":
            by_article.setdefault(claim.article, []).append(claim)
    pairs: list[tuple[dict[str, Any], Claim]] = []
    predicted = expected = 0
    for entry, article in gold_articles(brief, gold):
        unmatched = list(by_article.get(article.id, []))
        predicted += len(unmatched)
        for gold_claim in entry.get("claims", []):
            expected += 1
            aliases = _entity_surfaces(entry, gold_claim.get("speaker_entity"))
            match = next((c for c in unmatched if _same_claim(article.text, gold_claim, c, aliases)), None)
            if match is not None:
                unmatched.remove(match)
                pairs.append((gold_claim, match))
    value_hits = unit_hits = scored = 0
    for gold_claim, claim in pairs:
        for quantity in gold_claim.get("quantities", []):
            scored += 1
            same_value = [q for q in claim.quantities if q.value == float(quantity["value"])]
            value_hits += bool(same_value)
            unit_hits += any(q.unit == quantity["unit"] for q in same_value)
    modality_hits = sum(
        gold_claim.get("modality", "asserted") == claim.modality for gold_claim, claim in pairs
    )
    return DemoScores(
        claims=Scores.from_counts(len(pairs), predicted, expected),
        matched=len(pairs),
        quantity_value_accuracy=value_hits / scored if scored else 0.0,
        quantity_unit_accuracy=unit_hits / scored if scored else 0.0,
        quantities_scored=scored,
        modality_accuracy=modality_hits / len(pairs) if pairs else 0.0,
    )


def _entity_surfaces(entry: dict[str, Any], entity: str | None) -> list[str]:
    """The surface forms the gold file maps to ``entity``: a gold "He" with entity "ferreyra" is matched by
    a speaker resolved to "Ferreyra"."""
    if not entity:
        return []
    return [surface for surface, key in entry.get("mentions", {}).items() if key == entity]


def _same_claim(text: str, gold_claim: dict[str, Any], claim: Claim, aliases: Sequence[str] = ()) -> bool:
    """Content covers ≥ 50% of the gold content, and the speakers overlap (or both are absent); a speaker
    resolved to a name the gold maps to the gold speaker's entity counts as the same speaker."""
    content = occurrences(text, gold_claim["content"])
    if not any(
        min(end, claim.end) - max(start, claim.start) >= MIN_GOLD_COVERAGE * (end - start)
        for start, end in content
    ):
        return False
    speaker = gold_claim.get("speaker")
    if not speaker:
        return claim.speaker_text is None
    if claim.speaker_start is None or claim.speaker_end is None or claim.speaker_text is None:
        return False
    span = (claim.speaker_start, claim.speaker_end)
    spoken = claim.speaker_text.lower()
    names = [speaker.lower(), *(alias.lower() for alias in aliases)]
    return any(start < span[1] and span[0] < end for start, end in occurrences(text, speaker)) or any(
        name in spoken or spoken in name for name in names
    )


# --- report -----------------------------------------------------------------------------------------------


def report_polnear(
    limit: int | None, split: str = "dev", offset: int = 0, errors: bool = False
) -> dict[str, Scores] | None:
    directory = SHARED_DATA / "polnear" / split
    if not directory.is_dir():
        print(f"PolNeAR skipped: {directory} is absent")
        return None
    documents = load_polnear(directory, limit=limit, offset=offset)
    if errors and split == "dev":
        raise SystemExit("--errors lists train errors only: dev is scored, never read")
    scores = score_polnear(documents, errors)
    gold_count = sum(len(d.attributions) for d in documents)
    where = f"{split}" if not offset else f"{split} from article {offset}"
    print(f"claims on PolNeAR {where}: {len(documents)} articles, {gold_count} gold attributions")
    print("(one annotator file per article: the alphabetically first; pronoun speakers left unresolved)")
    for name, score in scores.items():
        print(score.line(name))
    print("published figures (not like-for-like):")
    for name, figure in PUBLISHED_POLNEAR.items():
        print(f"  {name:<45} {figure:.3f}")
    return scores


def report_demo() -> DemoScores | None:
    gold = load_gold()
    if not gold:
        print("demo corpus skipped: no gold annotations in tests/data/gold")
        return None
    brief = analyse_demo()
    if brief is None:
        return None
    scores = score_demo(brief, gold)
    print(f"claims on the demo corpus ({len(gold)} annotated articles)")
    print(scores.claims.line("claims (content ≥ 50% of gold + speaker)"))
    print(
        f"quantity value accuracy on matched claims   {scores.quantity_value_accuracy:.3f}"
        f" ({scores.quantities_scored} gold quantities)"
    )
    print(f"quantity unit accuracy on matched claims    {scores.quantity_unit_accuracy:.3f}")
    modality = scores.modality_accuracy
    print(f"modality accuracy on matched claims         {modality:.3f} ({scores.matched} claims)")
    return scores


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--corpus", action="store_true", help="score on PolNeAR dev instead of the demo gold")
    parser.add_argument("--limit", type=int, default=None, help="score the first N PolNeAR documents only")
    parser.add_argument("--split", choices=("dev", "train"), default="dev", help="the PolNeAR split scored")
    parser.add_argument("--offset", type=int, default=0, help="skip the first N documents of the split")
    parser.add_argument(
        "--errors", action="store_true", help="with --split train: print contents whose boundaries differ"
    )
    arguments = parser.parse_args()
    if arguments.corpus:
        report_polnear(arguments.limit, arguments.split, arguments.offset, arguments.errors)
    else:
        report_demo()


if __name__ == "__main__":
    main()
