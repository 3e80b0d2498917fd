"""Date normalisation: table-driven cases in many languages and calendars, windows, the choice
rule, fetch time, the cache, host-timezone independence, properties, and ``parse-date``.

Every Jalali and Hijri expectation is tied to its calendar date and checked against jdatetime
and hijridate in ``test_calendar_expectations_match_the_libraries``.
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import jdatetime
import pytest
from click.testing import CliRunner
from hijridate import Hijri
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wirecrawl.dates import (
    PRECISIONS,
    DateCandidate,
    DateNormaliser,
    DateResult,
    choose_date,
    clock_only,
    fetch_time,
    parse_date,
    renormalise_rows,
)
from wirecrawl.dates.text import clean, fold

F = datetime(2026, 11, 28, 12, 0, tzinfo=UTC)  # a Saturday
FETCHED = F.isoformat()
REASONS = {
    "empty",
    "too-long",
    "unparseable",
    "bare-number",
    "weekday-only",
    "too-vague",
    "ambiguous-order",
    "order-mismatch",
    "future",
    "before-1990",
}


@dataclass(frozen=True)
class Case:
    text: str
    at: str | None  # expected published_at in UTC, None when rejected
    outcome: str  # precision when parsed, reason when rejected
    tz: str = "UTC"
    lang: tuple[str, ...] | None = None
    order: str | None = None
    rule: str | None = None
    cal: tuple[str, int, int, int] | None = None  # the calendar date the text names
    listing: bool = False

    def parse(self, normaliser: DateNormaliser | None = None) -> DateResult:
        parse = normaliser.parse if normaliser else parse_date
        return parse(
            self.text,
            F,
            timezone=self.tz,
            languages=self.lang,
            date_order=self.order,
            allow_time_only=self.listing,
        )


def ok(text: str, at: str, precision: str, tz: str = "UTC", **kw: object) -> object:
    lang = kw.pop("lang", None)
    lang = (lang,) if isinstance(lang, str) else lang
    case = Case(text, at, precision, tz, lang, **kw)  # type: ignore[arg-type]
    return pytest.param(case, id=f"{tz}|{text[:50]}")


def no(text: str, reason: str, tz: str = "UTC", **kw: object) -> object:
    lang = kw.pop("lang", None)
    lang = (lang,) if isinstance(lang, str) else lang
    case = Case(text, None, reason, tz, lang, **kw)  # type: ignore[arg-type]
    return pytest.param(case, id=f"{tz}|{text[:50]}|{reason}")


TEH, RIY, CAI, BER = "Asia/Tehran", "Asia/Riyadh", "Africa/Cairo", "Europe/Berlin"

ISO_AND_FEEDS = [
    ok("2026-11-27T14:20:05Z", "2026-11-27T14:20:05+00:00", "second", rule="iso8601"),
    ok("2026-11-27T14:20:05+03:30", "2026-11-27T10:50:05+00:00", "second"),
    ok("2026-11-27T14:20:05+0330", "2026-11-27T10:50:05+00:00", "second"),
    ok("2026-11-27T14:20:05.250-05:00", "2026-11-27T19:20:05+00:00", "second"),
    ok("2026-11-27T14:20:05,5Z", "2026-11-27T14:20:05+00:00", "second"),
    ok("2026-11-27T14:20:00.123456789Z", "2026-11-27T14:20:00+00:00", "second"),
    ok("2026-11-27T14:20Z", "2026-11-27T14:20:00+00:00", "minute"),
    ok("2026-11-27 14:20:05", "2026-11-27T13:20:05+00:00", "second", BER),
    ok("2026-11-27T14:20:05", "2026-11-27T10:50:05+00:00", "second", TEH),
    ok("2026-11-27T14:20:05 UTC", "2026-11-27T14:20:05+00:00", "second", TEH),
    ok("2026-06-15T10:00:00", "2026-06-15T14:00:00+00:00", "second", "America/New_York"),
    ok("2026-11-27", "2026-11-27T00:00:00+00:00", "day", rule="iso8601"),
    ok("2026-11-27", "2026-11-26T20:30:00+00:00", "day", TEH),
    ok("2026-11-27, 14:20", "2026-11-27T10:50:00+00:00", "minute", TEH),
    ok("2026-11", "2026-11-01T00:00:00+00:00", "month"),
    ok("Published: 2026-11-27T14:20:05Z", "2026-11-27T14:20:05+00:00", "second"),
    ok("20261127T142005Z", "2026-11-27T14:20:05+00:00", "second", rule="iso8601"),
    ok("20261127", "2026-11-27T00:00:00+00:00", "day", rule="iso8601"),
    ok("20261127142005", "2026-11-27T11:20:05+00:00", "second", "Europe/Istanbul"),
    ok("۲۰۲۶-۱۱-۲۷T۱۴:۲۰:۰۵Z", "2026-11-27T14:20:05+00:00", "second"),
    ok("2026-11-28T12:05:00Z", "2026-11-28T12:00:00+00:00", "second"),  # clock skew: pulled back
    no("2026-11-28T12:30:00Z", "future"),
    no("2026-12-01", "future"),
    no("1989-12-31T23:59:59Z", "before-1990"),
    ok("1990-01-01T00:00:00Z", "1990-01-01T00:00:00+00:00", "second"),
    no("2026-02-30", "unparseable", rule="iso8601"),
    no("2026-13-01T10:00:00Z", "unparseable"),
    ok("Fri, 27 Nov 2026 14:20:00 GMT", "2026-11-27T14:20:00+00:00", "second", rule="rfc822"),
    ok("Fri, 27 Nov 2026 14:20:00 +0000", "2026-11-27T14:20:00+00:00", "second", rule="rfc822"),
    ok("Fri, 27 Nov 2026 14:20:00 -0500", "2026-11-27T19:20:00+00:00", "second"),
    ok("Fri, 27 Nov 2026 14:20:00 +0330", "2026-11-27T10:50:00+00:00", "second"),
    ok("Fri, 27 Nov 2026 14:20:00 -0000", "2026-11-27T14:20:00+00:00", "second", TEH),
    ok("Fri, 27 Nov 2026 14:20:00", "2026-11-27T13:20:00+00:00", "second", BER, rule="rfc822"),
    ok("27 Nov 2026 14:20 EST", "2026-11-27T19:20:00+00:00", "minute", rule="rfc822"),
    ok("Fri, 27 Nov 26 14:20:00 GMT", "2026-11-27T14:20:00+00:00", "second"),
    ok("Fri, 27 Nov 2026 14:20:00 Z", "2026-11-27T14:20:00+00:00", "second"),
    ok("1795866000", "2026-11-28T11:40:00+00:00", "second", rule="epoch"),
    ok("1795866000123", "2026-11-28T11:40:00+00:00", "second", rule="epoch"),
    ok("1795866000.5", "2026-11-28T11:40:00+00:00", "second", TEH, rule="epoch"),
    no("1895866000", "future"),
    no("12", "bare-number"),
    no("2026", "bare-number"),
    no("123456", "bare-number"),
    no("99999999999", "bare-number"),
    no("631151999", "bare-number"),
    no("+3", "bare-number"),
]

ENGLISH = [
    ok("27 November 2026", "2026-11-27T00:00:00+00:00", "day", rule="month-name"),
    ok("27 November 2026", "2026-11-26T20:30:00+00:00", "day", TEH),
    ok("November 27, 2026", "2026-11-27T00:00:00+00:00", "day"),
    ok("Nov. 27, 2026", "2026-11-27T00:00:00+00:00", "day"),
    ok("Friday, November 27, 2026", "2026-11-27T00:00:00+00:00", "day"),
    ok("27th Nov 2026", "2026-11-27T00:00:00+00:00", "day"),
    ok("27-Nov-2026", "2026-11-27T00:00:00+00:00", "day"),
    ok("the 27th of November 2026", "2026-11-27T00:00:00+00:00", "day"),
    ok("Nov 27, 2026 3:15 PM", "2026-11-27T15:15:00+00:00", "minute"),
    ok("Nov 27, 2026 3:15 PM", "2026-11-27T20:15:00+00:00", "minute", "America/New_York"),
    ok("Nov 27, 2026 3:15 PM EST", "2026-11-27T20:15:00+00:00", "minute", TEH),
    ok("Nov 27, 2026 at 3:15 p.m. ET", "2026-11-27T20:15:00+00:00", "minute"),
    ok("Jun 15, 2026 at 3:15 p.m. ET", "2026-06-15T19:15:00+00:00", "minute"),
    ok("November 27, 2026 12:05 AM", "2026-11-27T00:05:00+00:00", "minute"),
    ok("November 27, 2026 12:05 PM", "2026-11-27T12:05:00+00:00", "minute"),
    ok("Updated 2:15 PM EST, Fri November 27, 2026", "2026-11-27T19:15:00+00:00", "minute"),
    ok("27 November 2026, 14:20", "2026-11-27T14:20:00+00:00", "minute", "Europe/London"),
    ok("27 November 2026 14:20:05 GMT", "2026-11-27T14:20:05+00:00", "second", TEH),
    ok("27 November 2026 14:20 GMT+3", "2026-11-27T11:20:00+00:00", "minute"),
    ok("27th November 2026 at 3pm", "2026-11-27T15:00:00+00:00", "hour"),
    ok("Posted on 27 Nov 2026 by admin", "2026-11-27T00:00:00+00:00", "day"),
    ok("By Jane Doe, November 27, 2026", "2026-11-27T00:00:00+00:00", "day"),
    ok("November 2026", "2026-11-01T00:00:00+00:00", "month"),
    ok("27 Nov", "2026-11-27T00:00:00+00:00", "day"),
    ok("Nov 28", "2026-11-28T00:00:00+00:00", "day"),
    ok("Nov 29", "2025-11-29T00:00:00+00:00", "day"),  # no year: the latest one not ahead
    ok("Dec 31", "2025-12-31T00:00:00+00:00", "day"),
    ok("29 Feb", "2024-02-29T00:00:00+00:00", "day"),
    ok("Nov 27 14:20", "2026-11-27T14:20:00+00:00", "minute"),
    no("1 December 2026", "future"),
    no("5 May 1985", "before-1990"),
    no("31 November 2026", "unparseable"),
    no("Friday", "weekday-only"),
    no("Fri.", "weekday-only"),
    no("November", "too-vague"),
    no("Nov.", "too-vague"),
]

NUMERIC = [
    ok("27/11/2026", "2026-11-27T00:00:00+00:00", "day", rule="numeric"),
    ok("11/27/2026", "2026-11-27T00:00:00+00:00", "day"),
    ok("27.11.2026", "2026-11-27T00:00:00+00:00", "day"),
    ok("27-11-2026", "2026-11-27T00:00:00+00:00", "day"),
    ok("2026/11/27", "2026-11-27T00:00:00+00:00", "day"),
    ok("2026.11.27", "2026-11-27T00:00:00+00:00", "day"),
    no("03/04/2024", "ambiguous-order"),
    ok("03/04/2024", "2024-04-03T00:00:00+00:00", "day", order="DMY"),
    ok("03/04/2024", "2024-03-04T00:00:00+00:00", "day", order="MDY"),
    ok("05/05/2024", "2024-05-05T00:00:00+00:00", "day"),
    ok("25/04/2024", "2024-04-25T00:00:00+00:00", "day"),
    ok("04/25/2024", "2024-04-25T00:00:00+00:00", "day"),
    ok("25/04/2024", "2024-04-25T00:00:00+00:00", "day", order="YMD"),
    no("27/11/2026", "order-mismatch", order="MDY"),
    no("11/27/2026", "order-mismatch", order="DMY"),
    ok("27/11/26", "2026-11-27T00:00:00+00:00", "day", order="DMY"),
    ok("11/27/26", "2026-11-27T00:00:00+00:00", "day", order="MDY"),
    ok("26/11/27", "2026-11-27T00:00:00+00:00", "day", order="YMD"),
    no("27/11/26", "ambiguous-order"),
    ok("27.11.2026 14:20", "2026-11-27T13:20:00+00:00", "minute", BER),
    ok("Aktualisiert am 27.11.2026, 14:20 Uhr", "2026-11-27T13:20:00+00:00", "minute", BER),
    ok("27/11/2026 - 14:20:05", "2026-11-27T14:20:05+00:00", "second"),
    ok("11/27/2026 3:15 PM", "2026-11-27T20:15:00+00:00", "minute", "America/New_York"),
    ok("Updated: 11/27/2026 3:15 PM", "2026-11-27T15:15:00+00:00", "minute", order="MDY"),
    ok("٢٧/١١/٢٠٢٦", "2026-11-26T21:00:00+00:00", "day", RIY),
    ok("27.11.", "2026-11-26T23:00:00+00:00", "day", BER),
    ok("27.11. 14:20", "2026-11-27T13:20:00+00:00", "minute", BER),
    no("31/02/2026", "unparseable"),
    no("13/13/2026", "unparseable"),
    no("3/4/24", "ambiguous-order"),
]

TIMES = [
    no("14:20", "too-vague", rule="time-only"),
    no("at 3:15 pm", "too-vague"),
    ok("14:20", "2026-11-27T14:20:00+00:00", "minute", listing=True, rule="time-only"),
    ok("11:05", "2026-11-28T11:05:00+00:00", "minute", listing=True),
    ok("11:05:30", "2026-11-28T11:05:30+00:00", "second", listing=True),
    ok("12:05", "2026-11-28T12:00:00+00:00", "minute", listing=True),  # within skew
    ok("3:15 pm", "2026-11-27T15:15:00+00:00", "minute", listing=True),
    ok("at 9:30 am", "2026-11-28T09:30:00+00:00", "minute", listing=True),
    ok("9am", "2026-11-28T09:00:00+00:00", "hour", listing=True),
    ok("14:20 GMT", "2026-11-27T14:20:00+00:00", "minute", TEH, listing=True),
    ok("14h20", "2026-11-27T13:20:00+00:00", "minute", BER, listing=True),
    ok("ساعت ۱۴:۲۰", "2026-11-28T10:50:00+00:00", "minute", TEH, listing=True),
    ok("10:30 ص", "2026-11-28T07:30:00+00:00", "minute", RIY, listing=True),
    ok("10:30 م", "2026-11-27T19:30:00+00:00", "minute", RIY, listing=True),
    no("25:00", "unparseable", listing=True),
    no("14 Uhr", "too-vague", BER, lang="de"),
]

RELATIVE_ENGLISH = [
    ok("11 hours ago", "2026-11-28T01:00:00+00:00", "hour", lang="en", rule="relative"),
    ok("Updated 3 hours ago", "2026-11-28T09:00:00+00:00", "hour"),
    ok("about 3 hours ago", "2026-11-28T09:00:00+00:00", "hour"),
    ok("an hour ago", "2026-11-28T11:00:00+00:00", "hour"),
    ok("one hour ago", "2026-11-28T11:00:00+00:00", "hour"),
    ok("5 mins ago", "2026-11-28T11:55:00+00:00", "minute"),
    ok("5m ago", "2026-11-28T11:55:00+00:00", "minute"),
    ok("11h ago", "2026-11-28T01:00:00+00:00", "hour"),
    ok("2d ago", "2026-11-26T12:00:00+00:00", "day"),
    ok("3 wks ago", "2026-11-07T12:00:00+00:00", "week"),
    ok("2 hours, 5 minutes ago", "2026-11-28T09:55:00+00:00", "minute"),
    ok("1 hour and 30 minutes ago", "2026-11-28T10:30:00+00:00", "minute"),
    ok("1 day 2 hours ago", "2026-11-27T10:00:00+00:00", "hour"),
    ok("1 year 2 months ago", "2025-09-28T12:00:00+00:00", "month"),
    ok("half an hour ago", "2026-11-28T11:30:00+00:00", "minute"),
    ok("just now", "2026-11-28T12:00:00+00:00", "minute"),
    ok("Just now", "2026-11-28T12:00:00+00:00", "minute"),
    ok("moments ago", "2026-11-28T12:00:00+00:00", "minute"),
    ok("0 minutes ago", "2026-11-28T12:00:00+00:00", "minute"),
    ok("yesterday", "2026-11-27T00:00:00+00:00", "day", rule="relative"),
    ok("Yesterday", "2026-11-26T20:30:00+00:00", "day", TEH),
    ok("yesterday", "2026-11-27T05:00:00+00:00", "day", "America/New_York"),
    ok("Yesterday at 3:15 PM", "2026-11-27T15:15:00+00:00", "minute"),
    ok("yesterday, 14:20", "2026-11-27T13:20:00+00:00", "minute", BER),
    ok("today", "2026-11-28T00:00:00+00:00", "day"),
    ok("today 09:15", "2026-11-28T09:15:00+00:00", "minute"),
    ok("the day before yesterday", "2026-11-26T00:00:00+00:00", "day"),
    no("today at 13:00", "future"),
    no("in 3 hours", "future", lang="en"),
]

PERSIAN = [
    ok("۱۱ ساعت پیش", "2026-11-28T01:00:00+00:00", "hour", TEH, lang="fa", rule="relative"),
    ok("۱۱ ساعت قبل", "2026-11-28T01:00:00+00:00", "hour", TEH),
    ok("١١ ساعت پیش", "2026-11-28T01:00:00+00:00", "hour", TEH),
    ok("۱۱ ساعت پيش", "2026-11-28T01:00:00+00:00", "hour", TEH),  # Arabic yeh
    ok("\u200f۱۱\u200c ساعت\u00a0پیش", "2026-11-28T01:00:00+00:00", "hour", TEH),
    ok("۵ دقیقه پیش", "2026-11-28T11:55:00+00:00", "minute", TEH),
    ok("۳۰ ثانیه پیش", "2026-11-28T11:59:30+00:00", "second", TEH),
    ok("۲ روز پیش", "2026-11-26T12:00:00+00:00", "day", TEH),
    ok("قبل ۲ روز", "2026-11-26T12:00:00+00:00", "day", TEH),
    ok("یک هفته پیش", "2026-11-21T12:00:00+00:00", "week", TEH),
    ok("۳ ماه پیش", "2026-08-28T12:00:00+00:00", "month", TEH),
    ok("۱ سال پیش", "2025-11-28T12:00:00+00:00", "year", TEH),
    ok("یک ساعت پیش", "2026-11-28T11:00:00+00:00", "hour", TEH),
    ok("سه ساعت پیش", "2026-11-28T09:00:00+00:00", "hour", TEH),
    ok("نیم ساعت پیش", "2026-11-28T11:30:00+00:00", "minute", TEH),
    ok("۲ روز و ۳ ساعت پیش", "2026-11-26T09:00:00+00:00", "hour", TEH),
    ok("لحظاتی پیش", "2026-11-28T12:00:00+00:00", "minute", TEH),
    ok("همین الان", "2026-11-28T12:00:00+00:00", "minute", TEH),
    ok("دیروز", "2026-11-26T20:30:00+00:00", "day", TEH),
    ok("امروز", "2026-11-27T20:30:00+00:00", "day", TEH),
    ok("پریروز", "2026-11-25T20:30:00+00:00", "day", TEH),
    ok("دیروز ساعت ۱۴:۲۰", "2026-11-27T10:50:00+00:00", "minute", TEH),
    ok("۲۷ نوامبر ۲۰۲۶", "2026-11-26T20:30:00+00:00", "day", TEH, lang="fa"),
    ok("۲۷ نوامبر ۲۰۲۶ - ۱۴:۲۰", "2026-11-27T10:50:00+00:00", "minute", TEH),
    no("جمعه", "weekday-only", TEH),
    no("آذر", "too-vague", TEH),
    no("ساعت‌ها پیش", "unparseable", TEH, lang="fa"),
]

JALALI = [
    ok(
        "۷ آذر ۱۴۰۵",
        "2026-11-27T20:30:00+00:00",
        "day",
        TEH,
        rule="jalali",
        cal=("jalali", 1405, 9, 7),
    ),
    ok(
        "۷ آذر ۱۴۰۵ - ۱۴:۲۰",
        "2026-11-28T10:50:00+00:00",
        "minute",
        TEH,
        lang="fa",
        cal=("jalali", 1405, 9, 7),
    ),
    ok(
        "جمعه ۷ آذر ۱۴۰۵ ساعت ۱۴:۲۰",
        "2026-11-28T10:50:00+00:00",
        "minute",
        TEH,
        cal=("jalali", 1405, 9, 7),
    ),
    ok(
        "شنبه ۷ آذر ۱۴۰۵ - ۱۴:۲۰:۰۵",
        "2026-11-28T10:50:05+00:00",
        "second",
        TEH,
        cal=("jalali", 1405, 9, 7),
    ),
    ok(
        "۷ آذر ۱۴۰۵ - ۰۲:۲۰ ب.ظ",
        "2026-11-28T10:50:00+00:00",
        "minute",
        TEH,
        cal=("jalali", 1405, 9, 7),
    ),
    ok("۱ فروردین ۱۴۰۵", "2026-03-20T20:30:00+00:00", "day", TEH, cal=("jalali", 1405, 1, 1)),
    ok("۱۴ اردیبهشت ۱۴۰۵", "2026-05-03T20:30:00+00:00", "day", TEH, cal=("jalali", 1405, 2, 14)),
    ok("۲۰ خرداد ۱۴۰۵", "2026-06-09T20:30:00+00:00", "day", TEH, cal=("jalali", 1405, 3, 20)),
    ok("۵ تیر ۱۴۰۵", "2026-06-25T20:30:00+00:00", "day", TEH, cal=("jalali", 1405, 4, 5)),
    ok("۳۱ مرداد ۱۴۰۵", "2026-08-21T20:30:00+00:00", "day", TEH, cal=("jalali", 1405, 5, 31)),
    ok("۱ شهریور ۱۴۰۵", "2026-08-22T20:30:00+00:00", "day", TEH, cal=("jalali", 1405, 6, 1)),
    ok("۱۵ مهر ۱۴۰۵", "2026-10-06T20:30:00+00:00", "day", TEH, cal=("jalali", 1405, 7, 15)),
    ok("۳۰ آبان ۱۴۰۵", "2026-11-20T20:30:00+00:00", "day", TEH, cal=("jalali", 1405, 8, 30)),
    ok("۲۲ بهمن ۱۴۰۴", "2026-02-10T20:30:00+00:00", "day", TEH, cal=("jalali", 1404, 11, 22)),
    ok("۲۹ اسفند ۱۴۰۴", "2026-03-19T20:30:00+00:00", "day", TEH, cal=("jalali", 1404, 12, 29)),
    ok("۳۰ اسفند ۱۳۹۹", "2021-03-19T20:30:00+00:00", "day", TEH, cal=("jalali", 1399, 12, 30)),
    ok(
        "۱۴۰۵/۰۹/۰۷",
        "2026-11-27T20:30:00+00:00",
        "day",
        TEH,
        rule="jalali",
        cal=("jalali", 1405, 9, 7),
    ),
    ok(
        "۱۴۰۵/۰۹/۰۷ - ۱۴:۲۰", "2026-11-28T10:50:00+00:00", "minute", TEH, cal=("jalali", 1405, 9, 7)
    ),
    ok("1405-09-07", "2026-11-27T20:30:00+00:00", "day", TEH, cal=("jalali", 1405, 9, 7)),
    ok("۰۷/۰۹/۱۴۰۵", "2026-11-27T20:30:00+00:00", "day", TEH, cal=("jalali", 1405, 9, 7)),
    ok(
        "۱۴۰۵/۰۹/۰۷ ه.ش",
        "2026-11-27T20:30:00+00:00",
        "day",
        TEH,
        lang="ar",
        cal=("jalali", 1405, 9, 7),
    ),
    ok("۷ آذر", "2026-11-27T20:30:00+00:00", "day", TEH, cal=("jalali", 1405, 9, 7)),
    ok("آذر ۱۴۰۵", "2026-11-21T20:30:00+00:00", "month", TEH, cal=("jalali", 1405, 9, 1)),
    no("۱ دی ۱۴۰۵", "future", TEH),
    no("۱۱ دی ۱۳۶۷", "before-1990", TEH),
    no("۳۱ مهر ۱۴۰۵", "unparseable", TEH),
    no("۱۴۰۵/۱۳/۰۱", "unparseable", TEH),
]

ARABIC = [
    ok("منذ ٣ ساعات", "2026-11-28T09:00:00+00:00", "hour", RIY, lang="ar", rule="relative"),
    ok("قبل ٣ ساعات", "2026-11-28T09:00:00+00:00", "hour", RIY),
    ok("منذ ثلاث ساعات", "2026-11-28T09:00:00+00:00", "hour", RIY),
    ok("منذ ســاعتين", "2026-11-28T10:00:00+00:00", "hour", RIY),  # tatweel
    ok("منذ ساعة", "2026-11-28T11:00:00+00:00", "hour", RIY),
    ok("منذ ساعه", "2026-11-28T11:00:00+00:00", "hour", RIY),
    ok("منذ حوالي ساعتين", "2026-11-28T10:00:00+00:00", "hour", RIY),
    ok("منذ 5 دقائق", "2026-11-28T11:55:00+00:00", "minute", RIY),
    ok("منذ دقيقة", "2026-11-28T11:59:00+00:00", "minute", RIY),
    ok("منذ دقيقتين", "2026-11-28T11:58:00+00:00", "minute", RIY),
    ok("منذ يوم", "2026-11-27T12:00:00+00:00", "day", RIY),
    ok("منذ يومين", "2026-11-26T12:00:00+00:00", "day", RIY),
    ok("منذ ٣ أيام", "2026-11-25T12:00:00+00:00", "day", RIY),
    ok("منذ أسبوع", "2026-11-21T12:00:00+00:00", "week", RIY),
    ok("منذ أسبوعين", "2026-11-14T12:00:00+00:00", "week", RIY),
    ok("منذ شهر", "2026-10-28T12:00:00+00:00", "month", RIY),
    ok("منذ ٣ أشهر", "2026-08-28T12:00:00+00:00", "month", RIY),
    ok("منذ سنة", "2025-11-28T12:00:00+00:00", "year", RIY),
    ok("منذ عامين", "2024-11-28T12:00:00+00:00", "year", RIY),
    ok("منذ ساعتين و10 دقائق", "2026-11-28T09:50:00+00:00", "minute", RIY),
    ok("الآن", "2026-11-28T12:00:00+00:00", "minute", RIY),
    ok("منذ لحظات", "2026-11-28T12:00:00+00:00", "minute", RIY),
    ok("أمس", "2026-11-26T21:00:00+00:00", "day", RIY),
    ok("اليوم", "2026-11-27T21:00:00+00:00", "day", RIY),
    ok("أول أمس", "2026-11-25T21:00:00+00:00", "day", RIY),
    ok("أمس الساعة 10:30 ص", "2026-11-27T07:30:00+00:00", "minute", RIY),
    ok("27 نوفمبر 2026", "2026-11-26T22:00:00+00:00", "day", CAI, lang="ar"),
    ok("الجمعة 27 نوفمبر 2026 - 10:30 ص", "2026-11-27T08:30:00+00:00", "minute", CAI),
    ok("الجمعة ٢٧ نوفمبر ٢٠٢٦ - ١٠:٣٠ م", "2026-11-27T20:30:00+00:00", "minute", CAI),
    ok("27 تشرين الثاني 2026", "2026-11-26T21:00:00+00:00", "day", RIY),
    ok("٢٧ نوفمبر/تشرين الثاني ٢٠٢٦", "2026-11-26T21:00:00+00:00", "day", RIY),
    ok("٢٧ نوفمبر ٢٠٢٦م", "2026-11-26T21:00:00+00:00", "day", RIY),
    ok("27 نوفمبر 2026 بتوقيت غرينتش 14:20", "2026-11-26T21:00:00+00:00", "day", RIY),
    ok("27 نوفمبر 2026 14:20 بتوقيت غرينتش", "2026-11-27T14:20:00+00:00", "minute", RIY),
    no("الجمعة", "weekday-only", RIY),
    no("رمضان", "too-vague", RIY),
    no("منذ ساعات", "unparseable", RIY, lang="ar"),
]

HIJRI = [
    ok(
        "٧ جمادى الآخرة ١٤٤٨ هـ",
        "2026-11-16T21:00:00+00:00",
        "day",
        RIY,
        rule="hijri",
        cal=("hijri", 1448, 6, 7),
    ),
    ok(
        "7 جمادى الآخرة 1448",
        "2026-11-16T21:00:00+00:00",
        "day",
        RIY,
        lang="ar",
        cal=("hijri", 1448, 6, 7),
    ),
    ok(
        "٧ جمادى الثانية ١٤٤٨هـ", "2026-11-16T21:00:00+00:00", "day", RIY, cal=("hijri", 1448, 6, 7)
    ),
    ok(
        "الثلاثاء ٧ جمادى الآخرة ١٤٤٨ هـ - ١٠:٣٠ ص",
        "2026-11-17T07:30:00+00:00",
        "minute",
        RIY,
        cal=("hijri", 1448, 6, 7),
    ),
    ok("١ محرم ١٤٤٨", "2026-06-15T21:00:00+00:00", "day", RIY, cal=("hijri", 1448, 1, 1)),
    ok("١٠ صفر ١٤٤٧", "2025-08-03T21:00:00+00:00", "day", RIY, cal=("hijri", 1447, 2, 10)),
    ok("١٢ ربيع الأول ١٤٤٧", "2025-09-03T21:00:00+00:00", "day", RIY, cal=("hijri", 1447, 3, 12)),
    ok("٥ ربيع الآخر ١٤٤٧", "2025-09-26T21:00:00+00:00", "day", RIY, cal=("hijri", 1447, 4, 5)),
    ok("٢٠ جمادى الأولى ١٤٤٧", "2025-11-10T21:00:00+00:00", "day", RIY, cal=("hijri", 1447, 5, 20)),
    ok("٢٧ رجب ١٤٤٧", "2026-01-15T21:00:00+00:00", "day", RIY, cal=("hijri", 1447, 7, 27)),
    ok("١٥ شعبان ١٤٤٧", "2026-02-02T21:00:00+00:00", "day", RIY, cal=("hijri", 1447, 8, 15)),
    ok("١ رمضان ١٤٤٧", "2026-02-17T21:00:00+00:00", "day", RIY, cal=("hijri", 1447, 9, 1)),
    ok("١ شوال ١٤٤٧", "2026-03-19T21:00:00+00:00", "day", RIY, cal=("hijri", 1447, 10, 1)),
    ok("١١ ذو القعدة ١٤٤٧", "2026-04-27T21:00:00+00:00", "day", RIY, cal=("hijri", 1447, 11, 11)),
    ok("١٠ ذو الحجة ١٤٤٧", "2026-05-26T21:00:00+00:00", "day", RIY, cal=("hijri", 1447, 12, 10)),
    ok(
        "1448/06/07 هـ",
        "2026-11-16T21:00:00+00:00",
        "day",
        RIY,
        rule="hijri",
        cal=("hijri", 1448, 6, 7),
    ),
    ok("1448/06/07", "2026-11-16T21:00:00+00:00", "day", RIY, lang="ar", cal=("hijri", 1448, 6, 7)),
    ok("٧ جمادى الآخرة ١٤١٠", "1990-01-03T21:00:00+00:00", "day", RIY, cal=("hijri", 1410, 6, 7)),
    ok("جمادى الآخرة ١٤٤٨", "2026-11-10T21:00:00+00:00", "month", RIY, cal=("hijri", 1448, 6, 1)),
    no("1448/06/07", "future", TEH, lang="fa"),  # Jalali 1448 is 2069
    no("١ رجب ١٤٤٨", "future", RIY),
    no("١ محرم ١٤٠٥", "before-1990", RIY),
    no("٣٠ جمادى الآخرة ١٤٤٨", "unparseable", RIY),
    no("١ محرم ١٦٠٠", "unparseable", RIY),
]

OTHER_LANGUAGES = [
    ok(
        "vor 2 Tagen",
        "2026-11-26T12:00:00+00:00",
        "day",
        BER,
        lang="de",
        rule="dateparser-relative",
    ),
    ok("vor 3 Stunden", "2026-11-28T09:00:00+00:00", "hour", BER, lang="de"),
    ok("vor 5 Minuten", "2026-11-28T11:55:00+00:00", "minute", BER, lang="de"),
    ok("vor einer Stunde", "2026-11-28T11:00:00+00:00", "hour", BER, lang="de"),
    ok("vor 2 Wochen", "2026-11-14T12:00:00+00:00", "week", BER, lang="de"),
    ok("gestern", "2026-11-26T23:00:00+00:00", "day", BER, lang="de", rule="relative"),
    ok("heute, 09:15 Uhr", "2026-11-28T08:15:00+00:00", "minute", BER, lang="de"),
    ok("27. November 2026", "2026-11-26T23:00:00+00:00", "day", BER, lang="de"),
    ok(
        "27. Oktober 2026, 14:20 Uhr",
        "2026-10-27T13:20:00+00:00",
        "minute",
        BER,
        lang="de",
        rule="dateparser",
    ),
    ok("27. März 2026", "2026-03-26T23:00:00+00:00", "day", BER, lang="de"),
    ok("Freitag, 14:20", "2026-11-27T13:20:00+00:00", "minute", BER, lang="de"),
    no("Freitag", "weekday-only", BER, lang="de"),
    no("in 3 Stunden", "future", BER, lang="de"),
    ok("il y a 3 heures", "2026-11-28T09:00:00+00:00", "hour", "Europe/Paris", lang="fr"),
    ok("il y a 2 jours", "2026-11-26T12:00:00+00:00", "day", "Europe/Paris", lang="fr"),
    ok("hier", "2026-11-26T23:00:00+00:00", "day", "Europe/Paris", lang="fr"),
    ok(
        "le 27 novembre 2026 à 14h20",
        "2026-11-27T13:20:00+00:00",
        "minute",
        "Europe/Paris",
        lang="fr",
    ),
    ok("vendredi 27 novembre", "2026-11-26T23:00:00+00:00", "day", "Europe/Paris", lang="fr"),
    no("vendredi", "weekday-only", "Europe/Paris", lang="fr"),
    ok("hace 5 minutos", "2026-11-28T11:55:00+00:00", "minute", "Europe/Madrid", lang="es"),
    ok("hace 2 días", "2026-11-26T12:00:00+00:00", "day", "Europe/Madrid", lang="es"),
    ok("ayer", "2026-11-26T23:00:00+00:00", "day", "Europe/Madrid", lang="es"),
    ok("27 de noviembre de 2026", "2026-11-26T23:00:00+00:00", "day", "Europe/Madrid", lang="es"),
    ok(
        "27 de noviembre de 2026, 14:20",
        "2026-11-27T13:20:00+00:00",
        "minute",
        "Europe/Madrid",
        lang="es",
    ),
    ok("3 saat önce", "2026-11-28T09:00:00+00:00", "hour", "Europe/Istanbul", lang="tr"),
    ok("2 gün önce", "2026-11-26T12:00:00+00:00", "day", "Europe/Istanbul", lang="tr"),
    ok("dün", "2026-11-26T21:00:00+00:00", "day", "Europe/Istanbul", lang="tr"),
    ok("27 Kasım 2026 14:20", "2026-11-27T11:20:00+00:00", "minute", "Europe/Istanbul", lang="tr"),
    ok("2 дня назад", "2026-11-26T12:00:00+00:00", "day", "Europe/Moscow", lang="ru"),
    ok("3 часа назад", "2026-11-28T09:00:00+00:00", "hour", "Europe/Moscow", lang="ru"),
    ok("вчера", "2026-11-26T21:00:00+00:00", "day", "Europe/Moscow", lang="ru"),
    ok(
        "27 ноября 2026 г., 14:20",
        "2026-11-27T11:20:00+00:00",
        "minute",
        "Europe/Moscow",
        lang="ru",
    ),
    ok("há 3 horas", "2026-11-28T09:00:00+00:00", "hour", "Europe/Lisbon", lang="pt"),
    ok("ontem", "2026-11-27T00:00:00+00:00", "day", "Europe/Lisbon", lang="pt"),
    ok("3 ore fa", "2026-11-28T09:00:00+00:00", "hour", "Europe/Rome", lang="it"),
    ok("3 uur geleden", "2026-11-28T09:00:00+00:00", "hour", "Europe/Amsterdam", lang="nl"),
    ok("Von Max Muster, 27. Oktober 2026", "2026-10-26T23:00:00+00:00", "day", BER, lang="de"),
    ok("il y a 3 heures", "2026-11-28T09:00:00+00:00", "hour", "Europe/Paris"),  # detected
    ok("27 de noviembre de 2026", "2026-11-26T23:00:00+00:00", "day", "Europe/Madrid"),
]

EDGES = [
    no("", "empty"),
    no("   ", "empty"),
    no("\u200f\u200e", "empty"),
    no("x" * 300, "too-long"),
    ok(
        "Lorem ipsum dolor " * 15 + "Published 27 November 2026 14:20. " + "More text " * 5,
        "2026-11-27T14:20:00+00:00",
        "minute",
    ),
    ok(
        "Lorem ipsum dolor " * 15 + "Veröffentlicht am 27. Oktober 2026" + " und mehr" * 5,
        "2026-10-26T23:00:00+00:00",
        "day",
        BER,
        lang="de",
    ),
    no("not a date at all", "unparseable", lang="en"),
    no("Page 3 of 12", "unparseable", lang="en"),
    no("3 Minuten Lesezeit", "unparseable", BER, lang="de"),
    # found by fuzzing: numbers that run off the calendar
    no("9999-12", "unparseable", rule="iso8601"),
    no("Fri, 31 Dec 9999 23:59:59 GMT", "unparseable", rule="rfc822"),
    no("Nov 0000", "unparseable"),
    no("1795866000 weeks ago", "before-1990", rule="relative"),
    no("hours9999 12 31-0000 at", "unparseable", lang="en"),
]

# A clock after a date (12-hour marks in three scripts), and a day written in two calendars.
CLOCKS_AND_TWINS = [
    ok(
        "بقلم: خالد الحربي الجمعة ١٩ جمادى الأولى ١٤٤٨ هـ - الموافق ٣٠ أكتوبر ٢٠٢٦ ٠٦:١٤ م",
        "2026-10-30T15:14:00+00:00",
        "minute",
        RIY,
        rule="hijri",
        cal=("hijri", 1448, 5, 19),
    ),
    ok(
        "الجمعة ١٩ جمادى الأولى ١٤٤٨ هـ - الموافق ٣٠ أكتوبر ٢٠٢٦",
        "2026-10-29T21:00:00+00:00",
        "day",
        RIY,
        cal=("hijri", 1448, 5, 19),
    ),
    ok(  # the parts disagree: the Gregorian one wins
        "١٩ جمادى الأولى ١٤٤٨ هـ الموافق ٣١ أكتوبر ٢٠٢٦ ٠٩:٠٥ ص",
        "2026-10-31T06:05:00+00:00",
        "minute",
        RIY,
        rule="calendar-mismatch",
    ),
    ok(  # no 30 Jumada al-Akhira 1448 in the Umm al-Qura table: the Gregorian part is used
        "٣٠ جمادى الآخرة ١٤٤٨ هـ - الموافق ٢٠ نوفمبر ٢٠٢٦",
        "2026-11-19T21:00:00+00:00",
        "day",
        RIY,
        rule="month-name",
    ),
    ok(
        "٣٠ أكتوبر ٢٠٢٦ (١٩ جمادى الأولى ١٤٤٨ هـ) ٠٦:١٤ م",
        "2026-10-30T15:14:00+00:00",
        "minute",
        RIY,
        rule="month-name",
    ),
    ok(
        "١٩ جمادى الأولى ١٤٤٨ هـ الموافق ٣٠/١٠/٢٠٢٦ الساعة ٦:١٤ مساء",
        "2026-10-30T15:14:00+00:00",
        "minute",
        RIY,
        cal=("hijri", 1448, 5, 19),
    ),
    ok(
        "1448/05/19 هـ - 30/10/2026 18:14",
        "2026-10-30T15:14:00+00:00",
        "minute",
        RIY,
        lang="ar",
        cal=("hijri", 1448, 5, 19),
    ),
    ok(
        "جمعه ۷ آذر ۱۴۰۵ برابر با ۲۸ نوامبر ۲۰۲۶ ساعت ۱۰:۲۰ ق.ظ",
        "2026-11-28T06:50:00+00:00",
        "minute",
        TEH,
        rule="jalali",
        cal=("jalali", 1405, 9, 7),
    ),
    ok(  # Jalali and Hijri disagree, no Gregorian part: the Jalali one wins
        "۷ آذر ۱۴۰۵ - ۱۷ جمادی‌الثانی ۱۴۴۸",
        "2026-11-27T20:30:00+00:00",
        "day",
        TEH,
        rule="calendar-mismatch",
    ),
    ok("27 Nov 2026 - 28 Nov 2026", "2026-11-27T00:00:00+00:00", "day", rule="month-name"),
    ok("٣٠ أكتوبر ٢٠٢٦ م", "2026-10-29T21:00:00+00:00", "day", RIY),  # a year mark, not PM
    ok("٣٠ أكتوبر ٢٠٢٦ ٠٦:١٤ ص", "2026-10-30T03:14:00+00:00", "minute", RIY),
    ok("٣٠ أكتوبر ٢٠٢٦ - ٦:١٤ صباحا", "2026-10-30T03:14:00+00:00", "minute", RIY),
    ok("٣٠ أكتوبر ٢٠٢٦ الساعة ٦:١٤ مساءً", "2026-10-30T15:14:00+00:00", "minute", RIY),
    ok("۷ آذر ۱۴۰۵ - ۲:۲۰ ب.ظ", "2026-11-28T10:50:00+00:00", "minute", TEH),
    ok("۷ آذر ۱۴۰۵ ساعت ۲:۲۰ بعد از ظهر", "2026-11-28T10:50:00+00:00", "minute", TEH),
    ok("۷ آذر ۱۴۰۵ ساعت ۹:۰۵ قبل‌ازظهر", "2026-11-28T05:35:00+00:00", "minute", TEH),
    ok("27 November 2026 12:05 a.m.", "2026-11-27T00:05:00+00:00", "minute"),
    ok(
        "By Dana Whitlock | Nov 27, 2026 - 3:14 PM | Media Wire",
        "2026-11-27T20:14:00+00:00",
        "minute",
        "America/New_York",
    ),
]

ALL_CASES = [
    *ISO_AND_FEEDS,
    *ENGLISH,
    *NUMERIC,
    *TIMES,
    *RELATIVE_ENGLISH,
    *PERSIAN,
    *JALALI,
    *ARABIC,
    *HIJRI,
    *OTHER_LANGUAGES,
    *EDGES,
    *CLOCKS_AND_TWINS,
]


def _check(case: Case, result: DateResult) -> None:
    assert result.raw == case.text
    if case.at is None:
        assert (result.reason, result.published_at) == (case.outcome, None), result
        assert result.precision is result.earliest is result.latest is None
    else:
        assert result.reason is None, result
        assert result.published_at == datetime.fromisoformat(case.at), result
        assert result.precision == case.outcome, result
        assert result.earliest is not None and result.latest is not None
        assert result.earliest <= result.published_at <= result.latest <= F
        assert result.published_at.utcoffset() == timedelta(0)
    if case.rule is not None:
        assert result.rule == case.rule, result


@pytest.mark.parametrize("case", ALL_CASES)
def test_parse_date(case: Case) -> None:
    _check(case, case.parse())


# --- generated grids: every month name, every relative unit in three languages ----------------

MONTH_NAMES = {
    1: ("January", "Jan", "يناير", "كانون الثاني", "جانفي", "ژانویه"),
    2: ("February", "Feb", "فبراير", "شباط", "فيفري", "فوریه"),
    3: ("March", "Mar", "مارس", "آذار"),
    4: ("April", "Apr", "أبريل", "ابريل", "نيسان", "أفريل", "آوریل"),
    5: ("May", "مايو", "أيار", "ماي", "مه"),
    6: ("June", "Jun", "يونيو", "يونيه", "حزيران", "جوان", "ژوئن"),
    7: ("July", "Jul", "يوليو", "تموز", "جويلية", "يوليوز", "ژوئیه"),
    8: ("August", "Aug", "أغسطس", "آب", "أوت", "غشت", "اوت"),
    9: ("September", "Sept", "Sep", "سبتمبر", "أيلول", "شتنبر", "سپتامبر"),
    10: ("October", "Oct", "أكتوبر", "تشرين الأول", "اکتبر"),
    11: ("November", "Nov", "نوفمبر", "تشرين الثاني", "نونبر", "نوامبر"),
    12: ("December", "Dec", "ديسمبر", "كانون الأول", "دجنبر", "دسامبر"),
}
JALALI_MONTHS = ("فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور", "مهر", "آبان",
                 "آذر", "دی", "بهمن", "اسفند")  # fmt: skip
HIJRI_MONTHS = ("محرم", "صفر", "ربيع الأول", "ربيع الثاني", "جمادى الأولى", "جمادى الآخرة",
                "رجب", "شعبان", "رمضان", "شوال", "ذو القعدة", "ذو الحجة")  # fmt: skip


def _month_grid() -> Iterator[object]:
    for month, names in MONTH_NAMES.items():
        for name in names:
            expected = f"2025-{month:02d}-15T00:00:00+00:00"
            yield pytest.param(f"15 {name} 2025", expected, id=f"dmy-{name}")
            if name.isascii():
                yield pytest.param(f"{name} 15, 2025", expected, id=f"mdy-{name}")


@pytest.mark.parametrize(("text", "expected"), list(_month_grid()))
def test_every_gregorian_month_name(text: str, expected: str) -> None:
    result = parse_date(text, F)
    assert (result.published_at, result.precision) == (datetime.fromisoformat(expected), "day")


@pytest.mark.parametrize("month", range(1, 13))
def test_every_jalali_month_name(month: int) -> None:
    text = f"۱۰ {JALALI_MONTHS[month - 1]} ۱۴۰۴"
    day = jdatetime.date(1404, month, 10).togregorian()
    result = parse_date(text, F, timezone=TEH)
    local = datetime(day.year, day.month, day.day, tzinfo=ZoneInfo(TEH))
    assert (result.published_at, result.precision, result.rule) == (local, "day", "jalali")


@pytest.mark.parametrize("month", range(1, 13))
def test_every_hijri_month_name(month: int) -> None:
    text = f"١٠ {HIJRI_MONTHS[month - 1]} ١٤٤٦ هـ"
    day = Hijri(1446, month, 10).to_gregorian()
    result = parse_date(text, F, timezone=RIY)
    local = datetime(day.year, day.month, day.day, tzinfo=ZoneInfo(RIY))
    assert (result.published_at, result.precision, result.rule) == (local, "day", "hijri")


PERSIAN_UNITS = {"second": "ثانیه", "minute": "دقیقه", "hour": "ساعت", "day": "روز",
                 "week": "هفته", "month": "ماه", "year": "سال"}  # fmt: skip
ARABIC_UNITS = {  # singular, dual, plural
    "second": ("ثانية", "ثانيتين", "ثوان"),
    "minute": ("دقيقة", "دقيقتين", "دقائق"),
    "hour": ("ساعة", "ساعتين", "ساعات"),
    "day": ("يوم", "يومين", "أيام"),
    "week": ("أسبوع", "أسبوعين", "أسابيع"),
    "month": ("شهر", "شهرين", "أشهر"),
    "year": ("سنة", "سنتين", "سنوات"),
}
UNIT_SECONDS = {"second": 1, "minute": 60, "hour": 3600}
UNIT_DAYS = {"day": 1, "week": 7}
UNIT_MONTHS = {"month": 1, "year": 12}


def persian_digits(n: int) -> str:
    return str(n).translate(str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹"))


def arabic_digits(n: int) -> str:
    return str(n).translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))


def relative_text(language: str, n: int, unit: str) -> str:
    if language == "en":
        return f"{n} {unit}{'s' if n != 1 else ''} ago"
    if language == "fa":
        return f"{persian_digits(n)} {PERSIAN_UNITS[unit]} پیش"
    singular, dual, plural = ARABIC_UNITS[unit]
    if n == 1:
        return f"منذ {singular}"
    if n == 2:
        return f"منذ {dual}"
    return f"منذ {arabic_digits(n)} {plural if n <= 10 else singular}"


def expected_ago(fetched: datetime, n: int, unit: str, tz: str) -> tuple[datetime, datetime]:
    """(earliest, latest) of "n units ago": local calendar steps for days and longer.

    Written out for the 28th of a month (every month has one), independently of the module.
    """
    if unit in UNIT_SECONDS:
        step = timedelta(seconds=UNIT_SECONDS[unit])
        return fetched - step * (n + 1), fetched - step * n
    local = ZoneInfo(tz)
    wall = fetched.astimezone(local).replace(tzinfo=None)
    assert wall.day == 28

    def back(k: int) -> datetime:
        if unit in UNIT_DAYS:
            moved = wall - timedelta(days=k * UNIT_DAYS[unit])
        else:
            year, month = divmod(wall.year * 12 + wall.month - 1 - k * UNIT_MONTHS[unit], 12)
            moved = wall.replace(year=year, month=month + 1)
        return moved.replace(tzinfo=local).astimezone(UTC)

    return back(n + 1), back(n)


RELATIVE_GRID = [
    pytest.param(language, n, unit, id=f"{language}-{n}-{unit}")
    for language in ("en", "fa", "ar")
    for n in (1, 2, 7, 11, 30)
    for unit in PRECISIONS
]


@pytest.mark.parametrize(("language", "n", "unit"), RELATIVE_GRID)
def test_relative_grid(language: str, n: int, unit: str) -> None:
    tz = {"en": "America/New_York", "fa": TEH, "ar": RIY}[language]
    result = parse_date(relative_text(language, n, unit), F, timezone=tz, languages=[language])
    earliest, latest = expected_ago(F, n, unit, tz)
    assert result.as_json()["reason"] is None
    assert (result.precision, result.rule) == (unit, "relative")
    assert (result.earliest, result.published_at, result.latest) == (earliest, latest, latest)


HIJRI_ARABIC_GREGORIAN = ("يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو",
                          "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر")  # fmt: skip


@settings(deadline=None, max_examples=60)
@given(
    year=st.integers(1420, 1447),
    month=st.integers(1, 12),
    day=st.integers(1, 29),
    hour=st.integers(1, 12),
    minute=st.integers(0, 59),
    pm=st.booleans(),
)
def test_a_hijri_date_with_its_gregorian_twin_keeps_the_clock(
    year: int, month: int, day: int, hour: int, minute: int, pm: bool
) -> None:
    g = Hijri(year, month, day).to_gregorian()
    text = (
        f"{day} {HIJRI_MONTHS[month - 1]} {year} هـ - الموافق "
        f"{g.day} {HIJRI_ARABIC_GREGORIAN[g.month - 1]} {g.year} {hour}:{minute:02d} "
        f"{'م' if pm else 'ص'}"
    )
    result = parse_date(text, F, timezone=RIY)
    wall = datetime(g.year, g.month, g.day, hour % 12 + (12 if pm else 0), minute)
    assert result.published_at == wall.replace(tzinfo=ZoneInfo(RIY)).astimezone(UTC), text
    assert (result.precision, result.rule) == ("minute", "hijri")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("14:20", True),
        ("٠٦:١٤ م", True),
        ("۲:۲۰ ب.ظ", True),
        ("at 3 pm", True),
        ("ساعت ۱۴:۲۰", True),
        ("الساعة ٦:١٤ مساء", True),
        ("12", False),
        ("", False),
        ("27 November 2026", False),
        ("14:20, 27 Nov 2026", False),
        ("25:10", False),
        ("Page 3", False),
    ],
)
def test_clock_only(text: str, expected: bool) -> None:
    assert clock_only(text) is expected


# --- calendar expectations, windows ---------------------------------------------------------


def test_calendar_expectations_match_the_libraries() -> None:
    checked = 0
    for param in ALL_CASES:
        case = param.values[0]  # type: ignore[attr-defined]
        if case.cal is None:
            continue
        calendar, year, month, day = case.cal
        if calendar == "jalali":
            expected = jdatetime.date(year, month, day).togregorian()
        else:
            expected = date(*Hijri(year, month, day).to_gregorian().datetuple())
        result = case.parse()
        assert result.published_at is not None
        start = result.earliest if result.precision == "month" else result.published_at
        assert start is not None
        assert start.astimezone(ZoneInfo(case.tz)).date() == expected
        checked += 1
    assert checked >= 40


WINDOWS = [
    ("11 hours ago", "UTC", "2026-11-28T00:00:00+00:00", "2026-11-28T01:00:00+00:00"),
    ("just now", "UTC", "2026-11-28T11:59:00+00:00", "2026-11-28T12:00:00+00:00"),
    ("2 days ago", BER, "2026-11-25T12:00:00+00:00", "2026-11-26T12:00:00+00:00"),
    ("yesterday", TEH, "2026-11-26T20:30:00+00:00", "2026-11-27T20:30:00+00:00"),
    ("today", "UTC", "2026-11-28T00:00:00+00:00", "2026-11-28T12:00:00+00:00"),
    ("27 November 2026", TEH, "2026-11-26T20:30:00+00:00", "2026-11-27T20:30:00+00:00"),
    ("2026-11-27T14:20Z", "UTC", "2026-11-27T14:20:00+00:00", "2026-11-27T14:21:00+00:00"),
    ("2026-11-27T14:20:05Z", "UTC", "2026-11-27T14:20:05+00:00", "2026-11-27T14:20:06+00:00"),
    ("27th November 2026 at 3pm", "UTC", "2026-11-27T15:00:00+00:00", "2026-11-27T16:00:00+00:00"),
    ("November 2026", "UTC", "2026-11-01T00:00:00+00:00", "2026-11-28T12:00:00+00:00"),
    ("October 2026", BER, "2026-09-30T22:00:00+00:00", "2026-10-31T23:00:00+00:00"),
    ("1 month ago", "UTC", "2026-09-28T12:00:00+00:00", "2026-10-28T12:00:00+00:00"),
    ("2026-11-28T12:05:00Z", "UTC", "2026-11-28T12:00:00+00:00", "2026-11-28T12:00:00+00:00"),
]


@pytest.mark.parametrize(("text", "tz", "earliest", "latest"), WINDOWS)
def test_windows(text: str, tz: str, earliest: str, latest: str) -> None:
    result = parse_date(text, F, timezone=tz)
    expected = (datetime.fromisoformat(earliest), datetime.fromisoformat(latest))
    assert (result.earliest, result.latest) == expected


def test_window_across_a_dst_change() -> None:
    fetched = datetime(2026, 3, 29, 12, 0, tzinfo=UTC)  # Berlin moved to +02:00 at 01:00 UTC
    day = parse_date("yesterday", fetched, timezone=BER)
    assert (day.earliest, day.latest) == (
        datetime(2026, 3, 27, 23, 0, tzinfo=UTC),
        datetime(2026, 3, 28, 23, 0, tzinfo=UTC),
    )
    today = parse_date("2026-03-29", fetched, timezone=BER)
    assert today.earliest == datetime(2026, 3, 28, 23, 0, tzinfo=UTC)
    assert today.latest == fetched  # the 23-hour day is still running
    hours = parse_date("12 hours ago", fetched, timezone=BER)
    assert hours.published_at == datetime(2026, 3, 29, 0, 0, tzinfo=UTC)


def test_months_ago_clamp_to_the_end_of_a_shorter_month() -> None:
    fetched = datetime(2026, 3, 31, 12, 0, tzinfo=UTC)
    result = parse_date("1 month ago", fetched)
    assert (result.earliest, result.published_at) == (
        datetime(2026, 1, 31, 12, 0, tzinfo=UTC),
        datetime(2026, 2, 28, 12, 0, tzinfo=UTC),
    )
    leap = parse_date("1 year ago", datetime(2028, 2, 29, 12, 0, tzinfo=UTC))
    assert leap.published_at == datetime(2027, 2, 28, 12, 0, tzinfo=UTC)


def test_as_json_keys_and_format() -> None:
    row = parse_date("11 hours ago", F).as_json()
    assert list(row) == ["published_at", "precision", "earliest", "latest", "rule", "reason"]
    assert row["published_at"] == "2026-11-28T01:00:00+00:00"
    assert parse_date("Friday", F).as_json()["published_at"] is None


def test_naive_fetch_time_is_refused() -> None:
    with pytest.raises(ValueError, match="aware"):
        parse_date("11 hours ago", datetime(2026, 11, 28, 12))


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"timezone": "Mars/Olympus"}, "timezone"),
        ({"languages": ["xx"]}, "language"),
        ({"date_order": "DYM"}, "date_order"),
    ],
)
def test_bad_source_settings_are_refused(options: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_date("11 hours ago", F, **options)  # type: ignore[arg-type]


def test_fetch_time_any_offset_gives_the_same_instant() -> None:
    tehran = F.astimezone(ZoneInfo(TEH))
    assert parse_date("11 hours ago", tehran) == parse_date("11 hours ago", F)


# --- text clean-up ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "cleaned", "folded"),
    [
        ("۱۴۰۵/۰۹/۰۷", "1405/09/07", "1405/09/07"),
        ("٢٧ نوفمبر", "27 نوفمبر", "27 نوفمبر"),
        ("\u200fمنذ\u00a0٣\u200c ســاعات", "منذ 3 ساعات", "منذ 3 ساعات"),
        ("پيش كتاب", "پيش كتاب", "پیش کتاب"),
        ("أمس  الساعة", "أمس الساعة", "امس الساعه"),
        ("Nov 27 – 2026", "Nov 27 - 2026", "nov 27 - 2026"),
    ],
)
def test_clean_and_fold(raw: str, cleaned: str, folded: str) -> None:
    assert (clean(raw), fold(raw)) == (cleaned, folded)


@given(st.text(max_size=40))
def test_fold_is_idempotent(text: str) -> None:
    assert fold(fold(text)) == fold(text)
    assert clean(clean(text)) == clean(text)


# --- choose_date ------------------------------------------------------------------------------


def c(text: str, origin: str, detail: str = "") -> DateCandidate:
    return DateCandidate(text, origin, detail)


CHOICES = [
    pytest.param(
        [c("27 November 2026", "byline"), c("2026-11-27T14:20:05+03:30", "jsonld")],
        1,
        "2026-11-27T10:50:05+00:00",
        id="structured-with-offset-beats-byline",
    ),
    pytest.param(
        [c("2026-11-27", "jsonld", "datePublished"), c("27 Nov 2026 14:20", "byline")],
        1,
        "2026-11-27T14:20:00+00:00",
        id="precise-byline-inside-the-jsonld-day",
    ),
    pytest.param(
        [c("28 November 2026", "byline"), c("11 hours ago", "listing")],
        1,
        "2026-11-28T01:00:00+00:00",
        id="listing-sharpens-a-date-only-byline",
    ),
    pytest.param(
        [c("11 hours ago", "listing"), c("2026-11-28T01:12:00Z", "meta")],
        1,
        "2026-11-28T01:12:00+00:00",
        id="page-stamp-beats-listing",
    ),
    pytest.param(
        [c("2026-11-20T10:00:00Z", "meta"), c("2026-11-27T10:00:00Z", "jsonld")],
        0,
        "2026-11-20T10:00:00+00:00",
        id="reliable-ones-disagree-earliest-wins",
    ),
    pytest.param(
        [c("2026-11-27T10:00Z", "jsonld"), c("2026-11-27T10:00:30Z", "meta")],
        1,
        "2026-11-27T10:00:30+00:00",
        id="agreeing-reliable-ones-most-precise",
    ),
    pytest.param(
        [c("20 November 2026", "byline"), c("https://x.test/2026/11/27/story", "url")],
        0,
        "2026-11-20T00:00:00+00:00",
        id="byline-beats-url-when-they-disagree",
    ),
    pytest.param(
        [c("https://x.test/news/2026/11/27/story-1234", "url")],
        0,
        "2026-11-27T00:00:00+00:00",
        id="url-alone",
    ),
    pytest.param(
        [c("1 December 2026", "byline"), c("Fri, 27 Nov 2026 14:20:00 GMT", "feed")],
        1,
        "2026-11-27T14:20:00+00:00",
        id="future-byline-discarded",
    ),
    pytest.param(
        [c("14:20", "byline"), c("11:05", "listing")],
        1,
        "2026-11-28T11:05:00+00:00",
        id="clock-alone-only-from-a-listing",
    ),
    pytest.param(
        [c("2026-11-27T09:00:00", "jsonld"), c("27 November 2026 10:00", "time")],
        1,
        "2026-11-27T10:00:00+00:00",
        id="time-element-beats-structured-without-offset",
    ),
    pytest.param(
        [c("27 November 2026 10:00", "time"), c("2026-11-27T10:00:30", "jsonld")],
        1,
        "2026-11-27T10:00:30+00:00",
        id="finer-structured-inside-the-time-window",
    ),
    pytest.param(
        [c("27 Nov 2026", "byline"), c("2026-11-26T22:00:00+02:00", "embedded")],
        1,
        "2026-11-26T20:00:00+00:00",
        id="embedded-app-state-beats-byline",
    ),
    pytest.param(
        [c("Nov 20, 2026", "feed"), c("yesterday", "byline"), c("2026/11/27", "url")],
        0,
        "2026-11-20T00:00:00+00:00",
        id="feed-beats-byline",
    ),
]


@pytest.mark.parametrize(("candidates", "index", "expected"), CHOICES)
def test_choose_date(candidates: list[DateCandidate], index: int, expected: str) -> None:
    choice = choose_date(candidates, F)
    assert choice.candidate == candidates[index]
    assert choice.result.published_at == datetime.fromisoformat(expected)
    assert len(choice.evidence) == len(candidates)
    assert [e["chosen"] for e in choice.evidence] == [i == index for i in range(len(candidates))]
    assert [e["raw"] for e in choice.evidence] == [x.text for x in candidates]
    json.dumps(choice.evidence)


def test_choose_date_with_nothing_usable_keeps_the_reasons() -> None:
    candidates = [c("Friday", "byline"), c("1 December 2026", "jsonld"), c("x", "url")]
    choice = choose_date(candidates, F)
    assert choice.candidate == candidates[1]  # the best-ranked one, with its reason
    assert (choice.result.reason, choice.result.published_at) == ("future", None)
    reasons = [e["reason"] for e in choice.evidence]
    assert reasons == ["weekday-only", "future", "unparseable"]
    assert not any(e["chosen"] for e in choice.evidence)


def test_choose_date_without_candidates() -> None:
    choice = choose_date([], F)
    assert (choice.result.reason, choice.candidate, choice.evidence) == ("no-candidates", None, [])


def test_choose_date_evidence_fields() -> None:
    choice = choose_date([c("11 hours ago", "listing", "span.ago")], F)
    assert set(choice.evidence[0]) == {
        "origin", "detail", "raw", "published_at", "precision", "earliest", "latest", "rule",
        "reason", "rank", "chosen",
    }  # fmt: skip
    assert choice.evidence[0]["detail"] == "span.ago"
    assert choice.evidence[0]["published_at"] == "2026-11-28T01:00:00+00:00"


# --- fetch_time -------------------------------------------------------------------------------

NOW = datetime(2026, 11, 28, 12, 0, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("Sat, 28 Nov 2026 12:03:00 GMT", datetime(2026, 11, 28, 12, 3, tzinfo=UTC)),
        (b"Sat, 28 Nov 2026 11:50:00 GMT", datetime(2026, 11, 28, 11, 50, tzinfo=UTC)),
        ("Sat, 28 Nov 2026 12:15:00 GMT", datetime(2026, 11, 28, 12, 15, tzinfo=UTC)),
        ("Sat, 28 Nov 2026 12:16:00 GMT", NOW),  # more than 15 minutes off: our clock wins
        ("Sat, 28 Nov 2020 12:00:00 GMT", NOW),
        ("Sat Nov 28 12:01:00 2026", datetime(2026, 11, 28, 12, 1, tzinfo=UTC)),
        ("Sat, 28 Nov 2026 15:31:00 +0330", datetime(2026, 11, 28, 12, 1, tzinfo=UTC)),
        ("garbage", NOW),
        ("", NOW),
        (None, NOW),
    ],
)
def test_fetch_time(header: str | bytes | None, expected: datetime) -> None:
    found = fetch_time(header, NOW)
    assert found == expected
    assert found.tzinfo is UTC


def test_fetch_time_with_a_local_offset_and_custom_skew() -> None:
    local = NOW.astimezone(ZoneInfo(TEH))
    assert fetch_time(None, local).tzinfo is UTC
    header = "Sat, 28 Nov 2026 12:03:00 GMT"
    assert fetch_time(header, local, max_skew=timedelta(minutes=1)) == NOW
    with pytest.raises(ValueError, match="aware"):
        fetch_time(header, datetime(2026, 11, 28, 12))


# --- the normaliser: cache and counters, renormalise_rows ---------------------------------------


def test_cache_hits_and_exact_relative_instants() -> None:
    normaliser = DateNormaliser(cache_size=8)
    first = normaliser.parse("11 hours ago", F, timezone="UTC", languages=["en"])
    later = normaliser.parse("11 hours ago", F + timedelta(seconds=37), languages=["en"])
    assert later.published_at == first.published_at + timedelta(seconds=37)  # type: ignore[operator]
    assert (normaliser.stats["cache_hit"], normaliser.stats["cache_miss"]) == (1, 1)
    assert normaliser.stats["rule/relative"] == 2
    normaliser.parse("Friday", F)
    assert normaliser.stats["rejected/weekday-only"] == 1


def test_cache_is_bounded_and_keyed_on_source_settings() -> None:
    normaliser = DateNormaliser(cache_size=2)
    for text in ("1 hour ago", "2 hours ago", "3 hours ago"):
        normaliser.parse(text, F)
    normaliser.parse("1 hour ago", F)
    assert normaliser.stats["cache_miss"] == 4
    a = normaliser.parse("27 November 2026", F, timezone=TEH)
    b = normaliser.parse("27 November 2026", F, timezone=BER)
    assert a.published_at != b.published_at


def test_dateparser_readings_are_kept_for_the_fetch_day_only() -> None:
    normaliser = DateNormaliser()
    friday = normaliser.parse("Freitag, 14:20", F, timezone=BER, languages=["de"])
    week_later = normaliser.parse(
        "Freitag, 14:20", F + timedelta(days=7), timezone=BER, languages=["de"]
    )
    assert week_later.published_at == friday.published_at + timedelta(days=7)  # type: ignore[operator]
    assert normaliser.stats["cache_miss"] == 2


def test_renormalise_rows() -> None:
    rows: list[dict[str, object]] = [
        {"id": 1, "published_raw": "11 hours ago", "fetched_at": "2026-11-28T12:00:00+00:00"},
        {"id": 2, "published_raw": "۱۱ ساعت پیش", "fetched_at": F, "timezone": TEH,
         "languages": '["fa"]', "date_order": None},
        {"id": 3, "published_raw": "03/04/2024", "fetched_at": "2026-11-28T12:00:00",
         "languages": "en,fr", "date_order": "DMY"},
        {"id": 4, "published_raw": None, "fetched_at": "2026-11-28T12:00:00+00:00"},
        {"id": 5, "published_raw": "yesterday", "fetched_at": "2026-11-28", "timezone": "Nope"},
    ]  # fmt: skip
    results = dict(renormalise_rows(rows, DateNormaliser()))
    with sqlite3.connect(":memory:") as db:
        db.row_factory = sqlite3.Row
        db.execute("create table story (id, published_raw, fetched_at, timezone)")
        db.execute("insert into story values (7, '11 hours ago', ?, 'UTC')", (FETCHED,))
        stored = dict(renormalise_rows(db.execute("select * from story"), DateNormaliser()))
    assert stored[7].published_at == datetime(2026, 11, 28, 1, 0, tzinfo=UTC)
    assert list(results) == [1, 2, 3, 4, 5]
    assert results[1].published_at == results[2].published_at == datetime(2026, 11, 28, 1, 0,
                                                                           tzinfo=UTC)  # fmt: skip
    assert results[3].published_at == datetime(2024, 4, 3, tzinfo=UTC)
    assert results[4].reason == "empty"
    assert results[5].reason is not None and results[5].reason.startswith("bad-input: ")


# --- determinism across host time zones -------------------------------------------------------


def _all_results(normaliser: DateNormaliser) -> list[dict[str, object]]:
    return [param.values[0].parse(normaliser).as_json() for param in ALL_CASES]  # type: ignore[attr-defined]


@pytest.fixture
def host_tz() -> Iterator[object]:
    before = os.environ.get("TZ")

    def switch(name: str) -> None:
        os.environ["TZ"] = name
        time.tzset()

    yield switch
    if before is None:
        os.environ.pop("TZ", None)
    else:
        os.environ["TZ"] = before
    time.tzset()


def test_results_do_not_depend_on_the_host_timezone(host_tz: object) -> None:
    host_tz("UTC")  # type: ignore[operator]
    reference = _all_results(DateNormaliser())
    for name in ("Asia/Tehran", "America/Los_Angeles", "Pacific/Kiritimati", "Asia/Kathmandu"):
        host_tz(name)  # type: ignore[operator]
        assert time.localtime(0).tm_gmtoff != 0
        assert _all_results(DateNormaliser()) == reference, name


def test_results_in_a_fresh_process_under_another_host_timezone() -> None:
    texts = ["11 hours ago", "yesterday", "3pm", "vor 2 Tagen", "27 November 2026 14:20"]
    code = (
        "import json, sys\n"
        "from datetime import datetime\n"
        "from wirecrawl.dates import parse_date\n"
        "f = datetime.fromisoformat(sys.argv[1])\n"
        "print(json.dumps([parse_date(t, f, timezone='Europe/Berlin', languages=['en', 'de'],"
        " allow_time_only=True).as_json() for t in sys.argv[2:]]))\n"
    )
    env = {**os.environ, "TZ": "Asia/Kathmandu"}
    run = subprocess.run(
        [sys.executable, "-c", code, F.isoformat(), *texts],
        capture_output=True, text=True, env=env, check=True, timeout=120,
    )  # fmt: skip
    here = [
        parse_date(t, F, timezone=BER, languages=["en", "de"], allow_time_only=True).as_json()
        for t in texts
    ]
    assert json.loads(run.stdout) == here


# --- properties -----------------------------------------------------------------------------

ZONES = [UTC, ZoneInfo(TEH), ZoneInfo("America/New_York"), ZoneInfo("Australia/Lord_Howe")]
fetch_times = st.datetimes(
    min_value=datetime(1995, 1, 1),
    max_value=datetime(2035, 12, 31),
    timezones=st.sampled_from(ZONES),
)
SAMPLE_TEXTS = [param.values[0].text for param in ALL_CASES if len(param.values[0].text) < 80]  # type: ignore[attr-defined]
SLOW = settings(deadline=None, max_examples=150, suppress_health_check=[HealthCheck.too_slow])


@SLOW
@given(
    n=st.integers(0, 500),
    unit=st.sampled_from(PRECISIONS),
    language=st.sampled_from(["en", "fa", "ar"]),
    fetched=fetch_times,
    zone=st.sampled_from(["UTC", TEH, RIY, "America/New_York", "Australia/Lord_Howe"]),
)
def test_a_relative_time_is_never_after_its_fetch(
    n: int, unit: str, language: str, fetched: datetime, zone: str
) -> None:
    result = parse_date(relative_text(language, n, unit), fetched, timezone=zone)
    if result.reason is None:
        assert result.earliest is not None and result.published_at is not None
        assert result.earliest <= result.published_at <= fetched
        assert result.published_at == result.latest
    else:
        assert result.reason == "before-1990"


@SLOW
@given(text=st.sampled_from(SAMPLE_TEXTS), fetched=fetch_times, listing=st.booleans())
def test_published_at_lies_in_its_window(text: str, fetched: datetime, listing: bool) -> None:
    result = parse_date(text, fetched, languages=["en"], allow_time_only=listing)
    if result.reason is None:
        assert result.earliest is not None and result.latest is not None
        assert result.published_at is not None and result.precision in PRECISIONS
        assert result.earliest <= result.published_at <= result.latest <= fetched
    else:
        assert result.reason in REASONS and result.published_at is None


@SLOW
@given(text=st.sampled_from(SAMPLE_TEXTS), fetched=fetch_times)
def test_parse_is_deterministic_and_the_cache_changes_nothing(text: str, fetched: datetime) -> None:
    uncached = DateNormaliser(cache_size=0)
    cached = DateNormaliser()
    first = uncached.parse(text, fetched, timezone=TEH, languages=["fa", "en"])
    assert uncached.parse(text, fetched, timezone=TEH, languages=["fa", "en"]) == first
    assert cached.parse(text, fetched, timezone=TEH, languages=["fa", "en"]) == first
    assert cached.parse(text, fetched, timezone=TEH, languages=["fa", "en"]) == first
    assert cached.stats["cache_hit"] == 1


@settings(deadline=None, max_examples=100)
@given(text=st.text(max_size=60), fetched=fetch_times)
def test_any_text_gives_a_result_or_a_reason(text: str, fetched: datetime) -> None:
    result = parse_date(text, fetched, languages=["en"])
    if result.reason is None:
        assert result.published_at is not None and result.published_at <= fetched
    else:
        assert result.reason in REASONS


TOKENS = (
    "27", "9999", "0000", "1405", "1448", "12", "/", ".", "-", ":", "T", "Z", "+03:30", "GMT",
    "ago", "hours", "Nov", "آذر", "جمادى الآخرة", "هـ", "منذ", "ساعات", "پیش", "yesterday", "pm",
    "ص", "1795866000", "20261127", "Fri,", "2026", "-0000", "today", "ه.ش", "2d", "week", "29",
    "Feb", "اسفند", "uhr", "،", "١٤٤٨", "۱۴۰۵",
)  # fmt: skip


@settings(deadline=None, max_examples=300)
@given(
    words=st.lists(st.sampled_from(TOKENS), min_size=1, max_size=7),
    glue=st.sampled_from(["", " "]),
    fetched=fetch_times,
    order=st.sampled_from([None, "DMY", "MDY", "YMD"]),
)
def test_date_like_token_soup_never_breaks(
    words: list[str], glue: str, fetched: datetime, order: str | None
) -> None:
    result = parse_date(glue.join(words), fetched, timezone=TEH, languages=["en"], date_order=order)
    if result.reason is None:
        assert result.earliest is not None and result.latest is not None
        assert result.earliest <= result.published_at <= result.latest <= fetched  # type: ignore[operator]
    else:
        assert result.reason in REASONS


# --- parse-date -------------------------------------------------------------------------------


@pytest.fixture
def command() -> object:
    from wirecrawl.cli.dates import parse_date_command

    return parse_date_command


def invoke(command: object, args: list[str], stdin: str | None = None) -> object:
    return CliRunner().invoke(command, args, input=stdin)  # type: ignore[arg-type]


def test_cli_json(command: object) -> None:
    run = invoke(command, ["11 hours ago", "--fetched-at", FETCHED, "--language", "en", "--json"])
    assert run.exit_code == 0, run.output  # type: ignore[attr-defined]
    assert json.loads(run.output) == {  # type: ignore[attr-defined]
        "published_at": "2026-11-28T01:00:00+00:00",
        "precision": "hour",
        "earliest": "2026-11-28T00:00:00+00:00",
        "latest": "2026-11-28T01:00:00+00:00",
        "rule": "relative",
        "reason": None,
    }


def test_cli_human_output(command: object) -> None:
    run = invoke(
        command,
        ["۷ آذر ۱۴۰۵ - ۱۴:۲۰", "--fetched-at", "2026-11-28T12:00:00Z", "--timezone", TEH],
    )
    lines = run.output.splitlines()  # type: ignore[attr-defined]
    assert run.exit_code == 0  # type: ignore[attr-defined]
    assert "published_at  2026-11-28T10:50:00+00:00" in lines
    assert "reason        -" in lines
    assert len({re.match(r"\S+\s+", line).end() for line in lines}) == 1  # type: ignore[union-attr]


def test_cli_listing_flag_and_date_order(command: object) -> None:
    base = ["--fetched-at", FETCHED, "--json"]
    assert json.loads(invoke(command, ["14:20", *base]).output)["reason"] == "too-vague"  # type: ignore[attr-defined]
    listed = json.loads(invoke(command, ["14:20", "--listing", *base]).output)  # type: ignore[attr-defined]
    assert listed["published_at"] == "2026-11-27T14:20:00+00:00"
    ordered = json.loads(invoke(command, ["03/04/2024", "--date-order", "MDY", *base]).output)  # type: ignore[attr-defined]
    assert ordered["published_at"] == "2024-03-04T00:00:00+00:00"


def test_cli_jsonl(command: object, tmp_path: Path) -> None:
    lines = [
        json.dumps({"text": "11 hours ago", "fetched_at": FETCHED, "timezone": "UTC",
                    "languages": ["en"]}),
        json.dumps({"text": "not a date at all", "fetched_at": FETCHED}),
        json.dumps({"text": "۱۱ ساعت پیش", "fetched_at": FETCHED, "timezone": TEH,
                    "languages": ["fa"]}, ensure_ascii=False),
        "{broken",
        json.dumps({"fetched_at": FETCHED}),
        json.dumps({"text": "yesterday", "timezone": "Mars/Base"}),
        json.dumps({"text": "yesterday", "fetched_at": "2026-11-28"}),
        "",
        json.dumps({"text": "03/04/2024"}),
        json.dumps(["not", "an", "object"]),
        json.dumps({"text": "yesterday", "timezone": ["UTC"]}),
    ]  # fmt: skip
    source = tmp_path / "dates.jsonl"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    run = invoke(command, ["--jsonl", str(source), "--fetched-at", FETCHED, "--date-order", "DMY"])
    assert run.exit_code == 0, run.output  # type: ignore[attr-defined]
    rows = [json.loads(line) for line in run.output.splitlines()]  # type: ignore[attr-defined]
    assert len(rows) == len(lines)
    assert all(list(row) == list(DateResult.rejected("", "x", "y").as_json()) for row in rows)
    assert rows[0]["published_at"].startswith("2026-11-28T01:00")
    assert rows[1]["reason"] == "unparseable"
    assert rows[2]["published_at"].startswith("2026-11-28T01:00")
    bad = [3, 4, 5, 6, 7, 9, 10]
    for index in bad:
        assert rows[index]["reason"].startswith("bad-input: "), rows[index]
        assert [v for k, v in rows[index].items() if k != "reason"] == [None] * 5
    assert "timezone" in rows[5]["reason"] and "offset" in rows[6]["reason"]
    assert rows[8]["published_at"] == "2024-04-03T00:00:00+00:00"  # --date-order as default


def test_cli_jsonl_from_stdin(command: object) -> None:
    stdin = json.dumps({"text": "منذ ٣ ساعات", "fetched_at": FETCHED}, ensure_ascii=False) + "\n"
    run = invoke(command, ["--jsonl", "-", "--timezone", RIY], stdin)
    assert json.loads(run.output)["published_at"] == "2026-11-28T09:00:00+00:00"  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("args", "named"),
    [
        (["11 hours ago", "--fetched-at", "yesterday"], "--fetched-at"),
        (["11 hours ago", "--fetched-at", "2026-11-28T12:00:00"], "--fetched-at"),
        (["11 hours ago", "--timezone", "Mars/Olympus"], "--timezone"),
        (["11 hours ago", "--language", "xx"], "--language"),
        (["11 hours ago", "--date-order", "DYM"], "--date-order"),
        ([], "TEXT or --jsonl"),
        (["11 hours ago", "--jsonl", "-"], "TEXT or --jsonl"),
    ],
)
def test_cli_bad_options(command: object, args: list[str], named: str) -> None:
    run = invoke(command, args)
    assert run.exit_code == 2  # type: ignore[attr-defined]
    assert named in run.output  # type: ignore[attr-defined]
    assert "Traceback" not in run.output  # type: ignore[attr-defined]


def test_cli_is_registered_with_an_example() -> None:
    from wirecrawl.cli.app import cli

    run = CliRunner().invoke(cli, ["parse-date", "--help"])
    assert run.exit_code == 0
    assert "Example: wirecrawl parse-date" in run.output
