"""Reading and writing question banks in other systems' formats (GIFT, Moodle XML).

Parsers turn a file into ``ParsedQuestion`` objects and a list of ``ParseIssue``; they know nothing
of the database. ``assessments.services.questions_import`` turns parsed questions into bank rows.
"""
