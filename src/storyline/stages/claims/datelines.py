"""Wire datelines are no speakers: "WASHINGTON (AP) — Donald Trump said …".

A dateline opens the lead on the first sentence's line, and the parser often takes its place name for the
subject of the sentence's verb (PolNeAR train articles 0–149, issue #16: "WASHINGTON", "CLEVELAND, July 19
(UPI)", "Washington (AFP)"). The clean stage keeps the dateline in the text (it yields a wire credit), so
the claims stage must recognise it too: a place, perhaps a date, an agency in brackets and a dash, at the
start of a line. The agency is any short capitalised word, not the clean stage's list: a local paper's
"(UPI)" or "(AFP)" reads the same.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

DATELINE = re.compile(r"(?m)^[ \t]*[A-Z][^\n()]{0,60}?\([A-Z][A-Za-z.]{1,15}\)[ \t]*[–—-]+")
# A dateline opening a line, with or without a wire credit: "WASHINGTON (AP) —", "NEW YORK —",
# "LONDON, Sept. 3 (Reuters) -", "MANDALGOVI —": capitals, an optional wire credit, a dash.
LEAD_DATELINE = re.compile(r"^\s*[A-Z][A-Z .,/'’-]{2,}(?:,[^—–\n]{0,20})?\s*(?:\([A-Za-z .]+\))?\s*[—–-]+\s*")
DATELINE_REACH = 100  # characters of a line's start a dateline is looked for in
SPEAKER_LABELS = frozenset({"PERSON", "ORG"})  # not NORP: "Democrat Hillary Clinton" is Clinton


def past_dateline(subject: Token | None, text: str, cue_start: int) -> Token | None:
    """The subject, or when the parser took the dateline's place for it, the verb's other subject after
    the dateline ("ATHENS, Dec 3 - Altinova Sanayi Holding raised …": two ``nsubj``, the name the recogniser
    missed), else the first name after the dateline and before the cue that is no object of a preposition
    ("CLEVELAND (UPI) — Former Attorney General Michael Mukasey told …"); None when no name stands there."""
    if subject is None:
        return None
    after = _dateline_end(text, text.rfind("\n", 0, subject.idx) + 1)
    if after is None or subject.idx + len(subject) > after:
        return subject
    shared = [
        sibling
        for sibling in subject.head.children
        if sibling.dep_ == subject.dep_ and after <= sibling.idx < cue_start and sibling.i != subject.i
    ]
    if shared:
        return shared[0]
    names = [
        entity.root
        for entity in subject.doc.ents
        if entity.label_ in SPEAKER_LABELS
        and after <= entity.start_char
        and entity.end_char <= cue_start
        and not _in_prepositional_phrase(entity.root)
    ]
    return names[0] if names else None


def _in_prepositional_phrase(name: Token) -> bool:
    """ "raised its offer for Thermaikos Shipping and Ports … and said": the object of a preposition (or a
    name coordinated with one) is what the verb is about, never who speaks (generalise bid-04 gave the
    target's name a claim of the bidder's stake). Not "by": a passive's agent does speak."""
    while name.dep_ == "conj" and name.head.i != name.i:
        name = name.head
    return name.dep_ == "pobj" and name.head.lower_ != "by"


def _dateline_end(text: str, line_start: int) -> int | None:
    """Where a dateline opening the line ends, a wire credit's ("CLEVELAND, July 19 (UPI) —") or a plain
    one ("YEREVAN, Oct 15 - ", "GJUMRI/YEREVAN - "); None when the line opens with none."""
    match = DATELINE.match(text, line_start)
    if match is not None:
        return match.end()
    end = line_lead_dateline_end(text, line_start)
    return end if end > line_start else None


def line_lead_dateline_end(text: str, line_start: int) -> int:
    """Where a dateline without a wire credit that opens the line at ``line_start`` ends ("VELSUND — …"),
    ``line_start`` when the line opens with none."""
    return line_start + lead_dateline_length(text[line_start : line_start + DATELINE_REACH])


def after_lead_dateline(text: str, start: int, end: int) -> int:
    """Where a claim's content really begins: past a dateline that opens its line ("MANDALGOVI — A brutal
    winter has killed …, the agency said"), which says where the outlet wrote from and is no part of what the
    speaker said (it would reach the ledger's question labels); ``start`` when none stands there."""
    if text[text.rfind("\n", 0, start) + 1 : start].strip():
        return start
    length = lead_dateline_length(text[start:end])
    return start + length if start + length < end else start


def lead_dateline_length(line: str) -> int:
    """How many characters a dateline opening ``line`` takes ("VELSUND — …" → 10), 0 when none does."""
    match = LEAD_DATELINE.match(line)
    return match.end() if match else 0
