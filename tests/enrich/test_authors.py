"""Authors and venues: one author however a name is written, never two people merged unsaid."""

from __future__ import annotations

from dataclasses import replace

import pytest

from generator.enrich.authors import author_names, author_terms, fold, venue, venue_names
from generator.enrich.hubs import hub_terms, venues_by
from generator.identify.papers import identify
from generator.model import Paper, Record, Source


def _papers(*author_lists: tuple[str, ...], venues: tuple[str, ...] = ()) -> list[Paper]:
    papers = []
    for i, authors in enumerate(author_lists):
        record = Record(f"Paper {i}", "", Source("x.txt", i + 1), authors=authors, venue=venues[i] if venues else "")
        papers.append(replace(identify(record), slug=f"paper-{i}", topics=(f"t{i}",)))
    return papers


@pytest.mark.parametrize(
    ("name", "folded"),
    [("José Álvarez", "jose alvarez"), ("JOSE ALVAREZ", "jose alvarez"), ("A. Del-Maestro", "a del-maestro")],
)
def test_accents_case_and_dots_do_not_count(name: str, folded: str) -> None:
    assert fold(name) == folded


def test_initials_join_the_one_full_name_they_fit_and_the_merge_is_reported() -> None:
    papers = _papers(("Adrian Del Maestro", "Bo Li"), ("A. Del Maestro", "B. Li"), ("Adrián del Maestro", "Bo Li"))
    names = author_names(papers)
    assert names.key_of["A. Del Maestro"] == names.key_of["Adrian Del Maestro"] == names.key_of["Adrián del Maestro"]
    assert names.key_of["Bo Li"] != names.key_of["Adrian Del Maestro"]
    assert ("Adrian Del Maestro", ("A. Del Maestro", "Adrián del Maestro")) in names.merged
    assert names.ambiguous == []


def test_initials_join_a_full_name_only_where_every_initial_fits() -> None:
    names = author_names(
        _papers(("Wee Sun Lee", "Ann Co"), ("W. S. Lee", "Ann Co"), ("Kai Wang", "Ann Co"), ("K. L. Wang", "Ann Co"))
    )
    assert names.key_of["W. S. Lee"] == names.key_of["Wee Sun Lee"]
    assert names.key_of["K. L. Wang"] != names.key_of["Kai Wang"]  # a middle initial Kai Wang does not have


def test_a_main_topic_in_common_is_evidence_too() -> None:
    papers = _papers(("Adrian Del Maestro",), ("A. Del Maestro",))
    papers = [replace(p, topics=("helium",)) for p in papers]
    names = author_names(papers)
    assert names.key_of["A. Del Maestro"] == names.key_of["Adrian Del Maestro"]


def test_two_spellings_with_no_co_author_or_topic_in_common_stay_two_authors() -> None:
    # A 2007 physicist and a 2025 agents researcher: nothing in the listing says they are one.
    names = author_names(
        _papers(("Michael Feng", "Ann Co"), ("M. Feng", "Bob Other"), ("Xin Wang",), ("Xin Eric Wang",))
    )
    assert names.key_of["M. Feng"] != names.key_of["Michael Feng"]
    assert names.key_of["Xin Eric Wang"] != names.key_of["Xin Wang"]
    assert names.merged == []


def test_initials_two_full_names_fit_stay_apart_and_are_reported() -> None:
    names = author_names(_papers(("Yu Wang", "Ann Co"), ("Yan Wang", "Ann Co"), ("Y. Wang", "Ann Co"), ("Y. Y. Wang",)))
    assert len({names.key_of[n] for n in ("Yu Wang", "Yan Wang", "Y. Wang")}) == 3
    assert names.ambiguous == [("Y. Wang", ("Yan Wang", "Yu Wang"))]  # "Y. Y. Wang" fits neither
    assert names.merged == []


def test_an_author_page_lists_papers_newest_first_topics_and_co_authors() -> None:
    papers = _papers(("Ada Byron", "Bob Stone"), ("Ada Byron", "Bob Stone", "Cy Young"), ("A. Byron", "B. Stone"))
    papers = [
        replace(p, record=replace(p.record, date=date))
        for p, date in zip(papers, ["2024-01-02", "2025-03-04", ""], strict=True)
    ]
    terms = {
        t.label: t
        for t in author_terms(papers, author_names(papers), {"t0": "Topic T", "t1": "Topic T", "t2": "Topic T"})
    }
    assert set(terms) == {"Ada Byron", "Bob Stone"}  # Cy Young has one paper: no page
    ada = terms["Ada Byron"]
    assert ada.papers == ("paper-1", "paper-0", "paper-2")
    assert ada.description == "Main topics of these papers: Topic T (3)."
    assert ada.neighbours == (terms["Bob Stone"].slug,)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Phys. Rev. B 74, 024520 (2006)", "Phys. Rev. B"),
        ("Physical Review B 82, 060515(R) (2010)", "Physical Review B"),
        ("Int. J. Mod. Phys. B, 26, 1244002 (2012)", "Int. J. Mod. Phys. B"),
        ("Proceedings of The 4th NeurIPS Efficient Natural Language and Speech Processing Workshop",
         "Proceedings of The 4th NeurIPS Efficient Natural Language and Speech Processing Workshop"),
        ("J. Chem. Phys., vol. 12, pp. 1-9", "J. Chem. Phys."),
        ("Phys.Rev.D76:013009,2007", "Phys. Rev. D"),
        ("Astrophys.J.663:1149-1173,2007", "Astrophys. J."),
        ("JHEP 0705:034,2007", "JHEP"),
        ("J. Phys.: Condens. Matter 20 (2008) 1", "J. Phys.: Condens. Matter"),
    ],
)  # fmt: skip
def test_a_venue_is_named_without_volume_pages_and_year(text: str, name: str) -> None:
    assert venue(text) == name


def test_a_venue_of_two_papers_gets_a_page() -> None:
    papers = _papers((), (), (), venues=("Phys. Rev. B 74, 1 (2006)", "Phys. Rev. B 75, 2 (2007)", "Nature 1, 2"))
    assert [(t.label, t.papers) for t in hub_terms(papers, venues_by(venue_names(papers)), newest_first=True)] == [
        ("Phys. Rev. B", ("paper-0", "paper-1"))
    ]


def test_an_abbreviation_is_the_venue_it_abbreviates_shown_in_full() -> None:
    papers = _papers(
        (), (), (), (),
        venues=("Phys. Rev. B 74, 1 (2006)", "Physical Review B 82, 2 (2010)", "PHYSICAL REVIEW A 75, 3 (2007)",
                "Phys. Rev. A 76, 4 (2007)"),
    )  # fmt: skip
    shown = venue_names(papers)
    assert shown["Phys. Rev. B"] == shown["Physical Review B"] == "Physical Review B"
    assert shown["PHYSICAL REVIEW A"] == shown["Phys. Rev. A"] == "Phys. Rev. A"
    assert shown.get("Phys. Rev. B") != shown["Phys. Rev. A"]
