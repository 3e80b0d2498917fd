"""``wirecrawl sources``: list the registry, and validate a sources file."""

from __future__ import annotations

from pathlib import Path

import click

from wirecrawl.cli.app import cli, config_from, db_option, sources_option
from wirecrawl.cli.output import emit, format_options, output_format
from wirecrawl.sources import SourceError, load_file, load_sources


def registry(sources_file: Path | None, sample_port: int | None = None) -> list:
    """Load the registry for a command, turning a bad file into a click error naming it."""
    config = config_from(sources_file=sources_file, sample_port=sample_port)
    try:
        return load_sources(config.sources_file, sample_port=config.sample_port)
    except SourceError as exc:
        raise click.ClickException(str(exc)) from None


@cli.group(invoke_without_command=True)
@sources_option
@db_option
@format_options
@click.pass_context
def sources(
    ctx: click.Context,
    sources_file: Path | None,
    db_path: Path | None,
    as_json: bool,
    as_nl: bool,
    as_csv: bool,
) -> None:
    """List the sources wirecrawl knows: built-in ones plus those of --sources FILE.

    Example: wirecrawl sources --sources my-sources.toml
    """
    if ctx.invoked_subcommand is not None:
        return
    fmt = output_format(as_json, as_nl, as_csv)
    config = config_from(db_path=db_path, sources_file=sources_file)
    entries = registry(config.sources_file)
    counts: dict[str, int] = {}
    if config.db_path.exists():
        from wirecrawl import store

        with store.opened(config.db_path, readonly=True) as db:
            counts = store.counts_by_source(db)
    rows = [
        {
            "name": s.name,
            "display_name": s.display_name,
            "discovery": ", ".join(k for k in ("feeds", "sitemaps", "listings") if getattr(s, k)),
            "languages": list(s.languages),
            "timezone": s.timezone,
            "interval": _duration(s.interval.total_seconds()),
            "kind": "live-only" if s.live_only else ("sample" if s.sample else "user"),
            "stories": counts.get(s.name, 0),
        }
        for s in entries
    ]
    emit(rows, list(rows[0]) if rows else ["name"], fmt)


def _duration(seconds: float) -> str:
    for unit, size in (("w", 604800), ("d", 86400), ("h", 3600), ("m", 60)):
        if seconds >= size and seconds % size == 0:
            return f"{int(seconds // size)}{unit}"
    return f"{int(seconds)}s"


@sources.command("check")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
def check(file: Path) -> None:
    """Validate a sources file; every error names the file, the entry and the field.

    Example: wirecrawl sources check my-sources.toml
    """
    config = config_from()
    try:
        own = load_file(file, {"sample_port": config.sample_port})
        load_sources(file, sample_port=config.sample_port)
    except SourceError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(f"{file}: {len(own)} source(s) OK: {', '.join(s.name for s in own) or '(none)'}")
