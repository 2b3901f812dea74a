"""What a content with no finite verb of its own asserts, read for its proposition key.

``ledger.proposition_predicates`` keys a content by its finite verbs (``Claim.finite_verbs``, from the
worker's parse); news words many claims without one, and those were keyed by nothing (issue #14):

- a headline, title-cased, whose parse tags its verb a proper noun ("Chuck Grassley Compares Trump's Racism
  To …", "Trump Stands Tall On Proposal For Wall"): its verb is the first capitalised word after the subject
  in the present tense's "-s" whose stem is a verb of the lemmatizer's index (``headline_verb``);
- a headline's passive, its "were" elided ("say remarks | 'misconstrued'"): the participle it opens on
  (``opening_participle``);
- a small clause, the object of a verb of naming ("called | Trump's line 'racist'", "called | racially
  toxic"): the word it names the thing, its last (``named_as``);
- a nominalisation ("the release of the documents", "his call for a special prosecutor"): the verb its head
  noun is derived from (``nominalised_event``).

A question or a conditional ("whether he will …", "if elected") asserts nothing and stays keyless, as a
content with a finite verb would be read (``asserts_nothing``)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache
from itertools import pairwise

from storyline.stages.ledger.grouping import WORD, ledger_lexicon
from storyline.stages.ledger.proposition_stems import (
    PropositionWords,
    nominal_stems,
    predicate_stem,
    proposition_words,
    verb_stem,
)

# Verbs of naming: their object is a small clause, the thing and what it is named ("called the remarks
# racist"); the content after such a cue asserts its last word of the thing.
NAMING_VERBS = frozenset({"call", "label", "brand", "dub", "deem", "term"})
# What opens a content that asserts nothing: a condition or an open question.
_UNASSERTED_OPENINGS = frozenset({"if", "whether", "unless", "when", "why", "how", "what", "who"})
# Prepositions after the head of a nominalised event: its arguments ("the release of", "a call for", "his
# visit to"), which tell an event noun from a thing's ("the emails", "the wall").
_EVENT_ARGUMENTS = frozenset({"of", "for", "to", "against", "by", "on", "with"})
# Nominalisations the suffix rules (``nominal_suffixes``: "-ation", "-ion", "-ment") cannot lead back to
# their verb: the stem changes ("decision"), or the noun is the verb's own form (zero derivation: "release",
# "call"). Those are listed, not read from the lemmatizer's verb index: most nouns are verbs there too ("the
# board for being sore losers", "the mayor's plan" name things, not events).
ZERO_DERIVED = frozenset(
    {
        "release",
        "call",
        "ban",
        "visit",
        "attack",
        "leak",
        "hack",
        "vote",
        "demand",
        "request",
        "promise",
        "pledge",
        "raid",
        "arrest",
        "repeal",
        "probe",
        "review",
        "delay",
    }
)
DERIVED_VERBS: Mapping[str, str] = {
    "apology": "apologize",
    "decision": "decide",
    "conclusion": "conclude",
    "collusion": "collude",
    "invasion": "invade",
    "admission": "admit",
    "permission": "permit",
    "submission": "submit",
    "suspicion": "suspect",
    "defense": "defend",
    "defence": "defend",
    "response": "respond",
    "pursuit": "pursue",
    "proof": "prove",
    "threat": "threaten",
    "failure": "fail",
    "departure": "depart",
    "complaint": "complain",
    "attempt": "attempt",
    "approval": "approve",
    "refusal": "refuse",
    "denial": "deny",
    "withdrawal": "withdraw",
    "criticism": "criticize",
    "praise": "praise",
}
# A capitalised word is a headline's when most of the content's words are: "Trump Stands Tall On Proposal".
_TITLE_SHARE = 0.6
_APOSTROPHE_S = re.compile(r"['’]s\b")
# Words from a verb of naming to the quotation naming its object, and the longest such quotation: "called
# Donald J. Trump's remarks about a Latino judge ''racist''" is ten words as read ("Trump", "s", …).
NAMING_REACH = 10
# A sentence's end, not an abbreviation's full stop ("Mr. Trump should"), and quotation marks (two
# apostrophes too: the New York Times' ''racist'').
_SENTENCE_END = re.compile(r"[;:?!]|(?<=\w{4})\.(?:\s|$)")
_QUOTE_OPENING = re.compile(r"(?:''|[\"“‘]|(?<=\s)')(?=\w)")
_QUOTE_CLOSING = re.compile(r"''|[\"”’]|'(?!\w)")


@cache
def _verb_lemmas() -> frozenset[str]:
    """The verbs of the pipeline lemmatizer's index (loaded once, as ``proposition_stems`` loads its
    exceptions): whether a word is a verb is then a lookup, not a parse of each keyless content."""
    from storyline.stages.nlp import load_nlp  # the pipeline's model, loaded once per process

    lemmatizer = load_nlp().get_pipe("lemmatizer")
    try:
        verbs = lemmatizer.lookups.get_table("lemma_index")["verb"]  # type: ignore[attr-defined]
    except (KeyError, AttributeError):
        return frozenset()
    return frozenset(verbs)


def asserts_nothing(text: str) -> bool:
    """A question or a conditional: what it says is not asserted."""
    first = WORD.match(text.lstrip(" \"'“‘"))
    return text.rstrip(" \"'”’").endswith("?") or (
        first is not None and first.group().lower() in _UNASSERTED_OPENINGS
    )


def headline_verb(text: str) -> int | None:
    """Where a title-cased headline's verb is: the first capitalised word after the subject's that ends in
    the present tense's "-s" and whose stem is a verb ("Grassley | Compares", "Trump | Stands Tall");
    None for a content not title-cased, or with none."""
    matches = [match for match in WORD.finditer(text) if not _possessive_s(text, match)]
    long_words = [match.group() for match in matches if len(match.group()) > 3]
    if len(matches) < 3 or sum(word[:1].isupper() for word in long_words) < _TITLE_SHARE * len(long_words):
        return None
    for before, match in pairwise(matches):
        word = match.group()
        if before.group()[:1].isupper() and word[:1].isupper() and _present_tense(word.lower()):
            return match.start()
    return None


def _possessive_s(text: str, match: re.Match[str]) -> bool:
    return match.group() == "s" and bool(_APOSTROPHE_S.match(text, match.start() - 1))


def _present_tense(word: str) -> bool:
    if not word.endswith("s") or word.endswith("ss") or len(word) < 4:
        return False
    verbs = _verb_lemmas()
    return word[:-1] in verbs or (word.endswith("es") and word[:-2] in verbs)


def opening_participle(text: str) -> int | None:
    """Where a headline's passive participle is when the content opens on it ("'misconstrued.'"): a
    lower-case "-ed" word whose verb is in the lemmatizer's index."""
    first = WORD.search(text)
    if first is None or not first.group().islower() or not first.group().endswith("ed"):
        return None
    word = first.group()
    verbs = _verb_lemmas()
    return first.start() if word[:-1] in verbs or word[:-2] in verbs or verb_stem(word) in verbs else None


def named_as(text: str, cue: str, words: PropositionWords) -> list[str]:
    """What a verb of naming's small clause names its thing ("called | Trump's line 'racist'" → racist):
    the content's last word, when the cue's verb is one of naming and the content opens on no preposition
    ("called | for a special prosecutor" names nothing)."""
    cue_words = WORD.findall(cue)
    tokens = WORD.findall(text)
    if not cue_words or not tokens or not naming_verb(cue_words[-1]):
        return []
    if tokens[0].lower() in _EVENT_ARGUMENTS:
        return []
    last = tokens[-1]
    if not last.islower() or last in words.passed_over or len(last) < 3:
        return []
    return [predicate_stem(last)]


def naming_verb(word: str) -> bool:
    return verb_stem(word) in _naming_stems()


def sentence_end(text: str, offset: int) -> int:
    """Where the sentence holding ``offset`` ends (the text's end when no end follows): a reported clause
    or a naming verb's object is looked for before it (``proposition_predicates`` reads it so too)."""
    found = _SENTENCE_END.search(text, offset)
    return found.start() if found else len(text)


@cache
def _naming_stems() -> frozenset[str]:
    return frozenset(verb_stem(verb) for verb in NAMING_VERBS)


def quoted_name(text: str, offset: int) -> str | None:
    """The word a verb of naming at ``offset`` names its object in quotation marks ("called Donald J.
    Trump's remarks about a Latino judge ''racist,''" → racist, "has called his comments 'racially toxic'"
    → toxic): the last word of the first quotation within ``NAMING_REACH`` words of the same sentence, when
    it is lower-case. None when no quotation follows: "called him on Tuesday" names nothing."""
    end = sentence_end(text, offset)
    opening = _QUOTE_OPENING.search(text, offset, end)
    if opening is None or len(WORD.findall(text, offset, opening.start())) > NAMING_REACH:
        return None
    closing = _QUOTE_CLOSING.search(text, opening.end(), end)
    quoted = WORD.findall(text, opening.end(), closing.start() if closing else end)
    return quoted[-1] if quoted and quoted[-1].islower() and len(quoted) <= NAMING_REACH else None


def named_in_content(text: str) -> list[str]:
    """What a content the parse found no verb in names its object, by a verb of naming inside it
    (``quoted_name``): a long sentence's verb the tagger missed ("Speaker Paul D. Ryan, the nation's
    highest-ranking Republican, on Tuesday called …")."""
    for match in WORD.finditer(text):
        if match.group().islower() and naming_verb(match.group()):
            name = quoted_name(text, match.start())
            return [predicate_stem(name)] if name else []
    return []


def nominalised_event(text: str, words: PropositionWords) -> list[str]:
    """The verb a noun phrase's head names as an event ("the release of the documents" → release, "his call
    for a special prosecutor" → call, "the FBI's decision" → decide): the first lower-case content word,
    determiners and possessors passed over, when a preposition of its arguments follows it or a possessor
    precedes it, and it is derived from a verb (``DERIVED_VERBS``, the suffixes, ``ZERO_DERIVED``)."""
    matches = list(WORD.finditer(text))
    skipped = ledger_lexicon().pronoun_determiners | {"a", "an", "his", "her", "its", "their", "our", "my"}
    for position, match in enumerate(matches):
        word = match.group()
        if not word.islower() or word in skipped or _possessive_s(text, match):
            continue
        if word in words.passed_over:
            return []
        following = matches[position + 1].group().lower() if position + 1 < len(matches) else ""
        if following == "s" and _possessive_s(text, matches[position + 1]):
            continue  # the possessor ("the council's | decision"): the event is its head's
        previous = matches[position - 1] if position else None
        possessed = previous is not None and (
            previous.group() in skipped - ledger_lexicon().pronoun_determiners
            or _possessive_s(text, previous)
        )
        if following not in _EVENT_ARGUMENTS and not possessed:
            return []
        return _derived_verb(word)
    return []


def _derived_verb(noun: str) -> list[str]:
    if noun in DERIVED_VERBS:  # before the suffixes: "decision" is no "decise"
        return [predicate_stem(DERIVED_VERBS[noun])]
    suffixed = nominal_stems(noun)
    if suffixed:
        return sorted(suffixed)
    return [predicate_stem(noun)] if noun in ZERO_DERIVED else []


def verbless_predicates(text: str, cue: str) -> list[str]:
    """The predicates of a content with no finite verb that are not read at a verb's offset: a small
    clause's and a nominalisation's; none for what asserts nothing."""
    if asserts_nothing(text):
        return []
    words = proposition_words()
    return named_as(text, cue, words) or named_in_content(text) or nominalised_event(text, words)
