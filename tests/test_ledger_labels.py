"""Question labels: built from the most central claim's own words."""

import dataclasses

import pytest
from factories import make_claim, make_position, make_quantity, make_time

from storyline.stages.ledger.labels import (
    asks_something,
    central_order,
    ends_open,
    proposition_label,
    quantity_label,
    shorten,
    with_predicate,
)
from storyline.stages.ledger.status import judge_status


def test_the_most_central_set_comes_first_not_the_first_given() -> None:
    sets = [
        frozenset({"port", "fee"}),
        frozenset({"troop", "korea", "russia"}),
        frozenset({"troop", "korea"}),
    ]
    assert central_order(sets)[0] in (1, 2)
    assert central_order(sets)[-1] == 0


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


@pytest.mark.parametrize("figure", ["two of its engineers", "2 of its engineers"])
def test_a_part_of_a_group_is_asked_with_of_whether_its_number_is_a_word_or_digits(figure: str) -> None:
    text = f"{figure} had checked the sluice gates"
    value = 2
    pair = (make_claim(text, id="c1"), make_quantity(figure, value, within=text))
    assert (
        quantity_label("engineer", [pair], [0])[0]
        == "How many of its engineers had checked the sluice gates?"
    )


def test_a_bare_unit_label_is_not_informative_and_the_tail_stops_at_a_number() -> None:
    text = "Clinton leads 43 percent to 38 percent"
    pair = (make_claim(text, id="c1"), make_quantity("43 percent", 43, within=text, unit="percent"))
    assert quantity_label("percent", [pair], [0]) == ("What share?", False)


def test_proposition_label_is_the_central_content_cut_at_a_clause() -> None:
    claims = [
        make_claim("the news that his country was sending troops", id="c1"),
        make_claim("We have no proof of soldiers fighting in the south, the minister added", id="c2"),
    ]
    # "have" is the main verb here: no auxiliary to move, so the content is asked about as a whole
    assert proposition_label(claims, [0, 1]) == (
        "Is it true that we have no proof of soldiers fighting in the south?"
    )
    assert shorten(
        "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen"
    ).endswith("…")


def test_status_reasons_use_singular_nouns_for_one() -> None:
    deny = make_position("c1", speakers=("Moscow",), outlets=("X",), stance="deny")
    denial = make_claim("the accusation", id="c1", speaker_text="Moscow", modality="denied")
    status, reason = judge_status([deny], [denial])
    assert status == "denied" and reason == "denied by Moscow; no source affirms"


def test_a_corroborated_reason_names_as_many_sources_as_it_counts() -> None:
    affirm = make_position("c1", speakers=("Civil Defence",), outlets=("X", "Y"), stance="affirm")
    said = make_claim("12,000 people had fled", id="c1", speaker_text="Civil Defence")
    status, reason = judge_status([affirm], [said], corroborators=2)
    assert (
        status == "corroborated"
        and reason == "2 independent sources agree (Civil Defence and 1 more), no other position"
    )


@pytest.mark.parametrize(
    ("content", "question"),
    [
        (
            "Gennifer Flowers will not be attending the debate",
            "Will Gennifer Flowers be attending the debate?",
        ),
        ("the FBI obtained a warrant to search the emails", "Is it true that the FBI obtained a warrant?"),
        ("Clinton was extremely careless with classified material", "Was Clinton extremely careless?"),
        ("he wouldn't recommend prosecuting her", "Would he recommend prosecuting her?"),
        ("Clinton hasn't turned over all her emails", "Has Clinton turned over all her emails?"),
    ],
)
def test_proposition_labels_are_questions_without_the_negation(content: str, question: str) -> None:
    label = proposition_label([make_claim(content, id="c1")], [0])
    assert label.endswith("?") and not label.startswith("Whether")
    assert label.split()[:3] == question.split()[:3]


def test_a_label_is_never_cut_inside_an_abbreviation() -> None:
    text = "Ms. Clinton met U.S. officials in Washington on Friday, aides said"
    assert shorten(text) == "Ms. Clinton met U.S. officials in Washington on Friday"


def test_a_fragment_asks_nothing() -> None:
    fragment = [make_claim("from his perspective on it", id="c1")]
    stated = [make_claim("her ministry had been warned about cracks", id="c1")]
    assert not asks_something(fragment, [0]) and asks_something(stated, [0])


@pytest.mark.parametrize(
    ("label", "predicate", "expected"),
    [
        # the tail holds the predicate already, as an adjective or a phrase a tagger reads as no verb
        (
            "How many people were still unaccounted?",
            "were unaccounted for",
            "How many people were still unaccounted?",
        ),
        ("How many miners were on shift?", "were on shift", "How many miners were on shift?"),
        # a verb the label lacks is still added
        ("How many people in the valley?", "were rescued", "How many people in the valley were rescued?"),
        # a predicate the parse cut short ends on what it says, not on a possessive or a preposition
        (
            "How many people?",
            "have drowned in a flood in Ruritania's",
            "How many people have drowned in a flood?",
        ),
    ],
)
def test_a_predicate_the_label_says_already_is_not_added_again(
    label: str, predicate: str, expected: str
) -> None:
    text = "Officials said 24 people in the valley were still unaccounted for on Monday."
    quantity = dataclasses.replace(make_quantity("24 people", 24, within=text), predicate=predicate)
    claim = make_claim("24 people in the valley were still unaccounted for on Monday")
    assert with_predicate(label, [(claim, quantity)], [0], {"a": text}) == expected


def test_a_figure_that_is_the_agent_of_a_participle_asks_what_it_did() -> None:
    text = "The union sent the harbour board a petition, signed by 300 dockworkers, on Monday."
    quantity = dataclasses.replace(make_quantity("300 dockworkers", 300, within=text), predicate="")
    claim = make_claim(text)
    label = with_predicate("How many dockworkers?", [(claim, quantity)], [0], {"a": text})
    assert label.startswith("How many dockworkers signed")


def test_a_relative_pronoun_is_never_the_subject_a_label_asks_about() -> None:
    text = "The mayor, who opened three new piers on Friday, spoke at the harbour."
    quantity = dataclasses.replace(make_quantity("three new piers", 3, within=text), predicate="did who open")
    claim = make_claim(text)
    label = with_predicate("How many new piers?", [(claim, quantity)], [0], {"a": text})
    assert "who" not in label


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
    ],
)
def test_a_tail_is_cut_only_where_a_phrase_ends(text: str, figure: str, label: str) -> None:
    pair = (make_claim(text, id="c1"), make_quantity(figure, 1, within=text))
    assert quantity_label("thing", [pair], [0])[0] == label


def test_a_lone_noun_a_tagger_reads_as_a_verb_still_gains_its_predicate() -> None:
    # "bitcoin" alone is tagged a verb: "How many bitcoin?" was taken to name one already
    text = "The gang has demanded 40 bitcoin."
    quantity = dataclasses.replace(
        make_quantity("40 bitcoin", 40, within=text), predicate="did the gang demand"
    )
    label = with_predicate("How many bitcoin?", [(make_claim(text), quantity)], [0], {"a": text})
    assert label == "How many bitcoin did the gang demand?"


def test_a_bare_amount_asks_what_it_is_the_amount_of() -> None:
    text = "The Harbour Trust launched an appeal for 3 million crowns on Monday."
    quantity = dataclasses.replace(make_quantity("3 million crowns", 3e6, within=text), predicate="")
    label = with_predicate("How many crowns?", [(make_claim(text), quantity)], [0], {"a": text})
    assert label == "How many crowns did the Harbour Trust launch an appeal for?"


def test_an_objects_recipient_keeps_the_verb_that_gives_to_it() -> None:
    text = "The council would pay 500 crowns to every family that lost a boat."
    quantity = dataclasses.replace(
        make_quantity("500 crowns", 500, within=text), predicate="did the council pay"
    )
    label = "How many crowns to every family that lost a boat?"
    assert with_predicate(label, [(make_claim(text), quantity)], [0], {"a": text}) == (
        "How many crowns did the council pay to every family that lost a boat?"
    )


def test_an_amount_asked_for_a_purpose_asks_who_asked_for_it() -> None:
    text = "The North Sea Harbour Trust (NSHT) appealed for 3 million crowns to rebuild the piers."
    quantity = dataclasses.replace(
        make_quantity("3 million crowns", 3e6, within=text, unit="USD"), predicate=""
    )
    label = "How much money to rebuild the piers?"
    assert with_predicate(label, [(make_claim(text), quantity)], [0], {"a": text}) == (
        "How much money did the North Sea Harbour Trust appeal for?"
    )


def test_an_objects_predicate_is_never_cut_to_its_auxiliary() -> None:
    # "today it has about 2,700 on its payroll": "did it have" lost "it" and "have" as function words
    text = "Today the yard has 900 people on its payroll."
    quantity = dataclasses.replace(make_quantity("900", 900, within=text), predicate="did it have")
    label = with_predicate(
        "How many people on its payroll?", [(make_claim(text), quantity)], [0], {"a": text}
    )
    assert label == "How many people on its payroll did it have?"


@pytest.mark.parametrize(
    ("label", "open_end"),
    [
        ("How many people have died in a flood in Ruritania's?", True),
        ("How many people were detained in the?", True),
        ("Is it true that the reserve had run out?", False),
        ("How many crowns did the Harbour Trust launch an appeal for?", False),
        ("How many people on its payroll did it have?", False),
    ],
)
def test_a_label_ending_open_is_told_from_a_phrasal_verb_and_a_stranded_preposition(
    label: str, open_end: bool
) -> None:
    assert ends_open(label) is open_end


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
