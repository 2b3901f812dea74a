"""Embedded social posts: a ``<tweet author="@x" …>body</tweet>`` block → its body, signed by its author.

Scraped articles (PolNeAR's texts among them, issue #14) keep an embedded post as a markup block whose
``author`` attribute is the only record of who wrote it. The markup must never reach a claim's text, but the
author must: the body is kept in place and, when it does not already end with the embed's own signature
("— Sahil Kapur (@sahilkapur) September 1, 2016", as Twitter renders an embed), signed "— @handle", the same
shape, so that the claims stage reads one signature form (``claims.posts``). Any paired tag with an author
attribute counts, whatever its name; a post tag without one loses its markup and keeps no author.

The text is untrusted: the patterns are bounded (tag, attribute and body lengths) so that no input makes them
slow, and only a handle's characters are read from the attribute.
"""

from __future__ import annotations

import re

# Tags read as posts even without an author attribute (their markup goes, their body stays).
POST_TAGS = frozenset({"tweet", "post", "toot", "skeet"})
_BLOCK = re.compile(
    r"<(?P<tag>[A-Za-z][\w-]{0,30})(?P<attributes>\s[^<>]{0,2000})?>(?P<body>[^<>]{0,10000}?)</(?P=tag)\s*>"
)
_AUTHOR = re.compile(r"""\bauthor\s*=\s*["']@?(?P<handle>[A-Za-z0-9_.]{1,50})["']""", re.IGNORECASE)
_SIGNED_BY = r"\(@{handle}\)"


def unwrap_embedded_posts(text: str) -> str:
    """``text`` with every embedded post's markup replaced by its body, signed by its author."""
    return _BLOCK.sub(_unwrapped, text)


def _unwrapped(block: re.Match[str]) -> str:
    author = _AUTHOR.search(block["attributes"] or "")
    if author is None:
        return block["body"] if block["tag"].lower() in POST_TAGS else block[0]
    body = " ".join(block["body"].split())
    handle = author["handle"]
    if re.search(_SIGNED_BY.format(handle=re.escape(handle)), body, re.IGNORECASE):
        return body
    return f"{body} — @{handle}"
