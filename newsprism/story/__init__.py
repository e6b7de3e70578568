"""Cross-article analysis: what needs the whole corpus (actors merged across articles,
quotes grouped into statements, citations, articles grouped into stories)."""
