"""Where a new lesson goes in its module: with the lessons, before the tests that follow them.

Wagtail adds a new page after its last sibling. A module usually ends with its quiz (or the
course's post-test), so a lesson added later landed after the test that is meant to check it, and
learners met it only once they had been tested. A new lesson is instead placed after the module's
last lesson, or, in a module without one, after the items that open the module (a pre-test): that
is, before the first test that follows the lessons. The editor is told, and may drag it elsewhere.
Its stand-ins in the other languages (the aliases wagtail-localize makes of a new page in a
synchronised tree) move the same way, so the English outline keeps the Mongolian order.

A page translated later (wagtail-localize's "Translate", or a sync, copying a page that has no
stand-in in the other language) is added by Wagtail after its last sibling too, so an English
lesson landed after the English post-test. A new translation is instead put where its source
stands: before the translation of the first sibling that follows the source. Either language may
be the source.

An item page says that it opens its module with an ``opens_module`` attribute (assessments' pre-test
does); courses knows nothing else of the item types that other apps add to a module.
"""

from wagtail.models import Page

from .models import LessonPage


def _stays_before_lessons(page: Page) -> bool:
    return isinstance(page, LessonPage) or bool(getattr(page, "opens_module", False))


def lesson_place(*, lesson: LessonPage, user=None) -> Page | None:
    """Move the newly created ``lesson`` before the tests that end its module; returns the page it
    now stands before, or None where it was already in its place (nothing follows the lessons)."""
    siblings = list(lesson.get_siblings(inclusive=False).specific().order_by("path"))
    last_kept = max((i for i, page in enumerate(siblings) if _stays_before_lessons(page)), default=-1)
    following = siblings[last_kept + 1 :]
    if not following or following[0].path > lesson.path:
        return None
    target = following[0]
    lesson.move(target, pos="left", user=user)
    for other in Page.objects.filter(translation_key=lesson.translation_key).exclude(pk=lesson.pk):
        anchor = Page.objects.filter(translation_key=target.translation_key, locale_id=other.locale_id).first()
        if anchor is not None and anchor.get_parent().pk == other.get_parent().pk and anchor.path < other.path:
            other.move(anchor, pos="left", user=user)
    return target


def translation_place(*, translation: Page, source: Page) -> None:
    """Move the newly made ``translation`` of ``source`` to the place ``source`` has among its
    siblings: before the first of the siblings that follow ``source`` to be translated already."""
    following = Page.objects.filter(
        path__gt=source.path, depth=source.depth, path__startswith=source.path[: -Page.steplen]
    )
    keys = list(following.order_by("path").values_list("translation_key", flat=True))
    if not keys:
        return
    parent_path = translation.path[: -Page.steplen]
    anchors = {
        page.translation_key: page
        for page in Page.objects.filter(
            translation_key__in=keys,
            locale_id=translation.locale_id,
            depth=translation.depth,
            path__startswith=parent_path,
        ).exclude(pk=translation.pk)
    }
    anchor = next((anchors[key] for key in keys if key in anchors), None)
    if anchor is None or anchor.path > translation.path:
        return
    translation.move(anchor, pos="left")
    # Treebeard moves the rows, not this instance, and whoever made the copy saves it again
    # (wagtail-localize does): it must carry the new place, or saving would put the old one back.
    moved = Page.objects.values("path", "url_path").get(pk=translation.pk)
    translation.path, translation.url_path = moved["path"], moved["url_path"]


def translation_placed(sender, source_obj, target_obj, **kwargs) -> None:
    """Receives Wagtail's ``copy_for_translation_done`` for every page copied into a language."""
    if not (isinstance(source_obj, Page) and isinstance(target_obj, Page)):
        return
    # A site's home copied for a new language is put beside its source, under the root: no place to keep.
    if target_obj.path[: -Page.steplen] != source_obj.path[: -Page.steplen]:
        translation_place(translation=target_obj, source=source_obj)
