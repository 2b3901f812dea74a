"""The word lists of the claims and quantities stages, read once from ``storyline/lexicons/*.toml``.

The lists are data (with a comment on where each entry comes from) so that changing how denials or hedges
are recognised means editing a TOML file, not code.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from storyline.lexicons import load_lexicon


def _words(values: list[str]) -> frozenset[str]:
    return frozenset(value.lower() for value in values)


@dataclass(frozen=True, slots=True)
class ClaimLexicon:
    """Everything the claims stage looks words up in, as lower-cased sets."""

    reporting_verbs: frozenset[str]
    object_content_verbs: frozenset[str]
    addressee_verbs: frozenset[str]
    clause_only_verbs: frozenset[str]
    contrast_marks: frozenset[str]
    directive_verbs: frozenset[str]
    request_verbs: frozenset[str]
    questioning_verbs: frozenset[str]
    epistemic_verbs: frozenset[str]
    mental_state_verbs: frozenset[str]
    leave_adjectives: frozenset[str]
    noun_cues: frozenset[str]
    utterance_nouns: frozenset[str]
    judgment_verbs: frozenset[str]
    colon_labels: frozenset[str]
    colon_speaker_nouns: frozenset[str]
    outlet_nouns: frozenset[str]
    medium_nouns: frozenset[str]
    record_nouns: frozenset[str]
    relay_verbs: frozenset[str]
    report_relay_verbs: frozenset[str]
    report_nouns: frozenset[str]
    # Each word of a kind of work that speaks for its maker → its kind (the list's first word).
    work_kinds: dict[str, str]
    work_maker_verbs: frozenset[str]
    finding_heads: frozenset[str]
    self_announcing_verbs: frozenset[str]
    future_auxiliaries: frozenset[str]
    factive_verbs: frozenset[str]
    question_openers: frozenset[str]
    self_pronouns: frozenset[str]
    particle_verbs: dict[str, str]
    preposition_cues: dict[str, frozenset[str]]
    phrase_cues: dict[str, str]
    third_person: frozenset[str]
    feminine_pronouns: frozenset[str]
    masculine_honorifics: frozenset[str]
    feminine_honorifics: frozenset[str]
    masculine_roles: frozenset[str]
    feminine_roles: frozenset[str]
    titles_not_given_names: frozenset[str]
    first_person: frozenset[str]
    anaphoric_objects: frozenset[str]
    anaphoric_modifiers: frozenset[str]
    partitive_pronouns: frozenset[str]
    continuing_subjects: frozenset[str]
    backshift_modals: frozenset[str]
    hedge_adverbs: frozenset[str]
    claim_adverbs: frozenset[str]
    hedge_modals: frozenset[str]
    purpose_openers: frozenset[str]  # "so he could", "so drunk that": a modal there hedges no claim
    purpose_nouns: frozenset[str]  # "in order that"
    hedge_phrases: tuple[tuple[str, ...], ...]
    hedging_cues: frozenset[str]
    hedge_adjectives: frozenset[str]
    inference_verbs: frozenset[str]
    denial_verbs: frozenset[str]
    denial_nouns: frozenset[str]
    negation_idioms: tuple[str, ...]  # in file order: each is cut from the text in turn
    clause_abbreviations: frozenset[str]  # "mr", "sen": their full stop ends no clause
    infinitive_nouns: tuple[str, ...]  # "decision": "his decision not to run" negates no main predicate
    certainty_idioms: tuple[str, ...]  # "there's no denying …": cut too, unless a refusing word follows
    certainty_refused_before: tuple[str, ...]  # "no question of resigning" refuses
    preventive_verbs: frozenset[str]  # written forms: "prevent", "prevented", "kept" …
    labeling_verbs: frozenset[str]
    denial_labels: frozenset[str]
    refusal_verbs: frozenset[str]
    refused_actions: frozenset[str]
    confirm_verbs: frozenset[str]
    evidence_nouns: frozenset[str]
    inability_words: frozenset[str]
    negations: frozenset[str]
    # Words by which the outlet calls a reported content false (``claims.framing``).
    falsity_adverbs: frozenset[str]
    falsity_adjectives: frozenset[str]
    fact_phrases: tuple[str, ...]
    passive_raising_cues: frozenset[str]
    active_raising_cues: frozenset[str]

    # Every verb lemma that can anchor an attribution: the union is built once, not at each of the ~180
    # look-ups per article (it was 15 % of the claims stage's own CPU, benchmarks/profile_stages.py).
    cue_verbs: frozenset[str] = field(init=False)

    def __post_init__(self) -> None:
        cue_verbs = (
            self.reporting_verbs
            | self.clause_only_verbs
            | self.directive_verbs
            | frozenset(self.preposition_cues)
            | self.denial_verbs
            | self.labeling_verbs
            | self.refusal_verbs
            | self.confirm_verbs
        )
        object.__setattr__(self, "cue_verbs", cue_verbs)  # frozen: set once, here


@cache
def claim_lexicon() -> ClaimLexicon:
    cues, hedges = load_lexicon("cues"), load_lexicon("hedges")
    denials, unconfirmed = load_lexicon("denials"), load_lexicon("unconfirmed")
    pronouns = cues["pronouns"]
    return ClaimLexicon(
        reporting_verbs=_words(cues["reporting_verbs"]),
        object_content_verbs=_words(cues["object_content_verbs"]),
        addressee_verbs=_words(cues["addressee_verbs"]),
        clause_only_verbs=_words(cues["clause_only_verbs"]),
        contrast_marks=_words(cues["contrast_marks"]),
        directive_verbs=_words(cues["directive_verbs"]),
        request_verbs=_words(cues["request_verbs"]),
        questioning_verbs=_words(cues["questioning_verbs"]),
        epistemic_verbs=_words(cues["epistemic_verbs"]),
        mental_state_verbs=_words(cues["mental_state_verbs"]),
        leave_adjectives=_words(cues["leave_adjectives"]),
        noun_cues=_words(cues["noun_cues"]),
        utterance_nouns=_words(cues["utterance_nouns"]),
        judgment_verbs=_words(cues["judgment_verbs"]),
        colon_labels=_words(cues["colon_labels"]),
        colon_speaker_nouns=_words(cues["colon_speaker_nouns"]),
        outlet_nouns=_words(cues["outlet_nouns"]),
        medium_nouns=_words(cues["medium_nouns"]),
        record_nouns=_words(cues["record_nouns"]),
        relay_verbs=_words(cues["relay_verbs"]),
        report_relay_verbs=_words(cues["report_relay_verbs"]),
        report_nouns=_words(cues["noun_cues"]) | _words(cues["report_nouns"]),
        work_kinds={word.lower(): kind[0].lower() for kind in cues["work_nouns"] for word in kind},
        work_maker_verbs=_words(cues["work_maker_verbs"]),
        finding_heads=_words(cues["finding_heads"]),
        self_announcing_verbs=_words(cues["self_announcing_verbs"]),
        future_auxiliaries=_words(cues["future_auxiliaries"]),
        factive_verbs=_words(cues["factive_verbs"]),
        question_openers=_words(cues["question_openers"]),
        self_pronouns=_words(cues["self_pronouns"]),
        particle_verbs={verb.lower(): part.lower() for verb, part in cues["particle_verbs"].items()},
        preposition_cues={verb.lower(): _words(words) for verb, words in cues["preposition_cues"].items()},
        phrase_cues={first.lower(): second.lower() for first, second in cues["phrase_cues"].items()},
        third_person=_words(pronouns["third_person"]),
        feminine_pronouns=_words(pronouns["feminine"]),
        masculine_honorifics=_words(pronouns["masculine_honorifics"]),
        feminine_honorifics=_words(pronouns["feminine_honorifics"]),
        masculine_roles=_words(pronouns["masculine_roles"]),
        feminine_roles=_words(pronouns["feminine_roles"]),
        titles_not_given_names=_words(pronouns["titles_not_given_names"]),
        first_person=_words(pronouns["first_person"]),
        anaphoric_objects=_words(pronouns["anaphoric_objects"]),
        anaphoric_modifiers=_words(pronouns["anaphoric_modifiers"]),
        partitive_pronouns=_words(pronouns["partitive_pronouns"]),
        continuing_subjects=_words(pronouns["continuing_subjects"]),
        backshift_modals=_words(pronouns["backshift_modals"]),
        hedge_adverbs=_words(hedges["adverbs"]),
        claim_adverbs=_words(hedges["claim_adverbs"]),
        hedge_modals=_words(hedges["modals"]),
        purpose_openers=_words(hedges["purpose_openers"]),
        purpose_nouns=_words(hedges["purpose_nouns"]),
        hedge_phrases=tuple(tuple(phrase.lower().split()) for phrase in hedges["phrases"]),
        hedging_cues=_words(hedges["hedging_cues"]),
        hedge_adjectives=_words(hedges["adjectives"]),
        inference_verbs=_words(hedges["inference_verbs"]),
        denial_verbs=_words(denials["verbs"]),
        denial_nouns=_words(denials["nouns"]),
        negation_idioms=tuple(idiom.lower() for idiom in denials["negation_idioms"]),
        clause_abbreviations=_words(load_lexicon("tokens")["abbreviations"]["no_sentence_end"]),
        infinitive_nouns=tuple(noun.lower() for noun in denials["infinitive_nouns"]),
        certainty_idioms=tuple(idiom.lower() for idiom in denials["certainty_idioms"]),
        certainty_refused_before=tuple(word.lower() for word in denials["certainty_refused_before"]),
        preventive_verbs=_words(denials["preventive_verbs"]),
        labeling_verbs=_words(denials["labeling_verbs"]),
        denial_labels=_words(denials["labels"]),
        refusal_verbs=_words(denials["refusal_verbs"]),
        refused_actions=_words(denials["refused_actions"]),
        confirm_verbs=_words(unconfirmed["confirm_verbs"]),
        evidence_nouns=_words(unconfirmed["evidence_nouns"]),
        inability_words=_words(unconfirmed["inability_words"]),
        negations=_words(unconfirmed["negations"]),
        falsity_adverbs=_words(denials["falsity_framing"]["adverbs"]),
        falsity_adjectives=_words(denials["falsity_framing"]["adjectives"]),
        fact_phrases=tuple(phrase.lower() + " " for phrase in denials["fact_framing"]["phrases"]),
        passive_raising_cues=_words(cues["raising_cues"]["passive"]),
        active_raising_cues=_words(cues["raising_cues"]["active"]),
    )
