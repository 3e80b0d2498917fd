"""The benchmark report: ratios paired within each round, targets met or missed, table, JSON.

A round holds one run of each crawl variant and one stage measurement, made back to back; every
ratio is computed inside a round (so a slow moment on the machine hits both sides of it) and the
report gives the median over rounds. Growth and memory figures come from single measurements.
The profile helpers turn a pyinstrument session into text, HTML and speedscope files and a short
list of the top costs.
"""

from __future__ import annotations

import json
import os
import platform
import sqlite3
import statistics
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from importlib import metadata
from pathlib import Path
from typing import Any

PACKAGES = (
    "scrapy",
    "twisted",
    "lxml",
    "parsel",
    "dateparser",
    "numpy",
    "sqlite-utils",
    "trafilatura",
    "pyinstrument",
)


@dataclass(frozen=True)
class Target:
    """A goal of the issue: the figure it reads, how it compares, and the bound."""

    key: str
    label: str
    bound: float
    at_least: bool
    unit: str = ""

    def status(self, value: float | None) -> str:
        """ "met", "missed", or "n/a" when the figure was not measured."""
        if value is None:
            return "n/a"
        ok = value >= self.bound if self.at_least else value < self.bound
        return "met" if ok else "missed"

    def goal(self) -> str:
        """The bound as text, e.g. ">= 0.8x", "< 5%" or "< 50 ms"."""
        sign = ">=" if self.at_least else "<"
        if self.unit == "%":
            return f"{sign} {100 * self.bound:g}%"
        return f"{sign} {self.bound:g}{self.unit}"


TARGETS = (
    Target("one_process_vs_baseline", "one process / baseline, pages/s", 0.8, True, "x"),
    Target("two_cores_vs_baseline", "two cores / baseline, pages/s", 1.4, True, "x"),
    Target("dates_cpu_share", "date normalisation, share of crawl CPU", 0.05, False, "%"),
    Target("storage_cpu_share", "storage, share of crawl CPU", 0.10, False, "%"),
    Target("dedup_check_growth", "dedup check, 100k stored / 1k stored", 2.0, False, "x"),
    Target("search_median_ms", "search median at 100k stories", 50.0, False, " ms"),
    Target("crawl_peak_rss_mb", "crawl peak RSS, whole site (20k pages)", 400.0, False, " MB"),
)


def _ratio(top: float | None, bottom: float | None) -> float | None:
    if top is None or not bottom:
        return None
    return top / bottom


def _get(mapping: Mapping[str, Any] | None, *keys: str) -> Any:
    value: Any = mapping
    for key in keys:
        if not isinstance(value, Mapping):
            return None
        value = value.get(key)
    return value


def _failed(run: Any) -> bool:
    """A crawl that did not finish for another reason than its timeout."""
    if not isinstance(run, Mapping) or run.get("complete") is not False:
        return False
    return not run.get("timed_out")


def round_ratios(round_: Mapping[str, Any]) -> dict[str, float | None]:
    """The paired ratios of one round: variants against the baseline, stages against the crawl.

    ``round_`` maps "baseline", "one" and "two" to crawl figures (``CrawlRun.as_dict``) and
    "stages" to the stage figures. Missing parts, and crawls that failed or missed pages without
    running out of time, give None; a crawl killed on its timeout counts with the rate it had
    (it was slowing down, so that rate flatters it). A stage's share is its CPU per page over
    the one-process crawl's CPU per page (whole process, engine included).
    """
    round_ = {k: v for k, v in round_.items() if not _failed(v)}
    base = _get(round_, "baseline", "pages_per_s")
    crawl_us = _get(round_, "one", "cpu_ms_per_page")
    crawl_us = crawl_us * 1000 if crawl_us else None
    ratios: dict[str, float | None] = {
        "one_process_vs_baseline": _ratio(_get(round_, "one", "pages_per_s"), base),
        "two_cores_vs_baseline": _ratio(_get(round_, "two", "pages_per_s"), base),
        "one_cpu_vs_baseline_cpu": _ratio(
            _get(round_, "one", "cpu_ms_per_page"), _get(round_, "baseline", "cpu_ms_per_page")
        ),
    }
    stages = _get(round_, "stages", "stages") or {}
    for stage, figures in stages.items():
        ratios[f"{stage}_cpu_share"] = _ratio(figures.get("us_per_page"), crawl_us)
    ratios["dates_cpu_share"] = ratios.get("dates_cpu_share")
    ratios["storage_cpu_share"] = ratios.pop("store_cpu_share", None)
    return ratios


def median_of(values: Sequence[float | None]) -> float | None:
    """Median of the values that were measured (None if none were)."""
    present = [v for v in values if v is not None]
    return statistics.median(present) if present else None


def summarise(
    rounds: Sequence[Mapping[str, Any]],
    growth: Mapping[str, Any] | None,
    memory: Mapping[str, Any] | None,
) -> dict[str, Any]:
    """Medians over rounds of each variant's figures and of each paired ratio, plus growth and
    memory figures, keyed as ``TARGETS`` reads them."""
    per_round = [round_ratios(r) for r in rounds]
    keys = sorted({k for ratios in per_round for k in ratios})
    summary: dict[str, Any] = {k: median_of([r.get(k) for r in per_round]) for k in keys}
    variants: dict[str, dict[str, float | None]] = {}
    for name in ("baseline", "one", "two"):
        runs = [r[name] for r in rounds if r.get(name)]
        if runs:
            fields = ("pages_per_s", "cpu_ms_per_page", "tree_peak_rss_mb", "server_cpu_s")
            variants[name] = {f: median_of([run.get(f) for run in runs]) for f in fields}
    summary["variants"] = variants
    stage_names = {name for r in rounds for name in (_get(r, "stages", "stages") or {})}
    summary["stage_us_per_page"] = {
        name: median_of([_get(r, "stages", "stages", name, "us_per_page") for r in rounds])
        for name in sorted(stage_names, key=_stage_order)
    }
    summary["dedup_check_growth"] = _get(growth, "dedup", "check_ratio")
    summary["search_median_ms"] = _get(growth, "search", "median_ms")
    summary["search_p99_ms"] = _get(growth, "search", "p99_ms")
    summary["dedup_peak_rss_mb"] = _get(growth, "dedup", "peak_rss_mb")
    summary["crawl_peak_rss_mb"] = _get(memory, "tree_peak_rss_mb")
    summary["crawl_db_mb_per_100k"] = db_mb_per_100k(rounds, memory)
    summary["search_db_mb_per_100k"] = _get(growth, "search", "mb_per_100k")
    summary.update(cpu_budgets(rounds, variants))
    return summary


def db_mb_per_100k(
    rounds: Sequence[Mapping[str, Any]], memory: Mapping[str, Any] | None
) -> float | None:
    """Crawl database size scaled to 100,000 stories: the whole-site crawl's, else the median
    of the completed slice crawls'."""
    runs = [memory] if memory and memory.get("db_bytes") else []
    runs = runs or [
        r[v]
        for r in rounds
        for v in ("one", "two")
        if _get(r, v, "complete") and r[v].get("db_bytes")
    ]
    return median_of([r["db_bytes"] * 100_000 / r["pages"] / 1e6 for r in runs if r["pages"]])


def cpu_budgets(
    rounds: Sequence[Mapping[str, Any]], variants: Mapping[str, Mapping[str, float | None]]
) -> dict[str, float | None]:
    """CPU milliseconds per page wirecrawl may spend to meet the two speed targets.

    One process: one core at the target rate (0.8 x baseline pages/s). Two cores: two cores at
    1.4 x baseline pages/s, less what nginx spends per page on the same machine.
    """
    rate = _get(variants, "baseline", "pages_per_s")
    if not rate:
        return {"cpu_budget_ms_one": None, "cpu_budget_ms_two": None}
    server = median_of(
        [
            1000 * r["baseline"]["server_cpu_s"] / r["baseline"]["pages"]
            for r in rounds
            if _get(r, "baseline", "server_cpu_s") is not None and _get(r, "baseline", "pages")
        ]
    )
    return {
        "cpu_budget_ms_one": 1000 / (0.8 * rate),
        "cpu_budget_ms_two": 2000 / (1.4 * rate) - (server or 0.0),
    }


def _stage_order(name: str) -> int:
    order = ("parse", "extract", "clean", "dates", "urls", "dedup", "store")
    return order.index(name) if name in order else len(order)


def evaluate(summary: Mapping[str, Any]) -> list[dict[str, Any]]:
    """Each target with its measured value and status."""
    return [
        {
            "key": t.key,
            "label": t.label,
            "goal": t.goal(),
            "value": summary.get(t.key),
            "status": t.status(summary.get(t.key)),
        }
        for t in TARGETS
    ]


def _fmt(value: Any, digits: int = 2) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:,.{digits}f}"
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:,}"
    return str(value)


def table(headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    """A plain aligned text table (first column left, the rest right)."""
    cells = [[str(h) for h in headers]] + [[_fmt(c) for c in row] for row in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]

    def line(row: Sequence[str]) -> str:
        return "  ".join(
            c.ljust(w) if i == 0 else c.rjust(w)
            for i, (c, w) in enumerate(zip(row, widths, strict=True))
        )

    rule = "  ".join("-" * w for w in widths)
    return "\n".join([line(cells[0]), rule, *(line(r) for r in cells[1:])])


def render(report: Mapping[str, Any]) -> str:
    """The report as text: variants, stages, growth, targets."""
    out = []
    machine = report.get("machine", {})
    out.append(
        f"wirecrawl benchmark {report.get('started', '')}: {machine.get('cores')} cores, "
        f"Python {machine.get('python')}, scrapy {_get(machine, 'packages', 'scrapy')}, "
        f"{machine.get('nginx')}, allocator {machine.get('allocator', 'system')}; "
        f"slice {_get(report, 'config', 'slice_pages')} pages, "
        f"{_get(report, 'config', 'rounds')} rounds"
    )
    names = {"baseline": "baseline (plain Scrapy)", "one": "wirecrawl, one process"}
    names["two"] = "wirecrawl, WIRECRAWL_WORKERS=2"
    rows = []
    for index, round_ in enumerate(report.get("rounds", []), 1):
        for key, label in names.items():
            run = round_.get(key)
            if run:
                rows.append(
                    [
                        f"round {index}: {label}",
                        run["pages"],
                        run["pages_per_s"],
                        run["cpu_ms_per_page"],
                        run["tree_peak_rss_mb"],
                        run.get("server_cpu_s"),
                        "yes" if run["complete"] else "NO",
                    ]
                )
    memory = report.get("memory")
    if memory:
        rows.append(
            [
                "full site, one process",
                memory["pages"],
                memory["pages_per_s"],
                memory["cpu_ms_per_page"],
                memory["tree_peak_rss_mb"],
                memory.get("server_cpu_s"),
                "yes" if memory["complete"] else "NO",
            ]
        )
    headers = ["crawl", "pages", "pages/s", "CPU ms/page", "peak RSS MB", "nginx CPU s", "all?"]
    out += ["", table(headers, rows)]
    stage_rows = []
    summary = report.get("summary", {})
    stage_us = summary.get("stage_us_per_page") or {}
    pipeline = sum(us or 0.0 for name, us in stage_us.items() if name != "parse")
    for stage, us in stage_us.items():
        key = "storage" if stage == "store" else stage
        share = summary.get(f"{key}_cpu_share")
        rate = 1e6 / us if us else None
        own = 100 * us / pipeline if us and pipeline and stage != "parse" else None
        stage_rows.append([stage, us, rate, share * 100 if share is not None else None, own])
    if stage_rows:
        headers = ["stage (medians)", "CPU us/page", "pages/CPU s", "% of crawl CPU", "% of stages"]
        out += ["", table(headers, stage_rows)]
    growth = report.get("growth") or {}
    dedup, search = growth.get("dedup") or {}, growth.get("search") or {}
    small, large = (_fmt(n) for n in (dedup.get("stored") or [None, None])[:2])
    stored = _fmt(search.get("stories"))
    latency = _pair([search.get("median_ms"), search.get("p99_ms")])
    growth_rows = [
        [f"dedup check us, {small} / {large} stored", _pair(dedup.get("check_us"))],
        ["dedup checking process peak RSS MB", _fmt(dedup.get("peak_rss_mb"), 0)],
        [f"search ms at {stored} stories, median / p99", latency],
        ["search test db MB per 100k stories", _fmt(search.get("mb_per_100k"), 1)],
        [
            "crawl db MB per 100k stories (raw pages kept)",
            _fmt(summary.get("crawl_db_mb_per_100k"), 0),
        ],
    ]
    if search.get("error"):
        growth_rows.append(["search", search["error"]])
    if dedup.get("error"):
        growth_rows.append(["dedup", dedup["error"]])
    out += ["", table(["growth", "value"], growth_rows)]
    target_rows = [
        [t["label"], t["goal"], _target_value(t), t["status"]] for t in report.get("targets", [])
    ]
    out += ["", table(["target", "goal", "measured", "status"], target_rows)]
    one_budget, two_budget = summary.get("cpu_budget_ms_one"), summary.get("cpu_budget_ms_two")
    if one_budget is not None:
        spent = _get(summary, "variants", "one", "cpu_ms_per_page")
        out.append(
            f"CPU per page that meets the speed targets: one process <= {_fmt(one_budget)} ms, "
            f"two cores <= {_fmt(two_budget)} ms in all; wirecrawl spends {_fmt(spent)} ms"
        )
    for note in report.get("notes", []):
        out.append(f"note: {note}")
    return "\n".join(out)


def comparison(earlier: Mapping[str, Any], now: Mapping[str, Any]) -> list[list[Any]]:
    """Rows ``[figure, earlier, now, change]`` for the targets, the CPU ratio, each variant's
    CPU per page and each stage's cost; ``change`` is now/earlier - 1 (None where either run
    lacks the figure)."""
    old, new = earlier.get("summary") or {}, now.get("summary") or {}
    figures: list[tuple[str, Any, Any]] = [
        (f"{t.label} (%)", _percent(old.get(t.key)), _percent(new.get(t.key)))
        if t.unit == "%"
        else (t.label, old.get(t.key), new.get(t.key))
        for t in TARGETS
    ]
    figures.append(
        (
            "one process CPU / baseline CPU, per page",
            old.get("one_cpu_vs_baseline_cpu"),
            new.get("one_cpu_vs_baseline_cpu"),
        )
    )
    for name in ("baseline", "one", "two"):
        figures.append(
            (
                f"{name}: CPU ms/page",
                _get(old, "variants", name, "cpu_ms_per_page"),
                _get(new, "variants", name, "cpu_ms_per_page"),
            )
        )
    stages = {**(old.get("stage_us_per_page") or {}), **(new.get("stage_us_per_page") or {})}
    for stage in sorted(stages, key=_stage_order):
        figures.append(
            (
                f"stage {stage}: CPU us/page",
                _get(old, "stage_us_per_page", stage),
                _get(new, "stage_us_per_page", stage),
            )
        )
    figures.append(("stages / plain parse, CPU a page", _per_parse(old), _per_parse(new)))
    rows: list[list[Any]] = []
    for label, before, after in figures:
        change = _ratio(after, before)
        rows.append([label, before, after, None if change is None else change - 1])
    return rows


def _per_parse(summary: Mapping[str, Any]) -> float | None:
    """wirecrawl's stages together over the plain parse, both timed in the same run: the cost
    of our own work in units of the baseline's, steadier across runs than either alone."""
    stages = summary.get("stage_us_per_page") or {}
    parse = stages.get("parse")
    ours = [us for name, us in stages.items() if name != "parse" and us is not None]
    return _ratio(sum(ours), parse) if ours else None


def _percent(share: float | None) -> float | None:
    return None if share is None else 100 * share


def render_comparison(earlier: Mapping[str, Any], now: Mapping[str, Any]) -> str:
    """The comparison as text, with what may and may not be read from it."""
    rows = [
        [label, before, after, "-" if change is None else f"{100 * change:+.1f}%"]
        for label, before, after, change in comparison(earlier, now)
    ]
    head = f"compared with the run of {earlier.get('started', '?')}"
    text = table([head, "earlier", "now", "change"], rows)
    caution = (
        "the ratios are each taken within one run; CPU per page and stage costs are absolute "
        "and move with the machine's load from one run to the next"
    )
    return f"{text}\nnote: {caution}"


def _pair(values: Sequence[Any] | None) -> str:
    if not values:
        return "-"
    return " / ".join(_fmt(v, 1) for v in values)


def _target_value(target: Mapping[str, Any]) -> str:
    value = target["value"]
    if value is None:
        return "-"
    if target["goal"].endswith("%"):
        return f"{100 * value:.1f}%"
    return _fmt(value)


def write(report: Mapping[str, Any], folder: Path, stamp: str) -> tuple[Path, Path]:
    """Write ``latest.json`` and ``<stamp>.json`` into ``folder``; returns both paths."""
    folder.mkdir(parents=True, exist_ok=True)
    text = json.dumps(report, indent=1, sort_keys=True, default=str)
    latest, dated = folder / "latest.json", folder / f"bench-{stamp}.json"
    latest.write_text(text)
    dated.write_text(text)
    return latest, dated


def package_versions(names: Sequence[str] = PACKAGES) -> dict[str, str | None]:
    """Installed version of each distribution (None if missing)."""
    versions: dict[str, str | None] = {}
    for name in names:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = None
    return versions


def machine_info(nginx: str) -> dict[str, Any]:
    """Cores, Python, library versions, SQLite and libxml2 versions, nginx, the allocator the
    crawls (baseline included) run on, load average."""
    from lxml import etree

    from benchmarks.crawl import allocator_of, crawl_env

    return {
        "cores": os.cpu_count(),
        "platform": platform.platform(),
        "python": platform.python_version(),
        "packages": package_versions(),
        "sqlite": sqlite3.sqlite_version,
        "libxml2": ".".join(str(n) for n in etree.LIBXML_VERSION),
        "nginx": nginx,
        "allocator": allocator_of(crawl_env(None)),
        "load_average": [round(x, 2) for x in os.getloadavg()],
    }


# ---------------------------------------------------------------- profile


def render_profile(session_path: Path, folder: Path) -> dict[str, Path]:
    """Write the session as profile.txt, profile.html and profile.speedscope.json."""
    from pyinstrument.renderers import ConsoleRenderer, HTMLRenderer, SpeedscopeRenderer
    from pyinstrument.session import Session

    session = Session.load(session_path)
    outputs = {
        "text": (folder / "profile.txt", ConsoleRenderer(unicode=False, color=False)),
        "html": (folder / "profile.html", HTMLRenderer()),
        "speedscope": (folder / "profile.speedscope.json", SpeedscopeRenderer()),
    }
    written = {}
    for kind, (path, renderer) in outputs.items():
        path.write_text(renderer.render(session), encoding="utf-8")
        written[kind] = path
    return written


def frame_costs(root: Any, keep: Callable[[str], bool]) -> tuple[Counter[str], Counter[str], float]:
    """(self time by function, inclusive time by function for ``keep``-ed files, total time).

    Functions are named ``path.py:function``; a C function is named after its Python caller
    (``path.py:caller -> Pattern.search``), so time spent in lxml or re stays attributable.
    Recursion is counted once per stack for inclusive time.
    """
    own: Counter[str] = Counter()
    inclusive: Counter[str] = Counter()
    stack: list[tuple[Any, str, frozenset[str]]] = [(root, "", frozenset())]
    while stack:
        frame, caller, above = stack.pop()
        path = frame.file_path_short or ""
        name = (
            f"{caller} -> {frame.function}" if path == "<built-in>" else f"{path}:{frame.function}"
        )
        children = [c for c in frame.children if not c.is_synthetic]
        own[name] += max(0.0, frame.time - sum(c.time for c in children))
        if keep(path) and name not in above:
            inclusive[name] += frame.time
        named = caller if path == "<built-in>" else name
        stack += [(child, named, above | {name}) for child in children]
    return own, inclusive, float(root.time)


def top_costs(session_path: Path, count: int = 12) -> dict[str, list[tuple[str, float]]]:
    """The functions with the most self time, and wirecrawl's functions by inclusive time,
    each as (name, share of the profiled time)."""
    from pyinstrument.session import Session

    root = Session.load(session_path).root_frame()
    if root is None:
        return {"self": [], "wirecrawl": []}
    own, inclusive, total = frame_costs(root, lambda path: path.startswith("wirecrawl/"))
    skip = ("wirecrawl/__main__.py", "wirecrawl/cli/", "wirecrawl/crawl.py")
    wirecrawl = [(n, t) for n, t in inclusive.most_common() if not n.startswith(skip)]
    return {
        "self": [(n, round(t / total, 4)) for n, t in own.most_common(count)],
        "wirecrawl": [(n, round(t / total, 4)) for n, t in wirecrawl[:count]],
    }


def timestamp(moment: datetime) -> str:
    """A file-name-safe stamp, e.g. 20261128T190501Z."""
    return moment.strftime("%Y%m%dT%H%M%SZ")
