"""What people see of a certificate's validity: My learning, the group extension in the admin,
and the course's certification settings as authors fill them in."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from certificates.models import Certificate, ValidityExtension
from certificates.validity import add_months
from tests.learning import certified
from tests.staff import flash, learner, staff_in_group

pytestmark = pytest.mark.django_db


@pytest.fixture
def expiring_course(course_builder):
    return course_builder(
        title="Shelter management", modules=1, lessons_per_module=1, validity_months=12
    )


def test_my_learning_says_until_when_a_certificate_is_valid(client, expiring_course, media_root):
    amina = learner("amina")
    certificate = certified(amina, expiring_course)
    client.force_login(amina)
    page = client.get("/learn/").content.decode()
    expires = certificate.expires_on
    assert expires == add_months(timezone.localdate(), 12)
    assert f"Valid until {expires.day} {expires:%B %Y}" in page
    assert f"/certificates/{certificate.code}/open-badge.json" in page
    assert f"/certificates/{certificate.code}/open-badge.png" in page


def test_my_learning_counts_down_the_last_days(client, expiring_course, media_root):
    amina = learner("amina")
    certificate = certified(amina, expiring_course)
    Certificate.objects.filter(pk=certificate.pk).update(
        expires_on=timezone.localdate() + timedelta(days=12)
    )
    client.force_login(amina)
    assert "Expires in 12 days" in client.get("/learn/").content.decode()


def extension_form(course, **fields) -> dict:
    today = timezone.localdate()
    return {
        "course": str(course.translation_key),
        "expiring_from": str(today),
        "expiring_to": str(today + timedelta(days=400)),
        "new_expiry": str(today + timedelta(days=500)),
        "reason": "Earthquake: the training centre is closed",
        **fields,
    }


def test_staff_extend_a_group_with_a_reason(client, expiring_course, media_root):
    certificates = [certified(learner(name), expiring_course) for name in ("amina", "omar")]
    manager = staff_in_group("Managers", "view_certificate", "change_certificate")
    client.force_login(manager)
    assert "Extend validity" in client.get("/admin/certificates/").content.decode()
    response = client.post("/admin/certificates/extend/", extension_form(expiring_course))
    assert response.status_code == 302
    assert flash(response) == [
        f"2 certificates now expire on {timezone.localdate() + timedelta(days=500)}."
    ]
    rows = ValidityExtension.objects.filter(certificate__in=certificates)
    assert rows.count() == 2
    assert {row.created_by for row in rows} == {manager}
    assert len({row.batch for row in rows}) == 1
    # Again with the same date: every certificate is already valid that long.
    client.post("/admin/certificates/extend/", extension_form(expiring_course))
    assert ValidityExtension.objects.count() == 2


def test_an_extension_needs_a_reason_and_a_future_date(client, expiring_course, media_root):
    certified(learner("amina"), expiring_course)
    client.force_login(staff_in_group("Managers", "view_certificate", "change_certificate"))
    past = str(timezone.localdate() - timedelta(days=1))
    response = client.post(
        "/admin/certificates/extend/", extension_form(expiring_course, reason="", new_expiry=past)
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert set(errors) == {"reason", "new_expiry"}
    assert not ValidityExtension.objects.exists()


def test_only_staff_who_may_change_certificates_extend_them(client, expiring_course, media_root):
    """The admin turns away staff without the permission as it does everywhere: back to the
    dashboard with a message. Nothing is extended."""
    certified(learner("amina"), expiring_course)
    client.force_login(staff_in_group("Viewers", "view_certificate"))
    assert "Extend validity" not in client.get("/admin/certificates/").content.decode()
    for response in (
        client.get("/admin/certificates/extend/"),
        client.post("/admin/certificates/extend/", extension_form(expiring_course)),
    ):
        assert response.status_code == 302
        assert response["Location"] == "/admin/"
    assert not ValidityExtension.objects.exists()


def test_reminder_days_must_be_whole_numbers(expiring_course):
    expiring_course.reminder_days_before = "90, soon"
    with pytest.raises(ValidationError) as error:
        expiring_course.full_clean()
    assert "reminder_days_before" in error.value.message_dict
    expiring_course.reminder_days_before = "7; 30, 90"
    expiring_course.reminder_days_after = "14"
    assert expiring_course.reminder_offsets() == [-90, -30, -7, 14]


def test_the_window_cannot_open_before_the_certificate_is_issued(expiring_course):
    expiring_course.recertification_window_days = 400
    with pytest.raises(ValidationError) as error:
        expiring_course.full_clean()
    assert "recertification_window_days" in error.value.message_dict


def test_a_certificate_that_never_expires_says_so(client, course_builder, media_root):
    amina = learner("amina")
    certificate = certified(amina, course_builder(modules=1, lessons_per_module=1))
    assert certificate.expires_on is None
    client.force_login(amina)
    assert "Does not expire." in client.get("/learn/").content.decode()
    page = client.get(f"/certificates/verify/{certificate.code}/").content.decode()
    assert "Does not expire." in page
