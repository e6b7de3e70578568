"""The newsprism command line: analyze, demo, export, query, quotes, citations, stories, story,
report, serve."""

from __future__ import annotations

import csv
import json
import os
import sys
from importlib import resources
from pathlib import Path

# Set before numpy/spaCy load: one BLAS thread per process is fastest here (deps.md).
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import click  # noqa: E402
from rich.console import Console  # noqa: E402

from newsprism.config import DEFAULT_MODEL, LEXICONS, Settings  # noqa: E402

EXIT_SOME_FAILED = 1
EXIT_CANNOT_RUN = 3
DEMO_DB = "newsprism-demo.duckdb"
DEMO_REPORT = "newsprism-demo.html"

console = Console(stderr=False)
err_console = Console(stderr=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="newsprism")
def main() -> None:
    """newsprism: one story, every side.

    Reads news articles about the same story from outlets that disagree and finds
    the actors, who said what (quotes with speakers), which sources each outlet
    cites, the events with their polarity and modality, and the numbers; groups the
    articles into stories; stores everything in a DuckDB file you can query and export.
    """


def _settings(model: str, actors: tuple[str, ...], replace_actors: bool, lexicons: tuple[tuple[str, str], ...],
              processes: int, max_bytes: int, quiet: bool) -> Settings:
    return Settings(
        model=model, actors_files=actors, replace_actors=replace_actors, lexicon_files=lexicons,
        processes=processes, max_bytes=max_bytes, progress=not quiet,
    )


def _lexicon_files(ctx, param, values: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """KIND=FILE pairs, checked: a known kind and a readable file."""
    pairs = []
    for value in values:
        kind, _, path = value.partition("=")
        if kind not in LEXICONS or not path:
            raise click.BadParameter(f"{value!r}: expected KIND=FILE with KIND one of {', '.join(LEXICONS)}")
        if not Path(path).is_file():
            raise click.BadParameter(f"{path}: no such file")
        pairs.append((kind, path))
    return tuple(pairs)


LEXICON_HELP = ("A word file extending one of the bundled ones, as KIND=FILE; repeatable, applied in order. "
                "KIND (bundled file in newsprism/data, whose header gives the format): "
                + "; ".join(f"{kind} ({bundled})" for kind, (bundled, _, _) in LEXICONS.items()) + ".")


def _analysis_options(function):
    options = [
        click.option("--model", default=lambda: os.environ.get("NEWSPRISM_MODEL", DEFAULT_MODEL), show_default=DEFAULT_MODEL,
                     help="spaCy pipeline to parse with, by package name (or set NEWSPRISM_MODEL)."),
        click.option("--actors", "actors", multiple=True, type=click.Path(exists=True, dir_okay=False),
                     help="Extra actor knowledge base file (.jsonl, .json or .csv); repeatable. Entries override bundled ones with the same id."),
        click.option("--replace-actors", is_flag=True, help="Use only the --actors files, not the bundled knowledge base."),
        click.option("--lexicon", "lexicons", multiple=True, metavar="KIND=FILE", callback=_lexicon_files,
                     help=LEXICON_HELP),
        click.option("--processes", "-j", type=click.IntRange(min=1), default=os.cpu_count() or 1, show_default=True,
                     help="Worker processes for parsing."),
        click.option("--max-bytes", type=click.IntRange(min=1), default=10_000_000, show_default=True,
                     help="Largest article (file, JSONL line or WARC record) to read; larger ones are reported as errors."),
        click.option("--quiet", "-q", is_flag=True, help="No progress bar and no overview; only the one-line summary."),
    ]
    for option in reversed(options):
        function = option(function)
    return function


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--db", required=True, type=click.Path(dir_okay=False), help="DuckDB file to create or add to.")
@_analysis_options
def analyze(paths, db, model, actors, replace_actors, lexicons, processes, max_bytes, quiet) -> None:
    """Analyse articles and store them in a database.

    PATHS are files, folders (read recursively), glob patterns or '-' for standard
    input. Formats by suffix: .txt, .html/.htm, .jsonl/.json (one article per object:
    'text' required; optional id, title, url, outlet, published, authors), .warc and
    .warc.gz (each HTML response is an article).

    Re-running on the same input adds nothing twice; new inputs are appended. A bad
    file becomes a row in the 'errors' table and the rest go on. Exit status: 0 when
    everything was read, 1 when some inputs failed, 3 when nothing could run.
    """
    settings = _settings(model, actors, replace_actors, lexicons, processes, max_bytes, quiet)
    _run(list(paths), db, settings, overview=not quiet)


@main.command()
@click.option("--db", default=DEMO_DB, show_default=True, type=click.Path(dir_okay=False),
              help="Where to write the demo database (replaced if it exists).")
@click.option("--report", "report_path", default=DEMO_REPORT, show_default=True, type=click.Path(dir_okay=False),
              help="Where to write the HTML report of the demo (replaced if it exists).")
@click.option("--processes", "-j", type=click.IntRange(min=1), default=os.cpu_count() or 1, show_default=True)
def demo(db, report_path, processes) -> None:
    """Analyse the bundled sample corpus (invented articles), print what was found and
    its biggest story side by side, and write the HTML report."""
    from newsprism.report.html import write_report
    from newsprism.report.terminal import print_story
    from newsprism.store import Store
    from newsprism.story.compare import story_view

    corpus = resources.files("newsprism") / "samples" / "corpus"
    for stale in (Path(db), Path(db + ".wal")):
        stale.unlink(missing_ok=True)
    console.print(f"Analysing the bundled sample corpus in {corpus} into {db}")
    _run([str(corpus)], db, Settings(processes=processes), overview=True)
    with Store(db, read_only=True) as store:
        [(story_id,)] = store.con.execute("SELECT id FROM stories ORDER BY len(article_ids) DESC, id LIMIT 1").fetchall()
        console.rule("The biggest story, side by side")
        print_story(console, story_view(store, story_id), max_claims=5)
        size = write_report(store, Path(report_path))
    console.print(f"\nOpen the report in a browser: {report_path} ({size / 1_000_000:.1f} MB, works offline)\n"
                  f"Explore it: newsprism story {story_id} --db {db}\n"
                  f"            newsprism claims --db {db} --contested\n"
                  f"            newsprism serve --db {db}\n"
                  f'            newsprism query --db {db} "SELECT outlet, title FROM articles"')


def _run(paths: list[str], db: str, settings: Settings, overview: bool) -> None:
    from newsprism.analysis.pipeline import ModelMissing, PipelineError
    from newsprism.report.terminal import BarProgress, print_overview, print_run_summary
    from newsprism.runner import analyze as run_analysis
    from newsprism.store import Store, StoreError
    from newsprism.story.embeddings import EmbeddingModelMissing

    progress = BarProgress(err_console) if settings.progress else None
    try:
        summary = run_analysis(paths, db, settings, progress)
    except (ModelMissing, PipelineError, StoreError, EmbeddingModelMissing) as error:
        err_console.print(f"[red]error:[/] {error}")
        sys.exit(EXIT_CANNOT_RUN)
    print_run_summary(console, summary)
    if overview:
        with Store(db, read_only=True) as store:
            print_overview(console, store)
    if not summary.ok:
        sys.exit(EXIT_SOME_FAILED)


@main.command()
@click.option("--db", required=True, type=click.Path(exists=True, dir_okay=False), help="DuckDB file to read.")
@click.option("--format", "fmt", type=click.Choice(["json", "jsonl", "csv", "parquet"]), required=True,
              help="json: one file, one object keyed by table name. jsonl/csv/parquet: one file per table in the -o folder.")
@click.option("-o", "--output", required=True, type=click.Path(), help="Output file (json) or folder (jsonl, csv, parquet).")
@click.option("--table", "tables", multiple=True, help="Export only this table; repeatable. Default: every table.")
def export(db, fmt, output, tables) -> None:
    """Export the database tables (the data contract in DESIGN.md)."""
    from newsprism.store import Store
    from newsprism.store.export import ExportError, export as run_export

    with Store(db, read_only=True) as store:
        try:
            written = run_export(store, fmt, Path(output), tables)
        except ExportError as error:
            raise click.UsageError(str(error)) from None
    for path in written:
        console.print(f"wrote {path}")


@main.command()
@click.argument("sql")
@click.option("--db", required=True, type=click.Path(exists=True, dir_okay=False), help="DuckDB file to read.")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True)
def query(sql, db, fmt) -> None:
    """Run read-only SQL over the database, e.g.

    newsprism query --db story.duckdb "SELECT outlet, count(*) FROM articles GROUP BY 1"

    Tables: articles, actors, mentions, quotes, attributions, events, quantities,
    predications, stories, claims, framings, citations, errors.
    """
    import duckdb

    from newsprism.store import Store

    with Store(db, read_only=True, sandboxed=True) as store:
        try:
            cursor = store.con.execute(sql)
        except duckdb.Error as error:
            raise click.ClickException(str(error).splitlines()[0]) from None
        if cursor.description is None:
            return
        columns = [d[0] for d in cursor.description]
        rows = cursor.fetchall()
    _emit(columns, rows, fmt)


CITATIONS_SQL = """
SELECT coalesce(ar.outlet, '(unknown outlet)') AS outlet, coalesce(ac.name, c.cited) AS cited,
       coalesce(ac.kind, '') AS kind, count(DISTINCT c.article_id) AS articles, sum(c.count) AS citations
FROM citations c JOIN articles ar ON ar.id = c.article_id LEFT JOIN actors ac ON ac.id = c.cited_id
WHERE (? IS NULL OR ar.outlet = ?)
GROUP BY ALL ORDER BY outlet, citations DESC, cited
"""

QUOTES_SQL = """
WITH q AS (
    SELECT q.*, coalesce(ar.outlet, '(unknown outlet)') AS outlet,
           coalesce(ac.name, q.speaker, '(unknown)') AS who,
           count(DISTINCT ar.outlet) OVER (PARTITION BY q.group_id) AS outlets
    FROM quotes q JOIN articles ar ON ar.id = q.article_id LEFT JOIN actors ac ON ac.id = q.speaker_id
)
SELECT group_id, who AS speaker, outlet, kind, text FROM q
WHERE outlets >= ? AND (? IS NULL OR speaker_id = ?)
ORDER BY outlets DESC, group_id, outlet, start
LIMIT ?
"""


@main.command()
@click.option("--db", required=True, type=click.Path(exists=True, dir_okay=False), help="DuckDB file to read.")
@click.option("--outlet", default=None, help="Only the sources this outlet cites.")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True)
def citations(db, outlet, fmt) -> None:
    """Which outlets cite which sources ("according to …", "… reported", "told …"), and how often.

    One row per citing outlet and cited source: the number of articles that cite it and
    the number of attributions in them. Same data: the 'citations' table.
    """
    _print_query(db, CITATIONS_SQL, [outlet, outlet], fmt)


@main.command()
@click.option("--db", required=True, type=click.Path(exists=True, dir_okay=False), help="DuckDB file to read.")
@click.option("--speaker", default=None, help="Only quotes of this actor id (e.g. hassan-rouhani).")
@click.option("--min-outlets", type=click.IntRange(min=1), default=1, show_default=True,
              help="Only statements quoted by at least this many outlets.")
@click.option("--limit", type=click.IntRange(min=1), default=200, show_default=True)
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True)
def quotes(db, speaker, min_outlets, limit, fmt) -> None:
    """Who said what, and which outlets quote it.

    Quotes of the same statement share a group (the same words cut differently, or
    re-translated); statements carried by the most outlets come first.
    """
    _print_query(db, QUOTES_SQL, [min_outlets, speaker, speaker, limit], fmt)


CLAIMS_SQL = """
SELECT c.story_id, c.id, c.status, array_to_string(c.contradictions, ', ') AS contradictions, c.outlets,
       c.type, c.statement, c.summary,
       string_agg(DISTINCT coalesce(a.outlet, a.id) || ': ' || m.stance, '; ' ORDER BY coalesce(a.outlet, a.id) || ': ' || m.stance)
           AS stances
FROM claims c, unnest(c.mentions) AS u(m) JOIN articles a ON a.id = m.article_id
WHERE (? IS NULL OR c.story_id = ?) AND (NOT ? OR c.status = 'contested') AND (? IS NULL OR c.status = ?)
GROUP BY c.story_id, c.id, c.status, c.contradictions, c.outlets, c.type, c.statement, c.summary
ORDER BY c.story_id, c.status != 'contested', c.outlets DESC, c.id
LIMIT ?
"""


@main.command()
@click.argument("story_id")
@click.option("--db", required=True, type=click.Path(exists=True, dir_okay=False), help="DuckDB file to read.")
@click.option("--max-claims", type=click.IntRange(min=1), default=12, show_default=True,
              help="Contested claims to show in full.")
def story(story_id, db, max_claims) -> None:
    """One story side by side: its outlets, the contested claims with who asserts,
    reports, denies or questions them, what only one outlet carries, what each outlet
    leaves out, and how each outlet portrays the relations between actors.

    STORY_ID comes from 'newsprism stories'.
    """
    from newsprism.report.terminal import print_story
    from newsprism.store import Store, StoreError
    from newsprism.story.compare import story_view

    with Store(db, read_only=True) as store:
        try:
            view = story_view(store, story_id)
        except StoreError as error:
            raise click.ClickException(str(error)) from None
    print_story(console, view, max_claims)


@main.command()
@click.option("--db", required=True, type=click.Path(exists=True, dir_okay=False), help="DuckDB file to read.")
@click.option("--story", "story_id", default=None, help="Only this story's claims.")
@click.option("--contested", is_flag=True, help="Only claims some outlets assert or report and others deny, "
              "or give different numbers for, or tell with the roles swapped.")
@click.option("--status", type=click.Choice(["consensus", "contested", "single-source"]), default=None,
              help="Only claims with this status.")
@click.option("--limit", type=click.IntRange(min=1), default=200, show_default=True)
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True)
def claims(db, story_id, contested, status, limit, fmt) -> None:
    """What the articles of each story claim, and each outlet's stance on it.

    A claim is one assertion about the same actors however worded; an outlet asserts
    it, reports it (credits it to someone), denies it or questions it. Status:
    consensus, contested or single-source. Same data: the 'claims' table.
    """
    _print_query(db, CLAIMS_SQL, [story_id, story_id, contested, status, status, limit], fmt)


@main.command()
@click.argument("story_id")
@click.option("--db", required=True, type=click.Path(exists=True, dir_okay=False), help="DuckDB file to read.")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True)
def timeline(story_id, db, fmt) -> None:
    """A story's claims by the date their events happened, with the outlets that carry each."""
    from newsprism.store import Store, StoreError
    from newsprism.story.compare import story_view

    with Store(db, read_only=True) as store:
        try:
            view = story_view(store, story_id)
        except StoreError as error:
            raise click.ClickException(str(error)) from None
    rows = [(e.date, e.granularity, e.status, ", ".join(e.outlets), e.summary) for e in view.timeline]
    _emit(["date", "granularity", "status", "outlets", "claim"], rows, fmt)


@main.command()
@click.argument("story_id")
@click.option("--db", required=True, type=click.Path(exists=True, dir_okay=False), help="DuckDB file to read.")
@click.option("-o", "--output", type=click.Path(dir_okay=False), default=None,
              help="Also write the graph as GraphML (for Gephi, Cytoscape, yEd, networkx).")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True)
def relations(story_id, db, output, fmt) -> None:
    """Cooperation and conflict between each pair of actors in a story, over all its
    outlets and as each outlet portrays it (from the events' quad classes; negated
    events count for neither)."""
    from newsprism.store import Store, StoreError
    from newsprism.story.compare import story_view
    from newsprism.story.graph import write_graphml

    with Store(db, read_only=True) as store:
        try:
            view = story_view(store, story_id)
        except StoreError as error:
            raise click.ClickException(str(error)) from None
        actors = store.actors()
    rows = [(r.actor_a, r.actor_b, r.outlet, r.cooperation, r.conflict, round(r.balance, 2)) for r in view.relations]
    _emit(["actor_a", "actor_b", "outlet", "cooperation", "conflict", "balance"], rows, fmt)
    if output:
        write_graphml(Path(output), view.relations, actors)
        err_console.print(f"wrote {output}")


@main.command()
@click.option("--db", required=True, type=click.Path(exists=True, dir_okay=False), help="DuckDB file to read.")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False), help="The HTML file to write.")
@click.option("--story", "story_ids", multiple=True, help="Only this story (repeatable). Default: every story.")
def report(db, output, story_ids) -> None:
    """Write one self-contained HTML report: the corpus overview, each story's outlets
    side by side with its claims matrix, quotes, citations, actor relations, framing
    and timeline, and every article with what was found in it highlighted.

    The file works offline and makes no network request: mail it, open it from disk.
    """
    from newsprism.report.html import write_report
    from newsprism.store import Store, StoreError

    with Store(db, read_only=True) as store:
        try:
            size = write_report(store, Path(output), list(story_ids) or None)
        except StoreError as error:
            raise click.ClickException(str(error)) from None
    console.print(f"wrote {output} ({size / 1_000_000:.2f} MB)")


@main.command()
@click.option("--db", required=True, type=click.Path(exists=True, dir_okay=False), help="DuckDB file to read.")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (the default serves this machine only).")
@click.option("--port", type=click.IntRange(min=0, max=65535), default=8000, show_default=True, help="Port (0: any free port).")
@click.option("--sql-timeout", type=click.FloatRange(min=0.1), default=5.0, show_default=True,
              help="Seconds an SQL page query may run before it is stopped.")
@click.option("--max-rows", type=click.IntRange(min=1), default=1000, show_default=True, help="Most rows an SQL query returns.")
def serve(db, host, port, sql_timeout, max_rows) -> None:
    """Browse a database in the web browser: the report's views live, search over
    articles and claims, a JSON API (documented at /openapi.json and /api) and a
    read-only SQL page. The database is opened read-only and sandboxed.
    """
    from newsprism.serve import make_server
    from newsprism.store import StoreError

    try:
        server = make_server(db, host, port, sql_timeout, max_rows)
    except (StoreError, OSError) as error:
        raise click.ClickException(str(error)) from None
    bound_host, bound_port = server.server_address[:2]
    console.print(f"newsprism is serving {db} at http://{bound_host}:{bound_port}/ (Ctrl+C to stop)")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


STORIES_SQL = """
SELECT s.id, s.title, count(*) AS articles, count(DISTINCT a.outlet) AS outlets,
       min(left(a.published, 10)) AS first, max(left(a.published, 10)) AS last
FROM stories s JOIN story_articles sa ON sa.story_id = s.id JOIN articles a ON a.id = sa.article_id
GROUP BY s.id, s.title HAVING count(*) >= ?
ORDER BY articles DESC, first NULLS LAST, s.id
LIMIT ?
"""

STORY_ARTICLES_SQL = """
SELECT a.id, coalesce(a.outlet, '(unknown outlet)') AS outlet, left(a.published, 10) AS published, a.title
FROM story_articles sa JOIN articles a ON a.id = sa.article_id
WHERE sa.story_id = ?
ORDER BY published NULLS LAST, a.id
"""


@main.command()
@click.option("--db", required=True, type=click.Path(exists=True, dir_okay=False), help="DuckDB file to read.")
@click.option("--story", "story_id", default=None, help="List this story's articles instead (id, outlet, date, title).")
@click.option("--min-articles", type=click.IntRange(min=1), default=1, show_default=True,
              help="Only stories with at least this many articles.")
@click.option("--limit", type=click.IntRange(min=1), default=200, show_default=True)
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True)
def stories(db, story_id, min_articles, limit, fmt) -> None:
    """The stories: articles about the same real-world happening, grouped as they arrive.

    One row per story: its id, its title (the title of its most central article), how
    many articles and outlets carry it, and the first and last publication dates; the
    biggest stories come first. Two different crashes of the same kind are two stories.
    Same data: the 'stories' table (article_ids lists each story's articles).
    """
    if story_id:
        _print_query(db, STORY_ARTICLES_SQL, [story_id], fmt)
    else:
        _print_query(db, STORIES_SQL, [min_articles, limit], fmt)


def _print_query(db: str, sql: str, parameters: list, fmt: str) -> None:
    from newsprism.store import Store

    with Store(db, read_only=True) as store:
        cursor = store.con.execute(sql, parameters)
        columns = [d[0] for d in cursor.description]
        _emit(columns, cursor.fetchall(), fmt)


def _emit(columns: list[str], rows: list[tuple], fmt: str) -> None:
    from newsprism.report.terminal import print_rows

    if fmt == "table":
        print_rows(console, columns, rows)
    elif fmt == "csv":
        writer = csv.writer(sys.stdout)
        writer.writerow(columns)
        writer.writerows(rows)
    else:
        for row in rows:
            click.echo(json.dumps(dict(zip(columns, row)), default=str, ensure_ascii=False))


if __name__ == "__main__":
    main()
