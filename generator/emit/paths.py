"""Where each generated page lives, and the link from one page to another: the one resolver.

Paths are relative to the docs folder (`papers/mt-ladder.md`); a link is relative to the page
it is printed on (`../papers/mt-ladder.md`), a `.md` path that MkDocs checks. Templates get
links already made here and compute none.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


def paper_page(slug: str) -> str:
    """Return the page of a paper."""
    return f"papers/{slug}.md"


def index_page(kind: str) -> str:
    """Return the index page of a taxonomy (`topics/index.md`)."""
    return f"{kind}/index.md"


def term_page(kind: str, slug: str, number: int = 1) -> str:
    """Return page `number` of a term's pages: `topics/<slug>.md`, then `topics/<slug>-2.md`..."""
    return f"{kind}/{slug}.md" if number == 1 else f"{kind}/{slug}-{number}.md"


def all_papers_page(number: int) -> str:
    """Return page `number` of the list of all papers: `all/index.md`, then `all/2.md`..."""
    return "all/index.md" if number == 1 else f"all/{number}.md"


def feed_file(kind: str, slug: str) -> str:
    """Return the file of a term's feed: `feed-topics-<slug>.xml`, in the site's root folder.

    Not beside the term's page: Material's instant navigation takes every `<link rel=alternate>` of
    a page for another language's site and loads the `sitemap.xml` of its folder (a 404 anywhere
    but the root, one failed request on every topic page).
    """
    return f"feed-{kind}-{slug}.xml"


def page_url(page: str) -> str:
    """Return the URL of a page, relative to the site's root (`topics/llm/`), as MkDocs serves it."""
    return page.removesuffix(".md") + "/"


def link_from(page: str, target: str) -> str:
    """Return the link to `target` as written on `page`, both relative to the docs folder.

    A page of the same folder is named alone; any other goes up to the docs folder and down:
    generated pages are at most one folder deep, so that is also the shortest link.
    """
    folder, _, _ = page.rpartition("/")
    if folder and target.startswith(folder + "/"):
        return target[len(folder) + 1 :]
    return "../" * page.count("/") + target


@dataclass(frozen=True)
class Chunk:
    """One page of a paginated list: its number (from 1), path, items, and links to all the pages."""

    number: int
    path: str
    items: list[Any]
    #: The position of `items[0]` in the whole list (from 0).
    first: int
    #: (number, link from this page) of every page of the list, for the pager.
    pager: list[tuple[int, str]]


def paginate(items: list[Any], size: int, page_of: Callable[[int], str]) -> list[Chunk]:
    """Split a list into pages of `size`, page n at `page_of(n)`; an empty list still gets its one page."""
    chunks = [items[i : i + size] for i in range(0, len(items), size)] or [[]]
    paths = [page_of(n) for n in range(1, len(chunks) + 1)]
    return [
        Chunk(n, path, chunk, (n - 1) * size, [(m, link_from(path, other)) for m, other in enumerate(paths, 1)])
        for n, (path, chunk) in enumerate(zip(paths, chunks, strict=True), 1)
    ]
