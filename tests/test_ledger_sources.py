"""Independent sources (``ledger.sources``): a speaker relaying another's words is not a second source."""

from __future__ import annotations

from dataclasses import replace

from storyline.records import Claim
from storyline.stages.ledger.counters import counted_by
from storyline.stages.ledger.grouping import TOKEN_MARK, EntitySpans
from storyline.stages.ledger.sources import (
    corroborators,
    credits_speaker,
    independent_sources,
    is_anonymous,
    is_unnamed_report,
    report_words,
)
from tests.factories import make_article, make_claim, make_quantity, span_of

TEXT = "Davis said the FBI said that she did nothing illegal. Later, Roe said that she did nothing illegal."
ORIGIN = {"a": "a"}


def test_a_claim_about_a_claim_counts_once() -> None:
    article = make_article(TEXT)
    relay = make_claim(
        "the FBI said that she did nothing illegal", article=article, id="c1", speaker="e-davis"
    )
    fbi_cue = span_of(TEXT, "said", after=relay.start)
    relayed = make_claim("she did nothing illegal", article=article, id="c2", speaker="e-fbi")
    relayed = replace(relayed, cue_start=fbi_cue[0], cue_end=fbi_cue[1])
    other = make_claim("she did nothing illegal", article=article, id="c3", speaker="e-roe", after=60)
    other = replace(other, cue_start=TEXT.index("Roe said") + 4, cue_end=TEXT.index("Roe said") + 8)
    assert independent_sources([relay, relayed], ORIGIN) == {"e-fbi"}
    assert independent_sources([relay, relayed, other], ORIGIN) == {"e-fbi", "e-roe"}
    assert corroborators([relay, relayed, other], {}, ORIGIN) == 2
    assert independent_sources([relay, other], ORIGIN) == {"e-davis", "e-roe"}  # what it relays is absent


def _outlet_sentence(text: str, figure: str, value: float, counter: str) -> tuple[Claim, EntitySpans]:
    """An outlet's own sentence ``text`` holding ``figure``, with ``counter`` a mention of "e-counter"."""
    article = make_article(text)
    quantity = make_quantity(figure, value, within=text)
    claim = make_claim(text, article=article, cue="", quantities=(quantity,))
    start, end = span_of(text, counter)
    return claim, {"a": [(start, end, "e-counter")]}


def test_an_outlets_sentence_telling_a_count_gives_the_counters_figure() -> None:
    counted, spans = _outlet_sentence(
        "On Tuesday the ministry had counted 41 sites back online.", "41 sites", 41, "the ministry"
    )
    credited = counted_by(counted, spans, frozenset({"e-counter"}))
    assert (credited.speaker, credited.speaker_text, credited.outlet_voice) == (
        "e-counter",
        "the ministry",
        False,
    )
    # a counter that is not one of the counters (a place), a verb that counts nothing, a counter named
    # after the figure: the outlet's own sentence stays so
    assert counted_by(counted, spans, frozenset()) is counted
    for text, counter in [
        ("The ministry reconnected 41 sites on Tuesday.", "The ministry"),
        ("41 sites were back online, more than the ministry counted.", "the ministry"),
        ("The ministry, which a rival counted among the slowest, has 41 sites.", "The ministry"),
    ]:
        claim, spans = _outlet_sentence(text, "41 sites", 41, counter)
        assert counted_by(claim, spans, frozenset({"e-counter"})) is claim, text


def test_a_figure_set_at_an_estimate_is_the_counters() -> None:
    # "put … at" sets an estimate: the subject's figure (the generalise fire story's hectares, credited to
    # the wire that recapped them)
    for text in (
        "On Monday the fire brigade had put the burned area at 3,500 hectares.",
        "The fire brigade put the area burned at more than 3,500 hectares on Thursday.",
    ):
        claim, spans = _outlet_sentence(text, "3,500 hectares", 3500, "fire brigade")
        assert counted_by(claim, spans, frozenset({"e-counter"})).speaker == "e-counter", text
    # "put" with no "at" before the figure estimates nothing
    claim, spans = _outlet_sentence(
        "The fire brigade put 300 firefighters on the ridge.", "300 firefighters", 300, "fire brigade"
    )
    assert counted_by(claim, spans, frozenset({"e-counter"})) is claim


def _after_counter(text: str, sentence: str, figure: str, value: float) -> tuple[Claim, EntitySpans]:
    """The outlet's ``sentence`` ending ``text``, holding ``figure``; "fire service" names "e-counter"."""
    article = make_article(text)
    quantity = make_quantity(figure, value, within=text)
    claim = make_claim(sentence, article=article, cue="", quantities=(quantity,))
    start, end = span_of(text, "fire service")
    return claim, {"a": [(start, end, "e-counter")]}


def test_a_sentence_pointing_back_takes_the_counter_the_sentence_before_names() -> None:
    counters = frozenset({"e-counter"})
    before = "The fire service put the area at 14,000 hectares on Thursday. "
    for sentence in (
        "Its estimates have risen every day: 3,500 hectares on Monday.",
        "It had put the area at 3,500 hectares on Monday.",
    ):
        claim, spans = _after_counter(before + sentence, sentence, "3,500 hectares", 3500)
        assert counted_by(claim, spans, counters, before + sentence).speaker == "e-counter", sentence
        # without the article's text, or with the counter named two sentences before: the outlet's
        assert counted_by(claim, spans, counters) is claim
        farther = "The fire service spoke. The wind rose. " + sentence
        claim, spans = _after_counter(farther, sentence, "3,500 hectares", 3500)
        assert counted_by(claim, spans, counters, farther) is claim
    # an "It" that points at no count
    sentence = "It was the worst fire since 2021, when 50,000 hectares burned."
    claim, spans = _after_counter(before + sentence, sentence, "50,000 hectares", 50000)
    assert counted_by(claim, spans, counters, before + sentence) is claim


def test_a_sentence_going_on_with_a_counters_figure_is_that_counters() -> None:
    counters = frozenset({"e-counter"})
    before = "Only 12 berths were still shut on Wednesday, according to the port authority. "
    text = before + "On Tuesday there were still 31 berths shut."
    article = make_article(text)
    twelve = make_quantity("12 berths", 12, within=text, unit="berth")
    source = make_claim(
        "Only 12 berths were still shut on Wednesday",
        article=article,
        cue="according to",
        speaker_text="the port authority",
        speaker="e-counter",
        quantities=(twelve,),
    )
    outlet = make_claim(  # derived: no speaker, no cue
        "On Tuesday there were still 31 berths shut.",
        article=article,
        id="c2",
        cue="",
        quantities=(make_quantity("31 berths", 31, within=text, unit="berth"),),
    )
    spans: EntitySpans = {"a": [(*span_of(text, "the port authority"), "e-counter")]}
    assert counted_by(outlet, spans, counters, text, [source, outlet]).speaker == "e-counter"
    # another thing counted, or no counter's claim in the sentence before: the outlet's own
    other = replace(source, quantities=(replace(twelve, unit="ship"),))
    assert counted_by(outlet, spans, counters, text, [other, outlet]) is outlet
    assert counted_by(outlet, spans, counters, text, [outlet]) is outlet


def test_a_report_no_one_is_named_for_is_named_by_its_words() -> None:
    text = "The police denied reports in the Greek press that a man had been arrested."
    article = make_article(text)
    reported = make_claim("a man had been arrested", article=article, cue="reports")
    assert is_unnamed_report(reported)
    assert report_words(reported, text) == "reports in the Greek press"
    bare = "The police denied reports that a man had been arrested."
    assert report_words(
        make_claim("a man had been arrested", article=make_article(bare), cue="reports"), bare
    ) == ("unnamed reports")
    # a named report, or a speaker's claim, is no unnamed report
    assert not is_unnamed_report(replace(reported, speaker_text="Kathimerini"))
    assert not is_unnamed_report(replace(reported, cue="said"))


def test_a_pronoun_giving_a_figure_after_a_saying_verb_is_the_counter_named_before() -> None:
    counters = frozenset({"e-counter"})
    for text, credited in [
        ("The agency gave no new count on Friday; on Thursday it had said that 23 people had drowned.", True),
        (
            "The agency gave no new count on Friday; on Thursday it had found that 23 people had drowned.",
            False,
        ),
        (
            "The agency gave no new count on Friday; on Thursday a diver said that 23 people had drowned.",
            False,
        ),
    ]:
        claim, spans = _outlet_sentence(text, "23 people", 23, "The agency")
        found = counted_by(claim, spans, counters, text)
        assert (found.speaker == "e-counter") is credited, text


def test_a_figure_the_next_sentence_credits_to_a_counter_is_the_counters() -> None:
    counters = frozenset({"e-counter"})
    for after, credited in [
        (" The coast guard released the latest figure at noon.", True),
        (" The coast guard released the report at noon.", False),  # a report is no figure told before
        (" Divers went on searching. The coast guard released the new toll at noon.", False),  # not next
    ]:
        sentence = "By Friday the number of drowned had reached 23."
        text = sentence + after
        article = make_article(text)
        outlet = make_claim(
            sentence, article=article, cue="", quantities=(make_quantity("23", 23, within=text),)
        )
        content = after.split("released ")[1].removesuffix(" at noon.")
        crediting = make_claim(
            content,
            article=article,
            id="c2",
            cue="released",
            speaker_text="The coast guard",
            speaker="e-counter",
        )
        found = counted_by(outlet, {}, counters, text, [outlet, crediting])
        assert (found.speaker == "e-counter") is credited, after


def test_a_reader_letter_is_what_the_claims_stage_marks_one() -> None:
    from factories import make_claim

    from storyline.stages.ledger.sources import is_reader_letter

    assert is_reader_letter(make_claim("it was a betrayal", cue="", speaker_text="A Reader", signed="letter"))
    assert not is_reader_letter(make_claim("it was a betrayal", cue="", speaker_text=None))  # the outlet's
    assert not is_reader_letter(make_claim("it was a betrayal", cue="said", speaker_text="A Reader"))
    # an embedded post is signed with no cue too, but its author is a source, no reader
    assert not is_reader_letter(
        make_claim("it was a betrayal", cue="", speaker_text="A Writer", signed="post")
    )


def test_a_speaker_another_claim_names_is_still_a_source_of_their_own() -> None:
    text = "Lee was dismissed. Lee said Moss ran it. Roe said Moss ran it."
    article = make_article(text)
    outlet = make_claim("Lee was dismissed", article=article, id="c1", cue="")
    lee = make_claim("Moss ran it", article=article, id="c2", speaker="e-lee")
    roe = make_claim("Moss ran it", article=article, id="c3", speaker="e-roe", after=40)
    named = {"c1": frozenset({TOKEN_MARK + "e-lee"})}
    assert corroborators([lee, roe], named, ORIGIN) == 2
    # a claim whose own words are about its speaker does not corroborate
    about_self = {"c2": frozenset({TOKEN_MARK + "e-lee"})}
    assert corroborators([lee, roe], about_self, ORIGIN) == 1
    assert outlet.outlet_voice


def test_an_outlets_sentence_crediting_a_speaker_is_no_second_source() -> None:
    text = "The Daily published records that showed he lost $9 million. The Daily said he lost $9 million."
    article = make_article(text)
    outlet = make_claim(text[: text.index(".")], article=article, id="c1", cue="")
    daily = make_claim("he lost $9 million", article=article, id="c2", speaker="e-daily", after=60)
    start, end = span_of(text, "The Daily")
    spans: EntitySpans = {"a": [(start, end, "e-daily")]}
    origin = {"a": "b"}
    assert credits_speaker(outlet, frozenset({"e-daily"}), spans)
    assert corroborators([outlet, daily], {}, origin, spans) == 1
    # named as the subject of another verb, the speaker is not credited: the outlet's sentence stands
    dismissed = make_claim("The Daily was sold", article=make_article("The Daily was sold."), cue="")
    assert not credits_speaker(dismissed, frozenset({"e-daily"}), spans)
    assert corroborators([outlet, daily], {}, origin) == 2


def test_an_indefinite_description_of_a_person_is_anonymous() -> None:
    # issue #14 (PolNeAR iowa-caucus-results): a poll's anonymous insiders, each described by state and party,
    # stood as named, independent sources
    for anonymous in (
        "a Vermont Democrat",
        "one Ohio Republican insider",
        "another senior adviser",
        "some Johnson allies",
        "Democratic insiders",
        "two-thirds of Republican insiders",
        "a Democrat familiar with the talks",
    ):
        assert is_anonymous(anonymous), anonymous
    for named in (
        "Jane Roe",
        "a spokeswoman for the Dover Fire Department",  # speaks for a named body
        "Republican strategist Jane Roe",  # a role before a name
        "a Gallup average of recent polls",  # a named pollster's figure, no person
        "a statement",
        "the committee",
        None,
    ):
        assert not is_anonymous(named), named


def test_anonymous_respondents_of_one_outlet_are_one_voice_with_it() -> None:
    claims = [
        make_claim("the governor will win", article="a", id="c1", speaker_text="a Vermont Democrat"),
        make_claim("the governor will win", article="a", id="c2", speaker_text="another Vermont Democrat"),
        make_claim("the governor will win", article="a", id="c3", cue=""),
    ]
    assert independent_sources(claims, ORIGIN) == {"origin:a:"}
    # another outlet's anonymous insider is that outlet's voice, a second source; a named person a third
    other = make_claim("the governor will win", article="b", id="c4", speaker_text="a Vermont Republican")
    named = make_claim("the governor will win", article="a", id="c5", speaker="e-roe", speaker_text="Roe")
    assert independent_sources([*claims, other, named], {"a": "a", "b": "b"}) == {
        "origin:a:",
        "origin:b:",
        "e-roe",
    }
