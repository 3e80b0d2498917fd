"""The dateparser path, for what the fast parsers do not know (other languages, odd layouts).

Every setting is explicit. The fetch time goes in as RELATIVE_BASE in the naive wall-clock time
of the source's zone: an aware RELATIVE_BASE makes time-only strings return None (dateparser
issue 1213). ``try_previous_locales`` is off, so a result never depends on earlier calls.

STRICT_PARSING (day, month and year all written) is on only when surrounding words are
ignored, so that "Page 3 of 12" is not read as 12 March; otherwise the parts dateparser reports
decide the precision and what is too vague.

Relative strings are told from absolute ones by running dateparser's relative-time parser
alone first (only when the text holds no four-digit number); its result becomes a count of
units, so it resolves exactly like our own "N units ago".
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any

from wirecrawl.dates.calendars import GREGORIAN
from wirecrawl.dates.fast import Context, clock_precision
from wirecrawl.dates.readings import (
    FIXED_UNITS,
    Ago,
    Clock,
    Instant,
    MonthDay,
    Reading,
    Rejected,
    TimeOfDay,
    day_instant,
    month_instant,
)
from wirecrawl.dates.words import WEEKDAYS

RULE = "dateparser"
RELATIVE_RULE = "dateparser-relative"
_FOUR_DIGITS = re.compile(r"\d{4}")
_CLOCK_TOKEN = re.compile(r"\d{1,2}(?:[:h.]\d{2}){1,2}|\d{1,2}\s*(?:am|pm|uhr|h)\b")
_HAS_CLOCK = re.compile(r"\d[:h.]\d\d(?!\d)|\d\s*(?:am|pm|uhr)\b")
_SECONDS_PER = (("hour", 3600), ("minute", 60))


def settings(fetched: datetime, ctx: Context, parsers: list[str], **extra: Any) -> dict[str, Any]:
    """Every dateparser setting wirecrawl relies on, for one fetch time and source."""
    chosen: dict[str, Any] = {
        "RELATIVE_BASE": fetched.astimezone(ctx.zone).replace(tzinfo=None),
        "TIMEZONE": ctx.zone.key,
        "TO_TIMEZONE": "UTC",
        "RETURN_AS_TIMEZONE_AWARE": True,
        "PREFER_DATES_FROM": "past",
        "PREFER_DAY_OF_MONTH": "first",
        "PREFER_MONTH_OF_YEAR": "first",
        "RETURN_TIME_AS_PERIOD": True,
        "STRICT_PARSING": False,
        "REQUIRE_PARTS": [],
        "PARSERS": parsers,
        "NORMALIZE": True,
        "PREFER_LOCALE_DATE_ORDER": ctx.date_order is None,
        **extra,
    }
    if ctx.date_order is not None:
        chosen["DATE_ORDER"] = ctx.date_order
    return chosen


def _date_data(text: str, fetched: datetime, ctx: Context, parsers: list[str], **extra: Any) -> Any:
    from dateparser.date import DateDataParser

    parser = DateDataParser(
        languages=list(ctx.languages) if ctx.languages else None,
        try_previous_locales=False,
        settings=settings(fetched, ctx, parsers, **extra),
    )
    return parser.get_date_data(text)


def read_with_dateparser(text: str, folded: str, fetched: datetime, ctx: Context) -> Reading:
    """A reading of ``text`` by dateparser; ``folded`` is the same text folded for our checks."""
    if not _FOUR_DIGITS.search(folded):
        data = _date_data(text, fetched, ctx, ["relative-time"])
        if data.date_obj is not None:
            return _relative(data, folded, fetched, ctx)
    data = _date_data(text, fetched, ctx, ["absolute-time"])
    if data.date_obj is None:  # "Von Max Muster, 27. Oktober 2026": a full date among words
        data = _date_data(
            text, fetched, ctx, ["absolute-time"], IGNORE_SURROUNDING_TEXT=True, STRICT_PARSING=True
        )
        if data.date_obj is None:
            return Rejected(RULE, "unparseable")
    return _absolute(data, folded, ctx)


def _relative(data: Any, folded: str, fetched: datetime, ctx: Context) -> Reading:
    """A relative result as a count of units ("vor 2 Stunden" -> 2 hours ago)."""
    found: datetime = data.date_obj.astimezone(UTC)
    if found > fetched + FIXED_UNITS["second"]:
        return Rejected(RELATIVE_RULE, "future")
    if _HAS_CLOCK.search(folded):  # "vorgestern 14:20": a day counted back, then a clock
        precision = clock_precision(folded)
        return Instant(RELATIVE_RULE, found, found + FIXED_UNITS[precision], precision)
    base, then = fetched.astimezone(ctx.zone), found.astimezone(ctx.zone)
    if data.period in ("month", "year"):
        months = (base.year - then.year) * 12 + base.month - then.month
        if data.period == "year" and months % 12 == 0:
            return Ago(RELATIVE_RULE, months // 12, "year")
        return Ago(RELATIVE_RULE, months, "month")
    if data.period in ("day", "week"):
        days = (base.date() - then.date()).days
        if data.period == "week" and days % 7 == 0:
            return Ago(RELATIVE_RULE, days // 7, "week")
        return Ago(RELATIVE_RULE, days, "day")
    seconds = round((fetched - found).total_seconds())
    for unit, size in _SECONDS_PER:
        if seconds % size == 0:
            return Ago(RELATIVE_RULE, seconds // size, unit)
    return Ago(RELATIVE_RULE, seconds, "second")


def _absolute(data: Any, folded: str, ctx: Context) -> Reading:
    """An absolute result as an instant, a yearless date, or a rejection for a vague one."""
    parts = set(data.parts)
    found: datetime = data.date_obj.astimezone(UTC)
    local = found.astimezone(ctx.zone)
    clock = None
    if "time" in parts:
        precision = clock_precision(folded)
        clock = Clock(local.hour, local.minute, local.second, precision)
    if not re.search(r"\d", _CLOCK_TOKEN.sub(" ", folded)):  # no date written: words, a clock
        if not re.search(r"\d", folded):
            return Rejected(RULE, "too-vague" if parts <= {"month", "year"} else "weekday-only")
        if clock is None:
            return Rejected(RULE, "too-vague")
        if not any(word in WEEKDAYS for word in re.findall(r"[^\W\d_]+", folded)):
            return TimeOfDay(RULE, clock)
        return Instant(RULE, found, found + FIXED_UNITS[clock.precision], clock.precision)
    if "day" not in parts:
        if parts >= {"year", "month"}:
            return month_instant(RULE, local.year, local.month, ctx.zone)
        return Rejected(RULE, "too-vague")
    if "year" not in parts:
        return MonthDay(RULE, GREGORIAN, local.month, local.day, clock)
    if clock is None:
        return day_instant(RULE, local.date(), ctx.zone)
    return Instant(RULE, found, found + FIXED_UNITS[clock.precision], clock.precision)
