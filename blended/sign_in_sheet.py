"""Importing a paper sign-in sheet, typed into a spreadsheet, for one session.

As with rosters (`courses.learning.roster`), every line is read and checked first, and the
problems are given by line number; nothing is written unless every line is good, or the
caller asks to import the good lines only. The file has a header line naming its columns:
`name,status` or `email,status` (both `name` and `email` may be given: the email address,
when filled in, is used). People are found among the participants of the session's cohort
by their account's email address or by their exact name, whatever the case. The status is
one of present, late, excused or absent.

Marks are recorded as taken at the start of the session, with source "import": a sheet
does not override a roll call taken during the session. Importing the same file again
records nothing new (each mark's `client_id` is derived from the file and the person).
"""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass, field

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils.translation import gettext as _

from blended.attendance import AttendanceRefused, check_mark, record_mark, unknown_status_message
from blended.models import AttendanceMark, AttendanceStatus, Participant, TrainingSession
from courses.learning.roster import RosterFileError, RowProblem, read_csv_file

COLUMNS = ("name", "email", "status")
#: Namespace of the client ids of imported marks.
SHEET_NAMESPACE = uuid.UUID("6f1d0c2e-3b8a-4a57-9d0e-2f4b7c1a9e63")


@dataclass(frozen=True)
class SheetLine:
    """One good line: who, and the status to record. `line` as the spreadsheet shows it."""

    line: int
    participant: Participant
    status: str


@dataclass
class SheetReport:
    """What the import did. `committed` is False when nothing was written: problems were
    found and only valid lines were not asked for, or it was a dry run."""

    lines: list[SheetLine] = field(default_factory=list)
    problems: list[RowProblem] = field(default_factory=list)
    committed: bool = False


def import_sign_in_sheet(
    session: TrainingSession,
    data: bytes,
    *,
    by: AbstractBaseUser | None,
    only_valid: bool = False,
    dry_run: bool = False,
) -> SheetReport:
    """Read the sheet in `data`, check every line, and record the marks.

    Raises `RosterFileError` when the file as a whole cannot be used. Otherwise returns a
    report: if any line has a problem, nothing is written unless `only_valid`, in which
    case the good lines are recorded. Running it twice records the marks once.
    """
    report = SheetReport()
    report.lines, report.problems = parse_sign_in_sheet(session, data)
    if dry_run or (report.problems and not only_valid):
        return report
    digest = hashlib.sha256(data).hexdigest()
    with transaction.atomic():
        for sheet_line in report.lines:
            try:
                record_mark(
                    sheet_line.participant,
                    session,
                    sheet_line.status,
                    by=by,
                    marked_at=session.starts_at,
                    source=AttendanceMark.Source.IMPORT,
                    client_id=uuid.uuid5(
                        SHEET_NAMESPACE, f"{session.pk}:{digest}:{sheet_line.participant.pk}"
                    ),
                )
            except AttendanceRefused as refusal:
                # Checked already while parsing; only a change made meanwhile gets here.
                report.problems.append(RowProblem(sheet_line.line, str(refusal)))
        if report.problems and not only_valid:
            transaction.set_rollback(True)
            return report
    report.committed = True
    return report


def parse_sign_in_sheet(
    session: TrainingSession, data: bytes
) -> tuple[list[SheetLine], list[RowProblem]]:
    """The good lines of the sheet and the problems of the others; writes nothing.

    Two queries: the cohort's participants, with their accounts.
    """
    records = read_csv_file(data)
    columns = _read_header(records[0])
    participants = list(
        Participant.objects.filter(cohort_id=session.cohort_id).select_related("user")
    )
    by_email = {p.user.email.lower(): p for p in participants if p.user and p.user.email}
    by_name: dict[str, list[Participant]] = {}
    for participant in participants:
        by_name.setdefault(participant.name.strip().casefold(), []).append(participant)
    statuses = {}
    for status in AttendanceStatus:
        statuses[status.value] = status.value
        statuses[str(status.label).casefold()] = status.value

    lines: list[SheetLine] = []
    problems: list[RowProblem] = []
    first_line_of: dict[int, int] = {}
    for line, cells in enumerate(records[1:], start=2):
        values = {
            name: cells[index].strip() if index < len(cells) else ""
            for name, index in columns.items()
        }
        if not any(values.values()):
            continue
        who = values.get("email") or values.get("name", "")
        if values.get("email"):
            participant = by_email.get(values["email"].lower())
            matches = [participant] if participant else []
        else:
            matches = by_name.get(values.get("name", "").casefold(), [])
        status = statuses.get(values["status"].casefold())
        if not matches:
            message = _("Nobody in this cohort has this name or email address.")
        elif len(matches) > 1:
            message = _("Several people in this cohort have this name: use their email address.")
        elif matches[0].pk in first_line_of:
            message = _("This person is also on line %(line)s.") % {
                "line": first_line_of[matches[0].pk]
            }
        elif status is None:
            message = unknown_status_message()
        else:
            try:
                check_mark(matches[0], session, status)
            except AttendanceRefused as refusal:
                message = str(refusal)
            else:
                first_line_of[matches[0].pk] = line
                lines.append(SheetLine(line, matches[0], status))
                continue
        problems.append(RowProblem(line, message, who))
    if not lines and not problems:
        raise RosterFileError(_("The file has no learners: only the header line was found."))
    return lines, problems


def _read_header(header: list[str]) -> dict[str, int]:
    """Column name → position, from the first line."""
    names = [cell.strip().lower() for cell in header]
    known = {name: index for index, name in enumerate(names) if name in COLUMNS}
    unknown = [name for name in names if name and name not in COLUMNS]
    if (
        unknown
        or len(known) != len([name for name in names if name])
        or "status" not in known
        or not ({"name", "email"} & known.keys())
    ):
        raise RosterFileError(
            _("The first line must name the columns: name,status or email,status.")
        )
    return known
