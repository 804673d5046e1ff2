"""Names harvested from model and dataset registries: the strict rules, the loader, the matcher, the file."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
import yaml

from generator.enrich.clean import clean_abstract
from generator.enrich.entities import extract_entities
from generator.enrich.entities.harvested import (
    HARVESTED,
    STOPLIST,
    SWITCH,
    Harvested,
    add_harvested,
    find_harvested,
    harvest_key,
    harvested_on,
    read_harvested,
    shaped_like_a_name,
    written_as,
)
from generator.identify.papers import identify
from generator.model import DatasetName, ModelName, Record, Source

VIT_B16 = Harvested("ViT-B/16", "model", "ViT", ("timm==1.0.15 vit_base_patch16_224",))
VIT_S = Harvested("ViT-S", "model", "ViT", ("timm==1.0.15 vit_small_patch16_224",))
RESNET50 = Harvested("ResNet-50", "model", "ResNet", ("torchvision==0.22.0 ResNet50_Weights",))
CELEBA = Harvested("CelebA", "dataset", "CelebA", ("tensorflow-datasets==4.9.9 celeb_a",))
UCF101 = Harvested("UCF101", "dataset", "UCF101", ("mteb==1.38.0 UCF101",))
NAMES = {harvest_key(h.name): h for h in (VIT_B16, VIT_S, RESNET50, CELEBA, UCF101)}


@pytest.mark.parametrize(
    ("written", "shaped"),
    [
        ("ResNet-50", True),
        ("CelebA", True),
        ("MNIST", True),
        ("Mixers", False),
        ("mixers", False),
        ("cityscapes", False),
    ],
)
def test_a_name_needs_a_digit_or_an_inner_capital(written, shaped):
    assert shaped_like_a_name(written) is shaped


@pytest.mark.parametrize(
    ("written", "entry", "counts"),
    [
        ("ViT-B/16", VIT_B16, True),
        ("vit-B16", VIT_B16, True),  # the family in any case
        ("ViTs", VIT_S, False),  # a plural, not ViT-S
        ("ViT-S", VIT_S, True),
        ("resnet50", RESNET50, True),
        ("CelebA", CELEBA, True),
        ("celeba", CELEBA, False),
    ],
)
def test_a_name_is_written_as_the_registry_writes_it(written, entry, counts):
    assert written_as(written, entry) is counts


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("We fine-tune ViT-B/16 and ResNet-50 on UCF101.", ["ViT-B/16", "ResNet-50", "UCF101"]),
        ("Plain ViTs and token mixers.", []),
        ("A ViT-B/16. Then ViT-B/16 again", ["ViT-B/16"]),  # once, at a sentence end too
        ("See example.com/ViT-B/16 and model.ViT-S", []),  # inside a path or an identifier
    ],
)
def test_find_harvested_reads_each_name_once(text, found):
    assert [written for written, _ in find_harvested(text, NAMES)] == found


def test_the_stoplist_holds_the_issue_s_false_datasets():
    assert {"LayerNorm", "LayerScale", "CLS", "PAC", "FDA", "RAFT", "CycleGAN"} <= STOPLIST
    names = {harvest_key(w): Harvested(w, "dataset", w, ("x==1 y",)) for w in ("LayerNorm", "CycleGAN")}
    assert find_harvested("LayerNorm and CycleGAN", names) == []


def test_add_harvested_completes_a_cut_name_and_keeps_what_others_found():
    models = (ModelName("ViT-B", "ViT", rule="gazetteer"), ModelName("ResNet-50", "ResNet", rule="gazetteer"))
    datasets = (DatasetName("CelebA", "CelebA", "dataset", "gazetteer"),)
    text = "ViT-B/16 and ResNet-50 on CelebA and UCF101"
    got_models, got_datasets = add_harvested(text, models, datasets, NAMES)
    assert [(m.name, m.rule) for m in got_models] == [("ViT-B/16", "harvested-timm"), ("ResNet-50", "gazetteer")]
    assert [(d.name, d.rule) for d in got_datasets] == [("CelebA", "gazetteer"), ("UCF101", "harvested-mteb")]


def test_add_harvested_leaves_out_what_the_text_calls_another_thing():
    text = "ViT-B/16, a training framework, and tools such as UCF101, evaluated"
    assert add_harvested(text, (), (), NAMES) == ((), ())


def test_read_harvested_keys_every_entry(tmp_path: Path):
    path = tmp_path / "harvested.yaml"
    path.write_text(
        "licences: {timm==1.0.15: Apache-2.0}\n"
        "models:\n  ViT-B/16: {family: ViT, from: [timm==1.0.15 vit_base_patch16_224]}\n"
        "datasets:\n  UCF101: {from: [mteb==1.38.0 UCF101]}\n",
        encoding="utf-8",
    )
    names = read_harvested(path)
    assert names["vitb16"] == Harvested("ViT-B/16", "model", "ViT", ("timm==1.0.15 vit_base_patch16_224",))
    assert names["ucf101"].rule == "harvested-mteb"
    assert read_harvested(tmp_path / "missing.yaml") == {}


def test_the_shipped_file_is_sorted_and_every_entry_has_provenance():
    loaded = yaml.safe_load(HARVESTED.read_text(encoding="utf-8"))
    licences = loaded["licences"]
    assert all(licences.values())
    for section in ("models", "datasets"):
        entries = loaded[section]
        assert list(entries) == sorted(entries), f"{section} are not sorted"
        for name, entry in entries.items():
            assert entry["from"] and entry["from"] == sorted(entry["from"]), name
            assert all(source.split(" ")[0] in licences for source in entry["from"]), name
            assert shaped_like_a_name(name) and name not in STOPLIST, name
            if section == "models":  # a family counts only with a version or a size
                assert name.startswith(entry["family"]) and name != entry["family"], name


def test_the_shipped_keys_are_one_entry_each():
    loaded = yaml.safe_load(HARVESTED.read_text(encoding="utf-8"))
    keys = Counter(harvest_key(n) for section in ("models", "datasets") for n in loaded[section])
    assert [k for k, n in keys.items() if n > 1] == []


@pytest.mark.parametrize(("value", "on"), [(None, True), ("on", True), ("off", False), ("OFF", False), ("0", False)])
def test_the_switch_is_on_unless_turned_off(monkeypatch, value, on):
    if value is None:
        monkeypatch.delenv(SWITCH, raising=False)
    else:
        monkeypatch.setenv(SWITCH, value)
    assert harvested_on() is on


def test_extraction_adds_harvested_names_only_when_switched_on(monkeypatch):
    record = Record("Token mixers", "We train token mixers on Tiny-ImageNet and UCF-101.", Source("x.txt", 1))
    paper = clean_abstract(identify(record))
    monkeypatch.setenv(SWITCH, "off")
    assert "UCF-101" not in [d.name for d in extract_entities(paper).datasets]
    monkeypatch.setenv(SWITCH, "on")
    found = {d.name: d.rule for d in extract_entities(paper).datasets}
    assert found.get("UCF-101", "").startswith("harvested-")
