"""What is wrong with a trainee spreadsheet: a problem of a row or column, or a file that cannot be read."""

from dataclasses import dataclass

from django.utils.translation import gettext as _


@dataclass(frozen=True)
class Problem:
    """One reason a file cannot be imported as it is."""

    row: int  # as the spreadsheet numbers it, the header being row 1; 0 for the file as a whole
    column: str  # the template's name of the column; empty for a whole row or file
    reason: str

    def __str__(self) -> str:
        if not self.row:
            return self.reason
        if not self.column:
            return _("row %(row)s: %(reason)s") % {"row": self.row, "reason": self.reason}
        return _("row %(row)s, column %(column)s: %(reason)s") % {
            "row": self.row,
            "column": self.column,
            "reason": self.reason,
        }


class UnreadableFile(Exception):
    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason
