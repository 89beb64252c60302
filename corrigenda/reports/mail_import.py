"""Import readers' e-mail: store the raw message, acknowledge it, then read it.

One path for every source — the desk's IMAP mailbox (`imap.py`), single `.eml` files
and mbox archives (`mail_file_import`): `inbound_mail_store` commits the raw bytes,
only then is the message acknowledged (the IMAP flag), and only then read into a
report. A message the reader cannot be understood from, or that crashes the reading,
is quarantined with its bytes; none is dropped, none is imported twice.
"""

from __future__ import annotations

import logging
import mailbox
from collections.abc import Callable, Iterator
from dataclasses import dataclass, fields
from pathlib import Path

from corrigenda.reports.inbound import _message_id, inbound_mail_read, inbound_mail_store
from corrigenda.reports.models import InboundMail, MailStatus

logger = logging.getLogger(__name__)

MBOX_START = b"From "


@dataclass
class ImportSummary:
    """What one import did, message by message."""

    stored: int = 0  # new messages, raw bytes committed
    skipped_known: int = 0  # imported before (same IMAP position or Message-ID)
    reported: int = 0  # became a report
    quarantined: int = 0  # stored for a person to look at
    rejected: int = 0  # automated mail or over the rate limit: no report, no reply

    def __add__(self, other: ImportSummary) -> ImportSummary:
        return ImportSummary(
            **{f.name: getattr(self, f.name) + getattr(other, f.name) for f in fields(self)}
        )

    def __str__(self) -> str:
        return (
            f"{self.stored} stored, {self.skipped_known} already imported, "
            f"{self.reported} reported, {self.quarantined} quarantined, "
            f"{self.rejected} rejected"
        )

    def count(self, mail: InboundMail) -> None:
        if mail.status == MailStatus.REPORTED:
            self.reported += 1
        elif mail.status == MailStatus.QUARANTINED:
            self.quarantined += 1
        elif mail.status == MailStatus.REJECTED:
            self.rejected += 1


class NotAMailFile(Exception):
    """The file cannot be read (missing, unreadable, a directory)."""


def mail_take(
    *,
    raw: bytes,
    source: str,
    summary: ImportSummary,
    mailbox_name: str = "",
    uidvalidity: int | None = None,
    uid: int | None = None,
    acknowledge: Callable[[], None] | None = None,
) -> InboundMail | None:
    """Store one message, acknowledge it, read it; None when it was imported before.

    `acknowledge` runs after the raw message is committed (for a known message too,
    so a crash between commit and acknowledgement is repaired on the next run). A
    known message that was stored but never read (the process died in between) is
    read now.
    """
    mail = inbound_mail_store(
        raw=raw, source=source, mailbox=mailbox_name, uidvalidity=uidvalidity, uid=uid
    )
    if mail is None:
        summary.skipped_known += 1
        if acknowledge is not None:
            acknowledge()
        mail = _unread_copy(raw, mailbox_name=mailbox_name, uidvalidity=uidvalidity, uid=uid)
        if mail is None:
            return None
    else:
        summary.stored += 1
        if acknowledge is not None:
            acknowledge()
    mail = mail_read(mail=mail)
    summary.count(mail)
    return mail


def mail_read(*, mail: InboundMail) -> InboundMail:
    """`inbound_mail_read`, but whatever goes wrong quarantines the message."""
    try:
        return inbound_mail_read(mail=mail)
    except Exception as error:  # never lose a message to a bug: a person looks at it
        # The error's type only: its text may quote the reporter's address.
        reason = f"error: {type(error).__name__}"
        logger.error("inbound mail %s could not be read (%s)", mail.pk, type(error).__name__)
        InboundMail.objects.filter(pk=mail.pk).update(status=MailStatus.QUARANTINED, reason=reason)
        mail.status, mail.reason = MailStatus.QUARANTINED, reason
        return mail


def mail_file_import(*, path: Path) -> ImportSummary:
    """Import one `.eml` file or mbox archive (it starts with a "From " line).

    Messages with a Message-ID are imported once, whatever file they come from; one
    without is recognised by its exact bytes. Raises NotAMailFile.
    """
    summary = ImportSummary()
    for source, raw in _messages(path):
        if not _message_id(raw) and InboundMail.objects.filter(message_id="", raw=raw).exists():
            summary.skipped_known += 1
            continue
        mail_take(raw=raw, source=source, summary=summary)
    return summary


def _messages(path: Path) -> Iterator[tuple[str, bytes]]:
    try:
        with path.open("rb") as file:
            start = file.read(len(MBOX_START))
        if start != MBOX_START:
            yield "eml", path.read_bytes()
            return
        archive = mailbox.mbox(path, create=False)
        keys = archive.keys()
    except (OSError, mailbox.Error) as error:
        raise NotAMailFile(f"{path}: {error.__class__.__name__}: {error}") from error
    try:
        for key in keys:
            yield "mbox", archive.get_bytes(key)
    finally:
        archive.close()


def _unread_copy(
    raw: bytes, *, mailbox_name: str, uidvalidity: int | None, uid: int | None
) -> InboundMail | None:
    """The stored copy of a known message if it was never read, else None."""
    unread = InboundMail.objects.filter(status=MailStatus.RECEIVED)
    if uid is not None:
        found = unread.filter(mailbox=mailbox_name, uidvalidity=uidvalidity, uid=uid).first()
        if found is not None:
            return found
    message_id = _message_id(raw)
    return unread.filter(message_id=message_id).first() if message_id else None
