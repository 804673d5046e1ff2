"""The curator's taxonomy file: name, merge, pin and split discovered topics.

`data/atlas-topics.yaml` (optional) refers to topics by their slug, the last part of a topic
page's URL (`topics/continual-pre-training/`), and to papers by theirs:

    names:                      # give a topic your own label (and description: else its key phrases)
      continual-pre-training:
        label: Continual pre-training
        description: Adapting trained models to new domains, languages and data.
    merge:                      # fold one topic into another
      domain-adaptation: continual-pre-training
    pin:                        # a paper's primary topic, whatever the clustering says
      mt-ladder: machine-translation
    split:                      # cut a topic into this many new ones (named from their text)
      reasoning: 2

A pin may name a topic that does not exist yet: it is created (name it under `names`).
"""

from __future__ import annotations

from collections.abc import Callable, Set
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import yaml

from generator.model import Problem, Source
from generator.text.slugs import is_slug
from generator.text.yamlerrors import yaml_error

SECTIONS = ("names", "merge", "pin", "split")


@dataclass(frozen=True)
class Taxonomy:
    """The curator's decisions, by topic slug and paper slug."""

    names: dict[str, tuple[str, str]] = field(default_factory=dict)
    merge: dict[str, str] = field(default_factory=dict)
    pin: dict[str, str] = field(default_factory=dict)
    split: dict[str, int] = field(default_factory=dict)

    def apply(
        self, primary: list[str], papers: list[str], cluster: Callable[[np.ndarray, int], list[str]]
    ) -> list[str]:
        """Return each paper's primary topic after merges, splits and pins, in that order."""
        result = [self._merged(t) for t in primary]
        for topic, parts in sorted(self.split.items()):
            members = np.array([i for i, t in enumerate(result) if t == topic], dtype=int)
            if len(members) < 2:
                continue
            for position, part in zip(members, cluster(members, parts), strict=True):
                result[position] = f"#{topic}/{part}"  # a new topic, to be named from its text
        for position, slug in enumerate(papers):
            if slug in self.pin:
                result[position] = self.pin[slug]
        return result

    def _merged(self, topic: str) -> str:
        seen = {topic}
        while topic in self.merge and self.merge[topic] not in seen:
            topic = self.merge[topic]
            seen.add(topic)
        return topic

    def check(self, path: str, topics: Set[str], papers: Set[str]) -> list[Problem]:
        """Warn of references to topics or papers this build does not have.

        `topics` are every topic slug the build met: those found before the taxonomy was applied
        (a merged or split topic is gone after it) and those it ended with.
        """
        problems = []
        for section, mapping in (("names", self.names), ("merge", self.merge), ("split", self.split)):
            for topic in sorted(mapping):
                if topic not in topics and not (section == "merge" and self.merge[topic] in topics):
                    problems.append(_warning(path, f"{section}: no topic {topic!r} in this build; ignored"))
        for paper in sorted(self.pin):
            if paper not in papers:
                problems.append(_warning(path, f"pin: no paper {paper!r} in this build; ignored"))
        return problems


def _warning(path: str, message: str) -> Problem:
    return Problem(Source(path), message, "warning")


def load_taxonomy(path: str, text: str | None) -> tuple[Taxonomy, list[Problem]]:
    """Parse a taxonomy file; a missing file is an empty taxonomy, a broken one an error."""
    if not text:
        return Taxonomy(), []
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as error:
        line, reason = yaml_error(error)
        return Taxonomy(), [Problem(Source(path, line), f"invalid YAML ({reason}); the taxonomy is ignored")]
    if data is None:
        return Taxonomy(), []
    if not isinstance(data, dict) or set(map(str, data)) - set(SECTIONS):
        sections = ", ".join(SECTIONS)
        return Taxonomy(), [Problem(Source(path), f"expected a mapping with the sections {sections}; ignored")]
    problems: list[Problem] = []
    taxonomy = Taxonomy()
    _read_names(_mapping(data, "names", path, problems), taxonomy, path, problems)
    for section, target in (("merge", taxonomy.merge), ("pin", taxonomy.pin)):
        _read_slugs(section, _mapping(data, section, path, problems), target, path, problems)
    _read_splits(_mapping(data, "split", path, problems), taxonomy, path, problems)
    return taxonomy, problems


def _read_names(names: dict[str, Any], taxonomy: Taxonomy, path: str, problems: list[Problem]) -> None:
    """Add the section `names` to `taxonomy`: each topic's label (a text, or one with a description)."""
    for topic, value in names.items():
        if isinstance(value, str):
            value = {"label": value}
        if not isinstance(value, dict) or not isinstance(value.get("label"), str) or not value["label"].strip():
            problems.append(Problem(Source(path), f"names: {topic!r} needs a 'label' text; ignored"))
            continue
        label = value["label"].strip()
        # Without a description of the curator's, the topic's key phrases are found from its papers.
        taxonomy.names[topic] = (label, str(value.get("description") or "").strip())


def _read_slugs(
    section: str, slugs: dict[str, Any], target: dict[str, str], path: str, problems: list[Problem]
) -> None:
    """Add the section `merge` or `pin` to `target`: each key names a topic by its slug."""
    for key, value in slugs.items():
        # A pin may create its topic, whose slug becomes a page's file name: only a slug will do.
        if isinstance(value, str) and is_slug(value.strip()):
            target[key] = value.strip()
        else:
            problems.append(Problem(Source(path), f"{section}: {key!r} must name a topic slug; ignored"))


def _read_splits(splits: dict[str, Any], taxonomy: Taxonomy, path: str, problems: list[Problem]) -> None:
    """Add the section `split` to `taxonomy`: each topic's number of parts, from 2 to 20."""
    for topic, parts in splits.items():
        if isinstance(parts, int) and not isinstance(parts, bool) and 2 <= parts <= 20:
            taxonomy.split[topic] = parts
        else:
            problems.append(Problem(Source(path), f"split: {topic!r} needs a number of parts from 2 to 20; ignored"))


def _mapping(data: dict[Any, Any], section: str, path: str, problems: list[Problem]) -> dict[str, Any]:
    value = data.get(section) or {}
    if not isinstance(value, dict):
        problems.append(Problem(Source(path), f"{section}: expected a mapping; ignored"))
        return {}
    return {str(k): v for k, v in value.items()}
