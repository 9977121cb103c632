"""The demo's courses: written in Mongolian, translated into English, published, and a few learners
part-way through them. Idempotent: an existing course (found by slug) is left as it is."""

import uuid

from django.db import transaction
from wagtail.models import Locale

from courses.models import Audience, CourseIndexPage, CoursePage, Enrolment, LessonPage, ModulePage, Topic
from courses.services import enrolment_create, lesson_complete
from lms.models import HomePage

from .courses_content import COURSES
from .practical import seed_teach_back
from .support import seed_support

CATALOGUE = {
    "mn": {
        "title": "Сургалтууд",
        "introduction": "Хүүхэд хамгааллын чиглэлээр ажилладаг мэргэжилтнүүдэд зориулсан сургалтууд. "
        "Өөрийн ажилд тохирох сургалтаа сонгоорой.",
    },
    "en": {
        "title": "Courses",
        "introduction": "Courses for the professionals who protect children. Choose the ones for your work.",
    },
}

# Who is where in the demo: (e-mail, course slug, how many lessons completed; None = all of them).
DEMO_PROGRESS = [
    ("learner@demo.mn", "trauma-informed-interviewing", 4),
    ("learner2@demo.mn", "trafficking-at-the-border", None),
    ("learner2@demo.mn", "trauma-informed-interviewing", 1),
    ("trainer@demo.mn", "trauma-informed-interviewing", None),
    ("trainer2@demo.mn", "trauma-informed-interviewing", None),
    ("master@demo.mn", "trauma-informed-interviewing", None),
    ("trainer@demo.mn", "tot-trauma-informed-interviewing", None),
    ("trainer2@demo.mn", "tot-trauma-informed-interviewing", None),
]


def _with_ids(blocks: list[dict], ids: list) -> list[dict]:
    """Give each block (and each block inside a content note) the id at the same position, so a
    block and its translation share one id: reflections and checks then do not depend on the language."""
    result = []
    for block, (block_id, inner_ids) in zip(blocks, ids, strict=True):
        value = block["value"]
        if block["type"] == "content_note":
            value = {**value, "content": _with_ids(value["content"], inner_ids)}
        result.append({"type": block["type"], "value": value, "id": block_id})
    return result


def _block_ids(blocks: list[dict]) -> list:
    return [
        (str(uuid.uuid4()), _block_ids(block["value"]["content"]) if block["type"] == "content_note" else [])
        for block in blocks
    ]


def _publish(page):
    page.save_revision().publish()
    return page


def _translate(page, locale, **fields):
    translation = page.copy_for_translation(locale)
    for name, value in fields.items():
        setattr(translation, name, value)
    return _publish(translation)


def seed_catalogue(mn: Locale, en: Locale) -> CourseIndexPage:
    home = HomePage.objects.get(locale=mn, depth=2)
    catalogue = CourseIndexPage.objects.filter(locale=mn).first()
    if catalogue is None:
        catalogue = _publish(home.add_child(instance=CourseIndexPage(slug="courses", **CATALOGUE["mn"])))
    if catalogue.get_translation_or_none(en) is None:
        _translate(catalogue, en, slug="courses", **CATALOGUE["en"])
    return catalogue


def _course_fields(spec: dict, language: str) -> dict:
    text = spec[language]
    return {
        "title": text["title"],
        "summary": text["summary"],
        "objectives": [{"type": "objective", "value": objective} for objective in text["objectives"]],
        "content_note": text.get("content_note", ""),
    }


def _is_hard(lesson_spec: dict) -> bool:
    """A lesson is marked as distressing when the spec says so or it holds a content note."""
    return lesson_spec.get("distressing", any(block["type"] == "content_note" for block in lesson_spec["mn"]["body"]))


def seed_course(spec: dict, catalogue: CourseIndexPage, mn: Locale, en: Locale, contacts: dict) -> CoursePage:
    existing = CoursePage.objects.filter(locale=mn, slug=spec["slug"]).first()
    if existing is not None:
        return existing
    contact = contacts[spec["support_contact"]] if spec.get("support_contact") else None
    course = catalogue.add_child(
        instance=CoursePage(
            slug=spec["slug"],
            support_contact=contact,
            level=spec["level"],
            estimated_hours=spec["hours"],
            self_enrolment=spec["self_enrolment"],
            sequential=spec["sequential"],
            **_course_fields(spec, "mn"),
        )
    )
    course.audiences.set(Audience.objects.filter(code__in=spec["audiences"]))
    course.topics.set(Topic.objects.filter(code__in=spec["topics"]))
    if spec.get("tot_for"):
        course.tot_for = CoursePage.objects.get(locale=mn, slug=spec["tot_for"])
    _publish(course)
    if spec.get("prerequisites"):
        course.prerequisites.set(CoursePage.objects.filter(locale=mn, slug__in=spec["prerequisites"]))
        _publish(course)
    _translate(
        course, en, support_contact=contact.get_translation(en) if contact else None, **_course_fields(spec, "en")
    )

    for module_spec in spec["modules"]:
        module = _publish(course.add_child(instance=ModulePage(slug=module_spec["slug"], **module_spec["mn"])))
        _translate(module, en, **module_spec["en"])
        for lesson_spec in module_spec["lessons"]:
            ids = _block_ids(lesson_spec["mn"]["body"])
            lesson = _publish(
                module.add_child(
                    instance=LessonPage(
                        slug=lesson_spec["slug"],
                        title=lesson_spec["mn"]["title"],
                        estimated_minutes=lesson_spec["minutes"],
                        distressing=_is_hard(lesson_spec),
                        body=_with_ids(lesson_spec["mn"]["body"], ids),
                    )
                )
            )
            _translate(lesson, en, title=lesson_spec["en"]["title"], body=_with_ids(lesson_spec["en"]["body"], ids))
    return course


def seed_progress(people: dict) -> None:
    """Enrol the demo's people and complete lessons for them, through the same services learners use."""
    for email, slug, lessons_done in DEMO_PROGRESS:
        learner = people[email]
        course = CoursePage.objects.get(locale__language_code="mn", slug=slug)
        if Enrolment.objects.filter(learner=learner, course_key=course.translation_key).exists():
            continue
        enrolment_create(learner=learner, course=course, source=Enrolment.Source.STAFF)
        lessons = LessonPage.objects.descendant_of(course).live().order_by("path")
        for lesson in lessons if lessons_done is None else lessons[:lessons_done]:
            lesson_complete(learner=learner, lesson=lesson)


@transaction.atomic
def seed_courses(people: dict) -> list[CoursePage]:
    mn = Locale.objects.get(language_code="mn")
    en = Locale.objects.get(language_code="en")
    catalogue = seed_catalogue(mn, en)
    contacts = seed_support(mn, en)
    courses = [seed_course(spec, catalogue, mn, en, contacts) for spec in COURSES]
    seed_teach_back(mn, en)
    seed_progress(people)
    return courses
