"""Descriptions that stand for an actor of the same article: "the interior minister", "the union".

A definite noun phrase headed by a title word is a person description; one headed by an organisation word
is an organisation description. Each refers back to a name of its article: a person whose role has every
content word of the description, a salient person just before it (news style avoids repeating the name),
or the nearest organisation whose name has the description's words. A person description no name of the
article explains keeps its role text for the collection-wide role index of ``entities.resolve``.
Hand-written: no library resolves descriptions for news offline; the parse comes from spaCy.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from spacy.tokens import Doc, Token

from storyline.records import ROLE_LABEL, Mention
from storyline.stages.entities.businesses import names_no_business, one_business_named_before, vessel_names
from storyline.stages.entities.kinds import introduced_by_kind, named_before_its_kind_phrase
from storyline.stages.entities.lexicon import (
    PLACE_LABELS,
    STEM_CHARS,
    EntityLexicon,
    content_words,
    described_words,
    fold_name,
    institution_words,
    words_match,
)
from storyline.stages.entities.ministries import office_of_minister
from storyline.stages.entities.repair import introduced_as, introduced_as_any
from storyline.stages.entities.roles import NO_ROLES, ArticleRoles, with_role_nouns

__all__ = [
    "SUBJECT_DEPS",
    "content_words",
    "is_organisation_description",
    "resolve_descriptions",
    "role_matches",
    "role_stems",
]

# Dependencies that make a name the agent of a statement or act: the subject of a verb.
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
# Words opening a description that refers back: "the union", "her ministry", "this ministry".
DETERMINERS = frozenset({"the", "her", "his", "its", "their", "this"})
# How many sentences before a person description may hold the one person it stands for.
SALIENCE_SENTENCES = 2
# What may stand between a description and the name it is in apposition with: the place or body of the
# office, then a comma ("The governor of the province, <name>, said").
APPOSED_NAME_GAP = re.compile(r"(?:\s+of\s+[^,.;:]{1,60})?,\s*")
# How far back (characters, about two sentences) "the group" may reach for an organisation named before it.
GENERIC_ANTECEDENT_CHARS = 400


def role_matches(description: str, role: str, lexicon: EntityLexicon) -> bool:
    """Every content word of the description has a form in the role ("the Lithuanian foreign minister" ~
    "Lithuanian Foreign Minister"; "the minister" ~ "Interior Minister"; "the hokim" ~ "regional
    governor"), but for the level of the office, which the role may leave out ("the regional governor" ~
    "Voivode")."""
    wanted = [_english_title(word, lexicon) for word in content_words(description, lexicon)]
    offered = [_english_title(word, lexicon) for word in content_words(role, lexicon)]
    if _other_sex(wanted, offered, lexicon):
        return False
    return any(w not in lexicon.office_level_words for w in wanted) and all(
        any(words_match(w, o) for o in offered) or w in lexicon.office_level_words for w in wanted
    )


def _other_sex(wanted: list[str], offered: list[str], lexicon: EntityLexicon) -> bool:
    """Whether a title of the description is a woman's and the role has the man's (or the reverse):
    "chairwoman" and "chairman" share a stem but never one holder."""
    women = lexicon.gendered_titles
    return any(women.get(w) == o or women.get(o) == w for w in wanted for o in offered)


def role_stems(text: str, lexicon: EntityLexicon) -> set[str]:
    """The stems ``role_matches`` compares a role or a description by: content words, a local title as its
    English one, no level of office — for blocking people by the words of their roles."""
    words = [_english_title(word, lexicon) for word in content_words(text, lexicon)]
    return {word[:STEM_CHARS] for word in words if word not in lexicon.office_level_words}


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
    # "the bloc" is a description only of a body introduced so (``kinds``): never one left unresolved
    organisation_words = lexicon.org_head_words | lexicon.introduced_org_kinds
    found = []
    for token in doc:
        kind = (
            "person"
            if token.lower_ in lexicon.title_words
            and token.pos_ in {"NOUN", "PROPN"}
            and not _possessor_of_organisation(token, lexicon)
            else "org"
            if (token.lemma_.lower() in organisation_words or token.lower_ in lexicon.staff_plurals)
            and token.pos_ in {"NOUN", "PROPN"}
            else ""
        )
        if not kind:
            continue
        left = [t for t in token.subtree if t.i <= token.i and not t.is_punct and _same_line(doc, t, token)]
        nationality = _nationality_before(doc, token) if kind == "org" else None
        generic = kind == "org" and token.lower_ in lexicon.generic_org_heads
        before_name = generic and _in_apposition_before(doc, token, organisation_ends, commas)
        # "Prosecutors said": a staff plural needs no article, but no word of its own either
        bare_staff = token.lower_ in lexicon.staff_plurals and all(t.lower_ == "the" for t in left[:-1])
        first = left[0] if left[0].lower_ in DETERMINERS or nationality is None else nationality
        if kind == "org" and (article := _article_of_name_after(doc, token, left[0], organisation_ends)):
            first = article
        opened = first.lower_ in DETERMINERS or nationality is not None or before_name or bare_staff
        if not opened or token.i - first.i > 5:
            continue
        start, end = first.idx, token.idx + len(token.text)
        blocking = taken if generic else taken + taken_by_place
        if any(start < taken_end and taken_start < end for taken_start, taken_end in blocking):
            continue
        found.append((start, end, kind))
    return found


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
    # each person with a role given, and for a role read from the parse its noun (``_role_antecedents``)
    titled: list[tuple[Mention, str, str | None]] = [(m, m.role or "", None) for m in people]
    holders = titled + [(given.person, given.role, given.noun) for given in roles.given]
    written_at = roles.written_at
    vessels = vessel_names(text, names, lexicon)  # never the antecedent of "the company" (issue #17)
    organisations = [
        m for m in names if m.label == "ORG" and m.refers_to is None and fold_name(m.text) not in vessels
    ]
    # An acronym names its organisation where it stands ("deputy head of the SCC, said the agency …").
    long_forms = {m.text for m in organisations}
    organisations += [
        replace(m, text=m.refers_to) for m in names if m.label == "ORG" and m.refers_to in long_forms
    ]
    resolved = []
    for start, end, kind in _find_descriptions(doc, names, with_role_nouns(lexicon, roles)):
        surface = text[start:end]
        if kind == "person":
            # a description in apposition with a name ("Its chairman, Nuriddin Walijew") or giving a role
            # itself ("Ron Howard, the former actor"; "Brand is the man") refers back to no role read from
            # the parse: not to "Jussufowa, who chairs …" named before, nor to the name it gives the role
            giving = _names_in_apposition(text, end, names, labels=frozenset({"PERSON", "ORG"}))
            giving = giving or end - len(_head_word(surface)) in written_at
            matches = _role_antecedents(surface, start, titled if giving else holders, lexicon)
            if _head_word(surface) in roles.nouns:
                # a role only this article made one (no title word): its one holder, named before it
                everyone = _role_antecedents(surface, len(text), holders, lexicon)
                person = next(iter(matches.values()), None)
                if not giving and len(everyone) == 1 and person is not None and person.end <= start:
                    refers_to = person.refers_to or person.text
                    resolved.append(Mention(article_id, start, end, surface, "PERSON", refers_to=refers_to))
                continue
            if len(matches) > 1 and (apposed := _apposed_person(text, start, matches.values())):
                matches = {fold_name(apposed.text): apposed}
            if len(matches) == 1:
                person = next(iter(matches.values()))
                refers_to = person.refers_to or person.text
                resolved.append(Mention(article_id, start, end, surface, "PERSON", refers_to=refers_to))
            elif not matches and (salient := _salient_person(doc, start, surface, names, lexicon)):
                resolved.append(
                    Mention(article_id, start, end, surface, "PERSON", refers_to=salient.text, role=surface)
                )
            else:  # no (or no single) antecedent here: the collection's role index may know the person
                resolved.append(Mention(article_id, start, end, surface, ROLE_LABEL, role=surface))
            continue
        if (name_start := _proper_name_start(doc, start, end)) is not None:
            resolved.append(Mention(article_id, name_start, end, text[name_start:end], "ORG"))
            # a name the small model missed (after a dateline: "ALMATY - The Harlow District Court …")
            # is still what "the court" further on refers back to
            organisations.append(resolved[-1])
            continue
        antecedent = (
            _name_right_after(text, end, organisations)
            or _organisation_antecedent(text, surface, start, organisations, lexicon)
            or named_before_its_kind_phrase(doc, text, surface, start, names, lexicon)
        )
        office = None if antecedent else office_of_minister(doc, surface, people, lexicon)
        if antecedent is not None or office is not None:
            name = antecedent.text if antecedent is not None else office
            resolved.append(Mention(article_id, start, end, surface, "ORG", refers_to=name))
        elif is_organisation_description(surface, lexicon):
            # "the union" in a report that never names it: the story may (``resolve``)
            resolved.append(Mention(article_id, start, end, surface, ROLE_LABEL, role=surface))
    return resolved


def _name_right_after(text: str, end: int, organisations: list[Mention]) -> Mention | None:
    """The organisation whose name follows the description after a space: the description is in
    apposition before it and says what it is ("the savings cooperative Ala-Too Kredit")."""
    follows = end + len(text[end:]) - len(text[end:].lstrip(" "))
    return next((org for org in organisations if org.start == follows and follows > end), None)


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


def _role_antecedents(
    description: str, start: int, holders: list[tuple[Mention, str, str | None]], lexicon: EntityLexicon
) -> dict[str, Mention]:
    """The people of the article whose role the description matches, by name (``holders``: each person
    with a role given and, for a role read from the parse, its noun, which must be the description's head:
    "his head" is not "the fourth head coach"). A description refers back: when people named before it
    match, those named after it do not compete ("The minister said" after Interior Minister Kharchilava,
    with the Prime Minister named only later)."""
    head = _head_word(description)
    matches = [
        p
        for p, role, noun in holders
        if role and role_matches(description, role, lexicon) and (noun is None or words_match(head, noun))
    ]
    before = [p for p in matches if p.end <= start]
    antecedents: dict[str, Mention] = {}
    for person in before or matches:  # the titled mention first: it holds its title (``_apposed_person``)
        antecedents.setdefault(fold_name(person.refers_to or person.text), person)
    return antecedents


def _head_word(description: str) -> str:
    """The last word of a description, its head ("the main defendant" → "defendant")."""
    return (description.lower().split() or [""])[-1]


def _apposed_person(text: str, start: int, people: Iterable[Mention]) -> Mention | None:
    """ "Abdurakhmon Khojaev, the chairman of the … region" (or "Its chairman, Nuriddin Valiev"): of several
    people whose roles match, the one whose name stands right beside the description, with the description
    opening the role the article gave that name — it is that name's apposition, whoever else of the
    article is a chairman."""
    for person in people:
        if not person.role or not text.startswith(person.role, start):
            continue
        role_end = start + len(person.role)
        between = text[person.end : start] if person.end <= start else text[role_end : person.start]
        beside = person.end <= start or role_end <= person.start
        if beside and len(between) <= 2 and between.strip() in {"", ","}:
            return person
    return None


def is_organisation_description(description: str, lexicon: EntityLexicon) -> bool:
    """ "the union", "the port authority": headed by an organisation word that names rarely hold in general
    ("the group" only ever refers to an organisation named just before it), or by a staff plural standing
    for its office ("Prosecutors", which the story's prosecutor's office may explain)."""
    words = content_words(description, lexicon)
    head_words = lexicon.org_head_words | lexicon.staff_plurals
    return bool(words) and words[-1] in head_words and words[-1] not in lexicon.generic_org_heads


def _salient_person(
    doc: Doc, start: int, description: str, names: list[Mention], lexicon: EntityLexicon
) -> Mention | None:
    """The person a description names by elegant variation: "The former Dutch Prime Minister stressed …"
    as the subject of a sentence right after sentences about one person (and only one) — news style for
    avoiding the name. Only a sentence subject qualifies, and only when the sentences before name no other
    person, and not a person the article gives other titles only: "the governor" after sentences about the
    WHO's representative is someone else, whom the story may name (issue #17); "the opposition leader"
    after sentences about the alliance's leader is that leader (the title word is what must agree). Never
    a contest's side ("the challenger"): that is the story's candidate, found by role (``resolve``)."""
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    if span is None or lexicon.contest_titles & set(content_words(description, lexicon)):
        return None
    first = span[0]
    noun = first.head if first.dep_ == "det" else first
    if noun.dep_ not in SUBJECT_DEPS or _names_in_apposition(doc.text, start + len(description), names):
        return None
    sentences = list(doc.sents)
    index = next(i for i, sentence in enumerate(sentences) if sentence.start <= first.i < sentence.end)
    if index == 0:
        return None
    window_start = sentences[max(0, index - SALIENCE_SENTENCES)].start_char
    people = [
        m for m in names if m.label == "PERSON" and window_start <= m.start < sentences[index].start_char
    ]
    surnames = {(fold_name(m.text).split() or [""])[-1] for m in people}
    if not people or len(surnames) != 1:
        return None
    roles = {m.role for m in names if m.label == "PERSON" and m.role and _surname(m) in surnames}
    if roles and not _titles_agree(description, roles, lexicon):
        return None
    return max(people, key=lambda m: len(m.text))


def _names_in_apposition(
    text: str, end: int, names: list[Mention], labels: frozenset[str] = frozenset({"PERSON"})
) -> bool:
    """Whether a person's name follows the description in apposition ("The governor of Dundgowi, <name>,
    said"): the description is that person's, never the one the sentences before were about. ``labels``
    may admit a person's name the small model tagged an organisation ("Its chairman, Nuriddin Walijew")."""
    return any(
        m.label in labels and m.start >= end and APPOSED_NAME_GAP.fullmatch(text, end, m.start) for m in names
    )


def _titles_agree(description: str, roles: set[str], lexicon: EntityLexicon) -> bool:
    """Whether every title word of the description ("governor") stands in one of the roles; the titles of
    a body's head ("chief", "director", "leader") stand for one another, and a local title for its English
    one ("hokim" for "governor") — but a woman's title never for a man's ("chairwoman", "chairman")."""

    def office(word: str) -> str:
        word = _english_title(word, lexicon)
        return "head" if word in lexicon.head_titles else word

    described = [word for word in content_words(description, lexicon) if word in lexicon.title_words]
    given = [word for role in roles for word in content_words(role, lexicon)]
    if _other_sex(described, given, lexicon):
        return False
    titles, offered = [office(word) for word in described], [office(word) for word in given]
    return all(any(words_match(title, word) for word in offered) for title in titles)


def _english_title(word: str, lexicon: EntityLexicon) -> str:
    """A local title as the English title of its office ("hokim" → "governor"); any other word as it is."""
    return lexicon.title_synonyms.get(word, word)


def _surname(mention: Mention) -> str:
    return (fold_name(mention.refers_to or mention.text).split() or [""])[-1]


def _organisation_antecedent(
    text: str, description: str, start: int, organisations: list[Mention], lexicon: EntityLexicon
) -> Mention | None:
    """The nearest organisation named before the description whose name has the description's words (a
    local institution word in English: "the parliament" for "Verkhovna Rada"); else the one organisation
    named before that the article introduced by the head word ("the Solidarity trade union"); else the one
    organisation named after the description with its words (``_one_named_after``). For a
    generic head ("the group"): the one organisation the article calls by that word or one of its kind ("A
    group calling itself Frost Owl", "Frost Owl, a hacking group", "the company X" for "the firm"),
    wherever it was introduced; else the nearest organisation named within a short distance before the
    description that the article did not introduce in another trade ("the US manufacturer" is not the
    "Irish low cost airline")."""
    before = [org for org in organisations if org.end <= start]
    wanted = described_words(description, lexicon)
    candidates = [org for org in before if _named_with(org, wanted, lexicon)]
    if candidates:
        return _nearest_unrivalled(text, start, candidates)
    if wanted and wanted[-1] not in lexicon.generic_org_heads:
        # "the union" after "the Solidarity trade union": the one organisation the article calls so;
        # "the bloc" after "the opposition Free City bloc" (``kinds``)
        kind_word = lexicon.introduced_org_kinds & {wanted[-1]}
        introduced_so = {
            fold_name(org.text): org
            for org in before
            if introduced_as(text, org, wanted[-1]) or introduced_by_kind(text, org, kind_word)
        }
        if len(introduced_so) == 1:
            return next(iter(introduced_so.values()))
        return None if introduced_so else _one_named_after(start, wanted, organisations, lexicon)
    if wanted and wanted[-1] in lexicon.generic_org_heads:
        kind = lexicon.generic_org_kinds.get(wanted[-1], frozenset({wanted[-1]}))
        introduced = {fold_name(org.text) for org in organisations if introduced_as_any(text, org, kind)}
        if len(introduced) == 1:
            return next(org for org in organisations if fold_name(org.text) in introduced)
        other_trades = _introduced_in_other_trades(text, kind, organisations, lexicon)
        business = bool(kind & lexicon.business_heads)
        candidates = [
            org
            for org in before
            if start - org.end <= GENERIC_ANTECEDENT_CHARS
            and fold_name(org.text) not in other_trades
            and not (business and names_no_business(org.text, lexicon))
        ]
        if not candidates and business:
            return one_business_named_before(before, lexicon)
    return max(candidates, key=lambda org: org.start) if candidates else None


def _one_named_after(
    start: int, wanted: list[str], organisations: list[Mention], lexicon: EntityLexicon
) -> Mention | None:
    """ "conceal from the regulator …" in a report that names the National Bank only further on: a
    description written before any name it fits refers to the one organisation the article names after it
    with the description's words; two such names, or none, and it stays unresolved."""
    after = {
        fold_name(org.text): org
        for org in organisations
        if org.start > start and _named_with(org, wanted, lexicon)
    }
    return next(iter(after.values())) if len(after) == 1 else None


def _named_with(organisation: Mention, wanted: list[str], lexicon: EntityLexicon) -> bool:
    """Whether the organisation's name has every word of the description (``institution_words``)."""
    words = institution_words(organisation.text, lexicon)
    return all(any(words_match(w, o) for o in words) for w in wanted)


def _nearest_unrivalled(text: str, start: int, candidates: list[Mention]) -> Mention | None:
    """The nearest of the organisations whose names hold the description's words; but where two of them
    were named before ("the Ministry of Labour" … "the Ministry of Finance" … "The ministry denied"), only
    one the description's paragraph names, else none: a wrong join costs more than a miss (issue #17,
    generalise strike)."""
    if len({frozenset(fold_name(org.text).split()) for org in candidates}) > 1:
        paragraph_start = text.rfind("\n", 0, start) + 1
        candidates = [org for org in candidates if org.start >= paragraph_start]
    return max(candidates, key=lambda org: org.start) if candidates else None


def _introduced_in_other_trades(
    text: str, kind: frozenset[str], organisations: list[Mention], lexicon: EntityLexicon
) -> set[str]:
    """The organisations the article introduces by a trade other than the description's ("Irish low cost
    airline, Ryanair" is not "the US manufacturer"); none for a broad word ("the company" may be any)."""
    if kind & lexicon.broad_org_heads:
        return set()
    trades = lexicon.generic_org_heads - lexicon.broad_org_heads - kind
    return {fold_name(org.text) for org in organisations if introduced_as_any(text, org, trades)}
