"""Text cleaning helpers: idempotent normalisation of extracted strings and paragraph lists.

``clean_text`` repairs the common UTF-8-read-as-Windows-1252 mojibake, decodes entity leftovers
(``&amp;``, ``&#8217;``), applies NFC, drops invisible characters (soft hyphens, zero-width
spaces, direction marks) while keeping a zero-width non-joiner or joiner between two letters of a
non-Latin script (Persian ``می‌شود``), and collapses whitespace. Every step is repeated until
nothing changes, so ``clean_text(clean_text(s)) == clean_text(s)`` for any input.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Collection, Iterable
from functools import lru_cache
from typing import TYPE_CHECKING

from wirecrawl.extract.boilerplate import boilerplate_rule, learned_key_set, paragraph_key

if TYPE_CHECKING:
    from wirecrawl.sources import Source

_MAX_ROUNDS = 6

# Characters a reader never sees: soft hyphen, zero-width space, word joiner, BOM, direction
# marks and embeddings, Mongolian vowel separator, and C0/C1 controls other than whitespace.
_INVISIBLE = dict.fromkeys(
    [
        0xAD,
        0x180E,
        0x200B,
        0x200E,
        0x200F,
        *range(0x202A, 0x202F),
        0x2060,
        *range(0x2066, 0x206A),
        0xFEFF,
        0xFFFE,
        *(c for c in range(0x20) if c not in (0x09, 0x0A, 0x0D)),
        0x7F,
        *range(0x80, 0xA0),
    ]
)
# Whether a text has any of them: one scan in C, where translating with the table built a new
# string character by character even when nothing was to go (45 against 6 us a story's body).
_INVISIBLE_RE = re.compile("[" + "".join(re.escape(chr(code)) for code in sorted(_INVISIBLE)) + "]")
_JOINERS_RE = re.compile(r"[\u200c\u200d]+")
_ENTITY_RE = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")

# Windows-1252 characters that stand for the bytes 0x80-0x9F, as a mis-decoded page shows them.
_CP1252_HIGH = bytes(range(0x80, 0xA0)).decode("cp1252", errors="ignore")
_CONT = "\u0080-\u00bf" + re.escape(_CP1252_HIGH)
_CONT3 = "\u0080-\u009f\u00a1-\u00bf" + re.escape(_CP1252_HIGH)
# A mis-decoded sequence: a lead byte followed by as many continuation bytes as it announces
# (a no-break space is not taken as a continuation of 3- and 4-byte runs: "été »" stays).
_MOJIBAKE_RE = re.compile(
    f"[\u00c2-\u00df][{_CONT}]|[\u00e0-\u00ef][{_CONT3}]{{2}}|[\u00f0-\u00f4][{_CONT3}]{{3}}"
)
# Pairs that almost never occur in real text but always in mojibake; repair only where one shows.
_TELLTALE_RE = re.compile(f"[ÃÂØÙÐÑÎÏ×][{_CONT}]|â€|ðŸ")


def _to_byte(char: str) -> int | None:
    if ord(char) < 0x100:
        return ord(char)
    try:
        return char.encode("cp1252")[0]
    except UnicodeEncodeError:
        return None


def _repair_run(match: re.Match[str]) -> str:
    run = match.group(0)
    raw = [_to_byte(c) for c in run]
    if None in raw:
        return run
    try:
        return bytes(b for b in raw if b is not None).decode("utf-8")
    except UnicodeDecodeError:
        return run


def fix_mojibake(text: str) -> str:
    """Repair UTF-8 text that was decoded as Windows-1252/Latin-1 ("CafÃ©" -> "Café").

    Only runs that decode as valid UTF-8 are replaced, so genuine "Ã" or "â" text is left alone.
    """
    if text.isascii() or not _TELLTALE_RE.search(text):  # every telltale has a non-ASCII char
        return text
    return _MOJIBAKE_RE.sub(_repair_run, text)


def _is_script_letter(char: str) -> bool:
    """A letter or mark outside ASCII (where ZWNJ/ZWJ shape words: Persian, Indic, emoji)."""
    if ord(char) < 0x80:
        return False
    return unicodedata.category(char)[0] in "LMS"


def _keep_joiners(text: str) -> str:
    def repl(match: re.Match[str]) -> str:
        start, end = match.span()
        inside = start > 0 and end < len(text)
        if inside and _is_script_letter(text[start - 1]) and _is_script_letter(text[end]):
            return match.group(0)[0]
        return ""

    return _JOINERS_RE.sub(repl, text)


def _unescape(text: str) -> str:
    if "&" not in text:
        return text
    return _ENTITY_RE.sub(lambda m: html.unescape(m.group(0)), text)


def _clean_once(text: str) -> str:
    text = fix_mojibake(text)
    text = _unescape(text)
    text = unicodedata.normalize("NFC", text)
    if _INVISIBLE_RE.search(text):
        text = text.translate(_INVISIBLE)
    if "\u200c" in text or "\u200d" in text:
        text = _keep_joiners(text)
    return " ".join(text.split())  # str.split and regex \s agree on what whitespace is


def clean_text(text: str | None) -> str:
    """One clean line: mojibake repaired, entities decoded, NFC, invisibles dropped, spaces collapsed.

    ``None`` gives ``""``; newlines become spaces; idempotent.
    """
    if not text:
        return ""
    return _clean_text(text)


# Pure, and asked twice for each paragraph (extraction, then the clean pipeline with what was
# learned since) and again for every repeat of a site's furniture: remembered.
@lru_cache(maxsize=8192)
def _clean_text(text: str) -> str:
    for _ in range(_MAX_ROUNDS):
        cleaned = _clean_once(text)
        if cleaned == text:
            break
        text = cleaned
    return text


def clean_paragraphs(
    paragraphs: Iterable[str],
    source: Source | None = None,
    learned: Collection[str] = (),
) -> list[str]:
    """Clean each paragraph and drop empty, repeated and boilerplate ones; idempotent.

    Boilerplate is the generic rules plus ``source.boilerplate`` and the ``learned`` texts; a
    paragraph repeated later in the list is dropped (its first occurrence stays).
    """
    learned_keys = learned_key_set(learned)
    seen: set[str] = set()
    kept: list[str] = []
    for paragraph in paragraphs:
        text = clean_text(paragraph)
        if not text:
            continue
        key = paragraph_key(text)
        if key in seen or boilerplate_rule(text, source, learned_keys):
            continue
        seen.add(key)
        kept.append(text)
    return kept
