"""Responses that do not name their subject: "labeled it a hoax", "no proof", "such statements".

A denial or non-confirmation often names nothing of what it answers: its content is a pronoun, a statement
noun ("the information that had transpired from Kyiv") or only words of judgement ("baseless", "no
evidence"). Compared on its own words it would start a question of its own. Such a response takes the
topic of what it answers instead: the proposition the article discussed just before it (the sentences
preceding the claim and the rest of its own sentence), else the story's dominant proposition.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence

from storyline.config import LedgerSettings
from storyline.records import Article, Claim, Modality
from storyline.stages.ledger.grouping import WORD, content_words, ledger_lexicon, speaker_key, stem
from storyline.stages.ledger.statements import Statement
from storyline.stages.timeline import SENTENCE_END

RESPONSE_MODALITIES: frozenset[Modality] = frozenset({"denied", "unconfirmed"})
# Sentences before the claim's own that the article may still be discussing when it reports a response.
CONTEXT_SENTENCES = 0
# How alike a context must be to the proposition it answers is the stage's setting
# (``config.LedgerSettings.context_similarity`` and ``response_affinity``).


def topic_words(claim: Claim) -> frozenset[str]:
    """The content words that say what a claim is about, without words of judgement ("baseless") or of
    the statement itself ("the reports"); for a content headed by a statement noun, only what follows a
    complement marker ("reports *about* soldiers in Russia") names the subject."""
    lexicon = ledger_lexicon()
    words = WORD.findall(claim.text)
    lowered = [word.lower() for word in words]
    head = _statement_head(lowered)
    if head is not None:
        opened = _complement_start(lowered, head)
        if opened is None:
            return frozenset()
        words = words[opened:]
    judged = {stem(word) for word in lexicon.response_words | lexicon.statement_nouns}
    return content_words(" ".join(words)) - judged


def _statement_head(lowered: Sequence[str]) -> int | None:
    """Index of the statement noun heading the content ("the/such/these claims …"), if one does."""
    lexicon = ledger_lexicon()
    for index, word in enumerate(lowered):
        if word in lexicon.statement_nouns:
            return index
        if word not in lexicon.stopwords:
            return None
    return None


def _complement_start(lowered: Sequence[str], head: int) -> int | None:
    """Index of the first word of what the statement says, after the marker that opens it; None when no
    marker follows the head (or every "that" opens a relative clause: "that had transpired")."""
    lexicon = ledger_lexicon()
    for index in range(head + 1, len(lowered)):
        word = lowered[index]
        if word not in lexicon.complement_markers:
            continue
        following = lowered[index + 1] if index + 1 < len(lowered) else ""
        if word == "that" and (following in lexicon.relative_clause_starts or following.endswith("ed")):
            continue
        return index + 1
    return None


def names_no_subject(claim: Claim) -> bool:
    """A denial or non-confirmation whose content names nothing of what it answers."""
    return claim.modality in RESPONSE_MODALITIES and not topic_words(claim)


def context_span(claim: Claim, article: Article, sentences: int = CONTEXT_SENTENCES) -> tuple[int, int]:
    """Where the article discusses what a claim answers: from ``sentences`` before the claim's sentence to
    the end of that sentence (the cue, the speaker, what the response calls it)."""
    text = article.text
    starts = [0, *(boundary.end() for boundary in SENTENCE_END.finditer(text, 0, claim.start))]
    following = SENTENCE_END.search(text, claim.end)
    return starts[max(0, len(starts) - 1 - sentences)], following.start() if following else len(text)


def context_text(claim: Claim, article: Article, sentences: int = CONTEXT_SENTENCES) -> str:
    """The context span's text without the claim's own content."""
    start, end = context_span(claim, article, sentences)
    return article.text[start : claim.start] + " " + article.text[claim.end : end]


def weighted_cosine(
    first: Mapping[str, float], second: Mapping[str, float], weight: Mapping[str, float]
) -> float:
    """Cosine of two bags of words, each word counted with its rarity weight."""
    # fsum: the words come in hash order (a set, bags counted from sets), which a plain sum's rounding
    # would let PYTHONHASHSEED into the choice of group
    shared = math.fsum(first[w] * second[w] * weight.get(w, 1.0) ** 2 for w in first.keys() & second.keys())
    if not shared:
        return 0.0
    norm_first = math.sqrt(math.fsum((count * weight.get(w, 1.0)) ** 2 for w, count in first.items()))
    norm_second = math.sqrt(math.fsum((count * weight.get(w, 1.0)) ** 2 for w, count in second.items()))
    return shared / (norm_first * norm_second)


def _overlaps(first: Claim, second: Claim) -> bool:
    return first.article == second.article and first.start < second.end and second.start < first.end


def _may_answer(response: Claim, claim: Claim) -> bool:
    """Whether ``response`` can be answering ``claim``: not when the claim's content holds the response
    ("confirms the information … that Moscow has labeled a hoax" reports it), nor when one speaker says
    both (nobody denies what they say themselves)."""
    return not _overlaps(claim, response) and speaker_key(claim) != speaker_key(response)


def answered_group(
    response: Claim,
    context_words: Iterable[str],
    groups: Sequence[Sequence[Statement]],
    weight: Mapping[str, float],
    settings: LedgerSettings,
) -> int | None:
    """The group (index) a response with this context answers: the one its context is most like, when it
    is alike enough; else the dominant group (most members); None when there is no group. A claim whose
    content holds the response ("confirms the information … that Moscow has labeled a hoax") reports it
    rather than being answered by it, so its words do not count (see ``_may_answer``)."""
    if not groups:
        return None
    context = Counter(context_words)
    scores = []
    for members in groups:
        bag = Counter(
            word for member in members if _may_answer(response, member.claim) for word in member.words
        )
        score = weighted_cosine(context, bag, weight)
        scores.append(score * (settings.response_affinity if any(m.response for m in members) else 1.0))
    best = max(range(len(groups)), key=scores.__getitem__)
    if scores[best] >= settings.context_similarity:
        return best
    return max(range(len(groups)), key=lambda index: _dominance(groups[index]))


def _dominance(members: Sequence[Statement]) -> tuple[int, int]:
    """How central a proposition is to a story's dispute: how many responses (denials, non-confirmations)
    it already draws, then how many claims."""
    return sum(member.response for member in members), len(members)
