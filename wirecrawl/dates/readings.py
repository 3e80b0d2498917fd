"""Readings: what a date string says before the fetch time is applied, and how it is resolved.

Parsers turn text into a reading; ``resolve`` turns a reading plus the fetch time into a window.
Readings do not depend on the fetch time (relative ones keep their count and unit), so they can
be cached across a crawl and replayed exactly.

Window rule (published_at always lies in [earliest, latest] and never after fetched_at):

- An absolute stamp is truncated to its precision: "27 November 2026" covers that local day,
  "14:20" covers 14:20:00-14:21:00. earliest = the stated instant, latest = the start of the
  next period, published_at = the stated instant (the start of the local day for a date).
- "N units ago" is truncated too: the elapsed time lies in [N, N+1) units, so earliest =
  fetched - (N+1) units, latest = published_at = fetched - N units. Seconds, minutes and hours
  are exact durations; days and weeks step the local wall clock; months and years step the
  local calendar. "just now" is [fetched - 1 minute, fetched].
- "today"/"yesterday" cover that local day of the fetch (published_at = its start); with a
  clock they are absolute stamps on that day.
- latest is clipped to fetched_at (nothing is published after it was fetched), and a stamp up
  to ``skew`` after fetched_at is pulled back to fetched_at; beyond that it is "future".
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, tzinfo
from zoneinfo import ZoneInfo

from wirecrawl.dates.calendars import calendar_year, to_gregorian
from wirecrawl.dates.model import DateResult

EPOCH_FLOOR = datetime(1990, 1, 1, tzinfo=UTC)
FUTURE_SKEW = timedelta(minutes=10)
FIXED_UNITS = {
    "second": timedelta(seconds=1),
    "minute": timedelta(minutes=1),
    "hour": timedelta(hours=1),
}


def shift_back(wall: datetime, unit: str, count: int) -> datetime:
    """Naive wall time ``count`` days, weeks, months or years earlier on the calendar.

    A day missing from the target month is clamped (31 March - 1 month = 28/29 February);
    ValueError when the result leaves the calendar (year 0).
    """
    if unit in ("day", "week"):
        return wall - timedelta(days=count * (7 if unit == "week" else 1))
    months = wall.year * 12 + wall.month - 1 - count * (12 if unit == "year" else 1)
    year, month = divmod(months, 12)
    if year < 1:
        raise ValueError(f"{count} {unit}s before {wall} is before year 1")
    last_day = calendar.monthrange(year, month + 1)[1]
    return wall.replace(year=year, month=month + 1, day=min(wall.day, last_day))


@dataclass(frozen=True)
class Clock:
    """A wall-clock time as written; ``zone`` is set when the text named its own zone."""

    hour: int
    minute: int = 0
    second: int = 0
    precision: str = "minute"
    zone: tzinfo | None = None

    def time(self) -> dt.time:
        """The clock as a naive ``datetime.time``."""
        return dt.time(self.hour, self.minute, self.second)


@dataclass(frozen=True)
class Instant:
    """An absolute period: from ``start`` (aware UTC) to ``end``, one ``precision`` long."""

    rule: str
    start: datetime
    end: datetime
    precision: str
    explicit_offset: bool = False


@dataclass(frozen=True)
class Ago:
    """ "N units ago": ``count`` whole ``unit`` before the fetch (0 minutes = "just now")."""

    rule: str
    count: int
    unit: str


@dataclass(frozen=True)
class DaysBack:
    """ "today" (0), "yesterday" (1)...: a local day of the fetch, optionally at a clock time."""

    rule: str
    days: int
    clock: Clock | None = None


@dataclass(frozen=True)
class TimeOfDay:
    """A clock time alone: its latest occurrence at or before the fetch (listings only)."""

    rule: str
    clock: Clock


@dataclass(frozen=True)
class MonthDay:
    """A day and month without a year, in ``calendar``: its latest occurrence before the fetch."""

    rule: str
    calendar: str
    month: int
    day: int
    clock: Clock | None = None


@dataclass(frozen=True)
class Rejected:
    """A string that names no usable instant, with the reason code."""

    rule: str
    reason: str


Reading = Instant | Ago | DaysBack | TimeOfDay | MonthDay | Rejected


def localise(naive: datetime, zone: tzinfo) -> datetime:
    """Aware UTC instant of a naive wall-clock time in ``zone`` (first of repeated times)."""
    return naive.replace(tzinfo=zone).astimezone(UTC)


def day_instant(rule: str, day: date, zone: tzinfo) -> Instant:
    """The local day ``day`` in ``zone`` as a day-precision instant."""
    start = localise(datetime.combine(day, dt.time()), zone)
    end = localise(datetime.combine(day + timedelta(days=1), dt.time()), zone)
    return Instant(rule, start, end, "day")


def clock_instant(rule: str, day: date, clock: Clock, zone: tzinfo) -> Instant:
    """``clock`` on local day ``day``, read in the clock's own zone if it named one."""
    start = localise(datetime.combine(day, clock.time()), clock.zone or zone)
    return Instant(
        rule, start, start + FIXED_UNITS[clock.precision], clock.precision, clock.zone is not None
    )


def month_instant(rule: str, year: int, month: int, zone: tzinfo) -> Instant:
    """A whole Gregorian month in local time as a month-precision instant."""
    first = datetime(year, month, 1)
    after = datetime(year + month // 12, month % 12 + 1, 1)
    return Instant(rule, localise(first, zone), localise(after, zone), "month")


def date_instant(rule: str, day: date, clock: Clock | None, zone: tzinfo) -> Instant:
    """A local day, or a clock time on it."""
    return day_instant(rule, day, zone) if clock is None else clock_instant(rule, day, clock, zone)


def _ago_window(reading: Ago, fetched: datetime, zone: tzinfo) -> tuple[datetime, datetime]:
    if reading.unit in FIXED_UNITS:
        step = FIXED_UNITS[reading.unit]
        latest = fetched - step * reading.count
        return latest - step, latest
    wall = fetched.astimezone(zone).replace(tzinfo=None)
    latest = localise(shift_back(wall, reading.unit, reading.count), zone)
    earliest = localise(shift_back(wall, reading.unit, reading.count + 1), zone)
    return earliest, latest


def _latest_occurrence(
    reading: TimeOfDay | MonthDay, fetched: datetime, zone: tzinfo, skew: timedelta
) -> Instant | None:
    if isinstance(reading, TimeOfDay):
        own_zone = reading.clock.zone or zone
        today = fetched.astimezone(own_zone).date()
        for back in (0, 1):
            found = clock_instant(reading.rule, today - timedelta(days=back), reading.clock, zone)
            if found.start <= fetched + skew:
                return found
        return None
    local_today = fetched.astimezone(zone).date()
    year = calendar_year(reading.calendar, local_today)
    for back in range(9):  # a 29 February (or 30 Esfand) can be eight years back
        day = to_gregorian(reading.calendar, year - back, reading.month, reading.day)
        if day is None:
            continue
        found = date_instant(reading.rule, day, reading.clock, zone)
        if found.start <= fetched + skew:
            return found
    return None


def window(
    reading: Reading, fetched: datetime, zone: ZoneInfo, skew: timedelta
) -> tuple[Instant, datetime] | Rejected:
    """The reading's period and stated instant against ``fetched`` (aware UTC), unclipped."""
    if isinstance(reading, Rejected):
        return reading
    if isinstance(reading, Instant):
        return reading, reading.start
    if isinstance(reading, Ago):
        try:
            earliest, latest = _ago_window(reading, fetched, zone)
        except (OverflowError, ValueError):  # "1795866000 weeks ago" runs off the calendar
            return Rejected(reading.rule, "before-1990")
        return Instant(reading.rule, earliest, latest, reading.unit), latest
    if isinstance(reading, DaysBack):
        day = fetched.astimezone(zone).date() - timedelta(days=reading.days)
        found = date_instant(reading.rule, day, reading.clock, zone)
        return found, found.start
    occurrence = _latest_occurrence(reading, fetched, zone, skew)
    if occurrence is None:
        return Rejected(reading.rule, "unparseable")
    return occurrence, occurrence.start


def resolve(
    raw: str,
    reading: Reading,
    fetched: datetime,
    zone: ZoneInfo,
    *,
    allow_time_only: bool = False,
    skew: timedelta = FUTURE_SKEW,
) -> DateResult:
    """Apply the fetch time and the sanity rules (future, before 1990, time alone) to a reading."""
    if isinstance(reading, TimeOfDay) and not allow_time_only:
        return DateResult.rejected(raw, reading.rule, "too-vague")
    found = window(reading, fetched, zone, skew)
    if isinstance(found, Rejected):
        return DateResult.rejected(raw, found.rule, found.reason)
    period, stated = found
    if period.start > fetched + skew:
        return DateResult.rejected(raw, period.rule, "future")
    if stated < EPOCH_FLOOR:
        return DateResult.rejected(raw, period.rule, "before-1990")
    latest = min(period.end, fetched)
    earliest = min(period.start, latest)
    published = min(max(stated, earliest), latest)
    return DateResult(
        raw,
        published,
        period.precision,
        earliest,
        latest,
        period.rule,
        None,
        period.explicit_offset,
    )
