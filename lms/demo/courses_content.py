# ruff: noqa: E501
"""The demo's course content, in Mongolian first and English second.

Everything here is fictional: the children, the professionals, the places and the procedure
documents (each marked «(жишээ)» / "(demo)"). The laws and conventions named are real; no
article number is given except the Criminal Code's 13.1 (Trafficking in persons) and articles of
the UN Convention on the Rights of the Child.

A lesson's "mn" and "en" bodies have the same blocks in the same order, so that the seeder can
give a block and its translation one id. The helpers below only build the block dicts; COURSES,
at the end of the file, is plain data in the shape ``lms.demo.courses`` reads.
"""


def _html(*parts: str) -> str:
    """Rich text: each part is a paragraph unless it is already a <p>, <ul> or <ol>."""
    return "".join(part if part.startswith(("<p>", "<ul>", "<ol>")) else f"<p>{part}</p>" for part in parts)


def _ul(*items: str) -> str:
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


def _ol(*items: str) -> str:
    return "<ol>" + "".join(f"<li>{item}</li>" for item in items) + "</ol>"


def _p(*parts: str) -> dict:
    return {"type": "paragraph", "value": _html(*parts)}


def _h2(text: str) -> dict:
    return {"type": "heading", "value": {"text": text, "level": "h2"}}


def _h3(text: str) -> dict:
    return {"type": "heading", "value": {"text": text, "level": "h3"}}


def _callout(kind: str, title: str, *parts: str) -> dict:
    return {"type": "callout", "value": {"kind": kind, "title": title, "text": _html(*parts)}}


def _key(title: str, *parts: str) -> dict:
    return _callout("key_point", title, *parts)


def _tip(title: str, *parts: str) -> dict:
    return _callout("practice_tip", title, *parts)


def _law(title: str, *parts: str) -> dict:
    return _callout("legal_reference", title, *parts)


def _note(note: str, *content: dict) -> dict:
    return {"type": "content_note", "value": {"note": note, "content": list(content)}}


def _scenario(title: str, situation: str, questions: list[str]) -> dict:
    return {"type": "case_scenario", "value": {"title": title, "situation": situation, "questions": questions}}


def _reflect(prompt: str) -> dict:
    return {"type": "reflection", "value": {"prompt": prompt}}


def _yes(text: str, feedback: str) -> dict:
    return {"text": text, "correct": True, "feedback": feedback}


def _no(text: str, feedback: str) -> dict:
    return {"text": text, "correct": False, "feedback": feedback}


def _check(question: str, choices: list[dict], explanation: str) -> dict:
    return {"type": "knowledge_check", "value": {"question": question, "choices": choices, "explanation": explanation}}


def _procedure(title: str, clause: str, summary: str) -> dict:
    return {"type": "procedure_reference", "value": {"title": title, "clause": clause, "summary": summary}}


def _term(term: str, definition: str) -> dict:
    return {"type": "glossary_term", "value": {"term": term, "definition": definition}}


# The fictional procedure documents the lessons point to.
_INTERVIEW_PROCEDURE = {
    "mn": "Хүүхдээс мэдүүлэг авах журам (жишээ)",
    "en": "Procedure for interviewing children (demo)",
}
_BORDER_PROCEDURE = {
    "mn": "Хилийн боомтод хүүхэд худалдаалах гэмт хэргийн сэжигтэй тохиолдолд ажиллах журам (жишээ)",
    "en": "Procedure for suspected child trafficking at border checkpoints (demo)",
}
_TRAINER_PROCEDURE = {
    "mn": "Сургагч багш бэлтгэх, сургалт явуулах эрх олгох журам (жишээ)",
    "en": "Procedure for training and authorising trainers (demo)",
}


# ---------------------------------------------------------------------------------------------
# Course 1 — Trauma-informed interviewing of children
# Module 1: Trauma and the child
# ---------------------------------------------------------------------------------------------

_WHAT_TRAUMA_IS = {
    "slug": "what-trauma-is",
    "minutes": 25,
    "mn": {
        "title": "Сэтгэл зүйн гэмтэл гэж юу вэ",
        "body": [
            _p(
                "Хүчирхийлэл, мөлжлөг, дарамтад өртсөний дараа цагдаа, улсын байцаагч, нийгмийн ажилтантай уулзаж буй хүүхэд ихэнхдээ өөрийн даван туулах чадвараас хэтэрсэн үйл явдлыг туулсан байдаг. Олонх нь үүнийг ганц удаа бус, хэдэн сар, бүр хэдэн жилийн турш туулсан байдаг.",
                "Сэтгэл зүйн гэмтэл гэдэг нь үйл явдал өөрөө биш юм. Энэ нь тухайн үйл явдал, эсвэл олон давтагдсан үйл явдлаас хүний аюулгүй байдлын мэдрэмж, бие махбод, бусадтай харилцах харилцаанд үлдээсэн удаан хугацааны нөлөө юм. Ижил зүйлийг туулсан хоёр хүүхдэд энэ нь тэс өөрөөр нөлөөлж болно.",
            ),
            _h2("Аюулд бие махбод хэрхэн хариу үйлдэл үзүүлдэг вэ"),
            _p(
                "Хүүхэд аюулыг мэдрэх үед тархины «дохиоллын систем» хүүхдийг бодож амжихаас өмнө ажиллаж эхэлдэг. Бие махбод амьд үлдэхийн тулд дараах хэлбэрүүдийн аль нэгээр бэлтгэгдэнэ:",
                _ul(
                    "<b>Тэмцэх</b> — уурлах, хашгирах, эсэргүүцэх, түлхэх.",
                    "<b>Зугтах</b> — зайлсхийх, өрөөнөөс гарахыг хүсэх, зугтах.",
                    "<b>Хөших</b> — хөдөлгөөнгүй, дуугүй болох, «унтарсан» мэт, асуултыг сонсохгүй байгаа мэт санагдах.",
                    "<b>Тааламжлах</b> — бүх зүйлд «тийм» гэж хариулах, хариуцсан насанд хүрэгчид таалагдахыг хичээх.",
                ),
                "Эдгээр хариу үйлдэл өөрийн эрхгүй үүсдэг. Хүүхэд тэдгээрийг сонгодоггүй бөгөөд энэ нь бүдүүлэг зан, эсвэл худал хэлж буйн шинж биш. Аюул өнгөрснөөс хойш удаан хугацааны дараа ч ярилцлагын өрөө, алба хаагчийн дүрэмт хувцас, хүчирхийллийн тухай асуулт зэрэг нь эдгээр хариу үйлдлийг дахин өдөөж болно.",
            ),
            _term(
                "Сэтгэл зүйн гэмтэлд мэдрэмжтэй хандлага",
                "Уулзаж буй аливаа хүүхэд сэтгэл зүйн гэмтэл туулсан байж болзошгүй гэж үзэж, түүний шинж тэмдгийг таньж, анхны утасны ярианаас эхлээд эцсийн холбон зуучлал хүртэлх бүх харилцааг хүүхдэд дахин хор хөнөөл учруулахгүйгээр зохион байгуулах ажлын арга барил. Аюулгүй байдал, итгэл, сонголт, хамтын ажиллагаа, хүүхдийг чадавхжуулах гэсэн таван зарчимд тулгуурладаг.",
            ),
            _h3("Тэсвэрийн хүрээ"),
            _p(
                "Хүн бүрт тайван сэтгэж, сонсож, тодорхой ярьж чадах сэтгэл хөдлөлийн хүрээ байдаг бөгөөд үүнийг <i>тэсвэрийн хүрээ</i> гэж нэрлэдэг. Сэтгэл зүйн гэмтэл энэ хүрээг нарийсгадаг. Гэмтэл туулсан хүүхэд энэ хүрээнээс амархан гарч, сандрах, уурлах, уйлах, эсвэл эсрэгээрээ мэдрэмжгүй болж, дуугүй болох нь бий.",
                "Энэ хүрээнээс гарсан хүүхэд болсон явдлыг тодорхой ярьж чадахгүй. Таны үүрэг бол ярилцлагыг хүчээр үргэлжлүүлэх биш, харин үүнийг анзаарч, хүүхдийг тайвшрахад нь туслах явдал юм: яриагаа удаашруулах, дуугаа намсгах, завсарлага авах, ус уухыг санал болгох, эсвэл төвийг сахисан сэдэв рүү түр буцах.",
            ),
            _key(
                "«Юу тохиолдсон бэ?» гэж асуу",
                "Сэтгэл зүйн гэмтэлд мэдрэмжтэй мэргэжилтэн <i>«Энэ хүүхдэд ямар асуудал байна вэ?»</i> гэхээсээ илүү <i>«Энэ хүүхдэд юу тохиолдсон бэ?»</i> гэж асуудаг. Дуугүй байх, уурлах, зохисгүй үед инээх зэрэг хэцүү мэт санагдах зан үйл нь ихэнхдээ нэгэн цагт хүүхдийг хамгаалж байсан амьд үлдэх арга байдаг.",
            ),
            _check(
                "Уулзалтын үеэр 13 настай охин асуултад хариулахаа больж, ширээ ширтэн, таныг сонсохгүй байгаа мэт санагдлаа. Үүний хамгийн магадлалтай тайлбар юу вэ?",
                [
                    _no(
                        "Тэр хамтран ажиллахгүй байгаа тул ярилцлагын ач холбогдлыг сануулах хэрэгтэй.",
                        "Үүрэг хариуцлагыг сануулах нь дарамтыг нэмж, охиныг тэсвэрийн хүрээнээс нь улам холдуулж болзошгүй.",
                    ),
                    _yes(
                        "Тэр хөших хариу үйлдэл үзүүлж байж болох тул яриагаа удаашруулж, түүнд аюулгүй мэдрэмж төрүүлэхэд туслах хэрэгтэй.",
                        "Хөдөлгөөнгүй, дуугүй болох нь аюулд үзүүлдэг түгээмэл, өөрийн эрхгүй хариу үйлдэл. Яриагаа удаашруулах, завсарлага санал болгох, төвийг сахисан сэдэв рүү буцах нь тус болно.",
                    ),
                    _no(
                        "Тэр ямар нэг зүйл нууж байгаа тул илүү шууд асуулт тавих хэрэгтэй.",
                        "Дуугүй байх нь худал хэлж буйн нотолгоо биш. Илүү шууд асуулт нь буруу хариулт авах эрсдэлийг нэмэгдүүлнэ.",
                    ),
                ],
                "Хөших нь амьд үлдэхийн төлөөх өөрийн эрхгүй хариу үйлдэл юм. Ярилцлага авагчийн үүрэг бол үүнийг анзаарч, хүүхдийг дахин бодож, ярьж чадах байдалд эргэн ороход нь туслах явдал.",
            ),
            _reflect(
                "Ажлынхаа явцад зан үйл нь танд хүндрэлтэй санагдсан нэгэн хүүхдийг санаарай. Эргээд бодоход тэр зан үйл хүүхдийг юунаас хамгаалж байсан байж болох вэ?"
            ),
        ],
    },
    "en": {
        "title": "What trauma is",
        "body": [
            _p(
                "Children who meet a police officer, an inspector or a social worker after abuse, exploitation or violence have often lived through events that overwhelmed their ability to cope. Many have lived through them not once, but over months or years.",
                "Trauma is not the event itself. It is the lasting effect that an event, or a series of events, has on a person's sense of safety, their body and their relationships. Two children who go through the same thing may be affected very differently.",
            ),
            _h2("How the body responds to threat"),
            _p(
                "When a child senses danger, the brain's “alarm system” takes over before the child has time to think. The body prepares to survive in one of several ways:",
                _ul(
                    "<b>Fight</b> — anger, shouting, refusing, pushing back.",
                    "<b>Flight</b> — avoiding, wanting to leave the room, running away.",
                    "<b>Freeze</b> — going still and silent, “switching off”, seeming not to hear the question.",
                    "<b>Appease</b> — saying “yes” to everything, trying to please the adult in charge.",
                ),
                "These responses are automatic. A child does not choose them, and they are not a sign of rudeness or lying. Long after the danger has passed, an interview room, an officer's uniform or a question about the abuse can set them off again.",
            ),
            _term(
                "Trauma-informed approach",
                "A way of working that assumes any child we meet may have experienced trauma, recognises its signs, and organises every contact — from the first phone call to the last referral — so that it causes the child no further harm. It rests on five principles: safety, trustworthiness, choice, collaboration and empowerment.",
            ),
            _h3("The window of tolerance"),
            _p(
                "Everyone has a range of arousal in which they can think calmly, listen and speak clearly — often called the <i>window of tolerance</i>. Trauma narrows this window. A traumatised child may move out of it quickly: up into panic, anger or tears, or down into numbness and silence.",
                "A child outside the window cannot give a clear account. Your task is not to push on, but to notice and help the child settle: slow down, lower your voice, take a break, offer a drink of water, or return for a while to a neutral topic.",
            ),
            _key(
                "Ask what happened, not what is wrong",
                "A trauma-informed professional asks <i>“What happened to this child?”</i> rather than <i>“What is wrong with this child?”</i>. Behaviour that looks difficult — silence, anger, laughing at the wrong moment — is often a survival strategy that once kept the child safe.",
            ),
            _check(
                "During a meeting, a 13-year-old girl stops answering, stares at the table and seems not to hear you. What is the most likely explanation?",
                [
                    _no(
                        "She is being uncooperative and should be reminded how important the interview is.",
                        "Reminding her of her duty adds pressure and may push her further out of her window of tolerance.",
                    ),
                    _yes(
                        "She may be in a freeze response, so slow down and help her feel safe again.",
                        "Going still and silent is a common, automatic response to threat. Slowing down, offering a break and returning to a neutral topic can help.",
                    ),
                    _no(
                        "She is hiding something and needs more direct questions.",
                        "Silence is not evidence of lying. More direct questions raise the risk of inaccurate answers.",
                    ),
                ],
                "Freezing is an automatic survival response. The interviewer's job is to notice it and help the child back into a state in which she can think and speak again.",
            ),
            _reflect(
                "Think of a child you have met in your work whose behaviour you found difficult. Looking back, what might that behaviour have been protecting the child from?"
            ),
        ],
    },
}

_TRAUMA_AND_MEMORY = {
    "slug": "trauma-and-memory",
    "minutes": 30,
    "mn": {
        "title": "Сэтгэл зүйн гэмтэл ба санах ой",
        "body": [
            _p(
                "Мөрдөн шалгах ажилд юу, хаана, хэзээ болсон, хэн байсан талаар тодорхой, бүрэн, нийцтэй мэдүүлэг хэрэгтэй байдаг. Гэвч сэтгэл зүйн гэмтэл туулсан хүүхэд ийм мэдүүлэг ховор өгдөг. Энэ нь худал хэлж байгаадаа биш, харин стресст орсон үед санах ой хэрхэн ажилладагтай холбоотой.",
                "Үүнийг ойлгох нь хоёр зүйлийг нэгэн зэрэг хамгаална: санаж буй байдлаасаа болж үл итгэл хүлээх ёсгүй хүүхдийг, мөн бидний асуух арга барилаар гажуудаагүй нотлох баримтаас хамаардаг мөрдөн шалгах ажиллагааг.",
            ),
            _h2("Гэмтэл туулсан хүүхэд юуг санадаг вэ"),
            _p(
                _ul(
                    "<b>Гол зүйлээ санаж, хажуугийн нарийн зүйлийг мартдаг.</b> Хүүхэд тухайн хүний хоолой, өрөөний үнэрийг тод санаж байхад машины өнгө, долоо хоногийн аль өдөр болсныг санахгүй байж болно.",
                    "<b>Давтагдсан үйл явдал нэг ерөнхий «загвар» болон нийлдэг.</b> Олон удаа хүчирхийлэлд өртсөн хүүхэд «ихэвчлэн» юу болдог байсныг ярьж, нэг удааг нөгөөгөөс ялгахад хүндрэлтэй байж болно. «Хамгийн сүүлд», «анх удаа», «чиний сайн санаж байгаа нэг удаа» гэх мэтээр асуугаарай.",
                    "<b>Цаг хугацаа, огноо, тоо хэлэх нь хэцүү.</b> Бага насны хүүхэд хэдэн удаа, хэр удаан хугацааны өмнө, ямар өдөр болсныг найдвартай хэлж чаддаггүй. Түүний мэддэг үйл явдалтай холбож асуу: сургуулийн амралт, Цагаан сар, төрсөн өдөр, анхны цас.",
                    "<b>Дурсамж хэсэг хэсгээрээ, удаа бүр өөр дарааллаар эргэн ирж болно.</b> Дараагийн ярианд шинэ нарийн зүйл гарах нь түгээмэл бөгөөд энэ нь дангаараа яриаг зохиосон гэсэн үг биш.",
                ),
            ),
            _key(
                "Зөрүүтэй байх нь худал хэлж байна гэсэн үг биш",
                "Насанд хүрэгчид ч, хүүхдүүд ч үнэнийг ярихдаа хажуугийн нарийн зүйлсийг бага зэрэг зөрүүтэй хэлэх нь хэвийн үзэгдэл. Хамгийн чухал нь ярианы гол агуулга тогтвортой эсэх, мөн тэр нарийн зүйлсийг ярилцлага авагч өөрөө санал болгосон эсэх юм. Хүүхдийн хэлснийг өөрийнх нь үгээр тэмдэглэж, нотлох баримтыг дараа нь үнэлүүлээрэй.",
            ),
            _note(
                "Доорх жишээнд гэртээ насанд хүрсэн хүнээс давтан хүчирхийлэлд өртсөн зохиомол хүүхдийн ярианы хэсэг орсон. Бие махбодын нарийн дүрслэл байхгүй ч айдас дүрслэгдсэн тул уншихад хэцүү байж болно.",
                _p(
                    "Есөн настай Сарнайгаас хамгийн сүүлд болсон явдлын талаар бүгдийг ярихыг хүсэхэд тэр: <i>«Ээжийг шөнийн ээлжинд гарахаар тэр ирдэг. Хаалга онгойхыг сонсдог. Би хөнжлөө нөмөрдөг. Тэр үргэлж „энэ бол бидний тоглоом“ гэдэг. Тэр удаад миний муур орон дээр байсан. Ямар өдөр байсныг мэдэхгүй. Хүйтэн байсан»</i> гэж ярилаа.",
                    "Энд юу байгааг анзаараарай: мэдрэхүйн нарийн зүйлс (хаалга, хөнжил, хүйтэн), давтагдсан «загвар» («үргэлж хэлдэг»), энэ удааг бусдаас ялгах тодорхой тэмдэг (муур), харин огноо байхгүй. Энэ нь давтан хүчирхийлэлд өртсөн бага насны хүүхдийн үнэн ярианд түгээмэл тохиолддог хэлбэр юм.",
                ),
                _tip(
                    "Хүүхдийн өгсөн тэмдгийг ашигла",
                    "Муур бол ярилцлага авагчид өгсөн чухал тэмдэг. Дараагийн тохиромжтой асуулт нь: <i>«Чи тэр удаад муур чинь орон дээр байсан гэж хэлсэн. Тэр удаагийн тухай илүү ихийг яриад өгөөч.»</i> Энэ асуулт хүүхдийн өөрийнх нь үгийг ашиглаж, түүнийг нэг тодорхой тохиолдол дээр төвлөрүүлдэг.",
                ),
            ),
            _h3("Бусдын нөлөөнд автах байдал"),
            _p(
                "Хүүхэд, ялангуяа долоогоос доош насны хүүхэд, эрх мэдэлтэй насанд хүрэгчийн санал болгосон мэдээллийг насанд хүрэгчдээс илүү амархан хүлээн авч, дараа нь түүнийгээ өөрийн дурсамж мэт санах хандлагатай. «Чи итгэлтэй байна уу?» гэх мэт давтан асуулт, хүүхдийн хэлээгүй мэдээллийг агуулсан асуулт («Тэр чамайг бүсээр цохисон уу?»), тодорхой хариултыг магтах зэрэг нь энэ эрсдэлийг нэмэгдүүлдэг.",
                "Аюулгүй байхын тулд насанд хүрэгчдэд таалагдаж сурсан, гэмтэл туулсан хүүхэд үүнд бүр илүү өртөмтгий. Нэгэнт гажуудсан дурсамжийг буцааж засах боломжгүй.",
            ),
            _check(
                "Долоон настай охин ямар нэг зүйл «олон удаа» болсон гэж хэлсэн ч хэдэн удаа болсныг хэлж чадахгүй байна. Дараагийн хамгийн зөв алхам юу вэ?",
                [
                    _no(
                        "Мэдүүлэг бүрэн байхын тулд тоог таамаглаж хэлэхийг хүсэх.",
                        "Таамагласан тоо найдваргүй бөгөөд дараа нь охины мэдүүлэгт эргэлзээ төрүүлэхэд ашиглагдаж болно.",
                    ),
                    _yes(
                        "Түүний сайн санаж буй нэг тохиолдол, жишээ нь хамгийн сүүлд болсныг асуух.",
                        "Тодорхой нэг тохиолдол дээр төвлөрөх нь хүүхдийг ерөнхий «загвар»-аас тухайн үйл явдлын дурсамж руу шилжихэд тусална.",
                    ),
                    _no(
                        "Сонголт санал болгох: «Хоёр удаа уу, таван удаа уу, арван удаа уу?»",
                        "Сонголт санал болгох нь хүүхдийг чиглүүлж байна. Бага насны хүүхэд зүгээр л нэгийг нь сонгож магадгүй.",
                    ),
                    _no(
                        "Түүний яриа хэт бүрхэг тул ашиглах боломжгүй гэж дүгнэх.",
                        "Энэ насны хүүхэд тоо хэлэхэд хүндрэлтэй байх нь хэвийн бөгөөд үйл явдал болсон эсэхтэй ямар ч хамааралгүй.",
                    ),
                ],
                "Бага насны хүүхэд давтагдсан үйл явдлыг найдвартай тоолж чаддаггүй. Анхны, сүүлчийн, эсвэл сайн санаж буй тохиолдлыг асууж, тохиолдол бүрийг хүүхдийн өөрийн хэлсэн нарийн зүйлээр ялгаарай.",
            ),
            _reflect(
                "Та өмнө нь хүүхдийн ярианд эргэлзэж байсан бол юунаас болж эргэлзсэн бэ? Энэ хичээлийн дараа тэр шалтгаан хүчинтэй хэвээр байна уу?"
            ),
        ],
    },
    "en": {
        "title": "Trauma and memory",
        "body": [
            _p(
                "Investigators want a clear, complete, consistent account: what happened, where, when, and who was there. Traumatised children rarely give one — not because they are lying, but because of how memory works under stress.",
                "Understanding this protects two things at once: the child, who should not be disbelieved because of the way they remember, and the investigation, which depends on evidence that has not been distorted by the way we ask.",
            ),
            _h2("What traumatised children remember"),
            _p(
                _ul(
                    "<b>Central details are kept; peripheral ones are lost.</b> A child may clearly remember a person's voice or the smell of a room, but not the colour of the car or the day of the week.",
                    "<b>Repeated events blur into a “script”.</b> A child abused many times may describe what “usually” happened and struggle to separate one occasion from another. Ask about “the last time”, “the first time” or “one time you remember well”.",
                    "<b>Time, dates and numbers are hard.</b> Young children cannot reliably say how many times, how long ago or on what date. Link your questions to events they know: the school holidays, Tsagaan Sar, a birthday, the first snow.",
                    "<b>Memories may return in fragments, and in a different order each time.</b> New details in a later account are common, and do not by themselves mean the account was invented.",
                ),
            ),
            _key(
                "Inconsistency is not the same as lying",
                "Adults and children alike vary a little in peripheral details when telling the truth. What matters is whether the core of the account is stable, and whether the details came from the interviewer. Record what the child says in the child's own words, and let the evidence be weighed later.",
            ),
            _note(
                "The example below is part of a fictional child's account of repeated abuse by an adult at home. It contains no physical detail, but it describes fear and may be difficult to read.",
                _p(
                    "Sarnai, aged 9, is asked to tell everything about the last time something happened. She says: <i>“He comes when Mum goes to the night shift. I hear the door. I pull the blanket over me. He always says ‘it's our game’. That time my cat was on the bed. I don't know what day. It was cold.”</i>",
                    "Notice what is here: sensory details (the door, the blanket, the cold), a script (“always says”), a specific marker that separates this occasion from the others (the cat), and no date. This is a common shape for a truthful account of repeated abuse from a young child.",
                ),
                _tip(
                    "Follow the child's marker",
                    "The cat is a gift to the interviewer. A good next prompt is: <i>“You said your cat was on the bed that time. Tell me more about that time.”</i> It uses the child's own words and keeps her in one specific occasion.",
                ),
            ),
            _h3("Suggestibility"),
            _p(
                "Children, especially those under seven, are more likely than adults to accept information suggested by an adult in authority — and then to remember it as their own. Repeated questions (“Are you sure?”), questions containing information the child has not given (“Did he hit you with a belt?”) and praise for particular answers all increase this risk.",
                "Traumatised children who have learned to please adults in order to stay safe are even more vulnerable. Once a memory has been distorted, it cannot be put right.",
            ),
            _check(
                "A 7-year-old girl says something happened “lots of times” but cannot say how many. What is the best next step?",
                [
                    _no(
                        "Ask her to guess a number so that the statement is complete.",
                        "A guessed number is unreliable and may later be used to cast doubt on her account.",
                    ),
                    _yes(
                        "Ask about one occasion she remembers well, such as the last time.",
                        "Focusing on one specific occasion helps the child move from the general “script” to her memory of that event.",
                    ),
                    _no(
                        "Offer options: “Was it two times, five times or ten times?”",
                        "Offering options steers the child. A young child may simply pick one.",
                    ),
                    _no(
                        "Conclude that her account is too vague to use.",
                        "Difficulty with numbers is normal at this age, and says nothing about whether the events happened.",
                    ),
                ],
                "Young children cannot reliably count repeated events. Ask about the first, the last or one well-remembered occasion, and let the child's own details mark each one apart.",
            ),
            _reflect(
                "When you have doubted a child's account in the past, what made you doubt it? Does that reason still hold after this lesson?"
            ),
        ],
    },
}

_BEHAVIOUR_AND_DISCLOSURE = {
    "slug": "behaviour-and-disclosure",
    "minutes": 30,
    "mn": {
        "title": "Хүүхдийн зан төлөв ба болсон явдлаа ярих үйл явц",
        "body": [
            _p(
                "Олон насанд хүрэгчид хохирогч болсон хүүхэд даруй тусламж хүсэж, болсон бүхнээ ярьж, сэтгэлээр унасан харагдана гэж хүлээдэг. Бодит байдал дээр ихэнх хүүхэд оройтож, хэсэг хэсгээр ярьдаг, эсвэл хэн нэгэн зөв аргаар асуутал огт ярьдаггүй.",
                "Хүүхэд болсон явдлаа ярих нь нэг удаагийн үйлдэл бус, үргэлжилсэн үйл явц юм. Хүүхэд эхлээд насанд хүрэгчид бага зэрэг мэдээлэл хэлж, түүний хариу үйлдлийг ажиглаад, цааш ярих эсэхээ шийддэг.",
            ),
            _h2("Хүүхэд яагаад ярьдаггүй вэ"),
            _p(
                _ul(
                    "<b>Айдас:</b> хохироосон хүнээсээ, гэр бүлээсээ салгагдахаас, эсвэл цагдаагаас өөрөөс нь айх.",
                    "<b>Үнэнч байдал, хараат байдал:</b> тэр хүн нь эцэг эх, хамаатан, эсвэл хүүхдийг тэжээдэг цорын ганц насанд хүрэгч байж болно.",
                    "<b>Ичгүүр, өөрийгөө буруутгах:</b> гэмт этгээд «Чи өөрөө хүссэн», «Чи мөнгийг нь авсан» гэх мэтээр үүнийг зориуд бий болгосон байх нь олонтаа.",
                    "<b>Өөрийгөө хохирогч гэж үзэхгүй байх:</b> худалдаалагдсан өсвөр насны хүүхэд «найз залуу» эсвэл «ажил»-ынхаа тухай ярьж, үүнийг мөлжлөг гэж нэрлэсэн хэнд ч уурлаж болно.",
                    "<b>Өмнөх туршлага:</b> өмнө нь хэлэхэд нь итгээгүй, эсвэл хэлснийх нь төлөө шийтгэсэн байх.",
                ),
                "Хөвгүүд болон хөгжлийн бэрхшээлтэй хүүхдүүд нэмэлт саад бэрхшээлтэй тулгардаг: тэднээс асуух нь ч, тэдэнд итгэх нь ч бага байдаг.",
            ),
            _note(
                "Доорх нөхцөл байдалд бэлгийн мөлжлөгт өртсөн байж болзошгүй зохиомол өсвөр насны охины тухай өгүүлнэ. Нарийн дүрслэлгүй ч мөлжлөгийн тухай дурдсан тул сэтгэл түгшээж болзошгүй.",
                _scenario(
                    "Дүүргийн цагдаагийн хэлтэст ирсэн Хулан",
                    _html(
                        "Шөнө оройтож нэгэн зочид буудалд шалгалт хийх үеэр 15 настай Хуланг дүүргийн цагдаагийн хэлтэст авчирчээ. Тэр будалттай, үнэтэй харагдах хувцас өмссөн байв. Хулан алба хаагчид руу инээж, эцэг эхийнхээ утасны дугаарыг өгөхөөс татгалзан, хамт байсан эрэгтэйг найз залуу минь, «та нарын хамаатай юм биш» гэж хэлжээ.",
                        "Нэг алба хаагч Хуланы дэргэд «тэр юу хийж байгаагаа сайн мэдэж байсан» гэж хэлэв. Хулан дуугүй болж, явахыг хүслээ.",
                    ),
                    [
                        "Хуланы аль зан үйл нь эсэргүүцэл биш, харин амьд үлдэх хариу үйлдэл байж болох вэ?",
                        "Алба хаагчийн хэлсэн үг Хулан болсон явдлыг хэзээ нэгэн цагт ярих эсэхэд ямар нөлөө үзүүлж болох вэ?",
                        "Түүнтэй дараа нь ярилцах мэргэжилтэн эхний таван минутад юуг өөрөөр хийж болох вэ?",
                    ],
                ),
            ),
            _law(
                "Хүүхэд зөвшөөрсөн мэт харагдсан ч хүүхэд хэвээр",
                "<b>НҮБ-ын Хүүхдийн эрхийн тухай конвенц</b>-оор 18 нас хүрээгүй хүн бүр хүүхэд бөгөөд улс орнууд хүүхдийг бэлгийн мөлжлөгийн бүх хэлбэр, худалдах, худалдаалахаас хамгаалах үүрэгтэй. <b>Палермогийн протокол</b>-д зааснаар хүүхдийг мөлжих зорилгоор элсүүлэх, тээвэрлэх, шилжүүлэх, орогнуулах, хүлээн авах нь заналхийлэл, хүч, хууран мэхлэлт ашиглаагүй байсан ч хүн худалдаалах гэмт хэрэгт тооцогдоно. Хүүхэд зөвшөөрсөн мэт харагдах нь түүнийг хохирогч гэдгийг өөрчлөхгүй.",
                "Мөн Монгол Улсын <b>Хүүхэд хамгааллын тухай хууль</b> (2016), <b>Эрүүгийн хууль</b> (2015)-ийн 13.1 дүгээр зүйл <i>Хүн худалдаалах</i>-ыг үзнэ үү.",
            ),
            _tip(
                "Хүүхэд анх удаа, хэсэгчлэн ярихад хэрхэн хандах вэ",
                _ul(
                    "Тайван байгаарай: хүүхэд таны царай, хоолойг ажиглаж байгаа.",
                    "Сонсоорой. Нарийн зүйлийн талаар асуулт тавьж яриаг нь бүү таслаарай.",
                    "«Надад хэлсэнд баярлалаа. Чи зөв зүйл хийлээ» гэж хэлээрэй.",
                    "Нууцална гэж бүү амлаарай: хэнд, яагаад хэлэх шаардлагатайг тайлбарлаарай.",
                    "Хүүхдийн яг хэлсэн үг, огноо, цагийг аль болох даруй тэмдэглээрэй.",
                ),
            ),
            _reflect(
                "Танай орон нутгийн хүүхэд танд өвдөлттэй зүйлийг ярихаар шийдэхээсээ өмнө танаас юуг харах шаардлагатай вэ?"
            ),
        ],
    },
    "en": {
        "title": "Behaviour and disclosure",
        "body": [
            _p(
                "Many adults expect a child who has been harmed to ask for help straight away, tell the whole story and appear upset. In practice, most children tell late, tell in pieces, or do not tell at all until someone asks in the right way.",
                "Disclosure is a process rather than a single act. A child often tests an adult with a small piece of information, watches the reaction, and then decides whether to say more.",
            ),
            _h2("Why children do not tell"),
            _p(
                _ul(
                    "<b>Fear</b> of the person who harmed them, of being separated from their family, or of the police themselves.",
                    "<b>Loyalty and dependence:</b> the person may be a parent, a relative, or the only adult who feeds the child.",
                    "<b>Shame and self-blame,</b> often deliberately created by the offender: “You wanted it”, “You took the money”.",
                    "<b>Not seeing themselves as victims:</b> a trafficked adolescent may talk about a “boyfriend” or a “job”, and be angry with anyone who calls it exploitation.",
                    "<b>Past experience</b> of not being believed, or of being punished for telling.",
                ),
                "Boys and children with disabilities face additional barriers: they are asked less often, and believed less often.",
            ),
            _note(
                "The scenario below is about a fictional adolescent girl who may have been sexually exploited. It is not graphic, but it refers to exploitation and may be distressing.",
                _scenario(
                    "Khulan at the district police station",
                    _html(
                        "Khulan, 15, is brought to a district police station late at night after a check at a hotel. She is wearing make-up and clothes that look expensive. She laughs at the officers, refuses to give her parents' phone number, and says that the man she was with is her boyfriend and “none of your business”.",
                        "In front of her, one officer says that she “knew exactly what she was doing”. Khulan goes silent and asks to leave.",
                    ),
                    [
                        "Which of Khulan's behaviours could be survival responses rather than defiance?",
                        "What effect is the officer's remark likely to have on whether Khulan ever tells what happened?",
                        "What could the next professional who speaks with her do differently in the first five minutes?",
                    ],
                ),
            ),
            _law(
                "A child is a child, whatever they appear to agree to",
                "Under the <b>UN Convention on the Rights of the Child</b>, every person under 18 is a child, and states must protect children from all forms of sexual exploitation and from sale and trafficking. Under the <b>Palermo Protocol</b>, recruiting, transporting, transferring, harbouring or receiving a child for exploitation is trafficking even when no threat, force or deception is used. A child's apparent consent does not change the fact that they are a victim.",
                "See also Mongolia's <b>Law on Child Protection</b> (2016) and the <b>Criminal Code</b> (2015), article 13.1 <i>Trafficking in persons</i>.",
            ),
            _tip(
                "Responding to a first, partial disclosure",
                _ul(
                    "Stay calm: the child is watching your face and listening to your voice.",
                    "Listen. Do not interrupt with questions about details.",
                    "Say: “Thank you for telling me. You did the right thing.”",
                    "Do not promise to keep it secret: explain who you will need to tell, and why.",
                    "Write down the child's exact words, the date and the time as soon as you can.",
                ),
            ),
            _reflect(
                "What would a child in your community need to see in you before deciding to tell you something painful?"
            ),
        ],
    },
}

# Module 2: Planning and conducting a child-friendly interview

_PLANNING_THE_INTERVIEW = {
    "slug": "planning-the-interview",
    "minutes": 30,
    "mn": {
        "title": "Ярилцлагыг төлөвлөх",
        "body": [
            _p(
                "Ярилцлагын чанар ихэнхдээ хүүхэд өрөөнд орохоос өмнө шийдэгддэг. Сайн төлөвлөлт нь хүүхэд болсон явдлаа давтан ярих шаардлагыг багасгаж, ярилцлагыг хүүхдийн анхаарал хадгалах хугацаанд багтаан богино байлгаж, дараа нь засах боломжгүй алдаанаас сэргийлдэг.",
                'Олон улсад хүлээн зөвшөөрөгдсөн <b>PEACE</b> загвар, <b>NICHD-ийн протокол</b> хоёулаа бэлтгэлээс эхэлдэг. PEACE загварын эхний хоёр үсэг нь <i>төлөвлөлт ба бэлтгэл</i> (<span lang="en">Planning and preparation</span>), <i>харилцаа тогтоох ба тайлбарлах</i> (<span lang="en">Engage and explain</span>) гэсэн үе шатыг илэрхийлдэг.',
            ),
            _h2("Ярилцлагаас өмнө хариулах асуултууд"),
            _p(
                _ol(
                    "<b>Хүүхэд хэн бэ?</b> Нас, хөгжил, хэл аялга, хөгжлийн бэрхшээл, эрүүл мэндийн хэрэгцээ, түүнд өмнө нь юу хэлсэн болох.",
                    "<b>Юу аль хэдийн мэдэгдсэн бэ, хэнээс?</b> Таны асуултад нөлөөлөхгүйн тулд товч, баримтад тулгуурласан байлгаарай.",
                    "<b>Хэн ярилцлага авах вэ?</b> Сургалтад хамрагдсан нэг ярилцлага авагч. Боломжтой бол ярилцлага авагчийн хүйсийн талаар хүүхдийн хүслийг асуу.",
                    "<b>Өөр хэн байлцах, ажиглах вэ?</b> Дэмжлэг үзүүлэх хүн нь сэжигтэн эсвэл хүүхдэд нөлөөлж болзошгүй хүн байж болохгүй.",
                    "<b>Хаана, хэзээ?</b> Сэжигтнээс хол, нам гүм, тусгаар өрөөнд; шөнө оройтож биш; эмнэлгийн үзлэгийн дараа шууд биш.",
                    "<b>Хэрхэн бичлэг хийх вэ?</b> Боломжтой бол видео бичлэг хийх нь хүүхдийг болсон явдлаа дахин дахин ярихаас хамгаална.",
                    "<b>Дараа нь юу болох вэ?</b> Хүүхдийг хэн, хаашаа хүргэж, хэн хамт байх.",
                ),
            ),
            _procedure(
                _INTERVIEW_PROCEDURE["mn"],
                "4.2",
                "Ярилцлагыг хүүхдээс мэдүүлэг авах зориулалтын өрөөнд, эсхүл ярилцлага авагчаас өөр дүрэмт хувцастай алба хаагчгүй, сэжигтэн харагдахгүй, саад тотгоргүй, нам гүм өрөөнд явуулна. Хүүхдэд асуултыг зөвхөн нэг ярилцлага авагч тавина. Байлцаж буй бусад хүний нэр, үүргийг тэмдэглэх бөгөөд тэд ярилцлагын явцад хүүхэдтэй ярихгүй.",
            ),
            _tip(
                "Хүүхдийн анхаарлын хугацааг тооцоол",
                "Бага насны хүүхэд насанд хүрэгчдээс хамаагүй богино хугацаанд анхаарлаа төвлөрүүлж чаддаг. Ярилцлагыг богино үе шатуудад хувааж, завсарлага товлож, хүүхэд завсарлага хүсэх энгийн арга, жишээ нь зааж харуулах карт бэлтгээрэй. Өрөөнд ус, салфетка, цаас, өнгийн харандаа байлгаарай, харин анхаарал сарниулах тоглоом бүү байлгаарай.",
            ),
            _scenario(
                "Тэмүүлэнтэй хийх ярилцлагыг төлөвлөх нь",
                _html(
                    "Хөдөөний нэгэн сумын сургуулийн нийгмийн ажилтан мэдээлснээр 8 настай Тэмүүлэн малын дэргэд нагац ахтайгаа ганцаараа үлдэхэд тэр «өвтгөдөг» гэж багшдаа хэлжээ. Тэмүүлэн эмээ, нагац ахынхаа хамт амьдардаг. Тэр бага зэргийн сонсголын бэрхшээлтэй.",
                    "Хүүхдээс мэдүүлэг авах тоноглогдсон хамгийн ойрын өрөө аймгийн төвд, машинаар гурван цагийн зайтай. Нагац ах нь сургуулиас хэн нэгэн рүү залгасныг аль хэдийн сонссон байна.",
                ),
                [
                    "Ямар ч ярилцлага хийхээс өмнө Тэмүүлэнгийн аюулгүй байдлыг хангахын тулд өнөөдөр юуг шийдэх ёстой вэ?",
                    "Ярилцлагад түүнийг хэн дагалдаж болох, хэн дагалдаж болохгүй вэ?",
                    "Түүний сонсголын бэрхшээлтэй холбоотойгоор ямар тохируулга хийх шаардлагатай вэ?",
                    "Түүнтэй өнөөдөр суманд ярилцах уу, эсвэл дараа нь аймгийн төвд ярилцах нь дээр үү? Аль алиных нь эрсдэл юу вэ?",
                ],
            ),
            _check(
                "Хүүхдийн ярилцлагад дэмжлэг үзүүлэх хүнээр хэн байлцах нь хамгийн зохистой вэ?",
                [
                    _no(
                        "Хүүхдийг авчирсан эцэг эх нь, ямар ч тохиолдолд.",
                        "Эцэг эх нь сэжигтэн, эсвэл сэжигтнийг хамгаалагч байж болох, эсвэл өөрийн мэдэлгүй хүүхдийн ярианд нөлөөлж болзошгүй. Тохиолдол бүрд тусад нь шийднэ.",
                    ),
                    _yes(
                        "Хүүхэдтэй зөвшилцөн сонгосон, хэрэгт ямар нэг байдлаар холбогдолгүй, ярилцлагын үеэр үг хэлэхгүй итгэлтэй насанд хүрэгч.",
                        "Дэмжлэг үзүүлэх хүний үүрэг бол хүүхдэд аюулгүй мэдрэмж төрүүлэх, харин ярилцлагад оролцох биш.",
                    ),
                    _no(
                        "Илүү олон асуулт тавихын тулд хоёр дахь мөрдөгч.",
                        "Хүүхдэд зөвхөн нэг хүн асуулт тавих ёстой. Олон хүн асуух нь дарамтыг нэмж, сэдэлсэн асуулт тавих эрсдэлийг өсгөнө.",
                    ),
                ],
                "Дэмжлэг үзүүлэх хүн нь хүүхдийн итгэдэг, хэрэгт ямар ч холбоогүй, ярилцлагын явцад хүүхдэд сануулах, хүүхдийн өмнөөс хариулах, санал болгосон үгээр тайвшруулахгүй байх ёстойгоо ойлгосон хүн байх ёстой.",
            ),
        ],
    },
    "en": {
        "title": "Planning the interview",
        "body": [
            _p(
                "The quality of an interview is largely decided before the child enters the room. Good planning reduces the number of times the child must tell their story, keeps the interview short enough for the child's attention, and prevents mistakes that cannot be corrected later.",
                "The internationally recognised <b>PEACE</b> model and the <b>NICHD protocol</b> both begin with preparation. In PEACE, the first two letters stand for <i>Planning and preparation</i> and <i>Engage and explain</i>.",
            ),
            _h2("Questions to answer before the interview"),
            _p(
                _ol(
                    "<b>Who is the child?</b> Age, development, language or dialect, any disability, health needs, and what they have already been told.",
                    "<b>What is already known, and from whom?</b> Keep the summary short and factual so that it does not shape your questions.",
                    "<b>Who will interview?</b> One trained interviewer. Where possible, ask the child whether they would prefer a man or a woman.",
                    "<b>Who else will be present or watching?</b> A support person must not be a suspect or anyone who might influence the child.",
                    "<b>Where and when?</b> In a quiet, private room away from the suspect; not late at night; not straight after a medical examination.",
                    "<b>How will it be recorded?</b> Where available, a video recording can spare the child from telling the story again and again.",
                    "<b>What happens afterwards?</b> Who will take the child where, and who will stay with them.",
                ),
            ),
            _procedure(
                _INTERVIEW_PROCEDURE["en"],
                "4.2",
                "The interview takes place in a room set aside for interviewing children, or in another quiet room with no uniformed officers other than the interviewer, no view of the suspect and no interruptions. Only one interviewer puts questions to the child. Anyone else present is recorded by name and role, and does not speak to the child during the interview.",
            ),
            _tip(
                "Plan for the child's attention span",
                "Young children can concentrate for much less time than adults. Divide the interview into short phases, plan breaks, and give the child a simple way to ask for one — for example a card they can point to. Have water, tissues, paper and crayons in the room, but no toys that distract.",
            ),
            _scenario(
                "Planning an interview with Temuulen",
                _html(
                    "A school social worker in a rural soum reports that Temuulen, 8, told his teacher that his uncle “hurts him” when the two of them are alone with the animals. Temuulen lives with his grandmother and his uncle. He has a mild hearing impairment.",
                    "The nearest room equipped for interviewing children is in the aimag centre, three hours away by car. The uncle has already heard that the school called someone.",
                ),
                [
                    "What must be decided today, before any interview, to keep Temuulen safe?",
                    "Who may accompany him to the interview, and who may not?",
                    "What adjustments will his hearing impairment require?",
                    "Is it better to speak with him today in the soum, or later in the aimag centre? What are the risks of each?",
                ],
            ),
            _check(
                "Who is the most appropriate support person to sit in on a child's interview?",
                [
                    _no(
                        "The parent who brought the child, in every case.",
                        "A parent may be the suspect or may be protecting the suspect, or may unintentionally influence what the child says. Decide case by case.",
                    ),
                    _yes(
                        "A trusted adult chosen with the child, who has no connection to the case and will not speak during the interview.",
                        "The support person is there to help the child feel safe, not to take part in the interview.",
                    ),
                    _no(
                        "A second investigator, so that more questions can be asked.",
                        "Only one person should question the child. Several questioners add pressure and raise the risk of leading questions.",
                    ),
                ],
                "The support person should be someone the child trusts, with no connection to the case, who understands that they must not prompt the child, answer for them, or comfort them with suggestions during the interview.",
            ),
        ],
    },
}

_RAPPORT_AND_GROUND_RULES = {
    "slug": "rapport-and-ground-rules",
    "minutes": 30,
    "mn": {
        "title": "Итгэлцэл тогтоох, ярилцлагын дүрмийг тайлбарлах",
        "body": [
            _p(
                "Ярилцлагын эхний хэдэн минут гурван зорилготой: хүүхдэд ярихад хангалттай аюулгүй мэдрэмж төрүүлэх, юу болохыг тайлбарлах, энэ ярианд голлон <i>хүүхэд</i> өөрөө ярина гэдгийг ойлгуулах.",
                "NICHD-ийн протоколын судалгаагаар ярилцлагын эхэнд өдөр тутмын, төвийг сахисан үйл явдлыг дэлгэрэнгүй ярьж дадлага хийсэн хүүхэд дараа нь өөрт тохиолдсон явдлын талаар илүү дэлгэрэнгүй, үнэн зөв мэдээлэл өгдөг болох нь харагдсан.",
            ),
            _h2("Танилцуулга"),
            _p(
                "Өөрийн нэрийг хэлж, ажлаа энгийн үгээр тайлбарлаарай: <i>«Намайг Ганаа гэдэг. Би хүүхдүүдтэй тэдэнд тохиолдсон зүйлийн талаар ярилцдаг хүн.»</i> Бичлэг хийж байгаа болон түүнийг хэн үзэж болохыг тайлбарла. Боломжтой бол дүрэмт хувцас, зэвсэг, та хоёрын дунд ширээ байлгахаас зайлсхий.",
                "Баталж чадахгүй зүйлээ бүү амлаарай: хүүхэд гэртээ харина, хэн ч уурлахгүй, эсвэл түүний хэлсэн зүйл нууц хэвээр үлдэнэ гэх мэт.",
            ),
            _h2("Ярилцлагын дүрэм"),
            _p(
                "Хүүхдүүд хариултыг нь аль хэдийн мэддэг насанд хүрэгчид, тухайлбал шалгалтын асуулт тавьдаг багш нартай дассан байдаг. Энэ яриа өөр гэдгийг тайлбарлаж, дүрэм бүрийг энгийн жишээгээр дадлага хийгээрэй:",
                _ol(
                    "<b>«Хариултыг нь мэдэхгүй бол „мэдэхгүй“ гэж хэлээрэй.»</b> Дадлага: «Миний нохойг хэн гэдэг вэ?»",
                    "<b>«Ойлгохгүй бол „ойлгохгүй байна“ гэж хэлээрэй.»</b> Зориуд хэцүү үг ашиглан дадлага хий.",
                    "<b>«Би буруу хэлбэл намайг засаарай.»</b> Дадлага: «Тэгэхээр чи хоёр настай юм байна, тийм үү?»",
                    "<b>«Би тэнд байгаагүй болохоор юу болсныг мэдэхгүй. Санаж байгаа бүхнээ надад яриарай.»</b>",
                    "<b>«Зөвхөн үнэхээр болсон зүйлийн тухай ярих нь чухал.»</b> Бага насны хүүхдээс үнэн гэж юу болохыг тодорхойлохыг бүү шаарда, харин «үнэн үү, үнэн биш үү» гэсэн энгийн жишээгээр ойлголтыг нь шалгаарай.",
                ),
            ),
            _h3("Дадлагын яриа"),
            _p(
                "Ярилцлагын гол сэдэв рүү орохоос өмнө хүүхдээс саяхан болсон ердийн нэг үйл явдлыг дэлгэрэнгүй ярихыг хүс: <i>«Сүүлийн төрсөн өдрийнхөө тухай эхнээс нь дуустал яриад өгөөч.»</i> Дараа нь хэрэглэх нээлттэй асуултаа энд ч хэрэглэ: <i>«Тэгээд юу болсон бэ?»</i>, <i>«Бялууныхаа тухай илүү ихийг яриач.»</i>",
                "Энэ нь хүүхдийг өөрийн үгээр дэлгэрэнгүй хариулахад сургахаас гадна тухайн хүүхэд тайван үедээ хэрхэн ярьдгийг танд харуулна.",
            ),
            _key(
                "Итгэлцэл тогтоох үе шатыг алгасаж болохгүй",
                "Цаг шахуу үед хэрэг явдлын тухай асуулт руу шууд орох сонирхол төрдөг. Тэгж болохгүй. Танилцах, дүрэм тайлбарлах, дадлагын яриа хийхэд зарцуулсан хэдэн минут дараа нь цаг хэмнэж, шүүхэд илүү найдвартай нотлох баримт бүрдүүлэхэд тусалдаг.",
            ),
            _check(
                "Ярилцлага авагч «Би буруу хэлбэл намайг засаарай» гэсэн дүрмийг яагаад зориуд алдаа гаргаж дадлагажуулдаг вэ?",
                [
                    _no(
                        "Хүүхэд анхааралтай байгаа эсэхийг шалгахын тулд.",
                        "Анхаарал чухал ч энэ нь гол зорилго биш.",
                    ),
                    _yes(
                        "Энд насанд хүрэгчийг засаж болно, бүр засах ёстой гэдгийг хүүхдэд харуулахын тулд.",
                        "Олон хүүхэд насанд хүрэгчид үргэлж зөв гэж боддог. Дадлага хийснээр чухал зүйл дээр таныг засах эрхийг хүүхдэд олгоно.",
                    ),
                    _no(
                        "Хүүхдийг инээлгэж, тайвшруулахын тулд.",
                        "Ийм үр дүн гарч болох ч гол зорилго нь насанд хүрэгчийн алдааг дагах хүүхдийн хандлагыг багасгах явдал.",
                    ),
                ],
                "Хүүхэд, ялангуяа гэмтэл туулсан хүүхэд насанд хүрэгчдийн хэлснийг хүлээн зөвшөөрөх хандлагатай. Ач холбогдолгүй зүйл дээр засах дадлага хийх нь чухал зүйл дээр таныг засах магадлалыг нэмэгдүүлнэ.",
            ),
        ],
    },
    "en": {
        "title": "Rapport and ground rules",
        "body": [
            _p(
                "The first minutes of an interview have three purposes: to help the child feel safe enough to talk, to explain what will happen, and to show the child that in this conversation it is <i>they</i> who do most of the talking.",
                "Research on the NICHD protocol has found that children who practise giving a detailed account of an everyday, neutral event early in the interview go on to give fuller and more accurate accounts of what happened to them.",
            ),
            _h2("Introduction"),
            _p(
                "Say your name and explain your job in simple words: <i>“My name is Ganaa. My job is to talk with children about things that have happened to them.”</i> Explain the recording and who may watch it. Where you can, avoid uniforms, weapons and a desk between you and the child.",
                "Do not promise anything you cannot guarantee: that the child will go home, that no one will be angry, or that what they say will stay secret.",
            ),
            _h2("Ground rules"),
            _p(
                "Children are used to adults who already know the answers — teachers asking test questions, for example. Explain that this conversation is different, and practise each rule with a simple example:",
                _ol(
                    "<b>“If you don't know the answer, say ‘I don't know’.”</b> Practise: “What is my dog's name?”",
                    "<b>“If you don't understand, say ‘I don't understand’.”</b> Practise with a deliberately difficult word.",
                    "<b>“If I say something wrong, correct me.”</b> Practise: “So you are two years old, is that right?”",
                    "<b>“I wasn't there, so I don't know what happened. Tell me everything you remember.”</b>",
                    "<b>“It is important to talk only about things that really happened.”</b> Do not ask a young child to define the truth; check their understanding with a simple “true or not true?” example instead.",
                ),
            ),
            _h3("The practice narrative"),
            _p(
                "Before turning to the reason for the interview, ask the child to describe a recent, ordinary event in detail: <i>“Tell me about your last birthday, from the beginning to the end.”</i> Use here the same open prompts you will use later: <i>“And then what happened?”</i>, <i>“Tell me more about the cake.”</i>",
                "This trains the child to give long answers in their own words, and shows you how this child talks when they are calm.",
            ),
            _key(
                "Do not skip rapport",
                "When time is short, it is tempting to go straight to questions about the incident. Don't. A few minutes spent on introductions, ground rules and a practice narrative usually save time later and produce evidence that is more reliable in court.",
            ),
            _check(
                "Why does the interviewer practise the rule “If I say something wrong, correct me” by making a deliberate mistake?",
                [
                    _no(
                        "To check whether the child is paying attention.",
                        "Attention matters, but that is not the main purpose.",
                    ),
                    _yes(
                        "To show the child that correcting an adult is allowed, and expected, here.",
                        "Many children believe adults are always right. Practising gives the child permission to correct you when it matters.",
                    ),
                    _no(
                        "To make the child laugh and relax.",
                        "It may have that effect, but the purpose is to reduce the child's tendency to go along with an adult's mistakes.",
                    ),
                ],
                "Children, and traumatised children especially, tend to accept what adults say. Practising a correction on something harmless makes it more likely that the child will correct you about something that matters.",
            ),
        ],
    },
}

_FREE_RECALL_AND_QUESTIONS = {
    "slug": "free-recall-questions-and-closure",
    "minutes": 35,
    "mn": {
        "title": "Чөлөөт ярилт, асуултын төрөл, ярилцлагыг дуусгах",
        "body": [
            _p(
                "Итгэлцэл тогтсоны дараа ярилцлагын гол хэсэгт сэдэлгүй урилгаар шилжинэ: <i>«Өнөөдөр яагаад надтай ярилцахаар ирснээ яриач.»</i>",
                "Хүүхэд хариулахгүй бол аажмаар тодорхой болох боловч хүн эсвэл үйлдлийг нэрлэхгүй асуулт хэрэглэ, жишээ нь: <i>«Чамайг багштайгаа ярьсан гэж сонссон. Юуны тухай ярьснаа надад яриач.»</i>",
            ),
            _term(
                "Чөлөөт ярилт",
                "«Энэ тухай бүгдийг нь надад яриач» гэх мэт нээлттэй урилгын хариуд хүүхэд болсон явдлыг өөрийн үгээр, өөрийн дарааллаар ярих. Чөлөөт ярилтаар авсан мэдээлэл хүүхдийн өгч чадах хамгийн үнэн зөв мэдээлэл бөгөөд ярилцлагын ихэнх хэсгийг эзлэх ёстой.",
            ),
            _h2("Нээлттэйгээс хаалттай руу: юүлүүр зарчим"),
            _p(
                "Үр дүнтэй байж чадах хамгийн нээлттэй асуултыг хэрэглэж, зөвхөн шаардлагатай үед илүү тодорхой асуулт руу шилжээд, дараа нь дахин нээлттэй асуулт руу буцаарай.",
                _ul(
                    "<b>Урилга:</b> «Болсон бүх зүйлийг надад яриач.» «Тэгээд юу болсон бэ?»",
                    "<b>Хүүхдийн үгэнд тулгуурласан урилга:</b> «Тэр хаалга түгжсэн гэж чи хэлсэн. Энэ тухай илүү ихийг яриач.»",
                    "<b>Тодруулах асуулт (хэн, юу, хаана, хэзээ):</b> хүүхдийн дурдсан нарийн зүйл дээр төвлөрнө. «Тэр үед чи хаана байсан бэ?» «Машин ямар өнгөтэй байсан бэ?»",
                    "<b>Сонголттой асуулт:</b> «Өдөр байсан уу, шөнө байсан уу?» Цөөн хэрэглэж, араас нь нээлттэй асуулт тавих бөгөөд хэргийн гол баримтын талаар хэзээ ч бүү хэрэглэ.",
                    "<b>Сэдэлсэн асуулт:</b> хүүхдийн хэлээгүй мэдээллийг оруулах, эсвэл хүлээж буй хариултыг илэрхийлнэ. «Тэр чамд хүрсэн биз дээ?» Огт бүү хэрэглэ.",
                ),
                "Хүүхдийн өөрийнх нь үйлдлийн талаар «яагаад» гэсэн асуултаас зайлсхий («Яагаад хэнд ч хэлээгүй юм бэ?»). Хүүхэд үүнийг буруутгал гэж ойлгодог.",
            ),
            _note(
                "Доорх бичвэр нь гэртээ бие махбодын хүчирхийлэлд өртсөн хүүхэдтэй хийсэн зохиомол ярилцлагын хэсэг. Нарийн дүрслэл агуулаагүй.",
                _scenario(
                    "Асуултын төрлийг тодорхойл",
                    _html(
                        "<b>Ярилцлага авагч:</b> Ням гарагт болсон бүх зүйлийг надад яриач.",
                        "<b>Билгүүн (10):</b> Аав гэртээ ирээд хашгираад байсан. Би ширээн доогуур орсон.",
                        "<b>Ярилцлага авагч:</b> Чи ширээн доогуур орсон. Энэ тухай илүү ихийг яриач.",
                        "<b>Билгүүн:</b> Би тэнд байсан. Эгч маань уйлж байсан.",
                        "<b>Ярилцлага авагч:</b> Тэр согтуу байсан уу?",
                        "<b>Билгүүн:</b> …Тийм.",
                        "<b>Ярилцлага авагч:</b> Тэгээд тэр ээжийг чинь зодсон биз дээ?",
                        "<b>Билгүүн:</b> (дуугүй)",
                    ),
                    [
                        "Ярилцлага авагчийн дөрвөн асуулт тус бүр урилга, хүүхдийн үгэнд тулгуурласан урилга, тодруулах, сонголттой, сэдэлсэн асуултын аль нь вэ?",
                        "Сүүлийн хоёр асуултын аль мэдээлэл Билгүүнээс бус, ярилцлага авагчаас гарсан бэ?",
                        "Сүүлийн хоёр асуултыг нээлттэй хэлбэрээр дахин бичнэ үү.",
                        "Билгүүний дуугүй болсон нь юуг илэрхийлж болох вэ, ярилцлага авагч хэрхэн хандах ёстой вэ?",
                    ],
                ),
            ),
            _tip(
                "Ярилцлагыг дуусгах таван алхам",
                _ol(
                    "«Надад мэдэх хэрэгтэй гэж чиний бодож буй өөр зүйл байна уу?» гэж асуу.",
                    "«Чи надаас асуух зүйл байна уу?» гэж асууж, үнэнээр хариул.",
                    "Хүүхдийн хэлсэн зүйлд биш, харин гаргасан хүчин чармайлтад нь талархал илэрхийл.",
                    "Дараа нь юу болох, хэн хамт байхыг энгийн бөгөөд үнэнээр тайлбарла.",
                    "Хүүхэд хүнд хэсэг эхлэхээс өмнөхөөсөө тайван байдалтай өрөөнөөс гарахын тулд хэдэн минут төвийг сахисан сэдвээр ярилц.",
                ),
            ),
            _procedure(
                _INTERVIEW_PROCEDURE["mn"],
                "5.3",
                "Хүүхдэд сэдэлсэн асуулт тавихгүй. Тодруулах буюу сонголттой асуулт тавих шаардлага гарсан бол ярилцлага авагч дахин нээлттэй асуулт руу буцах бөгөөд тухайн асуулт, хүүхдийн хариултыг үг үсгээр нь яг тэмдэглэнэ.",
            ),
            _check(
                "Хүүхэд: «Тэр намайг машиндаа суулгаад хаа нэг тийш авч явсан» гэв. Дараагийн хамгийн зөв асуулт аль нь вэ?",
                [
                    _no(
                        "«Цагаан машин байсан уу?»",
                        "Энэ асуулт хүүхдийн хэлээгүй нарийн зүйлийг оруулж байна.",
                    ),
                    _yes(
                        "«Тэр чамайг машиндаа суулгаад хаа нэг тийш авч явсан тухай илүү ихийг яриач.»",
                        "Хүүхдийн үгэнд тулгуурласан урилга хариултыг чөлөөт ярилтын хүрээнд байлгана.",
                    ),
                    _no(
                        "«Чи яагаад түүний машинд суусан юм бэ?»",
                        "Хүүхдийн өөрийн үйлдлийн талаарх «яагаад» асуулт буруутгал мэт сонсогдож болно.",
                    ),
                    _no(
                        "«Тэр чамайг байр руугаа авч явсан биз дээ?»",
                        "Энэ бол сэдэлсэн асуулт: хариултыг нь өөрөө хэлж өгөөд, хүүхдийн дурсамжийг гажуудуулж болзошгүй.",
                    ),
                ],
                "Үр дүнтэй байж чадах хамгийн нээлттэй асуултаас эхэл. Хүүхдийн үгэнд тулгуурласан урилга нь өөрөөсөө юу ч нэмэлгүйгээр хүүхдийн аль хэдийн хэлсэн зүйл дээр үндэслэдэг.",
            ),
        ],
    },
    "en": {
        "title": "Free recall, questions and closure",
        "body": [
            _p(
                "Once rapport is established, move into the substantive part of the interview with a non-suggestive invitation: <i>“Tell me why you came to talk to me today.”</i>",
                "If the child does not respond, use prompts that become gradually more focused but still do not name a person or an act, for example: <i>“I heard you talked to your teacher. Tell me what you talked about.”</i>",
            ),
            _term(
                "Free recall",
                "The child's own account of what happened, in their own words and their own order, in response to an open invitation such as “Tell me everything about that.” Information from free recall is the most accurate a child can give, and it should make up most of the interview.",
            ),
            _h2("From open to closed: the funnel"),
            _p(
                "Use the most open question that will work, move to more focused questions only when you need to, and then return to open prompts.",
                _ul(
                    "<b>Invitation:</b> “Tell me everything that happened.” “And then what happened?”",
                    "<b>Cued invitation</b>, using the child's own words: “You said he locked the door. Tell me more about that.”",
                    "<b>Directive question (who, what, where, when):</b> focuses on a detail the child has mentioned. “Where were you when that happened?” “What colour was the car?”",
                    "<b>Option-posing question:</b> “Was it day or night?” Use sparingly, follow with an open prompt, and never for the central facts of the case.",
                    "<b>Suggestive (leading) question:</b> introduces information the child has not given, or implies the expected answer. “He touched you, didn't he?” Never use.",
                ),
                "Avoid “why” questions about the child's own actions (“Why didn't you tell anyone?”). Children hear them as blame.",
            ),
            _note(
                "The transcript below is from a fictional interview with a child about physical abuse at home. It contains no graphic detail.",
                _scenario(
                    "Name the question types",
                    _html(
                        "<b>Interviewer:</b> Tell me everything that happened on Sunday.",
                        "<b>Bilguun (10):</b> Dad came home and he was shouting. I went under the table.",
                        "<b>Interviewer:</b> You went under the table. Tell me more about that.",
                        "<b>Bilguun:</b> I stayed there. My sister was crying.",
                        "<b>Interviewer:</b> Was he drunk?",
                        "<b>Bilguun:</b> …Yes.",
                        "<b>Interviewer:</b> And he hit your mother, didn't he?",
                        "<b>Bilguun:</b> (silence)",
                    ),
                    [
                        "Which type is each of the interviewer's four questions: invitation, cued invitation, directive, option-posing or suggestive?",
                        "What information in the last two questions came from the interviewer rather than from Bilguun?",
                        "Rewrite the last two questions so that they stay open.",
                        "What might Bilguun's silence mean, and how should the interviewer respond?",
                    ],
                ),
            ),
            _tip(
                "Five steps to close the interview",
                _ol(
                    "Ask: “Is there anything else you think I should know?”",
                    "Ask: “Is there anything you would like to ask me?” and answer honestly.",
                    "Thank the child for their effort — not for what they said.",
                    "Explain, simply and truthfully, what will happen next and who will be with them.",
                    "Spend a few minutes on a neutral topic, so that the child leaves the room calmer than they were when the difficult part began.",
                ),
            ),
            _procedure(
                _INTERVIEW_PROCEDURE["en"],
                "5.3",
                "Leading questions are not put to a child. Where a directive or option-posing question has been necessary, the interviewer returns to an open prompt, and the exact wording of the question and of the child's answer is recorded.",
            ),
            _check(
                "A child says: “He put me in his car and took me somewhere.” Which is the best next question?",
                [
                    _no(
                        "“Was it a white car?”",
                        "This question introduces a detail the child has not given.",
                    ),
                    _yes(
                        "“Tell me more about when he put you in his car and took you somewhere.”",
                        "A cued invitation keeps the answer within free recall.",
                    ),
                    _no(
                        "“Why did you get into his car?”",
                        "A “why” question about the child's own action can sound like blame.",
                    ),
                    _no(
                        "“He took you to his flat, didn't he?”",
                        "This is a suggestive question: it supplies the answer and may distort the child's memory.",
                    ),
                ],
                "Start with the most open prompt that will work. A cued invitation builds on what the child has already said, without adding anything of your own.",
            ),
        ],
    },
}

# Module 3: After the interview

_SAFETY_AND_REFERRAL = {
    "slug": "safety-and-referral",
    "minutes": 30,
    "mn": {
        "title": "Аюулгүй байдлыг үнэлэх, холбон зуучлах",
        "body": [
            _p(
                "Ярилцлага дууссан нь таны хариуцлага дууссан гэсэн үг биш. Хүүхэд явахаас өмнө тэр өнөө шөнө хаана хонох, тэр газар аюулгүй эсэхийг хэн нэгэн шийдэх ёстой. Хүчирхийллийн талаар саяхан ярьсан хүүхэд өмнөхөөсөө илүү эрсдэлд орсон байж болно, учир нь түүнийг хохироосон хүн үүнийг аль хэдийн мэдсэн байж магадгүй.",
            ),
            _h2("Яаралтай аюулгүй байдлын үнэлгээний асуултууд"),
            _p(
                _ul(
                    "Гэмт хэрэг үйлдсэн гэж сэжиглэгдэж буй хүн хүүхэдтэй хамт амьдардаг уу, эсвэл хүүхэдтэй уулзах боломжтой юу?",
                    "Хүүхдэд итгэж, түүнийг хамгаалах чадвартай, хэрэгт холбогдолгүй эцэг эх, хамаатан байна уу?",
                    "Хүүхэд эсвэл гэр бүлийг нь хэн нэгэн сүрдүүлсэн үү?",
                    "Хүүхдэд яг одоо эмнэлгийн тусламж хэрэгтэй юу?",
                    "Хүүхэд өөрөө хаана аюулгүй байна гэж боддог вэ? Асууж, хариултыг нь үргэлж биелүүлж чадахгүй ч гэсэн нухацтай хүлээж ав.",
                ),
                "Хүүхэд гэртээ аюулгүй харих боломжгүй бол хүүхэд хамгааллын үйлчилгээ хууль болон орон нутгийн журмын дагуу түүнийг яаралтай байрлуулах, тухайлбал аюулгүй хамаатан садныд эсвэл түр хамгаалах байранд байрлуулах арга хэмжээ авна.",
            ),
            _law(
                "Эрх зүйн үндэслэл",
                "Монгол Улсын <b>Хүүхэд хамгааллын тухай хууль</b> (2016)-д эрсдэлд орсон хүүхдийн талаар мэдээлэх мэргэжилтэн, иргэний үүрэг, мөн хүүхдийг яаралтай хамгаалах зэрэг хамгааллын арга хэмжээг тусгасан. <b>Хүүхдийн эрхийн тухай хууль</b> (2016) нь хүүхэд өөрт хамаатай асуудлаар санал бодлоо илэрхийлэх эрхийг баталгаажуулдаг.",
                "<b>НҮБ-ын Хүүхдийн эрхийн тухай конвенц</b>-оор аливаа шийдвэр гаргахдаа хүүхдийн дээд ашиг сонирхлыг нэн тэргүүнд харгалзана (3 дугаар зүйл). Мөн улс орнууд хохирогч хүүхдийн бие махбод, сэтгэл зүйн хувьд сэргэж, нийгэмд эргэн нэгдэхийг дэмжих үүрэгтэй (39 дүгээр зүйл).",
            ),
            _procedure(
                _INTERVIEW_PROCEDURE["mn"],
                "6.1",
                "Хүүхэд ярилцлагаас гарахаас өмнө ярилцлага авагч, хүүхэд хамгааллын ажилтан хамтран яаралтай аюулгүй байдлын хяналтын хуудсыг бөглөнө. Аливаа эрсдэл илэрсэн бол хүүхдийг эрсдэлтэй орчинд буцаахгүй бөгөөд тухайн ажлын өдөрт багтаан Хамтарсан багийн ажлын хэсэгт шилжүүлнэ.",
            ),
            _h3("Холбон зуучлах"),
            _p(
                "Холбон зуучлах гэдэг нь хүүхдийг түүний мэдэлтэйгээр шаардлагатай үйлчилгээ буюу эмнэлгийн тусламж, сэтгэл зүйн дэмжлэг, хууль зүйн туслалцаа, боловсрол, аюулгүй асран хамгаалагчид үзүүлэх дэмжлэгтэй холбох явдал юм.",
                "Сайн холбон зуучлал нь <b>биечлэн танилцуулах</b> хэлбэрээр явагддаг: та зөвхөн утасны дугаар өгөөд орхих биш, хүүхэд болон асран хамгаалагчийг дараагийн мэргэжилтэнтэй танилцуулж, тухайн мэргэжилтэнд хэрэгтэй мэдээллийг л хуваалцана.",
            ),
            _check(
                "Ярилцлагын дараа 12 настай охин хойд аав маань уурлана гэж гэртээ харихаас айж байгаагаа хэлэв. Ээж нь хүүхэд хэтрүүлж байна гэв. Юу хийх ёстой вэ?",
                [
                    _no(
                        "Түүнийг хууль ёсны асран хамгаалагч болох ээжтэй нь гэрт нь явуулах.",
                        "Охины айдас бол эрсдэлийн тухай мэдээлэл. Үнэлгээгүйгээр буцаах нь түүнийг өшөө авалтад өртүүлж болзошгүй.",
                    ),
                    _yes(
                        "Түүний айдсыг нухацтай хүлээж авч, аюулгүй байдлын үнэлгээг хийж, хаана хонохыг шийдэхээс өмнө хүүхэд хамгааллын үйлчилгээг оролцуулах.",
                        "Хүүхдийг хаа нэгтээ буцаахаас өмнө түүний санал бодол, эрсдэлийг үнэлэх ёстой.",
                    ),
                    _no(
                        "Аюулгүй байлгахын тулд шөнөжин цагдаагийн хэлтэст байлгах.",
                        "Цагдаагийн хэлтэс бол хүүхэд асрах газар биш. Яаралтай байрлуулах асуудлыг хүүхэд хамгааллын үйлчилгээгээр дамжуулан шийдвэрлэнэ.",
                    ),
                ],
                "Хүүхэд гэртээ харихаас айж байгаа нь өөрөө эрсдэлийн шинж тэмдэг. Хүүхэд хаана хонохыг насанд хүрэгчдийн ая тухад бус, аюулгүй байдлын үнэлгээ, хүүхдийн санал бодол, хуульд үндэслэн шийднэ.",
            ),
            _reflect(
                "Танай нутаг дэвсгэрт өнөө шөнө гэртээ харих боломжгүй хүүхдийг хэн хүлээн авч чадах вэ? Хэрэв мэдэхгүй бол шаардлага гарахаас өмнө үүнийг хэрхэн олж мэдэх вэ?"
            ),
        ],
    },
    "en": {
        "title": "Safety and referral",
        "body": [
            _p(
                "The end of the interview is not the end of your responsibility. Before the child leaves, someone must decide where the child will sleep tonight and whether that place is safe. A child who has just disclosed abuse may be at greater risk than before, because the person who harmed them may already know.",
            ),
            _h2("Questions for the immediate safety assessment"),
            _p(
                _ul(
                    "Does the suspected offender live with the child, or have access to them?",
                    "Is there a parent or relative, not involved in the case, who believes the child and is able to protect them?",
                    "Has anyone threatened the child or the family?",
                    "Does the child need medical care now?",
                    "Where does the child feel safe? Ask, and take the answer seriously, even if you cannot always follow it.",
                ),
                "If the child cannot safely go home, the child protection services arrange an emergency placement — for example with a safe relative or in a temporary shelter — in line with the law and local procedures.",
            ),
            _law(
                "Legal basis",
                "Mongolia's <b>Law on Child Protection</b> (2016) sets out the duty of professionals and citizens to report a child at risk, and the protection measures available to the child, including emergency protection. The <b>Law on the Rights of the Child</b> (2016) guarantees the child's right to express their views on matters that affect them.",
                "Under the <b>UN Convention on the Rights of the Child</b>, the best interests of the child are a primary consideration in every decision (article 3), and states must promote the physical and psychological recovery and social reintegration of child victims (article 39).",
            ),
            _procedure(
                _INTERVIEW_PROCEDURE["en"],
                "6.1",
                "Before the child leaves the interview, the interviewer and the child protection worker complete the immediate safety checklist together. If any risk is identified, the child is not returned to the place of risk, and the case is referred to the Multi-Disciplinary Task Force on the same working day.",
            ),
            _h3("Referral"),
            _p(
                "Referral means connecting the child, with their knowledge, to the services they need: medical care, psychological support, legal aid, education, and support for a safe caregiver.",
                "A good referral is made <b>in person</b>: rather than handing over a phone number, you introduce the child and their caregiver to the next professional, and you share only the information that professional needs.",
            ),
            _check(
                "After the interview, a 12-year-old girl says she is afraid to go home because her stepfather will be angry. Her mother says the child is exaggerating. What should happen?",
                [
                    _no(
                        "Send her home with her mother, who is her legal guardian.",
                        "The girl's fear is information about risk. Returning her without an assessment could expose her to retaliation.",
                    ),
                    _yes(
                        "Take her fear seriously, complete the safety assessment and involve child protection services before deciding where she sleeps.",
                        "The child's views and the risk must be assessed before she is returned anywhere.",
                    ),
                    _no(
                        "Keep her at the police station overnight to be safe.",
                        "A police station is not a place of care. Emergency placement is arranged through child protection services.",
                    ),
                ],
                "A child's fear of going home is itself a sign of risk. Where she sleeps is decided on the basis of a safety assessment, her views and the law — not the convenience of the adults.",
            ),
            _reflect(
                "Who, in your area, can take in a child who cannot go home tonight? If you do not know, how will you find out before you need to?"
            ),
        ],
    },
}

_TASK_FORCE = {
    "slug": "working-with-the-task-force",
    "minutes": 25,
    "mn": {
        "title": "Хамтарсан багийн ажлын хэсэгтэй хамтран ажиллах",
        "body": [
            _p(
                "Ямар ч байгууллага хүүхдийг ганцаараа хамгаалж чадахгүй. Цагдаа мөрдөн шалгаж, Хүүхдийн эрхийн улсын байцаагч хүүхдийн эрх хангагдаж буй эсэхэд хяналт тавьж, нийгмийн ажилтан халамж, дэмжлэгийг төлөвлөж, эмч, сэтгэл зүйч эмчилгээ, дэмжлэг үзүүлж, сургууль анзаарч мэдээлдэг.",
                "Байгууллага бүр тус тусдаа ажиллавал хүүхдээс дахин дахин асууж, мэдээлэл алдагдаж, хүүхэд үйлчилгээнүүдийн завсар орхигддог.",
            ),
            _term(
                "Хамтарсан багийн ажлын хэсэг",
                "Энэ сургалтад эрсдэлд орсон хүүхдийн талаарх мэдээллийг солилцож, хамтарсан төлөвлөгөө гаргаж, хэрэгжилтийг нь хянахаар хуралддаг цагдаа, Хүүхдийн эрхийн улсын байцаагч, нийгмийн ажил, эрүүл мэнд, боловсрол, орон нутгийн захиргааны төлөөллөөс бүрдсэн мэргэжилтнүүдийн бүрэлдэхүүнийг хэлнэ. Зохион байгуулалт, нэршил нь орон нутагт өөр байж болох тул өөрийн нутаг дэвсгэрийн журмыг баримтална.",
            ),
            _h2("Хамтын ажиллагааны зарчим"),
            _p(
                _ul(
                    "<b>Боломжтой бол нэг ярилцлага.</b> Хэн ярилцлага авах, байгууллага бүрд ямар мэдээлэл хэрэгтэйг урьдчилан тохиролцож, нэг асуултыг байгууллага бүр хүүхдээс дахин асуухаас сэргийлнэ.",
                    "<b>Зөвхөн шаардлагатай мэдээллийг, хэрэгтэй хүнд нь хуваалцах.</b> Хүүхдийн тухай мэдээллийг хов жив болгон бус, хүүхдийг хамгаалах зорилгоор хуваалцана. Юуг, хэнтэй, яагаад хуваалцсанаа тэмдэглэнэ.",
                    "<b>Нэг хариуцсан мэргэжилтэн.</b> Хүүхэд болон гэр бүл холбогдох нэг хүний нэрийг мэддэг байх ёстой.",
                    "<b>Бичгээр гаргасан төлөвлөгөө:</b> ажил, хариуцагч, хугацааг тусгаж, дараагийн хурлаар хянана.",
                    "<b>Хүүхдийн дуу хоолой.</b> Хурлын ширээний ард хүүхэд юу хүсч байгааг хэлж чадах хүн заавал байх ёстой.",
                ),
            ),
            _scenario(
                "Хэлэлцүүлгийн үеэр гарсан санал зөрөлдөөн",
                _html(
                    "Зохиомол Ногоон далай дүүргийн Хамтарсан багийн ажлын хэсэг хөрш нь өөрийг нь мөлжиж байсан тухай ярьсан 14 настай Энхжингийн асуудлаар хуралдав. Мөрдөгч огноог тодруулахын тулд маргааш түүнээс дахин ярилцлага авахыг хүсэж байна.",
                    "Нийгмийн ажилтан Энхжин анхны ярилцлагаас хойш нойргүй байгаа тул хойшлуулахыг хүсэв. Сургуулийн төлөөлөгч Энхжинд анхаарал тавих үүднээс ангийн багшид нь «бүгдийг» хэлэхийг хүсэж байна.",
                ),
                [
                    "Мэргэжилтэн тус бүрд юу хэрэгтэй вэ, Энхжинд юу хэрэгтэй вэ?",
                    "Хоёр дахь ярилцлага зайлшгүй шаардлагатай юу? Хэрэв тийм бол хор хөнөөлийг багасгахын тулд үүнийг хэрхэн төлөвлөх вэ?",
                    "Ангийн багш яг юуг мэдэх шаардлагатай вэ?",
                    "Хэн хариуцсан мэргэжилтэн байх ёстой вэ, гаргасан шийдвэрийг Энхжинд хэрхэн хэлэх вэ?",
                ],
            ),
            _key(
                "Нууцлал гэдэг нь нуух гэсэн үг биш",
                "Мэргэжилтнүүд заримдаа «нууц» гэж мэдээлэл хуваалцахаас татгалздаг, заримдаа хэт их мэдээлэл хуваалцдаг. Аль ч тохиолдолд шалгуур нэг: энэ мэдээллийг энэ хүнтэй хуваалцах нь энэ хүүхдийг хамгаалахад тус болох уу? Хэрэв тийм бол хуваалцаж, тэмдэглэж, аюулгүй бол хүүхэд эсвэл асран хамгаалагчид мэдэгдээрэй.",
            ),
            _check(
                "Хамтарсан багийн ажлын хэсэг яагаад хүүхдээс хэн ярилцлага авах, байгууллага бүрд юу хэрэгтэйг урьдчилан тохиролцох ёстой вэ?",
                [
                    _no(
                        "Дараа нь байгууллага бүр өөрийн ярилцлагыг хийх боломжтой байлгахын тулд.",
                        "Зорилго нь эсрэгээрээ: давтан ярилцлагаас зайлсхийх.",
                    ),
                    _yes(
                        "Хүүхэд болсон явдлаа ярих удаа, түүнээс үүдэх хор хөнөөлийг багасгахын тулд.",
                        "Давтан ярих бүр стрессийг нэмж, мэдүүлгийг зөрүүтэй мэт харагдуулж болно.",
                    ),
                    _no(
                        "Хууль нэгээс олон байгууллага хүүхэдтэй ярихыг хориглодог учраас.",
                        "Энэ сургалт ийм дүрэм байна гэж заагаагүй. Шалтгаан нь хүүхдийн сайн сайхан байдал, нотлох баримтын чанар юм.",
                    ),
                ],
                "Нэг удаагийн, зөв явуулсан ярилцлагыг төлөвлөх нь хүүхдийг давтан асуулгаас, нотлох баримтыг давтан асуулгаас үүдэх гажуудлаас хамгаална.",
            ),
            _reflect(
                "Танай нутаг дэвсгэрт аль байгууллагатай хамтран ажиллах нь танд хамгийн хэцүү санагддаг вэ? Тэд танай байгууллагатай ажиллахдаа юуг хэцүү гэж үздэг болов уу?"
            ),
        ],
    },
    "en": {
        "title": "Working with the Multi-Disciplinary Task Force",
        "body": [
            _p(
                "No agency can protect a child on its own. The police investigate; the State Child Rights Inspector checks that the child's rights are respected; social workers plan care and support; doctors and psychologists treat and support; schools notice and report.",
                "When each agency works alone, the child is questioned again and again, information is lost, and children fall through the gaps between services.",
            ),
            _term(
                "Multi-Disciplinary Task Force",
                "In this course: the professionals from the police, the State Child Rights Inspectorate, social work, health, education and local administration who meet to share information about a child at risk, agree a joint plan and follow it up. Arrangements and names vary from place to place; follow the procedures in your area.",
            ),
            _h2("Principles of joint work"),
            _p(
                _ul(
                    "<b>One interview where possible.</b> Agree in advance who will interview and what each agency needs, so that each agency does not ask the child the same questions again.",
                    "<b>Share what is necessary, with those who need it.</b> Information about a child is shared to protect the child, never as gossip. Record what you shared, with whom and why.",
                    "<b>One lead professional.</b> The child and family should know one name to contact.",
                    "<b>A written plan</b> with tasks, names and dates, reviewed at the next meeting.",
                    "<b>The child's voice.</b> Someone at the table must be able to say what the child wants.",
                ),
            ),
            _scenario(
                "A disagreement at the case meeting",
                _html(
                    "The Task Force in the fictional Nogoon Dalai district meets about Enkhjin, 14, who has disclosed that a neighbour was exploiting her. The investigator wants to interview her again tomorrow to clarify dates.",
                    "The social worker says Enkhjin has not slept since the first interview and asks for a delay. The school representative wants to tell Enkhjin's class teacher “everything”, so that the teacher can keep an eye on her.",
                ),
                [
                    "What does each professional need, and what does Enkhjin need?",
                    "Is a second interview necessary? If so, how could it be planned to limit the harm?",
                    "What exactly does the class teacher need to know?",
                    "Who should be the lead professional, and how will Enkhjin be told what was decided?",
                ],
            ),
            _key(
                "Confidentiality is not secrecy",
                "Professionals sometimes refuse to share information “because it is confidential”, and sometimes share far too much. The test is the same either way: will sharing this information, with this person, help protect this child? If so, share it, record it, and tell the child or caregiver where it is safe to do so.",
            ),
            _check(
                "Why should the Task Force agree in advance who will interview the child and what each agency needs?",
                [
                    _no(
                        "So that each agency can conduct its own interview afterwards.",
                        "The aim is the opposite: to avoid repeated interviews.",
                    ),
                    _yes(
                        "To reduce the number of times the child must tell their story, and the harm that causes.",
                        "Each retelling adds stress and can make the account look inconsistent.",
                    ),
                    _no(
                        "Because the law forbids more than one agency from speaking with the child.",
                        "This course does not claim there is such a rule. The reasons are the child's welfare and the quality of the evidence.",
                    ),
                ],
                "Planning one well-conducted interview protects the child from repeated questioning, and protects the evidence from the distortion that repeated questioning can cause.",
            ),
            _reflect(
                "Which agency in your area do you find hardest to work with? What do you think they find hard about working with yours?"
            ),
        ],
    },
}

_VICARIOUS_TRAUMA = {
    "slug": "vicarious-trauma-and-self-care",
    "minutes": 25,
    # No content note, but it asks readers to look at how the work affects them: it ends with whom to call.
    "distressing": True,
    "mn": {
        "title": "Өөртөө анхаарал тавих: хоёрдогч сэтгэл зүйн гэмтэл",
        "body": [
            _p(
                "Хүүхэд хүчирхийлэл, мөлжлөгт өртсөн тухайгаа ярихыг сонсох нь сонсогч хүнд нөлөөлдөг. Энэ нь сул дорой байдал эсвэл мэргэжлийн бус байдлын шинж биш, харин энэ ажлын урьдчилан таамаглаж болох үр дагавар юм.",
                "Үүнийг эрт анзаардаг мэргэжилтэн, түүнд урьдчилан бэлтгэдэг байгууллага энэ ажлыг олон жилийн турш сайн хийж чаддаг.",
            ),
            _term(
                "Хоёрдогч сэтгэл зүйн гэмтэл",
                "Бусдын сэтгэл зүйн гэмтлийн тухай давтан сонсож, харснаас мэргэжилтний үзэл бодол, сэтгэл хөдлөл, аюулгүй байдлын мэдрэмжид гарах удаан хугацааны өөрчлөлт. Жишээ нь, насанд хүрсэн хүн бүрийг хүчирхийлэгч байж болзошгүй гэж харж эхлэх. Ажлын ачаалал, нөхцөлөөс үүдэлтэй мэргэжлийн ядаргаатай холбоотой боловч түүнээс ялгаатай.",
            ),
            _h2("Анхаарах шинж тэмдэг"),
            _p(
                _ul(
                    "Хэргийн дүр зураг, нарийн зүйлс шөнө эсвэл санаандгүй үед эргэн санагдах.",
                    "Мэдрэмжгүй болох, эсвэл хамт олон, гэр бүлдээ уцаарлах.",
                    "Зарим хэргээс зайлсхийх, эсвэл эсрэгээрээ хэт их оролцох.",
                    "Хүмүүст итгэх итгэлээ алдах, өөрийн хүүхдүүдийг хэт хамгаалах.",
                    "Нойр муудах, архи уух нь ихсэх, найз нөхдөөсөө хөндийрөх.",
                    "Хүйтэн хөндий хандлага: «Бидний юу ч хийсэн нэмэргүй.»",
                ),
                "Хүнд хэргийн дараа эдгээрийн нэг хоёр нь илрэх нь хэвийн. Хэд хэдэн шинж тэмдэг хэдэн долоо хоног үргэлжилбэл арга хэмжээ авах дохио юм.",
            ),
            _tip(
                "Хүнд ярилцлагын дараа",
                _ul(
                    "Дараагийн ажил руу орохоос өмнө хэдэн минут алхаж, гүнзгий амьсгалж, ус уу.",
                    "Хамт ажиллагч эсвэл шууд удирдлагатайгаа ажлын явц, өөрийн сэтгэгдлийн талаар ярилц. Хүүхдийн ярьсан нарийн зүйлсийг давтах шаардлагагүй.",
                    "Ажлын өдрийн төгсгөлд ажил, гэрээ зааглах тогтсон дадалтай бол.",
                    "Нууцлалын хязгаарыг баримтал: гэр бүлийнхэн тань таны хэргийн нарийн зүйлсийг үүрэх ёсгүй.",
                ),
            ),
            _key(
                "Өөртөө анхаарал тавих нь байгууллагын үүрэг ч мөн",
                "Хувь хүний дадал чухал ч хангалтгүй. Ажилтнаараа хүүхдээс ярилцлага авахуулдаг байгууллага тогтмол мэргэжлийн зөвлөгөө, хяналт (супервиз), боломжийн ажлын ачаалал, нууцлалтай сэтгэл зүйн зөвлөгөө авах боломж олгож, тусламж хүсэх нь албан тушаал ахихад саад болохгүй соёлыг бүрдүүлэх ёстой.",
            ),
            _check(
                "Хүүхдээс ярилцлага авдаг нэг хамт ажиллагч тань хүмүүсээс хөндийрч, «эрчүүд бүгд адилхан» гэж гашуун хошигнож, хүнд хэргийн дараа өвчтэй гэж чөлөө авах болжээ. Хамгийн тустай хариу үйлдэл юу вэ?",
                [
                    _no(
                        "Тоохгүй байх: энэ ажил хийдэг хүн бүр ийм болдог.",
                        "Энэ түгээмэл боловч хор хөнөөлгүй биш бөгөөд дэмжлэггүйгээр улам дордож болно.",
                    ),
                    _yes(
                        "Түүнтэй ганцаарчлан ярилцаж, анзаарсан зүйлээ шүүмжлэлгүйгээр хэлээд, мэргэжлийн хяналт-зөвлөгөө эсвэл сэтгэл зүйн зөвлөгөө авахыг уриалах.",
                        "Ганцаарчилсан, халамжтай яриа, дэмжлэг авах боломжийг зааж өгөх нь хамгийн тустай эхний алхам.",
                    ),
                    _no(
                        "Хүүхдээс ярилцлага авах чадваргүй гэж удирдлагад мэдэгдэх.",
                        "Хэрэв түүний ажил хүүхдийн аюулгүй байдалд нөлөөлж байвал үүнийг хөндөх ёстой, гэхдээ эхний хариу үйлдэл нь шийтгэл бус дэмжлэг байх ёстой.",
                    ),
                ],
                "Эдгээр нь хоёрдогч сэтгэл зүйн гэмтлийн түгээмэл шинж тэмдэг. Анзаарч, эелдгээр хэлж, хамт ажиллагчаа дэмжлэг авахад нь туслах нь түүнийг болон түүний ажилладаг хүүхдүүдийг хамгаална.",
            ),
            _reflect(
                "Энэ ажил танд нөлөөлж эхэлснийг илтгэх таны өөрийн анхны шинж тэмдэг юу вэ? Тэдгээрийг анзаарах үедээ хийх нэг зүйл, ярилцах нэг хүнээ нэрлэнэ үү."
            ),
        ],
    },
    "en": {
        "title": "Looking after yourself: vicarious trauma",
        "body": [
            _p(
                "Listening to children describe abuse and exploitation affects the people who listen. This is not a sign of weakness or a lack of professionalism; it is a predictable effect of the work.",
                "Professionals who notice it early, and organisations that plan for it, can do this work well for many years.",
            ),
            _term(
                "Vicarious trauma",
                "Lasting changes in a professional's beliefs, feelings and sense of safety that result from repeatedly hearing about or seeing other people's trauma — for example, coming to see every adult as a possible abuser. It is related to burnout, which comes from workload and working conditions, but it is not the same.",
            ),
            _h2("Signs to watch for"),
            _p(
                _ul(
                    "Images or details from cases that come back at night or at unexpected moments.",
                    "Feeling numb, or irritable with colleagues and family.",
                    "Avoiding certain cases — or becoming over-involved in them.",
                    "Losing trust in people; becoming over-protective of your own children.",
                    "Sleeping badly, drinking more, withdrawing from friends.",
                    "Cynicism: “Nothing we do makes any difference.”",
                ),
                "One or two of these after a hard case is normal. Several that last for weeks are a signal to act.",
            ),
            _tip(
                "After a difficult interview",
                _ul(
                    "Before the next task, take a few minutes: walk, breathe deeply, drink water.",
                    "Talk with a colleague or your supervisor about how the work went and how you are feeling. There is no need to repeat the child's details.",
                    "Keep a routine that marks the end of the working day and separates work from home.",
                    "Keep to the limits of confidentiality: your family should not have to carry the details of your cases.",
                ),
            ),
            _key(
                "Self-care is also the organisation's duty",
                "Individual habits matter, but they are not enough. Agencies that ask staff to interview children should provide regular professional supervision, reasonable caseloads and access to confidential counselling, and build a culture in which asking for help does not harm anyone's career.",
            ),
            _check(
                "A colleague who interviews children has become withdrawn, jokes bitterly that “all men are the same”, and has started taking sick days after hard cases. What is the most helpful response?",
                [
                    _no(
                        "Leave it: everyone who does this work gets like that.",
                        "It is common, but it is not harmless, and without support it can get worse.",
                    ),
                    _yes(
                        "Talk with them privately, say what you have noticed without judging, and encourage them to use supervision or counselling.",
                        "A private, caring conversation and a route to support are the most helpful first steps.",
                    ),
                    _no(
                        "Report them to management as unfit to interview children.",
                        "If their work is affecting children's safety, that must be raised — but the first response should be support, not discipline.",
                    ),
                ],
                "These are common signs of vicarious trauma. Noticing them, naming them kindly and helping a colleague reach support protects both the colleague and the children they work with.",
            ),
            _reflect(
                "What are your own early warning signs that the work is affecting you? Name one thing you will do, and one person you will talk to, when you notice them."
            ),
        ],
    },
}


# ---------------------------------------------------------------------------------------------
# Course 2 — Identifying child trafficking at border checkpoints
# ---------------------------------------------------------------------------------------------

_INDICATORS = {
    "slug": "trafficking-indicators",
    "minutes": 35,
    "mn": {
        "title": "Хүүхэд худалдаалах гэмт хэргийн шинж тэмдэг",
        "body": [
            _p(
                "Хилийн алба хаагч ихэнхдээ худалдаалагдаж буй хүүхдийг мөлжлөг эхлэхээс өмнө, эсвэл мөлжлөг үргэлжилж байх үед нь харж буй цорын ганц төрийн албан хаагч байдаг. Хилийн боомт бол хүүхэд гэрээсээ хол, ил харагдахуйц, арга хэмжээ авах эрх бүхий хүний өмнө байх ховор мөч юм.",
                "Насанд хүрэгчидтэй хамт хил нэвтэрч буй хүүхдийн дийлэнх нь гэр бүлийнхэнтэйгээ аюулгүй зорчиж байдаг. Таны үүрэг бол бүх хүнийг сэжиглэх биш, харин ямар нэг зүйл зохицохгүй байгааг анзаарч, дахин нягталж харах явдал юм.",
            ),
            _term(
                "Хүүхэд худалдаалах гэмт хэрэг",
                "18 нас хүрээгүй хүнийг мөлжих зорилгоор элсүүлэх, тээвэрлэх, шилжүүлэх, орогнуулах, хүлээн авах үйлдэл. Мөлжлөгт бэлгийн мөлжлөг, албадан гуйлга гуйлгах зэрэг албадан хөдөлмөр, үйлчилгээ орно. Хүүхдийн хувьд хүч, заналхийлэл, хууран мэхлэлт хэрэглээгүй, хүүхэд өөрөө зөвшөөрсөн байсан ч энэ нь хүн худалдаалах гэмт хэрэг болно.",
            ),
            _h2("Юуг анзаарах вэ"),
            _p(
                "<b>Бичиг баримт, зорчилт</b>",
                _ul(
                    "Хүүхдийн паспорт, тасалбарыг хүүхэд өөрөө бус, насанд хүрэгч барьж, хүлээлгэн өгөхөөс татгалзах.",
                    "Дагалдан яваа насанд хүрэгч нь эцэг эх нь биш бөгөөд танай журмаар хүүхэд зорчихдоо бүрдүүлэх ёстой бичиг баримт дутуу, бүрэн бус, эсвэл засвартай харагдах.",
                    "Маршрут, буцах тасалбар, байх хугацаа нь хэлсэн зорилготой нийцэхгүй байх.",
                ),
                "<b>Хүүхдийн хэлж, хийж буй зүйл</b>",
                _ul(
                    "Хүүхэд хаашаа явж байгаа, хэн угтах, хэр удаан байхаа мэдэхгүй байх.",
                    "Хариулт нь цээжилсэн мэт сонсогдох, эсвэл хариулахаасаа өмнө насанд хүрэгч рүү харах.",
                    "Ажил, «гэрээ», өр, эсвэл их орлого олох амлалтын тухай дурдах.",
                    "Айсан, битүү, ядарсан харагдах, эсвэл наснаасаа хамаагүй ахимаг хувцасласан байх.",
                ),
                "<b>Насанд хүрэгчид</b>",
                _ul(
                    "Насанд хүрэгч хүүхдийн өмнөөс хариулж, хүүхдэд ганцаараа ярих боломж олгохгүй байх.",
                    "Нэг насанд хүрэгч хоорондоо ураг төрлийн холбоогүй хэд хэдэн хүүхэд, өсвөр насныхныг дагуулж явах.",
                    "Хүүхэд, насанд хүрэгчдийн ярьж буй зүйл хоорондоо зөрөх.",
                ),
            ),
            _key(
                "Шинж тэмдэг нь нотолгоо биш, нягтлах үндэслэл",
                "Аль нэг шинж тэмдэг дангаараа хүүхэд худалдаалсныг нотлохгүй бөгөөд эдгээр шинж тэмдгийн аль нь ч харагдахгүй байхад хүүхэд худалдаалагдаж байж болно. Хэд хэдэн шинж тэмдэг давхацвал нягтлан шалгах үндэслэл болно: хүүхэдтэй тусад нь ярилцаж, журмынхаа дагуу ажиллаарай. Гэмт хэрэг үйлдэгдсэн эсэхийг дараа нь мөрдөн шалгах байгууллага тогтооно.",
            ),
            _check(
                "15 настай хүү гэр бүлийн найз гэх эрэгтэйн хамт гадаадад зуны ажилд явж байна. Эрэгтэй хүүгийн паспортыг барьж байгаа. Хүү тасалбарын мөнгийг цалингаасаа «буцааж төлнө» гэв. Та юу хийх ёстой вэ?",
                [
                    _no(
                        "Нэвтрүүлэх: хүү ажиллах насанд хүрсэн бөгөөд явахыг зөвшөөрсөн.",
                        "Хүүхэд зөвшөөрсөн нь хүүхэд худалдаалах гэмт хэргийг үгүйсгэхгүй бөгөөд зам зардлын өр бол хяналт тогтоох түгээмэл арга.",
                    ),
                    _yes(
                        "Эдгээрийг давхацсан шинж тэмдэг гэж үзэж, хүүтэй тусад нь ярилцаж, журмынхаа дагуу ажиллах.",
                        "Паспортыг насанд хүрэгч барьж буй, гадаадад ажиллах, зам зардлын өр зэрэг нь хамтдаа нягтлан шалгах хангалттай үндэслэл болно.",
                    ),
                    _no(
                        "Эрэгтэйг хүн худалдаалсан хэргээр газар дээр нь баривчлах.",
                        "Гэмт хэрэг үйлдэгдсэн эсэхийг та хараахан мэдэхгүй. Журмынхаа дагуу ажиллаж, цагдаагийн байгууллагыг оролцуул.",
                    ),
                ],
                "Энд хэд хэдэн шинж тэмдэг байна: ураг төрлийн бус насанд хүрэгч, гадаад дахь ажил, насанд хүрэгчийн барьж буй бичиг баримт, өр. Эдгээр нь хамтдаа хүүтэй ганцаарчлан ярилцаж, холбон зуучлах журмыг хэрэгжүүлэх үндэслэл болно.",
            ),
            _reflect(
                "Өнгөрсөн сард танай боомтоор нэвтэрсэн хүүхдүүдийг эргэн санаарай. Нөхцөл байдал нь бүрэн нийцэхгүй санагдсан хүүхэд байсан уу? Та юуг анзаарч, юу хийсэн бэ?"
            ),
        ],
    },
    "en": {
        "title": "Indicators of child trafficking",
        "body": [
            _p(
                "Border officials are often the only state officials who see a trafficked child before the exploitation begins, or while it is still going on. A checkpoint is a rare moment when the child is away from home, in plain view, and in front of someone with the authority to act.",
                "Most children crossing the border with adults are travelling safely with their families. Your task is not to suspect everyone, but to notice when something does not fit, and to take a second look.",
            ),
            _term(
                "Child trafficking",
                "The recruitment, transportation, transfer, harbouring or receipt of a person under 18 for the purpose of exploitation. Exploitation includes sexual exploitation and forced labour or services, such as forced begging. For a child, it is trafficking even if no force, threat or deception was used, and even if the child agreed.",
            ),
            _h2("What to look for"),
            _p(
                "<b>Documents and travel</b>",
                _ul(
                    "An adult, not the child, holds the child's passport and tickets, and is reluctant to hand them over.",
                    "The accompanying adult is not a parent, and the documents your procedures require for a child's travel are missing, incomplete or look altered.",
                    "The route, the return ticket or the length of stay do not match the stated purpose of the trip.",
                ),
                "<b>What the child says and does</b>",
                _ul(
                    "The child does not know where they are going, who will meet them, or how long they will stay.",
                    "The answers sound rehearsed, or the child looks at the adult before answering.",
                    "The child mentions a job, a “contract”, a debt, or a promise of high earnings.",
                    "The child seems frightened, withdrawn or exhausted, or is dressed much older than their age.",
                ),
                "<b>The adults</b>",
                _ul(
                    "An adult answers for the child and does not let the child speak alone.",
                    "One adult is accompanying several children or adolescents who are not related to each other.",
                    "What the child says and what the adults say do not match.",
                ),
            ),
            _key(
                "Indicators are reasons to look closer, not proof",
                "No single indicator proves trafficking, and a child may be trafficked when none of these signs is visible. When several indicators come together, you have grounds to look closer: speak with the child separately and follow your procedure. Whether a crime has been committed is established later, by investigators.",
            ),
            _check(
                "A 15-year-old boy is travelling abroad for a summer job with a man who says he is a family friend. The man is holding the boy's passport. The boy says he will “pay back” the ticket from his wages. What should you do?",
                [
                    _no(
                        "Let them through: the boy is old enough to work and has agreed to go.",
                        "A child's agreement does not rule out trafficking, and a debt for travel costs is a common means of control.",
                    ),
                    _yes(
                        "Treat these as indicators that come together: speak with the boy separately and follow your procedure.",
                        "An adult holding the passport, work abroad and a travel debt together give sufficient grounds to look closer.",
                    ),
                    _no(
                        "Arrest the man for trafficking on the spot.",
                        "You do not yet know whether a crime has been committed. Follow your procedure and involve the police.",
                    ),
                ],
                "Several indicators are present: an unrelated adult, work abroad, a document held by the adult, and a debt. Together they justify speaking with the boy alone and following the referral procedure.",
            ),
            _reflect(
                "Think back over the children who crossed at your checkpoint last month. Was there a child whose situation did not quite fit? What did you notice, and what did you do?"
            ),
        ],
    },
}

_SPEAKING_WITH_THE_CHILD = {
    "slug": "speaking-with-the-child",
    "minutes": 40,
    "mn": {
        "title": "Насанд хүрэгчидтэй хамт зорчиж буй хүүхэдтэй ярилцах",
        "body": [
            _p(
                "Хилийн боомтод та мөрдөн шалгах бүрэн ярилцлага хийхгүй. Таны зорилго илүү явцуу: хүүхдэд аюулгүйгээр ярих боломж олгох, холбон зуучлах эсэхээ шийдэхэд хангалттай мэдээлэл авах, мөн хүүхдэд болон дараагийн мөрдөн шалгах ажиллагаанд хор хөнөөл учруулахгүй байх.",
                "Худалдаалагдаж буй хүүхдэд юу хэлэхийг нь зааж өгсөн, албан тушаалтнууд баривчилна гэж айлгасан, эсвэл гэр бүлд нь хор хөнөөл учруулна гэж сүрдүүлсэн байх нь олонтаа. Тэд бүхнийг үгүйсгэж магадгүй. Энэ нь таныг асуусандаа буруу байсан гэсэн үг биш.",
            ),
            _h2("Хүүхэдтэй аюулгүйгээр тусад нь ярилцах"),
            _p(
                _ul(
                    "Насанд хүрэгчдийг түгшээхгүй ердийн шалтгаан хэлээрэй: жишээ нь, насанд хүрээгүй бүх зорчигч тусдаа богино шалгалтад ордог гэх мэт.",
                    "Насанд хүрэгчид хүүхдийг харж, сонсох боломжгүй, гэхдээ саатуулах өрөө биш, тусгаар орон зай сонго.",
                    "Боломжтой бол хоёр алба хаагч байлцаж, хүүхдээс эрэгтэй эсвэл эмэгтэй алба хаагчтай ярихыг хүсэх эсэхийг асуу.",
                    "Насанд хүрэгчидтэй ямар ч холбоогүй мэргэжлийн орчуулагч ашигла. Дагалдан яваа насанд хүрэгчийг хэзээ ч орчуулагч болгож болохгүй.",
                    "Ус, суух суудал санал болгож, бие засах боломж олго. Тайван өнгөөр ярьж, нээлттэй байдлаар хандаарай.",
                ),
            ),
            _tip(
                "Тус болох үгс",
                _ul(
                    "«Намайг … гэдэг. Би энд хил дээр ажилладаг. Аялж яваа бүх залуустай аюулгүй эсэхийг нь мэдэх гэж ярилцдаг.»",
                    "«Чамайг ямар нэг зүйлд буруутгаж байгаа юм биш.»",
                    "«Аяллынхаа тухай надад яриач. Хаашаа явж байгаа вэ?»",
                    "«Очих гэж буй ажил / сургууль / гэр бүлийнхээ тухай яриач.»",
                    "«Чиний паспорт хэнд байгаа вэ? Энэ тухай яриач.»",
                    "«Чамайг санаа зовоож буй зүйл байна уу?»",
                ),
                "Дараах асуултаас зайлсхий: «Чамайг худалдаалж байна уу?», «Тэр чамайг албадсан уу?», эсвэл хариултыг нь илэрхийлсэн аливаа асуулт. Бүх зүйл тодорхой болохоос өмнө хүүхдийг цааш явуулна, эсвэл гэрт нь буцаана гэж бүү амла.",
            ),
            _note(
                "Доорх нөхцөл байдалд бэлгийн мөлжлөгийн зорилгоор худалдаалагдаж байж болзошгүй зохиомол өсвөр насны охины тухай өгүүлнэ. Нарийн дүрслэл агуулаагүй.",
                _scenario(
                    "«Шаргал тал» боомт дээрх Номин",
                    _html(
                        "16 настай Номин авга эгч гэж дууддаг эмэгтэйн хамт зохиомол «Шаргал тал» боомтоор хил нэвтэрч байна. Эмэгтэй хоёулангийнх нь паспорт болон Номины ээжийн гарын үсэг зурсан гэх зөвшөөрлийн бичгийг барьжээ. Номин гурван сар ресторанд зөөгчөөр ажиллаж, гэр бүлдээ туслах хэмжээний мөнгө олно гэж хэлэв. Тэр ресторан болон хотын нэрийг мэдэхгүй.",
                        "Алба хаагч түүнийг ердийн шалгалтад тусад нь орохыг хүсэхэд эмэгтэй Номиныг ичимхий гэж хэлээд хамт байхыг хүсэв. Тусдаа өрөөнд Номин бүх зүйл хэвийн гэж яаран хэлээд автобуснаасаа хоцрох эсэхийг асуув.",
                    ),
                    [
                        "Ямар шинж тэмдэг илэрч байна вэ?",
                        "Номиныг тусад нь шалгана гэдгийг эмэгтэйд хэрхэн тайлбарлах вэ?",
                        "Номин бүх зүйл хэвийн гэж хэлж байна. Дараа нь ямар нээлттэй асуулт тавьж болох вэ?",
                        "Зөвшөөрлийн бичгийн талаар юуг, хэнтэй шалгах ёстой вэ?",
                    ],
                ),
            ),
            _check(
                "Хүүхэд таны хэлээр ярьдаггүй бол хэн орчуулах ёстой вэ?",
                [
                    _no(
                        "Хүүхдийг хамгийн сайн мэддэг, хамт зорчиж буй насанд хүрэгч.",
                        "Дагалдан яваа насанд хүрэгч нь худалдаалагч байж болно. Хүүхэд чөлөөтэй ярихгүй бөгөөд орчуулгад итгэх боломжгүй.",
                    ),
                    _yes(
                        "Насанд хүрэгчидтэй ямар ч холбоогүй, үгчлэн орчуулах зааварчилгаа авсан мэргэжлийн орчуулагч.",
                        "Хурдаас илүү хараат бус байдал, үнэн зөв байдал чухал.",
                    ),
                    _no(
                        "Хоёр хэлээр ярьдаг, нэг автобусанд явсан өөр зорчигч.",
                        "Хамт зорчигч насанд хүрэгчдийг таньдаг байж болох бөгөөд хүүхдийг эрсдэлд оруулж болзошгүй; нууцлалыг хангах боломжгүй.",
                    ),
                ],
                "Орчуулагч насанд хүрэгчдээс хараат бус байж, хүүхдийн үгийг яг үгчлэн орчуулах ёстой. Биечлэн байлцах орчуулагч байхгүй бол байгууллагынхаа зөвшөөрсөн утсаар орчуулах үйлчилгээг ашиглана.",
            ),
            _reflect(
                "Танай боомт дээр хүүхэд танаас бага айхад юу тус болох вэ? Өрөө, дүрэмт хувцас, хэлэх үг, ярианы өнгөө бодож үзээрэй."
            ),
        ],
    },
    "en": {
        "title": "Speaking with a child travelling with adults",
        "body": [
            _p(
                "At a checkpoint you are not conducting a full investigative interview. Your aim is narrower: to give the child a safe chance to speak, to learn enough to decide whether to refer, and to do nothing that harms the child or a later investigation.",
                "Trafficked children have often been told what to say, warned that officials will arrest them, or threatened with harm to their family. They may deny everything. That does not mean you were wrong to ask.",
            ),
            _h2("Speaking with the child safely and separately"),
            _p(
                _ul(
                    "Give a routine reason that does not alarm the adults: for example, that all minors go through a short separate check.",
                    "Choose a private space where the adults cannot see or hear the child — but not a detention room.",
                    "Where possible, have two officers present, and ask the child whether they would prefer to speak with a man or a woman.",
                    "Use a professional interpreter with no connection to the adults. Never let the accompanying adult interpret.",
                    "Offer water and a seat, and the chance to use the toilet. Speak calmly and keep an open manner.",
                ),
            ),
            _tip(
                "Words that help",
                _ul(
                    "“My name is … I work here at the border. I talk with all young people who travel, to make sure they are safe.”",
                    "“Nobody is blaming you for anything.”",
                    "“Tell me about your trip. Where are you going?”",
                    "“Tell me about the job / the school / the family you are going to.”",
                    "“Who has your passport? Tell me about that.”",
                    "“Is there anything you are worried about?”",
                ),
                "Avoid: “Are you being trafficked?”, “Did he force you?”, or any question that suggests its answer. Until things are clear, do not promise that the child will be allowed to continue, or sent home.",
            ),
            _note(
                "The scenario below is about a fictional adolescent girl who may be being trafficked for sexual exploitation. It contains no graphic detail.",
                _scenario(
                    "Nomin at the Shargal Tal checkpoint",
                    _html(
                        "Nomin, 16, is crossing the border at the fictional Shargal Tal checkpoint with a woman she calls her aunt. The woman holds both passports and a letter of consent said to be signed by Nomin's mother. Nomin says she is going to work as a waitress in a restaurant for three months and will earn enough to help her family. She does not know the name of the restaurant or of the city.",
                        "When an officer asks Nomin to step aside for a routine check, the woman says Nomin is shy and asks to stay with her. In the side room, Nomin says quickly that everything is fine, and asks whether they will miss their bus.",
                    ),
                    [
                        "Which indicators are present?",
                        "How would you explain to the woman that Nomin will be checked separately?",
                        "Nomin says everything is fine. What open prompts could you use next?",
                        "What must you check about the consent letter, and with whom?",
                    ],
                ),
            ),
            _check(
                "Who should interpret when a child does not speak your language?",
                [
                    _no(
                        "The adult travelling with the child, who knows the child best.",
                        "The accompanying adult may be the trafficker. The child will not speak freely, and the interpretation cannot be trusted.",
                    ),
                    _yes(
                        "A professional interpreter with no connection to the adults, briefed to interpret word for word.",
                        "Independence and accuracy matter more than speed.",
                    ),
                    _no(
                        "Another passenger from the same bus who speaks both languages.",
                        "A fellow passenger may know the adults and could put the child at risk; confidentiality cannot be assured.",
                    ),
                ],
                "An interpreter must be independent of the adults and interpret the child's words exactly. If none can be present in person, use a telephone interpreting service approved by your agency.",
            ),
            _reflect(
                "What could make a child at your checkpoint less afraid of you? Think about the room, your uniform, your words and your tone."
            ),
        ],
    },
}

_REFERRAL_AND_THE_LAW = {
    "slug": "referral-and-the-law",
    "minutes": 45,
    "mn": {
        "title": "Арга хэмжээ авах нь: холбон зуучлал ба хууль",
        "body": [
            _p(
                "Хүүхдийг худалдаалж байж болзошгүй гэж сэжиглэх үндэслэлтэй бол таны тэргүүлэх зорилт дараах дарааллаар байна: хүүхдийн яаралтай аюулгүй байдал, мөрдөн шалгах боломжийг хадгалах, хүүхдийг хамгаалал, дэмжлэгтэй холбох.",
                "Та бүрэн итгэлтэй байх шаардлагагүй бөгөөд хүүхэд өөрийгөө хохирогч гэж хэлэх шаардлагагүй.",
            ),
            _h2("Авах арга хэмжээ"),
            _p(
                _ol(
                    "<b>Сэжиг шалгагдаж дуустал хүүхдийг насанд хүрэгчидтэй хамт цааш зорчуулахгүй,</b> журмынхаа дагуу ажиллана.",
                    "<b>Хүүхдийг насанд хүрэгчдээс тусад нь</b> аюулгүй газар, асран халамжлах үүрэг бүхий алба хаагчийн хамт байлгана. Хүүхдийг саатуулах өрөөнд бүү байлга.",
                    "<b>Цагдаагийн байгууллагад мэдэгдэнэ:</b> хүн худалдаалах гэмт хэргийг хариуцсан нэгж болон ээлжийн даргадаа нэн даруй мэдэгдэнэ.",
                    "<b>Хүүхэд хамгааллын үйлчилгээтэй холбогдож,</b> хүүхдийн асрамжийг нийгмийн ажилтан хариуцах боломжийг бүрдүүлнэ. Ажлын бус цагаар Хүүхэд, гэр бүлийн тусламжийн 108 утаснаас зөвлөгөө авч болно.",
                    "<b>Нотлох баримтыг хадгална:</b> бичиг баримт, тасалбар, утас, насанд хүрэгчдийн нэр, мэдээлэл, хүүхдийн хэлснийг өөрийнх нь үгээр бичсэн тэмдэглэл.",
                    "<b>Биечлэн хүлээлгэн өгч,</b> хэнд, хэзээ, юу хүлээлгэн өгснөө тэмдэглэнэ.",
                ),
            ),
            _law(
                "Эрх зүйн орчин",
                _ul(
                    "<b>Палермогийн протокол</b> (НҮБ-ын Хүн, ялангуяа эмэгтэйчүүд, хүүхдийг худалдаалахаас урьдчилан сэргийлэх, таслан зогсоох, шийтгэх тухай протокол): хүн худалдаалахыг тодорхойлсон бөгөөд хүүхдийн хувьд хүч, заналхийлэл, хууран мэхлэлт зэрэг «арга»-ыг нотлох шаардлагагүй.",
                    "<b>НҮБ-ын Хүүхдийн эрхийн тухай конвенц</b>: хүүхдийг хулгайлах, худалдах, худалдаалахаас урьдчилан сэргийлэх үүргийг улс орнуудад хүлээлгэсэн.",
                    "<b>Эрүүгийн хууль</b> (2015)-ийн 13.1 дүгээр зүйл <i>Хүн худалдаалах</i>.",
                    "<b>Хүн худалдаалахтай тэмцэх тухай хууль</b> (2012): хүн худалдаалахаас урьдчилан сэргийлэх, хохирогчийг хамгаалах, түүнд туслалцаа үзүүлэх харилцааг зохицуулна.",
                    "<b>Хүүхэд хамгааллын тухай хууль</b> (2016): эрсдэлд орсон хүүхдийн талаар мэдээлэх, хүүхдийг хамгаалах үүрэг.",
                ),
            ),
            _procedure(
                _BORDER_PROCEDURE["mn"],
                "3.2",
                "Хүүхдийг худалдаалж байж болзошгүй гэж сэжиглэх үндэслэлтэй бол алба хаагч ээлжийн даргад нэн даруй мэдэгдэнэ. Хүүхдийг дагалдан яваа насанд хүрэгчдээс тусад нь, саатуулах бус, аюулгүй орчинд байлгана. Хүн худалдаалах гэмт хэргийг хариуцсан цагдаагийн нэгж болон хүүхэд хамгааллын үйлчилгээнд нэг цагийн дотор мэдэгдэнэ. Хүүхдийг бичгээр баримтжуулан биечлэн хүлээлгэн өгнө.",
            ),
            _key(
                "Хүүхэд бол гэмт этгээд биш, хохирогч",
                "Худалдаалагдаж буй хүүхэд хуурамч бичиг баримтаар зорчиж, танд худал хэлсэн, эсвэл ямар нэг зүйл тээвэрлэхийг албадуулсан байж болно. Худалдаалагдсаны шууд үр дагавраар үйлдэхээр албадуулсан үйлдлийнх нь төлөө хүүхдийг шийтгэх ёсгүй. Хүүхдийг юуны өмнө хохирогч байж болзошгүй гэж үзэж, насанд хүрэгчдийн асуудлыг мөрдөн шалгагчдад үлдээгээрэй.",
            ),
            _check(
                "Номиныг эмэгтэйгээс тусад нь гаргасны дараа ч тэр бүх зүйл хэвийн гэж зүтгэж байгаа боловч зөвшөөрлийн бичгийг баталгаажуулах боломжгүй, хэд хэдэн шинж тэмдэг илэрч байна. Та юу хийх вэ?",
                [
                    _no(
                        "Цааш явуулах: тэр өөрөө хэлэхгүй бол та юу ч хийж чадахгүй.",
                        "Үндэслэлтэй сэжиг байхад арга хэмжээ авахын тулд хүүхэд өөрөө ярих шаардлагагүй. Худалдаалагдсан олон хүүхэд эхэндээ үгүйсгэдэг.",
                    ),
                    _yes(
                        "Журмын дагуу ажиллах: түүнийг эмэгтэйгээс тусад нь аюулгүй байлгаж, цагдаа болон хүүхэд хамгааллын үйлчилгээнд мэдэгдэж, биечлэн хүлээлгэн өгөх.",
                        "Үндэслэлтэй сэжиг хангалттай; хүүхэд үгүйсгэсэн нь эрсдэлийг арилгахгүй.",
                    ),
                    _no(
                        "Эмэгтэйд сэжиглэж байгаагаа анхааруулаад, аяллаа үргэлжлүүлэх эсэхийг нь өөрт нь шийдүүлэх.",
                        "Худалдаалагч байж болзошгүй хүнд сэрэмжлүүлэх нь хүүхдийг аюулд оруулж, нотлох баримтыг устгах боломж олгоно.",
                    ),
                    _no(
                        "Номиныг дараагийн автобусаар ганцааранг нь гэрт нь буцаах.",
                        "Хохирогч байж болзошгүй хүүхдийг ганцааранг нь орхилгүй, түүний асрамжийг хариуцах хүмүүст хүлээлгэн өгөх ёстой.",
                    ),
                ],
                "Арга хэмжээ авахад хүүхэд өөрөө ярих биш, үндэслэлтэй сэжиг шаардлагатай. Хүүхдийг аюулгүй байлгаж, цагдаа, хүүхэд хамгааллын үйлчилгээг оролцуулж, хийсэн зүйлээ тэмдэглээрэй.",
            ),
            _reflect(
                "Өнөө шөнө залгах цагдаагийн алба хаагч, хүүхэд хамгааллын ажилтны нэр, утасны дугаарыг та мэдэх үү? Мэдэхгүй бол одоо олж мэдээд хадгалаарай."
            ),
        ],
    },
    "en": {
        "title": "What to do: referral and the law",
        "body": [
            _p(
                "When you have reasonable grounds to suspect that a child is being trafficked, your priorities, in order, are: the child's immediate safety, keeping an investigation possible, and connecting the child with protection and support.",
                "You do not need to be certain, and the child does not need to say that they are a victim.",
            ),
            _h2("Steps to take"),
            _p(
                _ol(
                    "<b>Do not let the child continue the journey with the adults until the concern has been checked,</b> and follow your procedure.",
                    "<b>Keep the child apart from the adults,</b> in a safe place, with an officer responsible for their care. Do not put the child in a detention room.",
                    "<b>Notify the police:</b> tell the unit responsible for trafficking cases and your shift supervisor at once.",
                    "<b>Contact child protection services,</b> so that a social worker can take responsibility for the child's care. Out of hours, the 108 child and family helpline can advise.",
                    "<b>Preserve evidence:</b> documents, tickets, phones, the names and details of the adults, and your notes of what the child said, in the child's own words.",
                    "<b>Hand over in person,</b> and record to whom, when and what you handed over.",
                ),
            ),
            _law(
                "The legal framework",
                _ul(
                    "<b>The Palermo Protocol</b> (UN Protocol to Prevent, Suppress and Punish Trafficking in Persons, Especially Women and Children) defines trafficking; for children, the “means” — force, threat, deception — need not be proved.",
                    "<b>The UN Convention on the Rights of the Child</b> requires states to prevent the abduction of, sale of or traffic in children.",
                    "<b>Criminal Code</b> (2015), article 13.1 <i>Trafficking in persons</i>.",
                    "<b>Law on Combating Trafficking in Persons</b> (2012): prevention of trafficking, and the protection of and assistance to victims.",
                    "<b>Law on Child Protection</b> (2016): the duty to report and to protect children at risk.",
                ),
            ),
            _procedure(
                _BORDER_PROCEDURE["en"],
                "3.2",
                "When an officer has reasonable grounds to suspect that a child is being trafficked, the officer informs the shift supervisor at once. The child is kept apart from the accompanying adults in a safe, non-custodial space. The police unit responsible for trafficking and the child protection service are notified within one hour. The child is handed over in person, with a written record.",
            ),
            _key(
                "The child is a victim, not an offender",
                "A trafficked child may be travelling on false documents, may have lied to you, or may have been made to carry something. Children should not be punished for acts they were made to commit as a direct result of being trafficked. Treat the child first as a possible victim, and leave the adults to the investigators.",
            ),
            _check(
                "After you separate Nomin from the woman, she still insists that everything is fine, but the consent letter cannot be verified and several indicators are present. What do you do?",
                [
                    _no(
                        "Let her continue: if she does not tell you anything, there is nothing you can do.",
                        "You do not need a disclosure to act on reasonable grounds. Many trafficked children deny it at first.",
                    ),
                    _yes(
                        "Follow the procedure: keep her safe and apart from the woman, notify the police and child protection services, and hand her over in person.",
                        "Reasonable grounds are enough; the child's denial does not remove the risk.",
                    ),
                    _no(
                        "Warn the woman that you are suspicious and let her decide whether to continue the trip.",
                        "Alerting a possible trafficker can put the child in danger and gives the chance to destroy evidence.",
                    ),
                    _no(
                        "Send Nomin home alone on the next bus.",
                        "A child who may be a victim must not be left alone, but handed over to those responsible for her care.",
                    ),
                ],
                "Acting requires reasonable grounds, not a disclosure from the child. Keep the child safe, involve the police and child protection services, and record what you did.",
            ),
            _reflect(
                "Do you know the names and phone numbers of the police officer and the child protection worker you would call tonight? If not, find them and save them now."
            ),
        ],
    },
}


# ---------------------------------------------------------------------------------------------
# Course 3 — Training of trainers: trauma-informed interviewing
# ---------------------------------------------------------------------------------------------

_ADULT_LEARNING = {
    "slug": "adult-learning-and-facilitation",
    "minutes": 50,
    "mn": {
        "title": "Насанд хүрэгчдийн сургалт ба чиглүүлэх ур чадвар",
        "body": [
            _p(
                "Таны сургах мэргэжилтнүүд олон жилийн туршлагатай, тодорхой үзэл бодолтой, одоо ч бодогддог хэргүүдтэй ажилласан хүмүүс байдаг. Тэдний олонх нь өмнө нь лекцийн танхимд сургалтад суугаад, бараг юу ч санахгүй байдаг. Ярилцлага хийх нь ур чадвар бөгөөд ур чадвар слайдаар бус, дадлага, санал хүсэлтээр өөрчлөгддөг.",
                "Сургагч багшийн хувьд таны үүрэг бол хэлж өгөх гэхээсээ илүү чиглүүлэх: туршлагатай насанд хүрэгчид өөрийн ажлын арга барилаа эргэцүүлж, шинэ зүйлийг туршиж үзэх нөхцөлийг бүрдүүлэх явдал юм.",
            ),
            _h2("Насанд хүрэгчид хэрхэн суралцдаг вэ"),
            _p(
                _ul(
                    "<b>Яагаад гэдгийг мэдэх хэрэгтэй.</b> Хичээл бүрийг тэдний ажилд тулгардаг бодит асуудал, тухайлбал шүүх дээр нотлогдоогүй хэрэг, ярихгүй байсан хүүхэдтэй холбо.",
                    "<b>Тэд туршлагатай ирдэг.</b> Үүнийг ашигла. Хэлэхээсээ өмнө асуу: «Хүүхэд дуугүй болоход танд юу тус болж байсан бэ?»",
                    "<b>Тэд хийж, эргэцүүлж суралцдаг.</b> Үр дүнтэй мөчлөг: туршлага (дадлагын ярилцлага), эргэцүүлэл (юу болсон бэ?), ойлголт (судалгаа юу гэж хэлдэг вэ?), хэрэглээ (дахин туршиж үзэх).",
                    "<b>Тэд чадвартай хүн гэж тооцогдохыг хүсдэг.</b> Хүнийг бус, арга барилыг зас.",
                ),
            ),
            _h3("Олон байгууллагын бүлэг ба албан тушаалын ялгаа"),
            _p(
                "Нэг бүлэгт цагдаагийн хурандаа, залуу нийгмийн ажилтан, хамгаалах байрны ажилтан зэрэг хамт суралцаж болно. Цол, албан тушаал нь хэн ярихад нөлөөлдөг. Эхний өдрийн өглөө бүлгийн дүрмийг тохиролцож, тэр дундаа хүн бүрийн туршлага үнэ цэнэтэй гэдгийг тусга. Нийт бүлгээр хэлэлцэхээс өмнө хос, жижиг бүлгээр ажиллуулж, дуу цөөтэй хүмүүсийн санааг сонсох боломж олгоорой.",
                "Эсэргүүцэл («Бид үргэлж ингэж ажилласаар ирсэн») нь ихэнхдээ тухайн хүний хувьд ямар нэг зүйл чухал байгааг илтгэдэг. Маргалдахын оронд сонирхон асууж тодруул.",
            ),
            _scenario(
                "«Энэ бүхэн сайхан л юм, гэхдээ…»",
                _html(
                    "Хоёр дахь өдрийн өглөө нээлттэй асуултын тухай хэлэлцүүлгийн үеэр ахлах мөрдөгч бүлгийн өмнө: «Энэ бүхэн сайхан л юм, гэхдээ бодит амьдрал дээр ганцхан цаг байна, сэжигтэн саатуулагдсан байна. Хүүхдээс шууд асуухгүй бол гол зүйлдээ хэзээ ч хүрэхгүй» гэв.",
                    "Хэд хэдэн залуу суралцагч доош харлаа. Танхим нам гүм болов.",
                ),
                [
                    "Мөрдөгчийн хэлсэн үгийн цаана юу байж болох вэ?",
                    "Түүний туршлагыг хүндэтгэхийн зэрэгцээ нотлох баримтын асуудлыг анхааралд байлгахуйцаар хэрхэн хариулж болох вэ?",
                    "Залуу суралцагчид цаашид ч санал бодлоо чөлөөтэй хэлж чадна гэдгийг хэрхэн хангах вэ?",
                ],
            ),
            _check(
                "Нээлттэй асуултын тухай хичээлийг эхлүүлэх аль арга нь насанд хүрэгчдийн сургалтын зарчимд хамгийн сайн нийцэх вэ?",
                [
                    _no(
                        "Асуултын төрлийн талаарх судалгааны 40 минутын илтгэл.",
                        "Судалгаа чухал ч туршлага хуваалцахаас өмнөх урт лекц туршлагатай насанд хүрэгчдийн анхаарлыг сарниулна.",
                    ),
                    _yes(
                        "Суралцагчдаас өөрсдийн тавьсан асуулт хүүхдийн хариултыг өөрчилсөн ярилцлагыг санаж, хосоороо хэлэлцэхийг хүсэх.",
                        "Энэ нь тэдний туршлагаас эхэлж, судалгааг танилцуулахаас өмнө сэдэв яагаад чухал болохыг харуулна.",
                    ),
                    _no(
                        "Асуултын төрлийн тодорхойлолтын талаар бичгийн сорил авах.",
                        "Эхэнд авах сорил өмнөх сорилын хувьд хэрэгтэй байж болох ч бүлгийг идэвхжүүлж, сэдэлжүүлэхгүй.",
                    ),
                ],
                "Суралцагчдын туршлагаас эхэлж, асуудлыг бодит болгоод, дараа нь ойлголт, дадлага руу шилж.",
            ),
            _reflect(
                "Таны хамрагдаж байсан хамгийн сайн сургалтыг санаарай. Сургагч багш юу хийснээр тэр сургалт үр дүнтэй болсон бэ? Тэдгээрийн алийг нь та аль хэдийн хийдэг, алийг нь туршиж үзэх вэ?"
            ),
        ],
    },
    "en": {
        "title": "Adult learning and facilitation",
        "body": [
            _p(
                "The professionals you will train have years of experience, firm views, and cases they still think about. Many have sat through lectures before and remember little of them. Interviewing is a skill, and skills change through practice and feedback, not through slides.",
                "Your role as a trainer is less to tell and more to facilitate: to create the conditions in which experienced adults examine their own practice and try something different.",
            ),
            _h2("How adults learn"),
            _p(
                _ul(
                    "<b>They need to know why.</b> Link every session to a real problem in their work: a case that could not be proved in court, a child who would not talk.",
                    "<b>They bring experience.</b> Use it. Ask before you tell: “What has helped you when a child went silent?”",
                    "<b>They learn by doing and reflecting.</b> A useful cycle: experience (a practice interview), reflection (what happened?), concept (what does the research say?), application (try it again).",
                    "<b>They want to be treated as capable.</b> Correct the practice, not the person.",
                ),
            ),
            _h3("Mixed groups and rank"),
            _p(
                "A single group may include a police colonel, a young social worker and a member of shelter staff. Rank and status shape who speaks. Agree group ground rules on the first morning — including that everyone's experience counts — and use pairs and small groups so that quieter voices are heard before the whole-group discussion.",
                "Resistance (“We have always done it this way”) is usually a sign that something matters to the person. Explore it with curiosity instead of arguing.",
            ),
            _scenario(
                "“This is all very nice, but…”",
                _html(
                    "On the second morning, during a discussion of open prompts, a senior investigator says in front of the group: “This is all very nice, but in the real world you have one hour and a suspect in custody. If you don't ask children directly, they never get to the point.”",
                    "Several younger participants look down. The room goes quiet.",
                ),
                [
                    "What might lie behind the investigator's comment?",
                    "How could you respond in a way that respects his experience and keeps the quality of the evidence in view?",
                    "How will you make sure the younger participants still feel able to speak?",
                ],
            ),
            _check(
                "Which way of opening a session on open prompts best fits the principles of adult learning?",
                [
                    _no(
                        "A 40-minute presentation of the research on question types.",
                        "Research matters, but a long lecture before any sharing of experience loses experienced adults.",
                    ),
                    _yes(
                        "Asking participants to recall an interview in which a question they asked changed a child's answer, and to discuss it in pairs.",
                        "It starts from their experience and shows why the topic matters before the research is introduced.",
                    ),
                    _no(
                        "A written quiz on the definitions of question types.",
                        "A quiz at the start can be useful as a pre-test, but it does not engage or motivate the group.",
                    ),
                ],
                "Start from the learners' experience, make the problem real, and then bring in concepts and practice.",
            ),
            _reflect(
                "Recall the best training you have ever attended. What did the trainer do that made it work? Which of those things do you already do, and which will you try?"
            ),
        ],
    },
}

_PRACTICE_INTERVIEWS = {
    "slug": "practice-interviews-and-feedback",
    "minutes": 60,
    "mn": {
        "title": "Дадлагын ярилцлага зохион байгуулах, санал хүсэлт өгөх",
        "body": [
            _p(
                "Ярилцлагын сургалтын талаарх судалгаа, тэр дундаа NICHD-ийн протоколын судалгаагаар суралцагчид дадлага хийж, өөрсдийн ярилцлагын талаар нарийвчилсан санал хүсэлт тогтмол авахгүй бол танхимын сургалтаас олж авсан мэдлэг хурдан мартагддаг нь удаа дараа ажиглагдсан. Тиймээс дадлагын ярилцлага бол сургалтын нэмэлт хэсэг биш, харин гол цөм нь юм.",
            ),
            _h2("Дадлагын ярилцлагыг бэлтгэх"),
            _p(
                _ul(
                    "<b>Бичгээр бэлтгэсэн, зохиомол нөхцөл байдлыг ашигла.</b> Хүүхдийн дүрд тоглогчид товч заавар өг: хүүхдийн нас, «юу болсон», зөвхөн нээлттэй асуултад юу хэлэх, сэдэлсэн асуултад хэрхэн хариу үйлдэл үзүүлэх.",
                    "<b>Суралцагчдаас өөрсдийн туулсан явдал, эсвэл ажиллаж байсан бодит хэргийг дүрээр тоглохыг хэзээ ч бүү хүс.</b>",
                    "<b>Гурван үүрэг:</b> ярилцлага авагч, хүүхдийн дүрд тоглогч, хяналтын хуудастай ажиглагч. Хүн бүр ярилцлага авч үзэхээр ээлжлүүл.",
                    "<b>Богино байлга:</b> 10–15 минутын ярилцлага, дараа нь бүтэцтэй санал хүсэлт.",
                    "<b>«Түр завсарлага» авахыг зөвшөөр.</b> Ярилцлага авагч сургагч багшаас тусламж хүсэхээр түр зогсож болно: энэ бол шалгалт биш, суралцах дасгал.",
                    "<b>Дараа нь дүрээс гар:</b> санал хүсэлт эхлэхээс өмнө дүрд тоглогчид өөрийн нэрийг хэлж, өнөөдрийнхөө тухай нэг зүйл ярина.",
                ),
            ),
            _h2("Санал хүсэлт өгөх"),
            _p(
                "Сайн санал хүсэлт нь тодорхой, бодитоор хэлсэн үгэнд тулгуурласан, ярилцлага авагч дараагийн удаа юуг хийж болохыг чиглэсэн байдаг.",
                _ol(
                    "Эхлээд ярилцлага авагчаас асуу: «Юу сайн болсон бэ? Юуг өөрөөр хийх байсан бэ?»",
                    "Тэмдэглэл эсвэл бичлэгээс түүний хэлсэн үгийг яг иш татаарай: «Зургаа дахь минутад та „Тэр чамайг өвтгөсөн үү?“ гэж асуусан. Үүний оронд ямар нээлттэй асуулт тавьж болох байсан бэ?»",
                    "Нэг хоёр давуу тал, нэг хоёр анхаарах зүйлийг нэрлэ. Бүгдийг нэг дор бүү хэл.",
                    "Тухайн хэсгийг даруй дахин туршиж үзэх боломж олго.",
                ),
                "Тоолох нь хүчтэй, төвийг сахисан хэрэгсэл юм: ажиглагч урилга, хүүхдийн үгэнд тулгуурласан урилга, тодруулах, сонголттой, сэдэлсэн асуултыг тоолж тэмдэглэнэ. Суралцагчид өөрсдийн тоог хараад ихэнхдээ гайхдаг.",
            ),
            _tip(
                "Дүрд тоглогчдод ч анхаарал тавь",
                "Айсан хүүхдийн дүрд тоглох нь сэтгэл хөдлөл сэдрээж болно, ялангуяа өөрөө ийм зүйл туулсан суралцагчийн хувьд. Тойрог бүрийн дараа дүрд тоглогч бүрийн байдлыг ганцаарчлан асууж, хэн ч шалтгаан хэлэлгүйгээр дүрээ сольж болно гэдгийг ойлгуул.",
            ),
            _check(
                "Суралцагчийн дадлагын ярилцлагад олон сонголттой асуулт, хоёр сэдэлсэн асуулт байлаа. Аль санал хүсэлт хамгийн тустай вэ?",
                [
                    _no(
                        "«Ерөнхийдөө нэлээд сэдэлсэн асуулттай байлаа. Илүү нээлттэй байхыг хичээгээрэй.»",
                        "Энэ нь хэт ерөнхий тул юуг өөрчлөхөө мэдэхэд хэцүү.",
                    ),
                    _yes(
                        "«Хүүхэд „гэртээ“ гэж хэлсний дараа та „Гал тогоонд уу, унтлагын өрөөнд үү?“ гэж асуусан. Тэнд ямар нээлттэй асуулт тавьж болох байсан бэ? Тэр хэсгийг дахин туршиж үзье.»",
                        "Энэ нь суралцагчийн үгийг иш татаж, өөрөө өөр хувилбар олохыг урьж, даруй дадлага хийх боломж олгож байна.",
                    ),
                    _no(
                        "«Таны асуултууд буруу байлаа. Зөв асуултуудын жагсаалт энд байна.»",
                        "Энэ нь ур чадварыг хөгжүүлэлгүйгээр хариултыг өгч, суралцагчийг өөрийгөө хамгаалах байр суурьт оруулж болзошгүй.",
                    ),
                ],
                "Яг хэлсэн үгийг иш татаж, өөр хувилбарыг суралцагчаар олуулж, дадлага хийлгэсэн санал хүсэлт ерөнхий тайлбараас илүү зан үйлийг өөрчилдөг.",
            ),
            _reflect(
                "Өөрийн ажлын талаар шүүмжлэлтэй санал хүсэлт авахад та ямар хариу үйлдэл үзүүлдэг вэ? Энэ нь санал хүсэлтийг хэрхэн өгөх талаар танд юу хэлж байна вэ?"
            ),
        ],
    },
    "en": {
        "title": "Running practice interviews and giving feedback",
        "body": [
            _p(
                "Research on interview training, including studies of the NICHD protocol, has repeatedly found that what is learned in a classroom fades quickly unless trainees practise and receive regular, detailed feedback on their own interviews. Practice interviews are therefore the heart of the course, not an optional extra.",
            ),
            _h2("Setting up a practice interview"),
            _p(
                _ul(
                    "<b>Use written, fictional scenarios.</b> Give the role-player a short brief: the child's age, what “happened”, what they will say only in response to open prompts, and how they react to leading questions.",
                    "<b>Never ask trainees to act out their own experiences, or a real case they have worked on.</b>",
                    "<b>Three roles:</b> interviewer, child role-player, and observer with a checklist. Rotate so that everyone interviews.",
                    "<b>Keep it short:</b> 10–15 minutes of interview, then structured feedback.",
                    "<b>Allow a “time-out”.</b> The interviewer may pause to ask the trainer for help: this is a learning exercise, not a test.",
                    "<b>De-role afterwards:</b> before feedback begins, role-players say their own name and one thing about their day.",
                ),
            ),
            _h2("Giving feedback"),
            _p(
                "Good feedback is specific, based on what was actually said, and focused on what the interviewer can do next time.",
                _ol(
                    "Ask the interviewer first: “What went well? What would you do differently?”",
                    "Quote their own words from the notes or the recording: “At minute six you asked, ‘Did he hurt you?’ What open prompt could you have used instead?”",
                    "Name one or two strengths and one or two priorities. Not everything at once.",
                    "Let them try that moment again, straight away.",
                ),
                "Counting is a powerful, neutral tool: the observer tallies invitations, cued invitations, directive, option-posing and suggestive questions. Trainees are often surprised by their own numbers.",
            ),
            _tip(
                "Look after the role-players too",
                "Playing a frightened child can stir up feelings, especially for a trainee who has been through something similar. After each round, check in privately with each role-player, and make clear that anyone may swap out of the role without giving a reason.",
            ),
            _check(
                "A trainee's practice interview contained many option-posing questions and two suggestive ones. Which feedback is most useful?",
                [
                    _no(
                        "“Overall that was quite leading. Try to be more open.”",
                        "This is too general to know what to change.",
                    ),
                    _yes(
                        "“After the child said ‘at home’, you asked ‘In the kitchen or the bedroom?’ What open prompt could you have used there? Let's try that moment again.”",
                        "It quotes the trainee's words, invites them to find the alternative themselves, and gives immediate practice.",
                    ),
                    _no(
                        "“Your questions were wrong. Here is a list of the right questions.”",
                        "This gives answers without building the skill, and may make the trainee defensive.",
                    ),
                ],
                "Feedback that quotes the exact words, asks the trainee to find the alternative and lets them practise it changes behaviour more than general comments do.",
            ),
            _reflect(
                "How do you react when you receive critical feedback on your own work? What does that tell you about how to give it?"
            ),
        ],
    },
}

_TEACH_BACK = {
    "slug": "preparing-and-assessing-the-teach-back",
    "minutes": 60,
    "mn": {
        "title": "Заах дадлагад бэлтгэх, үнэлэх",
        "body": [
            _term(
                "Заах дадлага",
                "Сургагч багш бэлтгэх сургалтын нэг хэсэг бөгөөд суралцагч бүр сургалтын тодорхой хэсгийг бусад суралцагчдад ажиглалтын дор заагаад, бүтэцтэй санал хүсэлт авна. Мастер сургагч багш үүгээр суралцагч тухайн сургалтыг бие даан явуулахад бэлэн эсэхийг дүгнэдэг.",
            ),
            _p(
                "Заах дадлага бол тоглолт биш. Энэ нь бодит нөхцөлд ойртуулсан давтлага бөгөөд жинхэнэ мөрдөгчдийн өмнө бус, аюулгүй орчинд алдаа гаргаж үзэх боломж юм. Үүнийг суралцагчдад тодорхой хэлж, үнэлэх шалгуурыг урьдчилан танилцуулаарай.",
            ),
            _h2("Бэлтгэл"),
            _p(
                _ol(
                    "Суралцагч бүрд сургалтын 20–30 минутын хэсэг, тухайлбал ярилцлагын дүрэм, эсвэл асуултын төрлийн юүлүүр зарчмыг хуваарилна.",
                    "Тэд зорилго, цагийн хуваарь, үйл ажиллагаа, материал, суралцсан эсэхийг хэрхэн шалгахыг тусгасан хичээлийн товч төлөвлөгөө бичнэ.",
                    "Төлөвлөгөөгөө нэг өдрийн өмнө мастер сургагч багш эсвэл бусад суралцагчтай хамт хянана.",
                    "Хүнд мөчид бэлтгэнэ: эргэлзэж, эсэргүүцсэн оролцогч, хариулж чадахгүй асуулт, сэтгэл санаа нь хөдөлсөн оролцогч.",
                ),
            ),
            _h2("Үнэлгээний шалгуур"),
            _p(
                _ul(
                    "<b>Үнэн зөв байдал:</b> агуулга нь сургалтын материал, өнөөгийн сайн туршлагатай нийцсэн; зохиомол хууль зүйн тайлбаргүй.",
                    "<b>Сэтгэл зүйн гэмтэлд мэдрэмжтэй хэллэг:</b> хүүхдийн тухай хүндэтгэлтэй ярьдаг; хохирогчийг буруутгасан жишээ, хошигнолгүй.",
                    "<b>Чиглүүлэх ур чадвар:</b> оролцогчид зөвхөн сонсох бус, ярьж, дадлага хийдэг.",
                    "<b>Аюулгүй байдал:</b> сэтгэл түгшээх материалын өмнө анхааруулга өгдөг; бодит хэргийн мэдээлэл ашигладаггүй.",
                    "<b>Цаг:</b> тухайн хэсэг цагтаа багтаж, зорилгодоо хүрдэг.",
                    "<b>Эсэргүүцэлд хандах байдал:</b> асуулт, санал зөрөлдөөнийг хүндэтгэлтэй хүлээн авдаг.",
                ),
                "Үнэлгээний үр дүн гурван янз байна: <i>заахад бэлэн</i>; <i>дэмжлэгтэйгээр заахад бэлэн</i> (эхлээд туршлагатай сургагч багштай хамтран заана); эсвэл <i>хараахан бэлэн биш</i> (юуг дадлагажуулах тодорхой төлөвлөгөөтэй).",
            ),
            _procedure(
                _TRAINER_PROCEDURE["mn"],
                "3.4",
                "Мастер сургагч багш ажиглаж, нийтэлсэн шалгуурын дагуу үнэлсэн заах дадлагын дараа л суралцагчид тухайн сургалтыг явуулах эрх олгоно. Мастер сургагч багш үнэлгээний үр дүнг бүртгэх бөгөөд «дэмжлэгтэйгээр заахад бэлэн» гэж үнэлсэн бол суралцагч анхны сургалтаа хамтран заах туршлагатай сургагч багшийг нэрлэнэ.",
            ),
            _check(
                "Заах дадлагын үеэр нэгэн суралцагч тодорхой, цагтаа багтсан хичээл заасан ч өөрийн дүүргийн бодит хэргийг нарийн дэлгэрэнгүйгээр гол жишээ болгон ашиглажээ. Аль үнэлгээ хамгийн зохистой вэ?",
                [
                    _no(
                        "Заахад бэлэн: хичээл тодорхой, цагтаа багтсан.",
                        "Тодорхой байдал, цаг баримтлах нь чухал ч хүнийг таньж болохуйц бодит хэргийн мэдээлэл ашиглах нь аюулгүй байдал, нууцлалын үндсэн дүрмийг зөрчиж байна.",
                    ),
                    _yes(
                        "Бодит хэргийг зохиомол нөхцөл байдлаар солих тухай тодорхой санал хүсэлттэйгээр «дэмжлэгтэйгээр заахад бэлэн» эсвэл «хараахан бэлэн биш».",
                        "Ур чадвар нь бараг бүрдсэн ч аюулгүй байдлын шалгуур хангагдаагүй; санал хүсэлт тодорхой, засах боломжтой байна.",
                    ),
                    _no(
                        "Түүнийг сургалтаас хасах.",
                        "Асуудал ноцтой боловч засах боломжтой. Заах дадлагын зорилго нь ийм асуудлыг илрүүлж, засах явдал.",
                    ),
                ],
                "Аюулгүй байдал, нууцлал нь бие даасан шалгуур. Сайн хичээл бодит хэргийн мэдээлэл ашигласныг нөхөхгүй; шийдвэр болон санал хүсэлтэд юуг өөрчлөхийг яг тодорхой заана.",
            ),
            _reflect("Сургалтын аль хэсгийг заах нь танд хамгийн хэцүү байх вэ? Түүнд бэлтгэхэд юу тус болох вэ?"),
        ],
    },
    "en": {
        "title": "Preparing and assessing the teach-back",
        "body": [
            _term(
                "Teach-back",
                "The part of the training of trainers in which each trainee teaches a segment of the course to the other trainees, under observation, and receives structured feedback. It is how a master trainer judges whether a trainee is ready to teach the course on their own.",
            ),
            _p(
                "A teach-back is not a performance. It is a rehearsal under realistic conditions, and a chance to make mistakes in a safe room rather than in front of a real class of investigators. Tell trainees this clearly, and share the assessment criteria in advance.",
            ),
            _h2("Preparation"),
            _p(
                _ol(
                    "Each trainee is given a 20–30 minute segment of the course, for example the ground rules, or the funnel of question types.",
                    "They write a short session plan: objective, timing, activities, materials, and how they will check what participants have learned.",
                    "They review the plan with a master trainer or a fellow trainee the day before.",
                    "They prepare for the hard moments: a sceptical or resistant participant, a question they cannot answer, a participant who becomes upset.",
                ),
            ),
            _h2("Assessment criteria"),
            _p(
                _ul(
                    "<b>Accuracy:</b> the content matches the course materials and current good practice; no invented legal claims.",
                    "<b>Trauma-informed language:</b> children are spoken about with respect; no victim-blaming examples or jokes.",
                    "<b>Facilitation:</b> participants talk and practise, not only listen.",
                    "<b>Safety:</b> content notes come before distressing material; no real case details are used.",
                    "<b>Time:</b> the segment fits its time and reaches its objective.",
                    "<b>Handling challenge:</b> questions and disagreement are met with respect.",
                ),
                "There are three possible outcomes: <i>ready to teach</i>; <i>ready with support</i> (first co-teach with an experienced trainer); or <i>not yet ready</i> (with a clear plan for what to practise).",
            ),
            _procedure(
                _TRAINER_PROCEDURE["en"],
                "3.4",
                "A trainee is authorised to teach the course only after a teach-back observed by a master trainer and assessed against the published criteria. The master trainer records the outcome and, for “ready with support”, names the experienced trainer with whom the trainee will co-teach their first course.",
            ),
            _check(
                "In her teach-back, a trainee delivers a clear, well-timed session, but uses a detailed real case from her district as the main example. Which outcome is most appropriate?",
                [
                    _no(
                        "Ready to teach: the session was clear and on time.",
                        "Clarity and timing matter, but using real case details by which people could be identified breaks a core rule of safety and confidentiality.",
                    ),
                    _yes(
                        "“Ready with support” or “not yet ready”, with specific feedback on replacing the real case with a fictional scenario.",
                        "The skill is nearly there, but the safety criterion is not met; the feedback is specific and the fix is achievable.",
                    ),
                    _no(
                        "Remove her from the course.",
                        "The problem is serious but correctable. Finding and fixing such problems is what the teach-back is for.",
                    ),
                ],
                "Safety and confidentiality are criteria in their own right. A strong session does not make up for using real case details; the decision and the feedback say exactly what to change.",
            ),
            _reflect("Which part of the course would you find hardest to teach? What would help you prepare for it?"),
        ],
    },
}

_DISTRESS_PROTOCOL = {
    "slug": "keeping-trainees-safe",
    "minutes": 50,
    "mn": {
        "title": "Суралцагчдын аюулгүй байдал: сэтгэл санааны хүндрэлийн үед ажиллах журам",
        "body": [
            _p(
                "Хүүхэд хамгааллын мэргэжилтнүүдийн аль ч бүлэгт хүчирхийлэл, мөлжлөгт өөрөө өртөж байсан хүн байж болох бөгөөд олонх нь өнгөрсөн хэргүүдийн ачааг үүрсээр явдаг. Хохирогч хүүхдээс ярилцлага авах тухай сургалт эдгээр туршлагыг сэдрээж болно.",
                "Суралцагчдын аюулгүй байдлыг хангах нь сургагч багшийн ажлын салшгүй хэсэг. Сэтгэл зүйн гэмтэлд мэдрэмжтэй хандлагын тухай сургалтыг өөрийг нь ч мөн ийм хандлагаар явуулах ёстой.",
            ),
            _h2("Сургалтын өмнө"),
            _p(
                _ul(
                    "Сургалтын урилгад сургалтын агуулга, түүнд хүчирхийлэл, мөлжлөгийн тухай хэлэлцүүлэг багтсан болохыг мэдэгд.",
                    "Эхний өдрийн өглөө хэн ч ямар ч үед шалтгаан тайлбарлахгүйгээр танхимаас гарч болох, хаашаа очиж болохыг тайлбарла.",
                    "Сургалтын турш бэлэн байх дэмжлэг үзүүлэх хүнийг (хамтран заагч сургагч багш эсвэл сэтгэл зүйч) нэрлэ.",
                    "Хэн ч хувийн туршлагаа хуваалцах албагүй, жишээ бүр зохиомол байх ёстойг тодорхой хэл.",
                ),
            ),
            _h2("Суралцагчийн сэтгэл санаа хөдлөх үед"),
            _procedure(
                _TRAINER_PROCEDURE["mn"],
                "5.1",
                "Оролцогчид сэтгэл санааны хүндрэлийн шинж илэрвэл сургагч багш эсвэл дэмжлэг үзүүлэх хүн: (1) бүх бүлэгт завсарлага зарлах, эсвэл тухайн оролцогчийг чимээгүйхэн гадагш гарахыг урина; (2) түүнтэй ганцаарчлан ярилцаж, сонсох бөгөөд шалтгааныг нь асуухгүй; (3) яг одоо юу тус болохыг асууж, нам гүм өрөө, ус санал болгож, хажууд нь байна; (4) эргэж орох эсэх, хэзээ орохыг тохиролцоно; (5) тухайн өдөр явахаас өмнө болон маргааш өглөө нь биеийн байдлыг нь асууна; (6) нууцлалтай сэтгэл зүйн зөвлөгөө авах боломжийн талаар мэдээлэл өгнө. Сургагч багш дэмжлэг үзүүлсэн тухай хувийн мэдээлэлгүйгээр тэмдэглэнэ.",
            ),
            _note(
                "Доорх нөхцөл байдалд хүчирхийллийн тухай дадлагын ярилцлагын үеэр сэтгэл санаа нь хөдөлж, өөрийн өнгөрсөн туршлагаа дурдсан зохиомол суралцагчийн тухай өгүүлнэ. Хүчирхийллийн нарийн зүйл дурдаагүй.",
                _scenario(
                    "Дадлагын ярилцлагын үеэрх завсарлага",
                    _html(
                        "Дадлагын ярилцлагын үеэр хүүхдийн дүрд тоглож байсан туршлагатай нийгмийн ажилтан Оюун яриагаа дундуур нь зогсоож, цонхийн, өрөөнөөс гарав.",
                        "Завсарлагаар тэр хамтран заагч сургагч багшид энэ нөхцөл байдал өөрт нь бага байхад тохиолдсон явдалтай «хэт ойрхон» байна гэж хэлээд, өөр хэнд ч хэлэхгүй байхыг хүслээ. Тэр сургалтаа үргэлжлүүлэхийг хүсч байна.",
                    ),
                    [
                        "Оюуныг гарсны дараах эхний минутад танхимд юу хийх ёстой вэ?",
                        "Оюуны хуваалцсан зүйлд хамтран заагч сургагч багш хэрхэн хандах ёстой вэ, юунаас зайлсхийх вэ?",
                        "Энэ тохиолдолд юуг нууцалж болох, юуг болохгүй вэ?",
                        "Оюун сургалтаа аюулгүй үргэлжлүүлэхэд юу тус болох вэ, ямар тохируулга хийж болох вэ?",
                    ],
                ),
            ),
            _key(
                "Сонс, эмчлэх гэж бүү оролд; нууцлалын хязгаарыг мэд",
                "Сургагч багш бол суралцагчийн сэтгэл засалч биш. Сонсож, хүлээн зөвшөөрч, дэмжлэг авахад нь тусал. Түүний хэлсэн зүйлийг нууцал, гэхдээ нэг үл хамаарах зүйл бий: хэрэв түүний ярьснаас <i>одоо</i> эрсдэлд байгаа хүүхэд байна гэж үзэхээр бол та мэдээлэх үүргийнхээ дагуу арга хэмжээ авах ёстой. Ийм нөхцөл үүсвэл энэ хязгаарыг үнэнээр тайлбарла.",
            ),
            _check(
                "Хэргийн хэлэлцүүлгийн үеэр нэгэн оролцогч сэтгэл санаа нь илт хөдөлж, танхимаас чимээгүйхэн гарлаа. Хамгийн зөв яаралтай хариу үйлдэл юу вэ?",
                [
                    _no(
                        "Үргэлжлүүлэх: түүнд анхаарал хандуулах нь түүнийг ичээнэ.",
                        "Түүнийг ганцааранг нь, хэн ч сонирхохгүй орхиж болохгүй. Чимээгүй, ганцаарчилсан сонирхол нь хүндэтгэлтэй бөгөөд аюулгүй.",
                    ),
                    _no(
                        "Түүнийг юу сэтгэл түгшээсэн байж болох талаар бүлгээр хэлэлцэх.",
                        "Энэ нь түүнийг бусдын өмнө ил гаргаж, хувийн нууцыг нь зөрчинө.",
                    ),
                    _yes(
                        "Хамтран заагч сургагч багш эсвэл дэмжлэг үзүүлэх хүн араас нь чимээгүйхэн гарч ганцаарчлан ярилцах хооронд та бүлгээ үргэлжлүүлэх эсвэл богино завсарлага зарлах.",
                        "Энэ нь журамд заасан хувийн нууцыг хүндэтгэх, хажууд нь байх, сонголт олгох зарчимд нийцнэ.",
                    ),
                    _no(
                        "Эргэж ирэхэд нь юу болсныг бүлэгт тайлбарлахыг хүсэх.",
                        "Хэнээс ч өөрийн хариу үйлдлийг тайлбарлах, хувийн зүйлээ ярихыг шаардах ёсгүй.",
                    ),
                ],
                "Сэтгэл санааны хүндрэлийн үед ажиллах журам хүний хувийн нууц, сонголтыг төвд нь байлгадаг: чимээгүйхэн асууж сонирхох, дэмжлэг санал болгох, эргэж орох эсэхийг хамтдаа шийдэх.",
            ),
            _reflect(
                "Сургалтын агуулга таны хувийн амьдралд хүрэх үед танд юу тус болдог вэ? Үүнийг өөрийн удирдах сургалтад хэрхэн тусгах вэ?"
            ),
        ],
    },
    "en": {
        "title": "Keeping trainees safe: the distress protocol",
        "body": [
            _p(
                "Any group of child-protection professionals may include people who have themselves experienced abuse, violence or exploitation, and many carry the weight of past cases. A course on interviewing child victims can bring these experiences to the surface.",
                "Keeping trainees safe is part of the trainer's job. A course about trauma-informed practice must itself be delivered in a trauma-informed way.",
            ),
            _h2("Before the course"),
            _p(
                _ul(
                    "Tell participants in the invitation what the course covers, and that it includes discussion of abuse and exploitation.",
                    "On the first morning, explain that anyone may step out at any time without giving a reason, and where they can go.",
                    "Name a support person — a co-trainer or a psychologist — who is available throughout the course.",
                    "Make clear that no one is expected to share personal experiences, and that every example must be fictional.",
                ),
            ),
            _h2("When a trainee becomes distressed"),
            _procedure(
                _TRAINER_PROCEDURE["en"],
                "5.1",
                "If a participant shows signs of distress, the trainer or support person: (1) calls a break for the whole group, or quietly invites the participant to step out; (2) speaks with them privately and listens, without asking about the cause; (3) asks what would help now, and offers a quiet room, water and company; (4) agrees whether and when they will return; (5) checks how they are before they leave that day and the next morning; (6) gives information about confidential counselling. The trainer records that support was given, without personal details.",
            ),
            _note(
                "The scenario below is about a fictional trainee who becomes distressed during a practice interview about abuse and refers to her own past experience. There are no details of the abuse.",
                _scenario(
                    "A break in the practice interview",
                    _html(
                        "During a practice interview, Oyun, an experienced social worker playing the child, stops in the middle of a sentence, goes pale and leaves the room.",
                        "At the break she tells the co-trainer that the scenario is “too close” to something that happened to her as a child, and asks that no one else be told. She wants to continue the course.",
                    ),
                    [
                        "What should happen in the room in the first minute after Oyun leaves?",
                        "How should the co-trainer respond to what Oyun has shared, and what should they avoid?",
                        "What can be kept confidential here, and what cannot?",
                        "What would help Oyun continue the course safely, and what adjustments could be made?",
                    ],
                ),
            ),
            _key(
                "Listen, don't treat — and know the limits of confidentiality",
                "A trainer is not the trainee's therapist. Listen, acknowledge, and help them reach support. Keep what they tell you private, with one exception: if what they say suggests that a child is at risk <i>now</i>, you must act under your duty to report. If this arises, explain the limit honestly.",
            ),
            _check(
                "During a case discussion, a participant is visibly upset and quietly leaves the room. What is the best immediate response?",
                [
                    _no(
                        "Carry on: drawing attention to her will embarrass her.",
                        "She should not be left alone with no one checking on her. A quiet, private check-in is respectful and safe.",
                    ),
                    _no(
                        "Ask the group to discuss what might have upset her.",
                        "This exposes her in front of others and breaches her privacy.",
                    ),
                    _yes(
                        "The co-trainer or support person follows quietly and checks in privately, while you continue with the group or call a short break.",
                        "This follows the protocol's principles: privacy, presence and choice.",
                    ),
                    _no(
                        "When she returns, ask her to explain to the group what happened.",
                        "No one should be asked to explain their reaction or to disclose anything personal.",
                    ),
                ],
                "The distress protocol keeps the person's privacy and choice at the centre: a quiet check-in, an offer of support, and a decision together about returning.",
            ),
            _reflect(
                "What helps you when a training session touches something personal? How will you build that into the courses you lead?"
            ),
        ],
    },
}


# ---------------------------------------------------------------------------------------------
# The courses
# ---------------------------------------------------------------------------------------------

COURSES = [
    {
        "slug": "trauma-informed-interviewing",
        "audiences": ["police", "scri", "social"],
        "topics": ["interviewing", "trauma"],
        "level": "intermediate",
        "hours": 6,
        "self_enrolment": True,
        "sequential": True,
        "tot_for": None,
        "prerequisites": [],
        "mn": {
            "title": "Хүүхэдтэй сэтгэл зүйн гэмтэлд мэдрэмжтэй ярилцлага хийх",
            "summary": "Хүчирхийлэл, мөлжлөгт өртсөн эсвэл гэмт хэргийн гэрч болсон хүүхэдтэй түүнийг дахин гэмтээлгүйгээр ярилцаж, үнэн зөв, найдвартай мэдээлэл авах арга барилд суралцана. Сэтгэл зүйн гэмтэл хүүхдийн санах ой, зан төлөвт хэрхэн нөлөөлдөг, хүүхдэд ээлтэй ярилцлагыг хэрхэн төлөвлөж явуулах, ярилцлагын дараа хүүхдийн аюулгүй байдлыг хэрхэн хангахыг судална.",
            "content_note": "Энэ сургалтад хүүхдийн эсрэг хүчирхийлэл, мөлжлөгийн тухай зохиомол тохиолдол, хүүхдийн ярианы жишээ орсон бөгөөд уншихад сэтгэл санаанд хүнд тусаж болно. Бие махбодын нарийн дүрслэл байхгүй. Хүнд хэсэг бүрийн өмнө анхааруулга гарна: та түүнийг алгасах, завсарлах, дараа эргэж ирэх боломжтой.",
            "objectives": [
                "Сэтгэл зүйн гэмтэл хүүхдийн санах ой, зан төлөв, болсон явдлаа ярих байдалд хэрхэн нөлөөлдгийг тайлбарлах",
                "Хүүхдийн нас, хөгжил, хэрэгцээнд тохирсон ярилцлагыг төлөвлөх",
                "Итгэлцэл тогтоож, ярилцлагын дүрмийг тайлбарлаж, хүүхдийг чөлөөт ярилтад урих",
                "Нээлттэй асуулт хэрэглэж, сэдэлсэн асуултаас зайлсхийх",
                "Ярилцлагын дараа хүүхдийг шаардлагатай үйлчилгээнд холбон зуучилж, Хамтарсан багийн ажлын хэсэгтэй хамтран ажиллах",
                "Хоёрдогч сэтгэл зүйн гэмтлийн шинж тэмдгийг таньж, өөртөө анхаарал тавих төлөвлөгөө гаргах",
            ],
        },
        "en": {
            "title": "Trauma-informed interviewing of children",
            "summary": "Learn to interview children who have been abused or exploited, or who have witnessed a crime, in a way that gathers accurate, reliable information without harming the child again. The course covers how trauma affects children's memory and behaviour, how to plan and conduct a child-friendly interview, and how to keep the child safe afterwards.",
            "content_note": "This course includes fictional cases of abuse and exploitation of children, and examples of children's accounts, which may be distressing to read. There are no physical details. Each hard part has a content note before it: you can skip it, take a break, or come back later.",
            "objectives": [
                "Explain how trauma affects a child's memory, behaviour and way of disclosing",
                "Plan an interview suited to the child's age, development and needs",
                "Build rapport, explain the ground rules and invite the child's free recall",
                "Use open prompts and avoid leading questions",
                "Refer the child to the services they need after the interview, and work with the Multi-Disciplinary Task Force",
                "Recognise the signs of vicarious trauma and make a plan to look after yourself",
            ],
        },
        "modules": [
            {
                "slug": "trauma-and-the-child",
                "mn": {
                    "title": "Сэтгэл зүйн гэмтэл ба хүүхэд",
                    "summary": "Сэтгэл зүйн гэмтэл гэж юу болох, энэ нь хүүхдийн санах ой, зан төлөв, болсон явдлаа ярих байдалд хэрхэн нөлөөлдөг талаар.",
                },
                "en": {
                    "title": "Trauma and the child",
                    "summary": "What trauma is, and how it shapes a child's memory, behaviour and disclosure.",
                },
                "lessons": [_WHAT_TRAUMA_IS, _TRAUMA_AND_MEMORY, _BEHAVIOUR_AND_DISCLOSURE],
            },
            {
                "slug": "conducting-the-interview",
                "mn": {
                    "title": "Хүүхдэд ээлтэй ярилцлагыг төлөвлөх, явуулах",
                    "summary": "Ярилцлагад бэлтгэх, итгэлцэл тогтоох, ярилцлагын дүрмийг тайлбарлах, чөлөөт ярилтад урих, нээлттэй асуулт хэрэглэх, ярилцлагыг зөв дуусгах.",
                },
                "en": {
                    "title": "Planning and conducting a child-friendly interview",
                    "summary": "Preparing for the interview, building rapport, explaining the ground rules, inviting free recall, using open prompts and closing well.",
                },
                "lessons": [_PLANNING_THE_INTERVIEW, _RAPPORT_AND_GROUND_RULES, _FREE_RECALL_AND_QUESTIONS],
            },
            {
                "slug": "after-the-interview",
                "mn": {
                    "title": "Ярилцлагын дараа",
                    "summary": "Хүүхдийн аюулгүй байдлыг үнэлэх, шаардлагатай үйлчилгээнд холбон зуучлах, Хамтарсан багийн ажлын хэсэгтэй хамтран ажиллах, мэргэжилтэн өөртөө анхаарал тавих.",
                },
                "en": {
                    "title": "After the interview",
                    "summary": "Assessing the child's safety, referring to services, working with the Multi-Disciplinary Task Force, and looking after yourself.",
                },
                "lessons": [_SAFETY_AND_REFERRAL, _TASK_FORCE, _VICARIOUS_TRAUMA],
            },
        ],
    },
    {
        "slug": "trafficking-at-the-border",
        # Its own support person, instead of the site's (``lms.demo.support``).
        "support_contact": "border",
        "audiences": ["border", "police"],
        "topics": ["trafficking", "border", "law"],
        "level": "introductory",
        "hours": 2,
        "self_enrolment": True,
        "sequential": False,
        "tot_for": None,
        "prerequisites": [],
        "mn": {
            "title": "Хилийн боомтод хүүхэд худалдаалах гэмт хэргийг илрүүлэх",
            "summary": "Хилийн боомтоор насанд хүрэгчидтэй хамт зорчиж буй хүүхдийн дунд хүүхэд худалдаалах гэмт хэргийн шинж тэмдгийг таних, хүүхэдтэй аюулгүй, хүүхдэд ээлтэй байдлаар ярилцах, хууль болон журмын дагуу холбогдох байгууллагад шилжүүлэх анхан шатны мэдлэг олгоно.",
            "content_note": "Энэ сургалтад хүүхэд худалдаалах, мөлжих гэмт хэргийн тухай зохиомол тохиолдол, хүүхэдтэй ярилцах жишээ орсон бөгөөд сэтгэл санаанд хүнд тусаж болно. Нарийн дүрслэл байхгүй. Хүнд хэсэг бүрийн өмнө анхааруулга гарна.",
            "objectives": [
                "Хүүхэд худалдаалах гэмт хэргийн гол шинж тэмдгийг хилийн боомтын нөхцөлд таних",
                "Хүүхэд худалдаалах гэмт хэргийг Палермогийн протокол, Монгол Улсын хууль тогтоомжийн дагуу тодорхойлох",
                "Хүүхэдтэй насанд хүрэгчдээс тусад нь, аюулгүй, хүүхдэд ээлтэй байдлаар ярилцах",
                "Сэжигтэй тохиолдолд авах арга хэмжээ, холбон зуучлах дарааллыг мэдэх",
            ],
        },
        "en": {
            "title": "Identifying child trafficking at border checkpoints",
            "summary": "The essentials of recognising signs of trafficking among children crossing the border with adults, speaking with a child safely and in a child-friendly way, and referring the case in line with the law and procedures.",
            "content_note": "This course includes fictional cases of child trafficking and exploitation, and an example conversation with a child, which may be distressing. There are no graphic details. Each hard part has a content note before it.",
            "objectives": [
                "Recognise the main indicators of child trafficking at a border checkpoint",
                "Define child trafficking under the Palermo Protocol and Mongolian law",
                "Speak with a child apart from the adults, safely and in a child-friendly way",
                "Know the steps to take, and whom to refer to, when you suspect trafficking",
            ],
        },
        "modules": [
            {
                "slug": "recognise-speak-act",
                "mn": {
                    "title": "Таних, ярилцах, арга хэмжээ авах",
                    "summary": "Хүүхэд худалдаалах гэмт хэргийн шинж тэмдэг, хүүхэдтэй ярилцах арга, хууль ба холбон зуучлал.",
                },
                "en": {
                    "title": "Recognise, speak, act",
                    "summary": "The indicators of child trafficking, speaking with the child, and the law and referral.",
                },
                "lessons": [_INDICATORS, _SPEAKING_WITH_THE_CHILD, _REFERRAL_AND_THE_LAW],
            },
        ],
    },
    {
        "slug": "tot-trauma-informed-interviewing",
        "audiences": ["police", "scri", "social"],
        "topics": ["training", "interviewing"],
        "level": "advanced",
        "hours": 4,
        "self_enrolment": False,
        "sequential": True,
        "tot_for": "trauma-informed-interviewing",
        "prerequisites": ["trauma-informed-interviewing"],
        "mn": {
            "title": "Сургагч багш бэлтгэх сургалт: сэтгэл зүйн гэмтэлд мэдрэмжтэй ярилцлага",
            "summary": "«Хүүхэдтэй сэтгэл зүйн гэмтэлд мэдрэмжтэй ярилцлага хийх» сургалтыг бусдад заах туршлагатай сургагч багш нарт зориулав. Насанд хүрэгчдийн сургалтын зарчим, дадлагын ярилцлага зохион байгуулж санал хүсэлт өгөх, заах дадлагад бэлтгэж үнэлэх, сургалтын явцад суралцагчдын сэтгэл зүйн аюулгүй байдлыг хангах арга барилд суралцана.",
            "content_note": "Энэ сургалтад хүүхдийн эсрэг хүчирхийллийн тухай зохиомол дадлагын жишээ, сургалтын явцад суралцагчийн сэтгэл санаа хөдлөх тохиолдлууд орсон бөгөөд сэтгэл санаанд хүнд тусаж болно. Хүнд хэсэг бүрийн өмнө анхааруулга гарна.",
            "objectives": [
                "Насанд хүрэгчдийн сургалтын зарчмыг олон байгууллагын төлөөлөлтэй бүлэгт хэрэглэх",
                "Дадлагын ярилцлагыг зохион байгуулж, зан үйлд тулгуурласан тодорхой санал хүсэлт өгөх",
                "Заах дадлагыг шалгуурын дагуу бэлтгэж, үнэлэх",
                "Сургалтын явцад суралцагчийн сэтгэл санаа хөдлөх үед журмын дагуу ажиллах",
            ],
        },
        "en": {
            "title": "Training of trainers: trauma-informed interviewing",
            "summary": "For experienced trainers who will teach the course “Trauma-informed interviewing of children”. It covers adult learning, running practice interviews and giving feedback, preparing and assessing the teach-back, and keeping trainees psychologically safe during training.",
            "content_note": "This course includes fictional practice scenarios about the abuse of children, and situations in which a trainee becomes distressed during training, which may be distressing. Each hard part has a content note before it.",
            "objectives": [
                "Apply the principles of adult learning in groups from several agencies",
                "Run practice interviews and give specific, behaviour-based feedback",
                "Prepare and assess the teach-back against clear criteria",
                "Follow the distress protocol when a trainee becomes distressed during training",
            ],
        },
        "modules": [
            {
                "slug": "facilitation-and-practice",
                "mn": {
                    "title": "Чиглүүлэх ур чадвар ба дадлагын ярилцлага",
                    "summary": "Насанд хүрэгчид хэрхэн суралцдаг, дадлагын ярилцлагыг хэрхэн зохион байгуулж, санал хүсэлт өгөх вэ.",
                },
                "en": {
                    "title": "Facilitation and practice interviews",
                    "summary": "How adults learn, and how to run practice interviews and give feedback.",
                },
                "lessons": [_ADULT_LEARNING, _PRACTICE_INTERVIEWS],
            },
            {
                "slug": "teach-back-and-trainee-safety",
                "mn": {
                    "title": "Заах дадлага ба суралцагчдын аюулгүй байдал",
                    "summary": "Заах дадлагад бэлтгэх, үнэлэх, сургалтын явцад суралцагчдыг сэтгэл зүйн хувьд хамгаалах.",
                },
                "en": {
                    "title": "Teach-back and keeping trainees safe",
                    "summary": "Preparing and assessing the teach-back, and protecting trainees' wellbeing during training.",
                },
                "lessons": [_TEACH_BACK, _DISTRESS_PROTOCOL],
            },
        ],
    },
]
