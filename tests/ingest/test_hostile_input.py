"""Hostile and broken input, round 2: one bad record is reported and skipped or repaired, never a traceback."""

from __future__ import annotations

import codecs
import json
import os
from pathlib import Path

import pytest

from generator.emit.feed import render_feed
from generator.ingest import UnreadableFile, decode, read_data_dir, read_file
from generator.ingest.checks import (
    ABSTRACT_LIMIT,
    AUTHOR_LIMIT,
    AUTHORS_LIMIT,
    TITLE_LIMIT,
    check_record,
    has_visible_characters,
)
from generator.ingest.fields import integer, lines
from generator.model import Catalog, Paper, Record, Source, Span, Update
from generator.text.latex import to_spans
from generator.text.urls import clean_url, is_http_url
from tests.sitebuild import FIXTURES

HOSTILE = FIXTURES / "hostile"


def listing(title: str) -> str:
    """Return a one-paper listing with this title."""
    return f"{title}\nThis abstract is long enough to read as prose, so it pairs. It has two sentences.\n"


def read(path: Path) -> tuple[list[Record], list[str]]:
    records, problems = read_file(path, path.name)
    return records, [str(p) for p in problems]


@pytest.mark.parametrize(
    ("name", "titles", "problems"),
    [
        (
            "url_bracketed_host.json",
            ["BracketNet: Hosts In Brackets", "FineLinkNet: A Normal Paper"],
            [
                "url_bracketed_host.json, entry 1: warning: link field 'https://[github.com/x' is not a usable",
                "url_bracketed_host.json, entry 1: warning: link field 'https://[x]/page' is not a usable",
            ],
        ),
        (
            "title_c0_control.txt",
            ["CtrlNet: Bell Backspace and Escape[31m in a Title"],
            [
                "title_c0_control.txt:1: warning: removed 8 control or non-character code point(s) that XML cannot"
                " hold from title, abstract"
            ],
        ),
        (
            "json_number_out_of_range.json",
            ["InfinityNet: Upvotes Past Infinity", "DigitsNet: Five Thousand Digits", "NotANumberNet: Upvotes Are NaN"],
            [
                "json_number_out_of_range.json, entry 1: warning: upvotes 'inf' is not a whole number in range",
                "json_number_out_of_range.json, entry 2: warning: upvotes '99999",
                "json_number_out_of_range.json, entry 3: warning: upvotes 'NaN' is not a whole number in range",
            ],
        ),
        (
            "yaml_infinity.yaml",
            ["InfYamlNet: Upvotes Are Infinite", "DigitsYamlNet: Too Many Digits"],
            [
                "yaml_infinity.yaml, entry 1: warning: upvotes 'inf' is not a whole number in range",
                "yaml_infinity.yaml, entry 2: warning: upvotes '77777",
            ],
        ),
        (
            "csv_nul_after_8k.csv",
            [
                *(f"PadNet{i}: Row {i} Before The Break" for i in range(24)),
                "NulNet: A Title With aNUL",
                "AfterNulNet: The Row After",
            ],
            [
                "csv_nul_after_8k.csv:26: warning: removed 1 control or non-character code point(s)"
                " that XML cannot hold from title"
            ],
        ),
        (
            "csv_nul_early.csv",
            ["EarlyNulNet: ZeroByte", "CleanRowNet: The Next Row"],
            [
                "csv_nul_early.csv:2: warning: removed 2 control or non-character code point(s)"
                " that XML cannot hold from title, abstract"
            ],
        ),
        (
            "listing_unicode_line_separators.txt",
            ["SeparatorNet: A Title With a Line Separator", "SecondSepNet: The Next Paper"],
            [],
        ),
        ("encoding_utf16_no_bom.txt", ["Utf16NoBomNet: Wide Text Without a Mark"], []),
        (
            "atom_truncated_entry.xml",
            ["WholeEntryNet: The Entry Before the Cut"],
            ["atom_truncated_entry.xml:14: error: the file ends inside this entry (<unknown>:14:"],
        ),
        (
            "doi_invalid.bib",
            ["NotADoiNet: A DOI That Is No DOI", "ShortDoiNet: A Registrant Code Too Short", "GoodDoiNet: A Real DOI"],
            [
                "doi_invalid.bib:1: warning: DOI 'not-a-doi' is not a DOI",
                "doi_invalid.bib:8: warning: DOI '10.12/x' is not a DOI",
            ],
        ),
        (
            "title_only_invisible.txt",
            ["VisibleNet: The Title That Shows"],
            ["title_only_invisible.txt:1: error: title has no visible characters; skipped"],
        ),
        (
            "abstract_over_limit.txt",
            ["OverLimitNet: An Abstract Past the Limit"],
            ["abstract_over_limit.txt:1: warning: abstract has 20,499 characters; cut to the limit of 20,000"],
        ),
    ],
)
def test_a_hostile_fixture_is_read_with_its_problems_reported(
    name: str, titles: list[str], problems: list[str]
) -> None:
    records, found = read(HOSTILE / name)
    assert [r.title for r in records] == titles
    assert len(found) == len(problems), found
    for message, expected in zip(found, problems, strict=True):
        assert message.startswith(expected)


def test_the_listing_keeps_line_numbers_past_unicode_separators() -> None:
    records, _ = read(HOSTILE / "listing_unicode_line_separators.txt")
    assert [r.source.line for r in records] == [1, 3]
    assert "paragraph separator a form feed a file separator and a next line mark." in records[0].abstract


def test_json_lines_split_only_at_line_ends(tmp_path: Path) -> None:
    path = tmp_path / "separators.jsonl"
    first = json.dumps({"title": "SplitNet: One\u2028Title"}, ensure_ascii=False)
    path.write_text(first + "\n" + json.dumps({"title": "Next: Line Two"}) + "\n", encoding="utf-8")
    records, problems = read(path)
    assert problems == []
    assert [(r.title, r.source.line) for r in records] == [("SplitNet: One Title", 1), ("Next: Line Two", 2)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a\nb\r\nc\rd", ["a", "b", "c", "d"]),
        ("a\u2028b\u2029c\x0cd\x1ce\x1df\x1eg\x85h\x0bi\n", ["a\u2028b\u2029c\x0cd\x1ce\x1df\x1eg\x85h\x0bi"]),
        ("a\n\nb\n", ["a", "", "b"]),
        ("", []),
    ],
)
def test_lines_end_only_at_newline_and_carriage_return(text: str, expected: list[str]) -> None:
    assert lines(text) == expected


@pytest.mark.parametrize(
    "found",
    ["https://[x]/repo", "https://[github.com/x", "https://x]/a", "https://[1.2.3.4]/", "[github.com/x"],
)
def test_a_bracketed_host_is_no_link(found: str) -> None:
    assert clean_url(found) is None
    assert not is_http_url(found)


def test_a_bracketed_host_in_an_abstract_stays_text() -> None:
    spans = to_spans("code at https://[x]/repo and https://[github.com/x, data at https://example.org/d.")
    assert [s.href for s in spans if s.kind == "link"] == ["https://example.org/d"]
    assert "https://[x]/repo" in "".join(s.text for s in spans)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (3, 3),
        ("12", 12),
        (float("inf"), None),
        (float("-inf"), None),
        (float("nan"), None),
        ("9" * 5000, None),
        ("Infinity", None),
        (True, None),
        (None, None),
    ],
)
def test_integer_never_raises(value: object, expected: int | None) -> None:
    assert integer(value) == expected


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ("Wide: Text\nAn abstract.\n".encode("utf-16-le"), "Wide: Text\nAn abstract.\n"),
        ("Wide: Text\nAn abstract.\n".encode("utf-16-be"), "Wide: Text\nAn abstract.\n"),
        (codecs.BOM_UTF16_LE + "Bom: Text\n".encode("utf-16-le"), "Bom: Text\n"),
        (b"title\nNul\x00Net: One stray NUL in text\n" + b"padding line of text\n" * 10, None),
    ],
)
def test_decode_reads_utf16_without_a_mark_and_text_with_a_stray_nul(data: bytes, expected: str | None) -> None:
    assert decode(data) == (expected if expected is not None else data.decode("utf-8"))


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        bytes(range(256)) * 4,
        b"\x00" * 64,
        b"a\x00b\x00c\x00" + b"\xff\xfe\xfd\x00" * 8,
    ],
)
def test_decode_still_refuses_binary(data: bytes) -> None:
    with pytest.raises(UnreadableFile):
        decode(data)


@pytest.mark.parametrize(
    ("text", "visible"),
    [
        ("\u200b", False),
        ("\u200b\u200c\u200d\u2060\ufeff", False),
        ("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069", False),
        ("\u00ad\u061c\u180e", False),
        ("\u3164\u2800\u115f", False),
        ("\u0301\u0302", False),
        ("   ", False),
        ("", False),
        ("!!!", True),
        ("\u200bA", True),
        ("模型", True),
    ],
)
def test_has_visible_characters(text: str, visible: bool) -> None:
    assert has_visible_characters(text) is visible


def test_an_invisible_title_is_rejected_in_every_reader(tmp_path: Path) -> None:
    invisible = "\u200b\u2060\u202e"
    (tmp_path / "papers.json").write_text(json.dumps([{"title": invisible}, {"title": "Ok: Seen"}]), encoding="utf-8")
    (tmp_path / "papers.yaml").write_text(f"- title: '{invisible}'\n", encoding="utf-8")
    (tmp_path / "papers.csv").write_text(f"title\n{invisible}\n", encoding="utf-8")
    (tmp_path / "papers.bib").write_text(f"@article{{k, title = {{{invisible}}}}}\n", encoding="utf-8")
    records, problems = read_data_dir(tmp_path)
    assert [r.title for r in records] == ["Ok: Seen"]
    assert sorted(str(p) for p in problems) == [
        "papers.bib:1: error: title has no visible characters; skipped",
        "papers.csv:2: error: title has no visible characters; skipped",
        "papers.json, entry 1: error: title has no visible characters; skipped",
        "papers.yaml, entry 1: error: title has no visible characters; skipped",
    ]


@pytest.mark.parametrize(
    ("record", "field", "length", "message"),
    [
        (Record("T " * 600, "", Source("a.json", entry=1)), "title", TITLE_LIMIT, "title has 1,200 characters"),
        (Record("T", "w " * 15_000, Source("a.txt", 3)), "abstract", ABSTRACT_LIMIT, "abstract has 30,000 characters"),
        (Record("T", "", Source("a.csv", 2), authors=("x" * 400,)), "authors", 1, "1 author name(s) longer than 300"),
        (
            Record("T", "", Source("a.bib", 9), authors=tuple(f"A{i}" for i in range(700))),
            "authors",
            AUTHORS_LIMIT,
            "700 authors; kept the first 500",
        ),
    ],
)
def test_a_field_over_its_limit_is_cut_with_a_warning(record: Record, field: str, length: int, message: str) -> None:
    checked, problems = check_record(record)
    assert checked is not None
    value = getattr(checked, field)
    if field == "authors" and length == 1:
        assert len(value) == 1 and len(value[0]) <= AUTHOR_LIMIT
    else:
        assert length * 0.9 < len(value) <= length
    assert [(p.severity, p.source) for p in problems] == [("warning", record.source)]
    assert problems[0].message.startswith(message)


@pytest.mark.parametrize(
    ("record", "field", "expected"),
    [
        (Record("Bell\x07Net: A\x00Title", "", Source("a.csv", 2)), "title", "BellNet: ATitle"),
        (Record("T", "An \x1b[1m abstract\ufffe.", Source("a.txt", 1)), "abstract", "An [1m abstract."),
        (Record("T", "", Source("a.json", entry=4), authors=("Ann\x01 Lee", "\x02")), "authors", ("Ann Lee",)),
        (Record("T", "", Source("a.bib", 3), venue="Conf\uffff 2024"), "venue", "Conf 2024"),
        (Record("T", "", Source("a.yaml", entry=1), keywords=("rl\x08", "nlp")), "keywords", ("rl", "nlp")),
    ],
)
def test_xml_illegal_characters_are_removed_from_every_field(record: Record, field: str, expected: object) -> None:
    checked, problems = check_record(record)
    assert checked is not None and getattr(checked, field) == expected
    assert [(p.severity, p.source) for p in problems] == [("warning", record.source)]
    assert problems[0].message.endswith(f"that XML cannot hold from {field}")


def test_json_lines_numbers_out_of_range_affect_only_their_field(tmp_path: Path) -> None:
    path = tmp_path / "numbers.jsonl"
    path.write_text(
        '{"title": "Huge: Digits", "upvotes": ' + "9" * 5000 + '}\n{"title": "Inf: Float", "upvotes": 1e999}\n'
        '{"title": "Fine: Three", "upvotes": 3}\n',
        encoding="utf-8",
    )
    records, problems = read(path)
    assert [(r.title, r.upvotes) for r in records] == [("Huge: Digits", None), ("Inf: Float", None), ("Fine: Three", 3)]
    assert [p.split(": warning: upvotes")[0] for p in problems] == ["numbers.jsonl:1", "numbers.jsonl:2"]


def test_a_30_mb_abstract_is_cut_quickly(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    path.write_text("HugeNet: A Thirty Megabyte Abstract\n" + "Words go on. " * 2_400_000 + "\n", encoding="utf-8")
    records, problems = read(path)
    assert len(records) == 1 and len(records[0].abstract) <= ABSTRACT_LIMIT
    assert problems == ["huge.txt:1: warning: abstract has 31,199,999 characters; cut to the limit of 20,000"]


def test_the_feed_writer_drops_xml_illegal_characters() -> None:
    record = Record("Ctrl\x01Net: Bell\x07", "", Source("a.txt", 1), authors=("Esc\x1bape \ufffe",))
    paper = Paper(record, "Ctrl\x01Net: Bell\x07", slug="ctrlnet", abstract=(Span("text", "Back\x08space \uffff."),))
    catalog = Catalog(papers=[paper], updates=[Update("2026-01-15", added=["ctrlnet"])])
    feed = render_feed(catalog, "Atlas", "https://papers.example.org/")
    assert "<title>CtrlNet: Bell</title>" in feed
    assert "Backspace ." in feed and "<name>Escape </name>" in feed


def test_a_feed_cut_inside_its_only_entry_rejects_that_entry(tmp_path: Path) -> None:
    path = tmp_path / "cut.xml"
    text = (HOSTILE / "atom_truncated_entry.xml").read_text(encoding="utf-8")
    path.write_text(text[: text.index("<entry>", text.index("</entry>"))], encoding="utf-8")  # cut between entries
    records, problems = read(path)
    assert [r.title for r in records] == ["WholeEntryNet: The Entry Before the Cut"]
    assert len(problems) == 1 and ": warning: feed is not well-formed" in problems[0]
    path.write_text(text[: text.index("</entry>")], encoding="utf-8")  # cut inside the first entry
    records, problems = read(path)
    assert records == []
    assert len(problems) == 1 and problems[0].startswith("cut.xml:10: error: the file ends inside this entry")


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_links_outside_the_data_folder_are_reported_and_not_read(tmp_path: Path) -> None:
    data, outside = tmp_path / "data", tmp_path / "outside"
    (data / "sub").mkdir(parents=True)
    outside.mkdir()
    (outside / "secret.txt").write_text(listing("SecretNet: Outside"), encoding="utf-8")
    (data / "sub" / "real.txt").write_text(listing("RealNet: Inside"), encoding="utf-8")
    (data / "passwd.txt").symlink_to("/etc/passwd")
    (data / "secret.txt").symlink_to(outside / "secret.txt")
    (data / "elsewhere").symlink_to(outside, target_is_directory=True)
    (data / "alias.txt").symlink_to(data / "sub" / "real.txt")  # a link inside the data folder is fine
    (data / "sub" / "loop").symlink_to(data, target_is_directory=True)  # a cycle
    records, problems = read_data_dir(data)
    assert [(r.title, r.source.path) for r in records] == [
        ("RealNet: Inside", "alias.txt"),
        ("RealNet: Inside", "sub/real.txt"),
    ]
    assert sorted((p.source.path, p.severity, p.message) for p in problems) == [
        ("elsewhere", "error", "folder is a link to a place outside the data folder; not read"),
        ("passwd.txt", "error", "file is a link to a place outside the data folder; not read"),
        ("secret.txt", "error", "file is a link to a place outside the data folder; not read"),
        ("sub/loop", "info", "the same folder as the data folder (a link); read once, there"),
    ]


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_a_data_folder_reached_through_a_link_is_read(tmp_path: Path) -> None:
    real = tmp_path / "real"
    real.mkdir()
    (real / "a.txt").write_text(listing("LinkedNet: Through a Link"), encoding="utf-8")
    (tmp_path / "data").symlink_to(real, target_is_directory=True)
    records, problems = read_data_dir(tmp_path / "data")
    assert [r.source.path for r in records] == ["a.txt"] and problems == []
