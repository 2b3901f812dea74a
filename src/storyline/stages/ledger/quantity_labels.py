"""Quantity question labels: "How many <counted noun phrase as worded> <what follows it in the clause>?"
("How many special forces to the war in Ukraine?"). The noun phrase is the quantity's own words after the
number ("about 11,000 North Korean infantrymen" → "North Korean infantrymen"); a share reads "What share
<what follows>?", an amount of money "How much money <what follows>?" or, when its figure names what the
money is ("an improper $25,000 contribution"), "How much was the contribution <what follows>?", a speed
(a distance per a time unit) "What speed <what follows>?" and any other rate "How many tonnes per hour
…?"; the tail stops before the next number ("to 41" says nothing of what is counted). The words come
from the claim, so a label reads as the outlets wrote it; a label left without a verb gains one in
``label_predicates``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from storyline.lexicons import load_lexicon
from storyline.records import Claim, Quantity
from storyline.stages.ledger.grouping import TOKEN_MARK
from storyline.stages.ledger.label_cuts import WORD, clause_end, finishes_phrasal_verb, open_word
from storyline.stages.ledger.plurals import plural
from storyline.stages.ledger.shares import OFFER, STAKE
from storyline.stages.quantities import CURRENCY_UNITS, number_lexicon, ranked_groups_in

MONEY_OPENER = "How much money"
# An amount whose figure names what the money is ("an improper $25,000 contribution"): "How much was the
# contribution from …?" says what is asked, where "How much money from …?" left the contribution out.
NAMED_MONEY_OPENER = "How much was the"
PRESENT_MONEY_OPENER = "How much is the"  # "the true bill would be well over EUR 120 million"
SPEED_OPENER = "What speed"
SHARE_OPENER = "What share"
OPENERS = {"percent": SHARE_OPENER, "money": MONEY_OPENER}
# Words of a quantity label's tail: enough to say what is counted, short enough to scan.
TAIL_WORDS = 8
# a money or count label whose tail opens with a comparative: "How much money more was …"
COMPARATIVE_AFTER_NOUN = re.compile(
    r"^(?P<opener>How (?:much|many)) (?P<noun>money|[a-z]+) (?P<comparative>more|less|fewer) "
)
TAIL_REACH = 4  # words a quantity label's tail may run past TAIL_WORDS to finish a phrase
MIN_SHARE_WORDS = 2
# A head word shorter than this is a symbol ("km", "kg") whose plural is itself.
MIN_PLURAL_LETTERS = 3
# The words that join a fraction to its scale in one hyphenated number ("quarter-of-a-million").
FRACTION_LINKS = frozenset({"of", "a", "an"})
# A count of one as written: its noun is in the singular ("one man"), a label's in the plural.
ONE = frozenset({"one", "1"})
# Time expressions of a day or a time of one ("on Tuesday", "Thursday morning"), and a preposition left at
# the end of the words before one ("… at their posts on"), for ``_days_left_out``.
DAY_PRECISIONS = frozenset({"day", "time"})
# The dates whose numbers are no next figure in a tail: a day's, and a month's with its year ("paid …
# between June 2012 and April 2014": the year stopped the tail at "between June?", issue #14)
PERIOD_BOUND_PRECISIONS = DAY_PRECISIONS | {"month"}
DAY_PREPOSITION_END = re.compile(r"\s*\b(?:on|by|as of|at|from|until|till)\s*$", re.I)
# The "and" that closes a "between" right after a clause's cut ("between January | and June 30").
BETWEEN_CLOSER = re.compile(r"\sand\s")
# A tail's first word that opens a relative clause: its antecedent is not in the label (issue #14).
# prepositions that open the phrase a coordination of names cut at "and" belongs to, and how far back one is
PHRASE_PREPOSITIONS = frozenset(
    {"for", "to", "of", "in", "on", "with", "from", "at", "by", "against", "into"}
)
COORDINATED_REACH = 6
# a relative pronoun, its verb and at most three more words right before a figure ("that reaches up to |
# 30 feet"): the figure is that verb's object (``antecedents_verb_after``)
RELATIVE_OBJECT_BEFORE = re.compile(r"\b(?:that|which|who)\s+[a-z]+(?:\s+[\w’'-]+){0,3}\s+$")
FINITE_VERB_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
RELATIVE_TAIL_CHARS = 40  # characters after the figure tagged to find whether a verb follows it
RELATIVE_WORDS = frozenset({"that", "which", "who", "whom", "whose"})
# A share told as a fraction of a named whole ("three of four Americans", ``quantities.not_counts``): the
# whole is what the share is of.
FRACTION_WHOLE = re.compile(r"^\S+ (?:of|in) \S+ (?P<whole>[^\W\d_][\w’'-]*(?: [^\W\d_][\w’'-]*)*)$")
# The words right before the whole of a partitive ("Twenty-three | of the | 53 wounded remained …"): the part
# they open is a figure of its own, and the verb after the whole is the part's.
WHOLE_OF_PART_BEFORE = re.compile(r"(?P<part>\S+)\s+of\s+the\s+$", re.I)
HOLDER_VERB_WORDS = 3  # words of a verb between a share's holder and the share ("the top 1 percent [paid]")


def noun_phrase(quantity: Quantity) -> str:
    """The quantity's words after its number, scale words ("thousand") and approximators left out."""
    lexicon = number_lexicon()
    skip = set(lexicon.words) | set(lexicon.scales) | {w for words in lexicon.approximators for w in words}
    words = WORD.findall(quantity.text)
    # "Fifty-two" is one word of WORD, a number all the same; so is "quarter-of-a-million", a scale's
    # fraction (the label asked "How many quarter-of-a-million people …?", issue #14)
    fraction = set(lexicon.scale_fractions) | FRACTION_LINKS
    numbered = [
        i
        for i, word in enumerate(words)
        if word[0].isdigit()
        or (parts := set(word.lower().split("-"))) <= skip
        or (parts & set(lexicon.scales) and parts <= skip | fraction)
    ]
    rest = words[numbered[-1] + 1 :] if numbered else words
    phrase = " ".join(word for word in rest if word.lower() not in skip)
    rate = rate_of(quantity.unit)
    if rate is not None:
        return _rate_noun(phrase, rate[1])
    # "10 of Clinton's senior staffers" counts some of them: "How many of Clinton's senior staffers …?"
    # ("two of its members", written in words, too)
    counted = len(numbered) > 1 and (
        words[numbered[-2]][0].isdigit() or words[numbered[-2]].lower() in lexicon.words
    )
    partitive = counted and words[numbered[-1]].lower() == "of"
    if numbered and words[numbered[-1]].lower() in ONE and phrase and not partitive:
        phrase = _plural_head(phrase)  # "one man still missing" asks "How many men …?"
    return f"of {phrase}" if partitive and phrase else phrase


def _plural_head(phrase: str) -> str:
    """The noun phrase with its last word in the plural ("man" → "men", "boat" → "boats", "facility" →
    "facilities"; ``irregular_plurals``)."""
    *before, head = phrase.split()
    if not head.isalpha() or not head.islower() or len(head) < MIN_PLURAL_LETTERS:
        return phrase  # "1 km", "one BBC": a symbol or a name has no plural to make
    irregular: dict[str, str] = load_lexicon("ledger")["irregular_plurals"]
    plural = irregular.get(head.lower()) or _plural(head)
    return " ".join([*before, plural])


def rate_of(unit: str) -> tuple[str, str] | None:
    """("km", "h") for the rate class "km/h" (``quantities``: a unit per a time unit); None for any other."""
    per, slash, time = unit.rpartition("/")
    return (per, time) if slash and per and time in number_lexicon().rate_times.values() else None


def is_speed(unit: str) -> bool:
    """Whether the unit is a distance per a time ("km/h"): a speed, asked "What speed …?"
    (``speed_units``)."""
    rate = rate_of(unit)
    return rate is not None and rate[0] in load_lexicon("ledger")["speed_units"]


def rate_written(text: str) -> int:
    """How many characters at the start of ``text`` write a rate's time unit after its figure ("/h in the
    afternoon" → 2, " per hour" → 9): the figure's span ends before them ("70 km"), and a tail reading them
    asked "How many km h …?". 0 when none do."""
    lexicon = number_lexicon()
    # a word between unit and time ("per", "an") needs a space after it; a sign ("/") does not
    spaced = {word: r"\s+" if word.isalpha() else r"\s*" for word in lexicon.rate_words}
    between = "|".join(re.escape(word) + space for word, space in spaced.items())
    times = "|".join(sorted(map(re.escape, lexicon.rate_times), key=len, reverse=True))
    found = re.match(rf"\s*(?:{between})(?:{times})s?\b", text, re.I)
    return found.end() if found else 0


def _rate_noun(phrase: str, time: str) -> str:
    """ "tonnes per hour" for a rate written "tonnes/h" or "tonnes an hour": its unit's words, its time unit
    in words (``rate_time_words``)."""
    words = phrase.split()
    lexicon = number_lexicon()
    if words and (words[-1].lower() in lexicon.rate_times or words[-1].lower()[:-1] in lexicon.rate_times):
        words.pop()  # the span held the time unit ("km h" from "70 km/h")
        if words and words[-1].lower() in lexicon.rate_words:
            words.pop()
    time_words: dict[str, str] = load_lexicon("ledger")["rate_time_words"]
    return " ".join([*words, "per", time_words.get(time, time)])


def _tail(claim: Claim, quantity: Quantity, without_days: bool = False, counted: bool = True) -> str:
    """What the clause says after the quantity ("to the war in Ukraine"), up to a clause end or the next
    number; ``without_days``: the day it names left out (``_days_left_out``). ``counted``: a count's tail
    also stops before an adverbial clause, since ``with_predicate`` then asks the counted noun's own verb;
    a share's or an amount's label gains no verb, and one left without a tail is dropped as asking nothing
    (the demo's position accuracy fell 0.732 → 0.720 when they were cut too)."""
    after = claim.text[quantity.end - claim.start :]
    if counted and antecedents_verb_after(
        claim.text[: max(0, quantity.start - claim.start)], quantity, after
    ):
        return ""
    after = after[rate_written(after) :] if rate_of(quantity.unit) else after
    after = _days_left_out(claim, quantity, after) if without_days else after
    # with its days left out ``after`` no longer stands at article offsets, which the claim's times are in
    clause_cut = clause_end(after) if without_days else _clause_end_past_between(claim, quantity.end, after)
    cut = min(
        clause_cut, subordinate_clause(after) if counted else len(after), _part_verb(claim, quantity, after)
    )
    clause = WORD.findall(after[:cut])
    clause = clause[: _before_coordinated_name(after, cut, clause)]
    words = clause[:TAIL_WORDS]
    # a cut at the word limit inside a phrase ("were upgraded to | the Secret level") runs to the phrase's
    # end when it is near: dropping "to" would say the messages were upgraded, not to what
    if len(clause) > TAIL_WORDS and open_word(words[-1]) and len(clause) <= TAIL_WORDS + TAIL_REACH:
        words = clause
    dates = set() if without_days else _date_words(claim, quantity.end, after[:cut])
    numbered = [i for i, word in enumerate(words) if word[0].isdigit() and i not in dates]
    whole = not numbered and len(words) == len(clause)  # the clause's own end, not a cut
    words = words[: numbered[0]] if numbered else words
    if whole and finishes_phrasal_verb(words):
        return " ".join(words)  # "still cut off": the particle is the verb's
    while words and open_word(words[-1]):  # "… to the war in Ukraine to" ends on a content word
        words.pop()
    return " ".join(words)


def antecedents_verb_after(before: str, quantity: Quantity, after: str) -> bool:
    """Whether a figure is the object of a relative clause's verb that ``before`` (the claim's words before
    it) ends on, and ``after`` (the words after it) opens on a finite verb: "the fence here that reaches up
    to | 30 feet | has done little to deter smugglers". That verb is the antecedent's, and "How many feet has
    done little …?" lost what did it (issue #14); the figure's own modifiers ("who held | three events |
    across Iowa") stay."""
    found = RELATIVE_OBJECT_BEFORE.search(before)
    if found is None or not after.strip():
        return False
    from storyline.stages.nlp import load_nlp

    opening = found[0].strip()
    tokens = load_nlp()(f"{opening} {quantity.text} {after.strip()[:RELATIVE_TAIL_CHARS]}")
    figure_end = len(opening) + 1 + len(quantity.text)
    following = next((token for token in tokens if token.idx > figure_end), None)
    # "said that more than | 30 barns were lost" opens a complement whose subject the figure is: the word
    # after the pronoun must be a finite verb as well
    return tokens[1].tag_ in FINITE_VERB_TAGS and following is not None and following.tag_ in FINITE_VERB_TAGS


def _part_verb(claim: Claim, quantity: Quantity, after: str) -> int:
    """Where in ``after`` (the words after the figure) the verb of the part it is the whole of begins
    ("Twenty-three of the 53 wounded | remained hospitalized"), or its length: what the verb says is true
    of the 23, and the whole's label reading it asked "How many people wounded remained hospitalized?" of
    the 53 (issue #14, PolNeAR orlando-shooting-response). The part's verb is its own figure's predicate."""
    found = WHOLE_OF_PART_BEFORE.search(claim.text[: max(0, quantity.start - claim.start)])
    if found is None:
        return len(after)
    part_start = claim.start + found.start("part")
    predicates = [
        part.predicate
        for part in claim.quantities
        if part.start <= part_start < part.end and part.predicate and not part.predicate.startswith("did ")
    ]
    at = after.find(f" {predicates[0]}") if predicates else -1
    return at if at >= 0 else len(after)


def _clause_end_past_between(claim: Claim, offset: int, text: str) -> int:
    """``label_cuts.clause_end`` of ``text`` (which starts at article offset ``offset``), read past the
    "and" that closes a "between" to the end of the date after it ("raised between January | and June 30"
    read "… between January?", a period without its end: issue #14)."""
    cut = clause_end(text)
    kept = [word.lower() for word in WORD.findall(text[:cut])]
    conjunction = BETWEEN_CLOSER.match(text[cut:])
    if "between" not in kept or conjunction is None or "and" in kept[kept.index("between") :]:
        return cut
    second = cut + conjunction.end()
    ends = [time.end - offset for time in claim.times if time.start - offset == second]
    return max(ends) if ends else cut


def _date_words(claim: Claim, offset: int, text: str) -> set[int]:
    """The indexes of ``text``'s words (``WORD``; ``text`` starts at article offset ``offset``) that lie
    in one of the claim's days or months ("June 2012"): "June 30" dates the clause, and its number is no
    next figure to stop a tail at. A duration's ("in the 72 hours since …") still is: it measures, and the
    tail stops before it; so is a year's ("in 2014"), which ``_of_former_year`` puts after the label's
    verb."""
    spans = [
        (time.start - offset, time.end - offset)
        for time in claim.times
        if time.type == "DATE" and time.precision in PERIOD_BOUND_PRECISIONS
    ]
    return {
        index
        for index, found in enumerate(WORD.finditer(text))
        if any(start <= found.start() and found.end() <= end for start, end in spans)
    }


def subordinate_clause(text: str) -> int:
    """Where an adverbial clause opens in a quantity's tail ("detained 64 people | after thousands of
    protesters blocked …"), or the text's length: that clause's verb is not what happened to the counted
    thing, and a label reading it as one garbles (issue #14; ``tail_subordinators``)."""
    subordinators = load_lexicon("ledger")["tail_subordinators"]
    found = re.search(rf"(?:^|\s)(?:{'|'.join(subordinators)})\s", text, re.I)
    return found.start() if found else len(text)


def _before_coordinated_name(text: str, cut: int, words: Sequence[str]) -> int:
    """How many of the tail's ``words`` stay when it was cut at "and"/"or" inside a noun phrase that
    coordinates names: the phrase's noun lies past the cut, so the phrase goes with the preposition that
    opens it. "in the Dundgowi | and Ömnögowi provinces" would read "in the Dundgowi", "for a joint Defense
    Department | and Israel Defense Forces tunnel-detection project" asked of the Defense Department alone
    (issue #14); a shorter label asks less but nothing false."""
    conjunction = re.match(r"\s(?:and|or)\s+(?P<next>\S)", text[cut:])
    if conjunction is None or len(words) < 2 or not words[-1][:1].isupper():
        return len(words)
    if words[-2].lower() == "the":
        return len(words) - 2  # the preposition before "the" is a dangling word the tail drops after
    if not conjunction["next"].isupper():
        return len(words)
    reach = range(len(words) - 1, max(-1, len(words) - 1 - COORDINATED_REACH), -1)
    opener = next((index for index in reach if words[index].lower() in PHRASE_PREPOSITIONS), None)
    return len(words) if opener is None else opener


def _days_left_out(claim: Claim, quantity: Quantity, after: str) -> str:
    """``after`` (the content after the figure) without the days it names and the preposition before each
    ("were at their posts on Tuesday, compared with …" → "were at their posts, compared with …"): a
    question whose values are of several days is no question of one of them (issue #17: the strike story's
    management count, 1,900 → 610 over four days, read "How many employees were at their posts on
    Tuesday?")."""
    day_times = sorted(
        (time for time in claim.times if time.start >= quantity.end and time.precision in DAY_PRECISIONS),
        key=lambda time: time.start,
        reverse=True,
    )
    for time in day_times:
        start, end = time.start - quantity.end, time.end - quantity.end
        if end <= len(after):
            after = DAY_PREPOSITION_END.sub("", after[:start]) + after[end:]
    return after


def _plural(noun: str) -> str:
    """The unit's plural as a label shows it: its display name (``units.display``) in the plural."""
    display: dict[str, str] = load_lexicon("units")["display"]
    return plural(display.get(noun, noun))


def quantity_label(
    unit: str,
    claims_and_quantities: Sequence[tuple[Claim, Quantity]],
    order: list[int],
    several_days: bool = False,
) -> tuple[str, bool]:
    """ "How many/much …?" / "What share …?" / "What speed …?" from the most central figure whose quantity
    names what it counts, and whether the label says more than the unit (a bare "How many emails?" asks
    nothing). ``several_days``: the figures are values of several days, so the label names none of them."""
    claim, quantity = claims_and_quantities[order[0]]
    if is_speed(unit):
        # "What speed in the afternoon?": ``with_predicate`` adds what reached it ("did winds reach")
        tail = _tail(claim, quantity, several_days)
        return f"{SPEED_OPENER} {tail}?" if tail else f"{SPEED_OPENER}?", bool(tail)
    kind = "money" if unit in CURRENCY_UNITS else unit
    opener = OPENERS.get(kind, "How many")
    if kind in OPENERS:
        return _opened_label(opener, kind, claim, quantity, several_days)
    for index in order:
        claim, quantity = claims_and_quantities[index]
        noun = noun_phrase(quantity)
        if noun:
            tail = _tail(claim, quantity, several_days)
            return f"{opener} {noun}{' ' + tail if tail else ''}?", bool(tail) or " " in noun
    tail = _tail(claim, quantity, several_days)
    # whether it says more is the tail's as written: only the label's words change (which figures are
    # asked stays as it was; a bare "How many ships?" from a span holding its noun says no more, which is
    # for the lead to weigh, tests/test_ledger.py's figures being written without their noun)
    worded = _without_unit_noun(tail, unit)
    return f"{opener} {_plural(unit)}{' ' + worded if worded else ''}?", bool(tail)


def _without_unit_noun(tail: str, unit: str) -> str:
    """``tail`` without the unit's own noun opening it: a figure whose span stops before its noun (a
    quotation mark between them: "the 'early four' states") leaves the noun to the tail, and the label
    named it twice ("How many states states?", issue #14)."""
    first, _, rest = tail.partition(" ")
    return rest if first.lower() in (unit.lower(), _plural(unit).lower()) else tail


def says_what_it_sums(unit: str, claim: Claim, quantity: Quantity) -> bool:
    """Whether a sum's or a share's own words make a label that says what it is ("if CNN donated 5 million
    dollars to charity"; not "unless he is paid $5 million"); True of any other figure."""
    kind = "money" if unit in CURRENCY_UNITS else unit
    return kind not in OPENERS or _opened_label(OPENERS[kind], kind, claim, quantity, False)[1]


def _opened_label(
    opener: str, kind: str, claim: Claim, quantity: Quantity, several_days: bool
) -> tuple[str, bool]:
    """One figure's "How much …?" or "What share …?" label, and whether it says more than its opener."""
    tail = _tail(claim, quantity, several_days, counted=False)
    if _held_by_ranked_group(claim, quantity):
        # "of the" stays: "What share of the farmland did …", not "What share farmland did …"
        return _ranked_group_share(opener, tail.removeprefix("percent "), quantity)
    tail = tail.removeprefix("of the ").removeprefix("percent ")
    whole = FRACTION_WHOLE.match(quantity.text) if kind == "percent" else None
    if whole:  # "What share of Americans disapproved …?"
        tail = f"of {whole['whole']}{' ' + tail if tail else ''}"
    thing = _money_thing(quantity) if kind == "money" else ""
    if thing and _names_a_time(claim, quantity):
        # "more than $26 million last month": the words after the figure date it, they are no thing the
        # money is ("How much was the last month?" asked nothing, issue #14): they stay as the tail
        tail, thing = f"{thing}{' ' + tail if tail else ''}", ""
    if thing:
        return f"{NAMED_MONEY_OPENER} {thing}{' ' + tail if tail else ''}?", True
    # "What share support?" names neither who nor what: two words of context at least; "How much money
    # that he may have used …?" opens a relative clause whose noun ("loss") the figure's span took
    informative = len(tail.split()) >= MIN_SHARE_WORDS and tail.split()[0].lower() not in RELATIVE_WORDS
    return f"{opener} {tail}?" if tail else f"{opener}?", informative


def figure_words(claim: Claim, quantity: Quantity) -> str:
    """The words a count's label would take from one figure: its noun phrase, its tail and its predicate
    ("bodies so far" and "did we recover" of "We have recovered four bodies so far")."""
    return " ".join([noun_phrase(quantity), _tail(claim, quantity), quantity.predicate or ""])


def comparative_first(label: str) -> str:
    """ "How much more money was donated by …?" for "How much money more was donated by …?": a figure
    written with a comparative after it ("At least $1 million more was donated") counts an amount beyond
    one told before, and English puts "more"/"less" before the noun it compares; the tail opened with it
    (issue #14)."""
    found = COMPARATIVE_AFTER_NOUN.match(label)
    if found is None:
        return label
    return f"{found['opener']} {found['comparative']} {found['noun']} {label[found.end() :]}"


def _money_thing(quantity: Quantity) -> str:
    """What an amount's figure says the money is ("$25,000 contribution" → "contribution", "$916 million
    loss" → "loss"); "" for a bare amount or one whose words are only its currency ("5 million dollars")."""
    words = noun_phrase(quantity).split()
    currencies = number_lexicon().unit_classes
    if not words or any(word.lower() in currencies or word.lower()[:-1] in currencies for word in words):
        return ""
    return " ".join(words) if all(word.isalpha() and word.islower() for word in words) else ""


def _names_a_time(claim: Claim, quantity: Quantity) -> bool:
    """Whether a time expression of the claim ends the figure's span ("$26 million last month")."""
    return any(
        quantity.start < time.start < quantity.end and time.end >= quantity.end for time in claim.times
    )


def _held_by_ranked_group(claim: Claim, quantity: Quantity) -> bool:
    """Whether a ranked group is the subject of the verb right before the figure ("the top 1 percent paid
    25.4 percent of all federal taxes"): the share is that group's, and a label without it asks the share
    of everyone (issue #14)."""
    before = claim.text[: quantity.start - claim.start]
    groups = ranked_groups_in(before)
    if not groups:
        return False
    between = before[groups[-1] :]
    return len(between.split()) <= HOLDER_VERB_WORDS and not re.search(r"[,;:.]", between)


def _ranked_group_share(opener: str, tail: str, quantity: Quantity) -> tuple[str, bool]:
    """ "What share of all federal taxes did the top 1 percent pay?": a ranked group's share names
    the group, read off the figure's predicate ("did <subject> <verb>", ``quantities.predicate``); when the
    predicate does not name it, the label cannot, and it asks nothing."""
    predicate = quantity.predicate or ""
    if not (predicate.startswith("did ") and ranked_groups_in(predicate) and tail):
        return f"{opener}?", False
    return f"{opener} {tail} {predicate}?", True


def share_label(holder: str, names: Mapping[str, str]) -> str:
    """ "What share back Hillary Clinton?": a share question names whose share it is (``ledger.shares``)."""
    if holder == STAKE:
        return "What share of the company is held?"
    if holder == OFFER:
        return "What price is offered?"
    name = names.get(holder.removeprefix(TOKEN_MARK)) if holder.startswith(TOKEN_MARK) else None
    return f"What share back {name or holder.removeprefix('name:').title()}?"
