"""Names harvested from maintained model and dataset registries (`generator/gazetteer/harvested.yaml`).

`make harvest-names` (`python -m generator.harvest`) writes the file from the name lists that packages
such as timm, torchvision and tensorflow-datasets ship, each entry with the package, version and
identifier it came from; nothing here reads a package. A name counts only as written with a digit or
a capital after its first letter (ResNet-50, ViT-B/16, CelebA, not "mixers"), and not as a word of the
stoplist. It is found by a dict look-up of each name-shaped word of a text, with case, hyphens, dots
and slashes ignored ("resnet50", "ResNet-50"), and only where the other rules found nothing: what the
gazetteer reads stays as it reads it. `$ATLAS_HARVESTED_NAMES=off` leaves them out (on by default:
on the labelled sets every name they added was right; benchmarks/HARVESTED.md).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Literal

import yaml

from generator.config import switch
from generator.enrich.entities.loader import GAZETTEER
from generator.enrich.entities.words import called_other_than_a_model, said_to_be_a_tool
from generator.model import DatasetName, ModelName
from generator.text.names import COMMON_ACRONYMS, normalise_name

HARVESTED = GAZETTEER / "harvested.yaml"
#: The switch: "off" leaves the harvested names out of what the extractor finds.
SWITCH = "ATLAS_HARVESTED_NAMES"
HarvestedKind = Literal["model", "dataset"]
#: Spellings a registry lists that papers use for other things: layers, tokens, learning theory,
#: agencies, methods (LayerNorm, CLS, PAC, FDA, RAFT, CycleGAN are no datasets).
_STOPLIST = """LayerNorm LayerScale CLS PAC FDA RAFT CycleGAN GELU ReLU SiLU BatchNorm GroupNorm RMSNorm SwiGLU MLP
FFN EMA SGD AdamW KL GAN VAE PCA SVD NeRF GPT BERT LoRA"""
STOPLIST = frozenset(_STOPLIST.split())
#: A word as a harvested name may be written: letters and digits, parts after a hyphen, dot or slash.
_TOKEN = re.compile(r"(?<![\w./-])[A-Za-z][A-Za-z0-9]*(?:[-./][A-Za-z0-9]+)*(?![\w-]|[./]\w)")
_NOT_IN_A_KEY = re.compile(r"[-_./\s]")


@functools.lru_cache(maxsize=1 << 16)
def harvest_key(name: str) -> str:
    """Return the look-up key of a name: lower case, no hyphen, underscore, dot, slash or space."""
    return _NOT_IN_A_KEY.sub("", name.lower())


def shaped_like_a_name(written: str) -> bool:
    """Return whether a word is written as a name: a digit, or a capital after its first letter."""
    return any(c.isdigit() for c in written) or any(c.isupper() for c in written[1:])


@dataclass(frozen=True)
class Harvested:
    """A harvested name: its spelling, kind, family (a model's) and where it came from."""

    name: str
    kind: HarvestedKind
    family: str
    #: "package==version identifier", one for each registry that lists it.
    sources: tuple[str, ...]

    @property
    def rule(self) -> str:
        """Return the rule an entity found by this name records: "harvested-" and its first package."""
        return "harvested-" + self.sources[0].split("==")[0]


def read_harvested(path: Path = HARVESTED) -> dict[str, Harvested]:
    """Return the harvested names by look-up key (a missing file is no names)."""
    if not path.exists():
        return {}
    loaded = yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    by_key: dict[str, Harvested] = {}
    sections: tuple[tuple[HarvestedKind, str], ...] = (("model", "models"), ("dataset", "datasets"))
    for kind, section in sections:
        for name, entry in (loaded.get(section) or {}).items():
            by_key[harvest_key(name)] = _entry(name, kind, entry)
    return by_key


def _entry(name: str, kind: HarvestedKind, entry: dict[str, Any]) -> Harvested:
    sources = entry["from"]
    return Harvested(name, kind, str(entry.get("family", name)), tuple(sources))


@functools.cache
def _shipped() -> dict[str, Harvested]:
    return read_harvested()


def harvested_on() -> bool:
    """Return whether the harvested names are used: unless `$ATLAS_HARVESTED_NAMES` is off."""
    return switch(SWITCH, default=True)


def written_as(written: str, entry: Harvested) -> bool:
    """Return whether a word writes a harvested name: shaped like a name, the family in any case, what
    follows it as the registry writes it ("resnet50" is ResNet-50, "ViTs" is not ViT-S)."""
    if not shaped_like_a_name(written):
        return False
    bare, name = _NOT_IN_A_KEY.sub("", written), _NOT_IN_A_KEY.sub("", entry.name)
    head = len(_NOT_IN_A_KEY.sub("", entry.family)) if entry.kind == "model" else len(name)
    return bare[head:] == name[head:]


def find_harvested(text: str, names: dict[str, Harvested] | None = None) -> list[tuple[str, Harvested]]:
    """Return each harvested name a text writes (as written, with its entry), in text order, once."""
    table = _shipped() if names is None else names
    found: dict[str, tuple[str, Harvested]] = {}
    for written in _TOKEN.findall(text):
        entry = table.get(harvest_key(written))
        if entry and written_as(written, entry) and written not in STOPLIST and written not in COMMON_ACRONYMS:
            found.setdefault(harvest_key(written), (written, entry))
    return list(found.values())


def add_harvested(
    text: str,
    models: tuple[ModelName, ...],
    datasets: tuple[DatasetName, ...],
    names: dict[str, Harvested] | None = None,
) -> tuple[tuple[ModelName, ...], tuple[DatasetName, ...]]:
    """Return the models and datasets with the harvested names the others do not hold added.

    A model the other rules cut short ("ViT-B" of "ViT-B/16") is replaced by the whole name; a name
    the text calls a framework or a tool is left out, as the other rules leave it out.
    """
    known = {normalise_name(m.name) for m in models} | {normalise_name(d.name) for d in datasets}
    more_models, more_datasets = list(models), list(datasets)
    for written, entry in find_harvested(text, names):
        if normalise_name(written) in known:
            continue
        known.add(normalise_name(written))
        if entry.kind == "dataset" and not said_to_be_a_tool(text, written):
            more_datasets.append(DatasetName(written, entry.name, "dataset", entry.rule))
        elif entry.kind == "model" and not called_other_than_a_model(text, written):
            model = ModelName(written, entry.family, rule=entry.rule)
            more_models = _replace_cut(more_models, model)
    return tuple(more_models), tuple(more_datasets)


def _replace_cut(models: Iterable[ModelName], model: ModelName) -> list[ModelName]:
    """Return the models with one whose name the new one begins ("ViT-B" of "ViT-B/16") replaced by it,
    or with the new one added last."""
    kept = list(models)
    for i, other in enumerate(kept):
        if model.name.startswith(other.name) and not model.name[len(other.name)].isalnum():
            kept[i] = replace(model)
            return kept
    return [*kept, model]
