"""The ledger stage (per story): claims grouped into questions, each with positions and a status.

Contract: ``build_ledger(story, claims, entities, articles, copy_edges, ..., spans) -> tuple[Question, ...]``;
``entity_spans(entities)`` indexes the mentions by article once, for a caller building many stories' ledgers;
``build_ledgers([StoryRecords(...), ...], settings, spans)`` builds them with one encoder call for them all.
Inside: ``grouping`` (the words, entities and overlap claims are compared by), ``counted`` (what a figure
counts), ``kinds`` (which kind of count: dead, missing, injured…), ``measures`` (which figures answer one
question), ``modifiers`` (a count's modifiers its sources leave unsaid), ``paths`` (a count moving over dates
read as one path), ``losses`` (a sum lost, keyed by its holder), ``abstentions`` (the span of an event
not done, keyed by the event), ``tallies`` (one source's moving count as its own question), ``statements``
(which propositions;
outlet-voice statements joining them), ``propositions`` (statements keyed by predicate and arguments),
``proposition_predicates`` (a content's predicates, as stems), ``proposition_links`` (which keys link two
statements: one predicate or one class, agreeing arguments, masked contents alike),
``blocking`` (candidate pairs, linkage), ``anaphora`` (subjectless
denials), ``embedding`` (optional claim vectors), ``labels`` (proposition labels, the claim a question is
worded from), ``quantity_labels`` and ``label_predicates`` (a measured thing's label and its verb;
an amount's in ``label_money``),
``label_cuts`` (where labels are cut), ``label_gate`` (a quantity question shown only when its label says
what is asked), ``positions`` (a story's questions built and ordered), ``single_voice``
(one voice's propositions, kept as single-source questions), ``sides`` (positions and stances of a question),
``status`` (status and its reason), ``opinions`` (opinions and hedged negations a status does not weigh as
fact), ``unreadable`` (claims no side can be read from), ``background`` (a figure one sentence gives as
background, no question), ``addressees`` (an addressee or a document is no second source), ``series`` (a
count moving by date).
"""

from storyline.stages.ledger.grouping import entity_spans
from storyline.stages.ledger.positions import StoryRecords, build_ledger, build_ledgers

__all__ = ["StoryRecords", "build_ledger", "build_ledgers", "entity_spans"]
