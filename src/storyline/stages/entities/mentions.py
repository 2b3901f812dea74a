"""Actor mentions in one parsed article: names, the roles given to them, and what stands for them.

spaCy's NER finds names; rules on its parse add what the small model does not give:
- spans trimmed of "the" and possessives, and extended over hyphenated name parts ("Yoon Suk" + "-yol");
- a surname standing alone is a PERSON when the article names that person in full ("Terhas" after
  "Riho Terhas", which the small model tags as a place);
- roles: a title before a name ("Lithuanian Foreign Minister Gabrielius Landsbergis") or in apposition
  ("the head of Ukraine's military intelligence, Kyrylo Budanov");
- descriptions that refer back to a named actor of the same article ("the Lithuanian foreign minister",
  "the union"), linked through ``Mention.refers_to``; a person description no role in the article explains
  is kept with its role text, for the collection-wide role index of ``entities.resolve_entities``;
- acronyms in parentheses after a long form ("National Intelligence Service (NIS)"), other names of countries
  ("DPRK"), and seats of government used as speakers ("Moscow labeled it a hoax", "the Kremlin said") →
  "Government of <country>", kept apart from the place.
Hand-written: no library resolves descriptions and metonymy for news offline; the parse comes from spaCy.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Span, Token
from unidecode import unidecode

from storyline.lexicons import load_lexicon
from storyline.records import ROLE_LABEL, Mention, ParsedArticle
from storyline.stages.entities.noise import is_noise

ACTOR_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC"})
POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
LEADING_ARTICLE = re.compile(r"^(?:the|The)\s+")
NON_WORD = re.compile(r"[^a-z0-9]+")
# Dependencies that make a name the agent of a statement or act: the subject of a verb.
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
# Dependencies linking title words to the name they precede inside one noun phrase.
TITLE_DEPS = frozenset({"compound", "amod", "poss", "case", "nmod", "npadvmod"})
# Prefix length from which two words are taken as forms of one ("Lithuania" ~ "Lithuanian", "Ukraine's"
# ~ "Ukrainian"): long enough to keep "Iran"/"Iraq" apart, short enough for demonyms.
STEM_CHARS = 5
# How many sentences before a person description may hold the one person it stands for.
SALIENCE_SENTENCES = 2
# How far back (characters, about two sentences) "the group" may reach for an organisation named before it.
GENERIC_ANTECEDENT_CHARS = 400


@dataclass(frozen=True)
class EntityLexicon:
    title_words: frozenset[str]
    honorifics: frozenset[str]
    org_head_words: frozenset[str]
    generic_org_heads: frozenset[str]
    ignorable_words: frozenset[str]
    acronym_stopwords: frozenset[str]
    # Longest first, so that "co ltd" is taken before "ltd".
    legal_forms: tuple[tuple[str, ...], ...]
    generic_org_tails: frozenset[str]
    country_aliases: dict[str, str]
    seats_of_government: dict[str, str]


@lru_cache(maxsize=1)
def entity_lexicon() -> EntityLexicon:
    """The entities lexicon, typed once per process."""
    data = load_lexicon("entities")
    return EntityLexicon(
        title_words=frozenset(data["title_words"]),
        honorifics=frozenset(data["honorifics"]),
        org_head_words=frozenset(data["org_head_words"]) | frozenset(data["generic_org_heads"]),
        generic_org_heads=frozenset(data["generic_org_heads"]),
        ignorable_words=frozenset(data["ignorable_description_words"]),
        acronym_stopwords=frozenset(data["acronym_stopwords"]),
        legal_forms=tuple(
            sorted((tuple(form.split()) for form in data["legal_forms"]), key=len, reverse=True)
        ),
        generic_org_tails=frozenset(data["generic_org_tails"]),
        country_aliases=dict(data["country_aliases"]),
        seats_of_government=dict(data["seats_of_government"]),
    )


@lru_cache(maxsize=1 << 18)  # names repeat across a collection; folding them is the resolution's hot path
def fold_name(name: str) -> str:
    """Spelling-insensitive key: "Budánov" → "budanov", "Yoon Suk-yeol" → "yoon suk yeol"."""
    return NON_WORD.sub(" ", unidecode(name).lower()).strip()


def words_match(first: str, second: str) -> bool:
    """One word in two forms: equal, or sharing a long prefix (demonyms and possessives of countries)."""
    first, second = fold_name(first), fold_name(second)
    if first == second:
        return True
    return min(len(first), len(second)) >= STEM_CHARS and first[:STEM_CHARS] == second[:STEM_CHARS]


# --- names ----------------------------------------------------------------------------------------------


def _name_span(doc: Doc, text: str, ent: Span) -> tuple[int, int]:
    """Character span of an entity, trimmed of "the"/possessives and extended over "-yol" name parts."""
    start, end = ent.start_char, ent.end_char
    index = ent.end
    while ent.label_ == "PERSON" and index < len(doc):
        token = doc[index]
        if (
            token.text == "-"
            and index + 1 < len(doc)
            and not doc[index - 1].whitespace_
            and not token.whitespace_
        ):
            if not doc[index + 1].is_alpha:
                break
            index += 2  # "Yoon Suk" + "-yol"
        elif token.pos_ == "PROPN" and token.is_title and token.is_alpha and not token.ent_type_:
            index += 1  # "Yoon Suk" + "Yeol", which the small model leaves outside the entity
        else:
            break
        end = doc[index - 1].idx + len(doc[index - 1].text)
    leading = LEADING_ARTICLE.match(text[start:end])
    if leading:
        start += leading.end()
    possessive = POSSESSIVE.search(text[start:end])
    if possessive:
        end -= len(possessive.group())
    return start, end


def _is_adjective(doc: Doc, start: int, end: int) -> bool:
    """ "Lithuanian", "Ukrainian" tagged as an organisation or place: a describing word, not an actor."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and len(span) == 1 and (span[0].pos_ == "ADJ" or span[0].dep_ == "amod")


def _root_token(doc: Doc, start: int, end: int) -> Token | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


# --- roles ----------------------------------------------------------------------------------------------


def _is_title_phrase(tokens: list[Token], lexicon: EntityLexicon) -> bool:
    return any(token.lower_ in lexicon.title_words for token in tokens)


def _title_before(doc: Doc, name_start: int, lexicon: EntityLexicon) -> tuple[int, int] | None:
    """The title words directly before a name, inside its noun phrase ("NATO Secretary General")."""
    first = doc.char_span(name_start, name_start + 1, alignment_mode="expand")
    if first is None:
        return None
    index = first.start
    collected: list[Token] = []
    while index > 0:
        token = doc[index - 1]
        # a possessive's "’s" hangs on the word before it; every other title word on a word after it
        inside_phrase = token.dep_ == "case" or token.i < token.head.i <= first.start + 4
        if token.dep_ not in TITLE_DEPS or not inside_phrase:
            break
        collected.insert(0, token)
        index -= 1
    while collected and collected[0].dep_ == "case":
        collected.pop(0)
    if not collected or not _is_title_phrase(collected, lexicon):
        return None
    return collected[0].idx, collected[-1].idx + len(collected[-1].text)


def _title_in_apposition(text: str, root: Token, lexicon: EntityLexicon) -> tuple[int, int] | None:
    """ "the head of Ukraine's military intelligence, Kyrylo Budanov" or "Kyrylo Budanov, the head of …"."""
    if root.dep_ == "appos" and root.head.lower_ in lexicon.title_words:
        head = root.head
        tokens = [t for t in head.subtree if t.i < root.left_edge.i]
    else:
        heads = [
            child for child in root.children if child.dep_ == "appos" and child.lower_ in lexicon.title_words
        ]
        if not heads:
            return None
        head = heads[0]
        tokens = list(head.subtree)
    tokens = [t for t in tokens if not t.is_punct or t.text in {"’", "'"}]
    while tokens and (tokens[-1].is_punct or tokens[-1].dep_ in {"cc", "punct"}):
        tokens.pop()
    if not tokens or len(tokens) > 12:
        return None
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    if "(" in text[start:end] or "," in text[start:end]:
        end = start + len(re.split(r"\s*[(,]", text[start:end])[0])
    return (start, end) if end > start else None


# --- descriptions ---------------------------------------------------------------------------------------


def _content_words(text: str, lexicon: EntityLexicon) -> list[str]:
    return [word for word in fold_name(text).split() if word not in lexicon.ignorable_words and len(word) > 1]


def role_matches(description: str, role: str, lexicon: EntityLexicon) -> bool:
    """Every content word of the description has a form in the role ("the Lithuanian foreign minister" ~
    "Lithuanian Foreign Minister"; "the minister" ~ "Interior Minister")."""
    wanted = _content_words(description, lexicon)
    offered = _content_words(role, lexicon)
    return bool(wanted) and all(any(words_match(w, o) for o in offered) for w in wanted)


def _descriptions(
    doc: Doc, taken: list[tuple[int, int]], lexicon: EntityLexicon
) -> list[tuple[int, int, str]]:
    """Definite noun phrases headed by a title or organisation word: (start, end, kind). Read from each
    head token's left edge, so possessives count too ("the ministry's website" holds "the ministry")."""
    found = []
    for token in doc:
        kind = (
            "person"
            if token.lower_ in lexicon.title_words and token.pos_ in {"NOUN", "PROPN"}
            else "org"
            if token.lemma_.lower() in lexicon.org_head_words and token.pos_ in {"NOUN", "PROPN"}
            else ""
        )
        if not kind:
            continue
        left = [t for t in token.subtree if t.i <= token.i and not t.is_punct]
        first = left[0]
        if first.lower_ not in {"the", "her", "his", "its", "their"} or token.i - first.i > 5:
            continue
        start, end = first.idx, token.idx + len(token.text)
        if any(start < taken_end and taken_start < end for taken_start, taken_end in taken):
            continue
        found.append((start, end, kind))
    return found


# --- the article ----------------------------------------------------------------------------------------


def extract_mentions(parsed: ParsedArticle) -> list[Mention]:
    """Every actor mention of one article, with roles, antecedents of descriptions, and metonymy."""
    doc, article_id = parsed.doc, parsed.article.id
    # Read once: spaCy's Doc.text joins every token's text anew on each access.
    text = doc.text
    lexicon = entity_lexicon()
    foreign = [(f.start, f.end) for f in parsed.article.foreign_fragments]
    names = [
        m
        for m in _names(doc, text, article_id, lexicon)
        if not any(s <= m.start < e for s, e in foreign) and not is_noise(doc, text, m)
    ]
    names = _relabel_surnames(names)
    names = names + _repeated_names(text, names)
    names = [_with_role(doc, text, mention, lexicon) for mention in names]
    names = _link_parenthesised_acronyms(text, names)
    descriptions = _resolve_descriptions(doc, text, article_id, names, lexicon)
    return sorted(names + descriptions, key=lambda mention: (mention.start, mention.end))


def _names(doc: Doc, text: str, article_id: str, lexicon: EntityLexicon) -> list[Mention]:
    mentions = []
    for ent in doc.ents:
        if ent.label_ not in ACTOR_LABELS:
            continue
        start, end = _name_span(doc, text, ent)
        if ent.label_ == "PERSON":
            start = _skip_forms_of_address(text, start, end, lexicon)
        surface = text[start:end]
        if not any(ch.isalpha() for ch in surface) or _is_adjective(doc, start, end):
            continue
        mentions.append(_standing_for(doc, Mention(article_id, start, end, surface, ent.label_), lexicon))
    return mentions


def _skip_forms_of_address(text: str, start: int, end: int, lexicon: EntityLexicon) -> int:
    """Start of a person's name after "Ms", "Dr." or a title inside the entity ("Councillor Kari Lunde")."""
    words = list(re.finditer(r"\S+", text[start:end]))
    skipped = 0
    while len(words) - skipped > 1 and (
        words[skipped].group().rstrip(".").lower() in lexicon.honorifics | lexicon.title_words
    ):
        skipped += 1
    return start + words[skipped].start() if skipped else start


def _repeated_names(text: str, names: list[Mention]) -> list[Mention]:
    """Further occurrences of the article's person names, surnames and acronyms that NER left untagged (the
    small model often tags a name once and misses it the next time)."""
    taken = [(m.start, m.end) for m in names]
    forms: dict[str, str] = {}
    for mention in names:
        if mention.label == "PERSON" and len(mention.text.split()) > 1:
            forms[mention.text] = "PERSON"
            surname = mention.text.split()[-1]
            if surname[:1].isupper() and len(surname) > 1:
                forms.setdefault(surname, "PERSON")
        elif mention.label == "ORG" and mention.text.isupper() and len(mention.text) >= 2:
            forms[mention.text] = "ORG"
    found = []
    for form, label in sorted(forms.items(), key=lambda item: -len(item[0])):
        for match in re.finditer(r"(?<![\w-])" + re.escape(form) + r"(?![\w-])", text):
            span = (match.start(), match.end())
            if not any(span[0] < end and start < span[1] for start, end in taken):
                taken.append(span)
                found.append(Mention(names[0].article, span[0], span[1], form, label))
    return found


def _standing_for(doc: Doc, mention: Mention, lexicon: EntityLexicon) -> Mention:
    """Other names of countries, and seats of government acting as subjects, point at what they stand for."""
    key = fold_name(mention.text)
    if key in lexicon.country_aliases:
        return Mention(
            mention.article,
            mention.start,
            mention.end,
            mention.text,
            "GPE",
            refers_to=lexicon.country_aliases[key],
        )
    country = lexicon.seats_of_government.get(key)
    root = _root_token(doc, mention.start, mention.end)
    acting = root is not None and (root.dep_ in SUBJECT_DEPS or mention.label == "ORG")
    if country and acting:
        return Mention(
            mention.article,
            mention.start,
            mention.end,
            mention.text,
            "ORG",
            refers_to=f"Government of {country}",
        )
    return mention


def _relabel_surnames(names: list[Mention]) -> list[Mention]:
    """A lone word equal to the surname of a person named in full in the article is that person."""
    surnames = {
        fold_name(m.text).split()[-1]
        for m in names
        if m.label == "PERSON" and len(fold_name(m.text).split()) > 1
    }
    return [
        Mention(m.article, m.start, m.end, m.text, "PERSON", m.refers_to, m.role)
        if m.label != "PERSON" and m.refers_to is None and fold_name(m.text) in surnames
        else m
        for m in names
    ]


def _with_role(doc: Doc, text: str, mention: Mention, lexicon: EntityLexicon) -> Mention:
    if mention.label != "PERSON":
        return mention
    span = _title_before(doc, mention.start, lexicon)
    if span is None:
        root = _root_token(doc, mention.start, mention.end)
        span = _title_in_apposition(text, root, lexicon) if root is not None else None
    if span is None:
        return mention
    return Mention(
        mention.article,
        mention.start,
        mention.end,
        mention.text,
        mention.label,
        mention.refers_to,
        text[span[0] : span[1]],
    )


def _link_parenthesised_acronyms(text: str, names: list[Mention]) -> list[Mention]:
    """ "National Intelligence Service (NIS)": the acronym stands for the long form just before it."""
    linked = list(names)
    for index, mention in enumerate(names):
        if not mention.text.isupper() or index == 0:
            continue
        previous = names[index - 1]
        between = text[previous.end : mention.start]
        if re.fullmatch(r"\s*\(\s*", between) and previous.label == "ORG" and previous.refers_to is None:
            linked[index] = Mention(
                mention.article, mention.start, mention.end, mention.text, "ORG", refers_to=previous.text
            )
    return linked


def _resolve_descriptions(
    doc: Doc, text: str, article_id: str, names: list[Mention], lexicon: EntityLexicon
) -> list[Mention]:
    taken = [(m.start, m.end) for m in names]
    people = [m for m in names if m.label == "PERSON" and m.role]
    organisations = [m for m in names if m.label == "ORG" and m.refers_to is None]
    resolved = []
    for start, end, kind in _descriptions(doc, taken, lexicon):
        surface = text[start:end]
        if kind == "person":
            matches = {
                fold_name(p.text): p for p in people if p.role and role_matches(surface, p.role, lexicon)
            }
            if len(matches) == 1:
                person = next(iter(matches.values()))
                resolved.append(Mention(article_id, start, end, surface, "PERSON", refers_to=person.text))
            elif not matches and (salient := _salient_person(doc, start, names)) is not None:
                resolved.append(
                    Mention(article_id, start, end, surface, "PERSON", refers_to=salient.text, role=surface)
                )
            else:  # no (or no single) antecedent here: the collection's role index may know the person
                resolved.append(Mention(article_id, start, end, surface, ROLE_LABEL, role=surface))
            continue
        antecedent = _organisation_antecedent(surface, start, organisations, lexicon)
        if antecedent is not None:
            resolved.append(Mention(article_id, start, end, surface, "ORG", refers_to=antecedent.text))
    return resolved


def _salient_person(doc: Doc, start: int, names: list[Mention]) -> Mention | None:
    """The person a description names by elegant variation: "The former Dutch Prime Minister stressed …"
    as the subject of a sentence right after sentences about one person (and only one) — news style for
    avoiding the name. Only a sentence subject qualifies, and only when the sentences before name no other
    person."""
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    if span is None:
        return None
    first = span[0]
    noun = first.head if first.dep_ == "det" else first
    if noun.dep_ not in SUBJECT_DEPS:
        return None
    sentences = list(doc.sents)
    index = next(i for i, sentence in enumerate(sentences) if sentence.start <= first.i < sentence.end)
    if index == 0:
        return None
    window_start = sentences[max(0, index - SALIENCE_SENTENCES)].start_char
    people = [
        m for m in names if m.label == "PERSON" and window_start <= m.start < sentences[index].start_char
    ]
    if not people or len({(fold_name(m.text).split() or [""])[-1] for m in people}) != 1:
        return None
    return max(people, key=lambda m: len(m.text))


def _organisation_antecedent(
    description: str, start: int, organisations: list[Mention], lexicon: EntityLexicon
) -> Mention | None:
    """The nearest organisation named before the description whose name has the description's words; for a
    generic head ("the group") the nearest organisation named within a short distance before it."""
    before = [org for org in organisations if org.end <= start]
    wanted = _content_words(description, lexicon)
    candidates = [
        org
        for org in before
        if all(any(words_match(w, o) for o in fold_name(org.text).split()) for w in wanted)
    ]
    if not candidates and wanted and wanted[-1] in lexicon.generic_org_heads:
        candidates = [org for org in before if start - org.end <= GENERIC_ANTECEDENT_CHARS]
    return max(candidates, key=lambda org: org.start) if candidates else None
