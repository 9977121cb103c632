"""Cohorts and the cascade: who may teach what, who trains whom, and who came to which session."""

from .attendance import Attendance, TrainingSession
from .authorisation import TeachingAuthorisation
from .cohort import Cohort, CohortMembership, Invitation, Reminder
from .imports import TraineeImport

__all__ = [
    "Attendance",
    "Cohort",
    "CohortMembership",
    "Invitation",
    "Reminder",
    "TeachingAuthorisation",
    "TraineeImport",
    "TrainingSession",
]
