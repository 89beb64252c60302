"""The desk's writes: each change and its audit entry commit together."""

from __future__ import annotations

from typing import Any

import pytest
from django_tasks_db.models import DBTaskResult

from corrigenda.desk import services
from corrigenda.desk.models import Check, Note, ReplyTemplate
from corrigenda.desk.tasks import check_run_task
from corrigenda.desk.workflow import NotAllowed
from corrigenda.outbox.models import Message
from corrigenda.reports.models import Report, ReportEvent, Status
from tests.desk._desk_setup import bergpost, desk_user, file_report, seeblick

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fast_passwords(settings: Any) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def outlet() -> Any:
    return seeblick()


@pytest.fixture
def editor(outlet: Any) -> Any:
    return desk_user("nora", outlet)


def events(report: Report, action: str) -> list[ReportEvent]:
    return list(ReportEvent.objects.filter(report=report, action=action).order_by("id"))


def test_assign_only_to_the_outlets_desk(outlet: Any, editor: Any) -> None:
    report = file_report(outlet)
    services.report_assign(report=report, assignee=editor, actor=editor)
    assert Report.objects.get(pk=report.pk).assignee == editor
    with pytest.raises(ValueError, match="desk"):
        services.report_assign(report=report, assignee=desk_user("max", bergpost()), actor=editor)
    services.report_assign(report=report, assignee=None, actor=editor)
    assert Report.objects.get(pk=report.pk).assignee is None
    assert [e.detail for e in events(report, "assigned")] == [{"to": "nora"}, {"to": None}]
    assert events(report, "assigned")[0].actor == editor


def test_transitions_time_the_first_response_and_the_decision(outlet: Any, editor: Any) -> None:
    report = file_report(outlet)
    services.report_transition(report=report, to=Status.IN_REVIEW, actor=editor)
    report.refresh_from_db()
    first = report.first_response_at
    assert first is not None
    assert report.decided_at is None
    services.report_transition(report=report, to=Status.ACCEPTED, actor=editor)
    report.refresh_from_db()
    assert report.first_response_at == first
    assert report.decided_at is not None
    # Reopening takes the decision back; the first response stays.
    services.report_transition(report=report, to=Status.IN_REVIEW, actor=editor)
    report.refresh_from_db()
    assert (report.first_response_at, report.decided_at) == (first, None)
    moves = [(e.detail["before"], e.detail["after"]) for e in events(report, "status")]
    assert moves == [("new", "in_review"), ("in_review", "accepted"), ("accepted", "in_review")]


def test_a_refused_move_changes_nothing(outlet: Any, editor: Any) -> None:
    report = file_report(outlet)
    with pytest.raises(NotAllowed):
        services.report_transition(report=report, to=Status.REJECTED, actor=editor, reason="")
    report.refresh_from_db()
    assert (report.status, report.first_response_at) == (Status.NEW, None)
    assert events(report, "status") == []


def test_rejection_keeps_its_reason(outlet: Any, editor: Any) -> None:
    report = file_report(outlet)
    services.report_transition(
        report=report, to=Status.REJECTED, actor=editor, reason=" Die Stadt nennt 14,2. "
    )
    report.refresh_from_db()
    assert report.decision_reason == "Die Stadt nennt 14,2."


def test_a_note_is_audited(outlet: Any, editor: Any) -> None:
    report = file_report(outlet)
    note = services.note_add(report=report, author=editor, text="  Rückfrage läuft ")
    assert Note.objects.get(pk=note.pk).text == "Rückfrage läuft"
    assert events(report, "note")[0].detail == {"note": note.pk}


def test_reply_goes_to_every_reader_with_an_address_with_their_own_link(
    outlet: Any, editor: Any
) -> None:
    report = file_report(outlet)
    ben = file_report(outlet, reporter_email="ben@example.org")
    file_report(outlet, reporter_email="")
    before = set(Message.objects.values_list("pk", flat=True))
    sent = services.reply_send(
        report=report, actor=editor, subject="Danke", body="Stand: {status_url}", purpose="accepted"
    )
    assert sent == 2
    mails = {m.recipient: m for m in Message.objects.exclude(pk__in=before)}
    assert set(mails) == {"anna@example.org", "ben@example.org"}
    assert mails["ben@example.org"].body.endswith(f"/report/status/{ben.token}/")
    assert mails["anna@example.org"].body.endswith(f"/report/status/{report.token}/")
    assert "Auto-Submitted" not in mails["anna@example.org"].headers  # a person wrote it
    report.refresh_from_db()
    assert report.first_response_at is not None
    assert events(report, "replied")[0].detail == {"purpose": "accepted", "readers": 2}


def test_reply_draft_outlet_template_first_then_default(outlet: Any) -> None:
    report = file_report(outlet)
    subject, body = services.reply_draft(report=report, purpose="accepted")
    assert subject == "Wir korrigieren den Artikel – danke für Ihren Hinweis"
    assert "Guten Tag Anna Leser" in body
    assert "{status_url}" in body  # filled per reader when sent
    ReplyTemplate.objects.create(
        outlet=outlet, purpose="accepted", language="de", subject="Merci", body="{{ outlet.name }}"
    )
    assert services.reply_draft(report=report, purpose="accepted") == ("Merci", "Seeblick-Zeitung")
    assert services.reply_draft(report=report, purpose="accepted", language="en")[0] == (
        "We are correcting the article – thank you"
    )


def test_every_purpose_has_a_default_template_in_both_languages() -> None:
    defaults = set(
        ReplyTemplate.objects.filter(outlet__isnull=True).values_list("purpose", "language")
    )
    assert defaults == {
        (p, lang) for p in ("received", "accepted", "rejected", "question") for lang in ("de", "en")
    }


def test_check_queue_writes_the_check_and_its_task(outlet: Any, editor: Any) -> None:
    report = file_report(outlet)  # filing queued the first check
    assert Check.objects.filter(report=report).count() == 1
    check = services.check_queue(report=report, actor=editor)
    assert Check.objects.filter(report=report).count() == 2
    tasks = DBTaskResult.objects.filter(task_path=check_run_task.module_path)
    assert [t.args_kwargs["args"] for t in tasks.order_by("enqueued_at")][-1] == [check.pk]
    assert events(report, "check_requested")[0].detail == {"check": check.pk}
