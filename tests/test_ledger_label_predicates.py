"""The verb a quantity label gains from its figure's own sentence."""

import dataclasses

import pytest
from factories import make_claim, make_quantity
from spacy.tokens import Doc

from storyline.records import Quantity
from storyline.stages import nlp
from storyline.stages.ledger import label_predicates
from storyline.stages.ledger.evidence import names_a_predicate, read_label_predicates
from storyline.stages.ledger.label_predicates import finite_count_label, with_predicate


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
    assert _labelled(label, text, quantity) == (
        "How many crowns did the council pay to every family that lost a boat?"
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
    ("text", "label"),
    [
        # the speed is the object of what reached it: its subject says whose speed the question asks
        ("Gusts reached 90 km/h over the ridge on Sunday.", "What speed did gusts reach over the ridge?"),
        # a speed that is no verb's object gains nothing: "What speed were recorded?" would not read
        ("Gusts of 90 km/h were recorded over the ridge on Sunday.", "What speed over the ridge?"),
    ],
)
def test_a_speed_asks_what_reached_it(text: str, label: str) -> None:
    quantity = dataclasses.replace(make_quantity("90 km", 90, within=text, unit="km/h"), predicate="")
    claim = make_claim(text)
    assert with_predicate("What speed over the ridge?", [(claim, quantity)], [0], {"a": text}) == label


@pytest.mark.parametrize(
    ("text", "figure", "label", "asked"),
    [
        # the figure is the object of a preposition after its verb's own object
        (
            "Trump would actually raise taxes on 8 million low-income Americans.",
            "8 million low-income Americans",
            "How many low-income Americans?",
            "How many low-income Americans would Trump raise taxes on?",
        ),
        # the figure is the object of an infinitive under another verb
        (
            "Sanders said he wants to attack four provisions in the tax code.",
            "four provisions",
            "How many provisions in the tax code?",
            "How many provisions in the tax code does he want to attack?",
        ),
        # issue #14: a subject with a parenthesis the worker's predicate could not take ("Roger Ailes (Fox
        # News Chairman and CEO) had three brief conversations …"): who did what goes after the counted words
        (
            "Maria Lopez (the agency's chief) had two long calls with the mayor on Monday, a spokesman said.",
            "two long calls",
            "How many long calls with the mayor on Monday?",
            "How many long calls did Maria Lopez have with the mayor on Monday?",
        ),
        # a name longer than a predicate's subject words
        (
            "The Federal Emergency Management Agency opened three new shelters in the county.",
            "three new shelters",
            "How many new shelters in the county?",
            "How many new shelters did the Federal Emergency Management Agency open in the county?",
        ),
    ],
)
def test_a_count_whose_verb_the_worker_did_not_read_gains_it(
    text: str, figure: str, label: str, asked: str
) -> None:
    quantity = dataclasses.replace(make_quantity(figure, 4, within=text), predicate="")
    assert _labelled(label, text, quantity) == asked


@pytest.mark.parametrize(
    ("text", "label"),
    [
        # a pronoun names no one; a verb with its own auxiliary has a tense "did" cannot ask; a label
        # naming the verb already says who did what
        ("He opened three new shelters in the county.", "How many new shelters in the county?"),
        (
            "The agency (FEMA) has opened three new shelters in the county.",
            "How many new shelters in the county?",
        ),
        (
            "The agency (FEMA) opened three new shelters in the county.",
            "How many new shelters in the county did the agency open?",
        ),
    ],
)
def test_a_count_keeps_its_label_where_no_named_subject_did_it(text: str, label: str) -> None:
    quantity = dataclasses.replace(make_quantity("three new shelters", 3, within=text), predicate="")
    assert _labelled(label, text, quantity) == label


def test_a_share_that_is_its_verbs_object_names_whose_share_it_is() -> None:
    text = "The governor holds only 21 percent of the rural vote compared to his rival's 60 percent."
    quantity = make_quantity("21 percent", 21, within=text, unit="percent")
    label = "What share rural vote compared to his rival?"
    assert _labelled(label, text, quantity) == "What share of the rural vote does the governor hold?"


def test_a_possessive_the_parse_split_off_is_joined_again() -> None:
    text = "The mayor’s campaign raised $5 million in May."
    quantity = dataclasses.replace(
        make_quantity("$5 million", 5e6, within=text, unit="USD"), predicate="did mayor ’s campaign raise"
    )
    label = with_predicate("How much money in May?", [(make_claim(text), quantity)], [0], {"a": text})
    assert label == "How much money did mayor’s campaign raise in May?"


@pytest.mark.parametrize(
    ("text", "figure", "predicate", "label", "asked"),
    [
        # issue #14: "Clinton, who held three campaign events …" asked "How many campaign events …?", no one's
        (
            "Mayor Lindqvist, who opened four new piers on Friday, praised the crews.",
            "four new piers",
            "did who open",
            "How many new piers on Friday?",
            "How many new piers on Friday did Mayor Lindqvist open?",
        ),
        # an auxiliary and a participle keep their tense
        (
            "Judge Anna Berg, who is hearing two lawsuits against the port, was praised.",
            "two lawsuits",
            "did who hear",
            "How many lawsuits against the port?",
            "How many lawsuits against the port is Judge Anna Berg hearing?",
        ),
        # no name before the pronoun: the verb still goes
        (
            "the crews, who opened four new piers on Friday, were praised.",
            "four new piers",
            "did who open",
            "How many new piers on Friday?",
            "How many new piers on Friday?",
        ),
    ],
)
def test_a_relative_pronoun_named_right_before_is_the_subject_a_label_asks_about(
    text: str, figure: str, predicate: str, label: str, asked: str
) -> None:
    unit = figure.split()[-1].removesuffix("s")  # "pier", "lawsuit"
    quantity = dataclasses.replace(make_quantity(figure, 4, within=text, unit=unit), predicate=predicate)
    assert _labelled(label, text, quantity) == asked


def _labelled(label: str, text: str, quantity: Quantity) -> str:
    """``with_predicate``'s label for one figure of a claim that is the whole text of article "a"."""
    return with_predicate(label, [(make_claim(text), quantity)], [0], {"a": text})


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        # a relative clause on the counted subject: its verb is the question's
        ("How many tractors that were sold in Lower Wessex?", "How many tractors were sold in Lower Wessex?"),
        (
            "How many Northland Farmers Union tractors that rusted?",
            "How many Northland Farmers Union tractors rusted?",
        ),
        # a participle right after the counted noun stands for a passive
        ("How many files now upgraded to secret?", "How many files are now upgraded to secret?"),
        # a finite verb, a noun phrase question or a participle before the label's own verb stay as they are
        ("How many tractors rusted?", "How many tractors rusted?"),
        ("How many hand-picked apples in the crate?", "How many hand-picked apples in the crate?"),
        ("How many sheep in the valley?", "How many sheep in the valley?"),
        ("How many sheep sold at the fair were lambs?", "How many sheep sold at the fair were lambs?"),
    ],
)
def test_a_count_label_asks_with_a_finite_verb(label: str, expected: str) -> None:
    assert finite_count_label(label) == expected


def test_a_count_label_is_tagged_once_for_both_rules(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # the tags a story's labels were read by (``names_a_predicate``) serve the finite-verb rule: no new tags
    label = "How many harvesters that were repaired in Upper Wessex?"
    read_label_predicates([label])
    assert names_a_predicate(label)  # the story's read: tagged here ("repaired")
    monkeypatch.setattr(nlp, "load_nlp", _no_tagger)
    assert finite_count_label(label) == "How many harvesters were repaired in Upper Wessex?"


def _no_tagger() -> None:
    raise AssertionError("a label tagged again")


def test_figure_sentences_parsed_ahead_are_read_as_their_own_parses(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text = (
        "Storm damage closed the coast road on Friday. The council said it had helped 300 families "
        "leave their homes. Crews cleared 14 fallen trees by noon.\n"
    )
    other = "Ferries stayed in port. The harbour master said 40 boats had been tied up.\n"
    families = make_quantity("300 families", 300, within=text)
    trees = make_quantity("14 fallen trees", 14, within=text)
    boats = make_quantity("40 boats", 40, within=other)
    elsewhere = dataclasses.replace(make_quantity("Friday", 5, within=text), text="Monday")
    label_predicates.sentence_parse.cache_clear()
    label_predicates._PARSED_AHEAD.clear()
    batches: list[list[str]] = []
    pipe_without = nlp.pipe_without

    def counted_pipe(texts: list[str], skipped: frozenset[str]) -> list[Doc]:
        batches.append(list(texts))
        return pipe_without(texts, skipped)

    monkeypatch.setattr(nlp, "pipe_without", counted_pipe)
    # two stories ask before either reads: nothing parsed yet
    label_predicates.parse_figure_sentences([(text, families), (text, trees), (text, elsewhere)])
    label_predicates.parse_figure_sentences([(other, boats)])
    assert batches == [] and not label_predicates._PARSED_AHEAD

    def read(doc: Doc) -> list[tuple[str, str, int, str]]:
        return [(t.tag_, t.dep_, t.head.i, t.lemma_) for t in doc]

    # the first read parses every sentence asked for, in one batch; a figure its text does not hold
    # (offsets of another text) is not parsed
    span = label_predicates.figure_in_parse(text, families)
    assert batches == [
        [
            " The council said it had helped 300 families leave their homes.",
            " Crews cleared 14 fallen trees by noon.\n",
            " The harbour master said 40 boats had been tied up.\n",
        ]
    ]
    assert span is not None and read(span.doc) == read(nlp.parse_without(span.doc.text, {"ner"}))
    boats_span = label_predicates.figure_in_parse(other, boats)  # taken from the batch, not parsed again
    assert boats_span is not None and len(batches) == 1
    assert read(boats_span.doc) == read(nlp.parse_without(boats_span.doc.text, {"ner"}))
    # the next batch drops what no rule read from the last one
    label_predicates.parse_figure_sentences([(text, families)])
    label_predicates.sentence_parse.cache_clear()
    label_predicates.figure_in_parse(text, families)
    assert len(batches) == 2 and not label_predicates._PARSED_AHEAD
    label_predicates.sentence_parse.cache_clear()


@pytest.mark.parametrize(
    ("text", "figure", "label", "asked"),
    [
        # a participle right after the counted noun (a tagger reading the label alone reads a past verb)
        (
            "Nine of the 40 injured stayed in the clinic overnight, the harbour master said.",
            "40",
            "How many people injured?",
            "How many people were injured?",
        ),
        (
            "The council has repaired the 30 bridges damaged in the flood.",
            "30 bridges",
            "How many bridges damaged in the flood?",
            "How many bridges were damaged in the flood?",
        ),
        # the figure the subject of an absolute clause's adjective
        (
            "The ferry company reopened 12 routes on Monday, with fewer than 20 still closed.",
            "fewer than 20",
            "How many routes still closed?",
            "How many routes were still closed?",
        ),
        # an existential "there": its tense, before what the sentence says after the counted words
        (
            "The harbour board said there are 40 cranes at the port.",
            "40 cranes",
            "How many cranes at the port?",
            "How many cranes are there at the port?",
        ),
        # a finite verb of the noun's own, a modal's "be" and a label with an auxiliary stay as they are
        (
            "Forty sheep died in the storm on Friday.",
            "Forty sheep",
            "How many sheep died?",
            "How many sheep died?",
        ),
        (
            "There will be 12 ferries on the route.",
            "12 ferries",
            "How many ferries on the route?",
            "How many ferries on the route?",
        ),
        (
            "The storm left 12 barns damaged beyond repair.",
            "12 barns",
            "How many barns did the storm leave damaged?",
            "How many barns did the storm leave damaged?",
        ),
    ],
)
def test_a_counted_nouns_verbless_predicate_is_asked_with_be(
    text: str, figure: str, label: str, asked: str
) -> None:
    quantity = dataclasses.replace(make_quantity(figure, 12, within=text), predicate="")
    assert label_predicates.with_parsed_be(label, text, quantity) == asked


@pytest.mark.parametrize(
    ("text", "figure", "label", "asked"),
    [
        # a relative clause without its pronoun whose object the counted noun is: the question's clause
        (
            "The audit said 30 of the 120 meetings Lund had with farmers were with donors.",
            "120 meetings",
            "How many meetings Lund had with farmers?",
            "How many meetings did Lund have with farmers?",
        ),
        (
            "Officials counted the 40 boats the Harbour Board has inspected since May.",
            "40 boats",
            "How many boats the Harbour Board has inspected since May?",
            "How many boats has the Harbour Board inspected since May?",
        ),
        # with its pronoun the clause is the relative rule's (``finite_count_label``): left as it is here
        (
            "Officials counted the 40 boats that the Harbour Board inspected.",
            "40 boats",
            "How many boats that the Harbour Board inspected?",
            "How many boats that the Harbour Board inspected?",
        ),
    ],
)
def test_a_relative_clause_on_the_counted_object_is_asked_as_the_question(
    text: str, figure: str, label: str, asked: str
) -> None:
    quantity = make_quantity(figure, 40, within=text)
    assert label_predicates.with_object_relative(label, text, quantity) == asked


@pytest.mark.parametrize(
    ("text", "figure", "label", "asked"),
    [
        (
            "The mayor handed out 300 blankets on Friday.",
            "300 blankets",
            "How many blankets did the mayor hand?",
            "How many blankets did the mayor hand out?",
        ),
        (
            "Mayor Lund picked up all 12 ferries in the auction.",
            "12 ferries",
            "How many ferries in the auction did Mayor Lund pick?",
            "How many ferries in the auction did Mayor Lund pick up?",
        ),
        # no particle, or one the label has already: as it is
        (
            "The mayor gave 300 blankets on Friday.",
            "300 blankets",
            "How many blankets did the mayor give?",
            "How many blankets did the mayor give?",
        ),
        (
            "The mayor handed out 300 blankets on Friday.",
            "300 blankets",
            "How many blankets did the mayor hand out?",
            "How many blankets did the mayor hand out?",
        ),
    ],
)
def test_a_phrasal_verb_keeps_its_particle(text: str, figure: str, label: str, asked: str) -> None:
    quantity = make_quantity(figure, 300, within=text)
    assert label_predicates.with_particle(label, text, quantity) == asked
