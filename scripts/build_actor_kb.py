"""Generate ``newsprism/data/countries.jsonl`` from pycountry and countryinfo.

    python scripts/build_actor_kb.py [--output PATH]

Every ISO 3166 country or territory in pycountry becomes one entry of kind
``country``: a short display name, aliases (English short, common and official
names, safe abbreviations), demonyms with plurals, and the capital as a metonym.
countryinfo supplies demonyms, capitals, alternative spellings and populations.

Hand-written data is kept to the few facts no library has and lives in the overlay
constants below (display-name overrides, conventional abbreviations, nationality
nouns, seats of government such as "the White House" or "the Kremlin"). Seats of
government bodies that are not countries ("Foggy Bottom", "the Pentagon") are in
the hand-written ``newsprism/data/actors.jsonl``.

Known ambiguities are kept on purpose: "Georgia" (also a US state), "Jordan" and
"Chad" (also given names), "Turkey" (also a bird; lower-case "turkey" never matches,
see newsprism.kb). Telling them apart is the job of the context, not of the list.

The output is deterministic: entries sorted by id, lists in a fixed order.
"""

from __future__ import annotations

import argparse
import re
import sys
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pycountry
from countryinfo import CountryInfo, CountryNotFoundError
from spacy.lang.en.stop_words import STOP_WORDS

from newsprism.kb import KBEntry, normalise_name, slugify, write_entries

OUTPUT = Path(__file__).resolve().parents[1] / "newsprism" / "data" / "countries.jsonl"

# Where the library name is an official or dated form the news rarely uses.
NAME_OVERRIDES = {
    "COD": "DR Congo",  # pycountry: "Congo, The Democratic Republic of the"
    "COG": "Republic of the Congo",  # pycountry: "Congo", which the news often uses for DR Congo
    "PSE": "Palestine",  # pycountry: "Palestine, State of"
    "TUR": "Turkey",  # pycountry: "Türkiye" (kept as an alias)
    "VAT": "Holy See",  # pycountry: "Holy See (Vatican City State)"
    "VIR": "U.S. Virgin Islands",  # pycountry: "Virgin Islands, U.S."
}

# Conventional English names and abbreviations missing from both libraries.
EXTRA_ALIASES = {
    "BIH": ["Bosnia"],
    "CHN": ["PRC"],
    "COD": ["Congo"],  # also pycountry's name for COG; news style means the far bigger DR Congo
    "COG": ["Congo Republic"],
    "GBR": ["UK", "U.K.", "Britain", "Great Britain"],
    "MKD": ["Macedonia"],
    "MMR": ["Burma"],
    "NLD": ["Holland"],
    "PRK": ["DPRK"],
    "SAU": ["KSA"],
    "USA": ["US", "U.S.", "U.S", "U.S.A.", "America"],
    "VAT": ["Vatican", "Vatican City"],
}

# Nationality nouns and common adjectives that countryinfo lacks or misspells.
EXTRA_DEMONYMS = {
    "ARG": ["Argentine", "Argentinian"],
    "AZE": ["Azeri"],
    "CPV": ["Cape Verdean"],
    "DNK": ["Dane"],
    "ESP": ["Spaniard"],
    "FIN": ["Finns"],
    "GBR": ["Briton"],
    "HRV": ["Croat"],
    "ISL": ["Icelandic"],
    "KAZ": ["Kazakh"],
    "KGZ": ["Kyrgyz"],
    "MDV": ["Maldivian"],
    "PHL": ["Philippine", "Filipina"],
    "POL": ["Pole"],
    "SAU": ["Saudi"],
    "SRB": ["Serb"],
    "SUR": ["Surinamese"],
    "SVN": ["Slovenian"],
    "SWE": ["Swede"],
    "TJK": ["Tajik"],
    "TUR": ["Turk"],
    "UZB": ["Uzbek"],
}

# Seats of government and former or variant spellings of capitals.
EXTRA_METONYMS = {
    "BOL": ["La Paz"],
    "CHN": ["Zhongnanhai"],
    "FRA": ["the Élysée", "Élysée", "the Élysée Palace", "Quai d'Orsay"],
    "GBR": ["Downing Street", "Number 10", "No 10", "No. 10", "Whitehall"],
    "IRN": ["Teheran"],
    "KAZ": ["Astana"],
    "KOR": ["the Blue House"],
    "RUS": ["the Kremlin", "Kremlin"],
    "UKR": ["Kiev"],
    "USA": ["Washington", "the White House"],
}

# Words that name a form of state; an alternative spelling made only of these and
# of words from the country's own English names is English ("Republic of Iceland"),
# anything else ("Reino de España", "Island") is dropped.
STATE_FORM_WORDS = frozenset(
    "republic kingdom state states federation federal federative commonwealth union "
    "principality grand duchy sultanate emirate democratic peoples popular "
    "islamic arab socialist united independent hashemite plurinational bolivarian "
    "co operative cooperative territory territories islands island isles bailiwick "
    "department nation oriental eastern great special administrative region of the and "
    "collectivity overseas".split()
)
CONNECTORS = frozenset({"of", "the", "and", "da", "de"})
METONYM_MIN_POPULATION = 1_000_000
DOMINANCE_RATIO = 10
_PARENTHESIS_RE = re.compile(r"\s*\([^)]*\)")
_DESCRIPTIVE_CAPITAL_RE = re.compile(r"^City of ")  # "City of Victoria" (Hong Kong)
_ARTICLE_RE = re.compile(r"^the\s+", re.IGNORECASE)


@dataclass(slots=True)
class CountryDraft:
    """One country while its names are being gathered and checked."""

    alpha3: str
    name: str
    population: int
    aliases: list[str] = field(default_factory=list)
    demonyms: list[str] = field(default_factory=list)
    metonyms: list[str] = field(default_factory=list)

    def to_entry(self) -> KBEntry:
        return KBEntry(
            id=slugify(self.name),
            name=self.name,
            kind="country",
            country=self.alpha3,
            aliases=_unique(a for a in self.aliases if normalise_name(a) != normalise_name(self.name)),
            demonyms=_unique(self.demonyms),
            metonyms=_unique(self.metonyms),
        )


def _unique(surfaces: Iterable[str]) -> list[str]:
    """Surfaces without repeats (by exact text), first occurrence kept."""
    return list(dict.fromkeys(surfaces))


def countryinfo_record(alpha3: str) -> dict:
    try:
        info = CountryInfo(alpha3).info()
    except CountryNotFoundError:
        return {}
    return dict(info) if info.get("ISO", {}).get("alpha3") == alpha3 else {}


def tidy_name(name: str) -> str:
    """A library name without parenthetical notes or a leading "the"."""
    return _ARTICLE_RE.sub("", _PARENTHESIS_RE.sub("", name)).strip()


def is_latin(text: str) -> bool:
    return all(not ch.isalpha() or "LATIN" in unicodedata.name(ch, "") for ch in text)


def initials(name: str) -> str:
    """ "United States of America" -> "USA"; "Democratic People's Republic of Korea" -> "DPRK"."""
    words = normalise_name(name).split()
    return "".join(w[0] for w in words if w not in CONNECTORS).upper()


def is_safe_abbreviation(code: str, english_names: Iterable[str]) -> bool:
    """An all-capitals code is an alias only if it spells the initials of one of the
    country's English names and is not an English word ("AS", "IN", "CAN")."""
    compact = code.replace(".", "")
    return compact.lower() not in STOP_WORDS and any(
        initials(name) == compact for name in english_names
    )


def english_vocabulary(texts: Iterable[str]) -> set[str]:
    return {word for text in texts for word in normalise_name(text).split()}


def is_english_spelling(spelling: str, vocabulary: set[str]) -> bool:
    words = normalise_name(spelling).split()
    known = all(w in vocabulary or w in STATE_FORM_WORDS for w in words)
    return known and any(w in vocabulary for w in words)


def display_name(country, info: dict) -> str:
    """The override, else the shortest clean (no comma) name pycountry or countryinfo gives."""
    if country.alpha_3 in NAME_OVERRIDES:
        return NAME_OVERRIDES[country.alpha_3]
    candidates = [
        getattr(country, "common_name", None),
        country.name,
        info.get("name"),
        getattr(country, "official_name", None),
    ]
    clean = [tidy_name(c) for c in candidates if c and "," not in c]
    return min(clean, key=len) if clean else tidy_name(country.name)


def split_demonyms(raw: str) -> list[str]:
    """countryinfo writes "Antiguan,Barbudan" and "Kittian and Nevisian"."""
    parts = [p.strip() for p in raw.split(",") if p.strip()]
    result: list[str] = []
    for part in parts:
        pieces = part.split(" and ")
        single_words = len(pieces) == 2 and all(" " not in p for p in pieces)
        result.extend(pieces if single_words else [part])
    return result


def derive_demonym(name: str) -> str | None:
    """A demonym for a one-word name by the regular English suffixes
    ("Palestine" -> "Palestinian", "Colombia" -> "Colombian"), else None."""
    if " " in name or "-" in name:
        return None
    for ending, suffix in (("ine", "inian"), ("ia", "ian"), ("a", "an")):
        if name.endswith(ending):
            return name[: -len(ending)] + suffix
    return None


def plural_demonym(demonym: str) -> str | None:
    """ "Iranian" -> "Iranians"; "Chinese", "British", "Swiss" and "Malagasy" have none."""
    if demonym.endswith(("ese", "ish", "ch", "sh", "ss", "ic", "x", "z", "y", "s")):
        return None
    return demonym + "s"


def with_plurals(demonyms: Iterable[str]) -> list[str]:
    result: list[str] = []
    for demonym in demonyms:
        result.append(demonym)
        plural = plural_demonym(demonym)
        if plural:
            result.append(plural)
    return _unique(result)


def with_dotted_forms(aliases: Iterable[str]) -> list[str]:
    """ "UAE" -> also "U.A.E."; only for capitals-only abbreviations of two or three letters."""
    result: list[str] = []
    for alias in aliases:
        result.append(alias)
        if alias.isalpha() and alias.isupper() and 2 <= len(alias) <= 3:
            result.append(".".join(alias) + ".")
    return result


def is_capital_metonym(capital: str, population: int, aliases: list[str]) -> bool:
    """Capitals stand for governments of populous countries; those of small
    territories are rarely so used and are often also surnames ("Hamilton",
    "Douglas", "Stanley"). A capital named like its country is not a metonym."""
    return (
        bool(capital)
        and population >= METONYM_MIN_POPULATION
        and not _DESCRIPTIVE_CAPITAL_RE.match(capital)
        and normalise_name(capital) not in {normalise_name(a) for a in aliases}
    )


def english_names(country, info: dict, name: str) -> list[str]:
    """The display name and every comma-free English name the libraries give."""
    candidates = (
        name,
        getattr(country, "common_name", None),
        country.name,
        getattr(country, "official_name", None),
        info.get("name"),
    )
    return [tidy_name(n) for n in candidates if n and "," not in n]


def country_demonyms(info: dict, name: str, names: list[str]) -> list[str]:
    """countryinfo's demonyms, else one derived from the name for inhabited places;
    a "demonym" that is the name itself ("Djibouti") is dropped."""
    derived = derive_demonym(name) if info.get("capital") else None
    demonyms = split_demonyms(info.get("demonym") or "") or ([derived] if derived else [])
    name_keys = {normalise_name(n) for n in names}
    return [d for d in demonyms if normalise_name(d) not in name_keys]


def alternative_spellings(country, info: dict, names: list[str], demonyms: list[str]) -> list[str]:
    """countryinfo's alternative spellings and the alpha-3 code that are English and
    safe: Latin script, not inverted ("Iran, Islamic Republic of"), not a demonym
    ("Thai"), not the alpha-2 code, abbreviations only when they are initials."""
    vocabulary = english_vocabulary([*names, *demonyms, info.get("capital") or ""])
    demonym_keys = {normalise_name(d) for d in demonyms}
    kept: list[str] = []
    for spelling in [*info.get("altSpellings", []), country.alpha_3]:
        spelling = tidy_name(spelling)
        if not spelling or "," in spelling or not is_latin(spelling):
            continue
        if spelling == country.alpha_2 or normalise_name(spelling) in demonym_keys:
            continue
        if spelling.isupper():
            if is_safe_abbreviation(spelling, names):
                kept.append(spelling)
        elif is_english_spelling(spelling, vocabulary):
            kept.append(spelling)
    return kept


def draft_country(country) -> CountryDraft:
    info = countryinfo_record(country.alpha_3)
    name = display_name(country, info)
    names = english_names(country, info, name)
    demonyms = country_demonyms(info, name, names)
    aliases = [
        *names,
        *alternative_spellings(country, info, names, demonyms),
        *EXTRA_ALIASES.get(country.alpha_3, []),
    ]
    aliases = with_dotted_forms(aliases)
    own_names = {normalise_name(n) for n in (name, *aliases)}
    metonyms = list(EXTRA_METONYMS.get(country.alpha_3, []))
    capital = (info.get("capital") or "").strip()
    population = int(info.get("population") or 0)
    if is_capital_metonym(capital, population, aliases):
        metonyms.insert(0, capital)
    return CountryDraft(
        alpha3=country.alpha_3,
        name=name,
        population=population,
        aliases=aliases,
        demonyms=[d for d in with_plurals([*demonyms, *EXTRA_DEMONYMS.get(country.alpha_3, [])])
                  if normalise_name(d) not in own_names],  # "Philippine", not its plural "Philippines"
        metonyms=metonyms,
    )


def resolve_shared_names(drafts: list[CountryDraft], attribute: str) -> list[str]:
    """A name several countries claim goes to the one whose population is at least
    ten times that of any other ("French": France, not Réunion), or to none
    ("Channel Islander": Jersey and Guernsey). A display name stays with its country.
    Returns a log line per shared name."""
    claims: dict[str, set[str]] = defaultdict(set)
    by_code = {d.alpha3: d for d in drafts}
    for draft in drafts:
        for surface in getattr(draft, attribute):
            claims[normalise_name(surface)].add(draft.alpha3)
    display_keys = {normalise_name(d.name): d.alpha3 for d in drafts}
    log: list[str] = []
    for key, codes in sorted(claims.items()):
        if len(codes) < 2:
            continue
        winner = display_keys.get(key) if attribute == "aliases" else None
        if winner is None:
            ranked = sorted(codes, key=lambda c: (-by_code[c].population, c))
            first, second = (by_code[c].population for c in ranked[:2])
            winner = ranked[0] if first >= DOMINANCE_RATIO * max(second, 1) else None
        for code in codes - {winner}:
            draft = by_code[code]
            setattr(draft, attribute, [s for s in getattr(draft, attribute) if normalise_name(s) != key])
        log.append(f"{attribute} {key!r}: {sorted(codes)} -> {winner or 'nobody'}")
    return log


def build_countries() -> tuple[list[KBEntry], list[str]]:
    """All countries as entries sorted by id, and a log of the shared names resolved."""
    drafts = [draft_country(c) for c in sorted(pycountry.countries, key=lambda c: c.alpha_3)]
    log: list[str] = []
    for attribute in ("aliases", "demonyms", "metonyms"):
        log.extend(resolve_shared_names(drafts, attribute))
    entries = sorted((d.to_entry() for d in drafts), key=lambda e: e.id)
    return entries, log


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=OUTPUT)
    parser.add_argument("--verbose", action="store_true", help="print the shared names resolved")
    args = parser.parse_args(argv)
    entries, log = build_countries()
    write_entries(entries, args.output)
    if args.verbose:
        print("\n".join(log), file=sys.stderr)
    print(f"wrote {len(entries)} countries to {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
