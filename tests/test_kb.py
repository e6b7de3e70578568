import importlib.util
import json
import sys
from collections import Counter
from pathlib import Path

import pycountry
import pytest

from newsprism.kb import (
    family_name_first,
    KINDS,
    ActorKB,
    KBEntry,
    KBError,
    bundled_path,
    load_titles,
    normalise_name,
    read_entries,
    section_entries,
    slugify,
    word_file_texts,
    write_entries,
)

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def kb() -> ActorKB:
    return ActorKB.load()


def _id(entry: KBEntry | None) -> str | None:
    return entry.id if entry else None


@pytest.mark.parametrize(
    ("surface", "expected"),
    [
        ("Iran", "iran"),
        ("Islamic Republic of Iran", "iran"),
        ("Iran's", "iran"),
        ("Russian Federation", "russia"),
        ("United Kingdom of Great Britain and Northern Ireland", "united-kingdom"),
        ("Britain", "united-kingdom"),
        ("Côte d'Ivoire", "ivory-coast"),
        ("Cote d'Ivoire", "ivory-coast"),
        ("Türkiye", "turkey"),
        ("Syrian Arab Republic", "syria"),
        ("Georgia", "georgia"),
        ("Kosovo", "kosovo"),
    ],
)
def test_countries_by_name_and_official_name(kb, surface, expected):
    assert _id(kb.by_name(surface)) == expected


def test_countries_by_demonym_and_capital(kb):
    assert _id(kb.by_demonym("Iranian")) == "iran"
    assert _id(kb.by_demonym("Iranians")) == "iran"
    assert _id(kb.by_demonym("Iraqis")) == "iraq"
    assert _id(kb.by_demonym("Palestinians")) == "palestine"  # derived: countryinfo has none
    assert _id(kb.by_demonym("French")) == "france"  # not Réunion or Martinique
    assert _id(kb.by_demonym("Channel Islander")) is None  # Jersey or Guernsey
    assert _id(kb.by_metonym("Tehran")) == "iran"
    assert _id(kb.by_metonym("Baghdad")) == "iraq"
    assert _id(kb.by_metonym("the Kremlin")) == "russia"
    assert _id(kb.by_metonym("White House")) == "united-states"
    assert _id(kb.by_metonym("Foggy Bottom")) == "us-state-department"
    assert _id(kb.by_metonym("Hamilton")) is None  # capital of Bermuda, and a surname


@pytest.mark.parametrize(
    ("surface", "expected"),
    [
        ("IS", "islamic-state"),
        ("is", None),
        ("Is", None),
        ("ISIS", "islamic-state"),
        ("Isis", "islamic-state"),
        ("ISIL", "islamic-state"),
        ("Daesh", "islamic-state"),
        ("the Islamic State of Iraq and al-Sham", "islamic-state"),
        ("Islamic State in Iraq and Syria", "islamic-state"),
        ("US", "united-states"),
        ("U.S.", "united-states"),
        ("U.S", "united-states"),
        ("USA", "united-states"),
        ("America", "united-states"),
        ("the United States of America", "united-states"),
        ("the U.S.'s", "united-states"),
        ("us", None),
        ("Us", None),
        ("UN", "united-nations"),
        ("un", None),
        ("Nato", "nato"),
        ("nato", None),
        ("CHAD", "chad"),
        ("chad", None),
        ("turkey", None),
        ("jordan", None),
        ("peshmerga", "peshmerga"),  # listed in lower case, so found in lower case
    ],
)
def test_case_rules_for_short_and_common_words(kb, surface, expected):
    assert _id(kb.by_name(surface)) == expected


@pytest.mark.parametrize(
    ("surface", "expected"),
    [
        ("The Hill", "the-hill"),
        ("the Hill", "the-hill"),
        ("Hill", None),
        ("the Sun", "the-sun"),
        ("the sun", None),
        ("the Guardian", "the-guardian"),
        ("the Guardian Council", "iran-guardian-council"),
        ("Wall Street Journal", "wall-street-journal"),
        ("the WSJ", "wall-street-journal"),
        ("the Fed", "federal-reserve"),
        ("Hizbullah", "hezbollah"),
        ("al-Qaida", "al-qaeda"),
        ("Al Qaeda", "al-qaeda"),
        ("Al Monitor", "al-monitor"),
        ("McClatchy DC", "mcclatchy"),
        ("the Associated Press", "associated-press"),
    ],
)
def test_article_and_spelling_variants(kb, surface, expected):
    assert _id(kb.by_name(surface)) == expected


def test_slugify_and_normalise():
    assert slugify("Hassan Rouhani") == "hassan-rouhani"
    assert slugify("Bashar al-Assad") == "bashar-al-assad"
    assert slugify("Médecins Sans Frontières") == "medecins-sans-frontieres"
    assert normalise_name("The U.S.'s") == "us"
    assert normalise_name("al-Qa'ida") == "al qaida"
    assert normalise_name("Côte d'Ivoire") == normalise_name("Cote d’Ivoire")
    assert normalise_name("the Kremlin", keep_article=True) == "the kremlin"
    assert normalise_name("Reuters'") == "reuters"


def test_every_bundled_surface_resolves_to_its_own_entry(kb):
    lookups = {"name": kb.by_name, "demonym": kb.by_demonym, "metonym": kb.by_metonym}
    wrong = [
        (surface, actor_id, kind)
        for surface, actor_id, kind in kb.surface_forms()
        if _id(lookups[kind](surface)) != actor_id
    ]
    assert wrong == []


def test_surface_forms_include_names_without_their_article(kb):
    forms = {(surface, kind) for surface, actor_id, kind in kb.surface_forms()}
    assert ("The Wall Street Journal", "name") in forms
    assert ("Wall Street Journal", "name") in forms
    assert ("Hill", "name") not in forms
    assert ("Iranians", "demonym") in forms
    assert ("the White House", "metonym") in forms


def test_bundled_data_is_consistent(kb):
    country_ids = {e.id for e in read_entries(bundled_path("countries.jsonl"))}
    actor_ids = {e.id for e in read_entries(bundled_path("actors.jsonl"))}
    people_ids = {e.id for e in read_entries(bundled_path("people.jsonl"))}
    assert not country_ids & actor_ids  # an actor must not silently replace a country
    assert not (country_ids | actor_ids) & people_ids
    iso_codes = {c.alpha_3 for c in pycountry.countries}
    assert iso_codes <= {e.country for e in kb.entries.values() if e.kind == "country"}
    for entry in kb.entries.values():
        assert entry.kind in KINDS
        assert entry.country is None or entry.country in iso_codes | {"XKX"}, entry.id
    kinds = Counter(e.kind for e in kb.entries.values())
    assert kinds["media"] >= 100 and kinds["igo"] >= 30 and kinds["armed_group"] >= 20


def test_user_jsonl_overrides_bundled_entry(tmp_path, kb):
    user = tmp_path / "mine.jsonl"
    user.write_text(
        '# my actors\n'
        '{"id": "iran", "name": "Iran", "kind": "country", "country": "IRN", "aliases": ["Persia"]}\n'
        '\n'
        '{"id": "mara-quillon", "name": "Mara Quillon", "kind": "person", '
        '"country": "IRN", "aliases": ["Quillon"], "role": "President"}\n',
        encoding="utf-8",
    )
    mine = ActorKB.load(extra=[user])
    assert _id(mine.by_name("Persia")) == "iran"
    assert mine.by_demonym("Iranian") is None  # the whole entry was replaced
    assert mine.get("mara-quillon").role == "President"
    assert _id(mine.by_name("Quillon")) == "mara-quillon"
    assert len(mine.entries) == len(kb.entries) + 1


def test_user_file_replaces_bundled_files(tmp_path):
    user = tmp_path / "mine.json"
    user.write_text(
        json.dumps([{"id": "acme-news", "name": "Acme News", "kind": "media", "aliases": ["ACME"]}]),
        encoding="utf-8",
    )
    mine = ActorKB.load(extra=[user], replace=True)
    assert list(mine.entries) == ["acme-news"]
    assert mine.by_name("Iran") is None
    assert _id(mine.by_name("ACME")) == "acme-news"


def test_user_csv_with_list_columns(tmp_path):
    user = tmp_path / "mine.csv"
    user.write_text(
        "id,name,kind,country,aliases,demonyms,metonyms,role\n"
        "freedonia,Freedonia,country,FRE,Republic of Freedonia;Fredonia,Freedonian;Freedonians,Freedon City,\n",
        encoding="utf-8",
    )
    entry = ActorKB.load(extra=[user], replace=True).get("freedonia")
    assert entry.aliases == ["Republic of Freedonia", "Fredonia"]
    assert entry.demonyms == ["Freedonian", "Freedonians"]
    assert entry.metonyms == ["Freedon City"]
    assert entry.role is None


@pytest.mark.parametrize(
    ("suffix", "content", "message"),
    [
        (".jsonl", '{"id": "a", "name": "A", "kind": "other"}\n\n{"id": "b", "name": \n', "line 3: invalid JSON"),
        (".jsonl", '{"id": "a", "name": "A", "kind": "other"}\n{"name": "B", "kind": "other"}\n', "line 2: missing or empty 'id'"),
        (".jsonl", '{"id": "a", "name": "A", "kind": "villain"}\n', "line 1: kind 'villain'"),
        (".jsonl", '{"id": "Big Co", "name": "Big Co", "kind": "other"}\n', "line 1: id 'Big Co' is not a slug like 'big-co'"),
        (".jsonl", '{"id": "a", "name": "A", "kind": "other", "country": "IR"}\n', "line 1: country 'IR'"),
        (".jsonl", '{"id": "a", "name": "A", "kind": "other", "alias": ["x"]}\n', "line 1: unknown fields ['alias']"),
        (".jsonl", '{"id": "a", "name": "A", "kind": "other", "aliases": "x"}\n', "line 1: 'aliases' must be a list"),
        (".jsonl", '{"id": "a", "name": "A", "kind": "person", "since": "once"}\n', "line 1: since 'once' is not a year"),
        (".jsonl", '{"id": "a", "name": "A", "kind": "person", "affiliation": "The UN"}\n', "line 1: affiliation 'The UN'"),
        (".jsonl", '{"id": "a", "name": "A", "kind": "other"}\n{"id": "a", "name": "A", "kind": "other"}\n', "line 2: id 'a' already used at line 1"),
        (".json", '[{"id": "a", "name": "A", "kind": "other"},\n {"id": "b"}]', "item 2: missing or empty 'name'"),
        (".json", '[{"id": "a",\n "name": }]', "line 2: invalid JSON"),
        (".csv", "id,name,kind\na,A,other\nb,,other\n", "line 3: missing or empty 'name'"),
        (".txt", "anything", "unknown knowledge-base format"),
    ],
)
def test_bad_user_files_name_file_and_line(tmp_path, suffix, content, message):
    path = tmp_path / f"bad{suffix}"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(KBError) as error:
        ActorKB.load(extra=[path])
    assert str(path) in str(error.value)
    assert message in str(error.value)


def test_missing_user_file_raises_kb_error(tmp_path):
    with pytest.raises(KBError, match="cannot read"):
        ActorKB.load(extra=[tmp_path / "nowhere.jsonl"])


def test_titles_lexicon():
    titles = load_titles()
    folded = [t.casefold() for t in titles]
    assert len(folded) == len(set(folded))
    for title in ("president", "foreign minister", "supreme leader", "spokesman", "ayatollah", "senator"):
        assert title in folded


def test_generator_reproduces_the_committed_countries(tmp_path, monkeypatch):
    pytest.importorskip("countryinfo")
    spec = importlib.util.spec_from_file_location("build_actor_kb", REPO / "scripts" / "build_actor_kb.py")
    module = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, spec.name, module)  # dataclasses look their module up
    spec.loader.exec_module(module)
    output = tmp_path / "countries.jsonl"
    assert module.main(["--output", str(output)]) == 0
    assert output.read_bytes() == bundled_path("countries.jsonl").read_bytes()


def test_word_files_are_the_bundled_one_then_the_users_in_order(tmp_path):
    mine = tmp_path / "mine.txt"
    mine.write_text("[loaded]\nthuggish\n", encoding="utf-8")
    texts = list(word_file_texts("framing_words.txt", [mine]))
    assert [where for _, where in texts] == ["framing_words.txt", str(mine)]
    assert list(section_entries(texts[1][0], texts[1][1], ["loaded"])) == [("loaded", "thuggish", f"{mine}: line 2")]


def test_an_unreadable_word_file_is_named_in_the_error(tmp_path):
    broken = tmp_path / "latin1.txt"
    broken.write_bytes("[loaded]\nd\xe9plorable\n".encode("latin-1"))
    with pytest.raises(KBError, match="latin1.txt: cannot read"):
        list(word_file_texts("framing_words.txt", [broken], KBError))
    with pytest.raises(ValueError, match="missing.txt: cannot read"):
        list(word_file_texts("framing_words.txt", [tmp_path / "missing.txt"]))


def test_a_word_file_entry_outside_a_known_section_is_an_error():
    with pytest.raises(ValueError, match="mine.txt: line 1: unknown section"):
        list(section_entries("[nonsense]\nword\n", "mine.txt", ["loaded"]))
    with pytest.raises(ValueError, match="mine.txt: line 2: entry before any"):
        list(section_entries("# a comment\nword\n", "mine.txt", ["loaded"]))


def test_a_word_file_may_start_with_a_byte_order_mark(tmp_path):
    mine = tmp_path / "mine.txt"
    mine.write_text("\ufeff[loaded]\nthuggish\n", encoding="utf-8")
    (_, (text, where)) = word_file_texts("framing_words.txt", [mine])
    assert [entry for _, entry, _ in section_entries(text, where, ["loaded"])] == ["thuggish"]


def test_a_line_of_the_older_section_colon_format_says_how_to_write_it():
    with pytest.raises(ValueError, match=r"line 1: entry before any \[section\]; write 'rule out' on a line after a \[denial\]"):
        list(section_entries("denial: rule out\n", "mine.txt", ["denial"]))
    with pytest.raises(ValueError, match=r"line 1: entry before any \[section\]$"):
        list(section_entries("source: a word\n", "mine.txt", ["denial"]))


def test_bundled_people_are_well_formed(kb):
    people = read_entries(bundled_path("people.jsonl"))
    assert len(people) >= 300
    for person in people:
        assert person.kind == "person" and person.role, person.id
        assert person.country or person.affiliation, person.id  # whom the person acts for
        assert person.affiliation is None or kb.get(person.affiliation) is not None, person.id
        assert person.since is None or person.until is None or person.since <= person.until, person.id
        # Aliases are full names: a bare surname is resolved in the text, against the article's other people.
        # A one-word name ("Suharto") may have one-word spellings ("Soeharto").
        one_word = len(person.name.split()) == 1
        assert all(len(alias.split()) > 1 or one_word for alias in person.aliases), person.id
    assert _id(kb.by_name("Donald J. Trump")) == "donald-trump"
    assert kb.by_name("Trump") is None


def test_people_fields_in_jsonl_and_csv(tmp_path):
    jsonl = tmp_path / "mine.jsonl"
    jsonl.write_text('{"id": "ana-varga", "name": "Ana Varga", "kind": "person", "country": "HUN", '
                     '"role": "Mayor", "since": 2019, "affiliation": "european-union"}\n', encoding="utf-8")
    csv_file = tmp_path / "mine.csv"
    csv_file.write_text("id,name,kind,role,since,until,affiliation\n"
                        "ben-okafor,Ben Okafor,person,Envoy,2001,2004,united-nations\n", encoding="utf-8")
    kb = ActorKB.load(extra=[jsonl, csv_file])
    ana, ben = kb.get("ana-varga"), kb.get("ben-okafor")
    assert (ana.since, ana.until, ana.affiliation) == (2019, None, "european-union")
    assert (ben.since, ben.until, ben.affiliation) == (2001, 2004, "united-nations")
    written = tmp_path / "out.jsonl"
    write_entries([ana], written)
    assert read_entries(written)[0] == ana


@pytest.mark.parametrize(("name", "country", "family"), [
    ("Xi Jinping", "CHN", "xi"),
    ("Kim Jong Un", "PRK", "kim"),
    ("Ban Ki-moon", None, "ban"),  # a Korean given name, whatever the country field says
    ("Carrie Lam", "HKG", None),  # a Western given name first
    ("Shinzo Abe", "JPN", None),  # Japanese names are given name first in English news
    ("Alexandria Ocasio-Cortez", "USA", None),  # a hyphenated surname is not a Korean given name
    ("Jinping", "CHN", None),
])
def test_family_name_first(name, country, family):
    assert family_name_first(name, country) == family
