"""How a model's name is read: footnote digits, sizes written before it, one OpenAI GPT family."""

from __future__ import annotations

import pytest

from generator.enrich.entities import find_models, load_gazetteer

GAZETTEER = load_gazetteer()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A footnote's digit glued to a size is no part of the name.
        (
            "LLMs, including Mistral-7B1, Llama-2-7B2, Llama-3-8B3, and gemma-7B4, to produce",
            [
                ("Mistral-7B", "Mistral", "7B"),
                ("Llama-2-7B", "Llama", "7B"),
                ("Llama-3-8B", "Llama", "8B"),
                ("gemma-7B", "Gemma", "7B"),
            ],
        ),
        ("We tune Llama-2-13B12 and Llama-2-7B.", [("Llama-2-13B", "Llama", "13B"), ("Llama-2-7B", "Llama", "7B")]),
        # Versions glued to a family keep their digits.
        (
            "Qwen2, GPT-4, Phi-3, T5 and Llama3.1-8B",
            [
                ("Qwen2", "Qwen", ""),
                ("GPT-4", "GPT", ""),
                ("Phi-3", "Phi", ""),
                ("T5", "T5", ""),
                ("Llama3.1-8B", "Llama", "8B"),
            ],
        ),
        # BLOOM writes its sizes on after the B: BLOOM-7B1 is BLOOM of 7.1B.
        ("We evaluate BLOOM-7B1 and BLOOM-560M.", [("BLOOM-7B1", "BLOOM", ""), ("BLOOM-560M", "BLOOM", "560M")]),
    ],
)
def test_footnote_digits_are_not_part_of_a_models_name(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert [(m.name, m.family, m.size) for m in find_models(text, GAZETTEER)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("outperforming 175B GPT-3 on zero-shot SuperGLUE", [("GPT-3 175B", "GPT", "175B")]),
        ("the 540B PaLM model and a 7B LLaMA model", [("PaLM 540B", "PaLM", "540B"), ("LLaMA 7B", "Llama", "7B")]),
        ("we continue to pretrain the 43B GPT model", [("GPT 43B", "GPT", "43B")]),
        # A size of its own wins; a count before a name is no size.
        ("a 7B Llama-2-13B and 3 GPT-4 runs", [("Llama-2-13B", "Llama", "13B"), ("GPT-4", "GPT", "")]),
        ("tripling the performance of T5-XXL on one-shot summarization", [("T5-XXL", "T5", "")]),
    ],
)
def test_a_size_before_a_models_name_is_its_size(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert [(m.name, m.family, m.size) for m in find_models(text, GAZETTEER)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ChatGPT and GPT-3.5 Turbo", [("ChatGPT", "GPT"), ("GPT-3.5 Turbo", "GPT")]),
        (
            "text-davinci-003, gpt-3.5-turbo and GPT-4o",
            [("text-davinci-003", "GPT"), ("gpt-3.5-turbo", "GPT"), ("GPT-4o", "GPT")],
        ),
        ("InstructGPT, GPT2 and GPT-4V", [("InstructGPT", "GPT"), ("GPT2", "GPT"), ("GPT-4V", "GPT")]),
        # Codex, OpenAI's code models, is a family of its own (as Code Llama is beside Llama); GPT-J is EleutherAI's.
        ("Codex and GPT-J", [("Codex", "Codex"), ("GPT-J", "GPT-J")]),
        # A bare GPT still counts only as a model.
        ("a GPT-style model, GPT models", [("GPT", "GPT")]),
    ],
)
def test_openais_gpt_models_are_one_family(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(m.name, m.family) for m in find_models(text, GAZETTEER)] == expected
