"""One settings object for a build; every field is documented and has a default."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePath

from generator.parallel import default_jobs

# The generator's own files in the data folder, which the readers skip (they are no listings).

#: The generator's own memory of slugs and updates; it lives in the data folder but is no listing.
STATE_FILE = "atlas-state.json"
#: The curator's names, merges, pins and splits of topics (see `generator.enrich.taxonomy`).
TAXONOMY_FILE = "atlas-topics.yaml"
#: Semantic mode's cache of paper embeddings (see `generator.enrich.semantic`).
EMBEDDINGS_FILE = "atlas-embeddings.npz"
#: The cache of per-paper work (see `generator.enrich.paper_cache`); hidden, so it is never a listing.
PAPER_CACHE_FILE = ".atlas-papers.json"
#: The cache of word stems the text features use (see `generator.enrich.paper_cache`); hidden too.
STEMS_CACHE_FILE = ".atlas-stems.json"


def is_curated(relative: PurePath) -> bool:
    """Say whether a path of the data folder (relative to it) is the curator's: not hidden (`.git`, an
    editor's `.swp`) and not one of the generator's own files at its top (the state, the embeddings)."""
    if any(part.startswith(".") for part in relative.parts):
        return False
    return relative.as_posix() not in (STATE_FILE, EMBEDDINGS_FILE)


def with_trailing_slash(url: str) -> str:
    """Return a site address ending in `/`, so page paths can be appended to it."""
    return url if url.endswith("/") else url + "/"


def default_site_url() -> str:
    """Return the site's address: `SITE_URL` from the environment, as mkdocs.yml reads it too."""
    return with_trailing_slash(os.environ.get("SITE_URL") or "http://127.0.0.1:8000/")


def switch(variable: str, default: bool) -> bool:
    """Return an on/off setting of the environment: `on`, `1`, `yes`, `true` switch it on, `off`,
    `0`, `no`, `false` off (in any case, spaces around ignored); unset or anything else, `default`."""
    setting = os.environ.get(variable, "").strip().lower()
    if setting in ("on", "1", "yes", "true"):
        return True
    if setting in ("off", "0", "no", "false"):
        return False
    return default


def default_today() -> str:
    """Return today's date, or the one `SOURCE_DATE_EPOCH` fixes for reproducible builds."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date().isoformat()
    return dt.date.today().isoformat()


@dataclass(frozen=True)
class Settings:
    """Where the generator reads and writes, and how strict it is."""

    #: Folder of paper listings; every file in it (and below) is read.
    data_dir: Path = Path("data")
    #: MkDocs `docs_dir`; the generator owns `papers/` and the generated files at its top.
    docs_dir: Path = Path("docs_src")
    #: Jinja2 templates of the generated Markdown (`*.md.j2`).
    templates_dir: Path = Path("site_templates")
    #: Slugs and update history; `None` means `<data_dir>/atlas-state.json`.
    state_file: Path | None = None
    #: Name shown on the home page and in the feed.
    site_name: str = "Paper Atlas"
    #: Public address of the site, for the feed's absolute links.
    site_url: str = field(default_factory=default_site_url)
    #: The date recorded for the changes this build finds.
    today: str = field(default_factory=default_today)
    #: Exit with success even when some records were rejected (they are still reported).
    allow_partial: bool = False
    #: Generate an empty collection when the data holds no paper, instead of stopping: without it
    #: an emptied or wholly rejected data folder would replace every published page.
    allow_empty: bool = False
    #: Semantic mode: a sentence-transformers model folder or installed model package (see
    #: `enrich/semantic.py`); `None` (the default) uses no neural network. `$ATLAS_SEMANTIC_MODEL`.
    semantic_model: str | None = field(default_factory=lambda: os.environ.get("ATLAS_SEMANTIC_MODEL") or None)
    #: Processes for per-paper work (cleaning, extraction, page rendering) on large collections;
    #: `$ATLAS_JOBS`, else the number of cores. The output is the same bytes whatever the number.
    jobs: int = field(default_factory=default_jobs)
    #: Recompute everything, reading no cache of an earlier build (the caches are written afresh).
    cold: bool = False
    #: The address of a Dask distributed scheduler (`tcp://host:8786`) whose workers do the
    #: per-paper work (cleaning, extraction, embeddings) instead of local processes; `None` (the
    #: default) works locally. `$ATLAS_SCHEDULER`. The output is the same bytes either way.
    scheduler: str | None = field(default_factory=lambda: os.environ.get("ATLAS_SCHEDULER") or None)

    @property
    def state_path(self) -> Path:
        return self.state_file if self.state_file is not None else self.data_dir / STATE_FILE

    @property
    def embeddings_path(self) -> Path:
        """Return the semantic mode's cache of embeddings, beside the state file."""
        return self.state_path.with_name(EMBEDDINGS_FILE)

    @property
    def paper_cache_path(self) -> Path:
        """Return the cache of per-paper work, beside the state file."""
        return self.state_path.with_name(PAPER_CACHE_FILE)

    @property
    def stems_cache_path(self) -> Path:
        """Return the cache of word stems, beside the state file."""
        return self.state_path.with_name(STEMS_CACHE_FILE)

    @property
    def taxonomy_path(self) -> Path:
        """Return where the curator's topic taxonomy is read from (optional)."""
        return self.data_dir / TAXONOMY_FILE

    def resolved(self, root: Path) -> Settings:
        """Return a copy whose relative paths are taken from `root`."""
        return replace(
            self,
            data_dir=root / self.data_dir,
            docs_dir=root / self.docs_dir,
            templates_dir=root / self.templates_dir,
            state_file=root / self.state_file if self.state_file is not None else None,
        )
