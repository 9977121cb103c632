"""A learner takes a quiz on a dropping connection: answers typed offline are kept on the device,
sent when the connection returns, and the attempt is submitted and marked."""

import uuid

import pytest
from playwright.sync_api import expect

from tests.factories import UserFactory

from .pages import sign_in
from .test_accessibility import assert_accessible

pytestmark = pytest.mark.browser

PASSWORD = "correct-horse-battery"


@pytest.fixture
def quiz_setting(demo, django_db_blocker):
    from assessments.formats import base as formats
    from courses.services import enrolment_create
    from tests.factories import add_quiz, build_course, choice, question

    with django_db_blocker.unblock():
        suffix = uuid.uuid4().hex[:8]
        course = build_course(slug=f"quiz-course-{suffix}", modules=1, lessons=1, translate=False)
        questions = [
            question(
                formats.SINGLE_CHOICE,
                "Аль нь нээлттэй асуулт вэ?",
                [
                    choice("Юу болсныг ярина уу.", "1", "Зөв.", f"r-{suffix}"),
                    choice("Тэр цохисон уу?", "0", "", f"w-{suffix}"),
                ],
                name=f"single-{suffix}",
            ),
            question(
                formats.SHORT_ANSWER,
                "Хүүхэд худалдаалахтай тэмцэх протокол аль хотын нэртэй вэ?",
                [choice("Палермо", "1", block_id=f"s-{suffix}")],
                name=f"short-{suffix}",
            ),
        ]
        quiz = add_quiz(course, questions, questions_per_page=5, pass_mark=50)
        learner = UserFactory()
        enrolment_create(learner=learner, course=course)
    return learner, quiz


def test_answers_typed_offline_are_saved_when_the_connection_returns(page, site_server, quiz_setting):
    learner, quiz = quiz_setting
    base = site_server.url
    sign_in(page, base, learner.email, PASSWORD)
    page.goto(base + quiz.url)
    assert_accessible(page)
    page.get_by_role("button", name="Сорил эхлэх").click()
    expect(page.locator("fieldset.question")).to_have_count(2)
    assert_accessible(page)
    # Nothing is answered yet: nothing may be called saved.
    page.wait_for_load_state("networkidle")
    expect(page.locator("#save-state")).to_have_text("")

    page.get_by_label("Юу болсныг ярина уу.").check()
    expect(page.locator("#save-state")).to_have_text("Бүх хариултыг хадгаллаа.")

    page.context.set_offline(True)
    page.locator("fieldset.question").nth(1).locator("input[type=text]").fill("палермо")
    page.locator("fieldset.question").nth(1).locator("input[type=text]").blur()
    expect(page.locator("#save-state")).to_contain_text("сүлжээнд холбогдоогүй")
    # (Submitting offline is queued: tests/browser/test_offline_quiz.py.)

    page.context.set_offline(False)
    page.evaluate("window.dispatchEvent(new Event('online'))")
    expect(page.locator("#save-state")).to_have_text("Бүх хариултыг хадгаллаа.")
    page.get_by_role("button", name="Хариултаа илгээх").click()

    expect(page.locator(".result")).to_contain_text("100")
    expect(page.locator(".review").first).to_be_visible()
    assert_accessible(page)
