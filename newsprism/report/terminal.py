"""What the CLI prints: the run summary, a corpus overview, query results, progress."""

from __future__ import annotations

import time
from typing import Sequence

from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress as RichProgress, TextColumn, TimeElapsedColumn
from rich.table import Table

from newsprism.runner import Progress, RunSummary
from newsprism.store import Store

MAX_ERRORS_SHOWN = 20


class BarProgress(Progress):
    """A progress bar over the input files with the article count and rate."""

    def __init__(self, console: Console):
        self._bar = RichProgress(
            TextColumn("[bold]analyze"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("files · {task.fields[articles]} articles · {task.fields[rate]}"),
            TimeElapsedColumn(),
            console=console,
            transient=False,
        )
        self._articles = 0
        self._started = time.perf_counter()

    def start(self, sources: int) -> None:
        self._task = self._bar.add_task("analyze", total=sources, articles=0, rate="")
        self._started = time.perf_counter()
        self._bar.start()

    def source_done(self) -> None:
        self._bar.advance(self._task)

    def articles_done(self, count: int) -> None:
        self._articles += count
        rate = self._articles / max(time.perf_counter() - self._started, 1e-9)
        self._bar.update(self._task, articles=self._articles, rate=f"{rate:.1f} articles/s")

    def stop(self) -> None:
        self._bar.stop()


def print_run_summary(console: Console, summary: RunSummary) -> None:
    line = (
        f"[bold]{summary.stored}[/] article(s) stored from {summary.sources} file(s)"
        f" ({summary.duplicates} marked as duplicates), {summary.already_stored} already stored,"
        f" [bold {'red' if summary.failed else 'green'}]{summary.failed}[/] failed."
    )
    console.print(line, soft_wrap=True)
    for error in summary.errors[:MAX_ERRORS_SHOWN]:
        console.print(f"  [red]✗[/] {escape(error.source)} [dim]({error.stage})[/]: {escape(error.message)}", soft_wrap=True)
    if len(summary.errors) > MAX_ERRORS_SHOWN:
        console.print(f"  … and {len(summary.errors) - MAX_ERRORS_SHOWN} more (see the errors table)")


def print_overview(console: Console, store: Store, top: int = 15) -> None:
    outlets = store.con.execute(
        """SELECT coalesce(outlet, '(unknown)'), count(*), count(duplicate_of), min(published), max(published)
           FROM articles GROUP BY 1 ORDER BY 2 DESC, 1"""
    ).fetchall()
    console.print(_table("Outlets", ["outlet", "articles", "duplicates", "first", "last"], outlets))
    actors = store.con.execute(
        """SELECT a.id, a.kind, a.country, a.role, count(*) AS mentions, count(DISTINCT m.article_id) AS articles
           FROM mentions m JOIN actors a ON a.id = m.actor_id
           GROUP BY ALL ORDER BY articles DESC, mentions DESC, a.id LIMIT ?""",
        [top],
    ).fetchall()
    console.print(_table("Actors", ["actor", "kind", "country", "role", "mentions", "articles"], actors))
    counts = store.counts()
    [(shared,)] = store.con.execute(
        """SELECT count(*) FROM (SELECT group_id FROM quotes q JOIN articles a ON a.id = q.article_id
           GROUP BY group_id HAVING count(DISTINCT a.outlet) > 1)"""
    ).fetchall()
    console.print(
        f"Found {counts['quotes']} quotes ({shared} statements quoted by more than one outlet), "
        f"{counts['attributions']} source attributions, {counts['events']} events, "
        f"{counts['quantities']} quantities, {counts['stories']} stories. "
        "More: newsprism quotes | citations | stories --db FILE",
        soft_wrap=True,
    )


def print_rows(console: Console, columns: Sequence[str], rows: Sequence[Sequence]) -> None:
    console.print(_table(None, columns, rows))


def _table(title: str | None, columns: Sequence[str], rows: Sequence[Sequence]) -> Table:
    table = Table(title=title, title_justify="left", show_lines=False)
    for column in columns:
        table.add_column(column)
    for row in rows:
        table.add_row(*(escape("" if value is None else str(value)) for value in row))
    return table
