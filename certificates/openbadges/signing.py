"""Data Integrity proofs with the `eddsa-rdfc-2022` cryptosuite (W3C vc-di-eddsa §3.2).

Both the document (without its proof) and the proof configuration (the proof without
`proofValue`, carrying the document's `@context`) are canonicalised with RDFC-1.0; the signed
bytes are sha256(canonical proof config) followed by sha256(canonical document).
"""

from __future__ import annotations

import copy
import hashlib
import re
from datetime import UTC, datetime

import base58
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from pyld import jsonld

from certificates.openbadges.keys import SigningKey
from certificates.openbadges.loader import document_loader

PROOF_TYPE = "DataIntegrityProof"
CRYPTOSUITE = "eddsa-rdfc-2022"
# An IRI with a scheme, a blank node identifier or a keyword such as @json.
_ABSOLUTE_IRI = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*:|_:|@)")


def _refuse_dropped_property(expanded_property: str | None) -> None:
    """Like jsonld.js "safe mode": a term no context defines would silently go unsigned."""
    raise jsonld.JsonLdError(
        f"Property {expanded_property!r} is not defined by any context and would not be signed.",
        "jsonld.SafeModeError",
    )


def _refuse_relative_iris(node: object) -> None:
    """An `id` or `type` that is not an absolute IRI is dropped from the RDF, so unsigned."""
    if isinstance(node, list):
        for item in node:
            _refuse_relative_iris(item)
        return
    if not isinstance(node, dict):
        return
    for key, value in node.items():
        if key in ("@id", "@type"):
            for iri in value if isinstance(value, list) else [value]:
                if isinstance(iri, str) and not _ABSOLUTE_IRI.match(iri):
                    raise jsonld.JsonLdError(
                        f"{key} {iri!r} is not an absolute IRI and would not be signed.",
                        "jsonld.SafeModeError",
                    )
        elif key != "@value":
            _refuse_relative_iris(value)


def canonicalize(document: dict) -> str:
    """RDFC-1.0 (URDNA2015) canonical N-Quads, resolving contexts from the shipped files only.

    Refuses documents with undefined terms or relative IRIs rather than leaving them out of
    what is signed, as Digital Bazaar's verifiers (jsonld.js safe mode) do.
    """
    processor = jsonld.JsonLdProcessor(on_property_dropped=_refuse_dropped_property)
    # No base IRI: pyld would otherwise resolve relative IRIs against http://example.org/base/.
    expanded = processor.expand(document, {"documentLoader": document_loader, "base": None})
    _refuse_relative_iris(expanded)
    return jsonld.normalize(
        expanded,
        {
            "algorithm": "URDNA2015",
            "format": "application/n-quads",
            "documentLoader": document_loader,
        },
    )


def canonical_forms(document: dict, proof_config: dict) -> tuple[str, str]:
    """(canonical document, canonical proof config); the config gets the document's context."""
    unsecured = {key: value for key, value in document.items() if key != "proof"}
    config = {key: value for key, value in proof_config.items() if key != "proofValue"}
    config["@context"] = document["@context"]
    return canonicalize(unsecured), canonicalize(config)


def hash_data(document: dict, proof_config: dict) -> bytes:
    """The 64 bytes that are signed: sha256(proof config) || sha256(document)."""
    canonical_document, canonical_config = canonical_forms(document, proof_config)
    return (
        hashlib.sha256(canonical_config.encode("utf-8")).digest()
        + hashlib.sha256(canonical_document.encode("utf-8")).digest()
    )


def xsd_datetime(moment: datetime) -> str:
    """An XMLSchema dateTime in UTC to the second, e.g. 2026-12-06T16:00:00Z."""
    if moment.tzinfo is None:
        raise ValueError("Proof times must be timezone-aware.")
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def sign(
    document: dict,
    key: SigningKey,
    verification_method: str,
    created: datetime,
    proof_purpose: str = "assertionMethod",
) -> dict:
    """Return a copy of `document` with an eddsa-rdfc-2022 `DataIntegrityProof` added.

    Signing the same document with the same key and time gives the same proof (Ed25519 is
    deterministic), so a retried issue produces an identical credential.
    """
    if key.private_key is None:
        raise ValueError(f"Key {key.name!r} is public-only and cannot sign.")
    unsecured = {k: copy.deepcopy(v) for k, v in document.items() if k != "proof"}
    proof = {
        "type": PROOF_TYPE,
        "created": xsd_datetime(created),
        "verificationMethod": verification_method,
        "cryptosuite": CRYPTOSUITE,
        "proofPurpose": proof_purpose,
    }
    signature = key.private_key.sign(hash_data(unsecured, proof))
    proof["proofValue"] = "z" + base58.b58encode(signature).decode("ascii")
    return {**unsecured, "proof": proof}


def _single_proof(document: dict) -> dict | None:
    proof = document.get("proof")
    if isinstance(proof, list) and len(proof) == 1:
        proof = proof[0]
    return proof if isinstance(proof, dict) else None


def _signature(proof: dict) -> bytes | None:
    value = proof.get("proofValue")
    if not isinstance(value, str) or not value.startswith("z"):
        return None
    try:
        signature = base58.b58decode(value[1:])
    except ValueError:
        return None
    return signature if len(signature) == 64 else None


def verify(document: dict, public_keys: dict[str, Ed25519PublicKey]) -> bool:
    """True when the document's single eddsa-rdfc-2022 proof verifies with a known key.

    Never raises for bad input: a missing or malformed proof, another cryptosuite, an unknown
    verification method, an unshipped context or any change to the signed content gives False.
    """
    proof = _single_proof(document)
    if proof is None or proof.get("type") != PROOF_TYPE:
        return False
    if proof.get("cryptosuite") != CRYPTOSUITE or "@context" not in document:
        return False
    if "@context" in proof and proof["@context"] != document["@context"]:
        return False
    method = proof.get("verificationMethod")
    public_key = public_keys.get(method) if isinstance(method, str) else None
    signature = _signature(proof)
    if public_key is None or signature is None:
        return False
    config = {key: value for key, value in proof.items() if key not in ("proofValue", "@context")}
    try:
        public_key.verify(signature, hash_data(document, config))
    except (InvalidSignature, jsonld.JsonLdError, TypeError, ValueError):
        return False
    return True
