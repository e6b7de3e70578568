"""Ingest: bytes in, clean `Article` records out.

sources (inputs → files) → readers (one reader per format) → decode / html /
plaintext (per-document cleaning) → dedup (exact and near duplicates).
"""
