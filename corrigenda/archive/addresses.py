"""Article addresses: the canonical URL that identifies an article, and its outlet domain.

Pure Python. Two spellings of one address must give one article, so every URL is
normalised with courlan (lower-case host, default port dropped, tracking parameters
such as `utm_*` removed, query parameters sorted) and its fragment dropped.

Files ingested without a URL are identified by their absolute `file:` URI, so
re-ingesting the same file is idempotent and an edited file becomes a new version.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import courlan


class BadAddress(ValueError):
    reason = "bad_url"


def is_web_url(value: str) -> bool:
    return urlsplit(value.strip()).scheme.lower() in {"http", "https"}


def canonical_url(url: str) -> str:
    """The normalised form of an http(s) or file URL; raises BadAddress otherwise."""
    url = url.strip()
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme == "file":
        return urlunsplit(("file", "", parts.path, "", ""))
    if scheme not in {"http", "https"} or not parts.hostname:
        raise BadAddress(f"not an http(s) address: {url!r}")
    try:
        normalised = courlan.normalize_url(url)
    except ValueError:
        normalised = url
    parts = urlsplit(normalised)
    return urlunsplit((parts.scheme.lower(), parts.netloc, parts.path or "/", parts.query, ""))


def domain_of(url: str) -> str:
    """The outlet's domain of a URL: lower-case host without port and without "www."."""
    host = (urlsplit(url).hostname or "").lower().rstrip(".")
    return host.removeprefix("www.")


def file_url(path: Path) -> str:
    return path.resolve().as_uri()


def trusted_canonical(page_url: str, declared: str) -> str:
    """The page's declared canonical URL if it stays on the page's own domain.

    A page may name any address as canonical; accepting another domain's would let
    one page overwrite another outlet's article in the archive.
    """
    if declared and is_web_url(declared) and domain_of(declared) == domain_of(page_url):
        return canonical_url(declared)
    return canonical_url(page_url)
