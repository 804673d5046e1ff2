"""Harvest model and dataset names from pinned registry wheels into generator/gazetteer/harvested.yaml."""

from __future__ import annotations

import argparse
import itertools
from collections import Counter
from pathlib import Path

import yaml

from generator.enrich.entities.gazetteer import load_gazetteer
from generator.enrich.entities.harvested import HARVESTED
from generator.harvest.choose import choose, corpus_words, ordinary_words
from generator.harvest.sources import READERS, Listed
from generator.harvest.wheels import PINS, open_wheel

#: The corpus ordinary words are learned from, and the labelled sample of it, left out.
CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "hf_daily_2025H1"
LABELS = Path(__file__).resolve().parents[2] / "benchmarks" / "labels" / "hf2025h1.yaml"
HEADER = """\
# Model and dataset names harvested from maintained registries. Written by `make harvest-names`
# (python -m generator.harvest); do not edit: change the harvester or its rules and run it again.
#
# Each name is as the registry's own text spells it (a model's family with its version or size:
# ResNet-50, ViT-B/16; a dataset as its description writes it: CIFAR-10, CelebA), with `from`: the
# package==version and the registry's identifier it came from; `licences` gives each package's
# licence as its wheel's METADATA states it. Kept only when written with a digit or an inner
# capital, at least three letters long, not on the stoplist (generator/enrich/entities/harvested.py),
# not an ordinary word in the 2025 H1 corpus (lower case twice or more, or in a quarter of its uses;
# its labelled sample left out), a dataset without a digit at least four letters, not of the other
# kind in models.yaml or datasets.yaml, and not both a model and a dataset. A name the gazetteer
# reads is kept (for its other spellings: "resnet50"); where the gazetteer finds a name, its entity
# stays the gazetteer's. $ATLAS_HARVESTED_NAMES=off leaves them out.
"""


def entries(kept: dict[str, list[Listed]]) -> tuple[dict[str, object], dict[str, object]]:
    """Return the models and datasets to write, by name, sorted, each with its family and sources."""
    models: dict[str, object] = {}
    datasets: dict[str, object] = {}
    for items in kept.values():
        # the spelling most listings give, then the first in order
        name = Counter(i.name for i in items).most_common(1)[0][0] if len(items) > 1 else items[0].name
        sources = sorted({i.source for i in items})
        if items[0].kind == "model":
            models[name] = {"family": items[0].family, "from": sources}
        else:
            datasets[name] = {"from": sources}
    return dict(sorted(models.items())), dict(sorted(datasets.items()))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--wheels", type=Path, default=Path("/tmp/paper-atlas-wheels"), help="wheel folder")
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="daily-papers corpus of ordinary words")
    parser.add_argument("--output", type=Path, default=HARVESTED)
    args = parser.parse_args(argv)
    args.wheels.mkdir(parents=True, exist_ok=True)
    wheels = [open_wheel(package, args.wheels) for package in PINS]
    listed = list(itertools.chain.from_iterable(READERS[w.package](w) for w in wheels))
    labelled = yaml.safe_load(LABELS.read_text(encoding="utf-8"))["papers"]
    ordinary = ordinary_words(corpus_words(args.corpus, frozenset(str(e["arxiv"]) for e in labelled)))
    kept, refused = choose(listed, ordinary, load_gazetteer())
    models, datasets = entries(kept)
    document = {"licences": {w.pin: w.licence for w in wheels}, "models": models, "datasets": datasets}
    body = yaml.safe_dump(document, sort_keys=False, allow_unicode=True, width=120, default_flow_style=None)
    args.output.write_text(HEADER + "\n" + body, encoding="utf-8")
    print(f"{len(listed)} names listed, {len(models)} models and {len(datasets)} datasets kept; refused:")
    for reason, count in refused.most_common():
        print(f"  {count:5d}  {reason}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
