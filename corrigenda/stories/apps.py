from django.apps import AppConfig


class StoriesConfig(AppConfig):
    """Cross-outlet stories and their fact tables; home of `claims` and `compare`."""

    name = "corrigenda.stories"
    label = "stories"
