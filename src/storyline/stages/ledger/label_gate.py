"""Whether a measured thing's finished label says what is asked: a question is shown only when it does, and
a figure whose label cannot say it stays a claim of the story (issue #14: an analyst would rather read ten
right questions than fifty doubtful ones).

- an amount of money names what the money is ("How much was the contribution from …?") or the verb it is
  the object of ("How much money did the FAO appeal for?"): "How much money in a single year?" (a loss)
  and "How much money for those in the middle of the income?" (a tax cut) name neither;
- a share names what it is a share of ("What share of likely voters …?") or a verb ("What share rate he
  has proposed …?"): "What share rate far lower than the top?" names neither;
- a count whose label names no verb ("How many illegal immigrants?", "How many people in San
  Bernardino?") from one claim, where its figure is the object of a verb the label could not take (or of
  an "of" after that verb's object: "took the lives of 49 club goers"), drops what was done to what is
  counted;
- a count whose figure's noun is the subject of a bare infinitive another verb governs ("it has helped
  105,000 farmers increase their yields") asks as their own deed what they were helped to do when the label
  names the infinitive alone ("How many farmers increase their yields?", ``_causer_left_out``);
- a count of "other" things ("How many other class action suits …?") counts beside a set the label does
  not name: the reader cannot tell what else there is (issue #14, PolNeAR curiel story). "Additional" is
  not read so: "How many additional emails did she delete?" asks what the gold wants (classified-emails);
- a count's bare noun over several values one source gives ("How many email chains?": seven of one kind,
  eight of another) cannot tell the things apart (``names_several_things``, once the status is known;
  floors are one running total);
- a share that is its verb's subject ("5 percent is modified": "What share is modified?") says of what it
  is a share nowhere (issue #14, PolNeAR dnc-email-leak);
- a count is no count when its figure only sizes a known set ("the nominee of the two major parties", "both
  houses"), nor when its noun is the first of a list the figure counts together ("more than 20 former
  crew members, editors and contestants": the label would name the first only), nor when it picks some
  of a ranking ("Two of the biggest names in government data leaks": who they are is the news, not how
  many; a superlative after "of the"), nor when it counts what a false report told ("falsified reports of
  two explosions at the White House": nothing was counted; ``false_report_words``);
- a count one claim gives asks something (``asks_a_voiced_count``) only when its label is the figure's own
  noun, an auxiliary, a subject that is no pronoun and a verb ("How many emails did somebody destroy?"), said
  by a resolved speaker: "How much money did he raise?" or "How many members did we consist of?" name
  nobody the reader can tell without the sentence;
- a label whose "did" supports "be" ("How many types of conflicts did it be to name?") is no English: "be"
  takes no do-support in a question, so the predicate was read off the wrong verb of its sentence (a
  copula's subject taken for the figure's verb's: "it was easy to name a hundred …", issue #14); nor is one
  that ends on a finite "be" with nothing after it ("How many meetings Clinton had with individuals were?":
  the verb of a part of the figure, "85 of the 154 meetings … were with donors", its complement cut off),
  "… were there?" aside;
- a label whose subject is a plural pronoun ("How many cracks did they make?") or that counts a share "of
  them" ("What share of them voted for …?") asks of a group it never names: who "they" are was told in
  sentences the reader does not see (issue #14, as a proposition's pronoun: ``proposition_pronouns``);
- a label that puts "did" before a relative pronoun ("How many pollsters did whose final polls start …?")
  or ends a phrase on a determiner and a modifier with no noun after a preposition ("… in the highest did
  they make?", "… plus the heavily?") was cut or moved inside a phrase and is no English;
- a label that asks of "them" after a preposition in its one clause ("How many rows were reserved in front
  of them?") names a group the clause cannot be about: a pronoun is never its own clause's subject (that is
  "themselves"), so who they are was told in sentences the reader does not see; a pronoun in a clause of its
  own ("What share of voters said it bothered them?") may be the voters and stays. (A singular "him" often
  is the one person a story is about: "How many of the officers are kneeling over him?" read fine in
  review, and stays);
- a label holding a lone lower-case letter other than "a" ("How many f ing delegates …?") writes a censored
  word or a cut one ("p.m." and "x-ray" are no lone letters);
- a label of a difference with no subject and no verb ("How many points higher?") says neither what is
  higher nor than what; a share whose opener a participle follows ("What share saying they are …?") says
  of whom nowhere.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import cache
from itertools import pairwise
from typing import TYPE_CHECKING

from storyline.lexicons import load_lexicon
from storyline.records import Claim, Quantity, Question
from storyline.stages.ledger.counted import TARGET, Measure, is_lower_bound
from storyline.stages.ledger.evidence import label_tokens, names_a_predicate
from storyline.stages.ledger.label_cuts import WORD, label_words, writes_shorthand
from storyline.stages.ledger.label_predicates import figure_in_parse, parse_figure_sentences
from storyline.stages.ledger.quantity_labels import (
    MONEY_OPENER,
    NAMED_MONEY_OPENER,
    PRESENT_MONEY_OPENER,
    SHARE_OPENER,
    noun_phrase,
    subordinate_clause,
)
from storyline.stages.ledger.umbrellas import coordinated_kinds
from storyline.stages.quantities import CURRENCY_UNITS

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

# "both" before a count, or "the" before a small count written in words: "the two major parties", "the two
# sides", "both houses" size a set the reader knows; the article does not report how many there are. A count
# in digits or a larger one after "the" ("the 30,000 emails", "the 12 provinces") refers to a count the story
# reports, and "all 23 crew" reports one: they stay figures.
KNOWN_SET_BEFORE = re.compile(r"(?:^|\s)(?:the|both)\s+$", re.I)
KNOWN_SET_MAX = 3
# A count's noun opened by "other": what it is beside is not in the label.
BESIDE_UNNAMED = re.compile(r"^How many other\b", re.I)
# A figure's span that picks "of the" something ("Two of the biggest names"), and the tags of a superlative
PARTITIVE_OF_THE = re.compile(r"^\S+\s+of\s+the\s", re.I)
SUPERLATIVE_TAGS = frozenset({"JJS", "RBS"})
# words before a figure a false report's words are looked for in ("falsified reports of | two explosions")
FALSE_REPORT_REACH = 5
# The figure's words are followed by a coordination ("…, editors and contestants", "… and editors"):
# checked on a parse only when the text after the figure opens like one.
LIST_AFTER = re.compile(r"\s*(?:,\s*[a-z][\w-]*|,?\s+(?:and|or)\s+[a-z])")
# Personal pronouns and possessive determiners: English's closed class, listed by hand. A label whose subject
# is one ("did he raise", "did its new bloc have") leaves the label's reader to guess who acted.
# "did" and its subject (a few words, none a verb's "to" or a negation) before "be": "did it be to name".
DO_SUPPORTED_BE = re.compile(r"\bdid(?:\s+(?!to\b|not\b|n't\b)[\w’'-]+){1,4}\s+be\b", re.I)
# a finite "be" ending a label, not after "there" ("How many were there?" asks something)
BARE_BE_END = re.compile(r"(?<!\bthere)\s+(?:is|are|was|were)\?$", re.I)
# the dependencies of a clause a verb governs whose subject may be its object ("helped farmers increase …")
SMALL_CLAUSE_DEPS = frozenset({"ccomp", "xcomp"})
FINITE_OR_PARTICIPLE_TAGS = frozenset({"VBD", "VBZ", "VBP", "VBG", "VBN", "MD"})
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
RELATIVE_ADVERBS = frozenset({"where", "when", "whose", "whom"})
# a plural pronoun a label asks of: its clause's subject after the question's auxiliary ("did they make"), or
# the set a share or count is "of" right after the opener ("What share of them")
PLURAL_PRONOUN_ASKED = re.compile(
    r"^(?:What share|How many|How much) of them\b"
    r"|\b(?:did|do|does|are|were|have|had|will|would|can|could)\s+they\b",
    re.I,
)
# "did" (or another auxiliary moved before a subject) before a relative pronoun: the predicate was moved past
# a relative clause's opener ("did whose final polls start")
AUXILIARY_BEFORE_RELATIVE = re.compile(r"\b(?:did|does|do)\s+(?:whose|who|whom|which)\b", re.I)
# a phrase cut before its noun: a preposition or conjunction, a determiner, one modifier, and then no noun
MODIFIER_TAGS = frozenset({"JJ", "JJR", "JJS", "RB", "RBR", "RBS"})
NOUN_PHRASE_TAGS = frozenset({"NN", "NNS", "NNP", "NNPS", "CD", "JJ", "JJR", "JJS", "VBG", "VBN", "HYPH"})
COMPARATIVE_TAGS = frozenset({"JJR", "RBR"})
# a lone letter no English word is
LONE_LETTER = re.compile(r"(?<![\w.’'-])[b-hj-z](?![\w.’'-])")
PRONOUN_SUBJECTS = frozenset(
    {"i", "you", "he", "she", "it", "we", "they", "my", "your", "his", "her", "its", "our", "their"}
)


def parse_gated_sentences(
    groups: Sequence[Sequence[Measure]], orders: Sequence[Sequence[int]], texts: Mapping[str, str]
) -> None:
    """Parse together, ahead (``label_predicates.parse_figure_sentences``), the sentences of the labelled
    figures whose gate (``says_what_is_asked``) the group alone does not decide before it parses one."""
    parse_figure_sentences(
        (texts.get(group[order[0]].claim.article, ""), group[order[0]].quantity)
        for group, order in zip(groups, orders, strict=True)
        if group[0].holder is None
        and group[0].kind != TARGET  # a goal asks nothing (``measured_questions``)
        and group[0].unit not in CURRENCY_UNITS
        and group[0].unit != "percent"
    )


def says_what_is_asked(
    label: str, group: Sequence[Measure], order: Sequence[int], texts: Mapping[str, str]
) -> bool:
    """Whether the finished ``label`` of a measured thing says what it asks (the module's rules). A poll
    share of a named candidate says it by construction ("What share back …?"). A label in a chat's
    shorthand ("How many ppl n children …?") says nothing an analyst reads
    (``label_cuts.writes_shorthand``)."""
    if writes_shorthand(label) or BESIDE_UNNAMED.match(label):
        return False
    if DO_SUPPORTED_BE.search(label) or BARE_BE_END.search(label) or AUXILIARY_BEFORE_RELATIVE.search(label):
        return False  # no English question
    if PLURAL_PRONOUN_ASKED.search(label) or _cut_before_noun(label) or _bare_comparative(label):
        return False
    if LONE_LETTER.search(label) or _pronoun_after_preposition(label):
        return False
    if group[0].holder is not None:
        return True
    if _relative_clause_only(label):
        return False
    if label.startswith(MONEY_OPENER):
        return _money_names_a_verb(label)
    if label.startswith(SHARE_OPENER):
        return _share_names_its_whole(label)
    if (
        label.startswith((NAMED_MONEY_OPENER, PRESENT_MONEY_OPENER))
        or group[0].unit in CURRENCY_UNITS
        or group[0].unit == "percent"
    ):
        return True
    # the label's own figure: another figure of the group may be written plainly
    labelled = group[order[0]]
    if _verb_left_out(label, group, labelled, texts):
        return False
    claim, quantity = labelled.claim, labelled.quantity
    return not (
        _causer_left_out(label, labelled, texts)
        or _sizes_known_set(claim, quantity)
        or _counts_list(labelled, texts)
        or _picks_of_a_ranking(quantity, texts.get(claim.article, ""))
        or _told_by_a_false_report(claim, quantity)
    )


def asks_a_voiced_count(label: str, group: Sequence[Measure]) -> bool:
    """Whether a count from one claim asks what the claim says was done to the counted thing, and who says
    it is known: the label is "How many" and the figure's noun, then an auxiliary, a subject that is no
    pronoun and a verb ("How many emails did somebody destroy?", Giuliani's "Destruction of 34,000 emails",
    PolNeAR fbi-no-charges), and the claim's speaker is resolved and states it in a finite clause. Such a
    count is one voice's question (single-source), not the body of the story (issue #14)."""
    claim = group[0].claim
    if claim.speaker is None or not claim.finite_verbs:
        return False
    opener = f"How many {noun_phrase(group[0].quantity)} "
    if not label.startswith(opener):
        return False
    words = [word.lower() for word in WORD.findall(label.removeprefix(opener))]
    return (
        len(words) >= 3
        and words[0] in label_words()[0]
        and words[1] not in PRONOUN_SUBJECTS
        and names_a_predicate(label)
    )


def _money_names_a_verb(label: str) -> bool:
    """Whether a "How much money …" label names a verb of the amount's own. "did the Red Cross appeal for":
    the verb ``label_predicates`` gave it, which a tagger reading the label alone may take for a noun. A verb
    of an adverbial clause is no verb of the amount's: "How much money after taking free introductory
    courses?" says neither what the money is nor who paid."""
    tail = label.removeprefix(MONEY_OPENER)
    own = tail[: subordinate_clause(tail)].rstrip(" ?")
    return tail.startswith(" did ") or (bool(own) and names_a_predicate(f"{MONEY_OPENER}{own}?"))


def _relative_clause_only(label: str) -> bool:
    """Whether a count label's only finite verb is a relative adverb's clause ("How many earlier contests
    where exit polls were conducted?"): the counted noun does nothing in it, and the label is a noun
    phrase, no question (issue #14). A "that"/"which"/"who" clause is the question's verb already
    (``label_predicates.finite_count_label``)."""
    if not label.startswith("How many "):
        return False
    tokens = label_tokens(label)[2:]
    relative = next((i for i, token in enumerate(tokens) if token.lower in RELATIVE_ADVERBS), None)
    return relative is not None and not any(token.tag in FINITE_TAGS for token in tokens[:relative])


def _cut_before_noun(label: str) -> bool:
    """Whether the label holds a phrase cut before its noun: a preposition or coordinator, a determiner and
    one modifier, then no word of a noun phrase ("cracks in the highest did they make?": the cut left
    "glass ceiling" out; "states plus the heavily?"). "Is Pat Kennedy the greatest?" names its noun in
    the subject: no preposition opens that phrase."""
    tokens = label_tokens(label)
    for index in range(len(tokens) - 2):
        opener, determiner, modifier = tokens[index : index + 3]
        following = tokens[index + 3].tag if index + 3 < len(tokens) else "."
        if (
            opener.tag in ("IN", "CC")
            and determiner.tag == "DT"
            and modifier.tag in MODIFIER_TAGS
            and following not in NOUN_PHRASE_TAGS
        ):
            return True
    return False


def _pronoun_after_preposition(label: str) -> bool:
    """Whether a label of one clause (one finite verb at most) asks of "them" after a preposition
    ("How many rows were reserved in front of them?"): the clause's own subject cannot be that pronoun, and
    the label names no one else it could be (issue #14)."""
    tokens = label_tokens(label)
    if sum(token.tag in FINITE_TAGS for token in tokens) > 1:
        return False
    return any(token.lower == "them" and before.tag == "IN" for before, token in pairwise(tokens))


def _bare_comparative(label: str) -> bool:
    """Whether a count's label is its noun and a comparative alone ("How many points higher?"): no verb,
    no "than", so neither what is higher nor than what is said (issue #14)."""
    tokens = [token for token in label_tokens(label)[2:] if token.tag != "."]
    # the opener's noun is the figure's, whatever the tagger reads alone ("points" as a verb)
    return (
        bool(tokens)
        and tokens[-1].tag in COMPARATIVE_TAGS
        and not any(token.lower == "than" or token.pos in ("VERB", "AUX") for token in tokens[1:-1])
    )


def _share_names_its_whole(label: str) -> bool:
    """Whether a "What share …" label says of what the share is and what is asked of it: an "of" phrase or a
    verb with its subject, and a finite verb. "What share is modified?" (an auxiliary first: the share is
    the subject) names nothing it is of; "What share of those voters?" or "What share of voters going to the
    polls?" (a participle, no finite verb) is a noun phrase, no question: what the share did or said is the
    claim, and the label dropped it (issue #14)."""
    rest = label.removeprefix(SHARE_OPENER)
    auxiliaries = label_words()[0]
    first_word = rest.split()[:1]
    if first_word and first_word[0].lower() in auxiliaries:
        return False
    opener_words = len(SHARE_OPENER.split())
    after = label_tokens(label)[opener_words : opener_words + 1]
    if after and after[0].tag == "VBG":
        return False  # "What share saying they are very liberal?": of whom, nowhere
    finite = any(token.tag in FINITE_TAGS for token in label_tokens(label)[2:])
    return finite and (rest.startswith(" of ") or names_a_predicate(label))


def names_several_things(label: str, group: Sequence[Measure], question: Question) -> bool:
    """Whether a count's label is its bare noun ("How many email chains?") while one source gives several
    values of it that are no series ("one source on every side": ``status``): the source counts several
    things ("seven email chains" holding top-secret material, "eight email chains" between two people), and
    the bare noun cannot tell them apart, so the question reads as a count in doubt (issue #14, PolNeAR
    classified-emails)."""
    values = {position.value for position in question.positions if position.value is not None}
    bare = {f"How many {noun_phrase(m.quantity)}?" for m in group}
    # floors ("more than 1,200", then "more than 1,300") are one running total, not several things
    floors = any(is_lower_bound(m.quantity) for m in group)
    return question.status == "single-source" and len(values) > 1 and label in bare and not floors


def _verb_left_out(label: str, group: Sequence[Measure], labelled: Measure, texts: Mapping[str, str]) -> bool:
    """Whether a count's label names its figure's noun and nothing else ("How many illegal immigrants?")
    while one claim gives the figure and the figure is the object of a verb the label could not take
    ("promises to … deport 11 million illegal immigrants": the verb has no subject of its own): what was
    done to what is counted is the claim, and the label drops it (issue #14). A figure no verb acts on
    ("in the wake of his six corporate bankruptcies") asks its count plainly, and several claims of one bare
    noun ("How many pages?") still ask one thing they each count."""
    one_claim = len({m.claim.id for m in group}) == 1
    bare_labels = {f"How many {noun_phrase(m.quantity)}?" for m in group}
    verbless = label in bare_labels or _names_no_verb(label)
    text = texts.get(labelled.claim.article, "")
    quantity = labelled.quantity
    if not (one_claim and verbless) or text[quantity.start : quantity.end] != quantity.text:
        return False
    span = figure_in_parse(text, quantity)
    return span is not None and _object_of_a_verb(span.root)


def _causer_left_out(label: str, labelled: Measure, texts: Mapping[str, str]) -> bool:
    """Whether the figure's noun is the subject of a bare infinitive that another verb governs ("it has
    helped 105,000 farmers increase their yields", "the strike made 300 workers leave") while the label names
    the infinitive only ("How many farmers increase their yields?"): the claim is what the governing verb's
    subject did to them, and the label asks as a fact of them what they were helped or made to do (issue
    #14, PolNeAR clinton-foundation-donors). One parse of the figure's sentence, the label's words checked
    for the governing verb first."""
    span = _parsed_figure(labelled, texts)
    if span is None:
        return False
    noun = span.root
    while noun.dep_ in ("compound", "nummod", "amod", "quantmod") and noun.head.i != noun.i:
        noun = noun.head  # "105,000" → "farmers"
    if noun.dep_ == "nsubj" and noun.head.dep_ in SMALL_CLAUSE_DEPS:
        infinitive, governing = noun.head, noun.head.head  # "helped [farmers increase …]"
    elif noun.dep_ == "dobj":  # "helped farmers [increase …]": the parser's other reading of one sentence
        governing = noun.head
        later = [
            child for child in governing.children if child.dep_ in SMALL_CLAUSE_DEPS and child.i > noun.i
        ]
        if not later:
            return False
        infinitive = later[0]
    else:
        return False
    # no tense and no "to": a bare infinitive (or a word the tagger misread in its place: "double" as JJ)
    tenseless = infinitive.tag_ not in FINITE_OR_PARTICIPLE_TAGS
    bare = tenseless and not any(child.dep_ in ("aux", "mark") for child in infinitive.children)
    label_words_lower = {word.lower() for word in WORD.findall(label)}
    named = {governing.lower_, governing.lemma_.lower()} & label_words_lower  # "made" or "did … make"
    return bare and governing.pos_ == "VERB" and not named


def _parsed_figure(measure: Measure, texts: Mapping[str, str]) -> Span | None:
    """The figure's span in a parse of its sentence, or None where its article's text does not hold it."""
    text, quantity = texts.get(measure.claim.article, ""), measure.quantity
    if text[quantity.start : quantity.end] != quantity.text:
        return None
    return figure_in_parse(text, quantity)


def _names_no_verb(label: str) -> bool:
    """Whether a count's label names no verb after its opener: no auxiliary ("did the agency interview",
    "were killed": a tagger reading the label alone may take a question's last verb for a noun) and no
    word the tagger reads as a verb."""
    auxiliaries = label_words()[0]
    after_opener = [word.lower() for word in WORD.findall(label)[2:]]
    return not any(word in auxiliaries for word in after_opener) and not names_a_predicate(label)


def _object_of_a_verb(noun: Token) -> bool:
    """Whether the figure's noun is a verb's object ("shot dead 14 people"), or the object of an "of" after
    a noun that is ("took the lives of 49 club goers"): what the verb did to the counted thing is the
    claim."""
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.dep_ == "dobj":
        noun = noun.head.head
    return noun.dep_ == "dobj" and noun.head.pos_ == "VERB"


def _picks_of_a_ranking(quantity: Quantity, text: str) -> bool:
    """Whether the figure picks some of a ranked set ("Two of the biggest names", "one of the most senior
    officials"): a superlative after the figure's "of the", read off the parse of its sentence. Such a figure
    describes whom it names; it tallies nothing a source could dispute (issue #14)."""
    if not PARTITIVE_OF_THE.match(quantity.text) or text[quantity.start : quantity.end] != quantity.text:
        return False  # no "of the" after the figure: no parse needed to know
    span = figure_in_parse(text, quantity)
    return span is not None and any(token.tag_ in SUPERLATIVE_TAGS for token in span)


def _told_by_a_false_report(claim: Claim, quantity: Quantity) -> bool:
    """Whether the figure is what a report the claim calls false told ("tweeting out falsified reports of two
    explosions at the White House": a hoax, nothing counted): a word of ``false_report_words`` a few words
    before it, right before a report noun or one word before it ("false news reports")."""
    falsity, reports = _false_report_words()
    before = [w.lower() for w in WORD.findall(claim.text[: max(0, quantity.start - claim.start)])]
    reach = before[-FALSE_REPORT_REACH:]
    return any(
        word in falsity and any(noun in reports for noun in reach[index + 1 : index + 3])
        for index, word in enumerate(reach)
    )


@cache
def _false_report_words() -> tuple[frozenset[str], frozenset[str]]:
    """``false_report_words`` and ``report_nouns`` of ``lexicons/ledger.toml``."""
    lexicon = load_lexicon("ledger")
    return frozenset(lexicon["false_report_words"]), frozenset(lexicon["report_nouns"])


def _sizes_known_set(claim: Claim, quantity: Quantity) -> bool:
    """Whether the figure sizes a set the reader knows ("the two major parties"): "both", or "the" before a
    small whole number written in words, plainly (no "about", no "more than")."""
    before = claim.text[: quantity.start - claim.start]
    found = KNOWN_SET_BEFORE.search(before)
    if quantity.approx or found is None or not float(quantity.value).is_integer():
        return False
    in_words = not quantity.text[:1].isdigit()
    return found.group().strip().lower() == "both" or (in_words and 1 < quantity.value <= KNOWN_SET_MAX)


def _counts_list(measure: Measure, texts: Mapping[str, str]) -> bool:
    """Whether the figure's noun is the first of nouns it counts together ("20 former crew members, editors
    and contestants"), read off the parse of its sentence: a conjunct of the figure's noun that has no
    number of its own. Kinds under an umbrella noun ("41 hospitals and clinics") are counted as the
    umbrella's thing already (``counted.under_umbrellas``) and stay."""

    claim, quantity = measure.claim, measure.quantity
    after = claim.text[quantity.end - claim.start :]
    if not LIST_AFTER.match(after) or coordinated_kinds(claim, quantity):
        return False  # nothing after the figure opens a list: no parse needed to know
    span = _parsed_figure(measure, texts)
    if span is None:
        return False
    noun = span.root
    conjuncts = [token for token in noun.conjuncts if token.i > noun.i]
    return any(
        token.pos_ in ("NOUN", "PROPN") and not any(child.dep_ == "nummod" for child in token.children)
        for token in conjuncts
    )
