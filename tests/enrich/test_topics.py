from __future__ import annotations

import itertools
import json
import shutil
from collections import Counter
from pathlib import Path

import pytest

from generator.build import build_catalog
from generator.config import Settings
from generator.enrich.folding import fold, same_thing
from generator.enrich.labels import Label, PhraseScorer
from generator.enrich.phrases import phrases
from generator.enrich.taxonomy import Taxonomy, load_taxonomy
from generator.enrich.text import text_features
from generator.enrich.topics import find_topics, topic_count
from generator.model import KnownTopics
from tests.sitebuild import ROOT

FIXTURE = Path(__file__).parent.parent / "fixtures" / "topics" / "three_fields.jsonl"


def catalog(data: Path, state: Path | None = None):
    settings = Settings(data_dir=data, state_file=state or data.parent / "state.json", today="2026-01-01")
    built, new_state = build_catalog(settings)
    return built, new_state


def three_fields(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    data.mkdir()
    shutil.copy(FIXTURE, data)
    return data


@pytest.mark.parametrize(("papers", "topics"), [(0, 1), (1, 1), (2, 1), (8, 2), (24, 3), (244, 11), (10_000, 71)])
def test_topic_count_grows_as_the_square_root(papers: int, topics: int) -> None:
    assert topic_count(papers) == topics


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We study continual pre-training, and LLM unlearning.", {"continual pre-training", "llm unlearning"}),
        ("Reinforcement learning (RL) helps.", {"reinforcement learning", "rl", "helps"}),
        ("domain-specific large language models", {"large language models", "language models"}),
        ("the 2024 results of 7 runs", {"runs"}),
    ],
)
def test_phrases_are_runs_between_stop_words_and_punctuation(text: str, expected: set[str]) -> None:
    assert expected <= phrases(text)
    assert "learning rl" not in phrases(text), "a phrase never crosses a bracket"


@pytest.mark.parametrize(
    ("text", "not_a_phrase", "phrase"),
    [
        ("Our 7B model beats larger ones.", "7b model", "model"),
        ("Language models trained on code", "models trained", "language models"),
        ("a knowledge graph based on papers", "graph based", "knowledge graph"),
        ("Qwen2 7B and a 1.5B model", "qwen2 7b", "qwen2"),
    ],
)
def test_a_phrase_ends_in_a_noun_and_names_no_size(text: str, not_a_phrase: str, phrase: str) -> None:
    found = phrases(text)
    assert not_a_phrase not in found
    assert phrase in found
    assert "learning rl" not in phrases(text), "a phrase never crosses a bracket"


def test_label_is_the_phrase_the_group_uses_most_and_others_rarely() -> None:
    # "Apply LLM unlearning" in three papers, "LLM unlearning" in all five: the label drops the verb.
    group = [f"Apply LLM unlearning to model {i}." if i % 2 else f"LLM unlearning on model {i}." for i in range(5)]
    rest = [f"We train language models on text {i}." for i in range(20)]
    label = PhraseScorer(group + rest).label(range(5))
    assert label.text == "LLM unlearning", "spelled as the papers spell it"
    assert label.coverage == 1.0 and "language models" not in [o.lower() for o in label.key_phrases]


@pytest.mark.parametrize(
    ("phrase", "folded"),
    [
        ("large language models", "large language model"),
        ("Studies", "study"),
        ("boundary conditions", "boundary condition"),
        ("class", "class"),
        ("virus", "virus"),
        ("analysis", "analysis"),
    ],
)
def test_singular_and_plural_fold_to_one_phrase(phrase: str, folded: str) -> None:
    assert fold(phrase) == folded


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Language models", "Large language models", True),
        ("Image segmentation", "segmentation", True),
        ("Diffusion models", "diffusion model", True),
        ("Black holes", "Black hole mergers", True),
        ("Continual pre-training", "continual pretraining", True),
        ("Speculative decoding", "KV cache", False),
        ("Graph neural networks", "Neural radiance fields", False),
    ],
)
def test_two_labels_say_the_same_thing_when_ones_words_are_all_in_the_other(a: str, b: str, same: bool) -> None:
    assert same_thing(a, b) is same


def topic_texts(*topics: tuple[str, int]) -> list[str]:
    """Return texts of papers in groups: each group's papers use its phrase and a shared one."""
    return [
        f"Paper {name} {i} is on {phrase}, with gradient methods. The {phrase} results hold."
        for name, (phrase, size) in enumerate(topics)
        for i in range(size)
    ]


@pytest.mark.parametrize(
    ("groups", "expected"),
    [
        # The phrase every group uses ("gradient methods") names none of them: generic is learned.
        (
            (("speculative decoding", 6), ("KV caches", 6), ("graph neural networks", 6)),
            ["Speculative decoding", "KV caches", "Graph neural networks"],
        ),
        # Title Case in the text is not kept; acronyms are.
        (
            (("Reinforcement Learning", 2), ("reinforcement learning", 6), ("KV caches", 6), ("optical traps", 6)),
            ["Reinforcement learning", "KV caches", "Optical traps"],
        ),
    ],
)
def test_groups_are_named_by_their_own_phrase_in_sentence_case(
    groups: tuple[tuple[str, int], ...], expected: list[str]
) -> None:
    texts = topic_texts(*groups)
    sizes = [size for _, size in groups]
    starts = [sum(sizes[:i]) for i in range(len(sizes))]
    members = [list(range(start, start + size)) for start, size in zip(starts, sizes, strict=True)]
    if len(expected) < len(members):  # the first two groups are one topic
        members = [members[0] + members[1], *members[2:]]
    labels = [label.text for label in PhraseScorer(texts).name_groups(members)]
    assert labels == expected
    assert all("gradient" not in label.lower() for label in labels)


def test_two_groups_with_one_phrase_get_two_labels_that_say_different_things() -> None:
    texts = [f"We study language models for protein folding, task {i}. Protein folding is hard." for i in range(6)]
    texts += [f"We study large language models for protein design, task {i}. Protein design is slow." for i in range(6)]
    texts += [f"We study optical traps for atom {i}. Optical traps are deep." for i in range(6)]
    labels = PhraseScorer(texts).name_groups([range(6), range(6, 12), range(12, 15)])
    assert not any(same_thing(a.text, b.text) for a, b in itertools.combinations(labels, 2))
    named = [key for label in labels for key in label.named]
    assert not any(same_thing(a, b) for a, b in itertools.combinations(named, 2))
    assert [label.text for label in labels] == ["Protein folding", "Large language models", "Optical traps"]


def test_a_group_without_a_shared_phrase_is_named_by_two_phrases_not_after_one_paper() -> None:
    texts = [f"We study optical traps for atom {i}. Optical traps are deep." for i in range(6)]
    odd = [
        "Protein folding with lattice models.",
        "Galaxy rotation curves from radio maps.",
        "Tax policy in small towns.",
    ]
    odd += ["Protein folding kinetics.", "Galaxy rotation again.", "Bird songs in cities."]
    scorer = PhraseScorer(texts + odd * 2)
    label = scorer.label(range(6, 18))
    assert label.coverage == 0.0 and len(label.named) == 2
    first, second = label.text.lower().split(" and ")
    assert (fold(first), fold(second)) == label.named, "named for both its phrases, not after one paper"
    # What a mixed topic's label names, no later label names again.
    assert not any(same_thing(label.named[0], t) for t in scorer.label(range(6, 18), label.named[:1]).named)
    assert PhraseScorer([*texts, "Alone here.", "Nothing shared."]).label([6, 7]).text == "Other papers"


@pytest.mark.parametrize(
    ("key_phrases", "description"),
    [(("LoRA", "memory usage"), "Key phrases: LoRA, memory usage."), ((), "")],
)
def test_a_description_is_its_key_phrases_as_one_sentence(key_phrases: tuple[str, ...], description: str) -> None:
    assert Label("X", key_phrases, 1.0).description == description


def test_three_fields_become_three_topics_each_of_one_field(tmp_path: Path) -> None:
    built, _ = catalog(three_fields(tmp_path))
    assert len(built.topics) == 3
    for topic in built.topics:
        fields = Counter(
            built_paper.title.split()[0] for built_paper in built.papers if built_paper.topics[0] == topic.slug
        )
        assert len(fields) == 1, f"{topic.label}: {fields}"
        assert topic.primary_count == 8 and topic.description
    for paper in built.papers:
        assert 1 <= len(paper.topics) <= 3 and len(set(paper.topics)) == len(paper.topics)


def test_topics_are_remembered_and_new_papers_join_the_nearest(tmp_path: Path) -> None:
    data = three_fields(tmp_path)
    first, state = catalog(data)
    (tmp_path / "state.json").write_text(state.to_json())
    (data / "more.jsonl").write_text(
        json.dumps({"title": "Galaxy redshift survey", "abstract": "We study galaxy redshift with a telescope."}) + "\n"
    )
    second, _ = catalog(data)
    before = {p.slug: p.topics[0] for p in first.papers}
    after = {p.slug: p for p in second.papers}
    assert all(after[slug].topics[0] == topic for slug, topic in before.items())
    astronomy = next(p.topics[0] for p in first.papers if p.title.startswith("Astronomy"))
    assert after["galaxy-redshift-survey"].topics[0] == astronomy
    assert {t.label for t in first.topics} == {t.label for t in second.topics}


@pytest.mark.slow  # two builds of the seed's topics
def test_adding_ten_percent_of_the_seed_keeps_ninety_percent_of_primary_topics(tmp_path: Path) -> None:
    lines = (ROOT / "data" / "trending-papers.txt").read_text(encoding="utf-8").splitlines()
    chrome, pairs = lines[:2], [lines[i : i + 2] for i in range(2, len(lines), 2)]
    held_out = {i for i in range(len(pairs)) if i % 10 == 9}
    data = tmp_path / "data"
    data.mkdir()
    kept = [line for i, pair in enumerate(pairs) if i not in held_out for line in pair]
    (data / "trending-papers.txt").write_text("\n".join(chrome + kept) + "\n", encoding="utf-8")
    first, state = catalog(data)
    (tmp_path / "state.json").write_text(state.to_json())
    added = [line for i, pair in enumerate(pairs) if i in held_out for line in pair]
    (data / "more.txt").write_text("\n".join(added) + "\n", encoding="utf-8")
    second, _ = catalog(data)
    assert len(second.papers) == len(first.papers) + len(held_out)
    after = {p.slug: p.topics[0] for p in second.papers}
    unchanged = sum(after[p.slug] == p.topics[0] for p in first.papers) / len(first.papers)
    assert unchanged >= 0.9


def test_taxonomy_names_merges_pins_and_splits(tmp_path: Path) -> None:
    data = three_fields(tmp_path)
    plain, _ = catalog(data)
    slug_of = {p.title.split()[0]: p.topics[0] for p in plain.papers}
    pinned = next(p for p in plain.papers if p.title.startswith("Proteins"))
    (data / "atlas-topics.yaml").write_text(
        f"names:\n  {slug_of['Astronomy']}: {{label: Sky, description: Stars and galaxies.}}\n"
        f"merge:\n  {slug_of['Translation']}: {slug_of['Astronomy']}\n"
        f"pin:\n  {pinned.slug}: curated\n"
        f"split:\n  {slug_of['Proteins']}: 2\n"
        "  no-such-topic: 2\n"
    )
    built, _ = catalog(data)
    topics = {t.slug: t for t in built.topics}
    sky = topics[slug_of["Astronomy"]]
    assert (sky.label, sky.description, sky.primary_count) == ("Sky", "Stars and galaxies.", 16)
    assert next(p for p in built.papers if p.slug == pinned.slug).topics[0] == "curated"
    assert slug_of["Proteins"] not in topics and len(topics) == 4, "split in two, plus the pinned topic"
    assert [p.message for p in built.problems] == ["split: no topic 'no-such-topic' in this build; ignored"]
    assert built.problems[0].source.path == "atlas-topics.yaml" and built.problems[0].severity == "warning"


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("names:\n  a: [unclosed\n", 3, "invalid YAML"),
        ("- a list\n", None, "expected a mapping with the sections names, merge, pin, split"),
        ("split:\n  a: 1\n", None, "split: 'a' needs a number of parts from 2 to 20"),
        ("names:\n  a: {description: no label}\n", None, "names: 'a' needs a 'label' text"),
        ("pin:\n  paper: [not, a, slug]\n", None, "pin: 'paper' must name a topic slug"),
        ("pin:\n  paper: Machine Translation\n", None, "pin: 'paper' must name a topic slug"),
        ("pin:\n  paper: ../../escaped\n", None, "pin: 'paper' must name a topic slug"),
        ("merge:\n  a: b/c\n", None, "merge: 'a' must name a topic slug"),
    ],
)
def test_a_broken_taxonomy_is_reported_with_file_and_ignored(text: str, line: int | None, message: str) -> None:
    taxonomy, problems = load_taxonomy("atlas-topics.yaml", text)
    assert [(p.source.path, p.source.line) for p in problems] == [("atlas-topics.yaml", line)]
    assert message in problems[0].message
    assert taxonomy.split.get("a") is None and not taxonomy.names


def test_the_taxonomy_checks_the_topics_and_papers_it_is_given() -> None:
    taxonomy = Taxonomy(names={"sky": ("Sky", "Stars.")}, merge={"old": "sky"}, pin={"paper": "sky"})
    assert taxonomy.check("t.yaml", {"sky"}, {"paper"}) == []
    assert [p.message for p in taxonomy.check("t.yaml", {"sea"}, set())] == [
        "names: no topic 'sky' in this build; ignored",
        "merge: no topic 'old' in this build; ignored",
        "pin: no paper 'paper' in this build; ignored",
    ]
    before = repr(taxonomy)
    taxonomy.apply(["old", "sea"], ["paper", "other"], lambda members, n: [])
    assert repr(taxonomy) == before and taxonomy.check("t.yaml", {"sky"}, {"paper"}) == [], "apply leaves no trace"


def test_merges_follow_chains_and_stop_at_cycles() -> None:
    taxonomy = Taxonomy(merge={"a": "b", "b": "c", "x": "y", "y": "x"})
    assert taxonomy.apply(["a", "b", "c", "x"], ["p1", "p2", "p3", "p4"], lambda m, n: []) == ["c", "c", "c", "y"]


def test_a_catalog_of_one_paper_or_of_no_shared_words_still_has_a_topic(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "one.jsonl").write_text(json.dumps({"title": "Alone", "abstract": "Nothing shared."}) + "\n")
    built, _ = catalog(data)
    assert [len(p.topics) for p in built.papers] == [1] and len(built.topics) == 1
    assert built.papers[0].related == ()


def test_text_features_stem_words_and_keep_their_spelling(tmp_path: Path) -> None:
    built, _ = catalog(three_fields(tmp_path))
    features = text_features(built.papers)
    assert features.tfidf.shape[0] == features.lsa.shape[0] == len(built.papers)
    assert "protein folding" in features.terms and "folding" in features.terms
    assert not any(t.endswith("ings") for t in features.terms)


def test_topics_of_nothing_are_none() -> None:
    found = find_topics([], text_features([]), KnownTopics(), Taxonomy())
    assert (dict(found.of), found.topics, found.seen) == ({}, (), frozenset())


def _two_phrase_texts() -> list[str]:
    """Six papers on "protein folding", four of them with "lattice models" too, and six others."""
    texts = [f"Protein folding with lattice models, case {i}. Protein folding is hard." for i in range(4)]
    texts += [f"Protein folding in cells, case {i}. Protein folding is hard." for i in range(4, 6)]
    return texts + [f"We study optical traps for atom {i}. Optical traps are deep." for i in range(6)]


@pytest.mark.parametrize(
    ("previous", "expected"),
    [
        # A phrase that still names the group stays its label, though another now scores higher.
        ("Lattice models", "Lattice models"),
        # No label of the last build: the best phrase.
        ("", "Protein folding"),
        # A phrase the group no longer writes, or a lone lower-case word, gives way to a fresh label.
        ("Galaxy rotation", "Protein folding"),
        ("case", "Protein folding"),
        # Two phrases for a group that one phrase covers now: the phrase.
        ("Protein folding and lattice models", "Protein folding"),
        ("Other papers", "Protein folding"),
    ],
)
def test_a_group_keeps_its_last_label_while_it_still_names_it(previous: str, expected: str) -> None:
    scorer = PhraseScorer(_two_phrase_texts())
    labels = scorer.name_groups([range(6), range(6, 12)], previous=[previous, ""])
    assert [label.text for label in labels] == [expected, "Optical traps"]


def test_a_kept_label_is_not_said_again_by_another_group() -> None:
    texts = _two_phrase_texts() + [f"Lattice models of magnets, sample {i}. Lattice models again." for i in range(3)]
    scorer = PhraseScorer(texts)
    fresh = scorer.name_groups([range(6), range(6, 12), range(12, 15)])
    kept = scorer.name_groups([range(6), range(6, 12), range(12, 15)], previous=["Lattice models", "", ""])
    assert kept[0].text == "Lattice models" and fresh[0].text != "Lattice models"
    assert not any(same_thing(a, b) for a, b in itertools.combinations([k for x in kept for k in x.named], 2))
    # A label another group's kept label already says is not kept twice.
    twice = scorer.name_groups(
        [range(6), range(6, 12), range(12, 15)], previous=["Lattice models", "", "Lattice models"]
    )
    assert [label.text for label in twice].count("Lattice models") == 1


# Six papers of a group, beside twelve papers of two other fields.
_OTHERS = [f"We study optical traps for atom {i}. Optical traps are deep." for i in range(6)] + [
    f"We study protein folding, task {i}. Protein folding is hard." for i in range(6)
]


@pytest.mark.parametrize(
    ("group", "expected"),
    [
        # Every paper writes "agents", each pair in a phrase of its own: the word names the group,
        # in the plural the collection writes, not the phrase a third of it uses.
        (
            [
                "Of web agents.",
                "For web agents.",
                "Of robot agents.",
                "For robot agents.",
                "Of game agents.",
                "For an agent.",
            ],
            "Agents",
        ),
        # Every paper writes one phrase: the phrase names the group, not its head word alone.
        ([f"Of LLM agents, {i}. For LLM agents." for i in range(6)], "LLM agents"),
    ],
)
def test_a_word_most_of_a_group_uses_names_it_only_when_no_phrase_comes_close(group: list[str], expected: str) -> None:
    assert PhraseScorer(group + _OTHERS).label(range(6)).text == expected


def test_a_word_others_use_more_than_the_group_does_never_names_it() -> None:
    # Every paper of the group writes "equations", but five of the nine that do are elsewhere.
    group = ["Of wave equations.", "For heat equations.", "Of field equations.", "For the equations."]
    traps = [f"Of optical traps and equations, {i}." for i in range(5)]
    proteins = [f"Of protein folding, {i}." for i in range(11)]
    assert PhraseScorer(group + traps + proteins).label(range(4)).text == "Other papers"


def test_a_plural_ending_in_ys_is_a_spelling_of_its_word() -> None:
    texts = [f"Two surveys of field {i}. A survey helps." for i in range(3)]
    assert PhraseScorer(texts).spell(texts, "survey", plural=True) == "surveys"
