"""Reading a page's bytes (encodings, BOMs, gzip) and surviving malformed pages."""

from __future__ import annotations

import contextlib
import gzip

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wirecrawl.extract import ExtractError, extract
from wirecrawl.extract.decode import decode_page

ARABIC = "المصدر: وكالة الأنباء"
PAGE = "<html><head>{meta}<title>t</title></head><body><p>{text}</p></body></html>"


def page(text: str, meta: str = "") -> str:
    return PAGE.format(meta=meta, text=text)


@pytest.mark.parametrize(
    ("data", "headers", "expected", "evidence"),
    [
        (page("Café").encode("utf-8"), None, "Café", "utf-8"),
        (page("Café", '<meta charset="iso-8859-1">').encode("latin-1"), None, "Café", "meta"),
        (page("Straße „x“", '<meta charset="windows-1252">').encode("cp1252"), None, "„x“", "meta"),
        (
            page(
                ARABIC, '<meta http-equiv="Content-Type" content="text/html; charset=windows-1256">'
            ).encode("cp1256"),
            None,
            ARABIC,
            "meta",
        ),
        (
            page(ARABIC).encode("cp1256"),
            {"Content-Type": "text/html; charset=windows-1256"},
            ARABIC,
            "http",
        ),
        (page("祭り", '<meta charset="Shift_JIS">').encode("shift_jis"), None, "祭り", "meta"),
        (page("Olivos ñ").encode("utf-16"), None, "Olivos ñ", "bom"),
        ("\ufeff".encode() + page("BOM é").encode("utf-8"), None, "BOM é", "bom"),
        (
            page("Café", '<meta charset="iso-8859-1">').encode("utf-8"),
            None,
            "Café",
            "utf-8 (declared cp1252)",
        ),
        (gzip.compress(page("zipped é").encode("utf-8"), mtime=0), None, "zipped é", "gzip+utf-8"),
    ],
)
def test_decode_page(
    data: bytes, headers: dict[str, str] | None, expected: str, evidence: str
) -> None:
    decoded = decode_page(data, headers)
    assert expected in decoded.text
    assert decoded.evidence == evidence


def test_meta_charset_late_in_a_long_head() -> None:
    head = "<script>" + "x" * 6000 + '</script><meta charset="windows-1256">'
    assert ARABIC in decode_page(page(ARABIC, head).encode("cp1256")).text


def test_undeclared_arabic_bytes_are_detected() -> None:
    text = " ".join([ARABIC, "افتتحت السلطات المحلية يوم الأربعاء محطة جديدة لتحلية المياه"] * 5)
    assert "محطة" in decode_page(page(text).encode("cp1256")).text


def test_declared_utf8_with_a_stray_byte_stays_utf8() -> None:
    data = page("Café ok").encode("utf-8").replace(b"ok", b"\xff ok")
    decoded = decode_page(data, {"content-type": "text/html; charset=utf-8"})
    assert "Café" in decoded.text and decoded.encoding == "utf-8"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        (b"   \n\t ", "empty"),
        ("   ", "empty"),
        (b"\x1f\x8b\x08\x00garbage", "gzip"),
        (gzip.compress(b"   ", mtime=0), "no page"),
        (bytes(range(0, 9)) * 500, "binary"),
    ],
)
def test_unreadable_bytes_raise_extract_error(data: bytes | str, message: str) -> None:
    with pytest.raises(ExtractError, match=message):
        extract(data, "https://example.com/a")


def test_truncated_gzip_keeps_what_was_read() -> None:
    words = " ".join(f"word{i * 7919 % 10007}" for i in range(400))
    data = gzip.compress(page(f"The first paragraph of a story that was cut off. {words}").encode())
    found = extract(data[: len(data) * 2 // 3], "https://example.com/a")
    assert found.body and found.body[0].startswith("The first paragraph")


MALFORMED = [
    "<html><body><p>An unclosed paragraph about the harbour and the boats that came in late",
    "<p>No html element at all, just a paragraph about the weather that turned quickly.</p>",
    "Plain text with no markup at all, about the election count that ran through the night.",
    "<html><head><title>Only a title</title></head><body></body></html>",
    "<html><body>" + "<div>" * 3000 + "deep text" + "</div>" * 3000 + "</body></html>",
    "<html><body><p>bad attrs <a href='javascript:void(0)' class=>x</a> <img src=></p></html>",
    "<?xml version='1.0' encoding='iso-8859-1'?><html><body><p>An XHTML page about the café.</p></body></html>",
    "<html><head><script type='application/ld+json'>{broken json</script></head><body></body>",
    "<html><head><script type='application/ld+json'>[1, \"x\", null]</script></head></html>",
    "<html><body><time datetime=''></time><h1></h1><p>\x00\x01 control chars</p></body></html>",
    "<!-- only a comment -->",
    "<html><body><table><tr><td>cell<td>cell</table><p>text after table</p></body></html>",
]


@pytest.mark.parametrize("markup", MALFORMED)
def test_malformed_pages_never_raise(markup: str) -> None:
    found = extract(markup, "https://example.com/news/1")
    assert isinstance(found.body, list)
    assert all(isinstance(p, str) and p for p in found.body)


def test_xhtml_declaration_is_read() -> None:
    found = extract(MALFORMED[6].encode("latin-1"), "https://example.com/x")
    assert found.body == ["An XHTML page about the café."]


@settings(max_examples=60, deadline=None)
@given(st.binary(min_size=1, max_size=400))
def test_any_bytes_extract_or_extract_error(data: bytes) -> None:
    with contextlib.suppress(ExtractError):
        assert isinstance(extract(data, "https://example.com/a").body, list)


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="<>/=\"' abcdhpitlmy&;#x0123\n", max_size=300))
def test_any_markup_soup_extracts(markup: str) -> None:
    try:
        extract(markup, "https://example.com/a")
    except ExtractError:
        assert not markup.strip()
