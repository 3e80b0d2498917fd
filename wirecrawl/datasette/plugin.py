"""wirecrawl's Datasette plugin, registered in-process by ``make_datasette``.

- SQL functions ``wirecrawl_match(text)`` (a search typed as words, as an FTS5 query folded like
  the index; a query with no words matches nothing), ``wirecrawl_snippet(original, marked)`` and
  ``wirecrawl_fold(text)``;
- matches marked by those functions shown as ``<mark>``, and a ``cluster`` column as a link to
  the story's cluster;
- ``/-/wirecrawl/feed.atom?q=words&source=name&limit=50``: an Atom feed of the newest stories,
  one per cluster (``copies=1`` for every copy), optionally only those matching a search.
"""

from __future__ import annotations

import io
import sqlite3
from datetime import UTC, datetime
from typing import Any

from datasette import hookimpl
from datasette.utils.asgi import Response
from markupsafe import Markup, escape

from wirecrawl import feeds, store
from wirecrawl.datasette import DATABASE

FEED_LIMIT = 50
MAX_FEED_LIMIT = 1000


def match_expression(text: str | None) -> str:
    """``store.fts_query`` of the words typed; an FTS5 query matching nothing when there are none."""
    try:
        return store.fts_query(text or "")
    except store.BadQuery:
        return '""'


def marked_snippet(original: str | None, marked: str | None) -> str:
    """``store.restore_snippet`` keeping the \\x02/\\x03 match markers for ``render_cell``."""
    return store.restore_snippet(original, marked, marks=("\x02", "\x03"))


@hookimpl
def prepare_connection(conn: sqlite3.Connection) -> None:
    conn.create_function("wirecrawl_match", 1, match_expression, deterministic=True)
    conn.create_function("wirecrawl_snippet", 2, marked_snippet, deterministic=True)
    conn.create_function("wirecrawl_fold", 1, store.fold_for_search, deterministic=True)


@hookimpl
def render_cell(value: Any, column: str, table: str | None, database: str, datasette: Any) -> Any:
    if database != DATABASE:
        return None
    if isinstance(value, str) and "\x02" in value:
        html = str(escape(value)).replace("\x02", "<mark>").replace("\x03", "</mark>")
        return Markup(html)
    if table is None and column == "cluster" and isinstance(value, int):
        href = datasette.urls.database(DATABASE) + f"/story_cluster?id={value}"
        return Markup(f'<a href="{escape(href)}">outlets</a>')
    return None


@hookimpl
def register_routes() -> list[tuple[str, Any]]:
    return [(r"^/-/wirecrawl/feed\.atom$", atom_feed)]


def _limit(value: str | None) -> int:
    try:
        return max(1, min(MAX_FEED_LIMIT, int(value or FEED_LIMIT)))
    except ValueError:
        return FEED_LIMIT


async def atom_feed(request: Any, datasette: Any) -> Response:
    """The Atom feed route; a search FTS5 cannot run answers 400 with ``bad query: ...``."""
    query = (request.args.get("q") or "").strip() or None
    sources = tuple(s for s in request.args.getlist("source") if s)
    unique = request.args.get("copies") not in ("1", "true", "yes")
    limit = _limit(request.args.get("limit"))
    title = "wirecrawl: " + (f"stories matching {query!r}" if query else "latest stories")
    info = feeds.FeedInfo(
        title=title,
        feed_id=f"{feeds.TAG_AUTHORITY}serve:{request.path}"
        + (f"?{request.query_string}" if request.query_string else ""),
        updated=datetime.now(UTC).replace(microsecond=0),
        link=datasette.absolute_url(request, datasette.urls.database(DATABASE)),
        self_link=datasette.absolute_url(request, request.full_path),
    )

    def build(conn: sqlite3.Connection) -> bytes:
        import sqlite_utils

        db = sqlite_utils.Database(conn)
        rows = store.export_stories(
            db, source=sources, query=query, unique=unique, limit=limit, originals=True
        )
        out = io.BytesIO()
        feeds.write_atom(rows, out, info)
        return out.getvalue()

    try:
        body = await datasette.get_database(DATABASE).execute_fn(build)
    except store.BadQuery as exc:
        return Response.text(f"bad query: {exc}\n", status=400)
    return Response(body, content_type="application/atom+xml; charset=utf-8")
