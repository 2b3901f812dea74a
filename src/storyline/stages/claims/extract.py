"""The claims stage: attributions (speaker, cue, content) with quote type, modality, quantities and times.

Runs on the one shared parse (``ParsedArticle.doc``). ``claims.cues`` finds candidate attributions from cue
words, quotations and hedge adverbs; this module settles them: dash quotations cut where the narration
resumes, first-person speakers inside a quote become the quote's speaker, "he"/"she" become the nearest
person named before, duplicates found by two routes are merged (the stronger modality kept), and each
claim gets its modality from ``claims.modality``.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from storyline.records import Claim, ClaimKind, Modality, ParsedArticle, QuoteKind, TimeExpr
from storyline.stages.claims.agentless import agentless_attributions
from storyline.stages.claims.chains import (
    chain_attributions,
    drop_nested_intentions,
    drop_quoted_nested,
    name_relays,
)
from storyline.stages.claims.clauses import reported_within_quotes, with_run_on_content
from storyline.stages.claims.coref import (
    continued_quotes,
    continued_reports,
    names_no_one_person,
    person_asked,
    possessors_before,
    relative_antecedent,
    resolve_descriptions,
    surname_of,
    surnames_in,
    utterance_owner,
)
from storyline.stages.claims.cues import cue_word_attributions, hedge_adverb_attributions
from storyline.stages.claims.datelines import after_lead_dateline
from storyline.stages.claims.genders import KnownGenders
from storyline.stages.claims.labels import quoted_label_attributions
from storyline.stages.claims.learned import learned_attributions
from storyline.stages.claims.lexicon import ClaimLexicon, claim_lexicon
from storyline.stages.claims.modality import content_modality, stronger
from storyline.stages.claims.propositions import split_propositions
from storyline.stages.claims.quote_cues import colon_line_attributions, quote_attributions
from storyline.stages.claims.quotes import QuoteSpan, find_quote_spans, trim_span
from storyline.stages.claims.spans import (
    MAX_TRAILING_TOKENS,
    Attribution,
    CharSpan,
    ParseContext,
    spans_overlap,
)
from storyline.stages.claims.speakers import SUBJECT_DEPS, speaker_span, subject_of
from storyline.stages.claims.speech_acts import message_writers, relayed_reports
from storyline.stages.claims.works import resolve_works
from storyline.stages.quantities import find_quantities

QUOTE_PREFERENCE: dict[QuoteKind, int] = {"direct": 2, "mixed": 1, "indirect": 0}
# Speaker entity types that a later "he"/"she" cannot refer to.
NON_PERSON_LABELS = frozenset({"ORG", "GPE", "LOC", "FAC"})
ID_LETTERS: dict[ClaimKind, str] = {"statement": "c", "act": "a"}
PLURAL_TAGS = frozenset({"NNS", "NNPS"})


def extract_claims(
    parsed: ParsedArticle, time_expressions: Sequence[TimeExpr], *, resolve_pronouns: bool = True
) -> list[Claim]:
    """Every attribution in the article, in text order, ids ``{article.id}:c1``, ``:c2`` … (acts ``:a1`` …)

    ``resolve_pronouns=False`` keeps "he"/"she" and a relative "who" as the speaker span (corpora such as
    PolNeAR annotate the pronoun, not the person it stands for)."""
    doc, article, text = parsed.doc, parsed.article, parsed.article.text
    if doc.text != text:
        raise ValueError(f"{article.source}: the parse is not of the article's cleaned text")
    lexicon = claim_lexicon()
    quotes = [_trim_dash_quote(quote, doc, text, lexicon) for quote in find_quote_spans(text)]
    context = ParseContext.build(
        doc, text, [quote for quote in quotes if quote.inner_start < quote.inner_end], lexicon
    )
    found = cue_word_attributions(context) + quote_attributions(context)
    found += colon_line_attributions(context)
    found += continued_quotes(context, found)
    found += hedge_adverb_attributions(context, found)
    found += agentless_attributions(context, found)
    # --- learned cues (issue #16): what the rules missed, proposed by models trained on PolNeAR ---
    found += learned_attributions(context, found)
    found += quoted_label_attributions(context, found)  # "called the judge a “hater …”": a statement
    found = [attribution for attribution in found if not _numeral_speaker(doc, attribution)]
    found = with_run_on_content(context, found)  # before acts are set apart: their cues bound it too
    found = [_judgment_as_statement(doc, attribution, lexicon) for attribution in found]
    # acts ("voted to strike", "is expected to attend") join once the statements are settled
    acts = [attribution for attribution in found if attribution.kind == "act"]
    found = [attribution for attribution in found if attribution.kind == "statement"]
    found = split_propositions(context, found)  # "said A and that B": two claims (the ledger's positions)
    found += continued_quotes(context, found)  # "“A,” he continued. “B.”" after a learned cue too
    found = relayed_reports(context, found)  # "cites a Times report that …": the Times' claim
    found = message_writers(context, found)  # "reported on a memo from the aide: “…”": the aide's words
    found = name_relays(doc, _merge(found), lexicon)
    if resolve_pronouns:
        found = resolve_descriptions(doc, _resolve_speakers(doc, text, lexicon, found), lexicon)
        found = resolve_works(doc, found, lexicon)  # "the spot" → the campaign that made it
    else:
        found = [_unresolved_relative(doc, attribution) for attribution in found]
    found += continued_reports(doc, text, found, lexicon)
    found = _fold_nested_first_person(doc, text, _merge(found))
    found = drop_quoted_nested(drop_nested_intentions(doc, found, lexicon))
    found = chain_attributions(doc, text, found, lexicon)
    found = [_request_as_act(doc, attribution, lexicon) for attribution in found]
    found = reported_within_quotes(context, found)
    found += _settled_acts(doc, text, lexicon, found, acts, resolve_pronouns)
    found.sort(key=lambda a: (min(a.cue[0], a.content[0]), a.content[0], a.cue[0]))
    # Acts are numbered apart (":a1" …), so a statement's id is the same whether or not acts were found.
    numbers = {"statement": 0, "act": 0}
    claims = []
    for attribution in found:
        numbers[attribution.kind] += 1
        claim_id = f"{article.id}:{ID_LETTERS[attribution.kind]}{numbers[attribution.kind]}"
        claims.append(_claim(parsed, claim_id, attribution, time_expressions, context))
    return claims


# Words after a number that make it a share of people ("42% say …"), who may speak.
SHARE_WORDS = frozenset({"%", "percent", "per"})


def _numeral_speaker(doc: Doc, attribution: Attribution) -> bool:
    """Whether the speaker's words are a number only ("40", "forty-two", "1,200"): a count before a
    participle ("In Ohio, 40 pledged delegates … were at stake") parsed as the subject of a cue verb. A
    number is never a speaker, so the verb is no cue there; "three of the officials" keeps its noun, "one"
    is a pronoun as often, and a share of people ("42% say") is the people."""
    if attribution.speaker is None:
        return False
    words = doc.char_span(*attribution.speaker, alignment_mode="expand")
    if words is None or len(words) == 0 or words.text.lower() == "one":
        return False  # "One says …, another says …": a pronoun
    after = doc[words.end].lower_ if words.end < len(doc) else ""
    if after in SHARE_WORDS:
        return False  # "42% say they are liberal": a poll's share of respondents
    return all(token.like_num or token.text == "-" for token in words)


def _judgment_as_statement(doc: Doc, attribution: Attribution, lexicon: ClaimLexicon) -> Attribution:
    """ "Representative Mike Coffman … denounced Mr. Trump's remarks": a verb of judgment (lexicon
    ``judgment_verbs``) on someone's words (``utterance_nouns``, the head of the content) states the
    speaker's view of them, a statement rather than an act."""
    if attribution.kind != "act" or attribution.speaker is None:
        return attribution
    cue = doc[attribution.anchor]
    particles = [c.lower_ for c in cue.children if c.dep_ == "prt"]
    verb = " ".join([cue.lemma_.lower(), *particles])
    content = doc.char_span(*attribution.content, alignment_mode="expand")
    if verb not in lexicon.judgment_verbs or content is None:
        return attribution
    if content.root.lemma_.lower() not in lexicon.utterance_nouns:
        return attribution
    return dataclasses.replace(attribution, kind="statement")


def _request_as_act(doc: Doc, attribution: Attribution, lexicon: ClaimLexicon) -> Attribution:
    """ "asked the Justice Department to investigate …": what is asked for is no proposition the asker holds
    true, so a request (lexicon ``request_verbs``) is an act, and its sentence is the outlet's to state. Set
    once the statements are settled: as a statement it folded the verbs inside its content ("urged
    colleagues to reject the bill" holds no rejection of the senator's)."""
    if attribution.quote == "direct" or doc[attribution.anchor].lemma_.lower() not in lexicon.request_verbs:
        return attribution
    return dataclasses.replace(attribution, kind="act")


def _settled_acts(
    doc: Doc,
    text: str,
    lexicon: ClaimLexicon,
    statements: list[Attribution],
    acts: list[Attribution],
    resolve_pronouns: bool,
) -> list[Attribution]:
    """Acts join once the statements are settled, so they never change a statement's speaker, content or
    modality (what the ledger weighs); an act touching a statement's cue or content is dropped, and a "he"
    acting becomes the person named before, as a speaker would."""
    taken = [span for statement in statements for span in (statement.cue, statement.content)]
    free = [
        act
        for act in _merge(acts)
        if not any(spans_overlap(act.cue, s) or spans_overlap(act.content, s) for s in taken)
    ]
    if not resolve_pronouns or not free:
        return free
    return [a for a in _resolve_speakers(doc, text, lexicon, [*statements, *free]) if a.kind == "act"]


# --- dash quotations ----------------------------------------------------------------------------------------


def _trim_dash_quote(quote: QuoteSpan, doc: Doc, text: str, lexicon: ClaimLexicon) -> QuoteSpan:
    """A dash quotation runs to the line end in text; cut it before a trailing ", he argues" or before
    a sentence of narration that starts with a speaker and a cue verb ("Landsbergis said this …")."""
    if quote.kind != "dash":
        return quote
    span = doc.char_span(quote.inner_start, quote.inner_end, alignment_mode="expand")
    if span is None:
        return quote
    for sentence in _sentences_in(doc, span):
        cut = _trailing_attribution_start(sentence, lexicon)
        if cut is None and sentence.start_char > quote.inner_start and _opens_with_speaker(sentence, lexicon):
            cut = sentence.start_char
        if cut is not None:
            start, end = trim_span(text, quote.inner_start, cut)
            return dataclasses.replace(quote, end=cut, inner_start=start, inner_end=end)
    return quote


def _sentences_in(doc: Doc, span: Span) -> list[Span]:
    sentences = []
    for sentence in doc.sents:
        if sentence.end > span.start and sentence.start < span.end:
            sentences.append(doc[max(sentence.start, span.start) : min(sentence.end, span.end)])
    return sentences


def _trailing_attribution_start(sentence: Span, lexicon: ClaimLexicon) -> int | None:
    """Where ", he argues." begins at the end of ``sentence``, if it ends so."""
    words = [token for token in sentence if not token.is_punct or token.text == ","]
    commas = [index for index, token in enumerate(words) if token.text == ","]
    if not commas or len(words) - commas[-1] - 1 > MAX_TRAILING_TOKENS:
        return None
    tail = words[commas[-1] + 1 :]
    for token in tail:
        if token.pos_ == "VERB" and token.lemma_.lower() in lexicon.reporting_verbs:
            subject = subject_of(token, lexicon)
            if subject is not None and subject.i in {t.i for t in tail}:
                return words[commas[-1]].idx
    return None


def _opens_with_speaker(sentence: Span, lexicon: ClaimLexicon) -> bool:
    for token in sentence:
        if token.pos_ == "VERB" and token.lemma_.lower() in lexicon.reporting_verbs:
            subject = subject_of(token, lexicon)
            return (
                subject is not None
                and subject.left_edge.i == sentence.start
                and subject.lower_ not in lexicon.first_person
            )
    return False


# --- speakers -----------------------------------------------------------------------------------------------


def _resolve_speakers(
    doc: Doc, text: str, lexicon: ClaimLexicon, found: list[Attribution]
) -> list[Attribution]:
    """ "he"/"she" → the speaker of the cue before it in its sentence or the one before, when that speaker
    is one person of the pronoun's gender as far as the article tells (``_parallel_speaker``); else the
    nearest person named before as a subject or a speaker: a PERSON entity that is a subject, or an earlier
    claim's speaker that is not an organisation or place and not inside a quote, or an owner named earlier
    in the pronoun's sentence (``coref.possessors_before``). Objects are left out ("the deal with Kim … he
    believes" is not Kim), and so are other claims' quoted words, and anyone the claim's content names (a
    pronoun never binds a name it governs). A pronoun in what someone was asked about is the person asked
    (``coref.person_asked``). A pronoun no one named explains is no speaker (issue #14: "He"
    stood in the ledger as a source of its own); a relative "who" is the name its clause describes."""
    quoted = [a.content for a in found if a.quote == "direct"]
    entities = tuple(doc.ents)  # once: spaCy builds the spans anew on each read, and every pronoun reads them
    persons = [
        speaker_span(ent.root) or (ent.start_char, ent.end_char)  # with the title: "Mayor Anna Berg"
        for ent in entities
        if ent.label_ == "PERSON" and _is_subject(ent.root) and not _inside_any(ent.start_char, quoted)
    ]
    surnames = person_surnames(entities)
    persons += [
        (token.idx, token.idx + len(token))
        for token in doc
        if token.text in surnames
        and token.pos_ in ("PROPN", "NOUN")  # "Woods continued …" opens a sentence tagged as a noun
        and _is_subject(token)
        and token.ent_type_ != "PERSON"
        and not _inside_any(token.idx, quoted)
    ]
    resolved: list[Attribution] = []
    names_a_person = _PersonSpeakers(doc, text, lexicon, surnames)
    genders = KnownGenders(text, lexicon, entities)
    headings: set[str] = set()  # the pronouns that opened a one-paragraph sentence so far (list items)
    for attribution in sorted(found, key=lambda a: a.cue[0]):
        attribution = utterance_owner(doc, relative_antecedent(doc, attribution), lexicon)
        speaker = attribution.speaker
        quote = next((q for q in quoted if q[0] <= attribution.cue[0] < q[1]), None)
        is_pronoun = speaker is not None and text[speaker[0] : speaker[1]].lower() in lexicon.third_person
        if speaker is not None and is_pronoun and quote is not None:
            # inside a quotation "he" is someone the quoted speaker talks about, named in the quote
            named = [
                (e.start_char, e.end_char)
                for e in doc.ents
                if e.label_ == "PERSON" and quote[0] <= e.start_char and e.end_char <= speaker[0]
            ]
            if named:
                attribution = dataclasses.replace(attribution, speaker=named[-1])
        elif speaker is not None and is_pronoun:
            pronoun = text[speaker[0] : speaker[1]].lower()
            heading = _opens_list_item(doc, text, attribution)
            attribution = _resolve_pronoun(
                _PronounContext(doc, text, lexicon, quoted, entities, persons, names_a_person, genders),
                attribution,
                resolved,
                list_item=heading and pronoun in headings,
            )
            if heading:
                headings.add(pronoun)
        resolved.append(attribution)
    return resolved


@dataclass(frozen=True)
class _PronounContext:
    """What resolving one pronoun reads: the article, its quotations, the people named as subjects before,
    and what the article told so far of who is a person and of which gender."""

    doc: Doc
    text: str
    lexicon: ClaimLexicon
    quoted: list[CharSpan]
    entities: tuple[Span, ...]
    persons: list[CharSpan]
    names_a_person: _PersonSpeakers
    genders: KnownGenders


def _opens_list_item(doc: Doc, text: str, attribution: Attribution) -> bool:
    """Whether the pronoun speaker opens a paragraph that is one sentence: a list item or subhead ("He
    implied a federal judge was biased …" between paragraphs of a list of what a candidate said)."""
    assert attribution.speaker is not None
    start = attribution.speaker[0]
    if start > 0 and text[start - 1] != "\n":
        return False
    paragraph_end = text.find("\n", start)
    # the parser may join the paragraph break (and a photo credit after it) to the sentence
    return doc[attribution.anchor].sent.end_char >= (paragraph_end if paragraph_end >= 0 else len(text))


def _salient(text: str, candidates: list[CharSpan]) -> CharSpan:
    """The latest mention of the person the candidates name most often (by surname): the article's subject."""
    counts = Counter(surname_of(text, c) for c in candidates)
    most = max(counts.values())
    return max((c for c in candidates if counts[surname_of(text, c)] == most), key=lambda c: c[1])


def _resolve_pronoun(
    context: _PronounContext,
    attribution: Attribution,
    resolved: list[Attribution],
    *,
    list_item: bool = False,
) -> Attribution:
    """The attribution of a "he"/"she" with its speaker resolved (``_resolve_speakers``), or with none.

    ``list_item``: the pronoun opens a one-sentence paragraph after another that opened with it (a list
    of what one person said, each item headed "He said …"); it is the person the article names most, not
    the nearest one the paragraph before quoted (issue #14: a list item about Trump given to Calderón)."""
    doc, text, quoted = context.doc, context.text, context.quoted
    speaker = attribution.speaker
    assert speaker is not None
    pronoun = text[speaker[0] : speaker[1]].lower()
    gender = "feminine" if pronoun in context.lexicon.feminine_pronouns else "masculine"
    owners = possessors_before(doc, speaker, quoted, context.entities)
    earlier = [
        a.speaker
        for a in resolved
        if a.speaker is not None
        and context.names_a_person(a.speaker)
        and not names_no_one_person(doc, a.speaker)
        and not _inside_any(a.speaker[0], quoted)
    ]
    named_inside = surnames_in(text, attribution.content, context.entities)
    before = [
        c
        for c in context.persons + owners + earlier
        if c[1] <= speaker[0]
        and context.genders.may_be(c, gender)
        and surname_of(text, c) not in named_inside
    ]
    parallel = _parallel_speaker(doc, attribution, resolved, quoted, context.names_a_person)
    sentence_start = doc[attribution.anchor].sent.start_char
    if parallel is not None and (
        surname_of(text, parallel) in named_inside
        # the sentence's own owner beats a subject of the sentence before
        or (parallel[0] < sentence_start and any(c in before for c in owners))
    ):
        parallel = None
    asked = _asked(context, attribution, gender, named_inside)
    if asked is not None:
        found: CharSpan | None = asked
    elif list_item and before:
        found = _salient(text, before)
    elif parallel is not None and context.genders.may_be(parallel, gender):
        found = parallel
    elif before:
        found = max(before, key=lambda c: c[1])
    else:
        found = None  # no one the article named: only the outlet knows who, and a pronoun is no source
    if found is not None:
        context.genders.learn(found, gender)
    return dataclasses.replace(attribution, speaker=found)


def _asked(
    context: _PronounContext, attribution: Attribution, gender: str, named_inside: set[str]
) -> CharSpan | None:
    """The person the pronoun's clause tells what they were asked about (``coref.person_asked``), when of
    the pronoun's gender and not named inside the claim."""
    asked = person_asked(context.doc[attribution.anchor], context.lexicon)
    if asked is None:
        return None
    span = speaker_span(asked) or (asked.idx, asked.idx + len(asked))
    fits = context.genders.may_be(span, gender) and surname_of(context.text, span) not in named_inside
    return span if fits else None


def _parallel_speaker(
    doc: Doc,
    attribution: Attribution,
    earlier: list[Attribution],
    quoted: list[CharSpan],
    names_a_person: _PersonSpeakers,
) -> CharSpan | None:
    """ "While Comey said there was evidence that Clinton was careless, he said …": the second cue's "he" is
    the first cue's speaker (parallel subjects), not the nearer name inside the first claim. Taken from the
    last cue before the pronoun in its sentence or the sentence before, outside quotations, when its
    speaker is one person (not a plural or coordinated noun phrase)."""
    speaker = attribution.speaker
    if speaker is None:
        return None
    sentence = doc[attribution.anchor].sent
    window_start = doc[sentence.start - 1].sent.start_char if sentence.start > 0 else sentence.start_char
    cues = [
        a
        for a in earlier
        if window_start <= a.cue[0] and a.cue[1] <= speaker[0] and not _inside_any(a.cue[0], quoted)
    ]
    if not cues:
        return None
    last = max(cues, key=lambda a: a.cue[0])
    if last.speaker is None or not names_a_person(last.speaker) or not _one_person(doc, last.speaker):
        return None
    return last.speaker


def _one_person(doc: Doc, speaker: CharSpan) -> bool:
    """A singular noun phrase: not "officials", not "Trump and Pence"."""
    span = doc.char_span(*speaker, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    return root.tag_ not in PLURAL_TAGS and not any(child.dep_ == "conj" for child in root.children)


def _unresolved_relative(doc: Doc, attribution: Attribution) -> Attribution:
    """ "Jeb Bush, who said …": the parse gives the clause's antecedent as its speaker; unresolved, the
    speaker is the relative pronoun itself."""
    cue = doc[attribution.anchor]
    pronouns = [c for c in cue.children if c.dep_ in SUBJECT_DEPS and c.tag_ == "WP"]
    if cue.dep_ != "relcl" or not pronouns or attribution.speaker != speaker_span(cue.head, cue):
        return attribution
    pronoun = pronouns[0]
    return dataclasses.replace(attribution, speaker=(pronoun.idx, pronoun.idx + len(pronoun)))


def person_surnames(entities: Sequence[Span]) -> frozenset[str]:
    """The surnames of the people the article names in full ("Dorothy Woods" → "Woods"): the recogniser
    labels the lone surname later in the article ORG or nothing as often as PERSON ("Woods continued …"),
    and a "she" after it would go to a person named before her."""
    return frozenset(
        ent[-1].text
        for ent in entities
        if ent.label_ == "PERSON" and len(ent) > 1 and ent[-1].pos_ == "PROPN" and ent[-1].text.istitle()
    )


def _is_subject(token: Token) -> bool:
    """A subject, or a name in apposition to one ("the head of …, Kyrylo Budanov, confirmed")."""
    return token.dep_ in ("nsubj", "nsubjpass") or (
        token.dep_ == "appos" and token.head.dep_ in ("nsubj", "nsubjpass")
    )


def _inside_any(offset: int, spans: list[CharSpan]) -> bool:
    return any(start <= offset < end for start, end in spans)


class _PersonSpeakers:
    """Whether a speaker span names a person (not a pronoun of the lexicon, not inside an organisation or
    place entity). Asked for every earlier speaker at every pronoun, so answers are kept per span and the
    doc's entities are read once (``doc.ents`` builds new spans on each access)."""

    def __init__(self, doc: Doc, text: str, lexicon: ClaimLexicon, surnames: frozenset[str]) -> None:
        self.doc, self.text, self.lexicon = doc, text, lexicon
        # a lone surname of a person named before is that person, whatever label it got ("Woods" as ORG)
        self.non_persons = [
            (ent.start, ent.end)
            for ent in doc.ents
            if ent.label_ in NON_PERSON_LABELS and ent.text not in surnames
        ]
        self.known: dict[CharSpan, bool] = {}

    def __call__(self, speaker: CharSpan) -> bool:
        if speaker not in self.known:
            self.known[speaker] = self._names_a_person(speaker)
        return self.known[speaker]

    def _names_a_person(self, speaker: CharSpan) -> bool:
        words = self.text[speaker[0] : speaker[1]].lower()
        if words in self.lexicon.third_person or words in self.lexicon.first_person:
            return False
        span = self.doc.char_span(*speaker, alignment_mode="expand")
        if span is None:
            return True
        # "It", "which", "a statement", "the report": a pronoun or a document speaks, no one "he" can be
        lemma = span.root.lemma_.lower()
        if span.root.pos_ == "PRON" or lemma in self.lexicon.report_nouns or lemma in self.lexicon.work_kinds:
            return False
        return not any(start <= span.root.i < end for start, end in self.non_persons)


def _fold_nested_first_person(doc: Doc, text: str, found: list[Attribution]) -> list[Attribution]:
    """A cue inside another claim's content with no speaker of its own, or "we"/"I" inside a quotation
    ("We have no evidence …," said Rutte), belongs to the outer speaker. When the outer content is that one
    sentence, the nested claim is the outer claim itself: its modality goes to the outer claim and it is
    dropped; in a longer quotation it stays, as the outer speaker's."""
    lexicon = claim_lexicon()
    dropped: set[int] = set()
    modality_of: dict[int, Modality | None] = {}
    speaker_of: dict[int, CharSpan | None] = {}
    for outer_index, outer in enumerate(found):
        single_sentence = _sentence_count(doc, outer.content) == 1
        for inner_index, inner in enumerate(found):
            if inner_index == outer_index or not outer.content[0] <= inner.cue[0] < outer.content[1]:
                continue
            words = text[inner.speaker[0] : inner.speaker[1]].lower() if inner.speaker else None
            first_person = outer.quote == "direct" and words in lexicon.first_person
            if single_sentence and inner.cue_modality is not None and (first_person or words is None):
                dropped.add(inner_index)
                current = modality_of.get(outer_index, outer.cue_modality)
                modality_of[outer_index] = stronger(current, inner.cue_modality)
            elif first_person:
                speaker_of[inner_index] = outer.speaker
    folded = []
    for index, attribution in enumerate(found):
        if index in dropped:
            continue
        if index in modality_of:
            attribution = dataclasses.replace(attribution, cue_modality=modality_of[index])
        if index in speaker_of:
            attribution = dataclasses.replace(attribution, speaker=speaker_of[index])
        folded.append(attribution)
    return folded


def _sentence_count(doc: Doc, content: CharSpan) -> int:
    span = doc.char_span(*content, alignment_mode="expand")
    return 0 if span is None else len({token.sent.start for token in span})


# --- merging ------------------------------------------------------------------------------------------------


def _merge(found: list[Attribution]) -> list[Attribution]:
    """One claim per speaker and content (the earliest cue, the strongest modality); and per cue and
    speaker, one of overlapping contents (a quotation over a partial parse of it)."""
    by_content: dict[tuple[CharSpan | None, CharSpan], Attribution] = {}
    for attribution in sorted(found, key=lambda a: a.cue[0]):
        key = (attribution.speaker, attribution.content)
        if key in by_content:
            kept = by_content[key]
            by_content[key] = dataclasses.replace(
                kept, cue_modality=stronger(kept.cue_modality, attribution.cue_modality)
            )
        else:
            by_content[key] = attribution
    merged: list[Attribution] = []
    for attribution in by_content.values():
        rival = next(
            (
                m
                for m in merged
                if m.cue == attribution.cue
                and m.speaker == attribution.speaker
                and spans_overlap(m.content, attribution.content)
            ),
            None,
        )
        if rival is None:
            merged.append(attribution)
        elif _preference(attribution) > _preference(rival):
            merged[merged.index(rival)] = attribution
    return merged


def _preference(attribution: Attribution) -> tuple[int, int]:
    return QUOTE_PREFERENCE[attribution.quote], attribution.content[1] - attribution.content[0]


# --- records ------------------------------------------------------------------------------------------------


def _claim(
    parsed: ParsedArticle,
    claim_id: str,
    attribution: Attribution,
    time_expressions: Sequence[TimeExpr],
    context: ParseContext,
) -> Claim:
    text = parsed.article.text
    start, end = attribution.content
    start = after_lead_dateline(text, start, end)
    speaker, via = attribution.speaker, attribution.via
    return Claim(
        id=claim_id,
        article=parsed.article.id,
        text=text[start:end],
        start=start,
        end=end,
        cue=text[attribution.cue[0] : attribution.cue[1]],
        cue_start=attribution.cue[0],
        cue_end=attribution.cue[1],
        speaker_text=text[speaker[0] : speaker[1]] if speaker else None,
        speaker_start=speaker[0] if speaker else None,
        speaker_end=speaker[1] if speaker else None,
        quote=attribution.quote,
        modality=content_modality(context, attribution),
        quantities=tuple(
            find_quantities(parsed.doc, start, end, text=context.text, token_starts=context.token_starts)
        ),
        times=tuple(t for t in time_expressions if start <= t.start and t.end <= end),
        via_text=text[via[0] : via[1]] if via else None,
        via_start=via[0] if via else None,
        via_end=via[1] if via else None,
        kind=attribution.kind,
    )
