from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path
from typing import NoReturn

import pytest

from generator.cli import EXIT_BUG, EXIT_OK, EXIT_REJECTED, EXIT_STOPPED, main, parser
from generator.emit import writer
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


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def crash(*args: object, **kwargs: object) -> NoReturn:
    raise ValueError("Found array with 0 feature(s)")


@pytest.mark.parametrize("stage", ["generator.build.find_topics", "generator.build.render_site"])
def test_a_crash_is_an_internal_error_that_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, stage: str
) -> None:
    assert run(tmp_path, "listing_with_page_chrome.txt") == 0
    before, state = snapshot(tmp_path / "docs"), (tmp_path / "data" / "atlas-state.json").read_bytes()
    shutil.copy(LISTINGS / "listing_crlf_bom.txt", tmp_path / "data")
    capsys.readouterr()
    monkeypatch.setattr(stage, crash)
    assert run(tmp_path) == EXIT_BUG == 3
    err = capsys.readouterr().err
    assert "paper-atlas: internal error at generator/build.py:" in err and "ValueError: Found array" in err
    assert "bug in paper-atlas" in err and "--traceback" in err and "Traceback (most recent" not in err
    assert snapshot(tmp_path / "docs") == before
    assert (tmp_path / "data" / "atlas-state.json").read_bytes() == state


def test_a_crash_while_writing_pages_leaves_the_previous_pages(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert run(tmp_path, "listing_with_page_chrome.txt") == 0
    before = snapshot(tmp_path / "docs")
    shutil.copy(LISTINGS / "listing_crlf_bom.txt", tmp_path / "data")
    staged: list[Path] = []

    def stage_then_crash(path: Path, data: bytes) -> Path:
        if len(staged) == 3:
            raise RuntimeError("disk gone")
        staged.append(path)
        return original(path, data)

    original = writer._stage
    monkeypatch.setattr(writer, "_stage", stage_then_crash)
    assert run(tmp_path) == EXIT_BUG
    assert snapshot(tmp_path / "docs") == before  # no new page, no staged temporary file left


def test_traceback_option_prints_the_whole_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("generator.build.render_site", crash)
    assert run(tmp_path, "listing_with_page_chrome.txt", extra=("--traceback",)) == EXIT_BUG
    err = capsys.readouterr().err
    assert "Traceback (most recent call last)" in err and "in crash" in err and "internal error" in err


def test_python_m_generator_exits_3_on_a_crash(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    shutil.copy(LISTINGS / "listing_with_page_chrome.txt", data)
    crashing = (
        "import runpy, generator.build\n"
        "def crash(*args): raise ZeroDivisionError('boom')\n"
        "generator.build.CATALOG_ENRICHERS = (crash,)\n"
        "runpy.run_module('generator', run_name='__main__')\n"
    )
    args = ["--data", str(data), "--docs", str(tmp_path / "docs"), "--templates", str(ROOT / "site_templates")]
    done = subprocess.run([sys.executable, "-c", crashing, *args], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 3, done.stderr
    assert "internal error" in done.stderr and "ZeroDivisionError: boom" in done.stderr
    assert not (tmp_path / "docs").exists()


def test_help_lists_every_exit_status() -> None:
    text = parser().format_help()
    for status in (EXIT_OK, EXIT_REJECTED, EXIT_STOPPED, EXIT_BUG):
        assert f"\n  {status}  " in text


def test_a_docs_folder_that_cannot_be_written_stops_with_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "docs").write_text("a file, not a folder")
    assert run(tmp_path, "listing_with_page_chrome.txt") == EXIT_STOPPED
    err = capsys.readouterr().err
    assert str(tmp_path / "docs") in err and "internal error" not in err


@pytest.mark.parametrize("contents", ["nothing", "only_rejected", "only_state"])
def test_an_empty_collection_stops_with_exit_2_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], contents: str
) -> None:
    assert run(tmp_path, "listing_with_page_chrome.txt") == 0
    before, state = snapshot(tmp_path / "docs"), (tmp_path / "data" / "atlas-state.json").read_bytes()
    (tmp_path / "data" / "listing_with_page_chrome.txt").unlink()
    if contents == "only_rejected":
        (tmp_path / "data" / "broken.jsonl").write_text('{"title": "Unclosed\n{"abstract": "no title"}\n')
    if contents == "nothing":
        (tmp_path / "data" / "atlas-state.json").unlink()
    capsys.readouterr()
    assert run(tmp_path) == EXIT_STOPPED
    err = capsys.readouterr().err
    assert f"paper-atlas: no papers in {tmp_path / 'data'}" in err and "--allow-empty" in err
    assert "nothing was written" in err
    if contents == "only_rejected":
        assert "broken.jsonl:1: error:" in err and "no record could be used (2 errors above)" in err
    assert snapshot(tmp_path / "docs") == before
    if contents != "nothing":
        assert (tmp_path / "data" / "atlas-state.json").read_bytes() == state


def test_allow_empty_generates_an_empty_collection(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(tmp_path, "listing_with_page_chrome.txt") == 0
    (tmp_path / "data" / "listing_with_page_chrome.txt").unlink()
    assert run(tmp_path, extra=("--allow-empty",)) == EXIT_OK
    assert "0 papers built" in capsys.readouterr().out
    assert "no longer in the collection" in (tmp_path / "docs" / "papers" / "tinynet.md").read_text()


def test_every_exit_status_is_documented_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for status in (EXIT_OK, EXIT_REJECTED, EXIT_STOPPED, EXIT_BUG):
        assert f"\n| {status} | " in readme, f"exit status {status} is missing from the README"


def test_a_terminal_gets_a_bar_of_the_stages_logs_and_ci_do_not(monkeypatch) -> None:
    import io
    import sys

    from generator import cli
    from generator.build import STAGES

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.delenv("CI", raising=False)
    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    bar = cli.progress_bar(quiet=False)
    assert bar is not None
    for stage in STAGES:
        bar.stage(stage)
    bar.close()
    assert "writing" in terminal.getvalue()
    assert cli.progress_bar(quiet=True) is None
    monkeypatch.setenv("CI", "true")
    assert cli.progress_bar(quiet=False) is None
    monkeypatch.setattr(sys, "stderr", io.StringIO())
    monkeypatch.delenv("CI")
    assert cli.progress_bar(quiet=False) is None


def test_build_announces_every_stage_in_order(tmp_path) -> None:
    import shutil

    from generator.build import STAGES, build
    from generator.config import Settings
    from tests.sitebuild import FIXTURES, ROOT

    data = tmp_path / "data"
    data.mkdir()
    shutil.copy(FIXTURES / "listings" / "listing_with_page_chrome.txt", data)
    seen: list[str] = []
    settings = Settings(data_dir=data, docs_dir=tmp_path / "docs", templates_dir=ROOT / "site_templates")
    build(settings, seen.append)
    assert tuple(seen) == STAGES
