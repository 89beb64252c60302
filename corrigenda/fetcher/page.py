"""What a fetch is allowed to cost (`Limits`) and what it brings back (`Page`)."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class Limits:
    """Caps on one fetch. The defaults suit an article page or a feed."""

    timeout: float = 10.0  # wall-clock seconds for the whole fetch, redirects included
    connect_timeout: float = 5.0  # per TCP connect and per TLS handshake
    max_bytes: int = 5 * 1024 * 1024  # on the body, both as transferred and as decoded
    max_redirects: int = 5
    user_agent: str = "corrigenda/0.1"
    allowed_content_types: tuple[str, ...] | None = None  # media types; None accepts any

    def __post_init__(self) -> None:
        if self.timeout <= 0 or self.connect_timeout <= 0:
            raise ValueError("timeouts must be positive")
        if self.max_bytes <= 0 or self.max_redirects < 0:
            raise ValueError("max_bytes must be positive and max_redirects not negative")


# WHATWG Encoding: these labels mean windows-1252 on the web, whatever they say.
_WINDOWS_1252_LABELS = {"iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "us-ascii", "ascii"}
_DECLARED_CHARSET = re.compile(
    rb"""(?:<meta[^>]{0,512}?charset|<\?xml[^>]{0,128}?encoding)\s*=\s*["']?\s*([a-zA-Z0-9_.:-]{1,40})""",
    re.IGNORECASE,
)
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


@dataclass(frozen=True)
class Page:
    """A fetched response with a 2xx status."""

    url: str  # the URL asked for
    final_url: str  # where the last redirect led (normalised)
    status: int
    content_type: str  # media type without parameters, lowercased
    charset: str | None
    headers: tuple[tuple[str, str], ...]
    body: bytes  # Content-Encoding undone, not yet decoded to text
    fetched_at: datetime  # timezone-aware UTC
    redirects: tuple[str, ...]  # the URLs that answered with a redirect, in order

    def text(self) -> str:
        """The body as text: byte-order mark, then the header's charset, then a charset
        the document declares, then UTF-8 if it decodes cleanly, else windows-1252."""
        for prefix, bom_codec in _BOMS:
            if self.body.startswith(prefix):
                return self.body.decode(bom_codec, errors="replace")
        for label in (self.charset, _declared_charset(self.body)):
            codec = _codec(label)
            if codec is None:
                continue
            try:
                return self.body.decode(codec, errors="replace")
            except (LookupError, UnicodeError):
                continue  # not a text encoding (say "base64"), or one that cannot replace
        try:
            return self.body.decode("utf-8")
        except UnicodeDecodeError:
            return self.body.decode("cp1252", errors="replace")


def _declared_charset(body: bytes) -> str | None:
    match = _DECLARED_CHARSET.search(body[:4096])
    return match.group(1).decode("ascii") if match else None


def _codec(label: str | None) -> str | None:
    if not label:
        return None
    label = label.strip().lower()
    if label in _WINDOWS_1252_LABELS:
        return "cp1252"
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None
