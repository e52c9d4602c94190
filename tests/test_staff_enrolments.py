"""Staff in the Wagtail admin: the enrolments list and its exports, and enrolling from a CSV."""

from __future__ import annotations

import csv
import io

import openpyxl
import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import signing
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from courses.admin.roster import CONFIRMATION_SALT
from courses.learning.enrolment import enrol
from courses.models import Enrolment
from tests.staff import flash, learner, staff_in_group

User = get_user_model()
INDEX = reverse("enrolments:index")
ENROL = reverse("enrolments:enrol")
HEADER = "email,name,organisation"


def roster(*lines: str, name: str = "learners.csv") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, "\r\n".join(lines).encode(), content_type="text/csv")


def upload(client, course, *lines: str):
    return client.post(ENROL, {"course": course.pk, "file": roster(*lines)})


def confirmation_token(response) -> str:
    return response.context["confirmation"]["confirmation"].value()


@pytest.fixture
def first_aid(course_builder):
    return course_builder(title="Psychological first aid", modules=1, lessons_per_module=1)


@pytest.fixture
def shelter(course_builder):
    return course_builder(title="Safe shelter", modules=1, lessons_per_module=1)


@pytest.fixture
def cohort(first_aid, shelter):
    """Three learners in two courses, from different places."""
    amina = learner("amina", full_name="Amina Yusuf", organisation="Red Crescent", country="NG")
    joao = learner("joao", full_name="", organisation="Caritas Lisboa", country="PT")
    lena = learner("lena", full_name="Lena Berg", organisation="Red Cross", country="DE")
    enrol(amina, first_aid)
    enrol(joao, first_aid)
    enrol(lena, shelter)
    Enrolment.objects.filter(user=lena).update(status=Enrolment.Status.WITHDRAWN)
    return amina, joao, lena


# The list


def test_list_shows_learners_with_their_course_titles(admin_client, cohort):
    response = admin_client.get(INDEX)
    assert response.status_code == 200
    html = response.content.decode()
    for text in ("Amina Yusuf", "joao@example.org", "Caritas Lisboa", "Nigeria", "Lena Berg"):
        assert text in html
    assert html.count("Psychological first aid") >= 2
    assert "Safe shelter" in html
    assert "Withdrawn" in html


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"course": "first_aid"}, {"amina", "joao"}),
        ({"status": "withdrawn"}, {"lena"}),
        ({"organisation": "red cr"}, {"amina", "lena"}),
        ({"country": "PT"}, {"joao"}),
        ({"course": "first_aid", "organisation": "caritas"}, {"joao"}),
    ],
)
def test_filters_narrow_the_list(admin_client, cohort, first_aid, query, expected):
    if query.get("course") == "first_aid":
        query = {**query, "course": str(first_aid.translation_key)}
    response = admin_client.get(INDEX, query)
    assert response.status_code == 200
    shown = {enrolment.user.username for enrolment in response.context["object_list"]}
    assert shown == expected


def test_course_filter_offers_the_live_courses_by_title(admin_client, first_aid, shelter):
    response = admin_client.get(INDEX)
    choices = dict(response.context["filters"].form.fields["course"].choices)
    assert choices[str(first_aid.translation_key)] == "Psychological first aid"
    assert choices[str(shelter.translation_key)] == "Safe shelter"


def test_list_queries_stay_flat_as_enrolments_grow(admin_client, first_aid):
    enrol(learner("first"), first_aid)
    admin_client.get(INDEX)  # warm Wagtail's per-process caches

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert admin_client.get(INDEX).status_code == 200
        return len(captured)

    one = queries()
    for n in range(19):
        enrol(learner(f"learner{n}", organisation=f"Org {n}", country="KE"), first_aid)
    assert Enrolment.objects.count() == 20
    assert queries() == one


def test_list_offers_no_edit_and_its_add_button_leads_to_bulk_enrolment(admin_client, cohort):
    html = admin_client.get(INDEX).content.decode()
    assert ENROL in html
    assert "/admin/enrolments/edit/" not in html
    assert admin_client.get("/admin/enrolments/new/").status_code == 404
    assert admin_client.get("/admin/enrolments/edit/1/").status_code == 404


# Exports


def test_csv_export_has_the_listed_columns_and_filtered_rows(admin_client, cohort, first_aid):
    response = admin_client.get(INDEX, {"export": "csv", "course": str(first_aid.translation_key)})
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="enrolments.csv"'
    text = b"".join(response.streaming_content).decode()
    rows = list(csv.DictReader(io.StringIO(text)))
    assert list(rows[0]) == [
        "Learner",
        "Email",
        "Organisation",
        "Country",
        "Course",
        "Status",
        "Enrolled",
        "Last activity",
        "Completed",
    ]
    by_email = {row["Email"]: row for row in rows}
    assert set(by_email) == {"amina@example.org", "joao@example.org"}
    amina = by_email["amina@example.org"]
    assert amina["Learner"] == "Amina Yusuf"
    assert amina["Country"] == "Nigeria"
    assert amina["Course"] == "Psychological first aid"
    assert amina["Status"] == "Enrolled"
    assert amina["Enrolled"].startswith(
        str(Enrolment.objects.get(user__username="amina").enrolled_at.date())
    )
    assert by_email["joao@example.org"]["Learner"] == "joao@example.org"


def test_csv_export_cannot_carry_a_formula_typed_by_a_learner(admin_client, first_aid):
    enrol(learner("mallory", full_name='=HYPERLINK("http://evil.example","x")'), first_aid)
    text = b"".join(admin_client.get(INDEX, {"export": "csv"}).streaming_content).decode()
    [row] = csv.DictReader(io.StringIO(text))
    assert row["Learner"].startswith("'=")


def test_xlsx_export_has_the_same_rows(admin_client, cohort):
    response = admin_client.get(INDEX, {"export": "xlsx"})
    assert response.status_code == 200
    assert "enrolments.xlsx" in response["Content-Disposition"]
    workbook = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    header, *rows = workbook.active.iter_rows(values_only=True)
    assert header[:6] == ("Learner", "Email", "Organisation", "Country", "Course", "Status")
    assert {(row[1], row[4], row[5]) for row in rows} == {
        ("amina@example.org", "Psychological first aid", "Enrolled"),
        ("joao@example.org", "Psychological first aid", "Enrolled"),
        ("lena@example.org", "Safe shelter", "Withdrawn"),
    }


# Who may use it


def test_people_without_admin_access_are_sent_to_log_in(client, cohort):
    client.force_login(learner("plain"))
    for url in (INDEX, ENROL):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_login"))


def test_staff_without_enrolment_permissions_are_turned_away(client, first_aid):
    reviewer = learner("reviewer")
    reviewer.groups.add(Group.objects.get(name="Course reviewers"))
    client.force_login(reviewer)
    for response in (
        client.get(INDEX),
        client.get(INDEX, {"export": "csv"}),
        client.get(ENROL),
        upload(client, first_aid, HEADER, "amina@example.org,Amina,IFRC"),
    ):
        assert response.status_code == 302
        assert response["Location"] == reverse("wagtailadmin_home")
    assert not User.objects.filter(email="amina@example.org").exists()


def test_the_view_permission_shows_the_list_but_not_bulk_enrolment(client, cohort, first_aid):
    client.force_login(staff_in_group("Enrolment viewers", "view_enrolment"))
    response = client.get(INDEX)
    assert response.status_code == 200
    assert ENROL not in response.content.decode()
    assert client.get(ENROL)["Location"] == reverse("wagtailadmin_home")


def test_the_add_permission_allows_bulk_enrolment(client, first_aid):
    client.force_login(staff_in_group("Enrolment officers", "add_enrolment"))
    assert client.get(ENROL).status_code == 200
    response = upload(client, first_aid, HEADER, "amina@example.org,Amina,IFRC")
    assert response.status_code == 302
    assert response["Location"] == ENROL  # they may not see the list itself
    assert Enrolment.objects.filter(user__email="amina@example.org").exists()


# Bulk enrolment


def test_upload_form_lists_live_courses(admin_client, first_aid):
    response = admin_client.get(ENROL)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Psychological first aid" in html
    assert 'name="csrfmiddlewaretoken"' in html
    assert 'enctype="multipart/form-data"' in html


def test_a_clean_file_is_imported_at_once_and_new_learners_are_emailed(
    admin_client, first_aid, mailoutbox, django_capture_on_commit_callbacks
):
    existing = learner("lena", full_name="Lena Berg")
    with django_capture_on_commit_callbacks(execute=True):
        response = upload(
            admin_client,
            first_aid,
            HEADER,
            "amina@example.org,Amina Yusuf,Red Crescent",
            "Lena@Example.org,,",
        )

    assert response.status_code == 302
    assert response["Location"] == f"{INDEX}?course={first_aid.translation_key}"
    assert flash(response) == [
        "2 learners enrolled in “Psychological first aid”. "
        "1 new account created and emailed a link to choose a password."
    ]
    amina = User.objects.get(email="amina@example.org")
    assert (amina.full_name, amina.organisation) == ("Amina Yusuf", "Red Crescent")
    assert set(
        Enrolment.objects.filter(course_key=first_aid.translation_key).values_list(
            "user_id", flat=True
        )
    ) == {amina.pk, existing.pk}

    by_recipient = {message.to[0]: message for message in mailoutbox}
    assert set(by_recipient) == {"amina@example.org", "lena@example.org"}
    assert (
        "http://testserver/accounts/password/reset/key/" in by_recipient["amina@example.org"].body
    )
    assert "/password/reset/key/" not in by_recipient["lena@example.org"].body


def test_a_bad_row_is_reported_by_line_and_nothing_is_imported(
    admin_client, first_aid, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = upload(
            admin_client,
            first_aid,
            HEADER,
            "amina@example.org,Amina Yusuf,Red Crescent",
            "not-an-email,Joao,Caritas",
            "lena@example.org,Lena Berg,Red Cross",
        )

    assert response.status_code == 200
    assert [(p.line, p.message) for p in response.context["problems"]] == [
        (3, "“not-an-email” is not a valid email address.")
    ]
    html = response.content.decode()
    assert "Nothing has been imported" in html
    assert "Import the 2 valid rows only" in html
    assert not User.objects.filter(email__in=["amina@example.org", "lena@example.org"]).exists()
    assert not Enrolment.objects.exists()
    assert mailoutbox == []


def test_confirming_imports_only_the_valid_rows(
    admin_client, first_aid, mailoutbox, django_capture_on_commit_callbacks
):
    review = upload(
        admin_client,
        first_aid,
        HEADER,
        "amina@example.org,Amina Yusuf,Red Crescent",
        ",No email,Caritas",
        "lena@example.org,Lena Berg,Red Cross",
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(ENROL, {"confirmation": confirmation_token(review)})

    assert response.status_code == 302
    assert flash(response)[0].startswith("2 learners enrolled")
    assert set(Enrolment.objects.values_list("user__email", flat=True)) == {
        "amina@example.org",
        "lena@example.org",
    }
    assert sorted(message.to[0] for message in mailoutbox) == [
        "amina@example.org",
        "lena@example.org",
    ]


def test_a_tampered_confirmation_is_rejected_and_imports_nothing(admin_client, first_aid):
    review = upload(admin_client, first_aid, HEADER, "amina@example.org,A,X", "bad,B,Y")
    token = confirmation_token(review)
    payload = signing.loads(token, salt=CONFIRMATION_SALT)
    payload["rows"].append({"line": 9, "email": "mallory@example.org"})
    forged = signing.dumps(payload, salt="not-the-right-salt", compress=True)
    # Same payload shape, but a signature that does not match what the server made.
    for bad in (forged, token[:-3] + "AAA", "garbage"):
        response = admin_client.post(ENROL, {"confirmation": bad})
        assert response.status_code == 400
        assert "This confirmation was changed after the file was checked" in (
            response.content.decode()
        )
    assert not Enrolment.objects.exists()
    assert not User.objects.filter(email__in=["amina@example.org", "mallory@example.org"]).exists()


def test_a_confirmation_made_for_another_member_of_staff_is_rejected(
    admin_client, client, first_aid
):
    review = upload(admin_client, first_aid, HEADER, "amina@example.org,A,X", "bad,B,Y")
    client.force_login(User.objects.create_superuser("other", "other@example.org", "x-Long-9z"))
    response = client.post(ENROL, {"confirmation": confirmation_token(review)})
    assert response.status_code == 400
    assert not Enrolment.objects.exists()


def test_a_learner_already_enrolled_is_reported_and_not_duplicated(
    admin_client, first_aid, mailoutbox, django_capture_on_commit_callbacks
):
    amina = learner("amina")
    enrol(amina, first_aid)
    with django_capture_on_commit_callbacks(execute=True):
        response = upload(
            admin_client, first_aid, HEADER, "AMINA@example.org,,", "new@example.org,,"
        )
    assert flash(response) == [
        "1 learner enrolled in “Psychological first aid”. "
        "1 new account created and emailed a link to choose a password. "
        "1 learner was already enrolled."
    ]
    assert Enrolment.objects.filter(user=amina).count() == 1
    assert [message.to for message in mailoutbox] == [["new@example.org"]]


def test_capacity_reached_mid_file_is_reported_and_nothing_imported_until_confirmed(
    admin_client, course_builder, django_capture_on_commit_callbacks
):
    course = course_builder(title="Small group", capacity=2, modules=1, lessons_per_module=1)
    response = upload(
        admin_client,
        course,
        HEADER,
        "a@example.org,A,X",
        "b@example.org,B,X",
        "c@example.org,C,X",
    )
    assert response.status_code == 200
    assert [(p.line, p.message) for p in response.context["problems"]] == [
        (4, "This course is full.")
    ]
    assert "Import the 2 valid rows only" in response.content.decode()
    assert not Enrolment.objects.exists()
    assert not User.objects.filter(email="a@example.org").exists()

    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(ENROL, {"confirmation": confirmation_token(response)})
    assert set(Enrolment.objects.values_list("user__email", flat=True)) == {
        "a@example.org",
        "b@example.org",
    }


def test_reimporting_the_same_file_changes_nothing(
    admin_client, first_aid, mailoutbox, django_capture_on_commit_callbacks
):
    lines = (HEADER, "amina@example.org,Amina,X", "lena@example.org,Lena,Y")
    with django_capture_on_commit_callbacks(execute=True):
        upload(admin_client, first_aid, *lines)
    users, enrolments, emails = User.objects.count(), Enrolment.objects.count(), len(mailoutbox)

    with django_capture_on_commit_callbacks(execute=True):
        response = upload(admin_client, first_aid, *lines)

    assert flash(response)[-1] == (
        "No new enrolments in “Psychological first aid”. 2 learners were already enrolled."
    )
    assert (User.objects.count(), Enrolment.objects.count(), len(mailoutbox)) == (
        users,
        enrolments,
        emails,
    )


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "The submitted file is empty."),
        ("email\r\nzoë@example.org".encode("latin-1"), "not UTF-8"),
        (b"mail,name\r\na@example.org,A", "No “email” column"),
    ],
)
def test_unusable_files_are_refused_on_the_form(admin_client, first_aid, content, message):
    file = SimpleUploadedFile("learners.csv", content, content_type="text/csv")
    response = admin_client.post(ENROL, {"course": first_aid.pk, "file": file})
    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors["file"])
    assert not Enrolment.objects.exists()


def test_a_closed_course_is_refused_on_the_form(admin_client, course_builder):
    course = course_builder(enrolment_open=False, modules=1, lessons_per_module=1)
    response = upload(admin_client, course, HEADER, "a@example.org,A,X")
    assert response.context["form"].errors["course"] == ["Enrolment in this course is closed."]
    assert not User.objects.filter(email="a@example.org").exists()


def test_a_course_that_is_not_live_cannot_be_chosen(admin_client, course_builder):
    course = course_builder(modules=1, lessons_per_module=1)
    course.unpublish()
    response = upload(admin_client, course, HEADER, "a@example.org,A,X")
    assert "course" in response.context["form"].errors
