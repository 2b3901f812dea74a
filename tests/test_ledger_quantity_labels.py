"""Quantity question labels: the counted noun phrase as worded and what follows it in the clause."""

from dataclasses import replace

import pytest
from factories import make_claim, make_quantity, make_time

from storyline.stages.ledger.quantity_labels import comparative_first, quantity_label


def test_quantity_label_uses_the_counted_noun_phrase_and_what_follows() -> None:
    first = "Officials said about 11,000 North Korean infantrymen are training in eastern Russia, he said"
    second = "At least 2,600 would be sent to Kursk"
    pairs = [
        (
            make_claim(first, id="c1"),
            make_quantity("about 11,000 North Korean infantrymen", 11000, within=first),
        ),
        (make_claim(second, id="c2"), make_quantity("At least 2,600", 2600, within=second)),
    ]
    assert quantity_label("personnel", pairs, [1, 0]) == (
        "How many North Korean infantrymen are training in eastern Russia?",
        True,
    )
    # a unit class reads as its display word; money and shares have their own openers
    assert quantity_label("personnel", pairs[1:], [0]) == ("How many people would be sent to Kursk?", True)
    assert quantity_label("USD", pairs[1:], [0])[0] == "How much money would be sent to Kursk?"
    assert quantity_label("percent", pairs[1:], [0])[0] == "What share would be sent to Kursk?"


@pytest.mark.parametrize("figure", ["three of four residents", "two in three residents"])
def test_a_share_told_as_a_fraction_is_asked_of_its_whole(figure: str) -> None:
    text = f"{figure} opposed the new dam"
    pair = (make_claim(text, id="c1"), make_quantity(figure, 75, within=text, unit="percent"))
    assert quantity_label("percent", [pair], [0])[0] == "What share of residents opposed the new dam?"


@pytest.mark.parametrize("figure", ["two of its engineers", "2 of its engineers"])
def test_a_part_of_a_group_is_asked_with_of_whether_its_number_is_a_word_or_digits(figure: str) -> None:
    text = f"{figure} had checked the sluice gates"
    value = 2
    pair = (make_claim(text, id="c1"), make_quantity(figure, value, within=text))
    assert (
        quantity_label("engineer", [pair], [0])[0]
        == "How many of its engineers had checked the sluice gates?"
    )


def test_the_whole_of_a_part_is_not_asked_with_the_parts_verb() -> None:
    # issue #14 (PolNeAR orlando): "23 of the 53 wounded remained hospitalized" asked "How many people
    # wounded remained hospitalized?" of the 53
    text = "Twenty-three of the 53 wounded remained hospitalized, six in critical condition"
    part = replace(make_quantity("Twenty-three", 23, within=text), predicate="remained hospitalized")
    whole = make_quantity("53", 53, within=text)
    claim = make_claim(text, id="c1", quantities=(part, whole))
    assert quantity_label("personnel", [(claim, whole)], [0])[0] == "How many people wounded?"
    # without a part before it, the verb after the figure is its own
    alone = "the 53 wounded remained hospitalized"
    figure = make_quantity("53", 53, within=alone)
    own = make_claim(alone, id="c1", quantities=(figure,))
    label = quantity_label("personnel", [(own, figure)], [0])[0]
    assert label == "How many people wounded remained hospitalized?"


def test_a_bare_unit_label_is_not_informative_and_the_tail_stops_at_a_number() -> None:
    text = "Clinton leads 43 percent to 38 percent"
    pair = (make_claim(text, id="c1"), make_quantity("43 percent", 43, within=text, unit="percent"))
    assert quantity_label("percent", [pair], [0]) == ("What share?", False)


def test_a_unit_ending_in_a_consonant_and_y_reads_as_its_plural() -> None:
    text = "125 were still cut off from the network"
    pair = (make_claim(text), make_quantity("125", 125, within=text, unit="facility"))
    assert quantity_label("facility", [pair], [0])[0].startswith("How many facilities ")
    assert quantity_label("day", [pair], [0])[0].startswith("How many days ")


@pytest.mark.parametrize(
    ("text", "figure", "label"),
    [
        # a particle ending the clause after a verb finishes a phrasal verb: it stays
        ("40 villages were still cut off", "40 villages", "How many villages were still cut off?"),
        ("12 mines had been shut down.", "12 mines", "How many mines had been shut down?"),
        # a particle after a function word is no verb's: it goes
        ("40 villages were up", "40 villages", "How many villages?"),
    ],
)
def test_a_phrasal_verbs_particle_ends_a_label(text: str, figure: str, label: str) -> None:
    pair = (make_claim(text, id="c1"), make_quantity(figure, 1, within=text))
    assert quantity_label("thing", [pair], [0])[0] == label


def test_a_question_of_several_days_names_none_of_them() -> None:
    # issue #17: a count given on four days read "How many employees were at their posts on Tuesday?"
    text = "1,420 employees were at their posts on Tuesday, compared with 1,900 on Monday"
    times = (
        make_time("on Tuesday", "2025-11-18", within=text),
        make_time("on Monday", "2025-11-17", within=text),
    )
    pair = (make_claim(text, times=times), make_quantity("1,420 employees", 1420, within=text))
    assert quantity_label("personnel", [pair], [0], several_days=True)[0] == (
        "How many employees were at their posts?"
    )
    # a question of one day keeps it
    assert quantity_label("personnel", [pair], [0])[0] == "How many employees were at their posts on Tuesday?"


@pytest.mark.parametrize(
    ("text", "figure", "label"),
    [
        # issue #14: a possessive waits for its noun; a cut at the word limit runs on to it
        (
            "31 sheep have died in a heavy flood in Ruritania's northern valley",
            "31 sheep",
            "How many sheep have died in a heavy flood in Ruritania's northern valley?",
        ),
        # ... and when the noun is too far, the possessive and its preposition go
        (
            "31 sheep have died in a heavy flood in Ruritania's remote very high windswept northern valley",
            "31 sheep",
            "How many sheep have died in a heavy flood?",
        ),
        # an adverbial clause after the figure is no verb of what is counted: the tail stops before it
        ("40 villages after the river rose over the dyke", "40 villages", "How many villages?"),
        # a cut at "and" inside "the Northmoor and Southmoor valleys" leaves no phrase at all
        (
            "15 barns were lost in the Northmoor and Southmoor valleys",
            "15 barns",
            "How many barns were lost?",
        ),
        # issue #14: a cut inside "a joint Wessex Guard and Mercia Police project" would ask of the Guard
        # alone; the phrase goes with its preposition
        (
            "12 drones were bought for a joint Wessex Guard and Mercia Police border project",
            "12 drones",
            "How many drones were bought?",
        ),
        # a clause's "and" after a name, with no name after it, still ends the tail there
        (
            "12 drones were bought for Wessex and the rest were leased",
            "12 drones",
            "How many drones were bought for Wessex?",
        ),
        # issue #14: the figure is the object of a relative clause's verb; the verb after it is the wall's
        (
            "The wall here that reaches up to 9 metres has done little to stop raiders",
            "9 metres",
            "How many metres?",
        ),
        # ... while the relative clause's own words after its object stay
        (
            "Anna Berg, who held 3 rallies across Wessex on Friday",
            "3 rallies",
            "How many rallies across Wessex on Friday?",
        ),
        # a complement's "that" before a subject figure keeps the figure's own verb
        ("The council said that more than 30 barns were lost", "30 barns", "How many barns were lost?"),
    ],
)
def test_a_tail_is_cut_only_where_a_phrase_ends(text: str, figure: str, label: str) -> None:
    pair = (make_claim(text, id="c1"), make_quantity(figure, 1, within=text))
    assert quantity_label("thing", [pair], [0])[0] == label


def test_a_share_label_ends_neither_on_an_article_nor_on_a_correlatives_opener() -> None:
    # issue #14: "What share of voters said it bothered them either a?" was cut after an article; an object
    # pronoun ends the verb phrase whole
    text = "72 percent of farmers said it troubled them either a lot or a little that the council sold it"
    pair = (make_claim(text, id="c1"), make_quantity("72 percent", 72, within=text, unit="percent"))
    assert quantity_label("percent", [pair], [0])[0] == "What share of farmers said it troubled them?"


@pytest.mark.parametrize(
    ("content", "figure", "value", "noun"),
    [
        ("one fisherman remains unaccounted for", "one fisherman", 1, "fishermen"),
        ("one lifeboat remains unaccounted for", "one lifeboat", 1, "lifeboats"),
        ("two lifeboats remain unaccounted for", "two lifeboats", 2, "lifeboats"),
    ],
)
def test_a_count_of_one_asks_for_its_noun_in_the_plural(
    content: str, figure: str, value: float, noun: str
) -> None:
    quantity = make_quantity(figure, value, within=content)
    claim = make_claim(content, quantities=(quantity,))
    label, _ = quantity_label("personnel", [(claim, quantity)], [0])
    assert label.startswith(f"How many {noun} "), label


@pytest.mark.parametrize(
    ("text", "figure", "unit", "label"),
    [
        # a figure's span ends before its time unit ("90 km" of "90 km/h"): the tail read "How many km h …?"
        ("Gusts reached 90 km/h over the ridge", "90 km", "km/h", "What speed over the ridge?"),
        (
            "Gusts reached 90 kilometres per hour over the ridge",
            "90 kilometres",
            "km/h",
            "What speed over the ridge?",
        ),
        ("Gusts reached 55 mph over the ridge", "55 mph", "mile/h", "What speed over the ridge?"),
        # a rate that is no speed reads its time unit in words
        (
            "The pumps moved 300 tonnes an hour into the reservoir",
            "300 tonnes",
            "tonne/h",
            "How many tonnes per hour into the reservoir?",
        ),
    ],
)
def test_a_rate_is_asked_as_a_speed_or_per_its_time_unit(
    text: str, figure: str, unit: str, label: str
) -> None:
    pair = (make_claim(text, id="c1"), make_quantity(figure, 1, within=text, unit=unit))
    assert quantity_label(unit, [pair], [0]) == (label, True)


def test_a_ranked_groups_share_names_the_group_or_asks_nothing() -> None:
    text = "The wealthiest 10 percent owned 62 percent of the farmland in 2019"
    quantity = make_quantity("62 percent", 62, within=text, unit="percent")
    named = replace(quantity, predicate="did the wealthiest 10 percent own")
    assert quantity_label("percent", [(make_claim(text, id="c1"), named)], [0]) == (
        "What share of the farmland did the wealthiest 10 percent own?",
        True,
    )
    # a predicate that does not name the group: the label cannot say whose share it is
    unnamed = replace(quantity, predicate="")
    assert quantity_label("percent", [(make_claim(text, id="c1"), unnamed)], [0])[1] is False


def test_an_amount_whose_tail_opens_a_relative_clause_asks_nothing() -> None:
    text = "The firm booked $40 million that it may use to offset profits"
    pair = (make_claim(text, id="c1"), make_quantity("$40 million", 4e7, within=text, unit="USD"))
    assert quantity_label("USD", [pair], [0])[1] is False


def test_an_amount_that_names_what_the_money_is_asks_of_it() -> None:
    # the relative clause has its noun in the label now: "the charge that …"
    text = "The firm booked a $40 million charge that it may use to offset profits"
    pair = (make_claim(text, id="c1"), make_quantity("$40 million charge", 4e7, within=text, unit="USD"))
    assert quantity_label("USD", [pair], [0]) == (
        "How much was the charge that it may use to offset profits?",
        True,
    )
    # a currency's own name is no thing the money is: "5 million dollars" names nothing
    text = "The firm paid 5 million dollars for the site"
    pair = (make_claim(text, id="c1"), make_quantity("5 million dollars", 5e6, within=text, unit="USD"))
    assert quantity_label("USD", [pair], [0])[0] == "How much money for the site?"


def test_an_amount_dated_by_the_words_after_it_asks_with_the_date_as_its_tail() -> None:
    # issue #14: "$26 million last month" asked "How much was the last month?"
    text = "The campaign raised more than $26 million last month, most of it online"
    times = (make_time("last month", "2016-07", "month", within=text),)
    figure = make_quantity("more than $26 million last month", 2.6e7, within=text, unit="USD")
    assert quantity_label("USD", [(make_claim(text, times=times), figure)], [0])[0] == (
        "How much money last month?"
    )


def test_a_period_between_two_dates_keeps_its_end() -> None:
    # issue #14: "between January and June 30" read "… between January?"
    text = "She raised $3 million between January and June 30, the filing shows"
    times = (make_time("June 30", "2016-06-30", within=text),)
    figure = make_quantity("$3 million", 3e6, within=text, unit="USD")
    assert quantity_label("USD", [(make_claim(text, times=times), figure)], [0])[0] == (
        "How much money between January and June 30?"
    )


def test_a_period_between_two_months_keeps_its_years_and_end() -> None:
    # issue #14 (PolNeAR manafort-shake-up): the year of "June 2012" stopped the tail: "… between June?"
    text = "The nonprofit paid $1.13 million between June 2012 and April 2014 to lobby Congress"
    times = (
        make_time("June 2012", "2012-06", "month", within=text),
        make_time("April 2014", "2014-04", "month", within=text),
    )
    figure = make_quantity("$1.13 million", 1.13e6, within=text, unit="USD")
    label = quantity_label("USD", [(make_claim(text, times=times), figure)], [0])[0]
    assert label == "How much money between June 2012 and April 2014?"
    # a bare year is still a figure the tail stops at (``measured_questions`` asks of a former year)
    text = "The nonprofit paid $1.13 million in 2012 to lobby Congress"
    year = (make_time("2012", "2012", "year", within=text),)
    figure = make_quantity("$1.13 million", 1.13e6, within=text, unit="USD")
    assert quantity_label("USD", [(make_claim(text, times=year), figure)], [0])[0] == "How much money?"


def test_a_comparative_after_the_figure_goes_before_the_noun() -> None:
    # "At least $1 million more was donated by …": English asks "How much more money …"
    assert comparative_first("How much money more was donated by the fund?") == (
        "How much more money was donated by the fund?"
    )
    assert comparative_first("How many troops fewer were sent?") == "How many fewer troops were sent?"
    assert comparative_first("How much money was donated by the fund?") == (
        "How much money was donated by the fund?"
    )


@pytest.mark.parametrize("figure", ["a quarter-of-a-million volunteers", "half-a-million volunteers"])
def test_a_hyphenated_fraction_of_a_scale_is_the_number_not_the_counted_noun(figure: str) -> None:
    text = f"{figure} signed up in the county"
    pair = (make_claim(text, id="c1"), make_quantity(figure, 250000, within=text))
    assert quantity_label("personnel", [pair], [0])[0] == "How many volunteers signed up in the county?"


@pytest.mark.parametrize(
    ("text", "label", "says_more"),
    [
        ("Eyes will turn to the next two of the 'big three' towns: Ely and Hull", "How many towns?", True),
        ("the count in three towns that hold runoffs", "How many towns that hold runoffs?", True),
    ],
)
def test_a_figure_whose_span_stops_before_its_noun_names_the_noun_once(
    text: str, label: str, says_more: bool
) -> None:
    figure = "three" if "'big three'" not in text else "three'"
    pair = (make_claim(text, id="c1"), make_quantity(figure, 3, within=text, unit="town"))
    assert quantity_label("town", [pair], [0]) == (label, says_more)
