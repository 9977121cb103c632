"""Facts derived from the published page tree (which site answers a host, where an address leads,
a course's outline, the languages it is complete in, a lesson's rendered body, which pages are
private), cached until any page is published, unpublished, moved or deleted, a site or a locale
changes, a view restriction is added or removed, an image or document changes, or a support
contact or the site's support settings change.

Every entry's key carries the tree's version; a change bumps the version, so entries are never
invalidated one by one and a stale one is never read. The version is bumped at once (so this
process and this transaction see the change) and again after the transaction commits (so a
request that read the old tree in between cannot leave its result under the new version).

The version also lives in the database (``PageTreeVersion``, one row), because the cache may
outlive the database it was filled from: restored from a backup into the same or a fresh database,
with the same Redis, the site would otherwise serve lessons the database does not hold and count
progress against them. Requests read only the cache's copy, so the database's copy costs nothing
per request. Instead each process compares the two once, on its first use (a restore is done with
the web and worker processes stopped, so every process after it starts afresh): a restored
database brings the version of its backup, or none, which is not the version the cache was last
filled under, so the process starts a new version and nothing cached for the other tree is read.
The database's copy is written only after a change commits (``_bump_stored``), so a backup never
holds a version under which another request may have cached the tree as it was before the change.
A process that starts a version itself knows the cache's copy is fresh and need not compare.

The upper tree, down to the courses, has a version of its own (``upper_version``,
``cached_upper``) for the facts that depend on it alone: which site answers a host, its home page
in each language, the catalogue's address, whether any page is private, whom to call, which course
a page belongs to. These change with a site, a locale, a view restriction, a support contact or
setting, a move, or a page of the upper tree (the root, a home page, a catalogue, a course:
``UPPER_DEPTH``), and not when a module, lesson or quiz is published; so the first request after an
editor publishes a lesson works out only what the lesson changes. A change to the upper tree bumps
both versions, and whatever starts a new tree version (a restore, an empty cache) starts a new
upper one.

The cache is an accelerator, never a dependency (``core.cache``). While Redis cannot be reached,
each request reads the version from the database (one query), and what is derived from the tree is
kept by this process under it; a change is seen by every process once it commits. A process that
has seen Redis fail compares the two copies again when Redis returns, since the database's copy
may have moved on meanwhile (and Redis's copy of a version written during the outage is cleared by
``core.cache`` when it returns).
"""

import contextlib
import threading
import uuid

from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from core.cache import CacheUnavailable, cache_up, outages_seen, shared

VERSION_KEY = "cascade:page-tree:version"
UPPER_VERSION_KEY = "cascade:page-tree:upper-version"
TIMEOUT = 24 * 3600
# Pages this deep or shallower are the upper tree: the root (1), the home pages (2), the
# catalogues (3), the courses (4). Publishing, unpublishing or deleting one changes its facts.
UPPER_DEPTH = 4


# Whether this process has compared the cache's version with the database's (see above), and how
# many cache outages it had seen then. Not user data: one process's state of its own cache.
_database_checked = False
_checked_after_outages = 0


class _RequestVersions(threading.local):
    """The versions read by the request this thread is serving (None between requests). A request
    reads each version once, not once per cached fact (with Redis, a round trip each), and sees one
    state of the tree throughout; a change it makes itself is read again at once."""

    versions: dict | None = None


_request = _RequestVersions()


def _request_started(**kwargs) -> None:
    _request.versions = {}


def _request_finished(**kwargs) -> None:
    _request.versions = None


def _forget_request_versions() -> None:
    if _request.versions is not None:
        _request.versions.clear()


def _for_request(name: str, read) -> str:
    versions = _request.versions
    if versions is None:
        return read()
    version = versions.get(name)
    if version is None:
        version = versions[name] = read()
    return version


def tree_version() -> str:
    return _for_request("tree", _read_tree_version)


def _read_tree_version() -> str:
    global _database_checked
    tree_cache = shared(cache)
    try:
        if _checked_after_outages != outages_seen(cache):
            _database_checked = False
        # Both versions in one round trip: a request that needs the tree's mostly needs the upper
        # tree's too. The upper one is kept for the request only on the plain path below.
        versions = tree_cache.get_many([VERSION_KEY, UPPER_VERSION_KEY])
        version = versions.get(VERSION_KEY)
        if version is not None and _database_checked and versions.get(UPPER_VERSION_KEY) is not None:
            if _request.versions is not None:
                _request.versions.setdefault("upper", versions[UPPER_VERSION_KEY])
            return version
        if version is None:
            tree_cache.add(VERSION_KEY, uuid.uuid4().hex, None)
            version = tree_cache.get(VERSION_KEY)
            # A version started now holds nothing from another database. It is not stored: the next
            # process to start finds the database's copy different and stores a version of its own.
            _bump_upper()
            _checked()
        elif not _database_checked:
            version = _check_database(version)
        return version
    except CacheUnavailable:
        _database_checked = False
        return _stored_version() or _bump_stored()


def _checked() -> None:
    global _database_checked, _checked_after_outages
    _database_checked, _checked_after_outages = True, outages_seen(cache)


def _stored_version() -> str | None:
    from .models import PageTreeVersion

    return PageTreeVersion.objects.filter(pk=1).values_list("value", flat=True).first()


def _check_database(version: str) -> str:
    """The cache's ``version`` if the database holds it; otherwise a new one, stored in both."""
    stored = _stored_version()
    if stored == version:
        _checked()
        return version
    _bump_upper()  # nothing cached for the other database's upper tree is read either
    return _bump_stored()


def _bump() -> str:
    _forget_request_versions()
    version = uuid.uuid4().hex
    try:
        shared(cache).set(VERSION_KEY, version, None)
    except CacheUnavailable:  # the database's copy is what counts until Redis returns
        return version
    _checked()
    return version


def _bump_stored() -> str:
    from .models import PageTreeVersion

    version = _bump()
    PageTreeVersion.objects.update_or_create(pk=1, defaults={"value": version})
    return version


def tree_changed(**kwargs) -> None:
    _bump()
    transaction.on_commit(_bump_stored)


def upper_version() -> str:
    """The version of the upper tree's facts (see above); the tree's own while Redis is down."""
    return _for_request("upper", _read_upper_version)


def _read_upper_version() -> str:
    tree = tree_version()  # compares with the database first, once per process
    known = _request.versions.get("upper") if _request.versions is not None else None
    if known is not None:  # read with the tree's version just now
        return known
    site_cache = shared(cache)
    try:
        version = site_cache.get(UPPER_VERSION_KEY)
        if version is None:
            site_cache.add(UPPER_VERSION_KEY, uuid.uuid4().hex, None)
            version = site_cache.get(UPPER_VERSION_KEY)
        return version
    except CacheUnavailable:
        return tree


def _bump_upper() -> None:
    # Written while Redis is down, the key is deleted from Redis when it returns (``core.cache``):
    # the next request then starts a new version.
    _forget_request_versions()
    with contextlib.suppress(CacheUnavailable):
        shared(cache).set(UPPER_VERSION_KEY, uuid.uuid4().hex, None)


def upper_changed(**kwargs) -> None:
    """The upper tree changed, and so the tree."""
    _bump_upper()
    transaction.on_commit(_bump_upper)
    tree_changed()


def page_changed(sender=None, instance=None, **kwargs) -> None:
    """A page was published, unpublished, renamed or deleted: the upper tree changed if it is there."""
    if instance is None or instance.depth <= UPPER_DEPTH:
        upper_changed()
    else:
        tree_changed()


class _ProcessMemo(threading.local):
    """This worker's copy of the entries of one tree version: reading the shared cache unpickles
    page objects on every request, which costs as much as the queries it saves."""

    version = None
    entries: dict

    def for_version(self, version: str) -> dict:
        if version != self.version:
            self.version, self.entries = version, {}
        elif len(self.entries) > MEMO_LIMIT:
            self.entries.clear()
        return self.entries


MEMO_LIMIT = 2000
_memo = _ProcessMemo()
_upper_memo = _ProcessMemo()


def cached(name: str, key: object, compute):
    """``compute()``, remembered under ``name``/``key`` for the current version of the tree.

    Callers must treat the value as read-only: it is shared by the requests this thread serves."""
    return _cached(tree_version(), _memo, name, key, compute)


def cached_upper(name: str, key: object, compute):
    """``cached`` for a fact of the upper tree only (see above): kept until the upper tree changes,
    not whenever any page is published."""
    return _cached(f"upper-{upper_version()}", _upper_memo, name, key, compute)


def _cached(version: str, memo: _ProcessMemo, name: str, key: object, compute):
    local = memo.for_version(version)
    full_key = f"cascade:page-tree:{version}:{name}:{key}"
    if full_key in local:
        return local[full_key]
    if not cache_up(cache):  # kept by this process alone until Redis returns
        local[full_key] = value = compute()
        return value
    value = cache.get(full_key)
    if value is None:
        value = compute()
        cache.set(full_key, value, TIMEOUT)
    local[full_key] = value
    return value


def _page_deleted(sender, instance, **kwargs) -> None:
    if isinstance(instance, Page):
        page_changed(instance=instance)


def _media_changed(sender, **kwargs) -> None:
    # Cached lesson bodies carry image renditions and document links.
    tree_changed()


def _support_changed(sender, **kwargs) -> None:
    # Whom to call is shown in cached lesson bodies and pages (``courses.support``), and read from
    # the upper tree's facts.
    upper_changed()


def connect() -> None:
    from .models import SupportContact, SupportSettings

    signals = {"published": page_published, "unpublished": page_unpublished, "slug_changed": page_slug_changed}
    for name, signal in signals.items():
        signal.connect(page_changed, dispatch_uid=f"courses.page_cache.{name}")
    # A move changes which course a page belongs to, and may take a page into the upper tree.
    post_page_move.connect(upper_changed, dispatch_uid="courses.page_cache.moved")
    post_delete.connect(_page_deleted, dispatch_uid="courses.page_cache.deleted")
    request_started.connect(_request_started, dispatch_uid="courses.page_cache.request_started")
    request_finished.connect(_request_finished, dispatch_uid="courses.page_cache.request_finished")
    # Which pages are private is cached with the tree (``models.CachedPrivacyMixin``), whether any
    # page is with the upper tree.
    post_save.connect(upper_changed, sender=PageViewRestriction, dispatch_uid="courses.page_cache.privacy.saved")
    post_delete.connect(upper_changed, sender=PageViewRestriction, dispatch_uid="courses.page_cache.privacy.gone")
    # Which site answers a host, and its home page in each language (``routing.route_for_request``).
    for model in (Site, Locale):
        name = model._meta.model_name
        post_save.connect(upper_changed, sender=model, dispatch_uid=f"courses.page_cache.saved.{name}")
        post_delete.connect(upper_changed, sender=model, dispatch_uid=f"courses.page_cache.gone.{name}")
    for model in (get_image_model(), get_document_model()):
        post_save.connect(_media_changed, sender=model, dispatch_uid=f"courses.page_cache.saved.{model._meta.label}")
        post_delete.connect(_media_changed, sender=model, dispatch_uid=f"courses.page_cache.gone.{model._meta.label}")
    for model in (SupportContact, SupportSettings):
        name = model._meta.model_name
        post_save.connect(_support_changed, sender=model, dispatch_uid=f"courses.page_cache.saved.{name}")
        post_delete.connect(_support_changed, sender=model, dispatch_uid=f"courses.page_cache.gone.{name}")
