"""What a reader sees in the brief: sources named by outlet (never a headline or a local path), dates in
words, copy relations worded as relations, status reasons that agree with the positions beside them,
denials quoted with their denial words, and claims linked back to their ledger questions."""

from __future__ import annotations

import dataclasses

import pytest
from factories import make_position, make_question
from report_sample import ARTICLE_A1, ARTICLE_A2, ARTICLE_A3, build_brief

from storyline.records import Brief, CopyEdge, SkippedInput, Story
from storyline.report import render_html, render_markdown
from storyline.report.views import ClaimRef, build_story_views
from storyline.report.wording import readable_date

HOME = "/home/analyst/corpus"


def _with_story(brief: Brief, index: int, **changes: object) -> Brief:
    stories = list(brief.stories)
    stories[index] = dataclasses.replace(stories[index], **changes)  # type: ignore[arg-type]
    return dataclasses.replace(brief, stories=tuple(stories))


def _unnamed_sources_brief() -> Brief:
    """The sample with a2 known only by its URL and a3 only by its headline and an absolute path."""
    a2 = dataclasses.replace(ARTICLE_A2, outlet=None, url="https://www.example.org/nk?a=1")
    a3 = dataclasses.replace(ARTICLE_A3, outlet=None, path=f"{HOME}/nato/lrt.txt")
    skipped = (SkippedInput(f"{HOME}/dup.txt", f"duplicate of {HOME}/nato/lrt.txt"),)
    return dataclasses.replace(build_brief(), articles=(ARTICLE_A1, a2, a3), skipped=skipped)


def test_position_outlets_are_outlets_or_sites_never_headlines() -> None:
    troops, _ = build_story_views(_unnamed_sources_brief())[0].questions
    assert [position.outlets for position in troops.positions] == [
        ("Baltic <Ledger>",),
        ("Baltic <Ledger>", "example.org"),
    ]
    nato = build_story_views(_unnamed_sources_brief())[1].questions[0]
    assert nato.positions[0].outlets == ("unnamed source",)
    assert [claim.label for claim in nato.positions[0].claims] == ["unnamed source"]


def test_html_and_markdown_never_show_an_absolute_local_path() -> None:
    brief = dataclasses.replace(
        _unnamed_sources_brief(),
        articles=(*_unnamed_sources_brief().articles[:2], dataclasses.replace(ARTICLE_A3, title=None)),
    )
    brief = dataclasses.replace(
        brief, articles=(*brief.articles[:2], dataclasses.replace(brief.articles[2], path=f"{HOME}/lrt.txt"))
    )
    for rendered in (render_html(brief), render_markdown(brief)):
        assert HOME not in rendered
        assert "lrt.txt" in rendered and "dup.txt" in rendered


@pytest.mark.parametrize(
    ("iso", "inferred", "shown"),
    [
        ("2024-10-21", False, "2024-10-21"),
        ("2024-10-21", True, "2024-10-21 (inferred)"),
        ("--07", True, "July (year unknown, inferred)"),
        ("--07", False, "July (year unknown)"),
        ("--10-18", False, "18 October (year unknown)"),
        ("2024-08", False, "August 2024"),
        ("2024-W42", False, "2024-W42"),  # nothing better to say: as written
    ],
)
def test_dates_read_as_an_analyst_would(iso: str, inferred: bool, shown: str) -> None:
    assert readable_date(iso, inferred=inferred) == shown


def test_a_partial_inferred_publication_date_is_in_words() -> None:
    a2 = dataclasses.replace(ARTICLE_A2, published="--07", published_inferred=True)
    brief = dataclasses.replace(build_brief(), articles=(ARTICLE_A1, a2, ARTICLE_A3))
    assert "<dd>July (year unknown, inferred)</dd>" in render_html(brief)
    assert "published July (year unknown, inferred)" in render_markdown(brief)
    assert "--07" not in render_html(brief)


def test_copy_relations_are_worded_and_a_credit_is_listed_once_per_relation() -> None:
    copies = (
        CopyEdge("a2", "a1", "near-duplicate", 0.81),
        CopyEdge("a2", "Yonhap Wire", "syndicated", 1.0),
        CopyEdge("a2", "Yonhap Wire", "syndicated", 0.9),  # a second credit line naming the same wire
        CopyEdge("a2", "Yonhap Wire", "translation", 1.0),
    )
    brief = dataclasses.replace(build_brief(), copies=copies)
    rows = build_story_views(brief)[0].copies
    assert [(row.relation, row.original_name, row.score) for row in rows] == [
        ("republishes", "Baltic <Ledger>", 0.81),
        ("syndicated from", "Yonhap Wire", 1.0),
        ("translated from", "Yonhap Wire", 1.0),
    ]
    page, note = render_html(brief), render_markdown(brief)
    assert "<td>syndicated from</td>" in page and "Copies</th>" not in page
    assert page.count('Yonhap Wire <span class="meta">(credited)</span>') == 2  # once per relation
    assert "- Yonhap translated from Yonhap Wire (score 1.00)" in note
    assert " copies " not in note


def test_a_status_reason_counts_the_positions_shown_beside_it() -> None:
    brief = build_brief()
    troops = brief.stories[0].questions[0]
    unsure = make_position("c4", speakers=("A post",), stance="unconfirmed")
    troops = dataclasses.replace(
        troops, positions=(*troops.positions, unsure), status_reason="3 speakers, 2 values"
    )
    brief = _with_story(brief, 0, questions=(troops, *brief.stories[0].questions[1:]))
    view = build_story_views(brief)[0].questions[0]
    assert len(view.positions) == 3
    assert view.status_reason == "3 speakers, 3 positions"
    assert "3 speakers, 3 positions" in render_html(brief)


def test_a_denial_is_quoted_with_its_denial_words() -> None:
    hoax = build_story_views(build_brief())[0].questions[1]  # c3: "a figure Moscow called a hoax"
    ref = hoax.positions[0].claims[0]
    assert ref.excerpt == "troops were readied, a figure Moscow called a hoax"
    assert "“troops were readied, a figure Moscow called a hoax”" in render_html(build_brief())


def test_a_long_denial_keeps_its_cue_when_cut() -> None:
    words = "the reports that the army had sent " + "many " * 30 + "soldiers were groundless rumours"
    excerpt = ClaimRef("c", "Outlet", words, cue="groundless rumours").excerpt
    assert excerpt.endswith(" … groundless rumours") and len(excerpt) <= 90
    assert words.startswith(excerpt.split(" … ")[0])


def test_an_unconfirmed_claim_far_from_its_cue_shows_the_cue_beside_it() -> None:
    brief = build_brief()
    far = dataclasses.replace(brief.claims[2], modality="unconfirmed", cue_start=0, cue_end=5, cue="Seoul")
    refs = build_story_views(dataclasses.replace(brief, claims=(*brief.claims[:2], far, *brief.claims[3:])))
    ref = refs[0].questions[0].positions[1].claims[0]
    assert ref.text == "about 10,000 troops were readied (Seoul)"


def test_an_articles_claims_link_to_their_ledger_questions() -> None:
    page = render_html(build_brief())
    article = page[page.index('<article class="source" id="article-a1">') :]
    links = article[article.index('<ul class="ledger-links">') :]
    links = links[: links.index("</ul>")]
    assert '<a href="#question-s1-q-troops">How many North Korean troops were sent?</a>' in links
    assert '<a href="#claim-c3">' in links and 'href="#question-s1-q-hoax"' in links
    assert 'id="question-s1-q-troops"' in page  # the anchor exists
    assert "c4" not in links  # a claim in no question gets no line


def test_stories_without_questions_give_their_articles_no_ledger_links() -> None:
    brief = dataclasses.replace(build_brief(), stories=(Story("s", "t", ("a1", "a2", "a3")),))
    assert '<ul class="ledger-links">' not in render_html(brief)


def test_unresolved_speakers_are_shown_beside_resolved_ones() -> None:
    brief = build_brief()
    troops = brief.stories[0].questions[0]
    mixed = make_question(
        troops.question, make_position("c1", speakers=("nis", "an official"), value=1.0), id=troops.id
    )
    brief = _with_story(brief, 0, questions=(mixed,))
    assert build_story_views(brief)[0].questions[0].positions[0].speakers == (
        "National Intelligence Service",
        "an official",
    )
