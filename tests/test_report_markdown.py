"""The Markdown brief: ledger table, timeline list, sources per story, and user text that renders as the
same text — no link, image, HTML or extra table cell — when a CommonMark renderer reads it."""

from __future__ import annotations

import html
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st
from report_sample import build_brief

from storyline.records import Brief
from storyline.report import render_markdown
from storyline.report.markdown import escape_markdown

markdown_it = pytest.importorskip("markdown_it")  # installed with rich, a dependency of storyline


def to_html(markdown: str) -> str:
    return markdown_it.MarkdownIt("commonmark").enable("table").enable("strikethrough").render(markdown)


@pytest.fixture(scope="module")
def brief() -> Brief:
    return build_brief()


@pytest.fixture(scope="module")
def note(brief: Brief) -> str:
    return render_markdown(brief)


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("plain words", "plain words"),
        ("a | b", r"a \| b"),
        ("[x](http://evil)", r"\[x\](http://evil)"),
        ("![img](x)", r"!\[img\](x)"),
        ("<b>hi</b>", r"\<b\>hi\</b\>"),
        ("*bold* _it_ `code` ~strike~", r"\*bold\* \_it\_ \`code\` \~strike\~"),
        ("&amp; $x$", r"\&amp; \$x\$"),
        ("back\\slash", r"back\\slash"),
        ("# heading", r"\# heading"),
        ("- item", r"\- item"),
        ("1. first", r"1\. first"),
        ("2024-10-18", "2024-10-18"),
        ("0.81 and -5", "0.81 and -5"),
        ("two\nlines\t here", "two lines here"),
        ("Łódź 北朝鮮 🚀", "Łódź 北朝鮮 🚀"),
    ],
)
def test_escape_markdown(text: str, escaped: str) -> None:
    assert escape_markdown(text) == escaped


def test_hostile_text_renders_as_text(note: str) -> None:
    rendered = to_html(note)
    assert "<a " not in rendered.replace('<a href="https://example.org/nk?a=1&amp;b=2">', "")
    for tag in ("<script", "<img", "<b>", "<em>", "<strong>bold", "<code>", "<del>"):
        assert tag not in rendered, tag
    heading = re.search(r"<h2>(.*?)</h2>", rendered)
    assert heading is not None
    assert (
        html.unescape(heading.group(1))
        == 'Troops | "report" ](http://evil) <b>bold</b> *star* _under_ `tick`'
    )
    assert "javascript:alert(1)" in html.unescape(rendered)  # shown, never linked


def test_ledger_is_a_table_with_one_row_per_position(note: str) -> None:
    rendered = to_html(note)
    tables = re.findall(r"<table>.*?</table>", rendered, flags=re.DOTALL)
    assert len(tables) == 2
    rows = re.findall(r"<tr>(.*?)</tr>", tables[0], flags=re.DOTALL)
    assert len(rows) == 1 + 3  # header, two positions on troops, one on the hoax
    assert all(row.count("<td") == 6 or row.count("<th") == 6 for row in rows)
    assert "<strong>12,000 people</strong>" in tables[0]  # disagreeing positions stand out
    assert "<strong>contested</strong>: two values" in tables[0]
    assert "Is the deployment a hoax? | ](http://evil)" in html.unescape(tables[0])


def test_story_sections_in_order(note: str) -> None:
    first_story = note.index("## Troops")
    second_story = note.index("## NATO boots on the ground")
    ledger, timeline, sources = (
        note.index(heading, first_story) for heading in ("### Ledger", "### Timeline", "### Sources")
    )
    assert first_story < ledger < timeline < sources < second_story
    assert note.index("## Skipped inputs") > second_story


def test_timeline_and_sources(note: str) -> None:
    assert "- 2024-10-19 (day, inferred date): Zelenskyy: 10,000 ready — Yonhap" in note
    assert r"- 2024-10 (month): Troops readied \<script\>x\</script\> — Baltic \<Ledger\>" in note
    assert "published 2024-10-19 (inferred), <https://example.org/nk?a=1&b=2>" in note
    assert r"- Yonhap republishes Baltic \<Ledger\> (score 0.81)" in note
    assert "- feeds/bad.jsonl:3: line is not valid JSON" in note


def test_empty_brief() -> None:
    note = render_markdown(Brief(articles=()))
    assert note.startswith("# Storyline brief\n\n0 articles · 0 stories · 0 claims\n")


TEXT = st.text(alphabet=st.sampled_from(list("ab1 .-#+=*_`[]()<>|&;!\\~$:/\"'\n\té北")), max_size=30)


@given(TEXT)
def test_escaped_text_renders_as_itself(text: str) -> None:
    rendered = to_html(escape_markdown(text)).strip()
    expected = " ".join(text.split())
    if not expected:
        assert rendered == ""
        return
    assert rendered.startswith("<p>") and rendered.endswith("</p>"), rendered
    assert html.unescape(rendered[3:-4]) == expected


@given(TEXT, TEXT)
def test_escaped_text_stays_in_its_table_cell(left: str, right: str) -> None:
    table = f"| a | b |\n| --- | --- |\n| {escape_markdown(left)} | {escape_markdown(right)} |\n"
    cells = re.findall(r"<td>(.*?)</td>", to_html(table), flags=re.DOTALL)
    assert [html.unescape(cell) for cell in cells] == [" ".join(left.split()), " ".join(right.split())]
