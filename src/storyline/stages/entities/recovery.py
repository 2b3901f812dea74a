"""Names the parser left untagged in one article though other articles of the collection tag them.

The small English model tags "Volodymyr Zelensky" but often not "Wolodymyr Selenskyj" in a translation
from German, nor an acronym ("DTEK") it has not seen, so that article's mentions of the actor are lost to
the brief. Per article, extraction cannot know what the rest of the collection names; here, with every
article's mentions at hand, a run of capitalised words that reads as a full name another article tags as
a person (``transliteration.name_readings``: one of the romanisations the tables know), and a bare
acronym another article tags as an organisation, become mentions — with the surname of a recovered name
where it stands alone later in the same article. Both need the whole name or acronym, never a part, and
never a span another mention (a place, a title) already holds or one inside a foreign fragment.
Hand-written because NER libraries tag one document at a time; none reuses a collection's names.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

from storyline.records import Article, Mention
from storyline.stages.entities.lexicon import (
    PLACE_LABELS,
    chinese_surname_first,
    entity_lexicon,
    fold_name,
)
from storyline.stages.entities.people import has_patronymic
from storyline.stages.entities.transliteration import name_readings, surname_first_readings

__all__ = ["recover_mentions"]

# A run of two or more words, each capitalised or an Arabic article joined to a capitalised one ("Abd
# al-Kadir"); a name is two or three of them. The run is read whole, so that a name after a title of two
# capitalised words ("Labour Minister Dschamsched Cholmatow") is not cut at its third word.
NAME_RUN = re.compile(
    r"(?<![\w'’-])(?:(?:[a-z]{1,3}-)?[^\W\d_a-z][\w'’]*(?:-[\w'’]+)?[ \t]+)+"
    r"(?:[a-z]{1,3}-)?[^\W\d_a-z][\w'’]*(?:-[\w'’]+)?(?![\w'’-])"
)
# The most words of a full name read from a run.
MAX_NAME_WORDS = 3
# The fewest letters of a given name looked for alone across the collection: shorter Mongolian given names
# are English words as often ("Bold", "Bat").
MIN_GIVEN_NAME_CHARS = 5
# The fewest words of an organisation's name looked for whole across the collection: shorter ones are
# often a place and a head word ("Kharkiv Police") that an article means otherwise.
MIN_ORGANISATION_WORDS = 3
# A one-word name of an organisation a collection may repeat untagged: capitalised, then lower case.
ONE_WORD_NAME = re.compile(r"[^\W\d_a-z][^\W\d_A-Z]{3,}")
# The fewest articles that must tag a one-word name an organisation for it to be looked for in the others.
MIN_ARTICLES_TAGGING = 2
# An acronym a collection may repeat untagged: three to six capitals (two letters match too much by chance).
ACRONYM = re.compile(r"(?<![\w-])[A-Z]{3,6}(?![\w-])")


def recover_mentions(articles: Sequence[Article], mentions: Sequence[Mention]) -> list[Mention]:
    """The mentions of ``articles`` that their own extraction missed, read from the collection's names."""
    known_people = _person_readings(mentions)
    known_acronyms = {m.text for m in mentions if m.label == "ORG" and ACRONYM.fullmatch(m.text)}
    known_acronyms |= _one_word_organisations(articles, mentions)
    given_names = _given_names_after_patronymics(mentions)
    known_organisations = _organisation_full_names(mentions)
    # each article's own mentions, grouped once: scanning the collection's for every article was quadratic
    # (4.6 of the serial tail's ~33 s of CPU on 923 PolNeAR texts)
    mentions_of: dict[str, list[Mention]] = {}
    held_by_actors: dict[str, list[tuple[int, int]]] = {}
    for mention in mentions:
        mentions_of.setdefault(mention.article, []).append(mention)
        if mention.label not in PLACE_LABELS:
            held_by_actors.setdefault(mention.article, []).append((mention.start, mention.end))
    recovered: list[Mention] = []
    for article in articles:
        own = mentions_of.get(article.id, [])
        blocked = [(m.start, m.end) for m in own] + [(f.start, f.end) for f in article.foreign_fragments]
        people = _people_in(article, known_people, blocked)
        blocked = blocked + [(m.start, m.end) for m in people]
        # a word with a letter: "3" of the barge "Seosan 3", tagged a person, is no surname
        last_words = {m.text.split()[-1] for m in people + _mistagged_people(own, known_people)}
        last_words |= _surnames_written_first(own, known_people)
        surnames = given_names | {word for word in last_words if any(char.isalpha() for char in word)}
        found = people + _words_in(article, surnames, "PERSON", blocked)
        blocked = blocked + [(m.start, m.end) for m in found]
        found += _words_in(article, known_acronyms, "ORG", blocked)
        # an organisation's full name may hold a place the small model tagged alone ("North Evia" of "North
        # Evia Volunteer Rescue Team"): only actors' mentions and fragments block it — this article's only
        # (another article's recovered span at the same offsets hid "Altinova Sanayi Holding" in the
        # generalise thessaloniki-bid)
        fragments = [(f.start, f.end) for f in article.foreign_fragments]
        held = held_by_actors.get(article.id, []) + fragments + [(m.start, m.end) for m in found]
        recovered += found + _words_in(article, known_organisations, "ORG", held)
    return recovered


def _one_word_organisations(articles: Sequence[Article], mentions: Sequence[Mention]) -> set[str]:
    """One-word names ("Okapi") that two articles or more tag an organisation and none tags otherwise, that
    no person's name of the collection holds, and that no article writes in lower case (a word of the
    language, "State", "Labour", may open a sentence as itself): the small model misses such a name where it
    opens a sentence ("Okapi said it had refunded …") or stands before a kind word ("the Okapi supermarket
    chain"). Issue #17, generalise recall."""
    tagged: dict[str, set[str]] = {}
    other: set[str] = set()
    for mention in mentions:
        if mention.label == "ORG" and mention.refers_to is None and ONE_WORD_NAME.fullmatch(mention.text):
            tagged.setdefault(mention.text, set()).add(mention.article)
        elif mention.label != "ORG":
            other.update(mention.text.split())
    candidates = {name for name, where in tagged.items() if len(where) >= MIN_ARTICLES_TAGGING} - other
    if not candidates:
        return set()
    lowered = {name.lower() for name in candidates}
    written_lower = {
        word for article in articles for word in re.findall(r"[^\W\d_]+", article.text) if word in lowered
    }
    return {name for name in candidates if name.lower() not in written_lower}


def _organisation_full_names(mentions: Iterable[Mention]) -> frozenset[str]:
    """Names of three words or more an article tags an organisation, as written (function words aside,
    capitalised): the whole name is looked for in the other articles, never a part of it. Not one the
    collection also tags a place ("La Corona Dam", an organisation once and a facility four times)."""
    lexicon = entity_lexicon()
    places = {m.text for m in mentions if m.label in PLACE_LABELS}
    return frozenset(
        m.text
        for m in mentions
        if m.label == "ORG"
        and m.text not in places
        and m.refers_to is None
        and len(words := m.text.split()) >= MIN_ORGANISATION_WORDS
        and all(word[:1].isupper() or word.lower() in lexicon.acronym_stopwords for word in words)
    )


def _person_readings(mentions: Iterable[Mention]) -> frozenset[tuple[str, str]]:
    """The readings of every full name (two words or more) tagged as a person's name somewhere, a Chinese
    name's in both orders (``lexicon.chinese_surname_first``)."""
    readings: set[tuple[str, str]] = set()
    for mention in mentions:
        tokens = fold_name(mention.text).split()
        if mention.label == "PERSON" and mention.refers_to is None and len(tokens) > 1:
            readings |= name_readings(tokens)
            if chinese_surname_first(tokens):  # "Jianguo Wang" where a report never writes "Wang Jianguo"
                readings |= name_readings(tokens[::-1])
    return frozenset(readings)


def _given_names_after_patronymics(mentions: Iterable[Mention]) -> set[str]:
    """The given names of the collection's Mongolian names ("Enkhjargal" of "Dashdorjiin Enkhjargal"):
    the name such a person goes by alone, in reports that never write the patronymic ("D. Enkhjargal")."""
    lexicon = entity_lexicon()
    return {
        given_name
        for mention in mentions
        if mention.label == "PERSON"
        and mention.refers_to is None
        and has_patronymic(fold_name(mention.text).split(), lexicon)
        and len(words := mention.text.split()) == 2
        and len(given_name := words[-1]) >= MIN_GIVEN_NAME_CHARS
    }


def _mistagged_people(mentions: Sequence[Mention], known: frozenset[tuple[str, str]]) -> list[Mention]:
    """The full names among one article's ``mentions`` that the small model tagged an organisation ("Its
    chairman, Nuriddin Walijew") or a place ("Szarawyn Ojunceceg") that read as a person's name another
    article tags: their surnames alone are that person too."""
    return [
        m
        for m in mentions
        if (m.label == "ORG" or m.label in PLACE_LABELS)
        and m.refers_to is None
        and len(tokens := fold_name(m.text).split()) in (2, 3)
        and name_readings(tokens) & known
    ]


def _surnames_written_first(mentions: Sequence[Mention], known: frozenset[tuple[str, str]]) -> set[str]:
    """The first words of one article's two-word person names printed surname first, as a translated
    list prints them ("Sargsjan Lilit" in a German report whose English counterparts write "Lilit
    Sargsyan"): turned round, the name reads as a person another article tags, so its first word is the
    surname the article goes on to use alone ("said Sargsjan"), which the small model left untagged. The
    name may be tagged anything: the model read "Sargsjan Lilit" as an organisation."""
    return {
        m.text.split()[0]
        for m in mentions
        if (m.label in {"PERSON", "ORG"} or m.label in PLACE_LABELS)
        and m.refers_to is None
        and len(m.text.split()) == 2
        and len(tokens := fold_name(m.text).split()) == 2
        and surname_first_readings(tokens, known)
    }


def _free(span: tuple[int, int], blocked: Sequence[tuple[int, int]]) -> bool:
    return not any(span[0] < end and start < span[1] for start, end in blocked)


def _people_in(
    article: Article, known: frozenset[tuple[str, str]], blocked: list[tuple[int, int]]
) -> list[Mention]:
    """Untagged runs of two or three capitalised words reading as a known person's full name (the longest
    such part of a run: "Wolodymyr Selenskyj" in "Präsident Wolodymyr Selenskyj")."""
    found = []
    for match in NAME_RUN.finditer(article.text):
        words = list(re.finditer(r"\S+", match.group()))
        parts = [
            (i, j) for i in range(len(words)) for j in range(min(len(words), i + MAX_NAME_WORDS), i + 1, -1)
        ]
        for i, j in sorted(parts, key=lambda part: part[0] - part[1]):  # the longest part first
            start, end = match.start() + words[i].start(), match.start() + words[j - 1].end()
            tokens = fold_name(article.text[start:end]).split()
            if len(tokens) > 1 and _free((start, end), blocked) and name_readings(tokens) & known:
                found.append(Mention(article.id, start, end, article.text[start:end], "PERSON"))
                break
    return found


def _words_in(
    article: Article, words: Iterable[str], label: str, blocked: list[tuple[int, int]]
) -> list[Mention]:
    """Untagged whole-word occurrences of ``words`` in the article, found in one scan of its text (one
    pattern per word made this pass quadratic: every article against every acronym of the collection)."""
    pattern = _alternation(frozenset(words))
    if pattern is None:
        return []
    found = []
    for match in pattern.finditer(article.text):
        span = (match.start(), match.end())
        if _free(span, blocked):
            blocked = [*blocked, span]
            found.append(Mention(article.id, span[0], span[1], match.group(), label))
    return found


@lru_cache(maxsize=64)
def _alternation(words: frozenset[str]) -> re.Pattern[str] | None:
    """One pattern matching any of ``words`` as a whole word, longest first; None for no words."""
    if not words:
        return None
    alternatives = "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<![\w'’-])(?:{alternatives})(?![\w'’-])")
