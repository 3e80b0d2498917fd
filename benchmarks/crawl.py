"""Measuring one crawl process: wall time, CPU of the whole process tree, peak memory, pages.

`measure` starts a command and reaps it with ``os.wait4``, whose rusage covers the process and
every descendant it waited for (wirecrawl's worker processes included); while it runs, the
resident memory of the process tree is sampled from /proc. `run_wirecrawl` and `run_baseline`
wrap the two kinds of crawl and read back what each did: pages stored (wirecrawl, from the
fresh database) or parsed (baseline, from its stats file), and the seconds between the Scrapy
engine's start and finish, which is what pages per second are counted over.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
PAGE_BYTES = os.sysconf("SC_PAGE_SIZE")
VENV_BIN = Path(sys.executable).parent


def _children(pid: int) -> list[int]:
    """Direct children of ``pid`` from /proc (empty once it has exited)."""
    found: list[int] = []
    try:
        for task in Path(f"/proc/{pid}/task").iterdir():
            text = (task / "children").read_text()
            found += [int(p) for p in text.split()]
    except OSError:
        return []
    return found


def process_tree(pid: int) -> list[int]:
    """``pid`` and all its living descendants."""
    tree, pending = [], [pid]
    while pending:
        current = pending.pop()
        tree.append(current)
        pending += _children(current)
    return tree


def process_cpu_seconds(pid: int, *, reaped_children: bool = True) -> float:
    """User + system CPU of one process from /proc/<pid>/stat, plus its reaped children's.

    0.0 for a process that no longer exists.
    """
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return 0.0
    fields = text.rsplit(")", 1)[1].split()
    # fields[0] is the state (stat field 3): utime, stime, cutime, cstime are fields 14-17
    ticks = int(fields[11]) + int(fields[12])
    if reaped_children:
        ticks += int(fields[13]) + int(fields[14])
    return ticks / CLOCK_TICKS


def tree_cpu_seconds(pid: int) -> float:
    """CPU used so far by a process tree: living members plus children they have reaped."""
    return sum(process_cpu_seconds(p) for p in process_tree(pid))


def tree_rss_mb(pid: int) -> float:
    """Resident memory of a process tree now, in MB (shared pages counted once per process)."""
    total = 0
    for member in process_tree(pid):
        try:
            total += int(Path(f"/proc/{member}/statm").read_text().split()[1])
        except (OSError, IndexError, ValueError):
            continue
    return total * PAGE_BYTES / 2**20


@dataclass
class Measured:
    """What a finished process cost: seconds, CPU of its tree, memory, and its exit status."""

    returncode: int
    wall_s: float
    user_s: float
    sys_s: float
    max_rss_mb: float
    tree_peak_rss_mb: float
    server_cpu_s: float | None = None
    timed_out: bool = False

    @property
    def cpu_s(self) -> float:
        """User + system seconds of the process and every descendant it reaped."""
        return self.user_s + self.sys_s


def kill_tree(pid: int) -> None:
    """SIGKILL a process and all its descendants (no graceful shutdown: used on timeouts)."""
    import signal

    for member in reversed(process_tree(pid)):
        try:
            os.kill(member, signal.SIGKILL)
        except ProcessLookupError:
            continue


def measure(
    command: Sequence[str],
    *,
    env: Mapping[str, str] | None = None,
    log: Path | None = None,
    server_cpu: Any = None,
    interval: float = 0.1,
    timeout: float = 3600.0,
    cwd: Path = ROOT,
) -> Measured:
    """Run ``command`` in ``cwd`` to completion and measure it (output goes to ``log``).

    ``server_cpu`` is an optional callable giving the server's CPU seconds so far; the delta
    over the run is recorded. After ``timeout`` seconds the process tree is killed and the
    result says ``timed_out``; if this function is interrupted, the tree is killed too.
    """
    server_before = server_cpu() if server_cpu else None
    out = log.open("wb") if log else subprocess.DEVNULL
    started = time.perf_counter()
    process = subprocess.Popen(
        list(command), env=dict(env) if env else None, stdout=out, stderr=out, cwd=cwd
    )
    peak, timed_out = 0.0, False
    try:
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            peak = max(peak, tree_rss_mb(process.pid))
            if not timed_out and time.perf_counter() - started > timeout:
                kill_tree(process.pid)
                timed_out = True
            time.sleep(interval)
    except BaseException:
        kill_tree(process.pid)
        process.wait()
        raise
    finally:
        if log:
            out.close()  # type: ignore[union-attr]
    wall = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    return Measured(
        returncode=process.returncode,
        wall_s=wall,
        user_s=usage.ru_utime,
        sys_s=usage.ru_stime,
        max_rss_mb=usage.ru_maxrss / 1024,
        tree_peak_rss_mb=max(peak, usage.ru_maxrss / 1024),
        server_cpu_s=(server_cpu() - server_before) if server_cpu else None,
        timed_out=timed_out,
    )


@dataclass
class CrawlRun:
    """One measured crawl: which variant, how many pages over how many seconds, at what cost."""

    variant: str
    pages: int
    expected: int
    elapsed_s: float
    measured: Measured
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def pages_per_s(self) -> float:
        """Article pages done per second of crawling (engine start to finish)."""
        return self.pages / self.elapsed_s if self.elapsed_s > 0 else 0.0

    @property
    def cpu_ms_per_page(self) -> float:
        """CPU milliseconds of the crawl's process tree per article page."""
        return 1000 * self.measured.cpu_s / self.pages if self.pages else 0.0

    @property
    def complete(self) -> bool:
        """Every expected page was done and the process exited cleanly in time."""
        ok = self.measured.returncode == 0 and not self.measured.timed_out
        return ok and self.pages == self.expected

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready figures, derived ones included."""
        return {
            "variant": self.variant,
            "pages": self.pages,
            "expected": self.expected,
            "complete": self.complete,
            "elapsed_s": round(self.elapsed_s, 2),
            "pages_per_s": round(self.pages_per_s, 1),
            "cpu_s": round(self.measured.cpu_s, 2),
            "cpu_ms_per_page": round(self.cpu_ms_per_page, 2),
            **{k: _round(v) for k, v in asdict(self.measured).items()},
            **self.extra,
        }


def _round(value: Any) -> Any:
    return round(value, 2) if isinstance(value, float) else value


def _stamp(value: Any) -> datetime | None:
    return datetime.fromisoformat(value) if isinstance(value, str) and value else None


def engine_seconds(stats: Sequence[Mapping[str, Any]]) -> float:
    """Seconds from the first crawler's start to the last one's finish (Scrapy core stats)."""
    starts = [s for s in (_stamp(x.get("start_time")) for x in stats) if s]
    ends = [s for s in (_stamp(x.get("finish_time")) for x in stats) if s]
    if not starts or not ends:
        return 0.0
    return (max(ends) - min(starts)).total_seconds()


def read_crawl_db(path: Path) -> dict[str, Any]:
    """Stories stored, the runs' Scrapy stats, and the database's size on disk (WAL included)."""
    import sqlite3

    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        stories = int(conn.execute("SELECT count(*) FROM stories").fetchone()[0])
        stats = [json.loads(row[0] or "{}") for row in conn.execute("SELECT stats FROM runs")]
    finally:
        conn.close()
    size = sum(p.stat().st_size for p in path.parent.glob(path.name + "*") if p.is_file())
    return {"stories": stories, "stats": stats, "bytes": size}


def remove_db(db: Path) -> None:
    """Delete a database file with its -wal and -shm companions (no error if absent)."""
    for path in (db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")):
        path.unlink(missing_ok=True)


def wirecrawl_command(
    sources_file: Path,
    names: Sequence[str],
    db: Path,
    *,
    port: int,
    now: datetime,
    concurrency: int = 16,
    profile: Path | None = None,
    profile_interval: float = 0.005,
) -> list[str]:
    """The ``wirecrawl crawl`` command line (under pyinstrument when ``profile`` is given)."""
    args = ["crawl", *names, "--sources", str(sources_file), "--db", str(db)]
    args += ["--port", str(port), "--delay", "0", "--concurrency", str(concurrency)]
    args += ["--full", "--quiet", "--now", now.isoformat()]
    if profile is None:
        return [str(VENV_BIN / "wirecrawl"), *args]
    return [
        sys.executable,
        "-m",
        "pyinstrument",
        "-i",
        str(profile_interval),
        "-r",
        "pyisession",
        "-o",
        str(profile),
        "-m",
        "wirecrawl",
        *args,
    ]


def crawl_env(workers: int | None) -> dict[str, str]:
    """This environment with ``WIRECRAWL_WORKERS`` set (or removed, for None)."""
    env = dict(os.environ)
    env.pop("WIRECRAWL_WORKERS", None)
    if workers is not None:
        env["WIRECRAWL_WORKERS"] = str(workers)
    return env


def allocator_of(env: dict[str, str]) -> str:
    """The allocator a ``wirecrawl crawl`` started with ``env`` runs on: "jemalloc" or "system"."""
    from wirecrawl.allocator import choice, jemalloc_library

    return "jemalloc" if choice(env) != "system" and jemalloc_library() else "system"


def baseline_env() -> dict[str, str]:
    """The baseline's environment: on the allocator wirecrawl's crawls run on, so the two differ
    only in what happens to a page (jemalloc gains a plain Scrapy spider nothing measurable)."""
    from wirecrawl.allocator import jemalloc_library, preloaded_environ

    env = crawl_env(None)
    library = jemalloc_library()
    if allocator_of(env) == "jemalloc" and library:
        return preloaded_environ(env, library)
    return env


def run_wirecrawl(
    variant: str,
    command: Sequence[str],
    db: Path,
    expected: int,
    *,
    workers: int | None,
    log: Path,
    server_cpu: Any = None,
    keep_db: bool = False,
    timeout: float = 3600.0,
) -> CrawlRun:
    """Crawl into the fresh database ``db`` and measure it; pages are the stories stored.

    A crawl killed on ``timeout`` records no engine times: its rate is counted over the
    process's wall time. The database is deleted after it is read unless ``keep_db``.
    """
    remove_db(db)
    env = crawl_env(workers)
    measured = measure(command, env=env, log=log, server_cpu=server_cpu, timeout=timeout)
    if not db.exists():
        return CrawlRun(variant, 0, expected, 0.0, measured, {"workers": workers})
    found = read_crawl_db(db)
    if not keep_db:
        remove_db(db)
    return CrawlRun(
        variant,
        found["stories"],
        expected,
        engine_seconds(found["stats"]) or measured.wall_s,
        measured,
        {"workers": workers, "db_bytes": found["bytes"], "runs": len(found["stats"])},
    )


def run_baseline(
    sitemaps: Sequence[str],
    expected: int,
    *,
    stats_file: Path,
    log: Path,
    concurrency: int = 16,
    server_cpu: Any = None,
    timeout: float = 3600.0,
) -> CrawlRun:
    """The plain Scrapy spider over the same sitemaps, measured the same way."""
    command = [sys.executable, "-m", "benchmarks.baseline", "--concurrency", str(concurrency)]
    for sitemap in sitemaps:
        command += ["--sitemap", sitemap]
    command += ["--stats-out", str(stats_file)]
    stats_file.unlink(missing_ok=True)
    measured = measure(command, env=baseline_env(), log=log, server_cpu=server_cpu, timeout=timeout)
    figures = json.loads(stats_file.read_text()) if stats_file.exists() else {}
    return CrawlRun(
        "baseline",
        int(figures.get("pages", 0)),
        expected,
        float(figures.get("elapsed_s") or 0.0),
        measured,
    )
