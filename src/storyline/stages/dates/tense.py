"""The tense that decides which date a yearless or weekday expression means: the verb governing it (its
auxiliaries, a future cue the parse missed), and the words that point a clause ahead whatever its verb's form.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from storyline.stages.dates.patterns import CONTEXT_CHARS, context_patterns, direction_words
from storyline.stages.dates.rules import FUTURE, PAST, PRESENT

# Auxiliaries that put a clause in the future; "would" is the future seen from a past report ("said they
# would be ready by November"); "to" marks an infinitive, whose time lies after its governing verb's.
FUTURE_AUXILIARIES = frozenset({"will", "'ll", "wo", "shall", "would", "to"})
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
PERFECT_AUXILIARIES = frozenset({"has", "have", "had", "'ve", "'s"})
PRESENT_FINITE_TAGS = frozenset({"VBZ", "VBP", "MD"})
PRESENT_TENSE_TAGS = frozenset({"VBZ", "VBP"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "attr"})  # "the deadline is …", "… is the deadline"
PREDICATE_DEPS = frozenset({"acomp", "oprd"})  # "is due on Wednesday"
# An infinitive completing a verb lies after it ("agreed to meet on Friday"); one of purpose or as a subject
# may lie either side of the publication date under a past or present clause: "staged celebrations to mark
# the entry on Friday" tells a past day, "invited them to a ceremony on March 12 to mark …" one ahead. Such a
# clause is read as present (the past, or the coming weeks) rather than future (AQUAINT: 4 such weekdays and
# months had been sent ahead)
SHARED_TIME_DEPS = frozenset({"advcl", "csubj", "relcl"})


def expression_tense(doc: Doc | None, text: str, start: int, end: int) -> str:
    """The tense that decides which date a yearless or weekday expression means. "since June" looks back
    whatever the verb says ("has been allowed since Jan. 13"); a clause the verb's form leaves open is
    pointed ahead by its words (``points_ahead``)."""
    before = text[max(0, start - CONTEXT_CHARS) : start]
    if context_patterns()["since_before"].search(before):
        return PAST
    tense = clause_tense(doc, start, end)
    if doc is None or not doc.has_annotation("SENT_START"):
        return tense
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return tense
    # "heavy snow forecast for the weekend could close the pass": a schedule in a clause that is not past
    # points ahead, however the parse reads "forecast" (a noun, a participle, a verb); "talks scheduled for
    # Monday collapsed" may tell a day gone
    if tense == PRESENT and context_patterns()["schedule_for"].search(before):
        return FUTURE if main_clause_tense(span.root) != PAST else tense
    if tense == FUTURE:
        return PRESENT if names_existing_thing(span.root) else tense
    verb = governing_verb(span.root)
    # "before Friday's purchases": a possessive weekday dates its noun, not the clause's bound
    if verb is not None and span.root.dep_ != "poss" and points_ahead(verb, tense, before):
        return FUTURE
    # parses miss futures such as "is due to brief the committee on Thursday": look for a cue. Not under
    # a participle: "the treaty signed … in June" under "would be in line with" has its own time, which a
    # cue governing the main clause does not set
    if (
        tense == PRESENT
        and not is_participle_modifier(verb)
        and context_patterns()["future_cue"].search(text[span.sent.start_char : start])
    ):
        return FUTURE
    return tense


def main_clause_tense(token: Token) -> str:
    """The tense of the clause a participle modifying a noun sits in ("talks scheduled for Monday
    collapsed": past), or of the expression's own clause."""
    verb = governing_verb(token)
    for _ in range(4):  # a participle on a participle is rare; the bound guards odd parses
        if verb is None or not is_participle_modifier(verb) or verb.head.i == verb.i:
            break
        verb = governing_verb(verb.head)
    return verb_tense(verb) if verb is not None else PRESENT


def names_existing_thing(token: Token) -> bool:
    """A possessive weekday ("Wednesday's ruling") names a thing that exists, so its day is past or present
    whatever the clause plans ("would look for ways to get around Wednesday's ruling"); not an event still
    to be held ("will play in Sunday's final", "ahead of Tuesday's vote"), which the clause may await."""
    events = direction_words().scheduled_events
    # "Friday's talks": the lemma "talk" is no event, the plural is
    return (
        token.dep_ == "poss" and token.head.lemma_.lower() not in events and token.head.lower_ not in events
    )


def points_ahead(verb: Token, tense: str, before: str) -> bool:
    """Whether the clause's own words send its time ahead of the publication date, where the verb's form
    does not (issue #17: "the deadline runs out on Wednesday night" in Tuesday's paper is the coming
    Wednesday, read as the past one before). In a finite present clause: a bound ahead ("remains closed
    until Wednesday", "must be returned by Friday"), a schedule verb ("the truce expires Friday"), a
    deadline as its subject ("the deadline is Wednesday") or a schedule predicate ("the vote is due on
    Wednesday"). In a past one, only a deferral to the date ("were postponed until at least Wednesday":
    the decision is past, the day it moved to lies ahead), a reported order's deadline or expectation ("said
    he expected an assessment by Friday"), or a state told in the present perfect that lasts until the date
    ("classes have been suspended until Monday"), a request's deadline ("said he had asked for a report by
    Friday"), or an event set in the present perfect ("the union has called a strike on Wednesday": a past
    day would take the simple past). Otherwise a present clause stays as before, the past
    (headlines narrate the past in the present)."""
    patterns = context_patterns()
    if tense == PAST:
        deferred = bool(verb_phrases(verb) & direction_words().deferral_verbs)
        return (
            (deferred and bool(patterns["deferred_to"].search(before)))
            or (is_reported_deadline(verb) and bool(patterns["bound_ahead"].search(before)))
            or is_reported_schedule(verb)
            or (is_reported_expectation(verb) and bool(patterns["bound_ahead"].search(before)))
            or (is_reported_directive(verb) and bool(patterns["bound_ahead"].search(before)))
            or (is_present_perfect(verb) and is_event_set(verb))
            or (is_present_perfect(verb) and bool(patterns["state_bound"].search(before)))
            or is_told_plan(verb)
            or (bool(patterns["scheduled_for"].search(before)) and is_event_set(verb))
            or (bool(patterns["bound_ahead"].search(before)) and is_backshifted_condition(verb))
        )
    if not is_finite_present(verb):
        # "expects the typhoon to leave the area by Wednesday": an infinitive's bound, in a sentence told in
        # the present, lies ahead as the finite clause's does
        return (
            any(child.dep_ == "aux" and child.lower_ == "to" for child in verb.children)
            and is_finite_present(verb.sent.root)
            and verb_tense(verb.sent.root) == PRESENT
            and bool(patterns["bound_ahead"].search(before))
        )
    words = direction_words()
    return (
        bool(patterns["bound_ahead"].search(before))
        or bool(verb_phrases(verb) & (words.schedule_verbs | words.plan_verbs))
        or any(
            (child.dep_ in SUBJECT_DEPS and child.lemma_.lower() in words.schedule_nouns)
            or (child.dep_ in PREDICATE_DEPS and child.lower_ in words.schedule_predicates)
            for child in verb.children
        )
        or (verb.tag_ == "VBN" and verb.lower_ in words.schedule_predicates)
    )


def is_told_plan(verb: Token) -> bool:
    """A plan of an event told in the simple past or the present perfect, active ("planned a rally on
    Saturday", "has scheduled a news conference Thursday"): the plan is past, the day of the event it names
    is ahead ("planned to pay the claims on Friday" may date the planning). Not in the past
    perfect ("had planned a vote on Friday" was overtaken) nor in the passive ("the raid was planned on
    Sunday" tells when the planning was done)."""
    return (
        verb.lemma_.lower() in direction_words().plan_verbs
        and any(child.dep_ == "dobj" for child in verb.children)
        and not is_past_perfect(verb)
        and not any(child.dep_ == "auxpass" for child in verb.children)
    )


def is_event_set(verb: Token) -> bool:
    """An event told in the simple past as set for a day ("called a meeting for Tuesday morning", "set a
    vote for Friday"): the setting is past, the event's day lies ahead. Not in the past perfect nor in the
    passive, as ``is_told_plan``."""
    events = direction_words().scheduled_events
    return (
        any(
            child.dep_ == "dobj" and (child.lemma_.lower() in events or child.lower_ in events)
            for child in verb.children
        )
        and not is_past_perfect(verb)
        and not any(child.dep_ == "auxpass" for child in verb.children)
    )


def is_backshifted_condition(verb: Token) -> bool:
    """A clause in the simple past under a future seen from a past report ("warned that anyone who did not
    return by Wednesday would be dismissed"): its past only backshifts the condition of a warning or an
    order, whose bound lies ahead. Not under "would have", which looks back."""
    if verb.dep_ not in ("relcl", "advcl") or is_past_perfect(verb) or verb.head.i == verb.i:
        return False
    above = governing_verb(verb.head)
    if above is None or above.i == verb.i:
        return False
    auxiliaries = {child.lower_ for child in above.children if child.dep_ in ("aux", "auxpass")}
    return "would" in auxiliaries and "have" not in auxiliaries


def verb_phrases(verb: Token) -> set[str]:
    """The verb's lemma alone, with its particle and with its bare object noun, as the lexicon writes
    phrasal and light verbs: "runs out" → "run out", "takes effect" → "take effect"."""
    lemma = verb.lemma_.lower()
    particles = [child.lower_ for child in verb.children if child.dep_ == "prt"]
    objects = [child.lower_ for child in verb.children if child.dep_ == "dobj" and not list(child.children)]
    return {lemma, " ".join([lemma, *particles])} | {f"{lemma} {noun}" for noun in objects}


def is_finite_present(verb: Token) -> bool:
    """A clause in the present tense or under a modal ("runs out", "is due", "must be returned"): not a
    bare participle or infinitive, whose time the clause above it sets."""
    auxiliaries = [child for child in verb.children if child.dep_ in ("aux", "auxpass")]
    finite = next((aux for aux in auxiliaries if aux.tag_ in FINITE_TAGS), verb)
    return finite.tag_ in PRESENT_FINITE_TAGS


def is_participle_modifier(verb: Token | None) -> bool:
    """A past participle modifying a noun ("the treaty signed in June", "a summit set for April"), or a bare
    one the parse hangs on the clause ("would appeal the decision, announced Wednesday by the agency")."""
    if verb is None or verb.tag_ != "VBN":
        return False
    bare = not any(child.dep_ in ("aux", "auxpass") for child in verb.children)
    return verb.dep_ == "acl" or (verb.dep_ == "advcl" and bare)


def clause_tense(doc: Doc | None, start: int, end: int) -> str:
    """The tense of the verb governing the expression: past, future or present (the default)."""
    if doc is None:
        return PRESENT
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return PRESENT
    verb = governing_verb(span.root)
    return verb_tense(verb) if verb is not None else PRESENT


def clause_verb(doc: Doc | None, start: int, end: int) -> tuple[int | None, bool]:
    """The index of the verb governing the expression (expressions under one verb share their clause's
    day), and whether that clause reports the present: a present tense or a present perfect ("has
    reached"), not a past, a future or a modal."""
    if doc is None:
        return None, False
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None, False
    verb = governing_verb(span.root)
    if verb is None:
        return None, False
    # "Two days after the bank took control, the inquiry keeps growing": the count hangs on the clause
    # "after" opens, and dates the one above it
    if (
        span.root.dep_ == "npadvmod"
        and verb.dep_ == "advcl"
        and any(child.dep_ == "mark" and child.lower_ in ("after", "before") for child in verb.children)
    ):
        verb = governing_verb(verb.head) or verb
    # a finite present, or the present perfect's "has": not a modal ("may be exercised until 90 days
    # after") nor a bare participle ("Retaliating 13 days after the bombings, forces launched …")
    auxiliaries = [child for child in verb.children if child.dep_ in ("aux", "auxpass")]
    finite = next((aux for aux in auxiliaries if aux.tag_ in FINITE_TAGS), verb)
    return verb.i, finite.tag_ in PRESENT_TENSE_TAGS


def governing_verb(token: Token) -> Token | None:
    for _ in range(12):  # dependency paths in news sentences are short; the bound guards odd parses
        if token.pos_ in ("VERB", "AUX"):
            return token
        if token.head.i == token.i:
            return None
        token = token.head
    return None


def is_past_perfect(verb: Token | None) -> bool:
    """ "had been due", "had planned": the clause's auxiliaries include "had"."""
    return verb is not None and any(
        child.dep_ in ("aux", "auxpass") and child.lower_ == "had" for child in verb.children
    )


def is_reported_deadline(verb: Token) -> bool:
    """An infinitive under a past perfect that only backshifts a report: "said the hospitals had been
    ordered to change their passwords by Monday" tells an order whose deadline (the bound after it) is
    still to be met, where "the offer had been scheduled to expire Friday" told alone was overtaken."""
    planner = governing_verb(verb.head)
    return (
        any(child.dep_ == "aux" and child.lower_ == "to" for child in verb.children)
        and is_past_perfect(planner)
        and planner is not None
        and planner.dep_ == "ccomp"
        and planner.head.lemma_.lower() in direction_words().reporting_verbs
    )


def is_reported_schedule(verb: Token) -> bool:
    """A schedule predicate told in the simple past inside a report ("the minister said that two planes
    were expected on Tuesday"): the past only backshifts the report, the day is still ahead. Not in the
    past perfect ("had been expected on Friday" was overtaken), nor alone ("the verdict was expected on
    Friday" may tell a plan that failed)."""
    if verb.tag_ != "VBN" or verb.lower_ not in direction_words().schedule_predicates:
        return False
    return not is_past_perfect(verb) and is_reported(verb)


def is_reported_expectation(verb: Token) -> bool:
    """An expectation told active in the simple past inside a report ("said he expected a first assessment
    by Friday"): the past backshifts the report, as ``is_reported_schedule``'s passive does."""
    return (
        verb.tag_ == "VBD"
        and verb.lemma_.lower() in direction_words().expectation_verbs
        and is_reported(verb)
    )


def is_reported_directive(verb: Token) -> bool:
    """A request told active in the past, simple or perfect, inside a report ("said he had asked the agency
    for a full report by Wednesday"): the deadline a request sets lies after it, so the past, even the past
    perfect, only backshifts the report."""
    return (
        verb.tag_ in ("VBD", "VBN")
        and verb.lemma_.lower() in direction_words().directive_verbs
        and not any(child.dep_ == "auxpass" for child in verb.children)
        and is_reported(verb)
    )


def is_reported(verb: Token) -> bool:
    """The clause is what a reporting verb says ("said that …", "said it had asked …, and that …")."""
    clause = verb
    while clause.dep_ == "conj" and clause.head.i != clause.i:
        clause = clause.head
    return clause.dep_ == "ccomp" and clause.head.lemma_.lower() in direction_words().reporting_verbs


def is_present_perfect(verb: Token) -> bool:
    """ "have been suspended", "has closed": a perfect whose auxiliary is in the present tense."""
    return verb.tag_ == "VBN" and any(
        child.dep_ == "aux" and child.lower_ in PERFECT_AUXILIARIES and child.tag_ in PRESENT_TENSE_TAGS
        for child in verb.children
    )


def verb_tense(verb: Token) -> str:
    """Future with a future auxiliary; past when the finite verb or auxiliary is in the past tense or the
    clause is perfect ("has sent" reports the past); present otherwise — including modals ("must be
    returned by") and bare participles ("a summit set for April"), which can point either way."""
    auxiliaries = sorted((c for c in verb.children if c.dep_ in ("aux", "auxpass")), key=lambda t: t.i)
    words = {aux.lower_ for aux in auxiliaries} | ({verb.lower_} if verb.pos_ == "AUX" else set())
    if words & FUTURE_AUXILIARIES:
        # "had been scheduled to expire Friday": a plan told in the past perfect was overtaken, its time
        # is past (``points_ahead`` keeps a reported order's deadline ahead)
        if words == {"to"} and is_past_perfect(governing_verb(verb.head)):
            return PAST
        head = governing_verb(verb.head) if verb.dep_ in SHARED_TIME_DEPS and verb.head.i != verb.i else None
        return PRESENT if words == {"to"} and head is not None and verb_tense(head) != FUTURE else FUTURE
    finite = next((aux for aux in auxiliaries if aux.tag_ in FINITE_TAGS), verb)
    if finite.tag_ == "VBD" or (verb.tag_ == "VBN" and words & PERFECT_AUXILIARIES):
        return PAST
    return PRESENT
