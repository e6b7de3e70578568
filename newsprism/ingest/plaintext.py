"""Plain text copied from a news page: the clean body, and the title, byline, date and
outlet when the text shows them.

Two kinds of rules. Cues that differ from site to site (share prompts, photo credits,
"Related" blocks, "Source: X", "By X", ...) are regular expressions in
``newsprism/data/boilerplate.txt``, which users can read and extend. Rules about the shape
of a page are code: the first substantive line is the headline unless it is a date or a
breadcrumb; a breadcrumb's last step is the headline; short name-shaped lines near the top
are the byline; short lines that occur twice are headline or caption copies; blocks at
the edges in another language than the article's are page furniture.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from importlib.resources import files
from pathlib import Path

import dateparser
from py3langid.langid import MODEL_FILE, LanguageIdentifier

from newsprism.ingest.dates import settle_day_month


@dataclass(slots=True)
class PlainText:
    text: str  # clean body: paragraphs joined by "\n\n"
    title: str | None
    authors: list[str]
    published: str | None  # ISO 8601 date, or datetime with offset when time and zone are shown
    outlet: str | None


@dataclass(slots=True, frozen=True)
class BoilerplateRules:
    """Compiled rules of a boilerplate file (see newsprism/data/boilerplate.txt)."""

    drop: tuple[re.Pattern[str], ...]
    tail: tuple[re.Pattern[str], ...]
    outlet: tuple[re.Pattern[str], ...]
    byline: tuple[re.Pattern[str], ...]
    date: tuple[re.Pattern[str], ...]
    title: tuple[re.Pattern[str], ...]
    home: tuple[re.Pattern[str], ...]
    notname: re.Pattern[str]


_GROUP_OF_KIND = {"outlet": "outlet", "byline": "authors", "date": "date", "title": "title"}
_KINDS = ("drop", "tail", "outlet", "byline", "date", "title", "home", "notname")

_DROP_MAX_WORDS = 40  # furniture is short; an article paragraph is never dropped by a pattern
_OUTLET_MAX_WORDS = 25
_META_MAX_WORDS = 16  # byline and date lines
_TITLE_MAX_WORDS = 30
_CAPTION_MAX_WORDS = 30
_WRAP_COLUMNS = (60, 100)
_HEADER_LINES = 12  # headline, standfirst, byline and date live in the first lines...
_PARAGRAPH_WORDS = 40  # ...before the first long paragraph
_FOOTER_LINES = 3
_PROSE_MIN_WORDS = 12
_TAIL_FROM = 0.5  # a "Related"-style marker cuts the rest only in the second half
_FOREIGN_MIN_LETTERS = 20
_LANGUAGE_MIN_PROB = 0.9
_FOREIGN_MIN_PROB = 0.9
_MAX_NAME_TOKENS = 5
_NAME_PARTICLES = frozenset(
    "al el bin ibn bint de da di du del della der den van von la le ter ten y".split()
)
_BREADCRUMB_SEPARATOR = re.compile(r"\s+(?:/|>|»|›|→)\s+")
_META_SEPARATOR = re.compile(r"\s+[|•·]\s+")
_DATE_THEN_BY = re.compile(r"\s+(?=by:?\s)", re.IGNORECASE)
_AUTHOR_SEPARATOR = re.compile(r"\s*(?:,|;|&|\band\b)\s*", re.IGNORECASE)
_LOCATION_SUFFIX = re.compile(r"\s+in\s+[A-Z][\w'’. -]*$")
_CONTRACTION = re.compile(r"['’](?:s|t|re|ll|ve|d|m)$", re.IGNORECASE)  # Don't, It's
_HANDLE_OR_EMAIL = re.compile(r"\S*@\S+")
_SHOWN_TIME = re.compile(r"\d{1,2}[:.]\d{2}|\d\s*[ap]\.?m\b", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?:;。！？][\"'”’)]?$")
_FULL_STOP_END = re.compile(r"(?<!\.\.)[.:;,。][\"'”’)]?$")  # headlines may end in ? or !
_TRAILING_YEAR = re.compile(r"[\s,]*\b(?:19|20)\d{2}\b.*$")
_ELLIPSIS = ("…", "...")
_OUTLET_CONNECTORS = frozenset("of the and & for on in de al la le du des el y und di".split())
_DOMAIN = re.compile(r"[\w-]+(?:\.[\w-]+)+")
_DATE_SETTINGS = {
    "PARSERS": ["custom-formats", "absolute-time"],  # no "2 hours ago", no bare timestamps
    "REQUIRE_PARTS": ["day", "month", "year"],
}


def parse_plaintext(text: str, rules: BoilerplateRules | None = None) -> PlainText:
    """Split plain article text into clean body, title, authors, date and outlet."""
    rules = rules or default_rules()
    lines = _paragraphs(text)
    outlet = _outlet(lines, rules)
    title_cue = _first_group(lines, rules.title, "title", _TITLE_MAX_WORDS + 5)
    lines = _cut_tail(lines, rules)
    lines = [line for line in lines if not _is_furniture(line, rules)]
    language = _language(" ".join(lines))
    lines = _drop_foreign_edges(lines, language)
    header = _read_header(lines, rules, title_cue, language)
    lines = [line for i, line in enumerate(lines) if i not in header.consumed]
    lines = _drop_repeats(lines, header.title)
    footer = _read_footer(lines, rules, language)
    lines = lines[: len(lines) - footer.consumed_count]
    title, site = _split_site_suffix(header.title)
    body = "\n\n".join(lines)
    return PlainText(
        text=body,
        title=title,
        authors=_unique(header.authors or footer.authors),
        published=_iso_date(header.published or footer.published, language, body),
        outlet=outlet or site,
    )


def load_rules(path: Path | str) -> BoilerplateRules:
    """Read a boilerplate file: one `kind: pattern` per line, `#` comments."""
    by_kind: dict[str, list[re.Pattern[str]]] = {kind: [] for kind in _KINDS}
    names: list[str] = []
    for number, raw in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        kind, _, pattern = line.partition(":")
        kind, pattern = kind.strip(), pattern.strip()
        if kind not in by_kind or not pattern:
            raise ValueError(f"{path}:{number}: expected 'kind: pattern' with kind in {_KINDS}")
        if kind == "notname":
            names.append(pattern)
            continue
        compiled = re.compile(pattern, re.IGNORECASE)
        group = _GROUP_OF_KIND.get(kind)
        if group and group not in compiled.groupindex:
            raise ValueError(f"{path}:{number}: a {kind} rule needs a (?P<{group}>...) group")
        by_kind[kind].append(compiled)
    notname = re.compile("|".join(f"(?:{name})" for name in names) or r"(?!)", re.IGNORECASE)
    return BoilerplateRules(
        **{kind: tuple(patterns) for kind, patterns in by_kind.items() if kind != "notname"},
        notname=notname,
    )


@lru_cache(maxsize=1)
def default_rules() -> BoilerplateRules:
    return load_rules(Path(str(files("newsprism") / "data" / "boilerplate.txt")))


# --- lines --------------------------------------------------------------------------


def _paragraphs(text: str) -> list[str]:
    """Non-empty lines with whitespace collapsed; hard-wrapped paragraphs re-joined."""
    lines = [" ".join(line.replace("\u200b", "").split()) for line in text.splitlines()]
    width = _wrap_width(lines)
    if width:
        lines = _join_wrapped(lines, width)
    return [line for line in lines if line]


def _wrap_width(lines: list[str]) -> int | None:
    """The column a hard-wrapped text breaks at, or None when lines are paragraphs.
    In wrapped prose nearly every line followed by another line of the same paragraph
    ends close to the same column, and many of the next lines go on in lower case."""
    pairs = [(line, after) for line, after in zip(lines, lines[1:]) if line and after]
    if len(pairs) < 3:
        return None
    width = max(len(line) for line, _ in pairs)
    near_width = sum(len(line) >= 0.75 * width for line, _ in pairs)
    lower_next = sum(after[:1].islower() for _, after in pairs)
    wrapped = near_width >= 0.7 * len(pairs) and lower_next >= 0.3 * len(pairs)
    return width if _WRAP_COLUMNS[0] <= width <= _WRAP_COLUMNS[1] and wrapped else None


def _join_wrapped(lines: list[str], width: int) -> list[str]:
    joined: list[str] = []
    previous = ""
    for line in lines:
        if line and joined and joined[-1] and len(previous) >= 0.6 * width:
            joined[-1] += " " + line
        else:
            joined.append(line)
        previous = line
    return joined


def _words(line: str) -> int:
    return len(line.split())


def _key(line: str) -> str:
    """Comparison key: letters and digits only, case-folded."""
    return "".join(char for char in line.casefold() if char.isalnum())


def _same(line: str, title: str) -> bool:
    """Same text up to case and punctuation; a title cut short with "…" matches its start."""
    title_key = _key(title)
    if not title_key:
        return False
    if title.endswith(_ELLIPSIS):
        return _key(line).startswith(title_key)
    return _key(line) == title_key


def _unique(items: list[str]) -> list[str]:
    return list(dict.fromkeys(items))


# --- furniture ----------------------------------------------------------------------


def _first_group(
    lines: list[str], patterns: Iterable[re.Pattern[str]], group: str, max_words: int
) -> str | None:
    """The named group of the first pattern (in file order) that matches a short line."""
    for pattern in patterns:
        for line in lines:
            match = pattern.search(line) if _words(line) <= max_words else None
            if match and match.group(group).strip():
                return match.group(group).strip()
    return None


def _outlet(lines: list[str], rules: BoilerplateRules) -> str | None:
    for pattern in rules.outlet:
        for line in lines:
            name = _outlet_in(line, pattern, rules)
            if name:
                return name
    return None


def _outlet_in(line: str, pattern: re.Pattern[str], rules: BoilerplateRules) -> str | None:
    match = pattern.search(line) if _words(line) <= _OUTLET_MAX_WORDS else None
    if not match:
        return None
    name = _TRAILING_YEAR.sub("", match.group("outlet")).strip(" .,;:-–—|\"'“”")
    name = name.removeprefix("the ")
    return name if _is_outlet_name(name) and not _is_section_label(name, rules) else None


def _is_outlet_name(name: str) -> bool:
    """Capitalised words ("Foreign Policy", "The New York Times") or a domain name."""
    words = name.split()
    if not 1 <= len(words) <= 6 or words[0].lower() in _OUTLET_CONNECTORS - {"the"}:
        return False
    return _is_outlet_word(words[0]) and all(
        _is_outlet_word(word) or word.lower() in _OUTLET_CONNECTORS for word in words
    )


def _is_outlet_word(word: str) -> bool:
    return word[:1].isupper() or word[:1].isdigit() or bool(_DOMAIN.fullmatch(word))


def _cut_tail(lines: list[str], rules: BoilerplateRules) -> list[str]:
    """Cut at the first "Related"/"Read more"-style marker in the second half that is
    followed only by teasers (headlines, blurbs cut short "..."); a marker followed by
    a prose paragraph is an inline link, and only that line goes (see _is_furniture)."""
    total = sum(len(line) for line in lines)
    offset = 0
    for i, line in enumerate(lines):
        if (
            offset >= _TAIL_FROM * total
            and _matches(line, rules.tail)
            and not any(_is_prose(after) for after in lines[i + 1 :])
        ):
            return lines[:i]
        offset += len(line)
    return lines


def _is_prose(line: str) -> bool:
    return (
        _words(line) >= _PROSE_MIN_WORDS
        and bool(_SENTENCE_END.search(line))
        and not line.endswith(_ELLIPSIS)
    )


def _matches(line: str, patterns: Iterable[re.Pattern[str]]) -> bool:
    return any(pattern.search(line) for pattern in patterns)


def _is_furniture(line: str, rules: BoilerplateRules) -> bool:
    if not any(char.isalnum() for char in line):  # separators: "* * *", "___"
        return True
    if _words(line) <= _DROP_MAX_WORDS and _matches(line, rules.drop + rules.tail):
        return True
    return any(_outlet_in(line, pattern, rules) for pattern in rules.outlet)


# --- language -----------------------------------------------------------------------


@lru_cache(maxsize=1)
def _identifier() -> LanguageIdentifier:
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def _language(text: str) -> str | None:
    """ISO 639-1 code by py3langid (Lui & Baldwin 2012, langid.py), when it is sure."""
    if not text.strip():
        return None
    found, probability = _identifier().classify(text)
    return found if probability >= _LANGUAGE_MIN_PROB else None


def _scripts(text: str) -> Counter[str]:
    """Letters per Unicode script, named by the first word of the character name."""
    return Counter(
        unicodedata.name(char, "?").split(" ")[0] for char in text if char.isalpha()
    )


def _drop_foreign_edges(lines: list[str], language: str | None) -> list[str]:
    """Drop leading and trailing lines in another language or script than the article:
    teasers of a site's other editions, navigation in the site's own language."""
    counts = _scripts(" ".join(lines))
    total = sum(counts.values())
    article_scripts = {script for script, n in counts.items() if n >= 0.1 * total}
    start, end = 0, len(lines)
    while start < end and _is_foreign(lines[start], language, article_scripts):
        start += 1
    while end > start and _is_foreign(lines[end - 1], language, article_scripts):
        end -= 1
    return lines[start:end]


def _is_foreign(line: str, language: str | None, article_scripts: set[str]) -> bool:
    counts = _scripts(line)
    if not counts:
        return False
    if counts.most_common(1)[0][0] not in article_scripts:
        return True
    if language is None or sum(counts.values()) < _FOREIGN_MIN_LETTERS:
        return False
    found, probability = _identifier().classify(line)
    return found != language and probability >= _FOREIGN_MIN_PROB


# --- header and footer --------------------------------------------------------------


@dataclass(slots=True)
class _Header:
    title: str | None
    authors: list[str] = field(default_factory=list)
    published: str | None = None
    consumed: set[int] = field(default_factory=set)
    title_seen: bool = False  # the headline line itself has been passed


@dataclass(slots=True)
class _Footer:
    authors: list[str] = field(default_factory=list)
    published: str | None = None
    consumed_count: int = 0


@dataclass(slots=True)
class _Meta:
    """What a byline/date line says."""

    authors: list[str] = field(default_factory=list)
    published: str | None = None  # the date as written


def _read_header(
    lines: list[str], rules: BoilerplateRules, title_cue: str | None, language: str | None
) -> _Header:
    """Walk the lines above the first long paragraph: section label, breadcrumb, date,
    headline (and its copies), byline. Other lines (standfirst, captions) stay."""
    header = _Header(title=title_cue)
    for i, line in enumerate(lines[:_HEADER_LINES]):
        if _words(line) >= _PARAGRAPH_WORDS:
            break
        next_line = lines[i + 1] if i + 1 < len(lines) else ""
        # A byline without "By" sits next to the headline or a date line.
        next_is_date = _date(next_line, rules, language) is not None
        lone_names = header.title_seen and (i - 1 in header.consumed or next_is_date)
        if _take_header_line(header, line, next_line, rules, language, lone_names):
            header.consumed.add(i)
    return header


def _take_header_line(
    header: _Header,
    line: str,
    next_line: str,
    rules: BoilerplateRules,
    language: str | None,
    lone_names: bool,
) -> bool:
    """Record what a header line says; False when it belongs to the body."""
    if not header.title_seen:
        crumbs = _breadcrumb(line, next_line, rules)
        if crumbs is not None:
            if header.title is None and _words(crumbs[-1]) >= 3:
                header.title = crumbs[-1]
            return True
    if header.title and _same(line, header.title):
        if header.title.endswith(_ELLIPSIS):
            header.title = line
        header.title_seen = True
        return True
    meta = _meta(line, rules, language, lone_names)
    if meta is not None:
        header.authors += meta.authors
        header.published = header.published or meta.published
        return True
    if not header.title_seen and _is_section_label(line, rules):
        return True
    if header.title is None and _is_title_like(line):
        header.title, header.title_seen = line, True
        return True
    return False


def _read_footer(lines: list[str], rules: BoilerplateRules, language: str | None) -> _Footer:
    """Bylines and dates given after the article ("By X", "Published 14 June 2014")."""
    footer = _Footer()
    for line in reversed(lines[-_FOOTER_LINES:]):
        meta = _meta(line, rules, language, lone_names=False)
        if meta is None:
            break
        footer.authors = meta.authors + footer.authors
        footer.published = meta.published or footer.published
        footer.consumed_count += 1
    return footer


def _is_section_label(line: str, rules: BoilerplateRules) -> bool:
    """A line above the headline made only of section words ("Middle East", "Opinion")."""
    return _words(line) <= 4 and all(_is_notname(token, rules) for token in line.split())


def _is_title_like(line: str) -> bool:
    """Headlines are short and end unlike a prose sentence (with a full stop) unless
    they are in Title Case."""
    return (
        2 <= _words(line) <= _TITLE_MAX_WORDS
        and any(char.isalpha() for char in line)
        and (not _FULL_STOP_END.search(line) or _is_title_case(line))
    )


def _is_title_case(line: str) -> bool:
    long_words = [word for word in line.split() if len(word) >= 4]
    capitalised = sum(word[:1].isupper() for word in long_words)
    return bool(long_words) and capitalised >= 0.8 * len(long_words)


def _breadcrumb(line: str, next_line: str, rules: BoilerplateRules) -> list[str] | None:
    """Steps of a breadcrumb, or None: "Home / World / Headline", or three or more steps
    whose last one the next line repeats ("World > Asia > Headline" above "Headline")."""
    steps = _BREADCRUMB_SEPARATOR.split(line)
    if len(steps) < 2:
        return None
    from_home = any(pattern.fullmatch(steps[0]) for pattern in rules.home)
    repeated = len(steps) >= 3 and _same(next_line, steps[-1])
    return steps if from_home or repeated else None


def _split_site_suffix(title: str | None) -> tuple[str | None, str | None]:
    """"Headline | Site" → ("Headline", "Site") when the last part is short."""
    if title is None or " | " not in title:
        return title, None
    head, site = title.rsplit(" | ", 1)
    return (head, site) if _words(site) <= 4 else (title, None)


def _meta(
    line: str, rules: BoilerplateRules, language: str | None, lone_names: bool
) -> _Meta | None:
    """Authors and date of a byline/date line, or None when any part of it is neither.
    Name-shaped parts without "By" count as authors only when `lone_names`."""
    if _words(line) > _META_MAX_WORDS:
        return None
    meta = _Meta()
    for part in _META_SEPARATOR.split(line):
        found = _meta_part(part, rules, language, lone_names)
        if found is None:
            return None
        meta.authors += found.authors
        meta.published = meta.published or found.published
    return meta


def _meta_part(
    part: str, rules: BoilerplateRules, language: str | None, lone_names: bool
) -> _Meta | None:
    """A byline, a date, or a date then a byline ("Posted on 14 June 2014 by X")."""
    authors = _byline(part, rules, lone_names)
    if authors:
        return _Meta(authors=authors)
    published = _date(part, rules, language)
    if published:
        return _Meta(published=published)
    pieces = _DATE_THEN_BY.split(part, maxsplit=1)
    if len(pieces) < 2:
        return None
    published, authors = _date(pieces[0], rules, language), _byline(pieces[1], rules, False)
    return _Meta(authors=authors, published=published) if published and authors else None


def _byline(part: str, rules: BoilerplateRules, lone_names: bool) -> list[str] | None:
    for pattern in rules.byline:
        match = pattern.search(part)
        if match:
            return _authors(match.group("authors"), rules, min_tokens=1)
    return _authors(part, rules, min_tokens=2) if lone_names else None


def _authors(text: str, rules: BoilerplateRules, min_tokens: int) -> list[str] | None:
    """Names in a byline ("A and B, Staff Writer"), or None if a part is not a name.
    Parts made only of job or section words are skipped."""
    names = []
    for part in _AUTHOR_SEPARATOR.split(_HANDLE_OR_EMAIL.sub("", text)):
        part = _LOCATION_SUFFIX.sub("", part).strip(" .:-–—")
        if not part or all(_is_notname(token, rules) for token in part.split()):
            continue
        if not _is_name(part, rules, min_tokens):
            return None
        names.append(part)
    return names or None


def _is_name(text: str, rules: BoilerplateRules, min_tokens: int) -> bool:
    """Capitalised words with name particles inside, no digits, no section words."""
    tokens = text.split()
    if not min_tokens <= len(tokens) <= _MAX_NAME_TOKENS:
        return False
    if any(_is_notname(token, rules) for token in tokens):
        return False
    inner = tokens[1:-1]
    return (
        all(_is_name_word(token) for token in (tokens[0], tokens[-1]))
        and all(_is_name_word(token) or token.lower() in _NAME_PARTICLES for token in inner)
    )


def _is_notname(token: str, rules: BoilerplateRules) -> bool:
    return bool(rules.notname.fullmatch(token.strip(".,:;'’\"")))


def _is_name_word(token: str) -> bool:
    particle, _, rest = token.partition("-")
    if particle.lower() in _NAME_PARTICLES and rest:  # al-Assad
        token = rest
    return (
        token[:1].isupper()
        and all(char.isalpha() or char in "'’.-" for char in token)
        and not _CONTRACTION.search(token)
    )


def _date(part: str, rules: BoilerplateRules, language: str | None) -> str | None:
    """The date of a date line as written, when dateparser reads an absolute date in it."""
    for pattern in rules.date:
        match = pattern.search(part)
        if match:
            part = match.group("date")
            break
    if not any(char.isdigit() for char in part):
        return None
    return part if _parse_date(part, language) is not None else None


def _iso_date(written: str | None, language: str | None, body: str) -> str | None:
    """ISO 8601 of a date as written: a date, or a timestamp when it shows a time and zone.
    A day/month date that reads both ways is settled by the body (`settle_day_month`)."""
    if written is None:
        return None
    settled = settle_day_month(written, body)
    if settled:
        return settled.isoformat()
    parsed = _parse_date(written, language)
    if parsed.tzinfo is not None and _SHOWN_TIME.search(written):
        return parsed.isoformat()
    return parsed.date().isoformat()


@lru_cache(maxsize=256)  # a date line is parsed to find it, then again to write it out
def _parse_date(text: str, language: str | None) -> datetime | None:
    languages = list(dict.fromkeys([language or "en", "en"]))
    try:
        return dateparser.parse(text, languages=languages, settings=_DATE_SETTINGS)
    except ValueError:  # a language dateparser does not know
        return dateparser.parse(text, languages=["en"], settings=_DATE_SETTINGS)


# --- repeats ------------------------------------------------------------------------


def _drop_repeats(lines: list[str], title: str | None) -> list[str]:
    """Copies of the headline go. A short line seen twice is a caption (image alt text
    next to its caption) or a teaser link, and all its copies go, unless its copies are
    apart and it ends like a sentence: then, like a repeated long paragraph, it keeps its
    first copy."""
    keys = [_key(line) for line in lines]
    counts = Counter(keys)
    adjacent = {a for a, b in zip(keys, keys[1:]) if a == b}
    kept: list[str] = []
    seen: set[str] = set()
    for line, key in zip(lines, keys):
        caption = counts[key] > 1 and _words(line) <= _CAPTION_MAX_WORDS and (
            key in adjacent or not _SENTENCE_END.search(line)
        )
        if not caption and key not in seen and not (title and _same(line, title)):
            kept.append(line)
        seen.add(key)
    return kept
