"""`make site` publishes only after generator exit 0 or 1: never after a crash or a stopped build."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.sitebuild import FIXTURES, ROOT

pytestmark = [
    pytest.mark.skipif(shutil.which("make") is None, reason="needs GNU make"),
    pytest.mark.slow,  # runs make and the generator in subprocesses
]

#: Stand-ins for the virtualenv's programs: the generator exits with $FAKE_STATUS, or is the real
#: one for "crash" (with a bug planted) and "empty" (an empty data folder); mkdocs writes a new
#: site into --site-dir.
FAKE_PYTHON = """#!/bin/sh
if [ "$FAKE_STATUS" = crash ] || [ "$FAKE_STATUS" = empty ]; then
    exec {python} -c '
import os, runpy, sys
import generator.build
def crash(*args): raise ValueError("Found array with 0 feature(s)")
if os.environ["FAKE_STATUS"] == "crash":
    generator.build.render_site = crash
else:
    os.remove("data/listing_with_page_chrome.txt")
sys.argv = ["generator", "--data", "data", "--docs", "docs_src", "--templates", "{root}/site_templates"]
runpy.run_module("generator", run_name="__main__")
'
fi
exit "$FAKE_STATUS"
"""
FAKE_MKDOCS = """#!/bin/sh
touch mkdocs-ran
mkdir -p .site.tmp && echo new > .site.tmp/index.html
"""


def project(tmp_path: Path) -> Path:
    """Return a folder with a published site/ and fake programs that `make site` runs."""
    work = tmp_path / "project"
    fake = work / "bin"
    fake.mkdir(parents=True)
    (fake / "python").write_text(FAKE_PYTHON.format(python=sys.executable, root=ROOT))
    (fake / "mkdocs").write_text(FAKE_MKDOCS)
    for program in fake.iterdir():
        program.chmod(0o755)
    (work / "requirements").mkdir()
    for name in ("requirements/site.txt", "pyproject.toml"):
        (work / name).write_text("")
        os.utime(work / name, (0, 0))  # older than the stamp: make installs nothing
    (work / "stamp").write_text("")
    (work / "site").mkdir()
    (work / "site" / "index.html").write_text("published\n")
    (work / "data").mkdir()
    shutil.copy(FIXTURES / "listings" / "listing_with_page_chrome.txt", work / "data")
    return work


def make_site(work: Path, status: str, site_url: str = "") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "FAKE_STATUS": status, "PYTHONPATH": str(ROOT), "SITE_URL": site_url}
    env.pop("ATLAS_SEMANTIC_MODEL", None)
    command = ["make", "--no-print-directory", "-f", str(ROOT / "Makefile"), "-C", str(work), "site"]
    return subprocess.run(
        [*command, f"BIN={work / 'bin'}", f"SITE_STAMP={work / 'stamp'}"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )


@pytest.mark.parametrize(("status", "failed"), [("0", False), ("1", True)])
def test_site_is_built_and_swapped_in_after_exit_0_or_1(tmp_path: Path, status: str, failed: bool) -> None:
    work = project(tmp_path)
    done = make_site(work, status)
    assert (done.returncode != 0) == failed, done.stderr
    assert (work / "mkdocs-ran").exists()
    assert (work / "site" / "index.html").read_text() == "new\n"
    if failed:
        assert "Error 1" in done.stderr


@pytest.mark.parametrize("status", ["2", "3", "130", "crash", "empty"])
def test_site_is_left_as_it_was_after_any_other_exit_status(tmp_path: Path, status: str) -> None:
    work = project(tmp_path)
    done = make_site(work, status)
    assert done.returncode != 0
    assert f"Error {dict(crash=3, empty=2).get(status, status)}" in done.stderr, done.stderr
    assert "site/ left as it was" in done.stderr
    assert not (work / "mkdocs-ran").exists()
    assert (work / "site" / "index.html").read_text() == "published\n"
    if status == "crash":
        assert "internal error" in done.stderr
    if status == "empty":
        assert "no papers in data" in done.stderr and "--allow-empty" in done.stderr
    assert not (work / "docs_src").exists()


@pytest.mark.parametrize(("site_url", "warned"), [("", True), ("https://example.org/papers/", False)])
def test_a_site_built_without_site_url_says_where_its_links_point(tmp_path: Path, site_url: str, warned: bool) -> None:
    done = make_site(project(tmp_path), "0", site_url)
    assert done.returncode == 0, done.stderr
    assert ("SITE_URL is not set" in done.stderr) == warned, done.stderr
