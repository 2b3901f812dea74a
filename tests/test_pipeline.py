"""End to end through the library: the demo corpus and the real seeds, checked against the contract."""

from __future__ import annotations

from pathlib import Path

import pytest

import storyline
from storyline.pipeline import AlreadyStored, ingest_into, refresh_store
from storyline.records import Brief
from storyline.report.json_report import validate_brief
from storyline.store import Store

REPO = Path(__file__).resolve().parents[1]
DEMO = REPO / "examples" / "demo"
SEEDS = REPO.parent / "shared" / "seeds"


def assert_spans_slice_text(brief: Brief) -> None:
    text_of = {article.id: article.text for article in brief.articles}
    for entity in brief.entities:
        for mention in entity.mentions:
            assert text_of[mention.article][mention.start : mention.end] == mention.text
    for claim in brief.claims:
        text = text_of[claim.article]
        assert text[claim.start : claim.end] == claim.text
        assert text[claim.cue_start : claim.cue_end] == claim.cue or claim.cue_end > claim.cue_start
        if claim.speaker_start is not None and claim.speaker_end is not None:
            assert text[claim.speaker_start : claim.speaker_end] == claim.speaker_text
        for quantity in claim.quantities:
            assert text[quantity.start : quantity.end] == quantity.text
        for time in claim.times:
            assert text[time.start : time.end] == time.text
    for article in brief.articles:
        for fragment in article.foreign_fragments:
            assert article.text[fragment.start : fragment.end] == fragment.text


def test_demo_brief_is_complete_and_valid(demo_brief: Brief) -> None:
    validate_brief(demo_brief.to_dict())
    assert len(demo_brief.articles) >= 15
    assert len(demo_brief.stories) >= 3
    assert demo_brief.entities and demo_brief.claims and demo_brief.copies
    assert any(story.questions for story in demo_brief.stories)
    assert any(story.timeline for story in demo_brief.stories)
    assert_spans_slice_text(demo_brief)


def test_rerun_with_a_store_skips_stored_articles(tmp_path: Path) -> None:
    db = tmp_path / "store.sqlite"
    first = storyline.analyze([DEMO], db=db)
    seen: list[object] = []
    second = storyline.analyze([DEMO], db=db, on_progress=lambda done, item: seen.append(item))
    assert [a.id for a in second.articles] == [a.id for a in first.articles]
    assert all(not hasattr(item, "text") for item in seen)  # nothing re-analysed; only skips reported
    reported = [item.article_id for item in seen if isinstance(item, AlreadyStored)]
    assert sorted(reported) == sorted(article.id for article in first.articles)


def test_texts_in_memory() -> None:
    brief = storyline.analyze(
        [
            "Port strike spreads\nThe union said 9,000 workers joined the strike on Monday, "
            "according to its chairwoman Ana Petrova.",
        ]
    )
    assert len(brief.articles) == 1 and brief.articles[0].title == "Port strike spreads"
    assert_spans_slice_text(brief)


def test_a_refresh_not_kept_gives_the_same_brief_and_writes_nothing(tmp_path: Path) -> None:
    """``analyze`` into a temporary store skips writing the cross-article results; the brief is the same."""
    with Store.open(tmp_path / "store.sqlite") as store:
        ingest_into(store, ["Port strike spreads\nThe union said 9,000 workers joined the strike on Monday."])
        unkept = refresh_store(store, keep_results=False)
        assert store.count_articles_outside_stories() == 1  # no stored story holds the article yet
        assert refresh_store(store) == unkept
        assert store.count_articles_outside_stories() == 0


@pytest.fixture(scope="module")
def seeds_brief() -> Brief:
    if not SEEDS.is_dir():
        pytest.skip(f"the seed articles are not at {SEEDS}")
    return storyline.analyze([SEEDS])


def test_seeds_brief(seeds_brief: Brief) -> None:
    validate_brief(seeds_brief.to_dict())
    assert len(seeds_brief.articles) == 5
    assert_spans_slice_text(seeds_brief)
    credits = {credit.outlet for article in seeds_brief.articles for credit in article.credits}
    assert {"Do Rzeczy", "LRT"} <= credits
    fragments = [f for article in seeds_brief.articles for f in article.foreign_fragments]
    assert any(f.language == "pl" and "żołnierzy" in f.text for f in fragments)
    all_text = "\n".join(article.text for article in seeds_brief.articles)
    for boilerplate in ("Recent Posts", "renowned economist", "Subscribe now", "#North", "MonsterInsights"):
        assert boilerplate not in all_text
    values = {q.value for claim in seeds_brief.claims for q in claim.quantities}
    assert {10000, 11000, 12000} <= values
    assert any(story.questions for story in seeds_brief.stories)
    assert any(story.timeline for story in seeds_brief.stories)
