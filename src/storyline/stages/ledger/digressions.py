"""The parts of a multi-topic article that a story's ledger does not read (issue #14).

A live blog ("The Latest" of the day's campaign: items headed "9:05 p.m.", "8:50 p.m." … on other
candidates, other states, exit polls) is a digest of unrelated reports, one paragraph each. When the stories
stage leaves such a digest alone in a story, nothing in the story says what it is about but its headline,
and the headline of a digest is written for its newest item, the first one. Most other items are topics of
their own that the story's one outlet told once: read as the story's questions, they filled a story's top 20
with delegate tallies and exit polls of a primary night beside a battery charge (PolNeAR
lewandowski-fields-battery: 13 of its top 20 from one AP digest, every one reviewed false or misleading).

So a story that is one digest is read as far as its lead (the text before the first item header: headline,
dateline; and the first item), and beyond it only the items that name a person the collection's other
articles name too (news other reports follow: a campaign manager's dropped charge in a day's digest), unless
the digest names that person in more than ``EVERYDAY_SHARE`` of its items (a campaign day's candidates, named
everywhere, tell nothing of which item is followed). An article is a digest when at least ``MIN_ITEMS`` of its
paragraphs are a clock time alone ("9:05 p.m.", "10 a.m."); an article with fewer is read whole, as is a
digest that shares its story with other articles.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from storyline.records import Claim, Entity, Story

# A paragraph that is only a clock time, the header of a digest's item: "9:05 p.m.", "10 a.m.", "2:45 PM",
# "11.30am", optionally with its time zone ("9:05 p.m. EDT"); the separator may be garbled in a scraped
# text ("9L15 p.m.").
ITEM_HEADER = re.compile(
    r"^[ \t]*\d{1,2}(?:[^\s\d]\d{2})?[ \t]*[aApP]\.?[ \t]?[mM]\.?(?:[ \t]+\(?[A-Z]{2,4}\)?)?[ \t]*$",
    re.MULTILINE,
)
MIN_ITEMS = 3  # item headers that make an article a digest; one or two times alone may be a schedule
# A person named in more than this share of a digest's items is one of its everyday figures (the candidates
# of a campaign day), who says nothing of which item other reports follow.
EVERYDAY_SHARE = 1 / 3


def item_starts(text: str) -> list[int]:
    """Where each item of a digest begins (its header), or no place when ``text`` is no digest."""
    starts = [match.start() for match in ITEM_HEADER.finditer(text)]
    return starts if len(starts) >= MIN_ITEMS else []


def lead_end(text: str) -> int:
    """Where the lead of ``text`` ends: the second item's header in a digest, the end of any other text."""
    starts = item_starts(text)
    return starts[1] if starts else len(text)


def story_digression(
    story: Story, texts: Mapping[str, str], entities: Sequence[Entity]
) -> dict[str, list[tuple[int, int]]]:
    """Article id → the parts of it the story reads, for a story that is one digest alone: its lead, and the
    items naming a person whom articles outside the story name too and whom the digest does not name in
    most of its items (see the module docstring)."""
    if len(story.articles) != 1:
        return {}
    (article,) = story.articles
    text = texts.get(article, "")
    starts = item_starts(text)
    if not starts:
        return {}
    items = list(zip(starts, [*starts[1:], len(text)], strict=True))
    named: list[set[str]] = [set() for _ in items]
    followed: set[str] = set()
    for entity in entities:
        if entity.type != "PERSON":
            continue
        if any(mention.article != article for mention in entity.mentions):
            followed.add(entity.id)
        for mention in entity.mentions:
            if mention.article == article:
                for index, (start, end) in enumerate(items):
                    if start <= mention.start < end:
                        named[index].add(entity.id)
    everyday = {
        person
        for person in followed
        if sum(person in persons for persons in named) > EVERYDAY_SHARE * len(items)
    }
    read = [(0, lead_end(text))]  # headline, dateline and first item
    read += [
        item for item, persons in list(zip(items, named, strict=True))[1:] if persons & followed - everyday
    ]
    return {article: read}


def on_the_story(
    story: Story, claims: Sequence[Claim], texts: Mapping[str, str], entities: Sequence[Entity]
) -> list[Claim]:
    """``claims`` without those of a lone digest's items it does not read (see the module docstring)."""
    parts = story_digression(story, texts, entities)
    return [
        claim
        for claim in claims
        if claim.article not in parts
        or any(start <= claim.start < end for start, end in parts[claim.article])
    ]
