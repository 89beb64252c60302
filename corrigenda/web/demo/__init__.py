"""Demo data: invented outlets and sample articles, loaded through the archive services.

`outlets.toml` lists the outlets and, per article, its canonical URL and one file per
version. Loading is idempotent: an article's version N is only ingested while the
article has fewer than N versions, so a second run writes nothing.
"""

from __future__ import annotations

import tomllib
from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from django.db import transaction

from corrigenda.archive.models import Article, Outlet
from corrigenda.archive.services import IngestStatus, article_ingest, outlet_register
from corrigenda.desk.demo import desk_demo_load
from corrigenda.stories.services import story_assign_pending

DEMO_DIR = Path(__file__).resolve().parent
ARTICLES_DIR = DEMO_DIR / "articles"


@dataclass(frozen=True)
class DemoSummary:
    outlets: int
    articles: int
    versions_written: int
    desk_password: str = ""


def _ingest_version(outlet: Outlet, url: str, entry: dict[str, str]) -> IngestStatus:
    path = ARTICLES_DIR / entry["file"]
    content = path.read_text(encoding="utf-8")
    is_html = path.suffix == ".html"
    result = article_ingest(
        outlet=outlet,
        url=url,
        html=content if is_html else None,
        text=None if is_html else content,
        source_url=f"demo:{entry['file']}",
        fetched_at=datetime.fromisoformat(entry["fetched_at"]),
    )
    return result.status


def demo_load(*, manifest: Path = DEMO_DIR / "outlets.toml") -> DemoSummary:
    """Load the demo outlets and articles; a second run changes nothing."""
    spec = tomllib.loads(manifest.read_text(encoding="utf-8"))
    written: Counter[IngestStatus] = Counter()
    with transaction.atomic():
        outlets = {
            item["slug"]: outlet_register(
                slug=item["slug"],
                name=item["name"],
                language=item["language"],
                desk_email=item["desk_email"],
                spelling=item["spelling"],
                domains=tuple(item["domains"]),
            )
            for item in spec["outlet"]
        }
        for item in spec["article"]:
            existing = Article.objects.filter(canonical_url=item["url"]).first()
            have = existing.versions.count() if existing else 0
            for entry in item["versions"][have:]:
                written[_ingest_version(outlets[item["outlet"]], item["url"], entry)] += 1
    # The worker would assign the queued versions to stories too; the demo should show
    # its stories at once, and assignment is idempotent.
    story_assign_pending()
    # The desk: accounts, reply templates, reports (with their pre-checks) and history.
    desk = desk_demo_load()
    return DemoSummary(
        outlets=len(outlets),
        articles=len(spec["article"]),
        versions_written=written[IngestStatus.CREATED] + written[IngestStatus.NEW_VERSION],
        desk_password=desk.password,
    )
