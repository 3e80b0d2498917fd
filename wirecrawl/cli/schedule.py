"""``wirecrawl schedule`` (crawl every source on its interval) and ``wirecrawl runs``."""

from __future__ import annotations

import sqlite3
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import click

from wirecrawl.cli.app import cli, config_from, db_option, sources_option
from wirecrawl.cli.output import emit, format_options, output_format

RUN_COLUMNS = [
    "id",
    "source",
    "started_at",
    "duration",
    "outcome",
    "pages",
    "added",
    "updated",
    "dropped",
    "errors",
]
# The table view: start as UTC "MM-DD HH:MM", duration as "3m10s".
TABLE_COLUMNS = ["id", "source", "started", "took", *RUN_COLUMNS[4:]]


@cli.command()
@sources_option
@db_option
@click.option("--once", is_flag=True, help="Crawl whatever is due now, then exit (cron, timers).")
@click.option(
    "--source",
    "names",
    multiple=True,
    metavar="NAME",
    help="Schedule only this source (repeatable; live-only sources need naming).",
)
@click.option(
    "--interval",
    "intervals",
    multiple=True,
    metavar="NAME=DURATION",
    help="Override a source's interval, e.g. meridian=5m (repeatable).",
)
@click.option(
    "--max-parallel",
    type=click.IntRange(min=1, max=64),
    default=4,
    show_default=True,
    help="Crawls running at once.",
)
@click.option(
    "--log-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Append each crawl's output to DIR/SOURCE.log (default: shown only when it fails).",
)
def schedule(
    sources_file: Path | None,
    db_path: Path | None,
    once: bool,
    names: tuple[str, ...],
    intervals: tuple[str, ...],
    max_parallel: int,
    log_dir: Path | None,
) -> None:
    """Crawl each source on its own interval, each crawl in its own process.

    Failing sources back off (interval x 2^failures, at most 24h); one crawl per source runs at a
    time, also across several schedulers and manual `wirecrawl crawl` runs on one database. The
    first SIGTERM or Ctrl-C lets running crawls finish and exits 0; a second one kills them.

    Example: wirecrawl schedule --once --db data/wirecrawl.db --interval meridian=5m
    """
    from wirecrawl import schedule as sched
    from wirecrawl import store
    from wirecrawl.cli.sources import registry
    from wirecrawl.sources import SourceError

    config = config_from(db_path=db_path, sources_file=sources_file)
    try:
        overrides = sched.parse_intervals(intervals)
        chosen = sched.scheduled_sources(registry(config.sources_file), names, overrides)
    except ValueError as exc:  # SourceError is a ValueError
        hint = "--source/--interval" if isinstance(exc, SourceError) else "--interval"
        raise click.BadParameter(str(exc), param_hint=hint) from None
    if not chosen:
        raise click.UsageError("no sources to schedule: name some with --source")
    launcher = sched.process_launcher(
        sched.crawl_command(config.db_path, config.sources_file), log_dir
    )

    def say(line: str) -> None:
        click.echo(line)
        sys.stdout.flush()

    try:
        db = store.open_db(config.db_path)
    except (OSError, sqlite3.Error) as exc:
        raise click.ClickException(f"cannot open the database {config.db_path}: {exc}") from None
    try:
        scheduler = sched.Scheduler(
            db, chosen, launcher, max_parallel=max_parallel, once=once, say=say
        )
        mode = "once" if once else "until stopped"
        say(
            f"{sched.stamp(scheduler.clock.now())} schedule {len(chosen)} source(s) "
            f"({', '.join(s.name for s in chosen)}) into {config.db_path}, {mode}"
        )
        code = sched.serve(scheduler)
        if once:
            for line in sched.summary_lines(scheduler.report, scheduler.clock.now()):
                say(line)
    finally:
        db.conn.close()
    sys.exit(code)


def run_rows(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Stored run rows as listed by `wirecrawl runs` (duration in seconds, stats decoded)."""
    import json

    from wirecrawl import store

    result = []
    for row in rows:
        started, finished = store.parse_iso(row["started_at"]), store.parse_iso(row["finished_at"])
        duration = (finished - started).total_seconds() if started and finished else None
        result.append(
            {
                "id": row["id"],
                "source": row["source"],
                "started_at": row["started_at"],
                "finished_at": row["finished_at"],
                "duration": duration,
                "outcome": row["outcome"],
                "pages": row["pages_fetched"],
                "added": row["stories_added"],
                "updated": row["stories_updated"],
                "dropped": row["dropped"],
                "errors": row["errors"],
                "pid": row["pid"],
                "stats": json.loads(row["stats"] or "{}"),
            }
        )
    return result


@cli.command()
@click.option("--source", "-s", multiple=True, help="Only this source (repeatable).")
@click.option("--limit", "-n", type=click.IntRange(min=1), default=20, show_default=True)
@db_option
@format_options
def runs(
    source: tuple[str, ...],
    limit: int,
    db_path: Path | None,
    as_json: bool,
    as_nl: bool,
    as_csv: bool,
) -> None:
    """List recent crawl runs, newest first: pages, stories added/updated, drops, errors, outcome.

    The table shows the start in UTC as MM-DD HH:MM; --json, --nl and --csv give ISO times and
    the duration in seconds, and --json and --nl add each run's full stats.

    Example: wirecrawl runs --source meridian --limit 5
    """
    from wirecrawl import store
    from wirecrawl.cli.stories import open_readonly
    from wirecrawl.health import short_duration

    fmt = output_format(as_json, as_nl, as_csv)
    with open_readonly(db_path) as db:
        rows = run_rows(store.recent_runs(db, source=source, limit=limit))
    if fmt == "table":
        for row in rows:
            seconds = row["duration"]
            row["took"] = short_duration(seconds) if seconds is not None else "running"
            row["started"] = minute(row["started_at"])
        emit(rows, TABLE_COLUMNS, fmt)
    elif fmt == "csv":
        emit(rows, [*RUN_COLUMNS[:3], "finished_at", *RUN_COLUMNS[3:], "pid"], fmt)
    else:
        emit(rows, list(rows[0]) if rows else RUN_COLUMNS, fmt)


def minute(value: str | None) -> str:
    """A stored ISO time shortened for a table, in UTC: 11-28 12:00."""
    if not value:
        return ""
    return datetime.fromisoformat(value).astimezone(UTC).strftime("%m-%d %H:%M")
