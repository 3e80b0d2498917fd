"""``wirecrawl serve``: the stored stories in Datasette, read-only, with search and an Atom feed.

``metadata.yml`` describes the tables and holds the canned queries; ``plugin`` registers the
SQL functions they use, highlights matches and adds the feed route.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any

DATABASE = "wirecrawl"


def load_metadata() -> dict[str, Any]:
    """The bundled Datasette metadata (title, table and column descriptions, canned queries)."""
    import yaml

    text = resources.files(__package__).joinpath("metadata.yml").read_text(encoding="utf-8")
    loaded: dict[str, Any] = yaml.safe_load(text)
    return loaded


def make_datasette(path: Path) -> Any:
    """A Datasette serving the database at ``path`` read-only as ``/wirecrawl``.

    The file is opened in Datasette's normal mode for a changing file (``mode=ro``, not
    ``immutable``: a crawl may be writing to it); no writable canned query or write route exists.
    The plugin is registered in-process once.
    """
    from datasette.app import Datasette
    from datasette.database import Database
    from datasette.plugins import pm

    from wirecrawl.datasette import plugin

    if not pm.is_registered(plugin):
        pm.register(plugin, name="wirecrawl")
    datasette = Datasette(metadata=load_metadata(), settings={"sql_time_limit_ms": 3000})
    datasette.remove_database("_memory")
    datasette.add_database(Database(datasette, path=str(path), is_mutable=True), name=DATABASE)
    return datasette
