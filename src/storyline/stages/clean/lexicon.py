"""The clean stage's lexicons, compiled once per process: ``boilerplate.toml`` and ``credits.toml`` → regexes.

Every pattern the rules match lives in the lexicon files; this module only compiles them, fills the
``{agency}`` placeholder with the wire agencies (kept case-sensitive inside case-insensitive patterns), and
holds them in one frozen :class:`Lexicon` so no rule compiles a pattern of its own.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from storyline.lexicons import load_lexicon
from storyline.stages.clean.lines import word_count


@dataclass(frozen=True, slots=True)
class LineRule:
    """Lines of at most ``max_words`` words that fully match one of ``patterns`` go, for ``reason``."""

    reason: str
    max_words: int
    patterns: tuple[re.Pattern[str], ...]

    def matches(self, line: str) -> bool:
        return word_count(line) <= self.max_words and any(p.fullmatch(line) for p in self.patterns)


@dataclass(frozen=True, slots=True)
class CreditRule:
    kind: str
    patterns: tuple[re.Pattern[str], ...]
    tail_only: bool
    # Longest credit line this rule reads (None: the lexicon's ``max_credit_words``).
    max_words: int | None = None
    # The outlet credited when the pattern names none (a house footer only one agency prints).
    outlet: str | None = None


@dataclass(frozen=True, slots=True)
class Lexicon:
    line_rules: tuple[LineRule, ...]
    list_reason: str
    list_headers: tuple[re.Pattern[str], ...]
    list_inline: tuple[re.Pattern[str], ...]
    max_item_words: int
    bio_reason: str
    byline_reason: str
    professions: re.Pattern[str]
    first_person: re.Pattern[str]
    third_person: re.Pattern[str]
    beat_opening: re.Pattern[str]
    bio_cues: re.Pattern[str]
    # "The author, Jane Doe, is …" (the name in the group ``name``) and "The writer is …" (the role in
    # ``role``, no name)
    writer_named_by_role: re.Pattern[str]
    writer_by_role: re.Pattern[str]
    bio_headers: tuple[re.Pattern[str], ...]
    max_name_words: int
    name_particles: frozenset[str]
    section_label_reason: str
    max_label_words: int
    byline_prefixes: re.Pattern[str]
    credit_rules: tuple[CreditRule, ...]
    max_credit_words: int
    max_outlet_words: int
    outlet_separators: re.Pattern[str]
    outlet_note: re.Pattern[str]
    dateline: re.Pattern[str]
    dateline_lines: int
    export_reason: str
    export_beside_fields: tuple[re.Pattern[str], ...]
    run_in_label: re.Pattern[str]


def _capital_letters() -> str:
    """A character class of every capital letter of the Basic Multilingual Plane, as runs of code points: a
    name opens with "É" or "Š" as well as "A" (drina-bridge: a correspondent's bio kept for its "É")."""
    runs: list[tuple[int, int]] = []
    for code in range(0x10000):
        if chr(code).isupper():
            if runs and runs[-1][1] == code - 1:
                runs[-1] = (runs[-1][0], code)
            else:
                runs.append((code, code))
    spans = (re.escape(chr(a)) + ("-" + re.escape(chr(b)) if b > a else "") for a, b in runs)
    return "[" + "".join(spans) + "]"


_CAPITAL = _capital_letters()
# A blurb opens with the writer's name; case-sensitive on purpose (a name is capitalised).
_NAME = rf"(?P<name>{_CAPITAL}[\w'’.-]+(?:\s+{_CAPITAL}[\w'’.-]+){{0,3}})"
_NAME_OPENING = _NAME + r"\s+"


def _compile_all(patterns: Sequence[str], flags: int = re.IGNORECASE) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(pattern, flags) for pattern in patterns)


def _alternation(patterns: Sequence[str]) -> str:
    return "(?:" + "|".join(patterns) + ")"


@cache
def clean_lexicon() -> Lexicon:
    """The boilerplate and credit lexicons, compiled once per process."""
    boilerplate, credits = load_lexicon("boilerplate"), load_lexicon("credits")
    bio, head, list_section = boilerplate["bio"], boilerplate["head"], boilerplate["list"]
    # Agency names keep their case inside case-insensitive patterns: "AP", never the word "ap".
    agency = "(?-i:" + "|".join(re.escape(name) for name in credits["wire"]["agencies"]) + ")"
    note_words = _alternation(credits["outlet_note_words"])
    # "The author", "Our correspondents": case-insensitive inside the case-sensitive name patterns
    writer_role = (
        f"(?i:{_alternation(bio['writer_role_articles'])}\\s+(?P<role>{_alternation(bio['writer_roles'])})s?)"
    )
    # "Le Monde's", "the BBC's": capitalised words before the possessive, filled into `beat_verbs`
    beat_verbs = [
        verb.replace("{outlet}", rf"(?:the\s+)?{_CAPITAL}[\w&.-]*(?:\s+{_CAPITAL}[\w&.-]*){{0,3}}").replace(
            "{role}", f"(?i:{_alternation(bio['writer_roles'])})"
        )
        for verb in bio["beat_verbs"]
    ]
    credit_rules = tuple(
        CreditRule(
            kind=entry["kind"],
            patterns=_compile_all(
                [p.replace("{agency}", agency) for p in entry["patterns"]],
                0 if entry.get("case_sensitive") else re.IGNORECASE,
            ),
            tail_only=entry.get("tail_only", False),
            max_words=entry.get("max_words"),
            outlet=entry.get("outlet"),
        )
        for entry in credits["kind"]
    )
    return Lexicon(
        line_rules=tuple(
            LineRule(rule["reason"], rule["max_words"], _compile_all(rule["patterns"]))
            for rule in boilerplate["line_rule"]
        ),
        list_reason=list_section["reason"],
        list_headers=_compile_all([rf"{header}\s*[:›»>→]?" for header in list_section["headers"]]),
        list_inline=_compile_all(list_section["inline"]),
        max_item_words=list_section["max_item_words"],
        bio_reason=bio["reason"],
        byline_reason=bio["byline_reason"],
        professions=re.compile(rf"\b{_alternation(bio['professions'])}s?\b", re.IGNORECASE),
        first_person=re.compile(_alternation(bio["first_person"]), re.IGNORECASE),
        # The name part is case-sensitive on purpose: a blurb opens with a capitalised name.
        third_person=re.compile(_NAME_OPENING + _alternation(bio["third_person_verbs"]) + r"\b"),
        beat_opening=re.compile(_NAME_OPENING + _alternation(beat_verbs) + r"\b"),
        writer_named_by_role=re.compile(
            rf"{writer_role},\s+{_NAME}\s*,\s+" + _alternation(bio["third_person_verbs"] + beat_verbs) + r"\b"
        ),
        writer_by_role=re.compile(rf"{writer_role}\s+{_alternation(bio['role_verbs'])}\b"),
        bio_cues=re.compile(rf"\b{_alternation(bio['cues'])}\b", re.IGNORECASE),
        bio_headers=_compile_all([rf"{header}\s*:?" for header in bio["headers"]]),
        max_name_words=bio["max_name_words"],
        name_particles=frozenset(boilerplate["names"]["particles"]),
        section_label_reason=head["section_label_reason"],
        max_label_words=head["max_label_words"],
        byline_prefixes=re.compile(
            rf"{_alternation(head['byline_prefixes'])}\s+(?P<names>.+)", re.IGNORECASE
        ),
        credit_rules=credit_rules,
        max_credit_words=credits["max_words"],
        max_outlet_words=credits["max_outlet_words"],
        outlet_separators=re.compile(credits["outlet_separators"], re.IGNORECASE),
        outlet_note=re.compile(credits["outlet_note"].replace("{note}", note_words), re.IGNORECASE),
        dateline=re.compile(credits["dateline"]["pattern"].replace("{agency}", agency)),
        dateline_lines=credits["dateline"]["first_lines"],
        export_reason=boilerplate["export"]["reason"],
        export_beside_fields=_compile_all(boilerplate["export"]["beside_fields"]),
        run_in_label=re.compile(boilerplate["export"]["run_in_label"], re.IGNORECASE),
    )
