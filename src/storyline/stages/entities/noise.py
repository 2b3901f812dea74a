"""NER output that is not an actor, dropped before mentions become entities.

The small English model tags what looks like a name: a German word an editor left in brackets
("[Gefangenenaustausch]" as a person), a capitalised common word opening a sentence ("Email", "Army chief …"
as an organisation), a span that runs over a sentence end ("X. They" as an organisation). Each test reads
the parse (sentence starts, part of speech) and the brackets around the span; words inside a foreign fragment
are dropped by ``mentions.extract_mentions`` from the language stage's spans.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from storyline.records import Mention

__all__ = ["is_noise"]

BRACKETS = {"[": "]", "(": ")"}


def is_noise(doc: Doc, text: str, mention: Mention) -> bool:
    """Whether a name found by NER is a bracketed word, a sentence-initial common word or runs over a
    sentence end."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    return (
        _bracketed_word(text, mention)
        or _crosses_sentence_end(span)
        or (len(span) == 1 and bool(span[0].is_sent_start) and _common_word(span[0], text))
    )


def _common_word(token: Token, text: str) -> bool:
    """A word the article itself writes in lower case, or a function word: capitalised only because it
    opens the sentence. A part-of-speech test alone dropped company names opening a sentence ("Apple")."""
    return bool(token.is_stop) or re.search(rf"(?<!\w){re.escape(token.lower_)}(?!\w)", text) is not None


def _bracketed_word(text: str, mention: Mention) -> bool:
    """The whole content of a bracket, not an acronym: "(NIS)" after a long form names it; "[Wort]" glosses
    the word before it."""
    before = text[mention.start - 1 : mention.start] if mention.start else ""
    after = text[mention.end : mention.end + 1]
    return before in BRACKETS and BRACKETS[before] == after and not mention.text.isupper()


def _crosses_sentence_end(span: Span) -> bool:
    return any(token.is_sent_start for token in span[1:])
