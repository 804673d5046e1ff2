"""Build real sites in temporary folders: the generator, then `mkdocs build --strict`."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from generator.build import BuildResult, build
from generator.config import Settings
from generator.workspace import copy_hand_written_docs, site_config

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
SHARED_FIXTURES = ROOT.parent / "shared" / "fixtures"


#: The date tests record for data changes, so that generated pages do not depend on the clock.
TODAY = "2026-01-15"


def generate(data_dir: Path, docs_dir: Path, state_file: Path | None = None, today: str = TODAY) -> BuildResult:
    """Generate `data_dir` into `docs_dir` with the project's templates; the state lives beside the docs."""
    return build(
        Settings(
            data_dir=data_dir,
            docs_dir=docs_dir,
            templates_dir=ROOT / "site_templates",
            state_file=state_file or docs_dir.parent / f"{docs_dir.name}-state.json",
            site_url="https://papers.example.org/",
            today=today,
        )
    )


def build_site(
    data_dir: Path, work: Path, state_file: Path | None = None, today: str = TODAY, search: str | None = None
) -> tuple[BuildResult, Path]:
    """Generate and build a site with the project's mkdocs.yml; return the result and site folder.

    `search` is the site's search (`$ATLAS_SEARCH`: material, pagefind); by default, as the environment says.
    """
    docs = work / "docs_src"
    if not docs.exists():
        copy_hand_written_docs(docs)
    result = generate(data_dir, docs, state_file, today)
    config_file = site_config(work, docs, work / "site")
    completed = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-f", str(config_file)],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "ATLAS_SEARCH": search} if search else None,
    )
    assert completed.returncode == 0, f"mkdocs build --strict failed:\n{completed.stdout}\n{completed.stderr}"
    return result, work / "site"
