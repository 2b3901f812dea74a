"""Translations without a credit: invented articles in tests/data/copies (see the README there)."""

from pathlib import Path

from factories import make_article

from storyline.records import Article
from storyline.stages.copies.detect import find_copies
from storyline.stages.copies.translation import anchors, normalise_number, starts_sentence

DATA = Path(__file__).parent / "data" / "copies"


def load(name: str, language: str, **fields: object) -> Article:
    return make_article((DATA / name).read_text(), id=name, language=language, **fields)


def translations(articles: list[Article]) -> set[tuple[str, str]]:
    return {(edge.article, edge.of) for edge in find_copies(articles) if edge.kind == "translation"}


def test_numbers_written_three_ways_are_one_anchor() -> None:
    assert normalise_number("11 000") == normalise_number("11.000") == normalise_number("11,000") == "11000"
    assert normalise_number("3,5") == normalise_number("3.5") == "3.5"
    assert normalise_number("7") is None
    assert anchors("Then Zełenski said 11\u00a0000.") == anchors("So Zelensky: 11,000") == {"zelen", "#11000"}
    assert anchors("Rescue teams came. Passengers left") == frozenset()  # sentence starts are no names


def test_a_sentence_start_is_found_by_looking_back_over_spaces_and_opening_marks_only() -> None:
    text = 'Rescue came. "Passengers left," said Ana\n- Mayor Lind: (Rescue) in Oskel.\n  „Boats'
    opening = [text.index(word) for word in ("Rescue", "Passengers", "Mayor", "Rescue)", "Boats")]
    inside = [text.index(word) for word in ("Ana", "Lind", "Oskel", "came")]
    assert all(starts_sentence(text, start) for start in opening)
    assert not any(starts_sentence(text, start) for start in inside)


def test_uncredited_translation_points_at_the_english_original() -> None:
    english = load("ferry-en.txt", "en", outlet="Vantria Today")
    german = load("ferry-de.txt", "de", outlet="Nordbote")
    other = load("ferry-de-other.txt", "de", outlet="Küstenblatt")
    assert translations([german, other, english]) == {("ferry-de.txt", "ferry-en.txt")}


def test_the_earlier_article_is_the_original_when_dated() -> None:
    english = load("ferry-en.txt", "en", published="2025-03-16")
    german = load("ferry-de.txt", "de", published="2025-03-15")
    assert translations([english, german]) == {("ferry-en.txt", "ferry-de.txt")}


def test_same_language_articles_are_never_translations() -> None:
    english = load("ferry-en.txt", "en")
    copy = make_article(english.text.replace("Saturday", "Sunday"), id="x", language="en")
    assert translations([english, copy]) == set()


def test_a_report_of_the_same_story_with_other_figures_is_not_a_translation() -> None:
    english = load("ferry-en.txt", "en")
    other = load("ferry-de-other.txt", "de")
    assert translations([english, other]) == set()
