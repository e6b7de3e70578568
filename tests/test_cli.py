"""The real command line, end to end, on the bundled sample corpus and on ../shared/seeds."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
from markupsafe import escape

from conftest import SAMPLES, SEEDS, newsprism  # the session's analysed databases are fixtures there


def rows(db: Path, sql: str) -> list[tuple]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql).fetchall()


def test_demo_stores_the_sample_corpus_with_its_syndicated_copy(demo_db):
    expected = json.loads((SAMPLES / "expected.json").read_text())
    [(articles, outlets)] = rows(demo_db, "SELECT count(*), count(DISTINCT outlet) FROM articles")
    assert articles == 8 and outlets >= 7
    duplicates = rows(demo_db, """SELECT a.title, b.title FROM articles a JOIN articles b ON a.duplicate_of = b.id""")
    assert len(duplicates) == len(expected["near_duplicate_pairs"]) == 1


def test_demo_stores_each_sample_article_with_its_designed_metadata(demo_db):
    expected = json.loads((SAMPLES / "expected.json").read_text())["articles"]
    stored = {row[0]: row[1:] for row in rows(demo_db, "SELECT title, outlet, authors, published FROM articles")}
    for meta in expected.values():
        outlet, authors, published = stored[meta["title"]]
        assert (outlet, list(authors), str(published)[:10]) == (meta["outlet"], meta["authors"], meta["published"])


def test_demo_finds_the_actors_of_the_invented_story(demo_db):
    actors = dict(rows(demo_db, "SELECT id, kind FROM actors"))
    assert actors["honduras"] == "country" and actors["el-salvador"] == "country"
    people = rows(demo_db, "SELECT name, role, country FROM actors WHERE kind = 'person'")
    assert any(role and "Foreign Minister" in role and country == "SLV" for _, role, country in people)


def test_seeds_are_ingested_with_their_metadata(seeds_db):
    articles = rows(seeds_db, "SELECT source, title, outlet, authors, published, language, text FROM articles")
    assert len(articles) == 5
    by_file = {Path(source).name: rest for source, *rest in articles}
    for name, (title, outlet, authors, published, language, text) in by_file.items():
        source_lines = [line.strip() for line in (SEEDS / name).read_text(encoding="utf-8").splitlines()]
        assert language == "en"
        assert title in source_lines  # the headline is a line of its own, not a fragment
        assert not text.startswith(title)  # and it left the body
        assert "Leave a Reply" not in text and "Share this article" not in text and "Check Also" not in text
        assert "Photo by" not in text
    assert any(published and published.startswith("2014-06-14") for _, _, _, published, _, _ in by_file.values())


def test_seed_actors_resolve_across_articles(seeds_db):
    actors = {row[0]: row[1:] for row in rows(seeds_db, "SELECT id, kind, country, role FROM actors")}
    for country in ("iran", "united-states", "iraq", "syria"):
        assert actors[country][0] == "country"
    assert actors["islamic-state"][0] == "armed_group"
    rouhani = [i for i, (kind, country, role) in actors.items() if kind == "person" and "rouhani" in i]
    assert len(rouhani) == 1, rouhani
    assert actors[rouhani[0]][1:] == ("IRN", "President")
    articles_naming = rows(seeds_db, f"SELECT count(DISTINCT article_id) FROM mentions WHERE actor_id = '{rouhani[0]}'")
    assert articles_naming[0][0] >= 3
    media = {i for i, (kind, *_rest) in actors.items() if kind == "media"}
    assert {"wall-street-journal", "the-guardian", "fox-news"} <= media


def test_rerun_adds_nothing_twice(seeds_db):
    before = rows(seeds_db, "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM mentions)")
    result = newsprism("analyze", str(SEEDS), "--db", str(seeds_db), "-j", "1", "-q")
    assert result.returncode == 0
    assert "0 article(s) stored" in result.stdout and "5 already stored" in result.stdout
    assert rows(seeds_db, "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM mentions)") == before


def test_bad_inputs_are_reported_and_the_batch_goes_on(tmp_path):
    good = SAMPLES / "corpus" / "daily-klaxon-gunboat-grab.txt"
    batch = tmp_path / "batch"
    batch.mkdir()
    (batch / "good.txt").write_bytes(good.read_bytes())
    (batch / "empty.txt").write_bytes(b"")
    (batch / "image.html").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(300))
    (batch / "feed.jsonl").write_text('{"text": "A short but real article about a harbour strike in the port."}\n{oops\n')
    db = tmp_path / "b.duckdb"
    first = newsprism("analyze", str(batch), "--db", str(db), "-j", "1", "-q")
    assert first.returncode == 1
    assert "2 article(s) stored" in first.stdout and "3 failed" in first.stdout
    errors = {Path(source).name: message for source, message in rows(db, "SELECT source, message FROM errors")}
    assert set(errors) == {"empty.txt", "image.html", "feed.jsonl:2"}
    # A later run with more input keeps what was stored.
    more = newsprism("analyze", str(SAMPLES / "corpus" / "tidewater-notes-caracol-bank.txt"), "--db", str(db), "-q")
    assert more.returncode == 0
    assert rows(db, "SELECT count(*) FROM articles")[0][0] == 3


def test_stdin_is_read_as_an_article(tmp_path):
    text = (SAMPLES / "corpus" / "cuscatlan-patriot-rogue-regime.txt").read_text()
    db = tmp_path / "s.duckdb"
    result = newsprism("analyze", "-", "--db", str(db), "-j", "1", "-q", stdin=text)
    assert result.returncode == 0, result.stderr
    assert rows(db, "SELECT source FROM articles") == [("<stdin>",)]


def test_user_actor_file_extends_the_knowledge_base(tmp_path):
    actors = tmp_path / "mine.jsonl"
    actors.write_text(json.dumps({"id": "gulf-sharks", "name": "Gulf Sharks", "kind": "armed_group",
                                  "aliases": ["the Sharks"]}) + "\n")
    db = tmp_path / "u.duckdb"
    result = newsprism("analyze", str(SAMPLES / "corpus" / "daily-klaxon-gunboat-grab.txt"), "--db", str(db),
                       "--actors", str(actors), "-j", "1", "-q")
    assert result.returncode == 0, result.stderr
    assert rows(db, "SELECT kind FROM actors WHERE id = 'gulf-sharks'") == [("armed_group",)]


def test_a_user_lexicon_file_changes_what_analyze_codes(tmp_path):
    off = tmp_path / "off.tsv"
    off.write_text("send frigate\tVERB\t-\t-\t-\n", encoding="utf-8")  # "sent two frigates" is no event for this user
    article = str(SAMPLES / "corpus" / "daily-klaxon-gunboat-grab.txt")
    plain, mine = tmp_path / "plain.duckdb", tmp_path / "mine.duckdb"
    assert newsprism("analyze", article, "--db", str(plain), "-j", "1", "-q").returncode == 0
    result = newsprism("analyze", article, "--db", str(mine), "--lexicon", f"event-patterns={off}", "-j", "1", "-q")
    assert result.returncode == 0, result.stderr
    sent = "SELECT count(*) FROM events WHERE trigger = 'sent'"
    assert rows(plain, sent) == [(1,)] and rows(mine, sent) == [(0,)]


def test_a_bad_lexicon_option_or_file_is_named(tmp_path):
    article = str(SAMPLES / "corpus" / "daily-klaxon-gunboat-grab.txt")
    unknown = newsprism("analyze", article, "--db", str(tmp_path / "a.duckdb"), "--lexicon", "verbs=x.tsv", "-q")
    assert unknown.returncode == 2 and "event-patterns" in unknown.stderr  # the kinds are listed
    broken = tmp_path / "broken_cues.txt"
    broken.write_text("[no such section]\nword\n", encoding="utf-8")
    result = newsprism("analyze", article, "--db", str(tmp_path / "b.duckdb"), "--lexicon",
                       f"attribution-cues={broken}", "-j", "1", "-q")
    assert result.returncode == 3 and "broken_cues.txt" in result.stderr


def test_every_lexicon_kind_names_a_bundled_file_and_its_component_setting():
    from spacy.language import Language
    from newsprism.analysis import pipeline  # noqa: F401  (registers the components)
    from newsprism.config import LEXICONS
    from newsprism.kb import bundled_path
    for kind, (bundled, component, key) in LEXICONS.items():
        assert bundled_path(bundled).is_file(), kind
        assert key in Language.get_factory_meta(component).default_config, kind


def test_missing_model_says_how_to_install_it(tmp_path):
    result = newsprism("analyze", str(SAMPLES / "corpus"), "--db", str(tmp_path / "m.duckdb"), "--model",
                       "en_no_such_model", "-j", "1", "-q")
    assert result.returncode == 3
    assert "en_no_such_model" in result.stderr and "pip install" in result.stderr


def test_export_formats(seeds_db, tmp_path):
    result = newsprism("export", "--db", str(seeds_db), "--format", "json", "-o", str(tmp_path / "all.json"))
    assert result.returncode == 0, result.stderr
    data = json.loads((tmp_path / "all.json").read_text())
    assert len(data["articles"]) == 5 and data["actors"] and data["errors"] == []
    assert set(data["articles"][0]) >= {"id", "source", "outlet", "url", "title", "authors", "published",
                                        "language", "text", "word_count", "duplicate_of"}
    for fmt in ("jsonl", "csv", "parquet"):
        result = newsprism("export", "--db", str(seeds_db), "--format", fmt, "-o", str(tmp_path / fmt),
                           "--table", "articles", "--table", "actors")
        assert result.returncode == 0, result.stderr
        assert sorted(p.name for p in (tmp_path / fmt).iterdir()) == [f"actors.{fmt}", f"articles.{fmt}"]
    assert len((tmp_path / "jsonl" / "articles.jsonl").read_text().splitlines()) == 5


def test_query_is_read_only(seeds_db):
    result = newsprism("query", "--db", str(seeds_db), "--format", "json",
                       "SELECT kind, count(*) AS n FROM actors GROUP BY kind ORDER BY kind")
    assert result.returncode == 0
    kinds = {json.loads(line)["kind"] for line in result.stdout.splitlines()}
    assert {"country", "person", "media"} <= kinds
    refused = newsprism("query", "--db", str(seeds_db), "DELETE FROM articles")
    assert refused.returncode != 0 and "read-only" in (refused.stderr + refused.stdout).lower()
    assert rows(seeds_db, "SELECT count(*) FROM articles")[0][0] == 5


def test_every_command_documents_itself():
    for command in ("analyze", "demo", "export", "query", "stories"):
        result = newsprism(command, "--help")
        assert result.returncode == 0 and "Usage:" in result.stdout and "--" in result.stdout


def test_quotes_command_groups_one_statement_across_outlets(demo_db):
    expected = json.loads((SAMPLES / "expected.json").read_text())
    result = newsprism("quotes", "--db", str(demo_db), "--min-outlets", "2", "--format", "json")
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    groups: dict[str, set[str]] = {}
    for row in rows:
        groups.setdefault(row["group_id"], set()).add(row["outlet"])
    assert groups and all(len(outlets) >= 2 for outlets in groups.values())
    ferrer = expected["quote_groups"][0]["quotes"]  # one statement quoted by six outlets, cut differently
    assert max(len(outlets) for outlets in groups.values()) >= len(ferrer) - 1


def test_seed_statement_quoted_by_two_outlets_is_one_group(seeds_db):
    [(groups, outlets)] = rows(seeds_db, """
        SELECT count(DISTINCT q.group_id), count(DISTINCT a.outlet) FROM quotes q JOIN articles a ON a.id = q.article_id
        WHERE q.speaker_id = 'hassan-rouhani' AND q.text LIKE '%do anything for now%'""")
    assert groups == 1 and outlets == 2


def test_citations_command_shows_who_cites_whom(seeds_db):
    result = newsprism("citations", "--db", str(seeds_db), "--format", "json")
    assert result.returncode == 0, result.stderr
    cited = {(row["outlet"], row["cited"]) for row in map(json.loads, result.stdout.splitlines())}
    assert ("Inquisitr", "The Wall Street Journal") in cited
    assert any(outlet == "Independent" and "Guardian" in source for outlet, source in cited)


def test_bad_actor_file_stops_the_run_with_its_name_and_line(tmp_path):
    actors = tmp_path / "broken.jsonl"
    actors.write_text('{"id": "x", "name": "X", "kind": "country"}\n{not json\n')
    for processes in ("1", "2"):
        result = newsprism("analyze", str(SAMPLES / "corpus"), "--db", str(tmp_path / f"b{processes}.duckdb"),
                           "--actors", str(actors), "-j", processes, "-q")
        assert result.returncode == 3, result.stderr[-2000:]
        assert "broken.jsonl" in result.stderr and "2" in result.stderr
        assert result.stderr.count("Traceback") == 0


def test_stories_command_lists_the_seed_story(seeds_db):
    result = newsprism("stories", "--db", str(seeds_db), "--format", "json")
    assert result.returncode == 0, result.stderr
    [story] = [json.loads(line) for line in result.stdout.splitlines()]
    titles = {title for (title,) in rows(seeds_db, "SELECT title FROM articles")}
    [(outlets,)] = rows(seeds_db, "SELECT count(DISTINCT outlet) FROM articles")
    assert story["articles"] == 5 and story["outlets"] == outlets and story["title"] in titles
    assert story["first"].startswith("2014-06")
    members = newsprism("stories", "--db", str(seeds_db), "--story", story["id"], "--format", "csv")
    assert members.returncode == 0 and len(members.stdout.strip().splitlines()) == 1 + 5
    assert "central" in newsprism("stories", "--help").stdout


def test_stories_command_on_the_demo_separates_the_unrelated_article(demo_db):
    result = newsprism("stories", "--db", str(demo_db), "--format", "json")
    counts = sorted(json.loads(line)["articles"] for line in result.stdout.splitlines())
    assert counts == [1, 7]
    assert newsprism("stories", "--db", str(demo_db), "--min-articles", "2", "--format", "json").stdout.count("\n") == 1


def test_contested_claims_are_stated_alike_in_the_story_view_the_claims_command_the_export_and_the_report(
        demo_db, tmp_path):
    contested = newsprism("claims", "--db", str(demo_db), "--contested", "--format", "json")
    statements = {row["id"]: row["statement"] for row in map(json.loads, contested.stdout.splitlines())}
    assert statements and all(" — " in s or s.startswith("— ") for s in statements.values())
    exported = tmp_path / "all.json"
    assert newsprism("export", "--db", str(demo_db), "--format", "json", "-o", str(exported)).returncode == 0
    claims = json.loads(exported.read_text(encoding="utf-8"))["claims"]
    assert {c["id"]: c["statement"] for c in claims if c["status"] == "contested"} == statements
    story_id = next(c["story_id"] for c in claims if c["id"] in statements)
    lines = newsprism("story", story_id, "--db", str(demo_db), "--max-claims", "20").stdout.splitlines()
    for claim in (c for c in claims if c["id"] in statements and c["story_id"] == story_id):
        # the statement first, then on the next line the sentence it sums up
        [at] = [n for n, line in enumerate(lines) if line.startswith(f"  • {claim['statement']} (")]
        assert lines[at + 1].strip().startswith(claim["summary"][:40])
    report = tmp_path / "report.html"
    assert newsprism("report", "--db", str(demo_db), "-o", str(report)).returncode == 0
    html = report.read_text(encoding="utf-8")
    assert all(f'<strong class="statement">{escape(s)}</strong>' in html for s in statements.values())
