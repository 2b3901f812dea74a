"""Narrowing words a source's own wordings show to narrow nothing (``ledger.modifiers``): one value's
wordings (``drop_unsaid_qualifiers``) and a source's wordings across its values (``drop_one_modifier``)."""

from __future__ import annotations

from storyline.stages.ledger.counted import Measure
from storyline.stages.ledger.measures import make_measures
from storyline.stages.ledger.modifiers import drop_one_modifier, drop_unsaid_qualifiers
from tests.factories import make_article, make_claim, make_quantity


def said_measure(
    article_id: str,
    speaker: str,
    text: str,
    figure: str,
    value: float,
    unit: str,
    published: str = "2024-03-01",
) -> Measure:
    """The measure of "<Speaker> said <text>." whose one figure is ``figure``."""
    sentence = f"{speaker.capitalize()} said {text}."
    quantity = make_quantity(figure, value, within=sentence, unit=unit)
    claim = make_claim(
        text,
        article=make_article(sentence, id=article_id),
        id=f"{article_id}-{value:g}",
        speaker_text=speaker.capitalize(),
        quantities=(quantity,),
    )
    (measure,) = make_measures(claim, frozenset(), published=published)
    return measure


def _cut_off(article_id: str, published: str, text: str, figure: str, value: float) -> Measure:
    return said_measure(article_id, "the agency", text, figure, value, "family", published)


def test_a_narrowing_word_its_own_source_drops_narrows_nothing() -> None:
    first = _cut_off("b", "2024-03-01", "610 farming families were cut off", "610 farming families", 610)
    again = _cut_off("c", "2024-03-02", "610 families were cut off", "610 families", 610)
    later = _cut_off("c", "2024-03-02", "480 families were cut off", "480 families", 480)
    assert first.qualifiers == frozenset({"farm"})
    assert [m.qualifiers for m in drop_unsaid_qualifiers([first, later])] == [
        frozenset({"farm"}),
        frozenset(),
    ]
    assert [m.qualifiers for m in drop_unsaid_qualifiers([first, again, later])] == [frozenset()] * 3


def test_a_source_dropping_its_narrowing_word_meets_another_sources_figure() -> None:
    # no kind of count: the ministry's "2,100 dairy farms" and "2,100 farms" are one figure, so its count
    # can meet another source's 3,400 farms as two sides of one question
    first = _farms("b", "the ministry", "2,100 dairy farms were bankrupt", "2,100 dairy farms", 2100)
    again = _farms("c", "the ministry", "2,100 farms were bankrupt", "2,100 farms", 2100)
    other = _farms("c", "the union", "3,400 farms were bankrupt", "3,400 farms", 3400)
    assert drop_unsaid_qualifiers([first, other])[0].qualifiers == frozenset({"dairy"})
    assert [m.qualifiers for m in drop_unsaid_qualifiers([first, again, other])] == [frozenset()] * 3


def _farms(article_id: str, speaker: str, text: str, figure: str, value: float) -> Measure:
    return said_measure(article_id, speaker, text, figure, value, "farm")


def _hospitals(article_id: str, speaker: str, figure: str, value: float, published: str) -> Measure:
    return said_measure(article_id, speaker, f"{figure} were open", figure, value, "hospital", published)


def test_a_modifier_a_source_gives_its_noun_once_and_leaves_out_once_narrows_nothing() -> None:
    # "40 field hospitals" and later "25 hospitals", one source's count of one thing written two ways
    modified = _hospitals("b", "the agency", "40 field hospitals", 40, "2024-03-01")
    bare = _hospitals("c", "the agency", "25 hospitals", 25, "2024-03-02")
    assert modified.qualifiers == frozenset({"field"})
    assert [m.qualifiers for m in drop_one_modifier([modified, bare])] == [frozenset()] * 2
    # another source's bare figure says nothing of how the agency words its count
    other = _hospitals("c", "the army", "25 hospitals", 25, "2024-03-02")
    assert drop_one_modifier([modified, other])[0].qualifiers == frozenset({"field"})
    # where the story counts the noun with another modifier too, the modifier may tell two counts apart
    mobile = _hospitals("c", "the army", "6 mobile hospitals", 6, "2024-03-02")
    assert drop_one_modifier([modified, bare, mobile])[0].qualifiers == frozenset({"field"})
