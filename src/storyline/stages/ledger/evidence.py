"""What a question must show before the ledger lists it: precision before recall.

An analyst would rather read ten right questions than fifty doubtful ones, so a group of claims becomes a
question only when its evidence says it is one:

- a proposition needs two *speaking* sources: copies of one span taking one side (one sentence parsed
  with two speakers) are one claim, a relay ("Davis said the FBI said …") is the source it relays
  (``ledger.sources``), and a speaker the text does not name ("who", "he") is its outlet, not a source of
  its own;
- the claim a proposition is worded from must be a clause with a finite verb: "Clinton to win Monday's
  debate" (from "expect Clinton to win"), "NBC's Lester Holt, the moderator …" or "the email issue" state
  nothing a reader can check. The worker that parsed the article noted where each content's finite verbs
  are (``claims.finite``); the check looks for one before the label's cut. A claim from a store older than
  that field has its label content parsed here instead (spaCy, already loaded by the pipeline);
- a quantity question from one speaking source should say what happened to what it counts: its label
  names a verb ("How many emails were deemed classified?"), not only a noun phrase ("How many additional
  emails?" for emails Clinton deleted). Without two sources or a clear predicate the question is
  doubtful and listed below the story's core (dropping it lost demo positions the gold wants);
- a quoted question ("will Gennifer Flowers be there?") asserts nothing and takes no side, nor does a
  claim whose speaker was lost (``speaker_lost``);
- denials that no one quoted affirms are affirmed by those who count what they deny
  (``figures_affirming``).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from typing import NamedTuple

from storyline.lexicons import load_lexicon
from storyline.records import Article, Claim
from storyline.stages.claims import is_finite, stance_of
from storyline.stages.ledger.anaphora import topic_words
from storyline.stages.ledger.grouping import (
    TOKEN_MARK,
    EntitySpans,
    entities_within,
    ledger_lexicon,
    rarity_weights,
)
from storyline.stages.ledger.labels import label_claim, label_content
from storyline.stages.ledger.measures import Measure
from storyline.stages.ledger.sources import independent_sources
from storyline.stages.ledger.statements import Statement

# How far past a content's end a question mark still closes its sentence (a closing quote, a space).
QUESTION_REACH = 3
# Where one sentence of a content ends and the next begins: a stop, closing quotes, space, a capital.
SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]*\s+(?=[\"“‘(]?[A-Z])")
# The cue of a channel a claim is told through ("according to a transcript of the show"), not a speaker.
CHANNEL_CUE = "according to"
# Pipeline components the ledger's own parses skip (``nlp.parse_without``): it reads tags, morphology,
# dependencies and lemmas, never entities; a label's verb needs only the tags (2-3x cheaper than the whole).
NOT_READ = frozenset({"ner"})
TAGS_ONLY = frozenset({"ner", "parser", "lemmatizer"})


def speaking_sources(claims: Sequence[Claim], origin: Mapping[str, str]) -> int:
    """Independent sources of ``claims`` once copies of one span are one claim and unnamed speakers are
    their outlet (see the module docstring). A copy takes the same side: the outlet's claim on a content
    it calls false ("erroneously suggested …", ``claims.framing``) takes the other side of that span, and
    is a voice of its own."""
    unique = list(
        {(claim.article, claim.start, claim.end, stance_of(claim)): claim for claim in claims}.values()
    )
    return len({_named_or_outlet(source) for source in independent_sources(unique, origin)})


def _named_or_outlet(source: str) -> str:
    """ "origin:<outlet>:he" → "origin:<outlet>": a pronoun or a description is the outlet's word."""
    return ":".join(source.split(":")[:2]) if source.startswith("origin:") else source


def is_question(claim: Claim, article: Article | None) -> bool:
    """Whether the content is a question: a question mark in its last sentence or just after it. A quote
    of several sentences that asks on the way asserts the rest: a rhetorical question inside Giuliani's
    long quote (PolNeAR fbi-no-charges, "You know what …? To prove intent. …") had taken the whole quote,
    and the count of destroyed emails it ends on, out of the ledger."""
    if "?" in SENTENCE_END.split(claim.text.rstrip())[-1]:
        return True
    after = article.text[claim.end : claim.end + QUESTION_REACH] if article is not None else ""
    return "?" in after


def label_states_a_clause(claims: Sequence[Claim], order: list[int]) -> bool:
    """Whether the content a proposition's label is worded from (``labels.label_content``) is a clause with a
    finite verb: one of its claim's finite verbs (``Claim.finite_verbs``, from the worker's parse) lies
    within the words the label keeps. A claim stored without them has that content parsed instead."""
    claim, content = label_claim(claims, order), label_content(claims, order)
    if claim.finite_verbs is None:
        return states_a_clause(content)
    kept = len(content.removesuffix(" …").split())
    ends = [word.end() for word in re.finditer(r"\S+", claim.text)]
    cut = ends[min(kept, len(ends)) - 1] if kept and ends else 0
    return any(offset < cut for offset in claim.finite_verbs)


def states_a_clause(content: str) -> bool:
    """Whether ``content`` (a label's words) is a clause with a finite verb, as the parser reads it alone."""
    return _finite(re.sub(r"[\"“”]", "", content).strip())


@lru_cache(maxsize=4096)
def _finite(content: str) -> bool:
    from storyline.stages.nlp import parse_without  # the pipeline's parser, loaded once per process

    doc = parse_without(content, NOT_READ)
    return any(is_finite(sentence.root) for sentence in doc.sents)


class LabelToken(NamedTuple):
    """A word of a label as the tagger reads it: all a label rule needs, kept without the Doc."""

    idx: int  # characters from the label's start
    lower: str
    tag: str
    pos: str
    spaced: bool  # whitespace follows it


# Labels already tagged (label → its tokens): one label is asked about up to three times (whether it names a
# verb, ``label_predicates.finite_count_label``), and ``read_label_predicates`` asks for each story's.
# Emptied when full, so a server's memory stays bounded.
_LABEL_TOKENS: dict[str, tuple[LabelToken, ...]] = {}
LABEL_TOKENS_KEPT = 4096
# Labels asked for ahead (``read_label_predicates``), tagged together on the first read of any of them
_LABELS_ASKED: dict[str, None] = {}


def names_a_predicate(label: str) -> bool:
    """Whether a quantity question's label names a verb besides its opener ("How many … were killed?")."""
    return any(token.pos == "VERB" for token in label_tokens(label)[2:])


def label_tokens(label: str) -> tuple[LabelToken, ...]:
    """A label's tokens, tagged once per process however often it is read: with every label asked for
    ahead (``read_label_predicates``) when it was, else alone."""
    if label not in _LABEL_TOKENS:
        asked = label in _LABELS_ASKED
        _tag_labels(list(_LABELS_ASKED) if asked else [label])
        if asked:
            _LABELS_ASKED.clear()
    return _LABEL_TOKENS[label]


def read_label_predicates(labels: Iterable[str]) -> None:
    """Ask ahead for the tags of the ``labels`` not read yet: they are tagged in one batch (``nlp.pipe``) on
    the first read of any of them, with every label asked for since — the ledger asks for all stories'
    labels before any story reads one (``positions.build_ledgers``). A label parsed alone took ~2.2 ms,
    most of it per-call overhead of a tiny input, against ~1 ms batched (1,000 generated articles, ~700
    labels). A label's count words are then read off these tags too (``label_predicates.finite_count_label``):
    tagged again on their own they cost 2.5 s of the ledger's tail on those articles."""
    _LABELS_ASKED.update(dict.fromkeys(label for label in labels if label not in _LABEL_TOKENS))


def _tag_labels(labels: list[str]) -> None:
    """Tag ``labels`` in one batch; each label's tags are those it gets tagged alone."""
    from storyline.stages.nlp import load_nlp

    unread = [label for label in labels if label not in _LABEL_TOKENS]
    if len(_LABEL_TOKENS) + len(unread) > LABEL_TOKENS_KEPT:
        _LABEL_TOKENS.clear()
    for label, doc in zip(unread, load_nlp().pipe(unread, disable=sorted(TAGS_ONLY)), strict=True):
        _LABEL_TOKENS[label] = tuple(
            LabelToken(token.idx, token.lower_, token.tag_, token.pos_, bool(token.whitespace_))
            for token in doc
        )


def figures_affirming(
    statements: Sequence[Statement], measure_groups: Sequence[Sequence[Measure]], min_share: float
) -> list[Claim]:
    """The claims that affirm, by giving a figure, what a group of denials and non-confirmations rejects.

    "We have no proof of North Korean soldiers fighting in Ukraine" answers a proposition nobody states in
    so many words: those who affirm it do so by counting ("North Korea has sent 12,000 troops"). Without
    them the question would read as denied with no one on the other side. The measured thing whose
    clauses hold the largest (rarity-weighted) share of the group's words — at least ``min_share`` —
    gives that side; only its asserted figures count."""
    if not measure_groups:
        return []
    # What the group is about, without its words of judgement or of the statement ("no proof", "reports").
    words = frozenset().union(*(topic_words(statement.claim) for statement in statements))
    measure_words = [frozenset().union(*(m.words for m in group)) for group in measure_groups]
    weight = rarity_weights([statement.words for statement in statements] + measure_words)
    # fsum over sets: a sum in hash order rounds by PYTHONHASHSEED, and ``best`` compares these shares
    total = math.fsum(weight.get(word, 1.0) for word in words) or 1.0
    shares = [math.fsum(weight.get(word, 1.0) for word in words & other) / total for other in measure_words]
    best = max(range(len(shares)), key=lambda i: (shares[i], len(measure_groups[i])))
    if shares[best] < min_share:
        return []
    figures = [m.claim for m in measure_groups[best] if stance_of(m.claim, negation_denies=False) == "affirm"]
    return list({claim.id: claim for claim in figures}.values())


# Relative pronouns a speaker span may stop at when the claims stage did not reach their antecedent.
RELATIVE_SPEAKERS = frozenset({"who", "which", "that", "whom"})


def speaker_lost(claim: Claim) -> bool:
    """A claim whose speaker span is a bare relative pronoun ("who", its antecedent not reached): nobody
    takes its side. As a source it made "the issue would fade" a contested question. (A cue with no
    speaker at all, or a personal pronoun, is kept: on the demo gold such claims hold positions the gold
    wants; dropping them too lowered position accuracy 0.725 -> 0.675.)"""
    said_by = (claim.speaker_text or "").lower().strip()
    return bool(claim.cue) and not claim.speaker and said_by in RELATIVE_SPEAKERS


@lru_cache(maxsize=1)
def _reporters_notes() -> tuple[re.Pattern[str], int]:
    data = load_lexicon("ledger")["reporters_notes"]
    phrases = sorted(data["phrases"], key=len, reverse=True)
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(p) for p in phrases) + r")\b(?P<tail>[^.;:!?]*)", re.I)
    return pattern, int(data["tail_words"])


def reporters_note(claim: Claim) -> bool:
    """Whether the claim is a reporter's note on whom the outlet tried to reach ("Campaign and legal
    representatives for X could not be reached for comment Saturday", "did not respond to a request for
    comment"): how the story was reported, no proposition anyone takes a side on, so no question may be built
    from it (issue #14). Only a note ending its sentence counts, bar a few words of when: "Y, who declined
    to comment, was born in …" says where Y was born."""
    pattern, tail_words = _reporters_notes()
    text = claim.text.strip()
    return any(
        match.end() >= len(text.rstrip(" .\"'”’")) and len(match["tail"].split()) <= tail_words
        for match in pattern.finditer(text)
    )


def speaker_named_within(claim: Claim, spans: EntitySpans, persons: Mapping[str, str]) -> bool:
    """Whether the claim's speaker, a person (``persons``: entity id → name), is named inside its own
    content: "he said there's no precedent for prosecuting a case like Clinton's", its "he" resolved to
    Clinton. People rarely name themselves in what they say; on the PolNeAR development stories and the
    demo corpus 2 of 314 statements with a resolved speaker did, both misresolved (Comey's words given to
    Clinton, a columnist's to Clinton), so such a claim's side has no speaker the ledger can name and it is
    left out, as ``speaker_lost``. A country or an agency does name itself ("Moscow denied that Russian
    troops …"): those are kept."""
    if claim.speaker not in persons:
        return False
    return TOKEN_MARK + str(claim.speaker) in entities_within(spans, claim.article, claim.start, claim.end)


def voiced_claims(claims: Sequence[Claim]) -> list[Claim]:
    """``claims`` less each claim with no speaker at all that lies inside the content of a claim someone
    makes in the same article: its words are that speaker's, read without what governs them. "there's no
    belief in his own mind that a prosecutor would move forward with that case", said Lewandowski, held an
    unattributed "a prosecutor would move forward with that case" that became the affirming side of a
    contested question; "'top secret' information has been found", an unattributed "top secret". Kept
    when its cue is a statement noun ("rejected accusations that her ministry had been warned", "could
    not confirm reports that …"). Less, too, each claim of a channel ("according to a transcript") whose
    content runs on over a quotation's own attribution: "He's trying to kill them," Hewitt said, according
    to a transcript of the show' gave the transcript a side against Hewitt's own words (PolNeAR's
    second-amendment-isis-founder, issue #14); the claim of the speaker the quotation names stays."""
    by_article: dict[str, list[Claim]] = {}
    for claim in claims:
        by_article.setdefault(claim.article, []).append(claim)
    return [
        claim
        for claim in claims
        if not _voiceless_inside(claim, by_article[claim.article])
        and not _runs_over_an_attribution(claim, by_article[claim.article])
    ]


def _runs_over_an_attribution(claim: Claim, same_article: Sequence[Claim]) -> bool:
    """Whether ``claim``, told "according to" someone, holds another's cue that follows its content."""
    if not claim.cue.lower().startswith(CHANNEL_CUE):
        return False
    return any(
        other is not claim
        and (other.speaker or other.speaker_text)
        and other.end <= other.cue_start
        and claim.start < other.end
        and claim.start <= other.cue_start
        and other.cue_end <= claim.end
        for other in same_article
    )


def _voiceless_inside(claim: Claim, same_article: Sequence[Claim]) -> bool:
    if claim.speaker or claim.speaker_text or claim.outlet_voice:
        return False
    if claim.cue.lower() in ledger_lexicon().statement_nouns:
        return False
    return any(
        (other.speaker or other.speaker_text)
        and other.start <= claim.start
        and claim.end <= other.end
        and (other.start, other.end) != (claim.start, claim.end)
        for other in same_article
    )
