"""DEMO DATA ONLY: four months of invented past reports, so the dashboard has figures.

`sla_demo_history(outlet, now)` writes about thirty reports straight into the table —
not through `report_submit`, which would anchor and pre-check each of them — with
plausible times of first response and decision, getting faster month by month, and a
few still open (two of them overdue). Every row carries `payload["demo"]` =
"sla_history" and no reader's name or address. Running it again adds nothing.
"""

from __future__ import annotations

import secrets
from datetime import datetime, timedelta
from typing import Any

from django.db import transaction

from corrigenda.archive.models import Article, Outlet
from corrigenda.desk.models import Membership
from corrigenda.reports.models import AnchorState, Channel, Report, ReportEvent, Status

DEMO_MARK = "sla_history"

# (days ago, hours to first response, hours to decision, outcome); None: not yet.
# Oldest first; the desk gets faster over the months.
HISTORY: tuple[tuple[float, float | None, float | None, str], ...] = (
    (118.2, 20.5, 96.0, Status.ACCEPTED),
    (113.6, 31.0, 140.0, Status.REJECTED),
    (109.4, 9.0, 52.0, Status.ACCEPTED),
    (104.9, 26.0, 80.5, Status.ACCEPTED),
    (100.3, 14.5, 70.0, Status.REJECTED),
    (96.8, 40.0, 118.0, Status.ACCEPTED),
    (93.1, 11.0, 60.0, Status.ACCEPTED),
    (88.7, 18.0, 75.0, Status.ACCEPTED),
    (85.2, 7.5, 44.0, Status.REJECTED),
    (81.6, 22.0, 90.0, Status.ACCEPTED),
    (77.9, 12.0, 58.5, Status.ACCEPTED),
    (74.3, 28.5, 101.0, Status.ACCEPTED),
    (70.1, 5.0, 36.0, Status.REJECTED),
    (66.4, 16.0, 66.0, Status.ACCEPTED),
    (62.8, 9.5, 49.0, Status.ACCEPTED),
    (58.5, 6.0, 40.0, Status.ACCEPTED),
    (54.9, 13.5, 55.0, Status.REJECTED),
    (51.2, 4.0, 30.0, Status.ACCEPTED),
    (47.6, 19.0, 77.0, Status.ACCEPTED),
    (43.3, 8.0, 41.5, Status.ACCEPTED),
    (39.7, 3.5, 26.0, Status.REJECTED),
    (35.4, 10.0, 47.0, Status.ACCEPTED),
    (31.8, 25.0, 63.0, Status.ACCEPTED),
    (27.5, 2.5, 22.0, Status.ACCEPTED),
    (23.9, 6.5, 31.0, Status.REJECTED),
    (19.6, 4.5, 28.0, Status.ACCEPTED),
    (15.2, 11.5, 39.0, Status.ACCEPTED),
    (11.8, 3.0, 20.5, Status.ACCEPTED),
    (7.4, 8.5, 33.0, Status.ACCEPTED),
    (4.1, 5.5, None, Status.IN_REVIEW),  # decision overdue (72 h)
    (2.2, None, None, Status.NEW),  # first response overdue (24 h)
    (1.3, 2.0, None, Status.IN_REVIEW),
    (0.2, None, None, Status.NEW),
)

DESCRIPTIONS = (
    "Demo: die Zahl im zweiten Absatz stimmt nicht.",
    "Demo: das Datum der Sitzung ist falsch.",
    "Demo: das Zitat stammt von jemand anderem.",
    "Demo: der Name ist falsch geschrieben.",
)
REJECTION = "Demo: Die Angabe im Artikel stimmt; die Quelle bestätigt sie."
CHANNELS = (Channel.FORM, Channel.WIDGET, Channel.EMAIL, Channel.FORM, Channel.API)


def sla_demo_history(outlet: Outlet, now: datetime) -> int:
    """Write the demo's past reports for `outlet` (once); how many were written."""
    if Report.objects.filter(outlet=outlet, payload__demo=DEMO_MARK).exists():
        return 0
    articles: list[Article | None] = list(Article.objects.filter(outlet=outlet).order_by("pk"))
    articles = articles or [None]
    membership = Membership.objects.filter(outlet=outlet).select_related("user").first()
    editor = membership.user if membership else None
    with transaction.atomic():
        for index, (days_ago, first, decision, outcome) in enumerate(HISTORY):
            received = now - timedelta(days=days_ago)
            report = Report.objects.create(
                outlet=outlet,
                article=(article := articles[index % len(articles)]),
                location=article.canonical_url if article else f"https://{_domain(outlet)}/",
                description=DESCRIPTIONS[index % len(DESCRIPTIONS)],
                language=outlet.language,
                channel=CHANNELS[index % len(CHANNELS)],
                status=outcome,
                token=secrets.token_urlsafe(32),
                payload={"demo": DEMO_MARK},
                received_at=received,
                anchor_state=AnchorState.NO_PASSAGE,
                assignee=editor if first is not None else None,
                first_response_at=received + timedelta(hours=first) if first is not None else None,
                decided_at=received + timedelta(hours=decision) if decision is not None else None,
                decision_reason=REJECTION if outcome == Status.REJECTED else "",
            )
            _history(report, editor, first, decision, outcome)
    return len(HISTORY)


def _history(
    report: Report, editor: Any, first: float | None, decision: float | None, outcome: str
) -> None:
    """The audit entries the desk would have written for these moves."""
    if first is not None:
        ReportEvent.objects.create(
            report=report,
            at=report.received_at + timedelta(hours=first),
            actor=editor,
            action="status",
            detail={"before": Status.NEW, "after": Status.IN_REVIEW, "reason": ""},
        )
    if decision is not None:
        ReportEvent.objects.create(
            report=report,
            at=report.received_at + timedelta(hours=decision),
            actor=editor,
            action="status",
            detail={"before": Status.IN_REVIEW, "after": outcome, "reason": report.decision_reason},
        )


def _domain(outlet: Outlet) -> str:
    domain = outlet.domains.values_list("domain", flat=True).first()
    return domain or "example.org"
