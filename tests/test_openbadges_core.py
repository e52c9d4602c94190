"""Open Badges 3.0 core: signing reproduces 1EdTech's test vector, an independent verifier
accepts what we sign, and status lists, baking, keys and schema validation behave as specified.

Plain functions, no database: the Django side builds on these.
"""

from __future__ import annotations

import copy
import hashlib
import io
import json
import stat
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from PIL import Image
from pyld.jsonld import JsonLdError

from certificates.openbadges import baking, keys, signing, status_list
from certificates.openbadges.loader import CONTEXTS, OB_V3_CONTEXT, VC_V2_CONTEXT, document_loader
from certificates.openbadges.schema import validate_credential
from tests.independent_verifier import verify_independently

VECTORS = Path(__file__).resolve().parent / "openbadges_vectors"
VECTOR_DIR = VECTORS / "ob-v3p0-eddsa-rdfc-2022"
BADGE_PATH = VECTORS / "crisis-ready-badge.json"
ISSUER = "https://crisis-ready.example/openbadges/issuer"
STATUS_BASE = "https://crisis-ready.example/openbadges/status"
KEY_NAME = "2026-12-06T160000Z"
# The credential's place in both status lists.
STATUS_INDEX = 4242


@pytest.fixture(scope="module")
def vector() -> dict:
    return json.loads((VECTOR_DIR / "vector.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def vector_key(vector) -> keys.SigningKey:
    seed = bytes.fromhex(vector["keyPair"]["privateKeyHex"])[:32]
    private = Ed25519PrivateKey.from_private_bytes(seed)
    return keys.SigningKey(private_key=private, public_key=private.public_key(), name="vector")


@pytest.fixture
def issuer_key(tmp_path) -> keys.SigningKey:
    keys.generate_key_file(tmp_path, KEY_NAME)
    return keys.signing_key(keys.load_keys(tmp_path))


def method_id(key: keys.SigningKey) -> str:
    return keys.verification_method(key, ISSUER)["id"]


def badge_credential(now: datetime) -> dict:
    """A realistic OpenBadgeCredential as the platform issues one, valid from yesterday.

    The recipient is identified by name and by a salted SHA-256 hash of their email address; the
    credential sits at index STATUS_INDEX of a revocation and of a suspension status list.
    """
    credential = json.loads(BADGE_PATH.read_text(encoding="utf-8"))
    credential["validFrom"] = signing.xsd_datetime(now - timedelta(days=1))
    credential["validUntil"] = signing.xsd_datetime(now + timedelta(days=3 * 365))
    return credential


def status_list_credential(purpose: str, set_indexes: list[int], now: datetime) -> dict:
    list_url = f"{STATUS_BASE}/{purpose}/1"
    return {
        "@context": [VC_V2_CONTEXT],
        "id": list_url,
        "type": ["VerifiableCredential", "BitstringStatusListCredential"],
        "issuer": ISSUER,
        "validFrom": signing.xsd_datetime(now - timedelta(days=1)),
        "credentialSubject": {
            "id": f"{list_url}#list",
            "type": "BitstringStatusList",
            "statusPurpose": purpose,
            "encodedList": status_list.encode_status_list(set_indexes),
        },
    }


@pytest.fixture
def now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


@pytest.fixture
def signed_badge(issuer_key, now) -> dict:
    return signing.sign(badge_credential(now), issuer_key, method_id(issuer_key), now)


def published_documents(key: keys.SigningKey, now: datetime, revoked: list[int]) -> dict:
    """What the platform serves to verifiers: its controller document and both status lists."""
    lists = {
        "revocation": status_list_credential("revocation", revoked, now),
        "suspension": status_list_credential("suspension", [], now),
    }
    documents = {ISSUER: keys.controller_document(ISSUER, [key])}
    for credential in lists.values():
        documents[credential["id"]] = signing.sign(credential, key, method_id(key), now)
    return documents


# The 1EdTech Open Badges 3.0 eddsa-rdfc-2022 test vector


def test_canonical_forms_equal_the_1edtech_vector(vector):
    document, proof_config = signing.canonical_forms(vector["credential"], vector["proofConfig"])
    assert document == (VECTOR_DIR / "document-canon.nq").read_text(encoding="utf-8")
    assert proof_config == (VECTOR_DIR / "proof-canon.nq").read_text(encoding="utf-8")


def test_hash_data_equals_the_vectors_proof_hash_then_document_hash(vector):
    hashed = signing.hash_data(vector["credential"], vector["proofConfig"])
    assert hashed.hex() == vector["proofHashHex"] + vector["documentHashHex"]


def test_signing_with_the_vector_key_and_time_gives_the_vectors_proof_value(vector, vector_key):
    config = vector["proofConfig"]
    created = datetime.fromisoformat(config["created"].replace("Z", "+00:00"))
    signed = signing.sign(vector["credential"], vector_key, config["verificationMethod"], created)
    assert vector_key.public_key_multibase == vector["keyPair"]["publicKeyMultibase"]
    assert signed["proof"]["proofValue"] == vector["proofValue"]
    assert signed == vector["signedCredential"]


def test_verify_accepts_the_vectors_signed_credential(vector, vector_key):
    known = {vector["keyPair"]["verificationMethod"]: vector_key.public_key}
    assert signing.verify(vector["signedCredential"], known)


def test_the_node_verifier_accepts_the_vectors_signed_credential(vector, vector_key):
    controller = vector["keyPair"]["controller"]
    document = keys.controller_document(controller, [vector_key])
    document["verificationMethod"][0]["id"] = vector["keyPair"]["verificationMethod"]
    document["assertionMethod"] = [vector["keyPair"]["verificationMethod"]]
    result = verify_independently(vector["signedCredential"], {controller: document})
    assert result["verified"], result["errors"]


# Our own sign and verify


def test_a_signed_credential_verifies_with_its_key(signed_badge, issuer_key):
    proof = signed_badge["proof"]
    assert proof["type"] == "DataIntegrityProof"
    assert proof["cryptosuite"] == "eddsa-rdfc-2022"
    assert proof["proofPurpose"] == "assertionMethod"
    assert proof["proofValue"].startswith("z")
    assert signing.verify(signed_badge, {method_id(issuer_key): issuer_key.public_key})


def test_signing_leaves_the_input_untouched_and_is_repeatable(issuer_key, now):
    credential = badge_credential(now)
    before = copy.deepcopy(credential)
    first = signing.sign(credential, issuer_key, method_id(issuer_key), now)
    assert credential == before
    assert signing.sign(credential, issuer_key, method_id(issuer_key), now) == first


@pytest.mark.parametrize(
    "tamper",
    [
        lambda c: c.update(name="Another Badge"),
        lambda c: c["credentialSubject"]["identifier"][0].update(identityHash="Someone Else"),
        lambda c: c["credentialSubject"]["achievement"].update(achievementType="Badge"),
        lambda c: c.update(validUntil="2099-01-01T00:00:00Z"),
        lambda c: c["credentialStatus"][0].update(statusListIndex="1"),
        lambda c: c["proof"].update(created="2020-01-01T00:00:00Z"),
    ],
    ids=["name", "recipient", "achievement type", "valid until", "status index", "proof date"],
)
def test_any_change_to_a_signed_credential_fails_verification(signed_badge, issuer_key, tamper):
    tampered = copy.deepcopy(signed_badge)
    tamper(tampered)
    assert not signing.verify(tampered, {method_id(issuer_key): issuer_key.public_key})


def test_another_key_or_an_unknown_method_fails_verification(signed_badge, issuer_key):
    other = Ed25519PrivateKey.generate().public_key()
    assert not signing.verify(signed_badge, {method_id(issuer_key): other})
    assert not signing.verify(signed_badge, {f"{ISSUER}#key-other": issuer_key.public_key})


@pytest.mark.parametrize(
    "break_proof",
    [
        lambda c: c.pop("proof"),
        lambda c: c["proof"].update(cryptosuite="eddsa-jcs-2022"),
        lambda c: c["proof"].update(type="Ed25519Signature2020"),
        lambda c: c["proof"].update(proofValue="not multibase"),
        lambda c: c["proof"].update(proofValue="z1111"),
        lambda c: c["proof"].update(verificationMethod={"id": "embedded"}),
        lambda c: c["@context"].append("https://example.org/unshipped-context"),
    ],
    ids=["missing", "suite", "type", "garbage", "short", "embedded method", "unshipped context"],
)
def test_verify_returns_false_rather_than_raising(signed_badge, issuer_key, break_proof):
    broken = copy.deepcopy(signed_badge)
    break_proof(broken)
    assert signing.verify(broken, {method_id(issuer_key): issuer_key.public_key}) is False


def test_a_term_no_context_defines_is_refused_rather_than_left_unsigned(issuer_key, now):
    credential = badge_credential(now) | {"courseHours": 12}
    with pytest.raises(JsonLdError):
        signing.sign(credential, issuer_key, method_id(issuer_key), now)


def test_a_type_no_context_defines_is_refused_rather_than_left_unsigned(issuer_key, now):
    credential = badge_credential(now)
    credential["credentialSchema"] = [{"id": "https://example.org/s.json", "type": "CustomSchema"}]
    with pytest.raises(JsonLdError):
        signing.sign(credential, issuer_key, method_id(issuer_key), now)


def test_the_loader_serves_only_shipped_contexts():
    assert document_loader(OB_V3_CONTEXT)["document"] == CONTEXTS[OB_V3_CONTEXT]
    with pytest.raises(JsonLdError):
        document_loader("https://www.w3.org/2018/credentials/v1")


# The independent verifier (Digital Bazaar's libraries, run by Node)


def test_the_node_verifier_accepts_our_credential_and_reads_its_status(
    signed_badge, issuer_key, now
):
    documents = published_documents(issuer_key, now, revoked=[])
    result = verify_independently(signed_badge, documents)
    assert result["verified"], result["errors"]
    assert result["status"] == {"revocation": False, "suspension": False}


def test_the_node_verifier_reports_a_revoked_credential(signed_badge, issuer_key, now):
    documents = published_documents(issuer_key, now, revoked=[STATUS_INDEX])
    result = verify_independently(signed_badge, documents)
    assert result["status"] == {"revocation": True, "suspension": False}


def test_the_node_verifier_rejects_a_tampered_credential(signed_badge, issuer_key, now):
    tampered = copy.deepcopy(signed_badge)
    tampered["credentialSubject"]["achievement"]["name"] = "Advanced Surgery"
    result = verify_independently(tampered, published_documents(issuer_key, now, revoked=[]))
    assert not result["verified"]
    assert result["errors"]


def test_the_node_verifier_accepts_our_signed_status_list_credential(issuer_key, now):
    documents = published_documents(issuer_key, now, revoked=[7])
    status_credential = documents[f"{STATUS_BASE}/revocation/1"]
    result = verify_independently(status_credential, documents)
    assert result["verified"], result["errors"]


def test_the_node_verifier_rejects_a_status_list_signed_by_another_key(
    signed_badge, issuer_key, now
):
    documents = published_documents(issuer_key, now, revoked=[])
    impostor = keys.SigningKey(Ed25519PrivateKey.generate(), issuer_key.public_key, "impostor")
    forged = status_list_credential("revocation", [STATUS_INDEX], now)
    documents[forged["id"]] = signing.sign(forged, impostor, method_id(issuer_key), now)
    result = verify_independently(signed_badge, documents)
    assert not result["verified"]


# Schema


def test_the_signed_credential_matches_the_open_badges_schema(signed_badge):
    assert validate_credential(signed_badge) == []


def test_the_recipients_email_is_a_salted_sha256_identity_hash(now):
    email = badge_credential(now)["credentialSubject"]["identifier"][1]
    salted = ("amina.yusuf@example.org" + email["salt"]).encode("utf-8")
    assert email["identityHash"] == "sha256$" + hashlib.sha256(salted).hexdigest()


def test_a_broken_credential_gives_readable_schema_errors(signed_badge):
    broken = copy.deepcopy(signed_badge)
    del broken["credentialSubject"]["achievement"]["criteria"]
    broken["validFrom"] = "yesterday"
    broken["credentialSubject"]["identifier"][0]["hashed"] = "no"
    del broken["credentialStatus"][1]["type"]
    errors = validate_credential(broken)
    assert "credentialStatus[1]: 'type' is a required property" in errors
    assert any(e.startswith("credentialSubject.achievement:") and "criteria" in e for e in errors)
    assert any(e.startswith("validFrom:") for e in errors)
    assert any(e.startswith("credentialSubject.identifier[0].hashed:") for e in errors)


# Bitstring Status List


def test_a_status_list_round_trips_its_set_bits():
    encoded = status_list.encode_status_list([0, 9, 4242, status_list.STATUS_LIST_LENGTH - 1])
    assert encoded.startswith("u")
    assert "=" not in encoded
    assert len(status_list.decode_status_list(encoded)) == status_list.STATUS_LIST_LENGTH // 8
    set_bits = [i for i in (0, 1, 8, 9, 4242, 131071) if status_list.is_set(encoded, i)]
    assert set_bits == [0, 9, 4242, 131071]


def test_index_zero_is_the_most_significant_bit_of_the_first_byte():
    bits = status_list.decode_status_list(status_list.encode_status_list([0, 9]))
    assert bits[:2] == bytes([0b1000_0000, 0b0100_0000])


def test_a_status_list_is_at_least_sixteen_kilobytes():
    assert status_list.STATUS_LIST_LENGTH == 16 * 1024 * 8
    with pytest.raises(ValueError):
        status_list.encode_status_list([], length=8 * 1024)
    with pytest.raises(ValueError):
        status_list.encode_status_list([status_list.STATUS_LIST_LENGTH])


# Baking


def test_a_baked_badge_is_still_a_png_and_gives_back_the_credential(signed_badge):
    png = baking.render_badge_png("Protection of Migrants in Disaster Response", "Certification")
    credential_json = json.dumps(signed_badge, ensure_ascii=False)
    baked = baking.bake_png(png, credential_json)
    image = Image.open(io.BytesIO(baked))
    image.load()
    assert image.size == (512, 512)
    assert baking.unbake_png(baked) == credential_json
    assert baking.unbake_png(png) is None


def test_baking_again_replaces_the_credential(signed_badge):
    once = baking.bake_png(baking.render_badge_png("First Aid"), '{"old": true}')
    twice = baking.bake_png(once, json.dumps(signed_badge))
    assert twice.count(baking.KEYWORD) == 1
    assert json.loads(baking.unbake_png(twice)) == signed_badge


# Keys


def test_a_generated_key_is_private_to_its_owner_and_named_by_time(tmp_path):
    path = keys.generate_key_file(tmp_path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert datetime.strptime(path.name, "%Y-%m-%dT%H%M%SZ.pem")


def test_the_newest_private_key_signs_and_retired_keys_stay_published(tmp_path):
    oldest = keys.generate_key_file(tmp_path, "2025-01-01T000000Z")
    keys.generate_key_file(tmp_path, "2026-01-01T000000Z")
    keys.retire_private_key(oldest)
    loaded = keys.load_keys(tmp_path)
    assert [(k.name, k.can_sign) for k in loaded] == [
        ("2025-01-01T000000Z", False),
        ("2026-01-01T000000Z", True),
    ]
    assert keys.signing_key(loaded).name == "2026-01-01T000000Z"
    assert not oldest.exists()


def test_without_a_private_key_signing_key_says_what_to_do(tmp_path):
    keys.retire_private_key(keys.generate_key_file(tmp_path, "2025-01-01T000000Z"))
    with pytest.raises(keys.NoSigningKey, match="Generate one"):
        keys.signing_key(keys.load_keys(tmp_path))


def test_public_keys_are_ed25519_multikeys(issuer_key):
    encoded = issuer_key.public_key_multibase
    assert encoded.startswith("z6Mk")
    decoded = keys.public_key_from_multibase(encoded)
    assert keys.multibase_public_key(decoded) == encoded
    method = keys.verification_method(issuer_key, ISSUER)
    assert method == {
        "id": f"{ISSUER}#key-{KEY_NAME}",
        "type": "Multikey",
        "controller": ISSUER,
        "publicKeyMultibase": encoded,
    }
