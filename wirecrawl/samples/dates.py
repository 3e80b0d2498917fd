"""Date and relative-time wording for the sample sites, in the calendars and digits each one uses."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from zoneinfo import ZoneInfo

import jdatetime
from hijridate import Gregorian

PERSIAN_DIGITS = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")
ARABIC_INDIC_DIGITS = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")

EN_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
EN_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
FA_WEEKDAYS = ("دوشنبه", "سه‌شنبه", "چهارشنبه", "پنجشنبه", "جمعه", "شنبه", "یکشنبه")
AR_WEEKDAYS = ("الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد")
AR_MONTHS = (
    "يناير",
    "فبراير",
    "مارس",
    "أبريل",
    "مايو",
    "يونيو",
    "يوليو",
    "أغسطس",
    "سبتمبر",
    "أكتوبر",
    "نوفمبر",
    "ديسمبر",
)
FA_MONTHS = tuple(jdatetime.date.j_months_fa)
HIJRI_MONTHS = (
    "محرم",
    "صفر",
    "ربيع الأول",
    "ربيع الثاني",
    "جمادى الأولى",
    "جمادى الآخرة",
    "رجب",
    "شعبان",
    "رمضان",
    "شوال",
    "ذو القعدة",
    "ذو الحجة",
)


def persian_digits(text: str) -> str:
    """Write ASCII digits as Persian digits (۰-۹); other characters are kept."""
    return text.translate(PERSIAN_DIGITS)


def arabic_digits(text: str) -> str:
    """Write ASCII digits as Arabic-Indic digits (٠-٩); other characters are kept."""
    return text.translate(ARABIC_INDIC_DIGITS)


def local(instant: datetime, tz: str) -> datetime:
    """The wall-clock time of an aware instant in the IANA zone `tz` (DST handled by zoneinfo)."""
    return instant.astimezone(ZoneInfo(tz))


def iso(instant: datetime) -> str:
    """ISO 8601 with a numeric offset, seconds included: 2026-11-27T09:14:00+00:00."""
    return instant.isoformat(timespec="seconds")


def iso_z(instant: datetime) -> str:
    """ISO 8601 in UTC with a Z suffix, as Atom feeds write it."""
    return instant.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def rfc822(instant: datetime) -> str:
    """RFC 822 date keeping the instant's own offset, e.g. 'Sat, 28 Nov 2026 14:20:00 +0330'."""
    return format_datetime(instant)


def http_date(instant: datetime) -> str:
    """HTTP-date (always GMT) for Date and Last-Modified headers."""
    return format_datetime(instant.astimezone(UTC), usegmt=True)


def _hour12(wall: datetime) -> tuple[int, str]:
    hour = wall.hour % 12 or 12
    return hour, "am" if wall.hour < 12 else "pm"


def wordpress_date(wall: datetime) -> str:
    """New-theme byline date without offset: 'November 27, 2026 at 3:14 pm'."""
    hour, half = _hour12(wall)
    return f"{EN_MONTHS[wall.month - 1]} {wall.day}, {wall.year} at {hour}:{wall.minute:02d} {half}"


def old_theme_date(wall: datetime) -> str:
    """Old-theme byline date without offset: 'Nov 27, 2026 - 3:14 PM'."""
    hour, half = _hour12(wall)
    month = EN_MONTHS[wall.month - 1][:3]
    return f"{month} {wall.day}, {wall.year} - {hour}:{wall.minute:02d} {half.upper()}"


def long_en_date(wall: datetime) -> str:
    """Header date line: 'Saturday, November 28, 2026'."""
    month = EN_MONTHS[wall.month - 1]
    return f"{EN_WEEKDAYS[wall.weekday()]}, {month} {wall.day}, {wall.year}"


def agency_date(instant: datetime) -> str:
    """Meridian's visible stamp in UTC: '27 November 2026, 09:14 UTC'."""
    wall = instant.astimezone(UTC)
    return f"{wall.day} {EN_MONTHS[wall.month - 1]} {wall.year}, {wall:%H:%M} UTC"


def agency_short_date(instant: datetime) -> str:
    """Meridian's listing stamp in UTC: '27 Nov 2026, 09:14'."""
    wall = instant.astimezone(UTC)
    return f"{wall.day} {EN_MONTHS[wall.month - 1][:3]} {wall.year}, {wall:%H:%M}"


def jalali_date(wall: datetime) -> str:
    """Sahar's stamp in Persian digits, from Tehran wall-clock time: '۷ آذر ۱۴۰۵ - ۱۴:۲۰'."""
    j = jdatetime.datetime.fromgregorian(datetime=wall.replace(tzinfo=None))
    text = f"{j.day} {FA_MONTHS[j.month - 1]} {j.year} - {wall:%H:%M}"
    return persian_digits(text)


def jalali_day(wall: datetime) -> str:
    """Header date line on Sahar: weekday and Jalali date in Persian digits."""
    j = jdatetime.date.fromgregorian(date=wall.date())
    text = f"{FA_WEEKDAYS[wall.weekday()]} {j.day} {FA_MONTHS[j.month - 1]} {j.year}"
    return persian_digits(text)


def hijri_date(wall: datetime, *, indic: bool = True) -> str:
    """Umm al-Qura date of the civil day: 'الجمعة ١٧ جمادى الآخرة ١٤٤٨ هـ' (ASCII digits if not indic)."""
    h = Gregorian(wall.year, wall.month, wall.day).to_hijri()
    text = f"{AR_WEEKDAYS[wall.weekday()]} {h.day} {HIJRI_MONTHS[h.month - 1]} {h.year} هـ"
    return arabic_digits(text) if indic else text


def arabic_gregorian_date(wall: datetime, *, indic: bool = True) -> str:
    """Gregorian date with Arabic month names: '٢٧ نوفمبر ٢٠٢٦'."""
    text = f"{wall.day} {AR_MONTHS[wall.month - 1]} {wall.year}"
    return arabic_digits(text) if indic else text


def arabic_time(wall: datetime, *, indic: bool = True) -> str:
    """Twelve-hour clock with ص (morning) or م (afternoon): '٠٢:٢٠ م'."""
    hour = wall.hour % 12 or 12
    text = f"{hour:02d}:{wall.minute:02d} {'ص' if wall.hour < 12 else 'م'}"
    return arabic_digits(text) if indic else text


def _parts(delta: timedelta) -> tuple[str, int]:
    minutes = int(delta.total_seconds() // 60)
    if minutes < 1:
        return "now", 0
    if minutes < 60:
        return "minute", minutes
    if minutes < 24 * 60:
        return "hour", minutes // 60
    return "day", minutes // (24 * 60)


def relative_en(delta: timedelta) -> str:
    """'45 minutes ago', '1 hour ago', '2 days ago'; floors; 'just now' under a minute or negative."""
    unit, n = _parts(delta)
    if unit == "now":
        return "just now"
    return f"{n} {unit}{'' if n == 1 else 's'} ago"


_FA_UNITS = {"minute": "دقیقه", "hour": "ساعت", "day": "روز"}


def relative_fa(delta: timedelta) -> str:
    """'۴۵ دقیقه پیش', '۱۱ ساعت پیش', '۲ روز پیش'; floors; 'لحظاتی پیش' under a minute."""
    unit, n = _parts(delta)
    if unit == "now":
        return "لحظاتی پیش"
    return persian_digits(f"{n} {_FA_UNITS[unit]} پیش")


# Arabic counts: 1 singular, 2 dual, 3-10 plural, 11 and above singular accusative.
_AR_FORMS = {
    "minute": ("دقيقة", "دقيقتين", "دقائق", "دقيقة"),
    "hour": ("ساعة", "ساعتين", "ساعات", "ساعة"),
    "day": ("يوم", "يومين", "أيام", "يومًا"),
}


def relative_ar(delta: timedelta, *, indic: bool = True) -> str:
    """'منذ ساعة', 'منذ ساعتين', 'منذ ٣ ساعات', 'منذ ١١ ساعة'; floors; 'الآن' under a minute.

    With `indic=False` the count keeps ASCII digits (for the windows-1256 page).
    """
    unit, n = _parts(delta)
    if unit == "now":
        return "الآن"
    one, two, few, many = _AR_FORMS[unit]
    if n == 1:
        return f"منذ {one}"
    if n == 2:
        return f"منذ {two}"
    noun = few if n <= 10 else many
    return f"منذ {arabic_digits(str(n)) if indic else n} {noun}"


RELATIVE = {"en": relative_en, "fa": relative_fa, "ar": relative_ar}


def jalali_year(wall: datetime) -> int:
    """Jalali (Solar Hijri) year of a wall-clock date."""
    return int(jdatetime.date.fromgregorian(date=wall.date()).year)


def hijri_year(wall: datetime) -> int:
    """Umm al-Qura Hijri year of a wall-clock date."""
    return int(Gregorian(wall.year, wall.month, wall.day).to_hijri().year)
