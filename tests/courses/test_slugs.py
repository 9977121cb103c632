"""A Mongolian title gives a readable Latin address, which the editor may change."""

import json
import re

import pytest
from django.urls import reverse
from django.utils.text import slugify
from wagtail.models import Locale

from courses.models import LessonPage, ModulePage
from courses.slugs import MAX_LENGTH, SLUG_FORMATTERS, latin_slug
from tests.courses.admin_pages import add_lesson_in_the_admin, sign_in_as_editor
from tests.factories import build_course

LONG_TITLE = "Хохирогч хүүхэдтэй ярилцлага хийхдээ сэтгэл зүйн гэмтэлд мэдрэмжтэй хандах нь " * 3


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Хүүхдийн эрхийн үндэс", "khuukhdiin-erkhiin-undes"),
        ("Өсвөр үеийнхэнтэй ярилцах нь", "osvor-uyeiinkhentei-yariltsakh-ni"),
        ("Хүүхэд худалдаалах гэмт хэрэг: 2-р модуль", "khuukhed-khudaldaalakh-gemt-khereg-2-r-moduli"),
        ("Яаралтай тусламж", "yaraltai-tuslamj"),
        ("Trafficking 101", "trafficking-101"),
    ],
)
def test_a_title_becomes_a_latin_slug(title, slug):
    assert latin_slug(title) == slug


def test_a_long_title_gives_a_slug_cut_between_words():
    slug = latin_slug(LONG_TITLE)
    assert len(slug) <= MAX_LENGTH and slug.isascii()
    assert latin_slug(LONG_TITLE.replace(" ", "-")).startswith(slug)
    assert not slug.endswith("-") and slug.split("-")[-1] in latin_slug(LONG_TITLE).split("-")


def admin_slug_field(title):
    """What the admin's slug field makes of ``title``: the formatters, then Wagtail's ``urlify``."""
    value = title.strip()
    for pattern, replacement in SLUG_FORMATTERS:
        value = re.sub(pattern, replacement.replace("$1", r"\1"), value)
    value = re.sub(r"[^-\w\s]", "", value.lower(), flags=re.ASCII)
    return re.sub(r"[-\s]+", "-", value)[:255].rstrip("-")


@pytest.mark.parametrize("title", ["Хүүхдийн эрхийн үндэс", "Өсвөр үеийнхэнтэй ярилцах нь", "Яаралтай тусламж"])
def test_the_admins_slug_field_suggests_what_the_server_makes(title):
    assert admin_slug_field(title) == latin_slug(title)


def test_the_admins_slug_field_stays_within_the_limit():
    assert len(admin_slug_field(LONG_TITLE)) <= MAX_LENGTH + 1


@pytest.fixture
def module(db):
    return ModulePage.objects.child_of(build_course(modules=1, lessons=1)).get()


def test_the_add_lesson_form_carries_the_transliteration(client, module):
    sign_in_as_editor(client)
    page = client.get(reverse("wagtailadmin_pages:add", args=["courses", "lessonpage", module.pk])).content.decode()
    formatters = re.search(r'data-w-slug-formatters-value="([^"]*)"', page)
    assert formatters is not None
    assert ["[Хх]", "kh"] in [
        [regex[0], replacement] for regex, replacement in json.loads(formatters[1].replace("&quot;", '"'))
    ]


def test_a_lesson_saved_with_its_cyrillic_slug_gets_the_latin_one(client, module):
    sign_in_as_editor(client)
    title = "Хүүхдийн эрхийн үндэс"
    add_lesson_in_the_admin(client, module, title, slug=slugify(title, allow_unicode=True))
    lesson = LessonPage.objects.get(title=title, locale=module.locale)
    assert lesson.slug == "khuukhdiin-erkhiin-undes"
    assert lesson.url.endswith("/module-1/khuukhdiin-erkhiin-undes/")


def test_a_long_title_gives_a_short_address(client, module):
    sign_in_as_editor(client)
    add_lesson_in_the_admin(client, module, LONG_TITLE.strip(), slug=slugify(LONG_TITLE, allow_unicode=True))
    lesson = LessonPage.objects.get(title=LONG_TITLE.strip(), locale=module.locale)
    assert len(lesson.slug) <= MAX_LENGTH and lesson.slug.isascii()


def test_the_slug_is_unique_among_the_lessons_of_the_module(module):
    first = module.add_child(instance=LessonPage(title="Давталт", body=[]))
    second = module.add_child(instance=LessonPage(title="Давталт", body=[]))
    assert (first.slug, second.slug) == ("davtalt", "davtalt-2")


def test_the_editors_own_slug_is_kept(client, module):
    sign_in_as_editor(client)
    add_lesson_in_the_admin(client, module, "Хүүхдийн эрхийн үндэс", slug="child-rights-basics")
    assert LessonPage.objects.filter(slug="child-rights-basics", locale=module.locale).exists()
    # ...and so is a Cyrillic one that is not merely the title.
    add_lesson_in_the_admin(client, module, "Хүүхдийн эрх 2", slug="эрх")
    assert LessonPage.objects.filter(slug="эрх", locale=module.locale).exists()


def test_the_english_translation_keeps_the_latin_slug(client, module):
    sign_in_as_editor(client)
    title = "Хүүхдийн эрхийн үндэс"
    add_lesson_in_the_admin(client, module, title, slug=slugify(title, allow_unicode=True))
    english = LessonPage.objects.get(title=title, locale__language_code="en")  # wagtail-localize's stand-in
    assert english.slug == "khuukhdiin-erkhiin-undes"
    lesson = LessonPage.objects.get(title=title, locale=module.locale)
    lesson.get_translation(Locale.objects.get(language_code="en")).delete()
    copy = lesson.copy_for_translation(Locale.objects.get(language_code="en"))
    assert copy.slug == "khuukhdiin-erkhiin-undes"
