"""Speakers and claims that lean on what came before: "the aforementioned source" is the source named
earlier; "1.5 thousand of them were about to reach the front", right after "the NIS announced that
North Korea will send 12,000 people", is still the NIS's report; "“A,” Rutte said. “B.”" — B is
Rutte's too; and "the Republican presidential candidate told CBS" in an article about Ben Carson is Carson
(``lead_described``, read over the resolved entities when the pipeline links speakers)."""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from functools import cache

from spacy.tokens import Doc, Span, Token

from storyline.lexicons import load_lexicon
from storyline.records import Entity
from storyline.stages.claims.lexicon import ClaimLexicon
from storyline.stages.claims.quotes import QuoteSpan
from storyline.stages.claims.spans import Attribution, CharSpan, ParseContext
from storyline.stages.claims.speakers import speaker_span

QUOTE_GAP_CHARS = ' \t.,;:”"»'
MAX_FOLLOWING_SENTENCES = 2  # a verbless fragment may stand between ("… 12,000 people. soldiers of …")
DESCRIPTION_WORD = re.compile(r"[^\W_]+(?:-[^\W_]+)*")
POSSESSIVE_S = "s"  # "the rival's candidate" read as words: the, rival, s, candidate


@cache
def lead_lexicon() -> tuple[frozenset[str], frozenset[str], int]:
    """``[role_holders]`` of the ledger lexicon: words after which a description's head noun is read
    (``ends``), head nouns of a description of a side or a trade (``lead_titles``) and how many times the
    article's lead is named at least against the next person (``lead_share``)."""
    data = load_lexicon("ledger")["role_holders"]
    return frozenset(data["ends"]), frozenset(data["lead_titles"]), int(data["lead_share"])


def description_head(description: str) -> str | None:
    """The head noun of a definite description, the word before its first preposition, relative word or day
    ("The British capital's new mayor on Tuesday": mayor); None for words that open on no "the"."""
    words = [word.lower() for word in DESCRIPTION_WORD.findall(description)]
    if len(words) < 2 or words[0] != "the":
        return None
    ends = lead_lexicon()[0]
    cut = next((index for index in range(1, len(words)) if words[index] in ends), len(words))
    return words[cut - 1] if cut > 1 else None


def article_leads(entities: Sequence[Entity]) -> dict[str, tuple[str, int]]:
    """Article id → (the person it names most, the start of their first mention there), where that person is
    named at least ``lead_share`` times as often as any other person of the article: the one the article is
    about, whom a description of a side or a trade stands for ("the retired neurosurgeon")."""
    counts: dict[str, Counter[str]] = {}
    first: dict[tuple[str, str], int] = {}
    for entity in entities:
        if entity.type != "PERSON":
            continue
        for mention in entity.mentions:
            counts.setdefault(mention.article, Counter())[entity.id] += 1
            key = (mention.article, entity.id)
            first[key] = min(first.get(key, mention.start), mention.start)
    leads = {}
    for article, named in counts.items():
        ranked = named.most_common(2)
        if len(ranked) == 1 or ranked[0][1] >= lead_lexicon()[2] * ranked[1][1]:
            leads[article] = (ranked[0][0], first[(article, ranked[0][0])])
    return leads


def lead_described(
    article: str, words: str | None, start: int, leads: Mapping[str, tuple[str, int]]
) -> str | None:
    """The article's lead person (``article_leads``) for speaker ``words`` at ``start`` that are a definite
    description headed by a title of a contest or a trade (``[role_holders] lead_titles``) with no owner
    ("the Republican presidential candidate", "the retired neurosurgeon"; not "Clinton's rival", "the
    candidates", nor an office another person may hold, "the judge"), written after the lead is first named.
    News varies a protagonist's name so: the speaker is that person, one voice with the name (PolNeAR
    carson-biography-scrutiny, issue #14)."""
    lead = leads.get(article)
    text = words or ""
    if lead is None or lead[1] >= start or description_head(text) not in lead_lexicon()[1]:
        return None
    return None if POSSESSIVE_S in DESCRIPTION_WORD.findall(text.lower()) else lead[0]


def resolve_descriptions(doc: Doc, found: list[Attribution], lexicon: ClaimLexicon) -> list[Attribution]:
    """A speaker described as "the aforementioned source" becomes the nearest earlier speaker whose head
    noun is the same ("a source from the South Korean National Intelligence Service")."""
    resolved: list[Attribution] = []
    for attribution in sorted(found, key=lambda a: a.cue[0]):
        head = _anaphoric_head(doc, attribution.speaker, lexicon)
        if head is not None and attribution.speaker is not None:
            speaker_start = attribution.speaker[0]
            earlier = [
                a.speaker
                for a in resolved
                if a.speaker is not None
                and a.speaker[1] <= speaker_start
                and _head_lemma(doc, a.speaker) == head
                and _anaphoric_head(doc, a.speaker, lexicon) is None
            ]
            if earlier:
                attribution = dataclasses.replace(attribution, speaker=max(earlier, key=lambda s: s[1]))
        holder = _named_holder(doc, attribution.speaker, lexicon)
        if holder is not None:
            attribution = dataclasses.replace(attribution, speaker=holder)
        resolved.append(attribution)
    return resolved


def _named_holder(doc: Doc, speaker: CharSpan | None, lexicon: ClaimLexicon) -> CharSpan | None:
    """A speaker given by a role alone ("Harbour Chief: …" in a headline) that the article writes elsewhere
    right before a person's name ("Harbour Chief Ann Lee said …"): the person named."""
    span = _span(doc, speaker)
    if span is None or any(token.ent_type_ == "PERSON" for token in span):
        return None
    if span[-1].lower_ not in lexicon.colon_speaker_nouns:
        return None
    words = [token.lower_ for token in span]
    for ent in doc.ents:
        before = doc[max(0, ent.start - len(words)) : ent.start]
        if ent.label_ == "PERSON" and len(before) == len(words) and [t.lower_ for t in before] == words:
            return (ent.start_char, ent.end_char)
    return None


def _anaphoric_head(doc: Doc, speaker: CharSpan | None, lexicon: ClaimLexicon) -> str | None:
    span = _span(doc, speaker)
    if span is None or not any(token.lower_ in lexicon.anaphoric_modifiers for token in span):
        return None
    return span.root.lemma_.lower()


def _head_lemma(doc: Doc, speaker: CharSpan) -> str | None:
    span = _span(doc, speaker)
    return span.root.lemma_.lower() if span is not None else None


def _span(doc: Doc, chars: CharSpan | None) -> Span | None:
    return None if chars is None else doc.char_span(*chars, alignment_mode="expand")


def continued_reports(
    doc: Doc, text: str, found: list[Attribution], lexicon: ClaimLexicon
) -> list[Attribution]:
    """The next sentence of the paragraph after an indirect report whose content ends that sentence, when
    it has no attribution of its own and its subject points into the report: a partitive ("1.5 thousand
    of them") or "they" with a back-shifted modal ("they would be ready")."""
    covered = [a.cue for a in found] + [a.content for a in found]
    continued: list[Attribution] = []
    for report in found:
        if report.quote != "indirect" or report.speaker is None:
            continue
        sentence = _span(doc, report.content)
        if sentence is None or report.content[1] < sentence[-1].sent.end_char - 1:
            continue
        following = _following_claim_sentence(doc, sentence[-1].sent, lexicon)
        if following is None or any(
            start < following.end_char and following.start_char < end for start, end in covered
        ):
            continue
        content = (following.start_char, following.end_char)
        if "\n" in text[report.content[0] : content[1]]:
            continue
        end = following[-1].idx if following[-1].is_punct else content[1]
        continued.append(dataclasses.replace(report, content=(content[0], end), cue_modality=None, via=None))
    return continued


def _following_claim_sentence(doc: Doc, sentence: Span, lexicon: ClaimLexicon) -> Span | None:
    """The reported stretch of the next sentence with a verb: from the subject that points back on."""
    index = sentence.end
    for _ in range(MAX_FOLLOWING_SENTENCES):
        if index >= len(doc):
            return None
        following = doc[index].sent
        index = following.end
        if not any(token.pos_ in ("VERB", "AUX") and token.dep_ == "ROOT" for token in following):
            continue  # a verbless fragment the translation left between
        subject = _continuing_subject(following, lexicon)
        return None if subject is None else doc[subject.left_edge.i : following.end]
    return None


def _continuing_subject(sentence: Span, lexicon: ClaimLexicon) -> Token | None:
    """The subject that points back into the report. The parse may join a verbless fragment to the
    sentence and give the root two subjects ("soldiers of the special forces … 1.5 thousand of them
    were …"); any of them may be the one."""
    root = sentence.root
    for subject in (c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")):
        partitive = any(
            token.lower_ == "of" and any(c.lower_ in lexicon.partitive_pronouns for c in token.children)
            for token in subject.subtree
        ) and any(token.like_num for token in subject.subtree)
        backshifted = subject.lower_ in lexicon.continuing_subjects and any(
            c.dep_ == "aux" and c.lower_ in lexicon.backshift_modals for c in root.children
        )
        if partitive or backshifted:
            return subject
    return None


# --- who a pronoun speaker is (``claims.extract`` resolves "he"/"she" with these) ---------------------------


def possessors_before(
    doc: Doc, pronoun: CharSpan, quoted: list[CharSpan], entities: Sequence[Span]
) -> list[CharSpan]:
    """People named as owners earlier in the pronoun's own sentence ("One of Trump's earlier jeremiads came
    in February, when he told Fox News …"; "Trump's comments — and his suggestion that …"): what the
    sentence is about, though no subject. A person by a PERSON entity or a surname one gives (the small
    model tags an owner "Trump's" an organisation as often as not). Objects stay out ("the deal with Kim …
    he believes"). ``entities`` is ``doc.ents``, built once per article by the caller (spaCy builds its
    spans anew on each read)."""
    token = doc.char_span(*pronoun, alignment_mode="expand")
    if token is None:
        return []
    sentence = token[0].sent
    surnames = {ent[-1].lower_ for ent in entities if ent.label_ == "PERSON"}
    owners = []
    for owner in doc[sentence.start : token[0].i]:
        if owner.dep_ != "poss" or owner.pos_ != "PROPN" or _inside(owner.idx, quoted):
            continue
        named = next((ent for ent in entities if ent.start <= owner.i < ent.end), None)
        label = named.label_ if named is not None else ""
        if label == "PERSON" or (label in ("", "ORG") and owner.lower_ in surnames):
            first = named.start_char if named is not None else owner.idx
            owners.append((first, owner.idx + len(owner)))
    return owners


# How a clause stands inside what a questioning verb asks about ("asked Trump [about statements [he had
# made]]"): through a noun's modifier, a preposition's object or a clause under them.
TOPIC_PATH_DEPS = frozenset({"relcl", "acl", "pobj", "prep", "pcomp", "advcl", "ccomp", "conj"})
TOPIC_PREPOSITIONS = frozenset({"about", "on", "over", "regarding"})
TOPIC_CLAUSE_MARKS = frozenset({"when", "where"})


def person_asked(cue: Token, lexicon: ClaimLexicon) -> Token | None:
    """ "Hewitt asked Trump about statements he had made the previous night, when he claimed Obama was …":
    the "he" of a cue inside what someone was asked about is the person asked, not the asker (PolNeAR
    second-amendment-isis-founder gave Trump's claim to Hewitt, issue #14). The named object of the nearest
    questioning verb (lexicon ``questioning_verbs``) above the cue, when the cue stands in its topic phrase
    ("about …") or in a "when"/"where" clause after it (the parse hangs "when he claimed" on the verb, not on
    the statements it dates). None elsewhere: "asked Trump to leave after he said …" tells no topic."""
    node = cue
    while node.head.i != node.i:
        verb = node.head
        if verb.pos_ == "VERB" and verb.lemma_.lower() in lexicon.questioning_verbs:
            return _asked_about(verb, node)
        if node.dep_ not in TOPIC_PATH_DEPS:
            return None
        node = verb
    return None


def _asked_about(verb: Token, branch: Token) -> Token | None:
    """The named object ``verb`` questions when ``branch`` (its child above the cue) tells the topic."""
    objects = [c for c in verb.children if c.dep_ == "dobj" and c.pos_ == "PROPN" and c.i < branch.i]
    topics = [c for c in verb.children if c.dep_ == "prep" and c.lower_ in TOPIC_PREPOSITIONS]
    if not objects or not topics:
        return None
    dated = branch.dep_ == "advcl" and branch.i > topics[0].i
    dated = dated and any(c.lower_ in TOPIC_CLAUSE_MARKS for c in branch.children if c.i < branch.i)
    return objects[0] if branch in topics or dated else None


def names_no_one_person(doc: Doc, speaker: CharSpan) -> bool:
    """A plural speaker that names no person ("critics who say …"): never what a later "he" or "she"
    stands for (PolNeAR orlando-shooting-response: "… ," he said" went to the critics Obama rebuked). A
    plural naming one as an example ("experts like Paul Bauman") still may: the "he" is that person."""
    span = _span(doc, speaker)
    if span is None or span.root.tag_ not in ("NNS", "NNPS"):
        return False
    return not any(token.ent_type_ == "PERSON" for token in span)


def relative_antecedent(doc: Doc, attribution: Attribution) -> Attribution:
    """ "Trump, who previously questioned whether …": a speaker that is a relative pronoun (a route that
    read the clause's own subject) is the one the clause describes, when a name: a common noun ("Clinton
    supporters, who had hoped …") names no one the ledger could count, and as a speaker it joined a
    group's claims to a question on other grounds (PolNeAR classified-emails: a new misleading top
    question), so the pronoun stays, as before."""
    span = None if attribution.speaker is None else doc.char_span(*attribution.speaker)
    if span is None or len(span) != 1 or span[0].tag_ not in ("WP", "WDT"):
        return attribution
    clause = span[0].head
    if clause.dep_ != "relcl" or clause.head.pos_ != "PROPN":
        return attribution
    antecedent = speaker_span(clause.head, doc[attribution.anchor])
    return attribution if antecedent is None else dataclasses.replace(attribution, speaker=antecedent)


def utterance_owner(doc: Doc, attribution: Attribution, lexicon: ClaimLexicon) -> Attribution:
    """ "his response focused on how …", "Trump's remarks suggested …": a speaker that is someone's words
    (lexicon ``utterance_nouns``) is their owner; a "his" then resolves as a "he" would."""
    span = _span(doc, attribution.speaker)
    if span is None or span.root.lemma_.lower() not in lexicon.utterance_nouns:
        return attribution
    owners = [c for c in span.root.children if c.dep_ == "poss" and c.pos_ in ("PRON", "PROPN")]
    if not owners:
        return attribution
    owner = [token for token in owners[0].subtree if token.dep_ != "case"]
    start, end = owner[0].idx, owner[-1].idx + len(owner[-1])
    return dataclasses.replace(attribution, speaker=(start, end))


def surnames_in(text: str, content: CharSpan, entities: Sequence[Span]) -> set[str]:
    """The surnames of the people named inside a claim's content: its "he" is none of them ("He insisted
    Curiel had a conflict of interest" is not Curiel's claim; a pronoun never binds a name it governs).
    ``entities``: the article's ``doc.ents``."""
    return {
        surname_of(text, (ent.start_char, ent.end_char))
        for ent in entities
        if ent.label_ == "PERSON" and content[0] <= ent.start_char and ent.end_char <= content[1]
    }


def surname_of(text: str, person: CharSpan) -> str:
    words = text[person[0] : person[1]].replace("’s", "").replace("'s", "").split()
    return words[-1].lower() if words else ""


def _inside(offset: int, spans: list[CharSpan]) -> bool:
    return any(start <= offset < end for start, end in spans)


# --- quotations that run on after the attribution -----------------------------------------------------------


def continued_quotes(context: ParseContext, found: list[Attribution]) -> list[Attribution]:
    """ "“A,” Rutte said. “B.”": B is Rutte's too, when nothing but the attribution stands between; also
    when B is the whole next paragraph (``_next_paragraph_quote``)."""
    attributed = {a.content for a in found if a.quote == "direct"}
    cues = [a.cue for a in found]
    # a mixed quote that ends on its quotation ("The budget is “a step backwards,” says X. “B.”")
    # goes on in the next quotation as a direct one does
    quoted_ends = {quote.inner_end for quote in context.quotes}
    direct = sorted(
        (a for a in found if a.quote == "direct" or (a.quote == "mixed" and a.content[1] in quoted_ends)),
        key=lambda a: a.content[0],
    )
    text = context.text
    continued: list[Attribution] = []
    for quote in context.quotes:
        content = (quote.inner_start, quote.inner_end)
        if content in attributed or quote.kind != "marks":
            continue
        earlier = [a for a in direct + continued if a.content[1] <= quote.start]
        if not earlier:
            continue
        previous = max(earlier, key=lambda a: a.content[1])  # the nearest, continued ones included
        last_end = max(previous.content[1], previous.cue[1], previous.speaker[1] if previous.speaker else 0)
        between = text[last_end : quote.start]
        if "\n" in between and not _next_paragraph_quote(text, between, quote, cues):
            continue
        if last_end == previous.cue[1] and not between.strip():
            # "“A,” the nominee told “Fox and Friends” after …": a quotation right after the cue is its
            # object (whom it was told to, a show's name), no words going on (PolNeAR orlando)
            continue
        if not between.strip(QUOTE_GAP_CHARS + "\n") or _rest_of_attribution(
            context, previous, last_end, quote.start
        ):
            continued.append(
                dataclasses.replace(previous, content=content, quote="direct", cue_modality=None)
            )
    return continued


def _next_paragraph_quote(text: str, between: str, quote: QuoteSpan, cues: list[CharSpan]) -> bool:
    """ "“A,” Rutte said.¶“B.”": a quotation that fills the next paragraph and names no one, neither after
    it ("“B,” Jones said.") nor inside it, goes on with the quotation before it, as PolNeAR marks it (one
    content in two parts). Measured on PolNeAR train: articles 0–149 content exact matches 1430 -> 1440,
    articles 150–299 1766 -> 1766 (a plain paragraph break, without these conditions, lost matches)."""
    if between.count("\n\n") != 1 or between.rsplit("\n", 1)[1].strip():
        return False  # one paragraph break, and the quotation opens the new paragraph
    if any(quote.start <= cue[0] < quote.end for cue in cues):
        return False
    paragraph_end = text.find("\n", quote.end)
    rest = text[quote.end : paragraph_end if paragraph_end >= 0 else len(text)]
    return not rest.strip(QUOTE_GAP_CHARS)


def _rest_of_attribution(context: ParseContext, previous: Attribution, start: int, end: int) -> bool:
    """ "“A,” Adelson said during the interview in Macau, ahead of the opening. “B.”": the words between
    the cue and the next quotation only finish the attribution's sentence (its time, place, audience), and
    the next quotation opens a sentence of its own. A quotation before the attribution is needed: after
    "X said that …" a quotation is a new voice as often as not."""
    if previous.content[1] > previous.cue[0]:
        return False
    cue, first, last = (
        context.doc[previous.anchor],
        context.first_token_at(start),
        context.last_token_before(end),
    )
    opening = context.first_token_at(end)
    if first is None or last is None or opening is None or last.i < first.i:
        return False
    sentence = cue.sent
    return (
        sentence.start <= first.i
        and last.i < sentence.end
        and opening.i >= sentence.end - 1
        and not any(_opens_clause(token) for token in context.doc[first.i : last.i + 1])
    )


def _opens_clause(token: Token) -> bool:
    """A subject of a new main clause ("…, and Trump replied"): someone else may speak next. A subject
    inside an aside ("who already voted", "when asked if he had met Trump") only describes the scene."""
    return token.dep_ in ("nsubj", "nsubjpass") and token.head.dep_ in ("ROOT", "conj", "ccomp", "parataxis")
