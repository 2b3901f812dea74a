"""Score the stories stage: B³ precision/recall/F1 of articles → stories.

On the demo corpus gold, and on ECB+ (``../shared/data/ecbplus``, topics 1–30) when present: every
document is an article, and topic × subset (``*ecb.xml`` / ``*ecbplus.xml``) is one gold story — the two
subsets of a topic are similar but different events, the hard negatives. No published figure exists for
document → story clustering on ECB+ (the data README found none); we print "none published".
Settings are tuned on topics 1-20 (``--topics 1-20``); topics 21-30 are held out (``--topics 21-30``) and
reported apart from 1-30 (issue #15).

``--corpus polnear``: one month of PolNeAR dev (``../shared/data/polnear``, US 2016 election coverage from
seven publishers), every article labelled by hand to the event it reports
(``tests/data/stories/polnear-<month>.json``, file name → event key). B³ runs over the whole month, so the
many articles that share only a beat with others count: putting them in one story costs precision.
Publisher and date come from ``metadata.tsv`` through a metadata CSV, as a user's feed would give them.

``--corpus polnear --split train --month 2016-08 --level developing``: PolNeAR train articles of August
2016 labelled at two levels (``tests/data/stories/polnear-train-2016-08-developing.json``): the event, and the
developing story that joins the events of one chain (issue #14); both levels are scored over the one
clustering the brief makes, the event stories and the developing stories it shows over them.

python eval/stories.py [--no-embeddings] [--corpus ecbplus|polnear] [--topics 1-30] [--month 2016-09]
                       [--split dev|train] [--level event|developing] [--errors]
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import tempfile
import time
import xml.etree.ElementTree as ElementTree
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from eval.common import SHARED_DATA, Scores, b_cubed, demo_brief, gold_articles, load_gold
from storyline.config import DEFAULT_SETTINGS, Settings, StoriesSettings
from storyline.records import Article, ArticleAnalysis, Brief, Story

ECBPLUS = SHARED_DATA / "ecbplus"
POLNEAR = SHARED_DATA / "polnear"
STORY_GOLD = Path(__file__).resolve().parents[1] / "tests" / "data" / "stories"
# Scored level → its key in a PolNeAR stories gold file: the stage's event stories (``cluster_stories``) and
# the developing stories the brief shows over them (``shown_stories``).
GOLD_LEVELS = {"event": "events", "developing": "stories"}
DOCUMENT = re.compile(r"^(\d+)_(\d+)(ecb|ecbplus)\.xml$")
# Tokens glued to the word before them when the token stream is turned back into text.
NO_SPACE_BEFORE = {".", ",", ";", ":", "!", "?", "'s", "n't", "%", ")", "''", "'"}


def score_stories(brief: Brief, gold: list[dict[str, object]]) -> Scores:
    story_of = {article_id: story.id for story in brief.stories for article_id in story.articles}
    pairs = gold_articles(brief, gold)
    gold_cluster = {article.id: str(entry["story"]) for entry, article in pairs}
    predicted_cluster = {article.id: story_of[article.id] for _entry, article in pairs}
    return b_cubed(gold_cluster, predicted_cluster)


def ecbplus_articles(topics: Sequence[int]) -> list[tuple[Article, str]]:
    """(article, gold story) for every ECB+ document of ``topics``, in file-name order."""
    pairs = []
    for topic in topics:
        folder = ECBPLUS / str(topic)
        for path in sorted(folder.glob("*.xml")) if folder.is_dir() else []:
            match = DOCUMENT.match(path.name)
            if match:
                text = _document_text(path, skip_url=match.group(3) == "ecbplus")
                pairs.append((Article(id=path.stem, text=text, path=str(path)), f"{topic}-{match.group(3)}"))
    return pairs


def _document_text(path: Path, skip_url: bool) -> str:
    sentences: dict[int, list[str]] = {}
    for token in ElementTree.parse(path).getroot().iter("token"):
        sentence = int(token.get("sentence", "0"))
        if not (skip_url and sentence == 0):  # sentence 0 of ecbplus documents is the source URL
            sentences.setdefault(sentence, []).append(token.text or "")
    lines = []
    for tokens in sentences.values():
        line = ""
        for word in tokens:
            line += word if (not line or word in NO_SPACE_BEFORE) else " " + word
        lines.append(line)
    return "\n".join(lines)


def analyse_ecbplus(topics: Sequence[int]) -> tuple[list[ArticleAnalysis], dict[str, str]]:
    """The per-article stages over the ECB+ documents, and the gold story of each article id."""
    from storyline.pipeline import run_article_stages

    pairs = ecbplus_articles(topics)
    analyses = list(run_article_stages(article for article, _story in pairs))
    return analyses, {article.id: story for article, story in pairs}


def polnear_gold_path(month: str, split: str = "dev") -> Path:
    """The hand-labelled stories of one PolNeAR month: ``polnear-<month>.json`` for a dev month (events
    only), ``polnear-<split>-<month>-developing.json`` for a month of another split (events and developing
    stories)."""
    name = f"polnear-{month}.json" if split == "dev" else f"polnear-{split}-{month}-developing.json"
    return STORY_GOLD / name


def polnear_gold(month: str, split: str = "dev", level: str = "event") -> dict[str, str]:
    """File name (without ``.txt``) → hand-labelled key at ``level`` (``event`` or ``developing``) for the
    PolNeAR month; empty without the file or without that level in it."""
    path = polnear_gold_path(month, split)
    return dict(json.loads(path.read_text()).get(GOLD_LEVELS[level], {})) if path.exists() else {}


def analyse_polnear(month: str, split: str = "dev") -> tuple[list[ArticleAnalysis], dict[str, str]]:
    """Ingest (with publisher and date from ``metadata.tsv`` as a metadata CSV) and the per-article stages
    over the labelled files of ``month``, and the gold event of each article id."""
    from storyline.pipeline import run_article_stages
    from storyline.stages.ingest import iter_inputs

    labels = polnear_gold(month, split)
    paths = [POLNEAR / split / "text" / f"{name}.txt" for name in sorted(labels)]
    with tempfile.TemporaryDirectory() as folder:
        meta_csv = Path(folder) / "meta.csv"
        _write_polnear_metadata(meta_csv, set(labels))
        articles = [item for item in iter_inputs(paths, meta_csv=meta_csv) if isinstance(item, Article)]
    analyses = list(run_article_stages(articles))
    return analyses, gold_by_article(analyses, labels)


def gold_by_article(analyses: Sequence[ArticleAnalysis], labels: dict[str, str]) -> dict[str, str]:
    """Article id → the label of its file name, for the analysed articles whose file is labelled."""
    named = {analysis.article.id: Path(analysis.article.path or "").stem for analysis in analyses}
    return {article_id: labels[name] for article_id, name in named.items() if name in labels}


def _write_polnear_metadata(meta_csv: Path, names: set[str]) -> None:
    with (POLNEAR / "metadata.tsv").open(newline="", encoding="utf-8") as stream:
        rows = [row for row in csv.DictReader(stream, delimiter="\t") if row["filename"] in names]
    with meta_csv.open("w", newline="", encoding="utf-8") as stream:
        writer = csv.writer(stream)
        writer.writerow(["path", "outlet", "published"])
        for row in rows:
            text = POLNEAR / row["compartment"] / "text" / f"{row['filename']}.txt"
            writer.writerow([str(text), row["publisher"], row["publication_date"]])


def score_clusters(
    analyses: Sequence[ArticleAnalysis], gold: dict[str, str], settings: Settings, show_errors: bool = False
) -> Scores:
    """Resolve entities and cluster the analyses as one collection; B³ of the articles in ``gold``. With
    ``show_errors``, print each article placed in a story whose other members mostly report another event,
    then each gold event spread over several stories."""
    from storyline.stages.entities.resolve import resolve_entities
    from storyline.stages.stories.cluster import cluster_stories

    entities = resolve_entities([mention for analysis in analyses for mention in analysis.mentions])
    stories = cluster_stories(analyses, entities, settings.stories)
    if show_errors:
        print_false_joins(analyses, [story.articles for story in stories], gold)
        print_split_events(analyses, [story.articles for story in stories], gold)
    predicted = {article_id: story.id for story in stories for article_id in story.articles}
    return b_cubed(gold, {article_id: predicted[article_id] for article_id in gold})


def brief_stories(analyses: Sequence[ArticleAnalysis], settings: Settings) -> dict[str, list[Story]]:
    """The stories at each level as the brief builds them (``pipeline.build_brief``): the entities over every
    article, the event stories, then the developing stories shown over them."""
    from storyline.pipeline import resolve_all_entities
    from storyline.stages.stories.cluster import cluster_stories
    from storyline.stages.stories.developing import shown_stories

    entities = resolve_all_entities(analyses, settings)
    event_stories = cluster_stories(analyses, entities, settings.stories)
    return {
        "event": event_stories,
        "developing": shown_stories(event_stories, analyses, entities, settings.stories),
    }


def score_levels(stories_at: dict[str, list[Story]], golds: dict[str, dict[str, str]]) -> dict[str, Scores]:
    """B³ of each level in ``golds`` (level → article id → gold key) against the stories at that level."""
    scores = {}
    for level, gold in golds.items():
        predicted = {article_id: story.id for story in stories_at[level] for article_id in story.articles}
        scores[level] = b_cubed(gold, {article_id: predicted[article_id] for article_id in gold})
    return scores


def print_false_joins(
    analyses: Sequence[ArticleAnalysis], stories: Sequence[Sequence[str]], gold: dict[str, str]
) -> None:
    """Per story of more than one gold event: its main event, then each member of another event, with the
    first line of each text (truncated) and its lead's trigger lemmas."""
    line = _article_line(analyses, gold)
    wrong = 0
    for members in stories:
        events = Counter(gold[article] for article in members if article in gold)
        if len(events) < 2:
            continue
        main = events.most_common(1)[0][0]
        print(f"story of {main} ({events[main]} of {sum(events.values())}):", line(members[0]))
        for article in members:
            if article in gold and gold[article] != main:
                wrong += 1
                print("   joined:", line(article))
    print(f"{wrong} articles joined a story of another event")


def print_split_events(
    analyses: Sequence[ArticleAnalysis], stories: Sequence[Sequence[str]], gold: dict[str, str]
) -> None:
    """Per gold event whose articles lie in several stories (what costs recall): each article with the story
    it was placed in and its publication date, so that follow-ups and reaction pieces kept apart show."""
    line = _article_line(analyses, gold)
    story_of = {article: number for number, members in enumerate(stories) for article in members}
    published = {analysis.article.id: analysis.article.published for analysis in analyses}
    members_of: dict[str, list[str]] = {}
    for article in sorted(gold, key=lambda article: (published[article] or "", article)):
        members_of.setdefault(gold[article], []).append(article)
    split = 0
    for event, members in members_of.items():
        if len({story_of[article] for article in members}) < 2:
            continue
        split += 1
        print(f"event {event} in {len({story_of[article] for article in members})} stories:")
        for article in members:
            print(f"   story {story_of[article]} {published[article]}:", line(article))
    print(f"{split} events spread over several stories")


def _article_line(analyses: Sequence[ArticleAnalysis], gold: dict[str, str]) -> Callable[[str], str]:
    """How an article is shown in the error listings: id, gold event, first line (truncated), triggers."""
    by_id = {analysis.article.id: analysis for analysis in analyses}

    def line(article_id: str) -> str:
        analysis = by_id[article_id]
        first = (analysis.article.title or analysis.article.text.strip().split("\n", 1)[0])[:80]
        return f"{article_id} [{gold[article_id]}] {first!r} triggers {list(analysis.triggers)}"

    return line


def _topics(spec: str) -> list[int]:
    first, _, last = spec.partition("-")
    return list(range(int(first), int(last or first) + 1))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-embeddings", action="store_true", help="score the lexical+entity fallback")
    parser.add_argument("--corpus", choices=["ecbplus", "polnear"], default="ecbplus")
    parser.add_argument("--topics", default="1-30", help="ECB+ topics, e.g. 1-30 (default) or 11-30")
    parser.add_argument("--month", default="2016-09", help="the hand-labelled PolNeAR month")
    parser.add_argument("--split", default="dev", help="the PolNeAR split of --month: dev (default) or train")
    parser.add_argument(
        "--level",
        choices=["event", "developing"],
        default="event",
        help="developing: also score the developing stories the brief shows (a gold with both levels)",
    )
    parser.add_argument(
        "--errors",
        action="store_true",
        help="print the articles joined to another event and the events split apart",
    )
    options = parser.parse_args()
    settings = (
        Settings(stories=StoriesSettings(embeddings=not options.no_embeddings))
        if options.no_embeddings
        else DEFAULT_SETTINGS
    )
    print(f"story embeddings: {'off' if options.no_embeddings else 'on (when installed)'}")

    gold = load_gold()
    if gold and not options.no_embeddings:
        brief = demo_brief()
        print(f"demo corpus ({len(gold)} annotated articles, {len(brief.stories)} stories found)")
        print(score_stories(brief, gold).line("B3 articles -> stories"))
    if options.corpus == "polnear":
        report_polnear(options.month, settings, options.errors, options.split, options.level)
        return
    if not ECBPLUS.is_dir():
        print(f"no ECB+ in {ECBPLUS}: skipped")
        return
    started = time.perf_counter()
    analyses, ecb_gold = analyse_ecbplus(_topics(options.topics))
    scores = score_clusters(analyses, ecb_gold, settings, options.errors)
    stories = len(set(ecb_gold.values()))
    print(
        f"ECB+ topics {options.topics}: {len(analyses)} documents, {stories} gold stories "
        f"({time.perf_counter() - started:.0f} s)"
    )
    print(scores.line("B3 documents -> stories") + "   published: none")


def report_polnear(
    month: str, settings: Settings, show_errors: bool = False, split: str = "dev", level: str = "event"
) -> None:
    """B³ of the month's event stories; with ``level`` developing, of its developing stories as well (both
    over the one clustering the brief makes)."""
    if not (POLNEAR / "metadata.tsv").is_file() or not polnear_gold(month, split, level):
        print(f"no PolNeAR in {POLNEAR} or no {level} gold for {split} {month}: skipped")
        return
    started = time.perf_counter()
    analyses, gold = analyse_polnear(month, split)
    print(
        f"PolNeAR {split} {month}: {len(analyses)} articles, {len(set(gold.values()))} hand-labelled events "
        f"({time.perf_counter() - started:.0f} s)"
    )
    if level == "event":
        scores = score_clusters(analyses, gold, settings, show_errors)
        print(scores.line("B3 articles -> events") + "   published: none")
        return
    developing = gold_by_article(analyses, polnear_gold(month, split, "developing"))
    print(f"{len(set(developing.values()))} hand-labelled developing stories")
    golds = {"event": gold, "developing": developing}
    for scored, scores in score_levels(brief_stories(analyses, settings), golds).items():
        print(scores.line(f"B3 articles -> {scored} stories") + "   published: none")


if __name__ == "__main__":
    main()
