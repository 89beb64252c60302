from typing import Any

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StoriesConfig(AppConfig):
    """Cross-outlet stories and their fact tables; home of `claims` and `compare`."""

    name = "corrigenda.stories"
    label = "stories"
    verbose_name = _("Stories")

    def ready(self) -> None:
        from corrigenda.archive.signals import version_archived

        version_archived.connect(_enqueue_assignment, dispatch_uid="stories.assign")


def _enqueue_assignment(*, version: Any, **kwargs: object) -> None:
    """Queue the story assignment as a task row in the ingest's own transaction."""
    from corrigenda.stories.tasks import story_assign_task

    story_assign_task.enqueue(version.pk)
