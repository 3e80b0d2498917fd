"""``wirecrawl stories``: the latest stored stories, filtered."""

from __future__ import annotations

from contextlib import AbstractContextManager
from datetime import UTC, datetime
from pathlib import Path

import click
from sqlite_utils import Database

from wirecrawl.cli.app import cli, config_from, db_option
from wirecrawl.cli.output import emit, format_options, output_format, parse_when

STORY_COLUMNS = ["id", "source", "published_at", "title", "original_source", "canonical_url"]


def open_readonly(db_path: Path | None) -> AbstractContextManager[Database]:
    """Open the configured database read-only, or fail with a message saying how to make one."""
    from wirecrawl import store

    config = config_from(db_path=db_path)
    try:
        return store.opened(config.db_path, readonly=True)
    except FileNotFoundError as exc:
        raise click.ClickException(str(exc)) from None


@cli.command()
@click.option("--source", "-s", multiple=True, help="Only this source (repeatable).")
@click.option(
    "--since", default=None, help="Published at or after: a duration back (24h, 7d) or ISO date."
)
@click.option("--until", default=None, help="Published before: a duration back or ISO date.")
@click.option("--limit", "-n", type=click.IntRange(min=1), default=20, show_default=True)
@db_option
@format_options
def stories(
    source: tuple[str, ...],
    since: str | None,
    until: str | None,
    limit: int,
    db_path: Path | None,
    as_json: bool,
    as_nl: bool,
    as_csv: bool,
) -> None:
    """List stored stories, newest first.

    Example: wirecrawl stories --source meridian --since 24h --limit 5
    """
    from wirecrawl import store

    fmt = output_format(as_json, as_nl, as_csv)
    now = datetime.now(UTC)
    start, end = parse_when(since, now, "--since"), parse_when(until, now, "--until")
    with open_readonly(db_path) as db:
        rows = list(store.query_stories(db, source=source, since=start, until=end, limit=limit))
    columns = STORY_COLUMNS if fmt == "table" else list(rows[0]) if rows else STORY_COLUMNS
    emit(rows, columns, fmt, widths={"title": 60, "canonical_url": 50})
