"""Writes of publishing: draft a correction notice, publish it, amend or retract it.

Each write and its audit entries (`reports.ReportEvent` on every report behind the
notice) commit together; the e-mails to the readers are outbox rows in the same
transaction. The caller has checked access (`desk.access`); these functions check
the state of the report and of the notice.

A notice's `text` is what readers see, written in the outlet's language and
prefilled from the accepted report: what the article said, what is right. Its date
is not part of the text: the notice shows when it was published (`published_at`),
so a draft published a day later does not carry a stale date.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext, pgettext
from django.utils.translation import gettext_lazy as _

from corrigenda.archive.models import Spelling
from corrigenda.desk.services import status_url
from corrigenda.outbox.services import message_queue
from corrigenda.publish.models import Correction, CorrectionRevision, CorrectionState, Kind
from corrigenda.reports.models import Report, Status
from corrigenda.reports.services import report_event_record

PLACEHOLDER = "…"


class NotPublishable(ValueError):
    """The report or the notice is not in a state that allows this step."""


# --- drafting ------------------------------------------------------------------------


def correction_draft(*, report: Report, actor: Any) -> Correction:
    """A draft notice for the report's item, prefilled; the open draft if there is one.

    Only an accepted report with an archived article gets one, and only while the
    item has no published notice (amend that one instead).
    """
    item = report.merged_into or report
    if item.status != Status.ACCEPTED:
        raise NotPublishable(_("Only an accepted report can get a correction notice."))
    if item.article_id is None:
        raise NotPublishable(_("The report's article is not in the archive."))
    existing = Correction.objects.filter(reports=item).exclude(state=CorrectionState.RETRACTED)
    draft = existing.filter(state=CorrectionState.DRAFT).first()
    if draft is not None:
        return draft
    if existing.exists():
        raise NotPublishable(_("This report already has a published notice; amend it instead."))
    outlet = item.outlet
    wrong = item.anchor_exact or item.passage
    with transaction.atomic():
        correction = Correction.objects.create(
            outlet=outlet,
            article_id=item.article_id,
            version_id=item.anchor_version_id,
            anchor_start=item.anchor_start,
            anchor_end=item.anchor_end,
            kind=Kind.CORRECTION,
            wrong=wrong,
            right=item.proposed_fix,
            language=outlet.language,
            text=notice_prefill(
                kind=Kind.CORRECTION,
                wrong=wrong,
                right=item.proposed_fix,
                language=outlet.language,
                swiss=outlet.spelling == Spelling.SWISS,
            ),
            created_by=actor if getattr(actor, "pk", None) else None,
        )
        correction.reports.set([item])
        report_event_record(
            item, actor=actor, action="correction_drafted", correction=correction.pk
        )
    return correction


def correction_draft_save(
    *, correction: Correction, actor: Any, kind: str, text: str
) -> Correction:
    """Save the editor's wording of a draft.

    Changing the kind also changes the label the prefilled text starts with
    ("Correction:" → "Clarification:") if the editor kept it.
    """
    if correction.state != CorrectionState.DRAFT:
        raise NotPublishable(_("Only a draft can be edited; amend a published notice."))
    if kind not in Kind.values:
        raise ValueError(f"unknown kind {kind!r}")
    text = text.strip()
    if not text:
        raise NotPublishable(_("A notice needs a text."))
    if kind != correction.kind:
        text = _relabel(text, old=correction.kind, new=kind, language=correction.language)
    correction.kind = kind
    correction.text = text
    correction.save(update_fields=["kind", "text"])
    return correction


def notice_prefill(*, kind: str, wrong: str, right: str, language: str, swiss: bool) -> str:
    """The notice as the editor first sees it, in `language`.

    "Correction: An earlier version of this article said “…”. It should have said “…”."
    Swiss outlets get "ss" for "ß" and «…» for „…“ in the wording (not in the quotes).
    """
    with translation.override(language):
        label = kind_label(kind)
        sentence = gettext(
            "An earlier version of this article said “%(wrong)s”. It should have said “%(right)s”."
        )
    if swiss and language == "de":
        label, sentence = _swiss(label), _swiss(sentence)
    filled = sentence % {"wrong": _quoted(wrong), "right": _quoted(right)}
    return f"{label} {filled}"


def kind_label(kind: str) -> str:
    """The label a notice of this kind starts with, in the active language."""
    labels = {
        Kind.CORRECTION: pgettext("notice label", "Correction:"),
        Kind.CLARIFICATION: pgettext("notice label", "Clarification:"),
        Kind.UPDATE: pgettext("notice label", "Update:"),
    }
    return labels[Kind(kind)]


def _relabel(text: str, *, old: str, new: str, language: str) -> str:
    with translation.override(language):
        before, after = kind_label(old), kind_label(new)
    for spelled in {before, _swiss(before)}:
        if text.startswith(spelled):
            return after + text[len(spelled) :]
    return text


def _quoted(passage: str) -> str:
    """A passage inside quotation marks: one line, without its closing full stop."""
    words = " ".join(passage.split())
    if words.endswith(".") and not words.endswith("..."):
        words = words[:-1]
    return words or PLACEHOLDER


def _swiss(text: str) -> str:
    return text.replace("ß", "ss").replace("„", "«").replace("“", "»")


# --- publishing ----------------------------------------------------------------------


def correction_publish(
    *, correction: Correction, actor: Any, now: datetime | None = None
) -> Correction:
    """Publish a draft: on the article, in the log and feed; every reader told.

    The notice is linked to the item's first report and to every report merged
    into it; each gets an audit entry, and each reader who left an address gets an
    e-mail with the notice and links to the article and to their status page.
    """
    now = now or timezone.now()
    with transaction.atomic():
        locked = Correction.objects.select_for_update().select_related("outlet", "article")
        current = locked.get(pk=correction.pk)
        if current.state != CorrectionState.DRAFT:
            raise NotPublishable(_("This notice is already published."))
        if not current.text.strip():
            raise NotPublishable(_("A notice needs a text."))
        item = _item_of(current)
        if item is None or item.status != Status.ACCEPTED:
            raise NotPublishable(_("Only an accepted report can get a correction notice."))
        readers = [item, *Report.objects.filter(merged_into=item).order_by("received_at", "id")]
        current.state = CorrectionState.PUBLISHED
        current.published_at = now
        current.save(update_fields=["state", "published_at"])
        current.reports.set(readers)
        for reader in readers:
            told = bool(reader.reporter_email)
            if told:
                _tell(reader, current)
            report_event_record(
                reader,
                actor=actor,
                action="correction_published",
                correction=current.pk,
                kind=current.kind,
                told=told,
            )
    _copy_state(current, correction)
    return correction


def _item_of(correction: Correction) -> Report | None:
    """The report the notice belongs to (the item, should its report be merged since)."""
    first = correction.reports.select_related("merged_into").order_by("received_at", "id").first()
    if first is None:
        return None
    return first.merged_into or first


def _tell(reader: Report, correction: Correction) -> None:
    outlet, article = correction.outlet, correction.article
    latest = article.versions.order_by("-number").first()
    language = reader.language or correction.language
    with translation.override(language):
        context = {
            "reader_name": reader.reporter_name,
            "outlet": outlet,
            "headline": latest.headline if latest else article.canonical_url,
            "article_url": article.canonical_url,
            "notice": correction.text,
            "status_url": status_url(reader),
        }
        subject = gettext("Corrected: %(headline)s") % {"headline": context["headline"]}
        body = str(render_to_string("publish/mail/correction_published.txt", context))
    if language == "de" and outlet.spelling == Spelling.SWISS:
        subject, body = subject.replace("ß", "ss"), body.replace("ß", "ss")
    message_queue(
        recipient=reader.reporter_email,
        subject=" ".join(subject.split()),
        body=body.strip() + "\n",
        language=language,
        about=f"reports.report:{reader.pk}",
        automatic=True,
    )


# --- after publishing ----------------------------------------------------------------


def correction_amend(
    *, correction: Correction, actor: Any, text: str, kind: str, why: str
) -> Correction:
    """Change a published notice; the earlier wording is kept and it shows as amended."""
    text, why = text.strip(), why.strip()
    if kind not in Kind.values:
        raise ValueError(f"unknown kind {kind!r}")
    if not text:
        raise NotPublishable(_("A notice needs a text."))
    if not why:
        raise NotPublishable(_("Say why the notice is amended."))
    now = timezone.now()
    with transaction.atomic():
        current = Correction.objects.select_for_update().get(pk=correction.pk)
        if current.state != CorrectionState.PUBLISHED:
            raise NotPublishable(_("Only a published notice can be amended."))
        if current.text == text and current.kind == kind:
            raise NotPublishable(_("The notice is unchanged."))
        _keep_revision(current, actor, why, now)
        current.text, current.kind, current.amended_at = text, kind, now
        current.save(update_fields=["text", "kind", "amended_at"])
        for report in current.reports.all():
            report_event_record(
                report, actor=actor, action="correction_amended", correction=current.pk, why=why
            )
    _copy_state(current, correction)
    return correction


def correction_retract(*, correction: Correction, actor: Any, why: str) -> Correction:
    """Withdraw a published notice; it stays listed, marked as retracted."""
    why = why.strip()
    if not why:
        raise NotPublishable(_("Say why the notice is retracted."))
    now = timezone.now()
    with transaction.atomic():
        current = Correction.objects.select_for_update().get(pk=correction.pk)
        if current.state != CorrectionState.PUBLISHED:
            raise NotPublishable(_("Only a published notice can be retracted."))
        _keep_revision(current, actor, why, now)
        current.state, current.retracted_at = CorrectionState.RETRACTED, now
        current.save(update_fields=["state", "retracted_at"])
        for report in current.reports.all():
            report_event_record(
                report, actor=actor, action="correction_retracted", correction=current.pk, why=why
            )
    _copy_state(current, correction)
    return correction


def _keep_revision(correction: Correction, actor: Any, why: str, now: datetime) -> None:
    CorrectionRevision.objects.create(
        correction=correction,
        kind=correction.kind,
        text=correction.text,
        replaced_at=now,
        replaced_by=actor if getattr(actor, "pk", None) else None,
        why=why,
    )


def _copy_state(source: Correction, target: Correction) -> None:
    """Bring the caller's instance up to date with what was saved."""
    for field in ("state", "kind", "text", "published_at", "amended_at", "retracted_at"):
        setattr(target, field, getattr(source, field))
