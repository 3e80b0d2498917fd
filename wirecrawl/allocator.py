"""Crawls run on jemalloc when the machine has it (``apt-get install libjemalloc2``).

A crawl builds and frees an lxml tree per page: tens of thousands of small C allocations that
glibc's allocator serves more slowly than jemalloc. Measured on the benchmark pages, extraction
took 2-15% less CPU (median 11%) with jemalloc, and interleaved 1,000-page crawls ran 0-9%
faster (about 5% when the machine was quiet); a plain Scrapy spider gained nothing. An
allocator can only be chosen before a process starts, so ``wirecrawl crawl`` (and the other
commands that crawl or extract in bulk) starts itself again once, with jemalloc preloaded,
before it does anything else; ``--workers`` children and scheduled crawls inherit it.
``WIRECRAWL_ALLOCATOR`` chooses: ``auto`` (the default: jemalloc if found, else the system's),
``jemalloc`` (an error if it is not installed) or ``system``. Which one a crawl ran on is
recorded in each run's stats as ``wirecrawl/allocator``.
"""

from __future__ import annotations

import glob
import os
import sys
from collections.abc import Mapping, Sequence

ENV = "WIRECRAWL_ALLOCATOR"
CHOICES = ("auto", "jemalloc", "system")
# Set on the process started again, so it (and its children) never start themselves again.
STARTED = "WIRECRAWL_ALLOCATOR_STARTED"
# Commands that crawl or extract page after page; the others are too short to gain anything.
BULK_COMMANDS = frozenset({"crawl", "demo", "schedule", "reextract"})
_PATTERNS = (
    "/usr/lib/*-linux-gnu/libjemalloc.so.2",
    "/usr/lib64/libjemalloc.so.2",
    "/usr/lib/libjemalloc.so.2",
    "/usr/local/lib/libjemalloc.so.2",
)


class AllocatorError(ValueError):
    """``WIRECRAWL_ALLOCATOR`` is not a known choice, or asks for a library that is missing."""


def choice(environ: Mapping[str, str]) -> str:
    """The allocator asked for, checked: ``auto``, ``jemalloc`` or ``system``."""
    value = environ.get(ENV, "auto").strip().lower() or "auto"
    if value not in CHOICES:
        raise AllocatorError(
            f"{ENV}={environ.get(ENV)!r} is not one of {', '.join(CHOICES)} "
            "(auto: jemalloc when installed)"
        )
    return value


def jemalloc_library() -> str | None:
    """Path of the machine's ``libjemalloc.so.2``, or None."""
    for pattern in _PATTERNS:
        found = sorted(glob.glob(pattern))
        if found:
            return found[0]
    return None


def in_use() -> str:
    """``jemalloc`` if it is loaded in this process, else ``system``."""
    try:
        with open("/proc/self/maps", encoding="utf-8", errors="replace") as maps:
            return "jemalloc" if any("libjemalloc" in line for line in maps) else "system"
    except OSError:
        return "system"


def command_of(argv: Sequence[str]) -> str | None:
    """The subcommand in a ``wirecrawl`` command line (its first word that is not an option)."""
    return next((a for a in argv[1:] if not a.startswith("-")), None)


def preloaded_environ(environ: Mapping[str, str], library: str) -> dict[str, str]:
    """``environ`` with ``library`` first in ``LD_PRELOAD`` and the started-again mark set."""
    env = dict(environ)
    others = [p for p in env.get("LD_PRELOAD", "").replace(" ", ":").split(":") if p]
    env["LD_PRELOAD"] = ":".join([library, *(p for p in others if p != library)])
    env[STARTED] = library
    return env


def restart_environ(argv: Sequence[str], environ: Mapping[str, str]) -> dict[str, str] | None:
    """The environment to start ``argv`` again with on jemalloc, or None to go on as it is.

    Raises AllocatorError for a bad ``WIRECRAWL_ALLOCATOR`` or a missing library it asks for.
    """
    wanted = choice(environ)
    if wanted == "system" or STARTED in environ or not sys.platform.startswith("linux"):
        return None
    if command_of(argv) not in BULK_COMMANDS:
        return None
    library = jemalloc_library()
    if library is None:
        if wanted == "jemalloc":
            raise AllocatorError(
                f"{ENV}=jemalloc, but no libjemalloc.so.2 was found "
                "(install it with 'apt-get install libjemalloc2', or set it to auto)"
            )
        return None
    if in_use() == "jemalloc":
        return None
    return preloaded_environ(environ, library)


def restart_on_jemalloc() -> None:
    """Start this command again with jemalloc preloaded when that applies (see the module
    docstring); exits with status 2 and a message for a bad ``WIRECRAWL_ALLOCATOR``."""
    try:
        env = restart_environ(sys.argv, os.environ)
    except AllocatorError as exc:
        sys.stderr.write(f"Error: {exc}\n")
        raise SystemExit(2) from None
    if env is not None:
        sys.stdout.flush()
        sys.stderr.flush()
        os.execve(sys.executable, list(sys.orig_argv), env)
