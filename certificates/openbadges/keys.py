"""Ed25519 issuer keys kept as PEM files in one directory, newest last.

A key signs while its private PEM exists. Rotating out a key replaces the private file with a
public-only `<name>.pub.pem`, so credentials it signed stay verifiable after the secret is gone.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import base58
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

# Multicodec prefix for an Ed25519 public key (varint 0xed), as Multikey requires.
ED25519_PUBLIC_PREFIX = b"\xed\x01"
PUBLIC_SUFFIX = ".pub.pem"
PRIVATE_SUFFIX = ".pem"
_SAFE_NAME = re.compile(r"^[A-Za-z0-9._-]+$")


class NoSigningKey(KeyError):
    """No private key is available to sign with."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else "No Open Badges signing key."


@dataclass(frozen=True)
class SigningKey:
    private_key: Ed25519PrivateKey | None
    public_key: Ed25519PublicKey
    name: str

    @property
    def public_key_multibase(self) -> str:
        return multibase_public_key(self.public_key)

    @property
    def can_sign(self) -> bool:
        return self.private_key is not None


def multibase_public_key(public_key: Ed25519PublicKey) -> str:
    """The Multikey `publicKeyMultibase`: base58btc of 0xed01 + raw key, "z"-prefixed."""
    raw = public_key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return "z" + base58.b58encode(ED25519_PUBLIC_PREFIX + raw).decode("ascii")


def public_key_from_multibase(value: str) -> Ed25519PublicKey:
    """Inverse of `multibase_public_key`; ValueError when it is not an Ed25519 Multikey."""
    if not value.startswith("z"):
        raise ValueError("Only base58btc multibase ('z') keys are supported.")
    decoded = base58.b58decode(value[1:])
    if len(decoded) != 34 or not decoded.startswith(ED25519_PUBLIC_PREFIX):
        raise ValueError("Not an Ed25519 Multikey public key.")
    return Ed25519PublicKey.from_public_bytes(decoded[2:])


def _timestamp_name() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H%M%SZ")


def generate_key_file(directory: Path, name: str | None = None) -> Path:
    """Write a new Ed25519 private key as PKCS#8 PEM, readable by its owner only (0600)."""
    name = name or _timestamp_name()
    if not _SAFE_NAME.match(name):
        raise ValueError(f"Key names may use letters, digits, '.', '_' and '-' only: {name!r}")
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / f"{name}{PRIVATE_SUFFIX}"
    pem = Ed25519PrivateKey.generate().private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    # O_EXCL: never overwrite a key that may already have signed credentials.
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "wb") as file:
        file.write(pem)
    return path


def _key_name(path: Path) -> str:
    filename = path.name
    suffix = PUBLIC_SUFFIX if filename.endswith(PUBLIC_SUFFIX) else PRIVATE_SUFFIX
    return filename[: -len(suffix)]


def _load_key(path: Path) -> SigningKey:
    data = path.read_bytes()
    if path.name.endswith(PUBLIC_SUFFIX):
        public = serialization.load_pem_public_key(data)
        if not isinstance(public, Ed25519PublicKey):
            raise ValueError(f"{path} is not an Ed25519 public key.")
        return SigningKey(private_key=None, public_key=public, name=_key_name(path))
    private = serialization.load_pem_private_key(data, password=None)
    if not isinstance(private, Ed25519PrivateKey):
        raise ValueError(f"{path} is not an Ed25519 private key.")
    return SigningKey(private_key=private, public_key=private.public_key(), name=_key_name(path))


def load_keys(directory: Path) -> list[SigningKey]:
    """Every key in the directory, sorted by name (timestamp names sort oldest first).

    When both `<name>.pem` and `<name>.pub.pem` exist, the private one wins.
    """
    if not directory.is_dir():
        return []
    keys: dict[str, SigningKey] = {}
    for path in sorted(directory.glob(f"*{PRIVATE_SUFFIX}")):
        key = _load_key(path)
        if key.name not in keys or key.can_sign:
            keys[key.name] = key
    return [keys[name] for name in sorted(keys)]


def signing_key(keys: list[SigningKey]) -> SigningKey:
    """The newest key that can sign."""
    for key in reversed(keys):
        if key.can_sign:
            return key
    raise NoSigningKey(
        "No Open Badges signing key: the key directory holds no private key. "
        "Generate one (keys.generate_key_file) before issuing credentials."
    )


def retire_private_key(path: Path) -> Path:
    """Publish the public half as `<name>.pub.pem` and delete the private key file."""
    key = _load_key(path)
    if not key.can_sign:
        raise ValueError(f"{path} is already public-only.")
    public_path = path.with_name(f"{key.name}{PUBLIC_SUFFIX}")
    public_path.write_bytes(
        key.public_key.public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
        )
    )
    path.unlink()
    return public_path


def verification_method(key: SigningKey, controller: str) -> dict:
    """The key as a Multikey verification method of the issuer's controller document.

    Its id is `<controller>#key-<name>`: key names are restricted to URL-safe characters,
    so the fragment needs no escaping (e.g. `#key-2026-12-06T160000Z`).
    """
    return {
        "id": f"{controller}#key-{key.name}",
        "type": "Multikey",
        "controller": controller,
        "publicKeyMultibase": key.public_key_multibase,
    }


# Contexts of the issuer's controller document: the security vocabulary for `assertionMethod`
# and `verificationMethod`, and Multikey for the keys.
CONTROLLER_CONTEXTS = ["https://w3id.org/security/v2", "https://w3id.org/security/multikey/v1"]


def controller_document(controller: str, keys: list[SigningKey]) -> dict:
    """The document a verifier fetches from `controller` to find the issuer's keys.

    Every key is listed, retired ones too, so credentials they signed keep verifying.
    """
    methods = [verification_method(key, controller) for key in keys]
    return {
        "@context": CONTROLLER_CONTEXTS,
        "id": controller,
        "verificationMethod": methods,
        "assertionMethod": [method["id"] for method in methods],
    }
