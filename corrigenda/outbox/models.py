"""Outgoing e-mail as rows: durable before it is sent, retried until it is."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class MessageStatus(models.TextChoices):
    QUEUED = "queued", _("queued")
    SENT = "sent", _("sent")
    FAILED = "failed", _("failed")  # gave up after the last retry
    WITHDRAWN = "withdrawn", _("withdrawn")  # the recipient's address was erased first


class Message(models.Model):
    """One e-mail to one recipient.

    The recipient is personal data: it is never logged (log lines name the message's
    id) and is blanked when the reader's contact data is erased.
    """

    recipient = models.EmailField(_("recipient"), blank=True)
    subject = models.CharField(_("subject"), max_length=300)
    body = models.TextField(_("body"))
    headers = models.JSONField(_("extra headers"), default=dict, blank=True)
    language = models.CharField(_("language"), max_length=8, blank=True)
    # Which record it is about, e.g. "reports.report:17", so erasure can find it.
    about = models.CharField(_("about"), max_length=100, blank=True, db_index=True)
    status = models.CharField(
        _("status"), max_length=16, choices=MessageStatus.choices, default=MessageStatus.QUEUED
    )
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    last_error = models.CharField(_("last error"), max_length=500, blank=True)
    created = models.DateTimeField(_("created"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)

    class Meta:
        ordering = ("-created", "-id")
        verbose_name = _("outgoing e-mail")
        verbose_name_plural = _("outgoing e-mails")

    def __str__(self) -> str:
        return f"#{self.pk} {self.subject}"
