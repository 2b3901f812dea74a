"""The store against real SQLite files: round trips, idempotence, atomicity, bad files, a killed writer."""

from __future__ import annotations

import dataclasses
import os
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from factories import make_article, make_claim, make_mention, make_position, make_quantity, make_time, span_of
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy.exc import IntegrityError

from storyline.errors import StorylineStoreError
from storyline.records import (
    Article,
    ArticleAnalysis,
    CopyEdge,
    Credit,
    Entity,
    ForeignFragment,
    Question,
    RemovedLine,
    Story,
    StoryTrack,
    TimeExpr,
    TimelineEntry,
)
from storyline.store import Store
from storyline.store.tables import SCHEMA_VERSION

ARTICLE_TABLES = (
    "articles",
    "removed_lines",
    "credits",
    "foreign_fragments",
    "mentions",
    "claims",
    "quantities",
    "claim_times",
    "time_expressions",
)
TESTS_DIR = Path(__file__).resolve().parent


# --- records built by hand ------------------------------------------------------------------------------


def full_analysis(article_id: str, outlet: str = "Kyiv Independent") -> ArticleAnalysis:
    """An analysis with every field filled, in text full of quotes, accents, emoji and apostrophes."""
    text = (
        'Ukraine’s HUR said "about 11,000 North Korean troops" had reached Kursk 🇰🇵 on Friday.\n'
        "Seoul’s NIS allegedly put it at 12'000; O'Brien denied it — «c’est faux».\n"
        "Wojsko podało, że żołnierze już są na miejscu."
    )
    article = make_article(
        text,
        id=article_id,
        path=f"/corpus/{article_id} «quoted» 'file'.txt",
        url=f'https://example.org/news/{article_id}?q="x"&lang=uk',
        title="North Korean troops 🪖 reach Kursk — “officials”",
        outlet=outlet,
        author="Olena Ковальчук",
        published="2024-10-21",
        published_inferred=True,
        language="en",
        removed=(
            RemovedLine("Follow us on Telegram 👉 @kyiv", "subscribe-prompt"),
            RemovedLine("#Ukraine #Kursk", "hashtags"),
        ),
        credits=(Credit("source", "Do Rzeczy", "Source: Do Rzeczy"), Credit("via", "LRT")),
        foreign_fragments=(
            ForeignFragment(
                "Wojsko podało, że żołnierze już są na miejscu.", "pl", span_of(text, "Wojsko")[0], len(text)
            ),
        ),
    )
    friday = make_time("Friday", "2024-10-18", within=text)
    first_claim = make_claim(
        "about 11,000 North Korean troops",
        article=article,
        id=f"{article_id}:c1",
        speaker_text="Ukraine’s HUR",
        speaker="e-hur",
        quote="mixed",
        modality="asserted",
        quantities=(
            # what the worker read off the parse (schema 7): a predicate, or "" when the parse gave none
            dataclasses.replace(
                make_quantity("about 11,000", 11000.0, within=text, approx=True),
                predicate="had reached Kursk",
            ),
            # and whether it is an earlier value of a chain of change (schema 8)
            dataclasses.replace(
                make_quantity("troops", 0.25, within=text, unit="percent", earlier_in_chain=True),
                predicate="",
            ),
        ),
        times=(friday,),
        finite_verbs=(0, 14),
        signed="post",  # the signed text the claims stage found it in (schema 10)
    )
    second_claim = make_claim(
        "it at 12'000",
        article=article,
        id=f"{article_id}:c2",
        cue="put",
        modality="hedged",
        quantities=(make_quantity("12'000", 12000.0, within=text),),
        finite_verbs=(),
    )
    return ArticleAnalysis(
        article=article,
        mentions=(
            make_mention("Ukraine’s HUR", "ORG", article=article),
            make_mention("O'Brien", article=article),
            make_mention("Kursk", "GPE", article=article),
        ),
        claims=(first_claim, second_claim),
        times=(friday, TimeExpr("already", 0, 0, None, "unknown")),
        triggers=("reach", "troop"),
    )


def cross_article_results(
    article_ids: list[str], tag: str
) -> tuple[list[Entity], list[CopyEdge], list[Story]]:
    """Entities, copies and stories over two articles, every field filled; ``tag`` makes runs differ."""
    first, second = article_ids
    entities = [
        Entity(
            id=f"e-hur-{tag}",
            name="Kyrylo Budanov",
            type="PERSON",
            aliases=("Budanov", "Буданов", "the head of Ukrainian military intelligence"),
            roles=("head of HUR",),
            mentions=(
                make_mention("Ukraine’s HUR", "ORG", article=first),
                make_mention("Ukraine’s HUR", "ORG", article=second),
            ),
        ),
        Entity(id=f"e-kursk-{tag}", name="Kursk 🇷🇺", type="GPE"),
    ]
    copies = [
        CopyEdge(second, first, "near-duplicate", 0.8734),
        CopyEdge(second, "Do Rzeczy", "syndicated", 1.0),
    ]
    positions = (
        make_position(
            f"{first}:c1",
            speakers=(f"e-hur-{tag}",),
            outlets=("Kyiv Independent",),
            value=11000.0,
            earliest="2024-10-18",
        ),
        make_position(
            f"{first}:c2",
            f"{second}:c2",
            speakers=("O'Brien", "Seoul’s NIS"),
            outlets=("Yonhap", "LRT"),
            independent_sources=2,
            stance="deny",
        ),
    )
    stories = [
        Story(
            id=f"s-kursk-{tag}",
            title="North Korean troops in Kursk “confirmed”?",
            articles=(first, second),
            questions=(
                Question(f"q1-{tag}", "How many troops?", "personnel", "contested", "two values", positions),
                Question(f"q2-{tag}", "Did they arrive?", None, "single-source", "one outlet"),
            ),
            timeline=(
                TimelineEntry(
                    "2024-10-18", "day", "Troops reach Kursk", (f"{first}:c1",), (first,), inferred=True
                ),
                TimelineEntry("2024-10", "month", "Reports 🛰", (), (first, second)),
            ),
        ),
        Story(id=f"s-empty-{tag}", title="", articles=(second,)),
    ]
    return entities, copies, stories


def bulk_analysis(number: int) -> ArticleAnalysis:
    """Article ``number`` of the kill test: its claim and quantity counts follow from its number, so a
    survivor of the kill can be checked for completeness."""
    article_id = f"bulk-{number:06d}"
    text = "Officials said 1,000 troops arrived. " * 20
    article = make_article(text, id=article_id, title=f"Bulk {number}")
    claims = tuple(
        make_claim(
            "1,000 troops arrived",
            article=article,
            id=f"{article_id}:c{claim_number}",
            speaker_text="Officials",
            quantities=tuple(make_quantity("1,000", 1000.0 + q, within=text) for q in range(1 + number % 3)),
        )
        for claim_number in range(1 + number % 40)
    )
    mentions = (make_mention("Officials", "ROLE", article=article),)
    return ArticleAnalysis(article, mentions, claims)


def row_counts(db_path: Path, tables: tuple[str, ...] = ARTICLE_TABLES) -> dict[str, int]:
    connection = sqlite3.connect(db_path)
    try:
        return {table: connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in tables}
    finally:
        connection.close()


# --- per-article analyses -------------------------------------------------------------------------------


def test_round_trip_keeps_every_field_and_insertion_order(tmp_path: Path) -> None:
    # Ids sort opposite to insertion order, so ordering by id would fail this test.
    saved = [full_analysis("zz-second-id"), full_analysis("aa-first-id", outlet="Yonhap"), bulk_analysis(3)]
    with Store.open(tmp_path / "store.db") as store:
        for analysis in saved:
            store.save_analysis(analysis)
        assert store.load_analyses() == saved
        assert store.count_articles() == 3
        assert store.has_article("aa-first-id")
        assert not store.has_article("aa-first-id ")


def test_an_analysis_with_nothing_found_round_trips(tmp_path: Path) -> None:
    bare = ArticleAnalysis(Article(id="bare", text=""))
    with Store.open(tmp_path / "store.db") as store:
        store.save_analysis(bare)
        assert store.load_analyses() == [bare]


def test_saving_an_article_again_changes_nothing(tmp_path: Path) -> None:
    db_path = tmp_path / "store.db"
    analysis = full_analysis("a1")
    with Store.open(db_path) as store:
        store.save_analysis(analysis)
        counts_once = row_counts(db_path)
        store.save_analysis(analysis)
        # Same id, other content: the stored article is kept as it was.
        store.save_analysis(ArticleAnalysis(Article(id="a1", text="something else")))
        assert row_counts(db_path) == counts_once
        assert store.load_analyses() == [analysis]
    assert counts_once["claims"] == 2 and counts_once["quantities"] == 3


def test_a_chunk_saved_at_once_is_the_articles_saved_one_by_one(tmp_path: Path) -> None:
    chunk = [full_analysis("zz-second-id"), full_analysis("aa-first-id", outlet="Yonhap"), bulk_analysis(3)]
    with Store.open(tmp_path / "one-by-one.db") as store:
        for analysis in chunk:
            store.save_analysis(analysis)
    with Store.open(tmp_path / "chunk.db") as store:
        store.save_analysis(chunk[1])
        # one already held, one twice in the chunk: each stored once, in the chunk's order after the held
        assert store.save_analyses([chunk[0], chunk[1], chunk[2], chunk[0]]) == [True, False, True, False]
        assert store.load_analyses() == [chunk[1], chunk[0], chunk[2]]
        assert store.save_analyses([]) == []
    assert row_counts(tmp_path / "chunk.db") == row_counts(tmp_path / "one-by-one.db")


def test_a_save_failing_midway_leaves_no_partial_article(tmp_path: Path) -> None:
    db_path = tmp_path / "store.db"
    good = full_analysis("good")
    broken_claim = make_claim("t", article="not-stored", id="x:c1")
    # The article row, its removed lines, credits and mentions go in before the claim breaks the foreign key.
    broken = ArticleAnalysis(
        article=dataclasses.replace(good.article, id="broken"),
        mentions=(make_mention("Ukr", "GPE", article="broken"),),
        claims=(broken_claim,),
    )
    with Store.open(db_path) as store:
        store.save_analysis(good)
        counts_before = row_counts(db_path)
        with pytest.raises(IntegrityError):
            store.save_analysis(broken)
        assert not store.has_article("broken")
        assert row_counts(db_path) == counts_before
        assert store.load_analyses() == [good]


def test_reopening_a_file_keeps_its_data(tmp_path: Path) -> None:
    db_path = tmp_path / "store.db"
    with Store.open(str(db_path)) as store:
        store.save_analysis(full_analysis("kept"))
    with Store.open(db_path) as store:
        assert store.has_article("kept")
        assert store.load_analyses() == [full_analysis("kept")]
    with Store.open(f"sqlite:///{db_path}") as store:  # the same file through a URL
        assert store.count_articles() == 1


def test_a_file_store_uses_wal_journal(tmp_path: Path) -> None:
    with Store.open(tmp_path / "store.db") as store:
        store.save_analysis(bulk_analysis(1))
    connection = sqlite3.connect(tmp_path / "store.db")
    assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    connection.close()


def test_temporary_store_is_removed_on_close(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    with Store.open(None) as store:
        store.save_analysis(full_analysis("temp"))
        assert store.load_analyses() == [full_analysis("temp")]
        assert list(tmp_path.iterdir())
    assert list(tmp_path.iterdir()) == []


def test_in_memory_url_works() -> None:
    with Store.open("sqlite://") as store:
        store.save_analysis(bulk_analysis(5))
        assert store.load_analyses() == [bulk_analysis(5)]


texts = st.text(st.characters(exclude_categories=["Cs"]), max_size=40)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(article_id=texts.filter(bool), text=texts, title=st.none() | texts, reason=texts)
def test_any_text_round_trips(
    tmp_path: Path, article_id: str, text: str, title: str | None, reason: str
) -> None:
    analysis = ArticleAnalysis(
        Article(id=article_id, text=text, title=title, removed=(RemovedLine(text, reason),)),
        mentions=(make_mention(text, reason, article=article_id),),
    )
    with Store.open("sqlite://") as store:
        store.save_analysis(analysis)
        assert store.load_analyses() == [analysis]


# --- cross-article results ------------------------------------------------------------------------------


def test_cross_article_round_trip_and_replacement(tmp_path: Path) -> None:
    db_path = tmp_path / "store.db"
    ids = ["a1", "a2"]
    first_run = cross_article_results(ids, "one")
    second_run = cross_article_results(ids, "two")
    second_run[0].pop()  # the second run finds fewer entities: none of the first run's may linger
    with Store.open(db_path) as store:
        for article_id in ids:
            store.save_analysis(full_analysis(article_id))
        assert store.load_cross_article() == ([], [], [])
        store.save_cross_article(*first_run)
        assert store.load_cross_article() == first_run
        store.save_cross_article(*second_run)
        assert store.load_cross_article() == second_run
    with Store.open(db_path) as store:
        assert store.load_cross_article() == second_run
    counts = row_counts(
        db_path, ("entities", "entity_aliases", "entity_mentions", "positions", "timeline_entries")
    )
    assert counts == {
        "entities": 1,
        "entity_aliases": 3,
        "entity_mentions": 2,
        "positions": 2,
        "timeline_entries": 2,
    }


def test_failed_cross_article_save_keeps_previous_results(tmp_path: Path) -> None:
    with Store.open(tmp_path / "store.db") as store:
        store.save_analysis(full_analysis("a1"))
        store.save_analysis(full_analysis("a2"))
        previous = cross_article_results(["a1", "a2"], "one")
        store.save_cross_article(*previous)
        entities, copies, stories = cross_article_results(["a1", "a2"], "two")
        with pytest.raises(IntegrityError):  # two entities with one id
            store.save_cross_article([*entities, entities[0]], copies, stories)
        assert store.load_cross_article() == previous


# --- files that are not (usable) stores -----------------------------------------------------------------


def test_missing_directory_is_a_store_error(tmp_path: Path) -> None:
    with pytest.raises(StorylineStoreError) as caught:
        Store.open(tmp_path / "no-such-dir" / "store.db")
    assert caught.value.reason == "directory does not exist"


def test_a_text_file_is_not_a_database(tmp_path: Path) -> None:
    not_a_database = tmp_path / "notes.db"
    not_a_database.write_text("Officials said 11,000 troops arrived.\n" * 100, encoding="utf-8")
    with pytest.raises(StorylineStoreError) as caught:
        Store.open(not_a_database)
    assert caught.value.reason.startswith("not a Storyline database (")
    assert caught.value.location == str(not_a_database)


def test_opening_without_create_refuses_a_missing_or_empty_store_and_creates_nothing(tmp_path: Path) -> None:
    missing = tmp_path / "typo.db"
    with pytest.raises(StorylineStoreError, match="no such store"):
        Store.open(missing, create=False)
    with pytest.raises(StorylineStoreError, match="no such store"):
        Store.open(f"sqlite:///{missing}", create=False)
    assert not missing.exists()
    empty = tmp_path / "empty.db"
    sqlite3.connect(empty).close()
    with pytest.raises(StorylineStoreError, match="it is empty"):
        Store.open(empty, create=False)
    assert not sqlite3.connect(empty).execute("SELECT name FROM sqlite_master").fetchall()
    Store.open(empty).close()  # created by a writer, it then opens for reading
    Store.open(empty, create=False).close()


def test_someone_elses_sqlite_database_is_refused_untouched(tmp_path: Path) -> None:
    other = tmp_path / "other.db"
    connection = sqlite3.connect(other)
    connection.execute("CREATE TABLE recipes (name TEXT)")
    connection.commit()
    connection.close()
    with pytest.raises(StorylineStoreError, match="not a Storyline database"):
        Store.open(other)
    assert row_counts(other, ("recipes",)) == {"recipes": 0}
    assert "articles" not in {
        row[0] for row in sqlite3.connect(other).execute("SELECT name FROM sqlite_master")
    }


def test_a_newer_schema_version_is_refused(tmp_path: Path) -> None:
    db_path = tmp_path / "store.db"
    Store.open(db_path).close()
    connection = sqlite3.connect(db_path)
    connection.execute("UPDATE schema_version SET version = version + 1")
    connection.commit()
    connection.close()
    with pytest.raises(StorylineStoreError, match="newer than this Storyline reads"):
        Store.open(db_path)


# The columns schema 6 added: the lead's event triggers of an article, their counts per story track.
SCHEMA_6_COLUMNS = [("articles", "triggers"), ("story_tracks", "trigger_counts")]
# The columns schema 7 added: what the ledger reads off the worker's parse instead of parsing again.
SCHEMA_7_COLUMNS = [("claims", "finite_verbs"), ("quantities", "predicate")]
# The column schema 8 added: the rare actors a story's members are about, counted per story track.
SCHEMA_8_COLUMNS = [("story_tracks", "salient_counts")]
# The column schema 9 added: the quantities stage's mark of an earlier value of a chain of change.
SCHEMA_9_COLUMNS = [("quantities", "earlier_in_chain")]
# The column schema 10 added: the claims stage's mark of a reader's letter or an embedded post.
SCHEMA_10_COLUMNS = [("claims", "signed")]


def as_before_schema_7(analysis: ArticleAnalysis) -> ArticleAnalysis:
    """``analysis`` as a store older than schema 7 reads it back: no finite verbs, no predicates."""
    claims = tuple(
        dataclasses.replace(
            claim,
            finite_verbs=None,
            quantities=tuple(dataclasses.replace(q, predicate=None) for q in claim.quantities),
        )
        for claim in analysis.claims
    )
    return dataclasses.replace(analysis, claims=claims)


def downgrade(db_path: Path, version: int, columns: list[tuple[str, str]]) -> None:
    """Make a store look as an older Storyline wrote it: without ``columns``, at ``version``."""
    connection = sqlite3.connect(db_path)
    for table, column in columns:
        connection.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
    connection.execute("DELETE FROM schema_version")
    connection.execute("INSERT INTO schema_version (version) VALUES (?)", (version,))
    connection.commit()
    connection.close()


def test_a_store_of_the_previous_schema_is_upgraded_in_place(tmp_path: Path) -> None:
    db_path = tmp_path / "store.db"
    with Store.open(db_path) as store:
        store.save_analysis(full_analysis("first"))
    # As schema 1 wrote it: time expressions had no TimeML columns.
    columns = [
        (table, column) for table in ("time_expressions", "claim_times") for column in ("type", "value")
    ]
    columns += [("positions", "speaker_texts"), ("claims", "kind")]  # added by schemas 3 and 5
    downgrade(db_path, 1, columns + SCHEMA_6_COLUMNS + SCHEMA_7_COLUMNS + SCHEMA_8_COLUMNS)
    with Store.open(db_path) as store:
        assert store.load_analyses() == [
            as_before_schema_7(dataclasses.replace(full_analysis("first"), triggers=()))
        ]
        store.save_analysis(full_analysis("second"))
    with Store.open(db_path) as store:
        assert [a.article.id for a in store.load_analyses()] == ["first", "second"]


def test_a_schema_5_store_upgrades_to_event_triggers_keeping_its_data(tmp_path: Path) -> None:
    """Schema 6 adds the lead's event triggers (articles) and their counts per story track: a store written
    before them opens with every article and track as it was, reading "no triggers", and takes new ones."""
    db_path = tmp_path / "store.db"
    track = StoryTrack(
        id="s-1",
        title="Troops reach Kursk",
        articles=("first",),
        representative="first",
        representative_score=0.5,
        first_date="2024-10-21",
        last_date="2024-10-21",
        vector_sum=(0.5, -0.25),
        actor_counts=(("kursk", 1),),
        word_counts=(("troops", 1),),
        trigger_counts=(("reach", 1),),
    )
    with Store.open(db_path) as store:
        store.save_analysis(full_analysis("first"))
        store.save_story_placement("first", 1.0, [track])
    downgrade(db_path, 5, SCHEMA_6_COLUMNS)
    with Store.open(db_path) as store:
        assert store.load_analyses() == [dataclasses.replace(full_analysis("first"), triggers=())]
        assert store.load_story_tracks() == [dataclasses.replace(track, trigger_counts=())]
        store.save_analysis(full_analysis("second"))
        store.save_story_placement("second", 0.4, [dataclasses.replace(track, articles=("first", "second"))])
    with Store.open(db_path) as store:
        assert store.load_analyses()[1] == full_analysis("second")
        assert store.load_story_tracks()[0].trigger_counts == (("reach", 1),)
    connection = sqlite3.connect(db_path)
    assert connection.execute("SELECT max(version) FROM schema_version").fetchone() == (SCHEMA_VERSION,)
    connection.close()


def test_a_schema_6_store_upgrades_to_parse_fields_and_the_ledger_reads_them_absent(tmp_path: Path) -> None:
    """Schema 7 adds a claim's finite verbs and a quantity's predicate: a store written before them opens
    with every claim and quantity as it was, the new fields None (the ledger then parses, as before), and
    keeps them for articles saved after the upgrade."""
    db_path = tmp_path / "store.db"
    with Store.open(db_path) as store:
        store.save_analysis(full_analysis("first"))
    downgrade(db_path, 6, SCHEMA_7_COLUMNS)
    with Store.open(db_path) as store:
        old = store.load_analyses()[0]
        assert old == as_before_schema_7(full_analysis("first"))
        assert old.claims[0].finite_verbs is None and old.claims[0].quantities[0].predicate is None
        store.save_analysis(full_analysis("second"))
    with Store.open(db_path) as store:
        assert store.load_analyses()[1] == full_analysis("second")
        assert store.load_analyses()[1].claims[1].finite_verbs == ()  # none found is not "not read"
    connection = sqlite3.connect(db_path)
    assert connection.execute("SELECT max(version) FROM schema_version").fetchone() == (SCHEMA_VERSION,)
    connection.close()


def test_a_schema_7_store_upgrades_to_salient_counts_keeping_its_tracks(tmp_path: Path) -> None:
    """Schema 8 adds the rare actors a story's members are about: a track stored before opens with none
    (the stories stage then has no such evidence) and keeps them once saved again."""
    db_path = tmp_path / "store.db"
    track = StoryTrack(id="s-1", title="Judge rules", articles=("first",), representative="first")
    with Store.open(db_path) as store:
        store.save_analysis(full_analysis("first"))
        store.save_story_placement("first", 1.0, [track])
    downgrade(db_path, 7, SCHEMA_8_COLUMNS)
    with Store.open(db_path) as store:
        assert store.load_story_tracks() == [track]
        about = dataclasses.replace(track, salient_counts=(("velkaroz", 1),))
        store.save_story_placement("first", 1.0, [about])
    with Store.open(db_path) as store:
        assert store.load_story_tracks()[0].salient_counts == (("velkaroz", 1),)


def reopened_after_downgrade(
    tmp_path: Path, version: int, columns: list[tuple[str, str]]
) -> tuple[ArticleAnalysis, ArticleAnalysis]:
    """``full_analysis("first")`` saved by a store downgraded to ``version`` (``downgrade``), as the upgraded
    store reads it back, and ``full_analysis("second")`` as read back once saved after the upgrade."""
    db_path = tmp_path / "store.db"
    with Store.open(db_path) as store:
        store.save_analysis(full_analysis("first"))
    downgrade(db_path, version, columns)
    with Store.open(db_path) as store:
        old = store.load_analyses()[0]
        store.save_analysis(full_analysis("second"))
    with Store.open(db_path) as store:
        return old, store.load_analyses()[1]


def test_a_schema_8_store_upgrades_to_chain_marks_reading_none(tmp_path: Path) -> None:
    """Schema 9 adds whether a quantity is an earlier value of a chain of change: a store written before it
    opens with every quantity marked as no such value, and keeps the mark for articles saved after."""
    old, new = reopened_after_downgrade(tmp_path, 8, SCHEMA_9_COLUMNS)
    assert not any(q.earlier_in_chain for claim in old.claims for q in claim.quantities)
    assert new == full_analysis("second")


def test_a_schema_9_store_upgrades_to_signed_marks_reading_none(tmp_path: Path) -> None:
    """Schema 10 adds whether a claim is a reader's letter or an embedded post: a store written before it
    opens with no claim marked (each signer a source, as that Storyline counted them), and keeps the mark
    for articles saved after."""
    old, new = reopened_after_downgrade(tmp_path, 9, SCHEMA_10_COLUMNS)
    assert [claim.signed for claim in old.claims] == [None, None]
    assert new == full_analysis("second") and new.claims[0].signed == "post"


def test_writing_to_a_read_only_database_is_a_clear_error(tmp_path: Path) -> None:
    db_path = tmp_path / "store.db"
    with Store.open(db_path) as store:
        store.save_analysis(full_analysis("first"))
    with Store.open(f"sqlite:///file:{db_path}?mode=ro&uri=true") as store:
        assert store.load_analyses() == [full_analysis("first")]
        with pytest.raises(StorylineStoreError, match="read-only"):
            store.save_analysis(full_analysis("second"))
        with pytest.raises(StorylineStoreError, match="read-only"):
            store.save_cross_article(*cross_article_results(["first", "first"], "one"))
    with Store.open(db_path) as store:
        assert store.load_analyses() == [full_analysis("first")]
        assert store.load_cross_article() == ([], [], [])


@pytest.mark.skipif(os.name != "posix", reason="POSIX file permissions")
def test_a_read_only_file_is_a_clear_error(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("root writes through file permissions; the mode=ro test covers read-only stores")
    db_path = tmp_path / "store.db"
    with Store.open(db_path) as store:
        store.save_analysis(full_analysis("first"))
    db_path.chmod(0o444)
    with Store.open(db_path) as store, pytest.raises(StorylineStoreError, match="read-only"):
        store.save_analysis(full_analysis("second"))


# --- a writer killed mid-run ----------------------------------------------------------------------------

WRITER = """
import sys
sys.path.insert(0, sys.argv[2])
from test_store import bulk_analysis
from storyline.store import Store

with Store.open(sys.argv[1]) as store:
    for number in range(1_000_000):
        store.save_analysis(bulk_analysis(number))
        if number == 50:
            print("saving", flush=True)
"""


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX")
def test_a_killed_writer_leaves_only_whole_articles(tmp_path: Path) -> None:
    db_path = tmp_path / "store.db"
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(db_path), str(TESTS_DIR)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert writer.stdout is not None
        assert writer.stdout.readline() == "saving\n", "the writer died before saving 50 articles"
        time.sleep(0.3)  # well inside the run: the kill lands while articles are being written
    finally:
        writer.send_signal(signal.SIGKILL)
        writer.wait(timeout=10)
        if writer.stdout is not None:
            writer.stdout.close()
    assert writer.returncode == -signal.SIGKILL, "the writer finished before it was killed"

    connection = sqlite3.connect(db_path)
    assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    connection.close()
    with Store.open(db_path) as store:
        stored = store.load_analyses()
        assert len(stored) == store.count_articles() > 50
    for analysis in stored:
        number = int(analysis.article.id.removeprefix("bulk-"))
        assert analysis == bulk_analysis(number)
    # Stored in order, with no gap: article n is stored only after article n - 1 committed.
    assert [analysis.article.id for analysis in stored] == [f"bulk-{n:06d}" for n in range(len(stored))]
