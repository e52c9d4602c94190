"""Bulk enrolment from a CSV roster: reading the file, then importing it all or nothing."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model

from courses.learning.enrolment import withdraw
from courses.learning.roster import MAX_ROWS, RosterFileError, RosterRow, parse_roster
from courses.learning.roster_import import import_roster, send_enrolment_emails
from courses.models import Enrolment

User = get_user_model()


def csv_bytes(*lines: str, bom: bool = False) -> bytes:
    data = "\r\n".join(lines).encode()
    return b"\xef\xbb\xbf" + data if bom else data


@pytest.fixture
def staff(db):
    return User.objects.create_superuser("staff", "staff@example.org", "x-Long-enough-9")


def messages_by_line(parsed) -> dict[int, list[str]]:
    found: dict[int, list[str]] = {}
    for problem in parsed.problems:
        found.setdefault(problem.line, []).append(problem.message)
    return found


# Reading the file


def test_rows_keep_the_line_numbers_the_spreadsheet_shows():
    parsed = parse_roster(
        csv_bytes(
            "email,name,organisation",
            "amina@example.org,Amina Yusuf,Red Crescent",
            "",
            "Joao@Example.org,João Silva,",
        )
    )
    assert parsed.problems == []
    assert parsed.rows == [
        RosterRow(2, "amina@example.org", "Amina Yusuf", "Red Crescent"),
        RosterRow(4, "joao@example.org", "João Silva", ""),
    ]


def test_byte_order_mark_semicolons_and_column_order_are_accepted():
    parsed = parse_roster(
        csv_bytes("Organisation;EMAIL;Name", "IFRC;amina@example.org;Amina", bom=True)
    )
    assert parsed.rows == [RosterRow(2, "amina@example.org", "Amina", "IFRC")]


def test_only_the_email_column_is_required():
    parsed = parse_roster(csv_bytes("email", "amina@example.org"))
    assert parsed.rows == [RosterRow(2, "amina@example.org", "", "")]


def test_a_quoted_line_break_stays_inside_its_row():
    parsed = parse_roster(
        csv_bytes("email,name,organisation", 'a@example.org,"Amina\nYusuf",X', "b@example.org,B,Y")
    )
    assert [row.line for row in parsed.rows] == [2, 3]


def test_every_bad_row_is_reported_with_its_line():
    parsed = parse_roster(
        csv_bytes(
            "email,name,organisation",
            "amina@example.org,Amina,IFRC",
            ",No Email,IFRC",
            "not-an-email,Someone,IFRC",
            "AMINA@example.org,Amina again,IFRC",
            f"long@example.org,{'n' * 151},IFRC",
            f"org@example.org,Org,{'o' * 151}",
            "extra@example.org,Extra,IFRC,surprise",
            "fine@example.org,Fine,",
        )
    )
    problems = messages_by_line(parsed)
    assert problems == {
        3: ["The email address is missing."],
        4: ["“not-an-email” is not a valid email address."],
        5: ["This email address is also on line 2."],
        6: ["The name is longer than 150 characters."],
        7: ["The organisation is longer than 150 characters."],
        8: ["Column D has a value but no heading."],
    }
    assert [row.line for row in parsed.rows] == [2, 9]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "The file is empty."),
        (b" \r\n \r\n", "The file is empty."),
        ("email,name\r\nzoë@example.org,Zoë".encode("latin-1"), "not UTF-8"),
        (b"amina@example.org,Amina,IFRC\r\n", "No “email” column"),
        (b"email,name,phone\r\na@example.org,A,123\r\n", "Unknown columns: phone"),
        (b"email,name,email\r\na@example.org,A,b@example.org\r\n", "appears twice"),
        (b"email,name,organisation\r\n", "only the header line"),
        (b'email,name\r\na@example.org,"Amina\r\nb@example.org,B\r\n', "Line 2 could not be read"),
    ],
)
def test_files_that_cannot_be_used_at_all_are_refused_whole(data, message):
    with pytest.raises(RosterFileError, match=message):
        parse_roster(data)


def test_more_than_the_row_limit_is_refused():
    lines = ["email"] + [f"learner{n}@example.org" for n in range(MAX_ROWS + 1)]
    with pytest.raises(RosterFileError, match="more than 2,000 learners"):
        parse_roster(csv_bytes(*lines))
    assert len(parse_roster(csv_bytes(*lines[:-1])).rows) == MAX_ROWS


# Importing the rows


def test_import_creates_accounts_and_enrols_everyone(course_builder, staff):
    course = course_builder()
    existing = User.objects.create_user("amina", "Amina@Example.org", "x-Long-enough-9")
    rows = [
        RosterRow(2, "amina@example.org", "Ignored Name", "Ignored Org"),
        RosterRow(3, "joao.silva@example.org", "João Silva", "Caritas"),
    ]

    report = import_roster(course, rows, staff)

    assert report.committed
    assert [row.line for row in report.created] == [3]
    assert [row.line for row in report.enrolled] == [2]
    joao = User.objects.get(email="joao.silva@example.org")
    assert joao.username == "joao.silva"
    assert (joao.full_name, joao.organisation) == ("João Silva", "Caritas")
    assert not joao.has_usable_password()
    existing.refresh_from_db()
    assert existing.full_name == ""  # existing accounts are not changed
    enrolments = Enrolment.objects.filter(course_key=course.translation_key)
    assert set(enrolments.values_list("user_id", flat=True)) == {existing.pk, joao.pk}
    assert set(enrolments.values_list("enrolled_by_id", flat=True)) == {staff.pk}


def test_a_derived_username_that_is_taken_gets_a_suffix(course_builder, staff):
    course = course_builder()
    User.objects.create_user("amina", "someone-else@example.org", "x-Long-enough-9")
    import_roster(course, [RosterRow(2, "amina@example.org")], staff)
    username = User.objects.get(email="amina@example.org").username
    assert username.startswith("amina") and username != "amina"


def test_importing_the_same_rows_again_changes_nothing(
    course_builder, staff, mailoutbox, django_capture_on_commit_callbacks
):
    course = course_builder()
    rows = [RosterRow(2, "amina@example.org", "Amina"), RosterRow(3, "joao@example.org", "João")]
    with django_capture_on_commit_callbacks(execute=True):
        import_roster(course, rows, staff)
    assert len(mailoutbox) == 2

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        again = import_roster(course, rows, staff)

    assert again.committed
    assert [row.line for row in again.already_enrolled] == [2, 3]
    assert again.created == again.enrolled == []
    assert callbacks == []
    assert len(mailoutbox) == 2
    assert User.objects.filter(email__in=["amina@example.org", "joao@example.org"]).count() == 2
    assert Enrolment.objects.filter(course_key=course.translation_key).count() == 2


def test_a_withdrawn_learner_is_enrolled_again(course_builder, staff):
    course = course_builder()
    learner = User.objects.create_user("amina", "amina@example.org", "x-Long-enough-9")
    import_roster(course, [RosterRow(2, "amina@example.org")], staff)
    withdraw(learner, course)

    report = import_roster(course, [RosterRow(2, "amina@example.org")], staff)

    assert [row.line for row in report.enrolled] == [2]
    assert Enrolment.objects.get(user=learner).is_active


def test_a_full_course_refuses_the_rows_beyond_its_places_and_nothing_is_written(
    course_builder, staff, django_capture_on_commit_callbacks
):
    course = course_builder(capacity=2)
    rows = [RosterRow(line, f"learner{line}@example.org") for line in (2, 3, 4)]

    with django_capture_on_commit_callbacks() as callbacks:
        report = import_roster(course, rows, staff)

    assert not report.committed
    assert [(p.line, p.message) for p in report.problems] == [(4, "This course is full.")]
    assert callbacks == []
    assert not Enrolment.objects.filter(course_key=course.translation_key).exists()
    assert not User.objects.filter(email__startswith="learner").exists()


def test_a_closed_course_refuses_every_row(course_builder, staff):
    course = course_builder(enrolment_open=False)
    report = import_roster(course, [RosterRow(2, "amina@example.org")], staff)
    assert [(p.line, p.message) for p in report.problems] == [
        (2, "Enrolment in this course is closed.")
    ]
    assert not User.objects.filter(email="amina@example.org").exists()


def test_a_deactivated_account_is_refused(course_builder, staff):
    course = course_builder()
    User.objects.create_user("gone", "gone@example.org", "x-Long-enough-9", is_active=False)
    report = import_roster(course, [RosterRow(2, "gone@example.org")], staff)
    assert [p.line for p in report.problems] == [2]
    assert not Enrolment.objects.exists()


def test_a_dry_run_reports_what_would_happen_and_writes_nothing(course_builder, staff):
    course = course_builder()
    report = import_roster(course, [RosterRow(2, "amina@example.org")], staff, dry_run=True)
    assert not report.committed
    assert [row.line for row in report.created] == [2]
    assert not User.objects.filter(email="amina@example.org").exists()
    assert not Enrolment.objects.exists()


def test_a_key_protected_course_still_takes_staff_enrolments(course_builder, staff):
    course = course_builder(enrolment_key="cohort-7")
    report = import_roster(course, [RosterRow(2, "amina@example.org")], staff)
    assert report.committed and report.newly_enrolled == 1


# Emails


def test_new_accounts_get_a_link_that_lets_them_choose_a_password(
    client, course_builder, staff, mailoutbox, django_capture_on_commit_callbacks
):
    course = course_builder(title="Psychological first aid")
    with django_capture_on_commit_callbacks(execute=True):
        import_roster(course, [RosterRow(2, "amina@example.org", "Amina Yusuf")], staff)

    [message] = mailoutbox
    assert message.to == ["amina@example.org"]
    assert "Psychological first aid" in message.subject
    assert "Hello Amina Yusuf," in message.body
    link = next(line for line in message.body.splitlines() if "/password/reset/key/" in line)
    assert link.startswith("http://testserver/accounts/")

    # allauth keeps the key in the session and redirects to a key-less address first.
    form_page = client.get(link, follow=True)
    assert form_page.status_code == 200
    form_url = form_page.redirect_chain[-1][0] if form_page.redirect_chain else link
    response = client.post(
        form_url,
        {"password1": "a-Fresh-passphrase-42", "password2": "a-Fresh-passphrase-42"},
    )
    assert response.status_code == 302
    assert User.objects.get(email="amina@example.org").check_password("a-Fresh-passphrase-42")


def test_existing_learners_get_a_short_note_with_the_course_link(course_builder, staff, mailoutbox):
    course = course_builder(title="Protection basics")
    learner = User.objects.create_user("amina", "amina@example.org", "x-Long-enough-9")

    sent = send_enrolment_emails(course.pk, [], [learner.pk])

    assert sent == 1
    [message] = mailoutbox
    assert "Protection basics" in message.body
    assert "password" not in message.body.lower()
    assert f"http://testserver{course.url}" in message.body


def test_existing_learners_without_a_password_get_the_link_too(course_builder, staff, mailoutbox):
    course = course_builder()
    learner = User.objects.create_user("amina", "amina@example.org")  # unusable password

    send_enrolment_emails(course.pk, [], [learner.pk])

    [message] = mailoutbox
    assert "/password/reset/key/" in message.body
    assert "An account has been created" not in message.body
