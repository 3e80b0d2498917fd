"""The one home of wirecrawl's settings.

Precedence, highest first: a command-line option, then an environment variable ``WIRECRAWL_*``,
then the defaults below. ``load_config`` is the only place that reads the environment.

| setting        | option            | environment variable        | default                |
|----------------|-------------------|-----------------------------|------------------------|
| db_path        | ``--db``          | ``WIRECRAWL_DB``            | ``data/wirecrawl.db``  |
| sources_file   | ``--sources``     | ``WIRECRAWL_SOURCES``       | none (built-ins only)  |
| user_agent     | ``--user-agent``  | ``WIRECRAWL_USER_AGENT``    | ``wirecrawl/<version>``|
| download_delay | ``--delay``       | ``WIRECRAWL_DELAY``         | 1.0 seconds            |
| concurrency    | ``--concurrency`` | ``WIRECRAWL_CONCURRENCY``   | 2 per site             |
| sample_port    | ``--port``        | ``WIRECRAWL_SAMPLE_PORT``   | 8451                   |
| keep_raw       |                   | ``WIRECRAWL_KEEP_RAW``      | true                   |
| workers        | ``--workers``     | ``WIRECRAWL_WORKERS``       | 0 (one process)        |
| dedup_threshold|                   | ``WIRECRAWL_DEDUP_THRESHOLD``| 0.35 (MinHash Jaccard) |
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from wirecrawl import __version__

DEFAULT_USER_AGENT = (
    f"wirecrawl/{__version__} (+https://github.com/wirecrawl/wirecrawl; news archiver)"
)


class ConfigError(ValueError):
    """A setting has a value wirecrawl cannot use; the message names the setting and its origin."""


@dataclass(frozen=True)
class Config:
    db_path: Path = Path("data/wirecrawl.db")
    sources_file: Path | None = None
    user_agent: str = DEFAULT_USER_AGENT
    download_delay: float = 1.0
    concurrency: int = 2
    sample_port: int = 8451
    keep_raw: bool = True
    workers: int = 0
    dedup_threshold: float = 0.35


ENV_PREFIX = "WIRECRAWL_"
_ENV_NAMES = {
    "db_path": "WIRECRAWL_DB",
    "sources_file": "WIRECRAWL_SOURCES",
    "user_agent": "WIRECRAWL_USER_AGENT",
    "download_delay": "WIRECRAWL_DELAY",
    "concurrency": "WIRECRAWL_CONCURRENCY",
    "sample_port": "WIRECRAWL_SAMPLE_PORT",
    "keep_raw": "WIRECRAWL_KEEP_RAW",
    "workers": "WIRECRAWL_WORKERS",
    "dedup_threshold": "WIRECRAWL_DEDUP_THRESHOLD",
}


def _coerce(name: str, value: Any, origin: str) -> Any:
    """Turn a raw option or environment string into the field's type, naming the origin on error."""
    try:
        if name in ("db_path", "sources_file"):
            return Path(value).expanduser()
        if name == "dedup_threshold":
            threshold = float(value)
            if not 0 < threshold <= 1:
                raise ValueError("must be above 0 and at most 1")
            return threshold
        if name == "download_delay":
            delay = float(value)
            if delay < 0:
                raise ValueError("must not be negative")
            return delay
        if name in ("concurrency", "sample_port", "workers"):
            number = int(value)
            low = 0 if name in ("sample_port", "workers") else 1
            if not low <= number <= 65535:
                raise ValueError(f"must be between {low} and 65535")
            return number
        if name == "keep_raw":
            if isinstance(value, bool):
                return value
            text = str(value).strip().lower()
            if text in ("1", "true", "yes", "on"):
                return True
            if text in ("0", "false", "no", "off"):
                return False
            raise ValueError("must be true or false")
        if name == "user_agent":
            text = str(value).strip()
            if not text:
                raise ValueError("must not be empty")
            return text
    except ValueError as exc:
        raise ConfigError(f"{origin}: bad value {value!r} for {name}: {exc}") from None
    raise ConfigError(f"{origin}: unknown setting {name!r}")


def load_config(env: Mapping[str, str] | None = None, **options: Any) -> Config:
    """Resolve settings: options that are not None beat ``WIRECRAWL_*`` variables beat defaults."""
    env = os.environ if env is None else env
    config = Config()
    values: dict[str, Any] = {}
    for field in fields(Config):
        env_name = _ENV_NAMES[field.name]
        if options.get(field.name) is not None:
            values[field.name] = _coerce(
                field.name, options[field.name], f"option for {field.name}"
            )
        elif env.get(env_name):
            values[field.name] = _coerce(field.name, env[env_name], f"environment {env_name}")
    unknown = set(options) - {f.name for f in fields(Config)}
    if unknown:
        raise ConfigError(f"unknown setting(s): {', '.join(sorted(unknown))}")
    return replace(config, **values)
