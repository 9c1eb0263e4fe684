from django.apps import AppConfig


class ReviewConfig(AppConfig):
    name = "review"
    verbose_name = "State Library review"
