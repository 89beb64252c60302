"""`corrigenda mail`: read readers' e-mail.

`parse FILE.eml` shows what a message says (no database needed); `import FILE…` files
.eml files and mbox archives as reports; `fetch` reads the desk's IMAP mailbox, once
or every N seconds until stopped (SIGTERM, SIGINT).
"""

from __future__ import annotations

import json
import signal
import threading
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from corrigenda.reports.mail import ParsedReport, Quarantined, mail_parse

if TYPE_CHECKING:
    from corrigenda.reports.mail_import import ImportSummary

QUARANTINED_STATUS = 2


class Command(BaseCommand):
    help = (
        "Read readers' e-mail: `parse` shows what a message says (needs no database), "
        "`import` files .eml files and mbox archives, `fetch` reads the desk's IMAP mailbox."
    )
    requires_system_checks: tuple[str, ...] = ()  # `parse` needs no database, no checks

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
        imports = actions.add_parser(
            "import", help="File .eml files and mbox archives as reports (each message once)."
        )
        imports.add_argument(
            "files", nargs="+", type=Path, metavar="FILE", help="An .eml file or an mbox archive."
        )
        fetch = actions.add_parser(
            "fetch", help="Import new messages from the desk's IMAP mailbox (IMAP settings)."
        )
        fetch.add_argument(
            "--every",
            type=float,
            metavar="SECONDS",
            help="Keep fetching, every SECONDS, until stopped (SIGTERM or SIGINT).",
        )
        fetch.add_argument(
            "--limit", type=int, metavar="N", help="Import at most N new messages per fetch."
        )

    def handle(self, *args: object, action: str, **options: Any) -> None:
        self.verbosity = int(options["verbosity"])
        if action == "import":
            self.import_files(options["files"])
        elif action == "fetch":
            self.fetch(every=options["every"], limit=options["limit"])
        else:
            self.parse(options["file"], options["outlet_domains"], options["as_json"])

    def parse(self, file: Path, outlet_domains: list[str], as_json: bool) -> None:
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

    def import_files(self, files: list[Path]) -> None:
        from corrigenda.reports.mail_import import ImportSummary, NotAMailFile, mail_file_import

        total, failed = ImportSummary(), 0
        for path in files:
            try:
                summary = mail_file_import(path=path)
            except NotAMailFile as error:
                failed += 1
                self.stderr.write(_("failed: %(error)s") % {"error": error}, self.style.ERROR)
                continue
            total += summary
            if self.verbosity >= 2:
                self.stdout.write(f"{path}: {_summary(summary)}")
        self.stdout.write(_summary(total))
        if failed:
            raise CommandError(
                ngettext("%(n)d file failed.", "%(n)d files failed.", failed) % {"n": failed},
                returncode=1,
            )

    def fetch(self, *, every: float | None, limit: int | None) -> None:
        from django.db import DatabaseError, close_old_connections

        from corrigenda.reports.imap import MailboxError, mailbox_import_configured

        if every is None:
            try:
                self.stdout.write(_summary(mailbox_import_configured(limit=limit)))
            except MailboxError as error:
                raise CommandError(str(error)) from error
            return
        if every <= 0:
            raise CommandError(_("--every needs a number of seconds above 0."))
        stop = threading.Event()

        def stop_polling(signum: int, frame: FrameType | None) -> None:
            stop.set()

        previous = {s: signal.signal(s, stop_polling) for s in (signal.SIGTERM, signal.SIGINT)}
        try:
            while not stop.is_set():
                close_old_connections()
                try:
                    summary = mailbox_import_configured(limit=limit)
                except MailboxError as error:  # the server may be back next time
                    self.stderr.write(str(error), self.style.ERROR)
                except DatabaseError as error:  # the error's type only: it may quote mail
                    self.stderr.write(
                        _("database error: %(error)s") % {"error": type(error).__name__}
                    )
                else:
                    if summary.stored or summary.skipped_known or self.verbosity >= 2:
                        self.stdout.write(_summary(summary))
                stop.wait(every)
        finally:
            for signum, handler in previous.items():
                signal.signal(signum, handler)


def _summary(summary: ImportSummary) -> str:
    parts = (
        ngettext("%(n)d stored", "%(n)d stored", summary.stored) % {"n": summary.stored},
        ngettext("%(n)d already imported", "%(n)d already imported", summary.skipped_known)
        % {"n": summary.skipped_known},
        ngettext("%(n)d reported", "%(n)d reported", summary.reported) % {"n": summary.reported},
        ngettext("%(n)d quarantined", "%(n)d quarantined", summary.quarantined)
        % {"n": summary.quarantined},
        ngettext("%(n)d rejected", "%(n)d rejected", summary.rejected) % {"n": summary.rejected},
    )
    return ", ".join(parts)


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
