"""Search for a collection too large for Material's index: Pagefind, whose index loads on demand.

Material's search loads one index whole into every visitor's browser, about 1.8 KB a paper (176 MB
at 100,000 papers). Pagefind (https://pagefind.app) splits its index into chunks and each page's
text into a fragment; a query loads the chunks of its words and the fragments of the results shown.
Which one a build uses is `$ATLAS_SEARCH`: `material`, `pagefind`, or `auto` (unset: Material's
below PAGEFIND_FROM papers, Pagefind from there; `benchmarks/SEARCH.md` measures both).

Pagefind indexes what Material's search would: the sections Material's own plugin reads from each
page (`search: exclude` pages and `data-search-exclude` sections left out, the theme's panels never
in). Each page becomes a small HTML document in a staging folder, indexed after the build into the
site's `pagefind/`; the site's pages themselves are not changed for it. The visitor types into the
same search box: Material's dialog asks a worker of ours (`assets/javascripts/pagefind-search.js`)
instead of its Lunr worker, and it answers from Pagefind in Material's message format.
"""

from __future__ import annotations

import json
import logging
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from html import escape
from importlib.util import find_spec
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError

log = logging.getLogger("mkdocs.plugins.paper_atlas")
#: Papers from which `auto` chooses Pagefind: Material's index is then about 3.6 MB, loaded whole.
PAGEFIND_FROM = 2_000
BACKENDS = ("auto", "material", "pagefind")
#: Pagefind's own weights of a page's title (h1) and of its section headings (h2); body text is 1.
TITLE_WEIGHT = 7.0
HEADING_WEIGHT = 6.0
#: The weight of the text under a page's title (the short name, other titles): a heading's, so a
#: paper's own names outrank a mention in another paper's abstract.
NAMES_WEIGHT = 6.0
#: Material's search strips these attributes from the pages it indexes; without it, so does the hook.
SEARCH_ATTRIBUTES = re.compile(r"\s?data-search-\w+=\"[^\"]+\"")


def choose_backend(setting: str | None, papers: int) -> str:
    """Return `material` or `pagefind` for a setting of `$ATLAS_SEARCH` and a number of papers."""
    chosen = (setting or "auto").strip().lower() or "auto"
    if chosen not in BACKENDS:
        raise ValueError(f"ATLAS_SEARCH={setting!r}: expected one of {', '.join(BACKENDS)}")
    if chosen == "auto":
        return "pagefind" if papers >= PAGEFIND_FROM else "material"
    return chosen


def search_index_for(files: Any, config: Any) -> PagefindIndex | None:
    """Choose a build's search (`$ATLAS_SEARCH`, else by its number of paper pages) and say which in
    `config.extra.search_backend`; for Pagefind, turn Material's indexing off and return the index
    the build's pages are staged into."""
    papers = sum(1 for file in files if file.src_uri.startswith("papers/") and file.src_uri.endswith(".md"))
    try:
        backend = choose_backend(os.environ.get("ATLAS_SEARCH"), papers)
    except ValueError as error:
        raise PluginError(f"paper-atlas: {error}") from error
    config.extra["search_backend"] = backend
    if backend != "pagefind":
        return None
    search = config.plugins.get("material/search")
    if search is None:
        raise PluginError("paper-atlas: Pagefind search needs Material's search plugin (its dialog) in mkdocs.yml")
    search.config.enabled = False  # no Lunr index: Pagefind indexes the pages after the build
    return PagefindIndex()


def search_document(entries: list[dict[str, Any]]) -> str:
    """Return the HTML Pagefind indexes for one page, from its entries in Material's search index.

    The first entry is the page's title and the text under it (for a paper: its short name and
    other titles), weighted as names; each other entry is a section under its heading. A page
    Material's search boosts (`search.boost`, below 1 on hub pages) has every weight scaled by it.
    """
    head, *sections = entries
    boost = float(head.get("boost", 1.0))
    parts = [
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"></head><body>',
        f'<h1 data-pagefind-weight="{_weight(TITLE_WEIGHT, boost)}">{head["title"]}</h1>',
        f'<div data-pagefind-weight="{_weight(NAMES_WEIGHT, boost)}">{head["text"]}</div>',
    ]
    for section in sections:
        anchor = escape(section["location"].partition("#")[2])
        parts.append(
            f'<h2 id="{anchor}" data-pagefind-weight="{_weight(HEADING_WEIGHT, boost)}">{section["title"]}</h2>'
            f'<div data-pagefind-weight="{_weight(1.0, boost)}">{section["text"]}</div>'
        )
    parts.append("</body></html>\n")
    return "\n".join(parts)


def _weight(weight: float, boost: float) -> str:
    return f"{min(10.0, weight * boost):g}"


def page_entries(page: Any) -> list[dict[str, Any]]:
    """Return a page's entries as Material's search plugin would index them (none when excluded)."""
    from material.plugins.search.plugin import SearchIndex

    index = SearchIndex()
    index.add_entry_from_context(page)
    return list(index.entries)


def staged_path(url: str) -> Path:
    """Return where the search document of the page at `url` (relative to the site) is staged."""
    return Path(url) if url.endswith(".html") else Path(url) / "index.html"


class PagefindIndex:
    """The search documents of one build, staged in a temporary folder, then indexed into the site."""

    def __init__(self) -> None:
        self.staging = Path(tempfile.mkdtemp(prefix="atlas-pagefind-"))
        self.pages = 0

    def add(self, page: Any) -> None:
        """Stage the search document of `page`, unless Material's search would leave it out."""
        entries = page_entries(page)
        if entries:
            path = self.staging / staged_path(page.url)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(search_document(entries), encoding="utf-8")
            self.pages += 1

    def build(self, site_dir: Path, search_config: dict[str, Any]) -> None:
        """Index the staged documents into `site_dir/pagefind/`, and write the stub Material reads."""
        started = time.perf_counter()
        try:
            run_pagefind(self.staging, site_dir / "pagefind")
        finally:
            self.discard()
        write_stub_index(site_dir, search_config)
        log.info("paper-atlas: Pagefind indexed %d pages in %.1f s", self.pages, time.perf_counter() - started)

    def discard(self) -> None:
        """Remove the staging folder."""
        shutil.rmtree(self.staging, ignore_errors=True)


def run_pagefind(staging: Path, output: Path) -> None:
    """Run Pagefind (the `pagefind[bin]` package) over `staging`; raise with its output when it fails."""
    if find_spec("pagefind") is None:
        raise RuntimeError("Pagefind is not installed: pip install -r requirements/site.txt (pagefind[bin])")
    shutil.rmtree(output, ignore_errors=True)
    command = [sys.executable, "-m", "pagefind", "--site", str(staging), "--output-path", str(output), "--quiet"]
    completed = subprocess.run(command, capture_output=True, text=True, check=False)
    if completed.returncode != 0:
        raise RuntimeError(f"pagefind failed ({completed.returncode}):\n{completed.stdout}{completed.stderr}")


def write_stub_index(site_dir: Path, search_config: dict[str, Any]) -> None:
    """Write the `search/search_index.json` Material's page script fetches: its settings, no page.

    Material fetches it on every page and hands it to the worker (ours ignores the pages); the
    settings (language, word separator) are what its highlighting of found words on a page reads.
    """
    config = {key: search_config.get(key) for key in ("lang", "separator", "pipeline", "fields")}
    path = site_dir / "search" / "search_index.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"config": config, "docs": []}, separators=(",", ":")), encoding="utf-8")
