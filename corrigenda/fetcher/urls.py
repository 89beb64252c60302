"""Turn a URL into a checked request target, refusing everything the fetcher won't send.

The parser is strict on purpose: where Python's `urlsplit`, a browser and the C library
could read a URL differently (backslashes, stray control characters, numeric hosts like
`0x7f.1`), a differing reading is how a blocked address slips through, so such URLs are
refused rather than guessed at.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from ipaddress import IPv4Address, IPv6Address
from urllib.parse import SplitResult, quote, urlsplit

from corrigenda.fetcher.addresses import IPAddress, blocked_reason, parse_address
from corrigenda.fetcher.errors import BadURL, BlockedAddress

MAX_URL_LENGTH = 8192

DEFAULT_PORTS = {"http": 80, "https": 443}

# Ports browsers refuse to fetch from (WHATWG Fetch, "bad port"): talking HTTP to a mail,
# IRC or X11 server is a cross-protocol attack, never a way to read an article.
BAD_PORTS = frozenset(
    {
        *(0, 1, 7, 9, 11, 13, 15, 17, 19, 20, 21, 22, 23, 25, 37, 42, 43, 53, 69, 77, 79),
        *(87, 95, 101, 102, 103, 104, 109, 110, 111, 113, 115, 117, 119, 123, 135, 137),
        *(139, 143, 161, 179, 389, 427, 465, 512, 513, 514, 515, 526, 530, 531, 532, 540),
        *(548, 554, 556, 563, 587, 601, 636, 989, 990, 993, 995, 1719, 1720, 1723, 2049),
        *(3659, 4045, 4190, 5060, 5061, 6000, 6566, 6665, 6666, 6667, 6668, 6669, 6679),
        *(6697, 10080),
    }
)

_LABEL = re.compile(r"^[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?$")
_NUMERIC_LABEL = re.compile(r"^(?:[0-9]+|0[xX][0-9a-fA-F]*)$")
_HEX_PART = re.compile(r"^0[xX][0-9a-fA-F]*$")
_OCTAL_PART = re.compile(r"^0[0-7]+$")
_DECIMAL_PART = re.compile(r"^(?:0|[1-9][0-9]*)$")
# Characters kept as they are in a path or query; everything else is percent-encoded.
_PATH_SAFE = "!$%&'()*+,-./:;=?@[]_~"


@dataclass(frozen=True)
class Target:
    """One request the fetcher is willing to make, before any address is resolved."""

    url: str  # normalised: lowercase scheme and host, no fragment, non-ASCII encoded
    scheme: str
    host: str  # ASCII hostname, or an IP address in its canonical text form
    port: int
    request_target: str  # path and query as sent on the request line
    host_header: str
    address: IPAddress | None  # set when the URL names an IP address, not a hostname

    @property
    def tls(self) -> bool:
        return self.scheme == "https"


def parse_target(url: str) -> Target:
    """Check `url` against the fetcher's rules and split it into what a request needs.

    Raises BadURL for anything but a plain http(s) URL with a valid host, and
    BlockedAddress for an IPv6 zone id or a non-public IPv4 address in an unusual
    notation. Whether a plainly written address may be fetched is the caller's call.
    """
    url = url.strip(" \t\r\n\f")
    if len(url) > MAX_URL_LENGTH:
        raise BadURL(f"URL is longer than {MAX_URL_LENGTH} characters", reason="url_too_long")
    if any(ord(char) < 0x21 or ord(char) == 0x7F for char in url):
        raise BadURL(
            "URL contains a space or control character", reason="control_character", url=url
        )
    try:
        parts = urlsplit(url)
    except ValueError as error:
        raise BadURL(f"URL cannot be parsed: {error}", reason="unparseable", url=url) from None
    scheme = parts.scheme.lower()
    if scheme not in DEFAULT_PORTS:
        shown = scheme or "no scheme"
        raise BadURL(f"only http and https URLs can be fetched, not {shown}", reason="scheme")
    if "@" in parts.netloc:
        raise BadURL("URL contains credentials (user@host)", reason="credentials", url=url)
    if "\\" in parts.netloc:
        raise BadURL("URL host contains a backslash", reason="host", url=url)
    host, address = _host(parts, url)
    port = _port(parts, scheme, url)
    host_header = f"[{host}]" if ":" in host else host
    if port != DEFAULT_PORTS[scheme]:
        host_header = f"{host_header}:{port}"
    request_target = quote(parts.path or "/", safe=_PATH_SAFE)
    if parts.query:
        request_target += "?" + quote(parts.query, safe=_PATH_SAFE)
    return Target(
        url=f"{scheme}://{host_header}{request_target}",
        scheme=scheme,
        host=host,
        port=port,
        request_target=request_target,
        host_header=host_header,
        address=address,
    )


def _port(parts: SplitResult, scheme: str, url: str) -> int:
    try:
        port = parts.port
    except ValueError:
        raise BadURL("URL has an invalid port", reason="port", url=url) from None
    if port is None:
        return DEFAULT_PORTS[scheme]
    if port in BAD_PORTS:
        raise BadURL(f"port {port} is not used for web pages", reason="port", url=url)
    return port


def _host(parts: SplitResult, url: str) -> tuple[str, IPAddress | None]:
    netloc_host = parts.netloc.rpartition("@")[2]
    raw = parts.hostname
    if not raw:
        raise BadURL("URL has no host", reason="host", url=url)
    if netloc_host.startswith("["):
        return _bracketed_address(raw, url)
    try:
        # IDNA maps look-alikes (fullwidth digits and dots) to ASCII, so the numeric
        # check below sees what a resolver would see.
        host = raw.encode("idna").decode("ascii").lower()
    except UnicodeError:
        raise BadURL("URL host is not a valid hostname", reason="host", url=url) from None
    host = host.removesuffix(".")
    labels = host.split(".")
    if _NUMERIC_LABEL.match(labels[-1]):
        return _numeric_address(host, raw, url)
    if len(host) > 253 or not all(_LABEL.match(label) for label in labels):
        raise BadURL(f"URL host {host!r} is not a valid hostname", reason="host", url=url)
    return host, None


def _bracketed_address(raw: str, url: str) -> tuple[str, IPAddress]:
    address = parse_address(raw)
    if not isinstance(address, IPv6Address):
        raise BadURL("URL has an invalid IPv6 address", reason="host", url=url)
    if address.scope_id:
        # A zone id only makes sense for link-local addresses on this machine's links.
        raise BlockedAddress("URL names an IPv6 zone id", reason="ipv6_zone_id", url=url)
    return str(address), address


def _numeric_address(host: str, raw: str, url: str) -> tuple[str, IPAddress]:
    """An IPv4 host in any notation the C library accepts (0x7f.1, 017700000001, 127.1).

    `raw` is the host as written, before IDNA mapped fullwidth digits and dots to ASCII.
    """
    address = ipv4_from_host(host)
    if address is None:
        raise BadURL(f"URL host {host!r} is not a valid IPv4 address", reason="host", url=url)
    reason = blocked_reason(address)
    if str(address) != raw:
        # Resolvers and browsers disagree on these spellings; none is needed for a real
        # page, so they are refused even when the address they spell is public.
        if reason is not None:
            raise BlockedAddress(
                f"URL host {host!r} spells the {reason} address {address}",
                reason="encoded_address",
                url=url,
            )
        raise BadURL(
            f"URL host {host!r} is an unusual spelling of {address}",
            reason="encoded_address",
            url=url,
        )
    return host, address


def ipv4_from_host(host: str) -> IPv4Address | None:
    """Read a host as the WHATWG URL standard (and inet_aton) reads a numeric IPv4 host.

    Parts may be decimal, octal (leading 0) or hex (0x); fewer than four parts fill the
    last one up to the remaining bytes, so `127.1` is 127.0.0.1 and `2130706433` too.
    """
    parts = host.split(".")
    if parts and parts[-1] == "":
        parts.pop()
    if not 1 <= len(parts) <= 4:
        return None
    numbers: list[int] = []
    for part in parts:
        number = _ipv4_number(part)
        if number is None:
            return None
        numbers.append(number)
    *leading, last = numbers
    if any(number > 255 for number in leading) or last >= 256 ** (5 - len(numbers)):
        return None
    value = last
    for index, number in enumerate(leading):
        value += number * 256 ** (3 - index)
    return IPv4Address(value)


def _ipv4_number(part: str) -> int | None:
    # Checked digit by digit: int() would also take "+1", "1_0" and "0o17"; and kept
    # short, since int() refuses decimal strings over 4300 digits with a ValueError.
    if len(part) > 64:
        return None
    if _HEX_PART.match(part):
        return int(part[2:] or "0", 16)
    if _OCTAL_PART.match(part):
        return int(part, 8)
    if _DECIMAL_PART.match(part):
        return int(part)
    return None
