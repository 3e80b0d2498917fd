"""Reading while a crawl writes: no "database is locked", and never half a batch.

A writer process stores batches of BATCH stories, one transaction each; a reader process counts
stories and search matches in a loop meanwhile. Every count the reader sees must be a whole
number of batches.
"""

import json
import subprocess
import sys
import textwrap

from wirecrawl import store

BATCH = 25
BATCHES = 40

WRITER = textwrap.dedent(
    """
    import sys, time
    from datetime import UTC, datetime
    from wirecrawl import store
    from wirecrawl.items import Story

    path, batch, batches = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    now = datetime(2026, 11, 28, 12, 0, tzinfo=UTC)
    db = store.open_db(path)
    for b in range(batches):
        stories = []
        for i in range(batch):
            n = b * batch + i
            url = f"https://meridian.example/news/{n}"
            stories.append(Story(
                source="meridian", url=url, canonical_url=url, fetched_at=now,
                title=f"Harbour report {n}", body=f"The harbour story number {n}.",
                content_hash=f"h{n}", raw_html=b"<html>" + b"x" * 500 + b"</html>",
            ))
        store.write_stories(db, stories)
        time.sleep(0.005)
    db.conn.close()
    """
)

READER = textwrap.dedent(
    """
    import json, sys, time
    from wirecrawl import store

    path, total = sys.argv[1], int(sys.argv[2])
    seen = {"stories": [], "matches": [], "raw_pages_join": [], "searches": 0}
    deadline = time.monotonic() + 60
    with store.opened(path, readonly=True) as db:
        while time.monotonic() < deadline:
            stories = db.execute("SELECT count(*) FROM stories").fetchone()[0]
            matches = db.execute(
                "SELECT count(*) FROM stories_fts WHERE stories_fts MATCH 'harbour'"
            ).fetchone()[0]
            raw = db.execute(
                "SELECT count(*) FROM stories s JOIN raw_pages r ON r.story_id = s.id"
            ).fetchone()[0]
            store.search_stories(db, "harbour report", limit=5)
            seen["searches"] += 1
            seen["stories"].append(stories)
            seen["matches"].append(matches)
            seen["raw_pages_join"].append(raw)
            if stories == total:
                break
    print(json.dumps(seen))
    """
)


def test_reader_never_errors_and_never_sees_half_a_batch(tmp_path):
    path = tmp_path / "live.db"
    store.open_db(path).conn.close()
    total = BATCH * BATCHES
    reader = subprocess.Popen(
        [sys.executable, "-c", READER, str(path), str(total)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    writer = subprocess.run(
        [sys.executable, "-c", WRITER, str(path), str(BATCH), str(BATCHES)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    out, err = reader.communicate(timeout=120)
    assert writer.returncode == 0, writer.stderr
    assert reader.returncode == 0, err
    assert "locked" not in err
    seen = json.loads(out)
    for name in ("stories", "matches", "raw_pages_join"):
        assert all(count % BATCH == 0 for count in seen[name]), (name, seen[name])
    assert seen["stories"][-1] == total
    assert len(set(seen["stories"])) >= 3, "the reader should have watched the writer progress"
    assert seen["stories"] == sorted(seen["stories"])
