from __future__ import annotations

import pytest

from generator.identify.merge import identity_keys, lookalike_key, merge_records, title_key
from generator.model import Record, Source


def record(title: str, path: str, **fields: object) -> Record:
    return Record(title=title, abstract=str(fields.pop("abstract", "")), source=Source(path, 1), **fields)  # type: ignore[arg-type]


def test_title_key_ignores_case_punctuation_and_latex() -> None:
    assert title_key("{LoRA} Adapters: 50\\% Fewer") == title_key("LoRA adapters - 50% fewer")


def test_same_arxiv_id_merges_by_the_documented_rule() -> None:
    listing = record("AtomNet: A Paper", "a.txt", abstract="short", date="2024")
    feed = record(
        "AtomNet: A Paper (v3)",
        "b.xml",
        abstract="a much longer abstract",
        arxiv_id="2402.00001",
        arxiv_version=3,
        date="2024-02-01",
        categories=("cs.CL",),
    )
    daily = record(
        "AtomNet: a paper",
        "c.json",
        arxiv_id="2402.00001",
        upvotes=12,
        urls=("https://github.com/x/atomnet",),
        categories=("cs.LG",),
    )
    merged, warnings, merges = merge_records([listing, feed, daily])
    assert len(merged) == 1
    paper = merged[0]
    assert paper.title == "AtomNet: A Paper" and paper.source.path == "a.txt"
    assert paper.abstract == "a much longer abstract"
    assert paper.date == "2024-02-01" and paper.arxiv_version == 3 and paper.upvotes == 12
    assert paper.categories == ("cs.CL", "cs.LG") and paper.urls == ("https://github.com/x/atomnet",)
    assert [s.path for s in paper.also_from] == ["b.xml", "c.json"]
    assert warnings == [] and [m.source.path for m in merges] == ["b.xml", "c.json"]
    assert str(merges[1]) == "c.json:1: info: same paper as a.txt:1 (same title); merged into one page"


def test_doi_and_long_abstract_identify_a_paper() -> None:
    a = record("One Title", "a.bib", doi="10.1/x")
    b = record("Another Title", "b.bib", doi="10.1/x")
    abstract = "word " * 60
    c = record("Typo Titel", "c.txt", abstract=abstract)
    d = record("Typo Title", "d.txt", abstract=abstract)
    merged, _, _ = merge_records([a, b, c, d])
    assert [m.title for m in merged] == ["One Title", "Typo Titel"]
    assert any(k.startswith("abstract:") for k in identity_keys(c))


def test_different_papers_stay_apart() -> None:
    merged, warnings, merges = merge_records([record("A: One", "a.txt"), record("B: Two", "a.txt")])
    assert len(merged) == 2 and warnings == [] and merges == []


def test_same_title_or_abstract_with_different_arxiv_ids_stays_apart() -> None:
    abstract = "zero divisors " * 30
    part2 = record("Placeholder Substructures II", "k.jsonl", abstract=abstract, arxiv_id="0704.0026")
    part3 = record("Placeholder Substructures III", "k.jsonl", abstract=abstract, arxiv_id="0704.0112")
    merged, warnings, merges = merge_records([part2, part3])
    assert len(merged) == 2 and warnings == [] and merges == []


LOOKALIKES = {
    "cyrillic a": "G\u0430Lore: Memory-Efficient Training",
    "tag characters": "GaLore: Memory-Efficient Training\U000e0069\U000e0067\U000e006e",
    "hangul fillers": "GaLore\u3164: Memory\u115f-Efficient Training",
    "fullwidth letters": "\uff27\uff41\uff2c\uff4f\uff52\uff45: Memory-Efficient Training",
}


@pytest.mark.parametrize("title", LOOKALIKES.values(), ids=LOOKALIKES.keys())
def test_a_lookalike_title_is_reported_and_kept_apart(title: str) -> None:
    genuine = record("GaLore: Memory-Efficient Training", "a.txt", abstract="The genuine abstract.")
    lookalike = record(title, "b.txt", abstract="A longer abstract that must not replace the genuine one.")
    merged, notes, merges = merge_records([genuine, lookalike])
    assert [m.abstract for m in merged] == [genuine.abstract, lookalike.abstract] and merges == []
    assert lookalike_key(title) == lookalike_key(genuine.title) and title_key(title) != title_key(genuine.title)
    assert [(n.severity, n.source.path) for n in notes] == [("warning", "b.txt")]
    assert "looks like the title of a.txt:1" in notes[0].message and "possible duplicate" in notes[0].message


def test_identical_titles_still_merge_without_a_lookalike_note() -> None:
    merged, warnings, merges = merge_records([record("Same: A Title", "a.txt"), record("same: a title!", "b.txt")])
    assert len(merged) == 1 and warnings == [] and [m.source.path for m in merges] == ["b.txt"]


def test_a_merged_paper_keeps_the_other_titles_with_their_sources() -> None:
    first = record("TwinNet: One Title", "a.txt", arxiv_id="2405.00001")
    renamed = record("TwinNet v2: \\textit{Another} Title", "b.json", arxiv_id="2405.00001")
    again = record("twinnet: one title.", "c.json", arxiv_id="2405.00001")
    merged, _, _ = merge_records([first, renamed, again])
    assert len(merged) == 1
    assert merged[0].title == first.title
    assert merged[0].also_titled == (("TwinNet v2: Another Title", Source("b.json", 1)),)


def test_a_shared_arxiv_id_with_different_dois_is_reported() -> None:
    one = record("ClashNet: One", "a.json", arxiv_id="2405.00002", doi="10.1/one")
    two = record("ClashNet: Two", "b.json", arxiv_id="2405.00002", doi="10.1/two")
    merged, notes, merges = merge_records([one, two])
    assert len(merged) == 2 and merges == []
    assert [(n.severity, n.source.path) for n in notes] == [("warning", "b.json")]
    assert "shares arXiv id 2405.00002 with a.json:1, but their DOIs differ" in notes[0].message
