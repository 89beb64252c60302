"""`corrigenda report URL …`: file a reader's report from the command line."""

from __future__ import annotations

import json

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from corrigenda.reports.models import Channel
from corrigenda.reports.services import report_submit
from corrigenda.reports.validation import RateLimited, ReportInvalid, Submission


class Command(BaseCommand):
    help = "File a correction request (e.g. one a reader phoned in) like any other channel."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("url", help="The article's address.")
        parser.add_argument("--passage", default="", help="The wrong passage, as it stands.")
        parser.add_argument("--fix", default="", help="How the passage should read.")
        parser.add_argument("--description", default="", help="What is wrong, in words.")
        parser.add_argument(
            "--evidence", action="append", default=[], metavar="URL", help="A source (repeatable)."
        )
        parser.add_argument("--name", default="", help="The reader's name.")
        parser.add_argument("--email", default="", help="The reader's address, for the outcome.")
        parser.add_argument("--lang", default="", choices=["", "de", "en"], help="Their language.")
        parser.add_argument("--json", action="store_true", dest="as_json", help="Print JSON.")

    def handle(self, *args: object, **options: str | list[str] | bool) -> None:
        submission = Submission(
            location=str(options["url"]),
            passage=str(options["passage"]),
            proposed_fix=str(options["fix"]),
            description=str(options["description"]),
            evidence=tuple(options["evidence"]),  # type: ignore[arg-type]
            reporter_name=str(options["name"]),
            reporter_email=str(options["email"]),
            language=str(options["lang"]),
            accept_unanchored=True,
        )
        try:
            report = report_submit(submission=submission, channel=Channel.CLI)
        except ReportInvalid as invalid:
            lines = [
                f"{name}: {message}" for name, msgs in invalid.errors.items() for message in msgs
            ]
            if invalid.closest:
                lines.append(_("Closest passage: %(text)s") % {"text": invalid.closest})
            raise CommandError("\n".join(lines)) from invalid
        except RateLimited as limited:
            raise CommandError(_("Too many reports in this hour.")) from limited
        summary = {
            "id": report.pk,
            "outlet": report.outlet.slug,
            "status": report.status,
            "anchor": report.anchor_state,
            "anchored_text": report.anchor_exact,
            "closest": report.anchor_closest,
            "merged_into": report.merged_into_id,
        }
        if options["as_json"]:
            self.stdout.write(json.dumps(summary, ensure_ascii=False, indent=2))
            return
        self.stdout.write(
            _("Report #%(id)s for %(outlet)s: %(anchor)s")
            % {
                "id": report.pk,
                "outlet": report.outlet.name,
                "anchor": report.get_anchor_state_display(),
            }
        )
        if report.anchor_closest:
            self.stdout.write(_("Closest passage: %(text)s") % {"text": report.anchor_closest})
        if report.merged_into_id:
            self.stdout.write(_("Merged into report #%(id)s.") % {"id": report.merged_into_id})
