"""The dates stage: every time expression in an article, normalised against its publication date.

Candidates come from the named patterns of ``dates.patterns`` (they know the news forms spaCy misses:
"as early as November 1", "late last week", "Sunday night") and from spaCy's DATE/TIME entities where no
pattern matched. Each is resolved by the rule for its kind (``dates.rules``), using the tense of the clause
it sits in to choose among the dates a yearless or weekday expression could mean. Durations, frequencies
and references ("for three years", "every week", "now") are kept with their TimeML type and value and no
date (``dates.timeml``); a few kinds ("that year", "a year earlier") read the dates told before them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache

from spacy.tokens import Doc

from storyline.records import ParsedArticle, TimeExpr
from storyline.stages.dates import holidays, rules, timeml
from storyline.stages.dates.patterns import (
    CONTEXT_CHARS,
    TimeLexicon,
    context_patterns,
    time_lexicon,
    time_patterns,
)
from storyline.stages.dates.rules import PAST, Resolved
from storyline.stages.dates.tense import clause_verb, expression_tense

ENTITY_LABELS = ("DATE", "TIME")


@dataclass(frozen=True, slots=True)
class Candidate:
    """A stretch of text that names a time: where it is, which rule reads it, and the pattern's match."""

    start: int
    end: int
    kind: str  # a key of RESOLVERS, or "entity" for a spaCy entity no pattern matched
    match: re.Match[str] | None = None


@dataclass(frozen=True, slots=True)
class LocatedTime:
    """A candidate where it starts (a deadline marker included) and the tense of its clause."""

    candidate: Candidate
    start: int
    tense: str
    verb: int | None = None  # the index of the token of the verb governing it, where there is a parse
    reports_now: bool = False  # its clause is in the present or the present perfect ("has reached")


# Kinds whose value a yearless publication date ("--10-18") still fixes: a named day, a counted or shifted
# day or month ("yesterday", "three days ago", "this month"). Weekdays, weeks and seasons need the year.
YEAR_FREE_KINDS = frozenset({"relative_day", "shifted_unit", "ago"})
# Kinds that can be "a year earlier": beside a quarter, the same quarter a year before
YEAR_EARLIER_KINDS = frozenset({"ago", "year_earlier"})
# Kinds that name a day only through their clause (``place_in_clauses``): "entered its third day on
# Wednesday", "arrested on Thursday at dawn", "began at about 8 p.m. on Sunday"
CLAUSE_DAY_KINDS = frozenset({"ordinal_day", "part_of_day", "clock", "days_after"})
# Of them, the kinds a present clause places on the publication day when it names no day: "on the second
# day of the strike, the stoppage has reached …", "three days after the escape, the net is tightening"
NOW_KINDS = frozenset({"ordinal_day", "days_after"})
# Of them, the kinds a past clause without a day places on the last day the narrative told, nearby
# (``narrative_day``): "the divers reached the wreck on Monday. By nightfall, ..."
NARRATIVE_KINDS = frozenset({"part_of_day", "clock"})
NARRATIVE_CHARS = 200
# A time put before its sentence, after at most a few words ("In the afternoon, ...", "Shortly after 3 a.m.,
# ..."): it frames what follows and moves the narrative on, where one closing its clause tells more of an
# event already told ("broke a skylight at about 1:30 a.m.")
FRONTED_TIME = re.compile(r"[.!?\n]['\"\u2019\u201d]?\s+(?:[\w'-]+\s+){0,3}\Z")
FRONTED_CHARS = 80
RECENT_DAYS = 2


def find_time_expressions(
    parsed: ParsedArticle, located_times: Sequence[LocatedTime] | None = None
) -> list[TimeExpr]:
    """Every time expression in the article's text, in text order, resolved against its publication date.
    Against an inferred publication date, the values that rest on it are marked ``inferred``; against a
    yearless one ("--10-18"), they keep month and day and the year stays unknown. ``located_times``: the
    article's ``locate_time_expressions``, when the caller has them already."""
    article = parsed.article
    base = rules.parse_publication_date(article.published)
    partial_base = None if base else rules.parse_partial_publication_day(article.published)
    expressions: list[TimeExpr] = []
    placed: list[LocatedTime] = []
    for located in _located(parsed, located_times):
        if partial_base is not None:
            resolved = resolve_on_partial_base(located, article.text, partial_base)
        else:
            resolved = resolve_candidate(located.candidate, article.text, base, located.tense)
        if resolved is None:
            continue
        resolved = resolve_in_context(located, resolved, base, expressions, placed)
        # a value the text fixes on its own ("18 Oct 2024", "--10-18" read yearless) rests on no base
        inferred = (
            article.published_inferred
            and resolved.date is not None
            and resolved != resolve_candidate(located.candidate, article.text, None, located.tense)
        )
        expressions.append(as_time_expression(located, article.text, resolved, inferred))
        placed.append(located)
    return place_in_clauses(placed, expressions, base, article.published_inferred, article.text)


def place_in_clauses(
    located: Sequence[LocatedTime],
    expressions: Sequence[TimeExpr],
    base: date | None,
    inferred: bool,
    text: str = "",
) -> list[TimeExpr]:
    """The kinds that name no day of their own (``CLAUSE_DAY_KINDS``) take the day another expression of
    their clause names, the nearest: "entered its third day on Wednesday", "arrested on Thursday at dawn".
    Without one, an ordinal day or a count of days after an event in a present clause is the publication day
    ("on the second day of the strike, the stoppage has reached …"); a part of the day or a clock time in a
    past clause takes the narrative's day (``narrative_day``); otherwise a count of days stays the stretch
    it counts, and an ordinal day is dropped, as a part of the day or a clock time is (which day "was heard
    for a second day" means is then the narrative's, not the clause's). ``inferred``: the publication date
    was inferred; ``text``: the article's."""
    kept = []
    for where, expression in zip(located, expressions, strict=True):
        if where.candidate.kind not in CLAUSE_DAY_KINDS or expression.date is not None:
            kept.append(expression)
            continue
        anchors = [
            other
            for other_where, other in zip(located, expressions, strict=True)
            if where.verb is not None
            and where.candidate.kind != "days_after"  # "released on Friday, three days after …" counts days
            and other_where.verb == where.verb
            and other_where.candidate.kind not in CLAUSE_DAY_KINDS
            and other.precision == "day"
            and (other.date or "")[:4].isdigit()
        ]
        if anchors:
            anchor = min(anchors, key=lambda other: abs(other.start - expression.start))
            kept.append(on_day(expression, anchor.date, anchor.inferred))
        elif where.candidate.kind in NOW_KINDS and where.reports_now and base is not None:
            kept.append(on_day(expression, base.isoformat(), inferred))
        elif (narrative := narrative_day(where, expression, kept, base, text)) is not None:
            kept.append(on_day(expression, narrative, inferred))
        elif where.candidate.kind == "days_after":  # a stretch of days, as TimeML reads it
            kept.append(expression)
    return kept


def narrative_day(
    where: LocatedTime, expression: TimeExpr, told: Sequence[TimeExpr], base: date | None, text: str = ""
) -> str | None:
    """The day of a part of the day or a clock time whose past clause names none: the day the narrative
    told just before it ("arrested him on Monday. He was released in the evening"); far from it, when it
    closes its clause, the story's own day, the first one it told (its lead's: "the thieves broke in early
    on Monday ... [paragraphs later] ... climbed onto the roof at about 1:30 a.m." tells more of that
    event), else the publication day, the day a report tells: a time put before its sentence moves the
    narrative on ("In the afternoon the ministry announced ..."), as a part of the day counted from does
    ("since dawn"). None in a clause that is not past (a plan, a present), with no day told before it, or
    after a story of long ago (its last day more than ``RECENT_DAYS`` back). Measured (round 27):
    generalisation dev value F1 0.930 -> 0.941, TempEval-3 0.817 -> 0.818; the lead's day (round 34)
    0.951 -> 0.954, TempEval-3 unchanged."""
    if where.candidate.kind not in NARRATIVE_KINDS or where.tense != PAST or base is None:
        return None
    match = where.candidate.match
    if match is not None and match.group(0).lower().startswith("since"):
        return base.isoformat()  # "since dawn, savers have queued": the dawn of the day reported
    told_days = [
        (other, day)
        for other in told
        if other.end <= expression.start
        and other.precision == "day"
        and (day := rules.parse_publication_date(other.date)) is not None
        and day <= base
    ]
    if not told_days:
        return None
    last, day = told_days[-1]
    if expression.start - last.end <= NARRATIVE_CHARS:
        return day.isoformat()
    # the report of the last days, not a story of long ago ("was shot to death at 10 p.m." in a profile)
    if (base - day).days > RECENT_DAYS:
        return None
    lead = told_days[0][1]
    before = text[max(0, where.start - FRONTED_CHARS) : where.start]
    fronted = FRONTED_TIME.search(before if where.start > FRONTED_CHARS else "\n " + before)
    if (base - lead).days <= RECENT_DAYS and not fronted:
        return lead.isoformat()
    return base.isoformat()


def on_day(expression: TimeExpr, day: str | None, inferred: bool) -> TimeExpr:
    type_ = "DATE" if expression.type == "DURATION" else expression.type
    return replace(expression, date=day, precision="day", inferred=inferred, type=type_, value=day)


def resolve_in_context(
    located: LocatedTime,
    resolved: Resolved,
    base: date | None,
    earlier: list[TimeExpr],
    earlier_located: Sequence[LocatedTime] = (),
) -> Resolved:
    """The kinds whose value rests on the dates told before them, not on the publication date alone.
    ``earlier_located``: where the ``earlier`` expressions stand (their clauses)."""
    candidate = located.candidate
    if candidate.kind == "anchored" and candidate.match is not None:
        # a clause of the present that names no day of its own steps back from today
        own_day = any(other.verb == located.verb for other in earlier_located)
        now = base if located.reports_now and located.verb is not None and not own_day else None
        return timeml.resolve_anchored(candidate.match, earlier, now)
    if candidate.kind in YEAR_EARLIER_KINDS and base is not None:
        return timeml.compared_quarter(resolved, base, earlier, located.start)
    return resolved


def find_stated_times(
    parsed: ParsedArticle, located_times: Sequence[LocatedTime] | None = None
) -> list[tuple[TimeExpr, str]]:
    """Every time expression as the text states it, read with no publication date (so relative ones stay
    unknown), with the tense of its clause: the evidence a publication date is inferred from."""
    text = parsed.article.text
    stated = []
    for located in _located(parsed, located_times):
        resolved = resolve_candidate(located.candidate, text, None, located.tense)
        if resolved is not None:
            stated.append((as_time_expression(located, text, resolved, False), located.tense))
    return stated


def find_times_in_passage(text: str, published: str | None, tense: str = PAST) -> list[TimeExpr]:
    """The time points the named patterns find in a passage (no parse, offsets into ``text``), resolved
    against the publication date in ``tense``. For the ledger, which dates a figure another article relays
    by the day its attribution names ("On Monday the ministry had reported 154 …": a claim keeps the times
    of its content only, and the day here lies before it); a recalled report is told in the past."""
    return list(_times_in_passage(text, published, tense))


# The ledger reads one sentence's times for each claim and figure in it (``ledger.dated``): 5,231 calls over
# 1,000 generated articles, each running every time pattern over the sentence, 3.3 s of the serial tail's
# CPU (``benchmarks/profile_main.py``); a pure function of its strings, so computed once a sentence.
@lru_cache(maxsize=4096)
def _times_in_passage(text: str, published: str | None, tense: str) -> tuple[TimeExpr, ...]:
    base = rules.parse_publication_date(published)
    found = []
    for candidate in select_candidates(text, None):
        resolved = resolve_candidate(candidate, text, base, tense)
        if resolved is not None and resolved.date is not None:
            located = LocatedTime(candidate, candidate.start, tense)
            found.append(as_time_expression(located, text, resolved, False))
    return tuple(found)


def _located(parsed: ParsedArticle, located_times: Sequence[LocatedTime] | None) -> Sequence[LocatedTime]:
    return locate_time_expressions(parsed) if located_times is None else located_times


def locate_time_expressions(parsed: ParsedArticle) -> list[LocatedTime]:
    """The candidates of the text with their tense: they depend on the text and its parse only, not on the
    publication date, so an article without one (located for the inference, then resolved against it) can
    be located once (``pipeline.analyze_parsed``) instead of once for each."""
    text = parsed.article.text
    return [
        LocatedTime(
            candidate,
            extend_over_deadline_marker(text, candidate.start),
            expression_tense(parsed.doc, text, candidate.start, candidate.end),
            *clause_verb(parsed.doc, candidate.start, candidate.end),
        )
        for candidate in select_candidates(text, parsed.doc)
    ]


def as_time_expression(located: LocatedTime, text: str, resolved: Resolved, inferred: bool) -> TimeExpr:
    start, end = located.start, located.candidate.end
    value = timeml.timeml_value(resolved, located.candidate.kind)
    return TimeExpr(
        text[start:end], start, end, resolved.date, resolved.precision, inferred, resolved.type, value
    )


def resolve_on_partial_base(located: LocatedTime, text: str, partial_base: date) -> Resolved | None:
    """The value against a yearless publication day: what the text states, else — for the kinds the year
    does not change — the value on the stand-in year with that year dropped again."""
    candidate, tense = located.candidate, located.tense
    stated = resolve_candidate(candidate, text, None, tense)
    if stated is None or stated.date is not None or candidate.kind not in YEAR_FREE_KINDS:
        return stated
    return rules.without_year(resolve_candidate(candidate, text, partial_base, tense))


# --- candidates -----------------------------------------------------------------------------------------


def select_candidates(text: str, doc: Doc | None) -> list[Candidate]:
    """Pattern matches (leftmost, then longest, never overlapping), then spaCy entities in the gaps."""
    chosen: list[Candidate] = []
    for candidate in sorted(pattern_candidates(text), key=lambda c: (c.start, c.start - c.end)):
        if not chosen or candidate.start >= chosen[-1].end:
            chosen.append(candidate)
    if doc is not None:
        taken = [(c.start, c.end) for c in chosen]
        for entity in doc.ents:
            if entity.label_ in ENTITY_LABELS and not any(
                entity.start_char < end and start < entity.end_char for start, end in taken
            ):
                chosen.append(Candidate(entity.start_char, entity.end_char, "entity"))
    return sorted(chosen, key=lambda c: c.start)


def pattern_candidates(text: str) -> Iterator[Candidate]:
    for pattern in time_patterns():
        for match in pattern.regex.finditer(text):
            start, end = match.span("expr") if "expr" in pattern.regex.groupindex else match.span()
            if end > start:
                yield Candidate(start, end, pattern.kind, match)


def extend_over_deadline_marker(text: str, start: int) -> int:
    found = context_patterns()["deadline_before"].search(text[max(0, start - CONTEXT_CHARS) : start])
    return start - (len(found.group(0)) if found else 0)


# --- resolution -----------------------------------------------------------------------------------------


def resolve_candidate(candidate: Candidate, text: str, base: date | None, tense: str) -> Resolved | None:
    """The candidate's value, or None when it is not a time point (a duration, a frequency, an age)."""
    before = text[max(0, candidate.start - CONTEXT_CHARS) : candidate.start]
    if candidate.match is None:
        surface = text[candidate.start : candidate.end]
        after = text[candidate.end : candidate.end + CONTEXT_CHARS]
        return resolve_entity(surface, before, after, base, tense)
    if (
        candidate.kind == "shifted_unit"
        and context_patterns()["stretch_before"].search(before)
        and shift_of(candidate.match, time_lexicon()) != 0
    ):
        # "for the last year": a stretch of one unit, not the calendar unit; "in the current year" is the
        # calendar unit itself
        unit = time_lexicon().duration_units.get(candidate.match.group("unit").lower())
        if unit is not None:
            return timeml.duration(unit, 1.0)
    return RESOLVERS[candidate.kind](candidate.match, time_lexicon(), base, tense)


def group_int(match: re.Match[str], name: str) -> int | None:
    value = match.group(name)
    return int(value) if value else None


def shift_of(match: re.Match[str], lexicon: TimeLexicon) -> int | None:
    word = match.groupdict().get("shift")
    return lexicon.shifts[" ".join(word.lower().split())] if word else None


def month_number(match: re.Match[str], lexicon: TimeLexicon) -> int:
    month = match.group("month")
    return int(month) if month.isdigit() else lexicon.month(month)


def resolve_month_day(match: re.Match[str], lexicon: TimeLexicon, base: date | None, tense: str) -> Resolved:
    day = group_int(match, "day")
    assert day is not None
    named_weekday = match.groupdict().get("weekday")
    weekday = lexicon.weekday(named_weekday) if named_weekday else None
    month = month_number(match, lexicon)
    # "on October 13" in a past clause is the day the event took place, however far back that puts it
    event_day = bool(context_patterns()["event_day_before"].search(timeml.before_match(match)))
    return rules.resolve_month_day(month, day, group_int(match, "year"), base, tense, weekday, event_day)


def resolve_month(match: re.Match[str], lexicon: TimeLexicon, base: date | None, tense: str) -> Resolved:
    year = match.groupdict().get("year")
    shift = shift_of(match, lexicon)
    return rules.resolve_month(month_number(match, lexicon), int(year) if year else None, shift, base, tense)


def resolve_range(match: re.Match[str], lexicon: TimeLexicon, base: date | None, tense: str) -> Resolved:
    return rules.resolve_year_range(int(match.group("y1")), int(match.group("y2")))


def resolve_decade(match: re.Match[str], lexicon: TimeLexicon, base: date | None, tense: str) -> Resolved:
    return rules.resolve_decade(int(match.group("decade")))


def resolve_short_decade(
    match: re.Match[str], lexicon: TimeLexicon, base: date | None, tense: str
) -> Resolved:
    """ "the '80s", "the nineties": the latest such decade begun by the publication year."""
    word = match.group("word")
    tens = lexicon.decade_words[word.lower()] if word else int(match.group("tens"))
    if base is None:
        return rules.UNKNOWN
    start = base.year - base.year % 100 + tens
    return rules.resolve_decade(start if start <= base.year else start - 100)


def resolve_year(match: re.Match[str], lexicon: TimeLexicon, base: date | None, tense: str) -> Resolved:
    if "thousand_and" in match.re.groupindex:  # "the year two thousand (and one)"
        ones = match.group("thousand_and")
        return rules.as_year(2000 + (lexicon.counts[ones.lower()] if ones else 0))
    spelled = match.groupdict().get("spelled")
    if spelled:  # "nineteen ninety-six": the century, then the year in it
        century, *rest = spelled.lower().replace("-", " ").split()
        return rules.as_year(100 * lexicon.counts[century] + sum(lexicon.counts[word] for word in rest))
    return rules.as_year(int(match.group("year")))


def resolve_season(match: re.Match[str], lexicon: TimeLexicon, base: date | None, tense: str) -> Resolved:
    code, first_month = lexicon.seasons[match.group("season").lower()]
    year = match.groupdict().get("year")
    shift = shift_of(match, lexicon)
    return rules.resolve_season(code, first_month, shift, int(year) if year else None, base, tense)


def resolve_weekday(match: re.Match[str], lexicon: TimeLexicon, base: date | None, tense: str) -> Resolved:
    # dateparser reads "Sunday night" as a clock time and sends a weekday equal to the base day a week
    # back under PREFER_DATES_FROM="past": weekday names follow our own rule (dates.rules.resolve_weekday)
    weekday = lexicon.weekday(match.group("weekday"))
    resolved = rules.resolve_weekday(weekday, shift_of(match, lexicon), base, tense)
    return timeml.at_clock_time(resolved, match)


def resolve_holiday(match: re.Match[str], lexicon: TimeLexicon, base: date | None, tense: str) -> Resolved:
    # a name qualified by a country or a church ("Mexico's Independence Day", "Orthodox Easter", "Canadian
    # Thanksgiving") may be another calendar's day: named, not placed
    start = match.start("holiday")
    if context_patterns()["qualified_name"].search(match.string[max(0, start - CONTEXT_CHARS) : start]):
        return rules.UNKNOWN
    rule = holidays.rule_for(match.group("holiday"))
    year = group_int(match, "year")
    week = bool(match.group("week"))
    return holidays.resolve_holiday(rule, shift_of(match, lexicon), year, base, tense, week)


def resolve_weekend(match: re.Match[str], lexicon: TimeLexicon, base: date | None, tense: str) -> Resolved:
    return rules.resolve_weekend(shift_of(match, lexicon), base, tense)


def resolve_quarter(match: re.Match[str], lexicon: TimeLexicon, base: date | None, tense: str) -> Resolved:
    quarter = lexicon.quarters[match.group("quarter").lower()]
    shift = shift_of(match, lexicon)
    if shift is not None:  # "last year's fourth quarter"
        return rules.as_quarter(base.year + shift, quarter) if base else rules.UNKNOWN
    year = group_int(match, "year") or group_int(match, "year_first")
    return rules.resolve_quarter(quarter, year, base, tense)


def resolve_relative_day(
    match: re.Match[str], lexicon: TimeLexicon, base: date | None, tense: str
) -> Resolved:
    word = match.groupdict().get("word")
    if word:
        return rules.resolve_relative_day(lexicon.relative_days[word.lower()], base)
    # "this morning" is the publication day; "last night" the evening before it
    return rules.resolve_relative_day(shift_of(match, lexicon) or 0, base)


def resolve_shifted_unit(
    match: re.Match[str], lexicon: TimeLexicon, base: date | None, tense: str
) -> Resolved:
    unit = lexicon.units[match.group("unit").lower()]
    if unit == "weekend":
        return rules.resolve_weekend(shift_of(match, lexicon), base, tense)
    return rules.resolve_shifted_unit(unit, shift_of(match, lexicon) or 0, base)


def resolve_ago(match: re.Match[str], lexicon: TimeLexicon, base: date | None, tense: str) -> Resolved:
    count, vague = lexicon.count(match.group("count"))
    unit = lexicon.units[match.group("unit").lower()]
    resolved = rules.resolve_ago(count, unit, vague, base)
    # "a few years ago" names no year: TimeML's PAST_REF says what it does
    return timeml.PAST_REF if vague and resolved.date is None else resolved


def resolve_recent(match: re.Match[str], lexicon: TimeLexicon, base: date | None, tense: str) -> Resolved:
    return rules.resolve_recent(lexicon.units[match.group("unit").lower()], base)


Resolver = Callable[[re.Match[str], TimeLexicon, date | None, str], Resolved | None]
RESOLVERS: dict[str, Resolver] = {
    "range": resolve_range,
    "decade": resolve_decade,
    "short_decade": resolve_short_decade,
    "month_day": resolve_month_day,
    "month": resolve_month,
    "season": resolve_season,
    "weekday": resolve_weekday,
    "relative_day": resolve_relative_day,
    "shifted_unit": resolve_shifted_unit,
    "ago": resolve_ago,
    "recent": resolve_recent,
    "year": resolve_year,
    "weekend": resolve_weekend,
    "new_year": lambda match, lexicon, base, tense: rules.resolve_new_year(base),
    "holiday": resolve_holiday,
    "quarter": resolve_quarter,
    "latest_quarter": timeml.resolve_latest_quarter,
    "year_earlier": timeml.resolve_year_earlier,
    "duration": timeml.resolve_duration,
    "reported_year": lambda match, lexicon, base, tense: rules.resolve_reported_year(base),
    "set": timeml.resolve_set,
    "century": timeml.resolve_century,
    "reference": timeml.resolve_reference,
    "anchored": lambda match, lexicon, base, tense: rules.UNKNOWN,  # set by resolve_in_context
    "overnight": lambda match, lexicon, base, tense: rules.resolve_overnight(base, tense),
    "day_of_month": lambda match, lexicon, base, tense: rules.resolve_day_of_month(
        int(match.group("day")), base, tense
    ),
    # set by place_in_clauses
    "ordinal_day": lambda match, lexicon, base, tense: rules.UNKNOWN,
    "days_after": timeml.resolve_duration,
    "part_of_day": lambda match, lexicon, base, tense: rules.UNKNOWN_TIME,
    "clock": lambda match, lexicon, base, tense: rules.UNKNOWN_TIME,
}


def resolve_entity(surface: str, before: str, after: str, base: date | None, tense: str) -> Resolved | None:
    """A spaCy DATE/TIME entity no pattern matched: a duration when it counts units; skipped when it is a
    frequency, an age or a bare number; read by dateparser when it can; otherwise kept with an unknown value
    if it names a time."""
    context = context_patterns()
    if (
        context["bare_number"].match(surface)
        or context["frequency"].search(surface)
        or context["age"].search(surface)
        or context["age_after"].match(after)
    ):
        return None
    if (
        context["duration_start"].match(surface)
        or context["duration_before"].search(before)
        or (context["counted_units"].search(surface) and not context["point_word"].search(surface))
    ):
        return timeml.read_entity_duration(surface, time_lexicon())
    if not context["time_word"].search(surface):
        return None
    if context["coarse_period"].search(surface):
        return rules.UNKNOWN  # dateparser reads "this century" as a year; we have no such precision
    if base is not None and context["bare_month"].match(surface):
        return rules.resolve_month(time_lexicon().month(surface), None, None, base, tense)
    explicit_year = context["explicit_year"].search(surface)
    if base is None and explicit_year is None:
        return rules.UNKNOWN  # a relative expression without a publication date cannot be placed
    # without a publication date, an explicit year fixes everything dateparser would take from the base
    reference = base or date(int(explicit_year.group(0)) if explicit_year else 2000, 1, 1)
    return rules.parse_with_dateparser(surface, reference, tense)
