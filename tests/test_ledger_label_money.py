"""The verb or the noun an amount's label gains from its figure's own sentence (``ledger.label_money``,
reached through ``label_predicates.with_predicate`` as every label is)."""

import dataclasses

import pytest
from factories import make_claim, make_quantity

from storyline.records import Quantity
from storyline.stages.ledger.label_predicates import with_predicate


@pytest.mark.parametrize(
    ("text", "figure", "predicate", "label", "asked"),
    [
        # an amount asked for a purpose: who asked for it (the verb it is held by), the purpose gone
        (
            "The North Sea Harbour Trust (NSHT) appealed for 3 million crowns to rebuild the piers.",
            "3 million crowns",
            "",
            "How much money to rebuild the piers?",
            "How much money did the North Sea Harbour Trust appeal for?",
        ),
        # an amount that is its verb's object is asked with the verb and its subject, the tail kept
        (
            "Soros contributed more than $2 million to the super PAC.",
            "$2 million",
            "did Soros contribute",
            "How much money to the super PAC?",
            "How much money did Soros contribute to the super PAC?",
        ),
        # an amount a thing costs asks its price
        (
            "Staff pushed clients to buy premium packages costing up to $20,000 after a free trial.",
            "up to $20,000",
            "",
            "How much money after a free trial?",
            "How much do the premium packages cost?",
        ),
        # issue #14: the amount's own currency word is no thing the money is ("How much was the 5 million
        # dollars CNN donated …?" asked nothing): the verb and its subject say who gave it
        (
            "The mayor said the city would act only if Acme donated 2 million dollars to the hospital.",
            "2 million dollars",
            "did Acme donate",
            "How much money to the hospital?",
            "How much money did Acme donate to the hospital?",
        ),
        # issue #14: "the $3 million Wasserman Schultz raised …" asked "How much money raised …?": whose?
        (
            "By contrast, the $2 million Anna Lindqvist raised between March and May came from unions.",
            "$2 million Anna Lindqvist",
            "raised",
            "How much money raised between March and May?",
            "How much money did Anna Lindqvist raise between March and May?",
        ),
    ],
)
def test_an_amount_is_asked_with_the_verb_its_sentence_gives_it(
    text: str, figure: str, predicate: str, label: str, asked: str
) -> None:
    quantity = dataclasses.replace(make_quantity(figure, 1e6, within=text, unit="USD"), predicate=predicate)
    assert _labelled(label, text, quantity) == asked


@pytest.mark.parametrize(
    ("text", "figure", "label", "asked"),
    [
        # the noun the amount is "of" says what the money is
        (
            "The government opened an emergency fund of $50 million for families who lost their homes.",
            "$50 million",
            "How much money for families?",
            "How much was the emergency fund for families?",
        ),
        # the subject of the copula the amount completes, its circumstance left out
        (
            "She said the true bill would be well over EUR 120 million once new depots were included.",
            "EUR 120 million",
            "How much money once new depots?",
            "How much is the true bill?",
        ),
        # an approximator inside the figure's span ("well over") heads it in the parse: the same copula
        (
            "Critics said the real price would be well over EUR 80 million once the new wing was counted.",
            "well over EUR 80 million",
            "How much money once the new wing?",
            "How much is the real price?",
        ),
        # a noun that only says how much ("a low of") names nothing: the label stays, and the gate drops it
        (
            "His holdings fell to a low of about $1 billion in the red by 1991.",
            "$1 billion",
            "How much money in the red?",
            "How much money in the red?",
        ),
    ],
)
def test_an_amount_without_a_verb_is_named_by_its_noun(
    text: str, figure: str, label: str, asked: str
) -> None:
    quantity = dataclasses.replace(make_quantity(figure, 1e6, within=text, unit="USD"), predicate="")
    assert _labelled(label, text, quantity) == asked


def _labelled(label: str, text: str, quantity: Quantity) -> str:
    """``with_predicate``'s label for one figure of a claim that is the whole text of article "a"."""
    return with_predicate(label, [(make_claim(text), quantity)], [0], {"a": text})


@pytest.mark.parametrize(
    ("text", "figure", "label", "predicate", "asked"),
    [
        # the amount a modifier of its verb's object: asked as what that noun is, its holder's clause kept
        (
            "By the spring of 2019, Ruritania was facing a $3 billion, two-year budget shortfall, he said.",
            "$3 billion, two-year budget shortfall",
            "How much money in 2019?",
            "did Ruritania face",
            "How much was the two-year budget shortfall Ruritania was facing in 2019?",
        ),
        # a pronoun subject does not say whose: the verb's question stays
        (
            "By the spring of 2019, it was facing a $3 billion budget shortfall, he said.",
            "$3 billion budget shortfall",
            "How much money in 2019?",
            "did it face",
            "How much money did it face in 2019?",
        ),
    ],
)
def test_an_amount_that_modifies_its_verbs_object_is_named_by_that_noun(
    text: str, figure: str, label: str, predicate: str, asked: str
) -> None:
    quantity = dataclasses.replace(make_quantity(figure, 3e9, within=text, unit="USD"), predicate=predicate)
    assert with_predicate(label, [(make_claim(text), quantity)], [0], {"a": text}) == asked
