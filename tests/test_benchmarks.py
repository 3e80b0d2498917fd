"""Smoke tests of the benchmark harness at a tiny scale (no nginx: that is for `make bench`)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from benchmarks import crawl as C
from benchmarks import report as R
from benchmarks import run as B
from benchmarks import site as S
from benchmarks.baseline import baseline_settings, crawl_figures
from benchmarks.stages import STAGES, last_json_line, run_pages, stage_figures
from wirecrawl.samples import SAMPLE_HOSTS
from wirecrawl.sources import load_file

SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
PORT = 28999


@pytest.fixture(scope="module")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> S.RenderedSite:
    """Eight bulky stories per site, rendered once for the module."""
    return S.render_site(8, port=PORT, cache=tmp_path_factory.mktemp("site"))


def test_render_site_writes_articles_and_reuses_the_cache(tiny: S.RenderedSite) -> None:
    assert tiny.article_count == 32
    assert tiny.root.name == S.site_key(S.SEED, 8, PORT)
    for site, paths in tiny.articles.items():
        assert len(paths) == 8
        assert not any(p.endswith("/amp/") for p in paths)
        body = tiny.file(site, paths[0]).read_bytes()
        assert 40_000 <= len(body) <= 80_000
    again = S.render_site(8, port=PORT, cache=tiny.root.parent)
    assert again == tiny  # loaded from bench-site.json, not rendered anew
    assert not list(tiny.root.parent.glob("*.partial"))


@pytest.mark.parametrize(
    ("count", "expected"),
    [
        (0, []),
        (1, ["a"]),
        (2, ["a", "c"]),
        (3, ["a", "b", "c"]),
        (4, list("abcd")),
        (9, list("abcd")),
    ],
)
def test_spread_picks_evenly(count: int, expected: list[str]) -> None:
    assert S.spread(list("abcd"), count) == expected


@given(st.lists(st.text(), unique=True, max_size=60), st.integers(0, 80))
def test_spread_is_an_ordered_subset(items: list[str], count: int) -> None:
    picked = S.spread(items, count)
    assert len(picked) == min(count, len(items))
    assert len(set(picked)) == len(picked)
    positions = [items.index(p) for p in picked]
    assert positions == sorted(positions)


def test_slice_sitemaps_list_the_same_urls_the_sources_crawl(tiny: S.RenderedSite) -> None:
    maps = S.write_slice(tiny, 12)
    chosen = S.slice_paths(tiny, 12)
    for site, url in maps.items():
        host = SAMPLE_HOSTS[site]
        assert url == f"http://{host}:{PORT}/bench/articles-12.xml"
        tree = etree.parse(str(tiny.root / host / "bench" / "articles-12.xml"))
        locs = [e.text for e in tree.iter(f"{SM}loc")]
        assert locs == [tiny.url(site, p) for p in chosen[site]] and len(locs) == 3
    sources_file = tiny.root.parent / "sources.toml"
    sources_file.write_text(S.sources_toml(S.sample_sources(PORT), maps))
    loaded = {s.name: s for s in load_file(sources_file, {})}
    builtin = S.sample_sources(PORT)
    assert set(loaded) == {S.bench_name(name) for name in maps}
    for name, url in maps.items():
        entry, original = loaded[S.bench_name(name)], builtin[name]
        assert entry.sitemaps == (url,) and not entry.feeds and not entry.listings
        for field in ("article_pattern", "languages", "timezone", "date_order", "boilerplate"):
            assert getattr(entry, field) == getattr(original, field)
        assert all(entry.matches_article(tiny.url(name, p)) for p in chosen[name])


def test_nginx_config_runs_in_the_foreground_on_every_sample_host(tiny: S.RenderedSite) -> None:
    conf = S.nginx_config(tiny.root, PORT, Path("/tmp/scratch"))
    assert conf.startswith("daemon off;")
    assert "access_log off;" in conf and "pid /tmp/scratch/nginx.pid;" in conf
    for host in SAMPLE_HOSTS.values():
        assert f"listen {host}:{PORT};" in conf
    logged = S.nginx_config(tiny.root, PORT, Path("/tmp/scratch"), access_log=True)
    assert "access_log /tmp/scratch/access.log;" in logged


def test_stage_benchmark_runs_every_stage_on_rendered_pages(tiny: S.RenderedSite) -> None:
    result = run_pages(tiny.root, 8)
    assert result["pages"] == 8
    assert list(result["stages"]) == list(STAGES)
    assert all(figures["cpu_s"] > 0 for figures in result["stages"].values())
    assert result["db_bytes"] > 0 and result["truncated"] is False
    spent = run_pages(tiny.root, 8, budget=0.0)
    assert spent["pages"] == 0 and spent["truncated"] is True


def test_measure_counts_the_cpu_of_children_and_memory() -> None:
    busy = "import subprocess, sys; subprocess.run([sys.executable, '-c', 'sum(range(3*10**6))'])"
    measured = C.measure([sys.executable, "-c", busy], interval=0.01)
    assert measured.returncode == 0
    assert measured.cpu_s > 0.01 and measured.wall_s >= measured.cpu_s * 0.3
    assert measured.max_rss_mb > 1 and measured.tree_peak_rss_mb >= measured.max_rss_mb
    failed = C.measure([sys.executable, "-c", "raise SystemExit(3)"], interval=0.01)
    assert failed.returncode == 3


def test_proc_readers_see_this_process() -> None:
    import os

    assert C.process_cpu_seconds(os.getpid()) > 0
    assert os.getpid() in C.process_tree(os.getpid())
    assert C.tree_rss_mb(os.getpid()) > 1
    assert C.process_cpu_seconds(2**22 + 12345) == 0.0  # no such process


def test_engine_seconds_spans_every_crawler() -> None:
    stats = [
        {"start_time": "2026-11-28 19:00:05+00:00", "finish_time": "2026-11-28 19:00:45+00:00"},
        {"start_time": "2026-11-28 19:00:04+00:00", "finish_time": "2026-11-28 19:00:50.5+00:00"},
        {},
    ]
    assert C.engine_seconds(stats) == pytest.approx(46.5)
    assert C.engine_seconds([{}]) == 0.0


def test_crawl_env_sets_or_removes_the_workers_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WIRECRAWL_WORKERS", "7")
    assert C.crawl_env(2)["WIRECRAWL_WORKERS"] == "2"
    assert "WIRECRAWL_WORKERS" not in C.crawl_env(None)


def test_baseline_runs_on_the_allocator_wirecrawl_runs_on(monkeypatch: pytest.MonkeyPatch) -> None:
    from wirecrawl import allocator

    lib = "/usr/lib/x86_64-linux-gnu/libjemalloc.so.2"
    monkeypatch.setattr(allocator, "jemalloc_library", lambda: lib)
    monkeypatch.delenv("WIRECRAWL_ALLOCATOR", raising=False)
    monkeypatch.delenv("LD_PRELOAD", raising=False)
    assert C.allocator_of(C.crawl_env(None)) == "jemalloc"
    assert C.baseline_env()["LD_PRELOAD"] == lib
    assert R.machine_info("nginx/1")["allocator"] == "jemalloc"
    monkeypatch.setenv("WIRECRAWL_ALLOCATOR", "system")
    assert "LD_PRELOAD" not in C.baseline_env()
    assert R.machine_info("nginx/1")["allocator"] == "system"
    monkeypatch.setenv("WIRECRAWL_ALLOCATOR", "auto")
    monkeypatch.setattr(allocator, "jemalloc_library", lambda: None)
    assert "LD_PRELOAD" not in C.baseline_env()


def test_wirecrawl_command_is_the_documented_crawl() -> None:
    command = C.wirecrawl_command(
        Path("s.toml"), ["bench_meridian"], Path("x.db"), port=PORT, now=S.NOW
    )
    assert command[0].endswith("wirecrawl") and command[1:3] == ["crawl", "bench_meridian"]
    for flag in ("--full", "--quiet", "--delay", "--concurrency", "--port", "--now"):
        assert flag in command
    profiled = C.wirecrawl_command(
        Path("s.toml"), ["a"], Path("x.db"), port=PORT, now=S.NOW, profile=Path("p")
    )
    assert profiled[1:3] == ["-m", "pyinstrument"] and "wirecrawl" in profiled


def test_baseline_shares_wirecrawls_settings() -> None:
    settings = baseline_settings(16)
    assert settings["DOWNLOAD_DELAY"] == 0 and settings["CONCURRENT_REQUESTS_PER_DOMAIN"] == 16
    assert settings["AUTOTHROTTLE_ENABLED"] is False and settings["ROBOTSTXT_OBEY"] is True
    assert "asyncio" in settings["TWISTED_REACTOR"]
    from datetime import UTC, datetime, timedelta

    start = datetime(2026, 11, 28, tzinfo=UTC)
    stats = {"start_time": start, "finish_time": start + timedelta(seconds=20)}
    figures = crawl_figures({**stats, "item_scraped_count": 500, "finish_reason": "finished"})
    assert figures["pages"] == 500 and figures["elapsed_s"] == 20.0


def run_figures(variant: str, pages_per_s: float, cpu_ms: float, complete: bool = True) -> dict:
    return {
        "variant": variant,
        "pages": 1000 if complete else 400,
        "expected": 1000,
        "complete": complete,
        "pages_per_s": pages_per_s,
        "cpu_ms_per_page": cpu_ms,
        "tree_peak_rss_mb": 150.0,
        "server_cpu_s": 0.5,
    }


def fake_round(one: float, two: float | None, base: float = 200.0, complete: bool = True) -> dict:
    stages = {
        name: {"us_per_page": us, "pages_per_s": 1e6 / us, "cpu_s": us / 1000}
        for name, us in [("extract", 4000.0), ("dates", 300.0), ("store", 1200.0)]
    }
    round_: dict[str, Any] = {
        "baseline": run_figures("baseline", base, 5.0),
        "one": run_figures("one", one, 10.0),
        "stages": {"stages": stages},
    }
    if two is not None:
        round_["two"] = run_figures("two", two, 11.0, complete)
    return round_


def test_round_ratios_pair_variants_and_stages_within_a_round() -> None:
    ratios = R.round_ratios(fake_round(one=100.0, two=300.0))
    assert ratios["one_process_vs_baseline"] == pytest.approx(0.5)
    assert ratios["two_cores_vs_baseline"] == pytest.approx(1.5)
    assert ratios["one_cpu_vs_baseline_cpu"] == pytest.approx(2.0)
    assert ratios["dates_cpu_share"] == pytest.approx(0.03)
    assert ratios["storage_cpu_share"] == pytest.approx(0.12)
    assert R.round_ratios(fake_round(100.0, None))["two_cores_vs_baseline"] is None
    assert R.round_ratios(fake_round(100.0, 300.0, complete=False))["two_cores_vs_baseline"] is None


def test_summary_takes_medians_and_marks_targets() -> None:
    rounds = [fake_round(100.0, 300.0), fake_round(180.0, 250.0), fake_round(170.0, 320.0)]
    growth = {
        "dedup": {"stored": [1000, 100000], "check_us": [800.0, 900.0], "check_ratio": 1.12},
        "search": {"stories": 100000, "median_ms": 61.0, "p99_ms": 120.0, "mb_per_100k": 600.0},
    }
    memory = {**run_figures("one", 90.0, 10.0), "pages": 20000, "db_bytes": 400_000_000}
    summary = R.summarise(rounds, growth, memory)
    assert summary["one_process_vs_baseline"] == pytest.approx(0.85)
    assert summary["two_cores_vs_baseline"] == pytest.approx(1.5)
    assert summary["variants"]["one"]["pages_per_s"] == 170.0
    assert summary["stage_us_per_page"] == {"extract": 4000.0, "dates": 300.0, "store": 1200.0}
    assert summary["crawl_db_mb_per_100k"] == pytest.approx(2000.0)
    assert summary["cpu_budget_ms_one"] == pytest.approx(1000 / (0.8 * 200.0))
    assert summary["cpu_budget_ms_two"] == pytest.approx(2000 / (1.4 * 200.0) - 0.5)
    status = {t["key"]: t["status"] for t in R.evaluate(summary)}
    assert status == {
        "one_process_vs_baseline": "met",
        "two_cores_vs_baseline": "met",
        "dates_cpu_share": "met",
        "storage_cpu_share": "missed",
        "dedup_check_growth": "met",
        "search_median_ms": "missed",
        "crawl_peak_rss_mb": "met",
    }
    report = {"rounds": rounds, "memory": memory, "growth": growth, "summary": summary}
    report["targets"] = R.evaluate(summary)
    text = R.render(report)
    assert "missed" in text and "storage, share of crawl CPU" in text and "12.0%" in text
    assert "1,000 / 100,000 stored" in text


@pytest.mark.parametrize(
    ("target", "value", "status"),
    [
        (R.Target("x", "x", 0.8, True), 0.8, "met"),
        (R.Target("x", "x", 0.8, True), 0.79, "missed"),
        (R.Target("x", "x", 50.0, False), 50.0, "missed"),
        (R.Target("x", "x", 50.0, False), 49.9, "met"),
        (R.Target("x", "x", 50.0, False), None, "n/a"),
    ],
)
def test_target_status(target: R.Target, value: float | None, status: str) -> None:
    assert target.status(value) == status


def test_write_keeps_latest_and_a_stamped_copy(tmp_path: Path) -> None:
    latest, dated = R.write({"summary": {"a": 1.5}}, tmp_path, "20261128T190000Z")
    assert dated.name == "bench-20261128T190000Z.json"
    assert (
        json.loads(latest.read_text()) == json.loads(dated.read_text()) == {"summary": {"a": 1.5}}
    )


def frame(function: str, path: str, time: float, *children: Any, synthetic: bool = False) -> Any:
    return SimpleNamespace(
        function=function,
        file_path_short=path,
        time=time,
        children=list(children),
        is_synthetic=synthetic,
    )


def test_frame_costs_name_c_calls_after_their_caller() -> None:
    root = frame(
        "<module>",
        "wirecrawl/__main__.py",
        10.0,
        frame(
            "extract",
            "wirecrawl/extract/__init__.py",
            8.0,
            frame("search", "<built-in>", 5.0),
            frame("[self]", "wirecrawl/extract/__init__.py", 3.0, synthetic=True),
        ),
        frame("loop", "asyncio/base_events.py", 2.0),
    )
    own, inclusive, total = R.frame_costs(root, lambda p: p.startswith("wirecrawl/"))
    assert total == 10.0
    assert own["wirecrawl/extract/__init__.py:extract -> search"] == 5.0
    assert own["wirecrawl/extract/__init__.py:extract"] == 3.0
    assert inclusive["wirecrawl/extract/__init__.py:extract"] == 8.0
    assert "asyncio/base_events.py:loop" not in inclusive


def test_last_json_line_and_stage_figures() -> None:
    assert last_json_line('table\n{"a": 1}\n{"b": 2}\nbye\n') == {"b": 2}
    with pytest.raises(ValueError):
        last_json_line("no json here")
    figures = stage_figures(2.0, 3.0, 1000)
    assert figures == {"cpu_s": 2.0, "wall_s": 3.0, "us_per_page": 2000.0, "pages_per_s": 500.0}


def test_rotation_puts_each_variant_first_in_turn() -> None:
    variants = ["baseline", "one", "two"]
    firsts = [B.rotation(i, variants)[0] for i in range(3)]
    assert firsts == variants
    assert sorted(B.rotation(1, variants)) == sorted(variants)


def test_workers_supported_looks_for_the_setting(tmp_path: Path) -> None:
    (tmp_path / "a.py").write_text("X = 1\n")
    assert not B.workers_supported(tmp_path)
    (tmp_path / "b.py").write_text('NAME = "WIRECRAWL_WORKERS"\n')
    assert B.workers_supported(tmp_path)


def test_quick_plan_shrinks_every_size() -> None:
    plan = B.parse_args(["--quick"])
    assert (plan.stories, plan.slice_pages, plan.rounds) == (500, 1000, 2)
    assert plan.growth_stories == 10_000
    full = B.parse_args([])
    assert full.stories * 4 >= 20_000 and full.slice_pages == 5_000 and full.rounds == 3


def test_comparison_sets_each_figure_beside_an_earlier_runs() -> None:
    earlier = {"started": "then", "summary": R.summarise([fake_round(100.0, 300.0)], None, None)}
    faster = fake_round(150.0, None)
    faster["stages"]["stages"]["extract"]["us_per_page"] = 3000.0
    now = {"started": "now", "summary": R.summarise([faster], None, None)}
    rows = {row[0]: row[1:] for row in R.comparison(earlier, now)}
    before, after, change = rows["one process / baseline, pages/s"]
    assert (before, after) == (pytest.approx(0.5), pytest.approx(0.75))
    assert change == pytest.approx(0.5)
    assert rows["two cores / baseline, pages/s"] == [pytest.approx(1.5), None, None]
    # shares as percentages (300 us of dates in 10 ms of crawl CPU a page, in both runs)
    assert rows["date normalisation, share of crawl CPU (%)"] == [
        pytest.approx(3.0),
        pytest.approx(3.0),
        pytest.approx(0.0),
    ]
    assert rows["stage extract: CPU us/page"] == [4000.0, 3000.0, pytest.approx(-0.25)]
    faster["stages"]["stages"]["parse"] = {"us_per_page": 1000.0}
    now["summary"] = R.summarise([faster], None, None)
    rows = {row[0]: row[1:] for row in R.comparison(earlier, now)}
    assert rows["stages / plain parse, CPU a page"][:2] == [None, pytest.approx(4.5)]
    text = R.render_comparison(earlier, now)
    assert "compared with the run of then" in text and "-25.0%" in text
    assert "within one run" in text  # says what may be read from it


def test_compare_needs_a_report_that_exists_and_is_one(tmp_path: Path) -> None:
    with pytest.raises(SystemExit):
        B.parse_args(["--compare", str(tmp_path / "missing.json")])
    broken = tmp_path / "broken.json"
    broken.write_text("{not json")
    with pytest.raises(SystemExit, match=r"broken\.json: not a benchmark report"):
        B.load_report(broken)
    other = tmp_path / "other.json"
    other.write_text(json.dumps({"rounds": []}))
    with pytest.raises(SystemExit, match="it has no summary"):
        B.load_report(other)
    good = tmp_path / "good.json"
    good.write_text(json.dumps({"started": "then", "summary": {}}))
    assert B.parse_args(["--compare", str(good)]).compare == good
    assert B.load_report(good)["started"] == "then"


# ---------------------------------------------------------------- instructions a page

FAKE_VALGRIND = """#!{python}
# Stands in for valgrind: runs the command after the callgrind options for real, then reports
# 1,000 instructions plus 7 a measured page, as callgrind's summary line does.
import subprocess, sys
command = [a for a in sys.argv[1:] if not a.startswith("--tool") and "out-file" not in a]
done = subprocess.run(command)
pages = int(command[command.index("--pages") + 1])
sys.stderr.write("==1== Events    : Ir\\n==1== Collected : %d\\n" % (1000 + 7 * pages))
sys.exit(done.returncode)
"""


def test_callgrind_count_is_read_from_its_summary_line() -> None:
    from benchmarks.instructions import collected

    assert collected("==9== Collected : 12\n==9== I   refs:  12\n==9== Collected : 345\n") == 345
    with pytest.raises(ValueError, match="no instruction count"):
        collected("valgrind: failed to start tool 'callgrind'")


@pytest.mark.parametrize("stage", ["extract", "pipeline"])
def test_instructions_a_page_take_the_run_without_the_pages_away(
    tiny: S.RenderedSite, tmp_path: Path, stage: str
) -> None:
    """Both runs really run the stage on the rendered pages (a failing child fails the count);
    what differs between them, per measured page, is the answer."""
    from benchmarks.instructions import ROOT, count

    fake = tmp_path / "valgrind"
    fake.write_text(FAKE_VALGRIND.format(python=sys.executable))
    fake.chmod(0o755)
    assert count(ROOT, tiny.root, stage, 3, valgrind=str(fake)) == 7
    with pytest.raises(RuntimeError, match="failed"):
        count(tmp_path / "no-such-tree", tmp_path / "no-such-site", stage, 3, valgrind=str(fake))


def test_instructions_table_gives_the_change_against_the_first() -> None:
    from benchmarks.instructions import Count, render

    text = render(
        [Count("HEAD", Path("a"), 14_000_000), Count("working tree", Path("b"), 13_300_000)],
        "extract",
        100,
    )
    assert "14,000,000" in text and "13,300,000  -5.00%" in text


def test_instructions_refuse_no_pages_and_an_unknown_revision(tmp_path: Path) -> None:
    from benchmarks.instructions import parse_args, worktree

    with pytest.raises(SystemExit):
        parse_args(["--pages", "0"])
    with pytest.raises(ValueError, match="cannot check out 'no-such-revision-x'"):
        worktree("no-such-revision-x", tmp_path / "tree")
