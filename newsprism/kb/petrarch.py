"""PETRARCH actor dictionaries as a newsprism user actor file.

    python -m newsprism.kb.petrarch ACTORS.txt [AGENTS.txt] -o actors.jsonl [--on YYYYMMDD]
    newsprism analyze --actors actors.jsonl --replace-actors ...

The format is PETRARCH's (openeventdata/petrarch2, ``docs/source/dictionaries.rst``,
itself TABARI's, chapter 5 of the TABARI manual):

- An actor record is a primary phrase with an optional ``[CODE]``, then synonym lines
  ``+PHRASE``, then code lines ``[CODE]`` or ``[CODE restriction]`` (indented with a
  tab in PETRARCH) where the restriction is ``<date``, ``>date`` or ``date-date``,
  dates being YYYYMMDD or YYMMDD (YY 00-30 is 20YY, else 19YY) and the limits
  inclusive. A code line without a restriction, like the primary phrase's code, is
  the default code.
- The words of a phrase are joined by ``_`` (must be adjacent) or blanks (PETRARCH
  lets other words come between). newsprism matches names as written, so both are
  read as a space; a final ``_`` is dropped.
- Comments: ``#`` or ``;`` to the end of the line (a ``#`` inside ``[...]`` is part of
  the code), ``<!-- ... -->`` on one line or several, and lines opening with ``<!``.
  A ``---STOP---`` line ends the file.
- An agent line is ``PHRASE {PLURALS} [~CODE]`` or ``[CODE~]``; ``!MARKER! = A, B``
  defines a set substituted wherever ``!MARKER!`` appears in a later phrase.

Each actor record becomes one :class:`~newsprism.kb.KBEntry`:

- ``name``: the primary phrase in title case ("NORTH_KOREA" -> "North Korea"); words
  with a full stop or no vowel, and single words of up to three letters, stay in
  capitals ("U.S.", "IMF", "The AU"); phrases already in mixed case are kept.
  ``aliases``: the synonyms, recased the same way. ``id``: the slug of the name
  (``-2``, ``-3`` ... on a repeat).
- The code: with ``on``, the first restricted code in effect on that date, else the
  default; without ``on``, the default code, else the restricted code in effect
  last (open-ended first). Null codes (``---``: no letters) give no country; of
  alternative codes (``AAA/BBB``) the first is used.
- ``country``: the code's first three letters, which for non-state actors are
  CAMEO's actor type (``IGO``, ``NGO``) rather than an ISO country.
- ``kind``: from CAMEO's actor codes (Schrodt 2012, *CAMEO Conflict and Mediation
  Event Observations Event and Actor Codebook*): a non-state primary code (``IGO`` igo, ``NGO`` organization, ``IMG``
  armed group, ...); else the last known role in the rest of the code (``GOV``
  government, ``MIL`` and ``REB`` armed group, ``MED`` media, ...); else a plain
  three-letter code is a country, anything else "other".
- With an agents file, a primary phrase that opens with an agent's phrase whose code
  follows the actor's (``PRESIDENT [~GOV]``) and goes on with a name of two or more
  words is a person: "PRESIDENT_JANE_DOE [FRDGOV]" -> name "Jane Doe", role
  "President", kind person.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from newsprism.kb import KBEntry, KBError, slugify, write_entries

PRIMARY_KINDS = {
    "IGO": "igo", "NGO": "organization", "NGM": "organization", "MNC": "organization",
    "IMG": "armed_group", "UIS": "other",
}
ROLE_KINDS = {
    **dict.fromkeys(("GOV", "COP", "JUD", "LEG", "SPY"), "government"),
    **dict.fromkeys(("MIL", "REB", "INS", "SEP", "UAF", "IMG"), "armed_group"),
    "MED": "media",
    "IGO": "igo",
    **dict.fromkeys(
        ("NGO", "NGM", "MNC", "BUS", "OPP", "PTY", "HRI", "LAB", "EDU", "HLH", "DEV", "ENV", "AGR"),
        "organization",
    ),
}
CONNECTORS = frozenset("of the and for in on at to de du des del da di la le al el bin ibn van von".split())
VOWELS = frozenset("aeiouy")
STOP_LINE = "---STOP---"

_COMMENT_RE = re.compile(r"<!--.*?-->|[#;](?![^\[]*\]).*$")
_MARKER_DEF_RE = re.compile(r"^!(\w+)!\s*=(.*)$")
_MARKER_RE = re.compile(r"!(\w+)!")
_WORD_SEP_RE = re.compile(r"[\s_]+")
_BRACKET_RE = re.compile(r"\[([^\]]*)\]")


@dataclass(slots=True)
class DatedCode:
    """One code of an actor and the dates (YYYYMMDD, inclusive) it applies between."""

    code: str | None  # None for a null code ("---")
    after: str | None = None
    before: str | None = None

    @property
    def restricted(self) -> bool:
        return self.after is not None or self.before is not None

    def applies(self, day: str) -> bool:
        return (self.after is None or day >= self.after) and (self.before is None or day <= self.before)


@dataclass(slots=True)
class PetrarchActor:
    phrases: list[list[str]]  # words of the primary phrase, then of each synonym
    codes: list[DatedCode] = field(default_factory=list)


@dataclass(slots=True)
class PetrarchAgent:
    words: list[str]
    code: str
    follows_actor: bool  # "[~GOV]": the agent's code is added after the actor's


# --------------------------------------------------------------------------- reading


def _content_lines(path: Path) -> Iterator[tuple[int, str]]:
    """(line number, line without comments) for every line with content."""
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError as err:
        raise KBError(f"{path}: cannot read: {err}") from err
    in_comment = False
    for number, line in enumerate(text.splitlines(), start=1):
        if in_comment or line.lstrip().startswith("<!"):
            in_comment = "-->" not in line
            continue
        if STOP_LINE in line:
            return
        line = _COMMENT_RE.sub("", line).rstrip()
        if line.strip():
            yield number, line


def _words(phrase: str) -> list[str]:
    return [word for word in _WORD_SEP_RE.split(phrase) if word]


def _date(text: str, where: str) -> str:
    digits = text.strip()
    if not digits.isdigit() or len(digits) not in (6, 8):
        raise KBError(f"{where}: date {text.strip()!r} is not YYYYMMDD or YYMMDD")
    if len(digits) == 6:
        century = "20" if int(digits[:2]) <= 30 else "19"
        digits = century + digits
    return digits


def _code(text: str) -> str | None:
    first = text.split("/")[0].strip().upper()
    return first if any(ch.isalnum() for ch in first) else None


def _dated_code(bracketed: str, where: str) -> DatedCode:
    inside = bracketed.strip().removeprefix("[").partition("]")[0].strip()
    code, _, restriction = inside.partition(" ")
    restriction = restriction.strip()
    if not code:
        raise KBError(f"{where}: empty code")
    if not restriction:
        return DatedCode(_code(code))
    if restriction[0] == "<":
        return DatedCode(_code(code), before=_date(restriction[1:], where))
    if restriction[0] == ">":
        return DatedCode(_code(code), after=_date(restriction[1:], where))
    start, dash, end = restriction.partition("-")
    if not dash:
        raise KBError(f"{where}: cannot read the date restriction {restriction!r}")
    return DatedCode(_code(code), after=_date(start, where), before=_date(end, where))


def read_actor_dictionary(path: str | Path) -> list[PetrarchActor]:
    """The actor records of a PETRARCH actor dictionary, in file order."""
    path = Path(path)
    actors: list[PetrarchActor] = []
    for number, line in _content_lines(path):
        where = f"{path}: line {number}"
        body = line.strip()
        if body.startswith(("[", "+")) and not actors:
            raise KBError(f"{where}: a synonym or code before any actor")
        if body.startswith("["):
            actors[-1].codes.append(_dated_code(body, where))
        elif body.startswith("+"):
            actors[-1].phrases.append(_words(body[1:].partition("[")[0]))
        else:
            phrase, bracket, code = body.partition("[")
            actors.append(PetrarchActor([_words(phrase)]))
            if bracket:
                actors[-1].codes.append(_dated_code(bracket + code, where))
    return actors


def read_agent_dictionary(path: str | Path) -> list[PetrarchAgent]:
    """The agents of a PETRARCH agent dictionary, substitution markers expanded and
    plurals left out."""
    path = Path(path)
    markers: dict[str, list[str]] = {}
    agents: list[PetrarchAgent] = []
    for number, line in _content_lines(path):
        where = f"{path}: line {number}"
        definition = _MARKER_DEF_RE.match(line.strip())
        if definition:
            markers[definition[1]] = [v.strip() for v in definition[2].split(",") if v.strip()]
            continue
        bracketed = _BRACKET_RE.search(line)
        code = bracketed[1].replace(" ", "") if bracketed else ""
        if "~" not in code:
            raise KBError(f"{where}: expected PHRASE [~CODE] or PHRASE [CODE~]")
        phrase = re.split(r"[{\[]", line, maxsplit=1)[0].strip()
        for expanded in _expand_markers(phrase, markers, where):
            agents.append(PetrarchAgent(_words(expanded), code.replace("~", ""), code.startswith("~")))
    return agents


def _expand_markers(phrase: str, markers: dict[str, list[str]], where: str) -> list[str]:
    found = _MARKER_RE.search(phrase)
    if not found:
        return [phrase]
    if found[1] not in markers:
        raise KBError(f"{where}: substitution marker !{found[1]}! is not defined above")
    return [
        expanded
        for value in markers[found[1]]
        for expanded in _expand_markers(phrase[: found.start()] + value + phrase[found.end():], markers, where)
    ]


# --------------------------------------------------------------------------- mapping


def code_on(actor: PetrarchActor, day: str | None = None) -> str | None:
    """The actor's code on ``day`` (YYYYMMDD), or its current code (see the module docstring)."""
    defaults = [c.code for c in actor.codes if not c.restricted]
    restricted = [c for c in actor.codes if c.restricted]
    if day is not None:
        in_effect = next((c for c in restricted if c.applies(day)), None)
        if in_effect is not None:
            return in_effect.code
        return defaults[-1] if defaults else None
    if defaults:
        return defaults[-1]
    latest = max(restricted, key=lambda c: c.before or "99999999", default=None)
    return latest.code if latest else None


def kind_of(code: str | None) -> str:
    """The newsprism kind of a CAMEO actor code (see the module docstring)."""
    if not code:
        return "other"
    if code[:3] in PRIMARY_KINDS:
        return PRIMARY_KINDS[code[:3]]
    roles = [ROLE_KINDS[code[i:i + 3]] for i in range(3, len(code), 3) if code[i:i + 3] in ROLE_KINDS]
    if roles:
        return roles[-1]
    return "country" if len(code) == 3 else "other"


def country_of(code: str | None) -> str | None:
    prefix = (code or "")[:3]
    return prefix if re.fullmatch(r"[A-Z]{3}", prefix) else None


def display_name(words: list[str]) -> str:
    """A dictionary phrase as a name: "NORTH_KOREA" -> "North Korea", "U.S." and "IMF"
    kept, "GROUP OF 77" -> "Group of 77"; a phrase with lower-case letters is kept."""
    if any(ch.islower() for word in words for ch in word):
        return " ".join(words)
    alone = len(words) - (words[0].upper() == "THE") == 1
    return " ".join(_display_word(word, position, alone) for position, word in enumerate(words))


def _display_word(word: str, position: int, alone: bool) -> str:
    lower = word.lower()
    if lower in CONNECTORS:
        return lower.capitalize() if position == 0 else lower
    letters = [ch for ch in lower if ch.isalpha()]
    if "." in word or not VOWELS.intersection(letters) or (alone and len(letters) <= 3):
        return word
    return "-".join(part.capitalize() for part in word.split("-"))


def _split_title(words: list[str], titles: list[list[str]]) -> tuple[list[str], list[str]] | None:
    """(title, name) when the phrase is a title followed by a name of two or more words."""
    upper = [word.upper() for word in words]
    for title in sorted(titles, key=len, reverse=True):
        rest = words[len(title):]
        if upper[: len(title)] == title and len(rest) >= 2 and rest[0].lower() not in CONNECTORS:
            return title, rest
    return None


def _entry(actor: PetrarchActor, titles: list[list[str]], on: str | None) -> KBEntry:
    code = code_on(actor, on)
    primary, *synonyms = actor.phrases
    entry = KBEntry(id="", name=display_name(primary), kind=kind_of(code), country=country_of(code))
    split = _split_title(primary, titles)
    if split is not None:
        title, name = split
        entry.name, entry.role, entry.kind = display_name(name), display_name(title), "person"
    aliases = (display_name(words) for words in synonyms if words)
    entry.aliases = [alias for alias in dict.fromkeys(aliases) if alias != entry.name]
    return entry


def petrarch_to_entries(
    actors_path: str | Path, agents_path: str | Path | None = None, on: str | None = None
) -> list[KBEntry]:
    """The KB entries of a PETRARCH actor dictionary, one per actor record (see the
    module docstring); ``on`` (YYYYMMDD or YYMMDD) picks date-restricted codes."""
    day = _date(on, "on") if on is not None else None
    titles = []
    if agents_path is not None:
        titles = [[w.upper() for w in a.words] for a in read_agent_dictionary(agents_path) if a.follows_actor]
    entries: list[KBEntry] = []
    used: set[str] = set()
    for actor in read_actor_dictionary(actors_path):
        entry = _entry(actor, titles, day)
        slug = slugify(entry.name)
        if not slug:
            continue
        entry.id = _unique(slug, used)
        entries.append(entry)
    return entries


def _unique(slug: str, used: set[str]) -> str:
    candidate, number = slug, 1
    while candidate in used:
        number += 1
        candidate = f"{slug}-{number}"
    used.add(candidate)
    return candidate


# --------------------------------------------------------------------------- command line


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m newsprism.kb.petrarch",
        description="Convert PETRARCH actor (and agent) dictionaries to a newsprism actor file (.jsonl).",
    )
    parser.add_argument("actors", help="PETRARCH actor dictionary")
    parser.add_argument("agents", nargs="?", help="PETRARCH agent dictionary (titles before person names)")
    parser.add_argument("-o", "--output", required=True, help="the .jsonl file to write")
    parser.add_argument("--on", help="YYYYMMDD: use the codes in effect on this date")
    args = parser.parse_args(argv)
    if Path(args.output).suffix.lower() != ".jsonl":
        parser.error("the output file must end in .jsonl")
    try:
        entries = petrarch_to_entries(args.actors, args.agents, args.on)
    except KBError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    write_entries(entries, args.output)
    print(f"{len(entries)} actors written to {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
