"""``wirecrawl search``, ``show``, ``stats`` and ``export``: reading the stored stories."""

from __future__ import annotations

import json
import sqlite3
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any
from urllib.parse import urlencode

import click
from sqlite_utils import Database

from wirecrawl.cli.app import cli, db_option
from wirecrawl.cli.output import emit, format_options, output_format, parse_when
from wirecrawl.cli.stories import open_readonly

SEARCH_COLUMNS = [
    "id",
    "score",
    "source",
    "published_at",
    "title",
    "snippet",
    "canonical_url",
    "cluster_id",
]
STATS_COLUMNS = ["stories", "clusters", "duplicates", "dated", "coverage"]
STATS_DATES = ["first_published", "last_published"]
CLUSTER_COLUMNS = ["id", "original", "source", "published_at", "title", "canonical_url"]


class BadQueryError(click.ClickException):
    """A search FTS5 cannot run: printed as ``bad query: ...``, exit code 2."""

    exit_code = 2

    def __init__(self, message: str) -> None:
        super().__init__(f"bad query: {message}")


@contextmanager
def reading(db_path: Path | None, *, search: bool = False) -> Iterator[Database]:
    """The database opened read-only; SQLite errors become click errors naming the file.

    ``search`` also requires the full-text index (migration 3).
    """
    from wirecrawl import store

    with open_readonly(db_path) as db:
        if search and not store.has_search_index(db):
            raise click.ClickException(
                "this database has no search index yet (it predates migration 3): run "
                "`wirecrawl vacuum` once to upgrade it"
            )
        try:
            yield db
        except store.BadQuery as exc:
            raise BadQueryError(str(exc)) from None
        except sqlite3.Error as exc:
            raise click.ClickException(f"reading the database failed: {exc}") from None


def time_window(since: str | None, until: str | None) -> tuple[datetime | None, datetime | None]:
    """--since and --until as instants, durations counted back from now."""
    now = datetime.now(UTC)
    return parse_when(since, now, "--since"), parse_when(until, now, "--until")


source_option = click.option("--source", "-s", multiple=True, help="Only this source (repeatable).")
since_option = click.option(
    "--since", default=None, help="Published at or after: a duration back (24h, 7d) or ISO date."
)
until_option = click.option(
    "--until", default=None, help="Published before: a duration back or ISO date."
)
raw_option = click.option(
    "--raw",
    is_flag=True,
    help='Read the query as FTS5 syntax: AND, OR, NOT, NEAR(a b), "a phrase", title:word.',
)


@cli.command()
@click.argument("query")
@source_option
@since_option
@until_option
@click.option("--limit", "-n", type=click.IntRange(min=1), default=20, show_default=True)
@raw_option
@db_option
@format_options
def search(
    query: str,
    source: tuple[str, ...],
    since: str | None,
    until: str | None,
    limit: int,
    raw: bool,
    db_path: Path | None,
    as_json: bool,
    as_nl: bool,
    as_csv: bool,
) -> None:
    """Search titles and bodies, best match first, with the matching words marked **so**.

    Every word must match, in any case; a word ending in * matches as a prefix. Persian and
    Arabic letter forms (ي/ی, ك/ک, ة/ه, أ/إ/آ), diacritics, tatweel and ZWNJ are ignored and
    Persian or Arabic digits match ASCII ones. Anything typed is searched as plain words unless
    --raw is given; a query that cannot run exits with "bad query" and code 2. Ranking is bm25
    with the title weighted ten times the body; score is higher for better matches.

    Example: wirecrawl search "harbour strike" --since 7d --limit 5
    """
    from wirecrawl import store

    fmt = output_format(as_json, as_nl, as_csv)
    start, end = time_window(since, until)
    with reading(db_path, search=True) as db:
        try:
            rows = store.search_stories(
                db, query, raw=raw, source=source, since=start, until=end, limit=limit
            )
        except store.BadQuery as exc:
            hint = " (read as FTS5 syntax because of --raw)" if raw else ""
            raise BadQueryError(f"{exc}{hint}") from None
    if fmt == "table":
        shown = [{**row, "title": row["title_marked"]} for row in rows]
        emit(
            shown,
            ["id", "source", "published_at", "title", "snippet"],
            fmt,
            widths={"title": 60},
            highlight=["title", "snippet"],
        )
        if not rows:
            click.echo("No stories match.", err=True)
    else:
        emit(rows, SEARCH_COLUMNS, fmt)


@cli.command()
@click.argument("story_id", metavar="ID", type=int)
@db_option
@format_options
def show(story_id: int, db_path: Path | None, as_json: bool, as_nl: bool, as_csv: bool) -> None:
    """Show one story: every field, its aliases, how many revisions, and its cluster.

    The cluster lists every outlet that ran the story, with their URLs; the original is marked.

    Example: wirecrawl show 42 --json
    """
    from wirecrawl import store

    fmt = output_format(as_json, as_nl, as_csv)
    with reading(db_path) as db:
        story = store.story_detail(db, story_id)
    if story is None:
        raise click.ClickException(f"no story with id {story_id}")
    if fmt == "json":
        click.echo(json.dumps(story, ensure_ascii=False, indent=2, default=str))
    elif fmt in ("nl", "csv"):
        emit([story], list(story), fmt)
    else:
        fields = [{"field": k, "value": v} for k, v in story.items() if k != "cluster"]
        emit(fields, ["field", "value"], fmt)
        members = [
            {**m, "original": "original" if m["is_original"] else "", "id": _member_id(m)}
            for m in story["cluster"]
        ]
        click.echo(f"Cluster {story.get('cluster_id')}: {len(members)} stories")
        emit(members, CLUSTER_COLUMNS, fmt, widths={"title": 50})


def _member_id(member: dict[str, Any]) -> str:
    return f"{member['id']} (this)" if member["this"] else str(member["id"])


@cli.command()
@click.option(
    "--by",
    type=click.Choice(["source", "day", "source-day"]),
    default="source",
    show_default=True,
    help="Group counts by source, by UTC day (published, else fetched), or both.",
)
@source_option
@since_option
@until_option
@db_option
@format_options
def stats(
    by: str,
    source: tuple[str, ...],
    since: str | None,
    until: str | None,
    db_path: Path | None,
    as_json: bool,
    as_nl: bool,
    as_csv: bool,
) -> None:
    """Count stories per source or day: all, with duplicates folded, and date coverage.

    clusters counts stories with syndicated copies folded together; duplicates is the rest;
    coverage is the share of stories with a published date.

    Example: wirecrawl stats --by source-day --since 7d
    """
    from wirecrawl import store

    fmt = output_format(as_json, as_nl, as_csv)
    start, end = time_window(since, until)
    keys = ["day", "source"] if by == "source-day" else [by]
    with reading(db_path) as db:
        rows = store.story_stats(db, keys, source=source, since=start, until=end)
        total = store.story_stats(db, (), source=source, since=start, until=end)
    columns = keys + STATS_COLUMNS + (STATS_DATES if by == "source" else [])
    if fmt != "table":
        emit(rows, columns, fmt)
        return
    shown = [*rows, *({**t, keys[0]: "(all)"} for t in total)]
    for row in shown:
        row["coverage"] = f"{row['coverage']:.1%}" if row["coverage"] is not None else ""
    emit(shown, columns, fmt)


@cli.command()
@click.option(
    "--format",
    "-f",
    "fmt",
    type=click.Choice(["jsonl", "csv", "atom", "rss"]),
    default="jsonl",
    show_default=True,
)
@source_option
@since_option
@until_option
@click.option("--query", "-q", default=None, help="Only stories matching this search.")
@raw_option
@click.option("--unique", is_flag=True, help="One story per cluster (its original).")
@click.option("--limit", "-n", type=click.IntRange(min=1), default=None, help="At most N stories.")
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write to this file instead of standard output.",
)
@click.option("--title", default=None, help="Feed title (atom, rss).")
@click.option(
    "--link",
    default=None,
    help="Feed link: the page the feed belongs to (atom, rss) [default: wirecrawl serve's page].",
)
@db_option
def export(
    fmt: str,
    source: tuple[str, ...],
    since: str | None,
    until: str | None,
    query: str | None,
    raw: bool,
    unique: bool,
    limit: int | None,
    output: Path | None,
    title: str | None,
    link: str | None,
    db_path: Path | None,
) -> None:
    """Export stories, newest first, as JSON lines, CSV, an Atom feed or an RSS feed.

    jsonl and csv carry every stored field (lists and objects as JSON in CSV) plus aliases;
    with --unique also outlets and copies per cluster. Feed entries name the outlet that ran
    the story first as their source; only http(s) links are written.

    Example: wirecrawl export --format atom --unique --since 24h -o latest.atom
    """
    from wirecrawl import feeds, store

    start, end = time_window(since, until)
    now = datetime.now(UTC).replace(microsecond=0)
    with reading(db_path, search=query is not None) as db:
        rows = store.export_stories(
            db,
            source=source,
            since=start,
            until=end,
            query=query,
            raw=raw,
            unique=unique,
            limit=limit,
            originals=fmt in ("atom", "rss"),
        )
        first = next(rows, None)  # runs the query, so a bad one fails before a file is made
        stories = _chain(first, rows)
        with _destination(output, binary=fmt in ("atom", "rss")) as out:
            if fmt in ("atom", "rss"):
                info = feeds.FeedInfo(
                    title=title or _feed_title(source, query, unique),
                    feed_id=_feed_id(fmt, source, since, until, query, unique),
                    updated=now,
                    link=link or feeds.DEFAULT_LINK,
                )
                writer = feeds.write_atom if fmt == "atom" else feeds.write_rss
                count = writer(stories, out, info)
            else:
                columns = [*store.story_columns(db), "aliases"]
                if unique:
                    columns += ["outlets", "copies"]
                count = emit(stories, columns, "nl" if fmt == "jsonl" else "csv", out=out)
    if output is not None:
        click.echo(f"Wrote {count} stories to {output}", err=True)


def _chain(
    first: dict[str, Any] | None, rest: Iterator[dict[str, Any]]
) -> Iterator[dict[str, Any]]:
    if first is not None:
        yield first
        yield from rest


@contextmanager
def _destination(output: Path | None, *, binary: bool) -> Iterator[IO[Any]]:
    """The file to export to (written beside and renamed on success), or standard output."""
    if output is None or str(output) == "-":
        stream = sys.stdout.buffer if binary else sys.stdout
        yield stream
        stream.flush()
        return
    partial = output.with_name(f".{output.name}.partial")
    try:
        with partial.open("wb" if binary else "w", **({} if binary else _TEXT)) as out:
            yield out
        partial.replace(output)
    finally:
        partial.unlink(missing_ok=True)


_TEXT: dict[str, Any] = {"encoding": "utf-8", "newline": ""}


def _feed_title(source: tuple[str, ...], query: str | None, unique: bool) -> str:
    parts = ["wirecrawl: " + ("unique stories" if unique else "stories")]
    if source:
        parts.append("from " + ", ".join(source))
    if query:
        parts.append(f"matching {query!r}")
    return " ".join(parts)


def _feed_id(
    fmt: str,
    source: tuple[str, ...],
    since: str | None,
    until: str | None,
    query: str | None,
    unique: bool,
) -> str:
    """A tag: URI naming the selection, so re-exports of the same selection share the feed id."""
    from wirecrawl.feeds import TAG_AUTHORITY

    params = [("source", s) for s in sorted(source)]
    params += [(k, v) for k, v in (("since", since), ("until", until), ("q", query)) if v]
    if unique:
        params.append(("unique", "1"))
    return f"{TAG_AUTHORITY}export:{fmt}" + (f"?{urlencode(params)}" if params else "")
