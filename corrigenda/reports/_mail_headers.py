"""Header fields of a message as text: RFC 2047 words, raw 8-bit bytes, addresses, dates.

Headers are read from the raw field values (`Message.raw_items`) and decoded here, so
the strict and the lenient parse give the same text and one unknown charset in an
encoded word costs that word its accents, never the whole field.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import re
from email.message import Message
from email.utils import getaddresses, parsedate_to_datetime

from corrigenda.reports._mail_charsets import decode_bytes

_ENCODED_WORD = re.compile(r"=\?([^?\s]+)\?([QqBb])\?([^?\s]*)\?=")
_FOLD = re.compile(r"\r?\n(?=[ \t])")
_SPACE = re.compile(r"\s+")
_MESSAGE_ID = re.compile(r"<[^<>\s]+>")


def header_text(message: Message, name: str) -> str:
    """The first `name` field of `message`, decoded, unfolded, spaces collapsed; or ""."""
    raw = raw_header(message, name)
    return "" if raw is None else decode_words(raw)


def raw_header(message: Message, name: str) -> str | None:
    wanted = name.lower()
    for field, value in message.raw_items():
        if field.lower() == wanted:
            return value if isinstance(value, str) else str(value)
    return None


def has_header(message: Message, name: str) -> bool:
    return raw_header(message, name) is not None


def decode_words(value: str) -> str:
    """Decode RFC 2047 encoded words (any mix of charsets) and raw 8-bit text.

    Adjacent encoded words in one charset are decoded together: a UTF-8 character may
    be split between two of them. White space between encoded words is dropped.
    """
    value = _SPACE.sub(" ", _FOLD.sub("", _unescape_8bit(value))).strip()
    pieces: list[tuple[str, bytes | str]] = []  # (charset, bytes) or ("", text)
    position = 0
    for word in _ENCODED_WORD.finditer(value):
        between = value[position : word.start()]
        previous_encoded = bool(pieces) and pieces[-1][0] != ""
        if between and not (previous_encoded and between.isspace()):
            pieces.append(("", between))
        charset = word.group(1).split("*", 1)[0].lower()  # RFC 2231 adds "*language"
        data = _word_bytes(word.group(2).upper(), word.group(3))
        if data is None:
            pieces.append(("", word.group(0)))
        elif pieces and pieces[-1][0] == charset and isinstance(pieces[-1][1], bytes):
            pieces[-1] = (charset, pieces[-1][1] + data)
        else:
            pieces.append((charset, data))
        position = word.end()
    pieces.append(("", value[position:]))
    text = "".join(
        piece if isinstance(piece, str) else decode_bytes(piece, charset)
        for charset, piece in pieces
    )
    return _SPACE.sub(" ", text).strip()


def _word_bytes(encoding: str, text: str) -> bytes | None:
    try:
        if encoding == "B":
            return base64.b64decode(text + "=" * (-len(text) % 4), validate=True)
        return binascii.a2b_qp(text.encode("ascii"), header=True)
    except (binascii.Error, ValueError):
        return None


def _unescape_8bit(value: str) -> str:
    """Undo the parser's surrogate escapes: raw header bytes are UTF-8, else cp1252."""
    if not any("\udc80" <= char <= "\udcff" for char in value):
        return value
    return decode_bytes(value.encode("utf-8", "surrogateescape"), None)


def addresses(message: Message, name: str) -> list[tuple[str, str]]:
    """(display name, address) pairs of an address field; the domain lower-cased."""
    raw = raw_header(message, name)
    if raw is None:
        return []
    return parse_addresses(_FOLD.sub("", _unescape_8bit(raw)))


def parse_addresses(value: str) -> list[tuple[str, str]]:
    found = []
    try:
        pairs = getaddresses([value])
    except (ValueError, IndexError, TypeError):
        pairs = []
    for display, address in pairs:
        address = address.strip()
        local, at, domain = address.rpartition("@")
        if not at or not local or not domain or any(c.isspace() for c in address):
            continue
        found.append((decode_words(display).strip("'\" "), f"{local}@{domain.lower()}"))
    return found


def message_id(value: str) -> str | None:
    match = _MESSAGE_ID.search(value)
    if match:
        return match.group(0)
    value = value.strip()
    return f"<{value}>" if value and not any(c.isspace() for c in value) else None


def message_ids(value: str) -> list[str]:
    return _MESSAGE_ID.findall(value)


def date_of(message: Message) -> dt.datetime | None:
    """The Date field as an aware datetime; an unknown zone ("-0000") is read as UTC."""
    raw = raw_header(message, "Date")
    if not raw:
        return None
    try:
        when = parsedate_to_datetime(_SPACE.sub(" ", raw).strip())
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return when
