"""Proposition labels and the claim a question is worded from: the most central claim's own words."""

from dataclasses import replace

import pytest
from factories import make_claim, make_position

from storyline.stages.ledger.labels import (
    as_question,
    asks_something,
    central_order,
    proposition_label,
    shorten,
    title_case,
)
from storyline.stages.ledger.status import judge_status


def test_the_most_central_set_comes_first_not_the_first_given() -> None:
    sets = [
        frozenset({"port", "fee"}),
        frozenset({"troop", "korea", "russia"}),
        frozenset({"troop", "korea"}),
    ]
    assert central_order(sets)[0] in (1, 2)
    assert central_order(sets)[-1] == 0


def test_proposition_label_is_the_central_content_cut_at_a_clause() -> None:
    claims = [
        make_claim("the news that his country was sending troops", id="c1"),
        make_claim("We have no proof of soldiers fighting in the south, the minister added", id="c2"),
    ]
    # "have" is the main verb here: no auxiliary to move, so the content is asked about as a whole
    assert proposition_label(claims, [0, 1]) == (
        "Is it true that we have no proof of soldiers fighting in the south?"
    )
    assert shorten(
        "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen"
        " seventeen eighteen nineteen twenty"
    ).endswith("…")


@pytest.mark.parametrize(
    ("content", "label"),
    [
        # fourteen words end inside "the plainest example of a planning failure": the label runs to its end
        (
            "The mayor said the new bridge over the river was the plainest example of a planning failure",
            "The mayor said the new bridge over the river was the plainest example of a planning failure",
        ),
        # past the reach, the cut goes back to a whole phrase, a verb's adverbial left out
        (
            "The workers were paid their wages in full on Friday by the regional office of the national"
            " textile company after a long dispute",
            "The workers were paid their wages in full on Friday …",
        ),
    ],
)
def test_a_label_cut_past_the_word_limit_ends_on_a_whole_phrase(content: str, label: str) -> None:
    assert shorten(content) == label


@pytest.mark.parametrize(
    "content",
    [
        "ppl n children will pay the price for the new rules",  # a chat's shorthand
        "I think that the council has no more trouble with the plan",  # whose "I"?
        "we are not going to pay a single cent for the new bridge",  # whose "we"?
        "Mr. Lee, you're the one who must pay for the new bridge",  # whose "you", contracted?
        "we've never paid a single cent for the new bridge in all these years",  # whose "we"?
    ],
)
def test_a_content_no_question_can_read_whole_asks_nothing(content: str) -> None:
    assert not asks_something([make_claim(content)], [0])


def test_a_capital_letter_is_no_shorthand() -> None:
    assert asks_something([make_claim("U.S. officials said the N. Korean troops had crossed")], [0])


def test_status_reasons_use_singular_nouns_for_one() -> None:
    deny = make_position("c1", speakers=("Moscow",), outlets=("X",), stance="deny")
    denial = make_claim("the accusation", id="c1", speaker_text="Moscow", modality="denied")
    status, reason = judge_status([deny], [denial])
    assert status == "denied" and reason == "denied by Moscow; no source affirms"


def test_a_corroborated_reason_names_as_many_sources_as_it_counts() -> None:
    affirm = make_position("c1", speakers=("Civil Defence",), outlets=("X", "Y"), stance="affirm")
    said = make_claim("12,000 people had fled", id="c1", speaker_text="Civil Defence")
    status, reason = judge_status([affirm], [said], corroborators=2)
    assert (
        status == "corroborated"
        and reason == "2 independent sources agree (Civil Defence and 1 more), no other position"
    )


@pytest.mark.parametrize(
    ("content", "question"),
    [
        (
            "Gennifer Flowers will not be attending the debate",
            "Will Gennifer Flowers be attending the debate?",
        ),
        ("the FBI obtained a warrant to search the emails", "Is it true that the FBI obtained a warrant?"),
        ("Clinton was extremely careless with classified material", "Was Clinton extremely careless?"),
        ("he wouldn't recommend prosecuting her", "Would he recommend prosecuting her?"),
        ("Clinton hasn't turned over all her emails", "Has Clinton turned over all her emails?"),
    ],
)
def test_proposition_labels_are_questions_without_the_negation(content: str, question: str) -> None:
    label = proposition_label([make_claim(content, id="c1")], [0])
    assert label.endswith("?") and not label.startswith("Whether")
    assert label.split()[:3] == question.split()[:3]


def test_a_label_is_never_cut_inside_an_abbreviation() -> None:
    text = "Ms. Clinton met U.S. officials in Washington on Friday, aides said"
    assert shorten(text) == "Ms. Clinton met U.S. officials in Washington on Friday"


def test_a_fragment_asks_nothing() -> None:
    fragment = [make_claim("from his perspective on it", id="c1")]
    stated = [make_claim("her ministry had been warned about cracks", id="c1")]
    assert not asks_something(fragment, [0]) and asks_something(stated, [0])


@pytest.mark.parametrize(
    ("content", "asked"),
    [
        # the cut leaves out the condition the modal hangs on: the claim would read unconditional
        ("It would be a breach of duty by the mayor, who chairs the board, if they fail to act on it", False),
        # the subject's list is kept whole, and with it the condition
        ("It would be a breach of duty by the mayor and his staff if they fail to act on it", True),
        # the condition is kept, or the sentence ends before the next one's "If"
        ("the deal would cost the city millions if approved", True),
        ("It would be a disaster for the party. If he wins, we lose.", True),
        # no modal: a fact stated, whatever follows
        ("the council failed to act on the report and the mayor left if only for a day", True),
    ],
)
def test_a_label_that_cuts_off_its_condition_asks_nothing(content: str, asked: bool) -> None:
    assert asks_something([make_claim(content, id="c1")], [0]) is asked


@pytest.mark.parametrize(
    ("content", "asked"),
    [
        # issue #14 (PolNeAR police-shootings): "… comments Tuesday on the shooting death of Crutcher came?"
        ("The mayor's remarks on Monday about the flood came as the crews were still searching", False),
        ("the storm warnings from the coast guard came", False),
        # the verb keeps its complement
        ("The mayor's remarks about the flood came on the day of the vote", True),
    ],
)
def test_a_label_cut_right_after_a_verb_that_needs_more_asks_nothing(content: str, asked: bool) -> None:
    assert asks_something([make_claim(content, id="c1")], [0]) is asked


def test_a_request_label_keeps_what_was_asked_past_an_appositive() -> None:
    content = "The union has urged the city, the largest employer in the region, to raise wages this year"
    label = proposition_label([make_claim(content)], [0])
    assert label == "Has the union urged the city to raise wages this year?"
    # an appositive that is no request's object is cut at its comma as any other clause
    other = "The union has met the city, the largest employer in the region, to talk about wages"
    assert proposition_label([make_claim(other)], [0]) == "Is it true that the union has met the city?"


@pytest.mark.parametrize(
    ("content", "label"),
    [
        # an implication frame goes, and a hedge on a past event asks whether it happened (issue #14)
        (
            "it means Trump may not have paid a dime in federal income taxes",
            "Did Trump pay a dime in federal income taxes?",
        ),
        ("The losses mean that he might have avoided federal taxes", "Did he avoid federal taxes?"),
        # "could": an ability, or a counterfactual, keeps its modal
        ("it could not comment on an ongoing investigation", "Could it comment on an ongoing investigation?"),
        # a long subject is the claim itself, and a frame without a clause after it is no frame
        (
            "revelations about the nominee's tax history show the need for reform",
            "Is it true that revelations about the nominee's tax history show the need for reform?",
        ),
        ("the FBI means business in this case", "Is it true that the FBI means business in this case?"),
    ],
)
def test_a_label_keeps_the_propositions_own_clause(content: str, label: str) -> None:
    assert as_question(content) == label


def test_a_label_is_not_cut_inside_a_coordinated_subject_before_its_verb() -> None:
    content = 'the new city mayor\'s "temper" and "candour" are in doubt after the hearing'
    claim = make_claim(content, finite_verbs=(content.index("are"),))
    assert (
        proposition_label([claim], [0])
        == "Is it true that the new city mayor's temper and candour are in doubt after the hearing?"
    )
    # without the parse's verbs, the conjunction inside the subject is no clause end either
    assert shorten(content) == content


def test_a_headline_in_title_case_does_not_word_the_label() -> None:
    headline = make_claim("Mayor Jones's Temper Is In Doubt", id="c1")
    body = "the mayor's temper is in doubt after the council hearing"
    sentence = make_claim(body, id="c2", finite_verbs=(body.index("is"),))
    assert (
        proposition_label([headline, sentence], [0, 1])
        == "Is the mayor's temper in doubt after the council hearing?"
    )
    # alone, a headline still words its question; a name of a few words is no headline
    assert proposition_label([headline], [0]).startswith("Is")
    assert not title_case("Pat Kennedy left")


def test_a_writers_comment_before_the_clause_is_left_out_of_the_label() -> None:
    assert as_question("Ironically, one of the two firms has strong ties to the rival party") == (
        "Is it true that one of the two firms has strong ties to the rival party?"
    )


def test_an_appositive_between_the_subject_and_its_verb_leaves_the_label() -> None:
    body = (
        "Smith and his business partner Rick Jones, another top adviser in the mayor's campaign, were "
        "working for the ruling party"
    )
    claim = make_claim(body, id="c1", finite_verbs=(body.index("were"),))
    assert proposition_label([claim], [0]) == (
        "Is it true that Smith and his business partner Rick Jones were working for the ruling party?"
    )


@pytest.mark.parametrize(
    ("content", "label"),
    [
        # issue #14: a quotation cut open ("‘were extremely careless") loses its quotation mark
        (
            "the mayor and his staff ‘were extremely careless",
            "Were the mayor and his staff extremely careless?",
        ),
        (
            "the mayor called the dam ‘a disaster’ for the valley",
            "Is it true that the mayor called the dam a disaster for the valley?",
        ),
        # an apostrophe stays when no quotation opened
        ("the farmers’ dam is a disaster", "Is the farmers’ dam a disaster?"),
    ],
)
def test_a_label_drops_single_quotation_marks(content: str, label: str) -> None:
    assert as_question(content) == label


def test_a_recaps_several_figures_count_once_for_its_centrality() -> None:
    # a recap giving three values of one count ("three works were found on Tuesday in a car near the
    # river, seven by Wednesday and 11 by Thursday") and two claims stating the count itself
    recap = frozenset({"work", "found", "tuesday", "car", "river", "wednesday", "thursday"})
    stated = [frozenset({"work", "found", "now"}), frozenset({"work", "found", "now", "police"})]
    sets = [recap, recap, recap, *stated]
    # read as five figures, the recap's copies support each other and it looks central
    assert central_order(sets)[0] == 0
    assert central_order(sets, ["r", "r", "r", "a", "b"])[0] in (3, 4)


@pytest.mark.parametrize(
    ("content", "label"),
    [
        # issue #14: the first auxiliary belongs to a clause inside the subject; the main clause's moves
        (
            "the plan the mayor was defending would cost the town too much",
            "Would the plan the mayor was defending cost the town too much?",
        ),
        (
            "the official who said it was wrong has resigned",
            "Has the official who said it was wrong resigned?",
        ),
        # a clause came first and the main clause has no auxiliary: none moves
        ("Ohio showed voters are angry", "Is it true that Ohio showed voters are angry?"),
        # a relative clause without its pronoun is no clause of its own
        ("the man she met was a spy", "Was the man she met a spy?"),
    ],
)
def test_a_label_moves_the_auxiliary_of_the_main_clause(content: str, label: str) -> None:
    assert as_question(content) == label


def test_a_noun_phrase_with_a_that_clause_is_no_question() -> None:
    # issue #14: "Is it true that Donald Trump's lead that it gave …?" asked a noun phrase
    phrase = "the mayor's warning that it would flood the lower town by Friday"
    assert not asks_something([make_claim(phrase)], [0])
    assert asks_something(
        [make_claim("the mayor warned that the river would flood the lower town by Friday")], [0]
    )
    # a clause the parser alone reads as a noun and a participle ("hacked" as VBN) still asks
    assert asks_something(
        [make_claim("Foreign intelligence services hacked into the city council computers")], [0]
    )


@pytest.mark.parametrize(
    ("content", "label"),
    [
        # a heading of a few verbless words before a colon, and a list's dash, head the claim: no label's
        (
            "One striking change: Democratic voters in the county were more likely to back the mayor",
            "Were Democratic voters in the county more likely to back the mayor?",
        ),
        (
            "- The mayor has enjoyed a wide lead in county polls",
            "Has the mayor enjoyed a wide lead in county polls?",
        ),
    ],
)
def test_a_heading_before_a_colon_or_a_dash_is_no_part_of_the_label(content: str, label: str) -> None:
    verb = next(word for word in ("were", "has") if f" {word} " in content)
    claim = make_claim(content, id="c1", finite_verbs=(content.index(f" {verb} ") + 1,))
    assert proposition_label([claim], [0]) == label


def test_a_colon_after_a_verb_keeps_what_comes_before_it() -> None:
    content = "The mayor warned: Rural voters will decide the race in the county"
    claim = make_claim(content, id="c1", finite_verbs=(content.index("warned"), content.index("will")))
    assert "mayor" in proposition_label([claim], [0])


@pytest.mark.parametrize(
    ("content", "label"),
    [
        # a comma or "and" inside a noun phrase or a list is no clause's end: the phrase is kept whole
        (
            "The governor is a “fair, patient leader,” the mayor said",
            "Is the governor a fair, patient leader?",
        ),
        (
            "The union endorsed Ortiz, Baker and Lund for the board, its newsletter said",
            "Is it true that the union endorsed Ortiz, Baker and Lund for the board?",
        ),
        (
            "the auditors are examining the links between city grants and campaign gifts",
            "Are the auditors examining the links between city grants and campaign gifts?",
        ),
        # a clause after the comma or "and" is cut off as before
        ("The bridge is safe for heavy trucks, the engineers said", "Is the bridge safe for heavy trucks?"),
        (
            "The mayor won the vote in the east, and her rival won the west",
            "Is it true that the mayor won the vote in the east?",
        ),
    ],
)
def test_a_label_is_not_cut_inside_a_noun_phrase_or_a_list(content: str, label: str) -> None:
    assert proposition_label([make_claim(content, id="c1")], [0]) == label


@pytest.mark.parametrize(
    ("content", "asked"),
    [
        # "it", "this", "those" standing for what a sentence the reader does not see told
        ("There is no doubt about it at all", False),
        ("It proves the mayor knew of the cracks", False),
        ("This is a scandal for the whole council", False),
        ("The council rejected those without a vote", False),
        # an "it" that stands for nothing, a demonstrative before its noun, a relative "that"
        ("it takes 60 votes to pass the bill", True),
        ("it may be years before the bridge reopens", True),
        ("the mayor said this year would be different", True),
        ("the plan that the council backed has failed", True),
        # "it" in a clause below the main one, a noun of the label before it
        ("the dam had been inspected weeks before it failed", True),
    ],
)
def test_a_label_asking_of_an_unnamed_it_or_this_asks_nothing(content: str, asked: bool) -> None:
    assert asks_something([make_claim(content, id="c1")], [0]) is asked


def test_an_opening_it_of_reported_speech_is_its_speaker() -> None:
    claim = replace(
        make_claim("it would not comment on the audit", id="c1"),
        speaker_text="The water board",
        speaker="e-1",
    )
    assert proposition_label([claim], [0]) == "Would the water board comment on the audit?"
    # no speaker named: the "it" stands for nothing the reader sees, and the label asks nothing
    assert not asks_something([make_claim("it would not comment on the audit", id="c1")], [0])


def test_an_opening_they_of_reported_speech_is_its_speaker_when_a_group() -> None:
    def said(speaker: str, quote: str = "indirect") -> str:
        claim = make_claim("they heard no warning from the dam", id="c1", speaker_text=speaker, quote=quote)
        return proposition_label([replace(claim, speaker="e-1")], [0])

    named = "Is it true that farmers near the dam heard no warning from the dam?"
    assert said("Farmers near the dam") == named
    # a person or a body is no "they"; a quotation's "they" is others (its speaker says "we")
    assert said("Jan Olsen") == "Is it true that they heard no warning from the dam?"
    assert said("The water board") == "Is it true that they heard no warning from the dam?"
    assert said("Farmers near the dam", "direct") == "Is it true that they heard no warning from the dam?"


def test_a_quotation_closed_after_its_full_stop_leaves_no_mark() -> None:
    assert (
        as_question("the board was careless with the records.’") == "Was the board careless with the records?"
    )


def test_a_long_subject_s_negation_is_taken_out_of_an_asked_frame() -> None:
    # the auxiliary comes too late to move; the negation still goes, as it does where one moves: the
    # clerks who say it was not printed deny the question, they do not affirm a label negating for them
    content = "The small rural county's new mayoral candidate Anna Holm's name was not printed on the ballots"
    assert as_question(content) == (
        "Is it true that the small rural county's new mayoral candidate Anna Holm's name was printed on the"
        " ballots?"
    )
    # a negation inside a clause of the subject is that clause's and stays
    inner = "The odd rumour among the volunteers that the mayor does not read her mail spread quickly"
    assert "does not read" in as_question(inner)
    # an adverb said of the negation goes with it
    judged = "This odd rumour among the volunteers that the mayor reads her mail is just not true"
    assert as_question(judged).endswith("that the mayor reads her mail is true?")


@pytest.mark.parametrize(
    ("content", "asked"),
    [
        ("said right from the beginning of the long campaign", False),  # the subject stayed behind
        ("that track last-minute spending before the county election on Tuesday", False),  # a relative clause
        ("The county clerk said the ballots were printed", True),
    ],
)
def test_a_clause_opening_on_its_verb_asks_of_no_one(content: str, asked: bool) -> None:
    assert asks_something([make_claim(content, id="c1")], [0]) is asked
