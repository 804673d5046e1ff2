from __future__ import annotations

import logging
import os
import shutil
from pathlib import Path
from types import SimpleNamespace

import pytest

from generator import mkdocs_hook
from tests.sitebuild import FIXTURES, ROOT


def project(tmp_path: Path) -> SimpleNamespace:
    (tmp_path / "data").mkdir()
    shutil.copy(FIXTURES / "listings" / "listing_with_page_chrome.txt", tmp_path / "data")
    shutil.copytree(ROOT / "site_templates", tmp_path / "site_templates")
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n")
    return SimpleNamespace(config_file_path=str(tmp_path / "mkdocs.yml"), docs_dir=str(tmp_path / "docs_src"))


def regenerate(config: SimpleNamespace) -> None:
    """What the hook's watcher does when data/ changes under `mkdocs serve`."""
    mkdocs_hook.regenerate(Path(config.config_file_path).parent, Path(config.docs_dir))


def test_serve_generates_pages_at_start_and_regenerates_them_on_change(tmp_path: Path) -> None:
    config = project(tmp_path)
    mkdocs_hook.on_startup(command="serve", dirty=False)
    mkdocs_hook.on_pre_build(config)
    assert (tmp_path / "docs_src" / "papers" / "tinynet.md").exists()
    (tmp_path / "data" / "listing_with_page_chrome.txt").unlink()
    shutil.copy(FIXTURES / "listings" / "listing_crlf_bom.txt", tmp_path / "data")
    mkdocs_hook.on_pre_build(config)  # a rebuild MkDocs starts does not regenerate: the watcher does
    assert not (tmp_path / "docs_src" / "papers" / "crlfnet.md").exists()
    regenerate(config)
    assert (tmp_path / "docs_src" / "papers" / "crlfnet.md").exists()
    # The paper left the data: its URL stays, with a page that says so.
    assert "no longer in the collection" in (tmp_path / "docs_src" / "papers" / "tinynet.md").read_text()


def test_build_leaves_generation_to_make_site(tmp_path: Path) -> None:
    config = project(tmp_path)
    mkdocs_hook.on_startup(command="build", dirty=False)
    mkdocs_hook.on_pre_build(config)
    assert not (tmp_path / "docs_src").exists()


def test_search_worker_gets_length_normalisation_or_the_build_fails(tmp_path: Path) -> None:
    import pytest
    from mkdocs.exceptions import PluginError

    workers = tmp_path / "assets" / "javascripts" / "workers"
    workers.mkdir(parents=True)
    worker = workers / "search.abc123.min.js"
    worker.write_text('lunr(function(){this.metadataWhitelist=["position"],this.b(0),x})')
    mkdocs_hook.on_post_build(SimpleNamespace(site_dir=str(tmp_path)))
    assert "this.b(0.75)" in worker.read_text() and "this.b(0)," not in worker.read_text()
    with pytest.raises(PluginError):  # already patched, or a Material release that changed the worker
        mkdocs_hook.on_post_build(SimpleNamespace(site_dir=str(tmp_path)))


def test_serve_logs_a_broken_state_or_a_crash_and_keeps_the_pages_it_had(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = project(tmp_path)
    mkdocs_hook.on_startup(command="serve", dirty=False)
    mkdocs_hook.on_pre_build(config)
    page = tmp_path / "docs_src" / "papers" / "tinynet.md"
    before = page.read_bytes()
    state = tmp_path / "data" / "atlas-state.json"
    good = state.read_text()
    state.write_text(good[:100])
    caplog.set_level(logging.INFO, logger="mkdocs.plugins.paper_atlas")
    regenerate(config)  # no exception: serve goes on
    errors = [r.getMessage() for r in caplog.records if r.levelno == logging.ERROR]
    assert len(errors) == 1 and f"{state}:" in errors[0] and "serving the pages generated before" in errors[0]
    assert page.read_bytes() == before and state.read_text() == good[:100]
    state.write_text(good)
    caplog.clear()

    def crash(*args: object) -> None:
        raise ValueError("Found array with 0 feature(s)")

    monkeypatch.setattr("generator.build.render_site", crash)
    regenerate(config)
    logged = [r for r in caplog.records if r.levelno == logging.ERROR]
    assert len(logged) == 1 and "internal error" in logged[0].getMessage() and logged[0].exc_info
    monkeypatch.undo()
    (tmp_path / "data" / "listing_with_page_chrome.txt").unlink()
    caplog.clear()
    regenerate(config)
    errors = [r.getMessage() for r in caplog.records if r.levelno == logging.ERROR]
    assert len(errors) == 1 and "no papers in" in errors[0] and page.read_bytes() == before


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("data/listing.txt", True),
        ("data/sub/listing.bib", True),
        ("data/atlas-topics.yaml", True),  # the curator's taxonomy: no listing, but read
        ("data/atlas-state.json", False),  # the generator's own files
        ("data/atlas-embeddings.npz", False),
        ("data/sub/atlas-state.json", True),  # below the top, a listing like any other
        ("data/.listing.txt.swp", False),
        ("data/.git/HEAD", False),
        ("data/listing.txt~", False),
        ("site_templates/paper.md.j2", True),
        ("site_templates/.paper.md.j2.swp", False),
        ("site_templates/paper.md.j2.tmp", False),
        ("../elsewhere.txt", False),
    ],
)
def test_a_change_is_an_input_unless_it_is_hidden_temporary_or_the_generators(
    tmp_path: Path, path: str, expected: bool
) -> None:
    root = tmp_path / "project"
    assert mkdocs_hook.is_input(str(root / path), root) is expected


def test_the_watcher_and_the_readers_follow_one_rule(tmp_path: Path) -> None:
    from generator.ingest import data_files

    names = ["a.txt", "sub/b.bib", "atlas-state.json", "atlas-embeddings.npz", "atlas-topics.yaml", ".c.txt", ".git/d"]
    for name in names:
        (tmp_path / "data" / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "data" / name).write_text("x\n")
    listings = {p.relative_to(tmp_path / "data").as_posix() for p in data_files(tmp_path / "data")[0]}
    assert listings == {"a.txt", "sub/b.bib"}
    watched = {n for n in names if mkdocs_hook.is_input(str(tmp_path / "data" / n), tmp_path)}
    assert watched == listings | {"atlas-topics.yaml"}


@pytest.mark.slow  # runs mkdocs serve
def test_a_real_serve_regenerates_and_reloads_once_per_data_change(tmp_path: Path) -> None:
    import re
    import socket
    import subprocess
    import sys
    import time

    from generator.workspace import copy_hand_written_docs, site_config

    (tmp_path / "data").mkdir()
    shutil.copy(FIXTURES / "listings" / "listing_missing_abstract.txt", tmp_path / "data")
    (tmp_path / "site_templates").symlink_to(ROOT / "site_templates")
    docs = tmp_path / "docs_src"
    copy_hand_written_docs(docs)
    config = site_config(tmp_path, docs, tmp_path / "site")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    log = (tmp_path / "serve.log").open("w+", encoding="utf-8")
    serve = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-f", str(config), "--dev-addr", f"127.0.0.1:{port}"],
        stdout=log,
        stderr=subprocess.STDOUT,
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(ROOT)},  # the project lies beside the config, not here
    )

    def output() -> str:
        return (tmp_path / "serve.log").read_text(encoding="utf-8")

    def wait_for(pattern: str, count: int, timeout: float = 120) -> None:
        deadline = time.monotonic() + timeout
        while len(re.findall(pattern, output())) < count:
            assert serve.poll() is None and time.monotonic() < deadline, output()
            time.sleep(0.2)

    try:
        wait_for(r"Serving on", 1)
        assert len(re.findall(r"paper-atlas: \d+ papers", output())) == 1
        assert re.search(r"WARNING.*paper-atlas: listing_missing_abstract.txt:\d+: warning", output()), output()
        shutil.copy(FIXTURES / "listings" / "listing_crlf_bom.txt", tmp_path / "data")
        wait_for(r"Reloading browsers", 1)
        time.sleep(3)  # long enough for a second rebuild, had the state file's write caused one
        assert len(re.findall(r"paper-atlas: \d+ papers", output())) == 2, output()
        assert len(re.findall(r"Reloading browsers", output())) == 1, output()
        assert (docs / "papers" / "crlfnet.md").exists()
    finally:
        serve.terminate()
        serve.wait(timeout=30)
        log.close()
