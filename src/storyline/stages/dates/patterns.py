"""The dates stage's named patterns, built once from ``lexicons/time_expressions.toml``.

spaCy's DATE/TIME entities miss forms the news uses ("as early as November 1", "late last week") and cut
others oddly, so the stage matches these patterns first and falls back on spaCy for the rest. Each pattern
has a ``kind`` that names the rule resolving it (``dates.RESOLVERS``); a group named ``expr``, when present,
is the part of the match that is the expression (the rest is context such as "in" before "June").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache

from storyline.lexicons import load_lexicon
from storyline.stages.dates.holidays import holiday_names

# Years a news text plausibly names: a wider range matches prices and counts ("2,600" is not, "2600" is).
YEAR = r"(?:1[6-9]\d\d|20\d\d)"
DAY_NUMBER = r"(?:[12]\d|3[01]|0?[1-9])"
ORDINAL = r"(?:st|nd|rd|th)?"
PHASE = r"(?i:(?:the\s+)?(?:end|beginning|start|middle|rest)\s+of)"
CONTEXT_CHARS = 40  # how far around a candidate the context patterns look
# A clock time before a day ("9 a.m. Tuesday", "10:30 p.m. EST Wednesday"): TimeML's one expression, the
# day's value with its time of day.
CLOCK = (
    r"(?P<hour>1[0-2]|0?[1-9])(?::(?P<minute>[0-5]\d))?\s*(?P<meridiem>[ap])\.?m\.?"
    r"(?:\s+(?:[ECMP][SD]T|GMT|UTC))?,?\s+"
)
# The end of a clause or a phrase after a word that could also modify a noun ("overnight, police said", "in
# the morning and"; not "overnight losses", "in the morning shift")
CLAUSE_END = (
    r"(?=\s*[.,;:!?)\"'”’]|\s*$|\s+(?i:and|but|or|as|when|while|with|in|on|at|to|from|after|before|by|for|"
    r"because|until|near|outside|inside|of|again|the|a|an|his|her|its|their)\b)"
)
# The end of a bare day of the month's phrase: as CLAUSE_END or before "that" ("said on the 24th that"), but
# not before "of" ("the 3rd of the month") nor a word of its own ("the 24th floor")
DAY_OF_MONTH_END = rf"(?!\s+(?i:of)\b)(?:{CLAUSE_END}|(?=\s+(?i:that)\b))"
# Not right after "than" ("more than on the first day"), with or without "on"/"in" and "the" between
NOT_AFTER_THAN = "".join(
    rf"(?<!\bthan\s{between})" for between in ("", r"on\s", r"in\s", r"the\s", r"on\sthe\s", r"in\sthe\s")
)
AT_LEAST = (
    r"(?:(?i:at\s+(?:the\s+)?(?:least|earliest))\s+)?"  # "until at least Wednesday" bounds it as "until"
)


@dataclass(frozen=True, slots=True)
class TimeLexicon:
    months: Mapping[str, int]
    weekdays: Mapping[str, int]
    seasons: Mapping[str, tuple[str, int]]
    parts_of_day: tuple[str, ...]
    bare_parts_of_day: tuple[str, ...]
    day_ordinals: tuple[str, ...]
    relative_days: Mapping[str, int]
    units: Mapping[str, str]
    shifts: Mapping[str, int]
    counts: Mapping[str, int]
    vague_counts: Mapping[str, int]
    duration_counts: Mapping[str, int]
    modifiers: tuple[str, ...]
    deadline_markers: tuple[str, ...]
    forward_markers: tuple[str, ...]
    date_prepositions: tuple[str, ...]
    duration_markers: tuple[str, ...]
    frequency_words: tuple[str, ...]
    quarters: Mapping[str, int]
    decade_words: Mapping[str, int]
    future_cues: tuple[str, ...]
    duration_units: Mapping[str, str]
    references: Mapping[str, str]
    period_references: Mapping[str, str]
    year_determiners: tuple[str, ...]
    duration_edges: tuple[str, ...]
    approximators: tuple[str, ...]

    def month(self, text: str) -> int:
        return self.months[text.lower().rstrip(".")]

    def weekday(self, text: str) -> int:
        return self.weekdays[text.lower().rstrip(".")]

    def count(self, text: str) -> tuple[int, bool]:
        """A counting phrase → (number, vague?): "3" → (3, False), "a few" → (3, True)."""
        words = " ".join(text.lower().split())
        if words.isdigit():
            return int(words), False
        if words in self.vague_counts:
            return self.vague_counts[words], True
        return self.counts[words], False


@dataclass(frozen=True, slots=True)
class DirectionWords:
    """The words that point a clause ahead where its verb's form does not (``dates.tense.points_ahead``)."""

    schedule_verbs: frozenset[str]
    schedule_nouns: frozenset[str]
    schedule_predicates: frozenset[str]
    deferral_verbs: frozenset[str]
    plan_verbs: frozenset[str]
    scheduled_events: frozenset[str]
    bound_ahead: tuple[str, ...]
    deferral_prepositions: tuple[str, ...]
    state_bounds: tuple[str, ...]
    expectation_verbs: frozenset[str]
    directive_verbs: frozenset[str]
    reporting_verbs: frozenset[str]  # the claims stage's cue verbs (cues.toml), read as written there


@lru_cache(maxsize=1)
def direction_words() -> DirectionWords:
    raw = load_lexicon("time_expressions")["direction"]
    return DirectionWords(
        schedule_verbs=frozenset(raw["schedule_verbs"]),
        schedule_nouns=frozenset(raw["schedule_nouns"]),
        schedule_predicates=frozenset(raw["schedule_predicates"]),
        deferral_verbs=frozenset(raw["deferral_verbs"]),
        plan_verbs=frozenset(raw["plan_verbs"]),
        scheduled_events=frozenset(raw["scheduled_events"]),
        bound_ahead=tuple(raw["bound_ahead"]),
        deferral_prepositions=tuple(raw["deferral_prepositions"]),
        state_bounds=tuple(raw["state_bounds"]),
        expectation_verbs=frozenset(raw["expectation_verbs"]),
        directive_verbs=frozenset(raw["directive_verbs"]),
        reporting_verbs=frozenset(load_lexicon("cues")["reporting_verbs"]),
    )


@lru_cache(maxsize=1)
def time_lexicon() -> TimeLexicon:
    """The time-expression lexicon, typed once per process."""
    raw = load_lexicon("time_expressions")
    return TimeLexicon(
        months=raw["months"],
        weekdays=raw["weekdays"],
        seasons={name: (code, first) for name, (code, first) in raw["seasons"].items()},
        parts_of_day=tuple(raw["lists"]["parts_of_day"]),
        bare_parts_of_day=tuple(raw["lists"]["bare_parts_of_day"]),
        day_ordinals=tuple(raw["lists"]["day_ordinals"]),
        relative_days=raw["relative_days"],
        units=raw["units"],
        shifts=raw["shifts"],
        counts=load_lexicon("numbers")["words"] | raw["counts"],
        vague_counts=raw["vague_counts"],
        duration_counts=raw["duration_counts"],
        modifiers=tuple(raw["lists"]["modifiers"]),
        deadline_markers=tuple(raw["lists"]["deadline_markers"]),
        forward_markers=tuple(raw["lists"]["forward_markers"]),
        date_prepositions=tuple(raw["lists"]["date_prepositions"]),
        duration_markers=tuple(raw["lists"]["duration_markers"]),
        frequency_words=tuple(raw["lists"]["frequency_words"]),
        quarters=raw["quarters"],
        decade_words=raw["decade_words"],
        future_cues=tuple(raw["lists"]["future_cues"]),
        duration_units=raw["duration_units"],
        references=raw["references"],
        period_references=raw["period_references"],
        year_determiners=tuple(raw["lists"]["year_determiners"]),
        duration_edges=tuple(raw["lists"]["duration_edges"]),
        approximators=tuple(load_lexicon("numbers")["approximators"]["phrases"]),
    )


def any_word(words: Iterable[str]) -> str:
    """Case-insensitive alternation of words or phrases, longest first (so "as early as" beats "as")."""
    ordered = sorted(set(words), key=len, reverse=True)
    return "(?i:" + "|".join(r"\s+".join(map(re.escape, word.split())) for word in ordered) + ")"


def calendar_names(names: Mapping[str, int], dotted_abbreviations: bool) -> str:
    """Month or weekday names as written in running text: Capitalised or UPPER CASE (so the modal "may"
    and the verb "march" stay out), full names whole, abbreviations ("Oct", "Fri.") with their full stop —
    required for weekdays, where "Sat" and "Sun" are words."""
    longest = {number: max((n for n in names if names[n] == number), key=len) for number in names.values()}
    alternatives = []
    for name in sorted(names, key=len, reverse=True):
        forms = [name.capitalize(), name.upper()]
        if name == longest[names[name]]:
            alternatives += [rf"{form}\b" for form in forms]
        elif dotted_abbreviations:
            alternatives += [rf"{form}\." for form in forms]
        else:
            alternatives += [rf"{form}(?:\.|\b)" for form in forms]
    return "(?:" + "|".join(alternatives) + ")"


@dataclass(frozen=True, slots=True)
class TimePattern:
    kind: str
    regex: re.Pattern[str]


@lru_cache(maxsize=1)
def time_patterns() -> tuple[TimePattern, ...]:
    lexicon = time_lexicon()
    month = calendar_names(lexicon.months, dotted_abbreviations=False)
    weekday = calendar_names(lexicon.weekdays, dotted_abbreviations=True)
    season = any_word(lexicon.seasons)
    part = any_word(lexicon.parts_of_day)
    shift = any_word(lexicon.shifts)
    # "the past week" is a duration, not last week: "past" only shifts names ("past Sunday")
    unit_shift = any_word(word for word in lexicon.shifts if word != "past")
    modifier = any_word(lexicon.modifiers)
    lead = any_word((*lexicon.date_prepositions, *lexicon.deadline_markers))
    count = any_word((*lexicon.counts, *lexicon.vague_counts))
    units = any_word(lexicon.units)
    weekday_prefix = rf"(?:(?P<weekday>{weekday}),?\s+)?"
    year_suffix = rf"(?:,?\s+(?P<year>{YEAR})\b)?"
    sources = {
        "range": [
            rf"\b(?i:from)\s+(?P<y1>{YEAR})\s+(?i:to|until|till|through)\s+(?P<y2>{YEAR})\b",
            rf"\b(?P<y1>{YEAR})\s?[-–—]\s?(?P<y2>{YEAR}|\d\d)\b(?![-/]\d)",
        ],
        "decade": [rf"\b(?:(?i:the)\s+)?(?:(?:{modifier})[-\s]+)?(?P<decade>1[6-9]\d0|20\d0)'?s\b"],
        # "the '80s", "the late nineties": the century is the publication date's ("in his 50s": an age)
        "short_decade": [
            rf"\b(?i:the)\s+(?:(?:{modifier})[-\s]+)?(?:['’](?P<tens>[0-9]0)s\b|(?P<word>{any_word(lexicon.decade_words)})\b)"
        ],
        "month_day": [
            rf"\b(?P<year>{YEAR})-(?P<month>0[1-9]|1[0-2])-(?P<day>0[1-9]|[12]\d|3[01])\b",
            rf"\b{weekday_prefix}(?P<month>{month})\s*(?P<day>{DAY_NUMBER}){ORDINAL}\b{year_suffix}",
            rf"\b{weekday_prefix}(?:(?i:the)\s+)?(?P<day>{DAY_NUMBER}){ORDINAL}\s+(?:(?i:of)\s+)?"
            rf"(?P<month>{month}){year_suffix}",
            # the day-month-year order of most of the world's news: dotted ("24.11.2026"), which the US
            # order never is; slashed ("19/12/2026") only where the day cannot be a month ("12/11/2026" is
            # left to dateparser's reading)
            rf"(?<![\d.])(?P<day>{DAY_NUMBER})\.(?P<month>0?[1-9]|1[0-2])\.(?P<year>{YEAR})\b(?!\.\d)",
            rf"(?<![\d/])(?P<day>1[3-9]|2\d|3[01])/(?P<month>0?[1-9]|1[0-2])/(?P<year>{YEAR})\b(?!/\d)",
        ],
        "month": [
            rf"\b(?:(?:{modifier})[-\s]+|{PHASE}\s+)?(?P<month>{month})(?:,|\s+(?i:of))?\s+(?P<year>{YEAR})\b",
            # "last Oct. 23" is the day (month_day), not last October
            rf"\b(?P<shift>{shift})\s+(?P<month>{month})(?!\.?\s*{DAY_NUMBER}\b)",
            rf"\b(?:(?:{modifier})[-\s]+|{PHASE}\s+)(?P<month>{month})",
            rf"\b{lead}\s+(?P<expr>(?P<month>{month}))",
            # "figures for January", "December's figures": a month as the period of a figure ("for" is no
            # lead of bare years, where it counts: "for 2000 people")
            rf"\b(?i:for)\s+(?P<expr>(?P<month>{month}))(?!\s*\d)",
            rf"\b(?P<month>{month})(?='s\b)",
        ],
        "season": [
            rf"\b(?:(?:{modifier})[-\s]+)?(?:(?i:the)\s+)?(?P<season>{season})(?:\s+(?i:of))?\s+(?P<year>{YEAR})\b",
            rf"\b(?:(?:{modifier})[-\s]+)?(?P<shift>{shift})\s+(?P<season>{season})\b",
            # "over the summer" too: "over" leads no month or year ("over 2000 people")
            rf"\b(?:{lead}|(?i:over|throughout))\s+(?P<expr>(?i:the)\s+(?:(?:{modifier})[-\s]+)?(?P<season>{season}))\b"
            rf"(?!\s+(?i:of)\b)",
        ],
        # "Thanksgiving Day", "last Christmas", "Easter week" (its ISO week), "Election Day 1998"; not a
        # name inside a longer one ("Easter Island", "Christmas Island")
        "holiday": [
            rf"\b(?:(?P<shift>{shift})\s+)?(?P<holiday>{holiday_names()})\b(?P<week>\s+(?i:week)\b)?"
            rf"(?!\s+(?!{weekday}|{month})[A-Z][a-z])(?:,?\s+(?P<year>{YEAR})\b)?"
        ],
        "weekday": [
            rf"\b(?:{CLOCK})?(?:(?P<shift>{shift})\s+)?(?P<weekday>{weekday})(?:\s+(?P<part>{part})\b)?",
            # "the early hours of Monday" is Monday; "the night from Sunday to Monday" takes the evening's day
            rf"\b(?i:the\s+(?:early|small|wee)\s+hours\s+of)\s+(?P<weekday>{weekday})(?:\s+(?P<part>{part})\b)?",
            # "the evening of Monday" is Monday evening (translated news names the part before its day); not
            # before a date, which the weekday is read with ("the night of Friday, Oct. 23")
            rf"\b(?i:the\s+{part}\s+of)\s+(?P<weekday>{weekday})\b"
            rf"(?!\s+(?i:to|and|into)\s+{weekday}|,?\s+(?:{month}|\d))",
            rf"\b(?i:the\s+night\s+(?:from|of|between))\s+(?P<weekday>{weekday})\s+(?i:to|and|into)\s+{weekday}",
        ],
        # "placed in custody overnight": the night before the publication day (``rules.resolve_overnight``)
        "overnight": [rf"\b(?i:overnight)\b{CLAUSE_END}"],
        "relative_day": [
            rf"\b(?P<word>{any_word(lexicon.relative_days)})(?:\s+(?P<part>{part}))?\b",
            rf"\b(?P<shift>(?i:this|last))\s+(?P<part>{part})\b",
        ],
        "shifted_unit": [
            rf"\b(?:(?:{modifier}|{PHASE})\s+)?(?P<shift>{unit_shift})\s+(?:(?i:fiscal)\s+)?"
            rf"(?P<unit>(?i:week|weekend|month|quarter|year))\b(?![-\s](?i:century|of)\b)",
            rf"\b{PHASE}\s+(?i:the)\s+(?P<unit>(?i:week|month|year))\b",
            # "earlier in the week": the current one, as "this week"
            r"\b(?i:earlier|later)\s+(?i:in)\s+(?i:the)\s+(?P<unit>(?i:week|month|year))\b",
        ],
        "weekend": [r"\b(?i:the|all)\s+(?i:weekend)\b"],
        # "before the new year" (``rules.resolve_new_year``); not "the New Year's Day" (a holiday)
        "new_year": [r"\b(?i:the\s+new\s+year)\b(?!['’]s)"],
        "quarter": [
            rf"\b(?:(?i:the)\s+)?(?:(?P<year_first>{YEAR})(?:'s)?\s+)?(?P<quarter>{any_word(lexicon.quarters)})"
            rf"[-\s](?i:quarter)(?:\s+(?i:of)\s+(?:(?i:fiscal)\s+)?(?P<year>{YEAR}))?\b",
            # "last year's fourth quarter": the quarter of the shifted year, one expression
            rf"\b(?P<shift>{unit_shift})\s+(?i:year's)\s+(?P<quarter>{any_word(lexicon.quarters)})[-\s](?i:quarter)\b",
        ],
        "year_earlier": [r"\b(?:(?i:the)\s+)?(?i:year)[-\s](?i:earlier|ago)(?:\s+(?i:quarter|period))?\b"],
        "latest_quarter": [
            r"\b(?i:the)\s+(?:(?i:latest|most\s+recent|just[-\s]ended|recent)\s+)?(?i:quarter)\b(?![-\s](?i:of|century)\b)",
            r"\b(?i:the)\s+(?i:latest|most\s+recent|just[-\s]ended)\s+(?i:period)\b",
        ],
        # "a year earlier" counts back from the publication date as "a year ago" does: TimeBank's DATE
        "ago": [rf"\b(?P<count>\d{{1,3}}|{count})\s+(?P<unit>{units})\s+(?i:ago|earlier)\b"],
        "recent": [r"\b(?P<expr>(?i:recent)\s+(?P<unit>(?i:days)))\b"],
        # resolved against the clause's day (``expressions.place_in_clauses``): "entered its third day on
        # Wednesday", "arrested on Thursday at dawn", "at about 8 p.m. on Sunday"; not "the first day of
        # the month", a calendar day, nor "more than on the first day", another day than the clause's
        "ordinal_day": [
            rf"\b(?:(?i:the|its|their|a)\s+)?{NOT_AFTER_THAN}(?:{any_word(lexicon.day_ordinals)})\s+(?:(?i:straight|consecutive)\s+)?"
            rf"(?i:day)\b(?!\s+(?i:of\s+(?:the\s+)?(?:week|month|year|{month}|{season})))"
        ],
        # a day of the month named alone: "said on the 25th", "On the 24th the coast guard found", "the night
        # of the 21st" (``rules.resolve_day_of_month``); only after a preposition of time or as a part of the
        # day, and closing its phrase: not "the 21st century", "on the 24th floor", "the 3rd of the month"
        "day_of_month": [
            rf"\b(?i:on|by|until|till|since|from|before|after)\s+(?P<expr>(?i:the)\s+(?P<day>{DAY_NUMBER})"
            rf"(?i:st|nd|rd|th))\b{DAY_OF_MONTH_END}",
            rf"\b(?P<expr>(?i:the)\s+(?P<part>{part})\s+(?i:of)\s+(?i:the)\s+(?P<day>{DAY_NUMBER})"
            rf"(?i:st|nd|rd|th))\b{DAY_OF_MONTH_END}",
        ],
        # "Three days after the escape, the net is tightening": in a present clause, the publication day
        "days_after": [
            rf"\b(?P<expr>(?P<count>{any_word(lexicon.counts)}|\d{{1,2}})\s+(?P<unit>(?i:days)))\s+(?i:after)\s+"
            r"(?i:the|a|an|his|her|its|their)\b"
        ],
        "part_of_day": [
            rf"\b(?i:at|in|by|before|after|since|until|during|from|of)\s+(?P<expr>(?:(?i:the)\s+)?"
            rf"(?:{any_word(lexicon.bare_parts_of_day)}))\b{CLAUSE_END}"
        ],
        # the clock alone, as TimeML spans it ("about 10:35 a.m." → "10:35 a.m."); before a day, ``weekday``
        "clock": [
            rf"\b(?:1[0-2]|0?[1-9])(?::[0-5]\d)?\s*[ap]\.m\.(?!\s*(?:[ECMP][SD]T|GMT|UTC)?,?\s+(?:{weekday}|{month}))",
            # the 24-hour clock of wires and translated news ("at about 02:40", "by 05:30", "until 17:42"):
            # only after a preposition of time, so that scores and ratios ("won 3:10", "a 1:50 scale") stay
            # out
            r"\b(?i:at|by|until|till|from|since|before|after|around|about)\s+"
            r"(?:(?i:about|around|approximately|roughly|exactly|precisely)\s+)?"
            r"(?P<expr>(?:[01]?\d|2[0-3]):[0-5]\d)\b(?![:.,]?\d|\s*[ap]\.?m\b|\s+(?i:scale|ratio|odds|lead)\b)",
        ],
        "year": [
            rf"\b(?i:fiscal)\s+(?:(?i:year)\s+)?(?P<year>{YEAR})\b",
            # "between 2017 and 2024": two years, as TimeML spans them (a span "from 2011 to 2018" is a range)
            rf"\b(?i:between)\s+(?P<expr>(?P<year>{YEAR}))(?=\s+(?i:and)\s+{YEAR}\b)",
            rf"\b(?i:between)\s+{YEAR}\s+(?i:and)\s+(?P<expr>(?P<year>{YEAR}))\b",
            # a year used as a modifier: "the 2011 stoppage", "the 1996 Olympic bombing"
            rf"\b(?i:the)\s+(?P<expr>(?P<year>{YEAR}))\s+(?=[a-z]|[A-Z][a-z])",
            rf"\b(?:(?:{modifier})[-\s]+|{PHASE}\s+)(?P<year>{YEAR})\b(?!\s?[-–—]\s?\d)",
            rf"\b{lead}\s+(?P<expr>(?:(?i:the\s+year)\s+)?(?P<year>{YEAR}))\b(?!\s?[-–—]\s?\d)",
        ],
    }
    for kind, group in timeml_sources(lexicon, lead, count, weekday, month).items():
        sources.setdefault(kind, []).extend(group)
    return tuple(TimePattern(kind, re.compile(source)) for kind, group in sources.items() for source in group)


def timeml_sources(
    lexicon: TimeLexicon, lead: str, count: str, weekday: str, month: str
) -> dict[str, list[str]]:
    """Patterns of what is no point in time — durations, frequencies, references to the present, past or
    future — and of bare years, which TimeML annotates as well."""
    tens = any_word(word for word, value in lexicon.counts.items() if value % 10 == 0 and 20 <= value < 100)
    ones = any_word(word for word, value in lexicon.counts.items() if 1 <= value <= 9 and len(word) > 2)
    number = rf"(?:\d{{1,3}}(?:,\d{{3}})*(?:\.\d+)?|{tens}[-\s]{ones}|{count})"
    unit = rf"(?:{any_word(lexicon.duration_units)})"
    edge = any_word((*lexicon.approximators, *lexicon.duration_edges))
    # "52-year-old", "three years ago", "a year-earlier loss": an age and counted offsets, not a duration
    not_age = r"(?![-\s](?i:old|ago)\b|-(?i:earlier)\b)"
    return {
        "duration": [
            rf"\b(?:(?:{edge})\s+)*(?:(?i:the|a|an)\s+)?(?:(?:{edge})\s+)*(?P<count>{number})[-\s]+"
            rf"(?:(?i:more|additional|full|straight|consecutive)\s+)?(?P<unit>{unit})\b(?:\s+(?i:or\s+so)\b)?"
            rf"{not_age}",
            r"\b(?i:the\s+past)\s+(?P<unit>(?i:week|month|year|decade|century))\b",
            r"\b(?i:for)\s+(?P<expr>(?P<unit>(?i:hours|days|weeks|months|years|decades)))\b",
            # "in recent weeks": a stretch up to now whose length is not said (TimeBank: PXW); recent days
            # stay the publication week (``recent``)
            r"\b(?i:recent)\s+(?P<unit>(?i:weeks|months))\b",
            # "in the fiscal year ended March 31": a year's stretch (earnings over it)
            r"\b(?P<expr>(?i:the)\s+(?:(?i:full|whole|entire|fiscal)\s+)?(?P<unit>(?i:year)))\s+(?=(?i:ended|ending)\b)",
        ],
        # "sales for the full year", "for the year, volume was flat": the year a company reports on, a date
        # (TimeBank: 7 of 7 such, while "for the year ended Sept. 30" is a stretch, P1Y, 5 of 5)
        "reported_year": [
            r"\b(?i:for)\s+(?P<expr>(?i:the)\s+(?:(?i:full|whole|entire|fiscal)\s+)?(?i:year))\b"
            r"(?![-\s]+(?i:ago|earlier|ended|ending)\b|-)",
        ],
        "set": [
            rf"\b(?i:every|each|per)\s+(?:(?P<count>{number}|(?i:other))\s+)?(?P<unit>{unit})\b",
            rf"\b(?i:every|each)\s+(?P<weekday>{weekday})(?!\s*\d)",
            rf"\b(?i:every|each)\s+(?P<month>{month})(?!\s*\d)",
        ],
        "reference": [
            rf"\b(?P<ref>{any_word(lexicon.references)})\b(?![-\s]+{unit}\b)",
            rf"\b{lead}\s+(?P<expr>(?P<ref>{any_word(lexicon.period_references)}))\b(?![-\s]+{unit}\b)",
        ],
        # "the 20th century": TimeML writes a century by its first two digits ("19")
        "century": [r"\b(?:(?i:the)\s+)?(?P<ordinal>\d{1,2})(?i:st|nd|rd|th)[-\s](?i:century)\b"],
        # resolved against the dates told before them (``timeml.resolve_anchored``)
        "anchored": [
            r"\b(?P<anchor>(?i:that|the\s+same|the\s+following|the\s+previous|the\s+preceding))\s+"
            r"(?P<unit>(?i:day|month|year|morning|afternoon|evening|night))\b(?![-\s](?i:old|ago|earlier|later)\b)",
            # "against 23 the day before": a step from the day told before; not "the day before the vote",
            # which steps from the vote
            r"\b(?i:the)\s+(?P<unit>(?i:day))\s+(?P<anchor>(?i:before|after))(?=\s*[.,;:!?)\"'”’]|\s*$)",
        ],
        "year": [
            # a year as a noun's modifier after a possessive ("his 1996 campaign", "the company's 1989
            # results") or standing possessive itself ("2016's election")
            rf"\b(?:{any_word(lexicon.year_determiners)}|\w+'s)\s+(?P<expr>(?P<year>{YEAR}))\b(?![-–—.,/]?\d|\s*%)",
            rf"(?<![$€£#\d.,])\b(?P<year>{YEAR})(?='s\b)",
            # "for 1988," and "1990 and 1991." where the sentence's punctuation closes the year
            rf"\b(?i:for|and|or)\s+(?P<expr>(?P<year>{YEAR}))(?=\s*[.,;:)\"'”’]|\s*$)",
            # a year said in words, as transcripts write it: "in nineteen ninety-six"
            rf"\b(?P<spelled>(?i:nineteen|twenty)\s+{tens}(?:[-\s]{ones})?)\b(?![-\s](?i:year|percent)\b)",
            # "the year two thousand (and one)": only after "the year", since "two thousand" alone counts
            rf"\b(?i:the\s+year)\s+(?i:two\s+thousand)(?:\s+(?:(?i:and)\s+)?(?P<thousand_and>{ones}))?\b",
        ],
    }


@lru_cache(maxsize=1)
def context_patterns() -> dict[str, re.Pattern[str]]:
    """Patterns that look at the words around a candidate rather than at the candidate itself."""
    lexicon, direction = time_lexicon(), direction_words()
    counted_units = r"(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?|centur(?:y|ies))"
    return {
        # "by November 1" / "as early as November 1": the marker belongs to the expression
        "deadline_before": re.compile(rf"\b{any_word(lexicon.deadline_markers)}\s+$"),
        "since_before": re.compile(r"(?i:\bsince\s+)$"),
        "event_day_before": re.compile(r"(?i:\bon\s+)$"),
        "future_cue": re.compile(rf"\b{any_word(lexicon.future_cues)}\b"),
        # "until (at least) Wednesday", "postponed to Friday": the word right before the expression
        "bound_ahead": re.compile(rf"\b{any_word(direction.bound_ahead)}\s+{AT_LEAST}$"),
        "scheduled_for": re.compile(r"\b(?i:for)\s+$"),
        # "snow forecast for the weekend", "talks scheduled for Friday": the day the schedule names
        "schedule_for": re.compile(rf"\b{any_word(sorted(direction.schedule_predicates))}\s+(?i:for)\s+$"),
        "deferred_to": re.compile(rf"\b{any_word(direction.deferral_prepositions)}\s+{AT_LEAST}$"),
        "state_bound": re.compile(rf"\b{any_word(direction.state_bounds)}\s+{AT_LEAST}$"),
        "duration_start": re.compile(rf"^{any_word(lexicon.duration_markers)}\b"),
        # "for the last year", "over the next month": a stretch of time, not the calendar unit
        "stretch_before": re.compile(r"(?i:\b(?:for|over|within|during|in|throughout)\s+the\s+)$"),
        "duration_before": re.compile(rf"\b{any_word(lexicon.duration_markers)}\s+(?:(?i:the)\s+)?$"),
        "age_after": re.compile(r"^\s*(?i:old|long)\b"),
        "age": re.compile(r"(?i:\bold\b)"),
        # a count before "a year" makes it a rate, not a duration ("$1.76 a year", "twice a day", "four
        # flights a week"): TimeBank leaves those out
        "rate_before": re.compile(
            r"(?i:(?:\d|%|\bpercent|\bcents?|\bdollars?|\bmillion|\bbillion|\bonce|\btwice|\btimes)\s+$)"
            rf"|(?i:\b(?:\d[\d,.]*|{any_word(w for w in lexicon.counts if len(w) > 2)})\s+[a-z]+s\s+$)"
        ),
        "frequency": re.compile(rf"\b{any_word(lexicon.frequency_words)}\b"),
        "point_word": re.compile(r"(?i:\b(?:ago|last|next|this|previous|coming|earlier|later|early|late)\b)"),
        "counted_units": re.compile(
            rf"(?i:^(?:the\s+)?(?:past|first|\d[\d,.]*|{any_word(lexicon.counts)}|"
            rf"{any_word(lexicon.vague_counts)}|many|more|recent)\b.*\b{counted_units}\b)"
            rf"|(?i:\b(?:seconds|minutes|hours|days|weeks|months|years|decades|centuries)\b)"
        ),
        "time_word": re.compile(
            rf"\b{YEAR}\b|{calendar_names(lexicon.months, False)}|{calendar_names(lexicon.weekdays, True)}|"
            rf"(?i:\b(?:{counted_units}|quarter|{any_word(lexicon.seasons)})\b)"
        ),
        "coarse_period": re.compile(r"(?i:\b(?:century|centuries|millenni(?:um|a)|era|decades?)\b)"),
        "bare_number": re.compile(r"^[\d.,\s]+$"),
        # the count and unit of a duration spaCy found ("the last few days", "weeks or months")
        "duration_parts": re.compile(
            rf"(?:\b(?P<count>\d[\d,.]*|{any_word((*lexicon.counts, *lexicon.vague_counts))})[-\s]+)?"
            rf"\b(?P<unit>{any_word(lexicon.duration_units)})\b"
        ),
        "explicit_year": re.compile(rf"\b{YEAR}\b"),
        # a month name alone ("their November wages"): our month rule, not dateparser's, which sends the
        # current month a year ahead in a future clause
        "bare_month": re.compile(rf"^{calendar_names(lexicon.months, False)}$"),
        # a word qualifying a named day right before it: a possessive, or a capitalised word that is no
        # date preposition, marker or shift ("Mexico's Independence Day", "Orthodox Easter"; not "On Easter")
        "qualified_name": re.compile(
            r"(?:\w['’]s|(?<![.!?\"“]\s)\b(?!(?:"
            + "|".join(
                word.capitalize()
                for word in (*lexicon.date_prepositions, *lexicon.deadline_markers, *lexicon.shifts, "the")
                if " " not in word
            )
            + r")\b)[A-Z][a-z]+)\s+$"
        ),
    }
