"""Command-line interface: ``wirecrawl <command>``. Each module here adds its commands to ``cli``."""

from __future__ import annotations

import importlib
import pkgutil

from wirecrawl.cli.app import cli

for _module in sorted(m.name for m in pkgutil.iter_modules(__path__)):
    if _module != "app":
        importlib.import_module(f"{__name__}.{_module}")


def main() -> None:
    """Console-script entry point."""
    cli(prog_name="wirecrawl")


__all__ = ["cli", "main"]
