"""Reads for readers' reports."""

from __future__ import annotations

from django.conf import settings
from django.urls import reverse

from corrigenda.archive import addresses
from corrigenda.archive.models import Outlet, OutletDomain
from corrigenda.reports import anchoring
from corrigenda.reports.models import Report


def outlet_by_location(*, location: str) -> Outlet | None:
    """The outlet an article address belongs to, by its domain."""
    if not addresses.is_web_url(location):
        return None
    owner = (
        OutletDomain.objects.select_related("outlet")
        .filter(domain=addresses.domain_of(location.strip()))
        .first()
    )
    return owner.outlet if owner else None


def report_by_token(*, token: str) -> Report | None:
    """The report behind a reader's private status link."""
    return (
        Report.objects.select_related("outlet", "article", "merged_into")
        .prefetch_related("evidence")
        .filter(token=token)
        .first()
    )


def report_item(*, report: Report) -> Report:
    """The item a report belongs to: itself, or the report it was merged into."""
    return report.merged_into or report


def report_anchor(*, report: Report) -> anchoring.Anchor:
    """The report's stored anchor as the anchoring module's selector."""
    return anchoring.Anchor(
        start=report.anchor_start or 0,
        end=report.anchor_end or 0,
        exact=report.anchor_exact,
        prefix=report.anchor_prefix,
        suffix=report.anchor_suffix,
        score=report.anchor_score or 0.0,
        method=report.anchor_method,
    )


def status_url(report: Report) -> str:
    """The reader's private status link, absolute (for e-mails and the API)."""
    return settings.SITE_URL + reverse("reports:status", args=[report.token])
