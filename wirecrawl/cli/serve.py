"""``wirecrawl serve``: browse the stored stories in Datasette, read-only."""

from __future__ import annotations

import socket
from pathlib import Path

import click

from wirecrawl.cli.app import cli, config_from, db_option


@cli.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    default=8001,
    show_default=True,
    help="Port to listen on (0: any free port; the URL printed says which).",
)
def serve(db_path: Path | None, host: str, port: int) -> None:
    """Browse the stories in Datasette: tables, latest stories, search, clusters, an Atom feed.

    The database is opened read-only (a crawl may keep writing to it). Canned queries:
    latest_stories, search (?q=words) and story_cluster (?id=N); the feed of a search is
    /-/wirecrawl/feed.atom?q=words. Stop with Ctrl+C.

    Example: wirecrawl serve --db data/wirecrawl.db --port 8001
    """
    import uvicorn

    from wirecrawl.datasette import DATABASE, make_datasette

    path = config_from(db_path=db_path).db_path
    if not path.is_file():
        raise click.ClickException(
            f"no database at {path}: run `wirecrawl crawl` or `wirecrawl demo` first"
        )
    try:
        listener = socket.create_server((host, port))
    except OSError as exc:
        raise click.ClickException(f"cannot listen on {host}:{port}: {exc.strerror}") from None
    bound = listener.getsockname()[1]
    shown = f"[{host}]" if ":" in host else host
    url = f"http://{shown}:{bound}/"
    click.echo(f"Serving {path} read-only at {url}")
    click.echo(f"  search: {url}{DATABASE}/search?q=words")
    click.echo(f"  feed:   {url}-/wirecrawl/feed.atom?q=words")
    datasette = make_datasette(path)
    config = uvicorn.Config(datasette.app(), log_level="warning", lifespan="on")
    uvicorn.Server(config).run(sockets=[listener])
