"""A title's words before its colon that it says are a dataset or a model, and the known names inside them."""

from __future__ import annotations

import pytest

from generator.enrich.entities import find_datasets, find_models, load_gazetteer

GAZETTEER = load_gazetteer()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Several capitalised words, and a size in the description ("1.2TB"), name the dataset; the
        # Pile inside its name is not the Pile ...
        (
            "The Nordic Pile: A 1.2TB Nordic Dataset for Language Modeling\nWe curate data.",
            [("The Nordic Pile", "The Nordic Pile", "title-says-dataset")],
        ),
        # ... unless the text names the Pile itself.
        (
            "The Nordic Pile: A 1.2TB Nordic Dataset\nLike the Pile, it is large.",
            [("Pile", "Pile", "gazetteer"), ("The Nordic Pile", "The Nordic Pile", "title-says-dataset")],
        ),
        (
            "Primus: A Pioneering Collection of Open-Source Datasets\nWe release it.",
            [("Primus", "Primus", "title-says-dataset")],
        ),
        # A phrase that starts with a verb names nothing.
        ("Building Better Corpora: A Dataset for Tests\nWe build.", []),
    ],
)
def test_a_title_names_its_dataset(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert [(d.name, d.hub, d.rule) for d in find_datasets(text, GAZETTEER)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Audio Flamingo 2: An Audio-Language Model with Long-Audio Understanding\nWe train it.", ["Audio Flamingo 2"]),
        ("Atla Selene Mini: A General Purpose Evaluation Model. It judges.", ["Atla Selene Mini"]),
        ("Stacking Your Transformers: A Closer Look at Model Growth\nWe grow models.", []),
    ],
)
def test_a_title_names_its_model(text: str, expected: list[str]) -> None:
    assert [m.name for m in find_models(text, GAZETTEER) if m.rule == "title-says-model"] == expected
