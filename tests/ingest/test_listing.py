from __future__ import annotations

from pathlib import Path

import pytest

from generator.ingest import read_data_dir
from generator.ingest.listing import is_abstract_line, read_listing
from generator.model import Problem, Record
from tests.sitebuild import FIXTURES, ROOT

LISTINGS = FIXTURES / "listings"


def read_fixture(name: str) -> tuple[list[Record], list[Problem]]:
    return read_listing(name, (LISTINGS / name).read_bytes().decode("utf-8-sig"))


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("MT-Ladder: A Model-Agnostic Framework Boosting LLM-based Machine Translation", False),
        ("Skill-it! A Data-Driven Skills Framework for Understanding and Training Language Models", False),
        ("Does your data spark joy? Performance gains from domain upsampling at the end of training", False),
        ("We study X. We find Y, and we show that Z holds in every case we tried.", True),
        ("x" * 301, True),
        ("Get trending papers in your email inbox!", False),
    ],
)
def test_abstract_lines_are_told_from_titles_by_shape(line: str, expected: bool) -> None:
    assert is_abstract_line(line) is expected


def test_page_chrome_and_glued_subscribe_are_dropped() -> None:
    records, problems = read_fixture("listing_with_page_chrome.txt")
    assert [r.title for r in records] == ["TinyNet: Small Models Learn Fast", "A Study of Things Without a Name"]
    assert [r.source.line for r in records] == [3, 5]
    assert problems == []


def test_bom_crlf_blank_lines_and_trailing_spaces_are_tolerated() -> None:
    records, problems = read_fixture("listing_crlf_bom.txt")
    assert problems == []
    assert len(records) == 1
    assert records[0].title == "CRLFNet: Windows Line Endings"
    assert records[0].abstract.endswith("trailing spaces.")


def test_title_without_abstract_is_kept_and_reported_with_its_line() -> None:
    records, problems = read_fixture("listing_missing_abstract.txt")
    assert [r.title.split(":")[0] for r in records] == ["FirstNet", "SecondNet", "ThirdNet"]
    assert records[1].abstract == ""
    assert [(p.source.line, p.severity) for p in problems] == [(3, "warning")]
    assert "listing_missing_abstract.txt:3" in str(problems[0])


def test_abstract_without_title_is_rejected_with_file_and_line() -> None:
    records, problems = read_fixture("listing_orphan_abstract.txt")
    assert [r.title for r in records] == ["GoodNet: The Paper That Is Fine"]
    assert [str(p) for p in problems] == [
        "listing_orphan_abstract.txt:1: error: abstract with no title line before it; skipped"
    ]


def test_empty_listing_is_reported() -> None:
    records, problems = read_listing("empty.txt", "\n\n")
    assert records == []
    assert len(problems) == 1 and problems[0].source.path == "empty.txt"


def test_seed_listing_gives_all_244_papers_without_problems() -> None:
    records, problems = read_data_dir(ROOT / "data")
    assert problems == []
    assert len(records) == 244
    assert records[0].title.startswith("MT-Ladder: ")
    assert all(r.abstract for r in records)


def test_unknown_format_and_bad_encoding_are_reported_by_name(tmp_path: Path) -> None:
    (tmp_path / "notes.docx").write_bytes(b"PK\x03\x04")
    (tmp_path / "latin1.txt").write_bytes("Caf\xe9Net: A Title\n".encode("latin-1"))
    (tmp_path / ".hidden.txt").write_text("ignored", encoding="utf-8")
    records, problems = read_data_dir(tmp_path)
    assert records == []
    assert sorted(p.source.path for p in problems) == ["latin1.txt", "notes.docx"]
    assert all(p.severity == "error" for p in problems)
