"""Which spellings of a person's name are one person: transliterations, Slavic forms, lone surnames.

Two passes over the full names of one collection, both blocked so that the work grows with the number of
spellings of one name, not with the square of the collection:
1. *near spellings* (``index.SimilarWords``: one edit apart and one Metaphone code, Zelensky ~ Zelenskyy),
   merged when the surnames are near-identical and the given names alike (Volodymyr ~ Volodimir);
2. *readings* (``transliteration``): a German, Polish, French or Spanish romanisation read as English
   ("Terechow" → "terekhov", "Lubinez" → "lubinets"), with given names that are one name in the table of
   East Slavic forms (Olena / Yelena) or read alike. Such a match is weak — "Galushchenko" and
   "Halushchenko" may be two people — so it merges only in a shared context: the two spellings in one
   article, given one role, or in articles that share other actors (an article chain).
A two-word name printed surname first ("Papadakis Nikos") joins the same two words in the usual order.
A lone surname then joins the one full name with that surname, only when exactly one exists.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

import jellyfish
from rapidfuzz import fuzz
from scipy.cluster.hierarchy import DisjointSet

from storyline.config import EntitiesSettings
from storyline.records import Mention
from storyline.stages.entities.index import SimilarWords
from storyline.stages.entities.korean import korean_surname_reading, korean_surname_row
from storyline.stages.entities.lexicon import (
    chinese_surname_first,
    entity_lexicon,
    fold_name,
    surname_particle_words,
)
from storyline.stages.entities.transliteration import (
    given_name_rows,
    name_readings,
    readings_without_first_given_name,
    surname_first_readings,
)

__all__ = [
    "NameContext",
    "merge_person_variants",
    "shortens_given_names",
    "surname_particles_joined",
    "without_middle_patronymic",
]

# A reading of a surname shared by more full names than this is too common to compare pairwise in
# ("kim" in Korean news); its names are left to the near-spelling pass.
MAX_READING_BLOCK = 50


@dataclass
class NameContext:
    """Where each key is used: its articles, the other actors of each article, and the roles it is given.
    Built by ``resolve`` from every mention of the collection (places left out: every story of a war shares
    its countries)."""

    articles_of: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    keys_of: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    roles_of: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))

    def add(self, key: str, article: str, role_words: Iterable[str], is_place: bool) -> None:
        self.articles_of[key].add(article)
        if not is_place:
            self.keys_of[article].add(key)
        self.roles_of[key].update(role_words)

    def related(self, first: str, second: str, groups: DisjointSet, min_shared: int) -> bool:
        """One article, one role word, or ``min_shared`` other actors in common (counted as entities so far:
        "Dmytro Lubinets" and "Dmitry Lubinets" count once when already merged)."""
        if self.articles_of[first] & self.articles_of[second]:
            return True
        if self.roles_of[first] & self.roles_of[second]:
            return True
        around_first = self._actors_around(first, groups)
        around_second = self._actors_around(second, groups)
        return len(around_first & around_second) >= min_shared

    def in_story(self, article: str, group: list[Mention], min_shared: int) -> bool:
        """Whether ``article`` names the group's actor, or shares ``min_shared`` other actors (counted by
        last word, so "Marín" and "José Marín" count once) with an article that does: the story test of a
        description no name of its own article explains."""
        articles = {m.article for m in group}
        if article in articles:
            return True
        own = {key.split()[-1] for m in group if (key := fold_name(m.refers_to or m.text))}
        actors_here = {key.split()[-1] for key in self.keys_of[article] if key} - own
        return any(
            len(actors_here & {key.split()[-1] for key in self.keys_of[other] if key}) >= min_shared
            for other in articles
        )

    def nearest(
        self, article: str, candidates: Iterable[int], groups: list[list[Mention]], min_shared: int
    ) -> list[int]:
        """The candidate groups a description of ``article`` may stand for: those the article itself names,
        else those of its story (``in_story``). The article first, so that another story's actor of the
        same role never makes its own actor ambiguous: "the minister" of a wildfire report naming its
        minister went unresolved once a ferry story in the same scope named a minister too (issue #17)."""
        candidates = list(candidates)
        named_here = [i for i in candidates if any(m.article == article for m in groups[i])]
        return named_here or [i for i in candidates if self.in_story(article, groups[i], min_shared)]

    def _actors_around(self, key: str, groups: DisjointSet) -> set[str]:
        own = _entity_of(key, groups)
        around = {
            _entity_of(other, groups) for article in self.articles_of[key] for other in self.keys_of[article]
        }
        return around - {own}


def _entity_of(key: str, groups: DisjointSet) -> str:
    """The entity a key belongs to so far; keys of other types (organisations) are their own."""
    if key not in groups:  # a DisjointSet has no ``get``
        return key
    return str(groups[key])


def without_middle_patronymic(key: str) -> str:
    """ "khurshed karimovich davlatov" → "khurshed davlatov": a patronymic of the Russian form between the
    given name and the surname (``middle_patronymic_endings``), which one paper writes and the next leaves
    out (issue #17, generalise pamir-air-crash); a name of two words, or of four, is left as it is."""
    words = key.split()
    if len(words) != 3 or not words[1].endswith(entity_lexicon().middle_patronymic_endings):
        return key
    return f"{words[0]} {words[2]}"


def surname_particles_joined(keys: Iterable[str]) -> dict[str, str]:
    """ "sofie van den bossche" → "sofie vandenbossche" where another key writes that surname as one word
    ("sophie vandenbossche", "vandenbossche"): Dutch and Flemish papers join a surname's particles at will,
    and the folded keys then share no surname. Only where the joined word is written so in the scope: "da
    silva" stays two words beside a lone "silva". Each key changed → its joined form."""
    particles = surname_particle_words()
    keys = list(keys)
    one_word_surnames = {key.rsplit(" ", 1)[-1] for key in keys}
    joined: dict[str, str] = {}
    for key in keys:
        words = key.split()
        first_particle = len(words) - 1
        while first_particle > 0 and words[first_particle - 1] in particles:
            first_particle -= 1
        if first_particle == len(words) - 1:
            continue
        surname = "".join(words[first_particle:])
        if surname in one_word_surnames:
            joined[key] = " ".join([*words[:first_particle], surname])
    return joined


def _names_compatible(long_a: list[str], long_b: list[str], settings: EntitiesSettings) -> bool:
    """Two multi-token person names are one person when surnames match closely and given names agree."""
    if fuzz.ratio(long_a[-1], long_b[-1]) < settings.surname_min_ratio:
        return False
    given_a, given_b = " ".join(long_a[:-1]), " ".join(long_b[:-1])
    return fuzz.ratio(given_a, given_b) >= settings.given_name_min_ratio


def _given_name_sound(tokens: list[str]) -> str:
    """The first consonant sound of the given names: transliterations keep it (Volodymyr/Volodimir → F,
    Oleksandr/Aleksandr → L, Kyrylo/Kirilo → K) while most different people differ in it."""
    sound = jellyfish.metaphone(" ".join(tokens[:-1])).lstrip("AEIOU ")
    return sound[:1]


def merge_person_variants(
    keys: Iterable[str], groups: DisjointSet, settings: EntitiesSettings, context: NameContext
) -> None:
    """Merge near spellings and transliterations of full names, then attach lone surnames to a unique full
    name."""
    full_names: dict[str, dict[str, list[list[str]]]] = defaultdict(lambda: defaultdict(list))
    lone_surnames: list[str] = []
    for key in keys:
        tokens = key.split()
        if len(tokens) > 1:
            full_names[tokens[-1]][_given_name_sound(tokens)].append(tokens)
        elif tokens:
            lone_surnames.append(key)
    surnames = SimilarWords(full_names, settings.surname_min_ratio)
    _merge_near_spellings(full_names, surnames, groups, settings)
    blocks = _reading_blocks(full_names)
    _merge_readings(blocks, groups, settings, context)
    _merge_shortened_given_names(full_names, groups, settings, context)
    printed_surname_first = _merge_surname_first(full_names, blocks, groups, settings, context)
    korean_names = _korean_names_by_surname(full_names)
    for lone in lone_surnames:
        candidates = {
            groups[" ".join(tokens)]
            for surname in surnames.similar(lone)
            for names in full_names[surname].values()
            for tokens in names
        }
        # "said Sargsjan" after "Sargsjan Lilit": that name's surname is its first word
        candidates |= {groups[name] for name in printed_surname_first.get(lone, ())}
        row = korean_surname_row(lone)
        if row is not None:
            candidates |= {groups[name] for name in korean_names.get(f"korean {row}", ())}
        if len(candidates) == 1:
            groups.merge(lone, candidates.pop())


def shortens_given_names(short: list[str], full: list[str]) -> bool:
    """Whether folded given names are others with middle names left out or written as initials: "anil" and
    "a k" of "anil kumar", "g w" of "george walker". The first given name stays, in full or as its initial;
    each word kept is the word of the full name in order, or its initial."""
    if len(short) > len(full) or short == full or not short:
        return False
    if not _word_or_initial(short[0], full[0]):
        return False
    remaining = iter(full[1:])
    return all(any(_word_or_initial(word, other) for other in remaining) for word in short[1:])


def _word_or_initial(word: str, full_word: str) -> bool:
    return word == full_word or (len(word) == 1 and full_word.startswith(word))


def _merge_shortened_given_names(
    full_names: dict[str, dict[str, list[list[str]]]],
    groups: DisjointSet,
    settings: EntitiesSettings,
    context: NameContext,
) -> None:
    """ "A.K. Srivastava" and "Anil Srivastava" join "Anil Kumar Srivastava": papers drop middle names and
    write given names as initials (Indian, American, Dutch and Scandinavian names above all) far more
    often than two people of one story share a surname and a first initial. Only where the shortened name
    fits the full names of one entity with that surname, and in a shared context, as any weak match."""
    for by_given in full_names.values():
        names = [tokens for same_sound in by_given.values() for tokens in same_sound]
        for short in names:
            fuller = [full for full in names if shortens_given_names(short[:-1], full[:-1])]
            if len({groups[" ".join(full)] for full in fuller}) != 1:
                continue
            key, full_key = " ".join(short), " ".join(fuller[0])
            if context.related(key, full_key, groups, settings.transliteration_min_shared_actors):
                groups.merge(key, full_key)


def _merge_surname_first(
    full_names: dict[str, dict[str, list[list[str]]]],
    blocks: dict[tuple[str, str], set[str]],
    groups: DisjointSet,
    settings: EntitiesSettings,
    context: NameContext,
) -> dict[str, set[str]]:
    """A two-word name written surname first, as Greek, Hungarian or Chinese official lists print it
    ("Papadakis Nikos"), joins the same two words in the usual order when the word that moved to the end is
    a given name of the table: two people whose names are each other's reverse are rare, one of them with a
    listed given name for a surname rarer still. A given name the table lacks needs a reverse spelt
    otherwise ("Sargsjan Lilit" in a German report, "Lilit Sargsyan" in English ones: a translated list, not
    two people) that reads alike (``transliteration.surname_first_readings``), in a shared context as any
    reading, with the two words used so in the collection only: the moved word no other name's surname, the
    first word no other name's given name (not "Wei Lan" beside "Lan Wei", where no report says which order
    is whose).
    Returns the names so joined by their first word, the surname that word is: a lone surname may be that
    name's (``merge_person_variants``)."""
    keys = {
        " ".join(tokens)
        for by_given in full_names.values()
        for names in by_given.values()
        for tokens in names
    }
    first_words = Counter(key.split()[0] for key in keys)
    last_words = Counter(key.split()[-1] for key in keys)
    spelt_otherwise = []
    by_surname: dict[str, set[str]] = defaultdict(set)
    for key in keys:
        words = key.split()
        if len(words) != 2:
            continue
        usual_order = f"{words[1]} {words[0]}"
        if usual_order in keys:
            if (given_name_rows(words[1]) and not given_name_rows(words[0])) or chinese_surname_first(words):
                groups.merge(key, usual_order)
                by_surname[words[0]].add(key)
        elif last_words[words[1]] == 1 and first_words[words[0]] == 1:
            spelt_otherwise.append(key)
    for key in spelt_otherwise:
        read_alike = {
            other for block in surname_first_readings(key.split(), blocks) for other in blocks[block]
        }
        for other in sorted(read_alike - {key}):
            if context.related(key, other, groups, settings.transliteration_min_shared_actors):
                groups.merge(key, other)
                by_surname[key.split()[0]].add(key)
    return by_surname


def _korean_names_by_surname(full_names: dict[str, dict[str, list[list[str]]]]) -> dict[str, set[str]]:
    """Full names read as Korean, by surname row: a Korean surname is the *first* word ("Tschoi" alone
    joins "Choi Seong-ho" when he is the one Choi of the collection)."""
    by_surname: dict[str, set[str]] = defaultdict(set)
    for by_given in full_names.values():
        for names in by_given.values():
            for tokens in names:
                if reading := korean_surname_reading(tokens):
                    by_surname[reading[0]].add(" ".join(tokens))
    return by_surname


def _merge_near_spellings(
    full_names: dict[str, dict[str, list[list[str]]]],
    surnames: SimilarWords,
    groups: DisjointSet,
    settings: EntitiesSettings,
) -> None:
    """Full names are compared only when their surnames are near spellings of each other and their given
    names start with one sound."""
    for surname, by_given in full_names.items():
        for other_surname in surnames.similar(surname):
            if other_surname < surname:
                continue  # each pair of surnames once
            for sound, names in by_given.items():
                others = full_names[other_surname].get(sound, [])
                for first, second in _name_pairs(names, others, same=other_surname == surname):
                    if _names_compatible(first, second, settings):
                        groups.merge(" ".join(first), " ".join(second))


def _name_pairs(
    names: list[list[str]], others: list[list[str]], same: bool
) -> Iterable[tuple[list[str], list[str]]]:
    """Every pair across two lists of names, or every pair within one list (each once) when they are one."""
    if same:
        return ((first, second) for i, first in enumerate(names) for second in names[i + 1 :])
    return ((first, second) for first in names for second in others)


def _reading_blocks(full_names: dict[str, dict[str, list[list[str]]]]) -> dict[tuple[str, str], set[str]]:
    """Full names by (a reading of the surname, a reading or table row of the given names): names in one
    block read as one name in some romanisation."""
    blocks: dict[tuple[str, str], set[str]] = defaultdict(set)
    for by_given in full_names.values():
        for names in by_given.values():
            for tokens in names:
                for block in name_readings(tokens) | readings_without_first_given_name(tokens):
                    blocks[block].add(" ".join(tokens))
    return blocks


def _merge_readings(
    reading_blocks: dict[tuple[str, str], set[str]],
    groups: DisjointSet,
    settings: EntitiesSettings,
    context: NameContext,
) -> None:
    """Weak matches (one reading, given names alike) merge only in a shared context. Two rounds: a merge
    in the first makes the actors around a name the same entity, which the second can count."""
    blocks = [sorted(block) for block in reading_blocks.values() if len(block) > 1]
    blocks = [block for block in blocks if len(block) <= MAX_READING_BLOCK]
    for _ in range(2):
        for block in blocks:
            for i, first in enumerate(block):
                for second in block[i + 1 :]:
                    if groups[first] != groups[second] and context.related(
                        first, second, groups, settings.transliteration_min_shared_actors
                    ):
                        groups.merge(first, second)
