"""How a name spelled in one language's romanisation reads in English, from tables kept as data.

News about Ukraine, Russia, Georgia, Korea or the Arab world reaches English readers through German, Polish,
French and Spanish outlets, each romanising names its own way: "Selenskyj", "Terechow", "Szojgu",
"Tchernychev" are "Zelensky", "Terekhov", "Shoygu", "Chernyshev". ``lexicons/transliteration.toml`` holds
the letter correspondences, one row per spelling of a sound, per language; a name's *readings* are the name
rewritten by each language's rows (one pass, so a rewritten letter is not rewritten again; a row marked
optional, for a letter that is as often the letter it looks like, is read both ways), each then
normalised for the variation English spelling itself allows (y/i, doubled letters, the Ukrainian "h" for
the Russian "g"). Two names that share a reading may be one name; which language a name came from is not
known, so every table is tried — readings only block candidates, they never merge on their own.
``lexicons/given_names.toml`` lists given names that are one name in their Ukrainian and Russian forms
(Olena / Yelena, Volodymyr / Vladimir) or their Greek everyday and church forms (Kostas / Konstantinos),
which no letter table can derive.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Container, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import product

from storyline.lexicons import load_lexicon
from storyline.stages.entities.korean import korean_readings
from storyline.stages.entities.lexicon import fold_name

__all__ = [
    "given_name_rows",
    "name_readings",
    "opens_with_given_name",
    "readings",
    "readings_without_first_given_name",
    "surname_first_readings",
    "transliteration_tables",
]


# A word has 2^n readings for n matches of optional rows: a surname has one to three, but the given names a
# full name joins into one word ("name_readings") may have a dozen; past four the rest are only rewritten.
MAX_OPTIONAL_MATCHES = 4


@dataclass(frozen=True)
class TransliterationTables:
    languages: dict[str, re.Pattern[str]]
    replacements: dict[str, tuple[str, ...]]
    optional: dict[str, tuple[bool, ...]]
    english_variants: tuple[tuple[re.Pattern[str], str], ...]
    given_name_rows: dict[str, frozenset[int]]
    joined_patronymics: frozenset[str] = frozenset()


def _fold(word: str) -> str:
    return re.sub(r"[^a-z ]+", "", fold_name(word))


@lru_cache(maxsize=1)
def transliteration_tables() -> TransliterationTables:
    """The tables of ``lexicons/transliteration.toml`` and ``lexicons/given_names.toml``, compiled once."""
    data = load_lexicon("transliteration")
    by_language: dict[str, list[dict[str, str]]] = defaultdict(list)
    for row in data["rows"]:
        by_language[row["language"]].append(row)
    languages = {
        language: re.compile("|".join(f"({row['pattern']})" for row in rows))
        for language, rows in by_language.items()
    }
    replacements = {language: tuple(row["english"] for row in rows) for language, rows in by_language.items()}
    optional = {
        language: tuple(bool(row.get("optional", False)) for row in rows)
        for language, rows in by_language.items()
    }
    variants = tuple((re.compile(pattern), english) for pattern, english in data["english_variants"].items())
    patronymics = frozenset(data["joined_patronymics"])
    tables = TransliterationTables(languages, replacements, optional, variants, {}, patronymics)
    rows_of: dict[str, set[int]] = defaultdict(set)
    for index, forms in enumerate(load_lexicon("given_names")["rows"]):
        for form in forms:
            for reading in _readings(_fold(form), tables):
                rows_of[reading].add(index)
    return TransliterationTables(
        languages,
        replacements,
        optional,
        variants,
        {reading: frozenset(rows) for reading, rows in rows_of.items()},
        patronymics,
    )


def rewrite(word: str, language: str, tables: TransliterationTables) -> str:
    """A folded word with one language's spellings replaced by the English ones, in a single pass."""
    english = tables.replacements[language]
    return tables.languages[language].sub(lambda match: english[(match.lastindex or 1) - 1], word)


def rewrites(word: str, language: str, tables: TransliterationTables) -> frozenset[str]:
    """``rewrite`` with each spelling of an *optional* row both replaced and kept: a German "s" before a vowel
    is the Russian "з" or "с" (Sacharow is Zakharov, Sawtschenko Savchenko), one letter of a name as one,
    the next as the other ("Maisuradse")."""
    english, optional = tables.replacements[language], tables.optional[language]
    pieces: list[tuple[str, ...]] = []
    end, both_ways = 0, 0
    for match in tables.languages[language].finditer(word):
        row = (match.lastindex or 1) - 1
        read_both = optional[row] and both_ways < MAX_OPTIONAL_MATCHES
        both_ways += read_both
        pieces += [
            (word[end : match.start()],),
            (english[row], match.group()) if read_both else (english[row],),
        ]
        end = match.end()
    pieces.append((word[end:],))
    return frozenset("".join(choice) for choice in product(*pieces))


def english_variant(word: str, tables: TransliterationTables) -> str:
    """A folded English spelling with the variation English romanisations allow normalised away."""
    for pattern, replacement in tables.english_variants:
        word = pattern.sub(replacement, word)
    return word


def _readings(word: str, tables: TransliterationTables) -> frozenset[str]:
    rewritten = {word}.union(*(rewrites(word, language, tables) for language in tables.languages))
    return frozenset(english_variant(form, tables) for form in rewritten)


@lru_cache(maxsize=1 << 16)  # surnames repeat across a collection
def readings(word: str) -> frozenset[str]:
    """Every English reading of a folded word: as written, and as each language's romanisation."""
    return _readings(word, transliteration_tables())


def given_name_rows(word: str) -> frozenset[int]:
    """The rows of the given-name table a folded given name belongs to (none for a name not listed)."""
    rows = transliteration_tables().given_name_rows
    return frozenset(row for reading in readings(word) for row in rows.get(reading, ()))


def opens_with_given_name(key: str) -> bool:
    """ "Olena Kondratiuk", "Oleksandr Syrskyi": two or three words (folded) opening with a given name of
    the table are a person's name, whatever the small model tagged (it often calls them organisations)."""
    words = key.split()
    return 2 <= len(words) <= 3 and bool(given_name_rows(words[0]))


def name_readings(tokens: Sequence[str]) -> frozenset[tuple[str, str]]:
    """(a reading of the surname, a reading or given-name table row of the given names) of a folded full
    name split into words: two full names that share one read as one name in some romanisation. A Korean
    name adds its (surname row, given-name skeleton) reading (``entities.korean``): its surname is first."""
    found = frozenset(product(readings(tokens[-1]), _given_tags(tokens[:-1]))) | korean_readings(tokens)
    if len(tokens) >= 3 and tokens[-2] in transliteration_tables().joined_patronymics:
        # "Hamid Ben Ammar" is "Hamid Benammar" and "Hamid bin Ammar": the patronymic joined as "ben"
        found |= frozenset(product(readings("ben" + tokens[-1]), _given_tags(tokens[:-2])))
    return found


def _given_tags(given: Sequence[str]) -> set[str]:
    """The given-name table rows of the first given name and the readings of all of them joined."""
    return {f"row {row}" for row in given_name_rows(given[0])} | readings("".join(given))


def readings_without_first_given_name(tokens: Sequence[str]) -> frozenset[tuple[str, str]]:
    """The ``name_readings`` of a folded full name of three words or more with its first given name left
    out, which papers and taggers drop: "Ghafour Chahwani" for "Abdul Ghafoor Shahwani", "Chan Afridi"
    for "Nawid Chan Afridi" (issue #17, kalat-hostages), "Hunter Biden" for "Robert Hunter Biden". For
    merging names (``entities.names``) only: a run of words read as a name (``entities.recovery``) would
    take a title before it ("Minister Wolodymyr Tschernow") for a first given name."""
    if len(tokens) < 3:
        return frozenset()
    return frozenset(product(readings(tokens[-1]), readings("".join(tokens[1:-1]))))


def surname_first_readings(
    words: Sequence[str], known: Container[tuple[str, str]]
) -> frozenset[tuple[str, str]]:
    """The readings of a folded two-word name printed surname first ("sargsjan lilit", as a translated list
    prints it) that, turned round, it shares with ``known`` (the ``name_readings`` of a collection's
    people: "lilit sargsyan"); none where the name read so is no known person. Merging names
    (``entities.names``), typing keys (``entities.resolve``) and recovering untagged surnames
    (``entities.recovery``) each ask it in their own phase."""
    return frozenset(reading for reading in name_readings(words[::-1]) if reading in known)
