"""``make bench``: wirecrawl against plain Scrapy on the same pre-rendered sites, served by nginx.

Steps: render the sample world once (cached under ``benchmarks/site/``), start nginx on the four
sample hosts, then in each round crawl a slice of the site with the baseline spider, with
wirecrawl in one process (``WIRECRAWL_WORKERS=0``) and on both cores (``WIRECRAWL_WORKERS=2``),
in a rotating order, and time each stage on the same pages; then crawl the whole site once for
memory, profile one one-process crawl of the slice, and measure dedup and search growth at
100,000 stories. The report is printed and written to ``benchmarks/results/``.

Run: ``.venv/bin/python -m benchmarks.run`` (``--quick`` for a reduced scale, ``--help``).
"""

from __future__ import annotations

import argparse
import json
import signal
import socket
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from benchmarks import crawl as C
from benchmarks import report as R
from benchmarks import site as S

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results"
VARIANTS = ("baseline", "one", "two")
WORKERS = {"one": 0, "two": 2}


@dataclass(frozen=True)
class Plan:
    """The scale of a run."""

    stories: int  # per site; four sites
    slice_pages: int
    rounds: int
    concurrency: int
    growth_stories: int
    memory: bool
    profile: bool
    growth: bool
    port: int
    seconds_per_1000: float
    report: Path | None = None
    compare: Path | None = None


def parse_args(argv: Sequence[str] | None) -> Plan:
    """Command-line options into a Plan; ``--quick`` shrinks every size."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stories", type=int, default=5_000, help="stories per site (x4 pages)")
    parser.add_argument("--slice", type=int, default=5_000, help="article pages per round")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--concurrency", type=int, default=16, help="requests per site")
    parser.add_argument("--growth-stories", type=int, default=100_000)
    parser.add_argument("--port", type=int, default=S.DEFAULT_PORT)
    parser.add_argument(
        "--timeout",
        type=float,
        default=60.0,
        help="seconds a crawl may take per 1,000 pages before it is killed (default 60)",
    )
    parser.add_argument(
        "--report", type=Path, help="only recompute and print the report saved in this JSON file"
    )
    parser.add_argument(
        "--compare",
        type=Path,
        help="also print the figures beside those of an earlier report (its JSON file)",
    )
    parser.add_argument("--no-memory", action="store_true", help="skip the whole-site crawl")
    parser.add_argument("--no-profile", action="store_true", help="skip the profiled crawl")
    parser.add_argument("--no-growth", action="store_true", help="skip dedup/search growth")
    parser.add_argument(
        "--quick", action="store_true", help="reduced scale: 500 stories/site, 1,000-page slice"
    )
    args = parser.parse_args(argv)
    for option, path in (("--report", args.report), ("--compare", args.compare)):
        if path is not None and not path.is_file():
            parser.error(f"{option} {path}: no such file")
    if args.quick:
        args.stories, args.slice, args.rounds = 500, 1_000, min(args.rounds, 2)
        args.growth_stories = min(args.growth_stories, 10_000)
    return Plan(
        stories=args.stories,
        slice_pages=min(args.slice, 4 * args.stories),
        rounds=args.rounds,
        concurrency=args.concurrency,
        growth_stories=args.growth_stories,
        memory=not args.no_memory,
        profile=not args.no_profile,
        growth=not args.no_growth,
        port=args.port,
        seconds_per_1000=args.timeout,
        report=args.report,
        compare=args.compare,
    )


def say(message: str) -> None:
    """Progress on stderr, stamped with the time."""
    sys.stderr.write(f"[{datetime.now(UTC):%H:%M:%S}] {message}\n")
    sys.stderr.flush()


def workers_supported(package: Path = ROOT / "wirecrawl") -> bool:
    """Whether wirecrawl reads ``WIRECRAWL_WORKERS`` (the two-core crawl) yet."""
    return any("WIRECRAWL_WORKERS" in p.read_text("utf-8") for p in package.rglob("*.py"))


def choose_port(preferred: int) -> int:
    """``preferred`` if free on every sample host, else a free port the kernel hands out."""
    if S.port_free(preferred):
        return preferred
    for _ in range(20):
        with socket.socket() as sock:
            sock.bind((next(iter(S.SAMPLE_HOSTS.values())), 0))
            port = int(sock.getsockname()[1])
        if S.port_free(port):
            return port
    raise RuntimeError("no free port on the sample hosts")


def rotation(index: int, variants: Sequence[str]) -> list[str]:
    """The variants in round ``index``'s order: each one goes first in turn."""
    shift = index % len(variants)
    return [*variants[shift:], *variants[:shift]]


def warm_page_cache(site: S.RenderedSite, paths: dict[str, list[str]]) -> int:
    """Read the slice's files once so the first crawl does not pay for the disk; bytes read."""
    return sum(len(site.file(name, p).read_bytes()) for name, ps in paths.items() for p in ps)


@dataclass(frozen=True)
class Slice:
    """A set of article pages both crawlers get: sitemaps, expected count, sources file."""

    pages: int
    sitemaps: dict[str, str]
    expected: int
    sources: Path


def make_slice(site: S.RenderedSite, pages: int, work: Path) -> Slice:
    """Write the slice's sitemaps and its wirecrawl sources file."""
    sitemaps = S.write_slice(site, pages)
    sources = work / f"sources-{pages}.toml"
    sources.write_text(S.sources_toml(S.sample_sources(site.port), sitemaps))
    expected = sum(len(v) for v in S.slice_paths(site, pages).values())
    return Slice(pages, sitemaps, expected, sources)


def crawl_timeout(plan: Plan, pages: int) -> float:
    """Seconds a crawl of ``pages`` may take before it is killed (at least two minutes)."""
    return max(120.0, plan.seconds_per_1000 * pages / 1000)


class Bench:
    """One benchmark run: its plan, site, working folder and server."""

    def __init__(self, plan: Plan, site: S.RenderedSite, work: Path, server: S.NginxServer):
        self.plan, self.site, self.work, self.server = plan, site, work, server
        self.slice = make_slice(site, plan.slice_pages, work)
        self.names = [S.bench_name(name) for name in self.slice.sitemaps]
        self.timed_out: set[str] = set()

    def wirecrawl(
        self, variant: str, tag: str, part: Slice, *, profile: Path | None = None
    ) -> C.CrawlRun:
        """One measured wirecrawl crawl of ``part`` (under pyinstrument with ``profile``)."""
        db = self.work / f"{tag}.db"
        command = C.wirecrawl_command(
            part.sources,
            self.names,
            db,
            port=self.site.port,
            now=S.NOW,
            concurrency=self.plan.concurrency,
            profile=profile,
        )
        run = C.run_wirecrawl(
            variant,
            command,
            db,
            part.expected,
            workers=WORKERS.get(variant, 0),
            log=self.work / f"{tag}.log",
            server_cpu=self.server.cpu_seconds,
            timeout=crawl_timeout(self.plan, part.expected) * (3 if profile else 1),
        )
        if run.measured.timed_out:
            self.timed_out.add(variant)
        return run

    def baseline(self, tag: str) -> C.CrawlRun:
        """One measured baseline crawl of the slice."""
        return C.run_baseline(
            list(self.slice.sitemaps.values()),
            self.slice.expected,
            stats_file=self.work / f"{tag}.json",
            log=self.work / f"{tag}.log",
            concurrency=self.plan.concurrency,
            server_cpu=self.server.cpu_seconds,
            timeout=crawl_timeout(self.plan, self.slice.expected),
        )

    def stages(self, tag: str) -> dict[str, Any]:
        """The stage benchmark over the slice's pages, in its own process."""
        out = self.work / f"{tag}.json"
        command = [sys.executable, "-m", "benchmarks.stages", "pages"]
        command += ["--site", str(self.site.root), "--pages", str(self.plan.slice_pages)]
        timeout = crawl_timeout(self.plan, self.slice.expected)
        command += ["--out", str(out), "--budget", str(timeout / 2)]
        measured = C.measure(command, log=self.work / f"{tag}.log", timeout=timeout)
        if measured.returncode != 0 or not out.exists():
            why = "timed out" if measured.timed_out else "failed"
            return {"error": f"stage benchmark {why}, see {self.work / (tag + '.log')}"}
        return dict(json.loads(out.read_text()))

    def profile(self, folder: Path) -> dict[str, Any]:
        """A one-process crawl under pyinstrument, of the slice (or of 1,000 pages when the
        one-process crawl timed out); text, HTML and speedscope files written to ``folder``."""
        part = self.slice
        if "one" in self.timed_out:
            part = make_slice(self.site, min(1_000, self.plan.slice_pages), self.work)
        session = self.work / "profile.pyisession"
        run = self.wirecrawl("profile", "profile", part, profile=session)
        if not session.exists():
            return {"error": f"profiled crawl failed, see {self.work / 'profile.log'}"}
        files = R.render_profile(session, folder)
        top = R.top_costs(session, count=20)
        session.unlink()  # hundreds of MB; the rendered files hold what is needed
        return {"run": run.as_dict(), "files": {k: str(v) for k, v in files.items()}, "top": top}


def run_rounds(bench: Bench, two_cores: bool) -> list[dict[str, Any]]:
    """Every round: the crawl variants in rotating order, then the stage benchmark.

    A wirecrawl variant that ran out of time is not run again in later rounds.
    """
    variants = [v for v in VARIANTS if two_cores or v != "two"]
    rounds = []
    for index in range(bench.plan.rounds):
        results: dict[str, Any] = {"order": rotation(index, variants)}
        for variant in results["order"]:
            if variant in bench.timed_out:
                say(f"round {index + 1} {variant}: skipped, it timed out in an earlier round")
                continue
            tag = f"round{index + 1}-{variant}"
            if variant == "baseline":
                run = bench.baseline(tag)
            else:
                run = bench.wirecrawl(variant, tag, bench.slice)
            results[variant] = run.as_dict()
            late = " (timed out)" if run.measured.timed_out else ""
            say(
                f"round {index + 1} {variant}: {run.pages}/{run.expected} pages{late}, "
                f"{run.pages_per_s:.1f} pages/s, {run.cpu_ms_per_page:.2f} CPU ms/page"
            )
        results["stages"] = bench.stages(f"round{index + 1}-stages")
        say(f"round {index + 1} stages: {_stage_line(results['stages'])}")
        rounds.append(results)
    return rounds


def _stage_line(stages: dict[str, Any]) -> str:
    if "stages" not in stages:
        return str(stages.get("error"))
    return ", ".join(f"{k} {v['us_per_page']:.0f} us" for k, v in stages["stages"].items())


def run_growth(plan: Plan, work: Path) -> dict[str, Any]:
    """Dedup and search growth in their own process; databases cached under benchmarks/site/."""
    out = work / "growth.json"
    command = [sys.executable, "-m", "benchmarks.stages", "growth"]
    command += ["--folder", str(S.SITE_ROOT / "growth"), "--large", str(plan.growth_stories)]
    command += ["--out", str(out)]
    measured = C.measure(command, log=work / "growth.log", timeout=1800)
    if measured.returncode != 0 or not out.exists():
        return {"error": f"growth benchmark failed, see {work / 'growth.log'}"}
    return dict(json.loads(out.read_text()))


def notes(report: dict[str, Any]) -> list[str]:
    """Caveats worth printing under the table."""
    found = []
    if not report["config"].get("two_cores_available"):
        found.append("WIRECRAWL_WORKERS is not in wirecrawl yet: the two-core crawl was not run")
    load = report["machine"]["load_average"][0]
    cores = report["machine"]["cores"] or 1
    if load > cores / 2:
        found.append(
            f"load average was {load:.1f} on {cores} cores before the run: other processes "
            "competed for the CPU, so rates are low and noisy"
        )
    stored = ((report.get("growth") or {}).get("search") or {}).get("stories")
    if stored is not None and stored < 100_000:
        found.append(f"growth figures are at {stored:,} stories; the targets are at 100,000")
    pages = (report.get("memory") or {}).get("pages")
    if pages is not None and pages < 20_000:
        found.append(
            f"the memory figure comes from a {pages:,}-page crawl; the target is at 20,000"
        )
    runs = [round_.get(v) for round_ in report["rounds"] for v in VARIANTS]
    runs.append(report.get("memory"))
    timed_out = {run["variant"] for run in runs if run and run.get("timed_out")}
    incomplete = [
        f"{run['variant']} ({run['pages']}/{run['expected']})"
        for run in runs
        if run and not run["complete"]
    ]
    if incomplete:
        found.append("crawls that missed pages, failed or timed out: " + ", ".join(incomplete))
    if timed_out:
        found.append(
            "timed out (their rates count the pages done by then) and not run again: "
            + ", ".join(sorted(timed_out))
            + " (see --timeout)"
        )
    return found


def _stop(signum: int, frame: Any) -> None:
    raise SystemExit(f"stopped by signal {signum}")


def main(argv: Sequence[str] | None = None) -> dict[str, Any]:
    """Run everything, print the table and the top profile costs, write the JSON."""
    signal.signal(signal.SIGTERM, _stop)  # so nginx and the temp folders are cleaned up
    plan = parse_args(argv)
    earlier = load_report(plan.compare) if plan.compare is not None else None
    if plan.report is not None:
        return report_again(plan.report, earlier)
    nginx = S.find_nginx()
    if nginx is None:
        raise SystemExit(S.NGINX_HINT)
    started = datetime.now(UTC)
    stamp = R.timestamp(started)
    work = RESULTS / f"run-{stamp}"
    work.mkdir(parents=True, exist_ok=True)
    machine = R.machine_info(S.nginx_version(nginx))
    port = choose_port(plan.port)
    say(f"rendering {plan.stories} stories per site on port {port} (cached after the first run)")
    t0 = time.perf_counter()
    site = S.render_site(plan.stories, port=port)
    say(
        f"site ready in {time.perf_counter() - t0:.1f} s: {site.article_count} articles, {site.root}"
    )
    two_cores = workers_supported()
    report: dict[str, Any] = {
        "started": started.isoformat(),
        "machine": machine,
        "config": {
            "stories_per_site": plan.stories,
            "article_pages": site.article_count,
            "slice_pages": plan.slice_pages,
            "rounds": plan.rounds,
            "concurrency": plan.concurrency,
            "port": port,
            "two_cores_available": two_cores,
        },
        "site": {
            "files": site.files,
            "render_seconds": site.render_seconds,
            "root": str(site.root),
        },
    }
    with S.serve(site.root, port) as server:
        bench = Bench(plan, site, work, server)
        warm_page_cache(site, S.slice_paths(site, plan.slice_pages))
        report["rounds"] = run_rounds(bench, two_cores)
        if plan.memory and "one" not in bench.timed_out:
            say(f"whole-site crawl for memory: {site.article_count} pages, one process")
            whole = make_slice(site, site.article_count, work)
            memory = bench.wirecrawl("one", "memory", whole)
            report["memory"] = memory.as_dict()
            say(
                f"whole site: {memory.pages}/{memory.expected} pages, "
                f"{memory.pages_per_s:.1f} pages/s, {memory.measured.tree_peak_rss_mb:.0f} MB peak"
            )
        elif plan.memory:
            say("whole-site crawl skipped: the one-process crawl of the slice timed out")
        if plan.profile:
            say("profiled one-process crawl (pyinstrument)")
            report["profile"] = bench.profile(RESULTS)
        report["nginx_cpu_s"] = round(server.cpu_seconds(), 2)
    if plan.growth:
        say(f"growth: dedup 1k vs {plan.growth_stories:,}, search at {plan.growth_stories:,}")
        report["growth"] = run_growth(plan, work)
    report["seconds"] = round((datetime.now(UTC) - started).total_seconds(), 1)
    finish(report, stamp, earlier)
    print(f"logs in {work}")
    return report


def load_report(path: Path) -> dict[str, Any]:
    """A report written by an earlier run, for ``--compare``; SystemExit naming the file when it
    is not one."""
    try:
        report = json.loads(path.read_text())
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise SystemExit(f"--compare {path}: not a benchmark report ({exc})") from exc
    if not isinstance(report, dict) or not isinstance(report.get("summary"), dict):
        raise SystemExit(f"--compare {path}: not a benchmark report (it has no summary)")
    return report


def finish(report: dict[str, Any], stamp: str, earlier: dict[str, Any] | None = None) -> None:
    """Derive summary, targets and notes from the raw figures; write and print the report
    (beside an ``earlier`` one's figures when given)."""
    report["summary"] = R.summarise(report["rounds"], report.get("growth"), report.get("memory"))
    report["targets"] = R.evaluate(report["summary"])
    report["notes"] = notes(report)
    latest, dated = R.write(report, RESULTS, stamp)
    print(R.render(report))
    top = (report.get("profile") or {}).get("top")
    if top:
        pages = ((report.get("profile") or {}).get("run") or {}).get("pages")
        size = f"{pages:,}" if isinstance(pages, int) else "?"
        print(f"\ntop costs of a one-process crawl of {size} pages (share of profiled time):")
        for name, share in top["wirecrawl"]:
            print(f"  {100 * share:5.1f}%  {name}")
        print("  self time:")
        for name, share in top["self"][:8]:
            print(f"  {100 * share:5.1f}%  {name}")
    if earlier is not None:
        print("\n" + R.render_comparison(earlier, report))
    print(f"\nwritten: {latest} and {dated}")


def report_again(path: Path, earlier: dict[str, Any] | None = None) -> dict[str, Any]:
    """Recompute and print the summary of a saved report (after changing targets or ratios)."""
    report = dict(json.loads(path.read_text()))
    stamp = R.timestamp(datetime.fromisoformat(report["started"]))
    finish(report, stamp, earlier)
    return report


if __name__ == "__main__":
    main()
