"""MkDocs hook: under `mkdocs serve`, regenerate the pages before every rebuild.

`mkdocs.yml` watches `data/` and `site_templates/`; a change there triggers a rebuild, and this
hook turns it into fresh Markdown first. `mkdocs build` is left alone: `make site` runs the
generator itself, so that rejected records fail the build with their own exit code.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import Any

log = logging.getLogger("mkdocs.plugins.paper_atlas")
_command: str | None = None


def on_startup(command: str, dirty: bool) -> None:
    """Remember whether this run is `serve`."""
    global _command
    _command = command


def on_pre_build(config: Any) -> None:
    """Regenerate `docs_src/` from `data/` when serving."""
    if _command != "serve":
        return
    root = Path(config.config_file_path).parent
    if str(root) not in sys.path:
        sys.path.insert(0, str(root))
    from generator.build import build
    from generator.config import Settings

    result = build(Settings(docs_dir=Path(config.docs_dir)).resolved(root))
    for problem in result.catalog.problems:
        log.info("paper-atlas: %s", problem)  # info, not warning: serve keeps running on bad data
    log.info(
        "paper-atlas: %d papers, %d files written, %d removed",
        len(result.catalog.papers),
        len(result.report.written),
        len(result.report.removed),
    )
