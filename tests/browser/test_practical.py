"""A trainer scores a trainee's teach-back on a phone, one tap per criterion; the trainee then
reads the result on the assessment's page. axe-core checks each page on the way."""

import re
import uuid
from datetime import date

import pytest
from playwright.sync_api import expect

from .pages import sign_in
from .test_accessibility import assert_accessible

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}


@pytest.fixture
def practical_setting(demo, django_db_blocker):
    from cohorts.services import authorisation_grant, cohort_create, membership_add
    from courses.services import lesson_complete
    from tests.factories import UserFactory, build_course, lessons_of
    from tests.practical import add_practical

    with django_db_blocker.unblock():
        trainer = demo["trainer@demo.mn"]
        suffix = uuid.uuid4().hex[:8]
        course = build_course(slug=f"practical-{suffix}", modules=2, lessons=1, self_enrolment=False)
        practical = add_practical(course, module=2)
        authorisation_grant(trainer=trainer, course=course, by=None, evidence="Browser test")
        cohort = cohort_create(
            course=course,
            lead_trainer=trainer,
            by=trainer,
            name=f"Дадлага {suffix}",
            organisation=trainer.organisation,
            starts_on=date.today(),
            status="running",
            mode="in_person",
        )
        trainee = UserFactory(last_name="Ажиглагдах", first_name="Суралцагч", email=f"observed-{suffix}@example.mn")
        membership_add(cohort=cohort, learner=trainee, source="trainer")
        for lesson in lessons_of(course):
            lesson_complete(learner=trainee, lesson=lesson)
    return trainer, cohort, practical, trainee


def test_a_trainer_scores_on_a_phone_and_the_trainee_reads_the_result(browser, page, site_server, practical_setting):
    trainer, cohort, practical, trainee = practical_setting
    base = site_server.url
    page.set_viewport_size(PHONE)
    sign_in(page, base, trainer.email)

    page.goto(f"{base}/mn/cohorts/{cohort.pk}/practical/")
    assert_accessible(page)
    page.locator("main table a.button").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(practical.title)
    assert_accessible(page)

    # Two criteria scored, the third forgotten: the form says which, and keeps the two taps.
    criteria = page.locator("fieldset.rubric-criterion")
    expect(criteria).to_have_count(3)
    criteria.nth(0).locator("label").nth(3).click()
    criteria.nth(1).locator("label").nth(2).click()
    page.get_by_role("button", name=re.compile("Ажиглалтыг бүртгэх")).click()
    expect(criteria.nth(2).locator(".errorlist")).to_be_visible()
    expect(criteria.nth(0).locator("input[type=radio]").nth(3)).to_be_checked()
    assert_accessible(page)

    criteria.nth(2).locator("label").nth(2).click()
    criteria.nth(1).locator("summary").click()
    criteria.nth(1).locator("textarea").fill("Нээлттэй асуултыг тууштай ашигласан.")
    page.get_by_role("button", name=re.compile("Ажиглалтыг бүртгэх")).click()
    expect(page).to_have_url(re.compile(rf"/mn/cohorts/{cohort.pk}/practical/$"))
    # 7 of 9 points: percentages show one decimal everywhere (core.formatting.percent).
    expect(page.locator(".message-success")).to_contain_text("77.8%")
    expect(page.locator("main table tbody tr").first).to_contain_text("Тэнцсэн")

    learner_page = browser.new_context(viewport=PHONE).new_page()
    sign_in(learner_page, base, trainee.email, "correct-horse-battery")  # the factory's password
    learner_page.goto(f"{base}{practical.url}")
    expect(learner_page.locator("#practical-state")).to_contain_text("✓")
    assert_accessible(learner_page)
    learner_page.locator("main table a").first.click()
    expect(learner_page.locator("main")).to_contain_text("Нээлттэй асуултыг тууштай ашигласан.")
    assert_accessible(learner_page)
    learner_page.context.close()
