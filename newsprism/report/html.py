"""The HTML views: one self-contained report file, or one page at a time for the web app.

Jinja2 renders with autoescape on, so article text, titles and metadata (hostile
input) always come out as text. The page's only script and stylesheet are inlined;
a Content-Security-Policy admits that exact script (by its SHA-256) and nothing
from anywhere else (CSP Level 3, W3C), so a view makes no network request.
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from urllib.parse import quote

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from newsprism.report import svg
from newsprism.report.views import ArticlePage, Overview, StoryPage, article_page, evidence_anchor, overview, story_ids, story_page
from newsprism.store import Store
from newsprism.story.graph import ALL_OUTLETS

STANCE_MARKS = {"asserts": "✔", "reports": "↪", "denies": "✘", "questions": "?"}
STANCE_WORDS = {"asserts": "asserts", "reports": "reports (credits it to someone)", "denies": "denies",
                "questions": "questions"}


def _asset(name: str) -> str:
    return (resources.files("newsprism.report") / "templates" / name).read_text(encoding="utf-8")


SCRIPT = _asset("report.js")
STYLE = _asset("report.css")
SCRIPT_HASH = "sha256-" + base64.b64encode(hashlib.sha256(SCRIPT.encode("utf-8")).digest()).decode()


def content_security_policy(app: bool) -> str:
    """Nothing external: only the inlined script (by hash) and styles; forms post to the app only."""
    own = "'self'" if app else "'none'"
    return (f"default-src 'none'; script-src '{SCRIPT_HASH}'; style-src 'unsafe-inline'; img-src data:; "
            f"base-uri 'none'; form-action {own}; connect-src {own}")


@dataclass(frozen=True, slots=True)
class Links:
    """Where a view links to: anchors inside the report file, or the web app's paths."""

    app: bool

    def overview(self, page: int = 1) -> str:
        if not self.app:
            return "#overview"
        return "/" if page == 1 else f"/?page={page}"

    def story(self, story_id: str) -> str:
        return f"/story/{quote(story_id, safe='')}" if self.app else f"#s/{story_id}"

    def article(self, article_id: str, anchor: str | None = None) -> str:
        page = f"/article/{quote(article_id, safe='')}" if self.app else ""
        if anchor:
            return f"{page}#{anchor}"
        return page or f"#a/{article_id}"

    def evidence(self, article_id: str, start: int | None) -> str:
        return self.article(article_id, evidence_anchor(article_id, start) if start is not None else None)


def element_key(value: str) -> str:
    """A short id-safe key for any string (story ids come from user input)."""
    return hashlib.sha1(value.encode("utf-8")).hexdigest()[:10]


def _environment() -> Environment:
    env = Environment(loader=PackageLoader("newsprism.report", "templates"), autoescape=select_autoescape(default=True),
                      trim_blocks=True, lstrip_blocks=True)
    env.filters["key"] = element_key
    env.globals.update(
        STANCE_MARKS=STANCE_MARKS, STANCE_WORDS=STANCE_WORDS, ALL_OUTLETS=ALL_OUTLETS, svg=svg,
        script=Markup(SCRIPT), style=Markup(STYLE), safe_url=safe_url, tone_word=tone_word,
    )
    return env



def safe_url(url: str | None) -> str | None:
    """An article's URL as a link target only when it is http(s): never `javascript:` or `data:`."""
    return url if url and url.lower().startswith(("http://", "https://")) else None


def tone_word(tone: float | None) -> str:
    """VADER compound score in words (thresholds from Hutto & Gilbert 2014: ±0.05)."""
    if tone is None:
        return "no tone"
    return "positive" if tone >= 0.05 else ("negative" if tone <= -0.05 else "neutral")


ENV = _environment()


def render_overview(data: Overview, links: Links) -> str:
    return ENV.get_template("page.html").render(title="Overview", view="overview", overview=data, links=links,
                                                csp=content_security_policy(links.app), app=links.app)


def render_story(page: StoryPage, links: Links) -> str:
    title = page.view.title or page.view.story_id
    return ENV.get_template("page.html").render(title=title, view="story", story=page, links=links,
                                                csp=content_security_policy(links.app), app=links.app)


def render_article(page: ArticlePage, links: Links) -> str:
    title = page.article.title or page.article.id
    return ENV.get_template("page.html").render(title=title, view="article", article=page, links=links,
                                                csp=content_security_policy(links.app), app=links.app)


def render_template(name: str, links: Links, **context) -> str:
    """Any other page of the app (search, SQL, API docs) in the same frame."""
    return ENV.get_template(name).render(links=links, csp=content_security_policy(links.app), app=links.app, **context)


def write_report(store: Store, output: Path, only: list[str] | None = None) -> int:
    """Write the whole report (overview, every story or just `only`, and their
    articles) into one self-contained HTML file; returns its size in bytes."""
    chosen = only or story_ids(store)
    actors = store.actors()
    stories = [story_page(store, story_id, actors) for story_id in chosen]
    articles = [page for s in stories for a in s.view.articles
                if (page := article_page(store, a.id, actors, s.view.claims))]
    html = ENV.get_template("report.html").render(
        title="newsprism report", overview=overview(store), stories=stories, articles=articles,
        links=Links(app=False), csp=content_security_policy(False), app=False, database=store.path.name,
    )
    data = html.encode("utf-8")
    output.write_bytes(data)
    return len(data)
