"""Search quality, measured with the site's search worker in Chromium over the seed site.

Every short name (in each spelling people type) and every full title is a query; the paper's
page must be the first result for at least 99% of each kind, with either search the site can
have (generator/site_search.py). Measured here, Material's: short names 100%, titles 99.6% (with
Material's worker as shipped, which ignores field length, titles were 97.5%; see
generator/mkdocs_hook.py). Pagefind's: see benchmarks/SEARCH.md.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from generator.build import build_catalog
from generator.config import Settings
from tests.browser.conftest import PageWatch
from tests.sitebuild import ROOT

#: Runs the site's search worker as Material's dialog does (Material's Lunr worker, or with Pagefind
#: ours, which answers the same messages): the page's own scripts (the colon fix included) are loaded.
RUN_QUERIES = """
async (queries) => {
  const config = JSON.parse(document.querySelector("#__config").textContent);
  const base = new URL(config.base, location.href);
  const worker = new Worker(new URL(config.search, base));
  const index = await (await fetch(new URL("search/search_index.json", base))).json();
  const ask = (message) => new Promise((resolve) => {
    worker.onmessage = (event) => resolve(event.data);
    worker.postMessage(message);
  });
  await ask({ type: 0, data: { config: index.config, docs: index.docs, options: { suggest: false } } });
  const firsts = [];
  for (const query of queries) {
    const result = await ask({ type: 2, data: query });
    const items = result.data.items;
    firsts.push(items.length ? items[0][0].location : null);
  }
  worker.terminate();
  return firsts;
}
"""


def first_results(watch: PageWatch, base: str, queries: list[str]) -> list[str | None]:
    watch.page.goto(base)
    results: list[str | None] = watch.page.evaluate(RUN_QUERIES, queries)
    return results


@pytest.mark.parametrize("site", ["seed_site", "seed_site_pagefind"])
def test_short_names_and_titles_find_their_paper_first(
    watched: PageWatch, serve: Callable[[Path], str], site: str, request: pytest.FixtureRequest
) -> None:
    catalog, _ = build_catalog(Settings(data_dir=ROOT / "data"))
    cases: dict[str, list[tuple[str, str]]] = {"short names": [], "titles": []}
    for paper in catalog.papers:
        cases["titles"].append((paper.title, paper.slug))
        for spelling in {*paper.aliases, (paper.short_name or "").lower()} - {""}:
            cases["short names"].append((spelling, paper.slug))
    base = serve(request.getfixturevalue(site))
    report = {}
    misses = {}
    for kind, pairs in cases.items():
        firsts = first_results(watched, base, [query for query, _ in pairs])
        hits = [(first or "").startswith(f"papers/{slug}/") for first, (_, slug) in zip(firsts, pairs, strict=True)]
        report[kind] = sum(hits) / len(hits)
        misses[kind] = [
            f"{query!r} -> {first}" for hit, first, (query, _) in zip(hits, firsts, pairs, strict=True) if not hit
        ]
    print(f"{site}: search first-result accuracy: {report}; misses: {misses}")
    assert report["short names"] >= 0.99, misses["short names"]
    assert report["titles"] >= 0.99, misses["titles"]
    assert watched.errors == [] and watched.outside == []
