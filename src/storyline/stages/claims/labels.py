"""Quoted labels: "Trump called the judge a “hater of Donald Trump”", "described the plan as “reckless”".

A labelling verb (lexicon ``labeling_verbs``) whose object gets a label in quotation marks reports the
speaker's own words of what the object is: a statement of theirs ("the judge a “hater …” who had
“railroaded” him in the case"). The learned cues (``claims.learned``) find such a verb but read it as an act,
its label holding no finite verb, and an act is never weighed in the ledger (PolNeAR curiel-trump-university,
issue #14: the sentence had no claim and could join no question). This route, run after them, makes such an
act a statement, with the act's own spans. It makes no claim where no route found one: tried, the new
claims matched PolNeAR's attributions one time in two (dev attribution precision 0.8264 -> 0.8261, train
articles 0–149 one right, one wrong), below the stage's own 0.826. Unquoted ("called Zelensky's plan
frightening") the words may be the writer's; a denial label ("called it a hoax") is ``claims.cues``'s.
"""

from __future__ import annotations

import dataclasses

from spacy.tokens import Token

from storyline.stages.claims.cues import cue_span, is_cue_verb
from storyline.stages.claims.spans import Attribution, CharSpan, ParseContext, spans_overlap, token_span
from storyline.stages.claims.speech_acts import cue_preposition

# Where the parse puts the label of "called X “Y”": an object predicate. Not an infinitive or a clause:
# "called on X to “stand up …”" is a request, and its quoted words are no label.
LABEL_DEPS = frozenset({"oprd", "attr", "acomp"})


def quoted_label_attributions(context: ParseContext, found: list[Attribution]) -> list[Attribution]:
    """As statements, the acts in ``found`` read on a labelling verb with a quoted label on its object,
    where no statement touches the verb, its object or its label (the act then gives way, as acts do to
    every statement: ``extract._settled_acts``)."""
    taken = [span for a in found if a.kind == "statement" for span in (a.cue, a.content)]
    acts = [a for a in found if a.kind == "act"]
    claims: list[Attribution] = []
    for verb in context.doc:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in context.lexicon.labeling_verbs:
            continue
        label = quoted_label(context, verb)
        content = None if label is None else labelled_content(verb, label)
        cue = cue_span(verb)
        if content is None or cue is None:
            continue
        if any(spans_overlap(cue, span) or spans_overlap(content, span) for span in taken):
            continue
        # the act keeps its own spans ("has called" stays its cue), as a statement
        claims += [dataclasses.replace(act, kind="statement") for act in acts if spans_overlap(act.cue, cue)]
    return claims


def quoted_label(context: ParseContext, verb: Token) -> Token | None:
    """The label in quotation marks that ``verb`` puts on its object (after it), if any: an object
    predicate, the object of "as", or a noun in apposition to the object ("called their son “an American
    hero”", as the parse reads it). A verb with a preposition cue ("called for", "called on") requests."""
    objects = [child for child in verb.children if child.dep_ == "dobj" and child.i > verb.i]
    if not objects or objects[0].pos_ == "PRON":
        return None  # "whom he called a “con artist”", "called it “a hoax”": the one labelled is elsewhere
    if cue_preposition(context, verb) is not None or not is_cue_verb(context, verb):
        return None
    quoted = [(quote.inner_start, quote.inner_end) for quote in context.quotes]
    candidates = [child for child in verb.children if child.dep_ in LABEL_DEPS]
    candidates += [word for child in verb.children if child.lower_ == "as" for word in child.children]
    candidates += [child for child in objects[0].children if child.dep_ == "appos"]
    denials = context.lexicon.denial_labels
    for label in candidates:
        words = token_span(label.subtree)
        if label.i < objects[0].i or words is None or not any(spans_overlap(words, q) for q in quoted):
            continue
        # a denial label ("a hoax") is ``claims.cues``'s, which reads what it denies
        return None if any(token.lemma_.lower() in denials for token in label.subtree) else label
    return None


def labelled_content(verb: Token, label: Token) -> CharSpan | None:
    """The object and the label put on it, through the label's own words."""
    thing = next(child for child in verb.children if child.dep_ == "dobj" and child.i > verb.i)
    return token_span(verb.doc[thing.left_edge.i : label.right_edge.i + 1])
