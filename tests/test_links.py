"""A real link checker (LinkChecker, with its anchor check) over built sites served on localhost."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.sitebuild import build_site
from tests.test_hostile import HOSTILE

pytestmark = pytest.mark.e2e


def linkcheck(base: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    config = tmp_path / "linkcheckerrc"
    # Check every #anchor too; never leave localhost (the site's external links are not ours to check).
    config.write_text("[checking]\nmaxrequestspersecond=1000\n[AnchorCheck]\n", encoding="utf-8")
    outside = r"^(?!http://127\.0\.0\.1[:/])"
    # Warnings stay on: a missing anchor is a warning to LinkChecker, and an error to us.
    command = ["--config", str(config), "--no-status", f"--ignore-url={outside}", base]
    return subprocess.run(
        [sys.executable, "-m", "linkcheck", *command],
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )


def test_seed_site_has_no_broken_links_or_anchors(
    seed_site: Path, serve: Callable[[Path], str], tmp_path: Path
) -> None:
    result = linkcheck(serve(seed_site), tmp_path)
    assert result.returncode == 0, result.stdout[-4000:]
    assert "0 warnings found. 0 errors found." in result.stdout


def test_hostile_site_has_no_broken_links_or_anchors(serve: Callable[[Path], str], tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(HOSTILE, data)
    _, site = build_site(data, tmp_path / "build")
    result = linkcheck(serve(site), tmp_path)
    assert result.returncode == 0, result.stdout[-4000:]
    assert "0 warnings found. 0 errors found." in result.stdout


def test_the_checker_catches_a_broken_link_and_anchor(serve: Callable[[Path], str], tmp_path: Path) -> None:
    site = tmp_path / "broken"
    site.mkdir()
    (site / "index.html").write_text(
        '<html><body><a href="missing.html">x</a> <a href="other.html#nowhere">y</a></body></html>'
    )
    (site / "other.html").write_text('<html><body><h1 id="here">z</h1></body></html>')
    result = linkcheck(serve(site), tmp_path)
    assert result.returncode != 0
    assert "1 warning found. 1 error found." in result.stdout, result.stdout[-3000:]
    assert "404 File not found" in result.stdout and "nowhere' (decoded" in result.stdout, result.stdout
