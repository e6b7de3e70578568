"""Time references resolved against the publication date, and places geocoded."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

import pytest

import newsprism.analysis.actors  # noqa: F401  (registers newsprism_actors)
from newsprism.analysis.places import place_for, places_in
from newsprism.analysis.when import date_for, publication_date, resolve, time_refs
from conftest import pipeline_with

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
SAMPLES = Path(__file__).resolve().parents[1] / "newsprism" / "samples"
SATURDAY = date(2014, 6, 14)


@pytest.fixture(scope="module")
def nlp():
    return pipeline_with("newsprism_actors")


def parse(nlp, text: str, published: str | None = "2014-06-14"):
    doc = nlp.make_doc(text)
    doc.user_data["newsprism_published"] = published
    for _, component in nlp.pipeline:
        doc = component(doc)
    return doc


def refs(nlp, text: str, published: str | None = "2014-06-14") -> dict[str, tuple]:
    return {r.text: (r.date, r.granularity) for r in time_refs(parse(nlp, text, published))}


# --------------------------------------------------------------------------- publication date


@pytest.mark.parametrize("value, expected", [
    ("2014-06-14", "2014-06-14"),
    ("2014-06-14T17:00:00+01:00", "2014-06-14"),
    ("2025-04-07T20:40:00-06:00", "2025-04-07"),  # the local date, as the outlet wrote it
    (datetime(2014, 6, 14, 23, 0), "2014-06-14"),
    (date(2014, 6, 14), "2014-06-14"),
    ("June 2014", None),
    (None, None),
])
def test_publication_date(nlp, value, expected):
    doc = nlp.make_doc("Text.")
    doc.user_data["newsprism_published"] = value
    assert publication_date(doc) == expected


# --------------------------------------------------------------------------- resolution rules


@pytest.mark.parametrize("text, future, expected", [
    ("Monday night", False, ("2014-06-09", "day")),
    ("Thursday", False, ("2014-06-12", "day")),
    ("Saturday", False, ("2014-06-14", "day")),  # publication day itself
    ("Thursday", True, ("2014-06-19", "day")),
    ("last Saturday", False, ("2014-06-07", "day")),
    ("next Monday", False, ("2014-06-16", "day")),
    ("yesterday", False, ("2014-06-13", "day")),
    ("earlier today", False, ("2014-06-14", "day")),
    ("tomorrow", False, ("2014-06-15", "day")),
    ("last night", False, ("2014-06-13", "day")),
    ("the day before yesterday", False, ("2014-06-12", "day")),
    ("three days ago", False, ("2014-06-11", "day")),
    ("last week", False, ("2014-W23", "week")),
    ("this week", False, ("2014-W24", "week")),
    ("two weeks ago", False, ("2014-W22", "week")),
    ("this weekend", False, ("2014-W24", "week")),
    ("last month", False, ("2014-05", "month")),
    ("six months ago", False, ("2013-12", "month")),
    ("a year ago", False, ("2013", "year")),
    ("last year", False, ("2013", "year")),
    ("in 2014", False, ("2014", "year")),
    ("June 14", False, ("2014-06-14", "day")),
    ("December 3", False, ("2013-12-03", "day")),  # the last one before publication
    ("December 3", True, ("2014-12-03", "day")),
    ("in March", False, ("2014-03", "month")),
    ("in September", False, ("2013-09", "month")),
    ("June 2013", False, ("2013-06", "month")),
    ("June 9, 2013", False, ("2013-06-09", "day")),
    ("9 June 2013", False, ("2013-06-09", "day")),
    ("2013-06-09", False, ("2013-06-09", "day")),
    ("the 1990s", False, None),
    ("for two years", False, None),
    ("recently", False, None),
])
def test_resolve(text, future, expected):
    assert resolve(text, SATURDAY, future) == expected


def test_weekend_under_way_and_past():
    monday = date(2014, 6, 16)
    assert resolve("this weekend", monday) == ("2014-W24", "week")  # the one just past
    assert resolve("this weekend", monday, future=True) == ("2014-W25", "week")
    assert resolve("last weekend", SATURDAY) == ("2014-W23", "week")


def test_explicit_dates_need_no_publication_date():
    assert resolve("June 9, 2013", None) == ("2013-06-09", "day")
    assert resolve("in 2014", None) == ("2014", "year")
    assert resolve("Monday", None) is None


# --------------------------------------------------------------------------- time references in text


def test_tense_chooses_last_or_next(nlp):
    found = refs(nlp, "Iraqi forces retook the town on Monday night. The talks will resume on Thursday.")
    assert found["Monday night"] == ("2014-06-09", "day")  # the tagger calls "retook" present: still past
    assert found["Thursday"] == ("2014-06-19", "day")


def test_plans_point_forward(nlp):
    assert refs(nlp, "The talks are scheduled to resume on Thursday.")["Thursday"] == ("2014-06-19", "day")
    assert refs(nlp, "Iran set up a checkpoint on Thursday.")["Thursday"] == ("2014-06-12", "day")


def test_weekdays_ner_misses_are_found(nlp):
    doc = parse(nlp, "Police said the boats left Sunday and returned Monday.")
    texts = {r.text for r in time_refs(doc)}
    assert {"Sunday", "Monday"} <= texts


def test_ages_and_durations(nlp):
    found = refs(nlp, "The 52-year-old skipper, 52, had fished there for two years.")
    assert "52-year-old" not in found and "52" not in found
    assert found["two years"] == (None, None)  # kept, unresolved


def test_offsets_point_into_the_text(nlp):
    doc = parse(nlp, "A year ago, on Thursday, Iran said so.")
    for ref in time_refs(doc):
        assert doc.text[ref.start:ref.end] == ref.text


def test_no_publication_date_leaves_relative_dates_unresolved(nlp):
    found = refs(nlp, "The army left on Monday, and returned in June 2013.", published=None)
    assert found["Monday"] == (None, None)
    assert found["June 2013"] == ("2013-06", "month")


def test_date_for_prefers_the_reference_attached_to_the_verb(nlp):
    doc = parse(nlp, "Officials said on Thursday that Iran had sent troops to Iraq last week.")
    found = time_refs(doc)
    sent = next(t for t in doc if t.text == "sent")
    said = next(t for t in doc if t.text == "said")
    assert date_for(sent, found).text == "last week"
    assert date_for(said, found).text == "Thursday"
    other = parse(nlp, "Nothing happened.")
    assert date_for(other[1], found) is None


# --------------------------------------------------------------------------- places


def place(found, name):
    matches = [p for p in found if p.name == name]
    assert matches, f"{name} not in {[p.name for p in found]}"
    return matches[0]


def test_cities_with_country_and_coordinates(nlp):
    doc = parse(nlp, "Fighters moved from Mosul toward Baghdad while Tehran watched.")
    found = places_in(doc)
    for name, country, latitude in (("Mosul", "IRQ", 36.3), ("Baghdad", "IRQ", 33.3), ("Tehran", "IRN", 35.7)):
        p = place(found, name)
        assert p.country == country and p.latitude == pytest.approx(latitude, abs=0.1)
        assert doc.text[p.start:p.end] == name


def test_countries_from_the_kb_and_accent_folded_city_names(nlp):
    found = places_in(parse(nlp, "Troops from the U.S. reached Tikrit and Kobani."))
    us = place(found, "United States")
    assert (us.country, us.latitude) == ("USA", None)
    assert place(found, "Tikrit").country == "IRQ"
    assert place(found, "Kobani").country == "SYR"


def test_bare_congo_is_the_democratic_republic_as_news_style_has_it(nlp):
    assert [p.country for p in places_in(parse(nlp, "Rebels raided a village in eastern Congo."))] == ["COD"]
    assert [p.country for p in places_in(parse(nlp, "Aid reached Congo Republic on Friday."))] == ["COG"]


def test_actors_are_not_places(nlp):
    found = places_in(parse(nlp, "The Islamic State attacked Samarra."))
    assert "Islamic State" not in {p.name for p in found}


def test_demonym_territory_is_a_place(nlp):
    found = places_in(parse(nlp, "Syrian jets struck targets inside Iraqi territory."))
    p = place(found, "Iraqi territory")
    assert p.country == "IRQ"


def test_regions_and_continents(nlp):
    found = places_in(parse(nlp, "Clashes spread in Anbar province and across Africa."))
    assert place(found, "Anbar province").country == "IRQ"
    assert place(found, "Africa").country is None


def test_a_sea_is_not_a_province_named_like_it(nlp):
    found = places_in(parse(nlp, "Britain sent warships to the Gulf and troops to Rivers State."))
    assert place(found, "Gulf").country is None  # not Papua New Guinea's Gulf Province
    assert place(found, "Rivers State").country == "NGA"


def test_ambiguous_towns_prefer_countries_the_article_names(nlp):
    found = places_in(parse(nlp, "Honduran boats took the crews to San Lorenzo, a Honduran port."))
    assert place(found, "San Lorenzo").country == "HND"
    found = places_in(parse(nlp, "San Lorenzo is growing fast."))
    assert place(found, "San Lorenzo").country == "PRY"  # the most populous


def test_well_known_cities_beat_namesakes_in_countries_named(nlp):
    found = places_in(parse(nlp, "The American envoy flew from Washington to Geneva and Paris."))
    assert place(found, "Geneva").country == "CHE"
    assert place(found, "Paris").country == "FRA"


def test_capitals_and_largest_cities_stay_in_their_country(nlp):
    found = places_in(parse(nlp, "Poland recalled its ambassador from Minsk on Tuesday."))
    assert place(found, "Minsk").country == "BLR"  # the capital, not Mińsk Mazowiecki in Poland
    found = places_in(parse(nlp, "Honduran boats took the crews to San Lorenzo, a Honduran port."))
    assert place(found, "San Lorenzo").country == "HND"  # a lesser namesake still follows the article


def test_a_place_after_a_comma_settles_the_country(nlp):
    found = places_in(parse(nlp, "She grew up in Paris, Texas."))
    assert place(found, "Paris").country == "USA"


def test_place_for_prefers_a_locative_place_attached_to_the_verb(nlp):
    doc = parse(nlp, "Iran sent 2,000 troops into Iraq, officials in Baghdad said.")
    found = places_in(doc)
    sent = next(t for t in doc if t.text == "sent")
    said = next(t for t in doc if t.text == "said")
    assert place_for(sent, found).name == "Iraq"
    assert place_for(said, found).name == "Baghdad"


def test_doers_are_not_locations(nlp):
    doc = parse(nlp, "Iran criticised Syria.")
    criticised = next(t for t in doc if t.text == "criticised")
    assert place_for(criticised, places_in(doc)) is None


# --------------------------------------------------------------------------- seeds and samples


@pytest.fixture(scope="module")
def seed_texts():
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is not beside the repository")
    return {p.name[:3]: p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))}


def test_seed_dates_against_a_given_publication_date(nlp, seed_texts):
    found = refs(nlp, seed_texts["002"])
    assert found["Monday night"] == ("2014-06-09", "day")
    found = refs(nlp, seed_texts["001"])
    assert found["Thursday"] == ("2014-06-12", "day")
    assert found["the last week"] == ("2014-W23", "week")
    assert refs(nlp, seed_texts["004"])["a year ago"] == ("2013", "year")


def test_seed_places(nlp, seed_texts):
    found = places_in(parse(nlp, seed_texts["001"]))
    assert place(found, "Baghdad").country == "IRQ" and place(found, "Baghdad").latitude is not None
    assert place(found, "Mosul").country == "IRQ"
    assert {"IRN", "IRQ", "USA"} <= {p.country for p in found}


@pytest.fixture(scope="module")
def samples(nlp):
    expected = json.loads((SAMPLES / "expected.json").read_text(encoding="utf-8"))
    texts = {}
    for path in sorted((SAMPLES / "corpus").iterdir()):
        ref = path.relative_to(SAMPLES).as_posix()
        if path.suffix == ".jsonl":
            for line in path.read_text(encoding="utf-8").splitlines():
                record = json.loads(line)
                texts[f"{ref}#{record['id']}"] = record["text"]
        else:
            texts[ref] = path.read_text(encoding="utf-8")
    return expected, texts


def test_sample_relative_dates(nlp, samples):
    expected, texts = samples
    for item in expected["relative_dates"]:
        published = expected["articles"][item["ref"]]["published"]
        found = [r for r in time_refs(parse(nlp, texts[item["ref"]], published)) if r.text in item["text"]]
        assert found, item
        resolved = {r.date for r in found}
        want = item["date"]
        if "/" in want:  # a week given as first/last day
            first = date.fromisoformat(want.split("/")[0]).isocalendar()
            want = f"{first.year}-W{first.week:02d}"
        assert want in resolved, (item, resolved)


def test_sample_places(nlp, samples):
    expected, texts = samples
    found = {}
    for text in texts.values():
        for p in places_in(parse(nlp, text)):
            found.setdefault(p.name, set()).add(p.country)
    for item in expected["places"]:
        assert item["name"] in found, item
        if item["country"]:
            assert found[item["name"]] == {item["country"]}, (item, found[item["name"]])


def test_place_for_can_ask_for_a_place_of_the_same_clause(nlp):
    doc = parse(nlp, "Police arrested Zhang before he could board a flight to China.")
    found = places_in(doc)
    arrested = next(t for t in doc if t.text == "arrested")
    assert place_for(arrested, found).name == "China"
    assert place_for(arrested, found, attached=True) is None


def test_gazetteer_is_kept_on_disk_and_rebuilt_when_unreadable(tmp_path, monkeypatch):
    from newsprism.analysis import places

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    cache_file = places.gazetteer_cache_file()
    assert cache_file.parent == tmp_path / "newsprism"
    cache_file.parent.mkdir()
    cache_file.write_bytes(b"not a pickle")
    places.gazetteer.cache_clear()
    try:
        rebuilt = places.gazetteer()
        assert cache_file.stat().st_size > 1_000_000  # the unreadable copy was replaced
        assert [p.name for p in tmp_path.joinpath("newsprism").iterdir()] == [cache_file.name]  # no temporary left
        places.gazetteer.cache_clear()
        loaded = places.gazetteer()
        assert loaded is not rebuilt and loaded == rebuilt
        assert {c.country for c in loaded.cities["tikrit"]} == {"IRQ"}
    finally:
        places.gazetteer.cache_clear()


def test_places_are_found_once_per_doc_until_what_they_were_read_from_changes(nlp, monkeypatch):
    from newsprism.analysis import places

    doc = parse(nlp, "Troops entered Ramadi, Iraq, and later reached Tikrit.")
    found = places_in(doc)
    assert [p.name for p in found] == ["Ramadi", "Iraq", "Tikrit"]
    monkeypatch.setattr(places, "_find_places", lambda doc, kb: pytest.fail("found again"))
    assert places_in(doc) == found and places_in(doc) is not found
    monkeypatch.undo()
    doc.ents = [e for e in doc.ents if e.text != "Tikrit"]
    assert [p.name for p in places_in(doc)] == ["Ramadi", "Iraq"]


def test_time_references_are_read_once_per_doc_until_the_date_or_entities_change(nlp, monkeypatch):
    from newsprism.analysis import when

    doc = parse(nlp, "Troops arrived on Monday and left last week.")
    found = time_refs(doc)
    assert [(r.text, r.date) for r in found][0] == ("Monday", "2014-06-09")
    monkeypatch.setattr(when, "_find_time_refs", lambda doc: pytest.fail("read again"))
    assert time_refs(doc) == found and time_refs(doc) is not found
    monkeypatch.undo()
    doc.user_data["newsprism_published"] = "2014-06-21"
    assert time_refs(doc)[0].date == "2014-06-16"
