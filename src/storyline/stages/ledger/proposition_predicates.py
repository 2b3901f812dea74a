"""What a statement predicates: the stems of its content's main verbs, compared across outlets' wording.

A proposition key (``ledger.propositions``) is the predicates of a content and the entities they are said
of; this module reads the first half, from the words alone and the finite-verb offsets the worker's parse
left on the claim (``Claim.finite_verbs``), so that it can be tested on a sentence without loading a parse.
Each predicate is the crude stem (``grouping.stem``) of one of the content's top-level verbs, with light
verbs, negation and modality taken out ("was careless" → careless, "decided not to recommend" → recommend,
"has refused to release" → release, "there is no precedent" → precedent; lexicon ``propositions``); a noun
phrase after a light verb gives its head too, English phrases being head-final ("had an inherent conflict of
interest" → inherent, conflict). A verb of saying or thinking is keyed by the clause it reports ("I think the
system is being rigged" → rig), and so is an evidential verb when its clause is found ("the losses mean he
may not have paid" → pay) and a judgement of an extraposed clause ("it was unfortunate that my comments were
misconstrued" → misconstrue); a verb of accusation or hindrance gives the act it is about beside itself
("accused Russia of being behind the hack" → accuse, behind; "does not prevent him from releasing" →
prevent, release) and a phrasal verb the one verb it states ("should step down" → resign). A content without
a finite verb is keyed by the verb it opens on ("wants | to release his taxes") or by a clause inside it
("cited the audit as the reason | he's not releasing them"); a content with no verb at all, by the cue it is
the object of when that censures or denies it ("denounced | Mr. Trump's remarks" → condemn, "denied | the
fraud claims" → fraud); else no key: "Clinton to win" asserts nothing to match on.

Stems are compared through irregular forms ("sent" → send), synonym sets ("indicted" → prosecut) and
nominalisations ("recommendation" → recommend), as ``ledger.proposition_stems`` reads them; predicates of one
class ("phony", "rig") share the class's name (``predicate_classes``), which ``ledger.proposition_links``
reads to pair other predicates."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import cache
from itertools import pairwise

from storyline.lexicons import load_lexicon
from storyline.records import Claim
from storyline.stages.ledger.grouping import WORD, ledger_lexicon
from storyline.stages.ledger.proposition_stems import (
    PropositionWords,
    nominal_stems,
    predicate_stem,
    proposition_words,
    verb_stem,
)
from storyline.stages.ledger.proposition_verbless import (
    asserts_nothing,
    headline_verb,
    naming_verb,
    opening_participle,
    quoted_name,
    sentence_end,
    verbless_predicates,
)

# Words after a light verb looked through for its predicate: "was not even remotely careless" is four, "'s
# going to be a very unfair" six.
PREDICATE_REACH = 6
# Words after a verb of saying looked through for its clause's verb: "said Mr. Dane's lawyers should" is five.
REPORT_REACH = 8
# Words opening a free relative after a light verb ("to do what every candidate has done"): the predicate
# is the relative's, unknown here, not the noun that follows.
_FREE_RELATIVES = frozenset({"what", "whatever"})
# Articles opening the noun phrase a light verb's complement may be ("had an inherent conflict of interest"),
# not a verb's ("decided not to recommend charges").
ARTICLES = frozenset({"a", "an", "the"})
# What opens a clause a predicate only frames ("it is <judgement> that", "looking at whether":
# ``_clause_instead``), and how many words after the predicate it may come: "made sense to me that" is three.
_COMPLEMENTISERS = frozenset({"that", "if", "whether"})
_FRAMED_REACH = 4
_NEGATIONS = frozenset({"not", "n't", "never"})
# Lower-case words a partitive may have before it ("the textbook definition of", "a very small number of").
_PARTITIVE_MODIFIERS = 2
FRAME_CLASS = "frame"  # the class of the frame verbs ("asked … to", "expects … to")
# Pronouns whose "'s" is "is" or "has", not a possessive ("it's rigged", not "Clinton's emails").
_CONTRACTING = frozenset({"it", "he", "she", "that", "there", "what", "who", "here", "where"})


@cache
def _classes() -> Mapping[str, str]:
    """A predicate's stem → the name of its predicate class (lexicon ``propositions``): "phony" and "rig"
    answer whether a contest is fair, though neither outlet's word is the other's. The frame verbs are one
    class more: "the campaign asked the moderator to fact-check him" and "the campaign expects the moderator
    to call out his lies" make one request, the thing asked lying in complements the keys do not read."""
    data = load_lexicon("propositions")
    classes = {predicate_stem(word): FRAME_CLASS for word in data["frame_verbs"]}
    for name, members in data["predicate_classes"].items():
        classes.update((predicate_stem(word), name) for word in members)
    # an opposite ("impartial" of "biased") is a class of its own: linked, its side would read inverted
    for name, members in data["predicate_class_opposites"].items():
        classes.update((predicate_stem(word), f"{name}, opposite") for word in members)
    return classes


def predicate_classes(predicates: frozenset[str]) -> frozenset[str]:
    """The classes of ``predicates`` (stems): none for a predicate of no class."""
    classes = _classes()
    return frozenset(classes[predicate] for predicate in predicates if predicate in classes)


def phrasal_predicates(text: str) -> frozenset[str]:
    """The verbs the phrasal verbs of ``text`` state (lexicon ``propositions``: "he should step down" →
    "resign", "called for the mayor to resign" → "demand"): the content words lose the order that makes
    "step" and "down" one predicate, so a statement's words are given these beside them, to meet the
    predicate ``predicates_of`` reads of the phrase (``ledger.proposition_links``)."""
    phrasal = proposition_words().phrasal
    tokens = [match.group() for match in WORD.finditer(text)]
    pairs = pairwise(tokens)
    return frozenset(
        verb for verb in (phrasal.get((verb_stem(first), second.lower())) for first, second in pairs) if verb
    )


def stated_predicates(claim: Claim) -> frozenset[str]:
    """The predicates a claim states that its content's words do not hold, given beside them to meet the
    predicates ``predicates_of`` reads (``ledger.proposition_links``): its phrasal verbs' ("step down" →
    resign, ``phrasal_predicates``) and, for a content with no verb, the cue's that keys it ("denounced |
    Mr. Trump's remarks" → condemn, ``_cue_predicate``)."""
    if claim.finite_verbs or _complement_verb(claim.text):
        return phrasal_predicates(claim.text)
    return (
        phrasal_predicates(claim.text)
        | _cue_predicate(claim)
        | frozenset(verbless_predicates(claim.text, claim.cue))
    )


def predicates_of(claim: Claim) -> frozenset[str]:
    """The stems of the content's predicates, light verbs and negation passed over: one per top-level
    finite verb that says something ("the director said she exercised …": not "said"); none when the
    content has no finite verb of its own ("Clinton to win"), or none says anything ("I think so"). A
    content with no finite verb that opens on its verb is the complement of the cue ("wants | to release
    his taxes", "called for | eliminating the loophole"): that verb is its predicate. A content with no verb
    at all that is the object of a verb of censure is keyed by that cue ("denounced | Mr. Trump's remarks":
    ``_cue_predicate``)."""
    offsets = claim.finite_verbs or _complement_verb(claim.text) or _verbless_verb(claim.text, claim.cue)
    if not offsets:
        return _cue_predicate(claim) or frozenset(verbless_predicates(claim.text, claim.cue))
    return frozenset(predicate for offset in offsets for predicate in _predicates_at(claim.text, offset))


def _complement_verb(text: str) -> tuple[int, ...]:
    """Where a non-finite content's verb is when the content opens on it: after an opening "to" (an
    infinitive), or a lower-case first word in "-ing" (a gerund; not "nothing"); none otherwise ("Clinton
    to win" is a headline's clause, its subject first, and keyed by nothing)."""
    tokens = list(WORD.finditer(text))[:2]
    if len(tokens) == 2 and tokens[0].group() == "to" and tokens[1].group().islower():
        return (tokens[1].start(),)
    first = tokens[0].group() if tokens else ""
    if first.islower() and first.endswith("ing") and len(first) > 5 and not first.endswith("thing"):
        return (tokens[0].start(),)
    embedded = _reported_verb(text, 0, proposition_words(), finite_only=True)
    return (embedded,) if embedded is not None else ()


def _verbless_verb(text: str, cue: str) -> tuple[int, ...]:
    """Where the verb is of a content the parse found none in (``ledger.proposition_verbless``): a
    title-cased headline's, or the participle a reported headline's passive opens on."""
    if asserts_nothing(text):
        return ()
    found = headline_verb(text)
    if found is None and cue:
        found = opening_participle(text)
    return (found,) if found is not None else ()


def _cue_predicate(claim: Claim) -> frozenset[str]:
    """The predicates of a content with no verb, read from the cue it is the object of (its last word, the
    verb; the words before it are auxiliaries and adverbs; lexicon ``propositions``): a verb of censure
    judges the content ("have since denounced | Trump's comments" → condemn, ``object_cues``), a verb of
    denial denies what the claim it names alleges ("denied | the fraud claims" → fraud, ``denial_cues``).
    None for another cue: "pointing to | high ratings" or "warned of | the implications" say nothing of
    the content a key could match."""
    words = proposition_words()
    cue_words = WORD.findall(claim.cue)
    verb = verb_stem(cue_words[-1]) if cue_words else ""
    if verb in words.object_cues:
        return frozenset({predicate_stem(cue_words[-1])})
    if verb in words.denial_cues:
        return frozenset(_alleged(claim.text, words))
    return frozenset()


def _alleged(text: str, words: PropositionWords) -> list[str]:
    """What the claim named in a denied noun phrase alleges: the lower-case word modifying its head ("the
    fraud claims" → fraud), else the first lower-case content word of its "of" complement ("accusations of
    bias" → bias); none when the phrase names no claim ("denied the report's figures") or says no more
    ("denied the allegations")."""
    tokens = [match.group() for match in WORD.finditer(text)]
    heads = [index for index, token in enumerate(tokens) if token.lower() in words.claim_nouns]
    if not heads:
        return []
    head = heads[0]
    before = tokens[head - 1] if head > 0 else ""
    if before.islower() and not _passed_over(before, words):
        return _predicate_of(before, words, nominal=True)
    if tokens[head + 1 : head + 2] != ["of"]:
        return []
    after = [token for token in tokens[head + 2 :] if token.islower() and not _passed_over(token, words)]
    return _predicate_of(after[0], words, nominal=True) if after else []


def _predicates_at(text: str, offset: int) -> list[str]:
    """The predicate of the verb at ``offset`` and of any predicate coordinated right after it: "she
    neither sent nor received emails marked classified" asserts both sending and receiving (the parse
    gives the first verb as the clause's only finite verb)."""
    words = proposition_words()
    matches = list(WORD.finditer(text, offset))[: 3 + PREDICATE_REACH]
    tokens = [match.group() for match in matches]
    if text[offset : offset + 1] in ("'", "’") and tokens:
        tokens[0] = "'s"  # "there's": WORD skips the apostrophe, the verb is the contraction
    if not tokens:
        return []
    reports = tokens[0].lower() in words.report_verbs
    if reports or predicate_stem(tokens[0]) in words.evidential:
        # "the losses mean he may not have paid": what evidence shows is asserted in its clause, as what is
        # said is; an evidential verb whose clause is not found stays its key (one no pair shares)
        reported = _reported_verb(text, offset, words)
        if reported is not None:
            return _predicates_at(text, reported)
        if reports:
            return []
    if naming_verb(tokens[0]) and (name := quoted_name(text, offset)) is not None:
        return [predicate_stem(name)]  # "called his remarks 'racist'": they are said to be racist
    index = 0
    if tokens[0].lower() in words.light_verbs:
        reach = range(1, min(len(tokens), 1 + PREDICATE_REACH))
        following = [
            i
            for i in reach
            if not _passed_over(tokens[i], words)
            and not _heads_a_complement(tokens, i)
            and not _partitive(tokens, i, words)
            and not _names_in_an_object(text, matches, i, words)
        ]
        if not following or any(token.lower() in _FREE_RELATIVES for token in tokens[: following[0]]):
            return []
        index = following[0]
        if (tokens[index - 1].lower(), tokens[index].lower()) in words.prepositional:
            return [predicate_stem(tokens[index])]  # "is in question": the noun, vacuous alone, says it
        # a light verb's own phrase ("made public", "were made public"): the verb it states
        light_phrasal = words.phrasal.get((verb_stem(tokens[index - 1]), tokens[index].lower()))
        if light_phrasal is not None:
            return [predicate_stem(light_phrasal)]
    act = _act_named(text, matches[index].start(), words)
    if act is not None:  # "accused Russia of being behind the hack": the act is a predicate too
        return [predicate_stem(tokens[index]), *_predicates_at(text, act)]
    particle = tokens[index + 1].lower() if index + 1 < len(tokens) else ""
    phrasal = words.phrasal.get((verb_stem(tokens[index]), particle))
    if phrasal is not None:  # "he should step down" states resigning, "called for" a demand
        return [predicate_stem(phrasal)]
    clause = _clause_instead(text, offset, matches, index, words)
    if clause is not None:
        return _predicates_at(text, clause)
    chosen = [tokens[index]]
    if _copula_preposition(tokens, index, words):
        # "were with foundation donors": the preposition's object is said of the subject, by its head
        chosen = _phrase_head(text, matches, index, words) or chosen
    elif any(token.lower() in ARTICLES for token in tokens[1:index]):  # a noun phrase: "had an inherent …"
        chosen.extend(_phrase_head(text, matches, index, words))
    coordinated = tokens[index + 2] if index + 2 < len(tokens) else ""
    # "sent nor received", "careless and reckless"; not a name opening a clause ("a liar and Lester Holt")
    if coordinated.islower() and tokens[index + 1].lower() in words.coordinators:
        chosen.append(coordinated)
    # after a light verb the predicate may be a noun: "made a determination" states "determined"
    return [predicate for token in chosen for predicate in _predicate_of(token, words, nominal=index > 0)]


def _clause_instead(
    text: str, offset: int, matches: Sequence[re.Match[str]], index: int, words: PropositionWords
) -> int | None:
    """Where the verb is of a clause that states what the predicate at ``index`` (of the verb at
    ``offset``) only frames: a clause opened by "that", "if" or "whether" a few words on, after a judgement
    whose subject is "it" (English extraposition: "it was unfortunate that my comments have been
    misconstrued", "it should have been common sense that this school was fraudulent", "it has never made
    sense to me that she can be held responsible"), or after a predicate that says nothing ("investigators
    are looking at whether anyone mishandled …", "he was questioning whether he was receiving a fair
    trial"), or that a copula's complement is ("the question is whether the mayor will resign"). The
    judgement is the speaker's, of what the clause asserts, and the clause is what another
    outlet reports; its verb is found as a reported clause's is (``_reported_verb``). None otherwise, or
    when the clause's verb is not found."""
    opening = [
        position for position in range(1, index) if matches[position].group().lower() in _COMPLEMENTISERS
    ]
    if opening:  # "the question is whether the mayor will resign": the copula's complement is the clause
        return _reported_verb(text, matches[opening[0]].start(), words)
    framed = index > 0 and _expletive_subject(text, offset, words)
    token = matches[index].group()
    if not framed and not (token.lower() in words.vacuous or predicate_stem(token) in words.vacuous):
        return None
    for position in range(index + 1, min(len(matches), index + 1 + _FRAMED_REACH)):
        if matches[position].group().lower() in _COMPLEMENTISERS:
            return _reported_verb(text, matches[position].start(), words)
    return None


def _expletive_subject(text: str, offset: int, words: PropositionWords) -> bool:
    """Whether the verb at ``offset`` has "it" for subject, its auxiliaries and negation passed over."""
    before = [match.group().lower() for match in WORD.finditer(text, 0, offset)]
    while before and (before[-1] in words.light_verbs or before[-1] in _NEGATIONS):
        before.pop()
    return bool(before) and before[-1] == "it"


def _phrase_head(
    text: str, matches: Sequence[re.Match[str]], index: int, words: PropositionWords
) -> list[str]:
    """The head of the noun phrase, opened by an article, that a light verb's complement holds from the
    word at ``index``, when it is a later word. English noun phrases are head-final: the head is the last of
    the lower-case words running on from the first ("had [a net loss] of", "was [the textbook definition]
    of", "is [a very hostile judge] to"); the run ends at a function word, a coordinator, punctuation or a
    participle opening a modifier ("[a new ad] hitting Trump"). The first word stays a predicate too: "a
    phony system" asks whether it is phony."""
    head = index
    for position in range(index + 1, min(len(matches), index + 1 + PREDICATE_REACH)):
        token = matches[position].group()
        lowered = token.lower()
        if text[matches[position - 1].end() : matches[position].start()].strip():
            break  # punctuation between: "a mistake, people say"
        if not token.isalpha() or not token.islower() or _passed_over(token, words):
            break
        if lowered in words.coordinators or lowered.endswith(("ing", "ed")):
            break
        head = position
    return [matches[head].group()] if head > index else []


def _act_named(text: str, offset: int, words: PropositionWords) -> int | None:
    """Where the act named by the verb of accusation or hindrance at ``offset`` opens ("accused Russia |
    of | being behind the hack", "prevents him | from | releasing his returns", lexicon ``propositions``
    ``act_verbs``): the word after the verb's preposition, articles and possessives passed over, within
    ``REPORT_REACH`` words of the same sentence. None for another verb, or when no such preposition follows
    ("accused him": of what is not said)."""
    verb = WORD.match(text, offset)
    opening = words.act_verbs.get(verb_stem(verb.group())) if verb else None
    if not opening:
        return None
    matches = list(WORD.finditer(text, offset, sentence_end(text, offset)))[1 : 1 + REPORT_REACH]
    skipped = ARTICLES | ledger_lexicon().pronoun_determiners
    for position, match in enumerate(matches):
        if match.group().lower() not in opening:
            continue
        after = [later for later in matches[position + 1 :] if later.group().lower() not in skipped]
        return after[0].start() if after else None
    return None


def _reported_verb(text: str, offset: int, words: PropositionWords, finite_only: bool = False) -> int | None:
    """Where the clause reported by the verb of saying or thinking at ``offset`` has its finite verb: its
    first light verb or modal within ``REPORT_REACH`` words of the same sentence ("I think | it's going to
    be unfair", "voters said Mr. Trump | should release"), a contraction read as the verb after a pronoun
    only ("it's", not "Clinton's"). None when the clause has neither ("he thought the emails contained …"):
    its verb is not told from a noun without the parse."""
    clause = text[offset : sentence_end(text, offset)]
    matches = list(WORD.finditer(clause))[1 : 1 + REPORT_REACH]
    for before, match in zip([None, *matches], matches, strict=False):
        word = match.group().lower()
        contracted = word == "s" and before is not None and before.group().lower() in _CONTRACTING
        if (word in words.finite_auxiliaries if finite_only else word in words.light_verbs) or contracted:
            return offset + match.start() - (1 if contracted else 0)
    return None


def _predicate_of(token: str, words: PropositionWords, nominal: bool) -> list[str]:
    predicate = predicate_stem(token)
    if _passed_over(token, words) or token.lower() in words.vacuous or predicate in words.vacuous:
        return []
    if len(predicate) < 3:
        return []
    return [predicate, *sorted(nominal_stems(token))] if nominal else [predicate]


def _names_in_an_object(
    text: str, matches: Sequence[re.Match[str]], index: int, words: PropositionWords
) -> bool:
    """Whether the word at ``index`` is a name modifying a later word of the object of a preposition opening
    a copula's complement ("were with Clinton Foundation donors" → donor): the predicate is the object's
    head (``copula_prepositions``), and a name before it says of whom, not what."""
    opened = any(match.group().lower() in words.copula_prepositions for match in matches[1:index])
    return opened and _names_a_modifier(text, matches, index)


def _names_a_modifier(text: str, matches: Sequence[re.Match[str]], index: int) -> bool:
    """Whether the word at ``index`` is a title or a name modifying the word after it ("Secretary Clinton's
    judgment", "Clinton Foundation donors"), or the possessive "s" after a name (which ``WORD`` reads as a
    word of its own). Not a name ending its phrase ("Mexican and proud", "Secretary of State")."""
    token = matches[index].group()
    if token == "s" and index > 0 and matches[index - 1].group()[:1].isupper():
        return True
    if not token[:1].isupper() or index + 1 >= len(matches):
        return False
    following = matches[index + 1].group()
    between = text[matches[index].end() : matches[index + 1].start()]
    if between in ("'", "’"):
        return following == "s"
    if between != " " or not following.isalpha() or following == "I":
        return False
    lowered = following.lower()
    words = proposition_words()
    return following[:1].isupper() or not (_passed_over(following, words) or lowered in words.coordinators)


def _heads_a_complement(tokens: Sequence[str], index: int) -> bool:
    """Whether the word at ``index`` is an adjective or noun of permission, ability or obligation before
    "to" ("is free to disclose his returns", "had no right to criticize him"): the infinitive says what is
    asserted, as after "refused to" (lexicon ``propositions``)."""
    following = tokens[index + 1].lower() if index + 1 < len(tokens) else ""
    return following == "to" and tokens[index].lower() in proposition_words().complement_heads


def _copula_preposition(tokens: Sequence[str], index: int, words: PropositionWords) -> bool:
    """Whether a preposition opening a copula's complement ("were with donors") comes before the word at
    ``index``; not the "of" of a partitive, whose noun phrase is read whole ("the definition of a racist
    comment": racist, comment)."""
    return any(
        token.lower() in words.copula_prepositions
        and not (token.lower() == "of" and tokens[position - 1].lower() in words.partitives)
        for position, token in enumerate(tokens[1:index], start=1)
    )


def _partitive(tokens: Sequence[str], index: int, words: PropositionWords) -> bool:
    """Whether the word at ``index`` is a partitive or exemplar noun before "of" ("made a lot of
    sacrifices", "is part of a group", "was the definition of a racist comment"), or one of up to
    ``_PARTITIVE_MODIFIERS`` lower-case words modifying one ("the textbook definition of", "a small number
    of"): the noun after "of" says what is asserted (lexicon ``propositions``)."""
    for position in range(index, min(len(tokens) - 1, index + 1 + _PARTITIVE_MODIFIERS)):
        if tokens[position].lower() in words.partitives and tokens[position + 1].lower() == "of":
            return all(token.isalpha() and token.islower() for token in tokens[index:position])
    return False


def _passed_over(token: str, words: PropositionWords) -> bool:
    lowered = token.lower()
    # a degree adverb ("extremely careless"): the quality is the predicate, not how much of it
    adverb = len(lowered) > 5 and lowered.endswith("ly")
    return adverb or lowered in words.passed_over or lowered in words.light_verbs
