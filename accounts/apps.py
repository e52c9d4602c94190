from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = "Accounts"

    def ready(self) -> None:
        # Models are loaded only now: the receivers' module imports them.
        from accounts import admin_access

        admin_access.connect()
