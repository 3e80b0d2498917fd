"""Canonical URLs: one row per rule, the things that must not change, and idempotence."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wirecrawl.urls import canonicalize, choose_canonical, registrable_domain, same_site

CANONICAL_CASES = [
    # (rule, input, expected)
    ("scheme and host lower-cased", "HTTPS://News.Example.COM/a", "https://news.example.com/a"),
    ("fragment dropped", "https://example.com/a#comments", "https://example.com/a"),
    ("query sorted", "https://example.com/a?b=2&a=1", "https://example.com/a?a=1&b=2"),
    ("default http port", "http://example.com:80/a", "http://example.com/a"),
    ("default https port", "https://example.com:443/a", "https://example.com/a"),
    ("other port kept", "http://example.com:8451/a", "http://example.com:8451/a"),
    ("https on port 80 kept", "https://example.com:80/a", "https://example.com:80/a"),
    ("www folded", "https://www.example.com/a", "https://example.com/a"),
    ("m folded", "https://m.example.com/a", "https://example.com/a"),
    ("amp host folded", "https://amp.example.com/a", "https://example.com/a"),
    ("mobile folded", "https://mobile.example.com/a", "https://example.com/a"),
    ("prefixes fold repeatedly", "https://www.m.example.com/a", "https://example.com/a"),
    ("prefix under public suffix", "https://www.example.co.uk/a", "https://example.co.uk/a"),
    ("other subdomain kept", "https://news.example.com/a", "https://news.example.com/a"),
    ("www that is the domain kept", "https://www.co.uk/a", "https://www.co.uk/a"),
    ("m that is the domain kept", "https://m.com/a", "https://m.com/a"),
    ("trailing slash dropped", "https://example.com/a/b/", "https://example.com/a/b"),
    ("no trailing slash unchanged", "https://example.com/a/b", "https://example.com/a/b"),
    ("several trailing slashes", "https://example.com/a/b//", "https://example.com/a/b"),
    ("empty path is root", "https://example.com", "https://example.com/"),
    ("root stays root", "https://example.com/", "https://example.com/"),
    (
        "trailing amp segment",
        "https://example.com/news/story/amp",
        "https://example.com/news/story",
    ),
    (
        "trailing amp/ segment",
        "https://example.com/news/story/amp/",
        "https://example.com/news/story",
    ),
    ("leading amp segment", "https://example.com/amp/news/story", "https://example.com/news/story"),
    ("amp query flag", "https://example.com/s?amp", "https://example.com/s"),
    ("amp=1", "https://example.com/s?amp=1&p=3", "https://example.com/s?p=3"),
    ("outputType=amp", "https://example.com/s?outputType=amp", "https://example.com/s"),
    ("print segment leading", "https://example.com/print/news/1", "https://example.com/news/1"),
    ("print suffix", "https://example.com/news/1/print", "https://example.com/news/1"),
    ("print=1", "https://example.com/news/1?print=1", "https://example.com/news/1"),
    ("view=print", "https://example.com/news/1?view=print", "https://example.com/news/1"),
    ("amp and print together", "https://example.com/amp/print/s/amp/", "https://example.com/s"),
    ("utm_*", "https://example.com/s?utm_source=rss&utm_medium=feed", "https://example.com/s"),
    ("utm name case", "https://example.com/s?UTM_Source=x", "https://example.com/s"),
    ("fbclid", "https://example.com/s?fbclid=IwAR0abc", "https://example.com/s"),
    ("gclid", "https://example.com/s?gclid=x1", "https://example.com/s"),
    ("dclid", "https://example.com/s?dclid=x1", "https://example.com/s"),
    ("msclkid", "https://example.com/s?msclkid=x1", "https://example.com/s"),
    ("mailchimp", "https://example.com/s?mc_cid=1&mc_eid=2", "https://example.com/s"),
    ("igshid", "https://example.com/s?igshid=abc", "https://example.com/s"),
    ("yclid", "https://example.com/s?yclid=9", "https://example.com/s"),
    ("_ga", "https://example.com/s?_ga=2.1.2", "https://example.com/s"),
    ("cmpid", "https://example.com/s?cmpid=rss", "https://example.com/s"),
    ("ocid", "https://example.com/s?ocid=msn", "https://example.com/s"),
    ("at_*", "https://example.com/s?at_medium=RSS&at_campaign=k", "https://example.com/s"),
    ("ref channel", "https://example.com/s?ref=twitter", "https://example.com/s"),
    ("ref_src twitter", "https://example.com/s?ref_src=twsrc%5Etfw", "https://example.com/s"),
    (
        "tracking among real",
        "https://example.com/s?utm_source=x&p=123",
        "https://example.com/s?p=123",
    ),
    ("tilde decoded", "https://example.com/%7Euser/a", "https://example.com/~user/a"),
    ("escape case", "https://example.com/a%2fb", "https://example.com/a%2Fb"),
    ("space encoded", "https://example.com/a b", "https://example.com/a%20b"),
    ("query space form", "https://example.com/s?q=a%20b", "https://example.com/s?q=a+b"),
    (
        "non-ASCII path encoded",
        "https://example.com/خبر/۱",
        "https://example.com/%D8%AE%D8%A8%D8%B1/%DB%B1",
    ),
    ("IDN host to punycode", "https://bücher.example.de/a", "https://xn--bcher-kva.example.de/a"),
    ("IDN host upper case", "https://BÜCHER.de/a", "https://xn--bcher-kva.de/a"),
    ("dot segments", "https://example.com/a/./b/../c", "https://example.com/a/c"),
    ("trailing dot on host", "https://example.com./a", "https://example.com/a"),
    ("surrounding whitespace", "  https://example.com/a \n", "https://example.com/a"),
    ("IPv4 host with port", "http://127.0.0.1:8451/news/", "http://127.0.0.1:8451/news"),
    ("IPv6 host", "http://[::1]:80/a/", "http://[::1]/a"),
    (
        "localhost sample site",
        "http://Tehran-Wire.localhost:8451/a/",
        "http://tehran-wire.localhost:8451/a",
    ),
]

UNCHANGED = [
    # (why it must stay, url)
    ("scheme is not folded", "http://example.com/a"),
    ("article id query", "https://example.com/?p=123"),
    ("id query", "https://example.com/story?id=42"),
    ("page query", "https://example.com/list?page=2"),
    ("real ref value", "https://example.com/s?ref=main"),
    ("numeric ref", "https://example.com/s?ref=123"),
    ("ref_src not twitter", "https://example.com/s?ref_src=archive"),
    ("amp with other value", "https://example.com/s?amp=0"),
    ("print with other value", "https://example.com/s?print=0"),
    ("view not print", "https://example.com/s?view=gallery"),
    ("outputType not amp", "https://example.com/s?outputType=json"),
    ("print section in the middle", "https://example.com/news/print/123"),
    ("amp inside a word", "https://example.com/news/ampere-story"),
    ("amp as file suffix", "https://example.com/news/story.amp.html"),
    ("case of path", "https://example.com/News/Story"),
    ("double slash inside", "https://example.com/a//b"),
    ("user info", "https://user@example.com/a"),
    ("non-default port", "https://example.com:8451/a"),
    ("path parameters", "https://example.com/a;v=1"),
    ("encoded slash", "https://example.com/a%2Fb"),
]


@pytest.mark.parametrize(
    ("rule", "url", "expected"), CANONICAL_CASES, ids=[c[0] for c in CANONICAL_CASES]
)
def test_canonicalize(rule: str, url: str, expected: str) -> None:
    assert canonicalize(url) == expected


@pytest.mark.parametrize(("why", "url"), UNCHANGED, ids=[c[0] for c in UNCHANGED])
def test_canonicalize_leaves_meaning_alone(why: str, url: str) -> None:
    assert canonicalize(url) == url


def test_http_and_https_stay_apart() -> None:
    assert canonicalize("http://example.com/a") != canonicalize("https://example.com/a")


@pytest.mark.parametrize(
    "url", ["/relative/path", "mailto:desk@example.com", "javascript:void(0)", "ftp://x.org/a", ""]
)
def test_canonicalize_rejects_non_http(url: str) -> None:
    with pytest.raises(ValueError):
        canonicalize(url)


def test_canonicalize_rejects_bad_port() -> None:
    with pytest.raises(ValueError):
        canonicalize("https://example.com:notaport/a")


_label = st.from_regex(r"[a-z0-9]([a-z0-9-]{0,8}[a-z0-9])?", fullmatch=True)
_host = st.one_of(
    st.lists(
        st.sampled_from(["www", "m", "amp", "mobile", "news"]) | _label, min_size=0, max_size=3
    )
    .map(".".join)
    .flatmap(
        lambda sub: st.sampled_from(["example.com", "example.co.uk", "site.test", "localhost"]).map(
            lambda dom: f"{sub}.{dom}" if sub else dom
        )
    ),
    st.sampled_from(["127.0.0.1", "[::1]", "bücher.de", "خبر.example"]),
)
_text = st.lists(
    st.sampled_from([*"abcAB09-_.~%/+ =&?#!$'()*,;:@éخی", "%2F", "%7e", "%zz", "%D8%AE"]),
    max_size=8,
).map("".join)
_segment = st.one_of(
    st.sampled_from(["amp", "print", "", ".", ".."]), _text.map(lambda s: s.replace("/", ""))
)
_param = st.tuples(
    st.sampled_from(
        ["utm_source", "p", "id", "amp", "print", "view", "ref", "ref_src", "q", "fbclid"]
    )
    | _text,
    st.sampled_from(["", "1", "print", "amp", "rss", "twsrc^tfw"]) | _text,
)


@st.composite
def urls(draw: st.DrawFn) -> str:
    scheme = draw(st.sampled_from(["http", "https", "HTTP"]))
    port = draw(st.sampled_from(["", ":80", ":443", ":8451"]))
    path = "/".join(draw(st.lists(_segment, max_size=5)))
    query = "&".join(f"{k}={v}" for k, v in draw(st.lists(_param, max_size=4)))
    fragment = draw(st.sampled_from(["", "#top", "#"]))
    return f"{scheme}://{draw(_host)}{port}/{path}{'?' + query if query else ''}{fragment}"


@settings(max_examples=300, deadline=None)
@given(urls())
def test_canonicalize_is_idempotent(url: str) -> None:
    import wirecrawl.urls

    once = canonicalize(url)
    wirecrawl.urls._CANONICAL.clear()  # the rules themselves, not the cache's answer
    assert canonicalize(once) == once


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://news.example.co.uk/a", "example.co.uk"),
        ("https://www.example.com/a", "example.com"),
        ("https://a.b.c.example.com", "example.com"),
        ("https://someone.blogspot.com/a", "someone.blogspot.com"),
        ("http://127.0.0.1:8451/a", "127.0.0.1"),
        ("http://[::1]:8451/a", "::1"),
        ("http://localhost:8451/a", "localhost"),
        ("http://tehran-wire.localhost:8451/a", "tehran-wire.localhost"),
        ("http://news.site.test/a", "site.test"),
        ("https://bücher.de/a", "xn--bcher-kva.de"),
        ("https://co.uk/a", "co.uk"),
    ],
)
def test_registrable_domain(url: str, expected: str) -> None:
    assert registrable_domain(url) == expected


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("https://www.example.com/a", "https://news.example.com/b", True),
        ("https://example.com/a", "http://m.example.com:8451/b", True),
        ("https://example.com/a", "https://example.org/a", False),
        ("https://a.example.co.uk/", "https://b.example.co.uk/", True),
        ("https://example.co.uk/", "https://other.co.uk/", False),
        ("https://one.blogspot.com/", "https://two.blogspot.com/", False),
        ("http://127.0.0.1:8451/a", "http://127.0.0.1:9000/b", True),
        ("http://127.0.0.1/a", "http://127.0.0.2/a", False),
        ("http://127.0.0.1/a", "http://localhost/a", False),
        ("http://[::1]/a", "http://[::1]:8451/b", True),
        ("http://a.localhost:8451/", "http://b.localhost:8451/", False),
        ("http://a.localhost:8451/x", "http://a.localhost:8451/y", True),
        ("https://bücher.de/a", "https://www.xn--bcher-kva.de/b", True),
        ("https://example.com/a", "mailto:x@example.com", False),
    ],
)
def test_same_site(a: str, b: str, expected: bool) -> None:
    assert same_site(a, b) is expected
    assert same_site(b, a) is expected


@pytest.mark.parametrize(
    ("page", "rel", "og", "expected"),
    [
        # same-site rel=canonical wins, canonicalised
        (
            "https://m.example.com/a/b?utm_source=x",
            "https://www.example.com/a/b/",
            None,
            ("https://example.com/a/b", None),
        ),
        # relative canonical resolved against the page
        ("https://example.com/amp/a/b", "/a/b", None, ("https://example.com/a/b", None)),
        # protocol-relative canonical
        ("https://example.com/x", "//www.example.com/a", None, ("https://example.com/a", None)),
        # no canonical: the page itself
        ("https://example.com/a/?amp=1", None, None, ("https://example.com/a", None)),
        # og:url when there is no rel=canonical
        (
            "https://example.com/a?id=9",
            None,
            "https://example.com/story-9",
            ("https://example.com/story-9", None),
        ),
        # rel beats og:url
        (
            "https://example.com/a",
            "https://example.com/b",
            "https://example.com/c",
            ("https://example.com/b", None),
        ),
        # cross-site canonical is not followed, it is returned as evidence
        (
            "https://reprint.example.org/s/1",
            "https://www.wire.example.com/orig/1/",
            None,
            ("https://reprint.example.org/s/1", "https://wire.example.com/orig/1"),
        ),
        # cross-site rel, same-site og:url: og:url is the canonical, rel the evidence
        (
            "https://example.org/s/1?utm_medium=x",
            "https://wire.example.com/o/1",
            "https://example.org/s/1",
            ("https://example.org/s/1", "https://wire.example.com/o/1"),
        ),
        # a canonical pointing at the homepage from an article is ignored
        (
            "https://example.com/news/1",
            "https://example.com/",
            None,
            ("https://example.com/news/1", None),
        ),
        # unusable canonicals are ignored
        ("https://example.com/a", "javascript:void(0)", "  ", ("https://example.com/a", None)),
        (
            "https://example.com/a",
            "https://example.com:bad/x",
            None,
            ("https://example.com/a", None),
        ),
        # sample sites on one port are different sites when their host names differ
        (
            "http://kabul-daily.localhost:8451/n/1",
            "http://tehran-wire.localhost:8451/n/9",
            None,
            ("http://kabul-daily.localhost:8451/n/1", "http://tehran-wire.localhost:8451/n/9"),
        ),
    ],
)
def test_choose_canonical(
    page: str, rel: str | None, og: str | None, expected: tuple[str, str | None]
) -> None:
    assert choose_canonical(page, rel, og) == expected


def test_choose_canonical_rejects_bad_page_url() -> None:
    with pytest.raises(ValueError):
        choose_canonical("not a url", "https://example.com/a")


def test_a_canonical_spelling_is_known_without_running_the_rules_again(monkeypatch) -> None:
    import wirecrawl.urls as urls

    raw = "HTTP://WWW.Example.org:80/news/a-story/?utm_source=feed&id=7#top"
    canonical = canonicalize(raw)
    passes: list[str] = []
    real = urls._canonicalize_once

    def counted(url: str, scheme: str) -> str:
        passes.append(url)
        return real(url, scheme)

    monkeypatch.setattr(urls, "_canonicalize_once", counted)
    assert canonicalize(canonical) == canonical
    assert canonicalize(raw) == canonical
    assert passes == []  # the site check and the store ask for it again: no rule runs
    fresh = "http://www.example.org/news/another-story/?utm_medium=x"
    assert canonicalize(fresh) == "http://example.org/news/another-story"
    assert passes  # a URL not seen before does run them


def test_the_url_cache_is_bounded(monkeypatch) -> None:
    import wirecrawl.urls as urls

    monkeypatch.setattr(urls, "_CANONICAL_SIZE", 4)
    urls._CANONICAL.clear()
    for n in range(10):
        assert canonicalize(f"http://example.org/a/{n}?utm_source=x") == f"http://example.org/a/{n}"
        assert len(urls._CANONICAL) <= 5  # cleared whole when full, then the new pair
