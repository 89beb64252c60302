"""Writes for readers' reports. Every channel ends in `report_submit`.

Durable first: a report, its evidence, its audit entry, the reader's confirmation
e-mail and any follow-up task are written in one transaction, and only after it
commits does a channel acknowledge anything. Follow-up work (fetching an article the
archive does not hold yet) is a task row in that same transaction.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import os
import secrets
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from rapidfuzz import fuzz

from corrigenda import fetcher
from corrigenda.archive import addresses
from corrigenda.archive import services as archive_services
from corrigenda.archive.models import Article, ArticleVersion, Outlet, OutletDomain
from corrigenda.archive.spelling import reader_locale
from corrigenda.archive.text import NotAnArticle
from corrigenda.outbox.services import message_queue, messages_withdraw
from corrigenda.reports import anchoring, selectors, signals
from corrigenda.reports.models import (
    OPEN_STATUSES,
    AnchorState,
    Channel,
    Evidence,
    InboundMail,
    IntakePolicy,
    RateCount,
    Report,
    ReportEvent,
    Status,
)
from corrigenda.reports.validation import (
    RateLimited,
    ReportInvalid,
    Submission,
    check,
    default_policy,
)

logger = logging.getLogger(__name__)

Fetch = Callable[[str], fetcher.Page]
# Two proposals this similar (rapidfuzz ratio, 0..100) about one article are one item.
SAME_PROPOSAL = 90.0
INTERACTIVE = {Channel.FORM, Channel.WIDGET, Channel.API}
KEEP_COUNTS = timedelta(days=1)  # rate counts older than this are deleted


def report_submit(
    *,
    submission: Submission,
    channel: Channel,
    outlet: Outlet | None = None,
    sender: str = "",
    payload: dict[str, object] | None = None,
    received_at: datetime | None = None,
    on_stored: Callable[[Report], None] | None = None,
) -> Report:
    """Validate, anchor, store and merge one reader's report; the stored report.

    `outlet`: the outlet whose form or button it came through (its domains then
    bound the article URL); None finds the outlet by the URL's domain. `sender`: what
    rate limits count (an IP address, an e-mail address); it is stored only hashed.
    Interactive channels (form, button, API) are told when the passage is not in the
    article, with the closest passage, unless `submission.accept_unanchored`; e-mail
    is stored unanchored instead, since nobody is there to answer.

    `on_stored(report)` runs inside the report's transaction once everything is
    written, so what it stores (the API's answer to an Idempotency-Key) commits or
    rolls back with the report; an exception from it stores nothing.

    Raises ReportInvalid (field errors, in the active language) or RateLimited.
    """
    outlet = _outlet_of(submission, outlet)
    policy = intake_policy(outlet=outlet)
    invalid = check(submission, policy)
    if invalid:
        raise invalid
    article = Article.objects.filter(
        canonical_url=addresses.canonical_url(submission.location)
    ).first()
    found = _anchor_latest(article, submission) if article else None
    if (
        isinstance(found, anchoring.Miss)
        and found.reason != "empty"
        and channel in INTERACTIVE
        and not submission.accept_unanchored
    ):
        raise ReportInvalid(
            {"passage": [_not_found_message(found)]},
            closest=found.closest or "",
            passage_not_found=True,
        )
    with transaction.atomic():
        _count_or_refuse(outlet=outlet, policy=policy, sender=sender)
        report = Report.objects.create(
            outlet=outlet,
            article=article,
            location=submission.location.strip(),
            passage=submission.passage.strip(),
            passage_prefix=submission.passage_prefix,
            passage_suffix=submission.passage_suffix,
            proposed_fix=submission.proposed_fix.strip(),
            description=submission.description.strip(),
            language=submission.language or outlet.language,
            channel=channel,
            token=secrets.token_urlsafe(32),
            reporter_name=submission.reporter_name.strip(),
            reporter_email=submission.reporter_email.strip(),
            payload=payload or {},
            received_at=received_at or timezone.now(),
        )
        Evidence.objects.bulk_create(
            Evidence(report=report, url=url.strip(), position=i)
            for i, url in enumerate(dict.fromkeys(submission.evidence))
        )
        report_event_record(report, "submitted", channel=str(channel))
        if article is None:
            from corrigenda.reports.tasks import report_anchor_task

            report_anchor_task.enqueue(report.pk)
        else:
            _store_anchor(report, article, found)
            _merge_if_same(report)
        if on_stored is not None:
            on_stored(report)
        if report.reporter_email:
            _queue_confirmation(report)
        if report.anchor_state != AnchorState.PENDING:
            signals.report_filed.send(sender=Report, report=report)
    _crash_if_injected()
    return report


def intake_policy(*, outlet: Outlet) -> IntakePolicy:
    return IntakePolicy.objects.filter(outlet=outlet).first() or default_policy()


def report_anchor(*, report: Report, fetch: Fetch = archive_services.default_fetch) -> Report:
    """Archive the report's article if needed, then find the passage in it.

    Run by the worker for reports on articles the archive did not hold yet. A URL
    that cannot be archived (unreachable, blocked address, not an article) leaves
    the report in place, marked so the desk sees why.
    """
    if report.article is None:
        try:
            result = archive_services.article_ingest(
                url=report.location, outlet=report.outlet, fetch=fetch
            )
        except (fetcher.FetchError, NotAnArticle, addresses.BadAddress, ValueError) as error:
            with transaction.atomic():
                report.anchor_state = AnchorState.NO_ARTICLE
                report.anchor_note = getattr(error, "reason", type(error).__name__)[:32]
                report.save(update_fields=["anchor_state", "anchor_note"])
                report_event_record(report, "not_archived", reason=report.anchor_note)
            return report
        report.article = result.article
    submission = Submission(
        location=report.location,
        passage=report.passage,
        passage_prefix=report.passage_prefix,
        passage_suffix=report.passage_suffix,
    )
    found = _anchor_latest(report.article, submission)
    with transaction.atomic():
        report.save(update_fields=["article"])
        _store_anchor(report, report.article, found)
        _merge_if_same(report)
        signals.report_filed.send(sender=Report, report=report)
    return report


def report_merge(*, report: Report, into: Report, actor: object = None) -> Report:
    """Make `report` part of `into`'s item (and the reports merged into it, too)."""
    primary = into.merged_into or into
    if report.pk == primary.pk:
        raise ValueError("a report cannot be merged into itself")
    with transaction.atomic():
        Report.objects.filter(merged_into=report).update(merged_into=primary)
        report.merged_into = primary
        report.status = Status.DUPLICATE
        report.save(update_fields=["merged_into", "status"])
        report_event_record(report, "merged", actor=actor, into=primary.pk)
        report_event_record(primary, "merged_in", actor=actor, merged=report.pk)
    return report


def report_split(*, report: Report, actor: object = None) -> Report:
    """Take a merged report out of its item again; it is open on its own."""
    primary = report.merged_into
    if primary is None:
        return report
    with transaction.atomic():
        report.merged_into = None
        report.status = Status.NEW
        report.save(update_fields=["merged_into", "status"])
        report_event_record(report, "split", actor=actor, was=primary.pk)
        report_event_record(primary, "split_off", actor=actor, split=report.pk)
    return report


def report_contact_erase(*, report: Report, actor: object = None) -> Report:
    """Erase the reader's name and address wherever corrigenda kept them."""
    with transaction.atomic():
        report.reporter_name = ""
        report.reporter_email = ""
        report.payload = {
            k: v
            for k, v in report.payload.items()
            if k not in {"reporter_name", "reporter_email", "name", "email"}
        }
        report.contact_erased_at = timezone.now()
        report.save(
            update_fields=["reporter_name", "reporter_email", "payload", "contact_erased_at"]
        )
        InboundMail.objects.filter(report=report).update(raw=b"", reason="contact data erased")
        messages_withdraw(about=_about(report))
        report_event_record(report, "contact_erased", actor=actor)
    return report


# --- outlet and anchoring ---------------------------------------------------------


def _outlet_of(submission: Submission, outlet: Outlet | None) -> Outlet:
    """The outlet the article belongs to; ReportInvalid for a foreign URL."""
    domain = addresses.domain_of(submission.location.strip())
    owner = (
        OutletDomain.objects.select_related("outlet").filter(domain=domain).first()
        if domain
        else None
    )
    if owner is not None and (outlet is None or owner.outlet_id == outlet.pk):
        return owner.outlet
    if outlet is not None and not outlet.domains.exists():
        return outlet  # an outlet without domains accepts any address (local setups)
    invalid = check(submission, default_policy()) or ReportInvalid()
    if "location" not in invalid.errors:
        invalid.errors["location"] = [
            _("This address is not one of our articles. Please copy it from the article page.")
        ]
    raise invalid


def _anchor_latest(article: Article, submission: Submission) -> anchoring.Anchor | anchoring.Miss:
    version = article.versions.order_by("-number").first()
    if version is None:
        return anchoring.Miss(reason="not_found", closest=None, score=0.0)
    return anchoring.anchor(
        version.text,
        submission.passage,
        prefix=submission.passage_prefix,
        suffix=submission.passage_suffix,
    )


def _store_anchor(
    report: Report, article: Article, found: anchoring.Anchor | anchoring.Miss | None
) -> None:
    version = article.versions.order_by("-number").first()
    if isinstance(found, anchoring.Anchor) and version is not None:
        report.anchor_state = AnchorState.ANCHORED
        report.anchor_version = version
        report.anchor_start, report.anchor_end = found.start, found.end
        report.anchor_exact = found.exact
        report.anchor_prefix, report.anchor_suffix = found.prefix, found.suffix
        report.anchor_method, report.anchor_score = found.method, found.score
        report.anchor_note, report.anchor_closest = "", ""
    elif not isinstance(found, anchoring.Miss) or found.reason == "empty":
        report.anchor_state = AnchorState.NO_PASSAGE
    else:
        report.anchor_state = AnchorState.UNANCHORED
        report.anchor_version = version
        report.anchor_note = found.reason
        report.anchor_closest = found.closest or ""
    report.save()
    report_event_record(
        report, "anchored", state=str(report.anchor_state), method=report.anchor_method
    )


def _not_found_message(miss: anchoring.Miss) -> str:
    if miss.reason == "ambiguous":
        return _(
            "This passage appears more than once in the article. Please quote a few more words."
        )
    if miss.reason == "figures_differ":
        return _(
            "The article has a similar passage, but with other figures or names. "
            "Please copy the passage exactly as it stands in the article."
        )
    return _("We could not find this passage in the article.")


# --- merging -------------------------------------------------------------------------


def _merge_if_same(report: Report) -> None:
    """Join an open item about the same passage, or with a near-identical proposal.

    The article row is locked first, so two readers reporting the same passage at
    the same moment end up in one item, not two.
    """
    if report.article_id is None:
        return
    Article.objects.select_for_update().filter(pk=report.article_id).first()
    candidates = (
        Report.objects.filter(
            article_id=report.article_id, merged_into__isnull=True, status__in=OPEN_STATUSES
        )
        .exclude(pk=report.pk)
        .order_by("received_at", "id")
    )
    for other in candidates:
        if _same_passage(report, other) or _same_proposal(report, other):
            report_merge(report=report, into=other)
            return


def _same_passage(a: Report, b: Report) -> bool:
    if a.anchor_state != AnchorState.ANCHORED or b.anchor_state != AnchorState.ANCHORED:
        return False
    if a.anchor_version_id == b.anchor_version_id:
        return anchoring.overlaps(
            (a.anchor_start or 0, a.anchor_end or 0), (b.anchor_start or 0, b.anchor_end or 0)
        )
    # Anchored in different versions: the older passage, found again in the newer text.
    older, newer = sorted((a, b), key=lambda r: r.anchor_version_id or 0)
    old_version: ArticleVersion | None = older.anchor_version
    new_version: ArticleVersion | None = newer.anchor_version
    if old_version is None or new_version is None:
        return False
    moved = anchoring.reanchor(
        old_version.text, selectors.report_anchor(report=older), new_version.text
    )
    return isinstance(moved, anchoring.Anchor) and anchoring.overlaps(
        (moved.start, moved.end), (newer.anchor_start or 0, newer.anchor_end or 0)
    )


def _same_proposal(a: Report, b: Report) -> bool:
    if not (a.proposed_fix and b.proposed_fix):
        return False
    return fuzz.ratio(a.proposed_fix.casefold(), b.proposed_fix.casefold()) >= SAME_PROPOSAL


# --- limits, audit, mail -------------------------------------------------------------


def _count_or_refuse(*, outlet: Outlet, policy: IntakePolicy, sender: str) -> None:
    """Count this report against the sender's and the outlet's hourly limits."""
    if sender and rate_count(key=f"sender:{sender_key(sender)}") > policy.per_sender_per_hour:
        raise RateLimited(sender)
    if rate_count(key=f"outlet:{outlet.pk}") > policy.per_outlet_per_hour:
        raise RateLimited(f"outlet {outlet.pk}")


def rate_count(*, key: str, window: timedelta = timedelta(hours=1)) -> int:
    """Add one to `key`'s count in the current window and return the new count.

    One INSERT … ON CONFLICT DO UPDATE … RETURNING (SQLite ≥ 3.35 and PostgreSQL), so
    concurrent processes never lose a count.
    """
    now = timezone.now()
    seconds = int(window.total_seconds())
    start = now - timedelta(seconds=int(now.timestamp()) % seconds, microseconds=now.microsecond)
    table = connection.ops.quote_name(RateCount._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (key, window_start, count) VALUES (%s, %s, 1) "  # noqa: S608
            f"ON CONFLICT (key, window_start) DO UPDATE SET count = {table}.count + 1 "
            "RETURNING count",
            [key[:64], start],
        )
        row = cursor.fetchone()
    count = int(row[0])
    if count == 1:  # a new window began: forget the counts of windows long past
        RateCount.objects.filter(window_start__lt=now - max(window, KEEP_COUNTS)).delete()
    return count


def sender_key(sender: str) -> str:
    """A sender (IP or address) as a keyed hash: limits need no personal data."""
    digest = hmac.new(settings.SECRET_KEY.encode(), sender.lower().encode(), hashlib.sha256)
    return digest.hexdigest()[:48]


def report_event_record(
    report: Report, action: str, *, actor: Any = None, **detail: object
) -> None:
    """Write one audit entry (who, what) in the caller's transaction."""
    ReportEvent.objects.create(
        report=report,
        action=action,
        actor=actor if getattr(actor, "pk", None) else None,
        detail=detail,
    )


def _about(report: Report) -> str:
    return f"reports.report:{report.pk}"


def _queue_confirmation(report: Report) -> None:
    """The reader's confirmation e-mail, in the report's language, with the status link."""
    from django.template.loader import render_to_string

    status_url = selectors.status_url(report)
    with translation.override(reader_locale(report.language, report.outlet.spelling)):
        subject = _("We received your correction request")
        body = render_to_string(
            "reports/mail/confirmation.txt",
            {"report": report, "status_url": status_url, "outlet": report.outlet},
        )
    message_queue(
        recipient=report.reporter_email,
        subject=subject,
        body=body,
        language=report.language,
        about=_about(report),
        # The mail invites the reader to reply: replies go to the desk's mailbox.
        headers={"Reply-To": report.outlet.desk_email} if report.outlet.desk_email else None,
    )


def _crash_if_injected() -> None:
    """Testing only: die between the commit and the answer (CORRIGENDA_FAULT_INJECTION)."""
    if settings.FAULT_INJECTION == "after_report_commit":
        logger.warning("fault injection: exiting after the report was committed")
        os._exit(70)
