"""The hostile corpus in a real browser: nothing from the data runs, on live or on retired pages.

The corpus (tests/fixtures/hostile) is built, every page is opened in Chromium with `alert`,
`confirm` and `prompt` hooked, then the corpus is removed from the data and the site rebuilt with
the same state, so that every hostile paper becomes a retired page, and every page is opened again.
Search is typed into as a visitor would, with the attacks as queries.
"""

from __future__ import annotations

import os
import shutil
from importlib.util import find_spec
from pathlib import Path

import pytest
from playwright.sync_api import Dialog

from tests.browser.conftest import PageWatch
from tests.sitebuild import FIXTURES, build_site

HOSTILE = FIXTURES / "hostile"
#: Replaces every dialog function before any script of the page runs, and records each call.
HOOK = """
window.__atlasDialogs = [];
for (const name of ["alert", "confirm", "prompt"]) {
  window[name] = (...args) => { window.__atlasDialogs.push(name + ": " + args.join(" ")); return null; };
}
"""
#: A paper that stays when the hostile corpus leaves, so the second build is not empty.
BENIGN = (
    "A Benign Paper About Translation\n"
    "We study machine translation. We report results on two benchmarks. The method is simple.\n"
)
QUERIES = ["<script>alert(1)</script>", '<img src=x onerror="alert(1)">', "onerror alert", "javascript:alert"]


@pytest.fixture(scope="module")
def hostile_sites(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The hostile corpus as a live site, and the site after it left the data (retired pages)."""
    work = tmp_path_factory.mktemp("hostile-browser")
    data = work / "data"
    shutil.copytree(HOSTILE, data)
    (data / "benign.txt").write_text(BENIGN, encoding="utf-8")
    state = work / "state.json"
    _, site = build_site(data, work, state_file=state, today="2026-01-15")
    live = work / "live"
    shutil.copytree(site, live)
    for path in data.iterdir():
        if path.name != "benign.txt":
            path.unlink()
    _, retired = build_site(data, work, state_file=state, today="2026-01-16")
    return live, retired


def pages_of(site: Path) -> list[str]:
    """Every HTML page of a site, as a path relative to its root, the theme's assets aside."""
    return sorted(
        p.relative_to(site).as_posix() for p in site.rglob("*.html") if p.relative_to(site).parts[0] != "assets"
    )


def dialogs(watch: PageWatch) -> list[str]:
    return list(watch.page.evaluate("() => window.__atlasDialogs || []"))


@pytest.fixture
def hooked(watched: PageWatch) -> PageWatch:
    watched.page.add_init_script(HOOK)
    fired: list[str] = []

    def dismiss(dialog: Dialog) -> None:
        fired.append(dialog.message)
        dialog.dismiss()

    watched.page.on("dialog", dismiss)
    watched.fired = fired  # type: ignore[attr-defined]
    return watched


@pytest.mark.parametrize("which", ["live", "retired"])
def test_no_page_runs_script_from_the_data(hooked: PageWatch, serve, hostile_sites, which: str) -> None:
    site = hostile_sites[0] if which == "live" else hostile_sites[1]
    base = serve(site)
    pages = pages_of(site)
    assert len(pages) > 20, pages
    if which == "retired":
        assert any("no longer in the collection" in (site / p).read_text(encoding="utf-8") for p in pages)
    for page in pages:
        hooked.page.goto(base + page)
        hooked.page.wait_for_load_state("load")
        assert dialogs(hooked) == [], f"{page}: {dialogs(hooked)}"
    assert hooked.fired == [], hooked.fired  # type: ignore[attr-defined]
    assert hooked.outside == [], hooked.outside


@pytest.fixture(scope="module")
def hostile_site_pagefind(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The hostile corpus as a live site with Pagefind as its search (skipped without Pagefind, except in CI)."""
    if find_spec("pagefind") is None:
        if os.environ.get("CI") == "true":
            pytest.fail("Pagefind is not installed")
        pytest.skip("Pagefind is not installed (requirements/site.txt: pagefind[bin])")
    work = tmp_path_factory.mktemp("hostile-pagefind")
    shutil.copytree(HOSTILE, work / "data")
    (work / "data" / "benign.txt").write_text(BENIGN, encoding="utf-8")
    _, site = build_site(work / "data", work, state_file=work / "state.json", search="pagefind")
    return site


@pytest.mark.parametrize("backend", ["material", "pagefind"])
def test_search_for_the_attacks_shows_them_as_text(
    hooked: PageWatch, serve, request: pytest.FixtureRequest, backend: str
) -> None:
    site = (
        request.getfixturevalue("hostile_sites")[0]
        if backend == "material"
        else request.getfixturevalue("hostile_site_pagefind")
    )
    base = serve(site)
    page = hooked.page
    page.goto(base)
    page.wait_for_function("() => typeof window.document$ !== 'undefined'")
    search = page.locator("input.md-search__input")
    for query in QUERIES:
        search.click()
        search.fill(query)
        search.press("End")
        page.wait_for_timeout(400)
        results = page.locator(".md-search-result")
        assert results.locator("img, iframe, svg[onload], script").count() == 0, query
        assert dialogs(hooked) == [], f"{query}: {dialogs(hooked)}"
        if query == "onerror alert":  # the papers whose titles hold the attacks are found, as text
            assert "onerror" in results.locator(".md-search-result__item").first.inner_text(), query
    hooked.screenshot(f"hostile-search-{backend}")
    assert hooked.fired == []  # type: ignore[attr-defined]


@pytest.mark.parametrize("path", ["explore/table/", "explore/map/", "explore/timeline/"])
def test_explore_pages_show_the_attacks_as_text(hooked: PageWatch, serve, hostile_sites, path: str) -> None:
    base = serve(hostile_sites[0])
    hooked.page.goto(base + path)
    hooked.page.wait_for_load_state("networkidle")
    hooked.page.wait_for_timeout(500)
    content = hooked.page.locator("article")
    assert content.locator("img, iframe, script:not([src])").count() == 0
    assert dialogs(hooked) == [] and hooked.fired == []  # type: ignore[attr-defined]
    assert hooked.errors == [], hooked.errors
