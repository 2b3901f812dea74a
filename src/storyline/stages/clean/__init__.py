"""The clean stage: drop the lines of extracted text that are not the article, and say why for each.

Input is text that ingest already pulled out of HTML (title taken out when one was found). What is left of
a page's chrome comes as whole lines: author blurbs, "Recent Posts" lists, subscribe prompts, hashtag lines,
photo captions, share bars and badges, section labels. Each line is kept unless a rule says why it goes;
the rules are named patterns in ``lexicons/boilerplate.toml`` and ``lexicons/credits.toml`` plus a little
context: where the line stands (head or tail of the article) and its neighbours (once a list header is seen,
the list items after it go too). Credit lines ("Source: X", "Via X", "(AP)", "Copyright … Associated
Press", "(Reporting by …; Editing by …)") leave the text and become ``Credit`` records, the provenance the
copies stage needs; a wire dateline opening the lead ("WASHINGTON (AP) —") stays in the text and yields a
``wire`` credit too.

Contract: ``clean_article(article: Article) -> Article``.
Inside: ``article`` (repair, classify every line, join the kept ones), ``rules`` (the boilerplate rules, each
marking line numbers with a reason), ``credits`` (credit lines and the wire dateline), ``lines`` (line shapes
and the walk over kept neighbours), ``lexicon`` (the two lexicons, compiled once).
"""

from storyline.stages.clean.article import clean_article

__all__ = ["clean_article"]
