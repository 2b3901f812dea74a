"""Score the stories stage: B³ precision/recall/F1 of articles → stories.

On the demo corpus gold, and on ECB+ (``../shared/data/ecbplus``, topics 1–30) when present: every
document is an article, and topic × subset (``*ecb.xml`` / ``*ecbplus.xml``) is one gold story — the two
subsets of a topic are similar but different events, the hard negatives. No published figure exists for
document → story clustering on ECB+ (the data README found none); we print "none published".

python eval/stories.py [--no-embeddings] [--topics 1-30]
"""

from __future__ import annotations

import argparse
import re
import sys
import time
import xml.etree.ElementTree as ElementTree
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from eval.common import SHARED_DATA, Scores, b_cubed, demo_brief, gold_articles, load_gold
from storyline.config import DEFAULT_SETTINGS, Settings, StoriesSettings
from storyline.records import Article, ArticleAnalysis, Brief

ECBPLUS = SHARED_DATA / "ecbplus"
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


def score_ecbplus(analyses: Sequence[ArticleAnalysis], gold: dict[str, str], settings: Settings) -> Scores:
    from storyline.stages.entities.resolve import resolve_entities
    from storyline.stages.stories.cluster import cluster_stories

    entities = resolve_entities([mention for analysis in analyses for mention in analysis.mentions])
    stories = cluster_stories(analyses, entities, settings.stories)
    predicted = {article_id: story.id for story in stories for article_id in story.articles}
    return b_cubed(gold, {article_id: predicted[article_id] for article_id in gold})


def _topics(spec: str) -> list[int]:
    first, _, last = spec.partition("-")
    return list(range(int(first), int(last or first) + 1))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-embeddings", action="store_true", help="score the lexical+entity fallback")
    parser.add_argument("--topics", default="1-30", help="ECB+ topics, e.g. 1-30 (default) or 11-30")
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
    if not ECBPLUS.is_dir():
        print(f"no ECB+ in {ECBPLUS}: skipped")
        return
    started = time.perf_counter()
    analyses, ecb_gold = analyse_ecbplus(_topics(options.topics))
    scores = score_ecbplus(analyses, ecb_gold, settings)
    stories = len(set(ecb_gold.values()))
    print(
        f"ECB+ topics {options.topics}: {len(analyses)} documents, {stories} gold stories "
        f"({time.perf_counter() - started:.0f} s)"
    )
    print(scores.line("B3 documents -> stories") + "   published: none")


if __name__ == "__main__":
    main()
