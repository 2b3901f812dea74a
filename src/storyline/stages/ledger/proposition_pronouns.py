"""Whom a proposition label's pronoun stands for: "Had he sacrificed …?" names him, or it is not asked.

A label is a claim's words asked of every source, out of the sentence that told who "he" is: a third-person
pronoun that opens it or comes before any name in it ("Was his work … an example of his sacrifice?") leaves
the analyst to guess who is meant (issue #14: reviewers called such labels misleading). It is replaced by the
name of the one person it can stand for. A pronoun opening the content of reported speech is its speaker
("Lund welcomed Dahl's election and said he would …"), unless the speaker tells someone who may be meant,
named between cue and content ("Berg told Holm that she would resign"). Else it may be the people named in
the claim's sentence before the pronoun and the speaker of reported speech ("Trump said his work …"; the
speaker of a direct quotation says "I", never "he"), of the pronoun's gender as their articles tell
(``story_reading.person_genders``; a person of unknown gender may be either, so blocks); when none is, those
of the sentences before, up to ``PRONOUN_REACH``. Two, or none that near: the label is not worded from that
claim. A plural "they"/"their" before any word that can name its group stands for a group no name gives: not
worded either. A pronoun after a name in the label reads as that name ("Did Trump pay his taxes?") and stays.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from storyline.records import Claim
from storyline.stages.ledger.grouping import EntitySpans, ledger_lexicon
from storyline.stages.ledger.label_descriptions import described_named
from storyline.stages.timeline import SENTENCE_END

if TYPE_CHECKING:  # story_reading builds on modules that import this one
    from storyline.stages.ledger.story_reading import StoryReading

# English's third-person personal pronouns (a closed class, listed by hand) → the gender they name, None for
# the plural; "her" is a possessive before a noun, else an object.
THIRD_PERSON: dict[str, str | None] = {
    "he": "masculine",
    "him": "masculine",
    "his": "masculine",
    "she": "feminine",
    "her": "feminine",
    "they": None,
    "them": None,
    "their": None,
}
POSSESSIVES = frozenset({"his", "their"})
PRONOUN = re.compile(r"\b(?:" + "|".join(THIRD_PERSON) + r")\b", re.I)
# A word the label may open with or name before its subject that is no name ("Is it true that …", "Will").
LABEL_WORD = re.compile(r"[\w’'.-]+")
# The opening of a label with no auxiliary to move (``labels.as_question``): no word of it names anyone.
ASKED_FRAME = "Is it true that"
# A possessive's ending ("party's"), read off a noun before asking whether it is one.
POSSESSIVE_END = re.compile(r"['’]s?$")
# A quotation mark: one just before a content's pronoun opens the speaker's own words, whose "he" is another.
QUOTE_MARK = re.compile(r"[\"“”‘’']")
# Sentences before the claim's own that the pronoun's person may be named in, when its own names none of the
# pronoun's gender ("Clinton testified … Comey said those statements were wrong … She did receive …").
PRONOUN_REACH = 2


@dataclass(frozen=True, slots=True)
class People:
    """Who a label's pronoun may name: the people of the claim's article and story."""

    text: str  # the claim's article
    spans: EntitySpans  # where the story's entities are named
    persons: Mapping[str, str]  # person entity id → name
    genders: Mapping[str, str]  # person entity id → the gender its articles tell


def named_label(label: str, claim: Claim, people: People) -> str | None:
    """``label`` (worded from ``claim``) with its first pronoun named when it comes
    before any name (the module's rules); None when no one person is who it stands for."""
    found = _unnamed_pronoun(label) or _named_of_another_gender(label, claim, people)
    if found is None:
        return label
    pronoun = found.group().lower()
    gender = THIRD_PERSON[pronoun]
    if gender is None:
        return None
    at = _offset_in_claim(label, found, claim)
    if at is None:
        return None
    person = _one_person(claim, at, gender, people)
    if person is None:
        return None
    name = people.persons[person]
    possessive = pronoun in POSSESSIVES or (pronoun == "her" and _before_noun(label, found.end()))
    return label[: found.start()] + (f"{name}'s" if possessive else name) + label[found.end() :]


def named_in_story(label: str, claim: Claim, reading: StoryReading) -> str | None:
    """``label`` (worded from ``claim``) with its pronoun named from the story's people (``named_label``),
    for a proposition's label and a measured figure's alike; None when no one can be."""
    text = reading.context.texts.get(claim.article, "")
    named = named_label(label, claim, People(text, reading.spans, reading.persons, reading.genders))
    # "the network", "the super PAC": named where the article says which (``ledger.label_descriptions``)
    return (
        None
        if named is None
        else described_named(named, claim, text, reading.spans, reading.context.voices, reading.context.names)
    )


def names_no_one(label: str) -> bool:
    """Whether a proposition's label keeps a pronoun nothing before it can stand for ("Is it true that he
    still has a chance?": no one could be named for it, ``named_label``)."""
    return _unnamed_pronoun(label) is not None


def _unnamed_pronoun(label: str) -> re.Match[str] | None:
    """The label's first third-person pronoun when nothing it can stand for comes before it: a name (a
    capitalised word past the label's first; "I" is none) for a person's, any content word for a plural's
    ("Did the builders say they were paid?")."""
    found = PRONOUN.search(label)
    if found is None:
        return None
    before = _words_before(label, found)
    if THIRD_PERSON[found.group().lower()] is None:
        stopwords = ledger_lexicon().stopwords
        return None if any(word.lower() not in stopwords for word in before) else found
    return None if any(word[:1].isupper() and word != "I" for word in before) else found


def _words_before(label: str, found: re.Match[str]) -> list[str]:
    """The label's words before its pronoun ``found``, past the label's first word (its auxiliary, "Had he
    …?") or the frame that opens it."""
    opening = label[: found.start()]
    skipped = 0 if opening.startswith(ASKED_FRAME) else 1
    return LABEL_WORD.findall(opening.removeprefix(ASKED_FRAME))[skipped:]


def _named_of_another_gender(label: str, claim: Claim, people: People) -> re.Match[str] | None:
    """The label's first "he" or "she" (any of their forms) when every name before it is of an entity the
    claim's article names and none is a person who may be of the pronoun's gender: "Is it true that Ann Lee
    had his vote?" (Lee a woman), "How much did the Weekly Herald give to his charity?" (no person): the
    pronoun cannot read as those names, so it stands for someone the label leaves out (issue #14). A name the
    article's entities do not hold may be anyone and leaves the pronoun as it is."""
    found = PRONOUN.search(label)
    gender = THIRD_PERSON[found.group().lower()] if found is not None else None
    if found is None or gender is None:
        return None
    before = _words_before(label, found)
    names = [POSSESSIVE_END.sub("", word) for word in before if word[:1].isupper() and word != "I"]
    told = [(people.text[start:end], entity) for start, end, entity in people.spans.get(claim.article, [])]
    known = {word for text, _entity in told for word in LABEL_WORD.findall(text)}
    may_be = {
        word
        for text, entity in [*told, *((name, person) for person, name in people.persons.items())]
        if entity in people.persons and people.genders.get(entity, gender) == gender
        for word in LABEL_WORD.findall(text)
    }
    if names and all(name in known for name in names) and not any(name in may_be for name in names):
        return found
    return None


def _offset_in_claim(label: str, found: re.Match[str], claim: Claim) -> int | None:
    """Where in the article the label's pronoun is: its same occurrence in the claim's content (the label
    keeps the content's words in order)."""
    word = found.group().lower()
    nth = sum(match.group().lower() == word for match in PRONOUN.finditer(label, 0, found.start()))
    occurrences = [m for m in PRONOUN.finditer(claim.text) if m.group().lower() == word]
    return claim.start + occurrences[nth].start() if nth < len(occurrences) else None


def _one_person(claim: Claim, at: int, gender: str, people: People) -> str | None:
    """The one person the pronoun at ``at`` can stand for (the module's rules), None when not one."""
    persons, genders = people.persons, people.genders
    speaking = _speaker_of_opening(claim, at, gender, people)
    if speaking is not None:
        return speaking
    starts = [0, *(boundary.end() for boundary in SENTENCE_END.finditer(people.text, 0, claim.start))]
    speaker = frozenset(person for person in (claim.speaker,) if person is not None and person in persons)
    # the speaker of a direct quotation says "I": the quotation's "he" is someone else
    quoting = speaker if claim.quote == "direct" else frozenset()
    named = set(speaker)
    for window in reversed(starts[-1 - PRONOUN_REACH :]):
        named |= {
            entity
            for start, end, entity in people.spans.get(claim.article, [])
            if window <= start and end <= at and entity in persons
        }
        may_be = {person for person in named - quoting if genders.get(person, gender) == gender}
        if may_be:  # the nearest sentences naming anyone who may be meant decide
            known = [person for person in may_be if genders.get(person) == gender]
            return known[0] if len(may_be) == 1 and known else None
    return None


def _speaker_of_opening(claim: Claim, at: int, gender: str, people: People) -> str | None:
    """The speaker of reported speech whose content the pronoun at ``at`` opens, when the speaker is a person
    who may be of its gender: "Lund had praised Berg's plan and said he would back it" asks of Lund, whoever
    else the sentence names before the cue (issue #14: "Trump had welcomed Khan's election and said he would
    make an exception" asked "Would he make an exception?"). Not when a person who may be meant is named
    between the cue and the content, whom the speaker tells ("Berg told Holm that she would resign": either),
    nor in a quotation, whose speaker says "I"."""
    speaker = claim.speaker
    if speaker is None or speaker not in people.persons or claim.quote == "direct":
        return None
    opening = people.text[claim.start : at].strip().lower()
    quoted = QUOTE_MARK.search(people.text, max(0, claim.start - 2), claim.start)  # "he …" in his own words
    if opening not in ("", "that") or quoted or people.genders.get(speaker, gender) != gender:
        return None
    told = {
        entity
        for start, end, entity in people.spans.get(claim.article, [])
        if claim.cue_end <= start and end <= claim.start and entity in people.persons and entity != speaker
    }
    if any(people.genders.get(person, gender) == gender for person in told):
        return None
    return speaker


def _before_noun(label: str, end: int) -> bool:
    """Whether the word after ``end`` is a noun's (a lower-case content word): "her team", "her party's
    nominee", not "with her on"."""
    following = LABEL_WORD.findall(label[end:])[:1]
    word = POSSESSIVE_END.sub("", following[0]) if following else ""
    return word.isalpha() and word.islower() and word not in ledger_lexicon().stopwords
