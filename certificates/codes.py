"""Certificate codes: random, hard to mistype, and read back however people type them."""

from __future__ import annotations

import secrets
import unicodedata

#: Crockford's base 32: no I, L, O or U, so a code read aloud or typed is hard to get wrong.
CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
CODE_LENGTH = 30  # 30 characters × 5 bits = 150 bits of randomness
CODE_GROUP = 5


def new_certificate_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def normalise_code(typed: str) -> str:
    """A code as stored, from what a person typed: any case, spaces or dashes, full-width or
    non-Latin digits, and the letters people confuse with digits (O for 0, I and L for 1)."""
    text = unicodedata.normalize("NFKC", typed).upper().translate(str.maketrans("OIL", "011"))
    ascii_digits = (str(unicodedata.digit(ch)) if ch.isdigit() else ch for ch in text)
    return "".join(ch for ch in ascii_digits if ch in CODE_ALPHABET)


def display_code(code: str) -> str:
    """A code in groups people can read and type: XXXXX-XXXXX-…"""
    return "-".join(code[i : i + CODE_GROUP] for i in range(0, len(code), CODE_GROUP))
