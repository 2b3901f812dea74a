"""A name an apposition gives as another name of the organisation it follows: "The bureau, known in Finnish
as Keskusrikospoliisi or KRP, said …", "the agency, also called …". The small model tags such a foreign
one-word name a place or a body of its own; the apposition says it names its head, whether the head is the
organisation's name or a description the article already resolved ("The bureau" → "National Bureau of
Investigation"). Only an organisation's head is followed: "Petrović, the director of the administration,
known as RUCZ" names the administration, never the person, so a person's mention before the phrase links
nothing. Hand-written: no NER library reads an apposition as a second name. Issue #17, generalise cable.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from storyline.records import Mention
from storyline.stages.entities.lexicon import PLACE_LABELS, entity_lexicon, fold_name, is_native_name

__all__ = ["names_known_as", "other_names_across_story"]

# What stands between the head and the name it is "known as": a comma or an opening bracket, then "known
# as", "also known as", "known in Finnish as", "also called" (a bare "called" is as often the verb: "the
# union, called Monday for talks").
KNOWN_AS = re.compile(
    r"\s*[,(]\s*(?:(?:also\s+|better\s+|locally\s+)?known(?:\s+in\s+[A-Z][a-z]+)?\s+as"
    r"|also\s+called|also\s+referred\s+to\s+as)\s+[\"“]?"
)


def names_known_as(text: str, mentions: Sequence[Mention]) -> list[Mention]:
    """``mentions`` with each name an apposition calls its organisation's other name pointing at it."""
    ordered = sorted(mentions, key=lambda mention: (mention.start, mention.end))
    linked = list(ordered)
    for index, mention in enumerate(ordered):
        if index == 0 or mention.refers_to is not None or mention.label not in PLACE_LABELS | {"ORG"}:
            continue
        head = ordered[index - 1]
        if head.label != "ORG" or not KNOWN_AS.fullmatch(text[head.end : mention.start]):
            continue
        target = head.refers_to or head.text
        if target != mention.text:
            linked[index] = Mention(
                mention.article, mention.start, mention.end, mention.text, "ORG", refers_to=target
            )
    return linked


def other_names_across_story(mentions: Sequence[Mention]) -> list[Mention]:
    """A story's mentions with each one-word own-language name that one of its articles gives an
    organisation ("known in Finnish as Keskusrikospoliisi", "the Border Guard (Rajavartiolaitos)") standing
    for that organisation wherever the story writes it untied ("Häkkinen of Keskusrikospoliisi", tagged a
    place). A name two organisations are given is left alone, and so is a place's name: a capital standing
    for its government ("Helsinki said", ``lexicon.seats_of_government``) or a word the same article also
    writes as a place."""
    lexicon = entity_lexicon()
    places = {(m.article, m.text) for m in mentions if m.label in PLACE_LABELS and m.refers_to is None}
    targets: dict[str, set[str]] = {}
    for mention in mentions:
        key = fold_name(mention.text)
        if (
            mention.label == "ORG"
            and mention.refers_to is not None
            and is_native_name(mention.text)
            and (mention.article, mention.text) not in places
            and key not in lexicon.seats_of_government
            and key not in lexicon.country_aliases
            and key not in lexicon.countries
        ):
            targets.setdefault(mention.text, set()).add(mention.refers_to)
    if not targets:
        return list(mentions)
    return [
        Mention(m.article, m.start, m.end, m.text, "ORG", refers_to=next(iter(targets[m.text])))
        if m.refers_to is None
        and len(targets.get(m.text, ())) == 1
        and (m.label == "ORG" or m.label in PLACE_LABELS)
        else m
        for m in mentions
    ]
