from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArchiveConfig(AppConfig):
    """Every article of every outlet, each version kept, with diffs between them."""

    name = "corrigenda.archive"
    label = "archive"
    verbose_name = _("Archive")
