"""Invented news sites that wirecrawl serves to itself on loopback (demo, end-to-end tests, benchmarks).

`world.World` generates the sites from a seed and a clock, `render` turns them into HTML and XML,
and `server.SampleSites` serves them, one loopback address per site on a shared port.
"""

from __future__ import annotations

DEFAULT_PORT = 8451

SAMPLE_HOSTS: dict[str, str] = {
    "globalwire": "127.0.0.2",
    "meridian": "127.0.0.3",
    "sahar": "127.0.0.4",
    "alwaha": "127.0.0.5",
}

SITE_NAMES: dict[str, str] = {
    "globalwire": "Global Wire Digest",
    "meridian": "Meridian Press Agency",
    "sahar": "Sahar News",
    "alwaha": "Al-Waha Daily",
}

SITE_TIMEZONES: dict[str, str] = {
    "globalwire": "America/New_York",
    "meridian": "UTC",
    "sahar": "Asia/Tehran",
    "alwaha": "Asia/Riyadh",
}

SITE_LANGUAGES: dict[str, str] = {
    "globalwire": "en",
    "meridian": "en",
    "sahar": "fa",
    "alwaha": "ar",
}


def base_url(site: str, port: int = DEFAULT_PORT) -> str:
    """Scheme, host and port of a sample site, no trailing slash; KeyError for an unknown site."""
    return f"http://{SAMPLE_HOSTS[site]}:{port}"
