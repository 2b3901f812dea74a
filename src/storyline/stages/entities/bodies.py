"""Bodies an article names only by a description: "the strike committee that the workers elected" … "the
committee said".

A committee set up for the event the story reports (a strike committee, a crisis committee) has no proper
name, yet the story keeps quoting it — it is the source of a strike's daily counts. A description becomes
the name of such a body only where the article introduces it with a defining word ("the strike committee"),
and only when the article names no organisation with that head word (then "the committee" is that one)
and introduces no second body of that kind ("the strike committee" and "the crisis committee": "the
committee" could be either). The name is the description without its article ("strike committee"), so the
reports of one story meet on it; a later "the committee" of the article refers to it, and one of another
report of the story joins it there (``organisations.attach_organisation_descriptions``). "A government
commission headed by …" introduces one as well, where the article then calls it "the commission".
A public service is named so as often ("the border service", "the fire brigade", "the coast guard"), but
"the service" alone is as often a church service or a phone service: such a body is read only at the story's
level (``bodies_of_recurring_descriptions``, called by ``resolve``), where its description — one word of
function and its head — is written twice or more and no organisation of the story claims it.
Hand-written over the descriptions of ``entities.descriptions``.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc, Token

from storyline.records import ROLE_LABEL, Mention
from storyline.stages.entities.lexicon import PLACE_LABELS, EntityLexicon, fold_name

__all__ = [
    "bodies_named_by_description",
    "bodies_of_recurring_descriptions",
    "named_subdivisions",
    "subdivision_governments",
    "subdivision_subjects",
]

# A public body written by the word of its function in lower case and its head: "the border service".
RECURRING_BODY = re.compile(r"(?:[Tt]he|[Tt]his)\s+(?P<body>(?P<kind>[a-z][a-z-]+)\s+(?P<head>[a-z]+))")
# A description going on with the place it belongs to: "the regional government of Catalonia".
PLACE_AFTER = re.compile(r"\s+(?:of|in|for)\s+[A-Z]")
# A subdivision's official name, its noun capitalised before "of" and a proper name: "Region of Central
# Greece", "Province of Cádiz" (Greek, Italian, Spanish and Philippine subdivisions are so named in English).
NAMED_SUBDIVISION = re.compile(r"\b(?P<noun>[A-Z][a-z]+) of (?:[A-Z][\w'-]*)(?: [A-Z][\w'-]*)*")


def bodies_named_by_description(
    text: str, article_id: str, descriptions: list[Mention], named: list[Mention], lexicon: EntityLexicon
) -> list[Mention]:
    """The descriptions with each body named by a description (see the module) as an organisation: its
    introductions as its name, the bare references after the first introduction as referring to it."""
    result = list(descriptions)
    for head in lexicon.described_body_heads:
        if any(head in fold_name(m.text).split() for m in named if m.label == "ORG"):
            continue  # "the committee" is the committee the article names
        indefinite = _introduced_with_a(text, article_id, head, result, named)
        result = _name_one_body(result + indefinite, head)
        result = [m for m in result if m not in indefinite]  # "a strike committee" left unnamed is no one
    return result


def bodies_of_recurring_descriptions(
    descriptions: Sequence[Mention], groups: list[list[Mention]], lexicon: EntityLexicon
) -> None:
    """ "the border service" in three reports of a story that never names it: a description of a public
    body by one word of function and its head (``recurring_body_heads``), written at least twice in the
    story (one scope of ``resolve``) and claimed by none of its organisations, is a body of its own, added
    to ``groups`` with each of its mentions as its name ("border service"). Not where a named organisation
    of the story holds the description's words (``organisations.attach_organisation_descriptions`` then
    joined it, or found two and left it: "the penitentiary service" of a story naming the "State
    Penitentiary Service"), nor for a word saying no function ("the same service", "the local police")."""
    claimed = {(m.article, m.start, m.end) for group in groups for m in group}
    named = [fold_name(m.text).split() for group in groups for m in group if m.refers_to is None]
    by_body: dict[str, list[tuple[Mention, re.Match[str]]]] = defaultdict(list)
    vague = lexicon.ignorable_words | lexicon.office_level_words
    for mention in descriptions:
        match = RECURRING_BODY.fullmatch(mention.text)
        if (
            match is None
            or (mention.article, mention.start, mention.end) in claimed
            or match["head"] not in lexicon.recurring_body_heads
            or match["kind"] in vague
        ):
            continue
        by_body[match["body"]].append((mention, match))
    for body, written in by_body.items():
        if len(written) < 2 or any(set(body.split()) <= set(words) for words in named):
            continue
        groups.append(
            [
                Mention(mention.article, mention.start + match.start("body"), mention.end, body, "ORG")
                for mention, match in written
            ]
        )


def _name_one_body(descriptions: list[Mention], head: str) -> list[Mention]:
    introduction = re.compile(rf"(?:the|this|an?)\s+(?P<body>[a-z][a-z-]+\s+{head})", re.IGNORECASE)
    bare = re.compile(rf"(?:the|this)\s+{head}", re.IGNORECASE)
    introduced = [
        (m, match)
        for m in descriptions
        if m.label == ROLE_LABEL and (match := introduction.fullmatch(m.text)) and match["body"][:1].islower()
    ]
    bodies = {match["body"].lower() for _, match in introduced}
    if len(bodies) != 1:
        return descriptions
    first = min(m.start for m, _ in introduced)
    # no reference back by the head alone is needed: the story's other reports may hold them ("the
    # government commission" twice in one report, "the commission" in the next: ``resolve`` joins them)
    references = [
        m for m in descriptions if m.label == ROLE_LABEL and m.start > first and bare.fullmatch(m.text)
    ]
    name = introduced[0][1]["body"]
    renamed: dict[int, Mention] = {}
    for mention, match in introduced:
        start = mention.start + match.start("body")
        renamed[mention.start] = Mention(mention.article, start, mention.end, match["body"], "ORG")
    for mention in references:
        renamed[mention.start] = replace(mention, label="ORG", refers_to=name, role=None)
    return [renamed.get(m.start, m) if m.label == ROLE_LABEL else m for m in descriptions]


def _introduced_with_a(
    text: str, article_id: str, head: str, descriptions: list[Mention], named: list[Mention]
) -> list[Mention]:
    """ "A government commission headed by the deputy prime minister" … "the commission said": a body
    introduced with "a" is the one the article then calls by its head alone (issue #17, generalise
    pamir-air-crash); without such a reference after it, "a strike committee" may be any. As descriptions
    waiting for ``_name_one_body``; none where another mention holds the phrase."""
    bare = re.compile(rf"(?:the|this)\s+{head}", re.IGNORECASE)
    later = [m.start for m in descriptions if m.label == ROLE_LABEL and bare.fullmatch(m.text)]
    taken = named + descriptions
    found = []
    for match in re.finditer(rf"\b[Aa]n?\s+[a-z][a-z-]+\s+{head}\b", text):
        start, end = match.span()
        if any(start < m.end and m.start < end for m in taken) or not any(s > end for s in later):
            continue
        found.append(Mention(article_id, start, end, match.group(), ROLE_LABEL, role=match.group()))
    return found


def subdivision_subjects(
    doc: Doc, article_id: str, taken: list[Mention], lexicon: EntityLexicon
) -> list[Mention]:
    """ "the county said", "the province would publish": a subdivision's noun after "the", with no other
    word, as the subject of a statement or an act of office (``executive_verbs``) — the agent is the
    subdivision's executive, which ``subdivision_governments`` names. Not where another mention holds the
    phrase."""
    found = []
    for token in doc:
        if token.lower_ not in lexicon.subdivision_nouns or not _acts_as_executive(token, lexicon):
            continue  # "the region has seen rain": the place
        left = [child for child in token.children if child.i < token.i]
        if len(left) != 1 or left[0].lower_ != "the" or left[0].i != token.i - 1:
            continue
        start, end = left[0].idx, token.idx + len(token.text)
        if not any(start < m.end and m.start < end for m in taken):
            found.append(
                Mention(article_id, start, end, doc.text[start:end], ROLE_LABEL, role=doc.text[start:end])
            )
    return found


def _acts_as_executive(token: Token, lexicon: EntityLexicon) -> bool:
    """Whether a subdivision's noun stands as an actor: the subject of an act of office ("the county said"),
    the agent of a passive ("listed by the region"), the object of a verb taking an actor ("accuses the
    region"), the possessor of an executive's word ("the region's count") or "of" it after an office
    ("officials of the region")."""
    head = token.head
    if token.dep_ == "nsubj":
        return head.lemma_.lower() in lexicon.executive_verbs
    if token.dep_ == "dobj":
        return head.lemma_.lower() in lexicon.actor_object_verbs
    if token.dep_ == "poss":
        return head.lower_ in lexicon.executive_possessions
    if token.dep_ == "pobj":
        return head.dep_ == "agent" or (
            head.lower_ == "of" and head.head.lower_ in lexicon.executive_possessions
        )
    return False


def named_subdivisions(
    text: str, article_id: str, names: list[Mention], lexicon: EntityLexicon
) -> list[Mention]:
    """The names with each subdivision named by its official name ("the Region of Central Greece"), which
    the small model often tags as nothing, as an organisation: the body that governs it, as the story's
    "the region said" means. It takes the place of the place name inside it ("Thessaly" of "Region of
    Thessaly"); another name holding a word of it leaves it alone."""
    found = list(names)
    for match in NAMED_SUBDIVISION.finditer(text):
        if match["noun"].lower() not in lexicon.subdivision_nouns:
            continue
        start, end = match.span()
        overlapping = [m for m in found if start < m.end and m.start < end]
        if all(m.label in PLACE_LABELS and start <= m.start and m.end <= end for m in overlapping):
            found = [m for m in found if m not in overlapping]
            found.append(Mention(article_id, start, end, match.group(), "ORG"))
    return found


def subdivision_governments(
    text: str, descriptions: list[Mention], named: list[Mention], lexicon: EntityLexicon
) -> list[Mention]:
    """ "In Dundgovi, the provincial administration declared …": a subdivision's executive named by its
    level and head word (or by its noun as a subject: "the county said", ``subdivision_subjects``) refers
    to "<place> <level> government", the place being the last one the paragraph names before it — so "the
    provincial government" of the next sentence, and of the next report, meet on it. Nothing where the
    paragraph names no place before the description (a subdivision's noun alone is then dropped: it is
    read only as such an executive), or where the description goes on with its own place ("the regional
    government of Catalonia", after "Spain")."""
    places = [m for m in named if m.label in PLACE_LABELS and m.refers_to is None]
    resolved = []
    for mention in descriptions:
        words = fold_name(mention.text).split()
        level = _subdivision_level(mention, words, lexicon)
        own_place = PLACE_AFTER.match(text, mention.end)
        if own_place or level is None:
            if not (level and words[-1] in lexicon.subdivision_nouns):
                resolved.append(mention)
            continue
        so_named = _named_subdivision(mention, words, named)
        if so_named is not None:
            resolved.append(replace(mention, label="ORG", refers_to=so_named, role=None))
            continue
        place = _place_of_subdivision(text, mention, words, places, lexicon)
        if place is None:
            if words[-1] not in lexicon.subdivision_nouns:
                resolved.append(mention)
            continue
        name = f"{_without_level(place.text, lexicon)} {level} government"
        resolved.append(replace(mention, label="ORG", refers_to=name, role=None))
    return resolved


def _named_subdivision(mention: Mention, words: list[str], named: list[Mention]) -> str | None:
    """For "the region" alone: the one subdivision the article named before by that noun ("Region of
    Central Greece", ``named_subdivisions``), which the paragraph's last place ("Mantoudi", a municipality
    of it) is not."""
    if len(words) != 2:
        return None
    names = {
        m.text
        for m in named
        if m.label == "ORG" and m.end <= mention.start and fold_name(m.text).split()[:2] == [words[1], "of"]
    }
    return names.pop() if len(names) == 1 else None


def _place_of_subdivision(
    text: str, mention: Mention, words: list[str], places: list[Mention], lexicon: EntityLexicon
) -> Mention | None:
    """The last place the paragraph names before the description; for "the county" alone, else the one
    place the article named before it with that noun ("Taean county"), however far back."""
    paragraph_start = text.rfind("\n", 0, mention.start) + 1
    before = [p for p in places if p.end <= mention.start]
    in_paragraph = [p for p in before if paragraph_start <= p.start]
    if in_paragraph:
        return max(in_paragraph, key=lambda p: p.start)
    if words[-1] not in lexicon.subdivision_nouns:
        return None
    so_named = {fold_name(p.text): p for p in before if fold_name(p.text).split()[-1:] == words[-1:]}
    return next(iter(so_named.values())) if len(so_named) == 1 else None


def _subdivision_level(mention: Mention, words: list[str], lexicon: EntityLexicon) -> str | None:
    """The level word of a description of a subdivision's executive ("provincial" of "the provincial
    administration", of "the province"; "county" of "the county office"), or None for any other mention."""
    if mention.label != ROLE_LABEL or not words or words[0] != "the":
        return None
    if len(words) == 2:
        return lexicon.subdivision_nouns.get(words[1])
    if len(words) != 3 or words[1] not in lexicon.subdivision_levels:
        return None
    office = words[2] == "office" and words[1] in lexicon.subdivision_office_levels
    return words[1] if office or words[2] in lexicon.subdivision_government_heads else None


def _without_level(place: str, lexicon: EntityLexicon) -> str:
    """ "Taean" of "Taean county": the place's name without the subdivision word the level repeats."""
    words = place.split()
    last = fold_name(words[-1]) if words else ""
    level_words = set(lexicon.subdivision_nouns) | lexicon.subdivision_levels
    return " ".join(words[:-1]) if len(words) > 1 and last in level_words else place
