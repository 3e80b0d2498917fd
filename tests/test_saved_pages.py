"""Every source's saved pages, run through the whole per-page path against their expected JSON.

Adding a source is one registry entry plus one case (``wirecrawl fixture``); this file needs no
change. For the bundled sample sites the expected values are also checked against the sites'
ground truth, so a wrong expectation cannot be saved by accident.
"""

from datetime import UTC, datetime
from pathlib import Path

import pytest

from wirecrawl.fixtures import actual_fields, load_cases
from wirecrawl.sources import get_source, load_sources

ROOT = Path(__file__).parent / "fixtures"
CASES = load_cases(ROOT)
SOURCES = load_sources()
NOW = datetime(2026, 11, 28, 12, 0, tzinfo=UTC)  # the clock the sample cases were saved with


@pytest.mark.parametrize("case", CASES, ids=[f"{c.source}/{c.name}" for c in CASES])
def test_saved_page_gives_expected_story(case):
    source = get_source(SOURCES, case.source)
    actual = actual_fields(case.page.read_bytes(), case.url, source, case.fetched_at)
    assert actual == case.expected


def test_every_source_has_a_saved_page_except_live_only_ones():
    with_cases = {c.source for c in CASES}
    missing = [s.name for s in SOURCES if not s.live_only and s.name not in with_cases]
    assert not missing, f"sources without a saved-page case (run `wirecrawl fixture`): {missing}"
    unknown = with_cases - {s.name for s in SOURCES}
    assert not unknown, f"case folders that name no source: {sorted(unknown)}"


@pytest.fixture(scope="module")
def truth():
    from wirecrawl.samples.world import World

    world = World(stories=12, now=NOW)
    return {t.url: t for t in world.truth()}


# credit-line styles whose text links the original (a dateline or a trailing name has no URL)
LINKED_CREDITS = {"first-published", "source-label", "wire-footer", None}
SAMPLE_CASES = [c for c in CASES if get_source(SOURCES, c.source).sample]


@pytest.mark.parametrize("case", SAMPLE_CASES, ids=[f"{c.source}/{c.name}" for c in SAMPLE_CASES])
def test_sample_expectations_agree_with_ground_truth(case, truth):
    story = truth[case.url]
    expected = case.expected
    assert expected["title"] == story.title
    assert expected["body"] == "\n\n".join(story.paragraphs)
    assert expected["authors"] == story.authors
    assert expected["language"] == story.language
    assert expected["original_source"] == story.original_source
    if story.original_url and story.credit_style in LINKED_CREDITS:
        assert expected["original_url"] == story.original_url
    if story.published_at is None:
        # the page gives no date; only its URL path does: a day, never an invented time
        assert expected["published_at"] is None or expected["published_raw"] in case.url
    else:
        assert expected["published_at"] is not None
        published = datetime.fromisoformat(expected["published_at"])
        assert abs((published - story.published_at).total_seconds()) < 60


def test_fixture_command_saves_a_case_the_saved_page_test_accepts(tmp_path):
    from click.testing import CliRunner

    from wirecrawl.cli import cli

    case = CASES[0]
    args = [
        "fixture",
        case.source,
        str(case.page),
        "--url",
        case.url,
        "--name",
        "copy",
        "--fetched-at",
        case.fetched_at.isoformat(),
        "--dir",
        str(tmp_path),
    ]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    (saved,) = load_cases(tmp_path)
    assert (saved.source, saved.name, saved.url) == (case.source, "copy", case.url)
    assert saved.expected == case.expected
    assert saved.page.read_bytes() == case.page.read_bytes()
    missing_url = CliRunner().invoke(cli, ["fixture", case.source, str(case.page)])
    assert missing_url.exit_code == 1 and "--url is needed" in missing_url.output
    unknown = CliRunner().invoke(cli, ["fixture", "nosuch", str(case.page), "--url", case.url])
    assert unknown.exit_code == 1 and "unknown source 'nosuch'" in unknown.output
