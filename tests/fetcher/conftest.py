"""Loopback HTTP servers that log every request, and guards that keep tests off the net.

A blocked fetch is proven by a server that *would* answer it and whose request log
stays empty; every such test also shows the same server answering an allowed fetch, so
an empty log cannot come from a server that was never listening.
"""

from __future__ import annotations

import contextlib
import socket
import ssl
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from ipaddress import ip_address

import pytest

from corrigenda.fetcher import connection
from corrigenda.fetcher.addresses import IPAddress

Route = Callable[[BaseHTTPRequestHandler], None]


@dataclass(frozen=True)
class Seen:
    """One request a test server received."""

    path: str
    headers: dict[str, str]


@dataclass
class LoopbackServer:
    """A threaded HTTP server on a loopback address; `routes` maps a path to a responder."""

    host: str = "127.0.0.1"
    port: int = 0
    tls: ssl.SSLContext | None = None
    routes: dict[str, Route] = field(default_factory=dict)
    requests: list[Seen] = field(default_factory=list)
    stopping: threading.Event = field(default_factory=threading.Event)

    def start(self) -> LoopbackServer:
        owner = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:
                owner.requests.append(Seen(self.path, dict(self.headers.items())))
                self.close_connection = True
                route = owner.routes.get(self.path.split("?")[0], page(b"<p>Hallo</p>"))
                # The fetcher hanging up mid-answer is what many tests want to see.
                with contextlib.suppress(BrokenPipeError, ConnectionResetError, ssl.SSLError):
                    route(self)

            def log_message(self, format: str, *args: object) -> None:
                pass

        family = socket.AF_INET6 if ":" in self.host else socket.AF_INET

        class Server(ThreadingHTTPServer):
            address_family = family
            daemon_threads = True

            def server_bind(self) -> None:
                # HTTPServer.server_bind would look up this host's name; no lookups here.
                self.socket.bind(self.server_address)
                self.server_address = self.socket.getsockname()

            def get_request(self) -> tuple[socket.socket, object]:
                sock, peer = self.socket.accept()
                if owner.tls is not None:
                    sock = owner.tls.wrap_socket(sock, server_side=True)
                return sock, peer

        self._server = Server((self.host, self.port), Handler)
        self.port = self._server.server_address[1]
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        self.stopping.set()
        self._server.shutdown()
        self._server.server_close()

    @property
    def address(self) -> IPAddress:
        return ip_address(self.host)

    @property
    def authority(self) -> str:
        return f"[{self.host}]:{self.port}" if ":" in self.host else f"{self.host}:{self.port}"

    def url(self, path: str = "/", host: str | None = None) -> str:
        scheme = "https" if self.tls else "http"
        authority = f"{host}:{self.port}" if host else self.authority
        return f"{scheme}://{authority}{path}"

    @property
    def allowed(self) -> set[tuple[str, int]]:
        """The one (ip, port) pair a test exempts from the public-address rule."""
        return {(self.host, self.port)}


def page(body: bytes, content_type: str = "text/html; charset=utf-8") -> Route:
    def respond(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(200)
        handler.send_header("Content-Type", content_type)
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        handler.wfile.write(body)

    return respond


def redirect(location: str, status: int = 302) -> Route:
    def respond(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(status)
        handler.send_header("Location", location)
        handler.send_header("Content-Length", "0")
        handler.end_headers()

    return respond


def drip(stopping: threading.Event, *, head: bool = False, seconds: float = 60) -> Route:
    """A server sending one byte a second, in the body or (head=True) in the headers."""

    def respond(handler: BaseHTTPRequestHandler) -> None:
        if head:
            handler.wfile.write(b"HTTP/1.1 200 OK\r\nX-Slow: ")
        else:
            handler.send_response(200)
            handler.send_header("Content-Type", "text/plain")
            handler.send_header("Content-Length", "100000")
            handler.end_headers()
        handler.wfile.flush()
        until = time.monotonic() + seconds
        while time.monotonic() < until and not stopping.wait(1):
            handler.wfile.write(b"x")
            handler.wfile.flush()

    return respond


@pytest.fixture
def server() -> Iterator[LoopbackServer]:
    running = LoopbackServer().start()
    yield running
    running.stop()


@pytest.fixture
def other_server() -> Iterator[LoopbackServer]:
    """A second server, on another loopback port, that no test exempts."""
    running = LoopbackServer().start()
    yield running
    running.stop()


@pytest.fixture
def ipv6_server() -> Iterator[LoopbackServer]:
    try:
        running = LoopbackServer(host="::1").start()
    except OSError as error:
        pytest.skip(f"no IPv6 loopback on this machine: {error}")
    yield running
    running.stop()


@pytest.fixture
def connections(monkeypatch: pytest.MonkeyPatch) -> list[tuple[IPAddress, int]]:
    """Every socket the fetcher opens, in order (the guard below checks each one)."""
    opened: list[tuple[IPAddress, int]] = []
    real = connection.open_socket

    def recording(address: IPAddress, port: int, timeout: float) -> socket.socket:
        opened.append((address, port))
        return real(address, port, timeout)

    monkeypatch.setattr(connection, "open_socket", recording)
    return opened


@pytest.fixture(autouse=True)
def stay_on_loopback(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail, rather than reach the internet, if a test bug lets a public address through,
    and fail on any real DNS lookup: these tests resolve names only with test resolvers."""
    real_open = connection.open_socket
    real_getaddrinfo = socket.getaddrinfo

    def loopback_only(address: IPAddress, port: int, timeout: float) -> socket.socket:
        assert address.is_loopback, f"test tried to connect to {address}"
        return real_open(address, port, timeout)

    def no_dns(host: object, *args: object, **kwargs: object) -> object:
        try:
            ip_address(str(host))
        except ValueError:
            raise AssertionError(f"test tried a DNS lookup of {host!r}") from None
        return real_getaddrinfo(host, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(connection, "open_socket", loopback_only)
    monkeypatch.setattr(socket, "getaddrinfo", no_dns)
