"""Background work of publish: look at every archived version for silent edits.

`alerts_check_task` is queued by the archive's `version_archived` signal in the
ingest transaction (see apps.py), so an archived version cannot miss its check.
"""

from __future__ import annotations

from django.tasks import task

from corrigenda.archive.models import ArticleVersion
from corrigenda.publish import alerts


@task()
def alerts_check_task(version_id: int) -> int | None:
    """Raise the version's alerts; how many it has, or None if the version is gone."""
    version = ArticleVersion.objects.select_related("article").filter(pk=version_id).first()
    if version is None:
        return None
    return len(alerts.alerts_for_version(version=version))
