"""The Timeline page, a paper's line of work and its related papers by date, and author pages, in
a real browser, on the real daily-papers samples (dated, with authors) of ../shared/fixtures."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.browser.conftest import PageWatch
from tests.browser.test_explore import open_page
from tests.sitebuild import SHARED_FIXTURES, build_site


@pytest.fixture(scope="module")
def dated_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not SHARED_FIXTURES.is_dir():
        pytest.skip(f"real input samples not found at {SHARED_FIXTURES}")
    work = tmp_path_factory.mktemp("dated")
    data = work / "data"
    shutil.copytree(SHARED_FIXTURES / "hf_daily_papers", data)
    _, site = build_site(data, work / "build")
    return site


def test_the_timeline_draws_every_dated_paper_by_date_in_its_topics_band(
    watched: PageWatch, serve, dated_site: Path
) -> None:
    page = watched.page
    open_page(watched, serve(dated_site) + "explore/timeline/")
    page.wait_for_selector(".atlas-map[data-complete='true']", timeout=20_000)
    nodes = int(page.locator(".atlas-map").get_attribute("data-nodes") or 0)
    assert nodes == int(page.locator(".atlas-map").get_attribute("data-dated") or -1) > 20
    assert page.locator(".atlas-timeline-note").inner_text().startswith(f"{nodes} of ")
    # Later papers sit further right; each topic is a band named at its left.
    order = page.evaluate("() => atlasMap.nodes('.paper').map(n => [n.position('x'), n.data('date')])")
    by_place = [date for _, date in sorted(order)]
    assert by_place == sorted(by_place) and by_place[0] < by_place[-1]
    bands = page.evaluate("() => atlasMap.nodes('.band-label').length")
    assert bands == page.locator(".atlas-map-legend li").count()
    assert page.evaluate("() => atlasMap.nodes('.tick').map(n => n.data('label'))")[0].startswith("20")
    watched.screenshot("timeline")
    assert watched.errors == [] and watched.outside == []


def test_the_seed_without_dates_says_there_is_no_timeline(watched: PageWatch, serve, seed_site: Path) -> None:
    open_page(watched, serve(seed_site) + "explore/timeline/")
    watched.page.wait_for_selector(".atlas-map[data-complete='true']", timeout=20_000)
    assert "No paper of this collection has a date" in watched.page.locator(".atlas-map").inner_text()
    assert watched.errors == []


def test_related_papers_sort_by_date_and_back(watched: PageWatch, serve, dated_site: Path) -> None:
    page = watched.page
    lineage = sorted(p for p in (dated_site / "papers").glob("*/index.html") if "Line of work" in p.read_text())
    assert lineage, "no paper page has a line of work"
    open_page(watched, serve(dated_site) + lineage[0].parent.relative_to(dated_site).as_posix() + "/")
    titles = "() => [...document.querySelectorAll('ul.atlas-related > li > a')].map(a => a.textContent)"
    dates = "() => [...document.querySelectorAll('ul.atlas-related > li')].map(li => li.dataset.date || '9999')"
    relevance = page.evaluate(titles)
    button = page.locator("button.atlas-sort")
    button.click()
    assert page.evaluate(dates) == sorted(page.evaluate(dates))
    assert button.get_attribute("aria-pressed") == "true" and button.inner_text() == "Sort by relevance"
    button.click()
    assert page.evaluate(titles) == relevance
    assert page.locator("#line-of-work").count() == 1
    assert watched.errors == []


def test_an_author_page_lists_their_papers_and_links_co_authors(watched: PageWatch, serve, dated_site: Path) -> None:
    page = watched.page
    base = serve(dated_site)
    open_page(watched, base + "authors/")
    first = page.locator("article table a").first
    name = first.inner_text()
    first.click()
    page.wait_for_selector("article h1")
    assert page.locator("article h1").inner_text().rstrip("¶") == name
    assert page.locator("article li a[href*='papers/']").count() >= 2
    assert watched.errors == [] and watched.outside == []
