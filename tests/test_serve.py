"""``wirecrawl serve``: Datasette with wirecrawl's metadata, canned queries, plugin and feed.

The browser test serves a database with the real command and drives headless Chromium.
"""

import asyncio
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from datetime import UTC, datetime, timedelta
from urllib.parse import quote

import feedparser
import pytest

from wirecrawl import store
from wirecrawl.datasette import DATABASE, load_metadata, make_datasette
from wirecrawl.datasette.plugin import match_expression
from wirecrawl.items import Story

NOW = datetime(2026, 11, 28, 12, 0, tzinfo=UTC)


def story(n: int, source: str, title: str, body: str, **fields) -> Story:
    url = f"https://{source}.example/news/{n}"
    values = {
        "source": source,
        "url": url,
        "canonical_url": url,
        "fetched_at": NOW,
        "published_at": NOW - timedelta(hours=n),
        "title": title,
        "body": body,
        "publisher": source.title(),
        "content_hash": f"hash-{n}",
    }
    values.update(fields)
    return Story(**values)


@pytest.fixture(scope="module")
def served_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("serve") / "browse.db"
    db = store.open_db(path)
    store.write_stories(
        db,
        [
            story(1, "sahar", "گزارش سد کرج", "آب پشت سد کرج در سال ۱۴۰۲ کم شد."),
            story(2, "alwaha", "تقرير سد كرج", "انخفض الماء خلف سد كرج."),
            story(3, "meridian", "Harbour ferry strike", "The <b>ferry</b> strike went on."),
        ],
    )
    with store.transaction(db) as conn:  # 2 is a copy of 1
        conn.execute("UPDATE stories SET cluster_id = 1, is_original = 0 WHERE id = 2")
        conn.execute("DELETE FROM clusters WHERE id = 2")
        conn.execute("UPDATE clusters SET size = 2 WHERE id = 1")
    db.conn.close()
    return path


def get(datasette, path: str):
    return asyncio.run(datasette.client.get(path))


@pytest.fixture(scope="module")
def datasette(served_db):
    return make_datasette(served_db)


def test_metadata_describes_tables_and_queries():
    metadata = load_metadata()
    database = metadata["databases"][DATABASE]
    assert {"latest_stories", "story_cluster", "search"} <= set(database["queries"])
    assert "canonical_url" in database["tables"]["stories"]["columns"]
    assert metadata["title"] == "wirecrawl"


def test_home_page_lists_the_database(datasette):
    response = get(datasette, "/")
    assert response.status_code == 200
    assert "/wirecrawl/latest_stories" in response.text
    assert "/-/wirecrawl/feed.atom" in response.text


def test_search_query_folds_letters_and_marks_matches(datasette):
    data = get(datasette, f"/{DATABASE}/search.json?q={quote('كرج')}&_shape=objects").json()
    rows = data["rows"]
    assert {r["id"] for r in rows} == {1, 2}
    assert all("\x02" in r["title"] for r in rows)
    html = get(datasette, f"/{DATABASE}/search?q={quote('کرج')}").text
    assert "<mark>کرج</mark>" in html and "<mark>كرج</mark>" in html
    assert "/wirecrawl/story_cluster?id=1" in html
    digits = get(datasette, f"/{DATABASE}/search.json?q=1402&_shape=objects").json()["rows"]
    assert "<mark>" not in digits[0]["snippet"] and "\x02۱۴۰۲\x03" in digits[0]["snippet"]


@pytest.mark.parametrize("text", ["", '"', "NEAR(", "* ( )", "a OR"])
def test_search_query_takes_any_text(datasette, text):
    response = get(datasette, f"/{DATABASE}/search.json?q={quote(text)}")
    assert response.status_code == 200
    assert match_expression(text) == '""' or match_expression(text).startswith('"')


def test_story_cluster_query(datasette):
    rows = get(datasette, f"/{DATABASE}/story_cluster.json?id=2&_shape=objects").json()["rows"]
    assert [(r["id"], r["original"], r["source"]) for r in rows] == [
        (1, "original", "sahar"),
        (2, "", "alwaha"),
    ]


def test_latest_stories_query(datasette):
    rows = get(datasette, f"/{DATABASE}/latest_stories.json?_shape=objects").json()["rows"]
    assert [r["id"] for r in rows] == [1, 2, 3]


def test_atom_feed_route(datasette):
    response = get(datasette, "/-/wirecrawl/feed.atom")
    assert response.headers["content-type"].startswith("application/atom+xml")
    parsed = feedparser.parse(response.content)
    assert parsed.bozo == 0
    assert [e.id for e in parsed.entries] == [
        "https://sahar.example/news/1",
        "https://meridian.example/news/3",
    ]  # one entry per cluster
    searched = feedparser.parse(
        get(datasette, f"/-/wirecrawl/feed.atom?q={quote('كرج')}&copies=1").content
    )
    assert [e.source.title for e in searched.entries] == ["Sahar", "Sahar"]
    bad = get(datasette, "/-/wirecrawl/feed.atom?q=%22")
    assert bad.status_code == 400 and bad.text.startswith("bad query:")


def test_database_is_served_read_only(datasette, served_db):
    database = datasette.get_database(DATABASE)
    assert database.is_mutable  # not immutable: a crawl may be writing
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        asyncio.run(database.execute("DELETE FROM stories"))
    response = get(datasette, f"/{DATABASE}.json?sql={quote('DELETE FROM stories')}")
    assert response.status_code == 400
    with store.opened(served_db, readonly=True) as db:
        assert db.execute("SELECT count(*) FROM stories").fetchone()[0] == 3


# --- the real command in a real browser --------------------------------------------------------

CHROMIUM_FLAGS = (
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)


def chromium_binary() -> str:
    for name in ("chromium", "chromium-browser"):
        if found := shutil.which(name):
            return found
    pytest.fail(
        "Chromium is needed for the browser test: apt-get install -y chromium chromium-driver"
    )


@pytest.fixture
def served_url(served_db):
    process = subprocess.Popen(
        [sys.executable, "-m", "wirecrawl", "serve", "--db", str(served_db), "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        line = process.stdout.readline()
        assert "read-only at http://127.0.0.1:" in line, line
        yield line.rsplit(" ", 1)[1].strip()
    finally:
        process.terminate()
        process.wait(timeout=10)
        process.stdout.close()


@pytest.mark.browser
def test_pages_render_in_headless_chromium(served_url):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    binary = chromium_binary()
    if not os.path.exists("/usr/bin/chromedriver"):
        pytest.fail("chromedriver is needed: apt-get install -y chromium-driver")
    options = webdriver.ChromeOptions()
    options.binary_location = binary
    profile = tempfile.mkdtemp(prefix="wirecrawl-chromium-")
    for flag in (*CHROMIUM_FLAGS, f"--user-data-dir={profile}"):
        options.add_argument(flag)
    driver = webdriver.Chrome(options=options, service=Service("/usr/bin/chromedriver"))
    try:
        driver.set_page_load_timeout(30)
        driver.get(served_url)
        assert "wirecrawl" in driver.title
        driver.find_element(By.LINK_TEXT, "search").click()
        box = driver.find_element(By.NAME, "q")
        box.send_keys("كرج")  # Arabic kaf and yeh find the Persian spelling too
        box.submit()
        # The results page may still be loading when submit() returns (seen on a loaded
        # machine): wait for its marks, then compare them.
        found = WebDriverWait(driver, 20).until(
            lambda d: d.find_elements(By.CSS_SELECTOR, "td.col-title mark")
        )
        assert sorted(m.text for m in found) == ["كرج", "کرج"]
        driver.find_elements(By.LINK_TEXT, "outlets")[0].click()
        rows = WebDriverWait(driver, 20).until(
            lambda d: (
                "/story_cluster" in d.current_url
                and d.find_elements(By.CSS_SELECTOR, "table.rows-and-columns tbody tr")
            )
        )
        cells = [[c.text.strip() for c in row.find_elements(By.TAG_NAME, "td")] for row in rows]
        assert [c[:3] for c in cells] == [["1", "original", "sahar"], ["2", "", "alwaha"]]
        assert "https://alwaha.example/news/2" in cells[1]
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)
