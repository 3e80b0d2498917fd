"""``wirecrawl extract``: the --json contract, folders, --jsonl, sources, URLs and errors."""

from __future__ import annotations

import gzip
import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner

from wirecrawl.cli.app import cli
from wirecrawl.cli.extract import extract_command

KEYS = {
    "path",
    "title",
    "body",
    "authors",
    "published_raw",
    "published_at",
    "modified_at",
    "language",
    "section",
    "tags",
    "canonical_url",
    "publisher",
    "original_source",
    "original_url",
    "evidence",
}
FETCHED = "2026-12-01T12:00:00+00:00"


def story(title: str, byline_date: str = "", extra: str = "") -> str:
    return (
        f"<html lang='en'><head><title>{title} | Test Site</title>{extra}</head><body>"
        f"<h1>{title}</h1><div class='byline'>By Jane Doe</div>"
        f"<div class='post-date'>{byline_date}</div><div class='article-body'>"
        "<p>The harbour board met on Thursday to discuss the new ferry timetable for winter.</p>"
        "<p>Board chair Ilse Varga said the changes would take effect in January next year.</p>"
        "<p>Source: <a href='https://ledger.example/x'>The Ledger</a></p></div></body></html>"
    )


@pytest.fixture
def pages(tmp_path: Path) -> Path:
    (tmp_path / "b.html").write_text(
        story(
            "Second story",
            extra="<meta property='article:published_time' content='2026-11-27T08:00:00+01:00'>",
        ),
        encoding="utf-8",
    )
    (tmp_path / "a.htm").write_text(story("First story", "3 hours ago"), encoding="utf-8")
    nested = tmp_path / "deeper"
    nested.mkdir()
    (nested / "c.html.gz").write_bytes(gzip.compress(story("Third story").encode()))
    (nested / "notes.txt").write_text("not a page")
    return tmp_path


def lines(output: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in output.splitlines() if line.strip()]


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["extract", *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.output


def test_json_contract_order_and_error_line(pages: Path) -> None:
    missing = str(pages / "missing.html")
    code, output = run(
        str(pages / "b.html"), missing, str(pages / "a.htm"), "--json", "--fetched-at", FETCHED
    )
    records = lines(output)
    assert code == 1
    assert [r["path"] for r in records] == [str(pages / "b.html"), missing, str(pages / "a.htm")]
    first, error, second = records
    assert set(first) == KEYS and set(second) == KEYS
    assert set(error) == {"path", "error"}
    assert first["title"] == "Second story"
    assert first["authors"] == ["Jane Doe"]
    assert first["published_raw"] == "2026-11-27T08:00:00+01:00"
    assert first["published_at"] == "2026-11-27T07:00:00+00:00"
    assert first["original_source"] == "The Ledger"
    assert first["original_url"] == "https://ledger.example/x"
    assert "Source:" not in str(first["body"])
    assert str(first["body"]).count("\n\n") == 1
    assert "published_at" in first["evidence"]  # type: ignore[operator]
    assert second["published_at"] == "2026-12-01T09:00:00+00:00", "relative to --fetched-at"


def test_folder_is_read_recursively_and_sorted(pages: Path) -> None:
    code, output = run(str(pages), "--json", "--fetched-at", FETCHED)
    assert code == 0
    assert [r["title"] for r in lines(output)] == ["First story", "Second story", "Third story"]


def test_url_option_and_its_limits(pages: Path) -> None:
    code, output = run(
        str(pages / "b.html"),
        "--url",
        "https://news.example/2026/11/27/b",
        "--json",
        "--fetched-at",
        FETCHED,
    )
    assert code == 0
    assert "news.example" in str(lines(output)[0]["evidence"])
    code, output = run(str(pages), "--url", "https://news.example/x")
    assert code == 1 and "exactly one saved file" in output


def test_jsonl_gives_each_page_its_own_url_and_time(pages: Path, tmp_path: Path) -> None:
    listing = tmp_path / "jobs.jsonl"
    listing.write_text(
        json.dumps({"path": str(pages / "a.htm"), "fetched_at": "2026-11-20T10:00:00Z"})
        + "\n\n"
        + json.dumps({"path": str(pages / "b.html"), "url": "https://news.example/b"})
        + "\n"
    )
    code, output = run("--jsonl", str(listing), "--json", "--fetched-at", FETCHED)
    records = lines(output)
    assert code == 0 and len(records) == 2
    assert records[0]["published_at"] == "2026-11-20T07:00:00+00:00"


def test_jsonl_errors_name_the_line(tmp_path: Path) -> None:
    listing = tmp_path / "jobs.jsonl"
    listing.write_text('{"path": "x.html"}\n{"url": "no path"}\n')
    code, output = run("--jsonl", str(listing))
    assert code == 1 and "line 2" in output and "Traceback" not in output


SOURCES = """
[[source]]
name = "harbour"
display_name = "Harbour Daily"
homepage = "https://harbour.example/"
listings = ["https://harbour.example/news/"]
timezone = "Asia/Tehran"
languages = ["en"]
[source.selectors]
title = "h1"
authors = ".byline"
"""


def test_source_by_name_and_by_domain(pages: Path, tmp_path: Path) -> None:
    sources = tmp_path / "sources.toml"
    sources.write_text(SOURCES)
    code, output = run(
        str(pages / "b.html"),
        "--sources",
        str(sources),
        "--source",
        "harbour",
        "--json",
        "--fetched-at",
        FETCHED,
    )
    record = lines(output)[0]
    assert code == 0 and record["publisher"] == "Harbour Daily"
    assert record["evidence"]["title"] == "selectors"  # type: ignore[index]
    code, output = run(
        str(pages / "a.htm"),
        "--url",
        "https://www.harbour.example/n/1",
        "--sources",
        str(sources),
        "--json",
        "--fetched-at",
        FETCHED,
    )
    assert lines(output)[0]["publisher"] == "Harbour Daily"


def test_unknown_source_is_a_clear_error(pages: Path) -> None:
    code, output = run(str(pages / "b.html"), "--source", "nope")
    assert code == 1 and "unknown source 'nope'" in output


def test_unreadable_pages_print_errors_without_traceback(tmp_path: Path) -> None:
    (tmp_path / "empty.html").write_bytes(b"")
    (tmp_path / "junk.html").write_bytes(bytes(range(0, 8)) * 400)
    (tmp_path / "ok.html").write_text(story("Fine story"))
    code, output = run(str(tmp_path), "--json")
    records = lines(output)
    assert code == 1
    assert [("error" in r) for r in records] == [True, True, False]
    assert "Traceback" not in output


def test_human_output(pages: Path) -> None:
    code, output = run(str(pages / "b.html"), "--fetched-at", FETCHED)
    assert code == 0
    assert "title:    Second story" in output
    assert "authors:  Jane Doe" in output
    assert "The Ledger <https://ledger.example/x>" in output


def test_bad_fetched_at_is_a_clear_error(pages: Path) -> None:
    code, output = run(str(pages), "--fetched-at", "yesterday")
    assert code == 1 and "--fetched-at" in output


def test_command_has_an_example() -> None:
    assert "Example:" in (extract_command.help or "")


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        if self.path != "/news/1":
            self.send_error(404)
            return
        body = story("Live story").encode("cp1252")
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=windows-1252")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_live_urls_are_fetched(server: str) -> None:
    code, output = run(f"{server}/news/1", f"{server}/missing", "--json", "--fetched-at", FETCHED)
    good, bad = lines(output)
    assert code == 1
    assert good["title"] == "Live story" and good["path"] == f"{server}/news/1"
    assert "404" in str(bad["error"])
