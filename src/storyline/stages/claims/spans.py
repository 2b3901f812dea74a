"""Spans over a spaCy parse for the claims stage: the raw attribution record, the parse context, and the
boundaries of a content span (edge punctuation, runs of tokens, quotations, lines, a final "?" or "!").

Who speaks — subjects, speaker spans and the attribution built from them — is in ``claims.speakers``; this
module knows nothing of speakers, so that both can use its token spans without a cycle. How far a content
runs over the other clauses of its sentence is in ``claims.clauses``."""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from storyline.records import Claim, ClaimKind, Modality, QuoteKind
from storyline.stages.claims.lexicon import ClaimLexicon
from storyline.stages.claims.quotes import QuoteSpan, has_quote_marks, inside_quote, trim_span

CharSpan = tuple[int, int]


def spans_overlap(first: CharSpan, second: CharSpan) -> bool:
    """Whether two half-open character spans share a character."""
    return first[0] < second[1] and second[0] < first[1]


# The dependencies of a clause's own subject.
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
CLAUSE_MARKS = frozenset({"that"})
# Between a quotation and the attribution after it: white space and a comma ("…,” said X").
GAP_AFTER_QUOTE = re.compile(r"[\s,]*")
GAP_BEFORE_QUOTE = re.compile(r"[\s–—]*")
SENTENCE_ENDS = frozenset({"?", "!"})
CLOSING_BRACKETS = {")": "(", "]": "["}
MAX_ATTRIBUTION_TOKENS = 10  # how far from a quotation its cue verb may stand
MAX_TRAILING_TOKENS = 6  # ", he argues." after a dash quote
ABSOLUTE_OPENER = "with"  # "…, with 15 miners still missing", "…, with officials saying …"
JOINING_WORDS = frozenset({"and", "but"})  # "…, and the company said …"


@dataclass(frozen=True, slots=True)
class Attribution:
    """A claim before pronouns are resolved and duplicates merged."""

    cue: CharSpan
    content: CharSpan
    speaker: CharSpan | None
    quote: QuoteKind
    cue_modality: Modality | None  # when the cue alone decides (claims.modality); else None
    anchor: int  # token index of the cue word
    via: CharSpan | None = None  # who passed the words on (nested attribution)
    kind: ClaimKind = "statement"  # an act ("voted to strike") is kept out of the ledger


@dataclass(frozen=True, slots=True)
class ParseContext:
    doc: Doc
    quotes: tuple[QuoteSpan, ...]
    lexicon: ClaimLexicon
    token_starts: tuple[int, ...]  # character offset of each token, for bisecting
    # The doc's text, passed in rather than read from the doc: spaCy's Doc.text joins every token's text
    # anew on each access, which made the claims stage quadratic in the article's length.
    text: str

    @classmethod
    def build(cls, doc: Doc, text: str, quotes: Iterable[QuoteSpan], lexicon: ClaimLexicon) -> ParseContext:
        return cls(doc, tuple(quotes), lexicon, tuple(token.idx for token in doc), text)

    def first_token_at(self, offset: int) -> Token | None:
        """The first token starting at or after character ``offset``."""
        index = bisect.bisect_left(self.token_starts, offset)
        return self.doc[index] if index < len(self.doc) else None

    def last_token_before(self, offset: int) -> Token | None:
        """The last token ending at or before character ``offset``."""
        index = bisect.bisect_left(self.token_starts, offset) - 1
        while index >= 0 and self.doc[index].idx + len(self.doc[index]) > offset:
            index -= 1
        return self.doc[index] if index >= 0 else None


# --- spans -----------------------------------------------------------------------------------------------


def token_span(tokens: Iterable[Token]) -> CharSpan | None:
    """The character span of tokens, without punctuation, quote marks or a clause mark at either edge."""
    ordered = sorted(tokens, key=lambda token: token.i)
    while ordered and (ordered[0].is_punct or ordered[0].is_space or _is_clause_mark(ordered[0])):
        ordered.pop(0)
    while ordered and (ordered[-1].is_punct or ordered[-1].is_space or ordered[-1].dep_ == "cc"):
        if _ends_sentence_or_bracket(ordered):
            break
        ordered.pop()
    if not ordered:
        return None
    return ordered[0].idx, ordered[-1].idx + len(ordered[-1])


def _is_clause_mark(token: Token) -> bool:
    """ "said [that] the plan works", but not "say [that] gives them a lever": a "that" standing for what
    was said before is the clause's subject. One the parser calls a subject before a comma opens the clause
    ("joked that, among voters, Trump ranks fourth")."""
    if token.lower_ not in CLAUSE_MARKS:
        return False
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    is_subject = token.dep_ in ("nsubj", "nsubjpass")
    return not is_subject or (following is not None and following.text == ",")


def _ends_sentence_or_bracket(ordered: list[Token]) -> bool:
    """A final "?" or "!" is the sentence's own, as a full stop is ("asked whether he would run?"); a
    closing bracket whose opener the span holds closes an aside of the content ("Sen. Ted Cruz (R-TX)")."""
    last = ordered[-1].text
    if last in SENTENCE_ENDS:
        return len(ordered) > 1 and not ordered[-2].is_punct
    opener = CLOSING_BRACKETS.get(last)
    return opener is not None and any(token.text == opener for token in ordered[:-1])


def contiguous_run(tokens: Iterable[Token], around: Token) -> list[Token]:
    """The run of consecutive tokens that holds ``around``."""
    indexes = {token.i for token in tokens}
    start = end = around.i
    while start - 1 in indexes:
        start -= 1
    while end + 1 in indexes:
        end += 1
    return list(around.doc[start : end + 1])


def longest_run(tokens: list[Token]) -> list[Token]:
    runs: list[list[Token]] = []
    for token in sorted(tokens, key=lambda token: token.i):
        if runs and runs[-1][-1].i + 1 == token.i:
            runs[-1].append(token)
        else:
            runs.append([token])
    return max(runs, key=len) if runs else []


def subtree_without(token: Token, excluded: Token) -> list[Token]:
    skip = {t.i for t in excluded.subtree}
    return [t for t in token.subtree if t.i not in skip]


def classify_quote(context: ParseContext, span: CharSpan, cue: CharSpan) -> tuple[CharSpan, QuoteKind]:
    """A content span that lies in a quotation the cue stands outside grows to the whole quotation (a quote
    that runs on past the sentence the parse saw); one that holds quote marks is a mixed quote."""
    quote = inside_quote(list(context.quotes), *span)
    if quote is not None and not (quote.inner_start <= cue[0] < quote.inner_end):
        return (quote.inner_start, quote.inner_end), "direct"
    start, end = trim_span(context.text, *span)
    if start >= end:
        return span, "indirect"
    kind: QuoteKind = "mixed" if has_quote_marks(context.text[start:end]) else "indirect"
    if quote is not None:
        kind = "direct"  # a nested attribution inside a quotation: its content is quoted too
    return (start, end), kind


def clip_to_line(text: str, span: CharSpan, anchor: int) -> CharSpan:
    """The part of ``span`` on the line of ``anchor`` (or the nearest line to it): a headline or a
    dateline runs into the first sentence in the parse, but a line break ends every span."""
    start, end = span
    if "\n" not in text[start:end]:
        return span
    pieces: list[CharSpan] = []
    piece_start = start
    for offset in range(start, end):
        if text[offset] == "\n":
            pieces.append((piece_start, offset))
            piece_start = offset + 1
    pieces.append((piece_start, end))
    pieces = [trim_span(text, *piece) for piece in pieces]
    pieces = [piece for piece in pieces if piece[0] < piece[1]] or [span]
    return min(
        pieces,
        key=lambda piece: (
            0 if piece[0] <= anchor < piece[1] else min(abs(anchor - piece[0]), abs(anchor - piece[1]))
        ),
    )


def content_span(head: Token, lexicon: ClaimLexicon) -> CharSpan | None:
    """A clause or noun phrase as content, without a participle that comments on it with a cue verb of its
    own ("reports that …, calling them baseless rumours"), without another speaker's claim set against it
    or joined on after it ("said two were hurt, while witnesses said …"; "…, and the company said …";
    "…, with officials adding that …") and without another source it is credited to ("…, according to a
    letter")."""
    others = {
        t.i
        for child in head.subtree
        if child.i != head.i
        and (
            _comments(child, lexicon)
            or opposes_with_own_speaker(child, lexicon)
            or speaks_in_absolute(child, lexicon)
            or (child.i > head.i and _credited_after_comma(child, lexicon))
            or _acts_after_quotation(head, child, lexicon)
            or report_coordinated_with(child, lexicon) is not None
        )
        for t in child.subtree
    }
    kept = [t for t in head.subtree if t.i not in others]
    return token_span(contiguous_run(kept, head) if others else kept)


def _comments(verb: Token, lexicon: ClaimLexicon) -> bool:
    return verb.dep_ == "advcl" and verb.tag_ == "VBG" and verb.lemma_.lower() in lexicon.cue_verbs


def _acts_after_quotation(head: Token, verb: Token, lexicon: ClaimLexicon) -> bool:
    """ "said that “every fee will be refunded”, and asked residents to …": a cue verb coordinated after the
    quotation closes and a comma, with no subject of its own, is the speaker's next act in the writer's
    narration, which the parser hangs on the quoted clause."""
    return (
        verb.dep_ == "conj"
        and verb.lemma_.lower() in lexicon.cue_verbs
        and not any(child.dep_ in ("nsubj", "nsubjpass") for child in verb.children)
        and _closing_mark_and_comma(verb.doc[head.i + 1 : verb.i])
    )


def report_coordinated_with(verb: Token, lexicon: ClaimLexicon) -> Token | None:
    """The cue verb that reports the clause a subjectless cue verb is coordinated with: in "X told the AP
    her group never worked with Y and said the group hired …" the parser hangs "said" on "worked", whose
    subject ("her group") would be shown saying it, and the first content would run on over the second;
    news coordinates the second cue with X's own report (PolNeAR manafort-shake-up, issue #14). Not when
    the clause's verb reports in turn ("said officials said …"): a cue coordinated with it is theirs."""
    if verb.lemma_.lower() not in lexicon.cue_verbs or any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        return None
    clause = verb
    while clause.dep_ == "conj" and clause.head.i != clause.i:
        clause = clause.head
    if clause.i == verb.i or clause.dep_ != "ccomp" or clause.lemma_.lower() in lexicon.cue_verbs:
        return None
    reporting = clause.head
    return reporting if reporting.lemma_.lower() in lexicon.cue_verbs and reporting.i < clause.i else None


def _closing_mark_and_comma(tokens: Span) -> bool:
    """A closing quotation mark, then a comma: the quoted clause ended ("…,” and asked" or "…”, and asked";
    without the comma, "said he “lied” and denied them a hearing" may still report the quoted man)."""
    words = list(tokens)
    closings = [index for index, token in enumerate(words) if token.tag_ == "''"]
    return any("," in (t.text for t in words[max(index - 1, 0) : index + 2]) for index in closings)


def opposes_with_own_speaker(verb: Token, lexicon: ClaimLexicon) -> bool:
    """A cue verb with a subject of its own in a clause set apart from the one before it, by a contrast
    mark ("…, while witnesses said …") or a semicolon ("…; the rebels claim …"): another speaker's claim,
    which the parser may hang inside the clause before."""
    if verb.lemma_.lower() not in lexicon.cue_verbs or not any(
        child.dep_ in ("nsubj", "nsubjpass") for child in verb.children
    ):
        return False
    marked = any(child.dep_ == "mark" and child.lower_ in lexicon.contrast_marks for child in verb.children)
    return marked or _after_semicolon(verb) or _joined_after_comma(verb)


def _joined_after_comma(verb: Token) -> bool:
    """ "said 300 workers were laid off, and the company said it would appeal": a cue verb with a subject
    of its own coordinated after a comma and a conjunction opens a second sentence the writer joined on,
    not more of what the first speaker said; the parser may hang it inside the first content."""
    if verb.dep_ != "conj":
        return False
    first_word = min((token.i for token in verb.subtree if not token.is_punct), default=verb.i)
    doc = verb.doc
    return first_word > 1 and doc[first_word - 1].lower_ in JOINING_WORDS and doc[first_word - 2].text == ","


def speaks_in_absolute(token: Token, lexicon: ClaimLexicon) -> bool:
    """ "said Marlow won 28 percent, with 40 percent of his voters saying the economy mattered most": an
    absolute opened by "with" whose predicate is a cue verb with a subject of its own is those speakers'
    claim (found on its own cue), not a second proposition of the content it hangs in (issue #14: a share's
    claim ran over it). ``token`` is the "with" of a phrase ("with [officials adding …]") or the verb of a
    clause it marks."""
    if token.lower_ == ABSOLUTE_OPENER and token.dep_ == "prep":
        verbs = [child for child in token.children if child.dep_ == "pcomp"]
    elif any(child.dep_ == "mark" and child.lower_ == ABSOLUTE_OPENER for child in token.children):
        verbs = [token]
    else:
        return False
    # a participle that speaks ("saying", "adding"); not a passive one ("with dozens more reported missing")
    return any(
        verb.tag_ == "VBG"
        and verb.lemma_.lower() in lexicon.cue_verbs
        and any(child.dep_ in SUBJECT_DEPS for child in verb.children)
        for verb in verbs
    )


def _credited_after_comma(token: Token, lexicon: ClaimLexicon) -> bool:
    """ "said 300 workers were laid off, according to a letter": a source named after a comma inside the
    content is its own attribution (found on its own cue), not words of the content. Only one after the
    content's head: one that opens the reported clause ("reported that, according to an analysis, 85 …")
    tells where the speaker's finding comes from, and PolNeAR keeps it in the content (train)."""
    second_word = lexicon.phrase_cues.get(token.lower_)
    return (
        second_word is not None
        and token.i > 0
        and token.doc[token.i - 1].text == ","
        and any(child.lower_ == second_word for child in token.children)
    )


def _after_semicolon(verb: Token) -> bool:
    first_word = min((token.i for token in verb.subtree if not token.is_punct), default=verb.i)
    return first_word > 0 and verb.doc[first_word - 1].text == ";"


def across_semicolon(clause: Token, cue: Token) -> bool:
    """A clause with a semicolon between it and the cue: a sentence of its own the writer joined on, which
    the parser may hang on the cue as its complement ("A maintains X; B insists on Y", "X, B said; C
    rejected it")."""
    words = [token.i for token in clause.subtree if not token.is_punct]  # the parser may hang ";" on either
    if clause.i < cue.i:
        return semicolon_between(clause.doc, max(words, default=clause.i), cue.i)
    return semicolon_between(clause.doc, cue.i, min(words, default=clause.i))


def semicolon_between(doc: Doc, first: int, last: int) -> bool:
    """Whether a semicolon stands between token indexes ``first`` and ``last`` (either order)."""
    return any(token.text == ";" for token in doc[min(first, last) + 1 : max(first, last)])


def with_sentence_end(text: str, content: CharSpan, cue: CharSpan) -> CharSpan:
    """A content after its cue that ends its sentence with "?" or "!" takes the mark, as PolNeAR's
    annotators do ("asked, ‘How can we …?’"); the parser hangs the mark on the cue's clause."""
    end = content[1]
    if cue[1] <= content[0] and end < len(text) and text[end] in SENTENCE_ENDS:
        return content[0], end + 1
    return content


def same_line(text: str, first: CharSpan, second: CharSpan) -> bool:
    start, end = min(first[0], second[0]), max(first[1], second[1])
    return "\n" not in text[start:end]


def gap_matches(pattern: re.Pattern[str], text: str, start: int, end: int) -> bool:
    return start <= end and pattern.fullmatch(text, start, end) is not None


def as_outlet_voice(claim: Claim) -> Claim:
    """The claim as the outlet's own statement: the same content span, no speaker, an empty cue."""
    return dataclasses.replace(
        claim,
        cue="",
        cue_start=claim.start,
        cue_end=claim.start,
        speaker_text=None,
        speaker_start=None,
        speaker_end=None,
        speaker=None,
    )
