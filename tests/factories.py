"""Test data, in one place."""

from datetime import date
from decimal import Decimal

import factory
from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth.models import Group
from django.utils import timezone
from wagtail.models import Locale

from accounts import roles
from accounts.models import Organisation, Region, User
from assessments.models import Question, QuestionCategory, QuizPage
from certificates.models import CertificateTemplate, CertificationRule
from cohorts.models import Cohort, TeachingAuthorisation
from cohorts.services import authorisation_grant, cohort_create
from courses.models import LessonPage, ModulePage
from courses.services import lesson_complete


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


def make_user(role: str | None = None, **kwargs):
    """A person with ``role`` (a learner by default), with an authenticator app where the role needs one."""
    user = UserFactory(roles=[role] if role and role != roles.LEARNER else [], **kwargs)
    if role in settings.CASCADE_MFA_REQUIRED_ROLES:
        with_totp(user)
    return user


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
    page_cache.upper_changed()  # a course is part of the upper tree
    return course


def lessons_of(course, language="mn"):
    locale = Locale.objects.get(language_code=language)
    page = course.get_translation(locale)
    return list(LessonPage.objects.descendant_of(page).live().order_by("path"))


# --- Questions and quizzes ---------------------------------------------------------------------


def choice(text, fraction, feedback="", block_id=None):
    return {
        "type": "choice",
        "value": {"text": text, "fraction": Decimal(fraction), "feedback": feedback},
        "id": block_id,
    }


def question(qtype, text, answers=(), *, category=None, name=None, mark="1", **fields) -> Question:
    category = category or QuestionCategory.objects.get_or_create(parent=None, name_mn="Ерөнхий")[0]
    item = Question(
        locale=Locale.objects.get(language_code="mn"),
        category=category,
        qtype=qtype,
        name=name or text[:40],
        text=f"<p>{text}</p>",
        answers=[{**answer, "id": answer.get("id") or f"{qtype}-{i}"} for i, answer in enumerate(answers)],
        default_mark=Decimal(mark),
        **fields,
    )
    item.full_clean()
    item.save()
    return item


def translate(item: Question, **fields) -> Question:
    english = item.copy_for_translation(Locale.objects.get(language_code="en"))
    for name, value in fields.items():
        setattr(english, name, value)
    english.save()
    return english


def add_quiz(course, questions, **fields) -> QuizPage:
    module = ModulePage.objects.child_of(course).order_by("path").first()
    blocks = [{"type": "question", "value": {"question": item.pk, "mark": None}} for item in questions]
    fields.setdefault("shuffle_choices", False)
    fields.setdefault("slug", "quiz")
    quiz = QuizPage(title="Шалгалт", questions=blocks, **fields)
    module.add_child(instance=quiz)
    quiz.save_revision().publish()
    return quiz


# --- Cohorts -----------------------------------------------------------------------------------


def authorise(trainer, course, *, by=None, **kwargs) -> TeachingAuthorisation:
    kwargs.setdefault("evidence", "Trained before Cascade existed.")
    return authorisation_grant(trainer=trainer, course=course, by=by, **kwargs)


def open_cohort(course, trainer, **fields) -> Cohort:
    fields.setdefault("name", f"Cohort of {trainer.email}")
    fields.setdefault("organisation", trainer.organisation)
    fields.setdefault("starts_on", date(2026, 11, 1))
    fields.setdefault("status", Cohort.Status.RUNNING)
    return cohort_create(course=course, lead_trainer=trainer, by=trainer, **fields)


# --- Certificates ------------------------------------------------------------------------------


def make_template(**fields) -> CertificateTemplate:
    fields.setdefault("name", "Үндсэн загвар")
    fields.setdefault("issuer_mn", "Цагдаагийн ерөнхий газар")
    fields.setdefault("issuer_en", "General Police Department")
    return CertificateTemplate.objects.create(**fields)


def make_rule(course, **fields) -> CertificationRule:
    fields.setdefault("template", make_template(name=f"Загвар {course.slug}"))
    return CertificationRule.objects.create(course=course, **fields)


def complete(learner, course) -> None:
    for lesson in lessons_of(course):
        lesson_complete(learner=learner, lesson=lesson)


def issued(learner, rule, *, state=None, pdf=b"%PDF-1.4 test", **fields):
    """A certificate recorded and issued at once, without rendering (for pages that only list or serve it)."""
    from django.core.files.base import ContentFile
    from django.utils import timezone

    from certificates.codes import new_code
    from certificates.models import Certificate

    fields.setdefault("completed_on", date(2026, 10, 1))
    fields.setdefault("issued_on", date(2026, 10, 2))
    certificate = Certificate.objects.create(
        learner=learner, rule=rule, course_key=rule.course_key, code=new_code(),
        state=state or Certificate.State.ISSUED,
        holder_name=f"{learner.last_name} {learner.first_name}".strip(),
        holder_name_latin=f"{learner.latin_first_name} {learner.latin_last_name}".strip(),
        course_title={"mn": "Баталгаат сургалт", "en": "Certified course"}, hours=12,
        template=rule.template.snapshot(), rendered_at=timezone.now(), **fields,
    )  # fmt: skip
    if pdf:
        certificate.pdf.save(f"{certificate.code}.pdf", ContentFile(pdf))
    return certificate


def pdf_text(certificate) -> str:
    """The text of a certificate's stored PDF, as pdftotext reads it."""
    import subprocess

    with certificate.pdf.open("rb") as pdf:
        data = pdf.read()
    return subprocess.run(["pdftotext", "-", "-"], input=data, capture_output=True, check=True).stdout.decode()
