"""Numbers that are one end of a range: "35 to 45 feet", "between $8 billion and $12 billion", "8-12 billion".

A range is one answer, a low and a high value (issue #14). A ``Quantity`` holds one value, so either end alone
would be shown as a figure the speaker never gave, and the two ends as two contradicting positions. Until the
records hold a range, both ends stay out of the quantities (precision before recall).

Two values of a change are no range: "the number of agents rose from 40 to 50", "it fell from 46 to 31" (a
verb of change right before "from": ``quantities.changes``). The joining words are data in the ``[ranges]``
table of ``lexicons/numbers.toml``; a dash joins only when written tight ("8-12", not "12 - 5 of them").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Token

from storyline.lexicons import load_lexicon
from storyline.stages.quantities.changes import follows_change_verb, is_changed_value
from storyline.stages.quantities.numbers import NumberLexicon, is_digits, number_value


@dataclass(frozen=True, slots=True)
class RangeWords:
    joins: frozenset[str]  # "to"
    tight_joins: frozenset[str]  # "-", "–": only with no space on either side
    between: str  # "between" … "and"
    and_: str
    opener: str  # "from", which after a verb of change opens a change, not a range


@cache
def _range_words() -> RangeWords:
    ranges, changes = load_lexicon("numbers")["ranges"], load_lexicon("numbers")["changes"]
    return RangeWords(
        joins=frozenset(ranges["joins"]),
        tight_joins=frozenset(ranges["tight_joins"]),
        between=ranges["between"],
        and_=ranges["and"],
        opener=changes["from"],
    )


def is_range_end(phrase: Sequence[Token], lexicon: NumberLexicon) -> bool:
    """Whether the number phrase is the low or the high end of a range (see the module doc)."""
    if is_changed_value(phrase, lexicon):
        return False
    return _is_low_end(phrase, lexicon) or _is_high_end(phrase, lexicon)


def _is_low_end(phrase: Sequence[Token], lexicon: NumberLexicon) -> bool:
    """A number joined to a number right after it: "35 to 45", "between 8 and 12", "8-12"."""
    last = phrase[-1]
    doc = last.doc
    if last.i + 2 >= len(doc):
        return False
    join = doc[last.i + 1]
    after = doc[last.i + 2]
    if after.text in lexicon.prefixes and after.i + 1 < len(doc):
        after = doc[after.i + 1]  # "$8 billion and $12 billion"
    high = _number_run(after, lexicon, step=1)
    if not high or not _ascending(list(phrase), high, lexicon):
        return False
    return _joins(last, join, _before_number(phrase[0], lexicon))


def _is_high_end(phrase: Sequence[Token], lexicon: NumberLexicon) -> bool:
    """A number joined to a number right before it: the "45" of "35 to 45"."""
    first = phrase[0]
    doc = first.doc
    join_index = first.i - 1
    if join_index >= 0 and doc[join_index].text in lexicon.prefixes:
        join_index -= 1
    if join_index < 1:
        return False
    join, low_last = doc[join_index], doc[join_index - 1]
    low = _number_run(low_last, lexicon, step=-1)
    if not low or not _ascending(low, list(phrase), lexicon):
        return False
    return _joins(low_last, join, _before_number(low[0], lexicon))


def _joins(low_last: Token, join: Token, before_low: Token | None) -> bool:
    """Whether ``join`` makes a range of the numbers around it, ``before_low`` the word before the low end."""
    words = _range_words()
    if join.lower_ in words.joins:
        if before_low is None or before_low.lower_ != words.opener:
            return True
        return not follows_change_verb(before_low)  # "rose from 40 to 50": a change
    if join.text in words.tight_joins:
        return low_last.whitespace_ == "" and join.whitespace_ == ""
    return join.lower_ == words.and_ and before_low is not None and before_low.lower_ == words.between


def _before_number(first: Token, lexicon: NumberLexicon) -> Token | None:
    """The word before a number, past its currency sign ("between $8": "between")."""
    index = first.i - 1
    if index >= 0 and first.doc[index].text in lexicon.prefixes:
        index -= 1
    return first.doc[index] if index >= 0 else None


def _number_run(token: Token, lexicon: NumberLexicon, *, step: int) -> list[Token]:
    """The number tokens from ``token`` on, forwards (``step`` 1) or backwards (-1), in text order: the
    other end of a range ("8 billion" back from its "billion"). Empty when ``token`` is no number."""
    run = []
    while 0 <= token.i < len(token.doc) and _is_number(token, lexicon):
        run.append(token)
        if not 0 <= token.i + step < len(token.doc):
            break
        token = token.doc[token.i + step]
    return run if step > 0 else run[::-1]


def _ascending(low: list[Token], high: list[Token], lexicon: NumberLexicon) -> bool:
    """Whether the low end is smaller than the high one, as a range is written ("35 to 45", "8-12 billion",
    a scale after the high end counting for both): "leads 46 to 42" and "won 5-4" are a tally, and "$1 million
    to 200 charities" a sum and a count, no range."""
    low_value, high_value = number_value(low, lexicon), number_value(high, lexicon)
    if low_value is None or high_value is None:
        return False
    scale = lexicon.scales.get(high[-1].lower_, 1.0)
    shared_scale = low[-1].lower_ not in lexicon.scales
    return low_value * (scale if shared_scale else 1.0) < high_value


def _is_number(token: Token, lexicon: NumberLexicon) -> bool:
    """Digits, a number word or a scale word ("billion"): a token of a number phrase."""
    return is_digits(token) or token.lower_ in lexicon.words or token.lower_ in lexicon.scales
