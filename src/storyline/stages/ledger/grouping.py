"""What the ledger stage compares claims by: content words, entity ids, speakers and weighted overlap.

The comparisons are over content words (crudely stemmed), entity ids and values, which is cheap,
explainable and language-light. Both halves of grouping build on this module: ``ledger.measures`` (which
figures answer one question: a *measured thing*, "how many North Korean soldiers are sent?") and
``ledger.statements`` (which claims state one *proposition*, "was the ministry warned?"). Only candidate
pairs are compared (``ledger.blocking``: an inverted index over those tokens, a bounded number of partners
per claim), so the cost grows near-linearly with a story's claims.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from storyline.lexicons import load_lexicon
from storyline.records import Claim, Entity
from storyline.stages.ledger.embedding import ContentVectors
from storyline.stages.quantities import number_lexicon

WORD = re.compile(r"[^\W\d_]+(?:'t)?|\d[\d,.]*", re.UNICODE)
# What marks a token that is no word of the text: a unit class ("troops" → "@personnel", ``stem``) or a
# resolved entity ("@<entity id>", ``entities_within``). No word ``WORD`` reads begins with it.
TOKEN_MARK = "@"
NO_VECTORS = ContentVectors()


@dataclass(frozen=True, slots=True)
class LedgerLexicon:
    stopwords: frozenset[str]
    neutral_qualifiers: frozenset[str]
    update_cues: frozenset[str]
    statement_nouns: frozenset[str]
    response_words: frozenset[str]
    complement_markers: frozenset[str]
    relative_clause_starts: frozenset[str]
    lower_bounds: tuple[str, ...]
    past_event_superlatives: frozenset[str]
    part_words: frozenset[str]
    increment_words: frozenset[str]
    vague_amounts: tuple[str, ...]
    target_words: frozenset[str]
    method_words: frozenset[str]
    pronoun_determiners: frozenset[str]
    uninformative_units: frozenset[str]
    count_kinds: tuple[tuple[str, tuple[str, ...]], ...]
    numbered_nouns: frozenset[str]


def part_around(text: str, breaks: re.Pattern[str], start: int, end: int) -> tuple[int, int]:
    """The bounds of the stretch of ``text`` holding ``[start, end)`` between two matches of ``breaks``
    (a clause of a content, a part of a clause): from the last break ending at or before ``start`` to the
    first one starting at or after ``end``."""
    found = list(breaks.finditer(text))
    first = max((m.end() for m in found if m.end() <= start), default=0)
    last = min((m.start() for m in found if m.start() >= end), default=len(text))
    return first, last


@cache
def ledger_lexicon() -> LedgerLexicon:
    data = load_lexicon("ledger")
    return LedgerLexicon(
        stopwords=frozenset(data["stopwords"]),
        neutral_qualifiers=frozenset(data["neutral_qualifiers"]),
        update_cues=frozenset(data["update_cues"]),
        statement_nouns=frozenset(data["statement_nouns"]),
        response_words=frozenset(data["response_words"]),
        complement_markers=frozenset(data["complement_markers"]),
        relative_clause_starts=frozenset(data["relative_clause_starts"]),
        lower_bounds=tuple(data["lower_bounds"]),
        past_event_superlatives=frozenset(data["past_event_superlatives"]),
        part_words=frozenset(data["part_words"]),
        increment_words=frozenset(data["increment_words"]),
        vague_amounts=tuple(data["vague_amounts"]),
        target_words=frozenset(data["target_words"]),
        method_words=frozenset(data["method_words"]),
        pronoun_determiners=frozenset(data["pronoun_determiners"]),
        uninformative_units=frozenset(data["uninformative_units"]),
        count_kinds=tuple((kind, tuple(stems)) for kind, stems in data["count_kinds"].items()),
        numbered_nouns=frozenset(data["numbered_nouns"]),
    )


@lru_cache(maxsize=65536)  # 322k calls on 1,000 generated articles, over a vocabulary of a few thousand
def stem(word: str) -> str:
    """A crude English stem, enough to let "deaths"/"death" and "warned"/"warning" meet; a capitalised
    demonym folds onto its country ("Korean" → "korea", "Russian" → "russia"), and a noun of a unit class
    onto the class ("troops", "soldiers" → "@personnel"), since news varies exactly these words."""
    if word[:1].isupper() and word.endswith(("ean", "ian")):
        return word.lower()[:-1]
    word = word.lower().removesuffix("'s").removesuffix("’s")
    unit_class = unit_classes().get(word) or unit_classes().get(word.removesuffix("s"))
    if unit_class:
        return TOKEN_MARK + unit_class
    # "carelessness", "carelessly", "careless"; "extremely", "extreme": one quality, said three ways
    for suffix in ("ness", "ly"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            word = word[: len(word) - len(suffix)]
    for suffix, replacement in (("ies", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3 and not word.endswith("ss"):
            return word[: len(word) - len(suffix)] + replacement
    return word


@cache
def unit_classes() -> dict[str, str]:
    """Single-word members of the quantities stage's unit classes ("soldier" → "personnel")."""
    return {member: unit for member, unit in number_lexicon().unit_classes.items() if " " not in member}


@lru_cache(maxsize=16384)  # a claim's text and its figures' clauses are read by several steps of a story
def content_words(text: str) -> frozenset[str]:
    lexicon = ledger_lexicon()
    return frozenset(
        stem(word)
        for word in WORD.findall(text)
        if not word[0].isdigit() and word.lower() not in lexicon.stopwords and len(word) > 1
    )


def speaker_key(claim: Claim) -> str:
    """Who is speaking: the resolved entity, else the speaker as written (lower-cased); the outlet of an
    article speaking in its own voice is one speaker across its sentences."""
    if claim.outlet_voice:
        return f"outlet:{claim.article}"
    return claim.speaker or (claim.speaker_text or "").lower().strip() or f"unattributed:{claim.id}"


EntitySpans = dict[str, list[tuple[int, int, str]]]


def entity_spans(entities: Sequence[Entity]) -> EntitySpans:
    """Article id → (start, end, entity id) of every mention, for looking up what a span names."""
    by_article: EntitySpans = {}
    for entity in entities:
        for mention in entity.mentions:
            by_article.setdefault(mention.article, []).append((mention.start, mention.end, entity.id))
    return by_article


def mentions_within(spans: EntitySpans, article: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """The (start, end, entity id) of every mention lying inside ``[start, end)`` of an article: what a span
    names, for the callers that take its first or last name (a sum's payer, a share's holder, a counter)."""
    return [mention for mention in spans.get(article, []) if start <= mention[0] and mention[1] <= end]


def entities_within(spans: EntitySpans, article: str, start: int, end: int) -> frozenset[str]:
    """ "@entity" tokens for the entities mentioned inside ``[start, end)`` of an article."""
    return frozenset(TOKEN_MARK + entity for _, _, entity in mentions_within(spans, article, start, end))


def entity_words(claims: Iterable[Claim], spans: EntitySpans) -> dict[str, frozenset[str]]:
    """Claim id → "@entity" tokens for the entities mentioned inside its content (``spans``: see
    ``entity_spans``)."""
    return {claim.id: entities_within(spans, claim.article, claim.start, claim.end) for claim in claims}


# --- similarity -------------------------------------------------------------------------------------------


def rarity_weights(word_sets: Sequence[frozenset[str]]) -> dict[str, float]:
    """Inverse document frequency over the story's claims: words every claim shares say little."""
    frequency = Counter(word for words in word_sets for word in words)
    total = len(word_sets)
    return {word: math.log(1 + total / count) for word, count in frequency.items()}


def similarity(first: frozenset[str], second: frozenset[str], weight: dict[str, float]) -> float:
    """Weighted Jaccard of two word sets."""
    union = first | second
    if not union:
        return 0.0
    # fsum: a set of strings iterates in an order PYTHONHASHSEED picks, and a plain sum's last bit moved
    # with it, enough to reorder tied merges (1,000 generated articles: 2,798 or 2,800 questions by seed)
    return math.fsum(weight.get(word, 1.0) for word in first & second) / math.fsum(
        weight.get(w, 1.0) for w in union
    )
