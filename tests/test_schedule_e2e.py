"""The scheduler against the sample sites on loopback: real crawl processes, the server's
request log as witness."""

import os
import sqlite3
import subprocess
import sys
from datetime import UTC, datetime

from wirecrawl.samples.server import SampleSites
from wirecrawl.samples.world import World
from wirecrawl.sources import get_source, load_sources


def schedule_once(db, port, *sources):
    env = {k: v for k, v in os.environ.items() if not k.startswith("WIRECRAWL_")}
    env |= {"WIRECRAWL_SAMPLE_PORT": str(port), "WIRECRAWL_DELAY": "0"}
    args = []
    for name in sources:
        # a 1s interval: each pass finds the source due again, so the second pass really runs
        args += ["--source", name, "--interval", f"{name}=1s"]
    done = subprocess.run(
        [sys.executable, "-m", "wirecrawl", "schedule", "--once", "--db", str(db), *args],
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return done


def articles(server, site):
    source = get_source(load_sources(), site)
    return sorted(
        r.path
        for r in server.requests(site)
        if r.status == 200 and source.matches_article("http://x" + r.path)
    )


def test_second_scheduled_run_fetches_only_the_new_story(tmp_path):
    # the world clock is the wall clock, so the crawl trusts the server's Date header
    world = World(stories=8, now=datetime.now(UTC).replace(microsecond=0))
    with SampleSites(world, port=0) as server:
        db = tmp_path / "s.db"
        first = schedule_once(db, server.port, "meridian", "sahar")
        assert "meridian" in first.stdout + first.stderr
        assert len(articles(server, "meridian")) == 8 and len(articles(server, "sahar")) == 8
        added = world.add_story("meridian", title="Night ferry service starts on the north route")
        server.clear_log()
        schedule_once(db, server.port, "meridian", "sahar")
        assert articles(server, "meridian") == [added.path]
        assert articles(server, "sahar") == []
    conn = sqlite3.connect(db)
    runs = conn.execute("SELECT source, outcome FROM runs ORDER BY id").fetchall()
    assert sorted(runs) == sorted([("meridian", "ok"), ("sahar", "ok")] * 2)
    assert conn.execute("SELECT count(*) FROM stories").fetchone()[0] == 17
    assert conn.execute("SELECT count(*) FROM locks").fetchone()[0] == 0
