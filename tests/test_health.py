import json
from datetime import UTC, datetime, timedelta

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from wirecrawl import health, store
from wirecrawl.cli import cli
from wirecrawl.health import RunFacts, StoryFacts
from wirecrawl.items import Story
from wirecrawl.sources import get_source, load_sources

NOW = datetime(2026, 11, 28, 12, 0, tzinfo=UTC)
H = timedelta(hours=1)
M = timedelta(minutes=1)
SOURCES = load_sources()


@pytest.mark.parametrize(
    ("seconds", "text"),
    [(0, "0s"), (-5, "0s"), (45, "45s"), (190, "3m10s"), (7500, "2h05m"), (273600, "3d04h")],
)
def test_short_duration(seconds, text):
    assert health.short_duration(seconds) == text


@pytest.mark.parametrize(
    ("offsets_h", "interval", "expected"),
    [
        ([], H, 6 * H),  # floor
        ([0], 3 * H, 12 * H),  # 4 x interval
        ([0, 12, 24, 36], H, 36 * H),  # 3 x the 12h median gap
        ([0, 0.1, 0.2, 30], H, 6 * H),  # median gap 6 minutes: floor wins
    ],
)
def test_expected_within(offsets_h, interval, expected):
    times = [NOW - timedelta(hours=h) for h in offsets_h]
    assert health.expected_within(times, interval) == expected


@given(
    st.lists(st.integers(min_value=0, max_value=30 * 24 * 3600), max_size=30),
    st.integers(min_value=60, max_value=7 * 24 * 3600),
)
def test_expected_within_never_below_its_floors(offsets, interval_s):
    interval = timedelta(seconds=interval_s)
    expected = health.expected_within([NOW - timedelta(seconds=o) for o in offsets], interval)
    assert expected >= max(6 * H, 4 * interval)


def facts(*outcomes: str) -> list[RunFacts]:
    """Runs an hour apart, oldest first, with these outcomes."""
    start = NOW - len(outcomes) * H
    return [
        RunFacts(i, start + i * H, start + i * H + M, outcome) for i, outcome in enumerate(outcomes)
    ]


@pytest.mark.parametrize(
    ("outcomes", "count"),
    [
        ((), 0),
        (("ok",), 0),
        (("failed",), 1),
        (("failed", "ok"), 0),
        (("ok", "failed", "crashed"), 2),
        (("ok", "failed", "shutdown", "killed"), 2),  # shutdown passed over
        (("failed", "failed", "running"), 2),  # a run in progress is passed over
    ],
)
def test_consecutive_failures(outcomes, count):
    assert health.consecutive_failures(facts(*outcomes))[0] == count


def test_run_coverage_counts_stories_seen_within_each_run():
    runs = [
        RunFacts(1, NOW, NOW + 10 * M, "ok", pages=4),
        RunFacts(2, NOW + H, NOW + H + 10 * M, "ok", pages=0),
        RunFacts(3, NOW + 2 * H, None, "running", pages=9),
    ]
    stories = [
        StoryFacts(NOW + M, NOW + M, True),
        StoryFacts(NOW + 2 * M, NOW + H + M, True),  # first seen in run 1, seen again in run 2
        StoryFacts(NOW + 3 * M, NOW + 3 * M, False),
        StoryFacts(NOW + 30 * M, NOW + 30 * M, True),  # between runs: in none
    ]
    assert health.run_coverage(runs, stories) == {1: (4, 2), 2: (1, 1)}


@given(
    st.lists(
        st.tuples(st.integers(0, 50), st.integers(0, 50)).map(lambda t: (max(t), min(t))),
        max_size=12,
    )
)
def test_coverage_is_a_share(per_run_counts):
    runs = [RunFacts(i, NOW + i * H, NOW + i * H + M, "ok") for i in range(len(per_run_counts))]
    per_run = {i: c for i, c in enumerate(per_run_counts) if c[0] > 0}
    recent, baseline = health.coverage_change(runs, per_run)
    for value in (recent, baseline):
        assert value is None or 0 <= value <= 1


def coverage_runs(shares: list[tuple[int, int]]) -> tuple[list[RunFacts], list[StoryFacts]]:
    """Runs an hour apart ending now; each (pages, complete) stores `complete` full stories."""
    runs, stories = [], []
    start = NOW - len(shares) * H
    for i, (pages, complete) in enumerate(shares):
        begin = start + i * H
        runs.append(RunFacts(i, begin, begin + 10 * M, "ok", pages=pages))
        stories += [StoryFacts(begin + M, begin + M, True) for _ in range(complete)]
        stories += [
            StoryFacts(begin + 2 * M, begin + 2 * M, False) for _ in range(pages - complete)
        ]
    return runs, stories


@pytest.mark.parametrize(
    ("shares", "flagged"),
    [
        ([(5, 5)] * 4 + [(5, 1)], True),
        ([(5, 5)] * 4 + [(5, 3)], False),  # 60% is more than half of 100%
        ([(5, 5)] * 1 + [(5, 0)], False),  # baseline of 5 pages is too thin to judge
        ([(5, 4)] * 4 + [(2, 0), (2, 0), (2, 0)], True),  # three small runs pooled
        ([(5, 5)] * 4 + [(1, 0)], False),  # one page is too few: pooled with the run before
    ],
)
def test_layout_change_flag(shares, flagged):
    runs, stories = coverage_runs(shares)
    got = health.assess(get_source(SOURCES, "meridian"), runs, stories, NOW, last_new_at=NOW)
    assert ("layout-changed?" in got.flag_names) is flagged, (got.coverage_recent, got.flags)


@pytest.mark.parametrize(
    ("last_new_h", "gap_h", "silent"),
    [
        (None, None, True),  # ran for 10h and never stored a story
        (10, None, True),
        (5, None, False),
        (20, 12, False),  # a source that publishes twice a day may be quiet for 36h
        (40, 12, True),
    ],
)
def test_silent_flag(last_new_h, gap_h, silent):
    runs = facts(*["ok"] * 10)
    last_new = NOW - timedelta(hours=last_new_h) if last_new_h is not None else None
    stories = []
    if last_new is not None and gap_h:
        stories = [StoryFacts(last_new - i * gap_h * H, last_new, True) for i in range(5)]
    got = health.assess(get_source(SOURCES, "sahar"), runs, stories, NOW, last_new_at=last_new)
    assert ("silent" in got.flag_names) is silent, got.flags


def test_never_run_and_failing():
    meridian = get_source(SOURCES, "meridian")
    assert health.assess(meridian, [], [], NOW).flag_names == ["never-run"]
    failing = health.assess(meridian, facts("ok", "failed", "crashed"), [], NOW, last_new_at=NOW)
    assert failing.flag_names == ["failing"]
    assert failing.flags[0].reason == "last 2 runs failed (crashed, failed)"
    assert failing.last_outcome == "crashed" and failing.failures == 2
    once = health.assess(meridian, facts("ok", "failed"), [], NOW, last_new_at=NOW)
    assert once.flag_names == []


# --- from a crafted database -----------------------------------------------------------------


def story(name: str, n: int, seen: datetime, complete: bool = True) -> Story:
    url = f"http://{name}.test/news/{n}"
    return Story(
        source=name,
        url=url,
        canonical_url=url,
        fetched_at=seen,
        title=f"Story {n}",
        body="Some text." if complete else None,
        published_at=seen - H if complete else None,
        content_hash=f"{name}-{n}",
    )


def crawl(db, name, start, *, pages=0, complete=0, incomplete=0, outcome="ok", errors=0):
    run = store.start_run(db, name, start, pid=1)
    new = [
        story(
            name, int(start.timestamp()) + i, start + (i + 1) * timedelta(seconds=1), i < complete
        )
        for i in range(complete + incomplete)
    ]
    if new:
        store.write_stories(db, new)
    stats = {"wirecrawl/pages/article": pages, "wirecrawl/store/added": len(new)}
    if errors:
        stats["log_count/ERROR"] = errors
    store.finish_run(db, run, start + 5 * M, outcome, stats)


@pytest.fixture
def crafted(tmp_path):
    path = tmp_path / "w.db"
    db = store.open_db(path)
    for h in range(10, 0, -1):
        crawl(db, "meridian", NOW - h * H, pages=4, complete=4)
        crawl(db, "alwaha", NOW - h * H, pages=5 if h >= 10 else 0, complete=5 if h >= 10 else 0)
    crawl(db, "sahar", NOW - 5 * H, pages=3, complete=3)
    crawl(db, "sahar", NOW - 2 * H, outcome="failed", errors=2)
    crawl(db, "sahar", NOW - 1 * H, outcome="failed", errors=3)
    for h in range(6, 1, -1):
        crawl(db, "globalwire", NOW - h * H, pages=5, complete=5)
    crawl(db, "globalwire", NOW - 30 * M, pages=5, complete=1, incomplete=1)  # 3 pages dropped
    db.conn.close()
    return path


def test_source_health_from_the_database(crafted):
    with store.opened(crafted, readonly=True) as db:
        got = {h.source: h for h in health.source_health(db, SOURCES, NOW)}
    assert {n: h.flag_names for n, h in got.items()} == {
        "globalwire": ["layout-changed?"],
        "meridian": [],
        "sahar": ["failing"],
        "alwaha": ["silent"],
        "ifpnews": ["never-run"],
    }
    assert got["globalwire"].coverage_recent == pytest.approx(0.2)
    assert got["globalwire"].coverage_baseline == pytest.approx(1.0)
    assert got["sahar"].last_errors == 3 and got["sahar"].last_outcome == "failed"
    assert got["meridian"].last_added == 4 and got["meridian"].last_run_at == NOW - H


def test_newest_story_prefers_published_at_else_first_seen(tmp_path):
    db = store.open_db(tmp_path / "w.db")
    dated = story("meridian", 1, NOW - H)  # published 2h ago, first seen 1h ago
    undated = story("meridian", 2, NOW - 90 * M, complete=False)  # first seen 1h30 ago
    store.write_stories(db, [dated, undated])
    assert store.newest_story(db, "meridian") == (store.iso(NOW - H), store.iso(NOW - 90 * M))
    assert store.newest_story(db, "sahar") == (None, None)
    db.conn.close()


def test_sources_check_exit_codes(crafted, tmp_path):
    runner = CliRunner()
    base = ["sources", "--db", str(crafted), "--now", NOW.isoformat()]
    # sample sites (all of these) and live-only sources are watched only when named
    assert runner.invoke(cli, [*base, "--check"]).exit_code == 0
    samples = ["-s", "sahar", "-s", "alwaha", "-s", "globalwire", "-s", "meridian"]
    flagged = runner.invoke(cli, [*base, "--check", *samples])
    assert flagged.exit_code == 1, flagged.output
    lines = flagged.output.splitlines()
    assert "sahar: failing: last 2 runs failed (failed, failed)" in lines
    assert any(line.startswith("alwaha: silent: no new story for 9h59m") for line in lines)
    assert any(line.startswith("globalwire: layout-changed?:") for line in lines)
    assert not any(line.startswith(("meridian", "ifpnews")) for line in lines)
    healthy = runner.invoke(cli, [*base, "--check", "--source", "meridian"])
    assert (healthy.exit_code, healthy.output) == (0, "")
    named = runner.invoke(cli, [*base, "--check", "-s", "ifpnews"])
    assert named.exit_code == 1 and "ifpnews: never-run" in named.output
    missing = runner.invoke(
        cli, ["sources", "--db", str(tmp_path / "none.db"), "--check", "-s", "meridian"]
    )
    assert missing.exit_code == 1 and "meridian: never-run" in missing.output
    unknown = runner.invoke(cli, [*base, "--check", "-s", "nosuch"])
    assert unknown.exit_code == 2 and "unknown source 'nosuch'" in unknown.output


def test_sources_listing_shows_health(crafted, tmp_path):
    runner = CliRunner()
    base = ["sources", "--db", str(crafted), "--now", NOW.isoformat()]
    rows = {r["name"]: r for r in json.loads(runner.invoke(cli, [*base, "--json"]).output)}
    assert rows["sahar"]["flags"] == ["failing"] and rows["sahar"]["errors"] == 3
    assert rows["meridian"]["last_run"] == store.iso(NOW - H)
    assert rows["meridian"]["newest_age"] == 2 * 3600 - 4  # published an hour before first seen
    assert rows["meridian"]["stories"] == 40 and rows["ifpnews"]["flags"] == ["never-run"]
    table = runner.invoke(cli, base)
    assert table.exit_code == 0
    assert "layout-changed?" in table.output and "1h00m" in table.output
    sources_file = tmp_path / "mine.toml"
    sources_file.write_text(
        '[[source]]\nname = "example_news"\ndisplay_name = "Example"\n'
        'homepage = "https://example.org/"\nfeeds = ["https://example.org/feed"]\n'
    )
    checked = runner.invoke(cli, ["sources", "check", str(sources_file)])
    assert checked.exit_code == 0 and "1 source(s) OK: example_news" in checked.output
