"""Score the entities stage on the demo corpus gold: mention detection, B³ and pairwise merge quality.

Every occurrence of a gold surface form in an article is a gold mention with the gold entity key; the
system's cluster for it is the entity whose mention overlaps it (a mention the system missed becomes a
cluster of its own, so misses cost recall, as in B³ over the gold mention set).

    python eval/entities.py                       # demo corpus gold
    python eval/entities.py --corpus meantime     # MEANTIME English: airbus (dev) and apple
    python eval/entities.py --corpus meantime --errors 20   # ... and the 20 largest wrong splits/merges
    python eval/entities.py --errors 20           # the same listing on the demo gold (or --corpus generalise)
    python eval/entities.py --corpus generalise   # tests/data/generalise: development stories
    python eval/entities.py --corpus generalise --held-out   # ... its held-out story (score it rarely)
    python eval/entities.py --corpus generalise --story thessaloniki-bid --errors 30   # one story alone

On the generalisation stories each story's B³ is printed after the pooled figures. ``--story`` scores one
story's gold alone, whatever its role (naming the held-out story scores it as ``--held-out`` does).

On MEANTIME the per-article mention stage and the cross-document resolution run on the rebuilt gold texts
(no ingest or clean, so offsets stay the gold's); gold mentions are the names of person, organisation and
location instances (``eval/meantime.py``). No published figure exists for this setting; the line printed
beside ours is a baseline that merges two mentions exactly when their folded strings are equal.

Actor precision is the share of the names the brief shows as actors (mentions of its PERSON and ORG
entities) that overlap a gold actor mention; actor recall the share of gold actor mentions that such a name
overlaps. Mention-detection precision counts every place as an error (the demo and generalise gold marks
actors only), so a place relabelled from actor to place does not move it; actor precision does. Gold actors
are every demo and generalise gold mention (its few GPE-typed entities are countries that act: "the
government"), and on MEANTIME the names of its person and organisation instances (its LOC names are not).
MEANTIME marks not every name (not the headline's, nor products'), so its actor precision counts only our
actor names that overlap a gold name of any type: the share of them the gold types PER or ORG, not LOC.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from eval.common import (
    GENERALISE,
    GENERALISE_HELD_OUT,
    Scores,
    b_cubed,
    demo_brief,
    generalise_brief,
    generalise_gold,
    gold_articles,
    occurrences,
    overlaps,
    pairwise,
    require_gold,
)
from eval.meantime import GoldMention
from storyline.records import Article, Brief, Entity

ACTOR_TYPES = frozenset({"PERSON", "ORG"})
MEANTIME_ACTOR_TYPES = frozenset({"PER", "ORG"})
Spans = Mapping[str, Sequence[tuple[int, int]]]


def score_entities(brief: Brief, gold: list[dict[str, object]]) -> dict[str, Scores]:
    """Mention detection (overlap), B³ and pairwise merge scores over the gold mentions."""
    system_spans = _brief_spans(brief)
    gold_cluster, predicted_cluster, _ = _gold_clusters(brief, gold, system_spans)
    found = sum(not cluster.startswith("missed:") for cluster in predicted_cluster.values())
    recall = found / len(gold_cluster) if gold_cluster else 0.0
    # The gold marks names only: titles and descriptions (mentions carrying themselves as their role,
    # "Union chairman" of "Union chairman Oleksandr Hrytsenko") are also scored apart from the names.
    name_spans = {
        (mention.article, mention.start, mention.end)
        for entity in brief.entities
        for mention in entity.mentions
        if mention.role != mention.text
    }
    # Precision over the scored articles only: the brief also holds the other stories of its corpus (the
    # held-out story's when scoring development, and the reverse), whose mentions no gold here marks.
    scored_ids = {article.id for _, article in gold_articles(brief, gold)}
    scored_spans = {article: spans for article, spans in system_spans.items() if article in scored_ids}
    gold_spans: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for article_id, start, end in gold_cluster:
        gold_spans[article_id].append((start, end))
    return {
        "mention detection": Scores(_matched_share(scored_spans, gold_cluster), recall),
        "mention detection (names, no titles)": Scores(
            _matched_share(scored_spans, gold_cluster, name_spans), recall
        ),
        "actors (PERSON/ORG names)": actor_scores(_actor_spans(brief.entities, scored_ids), gold_spans),
        "B3 (gold mentions)": b_cubed(gold_cluster, predicted_cluster),
        "pairwise merges": pairwise(gold_cluster, predicted_cluster),
    }


def actor_scores(predicted: Spans, gold: Spans, judged: Spans | None = None) -> Scores:
    """Actor precision and recall: the predicted actor spans that overlap a gold actor span of their article,
    and the gold actor spans that a predicted one overlaps. With ``judged``, precision counts only the
    predicted spans overlapping one of those (the names a gold that is not exhaustive did classify)."""

    def hits(span: tuple[int, int], spans: Sequence[tuple[int, int]]) -> bool:
        return any(overlaps(span, other) for other in spans)

    counted = [
        (article, span)
        for article, spans in predicted.items()
        for span in spans
        if judged is None or hits(span, judged.get(article, ()))
    ]
    right = sum(hits(span, gold.get(article, ())) for article, span in counted)
    found = sum(hits(span, predicted.get(article, ())) for article, spans in gold.items() for span in spans)
    gold_count = sum(map(len, gold.values()))
    return Scores(right / len(counted) if counted else 0.0, found / gold_count if gold_count else 0.0)


def _actor_spans(
    entities: Sequence[Entity], articles: set[str] | None = None
) -> dict[str, list[tuple[int, int]]]:
    """The names (not titles or descriptions) of the PERSON and ORG entities, by article (of ``articles``)."""
    spans: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for entity in entities:
        if entity.type not in ACTOR_TYPES:
            continue
        for mention in entity.mentions:
            if mention.role != mention.text and (articles is None or mention.article in articles):
                spans[mention.article].append((mention.start, mention.end))
    return spans


def _brief_spans(brief: Brief) -> dict[str, list[tuple[tuple[int, int], str]]]:
    system_spans: dict[str, list[tuple[tuple[int, int], str]]] = {}
    for entity in brief.entities:
        for mention in entity.mentions:
            system_spans.setdefault(mention.article, []).append(((mention.start, mention.end), entity.id))
    return system_spans


def _gold_clusters(
    brief: Brief, gold: list[dict[str, object]], system_spans: dict[str, list[tuple[tuple[int, int], str]]]
) -> tuple[dict[tuple[str, int, int], str], dict[tuple[str, int, int], str], dict[tuple[str, int, int], str]]:
    """Each gold mention's gold entity, the system entity of the mention sharing most characters with it
    (``missed:…`` when none) and its surface."""
    gold_cluster: dict[tuple[str, int, int], str] = {}
    predicted_cluster: dict[tuple[str, int, int], str] = {}
    surfaces: dict[tuple[str, int, int], str] = {}
    for entry, article in gold_articles(brief, gold):
        mentions = entry.get("mentions", {})
        assert isinstance(mentions, dict)
        for surface, key in mentions.items():
            for span in occurrences(article.text, surface):
                item = (article.id, *span)
                gold_cluster[item] = key
                surfaces[item] = surface
                # the system mention sharing most characters with the gold one ("Regional Prosecutor's
                # Office" rather than the place inside "Regional Prosecutor's Office in Kyrdzhali")
                # (of two sharing as many, the shorter: "the coast guard" inside "the spokesman for the
                # coast guard" is the guard's mention, not the spokesman's)
                hits = sorted(
                    (
                        (
                            min(span[1], system_span[1]) - max(span[0], system_span[0]),
                            system_span[1] - system_span[0],
                            entity_id,
                        )
                        for system_span, entity_id in system_spans.get(article.id, [])
                        if overlaps(span, system_span)
                    ),
                    key=lambda hit: (-hit[0], hit[1]),
                )
                predicted_cluster[item] = hits[0][2] if hits else f"missed:{item}"
    return gold_cluster, predicted_cluster, surfaces


def brief_run(brief: Brief, gold: list[dict[str, object]]) -> MeantimeRun:
    """The gold and system clusters of an annotated brief, for ``print_errors`` (no baseline)."""
    gold_cluster, predicted_cluster, surfaces = _gold_clusters(brief, gold, _brief_spans(brief))
    names = {entity.id: entity.name for entity in brief.entities}
    return MeantimeRun(gold_cluster, predicted_cluster, {}, surfaces, names)


def _matched_share(
    system_spans: dict[str, list[tuple[tuple[int, int], str]]],
    gold_cluster: dict[tuple[str, int, int], str],
    only: set[tuple[str, int, int]] | None = None,
) -> float:
    """The share of system mentions (those in ``only``, if given) that overlap a gold mention."""
    considered = [
        (article_id, span)
        for article_id, spans in system_spans.items()
        for span, _ in spans
        if only is None or (article_id, *span) in only
    ]
    matched = sum(
        1
        for article_id, span in considered
        if any(item[0] == article_id and overlaps(span, item[1:]) for item in gold_cluster)
    )
    return matched / len(considered) if considered else 0.0


@dataclass(frozen=True)
class MeantimeRun:
    """Gold and system clusters of MEANTIME's names: item = (article, start, end) of a gold name."""

    gold_cluster: dict[tuple[str, int, int], str]
    predicted_cluster: dict[tuple[str, int, int], str]
    baseline_cluster: dict[tuple[str, int, int], str]
    surfaces: dict[tuple[str, int, int], str]
    entity_names: dict[str, str]
    # MEANTIME only: the names of our PERSON/ORG entities and the gold's PER/ORG names, for actor_scores
    actor_spans: dict[str, list[tuple[int, int]]] = field(default_factory=dict)
    gold_actor_spans: dict[str, list[tuple[int, int]]] = field(default_factory=lambda: defaultdict(list))
    gold_name_spans: dict[str, list[tuple[int, int]]] = field(default_factory=lambda: defaultdict(list))


def run_meantime(corpora: Sequence[str]) -> MeantimeRun:
    """Our resolution and the exact-string baseline over MEANTIME's gold names."""
    from eval.meantime import read_corpus
    from storyline.stages.entities.resolve import extract_mentions, fold_name, resolve_entities
    from storyline.stages.nlp import parse_articles

    documents = [document for corpus in corpora for document in read_corpus(corpus)]
    articles = [Article(id=f"{d.corpus}/{d.name}", text=d.text) for d in documents]
    mentions = [m for parsed in parse_articles(articles) for m in extract_mentions(parsed)]
    entities = resolve_entities(mentions)
    names = {entity.id: entity.name for entity in entities}
    run = MeantimeRun({}, {}, {}, {}, names, _actor_spans(entities))
    spans = _system_spans(entities)
    for document in documents:
        article_id = f"{document.corpus}/{document.name}"
        for gold in document.mentions:
            item = (article_id, gold.start, gold.end)
            run.gold_cluster[item] = gold.instance
            run.predicted_cluster[item] = _head_match(spans.get(article_id, []), gold, item)
            run.baseline_cluster[item] = fold_name(gold.text)
            run.surfaces[item] = gold.text
            run.gold_name_spans[article_id].append((gold.start, gold.end))
            if gold.entity_type in MEANTIME_ACTOR_TYPES:
                run.gold_actor_spans[article_id].append((gold.start, gold.end))
    return run


def score_meantime(corpora: Sequence[str]) -> dict[str, Scores]:
    """B³ and pairwise scores of our resolution and of the exact-string baseline over MEANTIME's names."""
    return score_run(run_meantime(corpora))


def score_run(run: MeantimeRun) -> dict[str, Scores]:
    gold_cluster, predicted_cluster = run.gold_cluster, run.predicted_cluster
    found = sum(not cluster.startswith("missed:") for cluster in predicted_cluster.values())
    return {
        "names found (recall)": Scores(1.0, found / len(gold_cluster) if gold_cluster else 0.0),
        "actors (PERSON/ORG names; gold PER/ORG)": actor_scores(
            run.actor_spans, run.gold_actor_spans, run.gold_name_spans
        ),
        "B3 (gold names)": b_cubed(gold_cluster, predicted_cluster),
        "pairwise merges": pairwise(gold_cluster, predicted_cluster),
        "baseline: same string, B3": b_cubed(gold_cluster, run.baseline_cluster),
        "baseline: same string, pairwise": pairwise(gold_cluster, run.baseline_cluster),
    }


def print_errors(run: MeantimeRun, limit: int) -> None:
    """The largest wrongly split gold entities and wrongly merged system entities, by pairs lost."""
    print("wrongly split (gold entity: system entity [surfaces × count] ...), most pairs lost first")
    for lost, line in _confusions(run.gold_cluster, run.predicted_cluster, run, run.entity_names)[:limit]:
        print(f"  {lost:5d}  {line}")
    print("wrongly merged (system entity: gold entity [surfaces × count] ...), most pairs wrong first")
    for wrong, line in _confusions(run.predicted_cluster, run.gold_cluster, run, {})[:limit]:
        print(f"  {wrong:5d}  {line}")


def _confusions(
    outer: dict[tuple[str, int, int], str],
    inner: dict[tuple[str, int, int], str],
    run: MeantimeRun,
    inner_names: dict[str, str],
) -> list[tuple[int, str]]:
    """For each cluster of ``outer`` cut by ``inner``: the pairs across the cut and what the parts hold."""
    parts: dict[str, dict[str, Counter[str]]] = defaultdict(lambda: defaultdict(Counter))
    for item, cluster in outer.items():
        parts[cluster][inner[item]][run.surfaces[item]] += 1
    lines = []
    for cluster, by_inner in parts.items():
        sizes = [sum(counter.values()) for counter in by_inner.values()]
        lost = (sum(sizes) ** 2 - sum(size * size for size in sizes)) // 2
        if lost:
            described = "  |  ".join(
                f"{inner_names.get(name, name)}: "
                + ", ".join(f"{surface}×{count}" for surface, count in counter.most_common())
                for name, counter in sorted(by_inner.items(), key=lambda pair: -sum(pair[1].values()))
            )
            lines.append((lost, f"{inner_names.get(cluster, cluster)} -> {described}"))
    return sorted(lines, key=lambda pair: -pair[0])


def _system_spans(entities: Sequence[Entity]) -> dict[str, list[tuple[tuple[int, int], str, str]]]:
    spans: dict[str, list[tuple[tuple[int, int], str, str]]] = {}
    for entity in entities:
        for mention in entity.mentions:
            spans.setdefault(mention.article, []).append(
                ((mention.start, mention.end), mention.label, entity.id)
            )
    return spans


# Gold entity types → the labels our mentions carry for them.
SYSTEM_LABELS = {"PER": {"PERSON"}, "ORG": {"ORG"}, "LOC": {"GPE", "LOC", "FAC"}}
APPOSITION = re.compile(r",|\s\(")


def _head_match(spans: list[tuple[tuple[int, int], str, str]], gold: GoldMention, item: object) -> str:
    """The entity of the system mention at the gold name's head; a miss is its own cluster.

    MEANTIME's name spans include appositions and premodifiers ("European airframer Airbus", "Louis
    Gallois, the Airbus chief executive"), so plain overlap often finds a modifier's entity. The head is
    looked for as in English noun phrases: before the first comma or parenthesis (the apposition), the
    last name in what remains; a mention of the gold's type is preferred."""
    head_end = gold.start + (m.start() if (m := APPOSITION.search(gold.text)) else len(gold.text))
    inside = [
        (start, label, entity_id)
        for (start, end), label, entity_id in spans
        if start < head_end and gold.start < end
    ]
    if not inside:
        return f"missed:{item}"
    typed = [entry for entry in inside if entry[1] in SYSTEM_LABELS.get(gold.entity_type, set())]
    return max(typed or inside)[2]


def score_generalise(story: str | None, *, held_out: bool, errors: int | None) -> None:
    """Print the pooled scores of the development stories (or the held-out one, or ``story`` alone), then
    each story's B³, and with ``errors`` the largest wrong splits and merges."""
    if story:
        gold = [entry for entry in _all_generalise_gold() if entry["story"] == story]
        role = f"story {story}"
    else:
        gold = generalise_gold(held_out=held_out)
        role = "held-out story" if held_out else "development stories"
    if not gold:
        named = f" {GENERALISE_HELD_OUT}" if held_out and not story else ""
        raise SystemExit(f"no gold for {role}{named} in {GENERALISE / 'gold'} (not written yet?)")
    gold = _keys_within_story(gold)
    print(f"entities on {GENERALISE.name} ({role}, {len(gold)} annotated articles)")
    brief = generalise_brief()
    for name, score in score_entities(brief, gold).items():
        print(score.line(name))
    stories = sorted({str(entry["story"]) for entry in gold})
    for name in stories if len(stories) > 1 else ():
        of_story = [entry for entry in gold if entry["story"] == name]
        print(score_entities(brief, of_story)["B3 (gold mentions)"].line(f"  B3 of {name}"))
    if errors:
        print_errors(brief_run(brief, gold), errors)


def _keys_within_story(gold: list[dict[str, object]]) -> list[dict[str, object]]:
    """The gold with each mention's key prefixed by its story: the stories are written apart, and a key
    names one actor of its story only ("christodoulou" is the takeover story's chief executive and the
    wildfire's mayor, whom the pooled B3 counted as one actor the system split)."""
    scoped = []
    for entry in gold:
        mentions = entry.get("mentions", {})
        assert isinstance(mentions, dict)
        keys = {surface: f"{entry['story']}/{key}" for surface, key in mentions.items()}
        scoped.append({**entry, "mentions": keys})
    return scoped


def _all_generalise_gold() -> list[dict[str, object]]:
    """Every story's gold, the held-out one's included (``--story`` picks one by name)."""
    return generalise_gold(held_out=False) + generalise_gold(held_out=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--corpus", choices=["demo", "meantime", "generalise"], default="demo")
    parser.add_argument("--held-out", action="store_true", help="score the held-out generalisation story")
    parser.add_argument("--errors", type=int, metavar="N", help="print the N largest wrong splits and merges")
    parser.add_argument("--story", help="generalise: score this story's gold alone (its name in the gold)")
    options = parser.parse_args()
    if options.corpus == "generalise":
        score_generalise(options.story, held_out=options.held_out, errors=options.errors)
        return
    if options.corpus == "meantime":
        # airbus is the development corpus (its errors were read while building the stage); apple is
        # kept back: its figures say whether the rules generalise.
        for corpus, role in (("airbus", "development"), ("apple", "second corpus")):
            print(
                f"entities on MEANTIME English, corpus {corpus} ({role}): cross-document names of PER/ORG/LOC"
            )
            run = run_meantime([corpus])
            for name, score in score_run(run).items():
                print(score.line(name))
            if options.errors:
                print_errors(run, options.errors)
        print("(no published figure for this setting; the baseline merges equal folded strings)")
        return
    gold = require_gold()
    brief = demo_brief()
    scores = score_entities(brief, gold)
    print(f"entities on the demo corpus ({len(gold)} annotated articles)")
    for name, score in scores.items():
        print(score.line(name))
    print("(mention-detection precision counts unannotated places as errors: the gold marks actors only)")
    if options.errors:
        print_errors(brief_run(brief, gold), options.errors)


if __name__ == "__main__":
    main()
