"""Published corrections and the desk's alerts about silent edits.

A `Correction` is what readers see: a dated notice linked to the article, the
anchored passage and every report behind it. Amending or retracting one keeps the
earlier wording (`CorrectionRevision`) and shows publicly that it was amended.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from corrigenda.archive.models import Article, ArticleVersion, Outlet
from corrigenda.reports.models import Report


class Kind(models.TextChoices):
    CORRECTION = "correction", _("correction")
    CLARIFICATION = "clarification", _("clarification")
    UPDATE = "update", _("update")


class CorrectionState(models.TextChoices):
    DRAFT = "draft", _("draft")
    PUBLISHED = "published", _("published")
    RETRACTED = "retracted", _("retracted")


class Correction(models.Model):
    """A correction notice for one article."""

    outlet = models.ForeignKey(Outlet, on_delete=models.PROTECT, related_name="corrections")
    article = models.ForeignKey(Article, on_delete=models.PROTECT, related_name="corrections")
    # The version whose passage was wrong, and where (from the report's anchor).
    version = models.ForeignKey(
        ArticleVersion, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    anchor_start = models.PositiveIntegerField(null=True, blank=True)
    anchor_end = models.PositiveIntegerField(null=True, blank=True)
    # The reports behind it: the item's first report and every report merged into it.
    reports = models.ManyToManyField(Report, related_name="corrections", blank=True)
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices, default=Kind.CORRECTION)
    wrong = models.TextField(_("what was wrong"), blank=True)
    right = models.TextField(_("what is right"), blank=True)
    text = models.TextField(_("notice"))
    language = models.CharField(_("language"), max_length=8)
    state = models.CharField(
        _("state"), max_length=16, choices=CorrectionState.choices, default=CorrectionState.DRAFT
    )
    published_at = models.DateTimeField(_("published"), null=True, blank=True, db_index=True)
    # Set when the published wording was changed afterwards: shown as "amended".
    amended_at = models.DateTimeField(_("amended"), null=True, blank=True)
    retracted_at = models.DateTimeField(_("retracted"), null=True, blank=True)
    created = models.DateTimeField(_("created"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True
    )

    class Meta:
        ordering = ("-published_at", "-id")
        verbose_name = _("correction")
        verbose_name_plural = _("corrections")
        indexes = (
            models.Index(fields=["outlet", "state", "-published_at"], name="publish_log_idx"),
            models.Index(fields=["article", "state"], name="publish_article_idx"),
        )

    def __str__(self) -> str:
        return f"{self.get_kind_display()} #{self.pk}"


class CorrectionRevision(models.Model):
    """An earlier published wording of a notice, kept when it is amended or retracted."""

    correction = models.ForeignKey(Correction, on_delete=models.CASCADE, related_name="revisions")
    kind = models.CharField(max_length=16, choices=Kind.choices)
    text = models.TextField()
    replaced_at = models.DateTimeField()
    replaced_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True
    )
    why = models.TextField(_("why it was changed"), blank=True)

    class Meta:
        ordering = ("correction", "replaced_at", "id")

    def __str__(self) -> str:
        return f"revision of #{self.correction_id} at {self.replaced_at}"


class AlertKind(models.TextChoices):
    SILENT_EDIT = "silent_edit", _("edited without a notice")
    REPORTED_PASSAGE_CHANGED = "reported_passage_changed", _("a reported passage was changed")


class Alert(models.Model):
    """Something the desk should look at: an article changed without a correction notice."""

    outlet = models.ForeignKey(Outlet, on_delete=models.CASCADE, related_name="alerts")
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="alerts")
    old_version = models.ForeignKey(ArticleVersion, on_delete=models.CASCADE, related_name="+")
    new_version = models.ForeignKey(ArticleVersion, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(_("kind"), max_length=32, choices=AlertKind.choices)
    report = models.ForeignKey(
        Report, on_delete=models.SET_NULL, null=True, blank=True, related_name="alerts"
    )
    summary = models.TextField(_("what changed"), blank=True)
    created = models.DateTimeField(_("raised"), auto_now_add=True)
    resolved_at = models.DateTimeField(_("resolved"), null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True
    )

    class Meta:
        ordering = ("-created", "-id")
        verbose_name = _("alert")
        verbose_name_plural = _("alerts")
        constraints = (
            models.UniqueConstraint(
                fields=["new_version", "kind", "report"], name="publish_alert_once"
            ),
        )

    def __str__(self) -> str:
        return f"{self.kind} on {self.article_id}"
