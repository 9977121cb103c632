"""The demo's cascade, written for Cascade: who authorised the master trainer, the training-of-trainers
cohort that authorised the two trainers, and the cohort each of them runs, with fictional trainees.

Everything here is fictional. Names are realistic Mongolian names; the Latin spellings are the ones a
passport would carry. Days count from the day a cohort starts, so that the demo looks the same
whenever it is built; a cohort's start counts from the day the demo is built.
"""

INTERVIEWING = "trauma-informed-interviewing"
TOT = "tot-trauma-informed-interviewing"

# The master trainer was authorised by hand, before the training-of-trainers ran: (course slug, reason).
MASTER = "master@demo.mn"
MASTER_GRANTED_BY = "coordinator@demo.mn"
MASTER_AUTHORISED_DAYS_AGO = 160
MASTER_AUTHORISATIONS = [
    (
        INTERVIEWING,
        "Хүүхэдтэй ярилцлага хийх сургалтыг 2018 оноос хойш зааж ирсэн, сургалтыг Cascade-д бүрэн дүүргэсэн. "
        "Сургалтын албаны 2025 оны 12 дугаар тушаалаар.",
    ),
    (
        TOT,
        "Сургагч багш бэлтгэх сургалтыг дөрвөн удаа удирдан явуулсан туршлагатай. Сургалтын албаны 2025 оны "
        "12 дугаар тушаалаар мастер сургагч багшаар томилов.",
    ),
]

# (e-mail, organisation code, region code, family name, given name, Latin family, Latin given,
#  position, gender, preferred language)
TRAINEES = [
    # Police officers and an inspector in Ulaanbaatar: trainer@'s online cohort.
    ("trainee01@demo.mn", "police-bayanzurkh", "ub-bayanzurkh", "Лхагвасүрэн", "Батбаяр", "Lkhagvasuren",
     "Batbayar", "Дэслэгч, хэсгийн байцаагч", "male", "mn"),
    ("trainee02@demo.mn", "police-bayanzurkh", "ub-bayanzurkh", "Цэрэндорж", "Солонго", "Tserendorj",
     "Solongo", "Ахлах дэслэгч, хүүхэд хамгааллын байцаагч", "female", "mn"),
    ("trainee03@demo.mn", "police-bayanzurkh", "ub-bayanzurkh", "Ганбат", "Мөнх-Эрдэнэ", "Ganbat",
     "Munkh-Erdene", "Ахлах ахлагч, эргүүлийн цагдаа", "male", "mn"),
    ("trainee04@demo.mn", "police-bayanzurkh", "ub-bayanzurkh", "Нямдорж", "Хулан", "Nyamdorj", "Khulan",
     "Дэслэгч, мөрдөгч", "female", "en"),
    ("trainee05@demo.mn", "police-bayanzurkh", "ub-bayanzurkh", "Пүрэвдорж", "Тэмүүлэн", "Purevdorj",
     "Temuulen", "Ахлагч, жижүүрийн цагдаа", "male", "mn"),
    ("trainee06@demo.mn", "police", "ub-bayanzurkh", "Жамъян", "Отгонбаяр", "Jamiyan", "Otgonbayar",
     "Ахмад, мөрдөн байцаагч", "male", "mn"),
    ("trainee07@demo.mn", "fcyda", "ub-bayanzurkh", "Сэрээтэр", "Энхжаргал", "Sereeter", "Enkhjargal",
     "Нийгмийн ажилтан", "female", "mn"),
    ("trainee08@demo.mn", "fcyda", "ub-bayanzurkh", "Мягмар", "Дэлгэрмаа", "Myagmar", "Delgermaa",
     "Хүүхдийн эрхийн улсын байцаагч", "female", "mn"),
    # Social workers, shelter staff and police in Darkhan-Uul: trainer2@'s cohort in person.
    ("trainee09@demo.mn", "safe-childhood", "darkhan-uul", "Эрдэнэбат", "Алтанцэцэг", "Erdenebat",
     "Altantsetseg", "Сумын нийгмийн ажилтан", "female", "mn"),
    ("trainee10@demo.mn", "police", "darkhan-uul", "Гомбо", "Түвшинжаргал", "Gombo", "Tuvshinjargal",
     "Ахлах дэслэгч, хүүхдийн асуудал хариуцсан байцаагч", "male", "mn"),
    ("trainee11@demo.mn", "fcyda", "darkhan-uul", "Шагдар", "Цэцэгмаа", "Shagdar", "Tsetsegmaa",
     "Гэр бүл, хүүхэд, залуучуудын хөгжлийн хэлтсийн мэргэжилтэн", "female", "mn"),
    ("trainee12@demo.mn", "police", "darkhan-uul", "Хүрэлбаатар", "Бат-Очир", "Khurelbaatar", "Bat-Ochir",
     "Ахлагч, эргүүлийн цагдаа", "male", "mn"),
    ("trainee13@demo.mn", "safe-childhood", "darkhan-uul", "Төмөрхуяг", "Наранцэцэг", "Tumurkhuyag",
     "Narantsetseg", "Түр хамгаалах байрны ажилтан", "female", "mn"),
    ("trainee14@demo.mn", "fcyda", "darkhan-uul", "Равдан", "Жаргалсайхан", "Ravdan", "Jargalsaikhan",
     "Хүүхэд хамгааллын мэргэжилтэн", "male", "mn"),
    ("trainee15@demo.mn", "safe-childhood", "darkhan-uul", "Баатар", "Эрдэнэчимэг", "Baatar", "Erdenechimeg",
     "Сэтгэл зүйч", "female", "mn"),
    ("trainee16@demo.mn", "police", "darkhan-uul", "Дамдин", "Наранбаатар", "Damdin", "Naranbaatar",
     "Дэслэгч, мөрдөгч", "male", "mn"),
    # Asks to join trainer@'s cohort with its code, and waits for the trainer's approval.
    ("trainee17@demo.mn", "police-bayanzurkh", "ub-bayanzurkh", "Чулуун", "Ууганбаяр", "Chuluun", "Uuganbayar",
     "Дэслэгч, хэсгийн байцаагч", "male", "mn"),
]  # fmt: skip

# How far a trainee is in the course: (required items done in course order, lessons and passed quizzes,
# None for all of them; failed attempts at the quiz that comes next; essays marked by the trainer).
STAGES = {
    "not_started": (0, 0, True),
    "few_lessons": (2, 0, True),
    "half_way": (6, 0, True),  # the first module and its quiz, and two lessons of the second
    "failed_twice": (3, 2, True),  # the first module's lessons, then its quiz failed twice
    "inactive": (3, 0, True),  # stopped before the first quiz; their last activity is weeks ago
    "awaiting_marking": (None, 0, False),  # everything done; the last quiz's essay waits for the trainer
    "completed": (None, 0, True),
}

# Each cohort, in the order they ran. ``members``: (e-mail, stage or None to leave what the demo's
# courses already recorded, day they joined, day of their last activity or None). A session's ``marks``
# are the exceptions when attendance was taken (everyone else was present); future sessions have none.
# ``afterwards``: what the trainer changed once the trainees were in; ``requests``: who then asked to join.
COHORTS = [
    {
        "name": "Сургагч багш бэлтгэх сургалт: хүүхэдтэй ярилцлага — 1-р ээлж, Улаанбаатар",
        "course": TOT,
        "lead": "master@demo.mn",
        "organisation": "police",
        "mode": "in_person",
        "region": None,
        "location": "Цагдаагийн ерөнхий газрын сургалтын танхим, Улаанбаатар",
        "starts": -130,
        "days": 10,
        "capacity": 12,
        "min_attendance_percent": 80,
        "source": "trainer",
        "members": [
            ("trainer@demo.mn", None, 0, 9),
            ("trainer2@demo.mn", None, 0, 10),
        ],
        # The teach-back, scored by the lead trainer: (day, the level of each criterion, comments on
        # criteria by their position, overall comment). trainer2@ passes on the second observation.
        "observations": {
            "trainer@demo.mn": [
                (9, [3, 2, 3, 3, 2, 2], {}, "Асуултын дарааллыг маш сайн үзүүлсэн. Цагаа илүү сайн төлөвлөөрэй."),
            ],
            "trainer2@demo.mn": [
                (
                    9,
                    [2, 1, 0, 1, 2, 1],
                    {2: "Дадлагын ярилцлагад хоёр удаа чиглүүлсэн асуулт асуусан («Тэр чамайг цохисон уу?»)."},
                    "Нээлттэй асуултын дарааллыг дахин бэлтгээд маргааш дахин заана.",
                ),
                (10, [2, 2, 2, 3, 2, 2], {}, "Нээлттэй асуултыг тууштай ашигласан. Тэнцсэн."),
            ],
        },
        "sessions": [
            {"title": "1-р өдөр: Насанд хүрэгчдийн сургалтын зарчим", "day": 0, "at": "09:30", "hours": 6,
             "module": "facilitation-and-practice", "marks": {}},
            {"title": "2-р өдөр: Дадлагын ярилцлага, санал хүсэлт өгөх", "day": 1, "at": "09:30", "hours": 6,
             "module": "facilitation-and-practice", "marks": {"trainer2@demo.mn": "late"}},
            {"title": "3-р өдөр: Суралцагчдын сэтгэл зүйн аюулгүй байдал", "day": 2, "at": "09:30", "hours": 6,
             "module": "teach-back-and-trainee-safety", "marks": {}},
            {"title": "Заах дадлага ба үнэлгээ", "day": 9, "at": "10:00", "hours": 4,
             "module": "teach-back-and-trainee-safety", "marks": {}},
        ],
        "afterwards": {"status": "closed"},
        "requests": [],
    },
    {
        "name": "Хүүхэдтэй ярилцлага — Баянзүрх, цахим бүлэг",
        "course": INTERVIEWING,
        "lead": "trainer@demo.mn",
        "organisation": "police-bayanzurkh",
        "mode": "online",
        "region": None,
        "location": "Цахим хэлбэрээр, долоо хоног бүрийн видео уулзалттай",
        "place": "Видео уулзалт (холбоосыг сургагч багш илгээнэ)",  # of the sessions; else the location
        "starts": -45,
        "days": 60,
        "capacity": None,
        "min_attendance_percent": None,
        "source": "join_code",
        "members": [
            ("learner@demo.mn", None, 0, None),
            ("trainee01@demo.mn", "completed", 0, 39),
            ("trainee02@demo.mn", "completed", 1, 43),
            ("trainee03@demo.mn", "half_way", 0, 42),
            ("trainee04@demo.mn", "few_lessons", 2, 40),
            ("trainee05@demo.mn", "failed_twice", 1, 44),
            ("trainee06@demo.mn", "inactive", 0, 21),  # three weeks and more without a sign of them
            ("trainee07@demo.mn", "not_started", 38, None),  # joined a week ago
            ("trainee08@demo.mn", "awaiting_marking", 0, 44),
        ],
        "sessions": [
            {"title": "Танилцах уулзалт: сургалтын зорилго, дүрэм", "day": 0, "at": "17:00", "hours": 1,
             "module": None, "marks": {"trainee07@demo.mn": "excused"}},
            {"title": "Сэтгэл зүйн гэмтэл ба хүүхэд: асуулт, хариулт", "day": 14, "at": "17:00", "hours": 1,
             "module": "trauma-and-the-child",
             "marks": {"learner@demo.mn": "absent", "trainee05@demo.mn": "late", "trainee07@demo.mn": "excused"}},
            {"title": "Ярилцлагын дадлага: хосоороо дүрд тоглох", "day": 35, "at": "17:00", "hours": 2,
             "module": "conducting-the-interview",
             "marks": {"trainee06@demo.mn": "absent", "trainee04@demo.mn": "late", "trainee07@demo.mn": "excused"}},
            {"title": "Ярилцлагын дараа: холбон зуучлах, өөртөө анхаарал тавих", "day": 49, "at": "17:00",
             "hours": 1, "module": "after-the-interview", "marks": {}},
            {"title": "Хаалтын уулзалт", "day": 58, "at": "17:00", "hours": 1, "module": None, "marks": {}},
        ],
        "afterwards": {"requires_approval": True},
        "requests": ["trainee17@demo.mn"],
    },
    {
        "name": "Хүүхэдтэй ярилцлага — Дархан-Уул, танхимын бүлэг",
        "course": INTERVIEWING,
        "lead": "trainer2@demo.mn",
        "organisation": "safe-childhood",
        "mode": "in_person",
        "region": "darkhan-uul",
        "location": "«Аюулгүй бага нас» ТББ-ын сургалтын танхим, Дархан сум",
        "starts": -38,
        "days": 55,
        "capacity": 16,
        "min_attendance_percent": 75,
        "source": "trainer",
        "members": [
            ("learner2@demo.mn", None, 0, None),
            ("trainee09@demo.mn", "completed", 0, 27),
            ("trainee10@demo.mn", "completed", 0, 33),
            ("trainee11@demo.mn", "half_way", 0, 35),
            ("trainee12@demo.mn", "few_lessons", 0, 31),
            ("trainee13@demo.mn", "failed_twice", 0, 36),
            ("trainee14@demo.mn", "inactive", 0, 15),  # came to the first sessions, then stopped
            ("trainee15@demo.mn", "not_started", 30, None),  # joined after most sessions
            ("trainee16@demo.mn", "completed", 0, 34),  # finished online, but missed half the sessions
        ],
        "sessions": [
            {"title": "1-р модуль: Сэтгэл зүйн гэмтэл ба хүүхэд", "day": 0, "at": "10:00", "hours": 3,
             "module": "trauma-and-the-child", "marks": {"trainee10@demo.mn": "late", "trainee15@demo.mn": "excused"}},
            {"title": "2-р модуль: Ярилцлагыг төлөвлөх, итгэлцэл тогтоох", "day": 7, "at": "10:00", "hours": 3,
             "module": "conducting-the-interview",
             "marks": {"trainee13@demo.mn": "late", "trainee16@demo.mn": "absent", "trainee15@demo.mn": "excused"}},
            {"title": "Чөлөөт ярилт ба нээлттэй асуулт: дадлага", "day": 14, "at": "10:00", "hours": 3,
             "module": "conducting-the-interview",
             "marks": {"learner2@demo.mn": "excused", "trainee14@demo.mn": "late", "trainee15@demo.mn": "excused"}},
            {"title": "3-р модуль: Ярилцлагын дараа", "day": 28, "at": "10:00", "hours": 3,
             "module": "after-the-interview",
             "marks": {"trainee12@demo.mn": "absent", "trainee14@demo.mn": "absent", "trainee16@demo.mn": "absent",
                       "trainee15@demo.mn": "excused"}},
            {"title": "Дадлагын ярилцлага ба санал хүсэлт", "day": 42, "at": "10:00", "hours": 3,
             "module": None, "marks": {}},
            {"title": "Хаалт: эргэцүүлэл, дараагийн алхам", "day": 52, "at": "10:00", "hours": 2,
             "module": None, "marks": {}},
        ],
        "afterwards": {},
        "requests": [],
    },
]  # fmt: skip
