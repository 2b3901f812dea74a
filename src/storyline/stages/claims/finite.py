"""Where a claim's content has its own finite verbs, read from the article's parse in the worker.

The ledger lists a proposition only when the content it is worded from states a clause with a finite verb
("Clinton will win", not "Clinton to win Monday's debate" nor "the email issue", ``ledger.evidence``). It
used to parse each label's content again in the main process, after every article (issue #20); the worker
has the whole article parsed already, so it notes here, per claim, the offsets (from the content's start)
of the content's top-level verbs that are finite — a verb of the content whose head lies outside it (or
that heads its sentence), itself finite or with a finite auxiliary. The ledger cuts the content to its
label's first clause and asks whether one of these lies before the cut: a lookup, not a parse.

The reading is the full article's, not that of the content parsed alone: "if he wins the debate, …" is a
conditional inside a larger sentence (no top-level verb of its own) where the content alone read "wins" as
its root.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from functools import cache

from spacy.tokens import Doc, Token

from storyline.lexicons import load_lexicon
from storyline.records import Claim
from storyline.stages.claims.speech_acts import FINITE_TAGS

AUXILIARIES = frozenset({"aux", "auxpass"})
# The relations of a clause's own verb: a reduced relative ("services hacked last year", acl) is none.
CLAUSE_DEPS = frozenset({"ROOT", "ccomp", "conj", "advcl"})
# What an active verb governs: an object, a particle or a preposition ("hacked into", "hacked the DNC").
ACTIVE_COMPLEMENTS = frozenset({"dobj", "dative", "prt", "prep"})
NOUNS = frozenset({"NOUN", "PROPN"})


def with_finite_verbs(doc: Doc, claims: Iterable[Claim]) -> list[Claim]:
    """``claims`` with ``finite_verbs`` filled from ``doc``, the parse of the article they come from."""
    return [
        dataclasses.replace(claim, finite_verbs=finite_verbs(doc, claim.start, claim.end)) for claim in claims
    ]


def finite_verbs(doc: Doc, start: int, end: int) -> tuple[int, ...]:
    """Offsets from ``start`` of the finite top-level verbs of characters ``start``–``end`` of ``doc``."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return ()
    inside = [token for token in span if start <= token.idx < end]
    # (a Token is made anew on each access, so a root is found by its index, not by identity)
    tops = [token for token in inside if token.head.i == token.i or not start <= token.head.idx < end]
    finite = [token for token in tops if _states_a_clause(token)]
    reported = [verb for token in finite for verb in _reported_clauses(token, start, end)]
    complements = [verb for token in tops for verb in _noun_complement_clauses(token, start, end)]
    return tuple(sorted({token.idx - start for token in (*finite, *reported, *complements)}))


def _states_a_clause(verb: Token) -> bool:
    return is_finite(verb) or _past_tagged_participle(verb)


def _reported_clauses(verb: Token, start: int, end: int) -> list[Token]:
    """The finite verbs of the clauses a verb of saying or thinking heads inside the content: in "we know
    that Russian intelligence services hacked into the DNC" and "they believed Russia engineered the
    release" the assertion is the complement, and the ledger keys a content by its verbs (``ledger.
    proposition_predicates``), which find a reported clause's verb by a light verb or modal alone, so
    these two said nothing and matched no other source's words (PolNeAR dnc-email-leak, issue #14)."""
    if verb.lemma_.lower() not in _report_verbs():
        return []
    return [
        child
        for child in verb.children
        if child.dep_ == "ccomp" and start <= child.idx < end and _states_a_clause(child)
    ]


def _noun_complement_clauses(noun: Token, start: int, end: int) -> list[Token]:
    """The finite verb of a "that" clause completing a noun that heads the content: "expressed similar
    doubts that military action could have any effect", "denied the claim that he had paid no taxes"
    assert (or deny) the clause, as a content "that military action could have any effect" would, and
    read as a noun phrase the content keyed by nothing and joined no other source's words (PolNeAR
    orlando-shooting-response, issue #14). The parse attaches such a clause to its noun as ``acl`` with
    "that" as its ``mark``; a relative clause ("the emails that he sent") is ``relcl``, its "that" a
    pronoun, and is not read."""
    if noun.pos_ not in NOUNS:
        return []
    return [
        child
        for child in noun.children
        if child.dep_ == "acl"
        and start <= child.idx < end
        and any(mark.dep_ == "mark" and mark.lower_ == "that" for mark in child.children)
        and _states_a_clause(child)
    ]


@cache
def _report_verbs() -> frozenset[str]:
    return frozenset(load_lexicon("propositions")["report_verbs"])


def _past_tagged_participle(verb: Token) -> bool:
    """A clause's verb the tagger calls a participle though it has its own active subject and no auxiliary:
    "Clinton said Russian intelligence services hacked into DNC computers" tags "hacked" VBN, a past tense
    all the same (a participle with a subject takes an auxiliary, "had hacked", or is passive). Read as a
    phrase, the lede's statement matched none of its speaker's later words, and the story lost its one
    question of who hacked (PolNeAR dnc-email-leak, issue #14). It must govern an object, a particle or a
    preposition: a bare one is a headline's passive, its "were" elided ("to say remarks 'misconstrued'",
    PolNeAR curiel-trump-university), which read as a clause stood a deck's words as a second source. Only
    here, where a content is asked whether it states a clause: the cue stage's ``is_finite`` keeps the
    tagger's reading."""
    if verb.tag_ != "VBN" or verb.dep_ not in CLAUSE_DEPS:
        return False
    children = {child.dep_ for child in verb.children}
    return "nsubj" in children and bool(children & ACTIVE_COMPLEMENTS) and not children & AUXILIARIES


def is_finite(verb: Token) -> bool:
    """The verb or one of its auxiliaries is finite (as ``ledger.evidence`` read a sentence's root)."""
    verbs = [verb, *(child for child in verb.children if child.dep_ in AUXILIARIES)]
    return any(token.tag_ in FINITE_TAGS or "VerbForm=Fin" in str(token.morph) for token in verbs)
