"""Bytes to text: read a page's bytes the way they were written.

Order: gzip magic bytes (a saved ``.html.gz`` or an undecoded response), a byte-order mark, the
HTTP ``Content-Type`` charset, ``<meta charset>``/``http-equiv`` (w3lib's scan, then a wider one),
then detection. Two common lies are caught: a page declared Latin-1/Windows-1252 whose bytes are
valid UTF-8 is read as UTF-8, and a page declared UTF-8 whose bytes are not is detected again.
Detection is strict UTF-8 first, then charset-normalizer (the detector requests and trafilatura
use). Undecodable bytes become U+FFFD rather than an error; only empty, undecompressible or binary
input raises :class:`ExtractError`.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Mapping
from dataclasses import dataclass

from w3lib.encoding import (
    html_body_declared_encoding,
    http_content_type_encoding,
    read_bom,
    resolve_encoding,
    to_unicode,
)

MAX_DECOMPRESSED = 64 * 1024 * 1024
_LATIN = {"cp1252", "latin_1", "iso8859_1", "ascii", "iso8859_15"}
_LATE_META_RE = re.compile(
    rb"<meta[^>]{0,200}?charset\s*=\s*[\"']?\s*([A-Za-z0-9_:.+-]{2,40})", re.IGNORECASE
)
_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27))


class ExtractError(ValueError):
    """The bytes cannot be read as a page at all (empty, corrupt gzip, binary data)."""


@dataclass(frozen=True)
class Decoded:
    """A page's text and how its encoding was decided (``evidence``: bom, http, meta, detected...)."""

    text: str
    encoding: str
    evidence: str
    utf8: bytes | None = None  # the page's bytes when they were valid UTF-8: ``text`` encoded


def header(headers: Mapping[str, str] | None, name: str) -> str | None:
    """Case-insensitive header lookup; None when absent or ``headers`` is None."""
    if not headers:
        return None
    lowered = name.lower()
    for key, value in headers.items():
        if key.lower() == lowered:
            return value
    return None


def gunzip(data: bytes) -> bytes:
    """Decompress gzip data, keeping what a truncated stream gave; ExtractError if nothing."""
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = inflater.decompress(data, MAX_DECOMPRESSED)
    except zlib.error as exc:
        raise ExtractError(f"gzip data is corrupt: {exc}") from None
    if not out.strip():
        raise ExtractError("gzip data holds no page")
    return out


def _late_meta(data: bytes) -> str | None:
    """A ``<meta charset>`` declared beyond the first 4 KiB w3lib looks at (up to 64 KiB)."""
    head = data[:65536]
    end = head.lower().find(b"</head")
    match = _LATE_META_RE.search(head if end < 0 else head[:end])
    return resolve_encoding(match.group(1).decode("ascii")) if match else None


def _utf16_without_bom(data: bytes) -> str | None:
    sample = data[:2000]
    if len(sample) < 4:
        return None
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    half = len(sample) // 2
    if odd > 0.4 * half and even < 0.05 * half:
        return "utf-16-le"
    if even > 0.4 * half and odd < 0.05 * half:
        return "utf-16-be"
    return None


def _looks_binary(data: bytes) -> bool:
    sample = data[:4096]
    controls = len(sample) - len(sample.translate(None, _CONTROL))  # one pass, not one per byte
    return controls > 0.1 * len(sample)


def _detect(data: bytes) -> str:
    """Best guess for undeclared non-UTF-8 bytes (Windows-1256, Shift_JIS, KOI8-R...)."""
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    found = resolve_encoding(best.encoding) if best is not None and best.encoding else None
    return found or "cp1252"


def _strict_utf8(data: bytes) -> str | None:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


def _mostly_utf8(data: bytes) -> bool:
    """True if a UTF-8 page has only a few bad bytes (a truncated snippet), not another charset."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    non_ascii = sum(1 for c in text if ord(c) > 127)
    return bad <= 3 or bad < 0.02 * non_ascii


def decode_page(page: bytes | str, headers: Mapping[str, str] | None = None) -> Decoded:
    """Decode a page (str passes through); ExtractError for empty, corrupt-gzip or binary input."""
    if isinstance(page, str):
        if not page or page.isspace():
            raise ExtractError("empty page")
        return Decoded(page, "unicode", "str")
    data = bytes(page)
    if not data or data.isspace():  # (strip() would copy the whole page)
        raise ExtractError("empty page: no bytes to read")
    evidence = ""
    if data[:2] == b"\x1f\x8b":
        data = gunzip(data)
        evidence = "gzip+"
    bom_encoding, bom = read_bom(data)
    if bom_encoding and bom is not None:
        return Decoded(to_unicode(data[len(bom) :], bom_encoding), bom_encoding, evidence + "bom")
    utf16 = _utf16_without_bom(data)
    if utf16:
        return Decoded(to_unicode(data, utf16), utf16, evidence + "detected")
    if _looks_binary(data):
        raise ExtractError("not a text page: the bytes look binary")
    declared = http_content_type_encoding(header(headers, "content-type"))
    origin = "http"
    if not declared:
        declared = html_body_declared_encoding(data) or _late_meta(data)
        origin = "meta"
    utf8 = _strict_utf8(data)
    if declared and declared != "utf-8":
        if utf8 is not None and declared in _LATIN and not data.isascii():
            return Decoded(utf8, "utf-8", f"{evidence}utf-8 (declared {declared})", data)
        return Decoded(to_unicode(data, declared), declared, evidence + origin)
    if utf8 is not None:
        return Decoded(utf8, "utf-8", evidence + (origin if declared else "utf-8"), data)
    if declared in (None, "utf-8") and _mostly_utf8(data):
        return Decoded(to_unicode(data, "utf-8"), "utf-8", evidence + origin)
    detected = _detect(data)
    return Decoded(to_unicode(data, detected), detected, f"{evidence}detected")
