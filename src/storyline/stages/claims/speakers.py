"""Speakers for the claims stage: the subject of a cue verb (through passives, relative clauses,
participles and inverted quotes), the words that name the speaker, and one attribution per coordinated
speaker.

Chosen from the parse rather than from entities: PolNeAR's sources are the subject's words ("a senior
official", "he"), and a name the recogniser missed is still the subject."""

from __future__ import annotations

from functools import cache

from spacy.tokens import Token

from storyline.lexicons import load_lexicon
from storyline.records import Modality, QuoteKind
from storyline.stages.claims.datelines import past_dateline
from storyline.stages.claims.lexicon import ClaimLexicon
from storyline.stages.claims.spans import (
    SUBJECT_DEPS,
    Attribution,
    CharSpan,
    ParseContext,
    classify_quote,
    clip_to_line,
    contiguous_run,
    report_coordinated_with,
    same_line,
    spans_overlap,
    token_span,
    with_sentence_end,
)

# Dependencies through which a verb without a subject takes its governor's ("…, saying that …",
# "refused to confirm", "was unable to confirm").
SUBJECT_SHARING_DEPS = frozenset({"advcl", "xcomp", "conj", "pcomp", "prep", "acomp"})
# Parts of a subject's subtree that are not the speaker's name ("Budanov, who claims …").
NOT_SPEAKER_DEPS = frozenset(
    {"relcl", "acl", "appos", "punct", "cc", "conj", "preconj", "advcl", "parataxis"}
)
# Prepositions by which a gerund takes its doer from the object of the verb it hangs on ("rebuked him for
# saying", "accused her of claiming": ``_object_controller``).
CONTROLLING_PREPOSITIONS = frozenset({"for", "of"})
RESTRICTIVE_DEPS = frozenset({"relcl", "acl"})
COORDINATION_OPENERS = frozenset({"neither", "either", "both"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that"})
# Finite tags of a cue verb set between a fronted subject and its speaker ("Part of the problem, say experts,
# is …": ``parenthetical_inversion``).
FINITE_TAGS = frozenset({"VBP", "VBZ", "VBD"})


def subject_of(verb: Token, lexicon: ClaimLexicon) -> Token | None:
    """The token naming who performs ``verb``; for a passive, the agent ("rejected by X")."""
    inversion = parenthetical_inversion(verb)
    if inversion is not None:
        return inversion[1]
    quoted = quoted_as_saying(verb)
    if quoted is not None:
        return quoted[0]
    participle = reduced_relative(verb)
    if participle is not None:
        return next(c for c in participle.children if c.dep_ == "nsubj")
    reporting = report_coordinated_with(verb, lexicon)
    if reporting is not None:
        return subject_of(reporting, lexicon)
    current = verb
    for _ in range(4):
        relayed = [c for c in current.children if c.dep_ == "nsubjpass"]
        if relayed and current.lemma_.lower() in lexicon.relay_verbs:
            return relayed[0]  # "he was quoted by Reuters as saying": he speaks, Reuters relays
        # "was pressed by reporters and said": the passive's agent is not who said
        conjunct = _active_conjunct_of(verb, current)
        for child in () if conjunct else current.children:
            if child.dep_ == "agent":
                objects = [c for c in child.children if c.dep_ == "pobj"]
                return objects[0] if objects else None
        subjects = [child for child in current.children if child.dep_ in SUBJECT_DEPS]
        if subjects:
            subject = _own_subject(subjects)
            if subject.dep_ == "nsubjpass" and current.lemma_.lower() not in ("quote", "cite"):
                # "it was reported that …": nobody named; but an active verb coordinated with a passive
                # one shares its subject ("Mr. Trump was forced into damage control and said that …")
                return subject if conjunct else None
            clause = _relative_clause_of(current)
            if subject.lower_ in RELATIVE_PRONOUNS and clause is not None:
                return _described_name(clause.head)
            if subject.lower_ in ("it", "there", "that"):
                return None  # "that dismissed the reports": "that" stands for a thing said, not a speaker
            return subject
        if current.dep_ == "relcl" and verb.lemma_.lower() in lexicon.cue_verbs:
            return _described_name(current.head)
        inverted = _inverted_subject(current)
        if inverted is not None:
            return inverted
        if _free_adjunct_on_object(current):
            current = current.head.head  # "X made an attempt to …, writing that …": X writes
            continue
        if current.dep_ == "acl" and current.head.i < current.i and current.tag_ != "VB":
            # "“…,” the minister posted on X." parsed as a noun phrase; not an infinitive ("answers about
            # his decision not to recommend …": the noun is no one who recommends)
            return current.head
        controller = _object_controller(current)
        if controller is not None:
            return controller
        if current.tag_ == "VBG" and current.dep_ == "advcl":
            governing = _governing_cue(current, lexicon)
            if governing is not None:
                current = governing  # "X said that …, reporting that …": X reports
                continue
        if current.dep_ not in SUBJECT_SHARING_DEPS or current.head.i == current.i:
            return None
        current = current.head
    return None


def _free_adjunct_on_object(verb: Token) -> bool:
    """ "Mr. Trump made a third attempt to deflect the criticism, writing on Twitter that …": a participle
    set off by a comma, which the parse hangs on the clause's object, tells what the clause's subject did
    (PolNeAR khan-family gave the words to "a third attempt", issue #14)."""
    noun = verb.head
    return (
        verb.tag_ == "VBG"
        and verb.dep_ == "acl"
        and noun.i < verb.i
        and noun.dep_ == "dobj"
        and verb.doc[verb.i - 1].text == ","
    )


def quoted_as_saying(verb: Token) -> tuple[Token, Token] | None:
    """ "The Post quoted an unnamed official as saying that …": the one quoted speaks, the quoting outlet
    relays (PolNeAR manafort-shake-up gave the official's words to the Post, issue #14); so does the
    subject of a passive ("she was quoted by Reuters as saying …"). (The one quoted, the verb of "as
    saying") of a "quote"/"cite" that has both."""
    if verb.lemma_.lower() not in ("quote", "cite"):
        return None
    objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    sayings = [
        word
        for child in verb.children
        if child.lower_ == "as" and child.dep_ == "prep"
        for word in child.children
        if word.dep_ == "pcomp" and word.tag_ == "VBG"
    ]
    if not objects or not sayings or objects[0].i > sayings[0].i:
        return None
    return objects[0], sayings[0]


def _own_subject(subjects: list[Token]) -> Token:
    """The cue's own subject among several: in "the State Department, which she said represented …" the
    parse gives "said" both "which" and "she", but the relative pronoun is the subject of the reported
    clause, moved before the cue; the one who says is the other. In "“He voted no. Every single time,” said
    Marsh" the parser takes the quotation's verbless last words for a subject too: a subject closed off from
    the cue by a quote mark is quoted words, and the one after the cue says them (PolNeAR train cruz-rubio
    and caught-fibbing: no claim at all)."""
    own = [s for s in subjects if s.lower_ not in RELATIVE_PRONOUNS] or subjects
    after = [s for s in own if s.i > s.head.i]
    if after and any(_quoted_before(s) for s in own):
        return after[0]
    return own[0]


def _quoted_before(subject: Token) -> bool:
    """Whether a quote mark stands between ``subject`` (before its verb) and the verb."""
    verb = subject.head
    return subject.i < verb.i and any(t.is_quote for t in subject.doc[subject.right_edge.i + 1 : verb.i])


def parenthetical_inversion(verb: Token) -> tuple[Token, Token] | None:
    """ "Part of the problem in detecting tunnels, say experts like Paul Bauman, a Canadian geophysicist, is
    the ground itself": a cue set off by commas inside the clause it reports, its speaker after it. The
    parser takes the fronted phrase for the cue's subject and the speaker for the clause's. (The fronted
    phrase, the speaker) when the cue is finite, right after the fronted phrase and its comma, and the
    speaker's phrase follows it and closes with a comma before the clause's verb (PolNeAR
    mexico-visit-wall gave the fronted phrase as speaker, issue #14)."""
    doc = verb.doc
    if verb.tag_ not in FINITE_TAGS or verb.i < 2 or doc[verb.i - 1].text != ",":
        return None
    fronted = [c for c in verb.children if c.dep_ == "nsubj" and c.right_edge.i == verb.i - 2]
    clauses = [c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i]
    if not fronted or not clauses:
        return None
    speakers = [c for c in clauses[0].children if c.dep_ == "nsubj" and c.left_edge.i == verb.i + 1]
    if not speakers or speakers[0].right_edge.i >= clauses[0].i:
        return None
    last = speakers[0].right_edge.i
    closed = doc[last].text == "," or doc[last + 1].text == ","
    return (fronted[0], speakers[0]) if closed else None


def _relative_clause_of(verb: Token) -> Token | None:
    """The relative clause ``verb`` heads or is coordinated in ("the Trump who questions …, who fights …")."""
    current = verb
    while current.dep_ == "conj" and current.head.i != current.i:
        current = current.head
    return current if current.dep_ == "relcl" else None


def _described_name(head: Token) -> Token:
    """The name a relative clause's noun describes in apposition ("R. Gil Kerlikowske, the … commissioner,
    who conceded …": Kerlikowske concedes), else the noun."""
    if head.dep_ == "appos" and head.head.pos_ == "PROPN":
        return head.head
    return head


def _active_conjunct_of(verb: Token, head: Token) -> bool:
    """Whether ``verb`` is active and coordinated with ``head`` (``conj`` links alone): its subject is
    ``head``'s, passive or not. Not through ``xcomp``: "was asked to comment" is no comment of the subject's
    (PolNeAR curiel: "was forced into a rare moment of damage control and said that …" lost its speaker)."""
    if verb.i == head.i or _is_passive(verb):
        return False
    current = verb
    while current.dep_ == "conj" and current.head.i != current.i:
        current = current.head
        if current.i == head.i:
            return True
    return False


def _object_controller(verb: Token) -> Token | None:
    """Who says what a gerund after "for"/"of" says when the verb it hangs on has a named object: "Ms. Khan
    rebuked Mr. Trump for suggesting that …", "accused her of claiming that …": the object speaks, and the
    subject, who rejects the words, would be shown holding them. A named object only (a name or a
    pronoun): "took time for explaining" has none."""
    if verb.tag_ != "VBG" or verb.dep_ != "pcomp":
        return None
    preposition = verb.head
    if preposition.lower_ not in CONTROLLING_PREPOSITIONS or preposition.dep_ != "prep":
        return None
    objects = [child for child in preposition.head.children if child.dep_ == "dobj"]
    if not objects or objects[0].i > preposition.i or objects[0].pos_ not in ("PROPN", "PRON"):
        return None
    return objects[0]


def reduced_relative(verb: Token) -> Token | None:
    """ "Strikers interviewed at the gate said …", "Herders questioned by television said …": the parser
    takes the participle describing the speaker for a clause of its own, with the speaker as its subject,
    and hangs the cue on it as a complement, a conjunct or an unlabelled dependent. The participle, when
    the cue has no subject of its own and nothing (no comma, no conjunction) stands between the
    participle's phrase and the cue."""
    if any(child.dep_ in SUBJECT_DEPS for child in verb.children):
        return None
    before = [c for c in verb.children if c.dep_ == "ccomp" and c.i < verb.i]
    if verb.dep_ in ("conj", "dep") and verb.head.i < verb.i:
        before.append(verb.head)
    for participle in before:
        gap = verb.doc[participle.i + 1 : verb.i]
        joined = any(token.is_punct or token.dep_ == "cc" for token in gap)
        ends_at_cue = participle.dep_ != "ccomp" or participle.right_edge.i == verb.i - 1
        if _is_bare_participle_after_subject(participle) and not joined and ends_at_cue:
            return participle
    return None


def _is_bare_participle_after_subject(verb: Token) -> bool:
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    return (
        verb.tag_ in ("VBN", "VBD")
        and not any(c.dep_ in ("aux", "auxpass", "dobj") for c in verb.children)
        and len(subjects) == 1
        and subjects[0].i == verb.i - 1
    )


def _inverted_subject(verb: Token) -> Token | None:
    """ "“…,” indicated the NIS source": the parser takes the speaker after the verb for its object."""
    if verb.i == 0 or not (verb.doc[verb.i - 1].is_quote or verb.doc[verb.i - 1].text == ","):
        return None
    objects = [c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i]
    clauses_before = [c for c in verb.children if c.dep_ == "ccomp" and c.i < verb.i]
    return objects[0] if objects and clauses_before else None


def _governing_cue(verb: Token, lexicon: ClaimLexicon) -> Token | None:
    for ancestor in verb.ancestors:
        if ancestor.pos_ == "VERB" and ancestor.lemma_.lower() in lexicon.reporting_verbs:
            return ancestor
    return None


def speaker_span(head: Token, cue: Token | None = None) -> CharSpan | None:
    """The words that name the speaker: the subject's phrase without relative clauses and asides; the
    name in apposition when the subject is a description ("the head of …, Kyrylo Budanov"). Given the cue,
    a restrictive clause that does not hold it stays ("voters who say …", see ``_identifies``)."""
    if head.pos_ != "PROPN":
        names = [c for c in head.children if c.dep_ == "appos" and c.pos_ == "PROPN"]
        if names:
            head = names[0]
    kept = [t for t in head.subtree if not _under_excluded_dep(t, head, cue)]
    run = _on_line_of(contiguous_run(kept, head), head)
    while run and run[0].lower_ in COORDINATION_OPENERS:  # "Neither Paris nor Berlin"
        run.pop(0)
    return token_span(run)


def _on_line_of(run: list[Token], head: Token) -> list[Token]:
    """The part of a run of tokens on the head's line: a live blog's "9:30 a.m." line above a sentence is
    parsed into its subject, but a line break ends a name."""
    breaks = [token.i for token in run if token.is_space and "\n" in token.text]
    start = max((i + 1 for i in breaks if i < head.i), default=run[0].i if run else head.i)
    end = min((i for i in breaks if i > head.i), default=run[-1].i + 1 if run else head.i + 1)
    return [token for token in run if start <= token.i < end]


def _under_excluded_dep(token: Token, head: Token, cue: Token | None) -> bool:
    while token.i != head.i:
        if (
            token.dep_ in NOT_SPEAKER_DEPS
            and not _is_word_joiner(token)
            and not _identifies(token, cue)
            and not _inside_one_name(token)
        ):
            return True
        token = token.head
    return False


def _identifies(modifier: Token, cue: Token | None) -> bool:
    """A modifier that says who the speaker is rather than adding to a name: a restrictive clause on a
    common noun ("voters who say the economy matters most", "a poll conducted by Edison"), or the state
    after a town ("a woman in Worcester, Massachusetts")."""
    head = modifier.head
    if cue is None or modifier.left_edge.i <= cue.i <= modifier.right_edge.i:
        return False  # "the man who told reporters …": the clause is the attribution itself
    if modifier.dep_ in RESTRICTIVE_DEPS:
        comma_before = modifier.left_edge.i > 0 and modifier.doc[modifier.left_edge.i - 1].text == ","
        return head.pos_ in ("NOUN", "PRON") and modifier.i > head.i and not comma_before
    return modifier.dep_ == "appos" and head.ent_type_ == "GPE" and modifier.ent_type_ == "GPE"


def _inside_one_name(token: Token) -> bool:
    """A conjunction within one recognised name ("the United States Customs and Border Protection
    commissioner"): part of the name, not a second speaker nor an aside. Not the name's last token, whose
    dependents (a comma, an appositive) lie outside it."""
    low, high = sorted((token.i, token.head.i))
    span = token.doc[low : high + 1]
    return span[0].ent_iob_ in ("B", "I") and all(t.ent_iob_ == "I" for t in span[1:])


def _is_word_joiner(token: Token) -> bool:
    """The hyphen of "Secretary-General": punctuation inside a name, not an aside."""
    return (
        token.text == "-" and not token.whitespace_ and token.i > 0 and not token.doc[token.i - 1].whitespace_
    )


def speaker_heads(subject: Token | None) -> list[Token]:
    """One speaker per coordinated subject ("neither Rutte nor Austin confirmed" → Rutte, Austin); none
    that is a thing bearing words."""
    if subject is None:
        return []
    return [head for head in (subject, *subject.conjuncts) if not _is_word_bearing_thing(head)]


def _is_word_bearing_thing(head: Token) -> bool:
    """A hat, a sign (``cues`` ``[word_bearing_things]``): what it says is a slogan shown, no one's claim."""
    return head.pos_ == "NOUN" and head.lemma_.lower() in _word_bearing_things()


@cache
def _word_bearing_things() -> frozenset[str]:
    return frozenset(load_lexicon("cues")["word_bearing_things"]["nouns"])


def attributions_for(
    context: ParseContext,
    cue_token: Token,
    cue: CharSpan,
    content: CharSpan | None,
    subject: Token | None,
    modality: Modality | None,
) -> list[Attribution]:
    """One attribution per coordinated speaker, with the content classified as a quote or not.

    A cue verb with nobody named for it is dropped unless it is passive ("it was reported that …"): the
    parse lost its subject, and a claim without a speaker would be worse than none."""
    if content is None or content[0] >= content[1]:
        return []
    text = context.text
    if subject is not None and _is_word_bearing_thing(subject):
        return []  # a hat's slogan is no one's claim, and the words before the cue name no one else
    inversion = parenthetical_inversion(cue_token)
    if inversion is not None:  # the clause the cue interrupts, from its fronted phrase
        content = (inversion[0].left_edge.idx, content[1])
    content = with_sentence_end(text, clip_to_line(text, content, cue[0]), cue)
    content, quote = classify_quote(context, content, cue)
    if content[0] >= content[1] or (quote != "direct" and not same_line(text, content, cue)):
        return []  # a clause on another line is a parse that ran across a headline
    subject = past_dateline(subject, text, cue[0])
    speakers = [
        span for head in speaker_heads(subject) if (span := speaker_span(head, cue_token)) is not None
    ]
    if cue_token.pos_ == "VERB" and not (speakers and all(same_line(text, s, cue) for s in speakers)):
        # an infinitive ("his decision not to recommend …") has no subject to lose: the noun before it is
        # what it modifies, not who speaks
        fallback = None if _is_infinitive(cue_token) else noun_phrase_before(cue_token)
        speakers = [fallback] if fallback else [s for s in speakers if same_line(text, s, cue)]
    if not speakers and cue_token.pos_ == "VERB" and not _is_passive(cue_token):
        return []
    quoted = [speaker for speaker in speakers if _quoted_speaker(context, speaker, content, quote)]
    if quoted and len(quoted) == len(speakers):
        return []
    named: list[CharSpan | None] = [speaker for speaker in speakers if speaker not in quoted] or [None]
    return [
        Attribution(
            cue=cue, content=content, speaker=speaker, quote=quote, cue_modality=modality, anchor=cue_token.i
        )
        for speaker in named
    ]


def _quoted_speaker(context: ParseContext, speaker: CharSpan, content: CharSpan, quote: QuoteKind) -> bool:
    """A speaker that is quoted words: a parse that made a quotation the subject of the cue after it ("on
    CBS’s “Face the Nation,” calling it …": a show's name, as speaker and as content). A speaker inside
    the quotation it says, or the whole of a quotation (a title in quote marks, not someone). An indirect
    content may hold its speaker ("The plan, the mayor often says, is …")."""
    if quote == "direct" and spans_overlap(speaker, content):
        return True
    if context.text[speaker[0] : speaker[1]].lower() == "you" and any(
        q.inner_start <= speaker[0] and speaker[1] <= q.inner_end for q in context.quotes
    ):
        return True  # "Hannity interjected: “So you're saying …?”": the addressee, whom the quote names not
    return any(speaker == (q.inner_start, q.inner_end) for q in context.quotes)


# Tokens a name or a description of a speaker is made of, when the parse lost the subject.
NOUN_PHRASE_POS = frozenset({"PROPN", "NOUN", "DET", "ADJ", "PART", "NUM"})
NOUN_PHRASE_PREPOSITIONS = frozenset({"of", "to", "from", "for", "at"})  # "the representative to the UN"


def noun_phrase_before(verb: Token) -> CharSpan | None:
    """The noun phrase right before a cue verb ("…, Volodimir Zelensky, said …"), for when the parser
    attached the subject elsewhere (often across a headline that ran into the sentence)."""
    doc = verb.doc
    index = verb.i - 1
    while (
        index >= 0
        and doc[index].pos_ in ("AUX", "ADV", "PART")
        and doc[index].dep_ in ("aux", "advmod", "neg")
    ):
        index -= 1
    if index >= 0 and doc[index].text == ",":
        index -= 1
    end = index
    while index >= 0 and (
        doc[index].pos_ in NOUN_PHRASE_POS
        or _is_word_joiner(doc[index])
        or (
            doc[index].lower_ in NOUN_PHRASE_PREPOSITIONS
            and index > 0
            and doc[index - 1].pos_ in ("NOUN", "PROPN")
        )
    ):
        if "\n" in doc[index].text:
            break
        index -= 1
    tokens = list(doc[index + 1 : end + 1])
    if not tokens or tokens[-1].pos_ not in ("PROPN", "NOUN") or _scene_before_participle(verb, tokens):
        return None
    return token_span(tokens)


def _scene_before_participle(verb: Token, tokens: list[Token]) -> bool:
    """ "when questioned after the debate, asserting …": before a participle cue, a noun phrase governed by
    the preposition right before it is where or when, never who speaks (PolNeAR trump-taxes gave the debate
    a quotation, issue #14). A finite cue keeps it: there the parse lost a subject ("President Obama,
    dedicating the museum on Saturday, said"), and the claim, its content right, stays."""
    head, before = tokens[-1], tokens[0].i - 1
    return verb.tag_ == "VBG" and head.dep_ == "pobj" and before >= 0 and head.head.i == before


def _is_infinitive(verb: Token) -> bool:
    return verb.tag_ == "VB" and any(child.dep_ == "aux" and child.lower_ == "to" for child in verb.children)


def _is_passive(verb: Token) -> bool:
    return any(child.dep_ in ("auxpass", "nsubjpass") for child in verb.children)
