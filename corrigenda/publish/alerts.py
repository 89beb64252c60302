"""Silent edits: the desk is told when an archived article changes without a notice.

Run for every archived version (`tasks.alerts_check_task`, queued by the archive's
`version_archived` signal) against the version before it:

- **silent_edit** — the edit is substantive (`silent_edits.classify`) and no notice
  for the article was published between the two versions' fetch times, nor any notice
  about the old version's wording;
- **reported_passage_changed** — an open or rejected report's anchored passage was
  changed (by any change to its words, a typo fix included: the reader pointed at
  exactly these words) and no published notice covers that report.

Raising is idempotent (one alert per new version, kind and report), so a task that
runs twice writes nothing new. Resolving is audited: who, when.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from corrigenda.archive.models import ArticleVersion
from corrigenda.publish import silent_edits
from corrigenda.publish.models import Alert, AlertKind, Correction, CorrectionState
from corrigenda.reports.models import OPEN_STATUSES, AnchorState, Report, Status

WATCHED_STATUSES = (*OPEN_STATUSES, Status.REJECTED)
ANNOUNCED_STATES = (CorrectionState.PUBLISHED, CorrectionState.RETRACTED)


def alerts_for_version(*, version: ArticleVersion) -> list[Alert]:
    """Compare `version` with the one before it; the alerts raised (new or existing)."""
    old = (
        ArticleVersion.objects.filter(article_id=version.article_id, number__lt=version.number)
        .order_by("-number")
        .first()
    )
    if old is None:
        return []
    reports = _watched_reports(old)
    passages = [silent_edits.Passage(start, end, report.pk) for report, start, end in reports]
    lang = "en" if old.language == "en" else "de"
    edit = silent_edits.classify(old.text, version.text, passages, lang=lang)
    title_edit = silent_edits.classify(old.title, version.title, lang=lang)
    raised: list[Alert] = []
    with transaction.atomic():
        if (edit.substantive or title_edit.substantive) and not _announced(old, version):
            summary = "\n".join(
                part
                for part in (
                    silent_edits.describe(title_edit, old.title, version.title)
                    if title_edit.substantive
                    else "",
                    silent_edits.describe(edit, old.text, version.text),
                )
                if part
            )
            raised.append(_raise(old, version, AlertKind.SILENT_EDIT, None, summary))
        covered = _covered_reports([report for report, _, _ in reports])
        for report, start, end in reports:
            if report.pk not in edit.touched or report.pk in covered:
                continue
            touched = silent_edits.Edit(
                changes=tuple(
                    c
                    for c in edit.changes
                    if c.touches(silent_edits.Passage(start, end, report.pk))
                ),
                touched=(report.pk,),
            )
            summary = silent_edits.describe(touched, old.text, version.text)
            raised.append(_raise(old, version, AlertKind.REPORTED_PASSAGE_CHANGED, report, summary))
    return raised


def alert_resolve(*, alert: Alert, actor: Any) -> Alert:
    """Mark the alert as dealt with, recording who did it and when (once)."""
    with transaction.atomic():
        locked = Alert.objects.select_for_update().get(pk=alert.pk)
        if locked.resolved_at is None:
            locked.resolved_at = timezone.now()
            locked.resolved_by = actor
            locked.save(update_fields=["resolved_at", "resolved_by"])
    return locked


def _raise(
    old: ArticleVersion, new: ArticleVersion, kind: str, report: Report | None, summary: str
) -> Alert:
    alert, _created = Alert.objects.get_or_create(
        new_version=new,
        kind=kind,
        report=report,
        defaults={
            "outlet_id": new.article.outlet_id,
            "article_id": new.article_id,
            "old_version": old,
            "summary": summary,
        },
    )
    return alert


def _announced(old: ArticleVersion, new: ArticleVersion) -> bool:
    """Whether a notice accounts for the edit: published between the two fetches, or
    published (by the time of the new fetch) about the old version's wording."""
    between = Q(published_at__gt=old.fetched_at, published_at__lte=new.fetched_at)
    about_old = Q(version=old, published_at__lte=new.fetched_at)
    return Correction.objects.filter(
        Q(article_id=new.article_id, state__in=ANNOUNCED_STATES) & (between | about_old)
    ).exists()


def _watched_reports(old: ArticleVersion) -> list[tuple[Report, int, int]]:
    """Open and rejected reports anchored in this article, with their passage in `old`.

    A report anchored in `old` has its position; one anchored in an earlier version is
    found by its exact words (if they are gone, an earlier alert already told).
    """
    reports = Report.objects.filter(
        article_id=old.article_id,
        status__in=WATCHED_STATUSES,
        merged_into__isnull=True,
        anchor_state=AnchorState.ANCHORED,
        anchor_version__number__lte=old.number,
    ).order_by("pk")
    found = []
    for report in reports:
        if report.anchor_start is None or report.anchor_end is None:
            continue
        if report.anchor_version_id == old.pk:
            found.append((report, report.anchor_start, report.anchor_end))
            continue
        at = old.text.find(report.anchor_exact) if report.anchor_exact else -1
        if at >= 0:
            found.append((report, at, at + len(report.anchor_exact)))
    return found


def _covered_reports(reports: list[Report]) -> set[int]:
    """Reports behind a published notice: their passage changing is announced."""
    return set(
        Correction.objects.filter(reports__in=reports, state=CorrectionState.PUBLISHED).values_list(
            "reports__pk", flat=True
        )
    ) & {report.pk for report in reports}
