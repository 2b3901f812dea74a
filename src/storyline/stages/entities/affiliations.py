"""A person named with the organisation they work for, which the small model tags as one organisation.

"The inquiry is led by Mira Velkova of the State Audit Office": the small model draws one ORG span over
the person and the office, so the person is lost and the office gets a name nobody else uses. Such a span
is split into the person and the organisation where the article shows the first part is a person: it
names that person (or the surname) elsewhere as a person, or the name opens with a given name the tables
know (``transliteration.opens_with_given_name``). Names of the same shape that are one organisation keep
their span: "Bank of America", "Friends of the Earth" (one word before "of"), "Royal Bank of Scotland"
(a kind word before "of"), and any whose first part the article never calls a person.
"""

from __future__ import annotations

import re

from storyline.records import Mention
from storyline.stages.entities.lexicon import EntityLexicon, fold_name
from storyline.stages.entities.transliteration import opens_with_given_name

__all__ = ["people_of_their_organisations"]

# Two or three capitalised words, "of", maybe "the", then a capitalised name: "Mira Velkova of the State
# Audit Office". The person's words are letters, hyphens and apostrophes ("O'Brien", "Jean-Luc").
PERSON_OF_ORGANISATION = re.compile(
    r"(?P<person>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){1,2})\s+of\s+(?:the\s+)?(?P<organisation>[A-Z].*)"
)


def people_of_their_organisations(names: list[Mention], lexicon: EntityLexicon) -> list[Mention]:
    """Organisation spans of the article that open with a person's name and "of" split into the person
    and the organisation."""
    people = {fold_name(mention.text) for mention in names if mention.label == "PERSON"}
    result = []
    for mention in names:
        match = PERSON_OF_ORGANISATION.fullmatch(mention.text) if mention.label == "ORG" else None
        if match is None or mention.refers_to is not None or not _is_person(match["person"], people, lexicon):
            result.append(mention)
            continue
        person_end = mention.start + match.end("person")
        organisation_start = mention.start + match.start("organisation")
        result.append(Mention(mention.article, mention.start, person_end, match["person"], "PERSON"))
        result.append(Mention(mention.article, organisation_start, mention.end, match["organisation"], "ORG"))
    return result


def _is_person(name: str, people: set[str], lexicon: EntityLexicon) -> bool:
    """Whether the words before "of" are a person's name: no word of an organisation's kind or a title
    ("Royal Bank", "Deputy Director"), and the article names the person, or the surname alone, as a person
    elsewhere, or the name opens with a known given name."""
    key = fold_name(name)
    words = key.split()
    kind_words = lexicon.org_head_words | lexicon.generic_org_heads | lexicon.title_words
    if not words or kind_words.intersection(words):
        return False
    return key in people or words[-1] in people or opens_with_given_name(key)
