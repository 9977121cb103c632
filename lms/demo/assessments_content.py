# ruff: noqa: E501
"""The demo's question banks and quizzes, in Mongolian first and English second. Data only:
``lms.demo.assessments`` reads it.

Everything here is fictional: the children, the cases and the procedure documents (marked
«(жишээ)» / "(demo)", as in the lessons). The laws and conventions named are real. The questions
test what the demo courses teach (``courses_content``), in the same words.

A question is a dict:

    key        stable: the question's ``idnumber`` in both languages, and the prefix of its answers' ids
    qtype      a ``Question.Type`` value
    mark       its default mark, as a string
    scenario   (optional) the key of the DESCRIPTION question shown above it
    mn, en     name (for editors), text (HTML) and general_feedback (HTML)
    answers    each with a stable block ``id`` shared by both languages, and by type:
               choice   fraction, mn/en: text and feedback (true/false: text "true" or "false")
               numeric  value, tolerance, fraction, mn/en: feedback
               pair     mn/en: prompt (HTML, empty for a distractor) and answer (plain text)
               item     mn/en: text (HTML), in the right order

A quiz is placed in a module of a course (``position``: "first" or "last" child of the module) and
lists its questions: ``("question", key)`` for a fixed one, ``("random", category, count)`` for a
draw from a category (named by its key in ``CATEGORIES``).
"""

TRAUMA = "child-friendly-interviewing"
BORDER = "trafficking-at-the-border"

CATEGORIES = {
    TRAUMA: {"mn": "Хүүхдэд ээлтэй ярилцлага", "en": "Child-friendly interviewing"},
    BORDER: {"mn": "Хилийн боомт дахь хүүхэд худалдаалалт", "en": "Child trafficking at the border"},
}

# ---------------------------------------------------------------------------------------------
# Child-friendly interviewing — for the course "trauma-informed-interviewing"
# ---------------------------------------------------------------------------------------------

_TRAUMA_QUESTIONS = [
    # Module 1: Trauma and the child
    {
        "key": "tii-q1",
        "qtype": "single_choice",
        "mark": "1",
        "mn": {
            "name": "Амьд үлдэх хариу үйлдэл: тааламжлах",
            "text": "<p>10 настай Ариунболд алба хаагчийн хэлсэн бүхнийг, бүр хоёр асуулт хоорондоо зөрчилдөж байхад ч зөвшөөрч, хариулахынхаа өмнө алба хаагчийн царай руу байн байн харж байна. Энэ нь аюулд үзүүлдэг өөрийн эрхгүй аль хариу үйлдэл байх магадлалтай вэ?</p>",
            "general_feedback": "<p>Тааламжлах хариу үйлдлийг хамтран ажиллаж байна гэж андуурах нь амархан. Бүх зүйлийг зөвшөөрдөг хүүхэд сэдэлсэн асуултад онцгой өртөмтгий тул асуултаа нээлттэй байлгаж, «мэдэхгүй», «буруу байна» гэж хэлэх нь зөв хариулт гэдгийг түүнд сануулаарай.</p>",
        },
        "en": {
            "name": "Survival responses: appease",
            "text": "<p>Ariunbold, 10, agrees with everything the officer says, even when two questions contradict each other, and keeps glancing at the officer's face before he answers. Which automatic response to threat is this most likely to be?</p>",
            "general_feedback": "<p>Appeasement is easy to mistake for cooperation. A child who agrees with everything is especially vulnerable to leading questions, so keep your prompts open and remind him that “I don't know” and “that's wrong” are good answers.</p>",
        },
        "answers": [
            {
                "type": "choice",
                "id": "tii-q1-a",
                "fraction": "0",
                "mn": {
                    "text": "Тэмцэх",
                    "feedback": "Тэмцэх хариу үйлдэл уурлах, хашгирах, эсэргүүцэх хэлбэрээр илэрдэг. Ариунболд эсрэгээрээ насанд хүрэгчтэй санал нийлж байна.",
                },
                "en": {
                    "text": "Fight",
                    "feedback": "Fight looks like anger, shouting or refusing. Ariunbold is doing the opposite: going along with the adult.",
                },
            },
            {
                "type": "choice",
                "id": "tii-q1-b",
                "fraction": "0",
                "mn": {
                    "text": "Зугтах",
                    "feedback": "Зугтах нь зайлсхийх, өрөөнөөс гарахыг хүсэх явдал. Ариунболд өрөөндөө байж, таалагдахыг хичээж байна.",
                },
                "en": {
                    "text": "Flight",
                    "feedback": "Flight is avoiding, or wanting to leave. Ariunbold is staying, and trying to please.",
                },
            },
            {
                "type": "choice",
                "id": "tii-q1-c",
                "fraction": "0",
                "mn": {
                    "text": "Хөших",
                    "feedback": "Хөших нь хөдөлгөөнгүй, дуугүй болох явдал. Ариунболд хариулж байгаа ч алба хаагчийн сонсохыг хүссэн гэж бодсон зүйлийг хэлж байна.",
                },
                "en": {
                    "text": "Freeze",
                    "feedback": "Freeze is going still and silent. Ariunbold is answering — but saying what he thinks the officer wants to hear.",
                },
            },
            {
                "type": "choice",
                "id": "tii-q1-d",
                "fraction": "1",
                "mn": {
                    "text": "Тааламжлах",
                    "feedback": "Зөв. Бүх зүйлд «тийм» гэж хариулж, насанд хүрэгчийн царайнаас дохио хайх нь тааламжлах хариу үйлдэл: хүүхэд хариуцсан насанд хүрэгчид таалагдаж аюулгүй байхыг хичээж байна.",
                },
                "en": {
                    "text": "Appease",
                    "feedback": "Correct. Saying “yes” to everything and watching the adult's face for cues is appeasement: the child is trying to stay safe by pleasing the adult in charge.",
                },
            },
        ],
    },
    {
        "key": "tii-q2",
        "qtype": "true_false",
        "mark": "1",
        "mn": {
            "name": "Дараагийн ярианд гарсан шинэ нарийн зүйл",
            "text": "<p>Хоёр дахь ярилцлагын үеэр хүүхэд эхний удаад дурдаагүй нарийн зүйлсийг ярьжээ. Энэ нь түүний яриа зохиомол болохыг харуулж байна.</p>",
            "general_feedback": "<p>Хүүхдийн хэлснийг өөрийнх нь үгээр тэмдэглэж, нарийн зүйл бүр хаанаас гарсныг тэмдэглээд, нотлох баримтыг үнэлэх ажлыг мөрдөн шалгах ажиллагаанд үлдээгээрэй.</p>",
        },
        "en": {
            "name": "New details in a later account",
            "text": "<p>In a second interview, a child gives details that she did not mention the first time. This shows that her account has been invented.</p>",
            "general_feedback": "<p>Record what the child says in her own words, note where each detail came from, and leave the weighing of the evidence to the investigation.</p>",
        },
        "answers": [
            {
                "type": "choice",
                "id": "tii-q2-a",
                "fraction": "0",
                "mn": {
                    "text": "true",
                    "feedback": "Үгүй. Сэтгэл зүйн гэмтэлтэй холбоотой дурсамж хэсэг хэсгээрээ, удаа бүр өөр дарааллаар эргэн ирдэг тул дараагийн ярианд шинэ нарийн зүйл гарах нь түгээмэл.",
                },
                "en": {
                    "text": "true",
                    "feedback": "Not so. Memories of trauma often return in fragments, and in a different order each time, so new details in a later account are common.",
                },
            },
            {
                "type": "choice",
                "id": "tii-q2-b",
                "fraction": "1",
                "mn": {
                    "text": "false",
                    "feedback": "Зөв. Үнэн ярианд, ялангуяа сэтгэл зүйн гэмтлийн дараа шинэ нарийн зүйл гарах нь түгээмэл. Хамгийн чухал нь ярианы гол агуулга тогтвортой эсэх, мөн тэр нарийн зүйлс хүүхдээс гарсан уу, ярилцлага авагчаас гарсан уу гэдэг юм.",
                },
                "en": {
                    "text": "false",
                    "feedback": "Correct. New details are common in truthful accounts, especially after trauma. What matters is whether the core of the account is stable, and whether the details came from the child or from the interviewer.",
                },
            },
        ],
    },
    {
        "key": "tii-q3",
        "qtype": "multiple_response",
        "mark": "1",
        "mn": {
            "name": "Болсон явдлаа ярих үйл явц",
            "text": "<p>Хүүхэд болсон явдлаа ярих үйл явцын талаарх дараах өгүүлбэрүүдийн аль нь үнэн бэ?</p>",
            "general_feedback": "<p>Ихэнх хүүхэд оройтож, хэсэг хэсгээр ярьдаг, эсвэл хэн нэгэн зөв аргаар асуутал огт ярьдаггүй. Хүүхэд цааш ярих эсэх нь түүний анх хандсан насанд хүрэгчийн хариу үйлдлээс ихээхэн шалтгаалдаг.</p>",
        },
        "en": {
            "name": "Disclosure",
            "text": "<p>Which of these statements about how children disclose harm are true?</p>",
            "general_feedback": "<p>Most children tell late, tell in pieces, or do not tell at all until someone asks in the right way. How the first adult reacts often decides whether the child says more.</p>",
        },
        "answers": [
            {
                "type": "choice",
                "id": "tii-q3-a",
                "fraction": "0.25",
                "mn": {
                    "text": "Олон хүүхэд өөрийг нь хохироосон хүнээс, эсвэл гэр бүлээсээ салгагдахаас айж ярьдаггүй.",
                    "feedback": "Тийм. Айдас бол хүүхэд ярихад саад болдог хамгийн хүчтэй хүчин зүйлсийн нэг.",
                },
                "en": {
                    "text": "Many children do not tell because they fear the person who harmed them, or fear being separated from their family.",
                    "feedback": "Yes. Fear is one of the strongest barriers to telling.",
                },
            },
            {
                "type": "choice",
                "id": "tii-q3-b",
                "fraction": "0.25",
                "mn": {
                    "text": "Хүүхэд өөрийг нь хохироосон хүнд үнэнч, эсвэл түүнээс хараат байдгаас болж дуугүй байж болно.",
                    "feedback": "Тийм. Тэр хүн нь эцэг эх, хамаатан, эсвэл хүүхдийг тэжээдэг цорын ганц насанд хүрэгч байж болно.",
                },
                "en": {
                    "text": "A child may stay silent out of loyalty to, or dependence on, the person who harmed them.",
                    "feedback": "Yes. The person may be a parent, a relative, or the only adult who feeds the child.",
                },
            },
            {
                "type": "choice",
                "id": "tii-q3-c",
                "fraction": "0.25",
                "mn": {
                    "text": "Гэмт этгээд «Чи өөрөө хүссэн» гэх мэтээр хүүхдэд ичгүүр, өөрийгөө буруутгах сэтгэлийг зориуд төрүүлдэг нь олонтаа.",
                    "feedback": "Тийм. Ичгүүр, өөрийгөө буруутгах сэтгэл хүүхдийг олон жилээр дуугүй байлгаж болно.",
                },
                "en": {
                    "text": "Offenders often create shame and self-blame on purpose, for example by telling the child “you wanted it”.",
                    "feedback": "Yes. Shame and self-blame can keep a child silent for years.",
                },
            },
            {
                "type": "choice",
                "id": "tii-q3-d",
                "fraction": "0.25",
                "mn": {
                    "text": "Болсон явдлаа ярих нь ихэнхдээ үйл явц байдаг: хүүхэд эхлээд насанд хүрэгчид бага зэрэг мэдээлэл хэлж, түүний хариу үйлдлийг ажигладаг.",
                    "feedback": "Тийм. Тиймээс хүүхдийн анх хэлсэн зүйлд тайван, итгэлтэй хандах нь чухал.",
                },
                "en": {
                    "text": "Disclosure is often a process: a child tests an adult with a small piece of information and watches the reaction.",
                    "feedback": "Yes. That is why a calm, believing response to a first, partial disclosure matters so much.",
                },
            },
            {
                "type": "choice",
                "id": "tii-q3-e",
                "fraction": "-0.5",
                "mn": {
                    "text": "Үнэхээр хохирсон хүүхэд боломж гарангуут л ярьдаг тул оройтож ярьсан бол худал байх магадлалтай.",
                    "feedback": "Үгүй. Ихэнх хүүхэд оройтож, хэсэг хэсгээр ярьдаг. Оройтож ярьсан нь худал хэлж байна гэсэн үг биш.",
                },
                "en": {
                    "text": "A child who has really been harmed tells as soon as they can, so a late disclosure is probably untrue.",
                    "feedback": "No. Most children tell late, and in pieces. A late disclosure is not a sign of lying.",
                },
            },
            {
                "type": "choice",
                "id": "tii-q3-f",
                "fraction": "-0.5",
                "mn": {
                    "text": "Хөвгүүд хохирох нь ховор тул тэдэнд ярих зүйл бараг байдаггүй.",
                    "feedback": "Үгүй. Хөвгүүд ч хохирдог. Тэднээс асуух нь ч, тэдэнд итгэх нь ч бага байдаг тул ярихад нь нэмэлт саад тулгардаг.",
                },
                "en": {
                    "text": "Boys are rarely harmed, so they seldom have anything to disclose.",
                    "feedback": "No. Boys are harmed too. They face extra barriers to telling, because they are asked less often, and believed less often.",
                },
            },
        ],
    },
    {
        "key": "tii-q4",
        "qtype": "numeric",
        "mark": "1",
        "mn": {
            "name": "Хүүхэд гэж хэнийг хэлэх вэ",
            "text": "<p>Зочид буудалд хийсэн шалгалтын үеэр алба хаагчид Солонготой таарав. Тэр 17 настай, найз залуу гэж нэрлэдэг эрэгтэйтэйгээ өөрийн хүслээр ирсэн гэж хэлж байна. НҮБ-ын Хүүхдийн эрхийн тухай конвенцоор хэдэн нас хүрээгүй хүн бүрийг хүүхэд гэж үздэг вэ? Насыг тоогоор бичнэ үү.</p>",
            "general_feedback": "<p>Конвенцийн 1 дүгээр зүйлд 18 нас хүрээгүй хүн бүрийг хүүхэд гэж үздэг. Палермогийн протоколд зааснаар хүүхдийг мөлжих зорилгоор элсүүлэх, орогнуулах нь заналхийлэл, хүч, хууран мэхлэлт ашиглаагүй байсан ч хүн худалдаалах гэмт хэрэгт тооцогдоно.</p>",
        },
        "en": {
            "name": "Who is a child",
            "text": "<p>During a hotel check, officers meet Solongo. She says she is 17, and that she chose to be there with the man she calls her boyfriend. Under the UN Convention on the Rights of the Child, every person under what age is a child? Give the age as a number.</p>",
            "general_feedback": "<p>Article 1 of the Convention treats every person under 18 as a child. Under the Palermo Protocol, recruiting or harbouring a child for exploitation is trafficking even when no threat, force or deception is used.</p>",
        },
        "answers": [
            {
                "type": "numeric",
                "id": "tii-q4-a",
                "value": "18",
                "tolerance": "0",
                "fraction": "1",
                "mn": {
                    "feedback": "Зөв. 18 нас хүрээгүй хүн бүр хүүхэд тул Солонго хүүхэд бөгөөд түүний зөвшөөрсөн мэт харагдах байдал нь мөлжлөгийн хохирогч байж болзошгүйг өөрчлөхгүй."
                },
                "en": {
                    "feedback": "Correct. Every person under 18 is a child, so Solongo is a child — and her apparent agreement does not change the fact that she may be a victim of exploitation."
                },
            },
        ],
    },
    # Module 2: Planning and conducting a child-friendly interview
    {
        "key": "tii-q5",
        "qtype": "single_choice",
        "mark": "1",
        "mn": {
            "name": "Ярилцлагын гол хэсгийг эхлүүлэх",
            "text": "<p>Итгэлцэл тогтож, ярилцлагын дүрмийг дадлагажуулж, дадлагын яриа сайн болсон. Ярилцлагын гол хэсэг рүү шилжих хамгийн зөв арга аль нь вэ?</p>",
            "general_feedback": "<p>Үр дүнтэй байж чадах хамгийн нээлттэй асуултаас эхэл. Хүүхэд хариулахгүй бол аажмаар тодорхой болох, гэхдээ хүн эсвэл үйлдлийг нэрлэхгүй асуулт хэрэглэ. Жишээ нь: «Чамайг багштайгаа ярьсан гэж сонссон. Юуны тухай ярьснаа надад яриач.»</p>",
        },
        "en": {
            "name": "Opening the substantive part",
            "text": "<p>Rapport is established, the ground rules have been practised and the practice narrative went well. Which is the best way to move into the substantive part of the interview?</p>",
            "general_feedback": "<p>Start with the most open prompt that will work. If the child does not respond, use prompts that become gradually more focused but still do not name a person or an act, for example: “I heard you talked to your teacher. Tell me what you talked about.”</p>",
        },
        "answers": [
            {
                "type": "choice",
                "id": "tii-q5-a",
                "fraction": "1",
                "mn": {
                    "text": "«Өнөөдөр яагаад надтай ярилцахаар ирснээ яриач.»",
                    "feedback": "Зөв. Сэдэлгүй урилга нь хүн эсвэл үйлдлийг нэрлэлгүйгээр хүүхдэд сэдвийг өөрийн үгээр хөндөх боломж олгоно.",
                },
                "en": {
                    "text": "“Tell me why you came to talk to me today.”",
                    "feedback": "Correct. A non-suggestive invitation lets the child raise the subject in their own words, without you naming a person or an act.",
                },
            },
            {
                "type": "choice",
                "id": "tii-q5-b",
                "fraction": "0",
                "mn": {
                    "text": "«Нагац ах чинь чамайг өвтгөсөн үү?»",
                    "feedback": "Энэ асуулт хүүхдийн дурдаагүй хүн, үйлдлийг нэрлэж байна: энэ бол сэдэлсэн асуулт бөгөөд хүүхдийн дурсамжид нөлөөлж болзошгүй.",
                },
                "en": {
                    "text": "“Did your uncle hurt you?”",
                    "feedback": "This names a person and an act the child has not mentioned. It is a suggestive question, and it may shape what the child remembers.",
                },
            },
            {
                "type": "choice",
                "id": "tii-q5-c",
                "fraction": "0",
                "mn": {
                    "text": "«Чи яагаад өмнө нь хэнд ч хэлээгүй юм бэ?»",
                    "feedback": "Хүүхдийн өөрийн үйлдлийн талаарх «яагаад» асуулт буруутгал мэт сонсогдож, хүүхэд цааш ярихад хэцүү болгоно.",
                },
                "en": {
                    "text": "“Why didn't you tell anyone before?”",
                    "feedback": "A “why” question about the child's own actions sounds like blame, and makes it harder for the child to go on talking.",
                },
            },
            {
                "type": "choice",
                "id": "tii-q5-d",
                "fraction": "0",
                "mn": {
                    "text": "«Энэ гэрт болсон уу, сургууль дээр болсон уу?»",
                    "feedback": "Сонголттой асуулт хүүхдийг санал болгосон хариултуудаас зүгээр л нэгийг нь сонгоход хүргэж болно. Хэргийн гол баримтын талаар хэзээ ч бүү хэрэглэ.",
                },
                "en": {
                    "text": "“Did it happen at home or at school?”",
                    "feedback": "An option-posing question offers choices the child may simply pick from. Never use one for the central facts of the case.",
                },
            },
        ],
    },
    {
        "key": "tii-q6",
        "qtype": "short_answer",
        "mark": "1",
        "mn": {
            "name": "Нэр томьёо: чөлөөт ярилт",
            "text": "<p>«Энэ тухай бүгдийг нь надад яриач» гэх мэт нээлттэй урилгын хариуд хүүхэд болсон явдлыг өөрийн үгээр, өөрийн дарааллаар ярихыг энэ сургалтад юу гэж нэрлэдэг вэ? Хоёр үгээр хариулна уу.</p>",
            "general_feedback": "<p>Ярилцлагын ихэнх хэсгийг чөлөөт ярилт эзлэх ёстой. Тодорхой асуултыг зөвхөн шаардлагатай үед тавьж, дараа нь дахин нээлттэй асуулт руу буцна.</p>",
        },
        "en": {
            "name": "Term: free recall",
            "text": "<p>What does this course call the child's own account of what happened, given in their own words and their own order in response to an open invitation such as “Tell me everything about that”? Answer in two words.</p>",
            "general_feedback": "<p>Free recall should make up most of the interview. Focused questions come only when they are needed, and are followed by a return to open prompts.</p>",
        },
        "answers": [
            {
                "type": "choice",
                "id": "tii-q6-a",
                "fraction": "1",
                "mn": {
                    "text": "чөлөөт ярилт",
                    "feedback": "Зөв. Чөлөөт ярилтаар авсан мэдээлэл хүүхдийн өгч чадах хамгийн үнэн зөв мэдээлэл юм.",
                },
                "en": {
                    "text": "free recall",
                    "feedback": "Correct. Information from free recall is the most accurate a child can give.",
                },
            },
            {
                "type": "choice",
                "id": "tii-q6-b",
                "fraction": "1",
                "mn": {
                    "text": "чөлөөт яриа",
                    "feedback": "Зөв. Энэ сургалтад үүнийг «чөлөөт ярилт» гэж нэрлэдэг.",
                },
                "en": {
                    "text": "free narrative",
                    "feedback": "Correct: “free narrative” is another name for it. This course calls it free recall.",
                },
            },
            {
                "type": "choice",
                "id": "tii-q6-c",
                "fraction": "0.5",
                "mn": {
                    "text": "ярилт",
                    "feedback": "Бараг зөв: нэр томьёо нь «чөлөөт ярилт». Юуг, ямар дарааллаар ярихыг ярилцлага авагч бус хүүхэд өөрөө шийддэг учраас «чөлөөт» гэдэг.",
                },
                "en": {
                    "text": "recall",
                    "feedback": "Nearly: the term is “free recall”. It is free because the child, not the interviewer, decides what to say and in what order.",
                },
            },
        ],
    },
    {
        "key": "tii-q7",
        "qtype": "matching",
        "mark": "1",
        "mn": {
            "name": "Асуултын төрөл",
            "text": "<p>10 настай Билгүүн: «Аав гэртээ ирээд хашгираад байсан. Би ширээн доогуур орсон» гэж хэлсэн. Ярилцлага авагчийн асуулт бүрийг төрөлтэй нь харгалзуулна уу.</p>",
            "general_feedback": "<p>Үр дүнтэй байж чадах хамгийн нээлттэй асуултыг хэрэглэ. Тодруулах болон сонголттой асуулт руу зөвхөн шаардлагатай үед шилжиж, дараа нь дахин нээлттэй асуулт руу буцаарай. Сэдэлсэн асуултыг хэзээ ч бүү хэрэглэ.</p>",
        },
        "en": {
            "name": "Types of question",
            "text": "<p>Bilguun, 10, has said: “Dad came home and he was shouting. I went under the table.” Match each of the interviewer's questions with its type.</p>",
            "general_feedback": "<p>Use the most open question that will work. Move to directive or option-posing questions only when you need to, and return to an open prompt afterwards. Never use a suggestive question.</p>",
        },
        "answers": [
            {
                "type": "pair",
                "id": "tii-q7-a",
                "mn": {"prompt": "«Ням гарагт болсон бүх зүйлийг надад яриач.»", "answer": "Урилга"},
                "en": {"prompt": "“Tell me everything that happened on Sunday.”", "answer": "Invitation"},
            },
            {
                "type": "pair",
                "id": "tii-q7-b",
                "mn": {
                    "prompt": "«Чи ширээн доогуур орсон. Энэ тухай илүү ихийг яриач.»",
                    "answer": "Хүүхдийн үгэнд тулгуурласан урилга",
                },
                "en": {
                    "prompt": "“You went under the table. Tell me more about that.”",
                    "answer": "Cued invitation",
                },
            },
            {
                "type": "pair",
                "id": "tii-q7-c",
                "mn": {"prompt": "«Аав чинь хашгирч байхад чи хаана байсан бэ?»", "answer": "Тодруулах асуулт"},
                "en": {"prompt": "“Where were you when Dad was shouting?”", "answer": "Directive question"},
            },
            {
                "type": "pair",
                "id": "tii-q7-d",
                "mn": {"prompt": "«Өдөр байсан уу, шөнө байсан уу?»", "answer": "Сонголттой асуулт"},
                "en": {"prompt": "“Was it day or night?”", "answer": "Option-posing question"},
            },
            {
                "type": "pair",
                "id": "tii-q7-x",  # a distractor: no prompt matches it
                "mn": {"prompt": "", "answer": "Сэдэлсэн асуулт"},
                "en": {"prompt": "", "answer": "Suggestive question"},
            },
        ],
    },
    {
        "key": "tii-q8",
        "qtype": "ordering",
        "mark": "1",
        "mn": {
            "name": "Ярилцлагын үе шатууд",
            "text": "<p>Хүүхдэд ээлтэй ярилцлагын үе шатуудыг явагдах дарааллаар нь байрлуулна уу.</p>",
            "general_feedback": "<p>Итгэлцэл тогтоох үе шат эхэнд байх бөгөөд үүнийг алгасаж болохгүй: танилцах, дүрэм тайлбарлах, дадлагын яриа хийхэд зарцуулсан хэдэн минут дараа нь цаг хэмнэж, илүү найдвартай нотлох баримт бүрдүүлэхэд тусалдаг. Хүүхэд хүнд хэсэг эхлэхээс өмнөхөөсөө тайван байдалтай өрөөнөөс гарахаар ярилцлагыг дуусгаарай.</p>",
        },
        "en": {
            "name": "Phases of the interview",
            "text": "<p>Put the phases of a child-friendly interview in the order in which they take place.</p>",
            "general_feedback": "<p>Rapport comes first and should not be skipped: a few minutes on the introduction, the ground rules and a practice narrative usually save time later and produce more reliable evidence. Close so that the child leaves the room calmer than when the difficult part began.</p>",
        },
        "answers": [
            {
                "type": "item",
                "id": "tii-q8-a",
                "mn": {"text": "Танилцуулга: нэрээ хэлж, ажлаа энгийн үгээр тайлбарлаж, бичлэгийн талаар хэлэх"},
                "en": {"text": "Introduction: your name, your job in simple words, and the recording"},
            },
            {
                "type": "item",
                "id": "tii-q8-b",
                "mn": {"text": "Ярилцлагын дүрэм, дүрэм бүрийг энгийн жишээгээр дадлагажуулах"},
                "en": {"text": "The ground rules, each practised with a simple example"},
            },
            {
                "type": "item",
                "id": "tii-q8-c",
                "mn": {"text": "Саяхан болсон, төвийг сахисан үйл явдлын тухай дадлагын яриа"},
                "en": {"text": "A practice narrative about a recent, neutral event"},
            },
            {
                "type": "item",
                "id": "tii-q8-d",
                "mn": {"text": "Сэдэлгүй урилгаар эхэлсэн чөлөөт ярилт"},
                "en": {"text": "Free recall, opened with a non-suggestive invitation"},
            },
            {
                "type": "item",
                "id": "tii-q8-e",
                "mn": {
                    "text": "Хүүхдийн дурдсан нарийн зүйлийн талаарх тодруулах асуулт, асуулт бүрийн дараа нээлттэй асуулт руу буцах"
                },
                "en": {
                    "text": "Focused questions about details the child has mentioned, each followed by a return to open prompts"
                },
            },
            {
                "type": "item",
                "id": "tii-q8-f",
                "mn": {
                    "text": "Ярилцлагыг дуусгах: өөр зүйл байгаа эсэх, хүүхдийн асуулт, талархал, дараа нь юу болох, төвийг сахисан сэдэв"
                },
                "en": {
                    "text": "Closure: anything else, the child's own questions, thanks, what happens next, and a neutral topic"
                },
            },
        ],
    },
    # Module 3: After the interview
    {
        "key": "tii-case-oyunaa",
        "qtype": "description",
        "mark": "0",
        "mn": {
            "name": "Жишээ тохиолдол: ярилцлагын дараах Оюунаа",
            "text": "<p><b>Жишээ тохиолдол.</b> 11 настай Оюунаа сумын цагдаагийн хэсэгт ярилцлагаа саяхан дуусгалаа. Тэр ээжийнх нь хамтран амьдрагч архи уусан үедээ өөрийг нь зоддог, хэнд нэгэнд хэлбэл «чамд үзүүлнэ» гэж сүрдүүлсэн тухай ярьсан. Тэр эрэгтэй тэдэнтэй нэг гэрт амьдардаг. Баасан гарагийн үдээс хойш дөрвөн цаг болж байна.</p><p>Ээж нь ирээд сэтгэл санаа нь тавгүй, Оюунааг гэртээ авч харихыг хүсч байгаа бөгөөд хамтран амьдрагч маань «түүнийг үнэхээр гэмтээхгүй» гэж хэлж байна. Оюунаа сумын төвд байдаг эмээгийндээ байхыг хүсч байгаагаа чимээгүйхэн хэлэв.</p><p>Дараах хоёр асуулт энэ тохиолдлын тухай. Бүх хүн, нөхцөл байдал зохиомол.</p>",
            "general_feedback": "",
        },
        "en": {
            "name": "Case scenario: Oyunaa after the interview",
            "text": "<p><b>Case scenario.</b> Oyunaa, 11, has just finished an interview at a soum police unit. She said that her mother's partner hits her when he has been drinking, and that he told her he would “show her” if she told anyone. He lives in the same home. It is four o'clock on a Friday afternoon.</p><p>Her mother has arrived, is upset, and wants to take Oyunaa home; she says her partner “would never really hurt her”. Oyunaa says quietly that she would rather stay with her grandmother in the soum centre.</p><p>The next two questions are about this case. All the people and events are fictional.</p>",
            "general_feedback": "",
        },
        "answers": [],
    },
    {
        "key": "tii-q9",
        "qtype": "single_choice",
        "mark": "1",
        "scenario": "tii-case-oyunaa",
        "mn": {
            "name": "Оюунаа: гарахаас өмнө",
            "text": "<p>Оюунаа цагдаагийн хэсгээс гарахаас өмнө юу хийх ёстой вэ?</p>",
            "general_feedback": "<p>Ярилцлага дууссан нь таны хариуцлага дууссан гэсэн үг биш. Хүүхэд хаана хонохыг насанд хүрэгчдийн ая тухад бус, аюулгүй байдлын үнэлгээ, хүүхдийн санал бодол, хуульд үндэслэн шийднэ («Хүүхдээс мэдүүлэг авах журам (жишээ)», 6.1 дэх заалт).</p>",
        },
        "en": {
            "name": "Oyunaa: before she leaves",
            "text": "<p>What should happen before Oyunaa leaves the police unit?</p>",
            "general_feedback": "<p>The end of the interview is not the end of your responsibility. Where the child sleeps tonight is decided on the basis of a safety assessment, the child's views and the law — not the convenience of the adults (<i>Procedure for interviewing children (demo)</i>, clause 6.1).</p>",
        },
        "answers": [
            {
                "type": "choice",
                "id": "tii-q9-a",
                "fraction": "0",
                "mn": {
                    "text": "Түүнийг хууль ёсны асран хамгаалагч болох ээжтэй нь гэрт нь явуулж, ирэх долоо хоногт дахин уулзахаар товлох.",
                    "feedback": "Оюунаагийн айдас, түүний ярьсан сүрдүүлэг бол эрсдэлийн тухай мэдээлэл. Түүнийг саяхан өөрийнх нь тухай ярьсан хүнтэй нэг гэрт буцаах нь өшөө авалтад өртүүлж болзошгүй.",
                },
                "en": {
                    "text": "Let her go home with her mother, who is her legal guardian, and arrange a follow-up visit next week.",
                    "feedback": "Oyunaa's fear and the threat she described are information about risk. Sending her home to the man she has just disclosed against could expose her to retaliation.",
                },
            },
            {
                "type": "choice",
                "id": "tii-q9-b",
                "fraction": "1",
                "mn": {
                    "text": "Ярилцлага авагч, хүүхэд хамгааллын ажилтан хамтран яаралтай аюулгүй байдлын хяналтын хуудсыг бөглөнө; эрсдэл илэрсэн тул түүнийг гэрт нь буцаахгүй бөгөөд тухайн ажлын өдөрт багтаан Хамтарсан багийн ажлын хэсэгт шилжүүлнэ.",
                    "feedback": "Зөв. Сэжигтэн нэг гэрт амьдардаг бөгөөд хүүхдийг сүрдүүлсэн. Аюулгүй байрлалыг, тухайлбал үнэлгээгээр аюулгүй нь тогтоогдвол эмээгийнх нь гэрт, хүүхэд хамгааллын үйлчилгээгээр дамжуулан шийднэ.",
                },
                "en": {
                    "text": "The interviewer and the child protection worker complete the immediate safety checklist together; as a risk has been identified, she is not returned home, and the case is referred to the Multi-Disciplinary Task Force the same working day.",
                    "feedback": "Correct. The suspected offender lives in the home and has threatened her. A safe placement — with her grandmother, if the assessment shows that it is safe — is arranged through child protection services.",
                },
            },
            {
                "type": "choice",
                "id": "tii-q9-c",
                "fraction": "0",
                "mn": {
                    "text": "Хамтарсан багийн ажлын хэсэг Даваа гарагт хуралдах хүртэл түүнийг амралтын өдрүүдэд цагдаагийн хэсэгт байлгах.",
                    "feedback": "Цагдаагийн байр бол хүүхэд асрах газар биш. Яаралтай байрлуулах асуудлыг хүүхэд хамгааллын үйлчилгээгээр дамжуулан шийдэх бөгөөд шилжүүлэг амралтын өдрүүд дуусахыг хүлээхгүй.",
                },
                "en": {
                    "text": "Keep her at the police unit over the weekend until the Task Force can meet on Monday.",
                    "feedback": "A police station is not a place of care. Emergency placement is arranged through child protection services, and the referral does not wait for the weekend to end.",
                },
            },
            {
                "type": "choice",
                "id": "tii-q9-d",
                "fraction": "0",
                "mn": {
                    "text": "Түүний хүссэний дагуу шууд эмээгийнх нь гэрт хүргэж өгөх.",
                    "feedback": "Оюунаагийн хүсэл чухал бөгөөд үүнийг нухацтай хүлээж авах ёстой, гэхдээ энэ нь аюулгүй байдлын үнэлгээний нэг хэсэг болохоос түүнийг орлохгүй. Эхлээд эмээгийн гэр аюулгүй эсэх, эмээ нь түүнийг хамгаалж чадах эсэхийг шалгах ёстой.",
                },
                "en": {
                    "text": "Take her straight to her grandmother's, because that is what she asked for.",
                    "feedback": "Oyunaa's wish matters and must be taken seriously, but it is part of the safety assessment, not a substitute for it. Someone must first check that the grandmother's home is safe and that she can protect Oyunaa.",
                },
            },
        ],
    },
    {
        "key": "tii-q10",
        "qtype": "single_choice",
        "mark": "1",
        "scenario": "tii-case-oyunaa",
        "mn": {
            "name": "Оюунаа: ангийн багшид юу хэлэх вэ",
            "text": "<p>Хамтарсан багийн ажлын хэсгийн хурал дээр сургуулийн төлөөлөгч Оюунаад анхаарал тавих үүднээс ангийн багшид нь «бүгдийг» хэлэхийг хүсэв. Ангийн багшид юуг хэлэх ёстой вэ?</p>",
            "general_feedback": "<p>Хэт бага, эсвэл хэт их мэдээлэл хуваалцах аль ч тохиолдолд шалгуур нэг: энэ мэдээллийг энэ хүнтэй хуваалцах нь энэ хүүхдийг хамгаалахад тус болох уу? Хэрэв тийм бол хуваалцаж, тэмдэглэж, аюулгүй бол хүүхэд эсвэл асран хамгаалагчид мэдэгдээрэй.</p>",
        },
        "en": {
            "name": "Oyunaa: what the class teacher needs",
            "text": "<p>At the Task Force meeting, the school representative asks to tell Oyunaa's class teacher “everything”, so that the teacher can keep an eye on her. What should the teacher be told?</p>",
            "general_feedback": "<p>Whether you are tempted to share too little or too much, the test is the same: will sharing this information, with this person, help protect this child? If so, share it, record it, and tell the child or caregiver where it is safe to do so.</p>",
        },
        "answers": [
            {
                "type": "choice",
                "id": "tii-q10-a",
                "fraction": "1",
                "mn": {
                    "text": "Оюунааг сургууль дээр аюулгүй байлгах, дэмжихэд багшид хэрэгтэй мэдээллийг л, тухайлбал түүнийг хэн авч явж болох, санаа зовох зүйл гарвал хэн рүү залгахыг хэлж, юуг, хэнтэй, яагаад хуваалцсанаа тэмдэглэнэ.",
                    "feedback": "Зөв. Хүүхдийг хамгаалахад шаардлагатай мэдээллийг хэрэгтэй хүнд нь хуваалцаж, тэмдэглэнэ.",
                },
                "en": {
                    "text": "Only what the teacher needs to keep Oyunaa safe and supported at school — for example, who may collect her and whom to call with a concern — with a record of what was shared, with whom and why.",
                    "feedback": "Correct. Share what is necessary, with those who need it, to protect the child — and record it.",
                },
            },
            {
                "type": "choice",
                "id": "tii-q10-b",
                "fraction": "0",
                "mn": {
                    "text": "Багш Оюунаагийн туулсан зүйлийг ойлгохын тулд ярилцлагад яригдсан бүх зүйлийг.",
                    "feedback": "Сургууль дээр түүнийг аюулгүй байлгахад ярианых нь нарийн зүйлс хэрэггүй бөгөөд тэдгээрийг дэлгэх нь хүүхдэд ч, мөрдөн шалгах ажиллагаанд ч хор хөнөөл учруулж болно.",
                },
                "en": {
                    "text": "Everything said in the interview, so that the teacher understands what Oyunaa has been through.",
                    "feedback": "The details of her account are not needed to keep her safe at school, and spreading them can harm both her and the investigation.",
                },
            },
            {
                "type": "choice",
                "id": "tii-q10-c",
                "fraction": "0",
                "mn": {
                    "text": "Юу ч хэлэхгүй: хүүхдийн ярилцлагад хэлсэн бүх зүйл нууц.",
                    "feedback": "Нууцлал гэдэг нь нуух гэсэн үг биш. Зарим мэдээллийг багштай хуваалцах нь Оюунааг хамгаалахад тус болох бол хуваалцах ёстой.",
                },
                "en": {
                    "text": "Nothing: everything a child says in an interview is confidential.",
                    "feedback": "Confidentiality is not secrecy. If sharing some information with the teacher helps protect Oyunaa, it should be shared.",
                },
            },
            {
                "type": "choice",
                "id": "tii-q10-d",
                "fraction": "0",
                "mn": {
                    "text": "Эцэг эх нь учраас ээж нь юуг зөвшөөрнө, түүнийг.",
                    "feedback": "Ээжийн санал бодол чухал ч тэр эрсдэл байгааг хүлээн зөвшөөрөхгүй байж магадгүй. Шалгуур нь Оюунааг хамгаалахад юу тус болох вэ гэдэг.",
                },
                "en": {
                    "text": "Whatever Oyunaa's mother agrees to, since she is the parent.",
                    "feedback": "The mother's views matter, but she may not accept that there is a risk. The test is what helps protect Oyunaa.",
                },
            },
        ],
    },
    {
        "key": "tii-q11",
        "qtype": "essay",
        "mark": "2",
        # About a fictional colleague, not the learner: a required quiz never asks for the learner's own
        # warning signs. That question is the private reflection that ends the lesson "Looking after
        # yourself" (``courses_content._VICARIOUS_TRAUMA``), which only the learner reads.
        "mn": {
            "name": "Хамт ажиллагчаа дэмжих нь",
            "text": "<p><b>Жишээ тохиолдол.</b> Болормаа хүүхдээс ярилцлага авдаг мөрдөн байцаагчаар таван жил ажиллажээ. Сүүлийн саруудад тэр нойр муу байгаагаа хэлж, хамт олноосоо хөндийрч, зарим хэргийг бусдад шилжүүлэхийг хүсэх болжээ. 150–250 үгэнд:</p><ul><li>Болормаад хоёрдогч сэтгэл зүйн гэмтлийн ямар шинж тэмдэг илэрч байгааг нэрлэж, яагаад гэдгийг тайлбарлана уу;</li><li>хамт ажиллагчийн хувьд түүнтэй хэрхэн ярилцаж, хаанаас дэмжлэг авахыг санал болгохоо бичнэ үү;</li><li>ийм байдлаас сэргийлэхийн тулд байгууллага хийж болох хоёр зүйлийг нэрлэнэ үү.</li></ul><p>Бодит хэргийн мэдээлэл, бодит хүний нэрийг бүү оруулаарай.</p>",
            "general_feedback": "<p>Сайн хариултад нойр муудах, хамт олноосоо хөндийрөх, хэргээс зайлсхийх зэргийг хоёрдогч сэтгэл зүйн гэмтлийн шинж тэмдэг гэж тайлбарласан; ганцаарчлан, шүүмжлэлгүй, халамжтай ярилцаж, мэргэжлийн хяналт-зөвлөгөө эсвэл нууцлалтай сэтгэл зүйн зөвлөгөөг санал болгосон; тогтмол хяналт-зөвлөгөө, боломжийн ажлын ачаалал зэрэг байгууллагын арга хэмжээ тусгагдсан байна. Өөрт тань илэрдэг шинж тэмдгийн тухай бодлоо «Өөртөө анхаарал тавих» хичээлийн эргэцүүлэлд бичээрэй: түүнийг зөвхөн та уншина.</p>",
        },
        "en": {
            "name": "Supporting a colleague",
            "text": "<p><b>Case scenario.</b> Bolormaa has interviewed children as an investigator for five years. In recent months she has said that she sleeps badly, she has withdrawn from her colleagues, and she has asked to hand some cases to others. In 150–250 words:</p><ul><li>name the signs of vicarious trauma that Bolormaa shows, and explain why they are signs;</li><li>describe how, as her colleague, you would raise it with her, and where you would suggest she find support;</li><li>name two things an organisation can do to prevent this.</li></ul><p>Do not include details of real cases or the names of real people.</p>",
            "general_feedback": "<p>A strong answer reads sleeping badly, withdrawing and avoiding cases as signs of vicarious trauma; raises them privately, kindly and without judging, and points to supervision or confidential counselling; and names organisational measures such as regular supervision and reasonable caseloads. Your thoughts about your own signs belong in the reflection of the lesson “Looking after yourself”, which only you can read.</p>",
        },
        "answers": [],
    },
]

# ---------------------------------------------------------------------------------------------
# Child trafficking at the border — for the course "trafficking-at-the-border"
# ---------------------------------------------------------------------------------------------

_BORDER_QUESTIONS = [
    {
        "key": "tb-q1",
        "qtype": "single_choice",
        "mark": "1",
        "mn": {
            "name": "Палермогийн протокол: хүүхдийн хувьд юуг тогтоох вэ",
            "text": "<p>Палермогийн протоколын дагуу хүүхэдтэй холбоотой тохиолдлыг хүн худалдаалах гэмт хэрэгт тооцохын тулд юуг тогтоох шаардлагатай вэ?</p>",
            "general_feedback": "<p>Тодорхойлолт нь үйлдэл, арга, зорилго гэсэн гурван бүрэлдэхүүнтэй. 18 нас хүрээгүй хүний хувьд зөвхөн үйлдэл болон мөлжих зорилго шаардлагатай. Мөн Эрүүгийн хууль (2015)-ийн 13.1 дүгээр зүйл, Хүн худалдаалахтай тэмцэх тухай хууль (2012)-ийг үзнэ үү.</p>",
        },
        "en": {
            "name": "Palermo Protocol: what must be shown for a child",
            "text": "<p>Under the Palermo Protocol, what must be shown for a case involving a child to count as trafficking?</p>",
            "general_feedback": "<p>The definition has three elements: the act, the means and the purpose. For a person under 18, only the act and the purpose of exploitation are needed. See also the Criminal Code (2015), article 13.1, and the Law on Combating Trafficking in Persons (2012).</p>",
        },
        "answers": [
            {
                "type": "choice",
                "id": "tb-q1-a",
                "fraction": "1",
                "mn": {
                    "text": "Хүүхдийг мөлжих зорилгоор элсүүлэх, тээвэрлэх, орогнуулах зэрэг үйлдэл хийсэн байх; хүч, заналхийлэл, хууран мэхлэлт хэрэглэснийг нотлох шаардлагагүй.",
                    "feedback": "Зөв. Хүүхдийн хувьд «арга»-ыг нотлох шаардлагагүй. Хүүхэд зөвшөөрсөн мэт харагдах нь юуг ч өөрчлөхгүй.",
                },
                "en": {
                    "text": "An act, such as recruiting, transporting or harbouring the child, for the purpose of exploitation; no force, threat or deception needs to be proved.",
                    "feedback": "Correct. For children, the “means” need not be proved. A child's apparent consent changes nothing.",
                },
            },
            {
                "type": "choice",
                "id": "tb-q1-b",
                "fraction": "0",
                "mn": {
                    "text": "Хүүхдийг хилээр гаргасан байх.",
                    "feedback": "Хүн худалдаалах гэмт хэрэг хил давахыг шаарддаггүй: хүүхдийг Монгол Улсын дотор ч худалдаалж болно.",
                },
                "en": {
                    "text": "That the child was taken across a border.",
                    "feedback": "Trafficking does not require crossing a border: a child can be trafficked within Mongolia.",
                },
            },
            {
                "type": "choice",
                "id": "tb-q1-c",
                "fraction": "0",
                "mn": {
                    "text": "Хүүхдийн эсрэг хүч, заналхийлэл, хууран мэхлэлт хэрэглэсэн байх.",
                    "feedback": "Насанд хүрэгчийн хувьд «арга»-ыг тогтоох шаардлагатай бол хүүхдийн хувьд шаардлагагүй.",
                },
                "en": {
                    "text": "That force, threats or deception were used against the child.",
                    "feedback": "For an adult, the means must be shown; for a child, they need not be.",
                },
            },
            {
                "type": "choice",
                "id": "tb-q1-d",
                "fraction": "0",
                "mn": {
                    "text": "Хүүхэд явахыг зөвшөөрөөгүй гэж хэлсэн байх.",
                    "feedback": "Хүүхэд зөвшөөрсөн эсэх нь асуудлыг шийдэхгүй: хүүхэд зөвшөөрсөн мэт харагдах нь түүнийг хохирогч гэдгийг өөрчлөхгүй.",
                },
                "en": {
                    "text": "That the child says they did not agree to go.",
                    "feedback": "Whether the child agreed does not decide the matter: a child's apparent consent does not change the fact that they are a victim.",
                },
            },
        ],
    },
    {
        "key": "tb-q2",
        "qtype": "multiple_response",
        "mark": "1",
        "mn": {
            "name": "Хилийн боомт дээрх шинж тэмдэг",
            "text": "<p>Хилийн боомтод ажиглагдсан дараах зүйлсийн аль нь хүүхэд худалдаалах гэмт хэргийн шинж тэмдэг байж болох вэ?</p>",
            "general_feedback": "<p>Аль нэг шинж тэмдэг дангаараа хүүхэд худалдаалсныг нотлохгүй бөгөөд ямар ч шинж тэмдэг харагдахгүй байхад хүүхэд худалдаалагдаж байж болно. Хэд хэдэн шинж тэмдэг давхацвал хүүхэдтэй тусад нь ярилцаж, журмынхаа дагуу ажиллаарай.</p>",
        },
        "en": {
            "name": "Indicators at the checkpoint",
            "text": "<p>Which of the following, seen at a border checkpoint, are indicators of possible child trafficking?</p>",
            "general_feedback": "<p>No single indicator proves trafficking, and a child may be trafficked when none is visible. When several indicators come together, speak with the child separately and follow your procedure.</p>",
        },
        "answers": [
            {
                "type": "choice",
                "id": "tb-q2-a",
                "fraction": "0.25",
                "mn": {
                    "text": "Хүүхдийн паспорт, тасалбарыг хүүхэд өөрөө бус, насанд хүрэгч барьж, хүлээлгэн өгөхөөс татгалзах.",
                    "feedback": "Тийм. Насанд хүрэгч хүүхдийн бичиг баримтыг барьж байх нь гол шинж тэмдгийн нэг.",
                },
                "en": {
                    "text": "An adult, not the child, holds the child's passport and tickets, and is reluctant to hand them over.",
                    "feedback": "Yes. An adult who controls the child's documents is a key indicator.",
                },
            },
            {
                "type": "choice",
                "id": "tb-q2-b",
                "fraction": "0.25",
                "mn": {
                    "text": "Хүүхэд хаашаа явж байгаа, хэн угтах, хэр удаан байхаа мэдэхгүй байх.",
                    "feedback": "Тийм. Хаашаа явж, хэн угтахаа мэдэхгүй байх нь түгээмэл шинж тэмдэг.",
                },
                "en": {
                    "text": "The child does not know where they are going, who will meet them, or how long they will stay.",
                    "feedback": "Yes. Not knowing where they are going or who will meet them is a common indicator.",
                },
            },
            {
                "type": "choice",
                "id": "tb-q2-c",
                "fraction": "0.25",
                "mn": {
                    "text": "Хүүхдийн хариулт цээжилсэн мэт сонсогдох, эсвэл хариулахаасаа өмнө насанд хүрэгч рүү харах.",
                    "feedback": "Тийм. Энэ нь хүүхдэд юу хэлэхийг нь зааж өгсөн байж болзошгүйг илтгэнэ.",
                },
                "en": {
                    "text": "The child's answers sound rehearsed, or the child looks at the adult before answering.",
                    "feedback": "Yes. It suggests that the child has been told what to say.",
                },
            },
            {
                "type": "choice",
                "id": "tb-q2-d",
                "fraction": "0.25",
                "mn": {
                    "text": "Хүүхэд гадаадад ажиллах гэж байгаа бөгөөд замын зардлыг цалингаасаа «буцааж төлнө» гэж хэлэх.",
                    "feedback": "Тийм. Зам зардлын өр бол хяналт тогтоох түгээмэл арга.",
                },
                "en": {
                    "text": "The child is going to work abroad, and says they will “pay back” the cost of the journey from their wages.",
                    "feedback": "Yes. A debt for travel costs is a common means of control.",
                },
            },
            {
                "type": "choice",
                "id": "tb-q2-e",
                "fraction": "-0.5",
                "mn": {
                    "text": "Хүүхэд зорчихдоо танай журмаар шаардагдах бүх бичиг баримтыг бүрдүүлсэн эцэг эхийнхээ хамт явж байх.",
                    "feedback": "Үгүй. Насанд хүрэгчидтэй хамт хил нэвтэрч буй хүүхдийн дийлэнх нь гэр бүлийнхэнтэйгээ аюулгүй зорчиж байдаг; энэ нь шинж тэмдэг биш.",
                },
                "en": {
                    "text": "The child is travelling with a parent who has every document your procedures require for the child's travel.",
                    "feedback": "No. Most children crossing the border with adults are travelling safely with their families; this is not an indicator.",
                },
            },
            {
                "type": "choice",
                "id": "tb-q2-f",
                "fraction": "-0.5",
                "mn": {
                    "text": "Хүүхэд өөрийн паспорт, буцах тасалбараа өөрөө барьж, хаашаа явж, хэн угтахаа хэлж чадах.",
                    "feedback": "Үгүй. Аюулгүй зорчиж буй хүүхдээс яг ийм байдлыг хүлээдэг.",
                },
                "en": {
                    "text": "The child carries their own passport and return ticket, and can say where they are going and who will meet them.",
                    "feedback": "No. This is what you would expect of a child who is travelling safely.",
                },
            },
        ],
    },
    {
        "key": "tb-q3",
        "qtype": "true_false",
        "mark": "1",
        "mn": {
            "name": "Хүүхэд үгүйсгэх нь",
            "text": "<p>Тусад нь ярилцсан хүүхэд бүх зүйл хэвийн гэж зүтгэж байгаа бол хэд хэдэн шинж тэмдэг илэрсэн ч арга хэмжээ авах үндэслэл байхгүй.</p>",
            "general_feedback": "<p>Арга хэмжээ авахад хүүхэд өөрөө ярих биш, үндэслэлтэй сэжиг шаардлагатай. Хүүхдийг насанд хүрэгчдээс тусад нь аюулгүй байлгаж, цагдаа, хүүхэд хамгааллын үйлчилгээнд мэдэгдэж, хийсэн зүйлээ тэмдэглээрэй.</p>",
        },
        "en": {
            "name": "A child's denial",
            "text": "<p>If a child you have spoken with separately insists that everything is fine, you have no grounds to act, even when several indicators are present.</p>",
            "general_feedback": "<p>Acting requires reasonable grounds, not a disclosure from the child. Keep the child safe and apart from the adults, notify the police and child protection services, and record what you did.</p>",
        },
        "answers": [
            {
                "type": "choice",
                "id": "tb-q3-a",
                "fraction": "0",
                "mn": {
                    "text": "true",
                    "feedback": "Үгүй. Худалдаалагдаж буй хүүхдэд юу хэлэхийг нь зааж өгсөн, эсвэл сүрдүүлсэн байх нь олонтаа бөгөөд олон хүүхэд эхэндээ үгүйсгэдэг. Арга хэмжээ авахад үндэслэлтэй сэжиг хангалттай.",
                },
                "en": {
                    "text": "true",
                    "feedback": "Not so. Trafficked children have often been told what to say, or threatened, and many deny it at first. Reasonable grounds are enough to act.",
                },
            },
            {
                "type": "choice",
                "id": "tb-q3-b",
                "fraction": "1",
                "mn": {
                    "text": "false",
                    "feedback": "Зөв. Үндэслэлтэй сэжиг байхад арга хэмжээ авахын тулд хүүхэд өөрөө ярих шаардлагагүй. Хүүхэд үгүйсгэсэн нь эрсдэлийг арилгахгүй.",
                },
                "en": {
                    "text": "false",
                    "feedback": "Correct. You do not need a disclosure to act on reasonable grounds. The child's denial does not remove the risk.",
                },
            },
        ],
    },
    {
        "key": "tb-q4",
        "qtype": "numeric",
        "mark": "1",
        "mn": {
            "name": "Мэдэгдэх хугацаа",
            "text": "<p>«Хилийн боомтод хүүхэд худалдаалах гэмт хэргийн сэжигтэй тохиолдолд ажиллах журам (жишээ)»-ын 3.2 дахь заалтын дагуу хүн худалдаалах гэмт хэргийг хариуцсан цагдаагийн нэгж болон хүүхэд хамгааллын үйлчилгээнд хэдэн минутын дотор мэдэгдэх ёстой вэ? Минутын тоог бичнэ үү.</p>",
            "general_feedback": "<p>3.2 дахь заалт: ээлжийн даргад нэн даруй мэдэгдэнэ; хүүхдийг дагалдан яваа насанд хүрэгчдээс тусад нь, саатуулах бус, аюулгүй орчинд байлгана; хүн худалдаалах гэмт хэргийг хариуцсан нэгж, хүүхэд хамгааллын үйлчилгээнд нэг цагийн дотор мэдэгдэнэ; хүүхдийг бичгээр баримтжуулан биечлэн хүлээлгэн өгнө.</p>",
        },
        "en": {
            "name": "Time to notify",
            "text": "<p>Under the <i>Procedure for suspected child trafficking at border checkpoints (demo)</i>, clause 3.2, within how many minutes must the police unit responsible for trafficking and the child protection service be notified? Give the number of minutes.</p>",
            "general_feedback": "<p>Clause 3.2: inform the shift supervisor at once; keep the child apart from the accompanying adults in a safe, non-custodial space; notify the trafficking unit and the child protection service within one hour; hand the child over in person, with a written record.</p>",
        },
        "answers": [
            {
                "type": "numeric",
                "id": "tb-q4-a",
                "value": "60",
                "tolerance": "0",
                "fraction": "1",
                "mn": {"feedback": "Зөв: нэг цагийн дотор. Ээлжийн даргад нэн даруй мэдэгдэнэ."},
                "en": {"feedback": "Correct: within one hour. The shift supervisor is told at once."},
            },
        ],
    },
    {
        "key": "tb-q5",
        "qtype": "ordering",
        "mark": "1",
        "mn": {
            "name": "Тэргүүлэх зорилтын дараалал",
            "text": "<p>Танай боомт дээрх хүүхдийг худалдаалж байж болзошгүй гэж сэжиглэх үндэслэл танд байна. Тэргүүлэх зорилтуудаа чухлаас нь эхлэн дарааллаар нь байрлуулна уу.</p>",
            "general_feedback": "<p>Эхлээд хүүхдийн аюулгүй байдал, дараа нь мөрдөн шалгах боломж, тэгээд хамгаалал, дэмжлэг. Та бүрэн итгэлтэй байх шаардлагагүй бөгөөд хүүхэд өөрийгөө хохирогч гэж хэлэх шаардлагагүй.</p>",
        },
        "en": {
            "name": "Priorities, in order",
            "text": "<p>You have reasonable grounds to suspect that a child at your checkpoint is being trafficked. Put your priorities in order, the first at the top.</p>",
            "general_feedback": "<p>The child's safety first, then the investigation, then protection and support. You do not need to be certain, and the child does not need to say that they are a victim.</p>",
        },
        "answers": [
            {
                "type": "item",
                "id": "tb-q5-a",
                "mn": {"text": "Хүүхдийн яаралтай аюулгүй байдал"},
                "en": {"text": "The child's immediate safety"},
            },
            {
                "type": "item",
                "id": "tb-q5-b",
                "mn": {"text": "Мөрдөн шалгах боломжийг хадгалах"},
                "en": {"text": "Keeping an investigation possible"},
            },
            {
                "type": "item",
                "id": "tb-q5-c",
                "mn": {"text": "Хүүхдийг хамгаалал, дэмжлэгтэй холбох"},
                "en": {"text": "Connecting the child with protection and support"},
            },
        ],
    },
]

# The banks, in the order they are created (a scenario before the questions that use it).
QUESTION_BANKS = [
    {"category": TRAUMA, "questions": _TRAUMA_QUESTIONS},
    {"category": BORDER, "questions": _BORDER_QUESTIONS},
]

# ---------------------------------------------------------------------------------------------
# Quizzes
# ---------------------------------------------------------------------------------------------

QUIZZES = [
    {
        "slug": "pre-test",
        "course": "trauma-informed-interviewing",
        "module": "trauma-and-the-child",
        "position": "first",  # taken before the first lesson
        "role": "pre_test",
        "required": False,
        "pass_mark": "70",
        "attempts_allowed": 1,
        "review_policy": "score",  # the answers stay unseen until the post-test
        "estimated_minutes": 15,
        "questions": [("question", "tii-q5"), ("question", "tii-q7"), ("random", TRAUMA, 5)],
        "mn": {
            "title": "Өмнөх сорил",
            "introduction": "Сургалтаа эхлэхээсээ өмнө долоон асуултад хариулж, одоо юу мэддэгээ харна уу. Дүн нь сургалтыг дуусгахад тооцогдохгүй, нэг удаа өгнө. Сургалтын төгсгөлд дараах сорил өгөхөд та хэр ахиц гаргаснаа харах болно.",
        },
        "en": {
            "title": "Pre-test",
            "introduction": "Before you begin, answer seven questions to see what you already know. The result does not count towards completing the course, and you take it once. At the end of the course, the post-test will show how far you have come.",
        },
    },
    {
        "slug": "trauma-and-the-child-quiz",
        "course": "trauma-informed-interviewing",
        "module": "trauma-and-the-child",
        "position": "last",
        "role": "quiz",
        "required": True,
        "pass_mark": "70",
        "estimated_minutes": 10,
        "questions": [("question", "tii-q1"), ("question", "tii-q2"), ("question", "tii-q3"), ("question", "tii-q4")],
        "mn": {
            "title": "Модулийн сорил: Сэтгэл зүйн гэмтэл ба хүүхэд",
            "introduction": "Сэтгэл зүйн гэмтэл, түүний хүүхдийн санах ой, зан төлөвт үзүүлэх нөлөө, хүүхэд яагаад болсон явдлаа ихэнхдээ ярьдаггүй талаар дөрвөн асуулт. Тэнцэх оноо 70%: модулийг дуусгахын тулд энэ сорилд тэнцэх шаардлагатай. Хэдэн ч удаа оролдож болно.",
        },
        "en": {
            "title": "Module quiz: Trauma and the child",
            "introduction": "Four questions on trauma, how it affects a child's memory and behaviour, and why children often do not tell. The pass mark is 70%; you need it to complete the module, and you may try as many times as you need.",
        },
    },
    {
        "slug": "conducting-the-interview-quiz",
        "course": "trauma-informed-interviewing",
        "module": "conducting-the-interview",
        "position": "last",
        "role": "quiz",
        "required": True,
        "pass_mark": "70",
        "estimated_minutes": 10,
        "questions": [("question", "tii-q5"), ("question", "tii-q6"), ("question", "tii-q7"), ("question", "tii-q8")],
        "mn": {
            "title": "Модулийн сорил: Хүүхдэд ээлтэй ярилцлагыг төлөвлөх, явуулах",
            "introduction": "Ярилцлагын гол хэсгийг эхлүүлэх, чөлөөт ярилт, асуултын төрөл, ярилцлагын үе шатын талаар дөрвөн асуулт. Тэнцэх оноо 70%: модулийг дуусгахын тулд энэ сорилд тэнцэх шаардлагатай. Хэдэн ч удаа оролдож болно.",
        },
        "en": {
            "title": "Module quiz: Planning and conducting a child-friendly interview",
            "introduction": "Four questions on opening the interview, free recall, types of question and the phases of the interview. The pass mark is 70%; you need it to complete the module, and you may try as many times as you need.",
        },
    },
    {
        "slug": "after-the-interview-quiz",
        "course": "trauma-informed-interviewing",
        "module": "after-the-interview",
        "position": "last",
        "role": "quiz",
        "required": True,
        "pass_mark": "70",
        "estimated_minutes": 20,
        "questions": [("question", "tii-q9"), ("question", "tii-q10"), ("question", "tii-q11")],
        "mn": {
            "title": "Модулийн сорил: Ярилцлагын дараа",
            "introduction": "Жишээ тохиолдолд суурилсан хоёр асуулт, хоёрдогч сэтгэл зүйн гэмтлийн шинж илэрсэн хамт ажиллагчаа дэмжих тухай богино эссэ. Эссэг сургагч багш үнэлнэ; дүн үнэлгээний дараа гарна. Тэнцэх оноо 70%.",
            "content_note": "Асуултууд гэртээ хүчирхийлэлд өртсөн зохиомол хүүхдийн тохиолдолд суурилсан. Нарийн дүрслэл байхгүй ч уншихад сэтгэл санаанд хүнд тусаж болно.",
        },
        "en": {
            "title": "Module quiz: After the interview",
            "introduction": "Two questions on a case scenario, and a short essay on supporting a colleague who shows signs of vicarious trauma. A trainer marks the essay, so your result appears once it has been marked. The pass mark is 70%.",
            "content_note": "The questions are based on a fictional case of a child who is abused at home. There are no graphic details, but it may be distressing to read.",
        },
    },
    {
        "slug": "post-test",
        "course": "trauma-informed-interviewing",
        "module": "after-the-interview",
        "position": "last",
        "role": "post_test",
        "required": False,
        "pass_mark": "70",
        "estimated_minutes": 15,
        "questions": [("question", "tii-q5"), ("question", "tii-q7"), ("random", TRAUMA, 5)],
        "mn": {
            "title": "Дараах сорил",
            "introduction": "Өмнөх сорилтой ижил асуултын сангаас авсан долоон асуулт. Дүнгээ өмнөх сорилынхоо дүнтэй харьцуулж, хэр ахиц гаргаснаа хараарай. Дүн нь сургалтыг дуусгахад тооцогдохгүй.",
        },
        "en": {
            "title": "Post-test",
            "introduction": "Seven questions from the same bank as the pre-test. Compare your result with your pre-test to see how far you have come. It does not count towards completing the course.",
        },
    },
    {
        "slug": "recognise-speak-act-quiz",
        "course": "trafficking-at-the-border",
        "module": "recognise-speak-act",
        "position": "last",
        "role": "quiz",
        # Not required: the course's progress stays counted in lessons, as its learners have it now.
        "required": False,
        "pass_mark": "60",
        # A practice quiz: each answer can be checked at once (and is then final).
        "feedback_policy": "immediate",
        "time_limit_minutes": 15,
        "estimated_minutes": 15,
        "questions": [
            ("question", "tb-q1"),
            ("question", "tb-q2"),
            ("question", "tb-q3"),
            ("question", "tb-q4"),
            ("question", "tb-q5"),
        ],
        "mn": {
            "title": "Сорил: Таних, ярилцах, арга хэмжээ авах",
            "introduction": "Хүүхэд худалдаалах гэмт хэргийн шинж тэмдэг, хууль, сэжигтэй тохиолдолд авах арга хэмжээний талаар таван асуулт. Хариулт бүрийг шууд шалгаж болно (шалгасан хариулт эцсийнх болно). Хугацаа 15 минут, тэнцэх оноо 60%.",
        },
        "en": {
            "title": "Quiz: Recognise, speak, act",
            "introduction": "Five questions on the indicators of child trafficking, the law, and what to do when you suspect it. You can check each answer at once (a checked answer is final). You have 15 minutes; the pass mark is 60%.",
        },
    },
]

# ---------------------------------------------------------------------------------------------
# Attempts: a demo learner part-way through the trauma course (enrolled by ``courses.DEMO_PROGRESS``)
# ---------------------------------------------------------------------------------------------

# (e-mail, quiz slug, "right" to answer everything right, "wrong" to answer everything wrong)
DEMO_ATTEMPTS = [
    ("learner@demo.mn", "trauma-and-the-child-quiz", "right"),
    ("learner@demo.mn", "conducting-the-interview-quiz", "wrong"),
    # The trainers have finished the course: their module quizzes are passed (essays marked).
    *[
        (email, slug, "right")
        for email in ("trainer@demo.mn", "trainer2@demo.mn", "master@demo.mn")
        for slug in ("trauma-and-the-child-quiz", "conducting-the-interview-quiz", "after-the-interview-quiz")
    ],
]
# A trainer's essay answer (supporting a colleague), and who marks the demo's essays.
DEMO_ESSAY = {
    "mn": "Нойр муудах, хамт олноосоо хөндийрөх, хэргээс зайлсхийх нь хоёрдогч сэтгэл зүйн гэмтлийн шинж. "
    "Түүнтэй ганцаарчлан ярилцаж, анзаарсан зүйлээ шүүмжлэлгүйгээр хэлээд, сэтгэл зүйчтэй уулзахыг санал болгоно. "
    "Байгууллага тогтмол хяналт-зөвлөгөө, боломжийн ажлын ачаалал олгох ёстой.",
    "en": "Sleeping badly, withdrawing and avoiding cases are signs of vicarious trauma. I would talk with her "
    "privately, say what I have noticed without judging, and suggest she see the psychologist. The organisation "
    "should provide regular supervision and reasonable caseloads.",
}
DEMO_MARKER = "admin@demo.mn"

# What a learner who has it wrong types for a short answer, by language.
WRONG_SHORT_ANSWER = {"mn": "нээлттэй асуулт", "en": "open question"}
