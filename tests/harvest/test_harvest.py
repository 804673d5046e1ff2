"""The harvester: how registry identifiers are spelt, what each registry's files list, which names are kept."""

from __future__ import annotations

from collections import Counter

import pytest

from generator.enrich.entities import load_gazetteer
from generator.harvest.choose import choose, ordinary_words, refusal
from generator.harvest.sources import Listed, mteb_datasets, prose, tfds_datasets, timm_models, torchvision_models
from generator.harvest.spelling import model_spellings, torchvision_spelling
from generator.harvest.wheels import Wheel, licence

SPELT = Counter({"ViT": 5, "VIT": 1, "ResNet": 4, "Resnet": 9, "ConvNeXt": 2, "MobileNet": 3, "CaiT": 1, "Cait": 3})


@pytest.mark.parametrize(
    ("identifier", "spellings"),
    [
        ("vit_base_patch16_224", ["ViT-B", "ViT-Base", "ViT-B/16", "ViT-Base/16"]),
        ("resnet50", ["ResNet-50"]),  # the most capitals the package writes, not its commonest spelling
        ("convnext_tiny", ["ConvNeXt-T", "ConvNeXt-Tiny"]),
        ("mobilenetv3_large_100", ["MobileNetV3", "MobileNetV3-L", "MobileNetV3-Large"]),
        ("cait_s24_224", ["CaiT-S24"]),
        ("tf_resnet50", ["ResNet-50"]),  # where the weights came from is no part of the name
        ("resnet", []),  # a bare family
        ("convnext", []),
        ("alexnet", []),  # a family the package never writes with a capital
        ("test_vit", []),
    ],
)
def test_timm_identifiers_are_spelt_as_papers_write_them(identifier, spellings):
    assert [s for s, _ in model_spellings(identifier, SPELT)] == spellings


@pytest.mark.parametrize(
    ("weights", "spelling"),
    [
        ("ViT_B_16_Weights", ("ViT-B/16", "ViT")),
        ("ResNet50_Weights", ("ResNet-50", "ResNet")),
        ("Swin_V2_T_Weights", ("SwinV2-T", "Swin")),
        ("RegNet_Y_1_6GF_Weights", ("RegNetY-1.6GF", "RegNet")),
        ("SqueezeNet1_0_Weights", ("SqueezeNet-1.0", "SqueezeNet")),
        ("AlexNet_Weights", None),  # a bare family
        ("FasterRCNN_ResNet50_FPN_Weights", None),  # a model built of others
    ],
)
def test_torchvision_weights_classes_are_spelt_as_papers_write_them(weights, spelling):
    assert torchvision_spelling(weights) == spelling


@pytest.mark.parametrize(
    ("metadata", "expected"),
    [
        ("Name: x\nLicense-Expression: Apache-2.0\n", "Apache-2.0"),
        ("Name: x\nLicense: BSD\n", "BSD"),
        ("Name: x\nClassifier: License :: OSI Approved :: MIT License\n", "MIT License"),
        ("Name: x\n", "unknown"),
    ],
)
def test_the_licence_is_read_from_the_wheels_metadata(metadata, expected):
    assert licence(metadata) == expected


def wheel(files: dict[str, str], package: str = "pkg") -> Wheel:
    return Wheel(package, "1.0", "MIT", files)


def test_timm_lists_its_registered_functions():
    module = '"""ViT: Vision Transformer"""\n@register_model\ndef vit_small_patch16_224(): ...\ndef helper(): ...\n'
    names = [(x.name, x.family, x.source) for x in timm_models(wheel({"timm/models/vit.py": module}))]
    assert names[0] == ("ViT-S", "ViT", "pkg==1.0 vit_small_patch16_224")
    assert len(names) == 4


def test_torchvision_lists_its_weights_enums():
    module = "class ViT_B_16_Weights(WeightsEnum): ...\nclass Other_Weights(object): ...\n"
    assert [x.name for x in torchvision_models(wheel({"torchvision/models/vit.py": module}))] == ["ViT-B/16"]


def test_tfds_builders_are_named_as_their_description_writes_them():
    module = (
        'class Cifar10(tfds.core.GeneratorBasedBuilder):\n  """CIFAR-10."""\n'
        "class Cifar10Config(tfds.core.BuilderConfig): ...\n"
        'class Plain(tfds.core.GeneratorBasedBuilder):\n  """The plain dataset."""\n'
    )
    files = {
        "tensorflow_datasets/image_classification/cifar.py": module,
        "tensorflow_datasets/datasets/celeb_a/README.md": "CelebA is a face dataset.",
    }
    assert [(x.name, x.source) for x in tfds_datasets(wheel(files))] == [
        ("CelebA", "pkg==1.0 celeb_a"),
        ("CIFAR-10", "pkg==1.0 cifar10"),
    ]


def test_prose_is_a_modules_strings_not_its_code():
    assert prose('class Cifar10Corrupted:\n    """CIFAR-10-C."""\n').split() == ["CIFAR-10-C."]


def test_mteb_tasks_are_named_without_their_task_type():
    module = 'TaskMetadata(name="Banking77Classification")\nTaskMetadata(name="Touche2020Retrieval.v3")\n'
    names = [x.name for x in mteb_datasets(wheel({"mteb/tasks/x.py": module}))]
    assert names == ["Banking77", "Touche2020"]


def test_ordinary_words_are_those_the_corpus_writes_in_lower_case():
    words = Counter(
        {"mixers": 3, "Mixers": 1, "CelebA": 5, "celeba": 1, "Gap": 1, "gap": 1, "ViT-S16": 1, "vit-s16": 9}
    )
    assert ordinary_words(words) == frozenset({"mixers", "gap"})


@pytest.mark.parametrize(
    ("name", "kind", "reason"),
    [
        ("UCF101", "dataset", ""),
        ("CelebA", "dataset", ""),
        ("Cityscapes", "dataset", "no digit or inner capital"),
        ("PSC", "dataset", "too short"),
        ("T2", "dataset", "too short"),
        ("LayerNorm", "dataset", "stoplist"),
        ("Mixer-S", "model", "an ordinary word in the corpus"),
        ("GPT-3", "dataset", "a model in the gazetteer"),
        ("GSM8K", "model", "a dataset in the gazetteer"),
        ("ViT-B/16", "model", ""),
    ],
)
def test_the_strict_rules_refuse_names(name, kind, reason):
    listed = Listed(name, kind, name.split("-")[0], "pkg==1.0 x")
    assert refusal(listed, frozenset({"mixers"}), load_gazetteer()) == reason


def test_a_key_listed_as_a_model_and_as_a_dataset_is_refused():
    listed = [Listed("Foo-10", "model", "Foo", "a==1 foo10"), Listed("FOO10", "dataset", "FOO10", "b==1 foo10")]
    listed.append(Listed("Bar-50", "model", "Bar", "a==1 bar50"))
    kept, refused = choose(listed, frozenset(), load_gazetteer())
    assert list(kept) == ["bar50"] and refused == Counter({"both a model and a dataset": 2})
