"""Figures told as background to what their sentence asserts: no question of the story.

A sentence of the outlet's own may date itself by an earlier event ("… has fielded criticism following two
attacks in July") or place a person in a set to say who they are ("whose husband was one of four Americans
killed in …"). The figure is true, but asked as a question ("How many attacks in July?") it reads as a count
of the story, and a label cannot carry the event it belongs to (issue #14: two of the khan-family story's
misleading top-20 questions). Only a figure that one claim alone gives, in the outlet's voice, is read so: a
figure a source states or that several sentences count is the story's, whatever its syntax. The words are
lexicon data (``lexicons/ledger.toml`` ``[background_figures]``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache

from storyline.lexicons import load_lexicon
from storyline.stages.ledger.counted import Measure
from storyline.stages.ledger.label_predicates import figure_in_parse


@dataclass(frozen=True, slots=True)
class BackgroundLexicon:
    time_prepositions: frozenset[str]
    membership_openers: tuple[str, ...]


@cache
def background_lexicon() -> BackgroundLexicon:
    data = load_lexicon("ledger")["background_figures"]
    return BackgroundLexicon(frozenset(data["time_prepositions"]), tuple(data["membership_openers"]))


def told_as_background(group: Sequence[Measure], texts: Mapping[str, str]) -> bool:
    """Whether a measured thing is one outlet sentence's background figure: one claim, in the outlet's own
    voice, its figure a set someone is placed in (``_places_in_set``) or the object of a preposition of time
    (``_dates_the_sentence``)."""
    claims = {measure.claim.id for measure in group}
    measure = group[0]
    if len(claims) != 1 or not measure.claim.outlet_voice:
        return False
    text = texts.get(measure.claim.article, "")
    if text[measure.quantity.start : measure.quantity.end] != measure.quantity.text:
        return False
    return _places_in_set(text, measure) or _dates_the_sentence(text, measure)


def _places_in_set(text: str, measure: Measure) -> bool:
    """ "one of four Americans killed …": the figure sizes the set a person is said to belong to."""
    before = " ".join(text[max(0, measure.quantity.start - 20) : measure.quantity.start].lower().split())
    return any(before.endswith(opener) for opener in background_lexicon().membership_openers)


def _dates_the_sentence(text: str, measure: Measure) -> bool:
    """ "following two attacks in July": the figure's noun is the object of a preposition of time, read off
    the parse of its sentence."""
    span = figure_in_parse(text, measure.quantity)
    if span is None:
        return False
    noun = span.root
    while noun.dep_ in ("nummod", "compound", "amod", "quantmod") and noun.head.i != noun.i:
        noun = noun.head  # "two" → "attacks"
    preposition = noun.head
    return noun.dep_ == "pobj" and preposition.lower_ in background_lexicon().time_prepositions
