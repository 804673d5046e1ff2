"""The Explore pages (table, map), charts, neighbourhoods and the theme, in a real browser."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from playwright.sync_api import Browser, FloatRect, Locator, Page

from tests.browser.conftest import PageWatch


def open_page(watch: PageWatch, url: str) -> None:
    watch.page.goto(url)
    watch.page.wait_for_function("() => typeof window.document$ !== 'undefined'")


def box_of(locator: Locator) -> FloatRect:
    box = locator.bounding_box()
    assert box is not None, f"{locator} is not shown"
    return box


def table_titles(page: Page) -> list[str]:
    return page.locator(".atlas-table tbody tr td:first-child").all_inner_texts()


def test_table_lists_sorts_and_filters_every_paper(watched: PageWatch, serve, seed_site: Path) -> None:
    page = watched.page
    open_page(watched, serve(seed_site) + "explore/table/")
    page.wait_for_selector(".atlas-table[data-ready='true']")
    assert page.locator(".atlas-count").inner_text() == "244 of 244 papers"
    titles = table_titles(page)
    assert len(titles) == 100 and titles[0].casefold() < titles[-1].casefold()
    page.locator("th button[data-sort='title']").click()  # the sorted column again: reversed
    reversed_titles = table_titles(page)
    assert reversed_titles[0].casefold() > reversed_titles[-1].casefold()
    assert page.locator("th:first-child").get_attribute("aria-sort") == "descending"
    page.locator(".atlas-controls input[type='search']").fill("ladder")
    assert page.locator(".atlas-count").inner_text() == "1 of 244 papers"
    assert table_titles(page) == [
        "MT-Ladder: A Model-Agnostic Framework Boosting LLM-based Machine Translation to the Next Level"
    ]
    page.locator(".atlas-controls input[type='search']").fill("")
    page.locator(".atlas-controls input[type='checkbox']").check()
    with_code = int(page.locator(".atlas-count").inner_text().split()[0])
    assert 0 < with_code < 244
    assert all(cell for cell in page.locator(".atlas-table tbody tr td:nth-child(5)").all_inner_texts())
    page.locator(".atlas-controls input[type='checkbox']").uncheck()
    page.locator(".atlas-controls select[aria-label='Benchmark']").select_option("GSM8K")
    rows = page.locator(".atlas-table tbody tr td:nth-child(7)").all_inner_texts()
    assert rows and all("GSM8K" in cell for cell in rows)
    page.locator(".atlas-controls select[aria-label='Benchmark']").select_option("")
    # Corpora are datasets, in their own column, not benchmarks.
    benchmarks = page.locator(".atlas-controls select[aria-label='Benchmark'] option").all_inner_texts()
    assert "Common Crawl" not in benchmarks and "Pile" not in benchmarks
    page.locator(".atlas-controls select[aria-label='Dataset']").select_option("Common Crawl")
    rows = page.locator(".atlas-table tbody tr td:nth-child(8)").all_inner_texts()
    assert rows and all("Common Crawl" in cell for cell in rows)
    page.locator(".atlas-controls select[aria-label='Dataset']").select_option("")
    page.locator(".atlas-controls select[aria-label='Model family']").select_option("Llama")
    rows = page.locator(".atlas-table tbody tr td:nth-child(6)").all_inner_texts()
    assert rows and all("Llama" in cell for cell in rows)
    watched.screenshot("table")
    page.locator(".atlas-table tbody tr td a").first.click()
    page.wait_for_url("**/papers/**")
    assert watched.errors == [] and watched.outside == []


def test_table_sorts_by_date_with_empty_values_last_and_is_keyboard_usable(
    watched: PageWatch, serve, seed_site: Path
) -> None:
    page = watched.page
    open_page(watched, serve(seed_site) + "explore/table/")
    page.wait_for_selector(".atlas-table[data-ready='true']")
    page.locator("th button[data-sort='short_name']").focus()
    page.keyboard.press("Enter")
    assert page.locator("th:nth-child(2)").get_attribute("aria-sort") == "ascending"
    names = page.locator(".atlas-table tbody tr td:nth-child(2)").all_inner_texts()
    assert names[0] and names[0].casefold() <= names[1].casefold(), "papers with a short name first, in order"
    assert watched.errors == []


def test_map_renders_every_paper_and_a_click_opens_one(watched: PageWatch, serve, seed_site: Path) -> None:
    page = watched.page
    open_page(watched, serve(seed_site) + "explore/map/")
    page.wait_for_selector(".atlas-map[data-complete='true']", timeout=20_000)
    assert page.locator(".atlas-map").get_attribute("data-nodes") == "244"
    edges = page.locator(".atlas-map").get_attribute("data-edges")
    assert edges is not None and int(edges) >= 244 * 2
    assert page.locator(".atlas-map-legend li").count() >= 5
    # Each topic is named on the map where its papers are, and only the strongest links are drawn.
    labels = page.evaluate("() => atlasMap.nodes('.topic-label').map(n => n.data('label'))")
    assert sorted(labels) == sorted(page.locator(".atlas-map-legend li").all_inner_texts())
    shown = "() => atlasMap.edges().filter(e => e.visible()).length"
    drawn = page.evaluate(shown)
    assert 0 < drawn < int(edges), "every link drawn at once: the hairball the map had"
    assert page.evaluate("() => atlasMap.edges('[kind = 0]').filter(e => e.visible()).length") == 0
    watched.screenshot("map")
    # No empty tooltip on load: it shows only over a paper.
    assert page.locator(".atlas-tip").is_hidden()
    # The wheel scrolls the page; with Ctrl held it zooms the map.
    box = box_of(page.locator(".atlas-map"))
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    before = page.evaluate("() => [window.atlasMap.zoom(), window.scrollY]")
    page.mouse.wheel(0, 300)
    page.wait_for_timeout(300)
    after = page.evaluate("() => [window.atlasMap.zoom(), window.scrollY]")
    assert after[0] == before[0] and after[1] > before[1], f"wheel zoomed the map or did not scroll: {before} {after}"
    page.keyboard.down("Control")
    page.mouse.wheel(0, -300)
    page.keyboard.up("Control")
    page.wait_for_timeout(300)
    assert page.evaluate("() => window.atlasMap.zoom()") != after[0], "Ctrl + wheel did not zoom"
    page.evaluate("() => window.scrollTo(0, 0)")
    # Zoom with the keyboard, then click the rendered position of a known paper.
    page.locator(".atlas-map").focus()
    zoom = page.evaluate("() => window.atlasMap.zoom()")
    page.keyboard.press("+")
    assert page.evaluate("() => window.atlasMap.zoom()") > zoom
    page.evaluate("() => window.atlasMap.center(window.atlasMap.getElementById('mt-ladder'))")
    point = page.evaluate("() => window.atlasMap.getElementById('mt-ladder').renderedPosition()")
    box = box_of(page.locator(".atlas-map"))
    page.mouse.move(box["x"] + point["x"], box["y"] + point["y"])
    page.wait_for_selector(".atlas-tip:not([hidden])")
    assert page.locator(".atlas-tip").inner_text().startswith("MT-Ladder")
    # Hovered, a paper shows every link it has.
    own = "() => atlasMap.getElementById('mt-ladder').connectedEdges()"
    assert page.evaluate(own + ".filter(e => e.visible()).length") == page.evaluate(own + ".length") > 0
    assert page.evaluate(shown) > drawn
    page.mouse.click(box["x"] + point["x"], box["y"] + point["y"])
    page.wait_for_url("**/papers/mt-ladder/")
    assert watched.errors == [] and watched.outside == []


@pytest.mark.parametrize(
    ("path", "failing", "answer", "message"),
    [
        ("explore/table/", "**/table.json", 503, "The table could not be shown: cannot load ../table.json: 503"),
        ("explore/map/", "**/map.json", None, "The map could not be shown: Failed to fetch"),
        ("explore/map/", "**/cytoscape.min.js", None, "The map could not be shown: cannot load the map library"),
    ],
)
def test_a_failed_load_is_said_in_the_page(
    watched: PageWatch, serve, seed_site: Path, path: str, failing: str, answer: int | None, message: str
) -> None:
    page = watched.page
    page.route(failing, lambda route: route.fulfill(status=answer, body="") if answer else route.abort())
    open_page(watched, serve(seed_site) + path)
    alert = page.locator(".atlas-failure[role='alert']")
    alert.wait_for(state="visible")
    assert alert.inner_text() == message
    assert page.locator("[data-ready='failed']").count() == 1


def test_home_chart_neighbourhood_and_dark_mode(watched: PageWatch, serve, seed_site: Path) -> None:
    page = watched.page
    base = serve(seed_site)
    open_page(watched, base)
    assert page.locator(".atlas-chart .atlas-bar-row").count() >= 5
    watched.screenshot("home")
    scheme = page.evaluate("() => document.body.getAttribute('data-md-color-scheme')")
    page.locator("label.md-header__button[for^='__palette']:visible").first.click()
    flipped = page.evaluate("() => document.body.getAttribute('data-md-color-scheme')")
    assert {scheme, flipped} == {"default", "slate"}
    background = page.evaluate("() => getComputedStyle(document.body).backgroundColor")
    assert background != "rgb(255, 255, 255)" if flipped == "slate" else background == "rgb(255, 255, 255)"
    open_page(watched, base + "papers/mt-ladder/")
    graph = page.locator(".atlas-neighbourhood[data-ready='true']")
    assert graph.locator("a").count() == 5
    assert graph.locator("line.atlas-edge").count() == 5
    related = page.locator("#related-papers ~ ul").first.locator("li > a:first-child")
    assert graph.locator("a").evaluate_all("as => as.map(a => a.title)") == related.all_inner_texts()
    # Nodes show each paper's short name, from papers.json's data on the link, or else its title.
    papers = json.loads((seed_site / "papers.json").read_text(encoding="utf-8"))["papers"]
    short_names = {paper["slug"]: paper["short_name"] for paper in papers}
    slugs = [href.strip("/").split("/")[-1] for href in related.evaluate_all("as => as.map(a => a.href)")]
    names = [short_names[slug] or title for slug, title in zip(slugs, related.all_inner_texts(), strict=True)]
    assert 0 < sum(1 for slug in slugs if short_names[slug]) < len(slugs), "the test needs papers with and without"
    assert graph.locator("a").all_inner_texts() == [name if len(name) <= 28 else name[:27] + "…" for name in names]
    watched.screenshot("paper-dark")
    graph.locator("a").first.click()
    page.wait_for_url("**/papers/**")
    assert "mt-ladder" not in page.url
    assert watched.errors == [] and watched.outside == []


def test_table_fits_a_phone_screen(browser: Browser, serve, seed_site: Path) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    watch = PageWatch(context.new_page())
    open_page(watch, serve(seed_site) + "explore/table/")
    watch.page.wait_for_selector(".atlas-table[data-ready='true']")
    width = watch.page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= 390, "the page itself never scrolls sideways; the table scrolls in its box"
    watch.screenshot("table-phone")
    assert watch.errors == [] and watch.outside == []
    context.close()


def test_leaderboard_sentences_stay_readable_on_a_phone(browser: Browser, serve, seed_site: Path) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    watch = PageWatch(context.new_page())
    open_page(watch, serve(seed_site) + "datasets/aime/")  # (GSM8K's results are all off its leaderboard)
    sentence = watch.page.locator(".md-typeset__table td:last-child").first
    assert box_of(sentence)["width"] >= 200, "a sentence column a few words wide"
    assert watch.page.evaluate("() => document.documentElement.scrollWidth") <= 390
    assert watch.errors == [] and watch.outside == []
    context.close()


def test_table_fits_a_1280_pixel_screen_without_hiding_a_column(watched: PageWatch, serve, seed_site: Path) -> None:
    page = watched.page  # the `watched` page is 1280 px wide
    open_page(watched, serve(seed_site) + "explore/table/")
    page.wait_for_selector(".atlas-table[data-ready='true']")
    scroll = page.evaluate(
        "() => { const s = document.querySelector('.atlas-scroll'); return [s.scrollWidth, s.clientWidth]; }"
    )
    assert scroll[0] <= scroll[1], f"the table is wider than its box at 1280 px: {scroll}"
    assert page.locator("th button[data-sort='datasets']").is_visible()
    assert watched.errors == [] and watched.outside == []


CHART_ROWS = """() => [...document.querySelectorAll('.atlas-chart .atlas-bar-row')].map(row => {
  const bar = row.querySelector('.atlas-bar'), label = row.querySelector('.atlas-bar-label');
  return {
    rest: row.classList.contains('atlas-bar-rest'),
    width: bar ? bar.getBoundingClientRect().width : null,
    track: bar ? bar.parentElement.getBoundingClientRect().width : null,
    text: row.closest('article').getBoundingClientRect().width,
    count: Number((row.querySelector('.atlas-bar-count') || {}).textContent),
    cut: label.scrollWidth > label.clientWidth + 1 || label.scrollHeight > label.clientHeight + 1,
  };
})"""


@pytest.mark.parametrize("width", [1280, 390])
def test_chart_bars_are_in_proportion_to_their_counts(browser: Browser, serve, seed_site: Path, width: int) -> None:
    """Every chart (home, topics, models, benchmarks) at desktop and phone width: bars as long as their
    counts say, the longest full width, labels whole, and "N more" a row with no bar (a sum of several
    terms' counts is the count of none of them; see `bar_chart`)."""
    context = browser.new_context(viewport={"width": width, "height": 900})
    watch = PageWatch(context.new_page())
    base, rests = serve(seed_site), 0
    for path in ("", "topics/", "models/", "datasets/"):
        open_page(watch, base + path)
        rows = watch.page.evaluate(CHART_ROWS)
        bars = [row for row in rows if not row["rest"]]
        assert len(bars) >= 5, path
        top = max(row["count"] for row in bars)
        for row in bars:
            assert row["width"] == pytest.approx(row["track"] * row["count"] / top, abs=1.0), (path, row)
        assert len({round(row["track"]) for row in bars}) == 1, "every bar has the same track"
        assert bars[0]["track"] > 0.3 * min(bars[0]["text"], 800), "a chart is as wide as the text, not shrunk"
        assert {row["count"] for row in bars} != {top}, "the test needs bars of different counts"
        assert not [row for row in rows if row["cut"]], f"a label is cut on {path}"
        assert all(row["width"] is None for row in rows if row["rest"]), "'N more' is drawn with no bar"
        rests += sum(row["rest"] for row in rows)
    assert rests, "the test needs a chart with an 'N more' row"
    assert not watch.errors
    context.close()
