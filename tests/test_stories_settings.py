"""The stories stage's tuned lengths and bounds are settings (issue #14): changing one changes the profile."""

import dataclasses

from factories import make_article, make_mention

from storyline.config import DEFAULT_SETTINGS
from storyline.records import ArticleAnalysis
from storyline.stages.stories.cluster import profile_articles
from storyline.stages.stories.names import actor_keys

SETTINGS = DEFAULT_SETTINGS.stories


def test_acronym_letters_come_from_the_settings() -> None:
    red_cross = [make_mention("Red Cross", "ORG")]
    assert actor_keys(red_cross, {}) == {"red cross"}  # two letters: too many bodies to say which
    two_letters = dataclasses.replace(SETTINGS, min_acronym_letters=2)
    assert actor_keys(red_cross, {}, two_letters) == {"red cross", "rc"}


def test_lead_words_come_from_the_settings() -> None:
    article = make_article(
        "Quarry workers walked out at Brenholt. Later, the ferry to Aldmere was cancelled."
    )
    analysis = ArticleAnalysis(article=article)
    (whole,) = profile_articles([analysis], None)
    (short,) = profile_articles([analysis], None, settings=dataclasses.replace(SETTINGS, lead_words=6))
    assert {"quarry", "brenholt", "ferry", "aldmere"} <= whole.words
    assert "quarry" in short.words and "brenholt" in short.words
    assert "ferry" not in short.words and "aldmere" not in short.words
