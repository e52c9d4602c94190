"""Open Badges signing keys: list, create, rotate.

    manage.py openbadges_keys list
    manage.py openbadges_keys create [--if-missing]
    manage.py openbadges_keys rotate [--retire-old]

Keys live in OPEN_BADGES_KEY_DIR, outside the repository. Rotating adds a new key that signs
from then on; the old ones stay published so that what they signed still verifies. With
--retire-old their private halves are destroyed and only the public keys are kept.
"""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from certificates.openbadges.keys import generate_key_file, load_keys, retire_private_key


class Command(BaseCommand):
    help = "List, create or rotate the Open Badges signing keys in OPEN_BADGES_KEY_DIR."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("action", choices=["list", "create", "rotate"])
        parser.add_argument(
            "--if-missing", action="store_true", help="create: only if no key can sign yet"
        )
        parser.add_argument(
            "--retire-old",
            action="store_true",
            help="rotate: keep only the public half of the older keys",
        )

    def handle(self, *args, action: str, if_missing: bool, retire_old: bool, **options) -> None:
        directory = Path(settings.OPEN_BADGES_KEY_DIR)
        if action == "list":
            self._list(directory)
        elif action == "create":
            if if_missing and any(key.can_sign for key in self._keys(directory)):
                return
            self._create(directory)
        else:
            older = sorted(directory.glob("*.pem")) if directory.exists() else []
            self._create(directory)
            if retire_old:
                for path in older:
                    if not path.name.endswith(".pub.pem"):
                        retire_private_key(path)
                        self.stdout.write(f"Retired (public key kept): {path.name}")

    def _keys(self, directory: Path) -> list:
        return load_keys(directory) if directory.exists() else []

    def _create(self, directory: Path) -> None:
        directory.mkdir(parents=True, exist_ok=True, mode=0o700)
        path = generate_key_file(directory)
        self.stdout.write(self.style.SUCCESS(f"New signing key: {path}"))

    def _list(self, directory: Path) -> None:
        keys = self._keys(directory)
        if not keys:
            raise CommandError(f"No keys in {directory}. Run: manage.py openbadges_keys create")
        for key in keys:
            role = "signs" if key.can_sign else "published only"
            self.stdout.write(f"{key.name}  {key.public_key_multibase}  ({role})")
