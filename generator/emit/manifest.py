"""The one list of what the generator owns in the docs folder, and `make clean` over it.

The writer prunes stale files only inside it, `make clean` removes it
(`python -m generator.emit.manifest --clean docs_src`), `.gitignore` lists it (a test keeps the
two equal) and the benchmark copies everything else, the hand-written pages. Only the standard
library here: `make clean` runs this with the system Python, the virtual environment gone or not.
"""

from __future__ import annotations

import argparse
import fnmatch
import shutil
import sys
from collections.abc import Sequence
from pathlib import Path

#: What the generator writes, relative to the docs folder, spelled as `.gitignore` spells it:
#: a folder ends with `/` (every file in it is generated), a `*` makes a pattern of files.
GENERATED = (
    "index.md",
    "whats-new.md",
    "feed.xml",
    # The feeds of topics and hubs, in the root folder (see `generator.emit.paths.feed_file`).
    "feed-*.xml",
    "papers.json",
    "papers.bib",
    "papers.ris",
    "papers.csl.json",
    "papers/",
    "all/",
    "topics/",
    "models/",
    "datasets/",
    "authors/",
    "venues/",
    "explore/",
)


def is_generated(name: str, entries: Sequence[str] = GENERATED) -> bool:
    """Say whether a name in the docs folder's root (a folder's with its `/`) is one the generator owns."""
    return any(fnmatch.fnmatchcase(name, entry) for entry in entries)


def generated_paths(docs: Path, entries: Sequence[str] = GENERATED) -> list[Path]:
    """Return the files and folders in `docs` that `entries` name, sorted."""
    if not docs.is_dir():
        return []
    found = [p for p in docs.iterdir() if is_generated(p.name + "/" if p.is_dir() else p.name, entries)]
    return sorted(found)


def clean(docs: Path) -> list[Path]:
    """Remove everything the generator wrote into `docs`; the hand-written pages stay."""
    removed = generated_paths(docs)
    for path in removed:
        if path.is_dir():
            shutil.rmtree(path)
        else:
            path.unlink()
    return removed


def copy_hand_written(docs: Path, destination: Path) -> None:
    """Copy the docs folder `docs` to `destination` without what the generator writes into it."""
    root = str(docs)

    def ignore(folder: str, names: list[str]) -> set[str]:
        if folder != root:  # only the top folder holds generated files and folders
            return set()
        return {n for n in names if is_generated(n + "/" if (docs / n).is_dir() else n)}

    shutil.copytree(docs, destination, ignore=ignore)


def main(argv: list[str] | None = None) -> int:
    """Print the manifest, or remove what it names from a docs folder (`--clean DOCS`)."""
    parser = argparse.ArgumentParser(prog="python -m generator.emit.manifest", description=main.__doc__)
    parser.add_argument("--clean", metavar="DOCS", type=Path, help="remove the generated files of this folder")
    args = parser.parse_args(argv)
    if args.clean is None:
        print("\n".join(GENERATED))
        return 0
    for path in clean(args.clean):
        print(f"removed {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
