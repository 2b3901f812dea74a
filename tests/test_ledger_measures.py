"""Which figures of a claim can answer a question (``ledger.measures.make_measures``): a plural of scale
("thousands of messages") is no figure, a written count is."""

from __future__ import annotations

from storyline.stages.ledger.measures import INCREMENT, is_vague, make_measures
from tests.factories import make_article, make_claim, make_quantity

TEXT = "Comey said they discovered thousands of work-related messages and 110 classified emails."


def test_a_plural_of_scale_is_no_value() -> None:
    article = make_article(TEXT)
    vague = make_quantity("thousands of work-related messages", 2000, within=TEXT, unit="message")
    counted = make_quantity("110 classified emails", 110, within=TEXT, unit="email")
    claim = make_claim(
        "they discovered thousands of work-related messages and 110 classified emails",
        article=article,
        quantities=(vague, counted),
    )
    assert is_vague(vague) and not is_vague(counted)
    assert [m.quantity.value for m in make_measures(claim, frozenset())] == [110]


GOAL = "The department said it fell short of its goal of releasing 43,000 pages; 54,000 pages exist."


def test_a_goal_is_a_kind_of_its_own() -> None:
    article = make_article(GOAL)
    goal = make_quantity("43,000 pages", 43_000, within=GOAL, unit="page")
    total = make_quantity("54,000 pages", 54_000, within=GOAL, unit="page")
    claim = make_claim(
        "it fell short of its goal of releasing 43,000 pages; 54,000 pages exist",
        article=article,
        quantities=(goal, total),
    )
    assert [m.kind for m in make_measures(claim, frozenset())] == ["target", None]


CONTENT = "rescuers recovered four more bodies; more than 200 people died in 1991; 1,100 additional pages"
TOLL = f"Officials said {CONTENT}."


def test_an_increment_is_marked_and_a_floor_is_not() -> None:
    article = make_article(TOLL)
    increment = make_quantity("four more bodies", 4, within=TOLL, unit="personnel")
    floor = make_quantity("more than 200 people", 200, within=TOLL, unit="personnel")
    pages = make_quantity("1,100 additional pages", 1100, within=TOLL, unit="page")
    claim = make_claim(CONTENT, article=article, quantities=(increment, floor, pages))
    qualifiers = {m.quantity.value: m.qualifiers for m in make_measures(claim, frozenset())}
    assert qualifiers == {4: frozenset({INCREMENT}), 200: frozenset(), 1100: frozenset({INCREMENT})}


EVACUEES = "The emergency service speaks of 3,400 evacuees."


def test_evacuees_are_a_count_of_the_displaced() -> None:
    # "3,400 evacuees" and "5,100 people have been evacuated" answer one question (and disagree)
    article = make_article(EVACUEES)
    evacuees = make_quantity("3,400 evacuees", 3400, within=EVACUEES, unit="personnel")
    claim = make_claim("3,400 evacuees", article=article, cue="speaks of", quantities=(evacuees,))
    assert [m.kind for m in make_measures(claim, frozenset())] == ["displaced"]
