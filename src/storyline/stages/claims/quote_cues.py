"""Quotations attributed by what stands beside them: a cue verb after ("“…,” said X", "– …, he argues"),
a cue verb before ("X told reporters: “…”", "…, saying, “…”"), a named speaker and a colon before
("Lecornu: – …"), or a dash and a name after ("“…” ― Sonya Herridge"); and lines led by a speaker and a
colon, as transcripts and headlines write them ("WALLACE: Let's start …", "Estonian politician: …")."""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from storyline.stages.claims.agentless import question_asked
from storyline.stages.claims.cues import cue_span, is_cue_verb, misread_modifier
from storyline.stages.claims.modality import cue_modality
from storyline.stages.claims.quotes import QUOTE_MARKS, QuoteSpan, trim_span
from storyline.stages.claims.spans import (
    CLAUSE_MARKS,
    GAP_AFTER_QUOTE,
    GAP_BEFORE_QUOTE,
    MAX_ATTRIBUTION_TOKENS,
    Attribution,
    CharSpan,
    ParseContext,
    classify_quote,
    gap_matches,
    token_span,
)
from storyline.stages.claims.speakers import attributions_for, speaker_span, subject_of

SIGNATURE_DASHES = frozenset({"―", "—", "–"})
# A dash that closes a heading before a speaker's label ("Pollsters agree - Carl Bialik: “…”"): a verb before
# it is the heading's, the name after it opens the speaker's line (``_ends_a_clause``).
HEADING_DASHES = SIGNATURE_DASHES | {"-", "--"}
MAX_SIGNATURE_TOKENS = 4
# A line that opens (after any quote marks) with a short lead and a colon: "WALLACE: …", "Poll: …".
SPEAKER_LEAD = re.compile(r"(?m)^[ \t\"“„«']*(?P<lead>[^\s:\"“„«'][^:\n]{0,58}?)[ \t]*:[ \t]+(?=\S)")
MAX_LEAD_TOKENS = 6
MAX_TRANSCRIPT_NAME_TOKENS = 3
LEAD_POS = frozenset({"PROPN", "NOUN", "ADJ", "DET", "PART", "PUNCT", "ADP", "CCONJ"})
SPEAKER_ENTITY_LABELS = frozenset({"PERSON", "ORG", "NORP"})
# What joins a headline's speaker to its topic before the colon ("Mayor on the flood: …").
TOPIC_WORDS = frozenset({"on"})


def quote_attributions(context: ParseContext) -> list[Attribution]:
    """Each quotation attributed by the cue verb right after it, right before it, or a "Name:" lead."""
    found: list[Attribution] = []
    for quote in context.quotes:
        found.extend(
            _cue_after_quote(context, quote)
            or _cue_before_quote(context, quote)
            or _colon_before_quote(context, quote)
            or _name_after_quote(context, quote)
            or _statement_before_quote(context, quote)
        )
    return found


def _quote_attribution(
    context: ParseContext, quote: QuoteSpan, verb: Token, content: CharSpan | None = None
) -> list[Attribution]:
    """The quotation (or ``content``, a clause holding it) as what the subject of ``verb`` says."""
    subject = subject_of(verb, context.lexicon)
    cue = cue_span(verb)
    if cue is None:
        return []
    content = content or (quote.inner_start, quote.inner_end)
    return attributions_for(context, verb, cue, content, subject, cue_modality(context, verb, subject))


# --- quotations inside the narration's own phrase -------------------------------------------------------
# A quotation set off by punctuation (or opening its sentence) is words spoken; one that a clause of the
# narration runs into ("This is “the same lead she has held all week,” the agency reported", "on CBS’s
# “Face the Nation,” calling it …") is part of that clause: the claim is the clause the cue reports,
# holding the quotation (a mixed quote), or, when the quotation holds no verb (or is a title) and the cue
# reports no such clause, none: a quoted term or a show's name is no proposition (PolNeAR first-debate,
# fbi-no-charges; issue #14). PolNeAR dev content exact F1 0.565 -> 0.569 with this.
SET_OFF_BEFORE = frozenset(",:;—–-(.!?")
MARKS_AND_SPACE = "".join(QUOTE_MARKS) + "' \t"  # "'": the NYT's doubled apostrophes (''…'')


def _opens_clause(context: ParseContext, quote: QuoteSpan) -> bool:
    """Whether the quotation opens its sentence or follows a comma, colon or dash (or a line break)."""
    opening = context.first_token_at(quote.start)
    if opening is None:
        return True
    before = context.text[opening.sent.start_char : quote.start].rsplit("\n", 1)[-1].rstrip()
    return not before or before[-1] in SET_OFF_BEFORE or before[-1] in MARKS_AND_SPACE


def _clause_before_cue(context: ParseContext, quote: QuoteSpan, verb: Token) -> list[Attribution]:
    """A quotation a clause of the narration runs into, attributed by the cue after it: the cue's reported
    clause (its ``ccomp`` before it) when the quotation's head is that clause's verb or a word of it, and it
    holds a verb; else the quotation alone only when it holds a verb itself."""
    inner = context.doc.char_span(quote.inner_start, quote.inner_end, alignment_mode="expand")
    if inner is None:
        return []
    holders = {inner.root.i, inner.root.head.i}  # not deeper: "… when, after the hymn ''A New Day,'' she …"
    for clause in verb.children:
        if clause.dep_ != "ccomp" or clause.i not in holders or clause.i > verb.i:
            continue
        reported = token_span(clause.subtree)
        if (
            reported is not None
            and reported[0] < quote.inner_start
            and quote.inner_end <= reported[1]
            and _holds_verb(context.doc[clause.left_edge.i : clause.right_edge.i + 1])
        ):
            return _quote_attribution(context, quote, verb, reported)
    if _inside_asked_question(context, quote):
        return []
    return _quote_attribution(context, quote, verb) if _holds_verb(inner) and not _is_title(inner) else []


def _inside_asked_question(context: ParseContext, quote: QuoteSpan) -> bool:
    """Whether the quotation is words of a question put before the cue ("Asked whether the governor “has
    the integrity to serve,” 75 percent said yes"): the words are the question's, not what the cue's
    subject said (``claims.agentless`` makes the question an act)."""
    opening = context.first_token_at(quote.start)
    if opening is None:
        return False
    for token in context.doc[opening.sent.start : opening.i]:
        question = question_asked(token)
        if question is not None and question.left_edge.idx <= quote.inner_start < _end_of(question):
            return True
    return False


def _end_of(head: Token) -> int:
    last = head.right_edge
    return last.idx + len(last)


def _is_title(words: Span) -> bool:
    """Every word capitalised but short function words: a show's or a book's name ("Face the Nation"),
    whose first word the tagger may take for a verb."""
    return all(token.is_title or token.is_punct or len(token) <= 3 for token in words) and any(
        token.is_title for token in words
    )


def _names_a_title(context: ParseContext, quote: QuoteSpan) -> bool:
    inner = context.doc.char_span(quote.inner_start, quote.inner_end, alignment_mode="expand")
    return inner is not None and _is_title(inner)


def _holds_verb(span: Span) -> bool:
    return any(token.pos_ in ("VERB", "AUX") for token in span)


def _cue_after_quote(context: ParseContext, quote: QuoteSpan) -> list[Attribution]:
    """ "“…,” said X." / "“…,” X told Yonhap." / "– …, he argues."."""
    first = context.first_token_at(quote.end)
    text = context.text
    if first is None or not gap_matches(GAP_AFTER_QUOTE, text, quote.end, first.idx):
        return []
    if text[quote.inner_end - 1] == "." and first.is_sent_start:
        # "… that Curiel “happens to be, we believe, Mexican.” Trump called the judge …": a quotation that
        # closes its sentence on a full stop is not attributed by the next sentence's verb (PolNeAR curiel)
        return []
    lead = next((t for t in context.doc[first.i : first.i + 2] if not t.is_punct), first)
    if lead.dep_ == "cc" or lead.lower_ in CLAUSE_MARKS:
        # "… as “justified”, but she urged them …", "… were “unfounded” and that the ministry found …": a
        # new clause begins after the quotation, whose cue reports something else
        return []
    for token in context.doc[first.i : first.i + MAX_ATTRIBUTION_TOKENS]:
        if token.is_quote or token.text in (".", "!", "?", "\n") or "\n" in token.text:
            return []
        if token.pos_ == "VERB":
            clauses = [
                c
                for c in token.children
                if c.dep_ == "ccomp" and c.idx >= quote.end and not misread_modifier(c)
            ]
            if clauses or not (is_cue_verb(context, token) or _frames_quote(context, quote, token)):
                return []
            if _opens_clause(context, quote):
                return _quote_attribution(context, quote, token)
            return _clause_before_cue(context, quote, token)
    return []


# A verb framing a quotation ("“…,” she elaborated, “…”", "“…,” Oliver barked.") may hang on, after the
# verb, only these: words of manner or time ("she said quietly", "he added Tuesday") and punctuation.
FRAME_VERB_DEPS = frozenset({"punct", "advmod", "npadvmod"})
FRAME_SUBJECT_POS = frozenset({"PRON", "PROPN"})


def _frames_quote(context: ParseContext, quote: QuoteSpan, verb: Token) -> bool:
    """Whether ``verb`` reports the quotation before it whatever its lemma: the quotation is set off and
    ends on a comma, "?" or "!", then come only a pronoun or a name and the verb, which takes nothing after
    it but a manner or time word and ends its sentence or opens the quotation's next part. News varies the
    verb of such a frame widely (elaborated, barked, quipped, scoffed: PolNeAR khan-family), and the frame
    alone says that the words were spoken; a lexicon of them would never be complete. A verb with an object
    or a clause ("“…,” she told him", "“…,” he said the talks …") is left to the lexicon's cues."""
    text = context.text
    first = context.first_token_at(quote.end)
    closing = text[quote.inner_end : quote.end] + text[quote.end : first.idx if first else quote.end]
    if first is None or not set(",?!") & set(closing) or not _opens_clause(context, quote):
        return False
    subject = [token for token in context.doc[first.i : verb.i] if not token.is_punct]
    speaker = subject[-1] if subject else None
    if speaker is None or speaker.dep_ != "nsubj" or speaker.head.i != verb.i:
        return False
    if speaker.pos_ not in FRAME_SUBJECT_POS or any(t.head.i not in {verb.i, speaker.i} for t in subject):
        return False
    after = [child for child in verb.children if child.i > verb.i]
    if any(child.dep_ not in FRAME_VERB_DEPS for child in after):
        return False
    words = {token.i for child in after if not child.is_punct for token in child.subtree}
    following = [token for token in context.doc[verb.i + 1 : verb.i + 6] if token.i not in words]
    if not following:
        return False
    return following[0].text in (".", "!") or (
        following[0].text == "," and len(following) > 1 and following[1].is_quote
    )


def _cue_before_quote(context: ParseContext, quote: QuoteSpan) -> list[Attribution]:
    """ "X told reporters, “…”" / "X said: “…”" / "…, saying, “…”"."""
    before = context.last_token_before(quote.start)
    text = context.text
    if before is None or not gap_matches(GAP_BEFORE_QUOTE, text, before.idx + len(before), quote.start):
        return []
    if before.text not in (",", ":") and not is_cue_verb(context, before):
        return []
    if before.lemma_.lower() in context.lexicon.addressee_verbs and _names_a_title(context, quote):
        # "… told “Fox and Friends” after …": a show's name right after the cue is whom it was told to,
        # never what was said (PolNeAR orlando-shooting-response)
        return []
    sentence_start = before.sent.start
    for index in range(before.i, max(sentence_start, before.i - MAX_ATTRIBUTION_TOKENS) - 1, -1):
        token = context.doc[index]
        if (
            token.pos_ == "AUX"
            or token.is_quote
            or (token.lower_ in ("that", "whether") and token.dep_ == "mark")
            or (before.text == ":" and token.text in HEADING_DASHES)  # "Pollsters agree - Carl Bialik: “…”"
        ):
            return []
        if token.pos_ == "VERB":
            return _quote_attribution(context, quote, token) if is_cue_verb(context, token) else []
    return []


def _colon_before_quote(context: ParseContext, quote: QuoteSpan) -> list[Attribution]:
    """ "Sebastien Lecornu: – Imagine …": a named speaker, a colon, the quotation."""
    colon = context.last_token_before(quote.start)
    if colon is not None and colon.text in ("–", "—") and colon.i > 0:
        colon = context.doc[colon.i - 1]
    if colon is None or colon.text != ":" or colon.i == 0:
        return []
    name_end = context.doc[colon.i - 1]
    if name_end.ent_type_ not in ("PERSON", "ORG", "NORP", "GPE"):
        return []
    entity = next((ent for ent in context.doc.ents if ent.start <= name_end.i < ent.end), None)
    if entity is None or _ends_a_clause(entity):
        return []
    cue = (colon.idx, colon.idx + 1)
    content = (quote.inner_start, quote.inner_end)
    speaker = (_first_of_pair(context, entity).start_char, entity.end_char)
    return [Attribution(cue, content, speaker, "direct", None, colon.i)]


def _first_of_pair(context: ParseContext, name: Span) -> Span:
    """The first of two names joined by "and" before a line's colon ("Ann Lee and Bo Park: “…”", two authors
    of one piece); else the name itself."""
    before = name.start - 1
    if before < 1 or context.doc[before].lower_ != "and":
        return name
    first = next((ent for ent in context.doc.ents if ent.end == before), None)
    return first if first is not None and first.label_ == name.label_ else name


def _statement_before_quote(context: ParseContext, quote: QuoteSpan) -> list[Attribution]:
    """ "The party issued a statement apologizing to Sanders …¶“On behalf of everyone at the party, we …”": a
    quotation that opens the paragraph right after one ending on a sentence in which someone puts out a
    statement (a verb of ``work_maker_verbs`` with "statement" as its object) is that statement, the one who
    put it out its speaker (PolNeAR dnc-email-leak: the apology stood with "we" as its speaker, issue #14)."""
    text = context.text
    paragraph_start = text.rfind("\n", 0, quote.start) + 1
    if text[paragraph_start : quote.start].strip() or not text[:paragraph_start].rstrip().endswith("."):
        return []
    last = context.last_token_before(len(text[:paragraph_start].rstrip()))
    if last is None:
        return []
    for noun in last.sent:
        verb = noun.head
        if noun.lemma_.lower() != "statement" or noun.dep_ != "dobj":
            continue
        if verb.lemma_.lower() not in context.lexicon.work_maker_verbs:
            continue
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        speaker = speaker_span(subjects[0], noun) if subjects else None
        if speaker is not None:
            content = (quote.inner_start, quote.inner_end)
            return [Attribution((noun.idx, noun.idx + len(noun)), content, speaker, "direct", None, noun.i)]
    return []


def _ends_a_clause(name: Span) -> bool:
    """ "… he erroneously suggested Curiel was from Mexico: “The judge …”": a name that ends a clause with
    a verb of its own before it is part of what the clause says, not the label of a speaker's line; one in
    apposition still names who speaks ("… backed by the French minister, Jean Morel: – …")."""
    sentence = name.sent
    dashes = [token.i for token in name.doc[sentence.start : name.start] if token.text in HEADING_DASHES]
    start = dashes[-1] + 1 if dashes else sentence.start
    return name.root.dep_ != "appos" and any(
        token.pos_ in ("VERB", "AUX") for token in name.doc[start : name.start]
    )


def _name_after_quote(context: ParseContext, quote: QuoteSpan) -> list[Attribution]:
    """ "“…” ― Sonya Herridge": a quotation signed with a dash and a name that ends the line."""
    dash = context.first_token_at(quote.end)
    text = context.text
    if (
        dash is None
        or dash.text not in SIGNATURE_DASHES
        or dash.i + 1 >= len(context.doc)
        or text[quote.end : dash.idx].strip()
    ):
        return []
    name = _signature_name(context, dash.i + 1)
    if name is None:
        return []
    # the signature ends its line, or the next signed quotation starts right after it
    rest = text[name[1] : name[1] + 200].split("\n", 1)[0].lstrip(" .,")
    if rest and rest[0] not in QUOTE_MARKS:
        return []
    cue = (dash.idx, dash.idx + len(dash))
    content = (quote.inner_start, quote.inner_end)
    return [Attribution(cue, content, name, "direct", None, dash.i)]


def _signature_name(context: ParseContext, first: int) -> tuple[int, int] | None:
    """A person or organisation named from token ``first``; a run of proper nouns when the recogniser
    missed the name."""
    doc = context.doc
    entity = next((ent for ent in doc.ents if ent.start == first), None)
    if entity is not None:
        return (entity.start_char, entity.end_char) if entity.label_ in ("PERSON", "ORG") else None
    end = first
    while end < len(doc) and end - first < MAX_SIGNATURE_TOKENS and doc[end].pos_ == "PROPN":
        end += 1
    if end - first < 2:  # one capitalised word is too often the next sentence's first word
        return None
    return doc[first].idx, doc[end - 1].idx + len(doc[end - 1])


def colon_line_attributions(context: ParseContext) -> list[Attribution]:
    """ "WALLACE: Let's start …" / "Estonian politician: let's not use excuses": the rest of the line is
    what the lead before the colon says."""
    text = context.text
    found: list[Attribution] = []
    for match in SPEAKER_LEAD.finditer(text):
        lead = context.doc.char_span(match.start("lead"), match.end("lead"), alignment_mode="contract")
        if lead is None:
            continue
        lead = _speaker_part(context, lead)
        if not _names_a_speaker(context, lead):
            continue
        colon = text.index(":", match.end("lead"))
        line_end = text.find("\n", match.end())
        content = trim_span(text, match.end(), len(text) if line_end == -1 else line_end)
        if content[0] >= content[1]:
            continue
        cue = (colon, colon + 1)
        content, quote = classify_quote(context, content, cue)
        anchor = context.first_token_at(colon)
        speaker = (lead.start_char, lead.end_char)
        found.append(Attribution(cue, content, speaker, quote, None, anchor.i if anchor else lead.end))
    return found


def _speaker_part(context: ParseContext, lead: Span) -> Span:
    """The words of a headline's lead that may name its speaker: after a kicker and its dash ("EXCLUSIVE –
    Senator: …", the outlet's label for its news) and before a topic ("Senator on the budget: …")."""
    labels = context.lexicon.colon_labels
    for token in lead[1:-1]:
        before = [word for word in lead[: token.i - lead.start] if not word.is_punct]
        if token.text in HEADING_DASHES and before and all(word.lower_ in labels for word in before):
            lead = lead[token.i - lead.start + 1 :]
            break
    for token in lead[1:]:
        if token.lower_ in TOPIC_WORDS and token.pos_ == "ADP":
            return lead[: token.i - lead.start]
    return lead


def _names_a_speaker(context: ParseContext, lead: Span) -> bool:
    """A name, a transcript's capitalised surname, or a description headed by a speaker noun — not a
    label ("Source", "Editor's note"), a topic ("Ukraine war") or a clause (it holds no verb)."""
    lexicon = context.lexicon
    words = [token for token in lead if not token.is_punct]
    if not 1 <= len(lead) <= MAX_LEAD_TOKENS or not words or not lead.text[0].isupper():
        return False
    transcript = lead.text.isupper() and len(words) <= MAX_TRANSCRIPT_NAME_TOKENS  # "HOLT:" (tagged anyhow)
    if not transcript and any(token.pos_ not in LEAD_POS for token in lead):
        return False
    if any(token.like_num for token in lead):
        return False
    if any(token.lower_ in lexicon.colon_labels for token in words):
        return False
    last = words[-1]
    return (
        last.ent_type_ in SPEAKER_ENTITY_LABELS
        or (last.pos_ == "PROPN" and len(words) <= 3)
        or transcript
        or last.lower_ in lexicon.colon_speaker_nouns
        or last.lemma_.lower() in lexicon.colon_speaker_nouns
        or (len(words) == 1 and _named_elsewhere(last))
    )


def _named_elsewhere(word: Token) -> bool:
    """ "Sanders: Brexit's message could …": a headline's lone capitalised word is tagged a common noun,
    but the article names the person or body elsewhere ("Sen. Bernie Sanders said …")."""
    return word.is_title and any(
        ent.label_ in SPEAKER_ENTITY_LABELS
        and word.i not in range(ent.start, ent.end)
        and word.text in ent.text.split()
        for ent in word.doc.ents
    )
