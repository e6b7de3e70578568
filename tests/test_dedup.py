"""Exact and near-duplicate detection."""

from newsprism.ingest.dedup import DuplicateIndex, estimated_jaccard, fingerprint

STORY = " ".join(
    f"Paragraph {i} of the wire story says the committee met for {i + 2} hours and agreed on a plan "
    f"for the river crossing number {i}, officials said."
    for i in range(12)
)


def syndicated_copy(text: str) -> str:
    sentences = text.split(". ")
    edited = ["Our partner agency reports:"] + sentences[:-2]  # new intro, last paragraph trimmed
    edited[3] = edited[3].replace("committee", "panel")
    return ". ".join(edited)


def test_exact_duplicate_ignores_case_and_spacing():
    index = DuplicateIndex()
    index.add("first", fingerprint(STORY))
    assert index.duplicate_of(fingerprint("  " + STORY.upper().replace(" ", "  "))) == "first"


def test_syndicated_near_duplicate_is_found_and_unrelated_text_is_not():
    index = DuplicateIndex()
    index.add("wire", fingerprint(STORY))
    copy = fingerprint(syndicated_copy(STORY))
    assert estimated_jaccard(copy.minhash, fingerprint(STORY).minhash) > 0.6
    assert index.duplicate_of(copy) == "wire"
    other = fingerprint("A different story entirely: the football club signed a new striker on Friday evening.")
    assert index.duplicate_of(other) is None


def test_fingerprints_are_stable_across_runs():
    assert fingerprint(STORY).minhash.tolist() == fingerprint(STORY).minhash.tolist()
    assert fingerprint(STORY).bands() == fingerprint(STORY).bands()
