"""Claims the ledger cannot read a side from: kept among the story's claims, never a position on a question.

Precision before recall (issue #14: an analyst would rather read ten right questions than fifty doubtful
ones). Each class put a false or misleading question in the top 20 of a PolNeAR story; the words of each
are lexicon data (``lexicons/ledger.toml`` ``[unreadable]``):

- a speaker named only as an unnamed set ("those who believe …", "some say …"): no one the reader can weigh
  holds the side, yet it stood as the denial that made a defence "contested";
- a content whose whole subject is a demonstrative ("and that was unfair …"): it judges something said
  before it without naming it, so its words joined a proposition it never stated and a critic was shown
  corroborating the complaint he condemned;
- a content that opens with a relative pronoun ("his hands, which he said were at his side when he was
  shot"): the speaker's words are a relative clause whose subject lies before the content, yet its other
  words joined it to a question it says nothing of, on the affirming side (PolNeAR police-shootings, issue
  #14: a lawyer's words on Scott's hands affirmed that a video shows an officer aiming a gun);
- a content in the outlet's voice that opens with a pronoun and a verb of meaning ("He implied
  immigrants were …"): the outlet retelling what the person meant, so no second source beside the person's
  own words, yet it stood as one and made one man's opinion "corroborated". A claim whose cue is such a
  verb ("Trump implied the judge was biased") stays the person's: PolNeAR's gold reads it as his position;
- a negated verb of suggesting ("…, he said, not even suggesting X"), which the claims stage reads as not
  confirming X: it tells what the speaker did not say, no side on X, yet it stood as the doubt that made a
  question "unconfirmed";
- a content that opens by calling its hearer by name and speaks to them ("Mr. Lee, you're a doctor";
  in PolNeAR's khan-family, children's words that Khizr Khan quotes): words said to someone about them, whose
  "you" the ledger cannot match to a name, yet they joined Trump's complaint about Khan on "Mr. Khan" and made
  it "corroborated" (issue #14);
- a content whose subject is "he" or "she" that several people tell ("he will be part of efforts …,
  according to three people briefed"): the pronoun names someone before, not the speaker, and the question
  asked of "he" was credited to Trump (issue #14);
- a sentence in the outlet's voice that names someone's words by quoting them after a possessive ("Pence
  blames media for Trump's 'Obama founded ISIS' flap"): the outlet mentions the claim, it does not make it,
  yet the headline stood as POLITICO affirming what its own article denied (PolNeAR's
  second-amendment-isis-founder, issue #14);
- a content telling that someone asked others for their views ("We asked our followers their thoughts on
  the visit"): the thing is put to others, no side taken on it, yet a page of readers' comments stood as
  the "affirm" of the visit it asks about (PolNeAR mexico-visit-wall, issue #14).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from storyline.lexicons import load_lexicon
from storyline.records import Claim

# words, an "'s" apart from the word it is joined to ("that's" is "that" and "'s")
_WORD = re.compile(r"[^\W\d_]+|['’]s\b")
# the subject pronouns before a verb of meaning at the head of a content the claims stage gave no cue
SUBJECT_PRONOUNS = frozenset({"he", "she", "they", "it"})
# a name of one to four capitalised words ("Mr. Lee", "Madam Secretary") and a comma before the next word
VOCATIVE = re.compile(r"(?:[A-Z][\w.’']*\s){0,3}[A-Z][\w.’']*,\s+([^\W\d_]+)")
# a possessive right before a quotation of two words or more: "Trump's 'Obama founded ISIS' flap", "the
# mayor’s “safest dam in Europe” boast"; one quoted word ("Trump's 'rigged' claim") is a label of it, and
# "it's", "that's" … are no possessives
POSSESSIVE_QUOTATION = re.compile(
    r"\b(?!(?i:it|that|there|here|he|she|what|who|where|let)['’]s)\w[\w.-]*(?:['’]s|s['’])\s+"
    r"[\"“‘']([^\"“”‘]*?\w[\s-]+\w[^\"“”‘]*?)[\"”’'](?=[\s,.;:!?]|$)"
)


@dataclass(frozen=True, slots=True)
class UnreadableLexicon:
    unnamed_set_speakers: frozenset[str]
    demonstratives: frozenset[str]
    opening_conjunctions: frozenset[str]
    demonstrative_verbs: frozenset[str]
    relative_pronouns: frozenset[str]
    ascribing_verbs: frozenset[str]
    unsaid_cues: frozenset[str]
    hearer_pronouns: frozenset[str]
    singular_subject_pronouns: frozenset[str]
    plural_speaker_words: frozenset[str]
    soliciting_verbs: frozenset[str]
    views_nouns: frozenset[str]
    views_reach: int


@cache
def unreadable_lexicon() -> UnreadableLexicon:
    data = load_lexicon("ledger")["unreadable"]
    return UnreadableLexicon(
        frozenset(data["unnamed_set_speakers"]),
        frozenset(data["demonstratives"]),
        frozenset(data["opening_conjunctions"]),
        frozenset(data["demonstrative_verbs"]),
        frozenset(data["relative_pronouns"]),
        frozenset(data["ascribing_verbs"]),
        frozenset(data["unsaid_cues"]),
        frozenset(data["hearer_pronouns"]),
        frozenset(data["singular_subject_pronouns"]),
        frozenset(data["plural_speaker_words"]),
        frozenset(data["soliciting_verbs"]),
        frozenset(data["views_nouns"]),
        int(data["views_reach"]),
    )


def side_unreadable(claim: Claim) -> bool:
    """Whether no side can be read from ``claim`` (the module's nine classes)."""
    return (
        unnamed_set_speaker(claim)
        or judges_unnamed_antecedent(claim)
        or opens_on_relative_pronoun(claim)
        or ascribed(claim)
        or left_unsaid(claim)
        or addressed_to_hearer(claim)
        or someone_unnamed(claim)
        or quotes_anothers_words(claim)
        or solicits_views(claim)
    )


def unnamed_set_speaker(claim: Claim) -> bool:
    """ "those" (who believe …), "some" (say …): an unresolved speaker named only as an unnamed set."""
    said_by = (claim.speaker_text or "").lower().strip()
    return not claim.speaker and said_by in unreadable_lexicon().unnamed_set_speakers


def judges_unnamed_antecedent(claim: Claim) -> bool:
    """ "And that was unfair …": a demonstrative, alone, is the content's subject, right before its verb."""
    lexicon = unreadable_lexicon()
    words = _opening_words(claim.text, 3)
    if words and words[0] in lexicon.opening_conjunctions:
        words = words[1:]
    return len(words) >= 2 and words[0] in lexicon.demonstratives and words[1] in lexicon.demonstrative_verbs


def opens_on_relative_pronoun(claim: Claim) -> bool:
    """ "(his hands,) which he said were at his side": the content is a relative clause whose antecedent,
    its subject, lies outside it."""
    words = _opening_words(claim.text, 1)
    return bool(words) and words[0] in unreadable_lexicon().relative_pronouns


def ascribed(claim: Claim) -> bool:
    """ "He implied …" opening a content with no cue: the outlet's retelling of someone's meaning."""
    if claim.cue:
        return False
    words = _opening_words(claim.text, 2)
    verbs = unreadable_lexicon().ascribing_verbs
    return len(words) == 2 and words[0] in SUBJECT_PRONOUNS and words[1] in verbs


def left_unsaid(claim: Claim) -> bool:
    """ "Not even suggesting X": a negated verb of suggesting, which the claims stage read as unconfirmed."""
    cue = claim.cue.lower().split()
    return claim.modality == "unconfirmed" and bool(cue) and cue[-1] in unreadable_lexicon().unsaid_cues


def addressed_to_hearer(claim: Claim) -> bool:
    """ "Mr. Lee, you're …": a name of a few capitalised words, a comma, then a second-person pronoun."""
    match = VOCATIVE.match(claim.text)
    return match is not None and match.group(1).lower() in unreadable_lexicon().hearer_pronouns


def someone_unnamed(claim: Claim) -> bool:
    """ "He will be part of efforts …", say three people briefed: "he"/"she" told by a speaker of several."""
    lexicon = unreadable_lexicon()
    words = _opening_words(claim.text, 1)
    said_by = {word.lower() for word in _WORD.findall(claim.speaker_text or "")}
    return (
        bool(words)
        and words[0] in lexicon.singular_subject_pronouns
        and bool(said_by & lexicon.plural_speaker_words)
    )


def quotes_anothers_words(claim: Claim) -> bool:
    """ "… Trump's 'Obama founded ISIS' flap" in the outlet's voice: another's words after a possessive."""
    return claim.outlet_voice and POSSESSIVE_QUOTATION.search(claim.text) is not None


def solicits_views(claim: Claim) -> bool:
    """ "We asked our followers their thoughts on …": a verb of asking, then a noun of views soon after."""
    lexicon = unreadable_lexicon()
    words = [word.lower() for word in _WORD.findall(claim.text)]
    return any(
        word in lexicon.soliciting_verbs
        and lexicon.views_nouns.intersection(words[at + 1 : at + 1 + lexicon.views_reach])
        for at, word in enumerate(words)
    )


def _opening_words(text: str, count: int) -> list[str]:
    return [word.lower() for word in _WORD.findall(text[:80])[:count]]
