"""choose_date: settle on one publication date among the candidates a page and its listings gave.

The rule:

1. Parse every candidate against the fetch time (a clock time alone is allowed only from a
   listing; a URL yields its /2026/11/27/ path date). Every candidate goes into the evidence,
   parsed or not, with its rank and whether it was chosen.
2. Rank the usable ones by origin, most reliable first:
   0 jsonld/microdata/meta whose text states its UTC offset or zone,
   1 time (a <time datetime> attribute),
   2 jsonld/microdata/meta read in the source's zone,
   3 feed/sitemap/embedded (an app state such as __NEXT_DATA__), 4 byline, 5 listing,
   6 any other origin, 7 url.
3. Among the best-ranked candidates: when they lie within a day of each other, take the most
   precise (then the first given); when they disagree by more than a day, take the earliest
   instant, since a later one is usually an update of the same story.
4. Refine: if a more precise candidate of any rank falls inside the chosen window, take it
   (the most precise, then the best ranked) - "11 hours ago" on a listing sharpens a date-only
   byline; a stamp outside the window never overrides a more reliable one.
5. With nothing usable, the result is the best-ranked candidate's rejection (its reason says
   why) and that candidate; with no candidates at all, reason "no-candidates".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any, NamedTuple
from urllib.parse import urlsplit

from wirecrawl.dates.model import PRECISIONS, DateCandidate, DateChoice, DateResult

if TYPE_CHECKING:
    from wirecrawl.dates.core import DateNormaliser

STRUCTURED = ("jsonld", "microdata", "meta")
_RANKS = {"time": 1, "feed": 3, "sitemap": 3, "embedded": 3, "byline": 4, "listing": 5, "url": 7}
_OTHER_RANK = 6
_DISAGREEMENT = timedelta(days=1)
_URL_DATE = re.compile(
    r"(?<!\d)((?:19|20)\d{2})([/_-]?)(0[1-9]|1[0-2])(?:\2(0[1-9]|[12]\d|3[01]))?(?!\d)"
)


class _Parsed(NamedTuple):
    order: int
    candidate: DateCandidate
    result: DateResult
    rank: int


def rank(origin: str, result: DateResult) -> int:
    """Reliability rank of a candidate's origin (0 is best); see the module docstring."""
    if origin in STRUCTURED:
        return 0 if result.explicit_offset else 2
    return _RANKS.get(origin, _OTHER_RANK)


def url_date_text(url: str) -> str | None:
    """The date in a URL path as ISO text: "/2026/11/27/x" -> "2026-11-27", "/2026/11/" -> month."""
    found = _URL_DATE.search(urlsplit(url).path or url)
    if not found:
        return None
    year, _, month, day = found.groups()
    return f"{year}-{month}-{day}" if day else f"{year}-{month}"


def _parse_one(
    normaliser: DateNormaliser,
    candidate: DateCandidate,
    fetched_at: datetime,
    options: dict[str, Any],
) -> DateResult:
    text = candidate.text
    if candidate.origin == "url":
        found = url_date_text(text)
        if found is None:
            return DateResult.rejected(text, "url", "unparseable")
        parsed = normaliser.parse(found, fetched_at, **options)
        return DateResult(
            text,
            parsed.published_at,
            parsed.precision,
            parsed.earliest,
            parsed.latest,
            "url",
            parsed.reason,
            parsed.explicit_offset,
        )
    return normaliser.parse(
        text, fetched_at, allow_time_only=candidate.origin == "listing", **options
    )


def _precision(parsed: _Parsed) -> int:
    return PRECISIONS.index(parsed.result.precision or "year")


def _evidence(parsed: _Parsed, chosen: bool) -> dict[str, Any]:
    result = parsed.result
    return {
        "origin": parsed.candidate.origin,
        "detail": parsed.candidate.detail,
        "raw": parsed.candidate.text,
        **result.as_json(),
        "rank": parsed.rank,
        "chosen": chosen,
    }


def _pick(usable: list[_Parsed]) -> tuple[_Parsed, str]:
    """The chosen candidate among usable ones, and how it was chosen (for the counters)."""
    best_rank = min(p.rank for p in usable)
    top = [p for p in usable if p.rank == best_rank]
    instants = [p.result.published_at for p in top if p.result.published_at is not None]
    how = "rank"
    if max(instants) - min(instants) > _DISAGREEMENT:
        best = min(top, key=lambda p: (p.result.published_at, _precision(p), p.order))
        how = "earliest"
    else:
        best = min(top, key=lambda p: (_precision(p), p.order))
    low, high = best.result.earliest, best.result.latest
    assert low is not None and high is not None
    finer = [
        p
        for p in usable
        if _precision(p) < _precision(best)
        and p.result.published_at is not None
        and low <= p.result.published_at <= high
    ]
    if finer:
        return min(finer, key=lambda p: (_precision(p), p.rank, p.order)), "refined"
    return best, how


def choose(
    normaliser: DateNormaliser,
    candidates: Sequence[DateCandidate],
    fetched_at: datetime,
    timezone: str,
    languages: Sequence[str] | None,
    date_order: str | None,
) -> DateChoice:
    """Apply the module's rule to ``candidates``; see ``choose_date``."""
    options: dict[str, Any] = {
        "timezone": timezone,
        "languages": languages,
        "date_order": date_order,
    }
    normaliser.stats["choose"] += 1
    parsed = []
    for order, candidate in enumerate(candidates):
        result = _parse_one(normaliser, candidate, fetched_at, options)
        parsed.append(_Parsed(order, candidate, result, rank(candidate.origin, result)))
    usable = [p for p in parsed if p.result.reason is None]
    if not usable:
        normaliser.stats["choose/none"] += 1
        if not parsed:
            return DateChoice(DateResult.rejected("", "none", "no-candidates"), None, [])
        fallback = min(parsed, key=lambda p: (p.rank, p.order))
        evidence = [_evidence(p, False) for p in parsed]
        return DateChoice(fallback.result, fallback.candidate, evidence)
    chosen, how = _pick(usable)
    normaliser.stats[f"choose/{how}"] += 1
    evidence = [_evidence(p, p is chosen) for p in parsed]
    return DateChoice(chosen.result, chosen.candidate, evidence)
