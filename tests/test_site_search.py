"""The site's search: which one a build uses, and what Pagefind indexes of a page."""

from __future__ import annotations

import json
import re
from pathlib import Path
from types import SimpleNamespace

import pytest
from mkdocs.exceptions import PluginError

from generator import mkdocs_hook, site_search
from generator.site_search import PAGEFIND_FROM, choose_backend, page_entries, search_document, staged_path


@pytest.mark.parametrize(
    ("setting", "papers", "expected"),
    [
        (None, 244, "material"),
        ("", PAGEFIND_FROM - 1, "material"),
        ("auto", PAGEFIND_FROM, "pagefind"),
        (" Auto ", 100_000, "pagefind"),
        ("pagefind", 1, "pagefind"),
        ("PAGEFIND", 0, "pagefind"),
        ("material", 100_000, "material"),
    ],
)
def test_search_is_chosen_by_the_setting_else_by_the_number_of_papers(
    setting: str | None, papers: int, expected: str
) -> None:
    assert choose_backend(setting, papers) == expected


def test_an_unknown_search_setting_says_which_ones_exist() -> None:
    with pytest.raises(ValueError, match="auto, material, pagefind"):
        choose_backend("lunr", 10)


def page(content: str, meta: dict[str, object] | None = None) -> SimpleNamespace:
    return SimpleNamespace(content=content, toc=[], url="papers/tinynet/", meta=meta or {}, title="TinyNet")


PAPER = (
    '<h1 id="tinynet-a-small-net">TinyNet: A Small Net</h1>'
    "<p><strong>Short name:</strong> TinyNet (also written tiny net)</p>"
    '<h2 id="links" data-search-exclude>Links</h2><ul><li>https://example.org/not-indexed</li></ul>'
    '<h2 id="abstract">Abstract</h2><p>We train a small net &amp; measure it.</p>'
)


def test_pagefind_indexes_what_material_would_the_names_weighted() -> None:
    document = search_document(page_entries(page(PAPER)))
    assert '<h1 data-pagefind-weight="7">TinyNet: A Small Net</h1>' in document
    names = re.search(r'<div data-pagefind-weight="([\d.]+)">(.*?)</div>', document, re.S)
    assert names is not None and float(names.group(1)) > 1 and "TinyNet (also written tiny net)" in names.group(2)
    assert '<div data-pagefind-weight="1"><p>We train a small net &amp; measure it.</p></div>' in document
    assert '<h2 id="abstract" data-pagefind-weight="6">Abstract</h2>' in document
    assert "not-indexed" not in document and "Links" not in document
    assert '<html lang="en">' in document


def test_a_page_material_boosts_below_1_has_every_weight_scaled() -> None:
    document = search_document(page_entries(page(PAPER, {"search": {"boost": 0.5}})))
    weights = [float(w) for w in re.findall(r'data-pagefind-weight="([\d.]+)"', document)]
    assert weights == [3.5, 3.0, 3.0, 0.5]


def test_a_page_material_leaves_out_of_search_is_left_out_of_pagefind(tmp_path: Path) -> None:
    assert page_entries(page(PAPER, {"search": {"exclude": True}})) == []
    index = site_search.PagefindIndex()
    try:
        index.add(SimpleNamespace(**{**vars(page(PAPER, {"search": {"exclude": True}})), "url": "explore/map/"}))
        index.add(page(PAPER))
        staged = sorted(p.relative_to(index.staging).as_posix() for p in index.staging.rglob("*.html"))
        assert staged == ["papers/tinynet/index.html"]
    finally:
        index.discard()
    assert not index.staging.exists()


@pytest.mark.parametrize(
    ("url", "expected"),
    [("", "index.html"), ("papers/tinynet/", "papers/tinynet/index.html"), ("about.html", "about.html")],
)
def test_each_page_is_staged_where_its_url_is(url: str, expected: str) -> None:
    assert staged_path(url).as_posix() == expected


def test_the_stub_index_holds_materials_settings_and_no_page(tmp_path: Path) -> None:
    settings = {"lang": ["en"], "separator": "[\\s\\-]+", "pipeline": ["stemmer"], "fields": {}, "enabled": False}
    site_search.write_stub_index(tmp_path, settings)
    stub = json.loads((tmp_path / "search" / "search_index.json").read_text(encoding="utf-8"))
    del settings["enabled"]
    assert stub == {"config": settings, "docs": []}


def files(papers: int) -> list[SimpleNamespace]:
    return [SimpleNamespace(src_uri=f"papers/p{i}.md") for i in range(papers)] + [SimpleNamespace(src_uri="index.md")]


def hook_config(docs: Path) -> SimpleNamespace:
    """The parts of a MkDocs config the hook's on_files reads, for a docs folder without page data."""
    search = SimpleNamespace(config=SimpleNamespace(enabled=True))
    return SimpleNamespace(extra={}, plugins={"material/search": search}, docs_dir=str(docs))


def test_the_hook_turns_materials_indexing_off_for_pagefind(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("ATLAS_SEARCH", raising=False)
    config = hook_config(tmp_path)
    mkdocs_hook.on_files(files(PAGEFIND_FROM - 1), config)
    assert config.extra["search_backend"] == "material" and config.plugins["material/search"].config.enabled
    assert mkdocs_hook._pagefind is None
    monkeypatch.setenv("ATLAS_SEARCH", "pagefind")
    try:
        mkdocs_hook.on_files(files(3), config)
        assert config.extra["search_backend"] == "pagefind" and not config.plugins["material/search"].config.enabled
        assert mkdocs_hook._pagefind is not None and mkdocs_hook._pagefind.staging.is_dir()
    finally:
        staging = mkdocs_hook._pagefind.staging if mkdocs_hook._pagefind else None
        mkdocs_hook.on_build_error(RuntimeError("stop"))
    assert mkdocs_hook._pagefind is None and staging is not None and not staging.exists()


def test_the_hook_fails_on_an_unknown_search_setting(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("ATLAS_SEARCH", "lunr")
    with pytest.raises(PluginError, match="ATLAS_SEARCH='lunr'"):
        mkdocs_hook.on_files(files(1), hook_config(tmp_path))
