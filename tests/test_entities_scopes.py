"""A story's entity decisions do not depend on unrelated stories in the store (issue #17); the same actor
in two stories is still one entity."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

import pytest
from test_entities import mentions

from storyline.records import ROLE_LABEL, Mention
from storyline.stages.entities.resolve import resolve_entities
from storyline.stages.entities.scopes import story_scopes

REPO = Path(__file__).resolve().parents[1]
GENERALISE = REPO / "tests" / "data" / "generalise"
DEMO = REPO / "examples" / "demo"

# (article, start, end): a mention, compared by place, not by the id of its entity.
Partition = frozenset[frozenset[tuple[str, int, int]]]


def partition_of(found_mentions: Iterable[Mention], articles: set[str]) -> Partition:
    """How resolution groups the mentions of ``articles``: entity ids left out."""
    together: dict[str, set[tuple[str, int, int]]] = defaultdict(set)
    for entity in resolve_entities(list(found_mentions)):
        for mention in entity.mentions:
            if mention.article in articles:
                together[entity.id].add((mention.article, mention.start, mention.end))
    return frozenset(frozenset(group) for group in together.values())


@pytest.fixture(scope="module")
def mentions_by_file() -> dict[str, list[Mention]]:
    """Mentions of two development stories of tests/data/generalise and of the demo's dam story, by file."""
    from storyline import pipeline
    from storyline.config import DEFAULT_SETTINGS
    from storyline.records import Article

    files = [GENERALISE / f"{story}-0{n}.txt" for story in ("swap", "quake") for n in range(1, 4)]
    files += sorted(DEMO.glob("dam-*"))
    articles = [a for a in pipeline.iter_articles(files, DEFAULT_SETTINGS) if isinstance(a, Article)]
    return {
        Path(analysis.article.path or "").name: list(analysis.mentions)
        for analysis in pipeline.run_article_stages(articles)
    }


def test_a_story_is_resolved_the_same_alone_and_beside_unrelated_stories(
    mentions_by_file: dict[str, list[Mention]],
) -> None:
    """The prisoner-exchange story's "Red Cross" stood for the International Committee of the Red Cross
    alone, and split off once an earthquake story (the Red Cross Society of Georgia) and a dam story (the
    International Federation of Red Cross) were in the store."""
    swap = [m for name, found in mentions_by_file.items() if name.startswith("swap") for m in found]
    every = [m for found in mentions_by_file.values() for m in found]
    swap_articles = {m.article for m in swap}
    alone = partition_of(swap, swap_articles)
    assert partition_of(every, swap_articles) == alone
    red_cross = {(m.article, m.start, m.end) for m in swap if "Red Cross" in m.text}
    assert len(red_cross) >= 3 and any(red_cross <= group for group in alone)


def test_each_story_is_its_own_scope(mentions_by_file: dict[str, list[Mention]]) -> None:
    every = [m for found in mentions_by_file.values() for m in found]
    file_of = {m.article: name for name, found in mentions_by_file.items() for m in found}
    scopes = story_scopes(every, min_shared=2)
    stories = sorted(sorted({file_of[m.article].split("-")[0] for m in scope}) for scope in scopes)
    assert stories == [["dam"], ["quake"], ["swap"]]


def test_one_person_in_two_unrelated_stories_is_one_entity() -> None:
    """Articles a and b share two actors (one story), c shares only the minister with them: c is a scope of
    its own, and the minister is still one entity across the scopes."""
    found = resolve_entities(
        mentions(
            ("a", "Anna Kovalenko", "PERSON"),
            ("a", "Ukrenergo", "ORG"),
            ("a", "Petro Marchenko", "PERSON"),
            ("b", "Kovalenko", "PERSON"),
            ("b", "Ukrenergo", "ORG"),
            ("b", "Marchenko", "PERSON"),
            ("c", "Anna Kovalenko", "PERSON"),
            ("c", "Kyivstar", "ORG"),
        )
    )
    assert len(story_scopes([m for e in found for m in e.mentions], min_shared=2)) == 2
    (kovalenko,) = [e for e in found if e.name == "Anna Kovalenko"]
    assert {m.article for m in kovalenko.mentions} == {"a", "b", "c"}


def test_a_join_across_scopes_never_merges_two_entities_of_one_scope() -> None:
    """Story 1 keeps "Red Cross" and the ICRC apart (it names two full names ending in "Red Cross"); a
    second story whose "Red Cross" is one of them must not join them in story 1."""
    story_one = mentions(
        ("a", "International Committee of the Red Cross", "ORG"),
        ("a", "Valdoran Red Cross", "ORG"),
        ("a", "Mirko Halas", "PERSON"),
        ("a", "Ukrenergo", "ORG"),
        ("b", "Red Cross", "ORG"),
        ("b", "Halas", "PERSON"),
        ("b", "Ukrenergo", "ORG"),
    )
    story_two = mentions(
        ("c", "International Committee of the Red Cross", "ORG"),
        ("c", "Red Cross", "ORG"),
        ("c", "Jana Novak", "PERSON"),
    )
    articles = {"a", "b"}
    assert partition_of(story_one + story_two, articles) == partition_of(story_one, articles)


def test_a_short_name_keeps_the_full_name_of_its_story_when_another_story_brings_a_second() -> None:
    """ "Red Cross" in b is the one full name ending in it in its story (a); an unrelated story naming the
    Valdoran Red Cross must not make it ambiguous."""
    story_one = mentions(
        ("a", "International Committee of the Red Cross", "ORG"),
        ("a", "Mirko Halas", "PERSON"),
        ("a", "Ukrenergo", "ORG"),
        ("b", "Red Cross", "ORG"),
        ("b", "Mirko Halas", "PERSON"),
        ("b", "Ukrenergo", "ORG"),
    )
    story_two = mentions(("c", "Valdoran Red Cross", "ORG"), ("c", "Jana Novak", "PERSON"))
    articles = {"a", "b"}
    alone = partition_of(story_one, articles)
    assert frozenset({("a", 0, 40), ("b", 30, 39)}) in alone
    assert partition_of(story_one + story_two, articles) == alone


def two_stories_with_a_ministry(second_country: str) -> list[Mention]:
    """Two stories (two articles each, sharing two actors) each naming its own "Ministry of Health"; the
    first is set in Uzbekistan, the second in ``second_country``."""
    return mentions(
        ("a", "Ministry of Health", "ORG"),
        ("a", "Dilnoza Karimova", "PERSON"),
        ("a", "Aral Digital", "ORG"),
        ("a", "Uzbekistan", "GPE"),
        ("b", "Ministry of Health", "ORG"),
        ("b", "Karimova", "PERSON"),
        ("b", "Aral Digital", "ORG"),
        ("b", "Tashkent", "GPE"),
        ("c", "Ministry of Health", "ORG"),
        ("c", "Hassan Jabir", "PERSON"),
        ("c", "Tigris Relief", "ORG"),
        ("c", second_country, "GPE"),
        ("d", "Ministry of Health", "ORG"),
        ("d", "Jabir", "PERSON"),
        ("d", "Tigris Relief", "ORG"),
        ("d", second_country, "GPE"),
    )


@pytest.mark.parametrize(("second_country", "one_ministry"), [("Iraq", False), ("Uzbekistan", True)])
def test_a_state_body_joins_across_scopes_only_within_its_country(
    second_country: str, one_ministry: bool
) -> None:
    found = resolve_entities(two_stories_with_a_ministry(second_country))
    ministries = [{m.article for m in e.mentions} for e in found if e.name == "Ministry of Health"]
    expected = [{"a", "b", "c", "d"}] if one_ministry else [{"a", "b"}, {"c", "d"}]
    assert sorted(ministries, key=sorted) == expected


def test_an_international_body_joins_across_scopes_of_two_countries() -> None:
    story_one = mentions(
        ("a", "World Health Organization", "ORG"),
        ("a", "Dilnoza Karimova", "PERSON"),
        ("a", "Aral Digital", "ORG"),
        ("a", "Uzbekistan", "GPE"),
        ("b", "Karimova", "PERSON"),
        ("b", "Aral Digital", "ORG"),
    )
    story_two = mentions(
        ("c", "World Health Organization", "ORG"),
        ("c", "Hassan Jabir", "PERSON"),
        ("c", "Iraq", "GPE"),
    )
    found = resolve_entities(story_one + story_two)
    (who,) = [e for e in found if e.name == "World Health Organization"]
    assert {m.article for m in who.mentions} == {"a", "c"}


def test_a_role_stands_for_the_person_its_own_article_names_before_another_storys() -> None:
    """ "the minister" of a wildfire report naming its minister stood for him alone, and went unresolved
    once a ferry story sharing the store (and two actors: the scope is one) named a minister too."""
    # names and roles after the made-up offsets of ``mentions`` (10 a mention)
    wildfire = [
        Mention("a", 100, 116, "Vasilis Kontaxis", "PERSON", role="minister for civil protection"),
        *mentions(("a", "Giorgos Christodoulou", "PERSON"), ("a", "Hellenic Police", "ORG")),
        Mention("a", 120, 132, "the minister", ROLE_LABEL, role="the minister"),
        *mentions(
            ("b", "Kontaxis", "PERSON"), ("b", "Christodoulou", "PERSON"), ("b", "Hellenic Police", "ORG")
        ),
    ]
    ferry = [
        Mention("c", 100, 116, "Vasilis Petrakis", "PERSON", role="minister for shipping"),
        *mentions(("c", "Giorgos Christodoulou", "PERSON"), ("c", "Hellenic Police", "ORG")),
    ]
    articles = {"a", "b"}
    alone = partition_of(wildfire, articles)
    assert frozenset({("a", 100, 116), ("a", 120, 132), ("b", 0, 8)}) in alone
    assert partition_of(wildfire + ferry, articles) == alone
