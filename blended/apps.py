from django.apps import AppConfig


class BlendedConfig(AppConfig):
    name = "blended"
    verbose_name = "Blended training"
    default_auto_field = "django.db.models.BigAutoField"
