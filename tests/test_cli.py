from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.cli import main, parser
from tests.sitebuild import FIXTURES, ROOT

LISTINGS = FIXTURES / "listings"


def run(tmp_path: Path, *names: str, extra: tuple[str, ...] = ()) -> int:
    data = tmp_path / "data"
    data.mkdir(exist_ok=True)
    for name in names:
        shutil.copy(LISTINGS / name, data)
    return main(
        ["--data", str(data), "--docs", str(tmp_path / "docs"), "--templates", str(ROOT / "site_templates"), *extra]
    )


def test_clean_data_exits_zero_with_a_summary(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(tmp_path, "listing_with_page_chrome.txt") == 0
    out = capsys.readouterr().out
    assert "2 records read, 0 duplicates merged, 2 papers built, 0 rejected" in out


def test_rejected_records_fail_the_run_but_the_rest_is_built(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(tmp_path, "listing_orphan_abstract.txt", "listing_with_page_chrome.txt") == 1
    captured = capsys.readouterr()
    assert "listing_orphan_abstract.txt:1: error: abstract with no title line" in captured.err
    assert (tmp_path / "docs" / "papers" / "goodnet.md").exists()
    assert (tmp_path / "docs" / "papers" / "tinynet.md").exists()


def test_allow_partial_accepts_rejected_records(tmp_path: Path) -> None:
    assert run(tmp_path, "listing_orphan_abstract.txt", extra=("--allow-partial",)) == 0


def test_warnings_alone_do_not_fail(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(tmp_path, "listing_missing_abstract.txt") == 0
    assert "listing_missing_abstract.txt:3: warning: title with no abstract" in capsys.readouterr().err


def test_missing_data_folder_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--data", str(tmp_path / "nowhere")]) == 2
    assert "does not exist" in capsys.readouterr().err


def test_every_option_is_documented_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for action in parser()._actions:
        for option in action.option_strings:
            if option.startswith("--") and option != "--help":
                assert f"`{option}" in readme, f"{option} is missing from the README"


def test_counts_per_file_add_up(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    formats = FIXTURES / "formats"
    data = tmp_path / "data"
    data.mkdir()
    for name in ("jsonl_with_broken_line.jsonl", "bib_unclosed_brace.bib", "hf_daily_missing_title.json"):
        shutil.copy(formats / name, data)
    shutil.copy(formats / "atom_entry_without_title.xml", data)  # AtomNet again: merges with the daily paper
    assert (
        main(["--data", str(data), "--docs", str(tmp_path / "docs"), "--templates", str(ROOT / "site_templates")]) == 1
    )
    out = capsys.readouterr().out
    assert "  atom_entry_without_title.xml: 1 read, 0 merged into another, 1 rejected" in out
    assert "  hf_daily_missing_title.json: 1 read, 1 merged into another, 2 rejected" in out
    assert "  jsonl_with_broken_line.jsonl: 2 read, 0 merged into another, 2 rejected" in out
    assert "paper-atlas: 6 records read, 1 duplicates merged, 5 papers built, 6 rejected" in out
