"""Imported only by the local engine's fork server (``engines``): loads the per-article models once.

Every worker process is forked from that server, so each starts with the spaCy pipeline and lingua's
language models already in memory (shared copy-on-write) instead of loading its own: on two cores that was
~9 s of CPU per worker before the first article (issue #20). Loading at import is the point of this module
and the reason nothing else imports it.

Workers run no torch model (the story embedding runs in the parent), but thinc imports torch whenever it
is installed: 1.4 s of CPU and ~180 MB per fork server. Marking it absent before spaCy is imported makes
thinc skip it (its torch support is optional); a worker that did import torch would fail loudly.
"""

from __future__ import annotations

import sys

sys.modules.setdefault("torch", None)  # type: ignore[arg-type]

from storyline import per_article  # noqa: E402, F401  (the per-article stage code the workers run)
from storyline.stages.language import warm_up_detectors  # noqa: E402
from storyline.stages.nlp import load_nlp  # noqa: E402

load_nlp()("Warm up the parser once.")
warm_up_detectors()
