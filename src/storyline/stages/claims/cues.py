"""Attribution cues in a spaCy parse: who (speaker) says what (content) by which words (cue).

Two kinds of evidence here: a cue word with its dependents ("X said that …", "according to X, …", "neither
X nor Y confirmed …", "we have no evidence that …", "calling it groundless rumours"), and a hedge adverb that
passes on what unnamed others say ("the video allegedly shows …"). Quotations beside a cue are in
``claims.quote_cues``. What a cue says of its content's modality (a denial, a refusal, a negated
"confirm") is ``claims.modality``'s to decide. The claims module resolves pronouns, merges what two routes
found twice and builds the records.
"""

from __future__ import annotations

from spacy.tokens import Token

from storyline.records import Modality
from storyline.stages.claims.lexicon import ClaimLexicon
from storyline.stages.claims.modality import (
    CLAIM_ADVERB_MODALITY,
    LABEL_MODALITY,
    NO_EVIDENCE_MODALITY,
    cue_modality,
    has_no,
    refusal_modality,
)
from storyline.stages.claims.spans import (
    GAP_BEFORE_QUOTE,
    Attribution,
    CharSpan,
    ParseContext,
    across_semicolon,
    content_span,
    contiguous_run,
    gap_matches,
    longest_run,
    same_line,
    semicolon_between,
    speaks_in_absolute,
    subtree_without,
    token_span,
)
from storyline.stages.claims.speakers import (
    SUBJECT_DEPS,
    attributions_for,
    quoted_as_saying,
    reduced_relative,
    subject_of,
)
from storyline.stages.claims.speech_acts import (
    cue_preposition,
    directive_content,
    is_bare_participle,
    is_finite,
    is_guessed_thought,
    is_self_epistemic,
    noun_attributions,
    prepositional_content,
)

CONTENT_CLAUSE_DEPS = ("ccomp", "xcomp")
OBJECT_DEPS = frozenset({"dobj", "attr", "oprd"})
# How the noun a "that" clause hangs on may sit inside a cue's adjunct ("during a rally in Michigan").
ADJUNCT_LINKS = frozenset({"pobj", "prep", "compound", "poss", "appos"})
LABEL_DEPS = frozenset({"dobj", "oprd", "attr", "xcomp", "ccomp", "acomp"})
# What a cue is on or about: its topic, the content of a refusal ("declined to comment on …").
TOPIC_PREPOSITIONS = frozenset({"on", "about", "regarding"})
# What a relative "that" stands for in its clause when it is one: its subject, object or predicate.
RELATIVE_ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "attr", "dative", "oprd"})
EVIDENCE_PREPOSITIONS = frozenset({"of", "for", "that"})
# What makes a clause after "according to X," a content of its own ("there were", "the ballots had").
CONTENT_SUBJECT_DEPS = SUBJECT_DEPS | {"expl", "csubj"}
# A past or present participle, or a past form the tagger gave one ("the interview aired Monday"): without a
# subject or an auxiliary, a modifier, never a clause (an imperative, "VB", may lack both).
MODIFIER_TAGS = frozenset({"VBN", "VBG", "VBD"})
AUXILIARY_DEPS = frozenset({"aux", "auxpass"})
# A passive cue's complement that is a state of its subject ("reported missing", "reported dead"), not what
# anyone says: an adjective or a participle on its own.
STATE_COMPLEMENT_DEPS = frozenset({"xcomp", "oprd", "acomp"})
STATE_TAGS = frozenset({"JJ", "VBN", "VBG"})
# What makes such a complement a clause or an infinitive ("was said to be …", "reported that he had …").
STATE_EXCLUDED_DEPS = AUXILIARY_DEPS | CONTENT_SUBJECT_DEPS | {"mark"}


# --- cue words -------------------------------------------------------------------------------------------


# Subordinators that make a clause hypothetical: its reporting verb reports nobody's position.
CONDITIONAL_MARKS = frozenset({"if", "unless"})
# The prepositions by which a request names whom it asks ("pleaded with them to …", "appealed to voters to").
REQUEST_PREPOSITIONS = frozenset({"with", "to"})


def _is_conditional(verb: Token) -> bool:
    return any(child.dep_ == "mark" and child.lower_ in CONDITIONAL_MARKS for child in verb.children)


def cue_word_attributions(context: ParseContext) -> list[Attribution]:
    """Attributions anchored on a cue verb, "according to" or "no evidence"."""
    found: list[Attribution] = []
    for token in context.doc:
        if token.lower_ in context.lexicon.phrase_cues:  # before verbs: spaCy tags "according" VERB
            found.extend(_phrase_attributions(context, token))
        elif token.pos_ == "VERB":
            found.extend(_verb_attributions(context, token))
        elif token.pos_ == "NOUN" and token.lemma_.lower() in context.lexicon.evidence_nouns:
            found.extend(_evidence_attributions(context, token))
        elif token.pos_ == "NOUN" and token.lemma_.lower() in context.lexicon.noun_cues:
            found.extend(noun_attributions(context, token))
    return found


def is_cue_verb(context: ParseContext, verb: Token) -> bool:
    lexicon = context.lexicon
    lemma = verb.lemma_.lower()
    if lemma not in lexicon.cue_verbs:
        return False
    particle = lexicon.particle_verbs.get(lemma)
    has_particle = any(c.dep_ == "prt" and c.lower_ == particle for c in verb.children)
    if particle and not has_particle and cue_preposition(context, verb) is None:
        return False
    if is_self_epistemic(context, verb) or is_guessed_thought(context, verb):
        return False
    if lemma in lexicon.mental_state_verbs and any(c.dep_ == "neg" for c in verb.children):
        return False  # "does not want to mobilize": no position to report
    if verb.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in verb.children
    ):
        return False  # "If someone in the Kremlin thinks that …": a hypothetical speaker, not a position
    if lemma in lexicon.directive_verbs and (is_bare_participle(verb) or verb.dep_ == "relcl"):
        # "Asked to describe the device, O'Neill said …": O'Neill was asked, not asking; "people who
        # want to …" describes people, it reports nothing
        return False
    if asked_of_others(context, verb) or _left_free_to(context, verb) or _reported_state(verb):
        return False
    # "quoted as saying": the cue is anchored on "quoted"; "saying" is part of it
    return not (
        verb.dep_ == "pcomp" and verb.head.lower_ == "as" and verb.head.head.lemma_ in ("quote", "cite")
    )


def _reported_state(verb: Token) -> bool:
    """ "with dozens more reported missing", "three soldiers were reported killed", "are reported dead": a
    passive participle of a cue whose complement is a state of its own subject (an adjective or a
    participle, no infinitive and no clause) and with nobody named as reporting: what is reported is the
    subject, who says nothing; nor is anyone named who does (a fact told in the writer's voice)."""
    if not is_bare_participle(verb) or any(c.dep_ == "agent" for c in verb.children):
        return False
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children) or verb.dep_ in ("pcomp", "acl")
    return passive and any(
        c.dep_ in STATE_COMPLEMENT_DEPS
        and c.i > verb.i
        and c.tag_ in STATE_TAGS
        and not any(a.dep_ in STATE_EXCLUDED_DEPS for a in c.children)
        for c in verb.children
    )


def _left_free_to(context: ParseContext, verb: Token) -> bool:
    """ "is free to disclose his returns", "would be willing to confirm": an infinitive on an adjective of
    leave or readiness (lexicon ``leave_adjectives``) is what someone may do, no statement made."""
    infinitive = any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children)
    return (
        infinitive
        and verb.dep_ == "xcomp"
        and verb.head.pos_ == "ADJ"
        and verb.head.lemma_.lower() in context.lexicon.leave_adjectives
    )


def asked_of_others(context: ParseContext, verb: Token) -> bool:
    """ "asked families to report emergencies", "urged witnesses to confirm …", "the law requires
    candidates to disclose their assets", "the court ordered the firm to disclose …": what others are asked,
    ordered or required to say is no statement of anyone's (the request is an act of the asker's). Read on
    the parse, any verb with an object before the infinitive: the one to speak is the object, and they have
    not spoken (PolNeAR trump-taxes gave a law's requirement to the law as its speaker, issue #14)."""
    request = verb.head
    infinitive = any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children)
    if infinitive and verb.dep_ == "ccomp" and any(c.dep_ == "nsubj" for c in verb.children):
        return True  # "wants the company to disclose …", parsed as a clause with its own subject
    requested = request.lemma_.lower() in context.lexicon.request_verbs
    # "pleaded with them to reject …" parses as a purpose clause; of a request verb it is what is asked
    asked_clause = (verb.dep_ == "xcomp" and (infinitive or requested)) or (
        verb.dep_ == "advcl" and infinitive and requested
    )
    return asked_clause and any(_asked_object(c, requested) and c.i < verb.i for c in request.children)


def _asked_object(child: Token, requested: bool) -> bool:
    """Whom a request asks: its object, or, of a request verb, one after "with"/"to" ("pleaded with them to
    reject the plan": PolNeAR khan-family read Khan's plea as his own denial, issue #14). Not
    of any verb: "met with reporters to deny …" is the subject's own denial."""
    if child.dep_ in ("dobj", "dative"):
        return True
    return (
        requested
        and child.dep_ == "prep"
        and child.lower_ in REQUEST_PREPOSITIONS
        and any(c.dep_ == "pobj" for c in child.children)
    )


def _verb_attributions(context: ParseContext, verb: Token) -> list[Attribution]:
    if not is_cue_verb(context, verb):
        return []
    lexicon = context.lexicon
    lemma = verb.lemma_.lower()
    label = _denial_label(context, verb) if lemma in lexicon.labeling_verbs else None
    refused = _refused_action(context, verb) if lemma in lexicon.refusal_verbs else None
    preposition = cue_preposition(context, verb)
    if preposition is not None and any(c.dep_ == "ccomp" for c in _complements(verb)):
        preposition = None  # "warned about it that …": the clause is what is said
    clause_verbs = lexicon.reporting_verbs | lexicon.confirm_verbs | lexicon.clause_only_verbs
    if (
        label is None
        and refused is None
        and preposition is None
        and lemma not in clause_verbs | lexicon.directive_verbs
    ):
        return []  # "called Zelensky's plan frightening", "declined the offer": not attributions
    subject = subject_of(verb, lexicon)
    modality: Modality | None
    if refused is not None:
        content = _refused_content(context, refused)
        modality = refusal_modality(refused, lexicon)
        cue = token_span([verb, refused])
    elif label is not None:
        content = _labelled_content(context, verb, label)
        modality, cue = LABEL_MODALITY, (verb.idx, _end_with_closing_mark(context, label))
    elif preposition is not None:
        content = prepositional_content(verb, preposition)
        modality = cue_modality(context, verb, subject)
        cue = token_span(verb.doc[verb.i : preposition.i + 1])
    elif lemma in lexicon.directive_verbs and lemma not in clause_verbs:
        content = directive_content(verb)
        modality, cue = cue_modality(context, verb, subject), cue_span(verb)
    elif lemma in lexicon.clause_only_verbs and lemma not in lexicon.reporting_verbs:
        # a finite clause: "found “no evidence” that …" is the evidence route's, and "shows soldiers
        # queuing" shows a scene, it reports no statement
        has_clause = verb.dep_ == "parataxis" or any(
            c.dep_ == "ccomp" and is_finite(c) for c in verb.children
        )
        content = _verb_content(context, verb) if has_clause else None
        modality, cue = cue_modality(context, verb, subject), cue_span(verb)
    else:
        content = _verb_content(context, verb)
        modality = cue_modality(context, verb, subject)
        cue = cue_span(verb)
    if cue is None:
        return []
    return attributions_for(context, verb, cue, content, subject, modality)


def cue_span(verb: Token) -> CharSpan | None:
    """The cue verb, with its negation and modal ("couldn't confirm"), its particle ("pointed out") and
    "as saying" after "quoted"."""
    tokens = [verb]
    if any(child.dep_ == "neg" for child in verb.children):
        tokens += [c for c in verb.children if c.dep_ in ("neg", "aux") and c.i < verb.i]
    tokens += [c for c in verb.children if c.dep_ == "prt"]
    if verb.lemma_ in ("quote", "cite") and not any(c.dep_ == "dobj" for c in verb.children):
        # not over an object: "quoted an official as saying" has its speaker between
        for prep in (c for c in verb.children if c.lower_ == "as"):
            tokens += [prep, *prep.children]
    return token_span(verb.doc[min(t.i for t in tokens) : max(t.i for t in tokens) + 1])


def _verb_content(context: ParseContext, verb: Token) -> CharSpan | None:
    """What a reporting verb reports: its clause, its object (for "confirm", "deny" …), the sentence before
    ("said this"), or the clause it interrupts ("…, he argues")."""
    quoted = quoted_as_saying(verb)
    if quoted is not None:
        said = _verb_content(context, quoted[1])  # "quoted an official as saying that …": what was said
        if said is not None:
            return said
        # "At least 2,600 would be sent …, he was quoted as saying": the words stand before the cue
    lexicon = context.lexicon
    text = context.text
    for dep in CONTENT_CLAUSE_DEPS:
        clauses = [c for c in _complements(verb) if c.dep_ == dep and not misread_modifier(c)]
        # of two clauses, the one on the cue's line (the other is a headline the parse ran into), then the
        # nearest ("…, Zelensky, said yesterday that …" when the sentence before was hung on "said")
        clauses.sort(
            key=lambda c: (not same_line(text, (c.idx, c.idx), (verb.idx, verb.idx)), abs(c.i - verb.i))
        )
        if clauses:
            return _conjoined_before(verb, clauses[0], lexicon) or content_span(clauses[0], lexicon)
    adjunct_clause = _clause_on_adjunct(verb)
    if adjunct_clause is not None:
        return content_span(adjunct_clause, lexicon)
    objects = [c for c in verb.children if c.dep_ in OBJECT_DEPS]
    if verb.lemma_.lower() in lexicon.object_content_verbs:
        if objects and objects[0].lower_ not in lexicon.anaphoric_objects and objects[0].pos_ != "PRON":
            return token_span(objects[0].subtree)
        passive_subjects = [c for c in verb.children if c.dep_ == "nsubjpass"]
        if passive_subjects and any(c.dep_ == "agent" for c in verb.children):
            return token_span(passive_subjects[0].subtree)  # "such statements have been rejected by …"
    anaphoric = [
        c for c in verb.children if c.dep_ in ("dobj", "advmod") and c.lower_ in lexicon.anaphoric_objects
    ]
    if anaphoric:
        return _previous_statement(context, verb)
    if verb.dep_ == "parataxis" and verb.head.i < verb.i:
        before = [t for t in subtree_without(verb.head, verb) if t.i < verb.left_edge.i]
        return token_span(longest_run(before))
    trailing = _trailing_conjunct_content(verb, lexicon)
    if trailing is not None:
        return trailing
    return _clause_after_parenthetical(verb)


def _trailing_conjunct_content(verb: Token, lexicon: ClaimLexicon) -> CharSpan | None:
    """ "The toll has risen to 15, and 198 people remain in hospital, district collector A.K. Srivastava said
    on Saturday": a trailing cue with a subject of its own, which the parser hung as the last conjunct of
    the clauses before it (a name with initials tips it so), with no clause of its own; what those clauses
    say is the content. Only after a comma with no conjunction ("…, and said nothing" is a second act of
    the same subject) and when the first clause is no cue ("X said A, Y said B": each reports its own).
    The same when the sentence splitter cut the sentence at that comma, the cue opening a sentence of its
    own."""
    subject = subject_of(verb, lexicon)
    first = verb.left_edge
    if subject is None or not subject.i < verb.i or first.i == 0 or verb.doc[first.i - 1].text != ",":
        return None
    addressed = verb.lemma_.lower() in lexicon.addressee_verbs  # "told reporters"
    if any(c.dep_ in CONTENT_CLAUSE_DEPS or (c.dep_ in OBJECT_DEPS and not addressed) for c in verb.children):
        return None  # "…, Clinton cited comments …": an act of its own with its object, no trailing cue
    if verb.dep_ == "ROOT" and first.i == verb.sent.start:
        # the sentence splitter cut at the comma before the cue: the clauses are the sentence before
        head = verb.doc[first.i - 1].sent.root
    elif verb.dep_ == "conj" and verb.head.i < verb.i:
        head = verb.head
    else:
        return None
    while head.dep_ == "conj" and head.head.i < head.i:
        head = head.head
    if head.lemma_.lower() in lexicon.cue_verbs or head.pos_ not in ("VERB", "AUX"):
        return None
    before = [t for t in subtree_without(head, verb) if t.i < first.i - 1]
    return token_span(longest_run(before))


def misread_modifier(clause: Token) -> bool:
    """Whether a ``ccomp`` after its cue is a participle modifying a noun before it, misread: in "Marsh said
    in an interview with the BBC aired Monday" the parser hangs "aired" on "said", which reports no such
    thing; a clause a cue reports has a subject or an auxiliary of its own (PolNeAR train
    sanders-endorsements: "aired Monday on “New Day”" stood as what was said, the quotation before the cue
    went unattributed)."""
    return (
        clause.dep_ == "ccomp"
        and clause.i > clause.head.i
        and clause.tag_ in MODIFIER_TAGS
        and not any(child.dep_ in CONTENT_SUBJECT_DEPS | AUXILIARY_DEPS for child in clause.children)
    )


def _conjoined_before(verb: Token, clause: Token, lexicon: ClaimLexicon) -> CharSpan | None:
    """ "A has risen to 23, and B remain in shelters, the agency said": a trailing cue with its subject after
    two coordinated clauses, which the parser hangs on the first clause as its conjunct, taking only the
    second as its complement, or hangs both on the cue as two complements and the nearest is taken; the
    sentence before the cue is the content, both clauses of it. Not when the first clause reports in turn
    ("X said A, and B, Y said": each reports its own) or a semicolon or quotation sets it apart."""
    earlier = [c for c in verb.children if c.dep_ == "ccomp" and c.i < clause.i]
    head = earlier[0] if earlier else verb.head
    subject = subject_of(verb, lexicon)
    if (
        (verb.dep_ != "conj" and not earlier)
        or not head.i < clause.i < verb.i
        or subject is None
        or not clause.right_edge.i < subject.i < verb.i
        or head.lemma_.lower() in lexicon.cue_verbs
        or head.pos_ not in ("VERB", "AUX")
        or not any(c.dep_ == "cc" and head.i < c.i < clause.i for c in head.children)
        or semicolon_between(verb.doc, head.i, clause.i)
        or any(t.is_quote for t in verb.doc[head.left_edge.i : clause.right_edge.i + 1])
    ):
        return None
    if earlier:
        kept = [*head.subtree, *clause.subtree]
    else:
        own = {t.i for t in verb.subtree} - {t.i for t in clause.subtree}
        kept = [t for t in head.subtree if t.i not in own and t.i <= clause.right_edge.i]
    return token_span(contiguous_run(kept, clause))


def _clause_on_adjunct(verb: Token) -> Token | None:
    """A "that" clause the parser hung on the noun of the cue's adjunct instead of on the cue: "said in a
    statement that sirens had sounded …" (the demo's dam story, once in each of two articles), "who mused
    in the debate that …" (PolNeAR classified-emails). A clause opening on the subordinator "that" (its
    ``mark``, not a relative pronoun) after the occasion, place or medium of the cue says what was said
    there. Demo claims F1 0.905 -> 0.911; PolNeAR dev attribution figures unchanged. What a cue is on or
    about is its topic, not its occasion: "declined to comment on the news that …" (a seed article) says
    nothing of the news, and ``_refused_content`` reads it."""
    for preposition in verb.children:
        if preposition.dep_ != "prep" or preposition.i < verb.i or preposition.lower_ in TOPIC_PREPOSITIONS:
            continue
        for noun in (child for child in preposition.children if child.dep_ == "pobj"):
            for clause in noun.subtree:
                if clause.dep_ in ("acl", "relcl", "ccomp") and _marked_that(clause):
                    return clause if _nouns_between(clause.head, noun) else None
    return None


def _nouns_between(token: Token, noun: Token) -> bool:
    """Whether ``token`` hangs on ``noun`` through nouns and prepositions alone ("a rally in Michigan"):
    a clause under a verb of the adjunct ("a letter to lawmakers who argued that …") is that verb's."""
    while token.i != noun.i:
        if token.dep_ not in ADJUNCT_LINKS:
            return False
        token = token.head
    return True


def _marked_that(clause: Token) -> bool:
    """Whether the clause opens on the subordinator "that" (dependency ``mark``) and has a finite verb. A
    "that" the parser read as a relative pronoun counts too when it fills no subject or object of the clause,
    which has a subject of its own: "alleged in the suit that Trump personally earned $5 million from the
    enterprise" (PolNeAR curiel, issue #14), where "that" was parsed the object of a later preposition."""
    if not is_finite(clause):
        return False
    lead = clause.left_edge
    if lead.lower_ != "that":
        return False
    if any(child.dep_ == "mark" and child.i == lead.i for child in clause.children):
        return True
    own_subject = any(child.dep_ in ("nsubj", "nsubjpass") and child.i != lead.i for child in clause.children)
    return own_subject and lead.dep_ not in RELATIVE_ARGUMENT_DEPS


def _complements(verb: Token) -> list[Token]:
    """The verb's dependents, less a participle describing its speaker, a ", which" clause, and a clause
    the writer set apart from it with a semicolon: a cue's content never reaches over a semicolon (issue
    #17: "the ministry maintains …; the committee insists on 2,380")."""
    describing = reduced_relative(verb)  # "Strikers interviewed at the gate said": no complement
    return [
        child
        for child in verb.children
        if child != describing
        and not across_semicolon(child, verb)
        and not _comments_on_sentence(child, verb)
    ]


def _comments_on_sentence(clause: Token, verb: Token) -> bool:
    """ "a strike must be announced, which the committee did not do": a ", which" clause after the cue
    comments on the sentence before it; the parser may hang it on the cue as a complement, but nothing is
    reported in it (unlike "…, which he said were at his side", where the cue is inside the clause)."""
    lead = clause.left_edge
    return lead.i > verb.i and lead.lower_ == "which" and lead.doc[lead.i - 1].text == ","


def _clause_after_parenthetical(verb: Token) -> CharSpan | None:
    """ "During his term, Mr. Obama said, a majority of Americans …": the cue interrupts the clause it
    reports; the content is the longer stretch of that clause beside it."""
    if verb.dep_ != "parataxis" or verb.head.i < verb.i:
        return None
    if verb.right_edge.text != "," and not (
        verb.right_edge.i + 1 < len(verb.doc) and verb.doc[verb.right_edge.i + 1].text == ","
    ):
        return None
    rest = subtree_without(verb.head, verb)
    before = [t for t in rest if t.i < verb.left_edge.i]
    after = [t for t in rest if t.i > verb.right_edge.i]
    first, last = token_span(before), token_span(after)
    subject_before = any(t.dep_ in SUBJECT_DEPS and t.head.i == verb.head.i for t in before)
    if subject_before and first is not None and last is not None:
        # "The deal, officials said, would cut tariffs": either side alone is no statement; the content
        # runs over the interruption, as PolNeAR marks it
        return first[0], last[1]
    return token_span(longest_run(rest))


def _previous_statement(context: ParseContext, verb: Token) -> CharSpan | None:
    """ "X said this": the quotation that ends where the sentence begins, else the previous sentence."""
    sentence = verb.sent
    text = context.text
    for quote in context.quotes:
        if quote.end <= sentence.start_char and gap_matches(
            GAP_BEFORE_QUOTE, text, quote.end, sentence.start_char
        ):
            return quote.inner_start, quote.inner_end
    if sentence.start == 0:
        return None
    return token_span(context.doc[sentence.start - 1].sent)


def _end_with_closing_mark(context: ParseContext, token: Token) -> int:
    end = token.idx + len(token)
    following = token.i + 1
    if following < len(context.doc) and context.doc[following].is_quote:
        end = context.doc[following].idx + len(context.doc[following])
    return end


# --- denials by label and by refusal ----------------------------------------------------------------------


def _denial_label(context: ParseContext, verb: Token) -> Token | None:
    """The word that makes "labeled X a hoax" / "calling it groundless rumours" a denial."""
    labels = context.lexicon.denial_labels
    for child in verb.children:
        candidates = list(child.subtree) if child.dep_ in LABEL_DEPS else []
        if child.lower_ == "as":  # "dismissed it as propaganda"
            candidates = list(child.subtree)
        for token in candidates:
            if token.lemma_.lower() in labels or token.lower_ in labels:
                return child if child.lower_ != "as" else token
    return None


def _labelled_content(context: ParseContext, verb: Token, label: Token) -> CharSpan | None:
    """What the label is put on: the object ("labeled the reports a hoax"), the noun a relative clause
    hangs on ("the information … that Moscow has labeled a hoax"), or — for "calling it …" — the content
    of the verb it accompanies."""
    lexicon = context.lexicon
    label_tokens = {t.i for t in label.subtree}
    objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass") and c.i not in label_tokens]
    if objects and objects[0].pos_ != "PRON":
        return token_span(objects[0].subtree)
    if objects or verb.dep_ in ("advcl", "conj", "xcomp"):
        governor = verb.head
        if governor.i != verb.i and governor.lemma_.lower() in lexicon.cue_verbs:
            refused = _refused_action(context, governor)
            return (
                _refused_content(context, refused)
                if refused is not None
                else _verb_content(context, governor)
            )
    clause = verb
    while clause.dep_ == "conj":
        clause = clause.head
    if clause.dep_ == "relcl":
        noun = clause.head
        before = [t for t in noun.subtree if t.i < verb.left_edge.i]
        return token_span(longest_run(before))
    return None


def _refused_action(context: ParseContext, verb: Token) -> Token | None:
    """ "declined to comment": the refused action ("comment") of a refusal verb."""
    for child in verb.children:
        if child.dep_ == "xcomp" and child.lemma_.lower() in context.lexicon.refused_actions:
            return child
    return None


def _refused_content(context: ParseContext, action: Token) -> CharSpan | None:
    """What the speaker declined to comment on ("on the news that …") or to confirm."""
    for child in action.children:
        if child.dep_ == "prep" and child.lower_ in TOPIC_PREPOSITIONS:
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return content_span(objects[0], context.lexicon)
        if child.dep_ in ("dobj", "ccomp"):
            return content_span(child, context.lexicon)
    return None


# --- "according to", "no evidence" -------------------------------------------------------------------------


def _phrase_attributions(context: ParseContext, first: Token) -> list[Attribution]:
    second_word = context.lexicon.phrase_cues[first.lower_]
    seconds = [c for c in first.children if c.lower_ == second_word]
    if not seconds:
        return []
    objects = [c for c in seconds[0].children if c.dep_ == "pobj"]
    if not objects:
        return []
    clause = first.head
    if clause.pos_ not in ("VERB", "AUX"):
        clause = first.sent.root
    source = objects[0]
    if _record_of_a_named_report(context, source, clause):
        return []
    name = _name_after_source(source, clause)
    cue_words = ({t.i for t in first.subtree} - _subject_as_aside(source, clause)) | {t.i for t in name}
    # "…, according to the survey, with 61 percent of them saying …": those speakers' claim, not the content
    absolutes = [token for token in clause.subtree if speaks_in_absolute(token, context.lexicon)]
    cue_words |= {t.i for absolute in absolutes for t in absolute.subtree}
    content_tokens = [t for t in clause.subtree if t.i not in cue_words]
    content = token_span(longest_run(content_tokens))
    cue = token_span([first, seconds[0]])
    if cue is None:
        return []
    return attributions_for(context, first, cue, content, name[-1] if name else source, None)


def _record_of_a_named_report(context: ParseContext, source: Token, clause: Token) -> bool:
    """ "“…,” Hewitt said, according to a transcript of the show": "according to" a record of speech (lexicon
    ``record_nouns``) on a cue that names its own speaker tells where the words are kept; the speaker is
    the cue's, and the record says nothing of its own."""
    if source.lemma_.lower() not in context.lexicon.record_nouns or clause.pos_ != "VERB":
        return False
    return is_cue_verb(context, clause) and subject_of(clause, context.lexicon) is not None


def _subject_as_aside(source: Token, clause: Token) -> set[int]:
    """The tokens of an apposition on the source of "according to" that is the content's subject.

    "According to Yonhap, North Korea's representative … confirmed": the parser may hang the clause's
    subject on the source as an apposition; it belongs to the content. When the clause has a subject of its
    own ("According to the CEC chairman, Armen Chatschatrjan, the ballots … had to be recounted"; "according
    to Maria Lopez, the fire chief, two houses burned"), the apposition names the source: no content. Of
    several, only the last can be the subject; those before it name the source."""
    appositions = [child for child in source.children if child.dep_ == "appos"]
    asides = {t.i for apposition in appositions for t in apposition.subtree}
    if not appositions or _has_own_subject(clause, asides):
        return set()
    return {t.i for t in appositions[-1].subtree}  # "the harbour master, Lena Holm, the ferries … stayed"


def _has_own_subject(clause: Token, outside: set[int]) -> bool:
    return any(child.dep_ in CONTENT_SUBJECT_DEPS and child.i not in outside for child in clause.children)


def _name_after_source(source: Token, clause: Token) -> list[Token]:
    """The name between commas right after a described source of "according to" ("According to the police
    spokesman, Tom Hale, the road …"), which the parser may hang on the comma rather than on the source:
    the source's words, not the content's, when the clause has a subject of its own. Empty when there is
    none."""
    doc = source.doc
    after = source.right_edge.i + 1
    if source.pos_ != "NOUN" or after >= len(doc) or doc[after].text != ",":
        return []
    name = []
    for token in doc[after + 1 : clause.sent.end]:
        if token.text == ",":
            break
        if token.pos_ != "PROPN" or token.ent_type_ != "PERSON":
            return []
        name.append(token)
    closed = bool(name) and name[-1].i + 1 < clause.sent.end and doc[name[-1].i + 1].text == ","
    if not closed or not _has_own_subject(clause, {t.i for t in name}):
        return []
    return name


def _evidence_attributions(context: ParseContext, noun: Token) -> list[Attribution]:
    """ "we have no evidence that …", "there is no proof of …": the complement is unconfirmed."""
    lexicon = context.lexicon
    verb = noun.head
    if not has_no(noun, lexicon) or verb.lemma_.lower() not in ("have", "be", "see", "find"):
        return []
    complements = [
        c for c in noun.children if c.dep_ in ("acl", "ccomp", "relcl") or c.lower_ in EVIDENCE_PREPOSITIONS
    ]
    if not complements:
        return []
    complement = complements[0]
    if complement.dep_ == "prep":
        objects = [c for c in complement.children if c.dep_ in ("pobj", "pcomp")]
        if not objects:
            return []
        complement = objects[0]
    subject = subject_of(verb, lexicon) if verb.lemma_.lower() != "be" else None
    cue = token_span(context.doc[min(verb.i, noun.i) : noun.i + 1])
    if cue is None:
        return []
    content = token_span(complement.subtree)
    return attributions_for(context, noun, cue, content, subject, NO_EVIDENCE_MODALITY)


# --- hedge adverbs ------------------------------------------------------------------------------------------


def hedge_adverb_attributions(context: ParseContext, found: list[Attribution]) -> list[Attribution]:
    """ "The video allegedly shows …": a claim nobody is named for, outside every other claim's content."""
    anchors = {attribution.anchor for attribution in found}
    covered = [attribution.content for attribution in found]
    claims: list[Attribution] = []
    for token in context.doc:
        if token.lower_ not in context.lexicon.claim_adverbs or token.head.i in anchors:
            continue
        if any(start <= token.idx < end for start, end in covered):
            continue
        content = token_span(token.head.subtree)
        cue = (token.idx, token.idx + len(token))
        if content is not None:
            claims.append(Attribution(cue, content, None, "indirect", CLAIM_ADVERB_MODALITY, token.i))
    return claims
