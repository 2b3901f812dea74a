"""Propositions one voice answers: kept as single-source questions, listed below every weighed one.

A claim that matches no other source's with confidence stays its own question (issue 14: "never force a
merge"): one speaker stating a thing in several sentences, or several outlets relaying one speaker, is
what a reader of the story needs to see, marked as resting on that voice alone. Each group of statements
with fewer than two speaking sources (``evidence.speaking_sources``) is worth a question only when it is
carried twice, by two articles or two sentences (``worth_alone``): a thing said once, by one speaker, in
one article, is the body of the story, not a question of it (precision first). The status is
single-source whatever the one voice's stance, since one voice cannot weigh against itself; the reason
names that voice and the outlets carrying it (``single_voice_question``). ``positions`` orders these
questions after every question two sources take part in, so the top of a story stays its core. One
claim's count or sum is asked alone too when a named voice states it and its label says who did what with
it (``one_voice_figure``), listed with the doubtful measured things (``ledger.measured_questions``).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping, Sequence
from functools import cache

from storyline.config import LedgerSettings
from storyline.lexicons import load_lexicon
from storyline.records import Claim, Quantity, Question
from storyline.stages.ledger.counted import Measure
from storyline.stages.ledger.evidence import names_a_predicate
from storyline.stages.ledger.grouping import ledger_lexicon
from storyline.stages.ledger.label_cuts import WORD, label_words
from storyline.stages.ledger.label_gate import PRONOUN_SUBJECTS
from storyline.stages.ledger.opinions import all_opinions
from storyline.stages.ledger.quantity_labels import MONEY_OPENER, noun_phrase
from storyline.stages.ledger.series import names_listed
from storyline.stages.ledger.sides import Context

# Third-person singular subject pronouns: in reported speech ("Canova said he's raised about $100,000") the
# one a figure's clause opens on is mostly the speaker. Listed by hand: English's closed class.
SPEAKER_PRONOUNS = frozenset({"he", "she"})
# Prepositions that open what a sum is for or the span it covers ("$120 million for a joint project",
# "$100,000 in the 72 hours since"): a closed class, listed by hand.
QUALIFYING_PREPOSITIONS = frozenset({"for", "in", "over", "since", "during", "through", "from", "to", "on"})
# Longer than this, the phrase after a figure is a clause of its own, not a label's qualifier.
MAX_QUALIFIER_WORDS = 12


def worth_alone(claims: Sequence[Claim], settings: LedgerSettings) -> bool:
    """Whether one voice's statements are a question worth showing: one named voice (a resolved speaker or
    the outlet itself, never "73 percent" of a poll's respondents or an unresolved "he"), carried by
    ``single_voice_min_articles`` articles or ``single_voice_min_sentences`` distinct sentences (claims
    nested in one sentence count once), each a clause with a finite verb. (``positions`` also drops one
    voice on both sides of a thing: a misread, or two things.)"""
    if not all(claim.speaker or claim.outlet_voice for claim in claims):
        return False
    if not all(claim.finite_verbs for claim in claims):
        return False  # "bemoaning the phony system": a phrase, not a second statement of the thing
    if all_opinions(claims):
        return False  # one voice's verdict or quip ("it's like a lawyer with the dumbest client ever")
    articles = {claim.article for claim in claims}
    return (
        len(articles) >= settings.single_voice_min_articles
        or _sentences(claims) >= settings.single_voice_min_sentences
    )


def _sentences(claims: Sequence[Claim]) -> int:
    """Distinct stretches of text the claims cover: overlapping claims of one article count once."""
    count, last_article, reach = 0, "", -1
    for claim in sorted(claims, key=lambda c: (c.article, c.start)):
        if claim.article != last_article or claim.start >= reach:
            count += 1
            last_article, reach = claim.article, claim.end
        else:
            reach = max(reach, claim.end)
    return count


def single_voice_question(question: Question, names: Mapping[str, str]) -> Question:
    """``question`` as resting on one voice: status single-source, the reason naming the voice and the
    outlets carrying it ("one source (Donald Trump), carried by POLITICO and USA Today")."""
    voices = dict.fromkeys(
        names.get(speaker, speaker)
        for position in question.positions
        for speaker in (*position.speakers, *position.speaker_texts)
    )
    outlets = list(dict.fromkeys(outlet for position in question.positions for outlet in position.outlets))
    voice = ", ".join(voices) or "an unnamed speaker"
    reason = f"one source ({voice}), carried by {names_listed(outlets) or 'one outlet'}"
    return dataclasses.replace(question, status="single-source", status_reason=reason)


def one_voice_figure_label(label: str, group: Sequence[Measure], names: Mapping[str, str]) -> str:
    """The label of one claim's figure with a "he" or "she" subject given the claim's resolved speaker ("How
    much money did he raise?" -> "How much money did Tim Canova raise?"): in reported speech the pronoun
    opening the figure's clause is mostly the speaker (issue 14: a said-once label an analyst can read).
    Other labels are returned as they are."""
    claim = group[0].claim
    if len({m.claim.id for m in group}) != 1 or claim.speaker is None or claim.speaker not in names:
        return label
    opener = _figure_opener(label, group[0])
    if opener is None:
        return label
    words = label.removeprefix(opener).split(" ", 2)
    if len(words) < 3 or words[0].lower() not in label_words()[0] or words[1].lower() not in SPEAKER_PRONOUNS:
        return label
    if not re.search(rf"\b{words[1]}\b", claim.text, re.IGNORECASE):
        return label
    return f"{opener}{words[0]} {names[claim.speaker]} {words[2]}"


def one_voice_figure(label: str, group: Sequence[Measure], context: Context) -> str | None:
    """The label of one claim's count or sum that a named voice (a resolved speaker or the outlet itself)
    states in a finite clause, when the label says who did what with it: "How many" and the figure's noun,
    or "How much money", then an auxiliary, a subject that is no pronoun and a verb ("How much money did
    Congress provide?"). A phrase right after the figure saying what the sum is for or over what span ("for
    a tunnel-detection project", "in the 72 hours since the scandal erupted") joins the label: without it
    the figure reads as the whole. Such a figure is one voice's question (single-source, listed last), not
    the body of the story (issue 14); None when the label cannot say it."""
    claim, measure = group[0].claim, group[0]
    if not context.settings.single_voice_figures or not (claim.speaker or claim.outlet_voice):
        return None
    opener = _figure_opener(label, measure)
    if opener is None or not claim.finite_verbs or measure.unit in ledger_lexicon().uninformative_units:
        return None
    words = [word.lower() for word in WORD.findall(label.removeprefix(opener))]
    if len(words) < 3 or words[0] not in label_words()[0] or words[1] in PRONOUN_SUBJECTS:
        return None
    text = context.texts.get(claim.article, "")
    if not names_a_predicate(label) or _projected(claim, measure.quantity, text):
        return None
    return _with_qualifier(label, claim, measure.quantity, text)


def _projected(claim: Claim, quantity: Quantity, text: str) -> bool:
    """Whether a modal (``figure_modals``) stands in the claim before its figure: a projection, not a deed."""
    before = text[claim.start : quantity.start].lower()
    return any(word in _figure_modals() for word in re.findall(r"[\w'’]+", before))


@cache
def _figure_modals() -> frozenset[str]:
    return frozenset(load_lexicon("ledger")["figure_modals"])


def _with_qualifier(label: str, claim: Claim, quantity: Quantity, text: str) -> str | None:
    """``label`` with the prepositional phrase right after the figure, up to the clause's end, when the
    label lacks it; None when that phrase is too long to ask."""
    after = text[quantity.end : claim.end]
    phrase = re.split(r"[,;:.!?\u201d\"]", after, maxsplit=1)[0].strip()
    words = phrase.split()
    if not words or words[0].lower() not in QUALIFYING_PREPOSITIONS or phrase in label:
        return label
    if len(words) > MAX_QUALIFIER_WORDS:
        return None
    return f"{label.removesuffix('?')} {phrase}?"


def _figure_opener(label: str, measure: Measure) -> str | None:
    """ "How many <the figure's noun> " or "How much money " when the label opens so, else None."""
    for opener in (f"How many {noun_phrase(measure.quantity)} ", f"{MONEY_OPENER} "):
        if label.startswith(opener):
            return opener
    return None
