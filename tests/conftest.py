from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.sitebuild import ROOT, SHARED_FIXTURES, build_site


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


@pytest.fixture
def shared_fixtures() -> Path:
    """The real input samples in ../shared/fixtures; skip without them, except in CI."""
    if not SHARED_FIXTURES.is_dir():
        message = f"real input samples not found at {SHARED_FIXTURES}"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return SHARED_FIXTURES
