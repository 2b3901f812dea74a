"""Quantities in a stretch of a parsed article: "about 11,000 North Korean infantrymen" → 11000 personnel.

Written over spaCy tokens rather than with quantulum3: quantulum3 reads counts of people as dimensionless
(the unit we need most is "personnel"), reads "Group of Seven" as 7 and dates as numbers, and its
classifier does not load beside current scikit-learn. The parse we already have gives what it lacks: the
head noun a number counts (its unit), the named entities that make a number part of a name or a date, and
the words before it that make it approximate.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Token

from storyline.lexicons import load_lexicon
from storyline.records import Quantity

# Digits as news writes them: "12,000", "1.5", "2600". "10 000" arrives as two tokens and is joined below.
DIGITS = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$")
THOUSANDS_GROUP = re.compile(r"^\d{3}$")
# Dependency labels by which a number modifies the noun it counts.
COUNTING_DEPS = frozenset({"nummod", "compound", "quantmod", "amod", "nmod"})
# Parts of speech a noun phrase may hold between a number and its head noun ("11,000 North Korean soldiers").
NOUN_PHRASE_FILLERS = frozenset({"ADJ", "PROPN", "NOUN"})
MAX_FILLERS = 3
# A comma-less four-digit number after these (determiner, possessive) or before a singular noun is a year.
YEAR_DETERMINER_TAGS = frozenset({"DT", "PRP$", "POS"})
SINGULAR_NOUN_TAGS = frozenset({"NN", "NNP"})
AGE_WORDS = frozenset({"aged", "age", "ages"})
# What kind of number a quantity is, from its unit (``number_type``): only numbers of one type compare.
CURRENCY_UNITS = frozenset({"USD", "EUR", "GBP"})
ELLIPSIS_LOOKBACK_SENTENCES = 2


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
    unit_classes: dict[str, str]  # member ("special force", "soldier", "$") → class ("personnel", "USD")
    prefixes: dict[str, str]  # "$" → "USD", "EUR" → "EUR": written before the number


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
        unit_classes=members,
        prefixes=dict(units["prefixes"]),
    )


def find_quantities(
    doc: Doc,
    start: int,
    end: int,
    *,
    text: str | None = None,
    token_starts: Sequence[int] | None = None,
) -> list[Quantity]:
    """Every count, amount or measure whose number lies in characters ``start``–``end`` of ``doc``.

    A caller looking in many stretches of one doc passes the doc's ``text`` and its tokens' character
    offsets (``token_starts``), read once: both cost a pass over every token of the doc."""
    lexicon = number_lexicon()
    text = doc.text if text is None else text
    tokens = _tokens_within(doc, start, end, token_starts)
    found: list[Quantity] = []
    for phrase in _number_phrases(tokens, lexicon):
        quantity = _quantity(doc, text, phrase, start, end, lexicon)
        if quantity is not None:
            found.append(quantity)
    return found


def _tokens_within(doc: Doc, start: int, end: int, token_starts: Sequence[int] | None) -> list[Token]:
    """The tokens lying wholly in characters ``start``–``end``: a run of consecutive tokens, since tokens
    follow each other in the text without overlapping."""
    if token_starts is None:
        token_starts = [token.idx for token in doc]
    tokens = []
    for index in range(bisect.bisect_left(token_starts, start), len(token_starts)):
        token = doc[index]
        if token.idx + len(token) > end:
            break
        tokens.append(token)
    return tokens


def _number_phrases(tokens: list[Token], lexicon: NumberLexicon) -> Iterator[list[Token]]:
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
    while phrase and not (_is_digits(phrase[-1]) or _is_number_word(phrase[-1], lexicon)):
        phrase.pop()  # a trailing hyphen
    return phrase


def _is_digits(token: Token) -> bool:
    return bool(DIGITS.match(token.text))


def _is_number_word(token: Token, lexicon: NumberLexicon) -> bool:
    lower = token.lower_
    if lower in ("a", "an"):
        return False  # only as "a thousand", handled by _is_number_token
    return (lower in lexicon.words or lower in lexicon.scales) and token.pos_ in ("NUM", "NOUN", "DET")


def _is_number_token(token: Token, following: Token | None, lexicon: NumberLexicon) -> bool:
    if token.lower_ in ("a", "an"):
        return following is not None and following.lower_ in lexicon.scales
    return _is_digits(token) or _is_number_word(token, lexicon)


def _continues_number(previous: Token, token: Token, lexicon: NumberLexicon) -> bool:
    if token.lower_ in lexicon.scales or (_is_number_word(token, lexicon) and not _is_digits(previous)):
        return True
    # "10 000": a group of three digits after a short number, one space between (no comma or dash).
    return (
        _is_digits(previous)
        and bool(THOUSANDS_GROUP.match(token.text))
        and previous.whitespace_ == " "
        and len(previous.text.replace(",", "")) <= 3
    )


def _number_value(phrase: list[Token], lexicon: NumberLexicon) -> float | None:
    vague = lexicon.vague.get(tuple(token.lower_ for token in phrase))
    if vague is not None:
        return vague
    total, current = 0.0, 0.0
    previous_digits = False
    for token in phrase:
        lower = token.lower_
        if _is_digits(token):
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
            current += lexicon.words[lower]
    value = total + current
    return value if value > 0 else None


def _quantity(
    doc: Doc, text: str, phrase: list[Token], start: int, end: int, lexicon: NumberLexicon
) -> Quantity | None:
    noun = _counted_noun(phrase, lexicon)
    if _is_name_or_date(phrase, lexicon, noun):
        return None
    value = _number_value(phrase, lexicon)
    if value is None or (value == 1 and not any(_is_digits(token) for token in phrase)):
        return None  # "one of them", "a man": not a count anyone disputes
    if _is_year(phrase, noun, lexicon) or _is_age(phrase, noun) or _is_day(phrase, noun, lexicon):
        return None
    if _is_fraction(phrase, lexicon) or _is_modifier_or_ratio(phrase):
        return None
    approximator = _approximator(doc, phrase[0], lexicon)
    is_vague = tuple(token.lower_ for token in phrase) in lexicon.vague
    unit = _unit(doc, phrase, noun, lexicon)
    if unit is None:
        unit = _antecedent_unit(doc, phrase[0], lexicon)
    first = approximator[0] if approximator else phrase[0]
    if phrase[0].i > 0 and doc[phrase[0].i - 1].text in lexicon.prefixes and not approximator:
        first = doc[phrase[0].i - 1]  # "$5 million" keeps its currency sign
    span_start = first.idx if first.idx >= start else phrase[0].idx
    span_end = phrase[-1].idx + len(phrase[-1])
    if noun is not None and noun.i > phrase[-1].i and noun.idx + len(noun) <= end:
        span_end = noun.idx + len(noun)
    return Quantity(
        value=value,
        unit=unit,
        approx=bool(approximator) or is_vague,
        text=text[span_start:span_end],
        start=span_start,
        end=span_end,
    )


def _is_name_or_date(phrase: list[Token], lexicon: NumberLexicon, noun: Token | None) -> bool:
    """Numbers inside names ("Group of Seven", "First Committee") and dates ("October 18") are not counts.
    The recogniser also calls "Forty ships" a date: a number that counts a noun other than a time unit
    stays a count."""
    labels = {token.ent_type_ for token in phrase}
    if labels & lexicon.date_labels:
        counts_a_thing = (
            noun is not None
            and noun.ent_type_ not in lexicon.date_labels
            and noun.lemma_.lower() not in lexicon.time_units
        )
        if not counts_a_thing:
            return True
    return bool(labels & (lexicon.skip_entity_labels - lexicon.date_labels)) or any(
        token.pos_ == "PROPN" for token in phrase if not _is_digits(token)
    )


def _is_year(phrase: list[Token], noun: Token | None, lexicon: NumberLexicon) -> bool:
    """A bare four-digit number in the year range is a year after "in"/"since"…, beside another year
    ("1950-1953"), or when it counts nothing."""
    if len(phrase) != 1 or not phrase[0].text.isdigit() or len(phrase[0].text) != 4:
        return False
    earliest, latest = lexicon.year_range
    if not earliest <= int(phrase[0].text) <= latest:
        return False
    token = phrase[0]
    doc = token.doc
    before = doc[token.i - 1] if token.i > 0 else None
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    beside_year = after is not None and after.text in "-–—/" and token.i + 2 < len(doc)
    return (
        noun is None
        or (before is not None and before.lower_ in lexicon.year_prepositions)
        or (beside_year and doc[token.i + 2].text.isdigit())
        or _modifies_as_year(token, before, noun)
    )


def _modifies_as_year(token: Token, before: Token | None, noun: Token) -> bool:
    """ "his 1995 tax returns", "the 2012 race": a comma-less four-digit number after a determiner or a
    possessive, or before a singular noun, names a year. News writes counts of thousands with a comma
    ("1,995 returns"), so the cost is a rare count written "2000 troops" after "the"."""
    determined = before is not None and before.tag_ in YEAR_DETERMINER_TAGS
    return determined or noun.tag_ in SINGULAR_NOUN_TAGS


def _is_fraction(phrase: list[Token], lexicon: NumberLexicon) -> bool:
    """ "three-quarters", "two thirds": a share of something, not a count."""
    doc, last = phrase[0].doc, phrase[-1]
    following = [token.lower_ for token in doc[last.i + 1 : last.i + 3] if token.text != "-"]
    return bool(following) and following[0] in lexicon.fractions


def _is_modifier_or_ratio(phrase: list[Token]) -> bool:
    """ "a two-way race", "a 3-point lead" (a hyphenated modifier), "eight out of 10" (a ratio): no count."""
    doc, first, last = phrase[0].doc, phrase[0], phrase[-1]
    after = [token.lower_ for token in doc[last.i + 1 : last.i + 4]]
    before = [token.lower_ for token in doc[max(0, first.i - 2) : first.i]]
    hyphenated = after[:1] == ["-"] and len(after) > 1 and after[1].isalpha()
    return hyphenated or after[:2] == ["out", "of"] or before == ["out", "of"]


def _is_day(phrase: list[Token], noun: Token | None, lexicon: NumberLexicon) -> bool:
    """ "November 1", "Sept. 26": a day of a month, not a count ("in April 200 workers" counts workers)."""
    first = phrase[0]
    before = first.doc[first.i - 1] if first.i > 0 else None
    return noun is None and before is not None and before.lower_.rstrip(".") in lexicon.months


def _is_age(phrase: list[Token], noun: Token | None) -> bool:
    """An age is not a count: "a 70-year-old", "aged 68", "Trump, 70, said"."""
    doc, first, last = phrase[0].doc, phrase[0], phrase[-1]
    following = " ".join(token.lower_ for token in doc[last.i + 1 : last.i + 5])
    if re.match(r"(?:- )?years? (?:- )?old\b", following):
        return True
    before = doc[first.i - 1] if first.i > 0 else None
    if before is not None and before.lower_ in AGE_WORDS:
        return True
    after = doc[last.i + 1] if last.i + 1 < len(doc) else None
    return (
        noun is None
        and before is not None
        and before.text == ","
        and before.i > 0
        and doc[before.i - 1].ent_type_ == "PERSON"
        and (after is None or after.text in {",", ")"})
    )


def number_type(quantity: Quantity, time_units: frozenset[str] | None = None) -> str:
    """ "money", "percent", "duration" or "count". Years, dates, ages, ordinals and numbers inside names
    never become quantities (``find_quantities`` leaves them out), so what remains is one of these."""
    if quantity.unit in CURRENCY_UNITS:
        return "money"
    if quantity.unit == "percent":
        return "percent"
    units = number_lexicon().time_units if time_units is None else time_units
    if quantity.unit in units or quantity.unit.removesuffix("s") in units:
        return "duration"
    return "count"


def _approximator(doc: Doc, first: Token, lexicon: NumberLexicon) -> list[Token]:
    for words in lexicon.approximators:
        begin = first.i - len(words)
        if begin >= 0 and tuple(token.lower_ for token in doc[begin : first.i]) == words:
            return list(doc[begin : first.i])
    return []


def _counted_noun(phrase: list[Token], lexicon: NumberLexicon) -> Token | None:
    """The noun the number counts: its syntactic head, the noun of "of" ("dozens of recruits"), or the
    noun right after it when the parse attached the number elsewhere."""
    last = phrase[-1]
    in_phrase = {token.i for token in phrase}
    head = last.head
    while head.i in in_phrase and head.head.i != head.i:
        head = head.head
    if last.dep_ in COUNTING_DEPS and head.i > last.i and head.pos_ in ("NOUN", "PROPN", "SYM", "X"):
        return head
    for child in (child for token in reversed(phrase) for child in token.children):
        if child.lower_ == "of":
            objects = [grandchild for grandchild in child.children if grandchild.dep_ == "pobj"]
            if objects and objects[0].pos_ == "NOUN":
                return objects[0]
            return None  # "1.5 thousand of them": elliptical, resolved from the context
    following = last.doc[last.i + 1 : last.i + 2 + MAX_FILLERS]
    for position, token in enumerate(following):
        if token.pos_ == "NOUN" and not (token.i + 1 < len(token.doc) and token.nbor().pos_ == "NOUN"):
            return token
        if token.pos_ not in NOUN_PHRASE_FILLERS or position >= MAX_FILLERS:
            return None
    return None


def _unit(doc: Doc, phrase: list[Token], noun: Token | None, lexicon: NumberLexicon) -> str | None:
    """The unit class of a number, or None when nothing in its phrase names one (an elliptical number)."""
    before = doc[phrase[0].i - 1] if phrase[0].i > 0 else None
    if before is not None and before.text in lexicon.prefixes:
        return lexicon.prefixes[before.text]  # "$5 million", "EUR 25 million"
    if noun is None or noun.pos_ == "PRON":
        return None
    lemma = noun.lemma_.lower()
    for modifier in noun.children:
        if modifier.dep_ in ("amod", "compound") and modifier.i < noun.i:
            for pair in (f"{modifier.lemma_} {lemma}", f"{modifier.lower_} {noun.lower_}"):
                if pair.lower() in lexicon.unit_classes:
                    return lexicon.unit_classes[pair.lower()]
    for name in (lemma, noun.lower_, noun.text):
        if name in lexicon.unit_classes:
            return lexicon.unit_classes[name]
    return lemma


def _antecedent_unit(doc: Doc, first: Token, lexicon: NumberLexicon) -> str:
    """The unit of the nearest earlier number with a noun in the last sentences: "1,500 special forces …
    At least 2,600 would be sent" counts personnel too. Empty when there is none."""
    sentence_starts = [sentence.start for sentence in doc.sents if sentence.start <= first.i]
    window_start = sentence_starts[max(0, len(sentence_starts) - 1 - ELLIPSIS_LOOKBACK_SENTENCES)]
    tokens = list(doc[window_start : first.i])
    unit = ""
    for phrase in _number_phrases(tokens, lexicon):
        noun = _counted_noun(phrase, lexicon)
        if _is_name_or_date(phrase, lexicon, noun):
            continue
        found = _unit(doc, phrase, noun, lexicon)
        if found is not None and not _is_year(phrase, noun, lexicon):
            unit = found
    return unit
