"""A site built in another folder (a test's, a benchmark's) from the project's own configuration.

`site_config` writes the project's mkdocs.yml with absolute paths for a build elsewhere, and
`copy_hand_written_docs` copies the hand-written pages of docs_src/ without what the generator writes.
"""

from __future__ import annotations

from pathlib import Path

import yaml
from mkdocs.utils.yaml import yaml_load

from generator.emit.manifest import copy_hand_written

#: The project folder: mkdocs.yml, docs_src/, overrides/ and the hook are read from here.
ROOT = Path(__file__).resolve().parent.parent


def site_config(work: Path, docs: Path, site: Path) -> Path:
    """Write the project's mkdocs.yml for a build in `work`, with absolute paths and no watch list."""
    with (ROOT / "mkdocs.yml").open(encoding="utf-8") as handle:
        config = yaml_load(handle)  # MkDocs' own loader, which resolves `!ENV`
    config["hooks"] = [str(ROOT / hook) for hook in config.get("hooks", [])]
    config.pop("watch", None)
    config.update(docs_dir=str(docs), site_dir=str(site))
    config["theme"]["custom_dir"] = str(ROOT / config["theme"]["custom_dir"])
    path = work / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return path


def copy_hand_written_docs(destination: Path) -> None:
    """Copy the project's docs folder without what the generator writes into it."""
    copy_hand_written(ROOT / "docs_src", destination)
