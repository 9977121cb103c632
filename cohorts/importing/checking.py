"""Checking every row of a trainee spreadsheet against the database as it is now, and keeping what
was found for the preview (architecture §4.6 and §4.7). Nothing here creates an account."""

import difflib
import re
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db.models.functions import Lower
from django.utils.translation import gettext as _

from accounts.models import Organisation, Region
from accounts.regions import ALIASES as REGION_ALIASES
from core.text import normalise_text, scripts_in

from ..models import Cohort, CohortMembership, TraineeImport
from ..services import CURRENT
from .columns import COLUMN_KEYS, COLUMNS, EXAMPLE_EMAIL, spelling_key, unaccented
from .header import table_rows, width_problems
from .problems import Problem, UnreadableFile
from .reading import is_xlsx, read_table

# The first rows of the table on the preview page.
PREVIEW_ROWS = 50

# The words a trainer may write for each choice, in either language. A lone "Э" is refused:
# it starts both эмэгтэй (female) and эрэгтэй (male).
GENDER_WORDS = {
    "female": ("female", "f", "woman", "эмэгтэй", "эм"),
    "male": ("male", "m", "man", "эрэгтэй", "эр"),
    "other": ("other", "another gender", "бусад"),
    "unstated": ("unstated", "prefer not to say", "хэлэхгүй", "хариулахгүй"),
}
AMBIGUOUS_GENDER_WORDS = ("э",)
LANGUAGE_WORDS = {
    "mn": ("mn", "mon", "mongolian", "монгол", "монгол хэл", "мн"),
    "en": ("en", "eng", "english", "англи", "англи хэл"),
}
# Region names end in the kind of region; people mostly leave it out ("Дархан-Уул").
REGION_KIND_WORDS = ("аймаг", "дүүрэг", "хот", "aimag", "district", "city")
# How close a misspelt region must be to a name for the name to be suggested (difflib's ratio).
SUGGEST_FROM = 0.75
# Characters a name may hold besides letters: "Бат-Эрдэнэ", "Д.Батболд", "O'Neil".
NAME_PUNCTUATION = frozenset(" -'’.")
# What a name turns into when its letters did not survive being saved: Windows-1251 has no Ө or Ү,
# so Excel writes "?" for them, and a decoder writes U+FFFD for what it cannot read.
LOST_LETTERS = frozenset("?\ufffd")

GENDERS = {spelling_key(word): value for value, words in GENDER_WORDS.items() for word in words}
LANGUAGES = {
    spelling_key(word): code
    for code, words in LANGUAGE_WORDS.items()
    if code in {language for language, _name in settings.LANGUAGES}
    for word in words
}


@dataclass
class Trainee:
    """A valid row, resolved: what a new account gets, or which existing account it links."""

    row: int
    email: str
    family_name: str
    given_name: str
    latin_family_name: str
    latin_given_name: str
    position: str
    organisation_id: int
    region_id: int | None
    gender: str
    preferred_language: str
    user_id: int | None  # an existing account, linked and never edited


@dataclass
class Plan:
    problems: list[Problem] = field(default_factory=list)
    create: list[Trainee] = field(default_factory=list)  # new accounts
    invite: list[Trainee] = field(default_factory=list)  # existing accounts not yet in the cohort
    already: list[Trainee] = field(default_factory=list)  # existing accounts already in it

    @property
    def problem_rows(self) -> set[int]:
        return {problem.row for problem in self.problems}


class _Lookup:
    """Listed values (regions, organisations) by every spelling a trainer may write. A spelling
    shared by two of them is ambiguous rather than a guess."""

    def __init__(self):
        self._found: dict[str, set[int]] = {}
        self._names: dict[str, str] = {}  # a spelling's key → the full name to suggest for it

    def add(self, pk: int, *spellings: str, name: str = "") -> None:
        for spelling in spellings:
            if spelling:
                key = spelling_key(spelling)
                for variant in {key, unaccented(key)}:
                    self._found.setdefault(variant, set()).add(pk)
                    self._names.setdefault(variant, name or spelling)

    def find(self, value: str) -> frozenset[int]:
        key = spelling_key(value)
        return frozenset(self._found.get(key) or self._found.get(unaccented(key)) or ())

    def suggest(self, value: str) -> str | None:
        """The full name whose spelling is nearest to ``value``, in the alphabet it was written in."""
        key = spelling_key(value)
        close = difflib.get_close_matches(key, self._names, n=1, cutoff=SUGGEST_FROM)
        return self._names[close[0]] if close else None


def _regions() -> _Lookup:
    lookup = _Lookup()
    for region in Region.objects.only("pk", "code", "name_mn", "name_en"):
        for name in (region.name_mn, region.name_en):
            spellings = [name]
            words = name.split()
            if len(words) > 1 and words[-1].casefold() in REGION_KIND_WORDS:
                spellings.append(" ".join(words[:-1]))
            lookup.add(region.pk, *spellings, name=name)
        lookup.add(region.pk, region.code, *REGION_ALIASES.get(region.code, ()), name=region.name_mn)
    return lookup


# "Улаанбаатар, Баянзүрх дүүрэг" and "УБ Хан-Уул" name a district with the city in front of it.
_IN_THE_CAPITAL = re.compile(
    r"^(?:улаанбаатар|ulaanbaatar|ulan bator|уб|ub)(?: хот| city)?[ ,/]+(?P<district>.+)$", re.IGNORECASE
)


def _organisations(root: Organisation) -> _Lookup:
    lookup = _Lookup()
    for organisation in root.subtree().only("pk", "code", "name_mn", "name_en"):
        lookup.add(organisation.pk, organisation.code, organisation.name_mn, organisation.name_en)
    return lookup


def _name_problem(value: str, script: str) -> str | None:
    if script == "cyrillic" and "latin" in scripts_in(value):
        return _("Write this name in Cyrillic letters; it contains Latin letters.")
    if script == "latin" and "cyrillic" in scripts_in(value):
        return _("Write this name in Latin letters; it contains Cyrillic letters.")
    if LOST_LETTERS & set(value):
        return _(
            "Letters of this name were lost when the file was saved (Windows-1251 has no Ө or Ү). "
            "Save the file as XLSX or as CSV UTF-8."
        )
    if any(not char.isalpha() and char not in NAME_PUNCTUATION for char in value):
        return _("Use only letters, spaces, hyphens, apostrophes and full stops in a name.")
    return None


class _Validator:
    """Validates the rows of one file against the database as it is now, read in bulk up front."""

    def __init__(self, cohort: Cohort, rows: list[dict]):
        User = get_user_model()
        emails = {row["email"] for row in rows if row.get("email")}
        # Addresses are unique whatever their case (the Lower("email") constraint); this lookup
        # uses that constraint's index.
        self.accounts = {
            user.email_ci: user
            for user in User.objects.annotate(email_ci=Lower("email"))
            .filter(email_ci__in=emails)
            .only("pk", "email", "is_active")
        }
        self.members = set(
            CohortMembership.objects.filter(cohort=cohort, status__in=CURRENT).values_list("learner_id", flat=True)
        )
        self.regions = _regions()
        # Read afresh: adding an organisation to the tree can renumber the paths of the others.
        self.root = Organisation.objects.get(pk=cohort.organisation_id)
        self.organisations = _organisations(self.root)
        self.limits = {c.key: User._meta.get_field(c.user_field).max_length for c in COLUMNS if c.user_field}
        self.first_row_of: dict[str, int] = {}  # e-mail address → the row it first appears on

    def text(self, values: dict) -> Iterator[tuple[str, str]]:
        for column in COLUMNS:
            value = values[column.key]
            if column.required and not value:
                yield column.key, _("This value is required.")
            elif column.key in self.limits and len(value) > self.limits[column.key]:
                yield (
                    column.key,
                    _("Too long: at most %(limit)s characters, this has %(length)s.")
                    % {
                        "limit": self.limits[column.key],
                        "length": len(value),
                    },
                )
            elif value and column.script and (reason := _name_problem(value, column.script)):
                yield column.key, reason

    def account(self, email: str, number: int) -> tuple[object | None, str | None]:
        """The existing account for the address, if any, or why the address cannot be used."""
        try:
            validate_email(email)
        except ValidationError:
            return None, _("“%(value)s” is not an e-mail address.") % {"value": email}
        if email == EXAMPLE_EMAIL:
            return None, _("This is the template's example row: delete it.")
        if email in self.first_row_of:
            return None, _("The same address is on row %(row)s.") % {"row": self.first_row_of[email]}
        self.first_row_of[email] = number
        account = self.accounts.get(email)
        if account is not None and not account.is_active:
            return None, _("The account with this address is deactivated. A coordinator can reactivate it.")
        return account, None

    def organisation(self, value: str) -> tuple[int, str | None]:
        """Blank means the cohort's own organisation; anything else must be it or a unit under it."""
        if not value:
            return self.root.pk, None
        found = self.organisations.find(value)
        if len(found) == 1:
            return next(iter(found)), None
        if found:
            return 0, _("More than one organisation has this name: write its code instead.")
        return 0, _("“%(value)s” is not %(organisation)s or one of its units.") % {
            "value": value,
            "organisation": self.root.name,
        }

    def region(self, value: str) -> tuple[int | None, str | None]:
        if not value:
            return None, None
        found = self.regions.find(value)
        if not found and (in_the_capital := _IN_THE_CAPITAL.match(normalise_text(value))):
            # In the city, "Сүхбаатар" is the district, not the aimag of the same name.
            district = in_the_capital["district"]
            found = self.regions.find(f"{district} дүүрэг") or self.regions.find(district)
        if len(found) == 1:
            return next(iter(found)), None
        if found:
            return None, _("More than one region has this name: write it in full, with aimag or district.")
        suggestion = self.regions.suggest(value)
        if suggestion:
            return None, _(
                "“%(value)s” is not an aimag, Ulaanbaatar or one of its districts. Did you mean “%(suggestion)s”?"
            ) % {"value": value, "suggestion": suggestion}
        return None, _("“%(value)s” is not an aimag, Ulaanbaatar or one of its districts.") % {"value": value}

    @staticmethod
    def gender(value: str) -> tuple[str, str | None]:
        if not value:
            return "", None
        if spelling_key(value) in AMBIGUOUS_GENDER_WORDS:
            return "", _("“%(value)s” could mean эмэгтэй or эрэгтэй: write the word.") % {"value": value}
        if spelling_key(value) not in GENDERS:
            return "", _(
                "Unknown gender “%(value)s”: write female, male, other or unstated (эмэгтэй, эрэгтэй, бусад)."
            ) % {"value": value}
        return GENDERS[spelling_key(value)], None

    @staticmethod
    def language(value: str) -> tuple[str, str | None]:
        if not value:
            return settings.LANGUAGE_CODE, None
        if spelling_key(value) not in LANGUAGES:
            return "", _("Unknown language “%(value)s”: write mn or en (монгол, англи).") % {"value": value}
        return LANGUAGES[spelling_key(value)], None

    def row(self, row: dict) -> tuple[list[Problem], Trainee | None]:
        number = row["row"]
        values = {key: row.get(key, "") for key in COLUMN_KEYS}
        found = list(self.text(values))
        account = None
        if not any(column == "email" for column, _reason in found):
            account, reason = self.account(values["email"], number)
            found.append(("email", reason))
        organisation_id, reason = self.organisation(values["organisation"])
        found.append(("organisation", reason))
        region_id, reason = self.region(values["region"])
        found.append(("region", reason))
        gender, reason = self.gender(values["gender"])
        found.append(("gender", reason))
        language, reason = self.language(values["preferred_language"])
        found.append(("preferred_language", reason))
        problems = [Problem(number, column, reason) for column, reason in found if reason]
        if problems:
            return problems, None
        return [], Trainee(
            row=number,
            email=values["email"],
            family_name=values["family_name"],
            given_name=values["given_name"],
            latin_family_name=values["latin_family_name"],
            latin_given_name=values["latin_given_name"],
            position=values["position"],
            organisation_id=organisation_id,
            region_id=region_id,
            gender=gender,
            preferred_language=language,
            user_id=account.pk if account else None,
        )


def validate(*, cohort: Cohort, rows: list[dict]) -> Plan:
    """Every problem of every row and, for the good rows, what importing them will do.

    Five queries whatever the number of rows: existing accounts, the cohort's current members,
    regions, the cohort's organisation and the organisations under it."""
    validator = _Validator(cohort, rows)
    plan = Plan()
    for row in rows:
        problems, trainee = validator.row(row)
        plan.problems.extend(problems)
        if trainee is None:
            continue
        if trainee.user_id is None:
            plan.create.append(trainee)
        elif trainee.user_id in validator.members:
            plan.already.append(trainee)
        else:
            plan.invite.append(trainee)
    return plan


def inspect_file(*, cohort: Cohort, file_name: str, data: bytes) -> tuple[list[dict], Plan]:
    """Read and validate a file; write nothing. Returns the normalised rows and the plan."""
    try:
        table = read_table(data, file_name)
    except UnreadableFile as error:
        return [], Plan(problems=[Problem(0, "", error.reason)])
    rows, problems = table_rows(table)
    if problems:
        # With the header wrong every row would repeat it; the header's problems are enough.
        return rows, Plan(problems=problems)
    plan = validate(cohort=cohort, rows=rows)
    misaligned = width_problems(table, delimited=not is_xlsx(data, file_name))
    plan.problems = sorted([*misaligned, *plan.problems], key=lambda problem: problem.row)
    return rows, plan


def check(*, cohort: Cohort, file_name: str, data: bytes, by) -> TraineeImport:
    """Validate an uploaded file and keep its rows and problems for the preview; import nothing yet."""
    rows, plan = inspect_file(cohort=cohort, file_name=file_name, data=data)
    return TraineeImport.objects.create(
        cohort=cohort,
        uploaded_by=by,
        file_name=file_name[-255:],
        rows=rows,
        errors=[asdict(problem) for problem in plan.problems],
        total=len(rows),
    )


def problems_of(trainee_import: TraineeImport) -> list[Problem]:
    return [Problem(**problem) for problem in trainee_import.errors]


def plan_for(trainee_import: TraineeImport) -> Plan:
    """What importing a checked file would do now (accounts may have changed since the check)."""
    return validate(cohort=trainee_import.cohort, rows=trainee_import.rows)
