"""Reads for readers' reports."""

from __future__ import annotations

from django.db.models import QuerySet

from corrigenda.archive import addresses
from corrigenda.archive.models import Outlet, OutletDomain
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


def item_readers(*, report: Report) -> QuerySet[Report]:
    """Every report of an item, the first reader's first."""
    primary = report_item(report=report)
    return (
        Report.objects.filter(pk=primary.pk)
        .union(Report.objects.filter(merged_into=primary))
        .order_by("received_at")
    )
