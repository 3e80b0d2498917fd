"""``wirecrawl fixture``: save a page and the story extracted from it as a test case."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import click

from wirecrawl.cli.app import cli, sources_option


@cli.command()
@click.argument("source_name", metavar="SOURCE")
@click.argument("target", metavar="PATH_OR_URL")
@click.option("--url", "page_url", default=None, help="The page's URL, for a saved file.")
@click.option("--name", default=None, help="Case name [default: from the URL].")
@click.option("--fetched-at", default=None, help="When the page was fetched (ISO 8601) [now].")
@click.option(
    "--dir",
    "root",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Folder of cases [default: tests/fixtures].",
)
@sources_option
def fixture(
    source_name: str,
    target: str,
    page_url: str | None,
    name: str | None,
    fetched_at: str | None,
    root: Path | None,
    sources_file: Path | None,
) -> None:
    """Save a page and the story wirecrawl extracts from it as a test case for review.

    Writes <dir>/<SOURCE>/<name>.html and <name>.json; check the JSON by eye, fix what is
    wrong (in the source entry, or in the expected values), and commit both: the saved-page
    test then runs the case on every `make test`.

    Example: wirecrawl fixture meridian https://news.example.org/world/1-story.html
    """
    from wirecrawl.cli.extract import fetch, is_url, parse_time
    from wirecrawl.cli.sources import registry
    from wirecrawl.fixtures import FIXTURES, save_case, slug
    from wirecrawl.sources import SourceError, get_source

    try:
        source = get_source(registry(sources_file), source_name)
    except SourceError as exc:
        raise click.ClickException(str(exc)) from None
    when = parse_time(fetched_at, "--fetched-at") if fetched_at else datetime.now(UTC)
    try:
        if is_url(target):
            page, _ = fetch(target)
            url = page_url or target
        else:
            page = Path(target).read_bytes()
            if not page_url:
                raise click.ClickException("--url is needed for a saved file: give the page's URL")
            url = page_url
    except OSError as exc:
        raise click.ClickException(f"{target}: cannot read: {exc}") from None
    saved = save_case(root or FIXTURES, source, name or slug(url), page, url, when)
    click.echo(f"saved {saved} and {saved.with_suffix('.html')}: review the expected values")
