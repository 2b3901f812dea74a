"""Bytes → text for every reader: the unambiguous encodings first, a guess only for what is left, and binary
data refused with a one-line reason.

A BOM or valid UTF-8 settles the encoding outright; UTF-16 without a BOM is recognised by where its NUL
bytes sit; only then does charset_normalizer guess a legacy code page (cp1252 on a tie). Text full of
control characters was binary whatever it decoded as. Newlines come out as ``\\n``.
"""

from __future__ import annotations

import codecs
import unicodedata

# Control characters other than tab/newline/CR/form feed: a decoded "text" that is full of them was binary.
_MAX_CONTROL_SHARE = 0.01


class UndecodableInput(ValueError):
    """Bytes that are not text in any encoding we accept; the message is the one-line reason."""


def decode_text(data: bytes) -> str:
    """Bytes → text with newlines normalised to ``\\n``. Tries the BOM-marked and UTF-8 encodings first
    (unambiguous), then charset_normalizer's guess; raises :class:`UndecodableInput` for binary data."""
    text = _decode_marked(data)
    if text is None or "\x00" in text:  # UTF-16 without a BOM decodes as UTF-8 full of NULs
        text = _decode_utf16_without_bom(data) or text
    if text is None:
        if b"\x00" in data:  # UTF-16 without a BOM is rare in news; NUL bytes almost always mean binary
            raise UndecodableInput("binary file (NUL bytes)")
        text = _decode_guessed(data)
    if _control_share(text) > _MAX_CONTROL_SHARE:
        raise UndecodableInput("binary file (control characters)")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _decode_marked(data: bytes) -> str | None:
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as error:
            raise UndecodableInput("undecodable UTF-16 text") from error
    try:
        return data.decode("utf-8-sig")  # also plain UTF-8: the BOM is optional
    except UnicodeDecodeError:
        return None


# Share of the even (or odd) bytes that must be NUL for BOM-less bytes to be read as UTF-16: text in a
# Latin script has a NUL high byte in nearly every code unit; binary data has NULs scattered at random.
_UTF16_NUL_SHARE = 0.8
# Among legacy encodings that fit a file equally well, the one mislabelled Western text is usually in.
_PREFERRED_LEGACY_ENCODING = "cp1252"


def _utf16_without_bom(data: bytes) -> str | None:
    """ "utf-16-le" or "utf-16-be" when the NUL bytes sit at every other position, else None."""
    if len(data) < 4 or len(data) % 2:
        return None
    pairs = len(data) // 2
    nul_high = data[1::2].count(0) / pairs  # little-endian: the second byte of each unit is the high one
    nul_low = data[0::2].count(0) / pairs
    if nul_high >= _UTF16_NUL_SHARE and nul_low < 1 - _UTF16_NUL_SHARE:
        return "utf-16-le"
    if nul_low >= _UTF16_NUL_SHARE and nul_high < 1 - _UTF16_NUL_SHARE:
        return "utf-16-be"
    return None


def _decode_utf16_without_bom(data: bytes) -> str | None:
    encoding = _utf16_without_bom(data)
    if encoding is None:
        return None
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def _decode_guessed(data: bytes) -> str:
    # Imported here: charset_normalizer is only needed for the rare legacy-encoded file.
    from charset_normalizer import from_bytes

    matches = from_bytes(data)
    best = matches.best()
    if best is None:
        raise UndecodableInput("undecodable bytes (no text encoding fits)")
    # Short texts fit several code pages equally ("Grève à" reads as cp1250 "Grčve ŕ" too): on a tie,
    # take cp1252 — the encoding Western text mislabelled as UTF-8 almost always is.
    for match in matches:
        tied = (match.chaos, match.coherence) == (best.chaos, best.coherence)
        if tied and match.encoding == _PREFERRED_LEGACY_ENCODING:
            return str(match)
    return str(best)


def _control_share(text: str) -> float:
    if not text:
        return 0.0
    controls = sum(1 for char in text if unicodedata.category(char) == "Cc" and char not in "\t\n\r\f")
    return controls / len(text)
