"""Incoming e-mail without IMAP: the raw message is stored first, then read or quarantined."""

from __future__ import annotations

import logging

import pytest

from corrigenda.archive.models import Outlet
from corrigenda.archive.services import outlet_register
from corrigenda.outbox.models import Message
from corrigenda.reports.inbound import inbound_mail_read, inbound_mail_store
from corrigenda.reports.models import AnchorState, InboundMail, IntakePolicy, MailStatus, Report
from tests.reports._mail_setup import (
    ARTICLE,
    DESK,
    EVIDENCE,
    FIX,
    NOT_MAIL,
    OTHER_ARTICLE,
    PASSAGE,
    READER,
    auto_reply,
    desk_outlet,
    reader_mail,
)


@pytest.fixture
def outlet(db: None) -> Outlet:
    return desk_outlet()


def store_and_read(raw: bytes) -> InboundMail:
    mail = inbound_mail_store(raw=raw, source="eml")
    assert mail is not None
    return inbound_mail_read(mail=mail)


def test_a_german_report_becomes_an_anchored_report_with_a_confirmation(
    outlet: Outlet, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    raw = reader_mail()
    mail = store_and_read(raw)

    assert mail.status == MailStatus.REPORTED
    assert bytes(InboundMail.objects.get(pk=mail.pk).raw) == raw
    assert mail.message_id == "<birs-2291@example.ch>"
    report = Report.objects.get(mail=mail)
    assert report.outlet == outlet
    assert report.channel == "email"
    assert report.location == ARTICLE  # tracking parameters removed
    assert report.passage == PASSAGE
    assert report.proposed_fix == FIX
    assert [e.url for e in report.evidence.all()] == [EVIDENCE]
    assert report.reporter_email == READER
    assert report.language == "de"
    assert report.anchor_state == AnchorState.ANCHORED
    assert report.anchor_version is not None
    assert report.anchor_version.text[report.anchor_start : report.anchor_end] == PASSAGE
    confirmation = Message.objects.get()
    assert confirmation.recipient == READER
    assert confirmation.headers["Auto-Submitted"] == "auto-replied"
    assert report.token in confirmation.body
    assert READER not in caplog.text


def test_the_same_message_id_is_stored_once(outlet: Outlet) -> None:
    first = inbound_mail_store(raw=reader_mail(), source="eml")
    again = inbound_mail_store(
        raw=reader_mail(), source="imap", mailbox="imap://desk/INBOX", uidvalidity=7, uid=3
    )

    assert first is not None
    assert again is None
    assert InboundMail.objects.count() == 1


def test_the_same_imap_position_is_stored_once_even_without_a_message_id(outlet: Outlet) -> None:
    def store(uid: int) -> InboundMail | None:
        return inbound_mail_store(
            raw=reader_mail(message_id=None),
            source="imap",
            mailbox="imap://desk/INBOX",
            uidvalidity=7,
            uid=uid,
        )

    first, again, other_uid = store(3), store(3), store(4)

    assert first is not None
    assert other_uid is not None
    assert again is None
    assert InboundMail.objects.count() == 2


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        (NOT_MAIL, "not_mail"),
        (b"", "empty"),
        (reader_mail(body="\n\n"), "no_text"),
        (
            reader_mail(body="Im Artikel über die Brücke stimmt die Länge nicht.\n"),
            "no_article_link",
        ),
        (
            reader_mail(
                body=f"Im Artikel {ARTICLE} stimmt die Länge nicht. Quellen:\n"
                + "\n".join(f"https://quelle{i}.example.org/bericht" for i in range(12))
            ),
            "invalid: evidence",
        ),
    ],
    ids=["not_mail", "empty", "no_text", "no_article_link", "too_many_links"],
)
def test_what_cannot_become_a_report_is_quarantined_with_its_bytes(
    outlet: Outlet, raw: bytes, reason: str
) -> None:
    mail = store_and_read(raw)

    assert mail.status == MailStatus.QUARANTINED
    assert mail.reason == reason
    assert bytes(InboundMail.objects.get(pk=mail.pk).raw) == raw
    assert not Report.objects.exists()
    assert not Message.objects.exists()


def test_a_mail_over_the_outlets_size_limit_is_quarantined(outlet: Outlet) -> None:
    IntakePolicy.objects.create(outlet=outlet, max_mail_bytes=200)

    mail = store_and_read(reader_mail())

    assert (mail.status, mail.reason) == (MailStatus.QUARANTINED, "too_large")
    assert not Report.objects.exists()


def test_an_auto_reply_is_stored_and_rejected_and_never_answered(outlet: Outlet) -> None:
    mail = store_and_read(auto_reply())

    assert mail.status == MailStatus.REJECTED
    assert mail.reason.startswith("automated")
    assert not Report.objects.exists()
    assert not Message.objects.exists()


def test_a_reader_over_the_hourly_limit_is_rejected_without_a_report(outlet: Outlet) -> None:
    IntakePolicy.objects.create(outlet=outlet, per_sender_per_hour=1)

    first = store_and_read(reader_mail(message_id="<eins@example.ch>"))
    second = store_and_read(reader_mail(message_id="<zwei@example.ch>"))

    assert first.status == MailStatus.REPORTED
    assert (second.status, second.reason) == (MailStatus.REJECTED, "rate_limited")
    assert Report.objects.count() == 1


def test_evidence_on_an_archived_outlets_domain_is_not_the_location(outlet: Outlet) -> None:
    body = (
        f"Der Birstal-Anzeiger schreibt richtig 48 Meter: {OTHER_ARTICLE}\n\n"
        f"Bei Ihnen steht in {ARTICLE}:\n\n„{PASSAGE}“\n\nRichtig ist: {FIX}.\n"
    )
    mail = store_and_read(reader_mail(body=body))

    report = Report.objects.get(mail=mail)
    assert report.location == ARTICLE
    assert report.outlet == outlet
    assert [e.url for e in report.evidence.all()] == [OTHER_ARTICLE]


def test_evidence_on_another_desks_domain_is_not_the_location_of_a_mail_to_this_desk(
    outlet: Outlet,
) -> None:
    outlet_register(
        slug="birstal-anzeiger",
        name="Birstal-Anzeiger",
        desk_email="leserdienst@birstal-anzeiger.ch",
        domains=("birstal-anzeiger.ch",),
    )
    body = (
        f"Der Birstal-Anzeiger schreibt richtig 48 Meter: {OTHER_ARTICLE}\n\n"
        f"Bei Ihnen steht in {ARTICLE}:\n\n„{PASSAGE}“\n\nRichtig ist: {FIX}.\n"
    )
    mail = store_and_read(reader_mail(body=body, to=f"Korrektur <{DESK}>"))

    report = Report.objects.get(mail=mail)
    assert report.location == ARTICLE
    assert report.outlet == outlet
    assert [e.url for e in report.evidence.all()] == [OTHER_ARTICLE]
