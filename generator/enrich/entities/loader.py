"""Read the gazetteer's files (`generator/gazetteer/*.yaml`) into typed entries.

One file per kind: models, datasets, domains, metrics, each documented at its top. A bad entry
(a wrong type, an unknown key, a name or spelling given twice), or a file that is not YAML, is
left out and reported as a `Problem` naming its file and line; the build reports them with the
data's problems and goes on with the rest of the gazetteer.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, TypeVar

import yaml

from generator.model import Problem, Source
from generator.text.yamlerrors import yaml_error

#: The folder of the gazetteer's files, beside the generator's code.
GAZETTEER = Path(__file__).resolve().parents[2] / "gazetteer"
#: The project's folder, which a problem's file is named from.
_PROJECT = GAZETTEER.parents[1]
DatasetKind = Literal["benchmark", "dataset"]
Entry = TypeVar("Entry")


@dataclass(frozen=True)
class Family:
    """A model family and the spellings a paper uses for it (models.yaml)."""

    name: str
    spellings: tuple[str, ...]
    #: A family too common a word to count alone: only with a version or a size ("Yi-34B").
    strict: bool = False
    #: Spellings counted only as a strict family's are (API names: "claude", "gemini").
    strict_spellings: tuple[str, ...] = ()


@dataclass(frozen=True)
class Dataset:
    """A benchmark or dataset and its spellings (datasets.yaml)."""

    name: str
    kind: DatasetKind
    spellings: tuple[str, ...]
    #: Its spellings are English words in other letters (ReCoRD): found only as written.
    spells_a_word: bool = False


@dataclass(frozen=True)
class Domain:
    """A domain and the lower-case words and phrases that name it (domains.yaml)."""

    name: str
    words: tuple[str, ...]


@dataclass(frozen=True)
class GazetteerData:
    """Every entry of the gazetteer, in the order of its files."""

    families: tuple[Family, ...] = ()
    datasets: tuple[Dataset, ...] = ()
    domains: tuple[Domain, ...] = ()
    metrics: tuple[str, ...] = ()


class _Bad(Exception):
    """An entry that cannot be used, and why."""


def _strings(value: Any, what: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not value or not all(isinstance(s, str) and s for s in value):
        raise _Bad(f"{what} must be a list of one or more names")
    return tuple(value)


def _flag(value: Any, what: str) -> bool:
    if not isinstance(value, bool):
        raise _Bad(f"{what} must be true or false")
    return value


def _keys(value: dict[str, Any], known: tuple[str, ...], required: tuple[str, ...]) -> None:
    unknown = sorted(str(k) for k in value if k not in known)
    if unknown:
        raise _Bad(f"unknown key {', '.join(unknown)} (known: {', '.join(known)})")
    missing = [k for k in required if k not in value]
    if missing:
        raise _Bad(f"missing key {', '.join(missing)}")


def _family(name: str, value: Any) -> Family:
    if isinstance(value, list):
        return Family(name, _strings(value, "the spellings"))
    if not isinstance(value, dict):
        raise _Bad("a family is a list of spellings or a mapping with `spellings`")
    _keys(value, ("spellings", "strict", "strict_spellings"), ("spellings",))
    return Family(
        name,
        _strings(value["spellings"], "spellings"),
        _flag(value.get("strict", False), "strict"),
        _strings(value["strict_spellings"], "strict_spellings") if "strict_spellings" in value else (),
    )


def _dataset(name: str, value: Any) -> Dataset:
    if not isinstance(value, dict):
        raise _Bad("a dataset is a mapping with `kind` and `spellings`")
    _keys(value, ("kind", "spellings", "spells_a_word"), ("kind", "spellings"))
    kind = value["kind"]
    if kind not in ("benchmark", "dataset"):
        raise _Bad(f"kind must be benchmark or dataset, not {kind!r}")
    return Dataset(
        name, kind, _strings(value["spellings"], "spellings"), _flag(value.get("spells_a_word", False), "spells_a_word")
    )


def _domain(name: str, value: Any) -> Domain:
    return Domain(name, _strings(value, "the words"))


class _File:
    """One gazetteer file as YAML nodes, to report a bad entry with its line."""

    def __init__(self, folder: Path, stem: str, problems: list[Problem]) -> None:
        self.path = folder / f"{stem}.yaml"
        inside = self.path.is_relative_to(_PROJECT)
        self.shown = self.path.relative_to(_PROJECT).as_posix() if inside else str(self.path)
        self.problems = problems
        self._loader = yaml.SafeLoader(self.path.read_text(encoding="utf-8"))
        #: False for a file that is not YAML: reported once, and none of it is read.
        self.readable = True
        self.root: yaml.Node | None = None
        try:
            self.root = self._loader.get_single_node()
        except yaml.YAMLError as error:
            line, reason = yaml_error(error)
            problems.append(Problem(Source(self.shown, line), f"invalid YAML ({reason}); the file is left out"))
            self.readable = False
        finally:
            self._loader.dispose()

    def problem(self, node: yaml.Node, message: str) -> None:
        self.problems.append(Problem(Source(self.shown, node.start_mark.line + 1), message))

    def value(self, node: yaml.Node) -> Any:
        return self._loader.construct_object(node, deep=True)

    def entries(self, read: Callable[[str, Any], Entry]) -> list[tuple[Entry, yaml.Node]]:
        """Return each entry of a file that maps names to entries, with its key's node."""
        if not self.readable:
            return []
        if not isinstance(self.root, yaml.MappingNode):
            self.problems.append(Problem(Source(self.shown, 1), "expected a mapping of names to entries"))
            return []
        found: list[tuple[Entry, yaml.Node]] = []
        seen: set[str] = set()
        for key, value in self.root.value:
            name = self.value(key)
            if not isinstance(name, str) or name in seen:
                self.problem(key, f"{name!r} is not a name" if not isinstance(name, str) else f"{name} is given twice")
                continue
            seen.add(name)
            try:
                found.append((read(name, self.value(value)), key))
            except _Bad as bad:
                self.problem(key, f"{name}: {bad}")
        return found

    def names(self) -> list[str]:
        """Return the names of a file that is a list of names (metrics)."""
        if not self.readable:
            return []
        if not isinstance(self.root, yaml.SequenceNode):
            self.problems.append(Problem(Source(self.shown, 1), "expected a list of names"))
            return []
        found = []
        for node in self.root.value:
            value = self.value(node)
            if isinstance(value, str) and value:
                found.append(value)
            else:
                self.problem(node, f"{value!r} is not a name")
        return found


def _spelt_once(files: list[tuple[_File, list[tuple[tuple[str, ...], yaml.Node]]]]) -> None:
    """Report a spelling a second entry gives (of models or datasets): the last would silently win."""
    owner: dict[str, str] = {}
    for file, entries in files:
        for spellings, node in entries:
            for spelling in spellings:
                if spelling in owner:
                    file.problem(node, f"the spelling {spelling} is also {owner[spelling]}'s")
                owner.setdefault(spelling, file.value(node))


def read_gazetteer(folder: Path = GAZETTEER) -> tuple[GazetteerData, list[Problem]]:
    """Return the gazetteer's entries, and a Problem for each bad one (left out)."""
    problems: list[Problem] = []
    models, datasets = _File(folder, "models", problems), _File(folder, "datasets", problems)
    families = models.entries(_family)
    sets = datasets.entries(_dataset)
    _spelt_once(
        [
            (models, [((*f.spellings, *f.strict_spellings), node) for f, node in families]),
            (datasets, [(d.spellings, node) for d, node in sets]),
        ]
    )
    data = GazetteerData(
        families=tuple(f for f, _ in families),
        datasets=tuple(d for d, _ in sets),
        domains=tuple(d for d, _ in _File(folder, "domains", problems).entries(_domain)),
        metrics=tuple(_File(folder, "metrics", problems).names()),
    )
    return data, problems
