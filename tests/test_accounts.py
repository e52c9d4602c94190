"""Accounts: sign up, log in and out, reset and change a password, edit the profile."""

import re
from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.core.cache import cache
from django.utils import timezone

from accounts.models import User
from tests.factories import UserFactory

PASSWORD = "a-Long-password-9"


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    """Login rate limits live in the cache; each test starts with none recorded."""
    cache.clear()
    yield
    cache.clear()


def sign_up(client, email="amina@example.org", password=PASSWORD, **extra):
    data = {
        "email": email,
        "full_name": "Amina Diallo",
        "password1": password,
        "password2": password,
        **extra,
    }
    return client.post("/accounts/signup/", data)


def log_in(client, login, password):
    return client.post("/accounts/login/", {"login": login, "password": password})


def test_sign_up_with_email_and_password_creates_a_learner(client, db):
    response = sign_up(client)
    assert response.status_code == 302
    user = User.objects.get(email="amina@example.org")
    assert user.full_name == "Amina Diallo"
    assert not user.is_staff
    assert client.get("/learn/").status_code == 200


def test_email_is_unique_whatever_its_case(client, db):
    UserFactory(email="amina@example.org")
    response = sign_up(client, email="Amina@Example.ORG")
    assert response.status_code == 200
    assert "already" in response.content.decode()
    assert User.objects.filter(email__iexact="amina@example.org").count() == 1


def test_weak_and_common_passwords_are_refused(client, db):
    for weak in ["short", "password123"]:
        response = sign_up(client, password=weak)
        assert response.status_code == 200
        assert not User.objects.exists()


def test_log_in_with_email_in_any_case_and_log_out_with_a_post(client, db):
    UserFactory(email="amina@example.org")
    assert log_in(client, "AMINA@example.org", PASSWORD).status_code == 302
    assert client.get("/learn/").status_code == 200
    client.post("/accounts/logout/")
    assert client.get("/learn/").status_code == 302


def test_repeated_failures_lock_the_account_for_a_while_only(client, db):
    user = UserFactory(email="amina@example.org")
    for _ in range(5):
        log_in(client, user.email, "wrong password")
    response = log_in(client, user.email, PASSWORD)
    assert response.status_code in (200, 429)
    assert "_auth_user_id" not in client.session
    # Someone else on the same network is not affected.
    other = UserFactory()
    assert log_in(client, other.email, PASSWORD).status_code == 302
    client.post("/accounts/logout/")
    # After the window has passed, the right password works again.
    with time_machine.travel(timezone.now() + timedelta(minutes=6)):
        assert log_in(client, user.email, PASSWORD).status_code == 302


def test_forgotten_password_is_reset_by_an_emailed_link(client, db):
    UserFactory(email="amina@example.org")
    client.post("/accounts/password/reset/", {"email": "amina@example.org"})
    assert len(mail.outbox) == 1
    link = re.search(r"https?://[^/\s]+(/accounts/password/reset/key/\S+)", mail.outbox[0].body)
    form_page = client.get(link.group(1), follow=True)
    new_password = "another-Long-password-7"
    client.post(
        form_page.redirect_chain[-1][0] if form_page.redirect_chain else link.group(1),
        {"password1": new_password, "password2": new_password},
    )
    client.post("/accounts/logout/")
    assert log_in(client, "amina@example.org", new_password).status_code == 302


def test_password_change(client, db):
    user = UserFactory()
    client.force_login(user)
    new_password = "another-Long-password-7"
    client.post(
        "/accounts/password/change/",
        {"oldpassword": PASSWORD, "password1": new_password, "password2": new_password},
    )
    user.refresh_from_db()
    assert user.check_password(new_password)


def test_profile_keeps_the_name_for_certificates(client, db):
    user = UserFactory()
    client.force_login(user)
    response = client.post(
        "/accounts/profile/",
        {
            "full_name": "Amina Diallo",
            "organisation": "Red Crescent",
            "role": "Volunteer",
            "country": "SN",
            "preferred_language": "fr",
        },
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert (user.full_name, user.organisation, user.country.code) == (
        "Amina Diallo",
        "Red Crescent",
        "SN",
    )


def test_profile_rejects_an_unknown_country(client, db):
    user = UserFactory()
    client.force_login(user)
    response = client.post("/accounts/profile/", {"full_name": "A", "country": "XX"})
    assert response.status_code == 200
    assert response.context["form"].errors["country"]


def test_profile_needs_a_login(client, db):
    assert client.get("/accounts/profile/").status_code == 302


def test_the_admin_login_goes_through_the_rate_limited_login(client, db):
    response = client.get("/admin/login/?next=/admin/")
    assert response.status_code == 302
    assert response.url.startswith("/accounts/login/")
