"""Question labels an analyst reads in a second, built from the words of the group's most central claim.

- a measured thing: "How many <counted noun phrase as worded> <what follows it in the clause>?"
  ("How many special forces to the war in Ukraine?"); the noun phrase is the quantity's own words after
  the number ("about 11,000 North Korean infantrymen" → "North Korean infantrymen"); a share reads "What
  share <what follows>?", an amount of money "How much money <what follows>?"; the tail stops before
  the next number ("to 41" says nothing of what is counted);
- a proposition: a yes/no question, the content's first auxiliary moved before its subject and its
  negation taken out ("Flowers will not be attending the debate" → "Will Flowers be attending the
  debate?"); a content without one reads "Is it true that <content>?". The content is cut at the first
  clause boundary past a few words, never at the full stop of an abbreviation ("Ms.", "U.S.").

The representative claim is the most central one: the highest summed word/entity overlap (Jaccard, so a
long claim is not favoured for its length) with the group's other claims. Position in the story plays no
part, so the label does not depend on which article came first.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import cache
from typing import TYPE_CHECKING

from storyline.lexicons import load_lexicon
from storyline.records import Claim, Quantity
from storyline.stages.ledger.grouping import ledger_lexicon
from storyline.stages.ledger.plurals import plural
from storyline.stages.quantities import CURRENCY_UNITS, number_lexicon, predicate_in

if TYPE_CHECKING:
    from spacy.tokens import Token

MONEY_OPENER = "How much money"
OPENERS = {"percent": "What share", "money": MONEY_OPENER}
# Words of a quantity label's tail, and of a proposition before it is cut at a clause boundary: enough to
# say what is counted or claimed, short enough to scan.
TAIL_WORDS = 8
PROPOSITION_WORDS = 14
TAIL_REACH = 4  # words a quantity label's tail may run past TAIL_WORDS to finish a phrase
MIN_PROPOSITION_WORDS = 4
MIN_SHARE_WORDS = 2
# Where a clause ends inside a content: punctuation, or a conjunction/relative word opening the next one.
# Words as written, possessives and hyphens kept ("Russia’s", "Suk-yol").
WORD = re.compile(r"\w+(?:[’'-]\w+)*")
CLAUSE_END = re.compile(r"[,;:.!?()\[\]–—]|\s(?:and|but|while|whereas|which|who|because|although|as)\s")
# A pronoun with its auxiliary contracted ("he's", "they’re"): the subject of a clause that opened already.
CONTRACTED = re.compile(r"(?:i|you|he|she|it|we|they|that|there|who|what)['’](?:s|re|ve|m|d|ll)$")
# "signed by 200 …", "by about 300": the words before a figure that is the agent of a participle
# "an appeal for 1.9 billion", "fines of up to 100,000": the words before a figure that is a noun's amount
HELD_BEFORE = re.compile(
    r"\b(?:for|of)\s+(?:(?:about|nearly|almost|some|up|to|at|least|more|than)\s+)*$", re.I
)
NAME_WORDS = 6  # words of a subject that is a name ("the Food and Agriculture Organization") a label takes
NAME_TAGS = frozenset({"PROPN", "DET", "CCONJ"})
PREDICATE_WORDS = 4  # words of a subject a label's predicate takes at most, as ``quantities.predicate``
AGENT_BEFORE = re.compile(r"\bby\s+(?:(?:about|nearly|almost|some|more|than|over|at|least)\s+)*$", re.I)
# Time expressions of a day or a time of one ("on Tuesday", "Thursday morning"), and a preposition left at
# the end of the words before one ("… at their posts on"), for ``_days_left_out``.
DAY_PRECISIONS = frozenset({"day", "time"})
DAY_PREPOSITION_END = re.compile(r"\s*\b(?:on|by|as of|at|from|until|till)\s*$", re.I)
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})
# the last words of a question on an object: its verb ("did it have") or the preposition it strands
STRANDED_ENDS = frozenset({"for", "of", "to", "with", "on", "from", "have", "do"})
RECIPIENT_WORDS = ("to ", "for ")  # a tail's first words that say whom a verb's action on the figure was for
ABBREVIATION_BEFORE = re.compile(r"(?:^|[\s(])([A-Za-z]{1,5})$")
INITIALS_BEFORE = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]?$")


@cache
def _label_words() -> tuple[frozenset[str], dict[str, str], frozenset[str], frozenset[str]]:
    data = load_lexicon("ledger")
    return (
        frozenset(data["auxiliaries"]),
        dict(data["contracted_negations"]),
        frozenset(data["negations"]),
        frozenset(data["abbreviations"]),
    )


CENTRAL_SAMPLE = 64

# A head word shorter than this is a symbol ("km", "kg") whose plural is itself.
MIN_PLURAL_LETTERS = 3
# A count of one as written: its noun is in the singular ("one man"), a label's in the plural.
ONE = frozenset({"one", "1"})


def _jaccard(first: frozenset[str], second: frozenset[str]) -> float:
    union = first | second
    return len(first & second) / len(union) if union else 0.0


def central_order(word_sets: Sequence[frozenset[str]]) -> list[int]:
    """Indexes of the word sets, most central first (ties: given order). Each set is compared with at most
    ``CENTRAL_SAMPLE`` others spread evenly over the group: every pair of a large group would make a story
    of thousands of claims quadratic (``benchmarks/ledger_scaling.py``); smaller groups compare all pairs."""
    step = max(1, len(word_sets) // CENTRAL_SAMPLE)
    sample = list(range(0, len(word_sets), step))
    centrality = [
        sum(_jaccard(words, word_sets[j]) for j in sample if j != i) for i, words in enumerate(word_sets)
    ]
    return sorted(range(len(word_sets)), key=lambda i: -centrality[i])


def _noun_phrase(quantity: Quantity) -> str:
    """The quantity's words after its number, scale words ("thousand") and approximators left out."""
    lexicon = number_lexicon()
    skip = set(lexicon.words) | set(lexicon.scales) | {w for words in lexicon.approximators for w in words}
    words = WORD.findall(quantity.text)
    numbered = [i for i, word in enumerate(words) if word[0].isdigit() or word.lower() in skip]
    rest = words[numbered[-1] + 1 :] if numbered else words
    phrase = " ".join(word for word in rest if word.lower() not in skip)
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


def _tail(claim: Claim, quantity: Quantity, without_days: bool = False, counted: bool = True) -> str:
    """What the clause says after the quantity ("to the war in Ukraine"), up to a clause end or the next
    number; ``without_days``: the day it names left out (``_days_left_out``). ``counted``: a count's tail
    also stops before an adverbial clause, since ``with_predicate`` then asks the counted noun's own verb;
    a share's or an amount's label gains no verb, and one left without a tail is dropped as asking nothing
    (the demo's position accuracy fell 0.732 → 0.720 when they were cut too)."""
    after = claim.text[quantity.end - claim.start :]
    after = _days_left_out(claim, quantity, after) if without_days else after
    cut = min(_clause_end(after), _subordinate_clause(after) if counted else len(after))
    clause = WORD.findall(after[:cut])
    if _inside_coordinated_name(after, cut, clause):
        clause = clause[:-2]  # the phrase's noun lies past the cut: the preposition before it goes too
    words = clause[:TAIL_WORDS]
    # a cut at the word limit inside a phrase ("were upgraded to | the Secret level") runs to the phrase's
    # end when it is near: dropping "to" would say the messages were upgraded, not to what
    if len(clause) > TAIL_WORDS and _ends_open(words[-1]) and len(clause) <= TAIL_WORDS + TAIL_REACH:
        words = clause
    numbered = [i for i, word in enumerate(words) if word[0].isdigit()]
    whole = not numbered and len(words) == len(clause)  # the clause's own end, not a cut
    words = words[: numbered[0]] if numbered else words
    if whole and _finishes_phrasal_verb(words):
        return " ".join(words)  # "still cut off": the particle is the verb's
    while words and _ends_open(words[-1]):  # "… to the war in Ukraine to" ends on a content word
        words.pop()
    return " ".join(words)


def _subordinate_clause(text: str) -> int:
    """Where an adverbial clause opens in a quantity's tail ("detained 64 people | after thousands of
    protesters blocked …"), or the text's length: that clause's verb is not what happened to the counted
    thing, and a label reading it as one garbles (issue #14; ``tail_subordinators``)."""
    subordinators = load_lexicon("ledger")["tail_subordinators"]
    found = re.search(rf"(?:^|\s)(?:{'|'.join(subordinators)})\s", text, re.I)
    return found.start() if found else len(text)


def _inside_coordinated_name(text: str, cut: int, words: Sequence[str]) -> bool:
    """Whether the tail was cut at "and"/"or" inside a noun phrase that coordinates names before its noun:
    "in the Dundgowi | and Ömnögowi provinces" would read "in the Dundgowi" (issue #14)."""
    conjunction = re.match(r"\s(?:and|or)\s", text[cut:])
    return bool(conjunction) and len(words) >= 2 and words[-2].lower() == "the" and words[-1][:1].isupper()


def ends_open(label: str) -> bool:
    """Whether a label ends on a word it must not end on (``_ends_open``): "… in Iraq's?", "… in the?";
    not a phrasal verb's particle ("had run out?"), nor the verb or the stranded preposition that ends a
    question on an object ("… did it have?", "How many tugrik did the Red Cross launch an appeal for?")."""
    words = WORD.findall(label)
    if not words or _finishes_phrasal_verb(words):
        return False
    stranded = words[:2] in (["How", "many"], ["How", "much"]) and "did" in words[2:-1]
    if stranded:
        return _ends_open(words[-1]) and words[-1].lower() not in STRANDED_ENDS
    return _ends_open(words[-1])


def _ends_open(word: str) -> bool:
    """A word a label does not end on: a dangling word (``_dangling``) or a possessive, which waits for its
    noun ("in Iraq's")."""
    return _dangling(word) or word.endswith(("'s", "’s", "s'", "s’"))


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


def _finishes_phrasal_verb(words: Sequence[str]) -> bool:
    """Whether the words end on a particle right after a content word ("still cut off", "were shut
    down"): the end of a phrasal verb, not a preposition left dangling (``phrasal_particles``)."""
    particles = frozenset(load_lexicon("ledger")["phrasal_particles"])
    return len(words) >= 2 and words[-1].lower() in particles and not _dangling(words[-2])


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
    """ "How many/much …?" / "What share …?" from the most central figure whose quantity names what it
    counts, and whether the label says more than the unit (a bare "How many emails?" asks nothing).
    ``several_days``: the figures are values of several days, so the label names none of them."""
    claim, quantity = claims_and_quantities[order[0]]
    kind = "money" if unit in CURRENCY_UNITS else unit
    opener = OPENERS.get(kind, "How many")
    if kind in OPENERS:
        tail = _tail(claim, quantity, several_days, counted=False)
        tail = tail.removeprefix("of the ").removeprefix("percent ")
        # "What share support?" names neither who nor what: two words of context at least
        return f"{opener} {tail}?" if tail else f"{opener}?", len(tail.split()) >= MIN_SHARE_WORDS
    for index in order:
        claim, quantity = claims_and_quantities[index]
        noun = _noun_phrase(quantity)
        if noun:
            tail = _tail(claim, quantity, several_days)
            return f"{opener} {noun}{' ' + tail if tail else ''}?", bool(tail) or " " in noun
    tail = _tail(claim, quantity, several_days)
    return f"{opener} {_plural(unit)}{' ' + tail if tail else ''}?", bool(tail)


def share_label(holder: str, names: Mapping[str, str]) -> str:
    """ "What share back Hillary Clinton?": a share question names whose share it is (``ledger.shares``)."""
    name = names.get(holder.removeprefix("@")) if holder.startswith("@") else None
    return f"What share back {name or holder.removeprefix('name:').title()}?"


def proposition_label(claims: Sequence[Claim], order: list[int]) -> str:
    """A yes/no question from the most central claim that states the content itself (not "the news that
    …")."""
    return as_question(shorten(claims[_label_claim(claims, order)].text))


def label_claim(claims: Sequence[Claim], order: list[int]) -> Claim:
    """The claim whose words make a proposition's label."""
    return claims[_label_claim(claims, order)]


def _label_claim(claims: Sequence[Claim], order: list[int]) -> int:
    """The claim whose words make the label (see ``proposition_label``)."""
    nouns, stopwords = ledger_lexicon().statement_nouns, ledger_lexicon().stopwords
    stated = [i for i in order if not _opens_with_statement_noun(claims[i].text, nouns)]
    # The question is best put in the words of a claim that asserts it and names its subject: "North Korea
    # has sent troops" reads as the question; "we have no proof of …" reads as one side's answer.
    named = [i for i in stated if (WORD.findall(claims[i].text) or [""])[0].lower() not in stopwords]
    asserted = [i for i in stated if claims[i].modality == "asserted"]
    named_asserted = [i for i in named if claims[i].modality == "asserted"]
    return (named_asserted or asserted or named or stated or order)[0]


def label_content(claims: Sequence[Claim], order: list[int]) -> str:
    """The words a proposition's label is made of: the label claim's content, shortened."""
    return shorten(claims[_label_claim(claims, order)].text)


def asks_something(claims: Sequence[Claim], order: list[int]) -> bool:
    """Whether the content a proposition label is built from states something a reader can check: a few
    words at least, not a fragment ("from his perspective", "him to probe claims")."""
    data = load_lexicon("ledger")
    words = label_content(claims, order).lower().split()
    first = words[0] if words else ""
    openers = {*data["fragment_openers"], *data["subjectless_openers"]}
    return len(words) >= MIN_PROPOSITION_WORDS and first not in openers and not CONTRACTED.match(first)


def as_question(content: str) -> str:
    """ "Gennifer Flowers will not be attending" → "Will Gennifer Flowers be attending?"; without an
    auxiliary in its first words, "Is it true that …?"."""
    auxiliaries, contracted, negations, _abbreviations = _label_words()
    # quotation marks go: a label cut inside a quotation would leave one unbalanced ("had "strong?")
    content = re.sub(r"[\"“”]", "", content).removesuffix(" …").rstrip(" .,;:").removeprefix("that ")
    words = content.split()
    for index, word in enumerate(words[: MIN_PROPOSITION_WORDS + 2]):
        bare = word.lower().replace("’", "'")
        auxiliary = contracted.get(bare) or (bare[:-3] if bare.endswith("n't") else bare)
        if _opens_question(words, index, auxiliary, auxiliaries):
            rest = [w for w in words[index + 1 :][:1] if w.lower() not in negations] + words[index + 2 :]
            subject = " ".join(_positive(word) for word in words[:index])
            subject = subject if subject[:2] == "I " or not subject[:1].isupper() else _lower_first(subject)
            return f"{auxiliary.capitalize()} {subject} {' '.join(rest)}".strip() + "?"
    return f"Is it true that {_lower_first(content)}?"


def _positive(word: str) -> str:
    """A negative subject word made positive once the label takes the negation out ("none" → "any")."""
    positive: dict[str, str] = load_lexicon("ledger")["negative_subjects"]
    found = positive.get(word.lower())
    return word if found is None else (found.capitalize() if word[:1].isupper() else found)


def _dangling(word: str) -> bool:
    """A word a label does not end on: a function word or a preposition left by a cut. A number word ends
    a phrase ("between the two"): it stays."""
    lower = word.lower()
    if lower in number_lexicon().words:
        return False
    return lower in ledger_lexicon().stopwords or lower in load_lexicon("ledger")["dangling_words"]


def _opens_question(words: list[str], index: int, auxiliary: str, auxiliaries: frozenset[str]) -> bool:
    """Whether ``words[index]`` is the auxiliary of the content's first clause: not its first word, no
    comma before it, and "have"/"do" only before a participle or a negation ("we have no proof" keeps its
    main verb)."""
    if not index or auxiliary not in auxiliaries or any(word.endswith(",") for word in words[:index]):
        return False
    if any(CONTRACTED.match(word.lower()) for word in words[:index]):
        return False  # "he's been impressed that he can …": the clause's auxiliary came already
    if auxiliary[:2] not in ("ha", "do", "di") or words[index].lower().endswith(("n't", "n’t")):
        return True
    following = words[index + 1].lower() if index + 1 < len(words) else ""
    return following in _label_words()[2] or following.endswith(("ed", "en")) or following == "been"


def _lower_first(text: str) -> str:
    """The first word lower-cased when it is a function word ("The FBI" → "the FBI"), a name kept."""
    first, _space, rest = text.partition(" ")
    if first != "I" and first.lower() in ledger_lexicon().stopwords:
        return " ".join((first.lower(), rest)).strip()
    return text


def _clause_end(text: str, from_word: int = 0) -> int:
    """Where the first clause of ``text`` ends after ``from_word`` words: punctuation or a conjunction, but
    never the full stop of an abbreviation ("Ms.", "U.S.")."""
    abbreviations = _label_words()[3]
    for cut in CLAUSE_END.finditer(text):
        if len(WORD.findall(text[: cut.start()])) < from_word:
            continue
        inside_word = text[cut.end() : cut.end() + 1].strip() != ""  # "U.S", "3.5"
        if cut.group() == "." and (inside_word or _is_abbreviation(text[: cut.start()], abbreviations)):
            continue
        return cut.start()
    return len(text)


def _is_abbreviation(before: str, abbreviations: frozenset[str]) -> bool:
    word = ABBREVIATION_BEFORE.search(before)
    return bool(INITIALS_BEFORE.search(before)) or (
        word is not None and word.group(1).lower() in abbreviations
    )


def _opens_with_statement_noun(text: str, nouns: frozenset[str]) -> bool:
    words = [word.lower() for word in WORD.findall(text)[:3]]
    return any(word in nouns for word in words)


def shorten(text: str) -> str:
    """The text cut at the first clause end after a few words, and at most ``PROPOSITION_WORDS`` words."""
    text = " ".join(text.split())
    text = text[: _clause_end(text, MIN_PROPOSITION_WORDS)]
    words = text.split()
    kept = words[:PROPOSITION_WORDS]
    while len(words) > PROPOSITION_WORDS and len(kept) > MIN_PROPOSITION_WORDS and _ends_open(kept[-1]):
        kept.pop()  # a cut at the word limit ends on what it says, not on "… forward with"
    return " ".join(kept).rstrip(" ,;:") + (" …" if len(words) > PROPOSITION_WORDS else "")


# --- the predicate of a quantity label ----------------------------------------------------------------------


def with_predicate(
    label: str,
    claims_and_quantities: Sequence[tuple[Claim, Quantity]],
    order: list[int],
    texts: Mapping[str, str],
) -> str:
    """A quantity label naming no verb gains the one its counted noun hangs on, from the most central figure
    that has one: "How many additional emails?" → "How many additional emails did she delete?", "How many
    emails from Hillary Clinton's private server?" → "… have been deemed classified?". Without it the label
    hides what happened to what is counted (``ledger.evidence``). The worker that found the quantity read
    the verb off the article's parse (``Quantity.predicate``); a quantity stored before that field has the
    sentence around it parsed here instead (a content often starts after its verb: "[The agency released]
    roughly 5,500 more pages"). ``texts``: article id → text."""
    from storyline.stages.ledger.evidence import names_a_predicate

    if label.startswith(MONEY_OPENER):
        return _money_with_predicate(label, claims_and_quantities, order, texts)
    if not label.startswith("How many"):
        return label
    stored = [claims_and_quantities[index][1].predicate for index in order]
    if None not in stored and not any(stored):
        # the worker's parse found no verb the figure is subject or object of; one it is the agent of
        # ("a letter signed by 200 House Republicans") is read here, from the most central figure's sentence
        claim, quantity = claims_and_quantities[order[0]]
        agent = _agent_predicate(texts.get(claim.article, ""), quantity)
        if agent:
            return f"{label.removesuffix('?')} {agent}?"
        if label not in _bare_labels(claims_and_quantities):
            return label
        for index in order:  # a bare "How many tugrik?": the noun the figure is the amount of, if one
            claim, quantity = claims_and_quantities[index]
            held = _held_predicate(texts.get(claim.article, ""), quantity)
            if held:
                return f"{label.removesuffix('?')} {held}?"
        return label
    recipient = _with_recipient_verb(label, claims_and_quantities, order)
    if recipient:
        return recipient
    # a bare "How many bitcoin?" names no verb, though a tagger may read a lone noun as one
    if label not in _bare_labels(claims_and_quantities) and names_a_predicate(label):
        return label
    for index in order:
        claim, quantity = claims_and_quantities[index]
        predicate = quantity.predicate
        if predicate is None:
            predicate = _parsed_predicate(texts.get(claim.article, ""), quantity)
        predicate = _without_dangling_end(predicate or "")
        if predicate and not _relative_subject(predicate):
            return label if _repeats(label, predicate) else f"{label.removesuffix('?')} {predicate}?"
    return label


def _bare_labels(claims_and_quantities: Sequence[tuple[Claim, Quantity]]) -> set[str]:
    """ "How many tugrik?": the labels that name a figure's noun and nothing else."""
    return {f"How many {_noun_phrase(quantity)}?" for _claim, quantity in claims_and_quantities}


def _money_with_predicate(
    label: str,
    claims_and_quantities: Sequence[tuple[Claim, Quantity]],
    order: list[int],
    texts: Mapping[str, str],
) -> str:
    """ "How much money did the FAO appeal for?" for "How much money to keep the surviving animals alive …?":
    an amount's label whose tail is only a purpose ("to keep …") or nothing names no verb of the amount's
    own (issue #14); the verb the amount is held by, read off a parse (``_held_predicate``), says who asked
    for it or paid it. The purpose goes: it is the asker's reason, not what the question asks."""
    tail = label.removeprefix(MONEY_OPENER).removesuffix("?").strip()
    if tail and not tail.startswith("to "):
        return label
    for index in order:
        claim, quantity = claims_and_quantities[index]
        held = _held_predicate(texts.get(claim.article, ""), quantity)
        if held:
            return f"{MONEY_OPENER} {held}?"
    return label


def _with_recipient_verb(
    label: str, claims_and_quantities: Sequence[tuple[Claim, Quantity]], order: list[int]
) -> str:
    """ "How many leva did the government pay to every family …?" for "How many leva to every family …?":
    a tail opening with "to"/"for" after a figure that is its verb's object says whom the verb's action was
    for, and without the verb the label garbles (issue #14). Only the label's own figure's verb: a verb from
    another claim would put words in this one's mouth. "" when the label is not of that shape."""
    for index in order:
        quantity = claims_and_quantities[index][1]
        noun = _noun_phrase(quantity)
        if noun:
            predicate = quantity.predicate or ""
            rest = label.removeprefix(f"How many {noun} ")
            if rest == label or not predicate.startswith("did ") or _relative_subject(predicate):
                return ""
            return f"How many {noun} {predicate} {rest}" if rest.startswith(RECIPIENT_WORDS) else ""
    return ""


def _relative_subject(predicate: str) -> bool:
    """ "did who hold" (from "Clinton, who held three campaign events"): the parse's subject is a relative
    pronoun, and a label asking "… did who hold?" is no question; the label goes without the verb."""
    words = predicate.lower().split()
    return len(words) > 1 and words[0] == "did" and words[1] in RELATIVE_PRONOUNS


def _without_dangling_end(predicate: str) -> str:
    """A predicate cut short by the parse's reach ends on what it says: "have died in a cholera outbreak
    in Iraq's" (a possessive waits for its noun) → "have died in a cholera outbreak". An object's predicate
    ("did it have") is whole, its verb last: cut, "have" and "it" went as function words and "How many
    people on its payroll did?" was left."""
    if predicate.startswith("did "):
        return predicate
    words = predicate.split()
    while len(words) > 1 and (words[-1].endswith(("'s", "’s", "'", "’")) or _dangling(words[-1])):
        words.pop()
    return " ".join(words)


def _repeats(label: str, predicate: str) -> bool:
    """Whether the label says the predicate already: each of its words that is no function word is a word of
    the label. The tail of a label can hold the verb a parse does not tag as one ("How many people were still
    unaccounted" + "were unaccounted for": an adjective; "… were on shift" + "were on shift"), and adding it
    again doubled it."""
    said = {word.lower() for word in WORD.findall(label)}
    words = [word.lower() for word in WORD.findall(predicate)]
    telling = [word for word in words if not _dangling(word)] or words
    return all(word in said for word in telling)


SENTENCE_REACH = 400  # characters either side of a figure its sentence is looked for in


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    """The bounds of the sentence around ``[start, end)``: a full stop and space, or a line break."""
    low = max(0, start - SENTENCE_REACH)
    before = text[low:start]
    cut = max(before.rfind(". "), before.rfind("\n"))
    after = text[end : end + SENTENCE_REACH]
    found = [i for i in (after.find(". "), after.find("\n")) if i >= 0]
    return low + cut + 1 if cut >= 0 else low, end + (min(found) + 1 if found else len(after))


def _agent_predicate(text: str, quantity: Quantity) -> str:
    """ "signed the letter" for "a letter signed by 200 House Republicans": the figure's noun is the agent of
    a participle that modifies a noun; "" for any other figure."""
    from storyline.stages.ledger.evidence import NOT_READ
    from storyline.stages.nlp import parse_without

    if not text[quantity.start : quantity.end] or not AGENT_BEFORE.search(
        text[max(0, quantity.start - 40) : quantity.start]
    ):
        return ""  # no "by" right before the figure: no parse (~15 ms a sentence) needed to know
    first, last = _sentence(text, quantity.start, quantity.end)
    doc = parse_without(text[first:last], NOT_READ)
    span = doc.char_span(quantity.start - first, quantity.end - first, alignment_mode="expand")
    if span is None:
        return ""
    noun = span.root
    while noun.dep_ in ("compound", "nummod", "amod") and noun.head.i != noun.i:
        noun = noun.head  # "200" → "Republicans"
    agent = noun.head
    verb = agent.head
    if noun.dep_ != "pobj" or agent.dep_ != "agent" or verb.dep_ != "acl":
        return ""
    # the participle alone when the parse hangs it on a name ("a letter to Comey, signed by …")
    return f"{verb.text} the {verb.head.text}" if verb.head.pos_ == "NOUN" else verb.text


def _held_predicate(text: str, quantity: Quantity) -> str:
    """ "did the Red Cross launch an appeal for" for "The Red Cross launched an appeal for 1.9 billion
    tugrik": the figure is the object of a preposition after a noun that is the object of a verb with a short
    subject; "" for any other figure. A bare amount ("How many tugrik?") asks nothing of what it is
    (issue #14), and the sentence's own words say it without adding any."""
    from storyline.stages.ledger.evidence import NOT_READ
    from storyline.stages.nlp import parse_without

    if not text[quantity.start : quantity.end] or not HELD_BEFORE.search(
        text[max(0, quantity.start - 40) : quantity.start]
    ):
        return ""  # no "for"/"of" right before the figure: no parse needed to know
    first, last = _sentence(text, quantity.start, quantity.end)
    doc = parse_without(text[first:last], NOT_READ)
    span = doc.char_span(quantity.start - first, quantity.end - first, alignment_mode="expand")
    if span is None:
        return ""
    preposition = span.root.head
    holder = preposition.head
    verb_held = holder.pos_ == "VERB"  # "the FAO had appealed for $6.8 million": the verb's own preposition
    verb = holder if verb_held else holder.head
    subjects = [child for child in verb.children if child.dep_ == "nsubj"]
    words = _subject_words(subjects[0]) if len(subjects) == 1 else []
    if (
        span.root.dep_ != "pobj"
        or (not verb_held and (holder.dep_ != "dobj" or holder.pos_ != "NOUN"))
        or verb.pos_ != "VERB"
        or not words
        or subjects[0].lower_ in RELATIVE_PRONOUNS
    ):
        return ""
    determiners = [child.text.lower() for child in holder.children if child.dep_ == "det"]
    lowered = words[0].pos_ in ("DET", "PRON") and words[0].text != "I"  # "The Red Cross" → "the Red Cross"
    subject = " ".join([words[0].text.lower() if lowered else words[0].text] + [t.text for t in words[1:]])
    held = [] if verb_held else [*determiners, holder.text]
    return " ".join(["did", subject, verb.lemma_, *held, preposition.text])


def _subject_words(subject: Token) -> list[Token]:
    """The subject's words, a parenthesis left out ("the Food and Agriculture Organization (FAO)"), when
    short: ``PREDICATE_WORDS`` at most, or ``NAME_WORDS`` for a name (a name is one constituent however
    many words it has); [] for a longer subject, which would make a label a sentence."""
    words, depth = [], 0
    for token in subject.subtree:
        depth += (token.text == "(") - (token.text == ")")
        if token.text.strip() and not depth and token.text != ")":
            words.append(token)
    named = all(token.pos_ in NAME_TAGS for token in words)
    return words if len(words) <= (NAME_WORDS if named else PREDICATE_WORDS) else []


def _parsed_predicate(text: str, quantity: Quantity) -> str:
    """The predicate of a quantity stored without one, from a parse of its sentence alone."""
    from storyline.stages.ledger.evidence import NOT_READ
    from storyline.stages.nlp import parse_without  # the pipeline's parser, loaded once per process

    if not text[quantity.start : quantity.end]:
        return ""
    first, last = _sentence(text, quantity.start, quantity.end)
    doc = parse_without(text[first:last], NOT_READ)
    return predicate_in(doc, quantity.start - first, quantity.end - first)
