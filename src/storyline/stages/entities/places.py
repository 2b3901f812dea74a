"""Names the small model tags a person or an organisation that the article writes as places.

The small English model knows few villages and regions outside Western Europe: "Racha", "Dhi Qar",
"Nea Anchialos" came out as people, "Karaganda", "Rovies", "Chalkida" as organisations (issue #17,
generalise: place names were a third of the wrong actors), and an analyst reads them as actors. The article
itself says what they are, so a PERSON or ORG name is relabelled a place (GPE) on the article's evidence:
- a dateline opening a paragraph ("LIMNI, Greece - ", "NASIRIYAH - ", "KHUJAND, Nov 20 —");
- a place noun right after it in lower case ("the Karaganda region", "Delgertsogt soum"), or before it with
  "of" ("the village of Biser", "the governorate of Dhi Qar"), or an adjective only places take before it
  ("neighbouring Maysan", "the southern Gobi");
- a place preposition before it ("in Chakhtinsk", "from Ghebi") or coordination with a place ("Athens and
  Thessaloniki"), when the article also writes the same name as a place by one of the above or by NER, or
  the name is a capital the lexicon knows (``seats_of_government``: "said in Dushanbe"):
  a preposition alone also puts organisations ("shares in Airbus", "a report from Amnesty"), unless the
  name is one word with an ending typical of a language's place names ("from Chakhtinsk", "to Velsund":
  ``place_name_endings``) that the article writes after such prepositions only.
A name that resolution finds is a person's (a surname of a full name, ``resolve._type_of``) stays a person.
A name the lexicon resolves to something else (a seat of government speaking) is left as it is.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from spacy.tokens import Doc, Token

from storyline.records import Mention
from storyline.stages.entities.lexicon import PLACE_LABELS, EntityLexicon, fold_name

__all__ = ["after_dateline", "in_dateline", "places_by_context", "tagged_place_keys"]

# A dateline: capitalised place names opening a paragraph, maybe a country or date after a comma, then a
# dash or a full stop ("LIMNI/ATHENS - ", "KARDZHALI, Bulgaria - ", "CHUDSCHAND. On the second day").
DATELINE = re.compile(r"(?m)^(?P<places>[^\W\d_a-z][^\W\d_a-z /'-]{2,})(?:,[^\n]{0,40}?)?\s*(?:[-—–]\s|\.\s)")
# "Busan-based", "Athens-born": the name before it is a place.
PLACE_BASED = re.compile(r"(?<=\w)-(?:based|born)$")
ACTOR_LABELS = frozenset({"PERSON", "ORG"})
WORD_AFTER = re.compile(r"\s+(\w+)")
WORD_BEFORE = re.compile(r"(\w+)\s+$")
NOUN_OF_BEFORE = re.compile(r"(\w+)\s+of\s+$")
ADJECTIVE_BEFORE = re.compile(r"\b([a-z]+)\s+$")  # in lower case: "Northern Rock" is a name's own word


def after_dateline(text: str, start: int, end: int) -> int:
    """Where a name starts once a dateline the small model ran into it is cut off ("GYUMRI, Armenia -
    Gyumri's incumbent mayor", tagged one organisation from "Armenia" on): after the dateline's dash when
    that falls inside the span, else ``start``. Only a dateline opening the line: "Wal - Mart" of a
    tokenised text keeps its dash."""
    dateline = DATELINE.match(text, text.rfind("\n", 0, start) + 1)
    return dateline.end() if dateline is not None and start < dateline.end() < end else start


def in_dateline(text: str, start: int, end: int) -> bool:
    """Whether ``start:end`` lies in the place names of a dateline opening its line ("ATHENS, Dec 3 - ")."""
    dateline = DATELINE.match(text, text.rfind("\n", 0, start) + 1)
    return dateline is not None and dateline.start("places") <= start and end <= dateline.end("places")


def places_by_context(doc: Doc, text: str, names: list[Mention], lexicon: EntityLexicon) -> list[Mention]:
    """``names`` with each PERSON or ORG name the article writes as a place relabelled GPE."""
    datelines = [match.span("places") for match in DATELINE.finditer(text)]
    written_as_place = [
        _eligible(mention) and _is_written_as_place(text, mention, datelines, lexicon) for mention in names
    ]
    place_keys = {
        fold_name(mention.text)
        for mention, is_place in zip(names, written_as_place, strict=True)
        if is_place or mention.label in PLACE_LABELS
    }
    place_roots = _place_roots(doc, names, written_as_place)
    # names the article writes only after a place preposition: "said Tarnholm was trying" is a government
    # acting, so the ending alone does not make "in Tarnholm" of the same article a place
    after_preposition_of = [_after_place_preposition(text, m.start, lexicon) for m in names]
    not_after_preposition = {
        fold_name(m.text) for m, after in zip(names, after_preposition_of, strict=True) if not after
    }

    def put_as_place(mention: Mention, after_preposition: bool) -> bool:
        return _eligible(mention) and (
            (after_preposition and _is_place_key(fold_name(mention.text), place_keys))
            # "he said in Dushanbe", tagged an organisation in the one report naming the capital once
            or (after_preposition and fold_name(mention.text) in lexicon.seats_of_government)
            or (
                after_preposition
                and _has_place_ending(mention.text, lexicon)
                and fold_name(mention.text) not in not_after_preposition
            )
            or _coordinated_with(doc, mention, place_roots, lexicon)
        )

    return [
        _as_place(mention) if is_place or put_as_place(mention, after) else mention
        for mention, is_place, after in zip(names, written_as_place, after_preposition_of, strict=True)
    ]


def _is_place_key(key: str, place_keys: set[str]) -> bool:
    """A place's name, or places joined by "and" that the small model tagged one name ("between Limni and
    Rovies" as an organisation)."""
    return key in place_keys or all(part in place_keys for part in key.split(" and "))


def _has_place_ending(name: str, lexicon: EntityLexicon) -> bool:
    """One capitalised word, not an acronym, ending as a language's place names do."""
    return name.isalpha() and name[1:].islower() and name.lower().endswith(lexicon.place_name_endings)


def _eligible(mention: Mention) -> bool:
    return mention.label in ACTOR_LABELS and mention.refers_to is None and mention.role is None


def _is_written_as_place(
    text: str, mention: Mention, datelines: list[tuple[int, int]], lexicon: EntityLexicon
) -> bool:
    in_dateline = mention.text.isupper() and any(
        s <= mention.start and mention.end <= e for s, e in datelines
    )
    after = WORD_AFTER.match(text, mention.end)
    noun_after = after is not None and after.group(1) in lexicon.place_nouns
    return (
        PLACE_BASED.search(mention.text) is not None
        or in_dateline
        or noun_after
        or _word_before(text, mention.start, NOUN_OF_BEFORE) in lexicon.place_nouns
        or _word_before(text, mention.start, ADJECTIVE_BEFORE) in lexicon.place_adjectives
    )


def _word_before(text: str, start: int, pattern: re.Pattern[str]) -> str | None:
    match = pattern.search(text[max(0, start - 40) : start])
    return match.group(1).lower() if match else None


def _after_place_preposition(text: str, start: int, lexicon: EntityLexicon) -> bool:
    return _word_before(text, start, WORD_BEFORE) in lexicon.place_prepositions


def _place_roots(doc: Doc, names: list[Mention], written_as_place: list[bool]) -> set[int]:
    """Token indices of the heads of the article's places (tagged or written so)."""
    roots = set()
    for mention, is_place in zip(names, written_as_place, strict=True):
        if is_place or mention.label in PLACE_LABELS:
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is not None and len(span):
                roots.add(span.root.i)
    return roots


def _coordinated_with(doc: Doc, mention: Mention, place_roots: set[int], lexicon: EntityLexicon) -> bool:
    """ "from Athens and Thessaloniki": a conjunct of a place, the coordination put as a place by a
    preposition ("Russia and Gazprom" may be two actors)."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    root: Token = span.root
    conjuncts = {child.i for child in root.children if child.dep_ == "conj"}
    if root.dep_ == "conj":
        conjuncts.add(root.head.i)
    if not conjuncts & place_roots:
        return False
    first = doc[min(conjuncts | {root.i})].left_edge
    return first.i > 0 and doc[first.i - 1].lower_ in lexicon.place_prepositions


def _as_place(mention: Mention) -> Mention:
    """The place a name is, less the "-based" of "Busan-based" (the small model tags it a person)."""
    based = PLACE_BASED.search(mention.text)
    end = mention.start + based.start() if based else mention.end
    return Mention(mention.article, mention.start, end, mention.text[: end - mention.start], "GPE")


def tagged_place_keys(keyed: Sequence[tuple[str, Mention]]) -> frozenset[str]:
    """Folded names a story writes as places somewhere (NER or the article's evidence above) and as an
    organisation no more often: the small model tags one village a person in one sentence and a place in
    the next ("in Racha" seven times a person, three times a place across the quake story), and the article
    evidence of one report holds for the story's other reports. Whether such a name is a person's is
    resolution's test (a surname or full name of the story), made first."""
    counts = Counter(
        (key, "PLACE" if m.label in PLACE_LABELS else m.label) for key, m in keyed if m.refers_to is None
    )
    return frozenset(
        key for (key, label), count in counts.items() if label == "PLACE" and count >= counts[key, "ORG"]
    )
