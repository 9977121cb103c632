"""The demo's practical assessment: the teach-back of the training-of-trainers course, scored
against a rubric by the master trainer. Written for this project, in both languages; a criterion
keeps one block id in both, as wagtail-localize keeps it, so a score names the same criterion
whichever language the assessor reads.

Placed before the demo's progress is recorded, so the trainers complete the training-of-trainers
course only when the master trainer has observed their teach-back (``lms.demo.cohorts``)."""

import uuid
from decimal import Decimal

from wagtail.models import Locale

from assessments.models import PracticalAssessmentPage
from courses.models import CoursePage, ModulePage

LEVELS = {
    "mn": [
        ("Хангалтгүй", 0, "Энэ чадварыг харуулаагүй, эсвэл буруу хэрэгжүүлсэн."),
        ("Хөгжиж буй", 1, "Оролдсон боловч тогтвортой биш; зөвлөгөө хэрэгтэй."),
        ("Хангалттай", 2, "Сургалтыг бие даан явуулахад хангалттай түвшинд."),
        ("Маш сайн", 3, "Бусдад үлгэр жишээ болохуйц."),
    ],
    "en": [
        ("Not yet", 0, "Did not show this, or did it in a way that could cause harm."),
        ("Developing", 1, "Tried, but not consistently; needs coaching."),
        ("Competent", 2, "Good enough to run the course alone."),
        ("Strong", 3, "A model for other trainers."),
    ],
}

CRITERIA = [
    {
        "essential": True,
        "mn": (
            "Сургалтыг аюулгүй эхлүүлэх",
            "Дүрэм тохирох, хүнд агуулгын өмнө анхааруулах, суралцагч завсарлах эрхтэйг хэлэх.",
        ),
        "en": (
            "Opens the session safely",
            "Agrees ground rules, warns before hard content, tells trainees they may pause at any time.",
        ),
    },
    {
        "essential": False,
        "mn": (
            "Гол санааг зөв тайлбарлах",
            "Сэтгэл зүйн гэмтэлд мэдрэмжтэй хандлагын зарчмуудыг зөв, ойлгомжтой тайлбарлах.",
        ),
        "en": (
            "Explains the key ideas accurately",
            "Explains the principles of a trauma-informed approach correctly and plainly.",
        ),
    },
    {
        "essential": True,
        "mn": (
            "Хүүхдэд ээлтэй асуултын дарааллыг үзүүлэх",
            "Нээлттэй асуулт ашиглаж, чиглүүлсэн асуулт асуухгүй, хүүхдийн хэмнэлийг дагах.",
        ),
        "en": (
            "Models a child-friendly sequence of questions",
            "Uses open questions, asks no leading question, follows the child's pace.",
        ),
    },
    {
        "essential": False,
        "mn": (
            "Дадлагыг удирдаж, санал хүсэлт өгөх",
            "Дадлагын ярилцлагыг зохион байгуулж, зан үйлд тулгуурласан тодорхой санал хүсэлт өгөх.",
        ),
        "en": (
            "Runs the practice and gives useful feedback",
            "Sets up the practice interview and gives specific, behaviour-based feedback.",
        ),
    },
    {
        "essential": False,
        "mn": (
            "Суралцагчдын сэтгэл санааг анхаарах",
            "Сэтгэл санаа хөдөлж буйг анзаарч, завсарлага санал болгож, дэмжлэг хаанаас авахыг хэлэх.",
        ),
        "en": (
            "Looks after the trainees' wellbeing",
            "Notices distress, offers a break, says where to find support.",
        ),
    },
    {
        "essential": False,
        "mn": ("Цаг баримталж, ойлголтыг шалгах", "Товч дүгнэж, суралцагчдын ойлголтыг асуултаар шалгах."),
        "en": ("Keeps time and checks learning", "Summarises and checks what the trainees understood."),
    },
]

TEXTS = {
    "mn": {
        "title": "Заах дадлагын үнэлгээ",
        "introduction": "Сургалтын нэг хэсгийг (20–30 минут) бусад оролцогчдод заана. Мастер сургагч багш "
        "таныг ажиглаж, доорх шалгуураар үнэлнэ. Дадлагын ярилцлагад зөвхөн зохиомол тохиолдол ашиглана.",
        "assessor_guidance": "Заах дадлагыг бүхэлд нь ажигласны дараа шалгуур бүрээр үнэлнэ. Тэнцээгүй бол юуг "
        "сайжруулахыг тодорхой бичиж, дахин үнэлэх өдрийг тохирно.",
    },
    "en": {
        "title": "Teach-back assessment",
        "introduction": "You teach one part of the course (20–30 minutes) to the other participants. The master "
        "trainer watches and scores you against the criteria below. Practice interviews use fictional cases only.",
        "assessor_guidance": "Watch the whole teach-back before scoring each criterion. If it is not passed, write "
        "what to improve and agree a day to observe again.",
    },
}

TOT_COURSE = "tot-trauma-informed-interviewing"
MODULE = "teach-back-and-trainee-safety"
SLUG = "teach-back-assessment"


def _rubric(language: str) -> list[dict]:
    blocks = []
    for index, criterion in enumerate(CRITERIA):
        title, description = criterion[language]
        blocks.append(
            {
                "type": "criterion",
                "id": str(uuid.uuid5(uuid.NAMESPACE_URL, f"cascade-demo:{SLUG}:{index}")),
                "value": {
                    "title": title,
                    "description": description,
                    "essential": criterion["essential"],
                    "levels": [
                        {"label": label, "points": str(points), "description": text}
                        for label, points, text in LEVELS[language]
                    ],
                },
            }
        )
    return blocks


def seed_teach_back(mn: Locale, en: Locale) -> PracticalAssessmentPage:
    """The teach-back, the last item of the training-of-trainers course's second module."""
    course = CoursePage.objects.get(locale=mn, slug=TOT_COURSE)
    module = ModulePage.objects.child_of(course).get(slug=MODULE)
    page = PracticalAssessmentPage.objects.child_of(module).filter(slug=SLUG).first()
    if page is None:
        page = module.add_child(
            instance=PracticalAssessmentPage(
                slug=SLUG,
                pass_mark=Decimal(70),
                estimated_minutes=45,
                rubric=_rubric("mn"),
                **TEXTS["mn"],
            )
        )
        page.save_revision().publish()
    if page.get_translation_or_none(en) is None:
        translation = page.copy_for_translation(en)
        for name, value in TEXTS["en"].items():
            setattr(translation, name, value)
        translation.rubric = _rubric("en")
        translation.save_revision().publish()
    return PracticalAssessmentPage.objects.get(pk=page.pk)
