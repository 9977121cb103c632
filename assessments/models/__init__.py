"""Question banks, quizzes, attempts and practical (observation) assessments."""

from .attempts import Attempt, AttemptAnswer, MarkOverride
from .bank import Question, QuestionCategory, QuestionTag
from .practical import Observation, PracticalAssessmentPage
from .quiz import QuizPage

__all__ = [
    "Attempt",
    "AttemptAnswer",
    "MarkOverride",
    "Observation",
    "PracticalAssessmentPage",
    "Question",
    "QuestionCategory",
    "QuestionTag",
    "QuizPage",
]
