"""Learned attributions: cues the word lists miss, proposed by linear models trained on PolNeAR train.

Design: three logistic models over hashed features of the one spaCy parse, applied with plain numpy over
stored coefficients (``storyline/models/attribution.npz``, no pickles):

- a *cue* model scores every token (is it part of a cue?); adjacent cue tokens form one cue, anchored on
  the token whose head lies outside them;
- a *content* model and a *source* model score the tokens a few dependency steps from the anchor, by the
  path between them and the words at both ends; the best scoring token heads the content (its subtree
  without the cue and the source) and, above a threshold, the source.

The rules stay the precise core: this module only adds attributions whose cue the rules did not find, and
they then go through the same merging, pronoun resolution, nesting and modality as the rules' own. A
proposal whose content states nothing (no finite clause, no quotation: "voted to strike", "demanded a pay
rise") is an act (``Claim.kind``): PolNeAR annotates acts and the brief lists them, but the ledger skips
them. With no
weights installed the rules run alone, and a warning says so once. ``scripts/train_attribution.py`` trains
the models; the model card beside the weights gives data, licence note and figures.
"""

from __future__ import annotations

import json
import logging
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import numpy as np
from spacy.tokens import Doc, Span, Token

from storyline.records import ClaimKind
from storyline.stages.claims.cues import asked_of_others
from storyline.stages.claims.datelines import past_dateline
from storyline.stages.claims.learned_spans import (
    EMPTY_SPEAKERS,
    content_from_heads,
    run_anchor,
    with_raised_subject,
)
from storyline.stages.claims.lexicon import ClaimLexicon
from storyline.stages.claims.modality import cue_modality
from storyline.stages.claims.quotes import QuoteSpan, inside_quote
from storyline.stages.claims.spans import (
    Attribution,
    CharSpan,
    ParseContext,
    classify_quote,
    clip_to_line,
    semicolon_between,
    spans_overlap,
    token_span,
    with_sentence_end,
)
from storyline.stages.claims.speakers import speaker_heads, speaker_span
from storyline.stages.claims.speech_acts import FINITE_TAGS, is_guessed_thought

NOMINAL = frozenset({"NOUN", "PROPN", "PRON", "NUM"})

LOGGER = logging.getLogger(__name__)
MODEL_FILE = "attribution.npz"
HASH_BITS = 18  # 262k buckets: collisions cost little at this feature count, and the file stays ~1 MB
HASH_MASK = (1 << HASH_BITS) - 1
MAX_HOPS = 3  # how many dependency steps from the cue a content or source head may stand
# Dependencies of words that only modify a cue verb ("has said", "did not deny", "openly admires").
FUNCTION_DEPS = frozenset({"aux", "auxpass", "neg", "advmod", "prt", "npadvmod"})
# How likely a sibling of the content head must be to join the content ("criticized X as Y": the object
# and the "as" phrase are one content).
SIBLING_THRESHOLD = 0.5
MIN_KNOWN_VERB_CONTENT = 3  # tokens
# A headline clause of fewer words is no report ("Obama Says Goodbye"); a line of fewer long words: none.
MIN_HEADLINE_CLAUSE_WORDS = 3


# --- features ---------------------------------------------------------------------------------------------


def feature_buckets(features: Iterable[str]) -> list[int]:
    """Hashed feature indexes; crc32 is stable across processes, unlike ``hash``. Most features recur
    (``p=VERB``, ``w=said``), so each one's index is kept once hashed (``_BUCKETS``)."""
    known = _BUCKETS
    if len(known) > MAX_KNOWN_BUCKETS:  # a long run's rare words must not grow it without end
        known.clear()
    buckets = []
    for feature in features:
        bucket = known.get(feature)
        if bucket is None:
            bucket = known[feature] = zlib.crc32(feature.encode("utf-8")) & HASH_MASK
        buckets.append(bucket)
    return buckets


# Feature → its hashed index, as ``feature_buckets`` computed it (~16 k tokens of 100 generated articles
# hash ~420 k features, mostly the same few thousand: looked up, not hashed again).
_BUCKETS: dict[str, int] = {}
MAX_KNOWN_BUCKETS = 200_000


def cue_features(token: Token, quoted: bool, lexicon: ClaimLexicon) -> list[str]:
    """What a cue token looks like: its words, its place in the tree, its neighbours and children."""
    # Each attribute read once: spaCy builds a new string at every read of ``lower_``, ``pos_`` … and this
    # runs on every token of every article.
    lower, pos, tag, dep = token.lower_, token.pos_, token.tag_, token.dep_
    lemma, head = token.lemma_.lower(), token.head
    head_lemma = head.lemma_.lower()
    doc = token.doc
    before = doc[token.i - 1].lower_ if token.i > 0 else "<s>"
    after = doc[token.i + 1].lower_ if token.i + 1 < len(doc) else "</s>"
    features = [
        f"w={lower}",
        f"l={lemma}",
        f"p={pos}",
        f"t={tag}",
        f"d={dep}",
        f"l|d={lemma}|{dep}",
        f"l|t={lemma}|{tag}",
        f"s3={lower[-3:]}",
        f"hl={head_lemma}",
        f"d|hp={dep}|{head.pos_}",
        f"l|hl={lemma}|{head_lemma}",
        f"-1={before}",
        f"+1={after}",
        f"l|+1={lemma}|{after}",
        f"-1|w={before}|{lower}",
        f"q={quoted}",
        f"p|q={pos}|{quoted}",
        f"lex={lemma in lexicon.cue_verbs}|{pos}",
        f"noun={lemma in lexicon.noun_cues}",
        f"sent0={token.is_sent_start}",
        f"nl={_line_position(token)}|{pos}",
    ]
    for child in token.children:
        child_dep = child.dep_
        features += [f"c={child_dep}", f"l|c={lemma}|{child_dep}", f"t|c={tag}|{child_dep}"]
        if child_dep in CHILD_WORD_DEPS:
            child_lower = child.lower_
            features += [f"cw={child_dep}:{child_lower}", f"l|cw={lemma}|{child_lower}"]
    if head.i != token.i:
        features.append(f"hc={head.dep_}")
    return features


# Children whose words a cue feature names ("said *to*", "did *not*").
CHILD_WORD_DEPS = frozenset({"prep", "prt", "agent", "dative", "mark", "aux", "auxpass", "neg"})


def _line_position(token: Token) -> str:
    """Near the start of a line (a headline's "Trump: …") or not."""
    index = token.i
    steps = 0
    doc = token.doc
    while index > 0 and steps < 4 and "\n" not in doc[index - 1].text:
        index -= 1
        steps += 1
    return str(steps)


def pair_features(anchor: Token, candidate: Token, path: str) -> list[str]:
    """How a candidate content or source head relates to the cue anchor."""
    lemma = anchor.lemma_.lower()
    direction = "before" if candidate.i < anchor.i else "after"
    distance = min(abs(candidate.i - anchor.i), 12) // 3
    size = min(sum(1 for _ in candidate.subtree), 40) // 5
    has_subject = any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in candidate.children)
    return [
        f"P={path}",
        f"P|al={path}|{lemma}",
        f"P|cp={path}|{candidate.pos_}",
        f"P|ct={path}|{candidate.tag_}",
        f"P|ap={path}|{anchor.pos_}",
        f"P|dir={path}|{direction}",
        f"P|sz={path}|{size}",
        f"al|cd={lemma}|{candidate.dep_}",
        f"cp={candidate.pos_}",
        f"cl={candidate.lemma_.lower()}",
        f"ent={candidate.ent_type_}",
        f"P|ent={path}|{candidate.ent_type_}",
        f"dist={direction}{distance}",
        f"subj={has_subject}|{candidate.pos_}",
        f"sz={size}",
        f"sent={candidate.sent.start == anchor.sent.start}",
    ]


def pair_candidates(anchor: Token, excluded: frozenset[int]) -> list[tuple[Token, str]]:
    """Tokens within ``MAX_HOPS`` dependency steps of the anchor, each with the path to it ("^prep vpobj"),
    leaving out the cue's own tokens and punctuation."""
    paths: dict[int, str] = {anchor.i: ""}
    frontier = [anchor]
    for _ in range(MAX_HOPS):
        next_frontier = []
        for token in frontier:
            steps = [(child, f"v{child.dep_}") for child in token.children]
            if token.head.i != token.i:
                steps.append((token.head, f"^{token.dep_}"))
            for neighbour, step in steps:
                if neighbour.i not in paths:
                    paths[neighbour.i] = f"{paths[token.i]} {step}".strip()
                    next_frontier.append(neighbour)
        frontier = next_frontier
    doc = anchor.doc
    return [
        (doc[index], path)
        for index, path in sorted(paths.items())
        if index not in excluded and not doc[index].is_punct and not doc[index].is_space
    ]


# --- the model --------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class AttributionModel:
    """Weights (one vector per model, ``2**HASH_BITS`` long) and the thresholds chosen on dev."""

    cue: np.ndarray
    content: np.ndarray
    source: np.ndarray
    biases: dict[str, float]
    cue_threshold: float
    phrase_cue_threshold: float  # for a cue without a source
    content_threshold: float
    source_threshold: float

    def score(self, name: str, features: list[str]) -> float:
        """The model's probability for one feature set."""
        weights: np.ndarray = getattr(self, name)
        logit = float(weights[feature_buckets(features)].sum()) + self.biases[name]
        return 1.0 / (1.0 + np.exp(-logit))


@lru_cache(maxsize=1)
def load_model() -> AttributionModel | None:
    """The shipped model, or None (with one warning) when its weights are not installed."""
    resource = resources.files("storyline") / "models" / MODEL_FILE
    if not resource.is_file():
        LOGGER.warning(
            "no learned attribution model at storyline/models/%s: claims come from the rules alone "
            "(train one with scripts/train_attribution.py)",
            MODEL_FILE,
        )
        return None
    with resources.as_file(resource) as path, np.load(path, allow_pickle=False) as stored:
        meta = json.loads(str(stored["meta"]))
        return AttributionModel(
            cue=stored["cue"].astype(np.float32),
            content=stored["content"].astype(np.float32),
            source=stored["source"].astype(np.float32),
            biases={name: float(value) for name, value in meta["biases"].items()},
            cue_threshold=float(meta["cue_threshold"]),
            phrase_cue_threshold=float(meta["phrase_cue_threshold"]),
            content_threshold=float(meta["content_threshold"]),
            source_threshold=float(meta["source_threshold"]),
        )


# --- inference --------------------------------------------------------------------------------------------


def learned_attributions(context: ParseContext, found: Sequence[Attribution]) -> list[Attribution]:
    """Attributions whose cue the rules in ``found`` did not find, as the model proposes them."""
    model = load_model()
    if model is None:
        return []
    covered = _covered_tokens(context, found)
    taken = [span for attribution in found for span in (attribution.cue, attribution.content)]
    proposed: list[Attribution] = []
    for run, confidence in cue_runs(context, model):
        if any(token.i in covered for token in run):
            continue
        # The rules stay the precise core: a proposal touching what they found (a noun cue's clause, a
        # quotation's content) would displace their claim when duplicates are merged, so it is dropped.
        proposed.extend(
            new
            for new in _attribution_for(context, model, run, confidence)
            if not any(spans_overlap(new.content, span) or spans_overlap(new.cue, span) for span in taken)
        )
    return proposed


def cue_runs(context: ParseContext, model: AttributionModel) -> list[tuple[list[Token], float]]:
    """Runs of adjacent tokens the cue model accepts, each with its most confident token's probability."""
    quotes = list(context.quotes)
    runs: list[list[Token]] = []
    confidences: list[float] = []
    for token in context.doc:
        if token.is_space or (token.is_punct and token.text not in (":", "—", "–")):
            continue
        features = cue_features(token, is_quoted(quotes, token), context.lexicon)
        probability = model.score("cue", features)
        if probability < model.cue_threshold:
            continue
        if runs and runs[-1][-1].i + 1 == token.i:
            runs[-1].append(token)
            confidences[-1] = max(confidences[-1], probability)
        else:
            runs.append([token])
            confidences.append(probability)
    return [(with_verb(run), confidence) for run, confidence in zip(runs, confidences, strict=True)]


def with_verb(run: list[Token]) -> list[Token]:
    """A run of only an auxiliary, a negation or an adverb ("has", "not", "openly") grows to the verb they
    hang on: the verb carries the cue's meaning and its arguments."""
    anchor = run_anchor(run)
    head = anchor.head
    if anchor.dep_ not in FUNCTION_DEPS or head.pos_ not in ("VERB", "AUX") or head.i == anchor.i:
        return run
    tokens = {token.i: token for token in run} | {head.i: head}
    return [tokens[index] for index in sorted(tokens)]


def is_quoted(quotes: list[QuoteSpan], token: Token) -> bool:
    return inside_quote(quotes, token.idx, token.idx + len(token)) is not None


def best_candidate(
    model: AttributionModel, name: str, anchor: Token, candidates: list[tuple[Token, str]]
) -> tuple[Token | None, float]:
    scored = [(model.score(name, pair_features(anchor, token, path)), token) for token, path in candidates]
    if not scored:
        return None, 0.0
    probability, token = max(scored, key=lambda pair: pair[0])
    return token, probability


def _attribution_for(
    context: ParseContext, model: AttributionModel, run: list[Token], confidence: float
) -> list[Attribution]:
    anchor = run_anchor(run)
    known_verb = anchor.pos_ == "VERB" and anchor.lemma_.lower() in context.lexicon.cue_verbs
    # nothing across a semicolon: that is a sentence of its own the writer joined on (issue #17)
    candidates = [
        (token, path)
        for token, path in pair_candidates(anchor, frozenset(token.i for token in run))
        if not semicolon_between(context.doc, anchor.i, token.i)
    ]
    content_scores = [
        (model.score("content", pair_features(anchor, token, path)), token) for token, path in candidates
    ]
    if not content_scores:
        return []
    content_probability, content_head = max(content_scores, key=lambda pair: pair[0])
    if content_probability < model.content_threshold:
        return []
    source_head, source_probability = best_candidate(
        model, "source", anchor, [(t, p) for t, p in candidates if t.i != content_head.i]
    )
    if source_probability < model.source_threshold:
        source_head = None
    siblings = [
        token
        for probability, token in content_scores
        if probability >= SIBLING_THRESHOLD
        and token.head.i == content_head.head.i
        and token.i != content_head.i
    ]
    content = content_from_heads([content_head, *siblings], run, source_head)
    cue = token_span(run) or (run[0].idx, run[-1].idx + len(run[-1]))
    if content is None or content[0] >= content[1]:
        return []
    if known_verb and not _names_a_speaker(source_head, context.doc.char_span(*content)):
        return []  # the rules passed this verb over: only a named speaker and a real statement overrule them
    if known_verb and (asked_of_others(context, anchor) or is_guessed_thought(context, anchor)):
        # "pleaded with them to reject …": what others are asked to say; "may have thought that …": the
        # writer's guess at what they thought; the parse shows both
        return []
    if source_head is None and confidence < model.phrase_cue_threshold:
        return []  # an agentless cue ("is expected to") must be a sure one
    # "demanded a pay rise", "voted to strike", "appointed a mediator": an act, not a statement. PolNeAR
    # annotates such acts and an analyst wants to see them, but the ledger must not weigh them as claims.
    states = _states_something(context, content) or _reported_headline_clause(context, anchor, content)
    kind: ClaimKind = "statement" if states else "act"
    if source_head is None:
        content = with_raised_subject(context.text, anchor, content)
    content = with_sentence_end(context.text, clip_to_line(context.text, content, cue[0]), cue)
    content, quote = classify_quote(context, content, cue)
    source_head = past_dateline(source_head, context.text, cue[0])
    speakers: list[CharSpan | None] = [
        span
        for head in speaker_heads(source_head)
        if (span := speaker_span(head, anchor)) is not None
        # "The dispute over how many …" holds both
        and not (spans_overlap(span, cue) or spans_overlap(span, content))
    ]
    if source_head is not None and not speakers:
        return []
    modality = cue_modality(context, anchor, source_head) if anchor.pos_ in ("VERB", "AUX") else None
    return [
        Attribution(
            cue=cue,
            content=content,
            speaker=speaker,
            quote=quote,
            cue_modality=modality,
            anchor=anchor.i,
            kind=kind,
        )
        for speaker in (speakers or [None])
    ]


def _names_a_speaker(source: Token | None, content: Span | None) -> bool:
    """A speaker that is no empty "it" or "what", and a content of a few words ("what the group says")."""
    if source is None or content is None or len(content) < MIN_KNOWN_VERB_CONTENT:
        return False
    return source.lower_ not in EMPTY_SPEAKERS and source.tag_ not in ("WP", "WDT")


def _states_something(context: ParseContext, content: CharSpan) -> bool:
    span = context.doc.char_span(*content, alignment_mode="expand")
    if span is None:
        return False
    if inside_quote(list(context.quotes), *content) is not None:
        return True
    tops = [token for token in span if not span.start <= token.head.i < span.end or token.head.i == token.i]
    if all(top.pos_ in NOMINAL and not _content_clause_on(top) for top in tops):
        # "released [roughly 5,500 more pages … that Clinton used]", "blasted [Republicans for being sore
        # losers]": an object, whatever clause describes it, is what was acted on, not what was said
        return False
    return any(token.tag_ in FINITE_TAGS for token in span)  # a clause with a finite verb, not "to strike"


def _reported_headline_clause(context: ParseContext, anchor: Token, content: CharSpan) -> bool:
    """ "Clinton Says Russians Hacked DNC": in a headline in title case the tagger reads every capitalised
    word as a proper noun and finds no finite verb, yet what a reporting verb (lexicon ``reporting_verbs``)
    reports there is a clause, a statement (PolNeAR dnc-email-leak, issue #14: the headline was an act and
    no claim). Only on a line all in title case, so "told Fox News" in a body sentence stays an act."""
    if anchor.lemma_.lower() not in context.lexicon.reporting_verbs:
        return False
    text = context.text
    line_start = text.rfind("\n", 0, anchor.idx) + 1
    line_end = text.find("\n", anchor.idx)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    return len(text[content[0] : content[1]].split()) >= MIN_HEADLINE_CLAUSE_WORDS and _in_title_case(line)


def _in_title_case(line: str) -> bool:
    """Every word of four letters or more capitalised (headline style lowers only the short ones)."""
    words = [word.strip("‘’“”\"'.,:;!?()") for word in line.split()]
    long_words = [word for word in words if len(word) >= 4 and word[:1].isalpha()]
    return len(long_words) >= MIN_HEADLINE_CLAUSE_WORDS and all(word[:1].isupper() for word in long_words)


def _content_clause_on(noun: Token) -> bool:
    """ "reports [that the army had withdrawn]", "the plan [as a tax hike that would hurt families]": a noun
    whose own clause or "as" predicate is what is said, unlike a relative clause that only describes it."""
    return any(
        child.dep_ == "ccomp"
        or (child.dep_ == "acl" and any(c.dep_ == "mark" for c in child.children))
        or (child.dep_ == "prep" and child.lower_ == "as")
        for child in noun.children
    )


def _covered_tokens(context: ParseContext, found: Sequence[Attribution]) -> set[int]:
    """Tokens inside the cues the rules found."""
    covered: set[int] = set()
    for attribution in found:
        covered |= tokens_in(context.doc, attribution.cue)
    return covered


def tokens_in(doc: Doc, span: CharSpan) -> set[int]:
    span_tokens = doc.char_span(*span, alignment_mode="expand")
    return set() if span_tokens is None else {token.i for token in span_tokens}
