"""Statements keyed by what they assert: the predicate and its arguments, not the words they share.

Two outlets report one proposition in different words ("Clinton was extremely careless with classified
material" / "she exercised extreme carelessness in her handling of classified information"): their word
overlap is small and average linkage leaves them apart, so neither reaches the two sources a proposition
needs. Each statement gets a key (``proposition_key``):

- predicates: the stems of the content's main verbs (``ledger.proposition_predicates``, which holds how
  they are read); a content with none has no key: "Clinton to win" asserts nothing to match on.
- arguments: the entity ids mentioned inside the content, a country whose demonym modifies a noun ("Russian
  intelligence services hacked …" is said of Russia: ``demonym_countries``), and people's names' last
  words; the subject's apart (those named before the main verb), with the common noun heading it ("a
  federal judge", ``subject_noun``) and whether it is a bare demonstrative, an act rather than a person
  (``demonstrative_subject``).

This module reads a statement into its key and masks its content for the encoder (``masked_content``);
which keys link two statements is ``ledger.proposition_links``."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from storyline.records import Claim
from storyline.stages.entities import demonym_country_ids
from storyline.stages.ledger.grouping import TOKEN_MARK, WORD, ledger_lexicon
from storyline.stages.ledger.proposition_predicates import ARTICLES, predicates_of
from storyline.stages.ledger.proposition_stems import noun_lemma, proposition_words
from storyline.stages.ledger.unreadable import unreadable_lexicon

_MASKED_NUMBER = re.compile(r"\d[\d,.]*")
_HYPHENS = frozenset({"-", "‐", "‑"})


@dataclass(frozen=True, slots=True)
class PropositionKey:
    """What a statement asserts: its predicates' stems (one per top-level clause: "she did not send … and
    no messages were marked …") and the entities ("@id", "~surname") it is asserted of."""

    predicates: frozenset[str]
    arguments: frozenset[str]
    subject: frozenset[str] = frozenset()  # the arguments named before the main verb
    subject_noun: str = ""  # the lemma of the common noun heading the subject ("a federal judge"), if any
    subject_act: bool = False  # the subject is a demonstrative ("that was unfair"): an act, not a person


def proposition_key(
    claim: Claim,
    entities: frozenset[str],
    persons: Mapping[str, str],
    subject: frozenset[str] = frozenset(),
) -> PropositionKey | None:
    """The claim's key, ``entities`` being the "@id" tokens of the entities inside its content and
    ``subject`` those before its main verb. A person (``persons``: id → name) stands as its id and as
    their name's last word ("~clinton"): the entities stage may leave "Clinton" and "Hillary Clinton" of
    two outlets apart, and they are one argument here (not so a place: "South Korea" is no "North Korea")."""
    predicates = predicates_of(claim)
    if not predicates:
        return None
    verb = claim.finite_verbs[0] if claim.finite_verbs else None
    noun = subject_noun(claim.text, verb) if verb is not None else ""
    act = verb is not None and demonstrative_subject(claim.text, verb)
    return PropositionKey(
        predicates, _with_surnames(entities, persons), _with_surnames(subject, persons), noun, act
    )


def demonstrative_subject(text: str, verb: int) -> bool:
    """Whether the subject before the verb at ``verb`` is a bare demonstrative, conjunctions passed over
    ("And that was unfair", "this is a disgrace"): English demonstrative pronouns stand for an act, a
    statement or a thing, seldom for a person, so such a subject is no person another statement names."""
    # the demonstratives and opening conjunctions are the ones ``ledger.unreadable`` reads a content's
    # opening with (``[unreadable]`` in lexicons/ledger.toml): one word list for both readings
    words = unreadable_lexicon()
    conjunctions = proposition_words().coordinators | words.opening_conjunctions
    before = [word.lower() for word in WORD.findall(text, 0, verb)]
    while before and before[0] in conjunctions:
        before.pop(0)
    return len(before) == 1 and before[0] in words.demonstratives


def subject_noun(text: str, verb: int) -> str:
    """The lemma of the common noun heading the subject before the verb at ``verb``: English noun phrases
    are head-final, so the last word of the run that opens the subject after its determiners, up to a
    function word, a comma or a participle opening a modifier ("a federal judge", "the judge | handling
    the lawsuits", "a Mexican-American judge | in a case"). None ("") for a pronoun or a name ("he",
    "Curiel": those are the entities' and the pronoun's, read as arguments) or a subject held in no run."""
    words = proposition_words()
    stopwords = ledger_lexicon().stopwords
    run: list[re.Match[str]] = []
    for match in WORD.finditer(text, 0, verb):
        token = match.group()
        lowered = token.lower()
        between = text[run[-1].end() : match.start()] if run else ""
        if not run and lowered in ARTICLES | ledger_lexicon().pronoun_determiners:
            continue
        if lowered in stopwords or lowered in words.passed_over or "," in between:
            break
        if run and token.islower() and lowered.endswith(("ing", "ed")):
            break
        run.append(match)
    head = run[-1].group() if run else ""
    return noun_lemma(head) if head.isalpha() and head.islower() and len(head) > 2 else ""


def demonym_countries(text: str, countries: Mapping[str, str]) -> frozenset[str]:
    """The "@id" of each country (``entities.country_ids``) whose demonym heads or modifies a noun phrase of
    the content: "Russian hackers struck", "the Russian government was behind", "Russians hacked" are said of
    Russia, which another outlet names ("Russia engineered the release"), though the entities stage resolves
    the phrase to no country, or to the country's government. A demonym is a capitalised word of a demonym's
    ending sharing a one-word country name's stem ("Russian" ~ "Russia", ``entities.demonym_country_ids``), or
    an irregular one ("British"), before a lower-case word or plural (a people, "Russians"); not a predicate
    ("because he is Mexican") nor one joined by a hyphen ("a Mexican-American judge", "Russian-born"): those
    tell a person's origins, not the country acting."""
    found: set[str] = set()
    for match in WORD.finditer(text):
        word = match.group()
        if not word[:1].isupper() or _hyphenated(text, match.start(), match.end()):
            continue
        following = WORD.match(text, match.end() + 1)
        attributive = following is not None and text[match.end()] == " " and following.group().islower()
        if not attributive and not word.endswith("s"):
            continue
        found |= {TOKEN_MARK + country for country in demonym_country_ids(word, countries)}
    return frozenset(found)


def _hyphenated(text: str, start: int, end: int) -> bool:
    return text[start - 1 : start] in _HYPHENS or text[end : end + 1] in _HYPHENS


def _with_surnames(entities: frozenset[str], persons: Mapping[str, str]) -> frozenset[str]:
    surnames = {"~" + persons[token[1:]].split()[-1].lower() for token in entities if persons.get(token[1:])}
    return entities | frozenset(surnames)


def masked_content(claim: Claim, mentions: Sequence[tuple[int, int]]) -> str:
    """The content with its entity mentions (article offsets), numbers and negations masked: what is
    said, not of whom, how much, nor on which side."""
    text = claim.text
    for start, end in sorted(mentions, reverse=True):
        if claim.start <= start and end <= claim.end:
            text = text[: start - claim.start] + "someone" + text[end - claim.start :]
    text = _MASKED_NUMBER.sub("some", text)
    negations = {"not", "n't", "never", "no", "none", "neither", "nor"}
    return " ".join(word for word in text.split() if word.lower().strip("\"'“”‘’,.") not in negations)
