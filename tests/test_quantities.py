"""The quantity component: each rule on sentences written for the test, then the seeds."""

from __future__ import annotations

from pathlib import Path

import pytest

import newsprism.analysis.actors  # noqa: F401  (registers newsprism_actors)
from newsprism.analysis.quantities import Patterns, QuantityWords, find_quantities
from conftest import pipeline_with

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"


@pytest.fixture(scope="module")
def nlp():
    return pipeline_with("newsprism_actors", "newsprism_quantities")


def quantities(nlp, text: str):
    return nlp(text)._.quantities


def only(nlp, text: str):
    (quantity,) = quantities(nlp, text)
    return quantity


def containing(found, words: str):
    matches = [q for q in found if words in q.text]
    assert matches, f"no quantity with {words!r} in {[q.text for q in found]}"
    return matches[0]


def test_records_point_into_the_text(nlp):
    doc = nlp("Iran has sent 2,000 troops and 40 advisers to Iraq.")
    assert [q.id for q in doc._.quantities] == ["n0", "n1"]
    for q in doc._.quantities:
        assert doc.text[q.start:q.end] == q.text
        assert q.article_id == ""


def test_number_with_the_noun_it_counts_and_the_subject_as_owner(nlp):
    q = only(nlp, "Iran has sent 2,000 troops into Iraq.")
    assert (q.value, q.unit, q.kind, q.actor_id, q.approximate) == (2000, "troops", "count", "iran", False)
    assert q.text == "2,000 troops"


def test_actor_named_inside_the_counted_phrase(nlp):
    assert only(nlp, "Officials counted 300 Iranian advisers.").actor_id == "iran"
    assert only(nlp, "Syria's 40 warplanes stayed on the ground.").actor_id == "syria"


def test_owner_found_through_an_infinitive(nlp):
    q = only(nlp, "Turkey has only been able to train 70 fighters.")
    assert (q.value, q.unit, q.actor_id) == (70, "fighters", "turkey")


def test_reported_numbers_are_not_the_speakers(nlp):
    q = only(nlp, "The minister said 300 fishermen were detained.")
    assert q.value == 300 and q.actor_id is None


def test_compound_nouns_and_participles_belong_to_the_unit(nlp):
    assert only(nlp, "The patrol found 12 crew members.").unit == "crew members"
    assert only(nlp, "Police said 60 people killed in the blast were identified.").unit == "people killed"


def test_collective_singular_nouns_count(nlp):
    q = only(nlp, "Washington will deploy 275 military personnel.")
    assert (q.value, q.unit) == (275, "personnel")


def test_word_numbers(nlp):
    assert only(nlp, "They sank two frigates.").value == 2
    assert only(nlp, "Rescuers found twenty-five survivors.").value == 25
    q = only(nlp, "The town has two hundred and fifty houses.")
    assert q.value == 250
    assert only(nlp, "He bought a dozen rifles.").value == 12
    assert only(nlp, "The firm sold 1.5 million barrels.").value == 1_500_000


def test_vague_amounts_are_approximate_ranges(nlp):
    q = only(nlp, "Thousands of people fled the city.")
    assert (q.value, q.value_max, q.approximate, q.unit) == (2000, 9999, True, "people")
    q = only(nlp, "Tens of thousands of refugees crossed.")
    assert (q.value, q.value_max) == (20000, 99999)


def test_ranges(nlp):
    q = only(nlp, "Between 10 and 20 soldiers died.")
    assert (q.value, q.value_max, q.unit) == (10, 20, "soldiers")
    assert q.text.startswith("Between")
    q = only(nlp, "The unit has 170-275 troops.")
    assert (q.value, q.value_max) == (170, 275)
    q = only(nlp, "They expect four or five ministers.")
    assert (q.value, q.value_max, q.unit) == (4, 5, "ministers")


def test_a_number_without_a_noun_counts_what_the_one_before_it_counted(nlp):
    found = quantities(nlp, "Turkey trained 60 rebels and only four or five remain today.")
    q = containing(found, "four or five")
    assert (q.value, q.value_max, q.unit, q.actor_id) == (4, 5, "rebels", "turkey")


def test_the_number_of_x_names_what_is_counted(nlp):
    q = only(nlp, "The number of people killed may run into the hundreds.")
    assert (q.unit, q.approximate, q.value, q.value_max) == ("people killed", True, 200, 999)
    q = only(nlp, "The number of wounded is said to be approaching 1,000.")
    assert (q.unit, q.approximate, q.value) == ("wounded", True, 1000)


def test_approximation_cues(nlp):
    for text in (
        "About 300 fishermen gathered.",
        "Nearly 1,000 people marched.",
        "At least a dozen sailors were held.",
        "More than 2,000 people attended.",
        "Some 40 boats were seized.",
        "Fifty or so protesters stayed.",
    ):
        assert only(nlp, text).approximate, text
    assert not only(nlp, "Exactly 40 boats were seized.").approximate
    assert only(nlp, "At least a dozen sailors were held.").text == "At least a dozen sailors"


def test_ratios(nlp):
    q = only(nlp, "Iraqi soldiers outnumber the militants 15 to 1.")
    assert (q.kind, q.value, q.actor_id, q.unit) == ("ratio", 15, "iraq", "soldiers")
    assert only(nlp, "The vote passed 3:1.").kind == "ratio"
    assert only(nlp, "They were outnumbered by a 15-to-1 margin.").kind == "ratio"


def test_ranks_need_a_superlative(nlp):
    q = only(nlp, "Egypt is the fifth largest recipient of aid.")
    assert (q.kind, q.value, q.unit) == ("rank", 5, "recipient")
    assert only(nlp, "Mosul is the country's second-biggest city.").value == 2
    assert quantities(nlp, "It was the first of its kind.") == []


def test_money_percent_and_measures(nlp):
    q = only(nlp, "Skippers face fines of up to $25,000.")
    assert (q.kind, q.unit, q.value, q.approximate, q.text) == ("money", "USD", 25000, True, "up to $25,000")
    assert only(nlp, "The fund holds US$1.5bn.").value == 1_500_000_000
    assert only(nlp, "Prices rose 20 per cent.").kind == "percent"
    assert only(nlp, "Prices rose 12%.").unit == "percent"
    q = only(nlp, "The shoal lies 11 nautical miles offshore.")
    assert (q.kind, q.unit, q.value) == ("measure", "nautical mile", 11)
    assert only(nlp, "They carried 2,000 litres of fuel.").unit == "litre"


@pytest.mark.parametrize("text", [
    "The war began in 2014.",
    "The 2013 election changed little.",
    "Héctor Argueta, 52, spoke to reporters.",
    "The 19-year-old deckhand was hurt.",
    "A man aged 43 was arrested.",
    "Call 555-123-4567 for details.",
    "See page 12 of the report.",
    "Resolution 2170 was adopted.",
    "The meeting starts at 10:30.",
    "One official denied it.",
    "Prices tripled three times.",
    "Until the 40 come home, we will protest.",
    "The Cubs won the game 8-7.",
])
def test_not_quantities(nlp, text):
    assert quantities(nlp, text) == []


def test_users_extend_the_word_lists(nlp, tmp_path):
    extra = tmp_path / "words.txt"
    extra.write_text("[currencies]\nzorkmids = ZRK\n[measures]\nleagues = league\n", encoding="utf-8")
    patterns = Patterns.build(QuantityWords.load([extra]))
    found = find_quantities(nlp("They paid 300 zorkmids to sail 20 leagues."), patterns)
    assert [(q.unit, q.kind) for q in found] == [("ZRK", "money"), ("league", "measure")]


def test_bad_word_file_names_the_line(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_text("[colours]\nred\n", encoding="utf-8")
    with pytest.raises(ValueError, match="line 1: unknown section"):
        QuantityWords.load([bad])


# --------------------------------------------------------------------------- seeds


@pytest.fixture(scope="module")
def seeds(nlp):
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is not beside the repository")
    return {p.name[:3]: nlp(p.read_text(encoding="utf-8"))._.quantities for p in sorted(SEEDS.glob("*.txt"))}


def test_seed_troops_and_personnel(seeds):
    troops = [q for q in seeds["002"] if q.text == "2,000 troops"]
    assert troops and all(q.value == 2000 for q in troops)
    assert "iran" in {q.actor_id for q in troops}
    q = containing(seeds["002"], "275 military personnel")
    assert (q.value, q.unit) == (275, "personnel")


def test_seed_ranges_ratios_and_ranks(seeds):
    q = containing(seeds["000"], "four or five")
    assert (q.value, q.value_max) == (4, 5)
    q = containing(seeds["000"], "60 people")
    assert q.actor_id == "united-states"
    q = containing(seeds["000"], "fifth largest")
    assert (q.kind, q.value) == ("rank", 5)
    q = containing(seeds["002"], "15 to 1")
    assert (q.kind, q.value, q.actor_id) == ("ratio", 15, "iraq")


def test_seed_approximate_counts(seeds):
    q = containing(seeds["001"], "approaching 1,000")
    assert q.approximate and q.value == 1000
    q = containing(seeds["001"], "hundreds")
    assert q.approximate and q.unit == "people killed"
