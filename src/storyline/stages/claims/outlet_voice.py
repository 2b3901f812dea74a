"""Claims in the outlet's own voice: what an article asserts in its narration, with no one it attributes to.

News states much of what a ledger weighs without a cue ("Comey will testify before the House Oversight
Committee on Thursday"); the ledger counts such a sentence as the outlet's position. A sentence becomes an
outlet-voice claim only when no statement attributed already touches it (content, cue, or a speaker named in
the cue's sentence: a "he" resolved to a name earlier leaves that sentence to the outlet; an act
such as "the union voted to strike" leaves the sentence to the outlet's voice), it is a statement
(ends with a full stop, holds a finite verb, is not a question, stays on one line), it holds no quotation
marks (quoted words with no speaker are not the outlet's) and it has enough words to say something. A
dateline ("WASHINGTON (AP) —") is cut from the front: it says where the outlet wrote from, never who speaks;
an attribution whose "speaker" is only a dateline becomes an outlet-voice claim too, and so does one whose
"speaker" is a finding the outlet reports ("73 percent said …", "the poll shows …": lexicon
``finding_heads``), the finding kept as ``via_text``.

An outlet-voice claim has no speaker and an empty cue at its start (``Claim.outlet_voice``); its id is
``{article.id}:v{n}`` so attribution ids stay as the claims stage numbers them.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from storyline.records import Claim, Modality, ParsedArticle, TimeExpr
from storyline.stages.claims.datelines import lead_dateline_length
from storyline.stages.claims.framing import with_framing
from storyline.stages.claims.letters import with_letter_writers
from storyline.stages.claims.lexicon import claim_lexicon
from storyline.stages.claims.modality import predicate_modality
from storyline.stages.claims.posts import embedded_posts, with_post_authors
from storyline.stages.claims.quotes import find_quote_spans
from storyline.stages.claims.spans import as_outlet_voice
from storyline.stages.quantities import find_quantities

ONLY_DATELINE = re.compile(r"^\s*[A-Z][A-Z .,'’-]{2,}\s*(?:\([A-Za-z .]+\))?\s*[—–-]*\s*$")
QUOTATION_MARKS = frozenset('"“”')
TRANSCRIPT_LEAD = re.compile(r"(?m)^[ \t\"“]*([A-Z][A-Z'’-]+(?: [A-Z][A-Z'’-]+)?):")
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
SUBJECTS = frozenset({"nsubj", "nsubjpass"})
# A quotation of more words than this is no name of a show or a work (``_without_quoted_titles``).
MAX_TITLE_WORDS = 6
# Fewer words than this rarely state a checkable fact ("Not so.", "That changed.").
MIN_WORDS = 6


def outlet_voice_claims(
    parsed: ParsedArticle, claims: Sequence[Claim], times: Sequence[TimeExpr]
) -> list[Claim]:
    """The attributions with dateline speakers turned into outlet-voice claims, the outlet's own
    claims on contents it calls false (``claims.framing``), then the article's unattributed statements as
    outlet-voice claims, in text order; on a letters page those in a signed letter are its writer's
    (``claims.letters``)."""
    surnames = _person_surnames(parsed.doc) | _transcript_leads(parsed.article.text)
    kept = [
        _unless_own_announcement(
            _unless_no_voice(_unless_dateline_speaker(claim, surnames), parsed.doc), parsed.doc
        )
        for claim in claims
        if _keeps(claim)
    ]
    kept = [_unless_factive(claim, parsed.doc, kept) for claim in kept]
    # Doc.text joins every token again at each read: read once here, not once a claim or a sentence (a
    # read per claim and per sentence was most of this stage's CPU).
    doc_text = parsed.doc.text
    # An act ("the union voted to strike") leaves its sentence free: the outlet narrates the act itself.
    taken = [
        span
        for claim in kept
        if claim.kind == "statement"
        for span in _spans(claim, parsed.doc, len(doc_text))
    ]
    found: list[Claim] = []
    # Read once: each sentence's quantities are looked up by bisecting the tokens' offsets (a pass over the
    # whole doc per sentence made this stage quadratic in the article's length).
    token_starts = [token.idx for token in parsed.doc]
    # An embedded post is its author's statement as a whole, even where it reports someone else's words
    # ("… a campaign hat that says “…”"): its sentences are claimed whatever lies inside them.
    posts = embedded_posts(parsed.doc, doc_text)
    taken = [span for span in taken if not any(_inside(span, post.body) for post in posts)]
    for sentence in _statement_units(parsed.doc, doc_text):
        if any(start < sentence.end_char and sentence.start_char < end for start, end in taken):
            continue
        start = sentence.start_char + lead_dateline_length(sentence.text)
        if _is_statement(sentence, parsed.article.text[start : sentence.end_char]):
            found.append(_claim(parsed, len(found) + 1, (start, sentence.end_char), times, token_starts))
    # the outlet's own side on what it reports false ("erroneously suggested …"), beside the report
    claims_found = sorted([*with_framing(parsed, kept), *found], key=lambda claim: (claim.start, claim.id))
    # on a letters page the unattributed sentences are the letter writers', not the outlet's
    # and in an embedded post they are its author's (``claims.posts``)
    return with_post_authors(doc_text, with_letter_writers(parsed.doc, doc_text, claims_found), posts)


def _inside(span: tuple[int, int], outer: tuple[int, int]) -> bool:
    return outer[0] <= span[0] and span[1] <= outer[1]


def _statement_units(doc: Doc, text: str) -> list[Span]:
    """The parse's sentences, one cut mid-line where no sentence ends joined to the next: the parser split
    "… 46 percent would choose Clinton and 44 percent would back | Trump, while 5 percent prefer …" (PolNeAR
    first-debate), and the first half, ending on no full stop, was no statement while the second lost the
    shares before it (issue #14). ``text``: the doc's text."""
    units: list[Span] = []
    for sentence in doc.sents:
        previous = units[-1] if units else None
        if previous is not None and _runs_on(previous, sentence, text):
            units[-1] = doc[previous.start : sentence.end]
        else:
            units.append(sentence)
    return [_without_next_opening_mark(line, text) for unit in units for line in _lines(unit)]


def _without_next_opening_mark(unit: Span, text: str) -> Span:
    """``unit`` without a quotation mark at its end that opens the next sentence: the parser put the
    mark of "… patrol the border. ''But you don't know …,'' said …" (the New York Times' doubled marks)
    at the end of the narration before it, which then ended on no full stop and was no statement
    (PolNeAR mexico-visit-wall, issue #14). The mark opens when no space parts it from the next word.
    ``text``: the doc's text."""
    last = unit[-1] if len(unit) > 1 else None
    after = unit.end_char
    opens_next = (
        last is not None
        and last.is_quote
        and not last.whitespace_
        and after < len(text)
        and not text[after].isspace()
        and unit[-2].text in ".!?"
    )
    return unit.doc[unit.start : unit.end - 1] if opens_next else unit


def _lines(unit: Span) -> list[Span]:
    """``unit`` cut at its line breaks, the whitespace between left out. The parser ran two paragraphs into
    one sentence (PolNeAR first-debate: a paragraph of three polling averages' leads, a blank line, one of
    a battleground-states average's lead): spanning lines, neither paragraph was a statement, and both
    paragraphs' figures were lost to the ledger. PolNeAR dev ledger: covered 85 -> 87/89."""
    lines: list[Span] = []
    start: int | None = None
    for token in unit:
        if token.is_space and "\n" in token.text:
            if start is not None:
                lines.append(unit.doc[start : token.i])
            start = None
            continue
        start = token.i if start is None else start
        if "\n" in token.whitespace_:
            lines.append(unit.doc[start : token.i + 1])
            start = None
    if start is not None:
        lines.append(unit.doc[start : unit.end])
    return lines


def _runs_on(sentence: Span, following: Span, doc_text: str) -> bool:
    """Whether ``sentence`` stops mid-line on a word (no punctuation ending it), ``following`` on its line.
    A heading in capitals run into the text ("HILLARY CLINTON IS FEELING THE BERN As the race …") stays
    apart: it ends on a word too, but nothing of it runs on."""
    text = sentence.text.rstrip()
    between = doc_text[sentence.end_char : following.start_char]
    return (
        bool(text)
        and text[-1].isalnum()
        and "\n" not in sentence.text + between
        and not all(token.text.isupper() for token in sentence if token.is_alpha)
    )


def _keeps(claim: Claim) -> bool:
    """An act whose only "speaker" is a dateline is a misparse, not an act of the outlet's."""
    speaker = claim.speaker_text
    return claim.kind == "statement" or speaker is None or not ONLY_DATELINE.match(speaker)


def _spans(claim: Claim, doc: Doc, length: int) -> list[tuple[int, int]]:
    """The claim's content and cue, and its speaker when named in the cue's sentence. A speaker resolved
    from a pronoun stands where the person was named, in an earlier sentence of the outlet's own ("The judge
    Trump was referring to is Gonzalo Curiel …. He insisted …": PolNeAR curiel, issue #14); that sentence
    was left with no claim at all. ``length``: the length of the doc's text."""
    spans = [(claim.start, claim.end), (claim.cue_start, claim.cue_end)]
    speaker = claim.speaker_start, claim.speaker_end
    if (
        speaker[0] is not None
        and speaker[1] is not None
        and _sentence_start(doc, speaker[0], length) == _sentence_start(doc, claim.cue_start, length)
    ):
        spans.append((speaker[0], speaker[1]))
    return spans


def _sentence_start(doc: Doc, offset: int, length: int) -> int | None:
    span = doc.char_span(offset, min(offset + 1, length), alignment_mode="expand")
    return None if span is None or not len(span) else span[0].sent.start_char


def _unless_dateline_speaker(claim: Claim, surnames: frozenset[str] = frozenset()) -> Claim:
    """ "WASHINGTON (AP) — Clinton said …" parsed with the dateline as speaker: the outlet speaks. A
    transcript's "PENCE: …" is no dateline: a capitalised lead before a colon that is the surname of a person
    the article names or a lead of two lines or more (``surnames``) stays the speaker."""
    if claim.speaker_text is None or not ONLY_DATELINE.match(claim.speaker_text):
        return claim
    if claim.cue == ":" and claim.speaker_text.strip().title() in surnames:
        return claim
    return as_outlet_voice(claim)


def _transcript_leads(text: str) -> frozenset[str]:
    """The capitalised leads before a colon that open two lines or more ("WALLACE: …", "PENCE: …", in the
    title case ``_unless_dateline_speaker`` compares): a transcript's speakers, whom the recogniser may not
    know as people (PolNeAR first-debate: "WALLACE:" lines went to the outlet); a dateline opens one line."""
    leads = Counter(match.group(1).title() for match in TRANSCRIPT_LEAD.finditer(text))
    return frozenset(lead for lead, count in leads.items() if count >= 2)


def _person_surnames(doc: Doc) -> frozenset[str]:
    """The last words of the people the parse names ("Mike Pence" → "Pence")."""
    return frozenset(ent[-1].text for ent in doc.ents if ent.label_ == "PERSON")


def _outlet_voice_via_speaker(claim: Claim) -> Claim:
    """The claim as the outlet's statement, its speaker kept as who it came through (``via_text``)."""
    return dataclasses.replace(
        as_outlet_voice(claim),
        via_text=claim.speaker_text,
        via_start=claim.speaker_start,
        via_end=claim.speaker_end,
    )


def _unless_no_voice(claim: Claim, doc: Doc) -> Claim:
    """ "73 percent said …", "the Reuters/Ipsos poll shows …", "initial estimates put …": a statement whose
    "speaker" is a finding (its head noun in the lexicon's ``finding_heads``) is the outlet's, reporting the
    finding; the finding stays as what the outlet had it through (``via_text``)."""
    if claim.kind != "statement" or claim.speaker_start is None or claim.speaker_end is None:
        return claim
    speaker = doc.char_span(claim.speaker_start, claim.speaker_end, alignment_mode="expand")
    if speaker is None or speaker.root.lemma_.lower() not in claim_lexicon().finding_heads:
        return claim
    return _outlet_voice_via_speaker(claim)


def _unless_own_announcement(claim: Claim, doc: Doc) -> Claim:
    """ "Debbie Wasserman Schultz announced Sunday she will resign her post": an announcement of the
    announcer's own coming act (lexicon ``self_announcing_verbs``; the content's subject a "he"/"she", its
    verb future) is the act itself, which the outlet reports in its own voice; the announcer stays as who it
    came through (``via_text``)."""
    lexicon = claim_lexicon()
    if claim.kind != "statement" or claim.quote != "indirect" or claim.speaker_text is None:
        return claim
    cue = doc.char_span(claim.cue_start, claim.cue_end, alignment_mode="expand")
    content = doc.char_span(claim.start, claim.end, alignment_mode="expand")
    if cue is None or content is None or cue.root.lemma_.lower() not in lexicon.self_announcing_verbs:
        return claim
    verb = content.root
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    future = any(c.dep_ == "aux" and c.lower_ in lexicon.future_auxiliaries for c in verb.children)
    if not future or not subjects or subjects[0].lower_ not in ("he", "she"):
        return claim
    return _outlet_voice_via_speaker(claim)


def _unless_factive(claim: Claim, doc: Doc, claims: Sequence[Claim]) -> Claim:
    """ "He knows this scam will hurt him": the clause under a factive verb (lexicon ``factive_verbs``) is
    what the writer holds true, no statement of the subject's; the outlet states it. A finite clause only, not
    an embedded question ("does not know whether …"), a quotation, or a cue inside another speaker's words
    (theirs to hold)."""
    lexicon = claim_lexicon()
    if claim.kind != "statement" or claim.outlet_voice or claim.quote == "direct":
        return claim
    cue = doc.char_span(claim.cue_start, claim.cue_end, alignment_mode="expand")
    if cue is None or cue.root.lemma_.lower() not in lexicon.factive_verbs:
        return claim
    content = doc.char_span(claim.start, claim.end, alignment_mode="expand")
    if content is None or not any(token.tag_ in FINITE_TAGS for token in content):
        return claim  # "understood the risks": no clause the writer could hold true
    # "would know exactly what loopholes …": the first word past any adverb opens the question
    opening = next((token.lower_ for token in content if token.pos_ != "ADV"), "")
    if opening in lexicon.question_openers or any(
        other.id != claim.id and not other.outlet_voice and other.start <= claim.cue_start < other.end
        for other in claims
    ):
        return claim
    outlet = as_outlet_voice(claim)
    # "ignored the fact that …": the outlet states the clause, not the phrase that calls it a fact
    phrase = next((p for p in lexicon.fact_phrases if claim.text.lower().startswith(p)), "")
    start = claim.start + len(phrase)
    return dataclasses.replace(
        outlet, text=claim.text[len(phrase) :], start=start, cue_start=start, cue_end=start
    )


def _is_statement(sentence: Span, text: str) -> bool:
    stripped = text.strip()
    words = [token for token in sentence if token.is_alpha]
    return (
        stripped.endswith(".")
        and "\n" not in stripped  # a headline run into its dek or first line: the parse joined two units
        and len(words) >= MIN_WORDS
        and not QUOTATION_MARKS & set(_unnamed_quotations(sentence, stripped))
        and any(token.tag_ in FINITE_TAGS or _bare_participle_root(token) for token in sentence)
    )


def _bare_participle_root(token: Token) -> bool:
    """ "The nonprofit subsequently paid at least $2.2 million …" tagged "paid" a participle (VBN): a
    participle with a subject and no auxiliary cannot head an English clause, so the root of such a
    sentence is a past tense the tagger misread, and the sentence is a statement (PolNeAR
    manafort-shake-up, issue #14)."""
    children = list(token.children)
    return (
        token.dep_ == "ROOT"
        and token.tag_ == "VBN"
        and any(child.dep_ == "nsubj" for child in children)
        and not any(child.dep_ in ("aux", "auxpass") for child in children)
    )


def _unnamed_quotations(sentence: Span, text: str) -> str:
    """``text`` without its quoted titles, unless a work the sentence is about speaks in it."""
    return text if _work_speaks(sentence) else _without_quoted_titles(text)


def _work_speaks(sentence: Span) -> bool:
    """Whether the sentence's subject is a work (lexicon ``work_nouns``): "The 30-second spot, titled
    “Arrogant,” features a report that …" tells what the ad says, no fact of the outlet's, whatever verb
    tells it (PolNeAR trump-taxes: read as the outlet's, three sentences of the ad had the outlet as
    speaker); its title does not free it."""
    works = claim_lexicon().work_kinds
    return any(token.dep_ in SUBJECTS and token.lemma_.lower() in works for token in sentence.root.children)


def _without_quoted_titles(text: str) -> str:
    """``text`` without its quotations that are titles: a show's, an ad's or a book's name in quotation
    marks ("John Oliver, who hosts “Last Week Tonight,” …", "the spot, titled “Arrogant,” features …") is a
    name, no one's words, and the outlet still states the sentence (PolNeAR khan-family, trump-taxes:
    such narration was no claim, and joined no question). A title is written in title case: each word
    capitalised but the short ones (English headline style lowers words of up to three letters: "of",
    "the", "and"), a few words, and no sentence's end inside it; any other quotation stays."""
    kept, last = [], 0
    for quote in find_quote_spans(text):
        quoted = text[quote.inner_start : quote.inner_end]
        if _is_title(quoted) or _is_scare_quote(quoted):
            kept.append(text[last : quote.start])
            last = quote.end
    return "".join([*kept, text[last:]])


def _is_scare_quote(quoted: str) -> bool:
    """One lower-case word in quotation marks ("the “fabulous” sales techniques he has used"): the writer
    holds the word at a distance, and still states the sentence (a column's narration with such a word
    was no claim: PolNeAR curiel)."""
    return quoted.isalpha() and quoted.islower()


def _is_title(quoted: str) -> bool:
    words = quoted.split()
    return (
        0 < len(words) <= MAX_TITLE_WORDS
        and not quoted.endswith((".", "!", "?"))
        and words[0][:1].isupper()
        and all(word[:1].isupper() or not word[:1].isalpha() or len(word) <= 3 for word in words)
    )


def _claim(
    parsed: ParsedArticle,
    number: int,
    span: tuple[int, int],
    times: Sequence[TimeExpr],
    token_starts: Sequence[int],
) -> Claim:
    start, end = span
    text = parsed.article.text
    while end > start and text[end - 1].isspace():
        end -= 1
    return Claim(
        id=f"{parsed.article.id}:v{number}",
        article=parsed.article.id,
        text=text[start:end],
        start=start,
        end=end,
        cue="",
        cue_start=start,
        cue_end=start,
        speaker_text=None,
        quantities=tuple(find_quantities(parsed.doc, start, end, text=text, token_starts=token_starts)),
        times=tuple(t for t in times if start <= t.start and t.end <= end),
        modality=_modality(parsed.doc, start, end),
    )


def _modality(doc: Doc, start: int, end: int) -> Modality:
    """The sentence's own hedge, on its main predicate (``claims.modality.predicate_modality``)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return "asserted" if span is None else predicate_modality(span, claim_lexicon())
