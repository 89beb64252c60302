"""Take the README's screenshots: a fresh demo database, the dev server, headless Chromium.

Usage: make screenshots   (writes docs/screenshots/*.png)
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "docs" / "screenshots"

# (file name, path, language, viewport width)
SHOTS = [
    ("home-en.png", "/", "en", 1280),
    ("archive-en.png", "/archive/", "en", 1280),
    ("article-de.png", "/archive/{article}/", "de", 1280),
    ("diff-en.png", "/archive/{article}/diff/", "en", 1280),
    ("archive-mobile-de.png", "/archive/", "de", 390),
    ("story-en.png", "/stories/{story}/", "en", 1280),
    ("report-form-de.png", "/report/?url={article_url}", "de", 1280),
    ("report-form-mobile-en.png", "/report/?url={article_url}", "en", 390),
]

# Pages behind the desk login (the demo editor), same tuple shape.
DESK_SHOTS = [
    ("desk-queue-en.png", "/desk/", "en", 1280),
    ("desk-report-en.png", "/desk/reports/{report}/", "en", 1280),
    ("desk-precheck-en.png", "/desk/reports/{report}/#check", "en", 1280),
    ("desk-dashboard-de.png", "/desk/dashboard/", "de", 1280),
]
DESK_USER = ("redaktion", "corrigenda-demo")

# The demo report against the planted wrong figure (the one with merged readers).
PLANTED_REPORT = (
    "from django.db.models import Count; from corrigenda.reports.models import Report; "
    "print(Report.objects.annotate(n=Count('merged')).order_by('-n', 'pk').first().pk)"
)
ARTICLE_URL = (
    "from corrigenda.archive.models import Article; "
    "print(Article.objects.get(pk={article}).canonical_url)"
)


# The primary key of the demo article that has more than one version.
CORRECTED_ARTICLE = (
    "from django.db.models import Count; from corrigenda.archive.models import Article; "
    "print(Article.objects.annotate(n=Count('versions')).filter(n__gt=1).first().pk)"
)

# The demo story with the most articles: the cross-outlet one.
BIGGEST_STORY = (
    "from django.db.models import Count; from corrigenda.stories.models import Story; "
    "print(Story.objects.annotate(n=Count('memberships')).order_by('-n').first().pk)"
)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_for(port: int, seconds: float = 60) -> None:
    """Until the server accepts connections (it starts slowly on a busy machine)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.2)
    raise TimeoutError(f"the server did not start on port {port}")


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "CORRIGENDA_SQLITE_PATH": f"{tmp}/demo.sqlite3"}
        env.pop("DATABASE_URL", None)
        run = [sys.executable, "-m", "corrigenda"]
        subprocess.run([*run, "migrate", "--no-input", "-v0"], env=env, check=True)
        subprocess.run([*run, "demo"], env=env, check=True)
        article = subprocess.run(
            [*run, "shell", "-v", "0", "-c", CORRECTED_ARTICLE],
            env=env,
            check=True,
            capture_output=True,
            text=True,
        ).stdout.strip()
        story = subprocess.run(
            [*run, "shell", "-v", "0", "-c", BIGGEST_STORY],
            env=env,
            check=True,
            capture_output=True,
            text=True,
        ).stdout.strip()
        report = subprocess.run(
            [*run, "shell", "-v", "0", "-c", PLANTED_REPORT],
            env=env,
            check=True,
            capture_output=True,
            text=True,
        ).stdout.strip()
        article_url = subprocess.run(
            [*run, "shell", "-v", "0", "-c", ARTICLE_URL.format(article=article)],
            env=env,
            check=True,
            capture_output=True,
            text=True,
        ).stdout.strip()
        values = {"article": article, "story": story, "report": report, "article_url": article_url}
        port = free_port()
        server = subprocess.Popen([*run, "serve", f"127.0.0.1:{port}", "--no-worker"], env=env)
        try:
            wait_for(port)
            with sync_playwright() as p:
                browser = p.chromium.launch(
                    executable_path=shutil.which("chromium") or "chromium",
                    args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
                )
                for shots, login in ((SHOTS, False), (DESK_SHOTS, True)):
                    for name, path, lang, width in shots:
                        context = browser.new_context(
                            locale=lang,
                            viewport={"width": width, "height": 900},
                            device_scale_factor=1,
                        )
                        page = context.new_page()
                        if login:
                            page.goto(f"http://127.0.0.1:{port}/desk/login/")
                            page.fill("input[name=username]", DESK_USER[0])
                            page.fill("input[name=password]", DESK_USER[1])
                            page.press("input[name=password]", "Enter")
                            page.wait_for_load_state()
                        page.goto(f"http://127.0.0.1:{port}{path.format(**values)}")
                        fragment = path.partition("#")[2]
                        if fragment:  # just that section of the page
                            page.locator(f"#{fragment}").screenshot(path=str(OUT / name))
                        else:
                            page.screenshot(path=str(OUT / name), full_page=False)
                        context.close()
                        print("wrote", OUT / name)
                browser.close()
        finally:
            server.terminate()
            server.wait(timeout=10)


if __name__ == "__main__":
    main()
