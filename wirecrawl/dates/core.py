"""parse_date and the cached DateNormaliser: text -> reading (cached) -> DateResult.

The cache holds readings, not results: a reading does not depend on the fetch time (a relative
stamp keeps its count and unit), so "11 hours ago" seen on a thousand listing pages is parsed
once and still resolves to its exact instant for each fetch. Readings made by dateparser may
depend on the fetch day (a weekday, a yearless date), so those are kept for that local day only.
"""

from __future__ import annotations

import email.utils
import re
from collections import Counter, OrderedDict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import UTC, date, datetime, timedelta
from functools import lru_cache
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from wirecrawl.dates.fast import DATE_ORDERS, FAST_PARSERS, Context
from wirecrawl.dates.model import DateCandidate, DateChoice, DateResult
from wirecrawl.dates.readings import FUTURE_SKEW, Reading, Rejected, resolve
from wirecrawl.dates.text import clean, fold, for_languages

MAX_LENGTH = 200
_LETTER = re.compile(r"[^\W\d_]")
# A date-like stretch inside a long text, handed to dateparser alone: "27. November 2026",
# "November 27, 2026", each with an optional clock after it.
_SNIPPET = re.compile(
    r"(?:\d{1,2}\.?\s+[^\W\d_]{3,12}\.?,?\s+\d{4}|[^\W\d_]{3,12}\.?\s+\d{1,2},?\s+\d{4})"
    r"(?:[\s,]+(?:[^\W\d_]{1,5}\s+)?\d{1,2}[:h.]\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?)?"
)


@lru_cache(maxsize=256)
def context(timezone: str, languages: tuple[str, ...] | None, date_order: str | None) -> Context:
    """Checked source settings; ValueError names a bad zone, language or date order."""
    try:
        zone = ZoneInfo(timezone)
    except (ZoneInfoNotFoundError, ValueError, TypeError):
        raise ValueError(f"unknown timezone {timezone!r} (give an IANA name)") from None
    if date_order not in (None, *DATE_ORDERS):
        raise ValueError(f"date_order must be one of {', '.join(DATE_ORDERS)}, not {date_order!r}")
    if languages is not None:
        from dateparser.data.languages_info import language_order

        unknown = [lang for lang in languages if lang not in language_order]
        if unknown:
            raise ValueError(f"unknown language code(s): {', '.join(map(repr, unknown))}")
    return Context(zone, languages or None, date_order)


def _aware_utc(fetched_at: datetime) -> datetime:
    if fetched_at.tzinfo is None or fetched_at.utcoffset() is None:
        raise ValueError(f"fetched_at must be timezone-aware, got naive {fetched_at!r}")
    return fetched_at.astimezone(UTC)


def read(text: str, fetched: datetime, ctx: Context) -> tuple[Reading, bool]:
    """The reading of one cleaned string, and whether it holds only for the fetch's local day."""
    if not text:
        return Rejected("none", "empty"), False
    if len(text) > MAX_LENGTH:
        return _read_long(text, fetched, ctx)
    folded = fold(text)
    for parser in FAST_PARSERS:
        found = parser(folded, ctx)
        if found is not None:
            return found, False
    if not _LETTER.search(folded):
        return Rejected("none", "unparseable"), False
    from wirecrawl.dates.slow import RULE, read_with_dateparser

    try:
        found = read_with_dateparser(for_languages(text, ctx.languages), folded, fetched, ctx)
    except (OverflowError, ValueError):  # dateparser on out-of-range numbers ("+9999 12/")
        found = Rejected(RULE, "unparseable")
    return found, True


def _read_long(text: str, fetched: datetime, ctx: Context) -> tuple[Reading, bool]:
    """A long text: the first date our searching parsers find, else one date-like snippet."""
    folded = fold(text)
    for parser in FAST_PARSERS:
        found = parser(folded, ctx)
        if found is not None and not isinstance(found, Rejected):
            return found, False
    snippet = _SNIPPET.search(text)
    if snippet is None:
        return Rejected("none", "too-long"), False
    return read(snippet[0], fetched, ctx)


class DateNormaliser:
    """Parses and chooses dates for one crawl, caching readings in an LRU of ``cache_size``.

    ``stats`` counts calls ("parsed", "cache_hit", "cache_miss"), outcomes ("ok",
    "rule/<rule>", "rejected/<reason>") and choices ("choose/...").
    """

    def __init__(self, cache_size: int = 4096) -> None:
        self.cache_size = cache_size
        self.stats: Counter[str] = Counter()
        self._cache: OrderedDict[tuple[Any, ...], tuple[Reading, date | None]] = OrderedDict()

    def reading(self, text: str, fetched: datetime, ctx: Context) -> Reading:
        """The (cached) reading of raw ``text`` for a source context."""
        cleaned = clean(text)
        key = (cleaned, ctx)
        local_day = fetched.astimezone(ctx.zone).date()
        cached = self._cache.get(key)
        if cached is not None and cached[1] in (None, local_day):
            self._cache.move_to_end(key)
            self.stats["cache_hit"] += 1
            return cached[0]
        self.stats["cache_miss"] += 1
        found, day_bound = read(cleaned, fetched, ctx)
        self._cache[key] = (found, local_day if day_bound else None)
        self._cache.move_to_end(key)
        if len(self._cache) > self.cache_size:
            self._cache.popitem(last=False)
        return found

    def parse(
        self,
        text: str,
        fetched_at: datetime,
        *,
        timezone: str = "UTC",
        languages: Sequence[str] | None = None,
        date_order: str | None = None,
        allow_time_only: bool = False,
    ) -> DateResult:
        """``parse_date`` with this normaliser's cache and counters."""
        fetched = _aware_utc(fetched_at)
        ctx = context(timezone, tuple(languages) if languages else None, date_order)
        self.stats["parsed"] += 1
        result = resolve(
            text,
            self.reading(text, fetched, ctx),
            fetched,
            ctx.zone,
            allow_time_only=allow_time_only,
            skew=FUTURE_SKEW,
        )
        if result.reason is None:
            self.stats["ok"] += 1
            self.stats[f"rule/{result.rule}"] += 1
        else:
            self.stats[f"rejected/{result.reason}"] += 1
        return result

    def choose(
        self,
        candidates: Sequence[DateCandidate],
        fetched_at: datetime,
        *,
        timezone: str = "UTC",
        languages: Sequence[str] | None = None,
        date_order: str | None = None,
    ) -> DateChoice:
        """``choose_date`` with this normaliser's cache and counters."""
        from wirecrawl.dates.choose import choose

        return choose(self, candidates, fetched_at, timezone, languages, date_order)


_DEFAULT = DateNormaliser()


def parse_date(
    text: str,
    fetched_at: datetime,
    *,
    timezone: str = "UTC",
    languages: Sequence[str] | None = None,
    date_order: str | None = None,
    allow_time_only: bool = False,
) -> DateResult:
    """What ``text`` says about a publication instant, resolved against ``fetched_at``.

    ``fetched_at`` must be aware (ValueError if naive); a time without an offset is read in
    ``timezone``; ``languages`` None means dateparser detects them (slow); ``date_order`` is
    "DMY", "MDY", "YMD" or None (an ambiguous numeric date is then rejected). A clock time alone
    is accepted only with ``allow_time_only`` (listing pages).
    """
    return _DEFAULT.parse(
        text,
        fetched_at,
        timezone=timezone,
        languages=languages,
        date_order=date_order,
        allow_time_only=allow_time_only,
    )


def choose_date(
    candidates: Sequence[DateCandidate],
    fetched_at: datetime,
    *,
    timezone: str = "UTC",
    languages: Sequence[str] | None = None,
    date_order: str | None = None,
) -> DateChoice:
    """The best of a story's date candidates, with the evidence (see ``wirecrawl.dates.choose``)."""
    return _DEFAULT.choose(
        candidates, fetched_at, timezone=timezone, languages=languages, date_order=date_order
    )


def fetch_time(
    date_header: str | bytes | None,
    local_now: datetime,
    *,
    max_skew: timedelta = timedelta(minutes=15),
) -> datetime:
    """When a page was downloaded, aware UTC: the HTTP ``Date`` header if it parses and lies
    within ``max_skew`` of ``local_now`` (which must be aware), else ``local_now``.
    """
    now = _aware_utc(local_now)
    if isinstance(date_header, bytes):
        date_header = date_header.decode("latin-1")
    if not date_header:
        return now
    try:
        stamp = email.utils.parsedate_to_datetime(date_header.strip())
    except (TypeError, ValueError, IndexError, OverflowError):
        return now
    stamp = stamp.replace(tzinfo=UTC) if stamp.tzinfo is None else stamp.astimezone(UTC)
    return stamp if abs(stamp - now) <= max_skew else now


def _languages(value: Any) -> list[str] | None:
    """Languages as stored: a list, a JSON array, "fa,ar", or empty."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        import json

        text = value.strip()
        parsed = json.loads(text) if text.startswith("[") else text.split(",")
        return [str(lang).strip() for lang in parsed if str(lang).strip()] or None
    return [str(lang) for lang in value] or None


def _stored_time(value: datetime | str) -> datetime:
    """A stored fetch time: an aware datetime or ISO text; a naive one is taken as UTC."""
    stamp = datetime.fromisoformat(value) if isinstance(value, str) else value
    return stamp.replace(tzinfo=UTC) if stamp.tzinfo is None else stamp


def renormalise_rows(
    rows: Iterable[Mapping[str, Any]], normaliser: DateNormaliser
) -> Iterator[tuple[Any, DateResult]]:
    """(id, DateResult) for each stored row, re-parsing ``published_raw`` against ``fetched_at``.

    A row (a dict or sqlite3.Row) needs id, published_raw, fetched_at (ISO text or datetime;
    naive means UTC) and may give timezone (default UTC), languages (list, JSON array or comma
    list) and date_order. A row whose settings are unusable yields reason "bad-input: ...".
    """
    for stored in rows:
        row = dict(stored)
        raw = row.get("published_raw") or ""
        try:
            result = normaliser.parse(
                raw,
                _stored_time(row["fetched_at"]),
                timezone=row.get("timezone") or "UTC",
                languages=_languages(row.get("languages")),
                date_order=row.get("date_order") or None,
            )
        except (KeyError, TypeError, ValueError) as exc:
            result = DateResult.rejected(raw, "none", f"bad-input: {exc}")
        yield row["id"], result
