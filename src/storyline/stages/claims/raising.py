"""Agentless raising cues: "Trump is expected to deliver a victory speech", "the figures appear to be
fabricated".

Nobody is named for such a claim, so the cue-verb rules (which drop a cue without a speaker) pass it over,
and the learned model proposes it only when very sure. PolNeAR marks the subject and the infinitive as the
content, around the cue; the content here runs from the subject's first word to the complement's last. A
complement with no finite clause is an act ("is expected to attend"), as the learned route judges it, so
the ledger never weighs an expectation as somebody's statement.
"""

from __future__ import annotations

from spacy.tokens import Token

from storyline.records import ClaimKind
from storyline.stages.claims.modality import cue_modality
from storyline.stages.claims.quotes import inside_quote
from storyline.stages.claims.spans import (
    SUBJECT_DEPS,
    Attribution,
    CharSpan,
    ParseContext,
    classify_quote,
    same_line,
    token_span,
)
from storyline.stages.claims.speech_acts import FINITE_TAGS

COMPLEMENT_DEPS = frozenset({"xcomp", "acomp"})
EMPTY_SUBJECTS = frozenset({"it", "there", "this", "that"})


def raising_attributions(context: ParseContext, found: list[Attribution]) -> list[Attribution]:
    """An attribution for each raising cue outside quotations and outside the claims already found."""
    anchors = {attribution.anchor for attribution in found}
    contents = [attribution.content for attribution in found]
    quotes = list(context.quotes)
    attributions = []
    for token in context.doc:
        if token.i in anchors or not _is_raising_cue(context, token):
            continue
        if inside_quote(quotes, token.idx, token.idx + len(token)) is not None:
            continue  # a speaker's own "it appears": their quotation is the claim
        if any(start <= token.idx < end for start, end in contents):
            continue  # "the figures appear to be fabricated, the council said": the council's claim
        attribution = _raising_attribution(context, token)
        if attribution is not None:
            attributions.append(attribution)
    return attributions


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


def _cue_span(verb: Token) -> CharSpan:
    """The verb with its auxiliaries and negation ("is not expected")."""
    tokens = [verb, *(c for c in verb.children if c.dep_ in ("aux", "auxpass", "neg") and c.i < verb.i)]
    start = min(tokens, key=lambda t: t.i)
    return start.idx, verb.idx + len(verb)


def _kind(complement: Token) -> ClaimKind:
    """A statement when the complement holds a finite clause ("appears that …" parsed as a complement)."""
    return "statement" if any(t.tag_ in FINITE_TAGS for t in complement.subtree) else "act"
