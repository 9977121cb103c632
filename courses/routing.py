"""Routing into the course tree without asking the database each time.

Wagtail routes a URL one level at a time, two queries a level (the child, then its specific type).
A lesson sits four levels below the home page (catalogue → course → module → lesson), so a lesson
page would spend eight queries finding itself. The tree's shape is fixed by ``subpage_types`` and
``parent_page_types``, so the number of path components says which page type stands at the end,
and Wagtail's stored ``url_path`` finds it in one query. That answer is a fact of the published
tree, so it is kept with the tree's other cached facts (``page_cache``) until a page is published,
unpublished, moved or deleted. Anything else falls back to Wagtail's own routing.

Above the home page, Wagtail finds the site and the home page in the request's language with four
queries per request; which sites there are and their home pages are facts of the upper tree, kept
until it changes (``route_for_request``, ``page_cache.cached_upper``)."""

from django.http import Http404
from django.http.request import split_domain_port
from django.utils import translation
from wagtail.models import Page, Site
from wagtail.url_routing import RouteResult

from .models import CoursePage, ModulePage
from .outline import ITEM_MODELS
from .page_cache import cached, cached_upper

# The page types found N path components below a home page: a module's items are lessons and what
# other apps register (``outline.register_item_model``), lessons tried first. The catalogue itself
# (one component) is left to Wagtail: a guess that missed would cost other pages a query.
BELOW_HOME = {2: [CoursePage], 3: [ModulePage], 4: ITEM_MODELS}


def route_directly(parent: Page, path_components: list[str]) -> RouteResult | None:
    """The page ``path_components`` below ``parent``, from the tree cache or in one query (a
    lesson) or a few (other items), or None to route the usual way."""
    models = BELOW_HOME.get(len(path_components))
    if not models:
        return None
    url_path = parent.url_path + "".join(f"{component}/" for component in path_components)
    # A miss is not remembered (``cached`` recomputes None): unknown addresses must not fill the cache.
    page = cached("route", f"{parent.path}:{url_path}", lambda: _find(models, parent, url_path))
    if page is None:
        return None
    if not page.live:
        raise Http404
    return RouteResult(page)


def _find(models: list[type], parent: Page, url_path: str) -> Page | None:
    for model in models:
        page = model.objects.filter(url_path=url_path, path__startswith=parent.path).first()
        if page is not None:
            return page
    return None


# --- The site and its home page ----------------------------------------------------------------

# Wagtail's ranking of the sites that may answer a host (``wagtail.models.sites``).
MATCH_HOSTNAME_PORT, MATCH_HOSTNAME_DEFAULT, MATCH_DEFAULT, MATCH_HOSTNAME = range(4)


def route_for_request(request, path: str) -> RouteResult | None:
    """Wagtail's ``Page.route_for_request``, with the site and its home page in the request's
    language taken from the tree cache: Wagtail asks the database for both (the site, the active
    locale, the home page's translation and its specific type) on every request. Remembered on the
    request where Wagtail remembers it, so its serve view, hooks and redirects find it there."""
    if not hasattr(request, "_wagtail_route_for_request"):
        result = None
        site = site_for_request(request)
        if site is not None:
            try:
                result = home_page(site).route(request, [component for component in path.split("/") if component])
            except Http404:
                result = None
        request._wagtail_route_for_request = result
    return request._wagtail_route_for_request


def site_for_request(request) -> Site | None:
    """Wagtail's ``Site.find_for_request``, matched against the cached list of sites."""
    if not hasattr(request, "_wagtail_site"):
        # The raw host, as Wagtail reads it (the allowed hosts were checked by then).
        hostname = split_domain_port(request._get_raw_host())[0]
        request._wagtail_site = match_site(cached_upper("sites", "", _all_sites), hostname, request.get_port())
    return request._wagtail_site


def _all_sites() -> list[Site]:
    return list(Site.objects.select_related("root_page"))


def match_site(sites: list[Site], hostname: str, port) -> Site | None:
    """The site Wagtail's ``get_site_for_hostname`` picks for ``hostname`` and ``port``, or None."""
    port = int(port)

    def rank(site: Site) -> int:
        if site.hostname == hostname and site.port == port:
            return MATCH_HOSTNAME_PORT
        if site.hostname == hostname and site.is_default_site:
            return MATCH_HOSTNAME_DEFAULT
        return MATCH_DEFAULT if site.is_default_site else MATCH_HOSTNAME

    ranked = sorted(
        ((rank(site), site) for site in sites if site.hostname == hostname or site.is_default_site),
        key=lambda pair: pair[0],
    )
    if not ranked:
        return None
    if len(ranked) == 1 or ranked[0][0] in (MATCH_HOSTNAME_PORT, MATCH_HOSTNAME_DEFAULT):
        return ranked[0][1]
    if ranked[0][0] == MATCH_DEFAULT:
        # The default site, unless exactly one other site has this host name.
        return ranked[len(ranked) == 2][1]
    return None


def home_page(site: Site) -> Page:
    """The site's root page in the active language (Wagtail's ``root_page.localized.specific``)."""
    language = translation.get_language()
    return cached_upper("home-page", f"{site.pk}:{language}", lambda: site.root_page.localized.specific)
