"""An operator's name run on into the maker of the craft it flies or sails: "the "X Air
Antonov An-24", "a Y Airlines Boeing 737", which the small model tags as one organisation. The maker and its
model designation follow the operator's name; when the article also names the operator alone, the name is
that operator's, and the maker is left out (an aircraft's maker is no party to a report on its crash, and
keeping it in the name kept the operator's mention apart from its other mentions: issue #17, generalise
pamir-air-crash). Hand-written: no library splits a name from the vehicle that follows it."""

from __future__ import annotations

import re
from dataclasses import replace

from storyline.records import Mention

__all__ = ["organisations_without_trailing_maker"]

# A model designation right after a name: letters and a hyphen or none before two to four digits ("An-24",
# "Tu-154", "A320", "737"), as aircraft, helicopters and ships are numbered.
MODEL_AFTER = re.compile(r"\s+(?:[A-Z][A-Za-z]{0,2}-?)?\d{2,4}[A-Za-z]?(?!\w)")


def organisations_without_trailing_maker(text: str, names: list[Mention]) -> list[Mention]:
    """Each organisation of two words or more whose last word is followed by a model designation, cut before
    that word when the article names the rest alone elsewhere ("X Air" beside "X Air Antonov An-24")."""
    return [_without_maker(text, mention) for mention in names]


def _without_maker(text: str, mention: Mention) -> Mention:
    words = mention.text.split()
    if mention.label != "ORG" or len(words) < 3 or not MODEL_AFTER.match(text, mention.end):
        return mention
    operator = mention.text[: mention.text.rindex(" ")]
    alone = re.compile(r"(?<![\w-])" + re.escape(operator) + r"(?![\w-])")
    if not any(match.start() != mention.start for match in alone.finditer(text)):
        return mention
    return replace(mention, end=mention.start + len(operator), text=operator)
