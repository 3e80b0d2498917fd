"""``wirecrawl sources``: list the registry with each source's health, and validate a sources
file."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import click

from wirecrawl import store
from wirecrawl.cli.app import cli, config_from, db_option, sources_option
from wirecrawl.cli.output import emit, format_options, output_format, parse_when
from wirecrawl.health import Health, assess, short_duration, source_health
from wirecrawl.sources import Source, SourceError, get_source, load_file, load_sources

# The table view; --json, --nl and --csv give every field, with ISO times.
TABLE_COLUMNS = [
    "name",
    "every",
    "stories",
    "last_run",
    "outcome",
    "added",
    "errors",
    "newest",
    "flags",
]


def registry(sources_file: Path | None, sample_port: int | None = None) -> list:
    """Load the registry for a command, turning a bad file into a click error naming it."""
    config = config_from(sources_file=sources_file, sample_port=sample_port)
    try:
        return load_sources(config.sources_file, sample_port=config.sample_port)
    except SourceError as exc:
        raise click.ClickException(str(exc)) from None


@cli.group(invoke_without_command=True)
@sources_option
@db_option
@click.option("--source", "-s", "names", multiple=True, help="Only this source (repeatable).")
@click.option(
    "--check",
    is_flag=True,
    help="Print the flags and exit 1 if any source has one; print nothing and exit 0 when all "
    "are healthy. Live-only sources count only when named. For cron and monitoring.",
)
@click.option(
    "--now",
    "now_text",
    default=None,
    help="Judge health as of this time (ISO 8601) instead of now, for reproducible checks.",
)
@format_options
@click.pass_context
def sources(
    ctx: click.Context,
    sources_file: Path | None,
    db_path: Path | None,
    names: tuple[str, ...],
    check: bool,
    now_text: str | None,
    as_json: bool,
    as_nl: bool,
    as_csv: bool,
) -> None:
    """List the sources wirecrawl knows (built-in ones plus those of --sources FILE) and their
    health: last run, its outcome, stories it added and errors it counted, the age of the newest
    story, and flags: never-run, failing, silent, layout-changed? (see docs/scheduling.md).
    The table gives last_run and newest as ages; --json, --nl and --csv give every field.

    Example: wirecrawl sources --check --db data/wirecrawl.db
    """
    if ctx.invoked_subcommand is not None:
        return
    fmt = output_format(as_json, as_nl, as_csv)
    config = config_from(db_path=db_path, sources_file=sources_file)
    entries = registry(config.sources_file)
    if names:
        try:
            entries = [get_source(entries, name) for name in dict.fromkeys(names)]
        except SourceError as exc:
            raise click.BadParameter(str(exc), param_hint="--source") from None
    now = parse_when(now_text, datetime.now(UTC), "--now") or datetime.now(UTC)
    counts: dict[str, int] = {}
    health: dict[str, Health] = {s.name: assess(s, [], [], now) for s in entries}
    if config.db_path.exists():
        with store.opened(config.db_path, readonly=True) as db:
            counts = store.counts_by_source(db)
            health = {h.source: h for h in source_health(db, entries, now)}
    if check:
        watched = [s for s in entries if names or not (s.live_only or s.sample)]
        flagged = [(s.name, f) for s in watched for f in health[s.name].flags]
        for name, flag in flagged:
            click.echo(f"{name}: {flag.name}: {flag.reason}")
        ctx.exit(1 if flagged else 0)  # silent when healthy, so cron mails only trouble
    rows = [_row(s, counts.get(s.name, 0), health[s.name], now) for s in entries]
    if fmt == "table":
        emit([_table_row(r, now) for r in rows], TABLE_COLUMNS, fmt)
    else:
        emit(rows, list(rows[0]) if rows else ["name"], fmt)


def _row(source: Source, stories: int, health: Health, now: datetime) -> dict[str, Any]:
    """One source's listing row; times are ISO text, the newest story's age in seconds."""
    newest = health.newest_at
    return {
        "name": source.name,
        "display_name": source.display_name,
        "discovery": ", ".join(k for k in ("feeds", "sitemaps", "listings") if getattr(source, k)),
        "languages": list(source.languages),
        "timezone": source.timezone,
        "interval": _duration(source.interval.total_seconds()),
        "kind": "live-only" if source.live_only else ("sample" if source.sample else "user"),
        "stories": stories,
        "last_run": store.iso(health.last_run_at),
        "outcome": health.last_outcome,
        "added": health.last_added,
        "errors": health.last_errors,
        "failures": health.failures,
        "newest": store.iso(newest),
        "newest_age": max(0, round((now - newest).total_seconds())) if newest else None,
        "coverage": health.coverage_recent,
        "flags": health.flag_names,
    }


def _table_row(row: dict[str, Any], now: datetime) -> dict[str, Any]:
    """A listing row for the table: ages ("3h05m") instead of timestamps, flags joined."""
    last_run = datetime.fromisoformat(row["last_run"]) if row["last_run"] else None
    age = row["newest_age"]
    return {
        **row,
        "every": row["interval"],
        "last_run": short_duration((now - last_run).total_seconds()) if last_run else "",
        "newest": short_duration(age) if age is not None else "",
        "flags": ", ".join(row["flags"]),
    }


def _duration(seconds: float) -> str:
    for unit, size in (("w", 604800), ("d", 86400), ("h", 3600), ("m", 60)):
        if seconds >= size and seconds % size == 0:
            return f"{int(seconds // size)}{unit}"
    return f"{int(seconds)}s"


@sources.command("check")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
def check(file: Path) -> None:
    """Validate a sources file; every error names the file, the entry and the field.

    Example: wirecrawl sources check my-sources.toml
    """
    config = config_from()
    try:
        own = load_file(file, {"sample_port": config.sample_port})
        load_sources(file, sample_port=config.sample_port)
    except SourceError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(f"{file}: {len(own)} source(s) OK: {', '.join(s.name for s in own) or '(none)'}")
