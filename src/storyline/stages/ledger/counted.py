"""What one figure of a claim counts: the ledger item (``Measure``) a quantity becomes.

A figure answers a question only when the ledger can say what it counts: its unit (a counted noun's class, or
the unit-class noun its clause names), the kind of count its clause names ("dead", "missing": the kind word
nearest the figure), the narrowing words between number and noun ("1,500 special forces"), and marks that keep
it from a total of this event (an increment: "four more bodies", "another 6", one day's recoveries), and the
day it is a value of (``ledger.dated``). Goals ("a target of 500"), a poll's method figures, a list's length
(``ledger.non_counts``) and vague plurals ("dozens") are no answers. A figure counting a coordination of kinds
under one umbrella noun ("41 hospitals and clinics") counts the umbrella's thing where the story counts it in
that noun too ("125 facilities": ``under_umbrellas``). ``ledger.measures`` groups the items.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from itertools import pairwise

from storyline.lexicons import load_lexicon
from storyline.records import Claim, Quantity, TimeExpr
from storyline.stages.ledger.dated import counts_one_day, figure_day
from storyline.stages.ledger.figure_asides import capacity_not_asserted, counts_an_enumerated_set, payer
from storyline.stages.ledger.grouping import (
    TOKEN_MARK,
    WORD,
    EntitySpans,
    content_words,
    ledger_lexicon,
    stem,
    unit_classes,
)
from storyline.stages.ledger.kinds import (
    PART,
    PAST_EVENT,
    PEOPLE_UNIT,
    SENTENCE_END,
    counts_people,
    is_bare_figure,
    is_part,
    is_past_event,
    is_people_state,
    is_state_kind,
    kind_entry_words,
    kind_near,
    kind_of_predicate,
    kind_of_raised_count,
    names_kind,
    opened_by_past_year,
    outbreak_unit,
    recalls_former_year,
    told_of_past_year,
    year_of,
)
from storyline.stages.ledger.non_counts import (
    counts_a_compounds_head,
    counts_in_a_window,
    in_a_counterfactual,
    is_method,
    is_target,
    names_a_thing,
    numbers_a_list,
    picks_by_order,
    share_of_a_pronoun,
    stands_for_named,
    whole_of_a_worded_part,
    words_before,
)
from storyline.stages.ledger.plurals import singular
from storyline.stages.ledger.series import calendar_day
from storyline.stages.ledger.shares import OFFER, STAKE, offer_holder, share_holder
from storyline.stages.ledger.umbrellas import coordinated_kinds, umbrella_covering
from storyline.stages.quantities import number_lexicon, number_type

# Where one statement inside a content ends and the next begins ("71 bodies … and 35 people …"; a new
# sentence, "Five bodies have been brought up. We have no contact with 31 men"; a former event told in a
# "when" clause, "the worst since 2023, when a fire killed 46").
CLAUSE_BREAK = re.compile(
    r"\s+and\s+(?:that\s+)?|;|,\s+(?:while|whereas|but)\s+|\s+but\s+"
    r"|(?<=[a-z0-9][.!?])\s+(?=[\"“]?[A-Z])|(?<=[a-z0-9][.!?][\"”])\s+"
)
# Determiners opening a noun phrase after an "and" inside a subject (``_joins_nouns``).
NOUN_PHRASE_OPENERS = frozenset(
    {"a", "an", "the", "this", "that", "these", "those", "its", "their", "his", "her"}
)
# A hyphenated modifier ("laboratory-confirmed"): its last part says what it does to the counted thing.
NEUTRAL_COMPOUND = re.compile(r"\b([^\W\d_]+)-([^\W\d_]+)\b")
# How many words after "the number of" its counted noun may come ("the number of herder families": two).
NUMBERED_REACH = 3
# A figure whose own words take a part of a group: "four of the victims", "two of them" (``names_part``).
PARTITIVE = re.compile(r"^\S+\s+of\s+(?:the|them|those|these|their)\b", re.IGNORECASE)
# The whole a bare figure is a part of, right after it ("two | of the missing", "23 | of them").
# A figure right after a part's "of the" is the whole the part is taken from ("Seven of the | 23 works have
# now been found"): the part's verb tells what happened to the part, not to the whole.
WHOLE_AFTER_PART = re.compile(r"\S+\s+of\s+(?:the|its|their)\s+$", re.IGNORECASE)
WHOLE_OF_PART = re.compile(r"\s+of\s+(?:the|them|those|these|their)\b(?:\s+[^\W\d_][\w-]*)?", re.IGNORECASE)
# A pronoun a bare figure takes a part of: "22 | of them" counts what "them" stands for (``_of_them``).
OF_THEM = re.compile(r"\s+of\s+(?:them|these|those)\b", re.IGNORECASE)
# Only these kinds of number answer a question (``quantities.number_type``); a duration is context.
ANSWER_TYPES = frozenset({"count", "money", "percent"})
SHARE = "percent"
# Figures that answer no question, told by their own few words (``ledger.non_counts``).
NO_ANSWER_TESTS = (
    stands_for_named,
    picks_by_order,
    names_a_thing,
    counts_in_a_window,
    whole_of_a_worded_part,
    share_of_a_pronoun,
    counts_a_compounds_head,
    in_a_counterfactual,
    capacity_not_asserted,
    counts_an_enumerated_set,
)
# The kind of a goal's figure ("a goal of releasing 43,000 pages", ``is_target``): a question of its own.
TARGET = "target"
# The qualifier of a figure that counts an increase ("four more bodies"), not the count itself.
INCREMENT = "+increment"
# The qualifier of an increment's day ("+on:2025-04-08"): increments of two days never share a question.
ON_DAY = "+on:"
# The qualifier of a figure whose noun a participle with its agent narrows ("+agent:sent": "planes sent by
# Italy"): a subset, no side of the count of all.
AGENT = "+agent:"

# a lower-case word with its possessive ending ("the ship's"): whose the counted things are
POSSESSOR = re.compile(r"\b[a-z]+['’]s\b")


@dataclass(frozen=True, slots=True)
class Measure:
    """One quantity of a claim as a ledger item: what it counts and the words of its clause."""

    claim: Claim
    quantity: Quantity
    unit: str
    words: frozenset[str]
    qualifiers: frozenset[str]  # narrowing words between the number and its noun ("special")
    kind: str | None  # kind of count ("dead", "missing", …) when the clause names one
    changing: bool  # the clause speaks of a changing figure ("rose to")
    holder: str | None = None  # whose share a percentage is (``ledger.shares``): "@<entity id>"
    source: str | None = None  # whose count it is, once a tally is split by source (``ledger.tallies``)
    day: date | None = None  # the day it is a value of: its own when its words give one (``ledger.dated``)
    payer: str | None = None  # the entity paying a sum, when its clause names one (``ledger.figure_asides``)


def _clause_bounds(claim: Claim, quantity: Quantity) -> tuple[int, int]:
    """Where in the content the part holding ``quantity`` lies, so "71 bodies … and 35 missing" splits in
    two (offsets into ``claim.text``); a coordination of kinds after the figure's noun is no break ("78
    hospitals and clinics had been reconnected": what happened to them lies after it), nor is an "and"
    inside the subject of the figure's clause (``_joins_nouns``)."""
    offset = quantity.start - claim.start
    coordinated = coordinated_kinds(claim, quantity)
    end = max([offset, *(end for _, end in coordinated)])
    breaks = [match for match in CLAUSE_BREAK.finditer(claim.text) if not _joins_nouns(claim, match)]
    first = max((match.end() for match in breaks if match.end() <= offset), default=0)
    last = min((match.start() for match in breaks if match.start() >= end), default=len(claim.text))
    return first, last


# A list of names before an "and" that closes it (", France and"), and the name after it ("the Netherlands").
NAMES_LISTED = re.compile(r",\s*(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*\s*$")
NAME_AFTER = re.compile(r"\s*(?:the\s+)?[A-Z]")


def _joins_nouns(claim: Claim, joiner: re.Match[str]) -> bool:
    """Whether an "and" joins two noun phrases of one statement rather than two statements: a determiner
    opens the words after it and the stretch before it, from the break before, holds neither a figure nor
    a finite verb ("The number of people killed in the collision between a passenger train and a freight
    train has risen to 18": cut at the "and", the 18 lost "killed", the generalise train story). Not two
    bare nouns: "hospitals and clinics still offline" stays cut, since a coordination of kinds names its
    umbrella noun there (``under_umbrellas``). Where the claim's finite verbs are unknown (an older store),
    every "and" is a break, as before. An "and" closing a list of names ("34 people in Belgium, France and
    the Netherlands have been infected") joins them whatever stands before: a list of places or bodies is
    one noun phrase, and cut there the 34 lost "infected" (the generalise recall story, issue #17)."""
    after = WORD.match(claim.text, joiner.end())
    if joiner.group().strip() != "and" or claim.finite_verbs is None or after is None:
        return False
    if NAMES_LISTED.search(claim.text, 0, joiner.start()) and NAME_AFTER.match(claim.text, joiner.end()):
        return True
    if after.group().lower() not in NOUN_PHRASE_OPENERS:
        return False
    opened = max((m.end() for m in CLAUSE_BREAK.finditer(claim.text, 0, joiner.start())), default=0)
    figures = (quantity.start - claim.start for quantity in claim.quantities)
    return not any(opened <= at < joiner.start() for at in (*claim.finite_verbs, *figures))


def _kind_past_content(
    claim: Claim, clause: str, offset: int, quantity: Quantity, text: str, outbreak: bool
) -> str | None:
    """The kind of a figure that ends the claim's content, read with the rest of its statement in the
    article (``text``): a content cut short after the figure ("the ministry had reported nine recaptured
    and 43" of "… and 43 at large") leaves the kind named right after it outside the claim, and the kind
    before it, the other figure's, would be taken. The rest runs to the end of the sentence or to the next
    break of a clause; None where the content ends its sentence or the figure's clause ("… and 14 on
    Wednesday." goes on with a sentence of its own), or the rest names no kind."""
    rest = text[claim.end :]
    if not CONTINUED.match(rest):
        return None
    stop = min((m.start() for m in (CLAUSE_BREAK.search(rest), re.search(r"[,.!?;:]", rest)) if m), default=0)
    if not rest[:stop].strip():
        return None
    return kind_near(clause + rest[:stop], offset, offset + len(quantity.text), outbreak)


# The article's text going on with the words of a statement its claim's content was cut from.
CONTINUED = re.compile(r"[^\S\n]*[^\W\d_]")
# A bare figure joined to the next one as two values of one statement ("43 and then 29 still on the run").
PAIRED = re.compile(r"\s+(?:and|or)\s+(?:then\s+)?")


def _kind_of_pair(claim: Claim, quantity: Quantity, clause_end: int, outbreak: bool) -> str | None:
    """The kind of a figure coordinated with a bare figure right after it, from the kind the later
    figure's part names after it: in "with 43 and then 29 still on the run" both figures are values of the
    count "on the run" names (the generalise escape story's wire recap), while an "and" cuts the clauses
    in two and left the 43 to the kind named before it (recaptured). None when the figure
    does not end its clause, no bare figure follows across "and" or "or", or its part names no kind after
    it."""
    joined = PAIRED.match(claim.text, clause_end)
    if joined is None or claim.text[quantity.end - claim.start : clause_end].strip():
        return None
    following = next(
        (q for q in claim.quantities if q.start - claim.start == joined.end() and is_bare_figure(q.text)),
        None,
    )
    if following is None:
        return None
    start, end = _clause_bounds(claim, following)
    figure_end = following.end - claim.start - start
    return kind_near(claim.text[start:end][figure_end:], 0, 0, outbreak)


def _counts_part(clause: str, offset: int, figure: str, kind: str, outbreak: bool) -> bool:
    """Whether a figure of ``kind`` counts a part of that kind's count ("two of the missing", "four of
    the victims", "13 injured, two of them seriously"): its words take a part of a group (``is_part``,
    ``names_part``), and the kind is named by the whole or before the figure, not only after the whole, in
    a predicate of the figure's own: "nine of the escapees had been recaptured" and "23 of them are back
    behind bars" count the recaptured, whom the figure's own verb tells of, not a part of them (the
    generalise escape story). A state of things is a part only where the whole names it: the whole of
    "restored 41 of the 166 facilities" or "recovered 14 of the 23 paintings" is every one of the things."""
    end = offset + len(figure)
    if not (is_part(clause, offset, end) or names_part(figure)):
        return False
    whole = WHOLE_OF_PART.match(clause, end)  # "two | of the missing"
    own = clause[: whole.end() if whole else end]
    if is_state_kind(kind):  # "recovered 14 of the 23 paintings": the whole is what was taken, no count of it
        return kind_near(own[offset:], 0, 0, outbreak) == kind  # "two of the recovered works"
    if kind_near(own, end, end, outbreak) == kind:
        return True  # the whole names the kind, or the words before the figure do
    return kind_near(clause[end:], 0, 0, outbreak) != kind


def names_part(figure: str) -> bool:
    """Whether a figure's own words count a part of a group ("four of the victims": DNA samples were to
    identify four of the train story's dead, no value of its toll); ``kinds.is_part`` reads the words
    around a figure, which the quantities stage sometimes takes into the figure itself."""
    return PARTITIVE.match(figure) is not None


def _unit_from_clause(quantity: Quantity, clause_words: Sequence[str]) -> str | None:
    """A bare number ("had fallen to 29") counts the unit-class noun its clause names ("the number of
    ships waiting"), whatever the quantities stage guessed from the number alone. A figure written with its
    currency sign ("$1,495") is no bare number: the sign is its unit, and "to get people to pay $1,495"
    read as a count of people asked "How many people … did people pay?" (issue #14). A plural is looked up
    by its singular ("the number of bodies recovered rose to 23": "body", a count of people, as "nine
    bodies" is; read as "bodie" it named no class and the figure stood apart as a count of "body")."""
    if any(not word[0].isdigit() for word in WORD.findall(quantity.text)) or _signed(quantity.text):
        return None
    classes = [unit_classes().get(w) or unit_classes().get(singular(w)) for w in clause_words]
    named = [unit for unit in classes if unit]
    return named[0] if named else _noun_numbered(clause_words)


def _noun_after(claim: Claim, quantity: Quantity) -> str | None:
    """The plural noun a bare figure counts when only its modifiers part them ("the 14 solidly or leaning
    Democratic states": ``MODIFIED_NOUN``), singular; the quantities stage, finding no noun right after
    the number, lent it the nearest noun before ("the 187 electoral votes accounted for by the 14 ...
    states" read as 14 votes, issue #14, PolNeAR iowa-caucus-results). None when a word of another kind
    (a verb, a preposition, a determiner) comes first."""
    if not is_bare_figure(quantity.text):
        return None
    match = MODIFIED_NOUN.match(claim.text, quantity.end - claim.start)
    return singular(match.group("noun")) if match else None


def _of_them(claim: Claim, quantity: Quantity) -> bool:
    """Whether a bare figure is a part of what a pronoun right after it stands for ("38 branches, 22 of
    them in the region"): it counts the noun of the figure before it, which the quantities stage lent it,
    not a noun the rest of its clause names (the generalise fraud story's "22 of them …, about 1,150
    employees" read as 22 people, a side against another count of people)."""
    return is_bare_figure(quantity.text) and OF_THEM.match(claim.text, quantity.end - claim.start) is not None


def is_whole_of_part(claim: Claim, quantity: Quantity) -> bool:
    """Whether the figure is the whole a part before it is taken from ("Seven of the 23 works",
    "14 of the 23 paintings"): it counts neither what the part's verb says nor the part's count."""
    return WHOLE_AFTER_PART.search(claim.text[: max(0, quantity.start - claim.start)]) is not None


def _kind_of_people(clause: str, start: int, end: int, outbreak: bool) -> str | None:
    """The kind of a count of people, the words naming a state of things left out: people "found" or
    "recovered" are the dead or the rescued ("14 miners were found dead"), not things back in hand."""

    def blank(word: re.Match[str]) -> str:
        return " " * len(word.group()) if is_state_kind(kind_near(word.group(), 0, 0)) else word.group()

    return kind_near(WORD.sub(blank, clause), start, end, outbreak)


def _signed(figure: str) -> bool:
    """Whether a figure carries a sign written before a number as its unit ("$", "€": ``units.prefixes``)."""
    return any(sign in figure for sign in number_lexicon().prefixes if not sign.isalpha())


def _noun_numbered(clause_words: Sequence[str]) -> str | None:
    """The plural noun a clause counts in "the number of herder families …" (``numbered_nouns``), singular:
    the bare figure the clause gives ("had fallen to 730") counts it, not the noun of an earlier figure
    the quantities stage lent it (in the generalise dzud story the families cut off took the "animals" of
    the sentence before and left their count)."""
    for index, word in enumerate(clause_words[:-1]):
        if word in ledger_lexicon().numbered_nouns and clause_words[index + 1] == "of":
            plurals = [w for w in clause_words[index + 2 : index + 2 + NUMBERED_REACH] if w.endswith("s")]
            return singular(plurals[0]) if plurals else None
    return None


def is_lower_bound(quantity: Quantity) -> bool:
    """ "More than 1,200 emails", "at least 40": the figure is a floor (``lower_bounds`` of the lexicon)."""
    text = " ".join(quantity.text.lower().split())
    return any(text.startswith(bound + " ") for bound in ledger_lexicon().lower_bounds)


def is_vague(quantity: Quantity) -> bool:
    """ "Thousands of messages", "dozens": a plural of scale, no figure (``vague_amounts`` of the lexicon)."""
    text = " ".join(quantity.text.lower().split())
    return any(text == amount or text.startswith(amount + " ") for amount in ledger_lexicon().vague_amounts)


def _qualifiers(claim: Claim, quantity: Quantity) -> frozenset[str]:
    """Lower-case words between the number and the counted noun; names and neutral words do not count. An
    increment ("four more bodies", "another 6", "six bodies pulled from the mud on Tuesday") is marked
    ``INCREMENT``: it never answers the question of the total."""
    lexicon = ledger_lexicon()
    # "laboratory-confirmed" confirms as "confirmed" does: a compound ending in a neutral word is neutral
    # (cholera's "331 laboratory-confirmed infections" stood apart from the ministry's confirmed cases)
    text = NEUTRAL_COMPOUND.sub(
        lambda m: m.group(2) if m.group(2).lower() in lexicon.neutral_qualifiers else m.group(0),
        quantity.text,
    )
    # a possessor in lower case ("five of the ship's crew members") says whose the things are, as "its" does
    # ("four of its crew members"), not which of them: the generalise cable story's held crew stood apart
    text = POSSESSOR.sub(" ", text)
    words = [word for word in WORD.findall(text) if not word[0].isdigit()]
    # a word of the figure's kind ("12 reconnected facilities", "five injured workers") says what happened
    # to the counted thing, which ``Measure.kind`` holds: it narrows nothing ("41 facilities back online")
    # so does a word of a kind's entry of several words ("six confirmed adverse findings": those who tested
    # positive, one count with "nine athletes had returned positive tests")
    in_kind = kind_entry_words(words)
    narrowing = frozenset(
        stem(word)
        for index, word in enumerate(words[:-1])
        if word.islower()
        and word not in lexicon.neutral_qualifiers
        and word not in lexicon.stopwords
        and not names_kind(word)
        and index not in in_kind
        and not _number_word(word)
    )
    narrowing |= _agent_participle(claim, quantity)
    return narrowing | {INCREMENT} if _is_increment(claim, quantity) else narrowing


def _gives_a_size(claim: Claim, quantity: Quantity, unit: str) -> bool:
    """Whether the figure is the size of a thing ("a drag mark forty kilometres long", "a trench 30 metres
    deep": a unit of ``dimension_units`` and a word of ``size_adjectives`` right after it): what the clause
    says was found, restored or lost is the thing, so the size takes no kind of count (the generalise cable
    story's mark, "found … forty kilometres long", stood apart as "recovered" from its later lengths)."""
    lexicon = load_lexicon("ledger")
    if unit not in lexicon["dimension_units"]:
        return False  # "found 30 works long after the theft": a count of things, whatever follows
    after = WORD.findall(claim.text[quantity.end - claim.start :])[:1]
    return bool(after) and after[0].lower() in lexicon["size_adjectives"]


def _number_word(word: str) -> bool:
    """Whether a word is the figure's own number written out ("fourteen", "twenty-five", "million"): it
    narrows nothing, and as a qualifier it kept "fourteen lifters" from the same count's "nine athletes"
    (the stopwords list only one to ten)."""
    numbers = number_lexicon()
    return all(part in numbers.words or part in numbers.scales for part in word.lower().split("-"))


def _agent_participle(claim: Claim, quantity: Quantity) -> frozenset[str]:
    """``AGENT`` with the participle right after the figure's noun when "by" follows it ("four planes sent
    by Italy"); empty otherwise ("two planes were held back": a predicate, not a narrowing)."""
    after = [w.lower() for w in WORD.findall(claim.text[quantity.end - claim.start :])[:2]]
    if len(after) < 2 or after[1] != "by":
        return frozenset()
    participle = after[0]
    irregular = load_lexicon("ledger")["irregular_participles"]
    if participle.endswith("ed") or participle in irregular:
        return frozenset({AGENT + participle})
    return frozenset()


def _is_increment(claim: Claim, quantity: Quantity) -> bool:
    """ "Seven more bodies", "1,100 additional pages": an increment word followed by a word other than
    "than" ("more than 100" is a floor, ``is_lower_bound``); "another 6": an opener right before the
    figure; or a count of one day's recoveries (``ledger.dated.counts_one_day``)."""
    words = [word.lower() for word in WORD.findall(quantity.text)]
    increments = ledger_lexicon().increment_words
    if any(word in increments and after != "than" for word, after in pairwise(words)):
        return True
    if set(words_before(claim, quantity, 1)) & set(load_lexicon("ledger")["increment_openers"]):
        return True
    return counts_one_day(claim, quantity)


def make_measures(
    claim: Claim,
    extra_words: frozenset[str],
    spans: EntitySpans | None = None,
    published: str | None = None,
    outbreak: bool = False,
    text: str | None = None,
) -> list[Measure]:
    """The claim's quantities worth a question: those with a unit, or whose clause names a kind of count.
    With the story's entity ``spans``, a percentage names whose share it is when its wording says so;
    ``published``: the article's publication date, the day of a figure whose words give none;
    ``outbreak``: the claim's article is about an outbreak of disease (``kinds.names_outbreak``), so its
    cases and infections are a tally of the infected, in one unit whatever noun names them; ``text``: the
    article's text, where the attribution around the content may give a figure its day (``ledger.dated``)."""
    lexicon = ledger_lexicon()
    measures = []
    # a bare figure goes on the count an earlier figure of the content named, in its noun: a list of one
    # count's values by day ("390 families were still unreachable …, 730 on Wednesday, 1,120 on Tuesday and
    # 1,460 on Monday") loses its kind word past the "and" that ends a clause. Only where every figure
    # has one noun: in "212 cases and seven deaths on Monday, 260 and 11 on Tuesday" two counts alternate,
    # and the noun the quantities stage lent each bare figure (the nearest before it) may be the other's.
    listed_kinds: dict[str, str] = {}
    # so too its narrowing words: "only 3 active fronts remain, against 5 on Tuesday" counts active fronts
    # twice (the generalise wildfire story's 5 stood apart from its 3 for want of "active")
    listed_qualifiers: dict[str, frozenset[str]] = {}
    # a duration beside the figures ("after two days of rain") is context, no second count
    one_count = len({q.unit for q in claim.quantities if number_type(q) in ANSWER_TYPES}) == 1
    for quantity in claim.quantities:
        if number_type(quantity) not in ANSWER_TYPES or is_vague(quantity) or is_method(claim, quantity):
            continue
        if any(test(claim, quantity) for test in NO_ANSWER_TESTS):
            continue
        start, end = _clause_bounds(claim, quantity)
        clause = claim.text[start:end]
        raw = [word.lower() for word in WORD.findall(clause)]
        words = content_words(clause)
        offset = quantity.start - claim.start - start
        # a figure sharing the predicate of the bare figure after it ("43 and then 29 still on the run")
        count_kind = _kind_of_pair(claim, quantity, end, outbreak) or kind_near(
            clause, offset, offset + len(quantity.text), outbreak
        )
        if quantity.end - claim.start == len(claim.text.rstrip()) and text is not None:
            count_kind = _kind_past_content(claim, clause, offset, quantity, text, outbreak) or count_kind
        if count_kind is None and text is not None:
            count_kind = kind_of_raised_count(claim, quantity, text, outbreak)
        if count_kind is None:
            count_kind = kind_of_predicate(quantity, outbreak)
        if count_kind is None and one_count and is_bare_figure(quantity.text):
            count_kind = listed_kinds.get(quantity.unit)  # "…, 1,120 on Tuesday and 1,460 on Monday"
        if is_whole_of_part(claim, quantity):
            count_kind = None  # "Seven of the 23 works have been found": 23 were not found
        if count_kind is not None:
            listed_kinds[quantity.unit] = count_kind
        # a bare figure of a kind counts people ("31 missing"); one of a state says nothing of what it
        # counts ("154 were still offline": facilities), so it needs a noun like any other figure
        counts_of_people = count_kind is not None and not is_state_kind(count_kind)
        own = (
            None
            if _of_them(claim, quantity)
            else _noun_after(claim, quantity) or _unit_from_clause(quantity, raw)
        )
        unit = own or quantity.unit or (PEOPLE_UNIT if counts_of_people else "")
        if not unit or numbers_a_list(claim, quantity, unit):
            continue
        unit = PEOPLE_UNIT if counts_people(count_kind, unit) else unit
        if is_state_kind(count_kind) and unit == PEOPLE_UNIT:
            count_kind = _kind_of_people(clause, offset, offset + len(quantity.text), outbreak)
        if is_people_state(count_kind) and unit != PEOPLE_UNIT:
            count_kind = None  # "41.5 million somoni owed", "two kilns at work": no count of people
        if _gives_a_size(claim, quantity, unit):
            count_kind = None  # "found a trench 30 metres deep": the trench was found, not its metres
        unit = outbreak_unit(count_kind, unit) or unit
        qualifiers = _qualifiers(claim, quantity)
        if one_count and is_bare_figure(quantity.text):
            qualifiers |= listed_qualifiers.get(quantity.unit, frozenset())
        else:  # words only: an increment's marks ("six more bodies …, taking the toll to 17") stay its own
            listed_qualifiers[quantity.unit] = frozenset(q for q in qualifiers if not q.startswith("+"))
        if count_kind and (
            is_past_event(claim, start, end, clause)
            or told_of_past_year(claim, quantity)
            or _opened_by_former_year(claim, quantity, published)
        ):
            qualifiers |= {PAST_EVENT}
        elif not count_kind and _tells_former_event(claim, quantity, (start, end), published, text):
            qualifiers |= {PAST_EVENT}  # "the 10,900 tonnes another tanker spilled in 2007"
        if count_kind and _counts_part(clause, offset, quantity.text, count_kind, outbreak):
            qualifiers |= {PART}
        kind = TARGET if is_target(claim, quantity) else count_kind
        # a figure keeps the day its words give it (a series is read by day), a tally's and a measure's alike:
        # a wire's recap "put the spill at 1,200 tonnes on Monday, 2,400 on Tuesday" read on its own day was
        # a source contradicting itself (the generalise spill story); otherwise the article's day
        day = figure_day(claim, quantity, published, text)
        if INCREMENT in qualifiers and day is not None:
            qualifiers |= {ON_DAY + day.isoformat()}  # two days' increments are two counts, not a dispute
        forecast_day = _forecast_day(claim, (start, end), raw)
        if forecast_day is not None:
            qualifiers |= {ON_DAY + forecast_day}  # a forecast is no side of a measure, nor of another day's
        measures.append(
            Measure(
                claim=claim,
                quantity=quantity,
                unit=unit,
                words=words | extra_words,
                qualifiers=qualifiers,
                kind=kind,
                changing=any(word in lexicon.update_cues for word in raw) or _sets_against_earlier(claim),
                holder=_holder(claim, quantity, unit, spans, qualifiers),
                day=day,
                payer=payer(claim, quantity, spans) if number_type(quantity) == "money" else None,
            )
        )
    return measures


def _holder(
    claim: Claim, quantity: Quantity, unit: str, spans: EntitySpans | None, qualifiers: frozenset[str]
) -> str | None:
    """Whose share a percentage is, or a sum a price offered (``ledger.shares``); a stake or a price of a
    former event ("in 2019 … offered €9.60 a share, but only 22.5% was tendered" to an earlier bidder) is
    no value of this story's, so it keeps none."""
    if number_type(quantity) == "money":
        holder = offer_holder(claim, quantity)
    elif unit == SHARE and spans is not None:
        holder = share_holder(claim, quantity, spans)
    else:
        return None
    return None if holder in (STAKE, OFFER) and PAST_EVENT in qualifiers else holder


def _forecast_day(claim: Claim, clause: tuple[int, int], raw: Sequence[str]) -> str | None:
    """The day a forecast figure is told for ("39 degrees are forecast for Wednesday": its date, "ahead"
    when the clause names none), or None when the figure's clause holds no word of a forecast."""
    words = " " + " ".join(raw) + " "
    if not any(f" {cue} " in words for cue in load_lexicon("ledger")["forecast_words"]):
        return None
    start, end = clause
    inside = [time for time in claim.times if start <= time.start - claim.start < end]
    return next((time.value or time.date or "" for time in inside if time.value or time.date), "ahead")


def _sets_against_earlier(claim: Claim) -> bool:
    """Whether the content sets its figures against earlier values (``earlier_value_cues``: "down from")."""
    words = " " + " ".join(WORD.findall(claim.text.lower())) + " "
    return any(f" {cue} " in words for cue in load_lexicon("ledger")["earlier_value_cues"])


def _opened_by_former_year(claim: Claim, quantity: Quantity, published: str | None) -> bool:
    """Whether a tally's sentence opens on a year before its article's ("In 2009 a lorry … fell into the
    river, killing three people", ``ledger.kinds.opened_by_past_year``): in the generalise bridge story that
    toll joined the bodies recovered as a side of the first day's four."""
    day = calendar_day(published)
    return day is not None and opened_by_past_year(claim, quantity, day.year)


def _tells_former_event(
    claim: Claim, quantity: Quantity, clause: tuple[int, int], published: str | None, text: str | None
) -> bool:
    """Whether a figure of no tally tells an event of a year before its article's (``ledger.kinds``); a
    year of the article's own may date this event's figure ("the 2026 budget"), so it never counts."""
    day = calendar_day(published)
    if day is None:
        return False
    start, end = clause
    if is_past_event(claim, start, end, claim.text[start:end], day.year):
        return True
    if told_of_past_year(claim, quantity, day.year) or opened_by_past_year(claim, quantity, day.year):
        return True
    return text is not None and recalls_former_year(claim, quantity, text, day.year)


# TimeML's value of a word that tells the present ("now", "currently", "at present"; ``dates``).
PRESENT_REF = "PRESENT_REF"


def told_as_now(measure: Measure) -> bool:
    """Whether the figure's own clause tells it as of now ("two cables have now been confirmed damaged",
    "12 people are currently in hospital"): today's value of a count, never a former event's figure."""
    claim, quantity = measure.claim, measure.quantity
    start, end = _clause_bounds(claim, quantity)
    return any(time.value == PRESENT_REF and start <= time.start - claim.start < end for time in claim.times)


def former_year(group: Sequence[Measure]) -> int | None:
    """The one year before their days that every figure of a former event names in its claim, before the
    figure ("the summer of 2021, when about 50,000 hectares burned") or as its time after it ("expelled two
    diplomats in 2022", ``dates_figure``): the question asks of that year, and its label must say so,
    or "How many hectares burned?" reads as this story's (the generalise wildfire story). None when a
    figure is no former event's, names no such year, or the figures name several."""
    years: set[int] = set()
    for measure in group:
        if PAST_EVENT not in measure.qualifiers or measure.day is None:
            return None
        named = {
            year
            for time in measure.claim.times
            if (year := year_of(time)) is not None
            and year < measure.day.year
            and dates_figure(measure.claim, measure.quantity, time)
        }
        written = _year_written_before(measure.claim, measure.quantity)
        if written is not None and written < measure.day.year:
            named.add(written)  # "could not keep pace with 2008, when 236,000 Iowans took part"
        if not named:
            return None
        years |= named
    return years.pop() if len(years) == 1 else None


# A year after a figure dates it when a preposition of time opens it and no comma parts them: "expelled two
# diplomats in 2022", not "thirty disputes, including the 2011 stoppage" (a career's count, not 2011's).
YEAR_AFTER_FIGURE = re.compile(r"[^,;]*\b(?:in|during)\s+(?:\w+\s+)?$")
# After a bare figure, its counted noun behind modifiers only: adverbs in -ly, "or"/"and", participles in
# -ing and capitalised adjectives ("14 solidly or leaning Democratic states"), then a plural and a break.
MODIFIED_NOUN = re.compile(
    r"(?:\s+(?:[a-z]+ly|or|and|[a-z]+ing|[A-Z][a-z]+)){1,5}\s+(?P<noun>[a-z]{2,}[^s\W]s)(?=[\s,.;:]|$)"
)
# A year written as four digits (the dates stage may read none in "could not keep pace with 2008").
WRITTEN_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")
# A year before a figure whose clause, past a comma, is in the present perfect: "Begun in 1997, the
# foundation has raised roughly $2 billion" tells a total up to now; the year dates the opener's event
# (its founding), and "How much money did the foundation raise in 1997?" asked a false question (issue #14).
PRESENT_PERFECT_PAST_COMMA = re.compile(r",[^;]*\b(?:has|have)\b")


def dates_figure(claim: Claim, quantity: Quantity, time: TimeExpr) -> bool:
    """Whether ``time`` names the figure's time: before it in the content, or after it as its time. A year
    written between a time and the figure is the figure's nearer year, whatever the dates stage read of it
    ("blasted through its 2012 record, but could not keep pace with 2008, when 236,000 Iowans took part":
    the 236,000 are 2008's, and the label "… in 2012?" moved them to the other year, issue #14, PolNeAR
    iowa-caucus-results)."""
    if time.start < quantity.start:
        before = claim.text[time.end - claim.start : quantity.start - claim.start]
        if _written_years(claim, time.end, quantity.start):
            return False
        return PRESENT_PERFECT_PAST_COMMA.search(before) is None
    between = claim.text[quantity.end - claim.start : time.start - claim.start]
    return YEAR_AFTER_FIGURE.fullmatch(between) is not None


def _written_years(claim: Claim, start: int, end: int) -> list[tuple[int, int]]:
    """The years written as four digits between two article offsets of the claim, with their offsets: no
    figure's number ("2000 troops"), none past a sentence end."""
    text = claim.text[start - claim.start : end - claim.start]
    ends = [match.end() for match in SENTENCE_END.finditer(text)]
    since = ends[-1] if ends else 0
    figures = [(q.start, q.end) for q in claim.quantities]
    return [
        (int(match.group()), start + match.start())
        for match in WRITTEN_YEAR.finditer(text, since)
        if not any(low <= start + match.start() < high for low, high in figures)
    ]


def _year_written_before(claim: Claim, quantity: Quantity) -> int | None:
    """The year written nearest before a figure in its sentence, where no verb in the present perfect past a
    comma makes the figure a total up to now (``PRESENT_PERFECT_PAST_COMMA``); None when there is none."""
    written = _written_years(claim, claim.start, quantity.start)
    if not written:
        return None
    year, offset = written[-1]
    between = claim.text[offset - claim.start + 4 : quantity.start - claim.start]
    return year if PRESENT_PERFECT_PAST_COMMA.search(between) is None else None


def unify_holders(measures: Sequence[Measure], names: Mapping[str, str]) -> list[Measure]:
    """A share held by a bare surname ("name:trump", no entity mention there) takes the entity of the
    story's shares whose name ends with it, when exactly one does ("Donald Trump"); else it stays apart."""
    by_surname: dict[str, set[str]] = {}
    for holder in {m.holder for m in measures if m.holder and m.holder.startswith(TOKEN_MARK)}:
        surname = names.get(holder.removeprefix(TOKEN_MARK), "").split()[-1:]
        if surname:
            by_surname.setdefault("name:" + surname[0].lower(), set()).add(holder)
    return [
        replace(m, holder=next(iter(by_surname[m.holder])))
        if m.holder in by_surname and len(by_surname[m.holder]) == 1
        else m
        for m in measures
    ]


def _umbrella_of(measure: Measure, counted_units: set[str]) -> str | None:
    """The umbrella noun a figure counts under: its noun and the kinds coordinated with it all lie under
    it, and the story counts figures in that noun itself (``counted_units``)."""
    coordinated = coordinated_kinds(measure.claim, measure.quantity)
    if not coordinated:
        return None
    return umbrella_covering([(measure.unit,), *(kind for kind, _ in coordinated)], counted_units)


def under_umbrellas(measures: Sequence[Measure]) -> list[Measure]:
    """The story's figures with a coordination of kinds counted under its umbrella noun ("41 hospitals and
    clinics" → facility) where the story counts that noun (``_umbrella_of``); so is a bare figure of the
    same claim whose unit was lent by such a figure ("78 hospitals and clinics had been reconnected …, and
    88 remained without access"). Any other figure keeps its unit: "12 hospitals" alone may be a part."""
    counted_units = {measure.unit for measure in measures}
    lent: dict[tuple[str, str], str] = {}  # (claim id, unit) → umbrella
    own: dict[int, str] = {}
    for index, measure in enumerate(measures):
        umbrella = _umbrella_of(measure, counted_units)
        if umbrella is not None:
            own[index] = umbrella
            lent[measure.claim.id, measure.unit] = umbrella
    return [
        replace(measure, unit=own[index])
        if index in own
        else replace(measure, unit=lent[measure.claim.id, measure.unit])
        if (measure.claim.id, measure.unit) in lent and is_bare_figure(measure.quantity.text)
        else measure
        for index, measure in enumerate(measures)
    ]
