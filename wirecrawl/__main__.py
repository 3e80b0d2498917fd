"""``python -m wirecrawl`` and the ``wirecrawl`` console script."""

from __future__ import annotations


def main() -> None:
    """Start again on jemalloc first when the command crawls (``wirecrawl.allocator``), then
    run the command line."""
    from wirecrawl.allocator import restart_on_jemalloc

    restart_on_jemalloc()
    from wirecrawl.cli import main as cli_main

    cli_main()


if __name__ == "__main__":
    main()
