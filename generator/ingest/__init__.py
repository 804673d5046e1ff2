"""Readers, one per input format, chosen by suffix and content; failures are collected, not raised."""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable
from pathlib import Path, PurePosixPath

from generator.config import TAXONOMY_FILE, is_curated
from generator.ingest.arxiv_atom import read_atom
from generator.ingest.bibtex import read_bibtex
from generator.ingest.checks import check_records
from generator.ingest.fields import LINE_END
from generator.ingest.listing import read_listing
from generator.ingest.tabular import read_csv, read_json, read_json_lines, read_yaml
from generator.model import Problem, Record, Source

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


#: Control characters no text file needs; in one character of ten or more, a file with a NUL is binary.
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f]")


class UnreadableFile(Exception):
    """A data file whose bytes are not text the readers can take."""


def read_data_dir(data_dir: Path) -> tuple[list[Record], list[Problem]]:
    """Read every listing under `data_dir`, in sorted path order, collecting problems.

    Symbolic links are followed while they stay inside the data folder; a file or folder that
    resolves outside it (`data/passwd.txt -> /etc/passwd`) is reported and not read, and a folder
    reached a second time (a link cycle, or two links to one folder) is read once.
    """
    records: list[Record] = []
    paths, problems = data_files(data_dir)
    for path in paths:
        found, trouble = read_file(path, path.relative_to(data_dir).as_posix())
        records.extend(found)
        problems.extend(trouble)
    return records, problems


def data_files(data_dir: Path) -> tuple[list[Path], list[Problem]]:
    """List the listings under `data_dir` in sorted path order, and the files and folders refused."""
    walk = _Walk(data_dir.resolve())
    if data_dir.is_dir():  # the command line says so when it is missing
        walk.folder(data_dir, "")
    return sorted(walk.paths), walk.problems


class _Walk:
    """A walk through the data folder: the listings found, the problems met, the folders seen."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.paths: list[Path] = []
        self.problems: list[Problem] = []
        #: Each folder walked (resolved), by its name relative to the data folder.
        self.seen_folders: dict[Path, str] = {}

    def folder(self, folder: Path, name: str) -> None:
        """Walk a folder (`name`, relative to the data folder), once however many links lead to it."""
        real = folder.resolve()
        if real in self.seen_folders:
            where = self.seen_folders[real] or "the data folder"
            self.problems.append(
                Problem(Source(name), f"the same folder as {where} (a link); read once, there", "info")
            )
            return
        self.seen_folders[real] = name
        try:
            entries = sorted(folder.iterdir())
        except OSError as error:
            message = f"cannot read folder ({error.strerror}); check its permissions"
            self.problems.append(Problem(Source(name or "."), message))
            return
        for path in entries:
            relative = f"{name}/{path.name}" if name else path.name
            # Not hidden, not the generator's own, not the taxonomy (read by enrich, no listing).
            if is_curated(PurePosixPath(relative)) and relative != TAXONOMY_FILE:
                self.entry(path, relative)

    def entry(self, path: Path, relative: str) -> None:
        """Take a file as a listing, walk a folder, or report a link that leads nowhere or outside."""
        try:
            target = path.resolve()
            is_folder = path.is_dir()
        except (OSError, RuntimeError):  # a link to itself, or a link loop
            self.problems.append(Problem(Source(relative), "broken or looping link; not read"))
            return
        if not target.is_relative_to(self.root):
            kind = "folder" if is_folder else "file"
            message = f"{kind} is a link to a place outside the data folder; not read"
            self.problems.append(Problem(Source(relative), message))
        elif is_folder:
            self.folder(path, relative)
        elif path.is_file():
            self.paths.append(path)
        elif not path.exists():
            self.problems.append(Problem(Source(relative), "link to a file that does not exist; not read", "warning"))


def read_file(path: Path, name: str) -> tuple[list[Record], list[Problem]]:
    """Read one data file with the reader its suffix (and, for `.json`, its content) calls for."""
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        known = ", ".join(sorted(READERS))
        return [], [Problem(Source(name), f"unknown format {path.suffix or '(no suffix)'!r}; use one of {known}")]
    try:
        text = decode(path.read_bytes())
    except OSError as error:
        return [], [Problem(Source(name), f"cannot read file ({error.strerror}); check its permissions")]
    except UnreadableFile as error:
        return [], [Problem(Source(name), str(error))]
    if not text.strip():
        return [], [Problem(Source(name), "empty file; add papers to it or remove it")]
    if reader is read_json and _is_json_lines(text):
        reader = read_json_lines  # the Kaggle arXiv snapshot is JSON lines named `.json`
    try:
        records, problems = reader(name, text)
        # Every reader's records pass the same checks: XML-illegal characters, field limits, a visible title.
        checked, found = check_records(records)
    except Exception as error:  # a reader bug must not stop the other files from building
        return [], [Problem(Source(name), f"reader failed ({type(error).__name__}: {error}); please report this file")]
    return checked, problems + found


def decode(data: bytes) -> str:
    """Decode UTF-8 or UTF-16 (with a byte-order mark, or without one when the text is mostly ASCII);
    refuse binary and other encodings. A stray NUL in UTF-8 text is kept, for the checks to report."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16")
    wide = utf16_without_bom(data)
    if wide:
        try:
            return data.decode(wide)
        except UnicodeDecodeError as error:
            raise UnreadableFile(
                f"broken {wide.upper()} text (at byte {error.start}); re-save the file as UTF-8"
            ) from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        if b"\x00" in data[:8192]:
            raise UnreadableFile("binary file, not a listing; remove it from the data folder") from None
        line = data[: error.start].count(b"\n") + 1
        raise UnreadableFile(
            f"not UTF-8 (byte 0x{data[error.start]:02x} on line {line}); re-save the file as UTF-8"
        ) from None
    if "\x00" in text[:8192] and len(_CONTROL.findall(text[:8192])) * 10 > len(text[:8192]):
        raise UnreadableFile("binary file, not a listing; remove it from the data folder")
    return text


def utf16_without_bom(data: bytes) -> str:
    """Name the UTF-16 byte order of text without a byte-order mark ("utf-16-le"/"utf-16-be"), or ''.

    Mostly-ASCII UTF-16 has a NUL in every other byte: at odd offsets little-endian, at even ones
    big-endian. Binary files have NULs here and there, not in nine of ten alternate bytes.
    """
    sample = data[:8192]
    if len(sample) < 4 or len(data) % 2:
        return ""
    even, odd = sample[0::2], sample[1::2]
    even_nuls, odd_nuls = even.count(0), odd.count(0)
    if odd_nuls >= 0.9 * len(odd) and even_nuls <= 0.1 * len(even):
        return "utf-16-le"
    if even_nuls >= 0.9 * len(even) and odd_nuls <= 0.1 * len(odd):
        return "utf-16-be"
    return ""


def _is_json_lines(text: str) -> bool:
    lines = [line for line in LINE_END.split(text.lstrip(), 3)[:3] if line.strip()]
    return len(lines) > 1 and all(line.lstrip().startswith("{") and line.rstrip().endswith("}") for line in lines)
