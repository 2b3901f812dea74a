"""A place's count beside the whole's is a part, no rival (``ledger.parts``, issue #17): a hamlet's bodies
recovered on the day a ministry's toll stood higher leave the toll a series, the hamlet's figure apart."""

from __future__ import annotations

from factories import make_article, make_claim, make_position, make_quantity

from storyline.records import Claim, Position
from storyline.stages.ledger.parts import figure_place, place_parts
from storyline.stages.ledger.series import series_directions
from storyline.stages.ledger.status import judge_status

MINISTRY = {"e-min": "Ministry of Emergencies"}
DEAD = series_directions({"dead"})
# the ministry's toll on three days, each sentence its own article
TOLL = (
    (12, "2026-05-10", "The toll from the floods has reached 12"),
    (20, "2026-05-11", "The toll from the floods has risen to 20"),
    (31, "2026-05-12", "The toll from the floods has climbed to 31"),
)


def figure_claim(content: str, figure: str, value: float, claim_id: str, outlet_voice: bool = False) -> Claim:
    """The claim of "<content>, officials said." (or "<content>." in the outlet's own voice)."""
    sentence = f"{content}." if outlet_voice else f"{content}, officials said."
    quantity = make_quantity(figure, value, within=sentence, unit="person")
    article = make_article(sentence, id=f"a-{claim_id}")
    return make_claim(
        content, article=article, id=claim_id, quantities=(quantity,), **({"cue": ""} if outlet_voice else {})
    )


def judged(content: str, figure: str, value: float, day: str = "2026-05-11") -> tuple[str, str]:
    """The status of the ministry's toll beside a newspaper's ``figure`` of ``day`` in its own words."""
    claims = [figure_claim(text, str(count), count, f"c{count}") for count, _, text in TOLL]
    positions = [
        make_position(f"c{count}", speakers=("e-min",), outlets=("Post",), value=float(count), earliest=day_)
        for count, day_, _ in TOLL
    ]
    claims.append(figure_claim(content, figure, value, "c-paper", outlet_voice=True))
    paper: Position = make_position(
        "c-paper", speaker_texts=("Valley Herald",), outlets=("Valley Herald",), value=value, earliest=day
    )
    return judge_status([*positions, paper], claims, names=MINISTRY, sources=2, series_directions=DEAD)


def test_a_hamlets_count_on_the_day_of_a_higher_toll_is_a_part_shown_apart() -> None:
    status, reason = judged(
        "In the hamlet of Oakridge, firefighters have pulled 9 bodies from the mud", "9", 9
    )
    assert status == "series"
    assert reason.startswith(
        "rose from 12 (10 May) to 20 (11 May) to 31 (12 May), per Ministry of Emergencies"
    )
    assert reason.endswith("apart, a count of one place, not the whole: 9 in Oakridge (Valley Herald)")
    assert judged("Rescuers have found 9 bodies in Oakridge since Sunday", "9", 9)[0] == "series"
    assert judged("Oakridge's 9 dead were buried on Monday", "9", 9)[0] == "series"


def test_a_figure_no_place_narrows_stays_a_rival() -> None:
    # no place; a country; a whole region ("across"); a month; a day with no toll of the whole
    assert judged("Firefighters have pulled 9 bodies from the mud", "9", 9)[0] == "contested"
    assert judged("In Portugal, firefighters have pulled 9 bodies from the mud", "9", 9)[0] == "contested"
    assert judged("Firefighters have pulled 9 bodies from the mud across Westmark", "9", 9)[0] == "contested"
    assert judged("In March, firefighters pulled 9 bodies from the mud", "9", 9)[0] == "contested"
    assert judged("Rescuers have found 9 bodies in Oakridge", "9", 9, "2026-05-13")[0] == "contested"


def test_a_place_count_above_the_whole_or_named_by_it_stays_a_rival() -> None:
    # a part is less than its whole: 26 in one hamlet beside a toll of 20 is a disagreement
    assert judged("Rescuers have found 26 bodies in Oakridge", "26", 26)[0] == "contested"
    # a place the whole's own sentences name is its ground, no narrower count
    claims = [
        figure_claim("The toll has risen to 20, most of them in Oakridge", "20", 20, "c20"),
        figure_claim("Rescuers have found 9 bodies in Oakridge", "9", 9, "c9", outlet_voice=True),
    ]
    positions = [
        make_position("c20", speakers=("e-min",), value=20.0, earliest="2026-05-11"),
        make_position("c9", speaker_texts=("Valley Herald",), value=9.0, earliest="2026-05-11"),
    ]
    assert place_parts(positions, claims) == {}


def test_the_place_is_the_one_that_holds_the_figure() -> None:
    def place(content: str, figure: str) -> str | None:
        claim = figure_claim(content, figure, float(figure), "c1")
        return figure_place(claim, claim.quantities[0])

    assert place("In the village of Oakridge in the district of Brent, soldiers recovered 9 bodies", "9") == (
        "Oakridge"
    )
    assert place("the toll rose to 31 in the Philippines", "31") is None  # a country: the whole
    # a place in another clause, or after a comma, is not where the figure is
    assert place("the storm hit Oakridge hardest and the toll rose to 31", "31") is None
    assert place("we have 16 deaths, most of them from the landslide in Oakridge", "16") is None
