"""A police officer's first course: find it, enrol, read, switch language mid-course, come back later."""

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from lms.demo.courses_content import COURSES
from tests.factories import UserFactory

from .pages import language_button, sign_in, sign_out

pytestmark = pytest.mark.browser

BORDER_COURSE = next(spec for spec in COURSES if spec["slug"] == "trafficking-at-the-border")
LESSONS = BORDER_COURSE["modules"][0]["lessons"]  # three lessons (the module quiz after them is optional)
PASSWORD = "correct-horse-battery"  # the factory's
FONTS = Path(__file__).resolve().parents[2] / "lms" / "static" / "fonts"


@pytest.fixture
def officer(demo, django_db_blocker):
    """A border officer with an account and no enrolment yet."""
    with django_db_blocker.unblock():
        return UserFactory(preferred_language="mn")  # a new address each time: the database outlives a test


def lesson_heading(page, lesson: dict, language: str):
    return page.get_by_role("heading", level=1, name=lesson[language]["title"])


def course_progress(page):
    return page.locator("#course-progress")


def test_officer_enrols_reads_switches_language_and_resumes(page, site_server, officer):
    base = site_server.url
    sign_in(page, base, officer.email, PASSWORD)

    # The catalogue, in Mongolian: the course says it is complete in both languages.
    page.goto(f"{base}/mn/courses/")
    card = page.locator(".course-card", has_text=BORDER_COURSE["mn"]["title"])
    expect(card).to_contain_text("Монгол")
    expect(card).to_contain_text("English")
    card.get_by_role("link", name=BORDER_COURSE["mn"]["title"]).click()

    expect(page.get_by_role("heading", level=1)).to_have_text(BORDER_COURSE["mn"]["title"])
    page.get_by_role("button", name="Бүртгүүлэх").click()
    expect(course_progress(page)).to_have_attribute("value", "0")

    # First lesson: read it and mark it complete, which opens the second.
    page.locator(".lessons a", has_text=LESSONS[0]["mn"]["title"]).click()
    expect(lesson_heading(page, LESSONS[0], "mn")).to_be_visible()
    page.locator(".complete-form button[type=submit]").click()
    expect(lesson_heading(page, LESSONS[1], "mn")).to_be_visible()
    expect(page.locator("#lesson-course-progress")).to_have_attribute("value", "33")

    # Switching language mid-lesson lands on the same lesson in English, with the progress kept.
    language_button(page, "en").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(lesson_heading(page, LESSONS[1], "en")).to_be_visible()
    expect(page.locator("#lesson-course-progress")).to_have_attribute("value", "33")

    # Reading to the end completes the lesson without pressing anything.
    page.locator("#lesson-end").scroll_into_view_if_needed()
    expect(page.locator("#lesson-state")).to_have_text(re.compile("You have completed this lesson"))

    # The officer stops for the day and signs out; next time "My learning" leads back to lesson 3.
    sign_out(page)
    sign_in(page, base, officer.email, PASSWORD)
    page.goto(f"{base}/en/learning/")
    entry = page.locator(".course-card", has_text=BORDER_COURSE["en"]["title"])
    expect(entry.locator("progress")).to_have_attribute("value", "67")
    entry.get_by_role("link", name=re.compile(re.escape(LESSONS[2]["en"]["title"]))).click()
    expect(lesson_heading(page, LESSONS[2], "en")).to_be_visible()

    # Back in Mongolian, the course page shows the same two lessons done, counted once.
    language_button(page, "mn").click()
    expect(lesson_heading(page, LESSONS[2], "mn")).to_be_visible()
    page.locator(".breadcrumbs a").first.click()
    expect(course_progress(page)).to_have_attribute("value", "67")
    expect(page.locator(".lesson-row.is-complete")).to_have_count(2)


def test_a_content_note_lets_the_learner_skip_or_continue(page, site_server, demo):
    """Distressing material stays folded away behind its warning until the learner chooses to see it."""
    base = site_server.url
    sign_in(page, base, "learner2@demo.mn")  # has finished the border course
    module = BORDER_COURSE["modules"][0]["slug"]
    page.goto(f"{base}/mn/courses/{BORDER_COURSE['slug']}/{module}/{LESSONS[1]['slug']}/")
    expect(lesson_heading(page, LESSONS[1], "mn")).to_be_visible()

    note = page.locator("section.content-note").first
    body = note.locator("details.content-note-body")
    expect(note.get_by_role("link", name="Энэ хэсгийг алгасах")).to_be_visible()
    expect(note.get_by_role("link", name="Дараа эргэж ирэх")).to_have_attribute("href", "/mn/learning/")
    expect(body.locator(".block").first).to_be_hidden()

    body.locator("summary").click()
    expect(body).to_have_attribute("open", "")
    expect(body.locator(".block").first).to_be_visible()


def test_a_lesson_loads_in_at_most_150_kb(page, site_server, demo):
    """For a province with a weak connection: HTML, CSS, JavaScript and fonts of a lesson without
    media come to 150 KB at most on a first visit with an empty cache."""
    base = site_server.url
    sign_in(page, base, "learner2@demo.mn")
    module = BORDER_COURSE["modules"][0]["slug"]
    url = f"{base}/mn/courses/{BORDER_COURSE['slug']}/{module}/{LESSONS[0]['slug']}/"

    fresh = page.context.browser.new_context(storage_state=page.context.storage_state())  # signed in, no cache
    reader = fresh.new_page()
    sizes: dict[str, int] = {}
    reader.on("requestfinished", lambda request: sizes.__setitem__(request.url, len(request.response().body())))
    reader.goto(url)
    expect(lesson_heading(reader, LESSONS[0], "mn")).to_be_visible()
    reader.wait_for_load_state("networkidle")
    fresh.close()

    # Count every font the stylesheet may ask for, whether or not this page's text needed it.
    for font in FONTS.glob("*.woff2"):
        if not any(fetched.endswith(font.name) for fetched in sizes):
            sizes[font.name] = font.stat().st_size
    total = sum(sizes.values())
    listing = ", ".join(f"{name.rsplit('/', 1)[-1] or name} {size // 1024} KB" for name, size in sizes.items())
    assert any(name.endswith("lesson.js") for name in sizes), listing
    assert total <= 150 * 1024, f"{total / 1024:.0f} KB: {listing}"


def test_a_lesson_is_read_and_completed_without_javascript(browser, site_server, officer):
    """A phone with JavaScript off can still read a lesson, mark it complete and move on."""
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.set_default_timeout(10_000)
    base = site_server.url
    sign_in(page, base, officer.email, PASSWORD)
    page.goto(f"{base}/mn/courses/{BORDER_COURSE['slug']}/")
    page.get_by_role("button", name="Бүртгүүлэх").click()
    page.locator(".lessons a", has_text=LESSONS[0]["mn"]["title"]).click()
    expect(lesson_heading(page, LESSONS[0], "mn")).to_be_visible()

    page.locator(".complete-form button[type=submit]").click()
    expect(lesson_heading(page, LESSONS[1], "mn")).to_be_visible()
    expect(page.locator("#lesson-course-progress")).to_have_attribute("value", "33")
    context.close()
