"""Enrolling a list of learners at once, from a spreadsheet that staff upload: reading it.

Two steps, so that staff see every problem before anything is written:

1. `parse_roster(data)` (here) reads the CSV file and checks every row. It never touches the
   database.
2. `courses.learning.roster_import.import_roster(course, rows, enrolled_by)` finds or creates
   each learner's account and enrols them, in one transaction: if any row is refused, nothing
   at all is written.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _

#: Most learners one file may hold; bigger cohorts are uploaded in several files.
MAX_ROWS = 2000
#: The columns a roster may have, in the order the template lists them.
COLUMNS = ("email", "name", "organisation")
#: Column name → the User field its value is stored in, and so the field's length limit.
USER_FIELDS = {"email": "email", "name": "full_name", "organisation": "organisation"}


class RosterFileError(ValueError):
    """The file as a whole cannot be used; the message says why, in words for staff."""


@dataclass(frozen=True)
class RosterRow:
    """One learner from the file. `line` is the row number the spreadsheet shows (header = 1)."""

    line: int
    email: str
    name: str = ""
    organisation: str = ""

    def as_dict(self) -> dict[str, int | str]:
        return {
            "line": self.line,
            "email": self.email,
            "name": self.name,
            "organisation": self.organisation,
        }

    @classmethod
    def from_dict(cls, data: dict) -> RosterRow:
        return cls(
            line=int(data["line"]),
            email=str(data["email"]),
            name=str(data.get("name", "")),
            organisation=str(data.get("organisation", "")),
        )


@dataclass(frozen=True)
class RowProblem:
    """Why one row cannot be imported."""

    line: int
    message: str
    email: str = ""


@dataclass
class ParsedRoster:
    """The rows that passed every check, and the problems of those that did not."""

    rows: list[RosterRow] = field(default_factory=list)
    problems: list[RowProblem] = field(default_factory=list)


def parse_roster(data: bytes) -> ParsedRoster:
    """Read a roster CSV (`email,name,organisation`) and check every row.

    The file is UTF-8, with or without a byte order mark, separated by commas or semicolons.
    Only `email` is required; blank rows are skipped. Raises `RosterFileError` when the file
    as a whole cannot be used (not UTF-8, empty, no header, unknown columns, too many rows);
    otherwise returns the good rows and one problem per fault found in the others.
    """
    records = read_csv_file(data)
    columns = _read_header(records[0])
    user_model = get_user_model()
    max_lengths = {
        column: user_model._meta.get_field(user_field).max_length
        for column, user_field in USER_FIELDS.items()
    }

    parsed = ParsedRoster()
    first_line_of_email: dict[str, int] = {}
    learners = 0
    for line, cells in enumerate(records[1:], start=2):
        if not any(cell.strip() for cell in cells):
            continue
        learners += 1
        if learners > MAX_ROWS:
            raise RosterFileError(
                _(
                    "The file has more than %(limit)s learners. Split it into files of at most "
                    "%(limit)s rows and upload them one after the other."
                )
                % {"limit": f"{MAX_ROWS:,}"}
            )
        values = {
            name: cells[index].strip() if index < len(cells) else ""
            for name, index in columns.items()
        }
        values["email"] = values["email"].lower()
        problems = _row_problems(line, cells, columns, values, max_lengths, first_line_of_email)
        if problems:
            parsed.problems.extend(problems)
            continue
        first_line_of_email[values["email"]] = line
        parsed.rows.append(
            RosterRow(
                line=line,
                email=values["email"],
                name=values.get("name", ""),
                organisation=values.get("organisation", ""),
            )
        )

    if learners == 0:
        raise RosterFileError(_("The file has no learners: only the header line was found."))
    return parsed


def read_csv_file(data: bytes) -> list[list[str]]:
    """The records of an uploaded CSV file: UTF-8 with or without a byte order mark, separated
    by commas or semicolons. Raises `RosterFileError`, with a message for the uploader, when
    the file is not UTF-8, is empty, or cannot be read as CSV. Sign-in sheets use it too."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise RosterFileError(
            _(
                "The file is not UTF-8 text. In your spreadsheet, save it as "
                "“CSV UTF-8 (comma delimited)” and upload it again."
            )
        ) from error
    if not text.strip():
        raise RosterFileError(_("The file is empty."))
    return _read_csv(text)


def _read_csv(text: str) -> list[list[str]]:
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    # Strict, so that a quotation mark left open is an error, not the rest of the file
    # swallowed into one cell.
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    records: list[list[str]] = []
    try:
        for record in reader:
            records.append(record)
    except csv.Error as error:
        raise RosterFileError(
            _(
                "Line %(line)s could not be read as CSV (%(error)s). A quotation mark that is "
                "never closed is the usual cause."
            )
            % {"line": len(records) + 1, "error": error}
        ) from error
    return records


def _read_header(header: list[str]) -> dict[str, int]:
    """Column name → position, from the first line. Blank headings are ignored."""
    names = [cell.strip().lower() for cell in header]
    expected = ",".join(COLUMNS)
    if "email" not in names:
        raise RosterFileError(
            _(
                "The first line must name the columns: %(expected)s. "
                "No “email” column was found in it."
            )
            % {"expected": expected}
        )
    unknown = [name for name in names if name and name not in COLUMNS]
    if unknown:
        raise RosterFileError(
            _("Unknown columns: %(unknown)s. The columns may only be %(expected)s.")
            % {"unknown": ", ".join(unknown), "expected": expected}
        )
    columns: dict[str, int] = {}
    for index, name in enumerate(names):
        if not name:
            continue
        if name in columns:
            raise RosterFileError(_("The column “%(name)s” appears twice.") % {"name": name})
        columns[name] = index
    return columns


def _row_problems(
    line: int,
    cells: list[str],
    columns: dict[str, int],
    values: dict[str, str],
    max_lengths: dict[str, int],
    first_line_of_email: dict[str, int],
) -> list[RowProblem]:
    email = values["email"]
    problems: list[RowProblem] = []

    def problem(message: str) -> None:
        problems.append(RowProblem(line, message, email))

    if not email:
        problem(_("The email address is missing."))
    elif len(email) > max_lengths["email"]:
        problem(
            _("The email address is longer than %(max)s characters.")
            % {"max": max_lengths["email"]}
        )
    else:
        try:
            validate_email(email)
        except ValidationError:
            problem(_("“%(email)s” is not a valid email address.") % {"email": email})
        else:
            if email in first_line_of_email:
                problem(
                    _("This email address is also on line %(line)s.")
                    % {"line": first_line_of_email[email]}
                )
    for column, label in (("name", _("name")), ("organisation", _("organisation"))):
        if len(values.get(column, "")) > max_lengths[column]:
            problem(
                _("The %(column)s is longer than %(max)s characters.")
                % {"column": label, "max": max_lengths[column]}
            )
    named = set(columns.values())
    for index, cell in enumerate(cells):
        if index not in named and cell.strip():
            problem(
                _("Column %(column)s has a value but no heading.")
                % {"column": _column_letter(index)}
            )
    return problems


def _column_letter(index: int) -> str:
    """Spreadsheet column name for a 0-based index: 0 → A, 26 → AA."""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(ord("A") + remainder) + letters
    return letters
