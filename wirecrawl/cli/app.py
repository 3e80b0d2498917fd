"""The ``wirecrawl`` click group; command modules in this package register themselves on it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from wirecrawl import __version__
from wirecrawl.config import Config, ConfigError, load_config


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="wirecrawl")
def cli() -> None:
    """wirecrawl: crawl news sites into attributed, deduplicated stories in SQLite.

    Settings come from command-line options, then WIRECRAWL_* environment variables
    (WIRECRAWL_DB, WIRECRAWL_SOURCES, WIRECRAWL_USER_AGENT, WIRECRAWL_DELAY,
    WIRECRAWL_CONCURRENCY, WIRECRAWL_SAMPLE_PORT, WIRECRAWL_KEEP_RAW, WIRECRAWL_WORKERS,
    WIRECRAWL_DEDUP_THRESHOLD), then defaults. Commands that crawl run on jemalloc when it is
    installed (WIRECRAWL_ALLOCATOR=auto|jemalloc|system).

    Example: wirecrawl demo
    """


def config_from(**options: Any) -> Config:
    """Build the Config for a command, turning a bad setting into a click error."""
    try:
        return load_config(**options)
    except ConfigError as exc:
        raise click.ClickException(str(exc)) from None


db_option = click.option(
    "--db",
    "db_path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="SQLite database file [env WIRECRAWL_DB; default data/wirecrawl.db].",
)
sources_option = click.option(
    "--sources",
    "sources_file",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="A TOML file of extra sources, added to the built-in ones [env WIRECRAWL_SOURCES].",
)
