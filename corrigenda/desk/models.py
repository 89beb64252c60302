"""Who works on which outlet's desk, its service levels, notes, templates, pre-checks.

The report's own workflow fields (status, assignee, first response, decision) live
on `reports.Report`; the audit trail is `reports.ReportEvent`.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from corrigenda.archive.models import ArticleVersion, Outlet
from corrigenda.reports.models import Evidence, Report


class Role(models.TextChoices):
    EDITOR = "editor", _("desk editor")
    ADMIN = "admin", _("outlet admin")


class Membership(models.Model):
    """A user's place on an outlet's desk. Editors see only their outlets' reports."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="desk_memberships"
    )
    outlet = models.ForeignKey(Outlet, on_delete=models.CASCADE, related_name="desk_memberships")
    role = models.CharField(_("role"), max_length=16, choices=Role.choices, default=Role.EDITOR)

    class Meta:
        verbose_name = _("desk membership")
        verbose_name_plural = _("desk memberships")
        constraints = (
            models.UniqueConstraint(fields=["user", "outlet"], name="desk_membership_unique"),
        )

    def __str__(self) -> str:
        return f"{self.user} @ {self.outlet} ({self.role})"


class ServiceLevel(models.Model):
    """How fast an outlet promises to answer: first response and decision, in hours."""

    outlet = models.OneToOneField(Outlet, on_delete=models.CASCADE, related_name="service_level")
    first_response_hours = models.PositiveIntegerField(
        _("first response within (hours)"), default=24
    )
    decision_hours = models.PositiveIntegerField(_("decision within (hours)"), default=72)

    class Meta:
        verbose_name = _("service level")
        verbose_name_plural = _("service levels")

    def __str__(self) -> str:
        return f"{self.outlet}: {self.first_response_hours} h / {self.decision_hours} h"


class Note(models.Model):
    """An editor's remark in the discussion of a report (internal, never shown to readers)."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True)
    text = models.TextField(_("note"))
    created = models.DateTimeField(_("written"), auto_now_add=True)

    class Meta:
        ordering = ("report", "created", "id")
        verbose_name = _("note")
        verbose_name_plural = _("notes")

    def __str__(self) -> str:
        return f"note #{self.pk} on #{self.report_id}"


class ReplyPurpose(models.TextChoices):
    RECEIVED = "received", _("received, in review")
    ACCEPTED = "accepted", _("accepted, will be corrected")
    REJECTED = "rejected", _("rejected, with the reason")
    QUESTION = "question", _("question to the reader")


class ReplyTemplate(models.Model):
    """A reply to readers, per outlet (or for all outlets when `outlet` is empty).

    Subject and body are Django templates with `report`, `outlet`, `status_url`,
    `reason` and `reader_name` in their context.
    """

    outlet = models.ForeignKey(
        Outlet, on_delete=models.CASCADE, null=True, blank=True, related_name="reply_templates"
    )
    purpose = models.CharField(_("purpose"), max_length=16, choices=ReplyPurpose.choices)
    language = models.CharField(_("language"), max_length=8)
    subject = models.CharField(_("subject"), max_length=200)
    body = models.TextField(_("body"))

    class Meta:
        verbose_name = _("reply template")
        verbose_name_plural = _("reply templates")
        constraints = (
            models.UniqueConstraint(
                fields=["outlet", "purpose", "language"],
                condition=models.Q(outlet__isnull=False),
                name="desk_replytemplate_unique",
            ),
            models.UniqueConstraint(
                fields=["purpose", "language"],
                condition=models.Q(outlet__isnull=True),
                name="desk_replytemplate_unique_default",
            ),
        )

    def __str__(self) -> str:
        return f"{self.purpose} ({self.language})"


class Hint(models.TextChoices):
    LIKELY_ERROR = "likely_error", _("likely error")
    LIKELY_CORRECT = "likely_correct", _("likely correct")
    UNDECIDABLE = "undecidable", _("not decidable")


class CheckState(models.TextChoices):
    QUEUED = "queued", _("queued")
    DONE = "done", _("done")
    FAILED = "failed", _("failed")


class Check(models.Model):
    """One run of the automated pre-check of a report, stored with its inputs.

    `result` holds, per claim of the passage, the sources that agree with the
    article, with the reader, or say something else (each with its sentence).
    """

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="checks")
    state = models.CharField(
        _("state"), max_length=16, choices=CheckState.choices, default=CheckState.QUEUED
    )
    hint = models.CharField(_("hint"), max_length=16, choices=Hint.choices, blank=True)
    reason = models.CharField(_("reason"), max_length=300, blank=True)
    inputs = models.JSONField(_("inputs"), default=dict, blank=True)
    result = models.JSONField(_("result"), default=dict, blank=True)
    created = models.DateTimeField(_("queued"), auto_now_add=True)
    finished = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        ordering = ("report", "-created", "-id")
        verbose_name = _("pre-check")
        verbose_name_plural = _("pre-checks")

    def __str__(self) -> str:
        return f"check #{self.pk} of #{self.report_id}: {self.hint or self.state}"


class EvidencePage(models.Model):
    """A reader's evidence link as fetched (through the SSRF-safe fetcher) and archived."""

    evidence = models.OneToOneField(Evidence, on_delete=models.CASCADE, related_name="page")
    version = models.ForeignKey(
        ArticleVersion, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    fetched_at = models.DateTimeField(_("fetched"), null=True, blank=True)
    # Why it could not be used: blocked_address, timeout, not_an_article, ...
    failure = models.CharField(_("failure"), max_length=64, blank=True)

    class Meta:
        verbose_name = _("evidence page")
        verbose_name_plural = _("evidence pages")

    def __str__(self) -> str:
        return f"{self.evidence.url} ({self.failure or 'ok'})"
