"""Calendars and month names: Gregorian (English, Arabic, Persian names), Jalali and Hijri.

Jalali dates are converted with jdatetime and Hijri dates with hijridate (Umm al-Qura), directly:
dateparser's Jalali calendar costs about 30 ms a string, these cost a few microseconds.
"""

from __future__ import annotations

from datetime import date

import jdatetime
from hijridate import Gregorian, Hijri

from wirecrawl.dates.text import fold

GREGORIAN, JALALI, HIJRI = "gregorian", "jalali", "hijri"

_ENGLISH = (
    ("january", "jan"),
    ("february", "feb"),
    ("march", "mar"),
    ("april", "apr"),
    ("may",),
    ("june", "jun"),
    ("july", "jul"),
    ("august", "aug"),
    ("september", "sept", "sep"),
    ("october", "oct"),
    ("november", "nov"),
    ("december", "dec"),
)
# Egyptian/Gulf, Levantine, Maghrebi and Persian spellings of the Gregorian months.
_ARABIC_SCRIPT_GREGORIAN = (
    ("يناير", "كانون الثاني", "جانفي", "ژانویه"),
    ("فبراير", "شباط", "فيفري", "فوریه"),
    ("مارس", "آذار"),
    ("أبريل", "ابريل", "إبريل", "نيسان", "أفريل", "آوریل"),
    ("مايو", "أيار", "ماي", "مه", "می"),
    ("يونيو", "يونيه", "حزيران", "جوان", "يونيوز", "ژوئن"),
    ("يوليو", "يوليه", "تموز", "جويلية", "يوليوز", "ژوئیه", "جولای"),
    ("أغسطس", "آب", "أوت", "غشت", "اوت", "آگوست"),
    ("سبتمبر", "أيلول", "شتنبر", "سپتامبر"),
    ("أكتوبر", "تشرين الأول", "اکتبر"),
    ("نوفمبر", "تشرين الثاني", "نونبر", "نوامبر"),
    ("ديسمبر", "كانون الأول", "دجنبر", "دسامبر"),
)
_JALALI = (
    ("فروردین",),
    ("اردیبهشت",),
    ("خرداد",),
    ("تیر",),
    ("مرداد", "امرداد"),
    ("شهریور",),
    ("مهر",),
    ("آبان",),
    ("آذر",),
    ("دی",),
    ("بهمن",),
    ("اسفند",),
)
_HIJRI = (
    ("محرم", "المحرم"),
    ("صفر",),
    ("ربيع الأول", "ربيع الاول", "ربيع أول"),
    ("ربيع الآخر", "ربيع الثاني", "ربيع ثاني", "ربيع الآخرة"),
    ("جمادى الأولى", "جمادى الأول", "جمادى الاولى"),
    ("جمادى الآخرة", "جمادى الثانية", "جمادى الآخر", "جمادى الثاني"),
    ("رجب",),
    ("شعبان",),
    ("رمضان",),
    ("شوال",),
    ("ذو القعدة", "ذي القعدة"),
    ("ذو الحجة", "ذي الحجة"),
)


def _table(calendar: str, names: tuple[tuple[str, ...], ...]) -> dict[str, tuple[str, int]]:
    return {fold(name): (calendar, number) for number, row in enumerate(names, 1) for name in row}


# folded month name -> (calendar, month number)
MONTHS: dict[str, tuple[str, int]] = {
    **_table(GREGORIAN, _ENGLISH),
    **_table(GREGORIAN, _ARABIC_SCRIPT_GREGORIAN),
    **_table(JALALI, _JALALI),
    **_table(HIJRI, _HIJRI),
}

# Years each calendar's numbers can take in a news date (hijridate covers 1343-1500 AH).
YEAR_RANGES = {GREGORIAN: range(1700, 2200), JALALI: range(1200, 1700), HIJRI: range(1343, 1501)}


def to_gregorian(calendar: str, year: int, month: int, day: int) -> date | None:
    """The Gregorian date of a day in ``calendar``; None when the day does not exist."""
    if year not in YEAR_RANGES[calendar]:
        return None
    try:
        if calendar == JALALI:
            converted: date = jdatetime.date(year, month, day).togregorian()
            return converted
        if calendar == HIJRI:
            return date(*Hijri(year, month, day).to_gregorian().datetuple())
        return date(year, month, day)
    except (ValueError, OverflowError):
        return None


def calendar_year(calendar: str, day: date) -> int:
    """The year of Gregorian ``day`` in ``calendar``."""
    if calendar == JALALI:
        year: int = jdatetime.date.fromgregorian(date=day).year
        return year
    if calendar == HIJRI:
        return int(Gregorian(day.year, day.month, day.day).to_hijri().year)
    return day.year
