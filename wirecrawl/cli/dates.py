"""``wirecrawl parse-date``: what wirecrawl makes of one date string, or of a JSON-lines batch."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import IO, TYPE_CHECKING, Any

import click

from wirecrawl.cli.app import cli

if TYPE_CHECKING:
    from wirecrawl.dates import DateNormaliser, DateResult

DATE_KEYS = ("published_at", "precision", "earliest", "latest", "rule", "reason")


def parse_fetched_at(value: str) -> datetime:
    """An aware fetch time from ISO 8601 text ("Z" allowed); ValueError if naive or malformed."""
    try:
        stamp = datetime.fromisoformat(value.strip())
    except ValueError:
        raise ValueError(
            f"{value!r} is not an ISO 8601 time such as 2026-11-28T12:00:00+00:00"
        ) from None
    if stamp.tzinfo is None:
        raise ValueError(f"{value!r} has no UTC offset (e.g. 2026-11-28T12:00:00+00:00)")
    return stamp


def bad_input(message: str) -> dict[str, Any]:
    """The result line for an input line that could not be used: all keys null but the reason."""
    return {**dict.fromkeys(DATE_KEYS), "reason": f"bad-input: {message}"}


def _line_options(line: str, defaults: dict[str, Any]) -> tuple[str, datetime, dict[str, Any]]:
    """Text, fetch time and parse options of one JSON line; ValueError says what is wrong."""
    try:
        row = json.loads(line)
    except json.JSONDecodeError as exc:
        raise ValueError(f"not JSON ({exc.msg})") from None
    if not isinstance(row, dict):
        raise ValueError("not a JSON object")
    text = row.get("text")
    if not isinstance(text, str):
        raise ValueError("missing 'text' string")
    fetched_at = defaults["fetched_at"]
    if row.get("fetched_at") is not None:
        fetched_at = parse_fetched_at(str(row["fetched_at"]))
    languages = row.get("languages", defaults["languages"])
    if isinstance(languages, str):
        languages = [languages]
    if languages is not None and not (
        isinstance(languages, list) and all(isinstance(x, str) for x in languages)
    ):
        raise ValueError("'languages' must be a list of language codes")
    for key in ("timezone", "date_order"):
        if row.get(key) is not None and not isinstance(row[key], str):
            raise ValueError(f"{key!r} must be a string")
    options = {
        "timezone": row.get("timezone") or defaults["timezone"],
        "languages": languages or None,
        "date_order": row.get("date_order") or defaults["date_order"],
        "allow_time_only": bool(row.get("listing", defaults["allow_time_only"])),
    }
    return text, fetched_at, options


def jsonl_results(
    lines: IO[str], normaliser: DateNormaliser, defaults: dict[str, Any]
) -> Iterator[dict[str, Any]]:
    """One result dict per input line, in order; a bad or blank line gets a bad-input result."""
    for line in lines:
        if not line.strip():
            yield bad_input("blank line")
            continue
        try:
            text, fetched_at, options = _line_options(line, defaults)
            yield normaliser.parse(text, fetched_at, **options).as_json()
        except ValueError as exc:
            yield bad_input(str(exc))


def _human(text: str, fetched_at: datetime, result: DateResult) -> str:
    rows = {"text": text, "fetched_at": fetched_at.astimezone(UTC).isoformat(), **result.as_json()}
    width = max(map(len, rows))
    return "\n".join(f"{key.ljust(width)}  {'-' if v is None else v}" for key, v in rows.items())


@cli.command("parse-date")
@click.argument("text", required=False)
@click.option(
    "--fetched-at",
    metavar="ISO8601",
    help="When the page was fetched, with an offset [default: now, UTC].",
)
@click.option(
    "--timezone",
    "timezone_name",
    default="UTC",
    show_default=True,
    metavar="TZ",
    help="IANA zone the source writes local times in.",
)
@click.option(
    "--language",
    "languages",
    multiple=True,
    metavar="LANG",
    help="Language code of the source (repeatable) [default: detected, slower].",
)
@click.option(
    "--date-order",
    type=click.Choice(["DMY", "MDY", "YMD"]),
    default=None,
    help="Order of numeric dates; without it an ambiguous 03/04/2026 is rejected.",
)
@click.option("--listing", is_flag=True, help="TEXT comes from a listing: accept a clock alone.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON line.")
@click.option(
    "--jsonl",
    "jsonl",
    type=click.File("r", encoding="utf-8"),
    default=None,
    help="Read JSON lines (text, fetched_at, timezone, languages, date_order) from a file "
    "or - for stdin; print one result line each. The options above act as defaults.",
)
def parse_date_command(
    text: str | None,
    fetched_at: str | None,
    timezone_name: str,
    languages: tuple[str, ...],
    date_order: str | None,
    listing: bool,
    as_json: bool,
    jsonl: IO[str] | None,
) -> None:
    """Show what wirecrawl makes of a date string: UTC instant, precision, window, rule, reason.

    Relative stamps resolve against --fetched-at: "11 hours ago" fetched at 12:00 is 01:00,
    in the window 00:00-01:00. Keys of --json and --jsonl lines: published_at, precision,
    earliest, latest, rule, reason (null when the string names no usable instant).

    \b
    Example: wirecrawl parse-date "11 hours ago" --fetched-at 2026-11-28T12:00:00Z --json
    """
    from wirecrawl.dates import DateNormaliser
    from wirecrawl.dates.core import context

    if (text is None) == (jsonl is None):
        raise click.UsageError("give either TEXT or --jsonl FILE")
    try:
        fetched = parse_fetched_at(fetched_at) if fetched_at else datetime.now(UTC)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--fetched-at") from None
    try:
        context(timezone_name, None, None)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--timezone") from None
    try:
        context("UTC", languages or None, None)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--language") from None
    normaliser = DateNormaliser()
    language_list = list(languages) or None
    defaults: dict[str, Any] = {
        "fetched_at": fetched,
        "timezone": timezone_name,
        "languages": language_list,
        "date_order": date_order,
        "allow_time_only": listing,
    }
    if jsonl is not None:
        for row in jsonl_results(jsonl, normaliser, defaults):
            click.echo(json.dumps(row, ensure_ascii=False))
        return
    assert text is not None
    result = normaliser.parse(
        text,
        fetched,
        timezone=timezone_name,
        languages=language_list,
        date_order=date_order,
        allow_time_only=listing,
    )
    if as_json:
        click.echo(json.dumps(result.as_json(), ensure_ascii=False))
    else:
        click.echo(_human(text, fetched, result))
