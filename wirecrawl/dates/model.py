"""The values the date normaliser hands out: results, candidates and choices."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

PRECISIONS = ("second", "minute", "hour", "day", "week", "month", "year")


def iso(value: datetime | None) -> str | None:
    """ISO 8601 text of an aware datetime (``+00:00`` for UTC), or None."""
    return None if value is None else value.isoformat()


@dataclass(frozen=True)
class DateResult:
    """What wirecrawl makes of one date string: a UTC instant inside a window, or a reason."""

    raw: str
    published_at: datetime | None
    precision: str | None
    earliest: datetime | None
    latest: datetime | None
    rule: str
    reason: str | None
    explicit_offset: bool = False  # the text named its own UTC offset or zone

    @classmethod
    def rejected(cls, raw: str, rule: str, reason: str) -> DateResult:
        """A result that says why there is no instant."""
        return cls(raw, None, None, None, None, rule, reason)

    def as_json(self) -> dict[str, Any]:
        """The six keys every wirecrawl command prints for a date."""
        return {
            "published_at": iso(self.published_at),
            "precision": self.precision,
            "earliest": iso(self.earliest),
            "latest": iso(self.latest),
            "rule": self.rule,
            "reason": self.reason,
        }


@dataclass(frozen=True)
class DateCandidate:
    """One date string found for a story, with where it was found."""

    text: str
    origin: str
    detail: str = ""


@dataclass(frozen=True)
class DateChoice:
    """The result ``choose_date`` settled on, the candidate it came from, and all the evidence."""

    result: DateResult
    candidate: DateCandidate | None
    evidence: list[dict[str, Any]] = field(default_factory=list)
