"""The values of a count that its sentence tells as changing: "the number of stations awaiting a recount fell
from 46 to 31 and then to 12" gives three values of one count, not a date and a count.

The entity recogniser often labels a bare "46 to 31" DATE (a range of days of a month), and "from 12 to 19"
TIME, so ``not_counts.is_name_or_date`` would drop the first values and keep the last. A chain of bare
numbers, "from A to B", each further one after "to" ("and then to C", ", then to C"), that opens right
after a verb of change (``[changes] verbs`` of numbers.toml) with a noun subject before it (what changes:
"the number of stations", "the death toll") is the values of that count; a month or a time unit after its last
number makes it a span of days or hours again ("moved from 10 to 12 October").
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from spacy.tokens import Span, Token

from storyline.lexicons import load_lexicon
from storyline.stages.quantities.numbers import NumberLexicon, number_phrases

# Tokens that may lie between one value of the chain and the "to" of the next ("and then to 12").
CHAIN_LINKS = frozenset({",", "and", "then"})
# How many tokens may lie between the verb of change and the chain's "from" ("fell sharply from").
VERB_REACH = 2
SUBJECTS = frozenset({"nsubj", "nsubjpass"})


@cache
def _change_lexicon() -> tuple[frozenset[str], str, str]:
    changes = load_lexicon("numbers")["changes"]
    return frozenset(changes["verbs"]), changes["from"], changes["to"]


def is_changed_value(phrase: Sequence[Token], lexicon: NumberLexicon) -> bool:
    """Whether the number phrase is one value of a chain of bare numbers its sentence tells a count moving
    through (see the module doc)."""
    return bool(_chain_holding(phrase, lexicon))


def is_earlier_changed_value(phrase: Sequence[Token], lexicon: NumberLexicon) -> bool:
    """Whether the number phrase is an earlier value of such a chain, not its last ("fell from 46 to 31 and
    then to 12": 46 and 31): a value the count had, not the one the sentence tells it has now
    (``Quantity.earlier_in_chain``, which the ledger dates)."""
    chain = _chain_holding(phrase, lexicon)
    return bool(chain) and chain[-1][0].i != phrase[0].i


def _chain_holding(phrase: Sequence[Token], lexicon: NumberLexicon) -> list[list[Token]]:
    """The chain of changed values that holds the number phrase, or [] for none."""
    _, opener, linker = _change_lexicon()
    first = phrase[0]
    if first.i == 0 or first.nbor(-1).lower_ not in (opener, linker):
        return []  # a value of a chain comes right after its "from" or a "to": no need to read the sentence
    return next((chain for chain in _chains(first.sent, lexicon) if first.i in {p[0].i for p in chain}), [])


def _chains(sentence: Span, lexicon: NumberLexicon) -> list[list[list[Token]]]:
    """Each chain of changed values in the sentence, as its number phrases."""
    verbs, opener, linker = _change_lexicon()
    tokens = list(sentence)
    phrases = {phrase[0].i: phrase for phrase in number_phrases(tokens, lexicon)}
    chains = []
    for token in tokens:
        if token.lower_ != opener or not _after_change_verb(token, verbs):
            continue
        chain = _chain_from(token, phrases, linker)
        if len(chain) >= 2 and not _ends_as_span(chain[-1][-1], lexicon):
            chains.append(chain)
    return chains


def _after_change_verb(opener: Token, verbs: frozenset[str]) -> bool:
    """Whether a verb of change lies right before "from" ("fell from"), a noun subject before it in its
    sentence (what changes; the parser may hang "the number of shelters still open" on "open", not on
    "fell")."""
    verb = _change_verb_before(opener, verbs)
    if verb is None:
        return False
    before = opener.doc[opener.sent.start : verb.i]
    return any(token.dep_ in SUBJECTS and token.pos_ == "NOUN" for token in before)


def follows_change_verb(opener: Token) -> bool:
    """Whether a verb of change lies right before ``opener`` ("rose from"), whatever its subject: "it rose
    from 40 to 50" tells two values of a change, never a range (``quantities.ranges``)."""
    verbs, _, _ = _change_lexicon()
    return _change_verb_before(opener, verbs) is not None


def _change_verb_before(opener: Token, verbs: frozenset[str]) -> Token | None:
    """The verb of change within ``VERB_REACH`` tokens before ``opener`` in its sentence, or None."""
    for verb in opener.doc[max(opener.sent.start, opener.i - VERB_REACH) : opener.i]:
        if verb.pos_ == "VERB" and verb.lemma_.lower() in verbs:
            return verb
    return None


def _chain_from(opener: Token, phrases: dict[int, list[Token]], linker: str) -> list[list[Token]]:
    """The bare number phrases of "from A to B (and then to C)" starting at ``opener``; fewer than two when
    the words do not make such a chain."""
    doc = opener.doc
    chain: list[list[Token]] = []
    index = opener.i + 1
    while index in phrases:
        phrase = phrases[index]
        chain.append(phrase)
        index = phrase[-1].i + 1
        while index < opener.sent.end and doc[index].lower_ in CHAIN_LINKS:
            index += 1
        if index >= opener.sent.end or doc[index].lower_ != linker:
            break
        index += 1
    return chain


def _ends_as_span(last: Token, lexicon: NumberLexicon) -> bool:
    """A month or a time unit right after the chain's last number: days or hours, no count ("from 10 to 12
    October", "from 9 to 11 hours")."""
    if last.i + 1 >= len(last.doc):
        return False
    after = last.doc[last.i + 1]
    return after.lower_.rstrip(".") in lexicon.months or after.lemma_.lower() in lexicon.time_units
