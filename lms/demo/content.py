"""The demo's data, written for Cascade: organisations, people and the home page in both languages.

Everything here is fictional. Names are realistic Mongolian names; the Latin spellings are
the ones a passport would carry, which is not always the plain transliteration.
"""

# Published on purpose: seed_demo refuses to run unless DEBUG is on.
DEMO_PASSWORD = "Cascade-demo-2026"  # noqa: S105

# (code, parent code, kind, region code, Mongolian name, English name)
ORGANISATIONS = [
    ("mojha", None, "ministry", None, "Хууль зүй, дотоод хэргийн яам", "Ministry of Justice and Home Affairs"),
    ("police", "mojha", "agency", None, "Цагдаагийн ерөнхий газар", "National Police Agency"),
    (
        "police-bayanzurkh",
        "police",
        "unit",
        "ub-bayanzurkh",
        "Баянзүрх дүүргийн цагдаагийн хэлтэс",
        "Bayanzürkh District Police Division",
    ),
    (
        "mflsp",
        None,
        "ministry",
        None,
        "Гэр бүл, хөдөлмөр, нийгмийн хамгааллын яам",
        "Ministry of Family, Labour and Social Protection",
    ),
    (
        "fcyda",
        "mflsp",
        "agency",
        None,
        "Гэр бүл, хүүхэд, залуучуудын хөгжлийн газар",
        "Family, Child and Youth Development Agency",
    ),
    ("safe-childhood", None, "ngo", "darkhan-uul", "«Аюулгүй бага нас» ТББ", "Safe Childhood NGO"),
]

# (email, roles, organisation code, region code, family name, given name, Latin family, Latin given,
#  position, gender, preferred language)
PEOPLE = [
    ("admin@demo.mn", ["admin"], "mojha", None, "Дорж", "Батболд", "Dorj", "Batbold",
     "Системийн администратор", "male", "mn"),
    ("editor@demo.mn", ["editor"], "fcyda", None, "Мөнхбат", "Сарангэрэл", "Munkhbat", "Sarangerel",
     "Сургалтын агуулгын мэргэжилтэн", "female", "mn"),
    ("coordinator@demo.mn", ["coordinator"], "police", None, "Гантулга", "Оюунчимэг", "Gantulga", "Oyunchimeg",
     "Сургалтын албаны дарга, хурандаа", "female", "mn"),
    ("master@demo.mn", ["master_trainer", "trainer"], "police", None, "Батсүх", "Энхтуяа", "Batsukh", "Enkhtuya",
     "Ахлах сургагч багш, дэд хурандаа", "female", "en"),
    ("trainer@demo.mn", ["trainer"], "police-bayanzurkh", "ub-bayanzurkh", "Очир", "Ганбаатар", "Ochir",
     "Ganbaatar", "Мөрдөн байцаагч, хошууч", "male", "mn"),
    ("trainer2@demo.mn", ["trainer"], "safe-childhood", "darkhan-uul", "Дашдондог", "Нарантуяа", "Dashdondog",
     "Narantuya", "Нийгмийн ажилтан", "female", "mn"),
    ("learner@demo.mn", [], "police-bayanzurkh", "ub-bayanzurkh", "Сүхээ", "Төмөрбаатар", "Sukhee",
     "Tumurbaatar", "Ахлах дэслэгч", "male", "mn"),
    ("learner2@demo.mn", [], "fcyda", "darkhan-uul", "Болд", "Анужин", "Bold", "Anujin",
     "Хүүхдийн эрхийн улсын байцаагч", "female", "mn"),
]  # fmt: skip

HOME = {
    "mn": {
        "introduction": (
            "Cascade бол хүүхдийг хүчирхийлэл, хүүхэд худалдаалах гэмт хэргээс хамгаалах ажилд оролцдог "
            "цагдаагийн алба хаагч, Хүүхдийн эрхийн улсын байцаагч, нийгмийн ажилтан, хилийн алба хаагчдад "
            "зориулсан сургалтын удирдлагын систем юм. Мастер сургагч багш сургагч багш нарыг бэлтгэж, "
            "сургагч багш нар өөрсдийн сургалтын бүлгийг танхимаар болон цахимаар удирдана."
        ),
        "audiences": [
            ("learner", "Суралцагчдад",
             "Сургалтаа монгол эсвэл англи хэлээр үзээрэй: хэл солиход таны явц хадгалагдана. Сорил өгч, "
             "хэн ч шалгаж болох гэрчилгээ аваарай. Сэтгэл санаанд хүнд тусах агуулгын өмнө анхааруулга гарч, "
             "та хүссэн үедээ завсарлаж болно."),
            ("trainer", "Сургагч багш нарт",
             "Өөрийн сургалтын бүлгийг нээж, суралцагчдаа бүртгэж, сургалтын уулзалтын ирцийг бүртгээд, "
             "явцыг нь хянаж, практик үнэлгээ хийнэ. Та зөвхөн өөрийн суралцагчдыг харна."),
            ("master_trainer", "Мастер сургагч багш нарт",
             "Сургагч багш бэлтгэх сургалт явуулж, төгсөгчдөдөө сургалт явуулах эрх олгоно. Таны бэлтгэсэн "
             "сургагч багш нарын сургалтын явцыг доош нь бүх шатаар нь харна."),
            ("coordinator", "Зохицуулагчдад",
             "Байгууллагынхаа хэн, хаана сургалтад хамрагдаж, гэрчилгээ авсныг, мэдлэг нь хэр ахисныг харж, "
             "үзүүлэлтүүдээ тайлан болгон гаргана."),
            ("editor", "Агуулга хариуцагчдад",
             "Монгол, англи хоёр хэлээр сургалт, модуль, хичээл, сорил, асуултын сан бичиж, орчуулна."),
        ],
    },
    "en": {
        "introduction": (
            "Cascade is a learning management system for the people who protect children from abuse and "
            "trafficking in Mongolia: police officers, State Child Rights Inspectors, social workers and border "
            "officials. Master trainers prepare trainers, and trainers run their own cohorts, in person and online."
        ),
        "audiences": [
            ("learner", "For learners",
             "Take courses in Mongolian or English: your progress stays when you switch. Take quizzes and earn "
             "certificates that anyone can verify. Distressing material comes with a content note, and you can "
             "pause whenever you need to."),
            ("trainer", "For trainers",
             "Open your own cohorts, enrol trainees, take attendance at sessions, follow their progress and grade "
             "practical assessments. You see only your own trainees."),
            ("master_trainer", "For master trainers",
             "Run training-of-trainers cohorts and authorise your graduates to teach. Follow the training of the "
             "trainers you prepared, all the way down the cascade."),
            ("coordinator", "For coordinators",
             "See who in your organisation was trained and certified, where, and how much they learned, and "
             "export the indicators."),
            ("editor", "For editors",
             "Write and translate bilingual courses, modules, lessons, quizzes and question banks."),
        ],
    },
}  # fmt: skip
