"""The local engine: run the per-article analysis on all cores.

The pipeline is loaded once, before the worker processes are forked, so they share
it; each runs `nlp.pipe` over chunks of articles, sending back only the small analysis
records (not the parsed Doc, whose
serialisation would cost more than the records). Chunks are submitted with a
bounded number in flight, so reading the input overlaps with parsing and memory
stays flat however large the corpus. Titles are parsed too, apart from the text, for
the headline's own reading (``read_headlines``).
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from itertools import islice
from typing import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from newsprism.analysis import records_on
from newsprism.config import Settings
from newsprism.records import Article, ArticleAnalysis, ErrorRecord

CHUNK = 8
IN_FLIGHT_PER_PROCESS = 3
STAGE = "analyze"
HEADLINE_READER = "newsprism_predications"
TITLE_UNNEEDED = ("ner",)  # model components the headline reading does not need

Outcome = tuple[Article, ArticleAnalysis | ErrorRecord]

_worker_nlp: Language | None = None


def analysis_of(doc: Doc, article_id: str) -> ArticleAnalysis:
    """The component records on a parsed Doc, stamped with the article's id."""
    analysis = ArticleAnalysis(
        article_id=article_id,
        mentions=list(records_on(doc, "actor_mentions")),
        actors=list(records_on(doc, "actors")),
        quotes=list(records_on(doc, "quotes")),
        attributions=list(records_on(doc, "attributions")),
        scare_quotes=list(records_on(doc, "scare_quotes")),
        events=list(records_on(doc, "events")),
        quantities=list(records_on(doc, "quantities")),
        framings=list(records_on(doc, "framings")),
        predications=list(records_on(doc, "predications")),
    )
    per_article = (analysis.quotes, analysis.attributions, analysis.events, analysis.quantities, analysis.predications)
    stamped = (*analysis.mentions, *analysis.scare_quotes, *analysis.framings)
    for record in (*stamped, *(r for records in per_article for r in records)):
        record.article_id = article_id
    for record in (r for records in per_article for r in records):
        record.id = f"{article_id}:{record.id}"
    for predication in analysis.predications:  # its reference to a quantity, stamped like the quantity's id
        if predication.quantity_id is not None:
            predication.quantity_id = f"{article_id}:{predication.quantity_id}"
    return analysis


def analyze_chunk(nlp: Language, articles: list[Article], batch_size: int) -> list[ArticleAnalysis | ErrorRecord]:
    """Analyse a chunk; an article whose analysis fails becomes an error, the rest go on."""
    try:
        docs = nlp.pipe((new_doc(nlp, a) for a in articles), batch_size=batch_size)
        analyses = [analysis_of(doc, a.id) for a, doc in zip(articles, docs)]
        read_headlines(nlp, articles, analyses, batch_size)
        return analyses
    except Exception:  # noqa: BLE001 - find the culprit one by one
        return [_analyze_one(nlp, a) for a in articles]


def read_headlines(nlp: Language, articles: list[Article], analyses: list[ArticleAnalysis], batch_size: int) -> None:
    """Set each titled article's headline reading. The title is not part of the parsed
    text, so it is parsed here on its own, by the model's components only (the reading
    needs the parse and lemmas, not entities nor newsprism's records), and read by the
    predications component; without that component no headline is read."""
    if HEADLINE_READER not in nlp.pipe_names:
        return
    reader = nlp.get_pipe(HEADLINE_READER)
    titled = [(a.id, a.title, analysis) for a, analysis in zip(articles, analyses) if a.title and a.title.strip()]
    left_out = [name for name in nlp.pipe_names if name.startswith("newsprism_") or name in TITLE_UNNEEDED]
    titles = nlp.pipe((title for _, title, _ in titled), batch_size=batch_size, disable=left_out)
    for (article_id, _, analysis), title in zip(titled, titles):
        analysis.headline = reader.read_headline(title, article_id)


def new_doc(nlp: Language, article: Article) -> Doc:
    """A tokenised Doc carrying what components need to know of the article."""
    doc = nlp.make_doc(article.text)
    doc.user_data["newsprism_published"] = article.published
    doc.user_data["newsprism_outlet"] = article.outlet
    return doc


def _analyze_one(nlp: Language, article: Article) -> ArticleAnalysis | ErrorRecord:
    try:
        analysis = analysis_of(nlp(new_doc(nlp, article)), article.id)
        read_headlines(nlp, [article], [analysis], 1)
        return analysis
    except Exception as error:  # noqa: BLE001 - one bad article must not stop the batch
        return ErrorRecord(article.source, STAGE, f"{type(error).__name__}: {error}")


def analyze_articles(articles: Iterable[Article], settings: Settings) -> Iterator[Outcome]:
    """Yield (article, analysis or error) in input order."""
    if settings.processes <= 1 or os.name != "posix":
        from newsprism.analysis.pipeline import load_pipeline

        nlp = load_pipeline(settings)
        for chunk in _chunks(articles, CHUNK):
            yield from zip(chunk, analyze_chunk(nlp, chunk, settings.batch_size))
        return
    yield from _analyze_in_pool(articles, settings)


def _analyze_in_pool(articles: Iterable[Article], settings: Settings) -> Iterator[Outcome]:
    """Forked workers inherit the pipeline loaded here, so a bad model name or data
    file fails once, in this process, with its own message, and no worker loads again."""
    global _worker_nlp
    from newsprism.analysis.pipeline import load_pipeline

    _worker_nlp = load_pipeline(settings)
    _load_shared_data(settings.components)
    limit = settings.processes * IN_FLIGHT_PER_PROCESS
    with multiprocessing.get_context("fork").Pool(settings.processes) as pool:
        pending: deque = deque()
        for chunk in _chunks(articles, CHUNK):
            work = [(a.id, a.source, a.text, a.published, a.outlet, a.title) for a in chunk]
            pending.append((chunk, pool.apply_async(_worker_analyze, (work, settings.batch_size))))
            while len(pending) >= limit:
                yield from _collect(pending.popleft())
        while pending:
            yield from _collect(pending.popleft())


def _load_shared_data(components: tuple[str, ...]) -> None:
    """Load here, once, the data components would otherwise load in every worker: the
    gazetteer (the actors component looks up places named in titles; events and
    predications geocode) and the knowledge base places are checked against."""
    from newsprism.analysis.places import default_kb, gazetteer

    geocoding = {"newsprism_events", "newsprism_predications"} & set(components)
    if geocoding or "newsprism_actors" in components:
        gazetteer()
    if geocoding:
        default_kb()


def _collect(item) -> Iterator[Outcome]:
    chunk, result = item
    return zip(chunk, result.get())


def _worker_analyze(work: list[tuple], batch_size: int) -> list[ArticleAnalysis | ErrorRecord]:
    assert _worker_nlp is not None
    articles = [
        Article(id=aid, source=source, text=text, published=published, outlet=outlet, title=title)
        for aid, source, text, published, outlet, title in work
    ]
    return analyze_chunk(_worker_nlp, articles, batch_size)


def _chunks(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk
