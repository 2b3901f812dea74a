"""Imported only by the local engine's fork server (``engines``): loads the per-article models once.

Every worker process is forked from that server, so each starts with the spaCy pipeline and lingua's
language models already in memory (shared copy-on-write) instead of loading its own: on two cores that was
~9 s of CPU per worker before the first article (issue #20). Loading at import is the point of this module
and the reason nothing else imports it.

Workers run no torch model (the story embedding runs in the parent), but thinc imports torch whenever it
is installed: 1.4 s of CPU and ~180 MB per fork server. Marking it absent before spaCy is imported makes
thinc skip it (its torch support is optional); a worker that did import torch would fail loudly.

The per-article stages load more on first use (gender-guesser's 40,000 names, the lexicons, the
transliteration tables, a few hundred compiled patterns): one short article run through them here loads
those once for every worker instead of once in each (~0.4 s of CPU a worker, and their pages shared).
"""

from __future__ import annotations

import sys

sys.modules.setdefault("torch", None)  # type: ignore[arg-type]

from storyline import per_article  # noqa: E402  (the per-article stage code the workers run)
from storyline.records import Article  # noqa: E402
from storyline.stages.language import warm_up_detectors  # noqa: E402
from storyline.stages.nlp import load_nlp  # noqa: E402

# Written for this warm-up: a dateline, a quotation, speakers with given names, honorifics and titles,
# figures, dates and an organisation, so that each stage meets what it loads lazily.
WARM_UP_TEXT = (
    "Strike enters day 3\n"
    "LINDPORT (Reuters) — “We will not accept this,” Governor Anna Berg said on Tuesday, March 3, 2016, "
    "adding that about 2,000 workers had left the city last week.\n"
    "Mr. Tomas Okafor, a spokesman for the Lindport Port Authority, told reporters that 40 percent of "
    "the ships were idle, although officials could not confirm the figure."
)

load_nlp()("Warm up the parser once.")
warm_up_detectors()
per_article.analyze_chunk([Article(id="warm-up", text=WARM_UP_TEXT)])
