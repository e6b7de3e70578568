"""Quantities: numbers with what they count, normalised, and whose they are.

A spaCy component, ``newsprism_quantities``, run after ``ner`` (and after
``newsprism_actors`` when there is one, to link quantities to actors). It sets
``doc._.quantities``: a list of :class:`~newsprism.records.Quantity` with ids
``n0``, ``n1``, ... and ``article_id`` "".

The word lists (number words, multipliers, vague amounts, approximation cues,
currencies, measures, reference words) are in ``newsprism/data/quantity_words.txt``;
the component's ``words_files`` config adds users' files in the same format.

Numbers are found in the text with patterns built from those lists, and read with
the parse, in the manner of rule-based quantity taggers such as Stanford's
QuantifiableEntityNormalizer and Recognizers-Text:

1. **Numerals**: digits ("2,000", "1.5", "$5bn", "1.5 million"), number words
   composed into a value ("two", "twenty-five", "two hundred and fifty", "a
   dozen", "half a dozen") and vague amounts with a range ("hundreds" 200–999,
   "tens of thousands", "dozens", "a handful of"), always approximate.
2. **Not quantities**: numbers inside DATE and TIME entities and inside names
   (PERSON, ORG, LAW, PRODUCT, ...: "Resolution 2170", "F-16"); clock times; phone
   numbers; a number after a reference word ("page 12", "No. 5", "flight 17");
   a year ("in 2014", "the 2013 election": 1800–2100 written without a comma and not
   counting a plural noun); ages ("52-year-old", "aged 52", and the "52" of
   "Héctor Argueta, 52,", which says how old someone is, not how many of anything
   there are); and a bare "one" (mostly a determiner: "one Iraqi official").
3. **Ranges and ratios**: "four or five", "170-275", "10 to 20", "between 10 and
   20", "from 10 to 20" give ``value``–``value_max``; "15 to 1", "15-to-1" and
   "3:1" (the second number not larger) are ``kind="ratio"`` with value 15/1. A
   falling pair joined by a dash ("8-7", "14-1") is a score or a vote, not a
   quantity; nor is "2/8" (a caption's "photo 2 of 8", a date or a fraction).
4. **Approximation**: a cue before ("about", "nearly", "approaching", "at least",
   "more than", "up to", "some", ...), after ("or so", "or more", "-odd"), a verb
   taking the number as object ("may run into the hundreds", "exceeded 1,000"), or
   a vague amount.
5. **What is counted** (``unit``): a currency symbol or word (``kind="money"``, ISO
   4217 code: "$25,000" → USD), a percent sign or word (``kind="percent"``), a
   measure (``kind="measure"``, unit as listed: "11 nautical miles" → nautical
   mile), else the noun the number counts, read from the words after it: the
   head noun with the common-noun compounds before it and a participle after it
   ("2,000 Iranian troops" → troops, "12 crew members", "60 people killed"), or the
   noun of an "of" phrase ("thousands of people"), when the parse agrees that the
   words between belong to that noun. When no noun follows, the
   subject of the clause may say what is counted ("the number of people killed may
   run into the hundreds" → people killed; "the number of wounded is ...
   approaching 1,000" → wounded); else a number standing as subject or object
   counts what an earlier number in the sentence counted ("60 people ... only four
   or five remain"); else it is
   dropped. "Three times" counts nothing and is dropped.
6. **Ranks**: an ordinal before a superlative ("fifth largest recipient",
   "second-biggest city") is ``kind="rank"`` with the ordinal as value and the
   noun as unit. Other ordinals ("the first two states") are not quantities.
7. **Whose** (``actor_id``, from ``doc._.actor_mentions``): an actor named inside
   the counted phrase ("2,000 Iranian troops", "11,000 U.S. trained fighters",
   "Iran's 2,000 troops"), else the subject of the clause the number is an object
   of, climbing through "to"-infinitives and prepositions ("Iran has sent 2,000
   troops" → iran; "The U.S. has only been able to train 60 people" →
   united-states; "Iraqi soldiers outnumber ISIS 15 to 1" → iraq). A number that
   takes an earlier number's unit takes its actor too.

The span (``text``, ``start``, ``end``) runs from the cue or currency symbol to the
counted noun when that follows the number: "about 300 fishermen", "up to $25,000".
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, fields
from functools import lru_cache
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from newsprism.analysis import records_on
from newsprism.kb import section_entries, word_file_texts
from newsprism.records import Quantity

Doc.set_extension("quantities", default=(), force=True)

WORDS_FILE = "quantity_words.txt"
VALUED_SECTIONS = frozenset(
    {"numbers", "multipliers", "vague", "ordinals", "currencies", "measures"}
)
NAME_LABELS = frozenset(
    {"PERSON", "ORG", "GPE", "LOC", "FAC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "LANGUAGE", "NORP"}
)
# Subjects naming a count rather than a counted thing: "the number of people killed".
COUNT_NOUNS = frozenset({"number", "total", "toll", "tally", "count", "figure", "figures"})
# Dependencies through which a number's clause is climbed to find whose it is.
OBJECT_DEPS = frozenset(
    {"dobj", "pobj", "prep", "attr", "oprd", "xcomp", "acomp", "npadvmod", "nummod", "quantmod",
     "appos", "conj", "agent", "dative", "advmod", "amod", "compound", "nmod"}
)
SUBJECT_DEPS = ("nsubj", "nsubjpass")
CLAUSE_DEPS = frozenset({"ccomp", "advcl", "relcl", "acl"})
# A number standing for a noun ("only four or five remain", "injuring another 40")
# fills one of these; a caption's "Getty Images 22" does not.
ELLIPSIS_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos", "attr"})
MAX_MODIFIERS = 4  # words between a number and the noun it counts
YEARS = range(1800, 2101)
AGE_LIMIT = 120

_PHONE = re.compile(r"(?<!\d)(?:\+\d{1,3}[\s.-]?)?(?:\(\d{2,4}\)\s?|\d{2,4}[\s.-])\d{3}[\s.-]\d{3,4}(?!\d)")
_CLOCK = re.compile(r"\b\d{1,2}(?:[:.]\d{2})?\s?(?:[ap]\.?m\.?|o'clock|o’clock|GMT|BST|UTC)(?!\w)|\b\d{1,2}:\d{2}\b", re.I)
_URL = re.compile(r"\b(?:https?://|www\.)\S+|\S+@\S+\.\w+")
_AGE_AFTER = re.compile(r"^-?\s?years?[- ]old\b|^-?year-old\b", re.I)
_AGE_BEFORE = re.compile(r"\b(?:aged|age)\s*$", re.I)
_ORDINAL_DIGITS = re.compile(r"^\d+(?:st|nd|rd|th)$", re.I)
_DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
# What makes a DATE or TIME entity temporal; NER also calls "between 10 and 20" a DATE.
_TEMPORAL = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?\b"
    r"|year|month|week|day|decade|centur|hour|minute|second|night|morning|afternoon|evening|noon|"
    r"ago|today|yesterday|tomorrow|season|spring|summer|autumn|fall|winter|weekend|quarter|era\b|"
    r"\b(?:1[89]|20)\d\d\b|'\d\d\b|\d(?:st|nd|rd|th)\b|\d0s\b|[ap]\.?m\b|o.clock|:\d\d",
    re.I,
)
# A name entity that swallowed a ratio or range after it ("ISIS 15 to 1").
_OVERREACH = re.compile(r"\d\s+(?:to|or)\s+\d")


# --------------------------------------------------------------------------- word lists


@dataclass(slots=True)
class QuantityWords:
    """The sections of ``quantity_words.txt``; phrases lower-cased."""

    numbers: dict[str, float] = field(default_factory=dict)
    multipliers: dict[str, float] = field(default_factory=dict)
    vague: dict[str, tuple[float, float]] = field(default_factory=dict)
    ordinals: dict[str, int] = field(default_factory=dict)
    approximate_before: set[str] = field(default_factory=set)
    approximate_after: set[str] = field(default_factory=set)
    approximate_verbs: set[str] = field(default_factory=set)
    currencies: dict[str, str] = field(default_factory=dict)
    percent: set[str] = field(default_factory=set)
    measures: dict[str, str] = field(default_factory=dict)
    references: set[str] = field(default_factory=set)
    participles: set[str] = field(default_factory=set)
    collective_nouns: set[str] = field(default_factory=set)
    speech_verbs: set[str] = field(default_factory=set)
    not_units: set[str] = field(default_factory=set)

    @classmethod
    def load(cls, extra: Iterable[str | Path] = ()) -> QuantityWords:
        """The bundled lists, with each file of ``extra`` added in order."""
        words = cls()
        for text, where in word_file_texts(WORDS_FILE, extra):
            words.add(text, where)
        return words

    def add(self, text: str, where: str) -> None:
        sections = [f.name for f in fields(self)]
        for section, entry, place in section_entries(text, where, sections):
            self._add_entry(section, entry, place)

    def _add_entry(self, section: str, line: str, where: str) -> None:
        phrase, _, value = (part.strip() for part in line.partition("="))
        phrase = " ".join(phrase.lower().split())
        target = getattr(self, section)
        if section not in VALUED_SECTIONS:
            target.add(phrase)
            return
        if not value:
            raise ValueError(f"{where}: [{section}] entries need '= value'")
        if section == "vague":
            low, high = value.split()
            target[phrase] = (float(low), float(high))
        elif section in ("currencies", "measures"):
            target[phrase] = value
        elif section == "ordinals":
            target[phrase] = int(value)
        else:
            target[phrase] = float(value)


def _alternation(phrases: Iterable[str]) -> str:
    """A regex alternation of phrases, longest first, any whitespace between words."""
    ordered = sorted(set(phrases), key=len, reverse=True)
    return "|".join(r"\s+".join(map(re.escape, p.split())) for p in ordered)


@dataclass(slots=True)
class Patterns:
    """Regular expressions built once from the word lists."""

    words: QuantityWords
    numeral: re.Pattern
    atom: re.Pattern
    cue_before: re.Pattern
    cue_after: re.Pattern
    currency_before: re.Pattern
    unit_after: re.Pattern

    @classmethod
    def build(cls, words: QuantityWords) -> Patterns:
        short = {m for m in words.multipliers if len(m) <= 2}
        long_multipliers = _alternation(set(words.multipliers) - short)
        number_words = _alternation(words.numbers)
        atom = rf"(?:{number_words}|{long_multipliers})"
        composite = (
            rf"(?:(?:{number_words})|(?:an?\s+)(?:{long_multipliers}))(?:(?:\s+and\s+|[\s-]+){atom})*"
        )
        digits = (
            rf"(?:(?<=to-)|(?<![A-Za-z]-)(?<![\w.,/])){_DIGITS}"
            rf"(?:(?:{_alternation(short)})(?![\w])|\s+(?:{long_multipliers})\b)?(?![\w])(?!,\d)(?!/\d)"
        )
        numeral = rf"(?P<vague>\b(?:{_alternation(words.vague)})\b)|(?P<digits>{digits})|(?P<words>\b{composite}\b)"
        symbols = [c for c in words.currencies if not c.isalpha()]
        units = [c for c in words.currencies if c.isalpha() or c.endswith("$")]
        units += [*words.percent, *words.measures]
        return cls(
            words=words,
            numeral=re.compile(numeral, re.I),
            atom=re.compile(rf"\b{atom}\b|(?<![\w])a(?=\s)", re.I),
            cue_before=re.compile(rf"(?:^|\b)(?:{_alternation(words.approximate_before)})\s+(?:only\s+)?$", re.I),
            cue_after=re.compile(rf"^\s*-?\s*(?:{_alternation(words.approximate_after)})\b|^\+", re.I),
            currency_before=re.compile(rf"(?:{_alternation(symbols)})\s?$", re.I),
            unit_after=re.compile(rf"^\s*(?:{'|'.join(_unit_alternatives(units))})", re.I),
        )


def _unit_alternatives(units: Iterable[str]) -> list[str]:
    """Alternatives for units after a number; words must end at a word boundary."""
    ordered = sorted(units, key=len, reverse=True)
    return [
        r"\s+".join(map(re.escape, u.split())) + (r"\b" if u[-1].isalnum() else "")
        for u in ordered
    ]


# --------------------------------------------------------------------------- the component


@Language.factory(
    "newsprism_quantities",
    default_config={"words_files": []},
    requires=["doc.ents", "token.dep"],
    assigns=["doc._.quantities"],
)
def make_quantity_component(nlp: Language, name: str, words_files: list[str]) -> QuantityComponent:
    return QuantityComponent(Patterns.build(QuantityWords.load(words_files)))


class QuantityComponent:
    """Sets ``doc._.quantities`` (list of Quantity, article_id "")."""

    def __init__(self, patterns: Patterns) -> None:
        self.patterns = patterns

    def __call__(self, doc: Doc) -> Doc:
        doc._.quantities = find_quantities(doc, self.patterns)
        return doc


@lru_cache(maxsize=1)
def default_patterns() -> Patterns:
    """Patterns from the bundled word lists, for calls outside the component."""
    return Patterns.build(QuantityWords.load())


# --------------------------------------------------------------------------- numerals


@dataclass(slots=True)
class Numeral:
    start: int
    end: int
    value: float
    value_max: float | None = None
    vague: bool = False


@dataclass(slots=True)
class Draft:
    """A quantity being read: character offsets until it becomes a record."""

    start: int
    end: int
    value: float
    value_max: float | None = None
    approximate: bool = False
    kind: str = "count"
    unit: str | None = None
    head: Token | None = None  # the counted noun
    number_token: Token | None = None
    actor_id: str | None = None


def numerals(text: str, patterns: Patterns, blocked: list[tuple[int, int]]) -> list[Numeral]:
    """Every numeral in the text outside the blocked character ranges."""
    found = []
    for match in patterns.numeral.finditer(text):
        start, end = match.span()
        if any(s < end and start < e for s, e in blocked):
            continue
        numeral = _read_numeral(match, patterns.words, patterns.atom)
        if numeral is not None:
            found.append(numeral)
    return found


def _read_numeral(match: re.Match, words: QuantityWords, atom: re.Pattern) -> Numeral | None:
    text = " ".join(match.group().lower().split())
    if match.group("vague"):
        low, high = words.vague[text]
        return Numeral(match.start(), match.end(), low, high, vague=True)
    if match.group("digits"):
        return Numeral(match.start(), match.end(), _digits_value(text, words))
    value = _words_value([a.group().lower() for a in atom.finditer(text)], words)
    return Numeral(match.start(), match.end(), value) if value else None


def _digits_value(text: str, words: QuantityWords) -> float:
    number = re.match(_DIGITS, text).group()
    rest = text[len(number):].strip()
    return float(number.replace(",", "")) * words.multipliers.get(rest, 1)


def _words_value(atoms: list[str], words: QuantityWords) -> float:
    """"two hundred and fifty" -> 250; "a dozen" -> 12; "one million" -> 1e6."""
    total = current = 0.0
    for atom in (" ".join(a.split()) for a in atoms):
        if atom in ("a", "an"):
            current = current or 1
        elif atom in words.multipliers:
            current = (current or 1) * words.multipliers[atom]
            if words.multipliers[atom] >= 1000:
                total, current = total + current, 0.0
        else:
            current += words.numbers.get(atom, 0)
    return total + current


def blocked_ranges(doc: Doc) -> list[tuple[int, int]]:
    """Character ranges where no number is a quantity: dates, times, names,
    clock times, phone numbers, addresses. A DATE or TIME entity counts only if it
    has a word of time or a year in it."""
    ranges = [
        (ent.start_char, ent.end_char) for ent in doc.ents
        if ent.label_ in ("DATE", "TIME") and _TEMPORAL.search(ent.text)
        or ent.label_ in NAME_LABELS and not _OVERREACH.search(ent.text)
    ]
    text = doc.text  # spaCy rebuilds it on every access
    for pattern in (_PHONE, _CLOCK, _URL):
        ranges += [m.span() for m in pattern.finditer(text)]
    return ranges


# --------------------------------------------------------------------------- expressions


def find_quantities(doc: Doc, patterns: Patterns | None = None) -> list[Quantity]:
    """The quantities of a parsed document, in text order."""
    patterns = patterns or default_patterns()
    text = doc.text
    found = numerals(text, patterns, blocked_ranges(doc))
    drafts = [
        d for d in _expressions(text, found, patterns)
        if d.kind != "score" and not _is_label(text, d, patterns.words)
    ]
    drafts += _ranks(doc, patterns.words)
    drafts.sort(key=lambda d: d.start)
    actors = _token_actors(doc)
    kept: list[Draft] = []
    for draft in drafts:
        if _read_unit(doc, text, draft, patterns, kept) and not _is_year_or_trivial(text, draft):
            _read_actor(doc, draft, actors, patterns.words)
            kept.append(draft)
    return [_record(text, i, d) for i, d in enumerate(kept)]


def _expressions(text: str, found: list[Numeral], patterns: Patterns) -> list[Draft]:
    """Numerals joined into ranges and ratios, with cues and currency symbols."""
    drafts = []
    i = 0
    while i < len(found):
        first = found[i]
        draft = Draft(first.start, first.end, first.value, first.value_max, first.vague)
        if i + 1 < len(found):
            joined = _join(text, first, found[i + 1])
            if joined is not None:
                draft = joined
                i += 1
        _add_cues(text, draft, patterns)
        drafts.append(draft)
        i += 1
    return drafts


_RANGE_SEPARATOR = re.compile(r"^\s*(?:-|–|—|or|to)\s*[$€£]?\s*$", re.I)
_RATIO_SEPARATOR = re.compile(r"^\s*(?:-\s*to\s*-|:)\s*$", re.I)
_BETWEEN = re.compile(r"\b(?:between|from)\s+[$€£]?$", re.I)
_BETWEEN_SEPARATOR = re.compile(r"^\s*(?:and|to|-|–)\s*[$€£]?\s*$", re.I)


def _join(text: str, first: Numeral, second: Numeral) -> Draft | None:
    between = text[first.end:second.start]
    approximate = first.vague or second.vague
    if _RATIO_SEPARATOR.match(between) or (
        re.match(r"^\s*to\s*$", between) and second.value < first.value
    ):
        return Draft(first.start, second.end, first.value / (second.value or 1), kind="ratio")
    ranged = _RANGE_SEPARATOR.match(between) or (
        _BETWEEN.search(text[:first.start]) and _BETWEEN_SEPARATOR.match(between)
    )
    if not ranged:
        return None
    if second.value < first.value:  # "8-7", "14-1": a score or a vote
        return Draft(first.start, second.end, first.value, kind="score")
    between_word = _BETWEEN.search(text[:first.start])
    start = between_word.start() if between_word else first.start
    return Draft(start, second.end, first.value, second.value_max or second.value, approximate)


def _add_cues(text: str, draft: Draft, patterns: Patterns) -> None:
    before = text[max(0, draft.start - 40):draft.start]
    currency = patterns.currency_before.search(before)
    if currency:
        draft.kind, draft.unit = "money", patterns.words.currencies[currency.group().strip().lower()]
        draft.start -= len(currency.group())
        before = text[max(0, draft.start - 40):draft.start]
    cue = patterns.cue_before.search(before)
    if cue:
        draft.approximate = True
        draft.start -= len(cue.group())
    after = patterns.cue_after.match(text[draft.end:draft.end + 20])
    if after:
        draft.approximate = True
        draft.end += len(after.group())


def _is_label(text: str, draft: Draft, words: QuantityWords) -> bool:
    """"page 12", "No. 5", "#3", "aged 52", "52-year-old", "Argueta, 52,"."""
    before = text[max(0, draft.start - 30):draft.start]
    previous = before.split()[-1].lower() if before.split() else ""
    if previous in words.references or before.endswith("#") or _AGE_BEFORE.search(before):
        return True
    if _AGE_AFTER.match(text[draft.end:draft.end + 12]):
        return True
    return (
        draft.value_max is None and draft.value <= AGE_LIMIT and draft.value.is_integer()
        and re.search(r"[A-Z][\w.’'-]*,\s*$", before) is not None
        and re.match(r"^\s*[,)]", text[draft.end:draft.end + 3]) is not None
    )


def _is_year_or_trivial(text: str, draft: Draft) -> bool:
    written = text[draft.start:draft.end]
    if draft.kind == "count" and draft.value_max is None:
        if draft.value == 1 and not draft.approximate:
            return True
        year_like = draft.value in YEARS and re.fullmatch(r"\d{4}", written.strip()) is not None
        if year_like and (draft.head is None or draft.head.tag_ != "NNS"):
            return True
    return False


def _ranks(doc: Doc, words: QuantityWords) -> list[Draft]:
    """"fifth largest recipient", "second-biggest city"."""
    drafts = []
    for token in doc:
        value = words.ordinals.get(token.lower_)
        if value is None and _ORDINAL_DIGITS.match(token.text):
            value = int(re.match(r"\d+", token.text).group())
        if value is None or token.ent_type_ in ("DATE", "TIME"):
            continue
        after = doc[token.i + 1:token.i + 4]
        superlative = next((t for t in after if t.text != "-"), None)
        if superlative is None:
            continue
        if superlative.lower_ in ("most", "least") and superlative.i + 1 < len(doc):
            superlative = doc[superlative.i + 1]
        elif superlative.tag_ != "JJS":
            continue
        draft = Draft(token.idx, superlative.idx + len(superlative), float(value), kind="rank")
        draft.number_token = token
        drafts.append(draft)
    return drafts


# --------------------------------------------------------------------------- units


def _read_unit(doc: Doc, text: str, draft: Draft, patterns: Patterns, earlier: list[Draft]) -> bool:
    """Find what the quantity counts; False when nothing says. `text` is doc.text,
    which spaCy would rebuild on every access."""
    span = doc.char_span(draft.start, draft.end, alignment_mode="expand")
    if span is None:
        return False
    draft.number_token = draft.number_token or _number_token(span)
    if draft.kind in ("ratio", "rank"):
        return _unit_of_ratio_or_rank(doc, draft, span, patterns.words)
    if draft.kind == "count":
        matched = patterns.unit_after.match(text[draft.end:draft.end + 40])
        if matched:
            _set_listed_unit(draft, matched, patterns.words)
            return True
    head = _counted_noun(doc, span.end)
    if head is not None and not _can_count(head, draft, patterns.words):
        head = None
    if head is not None:
        if head.lower_ in patterns.words.not_units:
            return False
        draft.head = head
        draft.unit = draft.unit or _unit_text(head, patterns.words)
        if draft.kind == "count":
            draft.end = max(draft.end, _unit_end(head, patterns.words))
        _check_approximate_verb(draft, patterns.words)
        return True
    _check_approximate_verb(draft, patterns.words)
    if draft.unit:  # money without a counted noun: "$25,000"
        return True
    return _unit_from_context(draft, earlier, patterns.words)


def _can_count(noun: Token, draft: Draft, words: QuantityWords) -> bool:
    """More than one of something is plural, or a collective noun ("personnel");
    "until the 40 come home" does not count comings."""
    if draft.kind != "count" or (draft.value <= 1 and draft.value_max is None):
        return True
    return noun.tag_ in ("NNS", "NNPS") or noun.lower_ in words.collective_nouns


def _number_token(span: Span) -> Token:
    numbers = [t for t in span if t.like_num or t.pos_ == "NUM"]
    return numbers[-1] if numbers else span[-1]


def _set_listed_unit(draft: Draft, matched: re.Match, words: QuantityWords) -> None:
    phrase = " ".join(matched.group().lower().split())
    if phrase in words.currencies:
        draft.kind, draft.unit = "money", words.currencies[phrase]
    elif phrase in words.percent:
        draft.kind, draft.unit = "percent", "percent"
    else:
        draft.kind, draft.unit = "measure", words.measures[phrase]
    draft.end += len(matched.group())


def _counted_noun(doc: Doc, start: int) -> Token | None:
    """The noun counted by the number ending before token ``start``: the last common
    noun of the noun phrase after it ("2,000 Iranian troops", "12 crew members"), or
    of an "of" phrase ("thousands of people", "2,000 of its troops")."""
    i = start
    if i < len(doc) and doc[i].lower_ == "of":
        i += 1
        while i < len(doc) and doc[i].pos_ in ("DET", "PRON") and doc[i].dep_ in ("det", "poss"):
            i += 1
    head = None
    for token in doc[i:i + MAX_MODIFIERS + 2]:
        if token.pos_ == "NOUN" and token.tag_ != "NNP":
            head = token
        elif head is not None:
            break
        elif not (token.pos_ in ("ADJ", "PROPN", "NUM") or token.tag_ in ("VBN", "VBG", "HYPH", "NNP")):
            break
    if head is None or any(not i <= t.head.i <= head.i for t in doc[i:head.i]):
        return None  # the words between belong elsewhere: "Getty Images 5 Massa cries"
    return head


def _unit_text(head: Token, words: QuantityWords) -> str:
    """The counted noun with the common-noun compounds before it ("crew members") and
    a listed participle after it ("people killed")."""
    doc = head.doc
    start = head.i
    while start > 0 and doc[start - 1].pos_ == "NOUN" and doc[start - 1].dep_ == "compound" \
            and doc[start - 1].is_lower:
        start -= 1
    return doc[start:_participle(head, words).i + 1].text.lower()


def _unit_end(head: Token, words: QuantityWords) -> int:
    last = _participle(head, words)
    return last.idx + len(last)


def _participle(head: Token, words: QuantityWords) -> Token:
    """The listed participle right after the counted noun, else the noun."""
    doc = head.doc
    after = doc[head.i + 1] if head.i + 1 < len(doc) else None
    return after if after is not None and after.lower_ in words.participles else head


def _unit_of_ratio_or_rank(doc: Doc, draft: Draft, span: Span, words: QuantityWords) -> bool:
    if draft.kind == "rank":
        head = _counted_noun(doc, span.end)
        draft.unit = _unit_text(head, words) if head is not None else "rank"
        if head is not None:
            draft.head = head
            draft.end = max(draft.end, head.idx + len(head))
        return True
    subject = _clause_subject(draft.number_token)
    draft.unit = _unit_text(subject, words) if subject is not None and subject.pos_ == "NOUN" else "ratio"
    return True


def _unit_from_context(draft: Draft, earlier: list[Draft], words: QuantityWords) -> bool:
    """"the number of people killed may run into the hundreds"; else the unit of
    the last quantity before it in the sentence ("60 people ... four or five remain")."""
    subject = _clause_subject(draft.number_token)
    if subject is not None and subject.lemma_.lower() in COUNT_NOUNS:
        counted = [c for p in subject.children if p.dep_ == "prep" and p.lower_ == "of"
                   for c in p.children if c.dep_ == "pobj"]
        if counted:
            draft.unit = _unit_text(counted[0], words)
            draft.approximate = draft.approximate or draft.value_max is not None
            return True
    if draft.number_token.dep_ not in ELLIPSIS_DEPS:
        return False
    sentence = draft.number_token.sent
    before = [d for d in earlier if d.start >= sentence.start_char and d.kind == draft.kind and d.unit]
    if before:
        draft.unit, draft.actor_id = before[-1].unit, before[-1].actor_id
        return True
    return False


def _check_approximate_verb(draft: Draft, words: QuantityWords) -> None:
    """"may run into the hundreds", "exceeded 1,000"."""
    token = draft.head or draft.number_token
    if token is None:
        return
    phrase = None
    if token.dep_ == "dobj":
        phrase = token.head.lemma_.lower()
    elif token.dep_ == "pobj" and token.head.dep_ == "prep":
        phrase = f"{token.head.head.lemma_.lower()} {token.head.lower_}"
    if phrase is not None and phrase in words.approximate_verbs:
        draft.approximate = True


# --------------------------------------------------------------------------- actors


def _token_actors(doc: Doc) -> dict[int, str]:
    """Token index -> actor id, from ``doc._.actor_mentions`` when the actor component ran."""
    actors = {}
    for mention in records_on(doc, "actor_mentions"):
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is not None:
            actors.update(dict.fromkeys(range(span.start, span.end), mention.actor_id))
    return actors


def _read_actor(doc: Doc, draft: Draft, actors: dict[int, str], words: QuantityWords) -> None:
    """Counts, sums, shares and ratios belong to someone; ranks and measures do not
    (a distance is no one's; "the country's second biggest city" is not its captor's)."""
    if not actors or draft.actor_id is not None or draft.kind in ("rank", "measure"):
        return
    draft.actor_id = _actor_in_phrase(doc, draft, actors) or _subject_actor(draft, actors, words)


def _actor_in_phrase(doc: Doc, draft: Draft, actors: dict[int, str]) -> str | None:
    """"2,000 Iranian troops", "Iran's 2,000 troops"."""
    if draft.head is None or draft.number_token is None:
        return None
    for i in range(draft.number_token.i + 1, draft.head.i):
        if i in actors:
            return actors[i]
    for child in draft.head.children:
        if child.dep_ in ("poss", "amod", "compound", "nmod") and child.i in actors:
            return actors[child.i]
    return None


def _subject_actor(draft: Draft, actors: dict[int, str], words: QuantityWords) -> str | None:
    subject = _clause_subject(draft.head or draft.number_token)
    if subject is None or subject.head.lemma_.lower() in words.speech_verbs:
        return None
    for token in subject.subtree:
        if token.i in actors:
            return actors[token.i]
    return None


def _clause_subject(token: Token | None) -> Token | None:
    """The subject of the clause the token is an object or modifier in, climbing
    through "to"-infinitives, prepositions and objects but not into another clause;
    None when the token is itself (part of) a subject. Nouns may have subjects too:
    the tagger sometimes calls a verb ("outnumber") a noun."""
    while token is not None:
        if token.dep_ in SUBJECT_DEPS:
            return None
        subjects = [c for c in token.children if c.dep_ in SUBJECT_DEPS]
        if subjects and token.pos_ in ("VERB", "AUX", "NOUN"):
            return subjects[0]
        if token.head.i == token.i or token.dep_ not in OBJECT_DEPS | CLAUSE_DEPS:
            return None
        if token.dep_ in CLAUSE_DEPS and token.pos_ in ("VERB", "AUX"):
            return None
        token = token.head
    return None


# --------------------------------------------------------------------------- records


def _record(text: str, index: int, draft: Draft) -> Quantity:
    return Quantity(
        id=f"n{index}",
        article_id="",
        value=draft.value,
        unit=draft.unit or "",
        actor_id=draft.actor_id,
        text=text[draft.start:draft.end],
        start=draft.start,
        end=draft.end,
        value_max=draft.value_max,
        approximate=draft.approximate,
        kind=draft.kind,
    )
