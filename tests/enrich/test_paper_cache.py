"""The per-paper cache: a warm build writes the bytes a cold one writes, and redoes only changed papers."""

from __future__ import annotations

import filecmp
import json
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from generator import build as pipeline
from generator.cli import main
from generator.config import PAPER_CACHE_FILE, STATE_FILE, STEMS_CACHE_FILE
from generator.enrich import paper_cache
from generator.enrich.paper_cache import (
    CACHED,
    UncachedFieldError,
    code_version,
    enrich_cached,
    paper_key,
    read_cache,
    read_stems,
    write_cache,
    write_stems,
)
from generator.enrich.text import Stems, text_features
from generator.model import Paper, Record, Source
from generator.parallel import LocalExecutor
from tests.sitebuild import FIXTURES, ROOT

#: Per-paper work in this process.
LOCAL = LocalExecutor(1)

LISTINGS = FIXTURES / "listings"


def same_trees(left: Path, right: Path) -> list[str]:
    """Return the relative paths whose bytes differ between two folders, or that one lacks."""
    differ = []
    names = {p.relative_to(left) for p in left.rglob("*")} | {p.relative_to(right) for p in right.rglob("*")}
    for name in sorted(names):
        a, b = left / name, right / name
        if a.is_dir() and b.is_dir():
            continue
        if not (a.is_file() and b.is_file() and filecmp.cmp(a, b, shallow=False)):
            differ.append(str(name))
    return differ


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Record the slug of every paper the build enriches itself (the cache gives the others)."""
    slugs: list[str] = []
    real = pipeline.enrich_paper

    def enrich(paper: Paper) -> Paper:
        slugs.append(paper.slug)
        return real(paper)

    monkeypatch.setattr(pipeline, "enrich_paper", enrich)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1780000000")
    return slugs


def copy_seed(data: Path) -> None:
    """Copy the seed's listings and state, without the caches an earlier build left beside them."""
    shutil.copytree(ROOT / "data", data, ignore=shutil.ignore_patterns(PAPER_CACHE_FILE + "*", STEMS_CACHE_FILE + "*"))


def generate(data: Path, docs: Path, state: Path, *extra: str) -> None:
    docs.mkdir(parents=True, exist_ok=True)
    args = ["--data", str(data), "--docs", str(docs), "--state", str(state), "--jobs", "1", "--quiet", *extra]
    assert main([*args, "--templates", str(ROOT / "site_templates")]) == 0


def stemmed_words(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Record every word the build stems itself (the cache gives the others)."""
    words: list[str] = []
    real = Stems.__missing__

    def missing(self: Stems, word: str) -> str:
        words.append(word)
        return real(self, word)

    monkeypatch.setattr(Stems, "__missing__", missing)
    return words


@pytest.mark.slow  # two generates of the seed
def test_the_seed_built_twice_enriches_nothing_the_second_time_and_writes_the_same_bytes(
    tmp_path: Path, counted: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    copy_seed(tmp_path / "data")
    state = tmp_path / "data" / STATE_FILE
    generate(tmp_path / "data", tmp_path / "cold", state)
    assert (tmp_path / "data" / PAPER_CACHE_FILE).is_file() and len(counted) > 200
    counted.clear()
    first_state = state.read_bytes()
    stemmed = stemmed_words(monkeypatch)
    generate(tmp_path / "data", tmp_path / "warm", state)
    assert counted == [] and stemmed == [], "nothing is cleaned, extracted or stemmed again"
    assert same_trees(tmp_path / "cold", tmp_path / "warm") == []
    assert state.read_bytes() == first_state
    assert not [p for p in (tmp_path / "data").iterdir() if p.name.endswith(".partial")]


@pytest.mark.slow  # three generates of the seed
def test_with_one_paper_changed_a_warm_build_redoes_it_alone_and_equals_a_cold_build(
    tmp_path: Path, counted: list[str]
) -> None:
    data, before = tmp_path / "data", tmp_path / "before"
    copy_seed(data)
    generate(data, before / "docs", data / STATE_FILE)
    shutil.copytree(data, before / "data")  # the state and the cache of the first build
    listing = data / "trending-papers.txt"
    lines = listing.read_text(encoding="utf-8").splitlines(keepends=True)
    changed = next(i for i, line in enumerate(lines) if line.startswith("General-purpose Large Language Models"))
    lines[changed] = lines[changed].replace("GPT-4", "GPT-4o and Llama-3-8B", 1)
    listing.write_text("".join(lines), encoding="utf-8")
    for name in ("warm", "cold"):
        shutil.copytree(before / "docs", tmp_path / name)
        shutil.copy(before / "data" / STATE_FILE, tmp_path / f"{name}.json")
    for cache in (PAPER_CACHE_FILE, STEMS_CACHE_FILE):
        shutil.copy(data / cache, tmp_path / cache)
    counted.clear()
    generate(data, tmp_path / "warm", tmp_path / "warm.json")
    assert counted == ["mt-ladder"], "only the changed paper is cleaned and extracted again"
    counted.clear()
    generate(data, tmp_path / "cold", tmp_path / "cold.json", "--cold")
    assert len(counted) > 200, "--cold reads no cache"
    assert same_trees(tmp_path / "warm", tmp_path / "cold") == []
    assert (tmp_path / "warm.json").read_bytes() == (tmp_path / "cold.json").read_bytes()
    assert "Llama-3-8B" in (tmp_path / "warm" / "papers" / "mt-ladder.md").read_text(encoding="utf-8")


def test_hostile_listings_built_twice_give_the_same_bytes_from_the_cache(tmp_path: Path, counted: list[str]) -> None:
    data = tmp_path / "data"
    data.mkdir()
    for name in ("listing_hostile.txt", "listing_latex_debris.txt", "listing_missing_abstract.txt"):
        shutil.copy(LISTINGS / name, data)
    generate(data, tmp_path / "cold", data / STATE_FILE)
    enriched = len(counted)
    generate(data, tmp_path / "warm", data / STATE_FILE)
    assert enriched > 3 and len(counted) == enriched, "the second build enriches nothing"
    assert same_trees(tmp_path / "cold", tmp_path / "warm") == []


def paper(title: str, abstract: str) -> Paper:
    return Paper(record=Record(title=title, abstract=abstract, source=Source("a.txt", 1)), title=title, slug="a")


class Counted:
    """The real per-paper work, remembering each paper it was given."""

    def __init__(self) -> None:
        self.papers: list[Paper] = []

    def __call__(self, paper: Paper) -> Paper:
        self.papers.append(paper)
        return pipeline.enrich_paper(paper)


PAPERS = [
    paper("Ladder", r"We fine-tune Llama-3-8B, see https://github.com/x/ladder, +6.91 BLEU on WMT-23 \emph{ok}."),
    paper("Other", "No names at all."),
]


def test_a_cached_paper_comes_back_equal_to_a_fresh_one(tmp_path: Path) -> None:
    cache = tmp_path / PAPER_CACHE_FILE
    fresh = enrich_cached(pipeline.enrich_paper, PAPERS, LOCAL, cache)
    again = enrich_cached(lambda p: pytest.fail("enriched again"), PAPERS, LOCAL, cache)
    assert again == fresh == [pipeline.enrich_paper(p) for p in PAPERS]
    assert fresh[0].models and fresh[0].links and fresh[0].results


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda text: text[: len(text) // 2], id="cut-short"),
        pytest.param(lambda text: "not json", id="not-json"),
        pytest.param(lambda text: text.replace('"text"', '"txet"'), id="a-value-changed-well-shaped"),
        pytest.param(lambda text: text.replace('"domains":[]', '"domains":[1]'), id="a-number-for-a-domain"),
        pytest.param(lambda text: text.replace('"links":[[', '"links":[["x",'), id="a-link-of-three-fields"),
        pytest.param(lambda text: text.replace('"abstract":', '"abstrakt":'), id="a-field-renamed"),
        pytest.param(lambda text: text.replace('"version": "', '"version": "x'), id="another-code-version"),
    ],
)
def test_a_damaged_cache_is_rebuilt_never_trusted(tmp_path: Path, damage) -> None:
    cache = tmp_path / PAPER_CACHE_FILE
    fresh = enrich_cached(pipeline.enrich_paper, PAPERS, LOCAL, cache)
    text = cache.read_text(encoding="utf-8")
    assert damage(text) != text, "the damage applies"
    cache.write_text(damage(text), encoding="utf-8")
    redone = Counted()
    assert enrich_cached(redone, PAPERS, LOCAL, cache) == fresh
    assert redone.papers == PAPERS
    assert enrich_cached(lambda p: pytest.fail("enriched again"), PAPERS, LOCAL, cache) == fresh


EMPTY: dict[str, list[object]] = {name: [] for name in CACHED}


@pytest.mark.parametrize(
    "entry",
    [
        pytest.param({"abstract": [["text", "x", ""]]}, id="a-field-missing"),
        pytest.param({**EMPTY, "domains": [1]}, id="a-number-for-a-domain"),
        pytest.param({**EMPTY, "links": [["u", "code", "x"]]}, id="a-link-of-three-fields"),
        pytest.param({**EMPTY, "links": "uu"}, id="a-string-for-a-list"),
        pytest.param({**EMPTY, "extra": []}, id="a-field-too-many"),
        pytest.param([], id="a-list-for-an-entry"),
    ],
)
def test_an_entry_of_another_shape_is_recomputed_even_under_a_good_digest(tmp_path: Path, entry: object) -> None:
    cache = tmp_path / PAPER_CACHE_FILE
    write_cache(cache, code_version(), {paper_key(PAPERS[1]): entry})
    redone = Counted()
    enrich_cached(redone, PAPERS[1:], LOCAL, cache)
    assert redone.papers == PAPERS[1:]


def test_a_new_code_version_starts_afresh(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = tmp_path / PAPER_CACHE_FILE
    enrich_cached(pipeline.enrich_paper, PAPERS, LOCAL, cache)
    monkeypatch.setattr(paper_cache, "code_version", lambda: "another")
    redone = Counted()
    enrich_cached(redone, PAPERS, LOCAL, cache)
    assert redone.papers == PAPERS
    assert json.loads(cache.read_text(encoding="utf-8").splitlines()[0])["version"] == "another"


@pytest.mark.parametrize(
    "change",
    [
        pytest.param(lambda root: (root / "gazetteer" / "models.yaml").write_text("x: 1\n"), id="a-gazetteer-entry"),
        pytest.param(lambda root: (root / "enrich" / "clean.py").write_text("# changed\n"), id="a-source-file"),
        pytest.param(lambda root: (root / "enrich" / "new.py").write_text(""), id="a-new-module"),
    ],
)
def test_the_code_version_changes_with_any_file_of_the_package(tmp_path: Path, change) -> None:
    root = tmp_path / "generator"
    shutil.copytree(paper_cache.PACKAGE, root, ignore=shutil.ignore_patterns("__pycache__"))
    before = code_version(root)
    assert code_version(root) == before and before == code_version.__wrapped__(root)
    change(root)
    assert code_version.__wrapped__(root) != before


def test_the_code_version_changes_with_a_switch_of_the_extractors(monkeypatch: pytest.MonkeyPatch) -> None:
    before = code_version.__wrapped__(paper_cache.PACKAGE)
    monkeypatch.setenv("ATLAS_TAGGER", "on")
    on = code_version.__wrapped__(paper_cache.PACKAGE)
    monkeypatch.setenv("ATLAS_TAGGER", "off")
    assert len({before, on, code_version.__wrapped__(paper_cache.PACKAGE)}) >= 2
    assert on != code_version.__wrapped__(paper_cache.PACKAGE)


def test_per_paper_work_that_sets_a_field_the_cache_does_not_keep_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(UncachedFieldError, match="'aliases'"):
        enrich_cached(lambda p: replace(p, aliases=("x",)), PAPERS, LOCAL, tmp_path / PAPER_CACHE_FILE)


def test_only_the_current_papers_are_kept(tmp_path: Path) -> None:
    cache = tmp_path / PAPER_CACHE_FILE
    enrich_cached(pipeline.enrich_paper, PAPERS, LOCAL, cache)
    enrich_cached(pipeline.enrich_paper, PAPERS[:1], LOCAL, cache)
    assert len(read_cache(cache, code_version())) == 1


def test_text_features_from_known_stems_are_those_from_none_and_keep_this_collections_words_only() -> None:
    papers = [pipeline.enrich_paper(p) for p in PAPERS * 2]
    fresh = text_features(papers)
    stems = Stems({"zebras": "zebra", "tuning": "tune"})
    again = text_features(papers, stems=stems)
    assert again.terms == fresh.terms and (again.tfidf != fresh.tfidf).nnz == 0
    assert "zebras" not in stems and stems["names"] == "name"


@pytest.mark.parametrize(
    "stored",
    [
        pytest.param({"names": 1}, id="a-number-for-a-stem"),
        pytest.param({"names": ["name"]}, id="a-list-for-a-stem"),
    ],
)
def test_stems_of_another_shape_are_not_taken(tmp_path: Path, stored: dict[str, object]) -> None:
    cache = tmp_path / STEMS_CACHE_FILE
    write_cache(cache, code_version(), stored)
    assert read_stems(cache)[0] == {}


def test_stems_are_written_when_they_changed_and_read_back_unless_cold(tmp_path: Path) -> None:
    cache = tmp_path / STEMS_CACHE_FILE
    stems, read = read_stems(cache)
    stems["names"]
    write_stems(cache, stems, read)
    assert read_stems(cache)[0] == {"names": "name"} and read_stems(cache, reuse=False)[0] == {}
    before = cache.stat().st_mtime_ns
    write_stems(cache, *read_stems(cache))
    assert cache.stat().st_mtime_ns == before, "unchanged stems are not rewritten"
