"""The GIFT reader and writer: pure functions, no database."""

import dataclasses
from decimal import Decimal
from pathlib import Path

import pytest
from django.utils import translation

from assessments.formats import gift
from assessments.formats.base import (
    DESCRIPTION,
    ESSAY,
    HTML,
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
from assessments.formats.gift import export_gift, parse_gift

FIXTURES = Path(__file__).parent / "fixtures"
GIFT_FIXTURES = [
    "moodle_examples.gift",
    "moodle_questions.gift",
    "moodle_questions_in_category.gift",
    "mongolian_bank.gift",
]


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def parse_one(text: str, **kwargs) -> ParsedQuestion:
    result = parse_gift(text, **kwargs)
    assert result.issues == []
    assert len(result.questions) == 1
    return result.questions[0]


def issue_of(text: str):
    result = parse_gift(text)
    assert result.questions == []
    assert len(result.issues) == 1
    return result.issues[0]


def fractions(question: ParsedQuestion) -> list[Decimal]:
    return [choice.fraction for choice in question.choices]


def without_line(questions: list[ParsedQuestion]) -> list[ParsedQuestion]:
    return [dataclasses.replace(question, line=0) for question in questions]


# Question types


def test_single_choice_with_feedback_and_general_feedback():
    question = parse_one(
        "::Q2:: What's between orange and green?{\n"
        "  =yellow # right; good!\n"
        "  ~red # wrong, it's yellow\n"
        "  ~%50%amber\n"
        "  ####The spectrum goes red, orange, yellow.\n"
        "}"
    )
    assert question.qtype == SINGLE_CHOICE
    assert question.name == "Q2"
    assert question.text == "<p>What's between orange and green?</p>"
    assert [choice.text for choice in question.choices] == ["<p>yellow</p>", "<p>red</p>", "<p>amber</p>"]
    assert fractions(question) == [1, 0, Decimal("0.5")]
    assert [choice.feedback for choice in question.choices] == ["<p>right; good!</p>", "<p>wrong, it's yellow</p>", ""]
    assert question.general_feedback == "<p>The spectrum goes red, orange, yellow.</p>"
    assert question.default_mark == 1
    assert question.line == 1


def test_multiple_response_has_no_equals_sign():
    question = parse_one("Which are primes?{~%50%2 ~%50%3 ~%-100%4#No: 2 × 2. ~%-100%6}")
    assert question.qtype == MULTIPLE_RESPONSE
    assert fractions(question) == [Decimal("0.5"), Decimal("0.5"), -1, -1]
    assert question.choices[2].feedback == "<p>No: 2 × 2.</p>"


def test_multiple_response_with_one_full_weight_answer_as_moodle_reads_it():
    # Moodle's test_import_multichoice_multi_tricky: no "=" makes it multiple response.
    question = parse_one("Colour?{~%100%yellow ~%-50%red ~%-50%blue}")
    assert question.qtype == MULTIPLE_RESPONSE
    assert fractions(question) == [1, Decimal("-0.5"), Decimal("-0.5")]


def test_weights_of_a_third():
    question = parse_one("Pick the three.{~%33.33333%a ~%33.33333%b ~%33.33333%c ~%-100%d}")
    assert question.qtype == MULTIPLE_RESPONSE
    assert fractions(question)[:3] == [Decimal("0.3333333")] * 3


@pytest.mark.parametrize(
    ("block", "correct", "true_feedback", "false_feedback"),
    [
        ("{T}", "true", "", ""),
        ("{TRUE}", "true", "", ""),
        ("{F}", "false", "", ""),
        ("{FALSE}", "false", "", ""),
        # The first feedback is for the wrong answer, the second for the right one.
        ("{TRUE#Not so.#Yes, well done.}", "true", "<p>Yes, well done.</p>", "<p>Not so.</p>"),
        ("{FALSE#Not so.#Yes, well done.}", "false", "<p>Not so.</p>", "<p>Yes, well done.</p>"),
        ("{T##Right.}", "true", "<p>Right.</p>", ""),
        ("{F#Wrong.}", "false", "<p>Wrong.</p>", ""),
    ],
)
def test_true_false(block, correct, true_feedback, false_feedback):
    question = parse_one(f"The sun rises in the east.{block}")
    assert question.qtype == TRUE_FALSE
    true, false = question.choices
    assert (true.text, false.text) == ("true", "false")
    assert (true.fraction, false.fraction) == ((1, 0) if correct == "true" else (0, 1))
    assert (true.feedback, false.feedback) == (true_feedback, false_feedback)


def test_true_false_with_general_feedback_as_in_moodles_test():
    question = parse_one(
        "::Q1:: 42 is the Absolute Answer to everything.{\n"
        "FALSE#42 is the Ultimate Answer.#You gave the right answer.\n"
        "####This is, of course, a Hitchiker's Guide to the Galaxy reference.}"
    )
    true, false = question.choices
    assert true.fraction == 0 and true.feedback == "<p>42 is the Ultimate Answer.</p>"
    assert false.fraction == 1 and false.feedback == "<p>You gave the right answer.</p>"
    assert question.general_feedback == "<p>This is, of course, a Hitchiker's Guide to the Galaxy reference.</p>"


def test_short_answer_with_marks_and_feedback():
    question = parse_one("::Animal::Which is the best animal?{\n=Frog#Good!\n=%50%Cat#Cats?\n=%0%*#Completely wrong\n}")
    assert question.qtype == SHORT_ANSWER
    assert [choice.text for choice in question.choices] == ["Frog", "Cat", "*"]  # plain text, not HTML
    assert fractions(question) == [1, Decimal("0.5"), 0]
    assert question.choices[1].feedback == "<p>Cats?</p>"
    assert question.case_sensitive is False


def test_missing_word_leaves_a_blank_where_the_answers_were():
    question = parse_one("Two plus two equals {=four =4}.")
    assert question.qtype == SHORT_ANSWER
    assert question.text == "<p>Two plus two equals _____.</p>"
    choice = parse_one("Grant is {~buried =entombed ~living} in Grant's tomb.")
    assert choice.qtype == SINGLE_CHOICE
    assert choice.text == "<p>Grant is _____ in Grant's tomb.</p>"


def test_numeric_value_tolerance_and_range():
    assert parse_one("Pi?{#3.14:0.01}").numeric_answers == [ParsedNumericAnswer(Decimal("3.14"), Decimal("0.01"))]
    assert parse_one("A number from 1 to 5?{#1..5}").numeric_answers == [ParsedNumericAnswer(Decimal(3), Decimal(2))]
    assert parse_one("Year?{#1822}").numeric_answers == [ParsedNumericAnswer(Decimal(1822), Decimal(0))]
    assert parse_one("Below zero?{#-5..-1}").numeric_answers == [ParsedNumericAnswer(Decimal(-3), Decimal(2))]


def test_numeric_with_weighted_answers_and_feedback():
    question = parse_one(
        "::Numerical example::\nWhen was Ulysses S. Grant born? {#\n"
        "     =1822:0      #Correct! 100% credit\n"
        "     =%50%1822:2  #He was born in 1822.\n"
        "                  You get 50% credit for being close.\n"
        "}"
    )
    assert question.qtype == NUMERIC
    assert question.numeric_answers == [
        ParsedNumericAnswer(Decimal(1822), Decimal(0), Decimal(1), "<p>Correct! 100% credit</p>"),
        ParsedNumericAnswer(
            Decimal(1822),
            Decimal(2),
            Decimal("0.5"),
            "<p>He was born in 1822.<br>You get 50% credit for being close.</p>",
        ),
    ]


def test_numeric_any_other_answer_without_feedback_is_dropped():
    question = parse_one("A number from 1 to 5?{#3:2 ~#}")
    assert question.numeric_answers == [ParsedNumericAnswer(Decimal(3), Decimal(2))]


def test_matching_with_a_distractor():
    question = parse_one("::Capitals::Match the countries.{\n=Canada -> Ottawa\n=Italy->Rome\n= -> Paris\n}")
    assert question.qtype == MATCHING
    assert question.pairs == [
        ParsedPair("<p>Canada</p>", "Ottawa"),
        ParsedPair("<p>Italy</p>", "Rome"),
        ParsedPair("", "Paris"),
    ]


def test_essay_and_description():
    essay = parse_one("::Q8:: How are you? {####We hope you are well.}")
    assert (essay.qtype, essay.name, essay.text) == (ESSAY, "Q8", "<p>How are you?</p>")
    assert essay.general_feedback == "<p>We hope you are well.</p>"
    assert essay.choices == [] and essay.default_mark == 1
    description = parse_one("::Case::A seven-year-old comes to the school's social worker.")
    assert description.qtype == DESCRIPTION
    assert description.default_mark == 0  # as Moodle imports a description


def test_name_is_the_start_of_the_text_without_a_title():
    assert parse_one("Who's buried in Grant's tomb?{=no one}").name == "Who's buried in Grant's tomb?"
    long = parse_one("The American holiday of Thanksgiving is celebrated on the {~second =fourth} Thursday.")
    assert long.name == "The American holiday of Thanksgiving is…"
    assert parse_one("[html]<p>A <b>bold</b> claim.</p>{T}").name == "A bold claim."


def test_idnumber_and_tags_from_comments():
    question = parse_one(
        "// [tag:tag] [tag:other-tag]\n// And an idnumber: [id:my\\]id].\n::Question name:: How are you? {}"
    )
    assert question.idnumber == "my]id"
    assert question.tags == ["tag", "other-tag"]


# Escapes and text formats


def test_escaped_control_characters():
    question = parse_one(
        "::Colon\\: a title::Which answer equals 5? {\n"
        "  ~ \\= 2 + 2 # \\{ and \\} and \\~ and \\#\n"
        "  = \\= 2 + 3 # two\\nlines\n"
        "  ~ a \\\\ b\n"
        "}"
    )
    assert question.name == "Colon: a title"
    assert [choice.text for choice in question.choices] == ["<p>= 2 + 2</p>", "<p>= 2 + 3</p>", "<p>a \\ b</p>"]
    assert question.choices[0].feedback == "<p>{ and } and ~ and #</p>"
    assert question.choices[1].feedback == "<p>two<br>lines</p>"
    assert fractions(question) == [0, 1, 0]


def test_escaped_braces_in_html():
    question = parse_one("::Q001::[html]<pre>void test() \\{ method1(); \\}</pre>{}")
    assert question.text == "<pre>void test() { method1(); }</pre>"


def test_text_formats():
    assert parse_one("[markdown]Who's buried in **Grant's tomb**?{T}").text == (
        "<p>Who's buried in <strong>Grant's tomb</strong>?</p>"
    )
    assert parse_one("[plain]Is <b> a tag?{T}").text == "Is &lt;b&gt; a tag?"
    assert parse_one("[moodle]One\\ntwo{T}").text == "<p>One<br>two</p>"
    assert parse_one("Is 1 < 2?{T}").text == "<p>Is 1 &lt; 2?</p>"  # [moodle] is the default


def test_html_is_sanitised():
    question = parse_one(
        '[html]<p onclick="steal()">Hi<script>alert(1)</script></p>{~<b>a</b> =<i>b</i><style>x</style>}'
    )
    assert question.text == "<p>Hi</p>"
    assert [choice.text for choice in question.choices] == ["<b>a</b>", "<i>b</i>"]  # answers follow the question


def test_answers_and_feedback_can_name_their_own_format():
    question = parse_one("[html]<b>Colour</b>?{=[markdown]*yellow*#[plain]<ok> ~[moodle]red#[html]<i>no</i>}")
    assert [choice.text for choice in question.choices] == ["<p><em>yellow</em></p>", "<p>red</p>"]
    assert [choice.feedback for choice in question.choices] == ["&lt;ok&gt;", "<i>no</i>"]


def test_default_format_is_the_callers():
    assert parse_one("<b>Bold</b>?{T}", default_format=HTML).text == "<b>Bold</b>?"


def test_an_unknown_format_is_text():
    assert parse_one("[note] Read this.{T}").text == "<p>[note] Read this.</p>"


# Categories, blocks and lines


def test_categories_apply_to_the_questions_after_them():
    result = parse_gift(
        "$CATEGORY: $course$/top/Interviewing/Basics\n\n"
        "First?{T}\n\n"
        "// a comment\n$CATEGORY: top/Interviewing\n\n"
        "Second?{T}\n\n"
        "$CATEGORY: $system$/top\n\n"
        "Third?{T}\n\n"
        "$CATEGORY: Plain/Path\nFourth, straight after the category line?{T}"
    )
    assert result.issues == []
    assert [(question.name, question.category) for question in result.questions] == [
        ("First?", "Interviewing/Basics"),
        ("Second?", "Interviewing"),
        ("Third?", ""),
        ("Fourth, straight after the category…", "Plain/Path"),
    ]
    assert [question.line for question in result.questions] == [3, 8, 12, 15]


def test_lines_count_comments_and_blank_lines_and_crlf():
    text = "// header\r\n\r\n\r\n// about the first\r\n::A::First?{T}\r\n\r\n::B::Second\r\nline?{\r\n=yes\r\n~no}\r\n"
    result = parse_gift("\ufeff" + text)
    assert [(question.name, question.line) for question in result.questions] == [("A", 5), ("B", 7)]


def test_comment_only_blocks_are_ignored():
    assert parse_gift("// nothing\n// here\n\n   \n").questions == []


# Issues


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("::Open::Who?{=a\n~b\n", 1, "Line 1: the answer block opened with “{” is never closed."),
        ("::Close::Who?\n=a ~b}", 2, "Line 2: “}” closes an answer block that was never opened."),
        ("First?{T}\nSecond?{F}", 2, "Line 2: a question can have only one answer block"),
        (
            "::W::Who?{\n~a\n~%abc%b\n=c}",
            3,
            "Line 3: “%abc%” is not an answer weight; write a percentage such as %50%.",
        ),
        ("::W::Who?{\n~a\n~%150%b\n=c}", 3, "Line 3: an answer weight must be between -100% and 100%."),
        ("::W::Who?{=%50%a ~b}", 1, "Line 1: in a choice question, give a weight after a tilde"),
        ("::N::\nWho?{~a ~b ~c}", 1, "Line 1: the question has no correct answer."),
        ("::N::Who?{~%50%a ~%40%b ~c}", 1, "Line 1: the weights of the right answers add up to 90%, not 100%."),
        ("::N::Who?{~a}", 1, "Line 1: a choice question needs at least two answers."),
        ("::N::Who?{~%50%#feedback ~%50%b}", 1, "Line 1: an answer has a weight or feedback but no text."),
        ("::Num::When?{#\n=1822:0\n=%50%about 1820}", 3, "Line 3: “about 1820” is not a number."),
        ("::Num::When?{#=%-50%1822}", 1, "Line 1: a short or numeric answer cannot have a negative weight."),
        ("::Num::When?{#5..1}", 1, "Line 1: the range 5..1 ends below its start."),
        ("::Num::When?{#5:-1}", 1, "Line 1: the accepted error of a numeric answer cannot be negative."),
        ("::Num::When?{#=%50%1822}", 1, "Line 1: no answer gets full marks (100%)."),
        ("::Num::When?{#}", 1, "Line 1: the question has no answer."),
        ("::Num::When?{#3:2\n~#Completely wrong}", 2, "Line 2: feedback for any other numeric answer (~#…)"),
        ("::S::Who?{=%50%a =%25%b}", 1, "Line 1: no answer gets full marks (100%)."),
        ("::M::Match.{=a -> b}", 1, "Line 1: a matching question needs at least two pairs."),
        ("::M::Match.{=a -> b = -> c}", 1, "Line 1: a matching question needs at least two pairs."),
        ("::M::Match.{\n=a -> b\n=c d -> \n}", 3, "Line 3: a matching pair has nothing after “->” to match."),
        ("::M::Match.{\n=a -> b\n=c d\n}", 3, "Line 3: write each matching pair as =prompt -> answer."),
        ("::Empty::{}", 1, "Line 1: the question has no text."),
    ],
)
def test_issues(text, line, message):
    issue = issue_of(text)
    assert issue.line == line
    assert issue.message.startswith(message)


def test_short_answer_with_one_answer_or_none():
    assert parse_one("Who?{=a}").qtype == SHORT_ANSWER
    assert issue_of("::N::Who?{=}").message == "Line 1: the question has no answer."


def test_an_issue_names_the_question():
    assert issue_of("::Kanji::Where from?{~India ~Korea}").question == "Kanji"
    assert issue_of("Where do Japanese characters come from?{~India ~Korea}").question == (
        "Where do Japanese characters come from?"
    )


def test_one_bad_question_does_not_stop_the_others():
    result = parse_gift(
        "$CATEGORY: A\n\n"
        "::One::First?{=yes ~no}\n\n"
        "// broken: the brace is never closed\n"
        "::Two::Second?{=yes\n~no\n\n"
        "::Three::Third?{T}\n\n"
        "::Four::Fourth?{#abc}\n\n"
        "::Five::Fifth?{F}\n"
    )
    assert [question.name for question in result.questions] == ["One", "Three", "Five"]
    assert [question.category for question in result.questions] == ["A", "A", "A"]
    assert [(issue.line, issue.question) for issue in result.issues] == [(6, "Two"), (11, "Four")]


def test_messages_go_through_gettext(monkeypatch):
    monkeypatch.setattr(gift, "_", lambda message: f"«{message}»")
    assert issue_of("::N::Who?{~a ~b}").message == "«Line 1: the question has no correct answer.»"


# Moodle's own sample files


def test_moodle_examples_file():
    result = parse_gift((FIXTURES / "moodle_examples.gift").read_text())
    assert result.issues == []
    questions = result.questions
    assert len(questions) == 43
    counts = {
        qtype: sum(1 for question in questions if question.qtype == qtype) for qtype in {q.qtype for q in questions}
    }
    assert counts == {
        SINGLE_CHOICE: 16,
        MULTIPLE_RESPONSE: 2,
        TRUE_FALSE: 5,
        SHORT_ANSWER: 9,
        NUMERIC: 8,
        MATCHING: 3,
    }
    by_name = {question.name: question for question in questions}
    hometown = next(question for question in questions if question.name == "Jesus' hometown")
    assert hometown.qtype == SINGLE_CHOICE and hometown.line == 120
    assert hometown.text == "<p>Jesus Christ was from _____.</p>"
    assert fractions(hometown) == [0, Decimal("0.25"), Decimal("0.5"), 1]
    assert hometown.choices[1].feedback == "<p>He was born here, but not raised here.</p>"
    assert by_name["Kanji Origins"].text == "<p>Japanese characters originally<br>came from what country?</p>"
    assert by_name["Kanji Origins"].choices == [ParsedChoice("China", Decimal(1))]
    control = by_name["GIFT Control Characters"]
    assert [choice.text for choice in control.choices] == [
        "<p>~</p>",
        "<p>=</p>",
        "<p>#</p>",
        "<p>{</p>",
        "<p>}</p>",
        "<p>\\</p>",
    ]
    assert fractions(control) == [0, 0, 0, 0, 0, 1]
    assert control.choices[5].feedback.startswith("<p>Correct! \\ (backslash) is not a control character. BUT,<br>")
    pi = [question for question in questions if question.name.startswith("What is the value of pi")]
    assert [question.numeric_answers for question in pi] == [
        [ParsedNumericAnswer(Decimal("3.1415"), Decimal("0.0005"))]
    ] * 2
    assert pi[0].text == "<p>What is the value of pi (to 3 decimal places)? _____.</p>"  # the "." after the block
    assert by_name["Numerical example"].numeric_answers[1].fraction == Decimal("0.5")
    entombed = [question for question in questions if question.qtype == MULTIPLE_RESPONSE]
    assert [fractions(question) for question in entombed] == [
        [0, Decimal("0.5"), Decimal("0.5"), 0],
        [Decimal("-0.5"), Decimal("0.5"), Decimal("0.5"), Decimal("-0.5")],
    ]
    markdown = next(question for question in questions if "<strong>" in question.text)
    assert markdown.text == "<p>Who's buried in <strong>Grant's tomb</strong>?</p>" and markdown.line == 111


def test_moodle_test_fixture():
    result = parse_gift((FIXTURES / "moodle_questions.gift").read_text())
    assert [(question.name, question.qtype, question.line) for question in result.questions] == [
        ("Q8", ESSAY, 5),
        ("Moodle activities", MATCHING, 8),
        ("Q2", SINGLE_CHOICE, 17),
        ("colours", MULTIPLE_RESPONSE, 25),
        ("Shortanswer", SHORT_ANSWER, 37),
        ("Q1", TRUE_FALSE, 44),
        ("2-08 TSL", TRUE_FALSE, 49),
        ("2-08 TSL", TRUE_FALSE, 52),
    ]
    # Moodle's numeric "any other answer" feedback has no place in the bank.
    assert [(issue.line, issue.question) for issue in result.issues] == [(34, "Q5")]
    activities = result.questions[1]
    assert activities.text == "Match the <b>activity</b> to the description."
    assert activities.pairs == [
        ParsedPair("An activity supporting asynchronous discussions.", "Forum"),
        ParsedPair("<p>A teacher asks a question and specifies a choice of multiple responses.</p>", "Choice"),
        ParsedPair("A bank of record entries which participants can add to.", "Database"),
        ParsedPair("<p>A collection of web pages that anyone can add to or edit.</p>", "Wiki"),
        ParsedPair("", "Chat"),
    ]
    colours = result.questions[3]
    assert fractions(colours) == [Decimal("0.5"), -1, Decimal("0.5"), -1]
    feedback = [choice.feedback for choice in colours.choices]
    assert feedback == ["<p>right; good!</p>", "wrong", "<p>right; good!</p>", "<p>wrong</p>"]
    assert colours.choices[3].text == "blue"  # [plain]
    q1 = result.questions[5]
    assert q1.text == '<p>42 is the Absolute Answer to everything._____";</p>'  # text after the block, as in Moodle
    assert q1.general_feedback == "<p>This is, of course, a Hitchiker's Guide to the Galaxy reference.</p>"


def test_moodle_fixture_with_a_category():
    result = parse_gift((FIXTURES / "moodle_questions_in_category.gift").read_text())
    assert result.issues == []
    assert [(question.name, question.qtype) for question in result.questions] == [
        ("Moodle activities", MATCHING),
        ("Greeting", SINGLE_CHOICE),
        ("Moodle user", SHORT_ANSWER),
        ("Moodle acronym", TRUE_FALSE),
    ]
    assert {question.category for question in result.questions} == {"Default for New Features"}
    greeting = result.questions[1]
    assert greeting.text.startswith('<a href="http://demo.moodle.net/file.php/5/media/bonjour.mp3"')
    assert "Listen to this greeting:</a><br><br>What language is being spoken?" in greeting.text
    assert result.questions[3].text == (
        "Moodle is an acronym for <span>Modular Object-Oriented Dynamic Learning Environment</span>."
    )  # the style attribute is gone


def test_mongolian_bank():
    result = parse_gift((FIXTURES / "mongolian_bank.gift").read_text())
    assert result.issues == []
    assert [(question.name, question.qtype, question.category, question.line) for question in result.questions] == [
        ("Нээлттэй асуулт", SINGLE_CHOICE, "Хүүхдэд ээлтэй ярилцлага/Үндсэн ойлголт", 6),
        ("Ярилцлагын орчин", MULTIPLE_RESPONSE, "Хүүхдэд ээлтэй ярилцлага/Үндсэн ойлголт", 14),
        ("Давтан асуух", TRUE_FALSE, "Хүүхдэд ээлтэй ярилцлага/Үндсэн ойлголт", 21),
        ("Үе шатууд", MATCHING, "Хүүхдэд ээлтэй ярилцлага/Үе шат", 25),
        ("Ярилцлагын хугацаа", NUMERIC, "Хүүхдэд ээлтэй ярилцлага/Үе шат", 33),
        ("Нэр томьёо", SHORT_ANSWER, "Хүүхдэд ээлтэй ярилцлага/Үе шат", 39),
        ("Кейс: Сараа", DESCRIPTION, "Хүүхдэд ээлтэй ярилцлага", 43),
        ("Тусгал", ESSAY, "Хүүхдэд ээлтэй ярилцлага", 45),
    ]
    first, environment, repeat, stages, duration, term, _case, reflection = result.questions
    assert first.idnumber == "cfi-01" and first.tags == ["ярилцлага", "асуулт"]
    assert first.choices[1].feedback.startswith("<p>Энэ бол чиглүүлсэн асуулт: ")
    assert fractions(environment) == [Decimal("0.5"), Decimal("0.5"), -1, -1]
    assert fractions(repeat) == [0, 1] and repeat.choices[1].feedback.startswith("<p>Зөв.")
    assert stages.pairs[-1] == ParsedPair("", "Хүүхдийг шийтгэх")
    assert duration.numeric_answers[0] == ParsedNumericAnswer(
        Decimal(20), Decimal(10), Decimal(1), "<p>Зөв. Бага насны хүүхдийн анхаарал удаан төвлөрдөггүй.</p>"
    )
    assert term.text.startswith("<p>Ярилцлагын 2:1 харьцаа гэдэг нь хүүхэд _____ хугацаа")
    assert [choice.text for choice in term.choices] == ["ярьдаг", "ярих"]
    assert "<ul>\n<li>юу сайн болсон бэ?</li>" in reflection.text and "<strong>санаж</strong>" in reflection.text


# Export


@pytest.mark.parametrize("name", GIFT_FIXTURES)
def test_fixtures_round_trip(name):
    parsed = parse_gift((FIXTURES / name).read_text())
    exported = export_gift(parsed.questions)
    again = parse_gift(exported)
    assert again.issues == []
    assert without_line(again.questions) == without_line(parsed.questions)
    assert export_gift(again.questions) == exported


def every_type() -> list[ParsedQuestion]:
    tricky = "Colon: {braces} = equals ~ tilde # hash \\ backslash \\n not a newline\nreal newline"
    return [
        ParsedQuestion(
            SINGLE_CHOICE,
            "Single: one",
            "<p>" + tricky + "</p>",
            category="A/B",
            general_feedback="<p>General</p>",
            choices=[
                ParsedChoice("<p>Right</p>", Decimal(1), "<p>Yes # indeed</p>"),
                ParsedChoice("[not a format]", Decimal("0.5"), "[also text]"),
                ParsedChoice("%50% is text", Decimal(0)),
                ParsedChoice("%25% also", Decimal(1)),
            ],
            tags=["one", "two ]"],
            idnumber="id:1",
        ),
        ParsedQuestion(
            MULTIPLE_RESPONSE,
            "Multiple",
            "<p>Pick</p>",
            category="A/B",
            choices=[
                ParsedChoice("<p>a</p>", Decimal("0.3333333")),
                ParsedChoice("<p>b</p>", Decimal("0.3333333")),
                ParsedChoice("<p>c</p>", Decimal("0.3333334")),
                ParsedChoice("<p>d</p>", Decimal(-1), "<p>No</p>"),
                ParsedChoice("<p>e</p>", Decimal(0)),
            ],
        ),
        ParsedQuestion(
            TRUE_FALSE,
            "TF",
            "<p>True?</p>",
            choices=[
                ParsedChoice("true", Decimal(0), "<p>wrong</p>"),
                ParsedChoice("false", Decimal(1), "<p>right</p>"),
            ],
        ),
        ParsedQuestion(
            TRUE_FALSE,
            "TF right only",
            "<p>True?</p>",
            general_feedback="<p>gf</p>",
            choices=[ParsedChoice("true", Decimal(1), "<p>right</p>"), ParsedChoice("false", Decimal(0))],
        ),
        ParsedQuestion(
            SHORT_ANSWER,
            "Short",
            "<p>Name it _____.</p>",
            choices=[
                ParsedChoice("a = b: {c}", Decimal(1), "<p>ok</p>"),
                ParsedChoice("[html]literal", Decimal("0.5")),
                ParsedChoice("*", Decimal(0), "<p>no</p>"),
            ],
        ),
        ParsedQuestion(
            NUMERIC,
            "Numeric",
            "<p>How many?</p>",
            category="",
            numeric_answers=[
                ParsedNumericAnswer(Decimal("1E+3"), Decimal("0.0005"), Decimal(1), "<p>yes</p>"),
                ParsedNumericAnswer(Decimal("-2.5"), Decimal(0), Decimal("0.25")),
            ],
        ),
        ParsedQuestion(
            MATCHING,
            "Match",
            "<p>Match</p>",
            pairs=[
                ParsedPair("<p>x -&gt; y</p>", "a -> b"),
                ParsedPair("[x]", "=c"),
                ParsedPair("", "distractor"),
            ],
        ),
        ParsedQuestion(ESSAY, "Essay", "<p>Write.</p>", general_feedback="[gf]"),
        ParsedQuestion(ESSAY, "Essay without feedback", "<p>Write.</p>"),
        ParsedQuestion(DESCRIPTION, "Description", "<p>Read.</p>", category="C", default_mark=Decimal(0)),
    ]


def test_every_type_round_trips():
    questions = every_type()
    exported = export_gift(questions)
    again = parse_gift(exported)
    assert again.issues == []
    assert without_line(again.questions) == questions


def test_export_writes_categories_titles_weights_and_feedback():
    exported = export_gift(every_type())
    assert exported.startswith("$CATEGORY: $course$/top/A/B\n\n// [id:id:1] [tag:one] [tag:two \\]]\n")
    assert "::Single\\: one::[html]<p>Colon\\: \\{braces\\} \\= equals \\~ tilde \\# hash \\\\ backslash" in exported
    assert "\\\\n not a newline\\nreal newline</p>{\n\t=<p>Right</p>#<p>Yes \\# indeed</p>\n" in exported
    assert "\t~%50%[html][not a format]#[html][also text]\n" in exported
    assert "\t~[html]%50% is text\n" in exported
    assert "\t~%33.33333%<p>a</p>\n" in exported
    assert "{FALSE#<p>wrong</p>#<p>right</p>}" in exported
    assert "{TRUE##<p>right</p>####<p>gf</p>}" in exported
    assert "\n$CATEGORY: $course$/top\n\n::TF::" in exported
    assert "::Numeric::[html]<p>How many?</p>{#\n\t=%100%1000:0.0005#<p>yes</p>\n" in exported
    assert "\t=%25%-2.5:0\n" in exported
    assert "\t= -> distractor\n" in exported
    assert "::Essay::[html]<p>Write.</p>{####[html][gf]}" in exported
    assert exported.endswith("$CATEGORY: $course$/top/C\n\n::Description::[html]<p>Read.</p>\n")


def test_export_leaves_out_ordering():
    ordering = ParsedQuestion(ORDERING, "Order", "<p>Order these.</p>", order=["<p>1</p>", "<p>2</p>"])
    essay = ParsedQuestion(ESSAY, "Essay", "<p>Write.</p>")
    exported = export_gift([ordering, essay])
    assert "Order" not in exported
    assert without_line(parse_gift(exported).questions) == [essay]
    assert export_gift([]) == ""
