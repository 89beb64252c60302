"""Importing mail from files, and the safety net of the shared import path."""

from __future__ import annotations

import logging
import mailbox
from pathlib import Path

import pytest

from corrigenda.archive.models import Outlet
from corrigenda.reports import mail_import
from corrigenda.reports.mail_import import ImportSummary, NotAMailFile, mail_file_import
from corrigenda.reports.models import InboundMail, MailStatus, Report
from tests.reports._mail_setup import READER, auto_reply, desk_outlet, reader_mail


@pytest.fixture
def outlet(db: None) -> Outlet:
    return desk_outlet()


def write_mbox(path: Path, *messages: bytes) -> Path:
    box = mailbox.mbox(path)
    for raw in messages:
        box.add(raw)
    box.close()
    return path


def test_an_mbox_archive_is_imported_message_by_message_and_only_once(
    outlet: Outlet, tmp_path: Path
) -> None:
    archive = write_mbox(
        tmp_path / "leserpost.mbox",
        reader_mail(message_id="<eins@example.ch>"),
        auto_reply(),
        reader_mail(message_id="<zwei@example.ch>", sender="anna.keller@example.ch"),
    )

    first = mail_file_import(path=archive)
    again = mail_file_import(path=archive)

    assert first == ImportSummary(stored=3, reported=2, rejected=1)
    assert again == ImportSummary(skipped_known=3)
    assert InboundMail.objects.count() == 3
    assert set(InboundMail.objects.values_list("source", flat=True)) == {"mbox"}
    # mbox's "From " line is not part of the stored message
    assert all(bytes(m.raw).startswith(b"From: ") for m in InboundMail.objects.all())
    assert Report.objects.count() == 2


def test_a_message_without_message_id_is_recognised_by_its_bytes(
    outlet: Outlet, tmp_path: Path
) -> None:
    eml = tmp_path / "ohne-id.eml"
    eml.write_bytes(reader_mail(message_id=None))

    assert mail_file_import(path=eml).stored == 1
    assert mail_file_import(path=eml) == ImportSummary(skipped_known=1)
    assert Report.objects.count() == 1


def test_a_message_stored_but_never_read_is_read_on_the_next_import(
    outlet: Outlet, tmp_path: Path
) -> None:
    eml = tmp_path / "meldung.eml"
    eml.write_bytes(reader_mail())
    # The process died after the raw message was committed, before it was read.
    InboundMail.objects.create(
        raw=eml.read_bytes(), source="eml", message_id="<birs-2291@example.ch>"
    )

    summary = mail_file_import(path=eml)

    assert summary == ImportSummary(skipped_known=1, reported=1)
    assert InboundMail.objects.get().status == MailStatus.REPORTED
    assert Report.objects.count() == 1


def test_a_crash_while_reading_quarantines_the_message_instead_of_losing_it(
    outlet: Outlet,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    def crash(*, mail: InboundMail) -> InboundMail:
        raise RuntimeError(f"cannot handle mail from {READER}")

    monkeypatch.setattr(mail_import, "inbound_mail_read", crash)
    eml = tmp_path / "meldung.eml"
    eml.write_bytes(reader_mail())

    with caplog.at_level(logging.DEBUG):
        summary = mail_file_import(path=eml)

    assert summary == ImportSummary(stored=1, quarantined=1)
    mail = InboundMail.objects.get()
    assert (mail.status, mail.reason) == (MailStatus.QUARANTINED, "error: RuntimeError")
    assert bytes(mail.raw) == reader_mail()
    assert READER not in caplog.text


def test_a_missing_file_is_an_error_naming_it(db: None, tmp_path: Path) -> None:
    with pytest.raises(NotAMailFile, match=r"fehlt\.eml"):
        mail_file_import(path=tmp_path / "fehlt.eml")
