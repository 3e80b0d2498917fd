"""``wirecrawl extract``: run extraction, cleaning and date normalisation on saved pages or URLs."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import click

from wirecrawl.cli.app import cli, sources_option

if TYPE_CHECKING:
    from wirecrawl.sources import Source

PAGE_SUFFIXES = (".html", ".htm", ".html.gz")
FETCH_TIMEOUT = 20
MAX_FETCH_BYTES = 32 * 1024 * 1024


@dataclass
class Job:
    """One page to extract: the argument as given, where to read it, and its own overrides."""

    path: str
    target: str
    url: str | None = None
    fetched_at: datetime | None = None
    error: str | None = None


def parse_time(text: str, where: str) -> datetime:
    """An ISO 8601 time (UTC when no offset is given); ClickException naming ``where`` if bad."""
    try:
        value = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        raise click.ClickException(
            f"{where}: {text!r} is not an ISO 8601 time such as 2026-11-27T09:30:00+00:00"
        ) from None
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def is_url(text: str) -> bool:
    """True for an http(s) URL argument (anything else is a path)."""
    return urlsplit(text).scheme in ("http", "https")


def is_page_file(path: Path) -> bool:
    """True for the saved-page names the command reads from folders."""
    return path.is_file() and path.name.lower().endswith(PAGE_SUFFIXES)


def expand(argument: str) -> Iterator[Job]:
    """Jobs for one argument: a URL, a file, or every page file under a folder (sorted)."""
    if is_url(argument):
        yield Job(argument, argument)
        return
    path = Path(argument)
    if path.is_dir():
        pages = sorted(p for p in path.rglob("*") if is_page_file(p))
        if not pages:
            yield Job(argument, argument, error=f"no {', '.join(PAGE_SUFFIXES)} files in folder")
        for page in pages:
            yield Job(str(page), str(page))
    elif path.exists():
        yield Job(argument, argument)
    else:
        yield Job(argument, argument, error="no such file or folder")


def read_jsonl(handle: Any, name: str) -> Iterator[Job]:
    """Jobs from ``--jsonl``: one object a line with ``path`` and optional ``url``/``fetched_at``."""
    for number, line in enumerate(handle, 1):
        if not line.strip():
            continue
        where = f"{name}, line {number}"
        try:
            entry = json.loads(line)
        except ValueError as exc:
            raise click.ClickException(f"{where}: not JSON: {exc}") from None
        if not isinstance(entry, dict) or not isinstance(entry.get("path"), str):
            raise click.ClickException(f'{where}: each line needs a "path" string')
        fetched = entry.get("fetched_at")
        yield Job(
            entry["path"],
            entry["path"],
            url=entry.get("url") or None,
            fetched_at=parse_time(str(fetched), where) if fetched else None,
        )


def fetch(url: str) -> tuple[bytes, dict[str, str]]:
    """Download a page with our user agent and a 20 s timeout; OSError on any failure."""
    from urllib.request import Request, urlopen

    from wirecrawl.config import DEFAULT_USER_AGENT

    request = Request(url, headers={"User-Agent": DEFAULT_USER_AGENT})
    with urlopen(request, timeout=FETCH_TIMEOUT) as response:
        data: bytes = response.read(MAX_FETCH_BYTES)
        headers = {k: v for k, v in response.headers.items()}
    return data, headers


def pick_source(sources: list[Source], url: str) -> Source | None:
    """The source whose domains contain the URL's host (a subdomain counts), if any."""
    host = (urlsplit(url).hostname or "").lower()
    if not host:
        return None
    for source in sources:
        for domain in source.domains:
            domain = domain.lower()
            if host == domain or host.endswith("." + domain):
                return source
    return None


def run_job(
    job: Job,
    sources: list[Source],
    forced: Source | None,
    default_time: datetime,
    normaliser: Any = None,
) -> dict[str, Any]:
    """Extract one page into its record, or ``{"path", "error"}`` when it cannot be read."""
    from wirecrawl.extract import ExtractError
    from wirecrawl.process import process_page, story_record

    if job.error:
        return {"path": job.path, "error": job.error}
    headers: dict[str, str] = {}
    try:
        if is_url(job.target):
            data, headers = fetch(job.target)
            url = job.url or job.target
        else:
            path = Path(job.target)
            data = path.read_bytes()
            url = job.url or path.resolve().as_uri()
    except (OSError, ValueError) as exc:
        return {"path": job.path, "error": f"cannot read: {exc}"}
    source = forced or pick_source(sources, url)
    try:
        story = process_page(
            data,
            url,
            source=source,
            fetched_at=job.fetched_at or default_time,
            normaliser=normaliser,
            headers=headers,
            registry=sources,
        )
    except ExtractError as exc:
        return {"path": job.path, "error": str(exc)}
    except Exception as exc:  # a page must never stop the other pages; reported, not raised
        return {"path": job.path, "error": f"extraction failed: {type(exc).__name__}: {exc}"}
    return story_record(story, job.path)


def show(record: dict[str, Any], lines: int = 3) -> str:
    """The human-readable summary of one record."""
    if "error" in record:
        return f"{record['path']}: error: {record['error']}"
    out = [f"== {record['path']}", f"title:    {record['title'] or '-'}"]
    out.append(f"authors:  {', '.join(record['authors']) or '-'}")
    out.append(f"date:     {record['published_at'] or '-'} (as written: {record['published_raw']})")
    if record["original_source"] or record["original_url"]:
        origin = record["original_source"] or ""
        if record["original_url"]:
            origin += f" <{record['original_url']}>"
        out.append(f"source:   {origin.strip()}")
    out.append(f"language: {record['language'] or '-'}    publisher: {record['publisher'] or '-'}")
    paragraphs = [p for p in record["body"].split("\n\n") if p]
    for paragraph in paragraphs[:lines]:
        out.append("  " + (paragraph if len(paragraph) <= 200 else paragraph[:197] + "..."))
    if len(paragraphs) > lines:
        out.append(f"  [{len(paragraphs) - lines} more paragraphs]")
    return "\n".join(out)


@cli.command("extract")
@click.argument("inputs", nargs=-1)
@click.option("--url", "page_url", default=None, help="The page's URL, for a single saved file.")
@click.option("--source", "source_name", default=None, help="Use this source's rules.")
@sources_option
@click.option(
    "--fetched-at",
    default=None,
    help="When the pages were fetched (ISO 8601; default now), for relative dates.",
)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line per page.")
@click.option(
    "--jsonl",
    "jsonl",
    type=click.File("r", encoding="utf-8"),
    default=None,
    help='A file (or -) of {"path", "url", "fetched_at"} lines, for pages needing their own.',
)
def extract_command(
    inputs: tuple[str, ...],
    page_url: str | None,
    source_name: str | None,
    sources_file: Path | None,
    fetched_at: str | None,
    as_json: bool,
    jsonl: Any,
) -> None:
    """Extract stories from saved pages, folders of them, or live URLs, in one process.

    Folders are read recursively (*.html, *.htm, *.html.gz, sorted). Without --source, the
    source whose domains hold the page's host is used. Dates are chosen and normalised to UTC
    against --fetched-at in the source's timezone. A page that cannot be read prints an error
    line and makes the exit code 1; the other pages still print.

    Example: wirecrawl extract saved/story.html --url https://example.com/news/1 --json
    """
    from wirecrawl.sources import SourceError, get_source, load_sources

    try:
        sources = load_sources(sources_file)
        forced = get_source(sources, source_name) if source_name else None
    except SourceError as exc:
        raise click.ClickException(str(exc)) from None
    default_time = parse_time(fetched_at, "--fetched-at") if fetched_at else datetime.now(UTC)
    jobs = [job for argument in inputs for job in expand(argument)]
    if page_url:
        if len(jobs) != 1 or is_url(jobs[0].target):
            raise click.ClickException("--url names the page's URL for exactly one saved file")
        jobs[0].url = page_url
    if jsonl is not None:
        jobs.extend(read_jsonl(jsonl, getattr(jsonl, "name", "--jsonl")))
    if not jobs:
        raise click.ClickException("give at least one page, folder or URL (or --jsonl FILE)")
    from wirecrawl.dates import DateNormaliser

    normaliser = DateNormaliser()
    failed = False
    for job in jobs:
        record = run_job(job, sources, forced, default_time, normaliser)
        failed = failed or "error" in record
        if as_json:
            click.echo(json.dumps(record, ensure_ascii=False))
        else:
            click.echo(show(record))
    if failed:
        raise SystemExit(1)
