"""Bytes to text: byte-order marks, UTF-8/16/32, Windows-1252 vs Latin-1, other
encodings through charset-normalizer, and refusal of binary or empty input.

The returned encoding is the name of a Python codec that decodes the input; the text is
then given "\\n" newlines and Unicode NFC.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from charset_normalizer import from_bytes


class DecodeError(ValueError):
    """The bytes are not a text file; the message says why."""


# Longest first, so that UTF-32 LE (FF FE 00 00) is not taken for UTF-16 LE (FF FE).
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

_MAGIC_NUMBERS = {
    b"\x89PNG\r\n\x1a\n": "PNG image",
    b"\xff\xd8\xff": "JPEG image",
    b"GIF87a": "GIF image",
    b"GIF89a": "GIF image",
    b"%PDF-": "PDF document",
    b"PK\x03\x04": "ZIP archive",
    b"PK\x05\x06": "ZIP archive",
    b"\x1f\x8b": "gzip archive",
    b"\xfd7zXZ\x00": "xz archive",
    b"(\xb5/\xfd": "zstd archive",
    b"7z\xbc\xaf'\x1c": "7-Zip archive",
    b"Rar!\x1a\x07": "RAR archive",
    b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1": "OLE2 (old MS Office) document",
    b"SQLite format 3\x00": "SQLite database",
    b"\x7fELF": "ELF executable",
    b"OggS": "Ogg media",
    b"fLaC": "FLAC audio",
}
_RIFF_FORMATS = {b"WEBP": "WebP image", b"WAVE": "WAV audio", b"AVI ": "AVI video"}

_WINDOWS_1252_ONLY = re.compile(rb"[\x80-\x9f]")
_MAX_CONTROL_RATIO = 0.05
_MAX_NON_ASCII_LETTERS = 0.3  # French, German, Spanish... stay far below
_NUL_HEAVY = 0.3  # share of NULs in a byte column that marks a UTF-16/32 high byte
_NUL_FREE = 0.05
_NEWLINES = ("\r\n", "\r", "\u2028", "\u2029", "\x85")


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode `data` to text; return (text, encoding). Raise DecodeError for non-text."""
    if not data.strip():
        raise DecodeError("empty file")
    _reject_known_binary(data)
    encoding = _bom_encoding(data) or _wide_encoding_from_nuls(data)
    if encoding is None:
        if b"\x00" in data:
            raise DecodeError("binary file (NUL bytes)")
        encoding = _valid(data, "utf-8") or _detected(data)
    try:
        text = _normalise(data.decode(encoding))
    except UnicodeDecodeError as error:  # a detector's guess that does not hold for all bytes
        raise DecodeError("undecodable bytes") from error
    if not text.strip():
        raise DecodeError("empty file")
    if _control_ratio(text) > _MAX_CONTROL_RATIO:
        raise DecodeError("binary file (control characters)")
    return text, encoding


def _reject_known_binary(data: bytes) -> None:
    for magic, kind in _MAGIC_NUMBERS.items():
        if data.startswith(magic):
            raise DecodeError(f"binary file ({kind})")
    if data.startswith(b"RIFF") and data[8:12] in _RIFF_FORMATS:
        raise DecodeError(f"binary file ({_RIFF_FORMATS[data[8:12]]})")


def _bom_encoding(data: bytes) -> str | None:
    """The encoding a byte-order mark announces, if the rest of the bytes agree."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _valid(data, encoding)
    return None


def _wide_encoding_from_nuls(data: bytes) -> str | None:
    """UTF-32 or UTF-16 without a BOM: mostly-ASCII text puts a NUL in the same
    byte columns of every code unit (the high bytes)."""
    for width, little, big in ((4, "utf-32-le", "utf-32-be"), (2, "utf-16-le", "utf-16-be")):
        if len(data) % width:
            continue
        shares = [_nul_share(data[i::width]) for i in range(width)]
        if shares[0] < _NUL_FREE and min(shares[1:]) > _NUL_HEAVY:
            return _valid(data, little)
        if shares[-1] < _NUL_FREE and min(shares[:-1]) > _NUL_HEAVY:
            return _valid(data, big)
    return None


def _nul_share(column: bytes) -> float:
    return column.count(0) / len(column)


def _valid(data: bytes, encoding: str) -> str | None:
    try:
        data.decode(encoding)
    except UnicodeDecodeError:
        return None
    return encoding


def _detected(data: bytes) -> str:
    """Western text first (see _western_name); otherwise charset-normalizer's best
    reading, where among readings it scores equally well (short inputs tie often) a
    Western one wins."""
    if _has_windows_1252_punctuation(data):
        return "cp1252"
    readings = from_bytes(data)
    best = readings.best()
    if best is None:
        raise DecodeError("undecodable bytes")
    tied = [r for r in readings if (r.chaos, r.coherence) == (best.chaos, best.coherence)]
    if any(_reads_as_windows_1252(data, str(reading)) for reading in tied):
        return _western_name(data)
    return codecs.lookup(best.encoding).name


def _has_windows_1252_punctuation(data: bytes) -> bool:
    """Bytes 0x80-0x9F that Windows-1252 reads as punctuation or symbols (curly quotes,
    dashes, ellipsis, euro), in a text whose letters are mostly ASCII (so not Cyrillic
    or Greek code pages, which put punctuation at the same bytes)."""
    high = set(_WINDOWS_1252_ONLY.findall(data))
    if not high:
        return False
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return False
    if any(unicodedata.category(byte.decode("cp1252"))[0] not in "PS" for byte in high):
        return False
    letters = [char for char in text if char.isalpha()]
    return sum(not char.isascii() for char in letters) <= _MAX_NON_ASCII_LETTERS * len(letters)


def _reads_as_windows_1252(data: bytes, detected_text: str) -> bool:
    """Whether Windows-1252 gives the same text as a detected reading; when it does not,
    Cyrillic, Greek or Central European bytes keep their own code page."""
    try:
        return data.decode("cp1252") == detected_text
    except UnicodeDecodeError:
        return False


def _western_name(data: bytes) -> str:
    """Windows-1252 when bytes 0x80-0x9F occur (in Latin-1 they would be control
    characters), else Latin-1."""
    return "cp1252" if _WINDOWS_1252_ONLY.search(data) else "iso8859-1"


def _normalise(text: str) -> str:
    text = text.lstrip("\ufeff")
    for newline in _NEWLINES:
        text = text.replace(newline, "\n")
    return unicodedata.normalize("NFC", text)


def _control_ratio(text: str) -> float:
    controls = sum(
        1 for char in text if unicodedata.category(char) == "Cc" and char not in "\t\n\f\v"
    )
    return controls / len(text)
