"""Links in a reader's mail: the article they mean (location) and their evidence.

Every link is unwrapped from the redirectors mail systems put around it (Outlook Safe
Links, Google and Facebook redirects) and normalised like archived article addresses
(tracking parameters such as `utm_*` and `fbclid` removed, fragment dropped), so the
location matches the article's canonical URL and one source given twice is one piece
of evidence.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from urllib.parse import parse_qs, urlsplit

from corrigenda.archive.addresses import canonical_url

_URL = re.compile(r"""(?:https?://|(?<![\w@./-])www\.)[^\s<>"'«»„“”‚‘’`\[\]{}|\\^]+""", re.I)
_TRAILING = ".,;:!?)'*_-"
# Redirectors whose query parameter holds the real target.
_REDIRECTS = {
    "safelinks.protection.outlook.com": "url",
    "google.com/url": "q",
    "l.facebook.com/l.php": "u",
    "lm.facebook.com/l.php": "u",
}
# Newsletter machinery, not a reader's evidence.
_MAIL_MACHINERY = re.compile(
    r"unsubscribe|abmelden|abbestellen|austragen|opt-?out|email-preferences"
    r"|manage-preferences|list-manage\.com|/track/|/wf/click|/ls/click|sendgrid\.net"
    r"|mandrillapp\.com|mailgun|createsend|mailchimp\.com|hubspotlinks\.com",
    re.I,
)


def find_urls(text: str) -> list[str]:
    """http(s) links in `text` in order, unwrapped and normalised, without repeats."""
    found: dict[str, None] = {}
    for match in _URL.finditer(text):
        url = _trim(match.group(0))
        if url.lower().startswith("www."):
            url = f"https://{url}"
        normalised = normalise(url)
        if normalised:
            found.setdefault(normalised, None)
    return list(found)


def normalise(url: str) -> str | None:
    for _ in range(3):  # a redirect may wrap another one
        target = _redirect_target(url)
        if target is None:
            break
        url = target
    try:
        normalised = canonical_url(url)
        host = urlsplit(normalised).hostname
    except ValueError:
        return None
    return normalised if host and "." in host else None


def split_links(
    urls: Iterable[str], outlet_domains: Sequence[str]
) -> tuple[str | None, tuple[str, ...]]:
    """(location, evidence): the first article link on an outlet domain, and the rest.

    An outlet link with a path beats the outlet's home page: readers name the article.
    Links of newsletter machinery (tracking, unsubscribe) are neither.
    """
    candidates = [url for url in urls if not _MAIL_MACHINERY.search(url)]
    own = [url for url in candidates if on_domains(urlsplit(url).hostname or "", outlet_domains)]
    articles = [url for url in own if urlsplit(url).path.strip("/")]
    location = next(iter(articles or own), None)
    return location, tuple(url for url in candidates if url != location)


def _trim(url: str) -> str:
    while url and url[-1] in _TRAILING:
        if url[-1] == ")" and url.count("(") >= url.count(")"):
            break
        url = url[:-1]
    return url


def _redirect_target(url: str) -> str | None:
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    host = (parts.hostname or "").removeprefix("www.")
    for prefix, parameter in _REDIRECTS.items():
        name, _, path = prefix.partition("/")
        if (host == name or host.endswith(f".{name}")) and parts.path.strip("/") == path:
            values = parse_qs(parts.query).get(parameter)
            if values and values[0].lower().startswith(("http://", "https://")):
                return values[0]
    return None


def on_domains(host: str, outlet_domains: Sequence[str]) -> bool:
    """Whether `host` is one of the outlet's domains or a subdomain of one."""
    host = _domain_key(host)
    domains = {d for d in (_domain_key(raw) for raw in outlet_domains) if d}
    return bool(host) and any(host == d or host.endswith(f".{d}") for d in domains)


def _domain_key(value: str) -> str:
    """A host name as compared: lower case, ASCII (IDNA), without "www." and port."""
    value = value.strip().lower()
    if "/" in value or ":" in value:
        try:
            value = urlsplit(value if "//" in value else f"//{value}").hostname or ""
        except ValueError:
            return ""
    value = value.rstrip(".").removeprefix("www.")
    try:
        return value.encode("idna").decode("ascii")
    except UnicodeError:
        return value
