"""``wirecrawl stories``: the latest stored stories, filtered."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import click
from sqlite_utils import Database

from wirecrawl.cli.app import cli, config_from, db_option
from wirecrawl.cli.output import emit, format_options, output_format, parse_when

STORY_COLUMNS = ["id", "source", "published_at", "title", "original_source", "canonical_url"]
UNIQUE_COLUMNS = ["id", "source", "published_at", "title", "outlets", "copies", "canonical_url"]


@contextmanager
def open_readonly(db_path: Path | None) -> Iterator[Database]:
    """The configured database opened read-only, or a click error saying how to make one."""
    from wirecrawl import store

    config = config_from(db_path=db_path)
    try:
        db = store.open_db(config.db_path, readonly=True)
    except FileNotFoundError as exc:
        raise click.ClickException(str(exc)) from None
    try:
        yield db
    finally:
        db.conn.close()


@cli.command()
@click.option("--source", "-s", multiple=True, help="Only this source (repeatable).")
@click.option(
    "--since", default=None, help="Published at or after: a duration back (24h, 7d) or ISO date."
)
@click.option("--until", default=None, help="Published before: a duration back or ISO date.")
@click.option("--limit", "-n", type=click.IntRange(min=1), default=20, show_default=True)
@click.option(
    "--unique",
    is_flag=True,
    help="One line per cluster: its original (else earliest) story, with the outlets that ran it.",
)
@db_option
@format_options
def stories(
    source: tuple[str, ...],
    since: str | None,
    until: str | None,
    limit: int,
    unique: bool,
    db_path: Path | None,
    as_json: bool,
    as_nl: bool,
    as_csv: bool,
) -> None:
    """List stored stories, newest first.

    With --unique, syndicated copies fold into one line per cluster: the original story (else
    the earliest one passing the filters), with outlets (how many sources ran it) and copies.

    Example: wirecrawl stories --source meridian --since 24h --limit 5
    """
    from wirecrawl import store

    fmt = output_format(as_json, as_nl, as_csv)
    now = datetime.now(UTC)
    start, end = parse_when(since, now, "--since"), parse_when(until, now, "--until")
    with open_readonly(db_path) as db:
        if unique:
            found = store.export_stories(
                db, source=source, since=start, until=end, unique=True, limit=limit
            )
            rows = list(found)
        else:
            rows = list(store.query_stories(db, source=source, since=start, until=end, limit=limit))
    default = UNIQUE_COLUMNS if unique else STORY_COLUMNS
    columns = default if fmt == "table" else list(rows[0]) if rows else default
    emit(rows, columns, fmt, widths={"title": 60, "canonical_url": 50})
