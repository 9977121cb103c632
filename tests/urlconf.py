"""The site's URL conf as the walks over it read it: every named pattern, where it lives."""

from django.urls import URLPattern, URLResolver
from django.urls.resolvers import LocalePrefixPattern, RoutePattern


def named_patterns(resolver: URLResolver, namespace: str = "", prefixed: bool = False):
    """(view name, its pattern, whether it lives under a language prefix) for each named pattern."""
    for entry in resolver.url_patterns:
        under_prefix = prefixed or isinstance(entry.pattern, LocalePrefixPattern)
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from named_patterns(entry, inner, under_prefix)
        elif isinstance(entry, URLPattern) and entry.name:
            yield namespace + entry.name, entry.pattern, under_prefix


def takes_no_arguments(pattern) -> bool:
    """Whether an address of ``pattern`` needs no argument (an object's id, a token, a slug)."""
    if isinstance(pattern, RoutePattern):
        return not pattern.converters
    return not pattern.regex.groups
