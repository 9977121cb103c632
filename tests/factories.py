"""Test data, in one place."""

import factory
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from django.utils import timezone

from accounts.models import Organisation, Region, User


class OrganisationFactory(factory.django.DjangoModelFactory):
    """An organisation; pass ``parent=`` to place it under another one in the tree."""

    class Meta:
        model = Organisation

    code = factory.Sequence(lambda n: f"org-{n}")
    name_mn = factory.Sequence(lambda n: f"Байгууллага {n}")
    name_en = factory.Sequence(lambda n: f"Organisation {n}")
    kind = Organisation.Kind.AGENCY

    @classmethod
    def _create(cls, model_class, *args, parent=None, **kwargs):
        if parent is not None:
            return parent.add_child(**kwargs)
        return model_class.add_root(**kwargs)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.mn")
    first_name = "Батболд"
    last_name = "Дорж"
    latin_first_name = "Batbold"
    latin_last_name = "Dorj"
    organisation = factory.SubFactory(OrganisationFactory)
    password = factory.PostGenerationMethodCall("set_password", "correct-horse-battery")

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        """``UserFactory(roles=["coordinator"])`` puts the user in those role groups."""
        if create and extracted:
            self.groups.add(*Group.objects.filter(name__in=extracted))
            if "admin" in extracted:
                self.is_superuser = self.is_staff = True
        if create:
            self.save()
            EmailAddress.objects.get_or_create(
                user=self, email=self.email, defaults={"verified": True, "primary": True}
            )


def region(code: str) -> Region:
    return Region.objects.get(code=code)


def with_totp(user: User) -> User:
    """Give ``user`` an authenticator app, as coordinators, editors and admins must have."""
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    TOTP.activate(user, generate_totp_secret())
    return user


# --- Courses -------------------------------------------------------------------------------------


def _publish(page):
    page.save_revision().publish()
    return page


def _add_live(parent, page):
    """``page`` under ``parent``, live as publishing leaves it but without a real publish's revision,
    comment checks and log entries (two thirds of the queries: the suite builds hundreds of
    courses). Whoever builds pages this way tells the page-tree cache once, at the end."""
    page.first_published_at = page.last_published_at = timezone.now()
    return parent.add_child(instance=page)


def _translate_live(page, locale, title: str):
    """The translation of ``page`` into ``locale``, titled ``title``, live (see ``_add_live``)."""
    copy = page.copy_for_translation(locale)
    copy.title, copy.draft_title = title, title
    copy.live, copy.has_unpublished_changes = True, False
    copy.first_published_at = copy.last_published_at = timezone.now()
    copy.save()
    return copy


def lesson_body(n: int = 1) -> list[dict]:
    return [
        {"type": "paragraph", "value": f"<p>Хичээлийн агуулга {n}.</p>", "id": f"para-{n}"},
        {"type": "reflection", "value": {"prompt": "Юу сурсан бэ?"}, "id": "reflect-1"},
        {
            "type": "knowledge_check",
            "value": {
                "question": "Аль асуулт нээлттэй вэ?",
                "choices": [
                    {"text": "Тэр өдрийн тухай ярина уу.", "correct": True, "feedback": "Тийм, нээлттэй асуулт."},
                    {"text": "Тэр уурласан уу?", "correct": False, "feedback": "Энэ бол хаалттай асуулт."},
                ],
                "explanation": "Нээлттэй асуулт хүүхдэд өөрийн үгээр ярих боломж өгнө.",
            },
            "id": "check-1",
        },
    ]


def build_course(*, modules: int = 2, lessons: int = 2, translate: bool = True, slug: str = "course", **fields):
    """A published course in Mongolian (and English, unless ``translate=False``) under the catalogue.

    Returns the Mongolian CoursePage; lessons are in tree order under its modules."""
    from wagtail.models import Locale

    from courses import page_cache
    from courses.models import CourseIndexPage, CoursePage, LessonPage, ModulePage
    from lms.models import HomePage

    mn, en = Locale.objects.get(language_code="mn"), Locale.objects.get(language_code="en")
    catalogue = CourseIndexPage.objects.filter(locale=mn).first()
    if catalogue is None:
        home = HomePage.objects.get(locale=mn)
        catalogue = _publish(home.add_child(instance=CourseIndexPage(title="Сургалтууд", slug="courses")))
        _publish(catalogue.copy_for_translation(en))
    fields.setdefault("summary", "Тойм")
    course = _add_live(catalogue, CoursePage(title=f"Сургалт {slug}", slug=slug, **fields))
    if translate:
        _translate_live(course, en, f"Course {slug}")
    for m in range(1, modules + 1):
        module = _add_live(course, ModulePage(title=f"Модуль {m}", slug=f"module-{m}"))
        if translate:
            _translate_live(module, en, f"Module {m}")
        for n in range(1, lessons + 1):
            lesson = _add_live(module, LessonPage(title=f"Хичээл {m}.{n}", slug=f"lesson-{n}", body=lesson_body(n)))
            if translate:
                _translate_live(lesson, en, f"Lesson {m}.{n}")
    page_cache.tree_changed()
    return course
