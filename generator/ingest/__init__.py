"""Readers, one per input format, chosen by file suffix; failures are collected, not raised."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from generator.ingest.listing import read_listing
from generator.model import Problem, Record

Reader = Callable[[str, str], tuple[list[Record], list[Problem]]]

#: Reader per suffix. A reader takes (display path, text) and returns records and problems.
READERS: dict[str, Reader] = {
    ".txt": read_listing,
}


def read_data_dir(data_dir: Path) -> tuple[list[Record], list[Problem]]:
    """Read every listing under `data_dir`, in sorted path order, collecting problems."""
    records: list[Record] = []
    problems: list[Problem] = []
    for path in sorted(p for p in data_dir.rglob("*") if p.is_file()):
        name = path.relative_to(data_dir).as_posix()
        if name.startswith(".") or "/." in name:
            continue  # hidden files (editor swap files, state) are not listings
        reader = READERS.get(path.suffix.lower())
        if reader is None:
            problems.append(
                Problem(
                    name,
                    None,
                    f"unknown format {path.suffix or '(no suffix)'!r}: use one of {', '.join(sorted(READERS))}",
                )
            )
            continue
        try:
            text = decode(path.read_bytes())
        except (OSError, UnicodeDecodeError) as error:
            problems.append(Problem(name, None, f"cannot read file: {error}; save it as UTF-8"))
            continue
        found, trouble = reader(name, text)
        records.extend(found)
        problems.extend(trouble)
    return records, problems


def decode(data: bytes) -> str:
    """Decode UTF-8 text, dropping a byte-order mark; raise UnicodeDecodeError otherwise."""
    return data.decode("utf-8-sig")
