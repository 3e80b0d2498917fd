"""End to end: the sample sites served on loopback, crawled by `wirecrawl crawl` processes.

Each crawl runs as its own process (Twisted's reactor cannot restart); the sample server runs in
this process with a fixed clock, and its request log is the witness of what was fetched.
"""

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta

import pytest

from wirecrawl.allocator import jemalloc_library
from wirecrawl.samples.server import SampleSites
from wirecrawl.samples.world import World

NOW = datetime(2026, 11, 28, 12, 0, tzinfo=UTC)
SAMPLES = sorted(["globalwire", "meridian", "sahar", "alwaha"])


@pytest.fixture
def sites():
    world = World(stories=12, now=NOW)
    server = SampleSites(world, port=0)
    server.start()
    try:
        yield world, server
    finally:
        server.stop()


def crawl(db, server, *args, now=NOW, check=True, env_extra=None):
    command = [sys.executable, "-m", "wirecrawl", "crawl", *args, "--db", str(db)]
    command += ["--port", str(server.port), "--delay", "0", "--now", now.isoformat(), "--quiet"]
    env = {k: v for k, v in os.environ.items() if not k.startswith("WIRECRAWL_")}
    env.update(env_extra or {})
    done = subprocess.run(command, capture_output=True, text=True, timeout=240, env=env)
    if check:
        assert done.returncode == 0, done.stderr[-3000:]
    return done


def rows(db, sql, params=()):
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    try:
        return [dict(r) for r in conn.execute(sql, params)]
    finally:
        conn.close()


def article_paths(server, site):
    return sorted(
        r.path for r in server.requests(site) if r.status == 200 and _is_article(site, r.path)
    )


def _is_article(site, path):
    from wirecrawl.sources import get_source, load_sources

    return get_source(load_sources(), site).matches_article("http://x" + path)


def test_first_crawl_stores_every_sample_site_with_dates_and_attribution(sites, tmp_path):
    world, server = sites
    db = tmp_path / "w.db"
    done = crawl(db, server, "--all")
    assert "crawl summary" in done.stderr
    stored = rows(db, "SELECT * FROM stories")
    by_source = {}
    for row in stored:
        by_source.setdefault(row["source"], []).append(row)
    assert sorted(by_source) == SAMPLES
    truth = {t.url.rstrip("/"): t for t in world.truth()}
    for source, stories in by_source.items():
        assert len(stories) == len(world.truth(source)), source
        for row in stories:
            story = truth[row["canonical_url"].rstrip("/")]
            assert row["title"] == story.title
            assert row["body"] and story.paragraphs[0][:40] in row["body"]
            assert row["fetched_at"] == NOW.isoformat()
            assert row["publisher"]
            if story.original_source:
                assert row["original_source"] == story.original_source, row["url"]
            if story.published_at is not None:
                published = datetime.fromisoformat(row["published_at"])
                earliest = datetime.fromisoformat(row["published_earliest"])
                latest = datetime.fromisoformat(row["published_latest"])
                assert earliest <= published <= latest <= NOW
                assert earliest - timedelta(minutes=1) <= story.published_at <= latest, row["url"]
    runs = rows(db, "SELECT source, outcome, stories_added FROM runs ORDER BY source")
    assert [(r["source"], r["outcome"]) for r in runs] == [(s, "ok") for s in SAMPLES]
    # the same story reached under several spellings is one row with its aliases
    aliases = rows(db, "SELECT url FROM aliases")
    assert any("utm_source" in a["url"] for a in aliases)


def test_second_run_fetches_only_new_or_changed_pages(sites, tmp_path):
    world, server = sites
    db = tmp_path / "w.db"
    crawl(db, server, "meridian", "globalwire")
    first = {site: article_paths(server, site) for site in ("meridian", "globalwire")}
    assert len(first["meridian"]) == 12
    later = NOW + timedelta(hours=1)
    world.now = later
    added = world.add_story("meridian", title="Harbour authority opens a night ferry service")
    changed = world.truth("meridian")[0]
    world.change_story("meridian", changed.id, title=changed.title + " (updated)")
    server.clear_log()
    done = crawl(db, server, "meridian", "globalwire", now=later)
    second = article_paths(server, "meridian")
    # meridian's sitemap and feed say when each story changed: only new and changed pages
    assert second == sorted({added.path, changed.path}), done.stderr[-2000:]
    # pages discovered without a change signal are rechecked only while young (revisit window)
    revisit = timedelta(days=2)
    ages = {t.path: later - t.published_at for t in world.truth("globalwire") if t.published_at}
    refetched = article_paths(server, "globalwire")
    assert all(ages.get(path.removesuffix("amp/"), revisit) < revisit for path in refetched)
    titles = {r["canonical_url"]: r for r in rows(db, "SELECT * FROM stories")}
    assert added.url in titles
    updated = titles[changed.url]
    assert updated["title"].endswith("(updated)") and updated["revision"] == 2
    assert rows(db, "SELECT count(*) AS n FROM revisions")[0]["n"] == 1
    # unchanged feeds and sitemaps answer 304 to our conditional requests
    statuses = [r.status for r in server.requests("globalwire")]
    assert 304 in statuses


def test_robots_unavailable_means_no_crawl_of_that_site_this_run(sites, tmp_path):
    world, server = sites
    world.break_site("alwaha", "robots_500")
    db = tmp_path / "w.db"
    done = crawl(db, server, "alwaha", "sahar", check=False)
    assert done.returncode == 1
    outcomes = {r["source"]: r["outcome"] for r in rows(db, "SELECT source, outcome FROM runs")}
    assert outcomes == {"alwaha": "failed", "sahar": "ok"}
    assert [r.path for r in server.requests("alwaha") if r.path != "/robots.txt"] == []


def test_broken_site_is_flagged_in_sources(sites, tmp_path):
    world, server = sites
    db = tmp_path / "w.db"
    crawl(db, server, "meridian")
    world.break_site("meridian", "empty")  # every page answers 200 with nothing in it
    for hours in (1, 2):
        done = crawl(db, server, "meridian", now=NOW + timedelta(hours=hours), check=False)
        assert done.returncode == 1 and "sitemap-unreadable" in done.stderr
    at = (NOW + timedelta(hours=2)).isoformat()
    listing = subprocess.run(
        [sys.executable, "-m", "wirecrawl", "sources", "--db", str(db), "--json", "--now", at],
        capture_output=True,
        text=True,
        check=True,
    )
    flags = {r["name"]: r["flags"] for r in json.loads(listing.stdout)}
    assert "failing" in flags["meridian"], flags
    check = subprocess.run(
        [
            sys.executable,
            "-m",
            "wirecrawl",
            "sources",
            "--db",
            str(db),
            "--check",
            "-s",
            "meridian",
            "--now",
            at,
        ],
        capture_output=True,
        text=True,
    )
    assert check.returncode == 1 and "meridian: failing" in check.stdout


def test_killed_crawl_is_followed_by_a_clean_one(sites, tmp_path):
    _world, server = sites
    db = tmp_path / "w.db"
    command = [
        sys.executable,
        "-m",
        "wirecrawl",
        "crawl",
        "globalwire",
        "--db",
        str(db),
        "--port",
        str(server.port),
        "--delay",
        "0.2",
        "--concurrency",
        "1",
        "--now",
        NOW.isoformat(),
        "--quiet",
    ]
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and len(article_paths(server, "globalwire")) < 3:
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    done = crawl(db, server, "globalwire")
    assert "busy" not in done.stderr
    assert len(rows(db, "SELECT id FROM stories WHERE source = 'globalwire'")) == 12
    outcomes = [r["outcome"] for r in rows(db, "SELECT outcome FROM runs ORDER BY id")]
    assert outcomes[-1] == "ok"


def test_workers_split_sources_across_processes(sites, tmp_path):
    world, server = sites
    db = tmp_path / "w.db"
    done = crawl(db, server, "--all", "--workers", "2")
    assert "crawl summary" in done.stderr
    runs = rows(db, "SELECT source, outcome, pid, stats FROM runs ORDER BY source")
    assert [(r["source"], r["outcome"]) for r in runs] == [(s, "ok") for s in SAMPLES]
    assert len({r["pid"] for r in runs}) == 2  # two crawl processes, two sources each
    assert len(rows(db, "SELECT id FROM stories")) == len(world.truth())
    # the children run on the allocator the command started on (jemalloc when installed)
    expected = "jemalloc" if jemalloc_library() else "system"
    assert {json.loads(r["stats"])["wirecrawl/allocator"] for r in runs} == {expected}


def test_crawl_allocator_can_be_the_systems_and_a_bad_choice_is_named(sites, tmp_path):
    _, server = sites
    db = tmp_path / "s.db"
    crawl(db, server, "meridian", env_extra={"WIRECRAWL_ALLOCATOR": "system"})
    (run,) = rows(db, "SELECT outcome, stats FROM runs")
    assert run["outcome"] == "ok"
    assert json.loads(run["stats"])["wirecrawl/allocator"] == "system"
    bad = tmp_path / "bad.db"
    done = crawl(bad, server, "meridian", check=False, env_extra={"WIRECRAWL_ALLOCATOR": "fast"})
    assert done.returncode == 2
    assert "WIRECRAWL_ALLOCATOR='fast' is not one of auto, jemalloc, system" in done.stderr
    assert not bad.exists()  # nothing was started


# Loaded at interpreter start in the crawl processes of the test below (through PYTHONPATH):
# alwaha's spider raises while its crawler starts, as a broken extension or middleware would.
BREAK_ALWAHA = """
import wirecrawl.spiders.base as base

_original = base.SourceSpider.__init__


def _init(self, *args, **kwargs):
    _original(self, *args, **kwargs)
    if self.source.name == "alwaha":
        raise RuntimeError("alwaha spider broken for this test")


base.SourceSpider.__init__ = _init
"""


@pytest.mark.parametrize("workers", ["0", "2"])
def test_a_crawler_that_cannot_run_is_reported_with_its_reason(sites, tmp_path, workers):
    _, server = sites
    hook = tmp_path / "hook"
    hook.mkdir()
    (hook / "sitecustomize.py").write_text(BREAK_ALWAHA)
    db = tmp_path / "f.db"
    command = [sys.executable, "-m", "wirecrawl", "crawl", "--all", "--db", str(db)]
    command += ["--port", str(server.port), "--delay", "0", "--now", NOW.isoformat(), "--quiet"]
    command += ["--workers", workers]
    env = {k: v for k, v in os.environ.items() if not k.startswith("WIRECRAWL_")}
    env["PYTHONPATH"] = str(hook)
    done = subprocess.run(command, capture_output=True, text=True, timeout=240, env=env)
    assert done.returncode == 1, done.stderr[-3000:]
    output = done.stdout + done.stderr
    reason = "RuntimeError: alwaha spider broken for this test"
    assert f"alwaha: the crawl could not run: {reason}" in " ".join(output.split())
    runs = {r["source"]: r for r in rows(db, "SELECT source, outcome, stats FROM runs")}
    assert runs["alwaha"]["outcome"] == "failed"
    stats = json.loads(runs["alwaha"]["stats"])
    assert stats["wirecrawl/failure"] == reason
    assert stats["wirecrawl/errors/crawler-failed"] == 1
    # the other sources were crawled in full
    assert {s: r["outcome"] for s, r in runs.items() if s != "alwaha"} == dict.fromkeys(
        ["globalwire", "meridian", "sahar"], "ok"
    )
    stored = rows(db, "SELECT DISTINCT source FROM stories ORDER BY source")
    assert [r["source"] for r in stored] == ["globalwire", "meridian", "sahar"]


def test_crawl_gc_freezes_what_exists_and_puts_the_collector_back():
    import gc
    import weakref

    from wirecrawl.crawl import crawl_gc

    class Node:
        loop: object = None

    before = gc.get_threshold()
    assert gc.get_freeze_count() == 0
    with crawl_gc():
        assert gc.get_freeze_count() > 0  # the modules and settings loaded so far
        assert gc.get_threshold()[0] > before[0]  # the young generation collects less often
        node = Node()
        node.loop = node  # a reference cycle made during the crawl
        gone = weakref.ref(node)
        del node
        gc.collect()
        assert gone() is None  # is still collected
    assert gc.get_freeze_count() == 0
    assert gc.get_threshold() == before


def test_scrapy_debug_records_are_skipped_only_when_no_handler_shows_them():
    import logging

    from wirecrawl.crawl import unlogged_records_skipped

    engine = logging.getLogger("scrapy.core.engine")
    shown = logging.StreamHandler()
    shown.setLevel(logging.INFO)  # what Scrapy's root handler does with LOG_LEVEL = "INFO"
    root_level = logging.root.level
    saved = logging.root.handlers[:]
    logging.root.handlers[:] = [shown]
    logging.root.setLevel(logging.NOTSET)  # as Scrapy leaves it
    try:
        assert engine.isEnabledFor(logging.DEBUG)  # each "Crawled" message would be built
        with unlogged_records_skipped():
            assert not engine.isEnabledFor(logging.DEBUG)
            assert engine.isEnabledFor(logging.INFO)
            assert logging.getLogger("wirecrawl").isEnabledFor(logging.DEBUG)  # ours untouched
        assert engine.isEnabledFor(logging.DEBUG)  # put back
        everything = logging.Handler()  # a handler taking every level, e.g. a log capture
        logging.root.addHandler(everything)
        with unlogged_records_skipped():
            assert engine.isEnabledFor(logging.DEBUG)
    finally:
        logging.root.handlers[:] = saved
        logging.root.setLevel(root_level)


def _sources(*names):
    from wirecrawl.sources import get_source, load_sources

    registry = load_sources()
    return [get_source(registry, n) for n in names]


def test_partition_round_robin_without_history():
    from wirecrawl.crawl import partition

    groups = partition(_sources(*SAMPLES), 2)
    assert [[s.name for s in g] for g in groups] == [
        ["alwaha", "meridian"],
        ["globalwire", "sahar"],
    ]
    assert [len(g) for g in partition(_sources(*SAMPLES), 8)] == [1, 1, 1, 1]  # never empty


def test_partition_balances_by_last_runs_pages():
    from wirecrawl.crawl import partition

    sources = _sources(*SAMPLES)  # alwaha, globalwire, meridian, sahar
    weights = {"alwaha": 400.0, "globalwire": 380.0, "meridian": 30.0, "sahar": 20.0}

    def loads(groups):
        return sorted(sum(weights[s.name] for s in g) for g in groups)

    balanced = partition(sources, 2, weights)
    assert [sorted(s.name for s in g) for g in balanced] == [
        ["alwaha", "sahar"],
        ["globalwire", "meridian"],
    ]
    assert loads(balanced) == [410.0, 420.0]
    assert max(loads(partition(sources, 2))) == 430.0  # round robin: alwaha + meridian
    # a source with no run yet counts as the median of the known ones
    partial = partition(sources, 2, {"alwaha": 400.0, "globalwire": 10.0, "meridian": 10.0})
    assert sorted(len(g) for g in partial) == [1, 3] and [s.name for s in partial[0]] == ["alwaha"]


def test_workers_weights_come_from_each_sources_newest_finished_run(tmp_path):
    from wirecrawl import store
    from wirecrawl.crawl import last_pages

    db = store.open_db(tmp_path / "runs.db")
    old = store.start_run(db, "alwaha", NOW - timedelta(days=1), pid=1)
    store.finish_run(db, old, NOW - timedelta(days=1), "ok", {"wirecrawl/pages/article": 900})
    new = store.start_run(db, "alwaha", NOW, pid=1)
    store.finish_run(db, new, NOW, "ok", {"wirecrawl/pages/article": 40})
    store.start_run(db, "sahar", NOW, pid=2)  # still running: no figure yet
    assert last_pages(db) == {"alwaha": 41.0}
    db.conn.close()
