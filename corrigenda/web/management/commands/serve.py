import signal
import subprocess
import sys

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser

MAIL_FETCH_SECONDS = 60


class Command(BaseCommand):
    help = (
        "Serve the site for local use, with a background worker beside it (and the "
        "desk's mailbox fetched every minute when IMAP is configured). In production run "
        "corrigenda.wsgi under a WSGI server, `corrigenda worker` and `corrigenda mail fetch`."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("addrport", nargs="?", default="127.0.0.1:8000")
        parser.add_argument("--no-worker", action="store_true", help="Do not start a worker.")

    def handle(self, *args: object, addrport: str, no_worker: bool, **options: object) -> None:
        # Stopping the server (Ctrl-C or SIGTERM) must stop its helpers too.
        signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
        helpers: list[subprocess.Popen[bytes]] = []
        if not no_worker:
            helpers.append(subprocess.Popen([sys.executable, "-m", "corrigenda", "worker"]))
        if settings.IMAP_HOST:
            fetch = ["mail", "fetch", "--every", str(MAIL_FETCH_SECONDS)]
            helpers.append(subprocess.Popen([sys.executable, "-m", "corrigenda", *fetch]))
        try:
            call_command("runserver", addrport, use_reloader=False)
        finally:
            for helper in helpers:
                helper.terminate()
            for helper in helpers:
                helper.wait(timeout=10)
