"""NER spans repaired before they become mentions: names run together or run on into a title.

The small English model draws some name boundaries wrongly in ways the parse can see: a portfolio word
tagged an organisation ("Interior" of "Interior Minister"), a name run on into a title ("Boeing Executive",
"Air Force for Acquisition Darleen Druyun"), two names joined by a hyphen ("Boeing-Air Force"). Those repairs
only shorten or split a span, and only where the article itself shows the shorter name — so a real name
with the same shape ("Bank of America", "Rolls-Royce") is left as it is. The model also cuts names in two
("Governor Nino | Dschaparidse", "United Nations Office | for the | Coordination of …"): two spans are
joined only in a shape a name has and two actors side by side do not (after a person's title; an
organisation word, then "for"/"of" — and then never where the article uses the first part alone). It
misses or mistags names it has not seen (Kazakh names, a new union's acronym): those are added only where
the parse shows a name's role — proper nouns in apposition with a person's title ("Askhat Shaimerdenov, the
general director"), an acronym right after an organisation word ("the miners' union IUCM"), an acronym
run on in brackets ("… Coal Miners (IUCM"). What is not a name at all is ``entities.noise``.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from storyline.records import Mention
from storyline.stages.entities.kinds import introduced_by_kind
from storyline.stages.entities.lexicon import (
    PLACE_LABELS,
    EntityLexicon,
    fold_name,
    is_acronym,
    is_native_name,
)
from storyline.stages.entities.transliteration import opens_with_given_name

__all__ = [
    "acronyms_after_organisation_words",
    "introduced_as",
    "introduced_as_any",
    "is_titled_name",
    "name_run_on_past_possessive",
    "names_joined_after_legal_form",
    "names_joined_after_title",
    "organisations_by_introduction",
    "organisations_cut_at_a_preposition",
    "people_by_title",
    "people_in_apposition",
    "split_joined_names",
    "split_parenthesised_acronyms",
    "trim_glued_words",
    "without_portfolio_words",
]

# How far around a name its introduction ("a group calling itself …", ", a hacking group") is looked for.
INTRODUCTION_CHARS = 40
# Where a phrase NER glued onto an organisation's name begins ("Air Force| for Acquisition …").
GLUED_TAIL = re.compile(r"\s+(?:for|of)\s+")
# An organisation's name with the acronym after it in brackets, run together by the model: "… Miners (IUCM".
RUN_ON_ACRONYM = re.compile(r"(?P<name>\S.*\S)\s*\(\s*(?P<acronym>[A-Z][\w&]+)\s*\)?")
# What the small model tags a person's name it does not know, in apposition with a title.
TITLED_PLACES = frozenset({"GPE", "LOC"})
# What stands between the two parts of a name the model cut in two ("Office| for the |Coordination …").
# An organisation's name followed by where it sits: "the Ministry of Health in Tashkent".
TRAILING_PLACE = re.compile(r"\s+in\s+(?P<place>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)$")
JOINING_PREPOSITION = re.compile(r"\s+(?:for|of)\s+(?:the\s+)?")
# A function word the small model leaves at the end of a name it cut before a place ("The State Fire Service
# of| Poland", "Federation of Independent Trade Unions of| Kazakhstan"): no name ends so.
DANGLING_WORDS = re.compile(r"(?:\s+(?:of|for|the|and|&))+$", re.IGNORECASE)


def without_portfolio_words(doc: Doc, names: list[Mention], lexicon: EntityLexicon) -> list[Mention]:
    """ "Interior" of "Interior Minister Sara Lind", which the small model tags an organisation: a single
    word right before a minister's or secretary's title (``portfolio_titles``), used nowhere else in the
    article on its own, is the portfolio, not an actor. Before other titles a word is an employer ("Kremlin
    spokesman", "Google chief"); an acronym or a name the article also uses alone stays."""
    counts: dict[str, int] = {}
    for mention in names:
        counts[fold_name(mention.text)] = counts.get(fold_name(mention.text), 0) + 1
    kept = []
    for mention in names:
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        portfolio = (
            span is not None
            and len(span) == 1
            and span.end < len(doc)
            and doc[span.end].lower_ in lexicon.portfolio_titles
            and mention.label != "PERSON"
            and not mention.text.isupper()
            and counts[fold_name(mention.text)] == 1
        )
        if not portfolio:
            kept.append(mention)
    return kept


def trim_glued_words(names: list[Mention], lexicon: EntityLexicon) -> list[Mention]:
    """Organisation names NER ran on into a title or cut after a function word: "Boeing Executive" (of
    "Boeing Executive Vice President Scott Carson") loses its trailing title words, "State Fire Service of"
    (of "… of Poland") its "of"; "Air Force for Acquisition Darleen Druyun" (of "Assistant
    Secretary of the Air Force for Acquisition …") is cut back to "Air Force" when the article names that
    alone — a name the article never uses alone ("Bank of America") keeps its "of"."""
    alone = {fold_name(m.text) for m in names}
    trimmed = []
    for mention in names:
        keep = mention.text
        if mention.label == "ORG" and mention.refers_to is None:
            keep = DANGLING_WORDS.sub("", _without_trailing_titles(keep, lexicon))
            head = GLUED_TAIL.split(keep, maxsplit=1)[0]
            if head != keep and " " in head and fold_name(head) in alone:
                keep = head
        trimmed.append(
            mention
            if keep == mention.text
            else Mention(mention.article, mention.start, mention.start + len(keep), keep, mention.label)
        )
    return trimmed


def organisations_cut_at_a_preposition(
    text: str, names: list[Mention], lexicon: EntityLexicon
) -> list[Mention]:
    """ "The United Nations Office for the Coordination of Humanitarian Affairs", which the small model cuts
    into "United Nations Office" and "Coordination of Humanitarian Affairs": an organisation ending in an
    organisation word (office, committee, agency …) followed by "for"/"of" (the) and a second organisation
    is one name — unless the article names the first part alone elsewhere (then the cut is the article's)."""
    counts = Counter(fold_name(m.text) for m in names)
    result: list[Mention] = []
    for mention in names:
        previous = result[-1] if result else None
        if previous is not None and _cut_at_preposition(text, previous, mention, lexicon, counts):
            result[-1] = Mention(
                mention.article, previous.start, mention.end, text[previous.start : mention.end], "ORG"
            )
        else:
            result.append(mention)
    return result


def organisations_without_trailing_place(
    doc: Doc, names: list[Mention], lexicon: EntityLexicon
) -> list[Mention]:
    """ "Ministry of Health in Tashkent", which the small model tags as one organisation: the place the body
    sits in is no part of its name (the article names it "Ministry of Health" elsewhere, and other outlets
    never add the place). Only a place the lexicon knows (a country or capital) or the article tags as a
    place elsewhere; "Bank of America" has no "in"."""
    places = {fold_name(ent.text) for ent in doc.ents if ent.label_ in TITLED_PLACES} | lexicon.countries
    places |= set(lexicon.seats_of_government)
    result = []
    for mention in names:
        tail = TRAILING_PLACE.search(mention.text) if mention.label == "ORG" else None
        if tail is None or fold_name(tail.group("place")) not in places or tail.start() == 0:
            result.append(mention)
            continue
        end = mention.start + tail.start()
        result.append(replace(mention, end=end, text=mention.text[: tail.start()]))
    return result


def _cut_at_preposition(
    text: str, first: Mention, second: Mention, lexicon: EntityLexicon, counts: Counter[str]
) -> bool:
    words = fold_name(first.text).split()
    return (
        first.label == second.label == "ORG"
        and first.refers_to is None
        and second.refers_to is None
        and bool(words)
        and words[-1] in lexicon.org_head_words
        and counts[fold_name(first.text)] == 1
        and bool(JOINING_PREPOSITION.fullmatch(text[first.end : second.start]))
        and second.text[:1].isupper()
    )


def _without_trailing_titles(name: str, lexicon: EntityLexicon) -> str:
    """ "Boeing Executive" → "Boeing"; a name of title words only stays whole."""
    words = list(re.finditer(r"\S+", name))
    while len(words) > 1 and words[-1].group().lower() in lexicon.title_words:
        words.pop()
    return name[: words[-1].end()]


def split_parenthesised_acronyms(names: list[Mention]) -> list[Mention]:
    """ "Independent Union of Coal Miners (IUCM": an organisation's name run on into the acronym given after
    it in brackets is the name, then the acronym standing for it (as when the model draws the two apart)."""
    result = []
    for mention in names:
        run_on = RUN_ON_ACRONYM.fullmatch(mention.text)
        if mention.label != "ORG" or run_on is None or not _short_or_own_name(run_on.group("acronym")):
            result.append(mention)
            continue
        name, acronym = run_on.group("name"), run_on.group("acronym")
        start, acronym_start = mention.start, mention.start + run_on.start("acronym")
        result.append(Mention(mention.article, start, start + len(name), name, "ORG"))
        acronym_end = acronym_start + len(acronym)
        result.append(Mention(mention.article, acronym_start, acronym_end, acronym, "ORG", refers_to=name))
    return result


def _short_or_own_name(bracketed: str) -> bool:
    """An acronym, or the body's own-language name a translation gives in brackets ("Finnish Customs
    (Tullilaitos"), run on into its English name."""
    return is_acronym(bracketed) or is_native_name(bracketed)


def split_joined_names(names: list[Mention]) -> list[Mention]:
    """ "the Boeing-Air Force tanker deal": a name of two parts joined by a hyphen, each of which the article
    names on its own ("Boeing", "the Air Force"), is those two actors, not a third. A hyphenated name whose
    parts are not both named alone ("Rolls-Royce", "Hewlett-Packard") stays one name."""
    label_of = {fold_name(m.text): m.label for m in names}
    result = []
    for mention in names:
        parts = mention.text.split("-")
        folded = [fold_name(part) for part in parts]
        if len(parts) != 2 or not all(key in label_of and key for key in folded):
            result.append(mention)
            continue
        first_end = mention.start + len(parts[0])
        result.append(Mention(mention.article, mention.start, first_end, parts[0], label_of[folded[0]]))
        result.append(Mention(mention.article, first_end + 1, mention.end, parts[1], label_of[folded[1]]))
    return result


def is_titled_name(span: Span | None, lexicon: EntityLexicon) -> bool:
    """Two or three capitalised words right after a person's title word ("governor Nino Japaridze")."""
    return (
        span is not None
        and 2 <= len(span) <= 3
        and all(token.is_title and token.is_alpha for token in span)
        and span.start > 0
        and span.doc[span.start - 1].lower_ in lexicon.title_words
    )


def names_joined_after_title(doc: Doc, names: list[Mention], lexicon: EntityLexicon) -> list[Mention]:
    """ "Governor Nino Dschaparidse", which the small model cuts into a place "Nino" and an organisation
    "Dschaparidse": two one-word names a space apart right after a title word are one name (a place and a
    person do not stand side by side after a title)."""
    # Doc.text joins every token again at each read: once here, not once a name (it was ~70 % of the
    # mentions stage's CPU on PolNeAR's ~740-word articles: 50 ms an article, 14 ms with one read).
    text = doc.text
    result: list[Mention] = []
    for mention in names:
        previous = result[-1] if result else None
        joined = (
            doc.char_span(previous.start, mention.end, alignment_mode="expand")
            if previous is not None
            and previous.refers_to is None
            and mention.refers_to is None
            and text[previous.end : mention.start] == " "
            and " " not in previous.text + mention.text
            else None
        )
        if previous is not None and is_titled_name(joined, lexicon):
            result[-1] = Mention(
                mention.article, previous.start, mention.end, text[previous.start : mention.end], "PERSON"
            )
        else:
            result.append(mention)
    return result


def names_joined_after_legal_form(text: str, names: list[Mention], lexicon: EntityLexicon) -> list[Mention]:
    """ "The mining company PT Sinar Jaya Abadi": a name right after a legal form printed before company
    names (``leading_legal_forms``) is a company's, with the form, however the small model tagged it (the
    form apart, the name a person). The form tagged on its own is dropped: it is part of that name."""
    forms = "|".join(re.escape(form) for form in sorted(lexicon.leading_legal_forms))
    before = re.compile(rf"(?<![\w.])(?:{forms}) $")
    joined: list[Mention] = []
    for mention in names:
        opening = before.search(text, max(0, mention.start - 8), mention.start)
        if opening is None or mention.refers_to is not None or mention.text in lexicon.leading_legal_forms:
            joined.append(mention)
            continue
        start = opening.start()
        joined.append(replace(mention, start=start, text=text[start : mention.end], label="ORG"))
    covered = {(m.start, m.end) for m in joined if m.text.split(" ", 1)[0] in lexicon.leading_legal_forms}
    return [
        m
        for m in joined
        if not (m.text in lexicon.leading_legal_forms and any(s == m.start and e > m.end for s, e in covered))
    ]


def people_by_title(doc: Doc, names: list[Mention], lexicon: EntityLexicon) -> list[Mention]:
    """ "Opposition councillor Kari Lunde", which the small model tags an organisation: a name of two or
    three capitalised words right after a person's title word is a person (titles are given to people).
    So is an organisation's name opening with a given name of the table and holding no organisation's
    word ("head of the unit Olena Kowaltschuk"), as ``resolve`` reads it: here too, so that the title
    before it is the person's and "the unit" no description of it (issue #17, generalise tbilisi-doping)."""
    relabelled = []
    for mention in names:
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        titled = (
            mention.label != "PERSON"
            and mention.refers_to is None
            and (is_titled_name(span, lexicon) or _given_name_of_organisation(mention, lexicon))
        )
        relabelled.append(
            Mention(mention.article, mention.start, mention.end, mention.text, "PERSON")
            if titled
            else mention
        )
    return relabelled


def _given_name_of_organisation(mention: Mention, lexicon: EntityLexicon) -> bool:
    """An organisation's or a place's name opening with a given name of the table and holding no word of a
    body's or a place's name ("Nino Abashidze", tagged a place)."""
    folded = fold_name(mention.text)
    return (
        mention.label in {"ORG", *PLACE_LABELS}
        and opens_with_given_name(folded)
        and not set(folded.split()) & (lexicon.org_head_words | lexicon.place_nouns)
    )


def people_in_apposition(
    doc: Doc, article_id: str, names: list[Mention], lexicon: EntityLexicon
) -> list[Mention]:
    """ "Askhat Shaimerdenov, the company's general director" and "its general director, Askhat
    Shaimerdenov", which the small model leaves untagged or tags a place (it knows few Kazakh names): two or
    three capitalised proper nouns in apposition with a person's title word are a person. Organisations
    are left alone ("the leader of the coalition, Civic Platform") unless the title stands right before the
    name and no word of the name is an organisation's ("Georgia's sports minister, Shota Chanturishvili",
    tagged an organisation; issue #17, generalise tbilisi-doping)."""
    places = {
        (m.start, m.end): i
        for i, m in enumerate(names)
        if not m.refers_to
        and (m.label in TITLED_PLACES or (m.label == "ORG" and _titled_as_a_person(doc, m, lexicon)))
    }
    relabelled, found = list(names), []
    for token in doc:
        titled = token.pos_ == "PROPN" and _titled_by_apposition(token, lexicon)
        span = _proper_name_ending_at(token) if titled else None
        if span is None:
            continue
        where = (span.start_char, span.end_char)
        if where in places:
            relabelled[places[where]] = Mention(article_id, *where, span.text, "PERSON")
        elif all(t.ent_iob_ == "O" for t in span) and not any(
            m.start < where[1] and where[0] < m.end for m in names
        ):
            found.append(Mention(article_id, *where, span.text, "PERSON"))
    return sorted(relabelled + found, key=lambda mention: (mention.start, mention.end))


def _titled_as_a_person(doc: Doc, name: Mention, lexicon: EntityLexicon) -> bool:
    """An organisation's tag on a name that is a person's: a title right before it, or in apposition a
    title only a person holds ("Tomasz Wierzbicki, a spokesman for …"; "A spokesman for …, Tomasz
    Wierzbicki"), no word of the name heading an organisation's name."""
    if _titled_right_before(doc, name, lexicon):
        return True
    span = doc.char_span(name.start, name.end)
    if span is None or any(token.lower_ in lexicon.org_head_words for token in span):
        return False
    head = span.root
    apposed = [head.head] if head.dep_ == "appos" else []
    apposed += [child for child in head.children if child.dep_ == "appos"]
    return any(token.lower_ in lexicon.personal_titles for token in apposed)


def _titled_right_before(doc: Doc, name: Mention, lexicon: EntityLexicon) -> bool:
    """ "sports minister, Shota Chanturishvili": a title word, a comma, then the name, none of whose words
    heads an organisation's name."""
    span = doc.char_span(name.start, name.end)
    if span is None or span.start < 2 or doc[span.start - 1].text != ",":
        return False
    return _title_ending_at(doc, span.start - 2, lexicon) and not any(
        token.lower_ in lexicon.org_head_words for token in span
    )


def _title_ending_at(doc: Doc, last: int, lexicon: EntityLexicon) -> bool:
    """Whether the words ending at token ``last`` are a title: a title word ("minister"), or one with its
    portfolio after "of" in one to three capitalised words ("The Minister of Public Health, X")."""
    if doc[last].lower_ in lexicon.title_words:
        return True
    at = last
    while at > 0 and last - at < 3 and doc[at].is_alpha and doc[at].text[:1].isupper():
        at -= 1
    return at < last and at > 0 and doc[at].lower_ == "of" and doc[at - 1].lower_ in lexicon.title_words


def _titled_by_apposition(head: Token, lexicon: EntityLexicon) -> bool:
    """Whether a name's head word stands in apposition with a title word ("director", "director general"),
    or with the place a title is of ("The mayor of Lindholm, Per Ostberg, said")."""
    if head.dep_ == "appos" and _is_title(head.head, lexicon):
        return True
    if any(child.dep_ == "appos" and _is_title(child, lexicon) for child in head.children):
        return True
    return _titled_across_its_place(head, lexicon)


def _is_title(token: Token, lexicon: EntityLexicon) -> bool:
    compounds = (child.lower_ for child in token.children if child.dep_ == "compound")
    return token.lower_ in lexicon.title_words or any(word in lexicon.title_words for word in compounds)


def _titled_across_its_place(head: Token, lexicon: EntityLexicon) -> bool:
    """ "The regent of Sumberarum, Gatot Haryanto, declared": the parse puts the name in apposition with
    the place, and the small model tags a name it does not know a place (issue #17, generalise
    java-eruption). A place qualifying the place has the same shape ("The mayor of Springfield, New
    Jersey, said"), so the name must be set off by commas and read as no place: no place noun in it, no
    word opening place names first ("New", "North", "San"), no country, and not written after a place
    preposition elsewhere in the article."""
    place = head.head
    if head.dep_ != "appos" or place.dep_ != "pobj" or place.head.lower_ != "of":
        return False
    if not _is_title(place.head.head, lexicon):
        return False
    span = _proper_name_ending_at(head)
    doc = head.doc
    if span is None or span.start == 0 or doc[span.start - 1].text != ",":
        return False
    if head.i + 1 >= len(doc) or doc[head.i + 1].text != ",":
        return False
    words = [token.lower_ for token in span]
    if words[0] in lexicon.place_name_openings or any(word in lexicon.place_nouns for word in words):
        return False
    if fold_name(span.text) in lexicon.countries or fold_name(span.text) in lexicon.country_aliases:
        return False
    prepositions = "|".join(lexicon.place_prepositions)
    return re.search(rf"\b(?:{prepositions})\s+{re.escape(span.text)}\b", doc.text, re.IGNORECASE) is None


def _proper_name_ending_at(head: Token) -> Span | None:
    """The name a proper noun ends: it and the capitalised proper nouns compounded right before it, when
    two or three words long."""
    start = head.i
    while start > 0 and (before := head.doc[start - 1]).dep_ == "compound" and before.pos_ == "PROPN":
        start -= 1
    span = head.doc[start : head.i + 1]
    if head.pos_ != "PROPN" or not 2 <= len(span) <= 3:
        return None
    return span if all(token.is_title and token.is_alpha for token in span) else None


def acronyms_after_organisation_words(
    doc: Doc, article_id: str, names: list[Mention], lexicon: EntityLexicon
) -> list[Mention]:
    """ "the miners' union IUCM", "the company SCMC": an untagged acronym right after an organisation's
    head noun names that organisation (the small model tags a bare acronym it has not seen as nothing).
    So does one the article gives as an organisation's short name: in brackets right after its full name
    ("… and Civil Protection (GDPBZN)") or after a word saying so ("known by its Bulgarian initials
    GDPBZN"), when the acronym spells a name in another language and matches no initials."""
    taken = {m.start for m in names}
    organisations = [m for m in names if m.label == "ORG" and m.refers_to is None]
    found = []
    for token in doc[1:]:
        if not is_acronym(token.text) or token.ent_iob_ != "O" or token.idx in taken:
            continue
        previous = doc[token.i - 1]
        end = token.idx + len(token)
        if previous.text in lexicon.org_head_words:  # lower case: a noun, not part of a name
            found.append(Mention(article_id, token.idx, end, token.text, "ORG"))
        elif (named := _named_short(token, previous, organisations, lexicon)) is not None:
            found.append(Mention(article_id, token.idx, end, token.text, "ORG", named.text))
    return sorted(names + found, key=lambda mention: (mention.start, mention.end))


def _named_short(
    token: Token, previous: Token, organisations: list[Mention], lexicon: EntityLexicon
) -> Mention | None:
    """The organisation an acronym is given as the short name of: the one whose name ends just before the
    bracket opening it, or, after "initials"/"acronym"/"known as", the last one named earlier in the
    sentence."""
    if previous.text == "(" and token.i + 1 < len(token.doc) and token.doc[token.i + 1].text == ")":
        return next((m for m in organisations if m.end == previous.idx or m.end == previous.idx - 1), None)
    known_as = previous.lower_ == "as" and previous.i > 0 and token.doc[previous.i - 1].lower_ == "known"
    if previous.lower_ not in lexicon.short_name_words and not known_as:
        return None
    sentence_start = token.sent.start_char if token.doc.has_annotation("SENT_START") else 0
    before = [m for m in organisations if sentence_start <= m.start and m.end <= previous.idx]
    return before[-1] if before else None


def introduced_as(text: str, name: Mention, head: str) -> bool:
    """Whether the article calls a name by ``head`` where it names it: "a group calling itself X", "the
    hacking group X", "the group known as X", "Irish low cost airline, X" before the name, "X, a hacking
    group" or "the X (trade) union" after it — not "X, the agency's representative", where the word owns the
    title of the person named."""
    return introduced_as_any(text, name, frozenset({head}))


def introduced_as_any(text: str, name: Mention, heads: frozenset[str]) -> bool:
    """Whether the article calls a name by any of ``heads`` where it names it (``introduced_as``)."""
    if not heads:
        return False
    before = text[max(0, name.start - INTRODUCTION_CHARS) : name.start]
    after = text[name.end : name.end + INTRODUCTION_CHARS]
    called_before, called_after, the_name_head = _introduction_patterns(heads)
    return bool(
        called_before.search(before)
        or called_after.match(after)
        or (before.lower().endswith("the ") and the_name_head.match(after))
    )


# A finite auxiliary or reporting verb right after a noun phrase: the phrase is a clause's subject ("X, the
# police have found"), not an apposition naming X.
CLAUSE_VERB = r"(?:has|have|had|is|are|was|were|will|would|can|could|may|might|must|did|does|do|said|says)\b"


@lru_cache(maxsize=64)
def _introduction_patterns(heads: frozenset[str]) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """The three shapes of ``introduced_as`` for every head word at once, compiled once: one alternation
    matches wherever one of its words would (the engine backtracks into the other words), so a name is
    tried once instead of once per head word and shape — that loop was a fifth of the mentions' CPU."""
    word = "(?:" + "|".join(re.escape(head) for head in sorted(heads)) + ")"
    return (
        re.compile(rf"\b{word},?\s+(?:calling itself|known as|called|named)?\s*$", re.IGNORECASE),
        # "X, a hacking group"; "X (JFA), a separatist group", its acronym between; not "since the theft at
        # X, the police have found", where the phrase is the subject of the next clause (CLAUSE_VERB)
        re.compile(
            rf"(?:\s*\([^()\n]{{1,20}}\))?,\s+(?:a|an|the)\s+(?:[\w-]+\s+){{0,2}}{word}\b(?!['’]s\b)"
            rf"(?!\s+{CLAUSE_VERB})",
            re.IGNORECASE,
        ),
        # "the X company" introduces X, but not in "the Tashkent cybersecurity company Bastion Labs", where
        # the word introduces the name after it and X is a modifier (issue #17, generalise cyber).
        re.compile(rf"\s+(?:[a-z-]+\s+)?{word}\b(?!['’]s\b)(?!\s+[A-Z])"),
    )


def organisations_by_introduction(text: str, names: list[Mention], lexicon: EntityLexicon) -> list[Mention]:
    """ "A group calling itself Frost Owl", which the small model tags a person: a name the article
    introduces with a generic organisation word (``generic_org_heads``: group, company, firm …) or a kind
    word of civic bodies ("the opposition Free City bloc", tagged a place: ``introduced_org_kinds``) is an
    organisation, here and wherever the article repeats it."""
    introduced = {
        fold_name(m.text)
        for m in names
        if m.label != "ORG"
        and m.refers_to is None
        and fold_name(m.text) not in lexicon.countries  # "the US manufacturer" is no manufacturer named US
        and (
            introduced_as_any(text, m, lexicon.generic_org_heads - lexicon.person_trade_heads)
            or introduced_by_kind(text, m, lexicon.introduced_org_kinds)
        )
        and not _title_of_the_body_before(text, m, lexicon)
    }
    return [
        Mention(m.article, m.start, m.end, m.text, "ORG", m.refers_to, m.role)
        if fold_name(m.text) in introduced and m.label != "ORG"
        else m
        for m in names
    ]


def _title_of_the_body_before(text: str, name: Mention, lexicon: EntityLexicon) -> bool:
    """ "The director of the mining company, X", "a spokesman for the firm, X": the organisation word
    before the name is governed by a person's title, whose holder the name is, not the body's name."""
    held = _held_title_pattern(lexicon.title_words, lexicon.generic_org_heads)
    return bool(held.search(text, max(0, name.start - 2 * INTRODUCTION_CHARS), name.start))


@lru_cache(maxsize=4)
def _held_title_pattern(titles: frozenset[str], heads: frozenset[str]) -> re.Pattern[str]:
    title = "|".join(re.escape(word) for word in sorted(titles))
    head = "|".join(re.escape(word) for word in sorted(heads))
    return re.compile(
        rf"\b(?:{title})\s+(?:of|at|for)\s+(?:the|its|their|his|her|this|a|an)\s+(?:[\w-]+\s+){{0,2}}"
        rf"(?:{head}),\s*$",
        re.IGNORECASE,
    )


def name_run_on_past_possessive(doc: Doc, ent: Span, lexicon: EntityLexicon) -> int | None:
    """ "the Taean Fishermen's| Cooperative": an organisation the small model tagged up to a possessive it
    took into the name, leaving out the capitalised organisation word after it, runs on over that word
    (issue #17, generalise spill) — where the model stops before the possessive ("Google's Board") the
    name is only the possessor. The end of the longer name, or None."""
    if ent.label_ != "ORG" or len(ent) < 2 or ent[-1].tag_ != "POS" or ent.end + 1 > len(doc):
        return None
    head = doc[ent.end]
    after = doc[ent.end + 1] if ent.end + 1 < len(doc) else None
    if not head.is_title or head.lower_ not in lexicon.org_head_words or head.ent_type_:
        return None
    if after is not None and after.is_title and not after.is_sent_start:
        return None  # the name goes on beyond one word: not a shape this repair knows
    return head.idx + len(head.text)
