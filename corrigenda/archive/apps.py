from django.apps import AppConfig


class ArchiveConfig(AppConfig):
    """Every article of every outlet, each version kept, with diffs between them."""

    name = "corrigenda.archive"
    label = "archive"
