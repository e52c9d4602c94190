"""Name corrections: a learner asks, from "My learning", for the name on a certificate to be
corrected; staff approve (a replacement certificate with the new name) or refuse (with a
message) in the admin; the request stays as the audit trail, which no admin URL edits."""

from __future__ import annotations

import threading

import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.test import Client
from django.urls import reverse
from wagtail.models import ModelLogEntry

from certificates.corrections import (
    NameCorrectionRefused,
    approve_name_correction,
    refuse_name_correction,
    request_name_correction,
)
from certificates.lifecycle import revoke_certificate
from certificates.models import Certificate, NameCorrectionRequest
from tests.processes import publishing_to
from tests.staff import flash, learner, staff_in_group
from tests.test_certificate_admin import complete_course, issued
from worker.certificates import issue

pytestmark = pytest.mark.usefixtures("own_cache")

Status = Certificate.Status
Request = NameCorrectionRequest.Status
INDEX = reverse("name_corrections:index")


def correction_url(certificate: Certificate) -> str:
    return reverse("certificate_name_correction", args=[certificate.code])


def detail_url(correction: NameCorrectionRequest) -> str:
    return reverse("name_corrections:inspect", args=[correction.pk])


def decision_url(action: str, correction: NameCorrectionRequest) -> str:
    return reverse(f"name_corrections:{action}", args=[correction.pk])


def verify_url(code: str) -> str:
    return reverse("certificate_verify", args=[code])


def ask(client: Client, certificate: Certificate, name: str, reason: str = "Misspelt."):
    return client.post(correction_url(certificate), {"requested_name": name, "reason": reason})


def snapshot() -> tuple:
    """Everything a correction may write, to show that a refused one wrote nothing."""
    return (
        list(
            NameCorrectionRequest.objects.order_by("pk").values_list(
                "pk", "status", "decided_by", "decided_at", "decision_message", "replacement"
            )
        ),
        list(Certificate.objects.order_by("pk").values_list("pk", "status", "replaced_by")),
        ModelLogEntry.objects.count(),
    )


@pytest.fixture(autouse=True)
def pdfs_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def first_aid(course_builder):
    return course_builder(title="Psychological first aid", modules=1, lessons_per_module=2)


@pytest.fixture
def amina(db):
    return learner("amina", full_name="Amina Yusef")


@pytest.fixture
def certificate(amina, first_aid) -> Certificate:
    return issued(amina, first_aid)


@pytest.fixture
def amina_client(client, amina) -> Client:
    client.force_login(amina)
    return client


@pytest.fixture
def pending(certificate, amina) -> NameCorrectionRequest:
    return request_name_correction(certificate, amina, "Amina Yusuf", "My surname is misspelt.")


@pytest.fixture
def officer(db):
    return staff_in_group("Certificate officers", "view_certificate", "change_certificate")


@pytest.fixture
def officer_client(officer) -> Client:
    browser = Client()
    browser.force_login(officer)
    return browser


# The learner's page


def test_the_owner_sees_the_name_printed_and_a_labelled_form(amina_client, certificate):
    response = amina_client.get(correction_url(certificate))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Amina Yusef" in html
    assert 'id="current-name"' in html
    assert '<label for="id_requested_name">' in html
    assert '<label for="id_reason">' in html
    name_box = html[html.index('name="requested_name"') :].split(">")[0]
    assert 'autocomplete="name"' in name_box
    assert 'dir="auto"' in name_box
    assert 'value="' not in name_box  # empty, with the current name shown above it


def test_my_learning_links_each_issued_certificate_to_its_correction_page(
    amina_client, certificate
):
    html = amina_client.get(reverse("my_learning")).content.decode()
    assert f'href="{correction_url(certificate)}"' in html
    assert "Ask to correct the name" in html
    assert "Name correction requested on" not in html


@pytest.mark.parametrize("who", ["another learner", "staff"])
def test_a_certificate_that_is_not_yours_is_not_found(client, certificate, who):
    if who == "staff":
        client.force_login(staff_in_group("Officers", "view_certificate", "change_certificate"))
    else:
        client.force_login(learner("lena"))
    before = snapshot()
    assert client.get(correction_url(certificate)).status_code == 404
    assert ask(client, certificate, "Lena Berg").status_code == 404
    assert client.get(reverse("certificate_name_correction", args=["NOSUCHCODE"])).status_code == (
        404
    )
    assert snapshot() == before


def test_a_visitor_who_is_not_logged_in_is_asked_to_log_in(client, certificate):
    response = client.get(correction_url(certificate))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_asking_records_the_request_and_goes_back_to_my_learning(amina_client, amina, certificate):
    response = ask(amina_client, certificate, "  Amina   Yusuf ", "My surname is misspelt.")

    assert response.status_code == 302
    assert response["Location"] == reverse("my_learning")
    assert "We have your request" in flash(response)[0]
    correction = NameCorrectionRequest.objects.get()
    assert (correction.certificate, correction.requested_by) == (certificate, amina)
    assert (correction.current_name, correction.requested_name) == ("Amina Yusef", "Amina Yusuf")
    assert (correction.reason, correction.status) == ("My surname is misspelt.", Request.PENDING)
    assert Certificate.objects.get(pk=certificate.pk).status == Status.ISSUED

    html = amina_client.get(reverse("my_learning")).content.decode()
    assert "Name correction requested on" in html

    page = amina_client.get(correction_url(certificate)).content.decode()
    assert "Waiting for an answer from our team" in page
    assert "You have already asked to correct this name." in page
    assert 'name="requested_name"' not in page


@pytest.mark.parametrize(
    ("name", "reason", "error"),
    [
        ("", "Misspelt.", "This field is required."),
        ("   ", "Misspelt.", "This field is required."),
        ("Amina Yusef", "Misspelt.", "This is already the name on the certificate."),
        (" Amina  Yusef ", "Misspelt.", "This is already the name on the certificate."),
        ("Amina Yusuf", "", "This field is required."),
        ("A" * 151, "Misspelt.", "Ensure this value has at most 150 characters"),
    ],
)
def test_a_request_with_errors_is_shown_again_and_nothing_is_written(
    amina_client, certificate, name, reason, error
):
    before = snapshot()
    response = ask(amina_client, certificate, name, reason)
    assert response.status_code == 200
    html = response.content.decode()
    assert "There is a problem" in html
    assert error in html
    assert snapshot() == before


def test_only_one_request_waits_at_a_time(amina_client, certificate, pending):
    before = snapshot()
    response = ask(amina_client, certificate, "Amina Y.")
    assert response.status_code == 200
    assert "You have already asked to correct this name." in response.content.decode()
    assert snapshot() == before


def test_the_rules_hold_for_the_domain_function_too(amina, certificate, first_aid):
    before = snapshot()
    for user, name, reason in [
        (learner("lena"), "Lena Berg", "Mine."),
        (amina, "", "Misspelt."),
        (amina, "Amina Yusef", "Misspelt."),
        (amina, "Amina Yusuf", "  "),
        (amina, "A" * 151, "Misspelt."),
    ]:
        with pytest.raises(NameCorrectionRefused):
            request_name_correction(certificate, user, name, reason)
    assert snapshot() == before


def test_a_certificate_not_yet_issued_or_revoked_cannot_be_corrected(
    amina_client, amina, course_builder, certificate, admin_user
):
    waiting = complete_course(amina, course_builder(modules=1, lessons_per_module=1))
    revoke_certificate(certificate, admin_user, "Issued by mistake.")
    before = snapshot()
    for target, why in [
        (waiting, "once the certificate is ready"),
        (certificate, "was withdrawn"),
    ]:
        response = ask(amina_client, target, "Amina Yusuf")
        assert response.status_code == 200
        assert why in response.content.decode()
    assert snapshot() == before


def test_the_request_form_is_protected_against_cross_site_requests(amina, certificate):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(amina)
    assert ask(browser, certificate, "Amina Yusuf").status_code == 403
    assert not NameCorrectionRequest.objects.exists()


# Approving


def test_approving_issues_one_replacement_with_the_new_name_and_the_old_code_points_to_it(
    client, officer_client, officer, certificate, pending
):
    response = officer_client.post(
        decision_url("approve", pending), {"approve-message": "Corrected, sorry."}
    )

    assert response.status_code == 302
    assert response["Location"] == detail_url(pending)
    assert "Approved." in flash(response)[0]
    old = Certificate.objects.get(pk=certificate.pk)
    new = old.replaced_by
    assert Certificate.objects.count() == 2
    assert old.status == Status.REPLACED
    assert old.learner_name == "Amina Yusef"  # what it stated stays as it was
    assert (new.status, new.learner_name) == (Status.PENDING, "Amina Yusuf")
    assert (new.enrolment_id, new.cycle, new.course_title) == (
        old.enrolment_id,
        old.cycle,
        old.course_title,
    )
    correction = NameCorrectionRequest.objects.get(pk=pending.pk)
    assert (correction.status, correction.decided_by) == (Request.APPROVED, officer)
    assert correction.decided_at is not None
    assert (correction.decision_message, correction.replacement) == ("Corrected, sorry.", new)
    assert ModelLogEntry.objects.filter(
        action="certificates.name_correction.approve", user=officer
    ).exists()
    assert (
        f"Name correction request {pending.pk}"
        in (ModelLogEntry.objects.get(action="certificates.reissue").data["reason"])
    )

    assert issue(new.pk) == "issued"
    html = client.get(verify_url(old.code)).content.decode()
    assert "Replaced: this certificate was replaced by a newer one." in html
    assert f'href="{verify_url(new.code)}"' in html
    new_page = client.get(verify_url(new.code)).content.decode()
    assert "Valid certificate" in new_page
    assert "Amina Yusuf" in new_page


def test_approving_twice_creates_one_replacement(officer_client, officer, pending):
    url = decision_url("approve", pending)
    officer_client.post(url, {"approve-message": ""})
    before = snapshot()
    response = officer_client.post(url, {"approve-message": "Again."})
    assert flash(response)[-1] == "This request was already decided: approved."
    assert snapshot() == before
    with pytest.raises(NameCorrectionRefused):
        approve_name_correction(pending, officer)
    assert Certificate.objects.count() == 2


def test_the_learner_sees_the_approval_and_the_new_code(amina_client, officer, pending):
    replacement = approve_name_correction(pending, officer, "Done.")
    html = amina_client.get(correction_url(pending.certificate)).content.decode()
    assert "Approved on" in html
    assert replacement.display_code in html
    assert "Done." in html
    assert "This certificate was replaced by a newer one." in html  # no new request here
    my_learning = amina_client.get(reverse("my_learning")).content.decode()
    assert "Name correction requested on" not in my_learning


def test_approving_a_certificate_revoked_meanwhile_changes_nothing(
    officer_client, officer, certificate, pending
):
    revoke_certificate(certificate, officer, "Issued by mistake.")
    before = snapshot()
    response = officer_client.post(decision_url("approve", pending), {"approve-message": ""})
    assert flash(response)[-1] == (
        "Only an issued certificate can be reissued; this one is revoked."
    )
    assert snapshot() == before


# Refusing


def test_refusing_needs_a_message(officer_client, pending):
    before = snapshot()
    response = officer_client.post(decision_url("refuse", pending), {"refuse-message": " "})
    assert response.status_code == 200
    assert "This field is required." in response.content.decode()
    assert snapshot() == before
    with pytest.raises(NameCorrectionRefused):
        refuse_name_correction(pending, pending.requested_by, "")
    assert snapshot() == before


def test_refusing_keeps_the_certificate_and_the_learner_reads_the_message(
    officer_client, officer, amina_client, certificate, pending
):
    message = "Your ID shows the name as printed. Send us a copy of your new ID."
    response = officer_client.post(decision_url("refuse", pending), {"refuse-message": message})

    assert response.status_code == 302
    correction = NameCorrectionRequest.objects.get(pk=pending.pk)
    assert (correction.status, correction.decided_by) == (Request.REFUSED, officer)
    assert (correction.decision_message, correction.replacement) == (message, None)
    assert Certificate.objects.get(pk=certificate.pk).status == Status.ISSUED
    assert Certificate.objects.count() == 1

    html = amina_client.get(correction_url(certificate)).content.decode()
    assert "Not approved on" in html
    assert message in html
    assert 'name="requested_name"' in html  # they may ask again
    assert ask(amina_client, certificate, "Amina Yusuf", "Here is my new ID.").status_code == 302
    assert NameCorrectionRequest.objects.filter(status=Request.PENDING).count() == 1


def test_a_decided_request_offers_no_forms_and_cannot_be_decided_again(
    officer_client, officer, pending
):
    refuse_name_correction(pending, officer, "Not the same person.")
    page = officer_client.get(detail_url(pending)).content.decode()
    assert 'id="correction-approve"' not in page
    assert 'id="correction-refuse"' not in page

    before = snapshot()
    for action in ("approve", "refuse"):
        response = officer_client.post(decision_url(action, pending), {f"{action}-message": "X"})
        assert flash(response)[-1] == "This request was already decided: refused."
    assert snapshot() == before


# The admin list and page


def test_the_list_shows_waiting_requests_first_and_filters_by_status(
    admin_client, officer, certificate, pending, course_builder
):
    other = issued(learner("joao", full_name="Joao Silva"), course_builder(title="Safe shelter"))
    refused = request_name_correction(other, other.enrolment.user, "João Silva", "Accent.")
    refuse_name_correction(refused, officer, "Keep it.")
    later = issued(learner("lena", full_name="Lena Berg"), course_builder(title="Water"))
    waiting = request_name_correction(later, later.enrolment.user, "Lena Bergström", "Married.")

    html = admin_client.get(INDEX).content.decode()
    positions = [html.index(detail_url(c)) for c in (waiting, pending, refused)]
    assert positions == sorted(positions)
    assert "Psychological first aid" in html

    oldest_first = admin_client.get(INDEX, {"ordering": "requested_at"}).content.decode()
    positions = [oldest_first.index(detail_url(c)) for c in (pending, refused, waiting)]
    assert positions == sorted(positions)

    filtered = admin_client.get(INDEX, {"status": "refused"}).content.decode()
    assert detail_url(refused) in filtered
    assert detail_url(pending) not in filtered


def test_the_page_shows_the_whole_audit_trail(admin_client, officer, certificate, pending):
    replacement = approve_name_correction(pending, officer, "Corrected.")
    html = admin_client.get(detail_url(pending)).content.decode()
    for text in (
        "Amina Yusef",  # asked by, and the name printed
        "amina@example.org",
        "Amina Yusuf",
        "My surname is misspelt.",
        officer.display_name,  # who decided
        "Corrected.",
        replacement.display_code,
        reverse("certificates:inspect", args=[replacement.pk]),
        reverse("certificates:inspect", args=[certificate.pk]),
        "Asked for the name on",
        "Approved: " + replacement.display_code,
    ):
        assert text in html, text


def test_no_admin_url_edits_adds_or_deletes_a_request(admin_client, pending):
    before = snapshot()
    for path in (
        "/admin/name_corrections/new/",
        f"/admin/name_corrections/edit/{pending.pk}/",
        f"/admin/name_corrections/delete/{pending.pk}/",
        f"/admin/name_corrections/copy/{pending.pk}/",
        f"/admin/name_corrections/history/{pending.pk}/",
        f"/admin/snippets/certificates/namecorrectionrequest/edit/{pending.pk}/",
    ):
        assert admin_client.get(path).status_code == 404, path
        assert admin_client.post(path, {"requested_name": "Someone else"}).status_code == 404
    for action in ("approve", "refuse"):
        assert admin_client.get(decision_url(action, pending)).status_code == 405
    assert snapshot() == before
    html = admin_client.get(detail_url(pending)).content.decode()
    assert "/admin/name_corrections/edit/" not in html
    assert "/admin/name_corrections/delete/" not in html


def test_groups_are_offered_no_permissions_of_the_request_itself(admin_client):
    html = admin_client.get(reverse("wagtailusers_groups:add")).content.decode()
    own = Permission.objects.filter(content_type__model="namecorrectionrequest")
    assert own.exists()
    assert not [p.codename for p in own if f'value="{p.pk}"' in html]


# Who may see and decide


def test_staff_without_certificate_permissions_are_turned_away(client, pending):
    client.force_login(staff_in_group("Enrolment viewers", "view_enrolment"))
    before = snapshot()
    for response in (
        client.get(INDEX),
        client.get(detail_url(pending)),
        client.post(decision_url("approve", pending), {"approve-message": ""}),
        client.post(decision_url("refuse", pending), {"refuse-message": "No."}),
    ):
        # Wagtail's answer to a missing permission: back to the dashboard, with a message.
        assert response.status_code == 302
        assert response["Location"] == reverse("wagtailadmin_home")
    assert snapshot() == before
    assert f'"{INDEX}"' not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_learners_without_admin_access_are_sent_to_log_in(amina_client, pending):
    before = snapshot()
    for response in (
        amina_client.get(INDEX),
        amina_client.post(decision_url("approve", pending), {"approve-message": ""}),
    ):
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_login"))
    assert snapshot() == before


def test_the_view_permission_shows_requests_but_no_decisions(client, pending):
    client.force_login(staff_in_group("Certificate viewers", "view_certificate"))
    assert f'"{INDEX}"' in client.get(reverse("wagtailadmin_home")).content.decode()  # the menu
    assert client.get(INDEX).status_code == 200
    page = client.get(detail_url(pending))
    assert page.status_code == 200
    assert 'id="correction-approve"' not in page.content.decode()

    before = snapshot()
    response = client.post(decision_url("approve", pending), {"approve-message": ""})
    assert response["Location"] == reverse("wagtailadmin_home")
    assert snapshot() == before


def test_decisions_are_protected_against_cross_site_requests(officer, pending):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(officer)
    before = snapshot()
    assert browser.post(decision_url("approve", pending), {"approve-message": ""}).status_code == (
        403
    )
    assert snapshot() == before


# Races between real connections (row locks on PostgreSQL, immediate transactions on SQLite)


def at_once(*calls) -> list[str]:
    """Run each call from its own thread and connection, released together; each outcome is
    "done" or the refusal's message. Tasks they enqueue go to a queue nobody reads."""
    barrier = threading.Barrier(len(calls))
    outcomes: list[str] = []

    def attempt(call):
        try:
            with publishing_to("memory://", "cache+memory://"):
                barrier.wait(timeout=10)
                call()
            outcomes.append("done")
        except NameCorrectionRefused as refused:
            outcomes.append(str(refused))
        finally:
            connection.close()

    threads = [threading.Thread(target=attempt, args=(call,)) for call in calls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return outcomes


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_staff_approving_at_once_create_one_replacement(certificate, amina):
    with publishing_to("memory://", "cache+memory://"):
        correction = request_name_correction(certificate, amina, "Amina Yusuf", "Misspelt.")
    first = staff_in_group("Officers A", "change_certificate")
    second = staff_in_group("Officers B", "change_certificate")

    outcomes = at_once(
        lambda: approve_name_correction(correction, first),
        lambda: approve_name_correction(correction, second),
    )

    assert sorted(outcomes) == ["This request was already decided: approved.", "done"]
    assert Certificate.objects.count() == 2
    assert Certificate.objects.filter(status=Status.REPLACED).count() == 1
    correction.refresh_from_db()
    assert correction.replacement.learner_name == "Amina Yusuf"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_asking_twice_at_once_leaves_one_pending_request(certificate, amina):
    outcomes = at_once(
        lambda: request_name_correction(certificate, amina, "Amina Yusuf", "Misspelt."),
        lambda: request_name_correction(certificate, amina, "Amina Yousef", "Misspelt."),
    )
    assert sorted(outcomes) == [
        "You have already asked to correct this name. Our team will answer soon.",
        "done",
    ]
    assert NameCorrectionRequest.objects.filter(status=Request.PENDING).count() == 1
