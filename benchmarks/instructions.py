"""Instructions a page, counted by valgrind's callgrind, to compare two versions of the per-page
code where timings cannot: on this shared machine the same crawl moves by 10-30% from one minute
to the next, while an instruction count repeats within about 0.2% (same inputs, hash seed fixed).

``make instructions`` (or ``.venv/bin/python -m benchmarks.instructions --against HEAD``) runs the
per-page work over the benchmark's own pages under callgrind, once without the measured pages
and once with them, for the working tree and for a git revision checked out in a temporary
worktree, and prints instructions a page for each and the change. Instructions are not seconds
(a cache miss costs more than an add), so a change that moves memory rather than work still
needs an interleaved timing; but for Python-level changes they are the steadier figure.

Workloads (``--stage``): ``extract`` (``story_from_page``: decoding, the parse, every layer of
extraction) and ``pipeline`` (each page through every stage of ``benchmarks.stages`` but the
plain parse, with a fresh database, batches written as the crawl writes them).

Needs valgrind (Debian's package ``valgrind``).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STAGES = ("extract", "pipeline")
WARMUP = 20  # pages run in both counts: first-use costs (imports, caches) cancel out
_COLLECTED = re.compile(r"Collected\s*:\s*(\d+)")


@dataclass(frozen=True)
class Count:
    """Instructions a page of one source tree."""

    label: str
    tree: Path
    per_page: int


def collected(output: str) -> int:
    """The total instruction count callgrind reports on exit (ValueError if it reported none)."""
    found = _COLLECTED.findall(output)
    if not found:
        raise ValueError("callgrind reported no instruction count:\n" + output[-2000:])
    return int(found[-1])


def child_command(tree: Path, site: Path, stage: str, pages: int, measured: bool) -> list[str]:
    """The command callgrind runs: this module's ``--child`` mode on ``tree``'s code."""
    return [
        sys.executable,
        "-m",
        "benchmarks.instructions",
        "--child",
        "--tree",
        str(tree),
        "--site",
        str(site),
        "--stage",
        stage,
        "--pages",
        str(pages if measured else 0),
    ]


def count(tree: Path, site: Path, stage: str, pages: int, valgrind: str = "valgrind") -> int:
    """Instructions a page of ``stage`` with ``tree``'s code: two runs under callgrind, with and
    without the measured pages, so start-up, loading and warm-up cancel out."""
    totals = []
    env = {**os.environ, "PYTHONHASHSEED": "0", "PYTHONPATH": str(ROOT)}
    with tempfile.TemporaryDirectory(prefix="wirecrawl-callgrind-") as scratch:
        for measured in (False, True):
            command = [
                valgrind,
                "--tool=callgrind",
                f"--callgrind-out-file={scratch}/callgrind.out",
                *child_command(tree, site, stage, pages, measured),
            ]
            done = subprocess.run(command, capture_output=True, text=True, env=env, cwd=ROOT)
            if done.returncode != 0:
                raise RuntimeError(
                    f"{' '.join(command[:2])} on {tree} failed ({done.returncode}):\n"
                    + done.stderr[-2000:]
                )
            totals.append(collected(done.stderr))
    return (totals[1] - totals[0]) // pages


def run_child(tree: Path, site: Path, stage: str, pages: int) -> None:
    """Load the pages, warm up on ``WARMUP`` of them, then run ``pages`` more (0: none)."""
    sys.path.insert(0, str(tree))  # this tree's wirecrawl, ahead of the installed one
    from benchmarks.stages import load_pages

    cases = load_pages(site, WARMUP + pages)
    if stage == "extract":
        from datetime import UTC, datetime

        from benchmarks.site import load_site, sample_sources
        from wirecrawl.process import story_from_page

        sources = sample_sources(load_site(site).port)
        now = datetime(2026, 11, 20, tzinfo=UTC)
        headers = {"Content-Type": "text/html"}
        for case in [*cases[:WARMUP], *cases[WARMUP:][:pages]]:
            story_from_page(
                case.body, case.url, source=sources[case.site], fetched_at=now, headers=headers
            )
        return
    import benchmarks.bench_extract as plain
    from benchmarks.site import NOW, load_site
    from benchmarks.stages import Pipeline, StageClock

    plain.plain_parse = lambda text: None  # the baseline's own work is not ours to count
    with tempfile.TemporaryDirectory(prefix="wirecrawl-instructions-") as scratch:
        pipeline = Pipeline(Path(scratch) / "pages.db", load_site(site).port)
        clock = StageClock()
        for case in [*cases[:WARMUP], *cases[WARMUP:][:pages]]:
            pipeline.page(case, clock, NOW)
        pipeline.close(clock)


def worktree(revision: str, folder: Path) -> Path:
    """``revision`` checked out (detached) in ``folder``; ValueError naming it if git cannot."""
    done = subprocess.run(
        ["git", "worktree", "add", "--detach", "--quiet", str(folder), revision],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        raise ValueError(f"cannot check out {revision!r}: {done.stderr.strip()}")
    return folder


def remove_worktree(folder: Path) -> None:
    subprocess.run(
        ["git", "worktree", "remove", "--force", str(folder)], cwd=ROOT, capture_output=True
    )


def render(counts: Sequence[Count], stage: str, pages: int) -> str:
    """The table: instructions a page for each tree, and the change against the first."""
    lines = [f"instructions a page, {stage}, {pages} pages (callgrind, PYTHONHASHSEED=0)"]
    first = counts[0].per_page
    for item in counts:
        change = "" if item is counts[0] else f"  {100 * (item.per_page - first) / first:+.2f}%"
        lines.append(f"  {item.label:<24} {item.per_page:>14,}{change}")
    return "\n".join(lines)


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Count the instructions a page takes under valgrind's callgrind, for the "
        "working tree and, with --against, a git revision beside it (needs valgrind)."
    )
    parser.add_argument("--against", metavar="REV", help="a git revision to count beside")
    parser.add_argument(
        "--stage",
        choices=STAGES,
        default="extract",
        help="extract: story_from_page only; pipeline: every stage, storage included",
    )
    parser.add_argument("--pages", type=int, default=100, help="measured pages (default 100)")
    parser.add_argument("--site", type=Path, help="a rendered benchmark site (default: render)")
    parser.add_argument("--stories", type=int, default=5000, help="per site, when rendering")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--tree", type=Path, default=ROOT, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.pages < 0 or (args.pages == 0 and not args.child):
        parser.error(f"--pages must be at least 1, got {args.pages}")
    return args


def main(argv: Sequence[str] | None = None) -> list[Count]:
    args = parse_args(argv)
    if args.child:
        run_child(args.tree, args.site, args.stage, args.pages)
        return []
    valgrind = shutil.which("valgrind")
    if valgrind is None:
        sys.exit("benchmarks.instructions needs valgrind: run 'sudo apt-get install -y valgrind'")
    site = args.site
    if site is None:
        from benchmarks.site import render_site

        site = render_site(args.stories).root
    counts: list[Count] = []
    with tempfile.TemporaryDirectory(prefix="wirecrawl-revision-") as scratch:
        trees = [("working tree", ROOT)]
        if args.against:
            trees.insert(0, (args.against, worktree(args.against, Path(scratch) / "tree")))
        try:
            for label, tree in trees:
                print(f"counting {label} ({args.pages} pages, two runs under callgrind)...")
                per_page = count(tree, site, args.stage, args.pages, valgrind)
                counts.append(Count(label, tree, per_page))
        finally:
            if args.against:
                remove_worktree(Path(scratch) / "tree")
    print(render(counts, args.stage, args.pages))
    return counts


if __name__ == "__main__":
    main()
