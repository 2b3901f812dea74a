"""Question labels an analyst reads in a second, built from the words of the group's most central claim.

- a measured thing: "How many <counted noun phrase as worded> <what follows it in the clause>?"
  ("How many special forces to the war in Ukraine?"); the noun phrase is the quantity's own words after
  the number ("about 11,000 North Korean infantrymen" → "North Korean infantrymen");
- a proposition: "Whether <content>", the content cut at the first clause boundary past a few words.

The representative claim is the most central one: the highest summed word/entity overlap (Jaccard, so a
long claim is not favoured for its length) with the group's other claims. Position in the story plays no
part, so the label does not depend on which article came first.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from storyline.records import Claim, Quantity
from storyline.stages.ledger.grouping import ledger_lexicon
from storyline.stages.quantities import number_lexicon

CURRENCY_OR_SHARE = frozenset({"USD", "EUR", "GBP", "percent"})
# Words of a quantity label's tail, and of a proposition before it is cut at a clause boundary: enough to
# say what is counted or claimed, short enough to scan.
TAIL_WORDS = 8
PROPOSITION_WORDS = 14
MIN_PROPOSITION_WORDS = 4
# Where a clause ends inside a content: punctuation, or a conjunction/relative word opening the next one.
# Words as written, possessives and hyphens kept ("Russia’s", "Suk-yol").
WORD = re.compile(r"\w+(?:[’'-]\w+)*")
CLAUSE_END = re.compile(r"[,;:.!?()\[\]–—]|\s(?:and|but|while|whereas|which|who|because|although|as)\s")


def _jaccard(first: frozenset[str], second: frozenset[str]) -> float:
    union = first | second
    return len(first & second) / len(union) if union else 0.0


def central_order(word_sets: Sequence[frozenset[str]]) -> list[int]:
    """Indexes of the word sets, most central first (ties: given order)."""
    centrality = [
        sum(_jaccard(words, other) for j, other in enumerate(word_sets) if j != i)
        for i, words in enumerate(word_sets)
    ]
    return sorted(range(len(word_sets)), key=lambda i: -centrality[i])


def _noun_phrase(quantity: Quantity) -> str:
    """The quantity's words after its number, scale words ("thousand") and approximators left out."""
    lexicon = number_lexicon()
    skip = set(lexicon.words) | set(lexicon.scales) | {w for words in lexicon.approximators for w in words}
    words = WORD.findall(quantity.text)
    numbered = [i for i, word in enumerate(words) if word[0].isdigit() or word.lower() in skip]
    rest = words[numbered[-1] + 1 :] if numbered else words
    return " ".join(word for word in rest if word.lower() not in skip)


def _tail(claim: Claim, quantity: Quantity) -> str:
    """What the clause says after the quantity ("to the war in Ukraine"), up to a clause end."""
    after = claim.text[quantity.end - claim.start :]
    cut = CLAUSE_END.search(after)
    words = WORD.findall(after[: cut.start()] if cut else after)[:TAIL_WORDS]
    stopwords = ledger_lexicon().stopwords
    while words and words[-1].lower() in stopwords:  # "… to the war in Ukraine to" ends on a content word
        words.pop()
    return " ".join(words)


def quantity_label(
    unit: str, claims_and_quantities: Sequence[tuple[Claim, Quantity]], order: list[int]
) -> str:
    """ "How many/much …?" from the most central figure whose quantity names what it counts."""
    opener = "How much" if unit in CURRENCY_OR_SHARE else "How many"
    for index in order:
        claim, quantity = claims_and_quantities[index]
        noun = _noun_phrase(quantity)
        if noun:
            tail = _tail(claim, quantity)
            return f"{opener} {noun}{' ' + tail if tail else ''}?"
    claim, quantity = claims_and_quantities[order[0]]
    tail = _tail(claim, quantity)
    return f"{opener} {unit}{' ' + tail if tail else ''}?"


def proposition_label(claims: Sequence[Claim], order: list[int]) -> str:
    """ "Whether …" from the most central claim that states the content itself (not "the news that …")."""
    nouns, stopwords = ledger_lexicon().statement_nouns, ledger_lexicon().stopwords
    stated = [i for i in order if not _opens_with_statement_noun(claims[i].text, nouns)]
    # The question is best put in the words of a claim that asserts it and names its subject: "North Korea
    # has sent troops" reads as the question; "we have no proof of …" reads as one side's answer.
    named = [i for i in stated if (WORD.findall(claims[i].text) or [""])[0].lower() not in stopwords]
    asserted = [i for i in stated if claims[i].modality == "asserted"]
    named_asserted = [i for i in named if claims[i].modality == "asserted"]
    text = shorten(claims[(named_asserted or asserted or named or stated or order)[0]].text)
    first, _space, rest = text.partition(" ")
    if (
        first != "I" and first.lower() in ledger_lexicon().stopwords
    ):  # "We have no proof" → "Whether we have no proof"
        text = " ".join((first.lower(), rest)).strip()
    return "Whether " + text


def _opens_with_statement_noun(text: str, nouns: frozenset[str]) -> bool:
    words = [word.lower() for word in WORD.findall(text)[:3]]
    return any(word in nouns for word in words)


def shorten(text: str) -> str:
    """The text cut at the first clause end after a few words, and at most ``PROPOSITION_WORDS`` words."""
    text = " ".join(text.split())
    for cut in CLAUSE_END.finditer(text):
        if len(WORD.findall(text[: cut.start()])) >= MIN_PROPOSITION_WORDS:
            text = text[: cut.start()]
            break
    words = text.split()
    shortened = " ".join(words[:PROPOSITION_WORDS])
    return shortened.rstrip(" ,;:") + (" …" if len(words) > PROPOSITION_WORDS else "")
