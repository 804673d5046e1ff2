"""Rules as data: each way a text says a name is a model or a dataset, named, with its examples.

A rule is a pattern, a guard that may refuse a match, and what a match names; one loop runs a
kind's rules in their order, and each name it returns carries the rule that said it, so every
entity in `papers.json` says which rule found it and `make quality` measures each rule's precision.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Literal

from generator.enrich.entities.gazetteer import Gazetteer
from generator.text.sentences import sentences

EntityKind = Literal["model", "dataset"]


@dataclass(frozen=True)
class Scene:
    """What a rule may read besides its match: the whole text, the gazetteer, and the normalised
    names found before the rules ran (the gazetteer's, and for models the coined names with a size)."""

    text: str
    gazetteer: Gazetteer
    known: frozenset[str]


#: What a match names: each name with its family (a model's) or its kind (a dataset's).
Reader = Callable[[re.Match[str], Scene], Iterable[tuple[str, str]]]
Guard = Callable[[re.Match[str], Scene], bool]


def the_name(match: re.Match[str], scene: Scene) -> list[tuple[str, str]]:
    """Read the `name` group as a model of its own family."""
    return [(match.group("name"), match.group("name"))]


def always(match: re.Match[str], scene: Scene) -> bool:
    return True


@dataclass(frozen=True)
class Example:
    """A text a rule reads `name` from (or, with `found=False`, one where its guard keeps it out)."""

    text: str
    name: str
    found: bool = True


@dataclass(frozen=True)
class Rule:
    """One way a text says a name is a model or a dataset."""

    #: A short stable identifier, written into papers.json with each entity the rule finds.
    name: str
    kind: EntityKind
    pattern: re.Pattern[str]
    read: Reader = the_name
    guard: Guard = always
    examples: tuple[Example, ...] = ()
    #: A cheap test of the whole text before the pattern is tried (scanning every abstract costs).
    needs: Callable[[str], bool] | None = None
    #: Read sentence by sentence (a match is then in `match.string`, a sentence).
    per_sentence: bool = False


@dataclass(frozen=True)
class Said:
    """A name a rule read, with its family or kind, and the rule."""

    name: str
    detail: str
    rule: str


def apply_rules(rules: Iterable[Rule], scene: Scene) -> list[Said]:
    """Return what the rules say, rule by rule in their order, each rule's names in text order."""
    said: list[Said] = []
    for rule in rules:
        if rule.needs and not rule.needs(scene.text):
            continue
        for text in sentences(scene.text) if rule.per_sentence else (scene.text,):
            for match in rule.pattern.finditer(text):
                if rule.guard(match, scene):
                    said += [Said(name, detail, rule.name) for name, detail in rule.read(match, scene)]
    return said
