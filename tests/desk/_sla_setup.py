"""Reports with chosen times, written straight into the table (the desk's timing fields)."""

from __future__ import annotations

import secrets
from datetime import datetime, timedelta

from corrigenda.archive.models import Outlet
from corrigenda.archive.services import outlet_register
from corrigenda.reports.models import Report, Status


def sla_outlet(slug: str = "testblatt", name: str = "Testblatt", language: str = "en") -> Outlet:
    return outlet_register(slug=slug, name=name, language=language, domains=(f"{slug}.example",))


def timed_report(
    outlet: Outlet,
    received: datetime,
    *,
    first: float | None = None,
    decided: float | None = None,
    status: str | None = None,
    **fields: object,
) -> Report:
    """A report received at `received`, answered after `first` and decided after `decided` hours."""
    if status is None:
        status = (
            Status.ACCEPTED if decided is not None else Status.IN_REVIEW if first else Status.NEW
        )
    return Report.objects.create(
        outlet=outlet,
        location=f"https://{outlet.slug}.example/article-{secrets.token_hex(3)}",
        language=outlet.language,
        channel="form",
        status=status,
        token=secrets.token_urlsafe(32),
        received_at=received,
        first_response_at=received + timedelta(hours=first) if first is not None else None,
        decided_at=received + timedelta(hours=decided) if decided is not None else None,
        **fields,
    )
