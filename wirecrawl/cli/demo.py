"""``wirecrawl demo``: serve the bundled sample news sites on loopback and crawl them."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import click

from wirecrawl.cli.app import cli, config_from, db_option

EXAMPLES = """\
Try next:
  wirecrawl stories --limit 5
  wirecrawl stories --source sahar --json
  wirecrawl sources
  wirecrawl demo serve            # keep the sample sites up and crawl them yourself
"""


@cli.group(invoke_without_command=True)
@db_option
@click.option(
    "--port",
    "sample_port",
    type=int,
    default=None,
    help="Port for the sample sites [default 8451].",
)
@click.option(
    "--stories",
    "count",
    type=click.IntRange(min=1, max=100_000),
    default=12,
    show_default=True,
    help="Stories per sample site.",
)
@click.pass_context
def demo(ctx: click.Context, db_path: Path | None, sample_port: int | None, count: int) -> None:
    """Serve the sample news sites on loopback, crawl them all, and show what was stored.

    The sites are invented; they run on 127.0.0.2-127.0.0.5 so no internet is needed.

    Example: wirecrawl demo --db /tmp/demo.db
    """
    if ctx.invoked_subcommand is not None:
        return
    from wirecrawl import store
    from wirecrawl.cli.crawl import print_summary, progress_printer
    from wirecrawl.cli.output import emit
    from wirecrawl.cli.sources import registry
    from wirecrawl.crawl import run_crawl
    from wirecrawl.samples.server import SampleSites
    from wirecrawl.samples.world import World

    config = config_from(db_path=db_path, sample_port=sample_port, download_delay=0, concurrency=8)
    now = datetime.now(UTC).replace(second=0, microsecond=0)
    world = World(stories=count, now=now, port=config.sample_port)
    try:
        sites = SampleSites(world, port=config.sample_port)
        sites.start()
    except OSError as exc:
        raise click.ClickException(
            f"cannot serve the sample sites on port {config.sample_port}: {exc}. "
            "Pick another with --port or WIRECRAWL_SAMPLE_PORT."
        ) from None
    try:
        config = config_from(
            db_path=db_path, sample_port=sites.port, download_delay=0, concurrency=8
        )
        samples = [s for s in registry(config.sources_file, sites.port) if s.sample]
        click.echo(
            f"serving {len(samples)} sample sites on port {sites.port}; crawling into {config.db_path}",
            err=True,
        )
        summaries = run_crawl(samples, config, progress=progress_printer())
    finally:
        sites.stop()
    click.echo("", err=True)
    print_summary(summaries)
    with store.opened(config.db_path, readonly=True) as db:
        counts = store.counts_by_source(db)
        rows = list(store.query_stories(db, limit=12))
    click.echo(
        f"\n{sum(counts.values())} stories in {config.db_path}: "
        + ", ".join(f"{k} {v}" for k, v in counts.items())
    )
    emit(
        rows,
        ["id", "source", "published_at", "title", "original_source"],
        "table",
        widths={"title": 55},
    )
    click.echo(EXAMPLES)


@demo.command("serve")
@click.option("--port", type=int, default=None, help="Port for the sample sites [default 8451].")
@click.option(
    "--stories", "count", type=click.IntRange(min=1, max=100_000), default=12, show_default=True
)
@click.option("--seed", type=int, default=7, show_default=True)
def serve(port: int | None, count: int, seed: int) -> None:
    """Serve the sample sites until Ctrl-C, printing their addresses.

    Example: wirecrawl demo serve --port 8451
    """
    from wirecrawl.samples.server import serve_forever

    config = config_from(sample_port=port)
    serve_forever(config.sample_port, count, seed)
