import sqlite3
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wirecrawl import store
from wirecrawl.items import Story

NOW = datetime(2026, 11, 28, 12, 0, tzinfo=UTC)


def story(n: int = 1, **fields) -> Story:
    values = {
        "source": "meridian",
        "url": f"http://127.0.0.3:8451/news/world/{n}-a-story",
        "canonical_url": f"http://127.0.0.3:8451/news/world/{n}-a-story",
        "fetched_at": NOW,
        "title": f"Story {n}",
        "body": f"First paragraph of story {n}.\n\nSecond paragraph.",
        "authors": ["Ana Ruiz"],
        "content_hash": f"hash-{n}",
    }
    values.update(fields)
    return Story(**values)


@pytest.fixture
def db(tmp_path):
    database = store.open_db(tmp_path / "data" / "test.db")
    yield database
    database.conn.close()


def test_open_creates_folder_applies_migrations_and_uses_wal(tmp_path):
    path = tmp_path / "nested" / "w.db"
    db = store.open_db(path)
    assert path.exists()
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    numbers = [r[0] for r in db.execute("SELECT number FROM migrations ORDER BY number")]
    assert numbers == [m[0] for m in store.MIGRATIONS]
    assert {"stories", "aliases", "revisions", "runs", "raw_pages"} <= set(db.table_names())
    db.conn.close()
    assert store.migrate(store.open_db(path)) == []  # reopening applies nothing twice


def test_a_writing_connection_keeps_pages_cached_and_checkpoints_less_often(tmp_path):
    db = store.open_db(tmp_path / "w.db")
    assert db.execute("PRAGMA cache_size").fetchone()[0] == -store.WRITE_CACHE_KIB
    assert db.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == store.WAL_CHECKPOINT_PAGES
    assert store.WAL_CHECKPOINT_PAGES > 1000  # more than SQLite's default
    db.conn.close()
    reader = store.open_db(tmp_path / "w.db", readonly=True)
    assert reader.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == 1000  # readers untouched


def test_insert_then_unchanged_then_revision(db):
    first = store.write_stories(db, [story()])
    assert (first.added, first.updated, first.unchanged) == (1, 0, 0)
    later = NOW + timedelta(hours=2)
    again = store.write_stories(db, [story(fetched_at=later)])
    assert (again.added, again.updated, again.unchanged) == (0, 0, 1)
    row = store.get_story(db, first.ids[0])
    assert row["first_seen"] == store.iso(NOW) and row["last_seen"] == store.iso(later)
    assert row["revision"] == 1
    edited = story(
        fetched_at=later + timedelta(hours=1), body="Corrected text.", content_hash="hash-x"
    )
    result = store.write_stories(db, [edited])
    assert result.updated == 1
    row = store.get_story(db, first.ids[0])
    assert row["revision"] == 2 and row["body"] == "Corrected text."
    revisions = list(db.query("SELECT * FROM revisions"))
    assert len(revisions) == 1
    assert revisions[0]["body"].startswith("First paragraph") and revisions[0]["revision"] == 1


def test_json_columns_are_stored_with_sorted_keys_and_unescaped_text(db):
    item = story(
        authors=["مریم رضایی", "Tomás Reyes"], evidence={"title": "h1", "body": "text:article"}
    )
    row = store.story_row(item)
    assert row["authors"] == '["مریم رضایی", "Tomás Reyes"]'
    assert row["evidence"] == '{"body": "text:article", "title": "h1"}'
    store.write_stories(db, [item])
    stored = db.execute("SELECT authors, evidence FROM stories").fetchone()
    assert stored == (row["authors"], row["evidence"])


def test_alias_spelling_finds_the_same_story(db):
    base = story(aliases=["http://127.0.0.3:8451/news/world/1-a-story?utm_source=rss"])
    store.write_stories(db, [base])
    other = story(
        url="http://127.0.0.3:8451/news/world/1-a-story?utm_source=rss",
        canonical_url="http://127.0.0.3:8451/news/world/1-a-story?utm_source=rss",
    )
    result = store.write_stories(db, [other])
    assert result.added == 0
    assert db.execute("SELECT count(*) FROM stories").fetchone()[0] == 1
    # both spellings find the stored story, an unknown URL finds nothing
    assert store.seen_story(db, base.canonical_url) == store.seen_story(db, other.url) is not None
    assert store.seen_story(db, "http://x/y") is None


def test_raw_pages_are_zstd_frames_and_pages_stored_as_zlib_still_read(db):
    import zlib

    page = b"<html><body>" + "بندر دوباره باز شد. ".encode() * 400 + b"</body></html>"
    first = store.write_stories(db, [story(raw_html=page)]).ids[0]
    blob = db.execute("SELECT html FROM raw_pages WHERE story_id = ?", [first]).fetchone()[0]
    assert blob[:4] == b"\x28\xb5\x2f\xfd"  # a zstd frame
    assert len(blob) < len(zlib.compress(page, 1))
    assert store.raw_page(db, first) == page
    older = store.write_stories(db, [story(2)]).ids[0]
    with store.transaction(db) as conn:  # as a version before zstd wrote it
        conn.execute(
            "INSERT INTO raw_pages (story_id, url, fetched_at, html) VALUES (?, ?, ?, ?)",
            [
                older,
                "http://127.0.0.3:8451/news/world/2-a-story",
                NOW.isoformat(),
                zlib.compress(page, 1),
            ],
        )
    assert store.raw_page(db, older) == page


def test_a_batch_keeps_every_raw_page_and_the_last_of_a_story_written_twice(db):
    # more pages than one INSERT takes, and story 7 twice in the batch: its later page wins
    pages = {n: f"<html><body>page {n} ".encode() + b"x" * (100 * n) for n in range(450)}
    batch = [story(n, raw_html=pages[n]) for n in range(450)]
    batch.append(story(7, raw_html=b"<html>seven again</html>"))
    result = store.write_stories(db, batch)
    ids = dict(zip(range(450), result.ids, strict=False))
    assert db.execute("SELECT count(*) FROM raw_pages").fetchone()[0] == 450
    assert store.raw_page(db, ids[449]) == pages[449]
    assert store.raw_page(db, ids[0]) == pages[0]
    assert store.raw_page(db, ids[7]) == b"<html>seven again</html>"


def test_a_write_left_open_keeps_its_pages_only_when_committed(db):
    page = b"<html><body>left open</body></html>"
    result = store.write_stories(db, [story(1, raw_html=page)], commit=False)
    assert db.conn.in_transaction and len(result.pages) == 1
    store.commit(db, result.pages)
    assert not db.conn.in_transaction and store.raw_page(db, result.ids[0]) == page
    # a commit that fails stores nothing of its batch, pages included
    result = store.write_stories(db, [story(2, raw_html=page)], commit=False)
    with pytest.raises(TypeError):
        store.commit(db, [(result.ids[0], "http://x.test/", "2026-11-29", None)])  # not bytes
    assert not db.conn.in_transaction
    assert db.execute("SELECT count(*) FROM stories").fetchone()[0] == 1
    assert db.execute("SELECT count(*) FROM raw_pages").fetchone()[0] == 1


def test_a_write_left_open_is_searchable_once_committed(db):
    result = store.write_stories(db, [story(1, body="Zanzibar ferry timetable")], commit=False)
    assert [row[0] for row in result.search] == result.ids  # left for commit, folded
    assert store.search_stories(db, "Zanzibar") == []  # nothing indexed yet
    store.commit(db, result.pages, result.search)
    found = store.search_stories(db, "Zanzibar")
    assert [hit["id"] for hit in found] == result.ids
    # a failed commit indexes nothing
    result = store.write_stories(db, [story(2, body="Zanzibar spice market")], commit=False)
    with pytest.raises(TypeError):
        store.commit(db, [(result.ids[0], "http://x.test/", "2026-11-29", None)], result.search)
    assert [hit["id"] for hit in store.search_stories(db, "spice")] == []


def test_raw_page_kept_compressed_or_not_at_all(db):
    result = store.write_stories(db, [story(raw_html=b"<html>" + b"x" * 5000 + b"</html>")])
    assert store.raw_page(db, result.ids[0]).startswith(b"<html>x")
    size = db.execute("SELECT length(html) FROM raw_pages").fetchone()[0]
    assert size < 200
    result = store.write_stories(db, [story(2, raw_html=b"<html></html>")], keep_raw=False)
    assert store.raw_page(db, result.ids[0]) is None


def test_failed_batch_rolls_back_everything(db):
    bad = story(2, fetched_at=datetime(2026, 11, 28, 12, 0))  # naive: refused
    with pytest.raises(ValueError, match="naive"):
        store.write_stories(db, [story(1), bad])
    assert db.execute("SELECT count(*) FROM stories").fetchone()[0] == 0


def test_query_filters_and_orders(db):
    stories = [
        story(1, published_at=NOW - timedelta(hours=30)),
        story(2, published_at=NOW - timedelta(hours=2)),
        story(3, source="sahar", published_at=NOW - timedelta(hours=1)),
        story(4, published_at=None),
    ]
    store.write_stories(db, stories)
    ids = [r["id"] for r in store.query_stories(db)]
    assert ids == [4, 3, 2, 1]  # undated story falls back to its fetch time
    ids = [r["id"] for r in store.query_stories(db, since=NOW - timedelta(hours=24))]
    assert ids == [3, 2]
    ids = [r["id"] for r in store.query_stories(db, source=["sahar"])]
    assert ids == [3]
    row = next(store.query_stories(db, limit=1))
    assert row["authors"] == ["Ana Ruiz"]  # JSON columns decoded


def test_runs_recorded(db):
    run = store.start_run(db, "meridian", NOW, pid=42)
    stats = {
        "wirecrawl/pages/article": 7,
        "wirecrawl/store/added": 5,
        "wirecrawl/dropped/no-content": 2,
    }
    store.finish_run(db, run, NOW + timedelta(minutes=1), "ok", stats)
    row = next(db.query("SELECT * FROM runs"))
    assert (row["outcome"], row["pages_fetched"], row["stories_added"], row["dropped"]) == (
        "ok",
        7,
        5,
        2,
    )


def test_readonly_open_refuses_missing_file_and_writes(tmp_path, db):
    with pytest.raises(FileNotFoundError, match="wirecrawl crawl"):
        store.open_db(tmp_path / "missing.db", readonly=True)
    path = db.execute("PRAGMA database_list").fetchone()[2]
    ro = store.open_db(path, readonly=True)
    with pytest.raises(sqlite3.OperationalError):
        ro.execute("INSERT INTO runs (source, started_at) VALUES ('x', 'y')")


def test_boilerplate_rows_round_trip(db):
    store.save_boilerplate(db, [("globalwire", "h1", "Disclaimer.", 6)])
    store.save_boilerplate(db, [("globalwire", "h1", "Disclaimer.", 3)])
    assert store.load_boilerplate(db) == [("globalwire", "h1", "Disclaimer.", 6)]


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    title=st.text(min_size=1, max_size=40),
    body=st.text(max_size=200),
    repeats=st.integers(min_value=1, max_value=4),
)
def test_storing_a_story_again_leaves_one_row(tmp_path_factory, title, body, repeats):
    db = store.open_db(tmp_path_factory.mktemp("h") / "h.db")
    item = story(title=title, body=body, content_hash=str(hash(body)))
    for _ in range(repeats):
        store.write_stories(db, [item])
    assert db.execute("SELECT count(*) FROM stories").fetchone()[0] == 1
    assert db.execute("SELECT revision FROM stories").fetchone()[0] == 1
    db.conn.close()


def test_two_processes_migrating_a_new_file_at_once(tmp_path):
    """Two cron passes may open a brand-new database together: neither may fail."""
    import subprocess
    import sys

    path = tmp_path / "fresh.db"
    code = "import sys; from wirecrawl import store; store.open_db(sys.argv[1]).conn.close()"
    procs = [subprocess.Popen([sys.executable, "-c", code, str(path)]) for _ in range(4)]
    assert [p.wait(timeout=60) for p in procs] == [0, 0, 0, 0]
    db = store.open_db(path)
    numbers = [r[0] for r in db.execute("SELECT number FROM migrations ORDER BY number")]
    assert numbers == sorted(m[0] for m in store.MIGRATIONS)


def test_open_waits_for_a_writer_on_a_file_not_yet_in_wal_mode(tmp_path):
    """SQLite refuses the switch to WAL at once while another connection writes to a file still
    in rollback mode (another process creating it): open_db waits for it like any lock."""
    import threading
    import time

    path = tmp_path / "fresh.db"
    locked, release = threading.Event(), threading.Event()

    def writer() -> None:
        conn = sqlite3.connect(path, isolation_level=None)
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("CREATE TABLE made_by_the_other_process (x)")
        locked.set()
        release.wait(10)
        conn.execute("COMMIT")
        conn.close()

    thread = threading.Thread(target=writer)
    thread.start()
    assert locked.wait(10)
    threading.Timer(0.4, release.set).start()
    started = time.monotonic()
    db = store.open_db(path)
    thread.join(10)
    assert time.monotonic() - started >= 0.3  # it waited for the writer, then went on
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("SELECT count(*) FROM made_by_the_other_process").fetchone()[0] == 0
    numbers = [r[0] for r in db.execute("SELECT number FROM migrations ORDER BY number")]
    assert numbers == sorted(m[0] for m in store.MIGRATIONS)
    db.conn.close()


def test_open_still_fails_on_a_lock_held_past_the_busy_timeout(tmp_path, monkeypatch):
    path = tmp_path / "held.db"
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    holder.execute("CREATE TABLE t (x)")
    monkeypatch.setattr(store, "BUSY_TIMEOUT_MS", 200)
    with pytest.raises(sqlite3.OperationalError, match="locked"):
        store.open_db(path)
    holder.execute("COMMIT")
    holder.close()


def test_a_revision_keeps_fields_the_new_version_lost(db):
    dated = story(
        published_at=NOW - timedelta(hours=3),
        published_raw="27 Nov 2026",
        published_precision="day",
        authors=["Ana Ruiz"],
        tags=["ports"],
    )
    store.write_stories(db, [dated])
    redesigned = story(
        body="Text after a redesign.",
        content_hash="hash-new",
        authors=[],
        tags=[],
        published_at=None,
        date_reason="no-candidates",
        fetched_at=NOW + timedelta(hours=1),
    )
    store.write_stories(db, [redesigned])
    row = store.get_story(db, 1)
    assert row["body"] == "Text after a redesign." and row["revision"] == 2
    assert row["published_at"] == store.iso(NOW - timedelta(hours=3))
    assert row["published_precision"] == "day" and row["date_reason"] is None
    assert row["authors"] == ["Ana Ruiz"] and row["tags"] == ["ports"]


def test_a_write_told_not_to_wait_fails_at_once_on_a_held_lock_and_writes_nothing(tmp_path):
    import time

    path = tmp_path / "held.db"
    db = store.open_db(path)
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    started = time.monotonic()
    with pytest.raises(store.StoreBusy, match="locked"):
        store.write_stories(db, [story(1)], wait=False)
    assert time.monotonic() - started < 1  # not the 10 s busy timeout
    assert db.execute("PRAGMA busy_timeout").fetchone()[0] == store.BUSY_TIMEOUT_MS
    assert not db.conn.in_transaction
    other.execute("ROLLBACK")
    assert db.execute("SELECT count(*) FROM stories").fetchone()[0] == 0
    assert store.write_stories(db, [story(1)], wait=False).added == 1
    other.close()
    db.conn.close()


def test_a_batch_goes_into_the_search_index_as_one_segment_with_its_last_versions(db):
    written: list[str] = []
    db.conn.set_trace_callback(written.append)
    batch = [story(n, body=f"Harbour report number {n} with raw page.\n\nMore.") for n in range(30)]
    for item in batch:
        item.raw_html = b"<html><body>page</body></html>"  # raw rows are INSERT OR REPLACE
    batch.append(story(7, title="Story 7 revised", body="Harbour report seven, revised."))
    store.write_stories(db, batch)
    db.conn.set_trace_callback(None)
    segment_writes = [s for s in written if "stories_fts_data" in s and "REPLACE" in s]
    # story by story this was about three writes a story (a segment each); one batch, one segment
    assert len(segment_writes) <= 4, len(segment_writes)
    found = store.search_stories(db, "harbour", limit=50)
    assert len(found) == 30
    assert [r["title"] for r in store.search_stories(db, "revised")] == ["Story 7 revised"]
    assert store.search_stories(db, '"number 7"') == []  # the first version is not indexed
