"""Skip MkDocs' work for unchanged pages: a cache of page conversions and of their search entries.

MkDocs 1.6 converts every page's Markdown on every build (Page.render), and Material's search
plugin parses every page's HTML again. Both are functions of what a key can hold, but for links:
MkDocs resolves each link against this build's files, and warns about a broken one. So a cached
conversion keeps every link it resolved and the URL that link became; on a hit each is resolved
again, by MkDocs' own resolver against this build's files, and the cached page is used only if
every link becomes the same URL (else the page is converted again). Their warnings are MkDocs'
own: `--strict` fails on a broken link or anchor in a cached page as on a converted one.

The conversion key: the page's Markdown as Page.render gets it (after every `on_page_markdown`),
its source path and URL, the Markdown extensions and their settings, the versions of MkDocs and
Python-Markdown and FORMAT. The search key: the page's HTML, URL, table of contents, title and
the front matter the index reads (`search`, `title`, `tags`). The theme's render is not cached:
the template sees the navigation and data the hook loads per build.

The cache is `.cache/paper-atlas/pages.json` beside mkdocs.yml (git-ignored; `make clean`
removes it): one file, written after a build with the entries that build used, so it holds one
site. Its first line is the SHA-256 of the rest; a file that does not match, does not parse or
has another shape is rebuilt, never trusted. `ATLAS_PAGE_CACHE=off` turns the cache off.

MkDocs has no event that replaces Page.render: `install` sets `render` on the page object, for
its one call. A miss converts with a copy of MkDocs 1.6's Page.render that records the links,
used only while Page.render's source has RENDER_DIGEST: under another MkDocs the cache is off.
"""

from __future__ import annotations

import contextlib
import hashlib
import inspect
import json
import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import markdown
import mkdocs
from material import __version__ as material_version
from material.plugins.search import plugin as search_plugin
from mkdocs.structure import pages as mkdocs_pages
from mkdocs.structure.toc import get_toc

from generator.config import switch
from generator.emit.writer import write_if_changed

log = logging.getLogger("mkdocs.plugins.paper_atlas")
#: What the cache holds and how it is keyed; a new value leaves every old entry unused.
FORMAT = 1
#: SHA-256 of MkDocs 1.6.1's Page.render source, which `convert` copies.
RENDER_DIGEST = "320529348f7a8af152073d0a3ab02960ccce91f9204716144e51b20931983cc6"
#: Extensions whose output depends on the page's Markdown alone (not on other files, nor the clock).
PURE_EXTENSIONS = frozenset(
    {"abbr", "admonition", "attr_list", "def_list", "fenced_code", "footnotes", "md_in_html", "meta"}
    | {"nl2br", "sane_lists", "smarty", "tables", "toc", "wikilinks"}
)
#: Where the cache lives, beside mkdocs.yml.
CACHE_FILE = Path(".cache") / "paper-atlas" / "pages.json"

Entries = dict[str, dict[str, Any]]


def _digest(parts: list[Any]) -> str:
    text = json.dumps(parts, ensure_ascii=False, separators=(",", ":"), default=repr)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class Session:
    """One build's cache: the entries read from disk, and those this build used."""

    def __init__(self, path: Path, stored: Entries, salt: str) -> None:
        self.path, self.stored, self.salt = path, stored, salt
        self.used: Entries = {"pages": {}, "search": {}}
        self.hits = {"pages": 0, "search": 0}

    def keep(self, kind: str, key: str, entry: Any, hit: bool) -> None:
        """Keep `entry` of `kind` for the next build; count it if it came from the cache."""
        self.used[kind][key] = entry
        self.hits[kind] += hit

    def save(self) -> None:
        """Write the entries this build used, unless the file holds exactly them already."""
        if self.used == self.stored:
            return
        body = json.dumps({"format": FORMAT, **self.used}, ensure_ascii=False, separators=(",", ":")).encode()
        write_if_changed(self.path, hashlib.sha256(body).hexdigest().encode() + b"\n" + body)


_session: Session | None = None


def start(config: Any) -> None:
    """Open the cache for this build (after Material's search plugin has made its index)."""
    global _session
    _session = None
    extensions = [name for name in config["markdown_extensions"] if _short(name) not in PURE_EXTENSIONS]
    source = hashlib.sha256(inspect.getsource(mkdocs_pages.Page.render).encode()).hexdigest()
    if not switch("ATLAS_PAGE_CACHE", True):
        return
    if extensions or source != RENDER_DIGEST:
        log.info("paper-atlas: page cache off (extensions %s, MkDocs %s)", extensions, mkdocs.__version__)
        return
    path = Path(config.config_file_path).parent / CACHE_FILE
    versions = [FORMAT, mkdocs.__version__, markdown.__version__, material_version, search_plugin.jieba is None]
    salt = _digest([versions, config["markdown_extensions"], config["mdx_configs"]])
    _session = Session(path, load(path), salt)
    index = getattr(config.plugins.get("material/search"), "search_index", None)
    if isinstance(index, search_plugin.SearchIndex) and not isinstance(index, CachedSearchIndex):
        config.plugins["material/search"].search_index = CachedSearchIndex(_session, **index.config)


def _short(extension: Any) -> str:
    name = extension if isinstance(extension, str) else ""
    return name.removeprefix("markdown.extensions.")


def load(path: Path) -> Entries:
    """Read the cache at `path`; an empty one when it is missing, damaged or of another format."""
    empty: Entries = {"pages": {}, "search": {}}
    try:
        head, _, body = path.read_bytes().partition(b"\n")
    except FileNotFoundError:
        return empty
    except OSError as error:
        log.info("paper-atlas: page cache unreadable (%s); rebuilding it", error)
        return empty
    try:
        data = json.loads(body) if head.decode() == hashlib.sha256(body).hexdigest() else None
    except ValueError:
        data = None
    if (
        not isinstance(data, dict)
        or data.get("format") != FORMAT
        or not all(isinstance(data.get(kind), dict) for kind in empty)
    ):
        log.info("paper-atlas: page cache %s is damaged or of another version; rebuilding it", path)
        return empty
    return {kind: data[kind] for kind in empty}


def finish() -> None:
    """Save the cache after a build and report how much of it was used."""
    global _session
    if _session is None:
        return
    session, _session = _session, None
    log.info(
        "paper-atlas: page cache: %d of %d pages converted before, %d of %d search entries",
        session.hits["pages"],
        len(session.used["pages"]),
        session.hits["search"],
        len(session.used["search"]),
    )
    session.save()


def install(page: Any) -> None:
    """Let this page's coming Page.render take its conversion from the cache when it can."""
    session = _session
    if session is None:
        return

    def render(config: Any, files: Any) -> None:
        del page.render  # Page.render again, for anything that calls it later
        key = _digest([session.salt, page.file.src_uri, page.file.url, page.markdown])
        entry = session.stored["pages"].get(key)
        hit = entry is not None and restore(page, entry, config, files)
        session.keep("pages", key, entry if hit else convert(page, config, files), hit)

    page.render = render


class _RecordingResolver(mkdocs_pages._RelativePathTreeprocessor):
    """MkDocs' link resolver, keeping each link it resolved and what the link became."""

    def __init__(self, file: Any, files: Any, config: Any) -> None:
        super().__init__(file, files, config)
        self.resolved: list[tuple[str, str]] = []

    def path_to_url(self, url: str) -> str:
        resolved: str = super().path_to_url(url)
        self.resolved.append((url, resolved))
        return resolved


def convert(page: Any, config: Any, files: Any) -> dict[str, Any]:
    """Convert the page exactly as MkDocs 1.6's Page.render does; return what a hit restores."""
    md = markdown.Markdown(extensions=config["markdown_extensions"], extension_configs=config["mdx_configs"] or {})
    raw_html = mkdocs_pages._RawHTMLPreprocessor()
    raw_html._register(md)
    anchors = mkdocs_pages._ExtractAnchorsTreeprocessor(page.file, files, config)
    anchors._register(md)
    links = _RecordingResolver(page.file, files, config)
    links._register(md)
    title = mkdocs_pages._ExtractTitleTreeprocessor()
    title._register(md)
    page.content = md.convert(page.markdown)
    tokens: Any = [_token(token) for token in getattr(md, "toc_tokens", [])]
    page.toc = get_toc(tokens)
    page._title_from_render = title.title
    page.present_anchor_ids = anchors.present_anchor_ids | raw_html.present_anchor_ids
    if mkdocs_pages.log.getEffectiveLevel() > logging.DEBUG:
        page.links_to_anchors = links.links_to_anchors
    return {
        "content": page.content,
        "toc": tokens,
        "title": title.title,
        "anchors": sorted(page.present_anchor_ids),
        "links": links.resolved,
    }


def _token(token: dict[str, Any]) -> dict[str, Any]:
    """Keep what MkDocs' get_toc reads of a toc token."""
    children = [_token(child) for child in token["children"]]
    return {"level": token["level"], "id": token["id"], "name": token["name"], "children": children}


def restore(page: Any, entry: dict[str, Any], config: Any, files: Any) -> bool:
    """Give the page its cached conversion if every link still resolves as it did; say whether it did."""
    resolver = mkdocs_pages._RelativePathTreeprocessor(page.file, files, config)
    try:
        toc = get_toc(entry["toc"])
        content, title, anchors = entry["content"], entry["title"], set(entry["anchors"])
        with _held(mkdocs_pages.log) as warnings:
            same = all(resolver.path_to_url(url) == resolved for url, resolved in entry["links"])
        if not (same and isinstance(content, str) and isinstance(title, str | None)):
            return False
    except (KeyError, TypeError, ValueError):
        return False  # an entry of another shape: convert the page
    for warning in warnings:
        mkdocs_pages.log.handle(warning)
    page.content, page.toc, page._title_from_render, page.present_anchor_ids = content, toc, title, anchors
    if mkdocs_pages.log.getEffectiveLevel() > logging.DEBUG:
        page.links_to_anchors = resolver.links_to_anchors
    return True


@contextlib.contextmanager
def _held(logger: logging.Logger) -> Iterator[list[logging.LogRecord]]:
    """Hold back what `logger` logs meanwhile; yield the records, to be logged or dropped."""
    held: list[logging.LogRecord] = []

    def hold(record: logging.LogRecord) -> bool:
        held.append(record)
        return False

    logger.addFilter(hold)
    try:
        yield held
    finally:
        logger.removeFilter(hold)


class CachedSearchIndex(search_plugin.SearchIndex):  # type: ignore[misc]
    """Material's search index, taking a page's entries from the cache when its inputs are unchanged."""

    def __init__(self, session: Session, **config: Any) -> None:
        super().__init__(**config)
        self.session = session

    def add_entry_from_context(self, page: Any) -> None:
        meta = page.meta
        ids = [anchor.id for anchor in _anchors(page.toc)]
        inputs = [meta.get("search"), meta.get("title"), meta.get("tags"), page.title, ids]
        key = _digest([self.session.salt, page.url, inputs, page.content])
        entries: Any = self.session.stored["search"].get(key)
        hit = isinstance(entries, list) and all(isinstance(entry, dict) for entry in entries)
        if hit:
            self.entries.extend(dict(entry) for entry in entries)
        else:
            first = len(self.entries)
            super().add_entry_from_context(page)
            entries = self.entries[first:]
        self.session.keep("search", key, entries, hit)


def _anchors(items: Any) -> Iterator[Any]:
    for anchor in items:
        yield anchor
        yield from _anchors(anchor.children)
