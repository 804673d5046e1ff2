"""What the state file remembers from one build to the next: topics, related papers, updates, retired pages."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field


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
    #: Paper slug -> its place on the map (x, y).
    positions: Mapping[str, tuple[float, float]] = field(default_factory=dict)


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
