"""The one data model every stage shares: records read, papers built, problems found."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

SpanKind = Literal["text", "em", "strong", "code", "sub", "sup", "link"]
Severity = Literal["error", "warning"]
LinkKind = Literal[
    "code",
    "hf-model",
    "hf-dataset",
    "hf-space",
    "hf-collection",
    "hf-org",
    "modelscope",
    "project",
    "other",
]


@dataclass(frozen=True)
class Source:
    """Where a record came from: the listing file (relative to the data folder) and its line."""

    path: str
    line: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}"


@dataclass(frozen=True)
class Problem:
    """Something in the input a reader could not use as it stood."""

    path: str
    line: int | None
    message: str
    severity: Severity = "error"

    def __str__(self) -> str:
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        return f"{where}: {self.severity}: {self.message}"


@dataclass(frozen=True)
class Span:
    """A piece of cleaned inline text; `href` is set only on links."""

    kind: SpanKind
    text: str
    href: str = ""


@dataclass(frozen=True)
class Link:
    """A cleaned, clickable http(s) URL found in a paper's text, with what it points at."""

    url: str
    kind: LinkKind


@dataclass(frozen=True)
class Record:
    """One paper as a reader found it, before any cleaning."""

    title: str
    abstract: str
    source: Source


@dataclass(frozen=True)
class Paper:
    """A paper as the site shows it; enrichers return updated copies, never mutate."""

    record: Record
    title: str
    short_name: str | None = None
    slug: str = ""
    abstract: tuple[Span, ...] = ()
    links: tuple[Link, ...] = ()

    @property
    def source(self) -> Source:
        return self.record.source

    @property
    def abstract_text(self) -> str:
        """Return the cleaned abstract as plain text."""
        return "".join(span.text for span in self.abstract)


@dataclass
class Catalog:
    """Every paper of a build, in input order, with the problems met on the way."""

    papers: list[Paper] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    records_read: int = 0

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]
