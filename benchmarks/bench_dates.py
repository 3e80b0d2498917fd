"""Date normalisation benchmark: strings per second, cold and warm, on a realistic mix.

The mix is what a crawl of news wires hands the normaliser, invented by a seeded generator:
ISO 8601 stamps from JSON-LD and meta tags, RFC 822 feed dates, English bylines, relative stamps
from listing pages (few distinct strings, seen again and again), Persian (relative and Jalali)
and Arabic (relative and Hijri) stamps, some German/French/Spanish ones that only dateparser
reads, and a little junk.

- cold: a new ``DateNormaliser`` (empty cache) over the mix, after one warm-up pass on other
  strings so that imports and dateparser's locale tables are already loaded (a crawl pays those
  once per process; ``first_pass`` shows that one-off cost);
- warm: the same normaliser over the same strings again, with later fetch times (its cache is
  as large as the mix, so every reading is a hit; a crawl's 4096-entry cache keeps the
  repeated relative stamps, while one-off absolute stamps pass through it cold);
- dateparser alone: the first thousand strings read by dateparser only, for comparison;
- choose: whole stories (3-5 candidates each) through ``DateNormaliser.choose``.

Run: ``.venv/bin/python -m benchmarks.bench_dates`` (``--help`` for sizes). The last line
printed is a JSON object with the figures.
"""

from __future__ import annotations

import argparse
import json
import random
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from wirecrawl.dates import DateCandidate, DateNormaliser

START = datetime(2026, 11, 28, 6, 0, tzinfo=UTC)
MONTHS = "January February March April May June July August September October November December"
PERSIAN_DIGITS = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")
ARABIC_DIGITS = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
JALALI_MONTHS = ("فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور", "مهر", "آبان", "آذر")
HIJRI_MONTHS = ("محرم", "صفر", "ربيع الأول", "رجب", "شعبان", "رمضان", "شوال", "جمادى الآخرة")

# (source timezone, languages, kind) and how often a string of that kind turns up
KINDS: list[tuple[str, tuple[str, ...], str, int]] = [
    ("UTC", ("en",), "iso", 22),
    ("Asia/Tehran", ("fa",), "iso-offset", 10),
    ("UTC", ("en",), "rfc822", 14),
    ("America/New_York", ("en",), "byline", 12),
    ("UTC", ("en",), "relative-en", 14),
    ("Asia/Tehran", ("fa",), "relative-fa", 6),
    ("Asia/Tehran", ("fa",), "jalali", 5),
    ("Asia/Riyadh", ("ar",), "relative-ar", 5),
    ("Asia/Riyadh", ("ar",), "hijri", 3),
    ("Europe/Berlin", ("de",), "german", 4),
    ("Europe/Paris", ("fr",), "french", 2),
    ("Europe/Madrid", ("es",), "spanish", 2),
    ("UTC", ("en",), "junk", 1),
]


def _text(kind: str, rng: random.Random, when: datetime) -> str:
    """One invented date string of ``kind`` for a story published around ``when``."""
    month = MONTHS.split()[when.month - 1]
    n = rng.choice((1, 2, 3, 5, 11, 23))
    generators: dict[str, Callable[[], str]] = {
        "iso": lambda: when.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "iso-offset": lambda: when.strftime("%Y-%m-%dT%H:%M:%S+03:30"),
        "rfc822": lambda: when.strftime("%a, %d %b %Y %H:%M:%S +0000"),
        "byline": lambda: f"Updated {when:%I:%M %p} EST, {month} {when.day}, {when.year}",
        "relative-en": lambda: f"{n} {rng.choice(('hours', 'minutes'))} ago",
        "relative-fa": lambda: f"{n} {rng.choice(('ساعت', 'دقیقه'))} پیش".translate(PERSIAN_DIGITS),
        "jalali": lambda: (
            f"{rng.randint(1, 29)} {rng.choice(JALALI_MONTHS)} 1405 - {when:%H:%M}"
        ).translate(PERSIAN_DIGITS),
        "relative-ar": lambda: f"منذ {n} ساعات".translate(ARABIC_DIGITS),
        "hijri": lambda: f"{rng.randint(1, 29)} {rng.choice(HIJRI_MONTHS)} 1447 هـ".translate(
            ARABIC_DIGITS
        ),
        "german": lambda: rng.choice(
            (f"vor {n} Stunden", f"{when.day}. Oktober 2026, {when:%H:%M} Uhr")
        ),
        "french": lambda: rng.choice((f"il y a {n} heures", f"le {when.day} octobre 2026")),
        "spanish": lambda: rng.choice((f"hace {n} horas", f"{when.day} de octubre de 2026")),
        "junk": lambda: rng.choice(("Share this story", "Read more", "Comments (12)")),
    }
    return generators[kind]()


def make_mix(size: int, seed: int) -> list[tuple[str, str, tuple[str, ...]]]:
    """``size`` (text, timezone, languages) triples in crawl proportions."""
    rng = random.Random(seed)
    weights = [weight for *_, weight in KINDS]
    mix = []
    for _ in range(size):
        zone, languages, kind, _ = rng.choices(KINDS, weights)[0]
        when = START - timedelta(minutes=rng.randint(60, 60 * 24 * 40))
        mix.append((_text(kind, rng, when), zone, languages))
    return mix


def make_stories(count: int, seed: int) -> list[tuple[list[DateCandidate], str, tuple[str, ...]]]:
    """Stories as the pipeline sees them: structured, byline, feed and listing candidates."""
    rng = random.Random(seed)
    stories: list[tuple[list[DateCandidate], str, tuple[str, ...]]] = []
    for _ in range(count):
        when = START - timedelta(minutes=rng.randint(30, 60 * 20))
        zone, languages = rng.choice((("UTC", ("en",)), ("Asia/Tehran", ("fa",))))
        candidates = [
            DateCandidate(when.strftime("%Y-%m-%dT%H:%M:%SZ"), "jsonld", "datePublished"),
            DateCandidate(_text("byline", rng, when), "byline", "span.date"),
            DateCandidate(_text("rfc822", rng, when), "feed", "pubDate"),
            DateCandidate(_text(rng.choice(("relative-en", "relative-fa")), rng, when), "listing"),
        ]
        stories.append((candidates[: rng.randint(2, 4)], zone, languages))
    return stories


def _rate(normaliser: DateNormaliser, mix: list[tuple[str, str, tuple[str, ...]]], at: datetime):
    started = time.perf_counter()
    for index, (text, zone, languages) in enumerate(mix):
        fetched = at + timedelta(seconds=index)
        normaliser.parse(text, fetched, timezone=zone, languages=languages, date_order=None)
    return len(mix) / (time.perf_counter() - started)


def _dateparser_rate(mix: list[tuple[str, str, tuple[str, ...]]]) -> float:
    """Strings per second when dateparser alone reads every string (no fast paths, no cache)."""
    from wirecrawl.dates.core import context
    from wirecrawl.dates.slow import read_with_dateparser
    from wirecrawl.dates.text import clean, fold

    started = time.perf_counter()
    for text, zone, languages in mix:
        cleaned = clean(text)
        read_with_dateparser(cleaned, fold(cleaned), START, context(zone, languages, None))
    return len(mix) / (time.perf_counter() - started)


def run(size: int, stories: int, seed: int) -> dict[str, object]:
    """Measure and return the figures."""
    started = time.perf_counter()
    _rate(DateNormaliser(), make_mix(size // 4, seed + 1), START)
    first_pass = time.perf_counter() - started

    mix = make_mix(size, seed)
    normaliser = DateNormaliser(cache_size=size)
    cold = _rate(normaliser, mix, START)
    to_dateparser = sum(v for k, v in normaliser.stats.items() if k.startswith("rule/dateparser"))
    warm = _rate(normaliser, mix, START + timedelta(hours=3))
    distinct = len({(text, zone, languages) for text, zone, languages in mix})
    dateparser_only = _dateparser_rate(mix[:1000])

    story_mix = make_stories(stories, seed + 2)
    chooser = DateNormaliser()
    started = time.perf_counter()
    for index, (candidates, zone, languages) in enumerate(story_mix):
        fetched = START + timedelta(seconds=index)
        chooser.choose(candidates, fetched, timezone=zone, languages=languages, date_order=None)
    per_story = (time.perf_counter() - started) / len(story_mix)

    return {
        "strings": size,
        "distinct_strings": distinct,
        "cold_strings_per_s": round(cold),
        "warm_strings_per_s": round(warm),
        "dateparser_only_strings_per_s": round(dateparser_only),
        "first_pass_seconds": round(first_pass, 2),
        "parsed_by_dateparser": to_dateparser,
        "stories": len(story_mix),
        "choose_us_per_story": round(per_story * 1e6, 1),
    }


def main() -> None:
    """Print the figures, then the JSON object on the last line."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=20000, help="strings in the mix")
    parser.add_argument("--stories", type=int, default=5000, help="stories for choose")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    figures = run(args.size, args.stories, args.seed)
    print(f"mix: {figures['strings']} strings, {figures['distinct_strings']} distinct")
    print(f"first pass (imports, locale tables): {figures['first_pass_seconds']} s")
    print(f"cold (empty cache): {figures['cold_strings_per_s']} strings/s")
    print(f"warm (cached readings): {figures['warm_strings_per_s']} strings/s")
    print(f"dateparser alone: {figures['dateparser_only_strings_per_s']} strings/s")
    print(f"choose: {figures['choose_us_per_story']} us per story")
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
