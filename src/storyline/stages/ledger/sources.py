"""Who counts as an independent source of a position or question, so that repetition is not agreement.

- a speaker is one source however many outlets repeat them; a claim without a nameable speaker counts once
  per originating outlet (copies collapsed through ``copies.origins``);
- a relay is no second source: a speaker passing on another's words ("Davis said the FBI said she did
  nothing illegal": the FBI's claim lies inside Davis's content) counts as the source relayed; so does one
  whose relayed speaker has no claim of their own there ("quoting Comey's statement": ``ledger.relays``,
  applied where a question's sources are counted). (An outlet's
  own sentence beside a claim it quotes was tried as a relay too: on the demo gold it turned the Frost Owl
  question from corroborated to single-source, status accuracy 0.600 → 0.550, because the outlet's sentence
  there is a misread non-confirmation; left for the claims stage.)
- the subject of a claim does not corroborate it ("Comey said Clinton was careless" is not corroborated by
  a speaker parsed as "Clinton" whose own words name Clinton); a speaker whom another claim names is still a
  source of their own claims.
- a person or description speaking as an organisation is one source with it: sources are counted over the
  voices ``ledger.voices`` gives the claims' speakers.
- an anonymous speaker, an indefinite description of a person ("a New Hampshire Democrat", "one Iowa
  Republican insider", "some Clinton allies") or a bare plural of one ("Democratic insiders"), names no one
  (``is_anonymous``): it counts as the outlet that quotes it, so several anonymous respondents of one outlet's
  survey are one voice with the outlet, not a source each (issue #14: PolNeAR's iowa-caucus-results showed
  POLITICO's insiders, each described by state and party, as independent sources of one forecast).
- an outlet's own sentence telling what an organisation or a person counted ("On Tuesday the ministry had
  counted 41 facilities back online and 125 still cut off") gives the counter's figures: the counter is
  its speaker (``ledger.counters``), so a count that an outlet relays this way is the counter's, not a
  second source beside it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache

from storyline.lexicons import load_lexicon
from storyline.records import Claim
from storyline.stages.ledger.counters import counter_lexicon
from storyline.stages.ledger.grouping import TOKEN_MARK, WORD, EntitySpans, ledger_lexicon

# Verbs by which an outlet credits a finding or a document to the one who made it public ("the New York
# Times published portions of his returns that showed …", "the Post obtained records", "an analysis by the AP
# found"); the saying verbs are ``[counters] saying_verbs``. A closed newsroom set, written by hand.
CREDITING_VERBS = frozenset(
    {"published", "publishes", "obtained", "obtains", "revealed", "reveals", "found", "finds", "disclosed"}
)
# How many words after the speaker's name its verb may stand at (auxiliaries between: "has", "had").
CREDIT_REACH = 3
# words between a report's noun and what it says ("reports in the Greek press that …")
REPORT_OPENERS = frozenset({"that", "saying", "whether", "claiming", "suggesting"})
# What may cling to a speaker's words ("insiders,", "“a senior adviser”"): stripped before they are read.
SPEAKER_PUNCTUATION = ",.;:!?\"'“”‘’()"


@dataclass(frozen=True, slots=True)
class AnonymousLexicon:
    determiners: frozenset[str]  # that make a description indefinite ("a", "one", "another", "some")
    singular: frozenset[str]  # nouns of a person heading such a description ("insider", "democrat")
    plural: frozenset[str]  # their plurals, which head a bare plural ("Democratic insiders")


@cache
def anonymous_lexicon() -> AnonymousLexicon:
    data = load_lexicon("ledger")["anonymous"]
    return AnonymousLexicon(
        frozenset(data["determiners"]), frozenset(data["singular"]), frozenset(data["plural"])
    )


def is_anonymous(speaker_text: str | None) -> bool:
    """Whether a speaker's words describe an unnamed person: an indefinite determiner ("a", "one", "another",
    "some", "two-thirds of" …) or, before a plural, none; any modifiers; a noun of a person (``[anonymous]``:
    insider, adviser, Democrat …); and nothing after it naming someone ("a spokesman for the Jupiter Police
    Department", "Republican strategist Ryan Williams" name whom they speak for or who they are). Capitals
    among the modifiers name a place, a party or an employer, not the speaker: "a New Hampshire Democrat" is
    as anonymous as "a senior adviser"."""
    lexicon = anonymous_lexicon()
    words = [word.strip(SPEAKER_PUNCTUATION) for word in (speaker_text or "").split()]
    words = [word for word in words if word]
    if (
        len(words) > 2
        and words[1].lower() == "of"
        and (words[0].lower() in lexicon.determiners or "-" in words[0])
    ):
        words = words[2:]  # "two-thirds of Democratic insiders", "some of those critics"
    people = lexicon.singular | lexicon.plural
    head = next((i for i, word in enumerate(words) if word.lower() in people), None)
    while head is not None and head + 1 < len(words) and words[head + 1].lower() in people:
        head += 1  # "Republican insiders": the last of a compound's nouns heads it
    if head is None or any(word[0].isupper() for word in words[head + 1 :]):
        return False
    return words[0].lower() in lexicon.determiners or words[head].lower() in lexicon.plural


def is_unnamed_report(claim: Claim) -> bool:
    """A report no one is named for ("denied reports in the Greek press that a man had been arrested",
    "faced questions about reports on Greek television that …"): a statement noun as its cue, no speaker,
    not the outlet's own voice. It is what a denial answers, no source to weigh against it."""
    if claim.speaker or claim.speaker_text or claim.outlet_voice:
        return False
    return claim.cue.lower() in ledger_lexicon().statement_nouns


def is_reader_letter(claim: Claim) -> bool:
    """A reader's letter or comment on a letters page, as the claims stage marks it (``claims.letters``).
    Readers are no sources of fact: their views are the opinion of those who hold them
    (``status.judge_status``). An embedded post is signed too, with no cue (``claims.posts``), but its
    named author is a source like any speaker."""
    return claim.signed == "letter"


def report_words(claim: Claim, text: str) -> str:
    """The words naming an unnamed report, from its cue to its content ("reports in the Greek press"); a
    bare noun as "unnamed reports"."""
    words = text[claim.cue_start : claim.start].split()
    while words and words[-1].lower() in REPORT_OPENERS:
        words.pop()
    return " ".join(words) if len(words) > 1 else f"unnamed {claim.cue}"


def speaker_source(claim: Claim) -> str:
    """The source a claim's speaker counts as where outlets are not told apart: its entity, else its words
    lower case (``source_key`` before a pronoun or a poll's share is told apart by outlet)."""
    return claim.speaker or (claim.speaker_text or "").lower().strip()


def source_key(claim: Claim, origin: Mapping[str, str]) -> str:
    """One independent source: the speaker; for claims with no nameable speaker, the originating outlet; for
    an anonymous one (``is_anonymous``), the outlet itself."""
    if claim.speaker:
        return claim.speaker
    said_by = speaker_source(claim)
    if any(c.isdigit() for c in said_by):
        # "73 percent", "only 52 percent of registered voters": shares of one poll's respondents, one source
        return f"origin:{origin[claim.article]}:respondents"
    # "he", "they": only the outlet knows who
    if not said_by or said_by in ledger_lexicon().stopwords:
        return f"origin:{origin[claim.article]}:{said_by}"
    if is_anonymous(claim.speaker_text):
        # "a New Hampshire Democrat", "another New Hampshire Democrat": the outlet's respondents, one voice
        # with the outlet's own (its key, with no speaker's words)
        return f"origin:{origin[claim.article]}:"
    return said_by


def independent_sources(claims: Sequence[Claim], origin: Mapping[str, str]) -> set[str]:
    """The distinct sources of ``claims``, relays left out when what they relay is among the claims."""
    # only claims of one article can relay each other: compare within articles (a question may hold
    # thousands of claims, an article a handful)
    by_article: dict[str, list[Claim]] = {}
    for claim in claims:
        by_article.setdefault(claim.article, []).append(claim)
    kept = [claim for claim in claims if not _relays(claim, by_article[claim.article])]
    return {source_key(claim, origin) for claim in kept or claims}


def corroborators(
    claims: Sequence[Claim],
    mentioned: Mapping[str, frozenset[str]],
    origin: Mapping[str, str],
    spans: EntitySpans | None = None,
) -> int:
    """Independent sources among the claims' speakers, leaving out a claim whose own content is about its
    speaker (a speaker parsed as the subject of the words, or one vouching for themselves) and an outlet's
    sentence crediting what it says to one of the speakers (``credits_speaker``). A speaker that another
    claim names is still a source of their own claims: an outlet's "Lewandowski was dismissed" beside
    Lewandowski's own account of who ran the campaign leaves his account a second source."""
    speakers = frozenset(claim.speaker for claim in claims if claim.speaker)
    outside = [
        claim
        for claim in claims
        if (not claim.speaker or TOKEN_MARK + claim.speaker not in mentioned.get(claim.id, frozenset()))
        and not credits_speaker(claim, speakers, spans or {})
    ]
    return len(independent_sources(outside, origin))


def credits_speaker(claim: Claim, speakers: frozenset[str], spans: EntitySpans) -> bool:
    """Whether an outlet's own sentence credits what it says to one of ``speakers``, naming it as the subject
    of a verb of reporting or publishing ("the New York Times published portions of Trump's returns that
    showed he lost nearly $916 million", beside the Times' own claim of the loss): a relay of that speaker,
    no second source. A speaker named otherwise ("Lewandowski was dismissed …") is not credited."""
    if claim.speaker or not claim.outlet_voice:
        return False
    for start, end, entity in spans.get(claim.article, []):
        if entity in speakers and claim.start <= start < end <= claim.end:
            words = [word.lower() for word in WORD.findall(claim.text[end - claim.start :])[:CREDIT_REACH]]
            verb = next((word for word in words if word not in counter_lexicon().between), None)
            if verb in CREDITING_VERBS or verb in counter_lexicon().saying_verbs:
                return True
    return False


def _relays(claim: Claim, same_article: Sequence[Claim]) -> bool:
    """Whether ``claim``'s content holds another claim of its article whole, its cue included ("Davis said
    the FBI said …"): it passes that claim on."""
    return any(
        other is not claim
        and other.cue_end > other.cue_start
        and claim.start < other.cue_start
        and claim.start <= other.start
        and other.end <= claim.end
        for other in same_article
    )
