"""RIS and CSL-JSON exports read back with the libraries reference tools are built on."""

from __future__ import annotations

import json

import pytest
import rispy
from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.source.json import CiteProcJSON

from generator.emit.citations import csl_item, render_csl_json, render_ris, ris_entry
from generator.identify.papers import identify
from generator.model import Link, Record, Source

SITE = "https://papers.example.org/"


def paper(**fields: object):
    record = Record(
        title=str(fields.pop("title", "MT-Ladder: A Model-Agnostic Framework")),
        abstract="We translate.",
        source=Source("data.txt", 1),
        **fields,  # type: ignore[arg-type]
    )
    found = identify(record)
    return found.__class__(**{**vars(found), "slug": "mt-ladder"})


FULL = paper(
    authors=("Zhaopeng Feng", "Ruizhe Chen"),
    date="2024-06-21",
    arxiv_id="2406.15741",
    doi="10.1000/xyz",
    venue="Proceedings of ICLR 2025",
    keywords=("translation",),
)


def test_ris_reads_back_with_rispy() -> None:
    text = render_ris([FULL, paper(title="Plain Paper")], SITE)
    assert not text.startswith("1."), "no counter line before an entry"
    entries = rispy.loads(text)
    assert len(entries) == 2
    first = entries[0]
    assert first["type_of_reference"] == "CPAPER"
    assert first["title"] == "MT-Ladder: A Model-Agnostic Framework"
    assert first["authors"] == ["Zhaopeng Feng", "Ruizhe Chen"]
    assert first["year"] == "2024"
    assert first["doi"] == "10.1000/xyz"
    assert first["secondary_title"] == "Proceedings of ICLR 2025"
    assert first["notes"] == ["arXiv:2406.15741"]
    assert entries[1]["type_of_reference"] == "GEN"
    assert entries[1]["urls"] == [f"{SITE}papers/mt-ladder/"]


@pytest.mark.parametrize(
    "title",
    ["Line\nbreak ER  - Title", "ER  - starts like the end tag", "<script>alert(1)</script> Title"],
)
def test_ris_values_stay_on_one_line(title: str) -> None:
    entry = ris_entry(paper(title=title), SITE)
    (back,) = rispy.loads(render_ris([paper(title=title)], SITE))
    assert back["title"] == entry["title"] == " ".join(title.split())


def test_csl_json_formats_with_citeproc() -> None:
    items = json.loads(render_csl_json([FULL], SITE))
    assert items == [csl_item(FULL, SITE)]
    assert items[0]["issued"] == {"date-parts": [[2024, 6, 21]]}
    assert items[0]["author"][0] == {"family": "Feng", "given": "Zhaopeng"}
    source = CiteProcJSON(items)
    style = CitationStylesStyle("harvard-cite-them-right", validate=False)
    bibliography = CitationStylesBibliography(style, source, formatter.plain)
    bibliography.register(Citation([CitationItem("mt-ladder")]))
    (reference,) = [str(entry) for entry in bibliography.bibliography()]
    assert "Feng" in reference and "2024" in reference and "MT-Ladder" in reference


def test_empty_collections_export_empty_files() -> None:
    assert json.loads(render_csl_json([], SITE)) == []
    assert rispy.loads(render_ris([], SITE)) == []


@pytest.mark.parametrize(
    ("fields", "address"),
    [
        ({"arxiv_id": "2406.15741", "doi": "10.1000/xyz"}, "https://arxiv.org/abs/2406.15741"),
        ({"doi": "10.1000/xyz"}, "https://doi.org/10.1000/xyz"),
        ({}, f"{SITE}papers/mt-ladder/"),
    ],
)
def test_the_address_is_the_papers_own_not_its_code(fields: dict[str, str], address: str) -> None:
    found = paper(**fields)
    linked = found.__class__(**{**vars(found), "links": (Link("https://github.com/fzp0424/Ladder", "code"),)})
    assert csl_item(linked, SITE)["URL"] == address
    assert ris_entry(linked, SITE)["urls"] == [address]
