"""Storage: the SQLite schema, its numbered migrations, batched writes and the CLI's read queries.

Everything that touches the database file goes through this module. Timestamps are stored as
ISO 8601 text in UTC with an explicit ``+00:00`` offset, so text order is time order.
"""

from __future__ import annotations

import json
import re
import sqlite3
import threading
import time
import unicodedata
import zlib
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from itertools import accumulate
from pathlib import Path
from typing import Any

import sqlite_utils
import zstandard

from wirecrawl.items import Story

BUSY_TIMEOUT_MS = 10_000

# A writing connection's page cache (KiB, allocated only as pages are read) and how many WAL
# pages it lets accumulate before checkpointing them into the file. A crawl's batch inserts 64
# LSH band rows a story into random places of one index, plus search-index and raw-page pages:
# with SQLite's defaults (2 MiB, 1,000 pages) those pages were evicted and read back, and copied
# into the file every other batch. Measured writing 5,000 benchmark stories in batches of 100,
# three interleaved runs each: 1.34-1.49 ms of CPU a story with the defaults, 1.03-1.14 with a
# 64 MiB cache and 0.92-1.19 with 32 MiB (chosen: the same speed for half the memory), both
# with 10,000-page checkpoints; the WAL file grows to about 40 MB between checkpoints.
WRITE_CACHE_KIB = 32_768
WAL_CHECKPOINT_PAGES = 10_000

# Story columns stored as JSON text, written by one encoder made once: json.dumps with options
# builds a new encoder on every call (five a story, 4.2 against 2.7 us each).
JSON_COLUMNS = ("authors", "tags", "attribution_evidence", "evidence", "date_evidence")
_to_json = json.JSONEncoder(ensure_ascii=False, sort_keys=True).encode
# Story fields that are not columns of ``stories``.
NOT_COLUMNS = ("aliases", "raw_html", "date_candidates", "signature")


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


def _m002_clusters(db: sqlite_utils.Database) -> None:
    _script(
        db,
        """
        ALTER TABLE stories ADD COLUMN cluster_id INTEGER;
        ALTER TABLE stories ADD COLUMN is_original INTEGER NOT NULL DEFAULT 1;
        UPDATE stories SET cluster_id = id WHERE cluster_id IS NULL;
        CREATE INDEX idx_stories_cluster ON stories(cluster_id);
        CREATE TABLE clusters (
            id INTEGER PRIMARY KEY,
            original_id INTEGER REFERENCES stories(id) ON DELETE SET NULL,
            size INTEGER NOT NULL DEFAULT 1,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        INSERT INTO clusters (id, original_id, size, created_at, updated_at)
            SELECT id, id, 1, first_seen, last_seen FROM stories
        """,
    )


def _m003_fts(db: sqlite_utils.Database) -> None:
    """Search over folded title and body (see "Query side" at the end), and query indexes."""
    for statement in (
        "CREATE VIRTUAL TABLE stories_fts USING fts5("
        "title, body, tokenize = 'unicode61 remove_diacritics 2')",
        "INSERT INTO stories_fts (stories_fts, rank) "
        f"VALUES ('rank', 'bm25({SEARCH_TITLE_WEIGHT}, 1.0)')",
        "CREATE TRIGGER stories_fts_delete AFTER DELETE ON stories "
        "BEGIN DELETE FROM stories_fts WHERE rowid = old.id; END",
        "CREATE INDEX idx_stories_when ON stories(coalesce(published_at, fetched_at))",
        "CREATE INDEX idx_stories_source_when "
        "ON stories(source, coalesce(published_at, fetched_at))",
        "CREATE INDEX idx_clusters_original ON clusters(original_id)",
    ):
        db.execute(statement)
    _fill_search_index(db.conn)


def _m004_schedule(db: sqlite_utils.Database) -> None:
    _script(
        db,
        """
        CREATE TABLE schedule_state (
            source TEXT PRIMARY KEY,
            next_due TEXT,
            failures INTEGER NOT NULL DEFAULT 0,
            backoff_until TEXT,
            last_run_id INTEGER,
            last_outcome TEXT,
            updated_at TEXT NOT NULL
        );
        CREATE TABLE locks (
            source TEXT PRIMARY KEY,
            holder TEXT NOT NULL,
            pid INTEGER NOT NULL,
            host TEXT NOT NULL,
            acquired_at TEXT NOT NULL,
            heartbeat_at TEXT NOT NULL
        );
        CREATE INDEX idx_runs_running ON runs(outcome) WHERE outcome = 'running';
        CREATE INDEX idx_stories_source_first_seen ON stories(source, first_seen);
        CREATE INDEX idx_stories_source_last_seen ON stories(source, last_seen)
        """,
    )


def _m005_crawl_state(db: sqlite_utils.Database) -> None:
    _script(
        db,
        """
        CREATE TABLE http_validators (
            url TEXT PRIMARY KEY,
            etag TEXT,
            last_modified TEXT,
            body_hash TEXT NOT NULL,
            checked_at TEXT NOT NULL
        )
        """,
    )


def _m006_dedup(db: sqlite_utils.Database) -> None:
    from wirecrawl import dedup

    dedup.ensure_schema(db)
    _script(
        db,
        """
        ALTER TABLE stories ADD COLUMN original_key TEXT;
        CREATE INDEX idx_stories_original_key ON stories(original_key)
        """,
    )


# Numbered migrations, applied in order on open; append, never edit one that has shipped.
MIGRATIONS: list[tuple[int, str, Callable[[sqlite_utils.Database], None]]] = [
    (1, "core tables: stories, aliases, revisions, raw pages, runs, boilerplate", _m001_core),
    (2, "story clusters: stories.cluster_id, stories.is_original, clusters", _m002_clusters),
    (3, "full-text search over folded title and body; query indexes", _m003_fts),
    (4, "scheduling: schedule_state, locks; indexes for source health", _m004_schedule),
    (5, "crawl state: HTTP validators of feeds, sitemaps and listings", _m005_crawl_state),
    (6, "near-duplicate index (dedup_*) and stories.original_key for credit links", _m006_dedup),
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
            # Another process may have applied it since we looked: check under the write lock.
            if db.execute("SELECT 1 FROM migrations WHERE number = ?", [number]).fetchone():
                continue
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
    _use_wal(db)
    db.execute("PRAGMA synchronous = NORMAL")
    db.execute("PRAGMA foreign_keys = ON")
    db.execute(f"PRAGMA cache_size = -{WRITE_CACHE_KIB}")
    db.execute(f"PRAGMA wal_autocheckpoint = {WAL_CHECKPOINT_PAGES}")
    migrate(db)
    return db


def _use_wal(db: sqlite_utils.Database) -> None:
    """Put the database in WAL mode (a no-op once it is).

    While the file is still in rollback mode, SQLite refuses the switch with "database is
    locked" at once, without waiting on the busy timeout, if another connection holds a write
    lock: two crawl processes starting on a new file (``--workers``, or a scheduled crawl beside
    a manual one) would see one of them crash. So the switch is retried until the busy timeout
    has passed, as any other lock wait is.
    """
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            db.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() >= deadline:
                raise
            time.sleep(0.02)


class StoreBusy(Exception):
    """Another connection holds the database's write lock (raised only when not waiting)."""


@contextmanager
def transaction(
    db: sqlite_utils.Database, *, wait: bool = True, commit: bool = True
) -> Iterator[sqlite3.Connection]:
    """One write transaction: BEGIN IMMEDIATE, then COMMIT, or ROLLBACK on any error.

    Taking the write lock up front means a reader never sees half a batch and two writers
    queue on the busy timeout instead of failing on a lock upgrade. With ``wait=False`` a lock
    held by another connection raises :class:`StoreBusy` at once, with nothing written.
    ``commit=False`` leaves a transaction that succeeded open, for :func:`commit` to end.
    """
    conn = db.conn
    if wait:
        conn.execute("BEGIN IMMEDIATE")
    else:
        conn.execute("PRAGMA busy_timeout = 0")
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            if conn.in_transaction or ("locked" not in str(exc) and "busy" not in str(exc)):
                raise
            raise StoreBusy(str(exc)) from exc
        finally:
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    if commit:
        conn.execute("COMMIT")


def commit(
    db: sqlite_utils.Database, pages: Sequence[RawPage] = (), search: Sequence[SearchRow] = ()
) -> None:
    """Keep ``pages`` and index ``search`` (the raw pages and search rows the write left, see
    :class:`WriteResult`), then COMMIT the transaction a ``commit=False`` write left open; if
    anything fails, roll it back (SQLite may already have) and raise, so nothing of it is stored.

    Compressing the pages, storing them, indexing the batch for search (FTS5 tokenises in C)
    and the commit itself (pages copied into the WAL, checksums, a checkpoint now and then) are
    a few long calls that run outside Python's global lock, so another thread may do them while
    the crawl goes on.
    """
    conn = db.conn
    try:
        _keep_pages(conn, pages)
        _index_for_search(conn, search)
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise


@dataclass
class WriteResult:
    """What a batch write did, counted per outcome."""

    added: int = 0
    updated: int = 0
    unchanged: int = 0
    linked: dict[str, int] = field(default_factory=dict)  # cluster links made, by reason
    ids: list[int] = field(default_factory=list)
    # raw pages and search rows a ``commit=False`` write left for :func:`commit` to store
    pages: list[RawPage] = field(default_factory=list, repr=False)
    search: list[SearchRow] = field(default_factory=list, repr=False)


RawPage = tuple[int, str, str, bytes]
"""A raw page waiting to be kept: ``(story_id, url, fetched_at, html)``."""

SearchRow = tuple[int, str, str]
"""A story waiting to be indexed for search: ``(story_id, folded title, folded body)``."""


def story_row(story: Story) -> dict[str, Any]:
    """The ``stories`` columns of a Story, JSON-encoded and ISO-formatted as stored."""
    from wirecrawl.urls import canonical_or_none

    row: dict[str, Any] = {"original_key": canonical_or_none(story.original_url)}
    for name, value in vars(story).items():
        if name in NOT_COLUMNS:
            continue
        if name in JSON_COLUMNS:
            value = _to_json(value)
        elif isinstance(value, datetime):
            value = iso(value)
        row[name] = value
    return row


def _find_existing(conn: sqlite3.Connection, story: Story) -> sqlite3.Row | None:
    assert story.canonical_url is not None
    row = conn.execute(
        "SELECT * FROM stories WHERE canonical_url = ?",
        [story.canonical_url],
    ).fetchone()
    if row is not None:
        return row
    for url in [story.url, *story.aliases]:
        row = conn.execute(
            "SELECT s.* FROM aliases a JOIN stories s ON s.id = a.story_id WHERE a.url = ?",
            [url],
        ).fetchone()
        if row is not None:
            return row
    return None


_EMPTY = (None, "", "[]", "{}")
_DATE_GROUP = (
    "published_raw",
    "published_at",
    "published_precision",
    "published_earliest",
    "published_latest",
    "date_reason",
    "date_evidence",
)


def _kept_fields(update: dict[str, Any], existing: sqlite3.Row) -> dict[str, Any]:
    """A revision never loses what the stored version had: a field the new version lacks (a
    date, authors, tags after a site redesign) keeps its stored value; the date fields move
    together."""
    if update.get("published_at") is None and existing["published_at"] is not None:
        update = {k: v for k, v in update.items() if k not in _DATE_GROUP}
    return {k: v for k, v in update.items() if not (v in _EMPTY and existing[k] not in _EMPTY)}


def write_stories(
    db: sqlite_utils.Database,
    stories: Sequence[Story],
    *,
    keep_raw: bool = True,
    dedup: Any = None,
    wait: bool = True,
    commit: bool = True,
) -> WriteResult:
    """Upsert a batch of stories in one transaction (``wait=False``: raise :class:`StoreBusy`,
    writing nothing, if another connection holds the write lock; ``commit=False``: leave the
    transaction open for :func:`commit`, which the result then depends on).

    A story already stored under its canonical URL or any alias is updated, never duplicated:
    ``last_seen`` moves on, and when the title or text changed the previous version goes to
    ``revisions`` and ``revision`` counts up. Every URL spelling seen is kept in ``aliases``.
    With ``dedup`` (a :class:`wirecrawl.dedup.NearDupIndex` on this database), each new or
    changed story is linked into the cluster of the stories it duplicates (see ``link_story``),
    inside the same transaction, so two crawl processes cannot cluster half a batch.
    """
    result = WriteResult()
    conn = db.conn
    conn.row_factory = sqlite3.Row
    try:
        with transaction(db, wait=wait, commit=commit):
            search: dict[int, tuple[str, str]] = {}
            pages: list[RawPage] = []
            for story in stories:
                before = result.added + result.updated
                story_id = _write_one(conn, story, result, keep_raw, search)
                if keep_raw and story.raw_html is not None:
                    pages.append((story_id, story.url, iso(story.fetched_at) or "", story.raw_html))
                result.ids.append(story_id)
                if dedup is not None and result.added + result.updated > before:
                    for reason in link_story(conn, story_id, story, dedup):
                        result.linked[reason] = result.linked.get(reason, 0) + 1
            rows = [(story_id, title, body) for story_id, (title, body) in search.items()]
            if commit:
                _index_for_search(conn, rows)
                _keep_pages(conn, pages)
            else:
                result.pages, result.search = pages, rows
    finally:
        conn.row_factory = None
    return result


def _write_one(
    conn: sqlite3.Connection,
    story: Story,
    result: WriteResult,
    keep_raw: bool,
    search: dict[int, tuple[str, str]],
) -> int:
    row = story_row(story)
    seen = row["fetched_at"]
    existing = _find_existing(conn, story)
    if existing is None:
        row["first_seen"] = row["last_seen"] = seen
        row["revision"] = 1
        # A new story is its own cluster: its id is the one SQLite would give it (the largest
        # plus one; the transaction holds the write lock), chosen here so that the row is
        # written whole instead of inserted and then updated (an index entry moved each time).
        story_id = int(conn.execute("SELECT IFNULL(MAX(id), 0) + 1 FROM stories").fetchone()[0])
        row["id"] = row["cluster_id"] = story_id
        columns = ", ".join(row)
        marks = ", ".join("?" for _ in row)
        conn.execute(f"INSERT INTO stories ({columns}) VALUES ({marks})", list(row.values()))
        conn.execute(
            "INSERT INTO clusters (id, original_id, size, created_at, updated_at) "
            "VALUES (?, ?, 1, ?, ?)",
            [story_id, story_id, seen, seen],
        )
        result.added += 1
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
            update = _kept_fields(
                {k: v for k, v in row.items() if k not in ("canonical_url", "source", "url")},
                existing,
            )
            update["revision"] = int(existing["revision"]) + 1
            result.updated += 1
        else:
            update = {"last_seen": seen}
            result.unchanged += 1
        update["last_seen"] = max(seen, update.get("last_seen", seen))
        sets = ", ".join(f"{k} = ?" for k in update)
        conn.execute(f"UPDATE stories SET {sets} WHERE id = ?", [*update.values(), story_id])
    _queue_search(conn, story_id, existing, search, (row["title"], row["body"]))
    for url in {story.url, *story.aliases} - {story.canonical_url}:
        conn.execute(
            "INSERT OR IGNORE INTO aliases (url, story_id, first_seen) VALUES (?, ?, ?)",
            [url, story_id, seen],
        )
    return story_id


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


# Raw pages are zstd frames (level 1). Measured on 400 benchmark pages of 50 KB, zstd level 3
# took 131 us a page for 5.5x smaller, against zlib level 1's 246 us and 4.9x (zlib level 6:
# 5.8x at 683 us); on 1,000 pages, zstd level 1 took 65 us a page against level 3's 109 us, for
# 0.184 of the size against 0.182. Rows written before are zlib streams and still read.
_ZSTD_MAGIC = b"\x28\xb5\x2f\xfd"
_ZSTD_LEVEL = 1
_codecs = threading.local()  # a zstd context is not safe to share between threads


def _compressor() -> zstandard.ZstdCompressor:
    compressor = getattr(_codecs, "compressor", None)
    if compressor is None:
        compressor = _codecs.compressor = zstandard.ZstdCompressor(level=_ZSTD_LEVEL)
    return compressor


def compress_page(html: bytes) -> bytes:
    """A raw page as ``raw_pages.html`` keeps it: one zstd frame, its size in the header."""
    return bytes(_compressor().compress(html))


# Raw pages a statement: one statement is one call into SQLite (4 parameters a row, well under
# the 999 of old SQLite builds), so a thread storing them needs Python's lock a few times a batch.
_PAGES_PER_INSERT = 200


def _keep_pages(conn: sqlite3.Connection, pages: Sequence[RawPage]) -> None:
    """Compress and store raw pages (a later page of the same story replaces an earlier one).

    Written after the batch's search rows: an ``INSERT OR REPLACE`` opens a statement savepoint,
    which makes FTS5 flush what it holds (see ``_index_for_search``). The pages are compressed
    in one call (zstd's ``multi_compress_to_buffer``, the same frames as ``compress_page``).
    """
    if not pages:
        return
    html = [page[3] for page in pages]
    many = getattr(_compressor(), "multi_compress_to_buffer", None)  # C backend only
    blobs = [bytes(b) for b in many(html)] if many is not None else [compress_page(h) for h in html]
    for start in range(0, len(pages), _PAGES_PER_INSERT):
        chunk = pages[start : start + _PAGES_PER_INSERT]
        values = ", ".join(["(?, ?, ?, ?)"] * len(chunk))
        params = [
            v
            for (story_id, url, seen, _), blob in zip(
                chunk, blobs[start : start + len(chunk)], strict=True
            )
            for v in (story_id, url, seen, blob)
        ]
        conn.execute(
            "INSERT OR REPLACE INTO raw_pages (story_id, url, fetched_at, html) VALUES " + values,
            params,
        )


def decompress_page(blob: bytes) -> bytes:
    """The page ``compress_page`` stored, or a zlib stream from before zstd was used."""
    if bytes(blob[:4]) == _ZSTD_MAGIC:
        decompressor = getattr(_codecs, "decompressor", None)
        if decompressor is None:
            decompressor = _codecs.decompressor = zstandard.ZstdDecompressor()
        return bytes(decompressor.decompress(blob))
    return zlib.decompress(blob)


def raw_page(db: sqlite_utils.Database, story_id: int) -> bytes | None:
    """The kept raw HTML of a story, decompressed, or None when it was not kept."""
    row = db.execute("SELECT html FROM raw_pages WHERE story_id = ?", [story_id]).fetchone()
    return decompress_page(row[0]) if row else None


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


# --- incremental crawling -----------------------------------------------------------------------


def get_validators(
    db: sqlite_utils.Database, url: str
) -> tuple[str | None, str | None, str] | None:
    """(etag, last_modified, body_hash) saved for a feed, sitemap or listing URL, or None."""
    row = db.execute(
        "SELECT etag, last_modified, body_hash FROM http_validators WHERE url = ?", [url]
    ).fetchone()
    return (row[0], row[1], row[2]) if row else None


def save_validators(
    db: sqlite_utils.Database, rows: Iterable[tuple[str, str | None, str | None, str, str]]
) -> None:
    """Upsert rows (url, etag, last_modified, body_hash, checked_at) in one transaction."""
    with transaction(db):
        db.conn.executemany(
            "INSERT OR REPLACE INTO http_validators (url, etag, last_modified, body_hash, checked_at) "
            "VALUES (?, ?, ?, ?, ?)",
            list(rows),
        )


def seen_story(
    db: sqlite_utils.Database, url: str
) -> tuple[datetime, datetime, datetime | None] | None:
    """(first_seen, last_seen, published_at) of the story stored under ``url`` (canonical or
    alias), or None."""
    row = db.execute(
        "SELECT first_seen, last_seen, published_at FROM stories WHERE canonical_url = ? "
        "UNION ALL SELECT s.first_seen, s.last_seen, s.published_at "
        "FROM aliases a JOIN stories s ON s.id = a.story_id "
        "WHERE a.url = ? LIMIT 1",
        [url, url],
    ).fetchone()
    if row is None:
        return None
    return datetime.fromisoformat(row[0]), datetime.fromisoformat(row[1]), parse_iso(row[2])


# --- scheduling ---------------------------------------------------------------------------------
# Locks, schedule state and the run/story queries behind `wirecrawl schedule`, `runs` and the
# health columns of `sources`. The decisions (due, backoff, staleness) live in wirecrawl.schedule
# and wirecrawl.health; these functions only read and write rows.

LOCK_COLUMNS = ("source", "holder", "pid", "host", "acquired_at", "heartbeat_at")


def claim_lock_row(
    db: sqlite_utils.Database,
    source: str,
    decide: Callable[[dict[str, Any] | None], dict[str, Any] | None],
) -> tuple[dict[str, Any] | None, dict[str, Any] | None]:
    """In one BEGIN IMMEDIATE transaction, read ``source``'s lock row, ask ``decide`` what to do
    with it and write the row it returns; returns (row written or None, row found or None)."""
    columns = ", ".join(LOCK_COLUMNS)
    with transaction(db) as conn:
        found = conn.execute(f"SELECT {columns} FROM locks WHERE source = ?", [source]).fetchone()
        existing = dict(zip(LOCK_COLUMNS, found, strict=True)) if found else None
        wanted = decide(existing)
        if wanted is not None:
            conn.execute(
                f"INSERT OR REPLACE INTO locks ({columns}) VALUES (?, ?, ?, ?, ?, ?)",
                [wanted[c] for c in LOCK_COLUMNS],
            )
    return wanted, existing


def heartbeat_lock(db: sqlite_utils.Database, source: str, holder: str, at: datetime) -> bool:
    """Move a held lock's heartbeat on; False when ``holder`` no longer holds it."""
    with transaction(db) as conn:
        cursor = conn.execute(
            "UPDATE locks SET heartbeat_at = ? WHERE source = ? AND holder = ?",
            [iso(at), source, holder],
        )
    return cursor.rowcount > 0


def delete_lock(db: sqlite_utils.Database, source: str, holder: str) -> bool:
    """Release ``source``'s lock if ``holder`` holds it; False when it did not (already gone)."""
    with transaction(db) as conn:
        cursor = conn.execute("DELETE FROM locks WHERE source = ? AND holder = ?", [source, holder])
    return cursor.rowcount > 0


def list_locks(db: sqlite_utils.Database) -> list[dict[str, Any]]:
    """Every lock row, by source."""
    return list(db.query(f"SELECT {', '.join(LOCK_COLUMNS)} FROM locks ORDER BY source"))


def schedule_states(db: sqlite_utils.Database) -> dict[str, dict[str, Any]]:
    """The ``schedule_state`` rows by source; empty on a database not yet migrated to 4."""
    if "schedule_state" not in db.table_names():
        return {}
    return {row["source"]: row for row in db.query("SELECT * FROM schedule_state")}


def save_schedule_state(db: sqlite_utils.Database, row: dict[str, Any]) -> None:
    """Insert or replace one source's schedule state (datetimes are stored as ISO text)."""
    values = {k: iso(v) if isinstance(v, datetime) else v for k, v in row.items()}
    columns = ", ".join(values)
    marks = ", ".join("?" for _ in values)
    with transaction(db) as conn:
        conn.execute(
            f"INSERT OR REPLACE INTO schedule_state ({columns}) VALUES ({marks})",
            list(values.values()),
        )


def latest_runs(db: sqlite_utils.Database) -> dict[str, dict[str, Any]]:
    """The newest run of each source (by start time, then id), whatever its outcome."""
    sql = (
        "SELECT r.* FROM runs r JOIN (SELECT source, max(started_at) AS started_at FROM runs "
        "GROUP BY source) m ON m.source = r.source AND m.started_at = r.started_at ORDER BY r.id"
    )
    return {row["source"]: row for row in db.query(sql)}


def running_runs(db: sqlite_utils.Database) -> list[dict[str, Any]]:
    """Runs still marked 'running' (in progress, or left behind by a killed crawl)."""
    return list(db.query("SELECT * FROM runs WHERE outcome = 'running' ORDER BY id"))


def set_run_outcome(
    db: sqlite_utils.Database, run_id: int, outcome: str, finished_at: datetime
) -> bool:
    """Close a run still marked 'running' with ``outcome``; False if it had already finished."""
    with transaction(db) as conn:
        cursor = conn.execute(
            "UPDATE runs SET outcome = ?, finished_at = ? WHERE id = ? AND outcome = 'running'",
            [outcome, iso(finished_at), run_id],
        )
    return cursor.rowcount > 0


def max_run_id(db: sqlite_utils.Database) -> int:
    """The highest run id so far (0 for none): runs recorded later have larger ids."""
    return int(db.execute("SELECT coalesce(max(id), 0) FROM runs").fetchone()[0])


def run_of_process(
    db: sqlite_utils.Database, source: str, pid: int, after_id: int
) -> dict[str, Any] | None:
    """The newest run of ``source`` recorded by process ``pid`` with an id above ``after_id``."""
    rows = list(
        db.query(
            "SELECT * FROM runs WHERE source = ? AND pid = ? AND id > ? ORDER BY id DESC LIMIT 1",
            [source, pid, after_id],
        )
    )
    return rows[0] if rows else None


def get_run(db: sqlite_utils.Database, run_id: int) -> dict[str, Any] | None:
    """One run row, or None."""
    rows = list(db.query("SELECT * FROM runs WHERE id = ?", [run_id]))
    return rows[0] if rows else None


def recent_runs(
    db: sqlite_utils.Database, *, source: Sequence[str] = (), limit: int | None = 20
) -> list[dict[str, Any]]:
    """Runs newest first, optionally of some sources only."""
    sql = "SELECT * FROM runs"
    params: list[Any] = []
    if source:
        sql += f" WHERE source IN ({', '.join('?' for _ in source)})"
        params.extend(source)
    sql += " ORDER BY started_at DESC, id DESC"
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    return list(db.query(sql, params))


def runs_since(db: sqlite_utils.Database, source: str, since: datetime) -> list[dict[str, Any]]:
    """A source's runs started at or after ``since``, plus its latest two (for "failing"),
    oldest first."""
    sql = (
        "SELECT * FROM runs WHERE source = ? AND (started_at >= ? OR id IN "
        "(SELECT id FROM runs WHERE source = ? ORDER BY started_at DESC, id DESC LIMIT 2)) "
        "ORDER BY started_at, id"
    )
    return list(db.query(sql, [source, iso(since), source]))


def story_facts_since(
    db: sqlite_utils.Database, source: str, since: datetime
) -> list[tuple[str, str, bool]]:
    """(first_seen, last_seen, complete) of a source's stories first or last seen since
    ``since``; complete means title, body and published_at are all present."""
    sql = (
        "SELECT first_seen, last_seen, (coalesce(title, '') != '' AND coalesce(body, '') != '' "
        "AND published_at IS NOT NULL) FROM stories WHERE source = ? AND first_seen >= ? "
        "UNION ALL SELECT first_seen, last_seen, (coalesce(title, '') != '' "
        "AND coalesce(body, '') != '' AND published_at IS NOT NULL) FROM stories "
        "WHERE source = ? AND last_seen >= ? AND first_seen < ?"
    )
    start = iso(since)
    rows = db.execute(sql, [source, start, source, start, start]).fetchall()
    return [(str(a), str(b), bool(c)) for a, b, c in rows]


def newest_story(db: sqlite_utils.Database, source: str) -> tuple[str | None, str | None]:
    """(newest first_seen, newest of published_at-else-first_seen) of a source's stories."""
    first_seen = db.execute(
        "SELECT max(first_seen) FROM stories WHERE source = ?", [source]
    ).fetchone()[0]
    published = db.execute(
        "SELECT max(published_at) FROM stories WHERE source = ?", [source]
    ).fetchone()[0]
    undated = db.execute(
        "SELECT max(first_seen) FROM stories WHERE source = ? AND published_at IS NULL", [source]
    ).fetchone()[0]
    newest = max((t for t in (published, undated) if t), default=None)
    return first_seen, newest


# === Query side: full-text search, exports, statistics and maintenance ==========================
#
# Search design. ``stories_fts(title, body)`` is an FTS5 table (rowid = story id, tokenizer
# ``unicode61 remove_diacritics 2``) over copies of the title and body FOLDED by
# ``fold_for_search``: Arabic-script letter variants to one form, marks (harakat), tatweel and
# invisible controls dropped, ZWNJ a word break, every decimal digit ASCII. Folding is Python,
# which a trigger cannot run without every writer registering a function, so ``_write_one``
# queues the story's search row and ``write_stories`` writes the batch's rows last in
# its transaction (see ``_index_for_search``); a delete trigger drops the FTS row
# whoever deletes a story. Queries are folded the same way. Snippets are cut by FTS5
# ``snippet()`` from the folded copy and mapped back onto the original text (folding works one
# character at a time, so offsets map back): readers see the page's own letters and digits.

SEARCH_TITLE_WEIGHT = 10.0
# A search matching more stories than this ranks the newest this many (by id, i.e. by when they
# were first stored): bm25 costs about a microsecond per match, so time stays bounded.
SEARCH_RANK_WINDOW = 20_000
_MARK_START, _MARK_END, _MARK_MORE = "\x02", "\x03", "\x04"
_SEARCH_LETTERS: dict[str, str] = {
    "ي": "ی",  # Arabic yeh
    "ى": "ی",  # alef maksura
    "ك": "ک",  # Arabic kaf
    "ڪ": "ک",  # swash kaf
    "ة": "ه",  # teh marbuta
    "ۀ": "ه",  # heh with yeh above
    "ە": "ه",  # ae
    "ہ": "ه",  # heh goal
    "أ": "ا",  # alef with hamza above
    "إ": "ا",  # alef with hamza below
    "آ": "ا",  # alef with madda
    "ٱ": "ا",  # alef wasla
    "ٲ": "ا",  # alef with wavy hamza above
    "ٳ": "ا",  # alef with wavy hamza below
    "\u066b": ".",  # Arabic decimal separator
    "\u066c": ",",  # Arabic thousands separator
}


def _fold_char(char: str) -> str:
    out: list[str] = []
    for c in unicodedata.normalize("NFKC", char):
        category = unicodedata.category(c)
        if c in _SEARCH_LETTERS:
            out.append(_SEARCH_LETTERS[c])
        elif c == "\u200c":
            out.append(" ")  # ZWNJ separates the parts of a word, as a space would
        elif category == "Nd":
            out.append(str(unicodedata.decimal(c)))
        elif category[0] == "M" or category in ("Cf", "Cs") or c == "\u0640":
            continue  # marks (harakat, accents), ZWJ/RLM/LRM, lone surrogates, tatweel
        elif category == "Cc" and c not in "\t\n\r":
            out.append(" ")
        else:
            out.append(c)
    return "".join(out)


class _SearchFold(dict[int, str]):
    """``str.translate`` table of ``_fold_char``, filled lazily per code point."""

    def __missing__(self, code: int) -> str:
        self[code] = folded = _fold_char(chr(code))
        return folded


_SEARCH_FOLD = _SearchFold()


def fold_for_search(text: str | None) -> str:
    """Text as indexed for search: NFKC per character, Arabic/Persian letter variants unified,
    marks, tatweel and invisible controls dropped, ZWNJ a space (as Lucene's Persian analyser
    does), all digits ASCII; case and punctuation kept. ``None`` gives ``""``; idempotent."""
    return text.translate(_SEARCH_FOLD) if text else ""


def _folded_ends(text: str) -> list[int]:
    """For each character of ``text``, the length of the folded text up to and including it."""
    return list(accumulate(map(len, map(_SEARCH_FOLD.__getitem__, map(ord, text)))))


class BadQuery(ValueError):
    """A search the full-text index cannot run; the message says why."""


def _has_token(text: str) -> bool:
    return any(unicodedata.category(c)[0] in "LN" or unicodedata.category(c) == "Co" for c in text)


def fts_query(text: str, *, raw: bool = False) -> str:
    """The FTS5 MATCH expression for a user's search, folded like the index.

    By default every whitespace-separated word is quoted (so ``"``, ``*``, ``OR``, ``NEAR(``,
    ``-`` and ``:`` are plain text) and all words must match; a trailing ``*`` makes a word a
    prefix. ``raw`` passes FTS5 syntax through. Raises BadQuery when no word is left.
    """
    folded = fold_for_search(text).strip()
    if raw:
        if not folded:
            raise BadQuery("the query is empty")
        return folded
    terms = []
    for chunk in folded.split():
        word = chunk.rstrip("*")
        if _has_token(word):
            quoted = '"' + word.replace('"', '""') + '"'
            terms.append(quoted + "*" if chunk.endswith("*") else quoted)
    if not terms:
        raise BadQuery(f"nothing to search for in {text!r}: give at least one word")
    return " ".join(terms)


_query_checker = threading.local()


def check_fts_query(expression: str) -> None:
    """Raise BadQuery if FTS5 cannot parse ``expression``, by running it on an empty in-memory
    table with the same columns, so errors of the query are never confused with the database's."""
    conn = getattr(_query_checker, "conn", None)
    if conn is None:
        conn = _query_checker.conn = sqlite3.connect(":memory:")
        conn.execute("CREATE VIRTUAL TABLE stories_fts USING fts5(title, body)")
    try:
        conn.execute("SELECT rowid FROM stories_fts WHERE stories_fts MATCH ?", [expression])
    except sqlite3.Error as exc:
        raise BadQuery(str(exc).removeprefix("fts5: ")) from None


def restore_snippet(
    original: str | None,
    marked: str | None,
    *,
    marks: tuple[str, str] = ("**", "**"),
    ellipsis: str = "…",
) -> str:
    """Map an FTS5 ``snippet()``/``highlight()`` of the folded copy back onto ``original``.

    ``marked`` uses \\x02/\\x03 around matches and \\x04 for cut text. Whitespace is collapsed.
    If the fragment cannot be found (the index is stale), the folded fragment is returned.
    """
    if not original or not marked:
        return ""
    lead, trail = marked.startswith(_MARK_MORE), marked.endswith(_MARK_MORE)
    core = marked[int(lead) : len(marked) - int(trail)]
    plain: list[str] = []
    spans: list[tuple[int, int]] = []
    at = start = 0
    for piece in re.split(f"([{_MARK_START}{_MARK_END}])", core):
        if piece == _MARK_START:
            start = at
        elif piece == _MARK_END:
            spans.append((start, at))
        else:
            plain.append(piece)
            at += len(piece)
    fragment = "".join(plain)
    offset = fold_for_search(original).find(fragment) if fragment else -1
    if offset < 0:
        text = core.replace(_MARK_START, marks[0]).replace(_MARK_END, marks[1])
    else:
        ends = _folded_ends(original)

        def begin(f: int) -> int:
            return bisect_right(ends, f)

        def finish(f: int) -> int:
            i = bisect_left(ends, f) + 1
            while i < len(ends) and ends[i] == ends[i - 1]:
                i += 1  # take the marks that follow the last letter
            return i

        low, high = begin(offset), finish(offset + len(fragment))
        parts, cursor = [], low
        for span_start, span_end in spans:
            a, b = begin(offset + span_start), finish(offset + span_end)
            parts += [original[cursor:a], marks[0], original[a:b], marks[1]]
            cursor = b
        parts.append(original[cursor:high])
        text = "".join(parts)
    text = " ".join(text.split())
    return (ellipsis if lead else "") + text + (ellipsis if trail else "")


def _fill_search_index(conn: sqlite3.Connection) -> int:
    """Index every story's folded title and body (the caller holds the transaction)."""
    cursor = conn.execute("SELECT id, title, body FROM stories ORDER BY id")
    count = 0
    while rows := cursor.fetchmany(2000):
        conn.executemany(
            "INSERT INTO stories_fts (rowid, title, body) VALUES (?, ?, ?)",
            [(r[0], fold_for_search(r[1]), fold_for_search(r[2])) for r in rows],
        )
        count += len(rows)
    return count


def _queue_search(
    conn: sqlite3.Connection,
    story_id: int,
    before: Any,
    search: dict[int, tuple[str, str]],
    written: tuple[str | None, str | None],
) -> None:
    """Queue a story just written for re-indexing when its title or body differ from ``before``
    (None: new, stored as ``written``, so it is not read back); :func:`_index_for_search` writes
    the queue after the batch's stories, in the same transaction."""
    if before is None:
        title, body = written
    else:  # an update keeps stored fields the new version lacks: read what was stored
        title, body = conn.execute(
            "SELECT title, body FROM stories WHERE id = ?", [story_id]
        ).fetchone()
        if (before["title"], before["body"]) == (title, body):
            return
    search[story_id] = (fold_for_search(title), fold_for_search(body))


def _index_for_search(conn: sqlite3.Connection, rows: Sequence[SearchRow]) -> None:
    """Write a batch's queued search rows, after every story of it in its transaction.

    FTS5 keeps new rows in memory until the transaction commits, unless a later statement of the
    transaction opens a statement savepoint (an ``INSERT OR REPLACE``, a write checked by a
    foreign key): then it writes what it holds as a segment of its own. Indexed story by story,
    every story became a segment, to be merged again and again; written together, a batch is one.
    """
    if rows:
        conn.executemany(
            "INSERT OR REPLACE INTO stories_fts (rowid, title, body) VALUES (?, ?, ?)", rows
        )


def rebuild_search_index(db: sqlite_utils.Database) -> int:
    """Drop and refill the search index from ``stories``; returns the number of stories indexed."""
    with transaction(db) as conn:
        conn.execute("DELETE FROM stories_fts")
        return _fill_search_index(conn)


def has_search_index(db: sqlite_utils.Database) -> bool:
    """True once migration 3 has made ``stories_fts``."""
    return "stories_fts" in db.table_names()


def _filters(
    source: Sequence[str], since: datetime | None, until: datetime | None, alias: str = "s"
) -> tuple[list[str], list[Any]]:
    """WHERE clauses for --source/--since/--until (on ``published_at``, as ``query_stories``)."""
    where: list[str] = []
    params: list[Any] = []
    if source:
        where.append(f"{alias}.source IN ({', '.join('?' for _ in source)})")
        params.extend(source)
    if since is not None:
        where.append(f"{alias}.published_at >= ?")
        params.append(iso(since))
    if until is not None:
        where.append(f"{alias}.published_at < ?")
        params.append(iso(until))
    return where, params


def search_stories(
    db: sqlite_utils.Database,
    text: str,
    *,
    raw: bool = False,
    source: Sequence[str] = (),
    since: datetime | None = None,
    until: datetime | None = None,
    limit: int = 20,
    marks: tuple[str, str] = ("**", "**"),
) -> list[dict[str, Any]]:
    """Stories matching a search, best first (bm25, title weighted; among the newest
    ``SEARCH_RANK_WINDOW`` matches when there are more), with the matches marked.

    Each row has ``score`` (higher is better), ``title``, ``title_marked`` and a body
    ``snippet``, both cut from the original text. Raises BadQuery for a query FTS5 refuses.
    """
    match = fts_query(text, raw=raw)
    check_fts_query(match)
    where, params = _filters(source, since, until)
    score = f"bm25(stories_fts, {SEARCH_TITLE_WEIGHT}, 1.0)"
    if where:  # the join costs a lookup per match: only made when a filter needs it
        window = (
            f"SELECT stories_fts.rowid AS id, {score} AS score FROM stories_fts "
            "JOIN stories s ON s.id = stories_fts.rowid WHERE stories_fts MATCH ?"
            + "".join(f" AND {clause}" for clause in where)
        )
    else:
        window = f"SELECT rowid AS id, {score} AS score FROM stories_fts WHERE stories_fts MATCH ?"
    hits = db.conn.execute(
        f"SELECT id, score FROM ({window} ORDER BY id DESC LIMIT ?) ORDER BY score, id LIMIT ?",
        [match, *params, SEARCH_RANK_WINDOW, limit],
    )
    scores = dict(hits.fetchall())
    if not scores:
        return []
    found = list(scores)
    marks_sql = ", ".join("?" for _ in found)
    marked = {
        r[0]: (r[1], r[2])
        for r in db.conn.execute(
            "SELECT rowid, highlight(stories_fts, 0, char(2), char(3)), "
            "snippet(stories_fts, 1, char(2), char(3), char(4), 24) FROM stories_fts "
            f"WHERE stories_fts MATCH ? AND rowid IN ({marks_sql})",
            [match, *found],
        )
    }
    stories = {
        r[0]: r
        for r in db.conn.execute(
            "SELECT id, source, published_at, title, body, canonical_url, cluster_id "
            f"FROM stories WHERE id IN ({marks_sql})",
            found,
        )
    }
    results = []
    for story_id in found:
        _, source_name, published_at, title, body, canonical_url, cluster_id = stories[story_id]
        title_marked, body_marked = marked.get(story_id, (None, None))
        results.append(
            {
                "id": story_id,
                "score": round(-scores[story_id], 3),
                "source": source_name,
                "published_at": published_at,
                "title": title,
                "title_marked": restore_snippet(title, title_marked, marks=marks) or title,
                "snippet": restore_snippet(body, body_marked, marks=marks),
                "canonical_url": canonical_url,
                "cluster_id": cluster_id,
            }
        )
    return results


def story_columns(db: sqlite_utils.Database) -> list[str]:
    """The columns of ``stories``, in table order."""
    return [row[1] for row in db.execute("PRAGMA table_info(stories)").fetchall()]


_ORIGINAL_FIELDS = ("id", "source", "publisher", "canonical_url", "original_source", "original_url")


def export_stories(
    db: sqlite_utils.Database,
    *,
    source: Sequence[str] = (),
    since: datetime | None = None,
    until: datetime | None = None,
    query: str | None = None,
    raw: bool = False,
    unique: bool = False,
    limit: int | None = None,
    originals: bool = False,
) -> Iterator[dict[str, Any]]:
    """Stored stories newest first, streamed, each with every column (JSON decoded,
    ``is_original`` a bool) and its ``aliases``.

    ``query`` keeps search matches (BadQuery if refused). ``unique`` keeps one story per cluster
    (its original if it passes the filters, else the earliest that does) and adds ``outlets``
    (distinct sources in the whole cluster) and ``copies`` (cluster size). ``originals`` adds
    ``original``: the cluster's original story (fields of ``_ORIGINAL_FIELDS``) or None.
    """
    where, params = _filters(source, since, until)
    if query is not None:
        where.append("s.id IN (SELECT rowid FROM stories_fts WHERE stories_fts MATCH ?)")
        params.append(fts_query(query, raw=raw))
        check_fts_query(params[-1])
    condition = f" WHERE {' AND '.join(where)}" if where else ""
    select = "s.*"
    joins = ""
    if originals:
        select += "".join(f", o.{name} AS __original_{name}" for name in _ORIGINAL_FIELDS)
        joins = (
            " LEFT JOIN clusters c ON c.id = s.cluster_id"
            " LEFT JOIN stories o ON o.id = c.original_id"
        )
    order = " ORDER BY coalesce(s.published_at, s.fetched_at) DESC, s.id DESC"
    if unique:
        sql = (
            "WITH m AS (SELECT s.id, row_number() OVER (PARTITION BY coalesce(s.cluster_id, -s.id) "
            "ORDER BY s.is_original DESC, coalesce(s.published_at, s.fetched_at), s.id) AS rn "
            f"FROM stories s{condition}) "
            f"SELECT {select}, "
            "(SELECT count(DISTINCT x.source) FROM stories x WHERE x.cluster_id = s.cluster_id) "
            "AS outlets, (SELECT count(*) FROM stories x WHERE x.cluster_id = s.cluster_id) AS copies "
            f"FROM m JOIN stories s ON s.id = m.id AND m.rn = 1{joins}{order}"
        )
    else:
        sql = f"SELECT {select} FROM stories s{joins}{condition}{order}"
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    cursor = db.conn.execute(sql, params)
    names = [d[0] for d in cursor.description]
    while chunk := cursor.fetchmany(500):
        rows = [dict(zip(names, values, strict=True)) for values in chunk]
        aliases = _aliases_of(db, [row["id"] for row in rows])
        for row in rows:
            if originals:
                found = {n: row.pop(f"__original_{n}") for n in _ORIGINAL_FIELDS}
                row["original"] = found if found["id"] is not None else None
            row["is_original"] = bool(row.get("is_original"))
            row["aliases"] = aliases.get(row["id"], [])
            yield _decode(row)


def _aliases_of(db: sqlite_utils.Database, ids: Sequence[int]) -> dict[int, list[str]]:
    found: dict[int, list[str]] = {}
    if ids:
        marks = ", ".join("?" for _ in ids)
        for story_id, url in db.execute(
            f"SELECT story_id, url FROM aliases WHERE story_id IN ({marks}) ORDER BY url", list(ids)
        ).fetchall():
            found.setdefault(story_id, []).append(url)
    return found


def story_detail(db: sqlite_utils.Database, story_id: int) -> dict[str, Any] | None:
    """One story with every column, ``aliases``, ``revisions`` (how many earlier versions),
    ``raw_page_bytes`` (compressed size or None) and ``cluster``: every member, the original
    first, each with ``is_original`` and ``this``. None when there is no such story."""
    story = get_story(db, story_id)
    if story is None:
        return None
    story["is_original"] = bool(story.get("is_original"))
    story["revisions"] = db.execute(
        "SELECT count(*) FROM revisions WHERE story_id = ?", [story_id]
    ).fetchone()[0]
    raw = db.execute("SELECT length(html) FROM raw_pages WHERE story_id = ?", [story_id]).fetchone()
    story["raw_page_bytes"] = raw[0] if raw else None
    members = db.execute(
        "SELECT s.id, s.source, s.publisher, s.title, s.canonical_url, s.published_at, "
        "coalesce(c.original_id = s.id, s.is_original) AS original "
        "FROM stories s LEFT JOIN clusters c ON c.id = s.cluster_id "
        "WHERE s.cluster_id = ? OR s.id = ? "
        "ORDER BY original DESC, coalesce(s.published_at, s.fetched_at), s.id",
        [story.get("cluster_id"), story_id],
    ).fetchall()
    story["cluster"] = [
        {
            "id": m[0],
            "source": m[1],
            "publisher": m[2],
            "title": m[3],
            "canonical_url": m[4],
            "published_at": m[5],
            "is_original": bool(m[6]),
            "this": m[0] == story_id,
        }
        for m in members
    ]
    return story


STATS_GROUPS = {
    "source": "s.source",
    "day": "substr(coalesce(s.published_at, s.fetched_at), 1, 10)",
}


def story_stats(
    db: sqlite_utils.Database,
    by: Sequence[str] = ("source",),
    *,
    source: Sequence[str] = (),
    since: datetime | None = None,
    until: datetime | None = None,
) -> list[dict[str, Any]]:
    """Counts grouped by ``by`` (any of ``source``, ``day``; none gives one total row).

    Each row: ``stories``, ``clusters`` (stories with duplicates folded), ``duplicates``
    (stories minus clusters), ``dated`` and ``coverage`` (share with ``published_at``, 0..1),
    ``first_published``/``last_published``. ``day`` is the UTC date published, else fetched.
    """
    keys = [f"{STATS_GROUPS[name]} AS {name}" for name in by]
    where, params = _filters(source, since, until)
    sql = (
        f"SELECT {''.join(k + ', ' for k in keys)}count(*) AS stories, "
        "count(DISTINCT coalesce(s.cluster_id, -s.id)) AS clusters, count(s.published_at) AS dated, "
        "min(s.published_at) AS first_published, max(s.published_at) AS last_published "
        "FROM stories s" + (f" WHERE {' AND '.join(where)}" if where else "")
    )
    if by:
        sql += f" GROUP BY {', '.join(by)} ORDER BY " + ", ".join(
            f"{name} DESC" if name == "day" else name for name in by
        )
    rows = [dict(row) for row in db.query(sql, params)]
    for row in rows:
        row["duplicates"] = row["stories"] - row["clusters"]
        row["coverage"] = round(row["dated"] / row["stories"], 3) if row["stories"] else None
    return [row for row in rows if row["stories"]]


# --- maintenance: backup, prune, vacuum ----------------------------------------------------------


def _disk_bytes(path: Path) -> int:
    """Size of a database on disk: the file plus its write-ahead log."""
    wal = path.with_name(path.name + "-wal")
    return sum(p.stat().st_size for p in (path, wal) if p.exists())


def backup_database(source: Path | str, dest: Path | str, *, force: bool = False) -> dict[str, Any]:
    """Copy a live database to ``dest`` with SQLite's online backup API, as one consistent snapshot.

    Safe while a crawl writes (WAL readers do not block the writer). The copy is written beside
    ``dest`` and renamed into place, in rollback-journal mode so it is one self-contained file,
    then checked with ``PRAGMA quick_check``. Raises FileNotFoundError for a missing source,
    FileExistsError when ``dest`` exists and not ``force``, ValueError for ``dest`` = source.
    """
    source, dest = Path(source), Path(dest)
    if not source.is_file():
        raise FileNotFoundError(f"no database at {source}")
    if dest.exists() and dest.resolve() == source.resolve():
        raise ValueError(f"{dest} is the database itself: choose another backup path")
    if dest.exists() and not force:
        raise FileExistsError(f"{dest} already exists: pass --force to overwrite it")
    dest.parent.mkdir(parents=True, exist_ok=True)
    partial = dest.with_name(f".{dest.name}.partial")
    partial.unlink(missing_ok=True)
    reader = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    target = sqlite3.connect(partial)
    try:
        reader.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        reader.backup(target)  # all pages in one step: one read snapshot, never restarted
        target.execute("PRAGMA journal_mode = DELETE")
        check = str(target.execute("PRAGMA quick_check").fetchone()[0])
        stories = int(target.execute("SELECT count(*) FROM stories").fetchone()[0])
    finally:
        target.close()
        reader.close()
    for leftover in (dest.with_name(dest.name + "-wal"), dest.with_name(dest.name + "-shm")):
        leftover.unlink(missing_ok=True)
    partial.replace(dest)
    return {"path": str(dest), "bytes": dest.stat().st_size, "stories": stories, "check": check}


def _story_tables(db: sqlite_utils.Database) -> list[str]:
    """Tables holding rows per story: aliases, revisions, raw pages and every ``dedup_*`` table
    with a ``story_id`` column."""
    tables = ["aliases", "revisions", "raw_pages"]
    for (name,) in db.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name GLOB 'dedup_*' ORDER BY name"
    ).fetchall():
        columns = {row[1] for row in db.execute(f"PRAGMA table_info([{name}])").fetchall()}
        if "story_id" in columns:
            tables.append(name)
    return tables


def prune_stories(
    db: sqlite_utils.Database,
    cutoff: datetime,
    *,
    keep_clusters: bool = False,
    dry_run: bool = False,
) -> dict[str, int]:
    """Delete stories published (or, undated, fetched) before ``cutoff``, with their rows.

    ``keep_clusters`` spares every story whose cluster has a member at or after the cutoff.
    Removes aliases, revisions, raw pages, search rows and ``dedup_*`` rows of the stories, and
    clusters left empty (the others get their new size). Returns counts per table; ``dry_run``
    counts without deleting.
    """
    when = "coalesce(published_at, fetched_at)"
    chosen = f"SELECT id FROM stories WHERE {when} < ?"
    params: list[Any] = [iso(cutoff)]
    if keep_clusters:
        chosen += (
            f" AND coalesce(cluster_id, -id) NOT IN "
            f"(SELECT coalesce(cluster_id, -id) FROM stories WHERE {when} >= ?)"
        )
        params.append(iso(cutoff))
    counts: dict[str, int] = {}
    with transaction(db) as conn:
        conn.execute("CREATE TEMP TABLE IF NOT EXISTS prune_ids (id INTEGER PRIMARY KEY)")
        conn.execute("CREATE TEMP TABLE IF NOT EXISTS prune_clusters (id INTEGER PRIMARY KEY)")
        conn.execute("DELETE FROM temp.prune_ids")
        conn.execute("DELETE FROM temp.prune_clusters")
        conn.execute(f"INSERT INTO temp.prune_ids {chosen}", params)
        conn.execute(
            "INSERT OR IGNORE INTO temp.prune_clusters SELECT cluster_id FROM stories "
            "WHERE id IN (SELECT id FROM temp.prune_ids) AND cluster_id IS NOT NULL"
        )
        counts["stories"] = conn.execute("SELECT count(*) FROM temp.prune_ids").fetchone()[0]
        for table in _story_tables(db):
            counts[table] = conn.execute(
                f"SELECT count(*) FROM [{table}] WHERE story_id IN (SELECT id FROM temp.prune_ids)"
            ).fetchone()[0]
        counts["stories_fts"] = conn.execute(
            "SELECT count(*) FROM stories_fts WHERE rowid IN (SELECT id FROM temp.prune_ids)"
        ).fetchone()[0]
        counts["clusters"] = conn.execute(
            "SELECT count(*) FROM temp.prune_clusters p WHERE NOT EXISTS (SELECT 1 FROM stories s "
            "WHERE s.cluster_id = p.id AND s.id NOT IN (SELECT id FROM temp.prune_ids))"
        ).fetchone()[0]
        if not dry_run:
            for table in _story_tables(db):
                conn.execute(
                    f"DELETE FROM [{table}] WHERE story_id IN (SELECT id FROM temp.prune_ids)"
                )
            conn.execute("DELETE FROM stories WHERE id IN (SELECT id FROM temp.prune_ids)")
            conn.execute(
                "UPDATE clusters SET size = (SELECT count(*) FROM stories s "
                "WHERE s.cluster_id = clusters.id) WHERE id IN (SELECT id FROM temp.prune_clusters)"
            )
            conn.execute(
                "DELETE FROM clusters WHERE size = 0 AND id IN (SELECT id FROM temp.prune_clusters)"
            )
        conn.execute("DELETE FROM temp.prune_ids")
        conn.execute("DELETE FROM temp.prune_clusters")
    return counts


def vacuum_database(db: sqlite_utils.Database, path: Path | str) -> dict[str, int]:
    """Merge the search index (FTS5 ``optimize``), run ``PRAGMA optimize`` and VACUUM, then
    truncate the write-ahead log; returns bytes on disk (file and log) before and after."""
    path = Path(path)
    before = _disk_bytes(path)
    with transaction(db) as conn:
        conn.execute("INSERT INTO stories_fts (stories_fts) VALUES ('optimize')")
    db.execute("PRAGMA optimize")
    db.execute("VACUUM")
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return {"bytes_before": before, "bytes_after": _disk_bytes(path)}


# --- story clusters -----------------------------------------------------------------------------


def link_story(conn: sqlite3.Connection, story_id: int, story: Story, index: Any) -> list[str]:
    """Link a new or changed story into the cluster of every story it duplicates.

    A story joins another's cluster when the two have the same normalised body (exact), when
    its credit line names the other's URL (credit), or when the other's credit line names it
    (credited-by); only when none of these holds, when their MinHash estimate reaches the index
    threshold (near, the single best match; see ``_best_near_match``). Clusters that
    meet merge and the oldest (smallest) id survives; the cluster's original is then chosen
    again (:func:`wirecrawl.dedup.pick_original`). Returns the reasons of the links made.
    """
    from wirecrawl.dedup import merge_cluster_ids

    signature = story.signature or index.signature(story.body or "").astype("<u4").tobytes()
    found: dict[int, str] = {}
    if story.content_hash and story.body:
        for row in conn.execute(
            "SELECT id FROM stories WHERE content_hash = ? AND id != ?",
            [story.content_hash, story_id],
        ):
            found.setdefault(int(row[0]), "exact")
    from wirecrawl.urls import canonical_or_none

    credited = canonical_or_none(story.original_url)
    if credited:
        for row in conn.execute(
            "SELECT id FROM stories WHERE canonical_url = ? "
            "UNION SELECT story_id FROM aliases WHERE url = ?",
            [credited, story.original_url],
        ):
            if int(row[0]) != story_id:
                found.setdefault(int(row[0]), "credit")
    spellings = {story.canonical_url, *story.aliases, story.url} - {None}
    marks = ", ".join("?" for _ in spellings)
    for row in conn.execute(
        f"SELECT id FROM stories WHERE original_key IN ({marks}) AND id != ?",
        [*spellings, story_id],
    ):
        found.setdefault(int(row[0]), "credited-by")
    if not found:
        # Similarity only decides when nothing firmer does: a copy whose credit line names its
        # original must not also be pulled into the cluster of a look-alike story.
        near = _best_near_match(conn, story_id, story.source, index.query(signature))
        if near is not None:
            found[near] = "near"
    index.add(story_id, signature)
    if not found:
        return []
    ids = [story_id, *found]
    marks = ", ".join("?" for _ in ids)
    clusters = {
        int(r[0])
        for r in conn.execute(f"SELECT DISTINCT cluster_id FROM stories WHERE id IN ({marks})", ids)
    }
    keep = merge_cluster_ids(clusters)
    others = sorted(clusters - {keep})
    if others:
        marks = ", ".join("?" for _ in others)
        conn.execute(
            f"UPDATE stories SET cluster_id = ? WHERE cluster_id IN ({marks})", [keep, *others]
        )
        conn.execute(f"DELETE FROM clusters WHERE id IN ({marks})", others)
    refresh_cluster(conn, keep, story.fetched_at)
    return sorted(set(found.values()))


# An outlet does not republish its own story under another URL with a fifth of the words
# changed: a same-source near duplicate must be much closer than a syndicated copy.
SAME_SOURCE_NEAR = 0.5


def _best_near_match(
    conn: sqlite3.Connection, story_id: int, source: str, hits: Sequence[tuple[int, float]]
) -> int | None:
    """The single stored story a near-duplicate link joins: the best-scoring hit, where hits
    from the story's own source must reach ``SAME_SOURCE_NEAR``. One link at most, so a chance
    resemblance can never chain whole clusters together."""
    candidates = [(int(other), score) for other, score in hits if int(other) != story_id]
    if not candidates:
        return None
    marks = ", ".join("?" for _ in candidates)
    sources = dict(
        conn.execute(
            f"SELECT id, source FROM stories WHERE id IN ({marks})", [c for c, _ in candidates]
        ).fetchall()
    )
    for other, score in candidates:  # best first
        if sources.get(other) != source or score >= SAME_SOURCE_NEAR:
            return other
    return None


def refresh_cluster(conn: sqlite3.Connection, cluster_id: int, at: datetime) -> int | None:
    """Choose a cluster's original again and record its size; returns the original's id."""
    from wirecrawl.dedup import ClusterMember, pick_original

    members = [
        ClusterMember(
            story_id=int(r[0]),
            source=r[1],
            url=r[2],
            canonical_url=r[3],
            published_at=r[4],
            original_url=r[5],
            original_source=r[6],
            publisher=r[7],
        )
        for r in conn.execute(
            "SELECT id, source, url, canonical_url, published_at, original_url, original_source, "
            "publisher FROM stories WHERE cluster_id = ?",
            [cluster_id],
        )
    ]
    if not members:
        conn.execute("DELETE FROM clusters WHERE id = ?", [cluster_id])
        return None
    original = pick_original(members)
    conn.execute(
        "UPDATE stories SET is_original = (id = ?) WHERE cluster_id = ?", [original, cluster_id]
    )
    conn.execute(
        "INSERT INTO clusters (id, original_id, size, created_at, updated_at) VALUES (?, ?, ?, ?, ?) "
        "ON CONFLICT(id) DO UPDATE SET original_id = excluded.original_id, size = excluded.size, "
        "updated_at = excluded.updated_at",
        [cluster_id, original, len(members), iso(at), iso(at)],
    )
    return original


# --- replay: renormalise and reextract ------------------------------------------------------------


def _story_from_row(row: dict[str, Any]) -> Story:
    """A Story carrying a stored row's identity, dates as written and fetch time."""
    evidence = json.loads(row["date_evidence"] or "[]")
    candidates = [
        {
            "text": e.get("raw", ""),
            "origin": e.get("origin", "stored"),
            "detail": e.get("detail", ""),
        }
        for e in evidence
        if e.get("raw")
    ]
    if not candidates and row["published_raw"]:
        candidates = [{"text": row["published_raw"], "origin": "stored", "detail": ""}]
    fetched = parse_iso(row["fetched_at"])
    assert fetched is not None
    return Story(
        source=row["source"],
        url=row["url"],
        canonical_url=row["canonical_url"],
        fetched_at=fetched,
        date_candidates=candidates,
        modified_raw=row["modified_raw"],
        evidence=json.loads(row["evidence"] or "{}"),
    )


def renormalise_dates(
    db: sqlite_utils.Database,
    sources: dict[str, Any],
    normaliser: Any,
    *,
    only: Sequence[str] = (),
    dry_run: bool = False,
) -> tuple[int, int]:
    """Re-run the date choice over every stored story's candidates; returns (checked, changed).

    Idempotent: a second run changes nothing. Writes in batches of 500 per transaction.
    """
    from wirecrawl.process import date_story

    where = f" WHERE source IN ({', '.join('?' for _ in only)})" if only else ""
    rows = list(db.query(f"SELECT * FROM stories{where} ORDER BY id", list(only)))
    columns = (*_DATE_GROUP, "modified_at")
    changes: list[tuple[Any, ...]] = []
    for row in rows:
        story = date_story(_story_from_row(row), sources.get(row["source"]), normaliser)
        new = story_row(story)
        if any(new[c] != row[c] for c in columns):
            changes.append((*(new[c] for c in columns), row["id"]))
    if not dry_run:
        sets = ", ".join(f"{c} = ?" for c in columns)
        for start in range(0, len(changes), 500):
            with transaction(db):
                db.conn.executemany(
                    f"UPDATE stories SET {sets} WHERE id = ?", changes[start : start + 500]
                )
    return len(rows), len(changes)


def reextract_stories(
    db: sqlite_utils.Database,
    sources: dict[str, Any],
    index: Any,
    *,
    only: Sequence[str] = (),
    progress: Any = None,
) -> dict[str, int]:
    """Extract every kept raw page again and upsert the results (revisions when they changed)."""
    from wirecrawl.dates import DateNormaliser
    from wirecrawl.extract import ExtractError
    from wirecrawl.process import process_page

    registry = list(sources.values())
    normaliser = DateNormaliser()
    where = f" WHERE s.source IN ({', '.join('?' for _ in only)})" if only else ""
    rows = list(
        db.query(
            "SELECT s.id, s.source, s.url, s.canonical_url, s.fetched_at, r.html IS NOT NULL AS kept "
            f"FROM stories s LEFT JOIN raw_pages r ON r.story_id = s.id{where} ORDER BY s.id",
            list(only),
        )
    )
    counts = {"stories": len(rows), "no-raw-page": 0, "unreadable": 0}
    batch: list[Story] = []
    totals = WriteResult()

    def flush() -> None:
        result = write_stories(db, batch, keep_raw=False, dedup=index)
        totals.updated += result.updated
        totals.unchanged += result.unchanged
        batch.clear()

    for n, row in enumerate(rows, 1):
        page = raw_page(db, row["id"]) if row["kept"] else None
        if page is None:
            counts["no-raw-page"] += 1
            continue
        fetched = parse_iso(row["fetched_at"])
        try:
            story = process_page(
                page,
                row["url"],
                source=sources.get(row["source"]),
                fetched_at=fetched,
                normaliser=normaliser,
                registry=registry,
            )
        except ExtractError:
            counts["unreadable"] += 1
            continue
        story.source, story.canonical_url = row["source"], row["canonical_url"]  # same row
        batch.append(story)
        if len(batch) >= 200:
            flush()
        if progress is not None and n % 500 == 0:
            progress.write(f"reextract: {n}/{len(rows)}\n")
    if batch:
        flush()
    counts["updated"], counts["unchanged"] = totals.updated, totals.unchanged
    return counts
