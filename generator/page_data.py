"""Give the theme each paper page's data: read once per build, resolved for the page it is shown on.

The generator writes the data of every paper page into one file of the docs folder (PAGE_DATA,
generator/emit/paper_data.py). The MkDocs hook (generator/mkdocs_hook.py) indexes it once per
build, where each page's line starts, and reads a page's line when that page is rendered, so a
build holds one page's data at a time. The theme (overrides/partials/paper.html) shows it.

Here the data becomes what the theme prints: each link to another page is resolved through
MkDocs' own list of files to a URL relative to the page (a page that is not there is a warning,
which fails a strict build, as a broken Markdown link does); an outside URL that is not http(s)
is dropped again, whatever the file says; the page's own HTML is cut before its first `<h2>`
(the abstract), where the metadata panel goes; and the headings the theme adds get ids no
heading of the page holds, and their entries in the table of contents. Text stays raw: the
theme escapes every value.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from markupsafe import Markup

from generator.emit.page_file import PAGE_DATA, PEER_KEYS, SECTIONS, TERM_KEYS, code_block, read_page_data_line

log = logging.getLogger("mkdocs.plugins.paper_atlas")
_HTTP = re.compile(r"(?i)https?://")
#: Where a section goes: before the abstract, or after it.
_BEFORE_ABSTRACT = ("links", "results")
#: Which data a section is shown for, when not the data of its own key (the cite block always is).
_SHOWN_BY = {"lineage": ("earlier", "later")}


class PageData:
    """The page-data file of a docs folder: where each page's line starts; a page's data on demand."""

    def __init__(self, docs_dir: Path) -> None:
        self.path = docs_dir / PAGE_DATA
        self.offsets: dict[str, int] = {}
        if not self.path.is_file():
            return
        position = 0
        with self.path.open("rb") as lines:
            for line in lines:
                page, _, _ = line.partition(b"\t")
                self.offsets[page.decode("utf-8")] = position
                position += len(line)

    def get(self, page: str) -> dict[str, Any] | None:
        """Return the data of the page at `page` (its path in the docs folder), or None for none."""
        position = self.offsets.get(page)
        if position is None:
            return None
        with self.path.open("rb") as lines:
            lines.seek(position)
            return read_page_data_line(lines.readline())[1]


def theme_filters() -> dict[str, Any]:
    """Return the filters the theme's paper template uses: `code_block` prints a cite entry escaped."""
    return {"code_block": lambda text: Markup(code_block(str(text)))}


def outside_url(url: str) -> str:
    """Return an http(s) URL as it is, and "" for any other."""
    return url if _HTTP.match(url) and not any(c in url for c in "\"'<> ") else ""


def paper_context(data: dict[str, Any], page: Any, files: Any) -> dict[str, Any]:
    """Return a paper page's data as the theme prints it on `page` (MkDocs' Page; `files`, its Files)."""

    def href(path: str) -> str:
        found = files.get_file_from_path(path) if path else None
        if found is None:
            if path:
                log.warning("paper-atlas: %s links to %s, which is not in the docs folder", page.file.src_uri, path)
            return ""
        return str(found.url_relative_to(page.file))

    shown = dict(data)
    for key in TERM_KEYS:
        shown[key] = [[name, href(path)] for name, path in data.get(key, ())]
    for key in PEER_KEYS:
        # A related paper's row also holds its date, to sort the list by.
        shown[key] = [[row[0], href(row[1]), *row[2:]] for row in data.get(key, ())]
    shown["links"] = [[label, text, outside_url(url)] for label, text, url in data.get("links", ())]
    if "arxiv" in data:
        shown["arxiv"] = [data["arxiv"][0], outside_url(data["arxiv"][1])]
    shown["papers_json"], shown["all_papers"] = href("papers.json"), href("all/index.md")
    head, heading, rest = page.content.partition("<h2")
    shown["head"], shown["tail"] = head, heading + rest
    shown["sections"] = add_sections(shown, page.toc)
    return shown


def add_sections(data: dict[str, Any], toc: Any) -> dict[str, dict[str, str]]:
    """Return the id and heading of each section the theme adds to a page, and list them in its `toc`.

    An id is made unique as Python-Markdown's toc extension does (`cite_1` on a page whose title
    is "Cite"), so every anchor of the page is one heading's.
    """
    from mkdocs.structure.toc import AnchorLink

    used = {anchor.id for anchor in _anchors(toc)}
    items = toc.items
    if items and items[0].level == 1:
        items = items[0].children
    sections: dict[str, dict[str, str]] = {}
    before: list[Any] = []
    for key, (base, title) in SECTIONS.items():
        if key != "cite" and not any(data.get(part) for part in _SHOWN_BY.get(key, (key,))):
            continue
        unique, number = base, 0
        while unique in used:
            number += 1
            unique = f"{base}_{number}"
        used.add(unique)
        sections[key] = {"id": unique, "title": title}
        anchor = AnchorLink(title, unique, 2)
        (before if key in _BEFORE_ABSTRACT else items).append(anchor)
    items[:0] = before
    return sections


def _anchors(items: Iterable[Any]) -> Iterator[Any]:
    for anchor in items:
        yield anchor
        yield from _anchors(anchor.children)
