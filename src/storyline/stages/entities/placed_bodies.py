"""A state body named by its place and level in lower case: "the Jalal-Abad regional police department",
"the Osh city prosecutor's office".

News writes a local branch of a state body as a place name, a level word and the body's head word, all but
the place in lower case; the small model tags the place, or nothing, and the body is lost, so the person
heading it ("The head of the Jalal-Abad regional police department, X") takes its words. A capitalised
place name followed by a level word (``office_level_words``: regional, district, city …) and a head word of
a state body (``state_body_heads``: police, prosecutor …), optionally with "department", "office" or
"directorate" after it, is an organisation mention in the stead of any place tagged inside it; "the
regional police" of the story then refers back to it as to any name holding its words. Hand-written over
the lexicon: no NER model at hand tags such lower-case names.
"""

from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS

from storyline.records import Mention
from storyline.stages.entities.lexicon import PLACE_LABELS, EntityLexicon

__all__ = ["placed_state_bodies"]

# A place name of one or two capitalised words (hyphens allowed: "Jalal-Abad"), a level word, a body's head
# word (possessive allowed: "prosecutor's") and a unit word after it.
PLACED_BODY = re.compile(
    r"(?<![\w'’-])(?P<place>[A-Z][\w'’]*(?:-[A-Z][\w'’]*)*(?:[ \t][A-Z][\w'’]*(?:-[A-Z][\w'’]*)*)?)"
    r"[ \t]+(?P<level>[a-z]+)[ \t]+(?P<body>[a-z]+)(?:['’]s)?"
    r"(?:[ \t]+(?:department|office|directorate|headquarters))?(?![\w'’-])"
)


def placed_state_bodies(
    text: str, article_id: str, names: list[Mention], lexicon: EntityLexicon
) -> list[Mention]:
    """The names with each state body's lower-case name ("Jalal-Abad regional police department") as an
    organisation mention, in the stead of the places tagged inside it; none where another name (a person,
    an organisation) overlaps it."""
    found = list(names)
    for match in PLACED_BODY.finditer(text):
        opening, _, rest = match["place"].partition(" ")
        start, end = match.span()
        if opening.lower() in STOP_WORDS:
            # "The Osh city prosecutor's office": the sentence's "The" is no place's
            start += len(opening) + 1
            opening = rest
        if (
            match["level"] not in lexicon.office_level_words
            or match["body"] not in lexicon.state_body_heads
            or not opening
        ):
            continue
        overlapping = [m for m in found if start < m.end and m.start < end]
        if all(m.label in PLACE_LABELS and start <= m.start and m.end <= end for m in overlapping):
            found = [m for m in found if m not in overlapping]
            found.append(Mention(article_id, start, end, text[start:end], "ORG"))
    return sorted(found, key=lambda mention: (mention.start, mention.end))
