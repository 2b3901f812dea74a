"""The day a figure is told for, when its words give one: a count relayed as history keeps its own day.

A later article retells the earlier values of a count ("On Monday 24 people were unaccounted for", "the
minister gave three dead on Monday, nine on Tuesday and 14 on Wednesday", "four remain missing, down from 11
on Wednesday"); read on the article's own day, each would be a second value of that day beside the new one
(a speaker contradicting themself, or a count moving backwards). A figure takes the day of a time expression
that dates it: a full date at day precision in the same part of its clause (between commas, or "and"),
right after the figure ("nine on Tuesday": at most ``NEAR_AFTER`` words between) or opening the part before
it ("On Monday the minister had spoken of three dead": at most ``NEAR_BEFORE``), or else the day opening its
sentence ("On Monday ... three dead and 24 missing": both are Monday's), never a possessive
("Monday's collapse" dates the event, not the count) nor the bound of a span ("since Monday"). Where the
content names no day, the attribution around it may: a day opening the sentence before the speaker ("On
Monday the ministry had reported 12 reconnected facilities and 154 that were still offline": the claim's
content starts after the cue, so its times hold no "Monday"), or right after the cue ("the agency said on
Tuesday that …", "…, the police said on Monday"); ``attribution_day``. The day counts only when it lies
before the article's publication day: a figure told for a later day is a forecast, and one with no day of
its own is the article's (``figure_day``). An earlier value of a count its sentence tells moving ("fell from
46 to 31 and then to 12": 46 and 31) is no value of the sentence's day: only a day its own words give dates
it ("from 7 on Monday to 5 on Tuesday"), else it has none (``Quantity.earlier_in_chain``, which the
quantities stage reads off the parse). A day in the figure's subject, before its predicate, dates what the
noun tells, not the count ("84 of the passengers abducted on Sunday had now been freed"); a figure followed
by "the day before" is a value of the day before its sentence's day, not the article's (``days_back``; the
generalise hostage story, issue #17).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, timedelta
from functools import cache
from typing import Any

from storyline.lexicons import load_lexicon
from storyline.records import Claim, Quantity, TimeExpr
from storyline.stages.dates import find_times_in_passage
from storyline.stages.ledger.grouping import WORD, part_around
from storyline.stages.ledger.kinds import is_bare_figure
from storyline.stages.ledger.series import calendar_day, direction
from storyline.stages.quantities import number_lexicon

# Words between a figure and a time expression that dates it: after it ("nine on Tuesday", "11 on
# Wednesday": one word), before it, opening the part ("On Monday the minister had spoken of three dead":
# five). Set on the generalise corpus's mine and dam stories (tests/data/generalise), none held out.
NEAR_AFTER = 3
NEAR_BEFORE = 6
# Words at most between a cue and the day after it that dates what was said ("told reporters on Monday",
# "said in a statement on Monday").
CUE_REACH = 4
# Where a part of a clause ends: a comma, a semicolon or a colon, or "and" ("three dead on Monday, nine on
# Tuesday and 14 on Wednesday" are three parts, each with its own day).
# A sentence's end is a break too: "Three works were recovered this morning. Two men have been detained"
# (a day of recovery in one sentence makes no increment of the next sentence's count).
PART_BREAK = re.compile(r"[,;:]|\s+and\s+|(?<=[a-z0-9][.!?])\s+|(?<=[a-z0-9][.!?][\"”])\s+")
# A time expression after one of these bounds a span ("since Monday") rather than dating a figure.
# Where a sentence, or its part after a semicolon, ends: the day that opens it dates each of its figures.
SENTENCE_BREAK = re.compile(r"[.!?;]\s+")
# Two days joined as one span of a count ("on Monday night and this morning"): the "and" between them, and
# what may follow the later one for the two to close the phrase (a break of the clause, or its end).
JOINED_TIME = re.compile(r"\s+and\s+")
CLOSES_PART = re.compile(r"\s*(?:$|[,;:.!?\"”)]|and\s)")
SPAN_BOUNDS = frozenset({"since", "from", "until", "till", "after", "before"})
# Number words that are articles too ("said in a statement on Monday"): no figure.
ARTICLES = frozenset({"a", "an"})
POSSESSIVE = re.compile(r"^['’]s\b")
DIGIT = re.compile(r"\d")


def _words(text: str) -> int:
    return len(WORD.findall(text))


def _dates_figure(
    claim: Claim, time: TimeExpr, figure: tuple[int, int], part: tuple[int, int], predicate: str = ""
) -> int | None:
    """How many words lie between ``time`` and the figure when the time dates it, else None (``figure`` and
    ``part``: offsets into the claim's content; the time's offsets are the article's; ``predicate``: the
    figure's, ``Quantity.predicate``)."""
    text = claim.text
    start, end = time.start - claim.start, time.end - claim.start
    if start < part[0] or end > part[1] or POSSESSIVE.match(text[end:]):
        return None
    opening = (WORD.findall(time.text.lower()) or [""])[0]
    before = [word.lower() for word in WORD.findall(text[:start])][-1:]
    if opening in SPAN_BOUNDS or set(before) & SPAN_BOUNDS:
        return None
    between = (
        text[figure[1] : start] if start >= figure[1] else text[end : figure[0]] if end <= figure[0] else ""
    )
    if DIGIT.search(between):
        return None  # "rose to 52 from 48 a day earlier": the day is the nearer figure's
    if start >= figure[1]:
        gap = _words(between)
        return gap if gap <= NEAR_AFTER and not _predicate_after(text, end, predicate) else None
    if end <= figure[0]:
        gap = _words(between)
        return gap if gap <= NEAR_BEFORE else None
    return None


def _predicate_after(text: str, time_end: int, predicate: str) -> bool:
    """Whether the figure's predicate comes after a time that follows the figure: the time then lies in the
    figure's subject and dates what its noun tells ("84 of the passengers abducted on Sunday had now been
    freed": Sunday is the abduction's day, not the count's), not the figure. The predicate is the parse's,
    its adverbs dropped ("had been freed"), so its last word stands for it; a question's ("did its
    manifests show") asks of a figure that is the object, whose verb comes before it."""
    words = predicate.lower().split()
    if not words or words[0] == "did":
        return False
    return words[-1] in {word.lower() for word in WORD.findall(text[time_end:])}


def _opens_sentence(claim: Claim, time: TimeExpr, figure: tuple[int, int]) -> bool:
    """Whether ``time`` opens the sentence (or the part after a semicolon) the figure lies in, before it:
    "On Monday the minister had spoken of three dead and 24 missing" dates both figures."""
    start, end = time.start - claim.start, time.end - claim.start
    if start < 0 or end > figure[0] or POSSESSIVE.match(claim.text[end:]):
        return False
    breaks = [m.end() for m in SENTENCE_BREAK.finditer(claim.text) if m.end() <= figure[0]]
    opening = max(breaks, default=0)
    # at most a preposition before it ("On Monday", "By Tuesday evening"), and none that opens a span
    before = [word.lower() for word in WORD.findall(claim.text[opening:start])]
    first = (WORD.findall(time.text.lower()) or [""])[0]
    return opening <= start and len(before) <= 1 and not {first, *before} & SPAN_BOUNDS


def told_day(claim: Claim, quantity: Quantity, *, after_only: bool = False) -> date | None:
    """The day the claim's words date the figure to (see the module doc), or None; with ``after_only``,
    only a day right after the figure ("7 on Monday"), not one before it, which dates the count the
    sentence tells now ("On Wednesday the count fell from 12 to 8": 8 is Wednesday's)."""
    figure = (quantity.start - claim.start, quantity.end - claim.start)
    part = part_around(claim.text, PART_BREAK, *figure)
    dated: list[tuple[int, bool, date]] = []
    for time in _day_times(claim.times):
        if after_only and time.start < quantity.end:
            continue
        gap = _dates_figure(claim, time, figure, part, quantity.predicate or "")
        if gap is None and _opens_sentence(claim, time, figure):
            gap = NEAR_BEFORE + 1  # the sentence's day, unless a nearer time dates the figure itself
        day = calendar_day(_through(claim, time).date)
        if gap is not None and day is not None:
            # at an equal distance the day after the figure dates it: in "from 7 on Monday to 5 on
            # Tuesday" Monday, one word before the 5, is the 7's day
            dated.append((gap, time.start < quantity.start, day))
    return min(dated)[2] if dated else None


def _through(claim: Claim, time: TimeExpr) -> TimeExpr:
    """The last of the days joined to ``time`` by "and" that close its phrase together: a count told over
    "Monday night and this morning" is the count of this morning, its later day (the generalise fraud
    story's "Three people were detained on Monday night and this morning", an article of Tuesday, read as
    Monday's 3, the day before the source's own count of that day). Only where the later time ends the part
    ("…and this morning, and 40 …"): in "three died on Monday and this morning two more" the second day
    opens another figure's clause."""
    later = {other.start - claim.start: other for other in _day_times(claim.times) if other.start > time.end}
    joined = JOINED_TIME.match(claim.text, time.end - claim.start)
    following = later.get(joined.end()) if joined else None
    if following is None or not CLOSES_PART.match(claim.text, following.end - claim.start):
        return time
    return _through(claim, following)


def _day_times(times: Sequence[TimeExpr]) -> list[TimeExpr]:
    return [time for time in times if time.precision == "day" and calendar_day(time.date) is not None]


def _sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """Where the sentence holding ``[start, end)`` of an article's text begins and ends."""
    breaks = [match.end() for match in SENTENCE_BREAK.finditer(text, 0, start)]
    after = SENTENCE_BREAK.search(text, end)
    return max(breaks, default=0), after.start() + 1 if after else len(text)


def attribution_day(claim: Claim, text: str, published: str | None) -> date | None:
    """The day the words around the claim's content give it, in its sentence (``text``: the article's):
    a day opening the sentence before the content, at most a preposition before it ("On Monday the ministry
    had reported …"), or one right after the cue ("the agency had said on Tuesday"); None for none, and
    for a cue-less claim (an outlet's own sentence is its content, whose times ``told_day`` reads)."""
    if claim.cue_end <= claim.cue_start:
        return None
    first, last = _sentence_around(text, claim.start, claim.end)
    for time in find_times_in_passage(text[first:last], published):
        start, end = first + time.start, first + time.end
        inside = start < claim.end and claim.start < end
        if inside or time.precision != "day" or POSSESSIVE.match(text[end:]):
            continue
        opening = end <= claim.start and _opens(text[first:start])
        if opening or (start >= claim.cue_end and _follows_cue(text[claim.cue_end : start])):
            return calendar_day(time.date)
    return None


def _opens(before: str) -> bool:
    """Whether the words before a time leave it opening its sentence: one preposition at most, none that
    opens a span ("since Monday")."""
    words = [word.lower() for word in WORD.findall(before)]
    return len(words) <= 1 and not set(words) & SPAN_BOUNDS


def _follows_cue(between: str) -> bool:
    """Whether a time after the cue dates the saying: ``CUE_REACH`` words at most between (no figure), the
    last not a span's bound ("said on Monday", not "said … since Monday")."""
    words = [word.lower() for word in WORD.findall(between)]
    figure = DIGIT.search(between) or any(_spelt_number(word) for word in words)
    return len(words) <= CUE_REACH and not figure and not set(words[-1:]) & SPAN_BOUNDS


def _spelt_number(word: str) -> bool:
    """Whether a word is a number written out ("nine", "twenty-five"): a figure of its own, which a day
    right after it dates ("Fifteen patients are in hospital, the institute said, against nine on Monday":
    Monday is the nine's day, not the fifteen's)."""
    numbers = number_lexicon()
    return word not in ARTICLES and all(part in numbers.words for part in word.split("-"))


def figure_day(
    claim: Claim, quantity: Quantity, published: str | None, text: str | None = None
) -> date | None:
    """The day a figure is a value of: the day its words give, or else its attribution's (with the
    article's ``text``), when before the publication day; else the publication day (None when the article
    has no full date). An earlier value of a chain of change has only the day of its own words, or none."""
    day = calendar_day(published)
    back = days_back(claim, quantity)
    if back:
        anchor = attribution_day(claim, text, published) if text is not None else None
        anchor = anchor or day
        return anchor - timedelta(days=back) if anchor is not None else None
    if quantity.earlier_in_chain:
        own = told_day(claim, quantity, after_only=True)
        return own if own is not None and (day is None or own < day) else None
    told = told_day(claim, quantity)
    if told is None and text is not None:
        told = attribution_day(claim, text, published)
    if told is not None and (day is None or told < day):
        return told
    return day


def days_back(claim: Claim, quantity: Quantity) -> int:
    """How many days before its sentence's day a figure is told for by the words right after it
    (``[earlier_days]`` of the ledger lexicon: "against 58 the day before" → 1), at most ``NEAR_AFTER``
    words on and in its part of the clause; 0 for none. The dates stage anchors "a day earlier" at the
    article's day, while the sentence may tell another ("On Wednesday evening … 84 had been freed, against
    58 the day before")."""
    end = quantity.end - claim.start
    part_end = part_around(claim.text, PART_BREAK, quantity.start - claim.start, end)[1]
    words = " " + " ".join(word.lower() for word in WORD.findall(claim.text[end:part_end])) + " "
    found = [
        (words.index(f" {phrase} "), back)
        for phrase, back in _earlier_days().items()
        if f" {phrase} " in words
    ]
    if not found:
        return 0
    position, back = min(found)
    return back if _words(words[:position]) <= NEAR_AFTER and not DIGIT.search(words[:position]) else 0


@cache
def _earlier_days() -> dict[str, int]:
    return {phrase: int(back) for phrase, back in load_lexicon("ledger")["earlier_days"].items()}


def counts_one_day(claim: Claim, quantity: Quantity) -> bool:
    """Whether the figure counts what was recovered within one day ("pulled six bodies from the mud on
    Tuesday", "recovered nine bodies on Tuesday alone"): a word of recovery and a day, or a span within
    one, in the figure's part of its clause, and no word of a running total ("bringing the toll to 19")."""
    figure = (quantity.start - claim.start, quantity.end - claim.start)
    first, last = part_around(claim.text, PART_BREAK, *figure)
    part = " ".join(WORD.findall(claim.text[first:last].lower()))
    words = part.split()
    lexicon = load_lexicon("ledger")
    if any(f" {total} " in f" {part} " for total in lexicon["running_total_words"]):
        return False
    if _level_reached(claim, quantity, lexicon):
        return False  # "the number of bodies recovered rose to 23 on Wednesday": the count's level that day
    if _opens_rising_list(claim, quantity):
        return False  # "nine bodies recovered on Tuesday, 23 on Wednesday and 37 on Thursday"
    if any(f" {span} " in f" {part} " for span in lexicon["one_day_words"]):
        return True  # "69 people were arrested overnight": any count told for one night or day's span
    if not any(word.startswith(tuple(lexicon["recovery_words"])) for word in words):
        return False
    within = any(f" {span} " in f" {part} " for span in lexicon["within_day_words"])
    days = [time.start - claim.start for time in _day_times(claim.times)]
    return within or any(
        first <= start < last and _day_of_recovery(claim.text, (first, start), figure, lexicon)
        for start in days
    )


def _opens_rising_list(claim: Claim, quantity: Quantity) -> bool:
    """Whether the figure opens a list of values by day in its sentence that rises ("nine bodies recovered
    on Tuesday, 23 on Wednesday and 37 on Thursday"): the bare figures after it are read as the count's
    values of their days (``told_day``), so the first is one too, not one day's recoveries; a list that
    falls or stays ("six on Tuesday, four on Wednesday") may be each day's recoveries, and is left so."""
    sentence_end = SENTENCE_BREAK.search(claim.text, quantity.end - claim.start)
    end = claim.start + (sentence_end.start() if sentence_end else len(claim.text))
    days = _day_times(claim.times)
    listed = [quantity.value]
    for other in sorted(claim.quantities, key=lambda q: q.start):
        if other.start < quantity.end or other.end > end or not is_bare_figure(other.text):
            continue
        after = claim.text[other.end - claim.start : end - claim.start]
        if not any(time.start >= other.end and _words(after[: time.start - other.end]) <= 1 for time in days):
            return False  # a bare figure without its own day: no list of values by day
        listed.append(other.value)
    return len(listed) > 1 and direction(listed) == "rose"


def _level_reached(claim: Claim, quantity: Quantity, lexicon: dict[str, Any]) -> bool:
    """Whether the figure is the level a count moved to: right after a verb of change and "to" or "at"
    ("rose to 23", "had climbed to 40", "stood at 12") or right after "reached" (``level_verbs``): the
    count as it stands, not what one day added to it."""
    before = [word.lower() for word in WORD.findall(claim.text[: max(0, quantity.start - claim.start)])][-2:]
    if before[-1:] and before[-1] in lexicon["level_verbs"]:
        return True
    return len(before) == 2 and before[1] in ("to", "at") and before[0] in lexicon["update_cues"]


def _day_of_recovery(
    text: str, before: tuple[int, int], figure: tuple[int, int], lexicon: dict[str, Any]
) -> bool:
    """Whether the day at ``before[1]`` of the claim's content (in the part from ``before[0]``) tells when
    the counted were recovered or freed: not a running total's bound ("By Tuesday afternoon 58 had been
    released", "have recovered 37 bodies since Tuesday morning": ``running_total_day_bounds``), and, after
    the figure, only after a word of recovery ("the 27 passengers freed on Tuesday"; in "84 of the passengers
    abducted on Sunday had been freed" Sunday is the abduction's day) and outside a relative clause after it
    ("recovered 46 bodies from the wreckage of the plane that crashed on Monday": the crash's day,
    ``relative_openers``)."""
    words = [word.lower() for word in WORD.findall(text[before[0] : before[1]])]
    if words[-1:] and words[-1] in lexicon["running_total_day_bounds"]:
        return False
    if before[1] < figure[0]:
        return True
    between = {word.lower() for word in WORD.findall(text[figure[1] : before[1]])}
    if between & set(lexicon["relative_openers"]):
        return False
    return any(word.startswith(tuple(lexicon["recovery_words"])) for word in words)
