"""The word lists of the claims and quantities stages, read once from ``storyline/lexicons/*.toml``.

The lists are data (with a comment on where each entry comes from) so that changing how denials or hedges
are recognised means editing a TOML file, not code.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any


@cache
def load_lexicon(name: str) -> dict[str, Any]:
    """One lexicon file (``"cues"`` → ``lexicons/cues.toml``), parsed once per process."""
    source = resources.files("storyline").joinpath("lexicons", f"{name}.toml")
    return tomllib.loads(source.read_text(encoding="utf-8"))


def _words(values: list[str]) -> frozenset[str]:
    return frozenset(value.lower() for value in values)


@dataclass(frozen=True, slots=True)
class ClaimLexicon:
    """Everything the claims stage looks words up in, as lower-cased sets."""

    reporting_verbs: frozenset[str]
    object_content_verbs: frozenset[str]
    particle_verbs: dict[str, str]
    phrase_cues: dict[str, str]
    third_person: frozenset[str]
    first_person: frozenset[str]
    anaphoric_objects: frozenset[str]
    hedge_adverbs: frozenset[str]
    claim_adverbs: frozenset[str]
    hedge_modals: frozenset[str]
    hedge_phrases: tuple[tuple[str, ...], ...]
    hedging_cues: frozenset[str]
    denial_verbs: frozenset[str]
    labeling_verbs: frozenset[str]
    denial_labels: frozenset[str]
    refusal_verbs: frozenset[str]
    refused_actions: frozenset[str]
    confirm_verbs: frozenset[str]
    evidence_nouns: frozenset[str]
    inability_words: frozenset[str]
    negations: frozenset[str]

    @property
    def cue_verbs(self) -> frozenset[str]:
        """Every verb lemma that can anchor an attribution."""
        return (
            self.reporting_verbs
            | self.denial_verbs
            | self.labeling_verbs
            | self.refusal_verbs
            | self.confirm_verbs
        )


@cache
def claim_lexicon() -> ClaimLexicon:
    cues, hedges = load_lexicon("cues"), load_lexicon("hedges")
    denials, unconfirmed = load_lexicon("denials"), load_lexicon("unconfirmed")
    pronouns = cues["pronouns"]
    return ClaimLexicon(
        reporting_verbs=_words(cues["reporting_verbs"]),
        object_content_verbs=_words(cues["object_content_verbs"]),
        particle_verbs={verb.lower(): part.lower() for verb, part in cues["particle_verbs"].items()},
        phrase_cues={first.lower(): second.lower() for first, second in cues["phrase_cues"].items()},
        third_person=_words(pronouns["third_person"]),
        first_person=_words(pronouns["first_person"]),
        anaphoric_objects=_words(pronouns["anaphoric_objects"]),
        hedge_adverbs=_words(hedges["adverbs"]),
        claim_adverbs=_words(hedges["claim_adverbs"]),
        hedge_modals=_words(hedges["modals"]),
        hedge_phrases=tuple(tuple(phrase.lower().split()) for phrase in hedges["phrases"]),
        hedging_cues=_words(hedges["hedging_cues"]),
        denial_verbs=_words(denials["verbs"]),
        labeling_verbs=_words(denials["labeling_verbs"]),
        denial_labels=_words(denials["labels"]),
        refusal_verbs=_words(denials["refusal_verbs"]),
        refused_actions=_words(denials["refused_actions"]),
        confirm_verbs=_words(unconfirmed["confirm_verbs"]),
        evidence_nouns=_words(unconfirmed["evidence_nouns"]),
        inability_words=_words(unconfirmed["inability_words"]),
        negations=_words(unconfirmed["negations"]),
    )
