"""Header fields and bodies decoded whatever their charset claims to be."""

from __future__ import annotations

import base64
import email
from email import policy

import pytest

from corrigenda.reports._mail_charsets import decode_bytes
from corrigenda.reports._mail_headers import addresses, date_of, decode_words, message_id


def _b(text: bytes, charset: str = "utf-8") -> str:
    return f"=?{charset}?B?{base64.b64encode(text).decode()}?="


@pytest.mark.parametrize(
    ("raw", "text"),
    [
        ("=?iso-8859-1?q?Gr=FCsse?= aus =?utf-8?q?Z=C3=BCrich?=", "Grüsse aus Zürich"),
        # white space between encoded words is not text; inside them it is
        ("=?utf-8?q?Hallo?=  =?utf-8?q?_Welt?=", "Hallo Welt"),
        # one UTF-8 character split across two encoded words
        (f"{_b('Zü'.encode()[:2])} {_b('Zü'.encode()[2:])}rich", "Zürich"),
        # RFC 2231 language tag inside an encoded word
        ("=?utf-8*de?q?Stra=C3=9Fe?=", "Straße"),
        # folded over lines
        ("Fehler im\r\n Artikel", "Fehler im Artikel"),
        # an unknown charset costs the accents, not the field
        ("=?x-klingon?q?Gr=C3=BCsse?=", "Grüsse"),
        # broken base64 stays as written
        ("=?utf-8?B?@@@?=", "=?utf-8?B?@@@?="),
        ("plain", "plain"),
    ],
)
def test_encoded_words(raw: str, text: str) -> None:
    assert decode_words(raw) == text


def test_raw_8bit_header_bytes_are_read_as_utf8_else_cp1252() -> None:
    for encoded in ("Grüsse".encode(), "Grüsse".encode("cp1252")):
        message = email.message_from_bytes(b"Subject: " + encoded + b"\n\nx", policy=policy.default)
        subject = dict(message.raw_items())["Subject"]
        assert decode_words(subject) == "Grüsse"


@pytest.mark.parametrize(
    ("data", "charset", "text"),
    [
        ("Grüsse".encode("cp1252"), "utf-8", "Grüsse"),  # cp1252 labelled utf-8
        ("Grüsse".encode(), "iso-8859-1", "Grüsse"),  # utf-8 labelled latin-1
        ("Grüsse".encode("latin-1"), "iso-8859-1", "Grüsse"),
        ("Grüsse".encode(), "x-unknown-charset", "Grüsse"),
        ("Grüsse".encode(), "rot13", "Grüsse"),  # a codec, but not a text encoding
        ("Grüsse".encode("cp1252"), None, "Grüsse"),
        ("€".encode("cp1252") + b"\x81", "utf-8", "€\ufffd"),  # undecodable either way
    ],
)
def test_body_charsets(data: bytes, charset: str | None, text: str) -> None:
    assert decode_bytes(data, charset) == text


def _message(headers: str) -> email.message.Message:
    return email.message_from_bytes(headers.encode() + b"\n\nbody", policy=policy.compat32)


def test_addresses_decode_names_and_lowercase_only_the_domain() -> None:
    message = _message('From: "=?utf-8?q?M=C3=BCller?=, Hans" <Hans.Mueller@Example.CH>')
    assert addresses(message, "From") == [("Müller, Hans", "Hans.Mueller@example.ch")]
    assert addresses(_message("From: undisclosed-recipients:;"), "From") == []


def test_message_ids() -> None:
    assert message_id(" <abc@example.ch> (comment)") == "<abc@example.ch>"
    assert message_id("abc@example.ch") == "<abc@example.ch>"
    assert message_id("   ") is None


def test_dates_are_aware_and_garbage_is_none() -> None:
    date = date_of(_message("Date: Tue, 11 Feb 2025 09:14:03 -0000"))
    assert date is not None
    assert date.utcoffset() is not None
    assert date_of(_message("Date: yesterday at noon")) is None
    assert date_of(_message("Subject: none")) is None
