"""What a question must show before the ledger lists it: precision before recall.

An analyst would rather read ten right questions than fifty doubtful ones, so a group of claims becomes a
question only when its evidence says it is one:

- a proposition needs two *speaking* sources: copies of one span (one sentence parsed with two speakers)
  are one claim, a relay ("Davis said the FBI said …") is the source it relays (``ledger.sources``), and
  a speaker the text does not name ("who", "he", "a new poll") is its outlet, not a source of its own;
- the claim a proposition is worded from must be a clause with a finite verb: "Clinton to win Monday's
  debate" (from "expect Clinton to win"), "NBC's Lester Holt, the moderator …" or "the email issue" state
  nothing a reader can check. The check parses only that one short content (spaCy, already loaded by the
  pipeline), a few per story;
- a quantity question from one speaking source should say what happened to what it counts: its label
  names a verb ("How many emails were deemed classified?"), not only a noun phrase ("How many additional
  emails?" for emails Clinton deleted). Without two sources or a clear predicate the question is
  doubtful and listed below the story's core (dropping it lost demo positions the gold wants);
- a quoted question ("will Gennifer Flowers be there?") asserts nothing and takes no side.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import lru_cache

from storyline.records import Article, Claim
from storyline.stages.ledger.sources import independent_sources

# How far past a content's end a question mark still closes its sentence (a closing quote, a space).
QUESTION_REACH = 3
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})


def speaking_sources(claims: Sequence[Claim], origin: Mapping[str, str]) -> int:
    """Independent sources of ``claims`` once copies of one span are one claim and unnamed speakers are
    their outlet (see the module docstring)."""
    unique = list({(claim.article, claim.start, claim.end): claim for claim in claims}.values())
    return len({_named_or_outlet(source) for source in independent_sources(unique, origin)})


def _named_or_outlet(source: str) -> str:
    """ "origin:<outlet>:he" → "origin:<outlet>": a pronoun or a description is the outlet's word."""
    return ":".join(source.split(":")[:2]) if source.startswith("origin:") else source


def is_question(claim: Claim, article: Article | None) -> bool:
    """Whether the content is a question: a question mark inside it or just after it."""
    if "?" in claim.text:
        return True
    after = article.text[claim.end : claim.end + QUESTION_REACH] if article is not None else ""
    return "?" in after


def states_a_clause(content: str) -> bool:
    """Whether ``content`` (a label's words) is a clause with a finite verb, as the parser reads it."""
    return _finite(re.sub(r"[\"“”]", "", content).strip())


@lru_cache(maxsize=4096)
def _finite(content: str) -> bool:
    from storyline.stages.nlp import load_nlp  # the pipeline's parser, loaded once per process

    doc = load_nlp()(content)
    for sentence in doc.sents:
        root = sentence.root
        verbs = [root, *(child for child in root.children if child.dep_ in {"aux", "auxpass"})]
        if any(token.tag_ in FINITE_TAGS or "VerbForm=Fin" in str(token.morph) for token in verbs):
            return True
    return False


@lru_cache(maxsize=4096)
def names_a_predicate(label: str) -> bool:
    """Whether a quantity question's label names a verb besides its opener ("How many … were killed?")."""
    from storyline.stages.nlp import load_nlp

    doc = load_nlp()(label)
    return any(token.pos_ == "VERB" for token in doc[2:])
