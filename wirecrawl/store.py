"""Storage: the SQLite schema, its numbered migrations, batched writes and the CLI's read queries.

Everything that touches the database file goes through this module. Timestamps are stored as
ISO 8601 text in UTC with an explicit ``+00:00`` offset, so text order is time order.
"""

from __future__ import annotations

import json
import sqlite3
import zlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlite_utils

from wirecrawl.items import Story

BUSY_TIMEOUT_MS = 10_000

# Story columns stored as JSON text.
JSON_COLUMNS = ("authors", "tags", "attribution_evidence", "evidence", "date_evidence")
# Story fields that are not columns of ``stories``.
NOT_COLUMNS = ("aliases", "raw_html", "date_candidates")


def iso(value: datetime | None) -> str | None:
    """A datetime as stored: UTC ISO 8601 with seconds and ``+00:00``; naive input is refused."""
    if value is None:
        return None
    if value.tzinfo is None:
        raise ValueError(f"naive datetime {value!r} cannot be stored: give it a timezone")
    return value.astimezone(UTC).isoformat(timespec="seconds")


def parse_iso(value: str | None) -> datetime | None:
    """The inverse of :func:`iso`."""
    return datetime.fromisoformat(value) if value else None


def _script(db: sqlite_utils.Database, sql: str) -> None:
    """Run a migration's statements inside the caller's transaction (executescript would commit)."""
    for statement in sql.split(";"):
        if statement.strip():
            db.execute(statement)


def _m001_core(db: sqlite_utils.Database) -> None:
    _script(
        db,
        """
        CREATE TABLE stories (
            id INTEGER PRIMARY KEY,
            source TEXT NOT NULL,
            url TEXT NOT NULL,
            canonical_url TEXT NOT NULL UNIQUE,
            title TEXT,
            body TEXT,
            authors TEXT NOT NULL DEFAULT '[]',
            section TEXT,
            tags TEXT NOT NULL DEFAULT '[]',
            language TEXT,
            lead_image TEXT,
            publisher TEXT,
            original_source TEXT,
            original_url TEXT,
            attribution_evidence TEXT NOT NULL DEFAULT '[]',
            evidence TEXT NOT NULL DEFAULT '{}',
            published_raw TEXT,
            published_at TEXT,
            published_precision TEXT,
            published_earliest TEXT,
            published_latest TEXT,
            date_reason TEXT,
            date_evidence TEXT NOT NULL DEFAULT '[]',
            modified_raw TEXT,
            modified_at TEXT,
            fetched_at TEXT NOT NULL,
            first_seen TEXT NOT NULL,
            last_seen TEXT NOT NULL,
            content_hash TEXT,
            revision INTEGER NOT NULL DEFAULT 1
        );
        CREATE INDEX idx_stories_source_published ON stories(source, published_at);
        CREATE INDEX idx_stories_published ON stories(published_at);
        CREATE INDEX idx_stories_content_hash ON stories(content_hash);
        CREATE TABLE aliases (
            url TEXT PRIMARY KEY,
            story_id INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
            first_seen TEXT NOT NULL
        );
        CREATE INDEX idx_aliases_story ON aliases(story_id);
        CREATE TABLE revisions (
            id INTEGER PRIMARY KEY,
            story_id INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
            revision INTEGER NOT NULL,
            title TEXT,
            body TEXT,
            content_hash TEXT,
            fetched_at TEXT NOT NULL,
            replaced_at TEXT NOT NULL
        );
        CREATE INDEX idx_revisions_story ON revisions(story_id);
        CREATE TABLE raw_pages (
            story_id INTEGER PRIMARY KEY REFERENCES stories(id) ON DELETE CASCADE,
            url TEXT NOT NULL,
            fetched_at TEXT NOT NULL,
            headers TEXT NOT NULL DEFAULT '{}',
            html BLOB NOT NULL
        );
        CREATE TABLE runs (
            id INTEGER PRIMARY KEY,
            source TEXT NOT NULL,
            started_at TEXT NOT NULL,
            finished_at TEXT,
            outcome TEXT NOT NULL DEFAULT 'running',
            pages_fetched INTEGER NOT NULL DEFAULT 0,
            stories_added INTEGER NOT NULL DEFAULT 0,
            stories_updated INTEGER NOT NULL DEFAULT 0,
            dropped INTEGER NOT NULL DEFAULT 0,
            errors INTEGER NOT NULL DEFAULT 0,
            stats TEXT NOT NULL DEFAULT '{}',
            pid INTEGER
        );
        CREATE INDEX idx_runs_source_started ON runs(source, started_at);
        CREATE TABLE learned_boilerplate (
            source TEXT NOT NULL,
            text_hash TEXT NOT NULL,
            text TEXT NOT NULL,
            pages_seen INTEGER NOT NULL,
            PRIMARY KEY (source, text_hash)
        );
        """,
    )


# Numbered migrations, applied in order on open; append, never edit one that has shipped.
MIGRATIONS: list[tuple[int, str, Callable[[sqlite_utils.Database], None]]] = [
    (
        1,
        "core tables: stories, aliases, revisions, raw pages, runs, learned boilerplate",
        _m001_core,
    ),
]


def migrate(db: sqlite_utils.Database) -> list[int]:
    """Apply pending migrations, each in its own transaction; returns the numbers applied."""
    db.execute(
        "CREATE TABLE IF NOT EXISTS migrations (number INTEGER PRIMARY KEY, name TEXT, applied_at TEXT)"
    )
    done = {row[0] for row in db.execute("SELECT number FROM migrations").fetchall()}
    applied = []
    for number, name, apply in MIGRATIONS:
        if number in done:
            continue
        with transaction(db):
            apply(db)
            db.execute(
                "INSERT INTO migrations (number, name, applied_at) VALUES (?, ?, ?)",
                [number, name, iso(datetime.now(UTC))],
            )
        applied.append(number)
    return applied


def open_db(path: Path | str, *, readonly: bool = False) -> sqlite_utils.Database:
    """Open (creating the folder and file if needed) and migrate a wirecrawl database.

    WAL mode lets readers run while a crawl writes; a busy timeout rides out short write locks.
    ``readonly`` opens an existing file without writing to it.
    """
    path = Path(path)
    if readonly:
        if not path.exists():
            raise FileNotFoundError(
                f"no database at {path}: run `wirecrawl crawl` or `wirecrawl demo` first"
            )
        conn = sqlite3.connect(
            f"file:{path}?mode=ro", uri=True, check_same_thread=False, isolation_level=None
        )
        db = sqlite_utils.Database(conn)
        db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        return db
    path.parent.mkdir(parents=True, exist_ok=True)
    # Autocommit at the driver level; every write goes through ``transaction`` (BEGIN IMMEDIATE).
    conn = sqlite3.connect(str(path), check_same_thread=False, isolation_level=None)
    db = sqlite_utils.Database(conn)
    db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA synchronous = NORMAL")
    db.execute("PRAGMA foreign_keys = ON")
    migrate(db)
    return db


@contextmanager
def transaction(db: sqlite_utils.Database) -> Iterator[sqlite3.Connection]:
    """One write transaction: BEGIN IMMEDIATE, then COMMIT, or ROLLBACK on any error.

    Taking the write lock up front means a reader never sees half a batch and two writers
    queue on the busy timeout instead of failing on a lock upgrade.
    """
    conn = db.conn
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


@dataclass
class WriteResult:
    """What a batch write did, counted per outcome."""

    added: int = 0
    updated: int = 0
    unchanged: int = 0
    ids: list[int] = field(default_factory=list)
    new_ids: list[int] = field(default_factory=list)


def story_row(story: Story) -> dict[str, Any]:
    """The ``stories`` columns of a Story, JSON-encoded and ISO-formatted as stored."""
    row: dict[str, Any] = {}
    for name, value in vars(story).items():
        if name in NOT_COLUMNS:
            continue
        if name in JSON_COLUMNS:
            value = json.dumps(value, ensure_ascii=False, sort_keys=True)
        elif isinstance(value, datetime):
            value = iso(value)
        row[name] = value
    return row


def _find_existing(conn: sqlite3.Connection, story: Story) -> sqlite3.Row | None:
    assert story.canonical_url is not None
    row = conn.execute(
        "SELECT id, title, content_hash, body, revision, fetched_at FROM stories WHERE canonical_url = ?",
        [story.canonical_url],
    ).fetchone()
    if row is not None:
        return row
    for url in [story.url, *story.aliases]:
        row = conn.execute(
            "SELECT s.id, s.title, s.content_hash, s.body, s.revision, s.fetched_at "
            "FROM aliases a JOIN stories s ON s.id = a.story_id WHERE a.url = ?",
            [url],
        ).fetchone()
        if row is not None:
            return row
    return None


def write_stories(
    db: sqlite_utils.Database, stories: Sequence[Story], *, keep_raw: bool = True
) -> WriteResult:
    """Upsert a batch of stories in one transaction.

    A story already stored under its canonical URL or any alias is updated, never duplicated:
    ``last_seen`` moves on, and when the title or text changed the previous version goes to
    ``revisions`` and ``revision`` counts up. Every URL spelling seen is kept in ``aliases``.
    """
    result = WriteResult()
    conn = db.conn
    conn.row_factory = sqlite3.Row
    try:
        with transaction(db):
            for story in stories:
                story_id = _write_one(conn, story, result, keep_raw)
                result.ids.append(story_id)
    finally:
        conn.row_factory = None
    return result


def _write_one(conn: sqlite3.Connection, story: Story, result: WriteResult, keep_raw: bool) -> int:
    row = story_row(story)
    seen = row["fetched_at"]
    existing = _find_existing(conn, story)
    if existing is None:
        row["first_seen"] = row["last_seen"] = seen
        row["revision"] = 1
        columns = ", ".join(row)
        marks = ", ".join("?" for _ in row)
        cursor = conn.execute(
            f"INSERT INTO stories ({columns}) VALUES ({marks})", list(row.values())
        )
        story_id = int(cursor.lastrowid or 0)
        result.added += 1
        result.new_ids.append(story_id)
    else:
        story_id = int(existing["id"])
        changed = (
            existing["content_hash"] != row["content_hash"] or existing["title"] != row["title"]
        )
        if changed:
            conn.execute(
                "INSERT INTO revisions (story_id, revision, title, body, content_hash, fetched_at, "
                "replaced_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                [
                    story_id,
                    existing["revision"],
                    existing["title"],
                    existing["body"],
                    existing["content_hash"],
                    existing["fetched_at"],
                    seen,
                ],
            )
            update = {k: v for k, v in row.items() if k not in ("canonical_url", "source", "url")}
            update["revision"] = int(existing["revision"]) + 1
            result.updated += 1
        else:
            update = {"last_seen": seen}
            result.unchanged += 1
        update["last_seen"] = max(seen, update.get("last_seen", seen))
        sets = ", ".join(f"{k} = ?" for k in update)
        conn.execute(f"UPDATE stories SET {sets} WHERE id = ?", [*update.values(), story_id])
    for url in {story.url, *story.aliases} - {story.canonical_url}:
        conn.execute(
            "INSERT OR IGNORE INTO aliases (url, story_id, first_seen) VALUES (?, ?, ?)",
            [url, story_id, seen],
        )
    if keep_raw and story.raw_html is not None:
        conn.execute(
            "INSERT OR REPLACE INTO raw_pages (story_id, url, fetched_at, html) VALUES (?, ?, ?, ?)",
            [story_id, story.url, seen, zlib.compress(story.raw_html, 6)],
        )
    return story_id


def known_urls(db: sqlite_utils.Database, urls: Iterable[str]) -> set[str]:
    """The subset of ``urls`` already stored, as canonical URL or as alias."""
    urls = list(urls)
    found: set[str] = set()
    for start in range(0, len(urls), 500):
        chunk = urls[start : start + 500]
        marks = ", ".join("?" for _ in chunk)
        for (url,) in db.execute(
            f"SELECT canonical_url FROM stories WHERE canonical_url IN ({marks}) "
            f"UNION SELECT url FROM aliases WHERE url IN ({marks})",
            chunk + chunk,
        ).fetchall():
            found.add(url)
    return found


# --- runs -----------------------------------------------------------------------------------


def start_run(
    db: sqlite_utils.Database, source: str, started_at: datetime, pid: int | None = None
) -> int:
    """Record the start of a crawl run and return its id."""
    with transaction(db):
        cursor = db.execute(
            "INSERT INTO runs (source, started_at, pid) VALUES (?, ?, ?)",
            [source, iso(started_at), pid],
        )
    return int(cursor.lastrowid or 0)


def finish_run(
    db: sqlite_utils.Database,
    run_id: int,
    finished_at: datetime,
    outcome: str,
    stats: dict[str, Any],
) -> None:
    """Record how a run ended, with its counts and the crawl's stats."""
    counts = {
        "pages_fetched": int(stats.get("wirecrawl/pages/article", 0)),
        "stories_added": int(stats.get("wirecrawl/store/added", 0)),
        "stories_updated": int(stats.get("wirecrawl/store/updated", 0)),
        "dropped": sum(int(v) for k, v in stats.items() if k.startswith("wirecrawl/dropped/")),
        "errors": int(stats.get("log_count/ERROR", 0))
        + sum(int(v) for k, v in stats.items() if k.startswith("wirecrawl/errors/")),
    }
    with transaction(db):
        db.execute(
            "UPDATE runs SET finished_at = ?, outcome = ?, pages_fetched = ?, stories_added = ?, "
            "stories_updated = ?, dropped = ?, errors = ?, stats = ? WHERE id = ?",
            [
                iso(finished_at),
                outcome,
                *counts.values(),
                json.dumps(stats, default=str, sort_keys=True),
                run_id,
            ],
        )


# --- learned boilerplate ----------------------------------------------------------------------


def load_boilerplate(db: sqlite_utils.Database) -> list[tuple[str, str, str, int]]:
    """Rows (source, text_hash, text, pages_seen) of boilerplate learned from earlier crawls."""
    sql = "SELECT source, text_hash, text, pages_seen FROM learned_boilerplate"
    return [(str(a), str(b), str(c), int(d)) for a, b, c, d in db.execute(sql).fetchall()]


def save_boilerplate(db: sqlite_utils.Database, rows: Iterable[tuple[str, str, str, int]]) -> None:
    """Replace the learned boilerplate rows given (keyed by source and text hash)."""
    with transaction(db):
        db.conn.executemany(
            "INSERT INTO learned_boilerplate (source, text_hash, text, pages_seen) VALUES (?, ?, ?, ?) "
            "ON CONFLICT(source, text_hash) DO UPDATE SET pages_seen = "
            "max(pages_seen, excluded.pages_seen), text = excluded.text",
            list(rows),
        )


# --- read queries used by the CLI ---------------------------------------------------------------


def _decode(row: dict[str, Any]) -> dict[str, Any]:
    for name in JSON_COLUMNS:
        if name in row and isinstance(row[name], str):
            row[name] = json.loads(row[name])
    return row


def query_stories(
    db: sqlite_utils.Database,
    *,
    source: Sequence[str] = (),
    since: datetime | None = None,
    until: datetime | None = None,
    limit: int | None = 20,
    columns: Sequence[str] | None = None,
) -> Iterator[dict[str, Any]]:
    """Stories newest first (by ``published_at``, undated ones by fetch time), filtered."""
    where: list[str] = []
    params: list[Any] = []
    if source:
        where.append(f"source IN ({', '.join('?' for _ in source)})")
        params.extend(source)
    if since is not None:
        where.append("published_at >= ?")
        params.append(iso(since))
    if until is not None:
        where.append("published_at < ?")
        params.append(iso(until))
    select = ", ".join(columns) if columns else "*"
    sql = f"SELECT {select} FROM stories"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY coalesce(published_at, fetched_at) DESC, id DESC"
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    for row in db.query(sql, params):
        yield _decode(row)


def get_story(db: sqlite_utils.Database, story_id: int) -> dict[str, Any] | None:
    """One story with its aliases, or None."""
    rows = list(db.query("SELECT * FROM stories WHERE id = ?", [story_id]))
    if not rows:
        return None
    story = _decode(rows[0])
    story["aliases"] = [
        r["url"]
        for r in db.query("SELECT url FROM aliases WHERE story_id = ? ORDER BY url", [story_id])
    ]
    return story


def raw_page(db: sqlite_utils.Database, story_id: int) -> bytes | None:
    """The kept raw HTML of a story, decompressed, or None when it was not kept."""
    row = db.execute("SELECT html FROM raw_pages WHERE story_id = ?", [story_id]).fetchone()
    return zlib.decompress(row[0]) if row else None


def counts_by_source(db: sqlite_utils.Database) -> dict[str, int]:
    """Number of stored stories per source."""
    return {
        r[0]: r[1]
        for r in db.execute(
            "SELECT source, count(*) FROM stories GROUP BY source ORDER BY source"
        ).fetchall()
    }


@contextmanager
def opened(path: Path | str, *, readonly: bool = False) -> Iterator[sqlite_utils.Database]:
    """``open_db`` as a context manager that closes the connection."""
    db = open_db(path, readonly=readonly)
    try:
        yield db
    finally:
        db.conn.close()
