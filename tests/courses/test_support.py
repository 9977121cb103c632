"""Whom to call: the site's helpline (108) and support person, or a course's own person, beside
every content note, at the end of a lesson marked as distressing, on a course with a content note
and under a catalogue that lists one — in the reader's language, and up to date after an edit."""

import pytest
from wagtail.models import Locale, Site

from courses import page_cache
from courses.models import SupportContact, SupportSettings
from courses.services import enrolment_create
from tests.factories import UserFactory, build_course, lesson_body, lessons_of

pytestmark = pytest.mark.django_db

NOTE = {
    "type": "content_note",
    "value": {
        "note": "Дараах хэсэгт хүүхдийн эсрэг хүчирхийллийн тухай өгүүлнэ.",
        "content": [{"type": "paragraph", "value": "<p>Зохиомол тохиолдол.</p>", "id": "inner-1"}],
    },
    "id": "note-1",
}


def contact(name: str, phone: str, english_name: str) -> SupportContact:
    mongolian = SupportContact.objects.create(
        locale=Locale.objects.get(language_code="mn"), name=name, phone=phone, hours="24 цаг"
    )
    english = mongolian.copy_for_translation(Locale.objects.get(language_code="en"))
    english.name, english.hours = english_name, "24 hours"
    english.save()
    return mongolian


@pytest.fixture
def support(db):
    contacts = {
        "helpline": contact("Хүүхдийн тусламжийн утас", "108", "Child helpline"),
        "person": contact("Ажилтны сэтгэл зүйч", "0000-0000", "Staff psychologist"),
        "own": contact("Хилийн алба хаагчдын сэтгэл зүйч", "0000-0001", "Border service psychologist"),
    }
    settings = SupportSettings.for_site(Site.objects.get(is_default_site=True))
    settings.helpline, settings.support_person = contacts["helpline"], contacts["person"]
    settings.save()
    return contacts


@pytest.fixture
def course(support):
    """A course with a content note; its first lesson holds a content note, its second is marked
    as distressing, in both languages."""
    course = build_course(content_note="Хүчирхийллийн тухай зохиомол тохиолдол орсон.")
    for language in ("mn", "en"):
        first, second, *_ = lessons_of(course, language)
        first.body = [NOTE, *lesson_body(1)]
        first.save()
        second.distressing = True
        second.save()
    page_cache.tree_changed()
    return course


@pytest.fixture
def reader(client, course):
    learner = UserFactory()
    enrolment_create(learner=learner, course=course)
    client.force_login(learner)
    return learner


def note_of(html: str) -> str:
    """The warning part of the content note (what the learner reads before choosing to continue)."""
    return html.split('class="content-note"')[1].split('class="content-note-body"')[0]


def end_of(html: str) -> str:
    return html.split('id="lesson-end"')[1]


def test_a_content_note_shows_the_child_helpline_and_the_sites_support_person(client, reader, course):
    html = client.get(lessons_of(course)[0].url).content.decode()
    note = note_of(html)
    assert 'href="tel:108"' in note and "Хүүхдийн тусламжийн утас" in note
    assert "Ажилтны сэтгэл зүйч" in note and "24 цаг" in note


def test_a_course_with_its_own_support_person_shows_it_instead_of_the_sites(client, reader, course, support):
    course.support_contact = support["own"]
    course.save_revision().publish()
    note = note_of(client.get(lessons_of(course)[0].url).content.decode())
    assert "Хилийн алба хаагчдын сэтгэл зүйч" in note and 'href="tel:00000001"' in note
    assert "Ажилтны сэтгэл зүйч" not in note
    assert 'href="tel:108"' in note  # the helpline stays


def test_a_lesson_marked_as_distressing_ends_with_whom_to_call(client, reader, course):
    first, second, *_ = lessons_of(course)
    assert 'href="tel:108"' in end_of(client.get(second.url).content.decode())
    # The first lesson is not marked: its content note carries the lines, its end does not.
    assert "tel:" not in end_of(client.get(first.url).content.decode())


def test_an_english_reader_sees_the_contacts_in_english(client, reader, course):
    html = client.get(lessons_of(course, "en")[1].url).content.decode()
    assert "Child helpline" in end_of(html) and "Хүүхдийн тусламжийн утас" not in html


def test_an_editors_change_to_a_contact_shows_on_the_next_page(client, reader, course, support):
    lesson = lessons_of(course)[0]
    client.get(lesson.url)  # the lesson body and its support lines are now cached
    person = support["person"]
    person.phone = "0000-0099"
    person.save()
    assert 'href="tel:00000099"' in note_of(client.get(lesson.url).content.decode())


def test_the_course_page_shows_its_content_note_with_whom_to_call(client, course):
    html = client.get(course.url).content.decode()
    panel = html.split('class="content-note-panel"')[1].split("</div>\n")[0]
    assert "Хүчирхийллийн тухай зохиомол тохиолдол орсон." in panel
    assert 'href="tel:108"' in html


def test_the_catalogue_shows_a_courses_content_note_and_whom_to_call(client, course):
    html = client.get(course.get_parent().url).content.decode()
    assert "Хүчирхийллийн тухай зохиомол тохиолдол орсон." in html
    assert 'href="tel:108"' in html


def test_without_content_notes_nothing_about_support_is_shown(client, support):
    course = build_course(slug="plain")
    html = client.get(course.url).content.decode() + client.get(course.get_parent().url).content.decode()
    assert "tel:" not in html


def test_an_editor_sets_the_sites_support_and_writes_contacts_in_the_admin(client, support):
    from django.urls import reverse

    from tests.factories import with_totp

    client.force_login(with_totp(UserFactory(roles=["editor"])))
    site = Site.objects.get(is_default_site=True)
    settings_url = reverse("wagtailsettings:edit", args=["courses", "supportsettings", site.pk])
    response = client.post(settings_url, {"helpline": support["helpline"].pk, "support_person": support["own"].pk})
    assert response.status_code == 302
    assert SupportSettings.for_site(site).support_person == support["own"]
    response = client.post(
        reverse("wagtailsnippets_courses_supportcontact:add"),
        {"name": "Сэтгэл зүйн зөвлөх", "phone": "0000-0002", "hours": "", "text": "", "locale": "mn"},
    )
    assert response.status_code == 302, response.content.decode()[:1000]
    assert SupportContact.objects.filter(name="Сэтгэл зүйн зөвлөх").exists()
