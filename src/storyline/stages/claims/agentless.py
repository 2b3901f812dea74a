"""Agentless cues: raising verbs ("Trump is expected to deliver a victory speech", "the figures appear to
be fabricated") and a question put to someone unnamed ("Asked whether the plan would pass, the mayor …").

Nobody is named for such a claim, so the cue-verb rules (which drop a cue without a speaker) pass it over,
and the learned model proposes it only when very sure (PolNeAR train articles 0–149, issue #16). For a
raising verb PolNeAR marks the subject and the infinitive as the content, around the cue; the content here
runs from the subject's first word to the complement's last. A complement with no finite clause is an act
("is expected to attend"), as the learned route judges it, and so is a question (it asserts nothing): the
ledger never weighs an expectation or a question as somebody's statement.
"""

from __future__ import annotations

import numpy as np
from spacy.tokens import Token

from storyline.records import ClaimKind
from storyline.stages.claims.modality import cue_modality
from storyline.stages.claims.quotes import inside_quote
from storyline.stages.claims.spans import (
    Attribution,
    CharSpan,
    ParseContext,
    classify_quote,
    same_line,
    token_span,
)
from storyline.stages.claims.speakers import SUBJECT_DEPS
from storyline.stages.claims.speech_acts import FINITE_TAGS

COMPLEMENT_DEPS = frozenset({"xcomp", "acomp"})
EMPTY_SUBJECTS = frozenset({"it", "there", "this", "that"})
QUESTION_OPENERS = frozenset({"if", "whether"})


def agentless_attributions(context: ParseContext, found: list[Attribution]) -> list[Attribution]:
    """An attribution for each raising cue or unattributed question outside quotations and outside the
    claims already found."""
    anchors = {attribution.anchor for attribution in found}
    contents = [attribution.content for attribution in found]
    quotes = list(context.quotes)
    attributions = []
    for token in _candidates(context):
        if token.i in anchors:
            continue
        question = question_asked(token)
        if question is None and not _is_raising_cue(context, token):
            continue
        if inside_quote(quotes, token.idx, token.idx + len(token)) is not None:
            continue  # a speaker's own "it appears": their quotation is the claim
        if any(start <= token.idx < end for start, end in contents):
            continue  # "the figures appear to be fabricated, the council said": the council's claim
        if question is not None:
            attribution = _question_attribution(context, token, question)
        else:
            attribution = _raising_attribution(context, token)
        if attribution is not None:
            attributions.append(attribution)
    return attributions


def _candidates(context: ParseContext) -> list[Token]:
    """The tokens whose lemma is a raising cue or "ask", found over the doc's lemma array at once: the
    claims stage runs on every article, and most have none."""
    doc, lexicon = context.doc, context.lexicon
    strings = doc.vocab.strings
    words = lexicon.passive_raising_cues | lexicon.active_raising_cues | {"ask"}
    lemmas = doc.to_array("LEMMA")
    wanted = np.isin(lemmas, [strings[word] for word in words]) | (doc.to_array("LOWER") == strings["asked"])
    return [doc[int(index)] for index in np.flatnonzero(wanted)]


def _is_raising_cue(context: ParseContext, token: Token) -> bool:
    lemma, lexicon = token.lemma_.lower(), context.lexicon
    if token.pos_ != "VERB":
        return False
    if lemma in lexicon.passive_raising_cues:
        return any(child.dep_ == "nsubjpass" for child in token.children)
    return lemma in lexicon.active_raising_cues and any(child.dep_ == "nsubj" for child in token.children)


def _raising_attribution(context: ParseContext, cue_token: Token) -> Attribution | None:
    subjects = [c for c in cue_token.children if c.dep_ in SUBJECT_DEPS and c.i < cue_token.i]
    complements = [c for c in cue_token.children if c.dep_ in COMPLEMENT_DEPS and c.i > cue_token.i]
    if not subjects or not complements or subjects[0].lower_ in EMPTY_SUBJECTS:
        return None
    subject, complement = subjects[0], complements[0]
    content = token_span(cue_token.doc[subject.left_edge.i : complement.right_edge.i + 1])
    cue = _cue_span(cue_token)
    if content is None or not same_line(context.text, content, cue):
        return None
    content, quote = classify_quote(context, content, cue)
    return Attribution(
        cue=cue,
        content=content,
        speaker=None,
        quote=quote,
        cue_modality=cue_modality(context, cue_token, None),
        anchor=cue_token.i,
        kind=_kind(complement),
    )


def question_asked(token: Token) -> Token | None:
    """The question of "Asked whether …, X said" / "When asked who leads the party, …" / "Asked about the
    budget, …" / "The mayor was asked if …": a participle of "ask" with an embedded question (a clause
    opened by "if", "whether" or a wh-word, or the object of "about") and nobody named as asking; the one
    asked may be named, as a passive's subject."""
    if token.lower_ != "asked" or token.tag_ != "VBN" or token.dep_ not in ("advcl", "ROOT", "conj"):
        return None
    if any(child.dep_ in ("nsubj", "csubj", "agent") for child in token.children):
        return None
    passive = any(child.dep_ in ("auxpass", "nsubjpass") for child in token.children)
    if not passive and any(child.dep_ in SUBJECT_DEPS or child.dep_ == "aux" for child in token.children):
        return None
    for child in token.children:
        if child.i < token.i:
            continue
        opener = child.left_edge
        if child.dep_ in ("ccomp", "advcl") and opener.lower_ in QUESTION_OPENERS:
            return child
        if child.dep_ == "ccomp" and opener.tag_ in ("WDT", "WP", "WRB"):
            return child  # not an advcl: "was asked to leave when the meeting ended" asks nothing
        if child.dep_ == "prep" and child.lower_ == "about" and child.i == token.i + 1:
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return objects[0]
    return None


def _question_attribution(context: ParseContext, cue_token: Token, question: Token) -> Attribution | None:
    content = token_span(question.subtree)
    cue = _cue_span(cue_token)
    if content is None or not same_line(context.text, content, cue):
        return None
    content, quote = classify_quote(context, content, cue)
    return Attribution(cue, content, None, quote, None, cue_token.i, kind="act")


def _cue_span(verb: Token) -> CharSpan:
    """The verb with its auxiliaries and negation ("is not expected")."""
    tokens = [verb, *(c for c in verb.children if c.dep_ in ("aux", "auxpass", "neg") and c.i < verb.i)]
    start = min(tokens, key=lambda t: t.i)
    return start.idx, verb.idx + len(verb)


def _kind(complement: Token) -> ClaimKind:
    """A statement when the complement holds a finite clause ("appears that …" parsed as a complement)."""
    return "statement" if any(t.tag_ in FINITE_TAGS for t in complement.subtree) else "act"
