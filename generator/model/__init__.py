"""The one data model every stage shares: records read, papers built, problems found, records merged.

The project's vocabulary, so every name is imported from here (`from generator.model import Paper`):
`records` (sources, records, problems, merges), `papers` (papers and what is found in them),
`catalog` (the catalog, its taxonomies and terms), `state` (what one build remembers for the next).
It is the bottom layer: its modules import each other, and nothing else of the generator.
"""

from generator.model.catalog import Catalog, FileCount, Term, Vocabulary, VocabularyKind
from generator.model.papers import (
    DatasetName,
    Link,
    LinkKind,
    Mention,
    ModelName,
    Paper,
    Related,
    Result,
    ResultKind,
    Span,
    SpanKind,
)
from generator.model.records import Merged, Problem, Record, Severity, Source
from generator.model.state import KnownTopics, PreviousBuild, RetiredPage, Update

__all__ = [
    "Catalog",
    "DatasetName",
    "FileCount",
    "KnownTopics",
    "Link",
    "LinkKind",
    "Mention",
    "Merged",
    "ModelName",
    "Paper",
    "PreviousBuild",
    "Problem",
    "Record",
    "Related",
    "Result",
    "ResultKind",
    "RetiredPage",
    "Severity",
    "Source",
    "Span",
    "SpanKind",
    "Term",
    "Update",
    "Vocabulary",
    "VocabularyKind",
]
