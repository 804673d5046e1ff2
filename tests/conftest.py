from __future__ import annotations

from pathlib import Path

import pytest

from tests.sitebuild import ROOT, build_site


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="rewrite tests/golden/ from the fixture listings instead of comparing (make golden)",
    )


@pytest.fixture(scope="session")
def seed_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site built from data/ with `mkdocs build --strict`, once per test run."""
    _, site = build_site(ROOT / "data", tmp_path_factory.mktemp("seed"))
    return site
