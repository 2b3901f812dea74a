"""The verb a quantity's counted noun hangs on, read from a parse: "11,000 troops [were sent] to Russia" →
"were sent to Russia", "[she deleted] 30,000 emails" → "did she delete".

Read in the worker that found the quantity, on the article's own parse (``find_quantities``), so the ledger,
which labels a quantity question with it ("How many emails did she delete?"), reads a field instead of
parsing the sentence again in the main process after every article (issue #20). The ledger keeps a parse of
the sentence only for quantities stored before the field existed
(``ledger.label_predicates.with_predicate``), and calls ``predicate_in`` on that parse: one reading for both.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

PREDICATE_WORDS = 4  # words of a verb's complement or first prepositional phrase a label takes at most
COMPLEMENTS = frozenset({"oprd", "acomp", "attr", "prt"})
SUBJECTS = frozenset({"nsubj", "nsubjpass"})
AUXILIARIES = frozenset({"aux", "auxpass"})
# A subject's first word a label lower-cases after "did" ("did The agency" → "did the agency"): a function
# word, as the parse tags it; a name keeps its capital.
LOWERED_FIRST = frozenset({"DET", "PRON"})
# The pronouns of one person that may stand for a first clause's subject (``_conjoined_antecedent``)
SINGULAR_PRONOUNS = frozenset({"he", "she"})


def predicate_in(doc: Doc, start: int, end: int) -> str:
    """The predicate of the noun phrase in characters ``start``–``end`` of ``doc``: its verb with auxiliaries
    and short complement when the phrase is the verb's subject, "did <subject> <lemma>" when it is the
    object of a verb with a short subject; "" otherwise."""
    inside = _tokens(doc, start, end)
    heads = [token for token in inside if not start <= token.head.idx < end or token.head.i == token.i]
    if not heads:
        return ""
    noun, verb = heads[0], heads[0].head
    if verb.pos_ not in {"VERB", "AUX"} or verb.i == noun.i:  # indexes: each access makes a new Token
        return ""
    if noun.dep_ in SUBJECTS:
        auxiliaries = [c.text for c in verb.children if c.dep_ in AUXILIARIES and c.i < verb.i]
        return " ".join([*auxiliaries, verb.text, *_complement(verb)])
    subjects = [c for c in verb.children if c.dep_ == "nsubj" and not _in_lead_dateline(c)]
    if noun.dep_ == "dobj" and subjects and len(list(subjects[0].subtree)) <= PREDICATE_WORDS:
        return " ".join([f"did {_subject(subjects[0])} {verb.lemma_}", *_recipient(verb, noun)])
    return ""


def _recipient(verb: Token, noun: Token) -> list[str]:
    """The verb's indirect object before the figure ("paid [the Podesta Group] $1.13 million"), at most
    ``PREDICATE_WORDS`` words: without it "How much money did the nonprofit pay?" read as all it paid,
    not what one payee got (issue #14)."""
    for child in verb.children:
        if child.dep_ == "dative" and verb.i < child.i < noun.i:
            words = [token.text for token in child.subtree]
            return words if len(words) <= PREDICATE_WORDS else []
    return []


def _in_lead_dateline(token: Token) -> bool:
    """Whether the token lies in a dateline opening its line ("MANDALGOVI — A brutal winter has killed …"):
    the parser may take the place for the verb's subject, but it only says where the outlet wrote from."""
    from storyline.stages.claims import line_lead_dateline_end  # here: the claims stage imports this one

    text = token.doc.text
    return token.idx < line_lead_dateline_end(text, text.rfind("\n", 0, token.idx) + 1)


def _tokens(doc: Doc, start: int, end: int) -> list[Token]:
    span = doc.char_span(start, end, alignment_mode="expand")
    return [token for token in span if start <= token.idx < end] if span is not None else []


def _subject(subject: Token) -> str:
    subject = _conjoined_antecedent(subject) or subject
    words = [token.text for token in subject.subtree]
    first = next(iter(subject.subtree))
    if first.pos_ in LOWERED_FIRST and first.text != "I":
        words[0] = words[0].lower()
    return " ".join(words)


def _conjoined_antecedent(subject: Token) -> Token | None:
    """The named subject a "he"/"she" stands for when its verb is coordinated with that subject's ("Mr.
    Deripaska agreed to pay a fee …, and he put $100 million into the fund"): a label asking "did he put"
    left the man unnamed, and in a story about another it read as his money (issue #14). English takes the
    pronoun of a coordinated clause for the first clause's subject; a name only, at most ``PREDICATE_WORDS``
    words."""
    verb = subject.head
    if subject.lower_ not in SINGULAR_PRONOUNS or verb.dep_ != "conj":
        return None
    named = [c for c in verb.head.children if c.dep_ == "nsubj" and c.pos_ == "PROPN"]
    if not named or len(list(named[0].subtree)) > PREDICATE_WORDS:
        return None
    return named[0]


def _complement(verb: Token) -> list[str]:
    """The verb's short complement ("classified") or the prepositional phrase right after it ("to the
    Secret level"), at most ``PREDICATE_WORDS`` words."""
    for child in verb.children:
        if child.i > verb.i and (
            child.dep_ in COMPLEMENTS or (child.dep_ == "prep" and child.i == verb.i + 1)
        ):
            words = [token.text for token in child.subtree]
            return words if len(words) <= PREDICATE_WORDS else []
    return []
