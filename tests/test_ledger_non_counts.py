"""Figures that count nothing that happened (``ledger.non_counts``): a goal, what a speaker wants or
plans."""

from __future__ import annotations

import pytest

from storyline.stages.ledger.non_counts import (
    held_jointly,
    is_target,
    names_a_thing,
    picks_by_order,
    with_bounds_said,
)
from tests.factories import make_article, make_claim, make_position, make_quantity, make_question, span_of

WISH = "The charity wants to give blankets to 4,000 families, its director said."


def test_a_figure_of_what_a_speaker_wants_to_do_is_a_goal() -> None:
    article = make_article(WISH)
    families = make_quantity("4,000 families", 4000, within=WISH, unit="family")
    content = "to give blankets to 4,000 families"
    wanted = make_claim(content, article=article, cue="wants", quantities=(families,))
    assert is_target(wanted, families)
    # the same words said, not wanted, are a count
    said = make_claim(content, article=article, cue="said", quantities=(families,))
    assert not is_target(said, families)


@pytest.mark.parametrize(
    ("content", "goal"),
    [
        # issue #14: a quoted "I hope you find the 30,000 emails" read as a count the speaker reports
        ("I hope the police find the 300 bicycles that were stolen.", True),
        # a first person who reports is no wish
        ("We found the 300 bicycles that were stolen.", False),
        # nor is a wish in a sentence before the figure's
        ("I hope so. The police found the 300 bicycles that were stolen.", False),
    ],
)
def test_a_figure_of_a_speakers_own_wish_is_a_goal(content: str, goal: bool) -> None:
    text = f'The mayor said: "{content}"'
    bicycles = make_quantity("300 bicycles", 300, within=text, unit="bicycle")
    claim = make_claim(content, article=make_article(text), cue="said", quantities=(bicycles,))
    assert is_target(claim, bicycles) is goal


@pytest.mark.parametrize(
    ("content", "figure", "picked"),
    [
        # issue #14 (PolNeAR orlando): Obama's last two attacks asked "How many terrorist attacks …?"
        ("The last two terrorist attacks on our soil were homegrown", "two terrorist attacks", True),
        ("her first three debates went badly", "three debates", True),
        # a count after "the" alone, or after "at last", counts
        ("the two attacks on the city were homegrown", "two attacks", False),
        ("At last 300 people were evacuated", "300 people", False),
    ],
)
def test_things_picked_by_their_place_in_time_are_no_count(content: str, figure: str, picked: bool) -> None:
    quantity = make_quantity(figure, 2, within=content)
    claim = make_claim(content, quantities=(quantity,))
    assert picks_by_order(claim, quantity) is picked


@pytest.mark.parametrize(
    ("content", "figure", "unit", "names"),
    [
        # issue #14 (PolNeAR police-shootings): an emergency number after "a" asked "How many caller …?"
        ("a 999 caller had warned the operator about the fire", "999 caller", "caller", True),
        ("an 8 ball was left on the table", "8 ball", "ball", True),
        # and "high-five passersby" asked "How many passersby …?"; a name glued to its number counts nothing
        ("the players stopped to high-five fans at the gate", "five fans", "fan", True),
        ("an F-16 jet crashed near the base", "16 jet", "jet", True),
        # counts and measures after "a" or a hyphen between numbers still count
        ("a hundred fans waited at the gate", "hundred fans", "fan", False),
        ("a 5 percent cut in the budget", "5 percent", "percent", False),
        ("a 10-point lead in the polls", "10-point lead", "point", False),
        ("twenty-five fans waited at the gate", "twenty-five fans", "fan", False),
        ("the 911 callers were all neighbours", "911 callers", "caller", False),
        # a chain of three numbers names a plan; a sum before "question" is an idiom; a score stays
        ("the coach swore by his 4-3-3 formation all season", "4", "formation", True),
        ("the coach swore by his 4-3-3 formation all season", "3", "formation", True),
        ("whether voters will forgive him is the $90,000 question", "$90,000", "USD", True),
        ("whether voters will forgive him is the $90,000 question", "$90,000 question", "USD", True),
        ("the court upheld the law in a 5-4 ruling", "5", "ruling", False),
        ("the donor gave $90,000 to the campaign", "$90,000", "USD", False),
    ],
)
def test_a_numeral_that_names_is_no_count(content: str, figure: str, unit: str, names: bool) -> None:
    quantity = make_quantity(figure, 1, within=content, unit=unit)
    claim = make_claim(content, quantities=(quantity,))
    assert names_a_thing(claim, quantity) is names


@pytest.mark.parametrize(
    ("figure", "note"),
    [
        # issue #14: "less than 100 still uncommitted" stood as a bare 100, no ceiling said
        ("fewer than 90 boats", "ceilings (fewer than 90)"),
        ("up to 90 boats", "ceilings (up to 90)"),
        # "nearly 400" dropped its "nearly": the value answered another question
        ("nearly 90 boats", "approximate (nearly 90)"),
        ("exactly 90 boats", None),
        # a floor is said by the status already ("gives floors")
        ("more than 90 boats", None),
    ],
)
def test_a_value_said_as_a_ceiling_or_loosely_is_said_so_in_the_reason(figure: str, note: str | None) -> None:
    text = f"The harbour master said {figure} left the port."
    boats = make_quantity(figure, 90, within=text, unit="ship")
    claim = make_claim(f"{figure} left the port", article=make_article(text), quantities=(boats,))
    question = make_question("How many boats left?", make_position("c1", value=90.0), unit="ship")
    reason = with_bounds_said(question, {"c1": claim}).status_reason
    assert reason == ("one speaker" if note is None else f"one speaker; {note}")


@pytest.mark.parametrize(
    ("sentence", "figure", "joint"),
    [
        # issue #14, PolNeAR iowa-caucus-results: three candidates' share together read as the last one's
        (
            "Together, Mayor Ann Lee, Sen. Bo Park and Gov. Cy Diaz won just 9 percent of the vote.",
            "9 percent",
            True,
        ),
        ("Ann Lee and former senator Bo Park, won only 4 percent between them.", "4 percent", True),
        ("Ann Lee and Bo Park took 30 seats combined.", "30 seats", True),
        # one person's share, another named before it in another role
        ("Ann Lee said Bo Park won 9 percent of the vote.", "9 percent", False),
        # each one's own value, told as such
        ("Ann Lee and Bo Park won 9 percent and 7 percent respectively.", "9 percent", False),
        # a coordination whose verb is no holding of the figure's: no joint word, no share
        ("Ann Lee and Bo Park meet for the first of three debates.", "three debates", False),
        # a poll's shares, each after its own verb
        ("41 percent back Ann Lee and 38 percent back Bo Park.", "38 percent", False),
    ],
)
def test_a_figure_a_coordination_of_persons_holds_is_no_ones_own(
    sentence: str, figure: str, joint: bool
) -> None:
    text = f"Officials said: {sentence}"
    article = make_article(text)
    quantity = make_quantity(figure, 1.0, within=text, unit="percent" if "percent" in figure else "seat")
    claim = make_claim(sentence, article=article, quantities=(quantity,))
    names = ("Ann Lee", "Bo Park", "Cy Diaz")
    spans = {article.id: [(*span_of(text, name), name) for name in names if name in sentence]}
    assert held_jointly(claim, quantity, spans, set(names)) is joint
