"""An armed group by its kind and by its members: "a little-known separatist faction", "the militants".

A report on an attack names the group behind it once or twice and otherwise writes of its kind or of its
members: "Responsibility was claimed by a little-known separatist faction … The group, which calls itself
X"; "X, a separatist group created in 2019"; "the militants sought assurances". A group phrase in
apposition with an organisation's name ("The JFA, a small faction that …"; "The group behind the abduction,
the X") is that organisation's. In an article where every group phrase so tied, and every "the group"
already resolved (``entities.descriptions``), goes to one organisation, that organisation is the article's
group, and the phrases that only its kind or its members explain stand for it: an indefinite phrase with
an armed kind word ("a separatist group"), "the movement", and a plural of armed members ("the militants",
"the insurgents") — a plural is no mention of any single person. Two groups, or none, and none of these
is resolved: a wrong join costs more than a miss (issue #17, kalat-hostages). A rival ("a rival faction",
"another group") is never the article's group. Word lists written for this project from the wording of
conflict reports (``group_heads``, ``armed_kind_words`` … in ``lexicons/entities.toml``). Hand-written
over spaCy's parse.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from storyline.records import ROLE_LABEL, Mention
from storyline.stages.entities.lexicon import EntityLexicon, fold_name
from storyline.stages.entities.organisation_descriptions import NAMING_CLAUSE, named_organisations

__all__ = ["group_descriptions"]

# How far (characters, about two sentences) an indefinite armed phrase reaches to the group phrase after it.
INTRODUCTION_REACH_CHARS = 300
# The most words a group phrase holds, its article and head included ("a little-known separatist faction").
MAX_PHRASE_WORDS = 6
# What may stand between a name and the group phrase in apposition after it: "X (JFA), a … group".
NAME_TO_PHRASE_GAP = re.compile(r"(?:\s*\([^()\n]{1,20}\))?\s*,\s*")
PHRASE_TO_NAME_GAP = re.compile(r"\s*,\s*(?:the\s+)?")


@dataclass(frozen=True)
class GroupPhrase:
    """A singular phrase headed by a group word: where it is, whether "a"/"an" opens it, whether an armed
    kind word modifies it, and the organisation its apposition or naming clause ties it to, if any."""

    start: int
    end: int
    indefinite: bool
    armed: bool
    named: Mention | None


def group_descriptions(
    doc: Doc, article_id: str, names: list[Mention], descriptions: list[Mention], lexicon: EntityLexicon
) -> list[Mention]:
    """The descriptions of the article with its group phrases and armed plurals resolved to the group
    they stand for (``entities.groups``); a role-only description ("the movement") they explain is
    replaced."""
    text = doc.text
    organisations = named_organisations(text, names, lexicon)
    resolved = [m for m in descriptions if m.label != ROLE_LABEL]
    taken = [(m.start, m.end) for m in names + resolved]
    phrases = [
        p for p in _group_phrases(doc, text, organisations, lexicon) if not _overlaps(p.start, p.end, taken)
    ]
    group = _the_group(phrases, resolved, organisations, lexicon)
    found = []
    for phrase in phrases:
        stands_for = _stands_for(phrase, group, text)
        if stands_for is not None:
            surface = text[phrase.start : phrase.end]
            found.append(
                Mention(article_id, phrase.start, phrase.end, surface, "ORG", refers_to=stands_for.text)
            )
    if group is not None:
        found += [
            Mention(article_id, start, end, text[start:end], "ORG", refers_to=group.text)
            for start, end in _member_plurals(doc, lexicon)
            if not _overlaps(start, end, taken)
        ]
    replaced = [(m.start, m.end) for m in found]
    return [m for m in descriptions if not _overlaps(m.start, m.end, replaced)] + found


def _group_phrases(
    doc: Doc, text: str, organisations: list[Mention], lexicon: EntityLexicon
) -> Iterator[GroupPhrase]:
    """Every singular phrase headed by a group word and opened by an article, read from its head's left
    edge on the head's line, with the organisation it is in apposition with, if any."""
    for token in doc:
        if token.lemma_.lower() not in lexicon.group_heads or token.pos_ != "NOUN" or token.tag_ != "NN":
            continue
        left = [t for t in token.subtree if t.i <= token.i and not t.is_punct]
        if not left or left[0].lower_ not in {"a", "an", "the"} or "\n" in text[left[0].idx : token.idx]:
            continue
        words = {t.lower_ for t in left}
        if words & lexicon.other_group_words or len(left) > MAX_PHRASE_WORDS:
            continue
        start, end = left[0].idx, token.idx + len(token.text)
        yield GroupPhrase(
            start,
            end,
            indefinite=left[0].lower_ != "the",
            armed=bool(words & lexicon.armed_kind_words),
            named=_apposed_organisation(token, text, start, end, organisations),
        )


def _apposed_organisation(
    head: Token, text: str, start: int, end: int, organisations: list[Mention]
) -> Mention | None:
    """The organisation a group phrase is in apposition with, by the parse ("X, a separatist group";
    "The group behind the abduction, the X") or right beside it in the text ("X (JFA), a … group"), or
    that a naming clause gives ("The group, which calls itself X")."""
    neighbours = [head.head] if head.dep_ == "appos" else []
    neighbours += [child for child in head.children if child.dep_ == "appos"]
    for organisation in organisations:
        if any(organisation.start <= t.idx < organisation.end for t in neighbours):
            return organisation
        if organisation.end <= start and NAME_TO_PHRASE_GAP.fullmatch(text, organisation.end, start):
            return organisation
        if organisation.start >= end and PHRASE_TO_NAME_GAP.fullmatch(text, end, organisation.start):
            return organisation
    naming = NAMING_CLAUSE.match(text, end)
    return next((org for org in organisations if naming and org.start == naming.end()), None)


def _the_group(
    phrases: list[GroupPhrase], resolved: list[Mention], organisations: list[Mention], lexicon: EntityLexicon
) -> Mention | None:
    """The one armed organisation the article's group phrases stand for: those tied to a name by
    apposition or a naming clause, else the resolved "the group" descriptions; None where they stand for
    two, or for none, or for one nothing shows to be armed (``_armed``): "the militants" is never the
    rights group that "the group" stood for."""
    ties = [(phrase.start, phrase.named.text) for phrase in phrases if phrase.named is not None]
    ties = ties or [
        (m.start, m.refers_to)
        for m in resolved
        if m.refers_to and m.label == "ORG" and (fold_name(m.text).split() or [""])[-1] in lexicon.group_heads
    ]
    groups = {fold_name(name) for _, name in ties}
    if len(groups) != 1:
        return None
    key = groups.pop()
    group = next((org for org in organisations if fold_name(org.text) == key), None)
    if group is None or not _armed(group, phrases, [start for start, _ in ties], lexicon):
        return None
    return group


def _armed(group: Mention, phrases: list[GroupPhrase], tied_at: list[int], lexicon: EntityLexicon) -> bool:
    """Whether the article shows the group to be armed: a phrase with an armed kind word tied to it ("X, a
    separatist group"), an armed word in its name ("… Freedom Army"), or an indefinite armed phrase
    shortly before a group phrase that stands for it ("a little-known separatist faction … The group,
    which calls itself X"), as a report introduces a group and then names it."""
    key = fold_name(group.text)
    if any(p.armed and p.named is not None and fold_name(p.named.text) == key for p in phrases):
        return True
    if set(fold_name(group.text).split()) & lexicon.armed_name_words:
        return True
    return any(
        p.indefinite and p.armed and p.named is None and 0 <= at - p.end <= INTRODUCTION_REACH_CHARS
        for p in phrases
        for at in tied_at
    )


def _stands_for(phrase: GroupPhrase, group: Mention | None, text: str) -> Mention | None:
    """The organisation a group phrase stands for: a definite one in apposition, that name's ("The group
    behind the abduction, the X"); an indefinite one, only the article's armed group (in apposition with
    it, "The JFA, a small faction", or by its kind: ``_explained_by_kind``) — "a hacking group calling
    itself X" introduces X and is read by ``repair.introduced_as``, no mention of its own."""
    if phrase.named is not None and not phrase.indefinite:
        return phrase.named
    if group is None:
        return None
    if phrase.named is not None:
        return group if fold_name(phrase.named.text) == fold_name(group.text) else None
    return group if _explained_by_kind(phrase, text) else None


def _explained_by_kind(phrase: GroupPhrase, text: str) -> bool:
    """Whether the phrase stands for the article's group by its kind alone: an indefinite phrase with an
    armed kind word ("a separatist group"), or "the movement" (a definite "the group" is the
    descriptions' to resolve: ``entities.descriptions``)."""
    if phrase.indefinite:
        return phrase.armed
    return fold_name(text[phrase.start : phrase.end]).split()[-1] == "movement"


def _member_plurals(doc: Doc, lexicon: EntityLexicon) -> Iterator[tuple[int, int]]:
    """ "the militants": a plural of armed members right after "the", in lower case."""
    for token in doc:
        if token.text in lexicon.armed_member_plurals and token.i and doc[token.i - 1].lower_ == "the":
            yield doc[token.i - 1].idx, token.idx + len(token.text)


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(start < other_end and other_start < end for other_start, other_end in spans)
