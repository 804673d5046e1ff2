"""The one data model every stage shares: records read, papers built, problems found, records merged."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import ClassVar, Literal

SpanKind = Literal["text", "em", "strong", "code", "sub", "sup", "link"]
Severity = Literal["error", "warning", "info"]
LinkKind = Literal[
    "arxiv",
    "doi",
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
class Mention:
    """A paper named in another paper's text: which paper (slug), the name used, the sentence."""

    slug: str
    name: str
    sentence: str


@dataclass(frozen=True)
class ModelName:
    """A model a paper names: `Llama-3-8B` is family Llama, version 3, size 8B."""

    name: str
    family: str
    version: str = ""
    size: str = ""
    #: The rule that found it ("gazetteer", "called-a-model", ...; see `generator.enrich.entities`).
    rule: str = ""


@dataclass(frozen=True)
class DatasetName:
    """A dataset or benchmark a paper names (`AIME-2024` belongs to the AIME hub)."""

    name: str
    hub: str
    kind: Literal["benchmark", "dataset"]
    #: The rule that found it ("gazetteer", "name-then-kind", ...; see `generator.enrich.entities`).
    rule: str = ""


@dataclass(frozen=True)
class Result:
    """A number the abstract reports: `+6.91 BLEU`, `54.6% speedup`, `42.3% on AIME-2024`."""

    value: str
    metric: str
    benchmark: str
    sentence: str
    #: The rule that read its metric ("metric-after", "outcome-verb", ...; see `generator.enrich.entities`).
    rule: str = ""


@dataclass(frozen=True)
class Related:
    """Another paper worth reading next, and why, in words."""

    slug: str
    title: str
    reasons: tuple[str, ...]


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
VocabularyKind = Literal["topics", "models", "datasets"]


@dataclass(frozen=True)
class Vocabulary:
    """A taxonomy of the collection and its terms (Drupal's word; `enrich.taxonomy` is the curator's topic file)."""

    kind: VocabularyKind
    #: Largest first.
    terms: tuple[Term, ...] = ()


@dataclass(frozen=True)
class KnownTopics:
    """What the state remembers of topics: each paper's (main first) and each topic's label."""

    #: Paper slug -> the slugs of its topics, main first.
    all_of: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    #: Topic slug -> (label, description).
    labels: Mapping[str, tuple[str, str]] = field(default_factory=dict)

    @property
    def primary(self) -> dict[str, str]:
        """Return each paper's remembered main topic."""
        return {paper: topics[0] for paper, topics in self.all_of.items() if topics}


@dataclass(frozen=True)
class PreviousBuild:
    """What the previous build showed, as the state file remembers it: read once, never changed."""

    topics: KnownTopics = field(default_factory=KnownTopics)
    #: Paper slug -> the slugs of its related papers, in the order shown.
    related: Mapping[str, tuple[str, ...]] = field(default_factory=dict)


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


@dataclass(frozen=True)
class Paper:
    """A paper as the site shows it; enrichers return updated copies, never mutate."""

    record: Record
    title: str
    short_name: str | None = None
    slug: str = ""
    abstract: tuple[Span, ...] = ()
    links: tuple[Link, ...] = ()
    #: Spellings people type for the short name (`MTLadder`, `MT Ladder`), indexed for search.
    aliases: tuple[str, ...] = ()
    #: Papers this paper's abstract names, and papers whose abstracts name this one.
    mentions: tuple[Mention, ...] = ()
    mentioned_by: tuple[Mention, ...] = ()
    #: What the abstract names and reports (see `generator.enrich.entities`).
    models: tuple[ModelName, ...] = ()
    datasets: tuple[DatasetName, ...] = ()
    results: tuple[Result, ...] = ()
    domains: tuple[str, ...] = ()
    #: Slugs of the paper's topics, primary first (one to three).
    topics: tuple[str, ...] = ()
    #: The most related papers, most related first, each with its reasons.
    related: tuple[Related, ...] = ()
    #: Where the paper sits on the map of the collection (x, y).
    position: tuple[float, float] = (0.0, 0.0)
    #: Its leading meaning dimensions as base64 signed bytes, for "more like my list".
    vector: str = ""

    @property
    def source(self) -> Source:
        return self.record.source

    @property
    def abstract_text(self) -> str:
        """Return the cleaned abstract as plain text."""
        return "".join(span.text for span in self.abstract)

    @property
    def prose(self) -> str:
        """Return the cleaned abstract without its links: the words that say what the paper is."""
        return "".join(span.text for span in self.abstract if span.kind != "link")


@dataclass
class Update:
    """What one data change did, by slug, on the day the generator first saw it."""

    date: str
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class RetiredPage:
    """A URL whose paper left the data (`redirect_to` empty) or was merged into another paper."""

    slug: str
    title: str
    date: str
    redirect_to: str = ""


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
    hubs: list[Vocabulary] = field(default_factory=lambda: [Vocabulary("models"), Vocabulary("datasets")])

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
