"""A ledger question's positions and the question record: who holds which value or stance, and its status.

Split from ``ledger.positions`` (which builds a story's questions) so that building and weighing stay apart:

- positions: for a measured thing, one per distinct value (approximate values within a few percent are one
  position only when one speaker gives both), plus "deny" / "unconfirmed" for claims that deny or cannot
  confirm the figure; for a proposition, affirm / deny / unconfirmed as ``claims.stance_of`` reads the
  claim (an asserted content with a negation, "there were no sirens", takes the deny side);
- independent sources: ``ledger.sources`` (a speaker is one source however many outlets repeat them; a
  relay is no second source);
- status: ``ledger.status`` (contested, denied, unconfirmed, corroborated, single-source, or a series: a
  count moving by date, from one source or several keeping step, ``ledger.series``), with the reason
  naming who and how many.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cache
from types import MappingProxyType
from typing import get_args

from storyline.config import DEFAULT_SETTINGS, LedgerSettings
from storyline.lexicons import load_lexicon
from storyline.records import Article, Claim, Position, Question, Stance, Story
from storyline.stages.claims import stance_of
from storyline.stages.ledger.addressees import as_filed
from storyline.stages.ledger.doubts import rebutted_concession
from storyline.stages.ledger.grouping import WORD, ledger_lexicon, speaker_key
from storyline.stages.ledger.measures import Measure
from storyline.stages.ledger.question_ids import question_id
from storyline.stages.ledger.relays import as_relayed
from storyline.stages.ledger.series import EITHER_WAY, calendar_day
from storyline.stages.ledger.sources import independent_sources, is_unnamed_report, report_words
from storyline.stages.ledger.status import judge_status
from storyline.stages.ledger.status_reasons import UNATTRIBUTED
from storyline.stages.ledger.voices import NO_VOICES, Voices, as_voices, spurns_an_offer

STANCES: tuple[Stance, ...] = get_args(Stance)  # the order a proposition's positions are listed in


@dataclass(frozen=True, slots=True)
class Context:
    """What every position of one story needs to look up."""

    by_id: dict[str, Article]
    origin: dict[str, str]
    settings: LedgerSettings
    names: dict[str, str]  # entity id → name, for the status reasons
    texts: dict[str, str]  # article id → text, for the sentence a label's predicate is parsed in
    # who speaks as an organisation (``voices.organisation_voices``): a position lists and counts it
    voices: Voices = NO_VOICES
    # person entity id → the words naming them, for finding whom a relay passes on (``ledger.relays``)
    known: Mapping[str, frozenset[str]] = field(default_factory=dict)


def make_position(
    claims: Sequence[Claim], context: Context, value: float | None, stance: Stance | None
) -> Position:
    claims = as_voices(as_filed(claims, context.texts, context.names), context.voices)
    articles = [context.by_id[claim.article] for claim in claims]
    speakers = dict.fromkeys(_speaker_shown(claim, context) for claim in claims)
    outlets = dict.fromkeys(article.label for article in articles)
    dates = [article.published for article in articles if article.published and article.published[0] != "-"]
    return Position(
        claims=tuple(dict.fromkeys(claim.id for claim in claims)),
        speakers=tuple(speakers),
        outlets=tuple(outlets),
        # a relay of a speaker the position holds ("McCaul said the FBI director said …") is no second source
        independent_sources=len(
            independent_sources(as_relayed(claims, context.texts, context.known), context.origin)
        ),
        value=value,
        stance=stance,
        earliest=min(dates) if dates else None,
    )


def _speaker_shown(claim: Claim, context: Context) -> str:
    """Who a position lists for a claim: its speaker, the outlet for its own voice, the words naming a
    report no one is named for ("reports in the Greek press"), else unattributed."""
    if claim.outlet_voice:
        return context.by_id[claim.article].label
    if is_unnamed_report(claim) and claim.article in context.texts:
        return report_words(claim, context.texts[claim.article])
    return claim.speaker or claim.speaker_text or UNATTRIBUTED


def value_positions(measures: Sequence[Measure], context: Context) -> list[Position]:
    """One position per value; a speaker's approximate neighbour values fold into their first value, unless
    the speaker gives a figure as changed or revised ("subsequent estimates put it closer to 54,000"): then
    "about 55,000" was the earlier value, not a rounding of the later one. A
    position is first carried on the earliest day of its figures: a value an article relays with the day
    it was given ("on Monday 24 were missing") dates from that day (``Measure.day``)."""
    by_value: dict[float, list[Claim]] = {}
    told: dict[float, list[date]] = {}
    spoken: dict[str, list[float]] = {}
    revised: set[str] = set()  # speakers who give a figure as changed or revised: a new value, no rounding
    for measure in measures:
        if measure.changing:
            revised.add(speaker_key(measure.claim))
    for measure in sorted(measures, key=lambda m: (m.quantity.approx, m.quantity.value)):
        value, speaker = measure.quantity.value, speaker_key(measure.claim)
        if measure.quantity.approx and speaker not in revised:
            near = [
                v
                for v in spoken.get(speaker, [])
                if abs(v - value) <= context.settings.same_speaker_tolerance * max(v, 1)
            ]
            value = near[0] if near else value
        spoken.setdefault(speaker, []).append(value)
        if all(claim.id != measure.claim.id for claim in by_value.setdefault(value, [])):
            by_value[value].append(measure.claim)
        if measure.day is not None:
            told.setdefault(value, []).append(measure.day)
    positions = [make_position(claims, context, value, None) for value, claims in sorted(by_value.items())]
    return [_told_earlier(position, told.get(position.value or 0.0, [])) for position in positions]


def _told_earlier(position: Position, days: Sequence[date]) -> Position:
    """The position dated by the earliest of its figures' days when that is before its articles' dates."""
    carried = calendar_day(position.earliest)
    first = min(days, default=None)
    if first is None or (carried is not None and carried <= first):
        return position
    return replace(position, earliest=first.isoformat())


def stance_positions(
    claims: Sequence[Claim], context: Context, skip: frozenset[Stance] = frozenset()
) -> list[Position]:
    """One position per stance the claims take (``claims.stance_of``); a hedged concession its speaker answers
    ("there may be some generals who … But those who are involved …": ``doubts.rebutted_concession``)
    takes the deny side, as the speaker argues against the thing conceded; a rejection of an offer
    ("Khan rejected Trump's offer to make an exception": ``spurns_an_offer``) takes the affirm side, as
    the speaker spurns an offer that was made, denying nothing."""
    by_stance: dict[Stance, list[Claim]] = {}
    silent = _silent_elsewhere(claims) | _quoted_fragments(claims)
    for claim in claims:
        stance = side_of(claim)
        if stance not in skip and claim.id not in silent:
            by_stance.setdefault(stance, []).append(claim)
    return [
        make_position(by_stance[stance], context, None, stance) for stance in STANCES if stance in by_stance
    ]


def _silent_elsewhere(claims: Sequence[Claim]) -> set[str]:
    """The ids of the claims that are a speaker's silence on another thing than the rest's
    (``silent_on_another_thing``), unless that would leave no claim at all."""
    silent = {
        claim.id
        for claim in claims
        if side_of(claim) == "unconfirmed"
        and silent_on_another_thing(claim, [c for c in claims if c is not claim])
    }
    return silent if len(silent) < len(claims) else set()


def _quoted_fragments(claims: Sequence[Claim]) -> set[str]:
    """The ids of the claims that are a fragment of another's words: a claim lying whole inside another
    claim's content, its cue included, whose own content has no finite verb ("Trump said Fox executives were
    calling “every 15 minutes”", parsed with the executives as the speaker of "every 15 minutes"). The
    quoted words are the outer speaker's account of the executives, nothing the executives stated: in
    PolNeAR's trump-debate-demands Fox News stood beside Trump on the side of whether Fox kept calling him,
    the very thing Fox denied (issue #14). A content whose verbs are unknown (``finite_verbs`` None) stays."""
    return {
        claim.id
        for claim in claims
        if claim.finite_verbs == ()
        and claim.cue_end > claim.cue_start
        and any(
            other is not claim
            and other.article == claim.article
            and other.start <= claim.cue_start
            and claim.end <= other.end
            for other in claims
        )
    }


@dataclass(frozen=True, slots=True)
class Silences:
    """``[silences]`` of the ledger lexicon (``silent_on_another_thing``)."""

    verbs: frozenset[str]
    negations: frozenset[str]


@cache
def silences() -> Silences:
    data = load_lexicon("ledger")["silences"]
    return Silences(frozenset(data["verbs"]), frozenset(data["negations"]))


def _common_words(text: str) -> set[str]:
    """A text's lower-case content words (no name, no stopword), each cut to a stem of four letters ("phon"
    for "phoned", "phoning")."""
    stopwords = ledger_lexicon().stopwords
    return {
        word[:4] for word in WORD.findall(text) if word.islower() and word not in stopwords and len(word) > 2
    }


def silent_on_another_thing(claim: Claim, others: Sequence[Claim]) -> bool:
    """Whether a non-confirmation is its speaker's silence ("Trump did not at any time mention requesting a
    donation", "he did not say who made the apology": a negated verb of saying in the cue, ``[silences]``)
    on something that shares no word with what the ``others`` say (names aside): that the speaker left one
    thing unsaid casts no doubt on another. In PolNeAR's trump-debate-demands, West Journal's notes on what
    Trump left unsaid stood as the 'unconfirmed' side of whether Fox kept calling him, credited to Trump
    himself (issue #14). A silence sharing a word with the others ("did not say whether the mayor resigned"
    beside "the mayor resigned") keeps its side."""
    lexicon = silences()
    cue = [word.lower() for word in claim.cue.replace("’", "'").split()]
    if not (set(cue) & lexicon.negations or any(word.endswith("n't") for word in cue)):
        return False
    if not set(cue) & lexicon.verbs:
        return False
    said = set().union(*(_common_words(other.text) for other in others)) if others else set()
    return bool(said) and not _common_words(claim.text) & said


def side_of(claim: Claim) -> Stance:
    """The side a claim takes on its proposition (``stance_positions``)."""
    if rebutted_concession(claim):
        return "deny"
    if spurns_an_offer(claim):
        return "affirm"
    return stance_of(claim)


def make_question(
    story: Story,
    key: str,
    question: str,
    unit: str | None,
    positions: Sequence[Position],
    claims: Sequence[Claim],
    corroborators: int | None = None,
    names: Mapping[str, str] = MappingProxyType({}),
    origin: Mapping[str, str] = MappingProxyType({}),
    floors_only: bool = False,
    series_directions: frozenset[str] = EITHER_WAY,
    settings: LedgerSettings = DEFAULT_SETTINGS.ledger,
    relayers: frozenset[str] = frozenset(),
) -> Question:
    """``relayers``: speakers who only pass the thing on (``ledger.relays``), named apart in the reason."""
    sources = len(independent_sources(claims, origin)) if origin else None
    status, reason = judge_status(
        positions,
        claims,
        corroborators,
        names,
        sources,
        floors_only,
        series_directions,
        settings.series_tolerance,
        relayers,
    )
    return Question(
        id=question_id(story.id, key),  # unique within the story, stable across runs (``question_ids``)
        question=question,
        unit=unit,
        status=status,
        status_reason=reason,
        positions=tuple(positions),
    )
