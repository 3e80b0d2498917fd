"""Word tables for the fast parsers: zones, weekdays, day words, relative units and numbers.

Every key is stored folded (``text.fold``), the form the fast parsers match against.
"""

from __future__ import annotations

from datetime import UTC, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo

from wirecrawl.dates.text import fold


def _fixed(hours: float) -> tzinfo:
    return timezone(timedelta(hours=hours))


# Zone names after a clock time. Abbreviations that name several zones (IST, AST, GST) are left
# out: such a stamp is read in the source's own zone.
ZONES: dict[str, tzinfo] = {
    "z": UTC,
    "utc": UTC,
    "gmt": UTC,
    "ut": UTC,
    "est": _fixed(-5),
    "edt": _fixed(-4),
    "cst": _fixed(-6),
    "cdt": _fixed(-5),
    "mst": _fixed(-7),
    "mdt": _fixed(-6),
    "pst": _fixed(-8),
    "pdt": _fixed(-7),
    "et": ZoneInfo("America/New_York"),
    "ct": ZoneInfo("America/Chicago"),
    "mt": ZoneInfo("America/Denver"),
    "pt": ZoneInfo("America/Los_Angeles"),
    "bst": _fixed(1),
    "wet": _fixed(0),
    "west": _fixed(1),
    "cet": _fixed(1),
    "cest": _fixed(2),
    "eet": _fixed(2),
    "eest": _fixed(3),
    "msk": _fixed(3),
    "trt": _fixed(3),
    "eat": _fixed(3),
    "cat": _fixed(2),
    "wat": _fixed(1),
    "sast": _fixed(2),
    "irst": _fixed(3.5),
    "irdt": _fixed(4.5),
    "pkt": _fixed(5),
    "wib": _fixed(7),
    "sgt": _fixed(8),
    "hkt": _fixed(8),
    "jst": _fixed(9),
    "kst": _fixed(9),
    "aest": _fixed(10),
    "aedt": _fixed(11),
    fold("بتوقيت غرينتش"): UTC,
    fold("بتوقيت جرينتش"): UTC,
    fold("بتوقيت مكة"): ZoneInfo("Asia/Riyadh"),
    fold("به وقت تهران"): ZoneInfo("Asia/Tehran"),
}


def _listed(*groups: str) -> list[str]:
    """Words from comma-separated groups (a word may hold spaces: "سه شنبه")."""
    return [word.strip() for group in groups for word in group.split(",")]


_WEEKDAYS = _listed(
    "monday, mon, tuesday, tue, tues, wednesday, wed, thursday, thu, thur, thurs, friday, fri",
    "saturday, sat, sunday, sun",
    "montag, dienstag, mittwoch, donnerstag, freitag, samstag, sonnabend, sonntag",
    "lundi, mardi, mercredi, jeudi, vendredi, samedi, dimanche",
    "lunes, martes, miércoles, miercoles, jueves, viernes, sábado, sabado, domingo",
    "pazartesi, salı, çarşamba, perşembe, cuma, cumartesi, pazar",
    "понедельник, вторник, среда, четверг, пятница, суббота, воскресенье",
    "شنبه, یکشنبه, یک شنبه, دوشنبه, دو شنبه, سه شنبه, سهشنبه, چهارشنبه, چهار شنبه, پنجشنبه",
    "پنج شنبه, جمعه",
    "السبت, الأحد, الاثنين, الإثنين, الثلاثاء, الأربعاء, الخميس, الجمعة",
)
WEEKDAYS = frozenset(fold(w) for w in _WEEKDAYS)

# "today", "yesterday", "the day before yesterday" -> days back from the fetch day.
DAY_WORDS: dict[str, int] = {
    fold(word): days
    for days, words in (
        (
            0,
            (
                "today",
                "heute",
                "aujourd'hui",
                "hoy",
                "hoje",
                "oggi",
                "bugün",
                "сегодня",
                "امروز",
                "اليوم",
            ),
        ),
        (
            1,
            (
                "yesterday",
                "gestern",
                "hier",
                "ayer",
                "ontem",
                "ieri",
                "dün",
                "вчера",
                "دیروز",
                "أمس",
                "امس",
                "البارحة",
            ),
        ),
        (
            2,
            (
                "the day before yesterday",
                "day before yesterday",
                "vorgestern",
                "avant-hier",
                "anteayer",
                "antier",
                "anteontem",
                "l'altro ieri",
                "позавчера",
                "پریروز",
                "أول أمس",
                "أول امس",
                "اول امس",
            ),
        ),
    )
    for word in words
}

# Words that introduce the clock after a day word or a date: "at", "um", "à", "ساعت", "الساعة".
CLOCK_LEADS = tuple(
    fold(w) for w in ("at", "um", "à", "a las", "às", "alle", "saat", "в", "ساعت", "الساعة")
)

# Relative-time units: folded word -> (unit, count it implies, or None when a number is needed).
UNITS: dict[str, tuple[str, int | None]] = {}
for _unit, _words in (
    ("second", "s sec secs second seconds"),
    ("minute", "m min mins minute minutes"),
    ("hour", "h hr hrs hour hours"),
    ("day", "d day days"),
    ("week", "w wk wks week weeks"),
    ("month", "mo mos month months"),
    ("year", "y yr yrs year years"),
):
    for _word in _words.split():
        UNITS[_word] = (_unit, None)
for _unit, _singular, _plurals, _duals in (
    ("second", "ثانیه ثانية", "ثوان ثواني ثوانٍ", "ثانيتين"),
    ("minute", "دقیقه دقيقة", "دقائق", "دقيقتين"),
    ("hour", "ساعت ساعة", "ساعات", "ساعتين"),
    ("day", "روز يوم", "أيام ايام", "يومين"),
    ("week", "هفته أسبوع اسبوع", "أسابيع اسابيع", "أسبوعين اسبوعين"),
    ("month", "ماه شهر", "أشهر اشهر شهور", "شهرين"),
    ("year", "سال سنة عام", "سنوات سنين أعوام اعوام", "سنتين عامين"),
):
    for _word in _singular.split():
        UNITS[fold(_word)] = (_unit, 1)
    for _word in _plurals.split():
        UNITS[fold(_word)] = (_unit, None)
    for _word in _duals.split():
        UNITS[fold(_word)] = (_unit, 2)

NUMBER_WORDS: dict[str, int] = {
    fold(word): number
    for number, words in enumerate(
        (
            "a an one یک یه واحد",
            "two دو اثنين اثنتين",
            "three سه ثلاث ثلاثة",
            "four چهار أربع اربع أربعة اربعة",
            "five پنج خمس خمسة",
            "six شش ست ستة",
            "seven هفت سبع سبعة",
            "eight هشت ثماني ثمانية",
            "nine نه تسع تسعة",
            "ten ده عشر عشرة",
            "eleven",
            "twelve",
        ),
        1,
    )
    for word in words.split()
}

# "just now" in English, Persian and Arabic.
JUST_NOW = frozenset(
    fold(p)
    for p in (
        "just now",
        "right now",
        "now",
        "moments ago",
        "a moment ago",
        "seconds ago",
        "a few seconds ago",
        "less than a minute ago",
        "همین الان",
        "هم اکنون",
        "هماکنون",
        "لحظاتی پیش",
        "لحظاتی قبل",
        "اکنون",
        "الآن",
        "منذ لحظات",
        "قبل لحظات",
        "منذ ثوان",
    )
)
