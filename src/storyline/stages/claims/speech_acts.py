"""Cues beyond the reporting verb with a clause: speech acts that ask or commit ("called for a
moratorium", "urged Republicans to …", "wants to …"), verbs that report only through a finite clause ("a
poll shows that …"), and nouns with a "that" clause ("Trump's claim that …"); and the epistemic verbs that
are the speaker's own hedge ("I think …"), not an attribution."""

from __future__ import annotations

import dataclasses
from functools import cache

from spacy.tokens import Token

from storyline.lexicons import load_lexicon
from storyline.stages.claims.modality import is_hedging_modal, noun_cue_modality
from storyline.stages.claims.spans import Attribution, CharSpan, ParseContext, content_span, token_span
from storyline.stages.claims.speakers import attributions_for, speaker_span

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


def is_guessed_thought(context: ParseContext, verb: Token) -> bool:
    """ "Some students may have thought that, for $35,000, …": an epistemic verb under a hedging modal is
    the writer guessing at others' minds, so what follows is the writer's, not said by them (PolNeAR
    curiel's op-ed credited its figure to "Some students")."""
    return verb.lemma_.lower() in context.lexicon.epistemic_verbs and any(
        c.dep_ == "aux" and is_hedging_modal(c, context.lexicon) for c in verb.children
    )


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


def relayed_reports(context: ParseContext, found: list[Attribution]) -> list[Attribution]:
    """ "Clinton is seizing upon a New York Times report that Trump had a net loss …": the loss is the
    Times' word, Clinton passes it on. An attribution whose cue is a relaying verb (lexicon
    ``report_relay_verbs``: cite, seize on, tout, point to …) and whose object is a report with its own
    speaker named on the noun ("a New York Times report", "the agency's study", "a report by the IRS") and a
    "that" clause becomes the report's claim of that clause, relayed by the verb's speaker; the noun
    route's reading of the same report (``noun_attributions``, no relay) gives way to it."""
    settled = [_as_relayed_report(context, attribution) for attribution in found]
    relayed = {(a.cue, a.content) for a, before in zip(settled, found, strict=True) if a is not before}
    return [
        a
        for a, before in zip(settled, found, strict=True)
        if a is not before or (a.cue, a.content) not in relayed
    ]


def _as_relayed_report(context: ParseContext, attribution: Attribution) -> Attribution:
    lexicon = context.lexicon
    verb = context.doc[attribution.anchor]
    if (
        attribution.quote == "direct"
        or attribution.cue_modality is not None
        or attribution.speaker is None
        or verb.lemma_.lower() not in lexicon.report_relay_verbs
    ):
        return attribution
    for noun in _objects(verb):
        clause = _that_clause(noun) or _that_clause_on_verb(verb, noun)
        owner = noun_speaker(noun) if noun.lemma_.lower() in lexicon.report_nouns else None
        if clause is None or owner is None:
            continue
        speaker = without_possessive(owner, speaker_span(owner, noun))
        content = content_span(clause, lexicon)
        if speaker is None or content is None or speaker == attribution.speaker:
            continue
        return dataclasses.replace(
            attribution,
            cue=(noun.idx, noun.idx + len(noun)),
            content=content,
            speaker=speaker,
            via=attribution.speaker,
            cue_modality=noun_cue_modality(noun, lexicon),
            anchor=noun.i,
        )
    return attribution


def message_writers(context: ParseContext, found: list[Attribution]) -> list[Attribution]:
    """ "The Times reported on a memo from the mayor's aide: “…”": the words quoted are the aide's, whose
    message it is, and the Times relays them. A direct quote whose cue verb takes a written message
    (``message_nouns``) with its writer named on the noun (``noun_speaker``: "from"/"by", a possessor)
    before the quote becomes the writer's, relayed by the verb's speaker."""
    return [_as_message_writer(context, attribution) for attribution in found]


def _as_message_writer(context: ParseContext, attribution: Attribution) -> Attribution:
    verb = context.doc[attribution.anchor]
    nouns, relay_verbs = _messages()
    if attribution.quote != "direct" or attribution.speaker is None or verb.lemma_.lower() not in relay_verbs:
        return attribution
    for noun in _objects(verb):
        if noun.lemma_.lower() not in nouns or noun.idx >= attribution.content[0]:
            continue
        writer = noun_speaker(noun)
        speaker = None if writer is None else _writer_span(writer, noun)
        if speaker is None or speaker == attribution.speaker or speaker[1] > attribution.content[0]:
            continue
        return dataclasses.replace(attribution, speaker=speaker, via=attribution.speaker)
    return attribution


def _writer_span(writer: Token, noun: Token) -> CharSpan | None:
    """The words naming a message's writer, up to the first preposition after its head other than "of"
    ("the mayor's chief of staff", not "… about the budget fight") or a comma."""
    span = without_possessive(writer, speaker_span(writer, noun))
    if span is None:
        return None
    after = [t for t in writer.doc[writer.i + 1 :] if t.idx < span[1]]
    stop = next((t for t in after if (t.pos_ == "ADP" and t.lower_ != "of") or t.text == ","), None)
    if stop is None:
        return span
    kept = [t for t in writer.doc[: stop.i] if t.idx >= span[0]]
    return token_span(kept) if kept else None


@cache
def _messages() -> tuple[frozenset[str], frozenset[str]]:
    """``message_nouns`` and ``message_relay_verbs`` of ``lexicons/cues.toml``."""
    cues = load_lexicon("cues")
    return frozenset(cues["message_nouns"]), frozenset(cues["message_relay_verbs"])


def _objects(verb: Token) -> list[Token]:
    """What the verb takes: its object, or the object of its preposition or particle ("seizing upon",
    "pointed to")."""
    found = [c for c in verb.children if c.dep_ in ("dobj", "obj")]
    for preposition in (c for c in verb.children if c.dep_ in ("prep", "prt")):
        found += [c for c in preposition.children if c.dep_ == "pobj"]
    return found


def _that_clause(noun: Token) -> Token | None:
    """The noun's complement clause opened by "that" as a conjunction ("a report that he lost …"), never a
    relative clause ("a report that found …", where "that" is the subject)."""
    for clause in noun.children:
        if (
            clause.dep_ in ("acl", "ccomp", "relcl")
            and clause.i > noun.i
            and any(m.dep_ == "mark" and m.lower_ == "that" for m in clause.children)
        ):
            return clause
    return None


def _that_clause_on_verb(verb: Token, noun: Token) -> Token | None:
    """The parser may hang the report's "that" clause on the verb ("seizing upon a Tribune report | that
    …"): a clause of the verb's opening right where the noun's phrase ends is the noun's."""
    for clause in verb.children:
        if (
            clause.dep_ == "ccomp"
            and clause.left_edge.i == noun.right_edge.i + 1
            and any(m.dep_ == "mark" and m.lower_ == "that" for m in clause.children)
        ):
            return clause
    return None


def without_possessive(owner: Token, span: CharSpan | None) -> CharSpan | None:
    """ "the agency's report": the speaker is "the agency", not its possessive ending."""
    endings = [c for c in owner.children if c.dep_ == "case" and c.i > owner.i]
    if span is None or not endings or span[1] != endings[-1].idx + len(endings[-1]):
        return span
    return (span[0], owner.idx + len(owner))
