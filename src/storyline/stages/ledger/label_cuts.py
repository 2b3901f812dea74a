"""Where question labels are cut, by rules every kind of label shares: what a word is, where a clause ends,
and which words a label must not end on. A proposition's content and a quantity's tail are cut by the same
rules, so a cut never leaves "… in the?" or "… in Iraq's?" whichever kind of question it makes;
``eval/series.py`` counts finished labels that do with ``ends_open``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from storyline.lexicons import load_lexicon
from storyline.stages.ledger.grouping import ledger_lexicon
from storyline.stages.quantities import number_lexicon

if TYPE_CHECKING:
    from spacy.tokens import Token

# Words as written, possessives and hyphens kept ("Russia’s", "Suk-yol").
WORD = re.compile(r"\w+(?:[’'-]\w+)*")
# Where a clause ends inside a content: punctuation, or a conjunction/relative word opening the next one.
# A hyphen between spaces is a dash typed ("candidates - Gov. John R. Kasich of Ohio, … - have all been").
# "as" ends a clause ("… as he said"), but not inside the coordination "X as well as Y" (issue #14: "good for
# the U.S. | as well as Mexico" read "Has NAFTA been good for the U.S?")
CLAUSE_END = re.compile(
    r"[,;:.!?()\[\]–—]|\s-\s"
    r"|\s(?:and|but|while|whereas|which|who|because|although|(?<!well\s)as(?!\swell\sas\s))\s"
)
# A pronoun with its auxiliary contracted ("he's", "they’re"): the subject of a clause that opened already.
CONTRACTED = re.compile(r"(?:i|you|he|she|it|we|they|that|there|who|what)['’](?:s|re|ve|m|d|ll)$")
# the last words of a question on an object: its verb ("did it have") or the preposition it strands
# Articles the number lexicon holds as "one" only for "a thousand": elsewhere no figure, nor a phrase's end.
ARTICLES = frozenset({"a", "an"})
# A correlative's opener waits for its pair: "… bothered them either | a lot or a little" cut after "either"
# asks nothing of it (a closed class of English, kept here beside ``ARTICLES``).
CORRELATIVE_OPENERS = frozenset({"either", "neither"})
# Object pronouns end a verb phrase whole ("… said it bothered them"): no dangling word, though stopwords.
# ("her" and "it" are left out: "her" may be a possessive waiting for its noun, "it" a cleft's subject.)
OBJECT_PRONOUNS = frozenset({"them", "him", "us", "me"})
STRANDED_ENDS = frozenset({"for", "of", "to", "with", "on", "from", "have", "do"})
# the auxiliary that opens a question on an object ("did she delete", "would Trump raise taxes on")
OBJECT_AUXILIARIES = frozenset(
    {"did", "does", "do", "would", "will", "could", "can", "should", "might", "may"}
)
# An appositive set off by commas between a request's object and what is asked of it ("asked the mayor, the
# head of the council, to resign"): the first comma would cut the label before what was asked. The
# appositive opens with a determiner and holds no comma; the request verbs are the lexicon's frame verbs.
APPOSITIVE = r",\s+(?:the|a|an|his|her|its|their)\s[^,]{1,100},\s+(?=to\s)"
# Dependents of a verb a label may leave out when cut: its adverbials and what is coordinated with it, not
# its object or complement (``whole_cuts``).
ADJUNCT_DEPS = frozenset({"prep", "advcl", "advmod", "npadvmod", "cc", "conj", "mark", "agent"})
# Dependencies inside a noun phrase: a word of one of these whose head a cut leaves out was cut inside it.
PHRASE_DEPS = frozenset(
    {"det", "amod", "compound", "poss", "nummod", "quantmod", "prep", "cc", "case", "nmod"}
)
# An appositive after a capitalised name, before an auxiliary (``without_appositive``): a determiner first, no
# comma inside.
SUBJECT_APPOSITIVE = re.compile(
    r"(\b[A-Z][\w'’.-]*),\s+(?:a|an|the|another|his|her|its|their)\s[^,]{1,100},\s+"
    r"(?=(?:is|are|was|were|has|have|had|will|would|did|does|do|could|can|should|may|might)\s)"
)
ABBREVIATION_BEFORE = re.compile(r"(?:^|[\s(])([A-Za-z]{1,5})$")
INITIALS_BEFORE = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]?$")
# a name's initial: one capital after a space, its full stop then a capitalised word ("John R. Kasich")
INITIAL_BEFORE = re.compile(r"(?:^|\s)[A-Z]$")
NAME_AFTER = re.compile(r"\s+[A-Z]")


# Words as a chat writes them, a slash kept ("w/", "b/c"): matched against ``chat_shorthand`` as written.
SHORTHAND_WORD = re.compile(r"[\w/]+")


@cache
def label_words() -> tuple[frozenset[str], dict[str, str], frozenset[str], frozenset[str]]:
    data = load_lexicon("ledger")
    abbreviations = load_lexicon("tokens")["abbreviations"]["no_sentence_end"]
    return (
        frozenset(data["auxiliaries"]),
        dict(data["contracted_negations"]),
        frozenset(data["negations"]),
        frozenset(data["label_abbreviations"]) | frozenset(abbreviations),
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


def writes_shorthand(text: str) -> bool:
    """Whether ``text`` holds a chat's shorthand ("ppl n children": ``chat_shorthand``), written in lower
    case: "U.S." and "N. Korea" are no "u" nor "n". A label in such words is no question an analyst reads."""
    shorthand = frozenset(load_lexicon("ledger")["chat_shorthand"])
    return any(word in shorthand for word in SHORTHAND_WORD.findall(text))


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
    a phrase ("between the two"): it stays; not the article "a"/"an", a number only in "a thousand" and an
    article where a label ends on it ("… either a?")."""
    lower = word.lower()
    if lower in number_lexicon().words and lower not in ARTICLES:
        return False
    if lower in CORRELATIVE_OPENERS:
        return True
    if lower in OBJECT_PRONOUNS:
        return False
    return lower in ledger_lexicon().stopwords or lower in load_lexicon("ledger")["dangling_words"]


def whole_cut(text: str, limit: int, minimum: int, reach: int, last: int) -> int | None:
    """How many of ``text``'s words (split at spaces) a label cut near ``limit`` keeps so that it ends on a
    whole phrase (``whole_cuts``): the first such count from ``limit`` to ``limit + reach`` (at most
    ``last``, where its clause ends), else the largest from ``minimum`` below it; None when no cut there
    leaves one. A cut at the word count alone read "… pay any single cent for such a?" and "… was the
    textbook definition?" (issue #14); the clause's own end is no whole phrase when it falls inside one
    ("in their handling of very sensitive | , highly classified information")."""
    cuts = whole_cuts(text)
    ahead = [count for count in range(limit, min(limit + reach, last) + 1) if count in cuts]
    behind = [count for count in range(limit - 1, minimum - 1, -1) if count in cuts]
    found = ahead or behind
    return found[0] if found else None


@lru_cache(maxsize=4096)
def whole_cuts(text: str) -> frozenset[int]:
    """The word counts (words split at spaces) after which ``text`` can be cut leaving whole phrases, as
    the pipeline's parser reads it: no word kept waits for one cut off (its head lies after the cut: "with
    what Trump | said"), and no word cut off completes a kept noun or preposition ("the textbook definition
    | of a racist comment", "for such a | stupid wall") or is a verb's object or complement ("pay | any
    single cent"): only what ``_may_go`` may go; and the kept words do not end on an open word ("… said
    than", "… check it")."""
    from storyline.stages.ledger.evidence import NOT_READ
    from storyline.stages.nlp import parse_without  # the pipeline's parser, loaded once per process

    doc = parse_without(text, NOT_READ)
    starts = [found.start() for found in re.finditer(r"\S+", text)]
    cuts = set()
    for count, boundary in enumerate([*starts[1:], len(text)], start=1):
        kept = [token for token in doc if token.idx < boundary]
        dropped = [token for token in doc if token.idx >= boundary and token.head.idx < boundary]
        if (
            all(token.head.idx < boundary for token in kept)
            and all(_may_go(token) for token in dropped)
            and not open_word((WORD.findall(text[starts[count - 1] : boundary]) or [""])[-1])
        ):
            cuts.add(count)
    return frozenset(cuts)


@lru_cache(maxsize=4096)
def cut_inside_phrase(text: str, count: int) -> bool:
    """Whether cutting ``text`` after ``count`` of its words (split at spaces) leaves a noun phrase or a list
    open, as the pipeline's parser reads it: the last word kept modifies a word cut off (``PHRASE_DEPS``:
    "Carson is a good, | decent man" asked "Is Carson a good?") or a kept noun's conjunct or conjunction is
    cut off ("a battle with Bush, | Christie, Kasich and Cruz", "donations | and State Department contracts").
    A clause cut off ("…, he said", "… and Sanders won") leaves no phrase open."""
    from storyline.stages.ledger.evidence import NOT_READ
    from storyline.stages.nlp import parse_without

    starts = [found.start() for found in re.finditer(r"\S+", text)]
    if not 0 < count < len(starts):
        return False
    boundary = starts[count]
    doc = parse_without(text, NOT_READ)
    kept = [token for token in doc if token.idx < boundary and not token.is_punct]
    if not kept:
        return False
    last = kept[-1]
    if last.head.idx >= boundary and last.dep_ in PHRASE_DEPS:
        return True
    return any(
        token.dep_ in ("conj", "cc")
        and token.head.idx < boundary
        and token.head.pos_ in ("NOUN", "PROPN", "ADJ")
        for token in doc
        if token.idx >= boundary
    )


def _may_go(token: Token) -> bool:
    """Whether a cut may leave out ``token``, whose head it keeps: a verb's adverbial (``ADJUNCT_DEPS``), or
    a noun's or an adjective's prepositional modifier other than an "of" phrase, which completes it
    ("during the campaign | for the nomination", "careless | in their handling" read whole; "the textbook
    definition | of a racist comment" does not)."""
    head = token.head.pos_
    if token.dep_ == "punct" or (token.dep_ in ADJUNCT_DEPS and head in ("VERB", "AUX")):
        return True
    if token.dep_ == "relcl":
        return True  # "the judge | who is handling the case": a clause end the labels cut at already
    return token.dep_ == "prep" and head in ("NOUN", "PROPN", "ADJ") and token.lower_ != "of"


def clause_end(text: str, from_word: int = 0) -> int:
    """Where the first clause of ``text`` ends after ``from_word`` words: punctuation, a dash or a
    conjunction, but never the full stop of an abbreviation ("Ms.", "U.S.") or of a name's initial ("John R.
    Kasich": cut there, a label read "… candidates Gov John R have been clustered?", issue #14)."""
    abbreviations = label_words()[3]
    for cut in CLAUSE_END.finditer(text):
        if len(WORD.findall(text[: cut.start()])) < from_word:
            continue
        inside_word = text[cut.end() : cut.end() + 1].strip() != ""  # "U.S", "3.5"
        if cut.group() == "." and (inside_word or _is_abbreviation(text[: cut.start()], abbreviations)):
            continue
        initial = INITIAL_BEFORE.search(text[: cut.start()]) and NAME_AFTER.match(text, cut.end())
        if cut.group() == "." and initial:
            continue  # "Gov. John R. | Kasich": an initial's full stop, inside the name
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


def without_appositive(text: str) -> str:
    """``text`` without an appositive set off by commas between a name and its verb's auxiliary, so a label
    cut at the word limit keeps what the subject did: "Smith and his partner Rick Jones, another adviser to
    the campaign, were working for the party" → "Smith and his partner Rick Jones were working for the
    party" (issue #14, PolNeAR manafort-shake-up: the label stopped at "… were working?")."""
    return SUBJECT_APPOSITIVE.sub(r"\1 ", text, count=1)


def _is_abbreviation(before: str, abbreviations: frozenset[str]) -> bool:
    word = ABBREVIATION_BEFORE.search(before)
    return bool(INITIALS_BEFORE.search(before)) or (
        word is not None and word.group(1).lower() in abbreviations
    )
