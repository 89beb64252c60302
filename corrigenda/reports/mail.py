"""Read a reader's e-mail into a report: location, passage, proposed fix, evidence.

Pure Python, no Django: the mail importer, the IMAP reader and `corrigenda mail parse`
share it. A message is parsed with the standard library's strict parser first; when
that raises (it does on some malformed headers), the lenient compat32 parser is used.
What neither can read, or what carries no text, raises `Quarantined` — the caller has
stored the raw bytes before calling, so no message is ever dropped.

    report = mail_parse(raw, outlet_domains=["mittellaendische.ch"])
"""

from __future__ import annotations

import datetime as dt
import email
import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from email import policy
from email.message import Message

from corrigenda.claims.language import detect
from corrigenda.reports._mail_automated import automated_reason
from corrigenda.reports._mail_body import read_body
from corrigenda.reports._mail_headers import (
    addresses,
    date_of,
    has_header,
    header_text,
    message_id,
    message_ids,
)
from corrigenda.reports._mail_links import find_urls, on_domains, split_links
from corrigenda.reports._mail_passage import MAX_TEXT, find_quotes, passage_and_fix
from corrigenda.reports._mail_text import Forwarded, reader_text

MAX_FORWARDED = 5  # attached messages inside attached messages
_REPLY_SUBJECT = re.compile(r"^\s*(?:re|aw|antw|antwort|sv|vs|ynt|rif)\s*(?:\[\d+\])?\s*:", re.I)
_FORWARD_SUBJECT = re.compile(r"^\s*(?:fwd?|fw|wg|wtr|weitergeleitet|tr|enc|inoltro)\s*:", re.I)
# Fields of which a message has at least one; a file with none is not a message.
_MESSAGE_FIELDS = (
    *("From", "Sender", "Reply-To", "To", "Date", "Subject", "Message-ID"),
    *("Received", "Return-Path", "MIME-Version", "Content-Type"),
)


@dataclass(frozen=True)
class ParsedReport:
    location: str | None  # the first article URL on one of the outlet's domains
    passage: str | None  # the quoted wrong passage
    proposed_fix: str | None  # how the reader says it should read
    description: str  # the reader's own words (no reply history, no signature)
    evidence: tuple[str, ...]  # other links, normalised, without tracking/unsubscribe links
    reporter: str | None  # Reply-To over From; the domain lower-cased
    reporter_name: str | None
    language: str  # "de" or "en"
    automated: bool  # RFC 3834 and kin: never auto-reply to it
    automated_reason: str | None
    message_id: str | None
    subject: str
    received_at: dt.datetime | None  # from the Date field, timezone-aware
    attachments: tuple[str, ...]  # file names
    lenient: bool  # the strict parser failed; the lenient fallback read it
    references: tuple[str, ...] = field(default=())  # In-Reply-To and References ids

    def as_json(self) -> dict[str, object]:
        fields = asdict(self)
        fields["received_at"] = self.received_at.isoformat() if self.received_at else None
        return {k: list(v) if isinstance(v, tuple) else v for k, v in fields.items()}


class Quarantined(Exception):
    """The message cannot be read as a report; a person has to look at its raw bytes."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason  # short code: empty, not_mail, no_text, unparseable
        self.message = message


def mail_parse(raw: bytes, *, outlet_domains: Sequence[str]) -> ParsedReport:
    """What a reader's message says, or `Quarantined` with the reason it cannot be read."""
    raw = raw.removeprefix(b"\xef\xbb\xbf").lstrip(b"\r\n\t ")
    if not raw:
        raise Quarantined("empty", "The message is empty.")
    try:
        return _report(email.message_from_bytes(raw, policy=policy.default), outlet_domains)
    except Quarantined:
        raise
    except Exception:  # noqa: S110 -- the lenient parser below gets its turn
        pass
    try:
        message = email.message_from_bytes(raw, policy=policy.compat32)
        return _report(message, outlet_domains, lenient=True)
    except Quarantined:
        raise
    except Exception as error:
        raise Quarantined(
            "unparseable",
            # the error's type only: its text may quote the reporter's address
            f"Neither the strict nor the lenient parser can read the message "
            f"({type(error).__name__}).",
        ) from error


@dataclass
class _Material:
    """Everything the reader sent: their words first, then forwarded messages."""

    own: list[str] = field(default_factory=list)
    forwarded: list[Forwarded] = field(default_factory=list)
    link_texts: list[str] = field(default_factory=list)
    attachments: list[str] = field(default_factory=list)


def _report(
    message: Message, outlet_domains: Sequence[str], *, lenient: bool = False
) -> ParsedReport:
    if not any(has_header(message, name) for name in _MESSAGE_FIELDS):
        raise Quarantined("not_mail", "The data has no header fields: it is not an e-mail message.")
    subject = header_text(message, "Subject")
    reason = automated_reason(message)
    material = _Material()
    _collect(message, material, reply=_is_reply(message, subject), depth=0)
    description = "\n\n".join(
        text for text in (*material.own, *(f.text for f in material.forwarded)) if text.strip()
    )
    if reason is None and not _readable(description):
        raise Quarantined("no_text", "The message has no text to read a report from.")
    location, evidence = split_links(
        find_urls("\n\n".join([description, *material.link_texts])), outlet_domains
    )
    passage, fix = passage_and_fix(description)
    name, reporter = _reporter(message, material.forwarded, outlet_domains)
    return ParsedReport(
        location=location,
        passage=passage,
        proposed_fix=fix,
        description=description,
        evidence=evidence,
        reporter=reporter,
        reporter_name=name,
        language=detect(_without_quotes(description[:MAX_TEXT])),
        automated=reason is not None,
        automated_reason=reason,
        message_id=message_id(header_text(message, "Message-ID")),
        subject=subject,
        received_at=date_of(message),
        attachments=tuple(material.attachments),
        lenient=lenient,
        references=tuple(
            dict.fromkeys(
                message_ids(header_text(message, "In-Reply-To"))
                + message_ids(header_text(message, "References"))
            )
        ),
    )


def _collect(message: Message, material: _Material, *, reply: bool, depth: int) -> None:
    body = read_body(message)
    material.attachments.extend(body.attachments)
    for text in body.texts:
        split = reader_text(text, reply=reply)
        if depth == 0:
            material.own.append(split.own)
        else:  # an attached message: the forwarded content counts as the reader's
            material.forwarded.append(Forwarded(sender=_sender(message), text=split.own))
        material.forwarded.extend(split.forwarded)
    for text in body.link_texts:
        material.link_texts.append(reader_text(text, reply=reply).own)
    if depth < MAX_FORWARDED:
        for inner in body.forwarded:
            _collect(inner, material, reply=False, depth=depth + 1)


def _reporter(
    message: Message, forwarded: list[Forwarded], outlet_domains: Sequence[str]
) -> tuple[str | None, str | None]:
    """(name, address) of the reader: Reply-To over From.

    When someone at the outlet forwards a reader's message to the desk, the reader is
    the sender of the forwarded message.
    """
    sender = _sender(message)
    if sender and on_domains(sender[1].rpartition("@")[2], outlet_domains):
        readers = (f.sender for f in forwarded if f.sender)
        sender = next(
            (s for s in readers if not on_domains(s[1].rpartition("@")[2], outlet_domains)), sender
        )
    if sender is None:
        return None, None
    return sender[0] or None, sender[1]


def _sender(message: Message) -> tuple[str, str] | None:
    found = addresses(message, "Reply-To") or addresses(message, "From")
    return found[0] if found else None


def _is_reply(message: Message, subject: str) -> bool:
    if _FORWARD_SUBJECT.match(subject):
        return False
    return bool(_REPLY_SUBJECT.match(subject)) or has_header(message, "In-Reply-To")


def _readable(text: str) -> bool:
    """At least a few letters, and not mostly replacement or control characters."""
    letters = sum(char.isalpha() for char in text)
    noise = sum(
        char == "\ufffd" or (not char.isprintable() and char not in "\n\t") for char in text
    )
    return letters >= 3 and noise * 5 <= len(text)


def _without_quotes(text: str) -> str:
    """The reader's words without what they quote, for telling their language."""
    lines = "\n".join(line for line in text.split("\n") if not line.lstrip().startswith(">"))
    for quote in reversed(find_quotes(lines)):
        lines = lines[: quote.start] + lines[quote.end :]
    return lines
