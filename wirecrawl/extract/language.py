"""The page's language as an ISO 639-1 code: declared first, checked against the script.

Declarations are read in order: JSON-LD ``inLanguage``, ``<html lang>``, ``og:locale``,
``content-language`` (meta or header), ``dc.language``. The text's script then settles what a
declaration cannot: Arabic-script text is Persian when it uses پ چ ژ گ ک ی, Urdu with ٹ ڈ ڑ ں ے,
else Arabic; kana is Japanese, Hangul Korean, Han alone Chinese, and so on. A Latin-script
declaration contradicted by a non-Latin text (a theme's default ``lang="en-US"`` on a Persian
site) gives way to the script. Latin text with no declaration gives None.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_CODE_RE = re.compile(r"^\s*([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]+)*\s*$")
_ISO3 = {
    "fas": "fa",
    "per": "fa",
    "ara": "ar",
    "eng": "en",
    "fra": "fr",
    "fre": "fr",
    "deu": "de",
    "ger": "de",
    "spa": "es",
    "rus": "ru",
    "zho": "zh",
    "chi": "zh",
    "jpn": "ja",
    "tur": "tr",
    "urd": "ur",
    "heb": "he",
    "ita": "it",
    "por": "pt",
}
_NAMES = {
    "english": "en",
    "persian": "fa",
    "farsi": "fa",
    "arabic": "ar",
    "french": "fr",
    "german": "de",
    "spanish": "es",
    "russian": "ru",
    "turkish": "tr",
    "urdu": "ur",
    "chinese": "zh",
    "japanese": "ja",
    "italian": "it",
    "portuguese": "pt",
}
# (code, first, last) of scripts that name their language well enough.
_SCRIPTS: tuple[tuple[str, int, int], ...] = (
    ("he", 0x0590, 0x05FF),
    ("el", 0x0370, 0x03FF),
    ("th", 0x0E00, 0x0E7F),
    ("ka", 0x10A0, 0x10FF),
    ("hy", 0x0530, 0x058F),
    ("ko", 0xAC00, 0xD7AF),
    ("hi", 0x0900, 0x097F),
    ("bn", 0x0980, 0x09FF),
    ("ta", 0x0B80, 0x0BFF),
    ("am", 0x1200, 0x137F),
)
# Languages written in Latin script (a declaration of one of these over Arabic text is a
# theme default, not the page's language).
_LATIN_LANGS = frozenset(
    re.findall(
        r"\w+",
        "en fr de es it pt nl sv no nb nn da fi pl cs sk sl hr bs sr ro hu tr id ms vi tl sw af sq"
        " et lv lt is ga cy eu ca gl mt az uz",
    )
)


def normalise_code(value: str | None) -> str | None:
    """ "fa-IR", "fa_IR", "FA", "fas", "Persian" -> "fa"; None for anything unreadable."""
    if not value:
        return None
    text = value.strip()
    if text.lower() in _NAMES:
        return _NAMES[text.lower()]
    match = _CODE_RE.match(text)
    if not match:
        return None
    code = match.group(1).lower()
    if len(code) == 3:
        return _ISO3.get(code)
    return code


# Runs of each script's characters: counted by the length of each run, which spares a string per
# character (``findall`` of single characters cost most of this module's time).
_ARABIC_RE = re.compile(r"[\u0600-\u06ff\u0750-\u077f\ufb50-\ufeff]+")
_PERSIAN_RE = re.compile("[پچژگکی]+")
_URDU_RE = re.compile("[ٹڈڑںےھ]+")
_ARABIC_ONLY_RE = re.compile("[ةيكىأإ]+")
_KANA_RE = re.compile(r"[\u3040-\u30ff]+")
_HAN_RE = re.compile(r"[\u4e00-\u9fff]+")
_CYRILLIC_RE = re.compile(r"[\u0400-\u04ff]+")
_UKRAINIAN_RE = re.compile("[іїєґІЇЄҐ]")
_NON_LETTERS_RE = re.compile(r"[\W\d_]+")
_NON_LATIN_RE = re.compile(r"[^\x00-\u024f]+")
_OTHER_SCRIPTS = tuple(
    (code, re.compile(f"[{chr(first)}-{chr(last)}]+")) for code, first, last in _SCRIPTS
)


def _count(pattern: re.Pattern[str], text: str) -> int:
    """How many characters of ``text`` the run pattern ``pattern`` covers (its runs cut out in
    C: a word-by-word sum over ``finditer`` cost 20% more of the script check on RTL pages)."""
    return len(text) - len(pattern.sub("", text))


def _letters(text: str) -> int:
    """How many letters (``[^\\W\\d_]``) ``text`` has."""
    return len(_NON_LETTERS_RE.sub("", text))


def script_language(text: str) -> str | None:
    """The language a text's script points to (Persian/Arabic/Urdu, CJK...), "latin", or None."""
    sample = text[:3000]
    if sample.isascii():
        enough = _letters(sample[:200]) >= 20 or _letters(sample) >= 20
        return "latin" if enough else None
    arabic = _count(_ARABIC_RE, sample)
    # Counting letters tests each character's Unicode category, the dearest pass here (about
    # 60 us on 3,000 characters of Persian). Arabic script over 40% of all characters is over
    # 40% of the letters too, so an Arabic-script page needs only its first 20 letters found.
    if arabic > 0.4 * len(sample) and _letters(sample[:200]) >= 20:
        return _arabic_language(sample, arabic)
    letters = _letters(sample)
    if letters < 20:
        return None
    if arabic > 0.4 * letters:
        return _arabic_language(sample, arabic)
    if _count(_KANA_RE, sample) > 0.05 * letters:
        return "ja"
    if _count(_HAN_RE, sample) > 0.4 * letters:
        return "zh"
    if _count(_CYRILLIC_RE, sample) > 0.4 * letters:
        return "uk" if _UKRAINIAN_RE.search(sample) else "ru"
    for code, pattern in _OTHER_SCRIPTS:
        if _count(pattern, sample) > 0.4 * letters:
            return code
    latin = _letters(_NON_LATIN_RE.sub("", sample))
    return "latin" if latin > 0.8 * letters else None


def _arabic_language(sample: str, arabic: int) -> str:
    """Persian, Urdu or Arabic, for a text mostly in Arabic script (``arabic`` characters)."""
    persian = _count(_PERSIAN_RE, sample)
    urdu = _count(_URDU_RE, sample)
    if urdu > 0.02 * arabic and urdu >= persian / 2:
        return "ur"
    if persian > 0.02 * arabic and persian > _count(_ARABIC_ONLY_RE, sample):
        return "fa"
    return "ar"


def choose_language(declared: Iterable[str | None], text: str) -> tuple[str | None, str]:
    """``(code, evidence)`` from declarations (in priority order) and the text's script.

    A declaration stands unless the script contradicts it: a Latin-script language declared
    over non-Latin text gives the script's language; a non-Latin language declared over Latin
    text gives None.
    """
    first = None
    for value in declared:
        first = normalise_code(value)
        if first:
            break
    script = script_language(text)
    if first is None:
        if script and script != "latin":
            return script, "script"
        return None, "none"
    if script is None:
        return first, "declared"
    if script == "latin":
        if first in _LATIN_LANGS:
            return first, "declared"
        return None, f"declared {first} but the text is in Latin script"
    if first in _LATIN_LANGS:
        return script, f"script (declared {first})"
    return first, "declared"
