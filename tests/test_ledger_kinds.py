"""What happened to what a figure counts (``ledger.kinds``, issue #17): the kind word nearest the figure,
a toll whatever noun it counts, and a former event's toll kept from this event's."""

from __future__ import annotations

from storyline.config import DEFAULT_SETTINGS
from storyline.stages.ledger.kinds import (
    PART,
    PAST_EVENT,
    counts_people,
    kind_near,
    names_outbreak,
    outbreak_unit,
)
from storyline.stages.ledger.measures import Measure, group_measures, make_measures
from tests.factories import make_article, make_claim, make_quantity, make_time


def _measures(
    sentence: str, content: str, figures: dict[str, float], times: tuple[str, ...] = ()
) -> list[Measure]:
    article = make_article(sentence)
    quantities = tuple(
        make_quantity(text, value, within=sentence, unit=text.split()[-1].rstrip("s"))
        for text, value in figures.items()
    )
    dated = tuple(make_time(text, None, "month", within=sentence) for text in times)
    claim = make_claim(content, article=article, quantities=quantities, times=dated)
    return make_measures(claim, frozenset())


def _said(content: str, figures: dict[str, float]) -> Measure:
    """The one figure of "Officials said <content>."."""
    (measure,) = _measures(f"Officials said {content}.", content, figures)
    return measure


def test_the_kind_is_the_kind_word_nearest_the_figure() -> None:
    clause = "killing at least five miners and leaving 31 missing"
    assert kind_near(clause, clause.index("five"), clause.index("five") + 4) == "dead"
    assert kind_near(clause, clause.index("31"), clause.index("31") + 2) == "missing"
    toll = "the toll rose to 21, with 15 miners still unaccounted for"
    assert kind_near(toll, toll.index("21"), toll.index("21") + 2) == "dead"
    assert kind_near(toll, toll.index("15"), toll.index("15") + 9) == "missing"
    assert kind_near("12 passengers were trapped", 0, 2) == "missing"
    assert kind_near("142 rescuers arrived", 0, 3) is None


def test_dead_and_missing_in_one_sentence_are_two_kinds_of_people() -> None:
    sentence = "The minister said 21 miners were killed and 15 workers remain unaccounted for."
    content = "21 miners were killed and 15 workers remain unaccounted for"
    measures = _measures(sentence, content, {"21 miners": 21, "15 workers": 15})
    assert [(m.quantity.value, m.kind, m.unit) for m in measures] == [
        (21, "dead", "personnel"),
        (15, "missing", "personnel"),
    ]


def test_a_new_sentence_names_its_own_kind() -> None:
    sentence = 'He said: "Five bodies were brought up. We have no contact with 31 men."'
    content = "Five bodies were brought up. We have no contact with 31 men."
    measures = _measures(sentence, content, {"Five bodies": 5, "31 men": 31})
    assert [m.kind for m in measures] == ["dead", None]


def test_a_toll_of_a_former_event_is_marked_and_kept_apart() -> None:
    sentence = "Officials said the worst accident since October 2023, when a fire killed 46 miners."
    content = "the worst accident since October 2023, when a fire killed 46 miners"
    (past,) = _measures(sentence, content, {"46 miners": 46}, times=("October 2023",))
    assert PAST_EVENT in past.qualifiers
    ranked = "the deadliest accident since a fire at the Kostenko mine killed 46 people"
    ranked_past = _said(ranked, {"46 people": 46})
    assert PAST_EVENT in ranked_past.qualifiers
    current = "the toll rose to 21 people"
    now = _said(current, {"21 people": 21})
    assert now.qualifiers == frozenset() and now.kind == "dead"
    groups = group_measures([past, now], DEFAULT_SETTINGS.ledger)
    assert sorted(len(group) for group in groups) == [1, 1]


def test_the_worst_hit_village_ranks_no_former_event() -> None:
    content = "the worst-hit village counted 12 dead on Monday"
    figure = _said(content, {"12 dead": 12})
    assert PAST_EVENT not in figure.qualifiers


def test_a_part_of_a_count_is_no_value_of_the_total() -> None:
    content = "the dead included two children"
    part = _said(content, {"two children": 2})
    assert PART in part.qualifiers
    of_them = "two of the missing were found alive"
    found = _said(of_them, {"two": 2})
    assert PART in found.qualifiers
    total = "the dead numbered 19"
    toll = _said(total, {"19": 19})
    assert PART not in toll.qualifiers


def test_a_count_named_by_its_kind_word_alone_keeps_that_word() -> None:
    # "31 missing" leaves unsaid what is missing: it meets counts of "missing", not any count of people
    assert not counts_people("missing", "missing")
    assert counts_people("missing", "miner") and counts_people("dead", "passenger")
    assert not counts_people("dead", "ship") and not counts_people("displaced", "home")


def test_cases_and_infections_are_a_tally_only_in_an_article_about_an_outbreak() -> None:
    assert names_outbreak("A measles outbreak has spread to three districts.")
    assert not names_outbreak("The court heard 40 cases of fraud; a computer virus hit the registry.")
    sentence = "Officials said 331 laboratory-confirmed infections and 58 cases were recorded."
    content = "331 laboratory-confirmed infections and 58 cases were recorded"
    article = make_article(sentence)
    figures = (
        make_quantity("331 laboratory-confirmed infections", 331, within=sentence, unit="infection"),
        make_quantity("58 cases", 58, within=sentence, unit="case"),
    )
    claim = make_claim(content, article=article, quantities=figures)
    # about an outbreak: one kind and one unit whatever noun names them; "laboratory-" narrows nothing
    outbreak = make_measures(claim, frozenset(), outbreak=True)
    assert [(m.kind, m.unit, m.qualifiers) for m in outbreak] == [("infected", "case", frozenset())] * 2
    # court cases elsewhere are no count of people
    assert [(m.kind, m.unit) for m in make_measures(claim, frozenset())] == [
        (None, "infection"),
        (None, "case"),
    ]
    assert outbreak_unit("infected", "computer") is None


def test_a_kind_word_across_a_preposition_after_the_figure_names_no_kind() -> None:
    clause = "it received 26 complaints from detainees"
    assert kind_near(clause, clause.index("26"), clause.index("26") + 13) is None
    # a kind word of the figure itself, or right after it, still names it; "of" marks a part (``is_part``)
    assert kind_near("256 people had been detained", 0, 10) == "detained"
    assert kind_near("two of the missing", 0, 3) == "missing"
