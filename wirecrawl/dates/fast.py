"""Fast parsers tried before dateparser, on folded text (see ``text.fold``).

Each parser returns a reading, or None when the text is not its shape. Numeric dates are read
here only, never by dateparser, so that an ambiguous day/month order is rejected, not guessed.

A clock written after a date is read with it ("30 أكتوبر 2026 06:14 م", "۷ آذر ۱۴۰۵ ساعت ۲:۲۰
ب.ظ", "Nov 27, 2026 - 3:14 PM"): 12-hour clocks take am/pm, Arabic ص/م, صباحا/مساء and Persian
ق.ظ/ب.ظ. A day written in two calendars ("١٩ جمادى الأولى ١٤٤٨ هـ - الموافق ٣٠ أكتوبر ٢٠٢٦
٠٦:١٤ م", "۷ آذر ۱۴۰۵ برابر با ۲۸ نوامبر ۲۰۲۶") is read as one date, the clock after the second
part included. When the two parts name different days (a Hijri date from a local moon sighting
is often a day off the Umm al-Qura table) the Gregorian part wins, else the Jalali, and the rule
is "calendar-mismatch"; when one part names no real day the other is used.
"""

from __future__ import annotations

import email.utils
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone, tzinfo
from typing import NamedTuple
from zoneinfo import ZoneInfo

from wirecrawl.dates.calendars import (
    GREGORIAN,
    HIJRI,
    JALALI,
    MONTHS,
    YEAR_RANGES,
    to_gregorian,
)
from wirecrawl.dates.readings import (
    FIXED_UNITS,
    Ago,
    Clock,
    DaysBack,
    Instant,
    MonthDay,
    Reading,
    Rejected,
    TimeOfDay,
    date_instant,
    day_instant,
    localise,
    month_instant,
)
from wirecrawl.dates.text import fold
from wirecrawl.dates.words import (
    CLOCK_LEADS,
    DAY_WORDS,
    JUST_NOW,
    NUMBER_WORDS,
    UNITS,
    WEEKDAYS,
    ZONES,
)

DATE_ORDERS = ("DMY", "MDY", "YMD")


@dataclass(frozen=True)
class Context:
    """How a source writes dates: its zone, languages (None = detect) and numeric date order."""

    zone: ZoneInfo
    languages: tuple[str, ...] | None
    date_order: str | None


def _alternation(words: Iterable[str]) -> str:
    """A regex alternation of words, longest first, spaces matching any run of spaces."""
    ordered = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


def _key(matched: str) -> str:
    """A matched table word with its spaces made single again, to look it up."""
    return " ".join(matched.split())


_LETTER = r"[^\W\d_]"
_NOT_LETTER_BEFORE = rf"(?<!{_LETTER})"
_NOT_LETTER_AFTER = rf"(?!{_LETTER})"
_MERIDIEM = (
    r"a\.?\s?m\.?|p\.?\s?m\.?|قبل\s?از\s?ظهر|بعد\s?از\s?ظهر|ق\.?\s?ظ|ب\.?\s?ظ|صباحا|مساءا|مساء|ص|م"
)
_ZONE = (
    r"[+-]\d{2}(?::?\d{2})?(?!\d)"
    r"|(?:utc|gmt)\s*[+-]\s*\d{1,2}(?::?\d{2})?(?!\d)"
    rf"|(?:{_alternation(ZONES)}){_NOT_LETTER_AFTER}"
)
_CLOCK = (
    r"(?<![\d:.])(?P<h>\d{1,2})"
    r"(?:(?::|h(?=\d\d))(?P<m>\d{2})(?::(?P<s>\d{2})(?:[.,]\d+)?)?)?(?![\d:])"
    rf"(?:\s*(?P<ampm>{_MERIDIEM}){_NOT_LETTER_AFTER})?"
    rf"(?:\s*(?P<zone>{_ZONE}))?"
)
_LEADS = _alternation(CLOCK_LEADS)
_CLOCK_AFTER = re.compile(rf"\s*(?:[,\-|@/]\s*)?(?:(?:{_LEADS})\s*:?\s*)?{_CLOCK}")
_WEEKDAY = _alternation(WEEKDAYS)
_CLOCK_BEFORE = re.compile(rf"{_CLOCK}\s*(?:[,\-|/]\s*)?(?:on\s+)?(?:(?:{_WEEKDAY})\.?\s*,?\s*)?$")
_TIME_ONLY = re.compile(
    rf"(?:(?:updated|posted|published|{_LEADS})\s*:?\s*)?{_CLOCK}\s*(?:uhr|h)?\.?"
)


def _offset(text: str) -> tzinfo | None:
    """A tzinfo for a zone token: "+03:30", "utc+3", "gmt", "est", "بتوقیت مکه"..."""
    if _key(text) in ZONES:
        return ZONES[_key(text)]
    found = re.fullmatch(r"(?:utc|gmt)?([+-])(\d{1,2}):?(\d{2})?", "".join(text.split()))
    if not found:
        return None
    sign, hours, minutes = found.groups()
    delta = timedelta(hours=int(hours), minutes=int(minutes or 0))
    if delta >= timedelta(hours=15):
        return None
    return timezone(-delta if sign == "-" else delta)


def _clock(found: re.Match[str]) -> Clock | None:
    """The clock a ``_CLOCK`` match names; None when it is out of range or a bare number."""
    hour, minute, second, ampm = found["h"], found["m"], found["s"], found["ampm"]
    if minute is None and ampm is None:
        return None
    h, m, s = int(hour), int(minute or 0), int(second or 0)
    if ampm:
        letter = ampm[0]
        if h > 12 or h == 0:
            return None
        if letter in "aقص":
            h = 0 if h == 12 else h
        elif h != 12:
            h += 12
    if h > 23 or m > 59 or s > 59:
        return None
    precision = "second" if second else "minute" if minute else "hour"
    zone = _offset(found["zone"]) if found["zone"] else None
    return Clock(h, m, s, precision, zone)


def clock_after(text: str, pos: int) -> Clock | None:
    """The clock written right after ``pos`` ("..., 14:20", "... at 3pm EST"), if any."""
    found = _CLOCK_AFTER.match(text, pos)
    return _clock(found) if found else None


def clock_before(text: str, pos: int) -> Clock | None:
    """The clock written right before ``pos`` ("2:15 PM EST, Fri November 27, 2026"), if any."""
    found = _CLOCK_BEFORE.search(text, max(0, pos - 40), pos)
    return _clock(found) if found else None


def clock_precision(text: str) -> str:
    """Finest clock unit written in ``text``: second for 14:20:05, minute for 14:20, else hour."""
    if re.search(r"\d:\d\d:\d\d", text):
        return "second"
    if re.search(r"\d[:h.]\d\d(?!\d)", text):
        return "minute"
    return "hour"


# --- digits alone: epoch, compact ISO, or a bare number -------------------------------------

_DIGITS_ONLY = re.compile(r"[+-]?\d+(?:[.,]\d+)?")


def read_digits(folded: str, ctx: Context) -> Reading | None:
    """10/13 digits are epoch seconds/milliseconds, 8 or 14 a compact date; other numbers bare."""
    if not _DIGITS_ONLY.fullmatch(folded):
        return None
    whole = folded.split(".")[0].split(",")[0]
    if len(whole) in (10, 13) and whole.isdigit():
        seconds = int(whole) // (1000 if len(whole) == 13 else 1)
        start = datetime.fromtimestamp(seconds, UTC)
        return Instant("epoch", start, start + FIXED_UNITS["second"], "second", True)
    if folded.isdigit() and len(folded) in (8, 14):
        try:
            stamp = datetime.strptime(folded, "%Y%m%d" if len(folded) == 8 else "%Y%m%d%H%M%S")
        except ValueError:
            return Rejected("none", "bare-number")
        if 1900 <= stamp.year < 2200:
            if len(folded) == 8:
                return day_instant("iso8601", stamp.date(), ctx.zone)
            start = localise(stamp, ctx.zone)
            return Instant("iso8601", start, start + FIXED_UNITS["second"], "second")
    return Rejected("none", "bare-number")


# --- ISO 8601 / RFC 3339 --------------------------------------------------------------------

_ISO = re.compile(
    r"(?<![\d/.])(?P<y>\d{4})-(?P<mo>\d{2})(?:-(?P<d>\d{2})"
    r"(?:(?:t|\s+)(?P<h>\d{2}):?(?P<mi>\d{2})(?::?(?P<s>\d{2})(?:[.,]\d+)?)?"
    r"(?:\s*(?P<z>z|utc|gmt|[+-]\d{2}(?::?\d{2})?))?)?)?(?![\d:])"
)
_ISO_BASIC = re.compile(
    r"(?<!\d)(?P<y>\d{4})(?P<mo>\d{2})(?P<d>\d{2})t(?P<h>\d{2})(?P<mi>\d{2})(?P<s>\d{2})?"
    r"(?P<z>z|[+-]\d{2}(?::?\d{2})?)?(?![\d])"
)


def read_iso(folded: str, ctx: Context) -> Reading | None:
    """ISO 8601 dates and times (extended or basic); a stated offset is kept, else local time."""
    found = _ISO.search(folded) or _ISO_BASIC.search(folded)
    if not found or int(found["y"]) < 1700:
        return None
    year, month = int(found["y"]), int(found["mo"])
    if year not in YEAR_RANGES[GREGORIAN]:
        return Rejected("iso8601", "unparseable")
    try:
        if found["d"] is None:
            if not 1 <= month <= 12:
                return Rejected("iso8601", "unparseable")
            return month_instant("iso8601", year, month, ctx.zone)
        day = date(year, month, int(found["d"]))
        if found["h"] is None:
            return date_instant("iso8601", day, clock_after(folded, found.end()), ctx.zone)
        precision = "second" if found["s"] else "minute"
        wall = datetime(
            year, month, day.day, int(found["h"]), int(found["mi"]), int(found["s"] or 0)
        )
    except ValueError:
        return Rejected("iso8601", "unparseable")
    zone = _offset(found["z"]) if found["z"] else None
    start = localise(wall, zone or ctx.zone)
    return Instant("iso8601", start, start + FIXED_UNITS[precision], precision, zone is not None)


# --- RFC 822 / RFC 2822 (feeds, HTTP) -------------------------------------------------------

_RFC822 = re.compile(
    r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s*)?"
    r"\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(?:\d{4}|\d{2})\s+"
    r"\d{1,2}:\d{2}(?P<s>:\d{2})?\s*(?P<z>z|ut|utc|gmt|[ecmp][sd]t|[+-]\d{4})?"
)


def read_rfc822(folded: str, ctx: Context) -> Reading | None:
    """RFC 822 stamps ("Fri, 27 Nov 2026 14:20:00 +0000") via email.utils; no zone = local."""
    found = _RFC822.fullmatch(folded)
    if not found:
        return None
    fields = email.utils.parsedate_tz(folded)
    if fields is None:
        return None
    if fields[0] not in YEAR_RANGES[GREGORIAN]:
        return Rejected("rfc822", "unparseable")
    try:
        wall = datetime(*fields[:6])
    except ValueError:
        return Rejected("rfc822", "unparseable")
    precision = "second" if found["s"] else "minute"
    zone: tzinfo = ctx.zone
    if found["z"]:
        zone = timezone(timedelta(seconds=fields[9] or 0))
    start = localise(wall, zone)
    return Instant("rfc822", start, start + FIXED_UNITS[precision], precision, bool(found["z"]))


# --- relative stamps: "11 hours ago", "۱۱ ساعت پیش", "منذ ٣ ساعات", "yesterday 14:20" --------

_EN_UNITS = _alternation(w for w in UNITS if w.isascii())
_EN_NUMBERS = _alternation(w for w in NUMBER_WORDS if w.isascii())
_EN_PAIR_RE = re.compile(rf"(?:(?P<n>\d+)\s*|(?P<w>{_EN_NUMBERS})\s+)(?P<u>{_EN_UNITS})\b")
_EN_PAIR = rf"(?:\d+\s*|(?:{_EN_NUMBERS})\s+)(?:{_EN_UNITS})\b"
_EN_AGO = re.compile(
    r"(?<![\w.,:/-])(?:(?:about|around|over|almost|nearly|some)\s+)?"
    rf"({_EN_PAIR}(?:\s*,?\s*(?:and\s+)?{_EN_PAIR})*)\s+ago\b"
)
_HALF_HOUR = re.compile(r"(?<!\w)half\s+an\s+hour\s+ago\b|(?<!\S)نیم\s*ساعت\s*(?:پیش|قبل)(?!\S)")
_AR_UNITS = _alternation(w for w in UNITS if not w.isascii())
_AR_NUMBERS = _alternation(w for w in NUMBER_WORDS if not w.isascii())
_AR_PAIR_RE = re.compile(rf"(?:(?P<n>\d+|{_AR_NUMBERS})\s*)?(?P<u>{_AR_UNITS})(?!{_LETTER})")
_AR_PAIR = rf"(?:(?:\d+|{_AR_NUMBERS})\s*)?(?:{_AR_UNITS})(?!{_LETTER})"
_AR_PAIRS = rf"{_AR_PAIR}(?:\s*(?:,|و)\s*{_AR_PAIR})*"
_AR_AGO = re.compile(
    rf"(?<!\S)(?:(?:منذ|قبل)\s+(?:(?:حوالی|نحو|اکثر من|اقل من|ما یقارب)\s+)?(?P<pre>{_AR_PAIRS})"
    rf"|(?P<post>{_AR_PAIRS})\s*(?:پیش|قبل))(?!{_LETTER})"
)
_SECONDS_IN = {"second": 1, "minute": 60, "hour": 3600, "day": 86400, "week": 604800}
_MONTHS_IN = {"month": 1, "year": 12}
_DAY_WORD = re.compile(rf"(?:(?:updated|posted|published)\s+)?({_alternation(DAY_WORDS)})")
_DAY_CLOCK = re.compile(rf"{_CLOCK_AFTER.pattern}\s*(?:uhr|h)?\.?")


def _combine(pairs: list[tuple[int, str]]) -> Ago | None:
    """One "ago" in the finest unit named: "2 hours, 5 minutes" -> 125 minutes."""
    units = {unit for _, unit in pairs}
    if len(pairs) == 1:
        count, unit = pairs[0]
        return Ago("relative", count, unit)
    table = _SECONDS_IN if units <= _SECONDS_IN.keys() else _MONTHS_IN
    if not units <= table.keys():
        return None
    finest = min(units, key=table.__getitem__)
    total = sum(count * table[unit] for count, unit in pairs)
    return Ago("relative", total // table[finest], finest)


def _english_pairs(span: str) -> list[tuple[int, str]]:
    pairs = []
    for pair in _EN_PAIR_RE.finditer(span):
        count = int(pair["n"]) if pair["n"] else NUMBER_WORDS[pair["w"]]
        pairs.append((count, UNITS[pair["u"]][0]))
    return pairs


def _arabic_script_pairs(span: str) -> list[tuple[int, str]] | None:
    pairs = []
    for pair in _AR_PAIR_RE.finditer(span):
        unit, implied = UNITS[pair["u"]]
        number = pair["n"]
        if number is None:
            if implied is None:
                return None
            count = implied
        else:
            count = int(number) if number.isdigit() else NUMBER_WORDS[number]
        pairs.append((count, unit))
    return pairs


def read_relative(folded: str, ctx: Context) -> Reading | None:
    """English, Persian and Arabic relative stamps; "today"/"yesterday" words in ten languages."""
    bare = folded.strip(" .!-,")
    if bare in JUST_NOW:
        return Ago("relative", 0, "minute")
    day_word = _DAY_WORD.match(bare)
    if day_word:
        days = DAY_WORDS[_key(day_word[1])]
        if not bare[day_word.end() :].strip(" ,."):
            return DaysBack("relative", days)
        with_clock = _DAY_CLOCK.fullmatch(bare, day_word.end())
        clock = _clock(with_clock) if with_clock else None
        if clock is not None:
            return DaysBack("relative", days, clock)
    if _HALF_HOUR.search(folded):
        return Ago("relative", 30, "minute")
    english = _EN_AGO.search(folded)
    if english:
        return _combine(_english_pairs(english[1]))
    arabic = _AR_AGO.search(folded)
    if arabic:
        pairs = _arabic_script_pairs(arabic["pre"] or arabic["post"])
        return _combine(pairs) if pairs else None
    return None


# --- dates with month names: English, Arabic, Persian; Gregorian, Jalali, Hijri -------------

_MONTH = rf"(?P<month>{_alternation(MONTHS)})"
_YEAR_MARK = r"(?:\s*(?:هـ|ه\.?\s?ق|ه\.?\s?ش|ه|ش|م|ad|ah)\.?(?!\w))?"
_DMY = re.compile(
    rf"(?<![\d.:/])(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\.?\s*(?:of\s+)?-?\s*{_NOT_LETTER_BEFORE}"
    rf"{_MONTH}\.?{_NOT_LETTER_AFTER}(?:\s*/\s*(?:{_alternation(MONTHS)}){_NOT_LETTER_AFTER})?"
    rf"(?:\s*,?\s*-?\s*(?P<year>\d{{4}})(?![\d:]){_YEAR_MARK})?"
)
_MDY = re.compile(
    rf"{_NOT_LETTER_BEFORE}{_MONTH}\.?\s*(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?![\d:])"
    rf"(?:\s*,?\s*(?P<year>\d{{4}})(?![\d:]))?"
)
_MY = re.compile(rf"{_NOT_LETTER_BEFORE}{_MONTH}\.?,?\s+(?P<year>\d{{4}})(?![\d:]){_YEAR_MARK}")

MISMATCH_RULE = "calendar-mismatch"
# Which part of a date written in two calendars wins when they disagree (arithmetic calendars
# first: a printed Hijri date may follow a local moon sighting).
_TRUSTED_CALENDARS = (GREGORIAN, JALALI, HIJRI)
# Between a date and its twin in another calendar: "-", "|", "/", "(", "الموافق", "برابر با".
_EQUIVALENT_WORDS = (
    "الموافق",
    "موافق",
    "الموافق ل",
    "برابر با",
    "برابر",
    "مطابق با",
    "مطابق",
    "corresponding to",
    "equivalent to",
    "i.e.",
)
_PAIR_LEAD = re.compile(
    rf"\s*(?:[-|/,(]\s*)?(?:(?:{_alternation(fold(w) for w in _EQUIVALENT_WORDS)})\s*:?\s*)?"
    rf"(?:ل\s*(?=\d))?(?:(?:{_WEEKDAY})\.?\s*,?\s*)?"
)


class _Day(NamedTuple):
    """A written date with a year: its rule, calendar and Gregorian day (None: no such day)."""

    rule: str
    calendar: str
    day: date | None


def _named_day(found: re.Match[str]) -> _Day:
    """The day a ``_DMY``/``_MDY`` match with a year names."""
    calendar, month = MONTHS[_key(found["month"])]
    rule = "month-name" if calendar == GREGORIAN else calendar
    return _Day(
        rule, calendar, to_gregorian(calendar, int(found["year"]), month, int(found["day"]))
    )


def _paired(text: str, pos: int, first: _Day, ctx: Context) -> tuple[_Day, int] | None:
    """The same day written again in another calendar right after ``pos``, and where it ends.

    "... هـ - الموافق ٣٠ أكتوبر ٢٠٢٦", "... برابر با ۲۸ نوامبر ۲۰۲۶", "... (1448/05/19 هـ)".
    """
    start = _PAIR_LEAD.match(text, pos)
    at = start.end() if start else pos
    other: _Day | Rejected | None = None
    found = _DMY.match(text, at) or _MDY.match(text, at)
    if found and found["year"]:
        other = _named_day(found)
    else:
        found = _NUMERIC.match(text, at)
        if found:
            other = _numeric_day(found, ctx)
    if found is None or not isinstance(other, _Day) or other.calendar == first.calendar:
        return None
    end = found.end()
    closing = re.match(r"\s*\)", text[end:])
    return other, end + (closing.end() if closing else 0)


def _settle(first: _Day, other: _Day | None) -> _Day:
    """One day from a date and its other-calendar twin (see the module docstring)."""
    if other is None or other.day is None:
        return first
    if first.day is None:
        return other
    if first.day == other.day:
        return first
    preferred = min(first, other, key=lambda d: _TRUSTED_CALENDARS.index(d.calendar))
    return _Day(MISMATCH_RULE, preferred.calendar, preferred.day)


def _with_year(first: _Day, found: re.Match[str], text: str, ctx: Context) -> Reading:
    """The reading of a dated match: its twin in another calendar, then a clock, considered."""
    pair = _paired(text, found.end(), first, ctx)
    settled = _settle(first, pair[0] if pair else None)
    if settled.day is None:
        return Rejected(settled.rule, "unparseable")
    clock = (
        (clock_after(text, pair[1]) if pair else None)
        or clock_after(text, found.end())
        or clock_before(text, found.start())
    )
    return date_instant(settled.rule, settled.day, clock, ctx.zone)


def _dated(rule: str, calendar: str, found: re.Match[str], text: str, ctx: Context) -> Reading:
    """The reading of a matched day/month[/year], with a clock written after or before it."""
    if found["year"] is not None:
        return _with_year(_named_day(found), found, text, ctx)
    month, day = MONTHS[_key(found["month"])][1], int(found["day"])
    if not 1 <= day <= 31:
        return Rejected(rule, "unparseable")
    clock = clock_after(text, found.end()) or clock_before(text, found.start())
    return MonthDay(rule, calendar, month, day, clock)


def read_month_name(folded: str, ctx: Context) -> Reading | None:
    """ "27 November 2026", "Nov 27, 2026 3:15 PM", "۷ آذر ۱۴۰۵ - ۱۴:۲۰", "٧ جمادى الآخرة ١٤٤٨ هـ"."""
    for pattern in (_DMY, _MDY):
        found = pattern.search(folded)
        if found:
            calendar = MONTHS[_key(found["month"])][0]
            rule = "month-name" if calendar == GREGORIAN else calendar
            return _dated(rule, calendar, found, folded, ctx)
    found = _MY.search(folded)
    if found:
        calendar, month = MONTHS[_key(found["month"])]
        return _month_instant(calendar, int(found["year"]), month, ctx.zone)
    return None


def _month_instant(calendar: str, year: int, month: int, zone: tzinfo) -> Reading:
    """A whole month of ``calendar`` ("November 2026", "آذر ۱۴۰۵") as a month-precision instant."""
    rule = "month-name" if calendar == GREGORIAN else calendar
    if calendar == GREGORIAN and year in YEAR_RANGES[GREGORIAN]:
        return month_instant(rule, year, month, zone)
    first = to_gregorian(calendar, year, month, 1)
    after = to_gregorian(calendar, year + month // 12, month % 12 + 1, 1)
    if first is None or after is None:
        return Rejected(rule, "unparseable")
    return Instant(
        rule, day_instant(rule, first, zone).start, day_instant(rule, after, zone).start, "month"
    )


# --- numeric dates: 27/11/2026, 11.27.2026, 1405/09/07 (Jalali), 27.11. ----------------------

_NUMERIC = re.compile(
    r"(?<![\d.:/-])(?P<a>\d{1,4})(?P<sep>[/.\-])(?P<b>\d{1,2})(?P=sep)(?P<c>\d{4}|\d{2})(?![\d/])"
    r"(?P<mark>\s*(?:هـ|ه\.?\s?ق|ه\.?\s?ش|ه|ش|ah)\.?(?!\w))?"
)
_NUMERIC_YEARLESS = re.compile(r"(?<![\d.:/-])(?P<a>\d{1,2})\.(?P<b>\d{1,2})\.(?![\d.])")


def _calendar_for(mark: str | None, ctx: Context) -> str:
    """Jalali or Hijri for a numeric date with a year below 1700, from its mark or languages.

    "ه.ش"/"ش" (solar hijri) mark Jalali; "ه.ق", "ه" (after tatweel is dropped: "هـ") and "AH"
    mark Hijri. Unmarked dates are Jalali unless the source writes Arabic and not Persian.
    """
    mark = re.sub(r"[\s.]", "", mark or "")
    if mark in ("هش", "ش"):
        return JALALI
    if mark in ("هق", "ه", "ah"):
        return HIJRI
    languages = ctx.languages or ()
    return HIJRI if "ar" in languages and "fa" not in languages else JALALI


def _day_month(first: int, second: int, order: str | None) -> tuple[int, int] | str:
    """(day, month) of two leading numbers, or a reason code when the order cannot be told."""
    if order in ("DMY", "MDY"):
        day, month = (first, second) if order == "DMY" else (second, first)
        return (day, month) if 1 <= month <= 12 else "order-mismatch"
    readings = {
        (day, month)
        for day, month in ((first, second), (second, first))
        if 1 <= month <= 12 and 1 <= day <= 31
    }
    if len(readings) == 1:
        return readings.pop()
    return "ambiguous-order" if readings else "unparseable"


def _year_of_two_digits(two: int) -> int:
    return 2000 + two if two < 70 else 1900 + two


def read_numeric(folded: str, ctx: Context) -> Reading | None:
    """All-number dates; an ambiguous day/month order needs the source's ``date_order``."""
    found = _NUMERIC.search(folded)
    if found:
        return _numeric_date(found, folded, ctx)
    yearless = _NUMERIC_YEARLESS.search(folded)
    if yearless:
        day, month = int(yearless["a"]), int(yearless["b"])
        if not (1 <= month <= 12 and 1 <= day <= 31):
            return Rejected("numeric", "unparseable")
        return MonthDay("numeric", GREGORIAN, month, day, clock_after(folded, yearless.end()))
    return None


def _numeric_day(found: re.Match[str], ctx: Context) -> _Day | Rejected:
    """The day an all-number date names, or why it names none."""
    a, b, c = found["a"], int(found["b"]), found["c"]
    order = ctx.date_order
    if len(a) == 4 or (order == "YMD" and len(c) == 2):
        year = int(a) if len(a) == 4 else _year_of_two_digits(int(a))
        if len(a) == 4 and len(c) == 4:
            return Rejected("numeric", "unparseable")
        month, day = b, int(c)
    elif len(c) == 4:
        year = int(c)
        if year < 1700:  # Jalali and Hijri pages write day/month/year
            parsed: tuple[int, int] | str = (int(a), b)
        else:
            parsed = _day_month(int(a), b, None if order == "YMD" else order)
        if isinstance(parsed, str):
            return Rejected("numeric", parsed)
        day, month = parsed
    else:
        if order not in ("DMY", "MDY"):
            return Rejected("numeric", "ambiguous-order")
        parsed = _day_month(int(a), b, order)
        if isinstance(parsed, str):
            return Rejected("numeric", parsed)
        (day, month), year = parsed, _year_of_two_digits(int(c))
    calendar = GREGORIAN if year >= 1700 else _calendar_for(found["mark"], ctx)
    rule = "numeric" if calendar == GREGORIAN else calendar
    return _Day(rule, calendar, to_gregorian(calendar, year, month, day))


def _numeric_date(found: re.Match[str], text: str, ctx: Context) -> Reading:
    first = _numeric_day(found, ctx)
    if isinstance(first, Rejected):
        return first
    return _with_year(first, found, text, ctx)


# --- a clock alone, a weekday alone, a month alone ------------------------------------------

_MONTH_ONLY = re.compile(rf"(?:{_alternation(MONTHS)})\.?")
_WEEKDAY_ONLY = re.compile(rf"(?:{_WEEKDAY})\.?")


def read_time_only(folded: str, ctx: Context) -> Reading | None:
    """ "14:20", "at 3:15 pm", "ساعت ۱۴:۲۰": only a listing page may give a time alone."""
    found = _TIME_ONLY.fullmatch(folded)
    if not found:
        return None
    clock = _clock(found)
    return TimeOfDay("time-only", clock) if clock else None


def clock_only(text: str) -> bool:
    """True when raw ``text`` is a clock time alone: "14:20", "٠٦:١٤ م", "at 3 pm", "ساعت ۱۴:۲۰".

    A bare number ("12") or a date is not a clock.
    """
    found = _TIME_ONLY.fullmatch(fold(text))
    return found is not None and _clock(found) is not None


def read_vague(folded: str, ctx: Context) -> Reading | None:
    """A weekday alone ("Friday") or a month alone ("November") names no date."""
    bare = folded.strip(" ,.")
    if _WEEKDAY_ONLY.fullmatch(bare):
        return Rejected("none", "weekday-only")
    if _MONTH_ONLY.fullmatch(bare):
        return Rejected("none", "too-vague")
    return None


FAST_PARSERS: tuple[Callable[[str, Context], Reading | None], ...] = (
    read_digits,
    read_iso,
    read_rfc822,
    read_relative,
    read_month_name,
    read_numeric,
    read_time_only,
    read_vague,
)
