"""What the worker reads off an article's parse for the ledger (issue #20): a claim's finite verbs, a
quantity's predicate; and the ledger reading those fields instead of parsing, parsing only when they are
absent (records from a store older than schema 7). Sentences written for these tests."""

from __future__ import annotations

import dataclasses

import pytest
from factories import make_article, make_claim, make_quantity

from storyline.per_article import run_article_stages
from storyline.records import Quantity
from storyline.stages.claims.finite import finite_verbs
from storyline.stages.ledger.evidence import label_states_a_clause
from storyline.stages.ledger.label_predicates import with_predicate
from storyline.stages.nlp import load_nlp
from storyline.stages.quantities import find_quantities


def verbs_of(sentence: str, content: str) -> list[str]:
    """The words at the finite verb offsets of ``content`` inside ``sentence``, parsed whole."""
    start = sentence.index(content)
    offsets = finite_verbs(load_nlp()(sentence), start, start + len(content))
    return [content[offset:].split()[0] for offset in offsets]


@pytest.mark.parametrize(
    ("sentence", "content", "verbs"),
    [
        (
            "Officials said Flowers will not be attending the debate.",
            "Flowers will not be attending the debate",
            ["attending"],
        ),
        (
            "The agency said none of the messages was marked classified.",
            "none of the messages was marked classified",
            ["marked"],
        ),
        ("Voters expect Clinton to win Monday's debate.", "Clinton to win Monday's debate", []),
        # a content that is its whole sentence: the verb heading the sentence is its own
        ("The council voted 31 to 24 on Monday.", "The council voted 31 to 24 on Monday", ["voted"]),
        ("Aides discussed the email issue at length on Sunday.", "the email issue", []),
        # the tagger's VBN for a past tense with its own subject and object: a clause all the same
        (
            "The senator said on Tuesday Chinese spies hacked into state election computers and stole data.",
            "Chinese spies hacked into state election computers",
            ["hacked"],
        ),
        # a bare participle with a subject is a headline's passive, its "were" elided: no clause
        ("Aides say remarks misconstrued.", "remarks misconstrued", []),
        # what a verb of thinking heads is asserted: its clause's verb is the content's too
        (
            "Analysts said they believed Moscow planned the leak to sway the vote.",
            "they believed Moscow planned the leak to sway the vote",
            ["believed", "planned"],
        ),
        # a noun's "that" clause is what the noun holds true; a relative clause on it is none of the content
        (
            "Critics voiced doubts that the new dam could stop the floods.",
            "doubts that the new dam could stop the floods",
            ["stop"],
        ),
        ("The clerk filed the letters that the mayor signed.", "the letters that the mayor signed", []),
        # an evidential verb keeps its own reading (``ledger.proposition_predicates``)
        ("The report shows the mayor lied.", "The report shows the mayor lied", ["shows"]),
    ],
)
def test_a_content_has_finite_verbs_only_where_it_states_a_clause(
    sentence: str, content: str, verbs: list[str]
) -> None:
    assert verbs_of(sentence, content) == verbs


def test_a_subordinate_verb_inside_the_content_is_not_its_own() -> None:
    # "who ran the campaign" hangs on "the man": the content's only verb of its own is "resigned"
    assert verbs_of(
        "Reports say the man who ran the campaign resigned.", "the man who ran the campaign resigned"
    ) == ["resigned"]


def only_quantity(text: str) -> Quantity:
    found = find_quantities(load_nlp()(text), 0, len(text))
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "predicate"),
    [
        ("In 2014 she deleted 31,000 additional emails, deeming them personal.", "did she delete"),
        (
            "More than 1,200 emails from her server have now been deemed classified.",
            "have been deemed classified",
        ),
        ("The agency released 5,500 pages on Friday.", "did the agency release"),
        ("A convoy of 40 trucks, the army said.", ""),  # a number in a phrase with no verb of its own
    ],
)
def test_a_quantity_carries_the_verb_its_noun_hangs_on(text: str, predicate: str) -> None:
    assert only_quantity(text).predicate == predicate


def test_the_ledger_reads_a_stored_predicate_without_parsing() -> None:
    text = "In 2014 she deleted 31,000 additional emails, deeming them personal."
    quantity = make_quantity("31,000 additional emails", 31_000, within=text, unit="email")
    claim = make_claim("she deleted 31,000 additional emails")
    read = dataclasses.replace(quantity, predicate="were found")
    # the stored field wins over what a parse of the sentence would give ("did she delete") …
    assert (
        with_predicate("How many emails?", [(claim, read)], [0], {"a": text}) == "How many emails were found?"
    )
    # … "" says the worker's parse found none: no parse, no predicate
    none = dataclasses.replace(quantity, predicate="")
    assert with_predicate("How many emails?", [(claim, none)], [0], {"a": text}) == "How many emails?"
    # None (an older store): the sentence is parsed, as before the field
    assert (
        with_predicate("How many emails?", [(claim, quantity)], [0], {"a": text})
        == "How many emails did she delete?"
    )


def test_no_stored_predicate_spares_the_label_parse(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_parse(label: str) -> bool:
        raise AssertionError(f"parsed {label!r}")

    monkeypatch.setattr("storyline.stages.ledger.evidence.names_a_predicate", no_parse)
    quantity = dataclasses.replace(make_quantity("40 trucks", 40, unit="truck"), predicate="")
    pairs = [(make_claim("40 trucks"), quantity)]
    assert with_predicate("How many trucks?", pairs, [0], {}) == "How many trucks?"


def test_the_ledger_reads_finite_verbs_within_the_label_words_only() -> None:
    content = (
        "Flowers will not be attending the debate on Monday night in Hempstead, New York, with her lawyer"
    )
    claim = make_claim(content)
    attending = content.index("attending")
    assert label_states_a_clause([dataclasses.replace(claim, finite_verbs=(attending,))], [0])
    assert not label_states_a_clause([dataclasses.replace(claim, finite_verbs=())], [0])  # no parse overrides
    # a finite verb past the label's cut (its first clause, "… in Hempstead") is not in its words
    assert not label_states_a_clause([dataclasses.replace(claim, finite_verbs=(content.index("New"),))], [0])
    assert label_states_a_clause([claim], [0])  # None: the label's content is parsed, as before the field


def test_every_claim_of_an_analysed_article_carries_its_finite_verbs() -> None:
    text = (
        "Officials said 11,000 troops had reached the border. "
        "The ministry confirmed that the convoy arrived on Friday. "
        "Prices rose sharply in the capital."
    )
    (analysis,) = run_article_stages([make_article(text, published="2024-10-21")])
    assert analysis.claims
    assert all(claim.finite_verbs is not None for claim in analysis.claims)
    quantities = [q for claim in analysis.claims for q in claim.quantities]
    assert quantities and all(q.predicate is not None for q in quantities)
    assert any(q.predicate == "had reached" for q in quantities)
