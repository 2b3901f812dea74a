"""The verb or the noun of an amount's label: "How much money did the FAO appeal for?", "How much money did
Soros contribute to …?", "How much was the emergency fund for families?", "How much do the expensive
follow-ups cost?". An amount's label that names neither what the money is nor who paid, raised or asked for
it says nothing an analyst can weigh (issue #14); the words come from the figure's own sentence, read off its
parse (``label_predicates``: the parse and the predicates every kind of label shares).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from storyline.lexicons import load_lexicon
from storyline.records import Claim, Quantity
from storyline.stages.ledger.label_predicates import (
    TENSE_AUXILIARIES,
    antecedent_named,
    figure_in_parse,
    held_predicate,
    parsed_figure,
    relative_subject,
    sole_subject_words,
)
from storyline.stages.ledger.quantity_labels import (
    MONEY_OPENER,
    NAMED_MONEY_OPENER,
    PRESENT_MONEY_OPENER,
    noun_phrase,
    subordinate_clause,
)
from storyline.stages.quantities import CURRENCY_UNITS, number_lexicon

if TYPE_CHECKING:
    from spacy.tokens import Token


def money_with_predicate(
    label: str,
    claims_and_quantities: Sequence[tuple[Claim, Quantity]],
    order: list[int],
    texts: Mapping[str, str],
) -> str:
    """ "How much money did the FAO appeal for?" for "How much money to keep the surviving animals alive …?":
    an amount's label whose tail is only a purpose ("to keep …") or nothing names no verb of the amount's
    own (issue #14); the verb the amount is held by, read off a parse (``label_predicates.held_predicate``),
    says who asked for it or paid it. The purpose goes: it is the asker's reason, not what is asked."""
    tail = label.removeprefix(MONEY_OPENER).removesuffix("?").strip()
    if tail and not tail.startswith("to "):
        return _money_with_own_verb(label, tail, claims_and_quantities, order, texts)
    for index in order:
        claim, quantity = claims_and_quantities[index]
        held = held_predicate(texts.get(claim.article, ""), quantity)
        if held:
            return f"{MONEY_OPENER} {held}?"
    return _money_with_own_verb(label, tail, claims_and_quantities, order, texts)


def _money_with_own_verb(
    label: str,
    tail: str,
    claims_and_quantities: Sequence[tuple[Claim, Quantity]],
    order: list[int],
    texts: Mapping[str, str],
) -> str:
    """ "How much money did Soros contribute to pro-Clinton super PAC Priorities USA?" for "How much money to
    pro-Clinton …?": an amount that is the object of its sentence's verb (``Quantity.predicate``, the label's
    own figure's) is asked with that verb and its subject, the tail kept; without one the label names no
    verb: the noun the amount is "of" names it instead ("How much was the emergency fund for families?"),
    and a label naming neither is dropped by ``ledger.label_gate`` (issue #14). A label that names a verb
    stays."""
    from storyline.stages.ledger.evidence import names_a_predicate

    claim, quantity = claims_and_quantities[order[0]]
    named = _named_subject_relative(tail, texts.get(claim.article, ""), quantity) or _money_of_its_noun(
        tail, texts.get(claim.article, ""), quantity
    )
    if named:
        return named
    # a verb of an adverbial clause in the tail ("after taking free introductory courses") is not the
    # amount's: the label still needs one of its own
    own = tail[: subordinate_clause(tail)].strip()
    if own and names_a_predicate(f"{MONEY_OPENER} {own}?"):
        return label
    predicate = antecedent_named(quantity.predicate or "", claim, quantity)
    if predicate.startswith("did ") and not relative_subject(predicate):
        return f"{MONEY_OPENER} {predicate}{' ' + tail if tail else ''}?"
    return _money_named_by_noun(label, tail, texts.get(claim.article, ""), quantity)


def _named_subject_relative(tail: str, text: str, quantity: Quantity) -> str:
    """ "How much money did Wasserman Schultz raise between …?" for "the $3 million Wasserman Schultz raised
    between …": an amount followed by a name and then a finite verb is the object of a relative clause
    without its pronoun, and the name is the verb's subject. Without it the label asked "How much money
    raised between …?", which does not say whose money, beside another candidate's (issue #14, PolNeAR
    dnc-email-leak). The figure's span may hold the name (the quantity reader takes capitalised words after
    a figure for its noun); "" for any other amount."""
    name = noun_phrase(quantity).split()
    verb_words = tail.split()
    if not name or not verb_words or not all(word[:1].isupper() and word.isalpha() for word in name):
        return ""
    if not text[quantity.start : quantity.end]:
        return ""
    span = figure_in_parse(text, quantity)
    if span is None or span.end >= len(span.doc):
        return ""
    verb = span.doc[span.end]
    auxiliary = TENSE_AUXILIARIES.get(verb.tag_, "")
    if verb.pos_ != "VERB" or verb.text != verb_words[0] or not auxiliary:
        return ""
    rest = " ".join(verb_words[1:])
    return f"{MONEY_OPENER} {auxiliary} {' '.join(name)} {verb.lemma_}{' ' + rest if rest else ''}?"


def _money_of_its_noun(tail: str, text: str, quantity: Quantity) -> str:
    """ "How much was the two-year budget deficit Wisconsin was facing in 2015?" for "Wisconsin was facing a
    $2.2 billion, two-year budget deficit": an amount written as a noun's modifier, the noun its verb's
    object, is what that noun is; asked with the verb alone ("How much money did Wisconsin face?") the label
    says the money was faced, not what it is (issue #14). The verb's subject and auxiliaries stay, as
    written, in a relative clause after the noun; "" for any other amount, or one whose noun has words after
    it (its own clause or phrase) or whose subject is long."""
    span = parsed_figure(text, quantity)
    if span is None:
        return ""
    noun, verb = span.root, span.root.head
    amount_nouns = frozenset(load_lexicon("ledger")["amount_nouns"])
    if (
        noun.pos_ != "NOUN"
        or noun.dep_ != "dobj"
        or verb.pos_ != "VERB"
        or noun.lemma_.lower() in amount_nouns
        or _currency_word(noun)
        or any(child.i > noun.i for child in noun.children)
    ):
        return ""
    words = sole_subject_words(verb)
    if not words or words[0].tag_ in ("WDT", "WP") or not words[0].text[:1].isupper():
        return ""  # a pronoun or a common noun's subject would not say whose: a name does
    auxiliaries = [child.text for child in verb.children if child.dep_ in ("aux", "auxpass", "neg")]
    clause = " ".join([*(token.text for token in words), *auxiliaries, verb.text])
    # the narrowing words whole ("two-year budget deficit": "two" hangs on "year")
    first = next(iter(_narrowing(noun)), noun).left_edge
    if first.i < span.start or first.is_punct or any(t.tag_ == "$" for t in noun.doc[first.i : noun.i]):
        first = next(iter(_narrowing(noun)), noun)
    thing = noun.doc.text[first.idx : noun.idx + len(noun)]
    return f"{NAMED_MONEY_OPENER} {thing} {clause}{' ' + tail if tail else ''}?"


def _currency_word(noun: Token) -> bool:
    """Whether the noun is the amount's own currency ("CNN donated 5 million dollars"): the figure's words,
    not a thing the money is; "How much was the 5 million dollars CNN donated …?" asked nothing (issue #14,
    PolNeAR trump-debate-demands), where the verb's predicate asks who gave it."""
    units = number_lexicon().unit_classes
    return any(units.get(word) in CURRENCY_UNITS for word in (noun.lower_, noun.lemma_.lower()))


def _money_named_by_noun(label: str, tail: str, text: str, quantity: Quantity) -> str:
    """ "How much was the emergency fund for families?" for "an emergency fund of $50 million for families"
    (the noun the amount is "of", with the words that narrow it), "How much is the true bill?" for "the true
    bill would be well over EUR 120 million once …" (the subject of the copula the amount completes: its
    tail is the clause's circumstance, left out); ``label`` when the parse names no such noun."""
    if not text[quantity.start : quantity.end]:
        return label
    span = figure_in_parse(text, quantity)
    if span is None:
        return label
    root = span.root
    # an approximator in the span ("well over EUR 120 million") heads it in the parse: the amount is its
    # object
    objects = [child for child in root.children if child.dep_ == "pobj" and child in span]
    if root.dep_ == "prep" and len(objects) == 1:
        root = objects[0]
    amount_nouns = frozenset(load_lexicon("ledger")["amount_nouns"])
    if (
        root.dep_ == "pobj"
        and root.head.lower_ == "of"
        and root.head.head.pos_ == "NOUN"
        and root.head.head.lemma_.lower() not in amount_nouns
    ):
        return f"{NAMED_MONEY_OPENER} {_narrowed(root.head.head)}{' ' + tail if tail else ''}?"
    priced = _priced_noun(root, amount_nouns)
    if priced:
        return priced
    copula = root.head.head if root.dep_ == "pobj" and root.head.dep_ == "prep" else root.head
    subjects = [
        child
        for child in copula.children
        if child.dep_ == "nsubj" and child.pos_ == "NOUN" and child.lemma_.lower() not in amount_nouns
    ]
    if root.dep_ in ("attr", "pobj") and copula.lemma_ == "be" and len(subjects) == 1:
        opener = NAMED_MONEY_OPENER if copula.tag_ == "VBD" else PRESENT_MONEY_OPENER
        return f"{opener} {_narrowed(subjects[0])}?"
    return label


def _priced_noun(amount: Token, amount_nouns: frozenset[str]) -> str:
    """ "How much do the expensive follow-ups cost?" for "expensive follow-ups costing up to $35,000": an
    amount that is the object of a price verb (``price_verbs``) modifying a noun is that noun's price; ""
    for any other amount. The noun's number and the participle's present give the tense."""
    verb = amount.head
    noun = verb.head
    if (
        amount.dep_ != "dobj"
        or verb.dep_ != "acl"
        or verb.lemma_.lower() not in load_lexicon("ledger")["price_verbs"]
        or noun.pos_ != "NOUN"
        or noun.lemma_.lower() in amount_nouns
    ):
        return ""
    auxiliary = "do" if noun.tag_ == "NNS" else "does"
    if verb.tag_ in ("VBD", "VBN"):
        auxiliary = "did"
    return f"How much {auxiliary} the {_narrowed_text(noun)} {verb.lemma_}?"


def _narrowed_text(noun: Token) -> str:
    """The noun with the words that narrow it (``_narrowing``), as written ("expensive follow-ups")."""
    first = next(iter(_narrowing(noun)), noun)
    return noun.doc.text[first.idx : noun.idx + len(noun)]


def _narrowed(noun: Token) -> str:
    """The noun with the words that narrow it (``_narrowing``), one space apart ("emergency fund", "true
    bill")."""
    return " ".join(token.text for token in [*_narrowing(noun), noun])


def _narrowing(noun: Token) -> list[Token]:
    """The lower-case compounds and adjectives before the noun, in order: the words that narrow it."""
    return [child for child in noun.lefts if child.dep_ in ("compound", "amod") and child.is_lower]
