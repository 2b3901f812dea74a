"""NER output that is not an actor, dropped before mentions become entities.

The small English model tags what looks like a name: a German word an editor left in brackets
("[Gefangenenaustausch]" as a person), a capitalised common word opening a sentence ("Email", "Army chief …"
as an organisation), a span that runs over a sentence end ("X. They" as an organisation), a phrase in lower
case ("the state fodder reserve" as an organisation, "the lorry fleet" as a person). A word run on into the
front of a name ("Having Jackman" as a person: a sentence-opening gerund) is cut off
(``without_leading_word``, issue #17). Each test reads the parse (sentence starts, part of speech) and the
brackets around the span; words inside a foreign fragment are dropped by ``mentions.extract_mentions``
from the language stage's spans.

A vessel's name ("the tanker Haedong Pioneer", "the barge Seosan 3"), which the small model tags an
organisation or a person, is a thing: OntoNotes files vehicles under PRODUCT, and the brief, whose entities
are actors and places, shows it as neither (``without_vessels``), here and wherever the article repeats it
(issue #17, generalise spill: a third of that story's wrong actors). Its owner stays the actor.
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from storyline.lexicons import load_lexicon
from storyline.records import ROLE_LABEL, Mention
from storyline.stages.entities.businesses import vessel_names
from storyline.stages.entities.lexicon import (
    EntityLexicon,
    described_words,
    fold_name,
    institution_words,
    is_native_name,
    words_match,
)
from storyline.stages.entities.transliteration import given_name_rows

__all__ = [
    "as_family_descriptions",
    "is_noise",
    "without_descriptions_of_named_bodies",
    "without_leading_word",
    "without_vessels",
]
ACTOR_LABELS = frozenset({"PERSON", "ORG"})
# Penn tags of a verb's base form and participles: "Having Jackman", "Asked Smith" — no name opens with one
# (the small model tags a given name inside a name NNP, and a finite verb is cut in ``mentions._name_span``).
VERB_FORM_TAGS = frozenset({"VB", "VBG", "VBN"})
# Parts of speech of a sentence-opening word that is no part of the name after it ("Meanwhile Jackman",
# "But Jackman"); nouns and adjectives may be a given name the model misread ("Rose", "Frank").
NOT_NAME_POS = frozenset({"VERB", "AUX", "ADV", "ADP", "CCONJ", "SCONJ", "PRON", "DET", "PART", "INTJ"})

BRACKETS = {"[": "]", "(": ")"}
# The word right after a name ("family" of "the Xantakis family").
FAMILY_WORD = re.compile(r" ([a-z]+)\b")


def is_noise(doc: Doc, text: str, mention: Mention, lexicon: EntityLexicon) -> bool:
    """Whether a name found by NER is a bracketed word, a sentence-initial common word, runs over a
    sentence end, a stance adjective ("pro-Clinton") or a phrase in lower case with no organisation's head
    word."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    return (
        _lower_case_phrase(mention, lexicon)
        or _stance_adjective(mention, lexicon)
        or (_bracketed_word(text, mention) and not _glosses_an_organisation(doc, text, mention))
        or _crosses_sentence_end(span)
        or (len(span) == 1 and bool(span[0].is_sent_start) and _common_word(span[0], text))
    )


def as_family_descriptions(text: str, names: list[Mention], lexicon: EntityLexicon) -> list[Mention]:
    """The names with each lone surname tagged a person between "the" and a family noun ("the Xantakis
    family", "the Xanthakis brothers") made the description of that family: it names several people, and
    joined to one of them it made a family one brother (issue #17, generalise thessaloniki-bid). Kept as a
    description, not dropped, so that recovery does not find the surname there again."""
    result = []
    for mention in names:
        after = FAMILY_WORD.match(text, mention.end)
        start = mention.start - len("the ")
        family = (
            mention.label == "PERSON"
            and " " not in mention.text
            and after is not None
            and after[1] in lexicon.family_nouns
            and text[max(start, 0) : mention.start].lower() == "the "
        )
        if family and after is not None:
            phrase = text[start : after.end()]
            result.append(Mention(mention.article, start, after.end(), phrase, ROLE_LABEL, role=phrase))
        else:
            result.append(mention)
    return result


def without_descriptions_of_named_bodies(names: list[Mention], lexicon: EntityLexicon) -> list[Mention]:
    """``names`` less each phrase with an organisation's head word in lower case ("world federation",
    "Georgian federation", which the small model tags an organisation or a place) whose words all stand in
    the name of an organisation the article writes capitalised ("Federation of World Weightlifting"):
    it describes that body, and the description rules (``entities.descriptions``) read it so. Kept as a
    name, it made a second body (issue #17, generalise tbilisi-doping). A phrase no name explains stays:
    "foreign ministry" is the country's ministry (``entities.ministries``)."""
    named = [institution_words(m.text, lexicon) for m in names if m.label == "ORG" and _capitalised_head(m)]

    def describes_named_body(mention: Mention) -> bool:
        words = mention.text.split()
        if len(words) < 2 or not words[-1].islower() or words[-1] not in lexicon.org_head_words:
            return False
        wanted = described_words(mention.text, lexicon)
        return any(all(any(words_match(w, o) for o in name) for w in wanted) for name in named)

    return [mention for mention in names if not describes_named_body(mention)]


def _capitalised_head(mention: Mention) -> bool:
    """Whether a name's words before any "of" end in a capitalised word ("Federation of World …")."""
    head = mention.text.split(" of ")[0].split()
    return bool(head) and head[-1][:1].isupper()


def without_leading_word(doc: Doc, text: str, mention: Mention, names: list[Mention]) -> Mention | None:
    """A person's or organisation's name less the sentence's opening word when it is not part of it: a verb
    form ("Having Jackman", tagged a person in ECB+ 2_4, whose lone "Jackman" then had two people to join),
    or a common word the parse reads as no noun ("Meanwhile Jackman") and that is no given name of the
    lexicon's tables. None when nothing of the name is left. An organisation is cut only where the article
    names the rest alone ("Feeding America" stays unless "America" stands alone elsewhere)."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if (
        mention.label not in ACTOR_LABELS
        or span is None
        or len(span) < 2
        or not _leading_non_name(span[0], text)
    ):
        return mention
    rest = span[1:]
    if not any(token.is_alpha for token in rest):
        return None
    start = max(rest.start_char, mention.start)
    surface = mention.text[start - mention.start :]
    if mention.label == "ORG" and not any(fold_name(m.text) == fold_name(surface) for m in names):
        return mention
    return replace(mention, start=start, text=surface)


def _leading_non_name(token: Token, text: str) -> bool:
    """Only a sentence's first word: capitalised inside a sentence, a verb form belongs to a title the model
    tagged a name ("the sequel Catching Fire", "Charged with Murdering Sheriff's Deputy" in ECB+ topics 6
    and 16), and cutting it leaves a common word standing as an actor."""
    if not token.is_sent_start:
        return False
    if token.tag_ in VERB_FORM_TAGS:
        return True
    return (
        token.pos_ in NOT_NAME_POS
        and not token.is_upper
        and _common_word(token, text)
        and not given_name_rows(fold_name(token.text))
    )


def _lower_case_phrase(mention: Mention, lexicon: EntityLexicon) -> bool:
    """ "the state fodder reserve", "the plant's lorry fleet": a phrase the article writes in lower case is
    no name, unless its head is an organisation's ("foreign ministry", which ``ministries`` names)."""
    words = mention.text.split()
    return mention.text.islower() and words[-1] not in lexicon.org_head_words


def _stance_adjective(mention: Mention, lexicon: EntityLexicon) -> bool:
    """ "pro-Clinton", "anti-Trump": a stance towards the actor, not the actor; folded, it read as a full
    name of a second person of the surname."""
    prefix, hyphen, _ = mention.text.partition("-")
    return bool(hyphen) and prefix.lower() in lexicon.stance_prefixes


def _common_word(token: Token, text: str) -> bool:
    """A word the article itself writes in lower case, or a function word: capitalised only because it
    opens the sentence. A part-of-speech test alone dropped company names opening a sentence ("Apple")."""
    return bool(token.is_stop) or re.search(rf"(?<!\w){re.escape(token.lower_)}(?!\w)", text) is not None


def _bracketed_word(text: str, mention: Mention) -> bool:
    """The whole content of a bracket, not an acronym: "(NIS)" after a long form names it; "[Wort]" glosses
    the word before it."""
    before = text[mention.start - 1 : mention.start] if mention.start else ""
    after = text[mention.end : mention.end + 1]
    return before in BRACKETS and BRACKETS[before] == after and not mention.text.isupper()


def _glosses_an_organisation(doc: Doc, text: str, mention: Mention) -> bool:
    """ "The Border Guard (Rajavartiolaitos)": a body's own-language name in round brackets right after an
    organisation's name is that organisation's other name (``mentions`` links the two), not a gloss of a
    word to drop."""
    if not is_native_name(mention.text) or text[mention.start - 1 : mention.start] != "(":
        return False
    before = text[: mention.start - 1].rstrip()
    return any(e.label_ == "ORG" and text[: e.end_char].rstrip(" (") == before for e in doc.ents)


def _crosses_sentence_end(span: Span) -> bool:
    """A sentence start inside the name, but not the small model's break after an abbreviated given name
    ("Ma." of "Ma. Teresa Reyes": ``nicknames.names_after_abbreviated_given_names``)."""
    return any(token.is_sent_start and not _after_given_name_abbreviation(token) for token in span[1:])


def _after_given_name_abbreviation(token: Token) -> bool:
    given = load_lexicon("entities")["given_name_abbreviations"]
    words = [t.lower_ for t in token.doc[max(0, token.i - 2) : token.i]]  # "ma", "." or "ma."
    return "".join(words) in given or (bool(words) and words[-1] in given)


def without_vessels(
    text: str, names: list[Mention], mentions: list[Mention], lexicon: EntityLexicon
) -> list[Mention]:
    """``mentions`` less the actor mentions of a vessel the article introduces among ``names``: its name,
    a tail of it ("Spirit" of "the Hebei Spirit", the model's span) or a mention standing for it."""
    vessels = vessel_names(text, names, lexicon)
    if not vessels:
        return mentions
    surfaces = {m.text for m in names if fold_name(m.text) in vessels}

    def is_vessel(mention: Mention) -> bool:
        if mention.label not in ACTOR_LABELS:
            return False
        if mention.refers_to is not None:
            return fold_name(mention.refers_to) in vessels
        return fold_name(mention.text) in vessels or any(
            len(surface) > len(mention.text) and text.startswith(surface, mention.end - len(surface))
            for surface in surfaces
        )

    return [mention for mention in mentions if not is_vessel(mention)]
