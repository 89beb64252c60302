"""An editor's round, in a real Chromium: from the queue to the reader's status and e-mail.

On the demo story, the report against the planted wrong figure (9,75 instead of 9,74
billion) arrives with its pre-check, which found the other outlets' sentences.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

import pytest

from corrigenda.desk.demo import DEMO_PASSWORD, desk_demo_load
from corrigenda.outbox.models import Message
from corrigenda.outbox.tasks import message_send_task
from corrigenda.reports.models import Report, ReportEvent, Status
from corrigenda.web.demo import demo_load

if TYPE_CHECKING:
    from playwright.sync_api import Page
    from pytest_django.live_server_helper import LiveServer

    from tests.mailservers import SmtpSink


@pytest.fixture(autouse=True)
def _fast_passwords(settings: Any) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.mark.django_db(transaction=True)
def test_editor_checks_assigns_accepts_and_the_reader_hears_of_it(
    page: Page, live_server: LiveServer, smtp_sink: SmtpSink
) -> None:
    demo_load()
    desk_demo_load()
    report = Report.objects.get(payload__demo="desk_demo", passage__startswith="Twitter")
    reader = report.reporter_email
    page.set_default_timeout(15_000)

    # Log in.
    page.goto(f"{live_server.url}/desk/")
    page.get_by_label("Username").fill("redaktion")
    page.get_by_label("Password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.get_by_role("heading", name="Queue").wait_for()

    # The report is in the queue with its hint and both readers.
    row = page.locator(f'tr[data-report="{report.pk}"]')
    assert "likely error" in row.inner_text()
    assert "2 readers" in row.inner_text()
    row.get_by_role("link").click()
    page.get_by_role("heading", name="Pre-check").wait_for()

    # The passage is highlighted; the other outlets' sentences give 9,74.
    assert "9,75 Milliarden" in page.locator("#passage mark").inner_text()
    check = page.locator("#check").inner_text()
    assert "Rheinblick Online" in check
    assert "9,74 Milliarden" in check

    # Assign to self, then accept with a note.
    page.get_by_role("button", name="Assign to me").click()
    page.get_by_text("Assigned to Nora Keller.").wait_for()
    page.get_by_label("New status").select_option("accepted")
    page.get_by_label("Note for the desk (optional)").fill("Rheinblick und Ledger: 9,74.")
    page.get_by_role("button", name="Change status").click()

    # The reply page comes prefilled from the default German template.
    page.get_by_role("heading", name="Reply to the readers").wait_for()
    assert "Wir korrigieren den Artikel" in page.get_by_label("Subject").input_value()
    page.get_by_role("button", name="Send the reply").click()
    page.get_by_text("Reply queued for 2 reader(s).").wait_for()
    history = page.locator("#history").inner_text()
    assert "status new → accepted" in history
    assert "Rheinblick und Ledger: 9,74." in history

    report.refresh_from_db()
    assert report.status == Status.ACCEPTED
    assert report.assignee is not None
    assert report.assignee.username == "redaktion"
    assert ReportEvent.objects.filter(report=report, action="note").exists()

    # The reader's status page follows the decision...
    page.goto(f"{live_server.url}/report/status/{report.token}/")
    assert "Accepted" in page.locator(".state").inner_text()

    # ...and the reply leaves through the outbox to the reader, with their own link.
    reply = Message.objects.get(recipient=reader, subject__startswith="Wir korrigieren")
    message_send_task.call(reply.pk)
    [mail] = [m for m in smtp_sink.received if reader in m.rcpt_tos]
    body = mail.message.get_content()
    assert re.search(rf"/report/status/{re.escape(report.token)}/", body)
    assert "Sie haben recht" in body
