"""Bytes to text whatever the message claims its charset is.

Mail in the wild is mislabelled: cp1252 sent as "utf-8", UTF-8 sent as "iso-8859-1",
charsets Python has never heard of. The declared charset is tried first, then UTF-8,
then cp1252; what still fails is decoded with replacement characters, never dropped.
"""

from __future__ import annotations

import codecs

# Single-byte charsets that decode any byte: a valid multi-byte UTF-8 sequence read
# through them is almost never what the writer meant ("FÃ¼r" for "Für").
_LATIN = frozenset({"iso8859-1", "iso8859-15", "cp1252", "ascii"})


def decode_bytes(data: bytes, charset: str | None) -> str:
    declared = _codec(charset)
    if declared in _LATIN and not data.isascii() and _is_utf8(data):
        declared = "utf-8"
    for codec in dict.fromkeys(c for c in (declared, "utf-8", "cp1252") if c):
        try:
            return data.decode(codec)
        except (UnicodeDecodeError, LookupError):
            continue
    as_utf8 = data.decode("utf-8", "replace")
    as_cp1252 = data.decode("cp1252", "replace")
    return as_utf8 if as_utf8.count("\ufffd") <= as_cp1252.count("\ufffd") else as_cp1252


def _codec(charset: str | None) -> str | None:
    if not charset:
        return None
    name = charset.strip().strip("\"'").lower()
    if name in {"unknown-8bit", "x-unknown", "unknown", "default"}:
        return None
    try:
        return codecs.lookup(name).name
    except (LookupError, ValueError):
        return None


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True
