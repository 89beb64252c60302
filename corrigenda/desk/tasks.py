"""Background work of the desk: the automated pre-check of a report."""

from __future__ import annotations

from django.tasks import task


@task()
def check_run_task(check_id: int) -> str:
    """Run one queued pre-check; its hint (or its failure) for the task's result."""
    from corrigenda.desk.models import Check
    from corrigenda.desk.precheck import check_run

    check = Check.objects.select_related("report").filter(pk=check_id).first()
    if check is None:
        return "gone"
    check = check_run(check=check)
    return check.hint or str(check.state)
