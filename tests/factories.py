"""Test data, in one place."""

import factory
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group

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

    from courses.models import CourseIndexPage, CoursePage, LessonPage, ModulePage
    from lms.models import HomePage

    mn, en = Locale.objects.get(language_code="mn"), Locale.objects.get(language_code="en")
    catalogue = CourseIndexPage.objects.filter(locale=mn).first()
    if catalogue is None:
        home = HomePage.objects.get(locale=mn)
        catalogue = _publish(home.add_child(instance=CourseIndexPage(title="Сургалтууд", slug="courses")))
        _publish(catalogue.copy_for_translation(en))
    fields.setdefault("summary", "Тойм")
    course = _publish(catalogue.add_child(instance=CoursePage(title=f"Сургалт {slug}", slug=slug, **fields)))
    if translate:
        english = course.copy_for_translation(en)
        english.title = f"Course {slug}"
        _publish(english)
    for m in range(1, modules + 1):
        module = _publish(course.add_child(instance=ModulePage(title=f"Модуль {m}", slug=f"module-{m}")))
        if translate:
            english = module.copy_for_translation(en)
            english.title = f"Module {m}"
            _publish(english)
        for n in range(1, lessons + 1):
            lesson = _publish(
                module.add_child(instance=LessonPage(title=f"Хичээл {m}.{n}", slug=f"lesson-{n}", body=lesson_body(n)))
            )
            if translate:
                english = lesson.copy_for_translation(en)
                english.title = f"Lesson {m}.{n}"
                _publish(english)
    return course
