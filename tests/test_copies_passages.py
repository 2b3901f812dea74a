"""Shared wire passages: invented articles in tests/data/copies (see the README there)."""

from pathlib import Path

from factories import make_article

from storyline.config import DEFAULT_SETTINGS
from storyline.records import Article, Credit
from storyline.stages.copies.detect import find_copies
from storyline.stages.copies.passages import article_grams, shared_passage

DATA = Path(__file__).parent / "data" / "copies"


def load(name: str, **fields: object) -> Article:
    return make_article((DATA / name).read_text(), id=name, **fields)


def edges_of(articles: list[Article]) -> set[tuple[str, str, str]]:
    return {(edge.article, edge.of, edge.kind) for edge in find_copies(articles)}


def test_shared_wire_passage_is_syndicated_from_the_earlier_article() -> None:
    first = load("wire-a.txt", outlet="Marvella Herald", published="2025-05-06")
    second = load("wire-b.txt", outlet="Farm Weekly", published="2025-05-07")
    edges = find_copies([second, first])
    assert [(e.article, e.of, e.kind) for e in edges] == [("wire-b.txt", "wire-a.txt", "syndicated")]
    assert 0 < edges[0].score < 1  # shares a passage, not the whole text


def test_the_article_crediting_a_wire_is_the_original_whatever_the_dates() -> None:
    credited = load(
        "wire-b.txt", outlet="Farm Weekly", published="2025-05-07", credits=(Credit("wire", "MPA"),)
    )
    other = load("wire-a.txt", outlet="Marvella Herald", published="2025-05-06")
    assert ("wire-a.txt", "wire-b.txt", "syndicated") in edges_of([credited, other])


def test_same_outlet_sharing_its_own_passage_is_not_syndication() -> None:
    first = load("wire-a.txt", outlet="Marvella Herald")
    second = load("wire-b.txt", outlet="Marvella Herald")
    assert not any(kind == "syndicated" for _a, _o, kind in edges_of([first, second]))


def test_a_long_shared_quote_is_not_a_shared_passage() -> None:
    first = load("quote-a.txt", outlet="Ravensholt Courier")
    second = load("quote-b.txt", outlet="City Radio")
    assert edges_of([first, second]) == set()


def test_shared_passage_counts_grams_and_the_longest_run() -> None:
    shared, run = shared_passage(
        article_grams((DATA / "wire-a.txt").read_text()), article_grams((DATA / "wire-b.txt").read_text())
    )
    assert shared > 40 and run >= DEFAULT_SETTINGS.copies.passage_min_run_words
    assert shared_passage(article_grams("one two three"), article_grams("one two three")) == (0, 0)


def test_unrelated_articles_share_no_passage() -> None:
    articles = [
        load("wire-a.txt", outlet="A"),
        load("ferry-en.txt", outlet="B"),
        load("quote-a.txt", outlet="C"),
    ]
    assert edges_of(articles) == set()


def test_two_carriers_crediting_the_same_wire_are_linked_to_each_other() -> None:
    from storyline.stages.clean import clean_article

    first = clean_article(load("wire-carrier-a.txt", outlet="Marvella Herald", published="2025-05-06"))
    second = clean_article(load("wire-carrier-b.txt", outlet="Tesk Morning Post", published="2025-05-07"))
    assert (
        [(c.kind, c.outlet) for c in first.credits]
        == [("wire", "AP")]
        == [(c.kind, c.outlet) for c in second.credits]
    )
    edges = edges_of([second, first])
    # Each is syndicated from the agency, and the later carrier is linked to the earlier one.
    assert {
        ("wire-carrier-a.txt", "AP", "syndicated"),
        ("wire-carrier-b.txt", "AP", "syndicated"),
        ("wire-carrier-b.txt", "wire-carrier-a.txt", "syndicated"),
    } == edges
