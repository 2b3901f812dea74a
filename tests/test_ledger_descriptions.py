"""An entity's mentions read by article for one story (``ledger.descriptions``): what a filter of all its
mentions on the story's articles gives, read once per entity within ``descriptions_read_once``."""

from __future__ import annotations

from storyline.records import Entity, Mention
from storyline.stages.ledger.descriptions import (
    descriptions_read_once,
    mentions_by_article,
    mentions_within,
)


def _mention(article: str, start: int, role: str | None = None) -> Mention:
    return Mention(article, start, start + 8, "Ida Vass", "PERSON", role=role)


# a minister named across three articles, her mentions interleaved as resolution joins them
VASS = Entity(
    "@vass",
    "Ida Vass",
    "PERSON",
    mentions=(
        _mention("a-port", 0, role="transport minister"),
        _mention("a-rail", 4),
        _mention("a-port", 90),
        _mention("a-bus", 12, role="minister"),
        _mention("a-rail", 60, role="deputy leader"),
    ),
)


def test_an_entitys_mentions_are_grouped_by_article_in_their_order() -> None:
    assert list(mentions_by_article(VASS)) == ["a-port", "a-rail", "a-bus"]
    assert mentions_by_article(VASS)["a-rail"] == (VASS.mentions[1], VASS.mentions[4])


def test_the_mentions_within_a_storys_articles_are_those_a_filter_keeps() -> None:
    story = {"a-rail", "a-port", "a-other"}  # an article that never names her tells nothing
    within = mentions_within(VASS, story)
    assert sorted(within, key=VASS.mentions.index) == [m for m in VASS.mentions if m.article in story]
    # article by article in the story's order; an article listed twice is still read once
    assert mentions_within(VASS, ["a-rail", "a-bus", "a-rail"]) == [
        VASS.mentions[1],
        VASS.mentions[4],
        VASS.mentions[3],
    ]
    assert mentions_within(VASS, []) == []


def test_within_the_block_each_entity_is_indexed_once_and_by_identity() -> None:
    # another object of the same entity id (another run's, other mentions) is indexed on its own
    twin = Entity("@vass", "Ida Vass", "PERSON", mentions=VASS.mentions[:1])
    with descriptions_read_once():
        first = mentions_by_article(VASS)
        assert mentions_by_article(VASS) is first
        assert list(mentions_by_article(twin)) == ["a-port"]
        assert mentions_by_article(twin)["a-port"] == VASS.mentions[:1]
    # outside the block nothing is kept: each call reads the mentions again
    assert mentions_by_article(VASS) is not mentions_by_article(VASS)
    assert mentions_by_article(VASS) == first
