"""Replaying stored raw material: renormalise dates and reextract pages without a recrawl."""

from pathlib import Path

from click.testing import CliRunner

from wirecrawl import store
from wirecrawl.cli import cli
from wirecrawl.dedup import NearDupIndex
from wirecrawl.fixtures import load_cases
from wirecrawl.process import process_page
from wirecrawl.sources import get_source, load_sources

CASES = load_cases(Path(__file__).parent / "fixtures")
SOURCES = load_sources()


def build(path):
    db = store.open_db(path)
    stories = [
        process_page(
            c.page.read_bytes(),
            c.url,
            source=get_source(SOURCES, c.source),
            fetched_at=c.fetched_at,
            registry=SOURCES,
        )
        for c in CASES
    ]
    store.write_stories(db, stories, dedup=NearDupIndex(db))
    return db


def run(*args):
    result = CliRunner().invoke(cli, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def test_renormalise_restores_dates_and_is_idempotent(tmp_path):
    path = tmp_path / "r.db"
    db = build(path)
    before = {r["id"]: r["published_at"] for r in db.query("SELECT id, published_at FROM stories")}
    assert sum(v is not None for v in before.values()) >= len(before) - 2
    with store.transaction(db):  # an older normaliser stored no dates at all
        db.execute("UPDATE stories SET published_at = NULL, date_reason = 'unparseable'")
    db.conn.close()
    out = run("renormalise", "--db", str(path))
    assert f"{len(before)} stories checked" in out
    db = store.open_db(path)
    after = {r["id"]: r["published_at"] for r in db.query("SELECT id, published_at FROM stories")}
    assert after == before
    db.conn.close()
    assert run("renormalise", "--db", str(path)).strip().endswith("0 changed")


def test_reextract_repairs_bodies_from_kept_pages(tmp_path):
    path = tmp_path / "x.db"
    db = build(path)
    good = {r["id"]: r["body"] for r in db.query("SELECT id, body FROM stories")}
    with store.transaction(db):  # an older extractor kept a disclaimer in every body
        db.execute(
            "UPDATE stories SET body = body || '\n\nShare this story.', content_hash = 'old'"
        )
    count = db.execute("SELECT count(*) FROM stories").fetchone()[0]
    db.conn.close()
    out = run("reextract", "--db", str(path))
    assert f"updated: {count}" in out
    db = store.open_db(path)
    assert {r["id"]: r["body"] for r in db.query("SELECT id, body FROM stories")} == good
    assert db.execute("SELECT count(*) FROM stories").fetchone()[0] == count  # same rows
    assert db.execute("SELECT min(revision) FROM stories").fetchone()[0] == 2


def test_reextract_skips_stories_without_a_kept_page(tmp_path):
    path = tmp_path / "n.db"
    db = build(path)
    with store.transaction(db):
        db.execute("DELETE FROM raw_pages")
    db.conn.close()
    assert f"no-raw-page: {len(CASES)}" in run("reextract", "--db", str(path))
