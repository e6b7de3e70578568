"""The bundled people and armed groups: a checked data file (ids, countries, years,
names), and lookups of leaders in invented sentences, by full name and then by
surname alone, with the cases where a bare surname must name nobody."""

from __future__ import annotations

import datetime
from collections import defaultdict

import pycountry
import pytest

import newsprism.analysis.pipeline  # noqa: F401  (registers the newsprism_* factories)
from newsprism.kb import BUNDLED_FILES, ActorKB, bundled_path, is_short_name, normalise_name, read_entries
from conftest import pipeline_with

THIS_YEAR = datetime.date.today().year


@pytest.fixture(scope="module")
def entries():
    return {name: read_entries(bundled_path(name)) for name in BUNDLED_FILES}


@pytest.fixture(scope="module")
def kb():
    return ActorKB.load()


def valid_countries(entries) -> set[str]:
    iso = {c.alpha_3 for c in pycountry.countries}
    own = {e.country for file in entries.values() for e in file if e.kind == "country"}
    return iso | own


def test_no_id_is_used_twice_across_the_bundled_files(entries):
    seen = defaultdict(list)
    for name, file in entries.items():
        for entry in file:
            seen[entry.id].append(name)
    assert not {i: files for i, files in seen.items() if len(files) > 1}


def test_every_country_code_is_iso_or_a_kb_country(entries):
    valid = valid_countries(entries)
    bad = [(e.id, e.country) for file in entries.values() for e in file if e.country and e.country not in valid]
    assert not bad


def test_people_have_a_role_and_years_in_order(entries):
    people = [e for e in entries["people.jsonl"] if e.kind == "person"]
    assert len(people) > 1000
    bad = [
        e.id for e in people
        if not e.role or (e.since is not None and not 1900 <= e.since <= THIS_YEAR)
        or (e.until is not None and not (e.since or 0) <= e.until <= THIS_YEAR)
    ]
    assert not bad


def test_a_persons_aliases_are_full_names_not_a_bare_surname(entries):
    bare = [
        (e.id, alias) for e in entries["people.jsonl"] if len(e.name.split()) > 1
        for alias in e.aliases if len(alias.split()) == 1
    ]
    assert not bare


def test_no_name_of_a_person_or_armed_group_names_another_entry(entries):
    owners = defaultdict(set)
    for file in entries.values():
        for entry in file:
            for name in entry.names():
                owners[normalise_name(name)].add(entry.id)
    shared = {name: ids for name, ids in owners.items() if len(ids) > 1}
    assert not shared


def test_armed_groups_have_a_home_country_and_no_two_letter_acronym(entries):
    groups = [e for e in entries["actors.jsonl"] if e.kind == "armed_group"]
    assert len(groups) > 100
    assert not [g.id for g in groups if g.id not in ("islamic-state", "al-qaeda", "al-qaeda-in-the-islamic-maghreb")
                and g.country is None]
    short = [(g.id, n) for g in groups for n in g.names()
             if is_short_name(n) and len(normalise_name(n).replace(" ", "")) <= 2 and n not in ("IS", "IS-K")]
    assert not short


def test_leaders_and_groups_by_their_name_variants(kb):
    assert kb.by_name("Boris Eltsin").id == kb.by_name("Boris Nikolayevich Yeltsin").id == "boris-yeltsin"
    assert kb.by_name("Lech Walesa").country == "POL"
    assert kb.by_name("Alyaksandr Lukashenka").id == "alexander-lukashenko"
    assert kb.by_name("Sendero Luminoso").country == "PER"
    assert kb.by_name("Tamil Tigers").id == kb.by_name("LTTE").id
    assert kb.by_name("ELN").country == "COL"
    assert kb.by_name("Lukashenko") is None  # a bare surname is resolved in the text, not by the KB


# ---------------------------------------------------------------- in an article


@pytest.fixture(scope="module")
def nlp():
    return pipeline_with("newsprism_actors")


def person_ids(nlp, text: str, published: str | None, surface: str) -> set[str]:
    doc = nlp.make_doc(text)
    doc.user_data["newsprism_published"] = published
    for _, component in nlp.pipeline:
        doc = component(doc)
    return {m.actor_id for m in doc._.actor_mentions if m.text == surface}


def country_of(kb, ids: set[str]) -> str | None:
    (actor_id,) = ids
    return kb.get(actor_id).country


def test_a_leader_named_in_full_and_then_by_surname_is_one_kb_person(nlp, kb):
    text = ("Nigerian President Olusegun Obasanjo arrived in Accra on Monday for talks on the border. "
            "Obasanjo said the two governments would meet again in March.")
    full = person_ids(nlp, text, "2004-05-03", "Olusegun Obasanjo")
    assert full == person_ids(nlp, text, "2004-05-03", "Obasanjo") == {"olusegun-obasanjo"}
    assert country_of(kb, full) == "NGA"


def test_a_transliteration_variant_named_first_gives_the_surname_its_person(nlp, kb):
    text = "Alyaksandr Lukashenka met the envoy in Minsk. Lukashenka said the border would stay open."
    assert person_ids(nlp, text, None, "Lukashenka") == {"alexander-lukashenko"}


@pytest.mark.parametrize(
    "text, published, surface, expected",
    [
        ("Yeltsin dissolved the parliament on Tuesday.", "1993-09-22", "Yeltsin", "boris-yeltsin"),
        ("Mugabe said the land reform would continue.", None, "Mugabe", "robert-mugabe"),
        ("Aliyev met the envoy in Baku on Monday.", "2022-05-22", "Aliyev", "ilham-aliyev"),
        ("Aliyev met the envoy in Baku on Monday.", "1998-05-22", "Aliyev", "heydar-aliyev"),
    ],
)
def test_a_bare_surname_of_one_kb_person_whose_years_fit_is_that_person(nlp, text, published, surface, expected):
    assert person_ids(nlp, text, published, surface) == {expected}


def test_a_surname_shared_by_two_kb_people_names_nobody_when_undated(nlp):
    assert not person_ids(nlp, "Aliyev met the envoy in Baku on Monday.", None, "Aliyev")


def test_a_shared_surname_names_nobody_when_the_date_fits_neither(nlp):
    # Paul Martin (Canada, 2003-2006) and Micheal Martin (Ireland, from 2020)
    assert not person_ids(nlp, "Martin said the budget would pass.", "2014-03-01", "Martin")


def test_a_surname_that_is_a_common_word_is_no_person_where_used_as_a_word(nlp):
    assert not person_ids(nlp, "Major reforms were announced on Monday.", "1993-01-01", "Major")


def test_the_last_word_of_a_patronymic_name_is_no_reference_to_its_bearer(nlp):
    assert "abiy-ahmed" not in person_ids(nlp, "Ahmed said the talks had failed.", "2020-01-01", "Ahmed")


def test_a_kb_surname_that_the_parse_gives_as_a_place_is_the_place(nlp):
    text = "In Lagos, thousands rallied against fuel price rises."
    assert "ricardo-lagos" not in person_ids(nlp, text, "2012-01-09", "Lagos")


def test_a_word_of_a_monarchs_regnal_name_is_no_reference_to_the_monarch(nlp):
    text = "Carlos said the vote would be held in June."
    assert "juan-carlos-i" not in person_ids(nlp, text, "2010-01-01", "Carlos")


def test_a_kb_surname_that_ner_took_for_a_place_is_the_person_outside_a_prepositional_phrase(nlp):
    text = "The senator urged Pompeo and Esper in a letter to reject the plan."
    assert person_ids(nlp, text, "2020-01-09", "Pompeo") == {"mike-pompeo"}
