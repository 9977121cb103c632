"""Low-data mode: the browser's Save-Data header or the person's own choice gives small pictures,
no web font and no video player until asked; everyone else gets the full page."""

import io
import re

import pytest
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from courses import page_cache
from courses.services import enrolment_create
from tests.factories import UserFactory, build_course, lessons_of

pytestmark = pytest.mark.django_db

SAVE_DATA = {"HTTP_SAVE_DATA": "on"}


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)


def _picture(width=1600, height=1000):
    buffer = io.BytesIO()
    PILImage.new("RGB", (width, height), (90, 120, 150)).save(buffer, "JPEG", quality=85)
    return ImageFile(buffer, name="interview-room.jpg")


@pytest.fixture
def lesson(db):
    course = build_course(modules=1, lessons=1, translate=False)
    lesson = lessons_of(course)[0]
    image = get_image_model().objects.create(title="Ярилцлагын өрөө", file=_picture())
    video = get_document_model().objects.create(
        title="Ярилцлага",
        file=ContentFile(b"\0" * 2048, name="v.mp4"),
        file_size=2048,  # as an upload sets it
    )
    lesson.body = [
        {"type": "paragraph", "value": "<p>Хичээлийн агуулга.</p>", "id": "para-1"},
        {"type": "image", "value": {"image": image.pk, "alt": "Хоёр сандалтай өрөө", "caption": ""}, "id": "img-1"},
        {
            "type": "video",
            "value": {"video": video.pk, "link": "", "title": "Ярилцлагын эхлэл", "transcript": "Сайн байна уу."},
            "id": "video-1",
        },
    ]
    lesson.save_revision().publish()
    page_cache.tree_changed()
    lesson.course = course
    return lesson


@pytest.fixture
def reader(client, lesson):
    person = UserFactory()
    enrolment_create(learner=person, course=lesson.course)
    client.force_login(person)
    return person


def _images(html: str) -> list[str]:
    return re.findall(r"<img\b[^>]*>", html.split('<article class="lesson"')[1])


def _is_small(img: str) -> bool:
    return "width-480" in img and "srcset" not in img and 'width="480"' in img


def test_the_browsers_save_data_gives_the_small_picture_and_says_why(client, reader, lesson):
    response = client.get(lesson.url, **SAVE_DATA)
    html = response.content.decode()
    [img] = _images(html)
    assert _is_small(img), img
    assert ".webp" in img
    assert "Таны хөтөч дата хэмнэхийг хүсч байгаа тул бага дата горим асаалттай байна" in html
    assert reverse("profile") + '#id_low_data_mode">Миний мэдээлэл</a> хуудаснаас асаана уу' in html
    assert '<html lang="mn" class="low-data">' in html
    assert "Save-Data" in response["Vary"]
    # Still the signed-in person's own page: kept out of every cache.
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]


def test_the_persons_choice_gives_the_small_picture_without_the_browsers_notice(client, reader, lesson):
    reader.low_data_mode = True
    reader.save()
    html = client.get(lesson.url).content.decode()
    [img] = _images(html)
    assert _is_small(img), img
    assert "бага дата горим асаалттай" not in html  # their own choice: nothing to explain


def test_without_either_the_full_picture_set_is_offered(client, reader, lesson):
    response = client.get(lesson.url)
    html = response.content.decode()
    [img] = _images(html)
    assert "srcset" in img and "width-1200" in img and "width-480" not in img
    assert '<html lang="mn">' in html
    assert "css/fonts.css" in html
    assert "Save-Data" in response["Vary"]


def test_the_two_bodies_are_cached_apart(client, reader, lesson):
    assert _is_small(_images(client.get(lesson.url, **SAVE_DATA).content.decode())[0])
    assert not _is_small(_images(client.get(lesson.url).content.decode())[0])
    assert _is_small(_images(client.get(lesson.url, **SAVE_DATA).content.decode())[0])


@pytest.mark.parametrize("headers", [{}, SAVE_DATA])
def test_every_picture_loads_lazily_with_its_size(client, reader, lesson, headers):
    for img in _images(client.get(lesson.url, **headers).content.decode()):
        assert 'loading="lazy"' in img, img
        assert re.search(r'width="\d+"', img) and re.search(r'height="\d+"', img), img


def test_low_data_mode_has_no_video_player_until_asked(client, reader, lesson):
    html = client.get(lesson.url, **SAVE_DATA).content.decode()
    block = html.split('id="block-video-1"')[1].split("</figure>")[0]
    assert "<video" not in block and "<iframe" not in block and "autoplay" not in block
    assert "Видеог ачаалах" in block
    assert "2.0\xa0КБ" in block  # the file's size, before anyone downloads it


def test_the_full_page_plays_the_video_only_when_pressed(client, reader, lesson):
    block = client.get(lesson.url).content.decode().split('id="block-video-1"')[1].split("</figure>")[0]
    assert '<video controls preload="none"' in block
    assert "autoplay" not in block and "<iframe" not in block


def test_low_data_mode_loads_no_web_font(client, reader, lesson):
    html = client.get(lesson.url, **SAVE_DATA).content.decode()
    assert "css/fonts.css" not in html and ".woff2" not in html
    assert "css/cascade.css" in html


def test_a_visitor_gets_low_data_mode_from_the_header_alone(client, lesson):
    plain = client.get("/mn/")
    saver = client.get("/mn/", **SAVE_DATA)
    assert "css/fonts.css" in plain.content.decode()
    html = saver.content.decode()
    assert "css/fonts.css" not in html and 'class="low-data"' in html
    assert "Унтраах бол хөтчийнхөө дата хэмнэгчийг унтраана уу." in html
    assert "Save-Data" in plain["Vary"] and "Save-Data" in saver["Vary"]


def test_the_setting_on_the_profile_is_saved_for_that_person_only(client):
    person, other = UserFactory(), UserFactory()
    client.force_login(person)
    page = client.get(reverse("profile")).content.decode()
    assert 'name="low_data_mode"' in page and "Бага дата горим" in page
    form = client.get(reverse("profile")).context["form"]
    data = {name: value for name, value in form.initial.items() if value is not None and name in form.fields}
    data.update(first_name="Болд", last_name="Дорж", low_data_mode="on")
    response = client.post(reverse("profile"), data)
    assert response.status_code == 302, response.context["form"].errors
    person.refresh_from_db()
    other.refresh_from_db()
    assert person.low_data_mode is True and other.low_data_mode is False
    data.pop("low_data_mode")
    client.post(reverse("profile"), data)
    person.refresh_from_db()
    assert person.low_data_mode is False
