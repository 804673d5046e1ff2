from __future__ import annotations

import functools
import os
import shutil
import threading
from collections.abc import Callable, Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from importlib.util import find_spec
from pathlib import Path

import pytest

from generator.config import STATE_FILE
from tests.sitebuild import ROOT, SHARED_FIXTURES, build_site


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="rewrite tests/golden/ from the fixture listings instead of comparing (make golden)",
    )


@pytest.fixture(scope="session")
def seed_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site built from data/ with `mkdocs build --strict`, once per test run.

    With a copy of the committed state file, as `make site` builds it: the slugs it holds are the
    site's URLs (a paper named later, from its abstract, keeps the URL it had).
    """
    work = tmp_path_factory.mktemp("seed")
    state = work / STATE_FILE
    shutil.copy(ROOT / "data" / STATE_FILE, state)
    _, site = build_site(ROOT / "data", work, state_file=state, search="material")
    return site


@pytest.fixture(scope="session")
def seed_site_pagefind(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed site as `seed_site`, with Pagefind as its search (skipped without Pagefind, except in CI)."""
    if find_spec("pagefind") is None:
        message = "Pagefind is not installed (requirements/site.txt: pagefind[bin])"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    work = tmp_path_factory.mktemp("seed-pagefind")
    state = work / STATE_FILE
    shutil.copy(ROOT / "data" / STATE_FILE, state)
    _, site = build_site(ROOT / "data", work, state_file=state, search="pagefind")
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


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass

    def end_headers(self) -> None:
        # LinkChecker waits 0.1-0.6 s between requests to a host unless the host answers with
        # this header; it is a local test server, so let it check at full speed.
        self.send_header("LinkChecker", "unthrottled")
        super().end_headers()


@pytest.fixture(scope="session")
def serve() -> Iterator[Callable[[Path], str]]:
    """Serve a folder over HTTP on 127.0.0.1; return its base URL."""
    servers: list[ThreadingHTTPServer] = []

    def start(folder: Path) -> str:
        handler = functools.partial(QuietHandler, directory=str(folder))
        server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}/"

    yield start
    for server in servers:
        server.shutdown()
