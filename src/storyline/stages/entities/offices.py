"""A person description with the body of its office: "a spokesman for the coast guard", "Altınova's chairman".

The description and title rules (``entities.descriptions``, ``entities.references``) stop a person's phrase
at its title word, so that it never overlaps the organisation named after it. But the phrase as a reader
(and the generalisation gold, issue #17) takes it is the whole of it: "the spokesman for the coast guard"
is the spokesman, and cut at "the spokesman" it was shorter than the guard's name inside it, so whoever
looks the phrase up found the guard. Here the person's mention runs on over "of", "for" or "at" and the
noun phrase after it (the body's name whole, "the Federation of World Weightlifting"), and back over a
body owning the title ("Altınova's chairman") or written right before it ("GSIN head Zhyrgalbek Toktorbayev",
"Tuura Zhol director Nurbek Alymkulov": the title names the person, not the body, whatever the small model
tagged the body); the body's own mention stays beside it. The phrase stops
before anything the noun phrase does not hold: a comma, a bracket, another preposition ("in Warsaw"), a
person's name (whose spokesman is someone else's mention).
Hand-written on the parse: spaCy gives the parts of speech; no library draws these spans.
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc, Token

from storyline.records import ROLE_LABEL, Mention
from storyline.stages.entities.lexicon import PLACE_LABELS

__all__ = ["with_bodies_of_office"]

# The prepositions joining a post to the body it serves: "director of", "spokesman for", "analyst at".
OFFICE_PREPOSITIONS = frozenset({"of", "for", "at"})
# The words of the body's noun phrase: its article or possessor, its modifiers, its nouns.
BODY_PHRASE_POS = frozenset({"DET", "ADJ", "NOUN", "PROPN", "NUM"})
# A possessor right before a title: "Altınova's chairman", "the agency’s spokeswoman".
POSSESSIVE_BEFORE = re.compile(r"['’]s\s+$")
# The parts of speech of a title word: "head" of "GSIN head Zhyrgalbek Toktorbayev" is often read a verb.
TITLE_POS = frozenset({"NOUN", "VERB"})
# What opens a description rather than a bare title ("the guard", "his lawyer"): a name right before it is
# another phrase's ("told Ivanov the guard had left").
DESCRIPTION_OPENERS = frozenset({"DET", "PRON"})


def with_bodies_of_office(doc: Doc, text: str, mentions: list[Mention]) -> list[Mention]:
    """``mentions`` with each person description or title that refers to a named person spanning the body of
    its office too; every other mention as it is."""
    bodies = [(m.start, m.end) for m in mentions if m.label != "PERSON"]
    people = [(m.start, m.end) for m in mentions if m.label == "PERSON"]
    names = [(m.start, m.end) for m in mentions if m.label not in PLACE_LABELS | {ROLE_LABEL}]
    return [
        _with_body(doc, text, m, bodies, people, names) if _is_description(doc, m) else m for m in mentions
    ]


def _is_description(doc: Doc, mention: Mention) -> bool:
    """A person's mention that is a phrase ending in a common noun ("the spokesman"), not a name."""
    if mention.label != "PERSON" or mention.refers_to is None:
        return False
    span = doc.char_span(mention.start, mention.end)
    return span is not None and span[-1].pos_ in TITLE_POS and span[-1].is_lower


def _with_body(
    doc: Doc,
    text: str,
    mention: Mention,
    bodies: list[tuple[int, int]],
    people: list[tuple[int, int]],
    names: list[tuple[int, int]],
) -> Mention:
    span = doc.char_span(mention.start, mention.end)
    assert span is not None  # ``_is_description`` parsed it
    end = _body_end(doc, span[-1], bodies, people) or mention.end
    # (a body may open the text: its start is 0, so None, not falsiness, says that none was found)
    start = _owner_start(text, mention.start, bodies + names)
    if start is None and span[0].pos_ not in DESCRIPTION_OPENERS:
        start = _premodifier_start(text, mention.start, names)
    start = mention.start if start is None else start
    if (start, end) == (mention.start, mention.end):
        return mention
    surface = text[start:end]
    # a description carries itself as its role (``entities.references``); keep it so, as one phrase
    role = surface if mention.role == mention.text else mention.role
    return replace(mention, start=start, end=end, text=surface, role=role)


def _owner_start(text: str, start: int, bodies: list[tuple[int, int]]) -> int | None:
    """Where the body owning the title starts ("Altınova" of "Altınova's chairman", though the small model
    tagged it a person), or None."""
    possessive = POSSESSIVE_BEFORE.search(text, 0, start)
    if possessive is None:
        return None
    return next((s for s, e in bodies if e == possessive.start()), None)


def _premodifier_start(text: str, start: int, names: list[tuple[int, int]]) -> int | None:
    """Where the name written right before a bare title starts ("GSIN" of "GSIN head"), or None. Any name
    not a place's: the small model often tags a body's short or foreign name a person."""
    return next((s for s, e in names if e < start and text[e:start] == " "), None)


def _body_end(
    doc: Doc, head: Token, bodies: list[tuple[int, int]], people: list[tuple[int, int]]
) -> int | None:
    """Where the noun phrase after "of", "for" or "at" right after the title word ends (a body's name whole),
    or None where none follows."""
    if head.i + 2 >= len(doc) or doc[head.i + 1].lower_ not in OFFICE_PREPOSITIONS or head.whitespace_ != " ":
        return None
    end, named, i = None, False, head.i + 2
    while i < len(doc) and "\n" not in doc[i - 1].whitespace_:
        token = doc[i]
        if any(s <= token.idx < e for s, e in people):
            break
        body_end = next((e for s, e in bodies if s <= token.idx < e), None)
        if body_end is not None:
            end, named = body_end, True
            while i < len(doc) and doc[i].idx < body_end:
                i += 1
            continue
        if token.pos_ not in BODY_PHRASE_POS or (token.pos_ == "DET" and i > head.i + 2):
            # "the mayor of the municipality| of Mantoudi": the body's phrase goes on past what this
            # reads, and cut short it would hold the part of the name the body's own mention lacks
            return None if token.lower_ == "of" else end if named else None
        if token.pos_ in {"NOUN", "PROPN"}:
            end = token.idx + len(token.text)
        i += 1
    # a phrase holding no mention of a body ("the head of state", "a spokesman for years") names no
    # body of an office
    return end if named else None
