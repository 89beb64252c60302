"""`corrigenda mail import` and `corrigenda mail fetch`."""

from __future__ import annotations

import mailbox
import os
import signal
import threading
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import translation
from pytest_django.fixtures import Settings

from corrigenda.archive.models import Outlet
from corrigenda.reports.imap import IMPORTED
from corrigenda.reports.models import InboundMail, MailStatus, Report
from tests.mailservers import Dovecot
from tests.reports._mail_setup import ARTICLE, auto_reply, desk_outlet, reader_mail


@pytest.fixture
def outlet(db: None) -> Outlet:
    return desk_outlet()


def mail(*args: str, err: StringIO | None = None) -> str:
    out = StringIO()
    with translation.override("en"):
        call_command("mail", *args, stdout=out, stderr=err or StringIO())
    return out.getvalue()


def test_import_of_eml_files_and_an_mbox_twice_files_each_report_once(
    outlet: Outlet, tmp_path: Path
) -> None:
    eml = tmp_path / "meldung.eml"
    eml.write_bytes(reader_mail())
    box = mailbox.mbox(tmp_path / "archiv.mbox")
    box.add(reader_mail(message_id="<zweite@example.ch>", sender="anna.keller@example.ch"))
    box.add(auto_reply())
    box.close()

    first = mail("import", str(eml), str(tmp_path / "archiv.mbox"))
    again = mail("import", str(eml), str(tmp_path / "archiv.mbox"))

    assert first.strip() == ("3 stored, 0 already imported, 2 reported, 0 quarantined, 1 rejected")
    assert again.strip() == ("0 stored, 3 already imported, 0 reported, 0 quarantined, 0 rejected")
    assert sorted(InboundMail.objects.values_list("source", flat=True)) == ["eml", "mbox", "mbox"]
    assert list(Report.objects.values_list("location", flat=True)) == [ARTICLE, ARTICLE]


def test_import_goes_on_after_a_missing_file_and_fails_at_the_end(
    outlet: Outlet, tmp_path: Path
) -> None:
    eml = tmp_path / "meldung.eml"
    eml.write_bytes(reader_mail())
    err = StringIO()

    with translation.override("en"), pytest.raises(CommandError, match="1 file failed"):
        call_command(
            "mail", "import", str(tmp_path / "fehlt.eml"), str(eml), stdout=StringIO(), stderr=err
        )

    assert "fehlt.eml" in err.getvalue()
    assert InboundMail.objects.get().status == MailStatus.REPORTED


def test_fetch_reads_the_configured_mailbox(
    outlet: Outlet, dovecot: Dovecot, settings: Settings
) -> None:
    for name, value in dovecot.settings().items():
        setattr(settings, name, value)
    uid = dovecot.append(reader_mail())

    out = mail("fetch")

    assert out.strip() == "1 stored, 0 already imported, 1 reported, 0 quarantined, 0 rejected"
    assert IMPORTED in dovecot.flags()[uid]
    assert Report.objects.get().location == ARTICLE


def test_fetch_without_a_mailbox_says_what_to_set(db: None, settings: Settings) -> None:
    settings.IMAP_HOST = ""
    with pytest.raises(CommandError, match="CORRIGENDA_IMAP_HOST"):
        mail("fetch")


# Each poll starts with close_old_connections(), as a long-running process must; inside
# a test transaction that would close the test's own connection, so this test commits.
@pytest.mark.django_db(transaction=True)
def test_fetch_every_keeps_polling_until_sigterm(
    outlet: Outlet, dovecot: Dovecot, settings: Settings
) -> None:
    for name, value in dovecot.settings().items():
        setattr(settings, name, value)
    uid = dovecot.append(reader_mail())
    before = signal.getsignal(signal.SIGTERM)
    stopper = threading.Thread(target=_terminate_once_flagged, args=(dovecot, uid, before))
    stopper.start()

    err = StringIO()
    out = mail("fetch", "--every", "0.2", err=err)  # returns on SIGTERM instead of dying

    stopper.join(timeout=60)
    assert out, err.getvalue()
    assert out.splitlines()[0].startswith("1 stored")
    assert InboundMail.objects.get().status == MailStatus.REPORTED
    assert signal.getsignal(signal.SIGTERM) is before  # the command's handler is gone again


def _terminate_once_flagged(dovecot: Dovecot, uid: int, before: object) -> None:
    """SIGTERM to this process once the command polls and the message is flagged."""
    for _ in range(600):
        if signal.getsignal(signal.SIGTERM) is not before and IMPORTED in dovecot.flags()[uid]:
            break
        threading.Event().wait(0.1)
    os.kill(os.getpid(), signal.SIGTERM)
