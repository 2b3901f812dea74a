"""Where question labels are cut, by rules every kind of label shares: what a word is, where a clause ends,
and which words a label must not end on. A proposition's content and a quantity's tail are cut by the same
rules, so a cut never leaves "… in the?" or "… in Iraq's?" whichever kind of question it makes;
``eval/series.py`` counts finished labels that do with ``ends_open``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from storyline.lexicons import load_lexicon
from storyline.stages.ledger.grouping import ledger_lexicon
from storyline.stages.quantities import number_lexicon

# Words as written, possessives and hyphens kept ("Russia’s", "Suk-yol").
WORD = re.compile(r"\w+(?:[’'-]\w+)*")
# Where a clause ends inside a content: punctuation, or a conjunction/relative word opening the next one.
CLAUSE_END = re.compile(r"[,;:.!?()\[\]–—]|\s(?:and|but|while|whereas|which|who|because|although|as)\s")
# A pronoun with its auxiliary contracted ("he's", "they’re"): the subject of a clause that opened already.
CONTRACTED = re.compile(r"(?:i|you|he|she|it|we|they|that|there|who|what)['’](?:s|re|ve|m|d|ll)$")
# the last words of a question on an object: its verb ("did it have") or the preposition it strands
STRANDED_ENDS = frozenset({"for", "of", "to", "with", "on", "from", "have", "do"})
# the auxiliary that opens a question on an object ("did she delete", "would Trump raise taxes on")
OBJECT_AUXILIARIES = frozenset(
    {"did", "does", "do", "would", "will", "could", "can", "should", "might", "may"}
)
# An appositive set off by commas between a request's object and what is asked of it ("asked the mayor, the
# head of the council, to resign"): the first comma would cut the label before what was asked. The
# appositive opens with a determiner and holds no comma; the request verbs are the lexicon's frame verbs.
APPOSITIVE = r",\s+(?:the|a|an|his|her|its|their)\s[^,]{1,100},\s+(?=to\s)"
ABBREVIATION_BEFORE = re.compile(r"(?:^|[\s(])([A-Za-z]{1,5})$")
INITIALS_BEFORE = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]?$")


@cache
def label_words() -> tuple[frozenset[str], dict[str, str], frozenset[str], frozenset[str]]:
    data = load_lexicon("ledger")
    return (
        frozenset(data["auxiliaries"]),
        dict(data["contracted_negations"]),
        frozenset(data["negations"]),
        frozenset(data["abbreviations"]),
    )


def ends_open(label: str) -> bool:
    """Whether a label ends on a word it must not end on (``open_word``): "… in Iraq's?", "… in the?";
    not a phrasal verb's particle ("had run out?"), nor the verb or the stranded preposition that ends a
    question on an object ("… did it have?", "How many tugrik did the Red Cross launch an appeal for?", "How
    many Americans would Trump raise taxes on?")."""
    words = WORD.findall(label)
    if not words or finishes_phrasal_verb(words):
        return False
    stranded = words[:2] in (["How", "many"], ["How", "much"]) and bool(OBJECT_AUXILIARIES & set(words[2:-1]))
    if stranded:
        return open_word(words[-1]) and words[-1].lower() not in STRANDED_ENDS
    return open_word(words[-1])


def open_word(word: str) -> bool:
    """A word a label does not end on: a dangling word (``dangling``) or a possessive, which waits for its
    noun ("in Iraq's")."""
    return dangling(word) or word.endswith(("'s", "’s", "s'", "s’"))


def finishes_phrasal_verb(words: Sequence[str]) -> bool:
    """Whether the words end on a particle right after a content word ("still cut off", "were shut
    down"): the end of a phrasal verb, not a preposition left dangling (``phrasal_particles``)."""
    particles = frozenset(load_lexicon("ledger")["phrasal_particles"])
    return len(words) >= 2 and words[-1].lower() in particles and not dangling(words[-2])


def dangling(word: str) -> bool:
    """A word a label does not end on: a function word or a preposition left by a cut. A number word ends
    a phrase ("between the two"): it stays."""
    lower = word.lower()
    if lower in number_lexicon().words:
        return False
    return lower in ledger_lexicon().stopwords or lower in load_lexicon("ledger")["dangling_words"]


def clause_end(text: str, from_word: int = 0) -> int:
    """Where the first clause of ``text`` ends after ``from_word`` words: punctuation or a conjunction, but
    never the full stop of an abbreviation ("Ms.", "U.S.")."""
    abbreviations = label_words()[3]
    for cut in CLAUSE_END.finditer(text):
        if len(WORD.findall(text[: cut.start()])) < from_word:
            continue
        inside_word = text[cut.end() : cut.end() + 1].strip() != ""  # "U.S", "3.5"
        if cut.group() == "." and (inside_word or _is_abbreviation(text[: cut.start()], abbreviations)):
            continue
        return cut.start()
    return len(text)


@cache
def _request_appositive() -> re.Pattern[str]:
    verbs = "|".join(load_lexicon("propositions")["frame_verbs"])
    return re.compile(rf"(\b(?:{verbs})(?:s|es|ed|d)?\s[^,]+?){APPOSITIVE}", re.I)


def keep_request(text: str) -> str:
    """``text`` with the appositive between a request's object and what is asked of it left out, so the
    label keeps what was asked: "the campaign asked the moderator, the host of the night, to check him" →
    "the campaign asked the moderator to check him"."""
    return _request_appositive().sub(r"\1 ", text, count=1)


def _is_abbreviation(before: str, abbreviations: frozenset[str]) -> bool:
    word = ABBREVIATION_BEFORE.search(before)
    return bool(INITIALS_BEFORE.search(before)) or (
        word is not None and word.group(1).lower() in abbreviations
    )
