"""What the ledger reads of one story before it asks anything: the claims it keeps, what it looks them up in.

Apart from ``ledger.positions`` (which runs the phases and orders the questions) because every phase reads
this one record: the measured questions (``ledger.measured_questions``), the propositions
(``ledger.proposition_questions``) and the sources a question is credited to (``sourcing``, one way for both).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from storyline.config import LedgerSettings
from storyline.records import Article, Claim, CopyEdge, Entity, Story
from storyline.stages.claims import claim_lexicon, given_name_gender
from storyline.stages.copies import origins
from storyline.stages.ledger.according import credited_by_tally
from storyline.stages.ledger.addressees import as_filed, issued_documents
from storyline.stages.ledger.counters import counted_by
from storyline.stages.ledger.descriptions import mentions_within
from storyline.stages.ledger.digressions import on_the_story
from storyline.stages.ledger.evidence import (
    is_question,
    reporters_note,
    speaker_lost,
    speaker_named_within,
    voiced_claims,
)
from storyline.stages.ledger.grouping import WORD, EntitySpans, entity_spans, entity_words, ledger_lexicon
from storyline.stages.ledger.judged_claims import judged_claims
from storyline.stages.ledger.relays import as_relayed, known_as, only_relaying
from storyline.stages.ledger.sides import Context
from storyline.stages.ledger.sources import corroborators
from storyline.stages.ledger.statements import statement_reference
from storyline.stages.ledger.status import corroborating
from storyline.stages.ledger.unreadable import side_unreadable
from storyline.stages.ledger.voices import as_voices, organisation_voices

# Who can be a counter an outlet's sentence names (``counters.counted_by``): not a place ("Uzbekistan has
# reconnected …" tells what a government did, which the entities stage may type as a place or not).
COUNTER_TYPES = frozenset({"ORG", "PERSON"})
# An honorific right before a mention ("Mr. Khan", "Ms. Lind"): the gender the article gives the person.
HONORIFIC_BEFORE = re.compile(r"\b([A-Z][a-z]{1,3})\.?\s+$")
HONORIFIC_REACH = 6  # characters before a mention an honorific is looked for in
# ``person_genders`` runs once a story over every person of the run: each given name is looked up once.
_given_name_gender = functools.lru_cache(maxsize=8192)(given_name_gender)


@dataclass(frozen=True, slots=True)
class StoryReading:
    """One story's claims as the ledger keeps them, and what every phase looks them up in."""

    story: Story
    claims: list[Claim]  # its statements that assert something, in article order
    context: Context  # what every position looks up (articles, origins, names, voices)
    spans: EntitySpans
    persons: Mapping[str, str]  # person entity id → name, for proposition keys
    genders: Mapping[str, str]  # person entity id → the gender its articles tell (``person_genders``)
    mentioned: dict[str, frozenset[str]]  # claim id → the entities its content names
    antecedent: dict[str, str]  # claim id of a content naming a statement → the claim it refers to
    claim_by_id: dict[str, Claim]


@dataclass(frozen=True, slots=True)
class Sourcing:
    """Whom a question's claims are credited to: relays resolved to their source, the independent sources
    among them, and the speakers who only pass the thing on."""

    relayed: list[Claim]
    supporting: int
    relayers: frozenset[str]


def read_story(
    story: Story,
    claims: Sequence[Claim],
    articles: Sequence[Article],
    copies: Sequence[CopyEdge],
    entities: Sequence[Entity],
    settings: LedgerSettings,
    spans: EntitySpans | None,
) -> StoryReading:
    """The story's claims that assert something, voiced, and the lookups every phase shares."""
    spans = entity_spans(entities) if spans is None else spans
    persons = {entity.id: entity.name for entity in entities if entity.type == "PERSON"}
    in_story = set(story.articles)
    by_id = {article.id: article for article in articles if article.id in in_story}
    # a quoted question asserts nothing (``ledger.evidence``)
    texts = {article_id: article.text for article_id, article in by_id.items()}
    # a digest alone in its story is read as far as its lead item (``ledger.digressions``, issue #14)
    story_claims = [
        claim
        for claim in on_the_story(story, _story_claims(story, claims), texts, entities)
        if not is_question(claim, by_id.get(claim.article))
        and not speaker_lost(claim)
        and not speaker_named_within(claim, spans, persons)
        # "could not be reached for comment": how the outlet reported, no claim (issue #14)
        and not reporters_note(claim)
        # "those who believe …", "and that was unfair", "he implied …": no side to read (issue #14)
        and not side_unreadable(claim)
    ]
    # "X was wrong to say Y": a side on Y, not a judgement of X (``ledger.judged_claims``, issue #14)
    story_claims = voiced_claims(judged_claims(story_claims))
    # an outlet's sentence telling what an organisation counted gives that counter's figures
    counters = frozenset(entity.id for entity in entities if entity.type in COUNTER_TYPES)
    by_article: dict[str, list[Claim]] = {}
    for claim in story_claims:
        by_article.setdefault(claim.article, []).append(claim)
    story_claims = [
        counted_by(c, spans, counters, by_id[c.article].text, by_article[c.article]) for c in story_claims
    ]
    # … and one that "according to the foundation's tally" right after it credits to a counter
    story_claims = [credited_by_tally(c, spans, counters, by_id[c.article].text) for c in story_claims]
    # "the statement said": whoever an earlier attribution of its article says issued it
    story_claims = issued_documents(story_claims, texts)
    names = {entity.id: entity.name for entity in entities}
    # a spokesperson or director is their organisation's voice, one source with it (``ledger.voices``);
    # grouping still tells them apart (one speaker's two values are read as two things, ``ledger.measures``)
    voices = organisation_voices(entities, in_story)
    origin = origins(list(by_id.values()), copies)
    context = Context(by_id, origin, settings, names, texts, voices, known_as(entities, voices))
    return StoryReading(
        story=story,
        claims=story_claims,
        context=context,
        spans=spans,
        persons=persons,
        genders=person_genders(entities, texts),
        mentioned=entity_words(story_claims, spans),
        antecedent=_antecedents(story_claims),
        claim_by_id={claim.id: claim for claim in story_claims},
    )


def person_genders(entities: Sequence[Entity], texts: Mapping[str, str]) -> dict[str, str]:
    """Person entity id → "masculine" or "feminine", when everything the story's articles tell agrees: the
    honorifics before its mentions ("Mr. Khan") and its given name (``claims.genders.given_name_gender``,
    only the name data's confident answers). A person told both ("Mr. and Mrs. Khan" one entity) or neither
    has none: a pronoun may stand for them either way."""
    lexicon = claim_lexicon()
    honorifics = {
        **{word: "masculine" for word in lexicon.masculine_honorifics},
        **{word: "feminine" for word in lexicon.feminine_honorifics},
    }
    genders: dict[str, str] = {}
    for entity in entities:
        if entity.type != "PERSON":
            continue
        words = entity.name.split()
        told = [_given_name_gender(words[0]) if len(words) > 1 else None]
        # another story's article (``entities`` are the whole run's) tells nothing
        for mention in mentions_within(entity, texts):
            text = texts[mention.article]
            before = HONORIFIC_BEFORE.search(text[max(0, mention.start - HONORIFIC_REACH) : mention.start])
            told.append(honorifics.get(before.group(1).lower()) if before else None)
        agreed = {gender for gender in told if gender is not None}
        if len(agreed) == 1:
            genders[entity.id] = agreed.pop()
    return genders


def sourcing(claims: Sequence[Claim], reading: StoryReading) -> Sourcing:
    """Whom ``claims`` are credited to (``Sourcing``): an organisation's voice counts as it, a relay as
    the source it names; beside a speaker the text names, only such speakers corroborate
    (``status.corroborating``)."""
    context = reading.context
    voiced = as_voices(as_filed(claims, context.texts, context.names), context.voices)
    relayed = as_relayed(voiced, context.texts, context.known)
    supporting = corroborators(corroborating(relayed), reading.mentioned, context.origin, reading.spans)
    return Sourcing(relayed, supporting, only_relaying(voiced, relayed, context.by_id))


def _story_claims(story: Story, claims: Sequence[Claim]) -> list[Claim]:
    order = {article_id: index for index, article_id in enumerate(story.articles)}
    return sorted(
        # acts ("voted to strike", Claim.kind) are shown with the claims but are no positions on a question
        (claim for claim in claims if claim.article in order and claim.kind == "statement"),
        key=lambda c: (order[c.article], c.start),
    )


def _antecedents(claims: Sequence[Claim]) -> dict[str, str]:
    """Claim id of a content naming a statement ("the accusation") → the last claim before it in its article
    that is not itself such a reference (what it refers to). A last claim in the outlet's own voice that names
    statements ("the fraud allegations were highlighted in the campaign") tells of them and does not make
    them: what the reference stands for is not in the text before it, so it has none (in PolNeAR's curiel
    story a denial that "the allegations had no substance" was read as denying that they were raised: issue
    #14). A speaker's own "there is no evidence for these claims" before "the claims were groundless" is
    the same response, and stays its antecedent."""
    found: dict[str, str] = {}
    previous: Claim | None = None
    for claim in claims:
        if previous is not None and previous.article != claim.article:
            previous = None
        if statement_reference(claim):
            if previous is not None and not _tells_of_statements(previous):
                found[claim.id] = previous.id
        else:
            previous = claim
    return found


def _tells_of_statements(claim: Claim) -> bool:
    nouns = ledger_lexicon().statement_nouns
    return claim.outlet_voice and any(word.lower() in nouns for word in WORD.findall(claim.text))
