"""`corrigenda demo`: load the demo outlets and sample articles (idempotent)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from corrigenda.web.demo import demo_load


class Command(BaseCommand):
    help = (
        "Load the demo: an invented Swiss outlet with its corrections desk, two other "
        "outlets and sample articles, one of them in two versions. Safe to run again."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        summary = demo_load()
        self.stdout.write(
            _(
                "Demo loaded: %(outlets)d outlets, %(articles)d articles, %(written)d versions written."
            )
            % {
                "outlets": summary.outlets,
                "articles": summary.articles,
                "written": summary.versions_written,
            }
        )
        self.stdout.write(
            _(
                "Desk: /desk/ — user redaktion (editor) or chefredaktion (outlet admin), "
                "password %(password)s (demo only)."
            )
            % {"password": summary.desk_password}
        )
