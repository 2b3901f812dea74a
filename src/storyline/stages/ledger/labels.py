"""Proposition labels, and which claim a question is worded from.

- a proposition: a yes/no question, the content's first auxiliary moved before its subject and its
  negation taken out ("Flowers will not be attending the debate" → "Will Flowers be attending the
  debate?"); a content without one reads "Is it true that <content>?". The content is cut at the first
  clause boundary past a few words, never at the full stop of an abbreviation ("Ms.", "U.S."), and past
  the word limit on a whole phrase (``label_cuts.whole_cut``). A short frame that only says what something
  implies goes ("it means Trump may not have paid …"), and a hedge on a past event asks whether it happened
  ("Did Trump pay …?", not "May Trump have paid …?"). The auxiliary moved is the main clause's, read off a
  parse: one inside the subject ("the scenario Pelosi was discussing would be novel") stays where it is. A
  content that no cut leaves whole, names its speaker or hearer ("I", "we", "you"), writes a chat's
  shorthand or is a noun phrase whose only finite verbs are in a "that" or relative clause ("Trump's lead
  that it gave …") asks nothing (``asks_something``).

The representative claim of a question (a proposition's or a measured thing's) is the most central one: the
highest summed word/entity overlap (Jaccard, so a long claim is not favoured for its length) with the
group's other claims. Position in the story plays no part, so the label does not depend on which article
came first. A measured thing's label is worded in ``quantity_labels`` and gains its verb in
``label_predicates``; the cutting rules all labels share are in ``label_cuts``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from storyline.lexicons import load_lexicon
from storyline.records import Claim
from storyline.stages.ledger.grouping import ledger_lexicon
from storyline.stages.ledger.label_cuts import (
    CONTRACTED,
    WORD,
    clause_end,
    cut_inside_phrase,
    keep_request,
    label_words,
    open_word,
    whole_cut,
    without_appositive,
    writes_shorthand,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# Words of a proposition before it is cut at a clause boundary: enough to say what is claimed, short enough
# to scan.
PROPOSITION_WORDS = 14
MIN_PROPOSITION_WORDS = 4
PHRASE_REACH = 4  # words a label may run past PROPOSITION_WORDS to end on a whole phrase
FRAME_SUBJECT_WORDS = 3  # words of the subject of an implication frame ("the losses mean …") at most
CENTRAL_SAMPLE = 64
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})  # a verb's finite forms, as the tagger marks them
# a clause inside a noun phrase ("lead that it gave …"); "that" and the relative pronouns open one
CLAUSE_DEPS = frozenset({"acl", "relcl", "ccomp"})
RELATIVE_TAGS = frozenset({"WDT", "WP", "WP$"})
# a verb's forms that may open a clause with no subject ("said right from …", "track spending …"), and the
# dependencies a subject has
VERB_FORM_TAGS = frozenset({"VB", "VBD", "VBZ", "VBP"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})
TITLE_CASE_WORDS = 4  # a headline in Title Case: fewer words may all be a name ("Pat Kennedy")
# A sentence adverb and its comma opening a content: the writer's comment on it ("Ironically, …").
# a closing single quotation mark: at a word's end, not a plural possessive's ("Democrats’ emails")
SINGLE_QUOTE_CLOSE = re.compile(r"(?<=[^\Ws])’(?=\W|$)")
# a closing quotation mark after the full stop that ends a quotation ("… classified information.’")
TRAILING_CLOSE = re.compile(r"(?<=[.,;:!?])[’']+$")
COMMENT_OPENER = re.compile(r"^[A-Z][a-z]+ly,\s")
# A conditional modal in a label, and a condition in the words its cut left out ("… if they fail to act").
CONDITIONAL_MODAL = re.compile(r"\b(?:would|could|might)\b|’d\b|'d\b", re.I)
CONDITION = re.compile(r"(?:^|[\s,])(?:if|unless)\s", re.I)
# A lead-in heading a claim: a dash or bullet, or a few words and a colon before a capital ("One notable
# trend: Democratic …"); a heading must hold no finite verb (``_without_lead_in``).
LEAD_IN = re.compile(r"^(?:[-–—•*]\s+|(?P<heading>(?:[\w’'-]+\s+){0,3}[\w’'-]+:\s+)(?=[A-Z]))")
ASKED_FRAME = "Is it true that "  # the opening of a label with no auxiliary to move (``as_question``)
# Pronouns that stand for a thing told before (a closed class of English), the roles they ask of, and the
# verbs whose subject "it" may stand for nothing ("it takes", "it is time", "it seems").
REFERRING_PRONOUNS = frozenset({"it", "this", "that", "these", "those"})
PRONOUN_ROLES = frozenset({"nsubj", "nsubjpass", "dobj", "pobj"})
INNER_CLAUSE_DEPS = frozenset({"advcl", "relcl", "acl", "ccomp"})  # a clause below the label's main one
EXPLETIVE_VERBS = frozenset({"be", "take", "seem", "appear", "matter", "remain", "happen", "rain"})


def _jaccard(first: frozenset[str], second: frozenset[str]) -> float:
    union = first | second
    return len(first & second) / len(union) if union else 0.0


def central_order(word_sets: Sequence[frozenset[str]], sources: Sequence[str] | None = None) -> list[int]:
    """Indexes of the word sets, most central first (ties: given order). Each set is compared with at most
    ``CENTRAL_SAMPLE`` others spread evenly over the group: every pair of a large group would make a story
    of thousands of claims quadratic (``benchmarks/ledger_scaling.py``); smaller groups compare all pairs.
    ``sources``: where each set comes from (a figure's claim); sets of one source count once and never
    support each other, or a recap giving three of a count's values ("three works were found on Tuesday in
    a car …, seven by Wednesday and 11 by Thursday") outweighs the claims that state the count itself."""
    keys = list(sources) if sources is not None else [str(i) for i in range(len(word_sets))]
    step = max(1, len(word_sets) // CENTRAL_SAMPLE)
    sampled = {keys[j]: j for j in reversed(range(0, len(word_sets), step))}  # each source's first
    sample = sorted(sampled.values())
    centrality = [
        sum(_jaccard(words, word_sets[j]) for j in sample if keys[j] != keys[i])
        for i, words in enumerate(word_sets)
    ]
    return sorted(range(len(word_sets)), key=lambda i: -centrality[i])


def proposition_label(claims: Sequence[Claim], order: list[int]) -> str:
    """A yes/no question from the most central claim that states the content itself (not "the news that
    …")."""
    return as_question(label_content(claims, order))


def label_claim(claims: Sequence[Claim], order: list[int]) -> Claim:
    """The claim whose words make a proposition's label."""
    return claims[_label_claim(claims, order)]


def _label_claim(claims: Sequence[Claim], order: list[int]) -> int:
    """The claim whose words make the label (see ``proposition_label``)."""
    nouns, stopwords = ledger_lexicon().statement_nouns, ledger_lexicon().stopwords
    stated = [i for i in order if not _opens_with_statement_noun(claims[i].text, nouns)]
    # A headline's Title Case ("Hillary Clinton's 'Honesty Is In Question") reads as a fragment in a
    # question: a sentence of the body saying the same thing words it.
    stated = [i for i in stated if not title_case(claims[i].text)] or stated
    # The question is best put in the words of a claim that asserts it and names its subject: "North Korea
    # has sent troops" reads as the question; "we have no proof of …" reads as one side's answer.
    named = [i for i in stated if (WORD.findall(claims[i].text) or [""])[0].lower() not in stopwords]
    asserted = [i for i in stated if claims[i].modality == "asserted"]
    named_asserted = [i for i in named if claims[i].modality == "asserted"]
    return (named_asserted or asserted or named or stated or order)[0]


def title_case(text: str) -> bool:
    """Whether every word of a content of a few words opens with a capital: a headline's style."""
    words = [word for word in WORD.findall(text) if len(word) > 1 and not word[0].isdigit()]  # not "’s"
    return len(words) >= TITLE_CASE_WORDS and all(word[0].isupper() for word in words)


def label_content(claims: Sequence[Claim], order: list[int]) -> str:
    """The words a proposition's label is made of: the label claim's content, shortened, an opening "it" or
    "they" named (``_speaker_for_pronoun``)."""
    claim = claims[_label_claim(claims, order)]
    return _speaker_for_pronoun(shorten(*_without_lead_in(claim)), claim)


def _speaker_for_pronoun(content: str, claim: Claim) -> str:
    """``content`` with an opening subject "it" replaced by the claim's speaker when one is named and is
    no pronoun: reported speech's "it" is the body that speaks ("The agency said it could not comment" →
    "the agency could not comment"), as a person says "he" of himself (``proposition_pronouns``). So is an
    opening "they" of reported speech whose speaker is a group, named by a plural noun ("Residents of the
    valley said they heard nothing" → "residents of the valley heard nothing"); a quotation's "they" is
    others, the speaker says "we"."""
    speaker = claim.speaker_text
    first, _space, rest = content.partition(" ")
    pronoun = first.lower()
    if pronoun not in ("it", "they") or not rest or not speaker or claim.speaker is None:
        return content
    if speaker.split()[0].lower() in REFERRING_PRONOUNS | {"he", "she", "they", "i", "we", "you"}:
        return content
    if pronoun == "they":
        group = _group_named(speaker)
        if claim.quote == "direct" or group is None:
            return content
        speaker = group
    sentence = next(iter(_parsed(content).sents))
    if sentence[0].dep_ not in ("nsubj", "nsubjpass") or sentence[0].head.lemma_ in EXPLETIVE_VERBS:
        return content
    return f"{speaker} {rest}"


def _group_named(speaker: str) -> str | None:
    """The speaker's words when a plural noun heads them ("Survivors in the valley", "the Smiths"): whom a
    "they" may stand for, their first word lower-cased unless a name's (it opened the sentence); None for a
    person ("Jan Smith") or a body ("the agency"), no "they"."""
    sentence = next(iter(_parsed(speaker).sents))
    if sentence.root.tag_ not in ("NNS", "NNPS"):
        return None
    return speaker if sentence[0].tag_ in ("NNP", "NNPS") else speaker[:1].lower() + speaker[1:]


def _first_verb(claim: Claim) -> int | None:
    """Where the content's first finite verb is (characters), when the parse gave it."""
    return claim.finite_verbs[0] if claim.finite_verbs else None


def _without_lead_in(claim: Claim) -> tuple[str, int | None]:
    """The claim's text without a lead-in that only heads it, and where its first finite verb then is: a
    list's dash or bullet ("- Donald Trump enjoyed …") or a few words before a colon with no finite verb
    among them ("One notable trend: Democratic insiders … were more likely …"). Either is the outlet's layout
    or heading, and a label keeping it read "Has - Donald Trump enjoyed …?" (issue #14). A colon after a
    verb ("Trump said: …") introduces what was said and stays."""
    verb_at = _first_verb(claim)
    found = LEAD_IN.match(claim.text)
    if found is None or (found["heading"] and (verb_at is None or verb_at < found.end())):
        return claim.text, verb_at
    return claim.text[found.end() :], None if verb_at is None else verb_at - found.end()


def asks_something(claims: Sequence[Claim], order: list[int]) -> bool:
    """Whether the content a proposition label is built from states something a reader can check: a few
    words at least, not a fragment ("from his perspective", "him to probe claims"), nor a chat's shorthand
    (``label_cuts.writes_shorthand``), nor words that name the speaker or the one spoken to
    (``speaker_relative``), nor a content cut inside a phrase (``cut_whole``) or right after a verb
    that needs what follows it (``_ends_on_empty_verb``)."""
    data = load_lexicon("ledger")
    content = label_content(claims, order)
    text, verb_at = _without_lead_in(label_claim(claims, order))
    if (
        writes_shorthand(content)
        or speaker_relative(content)
        or _condition_cut(text, content)
        or _ends_on_empty_verb(content)
        or not cut_whole(text, verb_at)
        or not _asks_a_clause(content)
        or _unresolved_pronoun(content)
        or _lacks_subject(content)
    ):
        return False
    words = content.lower().split()
    first = words[0] if words else ""
    openers = {*data["fragment_openers"], *data["subjectless_openers"]}
    return len(words) >= MIN_PROPOSITION_WORDS and first not in openers and not CONTRACTED.match(first)


def _asks_a_clause(content: str) -> bool:
    """Whether a label that asks "Is it true that …?" asks it of a clause, not of a noun phrase whose only
    finite verbs are in a clause a "that" or a relative pronoun opens inside it ("Donald Trump's lead that it
    gave the appearance of certainty in the polls", the object of "broadcast" taken for the content: issue
    #14). Read off a parse of the label's words: the root a noun, a finite verb in it, and every finite verb
    under such a clause. A root noun with no finite verb at all is the parser's misreading of a lone clause
    ("Russian intelligence services hacked into …", "hacked" read as a participle) and stays; a label with
    its auxiliary moved is a clause already."""
    question = as_question(content)
    if not question.startswith(ASKED_FRAME):
        return True
    sentence = next(iter(_parsed(question.removeprefix(ASKED_FRAME).rstrip("?")).sents))
    if sentence.root.pos_ not in ("NOUN", "PROPN"):
        return True
    finite = [token for token in sentence if token.tag_ in FINITE_TAGS]
    return not finite or not all(_in_opened_clause(token, sentence.root) for token in finite)


def _lacks_subject(content: str) -> bool:
    """Whether a label that asks "Is it true that …?" asks it of a clause that opens on its verb and has no
    subject ("said right from the beginning", "that track last-minute spending …": the subject or the noun a
    relative clause was of stayed in the sentence): it asks of no one (issue #14). A clause opening on an
    auxiliary is ``subjectless_openers``' already."""
    question = as_question(content)
    if not question.startswith(ASKED_FRAME):
        return False
    sentence = next(iter(_parsed(question.removeprefix(ASKED_FRAME).rstrip("?")).sents))
    root = sentence.root
    return (
        root.i == sentence.start
        and root.tag_ in VERB_FORM_TAGS
        and not any(child.dep_ in SUBJECT_DEPS for child in root.children)
    )


def _unresolved_pronoun(content: str) -> bool:
    """Whether the label's ``content`` asks of "it", "this", "that", "these" or "those" standing alone as a
    subject or an object ("There is no question about it", "It shows an officer aiming a gun"): what it
    stands for was told in a sentence the reader of the question does not see (issue #14, as
    ``proposition_pronouns`` for "he" and "they"). An "it" that stands for nothing, the subject of a
    verb of ``EXPLETIVE_VERBS`` ("it takes 1,237 delegates", "it may be years before …"), stays; so does a
    demonstrative before its noun ("this year") and a relative "that"."""
    for token in _parsed(content):
        lower = token.lower_
        if lower not in REFERRING_PRONOUNS or token.dep_ not in PRONOUN_ROLES:
            continue
        if lower == "it" and token.dep_ in ("nsubj", "nsubjpass") and token.head.lemma_ in EXPLETIVE_VERBS:
            continue
        if token.head.dep_ in INNER_CLAUSE_DEPS and any(
            earlier.pos_ in ("NOUN", "PROPN") for earlier in token.doc[: token.i]
        ):
            continue  # "marked classified at the time it was sent": a noun before in the label is what it is
        if token.tag_ in ("PRP", "DT"):
            return True
    return False


def _in_opened_clause(token: Token, root: Token) -> bool:
    """Whether ``token`` stands in a clause below ``root`` that "that" or a relative pronoun opens."""
    while token.i != root.i:
        opened = any(child.lower_ == "that" or child.tag_ in RELATIVE_TAGS for child in token.children)
        if token.dep_ in CLAUSE_DEPS and opened:
            return True
        token = token.head
    return False


def _ends_on_empty_verb(content: str) -> bool:
    """Whether the label's ``content`` ends on a verb that says nothing without its complement
    (``complement_verbs``: "… comments came", its "as the facts are still being gathered" cut off)."""
    words = WORD.findall(content.removesuffix(" …"))
    return bool(words) and words[-1].lower() in load_lexicon("ledger")["complement_verbs"]


def _condition_cut(text: str, content: str) -> bool:
    """Whether the label's ``content`` (cut from the claim's ``text``) says what would happen and the cut
    left out the condition it hangs on: "It would be a dereliction of duty by President Obama … if they fail
    to act" asked "Would it be a dereliction of duty by President Obama?", a claim the speaker never made
    (issue #14). The question is left out: kept whole it is too long to scan, cut it is false."""
    if not CONDITIONAL_MODAL.search(content) or CONDITION.search(content):
        return False
    words = text.split()
    kept = len(content.removesuffix(" …").split())
    if not 0 < kept < len(words) or words[kept - 1].endswith((".", "!", "?")):
        return False  # nothing left out, or the sentence ended where the label did
    first_sentence = re.split(r"(?<=[.!?])\s", " ".join(words[kept:]), maxsplit=1)[0]
    return CONDITION.search(first_sentence) is not None


def speaker_relative(content: str) -> bool:
    """Whether the content names its speaker or the one spoken to by a pronoun (``speaker_pronouns``): a
    question asked of every source cannot say who "I" or "you" is. A contracted pronoun is read without its
    auxiliary ("Mr. Lee, you're a doctor": children's words a father quotes in PolNeAR's khan-family,
    issue #14)."""
    pronouns = frozenset(load_lexicon("ledger")["speaker_pronouns"])
    words = [
        re.split(r"['’]", word)[0] if CONTRACTED.match(word.lower()) else word
        for word in WORD.findall(content)
    ]
    return any(word in pronouns or (word != "I" and word.lower() in pronouns) for word in words)


def as_question(content: str) -> str:
    """ "Gennifer Flowers will not be attending" → "Will Gennifer Flowers be attending?"; without an
    auxiliary in its first words, "Is it true that …?"."""
    auxiliaries, _contracted, negations, _abbreviations = label_words()
    # quotation marks go: a label cut inside a quotation would leave one unbalanced ("had "strong?")
    content = _without_single_quotes(re.sub(r"[\"“”]", "", content))
    content = TRAILING_CLOSE.sub("", content.removesuffix(" …")).rstrip(" .,;:").removeprefix("that ")
    # a writer's comment before the clause ("Ironically, …") is the outlet's aside, not what is asked
    content = COMMENT_OPENER.sub("", content)
    words = _without_frame(content.split(), auxiliaries)
    for found, word in enumerate(words[: MIN_PROPOSITION_WORDS + 2]):
        if _opens_question(words, found, _auxiliary(word), auxiliaries):
            index = _main_auxiliary(words, found)
            if index is None:
                break  # the auxiliary of a clause inside the subject, and none of the main clause's
            auxiliary = _auxiliary(words[index])
            rest = [w for w in words[index + 1 :][:1] if w.lower() not in negations] + words[index + 2 :]
            subject = " ".join(_positive(word) for word in words[:index])
            subject = subject if subject[:2] == "I " or not subject[:1].isupper() else _lower_first(subject)
            auxiliary, rest = _past_of_hedge(auxiliary, rest)
            return f"{auxiliary.capitalize()} {subject} {' '.join(rest)}".strip() + "?"
    return f"{ASKED_FRAME}{_lower_first(' '.join(_without_main_negation(words)))}?"


def _without_main_negation(words: list[str]) -> list[str]:
    """The content's words without the negation of its main clause ("not", "never" governed by the parse's
    root), as a label with an auxiliary to move loses it ("Will Flowers be attending?"): a claim's stance is
    read from its negation, so "Is it true that the man's name was not left off the ballot?" would stand the
    officials who say it was not on the side that denies what they say, a label negating twice (issue #14).
    A negation inside a clause of the subject ("the idea that he does not know …") is that clause's. An
    adverb of the root's right before the negation ("is just not true", "was simply not there") was said of
    the negation and goes with it."""
    negations = label_words()[2]
    starts = {_offset(words, index): index for index in range(len(words))}
    sentence = next(iter(_parsed(" ".join(words)).sents))
    root = sentence.root
    for child in root.children:
        index = starts.get(child.idx)
        if child.dep_ == "neg" and index is not None and words[index].lower() in negations:
            before = child.nbor(-1) if child.i > sentence.start else child
            said_of = (
                before.dep_ == "advmod" and before.head.i == root.i and starts.get(before.idx) == index - 1
            )
            return words[: index - 1 if said_of else index] + words[index + 1 :]
    return words


def _auxiliary(word: str) -> str:
    """A word read as the auxiliary it may be: "won't" → "will", "isn't" → "is", others lower-cased."""
    bare = word.lower().replace("’", "'")
    return label_words()[1].get(bare) or (bare[:-3] if bare.endswith("n't") else bare)


def _main_auxiliary(words: list[str], found: int) -> int | None:
    """The index of the auxiliary of the content's main clause, when the first one found (``found``) belongs
    to a clause inside the subject: "the exact scenario Pelosi was discussing would be novel" asked "Was the
    exact scenario Pelosi discussing would be novel?", and "Iowa proved polls are misleading" asked "Are Iowa
    proved polls misleading?" (issue #14). Read off a parse of the content: an auxiliary of the root verb,
    or the root itself, stays; else the root's own auxiliary moves ("Would the exact scenario … be
    novel?"), or none does (None: "Is it true that Iowa proved polls are misleading?")."""
    sentence = next(iter(_parsed(" ".join(words)).sents))
    starts = {sum(len(word) + 1 for word in words[:index]): index for index in range(len(words))}
    token = next((t for t in sentence if t.idx == _offset(words, found)), None)
    if token is None:
        return found
    verb = token.head if token.dep_ in ("aux", "auxpass") else token
    root = sentence.root
    # a finite verb with a subject of its own before the auxiliary, no relative clause ("the man she met
    # was …"): a clause came first ("Iowa proved …", which the parser may read as a modifier of "polls")
    earlier = any(
        t.tag_ in FINITE_TAGS
        and t.dep_ not in ("relcl", "acl")
        and any(c.dep_ == "nsubj" for c in t.children)
        for t in sentence
        if t.i < token.i
    )
    if not earlier and (verb.i == root.i or verb.dep_ == "conj"):
        return found
    auxiliaries = label_words()[0]
    own = [child for child in root.children if child.dep_ in ("aux", "auxpass") and child.i < root.i]
    candidates = own[:1] or ([root] if root.lower_ in auxiliaries else [])
    for candidate in (c for c in candidates if c.i > token.i):
        index = starts.get(candidate.idx)
        if index is not None and _opens_question(words, index, _auxiliary(words[index]), auxiliaries):
            return index
    return None


def _offset(words: list[str], index: int) -> int:
    """Where ``words[index]`` starts in the words joined by spaces."""
    return sum(len(word) + 1 for word in words[:index])


@lru_cache(maxsize=4096)
def _parsed(content: str) -> Doc:
    """The pipeline's parse of a label's content (no entities: ``evidence.NOT_READ``), once per content."""
    from storyline.stages.ledger.evidence import NOT_READ
    from storyline.stages.nlp import parse_without

    return parse_without(content, NOT_READ)


def _without_single_quotes(content: str) -> str:
    """``content`` without single quotation marks: an opening "‘" (never an apostrophe) and the "’" closing
    it at a word's end ("‘were extremely careless’"). A label cut inside such a quotation kept "‘were
    extremely careless?" (issue #14); a possessive "Democrats’" stays when no quotation opened."""
    if "‘" not in content:
        return content
    return SINGLE_QUOTE_CLOSE.sub("", content.replace("‘", ""))


def _without_frame(words: list[str], auxiliaries: frozenset[str]) -> list[str]:
    """The proposition's own clause when the content opens with a short frame that only says what something
    implies ("it means Trump may not have paid …", "the losses mean that …": ``implication_frames``); a
    label built from the frame read "May it means Trump have paid …?" (issue #14). Only when a clause with
    an auxiliary follows: "revelations … show the need for tax reform" is itself the claim."""
    frames = frozenset(load_lexicon("ledger")["implication_frames"])
    for index, word in enumerate(words[: FRAME_SUBJECT_WORDS + 1]):
        if word.endswith(","):
            return words
        if index and word.lower() in frames:
            rest = words[index + 1 :]
            rest = rest[1:] if rest[:1] and rest[0].lower() == "that" else rest
            opens_clause = any(later.lower() in auxiliaries for later in rest[1 : FRAME_SUBJECT_WORDS + 2])
            return rest if opens_clause and len(rest) >= MIN_PROPOSITION_WORDS else words
    return words


def _past_of_hedge(auxiliary: str, rest: list[str]) -> tuple[str, list[str]]:
    """ "did", "pay a dime …" for a hedge on a past event ("may", "have paid a dime …"): the question is
    whether it happened, and the modal is the speaker's hedge, not what is asked ("Did Trump pay a dime …?",
    not "May Trump have paid a dime …?"; ``hedging_modals``). Other auxiliaries and forms stay."""
    if (
        auxiliary not in load_lexicon("ledger")["hedging_modals"]
        or len(rest) < 2
        or rest[0].lower() != "have"
    ):
        return auxiliary, rest
    lemma = _base_form(rest[1])
    return ("did", [lemma, *rest[2:]]) if lemma else (auxiliary, rest)


def _base_form(word: str) -> str:
    """The base form of a past participle ("paid" → "pay"), as the pipeline's tagger and lemmatiser read it
    after "have"; "" when it does not read one."""
    from storyline.stages.ledger.evidence import NOT_READ
    from storyline.stages.nlp import parse_without

    doc = parse_without(f"They have {word}", NOT_READ)
    token = doc[-1]
    return token.lemma_ if token.tag_ == "VBN" and token.lemma_.isalpha() else ""


def _positive(word: str) -> str:
    """A negative subject word made positive once the label takes the negation out ("none" → "any")."""
    positive: dict[str, str] = load_lexicon("ledger")["negative_subjects"]
    found = positive.get(word.lower())
    return word if found is None else (found.capitalize() if word[:1].isupper() else found)


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
    return following in label_words()[2] or following.endswith(("ed", "en")) or following == "been"


def _lower_first(text: str) -> str:
    """The first word lower-cased when it is a function word ("The FBI" → "the FBI"), a name kept."""
    first, _space, rest = text.partition(" ")
    if first != "I" and first.lower() in ledger_lexicon().stopwords:
        return " ".join((first.lower(), rest)).strip()
    return text


def _opens_with_statement_noun(text: str, nouns: frozenset[str]) -> bool:
    words = [word.lower() for word in WORD.findall(text)[:3]]
    return any(word in nouns for word in words)


def shorten(text: str, verb_at: int | None = None) -> str:
    """The text cut at the first clause end after a few words, and at most ``PROPOSITION_WORDS`` words or
    a few more to end on a whole phrase (``label_cuts.whole_cut``); a request keeps what it asks
    (``keep_request``). ``verb_at``: where the first finite verb is, when known: the first clause ends after
    it (``_cut``)."""
    words, cut = _cut(text, verb_at)
    kept = words[: cut or PROPOSITION_WORDS]
    while cut is None and len(kept) > MIN_PROPOSITION_WORDS and open_word(kept[-1]):
        kept.pop()  # a cut at the word limit ends on what it says, not on "… forward with"
    return " ".join(kept).rstrip(" ,;:") + (" …" if len(kept) < len(words) else "")


def _cut(text: str, verb_at: int | None = None) -> tuple[list[str], int | None]:
    """The words of ``text``'s first clause (``clause_end``), a request's object kept (``keep_request``),
    never ending before its first finite verb (``verb_at``, characters): "Clinton's "judgment" and
    "honesty" are in question" is one clause whose subject is coordinated, cut at "and" it asked nothing
    (PolNeAR classified-emails); and how many a label keeps: all within the word limit; past it, a whole
    phrase's worth read off a parse of the whole text (``label_cuts.whole_cut``), or None when no cut near
    the limit leaves one."""
    full = without_appositive(keep_request(" ".join(text.split())))
    subject = len(WORD.findall(text[:verb_at])) if verb_at else 0
    end = clause_end(full, max(MIN_PROPOSITION_WORDS, subject))
    while end < len(full) and cut_inside_phrase(full, len(full[:end].split())):
        # a clause end inside a noun phrase or a list ("a good, | decent man"): the next one
        end = clause_end(full, len(WORD.findall(full[:end])) + 1)
    words = full[:end].split()
    if len(words) <= PROPOSITION_WORDS:
        return words, len(words)
    return words, whole_cut(full, PROPOSITION_WORDS, MIN_PROPOSITION_WORDS, PHRASE_REACH, len(words))


def cut_whole(text: str, verb_at: int | None = None) -> bool:
    """Whether ``shorten`` cuts ``text`` on a whole phrase (``_cut``). A label cut inside a phrase ("… for
    such a?") cannot be read whole, and its question is left out (precision first)."""
    return _cut(text, verb_at)[1] is not None
