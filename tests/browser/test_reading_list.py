"""The reading list in a real browser: stars, the My list page, its exports and suggestions."""

from __future__ import annotations

from pathlib import Path

import rispy
from bibtexparser.entrypoint import parse_string

from tests.browser.conftest import PageWatch


def open_page(watch: PageWatch, url: str) -> None:
    watch.page.goto(url)
    watch.page.wait_for_function("() => typeof window.document$ !== 'undefined'")


def test_star_keeps_papers_in_the_browser_and_my_list_exports_them(watched: PageWatch, serve, seed_site: Path) -> None:
    page = watched.page
    base = serve(seed_site)
    open_page(watched, base + "papers/mt-ladder/")
    star = page.locator(".atlas-star-slot .atlas-star")
    assert star.get_attribute("aria-pressed") == "false"
    star.click()
    assert star.get_attribute("aria-pressed") == "true"
    assert star.inner_text() == "★ In my list"
    open_page(watched, base + "papers/galore/")
    page.locator(".atlas-star-slot .atlas-star").click()
    stored = page.evaluate("() => JSON.parse(localStorage.getItem('paper-atlas:reading-list'))")
    assert [item["slug"] for item in stored] == ["mt-ladder", "galore"]
    assert stored[0]["title"].startswith("MT-Ladder: A Model-Agnostic Framework")

    open_page(watched, base + "my-list/")
    page.wait_for_selector(".atlas-suggestions li")
    listed = page.locator(".atlas-list-items li a").all_inner_texts()
    assert len(listed) == 2 and listed[0].startswith("MT-Ladder")
    slugs = [li.get_attribute("data-slug") for li in page.locator(".atlas-suggestions li").all()]
    assert len(slugs) == 10 and not {"mt-ladder", "galore"} & set(slugs)
    assert "fira" in slugs, "Fira builds on GaLore: the closest paper to a list holding GaLore"
    watched.screenshot("my-list")

    bib = page.evaluate("() => window.atlasReadingList.entriesOf(['mt-ladder', 'galore'], 'bib')")
    library = parse_string(bib)
    assert [entry.key for entry in library.entries] == ["mt-ladder", "galore"] and not library.failed_blocks
    ris = page.evaluate("() => window.atlasReadingList.entriesOf(['mt-ladder', 'galore'], 'ris')")
    assert [entry["id"] for entry in rispy.loads(ris)] == ["mt-ladder", "galore"]
    with page.expect_download() as download:
        page.locator(".atlas-reading-list button[data-format='bib']").click()
    assert download.value.suggested_filename == "my-list.bib"

    page.locator(".atlas-list-items li button.atlas-remove").first.click()
    assert page.locator(".atlas-list-items li a").all_inner_texts() == [listed[1]]
    assert watched.errors == [] and watched.outside == []


def test_table_stars_and_exports_the_filtered_rows(watched: PageWatch, serve, seed_site: Path) -> None:
    page = watched.page
    open_page(watched, serve(seed_site) + "explore/table/")
    page.wait_for_selector(".atlas-table[data-ready='true']")
    page.locator(".atlas-controls input[type='search']").fill("ladder")
    row_star = page.locator(".atlas-table tbody tr .atlas-star")
    assert row_star.count() == 1
    row_star.click()
    assert row_star.get_attribute("aria-pressed") == "true"
    with page.expect_download() as download:
        page.locator(".atlas-controls button[data-format='ris']").click()
    path = download.value.path()
    (entry,) = rispy.loads(Path(path).read_text(encoding="utf-8"))
    assert entry["id"] == "mt-ladder"
    assert watched.errors == [] and watched.outside == []


def test_a_topic_page_exports_the_papers_it_lists(watched: PageWatch, serve, seed_site: Path) -> None:
    page = watched.page
    topic = sorted(p.parent.name for p in (seed_site / "topics").glob("*/index.html"))[0]
    open_page(watched, serve(seed_site) + f"topics/{topic}/")
    listed = page.locator("article li > a[href*='papers/']").count()
    assert listed > 0
    with page.expect_download() as download:
        page.locator(".atlas-list-export button[data-format='bib']").click()
    assert download.value.suggested_filename == f"{topic}.bib"
    library = parse_string(Path(download.value.path()).read_text(encoding="utf-8"))
    assert len(library.entries) == listed and not library.failed_blocks
    assert watched.errors == [] and watched.outside == []
