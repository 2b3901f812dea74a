"""A statement framed by a verb of saying, thinking or framing is keyed by its clause complement
(``ledger.complements``), on sentences written for them and parsed by the pipeline's model.

The top-level finite verb a claim carries comes from the worker's parse (``claims.finite``); here it is set
by hand at the framing verb, as that parse places it.
"""

from __future__ import annotations

from factories import make_claim

from storyline.records import Claim
from storyline.stages.ledger.complements import complement_offset, keyed_offsets, subject_span
from storyline.stages.ledger.propositions import predicate_stem, predicates_of


def claim(text: str, *verbs: str) -> Claim:
    """A claim whose content's top-level finite verbs are the first occurrences of ``verbs``."""
    return make_claim(text, speaker_text="Someone", finite_verbs=tuple(text.index(v) for v in verbs))


def keyed(word: str) -> frozenset[str]:
    """The key's predicates when ``word`` is the only one."""
    return frozenset({predicate_stem(word)})


def test_a_verb_of_thinking_is_keyed_by_its_clause_not_by_itself() -> None:
    assert predicates_of(claim("I think that the ballots were forged", "think")) == keyed("forged")
    assert predicates_of(claim("We believe the mayor resigned last week", "believe")) == keyed("resigned")
    # a light verb in the clause is passed over as in any other clause
    assert predicates_of(claim("I think the plan is reckless", "think")) == keyed("reckless")


def test_a_verb_of_saying_or_arguing_is_keyed_by_its_clause() -> None:
    argued = claim("The senators argue that the treaty was breached", "argue")
    assert predicates_of(argued) == keyed("breached")
    assert predicates_of(claim("He said the council approved the budget", "said")) == keyed("approved")
    assert predicates_of(claim("She suggested that the audit was rushed", "suggested")) == keyed("rushed")


def test_a_framing_verb_is_keyed_by_the_clause_its_noun_holds() -> None:
    text = "This flies in the face of the fact that the files were encrypted at the time"
    assert predicates_of(claim(text, "flies")) == keyed("encrypted")


def test_a_clause_framed_twice_is_keyed_by_the_innermost_clause() -> None:
    text = "He said he thought the bridge had collapsed"
    assert predicates_of(claim(text, "said")) == keyed("collapsed")


def test_a_framing_verb_without_a_finite_clause_stays_the_predicate() -> None:
    # an object and a non-finite complement assert no clause of their own
    suggested = claim("The memo suggested an effort to delay the vote", "suggested")
    assert predicates_of(suggested) == keyed("suggested")
    assert not predicates_of(claim("I think so", "think"))


def test_verbs_of_evidence_are_not_looked_past() -> None:
    text = "The survey shows the governor is ahead"
    assert complement_offset(text, text.index("shows")) == text.index("shows")
    assert predicates_of(claim(text, "shows")) == keyed("shows")


def test_the_subject_of_a_framed_clause_lies_between_the_framing_verb_and_its_clause() -> None:
    text = "The mayor said the contractor lied"
    framed = claim(text, "said")
    assert keyed_offsets(framed) == (text.index("lied"),)
    assert subject_span(framed) == (text.index("said"), text.index("lied"))
    plain = claim("The contractor lied", "lied")
    assert subject_span(plain) == (0, plain.text.index("lied"))
    assert subject_span(make_claim("Clinton to win", finite_verbs=())) is None
