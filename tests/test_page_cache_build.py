"""Real `mkdocs build --strict` runs with the page cache: the same site, the same failures."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.sitebuild import FIXTURES, ROOT, build_site

pytestmark = pytest.mark.slow  # builds sites with mkdocs


def files_of(site: Path) -> dict[str, bytes]:
    return {str(path.relative_to(site)): path.read_bytes() for path in sorted(site.rglob("*")) if path.is_file()}


def mkdocs_build(config: Path) -> subprocess.CompletedProcess[str]:
    """Build with `--strict`, logging at info (the page cache reports its hits there)."""
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config)]
    return subprocess.run(command, capture_output=True, text=True, check=False)


def test_the_second_build_from_the_cache_is_the_same_site(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    for listing in ("listing_with_page_chrome.txt", "listing_crlf_bom.txt", "listing_hostile.txt"):
        shutil.copy(FIXTURES / "listings" / listing, data)
    _, site = build_site(data, tmp_path / "work")
    first = files_of(site)
    cache = tmp_path / "work" / ".cache" / "paper-atlas" / "pages.json"
    assert cache.is_file()
    completed = mkdocs_build(tmp_path / "work" / "mkdocs.yml")
    assert completed.returncode == 0, completed.stderr
    pages = len(list(site.rglob("index.html")))
    assert f"page cache: {pages} of {pages} pages converted before" in completed.stderr
    assert files_of(site) == first


def small_site(folder: Path) -> Path:
    """Three pages built with the project's hook: a.md links to b.md and to an anchor b.md lacks."""
    docs = folder / "docs"
    docs.mkdir(parents=True)
    (docs / "index.md").write_text("# Home\n\n[a](a.md)\n", encoding="utf-8")
    (docs / "a.md").write_text("# A\n\n[b](b.md) and [its part](b.md#part)\n", encoding="utf-8")
    (docs / "b.md").write_text("# B\n\n## Not the part\n", encoding="utf-8")
    config = {
        "site_name": "Small",
        "docs_dir": str(docs),
        "site_dir": str(folder / "site"),
        "theme": {"name": "material", "font": False},
        "plugins": ["search"],
        "validation": {"anchors": "warn"},
        "markdown_extensions": [{"toc": {"permalink": True}}],
        "hooks": [str(ROOT / "generator" / "mkdocs_hook.py")],
    }
    path = folder / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config), encoding="utf-8")
    return path


def warnings_of(completed: subprocess.CompletedProcess[str]) -> list[str]:
    return [line for line in completed.stderr.splitlines() if line.startswith("WARNING")]


def test_strict_fails_on_a_broken_link_or_anchor_in_a_cached_page(tmp_path: Path) -> None:
    config = small_site(tmp_path)
    first = mkdocs_build(config)
    assert first.returncode != 0 and warnings_of(first)
    assert "does not contain an anchor '#part'" in first.stderr
    again = mkdocs_build(config)  # every page from the cache, its warnings too
    assert "page cache: 3 of 3 pages converted before" in again.stderr
    assert again.returncode != 0 and warnings_of(again) == warnings_of(first)
    (tmp_path / "docs" / "b.md").unlink()  # a.md is unchanged, but its link is now broken
    gone = mkdocs_build(config)
    assert gone.returncode != 0
    assert "Doc file 'a.md' contains a link 'b.md', but the target is not found" in gone.stderr
    (tmp_path / "docs" / "b.md").write_text("# B\n\n## Part\n", encoding="utf-8")
    fixed = mkdocs_build(config)
    assert fixed.returncode == 0, fixed.stderr
    assert "page cache: 1 of 3 pages converted before" in fixed.stderr  # b.md changed, a.md's link did


def test_a_damaged_cache_is_rebuilt(tmp_path: Path) -> None:
    config = small_site(tmp_path)
    (tmp_path / "docs" / "b.md").write_text("# B\n\n## Part\n", encoding="utf-8")
    assert mkdocs_build(config).returncode == 0
    site = files_of(tmp_path / "site")
    cache = tmp_path / ".cache" / "paper-atlas" / "pages.json"
    cache.write_bytes(cache.read_bytes().replace(b"<h1", b"<h2", 1))
    damaged = mkdocs_build(config)
    assert damaged.returncode == 0 and "is damaged" in damaged.stderr
    assert "page cache: 0 of 3 pages converted before" in damaged.stderr
    assert files_of(tmp_path / "site") == site
    assert "page cache: 3 of 3" in mkdocs_build(config).stderr
