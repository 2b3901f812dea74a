"""Acts (``Claim.kind == "act"``) are labelled where claims are shown: the web pages' small, escaped label and
the report's highlight title; statements carry no label."""

from __future__ import annotations

from storyline.records import Article, Brief, Claim
from storyline.report.html import article_highlights
from storyline.report.views import BriefIndex
from storyline.server.pages import _environment

TEXT = "The union voted to strike. The union said the talks had failed."


def claim(kind: str, start: int, end: int, cue: str) -> Claim:
    cue_start = TEXT.index(cue)
    return Claim(
        id=f"a:{kind}",
        article="a",
        text=TEXT[start:end],
        start=start,
        end=end,
        cue=cue,
        cue_start=cue_start,
        cue_end=cue_start + len(cue),
        speaker_text="The union",
        speaker_start=0,
        speaker_end=9,
        kind="act" if kind == "act" else "statement",
    )


ACT = claim("act", TEXT.index("to strike"), TEXT.index("to strike") + len("to strike"), "voted")
STATEMENT = claim("statement", TEXT.index("the talks"), len(TEXT) - 1, "said")


def test_pages_label_an_act_and_not_a_statement() -> None:
    act_label = _environment().get_template("_macros.html.j2").module.act_label  # type: ignore[attr-defined]
    assert 'class="claim-kind"' in str(act_label(ACT)) and ">act</span>" in str(act_label(ACT))
    assert str(act_label(STATEMENT)).strip() == ""


def test_report_highlight_title_names_an_act() -> None:
    article = Article(id="a", text=TEXT)
    index = BriefIndex(Brief(articles=(article,), claims=(ACT, STATEMENT)))
    titles = {
        h.key: h.title for h in article_highlights(article, [ACT, STATEMENT], index) if h.kind == "claim"
    }
    assert "(act, asserted" in titles["a:act"]
    assert "act" not in titles["a:statement"].split("—")[1]
