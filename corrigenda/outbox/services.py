"""Writes to the outbox: queue an e-mail, send a queued one, withdraw a reader's mail."""

from __future__ import annotations

import logging
from datetime import timedelta
from email.utils import make_msgid

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.utils import timezone

from corrigenda.outbox.models import Message, MessageStatus

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 5


def message_queue(
    *,
    recipient: str,
    subject: str,
    body: str,
    language: str = "",
    about: str = "",
    automatic: bool = True,
    headers: dict[str, str] | None = None,
) -> Message:
    """Write the e-mail as a row and queue its sending in the caller's transaction.

    `automatic` marks the mail `Auto-Submitted: auto-replied` (RFC 3834), so that
    well-behaved mail systems never answer it with an auto-reply of their own.
    """
    from corrigenda.outbox.tasks import message_send_task

    extra = dict(headers or {})
    if automatic:
        extra.setdefault("Auto-Submitted", "auto-replied")
    extra.setdefault("Message-ID", make_msgid(domain=settings.EMAIL_MESSAGE_ID_DOMAIN))
    message = Message.objects.create(
        recipient=recipient,
        subject=subject[:300],
        body=body,
        headers=extra,
        language=language,
        about=about,
    )
    message_send_task.enqueue(message.pk)
    return message


def message_send(*, message_id: int) -> MessageStatus:
    """Send one queued message. A failure is recorded and retried later with backoff.

    The row is locked while sending so two workers never send it twice.
    """
    from corrigenda.outbox.tasks import message_send_task

    with transaction.atomic():
        message = Message.objects.select_for_update().filter(pk=message_id).first()
        if message is None:
            return MessageStatus.WITHDRAWN
        if message.status != MessageStatus.QUEUED:
            return MessageStatus(message.status)
        if not message.recipient:
            message.status = MessageStatus.WITHDRAWN
            message.save(update_fields=["status"])
            return MessageStatus.WITHDRAWN
        message.attempts += 1
        email = EmailMessage(
            subject=message.subject,
            body=message.body,
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[message.recipient],
            headers=message.headers,
        )
        try:
            email.send(fail_silently=False)
        except Exception as error:  # any transport error: record it, retry later
            # SMTP errors quote the refused address: keep personal data out of the row.
            detail = str(error).replace(message.recipient, "<recipient>")
            message.last_error = f"{type(error).__name__}: {detail}"[:500]
            if message.attempts >= MAX_ATTEMPTS:
                message.status = MessageStatus.FAILED
            else:
                delay = timedelta(minutes=2**message.attempts)
                message_send_task.using(run_after=timezone.now() + delay).enqueue(message.pk)
            message.save(update_fields=["attempts", "last_error", "status"])
            logger.warning("outbox message %s not sent (attempt %s)", message.pk, message.attempts)
            return MessageStatus(message.status)
        message.status = MessageStatus.SENT
        message.sent_at = timezone.now()
        message.last_error = ""
        message.save(update_fields=["attempts", "status", "sent_at", "last_error"])
    logger.info("outbox message %s sent", message.pk)
    return MessageStatus.SENT


def messages_withdraw(*, about: str) -> int:
    """Blank the recipient of every message about a record (erasure of contact data).

    Queued messages are withdrawn; sent ones keep their status, without the address.
    """
    mails = Message.objects.filter(about=about)
    mails.filter(status=MessageStatus.QUEUED).update(status=MessageStatus.WITHDRAWN)
    return mails.update(recipient="", last_error="")
