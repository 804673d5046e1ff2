"""Every input format: the real samples in ../shared/fixtures, and small fixtures of each breakage."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.ingest import read_file
from generator.ingest.fields import arxiv_id, date, names, terms
from generator.model import Record
from tests.sitebuild import FIXTURES, SHARED_FIXTURES

FORMATS = FIXTURES / "formats"
needs_samples = pytest.mark.usefixtures("shared_fixtures")


def read(path: Path) -> tuple[list[Record], list[str]]:
    records, problems = read_file(path, path.name)
    return records, [str(p) for p in problems]


@needs_samples
@pytest.mark.parametrize(
    ("relative", "count", "first_title", "first_arxiv"),
    [
        ("hf_daily_papers/2025-10-01.json", 37, "Vision-Zero: Scalable VLM Self-Improvement", "2509.25541"),
        ("hf_daily_papers/2024-05-27_older_format.json", 13, "ConvLLaVA: Hierarchical Backbones", "2405.15738"),
        ("arxiv_atom/arxiv_api_search_100.xml", 100, "Testing Deep Learning Models", "2202.12139"),
        ("arxiv_atom/arxiv_api_2016_format.xml", 10, "A Luttinger Liquid Core Inside Helium-4", "1201.4869"),
        (
            "arxiv_kaggle/kaggle_oai_snapshot_head200.jsonl",
            200,
            "Calculation of prompt diphoton production",
            "0704.0001",
        ),
        ("bibtex/pmlr_v262_enlsp2024.bib", 46, "Scaling Smart: Accelerating Large Language Model", ""),
    ],
)
def test_real_samples_read_completely(relative: str, count: int, first_title: str, first_arxiv: str) -> None:
    records, problems = read(SHARED_FIXTURES / relative)
    assert problems == []
    assert len(records) == count
    assert records[0].title.startswith(first_title)
    assert records[0].arxiv_id == first_arxiv
    assert all(r.title and r.abstract for r in records)


@needs_samples
def test_hf_daily_current_shape_carries_code_keywords_upvotes_and_date() -> None:
    records, _ = read(SHARED_FIXTURES / "hf_daily_papers/2025-10-01.json")
    first = records[0]
    assert first.urls == ("https://github.com/wangqinsi1/Vision-Zero",) and first.project_pages == ()
    # The project page field is kept as one: mcpmark.ai's address alone would not say so.
    assert records[7].urls == ("https://github.com/eval-sys/mcpmark", "https://mcpmark.ai/")
    assert records[7].project_pages == ("https://mcpmark.ai/",)
    assert first.upvotes == 55 and first.date == "2025-09-29"
    assert "self-play" in first.keywords and first.authors[0] == "Qinsi Wang"
    assert "\n" not in first.title


@needs_samples
def test_atom_keeps_version_categories_primary_first_and_doi() -> None:
    records, _ = read(SHARED_FIXTURES / "arxiv_atom/arxiv_api_2016_format.xml")
    first = records[0]
    assert (first.arxiv_version, first.categories[0], first.doi) == (
        1,
        "cond-mat.mes-hall",
        "10.1142/s021797921244002x",
    )
    assert first.venue.startswith("Int. J. Mod. Phys. B")


@needs_samples
def test_kaggle_keeps_parsed_authors_categories_and_versions() -> None:
    records, _ = read(SHARED_FIXTURES / "arxiv_kaggle/kaggle_oai_snapshot_head200.jsonl")
    first = records[0]
    assert first.authors[:2] == ("C. Balázs", "E. L. Berger")
    assert first.categories == ("hep-ph",) and first.date == "2007-04-02"
    assert first.arxiv_version == 2 and first.doi == "10.1103/physrevd.76.013009"


@needs_samples
def test_kaggle_snapshot_named_json_is_read_as_json_lines(tmp_path: Path) -> None:
    source = SHARED_FIXTURES / "arxiv_kaggle/kaggle_oai_snapshot_head200.jsonl"
    renamed = tmp_path / "arxiv-metadata-oai-snapshot.json"
    renamed.write_bytes(source.read_bytes())
    records, problems = read(renamed)
    assert problems == [] and len(records) == 200


@needs_samples
def test_bibtex_proceedings_header_gives_venue_and_year_and_sections_become_categories() -> None:
    records, _ = read(SHARED_FIXTURES / "bibtex/pmlr_v262_enlsp2024.bib")
    assert records[0].date == "2024"
    assert records[0].venue.startswith("Proceedings of The 4th NeurIPS Efficient")
    assert records[0].authors[0] == "Mohammad Samragh"
    assert {r.categories[0] for r in records} >= {"Training", "Inference"}


@pytest.mark.parametrize(
    ("name", "titles", "problems"),
    [
        (
            "jsonl_with_broken_line.jsonl",
            ["GoodOne: First Paper", "GoodTwo: Third Line"],
            [
                "jsonl_with_broken_line.jsonl:2: error: invalid JSON (Expecting ',' delimiter at column 54); "
                "line skipped",
                "jsonl_with_broken_line.jsonl:4: error: record has no title; skipped",
            ],
        ),
        (
            "bib_unclosed_brace.bib",
            ["{LoRA} Adapters Work: 50\\% Fewer Parameters", "After The Broken Entry"],
            ["bib_unclosed_brace.bib:9: error: BibTeX block could not be parsed"],
        ),
        (
            "atom_entry_without_title.xml",
            ["AtomNet: A Paper From the Feed"],
            ["atom_entry_without_title.xml, entry 2: error: entry has no title; skipped"],
        ),
        (
            "hf_daily_missing_title.json",
            ["AtomNet: A Paper From the Feed"],
            [
                "hf_daily_missing_title.json, entry 2: error: paper has no title; skipped",
                "hf_daily_missing_title.json, entry 3: error: item has no 'paper' object; skipped",
            ],
        ),
        ("plain_papers.yaml", ["YamlNet: Papers From YAML", "Quoted: With a Colon"], []),
        ("plain_papers.csv", ["CsvNet: Comma, Separated"], ["plain_papers.csv:3: error: record has no title"]),
        ("yaml_alias_bomb.yaml", [], ["yaml_alias_bomb.yaml:2: error: invalid YAML (YAML aliases are not allowed"]),
        ("latin1_encoded.yaml", [], ["latin1_encoded.yaml: error: not UTF-8 (byte 0xe9 on line 1)"]),
        ("binary_file.txt", [], ["binary_file.txt: error: binary file, not a listing"]),
        ("empty_file.json", [], ["empty_file.json: error: empty file"]),
        ("truncated.json", [], ["truncated.json:2: error: invalid JSON"]),
        ("unknown_format.docx", [], ["unknown_format.docx: error: unknown format '.docx'"]),
    ],
)
def test_bad_records_are_reported_and_the_rest_is_read(name: str, titles: list[str], problems: list[str]) -> None:
    records, found = read(FORMATS / name)
    assert [r.title for r in records] == titles
    assert len(found) == len(problems)
    for message, expected in zip(found, problems, strict=True):
        assert message.startswith(expected)


def test_plain_columns_are_normalised() -> None:
    records, _ = read(FORMATS / "plain_papers.yaml")
    assert records[0].authors == ("Grace Hopper", "Alan Turing")
    assert records[0].categories == ("cs.AI", "cs.LG") and records[0].date == "2023-05-06"
    csv_records, _ = read(FORMATS / "plain_papers.csv")
    assert csv_records[0].authors == ("Ann Smith", "Bob Jones")
    assert (csv_records[0].arxiv_id, csv_records[0].arxiv_version, csv_records[0].upvotes) == ("2403.00003", 4, 7)


def test_utf16_with_bom_is_read(tmp_path: Path) -> None:
    path = tmp_path / "utf16.yaml"
    path.write_bytes("- title: 'Utf16Net: Wide Text'\n".encode("utf-16"))
    records, problems = read(path)
    assert problems == [] and records[0].title == "Utf16Net: Wide Text"


def test_deeply_nested_json_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "deep.json"
    path.write_text("[" * 100_000 + "]" * 100_000)
    records, problems = read(path)
    assert records == [] and "nested too deeply" in problems[0]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("http://arxiv.org/abs/2202.12139v1", ("2202.12139", 1)),
        ("https://arxiv.org/pdf/2403.00003v4.pdf", ("2403.00003", 4)),
        ("arXiv:2401.00001", ("2401.00001", None)),
        ("hep-ph/0601001v2", ("hep-ph/0601001", 2)),
        ("0704.0001", ("0704.0001", None)),
        ("not an id", ("", None)),
    ],
)
def test_arxiv_id(value: str, expected: tuple[str, int | None]) -> None:
    assert arxiv_id(value) == expected


@pytest.mark.parametrize(
    ("value", "month", "expected"),
    [
        ("2025-09-29T21:55:55.000Z", None, "2025-09-29"),
        ("2024", "mar", "2024-03"),
        ("2024", "11", "2024-11"),
        ("sometime", None, ""),
    ],
)
def test_date(value: str, month: str | None, expected: str) -> None:
    assert date(value, month) == expected


def test_names_and_terms() -> None:
    assert names("A. One and B. Two") == ("A. One", "B. Two")
    assert names([{"name": "X"}, "Y"]) == ("X", "Y")
    assert terms("cs.AI cs.LG") == ("cs.AI", "cs.LG")
    assert terms("deep learning, robotics") == ("deep learning", "robotics")


@pytest.mark.slow  # 50 MB of input
def test_a_50_mb_single_line_is_one_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "one_line.txt"
    path.write_text("word " * 10_000_000, encoding="utf-8")
    records, problems = read(path)
    assert records == []
    assert problems == ["one_line.txt:1: error: abstract with no title line before it; skipped"]


@pytest.mark.slow  # 100,000 papers
def test_a_100k_paper_file_is_read_whole(tmp_path: Path) -> None:
    path = tmp_path / "many.jsonl"
    lines = (f'{{"title": "Paper {i}: A Title", "arxiv_id": "2401.{i:05d}"}}' for i in range(100_000))
    path.write_text("\n".join(lines), encoding="utf-8")
    records, problems = read(path)
    assert problems == [] and len(records) == 100_000
    assert records[-1].arxiv_id == "2401.99999"
