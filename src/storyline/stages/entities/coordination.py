"""Organisation names with a coordination inside them, which the small model cuts at the "and" or the comma.

"Sughd Cement and Chemical Works" comes out as "Chemical Works" (or "Sughd Cement" | "Chemical Works"), and
"Ministry of Labour, Migration and Employment" as "Ministry of Labour" | "Migration and Employment". Two
actors side by side have the same shape ("the Ministry of Health, Oxfam and Unicef"), so a cut is joined
only on evidence that the words are one name: the parse attaching the list to the name's last word (a
ministry's portfolios are conjuncts of its first portfolio; Oxfam is a conjunct of the ministry), or an
acronym in the article spelling the initials of the joined words ("SCCW"). A body named for its fields
("Centre for Volcanology and Geological Hazard Mitigation") goes on over words the model tagged a body of
their own only when they read as no name of one. Hand-written over spaCy's parse.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from storyline.records import Mention
from storyline.stages.entities.known import is_known_organisation
from storyline.stages.entities.lexicon import PLACE_LABELS, EntityLexicon

__all__ = [
    "acronyms_given_in_brackets",
    "organisations_joined_by_their_acronym",
    "organisations_joined_over_trade_words",
    "organisations_over_portfolio_lists",
]

# Capitalised words, then "and", right before a name: "Sughd Cement and |Chemical Works".
WORDS_AND_BEFORE = re.compile(r"((?:[A-Z][\w'’-]*\s+)+)and\s+$")
# An acronym word of the article: what the joined name must spell.
ACRONYM_WORD = re.compile(r"\b[A-Z]{3,6}\b")
# An acronym in brackets right after a name: "Open Sea Rescue Collective (OSRC)".
BRACKETED_ACRONYM = re.compile(r"\s*\(\s*([A-Z]{3,6})\s*\)")
# "and" and one capitalised word after a name, the name going on no further: "Thermaikos Shipping| and Ports".
AND_ONE_WORD_AFTER = re.compile(r"\s+(?:and|&)\s+([A-Z][a-z]+)\b(?![ \t]+[A-Z])")
# Entity labels of words that name a place, a nation or a person, never a field a body covers.
NAMED_NOT_BODY_LABELS = PLACE_LABELS | {"NORP", "PERSON"}
# How far before a name the coordinated words may start.
COORDINATED_CHARS = 80


def organisations_over_portfolio_lists(
    doc: Doc, names: list[Mention], lexicon: EntityLexicon
) -> list[Mention]:
    """ "Ministry of Labour, Migration and Employment": a ministry's (or department's) name continues over
    ", X and Y" when the parse makes X a conjunct of the name's last word (its first portfolio) and the list
    is capitalised single words; whatever the model tagged inside the list goes."""
    result: list[Mention] = []
    joined_ends: list[tuple[int, int]] = []
    for mention in names:
        if any(start <= mention.start < end for start, end in joined_ends):
            continue
        end = _portfolio_list_end(doc, mention, lexicon, names)
        if end is None:
            result.append(mention)
            continue
        text = doc.text[mention.start : end]
        result.append(Mention(mention.article, mention.start, end, text, "ORG"))
        joined_ends.append((mention.end, end))
    return result


def _portfolio_list_end(
    doc: Doc, mention: Mention, lexicon: EntityLexicon, names: list[Mention]
) -> int | None:
    words = mention.text.lower().split()
    if mention.label != "ORG" or mention.refers_to is not None or len(words) < 3:
        return None
    if words[0] not in lexicon.field_list_org_heads or words[1] not in {"of", "for"}:
        return None
    last = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if last is None or last.end + 1 >= len(doc) or doc[last.end - 1].ent_type_ in PLACE_LABELS:
        return None
    # the model's cut may fall before the "and" or after it ("Institute for Seismology and| Coastal …")
    conjunction = last.end - 1 if doc[last.end - 1].lower_ == "and" else last.end
    if doc[conjunction].lower_ == "and":
        after, field = conjunction + 1, conjunction - 1
        single = _second_portfolio_end(doc, after, field, names)
        return single if single is not None else _second_field_end(doc, after, field, lexicon)
    if doc[last.end].text != ",":
        return None
    first_item = doc[last.end + 1]
    if first_item.dep_ != "conj" or first_item.head.i != last.end - 1:
        return None
    items = list(first_item.subtree)
    if items[0].i != first_item.i or not all(_list_word(token) for token in items):
        return None
    if not any(token.lower_ == "and" for token in items):
        return None
    return items[-1].idx + len(items[-1].text)


def _second_portfolio_end(doc: Doc, index: int, last_portfolio: int, names: list[Mention]) -> int | None:
    """ "Ministry of Oceans |and Fisheries": one capitalised word after the "and", a conjunct of the name's
    last word in which the model saw no entity at all (it tags "Oxfam" of "the Ministry of Health and Oxfam",
    if only as a nationality, so Oxfam stays an actor of its own)."""
    token = doc[index]
    if (
        token.dep_ != "conj"
        or token.head.i != last_portfolio
        or not _list_word(token)
        or token.lower_ == "and"
    ):
        return None
    if len(list(token.subtree)) != 1 or token.ent_type_ or any(m.start <= token.idx < m.end for m in names):
        return None
    return token.idx + len(token.text)


def _second_field_end(doc: Doc, index: int, last_field: int, lexicon: EntityLexicon) -> int | None:
    """ "Centre for Volcanology |and Geological Hazard Mitigation": capitalised words after the "and", the
    last a conjunct of the name's last word and the others its modifiers, go on with the name even where the
    model tagged them an organisation of their own (issue #17, generalise java-eruption). Two bodies side by
    side parse the same ("the Ministry of Health and Amnesty International"), so the words must not read as
    a body's name: none of them a place, a nation or a person, the last no head of an organisation, not a
    name the lexicon knows, and not written anywhere in the article but after an "and"."""
    field = next((t for t in doc[index:] if t.dep_ not in {"compound", "amod"}), None)
    if field is None or field.i == index or field.dep_ != "conj" or field.head.i != last_field:
        return None
    words = doc[index : field.i + 1]
    if not all(_list_word(t) and (t.i == field.i or index <= t.head.i <= field.i) for t in words):
        return None
    if any(t.lower_ == "and" or t.text == "," or t.ent_type_ in NAMED_NOT_BODY_LABELS for t in words):
        return None
    if field.lower_ in lexicon.org_head_words | lexicon.civic_group_heads | lexicon.international_words:
        return None
    if is_known_organisation(words.text) or _written_alone(doc.text, words.text):
        return None
    return field.idx + len(field.text)


def _written_alone(text: str, words: str) -> bool:
    """Whether the article writes the words somewhere not right after an "and": a name of its own."""
    return any(
        not text[: found.start()].rstrip().endswith(" and")
        for found in re.finditer(rf"(?<![\w-]){re.escape(words)}(?![\w-])", text)
    )


def _list_word(token: Token) -> bool:
    """A word of a portfolio list: a capitalised single word, "and" or a comma — never a nested phrase."""
    return token.lower_ == "and" or token.text == "," or (token.text[:1].isupper() and token.text.isalpha())


def organisations_joined_by_their_acronym(
    text: str, names: list[Mention], lexicon: EntityLexicon
) -> list[Mention]:
    """ "Sughd Cement and Chemical Works (SCCW)", which the small model tags "Chemical Works" or cuts at the
    "and": an organisation right after capitalised words and "and" is one name with them when an acronym of
    the article spells the initials of all of them (function words skipped)."""
    acronyms = set(ACRONYM_WORD.findall(text))
    joined: dict[int, Mention] = {}
    for mention in names:
        if mention.label != "ORG" or mention.refers_to is not None:
            continue
        window_start = max(0, mention.start - COORDINATED_CHARS)
        before = WORDS_AND_BEFORE.search(text[window_start : mention.start])
        if before is None:
            continue
        # the name may start after a capitalised word opening the sentence ("The Sughd Cement and …")
        starts = [
            window_start + before.start() + word.start() for word in re.finditer(r"\S+", before.group(1))
        ]
        start = next((s for s in starts if _initials(text[s : mention.end], lexicon) in acronyms), None)
        if start is not None:
            joined[mention.start] = Mention(
                mention.article, start, mention.end, text[start : mention.end], "ORG"
            )
    if not joined:
        return names
    covered = [(m.start, m.end) for m in joined.values()]
    kept = [
        joined.get(m.start, m)
        for m in names
        if m.start in joined or not any(start <= m.start and m.end <= end for start, end in covered)
    ]
    return kept


def acronyms_given_in_brackets(text: str, names: list[Mention], lexicon: EntityLexicon) -> list[Mention]:
    """ "Open Sea Rescue Collective (OSRC)": an acronym the small model left untagged, in brackets right after
    an organisation whose initials it spells, is a mention of that organisation there and wherever else the
    article writes it (issue #17, generalise shipwreck: a volunteer group introduced so in every report).
    The spelling is the evidence: "(AFP)" after a name that does not spell it is left alone."""
    found: list[Mention] = []
    for mention in names:
        bracketed = BRACKETED_ACRONYM.match(text, mention.end)
        if mention.label != "ORG" or mention.refers_to is not None or bracketed is None:
            continue
        acronym = bracketed.group(1)
        if _initials(mention.text, lexicon).upper() != acronym:
            continue
        for written in re.finditer(rf"\b{acronym}\b", text):
            if not any(m.start < written.end() and written.start() < m.end for m in names + found):
                found.append(
                    Mention(mention.article, written.start(), written.end(), acronym, "ORG", mention.text)
                )
    return sorted(names + found, key=lambda m: (m.start, m.end)) if found else names


def _initials(name: str, lexicon: EntityLexicon) -> str:
    words = [w for w in re.findall(r"[\w'’]+", name) if w.lower() not in lexicon.acronym_stopwords]
    return "".join(word[0] for word in words) if len(words) >= 3 else ""


def organisations_joined_over_trade_words(
    text: str, names: list[Mention], lexicon: EntityLexicon
) -> list[Mention]:
    """ "Thermaikos Shipping and Ports", which the small model cuts into "Thermaikos Shipping" (an
    organisation or a person) and "Ports" (issue #17, generalise thessaloniki-bid): a name ending in a word
    of trade (``coordinated_trade_words``: shipping, oil, mining …) goes on over "and" and one more such
    word. A trade word alone names no one, so two actors side by side ("Apple and Microsoft") never have
    that shape."""
    trades = lexicon.coordinated_trade_words
    joined: list[Mention] = []
    for mention in names:
        words = mention.text.split()
        if mention.label not in {"ORG", "PERSON"} or mention.refers_to is not None or len(words) < 2:
            continue
        after = AND_ONE_WORD_AFTER.match(text, mention.end)
        if after is None or words[-1].lower() not in trades or after.group(1).lower() not in trades:
            continue
        end = after.end(1)
        joined.append(Mention(mention.article, mention.start, end, text[mention.start : end], "ORG"))
    if not joined:
        return names
    covered = [(m.start, m.end) for m in joined]
    kept = [m for m in names if not any(start <= m.start and m.end <= end for start, end in covered)]
    return sorted(kept + joined, key=lambda m: (m.start, m.end))
