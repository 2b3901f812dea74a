"""Cues beyond the reporting verb with a clause: speech acts that ask or commit ("called for a
moratorium", "urged Republicans to …", "wants to …"), verbs that report only through a finite clause ("a
poll shows that …"), and nouns with a "that" clause ("Trump's claim that …"); and the epistemic verbs that
are the speaker's own hedge ("I think …"), not an attribution."""

from __future__ import annotations

from spacy.tokens import Token

from storyline.stages.claims.modality import noun_cue_modality
from storyline.stages.claims.spans import Attribution, CharSpan, ParseContext, content_span, token_span
from storyline.stages.claims.speakers import attributions_for

FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})


def is_self_epistemic(context: ParseContext, verb: Token) -> bool:
    """ "I think …", "do you believe …": the speaker's own hedge, not an attribution of its own."""
    lexicon = context.lexicon
    if verb.lemma_.lower() not in lexicon.epistemic_verbs:
        return False
    if any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children):
        return True  # "it would be a mistake to think …": nobody in particular thinks it
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    return bool(subjects) and subjects[0].lower_ in lexicon.self_pronouns


def is_finite(clause: Token) -> bool:
    return clause.pos_ in ("VERB", "AUX") and (
        clause.tag_ in FINITE_TAGS or any(c.dep_ in ("aux", "auxpass", "mark") for c in clause.children)
    )


def is_bare_participle(verb: Token) -> bool:
    """A past participle without "have": passive or adjectival ("Asked about it, he said …")."""
    return verb.tag_ == "VBN" and not any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)


def cue_preposition(context: ParseContext, verb: Token) -> Token | None:
    """The preposition that makes ``verb`` a cue ("called for", "pointed to"), after the verb."""
    words = context.lexicon.preposition_cues.get(verb.lemma_.lower())
    if not words:
        return None
    if (
        is_passive(verb)
        or verb.dep_ == "acl"
        or any(c.dep_ == "prt" and c.lower_ not in words for c in verb.children)
    ):
        return None  # "was warned about", "evidence pointing to", "called in on": nobody says anything
    for child in verb.children:
        if child.dep_ in ("prep", "prt") and child.lower_ in words and child.i > verb.i:
            return child
    return None


def is_passive(verb: Token) -> bool:
    return any(child.dep_ in ("auxpass", "nsubjpass") for child in verb.children)


def prepositional_content(verb: Token, preposition: Token) -> CharSpan | None:
    """ "called for a moratorium", "called on Republicans to unendorse Trump": the object, with an
    infinitive that goes with it."""
    if preposition.dep_ == "prep":
        objects = [c for c in preposition.children if c.dep_ in ("pobj", "pcomp")]
    else:
        objects = [c for c in verb.children if c.dep_ == "dobj" and c.i > preposition.i]
    if not objects:
        return None
    end = objects[0].right_edge.i
    for clause in (c for c in verb.children if c.dep_ in ("xcomp", "ccomp", "advcl") and c.i > end):
        if clause.dep_ != "advcl" or clause.left_edge.tag_ == "TO":  # "… to review the figures"
            end = clause.right_edge.i
    return token_span(verb.doc[objects[0].left_edge.i : end + 1])


def directive_content(verb: Token) -> CharSpan | None:
    """ "wants to triple …", "urged Republicans to join …", "asked whether …": the infinitive or clause,
    from the addressee on when one stands between."""
    clauses = [c for c in verb.children if c.dep_ in ("xcomp", "ccomp") and c.i > verb.i]
    if not clauses:
        return None
    clause = clauses[0]
    addressees = [c for c in verb.children if c.dep_ in ("dobj", "dative") and verb.i < c.i < clause.i]
    first = addressees[0].left_edge if addressees else clause.left_edge
    return token_span(verb.doc[first.i : clause.right_edge.i + 1])


def noun_attributions(context: ParseContext, noun: Token) -> list[Attribution]:
    """ "Trump's claim that …", "a New York Times report that …", "the denial that …": the "that" clause
    the noun takes (not a relative clause: "the claim that he made" says nothing)."""
    clauses = [
        c
        for c in noun.children
        if c.dep_ in ("acl", "ccomp")
        and c.i > noun.i
        and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
    ]
    if not clauses:
        return []
    cue = (noun.idx, noun.idx + len(noun))
    lexicon = context.lexicon
    modality = noun_cue_modality(noun, lexicon)
    return attributions_for(
        context, noun, cue, content_span(clauses[0], lexicon), noun_speaker(noun), modality
    )


def noun_speaker(noun: Token) -> Token | None:
    """Whose report: the possessor ("Trump's claim"), a name before the noun ("a New York Times report"),
    or the object of "by"/"from" ("a report by the agency")."""
    for child in noun.children:
        if child.dep_ == "poss":
            return child
    names = [c for c in noun.children if c.dep_ == "compound" and c.pos_ == "PROPN" and c.i < noun.i]
    if names:
        return names[-1]
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in ("by", "from"):
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return objects[0]
    return None
