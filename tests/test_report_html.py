"""The HTML report: hostile user text stays text, claim marks hold exactly their claims, the ledger comes
first, the file is self-contained; and the highlighter nests any overlap of spans (property test)."""

from __future__ import annotations

from collections import Counter, defaultdict
from html.parser import HTMLParser

import pytest
from hypothesis import given
from hypothesis import strategies as st
from report_sample import HOSTILE_LINE, HOSTILE_TITLE, build_brief

from storyline.records import Brief
from storyline.report import render_html
from storyline.report.chart import build_timeline_chart
from storyline.report.highlight import Highlight, tokenize
from storyline.report.views import TimelineItem

VOID_ELEMENTS = {"meta", "link", "br", "img", "input", "hr", "source", "wbr", "area", "base", "col", "embed"}


class ReportParser(HTMLParser):
    """Collects every element with its attributes, the text inside each claim's marks (all fragments
    joined) and the text inside each article's text block."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.open: list[tuple[str, str | None]] = []  # (tag, capture key)
        self.captured: dict[str, str] = defaultdict(str)
        self.claim_anchors: Counter[str] = Counter()
        self.current_article: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        self.elements.append((tag, attributes))
        if tag == "article":
            self.current_article = attributes.get("id")
        key = None
        if tag == "mark" and (attributes.get("id") or attributes.get("data-claim") or "").startswith(
            "claim-"
        ):
            key = attributes.get("id") or attributes.get("data-claim")
            if attributes.get("id"):
                self.claim_anchors[key or ""] += 1
        elif tag == "div" and attributes.get("class") == "article-text":
            key = f"text:{self.current_article}"
        if tag not in VOID_ELEMENTS:
            self.open.append((tag, key))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, dict(attrs)))

    def handle_endtag(self, tag: str) -> None:
        assert self.open and self.open[-1][0] == tag, (
            f"</{tag}> closes {self.open[-1:]}: markup does not nest"
        )
        self.open.pop()

    def handle_data(self, data: str) -> None:
        for _, key in self.open:
            if key:
                self.captured[key] += data


@pytest.fixture(scope="module")
def brief() -> Brief:
    return build_brief()


@pytest.fixture(scope="module")
def page(brief: Brief) -> str:
    return render_html(brief)


@pytest.fixture(scope="module")
def parsed(page: str) -> ReportParser:
    parser = ReportParser()
    parser.feed(page)
    parser.close()
    return parser


def test_markup_nests_and_closes(parsed: ReportParser) -> None:
    assert [tag for tag, _ in parsed.open] == []  # every element opened was closed, in order (see endtag)


def test_no_script_and_no_event_handler(page: str, parsed: ReportParser) -> None:
    tags = [tag for tag, _ in parsed.elements]
    assert "script" not in tags
    assert "img" not in tags
    assert "iframe" not in tags
    handlers = [
        (tag, name) for tag, attributes in parsed.elements for name in attributes if name.startswith("on")
    ]
    assert handlers == []
    # the hostile strings are in the page, as text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    assert "<script" not in page.lower()


def test_links_go_to_anchors_or_checked_web_addresses(parsed: ReportParser) -> None:
    hrefs = [attributes["href"] or "" for tag, attributes in parsed.elements if "href" in attributes]
    assert hrefs
    assert all(href.startswith(("#", "https://", "http://")) for href in hrefs), hrefs
    assert "https://example.org/nk?a=1&b=2" in hrefs  # a2's URL is linked, a1's javascript: URL is not


def test_page_is_self_contained(page: str, parsed: ReportParser) -> None:
    assert not [tag for tag, attributes in parsed.elements if "src" in attributes]
    assert "link" not in [tag for tag, _ in parsed.elements]
    assert "<style>" in page
    assert "Content-Security-Policy" in page
    assert "@import" not in page and "url(" not in page


def test_every_claim_mark_holds_exactly_its_claim(brief: Brief, parsed: ReportParser) -> None:
    for claim in brief.claims:
        assert parsed.claim_anchors[f"claim-{claim.id}"] == 1, claim.id
        assert parsed.captured[f"claim-{claim.id}"] == claim.text, claim.id


def test_crossing_claims_are_split_into_a_continuation(page: str) -> None:
    assert 'data-claim="claim-c3"' in page  # c3 starts inside c2 and ends after it
    assert 'data-claim="claim-c1n"' not in page  # c1n nests inside c1: no split needed


def test_article_text_survives_highlighting(brief: Brief, parsed: ReportParser) -> None:
    for article in brief.articles:
        assert parsed.captured[f"text:article-{article.id}"] == article.text


def test_ledger_comes_first_then_timeline_then_articles(page: str) -> None:
    story_title = page.index('<section class="story" id="story-s1">')
    ledger = page.index('id="ledger-s1"')
    timeline = page.index('id="timeline-s1"')
    articles = page.index('id="article-a1"')
    assert story_title < ledger < timeline < articles
    assert page.index('id="ledger-s2"') < articles


def test_disagreeing_positions_are_highlighted(page: str) -> None:
    assert 'class="question status-contested disagreement" id="question-s1-q-troops"' in page
    assert 'class="question status-denied" id="question-s1-q-hoax"' in page


def test_ledger_names_speakers_and_links_claims(page: str) -> None:
    ledger = page[page.index('id="ledger-s1"') : page.index('id="timeline-s1"')]
    assert "National Intelligence Service" in ledger  # entity id resolved to its name
    assert "<dd>Moscow</dd>" in ledger  # unresolved speaker shown as written
    assert "12,000 people" in ledger and "10,000 people" in ledger
    assert 'href="#claim-c2"' in ledger and 'href="#claim-c6"' in ledger
    assert "two values from independent sources" in ledger


def test_article_metadata(page: str) -> None:
    assert "<dd>2024-10-19 (inferred)</dd>" in page
    assert "<dd>source: Yonhap</dd>" in page
    assert '<span lang="pl">Dzień dobry, to jest polski fragment</span>' in page
    assert "北朝鮮 🚀" in page


def test_removed_lines_sit_in_details(page: str) -> None:
    details = page[page.index('<details class="removed">') : page.index("</details>")]
    assert "Removed lines (1)" in details
    assert "Subscribe &lt;script&gt;alert(2)&lt;/script&gt; now!" in details


def test_skipped_inputs_are_listed_last(page: str) -> None:
    skipped = page[page.index('<section id="skipped">') :]
    assert page.index('<section id="skipped">') > page.index('id="article-a3"')
    assert "<code>feeds/bad.jsonl:3</code> — line is not valid JSON" in skipped
    assert "&lt;b&gt;odd&lt;/b&gt;.txt" in skipped


def test_hostile_title_is_text(page: str) -> None:
    assert "&lt;b&gt;bold&lt;/b&gt;" in page
    assert "<b>" not in page
    assert HOSTILE_TITLE not in page and HOSTILE_LINE not in page


def test_chart_draws_only_full_dates(parsed: ReportParser) -> None:
    circles = [attributes for tag, attributes in parsed.elements if tag == "circle"]
    assert len(circles) == 3  # s1 has four entries, one of month precision; s2 has none
    # the two entries of 2024-10-18 are stacked on one x
    assert Counter(circle["cx"] for circle in circles) == Counter({"48.0": 2, "592.0": 1})


def test_empty_brief_renders() -> None:
    page = render_html(Brief(articles=()))
    assert "0 articles" in page and '<section id="skipped">' not in page


def test_chart_of_one_day_centres_its_dots() -> None:
    items = [TimelineItem("2024-10-18", "day", "x", False, (), ()) for _ in range(3)]
    chart = build_timeline_chart(items, ["a", "b", "c"])
    assert chart is not None
    assert {dot.x for dot in chart.dots} == {(chart.axis_left + chart.axis_right) / 2}
    assert len({dot.y for dot in chart.dots}) == 3
    assert all(0 < dot.y < chart.axis_y for dot in chart.dots)


def test_chart_ignores_invalid_and_coarse_dates() -> None:
    items = [
        TimelineItem("2024-02-30", "day", "no such day", False, (), ()),
        TimelineItem("2024-10", "month", "a month", False, (), ()),
        TimelineItem("2024-W42", "week", "a week", False, (), ()),
    ]
    assert build_timeline_chart(items, ["a", "b", "c"]) is None


def test_tokenize_rejects_a_span_outside_the_text() -> None:
    with pytest.raises(ValueError, match="lies outside the text"):
        tokenize("short", [Highlight(2, 9, "claim", key="c1")])


# --- the highlighter on any overlap -------------------------------------------------------------------


@st.composite
def text_and_spans(draw: st.DrawFn) -> tuple[str, list[Highlight]]:
    text = draw(st.text(alphabet="ab <>&\"'\n é🚀", max_size=40))
    kinds = st.sampled_from(["claim", "speaker", "cue", "foreign"])
    spans = []
    for number in range(draw(st.integers(0, 8))):
        start = draw(st.integers(0, len(text)))
        end = draw(st.integers(start, len(text)))
        spans.append(Highlight(start, end, draw(kinds), key=f"k{number}"))
    return text, spans


@given(text_and_spans())
def test_tokenize_nests_every_overlap(case: tuple[str, list[Highlight]]) -> None:
    text, spans = case
    tokens = tokenize(text, spans)
    assert "".join(token.text for token in tokens if token.kind == "text") == text
    stack: list[Highlight] = []
    inside: dict[Highlight, str] = defaultdict(str)
    firsts: Counter[Highlight] = Counter()
    for token in tokens:
        if token.kind == "open":
            assert token.highlight is not None
            stack.append(token.highlight)
            firsts[token.highlight] += token.first
        elif token.kind == "close":
            assert stack.pop() == token.highlight  # closes what opened last: the markup nests
        else:
            for span in set(stack):
                inside[span] += token.text
    assert stack == []
    for span in spans:
        if span.start < span.end:
            assert inside[span] == text[span.start : span.end]
            assert firsts[span] == 1  # one anchor per span, however often it was split
