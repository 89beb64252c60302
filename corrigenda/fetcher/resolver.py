"""Name resolution, done exactly once per request so every answer can be checked.

The fetcher asks a `Resolver` for all addresses of a host, checks every one of them and
then connects to a checked address itself: the HTTP layer never sees a hostname it could
resolve a second time (a DNS rebinding attack answers the second lookup differently).
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Sequence
from typing import Protocol

from corrigenda.fetcher.errors import Timeout, Unreachable


class Resolver(Protocol):
    """Answers a host and port with the IP addresses (as text) to connect to."""

    def __call__(self, host: str, port: int, /) -> Sequence[str]: ...


def system_resolver(host: str, port: int, /) -> list[str]:
    """The operating system's answer (getaddrinfo): hosts file, DNS, in its order."""
    try:
        answers = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as error:
        raise Unreachable(f"{host} could not be resolved: {error.strerror}", reason="dns") from None
    addresses: list[str] = []
    for *_, sockaddr in answers:
        text = str(sockaddr[0])
        if text not in addresses:
            addresses.append(text)
    return addresses


def resolve_within(resolver: Resolver, host: str, port: int, seconds: float) -> list[str]:
    """Call `resolver`, giving up after `seconds` (getaddrinfo itself has no timeout).

    A resolver still running at the deadline is left to finish in its daemon thread;
    its late answer is dropped, never used.
    """
    answer: list[Sequence[str]] = []
    failure: list[BaseException] = []

    def ask() -> None:
        try:
            answer.append(resolver(host, port))
        except BaseException as error:  # handed to the caller's thread below
            failure.append(error)

    thread = threading.Thread(target=ask, name=f"resolve {host}", daemon=True)
    thread.start()
    thread.join(seconds)
    if thread.is_alive():
        raise Timeout(f"resolving {host} took longer than the time left", reason="dns_timeout")
    if failure:
        error = failure[0]
        if isinstance(error, OSError):
            raise Unreachable(f"{host} could not be resolved: {error}", reason="dns") from error
        raise error
    return list(answer[0])
