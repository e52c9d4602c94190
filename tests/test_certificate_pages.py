"""Certificate pages: the owner's download, the public check page, the look-up form, the
rate limit, and the certificates on "My learning"."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from certificates.models import Certificate
from courses.learning.completion import complete_lesson
from courses.learning.enrolment import enrol
from courses.models import LessonPage
from tests.factories import UserFactory
from worker.certificates import issue

pytestmark = pytest.mark.usefixtures("own_cache")


@pytest.fixture
def learner(db):
    return UserFactory(full_name="Amina Diallo", email="amina@example.org", username="amina77")


def complete_course(user, course) -> None:
    enrol(user, course)
    for lesson in LessonPage.objects.descendant_of(course).order_by("path"):
        complete_lesson(user, lesson)


@pytest.fixture
def certificate(learner, course_builder, settings, tmp_path) -> Certificate:
    """An issued certificate of a completed course, its PDF rendered as the worker does."""
    settings.MEDIA_ROOT = tmp_path
    course = course_builder(title="Early warning for everyone", modules=1, lessons_per_module=2)
    complete_course(learner, course)
    pending = Certificate.objects.get(enrolment__user=learner)
    assert issue(pending.pk) == "issued"
    return Certificate.objects.get(pk=pending.pk)


def pending_certificate(user, course_builder) -> Certificate:
    course = course_builder(modules=1, lessons_per_module=1)
    complete_course(user, course)
    return Certificate.objects.get(
        enrolment__user=user,
        enrolment__course_key=course.translation_key,
        status=Certificate.Status.PENDING,
    )


def download_url(certificate: Certificate) -> str:
    return reverse("certificate_download", args=[certificate.code])


def verify_url(code: str) -> str:
    return reverse("certificate_verify", args=[code])


# Download


def test_owner_downloads_the_pdf(client, learner, certificate):
    client.force_login(learner)
    response = client.get(download_url(certificate))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert (
        f'filename="certificate-{certificate.display_code}.pdf"'
        in (response["Content-Disposition"])
    )
    assert "no-store" in response["Cache-Control"]
    assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_another_learner_cannot_download_it(client, certificate):
    client.force_login(UserFactory())
    assert client.get(download_url(certificate)).status_code == 404


def test_a_course_author_cannot_download_it(client, certificate):
    author = UserFactory()
    author.groups.add(Group.objects.get(name="Course authors"))
    client.force_login(author)
    assert client.get(download_url(certificate)).status_code == 404


def test_staff_who_may_view_certificates_and_superusers_can_download_it(client, certificate):
    staff = UserFactory()
    staff.user_permissions.add(Permission.objects.get(codename="view_certificate"))
    client.force_login(staff)
    assert client.get(download_url(certificate)).status_code == 200
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    assert client.get(download_url(certificate)).status_code == 200


def test_anonymous_visitor_is_asked_to_log_in_whether_or_not_the_code_exists(client, certificate):
    """The certificate email links to the download: logging in first leads back to it.

    The answer is the same for a code that does not exist, so it tells nobody anything."""
    response = client.get(download_url(certificate))
    assert response.status_code == 302
    assert response.url == f"/accounts/login/?next={download_url(certificate)}"
    unknown = client.get(reverse("certificate_download", args=["0" * 30]))
    assert unknown.status_code == 302 and unknown.url.startswith("/accounts/login/")


def test_owner_can_still_download_a_revoked_certificate(client, learner, certificate):
    certificate.status = Certificate.Status.REVOKED
    certificate.save()
    client.force_login(learner)
    assert client.get(download_url(certificate)).status_code == 200


def test_a_certificate_still_being_prepared_cannot_be_downloaded(client, db, course_builder):
    learner = UserFactory()
    pending = pending_certificate(learner, course_builder)
    client.force_login(learner)
    assert client.get(download_url(pending)).status_code == 404


# The public check page


def test_check_page_is_public_and_shows_what_the_certificate_states(client, certificate):
    response = client.get(verify_url(certificate.code))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Valid certificate" in html
    assert "Amina Diallo" in html
    assert "Early warning for everyone" in html
    assert certificate.course_phase in html
    assert certificate.completed_at.strftime("%-d %B %Y") in html
    assert certificate.organisation in html
    assert certificate.display_code in html
    assert "<h1>" in html and '<main id="main"' in html
    assert reverse("certificate_lookup") in html
    assert response["X-Robots-Tag"] == "noindex, nofollow"


def test_check_page_shows_nothing_private(client, learner, certificate, course_builder):
    other_course = course_builder(title="Shelter management in floods")
    enrol(learner, other_course)
    html = client.get(verify_url(certificate.code)).content.decode()
    assert "amina@example.org" not in html
    assert "amina77" not in html
    assert "Shelter management in floods" not in html
    assert f"/{certificate.enrolment_id}/" not in html


@pytest.mark.parametrize(
    "typed",
    [
        lambda code: code.lower(),
        lambda code: "-".join(code[i : i + 5] for i in range(0, 30, 5)),
        lambda code: " ".join(code[i : i + 5] for i in range(0, 30, 5)).lower(),
    ],
    ids=["lowercase", "dashed", "spaced"],
)
def test_codes_resolve_in_any_case_with_dashes_or_spaces(client, certificate, typed):
    response = client.get(verify_url(typed(certificate.code)))
    assert response.status_code == 200
    assert response.context["certificate"] == certificate


def test_letter_o_typed_for_zero_resolves(client, certificate):
    certificate.code = "0" + certificate.code[1:]
    certificate.save()
    assert client.get(verify_url("o" + certificate.code[1:])).status_code == 200


def test_unknown_code_is_a_404(client, db):
    response = client.get(verify_url("ABCDE12345ABCDE12345ABCDE12345"))
    assert response.status_code == 404


def test_pending_or_failed_certificate_has_no_check_page(client, db, course_builder):
    pending = pending_certificate(UserFactory(), course_builder)
    assert client.get(verify_url(pending.code)).status_code == 404
    pending.status = Certificate.Status.FAILED
    pending.save()
    assert client.get(verify_url(pending.code)).status_code == 404


def test_revoked_certificate_says_when_and_why(client, certificate):
    certificate.status = Certificate.Status.REVOKED
    certificate.revoked_at = timezone.make_aware(timezone.datetime(2026, 3, 4, 12))
    certificate.revoked_reason = "Issued by mistake"
    certificate.save()
    html = client.get(verify_url(certificate.code)).content.decode()
    assert "Revoked certificate" in html
    assert "Revoked on 4 March 2026: Issued by mistake" in html
    assert "Valid certificate" not in html


def test_replaced_certificate_links_to_the_current_one(client, certificate):
    certificate.status = Certificate.Status.REPLACED
    certificate.save()
    newer = Certificate.objects.create(
        enrolment=certificate.enrolment,
        learner_name="Amina N. Diallo",
        course_title=certificate.course_title,
        course_phase=certificate.course_phase,
        completed_at=certificate.completed_at,
        organisation=certificate.organisation,
        status=Certificate.Status.ISSUED,
    )
    certificate.replaced_by = newer
    certificate.save()
    html = client.get(verify_url(certificate.code)).content.decode()
    assert "Replaced: this certificate was replaced by a newer one." in html
    assert f'href="{verify_url(newer.code)}"' in html
    assert "Valid certificate" in client.get(verify_url(newer.code)).content.decode()


def test_a_replacement_still_being_prepared_is_not_linked(client, certificate):
    certificate.status = Certificate.Status.REPLACED
    certificate.save()
    certificate.replaced_by = Certificate.objects.create(
        enrolment=certificate.enrolment,
        learner_name="Amina N. Diallo",
        course_title=certificate.course_title,
        course_phase=certificate.course_phase,
        completed_at=certificate.completed_at,
        organisation=certificate.organisation,
    )
    certificate.save()
    html = client.get(verify_url(certificate.code)).content.decode()
    assert verify_url(certificate.replaced_by.code) not in html
    assert "still being prepared" in html


def test_editing_the_profile_name_leaves_the_issued_certificate_as_it_was(
    client, learner, certificate
):
    client.force_login(learner)
    response = client.post("/accounts/profile/", {"full_name": "Amina Renamed"})
    assert response.status_code == 302
    learner.refresh_from_db()
    assert learner.full_name == "Amina Renamed"
    certificate.refresh_from_db()
    assert certificate.learner_name == "Amina Diallo"
    html = client.get(verify_url(certificate.code)).content.decode()
    assert "Amina Diallo" in html and "Amina Renamed" not in html


# The look-up form


def test_lookup_form_has_a_labelled_code_field(client, db):
    response = client.get(reverse("certificate_lookup"))
    assert response.status_code == 200
    html = response.content.decode()
    assert '<label for="certificate-code">Certificate code</label>' in html
    for attribute in [
        'name="code"',
        'autocomplete="off"',
        'spellcheck="false"',
        'autocapitalize="characters"',
        'aria-describedby="certificate-code-hint"',
    ]:
        assert attribute in html
    assert 'method="get"' in html
    assert "The code is printed under the QR code" in html


def test_lookup_form_goes_to_the_check_page(client, certificate):
    typed = certificate.display_code.lower().replace("-", " - ")
    response = client.get(reverse("certificate_lookup"), {"code": typed})
    assert response.status_code == 302
    assert response.url == verify_url(certificate.code)
    assert client.get(response.url).status_code == 200


def test_lookup_form_sent_empty_says_what_to_do(client, db):
    response = client.get(reverse("certificate_lookup"), {"code": " - "})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Enter the certificate code." in html
    assert 'aria-invalid="true"' in html


def test_lookup_of_an_unknown_code_ends_on_a_404(client, db):
    response = client.get(reverse("certificate_lookup"), {"code": "nothing-like-it"}, follow=True)
    assert response.status_code == 404


def test_the_fourth_lookup_in_a_minute_is_refused(client, certificate, settings):
    settings.CERTIFICATE_VERIFY_RATE = "3/m"
    lookup = reverse("certificate_lookup")
    for _ in range(3):
        assert client.get(lookup, {"code": certificate.code}).status_code == 302
    response = client.get(lookup, {"code": certificate.code})
    assert response.status_code == 429
    assert "Wait a minute and try again" in response.content.decode()


def test_the_fourth_check_page_in_a_minute_is_refused(client, certificate, settings):
    settings.CERTIFICATE_VERIFY_RATE = "3/m"
    for _ in range(3):
        assert client.get(verify_url(certificate.code)).status_code == 200
    assert client.get(verify_url(certificate.code)).status_code == 429


def test_showing_the_empty_form_does_not_count_towards_the_limit(client, db, settings):
    settings.CERTIFICATE_VERIFY_RATE = "3/m"
    for _ in range(5):
        assert client.get(reverse("certificate_lookup")).status_code == 200


def test_every_page_links_to_the_certificate_check(client, catalogue):
    assert reverse("certificate_lookup") in client.get("/courses/").content.decode()


# My learning


def test_my_learning_lists_the_certificate_with_its_links(client, learner, certificate):
    client.force_login(learner)
    response = client.get(reverse("my_learning"))
    assert response.context["certificates"] == [certificate]
    html = response.content.decode()
    assert "Early warning for everyone" in html
    assert certificate.display_code in html
    assert f'href="{download_url(certificate)}"' in html
    assert f'href="{verify_url(certificate.code)}"' in html
    assert "Download PDF" in html and "Public check page" in html


def test_my_learning_says_a_certificate_is_being_prepared_or_delayed(client, db, course_builder):
    learner = UserFactory()
    pending = pending_certificate(learner, course_builder)
    client.force_login(learner)
    html = client.get(reverse("my_learning")).content.decode()
    assert "Being prepared — you will get an email" in html
    assert download_url(pending) not in html
    pending.status = Certificate.Status.FAILED
    pending.save()
    html = client.get(reverse("my_learning")).content.decode()
    assert "Delayed — our team has been told" in html
    assert download_url(pending) not in html


def test_my_learning_leaves_out_revoked_certificates_and_other_learners(
    client, learner, certificate, course_builder
):
    pending_certificate(UserFactory(), course_builder)
    client.force_login(learner)
    assert client.get(reverse("my_learning")).context["certificates"] == [certificate]
    certificate.status = Certificate.Status.REVOKED
    certificate.save()
    response = client.get(reverse("my_learning"))
    assert response.context["certificates"] == []
    assert "Certificates you earn will be listed here." in response.content.decode()


def test_my_learning_queries_do_not_grow_with_certificates(client, course_builder, db):
    learner = UserFactory()
    pending_certificate(learner, course_builder)
    client.force_login(learner)
    client.get(reverse("my_learning"))

    def queries() -> int:
        client.get(reverse("my_learning"))  # fills the caches that content changes empty
        with CaptureQueriesContext(connection) as captured:
            assert client.get(reverse("my_learning")).status_code == 200
        return len(captured)

    with_one = queries()
    for _ in range(4):
        pending_certificate(learner, course_builder)
    assert queries() == with_one
