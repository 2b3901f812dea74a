"""The claims stage: attributions (speaker, cue, content) with quote type, modality, quantities and times.

Runs on the one shared parse (``ParsedArticle.doc``). ``claims_cues`` finds candidate attributions from cue
words, quotations and hedge adverbs; this module settles them: dash quotations cut where the narration
resumes, first-person speakers inside a quote become the quote's speaker, "he"/"she" become the nearest
person named before, duplicates found by two routes are merged, and each claim gets its modality.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from spacy.tokens import Doc, Span

from storyline.records import Claim, ParsedArticle, TimeExpr
from storyline.stages.claims_cues import cue_word_attributions, hedge_adverb_attributions, quote_attributions
from storyline.stages.claims_lexicon import ClaimLexicon, claim_lexicon
from storyline.stages.claims_quotes import QuoteSpan, find_quote_spans, trim_span
from storyline.stages.claims_spans import (
    MAX_TRAILING_TOKENS,
    Attribution,
    CharSpan,
    ParseContext,
    subject_of,
)
from storyline.stages.quantities import find_quantities

# When two routes give one claim different modalities, the stronger statement about it wins.
MODALITY_STRENGTH = {"denied": 3, "unconfirmed": 2, "hedged": 1, "asserted": 0}
QUOTE_PREFERENCE = {"direct": 2, "mixed": 1, "indirect": 0}
# Speaker entity types that a later "he"/"she" cannot refer to.
NON_PERSON_LABELS = frozenset({"ORG", "GPE", "NORP", "LOC", "FAC"})


def extract_claims(parsed: ParsedArticle, time_expressions: Sequence[TimeExpr]) -> list[Claim]:
    """Every attribution in the article, in text order, ids ``{article.id}:c1``, ``:c2`` …"""
    doc, article = parsed.doc, parsed.article
    if doc.text != article.text:
        raise ValueError(f"{article.source}: the parse is not of the article's cleaned text")
    lexicon = claim_lexicon()
    quotes = [_trim_dash_quote(quote, doc, lexicon) for quote in find_quote_spans(doc.text)]
    context = ParseContext.build(doc, [quote for quote in quotes if quote.inner_start < quote.inner_end], lexicon)
    found = cue_word_attributions(context) + quote_attributions(context)
    found += _continued_quotes(context, found)
    found += hedge_adverb_attributions(context, found)
    found = _resolve_speakers(doc, lexicon, _merge(found))
    found = _fold_nested_first_person(doc, _merge(found))
    found.sort(key=lambda a: (min(a.cue[0], a.content[0]), a.content[0], a.cue[0]))
    return [
        _claim(parsed, f"{article.id}:c{number}", attribution, time_expressions, context)
        for number, attribution in enumerate(found, start=1)
    ]


# --- dash quotations -----------------------------------------------------------------------------------------


def _trim_dash_quote(quote: QuoteSpan, doc: Doc, lexicon: ClaimLexicon) -> QuoteSpan:
    """A dash quotation runs to the line end in text; cut it before a trailing ", he argues" or before
    a sentence of narration that starts with a speaker and a cue verb ("Landsbergis said this …")."""
    if quote.kind != "dash":
        return quote
    span = doc.char_span(quote.inner_start, quote.inner_end, alignment_mode="expand")
    if span is None:
        return quote
    for sentence in _sentences_in(doc, span):
        cut = _trailing_attribution_start(sentence, lexicon)
        if cut is None and sentence.start_char > quote.inner_start and _opens_with_speaker(sentence, lexicon):
            cut = sentence.start_char
        if cut is not None:
            start, end = trim_span(doc.text, quote.inner_start, cut)
            return dataclasses.replace(quote, end=cut, inner_start=start, inner_end=end)
    return quote


def _sentences_in(doc: Doc, span: Span) -> list[Span]:
    sentences = []
    for sentence in doc.sents:
        if sentence.end > span.start and sentence.start < span.end:
            sentences.append(doc[max(sentence.start, span.start) : min(sentence.end, span.end)])
    return sentences


def _trailing_attribution_start(sentence: Span, lexicon: ClaimLexicon) -> int | None:
    """Where ", he argues." begins at the end of ``sentence``, if it ends so."""
    words = [token for token in sentence if not token.is_punct or token.text == ","]
    commas = [index for index, token in enumerate(words) if token.text == ","]
    if not commas or len(words) - commas[-1] - 1 > MAX_TRAILING_TOKENS:
        return None
    tail = words[commas[-1] + 1 :]
    for token in tail:
        if token.pos_ == "VERB" and token.lemma_.lower() in lexicon.reporting_verbs:
            subject = subject_of(token, lexicon)
            if subject is not None and subject in tail:
                return words[commas[-1]].idx
    return None


def _opens_with_speaker(sentence: Span, lexicon: ClaimLexicon) -> bool:
    for token in sentence:
        if token.pos_ == "VERB" and token.lemma_.lower() in lexicon.reporting_verbs:
            subject = subject_of(token, lexicon)
            return (
                subject is not None
                and subject.left_edge.i == sentence.start
                and subject.lower_ not in lexicon.first_person
            )
    return False


# --- quotations that run on after the attribution -----------------------------------------------------------


def _continued_quotes(context: ParseContext, found: list[Attribution]) -> list[Attribution]:
    """"“A,” Rutte said. “B.”": B is Rutte's too, when nothing but the attribution stands between."""
    attributed = {a.content for a in found if a.quote == "direct"}
    direct = sorted((a for a in found if a.quote == "direct"), key=lambda a: a.content[0])
    text = context.doc.text
    continued: list[Attribution] = []
    for quote in context.quotes:
        content = (quote.inner_start, quote.inner_end)
        if content in attributed or quote.kind != "marks":
            continue
        earlier = [a for a in direct + continued if a.content[1] <= quote.start]
        if not earlier:
            continue
        previous = earlier[-1]
        last_end = max(previous.content[1], previous.cue[1], previous.speaker[1] if previous.speaker else 0)
        between = text[last_end : quote.start]
        if "\n" not in between and not between.strip(" \t.,;:”\"»"):
            continued.append(dataclasses.replace(previous, content=content, cue_modality=None))
    return continued


# --- speakers -----------------------------------------------------------------------------------------------


def _resolve_speakers(doc: Doc, lexicon: ClaimLexicon, found: list[Attribution]) -> list[Attribution]:
    """"he"/"she" → the nearest person named before: a PERSON entity or an earlier claim's speaker that is
    not an organisation or place (so "North Korea's representative … he declined" finds the
    representative)."""
    persons = [(ent.start_char, ent.end_char) for ent in doc.ents if ent.label_ == "PERSON"]
    resolved: list[Attribution] = []
    for attribution in sorted(found, key=lambda a: a.cue[0]):
        speaker = attribution.speaker
        if speaker is not None and doc.text[speaker[0] : speaker[1]].lower() in lexicon.third_person:
            candidates = persons + [
                a.speaker for a in resolved if a.speaker is not None and _names_a_person(doc, a.speaker, lexicon)
            ]
            before = [c for c in candidates if c[1] <= speaker[0]]
            if before:
                attribution = dataclasses.replace(attribution, speaker=max(before, key=lambda c: c[1]))
        resolved.append(attribution)
    return resolved


def _names_a_person(doc: Doc, speaker: CharSpan, lexicon: ClaimLexicon) -> bool:
    words = doc.text[speaker[0] : speaker[1]].lower()
    if words in lexicon.third_person or words in lexicon.first_person:
        return False
    span = doc.char_span(*speaker, alignment_mode="expand")
    return span is None or not any(
        ent.label_ in NON_PERSON_LABELS and ent.start <= span.root.i < ent.end for ent in doc.ents
    )


def _fold_nested_first_person(doc: Doc, found: list[Attribution]) -> list[Attribution]:
    """Inside a direct quote, "we have no evidence …" is the quote's speaker's. When the quote is that one
    sentence, the nested claim is the quote itself: its modality goes to the quote and it is dropped."""
    lexicon = claim_lexicon()
    kept = list(found)
    for outer in found:
        if outer.quote != "direct":
            continue
        for inner in found:
            if inner is outer or inner not in kept or not (outer.content[0] <= inner.cue[0] < outer.content[1]):
                continue
            if inner.speaker is None or doc.text[inner.speaker[0] : inner.speaker[1]].lower() not in (
                lexicon.first_person
            ):
                continue
            index = kept.index(inner)
            if _sentence_count(doc, outer.content) == 1 and inner.cue_modality is not None:
                kept.pop(index)
                outer_index = kept.index(outer)
                kept[outer_index] = dataclasses.replace(outer, cue_modality=_stronger(
                    outer.cue_modality, inner.cue_modality))
                outer = kept[outer_index]
            else:
                kept[index] = dataclasses.replace(inner, speaker=outer.speaker)
    return kept


def _sentence_count(doc: Doc, content: CharSpan) -> int:
    span = doc.char_span(*content, alignment_mode="expand")
    return 0 if span is None else len({token.sent.start for token in span})


# --- merging ------------------------------------------------------------------------------------------------


def _merge(found: list[Attribution]) -> list[Attribution]:
    """One claim per speaker and content (the earliest cue, the strongest modality); and per cue and
    speaker, one of overlapping contents (a quotation over a partial parse of it)."""
    by_content: dict[tuple[CharSpan | None, CharSpan], Attribution] = {}
    for attribution in sorted(found, key=lambda a: a.cue[0]):
        key = (attribution.speaker, attribution.content)
        if key in by_content:
            kept = by_content[key]
            by_content[key] = dataclasses.replace(
                kept, cue_modality=_stronger(kept.cue_modality, attribution.cue_modality)
            )
        else:
            by_content[key] = attribution
    merged: list[Attribution] = []
    for attribution in by_content.values():
        rival = next(
            (m for m in merged if m.cue == attribution.cue and m.speaker == attribution.speaker
             and _overlaps(m.content, attribution.content)),
            None,
        )
        if rival is None:
            merged.append(attribution)
        elif _preference(attribution) > _preference(rival):
            merged[merged.index(rival)] = attribution
    return merged


def _overlaps(first: CharSpan, second: CharSpan) -> bool:
    return first[0] < second[1] and second[0] < first[1]


def _preference(attribution: Attribution) -> tuple[int, int]:
    return QUOTE_PREFERENCE[attribution.quote], attribution.content[1] - attribution.content[0]


def _stronger(first: str | None, second: str | None) -> str | None:
    if first is None or second is None:
        return first or second
    return first if MODALITY_STRENGTH[first] >= MODALITY_STRENGTH[second] else second


# --- records ------------------------------------------------------------------------------------------------


def _modality(context: ParseContext, attribution: Attribution) -> str:
    if attribution.cue_modality is not None:
        return attribution.cue_modality
    span = context.doc.char_span(*attribution.content, alignment_mode="expand")
    cue = context.doc.char_span(*attribution.cue, alignment_mode="expand")
    if span is None or cue is None:
        return "asserted"
    lexicon = context.lexicon
    words = [token.lower_ for token in span]
    hedged_cue = any(c.lower_ in lexicon.hedge_adverbs for token in cue for c in token.children)
    if hedged_cue or any(word in lexicon.hedge_adverbs for word in words):
        return "hedged"
    if any(token.lower_ in lexicon.hedge_modals and token.tag_ == "MD" for token in span):
        return "hedged"
    if any(tuple(words[i : i + len(p)]) == p for p in lexicon.hedge_phrases for i in range(len(words))):
        return "hedged"
    return "asserted"


def _claim(
    parsed: ParsedArticle,
    claim_id: str,
    attribution: Attribution,
    time_expressions: Sequence[TimeExpr],
    context: ParseContext,
) -> Claim:
    text = parsed.article.text
    start, end = attribution.content
    speaker = attribution.speaker
    return Claim(
        id=claim_id,
        article=parsed.article.id,
        text=text[start:end],
        start=start,
        end=end,
        cue=text[attribution.cue[0] : attribution.cue[1]],
        cue_start=attribution.cue[0],
        cue_end=attribution.cue[1],
        speaker_text=text[speaker[0] : speaker[1]] if speaker else None,
        speaker_start=speaker[0] if speaker else None,
        speaker_end=speaker[1] if speaker else None,
        quote=attribution.quote,
        modality=_modality(context, attribution),
        quantities=tuple(find_quantities(parsed.doc, start, end)),
        times=tuple(t for t in time_expressions if start <= t.start and t.end <= end),
    )
