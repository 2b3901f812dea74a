"""The view helpers the HTML, Markdown and web UI share: labels and excerpts an analyst reads."""

from __future__ import annotations

from storyline.records import Article
from storyline.report.views import EXCERPT_CHARS, ClaimRef


def test_a_short_claim_is_shown_whole() -> None:
    ref = ClaimRef("c1", "Outlet", "North Korea had sent\n 10,000 soldiers")
    assert ref.excerpt == "North Korea had sent 10,000 soldiers"


def test_a_long_claim_is_cut_at_a_word_boundary() -> None:
    text = "the agency said that " + "several thousand soldiers were moved east " * 5
    excerpt = ClaimRef("c1", "Outlet", text).excerpt
    assert excerpt.endswith(" …")
    assert len(excerpt) <= EXCERPT_CHARS + 2
    assert text.startswith(excerpt[:-2])
    assert not excerpt[:-2].endswith(" ")


def test_an_article_without_outlet_or_title_is_labelled_by_its_file_name() -> None:
    article = Article(id="a1", path="../shared/seeds/000_abc.txt", text="Body.")
    assert article.label == "000_abc.txt"
    web = Article(id="a2", url="https://example.org/news/1", text="Body.")
    assert web.label == "https://example.org/news/1"
    titled = Article(id="a3", path="x/y.txt", text="Body.", title="A title")
    assert titled.label == "A title"


def test_an_outlet_voice_claim_is_labelled_as_the_outlets_own_words() -> None:
    from factories import make_claim

    from storyline.records import Brief
    from storyline.report.views import BriefIndex

    article = Article(id="a", text="The hearing is on Thursday. Aides said it is public.", outlet="Daily")
    voiced = make_claim("The hearing is on Thursday.", article=article, cue="", speaker_text=None)
    quoted = make_claim("it is public", article=article, id="c2", cue="said", speaker_text="Aides")
    index = BriefIndex(Brief(articles=(article,), claims=(voiced, quoted)))
    assert index.claim_ref("c1").label == "Daily (own voice)"
    assert index.claim_ref("c2").label == "Daily"
