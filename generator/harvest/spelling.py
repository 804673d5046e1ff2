"""How papers spell a registry's model identifiers: `vit_base_patch16_224` is ViT-B/16 and ViT-Base/16,
`resnet50` ResNet-50, `ViT_B_16_Weights` ViT-B/16. Only a family with a version or a size is spelt:
a bare family ("ResNet", `alexnet`) is no harvested name."""

from __future__ import annotations

import re
from collections import Counter

#: A model's size words as identifiers write them, and the letter papers abbreviate them to.
SIZE_WORDS = {
    "tiny": "T",
    "small": "S",
    "base": "B",
    "medium": "M",
    "large": "L",
    "huge": "H",
    "giant": "g",
}
#: Prefixes of timm's identifiers that say where weights came from, not what the model is.
_ORIGIN_PREFIXES = ("tf", "gluon", "legacy", "timm")
_HEAD = re.compile(r"(?P<family>[a-z]+?)(?P<version>v\d+|\d+)?")
#: A size code after the family: "b0" (EfficientNet-B0), "s24" (CaiT-S24), "w64" (HRNet-W64), "xs".
_SIZE_CODE = re.compile(r"[a-z]\d{1,3}|x{1,2}s")
_PATCH = re.compile(r"patch(\d+)")
_CAMEL_HEAD = re.compile(r"(?P<family>[A-Z][A-Za-z]*?[a-zA-Z])(?P<number>\d+(?:\.\d+)?)?")


def cased(word: str, spelt: Counter[str]) -> str | None:
    """Return how a package's text most often writes a lower-case word with a capital ("ResNet")."""
    mixed = [(sum(c.isupper() for c in w), n, w) for w, n in spelt.items() if w.lower() == word and w != word]
    # A mixed case first, the most capitals ("CaiT" over "Cait"), then the commonest; capitals only last.
    written = [m for m in mixed if not m[2].isupper()] or mixed
    return max(written)[2] if written else None


def _size(parts: list[str], versioned: bool) -> tuple[str, str]:
    """Return the first size among an identifier's parts, as a word and as a letter ("Base", "B")."""
    for part in parts:
        if part in SIZE_WORDS:
            return part.capitalize(), SIZE_WORDS[part]
        if _SIZE_CODE.fullmatch(part):
            return "", part.upper()
        if part.isdigit() and not versioned and len(part) <= 3:
            return "", part
    return "", ""


def model_spellings(identifier: str, spelt: Counter[str]) -> list[tuple[str, str]]:
    """Return a timm identifier's spellings with their family, the family cased as `spelt` writes it."""
    parts = identifier.split("_")
    while parts and parts[0] in _ORIGIN_PREFIXES:
        parts = parts[1:]
    head = _HEAD.fullmatch(parts[0]) if parts and parts[0] != "test" else None
    family = cased(head.group("family"), spelt) if head else None
    if not head or not family:
        return []
    version = head.group("version") or ""
    word, letter = _size(parts[1:], bool(version))
    if not version and not letter:
        return []  # a bare family
    stem = family + (version.upper() if version.startswith("v") else f"-{version}" if version else "")
    patch = next((m.group(1) for p in parts[1:] if (m := _PATCH.fullmatch(p))), "")
    sized = [f"{stem}-{s}" for s in (letter, word) if s] if letter else []
    if sized and patch and int(patch) >= 8:
        sized += [f"{s}/{patch}" for s in sized]
    # a versioned family is a name alone too ("MobileNetV4" of mobilenetv4_conv_small)
    return [(s, family) for s in ([stem] if version else []) + sized]


def torchvision_spelling(weights_class: str) -> tuple[str, str] | None:
    """Return the spelling and family of a torchvision weights class ("ViT_B_16_Weights" is ViT-B/16,
    "Swin_V2_T_Weights" SwinV2-T, "ResNet50_Weights" ResNet-50), or None for a bare family or a model
    built of others ("FasterRCNN_ResNet50_FPN_Weights")."""
    # "SqueezeNet1_0" is SqueezeNet 1.0, "RegNet_Y_1_6GF" RegNetY-1.6GF
    parts = re.sub(r"(?<=\d)_(?=\d)", ".", weights_class.removesuffix("_Weights")).split("_")
    head = _CAMEL_HEAD.fullmatch(parts[0])
    if not head or any(len(p) > 5 and not p.isdigit() for p in parts[1:]) or len(parts) > 4:
        return None
    family = head.group("family")
    name = family + (f"-{head.group('number')}" if head.group("number") else "")
    rest = parts[1:]
    while rest and re.fullmatch(r"V\d+", rest[0]):
        name, rest = name + rest[0], rest[1:]
    for i, part in enumerate(rest):
        patch = i > 0 and part.isdigit() and len(rest[i - 1]) == 1
        # a letter before a size is part of the family's name ("RegNetY-16GF"), before a patch a size ("ViT-B/16")
        joined = len(part) == 1 and i + 1 < len(rest) and not rest[i + 1].isdigit()
        name += f"/{part}" if patch else part if joined else f"-{part}"
    if name == family:
        return None
    return name, family
