"""Numbers as news writes them, read from tokens: "12,000", "10 000", "two thousand", "twenty-five",
"tens of thousands" → a phrase of tokens and its value.

The number words, scales, vague amounts ("dozens") and approximators are data in ``lexicons/numbers.toml``
and the unit classes in ``lexicons/units.toml``, loaded once into :class:`NumberLexicon`. Phrases are read
left to right and never overlap, the longest vague amount first ("tens of thousands" before "thousands").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Token

from storyline.lexicons import load_lexicon

# Digits as news writes them: "12,000", "1.5", "2600". "10 000" arrives as two tokens and is joined below.
DIGITS = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$")
THOUSANDS_GROUP = re.compile(r"^\d{3}$")


@dataclass(frozen=True, slots=True)
class NumberLexicon:
    words: dict[str, float]
    scales: dict[str, float]
    vague: dict[tuple[str, ...], float]
    approximators: tuple[tuple[str, ...], ...]
    year_prepositions: frozenset[str]
    year_range: tuple[int, int]
    skip_entity_labels: frozenset[str]
    date_labels: frozenset[str]
    time_units: frozenset[str]
    months: frozenset[str]
    fractions: frozenset[str]
    scale_fractions: dict[str, float]  # "quarter" → 0.25: "a quarter of a million" (``_fraction_of_scale``)
    unit_classes: dict[str, str]  # member ("special force", "soldier", "$") → class ("personnel", "USD")
    prefixes: dict[str, str]  # "$" → "USD", "EUR" → "EUR": written before the number
    rate_words: frozenset[str]  # words between a unit and a time unit that make a rate ("/", "per")
    rate_times: dict[str, str]  # a time unit ("hour", "h") → the symbol a rate's class ends in ("h")


@cache
def number_lexicon() -> NumberLexicon:
    numbers, units = load_lexicon("numbers"), load_lexicon("units")
    members = {
        member.lower(): unit_class for unit_class, names in units["classes"].items() for member in names
    }
    return NumberLexicon(
        words={word: float(value) for word, value in numbers["words"].items()},
        scales={word: float(value) for word, value in numbers["scales"].items()},
        vague={tuple(words.split()): float(value) for words, value in numbers["vague"].items()},
        approximators=tuple(
            sorted((tuple(p.split()) for p in numbers["approximators"]["phrases"]), key=len, reverse=True)
        ),
        year_prepositions=frozenset(numbers["years"]["prepositions"]),
        year_range=(int(numbers["years"]["earliest"]), int(numbers["years"]["latest"])),
        skip_entity_labels=frozenset(numbers["skip"]["entity_labels"]),
        date_labels=frozenset(numbers["skip"]["date_labels"]),
        time_units=frozenset(numbers["skip"]["time_units"]),
        months=frozenset(numbers["dates"]["months"]),
        fractions=frozenset(numbers["fractions"]["nouns"]),
        scale_fractions={word: float(share) for word, share in numbers["fractions"]["of_scale"].items()},
        unit_classes=members,
        prefixes=dict(units["prefixes"]),
        rate_words=frozenset(units["rates"]["between"]),
        rate_times=dict(units["rates"]["times"]),
    )


def number_phrases(tokens: list[Token], lexicon: NumberLexicon) -> Iterator[list[Token]]:
    """Each number phrase of ``tokens``, left to right, never overlapping."""
    position = 0
    while position < len(tokens):
        phrase = _number_phrase(tokens, position, lexicon)
        if not phrase:
            position += 1
            continue
        position += len(phrase)
        yield phrase


def _number_phrase(tokens: list[Token], position: int, lexicon: NumberLexicon) -> list[Token]:
    """The tokens of the number starting at ``tokens[position]`` ("two thousand", "10 000", "dozens")."""
    first = tokens[position]
    fraction = _fraction_of_scale(tokens, position, lexicon)
    if fraction:
        return fraction
    for words in lexicon.vague:  # "tens of thousands" before "thousands"
        window = tokens[position : position + len(words)]
        if tuple(token.lower_ for token in window) == words:
            return window
    if not _is_number_token(first, tokens[position + 1] if position + 1 < len(tokens) else None, lexicon):
        return []
    phrase = [first]
    for token in tokens[position + 1 :]:
        previous = phrase[-1]
        hyphenated = token.text == "-" and previous.lower_ in lexicon.words  # "twenty-five"
        if hyphenated or _continues_number(previous, token, lexicon):
            phrase.append(token)
        else:
            break
    while phrase and not (is_digits(phrase[-1]) or _is_number_word(phrase[-1], lexicon)):
        phrase.pop()  # a trailing hyphen
    return phrase


def _fraction_of_scale(tokens: list[Token], position: int, lexicon: NumberLexicon) -> list[Token]:
    """The tokens of a fraction of a scale word starting at ``tokens[position]``: "a quarter of a million",
    "a quarter-million", "half a million", "three-quarters of a million" (``[fractions.of_scale]``); empty
    when none starts there. A singular fraction needs "a", "an" or "one" before it ("the third million"
    is an ordinal), save "half"; a plural one needs a number word ("three-quarters")."""
    words = [token.lower_ for token in tokens[position : position + 9]]
    index, numerator = 0, None
    if words and words[0] in ("a", "an", "one"):
        index, numerator = 1, 1.0
    elif words and 1 < lexicon.words.get(words[0], 0) < 10:
        index, numerator = 1, lexicon.words[words[0]]
    index = _past_hyphens(words, index)
    fraction = words[index] if index < len(words) else ""
    if fraction not in lexicon.scale_fractions:
        return []
    plural = fraction.endswith("s")
    if (plural and (numerator or 0) <= 1) or (not plural and numerator is None and fraction != "half"):
        return []
    index = _past_hyphens(words, index + 1)
    for optional in (("of",), ("a", "an")):
        if index < len(words) and words[index] in optional:
            index = _past_hyphens(words, index + 1)
    if index < len(words) and lexicon.scales.get(words[index], 0) >= 1000:
        return tokens[position : position + index + 1]
    return []


def _past_hyphens(words: list[str], index: int) -> int:
    while index < len(words) and words[index] == "-":
        index += 1
    return index


def is_digits(token: Token) -> bool:
    return bool(DIGITS.match(token.text))


def _is_number_word(token: Token, lexicon: NumberLexicon) -> bool:
    lower = token.lower_
    if lower in ("a", "an"):
        return False  # only as "a thousand", handled by _is_number_token
    if lower not in lexicon.words and lower not in lexicon.scales:
        return False
    return token.pos_ in ("NUM", "NOUN", "DET") or opens_sentence_capitalised(token)


def opens_sentence_capitalised(token: Token) -> bool:
    """Whether a number word is capitalised only because it opens its sentence ("Eleven inmates remain at
    large", "Fifty-two inmates escaped"): the tagger reads such a word as a proper noun, yet news style
    writes a number that opens a sentence in words. Not a word inside a name: one followed by another
    capitalised word ("Seven Sisters") or standing after a word of its sentence."""
    if not token.is_title or token.pos_ != "PROPN":
        return False
    opens = token.is_sent_start or token.i == 0 or token.nbor(-1).pos_ in ("PUNCT", "SPACE")
    following = token.nbor() if token.i + 1 < len(token.doc) else None
    return opens and not (following is not None and following.is_title)


def _is_number_token(token: Token, following: Token | None, lexicon: NumberLexicon) -> bool:
    if token.lower_ in ("a", "an"):
        return following is not None and following.lower_ in lexicon.scales
    return is_digits(token) or _is_number_word(token, lexicon)


def _continues_number(previous: Token, token: Token, lexicon: NumberLexicon) -> bool:
    if token.lower_ in lexicon.scales or (_is_number_word(token, lexicon) and not is_digits(previous)):
        return True
    # "10 000": a group of three digits after a short number, one space between (no comma or dash).
    return (
        is_digits(previous)
        and bool(THOUSANDS_GROUP.match(token.text))
        and previous.whitespace_ == " "
        and len(previous.text.replace(",", "")) <= 3
    )


def number_value(phrase: list[Token], lexicon: NumberLexicon) -> float | None:
    vague = lexicon.vague.get(tuple(token.lower_ for token in phrase))
    if vague is not None:
        return vague
    fraction = next((i for i, token in enumerate(phrase) if token.lower_ in lexicon.scale_fractions), None)
    if fraction is not None:  # "three-quarters of a million": the share of the scale after it
        numerator = lexicon.words.get(phrase[0].lower_, 1.0)
        scale = next(lexicon.scales[t.lower_] for t in phrase[fraction:] if t.lower_ in lexicon.scales)
        return float(round(numerator * lexicon.scale_fractions[phrase[fraction].lower_] * scale))
    total, current = 0.0, 0.0
    previous_digits = False
    for token in phrase:
        lower = token.lower_
        if is_digits(token):
            if previous_digits and THOUSANDS_GROUP.match(token.text):
                current = current * 1000 + float(token.text)
            else:
                current += float(token.text.replace(",", ""))
            previous_digits = True
            continue
        previous_digits = False
        if lower in lexicon.scales:
            scale = lexicon.scales[lower]
            current = (current or 1.0) * scale
            if scale >= 1000:
                total, current = total + current, 0.0
        elif lower in lexicon.words:
            word = lexicon.words[lower]
            if not _adds_up(current, word):
                return None  # "fifteen-eighty" (a price said aloud), "nineteen ninety": no sum of words
            current += word
    value = total + current
    return value if value > 0 else None


def _adds_up(current: float, word: float) -> bool:
    """Whether a number word goes on the words before it as one number: after nothing or a hundred
    ("one hundred twenty"), or a unit after a tens word ("twenty-five"); not a tens word after a teen
    ("fifteen-eighty" is 15.80 said aloud, not 95)."""
    rest = current % 100
    return rest == 0 or (rest % 10 == 0 and word < 10)
