"""The outbox against a real SMTP server (aiosmtpd): sent once, retried on failure."""

from __future__ import annotations

import logging
from typing import Any

import pytest
from django.core.management import call_command
from django.db.models import QuerySet
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from pytest_django.fixtures import Settings

from corrigenda.archive.services import article_ingest, outlet_register
from corrigenda.outbox.models import Message, MessageStatus
from corrigenda.outbox.services import MAX_ATTEMPTS, message_queue, messages_withdraw
from corrigenda.outbox.tasks import message_send_task
from corrigenda.reports.models import Channel
from corrigenda.reports.services import report_submit
from corrigenda.reports.validation import Submission
from tests.mailservers import SmtpSink

READER = "leserin.meier@example.ch"


def send_tasks() -> QuerySet[DBTaskResult[Any, Any]]:
    return DBTaskResult.objects.filter(task_path=message_send_task.module_path)


def queue() -> Message:
    return message_queue(
        recipient=READER,
        subject="Ihre Korrekturmeldung",
        body="Danke für Ihre Meldung.",
        language="de",
        about="reports.report:1",
    )


@pytest.mark.django_db
def test_a_queued_message_reaches_the_recipient_marked_as_automatic(smtp_sink: SmtpSink) -> None:
    message = queue()
    assert send_tasks().filter(status="READY").count() == 1  # queued with the row
    assert smtp_sink.received == []  # nothing is sent before the worker runs

    assert message_send_task.call(message.pk) == MessageStatus.SENT

    [received] = smtp_sink.received
    assert received.rcpt_tos == (READER,)
    assert received.message["To"] == READER
    assert received.message["Auto-Submitted"] == "auto-replied"
    assert received.message["Subject"] == "Ihre Korrekturmeldung"
    assert received.message.get_content().strip() == "Danke für Ihre Meldung."
    message.refresh_from_db()
    assert (message.status, message.attempts) == (MessageStatus.SENT, 1)
    assert received.message["Message-ID"] == message.headers["Message-ID"]
    assert message.sent_at is not None
    # Sent is sent: a second run of the task (a retry) sends nothing again.
    assert message_send_task.call(message.pk) == MessageStatus.SENT
    assert len(smtp_sink.received) == 1


@pytest.mark.django_db
def test_an_smtp_failure_is_recorded_and_retried_without_logging_the_address(
    smtp_sink: SmtpSink, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    message = queue()
    smtp_sink.refuse = True

    assert message_send_task.call(message.pk) == MessageStatus.QUEUED

    message.refresh_from_db()
    assert message.attempts == 1
    assert message.last_error.startswith("SMTPRecipientsRefused")
    retry = send_tasks().filter(status="READY").order_by("-enqueued_at").first()
    assert retry is not None
    assert retry.run_after is not None
    assert retry.run_after > timezone.now()  # later, with backoff
    assert send_tasks().filter(status="READY").count() == 2
    assert smtp_sink.received == []
    assert caplog.records, "the failure is logged"
    assert all(READER not in record.getMessage() for record in caplog.records)

    smtp_sink.refuse = False
    assert message_send_task.call(message.pk) == MessageStatus.SENT
    assert [r.rcpt_tos for r in smtp_sink.received] == [(READER,)]
    message.refresh_from_db()
    assert (message.status, message.attempts, message.last_error) == (MessageStatus.SENT, 2, "")


@pytest.mark.django_db
def test_the_outbox_gives_up_after_the_last_attempt(smtp_sink: SmtpSink) -> None:
    message = queue()
    smtp_sink.refuse = True

    results = [message_send_task.call(message.pk) for _ in range(MAX_ATTEMPTS)]

    assert results[-1] == MessageStatus.FAILED
    assert set(results[:-1]) == {MessageStatus.QUEUED}
    message.refresh_from_db()
    assert (message.status, message.attempts) == (MessageStatus.FAILED, MAX_ATTEMPTS)


@pytest.mark.django_db
def test_a_withdrawn_message_is_never_sent(smtp_sink: SmtpSink) -> None:
    message = queue()

    messages_withdraw(about="reports.report:1")

    assert message_send_task.call(message.pk) == MessageStatus.WITHDRAWN
    assert smtp_sink.received == []
    message.refresh_from_db()
    assert message.recipient == ""


@pytest.mark.django_db(transaction=True)
def test_the_readers_confirmation_arrives_with_the_status_link(
    smtp_sink: SmtpSink, settings: Settings
) -> None:
    settings.SITE_URL = "https://korrektur.seetal-bote.ch"
    outlet = outlet_register(
        slug="seetal-bote",
        name="Seetal-Bote",
        desk_email="korrektur@seetal-bote.ch",
        domains=("seetal-bote.ch",),
    )
    url = "https://www.seetal-bote.ch/gemeinde/schwimmbad-saniert-31"
    article_ingest(
        url=url,
        outlet=outlet,
        text=(
            "Schwimmbad saniert\n\nDas Freibad von Hochdorf öffnet nach der Sanierung am "
            "14. Mai wieder. Die Arbeiten kosteten 3,8 Millionen Franken. Neu gibt es ein "
            "Becken für Kleinkinder und eine längere Rutschbahn."
        ),
    )
    report = report_submit(
        submission=Submission(
            location=url,
            passage="Die Arbeiten kosteten 3,8 Millionen Franken.",
            proposed_fix="Die Arbeiten kosteten 8,3 Millionen Franken.",
            reporter_name="Sara Meier",
            reporter_email=READER,
            language="de",
        ),
        channel=Channel.FORM,
        sender="192.0.2.7",
    )
    assert smtp_sink.received == []  # queued with the report, sent by the worker

    call_command("worker", batch=True, interval=0.1, verbosity=0)

    [received] = smtp_sink.received
    assert received.rcpt_tos == (READER,)
    assert received.message["Auto-Submitted"] == "auto-replied"
    body = received.message.get_content()
    assert f"https://korrektur.seetal-bote.ch/report/status/{report.token}/" in body
    assert url in body
    assert "Die Arbeiten kosteten 8,3 Millionen Franken." in body
    assert Message.objects.get().status == MessageStatus.SENT
