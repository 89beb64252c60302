"""Archive ingest throughput: articles per second for text and for HTML pages.

Runs on the 10kGNAD test set (../shared/data/10kgnad/test.csv) in a throwaway test
database. Each measurement is paired with a baseline in the same process:

- text ingest (marker, header, boilerplate, language, hash, transaction, insert) against
  the least any archive must do: sha256 of the text and two plain INSERTs;
- HTML ingest (the texts wrapped in a realistic article page with navigation, reader
  notice, comments and footer; extraction, dates, boilerplate and storage) against
  `trafilatura.extract` alone on the same pages.

Run: `.venv/bin/python -m benchmarks.archive_ingest`.
"""

from __future__ import annotations

import csv
import hashlib
import html
import os
import re
import time
from collections.abc import Callable
from pathlib import Path

GNAD = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "10kgnad" / "test.csv"
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-ZÄÖÜ])")

PAGE = """<!doctype html>
<html lang="de"><head><meta charset="utf-8"><title>{title} | Der Beispielstandard</title>
<meta property="og:site_name" content="Der Beispielstandard">
<meta property="og:title" content="{title}"><meta name="author" content="Redaktion">
<meta property="article:published_time" content="2016-0{month}-1{day}T08:00:00+01:00">
<link rel="canonical" href="https://www.beispielstandard.example/{number}"></head>
<body><header><a href="/">Der Beispielstandard</a><nav><ul>{nav}</ul></nav></header>
<main><article><h1>{title}</h1><p class="byline">Von der Redaktion</p>{paragraphs}
<h3>Fehler- und Korrekturhinweise</h3><p>Wenn Sie einen Fehler entdecken, schreiben Sie
uns an korrektur@beispielstandard.example.</p><h3>Unterstützen Sie uns jetzt!</h3>
<p>Unabhängiger Journalismus braucht Sie. Jeder Beitrag zählt.</p><p>Kommentare: {number}</p>
</article><aside><h2>Mehr zum Thema</h2><ul>{related}</ul></aside>
<section class="comments"><h2>Kommentare</h2><p>Ein Leser meint, das sei alles falsch.</p>
<p>Eine Leserin widerspricht und lobt den Artikel.</p></section></main>
<footer><p>© 2016 Beispielstandard Verlags GmbH</p><a href="/impressum">Impressum</a>
<a href="/datenschutz">Datenschutz</a></footer></body></html>"""
NAV = "".join(f'<li><a href="/ressort/{n}">Ressort {n}</a></li>' for n in range(20))
RELATED = "".join(
    f'<li><a href="/artikel/{n}">Verwandter Artikel Nummer {n}</a></li>' for n in range(6)
)


def read_texts() -> list[str]:
    with GNAD.open(encoding="utf-8", newline="") as handle:
        return [row[1] for row in csv.reader(handle, delimiter=";", quotechar="'")]


def as_page(number: int, text: str) -> str:
    sentences = _SENTENCE.split(text)
    title = " ".join(sentences[0].split()[:6])  # shorter than the sentence it opens
    paragraphs = "".join(
        f"<p>{html.escape(' '.join(sentences[i : i + 3]))}</p>" for i in range(1, len(sentences), 3)
    )
    return PAGE.format(
        title=html.escape(title),
        number=number,
        month=number % 9 + 1,
        day=number % 9,
        nav=NAV,
        related=RELATED,
        paragraphs=paragraphs or f"<p>{html.escape(text)}</p>",
    )


def timed(run: Callable[[], object], repeat: int = 2) -> float:
    """The best of `repeat` runs: the machine's other work only ever adds time."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    if not GNAD.is_file():
        print(f"archive_ingest: skipped, 10kGNAD test set not found at {GNAD}")
        return
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "corrigenda.settings")
    import django

    django.setup()
    import trafilatura
    from django.db import connection, transaction
    from django.utils import timezone

    from corrigenda.archive.models import Article, ArticleVersion
    from corrigenda.archive.services import article_ingest, outlet_register
    from corrigenda.archive.text import NotAnArticle, detect_language

    texts = read_texts()
    pages = [as_page(n, text) for n, text in enumerate(texts)]
    count = len(texts)
    old_name = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0)
    try:
        outlet = outlet_register(slug="bench", name="Bench", domains=("beispielstandard.example",))
        detect_language("Ein deutscher Satz, damit die Wortlisten geladen sind.")  # warm-up
        trafilatura.extract(pages[0])

        def rolled_back(work: Callable[[], None]) -> Callable[[], None]:
            def run() -> None:
                with transaction.atomic():
                    work()
                    transaction.set_rollback(True)

            return run

        def baseline_text() -> None:
            for n, text in enumerate(texts):
                digest = hashlib.sha256(text.encode()).hexdigest()
                now = timezone.now()
                article = Article.objects.create(
                    outlet=outlet, canonical_url=f"https://b.example/{n}", last_changed=now
                )
                ArticleVersion.objects.create(
                    article=article,
                    number=1,
                    text=text,
                    content_hash=digest,
                    fetched_at=now,
                    source_kind="text_file",
                )

        def ours_text() -> None:
            for n, text in enumerate(texts):
                article_ingest(outlet=outlet, url=f"https://b.example/{n}", text=text)

        def baseline_html() -> None:
            for page in pages:
                trafilatura.extract(page)

        refused: list[int] = []

        def ours_html() -> None:
            refused.clear()
            for n, page in enumerate(pages):
                try:
                    article_ingest(url=f"https://www.beispielstandard.example/{n}", html=page)
                except NotAnArticle:
                    refused.append(n)

        text_base = timed(rolled_back(baseline_text))
        text_ours = timed(rolled_back(ours_text))
        html_base = timed(baseline_html)
        html_ours = timed(rolled_back(ours_html))
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)

    print(f"archive ingest — {count} 10kGNAD articles, {connection.vendor} test database")
    rows = (
        ("text ingest", text_ours, "sha256 + plain insert", text_base),
        ("HTML extract + ingest", html_ours, "trafilatura.extract alone", html_base),
    )
    for name, ours, baseline_name, baseline in rows:
        print(
            f"  {name:<22} {count / ours:8.0f} articles/s   "
            f"baseline {baseline_name}: {count / baseline:8.0f} articles/s   "
            f"ratio {ours / baseline:5.2f}x the baseline's time"
        )
    if refused:
        print(f"  ({len(refused)} pages refused as not an article: {refused[:5]})")


if __name__ == "__main__":
    main()
