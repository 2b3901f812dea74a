"""Quotations attributed by what stands beside them: a cue verb after ("“…,” said X", "– …, he argues"),
a cue verb before ("X told reporters: “…”", "…, saying, “…”"), a named speaker and a colon before
("Lecornu: – …"), or a dash and a name after ("“…” ― Sonya Herridge")."""

from __future__ import annotations

from spacy.tokens import Token

from storyline.stages.claims_cues import cue_modality, cue_span, is_cue_verb
from storyline.stages.claims_quotes import QuoteSpan
from storyline.stages.claims_spans import (
    GAP_AFTER_QUOTE,
    GAP_BEFORE_QUOTE,
    MAX_ATTRIBUTION_TOKENS,
    Attribution,
    ParseContext,
    attributions_for,
    gap_matches,
    subject_of,
)

SIGNATURE_DASHES = frozenset({"―", "—", "–"})


def quote_attributions(context: ParseContext) -> list[Attribution]:
    """Each quotation attributed by the cue verb right after it, right before it, or a "Name:" lead."""
    found: list[Attribution] = []
    for quote in context.quotes:
        found.extend(
            _cue_after_quote(context, quote)
            or _cue_before_quote(context, quote)
            or _colon_before_quote(context, quote)
            or _name_after_quote(context, quote)
        )
    return found


def _quote_attribution(context: ParseContext, quote: QuoteSpan, verb: Token) -> list[Attribution]:
    subject = subject_of(verb, context.lexicon)
    cue = cue_span(verb)
    if cue is None:
        return []
    content = (quote.inner_start, quote.inner_end)
    return attributions_for(context, verb, cue, content, subject, cue_modality(context, verb, subject))


def _cue_after_quote(context: ParseContext, quote: QuoteSpan) -> list[Attribution]:
    """ "“…,” said X." / "“…,” X told Yonhap." / "– …, he argues."."""
    first = context.first_token_at(quote.end)
    text = context.doc.text
    if first is None or not gap_matches(GAP_AFTER_QUOTE, text, quote.end, first.idx):
        return []
    for token in context.doc[first.i : first.i + MAX_ATTRIBUTION_TOKENS]:
        if token.is_quote or token.text in (".", "!", "?", "\n") or "\n" in token.text:
            return []
        if token.pos_ == "VERB":
            clauses = [c for c in token.children if c.dep_ == "ccomp" and c.idx >= quote.end]
            if is_cue_verb(context, token) and not clauses:
                return _quote_attribution(context, quote, token)
            return []
    return []


def _cue_before_quote(context: ParseContext, quote: QuoteSpan) -> list[Attribution]:
    """ "X told reporters, “…”" / "X said: “…”" / "…, saying, “…”"."""
    before = context.last_token_before(quote.start)
    text = context.doc.text
    if before is None or not gap_matches(GAP_BEFORE_QUOTE, text, before.idx + len(before), quote.start):
        return []
    if before.text not in (",", ":") and not is_cue_verb(context, before):
        return []
    sentence_start = before.sent.start
    for index in range(before.i, max(sentence_start, before.i - MAX_ATTRIBUTION_TOKENS) - 1, -1):
        token = context.doc[index]
        if (
            token.pos_ == "AUX"
            or token.is_quote
            or (token.lower_ in ("that", "whether") and token.dep_ == "mark")
        ):
            return []
        if token.pos_ == "VERB":
            return _quote_attribution(context, quote, token) if is_cue_verb(context, token) else []
    return []


def _colon_before_quote(context: ParseContext, quote: QuoteSpan) -> list[Attribution]:
    """ "Sebastien Lecornu: – Imagine …": a named speaker, a colon, the quotation."""
    colon = context.last_token_before(quote.start)
    if colon is not None and colon.text in ("–", "—") and colon.i > 0:
        colon = context.doc[colon.i - 1]
    if colon is None or colon.text != ":" or colon.i == 0:
        return []
    name_end = context.doc[colon.i - 1]
    if name_end.ent_type_ not in ("PERSON", "ORG", "NORP", "GPE"):
        return []
    entity = next((ent for ent in context.doc.ents if ent.start <= name_end.i < ent.end), None)
    if entity is None:
        return []
    cue = (colon.idx, colon.idx + 1)
    content = (quote.inner_start, quote.inner_end)
    speaker = (entity.start_char, entity.end_char)
    return [Attribution(cue, content, speaker, "direct", None, colon.i)]


def _name_after_quote(context: ParseContext, quote: QuoteSpan) -> list[Attribution]:
    """ "“…” ― Sonya Herridge": a quotation signed with a dash and a name that ends the line."""
    dash = context.first_token_at(quote.end)
    if dash is None or dash.text not in SIGNATURE_DASHES or dash.i + 1 >= len(context.doc):
        return []
    entity = next((ent for ent in context.doc.ents if ent.start == dash.i + 1), None)
    if entity is None or entity.label_ not in ("PERSON", "ORG"):
        return []
    rest = context.doc.text[entity.end_char : entity.end_char + 200].split("\n", 1)[0]
    if rest.strip(" .,"):
        return []
    cue = (dash.idx, dash.idx + len(dash))
    content = (quote.inner_start, quote.inner_end)
    return [Attribution(cue, content, (entity.start_char, entity.end_char), "direct", None, dash.i)]
