"""Validate credentials against 1EdTech's Open Badges 3.0 AchievementCredential JSON Schema.

The schema file ships in `schema/` unchanged; every `$ref` in it is local, so validation never
touches the network. Two properties are widened in memory to what VC Data Model 2.0 allows:
`proof` may be one object (as in the OB 3.0 test vector and 1EdTech's JSON-LD variant of this
schema), and `credentialStatus` may be a list (one entry for revocation, one for suspension),
where the schema allows a single object only.
"""

from __future__ import annotations

import copy
import json
import re
from datetime import datetime
from functools import cache
from pathlib import Path

from jsonschema import Draft201909Validator, FormatChecker
from jsonschema.exceptions import ValidationError

SCHEMA_FILE = "ob_v3p0_achievementcredential_schema.json"
SCHEMA_PATH = Path(__file__).resolve().parent / "schema" / SCHEMA_FILE
# The URL a credential names in `credentialSchema` for this schema.
SCHEMA_URL = f"https://purl.imsglobal.org/spec/ob/v3p0/schema/json/{SCHEMA_FILE}"
# RFC 3339 date-time with a zone, as the schema's DateTimeZ comments require.
_DATE_TIME = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$", re.IGNORECASE)

_format_checker = FormatChecker()


@_format_checker.checks("date-time", raises=ValueError)
def _is_date_time(value: object) -> bool:
    if not isinstance(value, str):
        return True
    if not _DATE_TIME.match(value):
        return False
    datetime.fromisoformat(value.upper().replace("Z", "+00:00"))
    return True


def _one_or_many(definition: str) -> dict:
    ref = {"$ref": f"#/$defs/{definition}"}
    return {"oneOf": [ref, {"type": "array", "minItems": 1, "items": ref}]}


@cache
def _validator() -> Draft201909Validator:
    schema = copy.deepcopy(json.loads(SCHEMA_PATH.read_text(encoding="utf-8")))
    schema["properties"]["proof"] = _one_or_many("Proof")
    schema["properties"]["credentialStatus"] = _one_or_many("CredentialStatus")
    Draft201909Validator.check_schema(schema)
    return Draft201909Validator(schema, format_checker=_format_checker)


def _location(error: ValidationError) -> str:
    location = ""
    for part in error.absolute_path:
        location += f"[{part}]" if isinstance(part, int) else f".{part}" if location else part
    return location or "(credential)"


def _most_specific(error: ValidationError) -> ValidationError:
    """For "valid under none of oneOf", the failure inside the alternative of the right JSON
    type (an object given where an object or a list is allowed), else the error itself."""
    while error.context:
        fitting = [e for e in error.context if not (e.validator == "type" and not e.path)]
        if not fitting:
            break
        error = max(fitting, key=lambda e: len(e.path))
    return error


def validate_credential(document: dict) -> list[str]:
    """Human-readable schema errors, e.g. "credentialSubject.achievement: 'name' is a
    required property"; an empty list when the credential is valid."""
    errors = [_most_specific(error) for error in _validator().iter_errors(document)]
    errors.sort(key=lambda error: [str(part) for part in error.absolute_path])
    return [f"{_location(error)}: {error.message}" for error in errors]
