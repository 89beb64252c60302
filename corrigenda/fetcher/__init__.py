"""The one way corrigenda reads the web: an SSRF-safe HTTP(S) fetcher.

Outlet pages, feeds and readers' evidence URLs all come through `fetch`, which only
ever connects to public addresses it has checked itself. See docs/fetcher.md.
"""

from corrigenda.fetcher.addresses import blocked_reason, is_public
from corrigenda.fetcher.client import fetch
from corrigenda.fetcher.errors import (
    BadURL,
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
from corrigenda.fetcher.resolver import Resolver, system_resolver

__all__ = [
    "BadURL",
    "BlockedAddress",
    "FetchError",
    "HTTPStatusError",
    "Limits",
    "Page",
    "Resolver",
    "Timeout",
    "TooLarge",
    "TooManyRedirects",
    "Unreachable",
    "UnsupportedContent",
    "blocked_reason",
    "fetch",
    "is_public",
    "system_resolver",
]
