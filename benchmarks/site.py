"""The benchmark site: the sample world pre-rendered to files, sliced, and served by nginx.

`render_site` writes a seeded `World` (bulky pages) once under ``benchmarks/site/<key>/`` and
reuses it on later runs: the key holds the seed, the story count per site and the port, because
pages carry absolute URLs. `write_slice` adds one sitemap per host listing an evenly spread
subset of its article pages, so the baseline spider and wirecrawl discover exactly the same
URLs; `sources_toml` turns the built-in sample sources into entries that crawl such a sitemap.
`serve` runs Debian's nginx as a foreground child on the four sample hosts.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from xml.sax.saxutils import escape

from wirecrawl.samples import SAMPLE_HOSTS
from wirecrawl.sources import Source, load_sources

SITE_ROOT = Path(__file__).resolve().parent / "site"
SEED = 7
NOW = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)
DEFAULT_PORT = 28451
INFO_FILE = "bench-site.json"
SLICE_DIR = "bench"
NGINX_HINT = "nginx is needed for `make bench`: install it with `apt-get install -y nginx`"


@dataclass(frozen=True)
class RenderedSite:
    """A pre-rendered world on disk: where, how big, and each site's article paths."""

    root: Path
    seed: int
    stories: int
    port: int
    articles: dict[str, list[str]]
    files: int
    render_seconds: float

    @property
    def article_count(self) -> int:
        """Article pages over all four sites (AMP copies not counted)."""
        return sum(len(paths) for paths in self.articles.values())

    def url(self, site: str, path: str) -> str:
        """Absolute URL of a path on one sample site."""
        return f"http://{SAMPLE_HOSTS[site]}:{self.port}{path}"

    def file(self, site: str, path: str) -> Path:
        """The file nginx serves for an article path."""
        from wirecrawl.samples.world import HTML, static_file_name

        return self.root / SAMPLE_HOSTS[site] / static_file_name(path, HTML)


def site_key(seed: int, stories: int, port: int) -> str:
    """Cache folder name of a rendered world; every input that changes its bytes is in it."""
    return f"seed{seed}-stories{stories}-port{port}-bulky"


def sample_sources(port: int) -> dict[str, Source]:
    """The built-in sample sources (their URLs on ``port``), by name."""
    return {s.name: s for s in load_sources(sample_port=port) if s.sample}


def article_paths(paths: list[str], source: Source, base: str) -> list[str]:
    """The article pages among a site's paths, in the given order; AMP copies left out."""
    return [p for p in paths if source.matches_article(base + p) and not p.endswith("/amp/")]


def render_site(
    stories: int,
    *,
    seed: int = SEED,
    port: int = DEFAULT_PORT,
    cache: Path = SITE_ROOT,
    now: datetime = NOW,
) -> RenderedSite:
    """The rendered world for (seed, stories per site, port), rendering it if not cached.

    A half-written render (interrupted run) is never reused: files go to a ``.partial`` folder
    that is renamed only when complete.
    """
    from wirecrawl.samples.world import SITES, World

    folder = cache / site_key(seed, stories, port)
    info_file = folder / INFO_FILE
    if info_file.exists():
        return load_site(folder)
    partial = folder.with_name(folder.name + ".partial")
    shutil.rmtree(partial, ignore_errors=True)
    partial.mkdir(parents=True)
    started = time.perf_counter()
    world = World(seed=seed, stories=stories, now=now, port=port, bulky=True)
    files = world.render_to_dir(partial)
    sources = sample_sources(port)
    articles = {
        site: article_paths(world.paths(site), sources[site], world.base_url(site))
        for site in SITES
    }
    info = {
        "seed": seed,
        "stories": stories,
        "port": port,
        "now": now.isoformat(),
        "files": files,
        "render_seconds": round(time.perf_counter() - started, 1),
        "articles": articles,
    }
    (partial / INFO_FILE).write_text(json.dumps(info))
    shutil.rmtree(folder, ignore_errors=True)
    partial.rename(folder)
    return load_site(folder)


def load_site(folder: Path) -> RenderedSite:
    """A world rendered earlier by `render_site` (KeyError/OSError if the folder is not one)."""
    info = json.loads((folder / INFO_FILE).read_text())
    return RenderedSite(
        root=folder,
        seed=info["seed"],
        stories=info["stories"],
        port=info["port"],
        articles=info["articles"],
        files=info["files"],
        render_seconds=info["render_seconds"],
    )


def spread(items: list[str], count: int) -> list[str]:
    """``count`` items evenly spread over ``items`` (all of them if there are not more)."""
    if count >= len(items):
        return list(items)
    if count <= 0:
        return []
    return [items[i * len(items) // count] for i in range(count)]


def slice_paths(site: RenderedSite, pages: int) -> dict[str, list[str]]:
    """About ``pages`` article paths, a quarter from each site, evenly spread over time."""
    per_site = -(-pages // len(site.articles))
    return {name: spread(paths, per_site) for name, paths in site.articles.items()}


def sitemap_xml(urls: list[str]) -> str:
    """A plain sitemaps.org urlset listing ``urls``."""
    rows = "".join(f"  <url><loc>{escape(u)}</loc></url>\n" for u in urls)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        f"{rows}</urlset>\n"
    )


def write_slice(site: RenderedSite, pages: int) -> dict[str, str]:
    """Write one slice sitemap per host (``/bench/articles-<pages>.xml``); their URLs by site."""
    urls = {}
    for name, paths in slice_paths(site, pages).items():
        path = f"/{SLICE_DIR}/articles-{pages}.xml"
        target = site.root / SAMPLE_HOSTS[name] / path.lstrip("/")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(sitemap_xml([site.url(name, p) for p in paths]), encoding="utf-8")
        urls[name] = site.url(name, path)
    return urls


def bench_name(site: str) -> str:
    """Name of the benchmark source crawling a sample site (built-in names cannot be reused)."""
    return f"bench_{site}"


def _toml_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    return json.dumps(str(value), ensure_ascii=False)  # a JSON string is a TOML basic string


def sources_toml(sources: Mapping[str, Source], sitemaps: Mapping[str, str]) -> str:
    """A sources file: each sample source crawling only its slice sitemap, with no page budget.

    Every field that shapes extraction (pattern, languages, timezone, date order, boilerplate,
    selectors) is copied from the built-in entry; feeds and listings are left out so that
    discovery is the same URL list the baseline spider gets.
    """
    blocks = []
    for name, sitemap in sitemaps.items():
        source = sources[name]
        fields: dict[str, object] = {
            "name": bench_name(name),
            "display_name": source.display_name,
            "homepage": source.homepage,
            "sitemaps": [sitemap],
            "languages": list(source.languages),
            "timezone": source.timezone,
            "boilerplate": list(source.boilerplate),
            "boilerplate_selectors": list(source.boilerplate_selectors),
            "allowed_domains": list(source.allowed_domains),
            "max_pages": 1_000_000,
        }
        if source.article_pattern:
            fields["article_pattern"] = source.article_pattern
        if source.date_order:
            fields["date_order"] = source.date_order
        lines = [f"{key} = {_toml_value(value)}" for key, value in fields.items() if value != []]
        selectors = {k: v for k, v in vars(source.selectors).items() if v}
        if selectors:
            lines.append("[source.selectors]")
            lines += [f"{k} = {_toml_value(v)}" for k, v in selectors.items()]
        blocks.append("[[source]]\n" + "\n".join(lines) + "\n")
    return "\n".join(blocks)


# ---------------------------------------------------------------- nginx


def find_nginx() -> str | None:
    """Path of the nginx binary (PATH, then /usr/sbin), or None."""
    return shutil.which("nginx") or next(
        (p for p in ("/usr/sbin/nginx", "/usr/local/sbin/nginx") if os.access(p, os.X_OK)), None
    )


def nginx_version(binary: str) -> str:
    """``nginx -v`` output, e.g. "nginx/1.22.1" ("" if it cannot be run)."""
    try:
        done = subprocess.run([binary, "-v"], capture_output=True, text=True, timeout=10)
    except OSError:
        return ""
    return done.stderr.strip().removeprefix("nginx version: ")


def port_free(port: int, hosts: list[str] | None = None) -> bool:
    """True when ``port`` can be bound on every sample host (loopback only)."""
    for host in hosts or list(SAMPLE_HOSTS.values()):
        with socket.socket() as sock:
            try:
                sock.bind((host, port))
            except OSError:
                return False
    return True


def nginx_config(root: Path, port: int, workdir: Path, *, access_log: bool = False) -> str:
    """A complete nginx.conf serving a rendered world in the foreground, state kept in workdir."""
    from wirecrawl.samples.world import nginx_conf

    temp = {
        name: workdir / name
        for name in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")  # never used; kept local
    }
    log = f"access_log {workdir / 'access.log'};" if access_log else "access_log off;"
    return (
        "daemon off;\n"
        "worker_processes 1;\n"
        f"pid {workdir / 'nginx.pid'};\n"
        f"error_log {workdir / 'error.log'} warn;\n"
        "events { worker_connections 1024; }\n"
        "http {\n"
        f"    {log}\n"
        "    sendfile on;\n"
        "    tcp_nopush on;\n"
        "    keepalive_requests 1000000;\n"
        "    keepalive_timeout 120s;\n"
        "    server_tokens off;\n"
        + "".join(f"    {name}_temp_path {path};\n" for name, path in temp.items())
        + nginx_conf(root, port)
        + "}\n"
    )


@dataclass
class NginxServer:
    """A running nginx: its process id, port, and the CPU it has used so far."""

    pid: int
    port: int
    version: str

    def cpu_seconds(self) -> float:
        """User + system CPU of the nginx master and its workers, from /proc."""
        from benchmarks.crawl import tree_cpu_seconds

        return tree_cpu_seconds(self.pid)


def _die_with_parent() -> None:
    """In the child before exec: ask Linux to stop it if the benchmark dies without cleaning up."""
    import ctypes

    try:
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        return


def _wait_listening(port: int, process: subprocess.Popen[bytes], timeout: float) -> None:
    deadline = time.monotonic() + timeout
    pending = list(SAMPLE_HOSTS.values())
    while pending:
        if process.poll() is not None:
            raise RuntimeError(f"nginx exited with status {process.returncode}")
        if time.monotonic() > deadline:
            raise RuntimeError(f"nginx did not listen on {pending[0]}:{port} in {timeout:.0f} s")
        try:
            with socket.create_connection((pending[0], port), timeout=0.5):
                pending.pop(0)
        except OSError:
            time.sleep(0.05)


@contextmanager
def serve(root: Path, port: int, *, access_log: bool = False) -> Iterator[NginxServer]:
    """Run nginx on the sample hosts at ``port`` for the duration of the block.

    Raises RuntimeError with nginx's own error log when the configuration is refused or the
    server does not come up.
    """
    binary = find_nginx()
    if binary is None:
        raise RuntimeError(NGINX_HINT)
    with tempfile.TemporaryDirectory(prefix="wirecrawl-nginx-") as scratch:
        workdir = Path(scratch)
        conf = workdir / "nginx.conf"
        conf.write_text(nginx_config(root, port, workdir, access_log=access_log))
        error_log = workdir / "error.log"
        command = [binary, "-p", str(workdir), "-e", str(error_log), "-c", str(conf)]
        check = subprocess.run([*command, "-t"], capture_output=True, text=True)
        if check.returncode != 0:
            raise RuntimeError(f"nginx refused {conf}: {check.stderr.strip()}")
        process = subprocess.Popen(
            command,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            preexec_fn=_die_with_parent,
        )
        try:
            try:
                _wait_listening(port, process, timeout=15)
            except RuntimeError as exc:
                log = error_log.read_text() if error_log.exists() else ""
                raise RuntimeError(f"{exc}\n{log.strip()}") from None
            yield NginxServer(pid=process.pid, port=port, version=nginx_version(binary))
        finally:
            if process.poll() is None:
                process.send_signal(signal.SIGQUIT)  # graceful: finish open requests
                try:
                    process.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()
            if process.stderr is not None:
                process.stderr.close()
