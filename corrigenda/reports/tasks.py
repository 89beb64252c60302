"""Background work of intake: anchoring reports on articles not yet archived."""

from __future__ import annotations

from django.tasks import task

from corrigenda.reports import services
from corrigenda.reports.models import Report


@task()
def report_anchor_task(report_id: int) -> str:
    """Archive the report's article and anchor its passage; the anchoring state."""
    report = Report.objects.select_related("outlet", "article").filter(pk=report_id).first()
    if report is None:
        return "gone"
    return str(services.report_anchor(report=report).anchor_state)
