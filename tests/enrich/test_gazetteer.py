"""The gazetteer's loader: typed entries, and every bad entry a Problem with its file and line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.cli import EXIT_REJECTED, main
from generator.emit.page_file import PAGE_DATA, read_page_data_line
from generator.enrich.entities import GAZETTEER, load_gazetteer, read_gazetteer
from generator.enrich.entities import loader as gazetteer_loader
from generator.enrich.entities.loader import Dataset, Family
from tests.sitebuild import FIXTURES, ROOT

GOOD = {
    "models": "Llama: [Llama, LLaMA]\nGPT: {strict: true, spellings: [GPT]}\n",
    "datasets": (
        "GSM8K: {kind: benchmark, spellings: [GSM8K]}\n"
        "ReCoRD: {kind: benchmark, spellings: [ReCoRD], spells_a_word: true}\n"
    ),
    "domains": "math: [math, theorem]\n",
    "metrics": "- accuracy\n- BLEU\n",
}


def _folder(tmp_path: Path, **files: str) -> Path:
    for stem, text in {**GOOD, **files}.items():
        (tmp_path / f"{stem}.yaml").write_text(text, encoding="utf-8")
    return tmp_path


def test_the_shipped_gazetteer_has_no_bad_entry_and_each_spelling_once() -> None:
    data, problems = read_gazetteer()
    assert problems == []
    assert len(data.families) > 200 and len(data.datasets) > 200 and data.metrics


def test_entries_are_read_typed(tmp_path: Path) -> None:
    data, problems = read_gazetteer(_folder(tmp_path))
    assert problems == []
    assert data.families == (Family("Llama", ("Llama", "LLaMA")), Family("GPT", ("GPT",), strict=True))
    assert data.datasets[1] == Dataset("ReCoRD", "benchmark", ("ReCoRD",), spells_a_word=True)
    assert data.metrics == ("accuracy", "BLEU")


@pytest.mark.parametrize(
    ("stem", "text", "line", "message"),
    [
        # An unknown key is an error, not ignored: a typo would silently drop what it meant.
        ("models", "Llama: [Llama]\nGPT: {strict: true, spelings: [GPT]}\n", 2, "GPT: unknown key spelings"),
        ("datasets", "GSM8K: {kind: benchmark, spellings: [GSM8K], year: 2021}\n", 1, "GSM8K: unknown key year"),
        ("datasets", "\nGSM8K: {kind: test, spellings: [GSM8K]}\n", 2, "GSM8K: kind must be benchmark or dataset"),
        ("datasets", "GSM8K: {spellings: [GSM8K]}\n", 1, "GSM8K: missing key kind"),
        (
            "models",
            "Llama: [Llama]\nGPT: {strict: yes please, spellings: [GPT]}\n",
            2,
            "GPT: strict must be true or false",
        ),
        ("models", "Llama: []\n", 1, "Llama: the spellings must be a list of one or more names"),
        ("models", "Llama: [Llama]\nLlama: [LLaMA]\n", 2, "Llama is given twice"),
        ("models", "Llama: [Llama]\nTinyLlama: [TinyLlama, Llama]\n", 2, "the spelling Llama is also Llama's"),
        ("domains", "math: math\n", 1, "math: the words must be a list of one or more names"),
        ("metrics", "- accuracy\n- [BLEU]\n", 2, "['BLEU'] is not a name"),
        ("models", "Llama: [Llama\n", 2, "invalid YAML (expected ',' or ']'"),
        ("metrics", "", 1, "expected a list of names"),
    ],
)
def test_a_bad_entry_is_a_problem_with_its_file_and_line(
    tmp_path: Path, stem: str, text: str, line: int, message: str
) -> None:
    folder = _folder(tmp_path, **{stem: text})
    _, problems = read_gazetteer(folder)
    assert [(p.source.path, p.source.line, p.severity) for p in problems] == [
        (str(folder / f"{stem}.yaml"), line, "error")
    ]
    assert problems[0].message.startswith(message), problems[0].message


def test_a_gazetteer_with_a_bad_entry_is_compiled_without_it_and_keeps_its_problem(tmp_path: Path) -> None:
    folder = _folder(tmp_path, models="Llama: {spellings: [Llama], stric: true}\nGPT: [GPT]\n")
    gazetteer = load_gazetteer(folder)
    assert [str(p) for p in gazetteer.problems] == [
        f"{folder / 'models.yaml'}:1: error: Llama: unknown key stric (known: spellings, strict, strict_spellings)"
    ]
    assert "GPT" in gazetteer.family_of and "Llama" not in gazetteer.family_of


def test_the_shipped_files_are_named_from_the_project() -> None:
    assert gazetteer_loader._File(GAZETTEER, "models", []).shown == "generator/gazetteer/models.yaml"


def test_a_bad_entry_is_reported_by_the_build_which_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "gazetteer"
    shutil.copytree(GAZETTEER, folder)
    models = (folder / "models.yaml").read_text(encoding="utf-8")
    (folder / "models.yaml").write_text(models + "NoSuchNet: {spelings: [NoSuchNet]}\n", encoding="utf-8")
    line = models.count("\n") + 1
    monkeypatch.setattr(gazetteer_loader, "GAZETTEER", folder)
    (tmp_path / "data").mkdir()
    shutil.copy(FIXTURES / "listings" / "listing_with_page_chrome.txt", tmp_path / "data")
    docs = tmp_path / "docs"
    status = main(["--data", str(tmp_path / "data"), "--docs", str(docs), "--templates", str(ROOT / "site_templates")])
    captured = capsys.readouterr()
    assert f"{folder / 'models.yaml'}:{line}: error: NoSuchNet: unknown key spelings" in captured.err
    assert status == EXIT_REJECTED, "reported as an error, not a crash (exit 3)"
    assert "2 papers built, 1 rejected" in captured.out
    # The rest of the gazetteer is used: its benchmarks are still found.
    pages = dict(map(read_page_data_line, (docs / PAGE_DATA).read_text(encoding="utf-8").split("\n")[:-1]))
    assert pages["papers/tinynet.md"]["datasets"] == [["GSM8K", ""]], "named; one paper makes no hub"


def test_the_gazetteer_spells_each_shipped_file_out() -> None:
    # The loader reads these four files and harvested.py the harvested names; a file added beside
    # them would be ignored.
    assert sorted(p.name for p in GAZETTEER.iterdir()) == [
        "datasets.yaml",
        "domains.yaml",
        "harvested.yaml",
        "metrics.yaml",
        "models.yaml",
    ]
