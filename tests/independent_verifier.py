"""Run the Node verifier (tests/verifier/verify.mjs) on a credential, as a third party would.

It uses Digital Bazaar's VC libraries, not our code, with contexts from npm packages and only
the documents passed in, so agreement between the two is evidence the credentials interoperate.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

VERIFIER_DIR = Path(__file__).resolve().parent / "verifier"
SCRIPT = VERIFIER_DIR / "verify.mjs"


class VerifierUnavailable(RuntimeError):
    """Node or the verifier's npm packages are missing."""


def _node() -> str:
    node = shutil.which("node")
    if node is None:
        raise VerifierUnavailable(
            "node is not installed: run `make test-prerequisites` "
            "(Debian: apt-get install nodejs npm)."
        )
    if not (VERIFIER_DIR / "node_modules" / "@digitalbazaar" / "vc").is_dir():
        raise VerifierUnavailable(
            "The Node verifier's packages are missing: run `npm ci --prefix tests/verifier` "
            "(`make test` does it)."
        )
    return node


def verify_independently(credential: dict, documents: dict[str, dict]) -> dict:
    """Verify `credential` with the Node verifier.

    `documents` maps URL to JSON for everything a verifier would fetch: the issuer's controller
    document and the status list credentials. Returns
    `{"verified": bool, "errors": [str], "status": {statusPurpose: bool}}`.
    """
    payload = json.dumps({"credential": credential, "documents": documents})
    completed = subprocess.run(
        [_node(), str(SCRIPT)],
        input=payload,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        cwd=VERIFIER_DIR,
    )
    if not completed.stdout.strip():
        raise RuntimeError(f"The Node verifier printed nothing; stderr:\n{completed.stderr}")
    return json.loads(completed.stdout)
