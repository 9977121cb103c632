"""The audiences and first topics of the catalogue: (code, Mongolian, English)."""

AUDIENCES = [
    ("police", "Цагдаагийн алба хаагчид", "Police officers"),
    ("scri", "Хүүхдийн эрхийн улсын байцаагчид", "State Child Rights Inspectors"),
    ("social", "Нийгмийн ажилтан, хамгаалах байрны ажилтнууд", "Social workers and shelter staff"),
    ("border", "Хилийн алба хаагчид", "Border officials"),
    ("mdtf", "Хамтарсан багийн ажлын хэсэг", "Multi-Disciplinary Task Force"),
    ("general", "Бүх мэргэжилтэн", "All professionals"),
]

TOPICS = [
    ("interviewing", "Хүүхэдтэй ярилцлага хийх", "Interviewing children"),
    ("trauma", "Сэтгэл зүйн гэмтэл", "Trauma"),
    ("trafficking", "Хүүхэд худалдаалах гэмт хэрэг", "Child trafficking"),
    ("border", "Хилийн боомт", "Border checkpoints"),
    ("online", "Цахим орчин дахь хүчирхийлэл", "Online abuse and exploitation"),
    ("law", "Хууль эрх зүй", "Law"),
    ("training", "Сургагч багш бэлтгэх", "Training of trainers"),
]
