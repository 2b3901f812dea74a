"""The verb of a quantity label: "How many additional emails?" → "How many additional emails did she
delete?". A label naming no verb hides what happened to what is counted; the verb comes from the figure's
own sentence (``Quantity.predicate``, or a parse of the sentence here for a figure that is an agent or an
amount held by a noun, and for quantities stored before that field), never from another claim's. An amount of
money's verb or noun is ``label_money``'s, on this module's parse.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from storyline.records import Claim, Quantity
from storyline.stages.claims import line_lead_dateline_end
from storyline.stages.ledger.label_cuts import WORD, dangling, label_words
from storyline.stages.ledger.quantity_labels import (
    MONEY_OPENER,
    SHARE_OPENER,
    SPEED_OPENER,
    noun_phrase,
    rate_written,
)
from storyline.stages.quantities import predicate_in

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# "an appeal for 1.9 billion", "fines of up to 100,000": the words before a figure that is a noun's amount
HELD_BEFORE = re.compile(
    r"\b(?:for|of)\s+(?:(?:about|nearly|almost|some|up|to|at|least|more|than)\s+)*$", re.I
)
# "signed by 200 …", "by about 300": the words before a figure that is the agent of a participle
AGENT_BEFORE = re.compile(r"\bby\s+(?:(?:about|nearly|almost|some|more|than|over|at|least)\s+)*$", re.I)
NAME_WORDS = 6  # words of a subject that is a name ("the Food and Agriculture Organization") a label takes
NAME_TAGS = frozenset({"PROPN", "DET", "CCONJ"})
PREDICATE_WORDS = 4  # words of a subject a label's predicate takes at most, as ``quantities.predicate``
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})
RECIPIENT_WORDS = ("to ", "for ")  # a tail's first words that say whom a verb's action on the figure was for
# "raise taxes on 8 million Americans": prepositions after a verb's object whose object the figure is
CHAINED_PREPOSITIONS = frozenset({"on", "to", "against"})
# the words before a figure that may be an infinitive's object ("to attack four provisions") or a chained
# preposition's ("raise taxes on 8 million"): only then is the sentence parsed for ``_chained_predicate``
CHAIN_BEFORE = re.compile(r"\b(?:on|to|against)\s+(?:\S+\s+){0,3}$", re.I)
TENSE_AUXILIARIES = {"VBD": "did", "VBZ": "does", "VBP": "do"}  # a finite verb's tense, asked with "do"
# A possessive ending set off from its name by a space ("Trump ’s"), as tokens joined by spaces write it
SPLIT_POSSESSIVE = re.compile(r"(?<=\w)\s+(['’]s)\b")
# A name, a comma and a relative pronoun, its verb and at most two more words right before a figure
# ("Clinton, who held | three campaign events"), for ``antecedent_named``
NAMED_ANTECEDENT = re.compile(
    r"(?:^|[^\w’'])(?P<name>[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3}),\s+(?P<pronoun>who|which)\s+"
    r"(?P<verb>\S+(?:\s+\S+){0,2})\s+$"
)
# an auxiliary and a participle as a relative clause's verb ("who is handling", "who has filed"): the question
# keeps them ("is Curiel handling"), where "did … handle" would move the clause to the past
PERFECT_OR_PROGRESSIVE = frozenset({"is", "are", "was", "were", "has", "have", "had"})
SHARE_OF_WORDS = 8  # words of the "of" phrase a share's label takes ("of the Latino vote")
# the tags of a counted noun phrase's words ("How many | Democratic National Committee emails | …")
COUNTED_PHRASE_TAGS = frozenset({"JJ", "JJR", "JJS", "NN", "NNS", "NNP", "NNPS", "POS", "HYPH", "CD", "NFP"})
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})


def with_predicate(
    label: str,
    claims_and_quantities: Sequence[tuple[Claim, Quantity]],
    order: list[int],
    texts: Mapping[str, str],
) -> str:
    """``_with_predicate``, a possessive the parse split off its name joined again: a predicate is the
    parse's tokens joined by spaces, and "did Trump ’s campaign raise" is no word an outlet wrote."""
    label = finite_count_label(
        SPLIT_POSSESSIVE.sub(r"\1", _with_predicate(label, claims_and_quantities, order, texts))
    )
    claim, quantity = claims_and_quantities[order[0]]
    text = texts.get(claim.article, "")
    if label.startswith("How many "):
        label = with_object_relative(with_parsed_be(label, text, quantity), text, quantity)
    return with_particle(label, text, quantity)


def with_parsed_be(label: str, text: str, quantity: Quantity) -> str:
    """A count label whose counted noun's verbless predicate the figure's sentence makes a clause, asked
    with the "be" it stands for (issue #14): a participle after the noun ("the 53 wounded", "the 2,383
    delegates needed to clinch": "How many delegates are needed to clinch …?"), an adjective or participle
    the figure is the subject of in an absolute clause ("with less than 100 still uncommitted": "How many
    superdelegates were still uncommitted?") and an existential "there" ("there were 18 emails between the
    two": "How many emails were there between the two?"). The tense is the sentence's, read off the verbs
    above the noun; the parse decides, since a tagger reading the label alone takes "wounded" for a past
    verb of its own ("How many people died?" is whole). Any other label is left as it is."""
    auxiliaries = label_words()[0]
    if any(word.lower() in auxiliaries for word in WORD.findall(label)[2:]):
        return label
    noun = _counted_noun(text, quantity)
    found = None if noun is None else _verbless_predicate(noun)
    if noun is None or found is None:
        return label
    start, existential = found
    be = _tense_be(noun)
    if be is None:
        return label
    if existential:
        # "there": right after the counted words, before what the sentence says after them
        following = next((t for t in noun.doc[noun.i + 1 :] if not t.is_punct), None)
        at = _word_at(label, following.text) if following is not None else None
        if at is None:
            return (
                f"{label.removesuffix('?')} {be} there?" if label == f"How many {_counted(noun)}?" else label
            )
        return f"{label[:at].rstrip()} {be} there {label[at:]}"
    at = _word_at(label, start.text)
    return label if at is None else f"{label[:at].rstrip()} {be} {label[at:]}"


def _counted_noun(text: str, quantity: Quantity) -> Token | None:
    """The counted noun of the figure in a parse of its sentence ("2,383" → "delegates"), or None."""
    span = parsed_figure(text, quantity)
    if span is None:
        return None
    noun = span.root
    while noun.dep_ in ("compound", "nummod", "quantmod") and noun.head.i != noun.i:
        noun = noun.head
    return noun


def with_object_relative(label: str, text: str, quantity: Quantity) -> str:
    """ "How many meetings did Clinton have with individuals?" for "How many meetings Clinton had with
    individuals?": a relative clause without its pronoun whose object the counted noun is ("the 154 meetings
    Clinton had with …") is the question's clause, its subject after "did" (or its own auxiliary: "has
    Clinton held"); left as written the label is a noun phrase, no question (issue #14)."""
    noun = _counted_noun(text, quantity) if re.search(r"\s[A-Z]", label[len("How many ") :]) else None
    if noun is None or noun.i + 1 >= len(noun.doc):
        return label
    # the clause's verb: the head of the word after the noun, a clause the parser hangs on the noun or on
    # the figure's part ("85 of the 154 meetings Clinton had …" may hang "had" on "85")
    verb = noun.doc[noun.i + 1].head
    while verb.dep_ in ("compound", "flat") and verb.head.i != verb.i:
        verb = verb.head
    verb = verb.head if verb.dep_ == "nsubj" else verb
    if verb.dep_ not in ("relcl", "acl") or verb.i <= noun.i:
        return label
    subjects = [c for c in verb.children if c.dep_ == "nsubj" and noun.i < c.i < verb.i]
    words = subject_words(subjects[0]) if len(subjects) == 1 else []
    auxiliaries = [c for c in verb.children if c.dep_ == "aux" and c.i < verb.i]
    if not words or words[0].i != noun.i + 1 or words[-1].i + len(auxiliaries) + 1 != verb.i:
        return label  # a relative pronoun, or words between the noun and its clause
    if any(token.tag_ in ("WDT", "WP", "PRP") for token in words) or len(auxiliaries) > 1:
        return label
    subject = " ".join(token.text for token in words)
    written = " ".join([subject, *(token.text for token in auxiliaries), verb.text])
    if auxiliaries:
        asked = f"{auxiliaries[0].text.lower()} {subject} {verb.text}"
    elif verb.tag_ in TENSE_AUXILIARIES or verb.tag_ == "VBN":  # a participle with a subject: a past
        asked = f"{TENSE_AUXILIARIES.get(verb.tag_, 'did')} {subject} {verb.lemma_}"
    else:
        return label
    at = _word_at(label, written)
    return label if at is None else f"{label[:at]}{asked}{label[at + len(written) :]}"


# a verb's particle, before a figure it may be the object of ("picked up all 99 delegates")
PARTICLE_BEFORE = re.compile(r"\b(?:up|out|off|down|back|over|away|in)\s+(?:\S+\s+){0,3}$", re.I)


def with_particle(label: str, text: str, quantity: Quantity) -> str:
    """ "How many delegates did Trump pick up?" for "… did Trump pick?": a phrasal verb the figure is the
    object of keeps its particle, which a question with "did" and the verb's lemma lost ("pick" is not
    "pick up", issue #14). The label's verb is found by its lemma after an auxiliary."""
    if not PARTICLE_BEFORE.search(text[max(0, quantity.start - 40) : quantity.start]):
        return label  # no particle right before the figure: no parse needed to know
    noun = _counted_noun(text, quantity)
    if noun is None or noun.dep_ != "dobj":
        return label
    verb = noun.head
    particles = [c for c in verb.children if c.dep_ == "prt" and verb.i < c.i < noun.i]
    if len(particles) != 1:
        return label
    particle = particles[0].text.lower()
    found = re.search(rf"\b(?:did|does|do)\s(?:\S+\s){{1,{NAME_WORDS}}}?{re.escape(verb.lemma_)}\b", label)
    if found is None or label[found.end() :].lstrip().lower().startswith(particle):
        return label
    return f"{label[: found.end()]} {particle}{label[found.end() :]}"


def _verbless_predicate(noun: Token) -> tuple[Token, bool] | None:
    """The first word of the counted noun's verbless predicate and whether it is an existential "there"
    (``with_parsed_be``); None when the noun has none."""
    participles = [
        child
        for child in noun.children
        # "the 53 wounded": a participle after its noun, a modifier the parser calls "acl" or "amod"
        if (
            (child.dep_ == "acl" and child.tag_ in ("VBN", "VBD"))
            or (child.dep_ == "amod" and child.tag_ == "VBN")
        )
        and child.i == noun.i + 1
    ]
    head = noun.head
    if participles and not _has_auxiliary(participles[0]):
        return participles[0], False
    if noun.dep_ == "nsubj" and head.i > noun.i and head.tag_ in ("JJ", "VBN") and not _has_auxiliary(head):
        between = noun.doc[noun.i + 1 : head.i]
        if all(token.dep_ == "advmod" and token.head.i == head.i for token in between):
            return (between[0] if len(between) else head), False
    if noun.dep_ == "attr" and head.lemma_ == "be" and any(child.dep_ == "expl" for child in head.children):
        return head, True
    return None


def _has_auxiliary(verb: Token) -> bool:
    return any(child.dep_ in ("aux", "auxpass", "cop") for child in verb.children)


def _tense_be(noun: Token) -> str | None:
    """ "were" or "are": the tense of the first finite verb above the counted noun (or its auxiliary; a
    perfect's is past); "were" where none is finite, and None under a modal ("will be")."""
    token = noun
    while True:
        # a perfect's "has" is no present of the state asked ("has repaired the bridges damaged in the flood")
        auxiliaries = [child for child in token.children if child.dep_ in ("aux", "auxpass")]
        perfect = any(child.lemma_ == "have" for child in auxiliaries)
        tags = [token.tag_] + [child.tag_ for child in auxiliaries] + (["VBD"] if perfect else [])
        if "MD" in tags:
            return None
        if "VBD" in tags and token.i != noun.i:
            return "were"
        if ("VBZ" in tags or "VBP" in tags) and token.i != noun.i:
            return "are"
        if token.head.i == token.i:
            return "were"
        token = token.head


def _word_at(label: str, word: str) -> int | None:
    """Where ``word`` first stands in the label after its first two words ("How many"), or None."""
    found = re.search(rf"(?<=\s){re.escape(word)}\b", label[len("How many ") :])
    return None if found is None else len("How many ") + found.start()


def _counted(noun: Token) -> str:
    """The counted noun's words, its number left out ("18 emails" → "emails")."""
    return " ".join(
        t.text for t in noun.subtree if t.i <= noun.i and t.dep_ not in ("nummod", "quantmod", "det")
    )


@lru_cache(maxsize=4096)
def finite_count_label(label: str) -> str:
    """A count label whose verb is a reduced or full relative clause made a question (issue #14): "How many
    emails that leaked in July?" → "How many emails leaked in July?" (the counted thing is the subject, so
    its relative clause's verb is the question's), "How many people wounded?" → "How many people were
    wounded?" (a participle right after the counted noun, no finite verb in the label: the passive "were"
    it stands for; "are" after "now"). Any other label is left as it is."""
    if not label.startswith("How many "):
        return label
    from storyline.stages.ledger.evidence import label_tokens

    # the tags alone, the ones ``names_a_predicate`` read the label by (tagged once per process, in a story's
    # batch): the parser, lemmatizer and NER would triple the ledger's tail on a thousand articles
    tokens = label_tokens(label)
    after = 2
    # a word's own parts ("laboratory-confirmed") stay in the phrase, whatever their tags
    while after < len(tokens) and (tokens[after].tag in COUNTED_PHRASE_TAGS or not tokens[after - 1].spaced):
        after += 1
    if after == 2 or after + 1 >= len(tokens):
        return label
    first, rest = tokens[after], tokens[after + 1 :]
    if first.lower in RELATIVE_PRONOUNS - {"whom"} and rest[0].tag[:2] in {"VB", "MD"}:
        return label[: first.idx].rstrip() + " " + label[rest[0].idx :]
    adverb = first.tag == "RB"
    participle = rest[0] if adverb else first
    if participle.tag != "VBN" or any(token.tag in FINITE_TAGS for token in tokens[after:]):
        return label
    auxiliary = "are" if adverb and first.lower == "now" else "were"
    return label[: first.idx].rstrip() + f" {auxiliary} " + label[first.idx :]


def _with_predicate(
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
    from storyline.stages.ledger.label_money import money_with_predicate  # it reads this module's parse

    if label.startswith(MONEY_OPENER):
        return money_with_predicate(label, claims_and_quantities, order, texts)
    if label.startswith(SPEED_OPENER):
        claim, quantity = claims_and_quantities[order[0]]
        return _speed_with_predicate(label, texts.get(claim.article, ""), quantity)
    if label.startswith(SHARE_OPENER) and not label.startswith(f"{SHARE_OPENER} of "):
        claim, quantity = claims_and_quantities[order[0]]
        return _share_with_holder(texts.get(claim.article, ""), quantity) or label
    if not label.startswith("How many"):
        return label
    stored = [claims_and_quantities[index][1].predicate for index in order]
    if None not in stored and not any(stored):
        # the worker's parse found no verb the figure is subject or object of; one it is the agent of
        # ("a letter signed by 200 House Republicans") is read here, from the most central figure's sentence
        claim, quantity = claims_and_quantities[order[0]]
        held_by_subject = object_with_subject(label, texts.get(claim.article, ""), quantity)
        if held_by_subject:
            return held_by_subject
        agent = _agent_predicate(texts.get(claim.article, ""), quantity)
        if agent:
            return f"{label.removesuffix('?')} {agent}?"
        bare = label in _bare_labels(claims_and_quantities)
        # the label's own parse only when the sentence offers a chained verb (most do not)
        chained = _chained_predicate(texts.get(claim.article, ""), quantity, bare)
        if chained and not names_a_predicate(label):
            return f"{label.removesuffix('?')} {chained}?"
        if label not in _bare_labels(claims_and_quantities):
            return label
        for index in order:  # a bare "How many tugrik?": the noun the figure is the amount of, if one
            claim, quantity = claims_and_quantities[index]
            held = held_predicate(texts.get(claim.article, ""), quantity)
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
        predicate = antecedent_named(_without_dangling_end(predicate or ""), claim, quantity)
        if predicate and not relative_subject(predicate):
            return label if _repeats(label, predicate) else f"{label.removesuffix('?')} {predicate}?"
    return label


def object_with_subject(label: str, text: str, quantity: Quantity) -> str:
    """ "How many brief conversations did Roger Ailes have with Donald Trump …?" for "How many brief
    conversations with Donald Trump …?" of "Roger Ailes (Fox News Chairman and CEO) had three brief
    conversations with Donald Trump …": the counted noun is the object of a finite verb whose subject the
    worker's predicate could not take (a name with a parenthesis, a name longer than ``PREDICATE_WORDS``):
    the label left out who did what, and its tail read as the whole claim (issue #14, PolNeAR
    trump-debate-demands). The verb and its subject go right after the counted words, as a question asks
    them; "" where the label names the verb already, the subject is a pronoun (which names no one) or lies
    in a dateline, or the verb has an auxiliary of its own (a tense one "did" cannot ask)."""
    opener = f"How many {noun_phrase(quantity)}"
    if not label.startswith((f"{opener} ", f"{opener}?")):
        return ""
    noun = _counted_noun(text, quantity)
    if noun is None or noun.dep_ != "dobj":
        return ""
    verb = noun.head
    auxiliary = TENSE_AUXILIARIES.get(verb.tag_, "")
    label_words_lower = {word.lower() for word in WORD.findall(label)}
    if (
        verb.pos_ not in ("VERB", "AUX")
        or not auxiliary
        or any(child.dep_ in ("aux", "auxpass", "neg") for child in verb.children)
        or {verb.lower_, verb.lemma_.lower()} & label_words_lower
    ):
        return ""
    words = sole_subject_words(verb)
    if not words or any(token.pos_ == "PRON" for token in words) or _in_dateline(words[0]):
        return ""
    lowered = words[0].pos_ == "DET"  # "The Red Cross" → "the Red Cross"
    subject = " ".join([words[0].text.lower() if lowered else words[0].text] + [t.text for t in words[1:]])
    return f"{opener} {auxiliary} {subject} {verb.lemma_}{label[len(opener) :]}"


def _in_dateline(token: Token) -> bool:
    """Whether the token lies in a dateline opening its line ("MANDALGOVI — …"): a place the parser may take
    for a verb's subject, as the worker's predicate knows (``quantities.predicate_in``)."""
    text = token.doc.text
    return token.idx < line_lead_dateline_end(text, text.rfind("\n", 0, token.idx) + 1)


def _bare_labels(claims_and_quantities: Sequence[tuple[Claim, Quantity]]) -> set[str]:
    """ "How many tugrik?": the labels that name a figure's noun and nothing else."""
    return {f"How many {noun_phrase(quantity)}?" for _claim, quantity in claims_and_quantities}


def _share_with_holder(text: str, quantity: Quantity) -> str:
    """ "What share of the Latino vote does Trump hold?" for "Trump holds only 14 percent of the Latino
    vote compared to Hillary Clinton's 76 percent": a share that is the object of a verb with a short
    subject is that subject's, and a label without it ("What share Latino vote compared to Hillary?")
    never says whose (issue #14). The share's own "of" phrase says what it is a share of; "" where the
    parse gives no subject, verb or "of" phrase (``label_gate`` then drops a label naming neither)."""
    if not text[quantity.start : quantity.end]:
        return ""
    span = figure_in_parse(text, quantity)
    if span is None:
        return ""
    share, verb = span.root, span.root.head
    words = sole_subject_words(verb)
    of_phrases = [child for child in share.children if child.dep_ == "prep" and child.lower_ == "of"]
    if share.dep_ != "dobj" or verb.pos_ != "VERB" or not words or len(of_phrases) != 1:
        return ""
    modals = [child.text.lower() for child in verb.children if child.dep_ == "aux" and child.tag_ == "MD"]
    auxiliary = modals[0] if modals else TENSE_AUXILIARIES.get(verb.tag_, "")
    of_words = [token.text for token in of_phrases[0].subtree]
    if not auxiliary or len(of_words) > SHARE_OF_WORDS:
        return ""
    lowered = words[0].pos_ in ("DET", "PRON") and words[0].text != "I"
    subject = " ".join([words[0].text.lower() if lowered else words[0].text] + [t.text for t in words[1:]])
    return f"{SHARE_OPENER} {' '.join(of_words)} {auxiliary} {subject} {verb.lemma_}?"


def _speed_with_predicate(label: str, text: str, quantity: Quantity) -> str:
    """ "What speed did winds reach in the afternoon?" for "What speed in the afternoon?" ("Winds reached 70
    km/h in the afternoon"): a speed is the object of what reached or kept it, and without that verb and its
    subject the label does not say whose speed it asks. Only the label's own figure's sentence (its tail's),
    and only a verb the speed is the object of: "What speed were recorded?" would not read."""
    if not text[quantity.start : quantity.end]:
        return label
    # the figure's span ends before its time unit ("70 km" of "70 km/h"): parsed alone, "km" hangs on "h"
    end = quantity.end + rate_written(text[quantity.end : quantity.end + SENTENCE_REACH])
    first, last = sentence_bounds(text, quantity.start, end)
    doc = sentence_parse(text[first:last])
    predicate = predicate_in(doc, quantity.start - first, end - first)
    if not predicate.startswith("did ") or relative_subject(predicate):
        return label
    tail = label.removeprefix(SPEED_OPENER).removesuffix("?")
    return f"{SPEED_OPENER} {_common_noun_lowered(predicate, doc)}{tail}?"


def _common_noun_lowered(predicate: str, doc: Doc) -> str:
    """ "did winds reach" for "did Winds reach": a common noun opening the sentence is capitalised only
    there."""
    did, subject, *rest = predicate.split()
    opening = next((token for token in doc if not token.is_space), None)
    if opening is not None and opening.text == subject and opening.pos_ == "NOUN":
        subject = subject.lower()
    return " ".join([did, subject, *rest])


def _with_recipient_verb(
    label: str, claims_and_quantities: Sequence[tuple[Claim, Quantity]], order: list[int]
) -> str:
    """ "How many leva did the government pay to every family …?" for "How many leva to every family …?":
    a tail opening with "to"/"for" after a figure that is its verb's object says whom the verb's action was
    for, and without the verb the label garbles (issue #14). Only the label's own figure's verb: a verb from
    another claim would put words in this one's mouth. "" when the label is not of that shape."""
    for index in order:
        quantity = claims_and_quantities[index][1]
        noun = noun_phrase(quantity)
        if noun:
            predicate = quantity.predicate or ""
            rest = label.removeprefix(f"How many {noun} ")
            if rest == label or not predicate.startswith("did ") or relative_subject(predicate):
                return ""
            return f"How many {noun} {predicate} {rest}" if rest.startswith(RECIPIENT_WORDS) else ""
    return ""


def antecedent_named(predicate: str, claim: Claim, quantity: Quantity) -> str:
    """ "did Clinton hold" for "did who hold" when the claim names the relative pronoun's antecedent right
    before it ("Clinton, who held three campaign events across Iowa"): the label then says whose events it
    asks of, where without the verb "How many campaign events across Iowa?" said no one's (issue #14). A
    pronoun with no name before it stays (``relative_subject`` then drops the verb)."""
    if not relative_subject(predicate):
        return predicate
    before = claim.text[: max(0, quantity.start - claim.start)]
    named = NAMED_ANTECEDENT.search(before)
    if named is None or named["pronoun"].lower() != predicate.split()[1].lower():
        return predicate
    verb = named["verb"].split()
    if len(verb) == 2 and verb[0].lower() in PERFECT_OR_PROGRESSIVE and verb[1].isalpha():
        return f"{verb[0].lower()} {named['name']} {verb[1]}"  # "is Curiel handling"
    did, _pronoun, *rest = predicate.split()
    return " ".join([did, named["name"], *rest])


def relative_subject(predicate: str) -> bool:
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
    while len(words) > 1 and (words[-1].endswith(("'s", "’s", "'", "’")) or dangling(words[-1])):
        words.pop()
    return " ".join(words)


def _repeats(label: str, predicate: str) -> bool:
    """Whether the label says the predicate already: each of its words that is no function word is a word of
    the label. The tail of a label can hold the verb a parse does not tag as one ("How many people were still
    unaccounted" + "were unaccounted for": an adjective; "… were on shift" + "were on shift"), and adding it
    again doubled it."""
    said = {word.lower() for word in WORD.findall(label)}
    words = [word.lower() for word in WORD.findall(predicate)]
    telling = [word for word in words if not dangling(word)] or words
    return all(word in said for word in telling)


SENTENCE_REACH = 400  # characters either side of a figure its sentence is looked for in


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The bounds of the sentence around ``[start, end)``: a full stop and space, or a line break."""
    low = max(0, start - SENTENCE_REACH)
    before = text[low:start]
    cut = max(before.rfind(". "), before.rfind("\n"))
    after = text[end : end + SENTENCE_REACH]
    found = [i for i in (after.find(". "), after.find("\n")) if i >= 0]
    return low + cut + 1 if cut >= 0 else low, end + (min(found) + 1 if found else len(after))


# Sentences asked for ahead (``parse_figure_sentences``) and not parsed yet, and those parsed together
# (``_parse_asked``) that ``sentence_parse`` has not taken yet
_ASKED_AHEAD: dict[str, None] = {}
_PARSED_AHEAD: dict[str, Doc] = {}


def parse_figure_sentences(figures: Iterable[tuple[str, Quantity]]) -> None:
    """Ask ahead for the parses of the sentences of figures (each with its article's text) that label rules
    will read soon. They are parsed on the first read of any of them, together with every sentence asked
    for since the last batch (``_parse_asked``): the ledger asks for all stories' sentences before any
    story reads one (``positions.build_ledgers``), and one batch of them all costs a quarter less CPU than
    a batch of each story's few (1,000 generated articles: ~2,000 sentences, ~5 a story)."""
    _ASKED_AHEAD.update(
        dict.fromkeys(
            text[first:last]
            for text, quantity in figures
            if text[quantity.start : quantity.end] == quantity.text
            for first, last in [sentence_bounds(text, quantity.start, quantity.end)]
        )
    )


def _parse_asked() -> None:
    """Parse every sentence asked for ahead in one batch (``nlp.pipe_without``: each text's rows computed
    apart, so the parses of ``parse_without``). What the previous batch parsed and no rule read is
    dropped, so at most one batch is held."""
    from storyline.stages.ledger.evidence import NOT_READ
    from storyline.stages.nlp import pipe_without  # the pipeline's parser, loaded once per process

    sentences = list(_ASKED_AHEAD)
    _ASKED_AHEAD.clear()
    _PARSED_AHEAD.clear()
    _PARSED_AHEAD.update(zip(sentences, pipe_without(sentences, NOT_READ), strict=True))


@lru_cache(maxsize=512)
def sentence_parse(sentence: str) -> Doc:
    """A figure's sentence parsed alone (without the entity recogniser), once: several label rules of one
    quantity (``figure_in_parse``'s callers, the speed and stored predicates) read the same sentence, and a
    parse is ~15 ms where the rest of a rule is microseconds. The Doc is shared: callers only read it."""
    from storyline.stages.ledger.evidence import NOT_READ
    from storyline.stages.nlp import parse_without  # the pipeline's parser, loaded once per process

    if sentence in _ASKED_AHEAD:
        _parse_asked()
    parsed = _PARSED_AHEAD.pop(sentence, None)
    return parsed if parsed is not None else parse_without(sentence, NOT_READ)


def figure_in_parse(text: str, quantity: Quantity) -> Span | None:
    """The figure's span in a parse of its sentence (``sentence_bounds``), or None where the parse's tokens
    do not cover it."""
    first, last = sentence_bounds(text, quantity.start, quantity.end)
    doc = sentence_parse(text[first:last])
    return doc.char_span(quantity.start - first, quantity.end - first, alignment_mode="expand")


def parsed_figure(text: str, quantity: Quantity) -> Span | None:
    """``figure_in_parse``, or None where ``text`` does not hold the figure's words."""
    if text[quantity.start : quantity.end] != quantity.text:
        return None
    return figure_in_parse(text, quantity)


def _agent_predicate(text: str, quantity: Quantity) -> str:
    """ "signed the letter" for "a letter signed by 200 House Republicans": the figure's noun is the agent of
    a participle that modifies a noun; "" for any other figure."""

    if not text[quantity.start : quantity.end] or not AGENT_BEFORE.search(
        text[max(0, quantity.start - 40) : quantity.start]
    ):
        return ""  # no "by" right before the figure: no parse (~15 ms a sentence) needed to know
    span = figure_in_parse(text, quantity)
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


def held_predicate(text: str, quantity: Quantity) -> str:
    """ "did the Red Cross launch an appeal for" for "The Red Cross launched an appeal for 1.9 billion
    tugrik": the figure is the object of a preposition after a noun that is the object of a verb with a short
    subject; "" for any other figure. A bare amount ("How many tugrik?") asks nothing of what it is
    (issue #14), and the sentence's own words say it without adding any."""

    if not text[quantity.start : quantity.end] or not HELD_BEFORE.search(
        text[max(0, quantity.start - 40) : quantity.start]
    ):
        return ""  # no "for"/"of" right before the figure: no parse needed to know
    span = figure_in_parse(text, quantity)
    if span is None:
        return ""
    preposition = span.root.head
    holder = preposition.head
    verb_held = holder.pos_ == "VERB"  # "the FAO had appealed for $6.8 million": the verb's own preposition
    verb = holder if verb_held else holder.head
    words = sole_subject_words(verb)
    if (
        span.root.dep_ != "pobj"
        or (not verb_held and (holder.dep_ != "dobj" or holder.pos_ != "NOUN"))
        or verb.pos_ != "VERB"
        or not words
    ):
        return ""
    determiners = [child.text.lower() for child in holder.children if child.dep_ == "det"]
    lowered = words[0].pos_ in ("DET", "PRON") and words[0].text != "I"  # "The Red Cross" → "the Red Cross"
    subject = " ".join([words[0].text.lower() if lowered else words[0].text] + [t.text for t in words[1:]])
    held = [] if verb_held else [*determiners, holder.text]
    return " ".join(["did", subject, verb.lemma_, *held, preposition.text])


def _chained_predicate(text: str, quantity: Quantity, bare: bool) -> str:
    """ "would Trump raise taxes on" for "Trump would actually raise taxes on 8 million … Americans", "does he
    want to attack" for "he wants to attack four provisions": the verb the counted noun is the object of
    when the worker's parse gave none (an infinitive under another verb, or a preposition after the verb's
    own object), with its subject and tense; without it "How many provisions in the tax code?" asks how
    many the code has (issue #14). A preposition's figure only for a ``bare`` label: after a tail of its own
    ("How many patients on the leak site … do its analysts find data on?") the verb no longer reads as the
    figure's. "" for any other figure, for a long or relative subject, and for a verb whose tense a
    question cannot take from one auxiliary ("have found")."""

    if not text[quantity.start : quantity.end] or not CHAIN_BEFORE.search(
        text[max(0, quantity.start - 40) : quantity.start]
    ):
        return ""  # no "to <verb>" nor a chained preposition right before the figure: no parse needed to know
    span = figure_in_parse(text, quantity)
    if span is None:
        return ""
    noun, after = span.root, []
    on_object = noun.dep_ == "pobj" and noun.head.lower_ in CHAINED_PREPOSITIONS
    if bare and on_object and noun.head.head.pos_ == "VERB":
        objects = [child for child in noun.head.head.children if child.dep_ == "dobj"]
        if len(objects) != 1 or len(list(objects[0].subtree)) > PREDICATE_WORDS:
            return ""
        after = [token.text for token in objects[0].subtree] + [noun.head.text]
        verb = noun.head.head
    elif noun.dep_ == "dobj" and noun.head.dep_ == "xcomp" and noun.head.pos_ == "VERB":
        verb = noun.head
    else:
        return ""
    main = verb.head if verb.dep_ == "xcomp" else verb
    words = sole_subject_words(main)
    if not words or main.pos_ not in ("VERB", "AUX"):
        return ""
    lowered = words[0].pos_ in ("DET", "PRON") and words[0].text != "I"
    subject = " ".join([words[0].text.lower() if lowered else words[0].text] + [t.text for t in words[1:]])
    modals = [child.text.lower() for child in main.children if child.dep_ == "aux" and child.tag_ == "MD"]
    auxiliary = modals[0] if modals else TENSE_AUXILIARIES.get(main.tag_, "")
    if not auxiliary or (not modals and any(child.dep_ in ("aux", "auxpass") for child in main.children)):
        return ""
    chain = [main.lemma_] + (["to", verb.text] if verb.i != main.i else [])
    return " ".join([auxiliary, subject, *chain, *after])


def sole_subject_words(verb: Token) -> list[Token]:
    """The words of the verb's one nominal subject (``subject_words``); [] when it has none, several, or a
    relative pronoun ("which", "who"), which says nothing of whose."""
    subjects = [child for child in verb.children if child.dep_ == "nsubj"]
    if len(subjects) != 1 or subjects[0].lower_ in RELATIVE_PRONOUNS:
        return []
    return subject_words(subjects[0])


def subject_words(subject: Token) -> list[Token]:
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
    if not text[quantity.start : quantity.end]:
        return ""
    first, last = sentence_bounds(text, quantity.start, quantity.end)
    doc = sentence_parse(text[first:last])
    return predicate_in(doc, quantity.start - first, quantity.end - first)
