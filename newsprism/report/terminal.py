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
    """A progress bar over the input files with the article count and rate, then one
    over the stories whose claims are recomputed."""

    def __init__(self, console: Console):
        self._bar = RichProgress(
            TextColumn("[bold]{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[detail]}"),
            TimeElapsedColumn(),
            console=console,
            transient=False,
        )
        self._articles = 0
        self._started = time.perf_counter()

    def start(self, sources: int) -> None:
        self._task = self._bar.add_task("analyze", total=sources, detail="files · 0 articles")
        self._started = time.perf_counter()
        self._bar.start()

    def source_done(self) -> None:
        self._bar.advance(self._task)

    def articles_done(self, count: int) -> None:
        self._articles += count
        rate = self._articles / max(time.perf_counter() - self._started, 1e-9)
        self._bar.update(self._task, detail=f"files · {self._articles} articles · {rate:.1f} articles/s")

    def comparing(self, stories: int) -> None:
        self._stories = self._bar.add_task("compare", total=stories, detail="stories: claims and stances")

    def story_compared(self) -> None:
        self._bar.advance(self._stories)

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


STANCE_MARKS = {"asserts": "✔ asserts", "reports": "↪ reports", "denies": "✘ denies", "questions": "? questions"}
STANCE_STYLES = {"asserts": "green", "reports": "cyan", "denies": "bold red", "questions": "yellow"}


def print_story(console: Console, view, max_claims: int = 12) -> None:
    """The side-by-side story: outlets, contested claims with who says what, each
    outlet's exclusives and omissions, and how outlets portray actor relations."""
    from newsprism.story.compare import outlet_name
    from newsprism.story.graph import ALL_OUTLETS

    outlet_of = {a.id: outlet_name(a) for a in view.articles}
    console.print(f"[bold]{escape(view.title or view.story_id)}[/]  [dim]{view.story_id}[/]", soft_wrap=True)
    carried = {a.id: sum(1 for c in view.claims if any(m.article_id == a.id for m in c.mentions)) for a in view.articles}
    console.print(_table("Outlets", ["outlet", "headline", "published", "by", "claims"], [
        (outlet_of[a.id], a.title, (a.published or "")[:10], ", ".join(a.authors), carried[a.id]) for a in view.articles
    ]))
    contested = [c for c in view.claims if c.status == "contested"]
    console.print(f"\n[bold]Contested claims[/] ({len(contested)} of {len(view.claims)} claims)")
    for claim in contested[:max_claims]:
        _print_claim(console, claim, outlet_of)
    if len(contested) > max_claims:
        console.print(f"  … {len(contested) - max_claims} more: newsprism claims --contested --story {view.story_id}")
    exclusives = _exclusives(view.claims, outlet_of, max_claims * 2)
    console.print(_table("Only one outlet carries", ["outlet", "claim"], exclusives))
    if len(exclusives) < sum(1 for c in view.claims if c.status == "single-source" and c.type):
        console.print(f"  [dim]more: newsprism claims --status single-source --story {view.story_id}[/]")
    omitted = {(outlet_of[article_id], claim_label(claim)) for article_id, claims in view.omitted.items() for claim in claims}
    console.print(_table("Left out: claims most other outlets carry", ["outlet", "leaves out"], sorted(omitted)))
    _print_labels(console, view.framings, max_claims)
    pairs = [r for r in view.relations if r.outlet != ALL_OUTLETS]
    console.print(_table("Actor relations as each outlet portrays them", ["actors", "outlet", "cooperation", "conflict"], [
        (f"{r.actor_a} – {r.actor_b}", r.outlet, r.cooperation, r.conflict) for r in pairs[: max_claims * 2]
    ]))


def _exclusives(claims, outlet_of: dict[str, str], limit: int) -> list[tuple[str, str]]:
    """Single-source event claims, a fair share for each outlet, each outlet's earliest in
    its article first (news puts what matters most at the top)."""
    by_outlet: dict[str, list[tuple[int, str]]] = {}
    for claim in claims:
        if claim.status == "single-source" and claim.type:
            first = claim.mentions[0]
            by_outlet.setdefault(outlet_of[first.article_id], []).append((first.start or 0, claim_label(claim)))
    share = max(2, limit // max(len(by_outlet), 1))
    return [(outlet, summary) for outlet in sorted(by_outlet)
            for _, summary in sorted(set(by_outlet[outlet]))[:share]]


def _print_labels(console: Console, framings, max_actors: int) -> None:
    """Per actor, the outlets side by side: the labels each attaches to it (loaded ones
    first, marked *), the names it uses, and the tone of its sentences naming the actor."""
    rows = []
    for row in framings[:max_actors]:
        for outlet in row.outlets:
            described = sorted((label for label in outlet.labels if label["kind"] != "name"),
                               key=lambda label: not label["loaded"])
            labels = [f"{'*' if label['loaded'] else ''}{label['text']} ×{label['count']}" for label in described]
            names = [label["text"] for label in outlet.labels if label["kind"] == "name"]
            tone = "" if outlet.tone is None else f"{outlet.tone:+.2f}"
            rows.append((row.actor_id, outlet.outlet, ", ".join(labels[:4]) or "—", " / ".join(names[:3]), tone))
    console.print(_table("How each outlet labels the actors (* loaded)", ["actor", "outlet", "labels", "names", "tone"], rows))


def claim_label(claim) -> str:
    """A claim in a list: its summary, after its statement when it has one (kept for
    contested claims and for claims whose summary another claim shares)."""
    return f"{claim.statement} · {claim.summary}" if claim.statement else claim.summary


def _print_claim(console: Console, claim, outlet_of: dict[str, str]) -> None:
    kinds = ", ".join(claim.contradictions)
    if claim.statement:
        console.print(f"  [bold]• {escape(claim.statement)}[/] [dim]({kinds})[/]", soft_wrap=True)
        console.print(f"    {escape(claim.summary)}", soft_wrap=True)
    else:
        console.print(f"  [bold]•[/] {escape(claim.summary)} [dim]({kinds})[/]", soft_wrap=True)
    for mention in claim.mentions:
        style = STANCE_STYLES[mention.stance]
        extra = f" {mention.value:g}" if mention.value is not None else ""
        via = f" via {mention.source}" if mention.source else ""
        where = "headline: " if mention.start is None else ""
        console.print(
            f"      [{style}]{STANCE_MARKS[mention.stance]}{escape(extra)}[/] {escape(outlet_of.get(mention.article_id, mention.article_id))}"
            f"{escape(via)} [dim]— {where}{escape(_clip(mention.text, 140))}[/]", soft_wrap=True,
        )


def _clip(text: str, size: int) -> str:
    return text if len(text) <= size else text[: size - 1].rstrip() + "…"
