"""Readers, one per input format, chosen by suffix and content; failures are collected, not raised."""

from __future__ import annotations

import codecs
from collections.abc import Callable
from pathlib import Path

from generator.ingest.arxiv_atom import read_atom
from generator.ingest.bibtex import read_bibtex
from generator.ingest.listing import read_listing
from generator.ingest.tabular import read_csv, read_json, read_json_lines, read_yaml
from generator.model import Problem, Record

Reader = Callable[[str, str], tuple[list[Record], list[Problem]]]

#: Reader per suffix. A reader takes (display path, text) and returns records and problems.
READERS: dict[str, Reader] = {
    ".txt": read_listing,
    ".json": read_json,
    ".jsonl": read_json_lines,
    ".ndjson": read_json_lines,
    ".xml": read_atom,
    ".atom": read_atom,
    ".bib": read_bibtex,
    ".yaml": read_yaml,
    ".yml": read_yaml,
    ".csv": read_csv,
}
#: The generator's own memory of slugs and updates; it lives in the data folder but is no listing.
STATE_FILE = "atlas-state.json"
#: The curator's names, merges, pins and splits of topics (see `generator.enrich.taxonomy`).
TAXONOMY_FILE = "atlas-topics.yaml"
#: Semantic mode's cache of paper embeddings (see `generator.enrich.semantic`).
EMBEDDINGS_FILE = "atlas-embeddings.npz"


class UnreadableFile(Exception):
    """A data file whose bytes are not text the readers can take."""


def read_data_dir(data_dir: Path) -> tuple[list[Record], list[Problem]]:
    """Read every listing under `data_dir`, in sorted path order, collecting problems."""
    records: list[Record] = []
    problems: list[Problem] = []
    for path in sorted(p for p in data_dir.rglob("*") if p.is_file()):
        name = path.relative_to(data_dir).as_posix()
        if name in (STATE_FILE, TAXONOMY_FILE, EMBEDDINGS_FILE) or any(
            part.startswith(".") for part in name.split("/")
        ):
            continue  # the state, taxonomy and embeddings files, hidden files and folders (editor swap files, .git)
        found, trouble = read_file(path, name)
        records.extend(found)
        problems.extend(trouble)
    return records, problems


def read_file(path: Path, name: str) -> tuple[list[Record], list[Problem]]:
    """Read one data file with the reader its suffix (and, for `.json`, its content) calls for."""
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        known = ", ".join(sorted(READERS))
        return [], [Problem(name, None, f"unknown format {path.suffix or '(no suffix)'!r}; use one of {known}")]
    try:
        text = decode(path.read_bytes())
    except OSError as error:
        return [], [Problem(name, None, f"cannot read file ({error.strerror}); check its permissions")]
    except UnreadableFile as error:
        return [], [Problem(name, None, str(error))]
    if not text.strip():
        return [], [Problem(name, None, "empty file; add papers to it or remove it")]
    if reader is read_json and _is_json_lines(text):
        reader = read_json_lines  # the Kaggle arXiv snapshot is JSON lines named `.json`
    try:
        return reader(name, text)
    except Exception as error:  # a reader bug must not stop the other files from building
        return [], [Problem(name, None, f"reader failed ({type(error).__name__}: {error}); please report this file")]


def decode(data: bytes) -> str:
    """Decode UTF-8 (or UTF-16 with a byte-order mark); refuse binary and other encodings."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16")
    if b"\x00" in data[:8192]:
        raise UnreadableFile("binary file, not a listing; remove it from the data folder")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise UnreadableFile(
            f"not UTF-8 (byte 0x{data[error.start]:02x} on line {line}); re-save the file as UTF-8"
        ) from None


def _is_json_lines(text: str) -> bool:
    lines = [line for line in text.lstrip().splitlines()[:3] if line.strip()]
    return len(lines) > 1 and all(line.lstrip().startswith("{") and line.rstrip().endswith("}") for line in lines)
