"""Writes of the desk: assign, move through the workflow, discuss, reply.

Each write and its audit entry (`reports.ReportEvent`) commit together; a reply to
readers is an outbox row in the same transaction. The caller has checked access
(`desk.access`); these functions check the workflow.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.template import Context, Template
from django.utils import timezone, translation

from corrigenda.archive.spelling import reader_locale
from corrigenda.desk import workflow
from corrigenda.desk.access import desk_colleagues
from corrigenda.desk.models import Check, Note, ReplyPurpose, ReplyTemplate
from corrigenda.outbox.services import message_queue
from corrigenda.reports.models import Report, Status
from corrigenda.reports.selectors import status_url
from corrigenda.reports.services import report_event_record

AUTOMATIC = None  # actor of changes made by corrigenda itself


def report_assign(*, report: Report, assignee: Any | None, actor: Any) -> Report:
    """Give the report to a desk member of its outlet (None: unassign)."""
    if assignee is not None and not desk_colleagues(report.outlet).filter(pk=assignee.pk).exists():
        raise ValueError("the assignee is not on this outlet's desk")
    with transaction.atomic():
        report.assignee = assignee
        report.save(update_fields=["assignee"])
        report_event_record(
            report, actor=actor, action="assigned", to=getattr(assignee, "username", None)
        )
    return report


def report_transition(*, report: Report, to: str, actor: Any, reason: str = "") -> Report:
    """Move the report to state `to` (workflow.MOVES); a rejection needs a reason.

    Leaving *new* is the first response; accepting or rejecting is the decision.
    Merged readers follow their item: their status page shows the item's state.
    """
    workflow.check_move(report.status, to, reason=reason)
    now = timezone.now()
    with transaction.atomic():
        before = report.status
        report.status = to
        fields = ["status"]
        if report.first_response_at is None and to != workflow.NEW:
            report.first_response_at = now
            fields.append("first_response_at")
        if to in workflow.DECISIONS:
            report.decided_at = now
            report.decision_reason = reason.strip()
            fields += ["decided_at", "decision_reason"]
        elif workflow.is_reopening(before, to):
            report.decided_at = None
            report.decision_reason = ""
            fields += ["decided_at", "decision_reason"]
        report.save(update_fields=fields)
        report_event_record(
            report, actor=actor, action="status", before=before, after=to, reason=reason.strip()
        )
    return report


def note_add(*, report: Report, author: Any, text: str) -> Note:
    with transaction.atomic():
        note = Note.objects.create(report=report, author=author, text=text.strip())
        report_event_record(report, actor=author, action="note", note=note.pk)
    return note


def reply_send(*, report: Report, actor: Any, subject: str, body: str, purpose: str = "") -> int:
    """Send a reply to every reader of the item who left an address; how many got one.

    Counts as the first response. The text is the editor's (usually from a template,
    see `reply_draft`), sent as written.
    """
    readers = [report, *Report.objects.filter(merged_into=report)]
    with transaction.atomic():
        sent = 0
        for reader in readers:
            if not reader.reporter_email:
                continue
            message_queue(
                recipient=reader.reporter_email,
                subject=subject,
                body=body.replace("{status_url}", status_url(reader)),
                language=reader.language,
                about=f"reports.report:{reader.pk}",
                automatic=False,
            )
            sent += 1
        if report.first_response_at is None:
            report.first_response_at = timezone.now()
            report.save(update_fields=["first_response_at"])
        report_event_record(report, actor=actor, action="replied", purpose=purpose, readers=sent)
    return sent


def reply_draft(*, report: Report, purpose: str, language: str = "") -> tuple[str, str]:
    """Subject and body of the outlet's template for `purpose`, filled in for `report`."""
    language = language or report.language
    template = (
        ReplyTemplate.objects.filter(
            purpose=purpose, language=language, outlet=report.outlet
        ).first()
        or ReplyTemplate.objects.filter(
            purpose=purpose, language=language, outlet__isnull=True
        ).first()
    )
    if template is None:
        return "", ""
    context = Context(
        {
            "report": report,
            "outlet": report.outlet,
            "reason": report.decision_reason,
            "reader_name": report.reporter_name,
            "status_url": "{status_url}",  # filled per reader when sent
        },
        autoescape=False,  # a plain-text e-mail: "O'Brien", not "O&#x27;Brien"
    )
    with translation.override(reader_locale(language, report.outlet.spelling)):
        return (
            Template(template.subject).render(context).strip(),
            Template(template.body).render(context).strip(),
        )


def check_queue(*, report: Report, actor: Any = AUTOMATIC) -> Check:
    """Queue a pre-check run of the report (on intake and on an editor's demand)."""
    from corrigenda.desk.tasks import check_run_task

    with transaction.atomic():
        check = Check.objects.create(report=report)
        check_run_task.enqueue(check.pk)
        if actor is not AUTOMATIC:
            report_event_record(report, actor=actor, action="check_requested", check=check.pk)
    return check


__all__ = [
    "ReplyPurpose",
    "Status",
    "check_queue",
    "note_add",
    "reply_draft",
    "reply_send",
    "report_assign",
    "report_transition",
    "status_url",
]
