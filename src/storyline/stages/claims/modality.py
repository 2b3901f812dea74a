"""Every rule that decides how a claim is put — asserted, hedged, denied or unconfirmed — and which side of
its question it takes (affirm, deny, unconfirmed).

One home for these decisions, so that changing how a denial is recognised means reading this module and
the word lists in ``lexicons/{denials,unconfirmed,hedges}.toml``, nothing else. Two moments decide:

- the cue, when it alone says how the content is put ("denied", "could not confirm", "declined to
  comment", "labeled it a hoax", "the denial that …", "no evidence that …", "allegedly"): the cue routes
  in ``claims.cues``, ``claims.quote_cues`` and ``claims.speech_acts`` ask this module and carry the
  answer as ``Attribution.cue_modality``;
- otherwise the content's main clause, on the parse (:func:`content_modality`).

The ledger does not decide stance again: it asks :func:`stance_of`, which reads the claim's modality and,
for an asserted claim, whether its content's main clause is negated ("there were no sirens").
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Span, Token

from storyline.records import Claim, Modality, Stance
from storyline.stages.claims.lexicon import ClaimLexicon, claim_lexicon
from storyline.stages.claims.spans import Attribution, ParseContext

# When two routes give one claim different modalities, the stronger statement about it wins.
MODALITY_STRENGTH: dict[Modality, int] = {"denied": 3, "unconfirmed": 2, "hedged": 1, "asserted": 0}
# Cues that decide by their kind alone: "labeled it a hoax" answers a claim; "we have no evidence that …"
# leaves its complement open; "the video allegedly shows …" passes on what unnamed others say.
LABEL_MODALITY: Modality = "denied"
NO_EVIDENCE_MODALITY: Modality = "unconfirmed"
CLAIM_ADVERB_MODALITY: Modality = "hedged"
# Dependencies that open a clause of its own: a negation or a hedge inside one is not the claim's.
SUBORDINATE_DEPS = frozenset(
    {"ccomp", "advcl", "relcl", "acl", "conj", "xcomp", "pcomp", "csubj", "parataxis"}
)
# Words of a content's plain text, for the stance check (numbers cannot negate, so only letters count).
CONTENT_WORD = re.compile(r"[^\W\d_]+(?:'t)?", re.UNICODE)
# Where a content's main clause ends: a sentence end (a closing quote mark may stand before the space:
# "…information.’ Not fit!"), a semicolon or dash, a contrast ("…, not on …") or a cause ("aircraft had
# stayed on the ground because there was not enough fuel": the generalise fire story's report, read as a
# denial).
# A dash typed as a spaced hyphen or two hyphens ("what those questions are now -- not after the election")
# ends it as a dash does, and a contrast may follow a closing quote mark ("'supports him 100 percent,' while
# his opponent did not").
MAIN_CLAUSE_END = re.compile(
    r"[.;!?–—][\"'’”»]*\s|\s--?\s|,[\"'’”»]*\s+(?:but|while|whereas|not|rather)\s|\s+rather\s+than\s"
    r"|\s+because\s"
)
# The word right before a full stop (``_after_abbreviation``), and the time whose full stop does end a
# sentence ("at 5 p.m. It did not stop").
WORD_BEFORE = re.compile(r"[^\W\d_]+$")
TIME_BEFORE = re.compile(r"\b[ap]\.m$")
# Words set off by a pair of dashes ("the officer - a veteran of ten years - was not wearing a camera"): an
# aside, which ends no clause (``_main_clause``).
DASHED_ASIDE = re.compile(r"\s(?:--?|[–—])\s[^–—]*?\s(?:--?|[–—])\s")
# A relative clause set off by a comma, up to the next comma or the main clause's end: "Mr. Khan, who does
# not know me, attacked me" — its negation is the relative clause's (``_main_clause``).
# One of a person ("who") may end with the clause; a "which" only before a comma or a dash, for at the
# clause's end it may stand for the whole clause ("demanded that police release the video, which they have
# not done" denies the release).
RELATIVE_CLAUSE = re.compile(r",\s+(?:(?:who|whom|whose)\s[^,]*?(?=,|\s-\s|$)|which\s[^,]*?(?=,|\s-\s))")
# A tag question after a comma ("he said it, didn't he?", "you were there, were you not?"): it asks the
# hearer to agree, it negates nothing (``_main_clause``).
TAG_QUESTION = re.compile(
    r",\s+[a-z]+(?:n't\s+(?:i|you|he|she|it|we|they|there)|\s+(?:i|you|he|she|it|we|they|there)\s+not)"
    r"(?=\s*\?)"
)
# A "No" that opens a content answers the question put to the speaker, not the clause that follows it: "No,
# I meant he's the founder of ISIS" (PolNeAR's second-amendment-isis-founder, a candidate rejecting a softer
# reading of his own claim) affirms what it goes on to say. Only a "No" set off by a mark and followed by
# words: a "No." alone stays a denial.
ANSWERING_NO = re.compile(r"^(?:no[,.!–—]+\s+)+(?=\w)")

# A negated verb right before "whether" ("do not show whether", "would not say whether"): the thing is left
# open (``_negated_stance``); up to two words between ("did not yet say whether").
LEAVES_OPEN = re.compile(r"(?:\bnot|n't|\bnever)\s+(?:[^\W\d_]+\s+){0,2}whether\b")
# An indirect question after a verb ("questioned why she hadn't spoken", "asked whether he had not paid"):
# a negation after it is the question's, not the main clause's (``_negated_stance``). Not after a form of
# "be" ("that is why he did not come", "the reason was why …"): there the clause is what is asserted.
INDIRECT_QUESTION = re.compile(
    r"(?<!\bis)(?<!\bwas)(?<!\bare)(?<!\bwere)(?<!')(?<!'s)(?<!’s)\s(?:why|whether)\b"
)
# A verb of saying in its bare form after "can" or "could", a comma or colon after it: what follows is what
# the speaker could say to someone ("I can, by speaking to them, say, look, this is not …"). Not "will" or
# "want to": "I want to say, this is not true" is the speaker's own denial, prefaced.
WOULD_SAY = re.compile(r"\b(?:can|could)\b[^.;:]*?\b(?:say|tell(?:\s+(?:them|him|her|people))?)\s*[,:]")

# How many words may stand between a verb of prevention and its "from": "keep Mr. Trump's lawyers from".
PREVENTED_OBJECT_WORDS = 4


def stronger(first: Modality | None, second: Modality | None) -> Modality | None:
    """Of two routes' modalities for one claim, the stronger statement."""
    if first is None or second is None:
        return first or second
    return first if MODALITY_STRENGTH[first] >= MODALITY_STRENGTH[second] else second


# --- decided by the cue -------------------------------------------------------------------------------------


def cue_modality(context: ParseContext, verb: Token, subject: Token | None) -> Modality | None:
    """What a cue verb alone says: negated ("could not confirm", "neither X nor Y confirmed", "did not
    say") leaves the content unconfirmed; a denial verb denies; a hedging cue ("suggested") hedges."""
    lexicon = context.lexicon
    lemma = verb.lemma_.lower()
    negated = any(child.dep_ == "neg" for child in verb.children) or is_negated_subject(subject, lexicon)
    unable = verb.dep_ == "xcomp" and verb.head.lemma_.lower() in lexicon.inability_words
    if negated or unable:
        return "unconfirmed"
    if lemma in lexicon.denial_verbs:
        return "denied"
    if lemma in lexicon.hedging_cues:
        return "hedged"
    return None


def is_negated_subject(subject: Token | None, lexicon: ClaimLexicon) -> bool:
    """ "neither X nor Y", "no official" deny their verb."""
    if subject is None:
        return False
    return (
        any(
            child.dep_ in ("preconj", "det", "neg") and child.lower_ in lexicon.negations
            for child in subject.children
        )
        or subject.lower_ in lexicon.negations
    )


def refusal_modality(action: Token, lexicon: ClaimLexicon) -> Modality:
    """ "declined to confirm" leaves the content unconfirmed; "declined to comment" refuses it: a denial."""
    return "unconfirmed" if action.lemma_.lower() in lexicon.confirm_verbs else "denied"


def noun_cue_modality(noun: Token, lexicon: ClaimLexicon) -> Modality | None:
    """ "the denial that …" denies its clause; "Trump's claim that …" leaves the content to decide."""
    return "denied" if noun.lemma_.lower() in lexicon.denial_nouns else None


def has_no(noun: Token, lexicon: ClaimLexicon) -> bool:
    """ "no evidence", "there is no proof": the noun, or the verb it hangs on, is negated."""
    return any(child.lower_ in lexicon.negations for child in noun.children) or any(
        child.dep_ == "neg" for child in noun.head.children
    )


# --- decided by the content ---------------------------------------------------------------------------------


def content_modality(context: ParseContext, attribution: Attribution) -> Modality:
    """The cue's modality when the cue decides it ("denied", "could not confirm"); else what the content's
    main clause says: "there was no evidence that …" is unconfirmed, "the claims were baseless" and "no such
    plan had been discussed" deny, a hedge word or modal hedges."""
    if attribution.cue_modality is not None:
        return attribution.cue_modality
    span = context.doc.char_span(*attribution.content, alignment_mode="expand")
    cue = context.doc.char_span(*attribution.cue, alignment_mode="expand")
    if span is None or cue is None:
        return "asserted"
    lexicon = context.lexicon
    first_sentence = span[0].sent  # of a quote of several sentences, the first speaks first
    root = span.doc[span.start : min(first_sentence.end, span.end)].root
    main_clause = [t for t in span if t.i == root.i or _in_main_clause(t, root)]
    negated = any(t.dep_ == "neg" and t.head.i == root.i for t in main_clause)
    if root.lemma_.lower() in lexicon.confirm_verbs and negated:
        return "unconfirmed"
    if any(t.lemma_.lower() in lexicon.evidence_nouns and has_no(t, lexicon) for t in main_clause):
        return "unconfirmed"
    # A plain negation ("would not intervene") states a fact; "no such plan" and "the claims were
    # baseless" answer a claim, which is what a denial is.
    answers_a_claim = _says_no_such(main_clause, lexicon) or any(
        t.lemma_.lower() in lexicon.denial_labels and t.dep_ in ("attr", "acomp", "conj") for t in main_clause
    )
    if root.lemma_.lower() in lexicon.denial_verbs or answers_a_claim:
        return "denied"
    if _is_hedged(span, cue, lexicon):
        return "hedged"
    return "asserted"


def _in_main_clause(token: Token, root: Token) -> bool:
    while token.i != root.i:
        if token.dep_ in SUBORDINATE_DEPS or token.head.i == token.i:
            return False
        token = token.head
    return True


def _says_no_such(tokens: list[Token], lexicon: ClaimLexicon) -> bool:
    return any(
        token.lower_ in lexicon.negations and token.i + 1 < len(token.doc) and token.nbor().lower_ == "such"
        for token in tokens
    )


def _is_hedged(span: Span, cue: Span, lexicon: ClaimLexicon) -> bool:
    words = [token.lower_ for token in span if not token.is_punct]
    if any(child.lower_ in lexicon.hedge_adverbs for token in cue for child in token.children):
        return True  # "X reportedly said"
    if any(word in lexicon.hedge_adverbs for word in words):
        return True
    if any(
        is_hedging_modal(token, lexicon) and not _in_purpose_clause(token, span, lexicon) for token in span
    ):
        return True
    return any(tuple(words[i : i + len(p)]) == p for p in lexicon.hedge_phrases for i in range(len(words)))


def _in_purpose_clause(modal: Token, span: Span, lexicon: ClaimLexicon) -> bool:
    """Whether a modal stands in a clause of purpose or result inside the content, below its main clause:
    "Trump had the guests wait outside so he could watch them" asserts the waiting, and the "could" weighs
    only what it was for (PolNeAR trump-taxes: cast members' account read as hedged, so a denial stood
    alone against it, issue #14). Read on the parse, from the modal's verb up to the content's root."""
    root = span.root
    clause = modal.head
    while clause.i != root.i and span.start <= clause.i < span.end:
        if _opens_purpose(clause, lexicon):
            return True
        if clause.head.i == clause.i:
            return False
        clause = clause.head
    return False


def _opens_purpose(verb: Token, lexicon: ClaimLexicon) -> bool:
    """A clause of purpose or result: led by "so" ("so he could", "so that they would", ", so the town could
    flood"), the "that" clause of a "so" or "such" ("so drunk that he could barely stand"), or the clause
    of "in order that"."""
    leading = verb.left_edge
    if (
        leading.lower_ in lexicon.purpose_openers
        and leading.head.i == verb.i
        and leading.dep_ in ("mark", "advmod")
    ):
        return True
    head = verb.head
    marked = any(child.dep_ == "mark" and child.lower_ == "that" for child in verb.children)
    if marked and any(
        child.lower_ in lexicon.purpose_openers and child.i < verb.i for child in head.children
    ):
        return True
    return head.lower_ in lexicon.purpose_nouns and head.dep_ == "pobj"


def is_hedging_modal(token: Token, lexicon: ClaimLexicon) -> bool:
    """An epistemic "may", "might", "could". Negated, a modal mostly states what did not or must not happen
    ("could not comment", "may not run again"), so it is no hedge; but with the perfect ("may not have paid",
    "could have allowed") the modal can only weigh what was: a hedge, negated or not."""
    if token.lower_ not in lexicon.hedge_modals or token.tag_ != "MD":
        return False
    siblings = list(token.head.children)
    perfect = any(c.dep_ == "aux" and c.lemma_.lower() == "have" and c.i > token.i for c in siblings)
    return perfect or not any(c.dep_ == "neg" for c in siblings)


def predicate_modality(span: Span, lexicon: ClaimLexicon) -> Modality:
    """How a sentence with no cue (the outlet's own voice) is put, read on its main predicate alone: hedged
    under an epistemic modal ("Trump may have used the loss"), a hedge adverb ("perhaps", "possibly") or an
    "it is possible that" frame; a modal in a later or subordinate clause ("…, and may be fuelling it", "what
    he might be concealing") leaves the sentence asserted, and a deontic modal ("should release") is none.
    A verb of inference passes to its clause ("the losses mean he may not have paid …": what is put
    forward is the clause)."""
    predicate = span.root
    while predicate.lemma_.lower() in lexicon.inference_verbs:
        clauses = [c for c in predicate.children if c.dep_ == "ccomp"]
        if not clauses:
            break
        predicate = clauses[0]
    children = list(predicate.children)
    if any(is_hedging_modal(c, lexicon) for c in children if c.dep_ == "aux"):
        return "hedged"
    if any(c.dep_ == "advmod" and c.lower_ in lexicon.hedge_adverbs for c in children):
        return "hedged"
    framed = any(c.dep_ == "acomp" and c.lemma_.lower() in lexicon.hedge_adjectives for c in children)
    if framed and any(c.dep_ in ("ccomp", "csubj", "xcomp") for c in children):
        return "hedged"  # "it is possible that …", "he is likely to …"
    return "asserted"


# --- stance, for the ledger ---------------------------------------------------------------------------------


def stance_of(claim: Claim, negation_denies: bool = True) -> Stance:
    """affirm / deny / unconfirmed. A negated figure ("never exceeded 36") still answers with its value,
    so ``negation_denies`` is off for quantity questions. A negated content denies unless its negation
    leaves a question open or belongs to words the speaker would say (``_negated_stance``)."""
    if claim.modality == "denied":
        return "deny"
    if claim.modality == "unconfirmed":
        return "unconfirmed"
    return _negated_stance(claim.text) if negation_denies and is_negated(claim) else "affirm"


@lru_cache(maxsize=65_536)
def _negated_stance(claim_text: str) -> Stance:
    """The side of a content whose main clause holds a negation (``is_negated``):

    - a negated verb before "whether" leaves the thing open, it denies nothing: "the videos do not show
      whether he held anything" (PolNeAR police-shootings: a lawyer's point about the videos stood as the
      denial that made "it shows an officer aiming a gun" contested, issue #14);
    - a negation after a verb of saying that "can" or "could" governs and a comma or colon follows is in
      the words the speaker could say to someone, not in the claim: "Maybe I can, by speaking directly to
      white people, say, look, this is not who we are" affirms that she would speak to them (the same
      story: Clinton stood on both sides of her own wish). Not "as I said, this is not true" nor "I want to
      say, this is not true": the speaker's own denial;
    - a negation only after an indirect question ("INDIRECT_QUESTION") is the question's: "the mayor had
      misled the council and asked why the auditors had not been told" affirms that he misled it (PolNeAR
      khan-family: Trump's complaint that Khan "unfairly had attacked him and questioned why Ghazala Khan
      hadn't spoken" stood Trump on the deny side of his own charge, issue #14). A negation before it
      still denies ("he never asked why …"), and "not … whether" leaves the thing open (above).

    Only the ledger's stance reads this, so ``is_negated`` (also read by ``claims.framing``) is unchanged."""
    first_clause = _main_clause(claim_text)
    if LEAVES_OPEN.search(first_clause):
        return "unconfirmed"
    saying = WOULD_SAY.search(first_clause)
    negation = next(
        (word for word in CONTENT_WORD.finditer(first_clause) if _is_negation(word.group(), claim_lexicon())),
        None,
    )
    if saying and negation and saying.end() <= negation.start():
        return "affirm"
    asked = INDIRECT_QUESTION.search(first_clause)
    if asked and negation and asked.end() <= negation.start():
        return "affirm"
    return "deny"


def is_negated(claim: Claim) -> bool:
    """Whether the content's main clause is negated ("there were no sirens"). A negation in a later clause
    or sentence ("… rather than reversing it. Better late than never") or in an idiom that affirms ("not
    only", "would not rule out") leaves the claim affirming. Read on the claim's text, not a parse: the
    ledger has the Claim record only."""
    return _negated(claim.text)


# The ledger asks a claim's stance in several phases (37,161 calls over 1,000 generated articles' 377
# stories, ~0.2 s of the serial tail): the answer depends on the text alone, so it is read once per text.
@lru_cache(maxsize=65_536)
def _negated(claim_text: str) -> bool:
    lexicon = claim_lexicon()
    words = _before_prevented_clause(CONTENT_WORD.findall(_main_clause(claim_text)), lexicon)
    return any(_is_negation(word, lexicon) for word in words)


def _main_clause(claim_text: str) -> str:
    """The content's main clause, lower-cased, without an answering "No", a negation idiom, a tag question, a
    relative clause set off by a comma or the "not" of a noun's infinitive ("his decision not to run"). It
    ends at a sentence end, never at an abbreviation's full stop ("Mr. Manafort was not …")."""
    lexicon = claim_lexicon()
    text = " ".join(claim_text.replace("’", "'").lower().split())
    text = ANSWERING_NO.sub("", text.lstrip("\"“‘'"))
    patterns = _idiom_patterns(lexicon.negation_idioms) + _idiom_patterns(
        lexicon.certainty_idioms, lexicon.certainty_refused_before
    )
    for idiom in patterns:
        text = idiom.sub(" ", text)
    text = _noun_infinitive(lexicon.infinitive_nouns).sub(r"\1 to", TAG_QUESTION.sub("", text))
    text = DASHED_ASIDE.sub(" ", text)
    clause = next(
        (
            text[: end.start()]
            for end in MAIN_CLAUSE_END.finditer(text)
            if not _after_abbreviation(text, end.start())
        ),
        text,
    )
    return RELATIVE_CLAUSE.sub("", clause)


def _after_abbreviation(text: str, stop: int) -> bool:
    """Whether the mark at ``stop`` is the full stop of an abbreviation ("mr.", "sen.") or of a single letter
    ("u.s.", "j. edgar"), which ends no clause; a time's ("5 p.m.") ends its sentence."""
    if text[stop] != "." or TIME_BEFORE.search(text, 0, stop):
        return False
    word = WORD_BEFORE.search(text, 0, stop)
    return word is not None and (
        len(word.group()) == 1 or word.group() in claim_lexicon().clause_abbreviations
    )


@lru_cache(maxsize=1)
def _noun_infinitive(nouns: tuple[str, ...]) -> re.Pattern[str]:
    """A negated infinitive after a noun that takes one ("his decision not to run"): the noun's "not"."""
    return re.compile(rf"\b({'|'.join(map(re.escape, nouns))})\s+not\s+to\b")


@lru_cache(maxsize=4)
def _idiom_patterns(
    idioms: tuple[str, ...], refused_before: tuple[str, ...] = ()
) -> tuple[re.Pattern[str], ...]:
    """Each idiom as whole words: "no less" is cut from "no less important", not from "no lessons"; not
    before a word of ``refused_before`` ("there is no question of resigning" stays a refusal)."""
    refused = "".join(rf"(?!\s+{re.escape(word)}(?!\w))" for word in refused_before)
    return tuple(re.compile(rf"(?<!\w){re.escape(idiom)}(?!\w){refused}") for idiom in idioms)


def _is_negation(word: str, lexicon: ClaimLexicon) -> bool:
    return word in lexicon.negations or word.endswith("n't")


def _before_prevented_clause(words: list[str], lexicon: ClaimLexicon) -> list[str]:
    """The main clause's words when its verb is one of prevention that a "from" follows: what comes after
    "from" is a clause of its own (the parse's pcomp), so "the audit keeps him from releasing returns that
    are not final" affirms the prevention. A negated subject stays a negation: "none of his arguments
    should prevent him from releasing" denies that anything prevents it, which is the proposition a
    question of prevention asks (PolNeAR's trump-taxes gold puts it on the deny side of "Does the audit
    stop Trump from releasing?"); read as affirming the release, it lost a side and a status there."""
    for index, word in enumerate(words):
        after = words[index + 1 : index + 2 + PREVENTED_OBJECT_WORDS]
        if word in lexicon.preventive_verbs and "from" in after:
            return words[: index + 2 + after.index("from")]
    return words


def denies_confirmation(words: list[str]) -> bool:
    """Whether the words say that something is not confirmed: a negation beside a confirming verb or an
    evidence noun ("has found no evidence for", "could not be independently verified"), or a confirming
    verb negated by its prefix ("unverified", "unconfirmed", "unsubstantiated")."""
    lexicon = claim_lexicon()
    # the verbs' stems ("verif" of "verify" reads "verified"): the rider is plain text, not a parse
    stems = tuple(verb[:-1] for verb in lexicon.confirm_verbs)
    negated = any(_is_negation(word, lexicon) for word in words)
    confirming = any(word.startswith(stems) or word in lexicon.evidence_nouns for word in words)
    prefixed = any(word.startswith("un") and word[2:].startswith(stems) for word in words)
    return (negated and confirming) or prefixed
