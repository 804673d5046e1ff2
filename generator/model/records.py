"""Where things come from: records as the readers found them, their sources, and what was found wrong."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar, Literal

Severity = Literal["error", "warning", "info"]


@dataclass(frozen=True)
class Source:
    """Where a record came from: its file (relative to the data folder), and its line or entry."""

    path: str
    line: int | None = None
    #: 1-based position in the file's list of records, for formats without line numbers.
    entry: int | None = None

    def __str__(self) -> str:
        if self.line is not None:
            return f"{self.path}:{self.line}"
        if self.entry is not None:
            return f"{self.path}, entry {self.entry}"
        return self.path

    def describe(self) -> str:
        """Say where the record is, in words for a page footer."""
        if self.line is not None:
            return f"{self.path}, line {self.line}"
        if self.entry is not None:
            return f"{self.path}, entry {self.entry}"
        return self.path


@dataclass(frozen=True)
class Problem:
    """Something in the input a reader could not use as it stood, and where it is."""

    source: Source
    message: str
    severity: Severity = "error"

    def __str__(self) -> str:
        return f"{self.source}: {self.severity}: {self.message}"


@dataclass(frozen=True)
class Merged:
    """A record merged into another record of the same paper: where it was, and with what."""

    source: Source
    message: str
    #: A merge is no problem: it is reported as information.
    severity: ClassVar[Severity] = "info"

    def __str__(self) -> str:
        return f"{self.source}: {self.severity}: {self.message}"


@dataclass(frozen=True)
class Record:
    """One paper as a reader found it, before any cleaning; every field but the title is optional."""

    title: str
    abstract: str
    source: Source
    authors: tuple[str, ...] = ()
    #: Publication date as `YYYY-MM-DD` (or `YYYY-MM`, `YYYY`), when the source gives one.
    date: str = ""
    #: arXiv identifier without version (`2405.15738`, `hep-ph/0601001`) and its latest version.
    arxiv_id: str = ""
    arxiv_version: int | None = None
    doi: str = ""
    categories: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()
    venue: str = ""
    upvotes: int | None = None
    #: Links given as structured fields (code repository, project page), not found in the text.
    urls: tuple[str, ...] = ()
    #: Those of `urls` the source calls project pages (Hugging Face's `projectPage`, a `project` column):
    #: a project page may be on any host, so its address alone cannot say so.
    project_pages: tuple[str, ...] = ()
    #: Other sources that held the same paper and were merged into this record.
    also_from: tuple[Source, ...] = ()
    #: Identity keys of the records merged into this one, so each still finds this paper.
    merged_keys: tuple[str, ...] = ()
    #: Titles the records merged into this one gave the paper when they differ from `title`
    #: (cleaned, one per spelling), each with the source that gave it.
    also_titled: tuple[tuple[str, Source], ...] = ()
