"""Figures that are no count of what happened: a goal, a poll's method, a list's length, a numeral for
things named before, things picked by their place in time ("the last two attacks"). Each is told by the few
words around the figure (lexicons/ledger.toml), before any grouping: a goal ("a target of 500", what a
speaker wants or plans) is a question of its own (``counted.TARGET``), the others answer none
(``counted.make_measures``). A speaker's own plan corroborates nothing others assert either
(``tells_an_intention``, read by ``ledger.status``).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Collection, Mapping
from functools import cache

from storyline.lexicons import load_lexicon
from storyline.records import Claim, Quantity, Question
from storyline.stages.ledger.grouping import WORD, EntitySpans, ledger_lexicon
from storyline.stages.ledger.kinds import is_bare_figure
from storyline.stages.quantities import number_lexicon

LIST_OPENER_WORDS = 2  # words before a figure that may open a list ("list of", "here are")
SELECTION_OPENER_WORDS = 3  # a determiner and a word of order before a figure ("the most recent")
# Between two persons' names in a coordination: "and", perhaps after a comma, with the first person's place
# or the second's title between ("Gov. Chris Christie of New Jersey, Jeb Bush and Mr. Rubio", "Mike Huckabee
# and former Pennsylvania senator Rick Santorum"); a few words, no break.
COORDINATED = re.compile(r"(?:\s+of\s+[A-Z][\w.’' ]{0,25})?,?\s+(?:and|&)\s+(?:[^\W\d][\w.’']*\s+){0,4}")
# From a coordination's last name to the figure: its predicate, in one clause (an appositive's comma or dash
# may close the subject: "Huckabee and Santorum, won just 3 percent"), no further name.
SUBJECT_TO_FIGURE = re.compile(r"\s*[,\u2013\u2014-]?\s*[a-z][a-z’' ]{0,60}\s")
# Words that tell a figure held together ("won just 3 percent between them", "a combined 40 seats").
JOINT_WORDS = frozenset({"collectively", "combined", "together", "jointly", "between"})
# How far after a figure "respectively" may stand (characters).
JOINT_AFTER_REACH = 60
# A figure is a target when a target word lies this many words before it at most ("goal of releasing").
TARGET_REACH = 4
# Where a sentence ends inside a claim: a first-person wish is read in the figure's own sentence only.
SENTENCE_END = re.compile(r"[.!?]\s")
# A figure right after a word of method (at most this many words) is a poll's sample or margin of error.
METHOD_REACH = 2
# Where a phrase of method begins: the last comma, semicolon, colon, dash or bracket before its figure.
PHRASE_BREAK = re.compile(r"[,;:()\u2013\u2014]")
# A numeral glued after a word by a hyphen names or is an idiom ("high-five", "F-16", "COVID-19"), and one in
# digits after an indefinite article labels a thing of its kind ("a 911 caller", "a 747 jet"): neither counts.
HYPHENED_TO_A_WORD = re.compile(r"[^\W\d_]-$")
INDEFINITE_ARTICLES = frozenset({"a", "an"})
# digits, then a space and a noun: "a 10-point lead" and "a 1,000 strong crowd" are no labels
# Three numbers or more joined by hyphens name a plan, a formation or a phone code ("the 3-2-1 strategy", "a
# 4-3-3 formation", "9-1-1"); two are a score or a vote ("a 5-4 ruling") and stay.
NUMBER_CHAIN = re.compile(r"\d+(?:[-\u2013]\d+){2,}")
# A sum right before "question" is the idiom "the $64,000 question" (what matters most): no money named.
IDIOM_AFTER_SUM = re.compile(
    r"\S*\d[\d,.]*(?:\s+(?:thousand|million|billion))?[\s-]+question\b", re.IGNORECASE
)
LABEL_DIGITS = re.compile(r"\d+\s+[^\W\d_]")
# A window of a run of things: its latest or first members ("the past 19 contests", "the last 10").
WINDOW = r"of\s+(?:the|their|its|his|her)\s+(?:past|last|previous|first|next|latest|final)\s+"
# A figure that counts a part of such a window, from its own first word ("13 | of the past 19 contests").
PART_OF_WINDOW = re.compile(rf"\S+\s+{WINDOW}\S", re.IGNORECASE)
# The words before a window's own figure ("13 of the past | 19 contests").
WINDOW_BEFORE = re.compile(rf"\b{WINDOW}$", re.IGNORECASE)
# A part no number gives, then "of" and the whole's determiner or possessor, right before a figure: "a
# majority of the state's | 20 delegates", "most of the | 300 workers", "the rest of its | 40 seats"; with
# neither the figure may be what the clause counts ("the sample was part of 3 million records copied").
WORDED_PART_BEFORE = re.compile(
    r"\b(?:majority|minority|half|most|bulk|rest|remainder|none|portion|fraction|part)\s+of\s+"
    r"(?:(?:the|its|their|his|her|our)\s+(?:[^\W\d_][\w.-]*[’']s\s+)?|[^\W\d_][\w.-]*[’']s\s+)$",
    re.IGNORECASE,
)
# A share of a group a pronoun stands for: "Nearly 10 percent | of them voted".
OF_A_PRONOUN = re.compile(r"\s+of\s+(?:them|us|you)\b", re.IGNORECASE)
# A sentence whose subject is a bare pronoun, then its verb, up to a share's figure: "Both are about | 10
# points higher than in 2004".
PRONOUN_SUBJECT = re.compile(
    r"(?:both|they|it|these|those|each)\s+(?:are|is|were|was|have|has|had|remain|remains|stood|stand)\s+"
    r"(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)
# A hyphen and a letter right after a figure's noun: the noun opens a compound modifier ("99 winner-take-all
# primary"), and is no noun the figure counts.
COMPOUND_AFTER = re.compile(r"-[^\W\d_]")
# A condition in the past perfect before a figure in its sentence: what did not happen ("If Sanders had won
# half of the coin tosses and split the six delegates three and three …").
COUNTERFACTUAL = re.compile(r"\bif\s+[^.;!?]{0,60}?\bhad\b", re.IGNORECASE)
# Units of a share or of a gap between shares.
SHARE_UNITS = frozenset({"percent", "point"})


def words_before(claim: Claim, quantity: Quantity, reach: int = TARGET_REACH) -> list[str]:
    """The claim's last ``reach`` words before the figure, lower-cased."""
    return [w.lower() for w in WORD.findall(claim.text[: max(0, quantity.start - claim.start)])[-reach:]]


def is_target(claim: Claim, quantity: Quantity) -> bool:
    """A goal, not a count: a target word among the few words before the figure ("goal of releasing"), or
    a cue of what the speaker wants or plans (``target_cues``: "wants to distribute … to 10,000
    households")."""
    if tells_an_intention(claim):
        return True
    # the figure's own sentence only: "I hope so. Police found 300 bicycles" reports a count
    sentence = SENTENCE_END.split(claim.text[: max(0, quantity.start - claim.start)])[-1]
    if _first_person_wish().search(sentence):
        return True
    return any(word in ledger_lexicon().target_words for word in words_before(claim, quantity))


@cache
def target_cues() -> frozenset[str]:
    """The cues of what a speaker wants, plans or means to do (``target_cues`` of the lexicon)."""
    return frozenset(load_lexicon("ledger")["target_cues"])


def tells_an_intention(claim: Claim) -> bool:
    """Whether the claim's cue tells what its speaker wants, plans or means to do (``target_cues``): a
    figure in it is a goal (``is_target``), and a proposition it states is the speaker's plan, which
    corroborates nothing others assert (``status.corroborating``)."""
    return " ".join(claim.cue.lower().split()) in target_cues()


@cache
def _first_person_wish() -> re.Pattern[str]:
    """A quoted speaker's own wish before a figure ("I hope you're able to find the 30,000 emails that are
    missing"): what the speaker wants found or done, no count the speaker reports (issue #14, PolNeAR
    dnc-email-leak: Trump's call on Russia read as a count of the leaked emails). The cue is inside the
    content, so ``claim.cue`` (the reporting verb) does not carry it."""
    cues = "|".join(sorted(target_cues(), key=len, reverse=True))
    return re.compile(rf"\b(?:I|[Ww]e)\s+(?:really\s+|just\s+|do\s+)?(?:{cues})\b")


def is_method(claim: Claim, quantity: Quantity) -> bool:
    """How a finding was made, not a finding: a poll's sample size or margin of error (``method_words``)
    right before the figure ("sample of 1,001", "plus or minus 4"; not "the sample was part of 3 million
    records", a demo claim whose figure is the finding), or any figure of a phrase of method."""
    before = words_before(claim, quantity, METHOD_REACH)
    return any(word in ledger_lexicon().method_words for word in before) or _in_method_phrase(claim, quantity)


def numbers_a_list(claim: Claim, quantity: Quantity, unit: str) -> bool:
    """A list's length, no count: a figure of list items ("nine particularly outrageous things he had
    said") or one right after the words that open a list ("our list of 9", "here are five": ``list_openers``).
    An outlet's selection of examples is as long as it chose; nobody reports or disputes how many there are
    (issue #14)."""
    lexicon = load_lexicon("ledger")
    before = " ".join(words_before(claim, quantity, LIST_OPENER_WORDS))
    return unit in lexicon["list_item_units"] or any(
        re.search(rf"(?:^|\s){re.escape(opener)}$", before) for opener in lexicon["list_openers"]
    )


def picks_by_order(claim: Claim, quantity: Quantity) -> bool:
    """Things picked out by their place in time, no count: a figure right after a determiner and a word of
    order ("the last two terrorist attacks", "her first three debates": ``selection_determiners``,
    ``selection_orders``). The speaker chose how many to name; nobody reports or disputes how many there are
    (issue #14)."""
    before = " ".join(words_before(claim, quantity, SELECTION_OPENER_WORDS))
    return _selection_opener().search(before) is not None


@cache
def _selection_opener() -> re.Pattern[str]:
    """A determiner and a word of order ending the words before a figure, as one pattern: a search per pair
    of them, for every figure, was a quarter of the count measures' time in the ledger's tail (cProfile)."""
    lexicon = load_lexicon("ledger")
    determiners = "|".join(re.escape(determiner) for determiner in lexicon["selection_determiners"])
    orders = "|".join(re.escape(order) for order in lexicon["selection_orders"])
    return re.compile(rf"(?:^|\s)(?:{determiners}) (?:{orders})$")


def stands_for_named(claim: Claim, quantity: Quantity) -> bool:
    """A numeral standing for things named before it, no count: a bare figure right after a determiner
    (``pronoun_determiners``) that no noun follows, only a break or "of" ("emails between the two,
    comprising …", "the three of them")."""
    before = words_before(claim, quantity, 1)
    if not (is_bare_figure(quantity.text) and before and before[0] in ledger_lexicon().pronoun_determiners):
        return False
    following = claim.text[quantity.end - claim.start :].lstrip()
    return not following[:1].isalnum() or following.lower().startswith("of ")


def held_jointly(claim: Claim, quantity: Quantity, spans: EntitySpans, persons: Collection[str]) -> bool:
    """A figure whose subject is a coordination of persons ("Collectively, Jeb Bush, John Kasich and Chris
    Christie collected just 7 percent", "Huckabee and Santorum won 3 percent between them"): what they
    hold together, or each of them, never one holder's value; the label's holder would be the last name
    alone (issue #14, PolNeAR iowa-caucus-results: Christie's "7 percent"). The two persons named last
    before the figure are joined by "and" (``COORDINATED``), and no sentence or clause break parts the
    second from the figure. A share, or a figure its sentence says they hold together (``JOINT_WORDS``);
    "respectively" after it gives each their own value, which no label can say."""
    figure = quantity.start - claim.start
    joint_words = JOINT_WORDS & {word.lower() for word in WORD.findall(claim.text)}
    if quantity.unit != "percent" and not joint_words:
        return False  # "Trump and Clinton meet for the first of three debates": no value either holds
    named = sorted(
        (start - claim.start, end - claim.start)
        for start, end, entity in spans.get(claim.article, [])
        if entity in persons and claim.start <= start and end <= quantity.start
    )
    if len(named) < 2:
        return False
    (_, first_end), (second_start, second_end) = named[-2], named[-1]
    joined = COORDINATED.fullmatch(claim.text[first_end:second_start]) is not None
    to_figure = claim.text[second_end:figure]
    respectively = "respectively" in claim.text[quantity.end - claim.start :].lower()[:JOINT_AFTER_REACH]
    return joined and SUBJECT_TO_FIGURE.fullmatch(to_figure) is not None and not respectively


def counts_in_a_window(claim: Claim, quantity: Quantity) -> bool:
    """A figure of a window of a run ("Clinton has won 13 of the past 19 contests"): the part counts only
    within the window and the window's size is no count of what the verb says (19 contests were not won);
    a label keeps neither's window ("How many contests did Clinton win?" for 13 read as her total, issue
    #14, PolNeAR clinton-clinches-sanders-holdout), so neither answers a question."""
    figure = quantity.start - claim.start
    return (
        PART_OF_WINDOW.match(claim.text, figure) is not None
        or WINDOW_BEFORE.search(claim.text[:figure]) is not None
    )


def whole_of_a_worded_part(claim: Claim, quantity: Quantity) -> bool:
    """A figure that is the whole a part in words is taken from ("hands her a majority of the state's 20
    pledged delegates", "most of the 300 workers were laid off"): the verb tells of the part, whose size
    no figure gives, so the figure answers no question the sentence asks (issue #14, PolNeAR
    clinton-clinches-sanders-holdout: South Dakota's 20 delegates stood as a rival to the 67 Clinton
    needed, a contest no one held)."""
    return WORDED_PART_BEFORE.search(claim.text[: quantity.start - claim.start]) is not None


def share_of_a_pronoun(claim: Claim, quantity: Quantity) -> bool:
    """A share, or a gap of shares, of a group only a pronoun names: "Nearly 10 percent of them voted for
    Carson", or its sentence's subject ("Both are about 10 points higher than in 2004"). No label can say
    of whom the share is ("What share of them …?", "How many points higher?", issue #14, PolNeAR
    iowa-caucus-results, where the latter stood as one answer with another sentence's 10-point gap between
    two candidates), so it answers no question; "10 percent of those polled" names its group and stays."""
    if quantity.unit not in SHARE_UNITS:
        return False
    if OF_A_PRONOUN.match(claim.text, quantity.end - claim.start) is not None:
        return True
    figure = quantity.start - claim.start
    opening = max((match.end() for match in SENTENCE_END.finditer(claim.text, 0, figure)), default=0)
    return PRONOUN_SUBJECT.fullmatch(claim.text, opening, figure) is not None


def counts_a_compounds_head(claim: Claim, quantity: Quantity) -> bool:
    """A figure whose noun is the first part of a hyphened modifier ("Trump clinched Florida's 99
    winner-take-all primary", the text leaving out "delegates"): the quantities stage took "winner" for
    what is counted and "How many winner take-all primary?" asked for 99 (issue #14, PolNeAR
    lewandowski-fields-battery). What the figure counts is not said where it stands, so it answers no
    question. A number word glued on ("a 5 million-strong crowd") is no noun and is left to the others."""
    words = [word.lower() for word in WORD.findall(quantity.text)]
    numbers = number_lexicon()
    if not words or not words[-1].isalpha() or words[-1] in numbers.words or words[-1] in numbers.scales:
        return False
    return COMPOUND_AFTER.match(claim.text, quantity.end - claim.start) is not None


def in_a_counterfactual(claim: Claim, quantity: Quantity) -> bool:
    """A figure of what would have been: after a condition in the past perfect in its own sentence ("If
    Sanders had won half of the coin tosses and split the six delegates three and three with Clinton, he
    would have finished ahead"), what did not happen. "How many delegates with Clinton?" asked 3 as a count
    (issue #14, PolNeAR iowa-caucus-results); no question is answered by it."""
    figure = quantity.start - claim.start
    opening = max((match.end() for match in SENTENCE_END.finditer(claim.text, 0, figure)), default=0)
    return COUNTERFACTUAL.search(claim.text, opening, figure) is not None


def names_a_thing(claim: Claim, quantity: Quantity) -> bool:
    """A numeral that names, no count: one glued by a hyphen to the word before it ("took time to high-five
    passersby", "an F-16 crashed") or digits and a noun of no measure after "a"/"an" ("a 911 caller told
    a dispatcher", "a 747 jet landed"). A count after an indefinite article is a word ("a hundred
    protesters"), and a measure takes a hyphen or a unit ("a 10-point lead", "a 5 percent cut"). Issue
    #14, PolNeAR police-shootings: "How many passersby …?" answered 5, "How many caller …?" 911. A numeral
    in a chain of three or more ("the 3-2-1 strategy") and a sum in "the $64,000 question" name, too (PolNeAR
    new-hampshire-primary, scored unseen: both were asked as counts)."""
    before = claim.text[: max(0, quantity.start - claim.start)]
    if HYPHENED_TO_A_WORD.search(before) or _in_a_number_chain(claim, quantity):
        return True
    if IDIOM_AFTER_SUM.match(claim.text, quantity.start - claim.start):
        return True
    return (
        LABEL_DIGITS.match(quantity.text) is not None
        and quantity.unit not in _measure_units()
        and not INDEFINITE_ARTICLES.isdisjoint(words_before(claim, quantity, 1))
    )


def _in_a_number_chain(claim: Claim, quantity: Quantity) -> bool:
    """Whether the figure lies inside three or more numbers joined by hyphens ("3-2-1")."""
    figure = (quantity.start - claim.start, quantity.end - claim.start)
    return any(
        chain.start() <= figure[1] and figure[0] <= chain.end() for chain in NUMBER_CHAIN.finditer(claim.text)
    )


@cache
def _measure_units() -> frozenset[str]:
    """The unit classes (``units.toml``): "a 10 percent cut", "a 5 mile walk" measure, naming nothing."""
    return frozenset(load_lexicon("units")["classes"])


def _in_method_phrase(claim: Claim, quantity: Quantity) -> bool:
    """Whether the figure lies in a phrase set off by a comma that opens on a word of method
    (``method_openers``: "…, using an average of the four latest polls in 9 states"): the phrase runs
    from the last break before the figure."""
    phrase = PHRASE_BREAK.split(claim.text[: max(0, quantity.start - claim.start)])[-1]
    opening = " ".join(word.lower() for word in WORD.findall(phrase)[:2])
    return any(f"{opening} ".startswith(f"{opener} ") for opener in _method_openers())


@cache
def _method_openers() -> frozenset[str]:
    return frozenset(load_lexicon("ledger")["method_openers"])


def with_bounds_said(question: Question, claims: Mapping[str, Claim]) -> Question:
    """The question with its reason saying which values were said as ceilings ("less than 100") or loosely
    ("nearly 400"), as it says floors: a value every figure of which carries such words is no exact answer
    (issue #14: "less than 100 still uncommitted" stood as a bare 100)."""
    ceilings: list[str] = []
    loose: list[str] = []
    upper, approximate = _bound_words()
    for position in question.positions:
        figures = [
            quantity.text.lower()
            for claim_id in position.claims
            if claim_id in claims
            for quantity in claims[claim_id].quantities
            if position.value is not None and quantity.value == position.value
        ]
        for words, found in ((upper, ceilings), (approximate, loose)):
            said = [next((w for w in words if text.startswith(w + " ")), None) for text in figures]
            if figures and all(said) and said[0] is not None:
                found.append(f"{said[0]} {position.value:,g}")
    kinds = (("ceilings", ceilings), ("approximate", loose))
    notes = [f"{kind} ({', '.join(found)})" for kind, found in kinds if found]
    if not notes:
        return question
    return dataclasses.replace(question, status_reason=f"{question.status_reason}; {'; '.join(notes)}")


@cache
def _bound_words() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """``upper_bounds`` and ``approximate_words`` of ``lexicons/ledger.toml``, longest first."""
    lexicon = load_lexicon("ledger")
    return tuple(sorted(lexicon["upper_bounds"], key=len, reverse=True)), tuple(
        sorted(lexicon["approximate_words"], key=len, reverse=True)
    )
