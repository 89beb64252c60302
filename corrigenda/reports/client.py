"""Who sent a request: the reader's address for rate limits, seen through trusted proxies.

Behind a reverse proxy every request comes from the proxy's address, so all readers
would share one limit. `CORRIGENDA_TRUSTED_PROXIES` names the proxies whose
`X-Forwarded-For` is believed; the client is the right-most address in that header
that is not itself a trusted proxy (entries further left can be forged by the client).
"""

from __future__ import annotations

import ipaddress

from django.conf import settings
from django.http import HttpRequest


def client_address(request: HttpRequest) -> str:
    remote = str(request.META.get("REMOTE_ADDR", ""))
    if not _trusted(remote):
        return remote
    forwarded = str(request.META.get("HTTP_X_FORWARDED_FOR", ""))
    hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
    for hop in reversed(hops):
        if not _trusted(hop):
            return hop if _is_address(hop) else remote
    return remote


def _trusted(address: str) -> bool:
    if not _is_address(address):
        return False
    ip = ipaddress.ip_address(address)
    return any(ip in network for network in _networks())


def _networks() -> list[ipaddress.IPv4Network | ipaddress.IPv6Network]:
    return [ipaddress.ip_network(item, strict=False) for item in settings.TRUSTED_PROXIES]


def _is_address(value: str) -> bool:
    try:
        ipaddress.ip_address(value)
    except ValueError:
        return False
    return True
