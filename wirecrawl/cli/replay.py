"""``wirecrawl renormalise`` and ``wirecrawl reextract``: repair stored stories without a recrawl.

Raw beside normalised: every story keeps what its page said (date candidates as written, and
the page itself unless WIRECRAWL_KEEP_RAW is off), so a better normaliser or extractor can be
replayed over the database.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from wirecrawl.cli.app import cli, config_from, db_option, sources_option


def _registry(sources_file: Path | None) -> dict[str, Any]:
    from wirecrawl.cli.sources import registry

    return {s.name: s for s in registry(sources_file)}


@cli.command()
@db_option
@sources_option
@click.option("--source", "-s", multiple=True, help="Only stories of this source (repeatable).")
@click.option("--dry-run", is_flag=True, help="Count what would change; write nothing.")
def renormalise(
    db_path: Path | None, sources_file: Path | None, source: tuple[str, ...], dry_run: bool
) -> None:
    """Recompute every stored story's published_at from its raw date candidates and fetch time.

    Runs the current date rules (choice among candidates, calendars, windows, sanity checks)
    over what each page said, in the source's timezone and languages; prints how many changed.

    Example: wirecrawl renormalise --db data/wirecrawl.db
    """
    from wirecrawl import store
    from wirecrawl.dates import DateNormaliser

    config = config_from(db_path=db_path, sources_file=sources_file)
    if not config.db_path.exists():
        raise click.ClickException(f"no database at {config.db_path}")
    sources = _registry(config.sources_file)
    normaliser = DateNormaliser()
    with store.opened(config.db_path) as db:
        total, changed = store.renormalise_dates(
            db, sources, normaliser, only=source, dry_run=dry_run
        )
    verb = "would change" if dry_run else "changed"
    click.echo(f"{total} stories checked, {changed} {verb}")


@cli.command()
@db_option
@sources_option
@click.option("--source", "-s", multiple=True, help="Only stories of this source (repeatable).")
def reextract(db_path: Path | None, sources_file: Path | None, source: tuple[str, ...]) -> None:
    """Run extraction again over the kept raw pages and update the stories that changed.

    A changed story gets a new revision (the previous version is kept) and is linked into
    clusters again; stories whose raw page was not kept are skipped and counted.

    Example: wirecrawl reextract --source globalwire
    """
    from wirecrawl import store
    from wirecrawl.dedup import NearDupIndex

    config = config_from(db_path=db_path, sources_file=sources_file)
    if not config.db_path.exists():
        raise click.ClickException(f"no database at {config.db_path}")
    sources = _registry(config.sources_file)
    with store.opened(config.db_path) as db:
        counts = store.reextract_stories(
            db, sources, NearDupIndex(db), only=source, progress=sys.stderr
        )
    click.echo(", ".join(f"{k}: {v}" for k, v in counts.items()))
