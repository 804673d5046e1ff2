"""Search in Material's own UI, in a real browser, over the seed site: with Material's search and with Pagefind's."""

from __future__ import annotations

import pytest

from tests.browser.conftest import PageWatch

QUERIES = [
    ("MT-Ladder", "papers/mt-ladder/"),
    ("EfficientLLM", "papers/efficientllm/"),
    ("YuLan-Mini: An Open Data-efficient Language Model", "papers/yulan-mini/"),
    ("GaLore: Memory-Efficient LLM Training by Gradient Low-Rank Projection", "papers/galore/"),
]


def first_result(watch: PageWatch, base: str, query: str) -> str:
    page = watch.page
    page.goto(base)
    # Wait until Material has wired its components (it exposes the `document$` observable).
    page.wait_for_function("() => typeof window.document$ !== 'undefined'")
    search = page.locator("input.md-search__input")
    search.click()
    search.fill(query)
    search.press("End")  # a keyup, which is what Material's query stream listens for
    first = page.locator(".md-search-result__item a").first
    first.wait_for(timeout=10_000)
    return first.get_attribute("href") or ""


SITES = ["seed_site", "seed_site_pagefind"]


@pytest.mark.parametrize("site", SITES)
@pytest.mark.parametrize(("query", "expected"), QUERIES)
def test_search_finds_the_paper_first(
    watched: PageWatch, serve, request: pytest.FixtureRequest, site: str, query: str, expected: str
) -> None:
    base = serve(request.getfixturevalue(site))
    href = first_result(watched, base, query)
    assert expected in href, f"{query!r}: first result {href}"
    assert watched.errors == []
    assert watched.outside == []


@pytest.mark.parametrize("site", SITES)
def test_search_result_opens_the_paper(watched: PageWatch, serve, request: pytest.FixtureRequest, site: str) -> None:
    base = serve(request.getfixturevalue(site))
    first_result(watched, base, "MT-Ladder")
    watched.screenshot(f"search-mt-ladder-{site}")
    watched.page.locator(".md-search-result__item a").first.click()
    watched.page.wait_for_url("**/papers/mt-ladder/**")
    heading = watched.page.locator("article h1").inner_text()
    assert heading.startswith("MT-Ladder: A Model-Agnostic Framework")
    watched.screenshot("paper-mt-ladder")
    assert watched.errors == [] and watched.outside == []
