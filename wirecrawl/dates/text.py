"""Text clean-up before parsing: digits, invisible marks, spaces and Arabic-script letter variants."""

from __future__ import annotations

from collections.abc import Sequence

_PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹"
_ARABIC_DIGITS = "٠١٢٣٤٥٦٧٨٩"
_DROPPED = (
    "\u200e\u200f\u061c"  # LRM, RLM, Arabic letter mark
    "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"  # bidi embeddings and isolates
    "\ufeff\u00ad"  # BOM, soft hyphen
    "\u0640"  # tatweel
    "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670"  # harakat
)
_SPACES = "\u00a0\u202f\u2007\u2009\u200a\u2002\u2003\u3000\u200c\u200d\t\n\r\f\v"

_CLEAN = str.maketrans(
    {
        **{c: str(i) for i, c in enumerate(_PERSIAN_DIGITS)},
        **{c: str(i) for i, c in enumerate(_ARABIC_DIGITS)},
        **dict.fromkeys(_DROPPED),
        **dict.fromkeys(_SPACES, " "),
        "\u060c": ",",  # Arabic comma
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2212": "-",
    }
)

# Letter variants folded together for our own patterns (never for dateparser, whose Arabic and
# Persian locales each expect their own letters).
_FOLD = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ي": "ی",
        "ى": "ی",
        "ئ": "ی",
        "ك": "ک",
        "ة": "ه",
        "ۀ": "ه",
        "ؤ": "و",
    }
)
_TO_PERSIAN = str.maketrans({"ي": "ی", "ى": "ی", "ك": "ک"})
_TO_ARABIC = str.maketrans({"ی": "ي", "ک": "ك"})


def clean(text: str) -> str:
    """ASCII digits, no bidi/zero-width marks or tatweel or harakat, single spaces, stripped."""
    return " ".join(text.translate(_CLEAN).split())


def fold(text: str) -> str:
    """``clean`` text casefolded, with Arabic-script letter variants (ي/ی, ك/ک, أ/ا, ة/ه) merged.

    Applies ``clean`` itself, so it is idempotent and safe on already cleaned text.
    """
    return clean(text).casefold().translate(_FOLD)


def for_languages(text: str, languages: Sequence[str] | None) -> str:
    """Cleaned text with yeh/kaf in the letters of the one Arabic-script language given, if any.

    Persian pages typed on Arabic keyboards write ي and ك, which dateparser's Persian locale does
    not know; Arabic pages sometimes do the reverse. With both or neither language, unchanged.
    """
    if not languages:
        return text
    persian, arabic = "fa" in languages, "ar" in languages
    if persian and not arabic:
        return text.translate(_TO_PERSIAN)
    if arabic and not persian:
        return text.translate(_TO_ARABIC)
    return text
