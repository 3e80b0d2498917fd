"""Source health: last run, newest story, and flags for sources that need a look.

Flags (also in docs/scheduling.md):

- ``never-run``: no run of the source is recorded;
- ``failing``: its last :data:`FAILING_AFTER` finished runs all ended other than "ok"
  ("shutdown" runs, stopped by a signal, are passed over);
- ``silent``: no new story (by ``first_seen``) for longer than expected, where expected is
  ``max(3 x the median gap between its stories' first_seen over the last 30 days,
  4 x its interval, 6 hours)``; a source that never stored a story counts from its first run;
- ``layout-changed?``: extraction coverage of its latest runs fell below half of the 30 days
  before. Coverage of a run is the share of its article pages that gave a story with title, body
  and published_at: stories first or last seen within the run's start and end, over
  ``max(pages fetched, stories seen)``. "Latest runs" pools the newest runs that fetched
  articles until they hold :data:`MIN_RECENT_PAGES` pages (at most :data:`RECENT_RUNS` runs);
  the baseline pools the other runs of the 30 days and needs :data:`MIN_BASELINE_PAGES` pages.

Everything here is a pure function of rows and ``now`` except :func:`source_health`, which reads
the rows.
"""

from __future__ import annotations

import bisect
import itertools
import json
import statistics
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

import sqlite_utils

from wirecrawl import store
from wirecrawl.sources import Source

WINDOW = timedelta(days=30)
FAILING_AFTER = 2
SILENT_GAP_FACTOR = 3
SILENT_INTERVAL_FACTOR = 4
SILENT_FLOOR = timedelta(hours=6)
COVERAGE_DROP = 0.5
MIN_RECENT_PAGES = 5
RECENT_RUNS = 3
MIN_BASELINE_PAGES = 10
# Outcomes that say nothing about the source: a signal stopped it, or someone else crawled it.
NEUTRAL_OUTCOMES = frozenset({"shutdown", "busy"})


def short_duration(seconds: float) -> str:
    """A duration in at most two units: "45s", "3m10s", "2h05m", "3d04h"; negatives read as 0s."""
    total = max(0, round(seconds))
    days, rest = divmod(total, 86400)
    hours, rest = divmod(rest, 3600)
    minutes, secs = divmod(rest, 60)
    if days:
        return f"{days}d{hours:02d}h"
    if hours:
        return f"{hours}h{minutes:02d}m"
    if minutes:
        return f"{minutes}m{secs:02d}s"
    return f"{secs}s"


@dataclass(frozen=True)
class Flag:
    """A health flag and why it was raised."""

    name: str
    reason: str


@dataclass(frozen=True)
class RunFacts:
    """The parts of a ``runs`` row health looks at."""

    id: int
    started_at: datetime
    finished_at: datetime | None
    outcome: str
    pages: int = 0
    added: int = 0
    errors: int = 0
    # what the crawl itself counted: stories extracted, and those with title, body and date
    items: int | None = None
    complete: int | None = None

    @classmethod
    def from_row(cls, row: Mapping[str, Any]) -> RunFacts:
        """RunFacts of a stored run row."""
        started = store.parse_iso(row["started_at"])
        assert started is not None
        stats = row.get("stats") or "{}"
        counted = json.loads(stats) if isinstance(stats, str) else dict(stats)
        items = counted.get("wirecrawl/coverage/items")
        return cls(
            id=int(row["id"]),
            started_at=started,
            finished_at=store.parse_iso(row.get("finished_at")),
            outcome=str(row["outcome"]),
            pages=int(row.get("pages_fetched") or 0),
            added=int(row.get("stories_added") or 0),
            errors=int(row.get("errors") or 0),
            items=None if items is None else int(items),
            complete=int(counted.get("wirecrawl/coverage/complete", 0)),
        )


@dataclass(frozen=True)
class StoryFacts:
    """When a story was first and last stored, and whether title, body and date were all found."""

    first_seen: datetime
    last_seen: datetime
    complete: bool


@dataclass
class Health:
    """One source's health: its last run, its newest story, coverage and flags."""

    source: str
    last_run_at: datetime | None = None
    last_outcome: str | None = None
    last_added: int | None = None
    last_errors: int | None = None
    failures: int = 0
    newest_at: datetime | None = None
    last_new_at: datetime | None = None
    expected_within: timedelta | None = None
    coverage_recent: float | None = None
    coverage_baseline: float | None = None
    flags: list[Flag] = field(default_factory=list)

    @property
    def flag_names(self) -> list[str]:
        """The flags' names, in the order raised."""
        return [f.name for f in self.flags]


def median_gap(times: Sequence[datetime]) -> timedelta | None:
    """The median gap between consecutive times (sorted first); None for fewer than two."""
    ordered = sorted(times)
    if len(ordered) < 2:
        return None
    gaps = [(b - a).total_seconds() for a, b in itertools.pairwise(ordered)]
    return timedelta(seconds=statistics.median(gaps))


def expected_within(first_seen: Sequence[datetime], interval: timedelta) -> timedelta:
    """How long a source may go without a new story: max(3 x median gap, 4 x interval, 6h)."""
    candidates = [interval * SILENT_INTERVAL_FACTOR, SILENT_FLOOR]
    gap = median_gap(first_seen)
    if gap is not None:
        candidates.append(gap * SILENT_GAP_FACTOR)
    return max(candidates)


def consecutive_failures(runs: Sequence[RunFacts]) -> tuple[int, list[str]]:
    """How many finished runs in a row, newest back, did not end "ok", and their outcomes.

    ``runs`` are oldest first; runs still 'running' and neutral ones ("shutdown") are passed over.
    """
    outcomes: list[str] = []
    for run in sorted(runs, key=lambda r: (r.started_at, r.id), reverse=True):
        if run.outcome == "running" or run.outcome in NEUTRAL_OUTCOMES:
            continue
        if run.outcome == "ok":
            break
        outcomes.append(run.outcome)
    return len(outcomes), outcomes


def run_coverage(
    runs: Sequence[RunFacts], stories: Sequence[StoryFacts]
) -> dict[int, tuple[int, int]]:
    """Per finished run id: (article pages, complete stories) seen within its start and end.

    Pages are ``max(pages fetched, stories seen)``; a story first seen in one run and seen again
    in another counts in both. Runs of one source never overlap (the lock sees to it).
    """
    finished = sorted(
        (r for r in runs if r.finished_at is not None), key=lambda r: (r.started_at, r.id)
    )
    starts = [r.started_at for r in finished]
    touched: dict[int, list[int]] = {r.id: [0, 0] for r in finished}
    for story in stories:
        hit: set[int] = set()
        for moment in (story.first_seen, story.last_seen):
            index = bisect.bisect_right(starts, moment) - 1
            if index >= 0:
                run = finished[index]
                assert run.finished_at is not None
                if moment <= run.finished_at:
                    hit.add(run.id)
        for run_id in hit:
            touched[run_id][0] += 1
            touched[run_id][1] += int(story.complete)
    coverage = {}
    for r in finished:
        if r.items is not None and max(r.pages, r.items) > 0:
            # the crawl counted what it extracted: exact, updated stories included
            coverage[r.id] = (max(r.pages, r.items), r.complete or 0)
        elif max(r.pages, touched[r.id][0]) > 0:
            coverage[r.id] = (max(r.pages, touched[r.id][0]), touched[r.id][1])
    return coverage


def coverage_change(
    runs: Sequence[RunFacts], per_run: Mapping[int, tuple[int, int]]
) -> tuple[float | None, float | None]:
    """(coverage of the latest runs, coverage of the earlier ones), each pooled; None when the
    latest runs fetched no article or the earlier ones fewer than MIN_BASELINE_PAGES."""
    measured = [
        r for r in sorted(runs, key=lambda r: (r.started_at, r.id), reverse=True) if r.id in per_run
    ]
    recent_pages = recent_complete = taken = 0
    while taken < len(measured) and taken < RECENT_RUNS and recent_pages < MIN_RECENT_PAGES:
        pages, complete = per_run[measured[taken].id]
        recent_pages, recent_complete, taken = (
            recent_pages + pages,
            recent_complete + complete,
            taken + 1,
        )
    base = [per_run[r.id] for r in measured[taken:]]
    base_pages = sum(p for p, _ in base)
    recent = recent_complete / recent_pages if recent_pages else None
    baseline = sum(c for _, c in base) / base_pages if base_pages >= MIN_BASELINE_PAGES else None
    return recent, baseline


def assess(
    source: Source,
    runs: Sequence[RunFacts],
    stories: Sequence[StoryFacts],
    now: datetime,
    *,
    last_new_at: datetime | None = None,
    newest_at: datetime | None = None,
) -> Health:
    """The health of ``source`` at ``now`` from its runs and its stories of the last 30 days.

    ``last_new_at`` is its newest ``first_seen`` ever and ``newest_at`` its newest story by
    published_at, else first_seen (both may lie before the 30 days).
    """
    health = Health(source=source.name, newest_at=newest_at, last_new_at=last_new_at)
    if not runs:
        health.flags.append(Flag("never-run", "no crawl of this source is recorded"))
        return health
    ordered = sorted(runs, key=lambda r: (r.started_at, r.id))
    last = ordered[-1]
    health.last_run_at, health.last_outcome = last.started_at, last.outcome
    health.last_added, health.last_errors = last.added, last.errors
    health.failures, outcomes = consecutive_failures(ordered)
    if health.failures >= FAILING_AFTER:
        health.flags.append(
            Flag(
                "failing",
                f"last {health.failures} runs failed ({', '.join(outcomes[: FAILING_AFTER + 1])})",
            )
        )
    recent_first_seen = [s.first_seen for s in stories if s.first_seen >= now - WINDOW]
    health.expected_within = expected_within(recent_first_seen, source.interval)
    since = last_new_at or ordered[0].started_at
    quiet = now - since
    if quiet > health.expected_within:
        what = "no new story" if last_new_at else "no story at all"
        health.flags.append(
            Flag(
                "silent",
                f"{what} for {short_duration(quiet.total_seconds())} "
                f"(expected within {short_duration(health.expected_within.total_seconds())})",
            )
        )
    recent, baseline = coverage_change(ordered, run_coverage(ordered, stories))
    health.coverage_recent, health.coverage_baseline = recent, baseline
    if recent is not None and baseline and recent < COVERAGE_DROP * baseline:
        health.flags.append(
            Flag(
                "layout-changed?",
                f"title+body+date found on {recent:.0%} of recent article pages, "
                f"{baseline:.0%} over the 30 days before",
            )
        )
    return health


def source_health(
    db: sqlite_utils.Database, sources: Sequence[Source], now: datetime
) -> list[Health]:
    """Read each source's recent runs and stories and assess them at ``now``."""
    result = []
    since = now - WINDOW
    for source in sources:
        runs = [RunFacts.from_row(r) for r in store.runs_since(db, source.name, since)]
        facts = [
            StoryFacts(datetime.fromisoformat(first), datetime.fromisoformat(last), bool(complete))
            for first, last, complete in store.story_facts_since(db, source.name, since)
        ]
        last_new, newest = store.newest_story(db, source.name)
        result.append(
            assess(
                source,
                runs,
                facts,
                now,
                last_new_at=store.parse_iso(last_new),
                newest_at=store.parse_iso(newest),
            )
        )
    return result
