from django.apps import AppConfig


class WebConfig(AppConfig):
    """The site's frame: base templates, the home page, `serve` and `worker`."""

    name = "corrigenda.web"
    label = "web"
