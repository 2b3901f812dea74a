"""The quantities parser on sentences written for these tests, and its offsets on arbitrary text."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.tokens import Doc, Span

from storyline.records import Quantity
from storyline.stages.nlp import load_nlp
from storyline.stages.quantities import find_quantities, number_type
from storyline.stages.quantities.predicate import predicate_in


def quantities_in(text: str) -> list[Quantity]:
    doc = load_nlp()(text)
    found = find_quantities(doc, 0, len(text))
    for quantity in found:
        assert text[quantity.start : quantity.end] == quantity.text
    return found


def only(text: str) -> Quantity:
    found = quantities_in(text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "value", "unit", "approx"),
    [
        ("The army moved 12,000 soldiers to the border.", 12000, "personnel", False),
        ("The army moved 10 000 troops to the border.", 10000, "personnel", False),
        ("Officials counted 1.5 thousand men at the camp.", 1500, "personnel", False),
        ("The general said about 11,000 infantrymen were training.", 11000, "personnel", True),
        ("Nearly 4,000 servicemen crossed the river.", 4000, "personnel", True),
        ("Some 300 marines landed at dawn.", 300, "personnel", True),
        ("At least 2,500 recruits arrived on trains.", 2500, "personnel", True),
        ("More than 700 special forces took part.", 700, "personnel", True),
        ("Up to 40 km of road was closed.", 40, "km", True),
        ("Dozens of recruits queued for uniforms.", 24, "personnel", True),
        ("The ministry sent two thousand workers.", 2000, "personnel", False),
        # the people of a kidnapping are people, whatever noun names them (issue #17)
        ("The gunmen still held 60 hostages.", 60, "personnel", False),
        ("Six captives were handed over.", 6, "personnel", False),
        ("The fund lost $5 million last year.", 5_000_000, "USD", False),
        ("The budget grew by EUR 25 million.", 25_000_000, "EUR", False),
        # an approximator before the currency sign makes a sum approximate too
        ("The fund lost nearly $5 million last year.", 5_000_000, "USD", True),
        ("The mill owes more than $2 million to its suppliers.", 2_000_000, "USD", True),
        ("Turnout rose to 64% among younger voters.", 64, "percent", False),
        ("Forty ships waited outside the harbour.", 40, "ship", False),
        ("The farm bought 250 sheep in spring.", 250, "sheep", False),
        # a whole herd is one class whatever its noun; a species (above) keeps its own
        ("Snow killed 9,500 head of cattle in the valley.", 9500, "livestock", False),
        ("The storm left 300 dead animals on the plain.", 300, "livestock", False),
    ],
)
def test_value_unit_and_approximation(text: str, value: float, unit: str, approx: bool) -> None:
    quantity = only(text)
    assert (quantity.value, quantity.unit, quantity.approx) == (value, unit, approx)


def test_quantity_span_runs_from_the_approximator_to_the_counted_noun() -> None:
    assert only("They said about 9,000 North Korean soldiers had arrived.").text == (
        "about 9,000 North Korean soldiers"
    )
    # and from one before a currency sign: the ledger reads a floor of money off its words
    assert only("The mill owes more than $2 million to its suppliers.").text == "more than $2 million"


@pytest.mark.parametrize(
    "text",
    [
        "The treaty was signed in 2023 after long talks.",
        "He served in the war (1950-1953) as a medic.",
        "The summit opened on October 18 in the capital.",
        "The First Committee met again on Tuesday.",
        "Leaders of the Group of Seven met in Rome.",
        "She finished third in the race.",
    ],
)
def test_years_dates_ordinals_and_names_are_not_quantities(text: str) -> None:
    assert quantities_in(text) == []


@pytest.mark.parametrize(
    ("text", "share", "span"),
    [
        ("Three of four residents opposed the plan.", 75, "Three of four residents"),
        ("Two in three farmers said the dam leaks.", 66.7, "Two in three farmers"),
        ("Four in 10 voters had not decided.", 40, "Four in 10 voters"),
        ("One in five pupils missed the exam.", 20, "One in five pupils"),
    ],
)
def test_a_worded_fraction_is_one_share_not_two_counts(text: str, share: float, span: str) -> None:
    # neither the part ("three people") nor the whole ("four residents") is a count anyone gave
    quantity = only(text)
    assert (quantity.value, quantity.unit, quantity.text) == (share, "percent", span)


@pytest.mark.parametrize(
    "text",
    [
        "Police arrested 12 of 40 protesters.",  # no round whole: the arrested are counted
        "Two of the three suspects fled.",  # a part of named people
        "He won 5 in 2016.",  # a year, no whole
        "Her son was one of four soldiers killed.",  # one member of a group
    ],
)
def test_a_part_of_a_group_or_a_year_is_no_fraction(text: str) -> None:
    assert all(quantity.unit != "percent" for quantity in quantities_in(text))


@pytest.mark.parametrize(
    "text",
    [
        "The mayor said he was 100 percent sure the dam would hold.",
        "She said the report was 100% accurate.",
        '"I am a hundred percent behind him," the senator said.',
        "The coach said his players gave 110 percent on Sunday.",
        "The chance of that is one in a million, the engineer said.",
        "I have told them a thousand times that the road is closed.",
        "The governor said she was of two minds about the levy.",
        "It is a tale of two parties, the analyst said.",
        "The levy and the toll are two sides of the same coin, he said.",
        "The bridge was one of a kind, the engineer said.",
        "Our rescue teams are second to none, the minister said.",
        "The cabinet was at sixes and sevens over the budget.",
        "Safety is our number one priority, the company said.",
        "Trust is a two-way street, the mayor said.",
        "The minister held one-on-one talks with the governor.",
    ],
)
def test_rhetoric_and_idioms_are_no_quantities(text: str) -> None:
    # emphasis ("100 percent sure") and fixed idioms ("of two minds") answer no question (issue #14)
    assert quantities_in(text) == []


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("Prices rose 100 percent in a year.", 100, "percent"),
        ("The party won 100 percent of the seats.", 100, "percent"),
        ("The vaccine is 95 percent effective.", 95, "percent"),
        ("The plant runs on 100 percent renewable energy.", 100, "percent"),
        ("Police were called to the house 5 times last year.", 5, "time"),
        ("Two sides signed the truce on Monday.", 2, "side"),
    ],
)
def test_a_figure_beside_rhetoric_words_stays_a_quantity(text: str, value: float, unit: str) -> None:
    # a share of a verb of change or of an "of", below a hundred, or of a noun; digits counting times
    quantity = only(text)
    assert (quantity.value, quantity.unit) == (value, unit)


def test_number_words_that_do_not_add_up_are_no_sum() -> None:
    # "fifteen-eighty" is a price said aloud (15.80), not 95; "twenty-five" and "one hundred twenty" add up
    assert [q.value for q in quantities_in("Fifteen-eighty gets the bidder close.")] != [95]
    assert only("The ministry sent twenty-five trucks.").value == 25
    assert only("The ministry sent one hundred twenty trucks.").value == 120


def test_a_duration_the_recogniser_labels_a_time_is_a_quantity_typed_duration() -> None:
    sirens = only("The sirens had sounded about forty minutes before the dam gave way on Friday night.")
    assert (sirens.value, sirens.unit, sirens.approx) == (40, "minute", True)
    assert sirens.text == "about forty minutes"
    assert number_type(sirens) == "duration"  # context, never an answer to a ledger question
    # a bare number after a duration borrows no unit from it
    search = quantities_in("The search went on for about forty minutes. At least 12 were found alive.")
    assert [(q.value, q.unit) for q in search] == [(40, "minute"), (12, "")]


def test_a_number_without_a_noun_takes_the_unit_of_the_count_before_it() -> None:
    found = quantities_in("About 1,500 soldiers crossed the border. At least 2,600 would follow in winter.")
    assert [(q.value, q.unit) for q in found] == [(1500, "personnel"), (2600, "personnel")]


def test_only_numbers_inside_the_range_are_returned() -> None:
    text = "In March 300 workers left; in April 200 workers came back."
    doc = load_nlp()(text)
    start = text.index("in April")
    assert [q.value for q in find_quantities(doc, start, len(text))] == [200]


@pytest.mark.parametrize(
    "text",
    [
        "The senator faces a challenger in the Aug. 30 primary.",
        "Voters pick a governor in the Nov. 8 election.",
        "The panel meets again after its March 14 hearing.",
    ],
)
def test_a_day_after_a_month_counts_no_noun_after_it(text: str) -> None:
    assert quantities_in(text) == []


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=200))
def test_arbitrary_text_never_raises_and_spans_slice_the_text(text: str) -> None:
    quantities_in(text)


STRETCH_TEXT = "In March 300 workers left; in April about 2,000 workers came back and 15 km of road reopened."


@pytest.mark.parametrize(
    ("start", "end"),
    [(0, len(STRETCH_TEXT)), (10, 60), (9, 44), (STRETCH_TEXT.index("2,000") + 1, len(STRETCH_TEXT))],
)
def test_a_callers_text_and_token_offsets_give_what_the_doc_alone_gives(start: int, end: int) -> None:
    # The claims stage passes the text and token offsets it read once; stretches cut inside a token too.
    doc = load_nlp()(STRETCH_TEXT)
    offsets = [token.idx for token in doc]
    given_once = find_quantities(doc, start, end, text=STRETCH_TEXT, token_starts=offsets)
    assert given_once == find_quantities(doc, start, end)
    assert all(start <= q.start and q.end <= end for q in given_once)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.sampled_from(
            [
                "12,000",
                "10",
                "000",
                "1.5",
                "thousand",
                "two",
                "-",
                "five",
                "about",
                "at",
                "least",
                "dozens",
                "of",
                "soldiers",
                "in",
                "2023",
                "$",
                "%",
                "million",
                "them",
                ".",
                "Group",
                "Seven",
                "people",
            ]
        ),
        max_size=25,
    )
)
def test_number_like_word_salad_never_raises(words: list[str]) -> None:
    quantities_in(" ".join(words))


def test_a_dateline_is_never_the_subject_of_a_figures_predicate() -> None:
    """The parser may take a dateline's place for the verb's subject (a label read "did MANDALGOVI — kill?"):
    a parse built by hand with that misreading, on a sentence written for this test."""
    words = ["KORVALA", "—", "A", "brutal", "winter", "has", "killed", "84,000", "sheep", "."]
    heads = [6, 0, 4, 4, 6, 6, 6, 8, 6, 6]
    deps = ["nsubj", "punct", "det", "amod", "npadvmod", "aux", "ROOT", "nummod", "dobj", "punct"]
    pos = ["PROPN", "PUNCT", "DET", "ADJ", "NOUN", "AUX", "VERB", "NUM", "NOUN", "PUNCT"]
    lemmas = ["KORVALA", "—", "a", "brutal", "winter", "have", "kill", "84,000", "sheep", "."]
    doc = Doc(load_nlp().vocab, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas)
    start = doc.text.index("84,000")
    assert predicate_in(doc, start, start + len("84,000 sheep")) == ""
    doc = Doc(
        load_nlp().vocab,
        words=words[2:],
        heads=[h - 2 for h in heads[2:]],
        deps=["det", "amod", "nsubj", *deps[5:]],
        pos=pos[2:],
        lemmas=lemmas[2:],
    )
    start = doc.text.index("84,000")
    assert predicate_in(doc, start, start + len("84,000 sheep")) == "did a brutal winter kill"


def test_a_number_of_named_things_counts_them_not_the_figure_before() -> None:
    text = "The flood covered 900 acres on Monday. The number of bridges still closed fell from 9 to 4."
    assert [(q.value, q.unit) for q in quantities_in(text)] == [(900, "acre"), (9, "bridge"), (4, "bridge")]
    # a kind of count ("the number of dead") or a coordination names no one counted thing: the count
    # before gives the unit, as for any bare number
    dead = "Rescuers found 12 people. The number of dead rose to 14."
    assert [(q.value, q.unit) for q in quantities_in(dead)] == [(12, "personnel"), (14, "personnel")]
    both = "Workers reopened 30 facilities. The number of schools and clinics still shut fell to 8."
    assert [(q.value, q.unit) for q in quantities_in(both)] == [(30, "facility"), (8, "facility")]


def test_a_worded_one_left_of_a_count_counts() -> None:
    found = quantities_in("Crews cleared the pass, leaving one open lane for trucks.")
    assert [(quantity.text, quantity.value, quantity.unit) for quantity in found] == [
        ("one open lane", 1, "lane")
    ]
    assert [q.value for q in quantities_in("The strike is down to one depot.")] == [1]
    assert quantities_in("He left one morning for the pass.") == []
    assert quantities_in("Leaving one of the trucks, they walked.") == []


def test_a_worded_one_counts_only_when_a_later_bare_number_is_set_against_it() -> None:
    found = quantities_in("By dusk one climber was still stranded, down from three on Sunday.")
    assert [(quantity.text, quantity.value) for quantity in found] == [("one climber", 1), ("three", 3)]
    assert quantities_in("One climber said the pass was closed.") == []
    assert [q.value for q in quantities_in("One of the climbers was stranded, down from three.")] == [3]
    assert [q.value for q in quantities_in("The one good road was closed, up from two roads last week.")] == [
        2
    ]


def test_a_worded_one_in_a_perfect_passive_is_a_tally_so_far() -> None:
    # the tense a count to date is told in: "one ... has been", later raised to "two ... have been"
    found = quantities_in("The water board said one pumping station had so far been declared unsafe.")
    assert [(q.text, q.value, q.unit) for q in found] == [("one pumping station", 1, "station")]
    assert [q.value for q in quantities_in("Only one hiker has been found alive.")] == [1]
    # a simple past, a determiner before it, or a passive of telling: no count
    assert quantities_in("One hiker was quoted as saying the path was icy.") == []
    assert quantities_in("The one hiker who had been rescued spoke to reporters.") == []
    assert quantities_in("One ranger has been told the hut is closed.") == []


def test_digits_that_close_a_name_are_no_count() -> None:
    # before a singular noun (a count above one takes a plural), or with no noun, after a determiner or
    # before a verb the name is the subject of
    assert quantities_in("The Nordlink 4 power cable went dark on Monday.") == []
    assert quantities_in("Divers inspected the ferry Sea Lark 8 overnight.") == []
    assert quantities_in("The tug Sea Lark 8 now lies at anchor, the harbour master said.") == []
    found = quantities_in("Engineers boarded the Sea Lark 8 and counted 14 cracked welds.")
    assert [(q.value, q.unit) for q in found] == [(14, "weld")]
    # a figure a name holds stays a count: a poll line, a share, a score against another figure
    assert [q.value for q in quantities_in("The survey put Moreau 46 percent, Laine 38 percent.")] == [46, 38]
    assert [q.value for q in quantities_in("In Tampere 300 volunteers cleared the snow.")] == [300]


def test_a_telephone_code_is_no_count() -> None:
    # after a word of calling or of a line, or naming a single number: a code
    assert quantities_in("Hikers lost on the ridge should dial 999 at once.") == []
    assert quantities_in("Parents can ring the council hotline 0800 for advice.") == []
    found = quantities_in("Alerts reached 30 towns through the 911 alert number that night.")
    assert [(q.value, q.unit) for q in found] == [(30, "town")]
    # lines counted in the plural stay a count
    assert [q.value for q in quantities_in("The storm cut 3 phone lines in the valley.")] == [3]
    # the number one call was made to; calls in the plural stay a count
    assert quantities_in("She told the operator in a 999 call that the car had left the road.") == []
    assert [q.value for q in quantities_in("The station took 40 calls in an hour.")] == [40]


def test_the_number_of_a_numbered_institution_is_part_of_its_name() -> None:
    found = quantities_in("Some 40 prisoners broke out of Penal Camp No. 7 near the river on Sunday.")
    assert [(q.value, q.unit) for q in found] == [(40, "prisoner")]
    assert quantities_in("Guards at Gate Nr. 4 waved the lorries through.") == []
    # a count after the name is still a count
    assert [q.value for q in quantities_in("Camp No. 7 held 900 inmates.")] == [900]


def test_a_room_or_flat_number_is_an_address_not_a_count() -> None:
    # right after a word naming one room or dwelling: an address; rooms in the plural stay a count
    found = quantities_in("Inspectors searched room 212 of the guest house and found 35 vials.")
    assert [(q.value, q.unit) for q in found] == [(35, "vial")]
    assert quantities_in("The letters were sent to flat 9 on the third floor.") == []
    assert [q.value for q in quantities_in("The hotel has 120 rooms near the stadium.")] == [120]


def test_a_rank_on_a_scale_is_no_count_and_borrows_no_unit() -> None:
    text = "Gusts hit 90 km/h on the coast, category 4 on the storm scale, and level 3 alerts followed."
    assert [(q.value, q.unit) for q in quantities_in(text)] == [(90, "km/h")]


def test_a_unit_per_a_time_is_a_rate_not_a_distance() -> None:
    # a wind speed is no distance (the generalise fire story's "70 km/h" asked "How many km?")
    found = quantities_in("Winds reached 70 km/h in the afternoon, with gusts of 90 kilometres per hour.")
    assert [(q.value, q.unit) for q in found] == [(70, "km/h"), (90, "km/h")]
    # a distance stays one, whatever follows it
    found = quantities_in("Police closed 23 km of road, 5 km a day ahead of the fire.")
    assert [(q.value, q.unit) for q in found] == [(23, "km"), (5, "km")]


def test_a_chain_of_values_after_a_verb_of_change_is_a_count_not_a_date() -> None:
    # the recogniser may label "12 to 19" a time or "58 to 37" a date; after "climbed from" or "fell from"
    # they are the values a count moved through
    toll = "The death toll climbed from 12 to 19 overnight, officials said."
    assert [q.value for q in quantities_in(toll)] == [12, 19]
    shelters = "The number of shelters still open fell from 58 to 37 and then to 9, the agency said."
    assert [(q.value, q.unit, q.earlier_in_chain) for q in quantities_in(shelters)] == [
        (58, "shelter", True),
        (37, "shelter", True),
        (9, "shelter", False),
    ]
    # the values a count moved through are marked, the one it has now is not (the ledger dates them apart)
    assert [q.earlier_in_chain for q in quantities_in(toll)] == [True, False]
    # a span of days, and numbers after a verb that changes no amount, stay what the recogniser says
    assert quantities_in("The hearing was moved from 10 to 12 October.") == []
    assert quantities_in("The visit was put back from 14 to 21 March, the embassy said.") == []


def test_a_bare_number_compared_with_a_later_figure_counts_its_noun() -> None:
    text = "Crews reopened 14 bridges. The office had logged 240 by Friday, compared with 180 formal appeals."
    assert [(q.value, q.unit) for q in quantities_in(text)] == [
        (14, "bridge"),
        (240, "appeal"),
        (180, "appeal"),
    ]
    # with no figure compared after it, the bare number keeps the unit of the count before it
    alone = "Crews reopened 14 bridges. By Friday they had reopened 20."
    assert [(q.value, q.unit) for q in quantities_in(alone)] == [(14, "bridge"), (20, "bridge")]


def _labelled_date(text: str, words: str) -> Doc:
    """The parse of ``text`` with ``words`` labelled DATE as one entity, as the recogniser labels "a day
    earlier there had been 46" in some stories and not in others."""
    doc = load_nlp()(text)
    start = text.index(words)
    span = doc.char_span(start, start + len(words))
    assert span is not None
    doc.ents = [e for e in doc.ents if e.end <= span.start or e.start >= span.end] + [
        Span(doc, span.start, span.end, label="DATE")
    ]
    return doc


@pytest.mark.parametrize(
    ("text", "words", "unit"),
    [
        (
            "The port authority said 12 ferries were stuck in the harbour on Monday evening; a day earlier "
            "there had been 19.",
            "a day earlier there had been 19",
            "ferry",
        ),
        (
            "The agency said 14 shelters remained open on Thursday night. Two days earlier there were 37.",
            "Two days earlier there were 37",
            "shelter",
        ),
        # several things counted before it: which one it goes on with is a guess
        (
            "The agency said 14 shelters and 40 tents were in use on Thursday; "
            "two days earlier there were 37.",
            "two days earlier there were 37",
            None,
        ),
        # money, shares and durations are no count to go on with
        (
            "The council spent $12 million on roads on Friday; a week earlier there had been 30.",
            "a week earlier there had been 30",
            None,
        ),
        (
            "Turnout was 46 percent on Sunday; a day earlier there had been 31.",
            "a day earlier there had been 31",
            None,
        ),
        # a number after a preposition is a day or a time
        (
            "The agency said 14 shelters remained open on Thursday; the week before they closed on 12.",
            "the week before they closed on 12",
            None,
        ),
        # a count of another paragraph is not the one this number goes on with
        (
            "The agency said 14 shelters remained open on Thursday.\n\nTwo days earlier there were 37.",
            "Two days earlier there were 37",
            None,
        ),
    ],
)
def test_a_bare_number_labelled_a_date_goes_on_with_the_one_count_before_it(
    text: str, words: str, unit: str | None
) -> None:
    doc = _labelled_date(text, words)
    number = words.split()[-1]
    at = text.index(words) + len(words) - len(number)
    found = [q for q in find_quantities(doc, 0, len(text)) if q.start == at]
    assert [q.unit for q in found] == ([unit] if unit else [])
    assert all(q.value == float(number) for q in found)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("The bottom 40 percent of households would get nothing from the plan.", []),
        ("Economists expect the richest 5% to gain most from the change.", []),
        ("The wealthiest 10 percent owned 62 percent of the farmland.", [62]),
        # "top" before a rate's noun names a bracket's rate, a figure
        ("The bill lowers the top 39 percent rate for couples.", [39]),
    ],
)
def test_a_ranked_group_is_no_share(text: str, kept: list[float]) -> None:
    assert [quantity.value for quantity in quantities_in(text)] == kept


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Running a race in 50 states at once is a much harder job, he said.", []),
        ("The tour will reach all seven continents.", []),
        ("Officials in 12 states sued over the rule.", [12]),
    ],
)
def test_the_known_size_of_a_whole_is_no_count(text: str, kept: list[float]) -> None:
    assert [quantity.value for quantity in quantities_in(text)] == kept


def test_a_number_before_suspended_coordinated_modifiers_counts_their_noun() -> None:
    text = "A review found the rule would cut pay for 3 million part- and full-time nurses."
    quantity = only(text)
    assert quantity.text == "3 million part- and full-time nurses"
    assert quantity.unit != "review"


def test_a_verbs_indirect_object_before_the_figure_stays_in_its_predicate() -> None:
    # issue #14 (PolNeAR manafort-shake-up): "paid the Podesta Group $1.13 million" asked what the nonprofit
    # paid in all
    words = ["The", "nonprofit", "paid", "the", "firm", "$", "1.13", "million", "."]
    heads = [1, 2, 2, 4, 2, 2, 7, 5, 2]
    deps = ["det", "nsubj", "ROOT", "det", "dative", "dobj", "compound", "nummod", "punct"]
    pos = ["DET", "NOUN", "VERB", "DET", "NOUN", "SYM", "NUM", "NUM", "PUNCT"]
    lemmas = ["the", "nonprofit", "pay", "the", "firm", "$", "1.13", "million", "."]
    doc = Doc(load_nlp().vocab, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas)
    start = doc.text.index("$")
    assert predicate_in(doc, start, len(doc.text) - 2) == "did the nonprofit pay the firm"
    # an object after the figure ("paid $1.13 million to the firm") is no indirect object before it
    deps = ["det", "nsubj", "ROOT", "det", "pobj", "dobj", "compound", "nummod", "punct"]
    doc = Doc(load_nlp().vocab, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas)
    assert predicate_in(doc, start, len(doc.text) - 2) == "did the nonprofit pay"


def test_he_of_a_clause_coordinated_with_a_named_subjects_takes_the_name() -> None:
    # issue #14 (PolNeAR manafort-shake-up): "… and he put $100 million into the fund" asked "did he put"
    nlp = load_nlp()
    text = "Mr. Deripaska agreed to pay a fee to Mr. Manafort, and he put $100 million into the fund."
    start = text.index("$100")
    assert predicate_in(nlp(text), start, start + len("$100 million")) == "did Mr. Deripaska put"
    # a sentence of its own names no one before "he"
    text = "He put $100 million into the fund."
    start = text.index("$100")
    assert predicate_in(nlp(text), start, start + len("$100 million")) == "did he put"


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        # issue #14: "a quarter-of-a-million people" became 1,000,000, the fraction dropped
        ("By May the volunteers had met a quarter-of-a-million voters.", 250_000, "voter"),
        ("The town now has a quarter-million residents.", 250_000, "personnel"),
        ("The band sold half a million tickets.", 500_000, "ticket"),
        ("Three-quarters of a million homes lost power.", 750_000, "home"),
        ("The state sent a third of a billion dollars.", 333_333_333, "USD"),
    ],
)
def test_a_fraction_of_a_scale_word_is_one_number(text: str, value: float, unit: str) -> None:
    quantity = only(text)
    assert (quantity.value, quantity.unit) == (value, unit)


def test_an_ordinal_before_a_scale_word_is_no_fraction() -> None:
    assert only("The third million visitor came in May.").value == 1_000_000


@pytest.mark.parametrize(
    "text",
    ["He wanted two f---ing votes in the county.", "He wanted two f***ing votes.", "She won two s--- votes."],
)
def test_a_censored_word_is_never_the_unit(text: str) -> None:
    quantity = only(text)
    assert (quantity.value, quantity.unit) == (2, "vote")
