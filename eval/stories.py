"""Score the stories stage on the demo corpus gold: B³ precision/recall/F1 of articles → stories.

python eval/stories.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from eval.common import Scores, b_cubed, demo_brief, gold_articles, require_gold
from storyline.records import Brief


def score_stories(brief: Brief, gold: list[dict[str, object]]) -> Scores:
    story_of = {article_id: story.id for story in brief.stories for article_id in story.articles}
    pairs = gold_articles(brief, gold)
    gold_cluster = {article.id: str(entry["story"]) for entry, article in pairs}
    predicted_cluster = {article.id: story_of[article.id] for _entry, article in pairs}
    return b_cubed(gold_cluster, predicted_cluster)


def main() -> None:
    gold = require_gold()
    brief = demo_brief()
    print(f"stories on the demo corpus ({len(gold)} annotated articles, {len(brief.stories)} stories found)")
    print(score_stories(brief, gold).line("B3 articles -> stories"))


if __name__ == "__main__":
    main()
