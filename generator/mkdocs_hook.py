"""MkDocs hook: regenerate pages under `mkdocs serve`, and let search weigh title length.

Under `mkdocs serve` the hook watches `data/` and `site_templates/` itself: a change there runs
the generator, whose new Markdown in `docs_src/` MkDocs (which watches its docs folder) builds
and reloads once. Not through MkDocs' own `watch` list: the generator writes the state file into
`data/`, so every change was built and reloaded twice. The state, the embeddings cache, hidden
and temporary files are not data changes. `mkdocs build` is left alone: `make site` runs the
generator itself, so that rejected records fail the build with their own exit code. When the
generator stops (a broken state file, no paper) or crashes, the error is logged and the pages
generated before are served: serve keeps running, and the next change to data/ tries again.
Problems in the data are logged as warnings (merges as info), each with its file and line.

After every build, the copy of Material's search worker in the site is set to Lunr's default
length normalisation (`b(0.75)`) instead of none (`b(0)`): without it a pasted short title such
as "Continual Pre-training of Language Models" ranks below longer titles that contain all its
words. Measured over the seed's 244 titles: 97.5% found first with b(0), 99.6% with b(0.75).

A paper page's panel, lists and cite block are the theme's (overrides/partials/paper.html), from
data the generator writes into one file: the hook reads it once per build and gives each paper
page its own part (generator/page_data.py).

On the Tags page, Material's tags plugin puts each tag's name in the table of contents as it is,
where every other entry holds its heading's HTML-escaped text; the hook escapes those names, so
the theme (overrides/partials/toc-item.html) shows every entry as the text it was.

Pages whose Markdown did not change are not converted again, nor parsed again for search:
generator/page_cache.py keeps their conversions in `.cache/paper-atlas/` beside mkdocs.yml.

Search is Material's below a number of papers and Pagefind's past it, or as `$ATLAS_SEARCH` says
(`generator/site_search.py`): for Pagefind, the hook turns Material's indexing off, stages each
page's search document as it is rendered, and runs Pagefind over them after the build.
"""

from __future__ import annotations

import contextlib
import html
import logging
import sys
import threading
import time
from collections.abc import Iterable
from contextlib import AbstractContextManager
from pathlib import Path, PurePath
from typing import Any

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

# MkDocs loads this file by its path, with only generator/ on sys.path: the project must be too.
if str(Path(__file__).resolve().parent.parent) not in sys.path:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from generator import page_cache
from generator.site_search import SEARCH_ATTRIBUTES, PagefindIndex, search_index_for

log = logging.getLogger("mkdocs.plugins.paper_atlas")
_command: str | None = None
_generated = False
#: This build's page data (generator.page_data.PageData) and MkDocs' files, set in on_files.
_pages: Any = None
_files: Any = None
#: The Pagefind index of the build under way, when Pagefind is its search.
_pagefind: PagefindIndex | None = None


def on_startup(command: str, dirty: bool) -> None:
    """Remember whether this run is `serve`."""
    global _command, _generated
    _command, _generated = command, False


def on_pre_build(config: Any) -> None:
    """Generate `docs_src/` from `data/` once when serving starts; the watcher does the rest."""
    global _generated
    if _command != "serve" or _generated:
        return
    _generated = True
    regenerate(Path(config.config_file_path).parent, Path(config.docs_dir))


def _importable(root: Path) -> None:
    """Let the hook import the generator of the project at `root`."""
    if str(root) not in sys.path:
        sys.path.insert(0, str(root))


@event_priority(-100)  # after Material's search plugin has made its index
def on_config(config: Any) -> None:
    """Open the cache of converted pages for this build."""
    page_cache.start(config)


def on_pre_page(page: Any, config: Any, files: Any) -> None:
    """Let the page's conversion come from the cache when its Markdown is unchanged."""
    page_cache.install(page)


def on_env(env: Any, config: Any, files: Any) -> Any:
    """Add the filters the theme's paper template uses."""
    from generator.page_data import theme_filters

    env.filters.update(theme_filters())
    return env


def regenerate(root: Path, docs_dir: Path) -> None:
    """Run the generator for the project at `root`; log what it found, never raise."""
    _importable(root)
    from generator.build import EmptyCollectionError, build
    from generator.config import Settings
    from generator.enrich.semantic import SemanticModelError
    from generator.identify.state_file import StateError

    try:
        result = build(Settings(docs_dir=docs_dir).resolved(root))
    except EmptyCollectionError as error:
        for problem in error.problems:
            _log_problem(problem)
        log.error("paper-atlas: %s; serving the pages generated before", error)
        return
    except (StateError, SemanticModelError, OSError) as error:
        # Logged, not raised: an exception in the first build would end `mkdocs serve`, and it
        # should keep watching data/ so that the fix is picked up.
        log.error("paper-atlas: %s; serving the pages generated before", error)
        return
    except Exception:
        log.exception("paper-atlas: internal error, a bug in paper-atlas; serving the pages generated before")
        return
    for note in result.catalog.log:
        _log_problem(note)
    log.info(
        "paper-atlas: %d papers, %d files written, %d removed",
        len(result.catalog.papers),
        len(result.report.written),
        len(result.report.removed),
    )


def _log_problem(problem: Any) -> None:
    # Warnings, not errors: serve keeps running on bad data, and `mkdocs serve` is not strict.
    (log.info if problem.severity == "info" else log.warning)("paper-atlas: %s", problem)


#: Seconds to wait for watchdog's late reports: its inotify move grouper holds a rename 0.5 s.
MOVE_DELAY = 1.0
_CHANGES = frozenset({"created", "modified", "deleted", "moved"})
#: Seconds without another change before a burst of changes (an editor's save) regenerates once.
SETTLE_SECONDS = 0.3


def on_serve(server: Any, config: Any, builder: Any) -> Any:
    """Watch data/ and site_templates/; regenerate once per burst of changes to what they hold."""
    from watchdog.events import FileSystemEventHandler
    from watchdog.observers import Observer

    root = Path(config.config_file_path).parent
    # MkDocs builds once its docs folder has been quiet for 0.1 s; writing many pages can pause
    # longer than that, and watchdog reports a rename (each page is staged, then renamed into
    # place) half a second late, to pair its two halves: it built twice. Its rebuild condition
    # is held while regenerating and for MOVE_DELAY after, so the changes it sees wait until
    # every page is written and reported (MkDocs 1.6's LiveReloadServer).
    writing = getattr(server, "_rebuild_cond", None) or contextlib.nullcontext()
    handler = FileSystemEventHandler()
    handler.on_any_event = _Regenerator(root, Path(config.docs_dir), writing).changed  # type: ignore[method-assign]
    observer = Observer()
    for folder in ("data", "site_templates"):
        if (root / folder).is_dir():
            observer.schedule(handler, str(root / folder), recursive=True)
    observer.daemon = True
    observer.start()
    return server


class _Regenerator:
    """Regenerate once changes to the inputs have settled for SETTLE_SECONDS, holding `writing` meanwhile."""

    def __init__(self, root: Path, docs_dir: Path, writing: AbstractContextManager[Any]) -> None:
        self.root, self.docs_dir, self.writing = root, docs_dir, writing
        self.pending: threading.Timer | None = None
        self.lock = threading.Lock()

    def regenerate_whole(self) -> None:
        """Regenerate the pages, holding MkDocs' rebuild until watchdog has reported every write."""
        with self.writing:
            regenerate(self.root, self.docs_dir)
            time.sleep(MOVE_DELAY)

    def changed(self, event: Any) -> None:
        """Start the timer again on a change to an input, so a burst of changes regenerates once."""
        # Only changes: watchdog also reports files opened and closed, as the generator reads them.
        if event.event_type not in _CHANGES or event.is_directory:
            return
        if not any(is_input(str(p), self.root) for p in _paths(event)):
            return
        with self.lock:
            if self.pending is not None:
                self.pending.cancel()
            self.pending = threading.Timer(SETTLE_SECONDS, self.regenerate_whole)
            self.pending.daemon = True
            self.pending.start()


def _paths(event: Any) -> list[str]:
    return [p for p in (event.src_path, getattr(event, "dest_path", "")) if p]


def is_input(path: str, root: Path) -> bool:
    """Say whether a changed file is an input of the generator: not its own, hidden or an editor's temporary file."""
    from generator.config import is_curated

    changed, data = Path(path), root / "data"
    # In data/, the rule the readers follow; in site_templates/, the file's name alone.
    relative = changed.relative_to(data) if changed.is_relative_to(data) else PurePath(changed.name)
    if not is_curated(relative) or changed.name.endswith(("~", ".tmp", ".swp")):
        return False
    try:
        Path(path).resolve().relative_to(root.resolve())
    except ValueError:
        return False
    return True


#: The one place Material's worker disables length normalisation, and what it becomes.
SEARCH_NO_LENGTH_NORM = "this.b(0)"
SEARCH_LENGTH_NORM = "this.b(0.75)"


def on_files(files: Any, config: Any) -> Any:
    """Index this build's page data, once (the theme shows it on each paper page); choose this
    build's search: `$ATLAS_SEARCH`, else by the number of paper pages."""
    global _pagefind, _pages, _files
    # The generator beside this hook: a build's mkdocs.yml may be elsewhere (benchmarks, tests).
    _importable(Path(__file__).resolve().parent.parent)
    from generator.page_data import PageData

    _pages, _files = PageData(Path(config.docs_dir)), files
    _pagefind = search_index_for(files, config)
    return files


def on_post_build(config: Any) -> None:
    """Save the page cache; set Lunr's length normalisation in the site's copy of Material's search worker;
    run Pagefind."""
    global _pagefind
    page_cache.finish()
    workers = sorted(Path(config.site_dir).glob("assets/javascripts/workers/search.*.min.js"))
    for worker in workers:
        code = worker.read_text(encoding="utf-8")
        if code.count(SEARCH_NO_LENGTH_NORM) != 1:
            raise PluginError(f"paper-atlas: {worker.name} changed; review the search ranking patch in mkdocs_hook.py")
        worker.write_text(code.replace(SEARCH_NO_LENGTH_NORM, SEARCH_LENGTH_NORM), encoding="utf-8")
    if not workers:
        raise PluginError("paper-atlas: Material's search worker not found in the site")
    if _pagefind is not None:
        index, _pagefind = _pagefind, None
        try:
            index.build(Path(config.site_dir), dict(config.plugins["material/search"].config))
        except (RuntimeError, OSError) as error:
            raise PluginError(f"paper-atlas: {error}") from error


def on_build_error(error: Exception) -> None:
    """Remove the staged search documents of a build that failed."""
    global _pagefind
    if _pagefind is not None:
        _pagefind.discard()
        _pagefind = None


def on_page_context(context: Any, page: Any, config: Any, nav: Any) -> Any:
    """Stage a page's search document (Pagefind); give a paper page its data; escape the tag names
    Material's tags plugin put in a page's table of contents."""
    if _pagefind is not None:
        _pagefind.add(page)
        page.content = SEARCH_ATTRIBUTES.sub("", page.content)  # as Material's search does when it indexes
    data = _pages.get(page.file.src_uri) if _pages is not None else None
    if data is not None:
        from generator.page_data import paper_context

        context["atlas_paper"] = paper_context(data, page, _files)
    listings = getattr(config.plugins.get("material/tags"), "listings", None)
    names = {tree.tag.name for listing in getattr(listings, "data", ()) if listing.page is page for tree in listing}
    if names:
        for anchor in _anchors(page.toc):
            if anchor.title in names:
                anchor.title = html.escape(anchor.title, quote=False)
    return context


def _anchors(items: Iterable[Any]) -> Iterable[Any]:
    for anchor in items:
        yield anchor
        yield from _anchors(anchor.children)
