"""The catalog of a build: its papers, taxonomies and terms, what it found, and its counts per file."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

from generator.model.papers import Paper, Result
from generator.model.records import Merged, Problem
from generator.model.state import RetiredPage, Update


@dataclass(frozen=True)
class Term:
    """A term of a taxonomy and its papers: a topic (`enrich.topics`), a model family or benchmark (`enrich.hubs`)."""

    slug: str
    label: str
    description: str
    #: Slugs of the papers with this term, those for which it is primary first.
    papers: tuple[str, ...] = ()
    #: How many of `papers` have it as their primary term: all of them in a taxonomy without one.
    primary_count: int = 0
    #: Slugs of the nearest terms of the same taxonomy, nearest first.
    neighbours: tuple[str, ...] = ()
    #: (paper slug, result) pairs the papers report on this term, best first per metric.
    results: tuple[tuple[str, Result], ...] = ()


#: A taxonomy's kind, which is also the folder of its pages: `topics/`, `models/`, `datasets/`.
VocabularyKind = Literal["topics", "models", "datasets", "authors", "venues"]


@dataclass(frozen=True)
class Vocabulary:
    """A taxonomy of the collection and its terms (Drupal's word; `enrich.taxonomy` is the curator's topic file)."""

    kind: VocabularyKind
    #: Largest first.
    terms: tuple[Term, ...] = ()
    #: What its index page reports besides its terms: the author names taken as one, and kept apart.
    notes: tuple[str, ...] = ()
    #: Each name a paper may give a term by, when not its label: an author's every spelling -> slug.
    aliases: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class FileCount:
    """What one data file gave: records accepted, merged into another record, and rejected."""

    path: str
    read: int
    merged: int
    rejected: int


@dataclass
class Catalog:
    """Every paper of a build, in input order, with what was found on the way."""

    papers: list[Paper] = field(default_factory=list)
    #: What the build reports, in the order it found it: the input's problems, and each merge.
    log: list[Problem | Merged] = field(default_factory=list)
    records_read: int = 0
    retired: list[RetiredPage] = field(default_factory=list)
    updates: list[Update] = field(default_factory=list)
    #: Topics, largest first.
    topics: list[Term] = field(default_factory=list)
    #: The model families and the datasets or benchmarks that papers share (`generator.enrich.hubs`);
    #: without terms until computed, so each still has its (empty) index page.
    hubs: list[Vocabulary] = field(
        default_factory=lambda: [Vocabulary(kind) for kind in ("models", "datasets", "authors", "venues")]
    )

    @property
    def vocabularies(self) -> list[Vocabulary]:
        """Return every taxonomy whose terms get pages: topics first, then the hubs."""
        return [Vocabulary("topics", tuple(self.topics)), *self.hubs]

    @property
    def problems(self) -> list[Problem]:
        return [note for note in self.log if isinstance(note, Problem)]

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def merges(self) -> list[Merged]:
        """Return the records that were merged into another record of the same paper."""
        return [note for note in self.log if isinstance(note, Merged)]

    @property
    def merged(self) -> int:
        """Count the records that were merged into another record of the same paper."""
        return len(self.merges)

    def file_counts(self) -> list[FileCount]:
        """Count, per data file, records read, merged away and rejected; they add up to the catalog's."""
        read: dict[str, int] = {}
        for paper in self.papers:
            for source in (paper.source, *paper.record.also_from):
                read[source.path] = read.get(source.path, 0) + 1
        merged: dict[str, int] = {}
        for merge in self.merges:
            merged[merge.source.path] = merged.get(merge.source.path, 0) + 1
        rejected: dict[str, int] = {}
        for error in self.errors:
            rejected[error.source.path] = rejected.get(error.source.path, 0) + 1
        names = sorted(set(read) | set(rejected))
        return [FileCount(n, read.get(n, 0), merged.get(n, 0), rejected.get(n, 0)) for n in names]
