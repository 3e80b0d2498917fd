"""Date normalisation: every timestamp a page or feed gives, turned into an exact UTC instant.

``parse_date(text, fetched_at, ...)`` reads one string; ``choose_date(candidates, ...)`` picks
a story's publication date among several; ``DateNormaliser`` does both with an LRU cache and
counters for a whole crawl; ``fetch_time`` decides when a page was downloaded.

``clock_only(text)`` tells a clock written alone ("٠٦:١٤ م"), which extraction joins to the date
in the element before it.

How a string is read: cleaned (Persian and Arabic-Indic digits, bidi and zero-width marks,
tatweel, NBSP), then fast parsers in order - digits (epoch 10/13 digits, compact ISO, else
"bare-number"), ISO 8601, RFC 822, relative stamps (English, Persian, Arabic; "today" and
"yesterday" in ten languages), dates with month names (English, Arabic and Persian Gregorian
names, Jalali via jdatetime, Hijri via hijridate), numeric dates (day/month order from the
source's ``date_order``; rejected as "ambiguous-order" when it cannot be told), a clock alone,
a weekday or month alone - and only then dateparser with every setting explicit (see ``slow``).
A clock after a date is part of it (am/pm, Arabic ص/م and صباحا/مساء, Persian ق.ظ/ب.ظ). A day
written twice ("١٩ جمادى الأولى ١٤٤٨ هـ - الموافق ٣٠ أكتوبر ٢٠٢٦ ٠٦:١٤ م") is one date with the
clock after both parts; if the two calendars disagree the Gregorian part wins and the rule is
"calendar-mismatch" (see ``fast``).

Window rule (``readings``): published_at is the instant the text literally states, truncated
to its precision, and lies in [earliest, latest]:

- "27 November 2026" -> precision day, [local midnight, next local midnight], published_at =
  local midnight; "14:20" -> precision minute, [14:20, 14:21]; ISO with seconds -> second.
- "11 hours ago" -> precision hour, [fetched - 12h, fetched - 11h], published_at =
  fetched - 11h (the stamp was rounded down). "yesterday" -> the local day before the fetch.
- latest never passes fetched_at; a stamp up to 10 minutes after it is pulled back to it,
  beyond that it is rejected as "future"; before 1990 is "before-1990".

Reason codes: empty, too-long, unparseable, bare-number, weekday-only, too-vague (a month or a
clock alone off a listing), ambiguous-order, order-mismatch (the numbers contradict the
source's date_order), future, before-1990; ``choose_date`` adds no-candidates, and
``renormalise_rows`` and the CLI add "bad-input: ...".

The cache holds readings, not results (see ``core``): "11 hours ago" is parsed once per crawl
and still resolves exactly against each fetch time.

The choice rule is in ``wirecrawl.dates.choose``.
"""

from wirecrawl.dates.core import (
    MAX_LENGTH,
    DateNormaliser,
    choose_date,
    fetch_time,
    parse_date,
    renormalise_rows,
)
from wirecrawl.dates.fast import clock_only
from wirecrawl.dates.model import PRECISIONS, DateCandidate, DateChoice, DateResult

__all__ = [
    "MAX_LENGTH",
    "PRECISIONS",
    "DateCandidate",
    "DateChoice",
    "DateNormaliser",
    "DateResult",
    "choose_date",
    "clock_only",
    "fetch_time",
    "parse_date",
    "renormalise_rows",
]
