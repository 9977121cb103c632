"""The one base class of the errors Cascade's services raise when a rule refuses a request.

``message`` is translated, for the person who asked; ``code`` is stable and never translated, for a
program (the API's ``Error.code``, a view's choice of what to show). Each app has its own subclass
(``CourseError``, ``CohortError``…) with its default code, so a caller catches the refusals of the
service it called and nothing else."""


class CascadeError(Exception):
    default_code = "refused"

    def __init__(self, message: str, code: str | None = None):
        super().__init__(message)
        self.message = message
        self.code = code or self.default_code
