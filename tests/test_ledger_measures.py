"""Which figures of a claim can answer a question (``ledger.measures.make_measures``): a plural of scale
("thousands of messages") is no figure, a written count is."""

from __future__ import annotations

from dataclasses import replace

import pytest

from storyline.config import DEFAULT_SETTINGS
from storyline.stages.ledger.counted import AGENT
from storyline.stages.ledger.kinds import PART, PAST_EVENT
from storyline.stages.ledger.measures import (
    INCREMENT,
    Measure,
    group_measures,
    is_vague,
    make_measures,
    passage_values,
    predicate_verb,
    split_same_voice,
    told_apart_beside,
    told_as_now,
)
from tests.factories import make_article, make_claim, make_quantity, make_time

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


@pytest.mark.parametrize(
    ("content", "figure", "counts"),
    [
        # a numeral standing for the two people named before, no count of the letters
        ("it found 14 letters between the two, written over a year", "two", False),
        ("the three of them signed 14 letters", "three", False),
        # a figure with its own noun, or one a word other than "of" follows, stays a count
        ("the two letters were signed", "two letters", True),
        ("the 14 sent before May were signed", "14", True),
        ("they signed 14 letters, up from 9", "9", True),
    ],
)
def test_a_numeral_standing_for_things_named_before_is_no_figure(
    content: str, figure: str, counts: bool
) -> None:
    text = f"The clerk said {content}."
    number = make_quantity(figure, 2, within=text, unit="letter")
    claim = make_claim(content, article=make_article(text), quantities=(number,))
    assert bool(make_measures(claim, frozenset())) is counts


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


def _toll(article_id: str, published: str, text: str, figure: str, value: float) -> Measure:
    sentence = f"The agency said {text}."
    article = make_article(sentence, id=article_id)
    quantity = make_quantity(figure, value, within=sentence, unit="sheep")
    claim = make_claim(
        text, article=article, id=f"{article_id}-{value:g}", speaker_text="The agency", quantities=(quantity,)
    )
    (measure,) = make_measures(claim, frozenset(), published=published)
    return measure


def test_a_floor_said_of_one_voices_exact_figure_leaves_the_count_not_the_figure() -> None:
    earlier = [
        _toll("b", "2024-03-01", "700 sheep had died", "700 sheep", 700),
        _toll("c", "2024-03-02", "900 sheep had died", "900 sheep", 900),
    ]
    floor = _toll("a", "2024-03-03", "more than 1,300 sheep had died", "more than 1,300 sheep", 1300)
    exact = _toll("a", "2024-03-03", "1,340 sheep had died", "1,340 sheep", 1340)
    kept, *alone = split_same_voice([*earlier, floor, exact])
    assert [m.quantity.value for m in kept] == [700, 900, 1340]
    assert [[m.quantity.value for m in part] for part in alone] == [[1300]]
    # a floor far below the figure is no rounding of it: the figure further from the rest leaves
    low = _toll("a", "2024-03-03", "more than 800 sheep had died", "more than 800 sheep", 800)
    kept, *alone = split_same_voice([*earlier, low, exact])
    assert [[m.quantity.value for m in part] for part in alone] == [[1340]]


FLEET = "Officials said three ferries were idle, and that the six ferries chartered by the port kept sailing."


def test_a_participle_with_its_agent_narrows_a_figure() -> None:
    article = make_article(FLEET)
    idle = make_quantity("three ferries", 3, within=FLEET, unit="ferry")
    chartered = make_quantity("six ferries", 6, within=FLEET, unit="ferry")
    claim = make_claim(FLEET, article=article, quantities=(idle, chartered))
    qualifiers = {m.quantity.value: m.qualifiers for m in make_measures(claim, frozenset())}
    assert qualifiers == {3: frozenset(), 6: frozenset({f"{AGENT}chartered"})}


def _depositors(
    claim_id: str, text: str, value: float, predicate: str, unit: str = "depositor"
) -> list[Measure]:
    figure = replace(make_quantity(text.split()[0], value, within=text, unit=unit), predicate=predicate)
    told = make_claim(text, article=claim_id, id=claim_id, speaker_text="the agency", quantities=[figure])
    return make_measures(told, frozenset())


def test_predicate_verb_skips_auxiliaries_and_adverbs_of_time() -> None:
    assert predicate_verb("had so far been repaid from seized assets") == "repaid"
    assert predicate_verb("did the agency count") == "count"
    assert predicate_verb("lost") == "lost"
    assert predicate_verb("") == ""


def test_counts_of_one_noun_told_with_other_verbs_and_words_stay_apart() -> None:
    repaid = _depositors("r1", "4,000 depositors had been repaid from the fund", 4000, "had been repaid")
    lost = _depositors("l1", "9,000 depositors lost their savings", 9000, "lost")
    unsaid = _depositors("u1", "9,500 depositors in all", 9500, "")
    groups = group_measures([*repaid, *lost, *unsaid], DEFAULT_SETTINGS.ledger)
    values = sorted(sorted(m.quantity.value for m in group) for group in groups)
    # a figure telling no verb still joins a count of its noun by its size
    assert [9500.0] not in values
    assert not any({4000.0, 9000.0} <= set(group) for group in values)
    # one verb, or no verb on one side: one count by its noun, as before
    more_lost = _depositors("l2", "6,000 depositors lost money", 6000, "lost")
    together = group_measures([*lost, *more_lost], DEFAULT_SETTINGS.ledger)
    assert len(together) == 1


def test_a_noun_whose_plural_stems_otherwise_is_no_word_in_common() -> None:
    # "samples" stems to "sampl", "sample" stays whole: neither is a word the two counts share
    tested = _depositors("t1", "300 samples had been tested at the lab", 300, "had been tested", "sample")
    spoiled = _depositors("s1", "90 samples were spoiled in transit", 90, "were spoiled", "sample")
    groups = group_measures([*tested, *spoiled], DEFAULT_SETTINGS.ledger)
    values = [sorted(m.quantity.value for m in group) for group in groups]
    assert not any({300.0, 90.0} <= set(group) for group in values)


@pytest.mark.parametrize(
    ("content", "figure", "unit", "counts"),
    [
        # the length of the outlet's own list, no count
        (
            "we collected just nine outrageous things he had said about farmers",
            "nine outrageous things",
            "thing",
            False,
        ),
        ("here are five of the mayor's promises", "five", "promise", False),
        ("inspectors found nine faults in the dam", "nine faults", "fault", True),
    ],
)
def test_a_lists_length_is_no_count(content: str, figure: str, unit: str, counts: bool) -> None:
    text = f"The paper said {content}."
    number = make_quantity(figure, 9, within=text, unit=unit)
    claim = make_claim(content, article=make_article(text), quantities=(number,))
    assert bool(make_measures(claim, frozenset())) is counts


def test_a_figure_written_with_its_currency_sign_keeps_it_as_its_unit() -> None:
    content = "sales staff were told to get people to pay $1,500 for a weekend course"
    text = f"The lawsuit said {content}."
    number = make_quantity("$1,500", 1500, within=text, unit="USD")
    claim = make_claim(content, article=make_article(text), quantities=(number,))
    assert [measure.unit for measure in make_measures(claim, frozenset())] == ["USD"]


def _measures_of(content: str, figures: dict[str, tuple[float, str]]) -> list[Measure]:
    text = f"The ministry said {content}."
    quantities = tuple(
        make_quantity(surface, value, within=text, unit=unit) for surface, (value, unit) in figures.items()
    )
    return make_measures(make_claim(content, article=make_article(text), quantities=quantities), frozenset())


def test_things_recovered_are_a_count_apart_from_the_whole_they_were_taken_from() -> None:
    found = _measures_of(
        "seven of the 23 works have now been found",
        {"seven of the 23 works": (7, "work"), "23 works": (23, "work")},
    )
    assert [(m.quantity.value, m.kind) for m in found] == [(7, "recovered"), (23, None)]
    recovered = _measures_of(
        "police have recovered 14 of the 23 paintings", {"14 of the 23 paintings": (14, "painting")}
    )
    assert [(m.kind, PART in m.qualifiers) for m in recovered] == [("recovered", False)]


def test_people_found_are_no_things_recovered() -> None:
    (dead,) = _measures_of("14 miners were found dead", {"14 miners": (14, "personnel")})
    assert dead.kind == "dead"


def test_a_things_size_takes_no_kind_of_count_from_the_verb_that_found_the_thing() -> None:
    (trench,) = _measures_of("divers had found a trench thirty metres deep", {"thirty metres": (30, "metre")})
    assert trench.kind is None
    (works,) = _measures_of("police had found 30 works long after the theft", {"30 works": (30, "work")})
    assert works.kind == "recovered"  # a size word after the noun, not after the figure: the count keeps it


def test_a_lower_case_possessor_narrows_no_count() -> None:
    (theirs,) = _measures_of(
        "six of the factory's workers were still held", {"six of the factory's workers": (6, "personnel")}
    )
    (its,) = _measures_of("six of its workers were still held", {"six of its workers": (6, "personnel")})
    assert theirs.qualifiers == its.qualifiers == frozenset()


def test_people_someone_is_holding_are_a_count_of_the_held() -> None:
    (holding,) = _measures_of(
        "the gunmen are holding 14 passengers at the depot", {"14 passengers": (14, "personnel")}
    )
    (held,) = _measures_of("14 passengers are held at the depot", {"14 passengers": (14, "personnel")})
    assert holding.kind == held.kind == "held_captive"


def test_suspects_in_custody_are_the_detained() -> None:
    (held,) = _measures_of("the number of suspects in custody has risen to eight", {"eight": (8, "suspect")})
    assert (held.unit, held.kind) == ("personnel", "detained")


def test_a_bare_figure_of_them_counts_the_noun_before_it_not_the_clauses_others() -> None:
    # the clause's noun of a unit ("workers") is no unit of the part of the shops
    found = _measures_of(
        "the cooperative has 40 shops, 25 of them in the capital, with about 300 workers",
        {"40 shops": (40, "shop"), "25": (25, "shop"), "about 300 workers": (300, "personnel")},
    )
    assert [(m.quantity.value, m.unit) for m in found] == [(40, "shop"), (25, "shop"), (300, "personnel")]
    # with no pronoun the clause's noun still names a bare figure's unit ("had fallen to 29 ships")
    (bare,) = _measures_of("the number of ships waiting had fallen to 29", {"29": (29, "personnel")})
    assert bare.unit == "ship"


def _set_side_by_side(second: str, figures: dict[str, float], *, gap: str = "; ") -> list[Measure]:
    """The operator's "212 passengers had boarded the ferry" and the port authority's ``second`` (its
    figures by surface) in one article, ``gap`` between the two claims."""
    first = "212 passengers had boarded the ferry"
    text = f"The operator says {first}{gap}the port authority says {second}."
    article = make_article(text)
    boarded = replace(
        make_quantity("212 passengers", 212, within=text, unit="personnel"), predicate="had boarded"
    )
    counted = tuple(
        make_quantity(surface, value, within=text, unit="personnel") for surface, value in figures.items()
    )
    told = [("o", first, "The operator", (boarded,)), ("p", second, "the port authority", counted)]
    return [
        measure
        for claim_id, content, speaker, quantities in told
        for measure in make_measures(
            make_claim(
                content, article=article, id=claim_id, cue="says", speaker_text=speaker, quantities=quantities
            ),
            frozenset(),
        )
    ]


def test_two_sources_figures_for_one_noun_set_side_by_side_are_one_question() -> None:
    # only the operator's figure names what happened to the passengers ("aboard"); the authority's is
    # set against it in the same sentence: two positions on one question, not two questions
    contested = _set_side_by_side("260 passengers were counted at its gate", {"260 passengers": 260})
    assert [m.kind for m in contested] == ["aboard", None]
    assert len(group_measures(contested, DEFAULT_SETTINGS.ledger)) == 1
    # the noun left unsaid is the same noun
    bare = _set_side_by_side("there were about 260", {"about 260": 260})
    assert len(group_measures(bare, DEFAULT_SETTINGS.ledger)) == 1


def test_figures_of_other_nouns_or_far_apart_are_not_set_side_by_side() -> None:
    crew = _set_side_by_side("30 crew were counted at its gate", {"30 crew": 30})
    assert len(group_measures(crew, DEFAULT_SETTINGS.ledger)) == 2
    far = " and that the ship left port two hours late after a long inspection of its cargo. Later, "
    apart = _set_side_by_side("260 passengers were counted at its gate", {"260 passengers": 260}, gap=far)
    assert len(group_measures(apart, DEFAULT_SETTINGS.ledger)) == 2


def test_a_bare_figure_naming_its_own_kind_is_no_value_of_the_noun_before_it() -> None:
    # "…; the port authority says 12 had died": the bare figure counts the dead, not the passengers
    dead = _set_side_by_side("12 had died", {"12": 12})
    assert dead[1].kind == "dead"
    assert len(group_measures(dead, DEFAULT_SETTINGS.ledger)) == 2
    # nor one of two bare figures its claim gives ("…; 150 on Monday, 160 on Tuesday")
    figures = _set_side_by_side("150 on Monday, 160 on Tuesday", {"150": 150, "160": 160})
    groups = group_measures(figures, DEFAULT_SETTINGS.ledger)
    assert [[m.quantity.value for m in group] for group in groups if figures[0] in group] == [[212]]


def _people(content: str, figure: str, value: float, speaker: str, article: str, text: str) -> list[Measure]:
    quantity = make_quantity(figure, value, within=text, unit="personnel")
    told = make_claim(
        content,
        article=make_article(text, id=article),
        id=f"{article}:{speaker}",
        speaker_text=speaker,
        quantities=[quantity],
    )
    return make_measures(told, frozenset())


def test_one_articles_two_counts_of_one_noun_with_no_other_word_in_common_stay_apart() -> None:
    drew = "the fair's three open days drew more than 3,000 people"
    met = "by Sunday we will have met 4,000 people face to face"
    text = f"Organisers said {drew}. The mayor said {met}."
    fair = _people(drew, "more than 3,000 people", 3000, "Organisers", "a", text)
    mayor = _people(met, "4,000 people", 4000, "The mayor", "a", text)
    # the exact 4,000 meets the floor, yet they count visitors and people met: two questions
    assert len(group_measures([*fair, *mayor], DEFAULT_SETTINGS.ledger)) == 2
    # the same two figures in two articles are still read as one count of their noun, by size
    elsewhere = _people(met, "4,000 people", 4000, "The mayor", "b", f"The mayor said {met}.")
    assert len(group_measures([*fair, *elsewhere], DEFAULT_SETTINGS.ledger)) == 1


def test_a_bare_figure_counts_the_plural_its_modifiers_lead_to_not_a_noun_lent_from_before() -> None:
    # issue #14, PolNeAR iowa-caucus-results: "the 187 accounted for by the 14 solidly or leaning Democratic
    # states" counted 14 votes
    content = "the 300 seats won by the 14 narrowly or solidly Liberal districts"
    seats = {"300 seats": (300.0, "seat"), "14": (14.0, "seat")}
    assert [m.unit for m in _measures_of(content, seats)] == ["seat", "district"]
    # a verb or a preposition after the figure: no noun of its own
    assert [
        m.unit for m in _measures_of("the seats rose to 14 yesterday in districts", {"14": (14.0, "seat")})
    ] == ["seat"]


def _clubs(claim_id: str, content: str, figures: dict[str, float]) -> list[Measure]:
    text = f"The survey says {content}."
    quantities = tuple(
        make_quantity(surface, value, within=text, unit="club") for surface, value in figures.items()
    )
    claim = make_claim(
        content, article=make_article(text, id=claim_id), id=claim_id, cue="says", quantities=quantities
    )
    return make_measures(claim, frozenset())


def test_a_value_one_sentence_sets_apart_is_no_rival_of_the_other_where_restated() -> None:
    # issue #14, PolNeAR iowa-caucus-results: Gallup's "20 states are Republican … The remaining 16 are
    # competitive" set 16 apart from 20; another sentence's 20 Republican states stood as its rival answer
    survey = _clubs(
        "a",
        "40 clubs are open to all and the remaining 12 clubs are closed",
        {"40 clubs": 40, "12 clubs": 12},
    )
    (restated,) = _clubs("b", "the 40 clubs that are open to all", {"40 clubs": 40})
    (other,) = _clubs("c", "the 30 clubs that are open to all", {"30 clubs": 30})
    passages = passage_values([*survey, restated, other])
    closed = survey[1]
    assert told_apart_beside(closed, restated, passages) and told_apart_beside(restated, closed, passages)
    assert not told_apart_beside(closed, other, passages)  # a value the sentence does not give: a rival
    # a sentence telling a count moving sets nothing apart: the other value is the count's
    moving = _clubs("d", "the clubs rose to 40 from 12", {"40": 40, "12": 12})
    assert not told_apart_beside(moving[1], restated, passage_values([*moving, restated]))


@pytest.mark.parametrize(
    ("content", "figures", "kept"),
    [
        # issue #14, PolNeAR clinton-clinches-sanders-holdout: "won 13 of the past 19 contests" asked as
        # her whole count of contests won; neither figure of a window answers the verb
        (
            "the club has won 11 of the last 16 finals",
            {"11 of the last 16 finals": (11, "final"), "16 finals": (16, "final")},
            [],
        ),
        ("the club has won 11 of the 16 finals", {"11 of the 16 finals": (11, "final")}, [11.0]),
        # a whole a worded part is taken from: the verb tells of the part (issue #14, a contest no one held)
        ("the vote gives her a majority of the county's 40 seats", {"40 seats": (40, "seat")}, []),
        ("most of the 300 workers were laid off", {"300 workers": (300, "worker")}, []),
        # with no determiner or possessor the figure may be what the clause counts
        ("the sample was part of 3 million records copied", {"3 million records": (3e6, "record")}, [3e6]),
        ("the vote gives her 40 seats", {"40 seats": (40, "seat")}, [40.0]),
        # a share of whom only a pronoun says (issue #14, PolNeAR iowa-caucus-results)
        ("about 12 percent of them backed the mayor", {"12 percent": (12, "percent")}, []),
        ("about 12 percent of those polled backed the mayor", {"12 percent": (12, "percent")}, [12.0]),
        ("both were about 8 points lower than in 2010", {"8 points": (8, "point")}, []),
        ("the mayor was about 8 points lower than in 2010", {"8 points": (8, "point")}, [8.0]),
        # a noun that opens a hyphened modifier is no noun the figure counts (issue #14, PolNeAR
        # lewandowski-fields-battery: "Florida's 99 winner-take-all primary")
        ("the party took the 35 pay-as-you-go seat", {"35 pay": (35, "pay")}, []),
        ("the party took 35 seats", {"35 seats": (35, "seat")}, [35.0]),
        # what would have been, after a past-perfect condition (issue #14, PolNeAR iowa-caucus-results: a
        # hypothetical split of delegates asked as a count); a condition of an earlier sentence does not reach
        ("if the party had won the recount and taken 35 seats it would lead", {"35 seats": (35, "seat")}, []),
        ("if it had won, we had said so. The party took 35 seats", {"35 seats": (35, "seat")}, [35.0]),
        ("if the party wins the recount it takes 35 seats", {"35 seats": (35, "seat")}, [35.0]),
    ],
)
def test_a_figure_whose_window_whole_group_or_noun_is_unsaid_answers_no_question(
    content: str, figures: dict[str, tuple[float, str]], kept: list[float]
) -> None:
    assert [m.quantity.value for m in _measures_of(content, figures)] == kept


def _deaths(
    content: str, article: str, times: tuple[tuple[str, str | None, str | None], ...]
) -> list[Measure]:
    """The "12 people" of ``content``, told by police in an article of 4 May 2030 with the time expressions
    ``times`` (text, date, TimeML value)."""
    text = f"Police said {content}."
    told = tuple(
        replace(make_time(time, day, "year" if day else "unknown", within=text), value=value)
        for time, day, value in times
    )
    figure = make_quantity("12 people", 12, within=text, unit="personnel")
    claim = make_claim(
        content,
        article=make_article(text, id=article),
        id=article,
        speaker_text="Police",
        quantities=(figure,),
        times=told,
    )
    return make_measures(claim, frozenset(), published="2030-05-04", text=text)


def test_a_former_events_figure_is_no_value_of_the_same_figure_told_as_of_now() -> None:
    (former,) = _deaths("in 2019, 12 people died in a similar accident", "old", (("2019", "2019", "2019"),))
    (now,) = _deaths("12 people have now died in the crash", "new", (("now", None, "PRESENT_REF"),))
    assert PAST_EVENT in former.qualifiers and PAST_EVENT not in now.qualifiers
    assert told_as_now(now) and not told_as_now(former)
    assert len(group_measures([former, now], DEFAULT_SETTINGS.ledger)) == 2
    # told again with no word of now, the equal figure may still be the former event's, as before
    (again,) = _deaths("12 people died in that accident", "again", ())
    assert not told_as_now(again)
    assert len(group_measures([former, again], DEFAULT_SETTINGS.ledger)) == 1
