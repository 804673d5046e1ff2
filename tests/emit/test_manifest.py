"""One manifest of generated files serves the writer, `make clean`, `.gitignore` and the benchmark."""

from __future__ import annotations

import shutil
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from generator.config import Settings
from generator.emit.environment import make_environment
from generator.emit.manifest import GENERATED, clean, copy_hand_written, is_generated, main
from generator.emit.render import render_site
from generator.emit.writer import write_tree
from generator.enrich.hubs import hub_vocabularies
from generator.identify.papers import identify
from generator.model import Catalog, DatasetName, Record, Source, Term
from tests.sitebuild import ROOT

HAND_WRITTEN = ("about.md", "tags.md", "assets/javascripts/explore.js", "assets/papers/index.md")
GENERATED_SAMPLE = ("index.md", "feed-topics-x.xml", "papers/a.md", "topics/x.md", "explore/map.json")


def test_gitignore_lists_exactly_the_generated_files() -> None:
    lines = (ROOT / ".gitignore").read_text(encoding="utf-8").splitlines()
    ignored = [line.removeprefix("docs_src/") for line in lines if line.startswith("docs_src/")]
    assert ignored == list(GENERATED), "keep .gitignore's docs_src/ lines equal to generator/emit/manifest.py"


@pytest.mark.parametrize(
    ("name", "generated"),
    [
        ("index.md", True),
        ("feed.xml", True),
        ("feed-topics-llm.xml", True),
        ("feed-datasets-gsm8k.xml", True),
        ("papers/", True),
        ("explore/", True),
        # A file named like a generated folder, and the hand-written pages, are not generated.
        ("papers", False),
        ("about.md", False),
        ("tags.md", False),
        ("assets/", False),
        ("feed.xml.bak", False),
        ("notes-feed-x.xml", False),
    ],
)
def test_what_the_manifest_names(name: str, generated: bool) -> None:
    assert is_generated(name) is generated


def test_every_rendered_file_is_in_the_manifest() -> None:
    """A generated file outside the manifest would never be pruned, cleaned or ignored."""
    gsm8k = (DatasetName("GSM8K", "GSM8K", "benchmark"),)
    papers = [
        replace(
            identify(Record(f"{name}: a model", "We test on GSM8K.", Source("x.txt", i))), slug=slug, datasets=gsm8k
        )
        for i, (name, slug) in enumerate([("GalaxyNet", "galaxynet"), ("StarNet", "starnet")])
    ]
    topic = Term("stars", "Stars", "About stars.", tuple(p.slug for p in papers), 2)
    catalog = Catalog(papers=papers, topics=[topic], hubs=hub_vocabularies(papers))
    pages = render_site(catalog, make_environment(ROOT / "site_templates"), Settings(today="2026-01-01"))
    assert "datasets/gsm8k.md" in pages and "feed-topics-stars.xml" in pages
    for path in pages:
        assert is_generated(top(path)), path


def populate(docs: Path) -> None:
    for name in HAND_WRITTEN + GENERATED_SAMPLE:
        (docs / name).parent.mkdir(parents=True, exist_ok=True)
        (docs / name).write_text(name, encoding="utf-8")


def files(root: Path) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())


def top(path: str) -> str:
    """Return the name in the root a file is under, as the manifest spells it (`papers/`, `index.md`)."""
    first, slash, _ = path.partition("/")
    return first + slash


def test_clean_removes_the_generated_files_and_keeps_the_hand_written(tmp_path: Path) -> None:
    populate(tmp_path)
    removed = clean(tmp_path)
    assert sorted(p.name for p in removed) == ["explore", "feed-topics-x.xml", "index.md", "papers", "topics"]
    assert files(tmp_path) == sorted(HAND_WRITTEN)


def test_the_command_line_prints_the_manifest_or_cleans(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 0
    assert capsys.readouterr().out.split() == list(GENERATED)
    populate(tmp_path)
    assert main(["--clean", str(tmp_path)]) == 0
    assert files(tmp_path) == sorted(HAND_WRITTEN)


def test_the_benchmark_copies_only_the_hand_written_pages(tmp_path: Path) -> None:
    populate(tmp_path / "docs")
    copy_hand_written(tmp_path / "docs", tmp_path / "copy")
    # Only the top folder is the generator's: `assets/papers/index.md` is hand-written.
    assert files(tmp_path / "copy") == sorted(HAND_WRITTEN)


def test_the_writer_prunes_a_generated_file_of_the_root_it_no_longer_writes(tmp_path: Path) -> None:
    populate(tmp_path)
    report = write_tree(tmp_path, {"papers/a.md": "papers/a.md"}, GENERATED)
    assert sorted(report.removed) == ["explore/map.json", "feed-topics-x.xml", "index.md", "topics/x.md"]
    assert files(tmp_path) == sorted((*HAND_WRITTEN, "papers/a.md"))


@pytest.mark.skipif(shutil.which("make") is None, reason="needs GNU make")
def test_make_clean_uses_the_manifest(tmp_path: Path) -> None:
    work = tmp_path / "project"
    populate(work / "docs_src")
    (work / "site").mkdir()
    (work / "venv").mkdir()
    command = ["make", "--no-print-directory", "-f", str(ROOT / "Makefile"), "-C", str(work), "clean"]
    done = subprocess.run(
        [*command, f"PYTHON={sys.executable}", "VENV=venv"],
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT)},
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert files(work / "docs_src") == sorted(HAND_WRITTEN)
    assert not (work / "site").exists() and not (work / "venv").exists()
