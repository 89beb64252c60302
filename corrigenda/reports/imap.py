"""Read the corrections desk's mailbox over IMAP into reports.

Which messages are new is decided twice, because an editor may read the mailbox in a
mail client too (so `\\Seen` means nothing): corrigenda marks each message it has
stored with its own keyword, `$CorrigendaImported`, and the database refuses a second
copy of the same (mailbox, UIDVALIDITY, UID) or Message-ID. Messages are fetched with
BODY.PEEK[] (nothing is marked read), stored, then flagged — the flag is set only
after the raw message is committed — then read (`mail_import.mail_take`).

    summary = mailbox_import(host="imap.example.ch", port=993, ssl=True,
                             user="desk", password="…", folder="INBOX")
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Iterable
from typing import Any

from django.conf import settings
from imapclient import IMAPClient
from imapclient.exceptions import IMAPClientError, LoginError

from corrigenda.reports.mail_import import ImportSummary, mail_read, mail_take
from corrigenda.reports.models import InboundMail, MailStatus

logger = logging.getLogger(__name__)
# imapclient logs the whole IMAP conversation at DEBUG, readers' messages and their
# addresses included; these never go into our logs, whatever LOG_LEVEL says.
logging.getLogger("imapclient").setLevel(logging.WARNING)

IMPORTED = b"$CorrigendaImported"
TIMEOUT_SECONDS = 60.0
_CHUNK = 500


class MailboxError(Exception):
    """The mailbox could not be read; `summary` holds what was imported before that."""

    def __init__(self, message: str, summary: ImportSummary | None = None) -> None:
        super().__init__(message)
        self.summary = summary or ImportSummary()


def mailbox_import(
    *,
    host: str,
    port: int,
    ssl: bool,
    user: str,
    password: str,
    folder: str = "INBOX",
    limit: int | None = None,
) -> ImportSummary:
    """Import the messages of the folder that corrigenda has not imported yet.

    `limit`: import at most this many new messages (oldest first). Raises
    MailboxError when the server cannot be reached, the login or the folder fails,
    or the connection breaks (messages imported before that stay imported).
    """
    summary = ImportSummary()
    where = f"{host}:{port}"
    try:
        client = IMAPClient(host, port=port, ssl=ssl, timeout=TIMEOUT_SECONDS)
    except (OSError, IMAPClientError) as error:
        raise MailboxError(f"Cannot connect to the IMAP server {where}: {error}") from error
    try:
        try:
            client.login(user, password)
        except LoginError as error:
            raise MailboxError(f"The IMAP server {where} refused the login of {user}.") from error
        try:
            selected = client.select_folder(folder)
        except IMAPClientError as error:
            raise MailboxError(f"Cannot open the folder {folder!r} on {where}: {error}") from error
        _import_folder(
            client,
            selected,
            summary,
            mailbox_name=f"imap://{user}@{host}:{port}/{folder}",
            limit=limit,
        )
    except (OSError, IMAPClientError) as error:  # TLS errors and timeouts are OSErrors
        raise MailboxError(
            f"The connection to the IMAP server {where} failed: {error}", summary
        ) from error
    except MailboxError as error:
        error.summary = summary
        raise
    finally:
        _logout(client)
    return summary


def mailbox_import_configured(*, limit: int | None = None) -> ImportSummary:
    """`mailbox_import` with the IMAP_* settings; MailboxError when none are set."""
    if not settings.IMAP_HOST:
        raise MailboxError("No mailbox is configured (set CORRIGENDA_IMAP_HOST).")
    return mailbox_import(
        host=settings.IMAP_HOST,
        port=settings.IMAP_PORT,
        ssl=settings.IMAP_SSL,
        user=settings.IMAP_USER,
        password=settings.IMAP_PASSWORD,
        folder=settings.IMAP_FOLDER,
        limit=limit,
    )


def _import_folder(
    client: IMAPClient,
    selected: dict[bytes, Any],
    summary: ImportSummary,
    *,
    mailbox_name: str,
    limit: int | None,
) -> None:
    uidvalidity = int(selected[b"UIDVALIDITY"])
    permanent = {bytes(flag) for flag in selected.get(b"PERMANENTFLAGS", ())}
    can_flag = IMPORTED in permanent or b"\\*" in permanent
    if not can_flag:
        logger.warning("the IMAP folder allows no keywords: new mail is told by the database")
    candidates = sorted(client.search(["UNKEYWORD", IMPORTED]) if can_flag else client.search())

    def flag(uids: Iterable[int]) -> None:
        if can_flag and uids:
            client.add_flags(list(uids), [IMPORTED], silent=True)

    known = _known(mailbox_name, uidvalidity, candidates)
    if known:
        # Stored before, but the flag was lost (the process died in between).
        flag(known)
        summary.skipped_known += len(known)
        for mail in InboundMail.objects.filter(pk__in=known.values(), status=MailStatus.RECEIVED):
            summary.count(mail_read(mail=mail))
    new = [uid for uid in candidates if uid not in known][:limit]
    for uid in new:
        fetched = client.fetch([uid], ["BODY.PEEK[]"]).get(uid)
        if not fetched or b"BODY[]" not in fetched:
            continue  # expunged meanwhile
        mail_take(
            raw=bytes(fetched[b"BODY[]"]),
            source="imap",
            summary=summary,
            mailbox_name=mailbox_name,
            uidvalidity=uidvalidity,
            uid=uid,
            acknowledge=functools.partial(flag, [uid]),
        )


def _known(mailbox_name: str, uidvalidity: int, uids: list[int]) -> dict[int, int]:
    """UID → stored message id, for the UIDs the database holds already."""
    known: dict[int, int] = {}
    for i in range(0, len(uids), _CHUNK):
        rows = InboundMail.objects.filter(
            mailbox=mailbox_name, uidvalidity=uidvalidity, uid__in=uids[i : i + _CHUNK]
        ).values_list("uid", "pk")
        known.update((int(uid), pk) for uid, pk in rows if uid is not None)
    return known


def _logout(client: IMAPClient) -> None:
    try:
        client.logout()
    except (OSError, IMAPClientError):
        try:
            client.shutdown()
        except OSError:
            logger.debug("IMAP connection already closed")
