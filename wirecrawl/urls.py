"""Canonical URLs: one spelling per story, and which site a URL belongs to.

The basics (percent-encoding normalised, query sorted, dot segments resolved, host lower-cased and
IDN hosts turned into punycode, fragment dropped) come from ``w3lib.url.canonicalize_url``. w3lib is
Scrapy's own URL library, already a dependency, and the function Scrapy's request fingerprints are
built on, so our canonical form starts from what the crawler's duplicate filter already treats as
one URL. url-normalize covers the same basics but would be one more dependency and knows none of
the news rules below either, so it would not save any code.

On top of that we apply news-site rules, each a small function:

- tracking parameters are dropped (``TRACKING_PARAMS``, ``TRACKING_PREFIXES``, and ``ref`` /
  ``ref_src`` only with the values that mark them as tracking);
- AMP and print views fold into the article: a leading or trailing ``amp`` or ``print`` path
  segment, ``?amp``, ``amp=1``, ``outputType=amp``, ``print=1``, ``view=print``. Such a segment
  in the middle of a path is kept: there it is more often a section name (``/media/print/123``)
  than a rendering, and guessing wrong would merge different pages;
- the host prefixes ``www.``, ``m.``, ``amp.`` and ``mobile.`` fold, but only when they sit above
  the registrable domain (``www.co.uk`` is left alone);
- default ports are dropped, other ports kept (sample sites run on :8451);
- a trailing slash is dropped (``/a/b/`` and ``/a/b`` are one story; the root stays ``/``).

Sites are compared by registrable domain from tldextract's bundled public suffix list (never
fetched), private suffixes included: two blogs on ``blogspot.com`` are two sites. A host with no
known suffix (``localhost``, ``*.localhost``, ``site.test``) counts its last label as the suffix, so
sample sites served as ``a.localhost:8451`` and ``b.localhost:8451`` are two sites; an IP host is a
site of its own whatever the port.

The scheme is NOT folded: ``http://`` and ``https://`` stay apart. Both spellings of one story are
rare in practice (sites redirect to one), a site may serve different things on each, and the copy we
fetched over http is not proof of what https serves. The same story under both schemes is still
caught by the content hash and the near-duplicate index.
"""

from __future__ import annotations

import ipaddress
from functools import cache, lru_cache
from urllib.parse import unquote_plus, urljoin, urlsplit, urlunsplit

import tldextract
from w3lib.url import canonicalize_url

#: Query parameters that only say how the reader arrived (lower-cased names).
TRACKING_PARAMS: frozenset[str] = frozenset(
    {
        # ad click identifiers
        "fbclid",
        "gclid",
        "gclsrc",
        "dclid",
        "gbraid",
        "wbraid",
        "msclkid",
        "yclid",
        "twclid",
        "ttclid",
        "li_fat_id",
        # mail and social campaign identifiers
        "mc_cid",
        "mc_eid",
        "igshid",
        "igsh",
        "mkt_tok",
        "_hsenc",
        "_hsmi",
        "oly_enc_id",
        "oly_anon_id",
        "vero_id",
        "sr_share",
        "smid",
        # analytics cookies passed in the URL
        "_ga",
        "_gl",
        # publisher campaign codes
        "cmpid",
        "cmp",
        "ocid",
        "ncid",
        "icid",
        "xtor",
        "s_cid",
        "wt.mc_id",
        "at_medium",
        "at_campaign",
        "at_custom1",
        "at_custom2",
        "at_custom3",
        "at_custom4",
        "at_platform",
        "at_format",
        "at_link_id",
        "at_link_type",
        "at_link_origin",
        "at_ptr_name",
        "at_bbc_team",
    }
)

#: Parameter name prefixes that are always tracking.
TRACKING_PREFIXES: tuple[str, ...] = ("utm_",)

#: ``ref=`` values that name a channel, not a page (``?ref=123`` or ``?ref=main`` are kept).
TRACKING_REF_VALUES: frozenset[str] = frozenset(
    {
        "rss",
        "feed",
        "feeds",
        "twitter",
        "tw",
        "x",
        "facebook",
        "fb",
        "linkedin",
        "whatsapp",
        "telegram",
        "email",
        "newsletter",
        "share",
        "social",
        "homepage",
        "home",
        "hp",
        "nav",
        "menu",
        "sidebar",
        "related",
        "search",
        "push",
        "app",
    }
)

#: ``name -> values`` of parameters that ask for an AMP or print rendering of the same page.
VIEW_PARAMS: dict[str, frozenset[str]] = {
    "amp": frozenset({"", "1", "true", "yes"}),
    "outputtype": frozenset({"amp"}),
    "print": frozenset({"", "1", "true", "yes"}),
    "view": frozenset({"print", "amp"}),
}

#: Path segments that mark an AMP or print rendering when they lead or end the path.
VIEW_SEGMENTS: frozenset[str] = frozenset({"amp", "print"})

#: Host labels that name a rendering of the same site rather than another site.
HOST_PREFIXES: frozenset[str] = frozenset({"www", "m", "amp", "mobile"})

DEFAULT_PORTS: dict[str, int] = {"http": 80, "https": 443}


@cache
def _extractor() -> tldextract.TLDExtract:
    """The bundled public suffix list only: no network, no cache directory."""
    return tldextract.TLDExtract(
        suffix_list_urls=(), cache_dir=None, include_psl_private_domains=True
    )


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


@lru_cache(maxsize=8192)
def _split_host(host: str) -> tuple[str, str]:
    """``(subdomain, registrable)`` of a lower-case ASCII host; IPs and bare suffixes have no sub.

    Cached: a crawl meets the same few hosts on every URL it reads.

    A host without a known public suffix (``localhost``, ``site.test``) is read as if its last
    label were one, so ``a.localhost`` and ``b.localhost`` are two sites.
    """
    if _is_ip(host):
        return "", host
    parts = _extractor().extract_str(host)
    if parts.suffix and parts.domain:
        return parts.subdomain, f"{parts.domain}.{parts.suffix}"
    if parts.suffix:
        return "", host
    labels = host.split(".")
    if len(labels) <= 2:
        return "", host
    return ".".join(labels[:-2]), ".".join(labels[-2:])


def _fold_host(host: str) -> str:
    """Drop ``www.``/``m.``/``amp.``/``mobile.`` labels that sit above the registrable domain."""
    while True:
        sub, _ = _split_host(host)
        first = sub.split(".", 1)[0]
        if not sub or first not in HOST_PREFIXES:
            return host
        host = host[len(first) + 1 :]


def _netloc(parts_netloc: str, host: str, scheme: str, port: int | None) -> str:
    """Rebuild ``user@host:port`` with the folded host and without the scheme's default port."""
    userinfo = parts_netloc.rpartition("@")[0]
    shown = f"[{host}]" if ":" in host else host
    if port is not None and port != DEFAULT_PORTS.get(scheme):
        shown = f"{shown}:{port}"
    return f"{userinfo}@{shown}" if userinfo else shown


def _clean_path(path: str) -> str:
    """Drop leading/trailing ``amp``/``print`` segments and the trailing slash; root is ``/``."""
    body = path.split("/")[1:]
    while True:
        while body and body[-1] == "":
            body.pop()
        if body and body[0] in VIEW_SEGMENTS:
            body.pop(0)
        elif body and body[-1] in VIEW_SEGMENTS:
            body.pop()
        else:
            return "/" + "/".join(body)


def _is_tracking(name: str, value: str) -> bool:
    """True for a query parameter that names how the reader arrived or which rendering to show."""
    if name in TRACKING_PARAMS or name.startswith(TRACKING_PREFIXES):
        return True
    if name in VIEW_PARAMS:
        return value.lower() in VIEW_PARAMS[name]
    if name == "ref":
        return value.lower() in TRACKING_REF_VALUES
    if name == "ref_src":
        return value.lower().startswith("twsrc")
    return False


def _clean_query(query: str) -> str:
    """Drop tracking and view parameters; the rest stays as w3lib encoded and sorted it."""
    kept = []
    for pair in query.split("&"):
        if not pair:
            continue
        raw_name, _, raw_value = pair.partition("=")
        if not _is_tracking(unquote_plus(raw_name).lower(), unquote_plus(raw_value)):
            kept.append(pair)
    return "&".join(kept)


def _canonicalize_once(url: str, scheme: str) -> str:
    parts = urlsplit(canonicalize_url(url, keep_fragments=False))
    host = (parts.hostname or "").rstrip(".")
    if not host:
        raise ValueError(f"URL has no host: {url!r}")
    netloc = _netloc(parts.netloc, _fold_host(host), scheme, parts.port)
    return urlunsplit((scheme, netloc, _clean_path(parts.path), _clean_query(parts.query), ""))


def canonicalize(url: str) -> str:
    """The canonical spelling of an absolute http(s) URL; idempotent (results cached: a crawl
    asks for the same URL from discovery, the dupefilter, the pipelines and the store).

    Our rules can expose something w3lib would normalise (``/a/.;/amp`` leaves ``/a/.``), so the
    steps repeat until the spelling stops changing: once more for nearly every URL.
    Raises ValueError for a relative or non-http(s) URL and for an invalid port.
    """
    known = _CANONICAL.get(url)
    if known is not None:
        return known
    stripped = url.strip()
    scheme = urlsplit(stripped).scheme.lower()
    if scheme not in DEFAULT_PORTS:
        raise ValueError(f"not an absolute http(s) URL: {url!r}")
    current = _canonicalize_once(stripped, scheme)
    for _ in range(4):
        following = _canonicalize_once(current, scheme)
        if following == current:
            break
        current = following
    if len(_CANONICAL) >= _CANONICAL_SIZE:
        _CANONICAL.clear()
    _CANONICAL[url] = current
    # A canonical URL is its own canonical spelling, and it is asked for again (the site it is
    # on, the store's row): known at once instead of two more passes of the rules (about 40 us).
    _CANONICAL[current] = current
    return current


# URL (as asked, and each canonical spelling) -> canonical spelling; cleared whole when full.
_CANONICAL: dict[str, str] = {}
_CANONICAL_SIZE = 65_536


def _host(url: str) -> str:
    """The canonical host of ``url`` (lower case, punycode, no brackets)."""
    return urlsplit(canonicalize(url)).hostname or ""


def canonical_or_none(url: str | None) -> str | None:
    """``canonicalize(url)``, or None for an empty or non-web URL (for matching credited links)."""
    if not url:
        return None
    try:
        return canonicalize(url)
    except ValueError:
        return None


def registrable_domain(url: str) -> str:
    """The domain a site registered (``news.example.co.uk`` -> ``example.co.uk``).

    An IP host is returned as is; a host with no known public suffix (``a.localhost``,
    ``news.site.test``) counts its last label as the suffix. Raises ValueError like canonicalize.
    """
    return _split_host(_host(url))[1]


def same_site(a: str, b: str) -> bool:
    """True when both URLs have the same registrable domain (IP hosts: the same address).

    Ports are ignored; a URL that cannot be canonicalised is on no site, so the answer is False.
    """
    try:
        return registrable_domain(a) == registrable_domain(b)
    except ValueError:
        return False


def _resolve(page_url: str, link: str | None) -> str | None:
    """``link`` made absolute against the page and canonicalised, or None if it is not usable."""
    if not link or not link.strip():
        return None
    try:
        return canonicalize(urljoin(page_url, link.strip()))
    except ValueError:
        return None


def _is_homepage_for(candidate: str, page: str) -> bool:
    """A canonical pointing at the site root from an article is a template bug, not a claim."""
    cand, pg = urlsplit(candidate), urlsplit(page)
    return cand.path == "/" and not cand.query and (pg.path != "/" or bool(pg.query))


def choose_canonical(
    page_url: str, rel_canonical: str | None, og_url: str | None = None
) -> tuple[str, str | None]:
    """``(canonical_url, cross_site_canonical)`` for a fetched page.

    The first same-site link of ``rel_canonical`` then ``og_url`` wins (relative links are resolved
    against the page); otherwise the page URL itself. A cross-site link is never followed: it is
    returned second, as attribution evidence. Links to the site root from an article page, and
    unusable links (empty, ``javascript:``, bad port) are ignored. Raises ValueError like
    canonicalize for a bad ``page_url``.
    """
    page = canonicalize(page_url)
    canonical: str | None = None
    cross_site: str | None = None
    for link in (rel_canonical, og_url):
        candidate = _resolve(page_url, link)
        if candidate is None:
            continue
        if not same_site(candidate, page):
            cross_site = cross_site or candidate
        elif canonical is None and not _is_homepage_for(candidate, page):
            canonical = candidate
    return canonical or page, cross_site
