"""A question's status and the reason a reader is shown, from its positions (``judge_status``).

Contested when independent sources take different sides (values, or an asserted affirmation against a denial:
the reason says "denied by X"); denied only when no source affirms (a hedged allegation takes no side, nor
does a report no one is named for, "denied reports in the Greek press that…": it is what the denial answers);
floors agree with each other, and with an exact value that meets them or that came before them (a running
total); unconfirmed beside non-confirmations (not one no one is named for, "unattributed": the parse lost its
speaker, and nothing a reader can weigh stands behind it) or with only hedged support (not a figure stated in
a clause the hedge does not reach, ``figure_hedges``), different figures each given with a
hedge included ("could have … 18 years", "may not have … nearly two decades": estimates, no contest), or
one source's claim its report adds is not confirmed ("…, a claim the ministry says it has found no evidence
for": ``doubts.doubting_rider``), or resting only on unnamed sources that spoke to another party
("according to three intelligence sources who spoke to Fox News": ``doubts.anonymous_relay``); a hedged
concession its speaker answers ("there may be some … But …") denies (``doubts.rebutted_concession``, read in
``ledger.sides``), the reason saying it was conceded; corroborated only by two or more independent sources
other than the claim's own subject, and beside a speaker
the text names, not by one it does not ("It", "the candidate": ``corroborating``); a series when a count moves
one way over successive dates, from one source or from several keeping step (``ledger.series``: a tally of a
kind of count, the dead, the missing, the displaced; never a sum of money or a share; a count of a bare noun
only where a sentence sets two of its values on two days against each other, ``tallies.told_directions``,
since two such figures one speaker gives on two days are as often two things, 50 million lari allotted and
then 120 million of cost, as one thing moving); single-source otherwise. An opinion ("… has run amok", "that
makes me smart") is neither corroborated nor contested, a negation a modal hedges ("may not have paid") denies
nothing, and a negation in words read around another's quote takes no side (``ledger.opinions``). Every reason
names who.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from types import MappingProxyType

from storyline.config import DEFAULT_SETTINGS
from storyline.records import Claim, Position, QuestionStatus
from storyline.stages.ledger.counted import is_lower_bound
from storyline.stages.ledger.doubts import anonymous_relay, doubting_rider, rebutted_concession
from storyline.stages.ledger.figure_hedges import asserted_figures
from storyline.stages.ledger.grouping import ledger_lexicon
from storyline.stages.ledger.non_counts import tells_an_intention
from storyline.stages.ledger.opinions import all_opinions, hedges_its_negation, quotes_around
from storyline.stages.ledger.series import EITHER_WAY, calendar_day, counts_apart, day_label, series_status
from storyline.stages.ledger.sources import (
    is_anonymous,
    is_reader_letter,
    is_unnamed_report,
    speaker_source,
)
from storyline.stages.ledger.status_reasons import (
    UNATTRIBUTED,
    answer_text,
    count_of,
    deniers,
    not_counted_note,
    who_of,
)

# The words of a speaker span, for whether any names someone (``names_its_speaker``).
_WORDS = re.compile(r"[^\W\d_]+")
# No speaker left uncounted (``_uncounted``: none naming no one, none telling their own plans, none only
# allowing it with a hedge), where the sources are not counted apart.
NONE_UNCOUNTED: tuple[frozenset[str], frozenset[str], frozenset[str]] = (
    frozenset(),
    frozenset(),
    frozenset(),
)
# The modalities of a claim that allows what it says without asserting it ("there may be some generals …")
NOT_ASSERTING = frozenset({"hedged", "unconfirmed"})


def names_its_speaker(claim: Claim) -> bool:
    """Whether the text names who makes the claim: a resolved speaker, the outlet's own voice, or words with
    a name in them ("State's reviewers"), not a pronoun ("It"), a description ("the candidate", "the
    committee chairmen"), an anonymous source ("a New Hampshire Democrat", "Democratic sources":
    ``sources.is_anonymous``) or a noun the parse took for a speaker ("deadlock")."""
    if claim.speaker or claim.outlet_voice:
        return True
    if is_anonymous(claim.speaker_text):
        return False  # "a New Hampshire Democrat": capitals of a place and a party, no name
    stopwords = ledger_lexicon().stopwords
    return any(
        word[0].isupper() and word.lower() not in stopwords
        for word in _WORDS.findall(claim.speaker_text or "")
    )


def corroborating(claims: Sequence[Claim]) -> list[Claim]:
    """The claims whose speakers may corroborate: beside a speaker the text names, only those naming theirs
    (``names_its_speaker``). "It" or "the candidate" may be the named man again (issue #14: on PolNeAR's
    curiel story they made Trump's own charges corroborated by two and three independent sources); with
    no name anywhere, two outlets each citing "they" are still two reports. Such a voice keeps its
    position and may still contest. Nor does a speaker's own intention ("Pence plans to release his own
    returns", "Trump wants to release his taxes": ``tells_an_intention``) corroborate what others assert
    (issue #14: PolNeAR trump-taxes showed both among three sources agreeing that Trump should release his
    returns); unless every claim is one, they keep their position and are not counted. Nor, beside an
    assertion, does a hedged claim ("there may be some out-of-the-loop generals … But those who are
    involved …": a concession that the speaker goes on to answer, which now takes the deny side,
    ``doubts.rebutted_concession``) agree with it: it allows, and PolNeAR's orlando story called Trump's
    claim that generals agree with him corroborated by his critic's hedge."""
    named = [claim for claim in claims if names_its_speaker(claim)] or list(claims)
    meant = [claim for claim in named if not tells_an_intention(claim)] or named
    return [claim for claim in meant if claim.modality not in NOT_ASSERTING] or meant


def judge_status(
    positions: Sequence[Position],
    claims: Sequence[Claim],
    corroborators: int | None = None,
    names: Mapping[str, str] = MappingProxyType({}),
    sources: int | None = None,
    floors_only: bool = False,
    series_directions: frozenset[str] = EITHER_WAY,
    series_tolerance: float = DEFAULT_SETTINGS.ledger.series_tolerance,
    relayers: frozenset[str] = frozenset(),
) -> tuple[QuestionStatus, str]:
    """Status and the reason a reader is shown, naming who and how many.

    Contested when independent sources take different sides (values, or affirm against deny); denied only
    when no source affirms; corroborated only by ``corroborators`` independent sources (speakers other than
    the claim's own subject; by default the position's independent sources). ``sources``: independent
    sources of the whole question, when known: one source cannot contest itself (a poll's shares of
    respondents answering yes and no are one poll's result), though its values on successive dates can be a
    series (``ledger.series``), as can several sources' values keeping step. ``floors_only``: every value is a
    floor ("more than 1,200", "more than 1,300"), and floors never contradict each other.
    ``series_directions``: the ways the values may move as a series (``series.series_directions``): none
    unless they are a tally of a kind of count (the dead, the missing: ``count_kinds``) or a figure a sentence
    tells moving (``tallies.told_directions``), only "rose" for a tally that only grows; nor is a question
    whose ``sources`` were not counted a series. ``relayers``:
    speakers who only pass another's words on (``ledger.relays``): a corroborated or single-source reason
    names them apart ("one source (Comey), relayed by Donald Trump"), never as sources. A question whose
    every claim is an opinion is never corroborated nor contested: the opinion of those who hold it
    (``ledger.opinions``). A hedged claim stating its figure in a clause of its own ("could fare well …, when
    15 states will hold elections") asserts that figure (``figure_hedges.asserted_figures``)."""
    claims = asserted_figures(positions, claims)
    status, reason = _weighed(
        positions,
        claims,
        corroborators,
        names,
        sources,
        floors_only,
        series_directions,
        series_tolerance,
        relayers,
    )
    if status in ("corroborated", "contested") and any(is_reader_letter(claim) for claim in claims):
        return _without_readers(positions, claims, names)
    if status in ("corroborated", "contested", "single-source") and _an_opinion(positions, claims):
        # those who hold it, not those who reject it, nor a quote read around it
        holding = [p for p in positions if p.stance == "affirm"] or list(positions)
        return "single-source", f"an opinion ({who_of(holding, names)}), not a fact sources can weigh"
    return status, reason


def _without_readers(
    positions: Sequence[Position], claims: Sequence[Claim], names: Mapping[str, str]
) -> tuple[QuestionStatus, str]:
    """The status weighed without readers' letters: readers' views neither corroborate nor contest (issue
    #14: PolNeAR's mexico story showed a USA Today page of readers' comments as a side against the outlet,
    and readers' praise beside a politician's as corroboration). A question only readers take part in is
    their opinion; otherwise the other positions are weighed alone, their sources not counted anew."""
    readers = {claim.id for claim in claims if is_reader_letter(claim)}
    kept = [position for position in positions if not set(position.claims) <= readers]
    if not kept:
        return (
            "single-source",
            f"readers' opinions ({who_of(positions, names)}), not a fact sources can weigh",
        )
    return judge_status(
        [_less_readers(position, claims, readers) for position in kept],
        [claim for claim in claims if claim.id not in readers],
        names=names,
    )


def _less_readers(position: Position, claims: Sequence[Claim], readers: set[str]) -> Position:
    """The position without its readers' letters (``readers``: their claims' ids): their claims, and the
    names and sources of signers who say nothing in it but letters (each signer one source,
    ``sources.speaker_source``). A politician's claim beside a reader's praise stood "2 independent sources
    agree" when the letter was dropped but its signer still counted."""
    held = [claim for claim in claims if claim.id in position.claims]
    letters = [claim for claim in held if claim.id in readers]
    if not letters:
        return position
    others = [claim for claim in held if claim.id not in readers]
    gone = {speaker_source(claim) for claim in letters} - {speaker_source(claim) for claim in others}
    shown = {claim.speaker or claim.speaker_text for claim in letters if speaker_source(claim) in gone}
    return replace(
        position,
        claims=tuple(claim for claim in position.claims if claim not in readers),
        speakers=tuple(speaker for speaker in position.speakers if speaker not in shown),
        speaker_texts=tuple(speaker for speaker in position.speaker_texts if speaker not in shown),
        independent_sources=max(position.independent_sources - len(gone), 1),
    )


def _an_opinion(positions: Sequence[Position], claims: Sequence[Claim]) -> bool:
    """Whether the question is a proposition every claim of which judges rather than states."""
    return all(p.value is None for p in positions) and all_opinions(claims)


def _weighed(
    positions: Sequence[Position],
    claims: Sequence[Claim],
    corroborators: int | None,
    names: Mapping[str, str],
    sources: int | None,
    floors_only: bool,
    series_directions: frozenset[str],
    series_tolerance: float,
    relayers: frozenset[str],
) -> tuple[QuestionStatus, str]:
    """``judge_status`` before an opinion is told apart."""
    one_source = who_of(positions, names) if sources == 1 else None
    # sources not counted (a replayed correction's question): unknown whether one count or sides
    if series_directions and sources is not None and len(positions) > 1 and (one_source or not floors_only):
        # a count moving over successive dates, not a contest (``ledger.series``)
        series = series_status(positions, names, one_source, series_tolerance, series_directions, claims)
        if series is not None:
            return series
    if one_source and len(positions) > 1:
        return "single-source", f"one source ({one_source}) on every side"
    if floors_only and all(p.value is not None for p in positions):
        return _agreeing_floors(positions, corroborators, names)
    if len(positions) > 1 and _floors_met(positions, claims):
        return _agreeing_floors(positions, corroborators, names, _floors(positions, claims))
    # a negation in words read around another's quote is no side against it (``opinions.quotes_around``)
    answers = [p for p in positions if p.stance != "unconfirmed" and not _negation_around_a_quote(p, claims)]
    if answers and all(_hedged_denial(p, claims) for p in answers):
        # "Trump may not have paid a dime": allowed, not denied (``opinions.hedges_its_negation``)
        return "unconfirmed", f"only hedged support (may not: {who_of(answers, names)})"
    denying = [p for p in answers if p.stance == "deny"]
    if _denies_only_itself(denying, answers, names):
        # one voice's own words read on both sides: no contest, the rest weighed alone
        kept = [p for p in positions if p.stance != "deny"]
        held = {claim_id for p in kept for claim_id in p.claims}
        if corroborators is not None:  # counted over the whole question, the denials' voices included
            corroborators = min(corroborators, sum(p.independent_sources for p in kept))
        weighing = (sources, floors_only, series_directions, series_tolerance, relayers)
        kept_claims = [claim for claim in claims if claim.id in held]
        status, reason = _weighed(kept, kept_claims, corroborators, names, *weighing)
        return (
            status,
            f"{reason}; not counted: a denial by the voice that affirms it ({who_of(denying, names)})",
        )
    modality = {claim.id: claim.modality for claim in claims}
    # An allegation relayed with a hedge ("had allegedly been warned") takes no side against a denial.
    affirming = [
        p for p in answers if p.stance != "deny" and any(modality.get(c) == "asserted" for c in p.claims)
    ]
    # a non-confirmation no one is named for (the parse lost its speaker) weighs nothing beside answers
    not_confirmed = [p for p in positions if p.stance == "unconfirmed" and not _voiceless(p)]
    voiceless_doubt = any(p.stance == "unconfirmed" and _voiceless(p) for p in positions) and bool(answers)
    speakers = {speaker for position in positions for speaker in position.speakers}
    reported = [p for p in affirming if _only_unnamed_reports(p, claims)]
    if denying and reported and len(reported) == len(affirming):
        # "denied reports in the Greek press that a man had been arrested": the report is what is denied,
        # known only through the denial, no source that could be weighed against it
        carried = ", ".join(dict.fromkeys(o for p in reported for o in p.outlets))
        return "denied", (
            f"denied by {deniers(denying, names)}; no named source affirms (only {who_of(reported, names)}, "
            f"carried by {carried})"
        )
    if denying and affirming:
        sources = sum(p.independent_sources for p in affirming)
        affirm = f"{count_of(sources, 'source')} affirm ({who_of(affirming, names)})"
        return "contested", f"{affirm}; denied by {deniers(denying, names)}{_conceding(denying, claims)}"
    if denying:
        hedged = [p for p in answers if p.stance != "deny"]
        if hedged:  # affirmed only with a hedge: denied, but not as though no one affirmed it
            return (
                "denied",
                f"denied by {deniers(denying, names)}; affirmed only with a hedge ({who_of(hedged, names)})",
            )
        hedgers = _hedged_deniers(denying, claims)
        if hedgers and len(denying) == 1 and denying[0].independent_sources - len(hedgers) < 2:
            # "She may not be the orator Obama is" beside one remark of another's: a modal's negation
            # allows, it does not deny, so one denial at most stands; no one affirms, nothing is settled
            # the reason says so: "denied by 2 sources" under an unconfirmed status read as a contradiction
            plain = "one plain denial" if denying[0].independent_sources > len(hedgers) else "no plain denial"
            return "unconfirmed", (
                f"no source affirms; {plain} ({who_of(denying, names)}: "
                f"{count_of(len(hedgers), 'source')} only with a hedge, may not)"
            )
        return "denied", f"denied by {deniers(denying, names)}; no source affirms"
    if len(answers) > 1 and _only_hedged_estimates(answers, claims):
        # "could have let him avoid tax for 18 years", "may not have paid for nearly two decades": estimates
        # each put with a hedge allow a figure and contradict none, so they are no contest
        named = "; ".join(f"{answer_text(p)} ({who_of([p], names, 2)})" for p in answers)
        return (
            "unconfirmed",
            f"only hedged estimates, none asserted ({count_of(len(speakers), 'speaker')}: {named})",
        )
    if len(answers) > 1:
        # sources each counting a tally, each count moving: their series and latest values (``ledger.series``)
        apart = counts_apart(answers, names, series_directions) if series_directions else None
        if apart is not None:
            return "contested", apart
        kind = "value" if any(p.value is not None for p in answers) else "position"
        named = "; ".join(f"{answer_text(p)} ({who_of([p], names, 2)})" for p in answers)
        return "contested", f"{count_of(len(speakers), 'speaker')}, {count_of(len(answers), kind)}: {named}"
    if not_confirmed and answers:
        who = count_of(not_confirmed[0].independent_sources, "source")
        return (
            "unconfirmed",
            f"{who} cannot confirm ({who_of(not_confirmed, names)}); "
            f"{count_of(answers[0].independent_sources, 'source')} claim it ({who_of(answers, names)})",
        )
    if not answers or all(claim.modality in NOT_ASSERTING for claim in claims):
        return "unconfirmed", f"only hedged or unconfirmed support ({who_of(positions, names)})"
    sources = answers[0].independent_sources if corroborators is None else corroborators
    # counted apart (``corroborators``): speakers the text does not name, shown as not counted
    unnamed, intending, hedging = _uncounted(answers, claims) if corroborators is not None else NONE_UNCOUNTED
    uncounted = relayers | unnamed | intending | hedging
    asserting = [replace(p, speakers=tuple(s for s in p.speakers if s not in uncounted)) for p in answers]
    not_counted = not_counted_note(answers, names, relayers, (unnamed, intending, hedging))
    if voiceless_doubt:
        not_counted += "; not counted, naming no one: a report that it is not confirmed"
    rider = _doubting_rider(answers, claims)
    if rider is not None and sources <= 1:
        # "…, a claim the ministry says it has found no evidence for": the report itself says it is not
        # confirmed (``doubts.doubting_rider``); one source standing behind it is no more than a claim
        return (
            "unconfirmed",
            f"one source claims it ({who_of(asserting, names)}), unconfirmed where reported: "
            f'"{rider}"{not_counted}',
        )
    relayed = _anonymous_relays(answers, claims)
    if relayed:
        # "according to three intelligence sources who spoke to Fox News": another's anonymous report, which
        # the outlet passing it on has not confirmed (``doubts.anonymous_relay``)
        return (
            "unconfirmed",
            f"only unnamed sources that spoke to another party claim it ({relayed}){not_counted}",
        )
    if sources > 1:
        return (
            "corroborated",
            f"{sources} independent sources agree ({who_of(asserting, names, sources=sources)}), "
            f"no other position{not_counted}",
        )
    return "single-source", f"one source ({who_of(asserting, names)}){not_counted}"


def _voice_name(speaker: str, names: Mapping[str, str]) -> str | None:
    """Who one of a position's speakers is: a resolved person or body by its name; None for an outlet's own
    voice (its label stands for its news reports, columns and editorials alike, writers who may disagree)
    and for words the parse left unresolved ("It", "they", "unnamed reports": not known to be anyone in
    particular)."""
    return names[speaker].lower() if speaker in names else None


def _one_voice(name: str, other: str) -> bool:
    """Whether two names are one voice: the same name, or a one-word name that is the other's last word
    ("Cruz" beside "Ted Cruz", two entities where the entities stage left the surname apart)."""
    first, second = name.split(), other.split()
    return name == other or (1 in (len(first), len(second)) and first[-1] == second[-1])


def _denies_only_itself(
    denying: Sequence[Position], answers: Sequence[Position], names: Mapping[str, str]
) -> bool:
    """Whether every voice denying the thing also affirms it (``_one_voice``): one voice cannot contest
    itself, so its denial is its own words read on the wrong side or about another thing ("he would only
    use waterboarding sparingly" beside the same senator's denial "that waterboarding constitutes torture").
    PolNeAR's new-hampshire-primary showed it as contested by the one voice (issue #14). The denials then
    weigh nothing and the affirming side is judged alone, the reason saying so; a denial by anyone else, or
    by words naming no one, still contests."""
    affirming = [p for p in answers if p.stance != "deny"]
    said = [name for p in affirming for s in p.speakers if (name := _voice_name(s, names))]
    if not denying or not said:
        return False
    return all(
        p.speakers
        and all(
            (name := _voice_name(s, names)) is not None and any(_one_voice(name, o) for o in said)
            for s in p.speakers
        )
        for p in denying
    )


def _uncounted(
    answers: Sequence[Position], claims: Sequence[Claim]
) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """The speakers the answers list for claims ``corroborating`` leaves out: those the text names no one
    for ("It" beside Donald Trump, by their words), and those telling their own intention or only allowing
    it with a hedge (by the key the position lists them by) who assert nothing counted besides."""
    held = [claim for position in answers for claim in _held(position, claims)]
    counted = {claim.id for claim in corroborating(held)}
    shown = {speaker for position in answers for speaker in position.speakers}
    left = [claim for claim in held if claim.id not in counted]
    unnamed = frozenset(
        claim.speaker_text
        for claim in left
        if not tells_an_intention(claim)
        and not (names_its_speaker(claim) and claim.modality in NOT_ASSERTING)  # left for its hedge
        and claim.speaker_text
        and claim.speaker_text in shown
    )
    asserting = {claim.speaker or claim.speaker_text for claim in held if claim.id in counted}
    intending = _left_keys(left, tells_an_intention, shown, asserting)
    hedging = _left_keys(left, lambda claim: claim.modality in NOT_ASSERTING, shown, asserting)
    hedging |= _hedged_reports(answers, held, counted)
    return unnamed, intending, hedging - intending - unnamed  # each speaker left out once, for one reason


def _hedged_reports(answers: Sequence[Position], held: Sequence[Claim], counted: set[str]) -> frozenset[str]:
    """The keys the answers list for claims with no speaker at all ("unnamed statement": the words naming a
    report, ``sides``), when every such claim is hedged and left out: "3 independent sources agree (unnamed
    statement, Hillary Clinton, Eric Schneiderman and 1 more)" named four for three (PolNeAR curiel, "Trump
    University 'may' resume operations"). Such a key is none of the held claims' speakers nor an outlet."""
    voiceless = [c for c in held if not (c.speaker or c.speaker_text or c.outlet_voice)]
    if not voiceless or any(c.id in counted or c.modality not in NOT_ASSERTING for c in voiceless):
        return frozenset()
    voiced = {c.speaker or c.speaker_text for c in held} | {o for p in answers for o in p.outlets}
    return frozenset(s for p in answers for s in p.speakers if s not in voiced)


def _left_keys(
    left: Sequence[Claim], reading: Callable[[Claim], bool], shown: set[str], asserting: set[str | None]
) -> frozenset[str]:
    """The position keys of the left-out claims ``reading`` tells, whose speakers assert nothing counted."""
    return frozenset(
        key
        for claim in left
        if reading(claim)
        and (key := claim.speaker or claim.speaker_text)
        and key in shown
        and key not in asserting
    )


def _conceding(denying: Sequence[Position], claims: Sequence[Claim]) -> str:
    """A reason's note when every denial is a hedged concession its speaker answers ("there may be some
    … But those who are involved …": ``doubts.rebutted_concession``): the reader sees it was conceded."""
    held = [claim for position in denying for claim in _held(position, claims)]
    return ", after conceding it with a hedge" if held and all(map(rebutted_concession, held)) else ""


def _doubting_rider(answers: Sequence[Position], claims: Sequence[Claim]) -> str | None:
    """The first rider of the answers' claims saying that what they state is not confirmed."""
    riders = (doubting_rider(claim.text) for position in answers for claim in _held(position, claims))
    return next((rider for rider in riders if rider is not None), None)


def _anonymous_relays(answers: Sequence[Position], claims: Sequence[Claim]) -> str:
    """The words naming the answers' speakers that spoke to another party when every claim that may
    corroborate (``corroborating``) is an unnamed source's that did ("Another intelligence source speaking to
    Fox News") or names no one ("the bureau": the outlet's words for what those sources say, or the parse's),
    one of them such a relay; empty otherwise. With no named speaker at all, an anonymous relay and the
    words around it still rest on no one the reader can weigh."""
    counted = corroborating([claim for position in answers for claim in _held(position, claims)])
    relays = [claim for claim in counted if anonymous_relay(claim)]
    if not relays or any(names_its_speaker(claim) for claim in counted if claim not in relays):
        return ""
    return ", ".join(dict.fromkeys(claim.speaker_text or "" for claim in relays))


def _only_hedged_estimates(answers: Sequence[Position], claims: Sequence[Claim]) -> bool:
    """Whether every answer is a value and every claim giving one is hedged ("could have", "may", "possibly"):
    estimates allowed, none asserted (PolNeAR trump-taxes: 18 years, "nearly two decades")."""
    held = [_held(position, claims) for position in answers]
    return all(p.value is not None for p in answers) and all(
        bool(one) and all(claim.modality == "hedged" for claim in one) for one in held
    )


def _voiceless(position: Position) -> bool:
    """A position no one is named for: every speaker it lists is unattributed (``sides._speaker_shown``)."""
    return all(speaker == UNATTRIBUTED for speaker in position.speakers)


def _held(position: Position, claims: Sequence[Claim]) -> list[Claim]:
    ids = set(position.claims)
    return [claim for claim in claims if claim.id in ids]


def _hedged_denial(position: Position, claims: Sequence[Claim]) -> bool:
    """A position denying only by negations a modal hedges ("may not have paid"), none a denial proper."""
    return _denies_only_by(position, claims, hedges_its_negation)


def _hedged_deniers(denying: Sequence[Position], claims: Sequence[Claim]) -> list[str]:
    """Who denies only by negations a modal hedges ("may not be"), among denying positions: those
    claims' speakers (the outlet where the outlet speaks), each of whose claims there hedges."""
    by_source: dict[str, list[Claim]] = {}
    for position in denying:
        for claim in _held(position, claims):
            by_source.setdefault(claim.speaker or claim.speaker_text or claim.article, []).append(claim)
    return [
        source
        for source, held in by_source.items()
        if all(claim.modality != "denied" and hedges_its_negation(claim) for claim in held)
    ]


def _negation_around_a_quote(position: Position, claims: Sequence[Claim]) -> bool:
    """A position denying only by a negation in words read around another claim's quote (no denial proper):
    "footage of Trump saying 'That makes me smart,' when Clinton blasted him for not paying"."""
    return _denies_only_by(position, claims, lambda claim: quotes_around(claim, claims))


def _denies_only_by(position: Position, claims: Sequence[Claim], reading: Callable[[Claim], bool]) -> bool:
    """A denying position every claim of which is no denial proper and denies only by ``reading``."""
    held = _held(position, claims)
    return (
        position.stance == "deny"
        and bool(held)
        and all(claim.modality != "denied" and reading(claim) for claim in held)
    )


def _only_unnamed_reports(position: Position, claims: Sequence[Claim]) -> bool:
    """Whether every claim of the position is a report no one is named for (``sources.is_unnamed_report``)."""
    held = _held(position, claims)
    return bool(held) and all(is_unnamed_report(claim) for claim in held)


def _agreeing_floors(
    positions: Sequence[Position],
    corroborators: int | None,
    names: Mapping[str, str],
    floors: frozenset[float] | None = None,
) -> tuple[QuestionStatus, str]:
    """Values that are all floors, or ``floors`` beside exact values that meet them (``_floors_met``):
    corroborated when two independent sources give them, else one source."""
    sources = sum(p.independent_sources for p in positions) if corroborators is None else corroborators
    figures = ", ".join(_figure(p, floors, positions) for p in positions)
    if sources > 1:
        return (
            "corroborated",
            f"{sources} independent sources give {'floors' if floors is None else 'figures'} that agree "
            f"({figures}: {who_of(positions, names, sources=sources)})",
        )
    return "single-source", f"one source ({who_of(positions, names)}) gives floors ({figures})"


def _figure(position: Position, floors: frozenset[float] | None, positions: Sequence[Position]) -> str:
    """ "more than 1,200"; beside an exact value, each figure with its day ("1,274 (31 Dec 2015)")."""
    floor = "more than " if floors is None or position.value in floors else ""
    day = calendar_day(position.earliest)
    if floors is None or day is None:
        return floor + answer_text(position)
    years = len({d.year for p in positions if (d := calendar_day(p.earliest)) is not None})
    return f"{floor}{answer_text(position)} ({day_label(day, years)})"


def _floors(positions: Sequence[Position], claims: Sequence[Claim]) -> frozenset[float]:
    """The positions' values that are floors ("more than 1,300"): every figure of that value is one."""
    held = {claim.id: claim for claim in claims}
    floors = set()
    for position in positions:
        figures = [
            quantity
            for claim_id in position.claims
            if claim_id in held
            for quantity in held[claim_id].quantities
            if quantity.value == position.value
        ]
        if figures and position.value is not None and all(is_lower_bound(q) for q in figures):
            floors.add(position.value)
    return frozenset(floors)


def _floors_met(positions: Sequence[Position], claims: Sequence[Claim]) -> bool:
    """Whether one exact value and floors answer without contradiction: every floor is met by the exact
    value, or was given on a later day than it (a running total: 1,274 emails classified on 31 December,
    "more than 1,300" on 31 January, PolNeAR classified-emails). Two exact values still contest."""
    if any(p.value is None or p.stance is not None for p in positions):
        return False
    floors = _floors(positions, claims)
    exact = [p for p in positions if p.value not in floors]
    if not floors or len(exact) != 1:
        return False
    value, day = exact[0].value or 0.0, calendar_day(exact[0].earliest)
    return all(
        value >= (p.value or 0.0)
        or (day is not None and (later := calendar_day(p.earliest)) is not None and later > day)
        for p in positions
        if p.value in floors
    )
