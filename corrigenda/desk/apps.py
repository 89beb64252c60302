from typing import Any

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DeskConfig(AppConfig):
    name = "corrigenda.desk"
    label = "desk"
    verbose_name = _("Desk")

    def ready(self) -> None:
        from corrigenda.reports.signals import report_filed

        report_filed.connect(_queue_check, dispatch_uid="desk.check")


def _queue_check(*, report: Any, **kwargs: object) -> None:
    """Every filed report gets its pre-check, queued in the filing transaction."""
    from corrigenda.desk.services import check_queue

    check_queue(report=report)
