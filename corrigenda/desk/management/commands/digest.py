"""`corrigenda digest`: queue today's e-mail of overdue reports to each desk member."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils.translation import gettext as _

from corrigenda.desk.digest import digest_plan, digest_send


class Command(BaseCommand):
    help = (
        "E-mail each desk member the overdue reports of their outlets, once a day "
        "(safe to run more often: a member gets one digest per outlet and day)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Show who would get a digest and how many reports it lists; queue nothing.",
        )

    def handle(self, *args: Any, dry_run: bool, **options: Any) -> None:
        if dry_run:
            for digest in digest_plan():
                self.stdout.write(
                    _("%(outlet)s → %(user)s: %(count)d overdue")
                    % {
                        "outlet": digest.outlet.name,
                        "user": digest.user.get_username(),
                        "count": len(digest.reports),
                    }
                )
            return
        self.stdout.write(_("%(count)d digest(s) queued.") % {"count": digest_send()})
