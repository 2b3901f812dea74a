"""Numbers that are no count anyone disputes: years, days of a month, ages, fractions, hyphenated
modifiers and ratios, ranked groups ("the top 1 percent"), and numbers inside names or dates.

Each test reads the phrase's neighbours in the parse (the word before, the noun it counts, the entity
label) rather than the number alone: "in 2016" is a year but "2,016 troops" a count, "October 18" a day
but "in April 200 workers" a count of workers. A test says no only; it never changes a value or a unit.
"""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Token

from storyline.lexicons import load_lexicon
from storyline.stages.quantities.numbers import (
    NumberLexicon,
    is_digits,
    number_lexicon,
    number_phrases,
    number_value,
    opens_sentence_capitalised,
)

# A comma-less four-digit number after these (determiner, possessive) or before a singular noun is a year.
YEAR_DETERMINER_TAGS = frozenset({"DT", "PRP$", "POS"})
SINGULAR_NOUN_TAGS = frozenset({"NN", "NNP"})
# After a name's digits, a word that links them to another figure ("Moreau 45 to 41", "Arsenal 3-1").
NAME_FIGURE_LINKS = frozenset({"to", "-", "–", "—", "/", ":", "of", "per", "percent", "%"})
# Parts of speech after a name's digits that close the name as a subject ("Sea Lark 8 sank", "... now lies").
NAME_CLOSING_POS = frozenset({"VERB", "AUX", "ADV"})
AGE_WORDS = frozenset({"aged", "age", "ages"})
# The wholes a fraction is told of ("three of four", "four in 10", "one in 100"): "arrested 12 of 40
# protesters" counts the arrested, and "5 in 2016" is a year.
MAX_SMALL_WHOLE = 10
ROUND_WHOLES = frozenset({100.0})
MAX_DAY = 31


def is_name_or_date(
    phrase: list[Token], lexicon: NumberLexicon, noun: Token | None, *, durations: bool = False
) -> bool:
    """Numbers inside names ("Group of Seven", "First Committee") and dates ("October 18") are not counts.
    The recogniser also calls "Forty ships" a date: a number that counts a noun other than a time unit
    stays a count. With ``durations``, so does one that counts a time unit after it: the recogniser labels
    "about forty minutes" TIME, yet it is a duration, a quantity ``number_type`` types as one (the demo
    gold marks it in both dam articles' sirens claim); the ledger never takes one for a count."""
    labels = {token.ent_type_ for token in phrase}
    if labels & lexicon.date_labels:
        counts_a_thing = (
            noun is not None
            and noun.ent_type_ not in lexicon.date_labels
            and noun.lemma_.lower() not in lexicon.time_units
        )
        if not (counts_a_thing or (durations and _counts_time(phrase, noun, lexicon))):
            return True
    return (
        bool(labels & (lexicon.skip_entity_labels - lexicon.date_labels))
        or any(
            token.pos_ == "PROPN" and not opens_sentence_capitalised(token)  # "Eleven inmates remain …"
            for token in phrase
            if not is_digits(token)
        )
        or ends_a_name(phrase, noun, lexicon)
    )


def ends_a_name(phrase: list[Token], noun: Token | None, lexicon: NumberLexicon) -> bool:
    """Digits right after a capitalised proper noun that close its name (issue #17): "the Nordlink 4
    power cable", "a Falcon 9 rocket", "the tug Sea Lark 8 now lies", "Route 66 runs". A count after a
    name is a figure the named holds ("Moreau 46, Laine 38", "Arsenal 2, Chelsea 1", "Moreau 45 to 41",
    "Moreau 46 percent"), so the name is read only where such a figure cannot stand: before a singular
    noun the number would count (a count above one takes a plural, and news writes one as a word), or with
    no noun of its own, after a determiner, a possessive or a common noun that opens the name ("its
    Nordlink 4", "the tug Sea Lark 8 at anchor") or before a verb or an adverb that the name is the
    subject of ("Nordlink 4 went dark")."""
    if len(phrase) != 1 or not phrase[0].text.isdigit():
        return False
    number = phrase[0]
    doc = number.doc
    name = number.i - 1
    if name < 0 or not _capitalised_name(doc[name], lexicon) or not doc[name].whitespace_:
        return False
    after = doc[number.i + 1] if number.i + 1 < len(doc) else None
    if after is not None and (after.lower_ in NAME_FIGURE_LINKS or after.text in lexicon.prefixes):
        return False  # "Moreau 45 to 41", "Arsenal 3-1": a figure beside another
    if noun is not None and noun.i > number.i:
        words = {noun.lemma_.lower(), noun.lower_}
        unit = not words.isdisjoint(lexicon.unit_classes) or not words.isdisjoint(lexicon.time_units)
        return noun.tag_ in SINGULAR_NOUN_TAGS and not unit  # "Moreau 46 percent": a figure's unit
    while name > 0 and _capitalised_name(doc[name - 1], lexicon):
        name -= 1
    opener = doc[name - 1] if name > 0 else None
    determined = opener is not None and opener.tag_ in YEAR_DETERMINER_TAGS
    # "the tug Sea Lark 8 at anchor", not "front-runner Moreau 46, Laine 38": a line of figures again
    described = opener is not None and opener.pos_ == "NOUN" and after is not None and not after.is_punct
    closed = after is not None and after.pos_ in NAME_CLOSING_POS
    return determined or described or closed


def _capitalised_name(token: Token, lexicon: NumberLexicon) -> bool:
    """A capitalised proper noun that may open or carry a name, not a month or a day ("Nov 26" is a date,
    and "on Monday 24 were missing" counts)."""
    month = token.lower_.rstrip(".") in lexicon.months
    dated = token.ent_type_ in lexicon.date_labels
    return token.pos_ == "PROPN" and token.text[:1].isupper() and not month and not dated


def _counts_time(phrase: list[Token], noun: Token | None, lexicon: NumberLexicon) -> bool:
    """Whether the number counts the time unit right after it ("forty minutes", "three long years")."""
    return noun is not None and noun.i > phrase[-1].i and noun.lemma_.lower() in lexicon.time_units


def is_year(phrase: list[Token], noun: Token | None, lexicon: NumberLexicon) -> bool:
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


def is_fraction(phrase: list[Token], lexicon: NumberLexicon) -> bool:
    """ "three-quarters", "two thirds": a share of something, not a count."""
    doc, last = phrase[0].doc, phrase[-1]
    following = [token.lower_ for token in doc[last.i + 1 : last.i + 3] if token.text != "-"]
    return bool(following) and following[0] in lexicon.fractions


# The word between a worded fraction's two numbers: "three of four Americans", "two in three voters".
FRACTION_LINKS = frozenset({"of", "in"})


def worded_fraction(phrase: list[Token], lexicon: NumberLexicon) -> tuple[float, Token] | None:
    """ "three of four Americans", "two in three voters", "4 in 10": a share (75, 66.7, 40 percent) and the
    last token of its denominator, when ``phrase`` is the numerator. Neither number is a count: the
    denominator is the whole the share is of, and the numerator a part of an unnamed whole. The
    denominator must be a bare number larger than the numerator, small or a hundred ("two of the three"
    names people, "arrested 12 of 40 protesters" counts the arrested)."""
    doc, last = phrase[0].doc, phrase[-1]
    if last.i + 2 >= len(doc) or doc[last.i + 1].lower_ not in FRACTION_LINKS:
        return None
    denominator = next(number_phrases(list(doc[last.i + 2 : last.i + 5]), lexicon), None)
    if not denominator or denominator[0].i != last.i + 2:
        return None
    part, whole = number_value(phrase, lexicon), number_value(denominator, lexicon)
    if part == 1 and doc[last.i + 1].lower_ == "of":
        return None  # "he was one of four Americans killed": one member of a group, four counted
    if part is None or whole is None or not 0 < part < whole or not _fraction_whole(whole):
        return None
    return round(100 * part / whole, 1), denominator[-1]


def _fraction_whole(whole: float) -> bool:
    return whole.is_integer() and (whole <= MAX_SMALL_WHOLE or whole in ROUND_WHOLES)


def is_fraction_denominator(phrase: list[Token], lexicon: NumberLexicon) -> bool:
    """The "four" of "three of four Americans": the whole of a worded fraction (``worded_fraction``)."""
    doc, first = phrase[0].doc, phrase[0]
    if first.i < 2 or doc[first.i - 1].lower_ not in FRACTION_LINKS:
        return False
    before = doc[max(0, first.i - 4) : first.i - 1]
    numerators = [found for found in number_phrases(list(before), lexicon) if found[-1].i == first.i - 2]
    return any(worded_fraction(numerator, lexicon) is not None for numerator in numerators)


def is_modifier_or_ratio(phrase: list[Token]) -> bool:
    """ "a two-way race", "a 3-point lead" (a hyphenated modifier), "eight out of 10" (a ratio): no count."""
    doc, first, last = phrase[0].doc, phrase[0], phrase[-1]
    after = [token.lower_ for token in doc[last.i + 1 : last.i + 4]]
    before = [token.lower_ for token in doc[max(0, first.i - 2) : first.i]]
    hyphenated = after[:1] == ["-"] and len(after) > 1 and after[1].isalpha()
    return hyphenated or after[:2] == ["out", "of"] or before == ["out", "of"]


def is_day(phrase: list[Token], noun: Token | None, lexicon: NumberLexicon) -> bool:
    """ "November 1", "Sept. 26": a day of a month, not a count. A day number right after a capitalised
    month is a day whatever noun follows: "the Aug. 30 primary" and "the Nov. 8 election" date a primary
    and an election, they count none. No month has a day past 31, so "in April 200 workers" counts."""
    first = phrase[0]
    before = first.doc[first.i - 1] if first.i > 0 else None
    if before is None or before.lower_.rstrip(".") not in lexicon.months:
        return False
    return noun is None or (_is_day_number(phrase) and before.text[:1].isupper())


def _is_day_number(phrase: list[Token]) -> bool:
    """One token of digits from 1 to 31: "30" may be a day, "200" or "thirty" is not."""
    return len(phrase) == 1 and phrase[0].text.isdigit() and 1 <= int(phrase[0].text) <= MAX_DAY


def is_age(phrase: list[Token], noun: Token | None) -> bool:
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


def is_code_or_scale(phrase: list[Token], noun: Token | None) -> bool:
    """A telephone code ("call 112", "the 112 emergency number") or a rank on a scale ("force 8",
    "category 5"): no count, and no unit to take from a figure nearby (``[codes]`` in numbers.toml)."""
    codes = load_lexicon("numbers")["codes"]
    before = _word_before(phrase[0])
    if before in codes["code_after"] or before in codes["scale_after"]:
        return True
    if noun is None or noun.i < phrase[-1].i:
        return False
    # The head of a compound too: in "the 112 alert number" the number may modify "alert".
    nouns = [noun, noun.head] if noun.dep_ == "compound" else [noun]
    # Singular only: "3 phone lines were cut" counts lines, "the 112 emergency number" names one.
    return any(token.tag_ == "NN" and token.lower_ in codes["code_nouns"] for token in nouns)


def _word_before(token: Token) -> str:
    """The lower-cased word right before ``token``, an abbreviation's full stop joined to it: the tokenizer
    may split "No. 19" into "No", ".", "19"."""
    if token.i == 0:
        return ""
    before = token.doc[token.i - 1]
    if before.text == "." and before.i > 0 and not before.doc[before.i - 1].whitespace_:
        return before.doc[before.i - 1].lower_ + "."
    return before.lower_


def is_ranked_group(phrase: list[Token], noun: Token | None) -> bool:
    """ "the top 1 percent", "the richest 10% of Americans": a group of people ranked by income or wealth
    (``[groups] ranks``), who hold or get a figure, not a share of anything; the number is no answer to a
    question. A rank word before a share that modifies a noun ("the top 33 percent rate") names a rate:
    kept."""
    first = phrase[0]
    before = first.doc[first.i - 1] if first.i > 0 else None
    if before is None or before.lower_ not in load_lexicon("numbers")["groups"]["ranks"]:
        return False
    if noun is None or noun.lower_ not in load_lexicon("units")["classes"]["percent"]:
        return False
    after = noun.doc[noun.i + 1] if noun.i + 1 < len(noun.doc) else None
    return noun.dep_ != "compound" and (after is None or after.pos_ not in {"NOUN", "PROPN"})


def is_whole(value: float, noun: Token | None) -> bool:
    """ "the 50 states", "all seven continents": the known size of a whole (``[wholes]``), every one of
    them rather than a count; another number before the noun counts ("12 states sued")."""
    if noun is None or noun.tag_ != "NNS":
        return False
    return load_lexicon("numbers")["wholes"].get(noun.lower_) == value


def ranked_groups_in(text: str) -> list[int]:
    """Where each ranked group named in ``text`` ends ("the top 1 percent| paid"), in order: a share
    question whose figure such a group holds must name it (``ledger.quantity_labels``)."""
    return [found.end() for found in _ranked_group_pattern().finditer(text)]


@cache
def _ranked_group_pattern() -> re.Pattern[str]:
    ranks = "|".join(map(re.escape, load_lexicon("numbers")["groups"]["ranks"]))
    words = "|".join(map(re.escape, number_lexicon().words))
    shares = "|".join(map(re.escape, load_lexicon("units")["classes"]["percent"]))
    return re.compile(rf"\b(?:{ranks})\s+(?:[\d.,]+|{words})\s*(?:{shares})", re.I)


# How a percent noun hangs on a word of state it intensifies ("100 percent sure": npadvmod of "sure"), and
# the parts of speech of such a word used predicatively ("sure", "behind him", "absolutely").
INTENSIFYING_DEPS = frozenset({"npadvmod", "advmod"})
STATE_WORD_POS = frozenset({"ADJ", "ADV", "ADP"})
# An adjective before its noun ("100 percent renewable energy") describes a thing by a figure: no emphasis.
ATTRIBUTIVE_DEPS = frozenset({"amod", "compound", "nmod"})


def is_emphasis(phrase: list[Token], noun: Token | None, value: float) -> bool:
    """A number said for emphasis (``[rhetoric]`` in numbers.toml): "100 percent sure", "a hundred percent
    behind him", "gave 110 percent", "a thousand times", the whole of "one in a million". Each is read on
    the parse: what the counted noun hangs on, or the words before the number."""
    rhetoric = load_lexicon("numbers")["rhetoric"]
    if _is_odds_whole(phrase, rhetoric["odds_words"]):
        return True
    if noun is None or noun.i < phrase[-1].i:
        return False
    if noun.lower_ in load_lexicon("units")["classes"]["percent"] and value >= rhetoric["emphatic_share"]:
        return _intensifies(noun) or _effort(noun, rhetoric["effort_verbs"])
    worded = not any(is_digits(token) for token in phrase)
    return (
        worded
        and noun.lemma_.lower() in rhetoric["hyperbole_nouns"]
        and value in rhetoric["hyperbole_values"]
        and phrase[0].lower_ in {"a", "an"}
    )


def _intensifies(share: Token) -> bool:
    """Whether a percent noun intensifies a predicative word of state ("is 100 percent sure")."""
    head = share.head
    return (
        share.dep_ in INTENSIFYING_DEPS
        and head.pos_ in STATE_WORD_POS
        and head.dep_ not in ATTRIBUTIVE_DEPS
        and not any(child.lower_ == "of" for child in share.children)
    )


def _effort(share: Token, verbs: list[str]) -> bool:
    """Whether a percent noun is the effort given ("gave 110 percent"), not a share of anything."""
    has_of = any(child.lower_ == "of" for child in share.children)
    return share.dep_ == "dobj" and share.head.lemma_.lower() in verbs and not has_of


def _is_odds_whole(phrase: list[Token], odds_words: list[str]) -> bool:
    """The whole of odds ("one in a million", "a chance in a thousand"): right after "in" and an odds word."""
    first = phrase[0]
    if first.i < 2 or first.doc[first.i - 1].lower_ != "in":
        return False
    return first.doc[first.i - 2].lower_ in odds_words


def is_idiom(noun: Token | None) -> bool:
    """A number inside a fixed idiom (``[rhetoric]`` in numbers.toml): "of two minds", "a tale of two
    parties", "two sides of the same coin"."""
    if noun is None:
        return False
    rhetoric = load_lexicon("numbers")["rhetoric"]
    if noun.lemma_.lower() in rhetoric["idiom_nouns"]:
        return True
    preposition = noun.head
    of_a_head = noun.dep_ == "pobj" and preposition.lower_ == "of"
    if of_a_head and preposition.head.lemma_.lower() in rhetoric["idiom_of_heads"]:
        return True
    of_objects = (
        grandchild
        for child in noun.children
        if child.lower_ == "of"
        for grandchild in child.children
        if grandchild.dep_ == "pobj"
    )
    return any(target.lemma_.lower() in rhetoric["idiom_of_objects"] for target in of_objects)
