"""Open Badges 3.0 credentials of issued certificates, end to end over HTTP: what the learner
downloads (JSON and baked PNG) validates against the OB 3.0 schema and verifies with an
independent verifier (Digital Bazaar's libraries in Node, offline, tests/verifier), given only
what the site publishes: the issuer's profile with its keys, and the status lists. A tampered
credential fails; revocation and expiry flip their bits; old keys keep verifying."""

from __future__ import annotations

import json
from datetime import datetime, time, timedelta

import pytest
import time_machine
from django.core.cache import cache
from django.utils import timezone

from certificates.credentials import issuer_id, status_list_url
from certificates.lifecycle import revoke_certificate
from certificates.models import Certificate, OpenBadgeCredential
from certificates.openbadges.baking import unbake_png
from certificates.openbadges.keys import generate_key_file, load_keys
from certificates.openbadges.schema import validate_credential
from certificates.openbadges.signing import verify
from certificates.openbadges.status_list import is_set
from certificates.validity import extend_validity
from courses.models import CoursePage
from tests.independent_verifier import verify_independently
from tests.learning import certified
from tests.staff import learner, staff_in_group

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("own_cache")]


@pytest.fixture
def key_folder(settings, tmp_path):
    """A key folder of this test's own, so rotating keys touches nothing else."""
    folder = tmp_path / "keys"
    folder.mkdir()
    generate_key_file(folder, "2026-01-01T000000Z")
    settings.OPEN_BADGES_KEY_DIR = folder
    return folder


@pytest.fixture
def expiring_course(course_builder):
    return course_builder(
        title="Safe evacuation", modules=1, lessons_per_module=1, validity_months=24, grace_days=10
    )


def published_documents(client) -> dict:
    """What a third party fetches from the site to check a credential."""
    documents = {issuer_id(): client.get("/openbadges/issuer/").json()}
    for purpose in ("revocation", "suspension"):
        documents[status_list_url(purpose)] = client.get(f"/openbadges/status/{purpose}/").json()
    return documents


def downloaded(client, certificate: Certificate) -> dict:
    response = client.get(f"/certificates/{certificate.code}/open-badge.json")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/ld+json"
    assert "attachment" in response["Content-Disposition"]
    return json.loads(response.content)


@pytest.fixture
def amina(client, key_folder, expiring_course, media_root):
    user = learner("amina", full_name="Amina Yusuf")
    certificate = certified(user, expiring_course)
    client.force_login(user)
    return certificate


def test_the_credential_validates_and_verifies_independently(client, amina, key_folder):
    credential = downloaded(client, amina)
    assert validate_credential(credential) == []
    result = verify_independently(credential, published_documents(client))
    assert result == {"verified": True, "errors": [], "status": result["status"]}
    assert result["status"] == {"revocation": False, "suspension": False}
    keys = {f"{issuer_id()}#key-{key.name}": key.public_key for key in load_keys(key_folder)}
    assert verify(credential, keys)


def test_the_credential_states_the_certificate_and_nothing_private(client, amina):
    credential = downloaded(client, amina)
    text = json.dumps(credential)
    assert "amina@example.org" not in text
    subject = credential["credentialSubject"]
    names = [i for i in subject["identifier"] if i["identityType"] == "name"]
    assert names == [
        {
            "type": "IdentityObject",
            "identityType": "name",
            "hashed": False,
            "identityHash": "Amina Yusuf",
        }
    ]
    (email,) = [i for i in subject["identifier"] if i["identityType"] == "emailAddress"]
    assert email["hashed"] is True and email["identityHash"].startswith("sha256$")
    assert subject["achievement"]["achievementType"] == "Certification"
    assert subject["achievement"]["name"] == "Safe evacuation"
    expiry_end = amina.expires_on + timedelta(days=10)
    assert credential["validUntil"] == f"{expiry_end.isoformat()}T23:59:59Z"
    assert credential["issuer"]["id"] == issuer_id()
    assert credential["proof"]["cryptosuite"] == "eddsa-rdfc-2022"


def test_a_tampered_credential_fails(client, amina):
    credential = downloaded(client, amina)
    credential["credentialSubject"]["identifier"][0]["identityHash"] = "Someone Else"
    result = verify_independently(credential, published_documents(client))
    assert result["verified"] is False


def test_revoking_flips_the_revocation_bit(client, amina, admin_user):
    credential = downloaded(client, amina)
    index = int(credential["credentialStatus"][0]["statusListIndex"])
    revocation = client.get("/openbadges/status/revocation/").json()
    assert not is_set(revocation["credentialSubject"]["encodedList"], index)
    revoke_certificate(amina, admin_user, "Issued by mistake")
    revocation = client.get("/openbadges/status/revocation/").json()
    assert is_set(revocation["credentialSubject"]["encodedList"], index)
    result = verify_independently(credential, published_documents(client))
    # The signature still holds (it was issued); the verifier reports the revocation beside it.
    assert result["status"] == {"revocation": True, "suspension": False}


def test_after_expiry_and_grace_the_suspension_bit_is_set(client, amina):
    credential = downloaded(client, amina)
    index = int(credential["credentialStatus"][1]["statusListIndex"])
    last_valid_day = amina.expires_on + timedelta(days=10)
    for day, expired in ((last_valid_day, False), (last_valid_day + timedelta(1), True)):
        cache.clear()
        moment = timezone.make_aware(datetime.combine(day, time(12)))
        with time_machine.travel(moment, tick=False):
            listed = client.get("/openbadges/status/suspension/").json()
        assert is_set(listed["credentialSubject"]["encodedList"], index) is expired


def test_the_png_badge_carries_the_same_credential(client, amina):
    credential = downloaded(client, amina)
    response = client.get(f"/certificates/{amina.code}/open-badge.png")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert json.loads(unbake_png(response.content)) == credential


def test_credentials_are_for_their_owner_and_staff_only(client, amina):
    client.force_login(learner("omar"))
    for suffix in ("json", "png"):
        assert client.get(f"/certificates/{amina.code}/open-badge.{suffix}").status_code == 404
    client.force_login(staff_in_group("Viewers", "view_certificate"))
    assert client.get(f"/certificates/{amina.code}/open-badge.json").status_code == 200
    client.logout()
    response = client.get(f"/certificates/{amina.code}/open-badge.json")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert client.get("/certificates/NOPE/open-badge.json").status_code == 302


def test_a_rotated_key_still_verifies_what_it_signed(client, amina, key_folder):
    before = downloaded(client, amina)
    generate_key_file(key_folder, "2027-01-01T000000Z")
    documents = published_documents(client)
    methods = documents[issuer_id()]["verificationMethod"]
    assert len(methods) == 2
    assert verify_independently(before, documents)["verified"] is True
    other = certified(learner("omar"), _course(amina))
    newer = OpenBadgeCredential.objects.get(certificate=other).document
    assert newer["proof"]["verificationMethod"].endswith("#key-2027-01-01T000000Z")
    assert verify_independently(newer, documents)["verified"] is True


def _course(certificate: Certificate) -> CoursePage:
    return CoursePage.objects.get(translation_key=certificate.enrolment.course_key)


def test_an_extension_gives_a_new_credential_with_the_new_date(client, amina, admin_user):
    first = downloaded(client, amina)
    new_expiry = amina.expires_on + timedelta(days=90)
    extend_validity([amina], new_expiry, "Crisis", admin_user)
    second = downloaded(client, amina)
    assert second["id"] != first["id"]
    assert second["validUntil"].startswith((new_expiry + timedelta(days=10)).isoformat())
    assert verify_independently(second, published_documents(client))["verified"] is True
    assert downloaded(client, amina)["id"] == second["id"]


def test_a_course_that_never_expires_gives_a_certificate_of_completion(
    client, key_folder, course_builder, media_root
):
    user = learner("amina")
    certificate = certified(user, course_builder(modules=1, lessons_per_module=1))
    client.force_login(user)
    credential = downloaded(client, certificate)
    assert credential["credentialSubject"]["achievement"]["achievementType"] == (
        "CertificateOfCompletion"
    )
    assert "validUntil" not in credential
    assert verify_independently(credential, published_documents(client))["verified"] is True
