"""What a question must show before the ledger lists it (``ledger.evidence``) and the label repairs that go
with it: precision before recall."""

from collections.abc import Iterator

import pytest
from factories import make_article, make_claim, make_quantity, make_story
from spacy.tokens import Doc

from storyline.records import Article
from storyline.stages import nlp
from storyline.stages.ledger.evidence import (
    TAGS_ONLY,
    is_question,
    names_a_predicate,
    read_label_predicates,
    reporters_note,
    speaker_lost,
    speaking_sources,
    states_a_clause,
)
from storyline.stages.ledger.label_predicates import with_predicate
from storyline.stages.ledger.labels import as_question, asks_something, shorten
from storyline.stages.ledger.measures import make_measures, split_outliers
from storyline.stages.ledger.positions import build_ledger
from storyline.stages.ledger.quantity_labels import quantity_label
from storyline.stages.nlp import parse_without


def test_a_label_content_must_be_a_finite_clause() -> None:
    assert states_a_clause("none of the messages was marked classified at the time it was sent")
    assert states_a_clause("Flowers will not be attending the debate")
    assert not states_a_clause("Clinton to win Monday's debate")  # from "voters expect Clinton to win"
    assert not states_a_clause("NBC's Lester Holt, the moderator for this year's first presidential debate")


def test_a_quantity_label_names_a_predicate_or_is_doubtful() -> None:
    assert names_a_predicate("How many emails were deemed classified?")
    assert not names_a_predicate("How many additional emails?")


def test_labels_tagged_in_one_batch_read_as_each_parsed_alone() -> None:
    # a story's labels are tagged together (nlp.pipe); a verb must not appear or vanish for it
    labels = [
        "How many coal miners were still trapped underground?",
        "How many rural clinics across the northern district?",
        "How many ballots did the county officials reject?",
        "How many further ferries?",
    ]
    read_label_predicates(labels)
    alone = [any(token.pos_ == "VERB" for token in parse_without(label, TAGS_ONLY)[2:]) for label in labels]
    assert [names_a_predicate(label) for label in labels] == alone == [True, False, True, False]


def test_labels_asked_for_by_several_stories_are_tagged_in_one_batch(monkeypatch: pytest.MonkeyPatch) -> None:
    first = ["How many lifeboats were launched from the pier?", "How many spare rafts at the quay?"]
    second = ["How many hikers did the rescuers reach before dusk?"]
    batches: list[list[str]] = []
    load = nlp.load_nlp

    class CountedNlp:
        def pipe(self, texts: list[str], disable: list[str]) -> Iterator[Doc]:
            batches.append(list(texts))
            return load().pipe(texts, disable=disable)

    monkeypatch.setattr(nlp, "load_nlp", CountedNlp)
    read_label_predicates(first)
    read_label_predicates(second)
    assert batches == []  # asked for ahead, nothing tagged yet
    assert [names_a_predicate(label) for label in [*second, *first]] == [True, True, False]
    assert batches == [[*first, *second]]  # the first read tagged every label asked for, once


def test_a_quoted_question_is_no_claim() -> None:
    text = 'Wallace asked: "Mr. Pence, will Gennifer Flowers be there?" Pence said no.'
    article = make_article(text)
    asked = make_claim("will Gennifer Flowers be there", article=article, cue="asked", speaker_text="Wallace")
    answered = make_claim("no", article=article, speaker_text="Pence")
    assert is_question(asked, article) and not is_question(answered, article)


def test_a_quote_that_asks_on_the_way_asserts_what_follows() -> None:
    text = (
        'Berg said: "Who checked the valves? Nobody. The plant lost 3,000 litres." '
        'Ode said: "The plant lost water. Who checked the valves?"'
    )
    article = make_article(text)
    rhetorical = make_claim("Who checked the valves? Nobody. The plant lost 3,000 litres", article=article)
    ending = make_claim("The plant lost water. Who checked the valves", article=article)
    assert not is_question(rhetorical, article) and is_question(ending, article)


def test_one_span_read_twice_or_an_unnamed_speaker_is_one_source() -> None:
    origin = {"a": "a", "b": "b"}
    text = "I'm not okay with Anderson Cooper"
    twice = [
        make_claim(text, article="a", id="c1", speaker_text="Trump"),
        make_claim(text, article="a", id="c2", speaker_text="has"),
    ]
    assert speaking_sources(twice, origin) == 1
    # a pronoun beside the outlet's own voice in one article: the outlet's word, once
    unnamed = [
        make_claim("the issue would fade", article="a", id="c1", speaker_text="who"),
        make_claim("the issue would fade soon", article="a", id="c2", cue="", speaker_text=None),
    ]
    assert speaking_sources(unnamed, origin) == 1
    named = [
        make_claim("the issue would fade", article="a", id="c1", speaker_text="Sanders"),
        make_claim("the issue would fade soon", article="b", id="c2", speaker_text="Warren"),
    ]
    assert speaking_sources(named, origin) == 2


def test_a_double_negative_and_a_dangling_preposition_leave_the_label() -> None:
    assert (
        as_question("none of the messages was marked classified at the time it was sent")
        == "Was any of the messages marked classified at the time it was sent?"
    )
    long = "there is no belief in his own mind that a prosecutor would move forward with that case at all"
    assert shorten(long).removesuffix(" …").split()[-1] == "forward"
    text = "there were 18 emails between the 2 men"
    pair = (make_claim(text), make_quantity("18 emails", 18, within=text, unit="email"))
    assert quantity_label("email", [pair], [0])[0] == "How many emails?"


def test_a_poll_sample_or_margin_of_error_is_no_answer() -> None:
    text = "a random sample of 1,001 adults, with a margin of error of plus or minus 4 points"
    sample = make_quantity("1,001 adults", 1001, within=text, unit="personnel")
    error = make_quantity("4 points", 4, within=text, unit="point")
    assert make_measures(make_claim(text, quantities=(sample, error)), frozenset()) == []
    finding = "the sample was part of 3 million records copied from the servers"
    records = make_quantity("3 million records", 3_000_000, within=finding, unit="record")
    assert len(make_measures(make_claim(finding, quantities=(records,)), frozenset())) == 1


def test_the_figures_of_a_phrase_of_method_are_no_answers() -> None:
    text = "the tracker puts him 2.5 points ahead, using an average of the four latest surveys in 9 states"
    lead = make_quantity("2.5 points", 2.5, within=text, unit="point")
    polls = make_quantity("four latest surveys", 4, within=text, unit="survey")
    states = make_quantity("9 states", 9, within=text, unit="state")
    measures = make_measures(make_claim(text, quantities=(lead, polls, states)), frozenset())
    assert [measure.quantity for measure in measures] == [lead]
    # a figure before the phrase, or with no phrase of method set off by a comma, stays a finding
    fleet = "the navy said 40 ships were used in the blockade, more than ever"
    ships = make_quantity("40 ships", 40, within=fleet, unit="ship")
    assert len(make_measures(make_claim(fleet, quantities=(ships,)), frozenset())) == 1


def test_one_sentence_giving_two_values_is_a_change_not_a_question() -> None:
    text = "approval declined from 58 percent in the last poll to 55 percent now"
    quantities = (
        make_quantity("58 percent", 58, within=text, unit="percent"),
        make_quantity("55 percent", 55, within=text, unit="percent"),
    )
    claim = make_claim(text, article="a", speaker_text="Pollster", quantities=quantities)
    articles = [Article(id="a", text=text, outlet="Post")]
    assert build_ledger(make_story(["a"]), [claim], articles, [], []) == ()


def test_a_goal_is_no_count_question() -> None:
    text = "it fell short of its goal of releasing 43,000 pages of documents"
    goal = make_quantity("43,000 pages", 43_000, within=text, unit="page")
    claims = [
        make_claim(text, article="a", id="c1", speaker_text="The department", quantities=(goal,)),
        make_claim(text, article="b", id="c2", speaker_text="A judge", quantities=(goal,)),
    ]
    articles = [Article(id="a", text=text, outlet="Post"), Article(id="b", text=text, outlet="Times")]
    assert build_ledger(make_story(["a", "b"]), claims, articles, [], []) == ()


def test_a_quantity_label_gains_the_verb_its_noun_hangs_on() -> None:
    text = "In 2014 she deleted 31,000 additional emails, deeming them personal. Later she spoke."
    quantity = make_quantity("31,000 additional emails", 31_000, within=text, unit="email")
    claim = make_claim("she deleted 31,000 additional emails", quantities=(quantity,))
    label = with_predicate("How many additional emails?", [(claim, quantity)], [0], {"a": text})
    assert label == "How many additional emails did she delete?"
    passive = "More than 1,200 emails from her server have now been deemed classified. Nothing else."
    floor = make_quantity("More than 1,200 emails", 1200, within=passive, unit="email")
    claim = make_claim(passive, quantities=(floor,))
    assert (
        with_predicate("How many emails from her server?", [(claim, floor)], [0], {"a": passive})
        == "How many emails from her server have been deemed classified?"
    )


def test_a_value_far_from_its_group_counts_something_else() -> None:
    text = "1100 pages released, 54000 pages and 55000 pages in all"
    measures = [
        make_measures(make_claim(text, id=f"c{value}", quantities=(quantity,)), frozenset())[0]
        for value, quantity in (
            (value, make_quantity(f"{value} pages", value, within=text, unit="page"))
            for value in (1_100, 54_000, 55_000)
        )
    ]
    kept, *apart = split_outliers(measures)
    assert [m.quantity.value for m in kept] == [54_000, 55_000]
    assert [[m.quantity.value for m in group] for group in apart] == [[1_100]]


def test_a_handful_apart_is_no_outlier() -> None:
    # a small count falling (8, 5, 3, 1 shelters) moves by more than the ratio, yet by a few units only
    text = "8 shelters, 5 shelters, 3 shelters and 1 shelters open"
    measures = [
        make_measures(make_claim(text, id=f"c{value}", quantities=(quantity,)), frozenset())[0]
        for value, quantity in (
            (value, make_quantity(f"{value} shelters", value, within=text, unit="shelter"))
            for value in (8, 5, 3, 1)
        )
    ]
    assert [[m.quantity.value for m in group] for group in split_outliers(measures)] == [[8, 5, 3, 1]]


def test_a_label_may_end_on_a_number_word() -> None:
    text = "there were 18 emails between the two, comprising eight email chains"
    pair = (make_claim(text), make_quantity("18 emails", 18, within=text, unit="email"))
    assert quantity_label("email", [pair], [0])[0] == "How many emails between the two?"


def test_a_relative_pronoun_speaker_takes_no_side() -> None:
    lost = make_claim("the issue would fade as the primaries began", speaker_text="who")
    assert speaker_lost(lost)
    assert not speaker_lost(make_claim("the issue would fade", speaker_text="he"))


def test_a_bare_change_in_points_from_one_voice_is_no_question() -> None:
    text = "In this poll, Trump rose 1 percentage point since Monday's debate"
    point = make_quantity("1 percentage point", 1, within=text, unit="point")
    claim = make_claim(text, article="a", cue="", speaker_text=None, quantities=(point,))
    articles = [Article(id="a", text=text, outlet="Journal")]
    assert build_ledger(make_story(["a"]), [claim], articles, [], []) == ()


def test_a_partitive_figure_asks_how_many_of_them() -> None:
    text = "State sent 10 of Clinton's senior staffers to the event"
    quantity = make_quantity("10 of Clinton's senior staffers", 10, within=text, unit="staffer")
    label, _informative = quantity_label("staffer", [(make_claim(text), quantity)], [0])
    assert label.startswith("How many of Clinton's senior staffers")


def test_a_subjectless_content_asks_nothing_and_a_contraction_keeps_its_auxiliary() -> None:
    assert not asks_something([make_claim("should be made public by the end of the month")], [0])
    assert asks_something([make_claim("the emails should be made public this month")], [0])
    assert as_question("he's been impressed that he can always call") == (
        "Is it true that he's been impressed that he can always call?"
    )


def test_a_tail_cut_inside_a_phrase_runs_to_its_end() -> None:
    text = "two in the most recent batch were upgraded to the Secret level, a more sensitive class"
    pair = (make_claim(text), make_quantity("two", 2, within=text, unit="message"))
    assert quantity_label("message", [pair], [0])[0] == (
        "How many messages in the most recent batch were upgraded to the Secret level?"
    )


def test_a_reporters_note_on_whom_it_tried_to_reach_is_no_claim() -> None:
    notes = (
        "Lawyers for the mayor could not be reached for comment Saturday.",
        "The company did not respond to a request for comment.",
        "A spokesman declined to comment",
    )
    assert all(reporters_note(make_claim(note, cue="")) for note in notes)
    # a note inside a sentence that goes on to say something else leaves the sentence a claim
    said = "The mayor, who declined to comment, was born in a small town near the coast."
    assert not reporters_note(make_claim(said, cue=""))
    assert not reporters_note(make_claim("The council could not be reached by road", cue=""))  # no note
