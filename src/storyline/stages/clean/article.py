"""The clean stage over one article: repair the text, give each line its reason or keep it, join the rest.

The order of the rules is decided here and nowhere else: named patterns and credit lines first, then the
rules that read context (a database export's everyday-word labels beside its fields, lists, headerless
items, bio headers, the tail, the head), then the dateline, which credits an agency but never removes a
line. A database label run into its paragraph ("ABSTRACT. …") is put on a line of its own first.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

import ftfy

from storyline.records import Article, Credit, RemovedLine
from storyline.stages.clean.credits import (
    CREDIT_BEARING_REASONS,
    CREDIT_REASON,
    find_dateline_credits,
    match_credits,
)
from storyline.stages.clean.embedded_posts import unwrap_embedded_posts
from storyline.stages.clean.lexicon import clean_lexicon
from storyline.stages.clean.rules import (
    mark_bio_headers,
    mark_export_labels_beside_fields,
    mark_head,
    mark_headerless_items,
    mark_lists,
    mark_pattern_lines,
    mark_tail,
)

# ftfy's defaults also straighten curly quotes and fold full-width characters; both would rewrite correct
# text (quotes are evidence for the claims stage, full-width forms are normal in CJK), so only mojibake,
# bad line breaks and control characters are repaired.
_FTFY_CONFIG = ftfy.TextFixerConfig(uncurl_quotes=False, fix_character_width=False)


def repair_text(text: str) -> str:
    """Mojibake and broken line endings repaired before anything else reads the text."""
    return ftfy.fix_text(text, _FTFY_CONFIG)


def split_run_in_labels(text: str) -> str:
    """A database export's label run into its paragraph ("ABSTRACT. Vice President …") put on a line of its
    own, for the line rules to remove with their reason while the paragraph stays."""
    return clean_lexicon().run_in_label.sub(r"\g<indent>\g<label>\n\g<indent>", text)


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
    reasons |= mark_export_labels_beside_fields(lines, reasons, lexicon)
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
    # an embedded post's markup goes, and a run-in label gets its own line, before any line rule reads them
    text = split_run_in_labels(unwrap_embedded_posts(repair_text(article.text)))
    raw_lines = [line.rstrip() for line in text.split("\n")]
    lines = [line.strip() for line in raw_lines]
    reasons, credits = classify_lines(lines)
    return dataclasses.replace(
        article,
        text=join_kept_lines(raw_lines, reasons),
        removed=tuple(RemovedLine(text=lines[n], reason=reasons[n]) for n in sorted(reasons)),
        credits=tuple(credit for n in sorted(credits) for credit in credits[n]),
    )
