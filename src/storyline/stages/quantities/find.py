"""A quantity from a number phrase: the noun it counts gives its unit class, the words before it make it
approximate, and its span runs from a currency sign or approximator to the counted noun.

A number with no noun of its own ("At least 2,600 would be sent") takes the unit of the nearest earlier
counted number in the last sentences. ``number_type`` names the kind of number a quantity is, from its
unit: only numbers of one type compare.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from itertools import pairwise

from spacy.tokens import Doc, Token

from storyline.lexicons import load_lexicon
from storyline.records import Quantity
from storyline.stages.quantities.changes import is_changed_value, is_earlier_changed_value
from storyline.stages.quantities.continued import is_bare_continuation
from storyline.stages.quantities.currencies import is_currency
from storyline.stages.quantities.not_counts import (
    is_age,
    is_code_or_scale,
    is_day,
    is_emphasis,
    is_fraction,
    is_fraction_denominator,
    is_idiom,
    is_modifier_or_ratio,
    is_name_or_date,
    is_ranked_group,
    is_whole,
    is_year,
    worded_fraction,
)
from storyline.stages.quantities.numbers import (
    NumberLexicon,
    is_digits,
    number_lexicon,
    number_phrases,
    number_value,
)
from storyline.stages.quantities.predicate import predicate_in
from storyline.stages.quantities.ranges import is_range_end

# Dependency labels by which a number modifies the noun it counts.
COUNTING_DEPS = frozenset({"nummod", "compound", "quantmod", "amod", "nmod"})
# Parts of speech a noun phrase may hold between a number and its head noun ("11,000 North Korean soldiers").
NOUN_PHRASE_FILLERS = frozenset({"ADJ", "PROPN", "NOUN"})
MAX_FILLERS = 3
# A passive verb with a clause of its own is one of telling ("has been told the plan is off"), no tally.
TOLD_CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "dobj"})
# What kind of number a quantity is, from its unit (``number_type``): only numbers of one type compare.
CURRENCY_UNITS = frozenset({"USD", "EUR", "GBP"})
ELLIPSIS_LOOKBACK_SENTENCES = 2
# A censored word: a letter or two, a run of dashes or asterisks, maybe a suffix ("f---ing", "s***", "d**n"),
# and what punctuation closes it.
CENSORED = re.compile(r"^[A-Za-z]{1,2}(?:-{2,}|\*+)[A-Za-z]*[.,;:!?\"'\u2019\u201d)]*$")


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
    for phrase in number_phrases(tokens, lexicon):
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


def _quantity(
    doc: Doc, text: str, phrase: list[Token], start: int, end: int, lexicon: NumberLexicon
) -> Quantity | None:
    noun = _counted_noun(phrase, lexicon)
    named_or_dated = is_name_or_date(phrase, lexicon, noun, durations=True)
    continued_unit = None
    if named_or_dated and not _changed_not_date(phrase, noun, lexicon):
        continued_unit = _continued_unit(doc, text, phrase, noun, lexicon)
        if continued_unit is None:
            return None
    value = number_value(phrase, lexicon)
    if value is None or is_range_end(phrase, lexicon):
        return None  # a range ("35 to 45 feet") is one answer, and a quantity holds one value (issue #14)
    share = worded_fraction(phrase, lexicon)
    if share is not None:
        return _fraction_share(doc, text, phrase, share, start, end)
    if is_fraction_denominator(phrase, lexicon):
        return None
    if (
        value == 1
        and not any(is_digits(token) for token in phrase)
        and not _compared_one(phrase, noun, lexicon)
        and not _remaining_one(phrase, noun)
        and not _tallied_one(phrase, noun)
    ):
        return None  # "one of them", "a man": not a count anyone disputes
    if is_year(phrase, noun, lexicon) or is_age(phrase, noun) or is_day(phrase, noun, lexicon):
        return None
    if is_fraction(phrase, lexicon) or is_modifier_or_ratio(phrase):
        return None
    if is_code_or_scale(phrase, noun) or is_ranked_group(phrase, noun) or is_whole(value, noun):
        return None
    if is_emphasis(phrase, noun, value) or is_idiom(noun):
        return None  # "100 percent sure", "of two minds": rhetoric and idioms, no quantity (issue #14)
    # "more than $915 million", "nearly $916 million": the approximator stands before the currency sign
    prefixed = phrase[0].i > 0 and doc[phrase[0].i - 1].text in lexicon.prefixes
    approximator = _approximator(doc, doc[phrase[0].i - 1] if prefixed else phrase[0], lexicon)
    is_vague = tuple(token.lower_ for token in phrase) in lexicon.vague
    unit = _unit(doc, phrase, noun, lexicon)
    if unit is None:
        unit = (
            continued_unit
            or _named_count_unit(phrase[0], lexicon)
            or _compared_unit(phrase[-1], lexicon)
            or _antecedent_unit(doc, phrase[0], lexicon)
        )
    first = approximator[0] if approximator else phrase[0]
    if prefixed and not approximator:
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
        predicate=predicate_in(doc, span_start, span_end),  # the ledger's label reads it (issue #20)
        earlier_in_chain=is_earlier_changed_value(phrase, lexicon),
    )


def _fraction_share(
    doc: Doc, text: str, phrase: list[Token], share: tuple[float, Token], start: int, end: int
) -> Quantity | None:
    """ "three of four Americans" as the share it is (75 percent), its span running to the whole's noun."""
    percent, whole_end = share
    span_start, span_end = phrase[0].idx, whole_end.idx + len(whole_end)
    noun = whole_end.head if whole_end.head.i > whole_end.i else None
    if noun is not None and noun.pos_ in ("NOUN", "PROPN") and noun.idx + len(noun) <= end:
        span_end = noun.idx + len(noun)
    if span_end > end or span_start < start:
        return None
    return Quantity(
        value=percent,
        unit="percent",
        approx=False,
        text=text[span_start:span_end],
        start=span_start,
        end=span_end,
        predicate=predicate_in(doc, span_start, span_end),
    )


def _changed_not_date(phrase: list[Token], noun: Token | None, lexicon: NumberLexicon) -> bool:
    """Whether a bare number the recogniser labels a date is a value of a count its sentence tells as
    changing ("fell from 46 to 31 and then to 12": ``quantities.changes``); only the date label is lifted."""
    labels = {token.ent_type_ for token in phrase}
    dated = bool(labels) and labels <= lexicon.date_labels
    return noun is None and dated and is_changed_value(phrase, lexicon)


def number_type(quantity: Quantity, time_units: frozenset[str] | None = None) -> str:
    """ "money", "percent", "duration" or "count". Years, dates, ages, ordinals and numbers inside names
    never become quantities (``find_quantities`` leaves them out), so what remains is one of these."""
    return unit_type(quantity.unit, time_units)


def unit_type(unit: str, time_units: frozenset[str] | None = None) -> str:
    """The kind of number (``number_type``) a unit class makes."""
    if unit in CURRENCY_UNITS or is_currency(unit):
        return "money"
    if unit == "percent":
        return "percent"
    units = number_lexicon().time_units if time_units is None else time_units
    if unit in units or unit.removesuffix("s") in units:
        return "duration"
    return "count"


def _approximator(doc: Doc, first: Token, lexicon: NumberLexicon) -> list[Token]:
    for words in lexicon.approximators:
        begin = first.i - len(words)
        if begin >= 0 and tuple(token.lower_ for token in doc[begin : first.i]) == words:
            return list(doc[begin : first.i])
    return []


def _compared_one(phrase: list[Token], noun: Token | None, lexicon: NumberLexicon) -> bool:
    """Whether a worded "one" counts: its noun right after it, no determiner before it ("the one good
    thing"), and a later bare number of its sentence compared with it ("one man still missing, down from
    four": ``[one] compared_by``), which counts the same noun."""
    first, last = phrase[0], phrase[-1]
    if len(phrase) != 1 or noun is None or noun.i != last.i + 1 or noun.pos_ != "NOUN":
        return False
    if first.i > 0 and first.nbor(-1).pos_ == "DET":
        return False
    compared_by = frozenset(load_lexicon("numbers")["one"]["compared_by"])
    later = [token for token in first.sent if token.i > noun.i]
    for before, token in pairwise(later):
        if before.lower_ in compared_by and (token.lower_ in lexicon.words or is_digits(token)):
            return _counted_noun([token], lexicon) is None  # "down from four", not "from four ships"
    return False


def _tallied_one(phrase: list[Token], noun: Token | None) -> bool:
    """Whether a worded "one" is a tally so far (issue #17): the subject of a verb in the perfect passive
    ("one pumping station had so far been declared unsafe", "one person has been killed"), the tense in
    which a count to date is told and later raised ("two stations have now been declared unsafe"). Not
    after a determiner ("the one man"), nor the subject of a passive verb of telling with a clause of its
    own ("one source has been told the plan is off": who was told, no count)."""
    first = phrase[0]
    if len(phrase) != 1 or noun is None or noun.pos_ != "NOUN" or noun.i <= first.i:
        return False
    if first.i > 0 and first.nbor(-1).pos_ == "DET":
        return False
    if any(token.pos_ not in NOUN_PHRASE_FILLERS for token in first.doc[first.i + 1 : noun.i]):
        return False
    verb = noun.head
    if noun.dep_ != "nsubjpass" or verb.pos_ not in ("VERB", "AUX"):
        return False
    deps = {child.dep_ for child in verb.children}
    perfect = any(child.dep_ == "aux" and child.lemma_.lower() == "have" for child in verb.children)
    return perfect and "auxpass" in deps and not TOLD_CLAUSE_DEPS.intersection(deps)


def _remaining_one(phrase: list[Token], noun: Token | None) -> bool:
    """Whether a worded "one" is what is left of a count: a noun it counts in its own noun phrase, and a
    word of what remains right before it ("down to one front", "leaving one active front":
    ``[one] remaining_after``)."""
    first = phrase[0]
    if len(phrase) != 1 or noun is None or noun.pos_ != "NOUN" or noun.i <= first.i:
        return False
    if any(token.pos_ not in NOUN_PHRASE_FILLERS for token in first.doc[first.i + 1 : noun.i]):
        return False  # "leaving one of the trucks": one of them, no count
    before = " ".join(token.lower_ for token in first.doc[max(0, first.i - 2) : first.i])
    remaining_after = load_lexicon("numbers")["one"]["remaining_after"]
    return any(f" {before}".endswith(f" {words}") for words in remaining_after)


def _counted_noun(phrase: list[Token], lexicon: NumberLexicon) -> Token | None:
    """The noun the number counts: its syntactic head, the noun of "of" ("dozens of recruits"), or the
    noun right after it when the parse attached the number elsewhere. A censored word ("two f---ing
    votes") is never the noun: the noun after it is."""
    noun = _parsed_counted_noun(phrase, lexicon)
    if noun is None or not is_censored(noun):
        return noun
    following = noun.doc[noun.i + 1 : noun.i + 2 + MAX_FILLERS]
    return next((t for t in following if t.pos_ == "NOUN" and not is_censored(t)), None)


def is_censored(token: Token) -> bool:
    """Whether a token is part of a word the writer censored ("f---ing", "s***", "f***"): a letter or two
    and a run of dashes or asterisks, with no space between."""
    doc, first, last = token.doc, token.i, token.i
    while first > 0 and not doc[first - 1].whitespace_:
        first -= 1
    while last + 1 < len(doc) and not doc[last].whitespace_:
        last += 1
    return bool(CENSORED.match(doc[first : last + 1].text))


def _parsed_counted_noun(phrase: list[Token], lexicon: NumberLexicon) -> Token | None:
    last = phrase[-1]
    in_phrase = {token.i for token in phrase}
    head = last.head
    while head.i in in_phrase and head.head.i != head.i:
        head = head.head
    if last.dep_ in COUNTING_DEPS and head.i > last.i and head.pos_ in ("NOUN", "PROPN", "SYM", "X"):
        return head
    if last.dep_ in COUNTING_DEPS and head.i > last.i and _suspended_modifier(head):
        # "8 million low- and middle-income Americans": the parse hangs the number on the first of two
        # coordinated modifiers; the noun they both modify is what it counts, not an earlier figure's unit
        return head.head
    for child in (child for token in reversed(phrase) for child in token.children):
        if child.lower_ == "of" and child.i not in in_phrase:  # not "a quarter of a million"'s own
            objects = [grandchild for grandchild in child.children if grandchild.dep_ == "pobj"]
            if objects and objects[0].pos_ == "NOUN":
                return objects[0]
            return None  # "1.5 thousand of them": elliptical, resolved from the context
    following = last.doc[last.i + 1 : last.i + 2 + MAX_FILLERS]
    for position, token in enumerate(following):
        if token.pos_ == "NOUN" and not (token.i + 1 < len(token.doc) and token.nbor().pos_ == "NOUN"):
            return token
        if position == 0 and _misread_plural(token):
            return token
        if token.pos_ not in NOUN_PHRASE_FILLERS or position >= MAX_FILLERS:
            return None
    return None


def _misread_plural(token: Token) -> bool:
    """Whether a word right after a number, tagged a verb of the third person ("inmates" as in "he
    inmates"), is the plural noun it counts: a number is no subject of such a verb, and the word stands
    before another finite verb ("Eleven inmates remain at large") or as the object of a preposition ("the
    number of recaptured inmates to 41"), where a verb of the third person never stands."""
    if token.tag_ != "VBZ" or not token.lower_.endswith("s"):
        return False
    following = token.nbor() if token.i + 1 < len(token.doc) else None
    before_verb = following is not None and following.tag_ in ("VBP", "VBD", "MD")
    return before_verb or token.dep_ == "pobj"


def _suspended_modifier(head: Token) -> bool:
    """Whether ``head`` is a modifier left open by a hyphen ("low-") and coordinated with another before a
    noun after it: "low- and middle-income Americans"."""
    noun = head.head
    coordinated = any(child.dep_ == "cc" for child in head.children)
    return (
        head.pos_ == "ADJ"
        and head.dep_ == "amod"
        and head.text.endswith("-")
        and coordinated
        and noun.i > head.i
        and noun.pos_ in ("NOUN", "PROPN")
    )


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
    names = (lemma, noun.lower_, noun.text)
    unit = next((lexicon.unit_classes[name] for name in names if name in lexicon.unit_classes), lemma)
    return unit + _per_time(noun, lexicon)


def _per_time(noun: Token, lexicon: NumberLexicon) -> str:
    """ "/h" when the unit noun is followed by a time unit that makes it a rate ("70 km/h", "kilometres per
    hour"), else ""."""
    following = noun.doc[noun.i + 1 : noun.i + 3]
    if len(following) == 2 and following[0].lower_ in lexicon.rate_words:
        time = lexicon.rate_times.get(following[1].lower_) or lexicon.rate_times.get(following[1].lemma_)
        if time is not None:
            return f"/{time}"
    return ""


def _named_count_unit(first: Token, lexicon: NumberLexicon) -> str | None:
    """The unit of the noun that the number's sentence names as counted before it ("the number of fronts
    … fell from 7 to 5"): the sentence says what its bare numbers count, so no earlier figure's unit
    (hectares a sentence before) is borrowed. None when the sentence names none."""
    count_nouns = frozenset(load_lexicon("numbers")["elliptical"]["count_nouns"])
    unit = None
    for token in first.sent:
        if token.i >= first.i:
            break
        if token.lower_ not in count_nouns or token.pos_ != "NOUN":
            continue
        for preposition in (child for child in token.children if child.lower_ == "of"):
            objects = [
                noun for noun in preposition.children if noun.dep_ == "pobj" and _names_one_thing(noun)
            ]
            if objects:
                unit = _unit(first.doc, [objects[0]], objects[0], lexicon)
    return unit


def _compared_unit(last: Token, lexicon: NumberLexicon) -> str | None:
    """The unit of the figure that the number's sentence compares it with after it ("registered 112 …,
    compared with 71 formal complaints": complaints): the two count one thing, so the bare number takes
    the noun its sentence gives, not an earlier sentence's. None when no such figure with a noun follows."""
    compared = [tuple(words.split()) for words in load_lexicon("numbers")["elliptical"]["compared_with"]]
    after = [token for token in last.sent if token.i > last.i]
    lower = [token.lower_ for token in after]
    for start in range(len(after)):
        words = next((w for w in compared if tuple(lower[start : start + len(w)]) == w), None)
        if words is None:
            continue
        rest = after[start + len(words) :]
        phrase = next(number_phrases(rest[: 1 + MAX_FILLERS], lexicon), None)
        noun = _counted_noun(phrase, lexicon) if phrase else None
        if phrase is None or noun is None or noun.i < phrase[-1].i:
            return None
        return _unit(last.doc, phrase, noun, lexicon)
    return None


def _names_one_thing(noun: Token) -> bool:
    """Whether a plural noun names one counted thing: not "the number of dead" (a kind of count, whose
    unit the ledger reads), nor "the number of hospitals and clinics" (a coordination, which an umbrella
    noun of an earlier figure names: "facilities")."""
    coordinated = any(child.dep_ == "conj" for child in noun.children)
    return noun.pos_ == "NOUN" and noun.tag_ == "NNS" and not coordinated


def _continued_unit(
    doc: Doc, text: str, phrase: list[Token], noun: Token | None, lexicon: NumberLexicon
) -> str | None:
    """The unit of the one count a bare number labelled a date goes on with ("… 31 polling stations …; a day
    earlier there had been 46": ``quantities.continued``): the figures with a noun of its sentence before it
    and of the sentence before that, in its paragraph, must all count one thing, and a count, not money,
    a share or a duration. None when they count several things or none."""
    first = phrase[0]
    if not is_bare_continuation(phrase, noun, lexicon):
        return None
    sentence_starts = [sentence.start for sentence in doc.sents if sentence.start <= first.i]
    window_start = sentence_starts[max(0, len(sentence_starts) - 2)]
    paragraph_start = text.rfind("\n", 0, first.idx) + 1
    tokens = [token for token in doc[window_start : first.i] if token.idx >= paragraph_start]
    units = set()
    for earlier in number_phrases(tokens, lexicon):
        earlier_noun = _counted_noun(earlier, lexicon)
        if earlier_noun is None or is_name_or_date(earlier, lexicon, earlier_noun):
            continue
        if is_year(earlier, earlier_noun, lexicon) or is_code_or_scale(earlier, earlier_noun):
            continue
        unit = _unit(doc, earlier, earlier_noun, lexicon)
        if unit is not None:
            units.add(unit)
    if len(units) != 1 or unit_type(next(iter(units))) != "count":
        return None
    return units.pop()


def _antecedent_unit(doc: Doc, first: Token, lexicon: NumberLexicon) -> str:
    """The unit of the nearest earlier number with a noun in the last sentences: "1,500 special forces …
    At least 2,600 would be sent" counts personnel too. Empty when there is none."""
    sentence_starts = [sentence.start for sentence in doc.sents if sentence.start <= first.i]
    window_start = sentence_starts[max(0, len(sentence_starts) - 1 - ELLIPSIS_LOOKBACK_SENTENCES)]
    tokens = list(doc[window_start : first.i])
    unit = ""
    for phrase in number_phrases(tokens, lexicon):
        noun = _counted_noun(phrase, lexicon)
        if is_name_or_date(phrase, lexicon, noun) or is_code_or_scale(phrase, noun):
            continue
        found = _unit(doc, phrase, noun, lexicon)
        if found is not None and not is_year(phrase, noun, lexicon):
            unit = found
    return unit
