"""One HTTP exchange over a socket pinned to an address that was checked beforehand.

http.client writes the request and parses the response; this module owns everything
around it: connecting to the checked IP (never to a hostname), TLS with the URL's
hostname for SNI and certificate checks, and a deadline that every single read honours,
so a server dripping one byte a second cannot stretch the fetch past its time.
"""

from __future__ import annotations

import http.client
import io
import socket
import ssl
import time
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from corrigenda.fetcher.addresses import IPAddress
from corrigenda.fetcher.urls import Target

if TYPE_CHECKING:
    from _typeshed import WriteableBuffer


@dataclass(frozen=True)
class Deadline:
    """A point on the monotonic clock by which the whole fetch must be done."""

    at: float

    @classmethod
    def after(cls, seconds: float) -> Deadline:
        return cls(time.monotonic() + seconds)

    def remaining(self) -> float:
        """Seconds left; raises TimeoutError once none are (a zero socket timeout
        would mean non-blocking, not "no time")."""
        left = self.at - time.monotonic()
        if left <= 0:
            raise TimeoutError("deadline passed")
        return left


def open_socket(address: IPAddress, port: int, timeout: float) -> socket.socket:
    """A TCP connection to exactly `address`: no name lookup can happen here."""
    family = socket.AF_INET6 if address.version == 6 else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    try:
        sock.settimeout(timeout)
        sock.connect((str(address), port))
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    except BaseException:
        sock.close()
        raise
    return sock


@cache
def default_tls_context() -> ssl.SSLContext:
    """The system's trusted CAs, hostname checking on, TLS 1.2 or newer."""
    context = ssl.create_default_context()
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    return context


class _DeadlineReader(io.RawIOBase):
    """Socket reads that each wait no longer than the time left to the deadline."""

    def __init__(self, sock: socket.socket, deadline: Deadline) -> None:
        super().__init__()
        self._sock = sock
        self._deadline = deadline

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: WriteableBuffer, /) -> int:
        self._sock.settimeout(self._deadline.remaining())
        return self._sock.recv_into(buffer)


class _DeadlineResponse(http.client.HTTPResponse):
    def __init__(self, sock: socket.socket, deadline: Deadline) -> None:
        super().__init__(sock, method="GET")
        # Swapped before a single byte is read: http.client reads only through `fp`.
        self.fp.close()
        self.fp = io.BufferedReader(_DeadlineReader(sock, deadline))


class PinnedConnection(http.client.HTTPConnection):
    """An HTTP(S) connection to `address` that speaks to `target.host` on top of it."""

    def __init__(
        self,
        target: Target,
        address: IPAddress,
        *,
        deadline: Deadline,
        connect_timeout: float,
        tls_context: ssl.SSLContext | None = None,
    ) -> None:
        super().__init__(target.host, target.port)
        self._target = target
        self._address = address
        self._deadline = deadline
        self._connect_timeout = connect_timeout
        self._tls_context = tls_context

    def connect(self) -> None:
        timeout = min(self._connect_timeout, self._deadline.remaining())
        sock = open_socket(self._address, self._target.port, timeout)
        if self._target.tls:
            context = self._tls_context or default_tls_context()
            try:
                # The handshake's reads share one timeout (CPython's ssl module keeps a
                # deadline per call), so a slow handshake is cut at `timeout` too.
                sock.settimeout(min(self._connect_timeout, self._deadline.remaining()))
                sock = context.wrap_socket(sock, server_hostname=self._target.host)
            except BaseException:
                sock.close()
                raise
        self.sock = sock

    def get(self, headers: dict[str, str]) -> http.client.HTTPResponse:
        """Send `GET target` with exactly `headers` (Host included) and read the head.

        Call `connect()` first: a failed connect is the caller's cue to try the next
        checked address."""
        self.sock.settimeout(self._deadline.remaining())
        self.putrequest(
            "GET", self._target.request_target, skip_host=True, skip_accept_encoding=True
        )
        for name, value in headers.items():
            self.putheader(name, value)
        self.endheaders()
        response = _DeadlineResponse(self.sock, self._deadline)
        try:
            response.begin()
        except BaseException:
            response.close()
            raise
        return response
