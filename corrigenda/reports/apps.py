from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    """Readers' correction requests: intake from every channel, anchoring, merging."""

    name = "corrigenda.reports"
    label = "reports"
    verbose_name = _("Reports")
