"""The dates stage (per article): time expressions normalised against the publication date, and the
publication date itself inferred from the text when the metadata lacks it.

Contract: ``infer_publication_date(parsed: ParsedArticle) -> Article`` (run first: expressions resolve
against it) and ``find_time_expressions(parsed: ParsedArticle) -> list[TimeExpr]``.
Inside: ``patterns`` (named regular expressions from ``lexicons/time_expressions.toml``), ``rules`` (how
each kind resolves), ``timeml`` (durations, sets, references and TimeML values), ``expressions``
(candidates, tense, resolution), ``publication`` (date inference).
"""

from storyline.stages.dates.expressions import find_time_expressions
from storyline.stages.dates.publication import infer_publication_date

__all__ = ["find_time_expressions", "infer_publication_date"]
