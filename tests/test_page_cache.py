"""The cache of MkDocs page conversions: the same pages, the same warnings, never a damaged entry."""

from __future__ import annotations

import hashlib
import inspect
import json
import logging
from pathlib import Path
from typing import Any

import pytest
from material.plugins.search.plugin import SearchIndex
from mkdocs.config import load_config
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from generator import page_cache
from tests.sitebuild import ROOT

#: Pages that exercise what Page.render gives MkDocs: title, toc, anchors, resolved and broken links.
PAGES = {
    "title_and_toc": "# A Title: with *emphasis*\n\nText.\n\n## Part one\n\n### Deeper\n\n## Part two\n",
    "links_to_a_page_and_its_anchor": "# A\n\nSee [b](b.md), [b's part](b.md#part) and [here](#a).\n",
    "broken_link": "# A\n\nSee [gone](missing.md) and [unknown](nowhere).\n",
    "missing_anchor_in_another_page": "# A\n\n[no such part](b.md#nope)\n",
    "raw_html_ids_and_images": '# A\n\n<div id="raw-id">x</div>\n\n![img](pic.png){ #pic }\n',
    "absolute_link_and_mail": "# A\n\n[abs](/b.md) <someone@example.org> [ext](https://example.org/x.md)\n",
    "no_heading": "Just text, with a [link](b.md).\n",
}


def site(tmp_path: Path, names: tuple[str, ...] = ("a.md", "b.md", "pic.png")) -> tuple[Any, Files]:
    """The project's MkDocs config, and Files holding `names` in a docs folder under `tmp_path`."""
    (tmp_path / "docs").mkdir(exist_ok=True)
    config = load_config(str(ROOT / "mkdocs.yml"), docs_dir=str(tmp_path / "docs"), site_dir=str(tmp_path / "site"))
    files = Files([File(name, str(tmp_path / "docs"), str(tmp_path / "site"), True) for name in names])
    return config, files


def page_of(files: Files, config: Any, markdown: str) -> Page:
    page = Page(None, files.get_file_from_path("a.md"), config)  # type: ignore[arg-type]
    page.markdown = markdown
    return page


def outcome(page: Page, records: list[logging.LogRecord]) -> dict[str, Any]:
    """What MkDocs and the theme read of a rendered page, and what it logged."""
    links = {file.src_uri: anchors for file, anchors in (page.links_to_anchors or {}).items()}
    return {
        "content": page.content,
        "toc": str(page.toc),
        "active": [getattr(anchor, "active", False) for anchor in page.toc],
        "title": page.title,
        "anchors": page.present_anchor_ids,
        "links": links,
        "warnings": [(record.levelno, record.getMessage()) for record in records],
    }


#: The pages whose conversion logs a warning (a broken link, an absolute link).
WARNED = {"broken_link", "absolute_link_and_mail"}


@pytest.mark.parametrize(("name", "markdown"), PAGES.items(), ids=PAGES.keys())
def test_convert_gives_what_mkdocs_page_render_gives(name: str, markdown: str, tmp_path: Path, caplog: Any) -> None:
    config, files = site(tmp_path)
    with caplog.at_level(logging.INFO, logger="mkdocs"):
        page = page_of(files, config, markdown)
        page.render(config, files)
        expected = outcome(page, caplog.records)
    assert bool(expected["warnings"]) == (name in WARNED)
    caplog.clear()
    with caplog.at_level(logging.INFO, logger="mkdocs"):
        page = page_of(files, config, markdown)
        page_cache.convert(page, config, files)
        assert outcome(page, caplog.records) == expected


@pytest.mark.parametrize("markdown", PAGES.values(), ids=PAGES.keys())
def test_a_restored_page_is_the_converted_page_with_the_same_warnings(
    markdown: str, tmp_path: Path, caplog: Any
) -> None:
    config, files = site(tmp_path)
    with caplog.at_level(logging.INFO, logger="mkdocs"):
        page = page_of(files, config, markdown)
        entry = json.loads(json.dumps(page_cache.convert(page, config, files)))  # as stored on disk
        expected = outcome(page, caplog.records)
    caplog.clear()
    with caplog.at_level(logging.INFO, logger="mkdocs"):
        page = page_of(files, config, markdown)
        assert page_cache.restore(page, entry, config, files)
        assert outcome(page, caplog.records) == expected


def test_a_cached_page_whose_link_target_appeared_or_went_is_converted_again(tmp_path: Path, caplog: Any) -> None:
    markdown = PAGES["links_to_a_page_and_its_anchor"]
    without_b, with_b = site(tmp_path, ("a.md",)), site(tmp_path)
    for (config, files), (later_config, later_files) in ((without_b, with_b), (with_b, without_b)):
        entry = page_cache.convert(page_of(files, config, markdown), config, files)
        caplog.clear()
        assert not page_cache.restore(page_of(later_files, later_config, markdown), entry, later_config, later_files)
        assert not caplog.records  # a refused entry logs nothing: the conversion that follows logs its own


def test_an_entry_of_another_shape_is_not_used(tmp_path: Path) -> None:
    config, files = site(tmp_path)
    entry = page_cache.convert(page_of(files, config, PAGES["title_and_toc"]), config, files)
    for broken in (
        {**entry, "toc": [{"id": "x"}]},
        {**entry, "content": 3},
        {k: v for k, v in entry.items() if k != "links"},
    ):
        assert not page_cache.restore(page_of(files, config, ""), broken, config, files)


def stored(path: Path, entries: dict[str, Any]) -> bytes:
    session = page_cache.Session(path, {"pages": {}, "search": {}}, "salt")
    session.used = entries
    session.save()
    return path.read_bytes()


def test_the_cache_file_is_read_back_and_a_damaged_one_is_rebuilt(tmp_path: Path) -> None:
    path = tmp_path / ".cache" / "pages.json"
    entries = {"pages": {"k": {"content": "<p>x</p>"}}, "search": {"s": [{"location": "a/"}]}}
    good = stored(path, entries)
    assert page_cache.load(path) == entries
    head, body = good.split(b"\n", 1)
    body_of_another_format = json.dumps({"format": page_cache.FORMAT + 1, **entries}).encode()
    damaged = {
        "truncated": good[:-10],
        "one byte changed": good.replace(b"x", b"y"),
        "no digest line": body,
        "another format": hashlib.sha256(body_of_another_format).hexdigest().encode() + b"\n" + body_of_another_format,
        "not JSON": hashlib.sha256(b"{").hexdigest().encode() + b"\n{",
        "empty": b"",
    }
    for name, data in damaged.items():
        path.write_bytes(data)
        assert page_cache.load(path) == {"pages": {}, "search": {}}, name
    assert page_cache.load(tmp_path / "missing.json") == {"pages": {}, "search": {}}
    assert head  # the digest line


def test_the_copy_of_page_render_is_of_this_mkdocs() -> None:
    """Under another MkDocs the cache is off: review `convert` against its Page.render, then update RENDER_DIGEST."""
    source = inspect.getsource(Page.render).encode()
    assert hashlib.sha256(source).hexdigest() == page_cache.RENDER_DIGEST


class Config(dict[str, Any]):
    """Just what `start` reads of MkDocs' config."""

    def __init__(self, folder: Path, extensions: list[str]) -> None:
        super().__init__(markdown_extensions=extensions, mdx_configs={})
        self.config_file_path = str(folder / "mkdocs.yml")
        self.plugins: dict[str, Any] = {}


@pytest.mark.parametrize(
    ("extensions", "on"),
    [
        (["toc", "tables", "admonition", "attr_list"], True),
        (["markdown.extensions.toc", "fenced_code"], True),
        (["toc", "pymdownx.snippets"], False),  # reads other files: its pages may change with them
        (["toc", "codehilite"], False),  # its HTML depends on the installed Pygments
    ],
)
def test_the_cache_is_on_only_with_extensions_whose_output_is_the_page_alone(
    extensions: list[str], on: bool, tmp_path: Path, monkeypatch: Any
) -> None:
    monkeypatch.delenv("ATLAS_PAGE_CACHE", raising=False)
    page_cache.start(Config(tmp_path, extensions))
    assert (page_cache._session is not None) is on
    monkeypatch.setenv("ATLAS_PAGE_CACHE", "off")
    page_cache.start(Config(tmp_path, extensions))
    assert page_cache._session is None


def test_search_entries_come_from_the_cache_as_material_makes_them(tmp_path: Path) -> None:
    config, files = site(tmp_path)
    page = page_of(files, config, PAGES["title_and_toc"])
    page.render(config, files)
    plain = SearchIndex()
    plain.add_entry_from_context(page)
    session = page_cache.Session(tmp_path / "c.json", {"pages": {}, "search": {}}, "salt")
    for _ in range(2):  # converted, then from the cache
        cached = page_cache.CachedSearchIndex(session)
        cached.add_entry_from_context(page)
        assert cached.entries == plain.entries and len(plain.entries) == 4
        session.stored = json.loads(json.dumps(session.used))
    assert session.hits["search"] == 1
    page.content = str(page.content).replace("Text.", "Other text.")
    cached = page_cache.CachedSearchIndex(session)
    cached.add_entry_from_context(page)
    assert session.hits["search"] == 1 and "Other text." in json.dumps(cached.entries)
