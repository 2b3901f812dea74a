"""The dates stage (per article): time expressions normalised against the publication date, and the
publication date itself inferred from the text when the metadata lacks it.

Contract: ``infer_publication_date(parsed: ParsedArticle) -> Article`` (run first: expressions resolve
against it) and ``find_time_expressions(parsed: ParsedArticle) -> list[TimeExpr]``; both take the
article's ``locate_time_expressions(parsed)`` as an optional second argument, so that a caller running both
locates the text's time expressions once. Cross-article, once stories are known:
``date_undated_in_stories(analyses, stories)`` places undated articles by their story's dated reports.
Inside: ``patterns`` (named regular expressions from ``lexicons/time_expressions.toml``), ``rules`` (how
each kind resolves), ``timeml`` (durations, sets, references and TimeML values), ``expressions``
(candidates, resolution), ``tense`` (which way a clause points), ``publication`` (date inference),
``story`` (undated articles placed by their story).
"""

from storyline.stages.dates.expressions import (
    find_time_expressions,
    find_times_in_passage,
    locate_time_expressions,
)
from storyline.stages.dates.publication import infer_publication_date
from storyline.stages.dates.story import date_undated_in_stories

__all__ = [
    "date_undated_in_stories",
    "find_time_expressions",
    "find_times_in_passage",
    "infer_publication_date",
    "locate_time_expressions",
]
