"""The desk's mailbox read over IMAP, against a real Dovecot on loopback."""

from __future__ import annotations

import logging

import pytest

from corrigenda.archive.models import Outlet
from corrigenda.outbox.models import Message
from corrigenda.reports.imap import IMPORTED, MailboxError, mailbox_import
from corrigenda.reports.mail_import import ImportSummary
from corrigenda.reports.models import AnchorState, InboundMail, MailStatus, Report
from tests.mailservers import Dovecot, free_port
from tests.reports._mail_setup import (
    ARTICLE,
    EVIDENCE,
    FIX,
    NOT_MAIL,
    PASSAGE,
    READER,
    auto_reply,
    desk_outlet,
    reader_mail,
)

SEEN = b"\\Seen"


@pytest.fixture
def outlet(db: None) -> Outlet:
    return desk_outlet()


def run(dovecot: Dovecot, *, folder: str | None = None, limit: int | None = None) -> ImportSummary:
    return mailbox_import(
        host=dovecot.host,
        port=dovecot.port,
        ssl=False,
        user=dovecot.user,
        password=dovecot.password,
        folder=folder or dovecot.folder,
        limit=limit,
    )


def test_a_german_mail_in_the_mailbox_becomes_an_anchored_report(
    outlet: Outlet, dovecot: Dovecot, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    raw = reader_mail()
    uid = dovecot.append(raw)

    summary = run(dovecot)

    assert summary == ImportSummary(stored=1, reported=1)
    mail = InboundMail.objects.get()
    assert (mail.source, mail.uid, mail.status) == ("imap", uid, MailStatus.REPORTED)
    assert mail.uidvalidity is not None
    assert mail.uidvalidity > 0
    assert bytes(mail.raw) == raw
    report = Report.objects.get()
    assert report.location == ARTICLE
    assert report.passage == PASSAGE
    assert report.proposed_fix == FIX
    assert [e.url for e in report.evidence.all()] == [EVIDENCE]
    assert report.anchor_state == AnchorState.ANCHORED
    assert report.anchor_exact == PASSAGE
    assert report.article is not None
    assert report.anchor_version is not None
    assert report.anchor_version.article_id == report.article.pk
    assert Message.objects.get().recipient == READER
    flags = dovecot.flags()[uid]
    assert IMPORTED in flags
    assert SEEN not in flags  # read with BODY.PEEK[]: the editors still see it as new
    assert READER not in caplog.text


def test_reading_the_mailbox_again_imports_nothing_twice(outlet: Outlet, dovecot: Dovecot) -> None:
    dovecot.append(reader_mail())
    run(dovecot)

    again = run(dovecot)

    assert again == ImportSummary()
    assert InboundMail.objects.count() == 1
    assert Report.objects.count() == 1
    assert Message.objects.count() == 1


def test_a_message_stored_before_its_flag_was_set_is_flagged_not_imported_again(
    outlet: Outlet, dovecot: Dovecot
) -> None:
    uid = dovecot.append(reader_mail())
    run(dovecot)
    client = dovecot.client()  # as if the process had died between commit and flag
    client.select_folder(dovecot.folder)
    client.remove_flags([uid], [IMPORTED])
    client.logout()

    again = run(dovecot)

    assert again == ImportSummary(skipped_known=1)
    assert IMPORTED in dovecot.flags()[uid]
    assert Report.objects.count() == 1


def test_the_same_message_twice_in_the_folder_is_one_report(
    outlet: Outlet, dovecot: Dovecot
) -> None:
    first = dovecot.append(reader_mail())
    copy = dovecot.append(reader_mail())  # e.g. also sent in copy to the desk

    summary = run(dovecot)

    assert summary == ImportSummary(stored=1, skipped_known=1, reported=1)
    assert Report.objects.count() == 1
    assert all(IMPORTED in dovecot.flags()[uid] for uid in (first, copy))


def test_mail_an_editor_has_already_read_is_imported(outlet: Outlet, dovecot: Dovecot) -> None:
    uid = dovecot.append(reader_mail(), flags=(SEEN,))

    assert run(dovecot) == ImportSummary(stored=1, reported=1)
    assert {SEEN, IMPORTED} <= set(dovecot.flags()[uid])


def test_auto_replies_and_unreadable_mail_are_stored_but_not_answered(
    outlet: Outlet, dovecot: Dovecot
) -> None:
    automatic = dovecot.append(auto_reply())
    garbage = dovecot.append(NOT_MAIL)

    summary = run(dovecot)

    assert summary == ImportSummary(stored=2, quarantined=1, rejected=1)
    rejected = InboundMail.objects.get(uid=automatic)
    assert rejected.status == MailStatus.REJECTED
    assert rejected.reason.startswith("automated")
    quarantined = InboundMail.objects.get(uid=garbage)
    assert (quarantined.status, quarantined.reason) == (MailStatus.QUARANTINED, "not_mail")
    assert bytes(quarantined.raw).startswith(NOT_MAIL.rstrip())
    assert not Report.objects.exists()
    assert not Message.objects.exists()  # no confirmation to an auto-reply
    flags = dovecot.flags()
    assert IMPORTED in flags[automatic]
    assert IMPORTED in flags[garbage]


def test_the_flag_is_set_only_on_stored_messages(outlet: Outlet, dovecot: Dovecot) -> None:
    first = dovecot.append(reader_mail(message_id="<eins@example.ch>"))
    second = dovecot.append(reader_mail(message_id="<zwei@example.ch>"))

    assert run(dovecot, limit=1) == ImportSummary(stored=1, reported=1)
    flags = dovecot.flags()
    assert IMPORTED in flags[first]
    assert IMPORTED not in flags[second]
    assert list(InboundMail.objects.values_list("uid", flat=True)) == [first]

    assert run(dovecot).stored == 1
    assert IMPORTED in dovecot.flags()[second]


def test_a_refused_login_is_a_clear_error_without_the_password(dovecot: Dovecot) -> None:
    with pytest.raises(MailboxError) as refused:
        mailbox_import(
            host=dovecot.host,
            port=dovecot.port,
            ssl=False,
            user=dovecot.user,
            password="falsches-passwort",
            folder="INBOX",
        )

    assert "refused the login" in str(refused.value)
    assert "falsches-passwort" not in str(refused.value)


def test_a_missing_folder_and_an_unreachable_server_are_clear_errors(dovecot: Dovecot) -> None:
    with pytest.raises(MailboxError, match="Cannot open the folder 'Leserpost'"):
        run(dovecot, folder="Leserpost")
    with pytest.raises(MailboxError, match="Cannot connect to the IMAP server"):
        mailbox_import(
            host="127.0.0.1", port=free_port(), ssl=False, user="u", password="p", folder="INBOX"
        )
