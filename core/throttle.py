"""A counter of attempts in a time window, kept in the shared cache so that it holds across web
processes: what the join-code and certificate-lookup limits count with; and the visitor's address
they count by. While Redis is down the cache counts in each process's memory (``core.cache``): the
limits then hold per web process, looser but never lifted."""

import ipaddress

from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured, PermissionDenied


def client_address(request) -> str:
    """The visitor's address, as allauth's sign-in limits see it: behind a reverse proxy,
    ``TRUSTED_PROXY_COUNT`` says how many hops of X-Forwarded-For to trust (else every visitor
    would share the proxy's address, and one busy office would lock everyone out)."""
    from allauth.account.adapter import get_adapter

    try:
        return get_adapter(request).get_client_ip(request)
    except (PermissionDenied, ImproperlyConfigured):  # no usable address, or fewer hops than trusted
        return request.META.get("REMOTE_ADDR", "")


# Loopback and the private ranges (RFC 1918, IPv6 unique local). Named here rather than read from
# ``ipaddress``'s is_private, which also counts documentation and reserved ranges as private.
INTERNAL_NETWORKS = tuple(
    ipaddress.ip_network(network)
    for network in ("127.0.0.0/8", "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "::1/128", "fc00::/7")
)


def is_internal_address(request) -> bool:
    """Whether the visitor, as seen through the trusted proxies, is on this machine or the private
    network (loopback or a private range). A forwarded-for chain shorter than the trusted proxies
    is not believed: the request is then from outside."""
    from allauth.account.adapter import get_adapter

    try:
        address = ipaddress.ip_address(get_adapter(request).get_client_ip(request))
    except (PermissionDenied, ImproperlyConfigured, ValueError):
        return False
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        address = address.ipv4_mapped
    return any(address in network for network in INTERNAL_NETWORKS)


def count_attempt(key: str, window_seconds: int) -> int:
    """Count one more attempt under ``key``; returns how many there have been in the window,
    which starts at the first of them."""
    if cache.add(key, 1, window_seconds):
        return 1
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, window_seconds)
        return 1


def attempts(key: str) -> int:
    return cache.get(key) or 0
