"""Embedded social posts: what a post states is its author's statement, not the outlet's narration.

The clean stage keeps an embedded post as one line closed by its signature ("… — Sahil Kapur (@sahilkapur)
September 1, 2016", or "… — @handle" where the embed carried no name; ``clean.embedded_posts``). Each
outlet-voice claim inside such a post's body is given the post's author as speaker, bounded to the body (the
signature is provenance, no part of what the post says); one lying in the signature alone is dropped (PolNeAR
mexico-visit-wall, issue #14: the ledger gold gives the embedded tweets to their authors).

The author is the signature's name; a bare handle is read as the person the article names whose name, run
together, the handle holds ("@realDonaldTrump" beside "Donald Trump tweeted"), else the handle itself.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from spacy.tokens import Doc

from storyline.records import Claim
from storyline.stages.claims.letters import text_lines
from storyline.stages.claims.spans import CharSpan

# A signature closing a line: a dash, an optional display name, the handle (bracketed after a name), an
# optional date, and at most a closing full stop. Bounded: a name is a few words, a handle a few characters.
_SIGNATURE = re.compile(
    r"\s[—–]\s+(?:(?P<name>[^\s()—–@][^\n()—–@]{0,60}?)\s+\()?(?P<handle>@\w{1,30})\)?"
    r"(?:\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2},\s+\d{4})?\W{0,2}$"
)
# Links an embed leaves at the end of its text ("pic.twitter.com/…", "https://t.co/…") are no words of it.
_TRAILING_LINKS = re.compile(r"(?:\s+(?:pic\.twitter\.com/|https?://)\S*)+$")
# A run-together name shorter than this ("Al") would be found in handles it has nothing to do with.
MIN_NAME_LETTERS = 4


@dataclasses.dataclass(frozen=True, slots=True)
class Post:
    body: CharSpan
    signature_end: int
    author: CharSpan  # the author's name or handle in the text


def with_post_authors(text: str, claims: Sequence[Claim], posts: Sequence[Post]) -> list[Claim]:
    """``claims`` with each outlet-voice claim inside one of the text's embedded ``posts`` given the post's
    author, and marked as a post's (``Claim.signed``: unlike a reader's letter, a named author's post is a
    source the ledger counts)."""
    if not posts:
        return list(claims)
    signed = (_signed(text, claim, posts) for claim in claims)
    return [claim for claim in signed if claim is not None]


def embedded_posts(doc: Doc, text: str) -> list[Post]:
    """Every signed post line of the doc's ``text``, with its body, where its signature ends, and its
    author."""
    posts = []
    for start, end in text_lines(text):
        signature = _SIGNATURE.search(text, start, end)
        if signature is None:
            continue
        body_end = start + len(_TRAILING_LINKS.sub("", text[start : signature.start()]))
        if not any(character.isalpha() for character in text[start:body_end]):
            continue
        posts.append(Post((start, body_end), end, _author(doc, signature)))
    return posts


def _author(doc: Doc, signature: re.Match[str]) -> CharSpan:
    if signature["name"]:
        return signature.span("name")
    handle = signature["handle"][1:].lower()
    named = [
        (len(key), -ent.start_char, (ent.start_char, ent.end_char))
        for ent in doc.ents
        if ent.label_ == "PERSON"
        and len(key := re.sub(r"\W", "", ent.text).lower()) >= MIN_NAME_LETTERS
        and key in handle
    ]
    return max(named)[2] if named else signature.span("handle")


def _signed(text: str, claim: Claim, posts: Sequence[Post]) -> Claim | None:
    if not claim.outlet_voice:
        return claim
    for post in posts:
        (start, end), (name_start, name_end) = post.body, post.author
        if not (start <= claim.start and claim.end <= post.signature_end):
            continue
        if claim.start >= end:
            return None  # the signature alone: provenance, not a statement
        bounded = min(claim.end, end)
        return dataclasses.replace(
            claim,
            text=text[claim.start : bounded],
            end=bounded,
            quantities=tuple(q for q in claim.quantities if q.end <= bounded),
            times=tuple(t for t in claim.times if t.end <= bounded),
            speaker_text=text[name_start:name_end],
            speaker_start=name_start,
            speaker_end=name_end,
            signed="post",
        )
    return claim
