"""Mongolia's 21 aimags, the capital and its 9 districts: (code, kind, Mongolian, English).

The capital is a region of its own because a person may work for the city as a whole (a city
department) rather than in one of its districts, and a spreadsheet often says just "Улаанбаатар"."""

AIMAGS = [
    ("arkhangai", "Архангай аймаг", "Arkhangai aimag"),
    ("bayan-olgii", "Баян-Өлгий аймаг", "Bayan-Ölgii aimag"),
    ("bayankhongor", "Баянхонгор аймаг", "Bayankhongor aimag"),
    ("bulgan", "Булган аймаг", "Bulgan aimag"),
    ("govi-altai", "Говь-Алтай аймаг", "Govi-Altai aimag"),
    ("govisumber", "Говьсүмбэр аймаг", "Govisümber aimag"),
    ("darkhan-uul", "Дархан-Уул аймаг", "Darkhan-Uul aimag"),
    ("dornogovi", "Дорноговь аймаг", "Dornogovi aimag"),
    ("dornod", "Дорнод аймаг", "Dornod aimag"),
    ("dundgovi", "Дундговь аймаг", "Dundgovi aimag"),
    ("zavkhan", "Завхан аймаг", "Zavkhan aimag"),
    ("orkhon", "Орхон аймаг", "Orkhon aimag"),
    ("uvurkhangai", "Өвөрхангай аймаг", "Övörkhangai aimag"),
    ("umnugovi", "Өмнөговь аймаг", "Ömnögovi aimag"),
    ("sukhbaatar", "Сүхбаатар аймаг", "Sükhbaatar aimag"),
    ("selenge", "Сэлэнгэ аймаг", "Selenge aimag"),
    ("tuv", "Төв аймаг", "Töv aimag"),
    ("uvs", "Увс аймаг", "Uvs aimag"),
    ("khovd", "Ховд аймаг", "Khovd aimag"),
    ("khuvsgul", "Хөвсгөл аймаг", "Khövsgöl aimag"),
    ("khentii", "Хэнтий аймаг", "Khentii aimag"),
]

ULAANBAATAR_DISTRICTS = [
    ("ub-baganuur", "Багануур дүүрэг", "Baganuur district"),
    ("ub-bagakhangai", "Багахангай дүүрэг", "Bagakhangai district"),
    ("ub-bayangol", "Баянгол дүүрэг", "Bayangol district"),
    ("ub-bayanzurkh", "Баянзүрх дүүрэг", "Bayanzürkh district"),
    ("ub-nalaikh", "Налайх дүүрэг", "Nalaikh district"),
    ("ub-songinokhairkhan", "Сонгинохайрхан дүүрэг", "Songinokhairkhan district"),
    ("ub-sukhbaatar", "Сүхбаатар дүүрэг", "Sükhbaatar district"),
    ("ub-khan-uul", "Хан-Уул дүүрэг", "Khan-Uul district"),
    ("ub-chingeltei", "Чингэлтэй дүүрэг", "Chingeltei district"),
]

CAPITAL = ("ulaanbaatar", "Улаанбаатар хот", "Ulaanbaatar city")

# Other ways people write a region, besides its names with or without "аймаг", "дүүрэг" or "хот".
ALIASES = {
    "ulaanbaatar": ("УБ", "UB", "Ulan Bator", "Ulaanbaatar", "Улаанбаатар"),
}

REGIONS = (
    [(code, "aimag", mn, en) for code, mn, en in AIMAGS]
    + [(CAPITAL[0], "capital", CAPITAL[1], CAPITAL[2])]
    + [(code, "district", mn, en) for code, mn, en in ULAANBAATAR_DISTRICTS]
)
