"""Which IP addresses the fetcher may connect to: public unicast addresses only.

`ipaddress.is_global` alone is not enough: Python 3.12.1 still calls some non-public
ranges global (IPv4-mapped IPv6 was fixed only in 3.12.4), and addresses that embed an
IPv4 address (mapped, NAT64, 6to4) must be judged by the address they lead to. So
the explicit table below decides first and `is_global` is a final safety net.
"""

from __future__ import annotations

from ipaddress import IPv4Address, IPv4Network, IPv6Address, IPv6Network, ip_address

IPAddress = IPv4Address | IPv6Address

_IPV4_BLOCKED: tuple[tuple[IPv4Network, str], ...] = tuple(
    (IPv4Network(network), label)
    for network, label in (
        ("0.0.0.0/8", "unspecified"),  # "this network"; 0.0.0.0 reaches the local host
        ("10.0.0.0/8", "private"),
        ("100.64.0.0/10", "carrier-grade NAT"),
        ("127.0.0.0/8", "loopback"),
        ("169.254.0.0/16", "link-local"),  # includes cloud metadata at 169.254.169.254
        ("172.16.0.0/12", "private"),
        ("192.0.0.0/24", "IETF protocol assignment"),
        ("192.0.2.0/24", "documentation"),
        ("192.88.99.0/24", "6to4 relay anycast"),
        ("192.168.0.0/16", "private"),
        ("198.18.0.0/15", "benchmarking"),
        ("198.51.100.0/24", "documentation"),
        ("203.0.113.0/24", "documentation"),
        ("224.0.0.0/4", "multicast"),
        ("240.0.0.0/4", "reserved"),  # includes the broadcast address
    )
)

_IPV6_BLOCKED: tuple[tuple[IPv6Network, str], ...] = tuple(
    (IPv6Network(network), label)
    for network, label in (
        ("::/128", "unspecified"),
        ("::1/128", "loopback"),
        ("::/96", "IPv4-compatible (deprecated)"),
        ("::ffff:0:0:0/96", "IPv4-translated"),
        ("64:ff9b:1::/48", "local NAT64"),
        ("100::/64", "discard-only"),
        # Teredo (2001::/32) hides a client's IPv4 address; no news site lives there.
        ("2001::/23", "IETF protocol assignment"),
        ("2001:db8::/32", "documentation"),
        ("3fff::/20", "documentation"),
        ("5f00::/16", "segment routing"),
        ("fc00::/7", "unique local (private)"),
        ("fe80::/10", "link-local"),
        ("fec0::/10", "site-local (deprecated)"),
        ("ff00::/8", "multicast"),
    )
)

_NAT64 = IPv6Network("64:ff9b::/96")


def embedded_ipv4(address: IPv6Address) -> IPv4Address | None:
    """The IPv4 address a packet to `address` would really reach, if it embeds one."""
    if address.ipv4_mapped is not None:
        return address.ipv4_mapped
    if address.sixtofour is not None:
        return address.sixtofour
    if address in _NAT64:
        return IPv4Address(int(address) & 0xFFFFFFFF)
    return None


def blocked_reason(address: IPAddress) -> str | None:
    """Why the fetcher must not connect to `address`, or None for a public address."""
    if isinstance(address, IPv6Address):
        if address.scope_id:
            return "IPv6 zone id"
        inner = embedded_ipv4(address)
        if inner is not None:
            reason = blocked_reason(inner)
            return None if reason is None else f"{reason} (embedded in IPv6)"
        table: tuple[tuple[IPv4Network, str], ...] | tuple[tuple[IPv6Network, str], ...]
        table = _IPV6_BLOCKED
    else:
        table = _IPV4_BLOCKED
    for network, label in table:
        if address in network:
            return label
    return None if address.is_global else "not globally routable"


def is_public(address: IPAddress) -> bool:
    return blocked_reason(address) is None


def parse_address(text: str) -> IPAddress | None:
    """An address as a resolver or a URL writes it (IPv6 zone ids kept), or None."""
    try:
        return ip_address(text)
    except ValueError:
        return None
