"""Routing into the course tree without asking the database each time.

Wagtail routes a URL one level at a time, two queries a level (the child, then its specific type).
A lesson sits four levels below the home page (catalogue → course → module → lesson), so a lesson
page would spend eight queries finding itself. The tree's shape is fixed by ``subpage_types`` and
``parent_page_types``, so the number of path components says which page type stands at the end,
and Wagtail's stored ``url_path`` finds it in one query. That answer is a fact of the published
tree, so it is kept with the tree's other cached facts (``page_cache``) until a page is published,
unpublished, moved or deleted. Anything else falls back to Wagtail's own routing."""

from django.http import Http404
from wagtail.models import Page
from wagtail.url_routing import RouteResult

from .models import CoursePage, ModulePage
from .outline import ITEM_MODELS
from .page_cache import cached

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
