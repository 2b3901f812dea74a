"""Which names in a speaker's words may be the speaker: the one at the head of the phrase, never one named
only in a modifier of a head that names someone else (issue #14, PolNeAR development stories: "People with
direct knowledge of Gates' work said" was linked to Gates, "Connecticut's tax commissioner" to the state,
"The New York businessman" to New York).

Read from the words alone, since speakers are linked across articles after the parse is gone: the head is the
last word before the first word opening a post-modifier ("of", "with", "familiar" …) that no name holds. A
name holding the head speaks. A head for a person speaks for a name before it only as a title allows it: a
speaking title (a spokesman, a representative) for anyone, another title (an official, a director) for an
organisation, never for a place or a person ("a U.S. law enforcement official" is not the United States);
other people (supporters, a businessman, adult children) are not the name in their modifier. Any other head
is a thing of its owner's and speaks for it ("Clinton's campaign", "State Department cables"), except a
plural after a person's name ("Clinton supporters", "some of Clinton's allies": people of theirs); a thing
speaks for its author named right after it ("a poll by X", "a video from X", "an opinion drafted for X"), a
speaking title for the one it is held for ("a spokesman for X"), never one a clause or another preposition
names ("sources who spoke to Fox News", "a representative to the United Nations")."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from storyline.lexicons import load_lexicon
from storyline.records import Mention
from storyline.stages.entities.lexicon import entity_lexicon

# a word with its possessive: "Trump's" is one word, so the head of "Mr. Trump's" is the name
HEAD_WORD = re.compile(r"[\w-]+(?:['’]s\b)?")
POSSESSIVE_END = re.compile(r"['’]s$")
# labels a title other than a speaking one cannot speak for (a place, a nationality, a person)
NOT_ORGANISATIONS = frozenset({"PERSON", "GPE", "LOC", "NORP"})


@dataclass(frozen=True, slots=True)
class SpeakerHeadLexicon:
    postmodifier_openers: frozenset[str]
    person_nouns: frozenset[str]
    speaking_titles: frozenset[str]
    spoken_for: frozenset[str]
    authored_by: frozenset[str]
    making_participles: frozenset[str]
    partitives: frozenset[str]


@cache
def speaker_head_lexicon() -> SpeakerHeadLexicon:
    data = load_lexicon("entities")["speaker_heads"]
    return SpeakerHeadLexicon(
        postmodifier_openers=frozenset(data["postmodifier_openers"]),
        person_nouns=frozenset(data["person_nouns"]) | entity_lexicon().occupation_nouns,
        speaking_titles=frozenset(data["speaking_titles"]),
        spoken_for=frozenset(data["spoken_for"]),
        authored_by=frozenset(data["authored_by"]),
        making_participles=frozenset(data["making_participles"]),
        partitives=frozenset(data["partitives"]),
    )


def speaker_head(
    words: str, held: Sequence[tuple[int, int]]
) -> tuple[re.Match[str], re.Match[str] | None] | None:
    """The head word of a speaker's words, the last word before the first post-modifier opener that no
    name holds (``held``: the names' offsets in ``words``), and that opener (None where none follows).
    None for words with no word."""
    found = list(HEAD_WORD.finditer(words))
    lexicon = speaker_head_lexicon()
    openers = lexicon.postmodifier_openers | lexicon.making_participles
    for index, match in enumerate(found[1:], 1):
        opens = match.group().lower() in openers
        # "a batch of State Department emails", "a group of experts": the head follows the partitive's "of"
        partitive = match.group().lower() == "of" and found[index - 1].group().lower() in lexicon.partitives
        if opens and not partitive and not any(start <= match.start() < end for start, end in held):
            return found[index - 1], match
    return (found[-1], None) if found else None


def speaking_mentions(
    inside: Sequence[tuple[Mention, str]], start: int, words: str
) -> list[tuple[Mention, str]]:
    """The mentions among ``inside`` (those within the speaker's words, which start at ``start``) that may
    be the speaker (the module's rule)."""
    found = speaker_head(words, [(mention.start - start, mention.end - start) for mention, _ in inside])
    if found is None:
        return list(inside)
    head, opener = found
    head_at = start + head.start()
    at_head = [pair for pair in inside if pair[0].start <= head_at < pair[0].end]
    if at_head:
        return at_head
    before = [pair for pair in inside if pair[0].end <= head_at]
    noun = _singular(POSSESSIVE_END.sub("", head.group().lower()))
    lexicon = speaker_head_lexicon()
    # the one spoken for, or the author, named after the head: "a spokesman for X", "a poll by X"
    opened = opener.group().lower() if opener else ""
    after = [pair for pair in inside if opener and pair[0].start >= start + opener.end()]
    if noun in lexicon.speaking_titles:
        return before + (after if opened in lexicon.spoken_for else [])
    if noun in entity_lexicon().title_words:
        return [pair for pair in before if pair[0].label not in NOT_ORGANISATIONS]
    if noun in lexicon.person_nouns or head.group().lower() in lexicon.person_nouns:
        return []
    if _plural_common_noun(head.group()):
        before = [pair for pair in before if pair[0].label != "PERSON"]
    # "an email obtained by X": a participle of having, not of making, before "by" (X holds it)
    participle = head.group().islower() and head.group().endswith("ed")
    authored = (opened in lexicon.authored_by and not participle) or opened in lexicon.making_participles
    return before + (after if authored else [])


def _singular(word: str) -> str:
    """A plural noun's singular, enough for the nouns of people ("delegates", "lobbyists", "allies")."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


def _plural_common_noun(word: str) -> bool:
    """A lower-case plural ("supporters", "allies"): after a person's name, people of theirs."""
    return word.islower() and len(word) > 2 and word.endswith("s") and not word.endswith(("ss", "selves"))
