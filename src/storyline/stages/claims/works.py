"""Works that speak for their maker: "A web video by the Republican National Committee references four
cases … The ad also mentions … The clip says …" — the ad's words are the committee's; "Hillary Clinton has
a new campaign ad … The spot concludes with …" — Clinton's.

A speaker "the <work>" (a definite work noun of ``work_nouns`` naming no one itself) becomes the maker
named on the last work of its kind in the article: the possessor, a name before the noun or the object of
"by"/"from" (``noun_speaker``), or the subject of a verb that puts the work out ("Clinton has a new ad":
``work_maker_verbs``). A definite mention of the kind carries the maker on ("The ad … The clip"); a new
work whose maker is not named ("a new video") ends it, and so does a gap of more than
``MAX_SENTENCES_BETWEEN`` sentences. Precision first: no maker named, the speaker stays its words.
"""

from __future__ import annotations

import dataclasses

from spacy.tokens import Doc, Token

from storyline.stages.claims.lexicon import ClaimLexicon
from storyline.stages.claims.spans import Attribution, CharSpan
from storyline.stages.claims.speakers import speaker_span
from storyline.stages.claims.speech_acts import noun_speaker, without_possessive

__all__ = ["resolve_works"]

# How many sentences may stand between two mentions of one work ("The ad …" two sentences after "A web
# video by …"): farther on, "the ad" may be another work the article never introduced.
MAX_SENTENCES_BETWEEN = 3
DEFINITE = frozenset({"the", "this", "that"})
MAKER_ENTITIES = frozenset({"PERSON", "ORG"})


def resolve_works(doc: Doc, found: list[Attribution], lexicon: ClaimLexicon) -> list[Attribution]:
    """Each attribution whose speaker is "the <work>" with its maker, where the article names one."""
    makers = _makers_of_works(doc, lexicon)
    resolved = []
    for attribution in found:
        head = _speaker_head(doc, attribution.speaker)
        maker = makers.get(head.i) if head is not None else None
        if maker is not None and head is not None and _bare_work(head, attribution.speaker or (0, 0)):
            attribution = dataclasses.replace(attribution, speaker=maker)
        resolved.append(attribution)
    return resolved


def _makers_of_works(doc: Doc, lexicon: ClaimLexicon) -> dict[int, CharSpan]:
    """Token index of each definite work noun → the maker of the work it refers back to."""
    sentence_of = {sentence.start: number for number, sentence in enumerate(doc.sents)}
    last: dict[str, tuple[CharSpan, int]] = {}  # kind → (maker, sentence of the kind's last mention)
    makers: dict[int, CharSpan] = {}
    for token in doc:
        kind = lexicon.work_kinds.get(token.lemma_.lower()) or lexicon.work_kinds.get(token.lower_)
        if kind is None or token.pos_ not in ("NOUN", "PROPN"):
            continue
        sentence = sentence_of[token.sent.start]
        maker = _maker(doc, token, lexicon)
        if maker is not None:
            last[kind] = (maker, sentence)
        elif _is_definite(token) and kind in last and sentence - last[kind][1] <= MAX_SENTENCES_BETWEEN:
            makers[token.i] = last[kind][0]
            last[kind] = (last[kind][0], sentence)
        else:
            last.pop(kind, None)  # another work, its maker not named
    return makers


def _maker(doc: Doc, noun: Token, lexicon: ClaimLexicon) -> CharSpan | None:
    """The person or organisation named on the work ("the Clinton ad", "a video by the RNC") or putting it
    out ("Clinton has a new ad")."""
    owner = noun_speaker(noun)
    verb = noun.head
    if owner is None and noun.dep_ in ("dobj", "obj") and verb.lemma_.lower() in lexicon.work_maker_verbs:
        owner = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if owner is None or not _names_a_maker(owner):
        return None
    span = without_possessive(owner, speaker_span(owner, noun))  # "the agency", not "the agency's"
    if span is None:
        return None
    return span if noun.idx >= span[1] or span[0] >= noun.idx + len(noun) else None


def _names_a_maker(owner: Token) -> bool:
    """A person or organisation, or a noun one names ("the Clinton campaign")."""
    return owner.ent_type_ in MAKER_ENTITIES or any(
        child.dep_ == "compound" and child.ent_type_ in MAKER_ENTITIES for child in owner.children
    )


def _is_definite(noun: Token) -> bool:
    return any(child.dep_ == "det" and child.lower_ in DEFINITE for child in noun.children)


def _speaker_head(doc: Doc, speaker: CharSpan | None) -> Token | None:
    span = None if speaker is None else doc.char_span(*speaker, alignment_mode="expand")
    return None if span is None or not len(span) else span.root


def _bare_work(head: Token, speaker: CharSpan) -> bool:
    """The speaker is "the <work>" and nothing more: not "the Clinton ad" (its maker is already named), not
    "the congressional report" (a word of its own says whose, or which, it is)."""
    words = [token for token in head.doc[head.left_edge.i : head.i + 1] if token.idx < speaker[1]]
    return len(words) == 2 and _is_definite(head) and words[0].dep_ == "det"
