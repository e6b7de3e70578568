"""Actors: every place an article names an actor, resolved to canonical actors.

A spaCy component, ``newsprism_actors``, run after the model's ``ner``. No
coreference model can be had offline, so resolution is by rules over three sources:

- the actor knowledge base (:mod:`newsprism.kb`) matched over the text with
  PhraseMatchers: names and aliases, demonyms ("Iranian") and seat-of-government
  metonyms ("Tehran", "the White House");
- the model's named entities (PERSON, ORG, NORP, GPE) for actors the KB lacks;
- the dependency parse: roles, appositives, sectors, and whether a metonym acts.

The rules, in the order they run:

1. **KB matches**. Longest match wins. Short names ("IS", "US") match only with
   their case; other names must start with a capital ("Independent", not
   "independent"). Where a KB match overlaps an NER span, the KB wins, except
   that a longer proper name around a KB name is something else ("National
   Supreme Security Council" is not the KB's "Security Council", the "Nigeria
   Labour Congress" is not the US Congress, "New Jersey" is not Jersey), and so is
   a run of untagged capitalised proper nouns compounded with one ("the Iraq Body
   Count project") or the title of a work ("The Iran Files"). The longer name
   takes the country it opens with or holds, or, opening with a KB body and going
   on without "of", is a part of that body ("Hamas Political Bureau"). A country
   before a KB body of that country names the body ("US Congress").
2. **People**. PERSON spans are kept only when name-shaped: capitalised words,
   name particles (al-, el-, bin, van, de, ...), initials ("T.S. Ellis"); not
   mostly stop words; no organisation word, no acronym-like word ("TfL"), no KB name except a
   country as a first name ("Jordan Schachtel"); so "Will Iran Be" is dropped.
   Also read as names: the "Firstname Lastname" after an organisation's
   possessive ("Breitbart News' Jordan Schachtel"), a lone proper noun NER
   called a nationality that says something ("Rouhani said"), and an ORG span
   that is the full name of someone named, and the proper nouns after an
   honorific ("Mr Corker"; "Sir"/"Dame"/"Lord" are skipped like titles, and a
   title before them still gives the role: "Ambassador Sir Kim Darroch"), and an ORG
   span of two to four proper nouns opening with a given name of
   ``data/first_names.txt`` and holding no organisation word ("Ann Lee", not the
   "Ann Lee Foundation"), unless it is a photo credit ("Ann Lee/Reuters"). A lone
   common English word ("Photo") is not a person, nor a lone word of
   ``data/not_people.txt`` ("Brexit") unless titled or someone's surname, nor a
   lone name owning what a firm makes ("Edison's polling": an organisation), nor
   a word heading a noun phrase of its own ("the Sessions", "two Sessions").
   Names are grouped by (first name, surname) with particles and initials
   dropped, so "Bashar al-Assad" = "Bashar Assad". A surname alone
   ("Assad", "Rouhani's"), wherever it occurs and whatever label NER gave it,
   names: someone already known by the surname alone, else the full name with
   that surname named before it (the last one, if several), else one named within
   ``FORWARD_WINDOW`` tokens after it (a headline before the lede) unless a
   title makes it a reference of its own ("President Obama" is not the "Michelle
   Obama" named next). Failing those, a KB person with that surname
   (``people.jsonl``), only when the article names nobody else with it or the KB
   person's title precedes it ("President Trump" beside "Melania Trump"); of
   several KB people with it, the one in office in the article's year. A
   different first name is a different person ("Ivanka Trump"), also when NER
   missed the given name. A surname that is a common word ("Trump", "Brown")
   counts only where used as a name: after a title, as subject or possessor, or
   capitalised inside a sentence ("criticized Sessions"), or opening one as the bare
   subject of a past-tense or speech verb when the tagger took it for a singular noun
   ("Pence met"). Of several KB people
   with it the year does not decide, the one whose given name's gender agrees with
   the pronouns of the surname's clause ("Clinton said her ..."). Names written
   family name first (Chinese, Korean: ``kb.family_name_first``) are known by that
   name ("Xi", "President Moon"; not "Central Park", "the Moon"). A one-word KB
   organisation name after a given name is a surname ("Michael Bloomberg" is not
   the outlet). A given name alone ("Rand", "Sir Kim") names the one person of
   the article with that given name, named in full before it or just after it,
   when no one has it as surname; shared by two people, it names nobody.
3. **Other entities**. NER spans are cut at line breaks, brackets, slashes and
   possessives. ORG spans unknown to the KB become organisations (kind from their
   head word: media, government, armed group); a leading demonym or country, or a
   country's possessive before them, gives their country ("the Iranian Foreign
   Ministry", "Iran's Quds Force"). NORP spans become group actors only when used
   as nouns ("Kurds", not "Sunni parties"); a demonym before one gives its country
   ("Iraqi Kurds"). FAC spans (NER's facilities) become
   groups only when the article calls them one: an appositive or predicate group
   noun ("the Gulf Sharks, a gang of ..."; "a gang known as the Gulf Sharks"; "which
   the police classified as a terrorist organisation"); then every span of that name
   in the article does. Untagged proper nouns that a body noun introduces ("the
   lobby group J Street", "the company Vantor Labs") are an organisation wherever
   the name recurs. A lone word taken for a surname that opens an organisation's name
   whose other words are organisation words ("Ploughshares" of the "Ploughshares
   Fund") is that organisation, unless someone bears it as a full name. An agency is
   a government body unless a news word names it ("Saudi Press Agency"). Unknown
   entities seen only on title-case headline lines are dropped: NER guesses badly there.
4. **Places are not actors**. A metonym ("Tehran", "Washington", "the White
   House") or an unknown GPE is an actor mention only when the parse makes it an
   agent: subject, possessor, the "by" of a passive, conjoined with one, the
   object of a verb addressed to someone ("urged Tehran"), a party dealt with
   ("cooperate with Kiev", "talks with Tehran", "support for Kyiv"), or the seat of a
   ruling body ("the regime in Tegucigalpa", "the government of Syria"); or when it names a
   title holder's employer ("White House press secretary"). "In Tehran" and "flew
   to Washington" yield no mention at all. Country names always count.
5. **Acronyms**. "Name (ACR)" makes ACR an alias of the named actor for the
   rest of the article; the name is the capitalised phrase (small words such as
   "to" included: "Committee to Protect Journalists") before the bracket whose
   initials best match the acronym. A descriptive phrase ("the UN's mission in
   Iraq (UNAMI)") becomes an organisation named by the acronym, affiliated to its
   possessor. "ACR, the Name," does the same when ACR spells the name's initials
   (small words "of", "the", "for", "to", "and" may be skipped); so does an acronym
   in capitals never defined ("ICE notified colleges") when exactly one organisation
   named before it has those initials, a leading country aside ("U.S. Immigration
   and Customs Enforcement").
6. **Roles**. Titles (``data/titles.txt``) before a name ("Iranian President
   Hassan Rouhani", "Iran's President ...", "National ... Council chief Ali
   Shamkhani") or in an appositive ("Marzieh Afkham, the Iranian Foreign Ministry
   spokeswoman"; "the ... Spokeswoman, Marzieh Afkham") give the person's role;
   the demonym or country there gives the country; the named body gives the
   affiliation (created as an organisation when new), and a party its country
   ("Republican Sen. X", "X, a Likud lawmaker"; parties are KB organisations).
   A place naming the office gives its country through the gazetteer of
   :mod:`newsprism.analysis.places` ("Texas Gov. X", "the mayor of Paris", "Rep. X
   of Wyoming"); a country's "of" after an untitled name gives it its country ("Mr.
   Kozyrev of Russia"); so do US party labels ("X (R-Texas)", "X, D-West Virginia,") and a
   government body named by metonym ("a spokesman for the Pentagon"). A name the
   parse hangs on the body of a title's "of"/"for" phrase is that title's ("The
   spokesman for the Foreign Ministry, Ali Rezaei"). KB people bring their role,
   country and the body they act for (a UN Secretary-General: the UN).
7. **Role references**. "The Iranian President", "the minister" become mentions
   of the one person in the article with that role (and country, when given). A
   bare "the president" links only if that person is the last one named before it. A
   description with a country no holder of its title has ("the Honduran foreign
   minister") names the one person of the article with that title when he was named
   before it without a country, and gives him the country. A former office nobody in the
   article holds, as a clause's subject ("The former New York mayor had said"), names the
   last person named in its sentence or the one before, unless their countries differ.
8. **Sectors**. A country mention gets a sector from the noun it modifies or
   governs ("Iranian armed forces" military, "the government of Iraq"
   government, "Iranian national television" media); a metonym's is government.
9. **The article's country**. A government body left without a country by the
   rules above takes the country the article names more than twice as often as any
   other, counting each mention by its actor's country, media aside ("Pakistan reinstated the
   Supreme Court judges"); a person belonging to no body, an organisation or an
   armed group likewise, when that country is named at least three times; none when
   no country clearly dominates.

Mention labels: "kb", "demonym", "metonym" (KB forms); "PERSON", "ORG", "NORP",
"GPE", "FAC" (NER spans the KB lacks); "surname", "first_name", "acronym", "role".
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import chain, count
from importlib import resources

import re

import numpy
import spacy
from spacy.attrs import IS_UPPER, LOWER, ORTH
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from newsprism.analysis.places import fold, gazetteer
from newsprism.analysis.when import publication_date
from newsprism.kb import (
    ActorKB, KBEntry, family_name_first, first_names, is_short_name, load_titles, normalise_name, slugify,
)
from newsprism.records import Actor, Mention

Doc.set_extension("actor_mentions", default=(), force=True)
Doc.set_extension("actors", default=(), force=True)

ENTITY_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE", "FAC"})
NAME_PARTICLES = frozenset("al el bin ibn ben van von de da di du del der den la le dos das".split())
# Countries whose people's names end in the father's given name, not a family name (Ethiopia, Eritrea,
# Somalia, Iceland, Malaysia's Malay names): a bare last word is no reference to them ("Ahmed" is not
# Abiy Ahmed), as with Arabic "bin" names.
PATRONYMIC_NAME_COUNTRIES = frozenset({"ETH", "ERI", "SOM", "ISL", "MYS"})
# A monarch's regnal name ("Juan Carlos I", "Mohammed VI") has no surname: "Carlos" alone is not the king.
MONARCH_ROLES = frozenset({"King", "Queen", "Emperor", "Prince", "Sultan", "Emir"})
REGNAL_NUMBER_RE = re.compile(r"^[IVX]+$")
NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
# Honorifics before a name: not a role, and a title may precede them ("Ambassador Sir Kim Darroch").
HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "mx", "sir", "dame", "lord", "lady", "baroness", "baron"})
HONORIFIC_NAME_MAX_WORDS = 3
ROLE_MODIFIERS = frozenset({"former", "acting", "interim", "outgoing", "incoming"})
NAME_PUNCTUATION = frozenset({"-", ".", "&", "'", "’"})
INITIALS_RE = re.compile(r"^(?:[A-Z]\.){2,3}$")
CONNECTORS = frozenset({"of", "for", "in", "on", "and", "the", "de", "al", "el", "-", "&"})
ACRONYM_SMALL_WORDS = frozenset({"of", "the", "for", "to", "and", "&"})  # words an acronym may skip

MEDIA_HEADS = frozenset(
    "news times post journal monitor herald tribune gazette daily television tv radio press "
    "network channel broadcasting magazine telegraph guardian observer chronicle "
    "images media newspaper wire".split()
)
GOVERNMENT_HEADS = frozenset(
    "ministry council parliament government department cabinet assembly senate congress "
    "court commission office embassy administration authority presidency police agency".split()
)
ARMED_HEADS = frozenset(
    "militia militias brigade brigades front battalion battalions army force forces guard guards corps".split()
)
# Words that make a "Congress" or "Council" a union, not a government body ("Nigeria Labour Congress").
LABOUR_WORDS = frozenset("labour labor trade trades union unions workers teachers employees".split())
ORGANISATION_WORDS = MEDIA_HEADS | GOVERNMENT_HEADS | ARMED_HEADS
# Words that make a name an organisation's, not a person's ("Ann Lee Foundation").
ORGANISATION_NAME_WORDS = ORGANISATION_WORDS | frozenset(
    "foundation institute institution fund party inc corp corporation co company llc ltd plc group "
    "association society center centre university college school bank trust club league union "
    "coalition alliance committee campaign project labs partners holdings industries "
    "enterprises capital ventures consulting action movement".split()
)
# Nouns whose proper-noun apposition is a body's name ("the lobby group J Street").
NAMED_BODY_NOUNS = frozenset(
    "group organization organisation company firm charity nonprofit coalition network campaign".split()
)
NAMED_BODY_MAX_WORDS = 4
SECTOR_HEADS = {
    **dict.fromkeys(
        "government administration regime authority official cabinet ministry leadership parliament "
        "lawmaker diplomat embassy envoy ambassador state spokesman spokeswoman spokesperson".split(),
        "government",
    ),
    **dict.fromkeys(
        "military army force troop soldier navy militia commander general jet warplane plane "
        "drone tank missile airstrike strike".split(),
        "military",
    ),
    **dict.fromkeys("police policeman".split(), "police"),
    **dict.fromkeys("intelligence spy".split(), "intelligence"),
    **dict.fromkeys("television tv media press newspaper radio journalist reporter".split(), "media"),
    **dict.fromkeys("people citizen civilian public resident protester".split(), "civilian"),
    **dict.fromkeys("court judge judiciary".split(), "judiciary"),
    **dict.fromkeys("company firm business bank".split(), "business"),
    **dict.fromkeys("rebel insurgent opposition".split(), "opposition"),
}
# Verbs whose object is a party addressed or acted on as an agent ("urged Tehran").
ADDRESSEE_VERBS = frozenset(
    "urge warn accuse ask tell call pressure criticize criticise condemn blame sanction "
    "thank praise persuade invite press lobby".split()
)
SPEECH_VERBS = frozenset(
    "say tell add declare affirm reply state announce insist warn claim argue note explain "
    "write acknowledge deny dismiss respond stress admit suggest".split()
)
# What a firm makes or publishes: a lone name owning one is a firm ("Edison's polling").
BUSINESS_NOUNS = frozenset(
    "poll polling survey research data analysis forecast index rating product brand store shop "
    "share stock earnings revenue app platform software service network".split()
)
# Words that count a noun: "two Sessions", "several Sessions" are sittings, not Jeff Sessions.
QUANTIFIERS = frozenset("several many few some both these those all various multiple numerous".split())
MALE_PRONOUNS = frozenset({"he", "him", "his", "himself"})
FEMALE_PRONOUNS = frozenset({"she", "her", "hers", "herself"})
AGENT_DEPS = frozenset({"nsubj", "nsubjpass", "poss"})
# Words whose "with", "for" or "against" object is a party dealt with ("cooperate with Kiev",
# "support for Kyiv", "sanctions against Moscow"), not a place.
PARTY_OBJECT_HEADS = {
    "with": frozenset(
        "cooperate cooperation talk negotiate negotiation agree agreement deal relation tie clash "
        "dialogue partner partnership ally engage engagement reconcile normalise normalize".split()
    ),
    "for": frozenset("support backing sympathy".split()),
    "against": frozenset("sanction sanctions retaliate retaliation".split()),
}
# Nouns for a ruling body, whose "in"/"of" place is the body's seat ("the regime in Tegucigalpa").
RULING_NOUNS = frozenset("regime government administration authority leadership junta ruler".split())
# Nouns that make a FAC span a group ("the Gulf Sharks, a gang"); the first set makes it armed.
ARMED_GROUP_NOUNS = frozenset("gang cartel militia brigade syndicate mafia".split())
GROUP_NOUNS = ARMED_GROUP_NOUNS | frozenset(
    "group organisation organization network faction movement outfit band clan ring party".split()
)
# "Central American", "Latin America", "Northern Ireland", "New Jersey": a region, not the country
# (KB names that include the prefix, such as "North Korea", win as longer matches).
REGION_PREFIXES = frozenset(
    "central latin north south east west middle northern southern eastern western pan trans sub new".split()
)
# An unknown ORG that is only the object of one of these is a place ("at Caracol Bank").
PLACE_PREPOSITIONS = frozenset(
    "in at near off from to into across outside inside around toward towards through beyond".split()
)
# ... or of "of" after one of these nouns: "the port of La Unión", "south of Mosul".
PLACE_NOUNS = frozenset(
    "port city town village province region district streets outskirts coast capital border "
    "lights harbour harbor north south east west northeast northwest southeast southwest".split()
)
# US congressional party labels after a name: "(R-Texas)", "(D)", "(I-Vt.)".
PARTY_LABEL_RE = re.compile(r"^\(\s*([RDI])(?:\s*[-\u2013,.]\s*[A-Z][\w.' ]*)?\s*\)$")
PARTY_LABEL_AFTER_COMMA_RE = re.compile(r"^([RDI])\s*[-\u2013]\s*[A-Z][a-z.]+")  # ", D-West Virginia,"
PARTY_LABELS = {"R": "us-republican-party", "D": "us-democratic-party", "I": None}
PARTY_LABEL_COUNTRY = "USA"
PARTY_LABEL_MAX_TOKENS = 8
FORWARD_WINDOW = 150  # tokens: how far a full name may follow its surname's first use
HEADLINE_MIN_WORDS = 4
HEADLINE_CAPITAL_SHARE = 0.7
# Actors whose country says nothing of where a story happens: a wire agency's ("NAIROBI (Reuters) -").
UNPLACED_KINDS = frozenset({"media"})
PERSON_COUNTRY_MENTIONS = 3  # how often a dominant country must be named to lend itself to people


# --------------------------------------------------------------------------- patterns


@lru_cache(maxsize=1)
def titles_lexicon() -> frozenset[str]:
    """Person titles, lower-cased, from ``newsprism/data/titles.txt``."""
    return _word_list("titles.txt")


@lru_cache(maxsize=1)
def not_people() -> frozenset[str]:
    """Words NER tags PERSON that name no person ("Brexit"), lower-cased, from
    ``newsprism/data/not_people.txt``."""
    return _word_list("not_people.txt")


def _word_list(name: str) -> frozenset[str]:
    """The lines of a bundled word list, lower-cased, without blanks and ``#`` comments."""
    text = (resources.files("newsprism") / "data" / name).read_text(encoding="utf-8")
    lines = (line.strip().lower() for line in text.splitlines())
    return frozenset(line for line in lines if line and not line.startswith("#"))


@dataclass(slots=True)
class ActorPatterns:
    """Everything built once per pipeline: the KB, its matchers and the word lists."""

    kb: ActorKB
    names: PhraseMatcher  # KB forms matched case-insensitively
    short_names: PhraseMatcher  # short KB forms, matched with their case
    forms: dict[int, tuple[str, str]]  # match id -> (form, actor id)
    titles: PhraseMatcher
    common_words: frozenset[str]
    kb_surnames: dict[str, list[KBEntry]] = field(default_factory=dict)

    @classmethod
    def build(cls, nlp: Language, kb: ActorKB) -> ActorPatterns:
        names = PhraseMatcher(nlp.vocab, attr="LOWER")
        short_names = PhraseMatcher(nlp.vocab, attr="ORTH")
        forms = {}
        for (surface, short), key in _form_keys(kb).items():
            (short_names if short else names).add(key, [nlp.make_doc(surface)])
            forms[nlp.vocab.strings[key]] = tuple(key.split(":", 1))
        titles = PhraseMatcher(nlp.vocab, attr="LOWER")
        # Tokenized as written ("Sen." is one token) and lower-cased ("mr." is "mr" "."),
        # which also matches "Mr" written without its full stop.
        written = {title for title in load_titles() if not title.startswith("#")}
        title_forms = sorted(written | {title.lower() for title in written})
        titles.add("title", list(nlp.tokenizer.pipe(title_forms)))
        return cls(kb, names, short_names, forms, titles, _common_words(nlp), kb_people_by_surname(kb))


def kb_people_by_surname(kb: ActorKB) -> dict[str, list[KBEntry]]:
    """KB people under the surname a bare mention would use: the first word of names
    written family name first (:func:`newsprism.kb.family_name_first`). Left out: names whose
    last word is hyphenated other than after a particle ("Moon Jae-in", not
    "Bashar al-Assad") or that hold "bin"/"ibn" (Korean given names, Arabic
    patronymics: the last word is not what a bare mention uses), names of
    :data:`PATRONYMIC_NAME_COUNTRIES` (for the same reason), monarchs' regnal names
    ("Juan Carlos I"), and surnames of two letters."""
    people: dict[str, list[KBEntry]] = {}
    for entry in kb.entries.values():
        family = family_name_first(entry.name, entry.country) if entry.kind == "person" else None
        if family is not None:  # "Xi Jinping" is "Xi", two letters or not
            people.setdefault(family, []).append(entry)
            continue
        words = entry.name.split()
        hyphenated = "-" in words[-1] and words[-1].split("-")[0].lower() not in NAME_PARTICLES
        patronymic = entry.country in PATRONYMIC_NAME_COUNTRIES or {"bin", "ibn"} & {w.lower() for w in words}
        regnal = entry.role in MONARCH_ROLES and REGNAL_NUMBER_RE.match(words[-1]) is not None
        if entry.kind != "person" or hyphenated or patronymic or regnal:
            continue
        first, surname = name_key(words)
        if first is not None and len(surname) > 2:
            people.setdefault(surname, []).append(entry)
    return people


def _form_keys(kb: ActorKB) -> dict[tuple[str, bool], str]:
    """(surface, matched with case?) -> "form:actor id". A surface claimed twice
    goes to a name over a demonym or metonym, else to the later entry (as in the KB)."""
    keys: dict[tuple[str, bool], str] = {}
    for surface, actor_id, form in kb.surface_forms():
        short = is_short_name(surface)
        for variant in _case_variants(surface):
            slot = (variant if short else variant.lower(), short)
            if form == "name" or not keys.get(slot, "").startswith("name:"):
                keys[slot] = f"{form}:{actor_id}"
    return keys


def _case_variants(surface: str) -> list[str]:
    """A short name as written, in capitals, and with a capital "The"."""
    if not is_short_name(surface):
        return [surface]
    bare = surface[4:] if surface.lower().startswith("the ") else surface
    forms = [surface, surface.upper() if bare == surface else surface[:4] + bare.upper()]
    if bare != surface:
        forms += ["The " + bare, "the " + bare]
    return list(dict.fromkeys(forms))


def _common_words(nlp: Language) -> frozenset[str]:
    """The English words in the lemmatizer's WordNet index, if the pipeline has one."""
    if "lemmatizer" not in nlp.pipe_names:
        return frozenset()
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return frozenset()
    return frozenset(w for words in lookups.get_table("lemma_index").values() for w in words)


_PATTERN_CACHE: dict[tuple[int, int], ActorPatterns] = {}


def patterns_for(kb: ActorKB, vocab: Vocab) -> ActorPatterns:
    """Patterns for a KB and vocabulary, built on first use (no common-word list)."""
    key = (id(kb), id(vocab))
    cached = _PATTERN_CACHE.get(key)
    if cached is None or cached.kb is not kb:
        _PATTERN_CACHE.clear()
        cached = _PATTERN_CACHE[key] = ActorPatterns.build(spacy.blank("en", vocab=vocab), kb)
    return cached


# --------------------------------------------------------------------------- article state


@dataclass(slots=True, eq=False)
class Draft:
    """An actor of the article while it is being resolved."""

    key: str
    name: str
    kind: str
    country: str | None = None
    kb_id: str | None = None
    role: str | None = None
    affiliation: Draft | None = None
    roles: Counter = field(default_factory=Counter)
    aliases: list[str] = field(default_factory=list)  # names not seen as mentions
    first: str | None = None  # people: first name and surname keys
    surname: str | None = None
    first_at: int = -1  # people named in full: token where the full name first occurs


@dataclass(slots=True, eq=False)
class Found:
    """An accepted mention, in token offsets."""

    start: int
    end: int
    draft: Draft
    label: str
    sector: str | None = None
    kb_form: str | None = None  # "name", "demonym", "metonym" for KB matches


@dataclass(slots=True)
class Piece:
    """A cleaned part of an NER span."""

    start: int
    end: int
    label: str
    after_possessive: bool = False


@dataclass(slots=True)
class Article:
    doc: Doc
    patterns: ActorPatterns
    drafts: dict[str, Draft] = field(default_factory=dict)
    owner: list[Found | None] = field(default_factory=list)
    title_end: dict[int, int] = field(default_factory=dict)  # title span end -> start
    title_start: dict[int, int] = field(default_factory=dict)  # title span start -> end
    headline: list[bool] = field(default_factory=list)
    people: dict[str, list[Draft]] = field(default_factory=dict)  # surname -> people
    kb_at: dict[int, Found] = field(default_factory=dict)  # token -> KB match, kept or not
    used_for_roles: set[int] = field(default_factory=set)
    surname_only: set[Draft] = field(default_factory=set)  # KB people named by surname alone

    @property
    def kb(self) -> ActorKB:
        return self.patterns.kb

    def draft(self, key: str, **fields) -> Draft:
        if key not in self.drafts:
            self.drafts[key] = Draft(key=key, **fields)
        return self.drafts[key]

    def found(self) -> list[Found]:
        return list(dict.fromkeys(f for f in self.owner if f is not None))

    def accept(self, found: Found) -> bool:
        if any(self.owner[i] is not None for i in range(found.start, found.end)):
            return False
        self.owner[found.start:found.end] = [found] * (found.end - found.start)
        return True

    def release(self, found: Found) -> None:
        for i in range(found.start, found.end):
            if self.owner[i] is found:
                self.owner[i] = None


# --------------------------------------------------------------------------- entry points


def find_actors(doc: Doc, kb: ActorKB, patterns: ActorPatterns | None = None) -> tuple[list[Mention], list[Actor]]:
    """The actor mentions and actors of one parsed article (see the module docstring)."""
    art = Article(doc, patterns or patterns_for(kb, doc.vocab))
    art.owner = [None] * len(doc)
    art.headline = headline_tokens(doc)
    art.title_end = {e: s for s, e in longest((s, e) for _, s, e in art.patterns.titles(doc))}
    art.title_start = {s: e for e, s in art.title_end.items()}
    pieces = list(ner_pieces(doc))
    kb_found = list(kb_matches(art))
    art.kb_at = {i: f for f in kb_found for i in range(f.start, f.end)}
    add_people(art, pieces, kb_found)
    add_kb_mentions(art, kb_found)
    add_surname_mentions(art)
    add_entity_actors(art, pieces)
    add_untagged_longer_names(art)
    release_names_in_titles(art)
    add_named_bodies(art)
    add_acronyms(art)
    add_short_forms(art)
    learn_roles(art)
    add_role_references(art)
    assign_sectors(art)
    assign_dominant_country(art)
    return records(art)


@Language.factory(
    "newsprism_actors",
    default_config={"actors_files": [], "replace_actors": False},
    requires=["doc.ents", "token.dep"],
    assigns=["doc._.actor_mentions", "doc._.actors"],
)
def make_actor_component(nlp: Language, name: str, actors_files: list[str], replace_actors: bool) -> ActorComponent:
    kb = ActorKB.load(extra=actors_files, replace=replace_actors)
    return ActorComponent(ActorPatterns.build(nlp, kb))


class ActorComponent:
    """Sets ``doc._.actor_mentions`` (list of Mention, article_id "") and ``doc._.actors``."""

    def __init__(self, patterns: ActorPatterns) -> None:
        self.patterns = patterns

    def __call__(self, doc: Doc) -> Doc:
        doc._.actor_mentions, doc._.actors = find_actors(doc, self.patterns.kb, self.patterns)
        return doc


# --------------------------------------------------------------------------- token helpers


def longest(spans: Iterable[tuple]) -> list[tuple]:
    """Non-overlapping (start, end, ...) tuples, longest first, then leftmost."""
    taken: set[int] = set()
    kept = []
    for item in sorted(spans, key=lambda m: (m[0] - m[1], m[0])):
        if not taken.intersection(range(item[0], item[1])):
            taken.update(range(item[0], item[1]))
            kept.append(item)
    return sorted(kept)


def headline_tokens(doc: Doc) -> list[bool]:
    """True for tokens on a title-case line not ending in a full stop ("Will Iran
    Be The Next U.S. Ally Against The Islamic State?")."""
    flags = [False] * len(doc)
    line_start = 0
    for i, token in enumerate([*doc, None]):
        if token is None or "\n" in token.text:
            words = [t for t in doc[line_start:i] if t.is_alpha and len(t) > 1]
            capitals = sum(t.text[0].isupper() for t in words)
            last = doc[line_start:i].text.rstrip()[-1:]
            if len(words) >= HEADLINE_MIN_WORDS and capitals >= HEADLINE_CAPITAL_SHARE * len(words) and last != ".":
                flags[line_start:i] = [True] * (i - line_start)
            line_start = i + 1
    return flags


def is_country(draft: Draft) -> bool:
    return draft.kind == "country"


def is_capitalised(token: Token) -> bool:
    return token.text[:1].isupper()


def is_possessive(token: Token) -> bool:
    """"'s", or a bare apostrophe after a word ending in s ("News' ")."""
    if token.lower_ in ("'s", "’s"):
        return True
    before = token.doc[token.i - 1] if token.i > 0 else None
    return token.text in ("'", "’") and before is not None and before.text.endswith("s") and not before.whitespace_


def is_honorific(token: Token) -> bool:
    return token.lower_.rstrip(".") in HONORIFICS and is_capitalised(token)


def name_start(doc: Doc, start: int) -> int:
    """Where a name begins with the honorifics before it ("Sir Kim Darroch")."""
    while start > 0 and is_honorific(doc[start - 1]):
        start -= 1
    return start


def is_determiner(token: Token) -> bool:
    return token.lower_ in ("the", "a", "an")


def strip_span(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Without leading determiners and punctuation, or trailing punctuation and
    small words ("Interlagos in")."""
    while start < end and (is_determiner(doc[start]) or doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space or doc[end - 1].lower_ in CONNECTORS):
        end -= 1
    return start, end


def ner_pieces(doc: Doc) -> Iterator[Piece]:
    """The actor-like NER spans, cut at line breaks, brackets, slashes and possessives."""
    for ent in doc.ents:
        if ent.label_ not in ENTITY_LABELS:
            continue
        start = ent.start
        for i in range(ent.start, ent.end + 1):
            if i < ent.end and not _cuts_entity(doc[i]):
                continue
            s, e = strip_span(doc, start, i)
            if s < e:
                yield Piece(s, e, ent.label_, s > 0 and is_possessive(doc[s - 1]))
            start = i + 1


def _cuts_entity(token: Token) -> bool:
    return token.is_space or is_possessive(token) or (token.is_punct and token.text not in NAME_PUNCTUATION)


def span_text(doc: Doc, start: int, end: int) -> str:
    return doc[start:end].text


# --------------------------------------------------------------------------- 1. KB matches


def kb_matches(art: Article) -> Iterator[Found]:
    """KB forms in the text, longest first; case rules as in the KB."""
    doc, forms = art.doc, art.patterns.forms
    matches = [(s, e, *forms[k]) for k, s, e in art.patterns.names(doc) if _capitalised_form(doc, s, e)]
    matches += [(s, e, *forms[k]) for k, s, e in art.patterns.short_names(doc)]
    for start, end, form, actor_id in longest(matches):
        entry = art.kb.get(actor_id)
        if entry is not None and not _after_region_prefix(doc, start):
            draft = kb_draft(art, entry)
            if entry.kind == "person":
                register_written_surname(art, entry, draft, start, end)
            yield Found(start, end, draft, "kb" if form == "name" else form, kb_form=form)


def _after_region_prefix(doc: Doc, start: int) -> bool:
    if start == 0:
        return False
    before = doc[start - 1]
    if before.text == "-" and start > 1:
        before = doc[start - 2]
    return before.lower_ in REGION_PREFIXES and is_capitalised(before)


def _capitalised_form(doc: Doc, start: int, end: int) -> bool:
    first = next((t for t in doc[start:end] if not is_determiner(t)), None)
    return first is not None and (is_capitalised(first) or first.is_digit)


def kb_draft(art: Article, entry: KBEntry) -> Draft:
    draft = art.draft(
        "kb:" + entry.id, name=entry.name, kind=entry.kind, country=entry.country, kb_id=entry.id, role=entry.role
    )
    if entry.kind == "person" and draft.surname is None:
        draft.first, draft.surname = name_key(entry.name.split())
        register_person(art, draft)
        body = art.kb.get(entry.affiliation) if entry.affiliation else None
        if body is not None and body.kind != "person":
            draft.affiliation = kb_draft(art, body)
    return draft


def register_written_surname(art: Article, entry: KBEntry, person: Draft, start: int, end: int) -> None:
    """A KB person named by a spelling variant is also known by that spelling's
    surname ("Alyaksandr Lukashenka" ... "Lukashenka"); not for names written
    family name first, whose variants' last word is a given name."""
    if family_name_first(entry.name, entry.country) is not None:
        return
    _, surname = name_key(_words(art.doc, start, end))
    if surname and surname != person.surname and len(surname) > 2:
        people = art.people.setdefault(surname, [])
        if person not in people:
            people.append(person)


# --------------------------------------------------------------------------- 2. people


def name_key(words: list[str]) -> tuple[str | None, str]:
    """(first name, surname) without particles, hyphens, initials or suffixes. A
    particle that opens a longer name and is a given name ("Ben Rhodes") stays."""
    keys = [k for word in words for k in normalise_name(word).split()]
    given = _given_name_particle(words)
    keys = [k for i, k in enumerate(keys) if (i == 0 and given) or (k not in NAME_PARTICLES and k not in NAME_SUFFIXES and len(k) > 1)]
    if not keys:
        return None, ""
    return (keys[0] if len(keys) > 1 else None), keys[-1]


def _given_name_particle(words: list[str]) -> bool:
    first = words[0] if words else ""
    return (len(words) > 1 and first[:1].isupper() and first.isalpha()
            and first.lower() in NAME_PARTICLES and first.lower() in first_names())


def register_person(art: Article, person: Draft) -> None:
    """Index a person by surname; a name of three or more words also by its
    second-to-last word, the first surname of Spanish and Portuguese double surnames
    ("Rodrigo Amador Velásquez" is "Amador" on second mention)."""
    keys = [person.surname or ""]
    words = [k for k in normalise_name(person.name).split() if k not in NAME_PARTICLES and len(k) > 1]
    if person.first is not None and len(words) >= 3:
        keys.append(words[-2])
    for key in keys:
        people = art.people.setdefault(key, [])
        if person not in people:
            people.append(person)


def add_people(art: Article, pieces: list[Piece], kb_found: list[Found]) -> None:
    """People from PERSON spans (rule 2): full names first, then lone surnames."""
    kb_by_token = {i: f for f in kb_found for i in range(f.start, f.end)}
    candidates = [
        c for c in dict.fromkeys(person_candidates(art, pieces, kb_by_token))
        if not _kb_claims(art, c, kb_by_token, kb_found)
    ]
    full = [c for c in candidates if name_key(_words(art.doc, *c))[0] is not None]
    for start, end in full:
        art.accept(Found(start, end, full_name_person(art, start, end), "PERSON"))
    add_missed_full_names(art, kb_by_token)
    for start, end in candidates:
        if (start, end) not in full:
            _add_lone_name(art, start, end)
    for piece in pieces:
        if piece.label != "PERSON":
            _add_misread_name(art, piece)


def add_missed_full_names(art: Article, kb_by_token: dict[int, Found]) -> None:
    """A given name and a known surname that NER did not take for a name ("Ivanka
    Trump" opening a sentence), so that lone surnames see every person with it."""
    doc = art.doc
    for i, token in enumerate(doc):
        if i == 0 or doc[i - 1].pos_ != "PROPN" or token.pos_ != "PROPN":
            continue  # cheap tests first: this runs on every token
        if art.owner[i] is not None or i in kb_by_token or art.headline[i]:
            continue
        surname = normalise_name(token.text)
        if surname not in art.people and surname not in art.patterns.kb_surnames:
            continue
        start = _with_given_name(art, i, i + 1, kb_by_token)
        if start < i and art.owner[start] is None and name_shaped(art, doc[start:i + 1]):
            art.accept(Found(start, i + 1, full_name_person(art, start, i + 1), "PERSON"))


def full_name_person(art: Article, start: int, end: int) -> Draft:
    """The person a full name names: the one with that first name and surname, or a
    new person (a different first name is a different person: "Ivanka Trump")."""
    first, surname = name_key(_words(art.doc, start, end))
    name = span_text(art.doc, start, end)
    person = next((p for p in art.people.get(surname, []) if p.first == first), None) or art.draft(
        f"person:{first}|{surname}", name=name, kind="person", first=first, surname=surname
    )
    if person.kb_id is None and len(name) > len(person.name):
        person.name = name
    if person.kb_id is None and person.first_at < 0:
        person.first_at = start
    register_person(art, person)
    return person


def _add_misread_name(art: Article, piece: Piece) -> None:
    """An ORG or GPE span that is the full name of someone named in the article."""
    first, surname = name_key(_words(art.doc, piece.start, piece.end))
    person = next((p for p in art.people.get(surname, []) if first is not None and p.first == first), None)
    if person is not None:
        art.accept(Found(piece.start, piece.end, person, "PERSON"))


def _words(doc: Doc, start: int, end: int) -> list[str]:
    return [t.text for t in doc[start:end]]


def _add_lone_name(art: Article, start: int, end: int) -> None:
    _, surname = name_key(_words(art.doc, start, end))
    if used_as_noun(art, art.doc[end - 1]):
        return
    person = (
        nearest_person(art, surname, start) or given_name_person(art, surname, start)
        or kb_person(art, surname, start)
    )
    if person is None:
        token = art.doc[end - 1]
        if token.pos_ != "PROPN" or (token.lower_ in art.patterns.common_words and not used_as_name(art, start, end)):
            return
        if surname in not_people() and not _titled(art, start):
            return  # "Brexit": no one bears the word as surname, and no title makes it a name
        if owns_business_noun(art, start, end):
            art.accept(Found(start, end, art.draft(f"org:{surname}", name=token.text, kind="organization"), "ORG"))
            return
        if len(_given_names_of_others(art, surname)) > 1:
            return  # "Ron" beside "Ron Johnson" and "Ron Wyden": one of them, but which is unknown
        person = art.draft(f"person:|{surname}", name=span_text(art.doc, start, end), kind="person", surname=surname)
        register_person(art, person)
    label = "PERSON" if person.first is None else "first_name" if person.first == surname else "surname"
    art.accept(Found(start, end, person, label))


def owns_business_noun(art: Article, start: int, end: int) -> bool:
    """A lone name owning what a firm makes ("Edison's polling", "Nielsen's ratings"):
    a firm named after its founder, not a person, unless a title stands before it."""
    token = art.doc[end - 1]
    return (end - start == 1 and token.dep_ == "poss" and token.head.lemma_.lower() in BUSINESS_NOUNS
            and not _titled(art, start))


def _titled(art: Article, start: int) -> bool:
    return start in art.title_end or name_start(art.doc, start) < start


def given_name_person(art: Article, given: str, position: int) -> Draft | None:
    """Whom a given name alone names ("Rand" after "Rand Paul"; "Sir Kim" after "Sir
    Kim Darroch"; "Xi" after "Xi Jinping", the family name first): the one person of
    the article with that given name, named in full before it or within
    ``FORWARD_WINDOW`` tokens after it ("his daughter Meghan" before "Meghan McCain"),
    when no person of the article has it as surname and nobody else has it as given
    name. This mirrors the bare-surname rule; Lee et al. (2013), "Deterministic coreference resolution based
    on entity-centric, precision-ranked rules", likewise link partial names only
    to an unambiguous full name."""
    if art.people.get(given):
        return None
    people = _given_names_of_others(art, given)
    if len(people) != 1:
        return None
    person = people[0]
    named_near = any(
        f.draft is person and f.end - f.start > 1 and f.start - position <= FORWARD_WINDOW
        for f in chain(art.found(), art.kb_at.values())
    )
    return person if named_near else None


def _given_names_of_others(art: Article, given: str) -> list[Draft]:
    """The article's people, named in full, whose given name this is."""
    return [d for d in art.drafts.values() if d.kind == "person" and d.first == given and d.surname != given]


def used_as_name(art: Article, start: int, end: int) -> bool:
    """Whether a capitalised word that is also a common word ("Trump", "Brown") is
    used as a name: after a title ("Mr Brown"); as subject or possessor ("Brown
    said", "Trump's plan"); or as a proper noun inside a sentence ("endorsed Trump"),
    where the common word would not be capitalised. Not on headline lines, nor as a date."""
    token = art.doc[end - 1]
    if _titled(art, start):
        return True
    if end - start != 1 or not is_capitalised(token) or art.headline[start] or token.ent_type_ == "DATE":
        return False
    return token.dep_ in AGENT_DEPS or (token.pos_ == "PROPN" and not token.is_sent_start)


def kb_person(art: Article, surname: str, position: int) -> Draft | None:
    """The KB person a bare surname names, when the article names nobody else with
    that surname (or the surname follows the KB person's title: "President Trump"
    beside "Melania Trump"): the only KB person with it, or of several the only
    one in office in the article's year ("Assad" in 2015 is Bashar, not Hafez), else
    the only one whose given name's gender agrees with the pronouns of the clause
    the surname is subject of ("Clinton said her emails ..." is Hillary, not Bill)."""
    entries = art.patterns.kb_surnames.get(surname, [])
    if not _stands_alone(art, position):
        entries = [e for e in entries if family_name_first(e.name, e.country) != surname]
    if art.people.get(surname):
        entries = [e for e in entries if _titled_as(art, position, e)]
    if len(entries) > 1:
        day = publication_date(art.doc)
        year = int(day[:4]) if day else None
        in_office = [e for e in entries if year is not None and (e.since or 0) <= year <= (e.until or 9999)]
        entries = in_office or entries
    if len(entries) > 1:
        gender = clause_gender(art.doc[position])
        entries = [e for e in entries if gender is not None and _given_name_gender(e) == gender]
    if len(entries) != 1:
        return None
    named_in_full = "kb:" + entries[0].id in art.drafts
    person = kb_draft(art, entries[0])
    if not named_in_full:
        art.surname_only.add(person)
    return person


def clause_gender(token: Token) -> str | None:
    """"m" or "f" when the clause this word is subject of has pronouns of one gender
    only ("Clinton said she ...", "Clinton blamed ... her emails")."""
    if token.dep_ not in ("nsubj", "nsubjpass"):
        return None
    words = {t.lower_ for t in token.head.subtree if t.i != token.i}
    male, female = bool(words & MALE_PRONOUNS), bool(words & FEMALE_PRONOUNS)
    return None if male == female else "m" if male else "f"


def _given_name_gender(entry: KBEntry) -> str | None:
    first, _ = name_key(entry.name.split())
    return first_names().get(first or "")


def _stands_alone(art: Article, position: int) -> bool:
    """A family name used alone ("Moon said", "President Moon"), not a word of
    another name or a noun after a determiner ("Central Park", "the Moon landing")."""
    if position == 0 or position in art.title_end:
        return True
    before = art.doc[position - 1]
    return not is_determiner(before) and not (is_capitalised(before) and before.pos_ == "PROPN")


def _titled_as(art: Article, position: int, entry: KBEntry) -> bool:
    title_start = art.title_end.get(position)
    if title_start is None or not entry.role:
        return False
    return art.doc[position - 1].lower_ == entry.role.split()[-1].lower()


def nearest_person(art: Article, surname: str, position: int) -> Draft | None:
    """Whom a surname alone names: someone already known by the surname alone;
    else the person named in full before it (the last one named, if several); else
    one named in full just after it (a headline before the lede), unless a title
    makes the surname a full reference of its own ("President Obama" is not the
    "Michelle Obama" named next)."""
    people = art.people.get(surname, [])
    lone = [p for p in people if p.first is None or p in art.surname_only]
    if lone:
        return lone[0]
    before = [p for p in people if p.first_at < position]
    if len(before) > 1:
        named = [f.draft for f in art.found() if f.draft in before and f.start < position]
        return named[-1] if named else before[0]
    if before:
        return before[0]
    if position in art.title_end:
        return None
    ahead = [p for p in people if p.first_at - position <= FORWARD_WINDOW]
    return min(ahead, key=lambda p: p.first_at) if ahead else None


def person_candidates(art: Article, pieces: list[Piece], kb_by_token: dict[int, Found]) -> Iterator[tuple[int, int]]:
    """PERSON spans, a name after an organisation's possessive that NER took for an
    ORG ("Breitbart News' Jordan Schachtel"), and speakers; without leading titles."""
    for piece in pieces:
        if art.headline[piece.start]:
            continue
        possessor = kb_by_token.get(piece.start - 2)
        staff = (
            piece.label == "ORG" and piece.after_possessive and piece.end - piece.start > 1
            and (possessor is None or not is_country(possessor.draft))
        )
        speaker = piece.label == "NORP" and is_speaker(art.doc[piece.start:piece.end])
        if piece.label == "PERSON" or staff or speaker or misread_person(art, piece):
            start = _skip_titles(art, piece.start, piece.end)
            if piece.label == "PERSON" and start == piece.start:
                start = _with_given_name(art, start, piece.end, kb_by_token)
            if start < piece.end and name_shaped(art, art.doc[start:piece.end]):
                yield start, piece.end
    yield from honorific_names(art)


def misread_person(art: Article, piece: Piece) -> bool:
    """An ORG span that is a full personal name: two to four name words opening with
    a known given name (``data/first_names.txt``) and holding no organisation word
    ("Ann Lee" tagged ORG is a person; the "Ann Lee Foundation" is not), outside a
    photo credit ("Ann Lee/Reuters": no one the article speaks of)."""
    doc = art.doc
    words = doc[piece.start:piece.end]
    if piece.label != "ORG" or not 2 <= len(words) <= 4 or piece.after_possessive:
        return False
    if "/" in (doc[piece.start - 1].text if piece.start else "", doc[piece.end].text if piece.end < len(doc) else ""):
        return False
    if any(t.lower_ in ORGANISATION_NAME_WORDS for t in words):
        return False
    return words[0].lower_ in first_names() and all(_proper_word(t) for t in words)


def _proper_word(token: Token) -> bool:
    return token.pos_ == "PROPN" and is_capitalised(token)


def honorific_names(art: Article) -> Iterator[tuple[int, int]]:
    """The proper nouns after an honorific, which NER may miss ("Mr Corker accused ...")."""
    doc = art.doc
    for i, token in enumerate(doc):
        if not is_honorific(token) or art.headline[i]:
            continue
        end = i + 1
        while end < len(doc) and end - i <= HONORIFIC_NAME_MAX_WORDS and _proper_word(doc[end]):
            end += 1
        if end > i + 1 and name_shaped(art, doc[i + 1:end]):
            yield i + 1, end


def _with_given_name(art: Article, start: int, end: int, kb_by_token: dict[int, Found]) -> int:
    """A name widened to the given name NER left out ("Ivanka" of "Ivanka Trump" at
    the start of a sentence): a capitalised given name of ``first_names.txt``,
    compounded to the name, not a title, actor or other entity."""
    if start == 0:
        return start
    before = art.doc[start - 1]
    given = (
        before.lower_ in first_names() and before.dep_ == "compound" and start <= before.head.i < end
        and is_capitalised(before) and not before.ent_type_
        and start not in art.title_end and start - 1 not in kb_by_token
    )
    return start - 1 if given else start


def is_speaker(span: Span) -> bool:
    """A lone singular proper noun that says something ("Rouhani said"): a person,
    though NER called it a nationality."""
    token = span[0]
    if len(span) != 1 or token.tag_ != "NNP":
        return False
    verb = token.head.lemma_.lower()
    return (token.dep_ == "nsubj" and verb in SPEECH_VERBS) or (token.dep_ == "nsubjpass" and verb in ("ask", "quote"))


def _skip_titles(art: Article, start: int, end: int) -> int:
    """The start of a name after any titles or demonyms NER took into it."""
    while start < end:
        if start in art.title_start:
            start = art.title_start[start]
        elif is_honorific(art.doc[start]) or art.kb.by_demonym(art.doc[start].text):
            start += 1
        else:
            break
    return start


def name_shaped(art: Article, span: Span) -> bool:
    """Capitalised words, particles and initials; not mostly stop words; no title or organisation word."""
    words = [t for t in span if t.text != "-"]
    if not 1 <= len(words) <= 5 or words[-1].lower_ in NAME_PARTICLES:
        return False
    if sum(t.is_stop for t in words) * 2 >= len(words) and len(words) > 1:
        return False
    return all(_name_word(art, t) for t in words)


def _name_word(art: Article, token: Token) -> bool:
    lower = token.lower_.rstrip(".")
    if lower in NAME_PARTICLES or lower in NAME_SUFFIXES:
        return True
    if len(lower) == 1 or INITIALS_RE.match(token.text):
        return token.text[0].isupper()  # an initial, or several ("T.S.")
    if lower in ORGANISATION_WORDS or (token.tag_.startswith("VB") and lower in art.patterns.common_words):
        return False  # "Follow Ann Lee on Twitter"
    capitals = sum(c.isupper() for c in token.text)  # "TfL" is not a name
    letters = token.text.replace("'", "").replace("’", "")
    return token.text[0].isupper() and capitals * 2 <= len(token) and letters.isalpha()


def _kb_claims(art: Article, span: tuple[int, int], kb_by_token: dict[int, Found], kb_found: list[Found]) -> bool:
    """Whether KB matches take this PERSON span. A one-word KB name gives way to
    the person when it is the first name ("Jordan Schachtel") or a surname after a
    given name ("Michael Bloomberg", though Bloomberg is also an outlet)."""
    start, end = span
    overlapping = list(dict.fromkeys(kb_by_token[i] for i in range(start, end) if i in kb_by_token))
    if not overlapping:
        return False
    found = overlapping[0]
    one_word_name = (
        len(overlapping) == 1 and found.draft.kind != "person" and found.kb_form == "name"
        and found.end - found.start == 1 and end - start > 1
    )
    first_name = found.start == start
    surname = found.end == end and art.doc[start].lower_ in first_names()
    yields = one_word_name and (first_name or surname)
    if yields:
        kb_found.remove(found)
    return not yields


def add_surname_mentions(art: Article) -> None:
    """A capitalised word equal to a known person's surname is that person; else
    the given name of one person named in full (:func:`given_name_person`); else
    perhaps a KB person's surname (:func:`kb_person`)."""
    doc = art.doc
    first_names_used = {d.first for d in art.drafts.values() if d.kind == "person" and d.first}
    for i, token in enumerate(doc):
        if art.owner[i] is not None or not is_capitalised(token):
            continue
        surname = normalise_name(token.text)
        known = surname in art.people or surname in art.patterns.kb_surnames or surname in first_names_used
        if not known or _inside_other_name(doc, i) or used_as_noun(art, token):
            continue
        label = "surname"
        if surname in art.people:
            person = nearest_person(art, surname, i) or kb_person(art, surname, i)
        elif not _kb_surname_usable(art, token):
            continue
        else:
            person, label = given_name_person(art, surname, i), "first_name"
            if person is None and surname in art.patterns.kb_surnames:
                person, label = kb_person(art, surname, i), "surname"
        if person is not None:
            art.accept(Found(i, i + 1, person, label))


def used_as_noun(art: Article, token: Token) -> bool:
    """A word heading a noun phrase of its own, with an article ("the Sessions", "the
    Clintons") or, in the plural, a number or quantifier ("two Sessions", "several
    Sessions"): no one person's name ("the Trump administration": the article is the
    administration's; "a newly-elected President Obama": the title makes it a name)."""
    if _titled(art, token.i):
        return False
    before = [c for c in token.children if c.i < token.i]
    if any(is_determiner(c) and c.dep_ == "det" for c in before):
        return True
    return token.tag_ in ("NNS", "NNPS") and any(c.dep_ == "nummod" or c.lower_ in QUANTIFIERS for c in before)


def _kb_surname_usable(art: Article, token: Token) -> bool:
    """A word NER missed may be a KB person's surname when it is a proper noun, or
    a common word used as a name ("Brown said", not "brown" or "in May"); a word NER
    took for a place after a preposition is that place ("in Lagos" is the city, not
    Ricardo Lagos; "Lagos said" or "urged Pompeo" may be a person)."""
    if token.ent_type_ == "PERSON":
        return True
    if token.ent_type_ in ("DATE", "TIME", "EVENT", "WORK_OF_ART", "LAW"):
        return False
    if token.ent_type_ in ("GPE", "LOC", "FAC") and token.dep_ == "pobj":
        return False
    if token.pos_ != "PROPN":  # a noun capitalised inside a sentence is a name ("criticized Sessions")
        before = token.doc[token.i - 1] if token.i > 0 else None
        if token.is_sent_start:
            return _bare_subject(art, token)
        return (token.tag_.startswith("NN") and not art.headline[token.i]
                and before is not None and not is_determiner(before) and not before.is_punct)
    return token.lower_ not in art.patterns.common_words or used_as_name(art, token.i, token.i + 1)


def _bare_subject(art: Article, token: Token) -> bool:
    """A noun opening a sentence as the bare subject of a past-tense or speech verb
    ("Pence met with ..."), singular or an irregular plural: such a common noun would
    take a determiner (bare regular plurals are common: "Officials said"), so the tagger
    has missed a name."""
    verb = token.head
    no_regular_plural = token.tag_ == "NN" or (token.tag_ == "NNS" and not token.lower_.endswith("s"))
    return (
        no_regular_plural and token.dep_ == "nsubj" and not art.headline[token.i]
        and not any(c.i < token.i for c in token.children)
        and verb.pos_ == "VERB" and (verb.tag_ == "VBD" or verb.lemma_.lower() in SPEECH_VERBS)
    )


def _inside_other_name(doc: Doc, i: int) -> bool:
    def name_like(j: int) -> bool:
        return 0 <= j < len(doc) and doc[j].pos_ == "PROPN" and is_capitalised(doc[j]) and not doc[j].is_sent_start
    return name_like(i + 1) or (name_like(i - 1) and doc[i - 1].ent_type_ == "PERSON")


# --------------------------------------------------------------------------- 1/4. KB mentions


def add_kb_mentions(art: Article, kb_found: list[Found]) -> None:
    """KB matches, except metonyms that are not agents (rule 4)."""
    for found in kb_found:
        if found.kb_form == "metonym" and not acts_as_agent(art.doc[found.start:found.end]):
            continue
        art.accept(found)


def acts_as_agent(span: Span) -> bool:
    """Subject, possessor, passive "by" agent, addressed object, a party dealt with
    ("talks with Tehran", "support for Kyiv"), or conjoined with one."""
    token = span.root
    while token.dep_ == "conj" and token.head is not token:
        token = token.head
    if token.dep_ in AGENT_DEPS:
        return True
    if token.dep_ == "pobj" and token.head.dep_ == "agent":
        return True
    if token.dep_ == "pobj" and token.head.lower_ in ("in", "of") and token.head.head.lemma_.lower() in RULING_NOUNS:
        return True
    if token.dep_ == "pobj" and token.head.head.lemma_.lower() in PARTY_OBJECT_HEADS.get(token.head.lower_, ()):
        return True
    return token.dep_ == "dobj" and token.head.lemma_.lower() in ADDRESSEE_VERBS


# --------------------------------------------------------------------------- 3. other entities


def add_entity_actors(art: Article, pieces: list[Piece]) -> None:
    """ORG, NORP and GPE spans the KB does not know (rule 3). Spans on headline
    lines count only if the same actor is also found in the body."""
    body = [p for p in pieces if p.label != "PERSON" and not art.headline[p.start]]
    heads = [p for p in pieces if p.label != "PERSON" and art.headline[p.start]]
    named_groups = [p for p in body if p.label == "FAC" and group_noun(art.doc[p.start:p.end]) is not None]
    for piece in named_groups:  # first, so that the other spans of the name find the group
        _add_entity(art, piece, new_allowed=True)
    for piece in body:
        _add_entity(art, piece, new_allowed=True)
    for piece in heads:
        _add_entity(art, piece, new_allowed=False)


def release_names_in_titles(art: Article) -> None:
    """A KB name inside the title of a work ("The Iran Files", "Saving Syria") names
    the work, not the KB actor (rule 1). Only title-cased spans in quotation marks of
    their own count: NER also tags the start of a quote as a work."""
    for ent in art.doc.ents:
        if ent.label_ != "WORK_OF_ART" or art.headline[ent.start] or not _title_cased(ent) or not _quoted(ent):
            continue
        for found in dict.fromkeys(f for f in art.owner[ent.start:ent.end] if f is not None):
            inside = ent.start <= found.start and found.end <= ent.end and found.end - found.start < len(ent)
            if inside and found.kb_form is not None:
                art.release(found)


def _quoted(span: Span) -> bool:
    """Whether quotation marks enclose just this span (a title, not the start of a quote)."""
    doc = span.doc
    return 0 < span.start and span.end < len(doc) and doc[span.start - 1].is_quote and doc[span.end].is_quote


def _title_cased(span: Span) -> bool:
    words = [t for t in span if t.is_alpha]
    return bool(words) and all(is_capitalised(t) or t.is_stop for t in words) and is_capitalised(words[-1])


def add_untagged_longer_names(art: Article) -> None:
    """A KB name compounded with capitalised proper nouns that NER left untagged ("the
    Iraq Body Count project", "the Labour Congress"): the words are one name, read as
    a tagged ORG span would be (rule 1)."""
    title_words = {i for start, end in art.title_start.items() for i in range(start, end)}
    for found in art.found():
        if found.kb_form != "name" or found.draft.kind == "person" or art.headline[found.start]:
            continue
        if art.owner[found.start] is not found:
            continue  # taken into the name of a KB name before it
        start, end = _untagged_name(art, found, title_words)
        if (start, end) != (found.start, found.end):
            _add_entity(art, Piece(start, end, "ORG"), new_allowed=True)


def _untagged_name(art: Article, found: Found, title_words: set[int]) -> tuple[int, int]:
    """The run of untagged capitalised proper nouns around a KB name that compounds
    with it: after a country or body ("Iraq Body Count", taking in a KB body that ends
    the run: "Nigeria Labour Congress"), or before a body ("Labour Congress", with a
    country opening it)."""
    doc = art.doc
    end = found.end
    if doc[found.start:found.end].root.dep_ == "compound":
        while end < len(doc) and _untagged_name_word(art, doc[end], title_words):
            end += 1
        body = art.owner[end] if end < len(doc) and end > found.end else None
        if body is not None and body.start == end and body.kb_form == "name" and _is_body(body.draft):
            end = body.end
        if end in art.title_start:  # "U.S. District Judge X": the words name the judge's office
            end = found.end
    start = found.start
    if _is_body(found.draft) and start > 0 and doc[start - 1].dep_ == "compound":
        while start > 0 and _untagged_name_word(art, doc[start - 1], title_words):
            start -= 1
        country = art.owner[start - 1] if 0 < start < found.start else None
        if country is not None and is_country(country.draft) and country.end == start:
            start = country.start
    return start, end


def _is_body(draft: Draft) -> bool:
    return draft.kind not in ("country", "person")


def _untagged_name_word(art: Article, token: Token, title_words: set[int]) -> bool:
    return (
        token.pos_ == "PROPN" and is_capitalised(token) and token.is_alpha and not token.is_sent_start
        and not (token.is_upper and len(token) > 1) and not token.ent_type_ and art.owner[token.i] is None
        and token.i not in art.kb_at and token.i not in title_words
    )


def _add_entity(art: Article, piece: Piece, new_allowed: bool) -> None:
    start, end = piece.start, piece.end
    while end in art.title_end and art.title_end[end] > start:  # "Foreign Ministry Spokesman"
        end = art.title_end[end]
    inside = list(dict.fromkeys(f for f in art.owner[start:end] if f is not None))
    absorbed, country, affiliation = [], None, None
    if inside and extends_kb_name(art, piece.label, start, end, inside):
        for found in inside:  # whether or not the longer name is an actor, the KB one is not named
            art.release(found)
        if piece.label != "GPE":
            country, affiliation = longer_name_ties(art, start, end, inside)
    elif inside:
        if not opens_with_country(art, piece.label, start, end, inside):
            return
        absorbed, country = inside, inside[0].draft.country
    elif any(i in art.kb_at for i in range(start, end)):
        return  # a KB form left out on purpose ("met at the White House")
    elif piece.label in ("ORG", "NORP"):  # "Iranian Foreign Ministry", "Iraqi Kurds"
        absorbed, country = _country_before(art, start, end)
    start = min([start, *(f.start for f in absorbed)])
    draft = _entity_draft(art, piece.label, art.doc[start:end], country, new_allowed)
    if draft is not None:
        for found in absorbed:
            art.release(found)
        if draft.affiliation is None and affiliation is not draft:
            draft.affiliation = affiliation
        art.accept(Found(start, end, draft, piece.label))


def opens_with_country(art: Article, label: str, start: int, end: int, inside: list[Found]) -> bool:
    """An ORG span that opens with a demonym or country name and goes on with
    capitalised words of its own ("Syrian National Coalition")."""
    if label != "ORG" or any(not is_country(f.draft) or f.end > end for f in inside):
        return False
    if inside[0].start != start or any(a.end != b.start for a, b in zip(inside, inside[1:])):
        return False
    rest = art.doc[inside[-1].end:end]
    return bool(rest) and all(is_capitalised(t) or t.lower_ in CONNECTORS for t in rest)


def extends_kb_name(art: Article, label: str, start: int, end: int, inside: list[Found]) -> bool:
    """An ORG, FAC or GPE span that is a longer proper name around KB names: something
    else ("National Supreme Security Council" is not the KB's "Security Council", the
    "Nigeria Labour Congress" is not the US Congress, "New Jersey" is not Jersey).
    An ORG or FAC span must hold one KB body and a capitalised word of its own, and
    may hold countries ("Congress of South African Trade Unions"); one opening with a
    country and ending in a KB body of that country names that body ("US Congress")."""
    if art.headline[start] or any(f.start < start or f.end > end for f in inside):
        return False
    extra = [t for t in art.doc[start:end] if art.owner[t.i] is None]
    own_words = [t for t in extra if t.lower_ not in CONNECTORS]
    if label == "GPE" or (label == "ORG" and inside[0].draft.kind == "person"):  # "Murphy Brown" is no Gordon Brown
        return len(inside) == 1 and bool(extra) and all(is_capitalised(t) and t.is_alpha for t in extra)
    bodies = [f for f in inside if not is_country(f.draft)]
    if label not in ("ORG", "FAC") or len(bodies) != 1 or bodies[0].draft.kind == "person":
        return False
    if not own_words or not all(is_capitalised(t) and t.is_alpha for t in own_words):
        return False
    body, first = bodies[0], inside[0]
    if body.end == end and art.doc[end - 1].tag_ in ("NNS", "NNPS"):
        return False  # "House Democrats" are Democrats
    qualified = is_country(first.draft) and first.start == start and body.end == end
    return not (qualified and body.draft.country == first.draft.country)


def longer_name_ties(art: Article, start: int, end: int, inside: list[Found]) -> tuple[str | None, Draft | None]:
    """The country and affiliation of a longer name around KB names: the country it
    opens with or holds ("Nigeria Labour Congress"); else, when it opens with a KB body
    and goes on with no "of" or "for", a part of that body ("Hamas Political Bureau")."""
    countries = [f.draft.country for f in inside if is_country(f.draft)]
    if is_country(inside[0].draft) and inside[0].start == start:
        return inside[0].draft.country, None
    if len(set(countries)) == 1:
        return countries[0], None
    first = inside[0]
    if first.draft.kind == "person":
        return None, None  # "Brown University" is nothing of Gordon Brown's
    if not countries and first.start == start and not any(t.lower_ in CONNECTORS for t in art.doc[start:end]):
        return first.draft.country, first.draft
    return None, None


def _country_before(art: Article, start: int, end: int) -> tuple[list[Found], str | None]:
    """A demonym or country just before an ORG span and modifying it ("Iranian" +
    "Foreign Ministry") joins it; a country's possessive before it gives its country."""
    doc = art.doc
    before = art.owner[start - 1] if start > 0 else None
    if before is not None and is_country(before.draft) and before.end == start and start <= doc[start - 1].head.i < end:
        return [before], before.draft.country
    if start > 1 and is_possessive(doc[start - 1]):
        owner = art.owner[start - 2]
        if owner is not None and is_country(owner.draft):
            return [], owner.draft.country
    return [], None


def _entity_draft(art: Article, label: str, span: Span, country: str | None, new_allowed: bool) -> Draft | None:
    key = _entity_key(label, span.text)
    if key in art.drafts:
        return art.drafts[key]
    if not new_allowed or not _acceptable_entity(art, label, span):
        return None
    if label == "FAC":
        kind = "armed_group" if group_noun(span) in ARMED_GROUP_NOUNS else "organization"
    else:
        kind = {"ORG": org_kind(span, country), "NORP": "other", "GPE": "other"}[label]
    return art.draft(key, name=span.text, kind=kind, country=country)


def _entity_key(label: str, name: str) -> str:
    key = normalise_name(name)
    if label == "NORP" and key.endswith("s") and not key.endswith("ss"):
        key = key[:-1]  # "Kurds" and "Kurd" are one group
    return f"{'org' if label in ('ORG', 'FAC') else label.lower()}:{key}"


def _acceptable_entity(art: Article, label: str, span: Span) -> bool:
    if not any(is_capitalised(t) for t in span) or any(t.like_num for t in span):
        return False
    if len(span) == 1 and span[0].lower_ in art.patterns.common_words and not span[0].is_upper:
        return False
    before = art.doc[span.start - 1] if span.start > 0 else None
    if label == "ORG" and before is not None and any(c.isdigit() for c in before.text) and before.ent_type_ != "ORDINAL":
        return False  # "17:00 BST", "2014 MTV"; not "the 2nd U.S. Circuit Court of Appeals"
    if label == "NORP":
        return span.root.pos_ in ("NOUN", "PROPN") and span.root.dep_ not in ("amod", "compound")
    if label == "GPE":
        return acts_as_agent(span)
    if label == "FAC":
        return group_noun(span) is not None
    return not in_place_phrase(span) or span[-1].lower_ in ORGANISATION_WORDS


def group_noun(span: Span) -> str | None:
    """The group noun the parse gives a name: in apposition either way ("the Gulf
    Sharks, a gang"; "the smuggling gang the Gulf Sharks"), "a gang known as X",
    "X, which the police classified as a terrorist organisation", "X is a gang"."""
    root = span.root
    candidates = [c for c in root.children if c.dep_ == "appos"]
    if root.dep_ == "appos":
        candidates.append(root.head)
    if root.dep_ == "pobj" and root.head.lower_ == "as" and root.head.head.dep_ == "acl":
        candidates.append(root.head.head.head)
    for clause in (c for c in root.children if c.dep_ == "relcl"):
        candidates += [p for prep in clause.children if prep.lower_ == "as" for p in prep.children if p.dep_ == "pobj"]
    if root.dep_ == "nsubj":
        candidates += [c for c in root.head.children if c.dep_ == "attr"]
    return next((c.lemma_.lower() for c in candidates if c.lemma_.lower() in GROUP_NOUNS), None)


def in_place_phrase(span: Span) -> bool:
    """The object of a spatial preposition: "at Caracol Bank", "in La Unión"."""
    root = span.root
    if root.dep_ != "pobj":
        return False
    preposition = root.head
    if preposition.lower_ == "of":
        return preposition.head.lower_ in PLACE_NOUNS
    return preposition.lower_ in PLACE_PREPOSITIONS


def org_kind(span: Span, country: str | None) -> str:
    """The kind of a new organisation from its head word."""
    head = span[-1].lower_
    if head in MEDIA_HEADS or any(t.lower_ in ("news", "tv", "radio") for t in span):
        return "media"
    if head == "agency" and any(t.lower_ == "press" for t in span):
        return "media"  # "Saudi Press Agency"; an "Environmental Protection Agency" governs
    if head in ARMED_HEADS:
        return "government" if country else "armed_group"
    if head in GOVERNMENT_HEADS and not any(t.lower_ in LABOUR_WORDS for t in span):
        return "government"
    return "organization"


def add_named_bodies(art: Article) -> None:
    """A run of untagged proper nouns named by a body noun before it ("the lobby group
    J Street", "the company Vantor Labs") is an organisation, wherever its name recurs."""
    doc = art.doc
    lower, orth = doc.to_array([LOWER, ORTH]).T
    nouns = numpy.isin(lower[:-1], [doc.vocab.strings.add(w) for w in NAMED_BODY_NOUNS])
    for i in nouns.nonzero()[0]:
        i = int(i)
        if doc[i].pos_ != "NOUN":
            continue
        end = named_body_end(art, i + 1)
        if end is None:
            continue
        name = doc[i + 1:end]
        draft = art.draft(f"org:{normalise_name(name.text)}", name=name.text, kind=org_kind(name, None))
        recurrences = (numpy.lib.stride_tricks.sliding_window_view(orth, len(name)) == orth[i + 1:end]).all(axis=1)
        for start in recurrences.nonzero()[0]:
            art.accept(Found(int(start), int(start) + len(name), draft, "ORG"))


def named_body_end(art: Article, start: int) -> int | None:
    """Where the name a body noun introduces ends: capitalised proper nouns that no
    mention holds, no date or place, that the parse ties to the noun before them."""
    doc = art.doc
    end = start
    while end < len(doc) and end - start < NAMED_BODY_MAX_WORDS and _proper_word(doc[end]) and (
        art.owner[end] is None and doc[end].ent_type_ in ("", "ORG", "PERSON") and not art.headline[end]
    ):
        end += 1
    if end == start or end - start == NAMED_BODY_MAX_WORDS or start in art.title_start:
        return None
    noun, name = doc[start - 1], doc[start:end]
    tied = start <= noun.head.i < end or (name.root.dep_ == "appos" and name.root.head.i == noun.i)
    return end if tied and name.root.i == end - 1 else None


def add_short_forms(art: Article) -> None:
    """A lone word taken for a person's surname that opens an organisation's name whose
    other words are organisation words ("Ploughshares" of the "Ploughshares Fund") is
    that organisation, when no one in the article has that word for a full name."""
    bodies: dict[str, Draft] = {}
    for draft in art.drafts.values():
        words = draft.name.split()
        if draft.kind != "person" and len(words) > 1 and all(w.lower() in ORGANISATION_NAME_WORDS for w in words[1:]):
            bodies.setdefault(words[0].lower(), draft)
    if not bodies:
        return
    for found in art.found():
        person = found.draft
        body = bodies.get(person.name.lower()) if person.kind == "person" and person.first is None else None
        if body is not None and found.end - found.start == 1:
            art.release(found)
            art.accept(Found(found.start, found.end, body, "ORG"))


# --------------------------------------------------------------------------- 5. acronyms


def add_acronyms(art: Article) -> None:
    """"Name (ACR)" and "ACR, the Name,": ACR names that actor for the rest of the article."""
    doc = art.doc
    orth, upper = doc.to_array([ORTH, IS_UPPER]).T  # token arrays: visiting every Token is slow
    strings = doc.vocab.strings
    defined: dict[str, Draft] = {}
    definitions: set[int] = set()
    for i in (orth[:-2] == strings["("]).nonzero()[0]:
        i = int(i)
        if i > 0 and doc[i + 2].text == ")" and acronym_shaped(doc[i + 1].text):
            draft = _acronym_owner(art, i)
            if draft is not None:
                defined[doc[i + 1].text] = draft
                definitions.add(i + 1)
                _alias(art, i + 1, draft)
    for i in (orth[1:-2] == strings[","]).nonzero()[0]:
        i = int(i)
        draft = appositive_expansion(art, i) if doc[i].text not in defined else None
        if draft is not None:
            defined[doc[i].text] = draft
            _alias(art, i, draft)
    bodies = [f for f in art.found() if f.end - f.start > 1 and f.draft.kind not in ("person", "country")]
    spelled: dict[str, list[Found]] = {}
    defined_orth = [strings[text] for text in defined]
    for i in (upper.astype(bool) | numpy.isin(orth, defined_orth)).nonzero()[0]:
        i, text = int(i), doc[int(i)].text
        draft = defined.get(text)
        if draft is None and i not in definitions:
            draft = implicit_expansion(art, i, bodies, spelled)
            if draft is not None:
                defined[text] = draft
        if draft is not None and i not in definitions:
            _alias(art, i, draft)


def implicit_expansion(art: Article, i: int, bodies: list[Found], spelled: dict[str, list[Found]]) -> Draft | None:
    """An acronym in capitals used without a definition ("ICE notified colleges")
    stands for the one organisation named before it whose initials it spells, a
    leading country aside ("U.S. Immigration and Customs Enforcement"). `spelled`
    keeps, per acronym, the organisation mentions it spells."""
    token = art.doc[i]
    letters = token.text.replace(".", "")
    if not (token.is_upper and letters.isalpha() and 2 <= len(letters) <= 6) or i in art.kb_at:
        return None
    current = art.owner[i]
    if current is not None and (current.end - current.start > 1 or current.draft.name != token.text):
        return None
    if token.text not in spelled:
        spelled[token.text] = [f for f in bodies if _spells(art, token.text, f)]
    fitting = {f.draft for f in spelled[token.text] if f.start < i}
    return fitting.pop() if len(fitting) == 1 else None


def _spells(art: Article, acronym: str, found: Found) -> bool:
    words = [t.text for t in art.doc[found.start:found.end]]
    country = art.kb_at.get(found.start)
    skip = country.end - found.start if country is not None and is_country(country.draft) else 0
    return initials_fit(acronym, words) or (0 < skip < len(words) and initials_fit(acronym, words[skip:]))


def acronym_shaped(text: str) -> bool:
    letters = text.replace(".", "").replace("-", "")
    return (
        2 <= len(letters) <= 10 and letters.isalpha() and text[0].isupper()
        and (sum(c.isupper() for c in letters) >= 2 or len(letters) >= 3)
    )


def appositive_expansion(art: Article, i: int) -> Draft | None:
    """The actor of "ACR, the Full Name," when the acronym at ``i`` is followed by a
    comma and a name already resolved to an organisation whose initials spell it."""
    doc = art.doc
    if doc[i + 1].text != "," or not acronym_shaped(doc[i].text):
        return None
    start = i + 3 if doc[i + 2].lower_ == "the" else i + 2
    found = art.owner[start]
    if found is None or found.start != start or found.draft.kind in ("person", "country"):
        return None
    if found.end < len(doc) and not doc[found.end].is_punct:
        return None  # "IBM, the Acme Corp. rival": the name does not end the appositive
    return found.draft if initials_fit(doc[i].text, [t.text for t in doc[start:found.end]]) else None


def initials_fit(acronym: str, words: list[str]) -> bool:
    """Whether an acronym's letters are the initials of the name's words, in order,
    where each small word ("of", "the", "for", "to", "and") may give its initial or
    none, and a word in capitals ("U.S.") gives all its letters."""
    letters = acronym.replace(".", "").replace("-", "").upper()
    parts = [w.replace(".", "") for w in re.split(r"[\s-]+", " ".join(words)) if w.replace(".", "").isalpha()]
    if not set(letters) <= {c for part in parts for c in (part.upper() if part.isupper() else part[0].upper())}:
        return False  # a letter no word gives: the usual case, decided without the search

    @lru_cache(maxsize=None)
    def fits(at: int, word: int) -> bool:
        if word == len(parts):
            return at == len(letters)
        part = parts[word]
        optional = part.lower() in ACRONYM_SMALL_WORDS
        spelled = part.upper() if part.isupper() and len(part) > 1 else part[0].upper()
        if letters.startswith(spelled, at) and fits(at + len(spelled), word + 1):
            return True
        return optional and fits(at, word + 1)

    return bool(parts) and fits(0, 0)


def _alias(art: Article, i: int, draft: Draft) -> None:
    current = art.owner[i]
    if current is not None:
        if current.draft is draft or current.end - current.start > 1:
            return
        art.release(current)
    art.accept(Found(i, i + 1, draft, "acronym"))


def _acronym_owner(art: Article, paren: int) -> Draft | None:
    """The actor an acronym in brackets stands for, created if the phrase is new."""
    doc = art.doc
    acronym = doc[paren + 1].text
    current = art.owner[paren + 1]
    phrase = defining_phrase(doc, paren, acronym)
    if phrase is None:
        return None
    start, end = phrase
    if current is not None and any(f is not None and f.draft is current.draft for f in art.owner[start:end]):
        return current.draft
    whole = art.owner[start]
    if whole is not None and (whole.start, whole.end) == (start, end):
        return whole.draft
    return _acronym_actor(art, start, end, acronym)


def defining_phrase(doc: Doc, paren: int, acronym: str) -> tuple[int, int] | None:
    """The words before "(" that the acronym abbreviates: the start whose capitalised
    initials share most letters, in order, with the acronym (ties: the shortest).

    A simplified form of Schwartz & Hearst (2003), "A simple algorithm for
    identifying abbreviation definitions in biomedical text": the definition must
    open with the acronym's first letter; letters are matched on word initials only,
    and loosely, since news acronyms often skip words ("Isis" for "Islamic State in
    Iraq and the Levant")."""
    words = _phrase_before(doc, paren)
    best, best_score = None, 0
    for start in range(paren - len(words), paren):
        token = doc[start]
        if not is_capitalised(token) or token.text[0].upper() != acronym[0].upper():
            continue
        initials = "".join(t.text if t.is_upper else t.text[0] for t in doc[start:paren] if is_capitalised(t))
        score = common_subsequence(initials.upper(), acronym.upper())
        if score >= min(2, len(acronym)) and score >= best_score:
            best, best_score = (start, paren), score
    return best


def _phrase_before(doc: Doc, paren: int) -> list[Token]:
    """Capitalised words and the small words between them, plus one lower-case
    noun heading a prepositional phrase ("mission in Iraq"), read leftwards."""
    words: list[Token] = []
    for j in range(paren - 1, max(-1, paren - 12), -1):
        token = doc[j]
        follows_connector = bool(words) and words[-1].lower_ in CONNECTORS and words[-1].pos_ == "ADP"
        if is_capitalised(token) or is_possessive(token) or token.lower_ in CONNECTORS | ACRONYM_SMALL_WORDS or (
            token.pos_ == "NOUN" and follows_connector
        ):
            words.append(token)
        else:
            break
    return words


def common_subsequence(a: str, b: str) -> int:
    """Length of the longest common subsequence of two short strings."""
    row = [0] * (len(b) + 1)
    for ch in a:
        prev = 0
        for j, other in enumerate(b, start=1):
            prev, row[j] = row[j], prev + 1 if ch == other else max(row[j], row[j - 1])
    return row[-1]


def _acronym_actor(art: Article, start: int, end: int, acronym: str) -> Draft:
    doc = art.doc
    span = doc[start:end]
    proper = all(is_capitalised(t) or t.lower_ in CONNECTORS for t in span)
    affiliation = next(
        (art.owner[t.i - 1].draft for t in span if is_possessive(t) and art.owner[t.i - 1] is not None), None
    )
    name = span.text if proper else acronym
    public = affiliation is not None and affiliation.kind in ("igo", "government")
    kind = affiliation.kind if public else org_kind(span, None)
    draft = art.draft(f"org:{normalise_name(name)}", name=name, kind=kind)
    if draft.kind == "organization":
        draft.kind = kind
    draft.affiliation = draft.affiliation or affiliation
    if proper:
        for found in list(dict.fromkeys(f for f in art.owner[start:end] if f is not None)):
            art.release(found)
        art.accept(Found(start, end, draft, "ORG"))
    else:
        draft.aliases.append(span.text)
    return draft


# --------------------------------------------------------------------------- 6. roles


@dataclass(slots=True)
class Descriptor:
    """What the words around a name say about the person."""

    role: str | None = None
    country: str | None = None
    affiliation: Draft | None = None


def learn_roles(art: Article) -> None:
    """Roles, countries and affiliations of people from titles before their names
    and from appositives (rule 6)."""
    for found in art.found():
        if found.draft.kind != "person":
            continue
        descriptor = premodifier(art, found) or appositive(art, found)
        if descriptor is not None and found.start in art.title_end:
            _of_phrase(art, art.doc[found.start:found.end].root, descriptor)  # "Rep. X of Wyoming"
        elif descriptor is None:
            descriptor = _country_of_phrase(art, found)
        for described in (descriptor, party_label(art, found)):
            if described is not None:
                _apply(found.draft, described)


def _country_of_phrase(art: Article, found: Found) -> Descriptor | None:
    """"Mr. Kozyrev of Russia", "Andrei Kozyrev of Russia": an untitled name's "of" a
    country's own name says whose it is (not a capital's: "Smith of Vienna University")."""
    doc, end = art.doc, found.end
    if end + 1 >= len(doc) or doc[end].lower_ != "of":
        return None
    owner = art.owner[end + 1] or art.kb_at.get(end + 1)
    if owner is None or not is_country(owner.draft) or owner.start != end + 1 or owner.kb_form != "name":
        return None
    if owner.end < len(doc) and doc[owner.end].pos_ == "PROPN":  # part of a longer name
        return None
    return Descriptor(country=owner.draft.country)


def party_label(art: Article, found: Found) -> Descriptor | None:
    """"Sen. X (R-Texas)", "Sen. X, D-West Virginia,": the US party label after a name
    gives party and country."""
    doc, start = art.doc, found.end
    if start >= len(doc) or doc[start].text not in ("(", ","):
        return None
    if doc[start].text == ",":
        label = PARTY_LABEL_AFTER_COMMA_RE.match(doc[start + 1:start + PARTY_LABEL_MAX_TOKENS].text)
    else:
        close = next((i for i in range(start, min(len(doc), start + PARTY_LABEL_MAX_TOKENS)) if doc[i].text == ")"), None)
        label = PARTY_LABEL_RE.match(doc[start:close + 1].text) if close is not None else None
    if label is None:
        return None
    party = art.kb.get(PARTY_LABELS[label.group(1)] or "")
    return Descriptor(country=PARTY_LABEL_COUNTRY, affiliation=kb_draft(art, party) if party else None)


def place_country(art: Article, name: str) -> str | None:
    """The country of a place a title names ("Texas Gov. X", "the mayor of Paris"):
    a KB country's, else the country of the regions of that name in the offline
    gazetteer of :mod:`newsprism.analysis.places` when they agree, else that of the
    most populous city of that name."""
    entry = art.kb.by_name(name)
    if entry is not None:
        return entry.country if entry.kind == "country" else None
    places = gazetteer()
    regions = {region.country for region in places.regions.get(fold(name), [])}
    if regions:
        return regions.pop() if len(regions) == 1 else None
    cities = places.cities.get(fold(name))
    return max(cities, key=lambda city: city.population).country if cities else None


def _apply(person: Draft, descriptor: Descriptor) -> None:
    if descriptor.role:
        person.roles[descriptor.role] += 1
    if descriptor.country and not person.country:
        person.country = descriptor.country
    if descriptor.affiliation is not None and person.affiliation is None:
        person.affiliation = descriptor.affiliation
        person.country = person.country or descriptor.affiliation.country


def premodifier(art: Article, found: Found) -> Descriptor | None:
    """"Iranian President X", "Iran's President X", "National ... Council chief X", "Syria's X"."""
    doc, start = art.doc, name_start(art.doc, found.start)
    if start in art.title_end:
        region_start = _left_region(art, art.title_end[start])
        return describe(art, region_start, art.title_end[start], start)
    if start > 1 and is_possessive(doc[start - 1]):
        owner = art.owner[start - 2]
        if owner is not None and is_country(owner.draft):
            return Descriptor(country=owner.draft.country)
    return None


def _left_region(art: Article, start: int) -> int:
    """Where the words describing a title begin: actor spans, their possessives,
    capitalised words and role modifiers, going left."""
    doc = art.doc
    while start > 0:
        token, owner = doc[start - 1], art.owner[start - 1] or art.kb_at.get(start - 1)
        if owner is not None and owner.draft.kind != "person":
            start = owner.start
        elif is_possessive(token) and start > 1 and art.owner[start - 2] is not None:
            start -= 1
        elif (owner is None and is_capitalised(token) and token.pos_ == "PROPN") or token.lower_ in ROLE_MODIFIERS:
            start -= 1
        else:
            break
    return start


def describe(art: Article, start: int, title_start: int, title_end: int) -> Descriptor:
    """Read country, affiliation and role off "[the] [country] [Body] TITLE"."""
    doc = art.doc
    modifiers = []
    while start < title_start and doc[start].lower_ in ROLE_MODIFIERS:
        modifiers.append(doc[start].lower_)
        start += 1
    role = " ".join([*modifiers, doc[title_start:title_end].text]).title()
    art.used_for_roles.update(range(start, title_end))
    descriptor = Descriptor(role=role)
    _accept_employer_metonyms(art, start, title_start)
    body_start = None
    for i in range(start, title_start):
        owner = art.owner[i]
        if owner is not None and is_country(owner.draft):
            descriptor.country = descriptor.country or owner.draft.country
        elif owner is not None and owner.draft.kind != "person":
            descriptor.affiliation = owner.draft
        elif owner is None and is_capitalised(doc[i]) and not is_determiner(doc[i]) and body_start is None:
            body_start = i  # not a sentence's opening "The"
    if descriptor.affiliation is None and body_start is not None:
        descriptor.country = descriptor.country or _place_country_before(art, body_start, title_start)
        descriptor.affiliation = _body(art, body_start, title_start, descriptor.country)
    elif descriptor.affiliation is not None and descriptor.affiliation.kb_id is None:
        descriptor.affiliation.country = descriptor.affiliation.country or descriptor.country
    return descriptor


def _place_country_before(art: Article, start: int, end: int) -> str | None:
    """"Texas Gov.", "New York mayor": the country of the place naming the office."""
    words = [t for t in art.doc[start:end] if is_capitalised(t)]
    if not words or any(t.ent_type_ != "GPE" for t in words):
        return None
    return place_country(art, art.doc[words[0].i:words[-1].i + 1].text)


def _accept_employer_metonyms(art: Article, start: int, end: int) -> None:
    """A metonym naming whom a title holder works for ("White House press
    secretary") is a mention of that government, though not an agent."""
    for found in dict.fromkeys(art.kb_at[i] for i in range(start, end) if i in art.kb_at):
        if found.kb_form == "metonym" and found.start >= start:
            art.accept(found)


def _body(art: Article, start: int, end: int, country: str | None) -> Draft | None:
    """An organisation named only in a title's modifiers ("Security Council chief"),
    taking in a demonym just before it ("Iranian Foreign Ministry")."""
    doc = art.doc
    while end > start and not is_capitalised(doc[end - 1]):
        end -= 1
    if end <= start or any(art.owner[i] is not None for i in range(start, end)):
        return None
    if not _acceptable_entity(art, "ORG", doc[start:end]):
        return None
    before = art.owner[start - 1] if start > 0 else None
    if before is not None and is_country(before.draft) and before.end == start and before.kb_form == "demonym":
        art.release(before)
        start = before.start
    span = doc[start:end]
    # A place employing a title holder ("New Jersey Governor") stands for its government.
    kind = "government" if all(t.ent_type_ == "GPE" for t in span) else org_kind(span, country)
    draft = art.draft(f"org:{normalise_name(span.text)}", name=span.text, kind=kind, country=country)
    art.accept(Found(start, end, draft, "ORG"))
    return draft


def appositive(art: Article, found: Found) -> Descriptor | None:
    """"X, the Iranian Foreign Ministry spokeswoman," or "the ... Spokeswoman, X"."""
    doc = art.doc
    root = doc[found.start:found.end].root
    heads = [c for c in root.children if c.dep_ == "appos" and c.i >= found.end]
    if root.dep_ == "appos" and root.head.i < found.start:
        heads.append(root.head)
    for head in (_title_above_of_phrase(art, h) for h in heads):
        title_start = art.title_end.get(head.i + 1)
        if title_start is None or head.tag_ in ("NNS", "NNPS"):
            continue
        descriptor = describe(art, head.left_edge.i, title_start, head.i + 1)
        _of_phrase(art, head, descriptor)
        return descriptor
    return None


def _title_above_of_phrase(art: Article, head: Token) -> Token:
    """The title whose "of"/"for" phrase an appositive name was attached to by the parse
    ("The spokesman for the Foreign Ministry, Ali Rezaei": the spokesman, not the ministry)."""
    preposition = head.head
    if head.i + 1 in art.title_end or head.dep_ != "pobj" or preposition.lower_ not in ("of", "for"):
        return head
    return preposition.head if preposition.head.i + 1 in art.title_end else head


def _of_phrase(art: Article, head: Token, descriptor: Descriptor) -> None:
    """"spokeswoman for the Foreign Ministry", "spokesman for the Pentagon",
    "president of Iran", "mayor of Paris" (a place's country from the gazetteer)."""
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ in ("of", "for", "at"):
            for obj in prep.children:
                owner = art.owner[obj.i] or _employer_metonym(art, obj.i)
                if owner is None and obj.ent_type_ == "GPE":
                    descriptor.country = descriptor.country or place_country(art, _entity_text(obj))
                if owner is None or owner.draft.kind == "person":
                    continue
                if is_country(owner.draft):
                    descriptor.country = descriptor.country or owner.draft.country
                else:
                    descriptor.affiliation = descriptor.affiliation or owner.draft


def _employer_metonym(art: Article, i: int) -> Found | None:
    """"the Pentagon" of "a spokesman for the Pentagon"; not a capital ("the mayor of
    Paris" works for the city, not for France)."""
    found = art.kb_at.get(i)
    if found is None or found.kb_form != "metonym" or is_country(found.draft) or not art.accept(found):
        return None
    return found


def _entity_text(token: Token) -> str:
    entity = entity_of(token)
    return entity.text if entity is not None else token.text


def entity_of(token: Token) -> Span | None:
    """The named entity holding this token, from the tokens' IOB tags (``doc.ents``
    would build a span for every entity of the article)."""
    if not token.ent_type_:
        return None
    doc, start, end = token.doc, token.i, token.i + 1
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc[start:end]


# --------------------------------------------------------------------------- 7. role references


def add_role_references(art: Article) -> None:
    """"the Iranian President", "the minister" -> the one person with that role (rule 7)."""
    doc = art.doc
    for end, start in sorted(art.title_end.items()):
        head = doc[end - 1]
        if start in art.used_for_roles or art.owner[start] is not None or head.dep_ == "compound":
            continue
        if head.tag_ in ("NNS", "NNPS") or (end < len(doc) and art.owner[end] is not None):
            continue
        region = _left_region(art, start)
        definite = (region > 0 and doc[region - 1].lower_ == "the") or any(
            is_possessive(t) for t in doc[region:start]
        )
        if not definite:
            continue
        descriptor = describe(art, region, start, end)
        person = role_holder(art, descriptor, start) or former_office_holder(art, descriptor, region, end)
        if person is not None:
            art.accept(Found(start, end, person, "role"))


def role_holder(art: Article, descriptor: Descriptor, position: int) -> Draft | None:
    people = [
        d for d in art.drafts.values()
        if d.kind == "person" and _holds_title(d, descriptor.role or "")
        and (descriptor.country is None or d.country == descriptor.country)
    ]
    if not people and descriptor.country is not None:
        people = _sole_holder_without_country(art, descriptor, position)
    if len(people) != 1:
        return None
    if descriptor.country is None and descriptor.affiliation is None:
        before = [f for f in art.found() if f.draft.kind == "person" and f.start < position]
        if before and before[-1].draft is not people[0]:
            return None
    return people[0]


def former_office_holder(art: Article, descriptor: Descriptor, region: int, end: int) -> Draft | None:
    """"Rudy Giuliani ... The former New York mayor had said": a former office that no one
    in the article holds, as the subject of its clause, re-mentions the last person named
    before it in its sentence or the one before, unless the description's country is not
    that person's (news varies a re-mention with a past office, as with "the president"
    for the one holder named last; Poesio & Vieira 1998 on anaphoric definite descriptions)."""
    title = (descriptor.role or "").lower().split()
    if title[:1] != ["former"] or art.doc[end - 1].dep_ not in ("nsubj", "nsubjpass"):
        return None
    if any(_holds_title(d, descriptor.role) for d in art.drafts.values()):
        return None  # a holder of the title, even an ambiguous one: not a re-mention of someone else
    sentence = art.doc[region].sent
    floor = art.doc[sentence.start - 1].sent.start if sentence.start > 0 else 0
    named = [f for f in art.found() if f.draft.kind == "person" and floor <= f.start < region]
    if not named:
        return None
    person = max(named, key=lambda f: f.start).draft
    if descriptor.country is not None and person.country not in (None, descriptor.country):
        return None
    return person


def _sole_holder_without_country(art: Article, descriptor: Descriptor, position: int) -> list[Draft]:
    """"The Honduran foreign minister" after "Foreign Minister Eduardo Lagos Pineda":
    the description names the one person of the article holding the same title, when
    he is named before it and the title gave him no country; he takes the
    description's country."""
    title = (descriptor.role or "").lower()
    holders = [d for d in art.drafts.values() if d.kind == "person" and title in (r.lower() for r in _roles(d))]
    if len(holders) != 1 or holders[0].country is not None:
        return []
    if not any(f.draft is holders[0] and f.start < position for f in art.found()):
        return []
    holders[0].country = descriptor.country
    return holders


def _holds_title(draft: Draft, title: str) -> bool:
    """Whether one of the draft's roles has the title's head word ("former mayor": "Mayor")."""
    head = title.lower().split()[-1:]
    return any(r.lower().split()[-1:] == head for r in _roles(draft))


def _roles(draft: Draft) -> list[str]:
    return list(draft.roles) or ([draft.role] if draft.role else [])


# --------------------------------------------------------------------------- 8. sectors


def assign_sectors(art: Article) -> None:
    for found in art.found():
        if is_country(found.draft):
            found.sector = sector_of(art, found)


def sector_of(art: Article, found: Found) -> str | None:
    """The sector a country mention names: from the noun it modifies ("Iranian
    government"), the noun whose "of" it fills ("government of Iraq"), else
    government for a metonym. Sectors follow the CAMEO actor codebook's role
    codes (GOV, MIL, COP, SPY, MED, CVL, JUD, BUS, OPP; Schrodt 2012)."""
    token = art.doc[found.start:found.end].root
    head = None
    if token.dep_ in ("amod", "compound", "poss", "nmod") and token.head.i >= found.end:
        head = token.head
    elif token.dep_ == "pobj" and token.head.lower_ == "of":
        head = token.head.head
    sector = _noun_sector(art, head) if head is not None else None
    return sector or ("government" if found.kb_form == "metonym" else None)


def _noun_sector(art: Article, noun: Token) -> str | None:
    sector = SECTOR_HEADS.get(noun.lemma_.lower()) or SECTOR_HEADS.get(noun.lower_)
    if sector is None and noun.i + 1 in art.title_end:
        sector = "government"
    return sector


# --------------------------------------------------------------------------- the article's country


def dominant_country(countries: Iterable[str | None], at_least: int = 1) -> str | None:
    """The country named more than twice as often as any other and at least
    ``at_least`` times, given the country of each actor mention (None for an actor
    with none), or None when no country clearly dominates. Event coders code actors the text leaves without a nationality by the
    state the story is about (Schrodt 2012, CAMEO manual 1.1b3, on unidentified actors;
    the PLOVER GSR codes them so); "clearly" keeps an article about two countries from
    lending either one to its unknown people."""
    counts = Counter(c for c in countries if c)
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < at_least:
        return None
    runner_up = ranked[1][1] if len(ranked) > 1 else 0
    return ranked[0][0] if ranked[0][1] > 2 * runner_up else None


def assign_dominant_country(art: Article) -> None:
    """Government bodies the article leaves without a country take the article's
    dominant country (:func:`dominant_country`): "Pakistan reinstated the Supreme
    Court judges"; so do people who belong to no body, organisations and armed
    groups, when it is named at least :data:`PERSON_COUNTRY_MENTIONS` times — a name
    is a particular person or body, whose country a story of one or two mentions
    does not settle ("Chelsea Clinton" beside "Hillary Clinton"). After every rule
    that reads a country from the text (titles, demonyms, "of X", parties, places)."""
    found = art.found()
    countries = [_draft_country(f.draft) for f in found if f.draft.kind not in UNPLACED_KINDS]
    often = dominant_country(countries, PERSON_COUNTRY_MENTIONS)
    codes = {"government": dominant_country(countries), "person": often, "organization": often, "armed_group": often}
    for draft in dict.fromkeys(f.draft for f in found):
        if draft.country is None and draft.affiliation is None:
            draft.country = codes.get(draft.kind)


def _draft_country(draft: Draft) -> str | None:
    return draft.country or (draft.affiliation.country if draft.affiliation is not None else None)


# --------------------------------------------------------------------------- records


def records(art: Article) -> tuple[list[Mention], list[Actor]]:
    doc = art.doc
    found = sorted(art.found(), key=lambda f: f.start)
    ids = _final_ids(art, found)
    mentions = []
    aliases: dict[Draft, dict[str, None]] = {}
    for f in found:
        span = doc[f.start:f.end]
        mentions.append(Mention("", ids[f.draft], span.text, span.start_char, span.end_char, f.label, f.sector))
        if f.label != "role":
            aliases.setdefault(f.draft, {})[span.text] = None
    return mentions, [_actor(d, ids, list(aliases.get(d, {}))) for d in ids]


def _final_ids(art: Article, found: list[Found]) -> dict[Draft, str]:
    """KB ids for KB actors, slugs of the name for the rest; a slug already taken
    gets its kind appended."""
    drafts = list(dict.fromkeys(f.draft for f in found))
    affiliations = [f.draft.affiliation for f in found if f.draft.affiliation is not None]
    drafts += [d for d in dict.fromkeys(affiliations) if d not in drafts]
    ids: dict[Draft, str] = {}
    taken = {d.kb_id for d in drafts if d.kb_id}
    for draft in drafts:
        if draft.kb_id:
            ids[draft] = draft.kb_id
            continue
        base = slugify(draft.name) or "actor"
        kind = draft.kind.replace("_", "-")
        candidates = chain([base, f"{base}-{kind}"], (f"{base}-{kind}-{n}" for n in count(2)))
        slug = next(c for c in candidates if c not in taken and art.kb.get(c) is None)
        taken.add(slug)
        ids[draft] = slug
    return ids


def _actor(draft: Draft, ids: dict[Draft, str], seen: list[str]) -> Actor:
    roles = [r for r, _ in draft.roles.most_common()]
    return Actor(
        id=ids[draft],
        name=draft.name,
        kind=draft.kind,
        country=draft.country,
        role=roles[0] if roles else draft.role,
        aliases=list(dict.fromkeys([*seen, *draft.aliases])),
        affiliation=ids.get(draft.affiliation) if draft.affiliation is not None else None,
    )
