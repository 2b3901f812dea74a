"""One source's count seen moving over dates (``ledger.paths``): groups of one path are joined."""

from __future__ import annotations

from storyline.stages.ledger.counted import Measure
from storyline.stages.ledger.paths import join_paths
from tests.test_ledger_modifiers import said_measure


def _shelters(article_id: str, speaker: str, value: float, day: int) -> Measure:
    figure = f"{value:g} shelters"
    return said_measure(
        article_id, speaker, f"{figure} were open", figure, value, "shelter", f"2024-03-0{day}"
    )


def test_one_sources_count_moving_one_way_on_three_days_is_one_count_however_far() -> None:
    path = [_shelters(f"a{day}", "the agency", value, day) for day, value in ((1, 80), (2, 50), (3, 20))]
    last = _shelters("a4", "the agency", 4, 4)
    groups = join_paths([path, [last]])
    assert [[m.quantity.value for m in group] for group in groups] == [[80, 50, 20, 4]]
    # on two days only, a figure twenty times smaller may count something else
    assert len(join_paths([path[:1], [last]])) == 2
    # another source's figure continues no path of the agency's
    assert len(join_paths([path, [_shelters("a4", "the army", 4, 4)]])) == 2
    # a second new value on one day is a second count ("80 open out of 120"), no path
    whole = _shelters("a1", "the agency", 120, 1)
    assert len(join_paths([[*path, whole], [last]])) == 2
