"""Create a signing key without Django: `python -m certificates.openbadges create-key <folder>`.

Production settings refuse to start without a key, so the first one is made here; later ones
with `manage.py openbadges_keys rotate`.
"""

from __future__ import annotations

import sys
from pathlib import Path

from certificates.openbadges.keys import generate_key_file


def main(argv: list[str]) -> int:
    if len(argv) != 2 or argv[0] != "create-key":
        sys.stderr.write("Usage: python -m certificates.openbadges create-key <folder>\n")
        return 2
    folder = Path(argv[1])
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    sys.stdout.write(f"New signing key: {generate_key_file(folder)}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
