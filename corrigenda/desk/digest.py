"""The daily digest: every desk member gets one e-mail listing their outlet's overdue reports.

Run it daily (or hourly: it is idempotent per day). A member gets at most one digest
per outlet and calendar day (site time zone); nothing is sent when nothing is overdue.
The outbox row's `about` ("desk.digest:<outlet>:<user>:<day>") is the marker of a
digest already queued. The digest names reports by number and article, never the
reader who sent them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import ngettext

from corrigenda.archive.models import Outlet
from corrigenda.archive.spelling import reader_locale
from corrigenda.desk.metrics import Hours, service_levels
from corrigenda.desk.models import Membership
from corrigenda.desk.sla import due_at
from corrigenda.outbox.models import Message
from corrigenda.outbox.services import message_queue
from corrigenda.reports.models import OPEN_STATUSES, Report


@dataclass(frozen=True)
class OverdueReport:
    number: int
    location: str
    status: str
    step: str  # "first_response" or "decision"
    due: datetime
    hours_late: int
    link: str


@dataclass(frozen=True)
class Digest:
    """One e-mail to write: `reports` of `outlet`, to the desk member `user`."""

    outlet: Outlet
    user: Any
    day: date
    reports: tuple[OverdueReport, ...]

    @property
    def about(self) -> str:
        return digest_marker(outlet=self.outlet, user=self.user, day=self.day)


def digest_marker(*, outlet: Outlet, user: Any, day: date) -> str:
    return f"desk.digest:{outlet.pk}:{user.pk}:{day.isoformat()}"


def overdue_reports(*, outlet: Outlet, level: Hours, now: datetime) -> list[OverdueReport]:
    """The outlet's open reports whose next step is past due at `now`, most overdue first."""
    found = []
    for report in Report.objects.filter(
        outlet=outlet, status__in=OPEN_STATUSES, merged_into__isnull=True
    ).order_by("received_at", "pk"):
        step, due = due_at(
            report.received_at,
            report.first_response_at,
            report.decided_at,
            level.first_response,
            level.decision,
        )
        if step is None or due is None or due >= now:
            continue
        found.append(
            OverdueReport(
                number=report.pk,
                location=report.location,
                status=report.get_status_display(),
                step=step,
                due=due,
                hours_late=int((now - due).total_seconds() // 3600),
                link=settings.SITE_URL + reverse("desk:report", args=[report.pk]),
            )
        )
    return sorted(found, key=lambda item: (item.due, item.number))


def digest_plan(*, now: datetime | None = None) -> list[Digest]:
    """The digests due at `now` that have not been queued yet today."""
    now = now or timezone.now()
    day = timezone.localdate(now)
    outlets = list(Outlet.objects.filter(desk_memberships__isnull=False).distinct())
    levels = service_levels(outlets)
    plan = []
    for outlet in outlets:
        with translation.override(_language(outlet)):
            reports = tuple(overdue_reports(outlet=outlet, level=levels[outlet.pk], now=now))
        if not reports:
            continue
        members = (
            Membership.objects.filter(outlet=outlet, user__is_active=True)
            .exclude(user__email="")
            .select_related("user")
            .order_by("user__username")
        )
        for membership in members:
            digest = Digest(outlet=outlet, user=membership.user, day=day, reports=reports)
            if not Message.objects.filter(about=digest.about).exists():
                plan.append(digest)
    return plan


def digest_send(*, now: datetime | None = None) -> int:
    """Queue today's digests in the outbox; how many were queued."""
    now = now or timezone.now()
    queued = 0
    for digest in digest_plan(now=now):
        with transaction.atomic():
            # Lock the membership so that two runs at once queue one digest, not two.
            Membership.objects.select_for_update().filter(
                outlet=digest.outlet, user=digest.user
            ).first()
            if Message.objects.filter(about=digest.about).exists():
                continue
            subject, body = digest_render(digest, now=now)
            message_queue(
                recipient=digest.user.email,
                subject=subject,
                body=body,
                language=_language(digest.outlet),
                about=digest.about,
                automatic=True,
            )
            queued += 1
    return queued


def digest_render(digest: Digest, *, now: datetime) -> tuple[str, str]:
    """Subject and plain-text body of the digest, in the outlet's language."""
    count = len(digest.reports)
    with translation.override(_language(digest.outlet)):
        subject = ngettext(
            "%(outlet)s: %(count)d overdue report",
            "%(outlet)s: %(count)d overdue reports",
            count,
        ) % {"outlet": digest.outlet.name, "count": count}
        body = render_to_string(
            "desk/mail/digest.txt",
            {
                "digest": digest,
                "count": count,
                "now": now,
                "queue_url": settings.SITE_URL + reverse("desk:queue"),
                "dashboard_url": settings.SITE_URL + reverse("desk:dashboard"),
            },
        )
    return subject, body


def _language(outlet: Outlet) -> str:
    language = (
        outlet.language if outlet.language in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
    )
    return reader_locale(language, outlet.spelling)
