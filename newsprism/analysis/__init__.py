"""Per-article analysis: a spaCy pipeline plus newsprism's own components.

A pure function of one article, run by the engine on all cores.
"""

from spacy.tokens import Doc


def records_on(doc: Doc, name: str):
    """The records a component left in `doc._.<name>`, or () if it is not in the pipeline
    (each component also works without the ones that usually run before it)."""
    return getattr(doc._, name) if Doc.has_extension(name) else ()
