"""Cross-article analysis: what needs the whole corpus (actors merged across articles)."""
