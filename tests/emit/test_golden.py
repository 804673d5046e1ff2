"""Golden trees: each fixture listing generates exactly the Markdown in tests/golden/<name>/.

Refresh after an intended change with `make golden`, then read the diff before committing.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.sitebuild import FIXTURES, ROOT, generate

GOLDEN = ROOT / "tests" / "golden"
CASES = sorted(p.stem for p in (FIXTURES / "listings").glob("*.txt"))


def tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("case", CASES)
def test_generated_markdown_matches_golden(case: str, tmp_path: Path, request: pytest.FixtureRequest) -> None:
    data = tmp_path / "data"
    data.mkdir()
    shutil.copy(FIXTURES / "listings" / f"{case}.txt", data)
    generate(data, tmp_path / "docs")
    actual = tree(tmp_path / "docs")
    expected_dir = GOLDEN / case
    if request.config.getoption("--update-golden"):
        shutil.rmtree(expected_dir, ignore_errors=True)
        shutil.copytree(tmp_path / "docs", expected_dir)
        return
    assert expected_dir.is_dir(), f"no golden files for {case}: run `make golden` and review them"
    expected = tree(expected_dir)
    assert sorted(actual) == sorted(expected), "generated files differ from tests/golden: run `make golden`"
    for name in expected:
        assert actual[name].decode() == expected[name].decode(), (
            f"{case}/{name} differs from its golden file; if the change is intended, run `make golden`"
        )
