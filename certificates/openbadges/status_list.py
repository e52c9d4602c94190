"""W3C Bitstring Status List v1.0: the `encodedList` of a BitstringStatusListCredential.

Index 0 is the left-most (most significant) bit of the first byte. The bitstring is
GZIP-compressed, base64url-encoded without padding and prefixed "u" (multibase base64url).
The specification sets a minimum of 16 KB (131,072 entries) for group privacy.
"""

from __future__ import annotations

import base64
import binascii
import gzip
from collections.abc import Iterable

STATUS_LIST_LENGTH = 131072
MULTIBASE_BASE64URL = "u"


def encode_status_list(set_indexes: Iterable[int], length: int = STATUS_LIST_LENGTH) -> str:
    """Encode a list of `length` bits with the given indexes set."""
    if length < STATUS_LIST_LENGTH or length % 8:
        raise ValueError(f"A status list holds at least {STATUS_LIST_LENGTH} bits, in whole bytes.")
    bits = bytearray(length // 8)
    for index in set_indexes:
        if not 0 <= index < length:
            raise ValueError(f"Status index {index} is outside the list (0..{length - 1}).")
        bits[index // 8] |= 0x80 >> (index % 8)
    # mtime=0: the same bits always give the same encodedList, so re-publishing is stable.
    compressed = gzip.compress(bytes(bits), mtime=0)
    return MULTIBASE_BASE64URL + base64.urlsafe_b64encode(compressed).decode("ascii").rstrip("=")


def decode_status_list(encoded: str) -> bytes:
    """The raw bitstring of an `encodedList`; ValueError when it is not one."""
    if not encoded.startswith(MULTIBASE_BASE64URL):
        raise ValueError("encodedList must be multibase base64url (prefix 'u').")
    body = encoded[1:]
    try:
        compressed = base64.urlsafe_b64decode(body + "=" * (-len(body) % 4))
        return gzip.decompress(compressed)
    except (binascii.Error, OSError, EOFError) as error:
        raise ValueError(f"encodedList is not a GZIP-compressed bitstring: {error}") from error


def is_set(encoded: str, index: int) -> bool:
    """Whether the bit at `index` is set (for revocation: the credential is revoked)."""
    bits = decode_status_list(encoded)
    if not 0 <= index < len(bits) * 8:
        raise ValueError(f"Status index {index} is outside the list (0..{len(bits) * 8 - 1}).")
    return bool(bits[index // 8] & (0x80 >> (index % 8)))
