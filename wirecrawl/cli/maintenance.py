"""``wirecrawl backup``, ``prune`` and ``vacuum``: keeping a database healthy for months."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import click
from sqlite_utils import Database

from wirecrawl.cli.app import cli, config_from, db_option
from wirecrawl.cli.output import emit, format_options, output_format, parse_when


@contextmanager
def writing(db_path: Path | None) -> Iterator[tuple[Database, Path]]:
    """The configured database opened for writing (and migrated), with its path.

    Refuses a missing file rather than creating an empty one; SQLite errors become click errors.
    """
    from wirecrawl import store

    path = config_from(db_path=db_path).db_path
    if not path.is_file():
        raise click.ClickException(
            f"no database at {path}: run `wirecrawl crawl` or `wirecrawl demo` first"
        )
    try:
        with store.opened(path) as db:
            yield db, path
    except sqlite3.Error as exc:
        raise click.ClickException(f"{path}: {exc}") from None


def _megabytes(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB"


@cli.command()
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--force", is_flag=True, help="Overwrite PATH if it exists.")
@db_option
def backup(path: Path, force: bool, db_path: Path | None) -> None:
    """Copy the database to PATH while it is in use, with SQLite's online backup API.

    The copy is one consistent snapshot even while a crawl writes, a single self-contained
    file, checked with PRAGMA quick_check. An existing PATH is left alone unless --force.

    Example: wirecrawl backup backups/wirecrawl-2025-06-01.db
    """
    from wirecrawl import store

    source = config_from(db_path=db_path).db_path
    try:
        done = store.backup_database(source, path, force=force)
    except (FileNotFoundError, FileExistsError, ValueError) as exc:
        raise click.ClickException(str(exc)) from None
    except sqlite3.Error as exc:
        raise click.ClickException(f"backing up {source} failed: {exc}") from None
    click.echo(
        f"Backed up {done['stories']} stories ({_megabytes(done['bytes'])}) from {source} "
        f"to {done['path']}; quick_check: {done['check']}"
    )
    if done["check"] != "ok":
        raise click.ClickException(f"the backup at {done['path']} failed its check")


@cli.command()
@click.option(
    "--older-than",
    "older_than",
    required=True,
    help="Cutoff: a duration back from now (90d, 12w) or an ISO date.",
)
@click.option(
    "--keep-clusters",
    is_flag=True,
    help="Keep old stories whose cluster has a member newer than the cutoff.",
)
@click.option("--dry-run", is_flag=True, help="Count what would be deleted, delete nothing.")
@db_option
@format_options
def prune(
    older_than: str,
    keep_clusters: bool,
    dry_run: bool,
    db_path: Path | None,
    as_json: bool,
    as_nl: bool,
    as_csv: bool,
) -> None:
    """Delete stories published (or, if undated, fetched) before a cutoff, with all their rows.

    Aliases, revisions, raw pages, search rows and near-duplicate index rows go with them;
    clusters left empty are removed. Run `wirecrawl vacuum` afterwards to give the space back.

    Example: wirecrawl prune --older-than 90d --keep-clusters --dry-run
    """
    from wirecrawl import store

    fmt = output_format(as_json, as_nl, as_csv)
    cutoff = parse_when(older_than, datetime.now(UTC), "--older-than") or datetime.now(UTC)
    with writing(db_path) as (db, _):
        counts = store.prune_stories(db, cutoff, keep_clusters=keep_clusters, dry_run=dry_run)
    verb = "would delete" if dry_run else "deleted"
    emit([{"table": k, verb: v} for k, v in counts.items()], ["table", verb], fmt)
    if fmt == "table":
        click.echo(
            f"{'Dry run: ' if dry_run else ''}{counts['stories']} stories before "
            f"{store.iso(cutoff)} {verb}.",
            err=True,
        )


@cli.command()
@click.option("--reindex", is_flag=True, help="Also rebuild the search index from the stories.")
@db_option
def vacuum(reindex: bool, db_path: Path | None) -> None:
    """Compact the database: merge the search index, PRAGMA optimize, VACUUM.

    Opening the file also applies any pending schema migrations. Needs free disk space about
    the size of the database while it runs.

    Example: wirecrawl vacuum --db data/wirecrawl.db
    """
    from wirecrawl import store

    with writing(db_path) as (db, path):
        if reindex:
            click.echo(f"Reindexed {store.rebuild_search_index(db)} stories for search")
        sizes = store.vacuum_database(db, path)
    before, after = sizes["bytes_before"], sizes["bytes_after"]
    click.echo(f"{path}: {_megabytes(before)} before, {_megabytes(after)} after vacuum")
