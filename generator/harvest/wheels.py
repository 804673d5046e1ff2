"""The pinned wheels names are harvested from: downloaded with pip, read as zip files, never installed."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from dataclasses import dataclass
from email.parser import Parser
from pathlib import Path

#: The packages and versions read, with pip's extra options for a wheel built per platform (the Python
#: files inside are the same on every platform).
PINS: dict[str, tuple[str, tuple[str, ...]]] = {
    "timm": ("1.0.15", ()),
    "torchvision": (
        "0.22.0",
        ("--platform", "manylinux_2_28_x86_64", "--python-version", "3.11", "--implementation", "cp"),
    ),
    "tensorflow-datasets": ("4.9.9", ()),
    "mteb": ("1.38.0", ()),
}


@dataclass(frozen=True)
class Wheel:
    """A downloaded wheel: its package, version, licence and Python files by path."""

    package: str
    version: str
    licence: str
    files: dict[str, str]

    @property
    def pin(self) -> str:
        return f"{self.package}=={self.version}"


def download(package: str, folder: Path) -> Path:
    """Return the pinned wheel of a package in `folder`, downloaded with pip when missing."""
    version, options = PINS[package]
    stem = package.replace("-", "_")
    found = sorted(folder.glob(f"{stem}-{version}-*.whl"))
    if not found:
        command = [sys.executable, "-m", "pip", "download", "--isolated", "--no-deps", "--only-binary=:all:"]
        subprocess.run([*command, *options, f"{package}=={version}", "-d", str(folder)], check=True)
        found = sorted(folder.glob(f"{stem}-{version}-*.whl"))
    return found[0]


def licence(metadata: str) -> str:
    """Return a wheel's licence from its METADATA: License-Expression, License or a classifier."""
    fields = Parser().parsestr(metadata)
    expression = fields.get("License-Expression") or (fields.get("License") or "").strip().splitlines()[:1]
    if isinstance(expression, list):
        expression = expression[0] if expression else ""
    if expression:
        return str(expression).strip()
    classifiers = [c for c in fields.get_all("Classifier") or [] if c.startswith("License ::")]
    return classifiers[0].split("::")[-1].strip() if classifiers else "unknown"


def open_wheel(package: str, folder: Path) -> Wheel:
    """Return a package's pinned wheel, read: its Python and README files as text."""
    path = download(package, folder)
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
        metadata = next(n for n in names if n.endswith(".dist-info/METADATA"))
        files = {
            n: archive.read(n).decode("utf-8", errors="replace") for n in names if n.endswith((".py", "README.md"))
        }
        text = archive.read(metadata).decode("utf-8", errors="replace")
    return Wheel(package, PINS[package][0], licence(text), files)
