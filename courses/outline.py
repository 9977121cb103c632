"""A course's structure and one learner's state in it, computed with a fixed number of queries.

The outline is read in the language being shown; the learner's records are matched to it by
``translation_key``, so the same records light up the Mongolian and the English outline.
"""

from dataclasses import dataclass, field
from functools import cached_property
from uuid import UUID

from django.contrib.contenttypes.models import ContentType
from django.db.models import DEFERRED, Q
from django.db.models.base import ModelState
from django.db.models.signals import post_init
from wagtail.models import Locale, Page

from .models import CoursePage, LessonPage, ModulePage
from .page_cache import cached, cached_upper
from .stand_ins import stand_ins as find_stand_ins

# The pages' own columns an outline holds (``attname``s), then those of a module and of an item.
PAGE_FIELDS = (
    "id", "title", "slug", "translation_key", "path", "depth", "url_path", "locale_id", "alias_of_id", "live"
)  # fmt: skip
MODULE_FIELDS = ("summary",)
ITEM_FIELDS = ("estimated_minutes", "required")


@dataclass
class OutlineLesson:
    page: LessonPage
    module_key: UUID
    number: int  # position in the whole course, from 1

    @property
    def key(self) -> UUID:
        return self.page.translation_key


@dataclass
class OutlineModule:
    page: ModulePage
    lessons: list[OutlineLesson] = field(default_factory=list)

    @property
    def key(self) -> UUID:
        return self.page.translation_key

    # Worked out once per outline, not per question asked of it: a 50-item course page asks
    # these hundreds of times. The outline is read-only once built.
    @cached_property
    def required_keys(self) -> frozenset[UUID]:
        required = frozenset(lesson.key for lesson in self.lessons if lesson.page.required)
        return required or frozenset(lesson.key for lesson in self.lessons)


@dataclass
class CourseOutline:
    course: CoursePage
    modules: list[OutlineModule]
    # The pages of the outline (the course, its modules and items) that stand in for a translation
    # not made yet (``stand_ins.stand_ins``): pk → the language they are written in.
    stand_ins: dict[int, str] = field(default_factory=dict)

    @cached_property
    def lessons(self) -> list[OutlineLesson]:
        return [lesson for module in self.modules for lesson in module.lessons]

    @cached_property
    def required_keys(self) -> frozenset[UUID]:
        return frozenset().union(*(module.required_keys for module in self.modules))

    @cached_property
    def _by_key(self) -> dict[UUID, tuple[OutlineLesson, OutlineModule]]:
        return {lesson.key: (lesson, module) for module in self.modules for lesson in module.lessons}

    def url_below(self, course_url: str, page) -> str:
        """The address of a page of this course, from the course's own: below a course, the URL
        follows the tree (Wagtail's ``url_path``), so no per-page lookup is needed."""
        return course_url + page.url_path[len(self.course.url_path) :]

    def lesson(self, key: UUID) -> OutlineLesson | None:
        found = self._by_key.get(key)
        return found[0] if found else None

    def module_of(self, lesson_key: UUID) -> OutlineModule | None:
        found = self._by_key.get(lesson_key)
        return found[1] if found else None


def course_of(lesson: LessonPage) -> CoursePage:
    """The course ``lesson`` (or any item of a module: a quiz, a practical assessment) belongs to, in
    its language: cached until the upper tree changes (the course is published, or a page moves),
    not when a lesson is."""
    return cached_upper(
        "course-of", lesson.pk, lambda: CoursePage.objects.ancestor_of(lesson).select_related("locale").get()
    )


def course_outline(course: CoursePage) -> CourseOutline:
    """Modules and lessons of ``course`` in tree order, and which of its pages stand in for a
    translation: cached until the page tree changes."""
    modules, standing_in = cached("course-outline", course.pk, lambda: _outline_modules(course))
    return CourseOutline(course=course, modules=modules, stand_ins=standing_in)


# The page types a module holds, in tree order with the lessons: LessonPage here; apps built on
# courses add theirs (assessments adds QuizPage) with ``register_item_model``. Each needs the fields
# ``estimated_minutes`` and ``required``; completing one is recorded by ``services.lesson_complete``.
ITEM_MODELS: list[type] = [LessonPage]


def register_item_model(model: type) -> None:
    if model not in ITEM_MODELS:
        ITEM_MODELS.append(model)


def _outline_modules(course: CoursePage) -> tuple[list[OutlineModule], dict[int, str]]:
    """One query for the modules and their items and for every language's page of each of them,
    whatever the size of the course.

    It is run again after every change to the page tree, on the first request that needs it: one
    query over the pages with their types' own fields joined, rather than one per page type, each
    of which costs more to build than to run. Which pages stand in for a translation is worked out
    from the same rows: every page sharing a translation key with the course or one of its modules
    and items (in any language, live or not) is read, and those of this course's tree become the
    outline. Each outline row becomes a page of its type with only those fields loaded, as
    ``.only()`` would give it."""
    models = {ContentType.objects.get_for_model(model).pk: model for model in (ModulePage, *ITEM_MODELS)}
    own_fields = {model: MODULE_FIELDS if model is ModulePage else ITEM_FIELDS for model in models.values()}
    joined = [f"{model._meta.model_name}__{name}" for model, names in own_fields.items() for name in names]
    depths = (course.depth + 1, course.depth + 2)
    below = Q(path__startswith=course.path, depth__in=depths, live=True, content_type_id__in=models)
    keys = Page.objects.filter(below | Q(pk=course.pk)).values("translation_key")
    rows = (
        Page.objects.filter(translation_key__in=keys)
        .values(*PAGE_FIELDS, "content_type_id", "locale__language_code", *joined)
        .order_by("path")
    )
    locales: dict[int, Locale] = {}
    by_path: dict[str, OutlineModule] = {}
    languages = []
    number = 0
    for row in rows:
        languages.append(
            (row["id"], row["translation_key"], row["locale__language_code"], row["title"], row["alias_of_id"])
        )
        model = models.get(row["content_type_id"])
        if model is None or not row["live"] or row["depth"] not in depths or not row["path"].startswith(course.path):
            continue  # the course, a page not live, or one of another language's tree: only its language counts
        values = {name: row[name] for name in PAGE_FIELDS}
        values.update({name: row[f"{model._meta.model_name}__{name}"] for name in own_fields[model]})
        values[model._meta.pk.attname] = row["id"]  # the parent link: ``page_ptr_id``
        page = _loaded(model, rows.db, values)
        if row["locale_id"] not in locales:
            locales[row["locale_id"]] = Locale(id=row["locale_id"], language_code=row["locale__language_code"])
        page.locale = locales[row["locale_id"]]
        if model is ModulePage:
            by_path[page.path] = OutlineModule(page=page)
            continue
        module = by_path.get(page.path[: -Page.steplen])  # the parent's path; a module comes before its items
        if module is None:
            continue
        number += 1
        module.lessons.append(OutlineLesson(page=page, module_key=module.key, number=number))
    return list(by_path.values()), find_stand_ins(languages)


def _loaded(model: type, db: str, values: dict):
    """``model.from_db`` with only ``values`` loaded, the other fields deferred. The page models'
    constructors (Django's, modelcluster's, Wagtail's) add nothing to a row read from the database
    but cost more than the row: a 50-item outline, read again after every publish, builds 55."""
    if post_init.has_listeners(model):  # something wants to see each instance made: make it so
        return model.from_db(db, list(values), [values.get(f.attname, DEFERRED) for f in model._meta.concrete_fields])
    page = model.__new__(model)
    page._state = ModelState()
    page._state.adding, page._state.db = False, db
    page.__dict__.update(values)
    return page


@dataclass
class LearnerState:
    """Which lessons a learner has completed, and what follows from that."""

    outline: CourseOutline
    completed: set[UUID]

    def module_complete(self, module: OutlineModule) -> bool:
        return module.required_keys <= self.completed

    def module_unlocked(self, module: OutlineModule) -> bool:
        return not self.outline.course.sequential or module.key in self._unlocked_keys

    @cached_property
    def _unlocked_keys(self) -> frozenset[UUID]:
        """In a sequential course, the modules up to and including the first not complete."""
        unlocked = []
        for module in self.outline.modules:
            unlocked.append(module.key)
            if not self.module_complete(module):
                break
        return frozenset(unlocked)

    @property
    def course_complete(self) -> bool:
        return bool(self.outline.modules) and all(self.module_complete(m) for m in self.outline.modules)

    @property
    def percent(self) -> int:
        required = self.outline.required_keys
        if not required:
            return 0
        return round(100 * len(required & self.completed) / len(required))

    def next_lesson(self, after: UUID | None = None) -> OutlineLesson | None:
        """Where "continue" leads: the first required item not yet done, in course order, in an
        unlocked module (after ``after`` if given). An optional item (a pre-test) is never the next
        step while a required one waits; once every required item is done, the next step is the first
        optional item not done that comes after the learner's last done one (a post-test), if any."""
        lessons = self.outline.lessons
        if after is not None:
            keys = [lesson.key for lesson in lessons]
            lessons = lessons[keys.index(after) + 1 :] if after in keys else lessons
        required = self.outline.required_keys
        open_items = [
            lesson
            for lesson in lessons
            if lesson.key not in self.completed
            and (module := self.outline.module_of(lesson.key))
            and self.module_unlocked(module)
        ]
        waiting = next((lesson for lesson in open_items if lesson.key in required), None)
        if waiting is not None:
            return waiting
        done = [lesson.number for lesson in self.outline.lessons if lesson.key in self.completed]
        last_done = max(done, default=0)
        return next((lesson for lesson in open_items if lesson.number > last_done), None)

    def resume_at(self, last_opened: UUID | None) -> OutlineLesson | None:
        """ "Continue where you left off": the required item the learner last opened and has not
        finished, if any; otherwise the next step (``next_lesson``)."""
        last = self.outline.lesson(last_opened) if last_opened else None
        if (
            last is not None
            and last.key not in self.completed
            and last.key in self.outline.required_keys
            and (module := self.outline.module_of(last.key))
            and self.module_unlocked(module)
        ):
            return last
        return self.next_lesson()
