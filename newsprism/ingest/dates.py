"""Publication dates to ISO 8601."""

from __future__ import annotations

from datetime import datetime

import dateparser

_SETTINGS = {"PREFER_DAY_OF_MONTH": "first", "RETURN_AS_TIMEZONE_AWARE": False}


def normalise_date(value: str) -> str | None:
    """ISO 8601 for a date given in any common form; None when it is not a date.

    A bare date stays a date ("2014-06-14"); a timestamp keeps its time and offset.
    """
    value = value.strip()
    if not value:
        return None
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
