"""Staff in the Wagtail admin: the certificates list and its exports, one certificate's page,
and retrying, revoking and reissuing, each kept in the certificate's history."""

from __future__ import annotations

import csv
import io

import openpyxl
import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from certificates.lifecycle import CertificateActionRefused, retry_certificate, revoke_certificate
from certificates.models import Certificate
from courses.learning.completion import complete_lesson
from courses.learning.enrolment import enrol
from courses.models import LessonPage
from tests.staff import flash, learner, staff_in_group
from worker.certificates import issue, mark_failed

User = get_user_model()
INDEX = reverse("certificates:index")
Status = Certificate.Status


def inspect_url(certificate: Certificate) -> str:
    return reverse("certificates:inspect", args=[certificate.pk])


def action_url(action: str, certificate: Certificate) -> str:
    return reverse(f"certificates:{action}", args=[certificate.pk])


def complete_course(user: User, course) -> Certificate:
    """Enrol and complete every lesson, as a learner does: the pending certificate appears."""
    enrol(user, course)
    for lesson in LessonPage.objects.descendant_of(course).order_by("path"):
        complete_lesson(user, lesson)
    return Certificate.objects.get(
        enrolment__user=user, enrolment__course_key=course.translation_key
    )


def issued(user: User, course) -> Certificate:
    certificate = complete_course(user, course)
    assert issue(certificate.pk) == "issued"
    return Certificate.objects.get(pk=certificate.pk)


def failed(user: User, course, reason: str = "OSError: storage unavailable") -> Certificate:
    certificate = complete_course(user, course)
    mark_failed(certificate.pk, reason)
    return Certificate.objects.get(pk=certificate.pk)


def state(certificate: Certificate) -> tuple:
    """Everything an action may change, to show that a refused one changed nothing."""
    certificate = Certificate.objects.get(pk=certificate.pk)
    return (
        certificate.status,
        certificate.failure_reason,
        certificate.revoked_at,
        certificate.revoked_reason,
        certificate.replaced_by_id,
        Certificate.objects.count(),
        ModelLogEntry.objects.count(),
    )


@pytest.fixture(autouse=True)
def pdfs_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def first_aid(course_builder):
    return course_builder(title="Psychological first aid", modules=1, lessons_per_module=2)


@pytest.fixture
def shelter(course_builder):
    return course_builder(title="Safe shelter", modules=1, lessons_per_module=1)


@pytest.fixture
def amina_issued(first_aid) -> Certificate:
    return issued(learner("amina", full_name="Amina Yusuf"), first_aid)


@pytest.fixture
def joao_failed(shelter) -> Certificate:
    return failed(learner("joao", full_name="João Silva"), shelter)


# The list


def test_list_shows_certificates_with_their_status_and_short_failure(
    admin_client, amina_issued, joao_failed, first_aid
):
    lena_pending = complete_course(learner("lena", full_name="Lena Berg"), first_aid)
    Certificate.objects.filter(pk=joao_failed.pk).update(failure_reason="Boom " * 40)

    response = admin_client.get(INDEX)

    assert response.status_code == 200
    html = response.content.decode()
    for text in (
        "Amina Yusuf",
        "João Silva",
        "Lena Berg",
        "Psychological first aid",
        "Safe shelter",
        "Issued",
        "Failed",
        "Pending",
        amina_issued.display_code,
        inspect_url(lena_pending),
    ):
        assert text in html
    assert "Boom " * 10 in html
    assert "Boom " * 20 not in html  # shortened in the list; whole on the certificate's page


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"status": "failed"}, {"joao"}),
        ({"status": "issued"}, {"amina"}),
        ({"course": "Safe shelter"}, {"joao"}),
        ({"q": "yusuf"}, {"amina"}),
    ],
)
def test_filters_and_search_narrow_the_list(
    admin_client, amina_issued, joao_failed, query, expected
):
    response = admin_client.get(INDEX, query)
    assert response.status_code == 200
    shown = {certificate.enrolment.user.username for certificate in response.context["object_list"]}
    assert shown == expected


def test_search_finds_a_certificate_by_its_code_as_people_type_it(
    admin_client, amina_issued, joao_failed
):
    typed = amina_issued.display_code.lower()[:17]  # "abcde-fghij-kmnpq", say
    response = admin_client.get(INDEX, {"q": typed})
    assert [c.pk for c in response.context["object_list"]] == [amina_issued.pk]


def test_issued_date_range_filter(admin_client, amina_issued, joao_failed):
    day = timezone.localdate(amina_issued.issued_at).isoformat()
    response = admin_client.get(INDEX, {"issued_from": day, "issued_to": day})
    assert [c.pk for c in response.context["object_list"]] == [amina_issued.pk]
    response = admin_client.get(INDEX, {"issued_from": "2000-01-01", "issued_to": "2000-01-02"})
    assert list(response.context["object_list"]) == []


def test_list_queries_stay_flat_as_certificates_grow(admin_client, first_aid):
    complete_course(learner("first"), first_aid)
    admin_client.get(INDEX)  # warm Wagtail's per-process caches

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert admin_client.get(INDEX).status_code == 200
        return len(captured)

    one = queries()
    for n in range(14):
        certificate = complete_course(learner(f"learner{n}", full_name=f"Learner {n}"), first_aid)
        if n % 3 == 0:
            mark_failed(certificate.pk, "ValueError: no fonts")
    assert Certificate.objects.count() == 15
    assert queries() == one


def test_list_offers_no_add_edit_or_delete(admin_client, amina_issued):
    html = admin_client.get(INDEX).content.decode()
    for path in ("/admin/certificates/new/", "/admin/certificates/edit/", "/delete/"):
        assert path not in html
    for path in (
        "/admin/certificates/new/",
        f"/admin/certificates/edit/{amina_issued.pk}/",
        f"/admin/certificates/delete/{amina_issued.pk}/",
        f"/admin/certificates/copy/{amina_issued.pk}/",
    ):
        assert admin_client.get(path).status_code == 404


# Exports


def test_csv_export_has_the_listed_columns_and_filtered_rows(
    admin_client, amina_issued, joao_failed
):
    response = admin_client.get(INDEX, {"export": "csv", "status": "failed"})
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="certificates.csv"'
    text = b"".join(response.streaming_content).decode()
    rows = list(csv.DictReader(io.StringIO(text)))
    assert list(rows[0]) == [
        "Learner",
        "Course",
        "Status",
        "Code",
        "Created",
        "Issued",
        "Expires",
        "Tries",
        "Failure reason",
        "Revoked",
        "Revocation reason",
    ]
    [row] = rows
    assert row["Learner"] == "João Silva"
    assert row["Course"] == "Safe shelter"
    assert row["Status"] == "Failed"
    assert row["Code"] == joao_failed.display_code
    assert row["Failure reason"] == "OSError: storage unavailable"
    assert row["Expires"] == ""  # the course's certificates never expire


def test_csv_export_cannot_carry_a_formula_typed_by_a_learner(admin_client, first_aid):
    complete_course(
        learner("mallory", full_name='=HYPERLINK("http://evil.example","x")'), first_aid
    )
    text = b"".join(admin_client.get(INDEX, {"export": "csv"}).streaming_content).decode()
    [row] = csv.DictReader(io.StringIO(text))
    assert row["Learner"].startswith("'=")


def test_xlsx_export_has_the_same_rows(admin_client, amina_issued, joao_failed):
    response = admin_client.get(INDEX, {"export": "xlsx"})
    assert response.status_code == 200
    assert "certificates.xlsx" in response["Content-Disposition"]
    workbook = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    header, *rows = workbook.active.iter_rows(values_only=True)
    assert header[:4] == ("Learner", "Course", "Status", "Code")
    assert {row[:4] for row in rows} == {
        ("Amina Yusuf", "Psychological first aid", "Issued", amina_issued.display_code),
        ("João Silva", "Safe shelter", "Failed", joao_failed.display_code),
    }


# One certificate's page


def test_page_shows_the_statement_status_and_links(admin_client, amina_issued):
    response = admin_client.get(inspect_url(amina_issued))
    assert response.status_code == 200
    html = response.content.decode()
    for text in (
        "Amina Yusuf",
        "Psychological first aid",
        amina_issued.display_code,
        amina_issued.organisation,
        reverse("certificate_verify", args=[amina_issued.code]),
        reverse("certificate_download", args=[amina_issued.code]),
        'id="certificate-revoke"',
        'id="certificate-reissue"',
        'name="csrfmiddlewaretoken"',
    ):
        assert text in html
    assert 'id="certificate-retry"' not in html


def test_page_of_a_failed_certificate_shows_why_and_offers_only_retry(admin_client, joao_failed):
    html = admin_client.get(inspect_url(joao_failed)).content.decode()
    assert "OSError: storage unavailable" in html
    assert 'id="certificate-retry"' in html
    assert 'id="certificate-revoke"' not in html
    assert 'id="certificate-reissue"' not in html
    # Not issued: nothing to verify or download yet.
    assert reverse("certificate_verify", args=[joao_failed.code]) not in html


# Retry


def test_retrying_a_failed_certificate_makes_it_pending_and_it_can_then_be_issued(
    admin_client, joao_failed, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = admin_client.post(action_url("retry", joao_failed))

    assert response.status_code == 302
    assert response["Location"] == inspect_url(joao_failed)
    assert flash(response) == ["The certificate is pending again and will be issued shortly."]
    joao_failed.refresh_from_db()
    assert joao_failed.status == Status.PENDING
    assert joao_failed.failure_reason == ""
    assert len(callbacks) == 1  # the issue task, sent once the transaction commits

    assert issue(joao_failed.pk) == "issued"
    joao_failed.refresh_from_db()
    assert joao_failed.status == Status.ISSUED
    assert joao_failed.pdf

    [entry] = ModelLogEntry.objects.filter(action="certificates.retry")
    assert entry.user.username == "admin"
    assert entry.data["failure_reason"] == "OSError: storage unavailable"


def test_retrying_twice_enqueues_once(admin_user, joao_failed, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        retry_certificate(joao_failed, admin_user)
        with pytest.raises(CertificateActionRefused, match="Only a failed certificate"):
            retry_certificate(joao_failed, admin_user)
    assert len(callbacks) == 1
    assert ModelLogEntry.objects.filter(action="certificates.retry").count() == 1


# Revoke


def test_revoking_needs_a_reason(admin_client, amina_issued):
    before = state(amina_issued)
    response = admin_client.post(action_url("revoke", amina_issued), {"revoke-reason": "   "})
    assert response.status_code == 200
    assert "This field is required." in response.content.decode()
    assert state(amina_issued) == before

    with pytest.raises(CertificateActionRefused, match="Give a reason"):
        revoke_certificate(amina_issued, User.objects.get(username="admin"), "")
    assert state(amina_issued) == before


def test_revoking_records_who_when_and_why_and_the_public_page_says_revoked(
    admin_client, client, amina_issued, own_cache
):
    response = admin_client.post(
        action_url("revoke", amina_issued), {"revoke-reason": "Completed by someone else."}
    )
    assert response.status_code == 302
    amina_issued.refresh_from_db()
    assert amina_issued.status == Status.REVOKED
    assert amina_issued.revoked_at is not None
    assert amina_issued.revoked_reason == "Completed by someone else."
    assert amina_issued.pdf  # kept: it is what was issued

    [entry] = ModelLogEntry.objects.filter(action="certificates.revoke")
    assert entry.object_id == str(amina_issued.pk)
    assert entry.user.username == "admin"
    assert entry.timestamp >= amina_issued.revoked_at
    assert entry.data == {"reason": "Completed by someone else."}

    page = admin_client.get(inspect_url(amina_issued)).content.decode()
    assert "Revoked: Completed by someone else." in page
    assert 'id="certificate-revoke"' not in page

    history = admin_client.get(reverse("certificates:history", args=[amina_issued.pk]))
    assert history.status_code == 200
    assert "Revoked: Completed by someone else." in history.content.decode()
    assert "Revoke certificate" in history.content.decode()  # the action's label, as a filter

    public = client.get(reverse("certificate_verify", args=[amina_issued.code]))
    assert public.status_code == 200
    assert "Revoked" in public.content.decode()
    assert "Completed by someone else." in public.content.decode()


def test_the_site_history_report_lists_certificate_actions_and_links_to_the_certificate(
    admin_client, amina_issued
):
    admin_client.post(action_url("revoke", amina_issued), {"revoke-reason": "Duplicate."})
    response = admin_client.get(reverse("wagtailadmin_reports:site_history"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Revoked: Duplicate." in html
    assert inspect_url(amina_issued) in html


# Reissue


def test_a_reissued_certificate_keeps_the_learners_language_not_the_staff_members(
    admin_client, amina_issued
):
    Certificate.objects.filter(pk=amina_issued.pk).update(language="fr")
    admin_client.post(action_url("reissue", amina_issued), {"reissue-reason": "Name misspelt."})
    assert Certificate.objects.get(pk=amina_issued.pk).replaced_by.language == "fr"


def test_reissuing_after_a_name_correction_creates_a_new_certificate_with_the_new_name(
    admin_client, amina_issued, django_capture_on_commit_callbacks
):
    user = amina_issued.enrolment.user
    user.full_name = "Amina Yusuf Bello"
    user.save()

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = admin_client.post(
            action_url("reissue", amina_issued), {"reissue-reason": "Surname was missing."}
        )

    old = Certificate.objects.get(pk=amina_issued.pk)
    new = old.replaced_by
    assert new is not None
    assert response.status_code == 302
    assert response["Location"] == inspect_url(new)
    # The issue task, and dropping the cached status lists so the old one shows withdrawn.
    assert len(callbacks) == 2
    assert old.status == Status.REPLACED
    assert old.learner_name == "Amina Yusuf"  # what it stated stays as it was
    assert (new.status, new.learner_name) == (Status.PENDING, "Amina Yusuf Bello")
    assert new.code != old.code
    assert (new.enrolment_id, new.cycle) == (old.enrolment_id, old.cycle)
    assert (new.course_title, new.completed_at) == (old.course_title, old.completed_at)

    assert issue(new.pk) == "issued"
    old_page = admin_client.get(inspect_url(old)).content.decode()
    assert "Replaced" in old_page
    assert inspect_url(new) in old_page
    assert new.display_code in old_page
    assert "Replaced by " + new.display_code + ": Surname was missing." in old_page
    assert 'id="certificate-reissue"' not in old_page

    new_page = admin_client.get(inspect_url(new)).content.decode()
    assert inspect_url(old) in new_page  # the chain, oldest first
    assert "Created to replace " + old.display_code + ": Surname was missing." in new_page


def test_reissuing_twice_creates_one_new_certificate(admin_client, amina_issued):
    url = action_url("reissue", amina_issued)
    admin_client.post(url, {"reissue-reason": "Name corrected."})
    response = admin_client.post(url, {"reissue-reason": "Name corrected."})
    assert flash(response)[-1] == (
        "Only an issued certificate can be reissued; this one is replaced."
    )
    assert Certificate.objects.count() == 2


# Wrong state


@pytest.mark.parametrize(
    ("action", "fixture", "message"),
    [
        ("retry", "amina_issued", "Only a failed certificate can be retried; this one is issued."),
        ("revoke", "joao_failed", "Only an issued certificate can be revoked; this one is failed."),
        (
            "reissue",
            "joao_failed",
            "Only an issued certificate can be reissued; this one is failed.",
        ),
    ],
)
def test_an_action_that_does_not_fit_the_status_changes_nothing(
    admin_client, request, action, fixture, message
):
    certificate = request.getfixturevalue(fixture)
    before = state(certificate)
    response = admin_client.post(action_url(action, certificate), {f"{action}-reason": "Because."})
    assert response.status_code == 302
    assert response["Location"] == inspect_url(certificate)
    assert flash(response) == [message]
    assert state(certificate) == before


def test_a_revoked_certificate_cannot_be_reissued_or_revoked_again(admin_client, amina_issued):
    admin_client.post(action_url("revoke", amina_issued), {"revoke-reason": "Fraud."})
    before = state(amina_issued)
    for action in ("revoke", "reissue", "retry"):
        admin_client.post(action_url(action, amina_issued), {f"{action}-reason": "Again."})
    assert state(amina_issued) == before


def test_actions_only_accept_post(admin_client, joao_failed):
    before = state(joao_failed)
    assert admin_client.get(action_url("retry", joao_failed)).status_code == 405
    assert state(joao_failed) == before


# Who may use it


def test_people_without_admin_access_are_sent_to_log_in(client, amina_issued):
    client.force_login(learner("plain"))
    before = state(amina_issued)
    for response in (
        client.get(INDEX),
        client.get(inspect_url(amina_issued)),
        client.post(action_url("revoke", amina_issued), {"revoke-reason": "Mine now."}),
    ):
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_login"))
    assert state(amina_issued) == before


def test_staff_without_certificate_permissions_are_turned_away(client, amina_issued, joao_failed):
    client.force_login(staff_in_group("Enrolment viewers", "view_enrolment"))
    before = state(amina_issued), state(joao_failed)
    for response in (
        client.get(INDEX),
        client.get(INDEX, {"export": "csv"}),
        client.get(inspect_url(amina_issued)),
        client.get(reverse("certificates:history", args=[amina_issued.pk])),
        client.post(action_url("revoke", amina_issued), {"revoke-reason": "No."}),
        client.post(action_url("reissue", amina_issued), {"reissue-reason": "No."}),
        client.post(action_url("retry", joao_failed)),
    ):
        assert response.status_code == 302
        assert response["Location"] == reverse("wagtailadmin_home")
    assert (state(amina_issued), state(joao_failed)) == before
    assert f'"{INDEX}"' not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_the_view_permission_shows_certificates_but_no_actions(client, amina_issued, joao_failed):
    client.force_login(staff_in_group("Certificate viewers", "view_certificate"))
    assert f'"{INDEX}"' in client.get(reverse("wagtailadmin_home")).content.decode()  # the menu
    assert client.get(INDEX).status_code == 200
    page = client.get(inspect_url(joao_failed))
    assert page.status_code == 200
    assert 'id="certificate-retry"' not in page.content.decode()

    before = state(joao_failed)
    response = client.post(action_url("retry", joao_failed))
    assert response["Location"] == reverse("wagtailadmin_home")
    assert state(joao_failed) == before


def test_the_change_permission_allows_the_actions(client, joao_failed):
    officer = staff_in_group("Certificate officers", "view_certificate", "change_certificate")
    client.force_login(officer)
    assert 'id="certificate-retry"' in client.get(inspect_url(joao_failed)).content.decode()
    client.post(action_url("retry", joao_failed))
    assert Certificate.objects.get(pk=joao_failed.pk).status == Status.PENDING
    assert ModelLogEntry.objects.get(action="certificates.retry").user == officer


def test_only_view_and_change_can_be_given_to_groups(admin_client):
    response = admin_client.get(reverse("wagtailusers_groups:add"))
    html = response.content.decode()
    codenames = set(
        Permission.objects.filter(
            content_type__app_label="certificates", content_type__model="certificate"
        ).values_list("codename", "pk")
    )
    offered = {codename for codename, pk in codenames if f'value="{pk}"' in html}
    assert offered == {"view_certificate", "change_certificate"}


def test_actions_are_protected_against_cross_site_requests(admin_user, joao_failed):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(admin_user)
    before = state(joao_failed)
    assert browser.post(action_url("retry", joao_failed)).status_code == 403
    assert state(joao_failed) == before

    page = browser.get(inspect_url(joao_failed))
    token = page.context["csrf_token"]
    response = browser.post(action_url("retry", joao_failed), {"csrfmiddlewaretoken": str(token)})
    assert response.status_code == 302
    assert Certificate.objects.get(pk=joao_failed.pk).status == Status.PENDING
