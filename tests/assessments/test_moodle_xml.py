"""Moodle XML: reading Moodle's question files into ParsedQuestions, and writing them back."""

import dataclasses
import time
from decimal import Decimal
from pathlib import Path

import pytest
from django.utils import translation

from assessments.formats.base import (
    DESCRIPTION,
    ESSAY,
    MATCHING,
    MULTIPLE_RESPONSE,
    NUMERIC,
    ORDERING,
    SHORT_ANSWER,
    SINGLE_CHOICE,
    TRUE_FALSE,
    ParsedChoice,
    ParsedNumericAnswer,
    ParsedPair,
    ParsedQuestion,
)
from assessments.formats.moodle_xml import export_moodle_xml, parse_moodle_xml
from assessments.question_types.select_missing_words import SELECT_MISSING_WORDS

FIXTURES = Path(__file__).parent / "fixtures"
BASICS = "Хүүхдэд ээлтэй ярилцлага/Үндсэн зарчим"
PRACTICE = "Хүүхдэд ээлтэй ярилцлага/Дадлага"


@pytest.fixture(autouse=True)
def _english():
    """The messages are checked in English, whatever the interface language."""
    with translation.override("en"):
        yield


def fixture(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def line_of(data: bytes, needle: str, occurrence: int = 1) -> int:
    """The 1-based line of the ``occurrence``-th ``needle`` in ``data``."""
    index = -1
    for _ in range(occurrence):
        index = data.decode().index(needle, index + 1)
    return data.decode()[:index].count("\n") + 1


def quiz(*questions: str) -> bytes:
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<quiz>\n' + "\n".join(questions) + "\n</quiz>\n").encode()


def question(qtype: str, name: str, body: str = "", text: str = "<p>Question text</p>") -> str:
    return (
        f'<question type="{qtype}">\n'
        f"  <name><text>{name}</text></name>\n"
        f'  <questiontext format="html"><text><![CDATA[{text}]]></text></questiontext>\n'
        f"{body}"
        "</question>"
    )


def without_lines(questions: list[ParsedQuestion]) -> list[ParsedQuestion]:
    return [dataclasses.replace(q, line=0) for q in questions]


@pytest.fixture(scope="module")
def bank():
    with translation.override("en"):
        return parse_moodle_xml(fixture("mongolian_bank.xml"))


def by_name(result, name: str) -> ParsedQuestion:
    return next(q for q in result.questions if q.name == name)


# The Mongolian bank: one question of each type


def test_the_mongolian_bank_imports_every_question_with_its_line_and_category(bank):
    data = fixture("mongolian_bank.xml")
    assert bank.issues == []
    assert [(q.qtype, q.line, q.category) for q in bank.questions] == [
        (DESCRIPTION, line_of(data, '<question type="description">'), BASICS),
        (SINGLE_CHOICE, line_of(data, '<question type="multichoice">'), BASICS),
        (MULTIPLE_RESPONSE, line_of(data, '<question type="multichoice">', 2), BASICS),
        (TRUE_FALSE, line_of(data, '<question type="truefalse">'), BASICS),
        (SHORT_ANSWER, line_of(data, '<question type="shortanswer">'), BASICS),
        (NUMERIC, line_of(data, '<question type="numerical">'), PRACTICE),
        (MATCHING, line_of(data, '<question type="matching">'), PRACTICE),
        (ORDERING, line_of(data, '<question type="ordering">'), PRACTICE),
        (ESSAY, line_of(data, '<question type="essay">'), PRACTICE),
    ]


def test_single_choice_keeps_fractions_feedback_and_the_common_fields(bank):
    q = by_name(bank, "Ярилцлагын эхлэл")
    assert q.qtype == SINGLE_CHOICE
    assert q.text == "<p>Ярилцлагын <strong>эхэнд</strong> юу хийх нь хамгийн зөв бэ?</p>"
    assert q.general_feedback == "<p>Танилцах үе шат бол ярилцлагын үндэс юм.</p>"
    assert q.default_mark == Decimal(2)
    assert q.shuffle is True  # <shuffleanswers>1</shuffleanswers>
    assert q.tags == ["ярилцлага"]
    assert q.idnumber == "CFI-MC-01"
    assert q.choices == [
        ParsedChoice(
            "Өөрийгөө танилцуулж, ярилцлагын зорилгыг хүүхдэд ойлгомжтой үгээр тайлбарлах",
            Decimal(1),
            "Зөв. Ингэснээр хүүхэд тайван болж, итгэл төрдөг.",
        ),
        ParsedChoice("Шууд гол асуултаа асуух", Decimal(0), "Эхлээд итгэлцэл тогтоох хэрэгтэй."),
        ParsedChoice(
            "Юу болсныг аль хэдийн мэдэж байгаагаа хүүхдэд хэлэх",
            Decimal(0),
            "Энэ нь хүүхдийн хариултад нөлөөлж болзошгүй.",
        ),
    ]


def test_multiple_response_takes_negative_fractions(bank):
    q = by_name(bank, "Нээлттэй асуултууд")
    assert q.qtype == MULTIPLE_RESPONSE
    assert q.shuffle is False  # <shuffleanswers>0</shuffleanswers>
    assert [c.fraction for c in q.choices] == [Decimal("0.5"), Decimal("0.5"), Decimal("-0.5"), Decimal("-0.5")]
    assert q.choices[2] == ParsedChoice(
        "Тэр чамайг цохисон уу?", Decimal("-0.5"), "Энэ бол хаалттай, чиглүүлсэн асуулт."
    )
    assert q.tags == ["ярилцлага", "асуулт"]


def test_true_false_has_a_true_and_a_false_choice(bank):
    q = by_name(bank, "Яаравчлах")
    assert q.qtype == TRUE_FALSE
    assert q.text == "Хүүхдийг хурдан хариулахыг шахах нь үнэн зөв мэдээлэл авахад тусалдаг."  # plain_text
    assert q.general_feedback == "Хүүхдэд бодох хугацаа өг."
    assert q.choices == [
        ParsedChoice("true", Decimal(0), "Буруу. Шахалт нь хүүхдийг таамаглаж хариулахад хүргэдэг."),
        ParsedChoice("false", Decimal(1), "Зөв. Хүүхдэд бодох хугацаа өгөх хэрэгтэй."),
    ]


def test_short_answer_keeps_the_answers_as_plain_text(bank):
    q = by_name(bank, "Чиглүүлсэн асуулт")
    assert q.qtype == SHORT_ANSWER
    assert q.case_sensitive is False
    assert q.choices == [
        ParsedChoice("чиглүүлсэн асуулт", Decimal(1), "Зөв."),
        ParsedChoice("чиглүүлэгч асуулт", Decimal("0.9"), "Бараг зөв: «чиглүүлсэн асуулт» гэдэг."),
        ParsedChoice("хаалттай асуулт", Decimal(0), "Хаалттай асуулт заавал хариултыг санал болгодоггүй."),
    ]


def test_numerical_answers_have_a_value_a_tolerance_and_a_fraction(bank):
    q = by_name(bank, "Конвенцийн он")
    assert q.qtype == NUMERIC
    assert q.numeric_answers == [
        ParsedNumericAnswer(Decimal(1989), Decimal(0), Decimal(1), "Зөв. 1989 оны 11 дүгээр сарын 20-нд баталсан."),
        ParsedNumericAnswer(
            Decimal(1990), Decimal(0), Decimal(0), "Конвенц 1990 онд хүчин төгөлдөр болсон, харин баталсан нь 1989 он."
        ),
    ]


def test_matching_keeps_the_pairs_and_an_empty_prompt_is_a_distractor(bank):
    q = by_name(bank, "Үе шат ба зорилго")
    assert q.qtype == MATCHING
    assert q.default_mark == 4
    assert q.shuffle is True
    assert q.pairs == [
        ParsedPair("Танилцах", "Итгэлцэл тогтоох"),
        ParsedPair("Дүрэм тайлбарлах", "«Мэдэхгүй» гэж хэлж болохыг ойлгуулах"),
        ParsedPair("Чөлөөт яриа", "Хүүхэд болсон явдлыг өөрийн үгээр ярих"),
        ParsedPair("Хаах", "Талархал илэрхийлж, тайван дуусгах"),
        ParsedPair("", "Хүүхдийг буруутгах"),
    ]


def test_ordering_lists_the_items_in_their_correct_order(bank):
    q = by_name(bank, "Ярилцлагын дараалал")
    assert q.qtype == ORDERING
    assert q.order == ["Танилцах", "Дүрэм тайлбарлах", "Чөлөөт яриа", "Тодруулах асуултууд", "Хаах"]


def test_essay_text_in_markdown_becomes_html(bank):
    q = by_name(bank, "Дуугүй болсон хүүхэд")
    assert q.qtype == ESSAY
    assert q.text == (
        "<p>Ярилцлагын дунд хүүхэд <strong>айж, дуугүй</strong> болжээ.</p>\n"
        "<p>Та ярилцлагаа хэрхэн үргэлжлүүлэх вэ? Дор хаяж гурван арга дурдана уу.</p>"
    )
    assert q.default_mark == 5
    assert q.tags == ["эссэ"]
    assert q.choices == q.pairs == q.order == []


def test_description_in_moodle_auto_format_has_paragraphs_and_no_mark(bank):
    q = by_name(bank, "Нөхцөл байдал: Сараагийн ярилцлага")
    assert q.qtype == DESCRIPTION
    assert q.default_mark == 0
    assert q.text == (
        "<p>Сараа 8 настай. Тэр сургууль дээрээ болсон нэгэн явдлын талаар нийгмийн ажилтантай ярилцах гэж байна.</p>"
        "\n\n<p>Дараах асуултууд энэ ярилцлагын тухай.</p>"
    )


# Moodle's own sample


def test_moodles_sample_imports_the_supported_questions_and_reports_the_rest():
    data = fixture("moodle_export.xml")
    result = parse_moodle_xml(data)
    assert [(q.name, q.qtype, q.category) for q in result.questions] == [
        ("Iota Question", TRUE_FALSE, "Iota"),
        ("Kappa Essay Question", ESSAY, "Iota/Kappa"),
        ("Kappa Question", TRUE_FALSE, "Iota/Kappa"),
        ("Lambda Question", TRUE_FALSE, "Iota/Kappa/Lambda"),
        ("Mu Question", TRUE_FALSE, "Iota/Mu"),
        ("Multi-choice-001", MULTIPLE_RESPONSE, "Default for C1"),
        ("shortanswer-001", SHORT_ANSWER, "Test questions"),
        ("matching-001", MATCHING, "Test questions"),
        ("true-false-001", TRUE_FALSE, "Test questions"),
        ("essay-001", ESSAY, "Default for C1"),
        ("Moodle", ORDERING, "Default for C1"),
        ("Imported Drag and drop into text 001", SELECT_MISSING_WORDS, "Default for C1"),
    ]
    assert [(i.line, i.question) for i in result.issues] == [
        (line_of(data, '<question type="numerical">'), "Numerical question"),
        (line_of(data, '<question type="cloze">'), "Simple multianswer"),
    ]
    assert "“*”" in result.issues[0].message
    assert "Unsupported question type “cloze”" in result.issues[1].message
    assert result.questions[-2].line == line_of(data, '<question type="ordering">')
    gaps = result.questions[-1]
    assert gaps.text == "The [[1]] [[2]] on the [[3]]." and not gaps.shuffle
    assert [choice.text for choice in gaps.choices] == ["cat", "sat", "mat", "dog", "table"]


def test_moodles_sample_reads_each_type_as_moodle_does():
    result = parse_moodle_xml(fixture("moodle_export.xml"))
    iota, kappa_essay, *_ = result.questions
    assert iota.text == "<p>Testing Iota Question</p>"
    assert iota.choices == [ParsedChoice("true", Decimal(1)), ParsedChoice("false", Decimal(0))]
    assert kappa_essay.text == "<p>Testing Kappa Essay Question</p>"  # moodle_auto_format

    multi = by_name(result, "Multi-choice-001")
    assert [(c.text, c.fraction) for c in multi.choices] == [
        ("Tokyo", 0),
        ("Spain", 0),
        ("London", Decimal("0.5")),
        ("Barcelona", 0),
        ("Paris", Decimal("0.5")),
    ]
    assert multi.general_feedback == "Berlin, Paris and London"

    short = by_name(result, "shortanswer-001")
    assert short.choices == [
        ParsedChoice("frog", Decimal(1), "Frog is a very good answer."),
        ParsedChoice("toad", Decimal("0.8"), "Toad is an OK good answer."),
        ParsedChoice("*", Decimal(0), "That is a bad answer."),  # Moodle's wildcard, kept as written
    ]

    matching = by_name(result, "matching-001")
    assert matching.pairs == [
        ParsedPair("frog", "amphibian"),
        ParsedPair("cat", "mammal"),
        ParsedPair("newt", "amphibian"),
        ParsedPair("", "insect"),
    ]

    ordering = by_name(result, "Moodle")
    assert ordering.order == ["Modular", "Object", "Oriented", "Dynamic", "Learning", "Environment"]
    assert ordering.idnumber == "myid"
    assert ordering.text == "Put these words in order."


# Categories


@pytest.mark.parametrize(
    ("path", "category"),
    [
        ("$course$/top/A/B", "A/B"),
        ("$course$/A/B", "A/B"),
        ("$module$/top/Quiz bank", "Quiz bank"),
        ("$system$/top/A", "A"),
        ("$coursecategory$/top/A", "A"),
        ("top/A", "A"),
        ("A/top", "A/top"),
        ("$course$/top", ""),
        ("$course$/top/top", "top"),
        ("  $course$/top/Хүүхэд/Ярилцлага  ", "Хүүхэд/Ярилцлага"),
    ],
)
def test_a_category_entry_sets_the_category_of_the_questions_after_it(path, category):
    data = quiz(
        question("essay", "Before"),
        f'<question type="category"><category><text>{path}</text></category></question>',
        question("essay", "After"),
    )
    result = parse_moodle_xml(data)
    assert result.issues == []
    assert [(q.name, q.category) for q in result.questions] == [("Before", ""), ("After", category)]


# What is reported, with its line


def test_unsupported_types_are_reported_at_their_line_and_the_rest_imported():
    unsupported = ["ddwtos", "multianswer", "cloze", "calculated", "calculatedsimple"]
    unsupported += ["calculatedmulti", "randomsamatch", "random", "ddimageortext", "stack"]
    parts = [question("essay", "First")]
    parts += [question(qtype, f"Q {qtype}") for qtype in unsupported]
    parts.append(question("essay", "Last"))
    data = quiz(*parts)
    result = parse_moodle_xml(data)
    assert [(q.name, q.line) for q in result.questions] == [
        ("First", line_of(data, '<question type="essay">')),
        ("Last", line_of(data, '<question type="essay">', 2)),
    ]
    assert [(i.line, i.question) for i in result.issues] == [
        (line_of(data, f'<question type="{qtype}">'), f"Q {qtype}") for qtype in unsupported
    ]
    assert all("Unsupported question type" in issue.message for issue in result.issues)


def test_line_numbers_ignore_question_tags_in_comments_and_cdata_and_follow_crlf():
    data = (
        b'<?xml version="1.0" encoding="UTF-8"?>\r\n'
        b"<quiz>\r\n"
        b'<!-- <question type="essay"> in a comment -->\r\n'
        b'<question type="essay">\r\n'  # line 4
        b"  <name><text>One</text></name>\r\n"
        b'  <questiontext format="html"><text><![CDATA[<p>A <question type="x"> in CDATA</p>\r\n'
        b"]]></text></questiontext>\r\n"
        b"</question>\r\n"
        b"\r\n"
        b'<question\r\n type="calculated"><name><text>Two</text></name></question>\r\n'  # line 10
        b"</quiz>\r\n"
    )
    result = parse_moodle_xml(data)
    assert [(q.name, q.line) for q in result.questions] == [("One", 4)]
    assert [(i.line, i.question) for i in result.issues] == [(10, "Two")]


def test_a_question_without_a_type_is_reported():
    result = parse_moodle_xml(quiz("<question><name><text>Typeless</text></name></question>"))
    assert result.questions == []
    assert [(i.line, i.question) for i in result.issues] == [(3, "Typeless")]
    assert "no type" in result.issues[0].message


def test_embedded_files_are_reported_and_the_question_skipped():
    with_file = question(
        "truefalse",
        "With a file",
        '  <answer fraction="100"><text>true</text></answer><answer fraction="0"><text>false</text></answer>\n',
        text='<p>Moodle <img src="@@PLUGINFILE@@/logo.jpg" alt="Moodle logo"> is an acronym.</p>',
    ).replace("</questiontext>", '<file name="logo.jpg" encoding="base64">/9j/4AAQSkZJRg==</file></questiontext>')
    reference_only = question(
        "essay", "A link to a file", text='<p><a href="@@PLUGINFILE@@/bonjour.mp3">Listen</a></p>'
    )
    in_feedback = question(
        "essay",
        "An image in the feedback",
        '  <generalfeedback format="html">'
        '<text><![CDATA[<img src="@@PLUGINFILE@@/x.png">]]></text></generalfeedback>\n',
    )
    data = quiz(with_file, reference_only, in_feedback, question("essay", "Plain"))
    result = parse_moodle_xml(data)
    assert [q.name for q in result.questions] == ["Plain"]
    assert [i.question for i in result.issues] == ["With a file", "A link to a file", "An image in the feedback"]
    assert all("embedded files" in issue.message for issue in result.issues)
    assert result.issues[0].line == line_of(data, '<question type="truefalse">')


def test_numerical_catch_all_and_units_are_reported():
    catch_all = question(
        "numerical",
        "Catch-all",
        '  <answer fraction="100"><text>42</text><tolerance>0</tolerance></answer>\n'
        '  <answer fraction="0"><text>*</text></answer>\n',
    )
    with_units = question(
        "numerical",
        "Units",
        '  <answer fraction="100"><text>5</text><tolerance>0</tolerance></answer>\n'
        "  <units><unit><multiplier>1</multiplier><unit_name>m</unit_name></unit></units>\n",
    )
    result = parse_moodle_xml(quiz(catch_all, with_units))
    assert result.questions == []
    assert [i.question for i in result.issues] == ["Catch-all", "Units"]
    assert "“*”" in result.issues[0].message
    assert "units" in result.issues[1].message


def test_numerical_tolerance_and_percent_fractions():
    body = (
        '  <answer fraction="100"><text>3.14</text><tolerance>0.005</tolerance>'
        '<feedback format="html"><text>Yes</text></feedback></answer>\n'
        '  <answer fraction="33.33333"><text>3</text><tolerance>-0.5</tolerance></answer>\n'
        '  <answer fraction="0"><text>1e2</text></answer>\n'
    )
    (q,) = parse_moodle_xml(quiz(question("numerical", "Pi", body))).questions
    assert q.numeric_answers == [
        ParsedNumericAnswer(Decimal("3.14"), Decimal("0.005"), Decimal(1), "Yes"),
        ParsedNumericAnswer(Decimal(3), Decimal("0.5"), Decimal("0.3333333")),
        ParsedNumericAnswer(Decimal(100), Decimal(0), Decimal(0)),
    ]


@pytest.mark.parametrize(
    ("qtype", "body", "message"),
    [
        ("multichoice", '<answer fraction="150"><text>A</text></answer><answer><text>B</text></answer>', "outside"),
        ("multichoice", '<answer fraction="-120"><text>A</text></answer><answer><text>B</text></answer>', "outside"),
        ("multichoice", '<answer fraction="lots"><text>A</text></answer><answer><text>B</text></answer>', "number"),
        ("multichoice", '<answer fraction="100"><text>Only one</text></answer>', "two answers"),
        ("multichoice", '<answer fraction="50"><text>A</text></answer><answer><text>B</text></answer>', "full marks"),
        (
            "multichoice",
            '<single>false</single><answer fraction="50"><text>A</text></answer><answer><text>B</text></answer>',
            "add up",
        ),
        ("shortanswer", '<answer fraction="-50"><text>no</text></answer>', "outside"),
        ("shortanswer", '<answer fraction="50"><text>half</text></answer>', "full marks"),
        ("numerical", '<answer fraction="100"><text>forty-two</text></answer>', "not a number"),
        ("numerical", '<answer fraction="100"><text>1e999999999</text></answer>', "not a number"),
        (
            "truefalse",
            '<answer fraction="100"><text>true</text></answer><answer fraction="100"><text>false</text></answer>',
            "Exactly one",
        ),
        ("truefalse", '<answer fraction="100"><text>true</text></answer>', "“false”"),
        ("matching", "<subquestion><text>Lonely prompt</text><answer><text></text></answer></subquestion>", "Lonely"),
        (
            "matching",
            "<subquestion><text></text><answer><text>Only a distractor</text></answer></subquestion>",
            "prompt",
        ),
        ("ordering", '<answer fraction="1"><text>Alone</text></answer>', "two items"),
        ("essay", "<defaultgrade>-1</defaultgrade>", "negative"),
        ("essay", "<defaultgrade>one</defaultgrade>", "not a number"),
    ],
)
def test_questions_that_cannot_be_imported_as_they_are_are_reported(qtype, body, message):
    data = quiz(question("essay", "Fine"), question(qtype, "Broken", body + "\n"))
    result = parse_moodle_xml(data)
    assert [q.name for q in result.questions] == ["Fine"]
    line = line_of(data, f'<question type="{qtype}">', 2 if qtype == "essay" else 1)
    assert [(i.line, i.question) for i in result.issues] == [(line, "Broken")]
    assert message in result.issues[0].message


def test_a_question_without_text_is_reported():
    result = parse_moodle_xml(quiz(question("essay", "Empty", text="  ")))
    assert result.questions == []
    assert "no text" in result.issues[0].message


# Malformed and hostile files


def test_malformed_xml_is_one_issue_at_the_parsers_line():
    data = quiz(question("essay", "Fine"), "<question type='essay'><name><text>Broken</name></question>")
    result = parse_moodle_xml(data)
    assert result.questions == []
    assert len(result.issues) == 1
    issue = result.issues[0]
    assert issue.line == line_of(data, "Broken")
    assert issue.question == ""
    assert issue.message.startswith(f"The file is not well-formed XML (line {issue.line}, column ")
    assert "mismatched tag" in issue.message


@pytest.mark.parametrize("data", [b"", b"not xml at all", b"<quiz>"])
def test_files_that_are_not_xml_are_one_issue(data):
    result = parse_moodle_xml(data)
    assert result.questions == []
    assert len(result.issues) == 1
    assert result.issues[0].line == 1
    assert "not well-formed XML" in result.issues[0].message


def test_a_file_that_is_not_a_moodle_quiz_is_refused():
    result = parse_moodle_xml(b'<?xml version="1.0"?>\n<html><body/></html>')
    assert result.questions == []
    assert [(i.line, i.message) for i in result.issues] == [
        (2, "This is not a Moodle XML question file: its root element is <html>, not <quiz>.")
    ]


def test_the_billion_laughs_is_refused_at_once():
    entities = "".join(f'  <!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">\n' for i in range(1, 10))
    data = (
        '<?xml version="1.0"?>\n<!DOCTYPE quiz [\n  <!ENTITY lol0 "lol">\n'
        + entities
        + "]>\n<quiz>"
        + question("essay", "&lol9;")
        + "</quiz>\n"
    ).encode()
    started = time.monotonic()
    result = parse_moodle_xml(data)
    assert time.monotonic() - started < 2
    assert result.questions == []
    assert len(result.issues) == 1
    assert result.issues[0].line == 3  # the first entity declaration
    assert "entities" in result.issues[0].message


def test_external_entities_are_refused():
    data = (
        b'<?xml version="1.0"?>\n<!DOCTYPE quiz [<!ENTITY secret SYSTEM "file:///etc/passwd">]>\n'
        b'<quiz><question type="essay"><name><text>&secret;</text></name>'
        b"<questiontext><text>x</text></questiontext></question></quiz>"
    )
    result = parse_moodle_xml(data)
    assert result.questions == []
    assert len(result.issues) == 1
    assert "root:" not in result.issues[0].message


def test_html_is_sanitised_everywhere():
    body = (
        '  <generalfeedback format="html"><text><![CDATA[<p onclick="steal()">Feedback</p>'
        "<script>alert(2)</script>]]></text></generalfeedback>\n"
        '  <single>true</single>\n  <answer fraction="100" format="html">'
        "<text><![CDATA[<b>Right</b><script>alert(3)</script>]]></text>"
        '<feedback format="html"><text><![CDATA[<a href="javascript:alert(4)">Why</a>]]></text></feedback></answer>\n'
        '  <answer fraction="0"><text><![CDATA[<iframe src="https://evil.example"></iframe>Wrong]]></text></answer>\n'
    )
    text = '<p>Safe <em>text</em></p><script>alert(1)</script><style>p{}</style><img src="x.png" onerror="alert(5)">'
    (q,) = parse_moodle_xml(quiz(question("multichoice", "Unsafe", body, text=text))).questions
    assert q.text == '<p>Safe <em>text</em></p><img src="x.png">'
    assert q.general_feedback == "<p>Feedback</p>"
    assert q.choices == [
        ParsedChoice("<b>Right</b>", Decimal(1), '<a rel="noopener noreferrer">Why</a>'),
        ParsedChoice("Wrong", Decimal(0)),
    ]
    assert "script" not in repr(q) and "alert" not in repr(q)


def test_plain_text_and_names_are_escaped_not_interpreted():
    body = '  <generalfeedback format="plain_text"><text><![CDATA[Use <b> & <i>]]></text></generalfeedback>\n'
    name = "<![CDATA[Question with <strong>invalid grades</strong> : x > 1 & x < 2]]>"
    (q,) = parse_moodle_xml(quiz(question("essay", name, body))).questions
    assert q.name == "Question with invalid grades : x > 1 & x < 2"  # as Moodle's clean_question_name
    assert q.general_feedback == "Use &lt;b&gt; &amp; &lt;i&gt;"


# Smaller points of the format


@pytest.mark.parametrize(("value", "shuffle"), [("1", True), ("true", True), ("0", False), ("false", False)])
def test_shuffleanswers_reads_as_moodle_does(value, shuffle):
    body = (
        f"<shuffleanswers>{value}</shuffleanswers>"
        '<answer fraction="100"><text>A</text></answer><answer><text>B</text></answer>'
    )
    (q,) = parse_moodle_xml(quiz(question("multichoice", "Q", body))).questions
    assert q.shuffle is shuffle


def test_moodles_defaults_for_missing_elements():
    answers = '<answer fraction="100"><text>A</text></answer><answer><text>B</text></answer>'
    matching = "<subquestion><text>a</text><answer><text>A</text></answer></subquestion>"
    result = parse_moodle_xml(quiz(question("multichoice", "MC", answers), question("matching", "M", matching)))
    multichoice, match = result.questions
    assert multichoice.qtype == SINGLE_CHOICE  # <single> defaults to true
    assert multichoice.shuffle is False  # and <shuffleanswers> to false for multiple choice,
    assert match.shuffle is True  # but to true for matching
    assert multichoice.default_mark == 1
    assert multichoice.general_feedback == "" and multichoice.idnumber == "" and multichoice.tags == []


def test_usecase_makes_a_short_answer_case_sensitive():
    body = '<usecase>1</usecase><answer fraction="100"><text>Ulaanbaatar</text></answer>'
    (q,) = parse_moodle_xml(quiz(question("shortanswer", "Capital", body))).questions
    assert q.case_sensitive is True


def test_a_question_without_a_name_is_named_by_its_text():
    data = quiz('<question type="essay"><questiontext><text>Why do children go quiet?</text></questiontext></question>')
    (q,) = parse_moodle_xml(data).questions
    assert q.name == "Why do children go quiet?"


def test_old_true_false_answers_are_read_in_order():
    body = '<answer fraction="0"><text>Richtig</text></answer><answer fraction="100"><text>Falsch</text></answer>'
    (q,) = parse_moodle_xml(quiz(question("truefalse", "Old", body))).questions
    assert q.choices == [ParsedChoice("true", Decimal(0)), ParsedChoice("false", Decimal(1))]


def test_hand_written_xhtml_without_cdata_is_kept():
    data = quiz(
        '<question type="essay"><name><text>XHTML</text></name>'
        '<questiontext format="html"><text><p>A <b>bold</b> start</p> and more</text></questiontext></question>'
    )
    (q,) = parse_moodle_xml(data).questions
    assert q.text == "<p>A <b>bold</b> start</p> and more"


def test_tags_and_course_tags_without_duplicates():
    body = (
        "<tags><tag><text>ярилцлага</text></tag><tag><text> хүүхэд </text></tag><tag><text></text></tag>"
        "<tag><text>ярилцлага</text></tag></tags>"
    )
    (q,) = parse_moodle_xml(quiz(question("essay", "Tagged", body))).questions
    assert q.tags == ["ярилцлага", "хүүхэд"]


# Writing


def test_export_then_parse_gives_back_the_mongolian_bank(bank):
    again = parse_moodle_xml(export_moodle_xml(bank.questions))
    assert again.issues == []
    assert without_lines(again.questions) == without_lines(bank.questions)


def test_export_then_parse_gives_back_moodles_sample():
    original = parse_moodle_xml(fixture("moodle_export.xml")).questions
    again = parse_moodle_xml(export_moodle_xml(original))
    assert again.issues == []
    assert without_lines(again.questions) == without_lines(original)


def test_export_then_parse_keeps_every_field():
    questions = [
        ParsedQuestion(
            qtype=SHORT_ANSWER,
            name="Case & <care>",
            text="<p>Say ]]&gt; please</p>",
            general_feedback="<p>Feedback with ]]&gt; inside</p>",
            default_mark=Decimal("2.5"),
            choices=[ParsedChoice("Ulaanbaatar", Decimal(1), "<p>Yes</p>"), ParsedChoice("]]>", Decimal("0.25"))],
            case_sensitive=True,
            tags=["a & b", "газар зүй"],
            idnumber="ID <1> & 2",
        ),
        ParsedQuestion(
            qtype=NUMERIC,
            name="Pi",
            text="<p>Pi?</p>",
            category="Math/Constants",
            numeric_answers=[
                ParsedNumericAnswer(Decimal("3.14159"), Decimal("0.005"), Decimal(1), "<p>Close</p>"),
                ParsedNumericAnswer(Decimal("-3"), Decimal("0.5"), Decimal(1) / 3),
            ],
        ),
        ParsedQuestion(
            qtype=MULTIPLE_RESPONSE,
            name="MR",
            text="<p>Pick</p>",
            category="Math/Constants",
            shuffle=False,
            choices=[
                ParsedChoice("<p>A</p>", Decimal("0.5")),
                ParsedChoice("<p>B</p>", Decimal("0.5")),
                ParsedChoice("<p>C</p>", Decimal(-1), "<p>No</p>"),
            ],
        ),
        ParsedQuestion(qtype=DESCRIPTION, name="Back", text="<p>Back to the default category</p>", default_mark=0),
    ]
    xml = export_moodle_xml(questions)
    again = parse_moodle_xml(xml)
    assert again.issues == []
    assert without_lines(again.questions) == questions
    assert xml.decode().count('<question type="category">') == 2  # into Math/Constants, and back to the default


def test_export_writes_moodles_layout():
    items = "".join(f'<answer fraction="{n}"><text>Item {n}</text></answer>' for n in (1, 2, 3))
    (q,) = parse_moodle_xml(quiz(question("ordering", "Order", items))).questions
    q.category = "A/B"
    xml = export_moodle_xml([q]).decode()
    assert xml.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<quiz>\n  <question type="category">')
    assert "<text>$course$/top/A/B</text>" in xml
    assert '<question type="ordering">' in xml
    assert "<selecttype>ALL</selecttype>" in xml
    assert '<answer fraction="3" format="html">' in xml
    assert xml.endswith("</quiz>\n")


def test_export_refuses_an_unknown_type():
    with pytest.raises(ValueError, match="cloze"):
        export_moodle_xml([ParsedQuestion(qtype="cloze", name="C", text="<p>C</p>")])
