"""A JSON-LD document loader that serves only the contexts shipped in `contexts/`.

Canonicalisation must never fetch anything: a context served from the network could change
what a signature covers, and the platform must sign and verify offline.
"""

from __future__ import annotations

import json
from pathlib import Path

from pyld.jsonld import JsonLdError

CONTEXTS_DIR = Path(__file__).resolve().parent / "contexts"

VC_V2_CONTEXT = "https://www.w3.org/ns/credentials/v2"
OB_V3_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
DATA_INTEGRITY_V2_CONTEXT = "https://w3id.org/security/data-integrity/v2"
MULTIKEY_V1_CONTEXT = "https://w3id.org/security/multikey/v1"
BITSTRING_STATUS_LIST_V1_CONTEXT = "https://www.w3.org/ns/credentials/status/v1"

_FILES = {
    VC_V2_CONTEXT: "credentials-v2.jsonld",
    OB_V3_CONTEXT: "ob-v3p0-context-3.0.3.json",
    DATA_INTEGRITY_V2_CONTEXT: "data-integrity-v2.jsonld",
    MULTIKEY_V1_CONTEXT: "multikey-v1.jsonld",
    BITSTRING_STATUS_LIST_V1_CONTEXT: "bitstring-status-list-v1.jsonld",
}

CONTEXTS: dict[str, dict] = {
    url: json.loads((CONTEXTS_DIR / name).read_text(encoding="utf-8"))
    for url, name in _FILES.items()
}


def document_loader(url: str, options: dict | None = None) -> dict:
    """Return a shipped context as a pyld RemoteDocument; any other URL is an error."""
    try:
        document = CONTEXTS[url]
    except KeyError:
        raise JsonLdError(
            f"No shipped JSON-LD context for {url}; contexts are never fetched.",
            "jsonld.LoadDocumentError",
            {"url": url},
            code="loading document failed",
        ) from None
    return {"contextUrl": None, "documentUrl": url, "document": document}
