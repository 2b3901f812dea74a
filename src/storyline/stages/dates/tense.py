"""The tense that decides which date a yearless or weekday expression means: the verb governing it (its
auxiliaries, a future cue the parse missed), and the words that point a clause ahead whatever its verb's form.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from storyline.stages.dates.patterns import CONTEXT_CHARS, context_patterns
from storyline.stages.dates.rules import FUTURE, PAST, PRESENT

# Auxiliaries that put a clause in the future; "would" is the future seen from a past report ("said they
# would be ready by November"); "to" marks an infinitive, whose time lies after its governing verb's.
FUTURE_AUXILIARIES = frozenset({"will", "'ll", "wo", "shall", "would", "to"})
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
PERFECT_AUXILIARIES = frozenset({"has", "have", "had", "'ve", "'s"})


def expression_tense(doc: Doc | None, text: str, start: int, end: int) -> str:
    """The tense that decides which date a yearless or weekday expression means. "since June" looks back
    whatever the verb says ("has been allowed since Jan. 13")."""
    if context_patterns()["since_before"].search(text[max(0, start - CONTEXT_CHARS) : start]):
        return PAST
    tense = clause_tense(doc, start, end)
    if tense == PRESENT and doc is not None and doc.has_annotation("SENT_START"):
        # parses miss futures such as "is due to brief the committee on Thursday": look for a cue
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or len(span) == 0 or is_participle_modifier(governing_verb(span.root)):
            # "the treaty signed … in June" under "would be in line with": the participle has its own
            # time, which a cue governing the main clause does not set
            return tense
        if context_patterns()["future_cue"].search(text[span.sent.start_char : start]):
            return FUTURE
    return tense


def is_participle_modifier(verb: Token | None) -> bool:
    """A past participle modifying a noun ("the treaty signed in June", "a summit set for April")."""
    return verb is not None and verb.tag_ == "VBN" and verb.dep_ == "acl"


def clause_tense(doc: Doc | None, start: int, end: int) -> str:
    """The tense of the verb governing the expression: past, future or present (the default)."""
    if doc is None:
        return PRESENT
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return PRESENT
    verb = governing_verb(span.root)
    return verb_tense(verb) if verb is not None else PRESENT


def governing_verb(token: Token) -> Token | None:
    for _ in range(12):  # dependency paths in news sentences are short; the bound guards odd parses
        if token.pos_ in ("VERB", "AUX"):
            return token
        if token.head.i == token.i:
            return None
        token = token.head
    return None


def is_past_perfect(verb: Token | None) -> bool:
    """ "had been due", "had planned": the clause's auxiliaries include "had"."""
    return verb is not None and any(
        child.dep_ in ("aux", "auxpass") and child.lower_ == "had" for child in verb.children
    )


def verb_tense(verb: Token) -> str:
    """Future with a future auxiliary; past when the finite verb or auxiliary is in the past tense or the
    clause is perfect ("has sent" reports the past); present otherwise — including modals ("must be
    returned by") and bare participles ("a summit set for April"), which can point either way."""
    auxiliaries = sorted((c for c in verb.children if c.dep_ in ("aux", "auxpass")), key=lambda t: t.i)
    words = {aux.lower_ for aux in auxiliaries} | ({verb.lower_} if verb.pos_ == "AUX" else set())
    if words & FUTURE_AUXILIARIES:
        # "had been scheduled to expire Friday": a plan told in the past perfect was overtaken, its time
        # is past
        return PAST if words == {"to"} and is_past_perfect(governing_verb(verb.head)) else FUTURE
    finite = next((aux for aux in auxiliaries if aux.tag_ in FINITE_TAGS), verb)
    if finite.tag_ == "VBD" or (verb.tag_ == "VBN" and words & PERFECT_AUXILIARIES):
        return PAST
    return PRESENT
