"""The ingest stage: files, directories, URLs and texts → ``Article`` records, bad input → ``SkippedInput``.

Contract: ``iter_inputs(paths, settings, meta_csv=None) -> Iterator[Article | SkippedInput]``,
``article_from_text(...) -> Article`` and ``article_from_plain_text(text, source=...) -> Article``.
Inside: ``inputs`` (walking, metadata, ids), ``formats`` (one reader per file format), ``decoding`` (bytes →
text, binary refused), ``fetch`` (URLs, with the private-address guard).
"""

from storyline.stages.ingest.inputs import article_from_plain_text, article_from_text, iter_inputs

__all__ = ["article_from_plain_text", "article_from_text", "iter_inputs"]
