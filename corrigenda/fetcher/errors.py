"""Why a fetch failed: one exception class per kind of failure a caller reports.

Every error carries `reason`, a short machine code (stable, for logs and tests), and a
one-line human message as `str(error)`.
"""

from __future__ import annotations


class FetchError(Exception):
    """A page could not be fetched; `reason` says why in a short machine code."""

    reason: str = "fetch_failed"

    def __init__(self, message: str, *, reason: str | None = None, url: str | None = None) -> None:
        super().__init__(message)
        if reason is not None:
            self.reason = reason
        self.url = url


class BadURL(FetchError):
    """The URL itself is unacceptable: scheme, credentials, port, host syntax."""

    reason = "bad_url"


class BlockedAddress(FetchError):
    """The host is, or resolves to, an address that is not public."""

    reason = "blocked_address"


class TooLarge(FetchError):
    """The body (announced, transferred or decompressed) is over the size cap."""

    reason = "too_large"


class Timeout(FetchError):
    """The whole fetch, redirects included, ran past its deadline."""

    reason = "timeout"


class Unreachable(FetchError):
    """DNS failed, the connection was refused or broke, or TLS could not be verified."""

    reason = "unreachable"


class TooManyRedirects(FetchError):
    """The server redirected more often than the limit allows."""

    reason = "too_many_redirects"


class HTTPStatusError(FetchError):
    """The server answered with a status other than 2xx (or a redirect to follow)."""

    reason = "http_status"

    def __init__(self, message: str, *, status: int, url: str | None = None) -> None:
        super().__init__(message, url=url)
        self.status = status


class UnsupportedContent(FetchError):
    """The response is of a media type or content encoding the caller does not accept."""

    reason = "unsupported_content"
