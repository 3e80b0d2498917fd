"""The evaluation set: every invented page against its truth, with the quality bars of the brief."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from benchmarks.bench_extract import EVAL_DIR, body_scores, evaluate, load_cases, precision_recall

CASES = load_cases()


def test_the_set_is_varied_and_complete() -> None:
    assert len(CASES) >= 40
    names = {case.name for case in CASES}
    pages = {p.name.split(".")[0] for p in EVAL_DIR.iterdir() if ".html" in p.name}
    assert names == pages, "every page has a truth file and every truth file a page"
    languages = {case.truth["language"] for case in CASES}
    assert {"en", "fa", "ar", "fr", "de", "ja"} <= languages
    assert any(p.name.endswith(".html.gz") for p in EVAL_DIR.iterdir())
    for case in CASES:
        assert set(case.truth) >= {
            "title",
            "body",
            "authors",
            "published",
            "original_source",
            "original_url",
            "url",
        }, case.name


def test_quality_bars() -> None:
    report = evaluate(CASES, with_trafilatura=False)
    ours = report["wirecrawl"]
    failures = {
        name: row
        for name, row in report["per_page"].items()
        if row["body"][1] < 0.9 or row["body"][0] < 0.9 or False in row.values()
    }
    detail = json.dumps(failures, indent=1)
    assert ours["body"]["f1"] >= 0.97, detail
    assert ours["title"] >= 0.95, detail
    assert ours["published"] >= 0.97, detail
    assert ours["authors"] >= 0.9, detail
    assert ours["attribution"] == 1.0, detail


@pytest.mark.parametrize(
    ("predicted", "true", "expected"),
    [
        ("a b c d e", "a b c d e", (1.0, 1.0)),
        ("", "a b c d e", (0.0, 0.0)),
        ("a b c d e x y z w", "a b c d e", (2 / 6, 1.0)),
        ("港町で秋", "港町で秋の祭り", (1.0, 1 / 4)),
    ],
)
def test_shingle_metric(predicted: str, true: str, expected: tuple[float, float]) -> None:
    assert precision_recall(predicted, true) == pytest.approx(expected)
    assert body_scores([(true, true)])["f1"] == 1.0


def test_generator_is_kept_beside_its_output() -> None:
    assert (Path(EVAL_DIR).parent / "make_eval.py").exists()
