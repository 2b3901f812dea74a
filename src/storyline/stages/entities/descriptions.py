"""Descriptions that stand for an actor of the same article: "the interior minister", "the union".

A definite noun phrase headed by a title word is a person description; one headed by an organisation word
is an organisation description. Here they are found in the parse, and each is handed to the module that
says what it refers back to: ``entities.person_descriptions`` (a person whose role has every content word
of the description, or a salient person just before it: news style avoids repeating the name) or
``entities.organisation_descriptions`` (the nearest organisation whose name has the description's words).
An organisation phrase capitalised throughout ("the Harlow District Court") is a name the small model
missed, not a description.
Hand-written: no library resolves descriptions for news offline; the parse comes from spaCy.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from storyline.records import ROLE_LABEL, Mention
from storyline.stages.entities.lexicon import PLACE_LABELS, EntityLexicon
from storyline.stages.entities.organisation_descriptions import (
    name_before_comma,
    named_organisations,
    repeated_description,
    resolve_organisation_description,
)
from storyline.stages.entities.person_descriptions import INDEFINITE_ARTICLES, resolve_person_description
from storyline.stages.entities.roles import NO_ROLES, ArticleRoles, with_role_nouns

__all__ = ["DescribedArticle", "resolve_descriptions"]

# Words opening a description that refers back: "the union", "her ministry", "this ministry".
DETERMINERS = frozenset({"the", "her", "his", "its", "their", "this"})
# A comma between a name and a description in apposition with it.
APPOSITION_COMMA = re.compile(r"\s*,\s*")
# Modifiers that make "body" a description of one organisation: "the governing body", "the sports body".
QUALIFYING_DEPS = frozenset({"amod", "compound"})


# Between a description and the name of the person it is: a space, or a comma opening an apposition, after
# what says which one of them it is ("The night guard on duty, X"; "The night guard who was on duty on
# the night of the break-in, X": issue #17, generalise kutaisi-museum-heist).
# An age may stand before the name ("The night guard on duty, 63-year-old X").
NAME_BESIDE = re.compile(r" |(?:\s+(?:on|at|in|who|that)\s+[^,.;:\"“”()]{1,50})?,\s*(?:\d{1,3}-year-old\s+)?")


@dataclass(frozen=True)
class DescribedArticle:
    """The article its descriptions are resolved in: the parse, its text (read once: ``Doc.text`` joins the
    tokens anew on each access), its names, and the people among them with a role given."""

    doc: Doc
    text: str
    article_id: str
    names: list[Mention]
    people: list[Mention]


def resolve_descriptions(
    doc: Doc,
    text: str,
    article_id: str,
    names: list[Mention],
    lexicon: EntityLexicon,
    roles: ArticleRoles = NO_ROLES,
) -> list[Mention]:
    """The descriptions of the article, each resolved to the actor it stands for where one is found.
    ``roles``: the role nouns the article gives its people (read as title words here) and the roles it
    gives them in apposition, by copula or by verb, matched as the titles written with names are."""
    people = [m for m in names if m.label == "PERSON" and m.role]
    article = DescribedArticle(doc, text, article_id, names, people)
    organisations = named_organisations(text, names, lexicon)
    resolved: list[Mention] = []
    finding = with_role_nouns(lexicon, roles)
    # "The retired teacher": an occupation is found as a title is, and resolved by salience only
    finding = replace(finding, title_words=finding.title_words | lexicon.occupation_nouns)
    for start, end, kind in _find_descriptions(doc, names, finding):
        if kind == "person":
            found = resolve_person_description(article, start, end, roles, lexicon)
        elif kind == "apposed":
            found = _apposed_organisation_mention(doc, text, article_id, start, end, organisations)
        elif (name_start := _proper_name_start(doc, start, end)) is not None:
            found = Mention(article_id, name_start, end, text[name_start:end], "ORG")
            # a name the small model missed (after a dateline: "ALMATY - The Harlow District Court …")
            # is still what "the court" further on refers back to
            organisations.append(found)
        elif kind == "org" and (named := _untagged_name_after(article, start, end)) is not None:
            # "The consumer group Proef-Keuze": the phrase describes the name right after it, which the small
            # model missed; it is that name's, never an earlier body's (issue #17, generalise recall)
            organisations.append(named)
            resolved.append(named)
            found = Mention(article_id, start, end, text[start:end], "ORG", refers_to=named.text)
        else:
            found = resolve_organisation_description(article, start, end, organisations, lexicon)
            if found is None or found.label == ROLE_LABEL:
                found = repeated_description(article, start, end, resolved, organisations, lexicon) or found
            if found is None or found.label == ROLE_LABEL:
                found = _person_named_beside(article, start, end) or found
        if found is not None:
            resolved.append(found)
    return resolved


# Entity types a capitalised word after a body's description may have and still be its untagged name.
UNTAGGED_NAME_TYPES = frozenset({"", "ORG", "PERSON", "PRODUCT", "WORK_OF_ART"})


def _untagged_name_after(article: DescribedArticle, start: int, end: int) -> Mention | None:
    """The organisation's name right after "the consumer group" (one space between) that no name found
    covers: capitalised words, joined by hyphens or spaces ("Proef-Keuze"), to the first word in lower case
    or punctuation. None where a name found is there (its own resolution), where the phrase opens with no
    "the", or where the capitalised word is a date, a place or a pronoun ("the agency I trust")."""
    doc, text = article.doc, article.text
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or span[0].lower_ != "the" or text[end : end + 1] != " " or span[-1].is_sent_end:
        return None
    following = [t for t in doc[span[-1].i + 1 :]]
    words: list[Token] = []
    for token in following:
        joined = bool(words) and token.idx == words[-1].idx + len(words[-1].text)
        if token.text == "-" and joined and not token.whitespace_:
            words.append(token)
            continue
        if not (token.is_alpha and token.text[:1].isupper()) or token.is_sent_start:
            break
        if token.pos_ == "PRON" or token.ent_type_ not in UNTAGGED_NAME_TYPES:
            break
        words.append(token)
    while words and words[-1].text == "-":
        words.pop()
    if not words:
        return None
    name_end = words[-1].idx + len(words[-1].text)
    if any(m.start < name_end and end < m.end for m in article.names):
        return None
    return Mention(article.article_id, words[0].idx, name_end, text[words[0].idx : name_end], "ORG")


def _person_named_beside(article: DescribedArticle, start: int, end: int) -> Mention | None:
    """ "the guard Koubat Erguechov", "the guard, Kubat Yergeshov, said": a body's word that names no body
    of the article ("guard", "team") but stands right before a person's name, a space or a comma between,
    is that person's post (a prison guard is a person; "the coast guard" would have found its body). Not
    a body a preposition governs: "a spokesman for the provincial government, X" is the spokesman's name."""
    span = article.doc.char_span(start, end, alignment_mode="expand")
    if span is None or span.root.dep_ == "pobj":
        return None
    person = next((m for m in article.names if _person_right_after(article.text, end, m)), None)
    if person is None:
        return None
    return Mention(article.article_id, start, end, article.text[start:end], "PERSON", refers_to=person.text)


def _person_right_after(text: str, end: int, mention: Mention) -> bool:
    return (
        mention.label == "PERSON"
        and mention.refers_to is None
        and bool(NAME_BESIDE.fullmatch(text, end, mention.start))
    )


def _find_descriptions(doc: Doc, names: list[Mention], lexicon: EntityLexicon) -> list[tuple[int, int, str]]:
    """Definite noun phrases headed by a title or organisation word: (start, end, kind). Read from each
    head token's left edge, so possessives count too ("the ministry's website" holds "the ministry"). A
    generic organisation word may hold a place ("the US manufacturer") and needs no article in apposition
    right before an organisation's name ("Russian flag carrier Aeroflot", "Irish low cost airline,
    Ryanair,")."""
    taken = [(m.start, m.end) for m in names if m.label not in PLACE_LABELS]
    taken_by_place = [(m.start, m.end) for m in names if m.label in PLACE_LABELS]
    organisation_ends = {m.start: m.end for m in names if m.label == "ORG"}
    commas = {token.idx for token in doc if token.text == ","}
    people = [m for m in names if m.label == "PERSON"]
    # "the bloc" is a description only of a body introduced so (``kinds``): never one left unresolved
    # "the force" only for an armed body named before it (``forces``), else it stays unresolved
    organisation_words = lexicon.org_head_words | lexicon.introduced_org_kinds | lexicon.armed_force_heads
    found = []
    for token in doc:
        kind = (
            "person"
            if token.lower_ in lexicon.title_words
            and (token.pos_ in {"NOUN", "PROPN"} or _occupation_read_as_comparative(token, lexicon))
            and not _possessor_of_organisation(token, lexicon)
            else "org"
            if (
                token.lemma_.lower() in organisation_words
                or token.lower_ in lexicon.staff_plurals | lexicon.governing_body_nouns
                or _qualified_body(token, lexicon)
            )
            and token.pos_ in {"NOUN", "PROPN"}
            else ""
        )
        # "the military's media wing": a possessor no description is headed by, read only as such an owner
        owner = kind == "org" or token.lower_ in lexicon.body_possessors
        possessed = _possessed_in_apposition(token, organisation_ends, lexicon) if owner else None
        if not kind and possessed is None:
            continue
        if possessed is not None:
            # "The army's media wing, Inter-Services Public Relations": the phrase is that name's, and the
            # army owning the wing is no mention of an organisation named with "army"
            token, kind = possessed, "apposed"
        left = [t for t in token.subtree if t.i <= token.i and not t.is_punct and _same_line(doc, t, token)]
        nationality = _nationality_before(doc, token) if kind == "org" else None
        generic = kind == "org" and token.lower_ in lexicon.generic_org_heads
        before_name = generic and _in_apposition_before(doc, token, organisation_ends, commas)
        # "Prosecutors said": a staff plural needs no article, but no word of its own either but one saying
        # which office ("Financial prosecutors said"), not how many or which of them ("three", "many", "US")
        bare_staff = token.lower_ in lexicon.staff_plurals and all(_names_the_office(t) for t in left[:-1])
        first = left[0] if left[0].lower_ in DETERMINERS or nationality is None else nationality
        if kind == "org" and (article := _article_of_name_after(doc, token, left[0], organisation_ends)):
            first = article
        if kind == "person" and (article := _article_of_occupation_before_name(doc, token, lexicon)):
            first = article
        end = token.idx + len(token.text)
        introducing = kind == "person" and _introduces_person(doc.text, first, end, people)
        opened = first.lower_ in DETERMINERS or nationality is not None or before_name or bare_staff
        if not (opened or introducing) or _tokens_between(first, token) > 5:
            continue
        start = first.idx
        blocking = taken if generic else taken + taken_by_place
        if any(start < taken_end and taken_start < end for taken_start, taken_end in blocking):
            continue
        found.append((start, end, kind))
    return found


# Adjectives that count or pick out some of a body's staff ("many prosecutors", "other prosecutors"): those
# are people, not the office they work for.
SOME_OF_STAFF = frozenset(
    {"many", "several", "few", "other", "some", "various", "numerous", "senior", "junior"}
)


def _names_the_office(token: Token) -> bool:
    """ "the", or an adjective saying which office ("financial", "federal") before a staff plural."""
    if token.lower_ == "the":
        return True
    return token.pos_ == "ADJ" and token.dep_ == "amod" and token.lower_ not in SOME_OF_STAFF


def _article_of_occupation_before_name(doc: Doc, head: Token, lexicon: EntityLexicon) -> Token | None:
    """ "the dispatcher Rouslan Kaliev": an occupation the parse hangs on the name after it, with the
    article before it hanging on the name too; the article opens the description, which is that name's
    (``person_descriptions``). None for anything else (a title before a name is the name's role)."""
    # the small model may read an occupation in "-er" as an adjective ("dispatcher/amod")
    if head.lower_ not in lexicon.occupation_nouns or head.dep_ not in {"compound", "amod"} or head.i == 0:
        return None
    article = doc[head.i - 1]
    return article if article.lower_ == "the" and article.head.i == head.head.i else None


def _tokens_between(first: Token, head: Token) -> int:
    """How many tokens a description runs before its head, a hyphenated word one ("the 29-year-old
    assistant driver": three)."""
    hyphens = sum(1 for t in first.doc[first.i : head.i] if t.text == "-" and not t.whitespace_)
    return head.i - first.i - 2 * hyphens


def _occupation_read_as_comparative(token: Token, lexicon: EntityLexicon) -> bool:
    """ "A second dispatcher, X": an occupation in "-er" the small model tags a comparative adjective."""
    return token.tag_ == "JJR" and token.lower_ in lexicon.occupation_nouns


def _introduces_person(text: str, first: Token, end: int, people: list[Mention]) -> bool:
    """ "A second dispatcher, Aidos Serikbayev, said"; "Janibek Ospanov, a 62-year-old retired miner,": an
    indefinite description is a mention only in apposition with a person's name, which it introduces; a
    bare "a dispatcher" is anyone."""
    if first.lower_ not in INDEFINITE_ARTICLES:
        return False
    return any(
        APPOSITION_COMMA.fullmatch(text, end, m.start) or APPOSITION_COMMA.fullmatch(text, m.end, first.idx)
        for m in people
    )


def _qualified_body(token: Token, lexicon: EntityLexicon) -> bool:
    """ "the governing body": a head naming any organisation, with a modifier that says which one."""
    return token.lower_ in lexicon.qualified_org_heads and any(
        child.dep_ in QUALIFYING_DEPS for child in token.children
    )


def _possessed_in_apposition(
    possessor: Token, organisation_ends: dict[int, int], lexicon: EntityLexicon
) -> Token | None:
    """The noun an organisation word owns when an organisation's name stands in apposition with it ("the
    military's media wing" beside "Inter-Services Public Relations"); else None. Never a title ("Farzana
    Achakzai, the commission's vice-chair", a person the small model may tag an organisation)."""
    possessed = possessor.head
    if possessor.dep_ != "poss" or possessed.i == possessor.i:
        return None
    # the whole written word: "vice-chair", which the parse splits at its hyphen
    word = possessed.doc.text[possessed.idx :].split(maxsplit=1)[0].strip(",.;:").lower()
    if {possessed.lower_, word, word.rsplit("-", 1)[-1]} & lexicon.title_words:
        return None
    apposed = [child for child in possessed.children if child.dep_ == "appos"]
    apposed += [possessed.head] if possessed.dep_ == "appos" else []
    if any(_in_name(token, organisation_ends) for token in apposed):
        return possessed
    after_name = name_before_comma(possessed.doc.text, possessor.left_edge.idx, organisation_ends.items())
    return possessed if after_name is not None and _closes_apposition(possessed) else None


def _closes_apposition(head: Token) -> bool:
    """Whether the phrase headed here ends its apposition: a comma or the sentence's end right after it."""
    return bool(re.match(r"\s*[,.;]", head.doc.text[head.idx + len(head.text) :]))


def _in_name(token: Token, organisation_ends: dict[int, int]) -> bool:
    return any(start <= token.idx < end for start, end in organisation_ends.items())


def _apposed_organisation_mention(
    doc: Doc, text: str, article_id: str, start: int, end: int, organisations: list[Mention]
) -> Mention | None:
    """The phrase at ``start:end`` as a mention of the organisation whose name is in apposition with its
    head (``_possessed_in_apposition``)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    head = span.root
    apposed = [child for child in head.children if child.dep_ == "appos"]
    apposed += [head.head] if head.dep_ == "appos" else []
    named = next((o for o in organisations for t in apposed if o.start <= t.idx < o.end), None)
    if named is None:
        spans = {(o.start, o.end): o for o in organisations}
        before = name_before_comma(text, start, spans)
        named = spans[before] if before is not None else None
    if named is None:
        return None
    return Mention(article_id, start, end, text[start:end], "ORG", refers_to=named.text)


def _same_line(doc: Doc, first: Token, last: Token) -> bool:
    """Whether no line break falls between two tokens: a dateline or headline is no part of the phrase
    after it, however the parse joined them ("June 13, 2005\nIrish low cost airline")."""
    return not any("\n" in doc[i].whitespace_ or doc[i].is_space for i in range(first.i, last.i))


def _in_apposition_before(doc: Doc, head: Token, organisation_ends: dict[int, int], commas: set[int]) -> bool:
    """Whether an organisation's name follows the head word directly ("carrier Aeroflot") or after a comma
    that another comma closes ("airline, Ryanair, announced"): the phrase before it describes that name."""
    after = head.i + 1
    if after < len(doc) and doc[after].idx in organisation_ends:
        return True
    if after + 1 >= len(doc) or doc[after].idx not in commas:
        return False
    return organisation_ends.get(doc[after + 1].idx, -1) in commas


def _article_of_name_after(
    doc: Doc, head: Token, left_edge: Token, organisation_ends: dict[int, int]
) -> Token | None:
    """ "the savings cooperative Ala-Too Kredit": a kind phrase right before an organisation's name, which
    the parse hangs with the article on the name; the article opens the phrase, which describes that
    name (``resolve_descriptions``). None where no name follows or no article opens the phrase."""
    after = head.i + 1
    if after >= len(doc) or doc[after].idx not in organisation_ends or left_edge.i == 0:
        return None
    article = doc[left_edge.i - 1]
    return article if article.lower_ == "the" and article.head.i == head.head.i != head.i else None


def _nationality_before(doc: Doc, head: Token) -> Token | None:
    """ "Armenian police said …": a nationality right before an organisation word in lower case, modifying
    it, needs no article to name that country's body, as "the Armenian police" does. Not a capitalised
    word (a name's: "European Commission") nor one with an article of its own ("a European company")."""
    if head.i == 0 or not head.is_lower or any(child.dep_ == "det" for child in head.children):
        return None
    before = doc[head.i - 1]
    return before if before.ent_type_ == "NORP" and before.head.i == head.i else None


def _possessor_of_organisation(token: Token, lexicon: EntityLexicon) -> bool:
    """ "the ombudsman's office", "the minister's office": a title word owning the word of the office its
    holder runs names that office's holder, and the phrase is the office (read from the organisation word),
    not a mention of the person. A title owning another organisation word ("the mayor's party") is the
    person as well."""
    head = token.head
    return token.dep_ == "poss" and head.lemma_.lower() in lexicon.holder_office_heads and head.i != token.i


def _proper_name_start(doc: Doc, start: int, end: int) -> int | None:
    """Where the name begins in "the Samarkand Regional Multidisciplinary Medical Centre": an organisation
    phrase whose words after the article are all capitalised is a name the small model did not tag, not a
    description referring back (which is lower case: "the medical centre"). None for anything else, and
    for a lone capitalised head ("the Centre", a short name that refers back)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) < 3 or span[0].lower_ != "the":
        return None
    words = [token for token in span[1:] if not token.is_punct]
    if len(words) < 2 or not all(token.text[:1].isupper() and token.pos_ == "PROPN" for token in words):
        return None
    return span[1].idx
