"""Archive test fixtures: a loopback web server and a fetch allowed to reach only it."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import partial
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from corrigenda import fetcher

FIXTURES = Path(__file__).resolve().parent / "fixtures"


@dataclass
class Site:
    """Pages served on 127.0.0.1 by path, and a log of the paths requested."""

    pages: dict[str, tuple[int, str, bytes]] = field(default_factory=dict)
    requests: list[str] = field(default_factory=list)
    port: int = 0

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def add(
        self, path: str, body: str | bytes, content_type: str = "text/html; charset=utf-8"
    ) -> str:
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.pages[path] = (200, content_type, data)
        return self.url(path)

    @property
    def fetch(self) -> Callable[[str], fetcher.Page]:
        """The real fetcher, exempting exactly this server's socket from the address rules."""
        return partial(fetcher.fetch, allow_private=[("127.0.0.1", self.port)])


@pytest.fixture
def site() -> Iterator[Site]:
    state = Site()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            state.requests.append(self.path)
            status, content_type, body = state.pages.get(
                self.path, (404, "text/plain", b"not found")
            )
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    state.port = server.server_address[1]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield state
    server.shutdown()
    server.server_close()
    thread.join()


def fixture_text(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def article_page(title: str, paragraphs: list[str], *, extra: str = "", head: str = "") -> str:
    """A realistic article page: navigation, the article, related links and a footer."""
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return f"""<!doctype html><html lang="de"><head><meta charset="utf-8">
<title>{title} | Testblatt</title><meta property="og:site_name" content="Testblatt">{head}</head>
<body><nav><a href="/">Start</a> <a href="/politik">Politik</a> <a href="/kultur">Kultur</a></nav>
<main><article><h1>{title}</h1>{body}{extra}</article>
<aside><h2>Mehr zum Thema</h2><ul><li><a href="/a">Ein anderer Artikel</a></li></ul></aside></main>
<footer><p>© Testblatt AG</p><a href="/impressum">Impressum</a></footer></body></html>"""
