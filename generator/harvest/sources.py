"""What each registry lists, read from its wheel's files without importing them: a name, its kind,
its family and the identifier the registry gives it."""

from __future__ import annotations

import ast
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from generator.enrich.entities.harvested import HarvestedKind, harvest_key, shaped_like_a_name
from generator.harvest.spelling import model_spellings, torchvision_spelling
from generator.harvest.wheels import Wheel

_WORD = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:[-.][A-Za-z0-9]+)*")
#: The types of mteb's tasks its task names end with ("Banking77Classification" is Banking77).
_MTEB_TASK_TYPE = re.compile(
    r"(?:PairClassification|MultilabelClassification|Classification|InstructionRetrieval|Retrieval|Reranking"
    r"|Clustering|ClusteringP2P|ClusteringS2S|BitextMining|Summarization|STS|Any2AnyRetrieval|ZeroShot)+$"
)


@dataclass(frozen=True)
class Listed:
    """A name a registry lists, with its kind, its family (a model's) and its source."""

    name: str
    kind: HarvestedKind
    family: str
    #: "package==version identifier".
    source: str


def spellings_in(texts: Iterable[str]) -> Counter[str]:
    """Return the words a package's own text writes, counted."""
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update(_WORD.findall(text))
    return counts


def _decorated(node: ast.FunctionDef, name: str) -> bool:
    return any(
        (isinstance(d, ast.Name) and d.id == name) or (isinstance(d, ast.Attribute) and d.attr == name)
        for d in node.decorator_list
    )


def timm_models(wheel: Wheel) -> Iterator[Listed]:
    """Yield timm's models: the functions its modules register (`@register_model def resnet50`), spelt
    with the family as the module's own text writes it ("ResNet")."""
    for path, text in sorted(wheel.files.items()):
        if not (path.startswith("timm/models/") and path.endswith(".py")):
            continue
        spelt = spellings_in([text])
        for node in ast.parse(text).body:
            if isinstance(node, ast.FunctionDef) and _decorated(node, "register_model"):
                for name, family in model_spellings(node.name, spelt):
                    yield Listed(name, "model", family, f"{wheel.pin} {node.name}")


def torchvision_models(wheel: Wheel) -> Iterator[Listed]:
    """Yield torchvision's models: its weights' classes (`ViT_B_16_Weights` is ViT-B/16)."""
    for path, text in sorted(wheel.files.items()):
        if not (path.startswith("torchvision/models/") and path.endswith(".py")):
            continue
        for node in ast.parse(text).body:
            if isinstance(node, ast.ClassDef) and node.name.endswith("_Weights"):
                bases = {b.id for b in node.bases if isinstance(b, ast.Name)}
                spelling = torchvision_spelling(node.name) if "WeightsEnum" in bases else None
                if spelling:
                    yield Listed(spelling[0], "model", spelling[1], f"{wheel.pin} {node.name}")


def _snake(name: str) -> str:
    """Return a builder class's name as tfds registers it ("Cifar10" -> "cifar10", "CelebA" -> "celeb_a")."""
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", name).lower()


#: The classes a tfds dataset's builder derives from (a `BuilderConfig` is no dataset).
_BUILDER = re.compile(
    r"(?:GeneratorBased|BeamBased|Dataset|ImageClassification)Builder$|\.(?:Cifar10|Imagenet2012|Wmt)\w*$"
)


def prose(text: str) -> str:
    """Return the prose of a file: a README whole, a Python module's strings (its docstrings, its
    descriptions and citations), not its code, whose class names are no paper's spellings."""
    if not text.lstrip().startswith(("#", '"""', "from", "import", "class", "def", "_")):
        return text
    try:
        tree = ast.parse(text)
    except SyntaxError:
        return text
    return "\n".join(n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str))


def _tfds_builders(wheel: Wheel) -> dict[str, list[str]]:
    """Return tfds's builder names, each with the texts that describe it (its folder's or module's)."""
    builders: dict[str, list[str]] = {}
    for path, text in sorted(wheel.files.items()):
        parts = path.split("/")
        if len(parts) == 4 and parts[1] == "datasets" and not parts[3].endswith("_test.py"):
            builders.setdefault(parts[2], []).append(text)
        elif len(parts) == 3 and path.endswith(".py") and not path.endswith("_test.py") and parts[1] != "core":
            for node in ast.parse(text).body:
                if isinstance(node, ast.ClassDef) and any(_BUILDER.search(ast.unparse(b)) for b in node.bases):
                    builders.setdefault(_snake(node.name), []).append(text)
    return builders


def tfds_datasets(wheel: Wheel) -> Iterator[Listed]:
    """Yield tfds's datasets: each builder's name as its own description writes it (cifar10 is written
    "CIFAR-10", celeb_a "CelebA"); a builder whose text never writes its name is left out."""
    for builder, texts in sorted(_tfds_builders(wheel).items()):
        key = harvest_key(builder)
        spelt = spellings_in(prose(t) for t in texts).items()
        written = [(n, w) for w, n in spelt if harvest_key(w) == key and w != builder and shaped_like_a_name(w)]
        if written:
            name = max(written)[1]
            yield Listed(name, "dataset", name, f"{wheel.pin} {builder}")


def mteb_datasets(wheel: Wheel) -> Iterator[Listed]:
    """Yield mteb's tasks as datasets: each `TaskMetadata(name=...)` without its task type
    ("Banking77Classification" is Banking77)."""
    for path, text in sorted(wheel.files.items()):
        if not (path.startswith("mteb/tasks/") and path.endswith(".py")):
            continue
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "TaskMetadata":
                for keyword in node.keywords:
                    if keyword.arg == "name" and isinstance(keyword.value, ast.Constant):
                        task = str(keyword.value.value)
                        name = _MTEB_TASK_TYPE.sub("", re.sub(r"\.v\d+$", "", task))
                        if name and re.fullmatch(r"[A-Za-z][A-Za-z0-9]*(?:[-.][A-Za-z0-9]+)*", name):
                            yield Listed(name, "dataset", name, f"{wheel.pin} {task}")


#: Each registry's reader, by package.
READERS = {
    "timm": timm_models,
    "torchvision": torchvision_models,
    "tensorflow-datasets": tfds_datasets,
    "mteb": mteb_datasets,
}
