"""Per-article analysis: a spaCy pipeline plus newsprism's own components.

A pure function of one article, run by the engine on all cores.
"""
