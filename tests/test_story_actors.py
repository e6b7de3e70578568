"""The cross-article actor merge."""

from __future__ import annotations


import pytest

from newsprism.analysis.engine import analysis_of
from newsprism.records import Actor, ArticleAnalysis, Mention
from newsprism.story.actors import consolidate_actors
from conftest import pipeline_with


def person(actor_id: str, name: str, role: str | None = None, country: str | None = None) -> Actor:
    return Actor(id=actor_id, name=name, kind="person", role=role, country=country, aliases=[name])


def article(article_id: str, *actors: Actor) -> ArticleAnalysis:
    mentions = [Mention(article_id, a.id, a.name, 0, len(a.name), "PERSON") for a in actors]
    return ArticleAnalysis(article_id, mentions=mentions, actors=list(actors))


def ids_in(analysis: ArticleAnalysis) -> list[str]:
    return [m.actor_id for m in analysis.mentions]


def test_lone_surname_joins_the_unique_full_name_even_when_seen_first():
    a = article("a", person("rouhani", "Rouhani"))
    b = article("b", person("hassan-rouhani", "Hassan Rouhani", "President", "IRN"))
    (a2, b2), corpus = consolidate_actors([a, b], {})
    assert ids_in(a2) == ids_in(b2) == ["hassan-rouhani"]
    assert set(corpus) == {"hassan-rouhani"}
    assert corpus["hassan-rouhani"].aliases == ["Hassan Rouhani", "Rouhani"]
    assert a2.actors[0].id == "hassan-rouhani" and a2.actors[0].aliases == ["Rouhani"]


def test_ambiguous_surname_stays_apart():
    analyses = [
        article("a", person("george-bush", "George Bush")),
        article("b", person("jeb-bush", "Jeb Bush")),
        article("c", person("bush", "Bush")),
    ]
    _, corpus = consolidate_actors(analyses, {})
    assert set(corpus) == {"george-bush", "jeb-bush", "bush"}


def test_particles_and_initials_do_not_split_a_person_and_fields_are_unioned():
    analyses = [
        article("a", person("bashar-al-assad", "Bashar al-Assad", "President", "SYR")),
        article("b", person("bashar-assad", "Bashar Assad", "President")),
        article("c", person("bashar-h-assad", "Bashar H. Assad", "Leader")),
        article("d", person("assad", "Assad")),
    ]
    out, corpus = consolidate_actors(analyses, {})
    assert {i for a in out for i in ids_in(a)} == {"bashar-al-assad"}
    merged = corpus["bashar-al-assad"]
    assert merged.role == "President" and merged.country == "SYR"
    assert merged.aliases == ["Bashar al-Assad", "Bashar Assad", "Bashar H. Assad", "Assad"]


def test_known_actors_keep_their_ids():
    known = {"hassan-rouhani": person("hassan-rouhani", "Hassan Rouhani", "President", "IRN")}
    (a2,), corpus = consolidate_actors([article("a", person("rouhani", "Rouhani"))], known)
    assert ids_in(a2) == ["hassan-rouhani"]
    assert corpus["hassan-rouhani"].aliases == ["Hassan Rouhani", "Rouhani"]
    assert known["hassan-rouhani"].aliases == ["Hassan Rouhani"]  # the input is not changed


def test_organisation_found_by_an_alias_and_affiliation_rewritten():
    mpa = Actor("maritime-patrol-authority", "Maritime Patrol Authority", "government", aliases=["MPA"])
    mpa_short = Actor("mpa", "MPA", "organization", aliases=["MPA"])
    chief = Actor("ann-lee", "Ann Lee", "person", role="Chief", aliases=["Ann Lee"], affiliation="mpa")
    (_, b2), corpus = consolidate_actors([article("a", mpa), article("b", mpa_short, chief)], {})
    assert ids_in(b2) == ["maritime-patrol-authority", "ann-lee"]
    assert corpus["ann-lee"].affiliation == "maritime-patrol-authority"
    assert [a.affiliation for a in b2.actors if a.id == "ann-lee"] == ["maritime-patrol-authority"]
    assert "mpa" not in corpus


def test_a_person_does_not_take_a_country_slug():
    country = Actor("jordan", "Jordan", "country", country="JOR", aliases=["Jordan"])
    (a2, b2), corpus = consolidate_actors(
        [article("a", country), article("b", person("jordan", "Jordan"))], {}
    )
    assert ids_in(a2) == ["jordan"]
    assert ids_in(b2) == ["jordan-person"]
    assert corpus["jordan"].kind == "country" and corpus["jordan-person"].kind == "person"


def test_many_lone_surnames_each_find_their_full_name():
    analyses = [article(str(i), person(f"p{i}-smith{i}", f"Pat{i} Smith{i}")) for i in range(2_000)]
    analyses += [article(f"x{i}", person(f"smith{i}", f"Smith{i}")) for i in range(2_000)]
    out, corpus = consolidate_actors(analyses, {})
    assert len(corpus) == 2_000 and ids_in(out[-1]) == ["p1999-smith1999"]


@pytest.fixture(scope="module")
def nlp():
    return pipeline_with("newsprism_actors")


def test_merge_after_analysis(nlp):
    texts = {
        "a": "Iranian President Hassan Rouhani said on Sunday that Iran would help Iraq.",
        "b": "Rouhani told reporters that the talks would continue.",
    }
    analyses = [analysis_of(nlp(text), article_id) for article_id, text in texts.items()]
    out, corpus = consolidate_actors(analyses, {})
    rouhani = {m.actor_id for a in out for m in a.mentions if "Rouhani" in m.text}
    assert rouhani == {"hassan-rouhani"}
    assert (corpus["hassan-rouhani"].role, corpus["hassan-rouhani"].country) == ("President", "IRN")
    assert all(m.article_id == a.article_id for a in out for m in a.mentions)


def test_a_different_first_name_is_a_different_person_across_articles():
    a = article("a", person("donald-trump", "Donald Trump", "President", "USA"))
    b = article("b", person("ivanka-trump", "Ivanka Trump"))
    c = article("c", person("trump", "Trump"))
    (a2, b2, c2), corpus = consolidate_actors([a, b, c], {})
    assert ids_in(a2) == ["donald-trump"] and ids_in(b2) == ["ivanka-trump"]
    assert corpus["ivanka-trump"].country is None  # never takes the president's country
    assert ids_in(c2) == ["trump"]  # two full-named Trumps: a bare one stays apart


def test_a_person_named_like_an_outlet_stays_apart_from_it():
    outlet = Actor(id="bloomberg", name="Bloomberg", kind="media", country="USA", aliases=["Bloomberg"])
    a = article("a", outlet)
    b = article("b", person("michael-bloomberg", "Michael Bloomberg", "Mayor", "USA"))
    (a2, b2), corpus = consolidate_actors([a, b], {})
    assert ids_in(a2) == ["bloomberg"] and ids_in(b2) == ["michael-bloomberg"]
    assert corpus["bloomberg"].kind == "media" and corpus["michael-bloomberg"].kind == "person"
