"""Writes for incoming e-mail: store the raw message first, then read it into a report.

`inbound_mail_store` commits the bytes before anything is parsed, so a message that
crashes the parser is still there to look at; the IMAP position and the Message-ID
make a second import of the same message a no-op. `inbound_mail_read` then files it
through `report_submit` like every other channel, or quarantines it with a reason.
"""

from __future__ import annotations

import email.parser
import logging
from email import policy

from django.db import IntegrityError, transaction

from corrigenda.archive import addresses
from corrigenda.archive.models import Outlet, OutletDomain
from corrigenda.reports.mail import ParsedReport, Quarantined, mail_parse
from corrigenda.reports.models import Channel, InboundMail, MailStatus
from corrigenda.reports.services import intake_policy, report_submit
from corrigenda.reports.validation import RateLimited, ReportInvalid, Submission

logger = logging.getLogger(__name__)


def inbound_mail_store(
    *,
    raw: bytes,
    source: str,
    mailbox: str = "",
    uidvalidity: int | None = None,
    uid: int | None = None,
) -> InboundMail | None:
    """Commit one raw message; None when it was stored before (same UID or Message-ID)."""
    message_id = _message_id(raw)
    if message_id and InboundMail.objects.filter(message_id=message_id).exists():
        return None
    try:
        with transaction.atomic():
            return InboundMail.objects.create(
                raw=raw,
                source=source,
                mailbox=mailbox,
                uidvalidity=uidvalidity,
                uid=uid,
                message_id=message_id,
            )
    except IntegrityError:  # a concurrent import of the same message won
        return None


def inbound_mail_read(*, mail: InboundMail) -> InboundMail:
    """File a stored message as a report, or mark why it is not one."""
    raw = bytes(mail.raw)
    desks = _desk_domains(raw)
    try:
        parsed = _parse(raw, desks)
    except Quarantined as quarantined:
        return _settle(mail, MailStatus.QUARANTINED, quarantined.reason)
    if parsed.automated:
        return _settle(mail, MailStatus.REJECTED, f"automated: {parsed.automated_reason}")
    if parsed.location is None:
        return _settle(mail, MailStatus.QUARANTINED, "no_article_link")
    location_domain = addresses.domain_of(parsed.location)
    outlet = next((outlet for domain, outlet in desks if domain == location_domain), None)
    if outlet is not None and len(raw) > intake_policy(outlet=outlet).max_mail_bytes:
        return _settle(mail, MailStatus.QUARANTINED, "too_large")
    try:
        report = report_submit(
            submission=_submission(parsed),
            channel=Channel.EMAIL,
            sender=parsed.reporter or "",
            payload={"inbound_mail": mail.pk, "subject": parsed.subject[:300]},
            received_at=mail.received_at,
        )
    except ReportInvalid as invalid:
        return _settle(mail, MailStatus.QUARANTINED, f"invalid: {', '.join(invalid.errors)}")
    except RateLimited:
        return _settle(mail, MailStatus.REJECTED, "rate_limited")
    with transaction.atomic():
        mail.report = report
        mail.status = MailStatus.REPORTED
        mail.reason = ""
        mail.save(update_fields=["report", "status", "reason"])
    return mail


def _submission(parsed: ParsedReport) -> Submission:
    description = parsed.description
    if not description and not parsed.proposed_fix:
        description = parsed.subject
    return Submission(
        location=parsed.location or "",
        passage=parsed.passage or "",
        proposed_fix=parsed.proposed_fix or "",
        description=description,
        evidence=parsed.evidence,
        reporter_name=parsed.reporter_name or "",
        reporter_email=parsed.reporter or "",
        language=parsed.language,
    )


def _settle(mail: InboundMail, status: MailStatus, reason: str) -> InboundMail:
    mail.status = status
    mail.reason = reason[:300]
    mail.save(update_fields=["status", "reason"])
    logger.info("inbound mail %s: %s (%s)", mail.pk, status, mail.reason)
    return mail


def _parse(raw: bytes, desks: list[tuple[str, Outlet]]) -> ParsedReport:
    """Read the message with the addressed desk's domains, else with every desk's.

    A mail to one desk that links another desk's article as evidence keeps its own
    article as the location; a mail sent to the wrong desk still finds its article.
    """
    addressed = _addressed(raw)
    own = [domain for domain, outlet in desks if outlet.desk_email.lower() in addressed]
    every = [domain for domain, _ in desks]
    parsed = mail_parse(raw, outlet_domains=own or every)
    if parsed.location is None and own and len(own) < len(every):
        parsed = mail_parse(raw, outlet_domains=every)
    return parsed


def _desk_domains(raw: bytes) -> list[tuple[str, Outlet]]:
    """Domains of the outlets that run a desk, the addressed desk's first.

    Only these domains make a link the report's location: a reader's evidence on
    another archived outlet must not become the article being corrected.
    """
    rows = OutletDomain.objects.select_related("outlet").exclude(outlet__desk_email="")
    addressed = _addressed(raw)
    pairs = [(row.domain, row.outlet) for row in rows]
    pairs.sort(key=lambda pair: pair[1].desk_email.lower() not in addressed)
    return pairs


def _addressed(raw: bytes) -> str:
    """The recipients' header fields, lower-cased: which desk the reader wrote to."""
    headers = _headers(raw)
    names = ("To", "Cc", "Delivered-To", "X-Original-To")
    return " ".join(str(headers.get_all(name) or "") for name in names).lower()


def _headers(raw: bytes) -> email.message.Message:
    return email.parser.BytesHeaderParser(policy=policy.compat32).parsebytes(raw)


def _message_id(raw: bytes) -> str:
    try:
        value = _headers(raw).get("Message-ID", "")
    except Exception:  # unreadable headers: the message is stored without an id
        return ""
    return " ".join(str(value).split())[:998]
