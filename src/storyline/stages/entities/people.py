"""Short forms and whole forms of a person's name inside one article: a lone surname, a patronymic name.

An article names a person in full once and then shortens the name; the small model tags the short form as
anything (a surname as a place, a given name as a person of its own). Read per article, before resolution
across articles, because which full name a short form stands for depends on the names of its article.
A Mongolian name (patronymic in the genitive, then the given name: "Gombyn Tsogtbaatar") is one the small
model knows least: it tags it an organisation or a place, or only one of its words.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

from storyline.records import Mention
from storyline.stages.entities.lexicon import EntityLexicon, fold_name

__all__ = [
    "has_patronymic",
    "lone_given_names_keyed_as_their_article_name",
    "patronymic_names",
    "relabel_surnames",
]

# A capitalised word, then another one that ends the run of capitalised words: a patronymic name is two
# words, and a third ("Sharavyn Oyuntsetseg Foundation") makes the run something else.
TWO_WORD_NAME = re.compile(r"(?<![\w'’-])[^\W\d_a-z]\w*[ \t]+[^\W\d_a-z]\w*(?![\w-])(?![ \t]+[^\W\d_a-z])")
# The fewest letters of a patronymic: "Batyn" (of Bat); shorter words ending so are English ("Glyn").
MIN_PATRONYMIC_CHARS = 5


def relabel_surnames(names: list[Mention], lexicon: EntityLexicon) -> list[Mention]:
    """A lone word equal to the surname of a person named in full in the article is that person, unless
    it is a country ("Indonesia" beside "Garuda Indonesia", an airline the small model tags a person)."""
    surnames = {
        fold_name(m.text).split()[-1]
        for m in names
        if m.label == "PERSON" and len(fold_name(m.text).split()) > 1
    } - lexicon.countries
    return [
        Mention(m.article, m.start, m.end, m.text, "PERSON", m.refers_to, m.role)
        if m.label != "PERSON" and m.refers_to is None and fold_name(m.text) in surnames
        else m
        for m in names
    ]


def lone_given_names_keyed_as_their_article_name(
    keyed: Sequence[tuple[str, Mention]],
) -> list[tuple[str, Mention]]:
    """A lone word tagged a person that is the given name of the one person its own article names in full
    with that given name stands for that person (keyed as the full name): "Joko
    Santoso, the head of the rescue office, said … 'We go in when the mountain lets us,' Joko said". News
    of Indonesia, Thailand, Iceland and many human-interest pieces everywhere shortens a name to its
    first word, which the small model tags a person of its own. Not a word that is the surname of a full
    name of the scope (the surname rules decide it: "Ford" of "Gerald Ford" beside
    "Ford Crawford"), nor one that two full names of its article open with ("Donald Trump", "Donald
    Trump Jr."), nor one opening a name tagged anything but a person anywhere in the scope, nor one that
    a name of its article holds after its first word ("Douglas Aircraft", tagged a person, beside
    "McDonnell Douglas": MEANTIME airbus). A lone word tagged an organisation is left alone: "Lockheed"
    beside "Lockheed Martin", tagged a person (airbus), is the company. Only after the full name: news
    names a person in full before it shortens the name, so a lone word before it is a name of its own
    ("Oscar", the award, four times before "their 8-year-old son, Oscar Maximillian": ECB+ topic 2).
    Keys are folded (``lexicon.fold_name``)."""
    people = {key for key, mention in keyed if mention.label == "PERSON" and " " in key}
    surnames = {key.rsplit(" ", 1)[1] for key in people}
    # a name the small model tags a body anywhere in the scope may be one: no lone word is read into it
    bodies = {key for key, mention in keyed if mention.label != "PERSON"}
    opening: dict[tuple[str, str], set[str]] = defaultdict(set)
    inside: set[tuple[str, str]] = set()  # (article, a word a name of it holds after its first)
    introduced: dict[tuple[str, str], int] = {}  # (article, full name): where the article first writes it
    for key, mention in keyed:
        if key in people:
            opening[mention.article, key.split(" ", 1)[0]].add(key)
            first = introduced.get((mention.article, key), mention.start)
            introduced[mention.article, key] = min(first, mention.start)
        inside.update((mention.article, word) for word in key.split()[1:])
    read = []
    for key, mention in keyed:
        names = opening.get((mention.article, key), set())
        lone = mention.label == "PERSON" and mention.refers_to is None and " " not in key
        stands_for_one = (
            len(names) == 1
            and not names & bodies
            and introduced[mention.article, next(iter(names))] < mention.start
        )
        ambiguous = key in surnames or (mention.article, key) in inside
        read.append(
            (next(iter(names)), mention) if lone and stands_for_one and not ambiguous else (key, mention)
        )
    return read


def has_patronymic(words: Sequence[str], lexicon: EntityLexicon) -> bool:
    """Whether folded words are a patronymic and a given name ("gombyn tsogtbaatar")."""
    return (
        len(words) == 2
        and len(words[0]) >= MIN_PATRONYMIC_CHARS
        and words[0].endswith(lexicon.patronymic_endings)
    )


def patronymic_names(text: str, names: list[Mention], lexicon: EntityLexicon) -> list[Mention]:
    """ "Dashdorjiin Enkhjargal", of which the small model tags only "Dashdorjiin", as an organisation: two
    words the first of which is a patronymic are one person's name, where NER tagged one of the two words
    alone as a person or an organisation. Not where it tagged both as one name: "Brooklyn Heights" (a
    place) and "Brooklyn Museum" (an organisation) end in an English "-yn", no patronymic; such a name,
    and an untagged one, are left to the collection (``recovery``, ``resolve``), which reads them against
    the names other articles tag as people."""
    if not names:
        return names
    for match in TWO_WORD_NAME.finditer(text):
        start, end = match.span()
        if not has_patronymic(fold_name(match.group()).split(), lexicon):
            continue
        inside = [m for m in names if m.start < end and start < m.end]
        words = [(word.start() + start, word.end() + start) for word in re.finditer(r"\S+", match.group())]
        if len(inside) != 1 or (inside[0].start, inside[0].end) not in words:
            continue
        if inside[0].label not in {"PERSON", "ORG"} or inside[0].refers_to is not None:
            continue
        person = Mention(names[0].article, start, end, match.group(), "PERSON")
        names = sorted([m for m in names if m is not inside[0]] + [person], key=lambda m: (m.start, m.end))
    return names
