"""The outlet's own side on a claim it reports: "Trump erroneously suggested Curiel was from Mexico".

A reporting cue with a falsity word on it (lexicon ``denials.falsity_framing``: an adverb on a cue verb,
"falsely claimed", "wrongly suggesting"; an adjective on a noun cue, "his false claim that …") says two
things: the speaker affirms the content, and the outlet, in its own voice, says the content is false. The
attribution keeps the first; this module adds the second as an outlet-voice claim of the same content span
(no speaker, no cue: ``Claim.outlet_voice``), so the ledger sees the question contested where the outlet
contradicts the person it reports (issue #14: PolNeAR's gold gives such sentences both positions; the
ledger joins a claim of a reported content's very span to that content's proposition,
``ledger.statements.join_same_span``, and counts it a voice of its own, ``ledger.evidence``). The
outlet's claim denies what the speaker affirms; of a false denial ("falsely denied that P") it affirms P. A
content the speaker puts negated ("falsely said he never …") is left alone: what the outlet then holds
is not the sentence's words, and precision comes first.

Its id is ``{article.id}:f{n}``, beside the attributions' ``c``/``a`` and the narration's ``v``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from storyline.records import Claim, Modality, ParsedArticle
from storyline.stages.claims.lexicon import ClaimLexicon, claim_lexicon
from storyline.stages.claims.modality import is_negated, predicate_modality
from storyline.stages.claims.spans import as_outlet_voice

# What the outlet's claim says, by the reported claim's modality: a claim put forward (asserted, hedged)
# called false is denied; a denial called false is affirmed. Unconfirmed contents take no side to reverse.
OUTLET_MODALITY: dict[Modality, Modality] = {"asserted": "denied", "hedged": "denied", "denied": "asserted"}
FRAMING_DEPS = frozenset({"advmod", "amod"})


def with_framing(parsed: ParsedArticle, claims: Sequence[Claim]) -> list[Claim]:
    """``claims``, each attributed statement whose cue the outlet calls false followed by the outlet's own
    claim on its content. A hedging cue called false ("erroneously suggested") is read as put forward:
    a suggestion can be wrong only as a claim that the content is so (PolNeAR's gold has Trump affirm
    that Curiel is Mexican there); a hedge in the content itself ("may have") stays."""
    lexicon = claim_lexicon()
    found: list[Claim] = []
    framed = 0
    for claim in claims:
        claim = _unless_fact_not_said(parsed.doc, claim, lexicon)
        modality = _outlet_modality(claim)
        if modality is None or _nested(claim, claims) or not _called_false(parsed.doc, claim, lexicon):
            found.append(claim)
            continue
        framed += 1
        found.append(_put_forward(parsed.doc, claim, lexicon))
        found.append(_outlet_claim(claim, f"{parsed.article.id}:f{framed}", modality))
    return found


def _unless_fact_not_said(doc: Doc, claim: Claim, lexicon: ClaimLexicon) -> Claim:
    """ "He ignored the fact that Curiel was an American": a content the outlet calls a fact (lexicon
    ``fact_framing``) under a verb that reports nothing is the outlet's own statement of the clause, not
    the person's (who said nothing of it); under a cue verb ("acknowledged the fact that …") it stays."""
    if claim.kind != "statement" or claim.outlet_voice or claim.quote != "indirect":
        return claim  # a quotation is the speaker's words, whatever they call a fact
    phrase = next((p for p in lexicon.fact_phrases if claim.text.lower().startswith(p)), None)
    cue = doc.char_span(claim.cue_start, claim.cue_end, alignment_mode="expand")
    if phrase is None or cue is None or cue.root.lemma_.lower() in lexicon.cue_verbs:
        return claim
    start = claim.start + len(phrase)
    outlet = _outlet_claim(claim, claim.id, "asserted")
    clause = claim.text[len(phrase) :]
    return dataclasses.replace(outlet, text=clause, start=start, cue_start=start, cue_end=start)


def _nested(claim: Claim, claims: Sequence[Claim]) -> bool:
    """Whether the claim's cue lies inside another speaker's content: "Chauhan alleged that the sect's head
    falsely claimed …" calls it false in Chauhan's words, not the outlet's."""
    return any(
        other.id != claim.id and not other.outlet_voice and other.start <= claim.cue_start < other.end
        for other in claims
    )


def _put_forward(doc: Doc, claim: Claim, lexicon: ClaimLexicon) -> Claim:
    """The claim asserted when only its cue hedged it."""
    content = doc.char_span(claim.start, claim.end, alignment_mode="expand")
    if claim.modality != "hedged" or content is None or predicate_modality(content, lexicon) == "hedged":
        return claim
    return dataclasses.replace(claim, modality="asserted")


def _outlet_modality(claim: Claim) -> Modality | None:
    """The modality of the outlet's reading of a reported statement, None when there is none to give."""
    if claim.kind != "statement" or claim.outlet_voice or is_negated(claim):
        return None
    return OUTLET_MODALITY.get(claim.modality)


def _called_false(doc: Doc, claim: Claim, lexicon: ClaimLexicon) -> bool:
    """Whether a falsity word modifies the claim's cue: an adverb of the cue verb, an adjective of the
    cue noun; not one negated itself ("not wrongly")."""
    cue = doc.char_span(claim.cue_start, claim.cue_end, alignment_mode="expand")
    return cue is not None and any(_is_falsity_word(child, lexicon) for child in _children(cue))


def _children(cue: Span) -> list[Token]:
    return [child for token in cue for child in token.children if child.dep_ in FRAMING_DEPS]


def _is_falsity_word(token: Token, lexicon: ClaimLexicon) -> bool:
    words = lexicon.falsity_adverbs if token.dep_ == "advmod" else lexicon.falsity_adjectives
    negated = any(child.dep_ == "neg" for child in token.children)
    return token.lower_ in words and not negated


def _outlet_claim(claim: Claim, claim_id: str, modality: Modality) -> Claim:
    """The reported content as the outlet's own statement: same span, no speaker, no cue, no relay."""
    return dataclasses.replace(
        as_outlet_voice(claim),
        id=claim_id,
        quote="indirect",
        modality=modality,
        via_text=None,
        via_start=None,
        via_end=None,
    )
