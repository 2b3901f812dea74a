"""The clean stage: drop the lines of extracted text that are not the article, and say why for each.

Input is text that ingest already pulled out of HTML (title taken out when one was found). What is left of
a page's chrome comes as whole lines: author blurbs, "Recent Posts" lists, subscribe prompts, hashtag lines,
photo captions, share bars and badges, section labels. Each line is kept unless a rule says why it goes;
the rules are named patterns in ``lexicons/boilerplate.toml`` and ``lexicons/credits.toml`` plus a little
context: where the line stands (head or tail of the article) and its neighbours (once a list header is seen,
the list items after it go too). Credit lines ("Source: X", "Via X", "(AP)", "Copyright … Associated
Press", "(Reporting by …; Editing by …)") leave the text and become ``Credit`` records, the provenance the
copies stage needs; a wire dateline opening the lead ("WASHINGTON (AP) —") stays in the text and yields a
``wire`` credit too.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

import ftfy

from storyline.lexicons import load_lexicon
from storyline.records import Article, Credit, RemovedLine

CREDIT_REASON = "credit"
WIRE_KIND = "wire"
# Boilerplate that may still be a credit: "Copyright 2016 The Associated Press" is removed either way, but
# as the agency's credit.
CREDIT_BEARING_REASONS = frozenset({"copyright"})
# Teasers under list items are cut off by the CMS with an ellipsis.
ELLIPSIS_ENDINGS = ("…", "...")
# A line ending like this is a sentence (or several), never a list item title or a name.
SENTENCE_ENDINGS = (".", "!", ";", ":")
# Pronouns that open a third-person blurb under a byline name line ("Jane Doe" / "She covers …").
BLURB_PRONOUNS = ("he ", "she ", "they ")

# ftfy's defaults also straighten curly quotes and fold full-width characters; both would rewrite correct
# text (quotes are evidence for the claims stage, full-width forms are normal in CJK), so only mojibake,
# bad line breaks and control characters are repaired.
_FTFY_CONFIG = ftfy.TextFixerConfig(uncurl_quotes=False, fix_character_width=False)


# --- the lexicons, compiled once ------------------------------------------------------------------------


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
    dateline: re.Pattern[str]
    dateline_lines: int


# A blurb opens with the writer's name; case-sensitive on purpose (a name is capitalised).
_NAME_OPENING = r"(?P<name>[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,3})\s+"


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
        beat_opening=re.compile(_NAME_OPENING + _alternation(bio["beat_verbs"]) + r"\b"),
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
        dateline=re.compile(credits["dateline"]["pattern"].replace("{agency}", agency)),
        dateline_lines=credits["dateline"]["first_lines"],
    )


# --- line shapes ------------------------------------------------------------------------------------------


def word_count(line: str) -> int:
    return len(line.split())


def is_name_line(line: str, max_words: int, lexicon: Lexicon) -> bool:
    """A line that is only a personal name: a few capitalised words or name particles, nothing else."""
    words = line.split()
    if not 1 <= len(words) <= max_words or line.endswith((*SENTENCE_ENDINGS, ",", "?")):
        return False
    return all(
        (word[0].isupper() and not any(ch.isdigit() for ch in word)) or word.lower() in lexicon.name_particles
        for word in words
    )


def is_teaser(line: str) -> bool:
    return line.endswith(ELLIPSIS_ENDINGS)


def is_title_like(line: str, max_words: int) -> bool:
    """A list item's title: short and not ending like a sentence (titles end bare or with "?")."""
    return 0 < word_count(line) <= max_words and not line.endswith(SENTENCE_ENDINGS)


# --- credits ----------------------------------------------------------------------------------------------


def match_credits(line: str, lexicon: Lexicon, at_tail: bool) -> list[Credit]:
    """The credits a standalone line gives ("Source: Reuters, AFP" → two), or none."""
    words = word_count(line)
    for rule in lexicon.credit_rules:
        if (rule.tail_only and not at_tail) or words > (rule.max_words or lexicon.max_credit_words):
            continue
        for pattern in rule.patterns:
            found = pattern.fullmatch(line)
            if not found:
                continue
            named = found.groupdict().get("outlet") or rule.outlet or ""
            outlets = [o.strip() for o in lexicon.outlet_separators.split(named) if o.strip()]
            if outlets and all(_looks_like_outlet(o, lexicon.max_outlet_words) for o in outlets):
                return [Credit(kind=rule.kind, outlet=outlet, text=line) for outlet in outlets]
    return []


def find_dateline_credits(
    lines: Sequence[str], reasons: dict[int, str], lexicon: Lexicon
) -> dict[int, list[Credit]]:
    """A wire dateline opening the lead ("WASHINGTON (AP) —"): the line stays, its agency is credited."""
    number = -1
    for _ in range(lexicon.dateline_lines):
        following = _next_kept(lines, number, reasons)
        if following is None:
            break
        number = following
        found = lexicon.dateline.fullmatch(lines[number])
        if found:
            agencies = [a.strip() for a in found.group("outlet").split("/") if a.strip()]
            return {
                number: [Credit(kind=WIRE_KIND, outlet=a, text=found.group("dateline")) for a in agencies]
            }
    return {}


def _looks_like_outlet(outlet: str, max_words: int) -> bool:
    # "Via diplomatic channels, Seoul protested" must not read as a credit to "diplomatic channels".
    return word_count(outlet) <= max_words and (outlet[0].isupper() or outlet[0].isdigit())


# --- the rules, each marking line numbers with a reason ---------------------------------------------------


def mark_pattern_lines(lines: Sequence[str], lexicon: Lexicon) -> dict[int, str]:
    """Lines that a named pattern removes wherever they stand."""
    reasons: dict[int, str] = {}
    for number, line in enumerate(lines):
        if not line:
            continue
        if any(pattern.fullmatch(line) for pattern in lexicon.list_inline):
            reasons[number] = lexicon.list_reason
            continue
        for rule in lexicon.line_rules:
            if rule.matches(line):
                reasons[number] = rule.reason
                break
    return reasons


def mark_lists(lines: Sequence[str], reasons: dict[int, str], lexicon: Lexicon) -> dict[int, str]:
    """A list header ("Recent Posts") and the items after it, until a line that is no list item."""
    marked: dict[int, str] = {}
    in_list = False
    for number, line in enumerate(lines):
        if not line:
            continue
        if number not in reasons and any(header.fullmatch(line) for header in lexicon.list_headers):
            marked[number] = lexicon.list_reason
            in_list = True
        elif in_list and (number in reasons or _is_list_item(line, lexicon)):
            marked.setdefault(number, reasons.get(number, lexicon.list_reason))
        else:
            in_list = False
    return marked


def _is_list_item(line: str, lexicon: Lexicon) -> bool:
    return is_teaser(line) or is_title_like(line, lexicon.max_item_words)


def mark_headerless_items(lines: Sequence[str], reasons: dict[int, str], lexicon: Lexicon) -> dict[int, str]:
    """Items of a list whose header did not survive extraction: a title and a teaser above an age stamp."""
    marked: dict[int, str] = {}
    for number in sorted(n for n, reason in reasons.items() if reason == "relative-time"):
        above = _previous_kept(lines, number, reasons | marked)
        if above is None or not is_teaser(lines[above]):
            continue
        marked[above] = lexicon.list_reason
        title = _previous_kept(lines, above, reasons | marked)
        if title is not None and is_title_like(lines[title], lexicon.max_item_words):
            marked[title] = lexicon.list_reason
    return marked


def mark_bio_headers(lines: Sequence[str], reasons: dict[int, str], lexicon: Lexicon) -> dict[int, str]:
    """ "About the author" and the paragraph it announces."""
    marked: dict[int, str] = {}
    for number, line in enumerate(lines):
        if number in reasons or not any(header.fullmatch(line) for header in lexicon.bio_headers):
            continue
        marked[number] = lexicon.bio_reason
        following = _next_kept(lines, number, reasons)
        if following is not None:
            marked[following] = lexicon.bio_reason
    return marked


def mark_tail(
    lines: Sequence[str], reasons: dict[int, str], lexicon: Lexicon
) -> tuple[dict[int, str], dict[int, list[Credit]]]:
    """Walk up from the end over what is already removed: author blurbs, the byline above them, bylines and
    credit lines standing alone; stop at the first line that is article text."""
    marked: dict[int, str] = {}
    credits: dict[int, list[Credit]] = {}
    number = _previous_kept(lines, len(lines), reasons)
    while number is not None:
        line = lines[number]
        above = _previous_kept(lines, number, reasons | marked)
        # The writer's name may stand alone just above the blurb: that byline is not the story naming them.
        byline_above = (
            above
            if above is not None and is_name_line(lines[above], lexicon.max_name_words, lexicon)
            else None
        )
        body_end = number if byline_above is None else byline_above
        body_above = " ".join(lines[n] for n in range(body_end) if n not in reasons and n not in marked)
        found_credits = match_credits(line, lexicon, at_tail=True)
        if found_credits:
            marked[number] = CREDIT_REASON
            credits[number] = found_credits
        elif is_author_blurb(line, body_above, lines[above] if above is not None else "", lexicon):
            marked[number] = lexicon.bio_reason
            if byline_above is not None:
                marked[byline_above] = lexicon.byline_reason
                above = _previous_kept(lines, byline_above, reasons | marked)
        elif is_byline(line, lexicon):
            marked[number] = lexicon.byline_reason
        else:
            break
        number = above
    return marked, credits


def is_author_blurb(paragraph: str, body_above: str, line_above: str, lexicon: Lexicon) -> bool:
    """A paragraph describing the writer: "I'm a journalist based in …", "Jane Doe is an economist at …"."""
    first_sentence = re.split(r"(?<=[.!?])\s", paragraph, maxsplit=1)[0]
    if lexicon.first_person.match(paragraph):
        return bool(lexicon.professions.search(first_sentence) or lexicon.bio_cues.search(paragraph))
    if paragraph.lower().startswith(BLURB_PRONOUNS):
        # "She covers …" is a blurb only under a standalone byline name.
        return is_name_line(line_above, lexicon.max_name_words, lexicon) and bool(
            lexicon.professions.search(first_sentence)
        )
    opening = lexicon.beat_opening.match(paragraph)
    if opening is None:
        opening = lexicon.third_person.match(paragraph)
        if opening is None or not lexicon.professions.search(first_sentence):
            return False
    # A newsmaker described in the last paragraph was named earlier in the story; the writer was not.
    surname = opening.group("name").split()[-1]
    return re.search(rf"\b{re.escape(surname)}\b", body_above) is None


def is_byline(line: str, lexicon: Lexicon) -> bool:
    found = lexicon.byline_prefixes.fullmatch(line)
    if not found:
        return False
    names = lexicon.outlet_separators.split(found.group("names"))
    return all(is_name_line(name.strip(), lexicon.max_name_words, lexicon) for name in names if name.strip())


def mark_head(lines: Sequence[str], reasons: dict[int, str], lexicon: Lexicon) -> dict[int, str]:
    """A short section label alone above the headline or the lead, and a byline near the top."""
    marked: dict[int, str] = {}
    first = _next_kept(lines, -1, reasons)
    if first is None:
        return marked
    following = _next_kept(lines, first, reasons)
    line = lines[first]
    if (
        following is not None
        and word_count(line) <= lexicon.max_label_words
        and word_count(lines[following]) > word_count(line)
        # Capitalised words only, no sentence punctuation.
        and is_name_line(line, lexicon.max_label_words, lexicon)
    ):
        marked[first] = lexicon.section_label_reason
    # The byline, when ingest left it, sits among the first few lines.
    candidate: int | None = first
    for _ in range(3):
        if candidate is None:
            break
        if is_byline(lines[candidate], lexicon):
            marked[candidate] = lexicon.byline_reason
        candidate = _next_kept(lines, candidate, reasons)
    return marked


def _previous_kept(lines: Sequence[str], number: int, reasons: dict[int, str]) -> int | None:
    for earlier in range(number - 1, -1, -1):
        if lines[earlier] and earlier not in reasons:
            return earlier
    return None


def _next_kept(lines: Sequence[str], number: int, reasons: dict[int, str]) -> int | None:
    for later in range(number + 1, len(lines)):
        if lines[later] and later not in reasons:
            return later
    return None


# --- the stage --------------------------------------------------------------------------------------------


def repair_text(text: str) -> str:
    """Mojibake and broken line endings repaired before anything else reads the text."""
    return ftfy.fix_text(text, _FTFY_CONFIG)


def classify_lines(lines: Sequence[str]) -> tuple[dict[int, str], dict[int, list[Credit]]]:
    """Every removed line's number with its reason, and the credits found on credit lines."""
    lexicon = clean_lexicon()
    reasons = mark_pattern_lines(lines, lexicon)
    credits: dict[int, list[Credit]] = {}
    for number, line in enumerate(lines):
        readable = line and (number not in reasons or reasons[number] in CREDIT_BEARING_REASONS)
        found = match_credits(line, lexicon, at_tail=False) if readable else []
        if found:
            reasons[number] = CREDIT_REASON
            credits[number] = found
    reasons |= mark_lists(lines, reasons, lexicon)
    reasons |= mark_headerless_items(lines, reasons, lexicon)
    reasons |= mark_bio_headers(lines, reasons, lexicon)
    tail_reasons, tail_credits = mark_tail(lines, reasons, lexicon)
    reasons |= tail_reasons
    credits |= tail_credits
    reasons |= mark_head(lines, reasons, lexicon)
    # The dateline is part of the lead: it yields a credit and stays in the text.
    for number, found in find_dateline_credits(lines, reasons, lexicon).items():
        credits.setdefault(number, []).extend(found)
    return reasons, credits


def join_kept_lines(lines: Sequence[str], removed: dict[int, str]) -> str:
    """Kept lines joined by newlines, with runs of blank lines collapsed to one and no blank ends."""
    kept: list[str] = []
    for number, line in enumerate(lines):
        if number in removed or (not line and (not kept or not kept[-1])):
            continue
        kept.append(line)
    return "\n".join(kept).strip("\n")


def clean_article(article: Article) -> Article:
    """The article with its text cleaned, every removed line kept with its reason, and its credits."""
    raw_lines = [line.rstrip() for line in repair_text(article.text).split("\n")]
    lines = [line.strip() for line in raw_lines]
    reasons, credits = classify_lines(lines)
    return dataclasses.replace(
        article,
        text=join_kept_lines(raw_lines, reasons),
        removed=tuple(RemovedLine(text=lines[n], reason=reasons[n]) for n in sorted(reasons)),
        credits=tuple(credit for n in sorted(credits) for credit in credits[n]),
    )
