"""Renderers of a brief: JSON (the ``storyline.brief/1`` contract), one self-contained HTML file, Markdown.

Each is a pure function of a ``Brief``; none analyses anything.
"""

from storyline.report.html import render_html
from storyline.report.json_report import BriefSchemaError, load_schema, validate_brief, write_json
from storyline.report.markdown import render_markdown

__all__ = [
    "BriefSchemaError",
    "load_schema",
    "render_html",
    "render_markdown",
    "validate_brief",
    "write_json",
]
