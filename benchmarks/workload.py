"""What `make bench` builds: the corpora, one more day of papers, a build folder, the plain baseline.

A corpus writes its papers into a data folder and, later, one more day of papers beside them: for
the synthetic corpus (`corpus.py`) a new listing of papers of their own, for the real Hugging Face
daily papers (`../shared/corpus/hf_daily_2025H1/`) the next day's JSON file. A build folder holds
everything one build keeps between runs (data, docs, site, state file, mkdocs.yml and whatever
hidden caches the generator or MkDocs keep beside them), so a rebuild in it is a real rebuild.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from benchmarks.corpus import write_corpus
from benchmarks.processes import timed
from generator.ingest import read_data_dir
from generator.workspace import site_config

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
REAL_CORPUS = ROOT.parent / "shared" / "corpus" / "hf_daily_2025H1"


@dataclass(frozen=True)
class Corpus:
    """A collection to build and one more day of papers to add to it."""

    kind: str  # "real" or "synthetic"
    write: Callable[[Path], None]  # the collection, into a data folder
    write_day: Callable[[Path], None]  # one more day of papers, into the same folder


def synthetic(count: int, day: int) -> Corpus:
    """The synthetic corpus of `count` papers; a day is `day` more papers in a listing of their own."""

    def write(data: Path) -> None:
        write_corpus(count, data)

    def write_day(data: Path) -> None:
        write_corpus(day, data, seed=1, start=count, name="next-day.txt")

    return Corpus("synthetic", write, write_day)


def real(files: int, folder: Path = REAL_CORPUS) -> Corpus:
    """The first `files` days of real daily papers; a day is the next day's file."""
    days = sorted(folder.glob("*.json"))

    def write(data: Path) -> None:
        if len(days) <= files:
            raise FileNotFoundError(f"{folder} holds {len(days)} daily files; {files + 1} are needed")
        data.mkdir(parents=True, exist_ok=True)
        for day in days[:files]:
            shutil.copyfile(day, data / day.name)

    def write_day(data: Path) -> None:
        shutil.copyfile(days[files], data / days[files].name)

    return Corpus("real", write, write_day)


def paper_count(data: Path) -> int:
    """Return how many records the generator's readers find in a data folder."""
    records, _ = read_data_dir(data)
    return len(records)


@dataclass(frozen=True)
class BuildFolder:
    """One build's folder: what a site owner keeps between two builds, caches included."""

    root: Path

    @property
    def data(self) -> Path:
        return self.root / "data"

    @property
    def docs(self) -> Path:
        return self.root / "docs_src"

    @property
    def site(self) -> Path:
        return self.root / "site"

    @property
    def config(self) -> Path:
        return self.root / "mkdocs.yml"

    def prepare(self, data: Path, hand: Path) -> None:
        """Start from nothing: the data, the hand-written pages and the site config; no state, no cache."""
        shutil.rmtree(self.root, ignore_errors=True)
        shutil.copytree(data, self.data)
        shutil.copytree(hand, self.docs)
        site_config(self.root, self.docs, self.site)

    def generator_command(self) -> list[str]:
        state = self.root / "state.json"
        return [PYTHON, "-m", "generator", "--data", str(self.data), "--docs", str(self.docs), "--state", str(state)]

    def generate(self) -> tuple[float, int, str]:
        """Run the generator; return (seconds, peak RSS of its main process in MB, its output)."""
        return timed(self.generator_command(), ROOT)

    def build_commands(self, search_command: str) -> list[list[str]]:
        commands = [[PYTHON, "-m", "mkdocs", "build", "-q", "-f", str(self.config)]]
        if search_command:
            commands.append(search_command.format(site=self.site, python=PYTHON).split())
        return commands

    def build(self, search_command: str = "") -> float:
        """Build the site (and run the search indexer, if one is given); return the seconds it took."""
        return sum(timed(command, self.root)[0] for command in self.build_commands(search_command))

    def caches(self) -> list[str]:
        """Return what the builds left beside the state file and config: caches, hidden or not."""
        own = {"data", "docs_src", "site", "mkdocs.yml", "state.json"}
        return sorted(path.name for path in self.root.iterdir() if path.name not in own)


def plain_site(work: Path, data: Path) -> Path:
    """Write minimal pages (title + abstract) and a plain Material config with the same nav design."""
    docs = work / "plain_docs"
    shutil.rmtree(docs, ignore_errors=True)
    (docs / "papers").mkdir(parents=True)
    records, _ = read_data_dir(data)
    for number, record in enumerate(records):
        (docs / "papers" / f"{number}.md").write_text(f"# {record.title}\n\n{record.abstract}\n", encoding="utf-8")
    (docs / "index.md").write_text("# Papers\n\nA plain collection.\n", encoding="utf-8")
    config = {
        "site_name": "Plain",
        "docs_dir": str(docs),
        "site_dir": str(work / "plain_site"),
        "nav": [{"Home": "index.md"}],
        "not_in_nav": "/papers/*.md",
        "theme": {"name": "material", "font": False},
        "plugins": ["search"],
    }
    path = work / "plain.yml"
    path.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return path


def build_plain(config: Path) -> float:
    """Build a plain site from nothing; return the seconds it took."""
    started = time.perf_counter()
    subprocess.run([PYTHON, "-m", "mkdocs", "build", "-q", "-f", str(config)], check=True, capture_output=True)
    return time.perf_counter() - started


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def page_sizes(site: Path) -> dict[str, Any]:
    """Return the median and largest paper-page HTML size, in bytes."""
    pages = sorted(p.stat().st_size for p in (site / "papers").glob("*/index.html"))
    if not pages:
        return {}
    return {"page_bytes_median": pages[len(pages) // 2], "page_bytes_max": pages[-1]}


def search_sizes(site: Path, papers: int) -> dict[str, Any]:
    """Return the search backend's size, per paper, and the bytes one query transfers (or a bound).

    Pagefind, when the site has it, is the search a visitor runs; else Material's, whose index is
    one file every visitor loads whole. Pagefind loads its entry files, the
    index chunks of the query's words and the fragments of the results it shows; the bound taken
    here is every file at its root, the three largest index chunks and the ten largest fragments
    (a three-word query showing ten results). A browser measures the real transfer.
    """
    material = site / "search" / "search_index.json"
    pagefind = site / "pagefind"
    if not pagefind.is_dir():
        if not material.exists():
            return {"backend": "none found"}
        size = material.stat().st_size
        return {"backend": "material", "bytes": size, "bytes_per_paper": round(size / papers), "query_bytes": size}

    def largest(folder: str, count: int) -> int:
        return sum(sorted((p.stat().st_size for p in (pagefind / folder).glob("*")), reverse=True)[:count])

    entry = sum(p.stat().st_size for p in pagefind.iterdir() if p.is_file())
    size = folder_size(pagefind)
    bound = entry + largest("index", 3) + largest("fragment", 10)
    return {"backend": "pagefind", "bytes": size, "bytes_per_paper": round(size / papers), "query_bytes": bound}
