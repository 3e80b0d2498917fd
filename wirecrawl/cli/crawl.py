"""``wirecrawl crawl``: crawl sources now, with progress and an end-of-run summary."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from wirecrawl.cli.app import cli, config_from, db_option, sources_option
from wirecrawl.sources import Source, SourceError, get_source


def select_sources(
    entries: list[Source], names: tuple[str, ...], all_: bool, include_live: bool
) -> list[Source]:
    """Sources named, or every one with --all (live-only ones only with --include-live)."""
    if not names and not all_:
        listing = ", ".join(s.name for s in entries if not s.live_only)
        raise click.UsageError(f"name the sources to crawl, or pass --all. Sources: {listing}")
    if all_:
        chosen = [s for s in entries if include_live or not s.live_only]
    else:
        try:
            chosen = [get_source(entries, name) for name in dict.fromkeys(names)]
        except SourceError as exc:
            raise click.UsageError(str(exc)) from None
    return chosen


def progress_printer(stream: Any = None) -> Any:
    """A progress callback that rewrites one status line per tick on a terminal."""
    stream = stream or sys.stderr
    live = stream.isatty()

    def show(stats: dict[str, dict[str, Any]]) -> None:
        parts = []
        for name, s in stats.items():
            parts.append(
                f"{name}: {s.get('wirecrawl/pages/article', 0)} pages, "
                f"{s.get('wirecrawl/coverage/items', 0)} stories"
            )
        line = " | ".join(parts)
        if live:
            stream.write("\r\033[K" + line)
        else:
            stream.write(line + "\n")
        stream.flush()

    return show


def print_summary(summaries: list[Any], stream: Any = None) -> None:
    """The end-of-run summary: per source pages, stored, dropped with reasons, missing dates."""
    from rich.console import Console
    from rich.table import Table

    console = Console(file=stream or sys.stderr)
    table = Table(title="crawl summary", header_style="bold")
    for column in (
        "source",
        "outcome",
        "pages",
        "added",
        "updated",
        "unchanged",
        "dropped",
        "no date",
    ):
        table.add_column(column)
    for s in summaries:
        dropped = ", ".join(f"{k}: {v}" for k, v in s.dropped.items()) or "0"
        missing = ", ".join(f"{k}: {v}" for k, v in s.dates_missing.items()) or "0"
        table.add_row(
            s.source,
            s.outcome,
            str(s.pages),
            str(s.added),
            str(s.updated),
            str(s.unchanged),
            dropped,
            missing,
        )
    console.print(table)
    for s in summaries:
        if s.failure:
            console.print(f"[red]{s.source}: the crawl could not run: {s.failure}[/red]")
        for key, value in s.errors.items():
            console.print(f"[yellow]{s.source}: {value} x {key}[/yellow]")


@cli.command()
@click.argument("names", metavar="[SOURCE]...", nargs=-1)
@click.option(
    "--all", "all_", is_flag=True, help="Crawl every source (live-only ones need --include-live)."
)
@click.option(
    "--include-live",
    is_flag=True,
    help="With --all, also crawl live-only sources (needs internet).",
)
@sources_option
@db_option
@click.option("--user-agent", default=None, help="User agent to send [env WIRECRAWL_USER_AGENT].")
@click.option(
    "--delay",
    type=float,
    default=None,
    help="Seconds between requests to one site [env WIRECRAWL_DELAY].",
)
@click.option(
    "--concurrency",
    type=int,
    default=None,
    help="Parallel requests per site [env WIRECRAWL_CONCURRENCY].",
)
@click.option(
    "--port",
    "sample_port",
    type=int,
    default=None,
    help="Port of the sample sites [env WIRECRAWL_SAMPLE_PORT].",
)
@click.option(
    "--now", "now", default=None, help="Fix the crawl's clock (ISO 8601), for reproducible runs."
)
@click.option("--full", is_flag=True, help="Fetch every page again, ignoring what is stored.")
@click.option(
    "--workers",
    type=click.IntRange(min=0, max=64),
    default=None,
    help=(
        "Split the sources across N crawl processes to use N cores, balanced by the pages each "
        "source fetched in its last run [env WIRECRAWL_WORKERS]."
    ),
)
@click.option("--quiet", is_flag=True, help="No progress line.")
@click.option("--write-inline", is_flag=True, hidden=True)  # set by --workers for its children
def crawl(
    names: tuple[str, ...],
    all_: bool,
    include_live: bool,
    sources_file: Path | None,
    db_path: Path | None,
    user_agent: str | None,
    delay: float | None,
    concurrency: int | None,
    sample_port: int | None,
    now: str | None,
    full: bool,
    workers: int | None,
    quiet: bool,
    write_inline: bool,
) -> None:
    """Crawl sources now and store their stories.

    Example: wirecrawl crawl globalwire meridian --db data/wirecrawl.db
    """
    from wirecrawl.cli.sources import registry
    from wirecrawl.crawl import run_crawl, run_parallel
    from wirecrawl.schedule import BUSY_EXIT

    config = config_from(
        db_path=db_path,
        sources_file=sources_file,
        user_agent=user_agent,
        download_delay=delay,
        concurrency=concurrency,
        sample_port=sample_port,
        workers=workers,
    )
    chosen = select_sources(
        registry(config.sources_file, config.sample_port), names, all_, include_live
    )
    fixed = None
    if now:
        from wirecrawl.cli.dates import parse_fetched_at

        try:
            fixed = parse_fetched_at(now)
        except ValueError as exc:
            raise click.BadParameter(str(exc), param_hint="--now") from None
    click.echo(f"crawling {', '.join(s.name for s in chosen)} into {config.db_path}", err=True)
    if config.workers >= 2 and len(chosen) >= 2:
        child_args = [
            *(["--sources", str(config.sources_file)] if config.sources_file else []),
            *["--user-agent", config.user_agent, "--delay", str(config.download_delay)],
            *["--concurrency", str(config.concurrency), "--port", str(config.sample_port)],
            *(["--now", now] if now else []),
            *(["--full"] if full else []),
        ]
        summaries = run_parallel(chosen, config, config.workers, child_args)
    else:
        progress = None if quiet else progress_printer()
        summaries = run_crawl(
            chosen,
            config,
            now=fixed,
            progress=progress,
            full=full,
            writer_thread=False if write_inline else None,
        )
    if not quiet and sys.stderr.isatty():
        sys.stderr.write("\n")
    print_summary(summaries)
    if any(s.outcome not in ("ok", "busy") for s in summaries):
        sys.exit(1)
    if any(s.outcome == "busy" for s in summaries):
        sys.exit(BUSY_EXIT)
