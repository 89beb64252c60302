"""`corrigenda mail parse FILE.eml`: what corrigenda reads from a reader's e-mail."""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from corrigenda.reports.mail import ParsedReport, Quarantined, mail_parse

QUARANTINED_STATUS = 2


class Command(BaseCommand):
    help = "Read readers' e-mail. `parse` shows what a message says; needs no database."
    requires_system_checks: tuple[str, ...] = ()  # no database, no checks

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
        parse = actions.add_parser(
            "parse", help="Print the location, passage, fix and evidence of one message."
        )
        parse.add_argument("file", type=Path, help="One message as an .eml file.")
        parse.add_argument(
            "--outlet-domain",
            action="append",
            default=[],
            dest="outlet_domains",
            metavar="DOMAIN",
            help="The outlet's domain (repeatable): its article link is the location.",
        )
        parse.add_argument("--json", action="store_true", dest="as_json", help="Print JSON.")

    def handle(
        self,
        *args: object,
        action: str,
        file: Path,
        outlet_domains: list[str],
        as_json: bool,
        **options: object,
    ) -> None:
        if not file.is_file():
            raise CommandError(f"No such file: {file}")
        try:
            report = mail_parse(file.read_bytes(), outlet_domains=outlet_domains)
        except Quarantined as quarantined:
            outcome = {
                "quarantined": True,
                "reason": quarantined.reason,
                "message": quarantined.message,
            }
            self.stdout.write(_json(outcome) if as_json else f"Quarantined: {quarantined}")
            raise CommandError(
                f"quarantined ({quarantined.reason})", returncode=QUARANTINED_STATUS
            ) from None
        self.stdout.write(_json(report.as_json()) if as_json else _text(report))
        if not outlet_domains:
            self.stderr.write("No --outlet-domain given: no link can be the location.")


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2)


def _text(report: ParsedReport) -> str:
    sender = f"{report.reporter_name} <{report.reporter}>" if report.reporter_name else None
    rows = [
        ("Location", report.location),
        ("Passage", report.passage),
        ("Proposed fix", report.proposed_fix),
        ("Evidence", "\n".join(report.evidence)),
        ("Reporter", sender or report.reporter),
        ("Language", report.language),
        ("Automated", f"yes ({report.automated_reason})" if report.automated else "no"),
        ("Subject", report.subject),
        ("Date", report.received_at.isoformat() if report.received_at else None),
        ("Message-ID", report.message_id),
        ("Attachments", "\n".join(report.attachments)),
        ("Lenient parse", "yes" if report.lenient else None),
    ]
    width = max(len(label) for label, _ in rows) + 2
    lines = []
    for label, value in rows:
        if value:
            indented = value.replace("\n", "\n" + " " * width)
            lines.append(f"{label + ':':<{width}}{indented}")
    lines.append("Description:")
    lines.extend(f"  {line}" for line in report.description.split("\n"))
    return "\n".join(lines)
