"""The boilerplate rules: each reads the lines (and the reasons given so far) and marks line numbers with
a reason.

Patterns remove a line wherever it stands; the other rules add context: a database export's "Body" goes
only beside the export's fields, a list header takes the items after it, an age stamp takes the teaser and
title above it, "About the author" takes its paragraph, the tail is walked up over blurbs, bylines and
credits until the first line of article text, and the head loses a lone section label and a byline. Rules
only mark; ``article.classify_lines`` decides their order.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from storyline.records import Credit
from storyline.stages.clean.credits import CREDIT_REASON, match_credits
from storyline.stages.clean.lexicon import Lexicon
from storyline.stages.clean.lines import (
    is_name_line,
    is_teaser,
    is_title_like,
    next_kept,
    previous_kept,
    word_count,
)

# Pronouns that open a third-person blurb under a byline name line ("Jane Doe" / "She covers …").
BLURB_PRONOUNS = ("he ", "she ", "they ")


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


def mark_export_labels_beside_fields(
    lines: Sequence[str], reasons: dict[int, str], lexicon: Lexicon
) -> dict[int, str]:
    """A database label that is an everyday word too ("Body", "DETAILS"), when the nearest non-blank line
    above or below is an export field already removed (or the credit such a field gave)."""
    field_reasons = {lexicon.export_reason, CREDIT_REASON}
    marked: dict[int, str] = {}
    for number, line in enumerate(lines):
        if number in reasons or not any(label.fullmatch(line) for label in lexicon.export_beside_fields):
            continue
        above = next((n for n in range(number - 1, -1, -1) if lines[n]), None)
        below = next((n for n in range(number + 1, len(lines)) if lines[n]), None)
        if any(reasons.get(n) in field_reasons for n in (above, below) if n is not None):
            marked[number] = lexicon.export_reason
    return marked


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
        above = previous_kept(lines, number, reasons | marked)
        if above is None or not is_teaser(lines[above]):
            continue
        marked[above] = lexicon.list_reason
        title = previous_kept(lines, above, reasons | marked)
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
        following = next_kept(lines, number, reasons)
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
    number = previous_kept(lines, len(lines), reasons)
    while number is not None:
        line = lines[number]
        above = previous_kept(lines, number, reasons | marked)
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
                above = previous_kept(lines, byline_above, reasons | marked)
        elif is_byline(line, lexicon):
            marked[number] = lexicon.byline_reason
        else:
            break
        number = above
    return marked, credits


def is_author_blurb(paragraph: str, body_above: str, line_above: str, lexicon: Lexicon) -> bool:
    """A paragraph describing the writer: "I'm a journalist based in …", "Jane Doe is an economist at …",
    "The author, Jane Doe, is the paper's correspondent for …", "The writer is a fellow at …"."""
    first_sentence = re.split(r"(?<=[.!?])\s", paragraph, maxsplit=1)[0]
    if lexicon.first_person.match(paragraph):
        return bool(lexicon.professions.search(first_sentence) or lexicon.bio_cues.search(paragraph))
    by_role = lexicon.writer_by_role.match(paragraph)
    if by_role is not None:
        # "The writer is a fellow at …": no name to look for in the body, so the role must be new there (a
        # story about a novelist calls them "the author" before), and a trade must follow it
        role_used = re.search(rf"\b{by_role.group('role')}s?\b", body_above, re.IGNORECASE)
        return role_used is None and bool(lexicon.professions.search(first_sentence, by_role.end()))
    opening = lexicon.writer_named_by_role.match(paragraph)
    if opening is not None:  # "The author, Jane Doe, is …": the role names the trade
        return not _named_before(opening, body_above)
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
    return not _named_before(opening, body_above)


def _named_before(opening: re.Match[str], body_above: str) -> bool:
    # A newsmaker described in the last paragraph was named earlier in the story; the writer was not.
    surname = opening.group("name").split()[-1]
    return re.search(rf"\b{re.escape(surname)}\b", body_above) is not None


def is_byline(line: str, lexicon: Lexicon) -> bool:
    found = lexicon.byline_prefixes.fullmatch(line)
    if not found:
        return False
    names = lexicon.outlet_separators.split(found.group("names"))
    return all(is_name_line(name.strip(), lexicon.max_name_words, lexicon) for name in names if name.strip())


def mark_head(lines: Sequence[str], reasons: dict[int, str], lexicon: Lexicon) -> dict[int, str]:
    """A short section label alone above the headline or the lead, and a byline near the top."""
    marked: dict[int, str] = {}
    first = next_kept(lines, -1, reasons)
    if first is None:
        return marked
    following = next_kept(lines, first, reasons)
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
        candidate = next_kept(lines, candidate, reasons)
    return marked
