from django.apps import AppConfig


class AspenCeConfig(AppConfig):
    name = "aspen_ce"
    verbose_name = "People and libraries"
