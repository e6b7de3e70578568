"""Build the spaCy pipeline: the model chosen by name plus newsprism's components."""

from __future__ import annotations

import spacy
from spacy.language import Language

from newsprism.config import LEXICONS, MODEL_PACKAGES, Settings

# Importing the component modules registers their factories with spaCy.
import newsprism.analysis.actors  # noqa: F401
import newsprism.analysis.attributions  # noqa: F401
import newsprism.analysis.events  # noqa: F401
import newsprism.analysis.framing  # noqa: F401
import newsprism.analysis.predications  # noqa: F401
import newsprism.analysis.quantities  # noqa: F401
import newsprism.analysis.quotes  # noqa: F401

MAX_CHARS = 1_000_000


class ModelMissing(RuntimeError):
    pass


class PipelineError(RuntimeError):
    """A component could not be set up: a bad data file, say. The message names it."""


def load_pipeline(settings: Settings) -> Language:
    try:
        nlp = spacy.load(settings.model)
    except OSError as error:
        package = MODEL_PACKAGES.get(settings.model, settings.model.replace("_", "-"))
        raise ModelMissing(
            f"spaCy model '{settings.model}' is not installed or cannot be loaded ({error.__class__.__name__}).\n"
            f"Install it with:  .venv/bin/pip install {package}\n"
            f"or choose another installed model with --model NAME (or NEWSPRISM_MODEL)."
        ) from None
    nlp.max_length = MAX_CHARS
    configs = {"newsprism_actors": {"actors_files": list(settings.actors_files), "replace_actors": settings.replace_actors}}
    for kind, (_, component, key) in LEXICONS.items():  # the user's word files, for the components that read them
        if files := settings.files_of(kind):
            configs.setdefault(component, {})[key] = list(files)
    for name in settings.components:
        try:
            nlp.add_pipe(name, config=configs.get(name, {}))
        except (ValueError, OSError) as error:  # a bad word or actor file: each loader's error names it and the line
            raise PipelineError(f"cannot set up {name}: {error}") from None
    return nlp
