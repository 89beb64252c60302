"""`corrigenda diff URL [--from N --to M]`: what changed between two versions of an article."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from corrigenda.archive import addresses, selectors
from corrigenda.archive.diff import diff_words, render_ansi, render_markers
from corrigenda.archive.models import ArticleVersion


def _gap(count: int) -> str:
    return ngettext(
        "… %(count)d unchanged paragraph …", "… %(count)d unchanged paragraphs …", count
    ) % {"count": count}


class Command(BaseCommand):
    help = (
        "Show a word-level diff between two versions of an archived article "
        "(default: the previous and the latest). Colours on a terminal, "
        "[-removed-]{+added+} markers otherwise."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("url", help="The article's URL, or the path of an ingested file.")
        parser.add_argument("--from", dest="old", type=int, metavar="N", help="Older version.")
        parser.add_argument("--to", dest="new", type=int, metavar="M", help="Newer version.")
        parser.add_argument("--full", action="store_true", help="Show unchanged paragraphs too.")

    def handle(self, *args: Any, **options: Any) -> None:
        target: str = options["url"]
        if not addresses.is_web_url(target) and Path(target).exists():
            target = addresses.file_url(Path(target))
        article = selectors.article_by_url(url=target)
        if article is None:
            raise CommandError(_("No archived article at %(url)s") % {"url": options["url"]})
        versions = selectors.article_versions(article=article)
        if len(versions) == 1 and options["old"] is None and options["new"] is None:
            self.stdout.write(_("Only one version is archived: nothing to compare."))
            return
        pair = selectors.version_pair(versions=versions, old=options["old"], new=options["new"])
        if pair is None:
            numbers = ", ".join(str(v.number) for v in versions)
            raise CommandError(_("No such version. Archived versions: %(n)s") % {"n": numbers})
        coloured = self._coloured(options)
        render = render_ansi if coloured else render_markers
        self.stdout.write(f"--- {self._label(pair.old)}")
        self.stdout.write(f"+++ {self._label(pair.new)}")
        title = diff_words(pair.old.title, pair.new.title, context=None)
        if not title.identical:
            self.stdout.write(_("Title: %(diff)s") % {"diff": render(title, gap=_gap)})
        text = diff_words(pair.old.text, pair.new.text, context=None if options["full"] else 1)
        self.stdout.write("")
        if text.identical:
            self.stdout.write(_("The text is unchanged."))
        else:
            self.stdout.write(render(text, gap=_gap))

    def _coloured(self, options: dict[str, Any]) -> bool:
        if options.get("force_color"):
            return True
        if options.get("no_color") or os.environ.get("NO_COLOR"):
            return False
        return self.stdout.isatty()

    @staticmethod
    def _label(version: ArticleVersion) -> str:
        return _("version %(number)d, fetched %(when)s — %(title)s") % {
            "number": version.number,
            "when": version.fetched_at.isoformat(timespec="minutes"),
            "title": version.headline,
        }
