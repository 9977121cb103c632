"""A module names no page type of the apps above courses: quizzes and practical assessments name a
module as their parent (``parent_page_types``), and the editor is offered exactly what they were
offered when the module listed them."""

from django.urls import reverse
from wagtail.models import Page

from assessments.models import PracticalAssessmentPage, QuizPage
from courses.models import CourseIndexPage, CoursePage, LessonPage, ModulePage
from courses.outline import ITEM_MODELS
from lms.models import HomePage
from tests.factories import build_course

from .admin_pages import sign_in_as_editor

MODULE_CHILDREN = {LessonPage, QuizPage, PracticalAssessmentPage}


def test_a_module_offers_lessons_quizzes_and_practical_assessments_and_nothing_else():
    assert set(ModulePage.creatable_subpage_models()) == MODULE_CHILDREN
    # Whatever an app registers as a module's item is a child a module accepts.
    assert set(ITEM_MODELS) <= MODULE_CHILDREN


def test_the_catalogue_still_goes_under_a_home_page_and_never_into_a_course():
    assert set(CourseIndexPage.allowed_parent_page_models()) == {Page, HomePage}
    for parent in (CourseIndexPage, CoursePage, ModulePage, LessonPage, QuizPage):
        assert CourseIndexPage not in parent.allowed_subpage_models()


def test_the_admin_offers_an_editor_the_same_three_types_under_a_module(client, db):
    module = ModulePage.objects.child_of(build_course(modules=1, lessons=1)).get()
    sign_in_as_editor(client)
    page = client.get(reverse("wagtailadmin_pages:add_subpage", args=[module.pk])).content.decode()
    offered = {
        (model._meta.app_label, model._meta.model_name)
        for model in (LessonPage, QuizPage, PracticalAssessmentPage, CourseIndexPage, CoursePage, ModulePage)
        if reverse("wagtailadmin_pages:add", args=[model._meta.app_label, model._meta.model_name, module.pk]) in page
    }
    assert offered == {
        ("courses", "lessonpage"),
        ("assessments", "quizpage"),
        ("assessments", "practicalassessmentpage"),
    }
