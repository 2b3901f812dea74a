"""Claims rules added for PolNeAR recall and boundaries (issue #16), on sentences written for these tests:
agentless raising cues, headline leads named later in the article, and content ends ("?", brackets)."""

from __future__ import annotations

import pytest
from spacy.lang.en import English as blank_english
from spacy.tokens import Doc

from storyline.stages.claims.speakers import noun_phrase_before
from tests.test_claims import claims_of, find


def by_cue(text: str, cue: str) -> list[tuple[str | None, str, str]]:
    return [(claim.speaker_text, claim.text, claim.kind) for claim in claims_of(text) if claim.cue == cue]


# --- raising cues -------------------------------------------------------------------------------------------


def test_an_expectation_nobody_is_named_for_is_an_act_around_its_cue() -> None:
    text = "The mayor is expected to announce a new budget on Monday."
    assert by_cue(text, "is expected") == [
        (None, "The mayor is expected to announce a new budget on Monday", "act")
    ]


def test_appear_with_a_subject_is_a_raising_cue() -> None:
    text = "The new traffic counts appear to be inflated."
    assert by_cue(text, "appear") == [(None, "The new traffic counts appear to be inflated", "act")]


def test_a_raising_cue_inside_a_named_speakers_claim_is_theirs() -> None:
    text = "The new counts appear to be inflated, the council said."
    assert by_cue(text, "appear") == []
    assert ("the council", "The new counts appear to be inflated", "statement") in by_cue(text, "said")


def test_an_active_expectation_and_an_empty_subject_are_no_raising_cues() -> None:
    # an empty "it" is no subject the content is said of (the learned model may still propose the cue)
    assert all(not content.startswith("It") for _, content, _ in by_cue("It appears to be over.", "appears"))
    # "Analysts expect …" names who expects: a claim of theirs (the rules' own), not an agentless one
    assert all(claim.speaker_text for claim in claims_of("Analysts expect to see a rise in rents."))


def test_a_raising_cue_inside_a_quotation_is_left_to_the_quotation() -> None:
    text = "“The mayor is expected to resign,” the councillor said."
    assert by_cue(text, "is expected") == []


# --- headline leads -----------------------------------------------------------------------------------------


def test_a_headline_lead_the_article_names_later_is_a_speaker() -> None:
    """The parser tags a lone capitalised word before a headline's colon a common noun; the article's
    later naming of the person makes it a speaker."""
    text = (
        "Whitmore: Rent caps could empty London’s flats.\n\n"
        "Senator Gretchen Whitmore said on Sunday that rents would rise."
    )
    assert by_cue(text, ":") == [("Whitmore", "Rent caps could empty London’s flats.", "statement")]


def test_a_headline_label_is_no_speaker() -> None:
    text = (
        "Budget: Rents could rise in London.\n\n"
        "Senator Gretchen Whitmore said on Sunday that rents would rise."
    )
    assert by_cue(text, ":") == []


# --- content ends -------------------------------------------------------------------------------------------


def test_a_question_after_its_cue_keeps_its_question_mark() -> None:
    text = "The head teacher asked the parents, ‘Who will pay for the trip?’ Nobody answered."
    assert any(content.endswith("the trip?") for _, content, _ in by_cue(text, "asked"))


def test_a_closing_bracket_whose_opener_the_content_holds_stays() -> None:
    text = "Rep. Kim Lee said the vote was a mistake (a costly one)."
    assert by_cue(text, "said") == [("Rep. Kim Lee", "the vote was a mistake (a costly one)", "statement")]


# --- questions put to someone unnamed -----------------------------------------------------------------------


def test_an_embedded_question_asked_of_an_unnamed_person_is_an_act() -> None:
    text = "Asked whether the plan would pass, the mayor said no."
    assert by_cue(text, "Asked") == [(None, "whether the plan would pass", "act")]


def test_when_asked_with_a_wh_question_is_one_act() -> None:
    text = "When asked who would chair the inquiry, she named the treasurer."
    assert by_cue(text, "asked") == [(None, "who would chair the inquiry", "act")]


def test_asked_to_do_something_is_no_question() -> None:
    text = "Asked to describe the device, the engineer said it was small."
    assert by_cue(text, "Asked") == []


@pytest.mark.parametrize(
    ("text", "cue", "question"),
    [
        # the parse hangs "if …" on "Asked" as an adverbial clause
        ("Asked if he was ever bullied, the governor said he was not.", "Asked", "if he was ever bullied"),
        # a topic asked about
        ("Asked about her vote in the runoff, she declined.", "Asked", "her vote in the runoff"),
        # the one asked named in the passive is no asker
        ("The mayor was asked whether the council voted.", "was asked", "whether the council voted"),
    ],
)
def test_questions_put_by_someone_unnamed_are_acts(text: str, cue: str, question: str) -> None:
    assert by_cue(text, cue) == [(None, question, "act")]


def test_asked_to_leave_when_something_happened_asks_nothing() -> None:
    text = "The mayor was asked to leave when the meeting ended."
    assert by_cue(text, "was asked") == []


def test_an_asker_named_as_subject_is_left_to_the_cue_rules() -> None:
    text = "The reporter asked whether the council had voted against the plan."
    assert (None, "whether the council had voted against the plan", "act") not in by_cue(text, "asked")


def test_quoted_words_of_a_question_are_not_what_the_answerer_said() -> None:
    text = "Asked whether the governor \u201chas the integrity to serve,\u201d 75 percent of voters said yes."
    assert not any(content.startswith("has the integrity") for _, content, _ in by_cue(text, "said"))
    assert [speaker for speaker, _, _ in by_cue(text, "Asked")] == [None]


# --- wire datelines -----------------------------------------------------------------------------------------


def test_a_dateline_place_is_no_speaker_the_name_after_it_is() -> None:
    text = "DENVER, March 3 (UPI) — Former Governor Ellen Strand told reporters that the dam was at risk."
    assert by_cue(text, "told") == [("Former Governor Ellen Strand", "the dam was at risk", "statement")]


def test_a_participle_after_a_dateline_speaks_for_the_person_named() -> None:
    text = (
        "Denver (AFP) – Democrat Ellen Strand has taken aim at the mayor's housing plan, "
        "saying that rents would rise."
    )
    assert [speaker for speaker, _, _ in by_cue(text, "saying")] == ["Democrat Ellen Strand"]


def test_after_a_dateline_the_first_verbs_subject_speaks_not_a_name_in_its_object() -> None:
    """ "X raised its offer for Y and Z … and said …": X says it, however the recogniser typed X; Y and Z,
    objects of "for", are no speakers, one or two."""
    text = (
        "VELSUND, Dec 3 - Norrhavn Brygga Gruppen raised its offer for Halvik Ferries and Docks on "
        "Thursday, to €9.40 a share, and said its stake in the ferry operator had reached 41.2%."
    )
    assert [speaker for speaker, _, _ in by_cue(text, "said")] == ["Norrhavn Brygga Gruppen"]


def test_after_a_dateline_a_name_in_a_prepositional_phrase_is_no_speaker() -> None:
    """With no other subject after the dateline, the first name is the speaker only if no preposition
    governs it: "the offer for Halvik Ferries" names what the talks are about."""
    text = (
        "VELSUND, Dec 3 - Talks on the offer for Halvik Ferries resumed on Thursday "
        "and said the stake had reached 41.2%."
    )
    assert all(speaker is None or "Halvik" not in speaker for speaker, _, _ in by_cue(text, "said"))


@pytest.mark.parametrize(
    "dateline",
    [
        "VELSUND — ",
        "VELSUND, March 3 (Reuters) - ",
        "NEW HALVIK (AP) — ",
        "VELSUND, Oct 15 - ",
        "HALVIK/VELSUND - ",
        "VELSUND, October 15 (Reuters) — ",
    ],
)
def test_a_dateline_opening_a_claim_is_no_part_of_its_content(dateline: str) -> None:
    """The place an outlet wrote from is not what the speaker said (it reached the ledger's labels)."""
    text = f"{dateline}The frost has killed 84,000 sheep across the valley, the agency said on Monday."
    assert [content for _, content, _ in by_cue(text, "said")] == [
        "The frost has killed 84,000 sheep across the valley"
    ]


@pytest.mark.parametrize(
    "dateline", ["VELSUND, Oct 15 - ", "HALVIK/VELSUND - ", "VELSUND, October 15 (Reuters) — "]
)
def test_a_dateline_with_a_date_is_no_part_of_the_speaker(dateline: str) -> None:
    text = f"{dateline}Local port officials said on Monday that the frost had closed 12 berths."
    assert [speaker for speaker, _, _ in by_cue(text, "said")] == ["Local port officials"]


# --- beliefs inside another claim ---------------------------------------------------------------------------


def test_a_belief_inside_a_claim_is_part_of_that_claim() -> None:
    """ "says she believes …" is one claim, as PolNeAR marks it: the belief verb is no second cue."""
    claims = claims_of("The senator says she believes the plan will pass.")
    assert [(claim.cue, claim.text) for claim in claims] == [("says", "she believes the plan will pass")]


def test_a_belief_reported_of_another_person_stays_inside_the_reporters_claim() -> None:
    claims = claims_of("Mayor Ruiz said Councillor Webb thinks the bridge is unsafe.")
    assert [claim.speaker_text for claim in claims] == ["Mayor Ruiz"]


# --- cues inside a quotation --------------------------------------------------------------------------------


def test_a_cue_inside_a_quotation_is_part_of_the_quotation() -> None:
    text = "“The port will reopen on Monday, and the union says the strike is over,” the harbour master said."
    claims = claims_of(text)
    assert [(claim.speaker_text, claim.cue) for claim in claims] == [("the harbour master", "said")]


def test_a_denial_inside_a_quotation_stays_a_claim_relayed_by_the_quoted_speaker() -> None:
    text = "“The pumps failed at dawn. The navy denied any role in the fire,” the minister said."
    denials = [claim for claim in claims_of(text) if claim.cue == "denied"]
    assert [(c.speaker_text, c.modality, c.via_text) for c in denials] == [
        ("The navy", "denied", "the minister")
    ]


# --- requests and infinitives (issue #14) ------------------------------------------------------------------


def test_a_request_is_an_act_and_its_sentence_the_outlets() -> None:
    text = "The harbour board asked the port authority to publish the inspection reports."
    assert [kind for _speaker, _content, kind in by_cue(text, "asked")] == ["act"]


def test_an_infinitive_cue_takes_no_speaker_from_the_noun_before_it() -> None:
    for text in (
        "The chairmen sent a letter seeking more answers about his decision not to recommend that the pier"
        " be closed.",
        "Also Monday, the two chairmen sent a letter to the mayor, signed by 30 councillors, seeking more"
        " answers about his decisions not to recommend that the pier be closed.",
    ):
        assert by_cue(text, "not to recommend") == []


def test_what_others_are_asked_to_say_is_no_statement() -> None:
    text = "The coroner asked residents to report any sightings to the police."
    assert by_cue(text, "report") == []


def test_a_that_clause_hung_on_the_cues_adjunct_is_its_content() -> None:
    # the parser hangs "that …" on "statement" / "hearing", not on the cue verb
    claims = claims_of("The utility said in a statement that the pumps had failed twice before the flood.")
    said = find(claims, "said")
    assert (said.speaker_text, said.text) == ("The utility", "the pumps had failed twice before the flood")
    mused = find(
        claims_of("The idea came from Senator Ada Morrow, who mused at a hearing that the port was unsafe."),
        "mused",
    )
    assert mused.text == "the port was unsafe"


def test_a_that_clause_of_another_verb_inside_the_adjunct_is_not_the_cues() -> None:
    claims = claims_of("She wrote in a letter to farmers who argued that the levy was unfair.")
    assert all(claim.cue != "wrote" for claim in claims)


def test_a_that_clause_on_the_cues_topic_is_no_statement_of_it() -> None:
    # the news is what the envoy would not comment on: a refusal, not his claim that troops were sent
    text = "The envoy declined to comment on the news that his country was sending troops to the front."
    claims = claims_of(text)
    assert [(claim.cue, claim.modality) for claim in claims] == [("declined to comment", "denied")]


def test_a_participle_cue_takes_no_speaker_from_a_prepositions_object() -> None:
    """Issue #14: "…, when questioned after the debate, asserting, “…”" — the debate is when, not who; a
    finite cue keeps the noun phrase before it (the parse lost its subject, the claim's content is right)."""
    words = ["when", "questioned", "after", "the", "debate", ",", "asserting", "it"]
    pos = ["SCONJ", "VERB", "ADP", "DET", "NOUN", "PUNCT", "VERB", "PRON"]
    tags = ["WRB", "VBN", "IN", "DT", "NN", ",", "VBG", "PRP"]
    heads = [1, 6, 1, 4, 2, 6, 6, 6]
    deps = ["advmod", "advcl", "prep", "det", "pobj", "punct", "ROOT", "dobj"]
    doc = Doc(blank_english().vocab, words=words, pos=pos, tags=tags, heads=heads, deps=deps)
    assert noun_phrase_before(doc[6]) is None
    finite = Doc(
        blank_english().vocab, words=words, pos=pos, tags=[*tags[:6], "VBD", "PRP"], heads=heads, deps=deps
    )
    assert noun_phrase_before(finite[6]) == (finite[3].idx, finite[4].idx + len(finite[4]))


# --- leave adjectives and judgments (issue #14) -------------------------------------------------------------


def test_an_infinitive_of_leave_is_no_statement_and_hides_no_attribution() -> None:
    """ "is free to disclose his returns" discloses nothing: the "as … pointed out" cue keeps the sentence."""
    text = (
        "As many tax lawyers, including Mr. Dunn, have pointed out, the mayor is free to disclose her "
        "records even if they are being reviewed."
    )
    assert by_cue(text, "disclose") == []
    assert by_cue(text, "have pointed out") == [
        (
            "many tax lawyers",
            "the mayor is free to disclose her records even if they are being reviewed",
            "statement",
        )
    ]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "Representative Tom Reed of Ohio, a veteran of the Navy, denounced Mayor Berg's remarks.",
            "Mayor Berg's",
        ),
        (
            "Senator Jane Ortiz singled out the mayor's criticism of the nurses as beyond the pale.",
            "the mayor's",
        ),
    ],
)
def test_a_judgment_on_someones_words_is_a_statement(text: str, content: str) -> None:
    found = [claim for claim in claims_of(text) if claim.text.startswith(content)]
    assert found and found[0].kind == "statement" and found[0].speaker_text, claims_of(text)


def test_a_quotation_paragraph_after_a_statement_put_out_is_that_statement() -> None:
    text = (
        "On Monday the council issued a statement apologizing to the nurses for the emails.\n\n"
        "“On behalf of everyone at the council, we want to offer a sincere apology to the nurses. These "
        "comments do not reflect our values.”\n\nThe statement was signed by the mayor."
    )
    statement = [claim for claim in claims_of(text) if claim.text.startswith("On behalf of")]
    assert statement and statement[0].speaker_text == "the council", claims_of(text)


def test_a_factive_verb_over_a_noun_is_left_alone() -> None:
    assert by_cue("The senator understood the risks of the vote, his aides said.", "said") == [
        ("his aides", "The senator understood the risks of the vote", "statement")
    ]
