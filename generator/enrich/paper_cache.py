"""A cache of the per-paper work, so a rebuild cleans and extracts only new or changed papers.

Each paper's enriched fields (its cleaned abstract, links and entities) are kept in a file beside
the state file (`.atlas-papers.json`, hidden, so neither the readers nor `make serve` take it for
a listing), keyed by a digest of the paper as the per-paper enrichers receive it. The whole file
is also stamped with the code version: a digest of every file of the generator package (its code,
gazetteer and tagger model), the versions of the libraries the enrichers call, and the switches
that change what they find, so any change to the generator or its data starts afresh. A warm
build gives the same bytes as a cold one. A damaged file is rebuilt, never trusted: the file
carries the digest of its entries, and an entry that is not exactly the shape of the fields it
stands for is recomputed. It is written beside, under a hidden name, then renamed into place,
and holds the current papers only. The word stems the text features are made of are kept the
same way, in `.atlas-stems.json` (the stemmer is the slow part of comparing texts).
"""

from __future__ import annotations

import functools
import hashlib
import json
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import fields, replace
from importlib import metadata
from pathlib import Path
from typing import Any

from generator.config import switch
from generator.enrich.text import Stems
from generator.model import DatasetName, Link, ModelName, Paper, Result, Span
from generator.parallel import Executor

#: The package whose files make the code version.
PACKAGE = Path(__file__).resolve().parents[1]
#: Libraries whose behaviour the per-paper enrichers depend on: a new version, a new cache.
LIBRARIES = ("pylatexenc", "python-crfsuite", "confusable-homoglyphs", "PyYAML", "snowballstemmer")
#: Environment switches that change what the enrichers find (see `enrich/entities`).
SWITCHES = ("ATLAS_HARVESTED_NAMES", "ATLAS_TAGGER")
#: The fields the per-paper enrichers set, and the class of their items (`None`: plain strings).
CACHED: dict[str, type | None] = {
    "abstract": Span,
    "links": Link,
    "models": ModelName,
    "datasets": DatasetName,
    "results": Result,
    "domains": None,
}
_FORMAT = 1


class UncachedFieldError(Exception):
    """A per-paper enricher set a field the cache does not keep: add it to `CACHED`."""


@functools.cache
def code_version(package: Path = PACKAGE) -> str:
    """Return a digest of what the per-paper work depends on besides the paper itself."""
    digest = hashlib.sha256(f"{_FORMAT}\0{sys.version}\0".encode())
    for name in LIBRARIES:
        digest.update(f"{name}={_version_of(name)}\0".encode())
    for variable in SWITCHES:  # read as the enrichers read them; unset is their default
        digest.update(f"{variable}={switch(variable, True)}{switch(variable, False)}\0".encode())
    for file in sorted(p for p in package.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        digest.update(f"{file.relative_to(package).as_posix()}\0{file.stat().st_size}\0".encode())
        digest.update(file.read_bytes())
    return digest.hexdigest()[:32]


def _version_of(library: str) -> str:
    try:
        return metadata.version(library)
    except metadata.PackageNotFoundError:
        return "-"


def paper_key(paper: Paper) -> str:
    """Return a digest of a paper as the per-paper enrichers receive it: every field, every value."""
    return hashlib.sha256(repr(paper).encode()).hexdigest()[:32]


def enrich_cached(
    work: Callable[[Paper], Paper], papers: Sequence[Paper], pool: Executor, cache: Path | None, reuse: bool = True
) -> list[Paper]:
    """Return `[work(p) for p in papers]`, taking the papers `cache` holds from it and saving the rest.

    With `reuse` off the cache is not read (a cold build) but is written afresh for the next one.
    """
    if cache is None:
        return pool.map(work, papers)
    version = code_version()
    keys = [paper_key(p) for p in papers]
    stored = read_cache(cache, version) if reuse else {}
    known = {i: _decoded(stored.get(key)) for i, key in enumerate(keys)}
    missing = [i for i, found in known.items() if found is None]
    fresh = dict(zip(missing, pool.map(work, [papers[i] for i in missing]), strict=True))
    result = []
    entries: dict[str, dict[str, list[Any]]] = {}
    for i, (paper, key) in enumerate(zip(papers, keys, strict=True)):
        cached = known[i]
        if cached is None:
            enriched = fresh[i]
            _check_only_cached_fields(paper, enriched)
            entries[key] = _encoded(enriched)
        else:
            enriched = replace(paper, **cached)  # type: ignore[arg-type]  # the fields CACHED names
            entries[key] = stored[key]
        result.append(enriched)
    if missing or len(stored) != len(entries):
        write_cache(cache, version, entries)
    return result


def read_cache(cache: Path, version: str) -> dict[str, Any]:
    """Return the entries of a cache file of this code version; none when it is missing or damaged."""
    try:
        header, _, body = cache.read_bytes().partition(b"\n")
        stamp = json.loads(header)
        if stamp != {"version": version, "digest": hashlib.sha256(body).hexdigest()}:
            return {}  # another code version, or bytes changed since it was written
        papers = json.loads(body)
    except (OSError, ValueError):
        return {}  # missing, unreadable or cut short: rebuilt, never trusted
    return papers if isinstance(papers, dict) else {}


def write_cache(cache: Path, version: str, entries: Mapping[str, Any]) -> None:
    """Write the cache beside its place under a hidden name, then rename it into place.

    The first line stamps the code version and the digest of the second, the entries.
    """
    body = json.dumps(entries, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    header = json.dumps({"version": version, "digest": hashlib.sha256(body).hexdigest()}).encode("utf-8")
    partial = cache.with_name(f".{cache.name.lstrip('.')}.partial")  # hidden: never read as a listing
    partial.write_bytes(header + b"\n" + body)
    partial.replace(cache)


def read_stems(cache: Path, reuse: bool = True) -> tuple[Stems, dict[str, str]]:
    """Return the word stems an earlier build kept in `cache`, as `Stems` and as read (to tell a change).

    The same code version only (the stemmer's version is part of it); none when cold or damaged.
    """
    stored = read_cache(cache, code_version()) if reuse else {}
    if not all(isinstance(stem, str) for stem in stored.values()):
        stored = {}  # not what this file holds: rebuilt, never trusted
    return Stems(stored), stored


def write_stems(cache: Path, stems: Stems, read: Mapping[str, str]) -> None:
    """Write this build's stems into `cache` when they are not the ones read from it."""
    if stems != read:
        write_cache(cache, code_version(), stems)


def _encoded(paper: Paper) -> dict[str, list[Any]]:
    """Return a paper's cached fields as JSON lists: each item a list of its field values."""
    encoded: dict[str, list[Any]] = {}
    for name, item in CACHED.items():
        values = getattr(paper, name)
        if item is None:
            encoded[name] = list(values)
        else:
            names = [f.name for f in fields(item)]
            encoded[name] = [[getattr(value, n) for n in names] for value in values]
    return encoded


def _decoded(entry: object) -> dict[str, tuple[Any, ...]] | None:
    """Return a cache entry's fields, or None unless each is exactly the shape of what it stands for."""
    if not isinstance(entry, dict) or set(entry) != set(CACHED):
        return None
    decoded: dict[str, tuple[Any, ...]] = {}
    for name, item in CACHED.items():
        rows = entry[name]
        if not isinstance(rows, list):
            return None
        width = None if item is None else len(fields(item))
        if width is None and all(isinstance(r, str) for r in rows):
            decoded[name] = tuple(rows)
        elif width is not None and all(_is_row(r, width) for r in rows) and item is not None:
            decoded[name] = tuple(item(*r) for r in rows)
        else:
            return None
    return decoded


def _is_row(row: object, width: int) -> bool:
    return isinstance(row, list) and len(row) == width and all(isinstance(v, str) for v in row)


def _check_only_cached_fields(before: Paper, after: Paper) -> None:
    """Raise when the per-paper work changed a field the cache would not give back."""
    for field in fields(Paper):
        if field.name not in CACHED and getattr(before, field.name) != getattr(after, field.name):
            raise UncachedFieldError(f"per-paper work set {field.name!r}, which {__name__}.CACHED does not keep")
