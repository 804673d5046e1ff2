"""All file writes: only changed bytes, through a temporary file and a rename; prune stale pages."""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class WriteReport:
    """What a write pass did, as paths relative to the output folder."""

    written: list[str] = field(default_factory=list)
    unchanged: int = 0
    removed: list[str] = field(default_factory=list)


def _stage(path: Path, data: bytes) -> Path:
    """Write `data` to a new hidden file beside `path` and return it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return temporary


def _unchanged(path: Path, data: bytes) -> bool:
    try:
        return path.stat().st_size == len(data) and path.read_bytes() == data
    except FileNotFoundError:
        return False


def write_if_changed(path: Path, data: bytes) -> bool:
    """Write `data` to `path` atomically unless it already holds exactly those bytes."""
    if _unchanged(path, data):
        return False
    os.replace(_stage(path, data), path)
    return True


def write_tree(root: Path, files: Mapping[str, str], generated: Iterable[str]) -> WriteReport:
    """Write `files` under `root`, only those whose bytes change; prune only what `generated` names.

    `generated` is spelled as `generator.emit.manifest.GENERATED`: a folder ends with `/` and every
    stale file in it is pruned; any other entry names files of `root` itself (`feed-*.xml`).

    Every changed file is first staged beside its target; only when all are staged are they
    renamed into place, so a failure while writing leaves the previous pages as they were.
    """
    report = WriteReport()
    encoded = {relative: files[relative].encode("utf-8") for relative in sorted(files)}
    changed = [relative for relative, data in encoded.items() if not _unchanged(root / relative, data)]
    report.unchanged = len(encoded) - len(changed)
    _replace_all(root, {relative: encoded[relative] for relative in changed})
    report.written = changed
    for entry in generated:
        report.removed.extend(_prune(root, entry, files))
    return report


def _replace_all(root: Path, changed: dict[str, bytes]) -> None:
    """Stage every file of `changed` beside its target, then rename them all into place."""
    staged: list[tuple[Path, Path]] = []
    try:
        for relative, data in changed.items():
            staged.append((_stage(root / relative, data), root / relative))
    except BaseException:
        for temporary, _ in staged:
            temporary.unlink(missing_ok=True)
        raise
    for temporary, target in staged:
        os.replace(temporary, target)


def _prune(root: Path, entry: str, files: Mapping[str, str]) -> list[str]:
    """Remove the files `entry` of the manifest names that `files` does not hold; return what went."""
    removed: list[str] = []
    if not entry.endswith("/"):
        for path in sorted(root.glob(entry)):
            if path.is_file() and path.name not in files:
                path.unlink()
                removed.append(path.name)
        return removed
    base = root / entry
    if not base.is_dir():
        return removed
    for path in sorted(base.rglob("*")):
        relative = path.relative_to(root).as_posix()
        if path.is_file() and relative not in files:
            path.unlink()
            removed.append(relative)
    for path in sorted(base.rglob("*"), reverse=True):
        if path.is_dir() and not any(path.iterdir()):
            path.rmdir()
    return removed


def read_text(path: Path) -> str | None:
    """Return a file's text, or None when it does not exist."""
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
