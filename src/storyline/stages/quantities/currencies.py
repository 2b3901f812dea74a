"""Which counted nouns are currencies ("50 million lari", "10 million tenge"): money, never a count.

The words come from the Unicode CLDR through Babel (already installed for trafilatura's date handling,
now a declared dependency): the English singular and plural names of every currency in legal tender in
some territory today ("Georgian Lari" → "lari", "Kazakhstani tenges" → "tenges"), so a story in any local
currency is read as money without a list kept by hand. Words that are more often something else after a
number ("the 100 mark", "5 pounds" of weight, "gold") are left out and a few common spellings CLDR lacks
("roubles") added, both in ``lexicons/numbers.toml`` ``[currencies]``.
"""

from __future__ import annotations

from functools import cache

from babel import Locale
from babel.numbers import get_currency_name, get_territory_currencies

from storyline.lexicons import load_lexicon

ENGLISH = Locale("en")


@cache
def currency_words() -> frozenset[str]:
    """Lower-case singular and plural names (last word) of the currencies in legal tender today."""
    lexicon = load_lexicon("numbers")["currencies"]
    codes = {code for territory in ENGLISH.territories for code in get_territory_currencies(str(territory))}
    names = [ENGLISH.currencies.get(code, "") for code in codes]
    names += [get_currency_name(code, count=2, locale=ENGLISH) for code in codes]
    words = {name.split()[-1].lower() for name in names if name and name.split()[-1].isalpha()}
    return frozenset((words | set(lexicon["extra"])) - set(lexicon["not_currencies"]))


def is_currency(unit: str) -> bool:
    """Whether a quantity's unit (a head noun's lemma) names a currency."""
    return unit.lower() in currency_words()
