"""Nested attribution: who passed a speaker's words on to the article.

News rarely hears a claim first hand. "A South Korean intelligence source told Yonhap", "the source cited
today by the Yonhap news agency", "said in an interview with Politico" and "According to Yonhap, the envoy
confirmed …" all name a speaker and, beside it, the outlet or person the words came through. The claim
stays the speaker's; the relay is kept as ``via`` so that the ledger can tell a claim heard from the NIS
through Yonhap from one heard from the NIS directly.
"""

from __future__ import annotations

import dataclasses

from spacy.tokens import Doc, Token

from storyline.stages.claims.lexicon import ClaimLexicon
from storyline.stages.claims.spans import Attribution, CharSpan
from storyline.stages.claims.speakers import quoted_as_saying, speaker_span

RECIPIENT_DEPS = frozenset({"dative", "dobj"})
MEDIUM_PREPOSITIONS = frozenset({"in", "during"})  # "said in an interview with Politico"
PARTNER_PREPOSITIONS = frozenset({"with", "to", "on", "for"})
OUTLET_LABELS = frozenset({"ORG"})
DESCRIPTION_DEPS = frozenset({"relcl", "acl", "advcl"})


def name_relays(doc: Doc, found: list[Attribution], lexicon: ClaimLexicon) -> list[Attribution]:
    """Each attribution with the relay named beside its cue or its speaker ("told Yonhap", "the source
    cited by Yonhap"); before speakers are resolved, while the speaker span is still the words at the cue."""
    return [dataclasses.replace(a, via=a.via or _named_relay(doc, a, lexicon)) for a in found]


def chain_attributions(
    doc: Doc, text: str, found: list[Attribution], lexicon: ClaimLexicon
) -> list[Attribution]:
    """An attribution without a named relay is relayed by the speaker of the narrowest other attribution
    whose content holds its cue ("According to Yonhap, X confirmed …")."""
    relayed = found
    chained = []
    for inner in relayed:
        if inner.via is None and inner.speaker is not None:
            outer = _enclosing(inner, relayed, doc, text, lexicon)
            if outer is not None:
                inner = dataclasses.replace(inner, via=outer.speaker)
        chained.append(inner)
    return chained


def drop_nested_intentions(doc: Doc, found: list[Attribution], lexicon: ClaimLexicon) -> list[Attribution]:
    """ "Zelensky said Russia intends to involve 10,000 soldiers": the intention is Zelensky's claim about
    Russia, not Russia's claim; an intention, attitude or belief verb inside another claim's content is
    dropped ("He says he believes the campaign has momentum" is one claim: PolNeAR train articles 0–149
    mark the outer cue only, issue #16)."""
    attitudes = lexicon.mental_state_verbs | lexicon.epistemic_verbs
    return [
        inner
        for inner in found
        if doc[inner.anchor].lemma_.lower() not in attitudes
        or not any(
            outer is not inner and outer.content[0] <= inner.cue[0] < outer.content[1] for outer in found
        )
    ]


def drop_quoted_nested(found: list[Attribution]) -> list[Attribution]:
    """ "“Russia told us it would pull back, and Kyiv says it is ready,” Rutte said": the quotation is
    Rutte's claim; the cues inside it are words of the quotation, not claims of their own. PolNeAR's
    annotators mark none of them (train articles 0–149, issue #16: ~95 such cues predicted, ≤ 4 marked).
    A nested claim whose cue alone sets a modality ("we have no evidence", "denied") stays: the ledger
    weighs a denial or a non-confirmation even inside a quotation."""
    quoted = [a.content for a in found if a.quote == "direct"]
    return [
        inner
        for inner in found
        if inner.speaker is None
        or inner.cue_modality is not None
        or not any(start <= inner.cue[0] < end and (start, end) != inner.content for start, end in quoted)
    ]


def _enclosing(
    inner: Attribution, found: list[Attribution], doc: Doc, text: str, lexicon: ClaimLexicon
) -> Attribution | None:
    assert inner.speaker is not None
    words = text[inner.speaker[0] : inner.speaker[1]].lower()
    if words in lexicon.first_person:
        return None  # "we" inside a quotation is the quoted speaker, not someone they relay
    if _in_description(doc[inner.anchor], inner.cue, found):
        return None
    outers = [
        outer
        for outer in found
        if outer.speaker is not None
        and outer.speaker != inner.speaker
        and outer.content != inner.content
        and outer.content[0] <= inner.cue[0] < outer.content[1]
        and not outer.content[0] <= outer.speaker[0] < outer.content[1]
    ]
    return min(outers, key=lambda o: o.content[1] - o.content[0], default=None)


def _in_description(cue: Token, cue_span: CharSpan, found: list[Attribution]) -> bool:
    """ "Seoul confirms the information that Moscow has labeled a hoax": a cue in a relative clause or an
    adverbial clause describes something the outer speaker mentions; the outer speaker relays nothing."""
    contents = [a.content for a in found if a.content[0] <= cue_span[0] < a.content[1]]
    token = cue
    while token.head.i != token.i and any(start <= token.head.idx < end for start, end in contents):
        if token.dep_ in DESCRIPTION_DEPS:
            return True
        token = token.head
    return token.dep_ in DESCRIPTION_DEPS


def _named_relay(doc: Doc, attribution: Attribution, lexicon: ClaimLexicon) -> CharSpan | None:
    """ "told Yonhap news agency", "in an interview with Politico", "quoted by Reuters", or a speaker
    "cited by Yonhap"."""
    cue = doc[attribution.anchor]
    if quoted_as_saying(cue) is not None:  # "the Post quoted an official as saying": the Post relays
        subjects = [child for child in cue.children if child.dep_ == "nsubj"]
        if subjects:
            return speaker_span(subjects[0])
    for child in cue.children:
        if child.dep_ in RECIPIENT_DEPS and child.i > cue.i and _is_outlet(child, lexicon):
            return speaker_span(child)
        if child.dep_ == "agent" and cue.lemma_.lower() in lexicon.relay_verbs:
            return _object_span(child)
        if child.dep_ == "prep" and child.lower_ in MEDIUM_PREPOSITIONS:
            partner = _medium_partner(child, lexicon)
            if partner is not None:
                return speaker_span(partner)
    if attribution.speaker is None:
        return None
    speaker = doc.char_span(*attribution.speaker, alignment_mode="expand")
    if speaker is None:
        return None
    for clause in speaker.root.children:
        if clause.dep_ == "acl" and clause.lemma_.lower() in lexicon.relay_verbs:
            for child in clause.children:
                if child.dep_ == "agent":
                    return _object_span(child)
    return None


def _medium_partner(preposition: Token, lexicon: ClaimLexicon) -> Token | None:
    for medium in (c for c in preposition.children if c.dep_ == "pobj"):
        if medium.lemma_.lower() not in lexicon.medium_nouns:
            continue
        for partner_prep in (c for c in medium.children if c.lower_ in PARTNER_PREPOSITIONS):
            for partner in (c for c in partner_prep.children if c.dep_ == "pobj"):
                if _is_outlet(partner, lexicon) or partner.pos_ == "PROPN":
                    return partner
    return None


def _is_outlet(token: Token, lexicon: ClaimLexicon) -> bool:
    return token.ent_type_ in OUTLET_LABELS or token.lemma_.lower() in lexicon.outlet_nouns


def _object_span(preposition: Token) -> CharSpan | None:
    objects = [c for c in preposition.children if c.dep_ == "pobj"]
    return speaker_span(objects[0]) if objects else None
