import codecs
import gzip
import io
import random
import zipfile

import pytest

from newsprism.ingest.decode import DecodeError, decode_bytes

ENGLISH = "The minister said on Tuesday that talks would resume.\nNo date was set."
WESTERN = "Le ministre a déclaré mardi que les négociations reprendraient à Genève."
RUSSIAN = (
    "Министр заявил во вторник, что переговоры возобновятся в Женеве на следующей неделе. "
    "Дата встречи пока не назначена, сообщили в министерстве. "
    "По словам дипломатов, обе стороны готовы обсудить новые предложения."
)
GREEK = "Ο υπουργός δήλωσε την Τρίτη ότι οι συνομιλίες θα συνεχιστούν στη Γενεύη."
ARABIC = "قال الوزير يوم الثلاثاء إن المحادثات ستستأنف في جنيف الأسبوع المقبل"
JAPANESE = "大臣は火曜日、協議はジュネーブで来週再開されると述べた。"
CHINESE = "部长周二表示，谈判将于下周在日内瓦恢复。"


def test_plain_utf8():
    text = "Talks in Genève resume — “soon”, officials say."
    assert decode_bytes(text.encode("utf-8")) == (text, "utf-8")


@pytest.mark.parametrize(
    ("bom", "codec"),
    [
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
        (codecs.BOM_UTF32_LE, "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be"),
    ],
)
def test_byte_order_marks_are_read_and_removed(bom, codec):
    data = bom + WESTERN.encode(codec)
    text, encoding = decode_bytes(data)
    assert text == WESTERN
    assert data.decode(encoding) == WESTERN  # the name given decodes the input


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_utf16_and_utf32_without_bom_found_from_nul_pattern(codec):
    assert decode_bytes(ENGLISH.encode(codec)) == (ENGLISH, codec)


def test_windows_1252_when_its_punctuation_bytes_occur():
    text = "He said “we’re ready” – and left… for €5"
    data = text.encode("cp1252")
    assert any(0x80 <= byte <= 0x9F for byte in data)
    assert decode_bytes(data) == (text, "cp1252")


def test_cyrillic_code_page_with_curly_quotes_is_not_windows_1252():
    text = "Министр сказал: “переговоры возобновятся” — дата пока не назначена."
    assert decode_bytes(text.encode("cp1251")) == (text, "cp1251")


def test_latin1_when_no_windows_1252_bytes():
    data = WESTERN.encode("latin-1")
    assert decode_bytes(data) == (WESTERN, "iso8859-1")


def test_short_latin1_is_not_taken_for_an_exotic_encoding():
    assert decode_bytes("café".encode("latin-1")) == ("café", "iso8859-1")


@pytest.mark.parametrize(
    ("text", "codec"),
    [
        (RUSSIAN, "cp1251"),
        (RUSSIAN, "koi8-r"),
        (GREEK, "iso8859-7"),
        (ARABIC, "cp1256"),
        (JAPANESE, "shift_jis"),
        (CHINESE, "gb2312"),
    ],
)
def test_other_encodings_through_detection(text, codec):
    decoded, encoding = decode_bytes(text.encode(codec))
    assert decoded == text
    assert text.encode(codec).decode(encoding) == text


def test_newlines_normalised():
    data = b"line one\r\nline two\rline three\n"
    assert decode_bytes(data)[0] == "line one\nline two\nline three\n"


def test_unicode_nfc():
    decomposed = "cafe\u0301 Gene\u0300ve"
    text, _ = decode_bytes(decomposed.encode("utf-8"))
    assert text == "café Genève"


def _zip_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("article.txt", ENGLISH)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
        (_zip_bytes(), "ZIP"),
        (gzip.compress(ENGLISH.encode()), "gzip"),
    ],
)
def test_known_binary_formats_rejected(data, kind):
    with pytest.raises(DecodeError, match=f"binary file.*{kind}"):
        decode_bytes(data)


def test_nul_bytes_rejected():
    with pytest.raises(DecodeError, match=r"binary file \(NUL bytes\)"):
        decode_bytes(b"some text\x00\x00\x01 and \x00 more \x07\x00 bytes here")


def test_control_characters_rejected():
    with pytest.raises(DecodeError, match="control characters"):
        decode_bytes(b"ab\x01\x02cd\x03\x04ef\x05\x06gh\x0e\x0f")


def test_random_high_bytes_are_undecodable():
    noise = random.Random(7)
    data = bytes(noise.randrange(0x80, 0x100) for _ in range(400))
    with pytest.raises(DecodeError, match="undecodable bytes"):
        decode_bytes(data)


@pytest.mark.parametrize(
    "data", [b"", b"  \n\t\r\n ", codecs.BOM_UTF8, " \n ".encode("utf-16"), "\u00a0".encode()]
)
def test_empty_or_whitespace_rejected(data):
    with pytest.raises(DecodeError, match="empty file"):
        decode_bytes(data)


def test_decode_error_is_a_value_error():
    assert issubclass(DecodeError, ValueError)
