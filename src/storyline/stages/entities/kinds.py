"""Organisations named with a lower-case kind word after the name: "the Open Ballot civic initiative", "the
opposition Free City bloc".

The small English model tags such a name a place ("Free City") or nothing at all ("Open Ballot"): the kind
word that says what the name is stands in lower case outside any span it draws. The article's wording says
it: "the" (and at most one lower-case word: "the opposition …"), a run of capitalised words, at most two
lower-case words, then a kind word of ``introduced_org_kinds`` — and no capitalised word after it, which the
kind word would introduce instead ("the civic initiative Open Ballot"). As with "the Solidarity trade union"
(``repair.introduced_as``), the name is the capitalised run: other reports drop the kind word ("as much as
Free City"), and "the bloc" then stands for the name so introduced (``organisation_descriptions``). Here
the names the model left untagged are added; a name it tagged as something else is relabelled by
``repair.organisations_by_introduction``, which reads the same introduction.
A body's kind phrase may be longer, headed by any organisation word ("the Shirak territorial electoral
commission"): a later description repeating its words ("the territorial commission") stands for the name
before it (``named_before_its_kind_phrase``), whatever the model tagged that name.
Hand-written over the text: the pattern is one of wording and case, which the small model's parse of an
unknown name does not give more reliably (issue #17, generalise gyumri-recount).
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc

from storyline.records import Mention
from storyline.stages.entities.lexicon import PLACE_LABELS, EntityLexicon, described_words, fold_name

__all__ = ["introduced_by_kind", "named_before_its_kind_phrase", "organisations_named_by_kind"]

# How far around a name its introduction ("the opposition … bloc") is looked for.
INTRODUCTION_CHARS = 40
# The lower-case words right after a name, where a kind phrase stands ("Shirak| territorial electoral
# commission had"): at most four, the phrase ending at its head word.
KIND_PHRASE = re.compile(r"\s+((?:[a-z][a-z-]*\s+){0,3}[a-z][a-z-]*)(?![\w'’-])")
# How a name hangs on the head word of the kind phrase after it, in spaCy's English parse.
MODIFIER_DEPS = frozenset({"compound", "nmod", "amod"})
# One capitalised word of a name, hyphenated parts capitalised too ("Free", "Nor-Ost"; not "Kremlin-backed").
NAME_WORD = r"[A-Z][\w'’]*(?:-[A-Z][\w'’]*)*"


@lru_cache(maxsize=4)
def _introduction(kinds: frozenset[str]) -> re.Pattern[str]:
    """ "the [word] Name Words [one or two words] kind", compiled once for the lexicon's kind words."""
    kind = "(?:" + "|".join(re.escape(word) for word in sorted(kinds)) + ")"
    return re.compile(
        rf"(?<![\w-])(?:[Tt]he|THE)\s+(?:[a-z][a-z-]*\s+)?"
        rf"(?P<name>{NAME_WORD}(?:[ ]{NAME_WORD})*)\s+(?:[a-z][a-z-]*\s+){{0,2}}{kind}\b(?!\s+[A-Z])"
    )


def introduced_by_kind(text: str, name: Mention, kinds: frozenset[str]) -> bool:
    """Whether the article introduces the name with one of ``kinds`` after it ("the opposition Free City
    bloc"). Read on the sentence around the name only: the pattern needs "the" shortly before it."""
    if not kinds:
        return False
    window_start = max(0, name.start - INTRODUCTION_CHARS)
    window = text[window_start : name.end + INTRODUCTION_CHARS]
    return any(
        match.span("name") == (name.start - window_start, name.end - window_start)
        for match in _introduction(kinds).finditer(window)
    )


def organisations_named_by_kind(
    doc: Doc, article_id: str, names: list[Mention], lexicon: EntityLexicon
) -> list[Mention]:
    """The article's names plus an organisation for each capitalised run its kind word introduces that the
    small model tagged as nothing, or tagged together with the kind word under a label no actor has ("the
    Vorlund Renewal bloc" as a work of art); a run it tagged otherwise (a person, a place, a nationality:
    "the Soviet bloc") is left to its tag, and so is a country the lexicon knows."""
    text = doc.text
    found = []
    for match in _introduction(lexicon.introduced_org_kinds).finditer(text):
        start, end = match.span("name")
        if fold_name(match.group("name")) in lexicon.countries:
            continue
        tagged = [(m.start, m.end) for m in names] + [
            (ent.start_char, ent.end_char)
            for ent in doc.ents
            if not (match.start() <= ent.start_char <= start and ent.end_char == match.end())
        ]
        if not any(start < other_end and other_start < end for other_start, other_end in tagged):
            found.append(Mention(article_id, start, end, match.group("name"), "ORG"))
    return sorted(names + found, key=lambda mention: (mention.start, mention.end))


def named_before_its_kind_phrase(
    doc: Doc, text: str, description: str, start: int, names: list[Mention], lexicon: EntityLexicon
) -> Mention | None:
    """The name a description of two words or more repeats the kind phrase of: "the territorial commission"
    after "the Shirak territorial electoral commission", whose name the small model tags a person. Every
    word of the description must stand in the lower-case phrase right after the name, its head word last;
    the name must modify that head word in the parse (not "the ministry took its online services"), be an
    organisation's in the article (tagged one, or the first word of one: "Shirak Development Party"), never
    a place's, and be the only name so introduced before the description. A one-word description ("the
    commission") is left to the names that hold the word."""
    wanted = described_words(description, lexicon)
    if len(wanted) < 2:
        return None
    organisation_words = {
        word
        for m in names
        if m.label == "ORG"
        for word in (fold_name(m.text), *fold_name(m.text).split()[:1])
    }
    introduced = {}
    for name in names:
        if name.end > start or name.refers_to or name.label in PLACE_LABELS:
            continue
        phrase = KIND_PHRASE.match(text, name.end)
        words = described_words(phrase.group(1), lexicon) if phrase else []
        kind_phrase = words[: words.index(wanted[-1]) + 1] if wanted[-1] in words else []
        if (
            set(wanted) <= set(kind_phrase)
            and fold_name(name.text) in organisation_words
            and _modifies_a_later_word(doc, name)
        ):
            introduced[fold_name(name.text)] = name
    return next(iter(introduced.values())) if len(introduced) == 1 else None


def _modifies_a_later_word(doc: Doc, name: Mention) -> bool:
    """Whether the name's last word hangs on a word after it in its phrase ("Shirak" on "commission")."""
    span = doc.char_span(name.start, name.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    return span.root.head.i >= span.end and span.root.dep_ in MODIFIER_DEPS
