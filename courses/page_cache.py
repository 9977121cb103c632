"""Facts derived from the published page tree (where an address leads, a course's outline, the
languages it is complete in, a lesson's rendered body, which pages are private), cached until any
page is published, unpublished, moved or deleted, a view restriction is added or removed, or an
image or document changes.

Every entry's key carries the tree's version; a change bumps the version, so entries are never
invalidated one by one and a stale one is never read. The version is bumped at once (so this
process and this transaction see the change) and again after the transaction commits (so a
request that read the old tree in between cannot leave its result under the new version).
"""

import threading
import uuid

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

VERSION_KEY = "cascade:page-tree:version"
TIMEOUT = 24 * 3600


def tree_version() -> str:
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, uuid.uuid4().hex, None)
        version = cache.get(VERSION_KEY)
    return version


def _bump() -> None:
    cache.set(VERSION_KEY, uuid.uuid4().hex, None)


def tree_changed(**kwargs) -> None:
    _bump()
    transaction.on_commit(_bump)


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


def cached(name: str, key: object, compute):
    """``compute()``, remembered under ``name``/``key`` for the current version of the tree.

    Callers must treat the value as read-only: it is shared by the requests this thread serves."""
    version = tree_version()
    local = _memo.for_version(version)
    full_key = f"cascade:page-tree:{version}:{name}:{key}"
    if full_key in local:
        return local[full_key]
    value = cache.get(full_key)
    if value is None:
        value = compute()
        cache.set(full_key, value, TIMEOUT)
    local[full_key] = value
    return value


def _page_deleted(sender, instance, **kwargs) -> None:
    if isinstance(instance, Page):
        tree_changed()


def _media_changed(sender, **kwargs) -> None:
    # Cached lesson bodies carry image renditions and document links.
    tree_changed()


def connect() -> None:
    signals = {
        "published": page_published,
        "unpublished": page_unpublished,
        "moved": post_page_move,
        "slug_changed": page_slug_changed,
    }
    for name, signal in signals.items():
        signal.connect(tree_changed, dispatch_uid=f"courses.page_cache.{name}")
    post_delete.connect(_page_deleted, dispatch_uid="courses.page_cache.deleted")
    # Which pages are private is cached with the tree (``models.CachedPrivacyMixin``).
    post_save.connect(tree_changed, sender=PageViewRestriction, dispatch_uid="courses.page_cache.privacy.saved")
    post_delete.connect(tree_changed, sender=PageViewRestriction, dispatch_uid="courses.page_cache.privacy.gone")
    for model in (get_image_model(), get_document_model()):
        post_save.connect(_media_changed, sender=model, dispatch_uid=f"courses.page_cache.saved.{model._meta.label}")
        post_delete.connect(_media_changed, sender=model, dispatch_uid=f"courses.page_cache.gone.{model._meta.label}")
