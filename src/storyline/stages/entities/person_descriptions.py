"""Which person of its article a person description stands for: "the interior minister", "the chairman".

A person whose role has every content word of the description (a local title read as its English one,
the level of the office optional), one named before it where any is; of several, the one in apposition
with it; of none, a salient person just before it (news style avoids repeating the name). A description no
name of the article explains keeps its role text for the collection-wide role index of ``entities.resolve``,
which compares roles by ``role_matches`` and blocks people by ``role_stems``. Split from
``entities.descriptions``, which finds the descriptions and calls ``resolve_person_description``.
Hand-written: no library resolves descriptions for news offline; the parse comes from spaCy.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span

from storyline.records import ROLE_LABEL, Mention
from storyline.stages.entities.lexicon import STEM_CHARS, EntityLexicon, content_words, fold_name, words_match
from storyline.stages.entities.roles import ArticleRoles

if TYPE_CHECKING:  # descriptions calls this module
    from storyline.stages.entities.descriptions import DescribedArticle

__all__ = ["INDEFINITE_ARTICLES", "SUBJECT_DEPS", "resolve_person_description", "role_matches", "role_stems"]

# Dependencies that make a name the agent of a statement or act: the subject of a verb.
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
# A possessor in a description: "the company's", "the plant’s".
POSSESSOR = re.compile(r"(\w+)['’]s\b")
# Articles opening a description that introduces a person rather than refers back to one.
INDEFINITE_ARTICLES = frozenset({"a", "an"})
# How many sentences before a person description may hold the one person it stands for.
SALIENCE_SENTENCES = 2
# What may stand between a description and the name it is in apposition with: the place or body of the
# office, then a comma and at most two capitalised words the name leaves out, a title or a form of address
# ("The governor of the province, <name>, said"; "The commander of the FC …, General <name>").
# A number's "No." is no sentence's end ("the assistant driver of train No. 54, <name>").
APPOSED_NAME_GAP = re.compile(r"(?:\s+of\s+(?:[^,.;:]|\bNo\.(?=\s*\d)){1,60})?,\s*(?:[A-Z][\w.]*\s+){0,2}")
# Between a role and the name the parse gives it in apposition after it: a comma and a form of address
# the name leaves out ("Its owner, Hadji Khouda Bakhch Raïssani"), or one space ("through its loss
# adjuster Mikheil Beridze").
GIVEN_NAME_GAP = re.compile(r",\s*(?:[A-Z][\w.]*\s+)?| ")
# What closes a description in apposition after a name: the body of the office or what marks the person
# out ("a retired miner with a broken arm"), then a comma.
CLOSED_APPOSITION = re.compile(r"(?:\s+(?:of|for|at|with)\s+[^,.;:]{1,60})?\s*,")


def resolve_person_description(
    article: DescribedArticle, start: int, end: int, roles: ArticleRoles, lexicon: EntityLexicon
) -> Mention | None:
    """The mention of the person description at ``start:end``: the person it stands for, or its role text
    for the collection's role index where no single person of the article explains it; None for a role only
    this article made one whose one holder is not named before it. ``roles``: the roles the parse gave the
    article's people (``entities.roles``)."""
    doc, text, article_id, names = article.doc, article.text, article.article_id, article.names
    surface = text[start:end]
    # each person with a role given, and for a role read from the parse its noun (``_role_antecedents``)
    titled: list[tuple[Mention, str, str | None]] = [(m, m.role or "", None) for m in article.people]
    holders = titled + [(given.person, given.role, given.noun) for given in roles.given]
    # a description in apposition with a name ("Its chairman, Nuriddin Walijew") or giving a role
    # itself ("Ron Howard, the former actor"; "Brand is the man") refers back to no role read from
    # the parse: not to "Jussufowa, who chairs …" named before, nor to the name it gives the role
    giving = _names_in_apposition(text, end, names, labels=frozenset({"PERSON", "ORG"}))
    giving = giving or end - len(_head_word(surface)) in roles.written_at
    # a body owning the role ("The company's owner, X"), not one that only says its trade ("the former
    # laboratory technician", in apposition with the technician's name: issue #17, tbilisi-doping)
    owned_by_body = set(POSSESSOR.findall(surface.lower())) & lexicon.org_head_words
    apposed = None if owned_by_body else _person_given_the_role(text, start, end, names, roles, lexicon)
    if apposed is None and _head_word(surface) in lexicon.occupation_nouns:
        apposed = _name_right_after(text, end, names)  # "the dispatcher Rouslan Kaliev"
    if apposed is None and surface.split()[0].lower() in INDEFINITE_ARTICLES:
        return None  # "a second dispatcher" introduces only the name in apposition with it
    if apposed is not None:
        # the description is that person's, said beside the name: "Naveed Khan Afridi, the commander of
        # the paramilitary force"; "Its owner, Hadji Khouda Bakhch Raïssani" (issue #17, kalat-hostages);
        # not "The company's owner, X", which holds a mention of the company the description reads apart
        return Mention(article_id, start, end, surface, "PERSON", refers_to=apposed.refers_to or apposed.text)
    # "The head of the Imereti police" is the head of that body: not the agency head the article names
    # "whose head X" (issue #17, generalise kutaisi-museum-heist); where no holder of the article serves
    # that body, the collection's role index reads the description with its body
    named_body = _named_body_of_office(doc, end)
    serving = [holder for holder in holders if _serves_body(holder[1], named_body)]
    titled = [holder for holder in titled if _serves_body(holder[1], named_body)]
    matches = _role_antecedents(surface, start, titled if giving else serving, lexicon)
    surface_with_body = text[start : _body_end(doc, end)] if named_body else surface
    if _head_word(surface) in roles.nouns:
        # a role only this article made one (no title word): its one holder, named before it
        everyone = _role_antecedents(surface, len(text), holders, lexicon)
        person = next(iter(matches.values()), None)
        if not giving and len(everyone) == 1 and person is not None and person.end <= start:
            refers_to = person.refers_to or person.text
            return Mention(article_id, start, end, surface, "PERSON", refers_to=refers_to)
        return None
    if len(matches) > 1 and (apposed := _apposed_person(text, start, matches.values())):
        matches = {fold_name(apposed.text): apposed}
    if len(matches) == 1:
        person = next(iter(matches.values()))
        refers_to = person.refers_to or person.text
        return Mention(article_id, start, end, surface, "PERSON", refers_to=refers_to)
    salient = None if matches else _salient_person(doc, start, surface, names, lexicon)
    if salient is not None and _serves_body(salient.role or "", named_body):
        return Mention(article_id, start, end, surface, "PERSON", refers_to=salient.text, role=surface)
    if _head_word(surface) in lexicon.occupation_nouns:
        return None  # "the teacher" is no office the role index may match in another report
    # no (or no single) antecedent here: the collection's role index may know the person
    return Mention(article_id, start, end, surface, ROLE_LABEL, role=surface_with_body)


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
        any(_same_word(w, o, lexicon) for o in offered) or w in lexicon.office_level_words for w in wanted
    )


def _same_word(wanted: str, offered: str, lexicon: EntityLexicon) -> bool:
    """One word in two forms (``words_match``), but never a title and the body it heads, which share a
    stem: "the minister" is no "ministry spokeswoman", "the governor" no "government spokesman" (issue
    #17, generalise steppe-train-collision: "The minister" had two holders and stayed unresolved)."""
    office_and_body = (wanted in lexicon.title_words and offered in lexicon.org_head_words) or (
        offered in lexicon.title_words and wanted in lexicon.org_head_words
    )
    return words_match(wanted, offered) and (wanted == offered or not office_and_body)


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


def _body_phrase(doc: Doc, end: int) -> Span | None:
    """The noun phrase after "of" right after a description's head word ("the head| of the Imereti
    police"), or None."""
    head = doc.char_span(end - 1, end, alignment_mode="expand")
    if head is None or not len(head):
        return None
    token = head[-1]
    of = next(
        (c for c in token.children if c.dep_ == "prep" and c.lower_ == "of" and c.i == token.i + 1), None
    )
    if of is None:
        return None
    body = next((c for c in of.children if c.dep_ == "pobj"), None)
    return None if body is None else doc[of.i + 1 : body.right_edge.i + 1]


def _body_end(doc: Doc, end: int) -> int:
    """Where the body phrase after a description ends, or the description's end where it has none."""
    body = _body_phrase(doc, end)
    return end if body is None else body.end_char


def _named_body_of_office(doc: Doc, end: int) -> list[str]:
    """The capitalised words (folded) of the body a description names after "of": "imereti" of "the head of
    the Imereti police" — a named body or place that says whose office it is. None for "the head of the
    agency", which any agency's head may be called."""
    body = _body_phrase(doc, end)
    return [fold_name(t.text) for t in body if t.is_title and t.is_alpha] if body is not None else []


def _serves_body(role: str, named_body: list[str]) -> bool:
    """Whether a role says its holder serves the named body: each of its words stands in the role (any
    role serves a description that names no body)."""
    offered = fold_name(role).split()
    return all(any(words_match(word, other) for other in offered) for word in named_body)


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
    if _named_in_sentence(sentences[index], start, surnames, names):
        return None
    return max(people, key=lambda m: len(m.text))


def _person_given_the_role(
    text: str, start: int, end: int, names: list[Mention], roles: ArticleRoles, lexicon: EntityLexicon
) -> Mention | None:
    """The person a description stands beside in apposition: the one the parse gave the role whose noun
    is the description's head, named right before it ("X, the commander of …") or, where the description
    is no apposition of what precedes it ("in Nasiriyah, the regional capital, X said"), right after it
    ("Its owner, Hadji X"); else a person's name right after it ("Its owner, X"); None for any other
    description."""
    head = _head_word(text[start:end])
    given = [g.person for g in roles.given if g.at is not None and g.at == end - len(head) and g.noun == head]
    before = [p for p in given if p.end <= start and re.fullmatch(r"\s*,\s*", text[p.end : start])]
    if before:
        return before[0]
    if text[:start].rstrip().endswith(","):
        closing = _name_closing_apposition(text, start, end, names)
        # "in Nasiriyah, the regional capital, X said" is the place's apposition; after no name ("In his
        # hospital bed, the assistant driver of train No. 54, X told") the name after may be the person's
        if closing is not None or any(re.fullmatch(r"\s*,\s*", text[m.end : start]) for m in names):
            return closing
    after = [p for p in given if p.start >= end and GIVEN_NAME_GAP.fullmatch(text, end, p.start)]
    if after:
        return after[0]
    return next(
        (
            m
            for m in names
            if (m.label == "PERSON" or _reads_as_person_name(m, lexicon))
            and m.start >= end
            and APPOSED_NAME_GAP.fullmatch(text, end, m.start)
        ),
        None,
    )


def _reads_as_person_name(mention: Mention, lexicon: EntityLexicon) -> bool:
    """ "The head of the regional police department, Ermek Usubaliev, said": a name the small model tagged an
    organisation (it often does so with unfamiliar Central Asian names) is a person's where a person's title
    stands in apposition with it and it has the shape of one — two or three capitalised words, none an
    organisation's head word, legal form or function word. Without this the title went to another person
    of the article (issue #17, generalise jalal-abad-escape)."""
    written = mention.text.split()
    if mention.label != "ORG" or not 2 <= len(written) <= 3:
        return False
    if not all(word[0].isupper() and not word.isupper() for word in written):
        return False
    organisation_words = lexicon.org_head_words | lexicon.generic_org_tails | lexicon.business_name_heads
    legal_words = {word for form in lexicon.legal_forms for word in form}
    return not any(word in organisation_words | legal_words for word in fold_name(mention.text).split())


def _name_right_after(text: str, end: int, names: list[Mention]) -> Mention | None:
    """The person's name written right after an occupation, a space between ("The surgeon Goulnara
    Akhmetova said"): the occupation is that person's."""
    return next((m for m in names if m.label == "PERSON" and m.start == end + 1 and text[end] == " "), None)


def _name_closing_apposition(text: str, start: int, end: int, names: list[Mention]) -> Mention | None:
    """ "Olena Kovalchuk, the head of the unit, told reporters": a person's name right before a comma that
    opens the description, which a comma closes, is the person it describes (issue #17, tbilisi-doping:
    another person of the article was a "head coach"). Not "After meeting X, the minister said", whose
    description opens a clause, nor "in Nasiriyah, the regional capital, X said", a place's apposition."""
    if not CLOSED_APPOSITION.match(text, end):
        return None
    return next(
        (
            m
            for m in names
            if m.label == "PERSON" and m.end <= start and re.fullmatch(r"\s*,\s*", text[m.end : start])
        ),
        None,
    )


def _named_in_sentence(sentence: Span, start: int, surnames: set[str], names: list[Mention]) -> bool:
    """Whether the description's own sentence names the salient person: then the description is someone
    else, who acts on that person ("The attorney general of … New York is suing Trump", "The federal judge
    Trump was referring to is …"). Elegant variation replaces the name; it never stands beside it."""
    return any(
        m.label == "PERSON"
        and m.start != start
        and sentence.start_char <= m.start < sentence.end_char
        and _surname(m) in surnames
        for m in names
    )


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
