"""Outlet-voice claims (the article's own statements) and how the ledger weighs them, on texts written for
these tests; and the typing of numbers before they can answer a question."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest
from factories import make_claim, make_quantity
from spacy.tokens import Doc

from storyline.records import Article, Claim, Entity, Mention, ParsedArticle, Story
from storyline.stages.claims import extract_claims, outlet_voice_claims
from storyline.stages.ledger import build_ledger
from storyline.stages.nlp import load_nlp
from storyline.stages.quantities import find_quantities, number_type

TEXT = (
    "WASHINGTON (AP) — The committee will question the director on Thursday about the closed inquiry.\n"
    'The chairman said the hearing would be public. "It matters," he said.\n'
    "Is this the end?\n"
    "Short one here.\n"
)


def parsed(text: str) -> ParsedArticle:
    return ParsedArticle(Article(id="a", text=text, outlet="Daily"), load_nlp()(text))


def test_unattributed_statements_become_outlet_voice_claims_without_the_dateline() -> None:
    article = parsed(TEXT)
    attributed = extract_claims(article, ())
    claims = outlet_voice_claims(article, attributed, ())
    voiced = [claim for claim in claims if claim.outlet_voice]
    # the narrated sentence, its dateline cut; not the attributed sentences, the question or the short one
    assert [claim.text for claim in voiced] == [
        "The committee will question the director on Thursday about the closed inquiry."
    ]
    assert all(TEXT[c.start : c.end] == c.text for c in claims)
    assert voiced[0].speaker_text is None and voiced[0].id == "a:v1"
    assert not any(claim.outlet_voice for claim in attributed)


def run_together(doc: Doc) -> Doc:
    """``doc`` with every sentence's root hung on the first one's, as when the parser runs paragraphs into
    one sentence."""
    first, *others = [sentence.root.i for sentence in doc.sents]
    heads = [token.head.i for token in doc]
    deps = [token.dep_ for token in doc]
    for root in others:
        heads[root], deps[root] = first, "conj"
    return Doc(
        doc.vocab,
        words=[token.text for token in doc],
        spaces=[bool(token.whitespace_) for token in doc],
        tags=[token.tag_ for token in doc],
        pos=[token.pos_ for token in doc],
        lemmas=[token.lemma_ for token in doc],
        heads=heads,
        deps=deps,
    )


def test_a_sentence_the_parser_ran_over_a_paragraph_break_is_cut_there() -> None:
    text = "Two polls put the mayor ahead by 4 points in the city.\n\nA third shows him ahead by 6 points.\n"
    doc = run_together(load_nlp()(text))
    assert len(list(doc.sents)) == 1
    claims = outlet_voice_claims(ParsedArticle(Article(id="a", text=text, outlet="Daily"), doc), [], ())
    assert [claim.text for claim in claims] == [
        "Two polls put the mayor ahead by 4 points in the city.",
        "A third shows him ahead by 6 points.",
    ]
    assert [quantity.value for quantity in claims[1].quantities] == [6]


def test_a_dateline_is_never_a_speaker() -> None:
    article = parsed("WASHINGTON (AP) — Officials said 40 ships waited in the harbour overnight.\n")
    dateline = make_claim(
        "Officials said 40 ships waited",
        article=article.article,
        cue="—",
        speaker_text="WASHINGTON (AP)",
    )
    (claim,) = outlet_voice_claims(article, [dateline], ())
    assert claim.outlet_voice and claim.speaker_text is None


def test_a_transcripts_capitalised_surname_is_a_speaker_not_a_dateline() -> None:
    text = (
        "Harbour master Anna Berg spoke to the council on Monday.\n\n"
        '"BERG: The north pier will stay closed until the inspection is finished.\n'
    )
    article = parsed(text)
    claims = outlet_voice_claims(article, extract_claims(article, ()), ())
    (said,) = [claim for claim in claims if "north pier" in claim.text]
    assert said.speaker_text == "BERG" and not said.outlet_voice


def test_an_act_is_listed_but_leaves_its_sentence_to_the_outlet_and_stays_out_of_the_ledger() -> None:
    text = "Dockworkers at the port voted to accept a 6.5 percent pay rise on Sunday night.\n"
    article = parsed(text)
    act = make_claim("to accept a 6.5 percent pay rise", article=article.article, cue="voted", kind="act")
    act = dataclasses.replace(
        act,
        speaker_text="Dockworkers at the port",
        quantities=tuple(find_quantities(article.doc, act.start, act.end, text=text)),
    )
    claims = outlet_voice_claims(article, [act], ())
    assert sorted(claim.kind for claim in claims) == ["act", "statement"]
    (voiced,) = [claim for claim in claims if claim.kind == "statement"]
    assert voiced.outlet_voice and voiced.text.startswith("Dockworkers at the port voted")
    story = Story(id="s", title="pay", articles=("a",))
    placed = {
        c
        for q in build_ledger(story, claims, [article.article], [], [])
        for p in q.positions
        for c in p.claims
    }
    assert act.id not in placed


@pytest.mark.parametrize(
    ("text", "finding"),
    [
        ("A new harbour poll shows that the strike has wide support among residents.", "poll"),
        ("Only 41 percent of residents said the strike was justified.", "41 percent"),
        ("A majority of residents believe the strike will end this week.", "A majority of residents"),
        # issue #14 (PolNeAR curiel): documents are what the outlet read, no one who speaks
        ("Internal documents showed that the owner ran the marketing himself.", "Internal documents"),
    ],
)
def test_a_finding_is_no_speaker_the_outlet_reports_it(text: str, finding: str) -> None:
    article = parsed(text + "\n")
    (claim,) = [
        c for c in outlet_voice_claims(article, extract_claims(article, ()), ()) if c.kind == "statement"
    ]
    assert claim.outlet_voice and claim.speaker_text is None
    assert claim.via_text is not None and finding in claim.via_text


def test_a_person_stays_the_speaker() -> None:
    article = parsed("The harbour master said the strike has wide support among residents.\n")
    (claim,) = outlet_voice_claims(article, extract_claims(article, ()), ())
    assert not claim.outlet_voice and claim.speaker_text == "The harbour master"


def numbers_in(text: str) -> list[tuple[float, str]]:
    doc = load_nlp()(text)
    return [(q.value, number_type(q)) for q in find_quantities(doc, 0, len(text))]


@pytest.mark.parametrize(
    "text",
    [
        "Trump never released his 1995 tax returns.",
        "He lost the 2012 race narrowly.",
        "Trump, 70, said he would win.",
        "A 68-year-old woman testified.",
        "They will be ready as early as November 1.",
        "If you read the first three-quarters of his report, it says indict.",
    ],
)
def test_years_ages_days_and_fractions_are_not_answers(text: str) -> None:
    assert numbers_in(text) == []


@pytest.mark.parametrize(
    ("text", "typed"),
    [
        ("Clinton deleted 31,000 emails.", [(31000, "count")]),
        ("The group gave $5 million to the campaign.", [(5_000_000, "money")]),
        ("She was backed by 46 percent of voters.", [(46, "percent")]),
        ("In April 200 workers came back.", [(200, "count")]),
    ],
)
def test_numbers_are_typed(text: str, typed: list[tuple[float, str]]) -> None:
    assert numbers_in(text) == typed


ARTICLES = [Article(id=name, text="x", outlet=f"Outlet {name}") for name in "abc"]
STORY = Story(id="s", title="money", articles=("a", "b", "c"))


def money_claim(claim_id: str, article: str, speaker: str, value: float, text: str) -> Claim:
    quantity = make_quantity(text.split()[0], value, within=text, unit="USD")
    return make_claim(text, article=article, id=claim_id, speaker_text=speaker, quantities=(quantity,))


def test_money_figures_sharing_only_their_unit_stay_apart() -> None:
    claims = [
        money_claim("c1", "a", "Aide", 2_000_000, "$2m raised from donors in Ohio"),
        money_claim("c2", "b", "Rival", 5_000_000, "$5m spent on television advertising"),
    ]
    questions = build_ledger(STORY, claims, ARTICLES, [], [])
    assert sorted(len(q.positions) for q in questions) == [1, 1]
    assert all(q.status == "single-source" for q in questions)


def test_questions_are_ordered_by_independent_sources() -> None:
    claims = [
        money_claim("c1", "a", "Aide", 2_000_000, "$2m raised from donors in Ohio"),
        money_claim("c2", "a", "Treasurer", 7_000_000, "$7m spent on television advertising"),
        money_claim("c3", "b", "Rival", 7_000_000, "$7m spent on television advertising"),
        money_claim("c4", "c", "Analyst", 7_000_000, "$7m spent on television advertising"),
    ]
    first, second = build_ledger(STORY, claims, ARTICLES, [], [])
    assert first.status == "corroborated" and first.positions[0].independent_sources == 3
    assert "Treasurer" in first.status_reason and second.positions[0].claims == ("c1",)


def test_the_subject_of_a_claim_does_not_corroborate_it() -> None:
    # "Clinton" parsed as the speaker of a claim whose own words name Clinton is no source beside Comey and
    # Lynch (a speaker that only another claim names stays a source of their own claims: ledger.sources)
    claims = [
        make_claim(
            "Clinton was careless with emails", article=name, id=f"c{name}", speaker_text=speaker, speaker=key
        )
        for name, speaker, key in (("a", "Comey", "e2"), ("b", "Clinton", "e1"), ("c", "Lynch", "e3"))
    ]
    mentions = tuple(Mention(name, 0, 7, "Clinton", "PERSON") for name in "abc")
    people = [
        Entity("e1", "Hillary Clinton", "PERSON", mentions=mentions),
        Entity("e2", "James Comey", "PERSON"),
        Entity("e3", "Loretta Lynch", "PERSON"),
    ]
    (question,) = build_ledger(STORY, claims, ARTICLES, [], people)
    assert question.status == "corroborated" and "James Comey" in question.status_reason
    assert (
        "2 independent sources" in question.status_reason and "Hillary Clinton" not in question.status_reason
    )


@pytest.mark.parametrize(
    "text",
    ["Among likely voters in a two-way race, she leads.", "About eight out of 10 said it would not matter."],
)
def test_modifiers_and_ratios_are_not_counts(text: str) -> None:
    assert numbers_in(text) == []


def test_a_percentage_point_is_not_a_share() -> None:
    doc = load_nlp()("Trump rose 1 percentage point while 1 percent backed Stein.")
    assert [q.unit for q in find_quantities(doc, 0, len(doc.text))] == ["point", "percent"]


def test_a_revised_estimate_is_a_second_value_not_a_rounding_of_the_first() -> None:
    daily = Article(
        id="a",
        text="Initial estimates put the archive at about 5,500 pages of records.\n"
        "Subsequent estimates put the archive closer to 5,400 pages of records.\n",
        outlet="Daily",
    )
    weekly = Article(
        id="b", text="The ministry said the archive holds 5,500 pages of records.\n", outlet="Weekly"
    )

    def figure(text: str, article: Article, number: str, value: float, **fields: Any) -> Claim:
        quantity = make_quantity(number, value, within=article.text, unit="page", approx="about" in text)
        return make_claim(text, article=article, quantities=(quantity,), **fields)

    claims = [
        figure(
            "Initial estimates put the archive at about 5,500 pages of records.",
            daily,
            "5,500",
            5500,
            id="v1",
            cue="",
        ),
        figure(
            "Subsequent estimates put the archive closer to 5,400 pages of records.",
            daily,
            "5,400",
            5400,
            id="v2",
            cue="",
        ),
        figure(
            "the archive holds 5,500 pages of records",
            weekly,
            "5,500",
            5500,
            id="c1",
            speaker_text="The ministry",
        ),
    ]
    story = Story(id="s", title="archive", articles=("a", "b"))
    (question,) = [q for q in build_ledger(story, claims, [daily, weekly], [], []) if q.positions[0].value]
    assert {(p.value, tuple(sorted(p.claims))) for p in question.positions} == {
        (5400, ("v2",)),
        (5500, ("c1", "v1")),
    }


def _split_by_hand(text: str, cut_before: str) -> ParsedArticle:
    """``text`` parsed with its sentence starts set by hand: one cut mid-line before ``cut_before``, as the
    parser did in a PolNeAR poll sentence (``outlet_voice._statement_units``)."""
    nlp = load_nlp()
    tagged = nlp(text)
    cut = text.index(cut_before)
    words = [token.text for token in tagged]
    spaces = [bool(token.whitespace_) for token in tagged]
    starts = [token.i == 0 or token.idx == cut or tagged[token.i - 1].text == "\n" for token in tagged]
    doc = Doc(nlp.vocab, words=words, spaces=spaces, sent_starts=starts)
    for token, source in zip(doc, tagged, strict=True):
        token.tag_ = source.tag_
    return ParsedArticle(Article(id="a", text=text, outlet="Daily"), doc)


def test_a_sentence_the_parse_cut_mid_line_is_one_outlet_voice_claim() -> None:
    text = (
        "Among voters, 46 percent would choose Alvarez and 44 percent would back Brandt, "
        "while 5 percent prefer Cole.\n"
    )
    claims = outlet_voice_claims(_split_by_hand(text, "Brandt, while"), [], ())
    # the first half ends on no full stop: alone it was no statement, and the second lost the 46 and 44
    assert [claim.text for claim in claims] == [text.strip()]
    assert [quantity.value for quantity in claims[0].quantities] == [46, 44, 5]


def test_a_capitals_heading_run_into_the_text_stays_apart() -> None:
    text = (
        "ALVAREZ GAINS GROUND As the race tightens in the east, the campaign opened twelve offices there.\n"
    )
    claims = outlet_voice_claims(_split_by_hand(text, "As the race"), [], ())
    assert [claim.text for claim in claims] == [text.strip()[len("ALVAREZ GAINS GROUND ") :]]
