"""Readers' correction requests and what arrived with them.

Rows are written by `services.py` only. A `Report` is one reader's request; reports
about the same passage are merged by pointing at the first one (`merged_into`), so
the desk sees one item with every reader behind it and can split it again.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from corrigenda.archive.models import Article, ArticleVersion, Outlet


class Channel(models.TextChoices):
    FORM = "form", _("web form")
    WIDGET = "widget", _("button on the article")
    API = "api", _("JSON API")
    EMAIL = "email", _("e-mail")
    CLI = "cli", _("command line")


class Status(models.TextChoices):
    NEW = "new", _("new")
    IN_REVIEW = "in_review", _("in review")
    ACCEPTED = "accepted", _("accepted")
    REJECTED = "rejected", _("rejected")
    DUPLICATE = "duplicate", _("merged")


OPEN_STATUSES = (Status.NEW, Status.IN_REVIEW)


class AnchorState(models.TextChoices):
    PENDING = "pending", _("article being archived")
    ANCHORED = "anchored", _("passage found")
    UNANCHORED = "unanchored", _("passage not found")
    NO_PASSAGE = "no_passage", _("no passage given")
    NO_ARTICLE = "no_article", _("article could not be archived")


class Report(models.Model):
    """One reader's correction request for one article."""

    outlet = models.ForeignKey(Outlet, on_delete=models.PROTECT, related_name="reports")
    article = models.ForeignKey(
        Article, on_delete=models.PROTECT, null=True, blank=True, related_name="reports"
    )
    location = models.CharField(_("article URL"), max_length=2048)
    passage = models.TextField(_("wrong passage"), blank=True)
    # The words around the reader's selection (from the button), to find the right
    # occurrence of a passage that the article contains twice.
    passage_prefix = models.CharField(_("text before the passage"), max_length=200, blank=True)
    passage_suffix = models.CharField(_("text after the passage"), max_length=200, blank=True)
    proposed_fix = models.TextField(_("proposed correction"), blank=True)
    description = models.TextField(_("description"), blank=True)
    language = models.CharField(_("language"), max_length=8)
    channel = models.CharField(_("channel"), max_length=16, choices=Channel.choices)
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.NEW, db_index=True
    )
    merged_into = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="merged",
        verbose_name=_("merged into"),
    )
    # The reader's private status link; unguessable, never listed anywhere.
    token = models.CharField(_("status token"), max_length=64, unique=True)
    reporter_name = models.CharField(_("name"), max_length=200, blank=True)
    reporter_email = models.EmailField(_("e-mail"), blank=True)
    contact_erased_at = models.DateTimeField(_("contact data erased"), null=True, blank=True)
    # What the reader sent, as received (form fields, API body); personal fields are
    # blanked on erasure. E-mail keeps its raw bytes in InboundMail.
    payload = models.JSONField(_("as received"), default=dict, blank=True)
    received_at = models.DateTimeField(_("received"), default=timezone.now, db_index=True)

    # The desk's work on it (corrigenda.desk writes these, with an audit entry each).
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="assigned_reports",
        verbose_name=_("assigned to"),
    )
    first_response_at = models.DateTimeField(_("first response"), null=True, blank=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decision_reason = models.TextField(_("reason for the decision"), blank=True)

    # Where the passage stands in the archive: a W3C text-quote selector (exact text
    # with prefix and suffix) plus its position in the version it was found in.
    anchor_state = models.CharField(
        _("anchoring"), max_length=16, choices=AnchorState.choices, default=AnchorState.PENDING
    )
    anchor_version = models.ForeignKey(
        ArticleVersion, on_delete=models.PROTECT, null=True, blank=True, related_name="reports"
    )
    anchor_start = models.PositiveIntegerField(null=True, blank=True)
    anchor_end = models.PositiveIntegerField(null=True, blank=True)
    anchor_exact = models.TextField(_("anchored passage"), blank=True)
    anchor_prefix = models.CharField(max_length=64, blank=True)
    anchor_suffix = models.CharField(max_length=64, blank=True)
    anchor_method = models.CharField(max_length=16, blank=True)
    anchor_score = models.FloatField(null=True, blank=True)
    # Why it was not anchored, and the closest passage the archive has.
    anchor_note = models.CharField(max_length=32, blank=True)
    anchor_closest = models.TextField(blank=True)

    class Meta:
        ordering = ("-received_at", "-id")
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        indexes = (
            models.Index(fields=["outlet", "status", "-received_at"], name="reports_queue_idx"),
            models.Index(fields=["article", "status"], name="reports_article_idx"),
        )
        constraints = (
            models.CheckConstraint(
                condition=~models.Q(merged_into=models.F("id")), name="reports_not_merged_in_self"
            ),
        )

    def __str__(self) -> str:
        return f"#{self.pk} {self.location}"

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES


class Evidence(models.Model):
    """A link the reader gave to support the correction."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="evidence")
    url = models.CharField(_("URL"), max_length=2048)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ("report", "position")
        verbose_name = _("evidence")
        verbose_name_plural = _("evidence")

    def __str__(self) -> str:
        return self.url


class ReportEvent(models.Model):
    """The audit trail: who did what to a report, when. Written with the change."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="events")
    at = models.DateTimeField(_("at"), default=timezone.now)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True
    )
    action = models.CharField(_("action"), max_length=32)
    detail = models.JSONField(_("detail"), default=dict, blank=True)

    class Meta:
        ordering = ("report", "at", "id")
        verbose_name = _("report event")
        verbose_name_plural = _("report events")

    def __str__(self) -> str:
        return f"{self.action} #{self.report_id}"


class MailStatus(models.TextChoices):
    RECEIVED = "received", _("received")
    REPORTED = "reported", _("became a report")
    QUARANTINED = "quarantined", _("quarantined")
    REJECTED = "rejected", _("not a report")


class InboundMail(models.Model):
    """A message from the desk mailbox or an imported file, raw bytes first.

    The row is committed before the message is parsed, so nothing is lost; the IMAP
    position (mailbox, UIDVALIDITY, UID) and the Message-ID stop a second import.
    """

    received_at = models.DateTimeField(_("received"), default=timezone.now)
    source = models.CharField(_("source"), max_length=16)  # imap, eml, mbox
    mailbox = models.CharField(_("mailbox"), max_length=300, blank=True)
    uidvalidity = models.BigIntegerField(null=True, blank=True)
    uid = models.BigIntegerField(null=True, blank=True)
    message_id = models.CharField(_("Message-ID"), max_length=998, blank=True)
    raw = models.BinaryField(_("raw message"))
    status = models.CharField(
        _("status"), max_length=16, choices=MailStatus.choices, default=MailStatus.RECEIVED
    )
    reason = models.CharField(_("reason"), max_length=300, blank=True)
    report = models.OneToOneField(
        Report, on_delete=models.SET_NULL, null=True, blank=True, related_name="mail"
    )

    class Meta:
        ordering = ("-received_at", "-id")
        verbose_name = _("incoming e-mail")
        verbose_name_plural = _("incoming e-mails")
        constraints = (
            models.UniqueConstraint(
                fields=["mailbox", "uidvalidity", "uid"],
                condition=models.Q(uid__isnull=False),
                name="reports_inboundmail_unique_imap",
            ),
            models.UniqueConstraint(
                fields=["message_id"],
                condition=~models.Q(message_id=""),
                name="reports_inboundmail_unique_message_id",
            ),
        )

    def __str__(self) -> str:
        return f"mail #{self.pk} ({self.status})"


class IdempotencyState(models.TextChoices):
    IN_FLIGHT = "in_flight", _("in flight")
    DONE = "done", _("done")


class IdempotencyKey(models.Model):
    """An API request's `Idempotency-Key`: a retry gets the first answer again.

    The unique key is the guard; the answer is stored in the transaction that
    creates the report, so a crash after the commit replays it instead of filing
    the report twice.
    """

    key = models.CharField(max_length=255, unique=True)
    request_hash = models.CharField(max_length=64)
    state = models.CharField(
        max_length=16, choices=IdempotencyState.choices, default=IdempotencyState.IN_FLIGHT
    )
    # While in flight, another request with the key waits for this long; a process
    # that died leaves a lease that runs out, and a retry then takes over.
    locked_until = models.DateTimeField()
    response_status = models.PositiveSmallIntegerField(null=True, blank=True)
    response_body = models.JSONField(null=True, blank=True)
    report = models.ForeignKey(Report, on_delete=models.SET_NULL, null=True, blank=True)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("idempotency key")
        verbose_name_plural = _("idempotency keys")

    def __str__(self) -> str:
        return self.key


class IntakePolicy(models.Model):
    """Per-outlet limits on what readers may send (defaults come from settings)."""

    outlet = models.OneToOneField(Outlet, on_delete=models.CASCADE, related_name="intake_policy")
    per_sender_per_hour = models.PositiveIntegerField(_("reports per sender and hour"), default=5)
    per_outlet_per_hour = models.PositiveIntegerField(_("reports per hour in all"), default=500)
    proof_of_work = models.BooleanField(_("proof-of-work challenge on the form"), default=True)
    proof_of_work_difficulty = models.PositiveIntegerField(
        _("challenge difficulty (maximum number)"), default=50_000
    )
    max_passage_chars = models.PositiveIntegerField(_("longest passage"), default=2_000)
    max_text_chars = models.PositiveIntegerField(_("longest description or fix"), default=5_000)
    max_links = models.PositiveSmallIntegerField(_("most evidence links"), default=10)
    max_mail_bytes = models.PositiveIntegerField(_("largest e-mail"), default=10 * 1024 * 1024)

    class Meta:
        verbose_name = _("intake policy")
        verbose_name_plural = _("intake policies")

    def __str__(self) -> str:
        return f"{self.outlet}"


class SpentChallenge(models.Model):
    """A solved proof-of-work challenge: accepted once, remembered until it expires."""

    signature = models.CharField(max_length=64, unique=True)
    expires_at = models.DateTimeField(db_index=True)

    def __str__(self) -> str:
        return self.signature


class RateCount(models.Model):
    """Reports counted per key (a hashed sender address, an outlet) and time window.

    Incremented with one atomic upsert, so the limit holds across processes.
    """

    key = models.CharField(max_length=64)
    window_start = models.DateTimeField(db_index=True)
    count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = (
            models.UniqueConstraint(
                fields=["key", "window_start"], name="reports_ratecount_unique"
            ),
        )

    def __str__(self) -> str:
        return f"{self.key}@{self.window_start}: {self.count}"
