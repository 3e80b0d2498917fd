import itertools
import json
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from wirecrawl import schedule, store
from wirecrawl.cli import cli
from wirecrawl.schedule import Lock, Scheduler, State
from wirecrawl.sources import Source, SourceError, get_source, load_sources

NOW = datetime(2026, 11, 28, 12, 0, tzinfo=UTC)
H = timedelta(hours=1)
M = timedelta(minutes=1)


def source(name: str, interval: timedelta = H, **fields) -> Source:
    return Source(
        name=name,
        display_name=name.title(),
        homepage="http://127.0.0.1:9/",
        feeds=("http://127.0.0.1:9/feed",),
        interval=interval,
        **fields,
    )


def dead_pid() -> int:
    """The pid of a process that has exited and been reaped."""
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "w.db"


@pytest.fixture
def db(db_path):
    database = store.open_db(db_path)
    yield database
    database.conn.close()


class FakeClock:
    def __init__(self, start: datetime = NOW) -> None:
        self.t = start

    def now(self) -> datetime:
        return self.t

    def sleep(self, seconds: float) -> None:
        self.t += timedelta(seconds=seconds)


class FakeChild:
    """A crawl that records a run row at launch and ends ``duration`` later on the fake clock."""

    def __init__(self, db, clock, src, duration, outcome, pages=3):
        self.db, self.clock, self.source = db, clock, src
        self.pid = os.getpid()
        self.end = clock.now() + duration
        self.outcome, self.pages = outcome, pages
        self.code: int | None = None
        self.signals: list[int] = []
        self.run_id = store.start_run(db, src.name, clock.now(), pid=self.pid)

    def poll(self):
        if self.code is None and self.clock.now() >= self.end:
            self._end(self.outcome)
        return self.code

    def _end(self, outcome):
        stats = {"wirecrawl/pages/article": self.pages, "wirecrawl/store/added": self.pages}
        store.finish_run(self.db, self.run_id, self.clock.now(), outcome, stats)
        self.code = 0 if outcome in ("ok", "shutdown") else 1

    def send_signal(self, signum):
        self.signals.append(signum)
        self._end("shutdown")

    def kill(self):
        self.code = -9

    def tail(self, lines=5):
        return ["a log line"]

    def close(self):
        pass


class FakeLauncher:
    def __init__(self, db, clock, duration=2 * M, outcomes=None):
        self.db, self.clock, self.duration = db, clock, duration
        self.outcomes = outcomes or {}
        self.launched: list[tuple[str, datetime]] = []
        self.children: list[FakeChild] = []

    def __call__(self, src):
        self.launched.append((src.name, self.clock.now()))
        child = FakeChild(
            self.db, self.clock, src, self.duration, self.outcomes.get(src.name, "ok")
        )
        self.children.append(child)
        return child

    def starts(self, name):
        return [t for n, t in self.launched if n == name]


def run_until(scheduler: Scheduler, clock: FakeClock, end: datetime) -> None:
    while clock.now() < end:
        clock.sleep(scheduler.step())


# --- due, backoff, state ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("interval", "failures", "expected"),
    [
        (H, 0, H),
        (H, 1, 2 * H),
        (H, 3, 8 * H),
        (H, 5, 24 * H),  # 32h capped at 24h
        (15 * M, 2, H),
        (timedelta(weeks=1), 3, timedelta(weeks=1)),  # cap is the interval when longer than 24h
        (H, 10_000, 24 * H),
    ],
)
def test_backoff_delay(interval, failures, expected):
    assert schedule.backoff_delay(interval, failures) == expected


@given(
    st.timedeltas(min_value=timedelta(seconds=1), max_value=timedelta(days=30)),
    st.integers(min_value=0, max_value=200),
)
def test_backoff_is_bounded_and_grows(interval, failures):
    delay = schedule.backoff_delay(interval, failures)
    assert interval <= delay <= max(interval, 24 * H)
    assert schedule.backoff_delay(interval, failures + 1) >= delay


@pytest.mark.parametrize(
    ("last", "backoff", "expected"),
    [
        (None, None, None),
        (NOW, None, NOW + H),
        (NOW, NOW + 3 * H, NOW + 3 * H),
        (NOW, NOW + 10 * M, NOW + H),
        (None, NOW + 2 * H, NOW + 2 * H),
    ],
)
def test_due_at(last, backoff, expected):
    assert schedule.due_at(H, last, backoff) == expected


def test_is_due_edges():
    assert schedule.is_due(None, NOW)
    assert schedule.is_due(NOW, NOW)
    assert not schedule.is_due(NOW + timedelta(seconds=1), NOW)


def test_failures_grow_backoff_and_success_resets():
    state = State("meridian")
    ends = []
    for n in range(1, 5):
        start = NOW + n * 24 * H
        state = schedule.after_run(state, "failed", start, start + M, H, run_id=n)
        ends.append(start + M)
        assert state.failures == n
        assert state.backoff_until == start + M + min(H * 2**n, 24 * H)
        assert state.next_due == state.backoff_until and state.last_outcome == "failed"
    neutral = schedule.after_run(state, "shutdown", NOW, NOW + M, H)
    assert (neutral.failures, neutral.backoff_until) == (state.failures, state.backoff_until)
    ok = schedule.after_run(state, "ok", NOW + 9 * 24 * H, NOW + 9 * 24 * H + M, H, run_id=9)
    assert (ok.failures, ok.backoff_until, ok.next_due) == (0, None, NOW + 9 * 24 * H + H)
    assert ok.last_run_id == 9


def test_parse_intervals_and_selection():
    assert schedule.parse_intervals(["meridian=5m", " sahar = 2h"]) == {
        "meridian": 5 * M,
        "sahar": 2 * H,
    }
    for bad in ["meridian", "=5m", "meridian=5", "meridian=soon"]:
        with pytest.raises(ValueError):
            schedule.parse_intervals([bad])
    entries = load_sources()
    # sample sites and live-only sources are left out unless named
    assert schedule.scheduled_sources(entries, [], {}) == []
    user = replace(get_source(entries, "meridian"), name="wire_user", sample=False)
    assert [s.name for s in schedule.scheduled_sources([*entries, user], [], {})] == ["wire_user"]
    chosen = schedule.scheduled_sources(entries, ["meridian", "sahar"], {"meridian": 5 * M})
    assert [s.name for s in chosen] == ["meridian", "sahar"]
    assert next(s for s in chosen if s.name == "meridian").interval == 5 * M
    assert next(s for s in chosen if s.name == "sahar").interval == H
    named = schedule.scheduled_sources(entries, ["ifpnews", "ifpnews"], {})
    assert [s.name for s in named] == ["ifpnews"]
    with pytest.raises(SourceError, match="nosuch"):
        schedule.scheduled_sources(entries, [], {"nosuch": H})


# --- locks ------------------------------------------------------------------------------------


def test_two_acquirers_one_wins_until_released(db):
    assert schedule.acquire_lock(db, "meridian", "a", NOW)
    claim = schedule.claim_lock(db, "meridian", "b", NOW)
    assert claim.held is None and claim.blocker is not None
    assert claim.blocker.holder == "a" and claim.blocker.pid == os.getpid()
    assert "meridian is being crawled by pid" in schedule.busy_message(claim.blocker)
    assert schedule.acquire_lock(db, "sahar", "b", NOW)  # other sources are independent
    assert not schedule.release_lock(db, "meridian", "b")  # b cannot release a's lock
    assert schedule.release_lock(db, "meridian", "a")
    assert schedule.acquire_lock(db, "meridian", "b", NOW)


def test_same_holder_reacquires_and_keeps_acquired_at(db):
    assert schedule.acquire_lock(db, "meridian", "a", NOW)
    assert schedule.acquire_lock(db, "meridian", "a", NOW + M)
    (row,) = store.list_locks(db)
    assert row["acquired_at"] == store.iso(NOW) and row["heartbeat_at"] == store.iso(NOW + M)


def test_lock_of_dead_process_on_this_host_is_taken_over(db):
    gone = dead_pid()
    assert schedule.acquire_lock(db, "meridian", "old", NOW, pid=gone)
    claim = schedule.claim_lock(db, "meridian", "new", NOW + M)
    assert claim.held is not None and claim.held.holder == "new"
    assert claim.blocker is None


@pytest.mark.parametrize(
    ("host", "age", "alive", "stale"),
    [
        ("here", M, True, False),
        ("here", M, False, True),  # dead holder on this host
        ("here", 11 * M, True, True),  # heartbeat too old
        ("there", M, False, False),  # another host's pid cannot be checked from here
        ("there", 11 * M, True, True),
    ],
)
def test_lock_is_stale(host, age, alive, stale):
    lock = Lock("meridian", "x", 4242, host, NOW - age, NOW - age)
    got = schedule.lock_is_stale(lock, NOW, host="here", alive=lambda pid: alive)
    assert got is stale


def test_child_adopts_its_parent_schedulers_lock(db):
    assert schedule.acquire_lock(db, "meridian", "sched", NOW, pid=111, host="h")
    claim = schedule.claim_lock(
        db, "meridian", "crawl", NOW + M, pid=222, host="h", parent_pid=111, alive=lambda p: True
    )
    assert claim.held is not None
    assert (claim.held.holder, claim.held.pid, claim.held.acquired_at) == ("sched", 222, NOW)
    # a process that is not the holder's child does not adopt it
    other = schedule.claim_lock(
        db, "meridian", "crawl2", NOW + M, pid=333, host="h", parent_pid=999, alive=lambda p: True
    )
    assert other.held is None and other.blocker is not None and other.blocker.pid == 222


def test_locked_context_manager(db):
    clock = FakeClock()
    with schedule.locked(db, "meridian", "a", clock=clock) as claim:
        assert claim.held is not None
        with schedule.locked(db, "meridian", "b", clock=clock) as second:
            assert second.held is None and second.blocker is not None
        assert len(store.list_locks(db)) == 1  # the busy attempt released nothing
    assert store.list_locks(db) == []


def test_crawl_locks_skip_busy_sources_and_release_on_error(db, db_path):
    assert schedule.acquire_lock(db, "sahar", "elsewhere", datetime.now(UTC))
    with pytest.raises(RuntimeError), schedule.crawl_locks(db_path, ["meridian", "sahar"]) as busy:
        assert set(busy) == {"sahar"} and busy["sahar"].holder == "elsewhere"
        held = {row["source"]: row for row in store.list_locks(db)}
        assert held["meridian"]["holder"] == schedule.crawl_holder()
        raise RuntimeError("crawl blew up")
    assert [row["source"] for row in store.list_locks(db)] == ["sahar"]


def test_crawl_locks_heartbeat_thread(db, db_path):
    clock = FakeClock()
    with schedule.crawl_locks(db_path, ["meridian"], clock=clock, heartbeat_every=M / 600):
        clock.t = NOW + H
        (row,) = wait_for(
            lambda: [r for r in store.list_locks(db) if r["heartbeat_at"] == store.iso(NOW + H)], 1
        )
        assert row["acquired_at"] == store.iso(NOW)
    assert store.list_locks(db) == []


# --- the loop on a fake clock -----------------------------------------------------------------


def test_sources_run_on_their_intervals_and_failures_back_off(db):
    clock = FakeClock()
    launcher = FakeLauncher(db, clock, duration=2 * M, outcomes={"bad": "failed"})
    lines: list[str] = []
    scheduler = Scheduler(
        db,
        [source("quick", 15 * M), source("bad", H)],
        launcher,
        clock=clock,
        poll=60,
        say=lines.append,
    )
    run_until(scheduler, clock, NOW + 8 * H)
    quick = launcher.starts("quick")
    assert quick[0] == NOW and len(quick) == 8 * 4
    assert all(b - a == 15 * M for a, b in itertools.pairwise(quick))
    bad = launcher.starts("bad")
    # fails at NOW, then waits 2h, then 4h, measured from each failed run's end (2 minutes in)
    assert bad == [NOW, NOW + 2 * M + 2 * H, NOW + 4 * M + 6 * H]
    state = State.from_row("bad", store.schedule_states(db)["bad"])
    assert state.failures == 3 and state.backoff_until == NOW + 6 * M + 14 * H
    assert any("done  bad failed" in line and "failure 3 in a row" in line for line in lines)
    assert any(line.startswith("    a log line") for line in lines)  # failure tail shown
    assert any("done  quick ok: 3 pages, 3 added, 2m00s" in line for line in lines), lines


def test_success_after_failures_resets_the_backoff(db):
    clock = FakeClock()
    launcher = FakeLauncher(db, clock, outcomes={"flaky": "failed"})
    scheduler = Scheduler(
        db, [source("flaky", 5 * M)], launcher, clock=clock, poll=60, say=lambda _: None
    )
    run_until(scheduler, clock, NOW + 30 * M)
    # failed at 0 (ends 2m: wait 10m), failed at 12m (ends 14m: wait 20m), next at 34m
    assert launcher.starts("flaky") == [NOW, NOW + 12 * M]
    launcher.outcomes["flaky"] = "ok"
    run_until(scheduler, clock, NOW + 2 * H)
    state = store.schedule_states(db)["flaky"]
    assert state["failures"] == 0 and state["backoff_until"] is None
    starts = launcher.starts("flaky")
    assert starts[2] == NOW + 34 * M and len(starts) > 10
    assert all(b - a == 5 * M for a, b in itertools.pairwise(starts[2:]))


def test_once_runs_what_is_due_then_exits(db):
    clock = FakeClock()
    recent = store.start_run(db, "fresh", NOW - 10 * M, pid=os.getpid())
    store.finish_run(db, recent, NOW - 9 * M, "ok", {})
    launcher = FakeLauncher(db, clock, duration=5 * M)
    lines: list[str] = []
    scheduler = Scheduler(
        db,
        [source("fresh", H), source("one", H), source("two", H), source("three", H)],
        launcher,
        clock=clock,
        once=True,
        max_parallel=2,
        poll=60,
        say=lines.append,
    )
    report = scheduler.run()
    assert sorted(n for n, _ in launcher.launched) == ["one", "three", "two"]
    assert max(t for _, t in launcher.launched) == NOW + 5 * M  # the third waited for a slot
    assert report.not_due == {"fresh": NOW - 10 * M + H}
    summary = schedule.summary_lines(report, clock.now())
    assert summary[0] == "3 crawl(s) run: 3 ok"
    assert summary[1].startswith("1 not due yet; next: fresh in ")


def test_once_drops_a_source_crawled_elsewhere_meanwhile(db):
    clock = FakeClock()
    launcher = FakeLauncher(db, clock, duration=5 * M)

    def launch(src):
        child = launcher(src)
        if src.name == "a":  # meanwhile someone runs `wirecrawl crawl b` by hand
            store.start_run(db, "b", clock.now(), pid=os.getpid())
        return child

    scheduler = Scheduler(
        db,
        [source("a"), source("b")],
        launch,
        clock=clock,
        once=True,
        max_parallel=1,
        poll=60,
        say=lambda _: None,
    )
    report = scheduler.run()
    assert [n for n, _ in launcher.launched] == ["a"] and report.busy == ["b"]
    assert "skipped, crawled elsewhere: b" in schedule.summary_lines(report, clock.now())


def test_held_lock_makes_the_scheduler_skip_cleanly(db):
    clock = FakeClock()
    assert schedule.acquire_lock(db, "meridian", "manual-crawl", NOW)
    launcher = FakeLauncher(db, clock)
    lines: list[str] = []
    scheduler = Scheduler(
        db, [source("meridian", H)], launcher, clock=clock, once=True, poll=60, say=lines.append
    )
    report = scheduler.run()
    assert launcher.launched == [] and report.busy == ["meridian"]
    assert any("skip  meridian is being crawled by pid" in line for line in lines)
    assert "meridian" not in store.schedule_states(db)  # no failure counted
    assert store.list_locks(db)[0]["holder"] == "manual-crawl"


def test_a_database_error_is_reported_and_the_pass_retried(db):
    clock = FakeClock()
    launcher = FakeLauncher(db, clock)
    lines: list[str] = []

    class Flaky(Scheduler):
        failed = False

        def due_times(self):
            if not self.failed:
                self.failed = True
                raise sqlite3.OperationalError("database is locked")
            return super().due_times()

    report = Flaky(
        db, [source("a")], launcher, clock=clock, once=True, poll=60, say=lines.append
    ).run()
    assert "error database: database is locked; retrying" in lines[0]
    assert [f.outcome for f in report.finished] == ["ok"]
    assert launcher.launched == [("a", NOW + schedule.DB_RETRY)]


def test_stuck_running_runs_are_marked_killed(db):
    clock = FakeClock()
    gone = store.start_run(db, "meridian", NOW - H, pid=dead_pid())
    alive = store.start_run(db, "sahar", NOW - H, pid=os.getpid())
    no_pid = store.start_run(db, "alwaha", NOW - H)
    lines: list[str] = []
    scheduler = Scheduler(db, [], FakeLauncher(db, clock), clock=clock, say=lines.append)
    assert scheduler.sweep(NOW) == [gone]
    rows = {r["id"]: r for r in store.recent_runs(db)}
    assert rows[gone]["outcome"] == "killed" and rows[gone]["finished_at"] == store.iso(NOW)
    assert rows[alive]["outcome"] == "running" and rows[no_pid]["outcome"] == "running"
    assert "killed" in lines[0] and "pid" in lines[0]


def test_foreign_host_run_is_not_marked(db):
    clock = FakeClock()
    pid = dead_pid()
    run = store.start_run(db, "meridian", NOW - H, pid=pid)
    assert schedule.acquire_lock(db, "meridian", "far", NOW, pid=pid, host="elsewhere")
    scheduler = Scheduler(db, [], FakeLauncher(db, clock), clock=clock, say=lambda _: None)
    assert scheduler.sweep(NOW) == []
    assert store.get_run(db, run)["outcome"] == "running"


def test_stop_forwards_sigterm_and_waits(db):
    clock = FakeClock()
    launcher = FakeLauncher(db, clock, duration=H)
    scheduler = Scheduler(
        db, [source("a"), source("b")], launcher, clock=clock, poll=60, say=lambda _: None
    )
    scheduler.step()
    assert len(scheduler.running) == 2
    scheduler.request_stop()
    report = scheduler.run()
    assert all(c.signals == [signal.SIGTERM] for c in launcher.children)
    assert {f.outcome for f in report.finished} == {"shutdown"}
    assert store.list_locks(db) == []
    assert all(s["failures"] == 0 for s in store.schedule_states(db).values())


def test_two_schedulers_never_crawl_one_source_at_once(db_path):
    sequence = itertools.count()
    tick = threading.Lock()
    intervals: dict[str, list[tuple[int, int]]] = {}

    def next_seq() -> int:
        with tick:
            return next(sequence)

    class RecordingChild(FakeChild):
        """Writes its run row only when it ends, so the other scheduler sees the source as due
        (and must be stopped by the lock) while it runs."""

        def __init__(self, db, clock, src):
            self.db, self.clock, self.source = db, clock, src
            self.pid, self.pages, self.code, self.signals = os.getpid(), 1, None, []
            self.begin, self.started, self.polls = next_seq(), clock.now(), 0

        def poll(self):
            self.polls += 1
            if self.code is None and self.polls >= 3:
                self._end("ok")
            return self.code

        def _end(self, outcome):
            self.run_id = store.start_run(self.db, self.source.name, self.started, pid=self.pid)
            super()._end(outcome)
            intervals.setdefault(self.source.name, []).append((self.begin, next_seq()))

    names = ["a", "b", "c"]
    barrier = threading.Barrier(2)
    reports: list[schedule.Report] = []
    errors: list[BaseException] = []

    def scheduler_thread() -> None:
        database = store.open_db(db_path)
        clock = FakeClock()

        def launch(src):
            return RecordingChild(database, clock, src)

        sched = Scheduler(
            database,
            [source(n, M) for n in names],
            launch,
            clock=clock,
            poll=20,
            say=lambda _: None,
        )
        try:
            for _ in range(150):
                barrier.wait(timeout=30)
                clock.sleep(sched.step())
            sched.request_stop()
            reports.append(sched.run())
        except BaseException as exc:
            errors.append(exc)
            barrier.abort()
        finally:
            database.conn.close()

    store.open_db(db_path).conn.close()  # migrated once, as `wirecrawl schedule` does first
    threads = [threading.Thread(target=scheduler_thread) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not errors, errors
    assert len(reports) == 2
    assert sum(len(r.busy) for r in reports) > 0  # they did contend
    for name in names:
        spans = sorted(intervals[name])
        assert len(spans) >= 5
        for (_, end), (start, _) in itertools.pairwise(spans):
            assert start > end, f"{name} crawled twice at once: {spans}"


# --- real processes ---------------------------------------------------------------------------

# A stand-in for `wirecrawl crawl NAME`: argv is DB NAME MODE.
FAKE_CRAWL = """
import os, signal, sys, time
from datetime import UTC, datetime
from wirecrawl import schedule, store
db_path, name, mode = sys.argv[1:4]
db = store.open_db(db_path)
now = datetime.now(UTC)
if mode == "crash":
    sys.exit(2)
with schedule.crawl_locks(db_path, [name], heartbeat_every=None) as busy:
    if busy:
        sys.exit(3)
    run = store.start_run(db, name, now, pid=os.getpid())
    if mode == "selfkill":
        os.kill(os.getpid(), signal.SIGKILL)
    if mode in ("wait", "stubborn"):
        def on_term(signum, frame):
            if mode == "stubborn":
                open(os.path.join(os.path.dirname(db_path), f"term-{name}"), "w").close()
                return
            store.finish_run(db, run, datetime.now(UTC), "shutdown", {})
            sys.exit(0)
        signal.signal(signal.SIGTERM, on_term)
        open(os.path.join(os.path.dirname(db_path), f"up-{name}-{os.getpid()}"), "w").close()
        time.sleep(60)
    store.finish_run(db, run, datetime.now(UTC), "ok", {"wirecrawl/pages/article": 4,
                     "wirecrawl/store/added": 2})
"""


def fake_crawl_command(db_path: Path, modes: dict[str, str]):
    def command(src: Source) -> list[str]:
        return [sys.executable, "-c", FAKE_CRAWL, str(db_path), src.name, modes[src.name]]

    return command


def test_crash_isolation_with_real_processes(db, db_path):
    modes = {"good": "ok", "boom": "crash", "dies": "selfkill", "later": "ok"}
    lines: list[str] = []
    scheduler = Scheduler(
        db,
        [source(n) for n in modes],
        schedule.process_launcher(fake_crawl_command(db_path, modes)),
        once=True,
        max_parallel=2,
        poll=0.02,
        say=lines.append,
    )
    report = scheduler.run()
    outcomes = {f.source: f.outcome for f in report.finished}
    assert outcomes == {"good": "ok", "boom": "crashed", "dies": "killed", "later": "ok"}
    runs = {r["source"]: r for r in store.recent_runs(db)}
    assert runs["boom"]["outcome"] == "crashed" and runs["boom"]["errors"] == 1
    assert runs["dies"]["outcome"] == "killed" and runs["dies"]["finished_at"] is not None
    assert runs["good"]["pages_fetched"] == 4 and runs["good"]["stories_added"] == 2
    states = store.schedule_states(db)
    assert {n: states[n]["failures"] for n in modes} == {
        "good": 0,
        "boom": 1,
        "dies": 1,
        "later": 0,
    }
    assert store.list_locks(db) == []
    assert any("done  good ok: 4 pages, 2 added" in line for line in lines)


def test_crawl_child_left_stale_lock_is_taken_over(db, db_path):
    # the child adopts the lock, then dies by SIGKILL before anyone releases it
    argv = [sys.executable, "-c", FAKE_CRAWL, str(db_path), "meridian", "selfkill"]
    subprocess.run(argv, check=False, timeout=60)
    (row,) = store.list_locks(db)
    stuck = store.running_runs(db)
    assert row["holder"].startswith("crawl@") and len(stuck) == 1
    assert schedule.acquire_lock(db, "meridian", "next", datetime.now(UTC))
    scheduler = Scheduler(db, [], FakeLauncher(db, FakeClock()), say=lambda _: None)
    assert scheduler.sweep(NOW) == [stuck[0]["id"]]


SCHEDULER_SCRIPT = """
import sys
from wirecrawl import schedule, store
from wirecrawl.sources import Source
db_path, crawl_code, mode = sys.argv[1:4]
sources = [Source(name=n, display_name=n, homepage="http://127.0.0.1:9/",
                  feeds=("http://127.0.0.1:9/feed",)) for n in ("alpha", "beta")]
launch = schedule.process_launcher(lambda s: [sys.executable, "-c", crawl_code, db_path, s.name, mode])
with store.opened(db_path) as db:
    scheduler = schedule.Scheduler(db, sources, launch, poll=0.02, say=lambda l: print(l, flush=True))
    code = schedule.serve(scheduler)
sys.exit(code)
"""


def start_scheduler(tmp_path: Path, mode: str) -> tuple[subprocess.Popen, list[int]]:
    db_file = tmp_path / "w.db"
    store.open_db(db_file).conn.close()
    proc = subprocess.Popen(
        [sys.executable, "-c", SCHEDULER_SCRIPT, str(db_file), FAKE_CRAWL, mode],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    pids = wait_for(lambda: [int(p.name.split("-")[-1]) for p in tmp_path.glob("up-*")], 2)
    return proc, pids


def wait_for(found, count: int, timeout: float = 30) -> list:
    """Poll ``found()`` until it returns ``count`` items (children starting up take real time)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        items = found()
        if len(items) >= count:
            return items
        time.sleep(0.02)
    raise AssertionError(f"only {found()} after {timeout}s")


def test_sigterm_lets_crawls_finish_then_exits_0(tmp_path):
    proc, pids = start_scheduler(tmp_path, "wait")
    proc.send_signal(signal.SIGTERM)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err
    assert "got SIGTERM" in out and out.count("sent SIGTERM") == 2
    assert not any(schedule.pid_alive(pid) for pid in pids)
    with store.opened(tmp_path / "w.db") as db:
        assert {r["outcome"] for r in store.recent_runs(db)} == {"shutdown"}
        assert store.list_locks(db) == []


def test_second_sigterm_kills_the_crawls(tmp_path):
    proc, pids = start_scheduler(tmp_path, "stubborn")
    proc.send_signal(signal.SIGTERM)
    wait_for(lambda: list(tmp_path.glob("term-*")), 2)  # both got the forwarded SIGTERM
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 128 + signal.SIGTERM, err
    assert not any(schedule.pid_alive(pid) for pid in pids)
    with store.opened(tmp_path / "w.db") as db:
        assert {r["outcome"] for r in store.recent_runs(db)} == {"killed"}
        assert store.list_locks(db) == []
        assert all(s["failures"] == 0 for s in store.schedule_states(db).values())


# --- CLI --------------------------------------------------------------------------------------


def test_runs_command_lists_runs_in_every_format(db, db_path):
    first = store.start_run(db, "meridian", NOW, pid=1)
    store.finish_run(
        db,
        first,
        NOW + timedelta(seconds=75),
        "ok",
        {"wirecrawl/pages/article": 9, "wirecrawl/store/added": 4, "wirecrawl/dropped/x": 2},
    )
    store.start_run(db, "sahar", NOW + H, pid=2)
    runner = CliRunner()
    table = runner.invoke(cli, ["runs", "--db", str(db_path)])
    assert table.exit_code == 0, table.output
    assert "1m15s" in table.output and "running" in table.output
    rows = json.loads(
        runner.invoke(cli, ["runs", "--db", str(db_path), "--json", "-s", "meridian"]).output
    )
    assert len(rows) == 1
    assert rows[0]["duration"] == 75 and rows[0]["pages"] == 9 and rows[0]["dropped"] == 2
    assert rows[0]["stats"]["wirecrawl/store/added"] == 4
    csv_out = runner.invoke(cli, ["runs", "--db", str(db_path), "--csv", "-n", "1"]).output
    assert csv_out.splitlines()[0].startswith("id,source,started_at,finished_at,duration")
    assert len(csv_out.splitlines()) == 2


def test_schedule_command_rejects_bad_options(db_path):
    runner = CliRunner()
    bad = runner.invoke(cli, ["schedule", "--db", str(db_path), "--interval", "meridian"])
    assert bad.exit_code == 2 and "NAME=DURATION" in bad.output
    unknown = runner.invoke(cli, ["schedule", "--db", str(db_path), "--source", "nosuch"])
    assert unknown.exit_code == 2 and "unknown source 'nosuch'" in unknown.output


def test_schedule_command_reports_a_database_it_cannot_open(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    args = ["schedule", "--once", "--source", "meridian", "--db", str(blocker / "w.db")]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 1 and "cannot open the database" in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_schedule_once_with_nothing_due_exits_0(db, db_path):
    now = datetime.now(UTC)
    run = store.start_run(db, "meridian", now, pid=os.getpid())
    store.finish_run(db, run, now, "ok", {})
    result = CliRunner().invoke(
        cli, ["schedule", "--once", "--db", str(db_path), "--source", "meridian"]
    )
    assert result.exit_code == 0, result.output
    assert "0 crawl(s) run" in result.output and "next: meridian in" in result.output


# --- docs that cannot drift -------------------------------------------------------------------

ROOT = Path(__file__).resolve().parent.parent
DOCS = (ROOT / "docs" / "scheduling.md").read_text(encoding="utf-8")


def directives(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip() and line[0] not in "#;"]


@pytest.mark.parametrize("unit", ["wirecrawl.service", "wirecrawl.timer"])
def test_unit_files_in_the_docs_match_contrib(unit):
    shipped = (ROOT / "contrib" / "systemd" / unit).read_text(encoding="utf-8")
    marker = f"# /etc/systemd/system/{unit}\n"
    block = DOCS.split(marker, 1)[1].split("```", 1)[0]
    assert directives(block) == directives(shipped)
    assert "schedule --once" in shipped or unit.endswith(".timer")


def test_docs_name_every_schedule_option_and_health_flag():
    from wirecrawl.cli.schedule import schedule as command

    for param in command.params:
        for option in param.opts:
            assert f"`{option}" in DOCS, option
    for flag in ("never-run", "failing", "silent", "layout-changed?"):
        assert f"`{flag}`" in DOCS, flag
    hours = schedule.MAX_BACKOFF.total_seconds() / 3600
    minutes = schedule.STALE_AFTER.total_seconds() / 60
    prose = " ".join(DOCS.split())
    assert f"{hours:.0f} hours" in prose and f"older than {minutes:.0f} minutes" in prose
