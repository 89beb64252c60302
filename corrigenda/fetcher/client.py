"""`fetch(url)`: follow a URL to a page while every hop obeys the fetcher's rules.

Per hop: parse and check the URL, resolve the host once, refuse the hop if any answer
is not public, connect to a checked address, send GET with the original Host header.
Redirects start the next hop from scratch. One deadline covers the whole chain.
"""

from __future__ import annotations

import http.client
import ssl
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from ipaddress import IPv4Address, IPv6Address
from urllib.parse import urljoin

from corrigenda.fetcher.addresses import IPAddress, blocked_reason, parse_address
from corrigenda.fetcher.connection import Deadline, PinnedConnection
from corrigenda.fetcher.decoding import ACCEPT_ENCODING, BoundedBody
from corrigenda.fetcher.errors import (
    BlockedAddress,
    FetchError,
    HTTPStatusError,
    Timeout,
    TooLarge,
    TooManyRedirects,
    Unreachable,
    UnsupportedContent,
)
from corrigenda.fetcher.page import Limits, Page
from corrigenda.fetcher.resolver import Resolver, resolve_within, system_resolver
from corrigenda.fetcher.urls import Target, parse_target

REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
_READ_SIZE = 64 * 1024

AllowPrivate = bool | Iterable[tuple[str, int]]


def fetch(
    url: str,
    *,
    limits: Limits = Limits(),  # noqa: B008 - frozen, so one shared default is safe
    resolver: Resolver | None = None,
    allow_private: AllowPrivate = False,
    tls_context: ssl.SSLContext | None = None,
) -> Page:
    """Fetch `url` (GET), following redirects, and return the final 2xx response.

    `resolver` replaces the system's name lookup (tests simulate DNS with it).
    `allow_private` is DANGEROUS: True lets the fetch reach loopback, private and
    link-local addresses — this machine, the office network, cloud metadata — and is
    meant only for a developer's own machine. An iterable of exact `(ip, port)` pairs
    exempts just those sockets, which is how tests reach their loopback servers.
    `tls_context` replaces the system's trusted CAs (tests bring their own CA).

    Raises a `FetchError` subclass for every refusal and failure; see `errors`.
    """
    policy = _AddressPolicy.build(allow_private)
    deadline = Deadline.after(limits.timeout)
    redirects: list[str] = []
    current = url
    while True:
        try:
            target = parse_target(current)
            addresses = _checked_addresses(target, resolver or system_resolver, policy, deadline)
            answer = _exchange(target, addresses, limits, deadline, tls_context)
        except FetchError as error:
            error.url = error.url or current
            raise
        except Exception as error:
            raise _as_fetch_error(error, current) from error
        if isinstance(answer, str):
            if len(redirects) >= limits.max_redirects:
                raise TooManyRedirects(f"more than {limits.max_redirects} redirects", url=current)
            redirects.append(target.url)
            current = urljoin(target.url, answer)
            continue
        return Page(
            url=url,
            final_url=target.url,
            status=answer.status,
            content_type=answer.content_type,
            charset=answer.charset,
            headers=answer.headers,
            body=answer.body,
            fetched_at=answer.fetched_at,
            redirects=tuple(redirects),
        )


@dataclass(frozen=True)
class _Final:
    """A 2xx response, read in full; `fetch` adds where it came from."""

    status: int
    content_type: str
    charset: str | None
    headers: tuple[tuple[str, str], ...]
    body: bytes
    fetched_at: datetime


@dataclass(frozen=True)
class _AddressPolicy:
    allow_all: bool
    exempt: frozenset[tuple[IPAddress, int]]

    @classmethod
    def build(cls, allow_private: AllowPrivate) -> _AddressPolicy:
        if isinstance(allow_private, bool):
            return cls(allow_all=allow_private, exempt=frozenset())
        exempt = set()
        for text, port in allow_private:
            address = parse_address(text)
            if address is None:
                raise ValueError(f"allow_private: {text!r} is not an IP address")
            exempt.add((_unmapped(address), port))
        return cls(allow_all=False, exempt=frozenset(exempt))

    def refusal(self, address: IPAddress, port: int) -> str | None:
        """Why connecting to (address, port) is refused, or None if it is allowed."""
        if self.allow_all:
            return None
        reason = blocked_reason(address)
        if reason is None or (_unmapped(address), port) in self.exempt:
            return None
        return reason


def _unmapped(address: IPAddress) -> IPAddress:
    if isinstance(address, IPv6Address) and address.ipv4_mapped is not None:
        return address.ipv4_mapped
    return address


def _is_localhost(host: str) -> bool:
    return host == "localhost" or host.endswith(".localhost")


def _checked_addresses(
    target: Target, resolver: Resolver, policy: _AddressPolicy, deadline: Deadline
) -> list[IPAddress]:
    """All addresses the host stands for, each one checked; any refusal refuses all."""
    if target.address is not None:
        answers: list[IPAddress] = [target.address]
    elif _is_localhost(target.host):
        # RFC 6761: localhost names are this machine, whatever a resolver says.
        answers = [IPv4Address("127.0.0.1")]
    else:
        texts = resolve_within(resolver, target.host, target.port, deadline.remaining())
        if not texts:
            raise Unreachable(f"{target.host} has no address", reason="dns")
        answers = []
        for text in texts:
            address = parse_address(text)
            if address is None:
                raise BlockedAddress(
                    f"{target.host} resolved to {text!r}, which is not an IP address",
                    reason="unverifiable_address",
                )
            answers.append(address)
    for address in answers:
        reason = policy.refusal(address, target.port)
        if reason is not None:
            named = "" if target.address is not None else f"{target.host} resolves to "
            raise BlockedAddress(
                f"{named}{address} ({reason}); only public addresses are fetched",
                reason="non_public_address",
            )
    return [_unmapped(address) for address in answers]


def _exchange(
    target: Target,
    addresses: list[IPAddress],
    limits: Limits,
    deadline: Deadline,
    tls_context: ssl.SSLContext | None,
) -> str | _Final:
    """One request to the first checked address that accepts a connection.

    Returns a redirect's Location, or the final response.
    """
    connection = _connect(target, addresses, limits, deadline, tls_context)
    try:
        response = connection.get(_request_headers(target, limits))
        try:
            return _read(response, limits)
        finally:
            response.close()
    finally:
        connection.close()


def _connect(
    target: Target,
    addresses: list[IPAddress],
    limits: Limits,
    deadline: Deadline,
    tls_context: ssl.SSLContext | None,
) -> PinnedConnection:
    failure: OSError | None = None
    for address in addresses:
        connection = PinnedConnection(
            target,
            address,
            deadline=deadline,
            connect_timeout=limits.connect_timeout,
            tls_context=tls_context,
        )
        try:
            connection.connect()
        except ssl.SSLError:
            connection.close()
            raise  # the certificate is the host's, not one address's, problem
        except OSError as error:
            connection.close()
            failure = error
            continue
        return connection
    assert failure is not None  # `addresses` is never empty
    raise failure


def _request_headers(target: Target, limits: Limits) -> dict[str, str]:
    accept = ", ".join(limits.allowed_content_types or ()) or "*/*"
    return {
        "Host": target.host_header,
        "User-Agent": limits.user_agent,
        "Accept": accept,
        "Accept-Encoding": ACCEPT_ENCODING,
        "Connection": "close",
    }


def _read(response: http.client.HTTPResponse, limits: Limits) -> str | _Final:
    location = response.msg.get("Location")
    if response.status in REDIRECT_STATUSES and location:
        return _header_text(location)
    if not 200 <= response.status < 300:
        raise HTTPStatusError(
            f"the server answered {response.status} {response.reason}".rstrip(),
            status=response.status,
        )
    content_type, charset = media_type(response.msg.get("Content-Type"))
    allowed = limits.allowed_content_types
    if allowed is not None and content_type not in {kind.lower() for kind in allowed}:
        raise UnsupportedContent(
            f"the response is {content_type}, not one of {', '.join(allowed)}",
            reason="content_type",
        )
    if response.length is not None and response.length > limits.max_bytes:
        raise TooLarge(
            f"the server announces {response.length} bytes, over the cap of {limits.max_bytes}",
            reason="content_length",
        )
    body = BoundedBody(response.msg.get("Content-Encoding"), limits.max_bytes)
    while chunk := response.read(_READ_SIZE):
        body.feed(chunk)
    return _Final(
        status=response.status,
        content_type=content_type,
        charset=charset,
        headers=tuple(response.getheaders()),
        body=body.finish(),
        fetched_at=datetime.now(UTC),
    )


def media_type(header: str | None) -> tuple[str, str | None]:
    """`text/html; charset=UTF-8` → ("text/html", "utf-8"); unknown → octet-stream."""
    kind, _, parameters = (header or "").partition(";")
    kind = kind.strip().lower()
    if kind.count("/") != 1 or " " in kind:
        kind = "application/octet-stream"
    charset = None
    for parameter in parameters.split(";"):
        name, _, value = parameter.partition("=")
        if name.strip().lower() == "charset":
            charset = value.strip().strip("\"'").lower() or None
    return kind, charset


def _header_text(value: str) -> str:
    """http.client reads headers as latin-1; a UTF-8 Location is re-read as UTF-8."""
    try:
        return value.encode("latin-1").decode("utf-8")
    except UnicodeError:
        return value


def _as_fetch_error(error: Exception, url: str) -> FetchError:
    """The FetchError a caller sees for a low-level failure (checked in this order)."""
    if isinstance(error, TimeoutError):
        return Timeout("the fetch ran past its time limit", url=url)
    if isinstance(error, ssl.SSLCertVerificationError):
        detail = error.verify_message or "certificate not trusted"
        return Unreachable(f"TLS certificate rejected: {detail}", reason="tls_certificate", url=url)
    if isinstance(error, ssl.SSLError):
        return Unreachable(f"TLS failed: {error.reason or error}", reason="tls", url=url)
    if isinstance(error, ConnectionRefusedError):
        return Unreachable("the connection was refused", reason="connection_refused", url=url)
    if isinstance(error, http.client.IncompleteRead):
        return Unreachable("the connection closed mid-body", reason="truncated", url=url)
    if isinstance(error, http.client.HTTPException):
        return Unreachable(
            f"the server's answer is not valid HTTP ({type(error).__name__})",
            reason="bad_response",
            url=url,
        )
    if isinstance(error, OSError):
        return Unreachable(
            f"the connection failed: {error.strerror or error}", reason="connection_failed", url=url
        )
    raise error
