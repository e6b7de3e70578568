"""Publication dates to ISO 8601."""

from __future__ import annotations

import re
from datetime import date, datetime

import dateparser

_SETTINGS = {"PREFER_DAY_OF_MONTH": "first", "RETURN_AS_TIMEZONE_AWARE": False}
_NUMERIC_DATE = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})")


def normalise_date(value: str, context: str = "") -> str | None:
    """ISO 8601 for a date given in any common form; None when it is not a date.

    A bare date stays a date ("2014-06-14"); a timestamp keeps its time and offset.
    A numeric date that reads both ways ("10/04/2025") is settled by `context`, the
    article's text: see `settle_day_month`.
    """
    value = value.strip()
    if not value:
        return None
    settled = settle_day_month(value, context)
    if settled:
        return settled.isoformat()
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        parsed = dateparser.parse(value, languages=["en"], settings=_SETTINGS)
        if parsed is None:
            return None
        has_time = any(ch.isdigit() for ch in value.split()[-1]) and ":" in value
        return parsed.isoformat() if has_time else parsed.date().isoformat()
    if len(value) <= 10:
        return parsed.date().isoformat()
    return parsed.isoformat()


def settle_day_month(value: str, context: str) -> date | None:
    """The one reading of an ambiguous day/month date that the text itself supports.

    Only for a bare numeric date whose first two parts could each be the month. The
    reading whose month name the text uses wins; failing that, the one whose weekday it
    names ("As I write on Thursday morning"). None when the text supports both or neither,
    and the usual (month-first) reading stands.
    """
    match = _NUMERIC_DATE.fullmatch(value)
    if not match or not context:
        return None
    first, second, year = (int(part) for part in match.groups())
    if first == second or first > 12 or second > 12:
        return None
    readings = [date(year, first, second), date(year, second, first)]
    words = set(re.findall(r"[a-z]+", context.lower()))
    for name_of in (lambda d: d.strftime("%B"), lambda d: d.strftime("%A")):
        named = [d for d in readings if name_of(d).lower() in words]
        if len(named) == 1:
            return named[0]
    return None
