from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser


class Command(BaseCommand):
    help = "Run queued background tasks (checks, e-mails, fetches) from the database."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--batch", action="store_true", help="Exit when the queue is empty.")
        parser.add_argument("--interval", type=float, default=1.0, help="Seconds between polls.")

    def handle(self, *args: object, batch: bool, interval: float, **options: object) -> None:
        # No autoreloader: it would fork a second process that `serve` cannot stop.
        call_command(
            "db_worker",
            batch=batch,
            interval=interval,
            reload=False,
            verbosity=options["verbosity"],
        )
