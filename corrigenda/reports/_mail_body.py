"""The MIME tree of a message, read into texts, attached messages and file names.

Which part is the reader's text: text/plain and text/html parts that are not
attachments. Of the alternatives in a multipart/alternative, the plain text wins unless
it is empty or a stub ("view this mail in an HTML-capable client"); the other
alternative is kept for its links. A message/rfc822 part is a forwarded message, read
by the caller like the message itself. A delivery report contributes only its
human-readable first part.
"""

from __future__ import annotations

import email
import re
from dataclasses import dataclass, field
from email import policy
from email.message import Message

from corrigenda.reports._mail_charsets import decode_bytes
from corrigenda.reports._mail_headers import decode_words
from corrigenda.reports._mail_html import html_text, tidy

MAX_DEPTH = 12  # nested multiparts; deeper structures are hostile, not mail
MAX_PARTS = 500
# Parts that carry a signature of the message, not a file the reader sent.
_SIGNATURE_TYPES = frozenset(
    {"application/pgp-signature", "application/pkcs7-signature", "application/x-pkcs7-signature"}
)
_STUB = re.compile(
    r"html|mime|e-?mail[- ]?(?:programm|client)|mail client|browser|anzeigen|darstellen"
    r"|view (?:this|it)|online version",
    re.I,
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w.:-]+)""", re.I)


@dataclass
class Body:
    texts: list[str] = field(default_factory=list)  # the reader's text parts, in order
    link_texts: list[str] = field(default_factory=list)  # unused alternatives: links only
    forwarded: list[Message] = field(default_factory=list)  # message/rfc822 parts
    attachments: list[str] = field(default_factory=list)  # file names
    parts: int = 0


def read_body(message: Message) -> Body:
    body = Body()
    _read(message, body, depth=0)
    return body


def _read(part: Message, body: Body, *, depth: int) -> None:
    body.parts += 1
    if depth > MAX_DEPTH or body.parts > MAX_PARTS:
        return
    content_type = part.get_content_type()
    if content_type in {"message/rfc822", "message/global"}:
        _forwarded(part, body)
        return
    if part.is_multipart():
        children = [c for c in part.get_payload() if isinstance(c, Message)]
        if content_type == "multipart/alternative":
            _alternative(children, body, depth=depth)
        elif content_type == "multipart/report":  # the returned message is not a report
            for child in children[:1]:
                _read(child, body, depth=depth + 1)
        else:
            for child in children:
                _read(child, body, depth=depth + 1)
        return
    name = filename(part)
    if content_type in _SIGNATURE_TYPES:
        return
    if part.get_content_disposition() == "attachment" or content_type not in {
        "text/plain",
        "text/html",
    }:
        if name:
            body.attachments.append(name)
        return
    text = part_text(part)
    if text.strip():
        body.texts.append(text)


def _alternative(children: list[Message], body: Body, *, depth: int) -> None:
    rendered: list[tuple[bool, Body]] = []
    for child in children:
        alternative = Body(parts=body.parts)
        _read(child, alternative, depth=depth + 1)
        body.parts = alternative.parts
        rendered.append((child.get_content_type() == "text/plain", alternative))
    plain = next((alt for is_plain, alt in rendered if is_plain and alt.texts), None)
    rich = next((alt for is_plain, alt in reversed(rendered) if not is_plain and alt.texts), None)
    chosen = plain if plain and not (rich and _is_stub(plain, rich)) else rich or plain
    for _, alternative in rendered:
        if alternative is chosen:
            body.texts.extend(alternative.texts)
            body.link_texts.extend(alternative.link_texts)
        else:
            body.link_texts.extend(alternative.texts)
        body.forwarded.extend(alternative.forwarded)
        body.attachments.extend(a for a in alternative.attachments if a not in body.attachments)


def _is_stub(plain: Body, rich: Body) -> bool:
    plain_text = "\n".join(plain.texts)
    letters = sum(char.isalnum() for char in plain_text)
    rich_letters = sum(char.isalnum() for text in rich.texts for char in text)
    if letters < 200 and _STUB.search(plain_text) and rich_letters > letters:
        return True
    return rich_letters >= 200 and letters * 5 < rich_letters


def _forwarded(part: Message, body: Body) -> None:
    name = filename(part)
    if name:
        body.attachments.append(name)
    payload = part.get_payload()
    if isinstance(payload, list) and payload and isinstance(payload[0], Message):
        body.forwarded.append(payload[0])
        return
    raw = part.get_payload(decode=True)
    if isinstance(raw, bytes) and raw.strip():
        body.forwarded.append(email.message_from_bytes(raw, policy=policy.compat32))


def part_text(part: Message) -> str:
    """The decoded text of a text/plain or text/html part (HTML rendered as text)."""
    try:
        data = part.get_payload(decode=True)
    except (ValueError, TypeError, LookupError):
        data = None
    if not isinstance(data, bytes):
        return ""
    charset = _charset(part)
    if part.get_content_type() == "text/html":
        if not charset:
            meta = _META_CHARSET.search(data[:4096])
            charset = meta.group(1).decode("ascii") if meta else None
        return html_text(decode_bytes(data, charset))
    text = decode_bytes(data, charset).replace("\r\n", "\n").replace("\r", "\n")
    if str(part.get_param("format") or "").lower() == "flowed":
        text = unflow(text, delete_space=str(part.get_param("delsp") or "").lower() == "yes")
    return tidy(text)


def _charset(part: Message) -> str | None:
    try:
        return part.get_content_charset()
    except (ValueError, TypeError, LookupError, UnicodeError):
        return None


def filename(part: Message) -> str | None:
    """The decoded file name of a part (RFC 2231 or RFC 2047), without any directory."""
    try:
        raw = part.get_filename()
    except (ValueError, TypeError, LookupError, UnicodeError, IndexError):
        return None
    if not raw:
        return None
    name = decode_words(str(raw)).replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(char for char in name if char.isprintable()).strip()
    return name or None


def unflow(text: str, *, delete_space: bool) -> str:
    """Join the soft line breaks of format=flowed text (RFC 3676)."""
    lines: list[str] = []
    pending: tuple[int, str] | None = None  # quote depth, text so far
    for line in text.split("\n"):
        depth = len(line) - len(line.lstrip(">"))
        content = line[depth:]
        if content.startswith(" "):
            content = content[1:]  # space-stuffing
        soft = content.endswith(" ") and content != "-- "
        if pending is not None and pending[0] == depth:
            content = pending[1] + content
        elif pending is not None:
            lines.append(_quoted(*pending))
        pending = None
        if soft:
            pending = (depth, content[:-1] if delete_space else content)
        else:
            lines.append(_quoted(depth, content))
    if pending is not None:
        lines.append(_quoted(*pending))
    return "\n".join(lines)


def _quoted(depth: int, content: str) -> str:
    return f"{'>' * depth} {content}" if depth else content
