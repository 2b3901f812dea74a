"""Translations without a credit: an article in another language whose anchors match another article's.

A translation changes every word but keeps what does not translate: numbers (written "11 000", "11.000" or
"11,000" by language), years and dates, and names (declined or transliterated, so folded to ASCII with
unidecode and cut to a prefix: "Zełenskiego" and "Zelensky" both give "zelen"). Two articles about one
story share the story's main names and a headline figure; a translation shares nearly all of them, down
to the incidental ones. So the score weights each anchor by its rarity in the collection (an anchor in
every article of a story says little) and measures how much of the smaller anchor set the other holds.

Candidate pairs come from an inverted index over anchors (those in more than ``common_feature_cap``
articles skipped), so the cost follows the shared anchors, not the square of the collection.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence

from unidecode import unidecode

from storyline.config import CopiesSettings
from storyline.records import Article, CopyEdge

# A number with optional thousands/decimal separators: "11 000", "11.000", "11,000", "3,5", "2024".
NUMBER = re.compile(r"(?<![\w.,])\d{1,3}(?:[ \u00a0\u202f.,]\d{3})+(?![\d])|(?<![\w.,])\d+(?:[.,]\d+)?")
# A word starts a sentence when only spaces and these opening marks separate it from the text's start or a
# sentence end (one of SENTENCE_ENDS, or a line break).
OPENING_MARKS = frozenset('"“„«([-')
SENTENCE_ENDS = frozenset(".!?:")
NAME = re.compile(r"\b[^\W\d_][^\W\d_'’-]{3,}")
# Names are compared on this many leading ASCII letters: long enough to tell names apart, short enough to
# absorb declension and transliteration endings ("Budanova", "Budanow", "Budanov").
NAME_PREFIX = 5
# How many anchors and numbers a translation shares, and the weighted share it must hold, are the stage's
# settings (``config.CopiesSettings.translation_*``), with the figures that chose them.


def normalise_number(text: str) -> str | None:
    """The number's value as a canonical string; None for single digits (too common to be anchors).

    A separator followed by exactly three digits groups thousands in every language we read; any other is
    a decimal mark."""
    parts = re.split(r"[ \u00a0\u202f.,]", text)
    if len(parts) > 1 and all(len(part) == 3 for part in parts[1:]):
        value = "".join(parts)
    elif len(parts) == 2:
        value = f"{parts[0]}.{parts[1]}"
    else:
        value = parts[0]
    value = value.lstrip("0") or "0"
    return None if len(value.split(".")[0]) < 2 and "." not in value else value


def starts_sentence(text: str, start: int) -> bool:
    """Does the word at ``start`` open a sentence? Walks back over the spaces and opening marks before it
    only: a pattern searched over the whole text before each word cost the square of the article's length
    (44 ms an article of ~740 words, more than the sentence embedding of the stories stage)."""
    position = start
    line_break = False
    while position > 0 and (text[position - 1].isspace() or text[position - 1] in OPENING_MARKS):
        position -= 1
        line_break = line_break or text[position] == "\n"
    return position == 0 or line_break or text[position - 1] in SENTENCE_ENDS


def anchors(text: str) -> frozenset[str]:
    """Numbers ("#11000") and capitalised words folded to an ASCII prefix ("zelen"), of one article."""
    found = set()
    for match in NUMBER.finditer(text):
        value = normalise_number(match.group())
        if value is not None:
            found.add("#" + value)
    for match in NAME.finditer(text):
        word = match.group()
        if starts_sentence(text, match.start()):
            continue  # "Rescue teams …": a capital that only starts a sentence is no name
        if (word[0].isupper() and not word.isupper()) or (
            word.isupper() and len(word) <= 5
        ):  # names, acronyms
            found.add(unidecode(word).lower()[:NAME_PREFIX])
    return frozenset(found)


def _rarity(anchor_sets: Sequence[frozenset[str]]) -> dict[str, float]:
    frequency = Counter(anchor for anchor_set in anchor_sets for anchor in anchor_set)
    total = len(anchor_sets)
    return {anchor: math.log(1 + total / count) for anchor, count in frequency.items()}


def containment(first: frozenset[str], second: frozenset[str], weight: dict[str, float]) -> float:
    """Rarity-weighted share of the smaller anchor set found in the other."""
    smaller = min(sum(weight[a] for a in first), sum(weight[a] for a in second))
    return sum(weight[a] for a in first & second) / smaller if smaller else 0.0


def _candidate_pairs(
    articles: Sequence[Article], sets: Sequence[frozenset[str]], settings: CopiesSettings
) -> list[tuple[int, int]]:
    # an anchor too common to find candidates with still counts in scoring
    postings: dict[str, list[int]] = {}
    for index, anchor_set in enumerate(sets):
        for anchor in anchor_set:
            postings.setdefault(anchor, []).append(index)
    counts: Counter[tuple[int, int]] = Counter()
    for holders in postings.values():
        if len(holders) > settings.common_feature_cap:
            continue
        for i, first in enumerate(holders):
            for second in holders[i + 1 :]:
                if articles[first].language != articles[second].language:
                    counts[first, second] += 1
    return sorted(pair for pair, count in counts.items() if count >= settings.translation_min_anchors)


def _original_first(first: Article, second: Article, order: dict[str, tuple[str, int]]) -> bool:
    """Is ``first`` the original? The earlier when both are dated apart; else the English one; else the
    one given first."""
    first_date, second_date = first.published or "", second.published or ""
    if first_date[:1].isdigit() and second_date[:1].isdigit() and first_date != second_date:
        return first_date < second_date
    if (first.language == "en") != (second.language == "en"):
        return first.language == "en"
    return order[first.id] < order[second.id]


def find_translations(
    articles: Sequence[Article],
    order: dict[str, tuple[str, int]],
    skip: set[frozenset[str]],
    settings: CopiesSettings,
) -> list[CopyEdge]:
    """``translation`` edges between articles in different languages whose anchors match strongly; ``skip``
    holds pairs already joined by a credited translation."""
    known = [article for article in articles if article.language and article.text.strip()]
    sets = [anchors(article.text) for article in known]
    weight = _rarity(sets)
    edges = []
    for i, j in _candidate_pairs(known, sets, settings):
        first, second = known[i], known[j]
        if first.id == second.id or frozenset((first.id, second.id)) in skip:
            continue
        shared = sets[i] & sets[j]
        numbers = sum(anchor.startswith("#") for anchor in shared)
        score = containment(sets[i], sets[j], weight)
        if numbers < settings.translation_min_numbers or score < settings.translation_min_containment:
            continue
        original, copy = (first, second) if _original_first(first, second, order) else (second, first)
        edges.append(CopyEdge(article=copy.id, of=original.id, kind="translation", score=round(score, 3)))
    return edges
