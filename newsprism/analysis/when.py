"""When: time expressions resolved to calendar dates against the publication date.

Library functions, not a pipeline component; the events stage calls them.

:func:`time_refs` takes the model's DATE and TIME entities (adjacent ones merged, so
"Monday" + "night" is one reference) plus the weekday names and "yesterday",
"today", "tonight", "tomorrow" that NER misses, and resolves each against the
publication date the engine stores in ``doc.user_data["newsprism_published"]``.
This is the anchor-and-offset approach of temporal taggers such as HeidelTime
(Strötgen & Gertz 2013): an explicit date is read as written, a relative one is
computed from the document creation time, and the tense of the clause chooses
between the last and the next occurrence of a weekday or month.

Results are ISO strings with a granularity:

- day: "2014-06-09" (weekdays, "yesterday", "June 14", "June 14, 2014", "3 days ago";
  a clock time alone, "at 6am", is the publication day)
- week: "2014-W23" (ISO week: "last week", "this week", "two weeks ago", weekends,
  since a Saturday and Sunday share an ISO week)
- month: "2014-06" ("in June", "June 2014", "last month", "six months ago")
- year: "2014" ("in 2014", "last year", "a year ago")

Weekday and month names without a year point to the most recent such day on or
before publication, or, when the clause is about the future ("will meet on
Thursday", "is meeting Thursday", "is due on Thursday", "next Thursday"), the first one
on or after it. "Last Monday" is the Monday before publication day, "next Monday"
the one after. Durations ("for two years"), vague references ("recently", "the
1990s") and anything without a publication date to anchor it keep ``date=None``.
Ages ("52-year-old", the "52" of "Argueta, 52,") and bare numbers are not time
references and are dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from spacy.tokens import Doc, Span, Token

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sept", "sep"), ("october", "oct"), ("november", "nov"), ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}
DAY_WORDS = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}
PARTS_OF_DAY = frozenset({"morning", "afternoon", "evening", "night", "overnight"})
FUTURE_AUXILIARIES = frozenset({"will", "'ll", "shall", "wo"})
# "is due on Thursday", "is scheduled to meet on Monday", "plans to ...", "is going to ..."
FUTURE_WORDS = frozenset({"due", "scheduled", "expected", "plans", "planning", "going"})

_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_DAY = r"(\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"((?:1[89]|20)\d\d)"
_AMOUNT = rf"(\d+|{'|'.join(NUMBER_WORDS)})"
_PATTERNS = {
    "iso": re.compile(rf"\b{_YEAR}-(\d\d)-(\d\d)\b"),
    "month_day_year": re.compile(rf"\b({_MONTH})\.? {_DAY},? {_YEAR}\b"),
    "day_month_year": re.compile(rf"\b{_DAY} (?:of )?({_MONTH})\.?,? {_YEAR}\b"),
    "month_year": re.compile(rf"\b({_MONTH})\.?,? (?:of )?{_YEAR}\b"),
    "month_day": re.compile(rf"\b({_MONTH})\.? {_DAY}\b(?!,? ?\d)"),
    "day_month": re.compile(rf"\b{_DAY} (?:of )?({_MONTH})\b"),
    "ago": re.compile(rf"\b{_AMOUNT} (day|week|month|year)s? ago\b"),
    "day_before_yesterday": re.compile(r"\bday before yesterday\b"),
    "last_night": re.compile(r"\blast night\b"),
    "this_part": re.compile(r"\bthis (morning|afternoon|evening)\b"),
    "day_word": re.compile(r"\b(yesterday|today|tonight|tomorrow)\b"),
    "weekday": re.compile(rf"\b(?:(last|next|this|coming|past) )?({'|'.join(WEEKDAYS)})\b"),
    "clock": re.compile(
        r"^(?:[^\d]*\s)?\d{1,2}(?:[:.]\d\d\s?(?:[ap]\.?m\.?)?|\s?(?:[ap]\.?m\.?|o'clock))(?:\s+local time)?$"
    ),
    "relative_period": re.compile(r"\b(last|this|next|coming) (weekend|week|month|year)\b"),
    "month": re.compile(rf"\b(?:(last|next|this|coming) )?({_MONTH})\b"),
    "year": re.compile(rf"\b{_YEAR}\b(?!s|'s)"),
}
_AGE = re.compile(r"\byears?[- ]old\b|\bage[sd]?\b")
_BARE_NUMBER = re.compile(r"^[\d,.]+$")


@dataclass(slots=True)
class TimeRef:
    text: str
    start: int  # character offsets into doc.text
    end: int
    date: str | None  # "2014-06-09", "2014-W23", "2014-06" or "2014"
    granularity: str | None  # day, week, month, year


def publication_date(doc: Doc) -> str | None:
    """The publication day ("2014-06-14") from ``doc.user_data["newsprism_published"]``
    (an ISO date or datetime, or a date object), or None. A datetime keeps its local
    date, as the outlet wrote it."""
    day = _as_date(doc.user_data.get("newsprism_published"))
    return day.isoformat() if day else None


def _as_date(value) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip()[:10])
        except ValueError:
            return None
    return None


TIME_REFS_KEY = "newsprism_time_refs"  # doc.user_data: (what they were read from, the references)


def time_refs(doc: Doc) -> list[TimeRef]:
    """Every time reference in the article, in text order, resolved when it can be.
    Kept on the Doc, so the events and predications stages read them once; the
    publication date and entities they were read from decide whether they still hold."""
    read_from = (doc.user_data.get("newsprism_published"), [(e.start, e.end, e.label) for e in doc.ents])
    kept_from, refs = doc.user_data.get(TIME_REFS_KEY, (None, None))
    if kept_from != read_from:
        refs = _find_time_refs(doc)
        doc.user_data[TIME_REFS_KEY] = (read_from, refs)
    return list(refs)


def _find_time_refs(doc: Doc) -> list[TimeRef]:
    anchor = _as_date(doc.user_data.get("newsprism_published"))
    refs = []
    for span in _time_spans(doc):
        if _is_age_or_number(span):
            continue
        resolved = resolve(span.text, anchor, _is_future(span))
        day, granularity = resolved if resolved else (None, None)
        refs.append(TimeRef(span.text, span.start_char, span.end_char, day, granularity))
    return refs


def _time_spans(doc: Doc) -> list[Span]:
    """DATE/TIME entities, adjacent ones merged, plus weekday and day words outside them."""
    merged: list[Span] = []
    for ent in doc.ents:
        if ent.label_ not in ("DATE", "TIME"):
            continue
        if merged and ent.start == merged[-1].end:
            merged[-1] = doc[merged[-1].start:ent.end]
        else:
            merged.append(ent)
    covered = {i for span in merged for i in range(span.start, span.end)}
    for token in doc:
        if token.i not in covered and _is_day_name(token):
            span = _weekday_phrase(token)
            if not any(i in covered for i in range(span.start, span.end)):
                merged.append(span)
                covered.update(range(span.start, span.end))
    return sorted(merged, key=lambda s: s.start)


def _is_day_name(token: Token) -> bool:
    lower = token.lower_
    if lower in WEEKDAYS:
        return token.text[0].isupper()
    return lower in DAY_WORDS


def _weekday_phrase(token: Token) -> Span:
    """"Monday", "last Monday", "Monday night"."""
    doc = token.doc
    start, end = token.i, token.i + 1
    if start > 0 and doc[start - 1].lower_ in ("last", "next", "this", "coming"):
        start -= 1
    if end < len(doc) and doc[end].lower_ in PARTS_OF_DAY:
        end += 1
    return doc[start:end]


def _is_age_or_number(span: Span) -> bool:
    """"52-year-old", "aged 52", or a bare number that is not a year ("52" in "X, 52,")."""
    text = span.text.lower()
    if _AGE.search(text):
        return True
    return bool(_BARE_NUMBER.match(text)) and not _PATTERNS["year"].fullmatch(text)


def _is_future(span: Span) -> bool:
    """Whether the clause governing the span speaks of the future."""
    if any(t.lower_ in ("next", "coming") for t in span):
        return True
    verb = governing_verb(span.root)
    if verb is None:
        return False
    children = list(verb.children)
    if any(c.dep_ == "aux" and c.lower_ in FUTURE_AUXILIARIES for c in children):
        return True
    governing = [verb, *children, *([verb.head] if verb.dep_ == "xcomp" else [])]
    if any(t.lower_ in FUTURE_WORDS for t in governing):
        return True
    # A present progressive with a date ("is meeting Thursday") speaks of a plan. The
    # simple present does not count: headlines use it for the past ("Iran sends ...").
    return verb.tag_ == "VBG" and any(c.dep_ == "aux" and c.tag_ in ("VBZ", "VBP") for c in children)


def governing_verb(token: Token) -> Token | None:
    """The nearest verb at or above the token in the parse."""
    while not (token.pos_ in ("VERB", "AUX") and token.dep_ not in ("aux", "auxpass")):
        if token.head.i == token.i:
            return None
        token = token.head
    return token


# --------------------------------------------------------------------------- resolution


def resolve(text: str, anchor: date | None, future: bool = False) -> tuple[str, str] | None:
    """(ISO date, granularity) for a time expression, or None. Explicit dates need
    no anchor; relative ones need the publication date."""
    lower = " ".join(text.lower().replace("’", "'").split())
    for name in ("iso", "month_day_year", "day_month_year", "month_year"):
        match = _PATTERNS[name].search(lower)
        if match:
            return _explicit(name, match)
    if anchor is None:
        year = _PATTERNS["year"].search(lower)
        return (year.group(1), "year") if year and not _PATTERNS["month"].search(lower) else None
    for name, rule in _RELATIVE_RULES:
        match = _PATTERNS[name].search(lower)
        if match:
            result = rule(match, anchor, future)
            if result:
                return result
    return None


def _explicit(name: str, match: re.Match) -> tuple[str, str] | None:
    groups = match.groups()
    if name == "month_year":
        return f"{int(groups[1]):04d}-{MONTHS[groups[0]]:02d}", "month"
    if name == "iso":
        year, month, day = map(int, groups)
    elif name == "month_day_year":
        month, day, year = MONTHS[groups[0]], int(groups[1]), int(groups[2])
    else:
        day, month, year = int(groups[0]), MONTHS[groups[1]], int(groups[2])
    try:
        return date(year, month, day).isoformat(), "day"
    except ValueError:
        return None


def _day(value: date) -> tuple[str, str]:
    return value.isoformat(), "day"


def _week(value: date) -> tuple[str, str]:
    year, week, _ = value.isocalendar()
    return f"{year}-W{week:02d}", "week"


def _month(year: int, month: int) -> tuple[str, str]:
    return f"{year:04d}-{month:02d}", "month"


def _shift_months(anchor: date, months: int) -> tuple[int, int]:
    index = anchor.year * 12 + anchor.month - 1 + months
    return index // 12, index % 12 + 1


def _month_day(match: re.Match, anchor: date, future: bool, month_first: bool) -> tuple[str, str] | None:
    """"June 14" without a year: this year's, unless the tense points across a year end."""
    month_name, day = (match.group(1), match.group(2)) if month_first else (match.group(2), match.group(1))
    month, day = MONTHS[month_name], int(day)
    for year in (anchor.year, anchor.year + (1 if future else -1)):
        try:
            candidate = date(year, month, day)
        except ValueError:
            return None
        if (candidate >= anchor) if future else (candidate <= anchor):
            return _day(candidate)
    return None


def _ago(match: re.Match, anchor: date, future: bool) -> tuple[str, str]:
    amount = int(match.group(1)) if match.group(1).isdigit() else NUMBER_WORDS[match.group(1)]
    unit = match.group(2)
    if unit == "day":
        return _day(anchor - timedelta(days=amount))
    if unit == "week":
        return _week(anchor - timedelta(weeks=amount))
    if unit == "month":
        return _month(*_shift_months(anchor, -amount))
    return str(anchor.year - amount), "year"


def _weekday(match: re.Match, anchor: date, future: bool) -> tuple[str, str]:
    modifier, weekday = match.group(1), WEEKDAYS.index(match.group(2))
    back = (anchor.weekday() - weekday) % 7
    ahead = (weekday - anchor.weekday()) % 7
    if modifier == "last" or modifier == "past":
        return _day(anchor - timedelta(days=back or 7))
    if modifier in ("next", "coming"):
        return _day(anchor + timedelta(days=ahead or 7))
    return _day(anchor + timedelta(days=ahead) if future else anchor - timedelta(days=back))


def _relative_period(match: re.Match, anchor: date, future: bool) -> tuple[str, str]:
    modifier, unit = match.group(1), match.group(2)
    step = {"last": -1, "this": 0, "next": 1, "coming": 1}[modifier]
    if unit == "weekend":
        return _week(_weekend(anchor, step, future))
    if unit == "week":
        return _week(anchor + timedelta(weeks=step))
    if unit == "month":
        return _month(*_shift_months(anchor, step))
    return str(anchor.year + step), "year"


def _weekend(anchor: date, step: int, future: bool) -> date:
    """The Saturday of the weekend meant: "this weekend" is the one under way, else the
    one just past (or, in a future clause, the coming one)."""
    if anchor.weekday() >= 5 and step == 0:
        return anchor - timedelta(days=anchor.weekday() - 5)
    past = anchor - timedelta(days=(anchor.weekday() - 5) % 7)
    if step < 0:
        return past if anchor.weekday() < 5 else past - timedelta(weeks=1)
    if step > 0 or future:
        return past + timedelta(weeks=1)
    return past


def _bare_month(match: re.Match, anchor: date, future: bool) -> tuple[str, str]:
    modifier, month = match.group(1), MONTHS[match.group(2)]
    if modifier == "this":
        year = anchor.year
    elif modifier == "last":
        year = anchor.year if month < anchor.month else anchor.year - 1
    elif modifier in ("next", "coming"):
        year = anchor.year if month > anchor.month else anchor.year + 1
    elif future:
        year = anchor.year if month >= anchor.month else anchor.year + 1
    else:
        year = anchor.year if month <= anchor.month else anchor.year - 1
    return _month(year, month)


def _day_word(match: re.Match, anchor: date, future: bool) -> tuple[str, str]:
    return _day(anchor + timedelta(days=DAY_WORDS[match.group(1)]))


def _year(match: re.Match, anchor: date, future: bool) -> tuple[str, str]:
    return match.group(1), "year"


_RELATIVE_RULES = (
    ("month_day", lambda m, a, f: _month_day(m, a, f, month_first=True)),
    ("day_month", lambda m, a, f: _month_day(m, a, f, month_first=False)),
    ("ago", _ago),
    ("day_before_yesterday", lambda m, a, f: _day(a - timedelta(days=2))),
    ("last_night", lambda m, a, f: _day(a - timedelta(days=1))),
    ("this_part", lambda m, a, f: _day(a)),
    ("weekday", _weekday),
    ("day_word", _day_word),
    ("relative_period", _relative_period),
    ("clock", lambda m, a, f: _day(a)),
    ("month", _bare_month),
    ("year", _year),
)


# --------------------------------------------------------------------------- attachment


def date_for(span: Span | Token, refs: list[TimeRef]) -> TimeRef | None:
    """The time reference of the span's clause: one in the same sentence, preferring
    one the parse attaches to the span's root verb (directly, as "last week" or
    "Thursday" are, or through "on", "in", "since", ...), then a resolved one, then
    the nearest."""
    span = _as_span(span)
    sentence = span.sent
    candidates = [r for r in refs if sentence.start_char <= r.start and r.end <= sentence.end_char]
    if not candidates:
        return None
    verb = governing_verb(span.root)
    return min(candidates, key=lambda r: (
        not _attached(span.doc, r.start, r.end, verb),
        r.date is None,
        _distance(span, r.start, r.end),
    ))


def _as_span(span: Span | Token) -> Span:
    return span.doc[span.i:span.i + 1] if isinstance(span, Token) else span


def _attached(doc: Doc, start: int, end: int, verb: Token | None) -> bool:
    if verb is None:
        return False
    piece = doc.char_span(start, end, alignment_mode="expand")
    return piece is not None and governing_verb(piece.root) == verb


def _distance(span: Span, start: int, end: int) -> int:
    if end <= span.start_char:
        return span.start_char - end
    if start >= span.end_char:
        return start - span.end_char
    return 0
