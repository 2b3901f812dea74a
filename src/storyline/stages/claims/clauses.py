"""How far an attribution's content runs over the clauses of its sentence, settled once every cue has
been found: a content runs on over a second "that" clause and to the end of a quotation it opens (PolNeAR
marks the reported material so), and is then split where it holds two propositions (``claims.propositions``).

Kept apart from ``claims.spans`` (token spans and quote boundaries of one content) because these rules look
at the other attributions of the sentence: another cue bounds a run-on.
"""

from __future__ import annotations

import dataclasses

from spacy.tokens import Doc, Span, Token

from storyline.stages.claims.lexicon import ClaimLexicon
from storyline.stages.claims.modality import cue_modality
from storyline.stages.claims.spans import (
    CLAUSE_MARKS,
    Attribution,
    CharSpan,
    ParseContext,
    classify_quote,
    same_line,
    token_span,
)
from storyline.stages.claims.speakers import subject_of

# Subjects that make a coordinated verb a clause of its own ("…, but a federal judge refused …").
CLAUSE_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "expl"})
# A named source whose words a quotation reports ("“Interpol said that …,” Lee said"); not a pronoun,
# a crowd or a second person ("People say …", "You say …"), whose words the speaker sets up to answer.
SOURCE_ENTITY_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
# A person's reported clause about that person ("Trump said he has …"): its subject is one of these.
SELF_PRONOUNS = frozenset({"he", "she"})


def with_run_on_content(context: ParseContext, found: list[Attribution]) -> list[Attribution]:
    """Each content run on to the end of the reported material the parse cut short, as PolNeAR marks it:
    over a second "that" clause (``coordinated_end``) and to the end of a quotation it opens
    (``open_quote_end``). Not over another attribution's cue, nor across a line."""
    cues = [attribution.cue for attribution in found]
    extended = []
    for attribution in found:
        start, end = attribution.content
        new_end = max(
            coordinated_end(context.doc[attribution.anchor], attribution.content, context.lexicon) or end,
            open_quote_end(context, attribution),
        )
        if (
            new_end > end
            and same_line(context.text, (start, new_end), attribution.cue)
            and not any(end <= cue[0] < new_end for cue in cues)
        ):
            content, quote = classify_quote(context, (start, new_end), attribution.cue)
            attribution = dataclasses.replace(attribution, content=content, quote=quote)
        extended.append(attribution)
    return extended


def open_quote_end(context: ParseContext, attribution: Attribution) -> int:
    """Where a quotation that opens inside a content and runs past its end closes ("said Cruz is “for the
    oil. He's got to be for oil.”"): the sentence split cut the content, but a quotation the content opens
    is the speaker's words to its end."""
    start, end = attribution.content
    if attribution.quote == "direct":
        return end
    closing = [quote.inner_end for quote in context.quotes if start <= quote.start < end < quote.inner_end]
    return max(closing, default=end)


def coordinated_end(cue: Token, content: CharSpan, lexicon: ClaimLexicon) -> int | None:
    """Where a second "that" clause coordinated right after a reported clause ends ("said the city needs a
    plan, but that it cannot pay for one"): the "that" marks a complement of the cue, so the speaker
    reports both; the parser hangs the second clause on the cue verb. The clause has a subject of its own
    and its verb does not report in turn ("…, and that 4 in 10 said …": a claim of its own).

    A coordinated clause without "that" is left out: on PolNeAR train articles 150–299 it is the writer's
    narration as often as not ("said it was done without his knowledge, but Mr. Obama was furious")."""
    start, end = content
    if cue.idx >= start or not _is_reported_clause(cue, content):
        return None
    for clause in cue.children:
        if clause.dep_ != "conj" or clause.i < cue.i or not opens_own_clause(clause, lexicon):
            continue
        if not any(child.dep_ == "mark" and child.lower_ in CLAUSE_MARKS for child in clause.children):
            continue
        lead = clause.left_edge
        if lead.idx >= end and _only_joiners(cue.doc, end, lead):
            tail = token_span(clause.subtree)
            return tail[1] if tail is not None else None
    return None


def _is_reported_clause(cue: Token, content: CharSpan) -> bool:
    """A content that is a finite clause of the cue verb with a subject of its own ("says [the voters
    want …]"), not an object ("launched attacks on X") whose coordination is the writer's narration."""
    span = cue.doc.char_span(*content, alignment_mode="expand")
    root = span.root if span is not None else None
    if root is None or root.dep_ != "ccomp" or root.head.i != cue.i:
        return False
    return opens_own_clause(root, None)


def opens_own_clause(verb: Token, lexicon: ClaimLexicon | None) -> bool:
    return (
        verb.pos_ in ("VERB", "AUX")
        and (lexicon is None or verb.lemma_.lower() not in lexicon.cue_verbs)
        and any(child.dep_ in CLAUSE_SUBJECT_DEPS for child in verb.children)
    )


def _only_joiners(doc: Doc, end: int, lead: Token) -> bool:
    """Between the content's end and the clause: punctuation, quote marks and a conjunction only."""
    index = lead.i - 1
    while index >= 0 and doc[index].idx >= end:
        token = doc[index]
        if not (token.is_punct or token.is_space or token.dep_ == "cc" or token.is_quote):
            return False
        index -= 1
    return True


def reported_within_quotes(context: ParseContext, found: list[Attribution]) -> list[Attribution]:
    """A one-sentence quotation that reports what a named source said ("“Interpol said that she broke no
    rule,” Lee said") claims the clause reported: its content becomes that clause, to the quotation's end,
    the speaker kept (PolNeAR fbi-no-charges, issue #14: such a quotation's only predicate was "said", and
    the ledger could key nothing from it). Not when the report itself takes a side ("denied", "did not
    say": its modality would be lost), nor an attitude ("believes", "You'd think …"), nor a crowd's or an
    unnamed speaker's words set up to be answered ("People say that …"). A source that speaks of itself
    ("“The mayor said he has made sacrifices,” his rival said") made the claim: the relayer
    passes on a boast she answers, and PolNeAR credits the source (``_relayed_self_report``). Settled after
    merging, which prefers the longer of two overlapping quotes."""
    quoted = {(quote.inner_start, quote.inner_end) for quote in context.quotes}
    return [
        _with_reported_clause(context, attribution)
        if attribution.quote == "direct" and attribution.content in quoted
        else attribution
        for attribution in found
    ]


def _with_reported_clause(context: ParseContext, attribution: Attribution) -> Attribution:
    reported = _reported_source(context, attribution.content)
    if reported is None:
        return attribution
    verb, subject, clause = reported
    content = (clause[0], attribution.content[1])
    if not _relayed_self_report(verb, subject):
        return dataclasses.replace(attribution, content=content)
    return dataclasses.replace(
        attribution,
        content=content,
        cue=(verb.idx, verb.idx + len(verb.text)),
        anchor=verb.i,
        speaker=token_span(subject.subtree),
        via=attribution.speaker,
    )


def _reported_source(context: ParseContext, quoted: CharSpan) -> tuple[Token, Token, CharSpan] | None:
    """The reporting verb, its named subject and the clause it reports, when the quotation opens so."""
    span = context.doc.char_span(*quoted, alignment_mode="expand")
    if span is None or len({token.sent.start for token in span}) != 1:
        return None
    verb, lexicon = span.root, context.lexicon
    subject = subject_of(verb, lexicon)
    lemma = verb.lemma_.lower()
    if (
        lemma not in lexicon.reporting_verbs
        or lemma in lexicon.mental_state_verbs | lexicon.epistemic_verbs  # "You'd think …", "believes"
        or subject is None
        or subject.ent_type_ not in SOURCE_ENTITY_LABELS  # "People say …", "Who would have believed …"
        or _first_word(span).i != subject.left_edge.i  # "Of course, …, the panel concluded …"
        or cue_modality(context, verb, subject) is not None
    ):
        return None
    clause = next((child for child in verb.children if child.dep_ == "ccomp" and child.i > verb.i), None)
    reported = token_span(clause.subtree) if clause is not None else None
    if reported is None or reported[0] >= quoted[1]:
        return None
    return verb, subject, reported


def _relayed_self_report(verb: Token, subject: Token) -> bool:
    """Whether a person's reported clause speaks of that person ("Trump said he has made …"): its subject a
    third-person pronoun of the person's number. Another's subject ("Interpol said that she …") leaves the
    relayer the speaker, as PolNeAR marks a finding cited in support."""
    clause = next((child for child in verb.children if child.dep_ == "ccomp" and child.i > verb.i), None)
    own = (
        next((child for child in clause.children if child.dep_ in CLAUSE_SUBJECT_DEPS), None)
        if clause
        else None
    )
    return subject.ent_type_ == "PERSON" and own is not None and own.lower_ in SELF_PRONOUNS


def _first_word(span: Span) -> Token:
    return next((token for token in span if not token.is_punct), span[0])
