"""How predicates are stemmed, so that outlets' wordings of one predicate meet on one key.

``ledger.proposition_predicates`` reads which words of a content are its predicates; this module holds what
both sides of a comparison are read with: the word lists of lexicon ``propositions`` (``proposition_words``)
and the stem a predicate is compared by (``predicate_stem``): the crude stem (``grouping.stem``) through
irregular forms ("sent" → send, from the pipeline lemmatizer's exceptions), synonym sets ("indicted" →
prosecut) and nominalisations ("recommendation" → recommend, ``nominal_stems``); ``predicate_stems`` reads a
statement's content words so, to meet the predicates read of another's content."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache, lru_cache

from storyline.lexicons import load_lexicon
from storyline.stages.ledger.grouping import WORD, ledger_lexicon, stem


@dataclass(frozen=True, slots=True)
class PropositionWords:
    """The word lists of lexicon ``propositions`` that keys are read with, loaded once."""

    light_verbs: frozenset[str]
    passed_over: frozenset[str]
    vacuous: frozenset[str]
    coordinators: frozenset[str]
    nominal_suffixes: tuple[tuple[str, str], ...]  # (noun ending, the verb's ending it replaces)
    frame_verbs: frozenset[str]  # as predicate stems: verbs whose complement holds what is asserted
    evidential: frozenset[str]  # as predicate stems: what evidence "shows", asserted in their complement
    prepositional: frozenset[tuple[str, str]]  # ("in", "question"): one predicate after a copula
    report_verbs: frozenset[str]  # "think", "said": their complement clause holds what is asserted
    finite_auxiliaries: frozenset[str]  # "is", "has", "won't": a clause's finite verb, not "being"
    phrasal: Mapping[tuple[str, str], str]  # (verb's stem, particle) → the one verb it states
    act_verbs: Mapping[str, frozenset[str]]  # verb's stem → the prepositions opening the act it is about
    complement_heads: frozenset[str]  # "free", "right": before "to", the infinitive is the predicate
    # "lot", "part", "definition": before "of", the noun they take a part or a case of is the predicate
    partitives: frozenset[str]
    object_cues: frozenset[str]  # verb stems: cues keying a content with no verb ("denounced | the remarks")
    denial_cues: frozenset[str]  # verb stems: cues whose object names what they deny ("denied | the claims")
    claim_nouns: frozenset[str]  # "claims", "allegations": the head of what a denial cue denies
    copula_prepositions: frozenset[str]  # "with": after a copula, the predicate is its object's head


@cache
def proposition_words() -> PropositionWords:
    data = load_lexicon("propositions")
    return PropositionWords(
        frozenset(data["light_verbs"]),
        frozenset(data["passed_over"]) | ledger_lexicon().stopwords,
        frozenset(stem(word) for word in data["vacuous_predicates"]) | frozenset(data["vacuous_predicates"]),
        frozenset(data["coordinators"]),
        tuple((ending, verb) for ending, verb in data["nominal_suffixes"]),
        frozenset(verb_stem(word) for word in data["frame_verbs"]),
        frozenset(predicate_stem(word) for word in data["evidential_verbs"]),
        frozenset((first, noun) for first, noun in map(str.split, data["prepositional_predicates"])),
        frozenset(data["report_verbs"]),
        frozenset(data["finite_auxiliaries"]),
        {_phrasal_key(phrase): verb for phrase, verb in data["phrasal_predicates"].items()},
        {verb_stem(verb): frozenset(opening) for verb, opening in data["act_verbs"].items()},
        frozenset(data["complement_heads"]),
        frozenset(data["partitives"]) | frozenset(data["exemplar_nouns"]),
        frozenset(verb_stem(verb) for verb in data["object_cues"]),
        frozenset(verb_stem(verb) for verb in data["denial_cues"]),
        frozenset(data["claim_nouns"]),
        frozenset(data["copula_prepositions"]),
    )


def _phrasal_key(phrase: str) -> tuple[str, str]:
    """ "step down" → ("step", "down"): the verb as ``predicate_stem`` reads any of its forms."""
    verb, particle = phrase.split()
    return verb_stem(verb), particle


@cache
def _synonyms() -> Mapping[str, str]:
    """A predicate's stem → the stem of the first word of its synonym set (lexicon ``propositions``): "indict"
    and "prosecute" state one predicate, so two outlets choosing either meet on one key."""
    found: dict[str, str] = {}
    for members in load_lexicon("propositions")["synonym_sets"]:
        canonical = verb_stem(members[0])
        found.update((verb_stem(member), canonical) for member in members[1:])
    return found


def _irregular_verbs() -> Mapping[str, str]:
    """Irregular verb forms → lemma ("sent" → "send", "met" → "meet"), from the exceptions table of the
    pipeline's lemmatizer (loaded once; the ledger's label parses load the pipeline anyway): the crude
    stem cannot see that "sent" is "send"."""
    return _lemma_exceptions("verb")


@cache
def _lemma_exceptions(part: str) -> Mapping[str, str]:
    """Irregular forms of ``part`` of speech → their first lemma, from the pipeline lemmatizer's exceptions
    table ("sent" → "send", "children" → "child")."""
    from storyline.stages.nlp import load_nlp  # the pipeline's model, loaded once per process

    lemmatizer = load_nlp().get_pipe("lemmatizer")
    try:
        forms = lemmatizer.lookups.get_table("lemma_exc")[part]  # type: ignore[attr-defined]
    except (KeyError, AttributeError):
        return {}
    return {str(form): str(lemmas[0]) for form, lemmas in forms.items() if lemmas}


def _verb_index() -> frozenset[str]:
    """The verbs of the pipeline lemmatizer's index (spaCy's English lookups: ~8,700 lemmas), to tell a
    noun in "-ing" naming a verb's act ("meeting") from one that names none ("morning")."""
    return _lemma_index("verb")


@cache
def _lemma_index(*parts: str) -> frozenset[str]:
    """The lemmas of the pipeline lemmatizer's index for ``parts`` of speech (all but adjectives and
    adverbs: nouns and verbs, when none are named)."""
    from storyline.stages.nlp import load_nlp  # the pipeline's model, loaded once per process

    lemmatizer = load_nlp().get_pipe("lemmatizer")
    try:
        index = lemmatizer.lookups.get_table("lemma_index")  # type: ignore[attr-defined]
        return frozenset(lemma for part in parts or ("noun", "verb") for lemma in index[part])
    except (KeyError, AttributeError):
        return frozenset()


@cache
def verb_stem(word: str) -> str:
    """The stem of the verb ``word`` is a form of, read from its lemma where the pipeline lemmatizer's
    tables give one ("sent" → send, "flies" → fly: the crude stem alone cuts "flies" to "fli")."""
    lowered = word.lower()
    return _trimmed(stem(_irregular_verbs().get(lowered) or _verb_lemma(lowered) or word))


def _verb_lemma(lowered: str) -> str:
    """The base form of a regular verb by the pipeline lemmatizer's suffix rules, the first whose result
    its verb index holds ("flies" → fly, "hoped" → hope), as spaCy's rule lemmatizer finds it; "" when
    none does."""
    for ending, replacement in _lemma_rules("verb"):
        if lowered.endswith(ending) and (lemma := lowered[: len(lowered) - len(ending)] + replacement) in (
            _verb_index()
        ):
            return lemma
    return ""


@cache
def _lemma_rules(part: str) -> tuple[tuple[str, str], ...]:
    """The pipeline lemmatizer's suffix rules for ``part`` of speech (("ies", "y"), ("ed", "e"), …)."""
    from storyline.stages.nlp import load_nlp  # the pipeline's model, loaded once per process

    lemmatizer = load_nlp().get_pipe("lemmatizer")
    try:
        rules = lemmatizer.lookups.get_table("lemma_rules")[part]  # type: ignore[attr-defined]
    except (KeyError, AttributeError):
        return ()
    return tuple((str(ending), str(replacement)) for ending, replacement in rules)


def predicate_stem(word: str) -> str:
    """The stem predicates are compared by: "prosecute", "prosecuted", "prosecuting" → "prosecut";
    "sent" → "send"; a synonym → the stem of its set's first word ("indicted" → "prosecut")."""
    stemmed = verb_stem(word)
    return _synonyms().get(stemmed, stemmed)


@cache  # ~1 M calls over a 300-text store, on a vocabulary of a few thousand words
def nominal_stems(word: str) -> frozenset[str]:
    """The stems of the verbs a nominalisation may name ("recommendation" → "recommend", "prosecution" →
    "prosecut", "indictment" → "prosecut" by its synonym set): "the FBI's recommendation" states the
    predicate of "the FBI recommended". Several endings may fit; each is a candidate the lemmatizer's verb
    index holds (``_nominalised_verbs``), and a pair still needs a predicate on both sides
    (``keyed_candidates``)."""
    lowered = word.lower()
    found: set[str] = set()
    for noun in {lowered, _singular(lowered)}:  # "recommendations" names recommending as much
        found.update(_base_stem(verb) for verb in _nominalised_verbs(noun))
    found.update(predicate_stem(verb) for verb in gerund_verbs(_singular(lowered)))
    found.update(predicate_stem(root) for root in quality_roots(lowered))
    return frozenset(found)


def _nominalised_verbs(noun: str) -> tuple[str, ...]:
    """The verbs (base forms, or stems one silent "e" short: "determin") a noun's derivational ending may
    replace (lexicon ``propositions`` ``nominal_suffixes``), each one the pipeline lemmatizer's verb index
    holds: the suffix rules alone read "special" as "specy" and "official" as "officy". An adjective of the
    lemmatizer's index ("special", "partial", "initial") is a quality, and names no act."""
    if noun in _lemma_index("adj"):
        return ()
    verbs = _verb_index()
    found = []
    for ending, verb_ending in proposition_words().nominal_suffixes:
        if noun.endswith(ending) and len(noun) - len(ending) >= 3:
            verb = noun[: len(noun) - len(ending)] + verb_ending
            if verb in verbs or verb + "e" in verbs:
                found.append(verb)
    return tuple(dict.fromkeys(found))


def _base_stem(verb: str) -> str:
    """``predicate_stem`` of a verb's base form, read from a noun: not through the irregular forms, which
    would read "found" (of "foundation") as the past of "find"."""
    stemmed = _trimmed(stem(verb))
    return _synonyms().get(stemmed, stemmed)


@cache
def noun_lemma(word: str) -> str:
    """The lemma of a noun by the pipeline lemmatizer's tables, as spaCy's rule lemmatizer finds it: its
    exceptions, else the first suffix rule whose result the noun index holds, else the word ("averages" →
    "average", "judges" → "judge", "children" → "child"). The crude stem cuts "averages" to "averag" and
    leaves "average" whole: the two would not meet."""
    lowered = word.lower()
    exceptions = _lemma_exceptions("noun")
    if exceptions.get(lowered):
        return exceptions[lowered]
    nouns = _lemma_index("noun")
    for ending, replacement in _lemma_rules("noun"):
        if (
            lowered.endswith(ending)
            and (lemma := lowered[: len(lowered) - len(ending)] + replacement) in nouns
        ):
            return lemma
    return lowered


# Adjective endings that make a quality of a noun ("fraudulent" of fraud, "dangerous" of danger, "harmful"
# of harm): "the school was fraudulent" and "Trump University is a fraud" assert one predicate. English
# derivational suffixes; each root is checked against the lemmatizer's index (``quality_roots``).
_QUALITY_SUFFIXES = ("ulent", "ous", "ful")


def quality_roots(adjective: str) -> tuple[str, ...]:
    """The nouns (or verbs) an adjective in "-ulent", "-ous" or "-ful" is made of ("fraudulent" → fraud,
    "outrageous" → outrage, "furious" → fury, "harmful" → harm); a candidate counts only when the pipeline
    lemmatizer's noun or verb index holds it, so "various" or "serious" names none."""
    for suffix in _QUALITY_SUFFIXES:
        if adjective.endswith(suffix) and len(adjective) - len(suffix) >= 3:
            base = adjective[: -len(suffix)]
            candidates = (base, base + "e", base[:-1] + "y" if base.endswith("i") else "")
            return tuple(root for root in dict.fromkeys(candidates) if root and root in _lemma_index())
    return ()


def _singular(noun: str) -> str:
    return noun[:-1] if noun.endswith("s") and not noun.endswith("ss") else noun


def gerund_verbs(noun: str) -> tuple[str, ...]:
    """The verbs a noun in "-ing" is the act of ("meeting" → meet, "filing" → file, "shopping" → shop):
    "had meetings with donors" states that they met. English spells the base three ways before "-ing"
    (as is, its silent "e" dropped, its last consonant doubled); a candidate counts only when the
    pipeline lemmatizer's verb index holds it, so "morning" or "thing" names no verb."""
    if not noun.endswith("ing") or len(noun) < 6:
        return ()
    base = noun[:-3]
    candidates = (base, base + "e", base[:-1] if base[-1:] == base[-2:-1] else "")
    return tuple(verb for verb in dict.fromkeys(candidates) if verb and verb in _verb_index())


# ``proposition_merges.asserts_alike`` reads both statements' stems for every pair of a group (98,000 calls on
# 1,000 generated articles, most of them repeats): each set of words and each text stemmed once
@lru_cache(maxsize=16384)
def predicate_stems(words: frozenset[str]) -> frozenset[str]:
    """Content words stemmed as predicates are ("prosecuted" → "prosecut"), with the verbs their
    nominalisations name ("prosecution" → "prosecut"), to meet ``predicates_of``. A content word already
    stemmed is read as a stem too: stemmed again, a stem ending in "s" loses it ("releasing" → "releas" →
    "relea"), and "he won't release them" would not meet "nothing prevents his releasing them"."""
    as_stems = frozenset(_synonyms().get(_trimmed(word), _trimmed(word)) for word in words)
    as_words = frozenset(predicate_stem(word) for word in words)
    return (as_words | as_stems).union(*(nominal_stems(word) for word in words))


def _trimmed(stemmed: str) -> str:
    """A stem as ``verb_stem`` leaves it: "release" (the stem of "release") → "releas"."""
    return stemmed[:-1] if stemmed.endswith("e") and len(stemmed) > 4 else stemmed


@lru_cache(maxsize=16384)
def text_predicate_stems(text: str) -> frozenset[str]:
    """Every word of ``text`` stemmed as a predicate is, from the words as written: the content words are
    stemmed before ``predicate_stems`` sees them, and "cancell" no longer meets the lemma table's
    "cancelled" → "cancel" that ``predicates_of`` read."""
    return predicate_stems(frozenset(match.group() for match in WORD.finditer(text)))
