"""Question banks, quizzes and attempts."""

from .attempts import Attempt, AttemptAnswer, MarkOverride
from .bank import Question, QuestionCategory, QuestionTag
from .quiz import QuizPage

__all__ = ["Attempt", "AttemptAnswer", "MarkOverride", "Question", "QuestionCategory", "QuestionTag", "QuizPage"]
