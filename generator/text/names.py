"""Names of models, datasets and methods: how two spellings are told to be one, and which
acronyms are the field's words rather than anybody's name."""

from __future__ import annotations

import re

#: Acronyms every ML abstract uses that are not names of models or datasets.
_ACRONYMS = """LLM LLMs NLP AI ML QA SFT RL RLHF DPO NLU NLG MT IR CV GPU GPUs API APIs PLM PLMs MLLM MLLMs SLM
SLMs CoT ICL PEFT LoRA MoE OCR VQA ASR TTS KG RAG SOTA CPU LM LMs VLM VLMs
NER NLI POS SRL IE RE MRC CNN CNNs RNN RNNs LSTM LSTMs GNN GNNs MLP MLPs GAN GANs VAE VAEs GRU GRUs Seq2Seq"""
COMMON_ACRONYMS = frozenset(_ACRONYMS.split())

_NOT_IN_A_KEY = re.compile(r"[\s.\-]")


def normalise_name(name: str) -> str:
    """Return a name without case, spaces, hyphens or dots, to tell two spellings are one (a
    multiplication sign is "x": "8\u00d77B" is "8x7B")."""
    return _NOT_IN_A_KEY.sub("", name.lower()).replace("\u00d7", "x")
