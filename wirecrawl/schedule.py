"""The scheduler: each source crawled on its own interval, one crawl per source at a time.

Every crawl runs as its own process (Twisted's reactor cannot be restarted, and one crashed crawl
must not take the others down). Run state lives in the database: the ``runs`` table written by
``wirecrawl crawl`` itself, ``schedule_state`` (failures and backoff) and ``locks`` (who crawls
what). Time is an input everywhere: the decisions are pure functions of ``now``, and the loop
reads time and sleeps through an injectable :class:`Clock`.

Rules (also in docs/scheduling.md):

- a source is due at ``max(last run's start + interval, backoff_until)``; never run means due now;
- a run whose outcome is not "ok" (nor "shutdown"/"busy", which are nobody's fault) counts a
  failure and sets ``backoff_until = end + min(interval * 2**failures, max(24h, interval))``;
  an "ok" run resets both;
- a lock is stale when its heartbeat is older than :data:`STALE_AFTER`, or when it was taken on
  this host by a process that no longer exists; a stale lock is taken over.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import IO, Any, Protocol

import sqlite_utils

from wirecrawl import store
from wirecrawl.health import NEUTRAL_OUTCOMES, short_duration
from wirecrawl.sources import Source, get_source, parse_duration

MAX_BACKOFF = timedelta(hours=24)
STALE_AFTER = timedelta(minutes=10)
HEARTBEAT_EVERY = timedelta(minutes=1)
BUSY_RETRY = timedelta(minutes=1)
SWEEP_EVERY = timedelta(minutes=1)
DB_RETRY = timedelta(seconds=30)
# Exit code of `wirecrawl crawl` when every source it was asked for is being crawled elsewhere.
BUSY_EXIT = 3


class Clock(Protocol):
    """Where the scheduler reads the time and waits; tests pass a fake that never sleeps."""

    def now(self) -> datetime: ...

    def sleep(self, seconds: float) -> None: ...


class SystemClock:
    """The real clock: aware UTC now, and ``time.sleep``."""

    def now(self) -> datetime:
        return datetime.now(UTC)

    def sleep(self, seconds: float) -> None:
        time.sleep(max(0.0, seconds))


SYSTEM_CLOCK = SystemClock()


# --- due and backoff (pure) -------------------------------------------------------------------


def backoff_delay(interval: timedelta, failures: int) -> timedelta:
    """``interval * 2**failures`` capped at 24 hours (or at the interval, when that is longer);
    0 failures gives the interval itself."""
    cap = max(MAX_BACKOFF, interval)
    if interval >= cap:
        return interval
    seconds = interval.total_seconds() * 2.0 ** min(max(failures, 0), 64)
    return timedelta(seconds=min(seconds, cap.total_seconds()))


def due_at(
    interval: timedelta, last_started: datetime | None, backoff_until: datetime | None = None
) -> datetime | None:
    """When a source is next due; None means at once (never run and not backing off)."""
    times = [t for t in (last_started + interval if last_started else None, backoff_until) if t]
    return max(times) if times else None


def is_due(due: datetime | None, now: datetime) -> bool:
    """True when ``due`` (from :func:`due_at`) has come; None is always due."""
    return due is None or due <= now


@dataclass(frozen=True)
class State:
    """One source's row of ``schedule_state``."""

    source: str
    failures: int = 0
    backoff_until: datetime | None = None
    next_due: datetime | None = None
    last_run_id: int | None = None
    last_outcome: str | None = None

    @classmethod
    def from_row(cls, source: str, row: Mapping[str, Any] | None) -> State:
        """The state stored for ``source``, or a fresh one when there is no row."""
        if not row:
            return cls(source)
        return cls(
            source=source,
            failures=int(row.get("failures") or 0),
            backoff_until=store.parse_iso(row.get("backoff_until")),
            next_due=store.parse_iso(row.get("next_due")),
            last_run_id=row.get("last_run_id"),
            last_outcome=row.get("last_outcome"),
        )


def after_run(
    state: State,
    outcome: str,
    started: datetime,
    finished: datetime,
    interval: timedelta,
    run_id: int | None = None,
) -> State:
    """The state after a run: "ok" resets failures and backoff, a neutral outcome ("shutdown",
    "busy") changes neither, anything else counts a failure and backs off from ``finished``."""
    failures, backoff_until = state.failures, state.backoff_until
    if outcome == "ok":
        failures, backoff_until = 0, None
    elif outcome not in NEUTRAL_OUTCOMES:
        failures += 1
        backoff_until = finished + backoff_delay(interval, failures)
    return State(
        source=state.source,
        failures=failures,
        backoff_until=backoff_until,
        next_due=due_at(interval, started, backoff_until),
        last_run_id=run_id if run_id is not None else state.last_run_id,
        last_outcome=outcome,
    )


def state_row(state: State, now: datetime) -> dict[str, Any]:
    """The ``schedule_state`` row of a State."""
    return {
        "source": state.source,
        "next_due": state.next_due,
        "failures": state.failures,
        "backoff_until": state.backoff_until,
        "last_run_id": state.last_run_id,
        "last_outcome": state.last_outcome,
        "updated_at": now,
    }


def parse_intervals(values: Sequence[str]) -> dict[str, timedelta]:
    """``--interval NAME=DURATION`` values as a dict; raises ValueError naming the bad one."""
    result: dict[str, timedelta] = {}
    for value in values:
        name, sep, duration = value.partition("=")
        if not sep or not name.strip():
            raise ValueError(f"{value!r} is not NAME=DURATION, e.g. meridian=5m")
        result[name.strip()] = parse_duration(duration)
    return result


def scheduled_sources(
    entries: Sequence[Source], names: Sequence[str], intervals: Mapping[str, timedelta]
) -> list[Source]:
    """The sources to schedule: those named (live-only and sample ones too), else every source
    that is neither live-only nor a bundled sample site (those only answer while `wirecrawl demo
    serve` runs); ``intervals`` overrides their interval. Unknown names raise SourceError."""
    chosen = (
        [get_source(entries, n) for n in dict.fromkeys(names)]
        if names
        else [s for s in entries if not s.live_only and not s.sample]
    )
    for name in intervals:
        get_source(entries, name)
    return [replace(s, interval=intervals.get(s.name, s.interval)) for s in chosen]


# --- locks ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Lock:
    """A row of ``locks``: ``holder`` crawls ``source`` in process ``pid`` on ``host``."""

    source: str
    holder: str
    pid: int
    host: str
    acquired_at: datetime
    heartbeat_at: datetime

    @classmethod
    def from_row(cls, row: Mapping[str, Any]) -> Lock:
        """A Lock from its stored row."""
        acquired, beat = store.parse_iso(row["acquired_at"]), store.parse_iso(row["heartbeat_at"])
        assert acquired is not None and beat is not None
        return cls(row["source"], row["holder"], int(row["pid"]), row["host"], acquired, beat)

    def row(self) -> dict[str, Any]:
        """The stored row of this Lock."""
        return {
            "source": self.source,
            "holder": self.holder,
            "pid": self.pid,
            "host": self.host,
            "acquired_at": store.iso(self.acquired_at),
            "heartbeat_at": store.iso(self.heartbeat_at),
        }


@dataclass(frozen=True)
class Claim:
    """What an attempt to lock a source found: ``held`` when we hold it, else ``blocker``."""

    held: Lock | None
    blocker: Lock | None = None


def pid_alive(pid: int) -> bool:
    """True when a process ``pid`` exists on this host (one we may not signal counts as alive)."""
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def this_host() -> str:
    """This machine's name, as recorded in locks."""
    return socket.gethostname()


def lock_is_stale(
    lock: Lock,
    now: datetime,
    *,
    host: str,
    alive: Callable[[int], bool] = pid_alive,
    stale_after: timedelta = STALE_AFTER,
) -> bool:
    """True when the heartbeat is older than ``stale_after``, or the holder ran on ``host`` (this
    one) and its process is gone. A lock from another host is only judged by its heartbeat."""
    if now - lock.heartbeat_at > stale_after:
        return True
    return lock.host == host and not alive(lock.pid)


def decide_lock(
    existing: Lock | None,
    mine: Lock,
    now: datetime,
    *,
    parent_pid: int | None = None,
    alive: Callable[[int], bool] = pid_alive,
    stale_after: timedelta = STALE_AFTER,
) -> Lock | None:
    """The lock row to write, or None when the source is busy.

    Free or stale: ours. Already ours (same holder): refreshed. Held on our host by
    ``parent_pid`` (a scheduler that locked the source, then started us to crawl it): adopted,
    keeping the parent's holder so either process can release it, with our pid.
    """
    if existing is None or lock_is_stale(
        existing, now, host=mine.host, alive=alive, stale_after=stale_after
    ):
        return mine
    if existing.holder == mine.holder:
        return replace(mine, acquired_at=existing.acquired_at)
    if parent_pid is not None and existing.host == mine.host and existing.pid == parent_pid:
        return replace(existing, pid=mine.pid, heartbeat_at=now)
    return None


def claim_lock(
    db: sqlite_utils.Database,
    source: str,
    holder: str,
    now: datetime,
    *,
    pid: int | None = None,
    host: str | None = None,
    parent_pid: int | None = None,
    alive: Callable[[int], bool] = pid_alive,
    stale_after: timedelta = STALE_AFTER,
) -> Claim:
    """Try to lock ``source`` for ``holder`` (atomic: one BEGIN IMMEDIATE transaction)."""
    mine = Lock(source, holder, os.getpid() if pid is None else pid, host or this_host(), now, now)

    def decide(row: dict[str, Any] | None) -> dict[str, Any] | None:
        existing = Lock.from_row(row) if row else None
        chosen = decide_lock(
            existing, mine, now, parent_pid=parent_pid, alive=alive, stale_after=stale_after
        )
        return chosen.row() if chosen else None

    written, found = store.claim_lock_row(db, source, decide)
    if written is not None:
        return Claim(Lock.from_row(written))
    return Claim(None, Lock.from_row(found) if found else None)


def acquire_lock(
    db: sqlite_utils.Database, source: str, holder: str, now: datetime, **options: Any
) -> bool:
    """True when ``holder`` now holds ``source``'s lock (see :func:`claim_lock` for options)."""
    return claim_lock(db, source, holder, now, **options).held is not None


def release_lock(db: sqlite_utils.Database, source: str, holder: str) -> bool:
    """Release ``source``'s lock if ``holder`` holds it; False if it was not held by ``holder``."""
    return store.delete_lock(db, source, holder)


def busy_message(lock: Lock) -> str:
    """The line printed when a source is skipped because someone else crawls it."""
    return (
        f"{lock.source} is being crawled by pid {lock.pid} on {lock.host} since "
        f"{store.iso(lock.acquired_at)}, skipping"
    )


@contextlib.contextmanager
def locked(
    db: sqlite_utils.Database,
    source: str,
    holder: str,
    *,
    clock: Clock = SYSTEM_CLOCK,
    **options: Any,
) -> Iterator[Claim]:
    """Hold ``source``'s lock for the block; yields the Claim (``held`` is None when busy)."""
    claim = claim_lock(db, source, holder, clock.now(), **options)
    try:
        yield claim
    finally:
        if claim.held is not None:
            release_lock(db, source, claim.held.holder)


def crawl_holder() -> str:
    """The holder name of a `wirecrawl crawl` process."""
    return f"crawl@{this_host()}:{os.getpid()}"


@contextlib.contextmanager
def crawl_locks(
    db_path: Path | str,
    names: Sequence[str],
    *,
    clock: Clock = SYSTEM_CLOCK,
    heartbeat_every: timedelta | None = HEARTBEAT_EVERY,
    alive: Callable[[int], bool] = pid_alive,
) -> Iterator[dict[str, Lock]]:
    """Lock each named source for this crawl process; yields the busy ones as {name: Lock}.

    A lock our parent scheduler took for us is adopted. While the block runs a daemon thread
    moves the heartbeats on every ``heartbeat_every`` (None: no thread); on exit the locks we
    hold are released, also when the crawl raised.
    """
    holder = crawl_holder()
    held: list[Lock] = []
    busy: dict[str, Lock] = {}
    stop = threading.Event()
    beat = None
    try:
        with store.opened(db_path) as db:
            for name in names:
                claim = claim_lock(
                    db, name, holder, clock.now(), parent_pid=os.getppid(), alive=alive
                )
                if claim.held is not None:
                    held.append(claim.held)
                elif claim.blocker is not None:
                    busy[name] = claim.blocker
        if held and heartbeat_every is not None:
            beat = threading.Thread(
                target=_heartbeat_loop,
                args=(db_path, held, stop, heartbeat_every.total_seconds(), clock),
                name="wirecrawl-lock-heartbeat",
                daemon=True,
            )
            beat.start()
        yield busy
    finally:
        stop.set()
        if beat is not None:
            beat.join(timeout=5)
        with store.opened(db_path) as db:
            for lock in held:
                release_lock(db, lock.source, lock.holder)


def _heartbeat_loop(
    db_path: Path | str, held: Sequence[Lock], stop: threading.Event, every: float, clock: Clock
) -> None:
    while not stop.wait(every):
        try:
            with store.opened(db_path) as db:
                for lock in held:
                    store.heartbeat_lock(db, lock.source, lock.holder, clock.now())
        except sqlite3.Error:
            continue  # a busy database: the next beat tries again, well before staleness


# --- crawl processes --------------------------------------------------------------------------


class Child(Protocol):
    """A started crawl: a subprocess.Popen-like handle."""

    pid: int

    def poll(self) -> int | None: ...

    def send_signal(self, signum: int) -> None: ...

    def kill(self) -> None: ...

    def tail(self, lines: int = 5) -> list[str]: ...

    def close(self) -> None: ...


Launcher = Callable[[Source], Child]


class ProcessChild:
    """A crawl subprocess whose output goes to a log file (a temporary one by default)."""

    def __init__(self, command: Sequence[str], log: IO[bytes]) -> None:
        self.log = log
        # A session of its own: Ctrl-C in a terminal reaches the scheduler only, which forwards
        # one SIGTERM (Scrapy treats a second signal as "stop now, unclean").
        self.process = subprocess.Popen(
            list(command),
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        self.pid = self.process.pid

    def poll(self) -> int | None:
        return self.process.poll()

    def send_signal(self, signum: int) -> None:
        with contextlib.suppress(ProcessLookupError):
            self.process.send_signal(signum)

    def kill(self) -> None:
        with contextlib.suppress(ProcessLookupError):
            self.process.kill()

    def tail(self, lines: int = 5) -> list[str]:
        """The last non-empty lines the crawl printed."""
        self.log.flush()
        self.log.seek(0, os.SEEK_END)
        size = self.log.tell()
        self.log.seek(max(0, size - 8192))
        text = self.log.read().decode("utf-8", "replace")
        return [line for line in text.splitlines() if line.strip()][-lines:]

    def close(self) -> None:
        self.log.close()


def crawl_command(db_path: Path, sources_file: Path | None) -> Callable[[Source], list[str]]:
    """The command that crawls one source: ``python -m wirecrawl crawl NAME --db ... --quiet``."""

    def command(source: Source) -> list[str]:
        argv = [sys.executable, "-m", "wirecrawl", "crawl", source.name]
        argv += ["--db", str(Path(db_path).resolve()), "--quiet"]
        if sources_file is not None:
            argv += ["--sources", str(Path(sources_file).resolve())]
        return argv

    return command


def process_launcher(
    command: Callable[[Source], Sequence[str]], log_dir: Path | None = None
) -> Launcher:
    """A Launcher running ``command(source)`` as a subprocess; output is appended to
    ``log_dir/NAME.log``, or kept in a temporary file (for the failure tail) when None."""

    def launch(source: Source) -> Child:
        if log_dir is not None:
            log_dir.mkdir(parents=True, exist_ok=True)
            log: IO[bytes] = open(log_dir / f"{source.name}.log", "a+b")  # noqa: SIM115
        else:
            log = tempfile.TemporaryFile()  # noqa: SIM115
        try:
            return ProcessChild(command(source), log)
        except BaseException:
            log.close()
            raise

    return launch


# --- the scheduler ----------------------------------------------------------------------------


@dataclass
class Running:
    """A crawl this scheduler started and has not yet seen end."""

    source: Source
    child: Child
    started: datetime
    after_run_id: int
    last_beat: datetime
    signalled: bool = False


@dataclass(frozen=True)
class Finished:
    """How one crawl ended, as the scheduler recorded it."""

    source: str
    outcome: str
    started: datetime
    finished: datetime
    pages: int = 0
    added: int = 0
    state: State | None = None


@dataclass
class Report:
    """What a scheduler did: crawls finished, sources skipped because they were (being) crawled
    elsewhere, runs marked killed, and (with --once) the sources not yet due."""

    finished: list[Finished] = field(default_factory=list)
    busy: list[str] = field(default_factory=list)
    swept: list[int] = field(default_factory=list)
    not_due: dict[str, datetime | None] = field(default_factory=dict)


def stamp(moment: datetime) -> str:
    """A compact UTC time for log lines: 2026-11-28T12:00:00Z."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class Scheduler:
    """Runs each source's crawl when it is due, at most ``max_parallel`` at once.

    ``run()`` loops until stopped (or, with ``once``, until the sources due at the start have
    been crawled). Each pass (:meth:`step`) reaps finished crawls, keeps heartbeats, marks runs
    whose process vanished as 'killed', and starts due crawls whose lock it can take. ``say``
    receives one line per event.
    """

    def __init__(
        self,
        db: sqlite_utils.Database,
        sources: Sequence[Source],
        launcher: Launcher,
        *,
        clock: Clock = SYSTEM_CLOCK,
        max_parallel: int = 4,
        once: bool = False,
        say: Callable[[str], None] = print,
        poll: float = 1.0,
        alive: Callable[[int], bool] = pid_alive,
        stale_after: timedelta = STALE_AFTER,
        host: str | None = None,
    ) -> None:
        self.db = db
        self.sources = {s.name: s for s in sources}
        self.launcher = launcher
        self.clock = clock
        self.max_parallel = max(1, max_parallel)
        self.once = once
        self.say = say
        self.poll = poll
        self.alive = alive
        self.stale_after = stale_after
        self.host = host or this_host()
        self.holder = f"schedule@{self.host}:{os.getpid()}:{uuid.uuid4().hex[:8]}"
        self.running: dict[str, Running] = {}
        self.not_before: dict[str, datetime] = {}
        self.pending: list[str] | None = None
        self.report = Report()
        self.stopping = False
        self.killing = False
        self._next_sweep: datetime | None = None

    # signals arrive here (from the handlers :func:`serve` installs) -----------------------

    def request_stop(self) -> None:
        """Start no more crawls; forward SIGTERM to running ones and end when they have."""
        self.stopping = True

    def request_kill(self) -> None:
        """SIGKILL running crawls and end as soon as they are reaped."""
        self.stopping = self.killing = True

    # the loop ---------------------------------------------------------------------------

    def run(self) -> Report:
        """Loop until done; returns the report. A database error (say, locked for longer than
        the busy timeout) is reported and the pass retried after :data:`DB_RETRY`."""
        while True:
            try:
                wait = self.step()
            except sqlite3.OperationalError as exc:
                self.say(f"{stamp(self.clock.now())} error database: {exc}; retrying")
                wait = DB_RETRY.total_seconds()
            if self.done():
                return self.report
            self.clock.sleep(wait)

    def done(self) -> bool:
        """True when nothing runs and nothing more will be started."""
        if self.running:
            return False
        return self.stopping or (self.once and self.pending is not None and not self.pending)

    def step(self) -> float:
        """One pass of the loop; returns the seconds to sleep before the next."""
        now = self.clock.now()
        self._reap(now)
        self._heartbeat(now)  # also while stopping: a graceful shutdown can take minutes
        if self.killing:
            for run in self.running.values():
                run.child.kill()
                run.signalled = True
            return min(self.poll, 0.05)
        if self.stopping:
            for run in self.running.values():
                if not run.signalled:
                    self.say(f"{stamp(now)} stop  {run.source.name}: sent SIGTERM")
                    run.child.send_signal(signal.SIGTERM)
                    run.signalled = True
            return self.poll
        if self._next_sweep is None or now >= self._next_sweep:
            self.sweep(now)
            self._next_sweep = now + SWEEP_EVERY
        next_due = self._launch_due(now)
        if self.running or next_due is None:
            return self.poll
        return max(0.0, min(self.poll, (next_due - now).total_seconds()))

    def due_times(self) -> dict[str, datetime | None]:
        """When each scheduled source is next due (None: at once), from runs and backoff."""
        latest = store.latest_runs(self.db)
        states = store.schedule_states(self.db)
        result = {}
        for name, source in self.sources.items():
            state = State.from_row(name, states.get(name))
            last = store.parse_iso(latest[name]["started_at"]) if name in latest else None
            result[name] = due_at(source.interval, last, state.backoff_until)
        return result

    def _launch_due(self, now: datetime) -> datetime | None:
        """Start due crawls while there is room; returns when the next one falls due."""
        dues = self.due_times()
        if self.once and self.pending is None:
            self.pending = [n for n, d in sorted(dues.items(), key=_due_key) if is_due(d, now)]
            self.report.not_due = {n: d for n, d in dues.items() if not is_due(d, now)}
        candidates = (
            self.pending if self.once else [n for n, _ in sorted(dues.items(), key=_due_key)]
        )
        upcoming: list[datetime] = []
        for name in list(candidates or []):
            if name in self.running:
                continue
            due = dues[name]
            wait_until = self.not_before.get(name)
            if wait_until is not None and wait_until > now:
                upcoming.append(wait_until)
                continue
            if not is_due(due, now):
                if self.pending is not None and name in self.pending:
                    self.pending.remove(name)  # crawled by someone else since --once began
                    self.report.busy.append(name)
                elif due is not None:
                    upcoming.append(due)
                continue
            if len(self.running) >= self.max_parallel:
                break
            self._start(self.sources[name], now)
        return min(upcoming, default=None)

    def _start(self, source: Source, now: datetime) -> None:
        claim = claim_lock(
            self.db,
            source.name,
            self.holder,
            now,
            host=self.host,
            alive=self.alive,
            stale_after=self.stale_after,
        )
        if self.pending is not None and source.name in self.pending:
            self.pending.remove(source.name)
        if claim.held is None:
            self.not_before[source.name] = now + min(BUSY_RETRY, source.interval)
            self.report.busy.append(source.name)
            blocker = claim.blocker
            self.say(f"{stamp(now)} skip  {busy_message(blocker) if blocker else source.name}")
            return
        after = store.max_run_id(self.db)
        try:
            child = self.launcher(source)
        except OSError as exc:
            self.say(f"{stamp(now)} error {source.name}: could not start the crawl: {exc}")
            try:
                self._record(source, "crashed", now, now, None, {"wirecrawl/errors/launch": 1})
            finally:
                release_lock(self.db, source.name, self.holder)
            return
        self.running[source.name] = Running(source, child, now, after, now)
        self.say(f"{stamp(now)} start {source.name} (pid {child.pid})")

    def _reap(self, now: datetime) -> None:
        for name, run in list(self.running.items()):
            code = run.child.poll()
            if code is None:
                continue
            del self.running[name]
            try:
                self._finish(run, code, now)
            finally:
                run.child.close()
                release_lock(self.db, name, self.holder)

    def _finish(self, run: Running, code: int, now: datetime) -> None:
        name = run.source.name
        row = store.run_of_process(self.db, name, run.child.pid, run.after_run_id)
        if row is not None and row["outcome"] == "running":
            store.set_run_outcome(self.db, row["id"], "killed", now)
            row = store.get_run(self.db, row["id"])
        if row is None and code == BUSY_EXIT:
            self.not_before[name] = now + min(BUSY_RETRY, run.source.interval)
            self.report.busy.append(name)
            self.say(f"{stamp(now)} skip  {name}: the crawl found it busy")
            return
        if row is None:
            outcome = "killed" if code < 0 else "crashed"
            stats = {"wirecrawl/errors/crawl-exit": 1, "exit_code": code}
            self._record(run.source, outcome, run.started, now, run, stats)
            return
        self._conclude(run.source, row, run.started, now, run)

    def _record(
        self,
        source: Source,
        outcome: str,
        started: datetime,
        now: datetime,
        run: Running | None,
        stats: dict[str, Any],
    ) -> None:
        """Write a run row for a crawl that left none (it never started, or died at once)."""
        pid = run.child.pid if run else None
        run_id = store.start_run(self.db, source.name, started, pid=pid)
        store.finish_run(self.db, run_id, now, outcome, stats)
        row = store.get_run(self.db, run_id)
        assert row is not None
        self._conclude(source, row, started, now, run)

    def _conclude(
        self,
        source: Source,
        row: Mapping[str, Any],
        started: datetime,
        now: datetime,
        run: Running | None,
    ) -> None:
        outcome = str(row["outcome"])
        states = store.schedule_states(self.db)
        state = State.from_row(source.name, states.get(source.name))
        run_started = store.parse_iso(row.get("started_at")) or started
        if run is not None and run.signalled:  # we stopped it: not the source's fault
            due = due_at(source.interval, run_started, state.backoff_until)
            state = replace(state, next_due=due, last_run_id=row["id"], last_outcome=outcome)
        else:
            state = after_run(state, outcome, run_started, now, source.interval, row["id"])
        store.save_schedule_state(self.db, state_row(state, now))
        finished = Finished(
            source=source.name,
            outcome=outcome,
            started=started,
            finished=now,
            pages=int(row.get("pages_fetched") or 0),
            added=int(row.get("stories_added") or 0),
            state=state,
        )
        self.report.finished.append(finished)
        self.say(finish_line(finished))
        if outcome != "ok" and outcome not in NEUTRAL_OUTCOMES and run is not None:
            for line in run.child.tail():
                self.say(f"    {line}")

    def _heartbeat(self, now: datetime) -> None:
        for run in self.running.values():
            if now - run.last_beat >= HEARTBEAT_EVERY:
                store.heartbeat_lock(self.db, run.source.name, self.holder, now)
                run.last_beat = now

    def sweep(self, now: datetime) -> list[int]:
        """Mark 'killed' the runs still 'running' whose process is gone from this host.

        Our own children are skipped (their runs are settled when reaped), and so is a run whose
        source is locked, with a fresh heartbeat, by that pid on another host.
        """
        ours = {run.child.pid for run in self.running.values()}
        foreign = {
            (lock.source, lock.pid)
            for lock in map(Lock.from_row, store.list_locks(self.db))
            if lock.host != self.host
            and not lock_is_stale(lock, now, host=self.host, stale_after=self.stale_after)
        }
        marked = []
        for row in store.running_runs(self.db):
            pid = row["pid"]
            if pid is None or pid in ours or (row["source"], pid) in foreign or self.alive(pid):
                continue
            if store.set_run_outcome(self.db, row["id"], "killed", now):
                marked.append(row["id"])
                self.say(
                    f"{stamp(now)} mark  run {row['id']} of {row['source']} killed "
                    f"(pid {pid} is gone, started {row['started_at']})"
                )
        self.report.swept.extend(marked)
        return marked


def _due_key(item: tuple[str, datetime | None]) -> tuple[int, str, str]:
    name, due = item
    return (0 if due is None else 1, store.iso(due) or "", name)


def finish_line(done: Finished) -> str:
    """One line for a finished crawl: source, outcome, pages, added, duration, next retry."""
    took = short_duration((done.finished - done.started).total_seconds())
    line = (
        f"{stamp(done.finished)} done  {done.source} {done.outcome}: {done.pages} pages, "
        f"{done.added} added, {took}"
    )
    state = done.state
    if state is not None and state.failures and state.backoff_until is not None:
        line += f"; failure {state.failures} in a row, next try after {stamp(state.backoff_until)}"
    return line


def summary_lines(report: Report, now: datetime) -> list[str]:
    """The short summary printed when ``schedule --once`` ends."""
    by_outcome: dict[str, list[str]] = {}
    for done in report.finished:
        by_outcome.setdefault(done.outcome, []).append(done.source)
    counts = ", ".join(
        f"{len(names)} {outcome}" + ("" if outcome == "ok" else f" ({', '.join(names)})")
        for outcome, names in sorted(by_outcome.items())
    )
    lines = [f"{len(report.finished)} crawl(s) run" + (f": {counts}" if counts else "")]
    if report.busy:
        lines.append(f"skipped, crawled elsewhere: {', '.join(report.busy)}")
    if report.not_due:
        soonest = sorted((d, n) for n, d in report.not_due.items() if d is not None)
        if soonest:
            when, name = soonest[0]
            lines.append(
                f"{len(report.not_due)} not due yet; next: {name} in "
                f"{short_duration((when - now).total_seconds())}"
            )
    if report.swept:
        lines.append(f"marked killed: run(s) {', '.join(map(str, report.swept))}")
    return lines


def serve(scheduler: Scheduler) -> int:
    """Run ``scheduler`` with SIGTERM/SIGINT handling; returns the process exit code.

    The first signal stops starting crawls, forwards SIGTERM to running ones and waits for them
    (exit 0). A second signal SIGKILLs them (exit 128 + signal number).
    """
    received: list[int] = []

    def handle(signum: int, frame: Any) -> None:
        received.append(signum)
        if len(received) == 1:
            scheduler.say(
                f"{stamp(scheduler.clock.now())} got {signal.Signals(signum).name}: "
                "stopping after running crawls finish (again to kill them)"
            )
            scheduler.request_stop()
        else:
            scheduler.request_kill()

    previous = {sig: signal.signal(sig, handle) for sig in (signal.SIGTERM, signal.SIGINT)}
    try:
        scheduler.run()
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    return 128 + received[-1] if len(received) > 1 else 0
