"""Keys of contents with no finite verb (``ledger.proposition_verbless``), on sentences written for them.

The claims are built by ``factories.make_claim`` with no finite verbs, as the worker's parse leaves a
headline, a small clause or a noun phrase."""

from __future__ import annotations

from factories import make_claim
from test_ledger_propositions import claim

from storyline.records import Claim
from storyline.stages.ledger.proposition_predicates import predicates_of, stated_predicates
from storyline.stages.ledger.proposition_stems import proposition_words
from storyline.stages.ledger.proposition_verbless import (
    asserts_nothing,
    headline_verb,
    nominalised_event,
    opening_participle,
    quoted_name,
)


def verbless(text: str, cue: str = "") -> Claim:
    return make_claim(text, cue=cue, speaker_text=None if not cue else "Someone", finite_verbs=())


def test_a_title_cased_headline_is_keyed_by_its_present_tense_verb() -> None:
    text = "Senator Lopez Defends Governor's Budget Before Vote"
    assert headline_verb(text) == text.index("Defends")
    assert predicates_of(verbless(text)) == {"defend"}
    assert predicates_of(verbless("Mayor Stands Firm On Plan For Bridge")) == {"stand"}


def test_a_headline_verb_needs_title_case_and_a_verb() -> None:
    assert headline_verb("the mayor defends the budget before the vote") is None  # the parse's to read
    assert headline_verb("Senator Lopez Budget Hearing Today") is None  # no word in "-s" is a verb


def test_a_reported_headline_passive_is_keyed_by_the_participle_it_opens_on() -> None:
    assert opening_participle("'mistranslated.'") == 1
    assert predicates_of(verbless("mistranslated.", cue="says")) == {"mistranslat"}
    assert opening_participle("the red car") is None
    assert predicates_of(verbless("mistranslated.")) == frozenset()  # no cue: no report of a headline


def test_a_verb_of_namings_small_clause_is_keyed_by_the_name() -> None:
    assert predicates_of(verbless("the mayor's plan 'reckless", cue="calls")) == {"reckless"}
    assert predicates_of(verbless("deeply unfair", cue="called")) == {"unfair"}
    assert predicates_of(verbless("for a special prosecutor", cue="called")) == frozenset()
    assert predicates_of(verbless("the mayor's plan 'reckless", cue="discussed")) == frozenset()


def test_a_naming_verb_with_a_quoted_name_is_keyed_by_the_name() -> None:
    text = "The senator on Friday called the mayor's budget ''reckless,'' a rare rebuke"
    assert quoted_name(text, text.index("called")) == "reckless"
    assert predicates_of(verbless(text)) == {"reckless"}
    assert predicates_of(claim("she called his plan 'a reckless gamble' on Friday", "called")) == {"gambl"}
    assert predicates_of(claim("she called the mayor on Friday", "called")) == {"call"}


def test_a_nominalised_event_is_keyed_by_the_verb_it_names() -> None:
    words = proposition_words()
    assert nominalised_event("the release of the audit", words) == ["releas"]
    assert nominalised_event("his call for an inquiry", words) == ["call"]
    assert nominalised_event("the council's decision", words) == ["decid"]
    assert nominalised_event("the emails", words) == []  # a thing, no event: nothing follows nor possesses
    assert nominalised_event("the big yellow bridge", words) == []
    assert predicates_of(verbless("the council's decision")) == {"decid"}
    assert "decid" in stated_predicates(verbless("the council's decision"))  # met by "decided"


def test_questions_and_conditionals_stay_keyless() -> None:
    assert asserts_nothing("whether the release of the audit is near")
    assert asserts_nothing("Mayor Stands Firm On Plan For Bridge?")
    assert predicates_of(verbless("if the release of the audit")) == frozenset()
    assert predicates_of(verbless("Mayor Stands Firm On Plan For Bridge?")) == frozenset()
