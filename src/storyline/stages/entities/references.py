"""The title written with a person's name, as a mention of that person.

"Apple CEO Steve Jobs", "Louis Gallois, the Airbus chief executive": the title is a mention of the person
(coreference corpora such as MEANTIME annotate it so). Without it, the title's words fall to the
organisation named inside it ("Apple" of "Apple CEO"), so a reader looking up who "the Airbus chief
executive" is finds the company. The title mention is the part of the title outside any other name, and
carries itself as its role (as descriptions do), so it is never taken for another spelling of the name.
Only spans the article already has are used: no new names are searched for.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from storyline.records import Mention
from storyline.stages.entities.lexicon import EntityLexicon

__all__ = ["organisations_in_titles", "title_mentions"]

# What is trimmed from the edges of a title part: spaces, punctuation, a possessive's "’s", and a
# preposition left dangling before the name it governed ("chief executive officer of| Apple Inc.").
EDGE_JUNK = re.compile(r"^(?:[\s,;:(]|['’]s\b|['’])+|(?:\s+(?:of|for|at|the|and))+\s*$|[\s,;:(]+$")


def organisations_in_titles(
    doc: Doc, titled: list[tuple[Mention, tuple[int, int]]], names: list[Mention], lexicon: EntityLexicon
) -> list[Mention]:
    """ "Zartonk" of "Zartonk leader Narine Zhamkochyan" in a report naming the "Zartonk Civic Alliance":
    a capitalised word of a title, right before a title word, opening the name of exactly one organisation
    of the article is that organisation (the small model leaves it untagged inside the title), so the title
    mention is the rest ("leader") and the organisation is not taken for the person. Not a nationality
    ("Bulgarian President", beside the "Bulgarian Red Cross") nor a portfolio ("Interior Minister")."""
    spans = [(m.start, m.end) for m in names]
    full_names = [m.text for m in names if m.label == "ORG" and m.refers_to is None and " " in m.text]
    found = []
    for name, (start, end) in titled:
        title = doc.char_span(start, end, alignment_mode="expand")
        for token, following in zip(title or (), list(title or ())[1:], strict=False):
            span = (token.idx, token.idx + len(token.text))
            opened = {full for full in full_names if full.startswith(token.text + " ")}
            if (
                len(opened) == 1
                and token.is_title
                and token.pos_ in {"PROPN", "NOUN"}
                and token.ent_type_ != "NORP"
                and token.lower_ not in lexicon.title_words
                and following.lower_ in lexicon.title_words - lexicon.portfolio_titles
                and not any(s < span[1] and span[0] < e for s, e in spans)
            ):
                found.append(Mention(name.article, *span, token.text, "ORG", refers_to=opened.pop()))
                spans.append(span)
    return found


def title_mentions(
    text: str,
    titled: list[tuple[Mention, tuple[int, int]]],
    taken: list[Mention],
    lexicon: EntityLexicon,
) -> list[Mention]:
    """A person mention for each title span given with a name (``titled``: the name and its title's
    span), cut to its part holding a title word outside every mention already ``taken``."""
    spans = [(m.start, m.end) for m in taken]
    found = []
    for name, (start, end) in titled:
        part = _title_part(text, start, end, spans, lexicon)
        if part is None:
            continue
        surface = text[part[0] : part[1]]
        refers_to = name.refers_to or name.text
        found.append(Mention(name.article, part[0], part[1], surface, "PERSON", refers_to, role=surface))
        spans.append(part)
    return found


def _title_part(
    text: str, start: int, end: int, taken: list[tuple[int, int]], lexicon: EntityLexicon
) -> tuple[int, int] | None:
    """The stretch of ``text[start:end]`` between other mentions that holds a title word, edges trimmed."""
    cuts = sorted((max(s, start), min(e, end)) for s, e in taken if s < end and start < e)
    pieces, position = [], start
    for cut_start, cut_end in cuts:
        pieces.append((position, cut_start))
        position = max(position, cut_end)
    pieces.append((position, end))
    for piece_start, piece_end in pieces:
        piece = text[piece_start:piece_end]
        trimmed = EDGE_JUNK.sub("", piece)
        # a title word, or an abbreviated one with its dot ("Gov." of "Gov. Elena Soto")
        words = re.findall(r"[\w-]+\.?", trimmed.lower())
        if trimmed and any(
            word in lexicon.title_words or word.rstrip(".") in lexicon.title_words for word in words
        ):
            offset = piece_start + piece.index(trimmed)
            return offset, offset + len(trimmed)
    return None
