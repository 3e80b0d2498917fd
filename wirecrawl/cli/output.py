"""Output for query commands, in the style of sqlite-utils: a table, --json, --nl or --csv."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, datetime
from typing import Any, TypeVar

import click

from wirecrawl.sources import parse_duration

F = TypeVar("F", bound=Callable[..., Any])


def format_options(function: F) -> F:
    """Add --json, --nl and --csv (mutually exclusive; default is a table)."""
    for flag, help_text in (
        ("csv", "Output CSV (lists as JSON arrays)."),
        ("nl", "Output newline-delimited JSON, one object per line."),
        ("json", "Output a JSON array."),
    ):
        function = click.option(f"--{flag}", f"as_{flag}", is_flag=True, help=help_text)(function)
    return function


def output_format(as_json: bool, as_nl: bool, as_csv: bool) -> str:
    """The chosen format name; two at once is a usage error."""
    chosen = [name for name, on in (("json", as_json), ("nl", as_nl), ("csv", as_csv)) if on]
    if len(chosen) > 1:
        raise click.UsageError(
            f"choose one output format, not {' and '.join('--' + c for c in chosen)}"
        )
    return chosen[0] if chosen else "table"


def _cell(value: Any, width: int | None = None) -> str:
    if value is None:
        return ""
    if isinstance(value, list | dict):
        value = json.dumps(value, ensure_ascii=False)
    text = " ".join(str(value).split())
    if width and len(text) > width:
        text = text[: width - 1] + "…"
    return text


HIGHLIGHT = ("**", "**")


def _styled(text: str, highlighted: bool) -> Any:
    """A rich Text cell (never parsed as markup); ``**match**`` spans bold when highlighted."""
    from rich.text import Text

    if not highlighted:
        return Text(text)
    styled = Text()
    for number, piece in enumerate(text.split(HIGHLIGHT[0])):
        styled.append(piece, style="bold yellow" if number % 2 else "")
    return styled


def _csv_value(value: Any) -> Any:
    """A CSV cell: lists, objects and booleans as JSON, None as empty."""
    if isinstance(value, list | dict | bool):
        return json.dumps(value, ensure_ascii=False)
    return "" if value is None else value


def emit(
    rows: Iterable[dict[str, Any]],
    columns: Sequence[str],
    fmt: str,
    *,
    widths: dict[str, int] | None = None,
    out: Any = None,
    highlight: Sequence[str] = (),
) -> int:
    """Write rows in ``fmt``, streaming all but the table; returns how many rows were written.

    Table cells are plain text (brackets in titles are never read as markup); ``highlight``
    names columns whose ``**match**`` spans are shown bold.
    """
    out = out or sys.stdout
    picked = ({c: r.get(c) for c in columns} for r in rows)
    count = 0
    if fmt == "json":
        out.write("[")
        for row in picked:
            text = json.dumps(row, ensure_ascii=False, indent=2, default=str)
            out.write(
                ("," if count else "") + "\n" + "\n".join("  " + x for x in text.splitlines())
            )
            count += 1
        out.write("\n]\n" if count else "]\n")
    elif fmt == "nl":
        for row in picked:
            out.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")
            count += 1
    elif fmt == "csv":
        writer = csv.writer(out)
        writer.writerow(columns)
        for row in picked:
            writer.writerow([_csv_value(v) for v in row.values()])
            count += 1
    else:
        from rich.console import Console
        from rich.table import Table

        table = Table(show_lines=False, header_style="bold")
        for column in columns:
            table.add_column(column, overflow="fold")
        for row in picked:
            table.add_row(
                *(_styled(_cell(row[c], (widths or {}).get(c)), c in highlight) for c in columns)
            )
            count += 1
        Console(file=out, width=max(100, Console().width)).print(table)
    return count


def parse_when(value: str | None, now: datetime, option: str) -> datetime | None:
    """--since/--until: a duration back from now ("24h", "7d") or an ISO 8601 date or instant."""
    if value is None:
        return None
    try:
        return now - parse_duration(value)
    except ValueError:
        pass
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(
            f"{value!r} is neither a duration like 24h or 7d nor an ISO 8601 date",
            param_hint=option,
        ) from None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
