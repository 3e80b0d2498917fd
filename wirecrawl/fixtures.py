"""Saved-page test cases: a page and the story expected from it, per source.

A case is ``tests/fixtures/<source>/<name>.html`` (the page's bytes as fetched) beside
``<name>.json`` holding the page's ``url``, its ``fetched_at`` and the ``expected`` fields. One
parametrized test runs every case through :func:`wirecrawl.process.process_page`, so adding a
source is one registry entry plus one case, and no test code.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from wirecrawl.sources import Source

FIXTURES = Path("tests") / "fixtures"  # relative to the project a user adds sources in
# The fields a case pins; evidence is left out: it explains, it is not the result.
CHECKED_FIELDS = (
    "title",
    "body",
    "authors",
    "published_raw",
    "published_at",
    "language",
    "section",
    "tags",
    "canonical_url",
    "publisher",
    "original_source",
    "original_url",
)


@dataclass(frozen=True)
class Case:
    source: str
    name: str
    page: Path
    url: str
    fetched_at: datetime
    expected: dict[str, Any]


def actual_fields(page: bytes, url: str, source: Source, fetched_at: datetime) -> dict[str, Any]:
    """What wirecrawl makes of a saved page today, as the checked fields of a case."""
    from wirecrawl.process import process_page, story_record
    from wirecrawl.sources import load_sources

    registry = load_sources()
    story = process_page(page, url, source=source, fetched_at=fetched_at, registry=registry)
    record = story_record(story, "")
    return {key: record[key] for key in CHECKED_FIELDS}


def slug(text: str) -> str:
    """A file-name-safe case name from a URL or path."""
    tail = [p for p in re.split(r"[/?#=&]+", text) if p][-1:] or ["page"]
    return re.sub(r"[^a-z0-9]+", "-", tail[0].lower()).strip("-")[:60] or "page"


def save_case(
    root: Path, source: Source, name: str, page: bytes, url: str, fetched_at: datetime
) -> Path:
    """Write a case (page + expected JSON) from what wirecrawl extracts now; returns the JSON path."""
    folder = root / source.name
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.html").write_bytes(page)
    data = {
        "url": url,
        "fetched_at": fetched_at.isoformat(),
        "expected": actual_fields(page, url, source, fetched_at),
    }
    target = folder / f"{name}.json"
    target.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return target


def load_cases(root: Path = FIXTURES) -> list[Case]:
    """Every saved case under ``root``, sorted by source and name."""
    cases = []
    for meta in sorted(root.glob("*/*.json")):
        data = json.loads(meta.read_text(encoding="utf-8"))
        cases.append(
            Case(
                source=meta.parent.name,
                name=meta.stem,
                page=meta.with_suffix(".html"),
                url=data["url"],
                fetched_at=datetime.fromisoformat(data["fetched_at"]),
                expected=data["expected"],
            )
        )
    return cases
