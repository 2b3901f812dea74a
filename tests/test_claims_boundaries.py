"""Span boundaries of claims on sentences written for these tests: quotations that run on after an
attribution, speakers described by a restrictive clause, content that starts at the cue's preposition."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from storyline.records import Article
from storyline.stages.claims.extract import extract_claims
from storyline.stages.claims.learned_spans import content_from_heads, with_raised_subject
from storyline.stages.claims.speakers import speaker_span
from storyline.stages.nlp import load_nlp, parse_articles
from tests.test_claims import claims_of


def texts_by_cue(text: str, cue: str) -> list[tuple[str | None, str]]:
    return [(claim.speaker_text, claim.text) for claim in claims_of(text) if claim.cue == cue]


def test_a_plea_to_others_to_reject_a_thing_is_no_denial_of_it() -> None:
    """What a speaker pleads with others to reject is asked of them, not denied by the speaker (PolNeAR
    khan-family, issue #14); a verb of meeting is no request: its subject denies."""
    assert texts_by_cue("Ann Lee pleaded with the voters to reject the new tax plan.", "reject") == []
    assert texts_by_cue("Ann Lee appealed to the voters to reject the new tax plan.", "reject") == []
    assert texts_by_cue("The senator met with reporters to deny the report.", "deny") == [
        ("The senator", "the report")
    ]


# --- quotations continued after the attribution -----------------------------------------------------------


def test_quotation_continues_after_a_long_attribution_sentence() -> None:
    text = (
        "“We like many of the candidates, some more than others,” Adelson said during an interview in "
        "Macau, ahead of the opening of his new hotel. “It is changing every day.”"
    )
    assert ("Adelson", "It is changing every day.") in texts_by_cue(text, "said")


def test_each_pair_of_quotations_continues_with_its_own_speaker() -> None:
    """The quotation continued is the nearest one before, not the last one found: with three speakers in
    turn the third's second quotation was lost."""
    text = (
        "“The plan is sound,” Smith said. “It will pass.”\n"
        "The council meets on Monday.\n"
        "“The plan is doomed,” Jones said. “It will fail.”\n"
        "The vote is in May.\n"
        "“The plan is late,” Brown said. “It will wait.”"
    )
    claims = texts_by_cue(text, "said")
    assert ("Jones", "It will fail.") in claims
    assert ("Brown", "It will wait.") in claims
    assert ("Smith", "It will fail.") not in claims


def test_quotation_after_a_new_main_clause_is_not_continued() -> None:
    text = "“The plan is sound,” she said, and the mayor nodded. “It will pass.”"
    assert all(content != "It will pass." for _, content in texts_by_cue(text, "said"))


def test_quotation_filling_the_next_paragraph_continues() -> None:
    text = (
        "“The plan is sound,” Smith said.\n\n"
        "“It will pass, and the town will be better for it.”\n\n"
        "The council meets on Monday."
    )
    assert ("Smith", "It will pass, and the town will be better for it.") in texts_by_cue(text, "said")


def test_next_paragraph_quotation_with_its_own_speaker_is_not_continued() -> None:
    text = "“The plan is sound,” Smith said.\n\n“It will fail,” Jones said.\n\nThe council meets on Monday."
    assert ("Smith", "It will fail") not in texts_by_cue(text, "said")
    assert ("Smith", "It will fail,") not in texts_by_cue(text, "said")


def test_next_paragraph_quotation_followed_by_narration_is_not_continued() -> None:
    text = "“The plan is sound,” Smith said.\n\n“It will pass.” The council meets on Monday."
    assert all(content != "It will pass." for _, content in texts_by_cue(text, "said"))


# --- content clauses --------------------------------------------------------------------------------------


def test_an_embedded_question_keeps_whether_and_if() -> None:
    """ "asked whether the minister would resign" does not assert that he would: the mark stays."""
    assert texts_by_cue("Reporters asked whether the minister would resign.", "asked") == [
        ("Reporters", "whether the minister would resign")
    ]
    assert texts_by_cue("The mayor wondered if the bridge would hold.", "wondered") == [
        ("The mayor", "if the bridge would hold")
    ]


def test_a_cue_inside_its_clause_keeps_the_clause_whole() -> None:
    """ "The deal, he said, was signed": "was signed" alone would be a statement about nothing. (No one is
    named before the "he": the claim has no speaker, issue #14.)"""
    assert texts_by_cue("The deal, he said, was signed.", "said") == [(None, "The deal, he said, was signed")]


def test_a_cue_inside_its_clause_after_a_fronted_phrase_keeps_the_longer_side() -> None:
    text = "In the three years since the floods, Barden says, far too many homes have been lost."
    assert texts_by_cue(text, "says") == [("Barden", "far too many homes have been lost")]


# --- speakers ---------------------------------------------------------------------------------------------


def test_restrictive_clause_is_part_of_the_speaker() -> None:
    text = "A poll conducted by Edison Research found that most voters distrust both candidates."
    assert texts_by_cue(text, "found") == [
        ("A poll conducted by Edison Research", "most voters distrust both candidates")
    ]


def test_clause_after_a_comma_is_left_out_of_a_named_speaker() -> None:
    text = "Chris Cox, who runs the lobbying arm, said the bill was dead."
    assert texts_by_cue(text, "said") == [("Chris Cox", "the bill was dead")]


def test_clause_holding_the_cue_is_not_the_speaker() -> None:
    text = "The man who told reporters that the plant would close works there."
    for speaker, _ in texts_by_cue(text, "told"):
        assert speaker is not None and "told" not in speaker


# --- content of a learned cue -----------------------------------------------------------------------------


def parse(text: str) -> Doc:
    return load_nlp()(text)


def test_preposition_the_cue_governs_is_left_out_of_the_content() -> None:
    doc = parse("The governor spoke on his support for tougher rules.")
    spoke = next(token for token in doc if token.text == "spoke")
    on = next(token for token in doc if token.text == "on")
    content = content_from_heads([on], [spoke], None)
    assert content is not None
    assert doc.text[content[0] : content[1]] == "his support for tougher rules"


def test_content_with_nobody_named_runs_from_the_cue_subject() -> None:
    doc = parse("Pigs are considered unclean in several religions.")
    considered = next(token for token in doc if token.text == "considered")
    unclean = next(token for token in doc if token.text == "unclean")
    content = (unclean.idx, doc[-2].idx + len(doc[-2]))
    start, end = with_raised_subject(doc.text, considered, content)
    assert doc.text[start:end] == "Pigs are considered unclean in several religions"
    relative = parse("The senator, who many consider unbeatable, lost.")
    consider = next(token for token in relative if token.text == "consider")
    kept = (consider.idx + 9, consider.idx + 19)
    assert with_raised_subject(relative.text, consider, kept) == kept  # "who …": a relative pronoun


def test_relative_pronoun_speaker_is_kept_only_when_pronouns_stay_unresolved() -> None:
    text = "Voters backed Jeb Bush, who said the race was far from over."
    parsed = next(parse_articles([Article(id="t", text=text)]))
    resolved = [c for c in extract_claims(parsed, ()) if c.cue == "said"]
    unresolved = [c for c in extract_claims(parsed, (), resolve_pronouns=False) if c.cue == "said"]
    assert [c.speaker_text for c in resolved] == ["Jeb Bush"]
    assert [c.speaker_text for c in unresolved] == ["who"]


def test_a_speaker_name_ends_at_a_line_break() -> None:
    """A live blog's time stamp on the line above is parsed into the subject; the name is the line's."""
    for text, name in (
        ("10:20 p.m.\n\nTed Cruz says he will stay in the race.", "Ted Cruz"),
        ("7:30 p.m.\n\nBernie Sanders says the night belongs to his voters.", "Bernie Sanders"),
    ):
        doc = parse(text)
        says = next(token for token in doc if token.text == "says")
        subject = next(child for child in says.children if child.dep_ == "nsubj" and child.i > 3)
        span = speaker_span(subject, says)
        assert span is not None and doc.text[span[0] : span[1]] == name


# --- coordinated reported clauses -------------------------------------------------------------------------


def test_a_second_that_clause_is_the_speakers_second_claim() -> None:
    """The parser hangs "but that she would …" on "said", not on the first clause: the clause is still
    the governor's (the content runs on over it, as PolNeAR marks it), and as a second proposition it is a
    claim of its own with the same cue (claims.propositions), so the ledger places each apart."""
    text = (
        "The governor said the state must fix its roads and build new schools, but that she would not "
        "raise taxes to do it."
    )
    assert texts_by_cue(text, "said") == [
        ("The governor", "the state must fix its roads and build new schools"),
        ("The governor", "she would not raise taxes to do it"),
    ]


def test_a_coordinated_clause_without_that_stays_out_of_the_content() -> None:
    """ "…, but the council voted against it" may be the writer's narration, not the mayor's words."""
    text = (
        "The governor said the state must fix its roads and build new schools, but the legislature voted "
        "against the plan."
    )
    assert texts_by_cue(text, "said") == [
        ("The governor", "the state must fix its roads and build new schools")
    ]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (  # the sentence split stops the content at "mess."; the quotation it opens goes on
            "The senator said the budget plan is “a total mess. Nobody in the chamber has read it.”\n\n"
            "The vote is on Friday.",
            "the budget plan is “a total mess. Nobody in the chamber has read it.",
        ),
        (  # a quotation closed inside the content changes nothing
            "The senator said the budget plan is “a total mess” and should be withdrawn. The vote is Friday.",
            "the budget plan is “a total mess” and should be withdrawn",
        ),
    ],
)
def test_a_quotation_opened_in_the_content_runs_to_its_end(text: str, content: str) -> None:
    assert texts_by_cue(text, "said") == [("The senator", content)]


# --- clauses of other speakers (issue #17) ---------------------------------------------------------------


def test_a_cue_after_a_semicolon_takes_nothing_from_the_clause_before() -> None:
    """The parser may hang the first of two semicolon-joined reports on the second cue as its complement."""
    text = "The port authority maintains that 85 ships are waiting; the pilots' union insists on 140."
    claims = claims_of(text)
    assert [(c.speaker_text, c.cue, c.text) for c in claims] == [
        ("The port authority", "maintains", "85 ships are waiting"),
        ("the pilots' union", "insists on", "140"),
    ]


def test_a_contrasting_clause_with_its_own_speaker_is_no_part_of_the_content_before() -> None:
    text = "The sheriff said three cabins burned, while neighbours said at least nine were lost."
    assert texts_by_cue(text, "said") == [
        ("The sheriff", "three cabins burned"),
        ("neighbours", "at least nine were lost"),
    ]


def test_a_contrasting_clause_without_a_cue_stays_in_the_content() -> None:
    text = "The sheriff said three cabins burned, while the lodge itself was spared."
    assert texts_by_cue(text, "said") == [
        ("The sheriff", "three cabins burned, while the lodge itself was spared")
    ]


def test_a_cue_takes_nothing_from_the_clause_after_its_semicolon() -> None:
    text = (
        "The council offered to pay two months' fees from its reserves, the union said; the teachers "
        "rejected the offer as too small."
    )
    assert texts_by_cue(text, "said") == [
        ("the union", "The council offered to pay two months' fees from its reserves")
    ]


def test_no_cue_reaches_over_a_semicolon_whichever_route_found_it() -> None:
    """Here only the learned route proposes "said", with the clause after the semicolon as its content."""
    text = "The mayor offered a new park, the council said; residents wanted a school."
    assert ("the council", "residents wanted a school") not in texts_by_cue(text, "said")


def test_a_that_standing_for_what_was_said_is_the_contents_subject() -> None:
    assert texts_by_cue("The auditors say that leaves the fund short.", "say") == [
        ("The auditors", "that leaves the fund short")
    ]
    assert texts_by_cue("The auditors say that the fund is short.", "say") == [
        ("The auditors", "the fund is short")
    ]


@pytest.mark.parametrize(
    "text",
    [
        'The mayor told the council that the audit was "careless and late", but she asked them to wait.',
        'The warden said that the reports were "baseless" and that the guards had found no weapons.',
    ],
)
def test_a_quotation_inside_a_content_goes_to_no_cue_of_the_clause_after_it(text: str) -> None:
    """A quotation followed by "but"/"and that" ends mid-sentence: the next clause's cue reports something
    else, and the quoted words stay in the first cue's content."""
    assert all(claim.quote != "direct" for claim in claims_of(text))


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Nurses interviewed in the car park said the night shift had been cut.", "Nurses"),
        ("Fishermen interviewed by radio reporters in the harbour said the catch had halved.", "Fishermen"),
    ],
)
def test_a_participle_describing_the_speaker_names_no_place_or_agent_as_speaker(
    text: str, speaker: str
) -> None:
    """ "X interviewed at/by Y said …": the parser may make the participle a clause with X as its subject."""
    names = [name for name, _ in texts_by_cue(text, "said")]
    assert len(names) == 1 and names[0] is not None and names[0].startswith(speaker)


def test_a_cue_coordinated_after_a_closed_quotation_is_no_part_of_it() -> None:
    """The parser may hang "and asked …" on the quoted clause; after the closing mark and a comma it is the
    speaker's next act, not quoted words."""
    text = (
        'The dean said in a short note that "every grade given will be reviewed", and asked the students to '
        "stay calm."
    )
    assert texts_by_cue(text, "said") == [("The dean", "every grade given will be reviewed")]


def test_a_cue_coordinated_inside_a_reported_clause_is_the_reporters_own() -> None:
    """The parser hangs "and said …" on the reported clause's verb; the subject of that clause ("her
    group") would be shown saying it, and the first content would run on over the second."""
    text = (
        "The head of the charity, Ann Smith, told the newspaper her group never worked with Jones or Brown "
        "and said the group hired the lobbyists on its own."
    )
    assert texts_by_cue(text, "told") == [("Ann Smith", "her group never worked with Jones or Brown")]
    assert texts_by_cue(text, "said") == [("Ann Smith", "the group hired the lobbyists on its own")]


def test_a_cue_coordinated_with_a_nested_cue_stays_the_nested_speakers() -> None:
    text = "The mayor said the inspectors reported no damage and said the bridge would reopen."
    assert ("the inspectors", "the bridge would reopen") in [
        (speaker and speaker.lower(), content) for speaker, content in texts_by_cue(text, "said")
    ]


def test_a_which_clause_after_the_cue_reports_nothing() -> None:
    text = "Under the rules a merger must be announced in advance, which the bank did not do."
    assert texts_by_cue(text, "announced") == []


def test_a_learned_source_holding_the_cue_is_no_speaker() -> None:
    assert [
        c
        for c in claims_of("The argument over how many ships are delayed also continues.")
        if c.cue == "over"
    ] == []


# --- quotations inside the narration's own clause (issue #14) ---------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "This is “the same lead she has held all week,” the agency reported.",
        "This is “the same lead she has held all week,” reported the agency.",
    ],
)
def test_a_quotation_the_narration_runs_into_is_claimed_with_its_clause(text: str) -> None:
    """The quoted words alone ("the same lead …") assert nothing; the clause they finish does."""
    claims = [claim for claim in claims_of(text) if claim.cue == "reported"]
    assert [(claim.text, claim.quote) for claim in claims] == [
        ("This is “the same lead she has held all week", "mixed")
    ]


def test_a_quoted_show_name_is_neither_content_nor_speaker() -> None:
    text = "The senator criticised the plan on CBS’s “Face the Nation,” calling it a “disaster” for farmers."
    claims = claims_of(text)
    assert all("Face the Nation" not in (claim.text, claim.speaker_text) for claim in claims)


def test_a_quotation_reporting_a_named_source_claims_the_reported_clause() -> None:
    text = "“Interpol said that she broke no rule and that the money was returned,” Lee said."
    assert texts_by_cue(text, "said") == [("Lee", "she broke no rule and that the money was returned")]


def test_a_quoted_source_speaking_of_itself_made_the_claim_the_relayer_passed_on() -> None:
    """ "“The mayor said he has made sacrifices,” his rival said": the mayor's boast, relayed by the rival
    (PolNeAR khan-family, issue #14: a relayed boast the relayer then rejects stood as her own)."""
    text = "“Mayor Tom Reed said he has made many sacrifices,” Ann Lee said."
    claims = [claim for claim in claims_of(text) if claim.text == "he has made many sacrifices"]
    assert [(claim.speaker_text, claim.cue, claim.via_text) for claim in claims] == [
        ("Mayor Tom Reed", "said", "Ann Lee")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "“People say that the plan is dead,” Lee said.",  # a crowd's words, set up to be answered
        "“Interpol denied that she broke any rule,” Lee said.",  # the report takes a side
    ],
)
def test_a_quotation_reporting_no_named_neutral_source_stays_whole(text: str) -> None:
    quoted = text[1 : text.index(",”")]
    assert ("Lee", quoted) in texts_by_cue(text, "said")


def test_a_mixed_quote_goes_on_in_the_next_quotation() -> None:
    text = (
        "The new budget is “a step backwards for every family,” says Ann Smith, who leads the teachers’ "
        "union. “We will fight it in court.”"
    )
    assert ("Ann Smith", "We will fight it in court.") in texts_by_cue(text, "says")


def test_doubled_apostrophes_mark_a_mixed_quote() -> None:
    text = "Paying no tax ''makes me clever,'' the candidate said last week."
    claims = [claim for claim in claims_of(text) if claim.cue == "said"]
    assert [(claim.text, claim.quote) for claim in claims] == [("Paying no tax ''makes me clever", "mixed")]


# --- "according to" a source with an apposition -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        (
            "According to the harbour master, Lena Holm, the ferries at 12 piers stayed moored on Monday.",
            "Lena Holm",
            "the ferries at 12 piers stayed moored on Monday",
        ),
        (
            "According to the police spokesman, Tom Hale, the road will reopen on Friday.",
            "Tom Hale",
            "the road will reopen on Friday",
        ),
        (
            "According to the company's founder, Ann Berg, there were no injuries.",
            "Ann Berg",
            "there were no injuries",
        ),
        (
            "According to Maria Lopez, the city's fire chief, two houses burned down overnight.",
            "Maria Lopez",
            "two houses burned down overnight",
        ),
    ],
)
def test_apposition_after_according_to_names_the_source(text: str, speaker: str, content: str) -> None:
    """The apposition beside the source of "according to" is the source's, when the clause after it has a
    subject of its own: the content starts after it."""
    assert (speaker, content) in texts_by_cue(text, "According to")


def test_apposition_without_a_subject_after_it_is_the_content_subject() -> None:
    """The parser hangs a clause's subject on the source when nothing else is its subject."""
    text = "According to Yonhap, North Korea's representative to the UN confirmed the talks."
    assert ("Yonhap", "North Korea's representative to the UN confirmed the talks") in texts_by_cue(
        text, "According to"
    )


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        # the parser hangs the cue on the first clause as its conjunct, the second as its complement
        (
            "The number of people killed by the cyclone in Odisha has risen to 17, and 4,300 people remain "
            "in emergency shelters, India's National Disaster Response Force said on Monday.",
            "India's National Disaster Response Force",
            "The number of people killed by the cyclone in Odisha has risen to 17, and 4,300 people remain "
            "in emergency shelters",
        ),
        # ... or both clauses on the cue as two complements
        (
            "The number of people killed by the floods has risen to 40, and 800 families remain in schools, "
            "the ministry said.",
            "the ministry",
            "The number of people killed by the floods has risen to 40, and 800 families remain in schools",
        ),
    ],
)
def test_a_trailing_cue_reports_both_clauses_before_it(text: str, speaker: str, content: str) -> None:
    assert texts_by_cue(text, "said") == [(speaker, content)]


def test_a_first_clause_that_reports_in_turn_keeps_its_own_speaker() -> None:
    text = "Officials said the toll rose to 9, and 4 remain missing, the rescuers said."
    assert ("Officials", "the toll rose to 9, and 4 remain missing") in texts_by_cue(text, "said")


def test_a_with_absolute_that_speaks_is_its_speakers_claim_not_the_contents() -> None:
    """ "…, with 40 percent of them saying …" is the share's claim on its own cue; the content it hangs in
    ends before it, so one claim does not carry two propositions and two figures (issue #14)."""
    text = (
        "The board said Marlow won 28 percent of the vote, with 40 percent of his voters saying jobs "
        "mattered most."
    )
    assert texts_by_cue(text, "said") == [("The board", "Marlow won 28 percent of the vote")]
    assert texts_by_cue(text, "saying") == [("40 percent of his voters", "jobs mattered most")]
    adding = (
        "The mayor said the ferry would run again in June, with engineers adding that the hull was sound."
    )
    assert texts_by_cue(adding, "said") == [("The mayor", "the ferry would run again in June")]
    # a passive participle names no speaker: the absolute stays in the content
    missing = "Officials said 12 people died in the flood, with dozens more reported missing."
    assert texts_by_cue(missing, "said") == [
        ("Officials", "12 people died in the flood, with dozens more reported missing")
    ]


def test_according_to_keeps_the_clause_before_it_not_a_speaking_absolute_after_it() -> None:
    text = (
        "Marlow won 28 percent among older voters, according to the survey, with 61 percent of them "
        "saying they decided late."
    )
    assert ("the survey", "Marlow won 28 percent among older voters") in texts_by_cue(text, "according to")


def test_a_content_ends_before_another_source_or_speaker_joined_after_a_comma() -> None:
    credited = "The union said 300 workers were laid off, according to a letter seen by the Gazette."
    assert texts_by_cue(credited, "said") == [("The union", "300 workers were laid off")]
    joined = "The union said 300 workers were laid off, and the company said it would appeal."
    assert texts_by_cue(joined, "said") == [
        ("The union", "300 workers were laid off"),
        ("the company", "it would appeal"),
    ]


def test_a_source_that_opens_the_reported_clause_stays_in_the_content() -> None:
    text = "The agency reported that, according to a count of its files, 40 of the 90 visits were paid."
    assert texts_by_cue(text, "reported") == [
        ("The agency", "according to a count of its files, 40 of the 90 visits were paid")
    ]
