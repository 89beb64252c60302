"""Publishing corrections: the dated notice on the article, the public log and feed,
schema.org markup, the readers told — and alerts for edits made without a notice."""

from typing import Any

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PublishConfig(AppConfig):
    name = "corrigenda.publish"
    label = "publish"
    verbose_name = _("Corrections")

    def ready(self) -> None:
        from corrigenda.archive.signals import version_archived

        version_archived.connect(_enqueue_alerts_check, dispatch_uid="publish.alerts")


def _enqueue_alerts_check(*, version: Any, **kwargs: object) -> None:
    """Queue the silent-edit check as a task row in the ingest's own transaction."""
    if version.number < 2:
        return  # a first version has nothing to compare with
    from corrigenda.publish.tasks import alerts_check_task

    alerts_check_task.enqueue(version.pk)
