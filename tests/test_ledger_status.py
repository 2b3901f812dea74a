"""Status rules of the ledger (``ledger.status``) through ``build_ledger`` on hand-made claims."""

import dataclasses

from factories import make_claim, make_position, make_quantity, make_question
from test_ledger import ARTICLES, STORY, claim, statement

from storyline.records import Claim, QuestionStatus, Signed
from storyline.stages.ledger.positions import build_ledger
from storyline.stages.ledger.status import corroborating, judge_status


def test_floors_from_two_sources_agree_rather_than_contest() -> None:
    # a running total reported at two dates: "more than 1,200" then "more than 1,300" emails
    claims = [
        claim(
            "c1", "a", "State", 1200, unit="email", text="more than 1,200 emails", counted="more than 1,200"
        ),
        claim(
            "c2",
            "b",
            "Reviewers",
            1300,
            unit="email",
            text="more than 1,300 emails",
            counted="more than 1,300",
        ),
    ]
    (question,) = build_ledger(STORY, claims, ARTICLES, [], [])
    assert question.status == "corroborated", question.status_reason
    assert "floors" in question.status_reason


def test_exact_values_from_two_sources_stay_contested() -> None:
    claims = [
        claim("c1", "a", "State", 1200, unit="email", text="1,200 emails", counted="1,200"),
        claim("c2", "b", "Reviewers", 1300, unit="email", text="1,300 emails", counted="1,300"),
    ]
    (question,) = build_ledger(STORY, claims, ARTICLES, [], [])
    assert question.status == "contested"


def test_one_source_giving_two_values_does_not_contest_itself() -> None:
    # shares of one poll's respondents are one source ("73 percent", "only 52 percent of voters")
    claims = [
        claim("c1", "a", "52 percent of voters", 900, text="900 troops will stay"),
        claim("c2", "a", "40 percent of voters", 1500, text="1500 troops will stay"),
    ]
    (question,) = build_ledger(STORY, claims, ARTICLES, [], [])
    assert question.status == "single-source", question.status_reason


def test_a_denied_report_no_one_is_named_for_is_denied_not_contested() -> None:
    # "The Hellenic Police denied reports in the Greek press that a man had been arrested": the report is
    # what is denied, known only through the denial (the generalise fire story)
    reported = make_claim("a man had been arrested", id="c1", cue="reports")
    denial = make_claim("reports that a man had been arrested", id="c2", cue="denied", modality="denied")
    denial = dataclasses.replace(denial, speaker_text="Police")
    affirm = make_position("c1", speakers=("reports in the press",), outlets=("Heraldo",), stance="affirm")
    deny = make_position("c2", speakers=("Police",), outlets=("Heraldo",), stance="deny")
    status, reason = judge_status([affirm, deny], [reported, denial])
    assert status == "denied"
    assert reason == (
        "denied by Police; no named source affirms (only reports in the press, carried by Heraldo)"
    )
    # a named source affirming, or an outlet's own report, is a side: contested
    for named in (
        dataclasses.replace(reported, speaker_text="Kathimerini"),
        dataclasses.replace(reported, cue=""),
    ):
        status, reason = judge_status([affirm, deny], [named, denial])
        assert status == "contested" and "denied by Police" in reason


def test_a_later_floor_above_an_earlier_figure_agrees_with_it() -> None:
    # a running total: 1,274 emails classified on 31 December, "more than 1,300" on 31 January (PolNeAR
    # classified-emails) is no contest; the same floor given before the smaller figure is one
    figure = make_quantity("1,274 emails", 1274, within="1,274 emails")
    floor = make_quantity("more than 1,300 emails", 1300, within="more than 1,300 emails")
    exact = make_claim("1,274 emails", id="c1", cue="", quantities=(figure,))
    floored = make_claim("more than 1,300 emails", id="c2", speaker_text="reviewers", quantities=(floor,))
    claims = [exact, floored]
    for floor_day, status in (("2016-01-31", "corroborated"), ("2015-12-01", "contested")):
        positions = [
            make_position(
                "c1", speakers=("politico",), outlets=("politico",), value=1274.0, earliest="2015-12-31"
            ),
            make_position(
                "c2", speakers=("reviewers",), outlets=("wash-post",), value=1300.0, earliest=floor_day
            ),
        ]
        got, reason = judge_status(positions, claims, corroborators=2)
        assert got == status, reason
    assert reason.startswith("2 speakers, 2 values")
    positions[1] = dataclasses.replace(positions[1], earliest="2016-01-31")
    assert judge_status(positions, claims, corroborators=2)[1] == (
        "2 independent sources give figures that agree "
        "(1,274 (31 Dec 2015), more than 1,300 (31 Jan 2016): politico, reviewers)"
    )


def test_a_figure_every_outlet_carries_outranks_one_outlets_figure_with_more_speakers() -> None:
    from storyline.stages.ledger.positions import _salience

    # one agency's count restated by three outlets (relays count once) against one outlet quoting two
    # people for one source's figure: sources tie, the outlets carrying it decide
    carried = make_position("c1", speakers=("Agency",), outlets=("A", "B", "C"), value=3500.0)
    quoted = make_position("c2", speakers=("Mayor", "Aide"), outlets=("A",), value=40.0)
    ranked = sorted(
        [make_question("How many aides?", quoted, id="q2"), make_question("How many hectares?", carried)],
        key=_salience,
        reverse=True,
    )
    assert [question.id for question in ranked] == ["q1", "q2"]


def test_two_speakers_sharing_an_opinion_do_not_corroborate_it() -> None:
    # a judgement, not a fact: agreeing on it is no corroboration (``ledger.opinions``)
    agree = make_position("c1", "c2", speakers=("Mayor", "Rival"), outlets=("X",), stance="affirm")
    claims = [
        make_claim("the new bridge is a disgrace to the city", id="c1", speaker_text="Mayor"),
        make_claim("You're right, the bridge is ugly", id="c2", speaker_text="Rival"),
    ]
    status, reason = judge_status([agree], claims, corroborators=2)
    assert status == "single-source" and reason.startswith("an opinion (Mayor, Rival)")


def test_praise_closing_on_a_superlative_is_an_opinion_a_count_of_the_greatest_is_not() -> None:
    agree = make_position("c1", "c2", speakers=("Aide", "Envoy"), outlets=("X",), stance="affirm")
    claims = [
        make_claim("Lee Park is the greatest!!!", id="c1", speaker_text="Aide"),
        make_claim("Convoy left an hour ago. Another Lee Park miracle", id="c2", speaker_text="Envoy"),
    ]
    status, reason = judge_status([agree], claims, corroborators=2)
    assert status == "single-source" and reason.startswith("an opinion (Aide, Envoy)")
    counted = [
        make_claim("the flood caused the greatest number of deaths", id="c1", speaker_text="Aide"),
        make_claim("the flood caused the most deaths", id="c2", speaker_text="Envoy"),
    ]
    assert judge_status([agree], counted, corroborators=2)[0] == "corroborated"


def test_a_fact_two_speakers_state_stays_corroborated() -> None:
    agree = make_position("c1", "c2", speakers=("Mayor", "Rival"), outlets=("X",), stance="affirm")
    claims = [
        make_claim("the new bridge opened on Monday", id="c1", speaker_text="Mayor"),
        make_claim("the bridge opened to traffic on Monday", id="c2", speaker_text="Rival"),
    ]
    status, _ = judge_status([agree], claims, corroborators=2)
    assert status == "corroborated"


def test_a_negation_a_modal_hedges_is_no_denial() -> None:
    # "may not have paid": the speaker allows it, denies nothing
    allowed = make_position("c1", speakers=("Critic",), outlets=("X",), stance="deny")
    claims = [
        make_claim("the firm may not have paid its suppliers for years", id="c1", speaker_text="Critic")
    ]
    status, reason = judge_status([allowed], claims)
    assert status == "unconfirmed" and "Critic" in reason


def test_a_plain_negation_still_denies() -> None:
    denial = make_position("c1", speakers=("Firm",), outlets=("X",), stance="deny")
    claims = [make_claim("the firm has not missed a payment", id="c1", speaker_text="Firm")]
    assert judge_status([denial], claims)[0] == "denied"


def test_a_denial_by_several_sources_says_how_many() -> None:
    # issue #14: a reason names who and how many, on the denying side as on the affirming one
    claims = [
        make_claim("the firm has not missed a payment", id="c1", speaker_text="Firm"),
        make_claim("the firm never missed a payment", id="c2", speaker_text="Bank"),
    ]
    denial = make_position(
        "c1", "c2", speakers=("Firm", "Bank"), outlets=("X",), stance="deny", independent_sources=2
    )
    assert judge_status([denial], claims) == ("denied", "denied by 2 sources (Firm, Bank); no source affirms")


def test_a_hedged_negation_beside_one_denial_is_no_denial_by_two() -> None:
    # "The mayor may not be the planner her rival is" (the paper, hedged) beside the mayor's "I am not a
    # natural planner": one denial at most, no one affirms; a third plain denial makes it denied by two
    claims = [
        # three articles: claims of one article at one offset would read as words around each other's quote
        make_claim(
            "The mayor may not be the planner her rival is", id="c1", speaker_text="Paper", article="a1"
        ),
        make_claim("I am not a natural planner", id="c2", speaker_text="Mayor", article="a2"),
        make_claim("she is not a planner", id="c3", speaker_text="Aide", article="a3"),
    ]
    two = make_position(
        "c1", "c2", speakers=("Paper", "Mayor"), outlets=("X",), stance="deny", independent_sources=2
    )
    status, reason = judge_status([two], claims)
    assert status == "unconfirmed" and "hedge" in reason, reason
    assert reason == "no source affirms; one plain denial (Paper, Mayor: 1 source only with a hedge, may not)"
    three = make_position(
        "c1",
        "c2",
        "c3",
        speakers=("Paper", "Mayor", "Aide"),
        outlets=("X",),
        stance="deny",
        independent_sources=3,
    )
    assert judge_status([three], claims)[0] == "denied"


def test_a_negation_around_anothers_quote_takes_no_side() -> None:
    # "footage of the mayor saying 'the plan works,' when critics faulted him for not funding it": the "not"
    # lies in the words around the mayor's quote, which the outer claim holds whole
    inner = dataclasses.replace(make_claim("the plan works", id="c1", speaker_text="Mayor"), start=10, end=24)
    outer = make_claim(
        "the plan works, when critics faulted him for not funding it", id="c2", speaker_text="The clip"
    )
    outer = dataclasses.replace(outer, start=10, end=70)
    affirm = make_position("c1", speakers=("Mayor",), outlets=("X",), stance="affirm")
    deny = make_position("c2", speakers=("The clip",), outlets=("X",), stance="deny")
    status, _ = judge_status([affirm, deny], [inner, outer])
    assert status == "single-source"


def test_a_denial_beside_a_hedged_affirmation_says_who_affirmed() -> None:
    hedged = make_position("c1", speakers=("Several guests",), outlets=("X",), stance="affirm")
    deny = make_position("c2", speakers=("Host",), outlets=("X",), stance="deny")
    claims = [
        make_claim(
            "the host may have hidden the invoices", id="c1", speaker_text="Several guests", modality="hedged"
        ),
        make_claim("the claims", id="c2", speaker_text="Host", modality="denied"),
    ]
    status, reason = judge_status([hedged, deny], claims)
    assert status == "denied" and reason == "denied by Host; affirmed only with a hedge (Several guests)"


def test_an_opinion_one_speaker_rejects_is_not_contested_as_fact() -> None:
    holds = make_position("c1", speakers=("Mayor",), outlets=("X",), stance="affirm")
    rejects = make_position("c2", speakers=("Rival",), outlets=("Y",), stance="deny")
    claims = [
        make_claim("the old plan was a disgrace", id="c1", speaker_text="Mayor"),
        make_claim("the old plan was not a disgrace", article="b", id="c2", speaker_text="Rival"),
    ]
    status, reason = judge_status([holds, rejects], claims)
    assert status == "single-source" and reason.startswith("an opinion (Mayor)")


def test_hedged_estimates_that_differ_are_unconfirmed_not_contested() -> None:
    # "could have let him avoid tax for the next 18 years" beside "may not have paid for nearly two
    # decades" (PolNeAR trump-taxes): estimates each allowed with a hedge contradict nothing
    claims = [
        claim("c1", "a", "Union", 9000, modality="hedged"),
        claim("c2", "b", "Operator", 12000, modality="hedged"),
    ]
    (question,) = build_ledger(STORY, claims, ARTICLES, [], [])
    assert question.status == "unconfirmed", question.status_reason
    assert question.status_reason.startswith(
        "only hedged estimates, none asserted (2 speakers: 9,000 (Union)"
    )
    # one figure asserted: a side taken against the other, contested as before
    asserted = [claims[0], dataclasses.replace(claims[1], modality="asserted")]
    (question,) = build_ledger(STORY, asserted, ARTICLES, [], [])
    assert question.status == "contested"


def test_a_speaker_the_text_does_not_name_corroborates_nothing() -> None:
    # "It", "the candidate": maybe the named speaker again (PolNeAR curiel, "Trump University is a fraud"
    # credited to Trump and to "It"); a name in the words ("State's reviewers") is a source
    named = claim("c1", "a", "Union", 9000)
    for unnamed in ("It", "the union leader", "deadlock"):
        claims = [named, claim("c2", "b", unnamed, 9000)]
        (question,) = build_ledger(STORY, claims, ARTICLES, [], [])
        assert question.status == "single-source", (unnamed, question.status_reason)
        assert question.status_reason == f"one source (Union); not counted, naming no one: {unnamed}"
    for other in ("Operator", "State's reviewers"):
        (question,) = build_ledger(STORY, [named, claim("c2", "b", other, 9000)], ARTICLES, [], [])
        assert question.status == "corroborated", (other, question.status_reason)
    # alone, such a voice is still the one source, named as written
    (question,) = build_ledger(STORY, [claim("c2", "b", "one study", 9000)], ARTICLES, [], [])
    assert question.status_reason == "one source (one study)"


def test_a_speakers_own_plan_corroborates_nothing() -> None:
    # issue #14 (PolNeAR trump-taxes): "Pence plans to release his own returns" and "Trump wants to release
    # his taxes" stood among three sources agreeing that Trump should release his returns
    agree = make_position(
        "c1", "c2", "c3", speakers=("Mayor", "Council", "Engineer"), outlets=("X",), stance="affirm"
    )
    claims = [
        make_claim("the council should rebuild the old bridge", id="c1", speaker_text="Mayor"),
        make_claim("to rebuild the old bridge", id="c2", speaker_text="Council", cue="plans"),
        make_claim("the old bridge must be rebuilt", id="c3", speaker_text="Engineer"),
    ]
    assert [c.id for c in corroborating(claims)] == ["c1", "c3"]
    status, reason = judge_status([agree], claims, corroborators=2)
    assert status == "corroborated"
    assert reason.endswith("no other position; not counted, telling their own plans: Council"), reason
    # every claim a plan: they still count as before
    plans = [dataclasses.replace(c, cue="plans") for c in claims]
    assert len(corroborating(plans)) == len(plans)


def test_a_hedged_claim_beside_an_assertion_corroborates_nothing() -> None:
    # issue #14 (PolNeAR orlando-shooting-response): a critic conceding "there may be some generals …" before
    # answering stood with Trump's "there are generals who agree with him" as two independent sources
    agree = make_position("c1", "c2", speakers=("Mayor", "Engineer"), outlets=("X",), stance="affirm")
    claims = [
        make_claim("the old bridge is unsafe", id="c1", speaker_text="Mayor"),
        make_claim("the old bridge may be unsafe", id="c2", speaker_text="Engineer", modality="hedged"),
    ]
    assert [c.id for c in corroborating(claims)] == ["c1"]
    status, reason = judge_status([agree], claims, corroborators=1)
    assert status == "single-source"
    assert reason == "one source (Mayor); not counted, only allowing it with a hedge: Engineer", reason
    # two assertions still corroborate
    asserted = [dataclasses.replace(c, modality="asserted") for c in claims]
    assert len(corroborating(asserted)) == len(asserted)


def test_a_lone_claim_its_report_says_is_unconfirmed_is_unconfirmed() -> None:
    # demo (Frost Owl): "it copied 3 million records, a claim the ministry says it has found no evidence for"
    # was shown as single-source, as though nothing were said against it
    rider = "30 soldiers were killed in the raid, a claim that could not be independently verified"
    plain = "30 soldiers were killed in the raid"
    claims = [claim("c1", "a", "Rebels", 30, text=rider), claim("c2", "b", "Rebels", 30, text=plain)]
    (question,) = build_ledger(STORY, claims, ARTICLES, [], [])
    assert question.status == "unconfirmed", question.status_reason
    assert question.status_reason == (
        'one source claims it (Rebels), unconfirmed where reported: "a claim that could not be independently '
        'verified"'
    )
    # a second independent source gives it: corroborated as before; without the rider, single-source
    other = [claims[0], claim("c2", "b", "Army", 30, text=plain)]
    (question,) = build_ledger(STORY, other, ARTICLES, [], [])
    assert question.status == "corroborated", question.status_reason
    plain_only = [claim("c1", "a", "Rebels", 30, text=plain), claims[1]]
    (question,) = build_ledger(STORY, plain_only, ARTICLES, [], [])
    assert question.status == "single-source", question.status_reason


def test_a_hedged_concession_its_speaker_answers_contests() -> None:
    # issue #14 (PolNeAR orlando-shooting-response): "there may be some out-of-the-loop generals who are
    # beating their chest. But those who are involved are pretty confident …" answers Trump's "there are
    # generals who agree with him"; it stood on his side, and the question was his alone
    claims = [
        statement("c1", "a", "Mayor", "the old bridge over the river is unsafe for trucks"),
        statement(
            "c2",
            "b",
            "Engineer",
            "the old bridge over the river may be unsafe for trucks. But its inspectors found it sound",
            modality="hedged",
        ),
    ]
    (question,) = build_ledger(STORY, claims, ARTICLES, [], [])
    assert [(p.stance, p.speakers) for p in question.positions] == [
        ("affirm", ("Mayor",)),
        ("deny", ("Engineer",)),
    ]
    assert question.status == "contested", question.status_reason
    assert (
        question.status_reason
        == "1 source affirm (Mayor); denied by Engineer, after conceding it with a hedge"
    )


def test_a_hedged_report_naming_no_one_is_named_apart_not_among_the_sources() -> None:
    # issue #14 (PolNeAR curiel): "3 independent sources agree (unnamed statement, Hillary Clinton, Eric
    # Schneiderman and 1 more)" listed a hedged, speakerless "statement" among the three it counted
    agree = make_position(
        "c1", "c2", "c3", speakers=("unnamed statement", "Mayor", "Engineer"), outlets=("X",), stance="affirm"
    )
    claims = [
        make_claim("the old bridge may close", id="c1", cue="statement", modality="hedged"),
        make_claim("the old bridge will close", id="c2", speaker_text="Mayor"),
        make_claim("the old bridge will close soon", id="c3", speaker_text="Engineer"),
    ]
    status, reason = judge_status([agree], claims, corroborators=2)
    assert status == "corroborated"
    assert reason == (
        "2 independent sources agree (Mayor, Engineer), no other position; "
        "not counted, only allowing it with a hedge: unnamed statement"
    ), reason
    # asserted, the report is no hedge to leave out: listed as before
    asserted = [dataclasses.replace(claims[0], modality="asserted"), *claims[1:]]
    _, reason = judge_status([agree], asserted, corroborators=2)
    assert "not counted" not in reason, reason


def test_readers_letters_neither_contest_nor_corroborate() -> None:
    # a page of readers' comments: the signer's views are no side against the outlet's own report
    report = make_claim("Trump met with Pena Nieto", id="c1", cue="")
    letter = make_claim(
        "Trump did not need to meet with Pena Nieto",
        id="c2",
        cue="",
        speaker_text="A Reader",
        signed="letter",
    )
    affirm = make_position("c1", speakers=("usa-today",), outlets=("usa-today",), stance="affirm")
    deny = make_position("c2", speakers=("A Reader",), outlets=("usa-today",), stance="deny")
    status, reason = judge_status([affirm, deny], [report, letter])
    assert status == "single-source", reason
    # the same denial with a cue is a speaker's, not a reader's letter: contested
    quoted = dataclasses.replace(letter, cue="denied", modality="denied", signed=None)
    assert judge_status([affirm, deny], [report, quoted])[0] == "contested"
    # and so is an embedded post's: signed, no cue, but its author a source (``Claim.signed``)
    posted = dataclasses.replace(quoted, cue="", signed="post")
    assert judge_status([affirm, deny], [report, posted])[0] == "contested"
    # two readers agreeing: their opinion, no corroboration
    other = make_claim("Trump met with Pena Nieto", id="c3", cue="", speaker_text="B Reader", signed="letter")
    first = dataclasses.replace(report, speaker_text="A Reader", signed="letter")
    agree = make_position(
        "c1", "c3", speakers=("A Reader", "B Reader"), independent_sources=2, stance="affirm"
    )
    status, reason = judge_status([agree], [first, other])
    assert status == "single-source" and reason.startswith("readers' opinions (A Reader, B Reader)"), reason


def test_a_claim_only_anonymous_sources_gave_another_party_is_unconfirmed() -> None:
    # issue #14 (PolNeAR clinton-foundation-donors): "according to three intelligence sources who spoke to
    # Fox News", relayed by another outlet, stood as single-source, as though the outlet stood behind it
    relayed = "intelligence sources who spoke to the Coast Daily"
    claims = [claim("c1", "a", relayed, 30), claim("c2", "c", relayed, 30)]
    (question,) = build_ledger(STORY, claims, ARTICLES, [], [])
    assert question.status == "unconfirmed", question.status_reason
    assert question.status_reason == f"only unnamed sources that spoke to another party claim it ({relayed})"
    # a named source beside them: weighed as before; sources the outlet heard itself: single-source
    (question,) = build_ledger(STORY, [claims[0], claim("c2", "b", "Army", 30)], ARTICLES, [], [])
    assert question.status == "corroborated", question.status_reason
    heard = [claim("c1", "a", "intelligence sources who spoke to reporters", 30)]
    (question,) = build_ledger(STORY, heard, ARTICLES, [], [])
    assert question.status == "single-source", question.status_reason
    # beside words naming no one ("the agency", the outlet's own words for what those sources say) and an
    # anonymous relay whose words are a description ("Another source speaking to the Coast Daily"): still
    # no one the reader can weigh
    cut = "Another intelligence source speaking"  # "to the Coast Daily" cut as the addressee
    relay = make_claim(PLANT, id="c1", speaker_text=cut, speaker_start=0, speaker_end=len(cut) + 19)
    agency = make_claim(PLANT, id="c2", speaker_text="the agency")
    agree = make_position("c1", "c2", speakers=(cut, "the agency"), independent_sources=2, stance="affirm")
    status, reason = judge_status([agree], [relay, agency], corroborators=2)
    assert (status, reason) == (
        "unconfirmed",
        f"only unnamed sources that spoke to another party claim it ({cut})",
    )


PLANT = "the plant will close in March"


def beside_a_senator(signer: str, signed: Signed, *more: Claim) -> tuple[QuestionStatus, str]:
    """The status of one position: a senator, and a ``signed`` text (a reader's letter, an embedded post)
    by ``signer``, say the plant will close; ``more`` claims join them."""
    senator = dataclasses.replace(make_claim(PLANT, id="c1"), speaker="e-senator")
    text = make_claim(PLANT, id="c2", cue="", speaker_text=signer, signed=signed)
    claims = [senator, text, *more]
    agree = make_position(
        *(claim.id for claim in claims),
        speakers=("e-senator", signer),
        independent_sources=2,
        stance="affirm",
    )
    return judge_status([agree], claims, names={"e-senator": "Senator Ames"})


def test_a_readers_letter_is_no_second_source_beside_a_speaker() -> None:
    # a reader's letter on the same page says what a senator says: one source, the letter's signer neither
    # named nor counted among the sources
    assert beside_a_senator("Jo Reader", "letter") == ("single-source", "one source (Senator Ames)")
    # a signer who says it outside the letter too (quoted in the news report) stays that source
    quoted = make_claim(PLANT, id="c3", speaker_text="Jo Reader")
    status, reason = beside_a_senator("Jo Reader", "letter", quoted)
    assert status == "corroborated" and "Jo Reader" in reason, reason


def test_an_embedded_post_stays_a_source_beside_a_speaker() -> None:
    # a named worker's embedded post says what a senator says: two sources, unlike a reader's letter (both
    # are signed with no cue; the claims stage tells them apart, ``Claim.signed``)
    status, reason = beside_a_senator("Jo Welder", "post")
    assert status == "corroborated" and "Jo Welder" in reason, reason


def test_an_anonymous_insider_corroborates_nothing_beside_a_named_speaker() -> None:
    # issue #14 (PolNeAR iowa-caucus-results): "a New Hampshire Republican" was read as a name (its capitals)
    # and made an unattributed insider's forecast a sourced claim beside a named pollster's
    agree = make_position(
        "c1", "c2", speakers=("Mayor Ames", "a Vermont Democrat"), outlets=("X",), stance="affirm"
    )
    claims = [
        make_claim("the old bridge will reopen in May", id="c1", speaker_text="Mayor Ames"),
        make_claim("the old bridge will reopen in May", id="c2", speaker_text="a Vermont Democrat"),
    ]
    assert [c.id for c in corroborating(claims)] == ["c1"]
    status, reason = judge_status([agree], claims, corroborators=1)
    assert status == "single-source"
    assert reason == "one source (Mayor Ames); not counted, naming no one: a Vermont Democrat", reason


def _hedged_figure(text: str, figure: str, value: float) -> Claim:
    """The paper's own hedged sentence ``text`` giving ``value`` as ``figure``."""
    quantity = make_quantity(figure, value, within=text, unit="states")
    return make_claim(text, id="c1", cue="", modality="hedged", quantities=(quantity,))


def test_a_figure_in_a_clause_of_its_own_is_asserted_under_a_hedge() -> None:
    # issue #14: the hedge "could" reaches the main clause, not the relative clause stating the figure
    text = "The governor could do well next week, when 12 states will hold their primaries."
    position = make_position("c1", speakers=("Paper",), outlets=("Paper",), value=12.0)
    status, reason = judge_status([position], [_hedged_figure(text, "12", 12.0)])
    assert status == "single-source", reason


def test_a_figure_the_hedge_reaches_stays_unconfirmed() -> None:
    # the hedged verb's own object, a condition or a clause with a hedge of its own: the figure is allowed
    for text in (
        "The governor could win 12 states next week.",
        "The governor could do well if 12 states hold their primaries.",
        "The governor could do well next week, when 12 states may hold their primaries.",
    ):
        position = make_position("c1", speakers=("Paper",), outlets=("Paper",), value=12.0)
        status, reason = judge_status([position], [_hedged_figure(text, "12", 12.0)])
        assert status == "unconfirmed", (text, reason)


def test_a_non_confirmation_no_one_is_named_for_weighs_nothing_beside_a_named_claim() -> None:
    # issue #14: a sentence whose speaker the parse lost ("unattributed") is no source that cannot confirm
    claims = [
        make_claim("the council approved the budget", id="c1", speaker_text="Mayor", speaker="e-mayor"),
        make_claim("there was no evidence the vote was rigged", id="c2", modality="unconfirmed"),
    ]
    said = make_position("c1", speakers=("e-mayor",), outlets=("X",), stance="affirm")
    nobody = make_position("c2", speakers=("unattributed",), outlets=("X",), stance="unconfirmed")
    status, reason = judge_status([said, nobody], claims, names={"e-mayor": "Mayor"})
    assert status == "single-source" and "naming no one" in reason, reason
    named = make_position("c2", speakers=("Clerk",), outlets=("X",), stance="unconfirmed")
    assert judge_status([said, named], claims, names={"e-mayor": "Mayor"})[0] == "unconfirmed"


def test_a_hedge_on_another_phrase_leaves_the_figure_asserted() -> None:
    # issue #14: "possibly" weighs the joining, not the four meetings the committee held
    for text, figure in (
        ("The committee held four short meetings with the mayor about possibly joining the board.", "four"),
        ("Four people were hurt in what may have been an arson attack.", "Four"),
    ):
        position = make_position("c1", speakers=("Paper",), outlets=("Paper",), value=4.0)
        status, reason = judge_status([position], [_hedged_figure(text, figure, 4.0)])
        assert status == "single-source", (text, reason)


def test_a_hedge_that_governs_the_figure_or_a_hedged_cue_stays_unconfirmed() -> None:
    # the hedge's own phrase holds the figure ("possibly four"), or the cue is hedged ("reportedly said")
    for text, cue in (
        ("The committee held possibly four short meetings about joining the board.", ""),
        ("The committee may have held four short meetings about possibly joining the board.", ""),
        ("The committee held four short meetings about possibly joining the board.", "reportedly said"),
    ):
        claim_ = dataclasses.replace(_hedged_figure(text, "four", 4.0), cue=cue)
        position = make_position("c1", speakers=("Paper",), outlets=("Paper",), value=4.0)
        status, reason = judge_status([position], [claim_])
        assert status == "unconfirmed", (text, reason)


def test_one_voice_does_not_contest_itself() -> None:
    # the governor's plan, and the same governor (an entity of the surname alone) denying another thing
    plan = make_claim("she would raise the toll at rush hour", id="c1", speaker="e1", modality="asserted")
    other = make_claim("the toll is a tax", id="c2", speaker="e2", cue="denied", modality="denied")
    affirm = make_position("c1", speakers=("e1",), outlets=("post",), stance="affirm")
    deny = make_position("c2", speakers=("e2",), outlets=("post",), stance="deny")
    names = {"e1": "Ada Morrow", "e2": "Morrow"}
    status, reason = judge_status([affirm, deny], [plan, other], corroborators=2, names=names, sources=2)
    assert status == "single-source", reason
    assert "not counted: a denial by the voice that affirms it (Morrow)" in reason
    # a denial by anyone else still contests
    names = {"e1": "Ada Morrow", "e2": "Ben Lusk"}
    status, reason = judge_status([affirm, deny], [plan, other], corroborators=2, names=names, sources=2)
    assert status == "contested", reason
