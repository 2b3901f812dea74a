"""One content holding two propositions becomes two claims of one speaker and cue (claims.propositions), on
sentences written for these tests: coordinated "that" complements and a trailing absolute with a figure."""

from __future__ import annotations

from spacy.lang.en import English as blank_english
from spacy.tokens import Doc

from storyline.stages.claims.lexicon import claim_lexicon
from storyline.stages.claims.propositions import split_propositions
from storyline.stages.claims.spans import Attribution, ParseContext
from tests.test_claims_boundaries import texts_by_cue as by_cue

# --- "said A and that B" ------------------------------------------------------------------------------------


def test_two_complements_each_opened_by_that_are_two_claims() -> None:
    text = "The harbour master said that 14 boats had sunk and that the insurers were delaying payment."
    assert by_cue(text, "said") == [
        ("The harbour master", "14 boats had sunk"),
        ("The harbour master", "the insurers were delaying payment"),
    ]


def test_a_first_complement_without_that_is_split_too() -> None:
    text = "Union leaders told reporters 300 drivers had walked out and that talks would resume on Monday."
    assert by_cue(text, "told") == [
        ("Union leaders", "300 drivers had walked out"),
        ("Union leaders", "talks would resume on Monday"),
    ]


def test_two_complements_opened_by_whether_are_two_claims() -> None:
    text = "The auditor asked whether the fund had lost money and whether the board had been told."
    contents = [content for _, content in by_cue(text, "asked")]
    assert len(contents) == 2
    assert contents[0].endswith("the fund had lost money")
    assert contents[1].endswith("the board had been told")


def test_and_inside_one_clause_is_no_cut() -> None:
    assert by_cue("The mayor said the roads and the bridges were closed.", "said") == [
        ("The mayor", "the roads and the bridges were closed")
    ]
    # two clauses joined without a second "that" may be the writer's narration: left whole
    assert by_cue("The mayor said the roads were closed and the bridges were open.", "said") == [
        ("The mayor", "the roads were closed and the bridges were open")
    ]


def test_alternatives_joined_by_or_that_stay_one_claim() -> None:
    text = "The coach said that the striker was injured or that he had been dropped."
    assert len(by_cue(text, "said")) == 1


def test_a_coordination_nested_inside_the_content_is_no_cut() -> None:
    """The "and that" joins complements of "believed", not of the cue: one proposition of the speaker's."""
    text = "The senator said voters believed that prices were rising and that wages were falling."
    assert len(by_cue(text, "said")) == 1


def test_a_quotation_is_never_split() -> None:
    text = "“The boats sank and that is the end of it,” the harbour master said."
    assert len(by_cue(text, "said")) == 1
    # no cut inside a quotation; the "and that" after it is one
    text = (
        "The coach said that the club had “lost its way and that nobody had noticed,” and that he would stay."
    )
    assert by_cue(text, "said") == [
        ("The coach", "the club had “lost its way and that nobody had noticed"),
        ("The coach", "he would stay"),
    ]


# --- "…, X said, with 15 miners still unaccounted for" ---------------------------------------------------


def test_a_trailing_absolute_with_a_figure_is_the_speakers_second_claim() -> None:
    text = (
        "The number of injured rose to 42 overnight, the regional health office said, "
        "with 9 patients still in intensive care."
    )
    assert by_cue(text, "said") == [
        ("the regional health office", "The number of injured rose to 42 overnight"),
        ("the regional health office", "9 patients still in intensive care"),
    ]


def test_a_trailing_absolute_after_a_named_speaker_keeps_the_figure() -> None:
    text = "Forty homes were destroyed, fire chief Tom Alder said on Sunday, with 12 families still missing."
    contents = [content for _, content in by_cue(text, "said")]
    assert "12 families still missing" in contents
    assert all(speaker == "fire chief Tom Alder" for speaker, _ in by_cue(text, "said"))


def test_a_trailing_with_phrase_without_a_figure_is_no_claim() -> None:
    assert by_cue("The strike is over, the union said with a smile.", "said") == [
        ("the union", "The strike is over")
    ]
    text = "The fire is under control, the chief said, with crews still working through the night."
    assert by_cue(text, "said") == [("the chief", "The fire is under control")]


def test_a_with_phrase_inside_a_content_after_the_cue_stays_in_it() -> None:
    text = "The minister said the toll was 12, with 30 people still missing."
    contents = [content for _, content in by_cue(text, "said")]
    assert contents == ["the toll was 12, with 30 people still missing"]


def test_a_trailing_absolute_hung_beside_the_cue_is_found() -> None:
    """A headline run into the sentence by the parse takes the cue and the absolute as two dependents of
    its verb (generalise mine-04); the absolute beside the cue is still the cue's. A parse built by hand,
    as the parser gives it only for some sentences."""
    words = [
        "Toll",
        "rises",
        "The",
        "toll",
        "rose",
        "to",
        "21",
        ",",
        "Ann",
        "Lee",
        "said",
        ",",
        "with",
        "15",
        "miners",
        "still",
        "missing",
        ".",
    ]
    heads = [1, 1, 3, 4, 1, 4, 5, 10, 9, 10, 1, 10, 16, 14, 16, 16, 1, 1]
    deps = "nsubj ROOT det nsubj parataxis prep pobj punct compound nsubj parataxis punct mark nummod nsubj"
    deps += " advmod advcl punct"
    doc = Doc(blank_english().vocab, words=words, heads=heads, deps=deps.split())
    text = doc.text
    content = (text.index("The toll"), text.index(" ,"))
    cue = (doc[10].idx, doc[10].idx + 4)
    context = ParseContext.build(doc, text, [], claim_lexicon())
    said = Attribution(cue=cue, content=content, speaker=None, quote="indirect", cue_modality=None, anchor=10)
    added = split_propositions(context, [said])[1:]
    assert [text[a.content[0] : a.content[1]] for a in added] == ["15 miners still missing"]


# --- "…, X said, as the number … rose to N" ----------------------------------------------------------------


def test_a_trailing_clause_of_a_count_moving_is_the_speakers_second_claim() -> None:
    text = (
        "At least 20 people have died in a measles outbreak in the north, the regional health office said on "
        "Friday, as the number of confirmed infections rose to 410."
    )
    assert by_cue(text, "said") == [
        ("the regional health office", "At least 20 people have died in a measles outbreak in the north"),
        ("the regional health office", "the number of confirmed infections rose to 410"),
    ]
    text = "Officers had detained 120 people, the police said, while the number of injured climbed to 35."
    assert ("the police", "the number of injured climbed to 35") in by_cue(text, "said")


def test_a_trailing_as_clause_without_a_count_moving_is_no_claim() -> None:
    text = "The talks had failed, the union said on Monday, as protesters gathered outside the ministry."
    assert by_cue(text, "said") == [("the union", "The talks had failed")]
    # a figure, but no count moving: the writer's scene
    text = "The talks had failed, the union said on Monday, as 300 protesters gathered outside the ministry."
    assert by_cue(text, "said") == [("the union", "The talks had failed")]


# --- "…, X said, up from N on <day>" -----------------------------------------------------------------------


def test_a_trailing_comparison_with_a_figure_is_the_speakers_second_claim() -> None:
    text = (
        "By Friday night 230 schools had reopened, the education office said, "
        "up from 150 on Thursday, 90 on Wednesday and 35 on Tuesday."
    )
    assert by_cue(text, "said") == [
        ("the education office", "By Friday night 230 schools had reopened"),
        ("the education office", "up from 150 on Thursday, 90 on Wednesday and 35 on Tuesday"),
    ]
    text = "Six climbers were still missing, the rescue service said on Sunday, down from 14 on Saturday."
    assert ("the rescue service", "down from 14 on Saturday") in by_cue(text, "said")
    text = "Prices rose 4.2 percent in May, the statistics office said, compared with 3.1 percent in April."
    assert ("the statistics office", "compared with 3.1 percent in April") in by_cue(text, "said")


def test_a_trailing_participle_carrying_the_count_to_a_figure_is_the_speakers_claim() -> None:
    text = "Nine more bodies were recovered on Monday, the coast guard said, bringing the total to 61."
    assert ("the coast guard", "bringing the total to 61") in by_cue(text, "said")


def test_a_trailing_phrase_that_carries_no_figure_on_is_no_claim() -> None:
    # no figure in the comparison, or none reported before the cue
    text = "Turnout was 48 percent, the commission said, up from the last election."
    assert by_cue(text, "said") == [("the commission", "Turnout was 48 percent")]
    text = "Turnout was high, the commission said, up from 40 percent in 2019."
    assert by_cue(text, "said") == [("the commission", "Turnout was high")]
    # a participle without "to" a figure: the writer's comment
    text = "The toll rose to 40, the ministry said, raising the prospect of 3 more weeks of searching."
    assert by_cue(text, "said") == [("the ministry", "The toll rose to 40")]


def test_a_trailing_comparison_with_a_clause_or_a_cue_of_its_own_is_no_claim_of_the_first_speaker() -> None:
    text = "The toll rose to 40, the ministry said, up from 12 as the rains continued."
    assert by_cue(text, "said") == [("the ministry", "The toll rose to 40")]
    text = "The toll rose to 40, the ministry said, up from 12, according to the Red Cross."
    assert all("up from 12" not in content for _, content in by_cue(text, "said"))


# --- "…, X announced; 125 facilities were still cut off" ----------------------------------------------------


def test_a_count_after_a_semicolon_closing_the_cue_is_the_speakers_second_claim() -> None:
    text = (
        "By Monday noon 300 homes had their power back, the grid operator announced; "
        "1,200 homes were still without electricity."
    )
    assert by_cue(text, "announced") == [
        ("the grid operator", "By Monday noon 300 homes had their power back"),
        ("the grid operator", "1,200 homes were still without electricity"),
    ]


def test_a_clause_after_a_semicolon_that_is_no_count_or_has_its_own_cue_is_not_the_speakers() -> None:
    text = "By Monday noon 300 homes had their power back, the grid operator announced; the cause is unknown."
    assert by_cue(text, "announced") == [
        ("the grid operator", "By Monday noon 300 homes had their power back")
    ]
    # a count, but the content before the cue reports none
    text = "Power was back in the north, the grid operator announced; 1,200 homes were still without power."
    assert by_cue(text, "announced") == [("the grid operator", "Power was back in the north")]
    # a count with a speaker of its own
    text = "300 homes had their power back, the operator said; 1,200 were still dark, the mayor said."
    assert ("the operator", "1,200 were still dark") not in by_cue(text, "said")


# --- "…, X said, and four sailors remain unaccounted for" ------------------------------------------------


def test_a_count_joined_by_and_after_the_cue_is_the_speakers_second_claim() -> None:
    text = (
        "Three more climbers were rescued on Sunday, the mountain police said, "
        "and five hikers are still missing, down from nine on Saturday."
    )
    assert by_cue(text, "said") == [
        ("the mountain police", "Three more climbers were rescued on Sunday"),
        ("the mountain police", "five hikers are still missing, down from nine on Saturday"),
    ]


def test_a_clause_joined_by_and_that_is_no_count_or_has_its_own_cue_is_not_the_speakers() -> None:
    # no count in the joined clause: the writer's narration
    text = "Three more climbers were rescued on Sunday, the mountain police said, and the pass was closed."
    assert by_cue(text, "said") == [("the mountain police", "Three more climbers were rescued on Sunday")]
    # no count before the cue
    text = "The climbers were rescued on Sunday, the mountain police said, and five hikers are still missing."
    assert by_cue(text, "said") == [("the mountain police", "The climbers were rescued on Sunday")]
    # a count with a cue of its own
    text = "Three climbers were rescued, the police said, and five are missing, the mayor told reporters."
    assert ("the police", "five are missing") not in by_cue(text, "said")


def test_a_count_after_the_semicolon_ending_a_content_after_its_cue_is_the_speakers_second_claim() -> None:
    text = (
        "According to the harbour master, the ferries at 12 piers stayed moored on Monday; "
        "a day earlier there had been 19."
    )
    assert by_cue(text, "According to") == [
        ("the harbour master", "the ferries at 12 piers stayed moored on Monday"),
        ("the harbour master", "a day earlier there had been 19"),
    ]


def test_a_clause_after_the_semicolon_ending_a_content_after_its_cue_must_go_on_with_a_count() -> None:
    # no figure in the clause
    text = "According to the harbour master, the ferries at 12 piers stayed moored; the cause is unknown."
    assert len(by_cue(text, "According to")) == 1
    # no figure in the content
    text = "According to the harbour master, the ferries stayed moored; a day earlier there had been 19."
    assert len(by_cue(text, "According to")) == 1
    # a cue of its own
    text = "According to the harbour master, 12 ferries stayed moored; 19 had left, the mayor said."
    assert ("the harbour master", "19 had left") not in by_cue(text, "According to")
