"""What happened to what a figure counts (its *kind of count*), and whether it is this event's figure.

A disaster story gives the dead, the injured and the missing in one sentence ("killing at least five
miners and leaving 31 missing", "rose to 21, with 15 miners still unaccounted for"), so the kind of a
figure is the kind word *nearest* it in its clause, not the first kind the clause names anywhere (which
made the 31 missing a death toll). Words come from ``lexicons/ledger.toml`` ``[count_kinds]`` (prefixes,
so "killed", "killing" and "kills" are one entry, "kill").

Cases and infections (``[outbreak_kinds]``: the infected) are a kind only in an article about an outbreak
(``names_outbreak``: a word of ``[outbreak]``, "cholera", "epidemic"), where "331 laboratory-confirmed
infections" and "the number of confirmed cases rose to 389" are one tally; elsewhere "cases" are as often
court cases, which a kind would make a count of people.

A state of a counted group of people (``[people_state_kinds]``: on strike, at work, owed wages, on the
payroll) is a kind too: strikers and those still at their posts are both "workers", yet two questions. It
is a kind only of a count of people (``is_people_state``; ``ledger.counted`` drops it from a sum owed). So
are the held, the freed and those aboard of a kidnapping. Where the figure's clause names no kind, its
parsed predicate may ("31 passengers, most of them women, had been freed": ``kind_of_predicate``).

The counted noun does not split a toll: "11 dead", "17 miners died", "21 people killed" count one thing, so
a figure of a people kind (``PEOPLE_KINDS``) whose noun is no unit class of its own ("miners",
"passengers": a head noun the quantities stage keeps as it is) counts people.

A toll of another event is no value of this one ("the worst since October 2023, when a fire killed 46"):
a figure whose clause names a past year (a time expression with an explicit year, at month, season or
year precision: a figure of the story's own days is told by weekday or date) or that ranks this event
against a former one ("the deadliest … since", ``past_event_superlatives``) is marked ``PAST_EVENT``, a
qualifier no figure of this event shares; so is a figure its sentence tells as that year's event after a
linking word ("since 2012, when a dam burst and killed eight people": ``told_of_past_year``), which the
clause alone misses once "and" cuts the year off.

A figure of no tally (tonnes spilled, a sum) is marked so too, by the same words, when the year they name
lies before the article's (``before_year``: "the 10,900 tonnes released by another tanker in 2007"; a
figure of the article's own year may be this event's, "the 2026 budget"), or when the words before it in
its sentence refer back to a time (``former_time_anaphors``: "In December of that year", "At that time")
and the sentence before names a year before the article's (``recalls_former_year``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import cache, lru_cache

from storyline.lexicons import load_lexicon
from storyline.records import Claim, Quantity, TimeExpr
from storyline.stages.ledger.grouping import WORD, ledger_lexicon
from storyline.stages.quantities import number_lexicon

# The qualifier of a figure of a former event: it never answers the question of this event's count.
PAST_EVENT = "+past"
# The qualifier of a part of a count ("the dead included two children", "two of the missing"): no total.
PART = "+part"
# How many words before a figure a word of a part may stand ("the dead included two children").
PART_REACH = 2
# Kinds whose figure counts people whatever noun follows it (dead, injured, missing, detained, those who
# tested positive: "Six weightlifters", "nine athletes", "Fourteen lifters" and "11 positive cases" are one
# count of one doping affair); not the displaced, whose words name homes and shelters too ("300 homes
# destroyed" counts houses).
PEOPLE_KINDS = frozenset(
    {
        "dead",
        "injured",
        "in_hospital",
        "discharged",
        "missing",
        "detained",
        "positive",
        "at_large",
        "recaptured",
    }
)
# A time expression of a former event names its year ("in 2023", "October 2023") at a coarse precision.
COARSE_PRECISIONS = frozenset({"year", "month", "season"})
YEAR = re.compile(r"\b(1[89]|20)\d\d\b")
SENTENCE_END = re.compile(r"[.!?;]\s")
OUTBREAK_WORD = re.compile(r"[^\W\d_]+(?:-\w+)?")
# The unit of a tally of the infected, whatever noun it is given in ("cases", "infections", "people").
OUTBREAK_UNIT = "case"
PEOPLE_UNIT = "personnel"  # the unit of a count of people


@cache  # read for every word of a clause (kind_near): built once, not per word
def _all_kinds(outbreak: bool = False) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Every kind of count and its stems: ``[count_kinds]``, ``[state_kinds]``, ``[people_state_kinds]``,
    and the kinds of ``[outbreak_kinds]`` too when ``outbreak``."""
    states = _state_kinds() + _people_state_kinds()
    return ledger_lexicon().count_kinds + states + (_outbreak_kinds() if outbreak else ())


@cache  # kind_near reads the table for every word of every clause: split each entry once, not per call
def _split_kinds(outbreak: bool) -> tuple[tuple[str, tuple[tuple[tuple[str, ...], str], ...]], ...]:
    """``_all_kinds`` with each entry split into the words before its last and the last (a prefix):
    "cut off" → (("cut",), "off"), "kill" → ((), "kill")."""
    return tuple(
        (kind, tuple((tuple(entry.split()[:-1]), entry.split()[-1]) for entry in stems))
        for kind, stems in _all_kinds(outbreak)
    )


@lru_cache(maxsize=8192)  # asked of the qualifier words and unit of every figure
def _word_kind(word: str, outbreak: bool = False) -> str | None:
    """The kind of count ``word`` names; the kinds of ``[outbreak_kinds]`` too when ``outbreak``."""
    if word in _not_kind_words():
        return None
    for kind, entries in _split_kinds(outbreak):
        if any(not first and word.startswith(last) for first, last in entries):
            return kind
    return None


@cache
def _longest_entry(outbreak: bool) -> int:
    """How many words the longest entry takes: how far past a word ``_kind_opening`` needs to look."""
    return max(len(first) + 1 for _, entries in _split_kinds(outbreak) for first, _ in entries)


# kind_near asks this of every word of every figure's clause (65k calls on 1,000 generated articles, most
# of them the same few hundred words): the answer hangs only on the words an entry can reach, so it is kept
@lru_cache(maxsize=16384)
def _kind_opening(window: tuple[str, ...], outbreak: bool) -> tuple[str, int] | None:
    """The kind named by the first word of ``window``, or by an entry of several words starting there ("cut
    off", "without access": the words in a row, the last as a prefix), with how many words it takes."""
    if not window or not _may_open(window[0], outbreak):
        return None  # most words open no entry: told by a few set lookups, not a walk of every entry
    for kind, entries in _split_kinds(outbreak):
        for first, last in entries:
            end = len(first)
            opens = end < len(window) and window[:end] == first and window[end].startswith(last)
            if opens and window[end] not in _not_kind_words():
                return kind, end + 1
    return None


@cache
def _entry_openings(outbreak: bool) -> tuple[frozenset[str], frozenset[str]]:
    """The first words of the entries of several words, and the one-word entries (prefixes)."""
    entries = [entry for _, kind_entries in _split_kinds(outbreak) for entry in kind_entries]
    firsts = frozenset(first[0] for first, _ in entries if first)
    return firsts, frozenset(last for first, last in entries if not first)


def _may_open(word: str, outbreak: bool) -> bool:
    """Whether an entry can start at ``word``: it is the first of one of several words, or a one-word entry
    is a prefix of it (what ``_kind_opening`` then checks in full)."""
    firsts, stems = _entry_openings(outbreak)
    return word in firsts or any(word[:length] in stems for length in range(1, len(word) + 1))


@cache
def _not_kind_words() -> frozenset[str]:
    """Words that begin with a kind's stem yet name no kind ("livestock" is no "lives", ``[not_kind_words]``):
    the stems are prefixes, so the exceptions are listed where the stems are."""
    return frozenset(load_lexicon("ledger")["not_kind_words"]["words"])


def names_kind(word: str) -> bool:
    """Whether ``word`` names a kind of count or a state (``[count_kinds]``, ``[state_kinds]``)."""
    return _word_kind(word.lower()) is not None


def kind_entry_words(words: Sequence[str]) -> frozenset[int]:
    """The indexes of ``words`` inside an entry naming a kind ("six confirmed adverse findings": "adverse"
    and "findings"): such a word says what happened to the counted thing, as ``names_kind`` says of one
    word, and narrows nothing (``ledger.counted``)."""
    lowered = tuple(word.lower() for word in words)
    openings = _kind_openings(lowered, outbreak=False)
    return frozenset(covered for index, _kind, length in openings for covered in range(index, index + length))


def _kind_openings(lowered: tuple[str, ...], outbreak: bool) -> Iterator[tuple[int, str, int]]:
    """(index, kind, how many words) of each entry naming a kind that opens at a word of ``lowered``."""
    reach = _longest_entry(outbreak)
    for index in range(len(lowered)):
        named = _kind_opening(lowered[index : index + reach], outbreak)
        if named is not None:
            yield index, *named


@cache
def _kinds_table(section: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """A kinds table of ``lexicons/ledger.toml`` (``state_kinds``, ``outbreak_kinds``): kind → its stems."""
    return tuple((kind, tuple(stems)) for kind, stems in load_lexicon("ledger")[section].items())


def _state_kinds() -> tuple[tuple[str, tuple[str, ...]], ...]:
    return _kinds_table("state_kinds")


def is_state_kind(kind: str | None) -> bool:
    """Whether ``kind`` is a state of what is counted (``[state_kinds]``: "in_service", "out_of_service"),
    not a kind of count of people."""
    return kind in {k for k, _ in _state_kinds()}


def _people_state_kinds() -> tuple[tuple[str, tuple[str, ...]], ...]:
    return _kinds_table("people_state_kinds")


def is_people_state(kind: str | None) -> bool:
    """Whether ``kind`` is a state of a counted group of people (``[people_state_kinds]``: "on_strike",
    "at_work", "owed", "employed"): a kind only of a count of people."""
    return kind in {k for k, _ in _people_state_kinds()}


def _outbreak_kinds() -> tuple[tuple[str, tuple[str, ...]], ...]:
    return _kinds_table("outbreak_kinds")


@cache
def _complement_words() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """The prepositions opening a complement of a counted noun, the verbs closing one, the relative words
    keeping it open (``kind_complement_*`` of the lexicon)."""
    table = load_lexicon("ledger")
    opening, closing, relative = (
        frozenset(table[f"kind_complement_{key}"]) for key in ("prepositions", "closers", "relatives")
    )
    return opening, closing, relative


def _within_complement(between: Sequence[str]) -> bool:
    """Whether a kind word after a figure, ``between`` being the words from the figure to it, lies in a
    complement of the counted noun: after a preposition of ``kind_complement_prepositions`` ("26 complaints
    from detainees"), unless a verb after the preposition closes the phrase ("six men from the barge are
    still missing": the kind is said of the men), with no relative word before it ("complaints from people
    who were detained" still counts complaints)."""
    prepositions, closers, relatives = _complement_words()
    opened = [index for index, word in enumerate(between) if word in prepositions]
    if not opened:
        return False
    after = set(between[opened[-1] + 1 :])
    return bool(after & relatives) or not after & closers


@cache
def _outbreak_words() -> frozenset[str]:
    return frozenset(load_lexicon("ledger")["outbreak"]["words"])


def names_outbreak(text: str) -> bool:
    """Whether ``text`` (an article) is about an outbreak of disease: it names one (``[outbreak]``)."""
    words = _outbreak_words()
    return any(match.group().lower() in words for match in OUTBREAK_WORD.finditer(text))


def outbreak_unit(kind: str | None, unit: str) -> str | None:
    """The one unit of a tally of the infected: "331 infections", "212 cases", "260" (people) → "case";
    None for any other kind, or a unit of something else ("300 computers infected")."""
    if kind not in {k for k, _ in _outbreak_kinds()}:
        return None
    return OUTBREAK_UNIT if unit in {"", PEOPLE_UNIT} or _word_kind(unit, outbreak=True) == kind else None


def kind_near(clause: str, start: int, end: int, outbreak: bool = False) -> str | None:
    """The kind of count named by the kind word nearest the figure at ``[start, end)`` of ``clause`` (in
    words; a word inside the figure's own text is nearest of all, and of two equally near the one after
    it wins: "31 missing" beside "killing five"). A kind word after the figure across a preposition
    (``kind_complement_prepositions``) names what the counted noun is of or from, not what it counts.
    ``outbreak``: the clause's article is about one, so "cases" and "infections" name a kind too."""
    words = [(match.start(), match.end(), match.group().lower()) for match in WORD.finditer(clause)]
    lowered = tuple(word for _, _, word in words)
    best: tuple[int, int, str] | None = None
    for index, kind, length in _kind_openings(lowered, outbreak):
        word_start = words[index][0]
        last = index + length - 1
        word_end = words[last][1]
        if word_end <= start:
            distance, before = sum(1 for w in words[last + 1 :] if w[1] <= start) + 1, 1
        elif word_start >= end:
            between = [w[2] for w in words[:index] if w[0] >= end]
            if _within_complement(between):
                continue  # "26 complaints from detainees" counts complaints, not the detained
            distance, before = len(between) + 1, 0
        else:
            distance, before = 0, 0
        if best is None or (distance, before) < best[:2]:
            best = (distance, before, kind)
    return best[2] if best else None


@cache
def _raised_count() -> re.Pattern[str]:
    """ "raising its count to", "putting the total at" right before a figure (``[raised_count]``)."""
    table = load_lexicon("ledger")["raised_count"]
    verbs, owners, nouns = ("|".join(map(re.escape, table[key])) for key in ("verbs", "owners", "nouns"))
    return re.compile(
        rf"\b(?:{verbs})\s+(?:{owners})\s+(?:[^\W\d_]+\s+)?(?:{nouns})\s+(?:to|at)\s+$", re.IGNORECASE
    )


def kind_of_raised_count(claim: Claim, quantity: Quantity, text: str, outbreak: bool = False) -> str | None:
    """The kind of a figure a participle raises a count to ("…, raising its count to 1.34 million head"):
    the kind the article's sentence names nearest before the participle, since "count" names none; None
    when no such participle comes right before the figure, or the sentence names no kind before it."""
    before = claim.text[: max(0, quantity.start - claim.start)]
    raised = _raised_count().search(before)
    if raised is None:
        return None
    participle = claim.start + raised.start()
    sentence_start = max((m.end() for m in SENTENCE_END.finditer(text, 0, participle)), default=0)
    stretch = text[sentence_start:participle]
    return kind_near(stretch, len(stretch), len(stretch), outbreak)


def kind_of_predicate(quantity: Quantity, outbreak: bool = False) -> str | None:
    """The kind of count the figure's own predicate names (``Quantity.predicate``, from the parse): "31
    passengers, most of them women, children and elderly men, had been freed" names its kind past the
    commas that end the figure's clause, so the clause alone tells none; None when it names none."""
    predicate = quantity.predicate or ""
    return kind_near(predicate, 0, 0, outbreak) if predicate else None


def counts_people(kind: str | None, unit: str) -> bool:
    """Whether a figure of ``kind`` counted in ``unit`` is a count of people: a people kind, and a noun that
    is no unit class of its own ("miner", "passenger"; not "ship" or "USD"), nor the kind's own word ("31
    missing", "the dead": what the count is of is left unsaid, so it meets only counts of that word)."""
    if kind not in PEOPLE_KINDS or _word_kind(unit) is not None:
        return False
    return unit not in set(number_lexicon().unit_classes.values())


def is_part(clause: str, start: int, end: int) -> bool:
    """Whether the figure at ``[start, end)`` of ``clause`` counts a part of a count: a word of a part
    just before it ("included", "among": ``part_words``) or "of" right after a bare number ("two of the
    missing", "four of them"). After a figure's own noun "of" says what the noun measures, not what it is a
    part of: "842,000 head of livestock", "300 tonnes of hay" (in the generalise dzud story the head of
    livestock killed were read as parts, and the toll's values of two days never met)."""
    before = [word.lower() for word in WORD.findall(clause[:start])][-PART_REACH:]
    after = [word.lower() for word in WORD.findall(clause[end:])][:1]
    return bool(set(before) & ledger_lexicon().part_words) or (
        after == ["of"] and is_bare_figure(clause[start:end])
    )


def is_bare_figure(figure: str) -> bool:
    """Whether a figure's text ends in its number ("two", "1,460", "and 88"), with no noun of its own."""
    words = WORD.findall(figure)
    last = words[-1].lower() if words else ""
    return bool(last) and (
        last[0].isdigit() or last in number_lexicon().words or last in number_lexicon().scales
    )


def is_past_event(
    claim: Claim, clause_start: int, clause_end: int, clause: str, before_year: int | None = None
) -> bool:
    """Whether the clause at ``[clause_start, clause_end)`` of the claim's content tells a former event:
    a time expression with an explicit year at a coarse precision (before ``before_year`` when given), or
    a superlative followed by "since"."""
    words = [word.lower() for word in WORD.findall(clause)]
    superlatives = ledger_lexicon().past_event_superlatives
    ranked = [index for index, word in enumerate(words) if word in superlatives]
    if ranked and "since" in words[ranked[0] :]:
        return True
    times = _former_times(claim.times, before_year)
    return any(_names_past_year(time, claim, clause_start, clause_end) for time in times)


def told_of_past_year(claim: Claim, quantity: Quantity, before_year: int | None = None) -> bool:
    """Whether the figure's sentence names a former year before it and then tells that year's event ("the
    deadliest since 2012, when a dam above Biser burst and killed eight people"): a linking word
    (``past_event_links``) between the year and the figure, no sentence end. The figure's clause alone
    misses it once "and" cuts the year off."""
    figure = quantity.start - claim.start
    links = set(load_lexicon("ledger")["past_event_links"])
    for time in _former_times(claim.times, before_year):
        start, end = time.start - claim.start, time.end - claim.start
        if start < 0 or end > figure or time.precision not in COARSE_PRECISIONS or not YEAR.search(time.text):
            continue
        between = claim.text[end:figure]
        if not SENTENCE_END.search(between) and {word.lower() for word in WORD.findall(between)} & links:
            return True
    return False


def opened_by_past_year(claim: Claim, quantity: Quantity, before_year: int) -> bool:
    """Whether the figure's sentence opens on a year before ``before_year`` after a preposition of time
    (``past_event_openers``: "In 2009 a lorry broke through the railing … and fell into the river, killing
    three people"): the whole sentence tells that year's event, however many clauses part the year from the
    figure. "Since 2009" opens a count up to now, so it is no opener."""
    figure = quantity.start - claim.start
    openers = set(load_lexicon("ledger")["past_event_openers"])
    for time in _former_times(claim.times, before_year):
        start = time.start - claim.start
        if (
            start < 0
            or start > figure
            or time.precision not in COARSE_PRECISIONS
            or not YEAR.search(time.text)
        ):
            continue
        opening = max((match.end() for match in SENTENCE_END.finditer(claim.text, 0, start)), default=0)
        before = [word.lower() for word in WORD.findall(claim.text[opening:start])]
        if len(before) == 1 and before[0] in openers and not SENTENCE_END.search(claim.text[start:figure]):
            return True
    return False


def _names_past_year(time: TimeExpr, claim: Claim, clause_start: int, clause_end: int) -> bool:
    inside = clause_start <= time.start - claim.start and time.end - claim.start <= clause_end
    return inside and time.precision in COARSE_PRECISIONS and YEAR.search(time.text) is not None


def year_of(time: TimeExpr) -> int | None:
    """The year a time expression names in its words ("the summer of 2021": 2021), None without one."""
    match = YEAR.search(time.text)
    return int(match.group()) if match else None


def _former_times(times: tuple[TimeExpr, ...], before_year: int | None) -> list[TimeExpr]:
    """The times naming a year before ``before_year`` (all of them when None)."""
    if before_year is None:
        return list(times)
    return [time for time in times if (year := year_of(time)) is not None and year < before_year]


def recalls_former_year(claim: Claim, quantity: Quantity, text: str, before_year: int) -> bool:
    """Whether the words before the figure in its sentence refer back to a time ("In December of that
    year", "At that time": ``former_time_anaphors``) and the sentence before the claim's, in the article's
    ``text``, names a year before ``before_year`` (a four-digit year, as the anaphor's antecedent)."""
    figure = quantity.start - claim.start
    opening = max((match.end() for match in SENTENCE_END.finditer(claim.text, 0, figure)), default=0)
    before = " " + " ".join(WORD.findall(claim.text[opening:figure].lower())) + " "
    if not any(f" {anaphor} " in before for anaphor in load_lexicon("ledger")["former_time_anaphors"]):
        return False
    sentence_start = claim.start + opening
    ends = [match.end() for match in SENTENCE_END.finditer(text, 0, sentence_start)]
    if not ends:
        return False
    previous = text[max(ends[:-1], default=0) : ends[-1]]
    return any(int(match.group()) < before_year for match in YEAR.finditer(previous))
