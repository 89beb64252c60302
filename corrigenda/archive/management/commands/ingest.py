"""`corrigenda ingest URL|FILE|FEED …`: archive articles from any source."""

from __future__ import annotations

from collections import Counter
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from tqdm import tqdm

from corrigenda.archive.addresses import is_web_url
from corrigenda.archive.models import Outlet
from corrigenda.archive.services import IngestOutcome, IngestStatus, source_ingest


class BarProgress:
    """A tqdm bar on stderr, shown only on a terminal and only for several articles."""

    def __init__(self, command: Command, inputs: int, *, enabled: bool) -> None:
        self.command = command
        self.total = inputs
        self.enabled = enabled
        self.bar: tqdm[Any] | None = None
        self._open_if_many()

    def _open_if_many(self) -> None:
        if self.bar is None and self.enabled and self.total > 1:
            self.bar = tqdm(total=self.total, file=self.command.stderr._out, unit="article")

    def expand(self, count: int) -> None:
        self.total += count - 1
        if self.bar is not None:
            self.bar.total = self.total
            self.bar.refresh()
        self._open_if_many()

    def advance(self, outcome: IngestOutcome) -> None:
        self.command.report(outcome, quiet=self.bar is not None)
        if self.bar is not None:
            self.bar.update(1)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


STATUS_LABELS = {
    IngestStatus.CREATED: gettext_lazy("created"),
    IngestStatus.NEW_VERSION: gettext_lazy("new version"),
    IngestStatus.UNCHANGED: gettext_lazy("unchanged"),
}


# Why an input failed, in words, by the reason codes of the fetcher and the archive.
REASON_LABELS = {
    "blocked_address": gettext_lazy("blocked address"),
    "bad_url": gettext_lazy("bad URL"),
    "unreachable": gettext_lazy("unreachable"),
    "timeout": gettext_lazy("timed out"),
    "too_large": gettext_lazy("too large"),
    "too_many_redirects": gettext_lazy("too many redirects"),
    "http_status": gettext_lazy("HTTP error"),
    "unsupported_content": gettext_lazy("unsupported content"),
    "not_an_article": gettext_lazy("not an article"),
    "not_a_feed": gettext_lazy("not a feed"),
    "unreadable": gettext_lazy("unreadable"),
}


class Command(BaseCommand):
    help = (
        "Archive articles from URLs, RSS/Atom feeds, sitemaps, HTML files and text files. "
        "A changed text becomes a new version; an unchanged one is left alone."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "sources",
            nargs="+",
            metavar="SOURCE",
            help="An article URL, a feed or sitemap URL, an HTML or text file, or a directory.",
        )
        parser.add_argument("--outlet", metavar="SLUG", help="File the articles under this outlet.")
        parser.add_argument(
            "--url",
            help="The canonical URL of the article in a single file, so an edited copy "
            "becomes a new version of that article.",
        )
        parser.add_argument("--feed", action="store_true", help="Treat URLs as RSS/Atom feeds.")
        parser.add_argument("--sitemap", action="store_true", help="Treat URLs as sitemaps.")

    def handle(self, *args: Any, **options: Any) -> None:
        sources: list[str] = options["sources"]
        if options["url"] and (len(sources) != 1 or is_web_url(sources[0])):
            raise CommandError(_("--url names one article: give exactly one file with it."))
        outlet = self._outlet(options["outlet"])
        self.verbosity = int(options["verbosity"])
        progress = BarProgress(self, len(sources), enabled=self.stderr.isatty())
        outcomes: list[IngestOutcome] = []
        try:
            for source in sources:
                outcomes += source_ingest(
                    source=source,
                    outlet=outlet,
                    url=options["url"],
                    as_feed=options["feed"] or options["sitemap"],
                    progress=progress,
                )
        finally:
            progress.close()
        failed = self.summarise(outcomes)
        if failed:
            raise CommandError(
                ngettext("%(n)d input failed.", "%(n)d inputs failed.", failed) % {"n": failed},
                returncode=1,
            )

    def _outlet(self, slug: str | None) -> Outlet | None:
        if not slug:
            return None
        outlet = Outlet.objects.filter(slug=slug).first()
        if outlet is None:
            known = ", ".join(Outlet.objects.values_list("slug", flat=True)) or "–"
            raise CommandError(
                _("No outlet %(slug)s. Known outlets: %(known)s") % {"slug": slug, "known": known}
            )
        return outlet

    def report(self, outcome: IngestOutcome, *, quiet: bool) -> None:
        """One line per input: failures always (stderr), successes unless a bar is shown."""
        if outcome.result is None:
            line = _("failed: %(source)s: %(reason)s: %(message)s") % {
                "source": outcome.source,
                "reason": REASON_LABELS.get(outcome.reason, _("error")),
                "message": outcome.message,
            }
            if quiet:
                tqdm.write(self.style.ERROR(line), file=self.stderr._out)
            else:
                self.stderr.write(line, style_func=self.style.ERROR)
            return
        if self.verbosity < 1 or (quiet and self.verbosity < 2):
            return
        result = outcome.result
        self.stdout.write(
            f"{STATUS_LABELS[result.status]!s:<12} v{result.version.number}  "
            f"{result.article.canonical_url}  {result.version.headline}"
        )

    def summarise(self, outcomes: list[IngestOutcome]) -> int:
        counts = Counter(o.result.status if o.result else "failed" for o in outcomes)
        created, new = counts[IngestStatus.CREATED], counts[IngestStatus.NEW_VERSION]
        unchanged, failed = counts[IngestStatus.UNCHANGED], counts["failed"]
        parts = (
            ngettext("%(n)d created", "%(n)d created", created) % {"n": created},
            ngettext("%(n)d new version", "%(n)d new versions", new) % {"n": new},
            ngettext("%(n)d unchanged", "%(n)d unchanged", unchanged) % {"n": unchanged},
            ngettext("%(n)d failed", "%(n)d failed", failed) % {"n": failed},
        )
        self.stdout.write(", ".join(parts))
        return failed
