"""The ledger stage (per story): claims grouped into questions, each with positions and a status.

Contract: ``build_ledger(story, claims, entities, articles, copy_edges, ..., spans) -> tuple[Question, ...]``;
``entity_spans(entities)`` indexes the mentions by article once, for a caller building many stories' ledgers;
``build_ledgers([StoryRecords(...), ...], settings, spans)`` builds them with one encoder call for them all;
``story_steps`` and ``ledger_rounds`` (``rounds``: stories advanced a round at a time around the encoder) let
a caller build some of them in another process (``storyline.ledger_beside``).
Inside: ``story_reading`` (what the ledger reads of a story first: the claims it keeps, what it looks them up
in), ``digressions`` (a digest alone in its story read as far as its lead item), ``grouping`` (the words,
entities and overlap claims are compared by), ``counted`` (what a figure
counts), ``non_counts`` (figures that count nothing that happened: goals, a poll's method, a list's length),
``counters`` (whose count an outlet's own sentence tells), ``dated`` (the day a figure is told for), ``kinds``
(which kind of count: dead, missing, injured…), ``umbrellas`` (kinds under one umbrella noun: hospitals and
clinics are facilities), ``measures`` (which figures answer one question), ``measured_questions`` (measured
things asked as questions), ``plurals`` (plurals and singulars of counted nouns), ``shares`` (whose share a
poll percentage is), ``modifiers`` (a count's modifiers its sources leave unsaid), ``paths`` (a count moving
over dates read as one path), ``losses`` (a sum lost, keyed by its holder), ``abstentions`` (the span of an
event not done, keyed by the event), ``tallies`` (one source's moving count as its own question),
``statements`` (which propositions; outlet-voice statements joining them), ``proposition_questions`` (the
claims outside measured things grouped into propositions and asked), ``propositions`` (statements keyed by
predicate and arguments), ``proposition_predicates`` (a content's predicates), ``proposition_stems`` (the
stems predicates are compared by: irregular forms, synonyms, nominalisations), ``proposition_links`` (which
keys link two statements: one predicate or one class, agreeing arguments, masked contents alike),
``proposition_merges`` (two proposition groups of one subject merged as groups), ``blocking`` (candidate
pairs, linkage), ``anaphora`` (subjectless denials), ``embedding`` (optional claim vectors), ``labels``
(proposition labels, the claim a question is worded from), ``quantity_labels`` and ``label_predicates`` (a
measured thing's label and its verb; an amount's in ``label_money``), ``label_cuts`` (where labels are cut),
``label_gate`` (a quantity question shown only when its label says what is asked), ``positions`` (a story's
questions built and ordered), ``single_voice`` (one voice's propositions, kept as single-source questions),
``sides`` (positions and stances of a question), ``status`` (status and its reason), ``sources`` (who counts
as an independent source), ``relays`` (a speaker passing on another's words is that other's voice),
``evidence`` (what a question must show before it is listed), ``opinions`` (opinions and hedged negations a
status does not weigh as fact), ``unreadable`` (claims no side can be read from), ``background`` (a figure one
sentence gives as background, no question), ``addressees`` (an addressee or a document is no second source),
``series`` (a count moving by date).
"""

from storyline.stages.ledger.descriptions import descriptions_read_once
from storyline.stages.ledger.grouping import EntitySpans, entity_spans
from storyline.stages.ledger.positions import StoryRecords, build_ledger, build_ledgers, story_steps
from storyline.stages.ledger.rounds import StorySteps, ledger_rounds

__all__ = [
    "EntitySpans",
    "StoryRecords",
    "StorySteps",
    "build_ledger",
    "build_ledgers",
    "descriptions_read_once",
    "entity_spans",
    "ledger_rounds",
    "story_steps",
]
