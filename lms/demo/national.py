"""A country's worth of training records, for trying the reports at national scale and measuring them.

``generate(learners=N)`` builds, with ``bulk_create`` and in one transaction:

- organisations: the police, immigration and the family and child agency under their ministries, each
  with a unit in every aimag and Ulaanbaatar district (immigration only at the border and the
  airport), and two NGOs running shelters; a coordinator for each agency;
- a three-level cascade: master trainers authorised by a coordinator; trainers trained by them in
  training-of-trainers cohorts and authorised by completing one; trainees in the trainers' cohorts;
- for every trainee: the enrolment, the lessons opened and completed, the attempts at the quizzes
  (the pre-test and the post-test with their scores), the attendance of the in-person sessions and,
  once the course is completed, the certificate (valid, expired by now, or revoked);
- spread over the three years before today, so that each year's report has about a third of it.

The records keep the models' rules (one enrolment per course, attempts numbered per quiz, the
membership's enrolment and trainer, one certificate per learner, rule and cycle), but are written
directly, not through the services: a service call per record would take hours for 100,000 people.
So nothing is audited, no e-mail is sent, no PDF is rendered, and the generated certificates are
marked as rendered and e-mailed so that the certificate sweep leaves them alone.

The people have addresses at ``LOAD_DOMAIN`` (a domain reserved for examples) and no usable
password; the organisations' codes start with ``CODE_PREFIX``. That is how ``reset()`` finds them.
The same ``seed`` on the same day gives the same records.
"""

import random
import time as clock
import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.db import connection, transaction
from django.db.models import Q
from django.utils import timezone
from wagtail.models import Locale, Page

from accounts import roles
from accounts.models import Organisation, Region, User
from accounts.regions import AIMAGS, ULAANBAATAR_DISTRICTS
from assessments.models import Attempt, QuizPage
from certificates import codes
from certificates.models import Certificate, CertificationRule, ExpiryReminder
from cohorts.models import Attendance, Cohort, CohortMembership, TeachingAuthorisation, TrainingSession
from courses.models import CoursePage, Enrolment, LessonPage, LessonProgress
from reports import activity, test_pairs
from reports.models import ActivityMonth, TestPair

LOAD_DOMAIN = "load.example.org"
CODE_PREFIX = "load-"
YEARS = 3
TRAINEES_PER_COHORT = 25
TRAINEES_PER_TRAINER = 40  # a trainer runs one or two cohorts over the three years
TRAINERS_PER_MASTER = 25
TRAINERS_PER_TOT = 20
BATCH = 2000  # rows per INSERT: SQLite's limit on parameters bounds it
CHUNK_COHORTS = 200  # trainees' records are built and written this many cohorts at a time

# --- Who works where ----------------------------------------------------------------------------

# (code, parent, kind, Mongolian, English, unit name pattern (Mongolian, English) or None, where units are)
BORDER = ["dornogovi", "bayan-olgii", "selenge", "khovd", "dornod", "umnugovi", "sukhbaatar", "zavkhan", "ub-khan-uul"]
AGENCIES = [
    ("mojha", None, "ministry", "Хууль зүй, дотоод хэргийн яам", "Ministry of Justice and Home Affairs", None, None),
    ("police", "mojha", "agency", "Цагдаагийн ерөнхий газар", "National Police Agency",
     ("{} цагдаагийн газар", "{} Police Department"), "all"),
    ("immigration", "mojha", "agency", "Иргэний харьяалал, шилжилт хөдөлгөөний ерөнхий газар", "Immigration Agency",
     ("{} хилийн шалган нэвтрүүлэх алба", "{} Border Checkpoint Office"), "border"),
    ("mflsp", None, "ministry", "Гэр бүл, хөдөлмөр, нийгмийн хамгааллын яам",
     "Ministry of Family, Labour and Social Protection", None, None),
    ("fcyda", "mflsp", "agency", "Гэр бүл, хүүхэд, залуучуудын хөгжлийн газар",
     "Family, Child and Youth Development Agency",
     ("{} гэр бүл, хүүхэд, залуучуудын хөгжлийн газар", "{} Family, Child and Youth Department"), "all"),
    ("shelter-ub", None, "ngo", "«Хүүхдийн хамгаалах байр» ТББ", "Child Shelter NGO", None, "ub-bayangol"),
    ("safe-home", None, "ngo", "«Аюулгүй гэр» ТББ", "Safe Home NGO", None, "orkhon"),
]  # fmt: skip
# How many of the people work for each (shares of 100).
AGENCY_SHARES = {"police": 55, "immigration": 12, "fcyda": 28, "shelter-ub": 3, "safe-home": 2}
POSITIONS = {
    "police": ["Цагдаа", "Ахлах ахлагч", "Дэслэгч", "Ахлах дэслэгч", "Ахмад", "Мөрдөн байцаагч",
               "Хэсгийн байцаагч"],
    "immigration": ["Хилийн хяналтын байцаагч", "Шилжилт хөдөлгөөний байцаагч", "Ахлах байцаагч"],
    "fcyda": ["Хүүхдийн эрхийн улсын байцаагч", "Нийгмийн ажилтан", "Хүүхэд хамгааллын мэргэжилтэн",
              "Гэр бүлийн хөгжлийн мэргэжилтэн"],
    "shelter-ub": ["Нийгмийн ажилтан", "Сэтгэл зүйч", "Хамгаалах байрны ажилтан"],
    "safe-home": ["Нийгмийн ажилтан", "Сэтгэл зүйч", "Хамгаалах байрны ажилтан"],
}  # fmt: skip
# (value, weight): most say; a few prefer not to, or left it blank.
GENDERS = [(User.Gender.FEMALE, 52), (User.Gender.MALE, 43), (User.Gender.OTHER, 1), (User.Gender.UNSTATED, 2), ("", 2)]
# (Cyrillic, Latin) given names and family names.
GIVEN = [
    ("Батболд", "Batbold"), ("Оюунчимэг", "Oyunchimeg"), ("Энхтуяа", "Enkhtuya"), ("Ганбаатар", "Ganbaatar"),
    ("Нарантуяа", "Narantuya"), ("Төмөрбаатар", "Tumurbaatar"), ("Анужин", "Anujin"), ("Сарангэрэл", "Sarangerel"),
    ("Мөнхзул", "Munkhzul"), ("Тэмүүлэн", "Temuulen"), ("Болормаа", "Bolormaa"), ("Эрдэнэбат", "Erdenebat"),
    ("Хулан", "Khulan"), ("Номин", "Nomin"), ("Бат-Эрдэнэ", "Bat-Erdene"), ("Золбоо", "Zolboo"),
    ("Уянга", "Uyanga"), ("Сүхбат", "Sukhbat"), ("Отгонбаяр", "Otgonbayar"), ("Мөнх-Оргил", "Munkh-Orgil"),
]  # fmt: skip
FAMILY = [
    ("Дорж", "Dorj"), ("Батсүх", "Batsukh"), ("Очир", "Ochir"), ("Болд", "Bold"), ("Гантулга", "Gantulga"),
    ("Дашдондог", "Dashdondog"), ("Сүхээ", "Sukhee"), ("Мөнхбат", "Munkhbat"), ("Цэрэн", "Tseren"),
    ("Пүрэв", "Purev"), ("Лхагва", "Lkhagva"), ("Нямдорж", "Nyamdorj"), ("Баяр", "Bayar"), ("Жаргал", "Jargal"),
]  # fmt: skip
ATTENDANCE = [
    (Attendance.Status.PRESENT, 80), (Attendance.Status.LATE, 7), (Attendance.Status.EXCUSED, 5),
    (Attendance.Status.ABSENT, 8),
]  # fmt: skip
REVOKED_SHARE = 0.015
REVOKE_REASON = "Ирцийн бүртгэлд алдаа гарсан (туршилтын өгөгдөл)."
DEMO_TOT_COURSE = "tot-trauma-informed-interviewing"


class AlreadyGenerated(Exception):
    """Load data are already there: ``reset()`` first."""


# --- The courses --------------------------------------------------------------------------------


@dataclass
class Item:
    key: uuid.UUID
    quiz: QuizPage | None = None  # None for a lesson


@dataclass
class Course:
    page: CoursePage
    items: list[Item]  # lessons and quizzes in course order, the pre-test first
    rule: CertificationRule | None
    title: dict
    snapshot: dict | None

    @property
    def key(self) -> uuid.UUID:
        return self.page.translation_key


@dataclass
class Programme:
    """What is taught: the training-of-trainers course, the course it trains trainers for, and the
    other courses trainers teach (authorised by a coordinator)."""

    tot: Course
    main: Course
    others: list[Course]


def _course(page: CoursePage) -> Course:
    pages = Page.objects.descendant_of(page).live().type(LessonPage, QuizPage).order_by("path").specific()
    items = [Item(p.translation_key, p if isinstance(p, QuizPage) else None) for p in pages]
    items.sort(key=lambda item: 0 if item.quiz and item.quiz.role == QuizPage.Role.PRE_TEST else 1)
    english = CoursePage.objects.filter(translation_key=page.translation_key, locale__language_code="en").first()
    rule = CertificationRule.objects.filter(course_key=page.translation_key).select_related("template").first()
    return Course(
        page=page,
        items=items,
        rule=rule,
        title={"mn": page.title, "en": english.title if english else page.title},
        snapshot=rule.template.snapshot() if rule else None,
    )


def programme() -> Programme:
    """The demo's courses (built by the demo's own code when missing), or, without them, any
    training-of-trainers course of the site with the course it trains for."""
    mn = Locale.objects.get(language_code="mn")
    tots = CoursePage.objects.live().filter(locale=mn, tot_for__isnull=False).select_related("tot_for")
    tot = tots.filter(slug=DEMO_TOT_COURSE).first() or tots.first()
    if tot is None:
        build_demo_courses()
        tot = CoursePage.objects.get(locale=mn, slug=DEMO_TOT_COURSE)
    main = tot.tot_for
    others = CoursePage.objects.live().filter(locale=mn, tot_for__isnull=True).exclude(pk=main.pk).order_by("path")
    return Programme(tot=_course(tot), main=_course(main), others=[_course(page) for page in others])


def build_demo_courses() -> None:
    """The demo's courses, quizzes and certification rules, as ``seed_demo`` writes them, without its people."""
    from .assessments import seed_categories, seed_questions, seed_quiz
    from .assessments_content import QUIZZES
    from .certificates import seed_rules
    from .courses import seed_catalogue, seed_course
    from .courses_content import COURSES
    from .practical import seed_teach_back
    from .support import seed_support

    mn, en = Locale.objects.get(language_code="mn"), Locale.objects.get(language_code="en")
    with transaction.atomic():
        catalogue = seed_catalogue(mn, en)
        contacts = seed_support(mn, en)
        for spec in COURSES:
            seed_course(spec, catalogue, mn, en, contacts)
        seed_teach_back(mn, en)
        categories = seed_categories()
        questions = seed_questions(categories, mn, en)
        for spec in QUIZZES:
            seed_quiz(spec, questions, categories, mn, en)
        seed_rules()


# --- What was made ------------------------------------------------------------------------------


@dataclass
class Made:
    """The rows written, by model, and what the reports must find over the whole period, worked out
    as the records were made (people counted once per figure, as the reports count them)."""

    rows: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    enrolled: set = field(default_factory=set)
    active: set = field(default_factory=set)
    completed: set = field(default_factory=set)
    certified: dict = field(default_factory=lambda: {"valid": set(), "expired": set(), "revoked": set()})
    expiring: set = field(default_factory=set)
    attempts: int = 0
    attempts_passed: int = 0
    sessions_taken: int = 0
    sessions_attended: int = 0
    pairs: int = 0
    seconds: float = 0.0

    def expected(self) -> dict[str, int]:
        return {
            "enrolled": len(self.enrolled),
            "active": len(self.active),
            "completed": len(self.completed),
            "certified_valid": len(self.certified["valid"]),
            "certified_expired": len(self.certified["expired"]),
            "certified_revoked": len(self.certified["revoked"]),
            "expiring": len(self.expiring),
            "attempts": self.attempts,
            "attempts_passed": self.attempts_passed,
            "sessions_taken": self.sessions_taken,
            "sessions_attended": self.sessions_attended,
            "pairs": self.pairs,
        }


def exists() -> bool:
    return Organisation.objects.filter(code__startswith=CODE_PREFIX).exists() or load_people().exists()


def load_people():
    return User.objects.filter(email__endswith=f"@{LOAD_DOMAIN}")


@transaction.atomic
def reset() -> int:
    """Delete every record of the generated people and organisations; how many people were deleted.
    Deleted in bulk (a DELETE per table), in the order the foreign keys ask for."""
    people = load_people().values("pk")
    cohorts = Cohort.objects.filter(Q(lead_trainer__in=people) | Q(organisation__code__startswith=CODE_PREFIX))
    count = load_people().count()
    for queryset in (
        Attendance.objects.filter(Q(learner__in=people) | Q(session__cohort__in=cohorts.values("pk"))),
        TrainingSession.objects.filter(cohort__in=cohorts.values("pk")),
        # The daily reminders before expiry may have been sent to some of them meanwhile.
        ExpiryReminder.objects.filter(certificate__learner__in=people),
        Certificate.objects.filter(learner__in=people),
        TestPair.objects.filter(learner__in=people),
        ActivityMonth.objects.filter(learner__in=people),
        Attempt.objects.filter(learner__in=people),
        LessonProgress.objects.filter(learner__in=people),
        CohortMembership.objects.filter(Q(learner__in=people) | Q(cohort__in=cohorts.values("pk"))),
        Enrolment.objects.filter(learner__in=people),
        TeachingAuthorisation.objects.filter(trainer__in=people),
        cohorts,
        User.groups.through.objects.filter(user__in=people),
        load_people(),
    ):
        # No signal or cascade applies to these generated rows: one DELETE each, not a fetch of every row.
        queryset._raw_delete(queryset.db)
    for root in Organisation.get_root_nodes().filter(code__startswith=CODE_PREFIX):
        root.delete()
    return count


# --- The generator ------------------------------------------------------------------------------


class _Generator:
    def __init__(self, *, learners: int, seed: int, courses: Programme, today: date):
        self.learners = learners
        self.rng = random.Random(seed)  # noqa: S311 (made-up data, not secrets)
        self.courses = courses
        self.today = today
        self.now = timezone.now()
        self.start = today - timedelta(days=365 * YEARS)
        self.made = Made()
        self.password = make_password(None)  # one unusable password for all: nobody signs in as them
        self.serial = 0
        self.codes: set[str] = set()

    # --- small helpers

    def at(self, day: date, hour: int = 9, minute: int = 0) -> datetime:
        return timezone.make_aware(datetime.combine(day, time(hour, minute)))

    def pick(self, weighted):
        values, weights = zip(*weighted, strict=True)
        return self.rng.choices(values, weights)[0]

    def uuid(self) -> uuid.UUID:
        return uuid.UUID(int=self.rng.getrandbits(128), version=4)

    def join_code(self) -> str:
        from cohorts.models.cohort import JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH

        return "".join(self.rng.choice(JOIN_CODE_ALPHABET) for _ in range(JOIN_CODE_LENGTH))

    def certificate_code(self) -> str:
        while True:
            data = "".join(self.rng.choice(codes.ALPHABET) for _ in range(codes.DATA_SYMBOLS))
            code = data + codes._check_symbol(data)  # the module's own check symbol
            if code[-1] in codes.ALPHABET and code not in self.codes:
                self.codes.add(code)
                return code

    def save(self, model, objects: list) -> list:
        created = model.objects.bulk_create(objects, batch_size=BATCH)
        self.made.rows[model._meta.label] += len(created)
        return created

    # --- organisations and people

    def organisations(self) -> None:
        regions = {region.code: region for region in Region.objects.all()}
        everywhere = [code for code, *_ in AIMAGS] + [code for code, *_ in ULAANBAATAR_DISTRICTS]
        self.units: dict[str, list[Organisation]] = {}  # agency → its units (or itself)
        self.top: dict[str, Organisation] = {}
        for code, parent, kind, name_mn, name_en, unit_names, where in AGENCIES:
            fields = {"kind": kind, "name_mn": name_mn, "name_en": name_en}
            if where not in (None, "all", "border"):
                fields["region"] = regions[where]
            # Siblings are kept in name order: adding one may move the others' paths, so the parent
            # is read again before each child is added under it.
            node = (
                Organisation.objects.get(pk=self.top[parent].pk).add_child(code=CODE_PREFIX + code, **fields)
                if parent
                else Organisation.add_root(code=CODE_PREFIX + code, **fields)
            )
            self.top[code] = node
            if unit_names is None:
                if code in AGENCY_SHARES:
                    self.units[code] = [node]
                continue
            units = []
            for region_code in everywhere if where == "all" else BORDER:
                region = regions[region_code]
                units.append(
                    Organisation.objects.get(pk=node.pk).add_child(
                        code=f"{CODE_PREFIX}{code}-{region_code}",
                        kind=Organisation.Kind.UNIT,
                        region=region,
                        name_mn=unit_names[0].format(region.name_mn),
                        name_en=unit_names[1].format(region.name_en),
                    )
                )
            self.units[code] = units
        self.made.rows["accounts.Organisation"] = Organisation.objects.filter(code__startswith=CODE_PREFIX).count()
        # Units by region, for putting trainees near their trainer.
        self.units_in: dict[int, list[tuple[str, Organisation]]] = defaultdict(list)
        for agency, units in self.units.items():
            for unit in units:
                self.units_in[unit.region_id].append((agency, unit))

    def person(self, agency: str, unit: Organisation, *, joined: date, role_names: str = "") -> User:
        self.serial += 1
        family, given = self.rng.choice(FAMILY), self.rng.choice(GIVEN)
        # Most people name their region; the others count in their unit's.
        region = unit.region_id if self.rng.random() < 0.8 else None
        return User(
            email=f"person{self.serial:06d}@{LOAD_DOMAIN}",
            password=self.password,
            last_name=family[0],
            first_name=given[0],
            latin_last_name=family[1],
            latin_first_name=given[1],
            organisation=unit,
            region_id=region,
            position=self.rng.choice(POSITIONS[agency]),
            gender=self.pick(GENDERS),
            preferred_language="mn" if self.rng.random() < 0.9 else "en",
            date_joined=self.at(joined, 8),
            role_names=role_names,
        )

    def anywhere(self) -> tuple[str, Organisation]:
        agency = self.pick(AGENCY_SHARES.items())
        return agency, self.rng.choice(self.units[agency])

    def near(self, unit: Organisation) -> tuple[str, Organisation]:
        """A unit in ``unit``'s region, mostly of the same agency; anywhere for a unit without a region."""
        here = self.units_in.get(unit.region_id) or []
        same = [pair for pair in here if pair[1].pk == unit.pk]
        if same and self.rng.random() < 0.6:
            return same[0]
        return self.rng.choice(here) if here else self.anywhere()

    def staff(self) -> None:
        trainers = max(2, self.learners // TRAINEES_PER_TRAINER)
        masters = max(1, trainers // TRAINERS_PER_MASTER)
        coordinators = []
        for agency in AGENCY_SHARES:
            top = self.top[agency]
            coordinators.append(
                self.person(agency, top, joined=self.start - timedelta(days=400), role_names=roles.COORDINATOR)
            )
        masters_made = [
            self.person(*self.anywhere(), joined=self.start - timedelta(days=300),
                        role_names=f"{roles.MASTER_TRAINER} {roles.TRAINER}")
            for _ in range(masters)
        ]  # fmt: skip
        # Trainers hold the role once authorised, which the whole cascade below is.
        trainers_made = [self.person(*self.anywhere(), joined=self.start - timedelta(days=200),
                                     role_names=roles.TRAINER) for _ in range(trainers)]  # fmt: skip
        coordinators, self.masters, self.trainers = (
            self.save(User, coordinators),
            self.save(User, masters_made),
            self.save(User, trainers_made),
        )
        self.coordinators = dict(zip(AGENCY_SHARES, coordinators, strict=True))
        self.coordinator = coordinators[0]
        groups = {group.name: group for group in Group.objects.filter(name__in=roles.GROUP_ROLES)}
        for name in (roles.COORDINATOR, roles.MASTER_TRAINER, roles.TRAINER):
            if name not in groups:
                groups[name] = Group.objects.create(name=name)
        through = User.groups.through
        members = [through(user_id=u.pk, group_id=groups[roles.COORDINATOR].pk) for u in coordinators]
        for master in self.masters:
            members += [through(user_id=master.pk, group_id=groups[name].pk)
                        for name in (roles.MASTER_TRAINER, roles.TRAINER)]  # fmt: skip
        members += [through(user_id=trainer.pk, group_id=groups[roles.TRAINER].pk) for trainer in self.trainers]
        self.save(through, members)  # ``role_names`` was written with each person, as the groups say

    # --- the cascade

    def authorise(self, trainer: User, course: Course, *, when: datetime, cohort: Cohort | None = None):
        by_cohort = cohort is not None
        return TeachingAuthorisation(
            trainer=trainer,
            course_key=course.key,
            basis=TeachingAuthorisation.Basis.TOT_COHORT if by_cohort else TeachingAuthorisation.Basis.COORDINATOR,
            evidence="" if by_cohort else "Сургагч багшийн сертификаттай (туршилтын өгөгдөл).",
            source_cohort=cohort,
            granted_by=cohort.lead_trainer if by_cohort else self.coordinator,
            granted_at=when,
        )

    def cohort(self, course: Course, trainer: User, starts: date, *, name: str, mode: str) -> Cohort:
        closed = starts < self.today - timedelta(days=60)
        unit = trainer.organisation
        return Cohort(
            name=name,
            course_key=course.key,
            lead_trainer=trainer,
            organisation=unit,
            mode=mode,
            starts_on=starts,
            ends_on=starts + timedelta(days=42),
            region_id=unit.region_id,
            location=unit.name_mn if mode != Cohort.Mode.ONLINE else "",
            status=Cohort.Status.CLOSED if closed else Cohort.Status.RUNNING,
            join_code=self.join_code(),
            join_code_enabled=not closed,
            min_attendance_percent=75 if mode != Cohort.Mode.ONLINE else None,
            created_by=trainer,
            created_at=self.at(starts - timedelta(days=14)),
        )

    def sessions(self, cohorts: list[Cohort]) -> dict[int, list[TrainingSession]]:
        made = []
        for cohort in cohorts:
            if cohort.mode == Cohort.Mode.ONLINE:
                continue
            for n, offset in enumerate((0, 7, 14) if cohort.mode == Cohort.Mode.IN_PERSON else (0, 21), start=1):
                starts = self.at(cohort.starts_on + timedelta(days=offset), 10)
                made.append(
                    TrainingSession(
                        cohort=cohort,
                        title=f"Танхимын хичээл {n}",
                        starts_at=starts,
                        ends_at=starts + timedelta(hours=4),
                        place=cohort.location,
                        attendance_taken_at=starts + timedelta(hours=4) if starts < self.now else None,
                    )
                )
        by_cohort: dict[int, list[TrainingSession]] = defaultdict(list)
        for session in self.save(TrainingSession, made):
            by_cohort[session.cohort_id].append(session)
        return by_cohort

    def cascade(self) -> None:
        """Master trainers authorised by hand; training-of-trainers cohorts train the trainers, whose
        completing authorises them; every trainer is also authorised by hand for the other courses."""
        programme = self.courses
        before = self.at(self.start - timedelta(days=90))
        self.save(
            TeachingAuthorisation,
            [
                self.authorise(master, course, when=before)
                for master in self.masters
                for course in (programme.tot, programme.main, *programme.others)
            ],
        )
        tots, groups = [], []
        trainers = list(self.trainers)
        self.rng.shuffle(trainers)
        for n in range(0, len(trainers), TRAINERS_PER_TOT):
            master = self.masters[(n // TRAINERS_PER_TOT) % len(self.masters)]
            # The programme opens with a first training of trainers; the others follow over two years.
            starts = self.start - timedelta(days=60) + timedelta(days=self.rng.randrange(0, 365 * 2 - 60) if n else 0)
            name = f"Сургагч бэлтгэх сургалт {n // TRAINERS_PER_TOT + 1}"
            tots.append(self.cohort(programme.tot, master, starts, name=name, mode=Cohort.Mode.BLENDED))
            groups.append(trainers[n : n + TRAINERS_PER_TOT])
        tots = self.save(Cohort, tots)
        sessions = self.sessions(tots)
        self.authorised_on: dict[int, date] = {}
        authorisations = []
        for cohort, group in zip(tots, groups, strict=True):
            finished = self.train(cohort, group, programme.tot, sessions.get(cohort.pk, []), complete=True)
            for trainer in group:
                done = finished[trainer.pk]
                self.authorised_on[trainer.pk] = done.date()
                authorisations.append(self.authorise(trainer, programme.main, when=done, cohort=cohort))
                authorisations += [
                    self.authorise(trainer, course, when=done + timedelta(days=1)) for course in programme.others
                ]
        self.flush()
        self.save(TeachingAuthorisation, authorisations)

    def trainee_cohorts(self) -> None:
        courses = [self.courses.main, *self.courses.others]
        weights = [70] + [30 / max(1, len(self.courses.others))] * len(self.courses.others)
        cohorts, count = [], max(1, round(self.learners / TRAINEES_PER_COHORT))
        for n in range(count):
            trainer = self.trainers[n % len(self.trainers)]
            earliest = self.authorised_on[trainer.pk] + timedelta(days=7)
            latest = self.today - timedelta(days=3)
            starts = earliest + timedelta(days=self.rng.randrange(0, max(1, (latest - earliest).days)))
            course = self.rng.choices(courses, weights)[0]
            mode = self.pick([(Cohort.Mode.IN_PERSON, 40), (Cohort.Mode.BLENDED, 30), (Cohort.Mode.ONLINE, 30)])
            cohorts.append(self.cohort(course, trainer, starts, name=f"Сургалтын бүлэг {n + 1}", mode=mode))
        self.trainee_groups = self.save(Cohort, cohorts)
        self.by_key = {course.key: course for course in courses}

    def trainees(self) -> None:
        left, cohorts = self.learners, self.trainee_groups
        for start in range(0, len(cohorts), CHUNK_COHORTS):
            chunk = cohorts[start : start + CHUNK_COHORTS]
            sessions = self.sessions(chunk)
            for n, cohort in enumerate(chunk):
                # The learners shared out among the cohorts, the last taking what is left.
                size = left if start + n == len(cohorts) - 1 else min(left, TRAINEES_PER_COHORT)
                left -= size
                people = [self.person(*self.near(cohort.organisation), joined=cohort.starts_on - timedelta(days=3))
                          for _ in range(size)]  # fmt: skip
                self.pending_people.append((cohort, people, sessions.get(cohort.pk, [])))
            self.flush()

    # --- one cohort's trainees

    def train(self, cohort, people, course: Course, sessions, *, complete=False) -> dict[int, datetime]:
        """Queue ``people``'s records in ``cohort`` (they are saved already); when each finished."""
        finished = {}
        for person in people:
            done = self.learn(cohort, person, course, sessions, complete=complete)
            if done is not None:
                finished[person.pk] = done
        return finished

    def learn(self, cohort, person, course: Course, sessions, *, complete: bool) -> datetime | None:
        rng, queue = self.rng, self.queue
        joined = self.at(cohort.starts_on, 9, rng.randrange(0, 50))
        withdrawn = not complete and rng.random() < 0.07
        will_finish = complete or (not withdrawn and rng.random() < 0.72)
        total = len(course.items)
        reach = total if will_finish else rng.randrange(0, max(1, total))
        pace = timedelta(hours=rng.randrange(10, 60))  # between one item and the next
        enrolment = Enrolment(
            learner=person, course_key=course.key, source=Enrolment.Source.COHORT, enrolled_at=joined,
            status=Enrolment.Status.ACTIVE,
        )  # fmt: skip
        membership = CohortMembership(
            cohort=cohort, learner=person, trained_by=cohort.lead_trainer, enrolment=enrolment,
            status=CohortMembership.Status.ACTIVE, source=self.pick([
                (CohortMembership.Source.IMPORT, 50), (CohortMembership.Source.JOIN_CODE, 30),
                (CohortMembership.Source.INVITATION, 20)]),
            joined_at=joined,
        )  # fmt: skip
        queue[Enrolment].append(enrolment)
        queue[CohortMembership].append(membership)
        self.made.enrolled.add(person.pk)
        moment, pre, done_all = joined + timedelta(minutes=20), None, True
        for index, item in enumerate(course.items[:reach]):
            if moment >= self.now:
                done_all = False
                break
            self.made.active.add(person.pk)
            if item.quiz is None:
                queue[LessonProgress].append(
                    LessonProgress(learner=person, course_key=course.key, lesson_key=item.key, first_opened_at=moment,
                                   last_opened_at=moment + timedelta(minutes=25), completed_at=moment
                                   + timedelta(minutes=25), seconds_spent=rng.randrange(300, 2400))
                )  # fmt: skip
            else:
                pre = self.attempts(person, course, item.quiz, moment, pre)
            moment += pace if index else timedelta(minutes=40)
        else:
            done_all = reach == total
        if reach < total and moment < self.now and not withdrawn:
            # Opened the next lesson, not finished it.
            item = course.items[reach]
            if item.quiz is None:
                self.made.active.add(person.pk)
                queue[LessonProgress].append(
                    LessonProgress(learner=person, course_key=course.key, lesson_key=item.key, first_opened_at=moment,
                                   last_opened_at=moment + timedelta(minutes=10))
                )  # fmt: skip
        self.attend(person, cohort, sessions)
        last = min(moment, self.now - timedelta(minutes=1))
        enrolment.last_activity_at = last if person.pk in self.made.active else None
        if withdrawn:
            enrolment.status, enrolment.withdrawn_at = Enrolment.Status.WITHDRAWN, last
            membership.status, membership.left_at = CohortMembership.Status.WITHDRAWN, last
            return None
        if not (will_finish and done_all):
            return None
        enrolment.status, enrolment.completed_at = Enrolment.Status.COMPLETED, last
        membership.status, membership.completed_at = CohortMembership.Status.COMPLETED, last
        self.made.completed.add(person.pk)
        self.certify(person, course, last)
        return last

    def attempts(self, person, course: Course, quiz: QuizPage, moment: datetime, pre: Decimal | None):
        """The attempts at one quiz until passed (two at most for a module quiz); the pre-test's grade."""
        rng, role = self.rng, quiz.role
        if role == QuizPage.Role.PRE_TEST:
            scores = [rng.gauss(52, 15)]
        elif role == QuizPage.Role.POST_TEST:
            scores = [(pre if pre is not None else 55) + Decimal(str(round(rng.gauss(22, 10), 2)))]
        else:
            scores = [rng.gauss(74, 14)]
            if scores[0] < quiz.pass_mark:
                scores.append(rng.gauss(82, 8))
        grades = []
        for number, score in enumerate(scores, start=1):
            percent = Decimal(str(round(min(100.0, max(0.0, float(score))), 2)))
            passed = percent >= quiz.pass_mark
            started = moment + timedelta(hours=number - 1)
            self.queue[Attempt].append(
                Attempt(
                    learner=person, quiz_key=quiz.translation_key, course_key=course.key, number=number,
                    state=Attempt.State.SUBMITTED, language=person.preferred_language, started_at=started,
                    submitted_at=started + timedelta(minutes=15), pass_mark=quiz.pass_mark,
                    score=percent / 10, max_score=Decimal(10), percent=percent, passed=passed,
                )
            )  # fmt: skip
            self.made.attempts += 1
            self.made.attempts_passed += passed
            grades.append(percent)
        if role == QuizPage.Role.POST_TEST and pre is not None:
            self.made.pairs += 1
        return grades[0] if role == QuizPage.Role.PRE_TEST else pre

    def attend(self, person, cohort, sessions) -> None:
        for session in sessions:
            if session.starts_at >= self.now:
                continue
            status = self.pick(ATTENDANCE)
            self.queue[Attendance].append(
                Attendance(session=session, learner=person, status=status, recorded_by=cohort.lead_trainer,
                           recorded_at=session.starts_at + timedelta(hours=4))
            )  # fmt: skip
            self.made.sessions_taken += 1
            self.made.sessions_attended += status in Attendance.ATTENDED
            self.made.active.add(person.pk)

    def certify(self, person, course: Course, completed: datetime) -> None:
        rule = course.rule
        if rule is None or not rule.active:
            return
        issued_on = timezone.localtime(completed).date()
        expires_on = None
        if rule.validity_months:
            months = issued_on.month - 1 + rule.validity_months
            year, month = issued_on.year + months // 12, months % 12 + 1
            expires_on = date(year, month, min(issued_on.day, 28))
        revoked = self.rng.random() < REVOKED_SHARE
        recorded = completed + timedelta(minutes=5)
        self.queue[Certificate].append(
            Certificate(
                learner=person, rule=rule, course_key=course.key, chain=self.uuid(), cycle=1,
                code=self.certificate_code(),
                state=Certificate.State.REVOKED if revoked else Certificate.State.ISSUED,
                holder_name=f"{person.last_name} {person.first_name}",
                holder_name_latin=f"{person.latin_first_name} {person.latin_last_name}",
                course_title=course.title, hours=course.page.estimated_hours, completed_on=issued_on,
                issued_on=issued_on, expires_on=expires_on, template=course.snapshot, created_at=recorded,
                rendered_at=recorded, email_started_at=recorded, emailed_at=recorded,
                revoked_at=recorded + timedelta(days=30) if revoked else None,
                revoked_by=self.coordinator if revoked else None, revoked_reason=REVOKE_REASON if revoked else "",
            )
        )  # fmt: skip
        if revoked:
            self.made.certified["revoked"].add(person.pk)
        elif expires_on is not None and expires_on < self.today:
            self.made.certified["expired"].add(person.pk)
        else:
            self.made.certified["valid"].add(person.pk)
            if expires_on is not None and expires_on <= self.today + timedelta(days=90):
                self.made.expiring.add(person.pk)

    # --- writing

    def flush(self) -> None:
        """Save the people waiting, then their records in the order of the foreign keys."""
        if self.pending_people:
            everyone = self.save(User, [person for _cohort, people, _sessions in self.pending_people
                                        for person in people])  # fmt: skip
            del everyone
            for cohort, people, sessions in self.pending_people:
                self.train(cohort, people, self.by_key[cohort.course_key], sessions)
            self.pending_people = []
        for model in (Enrolment, CohortMembership, LessonProgress, Attempt, Attendance, Certificate):
            rows = self.queue.pop(model, [])
            if rows:
                # A membership's enrolment was saved just before: bulk_create takes its new key.
                self.save(model, rows)

    def run(self) -> Made:
        began = clock.perf_counter()
        self.queue: dict = defaultdict(list)
        self.pending_people: list = []
        self.organisations()
        self.staff()
        self.cascade()
        self.trainee_cohorts()
        self.trainees()
        self.flush()
        self.made.seconds = clock.perf_counter() - began
        return self.made


def generate(*, learners: int, seed: int = 1, courses: Programme | None = None, today: date | None = None) -> Made:
    """Generate ``learners`` trainees with their trainers and master trainers; refuses when load data
    are already there (``AlreadyGenerated``)."""
    if learners < 1:
        raise ValueError("learners must be at least 1")
    with transaction.atomic():
        if exists():
            raise AlreadyGenerated("Load data already exist: reset them first.")
        courses = courses or programme()
        made = _Generator(learners=learners, seed=seed, courses=courses, today=today or timezone.localdate()).run()
        # The records went in with bulk_create, which the report's summaries do not hear of.
        test_pairs.rebuild()
        activity.rebuild()
    if connection.vendor == "postgresql":
        # Fresh statistics: planned on the empty tables' figures, one report query took minutes. And,
        # where it can run (not inside a transaction, as a test's is), VACUUM: the visibility map set
        # as autovacuum would set it on a live database soon after, so that the report reads the
        # indexes that hold what it needs alone, as it would there.
        verb = "ANALYZE" if connection.in_atomic_block else "VACUUM (ANALYZE)"
        with connection.cursor() as cursor:
            for model in (User, Enrolment, LessonProgress, Attempt, Attendance, TrainingSession,
                          CohortMembership, Cohort, Certificate, TeachingAuthorisation, TestPair,
                          ActivityMonth):  # fmt: skip
                cursor.execute(f"{verb} {connection.ops.quote_name(model._meta.db_table)}")
    return made
