"""Papers as the site shows them, and what enrichers find in them: spans, links, names, results."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from generator.model.records import Record, Source

SpanKind = Literal["text", "em", "strong", "code", "sub", "sup", "link"]
ResultKind = Literal["score", "gain", "reduction", "speedup", "other"]
#: How plain text marks a subscript or superscript span.
_SCRIPT_MARKS = {"sub": "_", "sup": "^"}
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
    #: What the number is: the method's own `score`, a `gain`, a `reduction` (memory, latency, cost,
    #: error), a `speedup`, or `other` (a baseline's number, a setting, a background statistic).
    kind: ResultKind = "score"
    #: What a gain, reduction or speedup is relative to, when the sentence names it ("LLaMA-2").
    baseline: str = ""


@dataclass(frozen=True)
class Related:
    """Another paper worth reading next, and why, in words."""

    slug: str
    title: str
    reasons: tuple[str, ...]


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
        """Return the cleaned abstract as plain text, sub- and superscripts marked ("10^5", "ε_1")."""
        return "".join(_SCRIPT_MARKS.get(span.kind, "") + span.text for span in self.abstract)

    @property
    def prose(self) -> str:
        """Return the cleaned abstract without its links: the words that say what the paper is."""
        return "".join(span.text for span in self.abstract if span.kind != "link")
