"""Imported only by the local engine's fork server (``engines``): loads the per-article models once.

Every worker process is forked from that server, so each starts with the spaCy pipeline and lingua's
language models already in memory (shared copy-on-write) instead of loading its own: on two cores that was
~9 s of CPU per worker before the first article (issue #20). Loading at import is the point of this module
and the reason nothing else imports it.
"""

from __future__ import annotations

from storyline import pipeline  # noqa: F401  (the per-article stage code the workers run)
from storyline.stages.language import load_detector
from storyline.stages.nlp import load_nlp

load_nlp()("Warm up the parser once.")
# lingua loads a language's model on first use; judging one text against every language loads them all.
load_detector().compute_language_confidence_values("Warm up every language model once.")
