"""Test helpers for practical assessments: a rubric placed in a course's module, and scoring it
through the service as an assessor would."""

import uuid
from decimal import Decimal

from django.utils import timezone
from wagtail.models import Locale

from assessments.models import Observation, PracticalAssessmentPage
from assessments.services import observation_record
from courses.models import ModulePage

LEVELS = [("Хангалтгүй", "0"), ("Хөгжиж буй", "1"), ("Хангалттай", "2"), ("Маш сайн", "3")]
ENGLISH_LEVELS = ["Not yet", "Developing", "Competent", "Strong"]


def rubric(*titles: str, essential: tuple[int, ...] = (), english: bool = False) -> list[dict]:
    """One criterion per title, four levels worth 0–3; block ids follow the position, so the
    English rubric names the same criteria as the Mongolian one."""
    return [
        {
            "type": "criterion",
            "id": f"criterion-{position}",
            "value": {
                "title": f"{title} (en)" if english else title,
                "description": "",
                "essential": position in essential,
                "levels": [
                    {"label": ENGLISH_LEVELS[n] if english else label, "description": "", "points": points}
                    for n, (label, points) in enumerate(LEVELS)
                ],
            },
        }
        for position, title in enumerate(titles)
    ]


CRITERIA = ("Аюулгүй эхлүүлэх", "Нээлттэй асуулт", "Санал хүсэлт")


def add_practical(
    course, *, module: int = 1, essential=(1,), translate: bool = True, **fields
) -> PracticalAssessmentPage:
    """A practical assessment with three criteria (the second essential), last in module ``module``."""
    parent = ModulePage.objects.child_of(course).get(slug=f"module-{module}")
    fields.setdefault("pass_mark", Decimal(60))
    page = parent.add_child(
        instance=PracticalAssessmentPage(
            title="Заах дадлага", slug="teach-back", rubric=rubric(*CRITERIA, essential=essential), **fields
        )
    )
    page.save_revision().publish()
    english_locale = Locale.objects.get(language_code="en")
    if translate and parent.get_translation_or_none(english_locale) is not None:
        english = page.copy_for_translation(english_locale)
        english.title = "Teach-back"
        english.rubric = rubric(*CRITERIA, essential=essential, english=True)
        english.save_revision().publish()
    return PracticalAssessmentPage.objects.get(pk=page.pk)


def observe(assessment, learner, *, assessor, levels=(3, 3, 3), **kwargs) -> Observation:
    kwargs.setdefault("observed_on", timezone.localdate())
    kwargs.setdefault("submission_key", uuid.uuid4())
    return observation_record(
        assessor=assessor,
        learner=learner,
        assessment=assessment,
        levels={f"criterion-{position}": level for position, level in enumerate(levels)},
        **kwargs,
    )
