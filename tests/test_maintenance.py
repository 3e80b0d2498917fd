"""``wirecrawl backup``, ``prune`` and ``vacuum``."""

import json
import sqlite3
import threading
from datetime import UTC, datetime, timedelta

import pytest
from click.testing import CliRunner

from wirecrawl import store
from wirecrawl.cli import cli
from wirecrawl.items import Story

NOW = datetime(2026, 11, 28, 12, 0, tzinfo=UTC)
CUTOFF = NOW - timedelta(days=90)


def story(n: int, age_days: float | None, **fields) -> Story:
    url = f"https://meridian.example/news/{n}"
    published = NOW - timedelta(days=age_days) if age_days is not None else None
    values = {
        "source": "meridian",
        "url": url,
        "canonical_url": url,
        "fetched_at": published or NOW - timedelta(days=200),
        "published_at": published,
        "title": f"Story {n}",
        "body": f"Body of story {n} mentioning the reservoir. " + "padding words " * 200,
        "content_hash": f"hash-{n}",
        "raw_html": b"<html>" + b"x" * 2000 + b"</html>",
    }
    values.update(fields)
    return Story(**values)


def run(*args: str, code: int = 0):
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert result.exit_code == code, result.output
    return result.output


@pytest.fixture
def aged(tmp_path):
    """Stories 1-3 old, 4-5 recent, 6 undated but fetched long ago; 2 is a copy of 4 (recent)."""
    path = tmp_path / "m.db"
    db = store.open_db(path)
    store.write_stories(
        db,
        [
            story(1, 200, aliases=["https://meridian.example/news/1?amp"]),
            story(2, 150),
            story(3, 100),
            story(4, 10),
            story(5, 1),
            story(6, None),
        ],
    )
    edited = story(1, 200, body="Corrected old body about the reservoir.", content_hash="h1b")
    edited.fetched_at = NOW - timedelta(days=199)
    store.write_stories(db, [edited])
    with store.transaction(db) as conn:
        conn.execute("UPDATE stories SET cluster_id = 4, is_original = 0 WHERE id = 2")
        conn.execute("DELETE FROM clusters WHERE id = 2")
        conn.execute("UPDATE clusters SET size = 2 WHERE id = 4")
        conn.execute("CREATE TABLE dedup_settings (name TEXT, value TEXT)")
        conn.executemany(
            "INSERT INTO dedup_bands (band, bucket, story_id) VALUES (?, ?, ?)",
            [(b, n * 10 + b, n) for n in range(1, 7) for b in range(3)],
        )
        conn.execute("INSERT INTO dedup_settings VALUES ('bands', '3')")
    yield db, path
    db.conn.close()


def remaining(db) -> list[int]:
    return [r[0] for r in db.execute("SELECT id FROM stories ORDER BY id")]


def test_prune_deletes_old_stories_and_everything_of_theirs(aged):
    db, _ = aged
    counts = store.prune_stories(db, CUTOFF)
    assert counts == {
        "stories": 4,  # 1, 2, 3 and the undated 6 (fetched 200 days ago)
        "aliases": 1,
        "revisions": 1,
        "raw_pages": 4,
        "dedup_bands": 12,
        "dedup_signatures": 0,  # none were stored by this test
        "stories_fts": 4,
        "clusters": 3,  # 1, 3 and 6 end empty; 4 keeps its recent member
    }
    assert remaining(db) == [4, 5]
    for table, column in (
        ("aliases", "story_id"),
        ("revisions", "story_id"),
        ("raw_pages", "story_id"),
        ("dedup_bands", "story_id"),
        ("stories_fts", "rowid"),
    ):
        left = {r[0] for r in db.execute(f"SELECT DISTINCT {column} FROM {table}")}
        assert left <= {4, 5}, table
    assert db.execute("SELECT count(*) FROM dedup_settings").fetchone()[0] == 1
    assert [tuple(r) for r in db.execute("SELECT id, size FROM clusters ORDER BY id")] == [
        (4, 1),
        (5, 1),
    ]
    assert [r["id"] for r in store.search_stories(db, "reservoir")] == [4, 5]


def test_prune_keep_clusters_spares_old_copies_of_recent_stories(aged):
    db, _ = aged
    counts = store.prune_stories(db, CUTOFF, keep_clusters=True)
    assert counts["stories"] == 3 and counts["clusters"] == 3
    assert remaining(db) == [2, 4, 5]
    assert db.execute("SELECT size FROM clusters WHERE id = 4").fetchone()[0] == 2


def test_prune_dry_run_deletes_nothing(aged):
    db, _ = aged
    before = {t: db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in db.table_names()}
    counts = store.prune_stories(db, CUTOFF, dry_run=True)
    assert counts["stories"] == 4
    after = {t: db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in db.table_names()}
    assert after == before


def test_prune_command(aged):
    _, path = aged
    dry = run("prune", "--older-than", "2026-08-30", "--dry-run", "--db", str(path), "--json")
    assert {"table": "stories", "would delete": 4} in json.loads(dry)
    table = run("prune", "--older-than", "2026-08-30", "--keep-clusters", "--db", str(path))
    assert "deleted" in table and "3 stories before 2026-08-30T00:00:00+00:00 deleted" in table
    with store.opened(path, readonly=True) as db:
        assert remaining(db) == [2, 4, 5]
    run("prune", "--older-than", "soon", "--db", str(path), code=2)


def test_vacuum_reports_sizes_and_keeps_search_working(aged):
    db, path = aged
    store.prune_stories(db, NOW - timedelta(days=5))
    sizes = store.vacuum_database(db, path)
    assert sizes["bytes_after"] < sizes["bytes_before"]
    assert [r["id"] for r in store.search_stories(db, "reservoir")] == [5]
    output = run("vacuum", "--reindex", "--db", str(path))
    assert "Reindexed 1 stories" in output and "before" in output and "after vacuum" in output


def test_backup_copies_a_consistent_checked_file(aged, tmp_path):
    _, path = aged
    target = tmp_path / "backups" / "copy.db"
    output = run("backup", str(target), "--db", str(path))
    assert "Backed up 6 stories" in output and "quick_check: ok" in output
    copy = sqlite3.connect(target)
    assert copy.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert copy.execute("SELECT count(*) FROM stories").fetchone()[0] == 6
    assert copy.execute("SELECT count(*) FROM stories_fts").fetchone()[0] == 6
    copy.close()
    refused = run("backup", str(target), "--db", str(path), code=1)
    assert "already exists" in refused and "--force" in refused
    assert "Backed up" in run("backup", str(target), "--force", "--db", str(path))
    assert "is the database itself" in run(
        "backup", str(path), "--force", "--db", str(path), code=1
    )
    missing = run("backup", str(tmp_path / "x.db"), "--db", str(tmp_path / "none.db"), code=1)
    assert "no database at" in missing


def test_backup_while_a_crawl_writes(tmp_path):
    path = tmp_path / "live.db"
    store.open_db(path).conn.close()
    batch, batches = 20, 40
    stop = threading.Event()

    def crawl() -> None:
        writer = store.open_db(path)
        try:
            for b in range(batches):
                if stop.is_set():
                    break
                store.write_stories(
                    writer, [story(b * batch + i, 1, raw_html=None) for i in range(batch)]
                )
        finally:
            writer.conn.close()

    thread = threading.Thread(target=crawl)
    thread.start()
    try:
        counts = []
        for n in range(3):
            target = tmp_path / f"b{n}.db"
            done = store.backup_database(path, target)
            assert done["check"] == "ok"
            copy = store.open_db(target)
            counts.append(copy.execute("SELECT count(*) FROM stories").fetchone()[0])
            assert copy.execute("SELECT count(*) FROM stories_fts").fetchone()[0] == counts[-1]
            copy.conn.close()
    finally:
        stop.set()
        thread.join()
    assert all(c % batch == 0 for c in counts), counts


def test_maintenance_commands_refuse_a_missing_database(tmp_path):
    for command in (["prune", "--older-than", "90d"], ["vacuum"]):
        output = run(*command, "--db", str(tmp_path / "none.db"), code=1)
        assert "no database at" in output
    assert not (tmp_path / "none.db").exists()
